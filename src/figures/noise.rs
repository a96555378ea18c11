//! Numbers that are no figures: footnote markers, list and page numbers, dates' days, parts of
//! file names, URLs, versions, phone numbers and clock times.

use super::lexicon::Lexicon;
use super::numeral::{Numeral, NumeralKind};
use super::token::Token;
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

/// Spans of URLs, e-mail addresses and DOIs in `text`, whose digits are no figures.
pub(crate) fn link_spans(text: &str) -> Vec<Span> {
    static LINK: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(regex) = LINK
        .get_or_init(|| Regex::new(r"(?i)(?:https?://|ftp://|www\.|doi:\s?|10\.\d{4,}/)[^\s<>\x22]+|[\w.+-]+@[\w-]+\.[\w.]+").ok())
        .as_ref()
    else {
        return Vec::new();
    };
    regex
        .find_iter(text)
        .map(|found| Span::new(found.start(), found.end()))
        .collect()
}

/// Words after which a number is a reference, not a quantity ("page 12", "Table 2").
const REFERENCE_WORDS: &[&str] = &[
    "page",
    "pages",
    "p",
    "pp",
    "figure",
    "fig",
    "figs",
    "table",
    "tables",
    "chapter",
    "section",
    "article",
    "vol",
    "volume",
    "no",
    "nos",
    "issue",
    "part",
    "appendix",
    "annex",
    "footnote",
    "note",
    "notes",
    "box",
    "item",
    "exhibit",
    "chart",
    "graph",
    "map",
    "paragraph",
    "para",
    "resolution",
    "version",
    "route",
    "highway",
    "flight",
    "room",
    "title",
    "amendment",
    "clause",
    "schedule",
    "step",
    "phase",
    "ref",
    "id",
    "episode",
    "season",
    "psalm",
    "verse",
];

/// Whether `numeral` is noise that should not become a figure: a footnote or citation marker, a
/// rate's base, a clock time, the second year of "2022-23", a list number, a bracketed label, a
/// reference ("page 12"), part of a dotted sequence, URL, file name or phone number, or a date's
/// day.
pub(crate) fn is_noise(tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) -> bool {
    let around = Around::new(tokens, numeral);
    if around.is_marker(lexicon) {
        return true;
    }
    // The base of a rate written after the counted words ("19.1 applications per one hundred
    // thousand people"): part of the rate before it, not a figure.
    if around.before.is_some_and(|before| before.is("per")) {
        return true;
    }
    if around.is_clock_time()
        || around.is_second_year()
        || around.is_list_number()
        || around.is_label()
    {
        return true;
    }
    if let Some(reference) = around.reference() {
        return reference;
    }
    around.is_in_sequence(lexicon) || around.is_day(lexicon)
}

/// A numeral and the tokens around it.
struct Around<'t> {
    tokens: &'t [Token<'t>],
    numeral: &'t Numeral,
    /// The numeral's first token.
    first: &'t Token<'t>,
    before: Option<&'t Token<'t>>,
    after: Option<&'t Token<'t>>,
    /// The token after, when nothing separates it from the numeral.
    glued_after: Option<&'t Token<'t>>,
    /// Written in digits.
    digits: bool,
}

impl<'t> Around<'t> {
    fn new(tokens: &'t [Token<'t>], numeral: &'t Numeral) -> Around<'t> {
        let first = &tokens[numeral.first];
        let after = tokens.get(numeral.last);
        Around {
            tokens,
            numeral,
            first,
            before: numeral.first.checked_sub(1).map(|idx| &tokens[idx]),
            after,
            glued_after: after.filter(|after| !after.space_before),
            digits: first.is_number(),
        }
    }

    /// A single token of digits.
    fn is_one_number(&self) -> bool {
        self.digits && self.numeral.last == self.numeral.first + 1
    }

    /// A footnote or citation marker in digits ("noted.1 IOM", "2014,68"). A unit or scale after
    /// the number makes it a quantity, not a marker ("less,13 percent").
    fn is_marker(&self, lexicon: &Lexicon) -> bool {
        let (tokens, numeral) = (self.tokens, self.numeral);
        let unit_after = lexicon.units.match_at(tokens, numeral.last).is_some()
            || self
                .after
                .is_some_and(|after| lexicon.scales.contains_key(after.lower.as_ref()));
        self.digits
            && !unit_after
            && (is_footnote(tokens, numeral) || is_citation_marker(tokens, numeral))
    }

