//! Across documents: the same statistic cited in two documents (same unit, the same counted words
//! right after the figure) is compared. Agreeing within the stated precision is `supported`; a
//! different definition (another age band, Border Patrol against all of CBP, a fiscal against a
//! calendar year) is `not_comparable`; a clear disagreement on a strong match is `contradicted`
//! and names both passages.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::arithmetic::{around, changes_alike};
use super::claim::{is_checkable, CheckClaim};
use super::comparable::{compare, forecasts, kind_of, Comparability, Kind, Side};
use super::rules::CheckRules;
use super::verdict::{decide, sentence, Comparison, Verdict};
use super::{CheckResult, CrossEvidence, Evidence, Method, OtherClaim};
use crate::bind::{Binding, PeriodSource};
use crate::figures::{Figure, Qualifier, RangeKind, Unit};
use crate::index::analyzer;

/// Content words shared right after both figures for them to count as one statistic.
const MIN_SHARED: usize = 2;
/// Words a round percent must share with a nearest statistic written with another value.
const MIN_SHARED_ROUND: usize = 3;
/// How far apart (relative) two precise citations of one statistic may be and still be one
/// statistic revised or copied from another release.
const REVISION: f64 = 0.001;
/// Bytes before a figure read for what it counts when two citations are matched by value.
const WIDER_BEFORE: usize = 40;
/// Shared words for a disagreement to be called `contradicted` rather than left alone.
const STRONG_SHARED: usize = 3;

struct Cited<'a> {
    claim: &'a CheckClaim,
    figure: &'a Figure,
    words: BTreeSet<String>,
    band: Option<(f64, f64)>,
    binding: Binding,
    kind: Kind,
    /// A forecast, a target or a plan, and surely a count ([`forecasts`]).
    forecast: (bool, bool),
}

impl Cited<'_> {
    /// The content words of the figure's window and of the clause a little further before it
    /// ("border encounters totaled 2,475,669"), for telling what a figure counts. Read only for
    /// the few citations matched by value.
    fn wider_words(&self, rules: &CheckRules) -> BTreeSet<String> {
        let (claim, figure) = (self.claim, self.figure);
        let start = figure.span.start.saturating_sub(claim.span.start);
        let end = figure.span.end.saturating_sub(claim.span.start);
        // Whole words only: a window cut inside "figure" would read "igure".
        let before = around(&claim.text, start.saturating_sub(WIDER_BEFORE), start);
        let cut_word = start > WIDER_BEFORE
            && claim
                .text
                .get(..start - before.len())
                .is_some_and(|head| head.ends_with(char::is_alphanumeric));
        let before = if cut_word {
            before
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest)
        } else {
            before
        };
        let wider = format!(
            "{} {}",
            before,
            around(&claim.text, end, window(claim, figure).1)
        );
        words(&wider, rules)
    }

    fn side(&self) -> Side<'_> {
        Side::of_figure(
            self.figure.unit,
            self.kind,
            self.figure.per,
            &self.binding,
            &self.figure.places,
        )
        .forecasting(self.forecast)
    }
}

/// Every cross-document result, one per figure that has a counterpart in another document: the
/// same precise figure cited elsewhere, a rounded citation of it, a revised value of it, and last
/// the nearest statistic by the words around both figures. A figure confirmed by one pass is not
/// read by the later ones.
pub fn check_claims(claims: &[CheckClaim], rules: &CheckRules) -> Vec<CheckResult> {
    let cited = cite(claims, rules);
    let mut confirmed: BTreeSet<usize> = BTreeSet::new();
    let mut results = equal_citations(&cited, rules, &mut confirmed);
    results.extend(rounded_citations(&cited, rules, &mut confirmed));
    results.extend(revised_citations(&cited, &mut confirmed));
    let released = one_release_citations(&cited, &results, rules, &mut confirmed);
    results.extend(released);
    results.extend(nearest_statistics(&cited, &confirmed));
    let restated = restatements(&cited, &results);
    results.extend(restated);
    results
}

/// "Net migration to UK hits 672,000" over "… net migration stood at a provisional 672,000 in
/// the year to June 2023": a figure written again in its own document (the same unit and
/// value as written, three significant digits or more, the same kind, no binding that differs)
/// restates it, so a statistic another document confirms is confirmed in its restatements
/// too, with the same citations named. Only `supported` results are passed on.
fn restatements(cited: &[Cited], results: &[CheckResult]) -> Vec<CheckResult> {
    // Each document's citations, and the figures that already have a result: looked up per
    // result, not searched through the whole corpus.
    let mut by_doc: HashMap<&str, Vec<&Cited>> = HashMap::new();
    for one in cited {
        by_doc.entry(one.claim.doc.as_str()).or_default().push(one);
    }
    let mut has_result: BTreeSet<(&str, usize, usize)> = results
        .iter()
        .map(|result| {
            let span = result.figure.span;
            (result.claim.doc.as_str(), span.start, span.end)
        })
        .collect();
    let mut restated: Vec<CheckResult> = Vec::new();
    for result in results
        .iter()
        .filter(|result| result.verdict == Verdict::Supported)
    {
        let Some(own) = by_doc.get(result.claim.doc.as_str()) else {
            continue;
        };
        let Some(stated) = own.iter().find(|one| one.figure.span == result.figure.span) else {
            continue;
        };
        for again in own.iter().filter(|again| {
            again.figure.span != stated.figure.span
                && again.figure.unit == stated.figure.unit
                && again.figure.currency == stated.figure.currency
                && (again.figure.value - stated.figure.value).abs() < 0.5
                && again.figure.significant_digits() >= 3
                && written_alike(again.figure, stated.figure)
                && !matches!(
                    compare(&again.side(), &stated.side()),
                    Comparability::Different(_) | Comparability::UnlikeUncertain(_)
                )
        }) {
            let span = again.figure.span;
            if !has_result.insert((again.claim.doc.as_str(), span.start, span.end)) {
                continue;
            }
            let mut copy = result.clone();
            copy.claim = again.claim.claim_for(again.figure).clone();
            copy.figure = again.figure.clone();
            copy.explanation = format!(
                "{} restates line {} of its document (\"{}\"): {}",
                again.figure.text, stated.claim.line, stated.figure.text, result.explanation
            );
            restated.push(copy);
        }
    }
    restated
}

