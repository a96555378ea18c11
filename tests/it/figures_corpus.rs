//! Every figure of the five bundled documents, through the real pipeline (ingest, clean, segment,
//! annotate each passage's sentences, find tables), pinned by `tests/snapshots/corpus_figures.txt`.
//!
//! The snapshot is reviewed line by line against the source sentences: a wrong line is a bug in
//! the annotator, not a snapshot to accept. Lines still known to be wrong are listed, with why,
//! in `tests/snapshots/KNOWN_WRONG.md`. Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test
//! figures_corpus` and review the diff before committing.

// An integration test: a failed unwrap is a failed test, as inside `#[test]` functions.
#![allow(clippy::unwrap_used)]

use claimdex::figures::{annotate_passage, find_tables, Figure, Table};
use claimdex::span::{LineIndex, Span};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const SNAPSHOT: &str = "tests/snapshots/corpus_figures.txt";

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled documents, sorted by file name.
fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join("corpus"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files
}

/// One figure found in a document, with its span in the raw text.
struct Found {
    figure: Figure,
    /// For a table row, its label.
    table_label: Option<String>,
}

/// Runs the real pipeline over one file: sentence figures shifted to the document, then table rows.
/// A sentence figure inside a table's span is superseded by the table's row.
fn document_figures(path: &Path) -> (String, Vec<Found>) {
    let bytes = std::fs::read(path).unwrap();
    let (raw, _diagnostics) = claimdex::ingest::read(path, bytes).unwrap();
    let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
    let document = claimdex::text::build_document(raw, slug, None);
    let tables: Vec<Table> = find_tables(&document.raw);
    let in_table = |span: Span| tables.iter().any(|table| table.span.contains(span));
    let mut found = Vec::new();
    for passage in document.passages.iter().filter(|p| !p.is_heading) {
        let texts: Vec<&str> = passage
            .sentences
            .iter()
            .map(|sentence| sentence.span.slice(&document.raw).unwrap())
            .collect();
        for (sentence, figures) in passage.sentences.iter().zip(annotate_passage(&texts)) {
            for mut figure in figures {
                figure.span = figure.span.shift(sentence.span.start);
                if let Some(counts_span) = figure.counts_span {
                    figure.counts_span = Some(counts_span.shift(sentence.span.start));
                }
                if !in_table(figure.span) {
                    found.push(Found {
                        figure,
                        table_label: None,
                    });
                }
            }
        }
    }
    for table in tables {
        for row in table.rows {
            found.push(Found {
                figure: row.figure,
                table_label: Some(row.label),
            });
        }
    }
    found.sort_by_key(|found| (found.figure.span.start, found.figure.span.end));
    (document.raw, found)
}

/// A number as the snapshot prints it: integers without a fraction, others as Rust prints them.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn bound(value: Option<f64>) -> String {
    value.map_or_else(|| "null".to_string(), number)
}

/// One line per figure: `doc:line  "text"  value unit[/extra] qualifier [low, high] range counts period`.
fn render_line(slug: &str, line: usize, found: &Found) -> String {
    let figure = &found.figure;
    let unit = serde_json::to_value(figure.unit).unwrap();
    let mut unit = unit.as_str().unwrap_or("?").to_string();
    if let Some(per) = figure.per {
        write!(unit, "/{}", number(per)).unwrap();
    }
    if let Some(currency) = &figure.currency {
        write!(unit, "|{currency}").unwrap();
    }
    if let Some(measure_unit) = &figure.measure_unit {
        write!(unit, "|{measure_unit}").unwrap();
    }
    let qualifier = serde_json::to_value(figure.qualifier).unwrap();
    let mut out = format!(
        "{slug}:{line}  {:?}  {} {unit} {} [{}, {}]",
        figure.text,
        number(figure.value),
        qualifier.as_str().unwrap_or("?"),
        bound(figure.low),
        bound(figure.high),
    );
    if let Some(range) = &figure.range {
        let kind = serde_json::to_value(range.kind).unwrap();
        write!(
            out,
            " {}({}..{}",
            kind.as_str().unwrap_or("?"),
            number(range.low),
            number(range.high)
        )
        .unwrap();
        if let Some(direction) = range.direction {
            let direction = serde_json::to_value(direction).unwrap();
            write!(out, " {}", direction.as_str().unwrap_or("?")).unwrap();
        }
        out.push(')');
    }
    if let Some(label) = &found.table_label {
        write!(out, " row={label:?}").unwrap();
    }
    if let Some(counts) = &figure.counts {
        write!(out, " counts={counts:?}").unwrap();
    }
    if let Some(period) = &figure.period {
        write!(out, " period={period:?}").unwrap();
    }
    out
}

fn render_corpus() -> (String, Vec<(usize, String)>) {
    let mut out = String::new();
    let mut counts = Vec::new();
    for path in corpus_files() {
        let (raw, found) = document_figures(&path);
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let lines = LineIndex::new(&raw);
        for found in &found {
            let surface = found.figure.span.slice(&raw);
            assert_eq!(
                surface,
                Some(found.figure.text.as_str()),
                "{slug}: span {:?} does not slice to its text",
                found.figure.span
            );
            if let Some(counts_span) = found.figure.counts_span {
                assert_eq!(
                    counts_span.slice(&raw),
                    found.figure.counts.as_deref(),
                    "{slug}: counts span {counts_span:?} does not slice to its counts"
                );
            }
            let line = lines.line(found.figure.span.start);
            out.push_str(&render_line(&slug, line, found));
            out.push('\n');
        }
        counts.push((found.len(), slug));
    }
    (out, counts)
}

/// A line diff good enough to review: the longest common subsequence of lines, printed with
/// `-` for the snapshot's lines and `+` for the new ones.
fn diff(old: &str, new: &str) -> String {
    let old: Vec<&str> = old.lines().collect();
    let new: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            writeln!(out, "-{}", old[i]).unwrap();
            i += 1;
        } else {
            writeln!(out, "+{}", new[j]).unwrap();
            j += 1;
        }
    }
    out
}

#[test]
fn corpus_figures_match_the_reviewed_snapshot() {
    let (actual, counts) = render_corpus();
    for (n_figures, slug) in &counts {
        eprintln!("{slug}: {n_figures} figures");
    }
    let path = repo_root().join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        panic!(
            "{SNAPSHOT} differs from the annotator's output (review each line, then rerun with \
             UPDATE_SNAPSHOTS=1):\n{}",
            diff(&expected, &actual)
        );
    }
}

#[test]
fn diff_shows_changed_lines() {
    assert_eq!(diff("a\nb\nc\n", "a\nx\nc\n"), "-b\n+x\n");
    assert_eq!(diff("a\n", "a\nb\n"), "+b\n");
}
