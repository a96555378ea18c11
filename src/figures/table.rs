//! Recognises flattened tables in a document: a header line, rows of a label glued or spaced to
//! a number (`Shanghai Municipality274`, `Heilongjiang Province*123`), then a `Source:` line.

use super::{annotate, Figure, Table, TableRow, Unit};
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

/// The fewest rows a block needs to count as a table.
const MIN_ROWS: usize = 3;

/// All flattened tables in a document's raw `text`; spans are relative to `text`.
pub fn find_tables(text: &str) -> Vec<Table> {
    let Some(row_regex) = row_regex() else {
        return Vec::new();
    };
    let lines = lines_with_offsets(text);
    let mut tables = Vec::new();
    let mut idx = 0;
    while idx < lines.len() {
        let mut end = idx;
        while end < lines.len() && is_row(row_regex, lines[end].1) {
            end += 1;
        }
        if end - idx < MIN_ROWS {
            idx = end.max(idx + 1);
            continue;
        }
        if let Some(table) = build_table(&lines, idx, end, row_regex) {
            tables.push(table);
        }
        idx = end;
    }
    tables
}

/// The table whose rows are lines `first_row..end`, headed by the nearest non-blank line above
/// them, with the `Source:` line among the three lines after them. `None` when a row does not
/// read as a label and a number.
fn build_table(
    lines: &[(usize, &str)],
    first_row: usize,
    end: usize,
    row_regex: &Regex,
) -> Option<Table> {
    let header_idx = (0..first_row)
        .rev()
        .find(|idx| !lines[*idx].1.trim().is_empty())?;
    let header = Header::read(lines[header_idx]);
    let rows = lines[first_row..end]
        .iter()
        .map(|&(line_start, line)| header.row(line_start, line, row_regex))
        .collect::<Option<Vec<TableRow>>>()?;
    let source = source_line(lines, end);
    let table_end = source.as_ref().map_or_else(
        || line_end(lines, end - 1),
        |(_, _, source_end)| *source_end,
    );
    Some(Table {
        span: Span::new(header.start, table_end),
        header: header.text.to_string(),
        rows,
        source: source.map(|(body, span, _)| (body, span)),
    })
}

/// A table's header line and what its rows take from it.
struct Header<'l> {
    /// Where the header line starts.
    start: usize,
    /// The header, trimmed.
    text: &'l str,
    /// The header of the number column: what every row's figure counts.
    column: String,
    column_span: Span,
    /// The unit (and rate base) the column names, for rows whose number has none.
    unit: Unit,
    per: Option<f64>,
    /// The year the header names: every row's period.
    period: Option<String>,
}

