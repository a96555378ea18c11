//! Figure annotation: finds every number a passage cites and says what it is, how exact it is,
//! and what it counts.
//!
//! [`annotate`] reads one sentence or passage; [`find_tables`] reads a whole document for
//! flattened tables. Both are rule-based (lexicons in `data/figures/*.toml`), never panic and run
//! in time linear in their input. See `docs/figures.md` and [`interval::bounds`] for the rule that
//! turns a qualifier and the written precision into `low` and `high`.

mod change;
mod compound;
mod context;
pub mod document;
pub mod interval;
mod lexicon;
mod measured;
mod noise;
mod number;
mod numeral;
mod period;
mod qualifier;
mod range;
mod retype;
mod table;
mod token;
mod unit;
mod word_forms;
mod words;

pub use context::places_at;
pub use document::{annotate_document, annotate_document_with_units, FigureRecord, SentenceUnits};
pub(crate) use lexicon::lexicon;
pub use lexicon::LexiconError;
pub use retype::carry_age_bands;
pub use table::find_tables;

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One number cited in a text, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Byte span of the figure as written, relative to the annotated text: qualifier words
    /// ("more than", "or more") and range cues ("between", "from") included, as are currency
    /// symbols, scale words and units.
    pub span: Span,
    /// The figure as written (`&text[span]`).
    pub text: String,
    /// The normalised value: `48,381` -> 48381, `US$5 billion` -> 5e9, `71%` -> 71,
    /// `one-fifth` -> 0.2. For a range, the first end; for a change, the end value.
    pub value: f64,
    pub unit: Unit,
    /// For `rate`: the base, e.g. 1000000 for "per million", 1 for "per capita".
    pub per: Option<f64>,
    /// For `money`: an ISO 4217 code.
    pub currency: Option<String>,
    /// For `measure` (and `duration`): the unit symbol (km, miles, kg, °C, year, day).
    pub measure_unit: Option<String>,
    pub qualifier: Qualifier,
    /// The interval the true value lies in (see [`interval::bounds`]); `None` is unbounded.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub range: Option<FigureRange>,
    /// The words the number quantifies, as written ("Chinese nationals").
    pub counts: Option<String>,
    pub counts_span: Option<Span>,
    /// The period the sentence anchors the figure to ("in 2023", "since January 2023").
    pub period: Option<String>,
    /// Places named in the sentence.
    pub places: Vec<String>,
}

impl Figure {
    /// Significant digits as written: 3 for "103,846"'s 103846, 1 for "100,000", 2 for "2.5
    /// million".
    pub fn significant_digits(&self) -> usize {
        let digits: String = self.text.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').trim_end_matches('0').len()
    }

    /// The interval the figure stands for as a citation: its own, and for a one-sided figure
    /// the span to its last written digit ("more than 131,000" is 131,000 to 132,000, "under
    /// 5,000" 4,000 to 5,000), as a writer rounds a count down to say "more than" and up to
    /// say "under". `None` for no value above zero.
    pub fn written_bounds(&self) -> Option<(f64, f64)> {
        match (self.low, self.high) {
            (Some(low), Some(high)) => Some((low, high)),
            _ if self.value <= 0.0 => None,
            (Some(low), None) => Some((low, self.value + self.last_digit())),
            (None, Some(high)) => Some(((self.value - self.last_digit()).max(0.0), high)),
            (None, None) => None,
        }
    }

    /// [`Figure::written_bounds`], and for an exact figure the half of its last written digit
    /// either way ("71 percent" is 70.5 to 71.5). `None` for no value above zero.
    pub fn written_interval(&self) -> Option<(f64, f64)> {
        if self.low.is_none() && self.high.is_none() && self.value > 0.0 {
            let half = self.last_digit() / 2.0;
            return Some((self.value - half, self.value + half));
        }
        self.written_bounds()
    }

