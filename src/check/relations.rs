//! Arithmetic relations found by search: a percent change, a share, a multiplier or a total
//! whose operands a passage states somewhere else than right beside it ("218,763 in September,
//! up 21% from 181,084 in August"; "of the 9,753 … 8,207 (84 percent) were single adults";
//! "Venezuelans 54,833, Mexicans …, in all 218,763").
//!
//! Only a relation that holds is reported (`supported`, with the computation in full): among the
//! many pairs of a passage's figures, one that misses says nothing about which pair the writer
//! meant, so a miss is never a finding. Operands are figures of the same passage with the unit
//! the relation needs, at least one of them in the figure's sentence or the one before or after.

use super::arithmetic::{direction_of, high, low, operand, share_of, signed, Found};
use super::claim::CheckClaim;
use super::rules::Rules;
use super::verdict::{decide, Comparison, Verdict};
use crate::bind::{Period, PeriodSource};
use crate::datasets::text::format_number;
use crate::figures::{Figure, Qualifier, Unit};

/// The most operands a total is searched over (a passage's counts taken 2 to 4 at a time).
const MAX_SUM_POOL: usize = 12;
const MAX_SUM_TERMS: usize = 4;
/// Bytes around a figure its sum word ("total", "combined") may be.
const NEAR: usize = 40;

/// The relation the passage's figures make true of `figure`, if any.
pub fn search(
    claims: &[CheckClaim],
    passage: std::ops::Range<usize>,
    claim_idx: usize,
    figure: &Figure,
    rules: &Rules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    // Operands from a neighbouring passage (`claims` outside `passage`) fit only an exact claimed
    // figure written in digits, and only when they are distinctive themselves: "one in three",
    // "approximately half" or a round 100,000 fit some pair of a longer text by chance.
    let exact_claim = figure.qualifier == Qualifier::Exact
        && !matches!(figure.unit, Unit::Fraction)
        && figure.text.chars().any(|ch| ch.is_ascii_digit());
    let allowed = |idx: usize, operand: &Figure| {
        passage.contains(&idx) || (exact_claim && significant_digits(operand) >= 3)
    };
    let pool: Vec<Operand> = claims
        .iter()
        .enumerate()
        .flat_map(|(idx, other)| {
            other.figures.iter().map(move |fig| Operand {
                sentence: idx,
                figure: fig,
                period: other
                    .binding_of(fig)
                    .filter(|binding| {
                        matches!(
                            binding.period_source,
                            Some(PeriodSource::Clause | PeriodSource::Sentence)
                        )
                    })
                    .and_then(|binding| binding.period.as_ref()),
            })
        })
        .filter(|other| other.figure.span != figure.span && precise(other.figure))
        .filter(|other| allowed(other.sentence, other.figure))
        .collect();
    let near = |idx: usize| idx.abs_diff(claim_idx) <= 1;
    let found = match figure.unit {
        Unit::Percent | Unit::Fraction => match direction_of(claim, figure, rules) {
            Some(sign) if figure.unit == Unit::Percent => {
                percent_change(figure, sign, &pool, claim_idx, near)
            }
            Some(_) => None,
            None => share(figure, &pool, near),
        },
        Unit::PercentagePoints => direction_of(claim, figure, rules)
            .and_then(|sign| points(figure, sign, &pool, claim_idx, near)),
        Unit::Multiplier => ratio(figure, &pool, near),
        Unit::Count | Unit::Money if says_total(claim, figure, rules) => total(figure, &pool, near),
        Unit::Count | Unit::Money => fewer_than(claim, figure)
            .filter(|than| precise(than))
            .and_then(|than| difference_from(figure, than, &pool)),
        _ => None,
    }?;
    (decide(&found.0) == Verdict::Supported).then_some(found)
}

/// A figure of the passage that may be an operand: its sentence and the period its own clause
/// or sentence gives it.
struct Operand<'a> {
    sentence: usize,
    figure: &'a Figure,
    period: Option<&'a Period>,
}

type Pool<'a> = [Operand<'a>];

