//! `claimdex claims`, `sources` and `topics` on the bundled corpus, through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn json_lines(index: &Path, args: &[&str]) -> Vec<Value> {
    let output = claimdex_bundled(index).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn source_names(sources: &[Value]) -> Vec<&str> {
    sources
        .iter()
        .map(|source| source["name"].as_str().unwrap())
        .collect()
}

#[test]
fn sources_of_chinese_migration_via_ecuador_start_with_the_ecuadorian_registry() {
    let index = tempfile::tempdir().unwrap();
    let sources = json_lines(
        index.path(),
        &[
            "sources",
            "--topic",
            "Chinese migration via Ecuador",
            "--json",
        ],
    );
    assert_eq!(
        source_names(&sources).first().copied(),
        Some("Ecuadorian Statistical Registry of International Entries and Exits"),
        "{:?}",
        source_names(&sources)
    );
    let output = claimdex_bundled(index.path())
        .args(["sources", "--topic", "Chinese migration via Ecuador"])
        .output()
        .unwrap();
    assert!(stdout(&output)
        .starts_with("Ecuadorian Statistical Registry of International Entries and Exits"));
}

// See: issue 4, `sources --topic "Chinese migration via Ecuador"` listed "Ecuador  unknown"
// second, from "When Ecuador announced that ...".
#[test]
fn unregistered_sources_are_named_through_a_cue_never_a_bare_place() {
    let index = tempfile::tempdir().unwrap();
    let sources = json_lines(index.path(), &["sources", "--json"]);
    let unregistered: Vec<&str> = sources
        .iter()
        .filter(|source| source["kind"].is_null())
        .map(|source| source["name"].as_str().unwrap())
        .collect();
    // The one the bundled corpus has: "has been published by Amsterdam University Press".
    assert_eq!(unregistered, vec!["Amsterdam University Press"]);
    let names = source_names(&sources);
    for place in ["Ecuador", "France", "China", "United States"] {
        assert!(!names.contains(&place), "{place} listed as a source");
    }
    // A figure-less sentence is not a claim just because the sentence before names a source.
    let claims = json_lines(index.path(), &["claims", "--json", "--limit", "1000"]);
    assert!(!claims.iter().any(|claim| claim["text"]
        .as_str()
        .unwrap()
        .starts_with("Other research on Chinese security practices")));
}

