//! The period a figure is anchored to: a year with its cue words ("since January 2023", "in the
//! late 1980s"), the present ("today"), "per year" after the figure, and for a change with both
//! ends written, the span of time from its start's period to its end's.

use super::lexicon::Lexicon;
use super::token::Token;
use super::{Draft, Unit};
use crate::span::Span;

/// Words that anchor a figure to the present ("6.7 million today").
const PRESENT_WORDS: &[&str] = &["today", "nowadays", "currently", "presently"];

/// The period of a figure (not a year): "per year" after it, a change's span of time, else the
/// nearest period of the sentence. `periods` come from [`periods`].
pub(crate) fn period_of(
    tokens: &[Token],
    draft: &Draft,
    periods: &[(Span, String)],
) -> Option<String> {
    per_period(tokens, draft)
        .or_else(|| change_period(tokens, draft, periods))
        .or_else(|| nearest(periods, draft.figure.span))
}

/// "15,000 per year", "37,000 a year", "each year", "annually" right after the figure.
fn per_period(tokens: &[Token], draft: &Draft) -> Option<String> {
    let next = tokens.get(draft.last)?;
    let then = tokens.get(draft.last + 1);
    let unit = then.map(|t| t.lower.as_ref());
    match (next.lower.as_ref(), unit) {
        ("per" | "a" | "each" | "every", Some(unit @ ("year" | "month" | "week" | "day"))) => {
            Some(format!("per {unit}"))
        }
        ("annually" | "yearly", _) => Some("per year".to_string()),
        ("monthly", _) => Some("per month".to_string()),
        _ => None,
    }
}

/// The first token of a year's period phrase: its cue words, a month and "early"/"late"/"mid"
/// before it ("in the late 1980s", "since January 2023").
pub(crate) fn period_start(tokens: &[Token], year: &Draft, lexicon: &Lexicon) -> usize {
    let mut start = year.lead;
    // A month before the year ("January 2023", "5 September 2023").
    if start > 0
        && lexicon.months.contains(tokens[start - 1].lower.as_ref())
        && tokens[start - 1].is_capitalised()
    {
        start -= 1;
        if start > 0 && tokens[start - 1].is_number() {
            start -= 1;
        }
    }
    // "early 1990s", "the late 1980s", "mid-2022".
    while start > 0
        && matches!(
            tokens[start - 1].lower.as_ref(),
            "early" | "late" | "mid" | "-"
        )
    {
        start -= 1;
    }
    if let Some((_, cue_start)) = lexicon.period_cues.match_before(tokens, start) {
        start = cue_start;
    }
    start
}

/// Every year figure with its cue words ("since January 2023", "in fiscal year 2023",
/// "in the 1970s", "from 2010 to 2020").
pub(crate) fn periods(
    text: &str,
    tokens: &[Token],
    drafts: &[Draft],
    lexicon: &Lexicon,
) -> Vec<(Span, String)> {
    let mut periods = Vec::new();
    for draft in drafts
        .iter()
        .filter(|draft| draft.figure.unit == Unit::Year)
    {
        let start = period_start(tokens, draft, lexicon);
        let span = Span::new(tokens[start].span.start, draft.figure.span.end);
        if let Some(surface) = span.slice(text) {
            periods.push((span, surface.to_string()));
        }
    }
    // The present: "today", "currently", "at present".
    for (idx, token) in tokens.iter().enumerate() {
        let present = PRESENT_WORDS.contains(&token.lower.as_ref())
            || token.is("present") && idx > 0 && tokens[idx - 1].is("at");
        if present {
            let start = if token.is("present") { idx - 1 } else { idx };
            let span = Span::new(tokens[start].span.start, token.span.end);
            if let Some(surface) = span.slice(text) {
                periods.push((span, surface.to_string()));
            }
        }
    }
    periods.sort_by_key(|(span, _)| span.start);
    periods
}

