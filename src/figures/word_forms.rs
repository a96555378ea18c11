//! Numbers written as words that are no cardinals: multiplier verbs ("doubled", "more than
//! tripled", "halved"), adverbs that count occasions ("at least once", "twice a year") and a
//! share of a ranking ("the top third", "the bottom quarter").

use super::lexicon::Lexicon;
use super::numeral::{denominator_of, fraction_numeral, word_numeral, Numeral, NumeralKind};
use super::token::{Token, TokenKind};

/// Words after which "third", "quarter", "fifth" are a share of a ranking, not a rank.
const RANKING_ENDS: &[&str] = &["top", "bottom", "upper", "lower", "richest", "poorest"];

/// Words that may stand right before a counting "once": "only once", "just once".
const ONCE_BOUNDS: &[&str] = &["only", "just", "exactly", "precisely"];

/// Period words after "once a", "once every": "once a year".
const FREQUENCY_UNITS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "decade",
    "fortnight",
    "quarter",
    "season",
    "lifetime",
];

/// The numeral the word at `idx` writes, if it is one of these forms; `None` lets the caller
/// read the word as a cardinal, ordinal or fraction.
pub(super) fn parse(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let token = &tokens[idx];
    let lower = token.lower.as_ref();
    if let Some(value) = lexicon.multiplier_words.get(lower) {
        let step = if *value >= 1.0 { 1.0 } else { value / 2.0 };
        let mut numeral = word_numeral(idx, idx + 1, *value, step);
        numeral.kind = NumeralKind::Multiplier;
        return Some(numeral);
    }
    if let Some(value) = lexicon.times_words.get(lower) {
        if lower == "once" && !once_counts(tokens, idx, lexicon) {
            return None;
        }
        let mut numeral = word_numeral(idx, idx + 1, *value, 1.0);
        numeral.kind = NumeralKind::Times;
        return Some(numeral);
    }
    ranking_share(tokens, idx, lexicon)
}

/// Whether "once" at `idx` counts (a bound or a frequency goes with it), rather than meaning
/// "formerly" or "as soon as".
fn once_counts(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> bool {
    let bounded = lexicon
        .qualifiers_before
        .match_before(tokens, idx)
        .is_some()
        || idx
            .checked_sub(1)
            .is_some_and(|before| ONCE_BOUNDS.contains(&tokens[before].lower.as_ref()));
    let next = tokens.get(idx + 1).map(|t| t.lower.as_ref());
    let then = tokens.get(idx + 2).map(|t| t.lower.as_ref());
    let frequency = matches!(next, Some("a" | "an" | "per" | "every" | "each"))
        && then.is_some_and(|then| FREQUENCY_UNITS.contains(&then));
    let alternative = next == Some("or")
        && then.is_some_and(|then| {
            lexicon.times_words.contains_key(then) || lexicon.cardinals.contains_key(then)
        });
    bounded || frequency || alternative
}

/// "the top third of origin regions", "the bottom quarter": a fraction 1/d.
fn ranking_share(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let before = tokens.get(idx.checked_sub(1)?)?;
    if !RANKING_ENDS.contains(&before.lower.as_ref()) {
        return None;
    }
    let token = &tokens[idx];
    if token.lower.ends_with('s') {
        return None;
    }
    let denominator = denominator_of(token, lexicon).filter(|d| *d >= 2.0)?;
    // "the top third of", "the bottom quarter.": not "the top third floor".
    let ends_phrase = tokens
        .get(idx + 1)
        .is_none_or(|after| after.is("of") || after.kind == TokenKind::Punct);
    ends_phrase.then(|| fraction_numeral(idx, idx + 1, 1.0 / denominator, denominator))
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Qualifier, Unit};

    /// The figures of `text` as `(text, value, unit, qualifier)`.
    fn figures(text: &str) -> Vec<(String, f64, Unit, Qualifier)> {
        annotate(text)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn multiplier_verbs() {
        assert_eq!(
            figures("unauthorized immigrants more than tripled from 3.5 million to 11.2 million")
                [0],
            (
                "more than tripled".to_string(),
                3.0,
                Unit::Multiplier,
                Qualifier::MoreThan
            )
        );
        assert_eq!(
            figures("The number of applications doubled."),
            [(
                "doubled".to_string(),
                2.0,
                Unit::Multiplier,
                Qualifier::Exact
            )]
        );
        assert_eq!(
            figures("Arrivals nearly halved")[0].1,
            0.5,
            "halved is a multiplier of a half"
        );
        // One-word "-fold" multipliers, like the hyphenated "13-fold".
        assert_eq!(
            figures("The number of refugees rose sixfold, a fourfold increase on May."),
            [
                (
                    "sixfold".to_string(),
                    6.0,
                    Unit::Multiplier,
                    Qualifier::Exact
                ),
                (
                    "fourfold".to_string(),
                    4.0,
                    Unit::Multiplier,
                    Qualifier::Exact
                )
            ]
        );
    }

    #[test]
    fn once_and_twice_where_they_count() {
        assert_eq!(
            figures("23,859 Chinese nationals traveled to Ecuador at least once in 2023")[1],
            (
                "at least once".to_string(),
                1.0,
                Unit::Count,
                Qualifier::AtLeast
            )
        );
        assert_eq!(
            figures("inspections happen twice a year"),
            [("twice".to_string(), 2.0, Unit::Count, Qualifier::Exact)]
        );
        assert_eq!(
            figures("twice as many people"),
            [("twice".to_string(), 2.0, Unit::Multiplier, Qualifier::Exact)]
        );
        assert!(figures("Once they arrive, they apply.").is_empty());
        assert!(figures("the once-thriving port").is_empty());
        assert!(figures("Vladivostok was once a closed city").is_empty());
    }

    #[test]
    fn a_share_of_a_ranking_is_a_fraction() {
        let found = annotate("Jilin is in the top third of origin regions.");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].unit, found[0].value), (Unit::Fraction, 1.0 / 3.0));
        let found = annotate("the bottom quarter.");
        assert_eq!((found[0].unit, found[0].value), (Unit::Fraction, 0.25));
        assert_eq!(annotate("the top third floor")[0].unit, Unit::Ordinal);
        assert_eq!(annotate("a third country")[0].unit, Unit::Ordinal);
    }

    #[test]
    fn a_third_after_by_or_before_a_verb_is_a_fraction() {
        for text in [
            "Crossings fall by a third but are expected to rise.",
            "Figures show that a third come from Syria.",
        ] {
            let found = annotate(text);
            assert_eq!(
                (found[0].unit, found[0].value),
                (Unit::Fraction, 1.0 / 3.0),
                "{text}"
            );
        }
        assert_eq!(
            annotate("It was approved by a third party.")[0].unit,
            Unit::Ordinal
        );
        // A qualifier before the article makes a share whatever follows.
        for (text, value) in [
            ("rose by more than a third in the first quarter", 1.0 / 3.0),
            ("Nearly a quarter left.", 0.25),
            ("a decrease of nearly a quarter compared to 2021", 0.25),
        ] {
            let found = annotate(text);
            assert_eq!(
                (found[0].unit, found[0].value),
                (Unit::Fraction, value),
                "{text}"
            );
        }
    }
}