/// Every checkable figure of the claims with what matching it to another needs: the content
/// words around it, its band, its binding and the kind of statistic.
fn cite<'a>(claims: &'a [CheckClaim], rules: &CheckRules) -> Vec<Cited<'a>> {
    claims
        .iter()
        .flat_map(|claim| {
            claim
                .figures
                .iter()
                .filter(|figure| is_checkable(figure) && figure.unit != Unit::Multiplier)
                // A vague plural ("tens of thousands") is no statistic to compare.
                .filter(|figure| figure.text.chars().any(|ch| ch.is_ascii_digit()))
                .map(move |figure| (claim, figure))
        })
        .map(|(claim, figure)| {
            let window = window(claim, figure);
            let start = figure.span.start.saturating_sub(claim.span.start);
            let end = figure.span.end.saturating_sub(claim.span.start);
            let context = format!(
                "{} {}",
                around(&claim.text, window.0, start),
                around(&claim.text, end, window.1)
            );
            Cited {
                claim,
                figure,
                words: words(&context, rules),
                band: band(claim, window),
                binding: claim.binding_of(figure).cloned().unwrap_or_default(),
                kind: kind_of(claim, figure, rules),
                forecast: forecasts(claim, figure, rules),
            }
        })
        .collect()
}

fn equal_citations(
    cited: &[Cited],
    rules: &CheckRules,
    confirmed: &mut BTreeSet<usize>,
) -> Vec<CheckResult> {
    let mut results = Vec::new();
    // The same precise figure ("54,833", four significant digits or more) cited in other documents
    // with a binding that does not differ: one statistic, confirmed by each other citation.
    // Citations grouped by unit and value, so each figure meets only its equals (linear, not a
    // pass over every other figure of the corpus).
    let mut by_value: HashMap<(Unit, i64), Vec<usize>> = HashMap::new();
    for (idx, one) in cited.iter().enumerate() {
        if distinctive(one.figure) {
            by_value
                .entry((one.figure.unit, one.figure.value.round() as i64))
                .or_default()
                .push(idx);
        }
    }
    for (idx, one) in cited.iter().enumerate() {
        if !distinctive(one.figure) {
            continue;
        }
        let equals = by_value
            .get(&(one.figure.unit, one.figure.value.round() as i64))
            .map_or(&[][..], Vec::as_slice);
        // Two unrelated statistics may share four digits by chance ("6,225 subsequent
        // applicants" in the EU, "6,225 people are detained" in Louisiana): both bindings
        // agree, or a word of what is counted is shared.
        let same = confirmations(one, equals.iter().map(|other| &cited[*other]), |other| {
            (other.figure.value - one.figure.value).abs() < 0.5
                && !matches!(
                    compare(&one.side(), &other.side()),
                    Comparability::Different(_)
                )
                && ((alike(one, other) && alike(other, one))
                    || one
                        .wider_words(rules)
                        .intersection(&other.wider_words(rules))
                        .next()
                        .is_some())
        });
        if !same.is_empty() {
            confirmed.insert(idx);
            results.push(confirmed_result(one, &same));
        }
    }
    results
}

fn rounded_citations(
    cited: &[Cited],
    rules: &CheckRules,
    confirmed: &mut BTreeSet<usize>,
) -> Vec<CheckResult> {
    let mut results = Vec::new();
    // A rounded citation of the same statistic ("2.48 million" for 2,475,669): the other value lies
    // in this figure's interval and both bindings agree exactly (period from each clause, the
    // same agency or place named on both sides). Citations sorted by value, so each figure meets
    // only the values inside its interval.
    let mut by_size: Vec<usize> = (0..cited.len()).collect();
    by_size.sort_by(|a, b| cited[*a].figure.value.total_cmp(&cited[*b].figure.value));
    for &idx in &by_size {
        if confirmed.contains(&idx) {
            continue;
        }
        let one = &cited[idx];
        // "more than 302,000" stands for 302,000 to 303,000 here (a citation rounds down), when
        // it has three significant digits or more ("over 100,000" is not one statistic).
        let one_sided = one.figure.low.is_none() || one.figure.high.is_none();
        if one_sided && one.figure.significant_digits() < 3 {
            continue;
        }
        let Some((low, high)) = one.figure.written_bounds() else {
            continue;
        };
        let in_interval = valued_between(&by_size, cited, low, high);
        let same = confirmations(one, in_interval, |other| {
            let exact = Comparability::Same { exact: true };
            // Exactly alike (each period from its clause, one agency or place named on both
            // sides), or: both with three significant digits or more, both periods from their
            // own clauses, nothing differing, and a word of what is counted shared ("more than
            // 302,000 migrants in December" and "302,034 encounters in December" of one border
            // do not both name the agency).
            let exactly = compare(&one.side(), &other.side()) == exact
                && compare(&other.side(), &one.side()) == exact;
            let distinctive = |cited: &Cited| cited.figure.significant_digits() >= 3;
            let shared = || {
                one.wider_words(rules)
                    .intersection(&other.wider_words(rules))
                    .count()
            };
            // "a record high of 250,000 in December" and "an all-time high of 250,000" in
            // December: two significant digits written alike, each dated by its own clause to
            // the same period, with two words of what is counted shared.
            let round_alike = || {
                // Counts only: a round percent ("18%") recurs everywhere.
                one.figure.unit == Unit::Count
                    && one.figure.significant_digits() == 2
                    && (one.figure.value - other.figure.value).abs() < 0.5
                    && one.figure.qualifier == other.figure.qualifier
                    && one.binding.period_source == Some(PeriodSource::Clause)
                    && other.binding.period_source == Some(PeriodSource::Clause)
                    && alike(one, other)
                    && alike(other, one)
                    && shared() >= 2
            };
            let alike = distinctive(one)
                && distinctive(other)
                && alike(one, other)
                && alike(other, one)
                && if one.binding.clause_bound() && other.binding.clause_bound() {
                    shared() >= 1
                } else if sentence_bound(&one.binding) && sentence_bound(&other.binding) {
                    // Both periods from their own sentences: two words of what is counted
                    // ("More than 233000 Afghan migrants were returned from Iran between 1 and
                    // 27 June" and "From June 1-28, 233,941 people returned from Iran").
                    shared() >= 2
                } else {
                    // Periods carried from another sentence: the same value as written and
                    // two words of what is counted shared ("968,000 non-EU nationals ... in the
                    // year to June 2023" in two reports of one release).
                    (one.figure.value - other.figure.value).abs() < 0.5 && shared() >= 2
                };
            other.figure.unit == one.figure.unit && (exactly || alike || round_alike())
        });
        if !same.is_empty() {
            confirmed.insert(idx);
            results.push(confirmed_result(one, &same));
        }
    }
    results
}

