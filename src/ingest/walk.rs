//! The walk: every file claimdex reads under the paths a user gives, each with its stat, and a
//! diagnostic for every path or entry it could not use.
//!
//! Input: root paths (files or folders). Output: `Walk`, the files sorted by path with their
//! size and modification time, and the diagnostics. Rules: folders are walked recursively in
//! name order, hidden entries (a name starting with `.`) are skipped below a root, symbolic
//! links are followed unless they point to a folder that contains them (reported as a loop),
//! and only the extensions claimdex reads are kept (inside a folder others are skipped
//! silently, like `corpus.toml`; given explicitly they are a warning). Each folder is listed
//! once (`read_dir`; the file type comes with the entry) and each file is statted relative to
//! its open folder, so the full staleness check a plain `claimdex search` runs, which is this
//! walk, costs one `read_dir` and one stat per folder and one stat per file. Each folder's stat
//! is taken before it is listed, so an entry added or removed after the listing changes the
//! folder's mtime from the one recorded (the quick staleness check, `index::fresh`, relies on
//! it). A root's subfolders are walked on a thread per core (up to four), each whole on one
//! thread, and put back in their place: the result is the one thread's walk, in the same order.
//! The stats are most of a walk's time, in the kernel: at 118,512 files a no-op `claimdex
//! index` went from 0.34 to 0.18 s with this and a cheaper digest, the second core free
//! (docs/benchmarks.md, "Issue 16, fourth part"); when other work holds every core the
//! threads gain nothing.

use super::io_reason;
use crate::diagnostic::Diagnostic;
use crate::model::FileFormat;
use std::ffi::OsString;
use std::fs::{DirEntry, Metadata};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A file's size and modification time in nanoseconds (`None` when the file cannot be statted).
pub type Stat = Option<(u64, u128)>;

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Every readable-looking file, sorted by path, without repeats, with its stat.
    pub files: Vec<(PathBuf, Stat)>,
    /// Every folder listed, in walk order, with its stat taken just before it was listed.
    pub folders: Vec<(PathBuf, Stat)>,
    /// One per root that does not exist, explicit file claimdex does not read, unreadable
    /// folder, dangling link and link loop.
    pub diagnostics: Vec<Diagnostic>,
}

/// Walks `roots` (see the module documentation for the rules).
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut walk = Walk::default();
    for root in roots {
        let metadata = match std::fs::metadata(root) {
            Ok(metadata) => metadata,
            Err(err) => {
                walk.diagnostics.push(Diagnostic::error(
                    Some(root.clone()),
                    None,
                    format!(
                        "{}; check the path (claimdex index PATH...)",
                        io_reason(&err)
                    ),
                ));
                continue;
            }
        };
        if metadata.is_dir() {
            let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
            walk_root(root, &canonical, stat_of(&metadata), &mut walk);
        } else if FileFormat::from_path(root).is_some() {
            walk.files.push((root.clone(), stat_of(&metadata)));
        } else {
            walk.diagnostics.push(Diagnostic::warning(
                Some(root.clone()),
                None,
                "not a file claimdex reads (use .txt, .md, .html, .htm or .pdf); skipped",
            ));
        }
    }
    // Each root's files come out sorted (folders are listed in name order and walked in
    // place), so one root's walk is; overlapping roots repeat files. Comparing paths goes
    // component by component (5% of a no-op `claimdex index` at 118,512 files when the sort
    // and dedup ran over one root's walk).
    if roots.len() > 1 {
        walk.files.sort_by(|a, b| a.0.cmp(&b.0));
        walk.files.dedup_by(|a, b| a.0 == b.0);
    }
    walk
}

/// The stat of the file at `path` (following symbolic links).
pub fn stat(path: &Path) -> Stat {
    stat_of(&std::fs::metadata(path).ok()?)
}

fn stat_of(metadata: &Metadata) -> Stat {
    let mtime = metadata
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((metadata.len(), mtime))
}

