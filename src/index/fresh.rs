//! The freshness record (`checked.json` in the index folder): when a full staleness check (a
//! stat of every file) last found the files as the last commit indexed them, and the stats of
//! every folder under the roots at that moment. Here is an index, is it still fresh without
//! statting every file?
//!
//! Adding, removing or renaming a file changes its folder's mtime; editing a file in place does
//! not. So a quick check stats the recorded folders (and each root, and its `corpus.toml`,
//! `sources.toml`, `topics.toml`): any difference means a full check. When they all match, the
//! record vouches for the index only until it is `every` old (default 60 s, `claimdex
//! --full-check-every`); after that a full check runs again. What this gives up: a file
//! edited in place (its folder untouched) is seen by the first search more than `every` after
//! the last full check, not by the next one; `claimdex index` always stats every file.
//!
//! Written after a full check that found nothing changed (`stale::is_stale`) and after a commit
//! whose run walked every root (`build`), as a temporary file renamed into place; never fsynced
//! (losing it costs one full check). A record naming another commit's stat digest, one from
//! the future, or one that cannot be read vouches for nothing. A folder whose mtime is within
//! `RACY` of the check is not trusted to show a later change (file systems keep mtimes at a
//! coarse tick, FAT at 2 s), so no record is written then: the next search checks in full.

use super::manifest::StatDigest;
use super::Anchor;
use crate::ingest::Stat;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const FILE_NAME: &str = "checked.json";

/// How close to the check a folder's mtime may be before the record is not written.
const RACY: Duration = Duration::from_secs(2);

/// How long a record vouches for the index when no flag or environment variable says.
pub const DEFAULT_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug, Serialize, Deserialize)]
struct Checked {
    /// The stat digest of the commit this record vouches for.
    stat_digest: String,
    /// When the full check that found the files unchanged started, in ns since the epoch.
    checked_at_ns: u128,
    /// Every folder walked, each root and each root's rule files, as stored paths, with their
    /// stats at that check.
    watched: Vec<(PathBuf, Stat)>,
}

/// What a quick check stats: every folder a walk listed (`folders`, as opened), each root and
/// its rule files (stored), leaving out the index's own folder (its files are never indexed,
/// and writing this record changes it).
pub fn watched(
    anchor: &Anchor,
    index_root: &Path,
    roots: &[PathBuf],
    folders: &[(PathBuf, Stat)],
) -> Vec<(PathBuf, Stat)> {
    let index_folder = anchor.store(index_root);
    let mut watched: Vec<(PathBuf, Stat)> = folders
        .iter()
        .map(|(path, stat)| (anchor.unresolve(path), *stat))
        .filter(|(path, _)| !path.starts_with(&index_folder))
        .collect();
    for root in roots {
        watched.push((
            root.clone(),
            crate::ingest::walk::stat(&anchor.resolve(root)),
        ));
        for meta in super::build::meta_file_paths(root) {
            let stat = crate::ingest::walk::stat(&anchor.resolve(&meta));
            watched.push((meta, stat));
        }
    }
    watched
}

