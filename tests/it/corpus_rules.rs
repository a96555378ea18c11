//! A corpus folder's own `sources.toml` and `topics.toml`: read at index time, merged with the
//! built-ins, re-annotating on change, and reported with `file:line` when broken.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use serde_json::Value;
use std::path::Path;

/// A scratch copy of `tests/fixtures/rules-corpus` as `docs/`.
fn scratch_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let fixture = repo_root().join("tests/fixtures/rules-corpus");
    for name in ["keepers.txt", "sources.toml", "topics.toml"] {
        std::fs::copy(fixture.join(name), docs.join(name)).unwrap();
    }
    dir
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    claimdex_in(dir)
        .args(["--index", "idx"])
        .args(args)
        .output()
        .unwrap()
}

fn json_lines(output: &std::process::Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// (name, kind) of every source `claimdex sources` lists.
fn sources(dir: &Path) -> Vec<(String, Value)> {
    json_lines(&run(dir, &["sources", "--json"]))
        .iter()
        .map(|source| {
            (
                source["name"].as_str().unwrap().to_string(),
                source["kind"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_corpus_registry_alias_and_topic_are_used_and_edits_reannotate() {
    let dir = scratch_corpus();
    let output = run(dir.path(), &["index", "docs"]);
    assert!(output.status.success(), "{}", stderr(&output));

    // The corpus's alias normalises "The ALA"; the built-in registry still knows UNHCR.
    let listed = sources(dir.path());
    assert!(
        listed.contains(&(
            "Atlantis Lighthouse Authority".to_string(),
            Value::from("government")
        )),
        "{listed:?}"
    );
    assert!(listed
        .iter()
        .any(|(name, _)| name.contains("High Commissioner for Refugees")));

    // The corpus's topic tags the keepers claim and not the arrivals claim.
    let claims = json_lines(&run(
        dir.path(),
        &["claims", "--topic", "lighthouses", "--json"],
    ));
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        vec!["The ALA reported that 310 lighthouse keepers retired in 2023."]
    );
    let topics = json_lines(&run(dir.path(), &["topics", "--json"]));
    assert!(topics
        .iter()
        .any(|t| t["name"] == "Lighthouses and keepers"));

    // Removing the alias re-annotates the document on the next `index`: "ALA" is then only an
    // acronym next to a cue, listed under its surface form with no kind.
    std::fs::write(
        dir.path().join("docs/sources.toml"),
        "[[source]]\nname = \"Atlantis Lighthouse Authority\"\nkind = \"government\"\n",
    )
    .unwrap();
    let output = run(dir.path(), &["index"]);
    assert!(
        stderr(&output).contains("(0 new, 1 updated, 0 removed, 0 unchanged, 0 skipped)"),
        "{}",
        stderr(&output)
    );
    let listed = sources(dir.path());
    assert!(
        listed.contains(&("ALA".to_string(), Value::Null)),
        "{listed:?}"
    );

    // A read command notices an edited topic file by itself and updates first.
    std::fs::write(
        dir.path().join("docs/topics.toml"),
        "[[topic]]\nid = \"sea-arrivals\"\nname = \"Sea arrivals\"\nphrases = [\"arrivals by sea\"]\n",
    )
    .unwrap();
    let output = run(dir.path(), &["claims", "--topic", "sea-arrivals", "--json"]);
    assert!(
        stderr(&output).contains("files changed since the index was built"),
        "{}",
        stderr(&output)
    );
    let texts: Vec<String> = json_lines(&output)
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        texts,
        vec!["UNHCR reported 12,000 arrivals by sea in the same year."]
    );
}

#[test]
fn a_broken_rule_file_is_one_error_line_and_the_built_ins_still_apply() {
    let dir = scratch_corpus();
    std::fs::write(
        dir.path().join("docs/sources.toml"),
        "[[source]]\nname = \"Atlantis Lighthouse Authority\"\nkind = \"lighthouse\"\naliases = [\"ALA\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("docs/topics.toml"), "[[topic]\nid = 3\n").unwrap();
    let output = run(dir.path(), &["index", "docs"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    // Each problem is one line; nothing else but the summary is printed.
    assert!(
        stderr(&output)
            .lines()
            .all(|line| line.starts_with("error: ") || line.starts_with("indexed ")),
        "{}",
        stderr(&output)
    );
    let errors: Vec<String> = stderr(&output)
        .lines()
        .filter(|line| line.starts_with("error:"))
        .map(str::to_string)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "error: {}:1: invalid [[source]] entry: unknown variant `lighthouse`",
            Path::new("docs").join("sources.toml").display()
        )),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(&format!(
            "error: {}:1: invalid topic file:",
            Path::new("docs").join("topics.toml").display()
        )),
        "{errors:#?}"
    );
    // The document is indexed all the same, with the built-in registry.
    let listed = sources(dir.path());
    assert!(listed
        .iter()
        .any(|(name, _)| name.contains("High Commissioner for Refugees")));
    assert!(
        listed.contains(&("ALA".to_string(), Value::Null)),
        "{listed:?}"
    );
}

/// `check --topic` keeps exactly the claims `claims --topic` lists, with the corpus's own
/// topics.toml (it used to read the built-in taxonomy only, so a corpus topic became an ad-hoc
/// search). See: issue 15.
#[test]
fn check_topic_uses_the_corpus_taxonomy_as_claims_does() {
    let dir = scratch_corpus();
    let output = run(dir.path(), &["index", "docs"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let claims = json_lines(&run(
        dir.path(),
        &["claims", "--topic", "lighthouses", "--json"],
    ));
    let checked = run(
        dir.path(),
        &["check", "--topic", "lighthouses", "--format", "json"],
    );
    // A corpus topic is a topic of the taxonomy, not a search query.
    assert!(
        !stderr(&checked).contains("not a topic of the taxonomy"),
        "{}",
        stderr(&checked)
    );
    let results = json_lines(&checked);
    assert!(!results.is_empty(), "{}", stderr(&checked));
    let claim_ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for result in &results {
        assert!(
            claim_ids.contains(&result["claim"]["id"].as_str().unwrap()),
            "{result}"
        );
    }
}
