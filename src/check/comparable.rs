//! The comparability rule, in one place: whether two statistics measure the same thing, used by
//! the dataset check and the cross-document check alike.
//!
//! Two statistics are compared only when their unit kind, kind of statistic (a level, a change, a
//! share), rate base, period (the same span, both whole or the same part), places and counting
//! agency agree. When both are clearly bound and something differs, the difference is named
//! ("five months of FY2023 against all of FY2023", "Panama's National Migration Service's count
//! against U.S. Border Patrol's") and the result is `not_comparable`; when a binding is uncertain
//! (no period, a period carried from another sentence) the result can only be `unverifiable`, and
//! when such a carried binding already differs, agreement confirms nothing either.
//! A comparison is `exact` (a contradiction may be called) only when the claim's period and
//! agency come from its own clause and nothing had to be guessed.

use super::arithmetic::direction_of;
use super::claim::CheckClaim;
use super::rules::{has_phrase, CheckRules};
use crate::bind::{population, Binding, Granularity, Period, PeriodSource};
use crate::figures::{Figure, Unit};

/// What kind of statistic a figure states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A quantity: "48,381 entries".
    Level,
    /// A change between two periods: "up 719 percent", "rose by 3,000".
    Change,
    /// A part of a whole: "84 percent of them were single adults".
    Share,
    /// A multiplier between two quantities: "ten times as many".
    Ratio,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Level => "a level",
            Kind::Change => "a change",
            Kind::Share => "a share of a total",
            Kind::Ratio => "a multiplier",
        }
    }
}

/// The kind of statistic a claim's figure states: a change when a change word is next to it
/// ("up 719 percent", "rose by 3,000"), a share for another percentage or fraction, a ratio for
/// a multiplier, else a level.
pub fn kind_of(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> Kind {
    if figure.unit == Unit::Multiplier {
        return Kind::Ratio;
    }
    if direction_of(claim, figure, rules).is_some() {
        return Kind::Change;
    }
    match figure.unit {
        Unit::Percent | Unit::Fraction | Unit::PercentagePoints => Kind::Share,
        _ => Kind::Level,
    }
}

/// A forecast, a target or a plan: a `forecast` word of the rules stands before the figure in its
/// clause (from the last comma, semicolon, colon or dash before it). "Earlier this year, SBP
/// Governor Jameel Ahmad had projected annual remittances would approach $38 billion in FY25, up
/// from $30.3 billion in FY24": $38 billion is a forecast, $30.3 billion is not.
///
/// Returns whether the figure forecasts, and whether it is surely a count (its sentence has no
/// forecast word anywhere).
pub fn forecasts(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> (bool, bool) {
    // The sentence is lower-cased once; with no forecast word in it, its clause has none either.
    let lower = claim.text.to_lowercase();
    let says = |phrases: &[String]| phrases.iter().any(|phrase| has_phrase(&lower, phrase));
    let counted = !says(&rules.forecast) && !says(&rules.forecast_context);
    if counted {
        return (false, true);
    }
    let start = figure.span.start.saturating_sub(claim.span.start);
    let Some(before) = claim.text.get(..start) else {
        return (false, counted);
    };
    let clause = before
        .rfind([',', ';', ':', '—', '–'])
        .map_or(before, |at| &before[at..]);
    (CheckRules::says(clause, &rules.forecast), counted)
}

/// One side of a comparison: a claim's figure, another document's figure, or a dataset cell.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub unit: Unit,
    pub kind: Kind,
    /// For a rate: its base (1,000,000 for "per million").
    pub per: Option<f64>,
    pub period: Option<&'a Period>,
    /// `None` for a dataset (its periods are exact by construction).
    pub period_source: Option<PeriodSource>,
    pub places: &'a [String],
    /// The peoples it counts, by nationality (`bind::population`); empty for a dataset.
    pub population: &'a [String],
    pub counted_by: Option<&'a str>,
    /// Who the agency came from: the figure's own clause (or a dataset's manifest).
    pub counted_by_in_clause: bool,
    /// A forecast, a target or a plan ([`forecasts`]), not a count of what happened.
    pub forecast: bool,
    /// Its sentence says nothing of a forecast anywhere ([`forecasts`]): a count.
    pub counted: bool,
}

impl<'a> Side<'a> {
    /// A figure's side from its binding.
    pub fn of_figure(
        unit: Unit,
        kind: Kind,
        per: Option<f64>,
        binding: &'a Binding,
        places: &'a [String],
    ) -> Side<'a> {
        Side {
            unit,
            kind,
            per,
            // The publication date alone says nothing about which period a figure counts.
            period: binding
                .period
                .as_ref()
                .filter(|_| binding.period_source != Some(PeriodSource::DocumentDate)),
            period_source: binding.period_source,
            places,
            population: &binding.population,
            counted_by: binding.counted_by.as_deref(),
            counted_by_in_clause: binding.counted_by_in_clause,
            forecast: false,
            counted: true,
        }
    }

    /// The same side, a forecast, a count, or neither for sure ([`forecasts`]).
    pub fn forecasting(self, (forecast, counted): (bool, bool)) -> Side<'a> {
        Side {
            forecast,
            counted,
            ..self
        }
    }

    /// The period is the figure's own (its clause, or a dataset's row).
    fn clearly_bound(&self) -> bool {
        self.period.is_some()
            && matches!(
                self.period_source,
                None | Some(PeriodSource::Clause) | Some(PeriodSource::Sentence)
            )
    }
}

