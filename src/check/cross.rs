//! Across documents: the same statistic cited in two documents (same unit, the same counted words
//! right after the figure) is compared. Agreeing within the stated precision is `supported`; a
//! different definition (another age band, Border Patrol against all of CBP, a fiscal against a
//! calendar year) is `not_comparable`; a clear disagreement on a strong match is `contradicted`
//! and names both passages.

use std::collections::BTreeSet;

use super::arithmetic::around;
use super::claim::{is_checkable, CheckClaim};
use super::rules::Rules;
use super::verdict::{decide, sentence, Comparison, Verdict};
use super::{CheckResult, CrossEvidence, Evidence, Method, OtherClaim};
use crate::figures::{Figure, RangeKind, Unit};
use crate::index::analyzer;

/// Content words shared right after both figures for them to count as one statistic.
const MIN_SHARED: usize = 2;
/// Shared words for a disagreement to be called `contradicted` rather than left alone.
const STRONG_SHARED: usize = 3;

struct Cited<'a> {
    claim: &'a CheckClaim,
    figure: &'a Figure,
    words: BTreeSet<String>,
    band: Option<(f64, f64)>,
}

/// Every cross-document result, one per figure that has a counterpart in another document.
pub fn check_claims(claims: &[CheckClaim], rules: &Rules) -> Vec<CheckResult> {
    let cited: Vec<Cited> = claims
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
            }
        })
        .collect();
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
        let Some((other_idx, shared)) = best_match(idx) else {
            continue;
        };
        // Mutual best matches only: each figure is the other's nearest statistic.
        if best_match(other_idx).map(|(back, _)| back) != Some(idx) {
            continue;
        }
        let (one, other) = (&cited[idx], &cited[other_idx]);
        let mut comparison = Comparison::new(
            (one.figure.value, one.figure.low, one.figure.high),
            (
                other.figure.value,
                other.figure.low.unwrap_or(other.figure.value),
                other.figure.high.unwrap_or(other.figure.value),
            ),
        );
        comparison.strong = shared >= STRONG_SHARED;
        comparison.named = comparison.strong;
        comparison.conflict = definition_conflict(one, other, rules);
        let verdict = decide(&comparison);
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
                others: vec![OtherClaim {
                    id: other.claim.claim_for(other.figure).id.clone(),
                    doc: other.claim.doc.clone(),
                    line: other.claim.claim_for(other.figure).line,
                    text: other.claim.claim_for(other.figure).text.clone(),
                    figure: other.figure.text.clone(),
                }],
            }),
            explanation: sentence(verdict, &one.figure.text, &comparison, &against),
        });
    }
    results
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

fn definition_conflict(one: &Cited, other: &Cited, rules: &Rules) -> Option<String> {
    if let (Some(a), Some(b)) = (one.band, other.band) {
        if a != b {
            return Some(format!(
                "the bands differ: {}–{} against {}–{}",
                a.0, a.1, b.0, b.1
            ));
        }
    }
    if let Some(conflict) = rules
        .conflict(&one.claim.text, &other.claim.text)
        .or_else(|| rules.conflict(&other.claim.text, &one.claim.text))
    {
        return Some(conflict.reason.clone());
    }
    let fiscal = |claim: &CheckClaim| Rules::says(&claim.text, &rules.fiscal);
    if fiscal(one.claim) != fiscal(other.claim) {
        return Some("one counts a fiscal year, the other a calendar year".into());
    }
    None
}

fn words(text: &str, rules: &Rules) -> BTreeSet<String> {
    let mut english = analyzer::english();
    analyzer::tokens(&mut english, text)
        .into_iter()
        .map(|(word, _, _)| word)
        .filter(|word| word.chars().filter(|ch| ch.is_alphabetic()).count() > 2)
        .filter(|word| !rules.stopwords.iter().any(|stop| stop == word))
        .collect()
}
