//! Endnotes: numbered markers in the text (`world.[1]`, `abroad.²`) that point to a numbered
//! list under a `Notes` / `Endnotes` / `References` heading (`1. World Bank, Migration and
//! Development Brief 40 (Washington, DC: World Bank, June 2024).`).
//!
//! Input: a document's text. Output: one `Footnote` per marker whose number the list has, with
//! the marker's span and the entry's parsed citation (`Ibid.` repeats the entry before it), so
//! endnotes go through the same linking, masking and attribution as inlined footnotes. Linear in
//! the text length: one scan for the heading, one over its entries, one for markers before it.

use super::footnotes::{parse_citation, Footnote};
use super::Citation;
use crate::span::Span;
use crate::util::static_regex;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every endnote marker in `text` that its notes list resolves, in text order.
pub fn endnotes(text: &str) -> Vec<Footnote> {
    // A report may have both a `Notes` list and a `References` list: every section counts, the
    // first number wins, and markers are read before the first such heading.
    let headings: Vec<regex::Match> = heading_regex().find_iter(text).collect();
    let Some(first) = headings.first() else {
        return Vec::new();
    };
    let mut entries: HashMap<u32, (Citation, bool)> = HashMap::new();
    for (idx, heading) in headings.iter().enumerate() {
        let end = headings
            .get(idx + 1)
            .map_or(text.len(), regex::Match::start);
        for (number, entry) in section_entries(&text[heading.end()..end]) {
            entries.entry(number).or_insert(entry);
        }
    }
    if entries.is_empty() {
        return Vec::new();
    }
    let body = &text[..first.start()];
    let mut found = Vec::new();
    for caps in marker_regex().captures_iter(body) {
        let Some(marker) = caps.get(0) else {
            continue;
        };
        let number = caps
            .name("bracket")
            .map(|m| m.as_str().to_string())
            .or_else(|| caps.name("sup").map(|m| from_superscript(m.as_str())));
        let Some(number) = number.and_then(|n| n.parse::<u32>().ok()) else {
            continue;
        };
        let Some((citation, ibid)) = entries.get(&number) else {
            continue;
        };
        let start = marker.start() + caps.name("lead").map_or(0, |lead| lead.len());
        found.push(Footnote {
            span: Span::new(start, marker.end()),
            marker: number,
            citation: citation.clone(),
            supports: Span::new(sentence_start(body, start), start),
            ibid: *ibid,
        });
    }
    found
}

/// The numbered entries after a notes heading: number → (citation, whether it was `Ibid.`).
fn section_entries(list: &str) -> HashMap<u32, (Citation, bool)> {
    let mut entries = HashMap::new();
    let mut previous: Option<Citation> = None;
    for caps in entry_regex().captures_iter(list) {
        let (Some(number), Some(body)) = (caps.name("number"), caps.name("body")) else {
            continue;
        };
        let Ok(number) = number.as_str().parse::<u32>() else {
            continue;
        };
        let body = body.as_str().trim();
        let ibid = body.starts_with("Ibid") || body.starts_with("ibid");
        let citation = match (&previous, ibid) {
            (Some(previous), true) => previous.clone(),
            _ => {
                let mut citation = parse_citation(&publication_removed(body));
                citation.text = body.trim_end_matches(['.', ' ']).to_string();
                citation
            }
        };
        previous = Some(citation.clone());
        entries.entry(number).or_insert((citation, ibid));
    }
    entries
}

/// The entry without its parenthesised place, publisher and date (`(Geneva: UNHCR, 2024)`),
/// whose commas would cut the title short.
fn publication_removed(body: &str) -> String {
    publication_regex().replace_all(body, "").into_owned()
}

/// Where the sentence holding a marker at `at` starts: after the last full stop followed by a
/// space, or at the start of the line.
fn sentence_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let line = &head[line_start..];
    let trimmed = line.trim_end_matches(['.', '!', '?', '”', '"', ' ']);
    trimmed
        .rfind(". ")
        .map_or(line_start, |i| line_start + i + 2)
}

fn from_superscript(digits: &str) -> String {
    digits
        .chars()
        .filter_map(|ch| "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == ch))
        .filter_map(|d| char::from_digit(u32::try_from(d).ok()?, 10))
        .collect()
}

/// A heading line that opens a notes list.
fn heading_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(
            r"(?mi)^[ \t#]*(?:notes|endnotes|end notes|footnotes|notes and references|references|sources)[ \t]*:?[ \t]*$",
        )
    })
}

/// One numbered entry line: `1. Text`, `1) Text`, `[1] Text`.
fn entry_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(r"(?m)^[ \t]*\[?(?P<number>\d{1,3})(?:\]|[.)])[ \t]+(?P<body>\S[^\n]*)$")
    })
}

/// A marker: `[1]`, `[2, 3]`, `[4–6]` (the first number counts) after a word or punctuation,
/// or superscript digits glued to one.
fn marker_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(
            r#"(?P<lead>[\p{L}\d.,;:!?)”"’%])(?:\[(?P<bracket>\d{1,3})(?:\s*[,–-]\s*\d{1,3})*\]|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"#,
        )
    })
}

fn publication_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"\s*\([^()]*(?::|\b\d{4}\b)[^()]*\)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Remittances reached US$11.2 billion.[1] Most went home.² Permits rose 9%.[2, 3]\n\
        No marker here [4] mid-line.\n\nNotes\n\n\
        1. World Bank, Migration and Development Brief 40 (Washington, DC: World Bank, June 2024).\n\
        2. Sita Gurung and Rajan Adhikari, \"Recruitment Fees and Household Debt,\" Journal 6 (2022): 41–63.\n\
        3. Ibid.\n\n\
        References\n\nKoser, Khalid. 2016. International Migration.\n";

    #[test]
    fn markers_resolve_to_their_numbered_entries() {
        let found = endnotes(REPORT);
        let got: Vec<(u32, &str, Option<&str>, bool)> = found
            .iter()
            .map(|f| {
                (
                    f.marker,
                    f.span.slice(REPORT).unwrap(),
                    f.citation.author.as_deref(),
                    f.ibid,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "[1]", Some("World Bank"), false),
                (2, "²", Some("Sita Gurung and Rajan Adhikari"), false),
                (2, "[2, 3]", Some("Sita Gurung and Rajan Adhikari"), false),
            ],
            "[4] has no entry, so it is not an endnote"
        );
        assert_eq!(
            found[0].citation.title.as_deref(),
            Some("Migration and Development Brief 40")
        );
        assert_eq!(
            found[0].supports.slice(REPORT),
            Some("Remittances reached US$11.2 billion.")
        );
    }

    #[test]
    fn ibid_repeats_the_entry_before_it() {
        let text = "It rose.[2] It fell.[3]\n\nNotes\n1. UNHCR, Global Trends.\n2. IOM, World Migration Report.\n3. Ibid.\n";
        let found = endnotes(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].citation.author.as_deref(), Some("IOM"));
        assert!(found[1].ibid);
    }

    #[test]
    fn without_a_notes_list_nothing_is_an_endnote() {
        assert!(endnotes("It rose 5%.[1] Table [2] shows it.").is_empty());
        assert!(endnotes("Notes\n").is_empty());
    }
}