/// The outcome of the rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparability {
    /// The same statistic. `exact`: every binding of the claim came from its own clause and no
    /// end was approximate, so a disagreement is a finding.
    Same { exact: bool },
    /// Both clearly bound, and they measure different things: what differs.
    Different(String),
    /// They differ, but a binding is uncertain (a period carried from another sentence): what
    /// differs. Never a finding, and never a confirmation either: two figures of different
    /// periods that happen to agree do not confirm each other.
    UnlikeUncertain(String),
    /// A binding is missing: what is missing.
    Uncertain(String),
}

/// The rule (see the module documentation). `claim` is the figure being checked, `evidence` what
/// it is compared with.
pub fn compare(claim: &Side, evidence: &Side) -> Comparability {
    if claim.unit != evidence.unit {
        return Comparability::Different(format!(
            "{} against {}",
            unit_name(claim.unit),
            unit_name(evidence.unit)
        ));
    }
    if claim.kind != evidence.kind {
        return Comparability::Different(format!(
            "{} against {}",
            claim.kind.name(),
            evidence.kind.name()
        ));
    }
    // "had projected annual remittances would approach $38 billion in FY25" against "a record
    // high of $38.3 billion in fiscal year 2025": a forecast is not the count it forecast.
    // Only a forecast against a figure whose sentence forecasts nothing: a forecast word
    // elsewhere in a sentence may still be about its figure.
    if claim.forecast && evidence.counted {
        return Comparability::Different("a forecast or target against a count".into());
    }
    if evidence.forecast && claim.counted {
        return Comparability::Different("a count against a forecast or target".into());
    }
    if claim.unit == Unit::Rate
        && claim.per.is_some()
        && evidence.per.is_some()
        && claim.per != evidence.per
    {
        return Comparability::Different("rates per different bases".into());
    }
    let both_bound = claim.clearly_bound() && evidence.clearly_bound();
    let mut exact = claim.period_source == Some(PeriodSource::Clause);
    match (claim.period, evidence.period) {
        (Some(one), Some(other)) => match same_period(one, other) {
            PeriodMatch::Same => {}
            PeriodMatch::Nearly => exact = false,
            PeriodMatch::Different => {
                let difference = format!("{} against {}", describe(one), describe(other));
                return if both_bound {
                    Comparability::Different(difference)
                } else {
                    Comparability::UnlikeUncertain(format!(
                        "{difference}, but the period of one is not written beside its figure"
                    ))
                };
            }
        },
        (None, _) => return Comparability::Uncertain("the claim names no period".into()),
        (_, None) => return Comparability::Uncertain("the evidence names no period".into()),
    }
    let same_places = shares_a_place(claim.places, evidence.places);
    if let Some(difference) = place_difference(claim.places, evidence.places, |_| false) {
        return if both_bound {
            Comparability::Different(difference)
        } else {
            Comparability::UnlikeUncertain(difference)
        };
    }
    // "24 percent" of Egyptian workers and "23.7%" of Indian ones: one value, two statistics.
    if let Some(difference) = population::difference(claim.population, evidence.population) {
        return if both_bound {
            Comparability::Different(difference)
        } else {
            Comparability::UnlikeUncertain(difference)
        };
    }
    let same_agency = match (claim.counted_by, evidence.counted_by) {
        (Some(one), Some(other)) if one != other => {
            let difference = format!("{one}'s count against {other}'s");
            return if claim.counted_by_in_clause && evidence.counted_by_in_clause {
                Comparability::Different(difference)
            } else {
                Comparability::UnlikeUncertain(difference)
            };
        }
        (Some(_), Some(_)) => true,
        _ => false,
    };
    // A disagreement is a finding only when something ties the two to one population: the same
    // counting agency, or the same places, named on both sides.
    Comparability::Same {
        exact: exact && (same_agency || same_places),
    }
}

