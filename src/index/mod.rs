//! Index: the tantivy schema, opening and creating the on-disk index, and the manifest of what
//! it holds. Here is my corpus folder, gimme an index that knows which files it has seen.
//!
//! Layout of an index directory (default `index/`):
//! - `claimdex.json`: marker with the schema version (a directory without it is never touched);
//! - `tantivy/`: the tantivy index; its commit payload (`Payload`) names the manifest file, so
//!   the manifest and the passages always change together, atomically;
//! - `manifest-<id>.log`: the `IndexManifest` (files, hashes, stats) as a binary append log,
//!   of which the last commit names the length it wrote, read only by the commands that need it
//!   (see `manifest`; an older index's `manifest-<hash>.json` is read and migrated on the first
//!   write);
//! - `checked.json`: when a full staleness check last found the files as indexed, and the
//!   folders' stats then (`fresh`), so a search need not stat every file.

pub mod analyzer;
mod anchor;
mod build;
mod fresh;
mod manifest;
mod manifest_log;
mod merge;
mod schema;
mod stale;

pub use anchor::Anchor;
pub use build::{
    add_documents, slugify, update, DocumentData, IndexOptions, IndexReport, PassageData, Progress,
    DEFAULT_CORPUS,
};
pub use fresh::DEFAULT_EVERY as DEFAULT_FULL_CHECK_EVERY;
pub use manifest::{FileEntry, IndexManifest, Payload, Totals};
pub use schema::Fields;
pub use stale::is_stale;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::directory::error::LockError;
use tantivy::TantivyError;

/// Bumped whenever the schema or the meaning of a stored field changes.
/// v4: the manifest moved out of the commit payload into its own file.
/// v5: `text_raw` indexes only the tokens `text` indexes differently (`analyzer::raw`).
pub const SCHEMA_VERSION: u32 = 5;
pub const MARKER_FILE: &str = "claimdex.json";
const TANTIVY_DIR: &str = "tantivy";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{path}: index built by claimdex schema v{found}, this claimdex needs v{expected}; run `claimdex index --rebuild`")]
    SchemaVersion {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("{path}: not a claimdex index (no {MARKER_FILE}) and not empty; nothing was changed. Use --index with another folder, or move this one away")]
    Foreign { path: PathBuf },
    #[error("{path}: the index is damaged ({reason}); run `claimdex index --rebuild`")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: the index is busy: another `claimdex index` is writing to it; wait for it to finish and try again")]
    Busy { path: PathBuf },
    #[error("{path}: no index here yet; run `claimdex index [PATH...]` first")]
    Missing { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Tantivy { path: PathBuf, source: TantivyError },
}

/// One short phrase for a damaged index, naming the file when tantivy says which (its own
/// message runs to a thousand characters and suggests an old tantivy version).
pub fn short_reason(error: &TantivyError) -> String {
    use tantivy::directory::error::OpenReadError;
    let file_name = |path: &Path| {
        path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    };
    match error {
        TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            format!("its file {} is missing", file_name(path))
        }
        TantivyError::OpenReadError(OpenReadError::IoError { filepath, .. }) => {
            format!("its file {} is damaged or unreadable", file_name(filepath))
        }
        TantivyError::OpenReadError(OpenReadError::IncompatibleIndex(_))
        | TantivyError::IncompatibleIndex(_) => {
            "its files were written by another tantivy version".to_string()
        }
        TantivyError::DataCorruption(corruption) => {
            format!("damaged data: {}", first_words(&format!("{corruption:?}")))
        }
        other => first_words(&other.to_string()),
    }
}

