//! Changes, for `range::merge`: written end first ("13 percent, down from 20 percent", "dropped
//! to 2.2 children, from 6.5 children"); with one end ("fell to 12", "a 13 percent
//! decline"); and the start of a change written bare after its end ("a median age of 39 in 2017,
//! a slight increase from 38 in 2000"), which takes the end's unit.

use super::lexicon::Lexicon;
use super::retype::bare_after;
use super::token::Token;
use super::{ChangeEnds, Direction, Draft, FigureRange, RangeKind, Unit};

/// The most words of a counted noun repeated between the two ends ("2.2 children, from 6.5
/// children").
const MAX_REPEATED_WORDS: usize = 4;

fn is_quantity(unit: Unit) -> bool {
    !matches!(
        unit,
        Unit::Year | Unit::Ordinal | Unit::Other | Unit::Fraction
    )
}

/// `a` (the end) and `b` (the start) joined as one change, when the words between them are
/// `[repeated noun] , [down|up] from`: a comma, "down"/"up" or a change verb before `a` ("dropped
/// to 2.2") must say it is a change, and words between the ends must repeat the ones after `b`.
pub(crate) fn join_reversed(
    tokens: &[Token],
    a: &Draft,
    b: &Draft,
    lexicon: &Lexicon,
) -> Option<Draft> {
    if !is_quantity(a.figure.unit) || !is_quantity(b.figure.unit) || a.tail >= b.lead {
        return None;
    }
    if opens_own_change(tokens, b) {
        return None;
    }
    let (said, repeated) = reversed_link(tokens, a, b)?;
    let direction = said.or_else(|| verb_before(tokens, a.lead, lexicon))?;
    let b_value = start_value(a, b, repeated)?;
    let a_value = a.figure.value;
    let mut joined = a.clone();
    joined.figure.range = Some(FigureRange {
        low: a_value.min(b_value),
        high: a_value.max(b_value),
        kind: RangeKind::Change,
        direction: Some(direction),
    });
    joined.last = b.last;
    joined.tail = b.tail;
    joined.change_ends = Some(ChangeEnds {
        start: (b.first, b.tail),
        end: (a.first, a.tail),
    });
    Some(joined)
}

/// "increased 49 percent, from 173 million to 258 million", "soared 1,500%, from 1,515 claims
/// in 2018 to 25,465": whether `b` opens a change of its own, whose "to" follows within the
/// clause.
fn opens_own_change(tokens: &[Token], b: &Draft) -> bool {
    /// How many words after `b` its own change's "to" may be written.
    const TO_WITHIN: usize = 5;
    tokens
        .iter()
        .skip(b.tail)
        .take(TO_WITHIN)
        .take_while(|next| !(next.is(",") || next.is(".") || next.is(";")))
        .any(|next| next.is("to"))
}

/// The link from `a` back to `b`, `[repeated noun] , [down|up] from`: the direction it says
/// ("down", "up") and the repeated words, which must be the words after `b`. Without a comma
/// only a bare "down from" or "up from" links.
fn reversed_link<'t>(
    tokens: &'t [Token<'t>],
    a: &Draft,
    b: &Draft,
) -> Option<(Option<Direction>, &'t [Token<'t>])> {
    let link = &tokens[a.tail..b.lead];
    let (from, rest) = link.split_last()?;
    if !from.is("from") {
        return None;
    }
    let (said, rest) = match rest.split_last() {
        Some((word, rest)) if word.is("down") => (Some(Direction::Down), rest),
        Some((word, rest)) if word.is("up") => (Some(Direction::Up), rest),
        _ => (None, rest),
    };
    let (comma, words) = match rest.split_last() {
        Some((comma, words)) if comma.is(",") => (true, words),
        _ => (false, rest),
    };
    if !comma && (said.is_none() || !words.is_empty()) {
        return None;
    }
    if words.len() > MAX_REPEATED_WORDS || words.iter().any(|word| !word.is_word()) {
        return None;
    }
    let repeated = words.iter().enumerate().all(|(offset, word)| {
        tokens
            .get(b.tail + offset)
            .is_some_and(|t| t.is(&word.lower))
    });
    repeated.then_some((said, words))
}

