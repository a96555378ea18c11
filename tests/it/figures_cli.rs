//! `claimdex figures`, `search --figure` and figure marks in `show`, on the bundled corpus.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use serde_json::Value;

fn figures(index: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let output = claimdex_bundled(index)
        .arg("figures")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn figures_json_has_every_field_and_spans_slice_the_file() {
    let index = tempfile::tempdir().unwrap();
    let all = figures(index.path(), &["--limit", "100000"]);
    assert!(all.len() > 100, "{}", all.len());
    for figure in &all {
        for key in [
            "doc",
            "path",
            "line",
            "text",
            "value",
            "unit",
            "per",
            "currency",
            "qualifier",
            "low",
            "high",
            "range",
            "counts",
            "period",
            "places",
            "span",
            "sentence",
        ] {
            assert!(figure.get(key).is_some(), "missing {key} in {figure}");
        }
        let raw =
            std::fs::read_to_string(repo_root().join(figure["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            figure["span"]["start"].as_u64().unwrap() as usize,
            figure["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[start..end], figure["text"].as_str().unwrap());
        assert_eq!(
            1 + raw[..start].matches('\n').count(),
            figure["line"].as_u64().unwrap() as usize
        );
    }
    let deficit = all.iter().find(|f| f["text"] == "48,381").unwrap();
    assert_eq!(deficit["value"], 48381.0);
    assert_eq!(deficit["unit"], "count");
    assert_eq!(
        deficit["doc"],
        "niskanen-2024-ecuador-entry-data-chinese-migration"
    );
    assert!(deficit["sentence"]
        .as_str()
        .unwrap()
        .contains("entered Ecuador 48,381 times in 2023"));
}

#[test]
fn filters_by_unit_value_year_and_query() {
    let index = tempfile::tempdir().unwrap();
    let percents = figures(
        index.path(),
        &["--unit", "percent", "--min", "70", "--max", "80"],
    );
    assert!(!percents.is_empty());
    assert!(percents
        .iter()
        .all(|f| f["unit"] == "percent" && (70.0..=80.0).contains(&f["value"].as_f64().unwrap())));
    assert!(percents.iter().any(|f| f["text"] == "71 percent"));
    let in_2023 = figures(index.path(), &["--year", "2023", "--unit", "count"]);
    assert!(in_2023.iter().any(|f| f["text"] == "48,381"));
    assert!(in_2023
        .iter()
        .all(|f| f["period"].as_str().unwrap().contains("2023")));
    let refugees = figures(index.path(), &["refugees worldwide"]);
    assert!(
        refugees
            .iter()
            .any(|f| f["text"].as_str().unwrap().contains("25.4 million")),
        "{refugees:?}"
    );
    let output = claimdex_bundled(index.path())
        .args(["figures", "--min", "5"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--min and --max need --unit"));
    let output = claimdex_bundled(index.path())
        .args(["figures", "--unit", "apples"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown unit \"apples\""));
}

#[test]
fn search_filters_passages_by_figure() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args([
            "search",
            "Chinese",
            "--figure",
            "percent>70",
            "--json",
            "--limit",
            "50",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let hits: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .any(|h| h["text"].as_str().unwrap().contains("71 percent")));
    let output = claimdex_bundled(index.path())
        .args(["search", "Chinese", "--figure", "percent>1000", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let output = claimdex_bundled(index.path())
        .args(["search", "x", "--figure", "percent>>5"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown operator"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn show_marks_figures() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args(["show", "niskanen-2024-ecuador-entry-data-chinese-migration"])
        .output()
        .unwrap();
    let out = stdout(&output);
    assert!(
        out.contains("entered Ecuador ⟨48,381⟩ times in ⟨2023⟩ but only left ⟨24,240⟩ times"),
        "{out}"
    );
}
