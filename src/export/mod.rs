//! Export: every passage of the index as one JSON object per line (NDJSON), and a Quickwit index
//! config whose doc mapping declares exactly those fields, for serving a corpus past one machine.
//!
//! [`FIELDS`] is the single description of an exported passage: [`passage_json`] writes those
//! keys and no others, [`quickwit_config`] declares them. Claims and sources are not exported
//! yet: their annotators do not exist, and a field is added here (as an `array<json>` beside
//! `figures`) when they do, never filled with placeholders.

mod sqlite;
pub use sqlite::{write_sqlite, SqliteSummary};

use crate::figures::{FigureRecord, Unit};
use crate::index::CorpusIndex;
use crate::query::{load_document, QueryError, StoredDocument};
use serde_json::{json, Map, Value};
use std::io::Write;

/// The type of an exported field, as Quickwit's doc mapping names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Full text, analysed with English stemming.
    Text,
    /// An identifier or exact value: indexed as one token.
    Keyword,
    U64,
    /// A list of numbers (`array<f64>`).
    F64Array,
    /// A list of JSON objects (`array<json>`), e.g. the figures with all their attributes.
    JsonArray,
}

impl FieldType {
    pub fn quickwit_type(self) -> &'static str {
        match self {
            FieldType::Text | FieldType::Keyword => "text",
            FieldType::U64 => "u64",
            FieldType::F64Array => "array<f64>",
            FieldType::JsonArray => "array<json>",
        }
    }

    /// Whether `value` is of this type (`null` is accepted for optional fields only).
    pub fn accepts(self, value: &Value, optional: bool) -> bool {
        match value {
            Value::Null => optional,
            Value::String(_) => matches!(self, FieldType::Text | FieldType::Keyword),
            Value::Number(number) => self == FieldType::U64 && number.is_u64(),
            Value::Array(items) => match self {
                FieldType::F64Array => items.iter().all(Value::is_number),
                FieldType::JsonArray => items.iter().all(Value::is_object),
                _ => false,
            },
            _ => false,
        }
    }
}

/// One field of an exported passage.
#[derive(Debug, Clone, Copy)]
pub struct ExportField {
    pub name: &'static str,
    pub kind: FieldType,
    /// `null` when the document does not say (publisher, year, page...).
    pub optional: bool,
    pub description: &'static str,
}

const fn field(
    name: &'static str,
    kind: FieldType,
    optional: bool,
    description: &'static str,
) -> ExportField {
    ExportField {
        name,
        kind,
        optional,
        description,
    }
}

/// The fields of an exported passage, in output order. The per-unit figure value fields
/// (`fig_percent`, ...) follow, one per [`Unit`]: see [`all_fields`].
pub const FIELDS: [ExportField; 17] = [
    field(
        "id",
        FieldType::Keyword,
        false,
        "Unique passage id: doc slug, '#', passage number.",
    ),
    field(
        "doc",
        FieldType::Keyword,
        false,
        "The document's slug, as `claimdex docs` lists it.",
    ),
    field(
        "path",
        FieldType::Keyword,
        false,
        "The file the passage was read from.",
    ),
    field("title", FieldType::Text, false, "The document's title."),
    field("publisher", FieldType::Text, true, "Publisher, if known."),
    field(
        "author",
        FieldType::Text,
        true,
        "Author or byline, if known.",
    ),
    field(
        "date",
        FieldType::Keyword,
        true,
        "Publication date as written in the metadata (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    field(
        "url",
        FieldType::Keyword,
        true,
        "The document's URL, if known.",
    ),
    field("year", FieldType::U64, true, "Publication year."),
    field(
        "section",
        FieldType::Text,
        true,
        "The heading the passage sits under.",
    ),
    field(
        "passage",
        FieldType::U64,
        false,
        "Passage number in the document ([N] in `claimdex show`).",
    ),
    field("line", FieldType::U64, false, "First line of the passage."),
    field("page", FieldType::U64, true, "PDF page, for PDFs."),
    field(
        "span_start",
        FieldType::U64,
        false,
        "Byte offset of the passage in the document's raw text.",
    ),
    field(
        "span_end",
        FieldType::U64,
        false,
        "Byte offset of the passage's end in the raw text.",
    ),
    field("text", FieldType::Text, false, "The passage text."),
    field(
        "figures",
        FieldType::JsonArray,
        false,
        "Every figure the passage cites: value, unit, qualifier, interval, what it counts, spans.",
    ),
];

/// Every exported field: [`FIELDS`], then one `fig_<unit>` list of values per figure unit.
pub fn all_fields() -> Vec<(String, ExportField)> {
    let mut fields: Vec<(String, ExportField)> = FIELDS
        .iter()
        .map(|field| (field.name.to_string(), *field))
        .collect();
    for unit in Unit::ALL {
        fields.push((
            format!("fig_{}", unit.as_str()),
            field(
                "fig_",
                FieldType::F64Array,
                false,
                "Values of the passage's figures of this unit, for range filters.",
            ),
        ));
    }
    fields
}

