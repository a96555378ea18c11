//! Amounts written in two parts, one figure: money ("3 dollars 50 cents", "thirteen dollars and
//! forty-five cents", "15 dollars and 50.") and imperial measures ("5 feet 2 inches" is 5 1/6
//! feet, "8 pounds 4 ounces" 8 1/4 pounds).

use super::lexicon::Lexicon;
use super::retype::bare_after;
use super::token::{Token, TokenKind};
use super::{Draft, Qualifier, Unit};

/// Imperial units written in two parts: the larger unit, the smaller one and how many of the
/// smaller make one of the larger.
const IMPERIAL_PAIRS: &[(&str, &str, f64)] =
    &[("ft", "in", 12.0), ("lb", "oz", 16.0), ("yd", "ft", 3.0)];

/// `a` (feet, pounds) and `b` (inches, ounces), joined by nothing or "and": one measure in `a`'s
/// unit.
pub(crate) fn join_imperial(tokens: &[Token], a: &Draft, b: &Draft) -> Option<Draft> {
    if a.figure.unit != Unit::Measure
        || b.figure.unit != Unit::Measure
        || a.figure.range.is_some()
        || b.figure.qualifier != Qualifier::Exact
        || a.tail > b.lead
    {
        return None;
    }
    let link = &tokens[a.tail..b.lead];
    if !(link.is_empty() || link.len() == 1 && link[0].is("and")) {
        return None;
    }
    let (larger, smaller) = (
        a.figure.measure_unit.as_deref()?,
        b.figure.measure_unit.as_deref()?,
    );
    let (_, _, ratio) = IMPERIAL_PAIRS
        .iter()
        .find(|(big, small, _)| *big == larger && *small == smaller)?;
    if b.figure.value >= *ratio {
        return None;
    }
    let mut joined = a.clone();
    joined.figure.value = a.figure.value + b.figure.value / ratio;
    let half = b.step / ratio / 2.0;
    joined.figure.low = Some(super::interval::tidy(joined.figure.value - half));
    joined.figure.high = Some(super::interval::tidy(joined.figure.value + half));
    joined.last = b.last;
    joined.tail = b.tail;
    joined.step = b.step / ratio;
    joined.round_step = b.round_step / ratio;
    Some(joined)
}

/// `a` (whole units of a currency) and `b` (its minor units: "50 cents" in the same currency, or
/// a bare whole number below 100 that ends the clause) joined by nothing or "and".
pub(crate) fn join_minor_units(
    tokens: &[Token],
    a: &Draft,
    b: &Draft,
    lexicon: &Lexicon,
) -> Option<Draft> {
    let whole = a.figure.unit == Unit::Money
        && a.figure.value.fract() == 0.0
        && a.figure.range.is_none()
        && a.figure.currency.is_some()
        && b.figure.qualifier == Qualifier::Exact
        && a.tail <= b.lead;
    if !whole {
        return None;
    }
    let link = &tokens[a.tail..b.lead];
    if !(link.is_empty() || link.len() == 1 && link[0].is("and")) {
        return None;
    }
    // The whole part must end in its currency word ("3 dollars"), not start with a symbol ("$3").
    let word_after = tokens
        .get(a.tail - 1)
        .is_some_and(|last| last.kind == TokenKind::Word);
    if !word_after {
        return None;
    }
    let minor = if b.figure.unit == Unit::Money && b.figure.currency == a.figure.currency {
        // "50 cents" is already 0.5 of the currency.
        (b.figure.value > 0.0 && b.figure.value < 1.0).then_some(b.figure.value)
    } else {
        let bare = b.figure.unit == Unit::Count
            && b.figure.value.fract() == 0.0
            && (1.0..100.0).contains(&b.figure.value)
            && b.scale == 1.0
            && tokens
                .get(b.tail)
                .is_none_or(|next| next.kind == TokenKind::Punct)
            && bare_after(tokens, b.tail, lexicon);
        bare.then_some(b.figure.value / 100.0)
    }?;
    let mut joined = a.clone();
    joined.figure.value = a.figure.value + minor;
    joined.figure.low = Some(super::interval::tidy(joined.figure.value - 0.005));
    joined.figure.high = Some(super::interval::tidy(joined.figure.value + 0.005));
    joined.last = b.last;
    joined.tail = b.tail;
    joined.step = 0.01;
    joined.round_step = 0.01;
    Some(joined)
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Unit};

    fn money(text: &str) -> Vec<(String, f64, Unit)> {
        annotate(text)
            .into_iter()
            .map(|figure| (figure.text, figure.value, figure.unit))
            .collect()
    }

    #[test]
    fn whole_and_minor_units() {
        assert_eq!(
            money("it only cost 3 dollars 50 cents."),
            [("3 dollars 50 cents".to_string(), 3.5, Unit::Money)]
        );
        assert_eq!(
            money("it only cost thirteen dollars and forty-five cents"),
            [(
                "thirteen dollars and forty-five cents".to_string(),
                13.45,
                Unit::Money
            )]
        );
        assert_eq!(
            money("It costs 15 dollars and 50."),
            [("15 dollars and 50".to_string(), 15.5, Unit::Money)]
        );
        // A count after the amount is not its cents.
        assert_eq!(money("He paid 15 dollars and 50 people came.").len(), 2);
        assert_eq!(money("$15 and 50.").len(), 2);
    }

    #[test]
    fn feet_and_inches() {
        let found = money("he is 5 feet 2 inches tall");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "5 feet 2 inches");
        assert!((found[0].1 - (5.0 + 2.0 / 12.0)).abs() < 1e-9);
        assert_eq!(money("5 feet and 2 inches.")[0].0, "5 feet and 2 inches");
        assert_eq!(money("walls 10 feet, 2 inches thick").len(), 2);
    }
}
