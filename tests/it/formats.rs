//! Each reader on a small fixture, through the real binary: Markdown, HTML, plain text and PDF.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use serde_json::Value;

fn search_json(dir: &std::path::Path, query: &str) -> Vec<Value> {
    let output = claimdex_in(dir)
        .args(["--index", "idx", "search", query, "--json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{query}: {}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn every_format_is_read_and_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    copy_fixtures("formats", &docs);
    copy_pdf("scanned-brief.pdf", &docs.join("scanned-brief.pdf"));
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "index", "docs"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("indexed 4 documents"),
        "{}",
        stderr(&output)
    );

    // Markdown: front matter metadata, hard-wrapped lines joined into one passage, headings as sections.
    let hits = search_json(dir.path(), "households remittance");
    assert_eq!(
        hits[0]["title"],
        "Remittances and the Border: A Test Report"
    );
    assert_eq!(hits[0]["year"], 2022);
    assert_eq!(hits[0]["section"], "Method");
    assert_eq!(hits[0]["line"], 15);
    assert_eq!(
        hits[0]["text"],
        "We counted 1,204 (12%) of 10,033 households that\nreported a remittance in the survey."
    );

    // HTML: chrome, scripts and styles dropped; title and publisher from the head.
    let hits = search_json(dir.path(), "encounters");
    assert!(hits
        .iter()
        .all(|hit| hit["path"] == "docs/newsroom-page.html"));
    assert_eq!(hits[0]["publisher"], "The Daily Fixture");
    assert_eq!(hits.len(), 2);
    for absent in ["tracking", "Subscribe", "Copyright", "Related"] {
        let output = claimdex_in(dir.path())
            .args(["--index", "idx", "search", absent])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{absent} should not be indexed"
        );
    }
    let output = claimdex_in(dir.path())
        .args(["--index", "idx", "show", "newsroom-page"])
        .output()
        .unwrap();
    let shown = stdout(&output);
    assert!(
        shown.contains("## Border crossings fall in March"),
        "{shown}"
    );
    assert!(shown.contains("## Who is crossing"), "{shown}");

    // Plain text: the title comes from the first heading line.
    let hits = search_json(dir.path(), "Darien");
    assert_eq!(hits[0]["title"], "Plain fixture article");

    // PDF: the page number is kept for each passage.
    let hits = search_json(dir.path(), "12,345");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["page"], 2);
    assert!(hits[0]["text"].as_str().unwrap().contains("12,345"));
}
