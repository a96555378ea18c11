//! A 1 MB smoke run of `claimdex-bench run` (debug build): the table comes out with every row.
//! The real measurements are 10 MB and up, run by hand (docs/benchmarks.md), never in CI.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

#[test]
fn one_megabyte_run_prints_the_table() {
    let work = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("claimdex-bench")
        .unwrap()
        .args(["run", "--sizes", "1MB", "--queries", "50", "--work"])
        .arg(work.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{err}");
    let table = String::from_utf8_lossy(&output.stdout);
    assert!(table.starts_with("| measure | 1MB | target |\n"), "{table}");
    for row in [
        "claimdex index: peak RSS",
        "**claimdex / plain throughput**",
        "search p50 / p95 / p99, warm",
        "with its staleness check",
        "re-index, one file changed",
        "index size / corpus size",
    ] {
        assert!(table.contains(row), "{row} missing:\n{table}");
    }
    assert_eq!(table.lines().count(), 19, "{table}");
}
