//! What a plain `claimdex search` sees of changed files: with `--full-check-every 0` every
//! change, by a stat of every file; between full checks, files added, removed or renamed (their
//! folder's mtime changes) but not a file edited in place, until the next full check or
//! `claimdex index`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A folder `docs` with two files, indexed into `idx`.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "Alpha counted 100 arrivals.\n").unwrap();
    std::fs::write(docs.join("b.txt"), "Beta counted 200 departures.\n").unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "index", "docs"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

/// Searches `query` with a full check at most every `every` seconds: whether the search
/// updated the index first, and how many passages it found.
fn search(dir: &Path, every: &str, query: &str) -> (bool, usize) {
    let output = claimdex_in(dir)
        .args(["--index", "idx", "--full-check-every", every])
        .args(["search", query, "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "{}",
        stderr(&output)
    );
    let updated = stderr(&output).contains("files changed since the index was built");
    (updated, stdout(&output).lines().count())
}

/// Sets the folder's mtime an hour back, as if it had not changed for a while (a folder changed
/// in the last two seconds is never trusted to show a later change).
fn settle(folder: &Path) {
    let folder = std::fs::File::open(folder).unwrap();
    folder
        .set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn append(path: &Path, text: &str) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes.extend_from_slice(text.as_bytes());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn with_a_full_check_every_time_each_change_is_seen_by_the_next_search() {
    let dir = setup();
    let docs = dir.path().join("docs");
    assert_eq!(search(dir.path(), "0", "arrivals"), (false, 1));
    settle(&docs);
    // Edited in place: the folder does not change, the file's size and mtime do.
    append(&docs.join("a.txt"), "Zeta counted 900 crossings.\n");
    assert_eq!(search(dir.path(), "0", "crossings"), (true, 1));
    std::fs::write(docs.join("c.txt"), "Gamma counted 300 returns.\n").unwrap();
    assert_eq!(search(dir.path(), "0", "returns"), (true, 1));
    std::fs::remove_file(docs.join("b.txt")).unwrap();
    assert_eq!(search(dir.path(), "0", "departures"), (true, 0));
    assert_eq!(search(dir.path(), "0", "departures"), (false, 0));
}

#[test]
fn between_full_checks_folders_show_added_and_removed_files_but_not_edits_in_place() {
    let dir = setup();
    let docs = dir.path().join("docs");
    let record = dir.path().join("idx/checked.json");
    settle(&docs);
    // The first search checks every file and records it.
    assert_eq!(search(dir.path(), "3600", "arrivals"), (false, 1));
    assert!(record.exists());
    // Edited in place: not seen until the next full check (the limit of the quick check)…
    append(&docs.join("a.txt"), "Zeta counted 900 crossings.\n");
    assert_eq!(search(dir.path(), "3600", "crossings"), (false, 0));
    // …which a shorter interval asks for, as does `claimdex index`.
    assert_eq!(search(dir.path(), "0", "crossings"), (true, 1));
    append(&docs.join("a.txt"), "Eta counted 950 landings.\n");
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "--full-check-every", "3600", "index"])
        .output()
        .unwrap();
    assert!(stderr(&output).contains("1 updated"), "{}", stderr(&output));
    assert_eq!(search(dir.path(), "3600", "landings"), (false, 1));
    // A file added or removed changes its folder: seen by the next search.
    assert!(record.exists(), "the index run recorded its full check");
    std::fs::write(docs.join("c.txt"), "Gamma counted 300 returns.\n").unwrap();
    assert_eq!(search(dir.path(), "3600", "returns"), (true, 1));
    settle(&docs);
    assert_eq!(search(dir.path(), "3600", "returns"), (false, 1));
    std::fs::remove_file(docs.join("b.txt")).unwrap();
    assert_eq!(search(dir.path(), "3600", "departures"), (true, 0));
    // So does a file added in a new subfolder (the parent folder changes).
    settle(&docs);
    assert_eq!(search(dir.path(), "3600", "departures"), (false, 0));
    std::fs::create_dir(docs.join("more")).unwrap();
    std::fs::write(docs.join("more/d.txt"), "Delta counted 400 transfers.\n").unwrap();
    assert_eq!(search(dir.path(), "3600", "transfers"), (true, 1));
}

#[test]
fn a_damaged_freshness_record_means_a_full_check() {
    let dir = setup();
    let docs = dir.path().join("docs");
    settle(&docs);
    assert_eq!(search(dir.path(), "3600", "arrivals"), (false, 1));
    std::fs::write(dir.path().join("idx/checked.json"), "{ not json").unwrap();
    append(&docs.join("a.txt"), "Zeta counted 900 crossings.\n");
    assert_eq!(search(dir.path(), "3600", "crossings"), (true, 1));
}

/// A check interval that is not a whole number of seconds is one clap error naming the flag,
/// from the flag and from the environment alike.
#[test]
fn a_bad_check_interval_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    for (flag, env) in [(Some("soon"), None), (None, Some("-5"))] {
        let mut command = claimdex_in(dir.path());
        command.args(["--index", "idx"]);
        if let Some(flag) = flag {
            command.args(["--full-check-every", flag]);
        }
        if let Some(env) = env {
            command.env("CLAIMDEX_FULL_CHECK_EVERY", env);
        }
        let output = command.args(["search", "x"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(err.contains("--full-check-every"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
