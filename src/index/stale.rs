//! Staleness check: has any file under the index's roots been added, changed or removed since
//! the last commit? What a plain `claimdex search` asks before it answers.
//!
//! Input: an open `CorpusIndex` (its payload holds the roots and a digest of every file's path,
//! size and modification time at commit) and how long a full check vouches for the index.
//! Output: yes or no. It reads no file and not the manifest. First the quick check
//! (`fresh::vouches`): the freshness record of the last full check, if it names this commit,
//! is younger than `every` and every folder under the roots still has the stat it had, answers
//! "not stale" after one stat per folder. Otherwise the full check: `ingest::walk`, the walk
//! indexing uses (one `read_dir` per folder, each file statted relative to its open folder),
//! and the digest compared; a full check that finds nothing changed writes a new record.
//! Limit (see `fresh`): a file edited in place, its folder untouched, is seen by the first
//! search more than `every` after the last full check. The walk lists a root's subfolders on a
//! thread per core (up to four; see `ingest::walk` and docs/benchmarks.md, "Issue 16, fourth
//! part").

use super::{fresh, Anchor, CorpusIndex, DEFAULT_CORPUS};
use crate::ingest;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Whether any file under the index's roots was added, changed or removed since the last
/// commit, trusting a full check younger than `every` whose folders are unchanged
/// (`Duration::ZERO`: stat every file).
pub fn is_stale(corpus: &CorpusIndex, every: Duration) -> bool {
    let anchor: &Anchor = &corpus.anchor;
    let stat_digest = &corpus.payload.stat_digest;
    if fresh::vouches(&corpus.root, anchor, stat_digest, every) {
        return false;
    }
    let roots = if corpus.payload.roots.is_empty() {
        vec![anchor.store(&PathBuf::from(DEFAULT_CORPUS))]
    } else {
        corpus.payload.roots.clone()
    };
    let opened: Vec<PathBuf> = roots.iter().map(|root| anchor.resolve(root)).collect();
    let checked_at = SystemTime::now();
    let walk = ingest::walk::walk(&opened);
    if fresh::digest_of(&walk.files, &roots, anchor) != *stat_digest {
        return true;
    }
    let watched = fresh::watched(anchor, &corpus.root, &roots, &walk.folders);
    fresh::save(&corpus.root, stat_digest, checked_at, watched);
    false
}