/// The first line of a message, at most about 100 characters.
fn first_words(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    match line.char_indices().nth(100) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

impl IndexError {
    fn tantivy(path: &Path, source: TantivyError) -> IndexError {
        match source {
            TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Busy {
                path: path.to_path_buf(),
            },
            TantivyError::DataCorruption(_)
            | TantivyError::IncompatibleIndex(_)
            | TantivyError::SchemaError(_)
            | TantivyError::OpenReadError(_) => IndexError::Corrupt {
                path: path.to_path_buf(),
                reason: short_reason(&source),
            },
            source => IndexError::Tantivy {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    fn io(path: &Path, source: std::io::Error) -> IndexError {
        IndexError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    tool: String,
    schema_version: u32,
}

/// An open claimdex index: the tantivy index, its fields, the last commit's payload and (read on
/// first use) its manifest.
pub struct CorpusIndex {
    pub root: PathBuf,
    /// How the stored document paths (relative to the folder holding `root`) are opened.
    pub anchor: Anchor,
    pub index: tantivy::Index,
    pub fields: Fields,
    /// The last commit's payload: manifest name, roots, stat digest, passage count.
    pub payload: Payload,
    manifest: std::sync::OnceLock<IndexManifest>,
    /// Opened on first use and kept: opening a reader loads every segment, which cost more than
    /// the search itself (warm p95 went from 11 ms to a few ms at 10 MB when this was cached).
    reader: std::sync::OnceLock<tantivy::IndexReader>,
}

/// What an index is opened for: a search gets a search thread per core, a write none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Search,
    Write,
}

impl CorpusIndex {
    /// Opens an existing index for searching, checking the marker, schema version and commit
    /// payload.
    pub fn open(root: &Path) -> Result<CorpusIndex, IndexError> {
        CorpusIndex::open_for(root, Use::Search)
    }

    fn open_for(root: &Path, purpose: Use) -> Result<CorpusIndex, IndexError> {
        match check_marker(root)? {
            MarkerState::Ours => {}
            MarkerState::Absent => {
                return Err(IndexError::Missing {
                    path: root.to_path_buf(),
                })
            }
        }
        let tantivy_dir = root.join(TANTIVY_DIR);
        if !tantivy_dir.join("meta.json").exists() {
            return Err(IndexError::Missing {
                path: root.to_path_buf(),
            });
        }
        let mut index = tantivy::Index::open_in_dir(&tantivy_dir)
            .map_err(|err| IndexError::tantivy(root, err))?;
        // A search scores each segment on its own: with a thread per core, a large index (a dozen
        // segments at 1 GB) is searched on every core at once (warm p95 at 1 GB 18.5 → 12.9 ms
        // on 2 cores). A one-segment index stays on the calling thread, which is faster there.
        // Should no thread start, the index keeps its default executor. An index opened to be
        // written starts none.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let segments = index
            .searchable_segment_metas()
            .map_or(0, |metas| metas.len());
        if purpose == Use::Search && threads > 1 && segments > 1 {
            index.set_multithread_executor(threads).ok();
        }
        let fields = Fields::from_schema(&index.schema()).ok_or_else(|| IndexError::Corrupt {
            path: root.to_path_buf(),
            reason: "unexpected schema".into(),
        })?;
        analyzer::register(&index);
        let payload = read_payload(root, &index)?;
        Ok(CorpusIndex {
            root: root.to_path_buf(),
            anchor: Anchor::of(root),
            index,
            fields,
            payload,
            manifest: std::sync::OnceLock::new(),
            reader: std::sync::OnceLock::new(),
        })
    }

    /// Opens the index at `root`, creating it if the folder is missing or empty.
    /// With `rebuild`, an existing claimdex index is deleted first (never a foreign folder).
    pub fn open_or_create(root: &Path, rebuild: bool) -> Result<CorpusIndex, IndexError> {
        let state = check_marker(root);
        if rebuild {
            match state {
                Ok(MarkerState::Ours)
                | Err(IndexError::SchemaVersion { .. })
                | Err(IndexError::Corrupt { .. }) => {
                    remove_index_files(root)?;
                }
                Ok(MarkerState::Absent) => {}
                Err(err) => return Err(err),
            }
        } else {
            match state {
                Ok(MarkerState::Ours) => {
                    if root.join(TANTIVY_DIR).join("meta.json").exists() {
                        return CorpusIndex::open_for(root, Use::Write);
                    }
                }
                Ok(MarkerState::Absent) => {}
                Err(err) => return Err(err),
            }
        }
        std::fs::create_dir_all(root.join(TANTIVY_DIR)).map_err(|err| IndexError::io(root, err))?;
        let marker = Marker {
            tool: "claimdex".into(),
            schema_version: SCHEMA_VERSION,
        };
        let marker_json = serde_json::to_string_pretty(&marker).unwrap_or_default();
        std::fs::write(root.join(MARKER_FILE), marker_json)
            .map_err(|err| IndexError::io(root, err))?;
        let (schema, fields) = schema::build();
        let index = match tantivy::Index::open_in_dir(root.join(TANTIVY_DIR)) {
            Ok(index) => index,
            Err(_) => tantivy::Index::create_in_dir(root.join(TANTIVY_DIR), schema)
                .map_err(|err| IndexError::tantivy(root, err))?,
        };
        analyzer::register(&index);
        let payload = read_payload(root, &index)?;
        Ok(CorpusIndex {
            root: root.to_path_buf(),
            anchor: Anchor::of(root),
            index,
            fields,
            payload,
            manifest: std::sync::OnceLock::new(),
            reader: std::sync::OnceLock::new(),
        })
    }

    /// A new, empty index held in memory (same schema and analyzers), for evaluation
    /// collections that are never written to disk. `root` only names it in errors.
    pub fn in_memory(root: &Path) -> CorpusIndex {
        let (schema, fields) = schema::build();
        let index = tantivy::Index::create_in_ram(schema);
        analyzer::register(&index);
        CorpusIndex {
            root: root.to_path_buf(),
            anchor: Anchor::of(root),
            index,
            fields,
            payload: Payload::default(),
            manifest: std::sync::OnceLock::new(),
            reader: std::sync::OnceLock::new(),
        }
    }

    /// The folders and files the index covers, as this process can open them.
    pub fn root_paths(&self) -> Vec<PathBuf> {
        self.payload
            .roots
            .iter()
            .map(|root| self.anchor.resolve(root))
            .collect()
    }

    /// The manifest of the last commit, read from its file on first use (a search needs none).
    /// An index with no commit yet has an empty manifest.
    pub fn manifest(&self) -> Result<&IndexManifest, IndexError> {
        if let Some(manifest) = self.manifest.get() {
            return Ok(manifest);
        }
        let manifest = match read_manifest(&self.root, &self.payload) {
            Ok(manifest) => manifest,
            // A run that committed since this index was opened may have replaced the manifest
            // named by the older commit; the newer commit names the current one.
            Err(err) => {
                let latest = read_payload(&self.root, &self.index)?;
                if latest.manifest == self.payload.manifest {
                    return Err(err);
                }
                read_manifest(&self.root, &latest)?
            }
        };
        Ok(self.manifest.get_or_init(|| manifest))
    }

    /// An upper bound on the passages in the index (document records count too), as a search
    /// limit that cuts no passage off; reads no manifest.
    pub fn passage_limit(&self) -> Result<usize, IndexError> {
        let records = self.reader()?.searcher().num_docs();
        Ok(usize::try_from(records).unwrap_or(usize::MAX).max(1))
    }

    /// The index's reader (cheap to clone), opened once per `CorpusIndex`.
    pub fn reader(&self) -> Result<tantivy::IndexReader, IndexError> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.clone());
        }
        let reader = self
            .index
            .reader()
            .map_err(|err| IndexError::tantivy(&self.root, err))?;
        Ok(self.reader.get_or_init(|| reader).clone())
    }
}

enum MarkerState {
    Ours,
    Absent,
}

/// Checks the marker: ours with the right version, absent from an empty or missing folder, or an error.
fn check_marker(root: &Path) -> Result<MarkerState, IndexError> {
    let marker_path = root.join(MARKER_FILE);
    match std::fs::read_to_string(&marker_path) {
        Ok(text) => {
            let marker: Marker =
                serde_json::from_str(&text).map_err(|err| IndexError::Corrupt {
                    path: root.to_path_buf(),
                    reason: format!("{MARKER_FILE}: {err}"),
                })?;
            if marker.schema_version != SCHEMA_VERSION {
                return Err(IndexError::SchemaVersion {
                    path: root.to_path_buf(),
                    found: marker.schema_version,
                    expected: SCHEMA_VERSION,
                });
            }
            Ok(MarkerState::Ours)
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            if !root.exists() || is_effectively_empty(root) {
                Ok(MarkerState::Absent)
            } else {
                Err(IndexError::Foreign {
                    path: root.to_path_buf(),
                })
            }
        }
        Err(err) => Err(IndexError::io(&marker_path, err)),
    }
}

/// An empty folder, or one holding only a `.gitkeep`, can become an index.
fn is_effectively_empty(root: &Path) -> bool {
    match std::fs::read_dir(root) {
        Ok(entries) => entries
            .flatten()
            .all(|entry| entry.file_name() == ".gitkeep"),
        Err(_) => false,
    }
}

/// Deletes only what claimdex put in the index folder: the marker, manifests, the freshness
/// record and `tantivy/`.
fn remove_index_files(root: &Path) -> Result<(), IndexError> {
    let tantivy_dir = root.join(TANTIVY_DIR);
    if tantivy_dir.exists() {
        std::fs::remove_dir_all(&tantivy_dir).map_err(|err| IndexError::io(&tantivy_dir, err))?;
    }
    if let Ok(entries) = std::fs::read_dir(root) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if manifest::is_manifest_file(&name) || fresh::is_fresh_file(&name) {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(|err| IndexError::io(&path, err))?;
            }
        }
    }
    let marker = root.join(MARKER_FILE);
    if marker.exists() {
        std::fs::remove_file(&marker).map_err(|err| IndexError::io(&marker, err))?;
    }
    Ok(())
}

/// The manifest the commit `payload` names; an index with no commit yet has an empty one.
fn read_manifest(root: &Path, payload: &Payload) -> Result<IndexManifest, IndexError> {
    if payload.manifest.is_empty() {
        return Ok(IndexManifest {
            schema_version: SCHEMA_VERSION,
            ..IndexManifest::default()
        });
    }
    manifest::read(root, payload)
}

/// The last commit's payload; an index with no commit yet has an empty one.
fn read_payload(root: &Path, index: &tantivy::Index) -> Result<Payload, IndexError> {
    let metas = index
        .load_metas()
        .map_err(|err| IndexError::tantivy(root, err))?;
    match metas.payload {
        None => Ok(Payload::default()),
        Some(payload) => serde_json::from_str(&payload).map_err(|err| IndexError::Corrupt {
            path: root.to_path_buf(),
            reason: format!("payload of the last commit: {err}"),
        }),
    }
}