enum PeriodMatch {
    Same,
    /// The same start, and ends a month apart where one end is only the publication date.
    Nearly,
    Different,
}

fn same_period(one: &Period, other: &Period) -> PeriodMatch {
    // A point in time ("as of June 2023") and a span are different statistics (a stock against
    // a flow) unless they are the same month.
    if one.start == other.start && one.end == other.end {
        return if one.approximate_end || other.approximate_end {
            PeriodMatch::Nearly
        } else {
            PeriodMatch::Same
        };
    }
    let approximate = one.approximate_end || other.approximate_end;
    let point = one.granularity == Granularity::Point || other.granularity == Granularity::Point;
    // A whole year is never nearly a part of it ("at this stage in 2022", written in November,
    // against all of 2022).
    let whole = |period: &Period| {
        !period.partial
            && matches!(
                period.granularity,
                Granularity::Year | Granularity::FiscalYear
            )
    };
    if approximate
        && !point
        && !whole(one)
        && !whole(other)
        && one.start == other.start
        && (one.end.index() - other.end.index()).abs() <= 1
    {
        return PeriodMatch::Nearly;
    }
    PeriodMatch::Different
}

/// A period as the explanation names it: "all of 2022", "all of FY2023", "5 months (2022-10 to
/// 2023-02, part of FY2023)", "one month (2023-04)", "2023-06".
pub fn describe(period: &Period) -> String {
    match period.granularity {
        Granularity::Year | Granularity::FiscalYear if !period.partial => {
            format!("all of {}", period.name())
        }
        Granularity::Point => period.start.to_string(),
        Granularity::Years => format!("{} to {}", period.start.year(), period.end.year()),
        Granularity::Decade => format!("the {}s", period.start.year()),
        Granularity::Month => format!("one month ({})", period.start),
        _ => {
            let months = period.months();
            let span = format!("{} to {}", period.start, period.end);
            let part = match (&period.part_of, period.partial) {
                (Some(part_of), true) => format!(", part of {part_of}"),
                _ => String::new(),
            };
            if months == 12 && !period.partial {
                format!("one year ({span})")
            } else if months % 12 == 0 && !period.partial {
                format!("{} years ({span})", months / 12)
            } else {
                let plural = if months == 1 { "" } else { "s" };
                format!("{months} month{plural} ({span}{part})")
            }
        }
    }
}