/// Significant digits as written: 3 for "103,846"'s 103846, 1 for "100,000", 2 for "2.5 million".
fn significant_digits(figure: &Figure) -> usize {
    let digits: String = figure.text.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// Precise enough to be an operand found by search: a bounded interval within ±1% ("2.2
/// million" and "more than 2 million" fit too many pairs to say anything).
fn precise(figure: &Figure) -> bool {
    match (figure.low, figure.high) {
        (Some(low), Some(high)) => {
            figure.range.is_none()
                && figure.value > 0.0
                && (high - low) / 2.0 <= figure.value * 0.01
        }
        _ => false,
    }
}

/// `from` is about an earlier span of the same length than `to` (a change compares one quantity
/// over time); when a
/// period is not written beside them, both must sit in the figure's own sentence (`here`).
fn earlier(from: &Operand, to: &Operand, here: usize) -> bool {
    match (from.period, to.period) {
        // Like spans only: a month against three months is no change of one quantity.
        (Some(one), Some(other)) => {
            one.start < other.start && one.end <= other.end && one.months() == other.months()
        }
        _ => from.sentence == here && to.sentence == here,
    }
}

/// Both are about the same time, or one names none.
fn same_time(one: &Operand, other: &Operand) -> bool {
    match (one.period, other.period) {
        (Some(one), Some(other)) => one.start == other.start && one.end == other.end,
        _ => true,
    }
}

/// Two operands of one unit, either order, at least one near the figure.
fn pairs<'p, 'a>(
    pool: &'p Pool<'a>,
    near: impl Fn(usize) -> bool,
    units: &[Unit],
) -> impl Iterator<Item = (&'p Operand<'a>, &'p Operand<'a>)> {
    let mut out = Vec::new();
    for a in pool {
        for b in pool {
            let fits = a.figure.span != b.figure.span
                && a.figure.unit == b.figure.unit
                && units.contains(&a.figure.unit)
                && a.figure.currency == b.figure.currency
                && (near(a.sentence) || near(b.sentence));
            if fits {
                out.push((a, b));
            }
        }
    }
    out.into_iter()
}

/// Keeps the relation whose interval lies closest to the claim (the first on a tie).
fn best(candidates: impl Iterator<Item = Found>) -> Option<Found> {
    candidates
        .filter(|(comparison, _, _)| decide(comparison) == Verdict::Supported)
        .min_by(|a, b| a.0.gap().total_cmp(&b.0.gap()))
}

fn percent_change(
    figure: &Figure,
    sign: f64,
    pool: &Pool,
    here: usize,
    near: impl Fn(usize) -> bool,
) -> Option<Found> {
    let units = [Unit::Count, Unit::Money];
    best(
        pairs(pool, near, &units)
            .filter(|(from, to)| earlier(from, to, here))
            .map(|(from, to)| (from.figure, to.figure))
            .filter(|(from, to)| (to.value - from.value) * sign > 0.0)
            .map(|(from, to)| {
                let expected = (to.value - from.value) / from.value * 100.0;
                let corners = [
                    (low(to) / high(from) - 1.0) * 100.0,
                    (high(to) / low(from).max(f64::MIN_POSITIVE) - 1.0) * 100.0,
                ];
                let comparison =
                    Comparison::new(signed(figure, sign), (expected, corners[0], corners[1]))
                        .stating_change(sign);
                let expression = format!(
                    "({} − {}) / {} × 100 = {:+.1}%",
                    format_number(to.value),
                    format_number(from.value),
                    format_number(from.value),
                    expected
                );
                (comparison, expression, vec![operand(from), operand(to)])
            }),
    )
}

fn share(figure: &Figure, pool: &Pool, near: impl Fn(usize) -> bool) -> Option<Found> {
    // A fraction ("one-fifth") is compared as a percentage.
    let scale = if figure.unit == Unit::Fraction {
        100.0
    } else {
        1.0
    };
    let claimed = (
        figure.value * scale,
        figure.low.map(|v| v * scale),
        figure.high.map(|v| v * scale),
    );
    let units = [Unit::Count, Unit::Money];
    best(
        pairs(pool, near, &units)
            .filter(|(part, whole)| same_time(part, whole))
            .map(|(part, whole)| (part.figure, whole.figure))
            .filter(|(part, whole)| part.value < whole.value)
            .map(|(part, whole)| share_of(claimed, part, whole)),
    )
}

fn points(
    figure: &Figure,
    sign: f64,
    pool: &Pool,
    here: usize,
    near: impl Fn(usize) -> bool,
) -> Option<Found> {
    let units = [Unit::Percent];
    best(
        pairs(pool, near, &units)
            .filter(|(from, to)| earlier(from, to, here))
            .map(|(from, to)| (from.figure, to.figure))
            .filter(|(from, to)| (to.value - from.value) * sign > 0.0)
            .map(|(from, to)| {
                let expected = to.value - from.value;
                let comparison = Comparison::new(
                    signed(figure, sign),
                    (expected, low(to) - high(from), high(to) - low(from)),
                )
                .stating_change(sign);
                let expression = format!(
                    "{} − {} = {:+.1} points",
                    format_number(to.value),
                    format_number(from.value),
                    expected
                );
                (comparison, expression, vec![operand(from), operand(to)])
            }),
    )
}

fn ratio(figure: &Figure, pool: &Pool, near: impl Fn(usize) -> bool) -> Option<Found> {
    let units = [Unit::Count, Unit::Money];
    best(
        pairs(pool, near, &units)
            .map(|(big, small)| (big.figure, small.figure))
            .filter(|(big, small)| big.value > small.value)
            .map(|(big, small)| {
                let expected = big.value / small.value;
                let comparison = Comparison::new(
                    (figure.value, figure.low, figure.high),
                    (
                        expected,
                        low(big) / high(small),
                        high(big) / low(small).max(f64::MIN_POSITIVE),
                    ),
                );
                let expression = format!(
                    "{} / {} = {:.2}",
                    format_number(big.value),
                    format_number(small.value),
                    expected
                );
                (comparison, expression, vec![operand(big), operand(small)])
            }),
    )
}

/// "26,576 fewer applications than the 63,436 registered …": the figure is a difference, and
/// the figure written after "than" in its sentence is the larger (or smaller) side. Returns
/// that figure.
fn fewer_than<'c>(claim: &'c CheckClaim, figure: &Figure) -> Option<&'c Figure> {
    /// Words between the figure and "fewer"/"more" ("26,576 fewer", "3,000 more migrants").
    const MAX_GAP_WORDS: usize = 1;
    let end = figure.span.end.checked_sub(claim.span.start)?;
    // ASCII lowercase keeps byte offsets, which index `claim.text` below.
    let after = claim.text.get(end..)?.to_ascii_lowercase();
    let mut words = after.split_whitespace();
    let comparative = words
        .by_ref()
        .take(MAX_GAP_WORDS + 1)
        .any(|word| matches!(word, "fewer" | "more" | "less"));
    if !comparative {
        return None;
    }
    let than = after.find(" than ")? + end + " than ".len();
    claim.figures.iter().find(|other| {
        let start = other.span.start.saturating_sub(claim.span.start);
        start >= than
            && claim.text[than..start].split_whitespace().count() <= 2
            && other.unit == figure.unit
            && other.currency == figure.currency
    })
}