    /// A clock time: "at 6pm", "11 p.m.", "7am" (not picometres).
    fn is_clock_time(&self) -> bool {
        let hour = self.is_one_number()
            && self.first.text.bytes().all(|b| b.is_ascii_digit())
            && (1.0..=12.0).contains(&self.numeral.value);
        let next = |offset: usize| self.tokens.get(self.numeral.last + offset);
        let meridiem = self
            .after
            .is_some_and(|after| after.is("pm") || after.is("am"))
            || self
                .after
                .is_some_and(|after| after.is("p") || after.is("a"))
                && next(1).is_some_and(|t| t.is("."))
                && next(2).is_some_and(|t| t.is("m"));
        hour && meridiem
    }

    /// The second year of a year written across two: the "23" of "2022-23", "2023/24".
    fn is_second_year(&self) -> bool {
        let numeral = self.numeral;
        self.is_one_number()
            && self.first.text.len() == 2
            && !self.first.space_before
            && self.before.is_some_and(|before| {
                (before.is("-") || before.is("–") || before.is("/")) && !before.space_before
            })
            && numeral.first.checked_sub(2).is_some_and(|idx| {
                let year = &self.tokens[idx];
                year.is_number()
                    && year.text.len() == 4
                    && year.text.parse::<u32>().is_ok_and(|year| {
                        (1900..2100).contains(&year) && (year + 1) % 100 == numeral.value as u32
                    })
            })
    }

    /// A list number opening a line: "1. Introduction", "2) Methods".
    fn is_list_number(&self) -> bool {
        self.digits
            && self.numeral.first == 0
            && self
                .glued_after
                .is_some_and(|after| after.is(".") || after.is(")"))
            && self
                .tokens
                .get(self.numeral.last + 1)
                .is_some_and(|next| next.space_before)
    }

    /// Citations and labels: "[3]", "[28, 29]", "(1)", and a variable's index before "="
    /// ("axis 1=").
    fn is_label(&self) -> bool {
        if !self.is_one_number() {
            return false;
        }
        let (before, after, numeral) = (self.before, self.after, self.numeral);
        let open = before.is_some_and(|before| before.is("[") || before.is("(") || before.is(","));
        let bracket_open =
            (numeral.first.saturating_sub(4)..numeral.first).any(|idx| self.tokens[idx].is("["));
        let close = after.is_some_and(|after| after.is("]") || after.is(",") || after.is(")"));
        let in_square = bracket_open
            && open
            && close
            && (!self.first.space_before || before.is_some_and(|before| before.is(",")));
        let small_label = before.is_some_and(|before| before.is("("))
            && after.is_some_and(|after| after.is(")"))
            && numeral.value < 10.0
            && self.first.text.len() == 1;
        let index = self.glued_after.is_some_and(|after| after.is("="));
        in_square || small_label || index
    }

    /// After a reference word ("page 12", "Table 3", the glued abbreviation "No.20"): whether
    /// the numeral is the reference's number, which decides alone. `None` after other words.
    fn reference(&self) -> Option<bool> {
        let before = self.before?;
        let first_idx = self.numeral.first;
        let after_reference = REFERENCE_WORDS.contains(&before.lower.as_ref())
            || before.is(".")
                && first_idx >= 2
                && REFERENCE_WORDS.contains(&self.tokens[first_idx - 2].lower.as_ref());
        after_reference.then(|| {
            self.numeral.kind != NumeralKind::Fraction
                && (self.first.space_before || before.is("."))
        })
    }

    /// Part of a dotted sequence, URL, path, file name, version, IP or phone number: the "3" of
    /// "1.2.3", "/2023/", "?id=5", "2017.pdf", "10:30", the "4567" of "555-123-4567".
    fn is_in_sequence(&self, lexicon: &Lexicon) -> bool {
        let tokens = self.tokens;
        let first_idx = self.numeral.first;
        if let Some(before) = self.before.filter(|_| !self.first.space_before) {
            // The tail of a dotted sequence: the "3" of "1.2.3".
            if before.is(".")
                && !before.space_before
                && first_idx >= 2
                && tokens[first_idx - 2].is_number()
            {
                return true;
            }
            // URLs, paths and query strings: "/2023/", "?id=5".
            if ["/", "=", "?", "&", "_", "#", "@", "\\", ":"]
                .iter()
                .any(|p| before.is(p))
            {
                return true;
            }
        }
        if self
            .glued_after
            .is_some_and(|after| self.leads_sequence(after, lexicon))
        {
            return true;
        }
        // A middle group of a dashed number: the "123" of "555-123-4567".
        let dashed_before = self
            .before
            .is_some_and(|before| before.is("-") && !self.first.space_before)
            && first_idx >= 2
            && tokens[first_idx - 2].is_number();
        let dashed_after = self.glued_after.is_some_and(|after| after.is("-"))
            && tokens
                .get(self.numeral.last + 1)
                .is_some_and(|then| then.is_number() && !then.space_before);
        if dashed_before && dashed_after {
            return true;
        }
        // The last group of a dashed number: the "4567" of "555-123-4567".
        self.before
            .is_some_and(|before| before.is("-") && !self.first.space_before)
            && first_idx >= 2
            && tokens[first_idx - 2].is_number()
            && first_idx >= 3
            && tokens[first_idx - 3].is("-")
    }