fn revised_citations(cited: &[Cited], confirmed: &mut BTreeSet<usize>) -> Vec<CheckResult> {
    let mut results = Vec::new();
    // The same statistic cited with a slightly different precise value (a revision, or a copy
    // of an earlier release: 45,774 and 45,744 for one year's Channel crossings): both
    // distinctive, at most `REVISION` apart, both periods from their own clauses and no
    // difference in the bindings. `close`, never a
    // contradiction: which release is right is not for a citation to say.
    let mut revised: Vec<usize> = (0..cited.len())
        .filter(|idx| distinctive(cited[*idx].figure))
        .collect();
    revised.sort_by(|a, b| cited[*a].figure.value.total_cmp(&cited[*b].figure.value));
    for &idx in &revised {
        if confirmed.contains(&idx) {
            continue;
        }
        let one = &cited[idx];
        let value = one.figure.value;
        let near = valued_between(
            &revised,
            cited,
            value * (1.0 - REVISION),
            value * (1.0 + REVISION),
        );
        // Both periods from the figures' own clauses and nothing in either binding differing
        // (an agency or place named on one side only is no difference).
        let same = confirmations(one, near, |other| {
            other.figure.unit == one.figure.unit
                && other.kind == one.kind
                && one.binding.clause_bound()
                && other.binding.clause_bound()
                && alike(one, other)
                && alike(other, one)
        });
        if !same.is_empty() {
            confirmed.insert(idx);
            results.push(revised_result(one, &same));
        }
    }
    results
}

/// Two documents that already agree on a statistic of three significant digits or more report
/// one release (ITV's and Guido Fawkes's "672,000" net migration to June 2023). Between them a
/// figure written with the same value, of the same kind, under the same period from either
/// text and with nothing in the bindings differing, is the same statistic even when it is round
/// or the words around it differ ("up 65,000 from the previous year" and "an increase of 65,000
/// compared to last year"). `supported`, the agreeing statistic named as what ties the two.
fn one_release_citations(
    cited: &[Cited],
    results: &[CheckResult],
    rules: &CheckRules,
    confirmed: &mut BTreeSet<usize>,
) -> Vec<CheckResult> {
    // Each document's tied documents, with the figure of the first that ties them.
    let mut ties: HashMap<&str, BTreeMap<&str, &Figure>> = HashMap::new();
    for result in results.iter().filter(|result| {
        result.verdict == Verdict::Supported && result.figure.significant_digits() >= 3
    }) {
        if let Evidence::CrossDocument(evidence) = &result.evidence {
            for other in &evidence.others {
                let (one, two) = (result.claim.doc.as_str(), other.doc.as_str());
                let tie = &result.figure;
                ties.entry(one).or_default().entry(two).or_insert(tie);
                ties.entry(two).or_default().entry(one).or_insert(tie);
            }
        }
    }
    if ties.is_empty() {
        return Vec::new();
    }
    // A period of its own text on both sides: the publication date dates nothing here.
    let dated = |one: &Cited| {
        one.binding.period.is_some()
            && one.binding.period_source != Some(PeriodSource::DocumentDate)
    };
    // Two periods carried from other sentences are too loose a tie for a value alone: one side's
    // period comes from its own sentence.
    let own = |one: &Cited| sentence_bound(&one.binding);
    // A change goes one way from one base (see `changes_alike`).
    let same_change = |one: &Cited, other: &Cited| {
        one.kind != Kind::Change
            || changes_alike(
                (one.claim, one.figure, &one.binding),
                (other.claim, other.figure, &other.binding),
                rules,
            )
    };
    let mut by_doc: HashMap<&str, Vec<&Cited>> = HashMap::new();
    for one in cited {
        by_doc.entry(one.claim.doc.as_str()).or_default().push(one);
    }
    let mut results = Vec::new();
    for (idx, one) in cited.iter().enumerate() {
        let Some(tied) = ties.get(one.claim.doc.as_str()) else {
            continue;
        };
        if confirmed.contains(&idx) || !dated(one) {
            continue;
        }
        let candidates = tied
            .keys()
            .filter_map(|doc| by_doc.get(doc))
            .flat_map(|citations| citations.iter().copied());
        let same = confirmations(one, candidates, |other| {
            (own(one) || own(other))
                && dated(other)
                && other.figure.unit == one.figure.unit
                && other.figure.currency == one.figure.currency
                && other.kind == one.kind
                && rounding_of(one.figure, other.figure)
                && written_alike(one.figure, other.figure)
                // A small number of one digit recurs for anything: "(500 more, or +120%)" is
                // no citation of "Member States with more than 500 asylum seekers" of the same
                // release ("nearly 70,000" and "70,000" still are one).
                && (one.figure.significant_digits() >= 2
                    || one.figure.value.abs() >= 1000.0
                    || one.figure.qualifier == other.figure.qualifier)
                // "3 in 5 applied in Greece (1,200)" and "Belgium (1 200, or 9%)": a round
                // value of one release is one statistic only in the same place.
                && (one.figure.significant_digits() >= 3 || !own_places_differ(one, other))
                && band_conflict(one, other).is_none()
                && same_change(one, other)
                && alike(one, other)
                && alike(other, one)
        });
        let Some(first) = same.first() else {
            continue;
        };
        // The tying statistic written again ("A record 672,000" over its body) is a restatement,
        // confirmed with it (see `restatements`).
        let tie = tied[first.claim.doc.as_str()];
        if tie.unit == one.figure.unit && (tie.value - one.figure.value).abs() < 0.5 {
            continue;
        }
        confirmed.insert(idx);
        let tie = &tie.text;
        let mut result = confirmed_result(one, &same);
        result.explanation = format!(
            "{} Both report one release: they agree on {tie} too.",
            result.explanation
        );
        results.push(result);
    }
    results
}

/// The same value as written, or one written to fewer digits whose rounding interval holds the
/// other ("$2.6 billion" and "$2.62 billion", "111,000" and "111,084"): both written without
/// a hedge or bound, two significant digits or more on the rounded side.
fn rounding_of(one: &Figure, other: &Figure) -> bool {
    if (other.value - one.value).abs() <= 1e-9 * one.value.abs().max(1.0) {
        return true;
    }
    one.rounds(other) || other.rounds(one)
}

