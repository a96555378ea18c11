//! Build script: a fingerprint of the code and data that annotate documents.
//!
//! The index stores, per file, a hash of its bytes plus this fingerprint, so a claimdex built
//! from changed annotators re-annotates an existing index on its next update instead of
//! serving annotations the new code would not make.
//!
//! The code covered is derived, not listed: the `annotate` module (from a document as read to
//! its annotations) and the `ingest` readers (which decide the text annotation sees), then
//! every top-level module their non-test code names as `crate::…`, to a fixed point, plus the
//! modules `lib.rs` re-exports from. Query, output and index-layout code is reached by none of
//! them, so a change there needs no re-annotation (layout changes bump `SCHEMA_VERSION`).
//! Data: everything under `data/` and the bundled corpus's rule files.

use std::collections::BTreeSet;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Where the derivation starts.
const ROOTS: &[&str] = &["annotate", "ingest"];

/// Data files that decide what an annotation says.
const DATA: &[&str] = &["data", "corpus/sources.toml", "corpus/topics.toml"];

/// Files inside covered modules that decide which files are read, not what a file's annotation
/// says: changing them needs no re-annotation.
const NOT_ANNOTATORS: &[&str] = &["src/ingest/walk.rs"];

fn main() {
    println!("cargo:rerun-if-changed=src");
    let modules = reached_modules(Path::new("src"));
    let mut files = Vec::new();
    for module in &modules {
        collect(&Path::new("src").join(format!("{module}.rs")), &mut files);
        collect(&Path::new("src").join(module), &mut files);
    }
    for data in DATA {
        println!("cargo:rerun-if-changed={data}");
        collect(Path::new(data), &mut files);
    }
    files.sort();
    files.dedup();
    // `DefaultHasher::new()` has fixed keys: the same files give the same fingerprint.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in files {
        if NOT_ANNOTATORS.iter().any(|skip| file == Path::new(skip)) {
            continue;
        }
        hasher.write(file.to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(&file).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=CLAIMDEX_ANNOTATOR_FINGERPRINT={:016x}",
        hasher.finish()
    );
    println!(
        "cargo:rustc-env=CLAIMDEX_ANNOTATOR_MODULES={}",
        modules.into_iter().collect::<Vec<_>>().join(",")
    );
}

/// The top-level modules reached from `ROOTS` through `crate::` paths, with `lib.rs`'s
/// re-exported modules.
fn reached_modules(src: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let mut reached: BTreeSet<String> = ROOTS.iter().map(|root| root.to_string()).collect();
    // `pub use span::{LineIndex, Span};`: `crate::Span` means the `span` module.
    for line in lib.lines() {
        if let Some(rest) = line.trim().strip_prefix("pub use ") {
            reached.insert(identifier(rest).to_string());
        }
    }
    let mut queue: Vec<String> = reached.iter().cloned().collect();
    while let Some(module) = queue.pop() {
        let mut files = Vec::new();
        collect(&src.join(format!("{module}.rs")), &mut files);
        collect(&src.join(&module), &mut files);
        for file in files {
            if file.file_name().is_some_and(|name| name == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            // Unit tests sit at the end of a file, after `#[cfg(test)]`.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for named in crate_paths(code) {
                let exists = src.join(format!("{named}.rs")).is_file() || src.join(&named).is_dir();
                if exists && reached.insert(named.clone()) {
                    queue.push(named);
                }
            }
        }
    }
    reached
}

/// The first segment of every `crate::` path in `code`, including each item of
/// `crate::{a, b::c}`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            for (idx, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        out.push(identifier(&group[idx..]).to_string());
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(identifier(rest).to_string());
        }
    }
    out
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
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
