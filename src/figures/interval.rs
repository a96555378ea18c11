//! The interval a cited figure allows: the tolerance the fact-checker compares data against.

use super::{Draft, Qualifier, Unit};

/// The interval `[low, high]` a figure's true value lies in, from its qualifier and the
/// precision it was written with. `None` is unbounded. This is the one place the rule lives.
///
/// Inputs: `value`; `step`, the place value of the last digit written, scale words included
/// (`71` -> 1, `3.5 million` -> 100,000, `1.2bn` -> 100,000,000, `50,000` -> 1); and
/// `round_step`, the place value of the last *non-zero* digit (`50,000` -> 10,000, `80` -> 10).
///
/// Let `h = step / 2` (half a unit of the last digit written: the writer rounded to it) and
/// `w = max(h, min(max(step, r / 2), 10% of |value|))`, where `r` is `round_step`, or five times
/// it when the last non-zero digit is a 5 (writers round to fives: 85, 250, 1.5 million). A hedge
/// lets the writer have rounded at the last non-zero digit, and is worth at least a whole unit of
/// the last digit written (`about 28` is [27, 29], not the [27.5, 28.5] of a plain `28`), but
/// never more than a tenth of the value.
///
/// | qualifier       | interval        | example                               |
/// |-----------------|-----------------|---------------------------------------|
/// | `exact`         | `[v-h, v+h]`    | `71 percent` -> [70.5, 71.5]; `1 million` -> [500000, 1500000] |
/// | `approximately` | `[v-w, v+w]`    | `about 100` -> [90, 110]; `about 85` -> [82.5, 87.5] |
/// | `almost`        | `[v-w, v]`      | `almost 80%` -> [75, 80]              |
/// | `more_than`     | `(v, none)`     | `more than 50,000` -> (50000, none)   |
/// | `at_least`      | `[v, none)`     | `at least 12`                         |
/// | `less_than`     | `(none, v)`     | `fewer than 1,000`                    |
/// | `at_most`       | `(none, v]`     | `up to 700`                           |
///
/// Open and closed ends are not distinguished: `low` and `high` are the bounds either way.
/// Other cases, decided where the numeral is read: ordinals and years are exact (`step` 0);
/// a decade (`1970s`) is [1970, 1979]; a fraction in words (`a third`, `one in five`) has
/// `step = 1/d²`, about the gap to its neighbouring simple fractions, so `half` is
/// [0.375, 0.625] and `a quarter` [0.21875, 0.28125], and "almost" a fraction the half of that
/// gap just under it (`almost half` [0.4375, 0.5]); a vague plural is "at least two, fewer than
/// ten" of its scale (`thousands` -> [2000, 10000], `tens of thousands` -> [20000, 100000]).
/// Ranges span from the low end's `low` to the high end's `high`.
pub fn bounds(
    value: f64,
    step: f64,
    round_step: f64,
    qualifier: Qualifier,
) -> (Option<f64>, Option<f64>) {
    let half_step = step.abs() / 2.0;
    let widest = step.abs().max(hedge_step(value, round_step) / 2.0);
    let hedge = half_step.max(widest.min(value.abs() / 10.0));
    match qualifier {
        Qualifier::Exact => (Some(value - half_step), Some(value + half_step)),
        Qualifier::Approximately => (Some(value - hedge), Some(value + hedge)),
        Qualifier::Almost => (Some(value - hedge), Some(value)),
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(value), None),
        Qualifier::LessThan | Qualifier::AtMost => (None, Some(value)),
    }
}

/// The rounding unit a hedged writer may have used: `round_step`, or five times it when the last
/// non-zero digit is a 5 (`85` -> 5, `1.5 million` -> 500000, `50,000` -> 50000).
fn hedge_step(value: f64, round_step: f64) -> f64 {
    let round_step = round_step.abs();
    if round_step == 0.0 || !round_step.is_finite() {
        return round_step;
    }
    let last_digit = (value.abs() / round_step).round() % 10.0;
    if last_digit == 5.0 {
        5.0 * round_step
    } else {
        round_step
    }
}

