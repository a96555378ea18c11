//! Arithmetic inside a passage: a difference or sum stated beside its operands ("entered 48,381
//! times … left 24,240 times … the deficit was 24,141"), a percent change beside the two values it
//! compares ("increased 49 percent, from 173 million to 258 million"), a multiplier beside them
//! ("more than tripled from 3.5 million to 11.2 million") and a share beside its part and total
//! ("1,204 (12%) of 10,033").
//!
//! Operands are figures of the same passage; their written precision gives the expected value an
//! interval, and [`super::verdict::decide`] compares it with the stated figure's interval. A
//! missing match is no result (the dataset check still runs), except where the passage leaves no
//! choice of operands.

use super::claim::CheckClaim;
use super::rules::CheckRules;
use super::verdict::{decide, Comparison, Verdict};
use super::{ArithmeticEvidence, CheckResult, Evidence, Method, Operand};
use crate::datasets::text::format_number;
use crate::figures::{Direction, Figure, Qualifier, RangeKind, Unit};
use crate::span::Span;

/// How many passages before and after a figure's own may hold the operands of a relation
/// searched for (a news article states a change in its lead and the two totals a paragraph or
/// two further down).
const NEIGHBOUR_PASSAGES: usize = 2;

/// Every arithmetic result in the claims' passages. A relation searched for over operands
/// ([`super::relations::search`]) may also take them from the passage before or after, in the
/// same document: a headline's "up 50%" and the standfirst's "155,754 landed, up from 103,846";
/// "increased by 50 per cent, the ministry said" and the next paragraph's two totals.
pub fn check_claims(claims: &[CheckClaim], rules: &CheckRules) -> Vec<CheckResult> {
    // Runs of claims of one passage, in order.
    let mut passages: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    while start < claims.len() {
        let end = (start..claims.len())
            .find(|idx| {
                claims[*idx].doc != claims[start].doc
                    || claims[*idx].passage != claims[start].passage
            })
            .unwrap_or(claims.len());
        passages.push(start..end);
        start = end;
    }
    let mut results = Vec::new();
    for (idx, passage) in passages.iter().enumerate() {
        let doc = &claims[passage.start].doc;
        let same_doc = |range: &std::ops::Range<usize>| claims[range.start].doc == *doc;
        // The document's passages, and the nearest ones, up to `NEIGHBOUR_PASSAGES` each way.
        let doc_start = (0..idx)
            .rev()
            .take_while(|before| same_doc(&passages[*before]))
            .last()
            .map_or(passage.start, |before| passages[before].start);
        let doc_end = (idx + 1..passages.len())
            .take_while(|after| same_doc(&passages[*after]))
            .last()
            .map_or(passage.end, |after| passages[after].end);
        // Passages numbered within `NEIGHBOUR_PASSAGES` of this one (a paragraph without
        // figures counts too).
        let number = claims[passage.start].passage;
        let window_start = (doc_start..passage.start)
            .find(|claim| number - claims[*claim].passage <= NEIGHBOUR_PASSAGES)
            .unwrap_or(passage.start);
        let window_end = (passage.end..doc_end)
            .find(|claim| claims[*claim].passage - number > NEIGHBOUR_PASSAGES)
            .unwrap_or(doc_end);
        results.extend(check_passage(
            &claims[doc_start..doc_end],
            passage.start - doc_start..passage.end - doc_start,
            window_start - doc_start..window_end - doc_start,
            rules,
        ));
    }
    let restated = restatements(claims, &results, rules);
    results.extend(restated);
    results
}

/// "Deportations from Germany up 30% so far this year" over "Germany has so far deported 30% more
/// people in 2024 than last year" and the passage's 6,316 and 4,792: a figure written again in
/// its document (the same unit, value and qualifier as written, or a fraction in words saying the
/// percent, see [`in_words`]; the same kind, a change the same way from the same base, no binding
/// that differs) restates one the passage's arithmetic confirmed, and is confirmed with it, the
/// confirmed line named. Only `supported` and `close`
/// results are passed on: a restatement is no contradiction of its own.
fn restatements(
    claims: &[CheckClaim],
    results: &[CheckResult],
    rules: &CheckRules,
) -> Vec<CheckResult> {
    use super::comparable::{compare, forecasts, kind_of, Comparability, Side};
    let mut checked: std::collections::BTreeSet<(&str, usize)> = results
        .iter()
        .map(|result| (result.claim.doc.as_str(), result.figure.span.start))
        .collect();
    // Each document's claims: a result reads its own document's, not the corpus.
    let mut by_doc: std::collections::HashMap<&str, Vec<&CheckClaim>> =
        std::collections::HashMap::new();
    for claim in claims {
        by_doc.entry(claim.doc.as_str()).or_default().push(claim);
    }
    let mut restated = Vec::new();
    for result in results
        .iter()
        .filter(|result| matches!(result.verdict, Verdict::Supported | Verdict::Close))
    {
        let Some(own) = by_doc.get(result.claim.doc.as_str()) else {
            continue;
        };
        let Some(stated_claim) = own
            .iter()
            .find(|claim| claim.span.contains(result.figure.span))
        else {
            continue;
        };
        let stated = &result.figure;
        let Some(stated_binding) = stated_claim.binding_of(stated) else {
            continue;
        };
        let stated_kind = kind_of(stated_claim, stated, rules);
        let stated_side = Side::of_figure(
            stated.unit,
            stated_kind,
            stated.per,
            stated_binding,
            &stated.places,
        )
        .forecasting(forecasts(stated_claim, stated, rules));
        for claim in own {
            for again in claim.figures.iter().filter(|again| {
                let written_again = super::claim::is_checkable(again)
                    && again.unit == stated.unit
                    && again.currency == stated.currency
                    && again.qualifier == stated.qualifier
                    && (again.value - stated.value).abs() <= 1e-9 * stated.value.abs().max(1.0);
                // "H-1B registrations fall 27%" over "a 26.9 per cent decline": a headline
                // rounds its body's figure.
                again.span != stated.span
                    && (written_again
                        || in_words(again, stated)
                        || super::claim::is_checkable(again) && again.rounds(stated))
            }) {
                let Some(binding) = claim.binding_of(again) else {
                    continue;
                };
                let kind = kind_of(claim, again, rules);
                if kind != stated_kind
                    || !changes_alike(
                        (claim, again, binding),
                        (stated_claim, stated, stated_binding),
                        rules,
                    )
                {
                    continue;
                }
                // A fraction in words is compared as the percent it says.
                let unit = if in_words(again, stated) {
                    stated.unit
                } else {
                    again.unit
                };
                let side = Side::of_figure(unit, kind, again.per, binding, &again.places)
                    .forecasting(forecasts(claim, again, rules));
                if matches!(
                    compare(&side, &stated_side),
                    Comparability::Different(_) | Comparability::UnlikeUncertain(_)
                ) {
                    continue;
                }
                // A round value recurs for other things ("16% of the EU's total" and
                // "Afghanistan (16%)" of unaccompanied minors): a word around both shared.
                if again.significant_digits() < 3
                    && surrounding_words(claim, again, rules).is_disjoint(&surrounding_words(
                        stated_claim,
                        stated,
                        rules,
                    ))
                {
                    continue;
                }
                if !checked.insert((claim.doc.as_str(), again.span.start)) {
                    continue;
                }
                let mut copy = result.clone();
                copy.claim = claim.claim_for(again).clone();
                copy.figure = again.clone();
                copy.explanation = format!(
                    "{} restates line {} of its document (\"{}\"): {}",
                    again.text, stated_claim.line, stated.text, result.explanation
                );
                restated.push(copy);
            }
        }
    }
    restated
}

