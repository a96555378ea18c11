//! Output: render hits, index reports and documents as terminal text or JSON Lines.
//!
//! Pure functions from data to strings; the binary decides colour (a terminal and no `NO_COLOR`)
//! and where the string goes. JSON is one object per line with the same fields as the table.

pub mod check;
pub mod check_html;
mod claims;
mod show;

pub use claims::{
    claim_object, claim_with_reviews, claims_csv, claims_json, claims_table, csv_cell,
    sources_json, sources_table, topics_json, topics_table,
};
pub use show::render_document;

use crate::index::IndexReport;
use crate::query::{Hit, SearchResults};

/// ANSI styles, or nothing when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub fn bold(&self, text: &str) -> String {
        self.wrap(text, "1")
    }
    pub fn dim(&self, text: &str) -> String {
        self.wrap(text, "2")
    }
    pub fn cyan(&self, text: &str) -> String {
        self.wrap(text, "36")
    }
    pub fn green(&self, text: &str) -> String {
        self.wrap(text, "32")
    }
    /// A highlighted match: bold yellow in colour, `[word]` without (so it still shows in a file).
    pub fn mark(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1;33m{text}\x1b[0m")
        } else {
            format!("[{text}]")
        }
    }
    fn wrap(&self, text: &str, code: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Width of a snippet in characters.
pub const SNIPPET_CHARS: usize = 320;

/// The search results as a readable list: one block per hit.
pub fn search_table(results: &SearchResults, style: Style) -> String {
    let mut out = String::new();
    for (rank, hit) in results.hits.iter().enumerate() {
        let mut heading = format!("{}. {}", rank + 1, style.bold(&hit.title));
        let mut about = Vec::new();
        if let Some(publisher) = &hit.publisher {
            about.push(publisher.clone());
        }
        if let Some(year) = hit.year {
            about.push(year.to_string());
        }
        if !about.is_empty() {
            heading.push_str(&format!(" — {}", about.join(", ")));
        }
        out.push_str(&heading);
        out.push('\n');
        let mut location = format!("{}:{}", hit.path, hit.line);
        if let Some(page) = hit.page {
            location.push_str(&format!(" (page {page})"));
        }
        let section = hit
            .section
            .as_ref()
            .map(|s| format!("  § {s}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "   {}  passage {}  score {:.2}{}\n",
            style.cyan(&location),
            hit.passage,
            hit.score,
            style.dim(&section)
        ));
        out.push_str(&format!(
            "   {}\n\n",
            snippet(&hit.text, &hit.highlights, SNIPPET_CHARS, style)
        ));
    }
    out
}

/// One JSON object per item, one per line (the `--json` format of every listing).
pub fn json_lines<'a, T: serde::Serialize + 'a>(
    items: impl IntoIterator<Item = &'a T>,
) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for item in items {
        out.push_str(&serde_json::to_string(item)?);
        out.push('\n');
    }
    Ok(out)
}

/// Items as CSV with a header row, one row per item, from the same objects `--json` writes: a
/// nested object's fields become columns `outer.inner`, a list of plain values one cell joined
/// with "; ", any other list its JSON. Columns are every key any item has, in first-seen order;
/// a key an item lacks is an empty cell. Cells a spreadsheet would run as formulas are
/// neutralised ([`csv_cell`]).
pub fn csv_rows<'a, T: serde::Serialize + 'a>(
    items: impl IntoIterator<Item = &'a T>,
) -> Result<String, serde_json::Error> {
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for item in items {
        let mut row = Vec::new();
        // Through the JSON text, so numbers read as `--json` writes them (an f32 score as
        // 2.8958123, not the f64 it widens to).
        let value: serde_json::Value = serde_json::from_str(&serde_json::to_string(item)?)?;
        flatten_cells("", &value, &mut row);
        for (key, _) in &row {
            if seen.insert(key.clone()) {
                add_column(&mut columns, key);
            }
        }
        rows.push(row);
    }
    let columns = leaf_columns(&columns);
    if rows.is_empty() {
        return Ok(String::new());
    }
    Ok(csv_text(&columns, &rows))
}

