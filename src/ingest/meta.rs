//! Collection metadata: `corpus.toml` beside the documents, editable by hand.
//!
//! ```toml
//! [collection]
//! title = "Migration articles"
//!
//! [[document]]
//! file = "foreign-policy-2024-chinese-migrants-invading-army.txt"
//! title = "Chinese Migrants Aren't an Invading Army"
//! publisher = "Foreign Policy"
//! date = "2024-07-23"
//! ```
//! A document without an entry still ingests; its title then comes from its first heading line.

use crate::diagnostic::Diagnostic;
use crate::model::Metadata;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "corpus.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CorpusFile {
    #[serde(default)]
    collection: Option<Collection>,
    #[serde(default)]
    publisher: Option<Publisher>,
    #[serde(default)]
    document: Vec<DocumentEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Collection {
    #[allow(dead_code)]
    title: Option<String>,
    #[allow(dead_code)]
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentEntry {
    file: String,
    title: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    #[allow(dead_code)]
    notes: Option<String>,
}

/// `[publisher]` of `corpus.toml`: who publishes the fact-checks of this corpus (ClaimReview's
/// author), and the reviewer named when a review names none.
///
/// ```toml
/// [publisher]
/// name = "Example Fact Check Desk"
/// url = "https://factcheck.example.org/"
/// reviewer = "A. Editor"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub reviewer: Option<String>,
}

/// The `[publisher]` table of the first root whose `corpus.toml` has one (a broken file has
/// none: `index` reports it).
pub fn publisher(roots: &[PathBuf]) -> Option<Publisher> {
    roots.iter().filter(|root| root.is_dir()).find_map(|root| {
        let text = std::fs::read_to_string(root.join(FILE_NAME)).ok()?;
        toml::from_str::<CorpusFile>(&text).ok()?.publisher
    })
}

/// Metadata for every document named in any `corpus.toml` found at the roots being indexed.
#[derive(Debug, Default, Clone)]
pub struct CorpusMeta {
    by_path: BTreeMap<PathBuf, Metadata>,
}

impl CorpusMeta {
    /// Loads `corpus.toml` from each directory root (if present). A broken file is an error
    /// diagnostic and contributes nothing; the documents still ingest.
    pub fn load(roots: &[PathBuf]) -> (CorpusMeta, Vec<Diagnostic>) {
        let mut meta = CorpusMeta::default();
        let mut diagnostics = Vec::new();
        for root in roots.iter().filter(|root| root.is_dir()) {
            let path = root.join(FILE_NAME);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            match toml::from_str::<CorpusFile>(&text) {
                Ok(file) => {
                    for entry in file.document {
                        let metadata = Metadata {
                            title: entry.title,
                            publisher: entry.publisher,
                            author: entry.author,
                            date: entry.date,
                            url: entry.url,
                        };
                        meta.by_path
                            .insert(normalize(&root.join(&entry.file)), metadata);
                    }
                    let _ = file.collection;
                }
                Err(err) => {
                    let line = err
                        .span()
                        .map(|span| 1 + text[..span.start].matches('\n').count());
                    diagnostics.push(Diagnostic::error(
                        Some(path.clone()),
                        line,
                        format!(
                            "{}; fix it (documents ingest without its metadata until then)",
                            err.message()
                        ),
                    ));
                }
            }
        }
        (meta, diagnostics)
    }

    /// The same entries keyed by `key(path)` (the index stores paths in its own form).
    pub fn rekey(self, key: impl Fn(&Path) -> PathBuf) -> CorpusMeta {
        CorpusMeta {
            by_path: self
                .by_path
                .into_iter()
                .map(|(path, meta)| (normalize(&key(&path)), meta))
                .collect(),
        }
    }

    pub fn get(&self, path: &Path) -> Option<&Metadata> {
        self.by_path.get(&normalize(path))
    }
}

fn normalize(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}