/// The topics of the claim at `doc:line` whose text starts with `start`.
fn claim_topics(claims: &[Value], doc: &str, start: &str) -> Vec<String> {
    let claim = claims
        .iter()
        .find(|claim| claim["doc"] == doc && claim["text"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no claim {start:?} in {doc}"));
    claim["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|topic| topic.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_claim_has_its_own_sentences_topics_not_its_whole_passages() {
    let index = tempfile::tempdir().unwrap();
    let claims = json_lines(index.path(), &["claims", "--json", "--limit", "1000"]);
    let niskanen = "niskanen-2024-ecuador-entry-data-chinese-migration";
    // Same passage as the Ecuador travel data, but the sentence is about U.S. encounters.
    let cbp = claim_topics(
        &claims,
        niskanen,
        "For example, U.S. Customs and Border Protection",
    );
    assert!(cbp.contains(&"us-border-encounters".to_string()), "{cbp:?}");
    assert!(
        !cbp.contains(&"chinese-migration-via-ecuador".to_string()),
        "{cbp:?}"
    );
    let travel = claim_topics(
        &claims,
        niskanen,
        "This increase is mirrored by the Ecuadorian",
    );
    assert!(
        travel.contains(&"chinese-migration-via-ecuador".to_string()),
        "{travel:?}"
    );
    assert!(
        !travel.contains(&"us-border-encounters".to_string()),
        "{travel:?}"
    );
    // A sentence that names no topic continues the one before it.
    let deficit = claim_topics(
        &claims,
        niskanen,
        "The resulting entry/exit deficit was 24,141",
    );
    assert!(
        deficit.contains(&"chinese-migration-via-ecuador".to_string()),
        "{deficit:?}"
    );
    // A table row takes its table's topics.
    let row = claim_topics(&claims, niskanen, "Shanghai Municipality274");
    assert!(
        row.contains(&"chinese-migration-via-ecuador".to_string()),
        "{row:?}"
    );
}

#[test]
fn sources_lists_the_named_agencies_with_every_field_sorted_by_claims() {
    let index = tempfile::tempdir().unwrap();
    let sources = json_lines(index.path(), &["sources", "--json"]);
    let names = source_names(&sources);
    for expected in [
        "U.S. Customs and Border Protection",
        "Office of the United Nations High Commissioner for Refugees",
        "International Organization for Migration",
        "Pew Research Center",
        "Government of Honduras",
    ] {
        assert!(names.contains(&expected), "{expected} not in {names:?}");
    }
    for source in &sources {
        for key in [
            "name",
            "kind",
            "aliases",
            "claims",
            "docs",
            "topics",
            "citations",
        ] {
            assert!(source.get(key).is_some(), "missing {key} in {source}");
        }
    }
    let counts: Vec<u64> = sources
        .iter()
        .map(|source| source["claims"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|pair| pair[0] >= pair[1]),
        "{counts:?}"
    );
}

#[test]
fn unattributed_claims_say_source_null_and_carry_every_field() {
    let index = tempfile::tempdir().unwrap();
    let claims = json_lines(
        index.path(),
        &["claims", "--unattributed", "--limit", "1000", "--json"],
    );
    assert!(claims.len() > 5, "{}", claims.len());
    for claim in &claims {
        assert_eq!(claim["source"], Value::Null, "{claim}");
        for key in [
            "id",
            "doc",
            "path",
            "line",
            "span",
            "text",
            "figures",
            "source",
            "topics",
            "checkworthiness",
        ] {
            assert!(claim.get(key).is_some(), "missing {key} in {claim}");
        }
        let score = claim["checkworthiness"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{claim}");
    }
}

#[test]
fn claims_resting_on_a_source_name_it_and_spans_slice_the_file() {
    let index = tempfile::tempdir().unwrap();
    let claims = json_lines(
        index.path(),
        &["claims", "--source", "CBP", "--limit", "1000", "--json"],
    );
    assert!(!claims.is_empty());
    for claim in &claims {
        assert_eq!(
            claim["source"]["name"], "U.S. Customs and Border Protection",
            "{claim}"
        );
        let raw =
            std::fs::read_to_string(repo_root().join(claim["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            claim["span"]["start"].as_u64().unwrap() as usize,
            claim["span"]["end"].as_u64().unwrap() as usize,
        );
        assert!(
            raw[start..end].contains(claim["text"].as_str().unwrap().split(' ').next().unwrap())
        );
    }
}

#[test]
fn claims_csv_has_a_header_and_one_row_per_claim() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args(["claims", "--limit", "5", "--csv"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("id,doc,path,line,"), "{text}");
    assert_eq!(text.lines().count(), 6, "{text}");
}

#[test]
fn claim_ids_are_identical_across_a_rebuild() {
    let index = tempfile::tempdir().unwrap();
    let ids = |index: &Path| -> Vec<String> {
        let mut ids: Vec<String> = json_lines(index, &["claims", "--limit", "100000", "--json"])
            .iter()
            .map(|claim| claim["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let before = ids(index.path());
    assert!(before.len() > 20, "{}", before.len());
    let output = claimdex_bundled(index.path())
        .args(["index", "--rebuild"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(before, ids(index.path()));
}

#[test]
fn topics_lists_every_topic_with_counts() {
    let index = tempfile::tempdir().unwrap();
    let topics = json_lines(index.path(), &["topics", "--json"]);
    assert!(topics.len() >= 10, "{}", topics.len());
    let ecuador = topics
        .iter()
        .find(|topic| topic["id"] == "chinese-migration-via-ecuador")
        .unwrap();
    assert!(ecuador["passages"].as_u64().unwrap() > 0, "{ecuador}");
    assert!(ecuador["claims"].as_u64().unwrap() > 0, "{ecuador}");
    assert!(ecuador["sources"].as_u64().unwrap() > 0, "{ecuador}");
    for topic in &topics {
        for key in ["id", "name", "passages", "claims", "sources"] {
            assert!(topic.get(key).is_some(), "missing {key} in {topic}");
        }
    }
}

/// A listing for a program or a spreadsheet is complete: `--json` and `--csv` list every claim
/// the table counts (they stopped at 20 without a word), `-n` still limits. See: issue 13.
#[test]
fn json_and_csv_listings_are_complete_unless_limited() {
    let index = tempfile::tempdir().unwrap();
    let table = claimdex_bundled(index.path())
        .args(["claims"])
        .output()
        .unwrap();
    assert!(table.status.success(), "{}", stderr(&table));
    // "20 of 108 matching claims shown"
    let total: usize = stderr(&table)
        .lines()
        .find_map(|line| {
            let (_, rest) = line.split_once(" of ")?;
            rest.strip_suffix(" matching claims shown")?.parse().ok()
        })
        .unwrap_or_else(|| panic!("no total in: {}", stderr(&table)));
    assert!(total > 20, "{total}");
    assert_eq!(json_lines(index.path(), &["claims", "--json"]).len(), total);
    let csv = claimdex_bundled(index.path())
        .args(["claims", "--csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_slice());
    assert_eq!(reader.records().count(), total);
    assert_eq!(
        json_lines(index.path(), &["claims", "--json", "-n", "5"]).len(),
        5
    );
    // Figures and search follow the same rule.
    let figures = json_lines(index.path(), &["figures", "--json"]);
    assert!(figures.len() > 100, "{}", figures.len());
    let passages = json_lines(index.path(), &["search", "migrants", "--json"]);
    assert!(passages.len() > 10, "{}", passages.len());
}

#[test]
fn every_listing_writes_csv_with_the_rows_and_values_of_its_json() {
    let index = tempfile::tempdir().unwrap();
    for listing in [
        &["search", "migrants"][..],
        &["figures"],
        &["claims"],
        &["sources"],
        &["topics"],
        &["docs"],
        &["datasets"],
        &[
            "check",
            "--doc",
            "niskanen-2024-ecuador-entry-data-chinese-migration",
        ],
    ] {
        let mut json_args = listing.to_vec();
        json_args.push("--json");
        let objects = json_lines(index.path(), &json_args);
        assert!(!objects.is_empty(), "{listing:?} listed nothing");
        for csv_flags in [&["--csv"][..], &["--format", "csv"]] {
            let output = claimdex_bundled(index.path())
                .args(listing)
                .args(csv_flags)
                .output()
                .unwrap();
            assert!(output.status.success(), "{listing:?}: {}", stderr(&output));
            let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
            let header = reader.headers().unwrap().clone();
            let records: Vec<csv::StringRecord> =
                reader.records().map(|record| record.unwrap()).collect();
            assert_eq!(records.len(), objects.len(), "{listing:?}");
            // Each row carries its object's plain values under the object's own keys. Claims'
            // CSV is written for editors (its own columns, scores rounded): rows only.
            if listing[0] == "claims" {
                continue;
            }
            for (record, object) in records.iter().zip(&objects) {
                for (column, cell) in header.iter().zip(record) {
                    let Some(value) = object.get(column) else {
                        continue;
                    };
                    let expected = match value {
                        serde_json::Value::String(text) => text.clone(),
                        serde_json::Value::Null => String::new(),
                        serde_json::Value::Number(_) | serde_json::Value::Bool(_) => {
                            value.to_string()
                        }
                        _ => continue,
                    };
                    // Cells a spreadsheet would run as formulas carry a leading '.
                    let expected = if expected.starts_with(['=', '+', '-', '@']) {
                        format!("'{expected}")
                    } else {
                        expected
                    };
                    assert_eq!(cell, expected, "{listing:?} column {column}");
                }
            }
        }
    }
    // A format a command does not write is one line naming the ones it does.
    let output = claimdex_bundled(index.path())
        .args(["figures", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: claimdex figures does not write html; use --format table, json, csv"
    );
}