/// `than` − another figure of the pool (or the other way round) equals the figure.
fn difference_from(figure: &Figure, than: &Figure, pool: &Pool) -> Option<Found> {
    best(
        pool.iter()
            .map(|other| other.figure)
            .filter(|other| {
                other.span != than.span
                    && other.unit == figure.unit
                    && other.currency == figure.currency
                    && other.range.is_none()
            })
            .map(|other| {
                let (big, small) = if than.value >= other.value {
                    (than, other)
                } else {
                    (other, than)
                };
                let comparison = Comparison::new(
                    (figure.value, figure.low, figure.high),
                    (
                        big.value - small.value,
                        low(big) - high(small),
                        high(big) - low(small),
                    ),
                );
                let expression = format!(
                    "{} − {} = {}",
                    format_number(big.value),
                    format_number(small.value),
                    format_number(big.value - small.value)
                );
                (comparison, expression, vec![operand(big), operand(small)])
            }),
    )
}

/// A sum word within a few words of the figure ("a total of", "combined", "in all").
fn says_total(claim: &CheckClaim, figure: &Figure, rules: &Rules) -> bool {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let near = format!(
        "{} {}",
        super::arithmetic::around(&claim.text, start.saturating_sub(NEAR), start),
        super::arithmetic::around(&claim.text, end, end + NEAR)
    );
    Rules::says(&near, &rules.sum)
}

/// Two to four smaller figures of the figure's unit that add up to it.
fn total(figure: &Figure, pool: &Pool, near: impl Fn(usize) -> bool) -> Option<Found> {
    let parts: Vec<&Figure> = pool
        .iter()
        .filter(|part| {
            let part = part.figure;
            part.unit == figure.unit
                && part.currency == figure.currency
                && part.value < figure.value
        })
        .filter(|part| near(part.sentence))
        .map(|part| part.figure)
        .take(MAX_SUM_POOL)
        .collect();
    let mut found: Vec<Found> = Vec::new();
    let mut chosen: Vec<&Figure> = Vec::new();
    subsets(&parts, 0, &mut chosen, &mut |terms| {
        if terms.len() < 2 {
            return;
        }
        let sum: f64 = terms.iter().map(|term| term.value).sum();
        let sum_low: f64 = terms.iter().map(|term| low(term)).sum();
        let sum_high: f64 = terms.iter().map(|term| high(term)).sum();
        let comparison = Comparison::new(
            (figure.value, figure.low, figure.high),
            (sum, sum_low, sum_high),
        );
        if decide(&comparison) == Verdict::Supported {
            let expression = format!(
                "{} = {}",
                terms
                    .iter()
                    .map(|term| format_number(term.value))
                    .collect::<Vec<_>>()
                    .join(" + "),
                format_number(sum)
            );
            found.push((
                comparison,
                expression,
                terms.iter().map(|term| operand(term)).collect(),
            ));
        }
    });
    // More than one way to make the total is a coincidence, not a relation.
    (found.len() == 1).then(|| found.remove(0))
}

