//! The manifest: what the index holds, per file (hash, stat, counts), kept in a file of its own
//! beside the tantivy index and named by the tantivy commit.
//!
//! On disk it is a binary append log (`manifest-<id>.log`, `manifest_log`): a commit that
//! changed `k` files appends `k` records, so a re-index of one file writes one record, not the
//! whole manifest (36 MB of JSON at 118,512 files, rewritten and fsynced on every commit
//! before). The log is written whole (temporary file, fsync, rename) for a new index, when the
//! last commit named an old `manifest-<hash>.json` (read as before, migrated on the first
//! write), and when it holds more than twice as many records as files (compaction).
//!
//! The commit payload is a small `Payload` (the manifest's file name, the roots and a digest of
//! every file's stat), because tantivy parses `meta.json`, payload included, several times on
//! every open: a manifest stored in the payload (4 MB of JSON at 12,000 files) made a cold
//! `claimdex search` parse it four times over. Now a search reads only the payload; the
//! manifest is read on first use (`CorpusIndex::manifest`).
//!
//! Invariant (crash safety): a manifest file is written completely (temporary file, then
//! rename), or its new records appended and fsynced, before the commit that names it (with the
//! length it then has), and older files are deleted only after that commit, so the last commit
//! always names a manifest that exists and holds at least the bytes it names. Bytes a killed
//! run appended after them are never read, and the next writer cuts them off.

use super::{manifest_log, IndexError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Seek as _, Write as _};
use std::path::{Path, PathBuf};

/// What the index holds: per file, the hash and stat of what was indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexManifest {
    pub schema_version: u32,
    /// The paths given to `claimdex index`, so `search` can check them for changes.
    pub roots: Vec<PathBuf>,
    #[serde(deserialize_with = "sorted_map")]
    pub files: BTreeMap<PathBuf, FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub slug: String,
    pub hash: String,
    pub size: u64,
    pub mtime_ns: u128,
    pub passages: usize,
    pub sentences: usize,
}

/// The tantivy commit payload: small, parsed on every open. Two commits that changed anything
/// have different payloads (the manifest's length or the stat digest differ), so comparing
/// payloads tells whether an index was updated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// File name of the manifest in the index folder (`manifest-<id>.log`, or an older
    /// index's `manifest-<hash>.json`).
    pub manifest: String,
    /// For a `.log` manifest: how many of its bytes this commit wrote (what a reader reads).
    #[serde(default)]
    pub manifest_len: u64,
    /// For a `.log` manifest: how many records those bytes hold (to decide when to compact).
    #[serde(default)]
    pub manifest_records: u64,
    /// The roots of the manifest, so a staleness check needs no manifest.
    pub roots: Vec<PathBuf>,
    /// `StatDigest` of the files under the roots and their `corpus.toml` files at commit time.
    pub stat_digest: String,
    /// Passages in the index, for listings that need only the count.
    pub passages: usize,
    /// The index's totals after this commit, so a run that finds nothing changed can report
    /// them without reading the manifest (absent from an older claimdex's commits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
    /// The annotators' fingerprint (`build.rs`) of the claimdex that made this commit: another
    /// one re-annotates every file, so only the same one may skip the manifest.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub annotator: String,
}

/// An index's totals: documents, their passages, sentences and bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub documents: usize,
    pub passages: usize,
    pub sentences: usize,
    pub bytes: u64,
}

const PREFIX: &str = "manifest-";
const LOG_SUFFIX: &str = ".log";
/// A log is compacted when it holds more records than twice its files plus this.
const COMPACT_SLACK: u64 = 1_000;

/// What changed in the manifest since the last commit: the paths whose entries were put or
/// removed, and whether the roots changed.
#[derive(Debug, Default)]
pub struct Changes {
    pub paths: BTreeSet<PathBuf>,
    pub roots: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && !self.roots
    }
}

/// Where a commit's manifest is: the file, its length and its record count after the write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub name: String,
    pub len: u64,
    pub records: u64,
}

