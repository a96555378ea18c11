//! The rules claims are annotated with: the source registry and the topic taxonomy, built in
//! and extended by a corpus's own `sources.toml` and `topics.toml`.
//!
//! Each indexed root folder may hold those two files beside its `corpus.toml`; they are merged
//! over the built-ins in root order (the bundled `corpus/` holds the built-in files themselves).
//! `fingerprint` changes whenever one of them does, so the index re-annotates every document.

use crate::diagnostic::Diagnostic;
use crate::sources::Registry;
use crate::topics::Taxonomy;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The registry file a corpus folder may hold.
pub const SOURCES_FILE: &str = "sources.toml";
/// The taxonomy file a corpus folder may hold.
pub const TOPICS_FILE: &str = "topics.toml";

/// A source registry and a topic taxonomy, and a fingerprint of the user files they came from.
pub struct ClaimRules {
    pub registry: Registry,
    pub taxonomy: Taxonomy,
    fingerprint: String,
}

impl ClaimRules {
    /// The built-in registry and taxonomy, with an empty fingerprint.
    pub fn builtin() -> &'static ClaimRules {
        static RULES: OnceLock<ClaimRules> = OnceLock::new();
        RULES.get_or_init(|| ClaimRules::load(&[]).0)
    }

    /// The built-ins extended by the `sources.toml` and `topics.toml` of each root folder.
    ///
    /// A broken file is reported (`file:line`, naming the fix) and the rest still applies.
    pub fn load(roots: &[PathBuf]) -> (ClaimRules, Vec<Diagnostic>) {
        let files = |name: &str| -> Vec<PathBuf> {
            roots
                .iter()
                .filter(|root| root.is_dir())
                .map(|root| root.join(name))
                .collect()
        };
        let source_files = files(SOURCES_FILE);
        let topic_files = files(TOPICS_FILE);
        let (registry, mut diagnostics) = Registry::load(&source_files);
        let (taxonomy, topic_diagnostics) = Taxonomy::load(&topic_files);
        diagnostics.extend(topic_diagnostics);
        let fingerprint = fingerprint(source_files.iter().chain(&topic_files));
        let rules = ClaimRules {
            registry,
            taxonomy,
            fingerprint,
        };
        (rules, diagnostics)
    }

    /// A short hash of the paths and contents of the user files in use; empty when there are none.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The rule files a root folder may hold, for change detection.
    pub fn file_names() -> [&'static str; 2] {
        [SOURCES_FILE, TOPICS_FILE]
    }
}

fn fingerprint<'p>(paths: impl Iterator<Item = &'p PathBuf>) -> String {
    let mut hasher = blake3::Hasher::new();
    let mut any = false;
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        any = true;
        hasher.update(path.to_string_lossy().as_bytes());
        hasher.update(&[0]);
        hasher.update(&bytes);
        hasher.update(&[0]);
    }
    if any {
        hasher.finalize().to_hex()[..12].to_string()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_folder_extends_registry_and_taxonomy_and_changes_the_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let (plain, diagnostics) = ClaimRules::load(std::slice::from_ref(&root));
        assert!(diagnostics.is_empty());
        assert_eq!(plain.fingerprint(), "");
        std::fs::write(
            root.join(SOURCES_FILE),
            "[[source]]\nname = \"Acme Institute\"\nkind = \"research_center\"\naliases = [\"ACME\"]\n",
        )
        .unwrap();
        std::fs::write(
            root.join(TOPICS_FILE),
            "[[topic]]\nid = \"lighthouses\"\nname = \"Lighthouses\"\nphrases = [\"lighthouse*\"]\n",
        )
        .unwrap();
        let (rules, diagnostics) = ClaimRules::load(std::slice::from_ref(&root));
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(
            rules.registry.normalize("ACME").map(|e| e.name.as_str()),
            Some("Acme Institute")
        );
        assert!(rules.registry.normalize("UNHCR").is_some());
        assert_eq!(
            rules.taxonomy.topics_for("two lighthouses"),
            vec!["lighthouses"]
        );
        let first = rules.fingerprint().to_string();
        assert_eq!(first.len(), 12);
        std::fs::write(
            root.join(TOPICS_FILE),
            "[[topic]]\nid = \"lighthouses\"\nname = \"Lighthouses\"\nphrases = [\"beacon\"]\n",
        )
        .unwrap();
        let (changed, _) = ClaimRules::load(std::slice::from_ref(&root));
        assert_ne!(changed.fingerprint(), first);
    }
}