/// What one folder entry is to the walk.
enum Item {
    File(PathBuf, Stat),
    /// A folder's path, its canonical path (to detect symbolic-link loops) and its stat.
    Dir(PathBuf, PathBuf, Stat),
    /// Something that is not walked and needs no word: another extension, a socket.
    Nothing,
}

/// How many threads walk a root's subfolders at most.
const MAX_THREADS: usize = 4;

/// Adds the files under the root folder `dir` as `walk_dir` does, walking its subfolders on
/// up to `MAX_THREADS` threads (one per core), each subfolder whole on one thread. The stats
/// are system calls, most of a walk's time, and a corpus's files are mostly in subfolders
/// (119 of them at 1 GB in the benchmark's corpus). The result is the same, in the same order,
/// as one thread's walk: each subfolder's walk is put back in its place among the root's
/// entries.
fn walk_root(dir: &Path, canonical: &Path, dir_stat: Stat, walk: &mut Walk) {
    walk.folders.push((dir.to_path_buf(), dir_stat));
    let Some(entries) = sorted_entries(dir, walk) else {
        return;
    };
    // The root's own entries, in order; a subfolder is walked later, into its slot.
    let mut slots: Vec<Result<Item, Diagnostic>> = entries
        .into_iter()
        .map(|entry| item(entry, canonical))
        .collect();
    let subfolders: Vec<usize> = (0..slots.len())
        .filter(|&idx| matches!(slots[idx], Ok(Item::Dir(..))))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_THREADS)
        .min(subfolders.len());
    let mut walked: Vec<Walk> = Vec::new();
    walked.resize_with(slots.len(), Walk::default);
    if threads > 1 {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let done: Vec<Vec<(usize, Walk)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let (next, subfolders, slots) = (&next, &subfolders, &slots);
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        // The next subfolder not yet taken: large and small ones spread evenly.
                        while let Some(&idx) =
                            subfolders.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                        {
                            if let Ok(Item::Dir(path, canonical, dir_stat)) = &slots[idx] {
                                let mut sub = Walk::default();
                                walk_dir(path, canonical, *dir_stat, &mut sub);
                                done.push((idx, sub));
                            }
                        }
                        done
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap_or_default())
                .collect()
        });
        for (idx, sub) in done.into_iter().flatten() {
            walked[idx] = sub;
        }
        // A thread that panicked left its subfolders unwalked; walk them here.
        for &idx in &subfolders {
            if walked[idx].folders.is_empty() {
                if let Ok(Item::Dir(path, canonical, dir_stat)) = &slots[idx] {
                    walk_dir(path, canonical, *dir_stat, &mut walked[idx]);
                }
            }
        }
    } else {
        for &idx in &subfolders {
            if let Ok(Item::Dir(path, canonical, dir_stat)) = &slots[idx] {
                walk_dir(path, canonical, *dir_stat, &mut walked[idx]);
            }
        }
    }
    for (slot, sub) in slots.drain(..).zip(walked) {
        match slot {
            Ok(Item::File(path, stat)) => walk.files.push((path, stat)),
            Ok(Item::Dir(..)) => {
                walk.folders.extend(sub.folders);
                walk.files.extend(sub.files);
                walk.diagnostics.extend(sub.diagnostics);
            }
            Ok(Item::Nothing) => {}
            Err(diagnostic) => walk.diagnostics.push(diagnostic),
        }
    }
}

/// The entries of `dir` that are not hidden, sorted by name, or `None` (and a diagnostic) when
/// it cannot be listed.
fn sorted_entries(dir: &Path, walk: &mut Walk) -> Option<Vec<Entry>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            walk.diagnostics.push(skipped(dir, &err));
            return None;
        }
    };
    // Each name is read once, for the filter, the sort and the entry's path.
    let mut entries: Vec<(OsString, DirEntry)> = entries
        .flatten()
        .map(|entry| (entry.file_name(), entry))
        .filter(|(name, _)| !is_hidden(name))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Some(
        entries
            .into_iter()
            .map(|(name, entry)| {
                // `DirEntry::path` copies the folder's path, then grows it for the name.
                let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
                path.push(dir);
                path.push(&name);
                Entry { name, path, entry }
            })
            .collect(),
    )
}

