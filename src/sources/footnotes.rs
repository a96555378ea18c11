//! Footnotes inlined into the text, as PDF-to-text captures leave them: a marker digit glued to
//! the sentence, then `Publisher, "Title," accessed Month D, YYYY,` and the text goes on.

use super::Citation;
use crate::span::Span;
use crate::util::{ceil_char_boundary, floor_char_boundary, static_regex};
use regex::Regex;
use std::sync::OnceLock;

/// One inlined footnote: its span (marker to end of citation), and the sentence text it supports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Footnote {
    pub span: Span,
    pub marker: u32,
    pub citation: Citation,
    /// The text before the marker back to the start of its sentence.
    pub supports: Span,
    /// True for `Ibid.`: the citation is copied from the previous footnote.
    pub ibid: bool,
}

/// The longest citation text a footnote may have.
pub(super) const MAX_CITATION_BYTES: usize = 600;
/// The longest sentence a footnote marker is taken to support (the segmenter's longest).
const MAX_SUPPORTED_BYTES: usize = 2000;

/// Footnotes inlined into the text (a marker digit glued to the sentence, then the citation).
pub(super) fn inline_footnotes(text: &str) -> Vec<Footnote> {
    let mut found: Vec<Footnote> = Vec::new();
    for caps in marker_regex().captures_iter(text) {
        let (Some(marker), Some(start)) = (caps.name("marker"), caps.name("start")) else {
            continue;
        };
        if found
            .last()
            .is_some_and(|last| marker.start() < last.span.end)
        {
            continue;
        }
        let Some((end, citation_text, url)) = citation_extent(text, start.start()) else {
            continue;
        };
        let mut citation = parse_citation(citation_text);
        citation.url = url;
        let ibid = citation_text.starts_with("Ibid") || citation_text.starts_with("ibid");
        if ibid {
            if let Some(previous) = found.last() {
                let url = citation.url.take();
                citation = previous.citation.clone();
                citation.url = url.or(citation.url);
            }
        }
        let floor = found.last().map_or(0, |last| last.span.end);
        found.push(Footnote {
            span: Span::new(marker.start(), end),
            marker: marker.as_str().parse().unwrap_or(0),
            citation,
            supports: Span::new(sentence_start(text, marker.start(), floor), marker.start()),
            ibid,
        });
    }
    found
}

/// `text[span]` with the given footnote spans removed and the seams tidied.
pub fn without_footnotes(text: &str, span: Span, footnotes: &[Span]) -> String {
    let mut out = String::new();
    let mut cursor = span.start;
    for footnote in footnotes {
        let cut_start = footnote.start.max(span.start);
        let cut_end = footnote.end.min(span.end);
        if cut_start >= cut_end || cut_start < cursor {
            continue;
        }
        out.push_str(text.get(cursor..cut_start).unwrap_or(""));
        cursor = cut_end;
    }
    out.push_str(text.get(cursor..span.end).unwrap_or(""));
    let mut tidy = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    tidy
}

/// Sentence spans with footnotes split off: a sentence that starts with a footnote starts after
/// it, and a footnote after a full stop ends its sentence. Footnote-only pieces are dropped.
pub fn split_at_footnotes(text: &str, sentences: &[Span], footnotes: &[Footnote]) -> Vec<Span> {
    let mut result = Vec::new();
    let mut next_footnote = 0;
    for sentence in sentences {
        let mut start = sentence.start;
        while next_footnote < footnotes.len() && footnotes[next_footnote].span.end <= start {
            next_footnote += 1;
        }
        let mut idx = next_footnote;
        while let Some(footnote) = footnotes.get(idx) {
            if footnote.span.start >= sentence.end {
                break;
            }
            let head = text.get(start..footnote.span.start).unwrap_or("").trim();
            let ends_sentence = head.is_empty()
                || head.ends_with(['.', '!', '?'])
                || head.ends_with(".”")
                || head.ends_with(".\"");
            if ends_sentence {
                if !head.is_empty() {
                    result.push(trimmed(text, Span::new(start, footnote.span.start)));
                }
                start = footnote.span.end.min(sentence.end);
            }
            idx += 1;
        }
        let rest = Span::new(start, sentence.end);
        if rest
            .slice(text)
            .is_some_and(|piece| piece.chars().any(char::is_alphanumeric))
        {
            result.push(trimmed(text, rest));
        }
    }
    result
}

