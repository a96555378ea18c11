//! Arithmetic relations found by search: a percent change, a share, a multiplier or a total
//! whose operands a passage states somewhere else than right beside it ("218,763 in September,
//! up 21% from 181,084 in August"; "of the 9,753 … 8,207 (84 percent) were single adults";
//! "Venezuelans 54,833, Mexicans …, in all 218,763").
//!
//! Only a relation that holds is reported (`supported`, with the computation in full): among the
//! many pairs of a passage's figures, one that misses says nothing about which pair the writer
//! meant, so a miss is never a finding. Operands are figures with the unit the relation needs,
//! at least one of them in the figure's sentence or the one before or after; from the figure's
//! passage, from its neighbours when the claim and operands are exact and distinctive, and from
//! anywhere in the document when, besides, their periods are the figure's own (see `search`).

use super::arithmetic::{
    direction_of, high, is_comparison_base, low, operand, share_of, signed, stated_change, Found,
};
use super::claim::CheckClaim;
use super::rules::CheckRules;
use super::verdict::{decide, Comparison, Verdict};
use crate::bind::{Period, PeriodSource};
use crate::datasets::text::format_number;
use crate::figures::{Figure, Qualifier, RangeKind, Unit};
use crate::span::Span;

/// The most operands a total is searched over (a passage's counts taken 2 to 4 at a time).
const MAX_SUM_POOL: usize = 12;
const MAX_SUM_TERMS: usize = 4;
/// Significant digits of a total whose parts, adding up to its last digit, need no sum word.
const EXACT_SUM_DIGITS: usize = 5;
/// How many passages before or after its own a total's run of parts may lie in.
const RUN_REACH: usize = 8;
/// Bytes around a figure its sum word ("total", "combined") may be.
const NEAR: usize = 40;

/// The relation the document's figures make true of `figure`, if any. `claims` is the
/// document's sentences, `passage` the figure's own passage among them and `neighbours` the
/// passages around it whose exact figures may be operands.
pub fn search(
    claims: &[CheckClaim],
    passage: std::ops::Range<usize>,
    neighbours: std::ops::Range<usize>,
    claim_idx: usize,
    figure: &Figure,
    rules: &CheckRules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    let own_period = clause_or_sentence_period(claim, figure);
    let changes = direction_of(claim, figure, rules).is_some();
    let pool = operands(claims, &passage, &neighbours, figure, own_period, changes);
    // An operand from far away makes a change only ending in the figure's own period, and a
    // share only as a part or whole of that period.
    let ends_here = |to: &Operand| {
        !to.far
            || own_period.zip(to.period).is_some_and(|(own, to)| own == to)
            || far_whole(figure, changes, to.figure)
    };
    // Points, ratios, totals and differences take two-sided operands of the neighbourhood only.
    let close_pool: Vec<Operand> = pool
        .iter()
        .filter(|other| !other.far && other.figure.low.is_some() && other.figure.high.is_some())
        .map(Operand::clone)
        .collect();
    let near = |idx: usize| idx.abs_diff(claim_idx) <= 1;
    let own_change_of = bracketed_own_change(claim, figure);
    let found = match figure.unit {
        Unit::Percent | Unit::Fraction => match direction_of(claim, figure, rules) {
            // "fell by a third" is a change of −33 1/3 percent.
            Some(sign) => {
                // "they had been 83,310, 3 per cent fewer": the figure compares its own
                // sentence's count with the other, whichever came first.
                let compares = |from: &Operand, to: &Operand| {
                    if let Some(count) = own_change_of {
                        // Its own count is its end, and a figure listed beside it in its
                        // sentence is no base.
                        if to.figure.span != count || from.sentence == claim_idx {
                            return false;
                        }
                    }
                    earlier(from, to, claim_idx)
                        || (is_comparative(claim, figure)
                            && to.sentence == claim_idx
                            && earlier(to, from, claim_idx))
                };
                // "rose by more than a third in the first quarter of the current year ¶ …
                // 4,791 … by the end of March ¶ … Between January and March 2023, 3,566": two
                // levels of the neighbourhood each dated by its own clause or sentence, the later
                // in the figure's period and the earlier the same span a year before, are the
                // change's ends wherever they are written.
                let bound = bound_period(claim, figure);
                let dated = |from: &Operand, to: &Operand| {
                    let (Some(own), Some(later), Some(before)) = (bound, to.period, from.period)
                    else {
                        return false;
                    };
                    let before_by_a_year = later.shifted(-12);
                    same_span(own, later)
                        && same_span(&before_by_a_year, before)
                        && !from.far
                        && !to.far
                };
                // "rose by more than a third": a fraction takes levels of other passages only
                // as dated ends ("about half" fits some pair of a longer text by chance).
                let fraction = figure.unit == Unit::Fraction;
                let reach = |from: &Operand, to: &Operand| {
                    ((near(from.sentence) || near(to.sentence))
                        && !(fraction && (from.outside || to.outside)))
                        || dated(from, to)
                };
                percent_change(&as_percent(figure), sign, &pool, reach, compares, ends_here)
                    .or_else(|| small_linked_change(claim, claim_idx, figure, sign))
                    .or_else(|| anaphoric_change(claims, claim_idx, figure, sign, rules))
            }
            None => share(figure, &pool, near, ends_here)
                .or_else(|| bracketed_share(claims, claim_idx, figure))
                .or_else(|| share_after_its_part(claims, claim_idx, figure)),
        },
        Unit::PercentagePoints => direction_of(claim, figure, rules)
            .and_then(|sign| points(figure, sign, &close_pool, claim_idx, near)),
        Unit::Multiplier => ratio(figure, &close_pool, near),
        Unit::Count | Unit::Money => count_relation(claims, claim_idx, figure, &close_pool, rules)
            .or_else(|| {
                // "net overseas migration ... was 518,000" and, further on, "In 2022-23, 737,000
                // migrants arrived ... and 219,000 departed".
                let own = own_period?;
                says_in_clause_before(claim, figure, &rules.difference)
                    .then(|| dated_net(figure, &pool, own))
                    .flatten()
            })
            .or_else(|| migration_balance(claims, claim_idx, figure, rules)),
        // "45,728 … in 1,104 boats - an average of 41 people per vessel": the quotient of two
        // counts of its own sentence.
        Unit::Rate if figure.per == Some(1.0) && is_average(claim, figure) => {
            average(claim, claim_idx, figure)
        }
        _ => None,
    }?;
    (decide(&found.0) == Verdict::Supported).then_some(found)
}

/// "14,216 visas were issued under the Ukraine schemes (down 48% year on year), 11,804 … (down
/// 47%), and 9,357 were under the EU Settlement Scheme (down 34%)": a change in brackets right
/// after a count, naming no other figure inside them, is that count's change from a level the
/// text may give elsewhere: its end is that count (returned), and a figure listed beside it in
/// its sentence is no base (14,216 to 9,357 is −34.2% by chance).
fn bracketed_own_change(claim: &CheckClaim, figure: &Figure) -> Option<Span> {
    /// Bytes between a count and the bracket of its change ("9,357 were under the EU
    /// Settlement Scheme (down 34%)").
    const REACH: usize = 60;
    if !matches!(figure.unit, Unit::Percent | Unit::Fraction) {
        return None;
    }
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let open = claim.text.get(..start)?.rfind('(')?;
    let inside_before = &claim.text[open + 1..start];
    let closes = claim
        .text
        .get(end..)
        .and_then(|after| after.find(')').map(|at| (at, after)))
        .is_some_and(|(at, after)| !after[..at].contains('('));
    let change_words_only = inside_before
        .split_whitespace()
        .all(|word| word.chars().all(char::is_alphabetic));
    let others_inside = claim.figures.iter().any(|other| {
        let other_start = other.span.start.saturating_sub(claim.span.start);
        other.span != figure.span
            && other_start > open
            && claim.text[open..]
                .find(')')
                .is_some_and(|close| other_start < open + close)
    });
    let count_before = claim.figures.iter().rev().find(|count| {
        let count_end = count.span.end.saturating_sub(claim.span.start);
        matches!(count.unit, Unit::Count | Unit::Money)
            && count_end <= open
            && open - count_end <= REACH
            && !claim.text[count_end..open].contains([',', ';', '(', ')'])
    });
    count_before
        .filter(|_| closes && change_words_only && !others_inside)
        .map(|count| count.span)
}

/// A count or amount: a total of parts with a sum word, a net figure as a difference, a change
/// in a count as the difference of two levels, "N fewer than Y".
fn count_relation(
    claims: &[CheckClaim],
    claim_idx: usize,
    figure: &Figure,
    close_pool: &Pool,
    rules: &CheckRules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    let near = |idx: usize| idx.abs_diff(claim_idx) <= 1;
    // A level: not a comparison's base ("26,576 fewer … than the 63,436"), and not a difference
    // or change ("entered 48,381 times … left 24,240 times … a deficit of 24,141" is that
    // difference, found as such).
    let level = |at: usize, figure: &Figure| {
        !is_base(&claims[at], figure)
            && direction_of(&claims[at], figure, rules).is_none()
            && !says_near(&claims[at], figure, &rules.difference)
            && fewer_than(&claims[at], figure).is_none()
    };
    let breakdown = breaks_down(claims, claim_idx, figure, rules);
    let broken_down = breakdown.is_some();
    // A total whose only cue opens a later sentence ("… down from the 4.78 lakh entries
    // received in 2025. Of these registrations, approximately one-third (120,141) …") is
    // broken down from that sentence on: its own sentence's other figures (the 3.58 lakh the
    // "these" may mean) are no parts of it.
    let later_only = breakdown == Some(Breakdown::Later) && !says_total(claim, figure, rules);
    let parts_near = |idx: usize| {
        if later_only {
            idx > claim_idx && idx <= claim_idx + 2
        } else {
            near(idx)
        }
    };
    (says_total(claim, figure, rules) || broken_down)
        .then(|| total(figure, close_pool, parts_near))
        .flatten()
        .or_else(|| {
            // "the total number climbing to 2.73 million … ¶ … approximately 1.56 million
            // registered foreign nationals. ¶ In addition, 552,419 … ¶ A further 620,403 …": a
            // total named so has its parts in the next sentences, paragraphs apart.
            if !says_total(claim, figure, rules) {
                return None;
            }
            let after: Vec<Operand> = (claim_idx + 1..(claim_idx + 4).min(claims.len()))
                .filter(|at| claims[*at].doc == claim.doc)
                .flat_map(|at| claims[at].figures.iter().map(move |part| (at, part)))
                // Precise parts only: "más de 350 intentos" fits any sum it is added to.
                .filter(|(at, part)| {
                    matches!(part.unit, Unit::Count | Unit::Money)
                        && level(*at, part)
                        && part
                            .written_bounds()
                            .is_some_and(|bounds| precise(part, bounds))
                })
                .filter_map(|(at, part)| Operand::written(at, part, None))
                .collect();
            total(figure, &after, |_| true)
        })
        // "3,768,977 … There were 1,913,516 men and 1,855,431 women, as well as 30 people
        // registered as “other”": parts that add up to a precise total to its last digit need
        // no sum word.
        // Only levels: not a comparison's base ("26,576 fewer … than the 63,436"), and no part
        // a difference or change ("entered 48,381 times … left 24,240 times … a deficit of
        // 24,141" is that difference, found as such).
        .or_else(|| {
            (figure.qualifier == Qualifier::Exact
                && figure.significant_digits() >= EXACT_SUM_DIGITS
                && level(claim_idx, figure))
            .then(|| {
                // Any exact part of the sentences next to it, small ones too ("30 people"):
                // adding up to the last digit of five or more is no chance.
                let sentences = claim_idx.saturating_sub(1)..(claim_idx + 2).min(claims.len());
                let exact: Vec<Operand> = sentences
                    .flat_map(|at| claims[at].figures.iter().map(move |part| (at, part)))
                    .filter(|(at, part)| {
                        part.qualifier == Qualifier::Exact
                            && part.span != figure.span
                            && !is_base(&claims[*at], part)
                            && level(*at, part)
                    })
                    .filter_map(|(at, part)| Operand::written(at, part, None))
                    .collect();
                total(figure, &exact, near)
            })
            .flatten()
            .filter(|(comparison, _, _)| (comparison.claim_value - comparison.expected).abs() < 0.5)
        })
        .or_else(|| {
            // "A total of 196,714 claims … ¶ The majority of these claims (89,370) … (62,459) …
            // (42,368) … (2,517)", and a list of months before "the first three months of the
            // year is 86,406": an exact total of five significant digits or more and a run of
            // exact levels before or after it, within `RUN_REACH` passages, that adds up to its
            // last digit.
            // With a breakdown cue after it, four significant digits are enough ("141,600
            // immigrants … Of those immigrants, 29,600 …, 26,100 … and 4,800 … ¶ The remaining
            // 81,100 …").
            let digits = if broken_down {
                EXACT_SUM_DIGITS - 1
            } else {
                EXACT_SUM_DIGITS
            };
            (figure.qualifier == Qualifier::Exact
                && figure.significant_digits() >= digits
                && level(claim_idx, figure))
            .then(|| {
                // Small parts too ("4,800 were UK citizens"): adding up to the last digit of
                // five or more is no chance.
                let reach = |at: usize| claims[at].passage.abs_diff(claim.passage) <= RUN_REACH;
                let parts: Vec<&Figure> = (0..claims.len())
                    .filter(|at| reach(*at))
                    .flat_map(|at| claims[at].figures.iter().map(move |part| (at, part)))
                    .filter(|(at, part)| {
                        // "some 1,244,005 OFWs are rehires and 508,089 others are newly-hired":
                        // a hedge before five significant digits or more hedges no digit.
                        let hedged_digits = part.qualifier == Qualifier::Approximately
                            && part.significant_digits() >= EXACT_SUM_DIGITS;
                        part.span != figure.span
                            && (part.qualifier == Qualifier::Exact
                                && part
                                    .written_bounds()
                                    .is_some_and(|bounds| precise(part, bounds))
                                || hedged_digits)
                            && part.unit == figure.unit
                            && part.currency == figure.currency
                            && (level(*at, part)
                                || broken_down && remainder(&claims[*at], part, rules))
                    })
                    .map(|(_, part)| part)
                    .collect();
                run_total(figure, &parts)
            })
            .flatten()
        })
        .or_else(|| {
            says_near(claim, figure, &rules.difference)
                .then(|| net(figure, close_pool, near))
                .flatten()
        })
        .or_else(|| {
            // "up by 65,000 year on year": the difference of two levels of like spans.
            let sign = direction_of(claim, figure, rules)?;
            let compares = |from: &Operand, to: &Operand| earlier(from, to, claim_idx);
            absolute_change(figure, sign, close_pool, near, compares)
        })
        .or_else(|| {
            fewer_than(claim, figure)
                .filter(|than| {
                    than.low
                        .zip(than.high)
                        .is_some_and(|bounds| precise(than, bounds))
                })
                .and_then(|than| difference_from(figure, than, close_pool))
        })
}

