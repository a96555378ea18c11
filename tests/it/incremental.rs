//! Re-indexing: only new or changed files are read again; deleted files leave the index.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;

fn index(dir: &std::path::Path) -> String {
    let output = claimdex_in(dir)
        .args(["--index", "idx", "index", "docs"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stderr(&output)
}

#[test]
fn changed_new_and_deleted_files() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "Alpha counted 100 arrivals.\n").unwrap();
    std::fs::write(docs.join("b.txt"), "Beta counted 200 departures.\n").unwrap();
    assert!(index(dir.path()).contains("indexed 2 documents, 2 passages, 2 sentences"));
    // A run with nothing to do writes nothing and commits nothing: every file of the index
    // folder, the tantivy files included, keeps its bytes and its mtime.
    fn files(
        dir: &std::path::Path,
        found: &mut Vec<(std::path::PathBuf, std::time::SystemTime, Vec<u8>)>,
    ) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                files(&entry.path(), found);
            } else {
                let bytes = std::fs::read(entry.path()).unwrap();
                found.push((entry.path(), meta.modified().unwrap(), bytes));
            }
        }
    }
    let files = |dir: &std::path::Path| {
        let mut found = Vec::new();
        files(&dir.join("idx"), &mut found);
        found.sort();
        assert!(found.len() > 5, "{}", found.len());
        found
    };
    let before = files(dir.path());
    assert!(index(dir.path()).contains("(0 new, 0 updated, 0 removed, 2 unchanged, 0 skipped)"));
    assert_eq!(files(dir.path()), before);

    std::fs::write(
        docs.join("a.txt"),
        "Alpha counted 150 arrivals. Then more.\n",
    )
    .unwrap();
    std::fs::write(docs.join("c.md"), "# Gamma\n\nGamma counted 300 returns.\n").unwrap();
    let summary = index(dir.path());
    assert!(
        summary.contains("(1 new, 1 updated, 0 removed, 1 unchanged, 0 skipped)"),
        "{summary}"
    );
    let search = |query: &str| {
        let output = claimdex_in(dir.path())
            .args(["--index", "idx", "search", query, "--json"])
            .output()
            .unwrap();
        stdout(&output).lines().count()
    };
    assert_eq!(search("150"), 1);
    assert_eq!(search("100"), 0, "the old version of a.txt is gone");

    std::fs::remove_file(docs.join("b.txt")).unwrap();
    let summary = index(dir.path());
    assert!(
        summary.contains("indexed 2 documents") && summary.contains("1 removed"),
        "{summary}"
    );
    assert_eq!(search("departures"), 0);

    // `search` notices a change by itself and updates first.
    std::fs::write(docs.join("d.txt"), "Delta counted 400 crossings.\n").unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "crossings"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("files changed since the index was built"),
        "{}",
        stderr(&output)
    );

    // Editing corpus.toml re-indexes the document it names.
    std::fs::write(
        docs.join("corpus.toml"),
        "[[document]]\nfile = \"d.txt\"\ntitle = \"Delta report\"\n",
    )
    .unwrap();
    let summary = index(dir.path());
    assert!(summary.contains("1 updated"), "{summary}");
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "crossings", "--json"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("\"title\":\"Delta report\""));
}

#[test]
fn a_second_root_does_not_remove_the_first() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, file) in [("one", "a.txt"), ("two", "b.txt")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(
            dir.path().join(folder).join(file),
            format!("{folder} has 5 passages.\n"),
        )
        .unwrap();
    }
    let run = |path: &str| {
        claimdex_in(dir.path())
            .args(["--index", "idx", "index", path])
            .output()
            .unwrap()
    };
    assert!(run("one").status.success());
    let output = run("two");
    assert!(
        stderr(&output).contains("indexed 2 documents"),
        "{}",
        stderr(&output)
    );
}

/// `claimdex index` stats every file: an edit in place that keeps the file's size and leaves
/// its folder's mtime as it was is found, in a corpus of several subfolders (which the walk
/// lists on several threads).
#[test]
fn an_edit_in_place_in_one_of_many_subfolders_is_found_by_index() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    for folder in 0..6 {
        let sub = docs.join(format!("batch-{folder}"));
        std::fs::create_dir_all(&sub).unwrap();
        for file in 0..3 {
            let text = format!(
                "Batch {folder} file {file} counted {} arrivals.\n",
                100 + folder * 10 + file
            );
            std::fs::write(sub.join(format!("{file}.txt")), text).unwrap();
        }
    }
    let summary = index(dir.path());
    assert!(summary.contains("indexed 18 documents"), "{summary}");
    let folder = docs.join("batch-4");
    let folder_mtime = std::fs::metadata(&folder).unwrap().modified().unwrap();
    let path = folder.join("1.txt");
    std::fs::write(&path, "Batch 4 file 1 counted 999 arrivals.\n").unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(later).unwrap();
    drop(file);
    std::fs::File::open(&folder)
        .unwrap()
        .set_modified(folder_mtime)
        .unwrap();
    assert_eq!(
        std::fs::metadata(&folder).unwrap().modified().unwrap(),
        folder_mtime
    );
    let summary = index(dir.path());
    assert!(
        summary.contains("(0 new, 1 updated, 0 removed, 17 unchanged, 0 skipped)"),
        "{summary}"
    );
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "--no-update", "search", "999", "--json"])
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("batch-4/1.txt"),
        "{}",
        stdout(&output)
    );
}
