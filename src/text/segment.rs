//! Segmentation: paragraphs into passages (at most about `MAX_PASSAGE_CHARS`), passages into sentences.
//!
//! Sentences come from Unicode sentence boundaries (UAX #29, `unicode-segmentation`), then two
//! repairs: a boundary after an abbreviation (`U.S.`, `Dr.`, `Sept.`, from `data/cleaning.toml`)
//! is undone, and a boundary the raw text glued shut (`increased.Statistics`, a footnote digit
//! after a full stop as in `ever.2 UNHCR`) is added. Everything is linear in the text length.

use super::clean::{Block, BlockKind};
use super::lexicon::cleaning_rules;
use crate::model::{Passage, RawDocument, Sentence};
use crate::span::{LineIndex, Span};
use crate::util::static_regex;
use regex::Regex;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// A paragraph longer than this is cut at sentence boundaries into passages of about this size.
pub const MAX_PASSAGE_CHARS: usize = 1000;
/// A single sentence longer than this (no punctuation) is cut at whitespace.
const MAX_SENTENCE_BYTES: usize = 2000;

/// Passages for the document's blocks, each with its sentences, line, page and section heading.
pub fn passages(raw: &RawDocument, blocks: &[Block]) -> Vec<Passage> {
    let text = raw.text.as_str();
    let line_index = LineIndex::new(text);
    let mut passages = Vec::new();
    let mut section: Option<String> = None;
    let mut number = 0;
    for block in blocks {
        if block.kind == BlockKind::Heading {
            let heading = block
                .span
                .slice(text)
                .unwrap_or("")
                .trim()
                .trim_start_matches('#')
                .trim();
            section = Some(heading.to_string());
            passages.push(Passage {
                number: 0,
                span: block.span,
                line: block.line,
                page: raw.page_at(block.span.start),
                section: None,
                is_heading: true,
                sentences: vec![Sentence {
                    span: block.span,
                    line: block.line,
                }],
            });
            continue;
        }
        for piece in pack(text, &sentences(text, block.span)) {
            number += 1;
            let span = Span::new(piece[0].start, piece[piece.len() - 1].end);
            passages.push(Passage {
                number,
                span,
                line: line_index.line(span.start),
                page: raw.page_at(span.start),
                section: section.clone(),
                is_heading: false,
                sentences: piece
                    .iter()
                    .map(|sentence| Sentence {
                        span: *sentence,
                        line: line_index.line(sentence.start),
                    })
                    .collect(),
            });
        }
    }
    passages
}

/// Sentence spans (trimmed, non-empty) covering the text of `span`, in order.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let Some(body) = span.slice(text) else {
        return Vec::new();
    };
    let mut pieces: Vec<Span> = Vec::new();
    for (offset, piece) in body.split_sentence_bound_indices() {
        let start = span.start + offset;
        for part in split_glued(piece) {
            pieces.push(part.shift(start));
        }
    }
    let mut merged: Vec<Span> = Vec::new();
    for piece in pieces {
        match merged.last_mut() {
            Some(last)
                if !ends_sentence(&text[last.start..last.end], &text[piece.start..piece.end]) =>
            {
                last.end = piece.end;
            }
            _ => merged.push(piece),
        }
    }
    // UAX #29 keeps an opening quote glued to a full stop with the sentence before
    // (`statistics.“Unauthorized”`); it belongs to the sentence it opens.
    for idx in 1..merged.len() {
        let previous = &text[merged[idx - 1].start..merged[idx - 1].end];
        let trimmed = previous.trim_end();
        if let Some(head) = trimmed.strip_suffix('“') {
            if head.ends_with(['.', '!', '?']) && merged[idx - 1].end == merged[idx].start {
                let cut = merged[idx - 1].start + head.len();
                merged[idx - 1].end = cut;
                merged[idx].start = cut;
            }
        }
    }
    // UAX #29 cuts a bracketed reference marker after a full stop (`world.[1] Yet`) inside the
    // brackets; the marker belongs to the sentence it cites.
    for idx in 1..merged.len() {
        if merged[idx - 1].end != merged[idx].start
            || !text[merged[idx - 1].start..merged[idx - 1].end]
                .trim_end()
                .ends_with('[')
        {
            continue;
        }
        if let Some(marker) = marker_tail_regex().find(&text[merged[idx].start..merged[idx].end]) {
            let cut = merged[idx].start + marker.end();
            merged[idx - 1].end = cut;
            merged[idx].start = cut;
        }
    }
    let mut result = Vec::new();
    for sentence in merged {
        let Some(trimmed) = trim(text, sentence) else {
            continue;
        };
        split_long(text, trimmed, &mut result);
    }
    result
}

