//! The tantivy schema: one tantivy document per passage, plus one per source document.

use super::analyzer;
use crate::figures::Unit;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, STORED,
    STRING,
};

/// Field handles, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// `passage` or `document`.
    pub kind: Field,
    pub doc: Field,
    pub path: Field,
    pub title: Field,
    pub publisher: Field,
    pub author: Field,
    pub date: Field,
    pub url: Field,
    pub year: Field,
    pub section: Field,
    pub text: Field,
    /// The passage text again, with numbers and symbols as written.
    pub text_raw: Field,
    pub passage: Field,
    pub line: Field,
    pub page: Field,
    pub span_start: Field,
    pub span_end: Field,
    /// JSON with what the passage carries beyond text (sentence spans, later figures).
    pub data: Field,
    /// For `document` records: the raw text spans index (HTML and PDF only), format, dropped lines.
    pub raw: Field,
    /// One multi-valued f64 field per figure unit (`fig_percent`, `fig_count`, ...): the values
    /// of the passage's figures, for numeric filters such as `--figure 'percent>50'`.
    pub figures: [Field; 13],
}

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let kind = builder.add_text_field("kind", STRING | STORED);
    let doc = builder.add_text_field("doc", STRING | STORED);
    let path = builder.add_text_field("path", STRING | STORED);
    let title = builder.add_text_field("title", text_options(analyzer::EN, true));
    let publisher = builder.add_text_field("publisher", text_options(analyzer::EN, true));
    let author = builder.add_text_field("author", text_options(analyzer::EN, true));
    let date = builder.add_text_field("date", STORED);
    let url = builder.add_text_field("url", STORED);
    let year = builder.add_u64_field(
        "year",
        NumericOptions::default()
            .set_indexed()
            .set_stored()
            .set_fast(),
    );
    let section = builder.add_text_field("section", text_options(analyzer::EN, true));
    let text = builder.add_text_field("text", text_options(analyzer::EN, true));
    let text_raw = builder.add_text_field("text_raw", text_options(analyzer::RAW, false));
    let passage = builder.add_u64_field("passage", STORED);
    let line = builder.add_u64_field("line", STORED);
    let page = builder.add_u64_field("page", STORED);
    let span_start = builder.add_u64_field("span_start", STORED);
    let span_end = builder.add_u64_field("span_end", STORED);
    let data = builder.add_text_field("data", STORED);
    let raw = builder.add_text_field("raw", STORED);
    let figures = Unit::ALL.map(|unit| {
        builder.add_f64_field(
            &format!("fig_{}", unit.as_str()),
            NumericOptions::default().set_indexed().set_fast(),
        )
    });
    let fields = Fields {
        kind,
        doc,
        path,
        title,
        publisher,
        author,
        date,
        url,
        year,
        section,
        text,
        text_raw,
        passage,
        line,
        page,
        span_start,
        span_end,
        data,
        raw,
        figures,
    };
    (builder.build(), fields)
}

/// A text field analysed by `tokenizer` with frequencies and positions (for phrases), stored or
/// not.
fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

impl Fields {
    /// The handles of an existing index, or `None` when its schema is not claimdex's.
    /// The numeric field holding the values of figures of this unit.
    pub fn figure_field(&self, unit: Unit) -> Field {
        self.figures[unit as usize]
    }

    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let get = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            kind: get("kind")?,
            doc: get("doc")?,
            path: get("path")?,
            title: get("title")?,
            publisher: get("publisher")?,
            author: get("author")?,
            date: get("date")?,
            url: get("url")?,
            year: get("year")?,
            section: get("section")?,
            text: get("text")?,
            text_raw: get("text_raw")?,
            passage: get("passage")?,
            line: get("line")?,
            page: get("page")?,
            span_start: get("span_start")?,
            span_end: get("span_end")?,
            data: get("data")?,
            raw: get("raw")?,
            figures: {
                let mut figures = Vec::with_capacity(Unit::ALL.len());
                for unit in Unit::ALL {
                    figures.push(get(&format!("fig_{}", unit.as_str()))?);
                }
                figures.try_into().ok()?
            },
        })
    }
}

pub const KIND_PASSAGE: &str = "passage";
pub const KIND_DOCUMENT: &str = "document";
