//! The verdict rule, in one place: how a claimed interval and the evidence's interval decide
//! `supported`, `close`, `contradicted`, `not_comparable` or `unverifiable`.
//!
//! 1. The evidence measures something else (a definition, scope or period conflict) →
//!    `not_comparable` when the claim's own sentence names the measure, the period and an entity;
//!    otherwise (a stray number, a period carried from another sentence) → `unverifiable`,
//!    naming the candidate.
//! 2. The claim's interval `[low, high]` (see `figures::interval::bounds`) and the evidence's
//!    interval (its value ± the source's rounding) overlap → `supported`.
//!    An open interval is closed first: "more than v" at 2v, "less than v" at 0.
//! 3. The gap between them is at most what a reader forgives → `close`. Forgiven: one more
//!    rounding step of the claim (its interval's half-width), and 2 % of the evidence value (5 %
//!    when the dataset says it is revised, so an article may have seen another vintage).
//! 4. A larger gap with a weak match (the claim does not name the measure, entity or period
//!    itself, or its period is not written in its own clause: `comparable`) → `unverifiable`,
//!    naming the candidate.
//! 5. A larger gap from a revised dataset → `not_comparable` (another vintage) when within a
//!    quarter of the value, else `unverifiable` (no revision moves a figure that far).
//! 6. Otherwise `contradicted`, with the relative difference.

use serde::{Deserialize, Serialize};

use super::{CheckClaim, CheckResult, Evidence, Method};
use crate::datasets::text::format_number;
use crate::figures::Figure;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Close,
    Contradicted,
    NotComparable,
    Unverifiable,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Supported,
        Verdict::Close,
        Verdict::Contradicted,
        Verdict::NotComparable,
        Verdict::Unverifiable,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Close => "close",
            Verdict::Contradicted => "contradicted",
            Verdict::NotComparable => "not_comparable",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    pub fn parse(name: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|verdict| verdict.name() == name.replace('-', "_"))
    }

    /// The ClaimReview rating (1 false … 5 true; see docs/check.md).
    pub fn rating(self) -> u8 {
        match self {
            Verdict::Supported => 5,
            Verdict::Close => 4,
            Verdict::NotComparable | Verdict::Unverifiable => 3,
            Verdict::Contradicted => 1,
        }
    }
}

/// What one comparison knows: the claim's interval, the evidence's interval, and how sure the
/// match is.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub claim_value: f64,
    pub claim_low: Option<f64>,
    pub claim_high: Option<f64>,
    pub expected: f64,
    pub expected_low: f64,
    pub expected_high: f64,
    /// The claim names the measure, entity and period itself.
    pub strong: bool,
    /// The claim's own sentence names the measure, the period and an entity (other dimensions
    /// may be defaulted totals): enough for a definition conflict to be a finding (rule 1).
    pub named: bool,
    /// The dataset says its values are revised (another vintage may differ).
    pub revisable: bool,
    /// A definition conflict, in words.
    pub conflict: Option<String>,
    /// The claim's period and agency were read from its own clause and nothing was guessed (see
    /// `comparable`): required for `contradicted`.
    pub exact: bool,
    /// A level count or amount: evidence more than twice or less than half the claim is taken
    /// for another statistic (another period or scope the text did not make plain), not an
    /// error in the claim.
    pub magnitude_guard: bool,
    /// For a figure stating a change: the direction it states (+1 a rise, −1 a fall). The
    /// claim's interval is then signed (a fall of 30% is −30).
    pub change: Option<f64>,
}

impl Comparison {
    /// A claim interval against an exact value known to ± `half_step`.
    pub fn new(
        figure_interval: (f64, Option<f64>, Option<f64>),
        expected: (f64, f64, f64),
    ) -> Self {
        Comparison {
            claim_value: figure_interval.0,
            claim_low: figure_interval.1,
            claim_high: figure_interval.2,
            expected: expected.0,
            expected_low: expected.1.min(expected.2),
            expected_high: expected.1.max(expected.2),
            strong: true,
            named: true,
            revisable: false,
            conflict: None,
            exact: true,
            magnitude_guard: false,
            change: None,
        }
    }

    /// The claim's interval closed for comparison: "more than v" is taken as at most 2v and
    /// "less than v" as at least 0 (for a positive v), so "more than 15,000" never supports
    /// 15 million.
    pub fn claim_bounds(&self) -> (f64, f64) {
        let value = self.claim_value;
        let low = self
            .claim_low
            .unwrap_or(if value > 0.0 { 0.0 } else { 2.0 * value });
        let high = self
            .claim_high
            .unwrap_or(if value > 0.0 { 2.0 * value } else { 0.0 });
        (low, high)
    }

