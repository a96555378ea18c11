//! Reference lists: `Author, First (Year). "Title." Publisher.` entries after the body, and
//! the in-text mentions ("Smith (2002)", a quoted title) that link a sentence to one.

use super::fold::fold;
use super::Citation;
use crate::span::Span;
use crate::util::static_regex;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// A reference entry is one short paragraph.
const MAX_ENTRY_BYTES: usize = 600;
/// A block of fewer entries than this is not a reference list.
const MIN_ENTRIES: usize = 2;

/// One reference-list entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub span: Span,
    /// Authors as printed; the first is "Surname, First" ("Akaha, Tsuneo").
    pub authors: Vec<String>,
    pub year: Option<u32>,
    pub title: String,
    pub publisher: Option<String>,
}

impl Reference {
    /// The first author's surname ("Akaha", "Van Arsdol", "United Nations").
    pub fn surname(&self) -> &str {
        let first = self.authors.first().map_or("", String::as_str);
        first.split(',').next().unwrap_or(first).trim()
    }

    /// The first author as "First Surname" ("Tsuneo Akaha"), or the organisation's name.
    pub fn author_name(&self) -> String {
        let first = self.authors.first().map_or("", String::as_str);
        match first.split_once(',') {
            Some((surname, given)) => format!("{} {}", given.trim(), surname.trim()),
            None => first.trim().to_string(),
        }
    }

    pub fn citation(&self) -> Citation {
        Citation {
            text: String::new(),
            author: self.authors.first().cloned(),
            title: Some(self.title.clone()),
            published: self.year.map(|year| year.to_string()),
            accessed: None,
            url: None,
        }
    }

    /// Where `body` names this entry: the surname followed by its year ("Smith (2002)",
    /// "Smith 2002", "Smith et al."), or the title. Returns (offset, length) in `body`.
    pub fn mentioned_in(&self, body: &str) -> Option<(usize, usize)> {
        let surname = self.surname();
        if surname.len() >= 2 {
            let mut from = 0;
            while let Some(found) = body.get(from..).and_then(|rest| rest.find(surname)) {
                let start = from + found;
                let end = start + surname.len();
                from = end;
                let before_ok = body[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !ch.is_alphanumeric());
                let tail: String = body[end..].chars().take(14).collect();
                let year_ok = self.year.is_some_and(|year| {
                    let year = year.to_string();
                    tail.trim_start_matches([' ', '(', ',']).starts_with(&year)
                });
                if before_ok && (year_ok || tail.starts_with(" et al")) {
                    return Some((start, end - start));
                }
            }
        }
        let title = fold(&self.title).to_lowercase();
        if title.split_whitespace().count() >= 4 {
            let haystack = fold(body).to_lowercase();
            if haystack.contains(&title) {
                // Folding changes byte offsets; the sentence as a whole is the mention.
                return Some((0, body.len()));
            }
        }
        None
    }
}

/// The reference-list entries of `text`: runs of at least two consecutive entry paragraphs.
pub fn references(text: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    let mut run: Vec<Reference> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let lead = body.len() - body.trim_start().len();
            let span = Span::new(offset + lead, offset + lead + trimmed.len());
            match parse_entry(trimmed, span) {
                Some(entry) => run.push(entry),
                None => flush(&mut run, &mut found),
            }
        }
        offset += line.len();
    }
    flush(&mut run, &mut found);
    found
}

fn flush(run: &mut Vec<Reference>, found: &mut Vec<Reference>) {
    if run.len() >= MIN_ENTRIES {
        found.append(run);
    }
    run.clear();
}