    /// The figure is `precise` rounded ("27%" of "26.9 per cent", "1.2 million" of
    /// "1,181,000"): both exact, this one of fewer significant digits (two at least, so "5%"
    /// rounds nothing), and `precise` within its written interval.
    pub fn rounds(&self, precise: &Figure) -> bool {
        self.qualifier == Qualifier::Exact
            && precise.qualifier == Qualifier::Exact
            && self.unit == precise.unit
            && self.currency == precise.currency
            && self.significant_digits() >= 2
            && self.significant_digits() < precise.significant_digits()
            && self
                .written_interval()
                .is_some_and(|(low, high)| low <= precise.value && precise.value <= high)
    }

    /// A change written with both ends ("from 1,515 claims in 2018 to 25,465").
    pub fn is_two_ended_change(&self) -> bool {
        self.range
            .is_some_and(|range| range.kind == RangeKind::Change && range.low != range.high)
    }

    /// The value of the last significant digit as written: 1,000 for "131,000", 1 for "71".
    fn last_digit(&self) -> f64 {
        let significant = self.significant_digits().max(1) as i32;
        10f64.powi(self.value.log10().floor() as i32 - significant + 1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Percent,
    PercentagePoints,
    Money,
    Rate,
    Multiplier,
    Fraction,
    Year,
    Duration,
    Ordinal,
    Age,
    Measure,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximately,
    Almost,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

/// Both ends of a range ("between 15 and 39") or a change ("from 173 million to 258 million").
/// A change written with one end only ("fell to 12") has `low == high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FigureRange {
    pub low: f64,
    pub high: f64,
    pub kind: RangeKind,
    pub direction: Option<Direction>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeKind {
    Range,
    Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// A flattened table found in a document's raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub span: Span,
    pub header: String,
    pub rows: Vec<TableRow>,
    /// The `Source:` line's text after the cue, and its span.
    pub source: Option<(String, Span)>,
}

/// One row: its label and its number, whose `counts` is the column header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    pub span: Span,
    pub label: String,
    pub figure: Figure,
}

/// A figure while it is being built, with the tokens it covers.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub figure: Figure,
    /// Tokens `first..last` are the figure's text.
    pub first: usize,
    pub last: usize,
    /// Where the qualifier or range cue before the figure starts (`first` when there is none).
    pub lead: usize,
    /// Where a qualifier after the figure ends ("or more"); `last` when there is none.
    pub tail: usize,
    pub step: f64,
    pub round_step: f64,
    /// The scale words' product (`2 to 3 million` lends 1000000 to the `2`).
    pub scale: f64,
    /// For a vague plural ("tens of thousands"): its interval.
    pub vague: Option<(f64, f64)>,
    /// For a change with both ends written: where each end is, so that its period can be read
    /// from the periods written beside the ends (see `context`).
    pub change_ends: Option<ChangeEnds>,
}

/// The token ranges (`first..tail`) of a change's two ends, in the order of time: `start` is the
/// value changed from, `end` the value changed to, whichever is written first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChangeEnds {
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// A bare "one" is a pronoun or determiner, not a cited figure: "one of their top destinations",
/// "for one thing", "One is that", "one and the same". It stays a figure with a qualifier ("at least
/// one"), a scale ("one million"), a unit or in a range.
fn is_pronoun_one(draft: &Draft) -> bool {
    draft.figure.text.eq_ignore_ascii_case("one")
        && draft.figure.unit == Unit::Count
        && draft.figure.qualifier == Qualifier::Exact
        && draft.figure.range.is_none()
        && draft.lead == draft.first
        && draft.tail == draft.last
}

/// All figures in one sentence or passage, in text order; spans are relative to `text`.
///
/// ```
/// use claimdex::figures::{annotate, Qualifier, Unit};
/// let figures = annotate("In 2023, nearly 35 million people crossed, 71% of them men.");
/// let people = &figures[1];
/// assert_eq!((people.value, people.unit, people.qualifier), (35e6, Unit::Count, Qualifier::Almost));
/// assert_eq!(people.counts.as_deref(), Some("people"));
/// assert_eq!(figures[2].unit, Unit::Percent);
/// ```
pub fn annotate(text: &str) -> Vec<Figure> {
    read(text, context::Described::Fully)
}

/// The unit of each figure [`annotate`] finds in `text`, in the same order: the same reading,
/// without the periods and places no unit depends on (check-worthiness asks only this).
pub fn units(text: &str) -> Vec<Unit> {
    read(text, context::Described::CountsOnly)
        .into_iter()
        .map(|figure| figure.unit)
        .collect()
}

/// [`annotate`], with periods and places read or not (`described`).
fn read(text: &str, described: context::Described) -> Vec<Figure> {
    let lexicon = lexicon::lexicon();
    let tokens = token::tokenize(text);
    let numerals = number::scan(&tokens, lexicon);
    if numerals.is_empty() {
        return Vec::new();
    }
    let links = noise::link_spans(text);
    let in_link = |numeral: &numeral::Numeral| {
        let start = tokens[numeral.first].span.start;
        // Both lists are in text order, so a binary search keeps this linear-logarithmic.
        let idx = links.partition_point(|link| link.end <= start);
        links.get(idx).is_some_and(|link| link.start <= start)
    };
    let mut drafts: Vec<Draft> = numerals
        .iter()
        .filter(|numeral| !in_link(numeral))
        .filter(|numeral| !noise::is_noise(&tokens, numeral, lexicon))
        .filter_map(|numeral| unit::build(text, &tokens, numeral, lexicon))
        .collect();
    // The steps below only join, retype and describe drafts: with none there is nothing to do
    // (and the places regex need not scan the sentence).
    if drafts.is_empty() {
        return Vec::new();
    }
    retype::join_identifiers(text, &tokens, &mut drafts);
    retype::cited_titles(&tokens, &mut drafts, lexicon);
    qualifier::attach(&tokens, &mut drafts, lexicon);
    retype::ages(&tokens, &mut drafts, lexicon);
    for draft in &mut drafts {
        interval::apply(draft);
    }
    range::merge(text, &tokens, &mut drafts, lexicon);
    drafts.retain(|draft| !is_pronoun_one(draft));
    context::attach(text, &tokens, &mut drafts, lexicon, described);
    retype::bracketed_rates(&tokens, &mut drafts, lexicon);
    retype::elided_currency(&tokens, &mut drafts, lexicon);
    retype::dotted_thousands(&mut drafts);
    let mut figures: Vec<Figure> = drafts
        .into_iter()
        .map(|mut draft| {
            let span = Span::new(
                tokens[draft.lead].span.start,
                tokens[draft.tail - 1].span.end,
            );
            if let Some(surface) = span.slice(text) {
                draft.figure.span = span;
                draft.figure.text = surface.to_string();
            }
            draft.figure
        })
        .collect();
    retype::carry_age_bands(&[], &mut figures);
    figures
}

/// The figures of a passage's sentences, one list per sentence, each as [`annotate`] reads it,
/// plus what carries from one sentence to the next: a range that repeats the age band named in
/// the sentence before is an age too ("… between the ages of 20 and 39. … between 21 and 40.").
pub fn annotate_passage<S: AsRef<str>>(sentences: &[S]) -> Vec<Vec<Figure>> {
    annotate_passage_with_units(sentences).0
}

/// [`annotate_passage`], and the units of each sentence's figures as [`annotate`] reads the
/// sentence alone (before anything carries from the sentence before).
pub(crate) fn annotate_passage_with_units<S: AsRef<str>>(
    sentences: &[S],
) -> (Vec<Vec<Figure>>, Vec<Vec<Unit>>) {
    let mut out: Vec<Vec<Figure>> = Vec::with_capacity(sentences.len());
    let mut units = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut figures = annotate(sentence.as_ref());
        units.push(figures.iter().map(|figure| figure.unit).collect());
        if let Some(previous) = out.last() {
            retype::carry_age_bands(previous, &mut figures);
            retype::carry_rates(previous, sentence.as_ref(), &mut figures);
        }
        out.push(figures);
    }
    retype::dotted_thousands_in_passage(&mut out);
    (out, units)
}