fn subsets<'a>(
    parts: &[&'a Figure],
    from: usize,
    chosen: &mut Vec<&'a Figure>,
    visit: &mut dyn FnMut(&[&'a Figure]),
) {
    visit(chosen);
    if chosen.len() == MAX_SUM_TERMS {
        return;
    }
    for idx in from..parts.len() {
        chosen.push(parts[idx]);
        subsets(parts, idx + 1, chosen, visit);
        chosen.pop();
    }
}

#[cfg(test)]
mod tests {
    use crate::check::claim::tests::{document_dated, paragraphs_dated};
    use crate::check::{check, Method, Rules, Verdict};

    /// The arithmetic results of one passage, as `(figure, verdict, expression)`.
    fn arithmetic(text: &str, date: &str) -> Vec<(String, Verdict, String)> {
        arithmetic_of(document_dated(text, date))
    }

    /// [`arithmetic`] of a document built by a test helper.
    fn arithmetic_of(document: crate::check::CheckDocument) -> Vec<(String, Verdict, String)> {
        let rules = Rules::builtin().unwrap();
        check(&[document], &[], &rules)
            .0
            .into_iter()
            .filter(|result| result.method == Method::Arithmetic)
            .map(|result| {
                let expression = match &result.evidence {
                    crate::check::Evidence::Arithmetic(evidence) => evidence.expression.clone(),
                    _ => String::new(),
                };
                (result.figure.text, result.verdict, expression)
            })
            .collect()
    }

    #[test]
    fn a_change_is_found_between_two_months_of_the_passage() {
        let got = arithmetic(
            "Arrests totaled 218,763 in September, up 21% from 181,084 in August.",
            "2023-10-21",
        );
        assert_eq!(
            got,
            vec![(
                "21%".to_string(),
                Verdict::Supported,
                "(218,763 − 181,084) / 181,084 × 100 = +20.8%".to_string()
            )]
        );
    }

    #[test]
    fn figures_of_one_time_are_no_change_and_coarse_figures_no_operands() {
        // 114,000 and 101,000 are two nationalities in one year: no change between them.
        let got = arithmetic(
            "In 2023 Afghans lodged 114,000 applications, a decrease of 11% compared to 2022. Turkish nationals lodged 101,000 in 2023.",
            "2024-02-28",
        );
        assert!(got.is_empty(), "{got:?}");
        // "more than 2.2 million" and "2 million" fit too many ratios to confirm a 7% fall.
        let got = arithmetic(
            "Arrests topped 2 million in fiscal 2023, down 7% from more than 2.2 million in fiscal 2022.",
            "2023-10-21",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_share_is_found_against_its_whole() {
        let got = arithmetic(
            "Of the 9,753 Chinese nationals apprehended in fiscal 2023, 8,207 were single adults, or 84 percent.",
            "2023-05-18",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, Verdict::Supported);
        assert_eq!(got[0].2, "8,207 / 9,753 × 100 = 84.1%");
    }

    #[test]
    fn a_headline_change_is_found_in_the_next_paragraph_but_not_from_round_or_vague_figures() {
        let text = "Migrant arrivals up 50% in 2023\n\n\
                    155,754 landed up to Dec 29, up from 103,846 in 2022";
        let got = arithmetic_of(paragraphs_dated(text, "2023-12-30"));
        assert!(
            got.iter()
                .any(|(figure, verdict, _)| figure == "50%" && *verdict == Verdict::Supported),
            "{got:?}"
        );
        // A vague claim does not take operands from another paragraph.
        let text = "Arrivals rose by about half\n\n\
                    155,754 landed up to Dec 29, up from 103,846 in 2022";
        let got: Vec<String> = arithmetic_of(paragraphs_dated(text, "2023-12-30"))
            .into_iter()
            .map(|(figure, ..)| figure)
            .collect();
        assert!(!got.contains(&"about half".to_string()), "{got:?}");
    }

    #[test]
    fn n_fewer_than_a_figure_is_the_difference_from_another_figure() {
        let text = "Applications reached a total of 36,860 so far this year.\n\n\
                    There have been 26,576 fewer applications than the 63,436 registered a year earlier.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-06-21"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "26,576"
                    && *verdict == Verdict::Supported
                    && expression == "63,436 − 36,860 = 26,576"),
            "{got:?}"
        );
        // Letters whose lowercase is longer than they are do not shift the offsets.
        arithmetic(
            "There were 2,000 fewer İİİ arrivals than ééé 9,000 in 2022, after 7,000 in 2021.",
            "2024-06-21",
        );
        // A difference that no pair makes is no finding.
        let got = arithmetic(
            "There were 1,234 fewer arrivals than the 9,000 of 2022.",
            "2024-06-21",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