    /// Whether the numeral opens a file name, version, IP, phone number or clock time
    /// ("2017.pdf", "1.2.3", "10:30"), `after` glued to it.
    fn leads_sequence(&self, after: &Token, lexicon: &Lexicon) -> bool {
        let (tokens, last) = (self.tokens, self.numeral.last);
        let then = tokens.get(last + 1).filter(|then| !then.space_before);
        // "$15.4/hour" and "10 l/km" are rates, not paths.
        let unit_after_slash = after.is("/") && lexicon.units.match_at(tokens, last + 1).is_some();
        if (after.is(".") || after.is(":") || after.is("/") || after.is("_") || after.is("@"))
            && !unit_after_slash
            && then.is_some_and(|then| {
                then.is_number()
                    || then.is_word() && then.lower.len() <= 4 && !then.is_capitalised()
            })
        {
            return true;
        }
        after.is("-")
            && then.is_some_and(|then| then.is_number())
            && tokens
                .get(last + 2)
                .is_some_and(|next| next.is("-") && !next.space_before)
    }

    /// The day of a date: "5 September 2023", "September 5, 2023", "May 4th", "the 5th of May".
    fn is_day(&self, lexicon: &Lexicon) -> bool {
        let (tokens, numeral) = (self.tokens, self.numeral);
        let is_day = numeral.value >= 1.0 && numeral.value <= 31.0 && numeral.value.fract() == 0.0;
        if !(is_day && self.digits) {
            return false;
        }
        let month =
            |token: &Token| lexicon.months.contains(token.lower.as_ref()) && token.is_capitalised();
        let month_after = self.after.is_some_and(month)
            || self.after.is_some_and(|after| after.is("of"))
                && tokens.get(numeral.last + 1).is_some_and(month);
        let month_before = self.before.is_some_and(month)
            || self.before.is_some_and(|before| before.is("."))
                && numeral.first >= 2
                && month(&tokens[numeral.first - 2]);
        // "2 de agosto de 2025", "22 dic (EFE)": a Spanish month, in any case.
        let spanish = |token: &Token| lexicon.spanish_months.contains(token.lower.as_ref());
        let spanish_after = self.after.is_some_and(spanish)
            || self.after.is_some_and(|after| after.is("de"))
                && tokens.get(numeral.last + 1).is_some_and(spanish);
        // The other end of a range of days: "between June 1 and 15", "June 21-28", "from 23 to
        // 29 April", "between 1 and 27 June 2025".
        let link = |token: &Token| ["and", "to", "-", "–"].iter().any(|word| token.is(word));
        let day = |token: &Token| {
            token.is_number()
                && token.text.bytes().all(|byte| byte.is_ascii_digit())
                && token
                    .text
                    .parse::<u32>()
                    .is_ok_and(|day| (1..=31).contains(&day))
        };
        let at = |idx: Option<usize>| idx.and_then(|idx| tokens.get(idx));
        let first = numeral.first;
        let range_end = at(first.checked_sub(1)).is_some_and(link)
            && at(first.checked_sub(2)).is_some_and(day)
            && at(first.checked_sub(3)).is_some_and(month);
        let range_start = self.after.is_some_and(link)
            && at(Some(numeral.last + 1)).is_some_and(day)
            && at(Some(numeral.last + 2)).is_some_and(month);
        month_after || month_before || spanish_after || range_end || range_start
    }
}

/// A footnote marker the annotator sees without the punctuation before it, or in a reference list:
/// - opening a sentence, before a name and its punctuation (`2 UNHCR, “Global Trends”`,
///   `3 Margaret Vice and Hanyu Chwe, “Mexican Views”`): the segmenter starts the citation's
///   sentence at the marker glued to the previous full stop;
/// - glued to a lower-case word and followed by a name (`declining5 Jens Manuel Krogstad`);
/// - glued after a year and a comma in a citation (`December 2000,756`, `2014,68`, `2017,4 Patrick`).
fn is_citation_marker(tokens: &[Token], numeral: &Numeral) -> bool {
    let first = &tokens[numeral.first];
    if numeral.last != numeral.first + 1
        || first.text.len() > 3
        || numeral.kind != NumeralKind::Cardinal
    {
        return false;
    }
    let after = tokens.get(numeral.last);
    let is_year = |token: &Token| {
        token.text.len() == 4
            && super::token::parse_digits(token.text)
                .is_some_and(|value| (1800.0..=2100.0).contains(&value))
    };
    if !first.space_before && numeral.first >= 2 {
        let before = &tokens[numeral.first - 1];
        let before_before = &tokens[numeral.first - 2];
        if before.is(",")
            && !before.space_before
            && before_before.is_number()
            && is_year(before_before)
        {
            return true;
        }
    }
    let name_after =
        after.is_some_and(|after| after.space_before && after.is_word() && after.is_capitalised());
    if !name_after {
        return false;
    }
    if numeral.first == 0 {
        return name_then_punctuation(tokens, numeral.last);
    }
    let before = &tokens[numeral.first - 1];
    !first.space_before
        && before.is_word()
        && before.text.chars().count() >= 3
        && before.text.chars().all(char::is_lowercase)
}

