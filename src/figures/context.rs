//! Reads what a figure counts (the words after it), its period (see `period`) and the places
//! the sentence names.

use super::lexicon::Lexicon;
use super::measured::named_before;
use super::period::{period_of, periods};
use super::token::{Token, TokenKind};
use super::{Draft, Unit};
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

/// The most words a counted phrase may have.
const MAX_COUNTS_WORDS: usize = 8;
/// The most tokens a clause after "of" may have ("71% of Chinese entrants to Ecuador were male",
/// "67 percent of those polled said illegal immigrants are no more likely than citizens to commit
/// a serious crime"); the clause ends at punctuation before that.
const MAX_CLAUSE_TOKENS: usize = 24;

/// How much of a figure's context [`attach`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Described {
    /// What it counts, its period and the sentence's places.
    Fully,
    /// What it counts only: the one part of the context later retyping reads (a bracketed rate,
    /// an age band, dotted thousands), so units come out the same.
    CountsOnly,
}

/// Sets `counts`, `counts_span`, `period` and `places` on every draft (only `counts` and
/// `counts_span` for [`Described::CountsOnly`]).
pub(crate) fn attach(
    text: &str,
    tokens: &[Token],
    drafts: &mut [Draft],
    lexicon: &Lexicon,
    described: Described,
) {
    let fully = described == Described::Fully;
    let (periods, places) = if fully {
        (
            periods(text, tokens, drafts, lexicon),
            places(text, lexicon),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    // Drafts are in text order of their leads; a change may hold a year inside its span ("from
    // 7.8 million in the late 1980s to 6.7 million"), so the next figure is the next one starting
    // at or after the draft's end.
    let starts: Vec<(usize, Unit)> = drafts
        .iter()
        .map(|draft| (draft.lead, draft.figure.unit))
        .collect();
    let mut previous_end = 0;
    for draft in drafts.iter_mut() {
        let after = starts.partition_point(|(lead, _)| *lead < draft.last);
        let next_figure = starts.get(after).map_or(tokens.len(), |(lead, _)| *lead);
        // An age band is part of an "of" clause ("of immigrant males ages 18-39 are
        // incarcerated", "of those aged 15 to 24"): the clause runs to the next figure that is
        // not an age.
        let next_non_age = starts[after..]
            .iter()
            .find(|(_, unit)| *unit != Unit::Age)
            .map_or(tokens.len(), |(lead, _)| *lead);
        let counted = if counts_something(draft.figure.unit) {
            counts(tokens, draft, (next_figure, next_non_age), lexicon)
        } else if draft.figure.unit == Unit::Measure {
            counts(tokens, draft, (next_figure, next_non_age), lexicon)
                .or_else(|| named_before(tokens, draft, previous_end, lexicon))
        } else {
            None
        };
        if let Some(span) = counted {
            draft.figure.counts = span.slice(text).map(str::to_string);
            draft.figure.counts_span = Some(span);
        }
        previous_end = previous_end.max(draft.tail);
        if !fully {
            continue;
        }
        if draft.figure.unit != Unit::Year {
            draft.figure.period = period_of(tokens, draft, &periods);
        }
        draft.figure.places.clone_from(&places);
    }
}

fn counts_something(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Count
            | Unit::Percent
            | Unit::Fraction
            | Unit::Rate
            | Unit::Money
            | Unit::PercentagePoints
    )
}

/// The phrase a figure counts: "of ..." up to the clause's end for shares ("71% of Chinese
/// entrants to Ecuador were male"), else the noun phrase after it ("48,381 Chinese nationals").
/// `next` is where the next figure starts, and where the next figure that is not an age starts.
fn counts(
    tokens: &[Token],
    draft: &Draft,
    next: (usize, usize),
    lexicon: &Lexicon,
) -> Option<Span> {
    let (next_figure, next_non_age) = next;
    let mut start = draft.last;
    // Skip a post-qualifier ("or more") and a closing bracket.
    if let Some((_, end)) = lexicon.qualifiers_after.match_at(tokens, start) {
        start = end;
    }
    let share = matches!(
        draft.figure.unit,
        Unit::Percent | Unit::Fraction | Unit::PercentagePoints
    );
    let first = tokens.get(start)?;
    if first.kind != TokenKind::Word {
        return None;
    }
    if share && first.is("of") {
        return of_clause(tokens, start, next_non_age, lexicon);
    }
    // "thousands of people", "a majority of": skip "of" (and "the") after vague numbers and shares.
    if first.is("of") {
        start += 1;
        if tokens.get(start).is_some_and(|t| t.is("the")) {
            start += 1;
        }
    }
    noun_phrase(tokens, start, next_figure, lexicon)
}

/// A share's "of" clause from `start` (the "of"): up to a clause break, a subordinate clause or
/// "and" before a number, at most `MAX_CLAUSE_TOKENS` tokens and never past `next_non_age`,
/// trailing stop words left out ("of the migrants who").
fn of_clause(
    tokens: &[Token],
    start: usize,
    next_non_age: usize,
    lexicon: &Lexicon,
) -> Option<Span> {
    let mut end = start + 1;
    while end < tokens.len()
        && end < next_non_age
        && end - start < MAX_CLAUSE_TOKENS
        && !ends_of_clause(tokens, end)
    {
        end += 1;
    }
    while end > start + 1
        && lexicon
            .counts_stop_words
            .contains(tokens[end - 1].lower.as_ref())
    {
        end -= 1;
    }
    (end > start + 1).then(|| Span::new(tokens[start].span.start, tokens[end - 1].span.end))
}

/// Whether the token at `idx` ends an "of" clause: punctuation (a hyphen or apostrophe aside), a
/// subordinate clause, which is no part of what is counted ("the top third of origin regions
/// among Chinese travelers when adjusted for population"), or "and" before a number.
fn ends_of_clause(tokens: &[Token], idx: usize) -> bool {
    let token = &tokens[idx];
    let clause_break =
        token.kind == TokenKind::Punct && !token.is("-") && !token.is("’") && !token.is("'");
    let subordinate = matches!(
        token.lower.as_ref(),
        "when" | "while" | "whereas" | "because" | "although" | "though" | "unless" | "if"
    );
    clause_break
        || subordinate
        || token.is("and") && tokens.get(idx + 1).is_some_and(|next| next.is_number())
}

/// The noun phrase from `start`: at most `MAX_COUNTS_WORDS` words (hyphenated and apostrophe
/// compounds joined) before the next figure, ending at a stop word, an adverb or a non-word, or
/// after a plural noun followed by another word; a trailing past-tense verb or participle
/// ("Chinese nationals traveled to", "10.7 million unauthorized immigrants indicating a
/// decline") is not what is counted.
fn noun_phrase(
    tokens: &[Token],
    start: usize,
    next_figure: usize,
    lexicon: &Lexicon,
) -> Option<Span> {
    let mut end = start;
    let mut n_words = 0;
    while end < tokens.len() && end < next_figure && n_words < MAX_COUNTS_WORDS {
        let token = &tokens[end];
        let joins = (token.is("-") || token.is("’") || token.is("'"))
            && !token.space_before
            && end > start
            && tokens
                .get(end + 1)
                .is_some_and(|next| next.is_word() && !next.space_before);
        if joins {
            end += 2;
            continue;
        }
        if token.kind != TokenKind::Word
            || lexicon.counts_stop_words.contains(token.lower.as_ref())
            || is_adverb(token)
        {
            break;
        }
        n_words += 1;
        end += 1;
        // A plural noun heads the phrase; a plain word after it is a verb or another phrase
        // ("two opposing theories compete for", "refugees worldwide"), "of" aside.
        let next_word = tokens
            .get(end)
            .is_some_and(|next| next.is_word() && !next.is("of") && end < next_figure);
        if is_plural_noun(token) && next_word {
            break;
        }
    }
    while end > start + 1
        && (tokens[end - 1].lower.ends_with("ed") || tokens[end - 1].lower.ends_with("ing"))
        && !tokens[end - 1].is_capitalised()
    {
        end -= 1;
    }
    (end > start).then(|| Span::new(tokens[start].span.start, tokens[end - 1].span.end))
}

/// A plural noun by its ending: "theories", "migrants"; not "census", "class", "analysis".
fn is_plural_noun(token: &Token) -> bool {
    let lower = token.lower.as_ref();
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
}

/// "-ly" words end a noun phrase ("factors almost certainly explain"), nouns such as "family" aside.
fn is_adverb(token: &Token) -> bool {
    const NOUNS: &[&str] = &[
        "family",
        "supply",
        "assembly",
        "ally",
        "rally",
        "anomaly",
        "monopoly",
        "july",
        "italy",
        "butterfly",
        "belly",
        "bully",
    ];
    token.lower.len() > 4 && token.lower.ends_with("ly") && !NOUNS.contains(&token.lower.as_ref())
}

/// Places named in `text`, each once, in order.
fn places(text: &str, lexicon: &Lexicon) -> Vec<String> {
    let Some(regex) = places_regex(lexicon) else {
        return Vec::new();
    };
    let mut found: Vec<String> = Vec::new();
    for captures in regex.captures_iter(text) {
        if let Some(place) = captures.get(1) {
            if !found.iter().any(|known| known == place.as_str()) {
                found.push(place.as_str().to_string());
            }
        }
    }
    found
}

/// The gazetteer places `text` names, each as (byte offset, first name: "United States" for
/// "U.S.", `same_places`): for a figure's own places and peoples (`bind`), which stop looking
/// back at a place.
pub fn places_at(text: &str) -> Vec<(usize, String)> {
    let lexicon = super::lexicon::lexicon();
    let Some(regex) = places_regex(lexicon) else {
        return Vec::new();
    };
    regex
        .captures_iter(text)
        .filter_map(|captures| captures.get(1))
        .map(|place| {
            let name = place.as_str();
            let first = lexicon.place_names.get(name).map_or(name, String::as_str);
            (place.start(), first.to_string())
        })
        .collect()
}

fn places_regex(lexicon: &Lexicon) -> Option<&'static Regex> {
    static PLACES: OnceLock<Option<Regex>> = OnceLock::new();
    PLACES
        .get_or_init(|| {
            let mut names: Vec<&str> = lexicon.places.iter().map(String::as_str).collect();
            // Longest first, so "South Korea" wins over "Korea".
            names.sort_by_key(|name| std::cmp::Reverse(name.len()));
            let alternation: Vec<String> = names.iter().map(|name| regex::escape(name)).collect();
            let pattern = format!(
                r"(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}$])",
                alternation.join("|")
            );
            Regex::new(&pattern).ok()
        })
        .as_ref()
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::annotate;

    /// Checks the figure with text `figure` in `text`: its counts, period and places (also used
    /// by `period`'s tests).
    pub(in crate::figures) fn check(
        text: &str,
        figure: &str,
        expect: (Option<&str>, Option<&str>, &[&str]),
    ) {
        let figures = annotate(text);
        let found = figures
            .iter()
            .find(|f| f.text == figure)
            .unwrap_or_else(|| panic!("{figure} not in {figures:?}"));
        let got = (
            found.counts.as_deref(),
            found.period.as_deref(),
            found.places.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert_eq!(got, (expect.0, expect.1, expect.2.to_vec()), "{text}");
        if let (Some(span), Some(counts)) = (found.counts_span, &found.counts) {
            assert_eq!(span.slice(text), Some(counts.as_str()));
        }
    }

    #[test]
    fn counts_period_places() {
        check(
            "In 2023, 71% of Chinese entrants to Ecuador were male.",
            "71%",
            (
                Some("of Chinese entrants to Ecuador were male"),
                Some("In 2023"),
                &["Ecuador"],
            ),
        );
        check(
            "CBP recorded 48,381 Chinese nationals at the southwest border in fiscal year 2023.",
            "48,381",
            (Some("Chinese nationals"), Some("in fiscal year 2023"), &[]),
        );
        check(
            "a little over 15,000 per year",
            "a little over 15,000",
            (None, Some("per year"), &[]),
        );
        check(
            "thousands of people went to the streets in China since January 2023",
            "thousands",
            (Some("people"), Some("since January 2023"), &["China"]),
        );
        check(
            "the 6.7 million people today",
            "6.7 million",
            (Some("people"), Some("today"), &[]),
        );
        check(
            "two opposing theories compete for acceptance",
            "two",
            (Some("opposing theories"), None, &[]),
        );
    }

    #[test]
    fn an_age_band_is_part_of_an_of_clause() {
        check(
            "about 12 percent of women aged 15 to 24 reported it, against 9 percent of men.",
            "about 12 percent",
            (Some("of women aged 15 to 24"), None, &[]),
        );
        check(
            "Half of adults ages 18-29 say so.",
            "Half",
            (Some("of adults ages 18-29"), None, &[]),
        );
        // A figure that is not an age still ends the clause.
        check(
            "40% of migrants in 2019 were women",
            "40%",
            (Some("of migrants"), Some("in 2019"), &[]),
        );
    }
}
