//! Bad input: each case gets a one-line message naming the file, the right exit status, and
//! leaves what is already indexed intact. Nothing panics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use std::path::{Path, PathBuf};

fn index_cmd(dir: &Path, args: &[&str]) -> std::process::Output {
    claimdex_in(dir)
        .args(["--index", "idx", "index"])
        .args(args)
        .output()
        .unwrap()
}

fn n_docs(dir: &Path) -> usize {
    let output = claimdex_in(dir)
        .args(["--index", "idx", "--no-update", "docs", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).lines().count()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(
        dir.path().join("docs/good.txt"),
        "Officials counted 1,200 arrivals in 2023.\n",
    )
    .unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

fn assert_no_panic(output: &std::process::Output) {
    assert!(!stderr(output).contains("panicked"), "{}", stderr(output));
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = setup();
    let output = index_cmd(dir.path(), &["nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error: nope: no such file or directory"),
        "{}",
        stderr(&output)
    );
    assert_eq!(n_docs(dir.path()), 1, "what was indexed is kept");
}

#[test]
fn unreadable_binary_empty_and_invalid_utf8_files() {
    let dir = setup();
    let docs = dir.path().join("docs");
    std::os::unix::fs::symlink(docs.join("missing-target.txt"), docs.join("dangling.txt")).unwrap();
    std::fs::write(
        docs.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00garbage",
    )
    .unwrap();
    std::fs::write(docs.join("empty.md"), b"").unwrap();
    std::fs::write(
        docs.join("latin1.txt"),
        b"Caf\xe9 owners counted 30 visitors.\nSecond line\n",
    )
    .unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(
        output.status.success(),
        "warnings do not fail the run: {}",
        stderr(&output)
    );
    let err = stderr(&output);
    assert!(
        err.contains("docs/dangling.txt") && err.contains("skipped"),
        "{err}"
    );
    assert!(
        err.contains("warning: docs/binary.txt: binary file"),
        "{err}"
    );
    assert!(err.contains("warning: docs/empty.md: empty file"), "{err}");
    assert!(
        err.contains("warning: docs/latin1.txt:1: invalid UTF-8; decoded lossily"),
        "{err}"
    );
    assert_eq!(n_docs(dir.path()), 2, "good.txt and latin1.txt");
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "visitors", "--json"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("Caf\u{FFFD} owners"));
}

#[test]
fn a_symlink_loop_is_reported_and_skipped() {
    let dir = setup();
    std::os::unix::fs::symlink("..", dir.path().join("docs/loop")).unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(
        stderr(&output).contains("symbolic link loop"),
        "{}",
        stderr(&output)
    );
    assert_eq!(n_docs(dir.path()), 1);
}

#[test]
fn a_100_mb_single_line_file_is_indexed_in_bounded_pieces() {
    let dir = setup();
    let sentence = "migrants crossed the border 48,381 times and officials counted more ";
    let mut text = String::with_capacity(100 * 1024 * 1024);
    while text.len() < 100 * 1024 * 1024 {
        text.push_str(sentence);
    }
    std::fs::write(dir.path().join("docs/one-line.txt"), &text).unwrap();
    drop(text);
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = claimdex_in(dir.path())
        .args([
            "--index",
            "idx",
            "search",
            "officials",
            "--json",
            "--limit",
            "3",
        ])
        .output()
        .unwrap();
    for line in stdout(&output).lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            hit["text"].as_str().unwrap().chars().count() <= 2000,
            "passages stay bounded"
        );
    }
}

#[test]
fn html_nested_100_000_tags_deep_is_read_with_a_warning_and_the_rest_indexed() {
    let dir = setup();
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div><span>".repeat(depth / 2));
    page.push_str("Deep inside, officials counted 7,321 arrivals.");
    page.push_str(&"</span></div>".repeat(depth / 2));
    page.push_str("</body></html>");
    std::fs::write(dir.path().join("docs/deep.html"), page).unwrap();
    std::fs::write(
        dir.path().join("docs/beside.html"),
        "<p>Beside it, 512 families arrived.</p>",
    )
    .unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("docs/deep.html: HTML nested more than 512 tags deep"),
        "{err}"
    );
    assert_eq!(n_docs(dir.path()), 3, "good.txt, deep.html and beside.html");
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "\"7,321 arrivals\"", "--json"])
        .output()
        .unwrap();
    assert!(stdout(&output).contains("deep.html"), "{}", stdout(&output));
}

