//! Helpers shared by the integration tests: the real binary, a scratch index, fixtures.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `claimdex` binary, run from `dir`, with no colour and no user environment. Every
/// command that brings the index up to date stats every file (`--full-check-every 0`): a test
/// that edits a file in place and searches must not depend on how long the test took. The
/// tests of the quick check (`staleness.rs`) pass the flag themselves.
pub fn claimdex_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("claimdex").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CLAIMDEX_FULL_CHECK_EVERY", "0")
        .env_remove("CLAIMDEX_INDEX");
    cmd
}

/// The binary run from the repository root (so `corpus/` is the bundled corpus) on a scratch index.
pub fn claimdex_bundled(index: &Path) -> Command {
    let mut cmd = claimdex_in(&repo_root());
    cmd.arg("--index").arg(index);
    cmd
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies a committed PDF fixture (`tests/fixtures/pdf/`, written once by `claimdex-bench`'s
/// PDF writer: `scanned-brief.pdf` has two pages of text, `scan.pdf` one page without any).
pub fn copy_pdf(name: &str, to: &Path) {
    std::fs::copy(repo_root().join("tests/fixtures/pdf").join(name), to).unwrap();
}

/// Copies the test fixtures of one folder into a fresh temporary folder.
pub fn copy_fixtures(name: &str, to: &Path) {
    let from = repo_root().join("tests/fixtures").join(name);
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// A fixture corpus in `dir/corpus`: the planted-markup file (a `<script>` and friends in a
/// document's text) and two bundled articles. Returns the corpus folder.
pub fn planted_markup_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(
        repo_root().join("tests/fixtures/check_html/planted-markup.txt"),
        corpus.join("planted-markup.txt"),
    )
    .unwrap();
    for bundled in [
        "niskanen-2024-ecuador-entry-data-chinese-migration.txt",
        "foreign-policy-2024-chinese-migrants-invading-army.txt",
    ] {
        std::fs::copy(
            repo_root().join("corpus").join(bundled),
            corpus.join(bundled),
        )
        .unwrap();
    }
    corpus
}