/// The rest: each figure and its nearest statistic in another document (the most content words
/// shared around both), when each is the other's nearest, compared as a claim with its evidence.
/// Unverifiable pairs are left out: another citation that may measure something else says
/// nothing about a figure.
fn nearest_statistics(cited: &[Cited], confirmed: &BTreeSet<usize>) -> Vec<CheckResult> {
    let best_match = |idx: usize| -> Option<(usize, usize)> {
        let one = &cited[idx];
        cited
            .iter()
            .enumerate()
            .filter(|(_, other)| {
                other.claim.doc != one.claim.doc && other.figure.unit == one.figure.unit
            })
            .map(|(other_idx, other)| (other_idx, one.words.intersection(&other.words).count()))
            .filter(|(_, shared)| *shared >= MIN_SHARED)
            .max_by_key(|(other_idx, shared)| (*shared, usize::MAX - other_idx))
    };
    let mut results = Vec::new();
    for idx in 0..cited.len() {
        if confirmed.contains(&idx) {
            continue;
        }
        let Some((other_idx, shared)) = best_match(idx) else {
            continue;
        };
        // Mutual best matches only: each figure is the other's nearest statistic.
        if best_match(other_idx).map(|(back, _)| back) != Some(idx) {
            continue;
        }
        let (one, other) = (&cited[idx], &cited[other_idx]);
        // A round percent recurs in every release: the nearest statistic written with another
        // value confirms it only with three words around both shared ("78 percent" and "almost
        // 80%" of middle- and high-skilled migrants), not two ("nearly 50%" of net migration
        // and "a 49 per cent fall" of work arrivals share "compared" and "previous").
        let round = |cited: &Cited| cited.figure.significant_digits() < 3;
        if one.figure.unit == Unit::Percent
            && (round(one) || round(other))
            && (one.figure.value - other.figure.value).abs() >= 0.5
            && shared < MIN_SHARED_ROUND
        {
            continue;
        }
        let comparison = compare_citations(one, other, shared);
        let verdict = decide(&comparison);
        // Another citation that may measure something else says nothing about this figure.
        if verdict == Verdict::Unverifiable {
            continue;
        }
        let against = format!(
            "{} ({}:{}: \"{}\")",
            other.claim.doc, other.claim.path, other.claim.line, other.figure.text
        );
        results.push(CheckResult {
            claim: one.claim.claim_for(one.figure).clone(),
            figure: one.figure.clone(),
            method: Method::CrossDocument,
            verdict,
            expected: Some(other.figure.value),
            difference: comparison.difference(),
            change: comparison.change,
            evidence: Evidence::CrossDocument(CrossEvidence {
                others: vec![other_claim(other)],
            }),
            binding: None,
            explanation: sentence(verdict, &one.figure.text, &comparison, &against),
            review: None,
        });
    }
    results
}

/// A figure compared with the nearest statistic of another document (`shared` content words
/// around both): the other's interval as evidence, and a conflict when their bands or bindings
/// differ.
fn compare_citations(one: &Cited, other: &Cited, shared: usize) -> Comparison {
    // The other citation's interval, closed as a claim's is ("over 20,000" is at most 40,000),
    // so "over 20,000" and 20,310 agree whichever is checked against the other.
    let other_bounds = Comparison::new(
        (other.figure.value, other.figure.low, other.figure.high),
        (0.0, 0.0, 0.0),
    )
    .claim_bounds();
    let mut comparison = Comparison::new(
        (one.figure.value, one.figure.low, one.figure.high),
        (other.figure.value, other_bounds.0, other_bounds.1),
    );
    comparison.strong = shared >= STRONG_SHARED;
    comparison.magnitude_guard =
        one.kind == Kind::Level && matches!(one.figure.unit, Unit::Count | Unit::Money);
    comparison.named = comparison.strong;
    match band_conflict(one, other) {
        Some(conflict) => comparison.conflict = Some(conflict),
        None => match compare(&one.side(), &other.side()) {
            Comparability::Same { exact } => comparison.exact = exact,
            // Named as a difference only for a strong textual match: two figures that merely
            // share a couple of words were never one statistic to begin with.
            Comparability::Different(difference) => {
                comparison.conflict = Some(difference);
                comparison.named = comparison.strong;
            }
            // A binding is missing: agreement still confirms, a disagreement says nothing.
            Comparability::Uncertain(_) => comparison.exact = false,
            // Carried bindings that already differ (a carried period may be wrong): the same
            // value as written still confirms ("71 percent" and "71%"), a value that merely
            // fits a wide interval ("up to 60,000 during the year" and "38,129 at this stage
            // in 2022") says nothing, and neither does a disagreement.
            Comparability::UnlikeUncertain(difference) => {
                // A round count of one significant digit ("1 million") is too coarse to say
                // two citations under different periods are one statistic.
                let coarse =
                    |figure: &Figure| figure.unit == Unit::Count && figure.significant_digits() < 2;
                if written_alike(one.figure, other.figure)
                    && !coarse(one.figure)
                    && !coarse(other.figure)
                {
                    comparison.exact = false;
                } else {
                    comparison.conflict = Some(difference);
                    comparison.named = false;
                }
            }
        },
    }
    comparison
}

/// Whether the comparability rule finds `a` the same statistic as `b`, exactly or not.
fn alike(a: &Cited, b: &Cited) -> bool {
    matches!(compare(&a.side(), &b.side()), Comparability::Same { .. })
}

/// Whether two figures' written intervals overlap: each stands for the same value as written
/// ("78 percent" and "almost 80%"), not merely inside a wide bound ("up to 60,000" is 50,000 to
/// 60,000 as a citation, see [`Figure::written_bounds`]).
fn written_alike(one: &Figure, other: &Figure) -> bool {
    // Two hedged values that differ ("some 4.4 million" and "over 4.3 million") are two
    // roundings of something, not one value written twice.
    let hedged = |figure: &Figure| figure.qualifier != Qualifier::Exact;
    if hedged(one) && hedged(other) && one.value != other.value {
        return false;
    }
    match (one.written_interval(), other.written_interval()) {
        (Some((low, high)), Some((other_low, other_high))) => low < other_high && other_low < high,
        _ => false,
    }
}

/// The citations of `sorted` (indices into `cited`, sorted by value) whose value lies in
/// `low..=high`: a binary search, then a walk to `high`.
fn valued_between<'c, 'a>(
    sorted: &'c [usize],
    cited: &'c [Cited<'a>],
    low: f64,
    high: f64,
) -> impl Iterator<Item = &'c Cited<'a>> {
    let from = sorted.partition_point(|other| cited[*other].figure.value < low);
    sorted[from..]
        .iter()
        .take_while(move |other| cited[**other].figure.value <= high)
        .map(move |other| &cited[*other])
}

/// The candidates from other documents that `agrees` keeps: every citation, a headline's and
/// its body's alike ("174%" in a summary and again further down).
fn confirmations<'c, 'a>(
    one: &Cited,
    candidates: impl Iterator<Item = &'c Cited<'a>>,
    agrees: impl Fn(&Cited) -> bool,
) -> Vec<&'c Cited<'a>> {
    candidates
        .filter(|other| other.claim.doc != one.claim.doc && agrees(other))
        .collect()
}

/// A figure confirmed by other documents citing the same statistic: `supported`, each other
/// citation named.
fn confirmed_result(one: &Cited, same: &[&Cited]) -> CheckResult {
    // The first other citation is the value the evidence gives (the others agree with it).
    let first = same.first().map_or(one.figure, |other| other.figure);
    let comparison = Comparison::new(
        (one.figure.value, one.figure.low, one.figure.high),
        (
            first.value,
            first.low.unwrap_or(first.value),
            first.high.unwrap_or(first.value),
        ),
    );
    let against: Vec<String> = same
        .iter()
        .map(|other| {
            format!(
                "{} ({}:{}: \"{}\")",
                other.claim.doc, other.claim.path, other.claim.line, other.figure.text
            )
        })
        .collect();
    CheckResult {
        claim: one.claim.claim_for(one.figure).clone(),
        figure: one.figure.clone(),
        method: Method::CrossDocument,
        verdict: Verdict::Supported,
        expected: Some(first.value),
        difference: comparison.difference(),
        change: None,
        evidence: Evidence::CrossDocument(CrossEvidence {
            others: same.iter().map(|other| other_claim(other)).collect(),
        }),
        binding: None,
        explanation: sentence(
            Verdict::Supported,
            &one.figure.text,
            &comparison,
            &against.join("; "),
        ),
        review: None,
    }
}