    /// The gap between the two intervals (0 when they overlap).
    pub fn gap(&self) -> f64 {
        let (low, high) = self.claim_bounds();
        if self.expected_high < low {
            low - self.expected_high
        } else if self.expected_low > high {
            self.expected_low - high
        } else {
            0.0
        }
    }

    /// What a reader forgives beyond the claim's interval (rule 3).
    pub fn forgiven(&self) -> f64 {
        let half_width = match (self.claim_low, self.claim_high) {
            (Some(low), Some(high)) => (high - low) / 2.0,
            _ => self.claim_value.abs() * 0.01,
        };
        let share = if self.revisable { 0.05 } else { 0.02 };
        half_width.max(self.expected.abs() * share)
    }

    /// Rule 4 for levels under `magnitude_guard`: the evidence is more than twice or less than
    /// half the claim (a month against a year, one route against all of them). Sizes are
    /// compared, so a fall of 20% against a computed fall of 99.99% (a count of 12 read as the
    /// new level) is as implausible as a rise would be.
    pub fn implausible(&self) -> bool {
        if !self.magnitude_guard || self.claim_value == 0.0 || self.expected == 0.0 {
            return false;
        }
        let ratio = self.claim_value.abs() / self.expected.abs();
        !(0.5..=2.0).contains(&ratio)
    }

    /// The claim is a change in direction `sign` (its interval is already signed).
    pub fn stating_change(mut self, sign: f64) -> Self {
        self.change = Some(sign);
        self
    }

    /// (claimed − expected) / |expected| on the quantity the claim states, if the expected value
    /// is not zero. For a level that is the value; for a change it is the size of the change in
    /// the claimed direction: "losing 30%" against a 10.06% fall is (30 − 10.06) / 10.06 =
    /// +198.2% (the claimed fall is about three times the real one), against a 5% rise
    /// (30 − (−5)) / 5 = +700%.
    pub fn difference(&self) -> Option<f64> {
        let sign = self.change.unwrap_or(1.0);
        (self.expected != 0.0)
            .then(|| sign * (self.claim_value - self.expected) / self.expected.abs())
    }
}

/// The rule (see the module documentation).
pub fn decide(comparison: &Comparison) -> Verdict {
    if comparison.conflict.is_some() {
        // A conflict read off a weak match (the claim's own sentence does not name the measure,
        // entity and period) says nothing about the claim: it may be a stray number.
        return if comparison.named {
            Verdict::NotComparable
        } else {
            Verdict::Unverifiable
        };
    }
    let gap = comparison.gap();
    if gap <= 0.0 {
        Verdict::Supported
    } else if gap <= comparison.forgiven() {
        Verdict::Close
    } else if !comparison.strong || !comparison.exact || comparison.implausible() {
        Verdict::Unverifiable
    } else if comparison.revisable && gap <= comparison.expected.abs() * 0.25 {
        Verdict::NotComparable
    } else if comparison.revisable {
        Verdict::Unverifiable
    } else {
        Verdict::Contradicted
    }
}

/// The figure's interval as `(value, low, high)`, with a signed value for a change downward.
pub fn claim_interval(figure: &Figure) -> (f64, Option<f64>, Option<f64>) {
    (figure.value, figure.low, figure.high)
}

/// A plain sentence for a verdict: "supported: 49 percent is within …".
pub fn sentence(verdict: Verdict, claimed: &str, comparison: &Comparison, against: &str) -> String {
    // A change is said in words: "a fall of 10.06", not "-10.06".
    let expected = match comparison.change {
        Some(_) if comparison.expected < 0.0 => {
            format!("a fall of {}", format_number(-comparison.expected))
        }
        Some(_) if comparison.expected > 0.0 => {
            format!("a rise of {}", format_number(comparison.expected))
        }
        _ => format_number(comparison.expected),
    };
    let percent = comparison
        .difference()
        .map(|difference| format!("{:+.1}%", difference * 100.0))
        .unwrap_or_default();
    match verdict {
        Verdict::Supported => format!("{against} gives {expected}, which {claimed} fits."),
        Verdict::Close => format!(
            "{against} gives {expected}; {claimed} is off by {percent}, within the rounding or revision a reader would forgive."
        ),
        Verdict::Contradicted => format!(
            "{against} gives {expected}, not {claimed} (the claim is off by {percent})."
        ),
        Verdict::NotComparable => format!(
            "{against} gives {expected}, but it does not measure the same thing: {}.",
            comparison
                .conflict
                .as_deref()
                .unwrap_or("the dataset is a revised vintage, so an article may have used other figures")
        ),
        Verdict::Unverifiable => match &comparison.conflict {
            Some(conflict) => format!(
                "{against} gives {expected}, the nearest candidate, but it may measure something else ({conflict}) and the claim does not name the measure, place and period clearly enough to compare {claimed} with it."
            ),
            None if comparison.implausible() => format!(
                "{against} gives {expected}, the nearest candidate, but it is too far from {claimed} ({percent}) to be the same statistic: likely another period, place or scope."
            ),
            None => format!(
                "{against} gives {expected}, but the claim does not name the measure, place and period clearly enough to call {claimed} wrong."
            ),
        },
    }
}

