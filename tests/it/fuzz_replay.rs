//! Replays every input saved under `tests/fixtures/fuzz/<target>/` (the minimised crashes the
//! cargo-fuzz targets found, plus at least one small interesting input per target) through the
//! same library calls as the fuzz target, `fuzz/harness.rs`, which this module includes. Each
//! input must return without panicking (the harness also asserts that every span handed on is a
//! range of its text) and within a time bound (a hang the fuzzer found must stay linear).
//! See docs/fuzzing.md.

use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "../../fuzz/harness.rs"]
mod harness;

/// Generous for a debug build on a loaded machine; every saved input takes well under a second.
const MAX_SECONDS_PER_INPUT: u64 = 30;

/// Runs every file in `tests/fixtures/fuzz/<target>/` through `run`; fails naming each file
/// that panicked or is still running after the time bound (left behind; the failing test ends
/// the process), and fails if the folder holds no input at all.
fn replay(target: &str, run: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no saved input in {}: keep at least one per target",
        dir.display()
    );
    let mut failures = Vec::new();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        // Each input runs on its own thread (with the 8 MB stack of the binary's main thread), so
        // that a hang is reported after the time bound instead of stalling the test forever.
        let (done, outcome) = std::sync::mpsc::channel();
        let started = Instant::now();
        std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let panicked = std::panic::catch_unwind(|| run(&data)).is_err();
                let _ = done.send(panicked);
            })
            .unwrap();
        match outcome.recv_timeout(Duration::from_secs(MAX_SECONDS_PER_INPUT)) {
            Ok(false) => {}
            Ok(true) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                failures.push(format!("{}: panicked (message above)", file.display()));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => failures.push(format!(
                "{}: still running after {:.0} s (limit {MAX_SECONDS_PER_INPUT} s)",
                file.display(),
                started.elapsed().as_secs_f64()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{target}: {} of {} saved inputs failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn html_inputs_replay() {
    replay("html", harness::html);
}

#[test]
fn pdf_inputs_replay() {
    replay("pdf", harness::pdf);
}

#[test]
fn number_inputs_replay() {
    replay("number", harness::number);
}

#[test]
fn text_inputs_replay() {
    replay("text", harness::text);
}

#[test]
fn dataset_inputs_replay() {
    replay("dataset", harness::dataset);
}

#[test]
fn query_inputs_replay() {
    replay("query", harness::query);
}