#[test]
fn an_index_built_with_relative_paths_answers_the_same_from_any_folder() {
    let dir = setup();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    let elsewhere = dir.path().join("elsewhere");
    let docs = dir.path().join("docs");
    let from_base = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "arrivals", "--json"])
        .output()
        .unwrap();
    let base_hits = same_hits_from(dir.path(), &stdout(&from_base));
    for (cwd, index) in [(&elsewhere, "../idx"), (&docs, "../idx")] {
        let output = claimdex_in(cwd)
            .args(["--index", index, "search", "arrivals", "--json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(stderr(&output), "", "nothing is stale, nothing is missing");
        assert_eq!(same_hits_from(cwd, &stdout(&output)), base_hits);
    }
    // A file added under the root is found from the other folder, and the root is not doubled.
    std::fs::write(docs.join("later.txt"), "Later, 75 arrivals were counted.\n").unwrap();
    let output = claimdex_in(&elsewhere)
        .args(["--index", "../idx", "index", "../docs"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 new, 0 updated, 0 removed, 1 unchanged"),
        "{}",
        stderr(&output)
    );
    let output = claimdex_in(&elsewhere)
        .args(["--index", "../idx", "show", "later"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("75"), "{}", stdout(&output));
    assert_eq!(n_docs(dir.path()), 2);
}

/// The JSON lines of a listing with each `path` replaced by the file it opens from `cwd`, so two
/// listings run from different folders compare equal when they name the same files.
fn same_hits_from(cwd: &Path, json_lines: &str) -> Vec<serde_json::Value> {
    json_lines
        .lines()
        .map(|line| {
            let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = value["path"]
                .as_str()
                .expect("every line has a path")
                .to_string();
            let opened = cwd
                .join(&path)
                .canonicalize()
                .unwrap_or_else(|err| panic!("{path} does not open from {cwd:?}: {err}"));
            value["path"] = serde_json::json!(opened);
            value
        })
        .collect()
}

#[test]
fn every_path_shown_opens_from_where_the_command_ran() {
    // The index and the corpus's folder side by side, the command run from a third folder:
    // stored paths are relative to the index's base (`root`, stored `papers/corpus/a.txt`), and
    // every listing must turn them into paths that open from the working directory (a clone
    // under /tmp, tested with an index in /tmp, once printed `tmp.X/corpus/a.txt`).
    let root = tempfile::tempdir().unwrap();
    let corpus = root.path().join("papers/corpus");
    let index = root.path().join("idx");
    let cwd = root.path().join("desk");
    for folder in [&corpus, &cwd] {
        std::fs::create_dir_all(folder).unwrap();
    }
    std::fs::write(
        corpus.join("a.txt"),
        "Border crossings\n\nThe agency counted 48,381 arrivals in 2023, UNHCR said.\n",
    )
    .unwrap();
    let index_arg = index.to_str().unwrap();
    let output = claimdex_in(&cwd)
        .args(["--index", index_arg, "index", "../papers/corpus"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    for listing in [
        &["search", "arrivals", "--json"][..],
        &["figures", "--json"],
        &["claims", "--json"],
        &["docs", "--json"],
    ] {
        let output = claimdex_in(&cwd)
            .args(["--index", index_arg])
            .args(listing)
            .output()
            .unwrap();
        assert!(output.status.success(), "{listing:?}: {}", stderr(&output));
        let lines = stdout(&output);
        assert!(!lines.is_empty(), "{listing:?} listed nothing");
        for value in same_hits_from(&cwd, &lines) {
            assert_eq!(
                value["path"],
                serde_json::json!(corpus.join("a.txt").canonicalize().unwrap()),
                "{listing:?}"
            );
        }
    }
}

#[test]
fn a_10_mb_single_line_of_real_prose_is_indexed_whole() {
    // The bundled articles with every line break removed: footnote markers, citations and
    // sources on one line, which once made each marker scan the whole line (quadratic).
    let dir = setup();
    let mut prose = String::new();
    for entry in std::fs::read_dir(repo_root().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            prose.push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
            prose.push(' ');
        }
    }
    let mut line = String::with_capacity(10 * 1024 * 1024 + prose.len());
    while line.len() < 10 * 1024 * 1024 {
        line.push_str(&prose);
    }
    std::fs::write(dir.path().join("docs/one-line.txt"), &line).unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(n_docs(dir.path()), 2);
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "--no-update", "docs", "--json"])
        .output()
        .unwrap();
    let one_line = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .find(|doc| doc["path"].as_str().unwrap_or("").ends_with("one-line.txt"))
        .unwrap();
    let passages = one_line["passages"].as_u64().unwrap();
    assert!(
        passages as usize > line.len() / 2000,
        "the whole line is indexed, in passages of bounded size: {passages}"
    );
}

#[test]
fn a_bad_csv_row_is_named_by_file_and_line_and_the_good_rows_load() {
    let output = claimdex_in(&repo_root())
        .args(["--datasets", "tests/fixtures/datasets", "datasets"])
        .output()
        .unwrap();
    assert_no_panic(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "errors in datasets fail the command"
    );
    let err = stderr(&output);
    assert!(
        err.contains("error: tests/fixtures/datasets/bad_cell.csv:5: has 2 fields but the header has 3; row skipped"),
        "{err}"
    );
    assert!(
        err.lines()
            .all(|line| line.starts_with("error: ") || line.starts_with("warning: ")),
        "one line per problem: {err}"
    );
    assert!(
        stdout(&output).contains("bad_cell"),
        "the dataset's good rows still load"
    );
}

#[test]
fn hostile_html_keeps_scripts_and_markup_out_of_the_text() {
    let dir = setup();
    std::fs::write(
        dir.path().join("docs/hostile.html"),
        "<html><head><script>alert('x')</script><style>p{}</style></head><body>\
         <p onclick=\"steal()\">Officials counted 4,400 <b>arrivals</b> in 2022.</p>\
         <iframe src=\"javascript:alert(1)\">framed secret</iframe>\
         <p>&lt;script&gt;escaped&lt;/script&gt; text &#x1F600; and a stray < bracket\
         <!-- an unterminated comment",
    )
    .unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "show", "hostile"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("4,400"), "{text}");
    for absent in ["alert", "steal", "framed secret", "p{}"] {
        assert!(!text.contains(absent), "{absent} leaked: {text}");
    }
    assert!(
        text.contains("<script>escaped</script>"),
        "escaped markup is text: {text}"
    );
}

/// Indexes `pdf` (copied in as `name`) beside a readable text file; the run succeeds and its
/// stderr (returned) says the good file was indexed.
fn index_pdf_beside_a_good_file(pdf: &Path, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(pdf, dir.path().join(name)).unwrap();
    std::fs::write(
        dir.path().join("ok.txt"),
        "A readable note about 10 migrants.\n",
    )
    .unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "index", "."])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("indexed 1 documents"), "{err}");
    err
}