/// How the claim's places differ from the evidence's ("Canary Islands against United States"),
/// when both name places and no place of the claim is one of the evidence's, under any of its
/// names, or one the evidence holds otherwise (`held`: a dataset's own entity, "Heilongjiang").
pub fn place_difference(
    claim: &[String],
    evidence: &[String],
    held: impl Fn(&str) -> bool,
) -> Option<String> {
    if claim.is_empty() || evidence.is_empty() || shares_a_place(claim, evidence) {
        return None;
    }
    if claim.iter().any(|place| held(place)) {
        return None;
    }
    Some(format!(
        "{} against {}",
        claim.join(", "),
        evidence.join(", ")
    ))
}

/// Whether the two lists name one place, under any of its names ("U.S." and "United States").
fn shares_a_place(one: &[String], other: &[String]) -> bool {
    let lexicon = crate::figures::lexicon();
    one.iter().any(|place| {
        other
            .iter()
            .any(|another| lexicon.same_place(place, another))
    })
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Count => "a count",
        Unit::Percent => "a percentage",
        Unit::PercentagePoints => "percentage points",
        Unit::Money => "an amount of money",
        Unit::Rate => "a rate",
        Unit::Multiplier => "a multiplier",
        Unit::Fraction => "a fraction",
        _ => "another unit",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bind::Month;

    fn side<'a>(period: &'a Period, source: PeriodSource, agency: Option<&'a str>) -> Side<'a> {
        Side {
            unit: Unit::Count,
            kind: Kind::Level,
            per: None,
            period: Some(period),
            period_source: Some(source),
            places: &[],
            population: &[],
            counted_by: agency,
            counted_by_in_clause: agency.is_some(),
            forecast: false,
            counted: true,
        }
    }

    /// The kind of each figure of `text`, as `(figure, kind)`.
    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let document = crate::check::claim::tests::document_dated(text, "2024-07-30");
        let rules = CheckRules::builtin().unwrap();
        crate::check::claim::claims_of(&document)
            .iter()
            .flat_map(|claim| {
                claim
                    .figures
                    .iter()
                    .map(|figure| (figure.text.clone(), kind_of(claim, figure, &rules)))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_count_followed_by_more_is_a_rise_unless_something_counted_follows() {
        let got = kinds(
            "The highest increases were recorded in Austria (500 more, or +120%) and 200 more \
             than in 2021. In September, EU accepted nearly 80,000 more refugees from Ukraine.",
        );
        assert!(got.contains(&("500".to_string(), Kind::Change)), "{got:?}");
        assert!(got.contains(&("200".to_string(), Kind::Change)), "{got:?}");
        assert!(
            got.contains(&("nearly 80,000".to_string(), Kind::Level)),
            "{got:?}"
        );
    }

    #[test]
    fn made_up_is_no_rise_and_a_comparative_before_than_bounds_the_next_number() {
        let got = kinds(
            "Girls made up 16% of the unaccompanied minors. In December, when arrests reached \
             an all-time high of 250,000, Mexicans made up fewer than 1 in 4.",
        );
        assert!(got.contains(&("16%".to_string(), Kind::Share)), "{got:?}");
        assert!(
            got.contains(&("250,000".to_string(), Kind::Level)),
            "{got:?}"
        );
        // A change word that is the figure's own still makes a change.
        let got = kinds("Arrests rose 16% in June.");
        assert!(got.contains(&("16%".to_string(), Kind::Change)), "{got:?}");
    }

    #[test]
    fn a_part_is_not_the_whole() {
        let whole = Period::fiscal_year(2023, 10);
        let part = whole.first_months(5);
        let got = compare(
            &side(&part, PeriodSource::Clause, None),
            &side(&whole, PeriodSource::Clause, None),
        );
        assert_eq!(
            got,
            Comparability::Different(
                "5 months (2022-10 to 2023-02, part of FY2023) against all of FY2023".into()
            )
        );
        // Carried from another sentence: uncertain, never a finding.
        let got = compare(
            &side(&part, PeriodSource::Passage, None),
            &side(&whole, PeriodSource::Clause, None),
        );
        assert!(matches!(got, Comparability::UnlikeUncertain(_)), "{got:?}");
    }

    #[test]
    fn same_binding_is_the_same_statistic() {
        let one = Period::calendar_year(2022);
        let got = compare(
            &side(&one, PeriodSource::Clause, None),
            &side(&one, PeriodSource::Clause, None),
        );
        // Nothing ties the two to one population: the same, but no contradiction can follow.
        assert_eq!(got, Comparability::Same { exact: false });
        let agency = Some("U.S. Border Patrol");
        let got = compare(
            &side(&one, PeriodSource::Clause, agency),
            &side(&one, PeriodSource::Clause, agency),
        );
        assert_eq!(got, Comparability::Same { exact: true });
        let got = compare(
            &side(&one, PeriodSource::Sentence, None),
            &side(&one, PeriodSource::Clause, None),
        );
        assert_eq!(got, Comparability::Same { exact: false });
        let month = Period::month(Month::new(2023, 4));
        let got = compare(
            &side(&month, PeriodSource::Clause, None),
            &side(
                &Period::calendar_year(2023).first_months(5),
                PeriodSource::Clause,
                None,
            ),
        );
        assert_eq!(
            got,
            Comparability::Different(
                "one month (2023-04) against 5 months (2023-01 to 2023-05, part of 2023)".into()
            )
        );
    }

    #[test]
    fn agencies_and_kinds_must_agree() {
        let one = Period::calendar_year(2023);
        let got = compare(
            &side(
                &one,
                PeriodSource::Clause,
                Some("Panama's National Migration Service"),
            ),
            &side(&one, PeriodSource::Clause, Some("U.S. Border Patrol")),
        );
        assert_eq!(
            got,
            Comparability::Different(
                "Panama's National Migration Service's count against U.S. Border Patrol's".into()
            )
        );
        let mut change = side(&one, PeriodSource::Clause, None);
        change.unit = Unit::Percent;
        change.kind = Kind::Change;
        let mut share = change.clone();
        share.kind = Kind::Share;
        assert_eq!(
            compare(&change, &share),
            Comparability::Different("a change against a share of a total".into())
        );
    }

    #[test]
    fn one_place_under_two_names_is_one_place() {
        let year = Period::calendar_year(2024);
        let us = ["U.S.".to_string()];
        let united_states = ["United States".to_string()];
        let mexico = ["Mexico".to_string()];
        let mut one = side(&year, PeriodSource::Clause, None);
        one.places = &us;
        let mut other = side(&year, PeriodSource::Clause, None);
        other.places = &united_states;
        // The same places named on both sides tie the two to one population.
        assert_eq!(compare(&one, &other), Comparability::Same { exact: true });
        other.places = &mexico;
        assert_eq!(
            compare(&one, &other),
            Comparability::Different("U.S. against Mexico".into())
        );
    }

    #[test]
    fn a_place_the_evidence_holds_otherwise_is_no_difference() {
        let canaries = ["Canaries".to_string()];
        let heilongjiang = ["Heilongjiang".to_string()];
        let china = ["China".to_string()];
        let none = |_: &str| false;
        assert_eq!(
            place_difference(&canaries, &china, none),
            Some("Canaries against China".into())
        );
        // A province the table lists as an entity is inside the table's China.
        assert_eq!(
            place_difference(&heilongjiang, &china, |place| place == "Heilongjiang"),
            None
        );
        // A claim naming no place, or evidence naming none, differs in nothing said.
        assert_eq!(place_difference(&[], &china, none), None);
        assert_eq!(place_difference(&canaries, &[], none), None);
    }
}