/// The start's value, when its unit (and currency) agree with the end's. The start takes the
/// end's unit and scale when written bare: "13 percent, down from 20", "2.2 million, from 1.9".
fn start_value(a: &Draft, b: &Draft, repeated: &[Token]) -> Option<f64> {
    let mut b_value = b.figure.value;
    let b_unit = if b.figure.unit == Unit::Count && repeated.is_empty() && b.scale == 1.0 {
        if a.scale > 1.0 && b.scale == 1.0 {
            b_value *= a.scale;
        }
        a.figure.unit
    } else {
        b.figure.unit
    };
    let agree = b_unit == a.figure.unit
        && !(a.figure.currency != b.figure.currency && b.figure.unit != Unit::Count);
    agree.then_some(b_value)
}

/// A change verb right before the figure's lead: "dropped to", "rose to", "fell".
fn verb_before(tokens: &[Token], lead: usize, lexicon: &Lexicon) -> Option<Direction> {
    let end = match lead.checked_sub(1).map(|idx| tokens[idx].lower.as_ref()) {
        Some("to" | "by") => lead - 1,
        _ => lead,
    };
    lexicon
        .changes
        .match_before(tokens, end)
        .map(|(direction, _)| direction)
}

/// The bare start of a one-ended change ("an increase from 38 in 2000") takes the unit of the
/// figure it is the start of, the sentence's last quantity before it ("their median age being 39
/// in 2017").
pub(crate) fn inherit_start_unit(
    tokens: &[Token],
    draft: &mut Draft,
    earlier: &[Draft],
    lexicon: &Lexicon,
) {
    let one_ended_change = draft
        .figure
        .range
        .is_some_and(|range| range.kind == RangeKind::Change && range.low == range.high);
    let after_from = draft.lead == draft.first
        && draft
            .lead
            .checked_sub(1)
            .is_some_and(|idx| tokens[idx].is("from"));
    if !one_ended_change
        || !after_from
        || draft.figure.unit != Unit::Count
        || draft.scale != 1.0
        || !bare_after(tokens, draft.tail, lexicon)
    {
        return;
    }
    let Some(end) = earlier
        .iter()
        .rev()
        .find(|earlier| is_quantity(earlier.figure.unit))
    else {
        return;
    };
    if end.figure.unit == Unit::Count || end.figure.range.is_some() {
        return;
    }
    draft.figure.unit = end.figure.unit;
    draft.figure.currency.clone_from(&end.figure.currency);
    draft
        .figure
        .measure_unit
        .clone_from(&end.figure.measure_unit);
    draft.figure.per = end.figure.per;
}

/// "from a high of 7.8 million", "from a peak of": a "from" before a few words ending in "of"
/// (no punctuation, no figure) cues a change as a bare "from" does. Returns the "from"'s index.
pub(super) fn from_a_level_of(tokens: &[Token], lead: usize) -> Option<usize> {
    const MAX_WORDS: usize = 3;
    if !lead.checked_sub(1).is_some_and(|idx| tokens[idx].is("of")) {
        return None;
    }
    (lead.saturating_sub(MAX_WORDS + 2)..lead - 1)
        .rev()
        .take_while(|idx| tokens[*idx].is_word())
        .find(|idx| tokens[*idx].is("from"))
}

/// A change verb or noun among the three tokens before `lead`: "rose from", "increased from".
pub(super) fn change_before(tokens: &[Token], lead: usize, lexicon: &Lexicon) -> Option<Direction> {
    (lead.saturating_sub(4)..=lead)
        .rev()
        .take_while(|end| *end == lead || tokens[*end].kind != super::token::TokenKind::Punct)
        .find_map(|end| {
            lexicon
                .changes
                .match_before(tokens, end)
                .map(|(direction, _)| direction)
        })
}

