//! Every footnote of a text: the inlined ones and the endnote markers, merged in order; and a
//! sentence shown without them.

use super::footnotes::{without_footnotes, Footnote, MAX_CITATION_BYTES};
use crate::span::Span;
use crate::util::floor_char_boundary;

/// Every footnote in `text`, in order: inlined ones (`super::footnotes`) and endnote markers
/// (`super::endnotes`).
/// Linear in the text length.
pub fn footnotes(text: &str) -> Vec<Footnote> {
    let inline = super::footnotes::inline_footnotes(text);
    let endnotes = super::endnotes::endnotes(text);
    if endnotes.is_empty() {
        return inline;
    }
    let mut all: Vec<Footnote> = inline.into_iter().chain(endnotes).collect();
    all.sort_by_key(|footnote| footnote.span.start);
    // An endnote marker inside an inlined footnote's citation is part of that citation.
    let mut kept: Vec<Footnote> = Vec::with_capacity(all.len());
    for footnote in all {
        if kept
            .last()
            .is_some_and(|last| footnote.span.start < last.span.end)
        {
            continue;
        }
        kept.push(footnote);
    }
    kept
}

/// The sentence `text[span]` with its footnotes cut out, for display; spans stay as they are.
/// Whitespace runs come back as single spaces, with none at either end.
pub fn sentence_without_footnotes(text: &str, span: Span) -> String {
    let window_start = floor_char_boundary(text, span.start.saturating_sub(4));
    // Only a footnote starting before the sentence ends is cut from it, and every footnote
    // starts at a marker. With none from the window's start to the sentence's end there is
    // nothing to cut, and the window is not scanned for footnotes (most sentences).
    let marker_end = floor_char_boundary(text, span.end);
    if !may_hold_marker(
        text.get(window_start..).unwrap_or(""),
        marker_end - window_start,
    ) {
        return without_footnotes(text, span, &[]);
    }
    let window_end = floor_char_boundary(text, (span.end + MAX_CITATION_BYTES).min(text.len()));
    let window = text.get(window_start..window_end).unwrap_or("");
    let local: Vec<Span> = footnotes(window)
        .into_iter()
        .map(|footnote| footnote.span.shift(window_start))
        .collect();
    without_footnotes(text, span, &local)
}

/// Whether a footnote marker may start in `text[..end]`, the characters before a marker and
/// after it read from all of `text`: an inlined marker (`super::footnotes`: a digit 1-9 glued to
/// a letter or punctuation, at most one digit more, then a space), an endnote's `[` before a
/// digit or superscript digits (`super::endnotes`). A cheap test that is true for every marker
/// those readers find, and for a few numbers they then reject.
fn may_hold_marker(text: &str, end: usize) -> bool {
    let is_space = |c: Option<char>| matches!(c, Some(' ' | '\t' | '\u{A0}'));
    let mut previous: Option<char> = None;
    for (at, ch) in text.char_indices() {
        if at >= end {
            break;
        }
        let candidate = matches!(ch, '1'..='9' | '[' | '⁰' | '¹' | '²' | '³' | '⁴'..='⁹');
        if candidate {
            let mut ahead = text.get(at + ch.len_utf8()..).unwrap_or("").chars();
            let next = ahead.next();
            let inline = ch.is_ascii_digit()
                && previous.is_some_and(|before| {
                    before.is_alphabetic()
                        || matches!(
                            before,
                            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\u{201D}' | '"' | '\u{2019}'
                        )
                })
                && (is_space(next)
                    || (next.is_some_and(char::is_numeric) && is_space(ahead.next())));
            let bracket = ch == '[' && next.is_some_and(char::is_numeric);
            let superscript = !ch.is_ascii();
            if inline || bracket || superscript {
                return true;
            }
        }
        previous = Some(ch);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{footnotes, may_hold_marker};

    #[test]
    fn every_marker_the_readers_find_is_a_possible_marker_and_plain_numbers_are_not() {
        for text in [
            "Arrivals doubled.12 UNHCR, “Global Trends,” accessed June 14, 2024, https://unhcr.org. Then",
            "Arrivals doubled.[3] More text.\n\nNotes\n\n3. UNHCR, Global Trends (Geneva: UNHCR, 2024).",
            "Arrivals doubled.³ More text.\n\nNotes\n\n3. UNHCR, Global Trends (Geneva: UNHCR, 2024).",
        ] {
            assert!(!footnotes(text).is_empty(), "{text}");
            assert!(may_hold_marker(text, text.len()), "{text}");
        }
        for text in [
            "Some 45,756 people crossed in 2023, up 12% from 40,190 in 2022.",
            "It rose to 3 million in 2023 (from 1 million).",
        ] {
            assert!(!may_hold_marker(text, text.len()), "{text}");
        }
    }
}