/// Parses a citation's text: author or publisher, title, publication and access dates.
pub fn parse_citation(citation_text: &str) -> Citation {
    let body = citation_text.trim().trim_end_matches([',', '.', ' ']);
    let mut citation = Citation {
        text: body.to_string(),
        ..Citation::default()
    };
    let (author, title, after_title) = match body.find(['“', '"']) {
        Some(open) => {
            let after_open = &body[open..];
            let quote_len = after_open.chars().next().map_or(1, char::len_utf8);
            let inner = &after_open[quote_len..];
            let close = inner.find(['”', '"']).unwrap_or(inner.len());
            let title = trim_title(&inner[..close]);
            let after = inner.get(close..).unwrap_or("");
            (body[..open].trim_matches([',', ' ']), Some(title), after)
        }
        None => {
            let mut parts = body.splitn(3, ',');
            let first = parts.next().unwrap_or("").trim();
            let mut second = parts.next().map(str::trim);
            let rest = parts.next().unwrap_or("");
            if second.is_some_and(|part| part.starts_with("in ")) {
                second = rest.split(',').next().map(str::trim);
            }
            (first, second.map(|title| title.trim_end_matches('.')), rest)
        }
    };
    if !author.is_empty() && !author.starts_with("Ibid") && !author.starts_with("ibid") {
        citation.author = Some(author.to_string());
    }
    citation.title = title.filter(|title| !title.is_empty()).map(str::to_string);
    let accessed = accessed_regex().captures(body);
    citation.accessed = accessed.as_ref().and_then(|caps| iso_date(caps));
    let before_accessed = match accessed.as_ref().and_then(|caps| caps.get(0)) {
        Some(found) => {
            let title_end = body.len() - after_title.len();
            body.get(title_end.min(found.start())..found.start())
                .unwrap_or("")
        }
        None => after_title,
    };
    citation.published = date_regex()
        .captures(before_accessed)
        .and_then(|caps| iso_date(&caps));
    citation
}

/// Finds where the citation starting at `start` ends: after its access date, or at its first
/// full stop outside quotes. Returns the end, the citation text and a URL left in it.
fn citation_extent(text: &str, start: usize) -> Option<(usize, &str, Option<String>)> {
    // Only the citation's longest extent is searched for the line's end, so a file that is
    // one long line costs the same per marker as any other.
    let limit = floor_char_boundary(text, (start + MAX_CITATION_BYTES).min(text.len()));
    let window_end = text[start..limit]
        .find('\n')
        .map_or(limit, |idx| start + idx);
    let window = text.get(start..window_end)?;
    let stop = first_full_stop(window);
    let accessed = accessed_regex()
        .find(window)
        .filter(|found| stop.is_none_or(|stop| found.start() < stop));
    let (mut end, valid) = match accessed {
        Some(found) => {
            let mut end = found.end();
            if window[end..].starts_with([',', '.']) {
                end += 1;
            }
            (end, true)
        }
        None => {
            let end = stop?;
            (end, looks_like_citation(&window[..end]))
        }
    };
    if !valid {
        return None;
    }
    let mut url = None;
    if let Some(found) = url_regex().find(&window[end..]) {
        url = Some(
            found
                .as_str()
                .trim()
                .trim_end_matches([',', '.'])
                .to_string(),
        );
        end += found.end();
    }
    Some((start + end, &window[..end], url))
}

/// Whether a citation without an access date still looks like one.
fn looks_like_citation(candidate: &str) -> bool {
    let quoted = candidate.contains('“') || candidate.contains("\",");
    let ibid = candidate.starts_with("Ibid") || candidate.starts_with("ibid");
    let acronym_publisher = candidate.split(',').next().is_some_and(|head| {
        head.len() >= 2 && head.len() <= 8 && head.chars().all(|ch| ch.is_ascii_uppercase())
    });
    let scholarly = citation_shape_regex().is_match(candidate);
    quoted || ibid || acronym_publisher || scholarly
}

