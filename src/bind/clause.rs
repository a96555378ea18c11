//! Clauses of a sentence (where a period or an agency stops applying) and the agencies it names.

use regex::Regex;
use std::sync::OnceLock;

use super::BindRules;
use crate::span::Span;

/// Byte offsets where each clause of `text` starts (the first is 0), in order. A clause ends at
/// `;`, `:`, a bracket, a dash between words, and before a clause-break word ("against",
/// "compared with", "up from"). Breaks inside a period phrase ("between October and February")
/// do not count.
pub fn split(text: &str, periods: &[Span], rules: &BindRules) -> Vec<usize> {
    let mut starts = vec![0];
    let inside = |at: usize| periods.iter().any(|p| p.start < at && at < p.end);
    for (at, ch) in text.char_indices() {
        let dash_between = matches!(ch, '—' | '–')
            || (ch == '-' && text[..at].ends_with(' ') && text[at + 1..].starts_with(' '));
        if matches!(ch, ';' | ':' | '(' | ')' | '[' | ']') || dash_between {
            let next = at + ch.len_utf8();
            if !inside(at) {
                starts.push(next);
            }
        }
    }
    if let Some(regex) = break_words(rules) {
        for found in regex.find_iter(text) {
            if !inside(found.start())
                && boundary(text, found.start(), found.end())
                && !qualifier_than(text, found.start(), found.end())
            {
                starts.push(found.start());
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// "than" inside a figure's qualifier ("more than 302,000", "fewer than a million") starts no
/// clause: the figure and the words after it ("in December") are one clause.
fn qualifier_than(text: &str, start: usize, end: usize) -> bool {
    const BEFORE: &[&str] = &["more", "less", "fewer", "greater", "over"];
    const NUMBER_WORDS: &[&str] = &[
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "half", "a", "dozen",
    ];
    if !text[start..end].eq_ignore_ascii_case("than") {
        return false;
    }
    let previous = text[..start]
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|word| !word.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let rest = text[end..].trim_start();
    let next_is_number = rest
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
        || NUMBER_WORDS.iter().any(|word| {
            rest.get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word))
                && !rest[word.len()..].starts_with(|c: char| c.is_alphanumeric())
        });
    BEFORE.contains(&previous.as_str()) && next_is_number
}

/// Whether each clause (by its start) is a comparison: it opens with "than", "compared",
/// "against", "versus", "up from" or "down from".
pub fn comparisons(text: &str, starts: &[usize]) -> Vec<bool> {
    const CUES: &[&str] = &[
        "than",
        "compared",
        "against",
        "versus",
        "vs",
        "up from",
        "down from",
        "from",
        // Spanish: "respecto a", "en comparación con", "frente a".
        "respecto",
        "en comparación",
        "comparado",
        "comparada",
        "frente",
        "con relación",
        "en relación",
    ];
    let opens = |rest: &str, cue: &str| {
        rest.strip_prefix(cue)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    };
    let mut flags: Vec<bool> = Vec::with_capacity(starts.len());
    for start in starts {
        let rest = text[*start..].trim_start().to_lowercase();
        // "compared with 2022 and 2021": a clause joined by "and" continues the comparison.
        let continues = ["and", "or", "y", "o"]
            .iter()
            .any(|word| opens(&rest, word));
        // A sentence that opens with "From" names a span or a source ("From 2020 to 2023, …",
        // "From the 2023 data, …"): only a "from" after something compares with it.
        let opening_from = flags.is_empty() && opens(&rest, "from");
        // "Compared to the population of each EU member state, the highest number … in August
        // 2024": a figure set against a population is a rate, not a comparison with a period.
        let per_population = ["compared to ", "compared with "].iter().any(|cue| {
            rest.strip_prefix(cue).is_some_and(|after| {
                let after = after
                    .strip_prefix("the ")
                    .or_else(|| after.strip_prefix("its "))
                    .or_else(|| after.strip_prefix("their "))
                    .unwrap_or(after);
                after.starts_with("population") || after.starts_with("size of")
            })
        });
        let comparison =
            (CUES.iter().any(|cue| opens(&rest, cue)) && !opening_from && !per_population)
                || (continues && flags.last().copied().unwrap_or(false));
        flags.push(comparison);
    }
    flags
}

/// The clause holding byte `at`.
pub fn of(starts: &[usize], at: usize) -> usize {
    starts
        .partition_point(|start| *start <= at)
        .saturating_sub(1)
}

/// Every agency the text names, with its span: `(span, canonical name)`.
pub fn agencies(text: &str, rules: &BindRules) -> Vec<(Span, String)> {
    let Some((regex, names)) = agency_matcher(rules) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for caps in regex.captures_iter(text) {
        for (idx, name) in names.iter().enumerate() {
            if let Some(m) = caps.get(idx + 1) {
                if boundary(text, m.start(), m.end()) {
                    found.push((Span::new(m.start(), m.end()), name.clone()));
                }
                break;
            }
        }
    }
    found
}

fn boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn break_words(rules: &BindRules) -> Option<&'static Regex> {
    static REGEX: OnceLock<Option<Regex>> = OnceLock::new();
    REGEX
        .get_or_init(|| {
            let mut words: Vec<&String> = rules.clause_breaks.iter().collect();
            words.sort_by_key(|word| std::cmp::Reverse(word.len()));
            let alternation: Vec<String> = words
                .iter()
                .map(|word| regex::escape(word).replace(' ', r"\s+"))
                .collect();
            Regex::new(&format!(r"(?i)\b(?:{})", alternation.join("|"))).ok()
        })
        .as_ref()
}

/// One regex with a group per agency; short aliases without spaces ("ICE", "CBP") match only as
/// written in capitals, so the word "ice" is no agency.
fn agency_matcher(rules: &BindRules) -> Option<&'static (Regex, Vec<String>)> {
    static MATCHER: OnceLock<Option<(Regex, Vec<String>)>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            let mut groups = Vec::new();
            let mut names = Vec::new();
            for agency in &rules.agencies {
                let mut aliases: Vec<&String> = agency.aliases.iter().collect();
                aliases.sort_by_key(|alias| std::cmp::Reverse(alias.len()));
                let alternation: Vec<String> = aliases
                    .iter()
                    .map(|alias| {
                        let escaped = regex::escape(alias).replace(' ', r"\s+");
                        if alias.len() <= 5 && !alias.contains(' ') {
                            escaped.to_uppercase()
                        } else {
                            format!("(?i:{escaped})")
                        }
                    })
                    .collect();
                groups.push(format!("({})", alternation.join("|")));
                names.push(agency.name.clone());
            }
            Regex::new(&groups.join("|"))
                .ok()
                .map(|regex| (regex, names))
        })
        .as_ref()
}