/// Sets a draft's `low` and `high` from its numeral's precision and qualifier.
pub(crate) fn apply(draft: &mut Draft) {
    let figure = &mut draft.figure;
    let (low, high) = match figure.unit {
        // "the mid-1800s" is a century; "the 1970s" and "the 2000s" are decades.
        Unit::Year
            if figure.text.ends_with('s')
                && figure.value % 100.0 == 0.0
                && figure.value < 2000.0 =>
        {
            (Some(figure.value), Some(figure.value + 99.0))
        }
        Unit::Year if figure.text.ends_with('s') => (Some(figure.value), Some(figure.value + 9.0)),
        Unit::Year | Unit::Ordinal | Unit::Other => (Some(figure.value), Some(figure.value)),
        _ if draft.vague.is_some() => {
            let (low, high) = draft.vague.unwrap_or((figure.value, figure.value));
            match figure.qualifier {
                Qualifier::MoreThan | Qualifier::AtLeast => (Some(low), None),
                Qualifier::LessThan | Qualifier::AtMost => (None, Some(high)),
                _ => (Some(low), Some(high)),
            }
        }
        // "almost a third", "nearly three in four": a fraction in words already stands for
        // half the gap to its neighbouring simple fractions either way; "almost" says the value
        // is just under it, within half of that (a third's 0.306 to 0.333, not 28.5%, which
        // is nearer "more than a quarter").
        Unit::Fraction if figure.qualifier == Qualifier::Almost => {
            let quarter_gap = draft.step.abs() / 4.0;
            (Some(figure.value - quarter_gap), Some(figure.value))
        }
        _ => bounds(figure.value, draft.step, draft.round_step, figure.qualifier),
    };
    figure.low = low.map(tidy);
    figure.high = high.map(tidy);
}

/// Rounds away binary noise (`70.50000000001`) so bounds print as written.
pub(crate) fn tidy(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10f64.powi(12 - magnitude);
    if !scale.is_finite() || scale == 0.0 {
        return value;
    }
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::super::annotate;

    /// Checks the one figure in `text` has bounds `(low, high)`.
    fn check(text: &str, expect: (Option<f64>, Option<f64>)) {
        let figures = annotate(text);
        assert_eq!(figures.len(), 1, "{text}: {figures:?}");
        assert_eq!((figures[0].low, figures[0].high), expect, "{text}");
    }

    #[test]
    fn examples_from_the_rule() {
        check("71 percent", (Some(70.5), Some(71.5)));
        check("almost 80%", (Some(75.0), Some(80.0)));
        check("more than 50,000", (Some(50000.0), None));
        check("1 million", (Some(500_000.0), Some(1_500_000.0)));
        check("about 100", (Some(90.0), Some(110.0)));
        check("3.5 million", (Some(3_450_000.0), Some(3_550_000.0)));
        check("tens of thousands", (Some(20_000.0), Some(100_000.0)));
        check("fewer than 1,000", (None, Some(1000.0)));
        check("half", (Some(0.375), Some(0.625)));
        check("the 1970s", (Some(1970.0), Some(1979.0)));
        check("the mid-1800s", (Some(1800.0), Some(1899.0)));
    }

    /// A hedge widens every interval, whatever the case of its first letter: a hedged `85` may
    /// be a rounding to five, a hedged `28` is still less exact than a plain one.
    #[test]
    fn a_hedge_always_widens() {
        check("Approximately 85 percent", (Some(82.5), Some(87.5)));
        check("approximately 85 percent", (Some(82.5), Some(87.5)));
        check("About 28 percent", (Some(27.0), Some(29.0)));
        check("roughly 1.6 percent", (Some(1.5), Some(1.7)));
        check("around 37,000", (Some(36500.0), Some(37500.0)));
        check("almost 235%", (Some(232.5), Some(235.0)));
        check("nearly 3,000", (Some(2700.0), Some(3000.0)));
        check("85 percent", (Some(84.5), Some(85.5)));
        check("almost one thousand", (Some(500.0), Some(1000.0)));
        check("about 1 million", (Some(500_000.0), Some(1_500_000.0)));
    }

    /// "almost a third" is just under a third: half of the third's own gap below it, so 28.5%
    /// (nearer "more than a quarter") is not "almost a third", nor 69.7% "almost three in four".
    #[test]
    fn almost_a_fraction_is_just_under_it() {
        check("almost three in four", (Some(0.734375), Some(0.75)));
        check("nearly half", (Some(0.4375), Some(0.5)));
        let figures = annotate("almost a third");
        let (low, high) = (figures[0].low.unwrap(), figures[0].high.unwrap());
        assert!(
            low > 0.305 && low < 0.306 && (high - 1.0 / 3.0).abs() < 1e-9,
            "{low} {high}"
        );
    }
}