/// Adds a column first seen now. A nested field goes beside its object's other fields
/// ("span.end" after "span.start"), wherever the first item that had it put them.
fn add_column(columns: &mut Vec<String>, key: &str) {
    let parent = key.rsplit_once('.').map(|(parent, _)| parent);
    let at = parent.and_then(|parent| {
        columns.iter().rposition(|column| {
            column == parent
                || column
                    .strip_prefix(parent)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    });
    match at {
        Some(at) => columns.insert(at + 1, key.to_string()),
        None => columns.push(key.to_string()),
    }
}

/// The columns without the ones that are objects elsewhere: a field that is null in some items
/// and an object in others is the object's columns only.
fn leaf_columns(columns: &[String]) -> Vec<String> {
    let nested: std::collections::HashSet<&str> = columns
        .iter()
        .filter_map(|column| column.rsplit_once('.').map(|(parent, _)| parent))
        .collect();
    columns
        .iter()
        .filter(|column| !nested.contains(column.as_str()))
        .cloned()
        .collect()
}

/// The header row and one line per row, a key the row lacks an empty cell.
fn csv_text(columns: &[String], rows: &[Vec<(String, String)>]) -> String {
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|column| csv_cell(column)).collect();
    out.push_str(&header.join(","));
    out.push('\n');
    for row in rows {
        let cells: std::collections::HashMap<&str, &str> = row
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        let line: Vec<String> = columns
            .iter()
            .map(|column| csv_cell(cells.get(column.as_str()).copied().unwrap_or("")))
            .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The cells of one JSON value under `prefix` (see [`csv_rows`]).
fn flatten_cells(prefix: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    let plain = |value: &Value| match value {
        Value::Null => Some(String::new()),
        Value::String(text) => Some(text.clone()),
        Value::Bool(_) | Value::Number(_) => Some(value.to_string()),
        Value::Array(_) | Value::Object(_) => None,
    };
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten_cells(&name, field, out);
            }
        }
        Value::Array(items) => {
            let cell = items
                .iter()
                .map(plain)
                .collect::<Option<Vec<String>>>()
                .map_or_else(|| value.to_string(), |cells| cells.join("; "));
            out.push((prefix.to_string(), cell));
        }
        other => out.push((prefix.to_string(), plain(other).unwrap_or_default())),
    }
}

/// One JSON object per hit, one per line.
pub fn search_json(results: &SearchResults) -> String {
    json_lines::<Hit>(&results.hits).unwrap_or_default()
}

/// The window of about `width` characters with the most highlights, matches marked, on one line.
pub fn snippet(text: &str, highlights: &[(usize, usize)], width: usize, style: Style) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n_chars = boundaries.len() - 1;
    let (start_char, end_char) = if n_chars <= width {
        (0, n_chars)
    } else {
        // Slide a window of `width` chars; pick the start covering the most highlight starts.
        let starts: Vec<usize> = highlights
            .iter()
            .map(|(start, _)| boundaries.partition_point(|b| b < start))
            .collect();
        let mut best = (0, 0);
        for (idx, first) in starts.iter().enumerate() {
            let count = starts[idx..]
                .iter()
                .take_while(|s| **s < first + width)
                .count();
            if count > best.1 {
                best = (first.saturating_sub(width / 6), count);
            }
        }
        let start = best.0.min(n_chars - width);
        (start, start + width)
    };
    let (start, end) = (boundaries[start_char], boundaries[end_char]);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut pos = start;
    for &(h_start, h_end) in highlights {
        if h_end <= start || h_start >= end {
            continue;
        }
        let (h_start, h_end) = (h_start.max(start), h_end.min(end));
        out.push_str(&one_line(&text[pos..h_start]));
        out.push_str(&style.mark(&text[h_start..h_end]));
        pos = h_end;
    }
    out.push_str(&one_line(&text[pos..end]));
    if end < text.len() {
        out.push('…');
    }
    out
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// Figures as a table: where, as written, value and unit, qualifier, interval, what it counts.
pub fn figures_table(hits: &[crate::query::FigureHit], style: Style) -> String {
    let mut out = String::new();
    for hit in hits {
        let figure = &hit.figure;
        let mut unit = figure.unit.as_str().to_string();
        if let Some(currency) = &figure.currency {
            unit.push_str(&format!(" {currency}"));
        }
        if let Some(per) = figure.per {
            unit.push_str(&format!(" per {}", format_number(per)));
        }
        if let Some(measure) = &figure.measure_unit {
            unit.push_str(&format!(" {measure}"));
        }
        let number = |value: f64| match figure.unit {
            crate::figures::Unit::Year => format!("{value}"),
            _ => format_number(value),
        };
        let interval = format!(
            "[{}, {}]",
            figure.low.map_or("-∞".to_string(), number),
            figure.high.map_or("∞".to_string(), number)
        );
        let counts = figure
            .counts
            .as_deref()
            .map(|c| format!("  counts: {c}"))
            .unwrap_or_default();
        let period = figure
            .period
            .as_deref()
            .map(|p| format!("  period: {p}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}  {}  = {} {}  {:?} {}{}{}\n",
            style.cyan(&format!("{}:{}", hit.path, hit.line)),
            style.bold(&figure.text),
            number(figure.value),
            unit,
            figure.qualifier,
            interval,
            style.dim(&counts),
            style.dim(&period)
        ));
    }
    out
}

