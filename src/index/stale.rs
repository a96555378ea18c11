//! Staleness check: has any file under the index's roots been added, changed or removed since
//! the last commit? What a plain `claimdex search` asks before it answers.
//!
//! Input: an open `CorpusIndex` (its payload holds the roots and a digest of every file's path,
//! size and modification time at commit). Output: yes or no. It reads no file and not the
//! manifest, but it does stat every file: a file edited in place changes only its own size and
//! mtime, not its folder's, so no cheaper signal (folder mtimes, a sample) would see every edit.
//! The files are `ingest::walk`'s, the walk indexing uses (one `read_dir` per folder, each file
//! statted relative to its open folder). Walking sibling folders on several threads was tried
//! and was slower on the shared 2-core machine (see docs/benchmarks.md).

use super::build::add_meta_files;
use super::manifest::StatDigest;
use super::{Anchor, CorpusIndex, DEFAULT_CORPUS};
use crate::ingest;
use std::path::PathBuf;

/// Whether any file under the index's roots was added, changed or removed since the last commit.
pub fn is_stale(corpus: &CorpusIndex) -> bool {
    let anchor: &Anchor = &corpus.anchor;
    let roots = if corpus.payload.roots.is_empty() {
        vec![anchor.store(&PathBuf::from(DEFAULT_CORPUS))]
    } else {
        corpus.payload.roots.clone()
    };
    let opened: Vec<PathBuf> = roots.iter().map(|root| anchor.resolve(root)).collect();
    let mut digest = StatDigest::default();
    for (path, stat) in ingest::walk::walk(&opened).files {
        digest.add(&anchor.unresolve(&path), stat);
    }
    add_meta_files(&mut digest, &roots, anchor);
    digest.finish() != corpus.payload.stat_digest
}
