//! Build script: a fingerprint of the code and data that annotate documents.
//!
//! The index stores, per file, a hash of its bytes plus this fingerprint, so a claimdex built
//! from changed annotators (figures, sources, claims, topics, cleaning, segmentation, or their
//! data files) re-annotates an existing index on its next update instead of serving annotations
//! the new code would not make. Query, output and index-layout code is left out on purpose: a
//! change there needs no re-annotation (layout changes bump `SCHEMA_VERSION` instead).

use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Folders whose files decide what an annotation says.
const ANNOTATOR_DIRS: &[&str] = &[
    "data",
    "src/text",
    "src/ingest",
    "src/figures",
    "src/sources",
    "src/claims",
    "src/topics",
    "corpus/sources.toml",
    "corpus/topics.toml",
];

/// Files inside those folders that decide which files are read, not what a file's annotation
/// says: changing them needs no re-annotation.
const NOT_ANNOTATORS: &[&str] = &["src/ingest/walk.rs"];

fn main() {
    // `DefaultHasher::new()` has fixed keys: the same files give the same fingerprint.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for dir in ANNOTATOR_DIRS {
        println!("cargo:rerun-if-changed={dir}");
        let mut files = Vec::new();
        collect(Path::new(dir), &mut files);
        files.sort();
        for file in files {
            if NOT_ANNOTATORS.iter().any(|skip| file == Path::new(skip)) {
                continue;
            }
            hasher.write(file.to_string_lossy().as_bytes());
            hasher.write(&std::fs::read(&file).unwrap_or_default());
        }
    }
    println!(
        "cargo:rustc-env=CLAIMDEX_ANNOTATOR_FINGERPRINT={:016x}",
        hasher.finish()
    );
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        collect(&entry.path(), files);
    }
}