/// The result for a figure nothing could be compared with.
pub fn unverifiable(claim: &CheckClaim, figure: &Figure, nearest: Option<String>) -> CheckResult {
    let explanation = match &nearest {
        Some(nearest) => format!(
            "No dataset row fits {}; the nearest candidate is {nearest}.",
            figure.text
        ),
        None => format!("No dataset row fits {}.", figure.text),
    };
    CheckResult {
        claim: claim.claim_for(figure).clone(),
        figure: figure.clone(),
        method: Method::Dataset,
        verdict: Verdict::Unverifiable,
        expected: None,
        difference: None,
        change: None,
        evidence: Evidence::None { nearest },
        binding: None,
        explanation,
        review: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(claim: (f64, f64, f64), expected: f64) -> Comparison {
        Comparison::new(
            (claim.0, Some(claim.1), Some(claim.2)),
            (expected, expected, expected),
        )
    }

    #[test]
    fn inside_is_supported_and_a_small_miss_is_close() {
        assert_eq!(
            decide(&compare((49.0, 48.5, 49.5), 49.2)),
            Verdict::Supported
        );
        assert_eq!(decide(&compare((48.0, 47.5, 48.5), 48.9)), Verdict::Close);
    }

    #[test]
    fn a_clear_miss_is_contradicted_only_when_strong_and_comparable() {
        let mut comparison = compare((-30.0, -30.5, -29.5), -10.1);
        assert_eq!(decide(&comparison), Verdict::Contradicted);
        comparison.revisable = true;
        // No revision moves a figure by two thirds: too far to blame on the vintage.
        assert_eq!(decide(&comparison), Verdict::Unverifiable);
        let mut vintage = compare((13245.0, 13244.5, 13245.5), 12000.0);
        vintage.revisable = true;
        assert_eq!(decide(&vintage), Verdict::NotComparable);
        comparison.revisable = false;
        comparison.strong = false;
        assert_eq!(decide(&comparison), Verdict::Unverifiable);
        comparison.strong = true;
        comparison.conflict = Some("another scope".into());
        assert_eq!(decide(&comparison), Verdict::NotComparable);
        // A conflict on a weak match (a stray number, a period carried from elsewhere) is no
        // finding about the claim.
        comparison.named = false;
        assert_eq!(decide(&comparison), Verdict::Unverifiable);
    }

    #[test]
    fn a_change_differs_by_its_size_in_the_claimed_direction() {
        // "losing 30%": the claim interval is signed, the difference is on the size of the fall.
        let fall = Comparison::new((-30.0, Some(-30.5), Some(-29.5)), (-10.06, -10.06, -10.06))
            .stating_change(-1.0);
        let difference = fall.difference().unwrap();
        assert!((difference - 1.982).abs() < 0.001, "{difference}");
        let wrong_way = Comparison::new((-30.0, Some(-30.5), Some(-29.5)), (5.0, 5.0, 5.0))
            .stating_change(-1.0);
        assert!((wrong_way.difference().unwrap() - 7.0).abs() < 1e-9);
        let rise = Comparison::new((49.0, Some(48.5), Some(49.5)), (49.31, 49.31, 49.31))
            .stating_change(1.0);
        assert!((rise.difference().unwrap() + 0.0063).abs() < 0.0001);
    }

    #[test]
    fn a_change_far_from_its_computed_size_is_another_relation_either_way() {
        // "fell 20%" against a computed fall of 99.99% (the relation read a small count as the
        // new level): too far to be the same relation, so never contradicted.
        let mut fall = Comparison::new((-20.0, Some(-20.5), Some(-19.5)), (-99.99, -99.99, -99.99))
            .stating_change(-1.0);
        fall.magnitude_guard = true;
        assert!(fall.implausible());
        assert_eq!(decide(&fall), Verdict::Unverifiable);
        // A fall of 30% against a computed fall of 25%: the same relation, so a finding.
        let mut near = Comparison::new((-30.0, Some(-30.5), Some(-29.5)), (-25.0, -25.0, -25.0))
            .stating_change(-1.0);
        near.magnitude_guard = true;
        assert!(!near.implausible());
        assert_eq!(decide(&near), Verdict::Contradicted);
    }

    #[test]
    fn verdict_names_round_trip() {
        for verdict in Verdict::ALL {
            assert_eq!(Verdict::parse(verdict.name()), Some(verdict));
        }
        assert_eq!(
            Verdict::parse("not-comparable"),
            Some(Verdict::NotComparable)
        );
        assert_eq!(Verdict::parse("maybe"), None);
    }
}