/// A folder entry with its name and path.
struct Entry {
    name: OsString,
    path: PathBuf,
    entry: DirEntry,
}

/// Adds the files under `dir` (whose canonical path is `canonical` and whose stat, taken before
/// listing it, is `dir_stat`) in path order.
fn walk_dir(dir: &Path, canonical: &Path, dir_stat: Stat, walk: &mut Walk) {
    walk.folders.push((dir.to_path_buf(), dir_stat));
    let Some(entries) = sorted_entries(dir, walk) else {
        return;
    };
    for entry in entries {
        match item(entry, canonical) {
            Ok(Item::File(path, stat)) => walk.files.push((path, stat)),
            Ok(Item::Dir(path, canonical, dir_stat)) => {
                walk_dir(&path, &canonical, dir_stat, walk);
            }
            Ok(Item::Nothing) => {}
            Err(diagnostic) => walk.diagnostics.push(diagnostic),
        }
    }
}

/// What a folder entry is: a file claimdex reads, a folder to enter, nothing, or a problem.
fn item(entry: Entry, canonical_dir: &Path) -> Result<Item, Diagnostic> {
    let Entry { name, path, entry } = entry;
    let file_type = entry.file_type().map_err(|err| skipped(&path, &err))?;
    if file_type.is_symlink() {
        let metadata = std::fs::metadata(&path).map_err(|err| skipped(&path, &err))?;
        if metadata.is_dir() {
            let target = std::fs::canonicalize(&path).map_err(|err| skipped(&path, &err))?;
            // A link to a folder that contains it would be walked forever.
            if canonical_dir.starts_with(&target) {
                return Err(Diagnostic::warning(
                    Some(path),
                    None,
                    "symbolic link loop; skipped",
                ));
            }
            Ok(Item::Dir(path, target, stat_of(&metadata)))
        } else if metadata.is_file() && FileFormat::from_path(&path).is_some() {
            Ok(Item::File(path, stat_of(&metadata)))
        } else {
            Ok(Item::Nothing)
        }
    } else if file_type.is_dir() {
        let dir_stat = entry
            .metadata()
            .ok()
            .and_then(|metadata| stat_of(&metadata));
        Ok(Item::Dir(path, canonical_dir.join(name), dir_stat))
    } else if file_type.is_file() && FileFormat::from_path(&path).is_some() {
        // Relative to the open folder: no path lookup from the root for each file.
        let stat = entry
            .metadata()
            .ok()
            .and_then(|metadata| stat_of(&metadata));
        Ok(Item::File(path, stat))
    } else {
        Ok(Item::Nothing)
    }
}

