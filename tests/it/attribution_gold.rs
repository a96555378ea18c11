//! Precision and recall of attribution against the hand-labelled gold file, through the real
//! pipeline: ingest → text (clean, segment) → footnote split → sources::attribute.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use claimdex::sources::{attribute, footnotes, split_at_footnotes};
use claimdex::span::{LineIndex, Span};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Gold {
    sentence: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    doc: String,
    line: usize,
    text: String,
    source: String,
    via: String,
}

#[derive(Default)]
struct Score {
    n: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The claim sentences of one bundled document with their predicted source names.
type Rows = Vec<(Span, usize, Option<String>, Option<&'static str>)>;

fn predictions(dir: &Path, doc: &str) -> Result<(String, Rows), String> {
    let path = dir.join(format!("{doc}.txt"));
    let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let (raw, _) = claimdex::ingest::read(&path, bytes).map_err(|err| err.to_string())?;
    let document = claimdex::text::build_document(raw, doc.to_string(), None);
    let text = document.raw.clone();
    let segmented: Vec<Span> = document
        .passages
        .iter()
        .flat_map(|passage| passage.sentences.iter().map(|sentence| sentence.span))
        .collect();
    let sentences = split_at_footnotes(&text, &segmented, &footnotes(&text));
    let attributions = attribute(&text, &sentences);
    let lines = LineIndex::new(&text);
    let rows = sentences
        .iter()
        .zip(attributions)
        .map(|(span, found)| {
            let via = found.as_ref().map(|a| a.via.as_str());
            (*span, lines.line(span.start), found.map(|a| a.name), via)
        })
        .collect();
    Ok((text, rows))
}

/// Scores the attribution of the documents in `docs` (relative to the repository) against the
/// gold file `gold`, prints a table and the disagreements, and returns the totals.
fn score_against(gold: &str, docs: &str) -> Score {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gold: Gold = toml::from_str(&std::fs::read_to_string(root.join(gold)).unwrap()).unwrap();
    let dir = root.join(docs);
    let mut by_doc: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for entry in &gold.sentence {
        by_doc.entry(entry.doc.clone()).or_default().push(entry);
    }
    let mut total = Score::default();
    let mut table = String::new();
    let mut errors = String::new();
    let mut not_found = Vec::new();
    for (doc, entries) in &by_doc {
        let (text, rows) = predictions(&dir, doc).unwrap();
        let mut score = Score::default();
        for entry in entries {
            let row = rows.iter().find(|(span, line, _, _)| {
                *line == entry.line
                    && span
                        .slice(&text)
                        .is_some_and(|s| s.starts_with(&entry.text))
            });
            let Some((_, _, predicted, via)) = row else {
                not_found.push(format!("{doc}:{} {}", entry.line, entry.text));
                continue;
            };
            score.n += 1;
            let gold_source = (!entry.source.is_empty()).then_some(entry.source.as_str());
            match (predicted.as_deref(), gold_source) {
                (Some(p), Some(g)) if p == g => score.tp += 1,
                (Some(_), Some(_)) => {
                    score.fp += 1;
                    score.fn_ += 1;
                }
                (Some(_), None) => score.fp += 1,
                (None, Some(_)) => score.fn_ += 1,
                (None, None) => {}
            }
            if predicted.as_deref() != gold_source {
                errors.push_str(&format!(
                    "  {doc}:{} {:?}\n    gold {:?} ({}), got {:?} ({:?})\n",
                    entry.line, entry.text, entry.source, entry.via, predicted, via
                ));
            }
        }
        table.push_str(&format!(
            "{doc:<55} {:>3} {:>3} {:>3} {:>3}  {:.3} {:.3}\n",
            score.n,
            score.tp,
            score.fp,
            score.fn_,
            score.precision(),
            score.recall()
        ));
        total.n += score.n;
        total.tp += score.tp;
        total.fp += score.fp;
        total.fn_ += score.fn_;
    }
    println!(
        "{:<55} {:>3} {:>3} {:>3} {:>3}  {:<5} {:<5}",
        "doc", "n", "tp", "fp", "fn", "P", "R"
    );
    print!("{table}");
    println!(
        "{:<55} {:>3} {:>3} {:>3} {:>3}  {:.3} {:.3}",
        "all",
        total.n,
        total.tp,
        total.fp,
        total.fn_,
        total.precision(),
        total.recall()
    );
    if !errors.is_empty() {
        println!("disagreements with the gold:\n{errors}");
    }
    assert!(
        not_found.is_empty(),
        "gold sentences not found: {not_found:#?}"
    );
    total
}

#[test]
fn attribution_precision_and_recall_on_gold() {
    let total = score_against("tests/gold/attribution.toml", "corpus");
    assert_eq!(total.n, 61);
    assert!(
        total.precision() >= 0.9,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.9, "recall {:.3}", total.recall());
}

/// Five documents and labels written by someone who had not read the attribution rules
/// (tests/gold/attribution-heldout.md): how the rules do on texts they were not written for.
#[test]
fn attribution_precision_and_recall_on_held_out_documents() {
    let total = score_against(
        "tests/gold/attribution-heldout.toml",
        "tests/fixtures/attribution-heldout",
    );
    assert_eq!(total.n, 87);
    // Measured when the set arrived, before any rule was changed for it: P 0.731, R 0.345, with
    // 11 sentences not found; after the general fixes it prompted: P 0.875, R 0.689. These
    // floors keep that; what is still missed is listed in tests/gold/attribution-heldout.md.
    assert!(
        total.precision() >= 0.85,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.65, "recall {:.3}", total.recall());
}
