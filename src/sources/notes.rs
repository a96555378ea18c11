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
    // starts at its marker: an inlined one's digit, an endnote's `[` followed by a digit or its
    // superscript digits. With no numeric character from the window's start to just past the
    // sentence's end there is none to cut, and the window is not scanned for footnotes.
    let marker_end = floor_char_boundary(text, (span.end + 4).min(text.len()));
    if !text
        .get(window_start..marker_end)
        .unwrap_or("")
        .chars()
        .any(char::is_numeric)
    {
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