/// The end (exclusive) of the first full stop that ends the citation, outside quotes, not after
/// an initial or a short abbreviation.
fn first_full_stop(window: &str) -> Option<usize> {
    let mut in_quote = false;
    let chars: Vec<(usize, char)> = window.char_indices().collect();
    for (pos, &(idx, ch)) in chars.iter().enumerate() {
        match ch {
            '“' => in_quote = true,
            '”' => {
                let closes_sentence = pos > 0 && chars[pos - 1].1 == '.';
                in_quote = false;
                let next = chars.get(pos + 1).map(|(_, next)| *next);
                if closes_sentence && next.is_none_or(char::is_whitespace) {
                    return Some(idx + ch.len_utf8());
                }
            }
            '.' if !in_quote => {
                let next = chars.get(pos + 1).map(|(_, next)| *next);
                if next.is_some_and(|next| !next.is_whitespace()) {
                    continue;
                }
                let word_start = window[..idx]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(found, c)| found + c.len_utf8());
                let word = &window[word_start..idx];
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let abbreviation = matches!(
                    word,
                    "Jr" | "Sr"
                        | "eds"
                        | "ed"
                        | "Vol"
                        | "No"
                        | "pp"
                        | "p"
                        | "al"
                        | "St"
                        | "Dr"
                        | "Inc"
                        | "Co"
                        | "Ltd"
                );
                if !initial && !abbreviation {
                    return Some(idx + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The start of the sentence that ends at `marker` (no earlier than `floor` or the line start).
fn sentence_start(text: &str, marker: usize, floor: usize) -> usize {
    // A supported sentence is never longer than the segmenter's longest, so the line's start
    // is looked for that far back only (a one-line file would make every marker scan it all).
    let lookback = ceil_char_boundary(text, marker.saturating_sub(MAX_SUPPORTED_BYTES));
    let line_start = text[lookback..marker]
        .rfind('\n')
        .map_or(lookback, |idx| lookback + idx + 1);
    let floor = floor.max(line_start);
    let head = text.get(floor..marker).unwrap_or("");
    // The stop right before the marker ("ever.2") ends the supported sentence itself.
    let search = head.trim_end_matches(['.', '!', '?', '”', '"']);
    let boundary = sentence_boundary_regex()
        .find_iter(search)
        .last()
        .map_or(0, |found| {
            found.end() - found.as_str().chars().last().map_or(0, char::len_utf8)
        });
    let start = floor + boundary;
    start + text[start..marker].len() - text[start..marker].trim_start().len()
}

/// A title without its surrounding commas, quotes and final stop; "U.S." keeps its stop.
fn trim_title(title: &str) -> &str {
    let title = title.trim_matches([',', ' ', '“', '”']);
    match title.strip_suffix('.') {
        Some(stem) => {
            let last_word = stem.rsplit([' ', '(']).next().unwrap_or(stem);
            if last_word.contains('.') {
                title
            } else {
                stem.trim_end_matches([',', ' '])
            }
        }
        None => title,
    }
}

fn trimmed(text: &str, span: Span) -> Span {
    let piece = span.slice(text).unwrap_or("");
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.start + piece.trim_end().len();
    Span::new(start, end.max(start))
}

fn iso_date(caps: &regex::Captures) -> Option<String> {
    let month = month_number(caps.name("month")?.as_str())?;
    let day: u32 = caps.name("day")?.as_str().parse().ok()?;
    let year: u32 = caps.name("year")?.as_str().parse().ok()?;
    (1..=31)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|month| lower.starts_with(month))
        .and_then(|idx| u32::try_from(idx + 1).ok())
}

const MONTH: &str = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

fn marker_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(r#"[\p{L}.,;:!?)”"’](?P<marker>[1-9]\d?)[ \t\u{A0}]+(?P<start>[“"\p{Lu}])"#)
    })
}

fn accessed_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(&format!(
            r"(?i:accessed|retrieved|viewed)(?:\s+on)?\s*{MONTH}\s*(?P<day>\d{{1,2}})\s*,?\s*(?P<year>\d{{4}})"
        ))
    })
}

fn date_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(&format!(
            r"{MONTH}\s*(?P<day>\d{{1,2}})\s*,\s*(?P<year>\d{{4}})"
        ))
    })
}

fn url_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"^\s*\S*(?:https?:|www\.|\.pdf|\.html?|\.aspx?|\.php)\S*"))
}

fn citation_shape_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"\(\d{4}\)|:\s*\d+\.?$|\bVol\.|\bNo\.|,\s*\d{4},\s*\d+"))
}

fn sentence_boundary_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r#"[.!?][”"’]?\s*[“"]?\p{Lu}"#))
}

#[cfg(test)]
mod tests;
