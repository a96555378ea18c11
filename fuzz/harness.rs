//! What each fuzz target does with its input: one public function per target, calling the same
//! library functions the `claimdex` binary calls. Shared by the fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the replay test (`tests/it/fuzz_replay.rs`), so a saved crash
//! is replayed through exactly the code that found it.
//!
//! Besides "returns without panicking", each function asserts the invariants later stages rely
//! on to slice text without panicking: every span a stage hands on is a range of its text on
//! character boundaries.

#![allow(dead_code)]

use claimdex::model::Document;
use claimdex::span::Span;
use std::path::{Path, PathBuf};

/// `html`: the HTML reader (`ingest::read` on a `.html` path), then the cleaner and segmenter.
pub fn html(data: &[u8]) {
    read_and_build("fuzz.html", data);
}

/// `pdf`: the PDF reader (`ingest::read` on a `.pdf` path), then the cleaner and segmenter.
pub fn pdf(data: &[u8]) {
    read_and_build("fuzz.pdf", data);
}

/// `text`: the cleaner and segmenter on a plain-text file (`.txt`), or a Markdown one (`.md`,
/// front matter and `#` headings) when the first byte is odd.
pub fn text(data: &[u8]) {
    let name = if data.first().is_some_and(|byte| byte & 1 == 1) {
        "fuzz.md"
    } else {
        "fuzz.txt"
    };
    read_and_build(name, data);
}

/// `number`: the figure (number) parser on the input as one passage, sentence by sentence
/// (`annotate_passage` over its lines), and over the document built from it as `claimdex index`
/// annotates it (`annotate_document`, which also reads flattened tables).
pub fn number(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for figure in claimdex::figures::annotate(&text) {
        check_span(&text, figure.span, "figure");
    }
    let lines: Vec<&str> = text.lines().collect();
    for (line, figures) in lines
        .iter()
        .zip(claimdex::figures::annotate_passage(&lines))
    {
        for figure in figures {
            check_span(line, figure.span, "figure in a line");
        }
    }
    let raw = claimdex::model::RawDocument::new(
        PathBuf::from("fuzz.txt"),
        claimdex::model::FileFormat::Text,
        text.into_owned(),
    );
    let document = claimdex::text::build_document(raw, "fuzz".to_string(), None);
    for records in claimdex::figures::annotate_document(&document) {
        for record in records {
            check_span(&document.raw, record.sentence, "figure's sentence");
        }
    }
}

/// `dataset`: the datasets loader (`datasets::load_dir`, what `--datasets DIR` runs) on one
/// manifest and its CSV, then the questions the checker asks of a loaded dataset.
///
/// The input is the manifest's TOML, a NUL byte, then the CSV. Both are written to a fresh
/// temporary folder as `ID.toml` and `ID.csv`, `ID` being the manifest's `id` when it parses and
/// is a plain file name (so that a valid manifest always reaches the CSV reader), else `fuzz`.
pub fn dataset(data: &[u8]) {
    let (manifest, csv) = match data.iter().position(|byte| *byte == 0) {
        Some(idx) => (&data[..idx], &data[idx + 1..]),
        None => (data, &[][..]),
    };
    let id = std::str::from_utf8(manifest)
        .ok()
        .and_then(|text| {
            claimdex::datasets::DatasetManifest::parse(Path::new("fuzz.toml"), text).ok()
        })
        .map(|manifest| manifest.id)
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
        .unwrap_or_else(|| "fuzz".to_string());
    let Some(dir) = TempDir::new() else {
        return;
    };
    if std::fs::write(dir.0.join(format!("{id}.toml")), manifest).is_err()
        || std::fs::write(dir.0.join(format!("{id}.csv")), csv).is_err()
    {
        return;
    }
    let (datasets, diagnostics) = claimdex::datasets::load_dir(&dir.0);
    let _ = claimdex::datasets::summaries(&datasets, &diagnostics);
    for dataset in &datasets {
        for row in &dataset.rows {
            let _ = dataset.describe_row(row);
            for value in row.dims.values() {
                let _ = dataset.resolve_entity(value);
                let _ = dataset.group_members(value);
            }
            for measure in row.measures.keys() {
                let _ = dataset.value(row, measure);
                let _ = dataset.rounding(measure);
            }
        }
        for group in &dataset.manifest.groups {
            let _ = dataset.group_members(&group.name);
        }
        for alias in dataset.manifest.aliases.keys() {
            let _ = dataset.resolve_entity(alias);
        }
    }
}

