//! Figures of a whole document: every sentence of every passage annotated, table rows added,
//! spans made absolute (byte offsets into the document's raw text) and lines attached.

use super::{annotate_passage_with_units, find_tables, Figure, Unit};
use crate::model::Document;
use crate::span::{LineIndex, Span};
use serde::{Deserialize, Serialize};

/// A figure placed in its document: absolute spans, its line and the sentence it sits in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRecord {
    #[serde(flatten)]
    pub figure: Figure,
    pub line: usize,
    /// The sentence (or table row) the figure was read from.
    pub sentence: Span,
    /// For a table row: its label ("Heilongjiang Province*").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub table_row: Option<String>,
}

impl Figure {
    /// The figure with every span moved right by `offset` bytes.
    pub fn shifted(mut self, offset: usize) -> Figure {
        self.span = self.span.shift(offset);
        self.counts_span = self.counts_span.map(|span| span.shift(offset));
        self
    }
}

impl Unit {
    pub const ALL: [Unit; 13] = [
        Unit::Count,
        Unit::Percent,
        Unit::PercentagePoints,
        Unit::Money,
        Unit::Rate,
        Unit::Multiplier,
        Unit::Fraction,
        Unit::Year,
        Unit::Duration,
        Unit::Ordinal,
        Unit::Age,
        Unit::Measure,
        Unit::Other,
    ];

    /// The unit's name as written in JSON and on the command line (`percentage_points`).
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage_points",
            Unit::Money => "money",
            Unit::Rate => "rate",
            Unit::Multiplier => "multiplier",
            Unit::Fraction => "fraction",
            Unit::Year => "year",
            Unit::Duration => "duration",
            Unit::Ordinal => "ordinal",
            Unit::Age => "age",
            Unit::Measure => "measure",
            Unit::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Unit> {
        let name = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let name = match name.as_str() {
            "%" | "percentage" => "percent",
            "pp" | "points" => "percentage_points",
            "currency" => "money",
            other => other,
        };
        Unit::ALL.into_iter().find(|unit| unit.as_str() == name)
    }
}

/// The figures of each non-heading passage of `document`, in passage order.
///
/// Sentences are annotated one by one, each passage's in turn ([`annotate_passage`]); the rows of flattened tables found in the raw text are
/// added to the passage that contains them (a row number is never also read as a plain figure).
pub fn annotate_document(document: &Document) -> Vec<Vec<FigureRecord>> {
    annotate_document_with_units(document).0
}

/// The units of the figures [`annotate`](super::annotate) reads in each sentence of a document,
/// the sentence read alone, by sentence span: what check-worthiness asks of a claim whose text
/// is its sentence as written, so that it need not read the sentence again.
#[derive(Debug, Default)]
pub struct SentenceUnits {
    /// In text order.
    sentences: Vec<(Span, Vec<Unit>)>,
}

impl SentenceUnits {
    /// The units read in the sentence that is exactly `span`, if there is one.
    pub fn get(&self, span: Span) -> Option<&[Unit]> {
        let at = self
            .sentences
            .partition_point(|(sentence, _)| sentence.start < span.start);
        self.sentences
            .get(at)
            .filter(|(sentence, _)| *sentence == span)
            .map(|(_, units)| units.as_slice())
    }
}

/// [`annotate_document`], and the units of each sentence's figures read alone.
pub fn annotate_document_with_units(
    document: &Document,
) -> (Vec<Vec<FigureRecord>>, SentenceUnits) {
    let mut sentence_units = SentenceUnits::default();
    let raw = document.raw.as_str();
    let lines = LineIndex::new(raw);
    let tables = find_tables(raw);
    let passages: Vec<_> = document
        .passages
        .iter()
        .filter(|passage| !passage.is_heading)
        .collect();
    let mut out = Vec::with_capacity(passages.len());
    for passage in passages {
        let rows: Vec<FigureRecord> = tables
            .iter()
            .flat_map(|table| &table.rows)
            .filter(|row| passage.span.contains(row.span))
            .map(|row| {
                let figure = row.figure.clone();
                FigureRecord {
                    line: lines.line(figure.span.start),
                    sentence: row.span,
                    table_row: Some(row.label.clone()),
                    figure,
                }
            })
            .collect();
        let mut records = Vec::new();
        let sentences: Vec<_> = passage
            .sentences
            .iter()
            .filter_map(|sentence| Some((sentence, sentence.span.slice(raw)?)))
            .collect();
        let texts: Vec<&str> = sentences.iter().map(|(_, text)| *text).collect();
        let (read, units) = annotate_passage_with_units(&texts);
        for ((sentence, _), units) in sentences.iter().zip(units) {
            sentence_units.sentences.push((sentence.span, units));
        }
        for ((sentence, _), figures) in sentences.iter().zip(read) {
            for figure in figures {
                let figure = figure.shifted(sentence.span.start);
                if rows.iter().any(|row| row.sentence.contains(figure.span)) {
                    continue;
                }
                records.push(FigureRecord {
                    line: lines.line(figure.span.start),
                    sentence: sentence.span,
                    table_row: None,
                    figure,
                });
            }
        }
        records.extend(rows);
        records.sort_by_key(|record| record.figure.span.start);
        out.push(records);
    }
    (out, sentence_units)
}
