//! `claimdex search` and `show` on the bundled corpus, through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;

#[test]
fn first_search_builds_the_index_and_finds_the_ecuador_passage() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args([
            "search",
            "Chinese nationals entered Ecuador",
            "--limit",
            "3",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "1. New data suggests political repression, slowing economy driving irregular Chinese migration to U.S. — Niskanen Center, 2024"
    );
    assert!(
        out.contains(
            "corpus/niskanen-2024-ecuador-entry-data-chinese-migration.txt:5  passage 3  score"
        ),
        "{out}"
    );
    assert!(
        out.contains("[Chinese] [nationals] [entered] [Ecuador] 48,381 times in 2023"),
        "{out}"
    );
    let err = stderr(&output);
    assert!(err.contains("building the index of corpus/"), "{err}");
    assert!(err.contains("indexed 5 documents"), "{err}");
    // The second run finds the index up to date and builds nothing.
    let output = claimdex_bundled(index.path())
        .args(["search", "Ecuador"])
        .output()
        .unwrap();
    assert!(!stderr(&output).contains("indexed"), "{}", stderr(&output));
}

#[test]
fn json_lines_carry_spans_that_slice_the_raw_file() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args(["search", "deficit", "--json", "--limit", "5"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let out = stdout(&output);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for hit in &lines {
        for key in [
            "doc",
            "title",
            "path",
            "passage",
            "line",
            "score",
            "text",
            "highlights",
            "span",
        ] {
            assert!(hit.get(key).is_some(), "missing {key} in {hit}");
        }
        let path = repo_root().join(hit["path"].as_str().unwrap());
        let raw = std::fs::read_to_string(path).unwrap();
        let (start, end) = (
            hit["span"]["start"].as_u64().unwrap() as usize,
            hit["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&raw[start..end], hit["text"].as_str().unwrap());
        let line = 1 + raw[..start].matches('\n').count();
        assert_eq!(hit["line"].as_u64().unwrap() as usize, line);
        let text = hit["text"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (s, e) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            assert!(
                text[s..e].to_lowercase().starts_with("deficit"),
                "{}",
                &text[s..e]
            );
        }
    }
}

/// "48 381" (the README promised it) finds 48,381 as words and as a phrase. See: issue 13.
#[test]
fn a_number_is_found_however_it_is_written() {
    let index = tempfile::tempdir().unwrap();
    for query in [
        "48381",
        "48,381",
        "\"48,381 times\"",
        "48 381",
        "\"48 381 times\"",
        "48\u{a0}381",
    ] {
        let output = claimdex_bundled(index.path())
            .args(["search", query, "--json", "--limit", "1"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{query}: {}", stderr(&output));
        let hit: serde_json::Value =
            serde_json::from_str(stdout(&output).lines().next().unwrap()).unwrap();
        assert_eq!(
            hit["doc"], "niskanen-2024-ecuador-entry-data-chinese-migration",
            "{query}"
        );
        assert!(hit["text"].as_str().unwrap().contains("48,381"));
    }
}

#[test]
fn filters_and_syntax() {
    let index = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| claimdex_bundled(index.path()).args(args).output().unwrap();
    // Filters by publisher, year and document.
    let output = run(&[
        "search",
        "migration",
        "--publisher",
        "Foreign Policy",
        "--json",
        "--limit",
        "50",
    ]);
    let docs: Vec<String> = stdout(&output)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        !docs.is_empty()
            && docs
                .iter()
                .all(|d| d == "foreign-policy-2024-chinese-migrants-invading-army"),
        "{docs:?}"
    );
    let output = run(&[
        "search",
        "migration",
        "--year",
        "2019",
        "--json",
        "--limit",
        "50",
    ]);
    assert!(stdout(&output)
        .lines()
        .all(|l| l.contains("\"doc\":\"cis-2019-international-migration-security-challenge\"")));
    let output = run(&[
        "search",
        "Heilongjiang",
        "--doc",
        "mpi-cross-border-human-flows-northeast-asia",
        "--json",
    ]);
    assert!(output.status.success());
    assert!(stdout(&output)
        .lines()
        .all(|l| l.contains("\"doc\":\"mpi-cross-border-human-flows-northeast-asia\"")));
    // Phrases, boolean operators and field queries.
    let output = run(&["search", "\"Darién Gap\" AND NOT Xinjiang", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).lines().all(|l| !l.contains("Xinjiang")));
    let output = run(&["search", "title:Northeast", "--json", "--limit", "100"]);
    assert!(stdout(&output)
        .lines()
        .all(|l| l.contains("\"doc\":\"mpi-cross-border-human-flows-northeast-asia\"")));
    // Invalid syntax falls back to plain words with a note.
    let output = run(&["search", "Ecuador AND (visa"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("not valid search syntax"),
        "{}",
        stderr(&output)
    );
    // Nothing found: exit status 1 and a message.
    let output = run(&["search", "zzyzx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no passages match"));
}

#[test]
fn show_prints_the_cleaned_document_with_line_and_passage_numbers() {
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args([
            "show",
            "mpi-cross-border-human-flows-northeast-asia",
            "--dropped",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Cross-Border Human Flows in Northeast Asia");
    assert!(out.contains("    3  ## Cross-Border Human Flows in Northeast Asia"));
    assert!(out.contains("    7 [1]  International migration is not a new phenomenon"));
    assert!(out.contains("    1  E.g., 06/25/2024 — date-picker leftover"));
    assert!(!out.contains("    7 [1]  E.g."));
    let output = claimdex_bundled(index.path())
        .args(["show", "no-such-doc"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no document 'no-such-doc'"));
}

#[test]
fn cleaning_drops_page_leftovers_in_the_bundled_corpus() {
    let index = tempfile::tempdir().unwrap();
    let show = |doc: &str| {
        stdout(
            &claimdex_bundled(index.path())
                .args(["show", doc, "--dropped"])
                .output()
                .unwrap(),
        )
    };
    let fp = show("foreign-policy-2024-chinese-migrants-invading-army");
    assert!(fp.contains("The post Chinese Migrants Aren’t an Invading Army appeared first on Foreign Policy. — syndication trailer"));
    let dash = show("9dashline-2023-running-from-china");
    assert!(dash.contains("9DASHLINE · Dr Franziska Plümmer · 2023-09-05"));
    assert!(dash.contains("WRITTEN BY DR FRANZISKA PLÜMMER — byline"));
    assert!(dash.contains("of leaving — repeated title"));
    assert!(dash.contains("— disclaimer"));
    let cis = show("cis-2019-international-migration-security-challenge");
    assert!(
        cis.lines()
            .any(|line| line.starts_with("   63  标签:") && line.ends_with("— tag line")),
        "{cis}"
    );
}

#[test]
fn stop_words_rank_but_do_not_widen_a_plain_words_search() {
    let index = tempfile::tempdir().unwrap();
    let search = |query: &str| {
        let output = claimdex_bundled(index.path())
            .args(["search", query, "--limit", "3"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{query}: {}", stderr(&output));
        (stdout(&output), stderr(&output))
    };
    // "the" and "of" are in nearly every passage: plain words find passages by their other
    // words, and stop words neither add matches nor get highlighted.
    let (plain_out, plain_err) = search("deficit");
    let (stop_out, stop_err) = search("the deficit of");
    assert!(
        stop_err.contains("1 of 1 matching passages shown"),
        "{stop_err}"
    );
    assert!(
        plain_err.contains("1 of 1 matching passages shown"),
        "{plain_err}"
    );
    assert_eq!(stop_out.lines().next(), plain_out.lines().next());
    assert!(stop_out.contains("[deficit]"), "{stop_out}");
    assert!(!stop_out.contains("[the]"), "{stop_out}");
    // A phrase keeps its stop words, and so does a query of nothing else.
    let (phrase_out, phrase_err) = search("\"the Darién Gap\"");
    assert!(
        phrase_out.contains("through [the] [Darién] [Gap] in Panama"),
        "{phrase_out}"
    );
    assert!(
        phrase_err.contains("2 of 2 matching passages shown"),
        "{phrase_err}"
    );
    let (_, only_stop_err) = search("to be or not to be");
    assert!(
        only_stop_err.contains("3 of 114 matching passages shown"),
        "{only_stop_err}"
    );
}

#[test]
fn a_phrase_matches_only_passages_with_the_phrase_though_text_raw_keeps_some_of_its_words() {
    // `text_raw` keeps "chinese" (stemmed "chines" in `text`) but not "border": searched there
    // as the one word it kept, the phrase matched every passage naming the Chinese (58).
    let index = tempfile::tempdir().unwrap();
    let output = claimdex_bundled(index.path())
        .args(["search", "\"Chinese border\""])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 of 1 matching passages shown"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("[Chinese] [border]"),
        "{}",
        stdout(&output)
    );
}