/// "fell to 12", "rose by 6.2%", "a 13 percent decline", "rose 6.2%": a change with one end.
pub(super) fn mark_one_ended_change(tokens: &[Token], draft: &mut Draft, lexicon: &Lexicon) {
    if matches!(draft.figure.unit, Unit::Year | Unit::Ordinal | Unit::Other)
        || draft.figure.range.is_some()
    {
        return;
    }
    let lead = draft.lead;
    let before = lead.checked_sub(1).map(|idx| tokens[idx].lower.as_ref());
    let verb_end = match before {
        Some("to" | "by") => lead - 1,
        _ => lead,
    };
    // The verb sits right before the figure ("rose 6.2%", "fell to 12"), or before a "from" a
    // few words back ("dropping from a high of 7.8 million").
    let from_idx = (lead.saturating_sub(4)..lead)
        .rev()
        .find(|idx| tokens[*idx].is("from"));
    let direction = lexicon
        .changes
        .match_before(tokens, verb_end)
        .map(|(direction, _)| direction)
        .or_else(|| from_idx.and_then(|idx| change_before(tokens, idx, lexicon)))
        .or_else(|| {
            // "a 13 percent decline", "a 5% increase": the change noun follows the figure.
            lexicon
                .changes
                .match_at(tokens, draft.last)
                .map(|(direction, _)| direction)
        });
    if let Some(direction) = direction {
        let value = draft.figure.value;
        draft.figure.range = Some(FigureRange {
            low: value,
            high: value,
            kind: RangeKind::Change,
            direction: Some(direction),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Direction, RangeKind, Unit};

    /// The one figure of `text` that is a change: its text, unit, ends and direction.
    fn change(text: &str) -> (String, Unit, f64, f64, Direction) {
        let figures = annotate(text);
        let found = figures
            .iter()
            .find(|f| f.range.is_some_and(|r| r.kind == RangeKind::Change))
            .unwrap_or_else(|| panic!("no change in {figures:?}"));
        let range = found.range.unwrap();
        (
            found.text.clone(),
            found.unit,
            range.low,
            range.high,
            range.direction.unwrap(),
        )
    }

    #[test]
    fn end_first() {
        assert_eq!(
            change("interest was noticeably less,13 percent,down from 20 percent two years prior."),
            (
                "13 percent,down from 20 percent".to_string(),
                Unit::Percent,
                13.0,
                20.0,
                Direction::Down
            )
        );
        assert_eq!(
            change("The birth rate has dropped to 2.2 children,from 6.5 children in the 1970s"),
            (
                "2.2 children,from 6.5".to_string(),
                Unit::Rate,
                2.2,
                6.5,
                Direction::Down
            )
        );
        assert_eq!(
            change("Unemployment was 4.1 percent, up from 3.9"),
            (
                "4.1 percent, up from 3.9".to_string(),
                Unit::Percent,
                3.9,
                4.1,
                Direction::Up
            )
        );
        // A start that opens its own change stays with it.
        let figures =
            annotate("numbers increased 49 percent, from 173 million to 258 million people.");
        assert_eq!(figures[1].text, "from 173 million to 258 million");
        // Also when the start's noun and period come before its "to".
        let figures =
            annotate("Claims soared 1,500%, from 1,515 claims in 2018 to 25,465 in 2023.");
        assert_eq!(figures[0].text, "1,500%");
        assert_eq!(figures[1].text, "from 1,515 claims in 2018 to 25,465");
        // Without a change word, two figures after a comma stay two.
        let two = annotate("500 delegates, from 30 countries");
        assert_eq!(two.len(), 2);
        assert!(two.iter().all(|f| f.range.is_none()));
    }

    #[test]
    fn a_bare_start_takes_the_end_unit() {
        let figures =
            annotate("their median age being 39 in 2017, a slight increase from 38 in 2000.");
        let start = figures.iter().find(|f| f.text == "38").unwrap();
        assert_eq!(start.unit, Unit::Age);
        assert_eq!(start.range.unwrap().direction, Some(Direction::Up));
    }

    #[test]
    fn a_qualified_end_of_a_change() {
        let figures = annotate("the share grew from 7.9 percent to over 13 percent and more");
        assert_eq!(figures.len(), 1, "{figures:?}");
        let figure = &figures[0];
        assert_eq!(figure.text, "from 7.9 percent to over 13 percent");
        assert_eq!((figure.low, figure.high), (Some(13.0), None));
        let range = figure.range.unwrap();
        assert_eq!(
            (range.low, range.high, range.kind),
            (7.9, 13.0, RangeKind::Change)
        );
    }

    #[test]
    fn a_period_between_the_ends_stays_a_figure() {
        let text = "the share rose from 7.9 percent in 2000 to 13 percent";
        let figures = annotate(text);
        let texts: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["from 7.9 percent in 2000 to 13 percent", "2000"]);
        let range = figures[0].range.unwrap();
        assert_eq!(
            (figures[0].unit, range.low, range.high, range.direction),
            (Unit::Percent, 7.9, 13.0, Some(Direction::Up))
        );
        assert_eq!((figures[1].unit, figures[1].value), (Unit::Year, 2000.0));
        // Without a "to" after the period, the two stay apart.
        assert_eq!(
            annotate("rose from 7.9 percent in 2000, and 13 percent").len(),
            3
        );
    }
}
