//! A numeral as the readers of digits and of number words find it: its tokens, value and
//! precision, with the constructors and lexicon lookups both readers share.

use super::lexicon::Lexicon;
use super::token::Token;

/// What kind of number a numeral is, before any unit is attached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumeralKind {
    Cardinal,
    Ordinal,
    Fraction,
    /// A vague plural such as `thousands` or `tens of thousands`: the value is `low`.
    Vague {
        low: f64,
        high: f64,
    },
    /// A decade written `1970s`: the value is its first year.
    Decade,
    /// A multiplier written as one word: `doubled`, `tripled`, `halved`.
    Multiplier,
    /// `once`, `twice`: a count of occasions, or a multiplier before a comparison.
    Times,
}

/// One numeral: tokens `first..last`, its value and the precision it was written with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    /// Place value of the last digit written, scale included (`3.5 million` -> 100000).
    pub step: f64,
    /// Place value of the last non-zero digit (`50,000` -> 10000); equals `step` for words.
    pub round_step: f64,
    pub kind: NumeralKind,
    /// Spelled in words (at least partly).
    pub words: bool,
    /// Written with a scale word or suffix (`million`, `bn`, `k`).
    pub scaled: bool,
    /// Plain digits with no separator, decimal point or scale, e.g. `2023` or `274`.
    pub plain_digits: bool,
    /// The product of the scale words applied (`3.5 million` -> 1000000), 1 without.
    pub scale: f64,
}

/// The denominator a word names ("half", "quarters", "fifths"): one of the lexicon's
/// denominators, or an ordinal of three or more in the singular or plural.
pub(super) fn denominator_of(token: &Token, lexicon: &Lexicon) -> Option<f64> {
    let lower = token.lower.as_ref();
    if let Some(value) = lexicon.denominators.get(lower) {
        return Some(*value);
    }
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    lexicon
        .ordinals
        .get(singular)
        .copied()
        .filter(|value| *value >= 3.0)
}

pub(super) fn word_numeral(first: usize, last: usize, value: f64, step: f64) -> Numeral {
    Numeral {
        first,
        last,
        value,
        step,
        round_step: step,
        kind: NumeralKind::Cardinal,
        words: true,
        scaled: false,
        plain_digits: false,
        scale: 1.0,
    }
}

pub(super) fn fraction_numeral(first: usize, last: usize, value: f64, denominator: f64) -> Numeral {
    // A fraction in words is read as precise to about half the gap to its neighbouring simple
    // fractions, 1 / (2 d^2); see `interval::bounds`.
    let step = 1.0 / (denominator * denominator);
    Numeral {
        kind: NumeralKind::Fraction,
        ..word_numeral(first, last, value, step)
    }
}

/// Place value of the last non-zero digit of an integer-valued `value` (`120` -> 10).
pub(super) fn round_step_of(value: f64) -> f64 {
    if value < 1.0 || value.fract() != 0.0 || value > 1e15 {
        return 1.0;
    }
    let mut step = 1.0;
    while value % (step * 10.0) == 0.0 {
        step *= 10.0;
    }
    step
}
