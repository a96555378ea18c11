//! Staleness check: has any file under the index's roots been added, changed or removed since
//! the last commit? What a plain `claimdex search` asks before it answers.
//!
//! Input: an open `CorpusIndex` (its payload holds the roots and a digest of every file's path,
//! size and modification time at commit). Output: yes or no. It reads no file and not the
//! manifest, but it does stat every file: a file edited in place changes only its own size and
//! mtime, not its folder's, so no cheaper signal (folder mtimes, a sample) would see every edit.
//! The walk lists each folder once (`read_dir`; the file type comes with the entry) and stats
//! each file relative to its open folder. Walking sibling folders on several threads was tried
//! and was slower on the shared 2-core machine (see docs/benchmarks.md).

use super::build::add_meta_files;
use super::manifest::StatDigest;
use super::{CorpusIndex, DEFAULT_CORPUS};
use crate::model::Format;
use std::fs::{DirEntry, Metadata};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// A file's size and modification time in nanoseconds, as the digest records them.
pub type Stat = Option<(u64, u128)>;

/// Whether any file under the index's roots was added, changed or removed since the last commit.
pub fn is_stale(corpus: &CorpusIndex) -> bool {
    let roots = if corpus.payload.roots.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        corpus.payload.roots.clone()
    };
    let mut digest = StatDigest::default();
    for (path, stat) in stat_walk(&roots) {
        digest.add(&path, stat);
    }
    add_meta_files(&mut digest, &roots);
    digest.finish() != corpus.payload.stat_digest
}

/// The stat of the file at `path` (following symbolic links).
pub fn stat(path: &Path) -> Stat {
    stat_of(&std::fs::metadata(path).ok()?)
}

/// Every file `ingest::discover` lists under `roots` (the same rules: hidden entries skipped,
/// symbolic links followed unless they loop, only extensions claimdex reads), sorted by path,
/// with its stat.
pub fn stat_walk(roots: &[PathBuf]) -> Vec<(PathBuf, Stat)> {
    let mut files = Vec::new();
    for root in roots {
        let Ok(metadata) = std::fs::metadata(root) else {
            continue;
        };
        if metadata.is_file() {
            if Format::from_path(root).is_some() {
                files.push((root.clone(), stat_of(&metadata)));
            }
        } else if metadata.is_dir() {
            let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.clone());
            files.extend(walk_dir(root, &canonical));
        }
    }
    // Each root's files come out sorted (a sorted run costs one comparison per file to check);
    // overlapping roots repeat files.
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    files
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

/// A folder's entries in name order: files with their stat, and folders still to walk.
enum Item {
    File(PathBuf, Stat),
    /// The folder's path and its canonical path (to detect symbolic-link loops).
    Dir(PathBuf, PathBuf),
}

/// The files under `dir` in path order.
fn walk_dir(dir: &Path, canonical: &Path) -> Vec<(PathBuf, Stat)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut entries: Vec<DirEntry> = entries
        .flatten()
        .filter(|entry| !is_hidden(&entry.file_name()))
        .collect();
    entries.sort_by_cached_key(DirEntry::file_name);
    let mut files = Vec::new();
    for entry in &entries {
        match item(entry, canonical) {
            Some(Item::File(path, stat)) => files.push((path, stat)),
            Some(Item::Dir(path, canonical)) => files.extend(walk_dir(&path, &canonical)),
            None => {}
        }
    }
    files
}

/// What a folder entry is to the walk: a file claimdex reads, a folder to enter, or nothing.
fn item(entry: &DirEntry, canonical_dir: &Path) -> Option<Item> {
    let file_type = entry.file_type().ok()?;
    let path = entry.path();
    if file_type.is_symlink() {
        let metadata = std::fs::metadata(&path).ok()?;
        if metadata.is_dir() {
            let target = std::fs::canonicalize(&path).ok()?;
            // A link to a folder that contains it would be walked forever.
            if canonical_dir.starts_with(&target) {
                return None;
            }
            Some(Item::Dir(path, target))
        } else if metadata.is_file() && Format::from_path(&path).is_some() {
            Some(Item::File(path, stat_of(&metadata)))
        } else {
            None
        }
    } else if file_type.is_dir() {
        Some(Item::Dir(path, canonical_dir.join(entry.file_name())))
    } else if file_type.is_file() && Format::from_path(&path).is_some() {
        // Relative to the open folder: no path lookup from the root for each file.
        let stat = entry
            .metadata()
            .ok()
            .and_then(|metadata| stat_of(&metadata));
        Some(Item::File(path, stat))
    } else {
        None
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|name| name.starts_with('.') && name != "." && name != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk lists exactly the files (and stats) `ingest::discover` finds.
    #[test]
    fn the_walk_finds_what_discover_finds() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
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
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, root.join("b/loop")).unwrap();
            std::os::unix::fs::symlink(root.join("b/d"), root.join("linked")).unwrap();
        }
        let roots = [root.clone(), root.join("a.txt")];
        let (discovered, _) = crate::ingest::discover(&roots);
        let walked = stat_walk(&roots);
        let walked_paths: Vec<PathBuf> = walked.iter().map(|(path, _)| path.clone()).collect();
        assert_eq!(walked_paths, discovered);
        assert!(
            walked_paths.contains(&root.join("b2.txt")),
            "{walked_paths:?}"
        );
        for (path, walked_stat) in &walked {
            assert!(walked_stat.is_some(), "{}", path.display());
            assert_eq!(*walked_stat, stat(path), "{}", path.display());
        }
    }
}
