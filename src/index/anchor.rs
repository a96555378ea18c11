//! Where an index's stored paths are anchored, so the index answers the same from any folder.
//!
//! The manifest, the commit payload and the tantivy `path` field hold each document's path
//! relative to the folder that holds the index folder (the *base*): built as
//! `claimdex --index idx index docs` inside `proj/`, a file is stored as `docs/a.txt` and the
//! base is `proj/`. A path outside the base is stored absolute. Input: the index folder and the
//! process's working directory. Output: `store` turns a path the user typed (relative to the
//! working directory) into its stored form; `resolve` turns a stored path into one the process
//! can open (relative to the working directory when it can be, so messages stay short).
//! Invariant: `store(resolve(p)) == p` for every stored `p`. When the working directory is the
//! base (the usual case: `index/` beside `corpus/`), both are the identity on clean relative
//! paths.

use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The base, absolute and lexically normalised.
    base: PathBuf,
    /// The base as reached from the working directory (`""` when they are the same folder,
    /// `../proj` from a sibling); the base itself when no relative way exists.
    from_cwd: PathBuf,
    cwd: PathBuf,
}

impl Anchor {
    /// The anchor of the index at `index_root`, seen from the process's working directory.
    pub fn of(index_root: &Path) -> Anchor {
        let cwd = std::env::current_dir().unwrap_or_default();
        Anchor::with_cwd(index_root, &cwd)
    }

    fn with_cwd(index_root: &Path, cwd: &Path) -> Anchor {
        let index = normalize(&cwd.join(index_root));
        let base = index.parent().map(Path::to_path_buf).unwrap_or(index);
        let from_cwd = relative_to(&base, cwd).unwrap_or_else(|| base.clone());
        Anchor {
            base,
            from_cwd,
            cwd: cwd.to_path_buf(),
        }
    }

