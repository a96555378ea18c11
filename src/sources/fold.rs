//! Folding text for matching: curly quotes become straight ones and whitespace runs one space,
//! with a map from every folded byte back to its raw byte offset so matches keep raw spans.

use crate::span::Span;

/// Text folded for matching, and where each of its bytes came from in the raw text.
pub struct Folded {
    pub text: String,
    /// `offsets[i]` is the raw byte offset of folded byte `i`; one extra entry holds the raw end.
    offsets: Vec<usize>,
}

impl Folded {
    /// Folds `raw[span]`; offsets are absolute positions in `raw`.
    pub fn new(raw: &str, span: Span) -> Folded {
        let body = span.slice(raw).unwrap_or("");
        let mut text = String::with_capacity(body.len());
        let mut offsets = Vec::with_capacity(body.len() + 1);
        let mut in_space = false;
        for (idx, ch) in body.char_indices() {
            let raw_offset = span.start + idx;
            if ch.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    offsets.push(raw_offset);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let folded = fold_char(ch);
            let before = text.len();
            text.push(folded);
            offsets.extend(std::iter::repeat_n(raw_offset, text.len() - before));
        }
        offsets.push(span.start + body.len());
        Folded { text, offsets }
    }

    /// The raw span of folded bytes `[start, end)`.
    pub fn raw_span(&self, start: usize, end: usize) -> Span {
        let raw_start = self.offsets.get(start).copied().unwrap_or(0);
        let raw_end = self.offsets.get(end).copied().unwrap_or(raw_start);
        Span::new(raw_start, raw_end.max(raw_start))
    }
}

/// Folds one string for lookup: quotes straightened, whitespace runs made one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.trim().chars() {
        if ch.is_whitespace() {
            if !in_space {
                folded.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            folded.push(fold_char(ch));
        }
    }
    folded
}

fn fold_char(ch: char) -> char {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_to_raw_text() {
        let raw = "x  Ecuador’s   Registry y";
        let folded = Folded::new(raw, Span::new(0, raw.len()));
        assert_eq!(folded.text, "x Ecuador's Registry y");
        let start = folded.text.find("Ecuador's").unwrap();
        let end = folded.text.find(" y").unwrap();
        let span = folded.raw_span(start, end);
        assert_eq!(span.slice(raw), Some("Ecuador’s   Registry"));
    }

    #[test]
    fn fold_straightens_quotes_and_spaces() {
        assert_eq!(fold("  “Q&A”\n  it’s "), "\"Q&A\" it's");
    }
}
