//! Words and punctuation of one sentence, with raw spans, for the cue and noun-phrase finders.

use crate::span::Span;
use std::borrow::Cow;

/// One token: a word (letters and digits, with inner `.-/&'`) or one punctuation character.
///
/// `text` and `lower` borrow the sentence when they read as written (no curly apostrophe, no
/// uppercase letter), which is most tokens, so tokenising allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    /// The token with curly quotes straightened.
    pub text: Cow<'a, str>,
    pub lower: Cow<'a, str>,
    pub is_word: bool,
}

impl Token<'_> {
    /// Starts with an uppercase letter (a name, an acronym, or a sentence's first word).
    pub fn is_capitalised(&self) -> bool {
        self.is_word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all uppercase ("UNHCR", "U.S.").
    pub fn is_acronym(&self) -> bool {
        let mut letters = self.text.chars().filter(|ch| ch.is_alphabetic());
        let mut count = 0;
        letters.all(|ch| {
            count += 1;
            ch.is_uppercase()
        }) && count >= 2
    }
}

/// Tokens of `text[span]`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(body) = span.slice(text) else {
        return Vec::new();
    };
    // Sized once: a sentence has at most one char per byte, and about one token per five.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(body.len());
    chars.extend(body.char_indices());
    let mut tokens = Vec::with_capacity(body.len() / 5 + 1);
    let mut idx = 0;
    while idx < chars.len() {
        let (start, ch) = chars[idx];
        if ch.is_whitespace() {
            idx += 1;
            continue;
        }
        if is_apostrophe(ch) && possessive_at(&chars, idx) {
            let end = chars.get(idx + 2).map_or(body.len(), |(pos, _)| *pos);
            tokens.push(token(body, span.start, start, end, true));
            idx += 2;
            continue;
        }
        if !ch.is_alphanumeric() {
            let end = start + ch.len_utf8();
            tokens.push(token(body, span.start, start, end, false));
            idx += 1;
            continue;
        }
        let mut last = idx;
        while last + 1 < chars.len() {
            let next = chars[last + 1].1;
            if next.is_alphanumeric() {
                last += 1;
                continue;
            }
            let joiner = matches!(
                next,
                '.' | '-' | '/' | '&' | '\'' | '’' | ',' | '\u{2010}' | '\u{2011}'
            );
            let after = chars.get(last + 2).map(|(_, ch)| *ch);
            let glues = after.is_some_and(char::is_alphanumeric)
                && !(is_apostrophe(next) && possessive_at(&chars, last + 1))
                && !(next == ','
                    && !(chars[last].1.is_ascii_digit()
                        && after.is_some_and(|a| a.is_ascii_digit())));
            if joiner && glues {
                last += 2;
                continue;
            }
            break;
        }
        let mut end = chars.get(last + 1).map_or(body.len(), |(pos, _)| *pos);
        // "U.S." keeps its final stop: a word of single letters joined by stops.
        let word = &body[start..end];
        let initials = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1);
        if initials && body[end..].starts_with('.') {
            end += 1;
        }
        tokens.push(token(body, span.start, start, end, true));
        idx = chars.partition_point(|(pos, _)| *pos < end);
    }
    tokens
}

fn token(body: &str, base: usize, start: usize, end: usize, is_word: bool) -> Token<'_> {
    let written = &body[start..end];
    let text: Cow<'_, str> = if written.contains('’') {
        Cow::Owned(written.replace('’', "'"))
    } else {
        Cow::Borrowed(written)
    };
    // Only ASCII without capitals is known to lowercase to itself without asking Unicode, and
    // ASCII with capitals lowercases byte by byte.
    let lower = if !text.is_ascii() {
        Cow::Owned(text.to_lowercase())
    } else if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        text.clone()
    };
    Token {
        span: Span::new(base + start, base + end),
        lower,
        text,
        is_word,
    }
}

fn is_apostrophe(ch: char) -> bool {
    ch == '\'' || ch == '’'
}

/// An apostrophe at `idx` followed by "s" and then a non-letter.
fn possessive_at(chars: &[(usize, char)], idx: usize) -> bool {
    chars.get(idx + 1).is_some_and(|(_, ch)| *ch == 's')
        && chars
            .get(idx + 2)
            .is_none_or(|(_, ch)| !ch.is_alphanumeric())
        && idx > 0
        && chars[idx - 1].1.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|token| token.text.into_owned())
            .collect()
    }

    #[test]
    fn splits_words_punctuation_and_possessives() {
        assert_eq!(
            words("the U.S. Department (DHS) said CBP’s 48,381 entry/exit data."),
            vec![
                "the",
                "U.S.",
                "Department",
                "(",
                "DHS",
                ")",
                "said",
                "CBP",
                "'s",
                "48,381",
                "entry/exit",
                "data",
                "."
            ]
        );
        assert_eq!(
            words("2013,showed it's"),
            vec!["2013", ",", "showed", "it", "'s"]
        );
    }

    #[test]
    fn spans_slice_to_token_text() {
        let text = "Ecuador’s  registry, “quoted”";
        for token in tokenize(text, Span::new(0, text.len())) {
            assert_eq!(
                token.span.slice(text).unwrap().replace('’', "'"),
                token.text
            );
        }
    }
}