    /// The stored form of `path` (relative to the working directory, or absolute).
    pub fn store(&self, path: &Path) -> PathBuf {
        let absolute = normalize(&self.cwd.join(path));
        match absolute.strip_prefix(&self.base) {
            Ok(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
            Ok(relative) => relative.to_path_buf(),
            Err(_) => absolute,
        }
    }

    /// A path the process can open for the stored `path`.
    pub fn resolve(&self, stored: &Path) -> PathBuf {
        if stored.is_absolute() || self.from_cwd.as_os_str().is_empty() {
            stored.to_path_buf()
        } else if stored == Path::new(".") {
            self.from_cwd.clone()
        } else {
            self.from_cwd.join(stored)
        }
    }

    /// The stored form of a path `resolve` produced (or a walk under a resolved root found).
    pub fn unresolve(&self, path: &Path) -> PathBuf {
        if !self.from_cwd.as_os_str().is_empty() && !path.is_absolute() {
            match path.strip_prefix(&self.from_cwd) {
                Ok(relative) if relative.as_os_str().is_empty() => return PathBuf::from("."),
                Ok(relative) if !relative.starts_with("..") => return relative.to_path_buf(),
                _ => {}
            }
        }
        self.store(path)
    }

    /// `unresolve` of each of `paths`, one folder at a time (see `for_each_unresolved`).
    pub fn unresolve_each<P: AsRef<Path>>(
        &self,
        paths: impl IntoIterator<Item = P>,
    ) -> Vec<PathBuf> {
        let mut stored = Vec::new();
        self.for_each_unresolved(paths, |path| stored.push(path.to_path_buf()));
        stored
    }

    /// Calls `visit` with `unresolve` of each of `paths`, in order, one folder at a time: for
    /// a run of paths in the same folder (as a walk lists them) the folder is unresolved once
    /// and each file name joined to it in a reused buffer, which is what `unresolve` gives for
    /// a path ending in a name. `unresolve` of each path normalises it whole, component by
    /// component (5% of a no-op `claimdex index` at 118,512 files), and a no-op index needs
    /// the stored paths only to hash them.
    pub fn for_each_unresolved<P: AsRef<Path>>(
        &self,
        paths: impl IntoIterator<Item = P>,
        mut visit: impl FnMut(&Path),
    ) {
        // The folder of the last path, as opened and as stored.
        let mut folder: Option<(PathBuf, PathBuf)> = None;
        let mut buffer = PathBuf::new();
        for path in paths {
            let path = path.as_ref();
            let Some(name) = path.file_name() else {
                visit(&self.unresolve(path));
                continue;
            };
            let in_folder = |opened: &Path| {
                // `opened`, a separator, `name`: the parent, compared as bytes.
                let bytes = path.as_os_str().as_encoded_bytes();
                let opened = opened.as_os_str().as_encoded_bytes();
                !opened.is_empty()
                    && bytes.len() == opened.len() + 1 + name.len()
                    && bytes.starts_with(opened)
                    && std::path::is_separator(char::from(bytes[opened.len()]))
            };
            let stored_folder = match &folder {
                Some((opened, stored)) if in_folder(opened) => stored,
                _ => {
                    let Some(parent) = path.parent() else {
                        visit(&self.unresolve(path));
                        continue;
                    };
                    let stored = self.unresolve(parent);
                    &folder.insert((parent.to_path_buf(), stored)).1
                }
            };
            if stored_folder.as_os_str() == "." {
                visit(Path::new(name));
            } else {
                buffer.clear();
                buffer.push(stored_folder);
                buffer.push(name);
                visit(&buffer);
            }
        }
    }
}

/// Removes `.` and resolves `..` lexically (no symbolic links are followed, so a stored path
/// keeps the words the user typed).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `target` as reached from `from` (both absolute and normalised), with `..` where needed;
/// `None` when they share no root (another drive on Windows).
fn relative_to(target: &Path, from: &Path) -> Option<PathBuf> {
    let target_parts: Vec<Component> = target.components().collect();
    let from_parts: Vec<Component> = from.components().collect();
    if target_parts.first() != from_parts.first() {
        return None;
    }
    let common = target_parts
        .iter()
        .zip(&from_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in common..from_parts.len() {
        out.push("..");
    }
    for part in &target_parts[common..] {
        out.push(part.as_os_str());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_the_base_paths_are_stored_and_resolved_as_typed() {
        let anchor = Anchor::with_cwd(Path::new("idx"), Path::new("/home/u/proj"));
        assert_eq!(anchor.store(Path::new("docs")), Path::new("docs"));
        assert_eq!(
            anchor.store(Path::new("./docs/a.txt")),
            Path::new("docs/a.txt")
        );
        assert_eq!(
            anchor.resolve(Path::new("docs/a.txt")),
            Path::new("docs/a.txt")
        );
        assert_eq!(anchor.store(Path::new("/data/x")), Path::new("/data/x"));
        assert_eq!(
            anchor.unresolve(Path::new("./docs/a.txt")),
            Path::new("docs/a.txt")
        );
        assert_eq!(
            anchor.unresolve(Path::new("/home/u/proj/docs")),
            Path::new("docs")
        );
    }

    #[test]
    fn from_a_sibling_folder_stored_paths_resolve_through_the_base() {
        let anchor = Anchor::with_cwd(Path::new("../proj/idx"), Path::new("/home/u/other"));
        assert_eq!(
            anchor.resolve(Path::new("docs/a.txt")),
            Path::new("../proj/docs/a.txt")
        );
        assert_eq!(anchor.store(Path::new("../proj/docs")), Path::new("docs"));
        assert_eq!(
            anchor.store(Path::new("notes")),
            Path::new("/home/u/other/notes")
        );
        assert_eq!(
            anchor.unresolve(Path::new("../proj/docs/a.txt")),
            Path::new("docs/a.txt")
        );
        for stored in ["docs", "docs/a.txt", ".", "/abs/file.txt"] {
            let stored = Path::new(stored);
            assert_eq!(anchor.unresolve(&anchor.resolve(stored)), stored);
        }
    }

    #[test]
    fn unresolving_a_folder_at_a_time_is_unresolving_each_path() {
        let paths = [
            "docs/a.txt",
            "docs/b.txt",
            "./docs/sub/c.md",
            "a.txt",
            "./a.txt",
            "../proj/docs/d.txt",
            "../other/e.txt",
            "/home/u/proj/docs/f.txt",
            "/home/u/proj/g.txt",
            "/data/x/h.txt",
            "docs/..",
            "..",
            "",
            "a.txt",
            "/b.txt",
            "docs/a.txt",
            "docs//b.txt",
            "docs/./c.txt",
            "docs/b.txt/",
            "docs/b.txt/.",
        ];
        for (index, cwd) in [
            ("idx", "/home/u/proj"),
            ("../proj/idx", "/home/u/other"),
            ("../idx", "/home/u/proj/docs"),
            ("/elsewhere/idx", "/home/u/proj"),
            ("/idx", "/"),
        ] {
            let anchor = Anchor::with_cwd(Path::new(index), Path::new(cwd));
            let expected: Vec<PathBuf> = paths
                .iter()
                .map(|path| anchor.unresolve(Path::new(path)))
                .collect();
            let each = anchor.unresolve_each(paths.iter().map(Path::new));
            assert_eq!(each, expected, "index {index} from {cwd}");
        }
    }

    #[test]
    fn from_inside_the_corpus_the_base_is_above() {
        let anchor = Anchor::with_cwd(Path::new("../idx"), Path::new("/home/u/proj/docs"));
        assert_eq!(anchor.store(Path::new("a.txt")), Path::new("docs/a.txt"));
        assert_eq!(
            anchor.resolve(Path::new("docs/a.txt")),
            Path::new("../docs/a.txt")
        );
    }
}
