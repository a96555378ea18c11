//! `export --format sqlite`: the annotated corpus as one SQLite file that `sqlite3` and
//! Datasette open as they are.
//!
//! Input: an open index, the check results of its claims (with any human review attached), the
//! corpus's reviews and topic taxonomy. Output: a file with tables `documents`, `passages`,
//! `sentences`, `figures`, `sources`, `claims`, `claim_figures`, `topics`, `claim_topics`,
//! `check_results` and `reviews`, linked by foreign keys (Datasette shows them as links and
//! facets), and `passages_fts`, an FTS5 table over the passages' text and titles (Datasette's
//! search box). Spans are byte offsets into each document's raw text, as everywhere in
//! claimdex, so every row can be traced to the words that produced it. The file is written
//! beside the target and renamed over it at the end: a failed export leaves no half a file.

use super::ExportError;
use crate::check::{CheckResult, Evidence};
use crate::claims::Claim;
use crate::figures::FigureRecord;
use crate::index::CorpusIndex;
use crate::model::Sentence;
use crate::query::{load_document, QueryError, StoredDocument, StoredPassage};
use crate::review::{Review, Reviews};
use crate::topics::Taxonomy;
use rusqlite::{params, Connection, Transaction};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What the export wrote, for the closing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SqliteSummary {
    pub documents: usize,
    pub passages: usize,
    pub claims: usize,
    pub results: usize,
    pub reviews: usize,
}

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    author TEXT,
    date TEXT,
    year INTEGER,
    url TEXT
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    number INTEGER NOT NULL,
    section TEXT,
    line INTEGER NOT NULL,
    page INTEGER,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    title TEXT,
    text TEXT NOT NULL
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    passage_id INTEGER NOT NULL REFERENCES passages(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    passage_id INTEGER NOT NULL REFERENCES passages(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    text TEXT NOT NULL,
    value REAL,
    unit TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    low REAL,
    high REAL,
    currency TEXT,
    counts TEXT,
    period TEXT,
    places TEXT,
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    passage_id INTEGER NOT NULL REFERENCES passages(id),
    line INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    checkworthiness REAL NOT NULL,
    source_id INTEGER REFERENCES sources(id),
    source_mention TEXT,
    source_via TEXT
);
CREATE TABLE claim_figures (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    figure_id INTEGER NOT NULL REFERENCES figures(id),
    PRIMARY KEY (claim_id, figure_id)
);
CREATE TABLE topics (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE claim_topics (
    claim_id TEXT NOT NULL REFERENCES claims(id),
    topic_id TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (claim_id, topic_id)
);
CREATE TABLE check_results (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id),
    figure_id INTEGER REFERENCES figures(id),
    figure TEXT NOT NULL,
    method TEXT NOT NULL,
    verdict TEXT NOT NULL,
    human_verdict TEXT,
    expected REAL,
    difference REAL,
    period_start TEXT,
    period_end TEXT,
    period_source TEXT,
    counted_by TEXT,
    evidence_dataset TEXT,
    evidence TEXT NOT NULL,
    explanation TEXT NOT NULL
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL,
    figure TEXT,
    verdict TEXT NOT NULL,
    note TEXT NOT NULL,
    reviewer TEXT,
    date TEXT NOT NULL,
    doc TEXT NOT NULL,
    text TEXT NOT NULL,
    orphaned INTEGER NOT NULL
);
CREATE INDEX passages_document ON passages(document_id);
CREATE INDEX figures_passage ON figures(passage_id);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX check_results_claim ON check_results(claim_id);
CREATE INDEX check_results_verdict ON check_results(verdict);
CREATE VIRTUAL TABLE passages_fts USING fts5(text, title, content=\"passages\", content_rowid=\"id\");
";

/// Writes the corpus of `corpus`, `results` and `reviews` to a new SQLite file at `path`
/// (replacing it).
pub fn write_sqlite(
    corpus: &CorpusIndex,
    results: &[CheckResult],
    reviews: &Reviews,
    taxonomy: &Taxonomy,
    path: &Path,
) -> Result<SqliteSummary, ExportError> {
    let partial = path.with_extension("partial");
    if partial.exists() {
        std::fs::remove_file(&partial)?;
    }
    let summary = write_to(corpus, results, reviews, taxonomy, &partial);
    match summary {
        Ok(summary) => {
            std::fs::rename(&partial, path)?;
            Ok(summary)
        }
        Err(error) => {
            // What was written so far is of no use to anyone.
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}

fn write_to(
    corpus: &CorpusIndex,
    results: &[CheckResult],
    reviews: &Reviews,
    taxonomy: &Taxonomy,
    path: &Path,
) -> Result<SqliteSummary, ExportError> {
    let mut db = Connection::open(path)?;
    db.execute_batch(SCHEMA)?;
    let tx = db.transaction()?;
    let mut writer = Writer::new(&tx, taxonomy);
    writer.insert_topics(taxonomy)?;
    let manifest = corpus.manifest().map_err(QueryError::from)?;
    for entry in manifest.files.values() {
        let Some(document) = load_document(corpus, &entry.slug)? else {
            continue;
        };
        writer.insert_document(&document)?;
    }
    for result in results {
        // A result's row references its claim's, so results of claims not written stay out.
        if writer.claim_ids.contains(&result.claim.id) {
            writer.insert_check_result(result)?;
        }
    }
    for review in reviews.all() {
        writer.insert_review(review)?;
    }
    let summary = writer.summary;
    tx.execute(
        "INSERT INTO passages_fts (passages_fts) VALUES ('rebuild')",
        [],
    )?;
    tx.commit()?;
    db.execute_batch("PRAGMA optimize;")?;
    Ok(summary)
}

/// The export's open transaction and the row ids later rows link to.
struct Writer<'a> {
    tx: &'a Transaction<'a>,
    /// The taxonomy's topic ids: a claim's other topics get no `claim_topics` row.
    topic_ids: HashSet<&'a str>,
    /// Each figure's row, by document and span, for the claims and results that cite it.
    figure_rows: HashMap<(String, usize, usize), i64>,
    /// The claims written (a claim in two passages is written once).
    claim_ids: HashSet<String>,
    /// Each source's row, by name.
    source_rows: HashMap<String, i64>,
    summary: SqliteSummary,
}

/// Where a passage's rows go: its document and its own row.
#[derive(Clone, Copy)]
struct PassageRow<'d> {
    document: &'d StoredDocument,
    document_id: i64,
    passage_id: i64,
}

impl<'a> Writer<'a> {
    fn new(tx: &'a Transaction<'a>, taxonomy: &'a Taxonomy) -> Writer<'a> {
        Writer {
            tx,
            topic_ids: taxonomy.topics().iter().map(|t| t.id.as_str()).collect(),
            figure_rows: HashMap::new(),
            claim_ids: HashSet::new(),
            source_rows: HashMap::new(),
            summary: SqliteSummary::default(),
        }
    }

    /// One `topics` row per topic of the taxonomy.
    fn insert_topics(&self, taxonomy: &Taxonomy) -> rusqlite::Result<()> {
        for topic in taxonomy.topics() {
            self.tx.execute(
                "INSERT INTO topics (id, name) VALUES (?1, ?2)",
                params![topic.id, topic.name],
            )?;
        }
        Ok(())
    }

    /// A document's row, then its passages with everything in them.
    fn insert_document(&mut self, document: &StoredDocument) -> rusqlite::Result<()> {
        let meta = &document.meta;
        self.tx.execute(
            "INSERT INTO documents (slug, path, title, publisher, author, date, year, url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                document.slug,
                document.path,
                meta.title,
                meta.publisher,
                meta.author,
                meta.date,
                meta.year(),
                meta.url
            ],
        )?;
        let document_id = self.tx.last_insert_rowid();
        self.summary.documents += 1;
        for passage in &document.passages {
            self.insert_passage(document, document_id, passage)?;
        }
        Ok(())
    }

    /// A passage's row, then its sentences, figures and claims.
    fn insert_passage(
        &mut self,
        document: &StoredDocument,
        document_id: i64,
        passage: &StoredPassage,
    ) -> rusqlite::Result<()> {
        let text = passage.span.slice(&document.raw).unwrap_or("");
        self.tx.execute(
            "INSERT INTO passages (document_id, number, section, line, page, span_start, span_end, title, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                document_id,
                passage.number,
                passage.section,
                passage.line,
                passage.page,
                passage.span.start,
                passage.span.end,
                document.meta.title,
                text
            ],
        )?;
        let row = PassageRow {
            document,
            document_id,
            passage_id: self.tx.last_insert_rowid(),
        };
        self.summary.passages += 1;
        for sentence in &passage.sentences {
            self.insert_sentence(row, sentence)?;
        }
        for record in &passage.figures {
            self.insert_figure(row, record)?;
        }
        for claim in &passage.claims {
            self.insert_claim(row, claim)?;
        }
        Ok(())
    }

    /// A sentence's row.
    fn insert_sentence(&self, row: PassageRow, sentence: &Sentence) -> rusqlite::Result<()> {
        self.tx.execute(
            "INSERT INTO sentences (passage_id, document_id, line, span_start, span_end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                row.passage_id,
                row.document_id,
                sentence.line,
                sentence.span.start,
                sentence.span.end,
                sentence.span.slice(&row.document.raw).unwrap_or("")
            ],
        )?;
        Ok(())
    }

    /// A figure's row, remembered by document and span for the claims and results citing it.
    fn insert_figure(&mut self, row: PassageRow, record: &FigureRecord) -> rusqlite::Result<()> {
        let figure = &record.figure;
        self.tx.execute(
            "INSERT INTO figures (passage_id, document_id, text, value, unit, qualifier, low, high, currency, counts, period, places, line, span_start, span_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                row.passage_id,
                row.document_id,
                figure.text,
                finite(figure.value),
                figure.unit.as_str(),
                name_of(&figure.qualifier),
                figure.low.and_then(finite),
                figure.high.and_then(finite),
                figure.currency,
                figure.counts,
                figure.period,
                (!figure.places.is_empty()).then(|| figure.places.join("; ")),
                record.line,
                figure.span.start,
                figure.span.end
            ],
        )?;
        self.figure_rows.insert(
            (
                row.document.slug.clone(),
                figure.span.start,
                figure.span.end,
            ),
            self.tx.last_insert_rowid(),
        );
        Ok(())
    }

    /// A claim's row (once per claim id) with its source, then its figure and topic links.
    fn insert_claim(&mut self, row: PassageRow, claim: &Claim) -> rusqlite::Result<()> {
        let source_id = match &claim.source {
            Some(source) => Some(source_row(
                self.tx,
                &mut self.source_rows,
                &source.name,
                source.kind,
            )?),
            None => None,
        };
        self.tx.execute(
            "INSERT OR IGNORE INTO claims (id, document_id, passage_id, line, span_start, span_end, text, checkworthiness, source_id, source_mention, source_via)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                claim.id,
                row.document_id,
                row.passage_id,
                claim.line,
                claim.span.start,
                claim.span.end,
                claim.text,
                claim.checkworthiness,
                source_id,
                claim.source.as_ref().map(|source| source.mention.clone()),
                claim.source.as_ref().map(|source| source.via.as_str())
            ],
        )?;
        if self.claim_ids.insert(claim.id.clone()) {
            self.summary.claims += 1;
        }
        self.link_claim(&row.document.slug, claim)
    }

    /// The `claim_figures` rows of the claim's figures and the `claim_topics` rows of its topics
    /// in the taxonomy.
    fn link_claim(&self, slug: &str, claim: &Claim) -> rusqlite::Result<()> {
        for record in &claim.figures {
            let span = record.figure.span;
            if let Some(figure_id) = self
                .figure_rows
                .get(&(slug.to_string(), span.start, span.end))
            {
                self.tx.execute(
                    "INSERT OR IGNORE INTO claim_figures (claim_id, figure_id) VALUES (?1, ?2)",
                    params![claim.id, figure_id],
                )?;
            }
        }
        for topic in claim
            .topics
            .iter()
            .filter(|t| self.topic_ids.contains(t.as_str()))
        {
            self.tx.execute(
                "INSERT OR IGNORE INTO claim_topics (claim_id, topic_id) VALUES (?1, ?2)",
                params![claim.id, topic],
            )?;
        }
        Ok(())
    }

    /// A check result's row, linked to its claim and (when exported) its figure.
    fn insert_check_result(&mut self, result: &CheckResult) -> rusqlite::Result<()> {
        let span = result.figure.span;
        let figure_id = self
            .figure_rows
            .get(&(result.claim.doc.clone(), span.start, span.end));
        let binding = result.binding.as_ref();
        let period = binding.and_then(|binding| binding.period.as_ref());
        let dataset = match &result.evidence {
            Evidence::Dataset(evidence) => Some(evidence.dataset.clone()),
            _ => None,
        };
        let evidence = serde_json::to_string(&result.evidence).unwrap_or_default();
        self.tx.execute(
            "INSERT INTO check_results (claim_id, figure_id, figure, method, verdict, human_verdict, expected, difference, period_start, period_end, period_source, counted_by, evidence_dataset, evidence, explanation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                result.claim.id,
                figure_id,
                result.figure.text,
                result.method.name(),
                result.verdict.name(),
                result.review.as_ref().map(|review| review.verdict.name()),
                result.expected.and_then(finite),
                result.difference.and_then(finite),
                period.map(|period| period.start.to_string()),
                period.map(|period| period.end.to_string()),
                binding
                    .and_then(|binding| binding.period_source)
                    .map(|source| name_of(&source)),
                binding.and_then(|binding| binding.counted_by.clone()),
                dataset,
                evidence,
                result.explanation
            ],
        )?;
        self.summary.results += 1;
        Ok(())
    }

    /// A review's row, marked orphaned when no exported claim has its id.
    fn insert_review(&mut self, review: &Review) -> rusqlite::Result<()> {
        self.tx.execute(
            "INSERT INTO reviews (claim_id, figure, verdict, note, reviewer, date, doc, text, orphaned)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                review.claim,
                review.figure,
                review.verdict.name(),
                review.note,
                review.by,
                review.date,
                review.doc,
                review.text,
                !self.claim_ids.contains(&review.claim)
            ],
        )?;
        self.summary.reviews += 1;
        Ok(())
    }
}

/// The row id of a source by name, inserted on first sight (`known`: the rows inserted so far).
fn source_row(
    tx: &rusqlite::Transaction,
    known: &mut HashMap<String, i64>,
    name: &str,
    kind: Option<crate::sources::SourceKind>,
) -> Result<i64, rusqlite::Error> {
    if let Some(id) = known.get(name) {
        return Ok(*id);
    }
    tx.execute(
        "INSERT INTO sources (name, kind) VALUES (?1, ?2)",
        params![name, kind.map(|kind| name_of(&kind))],
    )?;
    let id = tx.last_insert_rowid();
    known.insert(name.to_string(), id);
    Ok(id)
}

/// A value SQLite can hold as REAL (NaN and infinities are NULL).
fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// A unit-like enum's name as its JSON writes it ("more_than", "clause").
fn name_of(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}