/// Records that the files under the roots matched the commit with `stat_digest` at
/// `checked_at` (when the walk that found it started), unless a watched folder changed too
/// recently to be trusted. Failing to write is not an error: the next search checks in full.
pub fn save(
    index_root: &Path,
    stat_digest: &str,
    checked_at: SystemTime,
    watched: Vec<(PathBuf, Stat)>,
) {
    let Ok(since_epoch) = checked_at.duration_since(UNIX_EPOCH) else {
        return;
    };
    let racy_from = since_epoch.saturating_sub(RACY).as_nanos();
    if watched
        .iter()
        .any(|(_, stat)| stat.is_some_and(|(_, mtime)| mtime >= racy_from))
    {
        return;
    }
    let record = Checked {
        stat_digest: stat_digest.to_string(),
        checked_at_ns: since_epoch.as_nanos(),
        watched,
    };
    let Ok(json) = serde_json::to_vec(&record) else {
        return;
    };
    let temporary = index_root.join(format!("{FILE_NAME}.{}.tmp", std::process::id()));
    if std::fs::write(&temporary, json).is_err() {
        let _ = std::fs::remove_file(&temporary);
        return;
    }
    if std::fs::rename(&temporary, index_root.join(FILE_NAME)).is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// Whether the record vouches that the files still match the commit with `stat_digest`: it
/// names that commit, is younger than `every`, and every watched path has the stat it had.
pub fn vouches(index_root: &Path, anchor: &Anchor, stat_digest: &str, every: Duration) -> bool {
    if every.is_zero() {
        return false;
    }
    let Ok(bytes) = std::fs::read(index_root.join(FILE_NAME)) else {
        return false;
    };
    let Ok(record) = serde_json::from_slice::<Checked>(&bytes) else {
        return false;
    };
    if record.stat_digest != stat_digest {
        return false;
    }
    let Ok(now) = SystemTime::now().duration_since(UNIX_EPOCH) else {
        return false;
    };
    let age = now.as_nanos().checked_sub(record.checked_at_ns);
    if age.is_none_or(|age| age >= every.as_nanos()) {
        return false;
    }
    record
        .watched
        .iter()
        .all(|(path, stat)| crate::ingest::walk::stat(&anchor.resolve(path)) == *stat)
}

/// Whether `name` is a file this module writes (for deleting an index's own files).
pub fn is_fresh_file(name: &str) -> bool {
    name.starts_with(FILE_NAME)
}

/// The digest of a walk's files as `is_stale` and the commit compute it.
pub fn digest_of(files: &[(PathBuf, Stat)], roots: &[PathBuf], anchor: &Anchor) -> String {
    let mut digest = StatDigest::default();
    let mut stats = files.iter().map(|(_, stat)| *stat);
    anchor.for_each_unresolved(files.iter().map(|(path, _)| path), |path| {
        digest.add(path, stats.next().flatten());
    });
    super::build::add_meta_files(&mut digest, roots, anchor);
    digest.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_mtime(path: &Path, ago: Duration) {
        let file = std::fs::File::open(path).unwrap();
        file.set_modified(SystemTime::now() - ago).unwrap();
    }

    #[test]
    fn a_record_vouches_until_a_folder_changes_or_it_ages() {
        let dir = tempfile::tempdir().unwrap();
        let (docs, index_root) = (dir.path().join("docs"), dir.path().join("idx"));
        std::fs::create_dir_all(docs.join("sub")).unwrap();
        std::fs::create_dir_all(&index_root).unwrap();
        let anchor = Anchor::of(&index_root);
        let roots = vec![anchor.store(&docs)];
        let folders = |age: Duration| {
            for folder in [docs.join("sub"), docs.clone()] {
                set_mtime(&folder, age);
            }
            let walk = crate::ingest::walk::walk(std::slice::from_ref(&docs));
            watched(&anchor, &index_root, &roots, &walk.folders)
        };
        let minute = Duration::from_secs(60);
        // A folder changed a moment ago is not trusted: no record.
        save(
            &index_root,
            "d1",
            SystemTime::now(),
            folders(Duration::ZERO),
        );
        assert!(!index_root.join(FILE_NAME).exists());
        save(&index_root, "d1", SystemTime::now(), folders(minute));
        assert!(vouches(&index_root, &anchor, "d1", minute));
        assert!(
            !vouches(&index_root, &anchor, "d2", minute),
            "another commit"
        );
        assert!(!vouches(&index_root, &anchor, "d1", Duration::ZERO));
        // A file added to a subfolder changes that folder's mtime.
        std::fs::write(docs.join("sub/new.txt"), "new").unwrap();
        assert!(!vouches(&index_root, &anchor, "d1", minute));
        // An old record vouches for nothing.
        save(
            &index_root,
            "d1",
            SystemTime::now() - 2 * minute,
            folders(3 * minute),
        );
        assert!(!vouches(&index_root, &anchor, "d1", minute));
        assert!(vouches(&index_root, &anchor, "d1", 3 * minute));
        // A damaged record vouches for nothing, and says nothing.
        std::fs::write(index_root.join(FILE_NAME), "{ not json").unwrap();
        assert!(!vouches(&index_root, &anchor, "d1", 3 * minute));
    }
}