/// "45,728 … in 1,104 boats - an average of 41 people per vessel": the quotient of two counts
/// of its own sentence.
fn average(claim: &CheckClaim, claim_idx: usize, figure: &Figure) -> Option<Found> {
    // Small counts of its own sentence ("in three boats", "in 11 boats") are operands
    // here, with the interval their rounding allows, though too loose for a search.
    let own_sentence: Vec<Operand> = claim
        .figures
        .iter()
        .filter(|other| other.span != figure.span && other.value >= 2.0)
        .filter(|other| other.low.is_some() && other.high.is_some())
        .filter_map(|other| {
            Operand::written(claim_idx, other, clause_or_sentence_period(claim, other))
        })
        .collect();
    ratio(figure, &own_sentence, |idx| idx == claim_idx)
}

/// The figures of the document that may be operands of `figure`'s relation: the precise ones of
/// its passage; of a neighbouring passage only for an exact claim written in digits and with
/// three significant digits or more (two, dated by their own clause or sentence, for a claim of
/// three or more: "a 317% increase" over "26,800 … compared to 6,400 in 2022"); further away
/// only when, besides, about a like period.
fn operands<'a>(
    claims: &'a [CheckClaim],
    passage: &std::ops::Range<usize>,
    neighbours: &std::ops::Range<usize>,
    figure: &Figure,
    own_period: Option<&Period>,
    changes: bool,
) -> Vec<Operand<'a>> {
    // Operands from a neighbouring passage (`claims` outside `passage`) fit only an exact claimed
    // figure written in digits, and only when they are distinctive themselves: "one in three",
    // "approximately half" or a round 100,000 fit some pair of a longer text by chance. Further
    // away, an operand must also be about the figure's own period or the like span before it
    // ("fell 41% in 2024" and, five paragraphs on, "302,203 in 2024, compared with 520,085 in
    // 2023").
    let exact_claim = figure.qualifier == Qualifier::Exact
        && !matches!(figure.unit, Unit::Fraction)
        && figure.text.chars().any(|ch| ch.is_ascii_digit());
    let rough_change = changes && matches!(figure.unit, Unit::Percent | Unit::Fraction);
    let allowed = |idx: usize, operand: &Figure, period: Option<&Period>| {
        if passage.contains(&idx) {
            return true;
        }
        // A percent change written roughly in digits ("around 34 percent", "more than 30
        // percent") takes operands of its neighbours only when they are dated by their own
        // clause or sentence: then the periods must order them as a change of like spans.
        let distinctive = operand.significant_digits() >= 3
            && (exact_claim || (rough_change && period.is_some()))
            || exact_claim
                && figure.significant_digits() >= 3
                && operand.significant_digits() >= 2
                && period.is_some();
        distinctive
            && (neighbours.contains(&idx)
                || own_period
                    .zip(period)
                    .is_some_and(|(own, other)| like_period(own, other))
                || far_whole(figure, changes, operand))
    };
    claims
        .iter()
        .enumerate()
        .flat_map(|(idx, other)| {
            other.figures.iter().filter_map(move |fig| {
                let period = clause_or_sentence_period(other, fig);
                let (low, high) = fig.written_bounds()?;
                Some(Operand {
                    sentence: idx,
                    figure: fig,
                    period,
                    carried: carried_period(other, fig),
                    base: is_base(other, fig),
                    amount: comparative_amount(other, fig),
                    low,
                    high,
                    far: !neighbours.contains(&idx),
                    outside: !passage.contains(&idx),
                })
            })
        })
        .filter(|other| {
            other.figure.span != figure.span
                && precise(other.figure, (other.low, other.high))
                && !is_conversion(&claims[other.sentence], other.figure)
        })
        .filter(|other| allowed(other.sentence, other.figure, other.period))
        .collect()
}

/// "meaning 105,000 fewer arrivals", "2,000 more people": a count followed by a comparative is
/// an amount of change, not a level.
fn comparative_amount(claim: &CheckClaim, figure: &Figure) -> bool {
    matches!(figure.unit, Unit::Count | Unit::Money) && is_comparative(claim, figure)
}

/// "$5 (R90.19)": an amount in brackets right after an amount in another currency restates it
/// at an exchange rate. Its digits are the rate's, not the statistic's, so it is no operand
/// (the ratio of two conversions is precise by chance).
fn is_conversion(claim: &CheckClaim, figure: &Figure) -> bool {
    if figure.unit != Unit::Money {
        return false;
    }
    claim.figures.iter().any(|before| {
        before.unit == Unit::Money
            && before.currency != figure.currency
            && before.span.end <= figure.span.start
            && claim
                .text
                .get(
                    before.span.end.saturating_sub(claim.span.start)
                        ..figure.span.start.saturating_sub(claim.span.start),
                )
                .is_some_and(|between| between.trim() == "(")
    })
}

/// "Tokyo had the largest foreign population at 738,946, accounting for 19.6% of the national
/// total" and, paragraphs before, "Japan's foreign population was 3,768,977": a share written in
/// digits to three significant digits or more (not a change) may take its whole from anywhere
/// in the document when that whole is exact to five significant digits or more; the share's own
/// digits leave no room for chance.
fn far_whole(figure: &Figure, changes: bool, operand: &Figure) -> bool {
    !changes
        && figure.unit == Unit::Percent
        && figure.qualifier == Qualifier::Exact
        && figure.significant_digits() >= 3
        && operand.qualifier == Qualifier::Exact
        && operand.significant_digits() >= EXACT_SUM_DIGITS
}

/// A figure of the passage that may be an operand: its sentence, the period its own clause or
/// sentence gives it, the interval it stands for, and whether it lies outside the figure's
/// neighbouring passages (`far`: then only a like period makes it an operand).
#[derive(Clone)]
struct Operand<'a> {
    sentence: usize,
    figure: &'a Figure,
    period: Option<&'a Period>,
    /// The period it is bound to when an earlier sentence of its paragraph or passage gave it
    /// (never the publication date alone): enough to order two levels in time.
    carried: Option<&'a Period>,
    /// Written right after a comparison cue of its sentence ("down from 58,009"): the base the
    /// figure before it is compared with.
    base: bool,
    /// An amount of change ("meaning 105,000 fewer arrivals"), not a level: never an end of a
    /// percent change.
    amount: bool,
    low: f64,
    high: f64,
    far: bool,
    /// Outside the figure's own passage.
    outside: bool,
}

impl<'a> Operand<'a> {
    /// An operand of sentence `sentence` near the figure, with the interval its writing allows
    /// (not a base, not carried, not far).
    fn written(sentence: usize, figure: &'a Figure, period: Option<&'a Period>) -> Option<Self> {
        let (low, high) = figure.written_bounds()?;
        Some(Operand {
            sentence,
            figure,
            period,
            carried: None,
            base: false,
            amount: false,
            low,
            high,
            far: false,
            outside: false,
        })
    }
}

type Pool<'a> = [Operand<'a>];

/// Precise enough to be an operand found by search: an interval within ±1% ("2.2 million" and
/// "more than 2 million" fit too many pairs to say anything).
fn precise(figure: &Figure, (low, high): (f64, f64)) -> bool {
    // A change written with one end only ("from February, when 101,028 were reported") is that
    // level.
    let level = figure
        .range
        .is_none_or(|range| range.kind == RangeKind::Change && range.low == range.high);
    level && figure.value > 0.0 && (high - low) / 2.0 <= figure.value * 0.01
}

/// The period a figure's own clause or sentence gives it (none when only carried or dated).
fn clause_or_sentence_period<'c>(claim: &'c CheckClaim, figure: &Figure) -> Option<&'c Period> {
    claim
        .binding_of(figure)
        .filter(|binding| {
            matches!(
                binding.period_source,
                Some(PeriodSource::Clause | PeriodSource::Sentence)
            )
        })
        .and_then(|binding| binding.period.as_ref())
}

/// The period a figure is bound to by its clause, its sentence or an earlier sentence (not the
/// publication date alone).
fn bound_period<'c>(claim: &'c CheckClaim, figure: &Figure) -> Option<&'c Period> {
    claim
        .binding_of(figure)
        .filter(|binding| {
            matches!(
                binding.period_source,
                Some(PeriodSource::Clause | PeriodSource::Sentence | PeriodSource::Passage)
            )
        })
        .and_then(|binding| binding.period.as_ref())
}

/// Both periods cover the same months.
fn same_span(one: &Period, other: &Period) -> bool {
    one.start == other.start && one.end == other.end
}