impl<'l> Header<'l> {
    fn read((start, line): (usize, &'l str)) -> Header<'l> {
        let text = line.trim();
        let column = column_header(text);
        let (unit, per) = header_unit(&column);
        let column_start =
            start + (line.len() - line.trim_start().len()) + text.len() - column.len();
        Header {
            start,
            text,
            column_span: Span::new(column_start, column_start + column.len()),
            column,
            unit,
            per,
            period: header_period(text),
        }
    }

    /// The row on the line at `line_start`: its label (a place, footnote marks trimmed) and its
    /// number's figure, typed by the header when the number alone is a count or a year.
    fn row(&self, line_start: usize, line: &str, row_regex: &Regex) -> Option<TableRow> {
        let trimmed = line.trim_end();
        let captures = row_regex.captures(trimmed)?;
        let label = captures.name("label")?;
        let number = captures.name("number")?;
        let mut figure = annotate(number.as_str())
            .into_iter()
            .next()
            .unwrap_or_else(|| plain_figure(number.as_str()));
        figure.span = Span::new(line_start + number.start(), line_start + number.end());
        figure.text = number.as_str().to_string();
        if figure.unit == Unit::Count || figure.unit == Unit::Year {
            figure.unit = self.unit;
            figure.per = self.per;
        }
        figure.counts = Some(self.column.clone());
        figure.counts_span = Some(self.column_span);
        figure.period.clone_from(&self.period);
        let label_text = label
            .as_str()
            .trim()
            .trim_end_matches(['*', '†', ':'])
            .trim()
            .to_string();
        figure.places = vec![label_text.clone()];
        Some(TableRow {
            span: Span::new(line_start, line_start + trimmed.len()),
            label: label_text,
            figure,
        })
    }
}

/// The `Source:` line among the three lines from `end` (the first non-blank one): its body, the
/// body's span and where the line ends.
fn source_line(lines: &[(usize, &str)], end: usize) -> Option<(String, Span, usize)> {
    let &(line_start, line) = lines[end..]
        .iter()
        .take(3)
        .find(|(_, line)| !line.trim().is_empty())?;
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    let cue = ["source:", "sources:", "source "]
        .iter()
        .find(|cue| lower.starts_with(**cue))?;
    let body = trimmed[cue.len()..].trim();
    let offset = line_start
        + (line.len() - line.trim_start().len())
        + (trimmed.len() - trimmed[cue.len()..].trim_start().len());
    Some((
        body.to_string(),
        Span::new(offset, offset + body.len()),
        line_start + line.trim_end().len(),
    ))
}

fn is_row(row_regex: &Regex, line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    let is_note = ["source", "note", "notes", "*"]
        .iter()
        .any(|cue| lower.starts_with(cue));
    !is_note && row_regex.is_match(line.trim_end())
}

/// A row: a label ending in a letter, `*` or `)`, then a number, glued or spaced, and nothing else.
fn row_regex() -> Option<&'static Regex> {
    static ROW: OnceLock<Option<Regex>> = OnceLock::new();
    ROW.get_or_init(|| {
        Regex::new(r"^(?P<label>\s*[\p{L}][^\d\n]{0,80}?[\p{L}\*†\)\.])\s*(?P<number>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?%?|[0-9]+(?:\.[0-9]+)?%?)$").ok()
    })
    .as_ref()
}

/// The column header: after a row-label header glued to a year ("Region2023 Rate ..." ->
/// "2023 Rate ..."), or after a tab or double space; else the whole header.
fn column_header(header: &str) -> String {
    if let Some(idx) = header.find('\t').or_else(|| header.find("  ")) {
        return header[idx..].trim().to_string();
    }
    let glued_digit = header
        .char_indices()
        .zip(header.chars().skip(1))
        .find(|((_, letter), digit)| letter.is_alphabetic() && digit.is_ascii_digit())
        .map(|((idx, letter), _)| idx + letter.len_utf8());
    match glued_digit {
        Some(idx) if !header[..idx].contains(' ') => header[idx..].trim().to_string(),
        _ => header.to_string(),
    }
}

fn header_unit(column: &str) -> (Unit, Option<f64>) {
    let lower = column.to_lowercase();
    if lower.contains('%') || lower.contains("percent") || lower.contains("share") {
        return (Unit::Percent, None);
    }
    for (cue, base) in [
        ("per million", 1e6),
        ("per 100,000", 1e5),
        ("per 1,000", 1e3),
        ("per thousand", 1e3),
        ("per capita", 1.0),
    ] {
        if lower.contains(cue) {
            return (Unit::Rate, Some(base));
        }
    }
    (Unit::Count, None)
}

fn header_period(header: &str) -> Option<String> {
    annotate(header)
        .into_iter()
        .find(|figure| figure.unit == Unit::Year)
        .map(|figure| figure.text)
}

fn plain_figure(number: &str) -> Figure {
    let value = super::token::parse_digits(number).unwrap_or(0.0);
    Figure {
        span: Span::new(0, number.len()),
        text: number.to_string(),
        value,
        unit: Unit::Count,
        per: None,
        currency: None,
        measure_unit: None,
        qualifier: super::Qualifier::Exact,
        low: Some(value - 0.5),
        high: Some(value + 0.5),
        range: None,
        counts: None,
        counts_span: None,
        period: None,
        places: Vec::new(),
    }
}

fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        lines.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    lines
}

fn line_end(lines: &[(usize, &str)], idx: usize) -> usize {
    let (start, line) = lines[idx];
    start + line.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NISKANEN: &str = "In this region, as shown by an asterisk.\n\nRegion2023 Rate of Travel to Ecuador per Million\nShanghai Municipality274\nHong Kong Special Administrative Region257\nHeilongjiang Province*123\nMacau Special Administrative Region19 \nSource: Author’s tabulation of data from INEC 2023\n\nThese regional reflections.\n";

    #[test]
    fn flattened_table_with_source() {
        let tables = find_tables(NISKANEN);
        assert_eq!(tables.len(), 1);
        let table = &tables[0];
        assert_eq!(
            table.header,
            "Region2023 Rate of Travel to Ecuador per Million"
        );
        let rows: Vec<(&str, f64)> = table
            .rows
            .iter()
            .map(|row| (row.label.as_str(), row.figure.value))
            .collect();
        assert_eq!(
            rows,
            [
                ("Shanghai Municipality", 274.0),
                ("Hong Kong Special Administrative Region", 257.0),
                ("Heilongjiang Province", 123.0),
                ("Macau Special Administrative Region", 19.0)
            ]
        );
        let row = &table.rows[2];
        assert_eq!(row.figure.span.slice(NISKANEN), Some("123"));
        assert_eq!(row.figure.unit, Unit::Rate);
        assert_eq!(row.figure.per, Some(1e6));
        assert_eq!(
            row.figure.counts.as_deref(),
            Some("2023 Rate of Travel to Ecuador per Million")
        );
        assert_eq!(
            row.figure.counts_span.and_then(|span| span.slice(NISKANEN)),
            row.figure.counts.as_deref()
        );
        let (source, span) = table.source.clone().unwrap();
        assert_eq!(source, "Author’s tabulation of data from INEC 2023");
        assert_eq!(span.slice(NISKANEN), Some(source.as_str()));
        assert_eq!(
            table
                .span
                .slice(NISKANEN)
                .map(|s| s.starts_with("Region2023")),
            Some(true)
        );
    }

    #[test]
    fn prose_is_no_table() {
        assert!(find_tables("We met 3 people.\nThey had 4 dogs.\nAnd 5 cats.\n").is_empty());
    }
}