/// `query`: the search query parser, through `query::search` (as `claimdex search` runs it) on a
/// small in-memory index of bundled corpus passages, as syntax and as plain words.
///
/// The input's first line is the query; a second line, if any, is a `--figure` filter spec
/// (`percent>50`), parsed by `FigureFilter::parse` and applied when it parses.
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (query, figure) = match text.split_once('\n') {
        Some((query, figure)) => (query, Some(figure)),
        None => (text.as_ref(), None),
    };
    let figure = figure.and_then(|spec| claimdex::query::FigureFilter::parse(spec).ok());
    let Some(corpus) = query_index() else {
        return;
    };
    for plain in [false, true] {
        let request = claimdex::query::SearchRequest {
            query: query.to_string(),
            limit: 10,
            figure,
            plain,
            ..Default::default()
        };
        if let Ok(results) = claimdex::query::search(corpus, &request) {
            for hit in &results.hits {
                for &(start, end) in &hit.highlights {
                    assert!(
                        hit.text.get(start..end).is_some(),
                        "highlight {start}..{end} is not a range of the hit's text (length {})",
                        hit.text.len()
                    );
                }
            }
        }
    }
}

/// Passages the `query` target searches: short pieces of the bundled corpus, with figures.
const QUERY_TEXTS: &[&str] = &[
    "Chinese migrants crossing\n\nIn 2023, nearly 37,000 Chinese nationals were apprehended at the \
     U.S. southwest border, up from 2,176 in 2022. About 71% of them were adult men travelling alone.",
    "Ecuador entry data\n\nEcuador recorded 48,381 entries of Chinese citizens in 2023 and \
     24,224 exits, according to the Ministry of Interior. The visa-free regime ended in July 2024.",
    "International migration\n\nThe number of international migrants worldwide reached 258 million \
     in 2017, 3.4 per cent of the world's population, the UN said. Refugees numbered 25.4 million.",
];

/// The in-memory index the `query` target searches, built once per process.
fn query_index() -> Option<&'static claimdex::index::CorpusIndex> {
    static INDEX: std::sync::OnceLock<Option<claimdex::index::CorpusIndex>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let corpus = claimdex::index::CorpusIndex::in_memory(Path::new("fuzz-index"));
            let documents: Vec<Document> = QUERY_TEXTS
                .iter()
                .enumerate()
                .map(|(idx, text)| {
                    let raw = claimdex::model::RawDocument::new(
                        PathBuf::from(format!("doc{idx}.txt")),
                        claimdex::model::FileFormat::Text,
                        (*text).to_string(),
                    );
                    claimdex::text::build_document(raw, format!("doc{idx}"), None)
                })
                .collect();
            claimdex::index::add_documents(&corpus, &documents, 15_000_000).ok()?;
            Some(corpus)
        })
        .as_ref()
}

/// Reads `data` as a file called `name`, then cleans and segments it as `claimdex index` does.
fn read_and_build(name: &str, data: &[u8]) {
    let Ok((raw, _diagnostics)) = claimdex::ingest::read(Path::new(name), data.to_vec()) else {
        return;
    };
    for &heading in &raw.headings {
        check_span(&raw.text, heading, "heading");
    }
    for &skip in &raw.skip {
        check_span(&raw.text, skip, "skipped span");
    }
    for &(start, _) in &raw.pages {
        assert!(
            raw.text.is_char_boundary(start),
            "page start {start} is not a character boundary of the text"
        );
    }
    let document = claimdex::text::build_document(raw, "fuzz".to_string(), None);
    check_document(&document);
}

fn check_document(document: &Document) {
    for passage in &document.passages {
        check_span(&document.raw, passage.span, "passage");
        for sentence in &passage.sentences {
            check_span(&document.raw, sentence.span, "sentence");
            assert!(
                passage.span.contains(sentence.span),
                "sentence {:?} outside its passage {:?}",
                sentence.span,
                passage.span
            );
        }
    }
    for dropped in &document.dropped {
        check_span(&document.raw, dropped.span, "dropped span");
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.slice(text).is_some(),
        "{what} span {}..{} is not a range of the text on character boundaries (length {})",
        span.start,
        span.end,
        text.len()
    );
}

/// A fresh folder under the system's temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Option<TempDir> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("claimdex-fuzz-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path).ok()?;
        Some(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