#[cfg(test)]
mod tests {
    use super::annotate;

    fn texts(text: &str) -> Vec<String> {
        annotate(text)
            .into_iter()
            .map(|figure| figure.text)
            .collect()
    }

    #[test]
    fn an_amount_compared_with_money_without_its_sign_is_money() {
        let got: Vec<(String, super::Unit, Option<String>)> = annotate(
            "Honduras raised $7.37 billion in 2021, 28.3% more than the 5,741.1 million received in 2020. Remittances hit $5 billion, sent by 3.1 million migrants, up from 2.9 million people.",
        )
        .into_iter()
        .map(|figure| (figure.text, figure.unit, figure.currency))
        .collect();
        let of = |text: &str| got.iter().find(|(written, _, _)| written == text).cloned();
        assert_eq!(
            of("5,741.1 million"),
            Some((
                "5,741.1 million".to_string(),
                super::Unit::Money,
                Some("USD".to_string())
            ))
        );
        // People counted after it, or no comparison cue before it: a count.
        assert_eq!(
            of("2.9 million").map(|(_, unit, _)| unit),
            Some(super::Unit::Count)
        );
        assert_eq!(
            of("3.1 million").map(|(_, unit, _)| unit),
            Some(super::Unit::Count)
        );
    }

    #[test]
    fn year_on_year_and_a_year_ending_in_a_month_are_no_durations() {
        let units = |text: &str| -> Vec<(String, super::Unit)> {
            annotate(text)
                .into_iter()
                .map(|figure| (figure.text, figure.unit))
                .collect()
        };
        assert_eq!(
            units("Net migration is up by 65,000 year on year."),
            [("65,000".to_string(), super::Unit::Count)]
        );
        assert_eq!(
            units("Sales rose 5,000 year-on-year."),
            [("5,000".to_string(), super::Unit::Count)]
        );
        assert_eq!(
            units("a net gain of 128,900 in the October 2023 year"),
            [
                ("128,900".to_string(), super::Unit::Count),
                ("2023".to_string(), super::Unit::Year)
            ]
        );
        assert_eq!(
            units("It took 3 years to clear."),
            [("3 years".to_string(), super::Unit::Duration)]
        );
        assert_eq!(
            units("en los últimos doce meses"),
            [("doce meses".to_string(), super::Unit::Duration)]
        );
        // A span counted in a row or still to come is a duration too; more people are not.
        assert_eq!(
            units(
                "There have now been 19 consecutive months of gains, with two more months to go."
            ),
            [
                ("19 consecutive months".to_string(), super::Unit::Duration),
                ("two more months".to_string(), super::Unit::Duration)
            ]
        );
        assert_eq!(
            units("More than in the four fiscal years before, and 2,000 more migrants."),
            [
                ("four fiscal years".to_string(), super::Unit::Duration),
                ("2,000".to_string(), super::Unit::Count)
            ]
        );
    }

