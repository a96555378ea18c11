//! The manifest: what the index holds, per file (hash, stat, counts), kept in a file of its own
//! beside the tantivy index and named by the tantivy commit.
//!
//! The commit payload is a small `Payload` (the manifest's file name, the roots and a digest of
//! every file's stat), because tantivy parses `meta.json`, payload included, several times on
//! every open: a manifest stored in the payload (4 MB of JSON at 12,000 files) made a cold
//! `claimdex search` parse it four times over. Now a search reads only the payload; the
//! manifest is read on first use (`CorpusIndex::manifest`).
//!
//! Invariant (crash safety): a manifest file is written completely (temporary file, then
//! rename) before the commit that names it, and older ones are deleted only after that commit,
//! so the last commit always names a manifest that exists.

use super::IndexError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

/// The tantivy commit payload: small, parsed on every open.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Payload {
    /// File name of the manifest in the index folder (`manifest-<hash>.json`).
    pub manifest: String,
    /// The roots of the manifest, so a staleness check needs no manifest.
    pub roots: Vec<PathBuf>,
    /// `StatDigest` of the files under the roots and their `corpus.toml` files at commit time.
    pub stat_digest: String,
    /// Passages in the index, for listings that need only the count.
    pub passages: usize,
}

const PREFIX: &str = "manifest-";
const SUFFIX: &str = ".json";

/// Writes `manifest` into the index folder `root` as `manifest-<hash>.json`, atomically (a
/// temporary file renamed into place after `fsync`), and returns its file name.
pub fn write(root: &Path, manifest: &IndexManifest) -> Result<String, IndexError> {
    let json = serde_json::to_vec(manifest).map_err(|err| IndexError::Corrupt {
        path: root.to_path_buf(),
        reason: format!("manifest could not be written: {err}"),
    })?;
    let name = format!("{PREFIX}{}{SUFFIX}", &blake3::hash(&json).to_hex()[..16]);
    let path = root.join(&name);
    let temporary = root.join(format!("{name}.tmp"));
    let io = |err| IndexError::io(&path, err);
    {
        let mut file = std::fs::File::create(&temporary).map_err(io)?;
        std::io::Write::write_all(&mut file, &json).map_err(io)?;
        file.sync_all().map_err(io)?;
    }
    std::fs::rename(&temporary, &path).map_err(io)?;
    Ok(name)
}

/// Reads the manifest named `name` from the index folder `root`.
pub fn read(root: &Path, name: &str) -> Result<IndexManifest, IndexError> {
    let path = root.join(name);
    let bytes = std::fs::read(&path).map_err(|err| IndexError::Corrupt {
        path: root.to_path_buf(),
        reason: format!("{name}, named by the last commit: {err}"),
    })?;
    serde_json::from_slice(&bytes).map_err(|err| IndexError::Corrupt {
        path: root.to_path_buf(),
        reason: format!("{name}: {err}"),
    })
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
#[derive(Default)]
pub struct StatDigest(blake3::Hasher);

impl StatDigest {
    pub fn add(&mut self, path: &Path, stat: crate::ingest::Stat) {
        let path = path.as_os_str().as_encoded_bytes();
        let (size, mtime) = stat.unwrap_or((u64::MAX, 0));
        self.0.update(&(path.len() as u64).to_le_bytes());
        self.0.update(path);
        self.0.update(&size.to_le_bytes());
        self.0.update(&mtime.to_le_bytes());
    }

    pub fn finish(self) -> String {
        self.0.finalize().to_hex()[..32].to_string()
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

    #[test]
    fn a_manifest_round_trips_and_older_ones_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut manifest = IndexManifest::default();
        let first = write(dir.path(), &manifest).unwrap();
        manifest.files.insert(
            PathBuf::from("b.txt"),
            FileEntry {
                slug: "b".into(),
                hash: "h".into(),
                size: 3,
                mtime_ns: 4,
                passages: 1,
                sentences: 2,
            },
        );
        let second = write(dir.path(), &manifest).unwrap();
        assert_ne!(first, second);
        std::fs::write(dir.path().join(format!("{second}.tmp")), "partial").unwrap();
        remove_others(dir.path(), &second);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, vec![second.clone()]);
        assert_eq!(read(dir.path(), &second).unwrap().files, manifest.files);
        let err = read(dir.path(), &first).unwrap_err().to_string();
        assert!(err.contains("named by the last commit"), "{err}");
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
}
