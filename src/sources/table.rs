//! Table `Source:` lines: a flattened table's rows all rest on the source its last line names.

use super::registry::{surface_name, Registry};
use super::{Attribution, Via};
use crate::span::Span;
use crate::util::static_regex;
use regex::Regex;
use std::sync::OnceLock;

/// A table row is a short line; a longer one is prose and ends the table.
const MAX_ROW_BYTES: usize = 200;

/// A flattened table: the lines above a `Source:` line, and that line's source.
#[derive(Debug, Clone)]
pub struct Table {
    /// The rows (and header) above the `Source:` line, up to a blank or long line.
    pub rows: Span,
    pub source_line: Span,
    pub attribution: Option<Attribution>,
}

/// The source a `Source:` line names, with the built-in registry; spans are into `line_text`.
///
/// "Source: Author’s tabulation of data from Instituto Nacional de Estadística y Censos, …"
/// gives the Ecuadorian registry. `None` when the line is not a `Source:` line or names nothing.
pub fn table_source(line_text: &str) -> Option<Attribution> {
    source_line(Registry::builtin(), line_text, 0)
}

/// Every `Source:` line of the text and the table above it.
pub(crate) fn tables(registry: &Registry, text: &str) -> Vec<Table> {
    let mut found = Vec::new();
    let mut line_starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if source_prefix_regex().is_match(body) {
            let source_line = Span::new(offset, offset + body.len());
            let mut rows_start = offset;
            for start in line_starts.iter().rev() {
                let row = text.get(*start..rows_start).unwrap_or("").trim();
                if row.is_empty() || row.len() > MAX_ROW_BYTES {
                    break;
                }
                rows_start = *start;
            }
            found.push(Table {
                rows: Span::new(rows_start, offset),
                source_line,
                attribution: source_line_at(registry, text, source_line),
            });
        }
        line_starts.push(offset);
        offset += line.len();
    }
    found
}

fn source_line_at(registry: &Registry, text: &str, line: Span) -> Option<Attribution> {
    source_line(registry, line.slice(text)?, line.start)
}

fn source_line(registry: &Registry, line_text: &str, base: usize) -> Option<Attribution> {
    let prefix = source_prefix_regex().find(line_text)?;
    let mut start = prefix.end();
    if let Some(lead_in) = lead_in_regex().find(&line_text[start..]) {
        start += lead_in.end();
    }
    let rest = line_text[start..].trim_end().trim_end_matches('.');
    let end = start + rest.len();
    let rest_span = Span::new(start, end);
    if rest.trim().is_empty() {
        return None;
    }
    let first = registry.find(line_text, rest_span).into_iter().next();
    let (name, kind) = match first.and_then(|found| registry.entry(found.entry)) {
        Some(entry) => (entry.name.clone(), Some(entry.kind)),
        None => {
            let head = rest.split([';', ',']).next().unwrap_or(rest);
            (surface_name(head), None)
        }
    };
    Some(Attribution {
        name,
        mention: rest.to_string(),
        mention_span: rest_span.shift(base),
        kind,
        via: Via::TableSource,
        citation: None,
    })
}

fn source_prefix_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"^\s*(?i:sources?|data sources?|fuente)\s*[:：]\s*"))
}

fn lead_in_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(
            r"^(?i:(?:(?:the\s+)?authors?['’]s?\s+|our\s+|own\s+)?(?:tabulations?|calculations?|analysis|compilation|elaboration|estimates)\s+(?:of|based\s+on|using|from|with)\s+(?:data\s+(?:from|of|by)\s+)?|(?:data|figures|statistics)\s+(?:from|by)\s+|(?:adapted|compiled|derived|taken)\s+from\s+|based\s+on\s+(?:data\s+from\s+)?)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn niskanen_source_line_names_the_ecuadorian_registry() {
        let line = "Source: Author’s tabulation of data from Instituto Nacional de Estadística y Censos, Registro Estadístico de Entradas y Salidas 2023";
        let found = table_source(line).unwrap();
        assert_eq!(
            found.name,
            "Ecuadorian Statistical Registry of International Entries and Exits"
        );
        assert_eq!(found.via, Via::TableSource);
        assert_eq!(found.mention, "Instituto Nacional de Estadística y Censos, Registro Estadístico de Entradas y Salidas 2023");
        assert_eq!(found.mention_span.slice(line), Some(found.mention.as_str()));
    }

    #[test]
    fn unknown_source_keeps_its_surface_form() {
        let found = table_source("Sources: Acme Polling Institute; Other Org.").unwrap();
        assert_eq!(found.name, "Acme Polling Institute");
        assert_eq!(found.kind, None);
        assert!(table_source("Not a source line").is_none());
        assert!(table_source("Source:   ").is_none());
    }

    #[test]
    fn rows_stop_at_a_blank_line() {
        let text = "Prose paragraph.\n\nRegion Rate\nA 12\nB 13\nSource: CBP data.\nAfter.";
        let found = tables(Registry::builtin(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rows.slice(text), Some("Region Rate\nA 12\nB 13\n"));
        assert_eq!(
            found[0].attribution.as_ref().map(|a| a.name.as_str()),
            Some("U.S. Customs and Border Protection")
        );
    }
}