/// The results of the claims `central` of `document` (one passage; `neighbours` adds the
/// passages around it).
fn check_passage(
    document: &[CheckClaim],
    central: std::ops::Range<usize>,
    neighbours: std::ops::Range<usize>,
    rules: &CheckRules,
) -> Vec<CheckResult> {
    let window = document;
    let claims = &window[central.clone()];
    // Where the passage's sentences lie: operands outside it are the document's, said so.
    let passage = claims
        .first()
        .zip(claims.last())
        .map(|(first, last)| Span::new(first.span.start, last.span.end));
    let mut results = Vec::new();
    for (claim_idx, claim) in claims.iter().enumerate() {
        for figure in &claim.figures {
            let found = match figure.unit {
                Unit::Count | Unit::Money => difference(claims, claim_idx, figure, rules)
                    .or_else(|| change_amount(claim, figure, rules)),
                Unit::Percent => {
                    percent_change(claim, figure, rules).or_else(|| share(claim, figure))
                }
                Unit::Multiplier => multiplier(claim, figure),
                _ => None,
            }
            .or_else(|| {
                super::relations::search(
                    window,
                    central.clone(),
                    neighbours.clone(),
                    central.start + claim_idx,
                    figure,
                    rules,
                )
            });
            if let Some((comparison, expression, operands)) = found {
                let own_passage = passage.is_some_and(|passage| {
                    operands
                        .iter()
                        .all(|operand| passage.contains(operand.span))
                });
                results.push(result(
                    claim,
                    figure,
                    &comparison,
                    expression,
                    operands,
                    own_passage,
                ));
            }
        }
    }
    results
}

pub(super) type Found = (Comparison, String, Vec<Operand>);

/// The sentence says the figure is a difference ("deficit", "gap"), and two earlier figures of
/// the passage with its unit differ by it.
fn difference(
    claims: &[CheckClaim],
    claim_idx: usize,
    figure: &Figure,
    rules: &CheckRules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    let offset = figure.span.start.checked_sub(claim.span.start)?;
    let before_figure = claim.text.get(..offset)?;
    if !CheckRules::says(before_figure, &rules.difference) || figure.range.is_some() {
        return None;
    }
    // A figure the same word calls a difference too ("a net loss of 44,500 ... a net gain of
    // 173,400") is another net figure, not one of this one's operands.
    let operands: Vec<&Figure> = claims[..=claim_idx]
        .iter()
        .flat_map(|claim| claim.figures.iter().map(move |other| (claim, other)))
        .filter(|(_, other)| other.span.end <= figure.span.start)
        .filter(|(_, other)| other.unit == figure.unit && other.range.is_none())
        .filter(|(_, other)| other.currency == figure.currency)
        .filter(|(claim, other)| !CheckRules::says(just_before(claim, other), &rules.difference))
        .map(|(_, other)| other)
        .collect();
    let mut best: Option<Found> = None;
    for (i, a) in operands.iter().enumerate() {
        for b in &operands[i + 1..] {
            let (big, small) = if a.value >= b.value { (a, b) } else { (b, a) };
            // "29,600 returning ... while 30,500 left ... a net migration of minus 900": a
            // difference written negative subtracts the larger operand.
            let (big, small) = if figure.value < 0.0 {
                (small, big)
            } else {
                (big, small)
            };
            // Two figures of earlier sentences may confirm a difference but never contradict
            // it: they may be the operands of another one.
            let own = |other: &Figure| claim.span.contains(other.span);
            let comparison = Comparison {
                strong: operands.len() == 2 && own(big) && own(small),
                ..Comparison::new(
                    (figure.value, figure.low, figure.high),
                    (
                        big.value - small.value,
                        low(big) - high(small),
                        high(big) - low(small),
                    ),
                )
            };
            let verdict = decide(&comparison);
            let better = best
                .as_ref()
                .is_none_or(|(current, _, _)| comparison.gap() < current.gap());
            if better
                && (verdict != Verdict::Unverifiable)
                && (operands.len() == 2 || verdict == Verdict::Supported)
            {
                let expression = format!(
                    "{} − {} = {}",
                    format_number(big.value),
                    format_number(small.value),
                    format_number(big.value - small.value)
                );
                best = Some((comparison, expression, vec![operand(big), operand(small)]));
            }
        }
    }
    best
}