/// Writes every passage of the index as one JSON object per line, documents in path order and
/// passages in document order. Returns the number of passages written.
pub fn write_ndjson(corpus: &CorpusIndex, out: &mut dyn Write) -> Result<usize, ExportError> {
    let mut n_passages = 0;
    for entry in corpus.manifest().map_err(QueryError::from)?.files.values() {
        let Some(document) = load_document(corpus, &entry.slug)? else {
            continue;
        };
        for idx in 0..document.passages.len() {
            let line = passage_json(&document, idx);
            serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            n_passages += 1;
        }
    }
    out.flush()?;
    Ok(n_passages)
}

/// The exported object of passage `idx` of a stored document: exactly the keys of [`all_fields`].
pub fn passage_json(document: &StoredDocument, idx: usize) -> Value {
    let Some(passage) = document.passages.get(idx) else {
        return Value::Null;
    };
    let text = passage.span.slice(&document.raw).unwrap_or("");
    let meta = &document.meta;
    let mut object = Map::new();
    object.insert(
        "id".into(),
        json!(format!("{}#{}", document.slug, passage.number)),
    );
    object.insert("doc".into(), json!(document.slug));
    object.insert("path".into(), json!(document.path));
    object.insert(
        "title".into(),
        json!(meta.title.clone().unwrap_or_default()),
    );
    object.insert("publisher".into(), json!(meta.publisher));
    object.insert("author".into(), json!(meta.author));
    object.insert("date".into(), json!(meta.date));
    object.insert("url".into(), json!(meta.url));
    object.insert("year".into(), json!(meta.year()));
    object.insert("section".into(), json!(passage.section));
    object.insert("passage".into(), json!(passage.number));
    object.insert("line".into(), json!(passage.line));
    object.insert("page".into(), json!(passage.page));
    object.insert("span_start".into(), json!(passage.span.start));
    object.insert("span_end".into(), json!(passage.span.end));
    object.insert("text".into(), json!(text));
    object.insert("figures".into(), figures_json(&passage.figures));
    for unit in Unit::ALL {
        let values: Vec<f64> = passage
            .figures
            .iter()
            .filter(|record| record.figure.unit == unit)
            .map(|record| record.figure.value)
            .filter(|value| value.is_finite())
            .collect();
        object.insert(format!("fig_{}", unit.as_str()), json!(values));
    }
    Value::Object(object)
}

/// A Quickwit index config (YAML) for the exported passages: `mode: strict`, so Quickwit itself
/// rejects a line with a field this mapping does not declare.
pub fn quickwit_config(index_id: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "# Quickwit index config for `claimdex export --format ndjson` (one passage a line).\n",
    );
    out.push_str("# Generated by `claimdex export --format quickwit-config`; the field list is\n");
    out.push_str(
        "# claimdex::export::FIELDS. Create with: quickwit index create --index-config FILE\n",
    );
    out.push_str("version: 0.8\n");
    out.push_str(&format!("index_id: {index_id}\n"));
    out.push_str("doc_mapping:\n  mode: strict\n  field_mappings:\n");
    for (name, field) in all_fields() {
        out.push_str(&format!("    - name: {name}\n"));
        out.push_str(&format!("      type: {}\n", field.kind.quickwit_type()));
        out.push_str(&format!(
            "      description: \"{}\"\n",
            field.description.replace('"', "'")
        ));
        match field.kind {
            FieldType::Text => {
                out.push_str("      tokenizer: en_stem\n      record: position\n");
            }
            FieldType::Keyword => {
                out.push_str("      tokenizer: raw\n");
            }
            FieldType::U64 | FieldType::F64Array => {
                out.push_str("      fast: true\n");
            }
            FieldType::JsonArray => {
                out.push_str("      tokenizer: en_stem\n");
            }
        }
    }
    out.push_str("search_settings:\n  default_search_fields: [text, title, section]\n");
    out
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing the SQLite file: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The figures as JSON objects (a non-finite value, which JSON cannot hold, becomes `null`).
fn figures_json(figures: &[FigureRecord]) -> Value {
    Value::Array(
        figures
            .iter()
            .map(|figure| serde_json::to_value(figure).unwrap_or(Value::Null))
            .filter(Value::is_object)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_accept_their_values_only() {
        assert!(FieldType::U64.accepts(&json!(3), false));
        assert!(!FieldType::U64.accepts(&json!(-3), false));
        assert!(!FieldType::U64.accepts(&Value::Null, false));
        assert!(FieldType::U64.accepts(&Value::Null, true));
        assert!(FieldType::Text.accepts(&json!("a"), false));
        assert!(FieldType::F64Array.accepts(&json!([1.5, 2]), false));
        assert!(!FieldType::F64Array.accepts(&json!(["x"]), false));
        assert!(FieldType::JsonArray.accepts(&json!([{"a": 1}]), false));
        assert!(!FieldType::JsonArray.accepts(&json!([1]), false));
    }

    #[test]
    fn config_declares_every_field_once() {
        let config = quickwit_config("claimdex");
        for (name, _) in all_fields() {
            assert_eq!(
                config.matches(&format!("- name: {name}\n")).count(),
                1,
                "{name}"
            );
        }
    }
}
