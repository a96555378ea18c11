//! Reads the qualifier around a figure: "more than", "nearly", "about" before it; "or more" after.

use super::lexicon::Lexicon;
use super::token::Token;
use super::{Draft, Qualifier, Unit};

/// Verbs of change after which (in the same clause, `CHANGE_VERB_REACH` words back at most) "up
/// to" says where a value went ("revised up to 745,000", "revised their figure up to 745,000").
const CHANGE_VERB_REACH: usize = 10;
const CHANGE_VERBS: &[&str] = &[
    "revised",
    "rose",
    "risen",
    "went",
    "gone",
    "climbed",
    "jumped",
    "shot",
    "moved",
    "pushed",
    "bumped",
    "ratcheted",
    "edged",
    "ticked",
    "crept",
    "soared",
];

/// Sets each draft's qualifier from the words just before (or just after) it.
pub(crate) fn attach(tokens: &[Token], drafts: &mut [Draft], lexicon: &Lexicon) {
    for idx in 0..drafts.len() {
        let previous_end = idx
            .checked_sub(1)
            .map_or(0, |previous| drafts[previous].last);
        let draft = &mut drafts[idx];
        if matches!(draft.figure.unit, Unit::Year | Unit::Ordinal | Unit::Other) {
            continue;
        }
        qualify_before(tokens, draft, previous_end, lexicon);
        if !include_or_equal(tokens, draft) {
            qualify_after(tokens, draft, lexicon);
        }
    }
}

/// The bound written before the draft ("more than", "about"), when it starts after the
/// previous figure (at `previous_end`) and is no change's "up to".
fn qualify_before(tokens: &[Token], draft: &mut Draft, previous_end: usize, lexicon: &Lexicon) {
    let Some((qualifier, start)) = lexicon.qualifiers_before.match_before(tokens, draft.first)
    else {
        return;
    };
    if start >= previous_end && !is_change_up(tokens, qualifier, start) {
        draft.figure.qualifier = qualifier;
        draft.lead = start;
    }
}

/// "revised up to 745,000", "rose up to 5%": after a verb of change "up to" (at `start`) is the
/// change's direction and end, not a bound. The verb may have its object and a period between
/// ("revised their figure for the year ending December 2022 up to"), within its clause.
fn is_change_up(tokens: &[Token], qualifier: Qualifier, start: usize) -> bool {
    qualifier == Qualifier::AtMost
        && tokens.get(start).is_some_and(|t| t.is("up"))
        && tokens[start.saturating_sub(CHANGE_VERB_REACH)..start]
            .iter()
            .rev()
            .take_while(|token| token.is_word() || token.is_number())
            .any(|verb| CHANGE_VERBS.iter().any(|word| verb.is(word)))
}

/// "less than 5000 or equal (to)": the bound includes its value. Whether the draft had one.
fn include_or_equal(tokens: &[Token], draft: &mut Draft) -> bool {
    let or_equal = tokens.get(draft.last).is_some_and(|t| t.is("or"))
        && tokens.get(draft.last + 1).is_some_and(|t| t.is("equal"));
    if !or_equal
        || !matches!(
            draft.figure.qualifier,
            Qualifier::LessThan | Qualifier::MoreThan
        )
    {
        return false;
    }
    draft.figure.qualifier = if draft.figure.qualifier == Qualifier::LessThan {
        Qualifier::AtMost
    } else {
        Qualifier::AtLeast
    };
    draft.tail = draft.last + 2;
    if tokens.get(draft.last + 2).is_some_and(|t| t.is("to")) {
        draft.tail += 1;
    }
    true
}

/// The bound written after the draft: "50,000 or more", a glued "50+". It outranks an "about"
/// before it ("about five hundred or more"), not a bound; "5000 or less than 6000" leaves
/// "less than" to the next figure.
fn qualify_after(tokens: &[Token], draft: &mut Draft, lexicon: &Lexicon) {
    let post = lexicon
        .qualifiers_after
        .match_at(tokens, draft.last)
        .filter(|(_, end)| {
            !tokens
                .get(*end)
                .is_some_and(|next| next.is("than") || next.is("to") || next.is_number())
        });
    let Some((qualifier, end)) = post else {
        return;
    };
    let spaced_plus = tokens[draft.last].is("+") && tokens[draft.last].space_before;
    let weaker_before = matches!(
        draft.figure.qualifier,
        Qualifier::Exact | Qualifier::Approximately
    );
    if !spaced_plus && weaker_before {
        draft.figure.qualifier = qualifier;
        draft.tail = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Qualifier};

    fn check(text: &str, expect: Qualifier) {
        let figures = annotate(text);
        assert_eq!(figures.len(), 1, "{text}: {figures:?}");
        assert_eq!(figures[0].qualifier, expect, "{text}");
    }

    #[test]
    fn before_and_after() {
        check("more than 50,000 people", Qualifier::MoreThan);
        check("nearly 35 million", Qualifier::Almost);
        check("an estimated 2,000", Qualifier::Approximately);
        check("upwards of 200,000", Qualifier::MoreThan);
        check("up to 700 workers", Qualifier::AtMost);
        check("fewer than a thousand pandas", Qualifier::LessThan);
        check("500 or more", Qualifier::AtLeast);
        check("a little over 15,000 per year", Qualifier::MoreThan);
        check("exactly 12", Qualifier::Exact);
    }

    /// A headline's verb qualifies its figure: "nears 130,000" over a body's 128,900. A simple
    /// past tense may compare with another quantity: in "the amount exceeded $947.9 million in the same
    /// period a year ago" the figure is last year's, exact.
    #[test]
    fn headline_verbs() {
        check("Net migration gain nears 130,000", Qualifier::Almost);
        check("arrivals approaching 5,000", Qualifier::Almost);
        check("Encounters top 2 million", Qualifier::Exact);
        check(
            "The amount exceeded $947.9 million in the same period a year ago",
            Qualifier::Exact,
        );
        // A perfect tense says where the quantity itself stands.
        check(
            "Returns since January have now surpassed 691000",
            Qualifier::MoreThan,
        );
        check("The total has exceeded 21,000", Qualifier::MoreThan);
    }

    /// After a verb of change "up to" is where the value went, not a bound.
    #[test]
    fn up_to_after_a_verb_of_change_is_no_bound() {
        check(
            "the ONS has revised their figure up to 745,000",
            Qualifier::Exact,
        );
        check("up to 700 workers", Qualifier::AtMost);
        check("it could take up to 700 workers", Qualifier::AtMost);
        check(
            "the ONS revised its figure for the year ending in December up to 745,000",
            Qualifier::Exact,
        );
        // Another clause's verb does not reach.
        check(
            "Prices rose, and the plant will hire up to 700 workers",
            Qualifier::AtMost,
        );
    }
}