/// Groups consecutive sentences into pieces of at most about `MAX_PASSAGE_CHARS` characters.
fn pack(text: &str, sentences: &[Span]) -> Vec<Vec<Span>> {
    let mut pieces: Vec<Vec<Span>> = Vec::new();
    let mut current: Vec<Span> = Vec::new();
    let mut current_chars = 0;
    for sentence in sentences {
        let chars = text[sentence.start..sentence.end].chars().count();
        if !current.is_empty() && current_chars + chars > MAX_PASSAGE_CHARS {
            pieces.push(std::mem::take(&mut current));
            current_chars = 0;
        }
        current.push(*sentence);
        current_chars += chars;
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Whether the sentence `previous` really ends before `next` (false after an abbreviation).
fn ends_sentence(previous: &str, next: &str) -> bool {
    let previous = previous.trim_end();
    let Some(before_dot) = previous.strip_suffix('.') else {
        return true;
    };
    let word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let rules = cleaning_rules();
    if rules.always.contains(word) {
        return false;
    }
    let next_word: String = next
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if rules.ambiguous.contains(word) {
        return rules.openers.contains(next_word.as_str());
    }
    // A single capital initial ("Franziska P. Plümmer") does not end a sentence.
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_uppercase() && next_word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    true
}

/// Splits a UAX #29 piece where the raw text lost the space between two sentences.
fn split_glued(piece: &str) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut start = 0;
    for found in glued_regex().captures_iter(piece) {
        let Some(boundary) = found.get(1) else {
            continue;
        };
        let cut = boundary.start();
        if cut > start {
            parts.push(Span::new(start, cut));
            start = cut;
        }
    }
    parts.push(Span::new(start, piece.len()));
    parts
}

/// `increased.Statistics` (capital after a full stop with no space, also `before.A study` and
/// `statistics.“Unauthorized”`) and `ever.2 UNHCR` (a footnote marker glued to the full stop):
/// group 1 starts the next sentence.
fn glued_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(
            r#"\p{Ll}\p{Ll}[.!?]["”’]?(["“]?\p{Lu}\p{Ll}|\p{Lu}\s+\p{Ll}|\d{1,3}\s*\p{Lu})"#,
        )
    })
}

/// The rest of a reference marker cut after its `[`: `1]`, `2, 3]`, `4–6]`.
fn marker_tail_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"^\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"))
}

/// A list bullet at the start of a line (`• `, `- `, `* `): not part of the sentence.
fn bullet_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"^[•●▪◦‣■□–—*-]\s+"))
}

/// The span without surrounding whitespace or a leading list bullet; `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.start..span.end];
    let mut leading = slice.len() - slice.trim_start().len();
    if let Some(bullet) = bullet_regex().find(&slice[leading..]) {
        leading += bullet.end();
    }
    let trimmed = slice[leading..].trim();
    (!trimmed.is_empty())
        .then(|| Span::new(span.start + leading, span.start + leading + trimmed.len()))
}

/// Cuts a sentence with no punctuation for thousands of characters at whitespace (or anywhere).
fn split_long(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES / 2;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let window = &text[start..cut];
        let at_space = window
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .map(|i| start + i);
        let cut = at_space.unwrap_or(cut);
        if let Some(piece) = trim(text, Span::new(start, cut)) {
            out.push(piece);
        }
        start = cut;
    }
    if let Some(piece) = trim(text, Span::new(start, span.end)) {
        out.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let spans = sentences(text, Span::new(0, text.len()));
        let got: Vec<&str> = spans.iter().map(|span| span.slice(text).unwrap()).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        check(
            "U.S. Customs and Border Protection data has shown it. Rep. Smith spoke on Sept. 5 with Dr. Lee. No. 5 is e.g. this.",
            &[
                "U.S. Customs and Border Protection data has shown it.",
                "Rep. Smith spoke on Sept. 5 with Dr. Lee.",
                "No. 5 is e.g. this.",
            ],
        );
        check(
            "They moved to the U.S. The journey was long.",
            &["They moved to the U.S.", "The journey was long."],
        );
    }

    #[test]
    fn glued_sentences_are_split() {
        check(
            "The number increased.Statistics show more. It was the highest ever.2 UNHCR, “Global Trends,” accessed.",
            &[
                "The number increased.",
                "Statistics show more.",
                "It was the highest ever.",
                "2 UNHCR, “Global Trends,” accessed.",
            ],
        );
        check(
            "It is not supported by statistics.“Unauthorized”US immigrants fell. It was less than before.A study sample showed it.",
            &[
                "It is not supported by statistics.",
                "“Unauthorized”US immigrants fell.",
                "It was less than before.",
                "A study sample showed it.",
            ],
        );
    }

    #[test]
    fn reference_markers_stay_with_their_sentence_and_bullets_are_left_out() {
        check(
            "It reached US$11.2 billion.[1] Yet many pay.[2, 3] Others borrow.[4–6]",
            &[
                "It reached US$11.2 billion.[1]",
                "Yet many pay.[2, 3]",
                "Others borrow.[4–6]",
            ],
        );
        check(
            "• Applications fell by 9 per cent.\n- Grants rose.",
            &["Applications fell by 9 per cent.", "Grants rose."],
        );
        check("-5 degrees was the low.", &["-5 degrees was the low."]);
    }

    #[test]
    fn decimals_and_initials_stay_whole() {
        check(
            "It rose 3.5 percent to 1.2 million. Franziska P. Plümmer wrote it.",
            &[
                "It rose 3.5 percent to 1.2 million.",
                "Franziska P. Plümmer wrote it.",
            ],
        );
    }

    #[test]
    fn a_long_sentence_without_punctuation_is_cut() {
        let text = "word ".repeat(2000);
        let spans = sentences(&text, Span::new(0, text.len()));
        assert!(spans.len() >= 5);
        assert!(spans.iter().all(|span| span.len() <= MAX_SENTENCE_BYTES));
    }
}
