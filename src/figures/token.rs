//! Splits a passage into number, word and punctuation tokens with byte spans, in one linear pass.

use crate::span::Span;
use regex::Regex;
use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Digits as written: `48,381`, `48 381` (NBSP or thin space), `3.5`, `.25`.
    Number,
    /// A run of letters.
    Word,
    /// One punctuation or symbol character; a run of the same character is one token.
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Lower-cased text, borrowed when already lower case.
    pub lower: Cow<'a, str>,
    pub kind: TokenKind,
    /// Whether whitespace separates this token from the one before it.
    pub space_before: bool,
}

impl Token<'_> {
    pub fn is(&self, lower: &str) -> bool {
        self.lower == lower
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Tokenises `text`; every token's span slices to its `text`.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut space_before = true;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let kind;
        if c.is_ascii_digit() || (c == '.' && starts_decimal(text, pos)) {
            pos += number_length(text, pos, c.len_utf8());
            kind = TokenKind::Number;
        } else if c.is_alphabetic() {
            pos += text[pos..]
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphabetic() || is_mark(*ch)))
                .map_or(text.len() - pos, |(idx, _)| idx);
            kind = TokenKind::Word;
        } else {
            // A run of one repeated symbol is one token, so 10 MB of commas is one token.
            let len = c.len_utf8();
            pos += len;
            if c.is_ascii() {
                while pos < text.len() && bytes[pos] == bytes[start] {
                    pos += 1;
                }
            }
            kind = TokenKind::Punct;
        }
        let token_text = &text[start..pos];
        let lower = if token_text.chars().any(char::is_uppercase) {
            Cow::Owned(token_text.to_lowercase())
        } else {
            Cow::Borrowed(token_text)
        };
        tokens.push(Token {
            span: Span::new(start, pos),
            text: token_text,
            lower,
            kind,
            space_before,
        });
        space_before = false;
    }
    tokens
}

/// The length of the number starting at `pos`. A thousands group must be exactly three digits
/// (`18,2019` is 18 then 2019), and a year glued to a footnote digit before a new sentence
/// (`in 2000.4 UN said`) is the year alone.
fn number_length(text: &str, pos: usize, fallback: usize) -> usize {
    let rest = &text[pos..];
    let Some(found) = number_regex().and_then(|regex| regex.find(rest)) else {
        return fallback;
    };
    let mut len = found.end();
    let bytes = rest.as_bytes();
    if bytes.get(len).is_some_and(u8::is_ascii_digit) {
        // The grouped reading ran into more digits: take the leading digits only.
        len = rest.bytes().take_while(u8::is_ascii_digit).count();
    }
    let number = &rest[..len];
    if let Some((year, footnote)) = number.split_once('.') {
        let year_like = year.len() == 4 && (year.starts_with("19") || year.starts_with("20"));
        let next_is_capital = rest[len..]
            .strip_prefix(' ')
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_uppercase);
        if year_like && footnote.len() <= 2 && next_is_capital {
            len = year.len();
        }
    }
    len.max(1)
}

/// Whether a `.` at `pos` opens a decimal such as `.25` (and is not a full stop before a footnote digit).
fn starts_decimal(text: &str, pos: usize) -> bool {
    let next_is_digit = text.as_bytes().get(pos + 1).is_some_and(u8::is_ascii_digit);
    let previous = text[..pos].chars().next_back();
    next_is_digit && previous.is_none_or(|ch| ch.is_whitespace() || "($€£¥-−+".contains(ch))
}

fn is_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}')
}

fn number_regex() -> Option<&'static Regex> {
    static NUMBER: OnceLock<Option<Regex>> = OnceLock::new();
    NUMBER
        .get_or_init(|| {
        // Thousands separated by commas, or by NBSP, narrow NBSP, thin, figure or plain spaces;
        // the Indian grouping of lakhs and crores ("4,70,342", "1,23,45,678"); and thousands
        // separated by two or more dots, as Spanish, Portuguese or German outlets write them,
        // with a decimal comma after ("2.845.706", "1.234.567,5"): no decimal has two dots.
        let pattern = r"^(?:[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:[\u{A0}\u{202F}\u{2009}\u{2007} ][0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)";
        // The pattern is a constant checked by the tests, so `None` never happens in practice.
        Regex::new(pattern).ok()
    })
    .as_ref()
}

/// Parses the digits of a number token (`48,381`, `48 381`, `.25`) to a value.
pub(crate) fn parse_digits(text: &str) -> Option<f64> {
    let cleaned: String = english_digits(text)
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '.')
        .collect();
    let value: f64 = cleaned.parse().ok()?;
    value.is_finite().then_some(value)
}

/// Digits written with dots between their thousands ("2.845.706", "1.234.567,5": two dots or
/// more) as English writes them ("2,845,706", "1,234,567.5"); any other text as it is.
pub(crate) fn english_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let (whole, decimals) = text.split_once(',').unwrap_or((text, ""));
    let mut groups = whole.split('.');
    let head = groups.next().unwrap_or("");
    let dotted = (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && whole.matches('.').count() >= 2
        && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()))
        && decimals.bytes().all(|b| b.is_ascii_digit())
        && !(text.contains(',') && decimals.is_empty());
    if !dotted {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut english = whole.replace('.', ",");
    if !decimals.is_empty() {
        english.push('.');
        english.push_str(decimals);
    }
    std::borrow::Cow::Owned(english)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let tokens = tokenize(text);
        let got: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        assert_eq!(got, expect);
        for token in &tokens {
            assert_eq!(token.span.slice(text), Some(token.text));
        }
    }

    #[test]
    fn numbers_words_and_punctuation() {
        check("48,381 (12%)", &["48,381", "(", "12", "%", ")"]);
        check("48\u{A0}381 migrants", &["48\u{A0}381", "migrants"]);
        check("Municipality274", &["Municipality", "274"]);
        check("noted.1 IOM", &["noted", ".", "1", "IOM"]);
        check("US$13,245", &["US", "$", "13,245"]);
        check(
            "4,70,342 and 1,23,45,678",
            &["4,70,342", "and", "1,23,45,678"],
        );
        check("18,2019", &["18", ",", "2019"]);
        check("a .25 share", &["a", ".25", "share"]);
        check(",,,,", &[",,,,"]);
        check("22,24,26", &["22", ",", "24", ",", "26"]);
        check("February 18,2019,", &["February", "18", ",", "2019", ","]);
        check("in 2000.4 UN said", &["in", "2000", ".", "4", "UN", "said"]);
        check("rose 2.5 percent", &["rose", "2.5", "percent"]);
    }

    #[test]
    fn digits_parse() {
        assert_eq!(parse_digits("48,381"), Some(48381.0));
        assert_eq!(parse_digits(".25"), Some(0.25));
        assert_eq!(parse_digits("1\u{202F}234.5"), Some(1234.5));
    }
}