/// Writes the manifest of the next commit into the index folder `root`: `changes` appended to
/// the log the last commit (`previous`) named, or, with `whole` (a rebuild), with no log yet,
/// an old JSON manifest or a log due for compaction, the whole manifest as a new log
/// (temporary file, fsync, rename). Nothing is written when nothing changed.
pub fn write(
    root: &Path,
    previous: &Payload,
    manifest: &IndexManifest,
    changes: &Changes,
    whole: bool,
) -> Result<Written, IndexError> {
    let records = previous
        .manifest_records
        .saturating_add(changes.paths.len() as u64 + u64::from(changes.roots));
    let appendable = !whole
        && previous.manifest.ends_with(LOG_SUFFIX)
        && records <= 2 * manifest.files.len() as u64 + COMPACT_SLACK;
    if !appendable {
        return write_whole(root, manifest);
    }
    let unchanged = Written {
        name: previous.manifest.clone(),
        len: previous.manifest_len,
        records: previous.manifest_records,
    };
    if changes.is_empty() {
        return Ok(unchanged);
    }
    let chunk = manifest_log::delta(manifest, &changes.paths, changes.roots);
    let path = root.join(&previous.manifest);
    let io = |err| IndexError::io(&path, err);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .map_err(io)?;
    // What a killed run appended after the last commit's bytes is cut off first.
    file.set_len(previous.manifest_len).map_err(io)?;
    file.seek(std::io::SeekFrom::Start(previous.manifest_len))
        .map_err(io)?;
    file.write_all(&chunk).map_err(io)?;
    file.sync_data().map_err(io)?;
    Ok(Written {
        len: previous.manifest_len + chunk.len() as u64,
        records,
        ..unchanged
    })
}