/// The same statistic cited by another document with a value at most `REVISION` away.
/// `close` against the other citations of one statistic at a slightly different value, each
/// named (the comparison is with the first).
fn revised_result(one: &Cited, others: &[&Cited]) -> CheckResult {
    let other = others[0];
    let comparison = Comparison::new(
        (one.figure.value, one.figure.low, one.figure.high),
        (other.figure.value, other.figure.value, other.figure.value),
    );
    let against: Vec<String> = others
        .iter()
        .map(|other| {
            format!(
                "{} ({}:{}: \"{}\")",
                other.claim.doc, other.claim.path, other.claim.line, other.figure.text
            )
        })
        .collect();
    let against = format!(
        "{}, the same statistic for the same period",
        against.join("; ")
    );
    CheckResult {
        claim: one.claim.claim_for(one.figure).clone(),
        figure: one.figure.clone(),
        method: Method::CrossDocument,
        verdict: Verdict::Close,
        expected: Some(other.figure.value),
        difference: comparison.difference(),
        change: None,
        evidence: Evidence::CrossDocument(CrossEvidence {
            others: others.iter().map(|other| other_claim(other)).collect(),
        }),
        binding: None,
        explanation: sentence(Verdict::Close, &one.figure.text, &comparison, &against),
        review: None,
    }
}

fn other_claim(other: &Cited) -> OtherClaim {
    let claim = other.claim.claim_for(other.figure);
    OtherClaim {
        id: claim.id.clone(),
        doc: other.claim.doc.clone(),
        line: claim.line,
        text: claim.text.clone(),
        figure: other.figure.text.clone(),
    }
}

/// A figure precise enough that two documents citing it cite one statistic: four significant
/// digits or more ("54,833", "2,999"; not "186,000" or "2.5 million").
fn distinctive(figure: &Figure) -> bool {
    // A change written with its end only ("increased to 28,526") states that level.
    let one_ended = figure
        .range
        .is_some_and(|range| range.kind == RangeKind::Change && range.low == range.high);
    if figure.range.is_some() && !one_ended {
        return false;
    }
    let digits: String = figure.text.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    significant.len() >= 4
}

/// Byte range in the claim text: a few words before the figure and what follows it up to the
/// next checkable figure (the counted thing: "71 percent of Chinese migrants are male").
fn window(claim: &CheckClaim, figure: &Figure) -> (usize, usize) {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let next = claim
        .figures
        .iter()
        .filter(|other| is_checkable(other) && other.span.start >= figure.span.end)
        .map(|other| other.span.start - claim.span.start)
        .min()
        .unwrap_or(claim.text.len());
    let mut to = next.min(end + 80).min(claim.text.len());
    while !claim.text.is_char_boundary(to) {
        to -= 1;
    }
    let mut from = start.saturating_sub(12);
    while !claim.text.is_char_boundary(from) {
        from -= 1;
    }
    (from.min(start), to.max(end))
}

/// An age band or other written range inside the window ("between the ages of 20 and 39").
fn band(claim: &CheckClaim, window: (usize, usize)) -> Option<(f64, f64)> {
    claim.figures.iter().find_map(|figure| {
        let start = figure.span.start.checked_sub(claim.span.start)?;
        let range = figure.range?;
        (start >= window.0
            && start < window.1
            && range.kind == RangeKind::Range
            && matches!(figure.unit, Unit::Age | Unit::Count | Unit::Duration))
        .then_some((range.low, range.high))
    })
}

/// Two different age bands (or other written ranges) beside the figures.
fn band_conflict(one: &Cited, other: &Cited) -> Option<String> {
    match (one.band, other.band) {
        (Some(a), Some(b)) if a != b => Some(format!(
            "the bands differ: {}–{} against {}–{}",
            a.0, a.1, b.0, b.1
        )),
        _ => None,
    }
}

/// Both figures' own words name places, none of them one place ([`Binding::own_places`]).
fn own_places_differ(one: &Cited, other: &Cited) -> bool {
    let (mine, theirs) = (&one.binding.own_places, &other.binding.own_places);
    !mine.is_empty() && !theirs.is_empty() && !mine.iter().any(|place| theirs.contains(place))
}

/// The period came from the figure's own clause or sentence, not from elsewhere.
fn sentence_bound(binding: &Binding) -> bool {
    matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    )
}