/// The few words right before a figure in its sentence ("a net loss of").
fn just_before<'c>(claim: &'c CheckClaim, figure: &Figure) -> &'c str {
    const BEFORE: usize = 24;
    let end = figure.span.start.saturating_sub(claim.span.start);
    let start = crate::util::ceil_char_boundary(&claim.text, end.saturating_sub(BEFORE));
    claim.text.get(start..end).unwrap_or("")
}

/// A percent change stated in the same sentence as the change it measures.
fn percent_change(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> Option<Found> {
    let sign = direction_of(claim, figure, rules)?;
    let (change, farther) = match two_ended_change(claim, figure) {
        Some(change) => (change, false),
        None => (farther_two_ended_change(claim, figure)?, true),
    };
    let (start, end) = ends(change)?;
    let half = half_width(change);
    let expected = (end - start) / start * 100.0;
    let low_end = ((end - half) / (start + half) - 1.0) * 100.0;
    let high_end = ((end + half) / (start - half).max(f64::MIN_POSITIVE) - 1.0) * 100.0;
    let claim_interval = signed(&stated_change(figure), sign);
    let mut comparison =
        Comparison::new(claim_interval, (expected, low_end, high_end)).stating_change(sign);
    if farther {
        comparison.strong = false;
    }
    let expression = format!(
        "({} − {}) / {} × 100 = {:+.1}%",
        format_number(end),
        format_number(start),
        format_number(start),
        expected
    );
    Some((comparison, expression, vec![operand(change)]))
}

/// An amount of change ("decreased by just over 96,000, from 100,548 in June 2022 to 4,537")
/// beside the change written with both ends that it measures: the difference of the ends.
fn change_amount(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> Option<Found> {
    // Itself a change with two ends is no amount.
    if figure.range.is_some_and(|range| range.low != range.high) {
        return None;
    }
    let sign = direction_of(claim, figure, rules)?;
    // "from 1,044,606 to 1,293,463 in 2023, which represents an increase of 248,857": a little
    // further away, close enough to confirm, too far to call wrong.
    let (change, farther) = match two_ended_change(claim, figure) {
        Some(change) => (change, false),
        None => (farther_two_ended_change(claim, figure)?, true),
    };
    if change.unit != figure.unit || change.currency != figure.currency {
        return None;
    }
    let (start, end) = ends(change)?;
    // The amount's direction is the change's ("rose by 900, from 1,200 to 300" is no relation).
    if (end > start) != (sign > 0.0) {
        return None;
    }
    let half = half_width(change);
    let expected = (end - start).abs();
    let mut comparison = Comparison::new(
        (figure.value, figure.low, figure.high),
        (
            expected,
            (expected - 2.0 * half).max(0.0),
            expected + 2.0 * half,
        ),
    );
    if farther {
        comparison.strong = false;
    }
    let expression = format!(
        "{} − {} = {}",
        format_number(start.max(end)),
        format_number(start.min(end)),
        format_number(expected)
    );
    Some((comparison, expression, vec![operand(change)]))
}

/// A multiplier ("tripled", "twice") in the same sentence as the change it measures.
fn multiplier(claim: &CheckClaim, figure: &Figure) -> Option<Found> {
    let change = two_ended_change(claim, figure)?;
    let (start, end) = ends(change)?;
    let half = half_width(change);
    let expected = end / start;
    let comparison = Comparison::new(
        (figure.value, figure.low, figure.high),
        (
            expected,
            (end - half) / (start + half),
            (end + half) / (start - half).max(f64::MIN_POSITIVE),
        ),
    );
    let expression = format!(
        "{} / {} = {:.2}",
        format_number(end),
        format_number(start),
        expected
    );
    Some((comparison, expression, vec![operand(change)]))
}

/// "1,204 (12%) of 10,033" or "1,204 of 10,033 (12%)": a share beside its part and total.
fn share(claim: &CheckClaim, figure: &Figure) -> Option<Found> {
    let counts: Vec<&Figure> = claim
        .figures
        .iter()
        .filter(|other| other.unit == Unit::Count && other.range.is_none())
        .collect();
    let text_between = |a: &Figure, b: &Figure| -> Option<String> {
        let from = a.span.end.checked_sub(claim.span.start)?;
        let to = b.span.start.checked_sub(claim.span.start)?;
        claim
            .text
            .get(from..to)
            .map(|text| text.trim().to_lowercase())
    };
    for part in &counts {
        for total in &counts {
            if part.span == total.span || part.value >= total.value || total.value <= 0.0 {
                continue;
            }
            let shape = if part.span.end <= figure.span.start && figure.span.end <= total.span.start
            {
                // "1,204 (12%) of 10,033".
                text_between(part, figure).as_deref() == Some("(")
                    && text_between(figure, total)
                        .is_some_and(|between| between.starts_with(')') && between.ends_with("of"))
            } else if part.span.end <= total.span.start && total.span.end <= figure.span.start {
                // "1,204 of 10,033 (12%)".
                text_between(part, total).as_deref() == Some("of")
                    && text_between(total, figure).as_deref() == Some("(")
            } else {
                false
            };
            if !shape {
                continue;
            }
            return Some(share_of(
                (figure.value, figure.low, figure.high),
                (part, low(part), high(part)),
                (total, low(total), high(total)),
            ));
        }
    }
    None
}

/// A claimed percentage against `part` / `whole` × 100, the interval from both operands'
/// `(figure, low, high)`.
pub(super) fn share_of(
    claimed: (f64, Option<f64>, Option<f64>),
    (part, part_low, part_high): (&Figure, f64, f64),
    (whole, whole_low, whole_high): (&Figure, f64, f64),
) -> Found {
    let expected = part.value / whole.value * 100.0;
    let comparison = Comparison::new(
        claimed,
        (
            expected,
            part_low / whole_high * 100.0,
            part_high / whole_low.max(f64::MIN_POSITIVE) * 100.0,
        ),
    );
    let expression = format!(
        "{} / {} × 100 = {:.1}%",
        format_number(part.value),
        format_number(whole.value),
        expected
    );
    (comparison, expression, vec![operand(part), operand(whole)])
}

/// Whether two figures, each with its sentence and binding, change alike: the same way (or
/// neither a change) and from no different base ("a 10% increase on last year" and "10% down
/// on 2022" of one total are two statistics).
pub fn changes_alike(
    (claim, figure, binding): (&CheckClaim, &Figure, &crate::bind::Binding),
    (other_claim, other, other_binding): (&CheckClaim, &Figure, &crate::bind::Binding),
    rules: &CheckRules,
) -> bool {
    let other_base = matches!(
        (&binding.compared_with, &other_binding.compared_with),
        (Some(one), Some(two)) if one != two
    );
    !other_base && direction_of(claim, figure, rules) == direction_of(other_claim, other, rules)
}

/// "The number … has fallen by more than a third" beside a confirmed "dropped by 34.1 per cent":
/// a fraction in words whose interval holds a percent (its own for "a third", 27.8% to 38.9%;
/// an open one up to 1.3 times its value) says that percent in words.
fn in_words(fraction: &Figure, percent: &Figure) -> bool {
    /// How far past an open fraction the value may lie ("more than a third" is not 45%).
    const OPEN: f64 = 1.3;
    if fraction.unit != Unit::Fraction || percent.unit != Unit::Percent {
        return false;
    }
    let share = percent.value / 100.0;
    let (low, high) = match (fraction.low, fraction.high) {
        (Some(low), Some(high)) => (low, high),
        (Some(low), None) => (low, low * OPEN),
        (None, Some(high)) => (high / OPEN, high),
        (None, None) => return false,
    };
    low <= share && share <= high
}

/// Bytes either side of a figure read for the words around it.
const AROUND_WORDS: usize = 40;

/// The content words within `AROUND_WORDS` bytes either side of a figure in its sentence.
fn surrounding_words(
    claim: &CheckClaim,
    figure: &Figure,
    rules: &CheckRules,
) -> std::collections::BTreeSet<String> {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let text = format!(
        "{} {}",
        around(&claim.text, start.saturating_sub(AROUND_WORDS), start),
        around(&claim.text, end, end + AROUND_WORDS)
    );
    super::cross::words(&text, rules)
}

/// Up (+1) or down (−1): the figure's own change direction, else a change word within a few
/// words of it ("increased 49 percent", "losing 30% of"). A figure written as the end of a change
/// ("grew … to 13 percent") is a level, not a change.
pub fn direction_of(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> Option<f64> {
    let start = figure.span.start.checked_sub(claim.span.start)?;
    // "341 lives lost in the Caribbean, 233 in Europe": deaths, no fall.
    let text = without_phrases(&claim.text, &rules.no_change);
    let before = around(&text, start.saturating_sub(NEAR), start);
    let before_lower = before.trim_end().to_lowercase();
    if before_lower.ends_with(" to") {
        return None;
    }
    // The base of a change or comparison is a level: "up 16% from 232,963 in August", "more
    // than the 63,436 registered a year earlier", "higher than 2021's total of 28,526".
    if figure
        .range
        .is_none_or(|range| range.kind != RangeKind::Change)
        && is_comparison_base(&before_lower)
    {
        return None;
    }
    if let Some(range) = figure.range {
        if range.kind == RangeKind::Change {
            return range.direction.map(|direction| match direction {
                Direction::Up => 1.0,
                Direction::Down => -1.0,
            });
        }
    }
    // A change word before another number (a year aside) is that number's: in "at 738,946 (up
    // 11.4%), accounting for 19.6%", the rise is the 11.4%'s and 19.6% a share.
    let before = after_last_bracketed_number(before);
    // "recorded an 18% rise in arrivals, with nearly 47,000 crossings": the change word right
    // after another number is that number's.
    let before = after_changing_number(before, rules);
    let end = figure.span.end.checked_sub(claim.span.start)?;
    let after = around(&text, end, end + NEAR);
    // The next number is looked for a little past the window: a change word at the window's
    // end may be that number's.
    let further = around(&text, end, end + 2 * NEAR);
    // A change word after another number is that number's: in "were 144,607, a 30% decrease
    // from May", the decrease is the 30%'s and 144,607 a level.
    let after = match further.find(|ch: char| ch.is_ascii_digit()) {
        // A change word right before the next number is that number's too: in "hits 672,000,
        // up 65,000 from the previous year" the rise is the 65,000's and 672,000 a level, and
        // in "a high of 250,000, Mexicans made up fewer than 1 in 4" the "fewer" bounds the 1.
        Some(at) => {
            let between = &further[..at];
            let mut words: Vec<&str> = between
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .collect();
            // "… 250,000, Mexicans made up fewer than 1 in 4": a comparative before "than" and
            // the next number bounds that number.
            if words
                .last()
                .is_some_and(|word| matches!(*word, "by" | "of" | "than"))
            {
                words.pop();
            }
            let last_is_change = words.last().is_some_and(|word| {
                CheckRules::says(word, &rules.up) || CheckRules::says(word, &rules.down)
            });
            if last_is_change {
                ""
            } else {
                &between[..between.len().min(after.len())]
            }
        }
        None => after,
    };
    // "20% more than a year before", "30% more people": "more" right after a percent is a
    // rise ("more than 5,000" before a count is a bound, never a direction), and so it is
    // right after a count: "Austria (500 more, or +120%)" is a rise of 500.
    // "5 % más" in Spanish ("menos", like "fewer", is a down word anywhere). A count's "more"
    // is a rise only with nothing counted after it: "nearly 80,000 more refugees" are that many
    // refugees.
    let mut words_after = after.split_whitespace();
    let more_after = matches!(figure.unit, Unit::Percent | Unit::Fraction | Unit::Count)
        && words_after.next().is_some_and(|word| {
            let bare = word.trim_end_matches([',', ')', ';', '.']);
            matches!(bare.to_lowercase().as_str(), "more" | "más")
                && (figure.unit != Unit::Count
                    || bare.len() < word.len()
                    || words_after.next().is_none_or(|next| next == "than"))
        });
    // "(89,370) within the six months up to and including April 30", "up to 10,000 per week":
    // "up to" bounds a span or an amount, it is no rise.
    let near = format!("{before} {after}")
        .to_lowercase()
        .replace("up to ", "to ")
        .replace("up until ", "until ");
    // "a net migration loss of 44,500", "the record loss of 44,400 in the February 2012 year":
    // a count of net migration lost or gained is a level, not a change.
    let near = if matches!(figure.unit, Unit::Count) {
        net_flow_words(&near)
    } else {
        near
    };

    let up = more_after || CheckRules::says(&near, &rules.up);
    let down = CheckRules::says(&near, &rules.down);
    match (up, down) {
        (true, false) => Some(1.0),
        (false, true) => Some(-1.0),
        (false, false) => verb_before_by(claim, figure, start, &before_lower, rules),
        _ => None,
    }
}

/// `text` with each of `phrases` (lower case, matched in any case) blanked out, its length kept.
fn without_phrases<'t>(text: &'t str, phrases: &[String]) -> std::borrow::Cow<'t, str> {
    let lower = text.to_lowercase();
    // Byte offsets of the lower-cased text are the text's only when no letter changed length.
    if lower.len() != text.len() || !phrases.iter().any(|phrase| lower.contains(phrase.as_str())) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for phrase in phrases {
        for (at, _) in lower.match_indices(phrase.as_str()) {
            if out.is_char_boundary(at) && out.is_char_boundary(at + phrase.len()) {
                out.replace_range(at..at + phrase.len(), &" ".repeat(phrase.len()));
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// "plummeted OFW deployment figures in 2020 by 74.5%", "cut admissions last year by a third":
/// a percent or fraction right after "by" is the change of the verb its clause opens with, even
/// a few words further back than [`NEAR`].
fn verb_before_by(
    claim: &CheckClaim,
    figure: &Figure,
    start: usize,
    before_lower: &str,
    rules: &CheckRules,
) -> Option<f64> {
    /// How far back the change verb may stand ("plummeted OFW deployment figures in 2020 by").
    const BY_REACH: usize = 60;
    if !matches!(figure.unit, Unit::Percent | Unit::Fraction) || !before_lower.ends_with(" by") {
        return None;
    }
    let wider = around(&claim.text, start.saturating_sub(BY_REACH), start).to_lowercase();
    // Within the clause: back to the last comma, semicolon, colon or full stop.
    let clause = wider.rsplit([',', ';', ':', '.']).next().unwrap_or("");
    let up = CheckRules::says(clause, &rules.up);
    let down = CheckRules::says(clause, &rules.down);
    match (up, down) {
        (true, false) => Some(1.0),
        (false, true) => Some(-1.0),
        _ => None,
    }
}

/// The end of `text` after its last parenthesis that holds a number ("(up 11.4%), accounting
/// for " is ", accounting for "); a change word in it is that number's. "increased by 6.9 percent
/// and " stays whole: its change word is shared.
/// `text` after the last number followed, its unit words aside, by a change word ("an 18% rise
/// in arrivals, with nearly"): that change is the number's, not the figure's after it. A change
/// word with nothing but "by" or "of" after it is the figure's own ("at 932,090, up").
fn after_changing_number<'t>(text: &'t str, rules: &CheckRules) -> &'t str {
    let Some(last_digit) = text.rfind(|ch: char| ch.is_ascii_digit()) else {
        return text;
    };
    let is_unit = |word: &str| matches!(word, "%" | "percent" | "per" | "cent");
    let mut offset = last_digit + 1;
    let next_word = text[offset..]
        .split_inclusive(|ch: char| !ch.is_alphanumeric() && ch != '%')
        .find_map(|piece| {
            offset += piece.len();
            let word = piece
                .trim_end_matches(|ch: char| !ch.is_alphanumeric() && ch != '%')
                .to_lowercase();
            (!word.is_empty() && !is_unit(&word)).then_some(word)
        });
    let changes = next_word.is_some_and(|word| {
        CheckRules::says(&word, &rules.up) || CheckRules::says(&word, &rules.down)
    });
    let after = &text[offset.min(text.len())..];
    let own = after
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| matches!(word.to_lowercase().as_str(), "by" | "of" | "a" | "an"));
    if changes && !own {
        after
    } else {
        text
    }
}

fn after_last_bracketed_number(text: &str) -> &str {
    let Some(close) = text.rfind(')') else {
        return text;
    };
    let open = text[..close].rfind('(').unwrap_or(0);
    if text[open..close].chars().any(|ch| ch.is_ascii_digit()) {
        &text[close + 1..]
    } else {
        text
    }
}

/// `text` with "loss", "losses", "gain" and "gains" blanked: for a count they name a net flow
/// (a level), not the direction of a change.
fn net_flow_words(text: &str) -> String {
    text.split_inclusive(|ch: char| !ch.is_alphanumeric())
        .map(|piece| {
            let word = piece.trim_end_matches(|ch: char| !ch.is_alphanumeric());
            if matches!(
                word.to_lowercase().as_str(),
                "loss" | "losses" | "gain" | "gains"
            ) {
                " ".repeat(piece.len())
            } else {
                piece.to_string()
            }
        })
        .collect()
}

/// A figure written right after "than" or "from", or a few words after, is the base of the
/// comparison, a level: "from 232,963", "higher than 2021's total of 28,526", "down 7% from an
/// all-time high of more than 2.2 million". `before` is the lowercased text before the figure,
/// trimmed. The words between the cue and the figure are a short noun phrase: at most five, no
/// comma, no "to" (which starts the change's other end), and no number but a year.
pub(super) fn is_comparison_base(before: &str) -> bool {
    // Padded, so a cue right before the figure ("from 232,963") leaves no words at all.
    let before = format!("{before} ");
    let Some(after_cue) = [" than ", " from ", " compared with ", " compared to "]
        .iter()
        .filter_map(|cue| before.rfind(cue).map(|at| &before[at + cue.len()..]))
        .min_by_key(|rest| rest.len())
    else {
        return false;
    };
    let words: Vec<&str> = after_cue.split_whitespace().collect();
    let is_year = |word: &str| {
        let digits = word.trim_end_matches("'s").trim_end_matches("’s");
        digits.len() == 4 && digits.chars().all(|ch| ch.is_ascii_digit())
    };
    words.len() <= 5
        && !after_cue.contains(',')
        && !words.contains(&"to")
        && words
            .iter()
            .all(|word| is_year(word) || !word.chars().any(|ch| ch.is_ascii_digit()))
}

/// How many bytes around a figure its change word or its operands may be.
const NEAR: usize = 30;

/// `text[from..to]`, clamped to the text and to character boundaries.
pub fn around(text: &str, from: usize, to: usize) -> &str {
    let mut from = from.min(text.len());
    let mut to = to.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(from..to).unwrap_or("")
}

/// The interval a stated percent change stands for. A whole percent written without qualifier
/// may be truncated rather than rounded ("fell 41%" for a fall of 41.9%): it reaches to the next
/// whole number. A round one stands for its last significant digit ("soared 1,500%" is 1,450
/// to 1,550, as a writer rounds a change of 1,581% to "1,500%", not to the unit).
pub(super) fn stated_change(figure: &Figure) -> Figure {
    let mut stated = figure.clone();
    let whole = figure.value.fract() == 0.0 && figure.qualifier == Qualifier::Exact;
    if figure.unit != Unit::Percent || !whole || figure.high.is_none() {
        return stated;
    }
    let integer_digits = figure.value.abs().log10().floor() as usize + 1;
    if figure.value.abs() >= 10.0 && figure.significant_digits() < integer_digits {
        let unit = 10f64.powi((integer_digits - figure.significant_digits()) as i32);
        stated.low = Some(figure.value - unit / 2.0);
        stated.high = Some(figure.value + unit / 2.0);
    } else {
        stated.high = Some(figure.value + 1.0);
    }
    stated
}

/// The claim interval of a percent change, negative for a fall.
pub fn signed(figure: &Figure, sign: f64) -> (f64, Option<f64>, Option<f64>) {
    if sign < 0.0 {
        (
            -figure.value,
            figure.high.map(|v| -v),
            figure.low.map(|v| -v),
        )
    } else {
        (figure.value, figure.low, figure.high)
    }
}

/// The change written with both ends right beside the figure: at most [`NEAR`] bytes away and
/// no other statistic between them ("increased 49 percent, from 173 million to 258 million").
fn two_ended_change<'a>(claim: &'a CheckClaim, figure: &Figure) -> Option<&'a Figure> {
    two_ended_change_within(claim, figure, NEAR)
}

