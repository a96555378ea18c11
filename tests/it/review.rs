//! `claimdex review`: a fact-checker's verdict recorded in the corpus's `reviews.toml`, shown
//! beside the machine's by `check` and `claims`, published by ClaimReview, kept across a
//! rebuild, listed as orphaned when its claim leaves the corpus; a broken file is an error
//! naming it and is never overwritten.

use crate::common::{self, claimdex_in, stderr, stdout};
use serde_json::Value;
use std::path::Path;

const TEXT: &str = "Frontex arrivals\n\nFrontex said that roughly 94,000 people crossed into the European Union irregularly in the first half of 2024.\n\nThe Central Mediterranean route saw almost 26,000 detections in the same period.\n";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let datasets = common::repo_root().join("corpus/datasets");
    claimdex_in(dir)
        .arg("--index")
        .arg("index")
        .arg("--datasets")
        .arg(&datasets)
        .args(args)
        .output()
        .unwrap()
}

fn lines(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn a_review_is_recorded_shown_published_kept_and_orphaned() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("frontex.txt"), TEXT).unwrap();
    // ClaimReview needs the article's public address.
    std::fs::write(
        corpus.join("corpus.toml"),
        "[[document]]\nfile = \"frontex.txt\"\nurl = \"https://example.org/frontex-arrivals\"\n",
    )
    .unwrap();
    let output = run(dir.path(), &["index", "corpus"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let claims = lines(&run(dir.path(), &["claims", "--json"]));
    let claim = claims
        .iter()
        .find(|claim| claim["text"].as_str().unwrap().contains("94,000"))
        .unwrap_or_else(|| panic!("the Frontex claim: {claims:#?}"));
    let id = claim["id"].as_str().unwrap();

    // No verdict, an unknown claim, a figure the claim does not have: errors, nothing written.
    let output = run(dir.path(), &["review", id]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("--verdict"), "{}", stderr(&output));
    let output = run(dir.path(), &["review", "0000", "--verdict", "supported"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no claim '0000'"),
        "{}",
        stderr(&output)
    );
    let output = run(
        dir.path(),
        &["review", id, "--verdict", "supported", "--figure", "12"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("roughly 94,000"),
        "{}",
        stderr(&output)
    );
    assert!(!corpus.join("reviews.toml").exists());

    let output = run(
        dir.path(),
        &[
            "review",
            id,
            "--verdict",
            "contradicted",
            "--note",
            "Frontex's release of 12 July says 93,925",
            "--by",
            "A. Editor",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let file = std::fs::read_to_string(corpus.join("reviews.toml")).unwrap();
    assert!(file.contains(&format!("claim = \"{id}\"")), "{file}");
    assert!(file.contains("verdict = \"contradicted\""), "{file}");

    // `check` shows it beside the machine's verdict on every figure of the claim, and only there.
    let results = lines(&run(dir.path(), &["check", "--json"]));
    let (reviewed, others): (Vec<&Value>, Vec<&Value>) = results
        .iter()
        .partition(|result| result["claim"]["id"] == id);
    assert!(!reviewed.is_empty() && !others.is_empty(), "{results:#?}");
    for result in &reviewed {
        assert_eq!(result["review"]["verdict"], "contradicted", "{result:#}");
        assert_eq!(result["review"]["by"], "A. Editor");
    }
    assert!(others.iter().all(|result| result.get("review").is_none()));
    let table = stdout(&run(dir.path(), &["check"]));
    assert!(
        table.contains("reviewed: contradicted by A. Editor"),
        "{table}"
    );
    let listed = lines(&run(dir.path(), &["claims", "--json"]));
    let again = listed.iter().find(|claim| claim["id"] == id).unwrap();
    assert_eq!(
        again["reviews"][0]["note"],
        "Frontex's release of 12 July says 93,925"
    );

    // ClaimReview publishes the human verdict, and nothing for an unreviewed unverifiable one.
    let output = run(dir.path(), &["check", "--format", "claimreview"]);
    let published: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let published = published.as_array().unwrap();
    let human: Vec<&Value> = published
        .iter()
        .filter(|review| review["creator"]["name"] == "A. Editor")
        .collect();
    assert_eq!(human.len(), reviewed.len(), "{published:#?}");
    assert!(human
        .iter()
        .all(|review| review["reviewRating"]["ratingValue"] == 1));
    let unreviewed_unverifiable = others
        .iter()
        .filter(|result| result["verdict"] == "unverifiable")
        .count();
    assert_eq!(
        published.len(),
        reviewed.len() + others.len() - unreviewed_unverifiable
    );

    // A rebuilt index keeps the review: it lives beside the corpus.
    let output = run(dir.path(), &["index", "--rebuild"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(corpus.join("reviews.toml")).unwrap(),
        file
    );
    let listed = lines(&run(dir.path(), &["review", "--json"]));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["orphaned"], false);

    // The sentence rewritten: the review is orphaned, listed, never dropped.
    std::fs::write(
        corpus.join("frontex.txt"),
        TEXT.replace("roughly 94,000", "about 93,900"),
    )
    .unwrap();
    let output = run(dir.path(), &["review"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("ORPHANED"), "{}", stdout(&output));
    let listed = lines(&run(dir.path(), &["review", "--json"]));
    assert_eq!(listed[0]["orphaned"], true);
    assert_eq!(listed[0]["claim"], id);
}

#[test]
fn a_broken_reviews_file_is_an_error_naming_it_and_is_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("frontex.txt"), TEXT).unwrap();
    let broken = "[[review]]\nclaim = 3\n";
    std::fs::write(corpus.join("reviews.toml"), broken).unwrap();
    let output = run(dir.path(), &["index", "corpus"]);
    assert!(output.status.success(), "{}", stderr(&output));
    for args in [&["check"][..], &["claims"], &["review"]] {
        let output = run(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("reviews.toml"),
            "{}",
            stderr(&output)
        );
    }
    let id = lines(&run(dir.path(), &["check", "--json"]))[0]["claim"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let output = run(dir.path(), &["review", &id, "--verdict", "supported"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(corpus.join("reviews.toml")).unwrap(),
        broken
    );
}