/// The period of a change with both ends written, when its start has a period phrase of its
/// own: "`<start's period>` to `<end's period>`". The start's period is written right after the
/// start ("from 7.8 million in the late 1980s to …", "2.2 children, from 6.5 children in the
/// 1970s"); the end's is written right after the end ("… to 6.7 million today"), else it is the
/// period opening the clause before the change ("In 2020, the rate fell to …"), else the change
/// runs to the time of writing. So: "in the late 1980s to today", "in the 1970s to the time of
/// writing", "in 2000 to 2010" (a leading "in" of the end's period is dropped).
fn change_period(tokens: &[Token], draft: &Draft, periods: &[(Span, String)]) -> Option<String> {
    let ends = draft.change_ends?;
    let start = written_after(tokens, ends.start.1, periods)?;
    let end = written_after(tokens, ends.end.1, periods)
        .or_else(|| clause_period_before(tokens, draft.lead, periods))
        .map_or_else(
            || "the time of writing".to_string(),
            |end| match end.get(..3) {
                Some(cue) if cue.eq_ignore_ascii_case("in ") => end[3..].to_string(),
                _ => end,
            },
        );
    Some(format!("{start} to {end}"))
}

/// The period phrase starting right after token `tail`, with at most a few words between ("6.5
/// children in the 1970s"; "6.7 million today").
fn written_after(tokens: &[Token], tail: usize, periods: &[(Span, String)]) -> Option<String> {
    /// The most words between an end and its period (a counted noun repeated).
    const MAX_WORDS_BETWEEN: usize = 4;
    for token in tokens.iter().skip(tail).take(MAX_WORDS_BETWEEN + 1) {
        let at = token.span.start;
        let found = periods.partition_point(|(period, _)| period.start < at);
        if let Some((_, surface)) = periods.get(found).filter(|(p, _)| p.start == at) {
            return Some(surface.clone());
        }
        if !token.is_word() {
            return None;
        }
    }
    None
}

/// The last period phrase before token `lead` in the same sentence, with no sentence break or
/// other number between ("In 2020, the rate fell to 12 …").
fn clause_period_before(
    tokens: &[Token],
    lead: usize,
    periods: &[(Span, String)],
) -> Option<String> {
    let at = tokens.get(lead)?.span.start;
    let idx = periods.partition_point(|(period, _)| period.end <= at);
    let (period, surface) = periods.get(idx.checked_sub(1)?)?;
    tokens[..lead]
        .iter()
        .rev()
        .take_while(|token| token.span.start >= period.end)
        .all(|token| !token.is_number() && !matches!(token.lower.as_ref(), "." | ";" | "!" | "?"))
        .then(|| surface.clone())
}

/// The period nearest to `span` (by byte distance), excluding one that contains it. `periods`
/// are in text order, so a binary search finds the neighbours and this stays logarithmic.
fn nearest(periods: &[(Span, String)], span: Span) -> Option<String> {
    let idx = periods.partition_point(|(period, _)| period.end <= span.start);
    let distance = |period: Span| {
        if period.end <= span.start {
            span.start - period.end
        } else {
            period.start.saturating_sub(span.end)
        }
    };
    // The candidates: the last period before the figure and the first ones at or after it.
    let candidates = idx.saturating_sub(1)..(idx + 2).min(periods.len());
    periods[candidates]
        .iter()
        .filter(|(period, _)| !period.contains(span))
        .min_by_key(|(period, _)| distance(*period))
        .map(|(_, surface)| surface.clone())
}

#[cfg(test)]
mod tests {
    use super::super::context::tests::check;

    #[test]
    fn a_change_runs_from_the_start_period_to_the_end_period() {
        check(
            "dropping from a high of 7.8 million in the late 1980s to 6.7 million today",
            "from a high of 7.8 million in the late 1980s to 6.7 million",
            (None, Some("in the late 1980s to today"), &[]),
        );
        check(
            "Employment fell from 12,000 workers in 2015 to 9,500 workers in 2020.",
            "from 12,000 workers in 2015 to 9,500",
            (Some("workers"), Some("in 2015 to 2020"), &[]),
        );
        // Written end first, with no period for the end: it runs to the time of writing.
        check(
            "The fertility rate fell to 1.8 births,from 2.5 births in the 1990s.",
            "1.8 births,from 2.5",
            (
                Some("births"),
                Some("in the 1990s to the time of writing"),
                &[],
            ),
        );
        // The end's period opens the clause.
        check(
            "In 2020, the rate fell to 12 percent, down from 15 percent in 2010.",
            "12 percent, down from 15 percent",
            (None, Some("in 2010 to 2020"), &[]),
        );
        // A start without a period of its own keeps the nearest period.
        check(
            "In 2020, the rate fell from 15 percent to 12 percent.",
            "from 15 percent to 12 percent",
            (None, Some("In 2020"), &[]),
        );
    }
}
