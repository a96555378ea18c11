//! Reading a whole stored document back: metadata, raw text, passages, headings, dropped lines.

use super::{QueryError, Record};
use crate::index::{CorpusIndex, DocumentData, IndexError};
use crate::model::{FileFormat, Metadata};
use crate::span::Span;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// One indexed document as `claimdex show` prints it.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub slug: String,
    pub path: String,
    pub meta: Metadata,
    pub data: DocumentData,
    /// The raw text spans index (the file for text and Markdown, extracted text otherwise).
    pub raw: String,
    /// `(passage number, span, line, page, sentences)` in document order.
    pub passages: Vec<StoredPassage>,
}

#[derive(Debug, Clone)]
pub struct StoredPassage {
    pub number: usize,
    pub span: Span,
    pub line: usize,
    pub page: Option<u32>,
    /// The heading the passage sits under.
    pub section: Option<String>,
    pub sentences: Vec<crate::model::Sentence>,
    pub figures: Vec<crate::figures::FigureRecord>,
    /// The claims of the passage, as `claimdex claims` lists them.
    pub claims: Vec<crate::claims::Claim>,
}

/// Loads the document with this slug (or path), or `None` when the index has no such document.
pub fn load_document(
    corpus: &CorpusIndex,
    slug_or_path: &str,
) -> Result<Option<StoredDocument>, QueryError> {
    let fields = corpus.fields;
    let Some(slug) = slug_of(corpus, slug_or_path)? else {
        return Ok(None);
    };
    let reader = corpus.reader()?;
    let searcher = reader.searcher();
    let query = BooleanQuery::new(vec![(
        Occur::Must,
        Box::new(TermQuery::new(
            Term::from_field_text(fields.doc, &slug),
            IndexRecordOption::Basic,
        )) as _,
    )]);
    let limit = record_count(corpus, &slug)?;
    let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
    let mut document: Option<StoredDocument> = None;
    let mut passages = Vec::new();
    for (_, address) in top {
        let stored: TantivyDocument = searcher.doc(address)?;
        let record = Record(&stored);
        if record.text(fields.kind) == "document" {
            document = Some(stored_document(corpus, &record, &slug)?);
        } else {
            passages.push(stored_passage(corpus, &record));
        }
    }
    passages.sort_by_key(|passage| passage.number);
    Ok(document.map(|mut document| {
        document.passages = passages;
        document
    }))
}

/// The slug of the indexed document with this slug or path.
fn slug_of(corpus: &CorpusIndex, slug_or_path: &str) -> Result<Option<String>, QueryError> {
    Ok(corpus
        .manifest()?
        .files
        .iter()
        .find(|(path, entry)| entry.slug == slug_or_path || path.to_string_lossy() == slug_or_path)
        .map(|(_, entry)| entry.slug.clone()))
}

/// How many records the document has: its own and one per passage.
fn record_count(corpus: &CorpusIndex, slug: &str) -> Result<usize, QueryError> {
    Ok(corpus
        .manifest()?
        .files
        .values()
        .find(|e| e.slug == slug)
        .map_or(1, |e| e.passages + 1)
        .max(1))
}

/// The document of a `document` record, with its raw text (read from the file for text and
/// Markdown, stored otherwise) and no passages yet.
fn stored_document(
    corpus: &CorpusIndex,
    record: &Record,
    slug: &str,
) -> Result<StoredDocument, QueryError> {
    let fields = corpus.fields;
    let data: DocumentData =
        serde_json::from_str(&record.text(fields.data)).map_err(|err| IndexError::Corrupt {
            path: corpus.root.clone(),
            reason: format!("document record of {slug}: {err}"),
        })?;
    let path = record.path(&fields, &corpus.anchor);
    let raw = if data.format == FileFormat::Text || data.format == FileFormat::Markdown {
        let bytes = std::fs::read(&path).map_err(|source| IndexError::Io {
            path: path.clone().into(),
            source,
        })?;
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        record.text(fields.raw)
    };
    Ok(StoredDocument {
        slug: slug.to_string(),
        path,
        meta: Metadata {
            title: Some(data.title.clone()),
            publisher: record.opt_text(fields.publisher),
            author: record.opt_text(fields.author),
            date: record.opt_text(fields.date),
            url: record.opt_text(fields.url),
        },
        data,
        raw,
        passages: Vec::new(),
    })
}

/// The passage of a `passage` record.
fn stored_passage(corpus: &CorpusIndex, record: &Record) -> StoredPassage {
    let fields = corpus.fields;
    let data = record.passage_data(&fields, &corpus.anchor);
    StoredPassage {
        number: record.u64(fields.passage).unwrap_or(0) as usize,
        span: Span::new(
            record.u64(fields.span_start).unwrap_or(0) as usize,
            record.u64(fields.span_end).unwrap_or(0) as usize,
        ),
        line: record.u64(fields.line).unwrap_or(0) as usize,
        page: record.page(&fields),
        section: record.opt_text(fields.section),
        sentences: data.sentences,
        figures: data.figures,
        claims: data.claims,
    }
}
