//! `claimdex export --format sqlite`: the bundled corpus, its claims and its verdicts in one
//! SQLite file, read back with SQLite itself (FTS5 included) and served by Datasette.

use crate::common::*;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

fn export(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("claimdex.db");
    let output = claimdex_bundled(&dir.join("index"))
        .args(["export", "--format", "sqlite", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("datasette"), "{}", stderr(&output));
    file
}

fn json_lines(index: &Path, args: &[&str]) -> Vec<Value> {
    let output = claimdex_bundled(index).args(args).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn the_sqlite_export_holds_documents_passages_claims_and_verdicts_with_full_text_search() {
    let dir = tempfile::tempdir().unwrap();
    let file = export(dir.path());
    let index = dir.path().join("index");
    let db = rusqlite::Connection::open(&file).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |row| row.get(0)).unwrap() };

    // Every table the export names, consistent with the CLI's own listings.
    let docs = json_lines(&index, &["docs", "--json"]);
    assert_eq!(count("SELECT count(*) FROM documents"), docs.len() as i64);
    let passages: i64 = docs
        .iter()
        .map(|doc| doc["passages"].as_i64().unwrap())
        .sum();
    assert_eq!(count("SELECT count(*) FROM passages"), passages);
    let claims = json_lines(&index, &["claims", "--json"]);
    assert_eq!(count("SELECT count(*) FROM claims"), claims.len() as i64);
    let results = json_lines(&index, &["check", "--json"]);
    assert_eq!(
        count("SELECT count(*) FROM check_results"),
        results.len() as i64
    );
    for verdict in [
        "supported",
        "contradicted",
        "not_comparable",
        "unverifiable",
    ] {
        let expected = results.iter().filter(|r| r["verdict"] == verdict).count() as i64;
        let got: i64 = db
            .query_row(
                "SELECT count(*) FROM check_results WHERE verdict = ?1",
                [verdict],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(got, expected, "{verdict}");
    }
    for table in [
        "sentences",
        "figures",
        "sources",
        "claim_figures",
        "topics",
        "claim_topics",
    ] {
        assert!(
            count(&format!("SELECT count(*) FROM {table}")) > 0,
            "{table}"
        );
    }
    // Every foreign key resolves.
    let broken: i64 = count("SELECT count(*) FROM pragma_foreign_key_check");
    assert_eq!(broken, 0);

    // Full-text search finds the Ecuador passage.
    let mut found = db
        .prepare(
            "SELECT d.slug, p.text FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
             JOIN documents d ON d.id = p.document_id WHERE passages_fts MATCH 'Ecuador entry'",
        )
        .unwrap();
    let hits: Vec<(String, String)> = found
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        hits.iter().any(|(slug, text)| slug
            == "niskanen-2024-ecuador-entry-data-chinese-migration"
            && text.contains("Ecuador")),
        "{hits:?}"
    );

    // The one contradicted verdict is linked to the words that produced it: its figure row's
    // span holds "30%" in the raw file, inside its claim's span.
    let (figure, path, start, end, claim_start, claim_end): (
        String,
        String,
        usize,
        usize,
        usize,
        usize,
    ) = db
        .query_row(
            "SELECT f.text, d.path, f.span_start, f.span_end, c.span_start, c.span_end
             FROM check_results r JOIN figures f ON f.id = r.figure_id
             JOIN claims c ON c.id = r.claim_id JOIN documents d ON d.id = c.document_id
             WHERE r.verdict = 'contradicted'",
            [],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(figure, "30%");
    let raw = std::fs::read_to_string(repo_root().join(&path)).unwrap();
    assert_eq!(&raw[start..end], "30%");
    assert!(claim_start <= start && end <= claim_end);
}

#[test]
fn a_sqlite_export_needs_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(&dir.path().join("index"))
        .args(["export", "--format", "sqlite"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--output"), "{}", stderr(&output));
    // A file that cannot be written: one line naming it, exit 2, nothing left behind.
    let file = dir.path().join("no-such-folder/claimdex.db");
    let output = claimdex_bundled(&dir.path().join("index"))
        .args(["export", "--format", "sqlite", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no-such-folder/claimdex.db"),
        "{}",
        stderr(&output)
    );
    assert!(!file.exists());
}

#[test]
fn datasette_serves_the_export_with_search_and_facets() {
    ensure_datasette();
    let dir = tempfile::tempdir().unwrap();
    let file = export(dir.path());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new("datasette")
        .arg("serve")
        .arg(&file)
        .args(["--host", "127.0.0.1", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Datasette answers once it listens; poll a bounded number of times.
    let mut search = None;
    for _ in 0..100 {
        if let Ok(body) = get(
            port,
            "/claimdex/passages.json?_search=Ecuador&_shape=array&_size=50",
        ) {
            search = Some(body);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let facets = get(port, "/claimdex/check_results.json?_facet=verdict&_size=0");
    let _ = server.kill();
    let _ = server.wait();
    let search: Value = serde_json::from_str(&search.expect("datasette did not start")).unwrap();
    let rows = search.as_array().unwrap();
    assert!(
        rows.iter()
            .any(|row| row["text"].as_str().unwrap().contains("Ecuador")),
        "{search:#}"
    );
    let facets: Value = serde_json::from_str(&facets.unwrap()).unwrap();
    let verdicts = &facets["facet_results"]["verdict"]["results"];
    let contradicted = verdicts
        .as_array()
        .unwrap()
        .iter()
        .find(|facet| facet["value"] == "contradicted")
        .unwrap_or_else(|| panic!("{facets:#}"));
    assert_eq!(contradicted["count"], 1);
}

/// A GET on loopback in HTTP/1.0 (no chunked body), read to the end; the body when the status
/// is 200.
fn get(port: u16, path: &str) -> std::io::Result<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(60)))?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let (head, body) = response
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no HTTP header"))?;
    if head.split_whitespace().nth(1) != Some("200") {
        return Err(std::io::Error::other(head.to_string()));
    }
    Ok(body.to_string())
}

/// Installs Datasette from PyPI when it is missing (as `.ci/run` does); fails with one line
/// saying what to install when that is not possible.
fn ensure_datasette() {
    let present = || {
        Command::new("datasette")
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    };
    if present() {
        return;
    }
    let installed = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "datasette"])
        .status()
        .is_ok_and(|status| status.success());
    assert!(
        installed && present(),
        "this test needs Datasette: run `python3 -m pip install datasette`"
    );
}
