//! Figure queries: list the figures of matching passages, and the numeric filter syntax
//! `UNIT OP NUMBER` (`percent>50`, `count>=10000`, `money<1e9`, `rate=274`) used by
//! `claimdex search --figure` and `claimdex figures`.

use super::{search, QueryError, Record, SearchRequest};
use crate::figures::{Figure, FigureRecord, Unit};
use crate::index::{CorpusIndex, Fields};
use crate::span::Span;
use serde::Serialize;
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

/// A numeric condition on a passage's figures: unit and bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureFilter {
    pub unit: Unit,
    pub min: Bound<f64>,
    pub max: Bound<f64>,
}

impl FigureFilter {
    /// Parses `percent>50`, `count >= 10,000`, `money<=1e9`, `rate=274`.
    pub fn parse(spec: &str) -> Result<FigureFilter, String> {
        let spec = spec.trim();
        let op_start = spec.find(['<', '>', '=']).ok_or_else(|| {
            format!(
                "--figure {spec:?}: expected UNIT OP NUMBER, e.g. 'percent>50' or 'count>=10000'"
            )
        })?;
        let unit_name = spec[..op_start].trim();
        let unit = Unit::parse(unit_name).ok_or_else(|| {
            let units: Vec<&str> = Unit::ALL.iter().map(|unit| unit.as_str()).collect();
            format!(
                "--figure {spec:?}: unknown unit {unit_name:?} (use one of: {})",
                units.join(", ")
            )
        })?;
        let rest = &spec[op_start..];
        let op_len = rest
            .chars()
            .take_while(|c| matches!(c, '<' | '>' | '='))
            .count();
        let (op, number) = rest.split_at(op_len);
        let value: f64 = number
            .trim()
            .replace(['_', ','], "")
            .parse()
            .map_err(|_| format!("--figure {spec:?}: {:?} is not a number", number.trim()))?;
        let (min, max) = match op {
            ">" => (Bound::Excluded(value), Bound::Unbounded),
            ">=" => (Bound::Included(value), Bound::Unbounded),
            "<" => (Bound::Unbounded, Bound::Excluded(value)),
            "<=" => (Bound::Unbounded, Bound::Included(value)),
            "=" | "==" => (Bound::Included(value), Bound::Included(value)),
            other => {
                return Err(format!(
                    "--figure {spec:?}: unknown operator {other:?} (use > >= < <= =)"
                ))
            }
        };
        Ok(FigureFilter { unit, min, max })
    }

    pub fn matches(&self, figure: &Figure) -> bool {
        let value = figure.value;
        figure.unit == self.unit
            && match self.min {
                Bound::Included(min) => value >= min,
                Bound::Excluded(min) => value > min,
                Bound::Unbounded => true,
            }
            && match self.max {
                Bound::Included(max) => value <= max,
                Bound::Excluded(max) => value < max,
                Bound::Unbounded => true,
            }
    }

    /// The tantivy query selecting passages with at least one matching figure.
    pub fn query(&self, fields: &Fields) -> Box<dyn Query> {
        let field = fields.figure_field(self.unit);
        let term = |value: f64| Term::from_field_f64(field, value);
        let lower = match self.min {
            Bound::Included(v) => Bound::Included(term(v)),
            Bound::Excluded(v) => Bound::Excluded(term(v)),
            Bound::Unbounded => Bound::Included(term(f64::MIN)),
        };
        let upper = match self.max {
            Bound::Included(v) => Bound::Included(term(v)),
            Bound::Excluded(v) => Bound::Excluded(term(v)),
            Bound::Unbounded => Bound::Included(term(f64::MAX)),
        };
        Box::new(RangeQuery::new(lower, upper))
    }
}

#[derive(Debug, Clone, Default)]
pub struct FigureRequest {
    /// Words to search for; `None` lists the figures of every passage in document order.
    pub query: Option<String>,
    pub filter: Option<FigureFilter>,
    /// Only figures whose period mentions this year.
    pub year: Option<u32>,
    pub doc: Option<String>,
    pub limit: usize,
}

/// A figure with where it was found, as `claimdex figures --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureHit {
    pub doc: String,
    pub path: String,
    pub passage: usize,
    pub line: usize,
    #[serde(flatten)]
    pub figure: Figure,
    /// The sentence the figure sits in, as written.
    pub sentence: String,
    pub sentence_span: Span,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_row: Option<String>,
}

/// Figures of the passages that match the request, best passages first (or document order).
pub fn list_figures(
    corpus: &CorpusIndex,
    request: &FigureRequest,
) -> Result<Vec<FigureHit>, QueryError> {
    let fields = corpus.fields;
    let reader = corpus.reader()?;
    let searcher = reader.searcher();
    let passages = match &request.query {
        Some(text) => searched_passages(corpus, request, text)?,
        None => listed_passages(corpus, &searcher, request)?,
    };
    let mut hits = Vec::new();
    for passage in &passages {
        let record = Record(passage);
        for figure_record in record.passage_data(&fields, &corpus.anchor).figures {
            if !keep(&figure_record, request) {
                continue;
            }
            hits.push(figure_hit(corpus, &record, figure_record));
            if hits.len() >= request.limit.max(1) {
                return Ok(hits);
            }
        }
    }
    Ok(hits)
}