/// The period a figure is bound to from an earlier sentence of its passage.
fn carried_period<'c>(claim: &'c CheckClaim, figure: &Figure) -> Option<&'c Period> {
    claim
        .binding_of(figure)
        .filter(|binding| binding.period_source == Some(PeriodSource::Passage))
        .and_then(|binding| binding.period.as_ref())
}

/// The figure is written right after a comparison cue of its sentence ("down from 58,009",
/// "compared to March 2024, when 137,473").
fn is_base(claim: &CheckClaim, figure: &Figure) -> bool {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let before = super::arithmetic::around(&claim.text, start.saturating_sub(NEAR), start);
    is_comparison_base(&before.trim_end().to_lowercase())
}

/// `other` is `own`'s period or the like span right before it: a year earlier, or the same
/// number of months earlier.
fn like_period(own: &Period, other: &Period) -> bool {
    let same = |shift: i32| {
        let moved = own.shifted(-shift);
        moved.start == other.start && moved.end == other.end
    };
    same(0) || same(12) || same(own.months())
}

/// `from` is about an earlier span of the same length than `to` (a change compares one quantity
/// over time); when a
/// period is not written beside them, both must sit in the figure's own sentence (`here`).
fn earlier(from: &Operand, to: &Operand, here: usize) -> bool {
    // "The Border Patrol made 53,858 arrests, down from 58,009 in August": the base written
    // after a comparison cue, the level right before it in the same sentence.
    if from.base && from.sentence == to.sentence && to.figure.span.end <= from.figure.span.start {
        return true;
    }
    // A period carried from earlier in the passage orders two levels too ("apprehended 7,181
    // ... a 95% decrease compared to March 2024, when USBP apprehended 137,473").
    match (from.period.or(from.carried), to.period.or(to.carried)) {
        // "lowered next year's projections from 500,000 … to 395,000 — a drop of more than 20
        // per cent", with one period carried to the whole sentence: it orders nothing.
        (Some(one), Some(other))
            if from.period.is_none() && to.period.is_none() && one == other =>
        {
            from.sentence == here && to.sentence == here
        }
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
                && a.figure.per == b.figure.per
                && a.figure.measure_unit == b.figure.measure_unit
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

/// A percent change between two operands `compares` orders from the first to the second, of the
/// pairs `reach` lets the figure take.
fn percent_change(
    figure: &Figure,
    sign: f64,
    pool: &Pool,
    reach: impl Fn(&Operand, &Operand) -> bool,
    compares: impl Fn(&Operand, &Operand) -> bool,
    ends_here: impl Fn(&Operand) -> bool,
) -> Option<Found> {
    // Paces too ("673 per day … a 3% decrease from February's average of 693 daily").
    let units = [Unit::Count, Unit::Money, Unit::Rate];
    let claimed = signed(&stated_change(figure), sign);
    // "a decrease of 0.742 percent … ¶ … was 656,762, a decrease from the 661,670": a change
    // written exactly to three significant digits or more also takes the two levels of one
    // sentence of its neighbourhood, not only of the sentences next to it.
    let exact = figure.qualifier == Qualifier::Exact && figure.significant_digits() >= 3;
    let together = |from: &Operand, to: &Operand| {
        exact && from.sentence == to.sentence && !from.far && !to.far
    };
    best(
        pairs(pool, |_| true, &units)
            .filter(|(from, to)| reach(from, to) || together(from, to))
            .filter(|(from, to)| !from.amount && !to.amount)
            .filter(|(from, to)| compares(from, to) && ends_here(to))
            .filter(|(from, to)| (to.figure.value - from.figure.value) * sign > 0.0)
            .map(|(from, to)| {
                let expected = (to.figure.value - from.figure.value) / from.figure.value * 100.0;
                let corners = [
                    (to.low / from.high - 1.0) * 100.0,
                    (to.high / from.low.max(f64::MIN_POSITIVE) - 1.0) * 100.0,
                ];
                let comparison = Comparison::new(claimed, (expected, corners[0], corners[1]))
                    .stating_change(sign);
                let (from, to) = (from.figure, to.figure);
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

/// "a 42% decrease in the number of boats, with 14 boats entering … so far this year, down from
/// 24 boats during the same period in 2022": two exact counts of the change's own sentence, the
/// later written as its base right after a comparison cue ("down from", "than") and both
/// followed by the same noun, are the change's ends, with the intervals their rounding leaves.
/// Small counts are too loose for a search among a passage's many pairs; this pair is named.
fn small_linked_change(
    claim: &CheckClaim,
    claim_idx: usize,
    figure: &Figure,
    sign: f64,
) -> Option<Found> {
    if figure.qualifier != Qualifier::Exact || !figure.text.chars().any(|ch| ch.is_ascii_digit()) {
        return None;
    }
    // The word right after a figure ("boats"), lower case.
    let noun_after = |fig: &Figure| {
        let end = fig.span.end.checked_sub(claim.span.start)?;
        let word: String = claim
            .text
            .get(end..)?
            .trim_start()
            .chars()
            .take_while(|ch| ch.is_alphabetic())
            .collect();
        (!word.is_empty()).then(|| word.to_lowercase())
    };
    let counts: Vec<&Figure> = claim
        .figures
        .iter()
        .filter(|other| {
            other.span != figure.span
                && other.unit == Unit::Count
                && other.qualifier == Qualifier::Exact
                && other
                    .text
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == ',')
        })
        .collect();
    for base in counts.iter().filter(|base| is_base(claim, base)) {
        for level in counts
            .iter()
            .filter(|level| level.span.end <= base.span.start)
            .filter(|level| noun_after(level).is_some() && noun_after(level) == noun_after(base))
        {
            let (Some(mut from), Some(to)) = (
                Operand::written(claim_idx, base, None),
                Operand::written(claim_idx, level, None),
            ) else {
                continue;
            };
            from.base = true;
            let pool = [from, to];
            let found = percent_change(
                &as_percent(figure),
                sign,
                &pool,
                |_, _| true,
                |from, to| earlier(from, to, claim_idx),
                |_| true,
            );
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// "Just over 170,000 migrants crossed … over the first five months of this year ¶ This is 2%
/// higher than the nearly 167,000 who made the crossing in the same period last year": a change
/// whose sentence opens on the figure before it (`anaphor_openings`) and names its own base
/// after it runs from that base to the last level of the sentence before (the last of the
/// paragraph before when the sentence opens its own). The opening names the pair, so neither
/// end need be precise enough for a search.
fn anaphoric_change(
    claims: &[CheckClaim],
    claim_idx: usize,
    figure: &Figure,
    sign: f64,
    rules: &CheckRules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    if !rules
        .anaphor_openings
        .iter()
        .any(|opening| opens_on(&claim.text, opening))
    {
        return None;
    }
    let before = claims[..claim_idx]
        .last()
        .filter(|before| before.doc == claim.doc && claim.passage - before.passage <= 1)?;
    let level = |other: &Figure| {
        matches!(other.unit, Unit::Count | Unit::Money)
            && other.range.is_none()
            && other.written_bounds().is_some()
    };
    let after: Vec<&Figure> = claim
        .figures
        .iter()
        .filter(|other| other.span.start > figure.span.end && level(other))
        .collect();
    let last_before = |like: &Figure| {
        before.figures.iter().rev().find(|other| {
            level(other)
                && other.unit == like.unit
                && other.currency == like.currency
                && other.per == like.per
        })
    };
    let (from, to) = match after.iter().find(|base| is_base(claim, base)) {
        Some(base) => {
            let last = last_before(base)?;
            let mut from = Operand::written(claim_idx, base, None)?;
            from.base = true;
            (from, Operand::written(claim_idx - 1, last, None)?)
        }
        // "Seneca College had 45 asylum claims in 2018. ¶ That number rose 2,400% in 2023 to
        // 1,135 claims": the opening names the base, the level written after "to" the end.
        None => {
            let end = after.iter().find(|end| {
                claim
                    .text
                    .get(
                        figure.span.end.saturating_sub(claim.span.start)
                            ..end.span.start.saturating_sub(claim.span.start),
                    )
                    .is_some_and(|between| between.trim_end().rsplit(' ').next() == Some("to"))
            })?;
            let last = last_before(end)?;
            let mut from = Operand::written(claim_idx - 1, last, None)?;
            from.base = true;
            (from, Operand::written(claim_idx, end, None)?)
        }
    };
    percent_change(
        &as_percent(figure),
        sign,
        &[from, to],
        |_, _| true,
        |from, _| from.base,
        |_| true,
    )
}

/// `text` opens with the words of `opening` (any case, whole words; a `*` stands for any one
/// word: "the * tally" opens "The arrest tally marked …").
fn opens_on(text: &str, opening: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .filter(|word| !word.is_empty());
    opening
        .split_whitespace()
        .all(|want| words.next().is_some_and(|word| want == "*" || word == want))
}

/// The figure is followed by a comparative ("3 per cent fewer", "10% more than", "105,000 fewer
/// arrivals"): it compares its sentence's subject with something else, not a later time with an
/// earlier one.
fn is_comparative(claim: &CheckClaim, figure: &Figure) -> bool {
    let Some(end) = figure.span.end.checked_sub(claim.span.start) else {
        return false;
    };
    let after = super::arithmetic::around(&claim.text, end, end + NEAR).to_lowercase();
    after.split_whitespace().next().is_some_and(|word| {
        let word = word.trim_matches(|ch: char| !ch.is_alphanumeric());
        matches!(word, "fewer" | "less" | "more" | "higher" | "lower")
    })
}

/// A fraction ("one-fifth", "a third") as the percentage it is; other figures unchanged.
fn as_percent(figure: &Figure) -> Figure {
    let mut percent = figure.clone();
    if figure.unit == Unit::Fraction {
        percent.unit = Unit::Percent;
        percent.value *= 100.0;
        percent.low = figure.low.map(|v| v * 100.0);
        percent.high = figure.high.map(|v| v * 100.0);
    }
    percent
}

fn share(
    figure: &Figure,
    pool: &Pool,
    near: impl Fn(usize) -> bool,
    at_own_time: impl Fn(&Operand) -> bool,
) -> Option<Found> {
    // A fraction ("one-fifth") is compared as a percentage.
    let percent = as_percent(figure);
    let claimed = (percent.value, percent.low, percent.high);
    let units = [Unit::Count, Unit::Money];
    best(
        pairs(pool, near, &units)
            .filter(|(part, whole)| same_time(part, whole))
            .filter(|(part, whole)| at_own_time(part) && at_own_time(whole))
            .filter(|(part, whole)| part.figure.value < whole.figure.value)
            // "99.0% of the remittances were by electronic transfers ¶ … Michoacán (5,409
            // million dollars) and Jalisco (5,355 million dollars)": a part and a whole both
            // outside the share's own passage are another paragraph's figures, whose quotient
            // fits some share by chance.
            .filter(|(part, whole)| !(part.outside && whole.outside))
            .filter(|(part, whole)| {
                within_open_share(&percent, part.figure.value / whole.figure.value * 100.0)
            })
            .map(|(part, whole)| {
                share_of(
                    claimed,
                    (part.figure, part.low, part.high),
                    (whole.figure, whole.low, whole.high),
                )
            }),
    )
}

/// "Men comprise 55% (43,676) of the immigrants" and, paragraphs before, "Between January and
/// 19 August 2022, 79,667 migrants entered": a share whose part is written in brackets right
/// after it (or a few words on in its clause: "nearly two-thirds of the applications (23,838)")
/// names its part, so only its whole is searched, anywhere in the document: an exact count of
/// five significant digits or more, bound to the part's own period (neither bound to the
/// publication date alone).
fn bracketed_share(claims: &[CheckClaim], claim_idx: usize, figure: &Figure) -> Option<Found> {
    /// Bytes between a share and the bracket of its part.
    const BRACKET_REACH: usize = 40;
    let claim = &claims[claim_idx];
    let local = |fig: &Figure| fig.span.start.checked_sub(claim.span.start);
    let end = figure.span.end.checked_sub(claim.span.start)?;
    let part = claim.figures.iter().find(|part| {
        part.span.start > figure.span.end && matches!(part.unit, Unit::Count | Unit::Money)
    })?;
    let between = claim.text.get(end..local(part)?)?;
    let bracketed = between.trim_end().ends_with('(')
        && between.len() <= BRACKET_REACH
        && !between
            .trim_end()
            .trim_end_matches('(')
            .contains([',', ';', '(', ')']);
    if !bracketed || part.qualifier != Qualifier::Exact {
        return None;
    }
    let part_period = bound_period(claim, part)?;
    let percent = as_percent(figure);
    let claimed = (percent.value, percent.low, percent.high);
    let (part_low, part_high) = part.written_bounds()?;
    best(
        claims
            .iter()
            .filter(|other| other.doc == claim.doc)
            .flat_map(|other| other.figures.iter().map(move |whole| (other, whole)))
            .filter(|(other, whole)| {
                whole.unit == part.unit
                    && whole.currency == part.currency
                    && whole.qualifier == Qualifier::Exact
                    && whole.range.is_none()
                    && whole.significant_digits() >= EXACT_SUM_DIGITS
                    && whole.value > part.value
                    && bound_period(other, whole)
                        .is_some_and(|period| same_span(period, part_period))
            })
            .filter(|(_, whole)| within_open_share(&percent, part.value / whole.value * 100.0))
            .filter_map(|(_, whole)| {
                let (low, high) = whole.written_bounds()?;
                Some(share_of(
                    claimed,
                    (part, part_low, part_high),
                    (whole, low, high),
                ))
            }),
    )
}

/// "At the end of October 2025, 4.3 million foreigners … were residing in the countries of the
/// European Union … ¶ … Germany — 1,229,960, accounting for 28.6% of the EU total. Poland hosts
/// 965,005 (22.5%)": a share written to a tenth of a percent right after its part (in brackets,
/// or after "accounting for", "or", "representing", "at a rate of" in the part's clause, the
/// part's counted noun and a comma perhaps between: "161,100 workers, or 8.5%") names that part, so only
/// its whole is searched: the one larger count of the document, written in its passage or before
/// it, bound to the part's own period, whose quotient fits — a rounded whole too ("4.3 million"),
/// its rounding in the tolerance. Two wholes that fit give nothing.
fn share_after_its_part(claims: &[CheckClaim], claim_idx: usize, figure: &Figure) -> Option<Found> {
    /// Bytes between a part and the share that follows it.
    const PART_REACH: usize = 24;
    const LINKS: &[&str] = &[
        "(",
        "accounting for",
        "or",
        "representing",
        "making up",
        "i.e.",
    ];
    let claim = &claims[claim_idx];
    let tenths = figure.text.contains('.') && figure.unit == Unit::Percent;
    if !tenths || figure.qualifier != Qualifier::Exact {
        return None;
    }
    let start = figure.span.start.checked_sub(claim.span.start)?;
    let part = claim
        .figures
        .iter()
        .filter(|part| part.span.end <= figure.span.start)
        .filter(|part| part.unit == Unit::Count && part.qualifier == Qualifier::Exact)
        .max_by_key(|part| part.span.end)?;
    let between = claim
        .text
        .get(part.span.end.checked_sub(claim.span.start)?..start)?
        .trim()
        .trim_start_matches(',')
        .trim()
        .to_lowercase();
    // "with a total of 161,100 workers, or 8.5%", "40,100 male and female workers, at a rate
    // of 2.1%": the part's counted noun, a comma, then the link.
    /// Words of the counted noun between a part and the link to its share.
    const NOUN_WORDS: usize = 4;
    let linked = |link: &str| {
        LINKS.contains(&link)
            || link.strip_prefix("at ").is_some_and(|rate| {
                rate.ends_with("rate of") && rate.split_whitespace().count() <= 4
            })
    };
    let named = linked(&between)
        || between.rsplit_once(',').is_some_and(|(noun, link)| {
            let noun = noun.trim();
            noun.split_whitespace().count() <= NOUN_WORDS
                && noun
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                && linked(link.trim())
        });
    if between.len() > PART_REACH + 30 || !named || part.significant_digits() < 3 {
        return None;
    }
    let part_period = bound_period(claim, part)?;
    let (part_low, part_high) = part.written_bounds()?;
    let percent = as_percent(figure);
    let claimed = (percent.value, percent.low, percent.high);
    let mut wholes: Vec<&Figure> = claims
        .iter()
        .filter(|other| other.doc == claim.doc && other.passage <= claim.passage)
        .flat_map(|other| other.figures.iter().map(move |whole| (other, whole)))
        .filter(|(other, whole)| {
            whole.unit == Unit::Count
                && whole.range.is_none()
                && whole.significant_digits() >= 2
                && whole.value > part.value
                && !is_base(other, whole)
                && bound_period(other, whole).is_some_and(|period| same_span(period, part_period))
        })
        .map(|(_, whole)| whole)
        .collect();
    // One whole written twice (a headline and its body) is one whole.
    wholes.sort_by(|one, other| one.value.total_cmp(&other.value));
    wholes.dedup_by(|one, other| one.value == other.value);
    let fitting: Vec<Found> = wholes
        .into_iter()
        .filter_map(|whole| {
            let (low, high) = whole.written_bounds()?;
            Some(share_of(
                claimed,
                (part, part_low, part_high),
                (whole, low, high),
            ))
        })
        .filter(|(comparison, _, _)| decide(comparison) == Verdict::Supported)
        .collect();
    match fitting.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// How far past its written value an open share ("more than two-thirds", "under 10%") may be
/// and still be the share a writer meant: "more than two-thirds" is not 98.4%, which the writer
/// would have called "almost all".
const OPEN_SHARE_REACH: f64 = 1.3;

/// Whether a computed share `expected` (in percent) is one the open-ended `claimed` share can
/// mean: within [`OPEN_SHARE_REACH`] of its written value on its open side.
fn within_open_share(claimed: &Figure, expected: f64) -> bool {
    let above = claimed.high.is_some() || expected <= claimed.value * OPEN_SHARE_REACH;
    let below = claimed.low.is_some() || expected * OPEN_SHARE_REACH >= claimed.value;
    above && below
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

/// "an average of 41 people per vessel", "nearly 69 people per boat on average": a count written
/// as an average per unit (an "average" before it, a "per" among the two words after it).
fn is_average(claim: &CheckClaim, figure: &Figure) -> bool {
    /// Bytes before the figure its "average" may be ("an average of nearly 69").
    const AVERAGE_BEFORE: usize = 24;
    let (Some(start), Some(end)) = (
        figure.span.start.checked_sub(claim.span.start),
        figure.span.end.checked_sub(claim.span.start),
    ) else {
        return false;
    };
    // ASCII lowercase keeps byte offsets.
    let lower = claim.text.to_ascii_lowercase();
    let from = crate::util::floor_char_boundary(&lower, start.saturating_sub(AVERAGE_BEFORE));
    let average = lower
        .get(from..start)
        .is_some_and(|before| before.contains("average"))
        || lower
            .get(end..)
            .is_some_and(|after| after.trim_start().starts_with("on average"));
    let per = lower.get(end..).is_some_and(|after| {
        after
            .split_whitespace()
            .take(3)
            .any(|word| word == "per" || word == "each")
    });
    average && per
}

/// "26,576 fewer applications than the 63,436 registered …": the figure is a difference, and
/// the figure written after "than" (or "from", "over") in its sentence is the larger (or
/// smaller) side. Returns that figure.
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
    // "26,576 fewer … than the 63,436", "about 100,000 more from the 2.38 million of 2022".
    let than = [" than ", " from ", " over "]
        .iter()
        .filter_map(|word| after.find(word).map(|at| at + word.len()))
        .min()?
        + end;
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
                if than.value >= other.value {
                    difference_of(figure, than, other)
                } else {
                    difference_of(figure, other, than)
                }
            }),
    )
}

/// What is left of a total ("The remaining 81,100 immigrants"): a remainder word near it and
/// no other difference word, no change and no comparison.
fn remainder(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> bool {
    let others: Vec<String> = rules
        .difference
        .iter()
        .filter(|word| !rules.remainder.contains(word))
        .cloned()
        .collect();
    says_near(claim, figure, &rules.remainder)
        && !says_near(claim, figure, &others)
        && !is_base(claim, figure)
        && direction_of(claim, figure, rules).is_none()
        && fewer_than(claim, figure).is_none()
}

/// A sum word within a few words of the figure ("a total of", "combined", "in all").
fn says_total(claim: &CheckClaim, figure: &Figure, rules: &CheckRules) -> bool {
    says_near(claim, figure, &rules.sum)
}

/// Where a total's breakdown cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breakdown {
    /// In its own sentence, right before or after it.
    InSentence,
    /// Only opening one of the next two sentences.
    Later,
}

/// A breakdown cue after the figure in its sentence, or opening the next sentence: "18,646
/// migrants were returned. These include 16,386 men, ...", "1,204 arrivals, of whom 310 ...".
fn breaks_down(
    claims: &[CheckClaim],
    claim_idx: usize,
    figure: &Figure,
    rules: &CheckRules,
) -> Option<Breakdown> {
    let claim = &claims[claim_idx];
    let end = figure.span.end.saturating_sub(claim.span.start);
    let after = super::arithmetic::around(&claim.text, end, end + NEAR);
    // The first three words of the next two sentences ("These include 16,386 men"; "… 141,600
    // immigrants … This was the second successive … ¶ Of those immigrants, 29,600 …").
    let opens_breakdown = |at: usize| {
        claims.get(at).is_some_and(|next| {
            let opening = next
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            CheckRules::says(&opening, &rules.breakdown)
        })
    };
    // "out of the total 13,530 detainees, 3,375 were Indonesians": the words right before it.
    /// How far before the total its cue may start.
    const BEFORE: usize = 24;
    let start = figure.span.start.saturating_sub(claim.span.start);
    let before = super::arithmetic::around(&claim.text, start.saturating_sub(BEFORE), start);
    let led = rules.breakdown_before.iter().any(|cue| {
        before
            .to_lowercase()
            .trim_end()
            .strip_suffix(cue.as_str())
            .is_some_and(|head| head.is_empty() || head.ends_with([' ', ',']))
    });
    if led || CheckRules::says(after, &rules.breakdown) {
        Some(Breakdown::InSentence)
    } else if opens_breakdown(claim_idx + 1) || opens_breakdown(claim_idx + 2) {
        Some(Breakdown::Later)
    } else {
        None
    }
}

/// One of `words` within a few words of the figure.
fn says_near(claim: &CheckClaim, figure: &Figure, words: &[String]) -> bool {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let near = format!(
        "{} {}",
        super::arithmetic::around(&claim.text, start.saturating_sub(NEAR), start),
        super::arithmetic::around(&claim.text, end, end + NEAR)
    );
    CheckRules::says(&near, words)
}

/// One of `words` in the figure's clause before it, from the last comma, colon or semicolon
/// ("…on Friday, net overseas migration to Australia in the 12 months to the end of June was
/// 518,000").
fn says_in_clause_before(claim: &CheckClaim, figure: &Figure, words: &[String]) -> bool {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let before = claim.text.get(..start).unwrap_or("");
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or("");
    CheckRules::says(clause, words)
}

/// "a net migration gain of 96,200 … made up of a net gain of 135,600 … and a net loss of
/// 39,400": a net figure as the difference of two others of the neighbourhood, either before or
/// after it.
fn net(figure: &Figure, pool: &Pool, near: impl Fn(usize) -> bool) -> Option<Found> {
    best(
        pairs(pool, near, &[Unit::Count, Unit::Money])
            .filter(|(big, small)| big.figure.value > small.figure.value)
            .filter(|(big, _)| big.figure.value > figure.value)
            .map(|(big, small)| difference_of(figure, big.figure, small.figure)),
    )
}

/// "a record net migration gain of 96,200 in the July 2023 year" and, paragraphs on, "a net
/// gain of 135,600 non-NZ citizens ... and a net loss of 39,400 NZ citizens" in a sentence that
/// dates both with the figure's own period: a net figure as the difference of two figures of one
/// sentence anywhere in the document whose own clause or sentence names the figure's own period
/// (`own`, from its own clause or sentence too).
fn dated_net(figure: &Figure, pool: &Pool, own: &Period) -> Option<Found> {
    let dated: Vec<Operand> = pool
        .iter()
        .filter(|operand| {
            operand
                .period
                .is_some_and(|period| period.start == own.start && period.end == own.end)
                && !operand.base
        })
        .map(Operand::clone)
        .collect();
    best(
        pairs(&dated, |_| true, &[Unit::Count, Unit::Money])
            .filter(|(big, small)| big.sentence == small.sentence)
            .filter(|(big, small)| big.figure.value > small.figure.value)
            .filter(|(big, _)| big.figure.value > figure.value)
            .map(|(big, small)| difference_of(figure, big.figure, small.figure)),
    )
}

/// "Net migration to the United Kingdom was an estimated 728,000 in the year to June 2024" and,
/// paragraphs on, "In the 12 months to June 2024, some 1.2 million people are estimated to have
/// arrived in the UK, while 479,000 are said to have left": a balance of migration (a
/// `difference` or `balance` word before it in its clause) as the one inflow minus the one
/// outflow of its document (an `inflow` or `outflow` word in their clauses) bound to the figure's
/// own period (by their clause, sentence or passage). The words say which count is which, so a
/// rounded count ("some 1.2 million") is an operand too, its rounding in the tolerance; two
/// inflows or two outflows of that period give nothing.
fn migration_balance(
    claims: &[CheckClaim],
    claim_idx: usize,
    figure: &Figure,
    rules: &CheckRules,
) -> Option<Found> {
    let claim = &claims[claim_idx];
    if !(says_in_clause_before(claim, figure, &rules.difference)
        || says_in_clause_before(claim, figure, &rules.balance))
    {
        return None;
    }
    let own = clause_or_sentence_period(claim, figure)?;
    let dated = |other: &CheckClaim, count: &Figure| {
        count.unit == Unit::Count
            && count.span != figure.span
            && count.low.is_some()
            && count.high.is_some()
            && !is_base(other, count)
            && bound_period(other, count).is_some_and(|period| same_span(period, own))
    };
    let flows = |words: &[String]| -> Vec<&Figure> {
        let mut found: Vec<&Figure> = claims
            .iter()
            .filter(|other| other.doc == claim.doc)
            .flat_map(|other| {
                other
                    .figures
                    .iter()
                    .filter(move |count| dated(other, count) && clause_says(other, count, words))
            })
            .collect();
        // One count written twice (a headline and its body) is one flow; counts that differ stay
        // apart, so merging neighbours is enough to tell one flow from two.
        found.dedup_by(|one, other| one.value == other.value);
        found
    };
    let (inflows, outflows) = (flows(&rules.inflow), flows(&rules.outflow));
    let ([inflow], [outflow]) = (inflows.as_slice(), outflows.as_slice()) else {
        return None;
    };
    (inflow.span != outflow.span && inflow.value > outflow.value)
        .then(|| difference_of(figure, inflow, outflow))
        .filter(|(comparison, _, _)| decide(comparison) == Verdict::Supported)
}

/// One of `words` in the figure's clause: from the last comma or semicolon before it to the next
/// after it ("some 1.2 million people are estimated to have arrived in the UK").
fn clause_says(claim: &CheckClaim, figure: &Figure, words: &[String]) -> bool {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let before = claim.text.get(..start).unwrap_or("");
    let after = claim.text.get(end..).unwrap_or("");
    let clause = format!(
        "{} {}",
        before.rsplit([',', ';']).next().unwrap_or(""),
        after.split([',', ';']).next().unwrap_or("")
    );
    CheckRules::says(&clause, words)
}

/// A change in a count ("up by 65,000") as the difference of two levels `compares` orders from
/// the first to the second.
fn absolute_change(
    figure: &Figure,
    sign: f64,
    pool: &Pool,
    near: impl Fn(usize) -> bool,
    compares: impl Fn(&Operand, &Operand) -> bool,
) -> Option<Found> {
    best(
        pairs(pool, near, &[Unit::Count, Unit::Money])
            .filter(|(from, to)| compares(from, to))
            .filter(|(from, to)| (to.figure.value - from.figure.value) * sign > 0.0)
            .map(|(from, to)| {
                let (big, small) = if sign > 0.0 { (to, from) } else { (from, to) };
                difference_of(figure, big.figure, small.figure)
            }),
    )
}

/// The figure against `big` − `small`, with the expression that says so.
fn difference_of(figure: &Figure, big: &Figure, small: &Figure) -> Found {
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
}

/// The one run of consecutive parts (`parts`, the figure itself not among them) that adds up to
/// `figure` to its last digit, written all before it or all after it: a list after its total
/// ("Total: 180,417 • October: 40,223 • …") or before it ("• January 2025: 31,213 • …" and then
/// "the first three months of the year is 86,406").
fn run_total(figure: &Figure, parts: &[&Figure]) -> Option<Found> {
    /// The longest breakdown read.
    const MAX_RUN: usize = 12;
    let mut parts: Vec<&Figure> = parts.to_vec();
    parts.sort_by_key(|part| part.span.start);
    let split = parts.partition_point(|part| part.span.start < figure.span.start);
    let (before, after) = parts.split_at(split);
    let mut runs: Vec<&[&Figure]> = Vec::new();
    for side in [before, after] {
        for start in 0..side.len() {
            let mut sum = 0.0;
            for end in start..side.len().min(start + MAX_RUN) {
                sum += side[end].value;
                if end > start && (sum - figure.value).abs() < 0.5 {
                    runs.push(&side[start..=end]);
                }
            }
        }
    }
    // Runs of the same values ("… 2,992 unaccompanied minors. ¶ … 738,270 adult men … 2,992
    // unaccompanied minors") are one breakdown written twice: the tightest is read. Runs of other
    // values are a coincidence, not a relation.
    let values = |run: &[&Figure]| {
        let mut values: Vec<f64> = run.iter().map(|part| part.value).collect();
        values.sort_by(f64::total_cmp);
        values
    };
    // Two breakdowns of other values that both add up to the last digit ("48,405 from the
    // United States and 6,776 from Mexico", "47,153 by air, 6,124 by land, …") each hold: the
    // one written nearest the total is read.
    let distance = |run: &[&Figure]| {
        let (start, end) = (run[0].span.start, run[run.len() - 1].span.end);
        if end <= figure.span.start {
            figure.span.start - end
        } else {
            start.saturating_sub(figure.span.end)
        }
    };
    let first = runs.first()?;
    if runs.iter().any(|run| values(run) != values(first)) {
        let nearest = runs.iter().map(|run| distance(run)).min()?;
        runs.retain(|run| distance(run) == nearest);
        let first = runs.first()?;
        if runs.iter().any(|run| values(run) != values(first)) {
            return None;
        }
    }
    let run = runs
        .into_iter()
        .min_by_key(|run| run[run.len() - 1].span.end - run[0].span.start)?;
    let sum = run.iter().map(|part| part.value).sum();
    let comparison = Comparison::new((figure.value, figure.low, figure.high), (sum, sum, sum));
    Some(sum_of(comparison, run, sum))
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
            found.push(sum_of(comparison, terms, sum));
        }
    });
    // More than one way to make the total is a coincidence, not a relation.
    (found.len() == 1).then(|| found.remove(0))
}

/// A total's relation: its comparison with the sum of `terms`, written "a + b = sum".
fn sum_of(comparison: Comparison, terms: &[&Figure], sum: f64) -> Found {
    let expression = format!(
        "{} = {}",
        terms
            .iter()
            .map(|term| format_number(term.value))
            .collect::<Vec<_>>()
            .join(" + "),
        format_number(sum)
    );
    (
        comparison,
        expression,
        terms.iter().map(|term| operand(term)).collect(),
    )
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
pub(crate) mod tests {
    use crate::check::claim::tests::{document_dated, paragraphs_dated};
    use crate::check::{check, CheckRules, Method, Verdict};

    /// The arithmetic results of one passage, as `(figure, verdict, expression)`.
    fn arithmetic(text: &str, date: &str) -> Vec<(String, Verdict, String)> {
        arithmetic_of(document_dated(text, date))
    }

    /// [`arithmetic`] of a document built by a test helper.
    pub(crate) fn arithmetic_of(
        document: crate::check::CheckDocument,
    ) -> Vec<(String, Verdict, String)> {
        let rules = CheckRules::builtin().unwrap();
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

    /// The figures of a multi-paragraph document the arithmetic gave a result.
    fn figures_found(text: &str, date: &str) -> Vec<String> {
        arithmetic_of(paragraphs_dated(text, date))
            .into_iter()
            .map(|(figure, ..)| figure)
            .collect()
    }

    #[test]
    fn a_net_migration_figure_is_the_inflow_minus_the_outflow_of_its_period() {
        let text = "Net migration to the United Kingdom was an estimated 728,000 in the year to June 2024, according to the ONS.\n\n\
                    The new data shows the difference between arrivals and departures.\n\n\
                    In the 12 months to June 2024, some 1.2 million people are estimated to have arrived in the UK, while 479,000 are said to have left.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-11-28"));
        assert!(
            got.iter().any(
                |(figure, verdict, expression)| figure == "an estimated 728,000"
                    && *verdict == Verdict::Supported
                    && expression.contains("479,000")
            ),
            "{got:?}"
        );
        // The explanation says the operands are the document's, not the passage's.
        let rules = CheckRules::builtin().unwrap();
        let explained = check(&[paragraphs_dated(text, "2024-11-28")], &[], &rules)
            .0
            .into_iter()
            .find(|result| {
                result.method == Method::Arithmetic && result.figure.text == "an estimated 728,000"
            })
            .map(|result| result.explanation)
            .unwrap_or_default();
        assert!(
            explained.starts_with("Figures of its document, beyond its passage"),
            "{explained}"
        );
        // The inflow written again in another paragraph is still one inflow.
        let text = "Net migration to the United Kingdom was an estimated 728,000 in the year to June 2024.\n\n\
                    In the 12 months to June 2024, some 1.2 million people arrived in the UK.\n\n\
                    Over the same 12 months to June 2024, 479,000 left the UK.\n\n\
                    In the 12 months to June 2024, some 1.2 million people arrived.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-11-28"));
        assert!(
            got.iter()
                .any(|(figure, ..)| figure == "an estimated 728,000"),
            "{got:?}"
        );
        // Flows of another period are no operands.
        let text = "Net migration to the United Kingdom was an estimated 728,000 in the year to June 2024.\n\n\
                    In the 12 months to June 2023, some 1.2 million people arrived in the UK, while 479,000 left.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-11-28"));
        assert!(
            got.iter()
                .all(|(figure, ..)| figure != "an estimated 728,000"),
            "{got:?}"
        );
    }

    #[test]
    fn a_share_after_its_part_takes_the_one_whole_of_its_period() {
        let text = "At the end of October 2025, 4.3 million foreigners who had left Ukraine had temporary protection in the EU, reports Eurostat.\n\n\
                    The largest number is registered in Germany — 1,229,960, accounting for 28.6% of the EU total. Poland hosts 965,005 (22.5%), while Czechia accounts for 393,005 (9.1%).";
        let got = figures_found(text, "2025-12-10");
        for share in ["28.6%", "22.5%", "9.1%"] {
            assert!(got.iter().any(|figure| figure == share), "{share}: {got:?}");
        }
        // The part's counted noun may stand before the link, and the link may be "at a rate
        // of"; a part of three significant digits is named as well.
        let text = "As of the end of September 2021, the workforce in Kuwait numbered about 1.9 million.\n\n\
                    The Bangladeshi labor ranked fourth, with a total of 161,100 workers, or 8.5%, followed by the Pakistani workers, with a total of 70,300, or 3.7%. The Nepalese ranked eighth, with a total of 40,100 male and female workers, at a rate of 2.1%.";
        let got = figures_found(text, "2022-02-07");
        for share in ["8.5%", "3.7%", "2.1%"] {
            assert!(got.iter().any(|figure| figure == share), "{share}: {got:?}");
        }
        // A whole of another period is none.
        let text = "At the end of October 2024, 4.3 million foreigners had temporary protection in the EU.\n\n\
                    In October 2025, Poland hosted 965,005 (22.5%).";
        let got = figures_found(text, "2025-12-10");
        assert!(got.iter().all(|figure| figure != "22.5%"), "{got:?}");
    }

    #[test]
    fn a_comparative_amount_is_no_end_of_a_percent_change() {
        // 105,000 is how many fewer arrived, not a level: (105,000 − 728,000) / 728,000 is
        // -85.6% by chance.
        let got = arithmetic(
            "There was an 86 per cent drop in the number of dependents in 2024, meaning 105,000 \
             fewer arrivals. Net migration stood at 728,000 in the year up to June 2024.",
            "2025-05-22",
        );
        assert!(
            got.iter().all(|(figure, _, _)| figure != "86 per cent"),
            "{got:?}"
        );
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
    fn a_change_verb_further_back_than_by_gives_its_percent_a_direction() {
        let got = arithmetic(
            "The agency resettled 84,320 refugees in 2021. Budget cuts slashed resettlement \
             numbers in 2022 by 36.4%. Only 53,640 were resettled that year.",
            "2023-03-01",
        );
        assert!(
            got.contains(&(
                "36.4%".to_string(),
                Verdict::Supported,
                "(53,640 − 84,320) / 84,320 × 100 = -36.4%".to_string()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn spanish_change_words_give_a_percent_its_direction() {
        let got = arithmetic(
            "Durante 2024 fueron retornadas 48,960 personas, una disminución del 20 % en \
             comparación con las 61,200 de 2023.",
            "2025-01-10",
        );
        assert!(
            got.contains(&(
                "20 %".to_string(),
                Verdict::Supported,
                "(48,960 − 61,200) / 61,200 × 100 = -20.0%".to_string()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_change_is_found_between_a_level_and_the_base_after_it_or_a_carried_month() {
        // The level and its base in a later sentence: "down from" orders them.
        let got = arithmetic(
            "Apprehensions fell 12% in May. Agents made 41,872 arrests, down from 47,581 in April.",
            "2024-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "12%".to_string(),
                Verdict::Supported,
                "(41,872 − 47,581) / 47,581 × 100 = -12.0%".to_string()
            )]
        );
        // The level's month carried from the sentence before it.
        let got = arithmetic(
            "Apprehensions in May 2025 were lower than those recorded during the first two days of \
             May 2024. \
             Agents apprehended 8,305 migrants. This marks a 93% decrease compared to May 2024, \
             when agents apprehended 117,901 migrants.",
            "2025-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "93%".to_string(),
                Verdict::Supported,
                "(8,305 − 117,901) / 117,901 × 100 = -93.0%".to_string()
            )]
        );
    }

    #[test]
    fn a_precise_share_takes_an_exact_whole_from_anywhere_in_the_document() {
        let text = "The foreign population was 2,583,626 at the end of the year.\n\n\
                    Officials welcomed the figures.\n\nThe minister spoke on Monday.\n\n\
                    The mayor gave a speech.\n\nWorkers numbered 1.46 million, or 56.5% of \
                    all foreign residents.";
        let got = arithmetic_of(paragraphs_dated(text, "2025-02-10"));
        assert_eq!(
            got,
            vec![(
                "56.5%".to_string(),
                Verdict::Supported,
                "1,460,000 / 2,583,626 × 100 = 56.5%".to_string()
            )]
        );
        // A rise in brackets before it is its part's, not the share's.
        let bracketed = text.replace("1.46 million,", "1.46 million (up 11.4%),");
        let got = arithmetic_of(paragraphs_dated(&bracketed, "2025-02-10"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "56.5%"
                    && *verdict == Verdict::Supported
                    && expression == "1,460,000 / 2,583,626 × 100 = 56.5%"),
            "{got:?}"
        );
        // A share of two significant digits does not reach that far.
        let text = text.replace("56.5%", "57%");
        assert!(arithmetic_of(paragraphs_dated(&text, "2025-02-10")).is_empty());
    }

    #[test]
    fn a_net_figure_is_the_difference_of_one_later_sentence_dated_alike() {
        let text = "Net migration to the country in the year to March 2024 was 82,300, official \
                    figures show.\n\nOfficials blamed the housing shortage.\n\nThe minister \
                    spoke on Monday.\n\nIn the year to March 2024, 149,500 people arrived and \
                    67,200 left.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-05-20"));
        assert_eq!(
            got,
            vec![(
                "82,300".to_string(),
                Verdict::Supported,
                "149,500 − 67,200 = 82,300".to_string()
            )]
        );
        // Dated another year, the two are no operands.
        let text = text.replace("In the year to March 2024", "In the year to March 2023");
        assert!(arithmetic_of(paragraphs_dated(&text, "2024-05-20")).is_empty());
    }

    #[test]
    fn a_net_figure_and_a_change_in_a_count_are_differences_of_the_passage() {
        let got = arithmetic(
            "The population grew by 310,000 through net overseas migration. The country welcomed \
             452,700 people from overseas, while 142,700 departed.",
            "2024-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "310,000".to_string(),
                Verdict::Supported,
                "452,700 − 142,700 = 310,000".to_string()
            )]
        );
        let got = arithmetic(
            "Net migration is up by 41,000 year on year. It stood at 512,000 in the year to \
             March 2024, up from 471,000 in the previous 12 months.",
            "2024-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "41,000".to_string(),
                Verdict::Supported,
                "512,000 − 471,000 = 41,000".to_string()
            )]
        );
    }

    #[test]
    fn parts_adding_up_to_a_precise_total_to_its_last_digit_need_no_sum_word() {
        let got = arithmetic(
            "Japan's foreign population was 3,768,977 at the end of 2024. There were 1,913,516 \
             men and 1,855,431 women, as well as 30 people registered as other.",
            "2025-03-20",
        );
        assert_eq!(
            got,
            vec![(
                "3,768,977".to_string(),
                Verdict::Supported,
                "1,913,516 + 1,855,431 + 30 = 3,768,977".to_string()
            )]
        );
        // A difference found as such is not also a sum of its parts, nor a round total.
        let got = arithmetic(
            "Chinese nationals entered Ecuador 48,381 times in 2023 but only left 24,240 times. \
             The resulting entry/exit deficit was 24,141.",
            "2024-04-01",
        );
        assert!(got.iter().all(|(figure, ..)| figure != "48,381"), "{got:?}");
        let got = arithmetic(
            "Arrivals were 40,000 in 2023. There were 30,000 men and 10,000 women.",
            "2024-04-01",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_hedge_before_many_digits_leaves_a_part_of_a_run() {
        let text =
            "The numbers of deployed land-based workers (1,752,094) reached historic highs. \
                    Deployments were higher than in 2020.\n\n\
                    From the 2023 data, some 1,244,005 workers are rehires and 508,089 others are \
                    newly-hired.";
        let got: Vec<(String, Verdict, String)> =
            arithmetic_of(paragraphs_dated(text, "2024-05-01"))
                .into_iter()
                .filter(|(figure, ..)| figure == "1,752,094")
                .collect();
        assert_eq!(
            got,
            vec![(
                "1,752,094".to_string(),
                Verdict::Supported,
                "1,244,005 + 508,089 = 1,752,094".to_string()
            )]
        );
        // A hedge before a round part still hedges it.
        let text = "Deployments reached 1,752,094 in 2023.\n\n\
                    Some 1,244,000 were rehires and 508,094 were new hires.";
        let got = figures_found(text, "2024-05-01");
        assert!(got.iter().all(|figure| figure != "1,752,094"), "{got:?}");
    }

    #[test]
    fn a_total_after_out_of_the_total_is_broken_down_by_the_run_after_it() {
        let text =
            "The minister said out of the total 13,530 detainees, 3,375 were Indonesians.\n\n\
                    The total capacity at 20 depots is 20,450.\n\n\
                    The top countries are Indonesia (3,375), the Philippines (3,345), Rohingyas \
                    (2,653), Myanmar (1,988), Bangladesh (719) and Thailand (340).\n\n\
                    The remaining (1,110) are from other countries.\n\n\
                    He said of the total, 9,438 were men, 2,696 were women, 772 were boys and 624 \
                    were girls.";
        let got: Vec<(String, Verdict, String)> =
            arithmetic_of(paragraphs_dated(text, "2024-04-05"))
                .into_iter()
                .filter(|(figure, ..)| figure == "13,530")
                .collect();
        assert_eq!(
            got,
            vec![(
                "13,530".to_string(),
                Verdict::Supported,
                "3,375 + 3,345 + 2,653 + 1,988 + 719 + 340 + 1,110 = 13,530".to_string()
            )]
        );
        // Without the cue, four significant digits are too few for a run.
        let text = text.replace(
            "out of the total 13,530 detainees",
            "there were 13,530 detainees",
        );
        let got = figures_found(&text, "2024-04-05");
        assert!(got.iter().all(|figure| figure != "13,530"), "{got:?}");
    }

    #[test]
    fn a_total_named_so_takes_its_parts_from_the_next_paragraphs() {
        let text = "Foreign residents reached a new peak, with the total number climbing to 2.73 million.\n\n\
                    As of late June, about 1.56 million were registered foreign nationals.\n\n\
                    In addition, 552,419 people with Korean heritage held foreign citizenship.\n\n\
                    A further 620,403 people were staying on short-term permits.";
        let got = arithmetic_of(paragraphs_dated(text, "2025-07-28"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "2.73 million");
        assert_eq!(got[0].1, Verdict::Supported);
        assert_eq!(got[0].2, "1,560,000 + 552,419 + 620,403 = 2,732,822");
        // An open part ("more than 350") fits any sum it is added to: no operand.
        let text = "Entries form part of a total of 2,401 arrivals by land.\n\n\
                    In 2024 there were 2,026.\n\n\
                    Only six people arrived by sea, against 19 the year before.\n\n\
                    Some nights saw more than 350 attempts.";
        let got = figures_found(text, "2025-09-10");
        assert!(got.iter().all(|figure| figure != "2,401"), "{got:?}");
    }

    #[test]
    fn a_breakdown_opening_the_next_sentence_takes_no_part_of_the_total_s_own_sentence() {
        // "these" may be the 3.58 lakh: 358,000 + 120,141 = 478,141 is chance.
        let got = arithmetic(
            "For FY 2026, only 3.58 lakh H-1B visa cap registrations were filed, down from the \
             4.78 lakh entries received in 2025. Of these registrations, approximately \
             one-third (120,141) have been selected for further processing.",
            "2025-04-01",
        );
        assert!(
            got.iter().all(|(figure, _, _)| figure != "4.78 lakh"),
            "{got:?}"
        );
    }

    #[test]
    fn a_total_followed_by_its_breakdown_is_their_sum() {
        let got = arithmetic(
            "The coast guard returned 12,874 migrants to port. These include 10,512 men, \
             1,604 women and 758 children.",
            "2024-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "12,874".to_string(),
                Verdict::Supported,
                "10,512 + 1,604 + 758 = 12,874".to_string()
            )]
        );
        // "Out of this total" opens a breakdown too.
        let got = arithmetic(
            "Over eleven months, the number of migrants intercepted stood at 69,963.\n\n\
             Out of this total, 77.5% (54,224) were foreigners, and the rest Tunisians (15,739).",
            "2023-12-11",
        );
        assert!(
            got.iter().any(|(figure, verdict, how)| figure == "69,963"
                && *verdict == Verdict::Supported
                && how == "54,224 + 15,739 = 69,963"),
            "{got:?}"
        );
        // A breakdown cue two sentences on, its parts over two paragraphs, the last "the
        // remaining": four significant digits are enough with the cue.
        let got = arithmetic(
            "There were 141,600 immigrants to Ireland in the 12-month period. This was the second \
             year in a row above 100,000.\n\nOf those immigrants, 29,600 were returning Irish \
             citizens, 26,100 were other EU citizens, and 4,800 were UK citizens.\n\nThe \
             remaining 81,100 immigrants were citizens of other countries.",
            "2023-09-28",
        );
        assert_eq!(
            got,
            vec![(
                "141,600".to_string(),
                Verdict::Supported,
                "29,600 + 26,100 + 4,800 + 81,100 = 141,600".to_string()
            )]
        );
        // Without the cue, four digits adding up are no relation.
        let got = arithmetic(
            "There were 141,600 immigrants to Ireland in the 12-month period.\n\n29,600 were \
             returning Irish citizens, 26,100 were other EU citizens, and 4,800 were UK \
             citizens.\n\nAnother 81,100 immigrants were citizens of other countries.",
            "2023-09-28",
        );
        assert!(got.is_empty(), "{got:?}");
        // "totalling" is a sum word too.
        let got = arithmetic(
            "There were 412 deaths and 377 missing, totalling 789 lives lost.",
            "2024-06-20",
        );
        assert_eq!(
            got,
            vec![(
                "789".to_string(),
                Verdict::Supported,
                "412 + 377 = 789".to_string()
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
    fn an_average_per_unit_is_the_quotient_of_two_counts_of_its_sentence() {
        let got = arithmetic(
            "On August 11, 703 people arrived in 11 boats, an average of 64 people per boat.",
            "2024-08-20",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, Verdict::Supported);
        assert_eq!(got[0].2, "703 / 11 = 63.91");
        // A rate not written as an average is not searched for ("95 arrivals per million").
        let got = arithmetic(
            "In 2023, 4,750 people arrived in 50 boats, or 95 per boat.",
            "2024-08-20",
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
    fn an_open_share_is_not_a_quotient_far_past_it() {
        // 6.2m over 6.3m is 98.4%: no "more than two-thirds".
        let got = arithmetic(
            "More than two-thirds of the world's refugees came from five countries: Syria has 6.3m refugees, 6.2m internally displaced persons and 150,000 asylum-seekers.",
            "2018-06-19",
        );
        assert!(
            !got.iter()
                .any(|(figure, _, _)| figure == "More than two-thirds"),
            "{got:?}"
        );
        let got = arithmetic(
            "Of the 9,753 Chinese nationals apprehended in fiscal 2023, 8,207 were single adults, more than three quarters.",
            "2023-05-18",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, _)| figure == "more than three quarters"
                    && *verdict == Verdict::Supported),
            "{got:?}"
        );
    }

    #[test]
    fn a_change_takes_two_small_counts_of_its_sentence_linked_by_a_comparison_cue() {
        let got = arithmetic(
            "The report registered a 42% decrease in the number of boats reaching the enclave, with 14 boats entering so far this year, down from 24 boats during the same period in 2022.",
            "2023-06-01",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "42%"
                    && *verdict == Verdict::Supported
                    && expression.starts_with("(14 − 24) / 24")),
            "{got:?}"
        );
        // Small counts of other things fit a change by chance: none is read.
        let got = arithmetic(
            "The report registered a 42% decrease in boats, with 3 people dead and 5 injured.",
            "2023-06-01",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_share_takes_no_part_and_whole_both_from_another_paragraph() {
        // Jalisco's 5,355 over Michoacán's 5,409 is 99.0%: two peers of a list, not the
        // electronic transfers and all remittances.
        let text = "By mean of transfer, 99.0% of the remittances that arrived in Mexico in 2023 were by electronic transfers.\n\n\
                    Guanajuato is positioned in 2023 as the state that receives the most remittances (5,414 million dollars), managing to overtake Michoacán (5,409 million dollars) and Jalisco (5,355 million dollars).";
        let got = arithmetic_of(paragraphs_dated(text, "2024-02-01"));
        assert!(
            !got.iter().any(|(figure, _, _)| figure == "99.0%"),
            "{got:?}"
        );
        // A whole from the paragraph before and a part of the share's own are its operands.
        let text = "In fiscal 2023, agents apprehended 9,753 Chinese nationals.\n\n\
                    Of them, 8,207 were single adults, or 84 percent.";
        let got = arithmetic_of(paragraphs_dated(text, "2023-05-18"));
        assert!(
            got.iter().any(
                |(figure, verdict, _)| figure == "84 percent" && *verdict == Verdict::Supported
            ),
            "{got:?}"
        );
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
        // A vague claim does not take operands from another paragraph, unless they are the
        // change's dated ends (the later in its period, the earlier a year before).
        let text = "Arrivals rose by about half\n\n\
                    155,754 landed this year, up from 103,846 in the past";
        let got = figures_found(text, "2023-12-30");
        assert!(!got.contains(&"about half".to_string()), "{got:?}");
        let text = "Arrivals rose by about half\n\n\
                    155,754 landed up to Dec 29, up from 103,846 in 2022";
        let got = figures_found(text, "2023-12-30");
        assert!(got.contains(&"about half".to_string()), "{got:?}");
    }

    #[test]
    fn a_percent_of_three_digits_takes_dated_two_digit_operands_of_the_next_paragraph() {
        let text = "Italy recorded a 317% increase in migrants coming by sea in the first three \
                    months of the year.\n\nIn January-March this year, around 26,800 migrants \
                    arrived in Italy by sea, compared to 6,400 in 2022 during the same months.";
        let got = arithmetic_of(paragraphs_dated(text, "2023-04-05"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "317%"
                    && *verdict == Verdict::Supported
                    && expression.contains("6,400")),
            "{got:?}"
        );
        // A percent of two digits does not: "6,400" and "26,800" are too round for it.
        let got = figures_found(&text.replace("317%", "320%"), "2023-04-05");
        assert!(!got.contains(&"320%".to_string()), "{got:?}");
    }

    #[test]
    fn a_change_opening_on_the_last_figure_runs_from_its_base_to_that_figure() {
        let text = |opening: &str| {
            format!(
                "Just over 170,000 migrants crossed the Darien Gap over the first five months of \
                 this year, Panama's migration agency said.\n\n{opening} 2% higher than the \
                 nearly 167,000 who made the crossing in the same period last year."
            )
        };
        let got = arithmetic_of(paragraphs_dated(&text("This is"), "2024-06-07"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "2%"
                    && *verdict == Verdict::Supported
                    && expression.contains("170,000")),
            "{got:?}"
        );
        // "The arrest tally …" opens on the last figure too.
        let got = arithmetic_of(paragraphs_dated(
            "Authorities made about 46,700 arrests in November.\n\nThe arrest tally marked a \
             decline of more than 80% from an all-time high of nearly 250,000 in December.",
            "2024-12-17",
        ));
        assert!(
            got.iter()
                .any(|(figure, verdict, _)| figure == "more than 80%"
                    && *verdict == Verdict::Supported),
            "{got:?}"
        );
        // Without the opening, the round 170,000 of another paragraph is no operand.
        let got = figures_found(&text("Crossings were"), "2024-06-07");
        assert!(!got.contains(&"2%".to_string()), "{got:?}");
    }

    #[test]
    fn a_change_opening_on_the_figure_before_runs_from_it_to_the_level_after_to() {
        let text = |opening: &str| {
            format!(
                "Seneca College had 45 asylum claims in 2018. {opening} rose 2,400% in 2023 to \
                 1,135 claims."
            )
        };
        let got = arithmetic_of(paragraphs_dated(&text("That number"), "2024-03-01"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "2,400%"
                    && *verdict == Verdict::Supported
                    && expression.contains("(1,135 − 45) / 45")),
            "{got:?}"
        );
        // Without the opening, 45 is too small an operand for a search.
        let got = figures_found(&text("Claims"), "2024-03-01");
        assert!(!got.contains(&"2,400%".to_string()), "{got:?}");
    }

    #[test]
    fn a_change_in_brackets_after_a_count_takes_no_base_listed_beside_it() {
        let text = "Some 834,977 entry visas were issued in the year to June 2025.\n\n\
                    Among the resettlement categories, 14,216 visas were issued under the Ukraine \
                    schemes, and 9,357 were under the EU Settlement Scheme (down 34%).";
        let got = figures_found(text, "2025-08-21");
        // 14,216 to 9,357 is -34.2%, by chance: two schemes of one year.
        assert!(!got.contains(&"34%".to_string()), "{got:?}");
        // Its own count's base, written before with its year, is one.
        let text = "The EU Settlement Scheme issued 14,216 visas in 2024.\n\n\
                    In 2025, 9,357 were under the EU Settlement Scheme (down 34%).";
        let got = figures_found(text, "2026-02-21");
        assert!(got.contains(&"34%".to_string()), "{got:?}");
    }

    #[test]
    fn one_period_carried_to_both_ends_orders_them_as_written() {
        let got = arithmetic_of(paragraphs_dated(
            "Canada cut 3,200 study permits so far this year.\n\nMiller said they have lowered \
             next year's projections from 500,000 permanent residents to 395,000 — a drop of \
             more than 20 per cent.",
            "2024-10-24",
        ));
        assert!(
            got.iter().any(
                |(figure, verdict, expression)| figure == "more than 20 per cent"
                    && *verdict == Verdict::Supported
                    && expression.contains("500,000")
            ),
            "{got:?}"
        );
    }

    #[test]
    fn a_share_with_its_part_in_brackets_takes_a_precise_whole_of_its_period_anywhere() {
        let text = |whole_period: &str| {
            format!(
                "{whole_period}, 79,667 migrants entered the country.\n\nMost were Cuban.\n\n\
                 Officials gave no reason.\n\nIn 2022, men comprise 55% (43,676) of the \
                 immigrants."
            )
        };
        let got = arithmetic_of(paragraphs_dated(&text("In 2022"), "2022-08-27"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "55%"
                    && *verdict == Verdict::Supported
                    && expression.contains("79,667")),
            "{got:?}"
        );
        // A whole of another period is another total.
        let got = figures_found(&text("In 2021"), "2022-08-27");
        assert!(!got.contains(&"55%".to_string()), "{got:?}");
    }

    #[test]
    fn a_rough_percent_change_takes_dated_operands_of_the_next_paragraph() {
        let text =
            "A total of 4,791 people had been deported by the end of March, reports NOZ.\n\n\
                    This is an increase of around 34 percent. Between January and March 2023, \
                    3,566 foreigners were deported.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-04-05"));
        assert!(
            got.iter().any(
                |(figure, verdict, expression)| figure == "around 34 percent"
                    && *verdict == Verdict::Supported
                    && expression.contains("4,791")
            ),
            "{got:?}"
        );
        // Undated operands of another paragraph are no operands of a rough claim.
        let text = "A total of 4,791 people had been deported.\n\n\
                    This is an increase of around 34 percent. Before, 3,566 foreigners were deported.";
        let got = figures_found(text, "2024-04-05");
        assert!(!got.contains(&"around 34 percent".to_string()), "{got:?}");
    }

    #[test]
    fn the_remaining_count_is_a_difference() {
        let got = arithmetic(
            "By October 21, some 20,889 migrants had been moved. Of these, 14,000 have already \
             been moved to the border. Of the remaining 6,889, there is no information.",
            "2023-10-25",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "6,889"
                    && *verdict == Verdict::Supported
                    && expression.contains("20,889")),
            "{got:?}"
        );
    }

    #[test]
    fn a_total_is_the_sum_of_the_run_of_parts_listed_after_it() {
        let text = "A total of 196,714 claims were awaiting a ruling as of April 30, 2024. \
                    Countries of origin include Mexico (30,159) and Haiti (19,019).\n\n\
                    The majority of these claims (89,370) were made within the six months up to \
                    and including April 30. Others came from six months to one year ago (62,459) \
                    and one to three years (42,368). A small portion (2,517) waited longer.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-05-15"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "196,714"
                    && *verdict == Verdict::Supported
                    && expression == "89,370 + 62,459 + 42,368 + 2,517 = 196,714"),
            "{got:?}"
        );
        // A run that misses the last digit is no relation.
        let text = "A total of 199,714 claims were awaiting a ruling.\n\n\
                    Of these, 89,370 were recent, 62,459 older, 42,368 older still and 2,517 the oldest.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-05-15"));
        assert!(
            !got.iter().any(|(figure, ..)| figure == "199,714"),
            "{got:?}"
        );
        // Two breakdowns of other values: the one nearest the total is read.
        let text = "In 2025, 55,181 people were deported to Guatemala.\n\n\
                    By air, 47,153 were returned, by land 6,124, by sea 1,180 and by bus 724.\n\n\
                    Of them, 48,405 came from the United States and 6,776 from Mexico.";
        let got = arithmetic_of(paragraphs_dated(text, "2026-01-10"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "55,181"
                    && *verdict == Verdict::Supported
                    && expression == "47,153 + 6,124 + 1,180 + 724 = 55,181"),
            "{got:?}"
        );
    }

    #[test]
    fn a_total_is_the_sum_of_a_run_of_parts_before_it_or_of_one_written_twice() {
        // The parts listed paragraphs before the total.
        let text = "The breakdown of deportations is:\n\n• December 2024: 25,085\n\n\
                    • January 2025: 31,213\n\n• February 2025: 26,659\n\n• March 2025: 28,534\n\n\
                    The agency stressed the figure includes those detained in March.\n\n\
                    For the first three months of the year the number of deportations is 86,406.";
        let got = arithmetic_of(paragraphs_dated(text, "2025-04-02"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "86,406"
                    && *verdict == Verdict::Supported
                    && expression == "31,213 + 26,659 + 28,534 = 86,406"),
            "{got:?}"
        );
        // The same breakdown written in part, then whole: one relation, read from the whole.
        let text = "The institute identified 1,393,683 foreign nationals.\n\n\
                    Among family units, 154,291 people were identified, along with 2,992 \
                    unaccompanied minors.\n\n\
                    In all, 738,270 adult men travelled alone, 362,979 adult women travelled \
                    alone, 154,291 adults travelled in families with 135,151 minors, and 2,992 \
                    minors were unaccompanied.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-06-20"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "1,393,683"
                    && *verdict == Verdict::Supported
                    && expression == "738,270 + 362,979 + 154,291 + 135,151 + 2,992 = 1,393,683"),
            "{got:?}"
        );
        // Two runs of other values that both add up: two breakdowns, the nearest read.
        let text = "There were 30,125 arrivals. They came through 14 ports.\n\n\
                    By route, 10,100 came by sea and 20,025 by land.\n\n\
                    By sex, 12,125 were men and 18,000 women.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-06-20"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "30,125"
                    && *verdict == Verdict::Supported
                    && expression == "10,100 + 20,025 = 30,125"),
            "{got:?}"
        );
        let text = "There were 30,125 arrivals. They came through 14 ports.\n\n\
                    By route, 10,100 came by sea and 20,025 by land.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-06-20"));
        assert!(got.iter().any(|(figure, ..)| figure == "30,125"), "{got:?}");
    }

    #[test]
    fn a_percent_change_is_found_between_two_paces_of_one_kind() {
        let text = "Encounters averaged 673 per day in March. This represents a 3% decrease from \
                    February's average of 693 daily encounters.";
        let got = arithmetic_of(paragraphs_dated(text, "2025-04-15"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "3%"
                    && *verdict == Verdict::Supported
                    && expression.contains("673")
                    && expression.contains("693")),
            "{got:?}"
        );
        // A rate per head is no pace.
        let text = "Arrests reached 673 per 100,000 residents in March. This represents a 3% \
                    decrease from February's average of 693 daily arrests.";
        let got = arithmetic_of(paragraphs_dated(text, "2025-04-15"));
        assert!(!got.iter().any(|(figure, ..)| figure == "3%"), "{got:?}");
    }

    #[test]
    fn an_exact_change_takes_the_two_levels_of_one_sentence_two_sentences_on() {
        let text = "The agency announced a decrease of 0.742 percent in the refugee population. \
                    The number fell by 4,908 between the beginning of 2023 and July 31.\n\n\
                    The total registered as of the end of July was 656,762, a decrease from the \
                    661,670 refugees registered at the start of the year.";
        let got = arithmetic_of(paragraphs_dated(text, "2023-08-10"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "0.742 percent"
                    && *verdict == Verdict::Supported
                    && expression.contains("656,762")),
            "{got:?}"
        );
        // A rough change does not reach that far.
        let text = text.replace("0.742 percent", "about 0.7 percent");
        let got = arithmetic_of(paragraphs_dated(&text, "2023-08-10"));
        assert!(
            !got.iter().any(|(figure, ..)| figure.contains("0.7")),
            "{got:?}"
        );
    }

    #[test]
    fn a_rough_change_takes_two_levels_dated_a_year_apart_from_its_neighbourhood() {
        let text = "Deportations rose by more than a third in the first quarter of 2024. The \
                    ministry listed 12 causes.\n\n\
                    A total of 4,791 people had been deported by the end of March 2024, the \
                    government said in a reply to the Left party.\n\n\
                    Officials gave no reason. Between January and March 2023, 3,566 foreigners \
                    were deported.";
        let got = arithmetic_of(paragraphs_dated(text, "2024-05-02"));
        assert!(
            got.iter().any(
                |(figure, verdict, expression)| figure == "more than a third"
                    && *verdict == Verdict::Supported
                    && expression.contains("4,791")
                    && expression.contains("3,566")
            ),
            "{got:?}"
        );
        // Levels of other spans are no ends of this change.
        let text = text.replace("Between January and March 2023", "In all of 2022");
        let got = arithmetic_of(paragraphs_dated(&text, "2024-05-02"));
        assert!(
            !got.iter().any(|(figure, ..)| figure == "more than a third"),
            "{got:?}"
        );
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

    #[test]
    fn a_change_takes_its_operands_from_anywhere_in_the_document_when_they_are_its_own_years() {
        let lead = "Crossings of the jungle fell 41% in 2024, the president said.";
        let far = "302,203 people crossed in 2024, compared with 520,085 in 2023.";
        let filler = "The routes were closed after an agreement in July.";
        let text = format!("{lead}\n\n{filler}\n\n{filler}\n\n{filler}\n\n{far}");
        let got = arithmetic_of(paragraphs_dated(&text, "2025-01-03"));
        // A writer may truncate: 41.9% is "41%".
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "41%"
                    && *verdict == Verdict::Supported
                    && expression == "(302,203 − 520,085) / 520,085 × 100 = -41.9%"),
            "{got:?}"
        );
        // Figures of other years four paragraphs away are no operands of a 2024 change.
        let far = "302,203 people crossed in 2022, compared with 520,085 in 2021.";
        let text = format!("{lead}\n\n{filler}\n\n{filler}\n\n{filler}\n\n{far}");
        let got = arithmetic_of(paragraphs_dated(&text, "2025-01-03"));
        assert!(!got.iter().any(|(figure, ..)| figure == "41%"), "{got:?}");
    }

    #[test]
    fn more_than_a_round_count_is_an_operand_to_its_last_digit() {
        let text = "In 2022, 881,200 first-time applicants applied for protection.\n\n\
                    In 2022, more than 131,000 Syrians applied, accounting for 15% of the total.";
        let got = arithmetic_of(paragraphs_dated(text, "2023-03-16"));
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "15%"
                    && *verdict == Verdict::Supported
                    && expression == "131,000 / 881,200 × 100 = 14.9%"),
            "{got:?}"
        );
        // "more than 2 million" stands for 2 to 3 million: too wide to be an operand.
        let text = "In 2022, 8,812,000 applications were lodged.\n\n\
                    In 2022, more than 2 million came from Syrians, 23% of the total.";
        let got = arithmetic_of(paragraphs_dated(text, "2023-03-16"));
        assert!(!got.iter().any(|(figure, ..)| figure == "23%"), "{got:?}");
    }

    #[test]
    fn a_comparative_percent_compares_its_own_sentences_count_with_the_other() {
        let got = arithmetic(
            "In January 2024, 85,855 people applied. In the same period last year, they had been 83,310, 3 per cent fewer.",
            "2024-04-22",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "3 per cent"
                    && *verdict == Verdict::Supported
                    && expression == "(83,310 − 85,855) / 85,855 × 100 = -3.0%"),
            "{got:?}"
        );
    }

    #[test]
    fn n_more_from_a_figure_is_a_difference_too() {
        let text = "In fiscal 2023 the agency encountered a total of 2.48 million migrants, \
                    about 100,000 more from the 2.38 million encounters in fiscal 2022.";
        let got = arithmetic(text, "2023-10-21");
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "about 100,000"
                    && *verdict == Verdict::Supported
                    && expression == "2,480,000 − 2,380,000 = 100,000"),
            "{got:?}"
        );
    }

    #[test]
    fn a_round_percent_change_stands_for_its_last_significant_digit() {
        // 1,515 -> 25,465 is +1,581%: "1,500%" is a writer's rounding, close, not an error.
        let got = arithmetic(
            "Over the last five years, the number of asylum claims by international students soared an alarming 1,500%, from 1,515 claims in 2018 to 25,465 in 2023.",
            "2024-09-18",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, Verdict::Close, "{got:?}");
        // A change off by far more is still contradicted.
        let got = arithmetic(
            "Over the last five years, the number of asylum claims by international students soared an alarming 900%, from 1,515 claims in 2018 to 25,465 in 2023.",
            "2024-09-18",
        );
        assert_eq!(got[0].1, Verdict::Contradicted, "{got:?}");
    }

    #[test]
    fn a_level_after_from_a_month_when_is_an_operand() {
        let got = arithmetic(
            "Border Patrol agents logged 172,331 apprehensions in March. That’s a 71% increase from February, when 101,028 were reported.",
            "2021-04-09",
        );
        assert!(
            got.iter()
                .any(|(figure, verdict, expression)| figure == "71%"
                    && *verdict == Verdict::Supported
                    && expression == "(172,331 − 101,028) / 101,028 × 100 = +70.6%"),
            "{got:?}"
        );
    }

    #[test]
    fn an_amount_restated_in_another_currency_is_no_operand() {
        // $5/$16 is too rough to be a share's operands, and the bracketed rand amounts only
        // restate them at an exchange rate: "a third" of the costs is not R90.19 / R288.61.
        let got = arithmetic(
            "It would only be able to meet a third of the costs of supporting refugees and would \
             have to cut its monthly funding to $5 (R90.19) per refugee from $16 (R288.61).",
            "2025-03-10",
        );
        assert!(
            got.iter().all(
                |(figure, verdict, _)| !(figure == "a third" && *verdict == Verdict::Supported)
            ),
            "{got:?}"
        );
    }
}