/// [`two_ended_change`] a little further away ("a 26.9 per cent decline in eligible
/// registrations — from 470,342 for FY2025 to 343,981"), with no clause word between: close
/// enough to confirm, too far to call wrong (`false` strength: a mismatch is `unverifiable`).
fn farther_two_ended_change<'a>(claim: &'a CheckClaim, figure: &Figure) -> Option<&'a Figure> {
    /// Bytes between a percent or multiplier and the change it may measure.
    const FARTHER: usize = 64;
    let change = two_ended_change_within(claim, figure, FARTHER)?;
    let (first, second) = if change.span.start < figure.span.start {
        (change, figure)
    } else {
        (figure, change)
    };
    let between = claim.text.get(
        first.span.end.saturating_sub(claim.span.start)
            ..second.span.start.saturating_sub(claim.span.start),
    )?;
    (!CLAUSE_WORDS.iter().any(|word| between.contains(word))).then_some(change)
}

/// The nearest change written with both ends within `max_gap` bytes of `figure`, no statistic
/// between: "down 18% from 530,312 to 435,891, and for family visas, down 15% from 83,912 to
/// 70,961" gives the 15% the change right after it, not the one before.
fn two_ended_change_within<'a>(
    claim: &'a CheckClaim,
    figure: &Figure,
    max_gap: usize,
) -> Option<&'a Figure> {
    let gap = |other: &Figure| {
        if other.span.start < figure.span.start {
            figure.span.start.saturating_sub(other.span.end)
        } else {
            other.span.start.saturating_sub(figure.span.end)
        }
    };
    claim
        .figures
        .iter()
        .filter(|other| {
            let is_change = other.span != figure.span
                && !matches!(other.unit, Unit::Year | Unit::Percent | Unit::Multiplier)
                && other.range.is_some_and(|range| {
                    range.kind == RangeKind::Change && range.low != range.high && range.low > 0.0
                });
            let (first, second): (&Figure, &Figure) = if other.span.start < figure.span.start {
                (other, figure)
            } else {
                (figure, other)
            };
            let gap = second.span.start.saturating_sub(first.span.end);
            let between = claim.figures.iter().any(|third| {
                super::claim::is_checkable(third)
                    && third.span.start >= first.span.end
                    && third.span.end <= second.span.start
            });
            // "… from 530,312 to 435,891, and for family visas, down 15%": a clause word between
            // a change and a figure after it starts another statement.
            let other_clause = first.span.start < figure.span.start
                && claim
                    .text
                    .get(
                        first.span.end.saturating_sub(claim.span.start)
                            ..second.span.start.saturating_sub(claim.span.start),
                    )
                    .is_some_and(|words| CLAUSE_WORDS.iter().any(|word| words.contains(word)));
            is_change && gap <= max_gap && !between && !other_clause
        })
        .min_by_key(|other| gap(other))
}