/// A number without a trailing `.0`, with thousands separators for large whole numbers.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as u64);
        let mut grouped = String::new();
        for (idx, c) in digits.chars().enumerate() {
            if idx > 0 && (digits.len() - idx) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        format!("{}", (value * 1e6).round() / 1e6)
    }
}

/// The loaded datasets as a table: id, rows, problems, publisher and title.
pub fn datasets_table(summaries: &[crate::datasets::DatasetSummary], style: Style) -> String {
    let mut out = format!(
        "{:<36} {:>6} {:>8}  {}\n",
        "dataset", "rows", "problems", "publisher — title"
    );
    for summary in summaries {
        out.push_str(&format!(
            "{:<36} {:>6} {:>8}  {} — {}\n",
            style.bold(&summary.id),
            summary.rows,
            summary.problems.len(),
            summary.publisher,
            summary.title
        ));
    }
    out
}

/// The one-line summary of an index run.
pub fn index_summary(report: &IndexReport) -> String {
    format!(
        "indexed {} documents, {} passages, {} sentences, {:.2} MB in {:.2} s ({} new, {} updated, {} removed, {} unchanged, {} skipped)",
        report.documents,
        report.passages,
        report.sentences,
        report.bytes as f64 / 1_000_000.0,
        report.seconds,
        report.added,
        report.updated,
        report.removed,
        report.unchanged,
        report.skipped
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_matches_and_windows_long_text() {
        let style = Style { color: false };
        assert_eq!(
            snippet(
                "Chinese nationals entered Ecuador",
                &[(0, 7), (26, 33)],
                100,
                style
            ),
            "[Chinese] nationals entered [Ecuador]"
        );
        let text = format!("{}needle here{}", "a ".repeat(300), " b".repeat(300));
        let start = text.find("needle").unwrap();
        let out = snippet(&text, &[(start, start + 6)], 40, style);
        assert!(out.contains("[needle]"), "{out}");
        assert!(out.starts_with('…') && out.ends_with('…'));
    }
}

#[cfg(test)]
mod csv_tests {
    use super::csv_rows;
    use serde_json::json;

    #[test]
    fn csv_rows_flattens_nested_fields_joins_lists_and_keeps_every_key() {
        let items = [
            json!({"doc": "a", "span": {"start": 1, "end": 4}, "places": ["US", "Mexico"], "range": null}),
            json!({"doc": "=b", "span": {"start": 5, "end": 9}, "places": [], "range": {"low": 2}, "note": "x, y"}),
        ];
        assert_eq!(
            csv_rows(&items).unwrap(),
            "doc,places,range.low,span.end,span.start,note\n\
             a,US; Mexico,,4,1,\n\
             '=b,,2,9,5,\"x, y\"\n"
        );
        assert_eq!(csv_rows::<serde_json::Value>(&[]).unwrap(), "");
    }
}