/// One entry: authors, optional "(Year)", then a quoted or unquoted title and the rest.
fn parse_entry(line: &str, span: Span) -> Option<Reference> {
    if line.len() > MAX_ENTRY_BYTES || !line.starts_with(char::is_uppercase) {
        return None;
    }
    let (authors, year, rest) = match year_regex().captures(line) {
        Some(caps) => {
            let whole = caps.get(0)?;
            let year = caps.name("year")?.as_str().parse().ok();
            (&line[..whole.start()], year, &line[whole.end()..])
        }
        None => {
            let split = quoted_title_regex().find(line)?;
            (&line[..split.start()], None, &line[split.start() + 1..])
        }
    };
    let authors = authors.trim().trim_end_matches(['.', ',']);
    if !is_author_list(authors, year.is_some()) {
        return None;
    }
    let (title, after) = split_title(rest.trim())?;
    let title = title.trim_end_matches(['.', ',']).to_string();
    if title.is_empty() {
        return None;
    }
    let publisher = after
        .trim_start_matches(['.', ' '])
        .trim_end_matches('.')
        .trim();
    let publisher = (!publisher.is_empty() && !publisher.eq_ignore_ascii_case("available online"))
        .then(|| publisher.to_string());
    Some(Reference {
        span,
        authors: split_authors(authors),
        year,
        title,
        publisher,
    })
}

/// Whether `authors` (before the year or the quoted title) reads as an author list: short,
/// unquoted, with a comma when no year follows, every word a name, an initial or a particle
/// ("and", "van").
fn is_author_list(authors: &str, has_year: bool) -> bool {
    const PARTICLES: &[&str] = &[
        "and", "de", "del", "der", "van", "von", "la", "le", "du", "da", "et", "al.", "&",
    ];
    if authors.is_empty() || authors.len() > 200 || authors.contains(['“', '"']) {
        return false;
    }
    if !has_year && !authors.contains(',') {
        return false;
    }
    let names_only = authors
        .split([' ', ','])
        .filter(|word| !word.is_empty())
        .all(|word| word.starts_with(char::is_uppercase) || PARTICLES.contains(&word));
    names_only && authors.len() <= 160
}

/// The title at the start of `rest` and what follows it: a quoted title to its closing quote
/// (`None` when it has none), else up to the first full stop.
fn split_title(rest: &str) -> Option<(&str, &str)> {
    if rest.starts_with(['"', '“']) {
        let inner = &rest[rest.chars().next().map_or(1, char::len_utf8)..];
        let close = inner.find(['"', '”'])?;
        let quote_len = inner[close..].chars().next().map_or(1, char::len_utf8);
        return Some((inner[..close].trim(), inner[close + quote_len..].trim()));
    }
    Some(match rest.find(". ") {
        Some(stop) => (rest[..stop].trim(), rest[stop + 1..].trim()),
        None => (rest.trim_end_matches('.'), ""),
    })
}

/// "Van Arsdol, Jr., Maurice D., Stephen Lum, and Glenn Guarin": the first author is
/// "Surname, [Jr.,] Given", the rest are split at commas and "and".
fn split_authors(authors: &str) -> Vec<String> {
    let parts: Vec<&str> = authors.split(',').map(str::trim).collect();
    let mut first_len = 1;
    if parts.len() >= 2 {
        first_len = 2;
        let suffix = |part: &str| matches!(part, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III");
        if parts.get(1).is_some_and(|part| suffix(part)) && parts.len() >= 3 {
            first_len = 3;
        }
    }
    let first = parts[..first_len.min(parts.len())].join(", ");
    let first = first
        .split(" and ")
        .next()
        .unwrap_or(&first)
        .trim()
        .to_string();
    let mut result = vec![first];
    for part in parts.iter().skip(first_len) {
        for name in part.split(" and ") {
            let name = name.trim().trim_start_matches("and ").trim();
            if !name.is_empty() {
                result.push(name.to_string());
            }
        }
    }
    if parts.len() >= 2 {
        // "Akaha, Tsuneo and Anna Vassilieva": a co-author joined by "and" to the first.
        if let Some((_, co_author)) = parts[first_len - 1].split_once(" and ") {
            result.insert(1, co_author.trim().to_string());
        }
    }
    result
}

fn year_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"\s*\((?P<year>1[89]\d\d|20\d\d)[a-z]?\)\.?"))
}

fn quoted_title_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r#"\.\s+["“]"#))
}

#[cfg(test)]
mod tests;