#[test]
fn a_pdf_without_text_is_a_warning_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("scan.pdf");
    copy_pdf("scan.pdf", &scan);
    let err = index_pdf_beside_a_good_file(&scan, "scan.pdf");
    assert!(
        err.contains("scan.pdf") && err.contains("no text layer"),
        "{err}"
    );
}

#[test]
fn a_pdf_that_would_make_the_pdf_library_abort_is_skipped_and_the_rest_indexed() {
    let crash = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz/pdf/crash-xref-stream-allocates-195-gb.pdf");
    let err = index_pdf_beside_a_good_file(&crash, "hostile.pdf");
    assert!(
        err.contains("hostile.pdf") && err.contains("cross-reference stream"),
        "{err}"
    );
}

#[test]
fn a_foreign_folder_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "Text with 5 numbers.\n").unwrap();
    std::fs::create_dir(dir.path().join("idx")).unwrap();
    std::fs::write(dir.path().join("idx/my-notes.txt"), "precious").unwrap();
    for args in [&["docs"][..], &["docs", "--rebuild"][..]] {
        let output = index_cmd(dir.path(), args);
        assert_eq!(output.status.code(), Some(2));
        assert!(
            stderr(&output).contains("idx: not a claimdex index"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("idx/my-notes.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn a_corrupt_index_says_to_rebuild_and_rebuild_repairs_it() {
    let dir = setup();
    std::fs::write(dir.path().join("idx/tantivy/meta.json"), "{ not json").unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "arrivals"])
        .output()
        .unwrap();
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("claimdex index --rebuild"),
        "{}",
        stderr(&output)
    );
    let output = index_cmd(dir.path(), &["docs", "--rebuild"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(n_docs(dir.path()), 1);
}

/// The manifest file the last commit of the index in `dir/idx` names.
fn manifest_file(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir.join("idx"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with("manifest-") && name.ends_with(".log")
        })
        .expect("the index keeps its manifest in its own file")
}

#[test]
fn a_damaged_truncated_or_missing_manifest_names_the_file_and_rebuild_repairs_it() {
    for damage in ["garbage", "truncated", "missing"] {
        let dir = setup();
        let manifest = manifest_file(dir.path());
        match damage {
            "garbage" => std::fs::write(&manifest, "{ not json").unwrap(),
            "truncated" => {
                let bytes = std::fs::read(&manifest).unwrap();
                std::fs::write(&manifest, &bytes[..bytes.len() - 7]).unwrap();
            }
            _ => std::fs::remove_file(&manifest).unwrap(),
        }
        // Searching reads only the commit, so the indexed passages still answer.
        let output = claimdex_in(dir.path())
            .args(["--index", "idx", "--no-update", "search", "arrivals"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{damage}: {}", stderr(&output));
        assert!(stdout(&output).contains("1,200"), "{damage}");
        // A run that finds nothing changed needs no manifest (the commit holds its totals)…
        let output = index_cmd(dir.path(), &["docs"]);
        assert!(output.status.success(), "{damage}: {}", stderr(&output));
        assert!(stderr(&output).contains("1 unchanged"), "{damage}");
        // …one that updates does: one line naming it and what to do.
        std::fs::write(
            dir.path().join("docs/new.txt"),
            "Officials counted 5 more.\n",
        )
        .unwrap();
        let output = index_cmd(dir.path(), &["docs"]);
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(2), "{damage}");
        let err = stderr(&output);
        assert_eq!(err.trim_end().lines().count(), 1, "{damage}: {err}");
        let name = manifest.file_name().unwrap().to_string_lossy().to_string();
        assert!(err.contains(&name), "{damage}: {err}");
        assert!(err.contains("claimdex index --rebuild"), "{damage}: {err}");
        let output = index_cmd(dir.path(), &["docs", "--rebuild"]);
        assert!(output.status.success(), "{damage}: {}", stderr(&output));
        assert_eq!(n_docs(dir.path()), 2, "{damage}");
    }
}

#[test]
fn what_a_killed_run_appended_to_the_manifest_is_ignored_and_cut_off() {
    let dir = setup();
    let manifest = manifest_file(dir.path());
    let committed = std::fs::read(&manifest).unwrap();
    // A run killed while appending: bytes past the length the last commit wrote.
    let mut killed = committed.clone();
    killed.extend_from_slice(&[0x40, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9]);
    std::fs::write(&manifest, &killed).unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 unchanged"),
        "{}",
        stderr(&output)
    );
    std::fs::write(
        dir.path().join("docs/more.txt"),
        "Officials counted 3,400 departures.\n",
    )
    .unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("1 new"), "{}", stderr(&output));
    let appended = std::fs::read(&manifest).unwrap();
    assert_eq!(appended[..committed.len()], committed[..]);
    assert!(
        !appended.ends_with(&[1, 9, 9]),
        "the killed run's bytes are cut off"
    );
    assert_eq!(n_docs(dir.path()), 2);
}

