//! The plain data that flows between pipeline stages: documents, passages, sentences.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The file formats claimdex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl FileFormat {
    /// The format a file name's extension says, or `None` for files claimdex does not read.
    pub fn from_path(path: &std::path::Path) -> Option<FileFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(FileFormat::Text),
            "md" | "markdown" => Some(FileFormat::Markdown),
            "html" | "htm" | "xhtml" => Some(FileFormat::Html),
            "pdf" => Some(FileFormat::Pdf),
            _ => None,
        }
    }

    /// Whether spans index the file's own bytes (true) or text extracted from it (false).
    pub fn raw_is_file(self) -> bool {
        matches!(self, FileFormat::Text | FileFormat::Markdown)
    }
}

/// What is known about a document: from `corpus.toml`, front matter, or the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

impl Metadata {
    /// Fills every field that is missing here from `other`.
    pub fn or(mut self, other: &Metadata) -> Metadata {
        self.title = self.title.or_else(|| other.title.clone());
        self.publisher = self.publisher.or_else(|| other.publisher.clone());
        self.author = self.author.or_else(|| other.author.clone());
        self.date = self.date.or_else(|| other.date.clone());
        self.url = self.url.or_else(|| other.url.clone());
        self
    }

    /// The first four-digit year (1800–2199) in the date, if any.
    pub fn year(&self) -> Option<u32> {
        let date = self.date.as_deref()?;
        let bytes = date.as_bytes();
        (0..bytes.len().saturating_sub(3)).find_map(|i| {
            let window = date.get(i..i + 4)?;
            let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
            let after_ok = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
            let year: u32 = window.parse().ok()?;
            (before_ok && after_ok && (1800..2200).contains(&year)).then_some(year)
        })
    }
}

/// A file read from disk: the text spans point into, plus what the reader learned of its structure.
#[derive(Debug, Clone)]
pub struct RawDocument {
    pub path: PathBuf,
    pub format: FileFormat,
    /// The raw text: the file itself for `.txt`/`.md`, extracted text for `.html`/`.pdf`.
    pub text: String,
    /// Metadata the file states about itself (front matter, `<title>`, `<meta>`).
    pub meta: Metadata,
    /// Spans of lines the reader knows are headings (HTML `<h1>`–`<h6>`, Markdown `#`).
    pub headings: Vec<Span>,
    /// Spans the reader knows are not body text (Markdown front matter).
    pub skip: Vec<Span>,
    /// For PDFs: the byte offset where each page starts in `text`, in order, 1-based page numbers.
    pub pages: Vec<(usize, u32)>,
}

impl RawDocument {
    pub fn new(path: PathBuf, format: FileFormat, text: String) -> RawDocument {
        RawDocument {
            path,
            format,
            text,
            meta: Metadata::default(),
            headings: Vec::new(),
            skip: Vec::new(),
            pages: Vec::new(),
        }
    }

    /// The PDF page that contains byte `offset`, if this is a paged document.
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let idx = self.pages.partition_point(|(start, _)| *start <= offset);
        idx.checked_sub(1).map(|i| self.pages[i].1)
    }
}

/// One sentence: a span of its document's raw text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// 1-based line of the sentence's first byte in the raw text.
    pub line: usize,
}

/// One passage (a paragraph, or a piece of a long one): the unit search returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// 1-based passage number within its document.
    pub number: usize,
    pub span: Span,
    pub line: usize,
    pub page: Option<u32>,
    /// The section heading the passage sits under, if any.
    pub section: Option<String>,
    /// True for a heading line (kept so `show` can print it; not returned by search).
    pub is_heading: bool,
    pub sentences: Vec<Sentence>,
}

/// A line the cleaner dropped, and why (kept so `show` can explain it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub span: Span,
    pub line: usize,
    pub reason: String,
}

/// A cleaned, segmented document ready to be annotated and indexed.
#[derive(Debug, Clone)]
pub struct Document {
    pub slug: String,
    pub path: PathBuf,
    pub format: FileFormat,
    pub meta: Metadata,
    pub raw: String,
    pub byline: Option<String>,
    pub passages: Vec<Passage>,
    pub dropped: Vec<Dropped>,
}

impl Document {
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.slug)
    }

    pub fn n_sentences(&self) -> usize {
        self.passages
            .iter()
            .map(|passage| passage.sentences.len())
            .sum()
    }
}