    #[test]
    fn units_are_the_units_annotate_reads() {
        // Every line of the bundled articles, and sentences whose units hang on what a figure
        // counts (a bracketed rate, an age band, a bare range).
        let mut texts: Vec<String> = [
            include_str!("../../corpus/cis-2019-international-migration-security-challenge.txt"),
            include_str!("../../corpus/niskanen-2024-ecuador-entry-data-chinese-migration.txt"),
            include_str!("../../corpus/mpi-cross-border-human-flows-northeast-asia.txt"),
        ]
        .iter()
        .flat_map(|article| article.lines())
        .map(str::to_string)
        .collect();
        texts.extend(
            [
                "Rates per 100,000 were highest in Sweden (106.0) and Greece (58.7).",
                "53 percent are between the ages of 20 and 39, and 12 percent between 40 and 60.",
                "August saw 8.641 people arrive in 2023.",
            ]
            .map(str::to_string),
        );
        let mut n_units = 0;
        for text in &texts {
            let expected: Vec<super::Unit> = annotate(text)
                .into_iter()
                .map(|figure| figure.unit)
                .collect();
            assert_eq!(super::units(text), expected, "{text}");
            n_units += expected.len();
        }
        assert!(n_units > 200, "{n_units}");
    }

    #[test]
    fn a_bare_one_is_no_figure() {
        assert!(texts("the United States is one of their top destinations").is_empty());
        assert!(texts("For one thing, it grew.").is_empty());
        assert_eq!(texts("at least one incident"), ["at least one"]);
        assert_eq!(texts("one million people"), ["one million"]);
        assert_eq!(texts("one in five adults"), ["one in five"]);
    }
}