#[test]
fn an_index_from_another_schema_version_names_rebuild() {
    let dir = setup();
    std::fs::write(
        dir.path().join("idx/claimdex.json"),
        r#"{"tool":"claimdex","schema_version":999}"#,
    )
    .unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "arrivals"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("schema v999") && err.contains("run `claimdex index --rebuild`"),
        "{err}"
    );
    assert!(index_cmd(dir.path(), &["docs", "--rebuild"])
        .status
        .success());
    assert_eq!(n_docs(dir.path()), 1);
}

#[test]
fn a_second_writer_is_told_the_index_is_busy() {
    let dir = setup();
    let corpus = claimdex::index::CorpusIndex::open(&dir.path().join("idx")).unwrap();
    let _writer: tantivy::IndexWriter = corpus.index.writer(15_000_000).unwrap();
    let output = index_cmd(dir.path(), &["docs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("the index is busy"),
        "{}",
        stderr(&output)
    );
    // Searching still works on the committed index while a writer runs.
    std::fs::write(
        dir.path().join("docs/new.txt"),
        "A new file with 7 entries.\n",
    )
    .unwrap();
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "search", "arrivals"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("searching the index as it is"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_killed_index_run_leaves_the_last_commit_answering() {
    let dir = setup();
    let docs = dir.path().join("docs");
    let paragraph =
        "Border officials counted 12,345 encounters in the month, a record high.\n\n".repeat(2000);
    for n in 0..300 {
        std::fs::write(docs.join(format!("bulk-{n:03}.txt")), &paragraph).unwrap();
    }
    let binary = assert_cmd::cargo::cargo_bin("claimdex");
    let mut child = std::process::Command::new(binary)
        .current_dir(dir.path())
        .args(["--index", "idx", "index", "docs"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    // Killed before its commit: the index is exactly the last commit (1 document), and answers.
    assert_eq!(n_docs(dir.path()), 1);
    let output = claimdex_in(dir.path())
        .args([
            "--index",
            "idx",
            "--no-update",
            "search",
            "arrivals",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("1,200 arrivals"));
    // And the next run completes the work.
    let output = index_cmd(dir.path(), &["docs"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(n_docs(dir.path()), 301);
}

/// Damage inside tantivy's own files (a truncated store, a deleted segment file) is one short
/// line naming the index folder, the file and `claimdex index --rebuild`, not a thousand
/// characters of tantivy text; rebuilding repairs it. See: issue 13.
#[test]
fn damaged_tantivy_files_are_one_line_that_says_rebuild() {
    for damage in ["truncated store", "deleted idx"] {
        let dir = setup();
        let tantivy = dir.path().join("idx/tantivy");
        let file = |ext: &str| {
            std::fs::read_dir(&tantivy)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .find(|path| path.extension().is_some_and(|e| e == ext))
                .unwrap()
        };
        match damage {
            "truncated store" => {
                let store = file("store");
                let bytes = std::fs::read(&store).unwrap();
                std::fs::write(&store, &bytes[..bytes.len().min(10)]).unwrap();
            }
            _ => std::fs::remove_file(file("idx")).unwrap(),
        }
        let output = claimdex_in(dir.path())
            .args(["--index", "idx", "search", "arrivals"])
            .output()
            .unwrap();
        assert_no_panic(&output);
        assert_eq!(output.status.code(), Some(2), "{damage}");
        let err = stderr(&output);
        assert_eq!(err.lines().count(), 1, "{damage}: {err}");
        assert!(err.len() < 300, "{damage}: {err}");
        assert!(
            err.starts_with("error: idx: the index is damaged")
                && err.contains("run `claimdex index --rebuild`"),
            "{damage}: {err}"
        );
        assert!(!err.contains("tantivy 0.15"), "{damage}: {err}");
        let output = index_cmd(dir.path(), &["docs", "--rebuild"]);
        assert!(output.status.success(), "{damage}: {}", stderr(&output));
        assert_eq!(n_docs(dir.path()), 1);
    }
}