pub(super) fn words(text: &str, rules: &CheckRules) -> BTreeSet<String> {
    let mut english = analyzer::english();
    analyzer::tokens(&mut english, text)
        .into_iter()
        .map(|(word, _, _)| word)
        .filter(|word| word.chars().filter(|ch| ch.is_alphabetic()).count() > 2)
        .filter(|word| !rules.stopwords.iter().any(|stop| stop == word))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::claim::tests::document_dated;
    use crate::check::{check, CheckRules, Method, Verdict};

    /// The check results of documents `(slug, text)` dated `date`.
    fn results(texts: &[(&str, &str)], date: &str) -> Vec<crate::check::CheckResult> {
        let documents: Vec<_> = texts
            .iter()
            .map(|(slug, text)| {
                let mut document = document_dated(text, date);
                document.slug = (*slug).to_string();
                for claim in &mut document.claims {
                    claim.doc = (*slug).to_string();
                }
                document
            })
            .collect();
        let rules = CheckRules::builtin().unwrap();
        check(&documents, &[], &rules).0
    }

    /// The other citations the cross-document results of document `doc` name.
    fn others_of<'r>(
        results: &'r [crate::check::CheckResult],
        doc: &'r str,
    ) -> impl Iterator<Item = &'r crate::check::OtherClaim> {
        results
            .iter()
            .filter(move |result| result.method == Method::CrossDocument && result.claim.doc == doc)
            .flat_map(|result| match &result.evidence {
                crate::check::Evidence::CrossDocument(evidence) => evidence.others.as_slice(),
                _ => &[],
            })
    }

    /// Cross-document results as `(doc, figure, verdict)`.
    fn cross(texts: &[(&str, &str)]) -> Vec<(String, String, Verdict)> {
        results(texts, "2023-11-15")
            .into_iter()
            .filter(|result| result.method == Method::CrossDocument)
            .map(|result| (result.claim.doc, result.figure.text, result.verdict))
            .collect()
    }

    /// Whether `got` ([`cross`]) has the figure written `figure` of `doc` `supported`.
    fn supported(got: &[(String, String, Verdict)], doc: &str, figure: &str) -> bool {
        verdict_in(got, doc, figure) == Some(Verdict::Supported)
    }

    #[test]
    fn a_small_number_of_one_digit_of_one_release_needs_its_qualifier_written_alike() {
        let got = cross(&[
            (
                "one",
                "13,800 unaccompanied minors sought international protection in the EU in 2019. \
                 The highest increases in Member States with more than 500 asylum seekers \
                 were recorded in Austria in 2019.",
            ),
            (
                "two",
                "In 2019, 13 800 asylum seekers in the EU were considered to be unaccompanied \
                 minors. In 2019, the highest increases among Member States were recorded in \
                 Austria, with 500 asylum seekers.",
            ),
        ]);
        assert!(supported(&got, "two", "13 800"), "{got:?}");
        // The threshold is not confirmed by another document's exact 500 (whatever that
        // document's own 500 is confirmed by, the nearest statistic read both ways).
        assert!(!supported(&got, "one", "more than 500"), "{got:?}");
    }

    #[test]
    fn a_round_value_of_one_release_is_one_statistic_only_in_the_same_place() {
        let got = cross(&[
            (
                "one",
                "13,800 unaccompanied minors sought international protection in the EU in 2019. \
                 In 2019, of the 4,200 Afghans considered to be unaccompanied minors in the EU, \
                 most applied in Greece (1,200) while in Belgium and Austria, 600 applied in \
                 each country.",
            ),
            (
                "two",
                "In 2019, 13 800 asylum seekers in the EU were considered to be unaccompanied \
                 minors. In 2019, the most were registered in Greece (3 300, or 24%), \
                 followed by Germany (2 700, or 19%) and Belgium (1 200, or 9%).",
            ),
        ]);
        assert!(supported(&got, "two", "13 800"), "{got:?}");
        assert!(!supported(&got, "one", "1,200"), "{got:?}");
        assert!(!supported(&got, "two", "1 200"), "{got:?}");
    }

    #[test]
    fn a_round_percent_near_another_confirms_it_only_with_three_words_shared() {
        let net = "Net migration to the UK fell by nearly 50% in 2024 compared to the previous \
                   year, according to figures released by the Office for National Statistics.";
        let work =
            "The ONS said there was a 49 per cent fall in non-EU nationals coming to the UK \
                    for work compared with the previous year.";
        let got = cross(&[("a", net), ("b", work)]);
        assert!(
            got.iter()
                .all(|(_, _, verdict)| *verdict != Verdict::Supported),
            "{got:?}"
        );
        // The same statistic, described alike, is still confirmed by the rounding of it.
        let got = cross(&[
            (
                "a",
                "Almost 80% of the Chinese migrants are middle- or high-skilled workers.",
            ),
            (
                "b",
                "Some 78 percent of the Chinese migrants are middle- or high-skilled workers.",
            ),
        ]);
        assert!(
            got.iter()
                .any(|(_, figure, verdict)| figure.ends_with("78 percent")
                    && *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    /// The verdict of `doc`'s `figure` among cross-document results `(doc, figure, verdict)`.
    fn verdict_in(got: &[(String, String, Verdict)], doc: &str, figure: &str) -> Option<Verdict> {
        got.iter()
            .find(|(d, f, _)| d == doc && f == figure)
            .map(|(_, _, verdict)| *verdict)
    }

    #[test]
    fn two_reports_of_one_release_confirm_its_round_figures_too() {
        let one = "Net migration to the UK reached 672,000 in the year to June 2023.\n\nIn the \
                   year to June 2023 it was up 65,000 from the previous year. In the year to \
                   June 2023, arrivals by small boat rose 10% on 2022.";
        let two = "The ONS estimated net migration at 672,000 in the year ending June 2023.\n\n\
                   That is an increase of 65,000 compared with the previous year. Arrivals by \
                   small boat fell 10% on 2022.";
        let got = cross(&[("one", one), ("two", two)]);
        let verdict_of = |doc: &str, figure: &str| verdict_in(&got, doc, figure);
        assert_eq!(
            verdict_of("one", "672,000"),
            Some(Verdict::Supported),
            "{got:?}"
        );
        assert_eq!(
            verdict_of("one", "65,000"),
            Some(Verdict::Supported),
            "{got:?}"
        );
        assert_eq!(
            verdict_of("two", "65,000"),
            Some(Verdict::Supported),
            "{got:?}"
        );
        // A rise and a fall of one size are two statistics.
        assert_eq!(verdict_of("one", "10%"), None, "{got:?}");
        // A rounding of the same statistic, both written without a hedge, agrees.
        let got = cross(&[
            (
                "one",
                &format!("{one}\n\nRemittances reached $2.62 billion in the year to June 2023."),
            ),
            (
                "two",
                &format!(
                    "{two}\n\nMoney sent home totalled $2.6 billion in the year ending June 2023."
                ),
            ),
        ]);
        let verdict_of = |doc: &str, figure: &str| verdict_in(&got, doc, figure);
        assert_eq!(
            verdict_of("two", "$2.6 billion"),
            Some(Verdict::Supported),
            "{got:?}"
        );
        let explained = results(&[("one", one), ("two", two)], "2023-11-23")
            .into_iter()
            .find(|result| result.method == Method::CrossDocument && result.figure.text == "65,000")
            .map(|result| result.explanation)
            .unwrap_or_default();
        assert!(
            explained.contains("they agree on 672,000 too"),
            "{explained}"
        );
        // Without the shared statistic, a round 65,000 under other words ties nothing.
        let alone = cross(&[
            (
                "one",
                "That was up 65,000 from the previous year, in the year to June 2023.",
            ),
            (
                "two",
                "That is an increase of 65,000 on last year, in the year ending June 2023.",
            ),
        ]);
        assert!(
            alone.iter().all(|(_, figure, _)| figure != "65,000"),
            "{alone:?}"
        );
    }

    #[test]
    fn the_same_four_digits_of_two_unrelated_statistics_confirm_nothing() {
        let got = cross(&[
            (
                "a",
                "Eurostat counted 114,830 first-time asylum seekers in October 2023. There were \
                 also 6,225 subsequent applicants.",
            ),
            (
                "b",
                "Louisiana is the second largest state by number of detained individuals, where \
                 6,225 people are detained.",
            ),
        ]);
        assert!(
            got.iter().all(|(_, figure, _)| figure != "6,225"),
            "{got:?}"
        );
    }

    #[test]
    fn every_citation_of_the_statistic_in_another_document_is_named() {
        let results = results(
            &[
                (
                    "a",
                    "Frontex said 174,315 migrants crossed irregularly in 2023.",
                ),
                (
                    "b",
                    "Frontex counted 174,315 irregular crossings in 2023.\n\nThe agency said \
                     174,315 migrants crossed irregularly in 2023, the most since 2016.",
                ),
            ],
            "2024-01-15",
        );
        let others: Vec<&str> = others_of(&results, "a")
            .map(|other| other.id.as_str())
            .collect();
        assert_eq!(others, ["c0", "c1"], "{results:?}");
    }

    #[test]
    fn a_figure_written_again_in_its_document_is_confirmed_with_it() {
        let texts = [
            (
                "a",
                "A record 672,000 for Britain\n\nNet migration stood at a provisional \
                 672,000 in the year to June 2023, the ONS said.",
            ),
            (
                "b",
                "The ONS estimated net migration at 672,000 in the year to June 2023.",
            ),
        ];
        let got = results(&texts, "2023-11-23");
        let headline: Vec<_> = got
            .iter()
            .filter(|result| {
                result.method == Method::CrossDocument && result.claim.text.starts_with("A record")
            })
            .collect();
        assert_eq!(headline.len(), 1, "{got:?}");
        assert_eq!(headline[0].verdict, Verdict::Supported);
        assert!(
            headline[0].explanation.starts_with("672,000 restates line"),
            "{}",
            headline[0].explanation
        );
        // Another value, or the same value of another kind, is no restatement.
        let texts = [
            (
                "a",
                "Britain up 672,000 from last time\n\nNet migration stood at a provisional \
                 672,000 in the year to June 2023, the ONS said.",
            ),
            texts[1],
        ];
        let got = results(&texts, "2023-11-23");
        assert!(
            !got.iter()
                .any(|result| result.method == Method::CrossDocument
                    && result.claim.text.starts_with("Britain up")),
            "{got:?}"
        );
    }

    #[test]
    fn a_round_count_written_alike_for_the_same_month_confirms_with_two_words_shared() {
        let record = "Border arrests had already fallen by more than half from a record high of 250,000 in December 2023, largely a result of enforcement by Mexican authorities.";
        let got = cross(&[
            ("a", record),
            (
                "b",
                "In December 2023, when border arrests reached an all-time high of 250,000, Mexicans made up fewer than 1 in 4.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "250,000".into(), Verdict::Supported)),
            "{got:?}"
        );
        // Another month, or one word shared, is no confirmation; nor a round percent.
        for other in [
            "In November 2023, when border arrests reached an all-time high of 250,000, Mexicans made up fewer than 1 in 4.",
            "In December 2023, when asylum claims reached 250,000, Mexicans made up fewer than 1 in 4.",
        ] {
            let got = cross(&[("a", record), ("b", other)]);
            assert!(
                !got.iter()
                    .any(|(_, _, verdict)| *verdict == Verdict::Supported),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_rounded_citation_under_a_sentence_period_needs_two_words_shared() {
        let got = cross(&[
            (
                "a",
                "More than 233000 Afghan migrants were returned from Iran between 1 and 27 June 2023, the IOM confirmed on Monday.",
            ),
            (
                "b",
                "From June 1-28, 233,941 migrants returned from Iran to Afghanistan, the IOM said.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "More than 233000".into(), Verdict::Supported)),
            "{got:?}"
        );
        // One shared word is not enough.
        let got = cross(&[
            (
                "a",
                "More than 233000 people were counted in the border towns between 1 and 27 June 2023, officials said.",
            ),
            (
                "b",
                "From June 1-28, 233,941 migrants returned from Iran to Afghanistan, the IOM said.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_precise_figure_confirmed_elsewhere_still_confirms_a_rounded_citation() {
        // "233,941" is confirmed by its equal in "c" first; it still supports "a"'s rounding,
        // as a rounded citation of both, not only as the nearest statistic.
        let results = results(
            &[
                (
                    "a",
                    "More than 233000 Afghan migrants were returned from Iran between 1 and 27 June 2023, the IOM confirmed on Monday.",
                ),
                (
                    "b",
                    "From June 1-28, 233,941 migrants returned from Iran to Afghanistan, the IOM said.",
                ),
                (
                    "c",
                    "Between June 1 and 28, 233,941 Afghan migrants returned from Iran, the IOM said.",
                ),
            ],
            "2023-07-15",
        );
        let supported = |doc: &str, figure: &str| {
            results.iter().any(|result| {
                result.method == Method::CrossDocument
                    && result.claim.doc == doc
                    && result.figure.text == figure
                    && result.verdict == Verdict::Supported
            })
        };
        assert!(supported("b", "233,941"), "{results:?}");
        assert!(supported("a", "More than 233000"), "{results:?}");
        let others: Vec<&str> = others_of(&results, "a")
            .map(|other| other.doc.as_str())
            .collect();
        assert_eq!(others, ["b", "c"], "{results:?}");
    }

    #[test]
    fn a_round_count_of_one_digit_does_not_confirm_a_figure_of_another_period() {
        // "1 million" in 2016 (carried) and 997,905 in November 2017: one digit is too coarse
        // to make them one statistic.
        let got = cross(&[
            (
                "a",
                "In 2016 the war went on. The 1 million UNHCR-registered Syrian refugees add to Lebanon's population.",
            ),
            (
                "b",
                "As of 30 November 2017, 997,905 Syrian refugees are registered with UNHCR in Lebanon.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_net_loss_of_a_count_is_a_level_like_the_record_it_repeats() {
        let got = cross(&[
            (
                "a",
                "The loss was narrowly above the previous record of 44,400 in the February 2012 year.",
            ),
            (
                "b",
                "The net loss of citizens is approaching the record loss of 44,400 in the February 2012 year.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "44,400".into(), Verdict::Supported)),
            "{got:?}"
        );
    }

    #[test]
    fn the_same_value_under_one_carried_period_supports_it_when_two_words_agree() {
        // The period comes from the sentence before in both documents.
        let got = cross(&[
            (
                "a",
                "Net migration was 512,000 in the year to March 2024. Most arrivals were \
                 non-EU nationals, at 861,000, the statistics office said.",
            ),
            (
                "b",
                "Arrivals in the year to March 2024 were led by students. Most were non-EU \
                 nationals (861,000), followed by Britons.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "861,000".into(), Verdict::Supported)),
            "{got:?}"
        );
        // One shared word is not enough when neither period is the figure's own.
        let got = cross(&[
            (
                "a",
                "Net migration was 512,000 in the year to March 2024. Arrivals of students \
                 reached 861,000.",
            ),
            (
                "b",
                "Applications in the year to March 2024 fell sharply. Visas for workers \
                 reached 861,000.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_rounded_citation_of_the_same_statistic_supports_it() {
        let got = cross(&[
            (
                "a",
                "Border Patrol recorded 2.48 million encounters in fiscal 2023.",
            ),
            (
                "b",
                "Border Patrol recorded 2,475,669 encounters in fiscal 2023.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "2.48 million".into(), Verdict::Supported)),
            "{got:?}"
        );
    }

    #[test]
    fn a_forecast_is_not_confirmed_or_contradicted_by_the_count_it_forecast() {
        let got = cross(&[
            (
                "a",
                "Earlier this year, the central bank had projected remittances would approach $38 billion in FY25.",
            ),
            (
                "b",
                "Remittances reached a record $38.3 billion in FY25, the central bank said.",
            ),
            (
                "c",
                "The governor expects remittances of $38 billion in FY25, the central bank said.",
            ),
        ]);
        let verdict_of = |doc: &str| {
            got.iter()
                .filter(|(at, text, _)| at == doc && text.contains("38"))
                .map(|(_, _, verdict)| *verdict)
                .collect::<Vec<_>>()
        };
        // The forecast and the outturn never support or contradict each other.
        assert!(
            !verdict_of("b")
                .iter()
                .any(|verdict| matches!(verdict, Verdict::Supported | Verdict::Contradicted)),
            "{got:?}"
        );
        // The forecast is told apart from the count, not left unverifiable.
        assert!(verdict_of("c").contains(&Verdict::NotComparable), "{got:?}");
    }

    #[test]
    fn the_same_number_for_another_period_or_agency_is_not_confirmation() {
        let got = cross(&[
            (
                "a",
                "Border Patrol recorded 2.48 million encounters in fiscal 2023.",
            ),
            (
                "b",
                "Border Patrol recorded 2,475,669 encounters in fiscal 2022.",
            ),
            (
                "c",
                "Panama's National Migration Service counted 2,475,669 crossings in fiscal 2023.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_carried_period_that_differs_confirms_only_the_same_written_value() {
        // "up to 60,000" carries all of 2022 from the paragraph before; 38,129 is part of 2022.
        // Inside the bound, but no confirmation of it.
        let got = cross(&[
            (
                "a",
                "A total of 45,756 people crossed the Channel in small boats in 2022.\n\n\
                 Home Office officials previously estimated that up to 60,000 people could make \
                 the journey during the year.",
            ),
            (
                "b",
                "This is 22% lower than the 38,129 people making the journey at this stage in 2022.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn neighbouring_roundings_and_two_hedged_values_are_not_one_value_written_twice() {
        // Stocks of two dates carried from each paragraph's context: "some 2.6 million" and
        // "over 2.5 million" are two roundings, not one statistic cited twice.
        let got = cross(&[
            (
                "a",
                "In 2021, refugee numbers rose sharply.\n\n\
                 Some 2.6 million refugees were registered in the region.",
            ),
            (
                "b",
                "In 2019 the agency published its review.\n\n\
                 Over 2.5 million refugees were registered in the region.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
        // "2 percent" (1.5 to 2.5) and "3%" (2.5 to 3.5) only touch: different values.
        let got = cross(&[
            (
                "a",
                "In March 2021, there were 6,225 repeat applicants.\n\n\
                 That was a 2 percent decrease in repeat applicants.",
            ),
            (
                "b",
                "In June 2022, there were 6,070 repeat applicants.\n\n\
                 That was a 3% decrease in repeat applicants.",
            ),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_level_before_another_figure_s_change_is_still_a_level() {
        // The decrease is the 30%'s: 144,607 is a level like the other document's.
        let got = cross(&[
            (
                "a",
                "Total southwest border encounters in June were 144,607, a 30% decrease from May 2023.",
            ),
            (
                "b",
                "Apprehensions at the southwest border totaled 144,607 in June.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "144,607".into(), Verdict::Supported)),
            "{got:?}"
        );
        // A change word right before the next number is that number's: "up 65,000" rises,
        // 144,607 is a level.
        let got = cross(&[
            (
                "a",
                "Southwest border encounters in June hit 144,607, up 12,000 from May 2023.",
            ),
            (
                "b",
                "Apprehensions at the southwest border totaled 144,607 in June.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "144,607".into(), Verdict::Supported)),
            "{got:?}"
        );
        // The rise right after another figure is that figure's: "with nearly 46,843 crossings"
        // is a level.
        let got = cross(&[
            (
                "a",
                "The Canary Islands route recorded an 18% rise in arrivals in 2024, with nearly 46,843 crossings.",
            ),
            (
                "b",
                "The Canary Islands saw 46,843 irregular crossings in 2024.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "nearly 46,843".into(), Verdict::Supported)),
            "{got:?}"
        );
        // "lives lost" counts deaths: no fall, so 2,331 is a level like the other document's.
        let got = cross(&[
            (
                "a",
                "The IOM counted an unprecedented 3,412 lives lost in the Caribbean, 2,331 in Europe in 2022.",
            ),
            ("b", "Europe recorded 2,331 deaths of migrants in 2022."),
        ]);
        assert!(
            got.contains(&("a".into(), "2,331".into(), Verdict::Supported)),
            "{got:?}"
        );
    }

    #[test]
    fn a_revised_precise_value_of_the_same_statistic_is_close_never_contradicted() {
        let got = cross(&[
            ("a", "In 2022, a record 45,774 people crossed the Channel."),
            ("b", "There were 45,744 crossings of the Channel in 2022."),
        ]);
        assert!(
            got.contains(&("b".into(), "45,744".into(), Verdict::Close)),
            "{got:?}"
        );
        // Another year, or a value further off than a revision, is no such citation.
        let got = cross(&[
            ("a", "In 2022, a record 45,774 people crossed the Channel."),
            ("b", "There were 45,744 crossings of the Channel in 2021."),
            ("c", "There were 45,244 crossings of the Channel in 2022."),
        ]);
        assert!(
            !got.iter().any(|(_, _, verdict)| matches!(
                verdict,
                Verdict::Close | Verdict::Supported | Verdict::Contradicted
            )),
            "{got:?}"
        );
    }

    #[test]
    fn more_than_a_count_is_supported_by_a_citation_to_its_last_digit() {
        let got = cross(&[
            (
                "a",
                "Officials encountered more than 302,000 migrants at the border in October.",
            ),
            (
                "b",
                "For the entire Southwest border, the encounters were 302,034 in October.",
            ),
        ]);
        assert!(
            got.contains(&("a".into(), "more than 302,000".into(), Verdict::Supported)),
            "{got:?}"
        );
        // "over 100,000" stands for too much to be matched by value alone with 158,000.
        let got = cross(&[
            ("a", "Over 100,000 migrants crossed in October."),
            ("b", "In October the agency logged 158,000 migrants."),
        ]);
        assert!(
            !got.iter()
                .any(|(_, _, verdict)| *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_level_written_as_a_changes_end_is_one_statistic_with_the_level() {
        let got = cross(&[
            (
                "a",
                "In 2021, there was a massive increase to 28,526 Channel crossings.",
            ),
            (
                "b",
                "Crossings in 2022 were higher than 2021's total of 28,526 Channel crossings.",
            ),
        ]);
        assert!(
            got.iter().any(|(doc, figure, verdict)| doc == "a"
                && figure.contains("28,526")
                && *verdict == Verdict::Supported),
            "{got:?}"
        );
    }
}