/// Whether the tokens from `start` are a run of capitalised words (names joined by "and") ending
/// at punctuation or the end: `UNHCR,`, `Margaret Vice and Hanyu Chwe,`, not `UN agencies said`.
fn name_then_punctuation(tokens: &[Token], start: usize) -> bool {
    // Names are short, so a bounded look keeps this linear.
    for token in tokens.iter().skip(start).take(12) {
        if token.is_word() && (token.is_capitalised() || token.is("and")) {
            continue;
        }
        return !token.is_word() && !token.is_number();
    }
    tokens.len() <= start + 12
}

/// A footnote marker: one to three digits glued after a word and punctuation (`noted.1 IOM`,
/// `immigrants,1 UN`, `said.”12`) or glued to a word that ends a sentence (`crisis12.`).
fn is_footnote(tokens: &[Token], numeral: &Numeral) -> bool {
    let first = &tokens[numeral.first];
    if numeral.last != numeral.first + 1 || first.text.len() > 3 || first.space_before {
        return false;
    }
    let Some(before_idx) = numeral.first.checked_sub(1) else {
        return false;
    };
    let before = &tokens[before_idx];
    let after = tokens.get(numeral.last);
    let ends_clause =
        after.is_none_or(|after| after.space_before || after.is(".") || after.is(","));
    let punctuation = [".", ",", ";", ":", "”", "\"", "’", ")", "]", "?", "!"];
    let after_punctuation = punctuation.iter().any(|p| before.is(p))
        && before_idx >= 1
        && !before.space_before
        && !tokens[before_idx - 1].is_number();
    let after_quote_pair = before.is("”") || before.is("\"");
    (after_punctuation || after_quote_pair) && ends_clause
}

#[cfg(test)]
mod tests {
    use super::super::annotate;

    /// Checks which numbers survive as figures in `text`.
    fn check(text: &str, expect: &[&str]) {
        let figures = annotate(text);
        let got: Vec<&str> = figures.iter().map(|figure| figure.text.as_str()).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn footnotes_are_not_figures() {
        check("as the report noted.1 IOM said", &[]);
        check("immigrants,1 UN data", &[]);
        // A marker the segmenter put at the start of the citation's sentence.
        check("2 UNHCR, “Global Trends,” accessed.", &[]);
        check("3 Margaret Vice and Hanyu Chwe, “Views”", &[]);
        check("2 UN agencies said so.", &["2"]);
        check(
            "migration declining5 Jens Manuel Krogstad, “5 facts”",
            &["5"],
        );
        check("Press, 2014,68, accessed", &["2014"]);
        // The comma before "13" is no footnote's: the figure is there, joined to its start.
        check(
            "less,13 percent,down from 20 percent",
            &["13 percent,down from 20 percent"],
        );
        check("Journal, No.20(2013):101.", &["2013"]);
        check("1,204 (12%)", &["1,204", "12%"]);
    }

    #[test]
    fn references_dates_and_files() {
        check("see page 12 and Table 3", &[]);
        check("on 5 September 2023", &["2023"]);
        // Both ends of a range of days, and a day before a Spanish month.
        check("1,800 landed between June 1 and 15", &["1,800"]);
        check("from June 1-28, 233,941 returned", &["233,941"]);
        check("from 23 to 29 April", &[]);
        check("between 1 and 27 June 2025", &["2025"]);
        check("Ciudad de México, 2 de agosto de 2025", &["2025"]);
        check("Metetí, 22 dic (EFE)", &[]);
        check("between 5 and 15 people", &["between 5 and 15"]);
        check("report2017.pdf", &[]);
        check("version 1.2.3 at 10:30", &[]);
        check("on a Friday at 6pm, or until 11 p.m.", &[]);
        check("a 50 pm wavelength", &["50 pm"]);
        check("1. Introduction", &[]);
        check("the 9/11 attacks", &[]);
        check("as in [3] and [28, 29]", &[]);
        check("Smith (2011b) found", &["2011"]);
        // Every group of a phone number.
        check("call 555-123-4567 today", &[]);
        check("call 1-800-555-0199 today", &[]);
    }
}