/// Words that start another clause between a change and a figure after it.
const CLAUSE_WORDS: &[&str] = &[" and ", " while ", " but ", " whereas ", " as ", ";", ". "];

/// `(start, end)` of a two-ended change.
fn ends(change: &Figure) -> Option<(f64, f64)> {
    let range = change.range?;
    Some(match range.direction {
        Some(Direction::Down) => (range.high, range.low),
        _ => (range.low, range.high),
    })
}

/// Half the written precision of a change's end value, used for both ends.
fn half_width(figure: &Figure) -> f64 {
    match (figure.low, figure.high) {
        (Some(low), Some(high)) if high > low => (high - low) / 2.0,
        _ => 0.0,
    }
}

pub(super) fn low(figure: &Figure) -> f64 {
    figure.low.unwrap_or(figure.value)
}

pub(super) fn high(figure: &Figure) -> f64 {
    figure.high.unwrap_or(figure.value)
}

pub(super) fn operand(figure: &Figure) -> Operand {
    Operand {
        text: figure.text.clone(),
        value: figure.value,
        span: figure.span,
    }
}

fn result(
    claim: &CheckClaim,
    figure: &Figure,
    comparison: &Comparison,
    expression: String,
    operands: Vec<Operand>,
    own_passage: bool,
) -> CheckResult {
    // The relation is read off cue words ("net", "a total of", "up … from"): a result more than
    // twice or less than half the figure is taken for a relation the writer did not mean, never
    // for an error in the figure.
    let comparison = &Comparison {
        magnitude_guard: true,
        ..comparison.clone()
    };
    let verdict = decide(comparison);
    let explanation = super::verdict::sentence(
        verdict,
        &figure.text,
        comparison,
        &if own_passage {
            format!("The passage's own figures ({expression})")
        } else {
            format!("Figures of its document, beyond its passage ({expression})")
        },
    );
    CheckResult {
        claim: claim.claim_for(figure).clone(),
        figure: figure.clone(),
        method: Method::Arithmetic,
        verdict,
        expected: Some(comparison.expected),
        difference: comparison.difference(),
        change: comparison.change,
        evidence: Evidence::Arithmetic(ArithmeticEvidence {
            expression,
            operands,
        }),
        binding: None,
        explanation,
        review: None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_comparison_base;
    use crate::check::claim::tests::document_dated;
    use crate::check::relations::tests::arithmetic_of;
    use crate::check::Verdict;

    /// The arithmetic results of one passage, as `(figure, verdict, expression)`.
    fn arithmetic(text: &str) -> Vec<(String, Verdict, String)> {
        arithmetic_of(document_dated(text, "2023-09-01"))
    }

    #[test]
    fn a_percent_takes_the_change_written_with_both_ends_nearest_it_in_its_clause() {
        let got = arithmetic(
            "There were smaller drops in the number of study visas, down 18% from 530,312 to \
             435,891, and for family visas, down 15% from 83,912 to 70,961.",
        );
        let verdict = |figure: &str| {
            got.iter()
                .find(|(text, _, _)| text == figure)
                .map(|(_, verdict, expression)| (*verdict, expression.clone()))
        };
        let fifteen = verdict("15%").expect("a result for 15%");
        assert_eq!(fifteen.0, Verdict::Supported, "{got:?}");
        assert!(fifteen.1.contains("83,912"), "{got:?}");
        // A change of another clause before the figure is not its change.
        let got = arithmetic(
            "Study visas fell from 530,312 to 435,891, and family visas fell 15% in the year.",
        );
        assert!(
            got.iter()
                .all(|(text, verdict, _)| text != "15%" || *verdict != Verdict::Contradicted),
            "{got:?}"
        );
    }

    #[test]
    fn a_figure_written_again_is_confirmed_with_the_passage_s_arithmetic() {
        let document = crate::check::claim::tests::paragraphs_dated(
            "Border arrests plunge 29% in June\n\nArrests for illegally crossing the border \
             plunged 29% in June. Border Patrol made 83,536 arrests in June, down from 117,901 \
             in May.\n\nSyrians lodged 148,000 of the 912,000 applications, or 16% of the \
             total.\n\nGirls made up 16% of the unaccompanied minors.",
            "2023-09-01",
        );
        let rules = crate::check::CheckRules::builtin().unwrap();
        let (results, _) = crate::check::check(&[document], &[], &rules);
        let restated = |figure: &str| {
            results
                .iter()
                .filter(|result| {
                    result.figure.text == figure && result.explanation.contains("restates line")
                })
                .map(|result| (result.claim.line, result.verdict))
                .collect::<Vec<_>>()
        };
        // The headline's 29% restates the body's, which the two totals confirm.
        assert_eq!(restated("29%"), [(1, Verdict::Supported)], "{results:?}");
        // A round value written again around other words is no restatement.
        assert!(restated("16%").is_empty(), "{results:?}");
        // A fraction in words says the confirmed percent ("a third" for 34.1 per cent).
        let document = crate::check::claim::tests::paragraphs_dated(
            "Work visas fall by a third\n\nThe number of work visas issued dropped by 34.1 per \
             cent from 397,800 to 262,000.",
            "2024-08-22",
        );
        let (results, _) = crate::check::check(&[document], &[], &rules);
        assert!(
            results.iter().any(|result| result.figure.text == "a third"
                && result.verdict == Verdict::Supported
                && result.explanation.contains("restates line")),
            "{results:?}"
        );
        // A headline rounds its body's percent ("27%" of "26.9 per cent"); "30%" is no
        // rounding of it.
        let headline = |percent: &str| {
            let document = crate::check::claim::tests::paragraphs_dated(
                &format!(
                    "H-1B registrations fall {percent} as rules tighten\n\nUSCIS reported a 26.9 \
                     per cent decline in eligible registrations, from 470,342 for FY2025 to \
                     343,981 for FY2026."
                ),
                "2025-07-19",
            );
            let (results, _) = crate::check::check(&[document], &[], &rules);
            results.iter().any(|result| {
                result.figure.text == percent
                    && result.verdict == Verdict::Supported
                    && result.explanation.contains("restates line")
            })
        };
        assert!(headline("27%"));
        assert!(!headline("30%"));
    }

    #[test]
    fn a_negative_difference_subtracts_the_larger_operand() {
        let got = arithmetic(
            "Of the country's own citizens, 12,400 came back while 13,100 left, giving a net \
             migration of minus 700 people.",
        );
        assert_eq!(
            got,
            vec![(
                "minus 700".to_string(),
                Verdict::Supported,
                "12,400 − 13,100 = -700".to_string()
            )]
        );
    }

    #[test]
    fn a_percent_change_a_few_words_from_its_two_ends_can_confirm_but_not_contradict() {
        let text = "USCIS reported a 26.9 per cent decline in eligible registrations — from \
                    470,342 for FY2025 to 343,981 for FY2026.";
        let got = arithmetic(text);
        assert!(
            got.iter()
                .any(|(figure, verdict, _)| figure == "26.9 per cent"
                    && *verdict == Verdict::Supported),
            "{got:?}"
        );
        let wrong = arithmetic(&text.replace("26.9", "40"));
        assert!(
            wrong
                .iter()
                .all(|(_, verdict, _)| *verdict != Verdict::Contradicted),
            "{wrong:?}"
        );
    }

    #[test]
    fn an_amount_of_change_is_the_difference_of_the_two_ends_beside_it() {
        let got = arithmetic(
            "These applications have decreased by just over 96,000, from 100,548 in June 2022 \
             to 4,537 in December 2023.",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "just over 96,000"
                    && *verdict == Verdict::Supported
                    && expression == "100,548 − 4,537 = 96,011"),
            "{got:?}"
        );
        let wrong = arithmetic("Exits rose by 3,000, from 10,000 to 12,000.");
        assert!(
            wrong
                .iter()
                .any(|(figure, verdict, _)| figure == "3,000" && *verdict == Verdict::Contradicted),
            "{wrong:?}"
        );
        // An amount against the direction of the change is no relation.
        let opposite = arithmetic("Exits rose by 2,000, from 12,000 to 10,000.");
        assert!(
            !opposite.iter().any(|(figure, ..)| figure == "2,000"),
            "{opposite:?}"
        );
        // A little further on, after the ends (an opening quote before them): it confirms;
        // a mismatch there is too far to call wrong.
        let further = arithmetic(
            "This was from “1,044,606 to 1,293,463 in 2023, which represents an increase of \
             248,857,” the document reads.",
        );
        assert!(
            further
                .iter()
                .any(|(figure, verdict, expression)| figure == "248,857"
                    && *verdict == Verdict::Supported
                    && expression == "1,293,463 − 1,044,606 = 248,857"),
            "{further:?}"
        );
        let far_off = arithmetic(
            "This was from 1,044,606 to 1,293,463 in 2023, which represents an increase of \
             148,857.",
        );
        assert!(
            far_off
                .iter()
                .all(|(_, verdict, _)| *verdict != Verdict::Contradicted),
            "{far_off:?}"
        );
    }

    #[test]
    fn a_difference_from_two_earlier_sentences_can_confirm_but_not_contradict() {
        // Made-up figures: the two counts of the first sentence are not the net figure's operands.
        let got = arithmetic(
            "There were 500,000 arrivals in the year and 100,000 births. \
             The net figure was 350,000.",
        );
        assert!(
            got.iter()
                .all(|(_, verdict, _)| *verdict != Verdict::Contradicted),
            "{got:?}"
        );
        // Whether `figure` of `text` gets `verdict`.
        let gets = |text: &str, figure: &str, verdict: Verdict| {
            let got = arithmetic(text);
            assert!(
                got.iter()
                    .any(|(written, found, _)| written == figure && *found == verdict),
                "{got:?}"
            );
        };
        // In its own sentence, a wrong net figure is still an error.
        gets(
            "Arrivals were 500,000 and departures 100,000, a net gain of 300,000.",
            "300,000",
            Verdict::Contradicted,
        );
        // A result more than twice or under half the figure is another relation, not an error.
        gets(
            "Arrivals were 500,000 and departures 100,000, a net gain of 900,000.",
            "900,000",
            Verdict::Unverifiable,
        );
    }

    #[test]
    fn net_figures_are_not_each_others_difference() {
        // 52,000 = 61,300 − 9,300: the later net figure is no difference of the two before it.
        let got = arithmetic(
            "The net migration gain of 52,000 in the year was made up of a net loss of 9,300 \
             citizens, more than offset by a net gain of 61,300 non-citizens.",
        );
        assert!(
            got.iter()
                .all(|(_, verdict, _)| *verdict != Verdict::Contradicted),
            "{got:?}"
        );
    }

    #[test]
    fn a_figure_a_few_words_after_than_or_from_is_the_comparisons_base() {
        for before in [
            "crossings in 2023 were higher than 2021's total of",
            "down 7% from an all-time high of",
            "a decline of 80% from a peak of nearly",
            "fewer applications compared with the",
            "up 16% from",
            "more than",
        ] {
            assert!(is_comparison_base(before), "{before}");
        }
        for before in [
            // The change's other end, a clause later, a figure between: not a base.
            "arrivals rose from 2019 to",
            "up 300% from 2019, reaching",
            "higher than in 2022 when 4,000 and then",
            "the total climbed, rising by",
            "far more than the number that the agency had expected to see in its own",
        ] {
            assert!(!is_comparison_base(before), "{before}");
        }
    }
}
