//! What a measure measures (`counts` for `measure` figures): the noun it modifies when written
//! right after it ("the 8.5 mm beach", "a 30-mile-wide strip"), else the thing named before it in
//! its clause ("the thickness of the layer was 3 mm" → "layer", "nanopores up to 100 nm in width"
//! → "nanopores"). A measure is usually written after what it measures, a count before.

use super::lexicon::Lexicon;
use super::token::Token;
use super::Draft;
use crate::span::Span;

/// How far back (in tokens) the thing measured may be named.
const MAX_TOKENS_BACK: usize = 12;
/// The most words of a thing measured named before the measure.
const MAX_WORDS: usize = 4;

/// The span of what the measure `draft` measures, named before it; `floor` is where the previous
/// figure ends (the search never crosses it).
pub(crate) fn named_before(
    tokens: &[Token],
    draft: &Draft,
    floor: usize,
    lexicon: &Lexicon,
) -> Option<Span> {
    let stop = |token: &Token| lexicon.counts_stop_words.contains(token.lower.as_ref());
    let lead = draft.lead;
    let floor = floor.max(lead.saturating_sub(MAX_TOKENS_BACK));
    // The clause's words before the measure: no punctuation (a glued hyphen aside) or number.
    let mut start = lead;
    while start > floor {
        let token = &tokens[start - 1];
        let glued_hyphen = token.is("-") && !token.space_before;
        if !token.is_word() && !glued_hyphen {
            break;
        }
        start -= 1;
    }
    // The link words before the measure ("was", "of", "up to") are not the thing measured.
    let mut end = lead;
    while end > start && (stop(&tokens[end - 1]) || tokens[end - 1].is("of")) {
        end -= 1;
    }
    if end == start {
        return None;
    }
    // "the thickness of the layer was": the object of the last "of" is the thing measured.
    if let Some(of) = (start..end).rev().find(|idx| tokens[*idx].is("of")) {
        let mut first = of + 1;
        while first < end && stop(&tokens[first]) {
            first += 1;
        }
        let mut last = first;
        while last < end
            && !stop(&tokens[last])
            && !tokens[last].is("of")
            && last - first < MAX_WORDS
        {
            last += 1;
        }
        if last > first {
            return Some(Span::new(
                tokens[first].span.start,
                tokens[last - 1].span.end,
            ));
        }
    }
    // Else the words right before the link: "nanopores up to 100 nm".
    let mut first = end;
    while first > start
        && !stop(&tokens[first - 1])
        && !tokens[first - 1].is("of")
        && end - first < MAX_WORDS
    {
        first -= 1;
    }
    (first < end).then(|| Span::new(tokens[first].span.start, tokens[end - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Unit};

    /// What the one measure of `text` measures.
    fn measured(text: &str) -> Option<String> {
        let figures = annotate(text);
        let measure = figures
            .iter()
            .find(|f| f.unit == Unit::Measure)
            .unwrap_or_else(|| panic!("no measure in {figures:?}"));
        measure.counts.clone()
    }

    #[test]
    fn the_thing_measured() {
        assert_eq!(
            measured("The thickness of the clay layer was 3 mm.").as_deref(),
            Some("clay layer")
        );
        assert_eq!(
            measured("numerous nanopores up to 100 nm in width").as_deref(),
            Some("numerous nanopores")
        );
        assert_eq!(
            measured("Results for the 8.5 mm beach are shown.").as_deref(),
            Some("beach")
        );
        // Nothing named before it in its clause.
        assert_eq!(measured("Then, 40 km."), None);
    }
}
