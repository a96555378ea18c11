//! Amounts of money written in two parts: "3 dollars 50 cents", "thirteen dollars and
//! forty-five cents", "15 dollars and 50." — a whole amount and its minor units, one figure.

use super::lexicon::Lexicon;
use super::retype::bare_after;
use super::token::{Token, TokenKind};
use super::{Draft, Qualifier, Unit};

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
}