fn skipped(path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::warning(
        Some(path.to_path_buf()),
        None,
        format!("{}; skipped", io_reason(err)),
    )
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|name| name.starts_with('.') && name != "." && name != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_tree(root: &Path) {
        for (path, text) in [
            ("a.txt", "a"),
            ("b/c.md", "c"),
            ("b/d/e.html", "<p>e</p>"),
            ("b/notes.csv", "skipped"),
            ("b2.txt", "after the folder b"),
            (".hidden/f.txt", "hidden"),
            ("g/.h.txt", "hidden"),
            ("g/i.pdf", "not really a pdf"),
        ] {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn the_walk_lists_readable_files_in_path_order_with_their_stats() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write_tree(&root);
        // The root twice (as a folder and one of its files): no file is listed twice.
        let walk = walk(&[root.clone(), root.join("a.txt")]);
        let paths: Vec<PathBuf> = walk.files.iter().map(|(path, _)| path.clone()).collect();
        let expected: Vec<PathBuf> = ["a.txt", "b/c.md", "b/d/e.html", "b2.txt", "g/i.pdf"]
            .iter()
            .map(|path| root.join(path))
            .collect();
        assert_eq!(paths, expected);
        for (path, walked) in &walk.files {
            assert!(walked.is_some(), "{}", path.display());
            assert_eq!(*walked, stat(path), "{}", path.display());
        }
        assert!(walk.diagnostics.is_empty(), "{:?}", walk.diagnostics);
        let folders: Vec<PathBuf> = walk.folders.iter().map(|(path, _)| path.clone()).collect();
        let expected: Vec<PathBuf> = ["", "b", "b/d", "g"]
            .iter()
            .map(|path| {
                if path.is_empty() {
                    root.clone()
                } else {
                    root.join(path)
                }
            })
            .collect();
        assert_eq!(folders, expected);
        for (path, walked) in &walk.folders {
            assert!(walked.is_some(), "{}", path.display());
            assert_eq!(*walked, stat(path), "{}", path.display());
        }
    }

    #[test]
    fn one_root_walked_on_several_threads_is_walked_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write_tree(&root);
        // Subfolders enough for every thread, names that sort differently as whole strings
        // ("b-x" < "b/…" bytewise) than as paths.
        for path in [
            "b-x/1.txt",
            "b.txt",
            "c/1.txt",
            "c/2/3.txt",
            "d/4.md",
            "e/5.html",
        ] {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let walk = walk(std::slice::from_ref(&root));
        let paths: Vec<&PathBuf> = walk.files.iter().map(|(path, _)| path).collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        let relative: Vec<&Path> = paths
            .iter()
            .map(|path| path.strip_prefix(&root).unwrap())
            .collect();
        let expected: Vec<&Path> = [
            "a.txt",
            "b/c.md",
            "b/d/e.html",
            "b-x/1.txt",
            "b.txt",
            "b2.txt",
            "c/1.txt",
            "c/2/3.txt",
            "d/4.md",
            "e/5.html",
            "g/i.pdf",
        ]
        .iter()
        .map(Path::new)
        .collect();
        assert_eq!(relative, expected);
        let folders: Vec<&Path> = walk
            .folders
            .iter()
            .map(|(path, _)| path.strip_prefix(&root).unwrap())
            .collect();
        let expected: Vec<&Path> = ["", "b", "b/d", "b-x", "c", "c/2", "d", "e", "g"]
            .iter()
            .map(Path::new)
            .collect();
        assert_eq!(folders, expected);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_loops_and_dangling_links_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write_tree(&root);
        std::os::unix::fs::symlink(&root, root.join("b/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("b/d"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
        let walk = walk(std::slice::from_ref(&root));
        let paths: Vec<PathBuf> = walk.files.iter().map(|(path, _)| path.clone()).collect();
        assert!(paths.contains(&root.join("linked/e.html")), "{paths:?}");
        assert!(!paths
            .iter()
            .any(|path| path.starts_with(root.join("b/loop"))));
        let messages: Vec<(PathBuf, String)> = walk
            .diagnostics
            .iter()
            .map(|d| (d.path.clone().unwrap(), d.message.clone()))
            .collect();
        assert_eq!(
            messages,
            vec![
                (
                    root.join("b/loop"),
                    "symbolic link loop; skipped".to_string()
                ),
                (
                    root.join("dangling.txt"),
                    "no such file or directory; skipped".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_missing_root_is_an_error_and_an_unread_extension_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.csv");
        std::fs::write(&notes, "a,b").unwrap();
        let walk = walk(&[dir.path().join("missing"), notes]);
        assert!(walk.files.is_empty());
        assert_eq!(walk.diagnostics.len(), 2, "{:?}", walk.diagnostics);
        assert!(walk.diagnostics[0].message.contains("check the path"));
        assert!(walk.diagnostics[1]
            .message
            .contains("not a file claimdex reads"));
    }
}