/// The passage records a search for `text` (with the request's document and figure filters)
/// finds, best first.
fn searched_passages(
    corpus: &CorpusIndex,
    request: &FigureRequest,
    text: &str,
) -> Result<Vec<TantivyDocument>, QueryError> {
    let search_request = SearchRequest {
        query: text.to_string(),
        limit: 10_000,
        doc: request.doc.clone(),
        figure: request.filter,
        ..SearchRequest::default()
    };
    let results = search(corpus, &search_request)?;
    let mut passages = Vec::new();
    for hit in results.hits {
        passages.extend(passage_record(corpus, &hit.doc, hit.passage)?);
    }
    Ok(passages)
}

/// Every passage record passing the request's document and figure filters, in document order.
fn listed_passages(
    corpus: &CorpusIndex,
    searcher: &Searcher,
    request: &FigureRequest,
) -> Result<Vec<TantivyDocument>, QueryError> {
    let fields = corpus.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(term(Term::from_field_text(fields.kind, "passage"))),
    )];
    if let Some(doc) = &request.doc {
        clauses.push((
            Occur::Must,
            Box::new(term(Term::from_field_text(fields.doc, doc))),
        ));
    }
    if let Some(filter) = &request.filter {
        clauses.push((Occur::Must, filter.query(&fields)));
    }
    let n_docs = searcher.num_docs().max(1) as usize;
    let top = searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(n_docs).order_by_score(),
    )?;
    let mut passages = Vec::new();
    for (_, address) in top {
        passages.push(searcher.doc(address)?);
    }
    passages.sort_by_key(|passage| {
        let record = Record(passage);
        (
            record.text(fields.path),
            record.u64(fields.passage).unwrap_or(0),
        )
    });
    Ok(passages)
}

/// A figure of a passage record with where it was found and its sentence as written.
fn figure_hit(corpus: &CorpusIndex, record: &Record, figure_record: FigureRecord) -> FigureHit {
    let fields = corpus.fields;
    let text = record.text(fields.text);
    let passage_start = record.u64(fields.span_start).unwrap_or(0) as usize;
    let sentence_span = figure_record.sentence;
    let sentence = sentence_span
        .start
        .checked_sub(passage_start)
        .and_then(|start| text.get(start..start + sentence_span.len()))
        .unwrap_or("")
        .to_string();
    FigureHit {
        doc: record.text(fields.doc),
        path: record.path(&fields, &corpus.anchor),
        passage: record.u64(fields.passage).unwrap_or(0) as usize,
        line: figure_record.line,
        figure: figure_record.figure,
        sentence,
        sentence_span,
        table_row: figure_record.table_row,
    }
}

fn keep(record: &FigureRecord, request: &FigureRequest) -> bool {
    let filter_ok = request
        .filter
        .is_none_or(|filter| filter.matches(&record.figure));
    let year_ok = request.year.is_none_or(|year| {
        record
            .figure
            .period
            .as_deref()
            .is_some_and(|period| period.contains(&year.to_string()))
    });
    filter_ok && year_ok
}

fn term(term: Term) -> TermQuery {
    TermQuery::new(term, IndexRecordOption::Basic)
}

/// The stored record of passage `number` of document `doc`.
fn passage_record(
    corpus: &CorpusIndex,
    doc: &str,
    number: usize,
) -> Result<Option<TantivyDocument>, QueryError> {
    let fields = corpus.fields;
    let reader = corpus.reader()?;
    let searcher = reader.searcher();
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(term(Term::from_field_text(fields.doc, doc))) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            Box::new(term(Term::from_field_text(fields.kind, "passage"))),
        ),
    ]);
    let top = searcher.search(&query, &TopDocs::with_limit(100_000).order_by_score())?;
    for (_, address) in top {
        let stored: TantivyDocument = searcher.doc(address)?;
        if Record(&stored).u64(fields.passage) == Some(number as u64) {
            return Ok(Some(stored));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_syntax() {
        let filter = FigureFilter::parse("percent>50").unwrap();
        assert_eq!(
            (filter.unit, filter.min, filter.max),
            (Unit::Percent, Bound::Excluded(50.0), Bound::Unbounded)
        );
        let filter = FigureFilter::parse(" count <= 10,000 ").unwrap();
        assert_eq!(
            (filter.unit, filter.max),
            (Unit::Count, Bound::Included(10000.0))
        );
        assert!(FigureFilter::parse("percent")
            .unwrap_err()
            .contains("expected UNIT OP NUMBER"));
        assert!(FigureFilter::parse("apples>3")
            .unwrap_err()
            .contains("unknown unit"));
        assert!(FigureFilter::parse("count>lots")
            .unwrap_err()
            .contains("is not a number"));
        assert!(FigureFilter::parse("count=>3")
            .unwrap_err()
            .contains("unknown operator"));
    }
}