/// Writes the whole manifest as a new log `manifest-<hash>.log`, atomically.
fn write_whole(root: &Path, manifest: &IndexManifest) -> Result<Written, IndexError> {
    let bytes = manifest_log::snapshot(manifest);
    let name = format!(
        "{PREFIX}{}{LOG_SUFFIX}",
        &blake3::hash(&bytes).to_hex()[..16]
    );
    let path = root.join(&name);
    let temporary = root.join(format!("{name}.tmp"));
    let io = |err| IndexError::io(&path, err);
    {
        let mut file = std::fs::File::create(&temporary).map_err(io)?;
        file.write_all(&bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    std::fs::rename(&temporary, &path).map_err(io)?;
    // The snapshot's records: the schema version, the roots and one per file.
    let records = 2 + manifest.files.len() as u64;
    Ok(Written {
        name,
        len: bytes.len() as u64,
        records,
    })
}

/// Reads the manifest the commit `payload` names from the index folder `root`: the first
/// `manifest_len` bytes of a log, or an older index's whole JSON file.
pub fn read(root: &Path, payload: &Payload) -> Result<IndexManifest, IndexError> {
    let name = &payload.manifest;
    let path = root.join(name);
    let bytes = std::fs::read(&path).map_err(|err| IndexError::Corrupt {
        path: root.to_path_buf(),
        reason: format!("{name}, named by the last commit: {err}"),
    })?;
    let corrupt = |reason: String| IndexError::Corrupt {
        path: root.to_path_buf(),
        reason: format!("{name}: {reason}"),
    };
    if name.ends_with(LOG_SUFFIX) {
        return manifest_log::decode(&bytes, payload.manifest_len).map_err(corrupt);
    }
    serde_json::from_slice(&bytes).map_err(|err| corrupt(err.to_string()))
}

/// Deletes the manifest files in `root` other than `keep` (and temporary files a killed run
/// left). Called after the commit naming `keep`, while the writer lock is held.
pub fn remove_others(root: &Path, keep: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(PREFIX) && name != keep {
            // A file that cannot be deleted now is deleted by a later run.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is a file this module writes (for deleting an index's own files).
pub fn is_manifest_file(name: &str) -> bool {
    name.starts_with(PREFIX)
}

/// A digest of `(path, size, mtime)` for a sorted list of files, so two walks of the same
/// unchanged files give the same digest and any added, removed or touched file changes it.
///
/// The bytes are gathered in a buffer and hashed a block at a time: blake3 given its input 8 or
/// 40 bytes at a time compresses one 64-byte block per call, five times slower than over a
/// buffer of many kilobytes, where it hashes several chunks at once (5-7% of a no-op
/// `claimdex index` at 118,512 files). The digest is the same either way.
#[derive(Default)]
pub struct StatDigest {
    hasher: blake3::Hasher,
    pending: Vec<u8>,
}

/// How many bytes `StatDigest` gathers before hashing them.
const DIGEST_BUFFER: usize = 64 * 1024;

impl StatDigest {
    pub fn add(&mut self, path: &Path, stat: crate::ingest::Stat) {
        let path = path.as_os_str().as_encoded_bytes();
        let (size, mtime) = stat.unwrap_or((u64::MAX, 0));
        self.pending
            .extend_from_slice(&(path.len() as u64).to_le_bytes());
        self.pending.extend_from_slice(path);
        self.pending.extend_from_slice(&size.to_le_bytes());
        self.pending.extend_from_slice(&mtime.to_le_bytes());
        if self.pending.len() >= DIGEST_BUFFER {
            self.hasher.update(&self.pending);
            self.pending.clear();
        }
    }

    pub fn finish(mut self) -> String {
        self.hasher.update(&self.pending);
        self.hasher.finalize().to_hex()[..32].to_string()
    }
}

/// Reads the file map as a list first: the JSON is written from a `BTreeMap`, so it is sorted,
/// and `BTreeMap::from_iter` builds a sorted list in one pass. Inserting one path at a time
/// compared paths component by component `n log n` times, a third of a cold `claimdex search`
/// at 10,000 files (seen with `perf`).
fn sorted_map<'de, D>(deserializer: D) -> Result<BTreeMap<PathBuf, FileEntry>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = Vec<(PathBuf, FileEntry)>;
        fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
            formatter.write_str("a map of paths to file entries")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    let entries = deserializer.deserialize_map(Entries)?;
    Ok(entries.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(size: u64) -> FileEntry {
        FileEntry {
            slug: "b".into(),
            hash: "h".into(),
            size,
            mtime_ns: 4,
            passages: 1,
            sentences: 2,
        }
    }

    /// The first manifest of a new index, written whole.
    fn first_write(dir: &Path, manifest: &IndexManifest) -> Written {
        write(
            dir,
            &Payload::default(),
            manifest,
            &Changes::default(),
            false,
        )
        .unwrap()
    }

    fn payload(written: &Written) -> Payload {
        Payload {
            manifest: written.name.clone(),
            manifest_len: written.len,
            manifest_records: written.records,
            ..Payload::default()
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_manifest_round_trips_and_older_ones_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = IndexManifest::default();
        let first = first_write(dir.path(), &manifest);
        manifest.files.insert(PathBuf::from("b.txt"), entry(3));
        let second = write(
            dir.path(),
            &payload(&first),
            &manifest,
            &Changes::default(),
            true,
        )
        .unwrap();
        assert_ne!(first.name, second.name);
        std::fs::write(dir.path().join(format!("{}.tmp", second.name)), "partial").unwrap();
        remove_others(dir.path(), &second.name);
        assert_eq!(names(dir.path()), vec![second.name.clone()]);
        assert_eq!(
            read(dir.path(), &payload(&second)).unwrap().files,
            manifest.files
        );
        let err = read(dir.path(), &payload(&first)).unwrap_err().to_string();
        assert!(err.contains("named by the last commit"), "{err}");
    }

    #[test]
    fn a_commit_appends_only_what_changed_and_a_killed_append_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = IndexManifest::default();
        for n in 0..50 {
            manifest
                .files
                .insert(PathBuf::from(format!("f{n:02}.txt")), entry(n));
        }
        let first = first_write(dir.path(), &manifest);
        // Nothing changed: nothing written.
        let same = write(
            dir.path(),
            &payload(&first),
            &manifest,
            &Changes::default(),
            false,
        )
        .unwrap();
        assert_eq!(same, first);
        // A killed run's half-written append beyond the committed length.
        let log = dir.path().join(&first.name);
        let mut bytes = std::fs::read(&log).unwrap();
        bytes.extend_from_slice(b"\x05\0\0\0garbage");
        std::fs::write(&log, &bytes).unwrap();
        assert_eq!(read(dir.path(), &payload(&first)).unwrap(), manifest);
        // One file changed, one removed: two records appended, the garbage cut off first.
        manifest.files.insert(PathBuf::from("f07.txt"), entry(700));
        manifest.files.remove(Path::new("f08.txt"));
        let changes = Changes {
            paths: ["f07.txt", "f08.txt"].iter().map(PathBuf::from).collect(),
            roots: false,
        };
        let second = write(dir.path(), &payload(&first), &manifest, &changes, false).unwrap();
        assert_eq!(second.name, first.name);
        assert_eq!(second.records, first.records + 2);
        assert!(second.len - first.len < 100, "{second:?}");
        assert_eq!(std::fs::metadata(&log).unwrap().len(), second.len);
        assert_eq!(read(dir.path(), &payload(&second)).unwrap(), manifest);
        assert_eq!(read(dir.path(), &payload(&first)).unwrap().files.len(), 50);
        // A log with more than twice as many records as files (plus slack) is written anew.
        let mut due = payload(&second);
        due.manifest_records = 2 * 49 + COMPACT_SLACK;
        let third = write(dir.path(), &due, &manifest, &changes, false).unwrap();
        assert_ne!(third.name, first.name);
        assert_eq!(third.records, 2 + 49);
        assert_eq!(read(dir.path(), &payload(&third)).unwrap(), manifest);
    }

    #[test]
    fn an_old_json_manifest_is_read_and_a_damaged_log_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = IndexManifest::default();
        manifest.files.insert(PathBuf::from("b.txt"), entry(3));
        let json = "manifest-0123456789abcdef.json";
        std::fs::write(
            dir.path().join(json),
            serde_json::to_vec(&manifest).unwrap(),
        )
        .unwrap();
        let old = Payload {
            manifest: json.into(),
            ..Payload::default()
        };
        assert_eq!(read(dir.path(), &old).unwrap(), manifest);
        // The first write after an old manifest is a whole log.
        let changes = Changes {
            paths: [PathBuf::from("b.txt")].into(),
            roots: false,
        };
        let written = write(dir.path(), &old, &manifest, &changes, false).unwrap();
        assert!(written.name.ends_with(LOG_SUFFIX), "{written:?}");
        assert_eq!(read(dir.path(), &payload(&written)).unwrap(), manifest);
        let mut short = payload(&written);
        short.manifest_len += 10;
        let err = read(dir.path(), &short).unwrap_err().to_string();
        assert!(
            err.contains(&written.name) && err.contains("truncated"),
            "{err}"
        );
        assert!(err.contains("claimdex index --rebuild"), "{err}");
        std::fs::write(dir.path().join(json), "{\"files\": {\"a\"").unwrap();
        let err = read(dir.path(), &old).unwrap_err().to_string();
        assert!(err.contains(json), "{err}");
    }

    #[test]
    fn the_stat_digest_sees_a_touched_file() {
        let digest = |stat| {
            let mut digest = StatDigest::default();
            digest.add(Path::new("a.txt"), Some((1, 2)));
            digest.add(Path::new("b.txt"), stat);
            digest.finish()
        };
        assert_eq!(digest(Some((5, 6))), digest(Some((5, 6))));
        assert_ne!(digest(Some((5, 6))), digest(Some((5, 7))));
        assert_ne!(digest(Some((5, 6))), digest(None));
    }

    #[test]
    fn the_buffered_stat_digest_is_the_digest_of_its_fields_fed_one_by_one() {
        // Commits record the digest: hashing through a buffer must not change it, even past
        // the buffer's size (4,000 files of ~60 bytes).
        let files: Vec<(PathBuf, crate::ingest::Stat)> = (0..4_000u64)
            .map(|idx| {
                let stat = (idx % 7 != 0).then_some((idx * 31, u128::from(idx) << 40));
                (
                    PathBuf::from(format!("corpus/batch-{}/{idx:07}.txt", idx / 1000)),
                    stat,
                )
            })
            .collect();
        let mut buffered = StatDigest::default();
        let mut one_by_one = blake3::Hasher::new();
        for (path, stat) in &files {
            buffered.add(path, *stat);
            let bytes = path.as_os_str().as_encoded_bytes();
            let (size, mtime) = stat.unwrap_or((u64::MAX, 0));
            one_by_one.update(&(bytes.len() as u64).to_le_bytes());
            one_by_one.update(bytes);
            one_by_one.update(&size.to_le_bytes());
            one_by_one.update(&mtime.to_le_bytes());
        }
        assert_eq!(buffered.finish(), one_by_one.finalize().to_hex()[..32]);
    }
}
