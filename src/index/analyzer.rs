//! Analyzers shared by the schema and the query parser, registered under named constants.
//!
//! `claimdex_en` (passage text, titles, headings): words and numbers, letters and digits split
//! apart (`Municipality274` → `municipality`, `274`), digit groups joined and normalised
//! (`48,381`, `48 381` and `48381` all index as `48381`; `3.5` stays `3.5`), lowercased,
//! English-stemmed. `claimdex_raw` (the second passage field): whitespace-separated tokens as
//! written, surrounding punctuation trimmed, lowercased, so `$20,000` or `FY2024` match as written;
//! only the tokens `claimdex_en` would index differently (`nationals`, `$20,000`, not `border`
//! or `2023`), since `text` already holds the others.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer, TokenizerManager,
};

pub const EN: &str = "claimdex_en";
pub const RAW: &str = "claimdex_raw";

/// Registers both analyzers on an index (schema and query parser look them up by name).
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(EN, english());
    index.tokenizers().register(RAW, raw());
}

/// The analyzers a query parser reads query text with: `claimdex_raw` is `raw_query` there.
pub fn for_queries() -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(EN, english());
    manager.register(RAW, raw_query());
    manager
}

pub fn english() -> TextAnalyzer {
    TextAnalyzer::builder(NumberAwareTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

pub fn raw() -> TextAnalyzer {
    TextAnalyzer::builder(AsWrittenTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(OnlyAsWrittenFilter)
        .build()
}

fn is_group_separator(c: char) -> bool {
    matches!(c, ',' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’')
}

/// Splits text into words and numbers; see the module documentation.
#[derive(Clone, Default)]
pub struct NumberAwareTokenizer {
    token: Token,
}

pub struct NumberAwareStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
}

impl Tokenizer for NumberAwareTokenizer {
    type TokenStream<'a> = NumberAwareStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> NumberAwareStream<'a> {
        self.token.reset();
        NumberAwareStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl NumberAwareStream<'_> {
    /// Length of a run of ASCII digits starting at byte `at`.
    fn digits_at(&self, at: usize) -> usize {
        self.text.as_bytes()[at.min(self.text.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    /// End of a number starting at `start` (a digit), with its normalised text pushed to the token.
    fn scan_number(&mut self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = start + self.digits_at(start);
        self.token.text.push_str(&self.text[start..end]);
        let mut seen_decimal = false;
        while let Some(sep) = self.text[end..].chars().next() {
            let after = end + sep.len_utf8();
            let n_digits = self.digits_at(after);
            if is_group_separator(sep) && n_digits == 3 && !seen_decimal {
                self.token.text.push_str(&self.text[after..after + 3]);
                end = after + 3;
            } else if sep == '.' && n_digits > 0 && !seen_decimal {
                seen_decimal = true;
                self.token.text.push('.');
                self.token
                    .text
                    .push_str(&self.text[after..after + n_digits]);
                end = after + n_digits;
            } else {
                break;
            }
            if bytes.get(end).is_some_and(|b| b.is_ascii_digit()) {
                break;
            }
        }
        end
    }
}

impl TokenStream for NumberAwareStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some(c) = self.text[self.pos..].chars().next() {
            let start = self.pos;
            if c.is_ascii_digit() {
                let end = self.scan_number(start);
                self.pos = end;
                self.token.offset_from = start;
                self.token.offset_to = end;
                return true;
            }
            if c.is_alphanumeric() {
                let end = self.text[start..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphanumeric() || c.is_ascii_digit())
                    .map_or(self.text.len(), |(i, _)| start + i);
                self.pos = end;
                self.token.offset_from = start;
                self.token.offset_to = end;
                self.token.text.push_str(&self.text[start..end]);
                return true;
            }
            self.pos += c.len_utf8();
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Whitespace-separated tokens with surrounding punctuation trimmed.
#[derive(Clone, Default)]
pub struct AsWrittenTokenizer {
    token: Token,
}

pub struct AsWrittenStream<'a> {
    text: &'a str,
    pos: usize,
    token: &'a mut Token,
}

impl Tokenizer for AsWrittenTokenizer {
    type TokenStream<'a> = AsWrittenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> AsWrittenStream<'a> {
        self.token.reset();
        AsWrittenStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for AsWrittenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while self.pos < self.text.len() {
            let rest = &self.text[self.pos..];
            let skip = rest.len() - rest.trim_start().len();
            let start = self.pos + skip;
            let word_len = self.text[start..]
                .find(char::is_whitespace)
                .unwrap_or(self.text.len() - start);
            self.pos = start + word_len;
            let word = &self.text[start..start + word_len];
            let is_edge =
                |c: char| !(c.is_alphanumeric() || c == '$' || c == '%' || c == '€' || c == '£');
            let trimmed_start = word.len() - word.trim_start_matches(is_edge).len();
            let trimmed = word.trim_matches(is_edge);
            if trimmed.is_empty() {
                continue;
            }
            self.token.offset_from = start + trimmed_start;
            self.token.offset_to = self.token.offset_from + trimmed.len();
            self.token.text.push_str(trimmed);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// `raw` for query text: all of its tokens, or none when `raw` would drop any. A word that
/// `text_raw` leaves out is searched in `text` only; a phrase is searched in `text_raw` only
/// when every word of it is kept there (`"Chinese nationals"`), since a phrase of the kept words
/// alone (`"Chinese border"` → `chinese`) would match passages without the phrase.
pub fn raw_query() -> TextAnalyzer {
    TextAnalyzer::from(AllOrNothing {
        every: TextAnalyzer::builder(AsWrittenTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
        kept: raw(),
        tokens: Vec::new(),
    })
}

/// The tokenizer of `raw_query`.
#[derive(Clone)]
struct AllOrNothing {
    /// `raw` without its filter.
    every: TextAnalyzer,
    kept: TextAnalyzer,
    tokens: Vec<Token>,
}

/// The tokens `AllOrNothing` decided on, in order.
struct ListedTokens<'a> {
    tokens: &'a [Token],
    next: usize,
    current: Token,
}

impl Tokenizer for AllOrNothing {
    type TokenStream<'a> = ListedTokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ListedTokens<'a> {
        self.tokens.clear();
        let mut n_every = 0;
        let mut every = self.every.token_stream(text);
        while every.advance() {
            n_every += 1;
        }
        let mut kept = self.kept.token_stream(text);
        while kept.advance() {
            self.tokens.push(kept.token().clone());
        }
        if self.tokens.len() != n_every {
            self.tokens.clear();
        }
        ListedTokens {
            tokens: &self.tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

impl TokenStream for ListedTokens<'_> {
    fn advance(&mut self) -> bool {
        let Some(token) = self.tokens.get(self.next) else {
            return false;
        };
        self.current.clone_from(token);
        self.next += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// Drops the tokens the English analyzer indexes exactly as they are written (`border`,
/// `2023`): the `text` field already has them, so `text_raw` keeps only what is written
/// differently (`nationals`, `$20,000`, `fy2024`, `48,381`). Positions are kept, so a phrase of
/// kept tokens still matches in `text_raw`; every phrase matches in `text`.
#[derive(Clone)]
pub struct OnlyAsWrittenFilter;

impl TokenFilter for OnlyAsWrittenFilter {
    type Tokenizer<T: Tokenizer> = OnlyAsWrittenWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> OnlyAsWrittenWrapper<T> {
        OnlyAsWrittenWrapper {
            inner: tokenizer,
            english: english(),
            known: FxHashMap::default(),
        }
    }
}

/// Words whose answer `OnlyAsWrittenWrapper` keeps (an indexing thread's analyzer lives for a
/// whole segment, and most words recur, so most are stemmed once); emptied when full.
const KNOWN_WORDS: usize = 50_000;

#[derive(Clone)]
pub struct OnlyAsWrittenWrapper<T: Tokenizer> {
    inner: T,
    english: TextAnalyzer,
    /// Words already asked about: whether English indexes them as written.
    known: FxHashMap<String, bool>,
}

impl<T: Tokenizer> Tokenizer for OnlyAsWrittenWrapper<T> {
    type TokenStream<'a> = OnlyAsWrittenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        OnlyAsWrittenStream {
            tail: self.inner.token_stream(text),
            english: &mut self.english,
            known: &mut self.known,
        }
    }
}

pub struct OnlyAsWrittenStream<'a, T> {
    tail: T,
    english: &'a mut TextAnalyzer,
    known: &'a mut FxHashMap<String, bool>,
}

impl<T: TokenStream> OnlyAsWrittenStream<'_, T> {
    /// Whether the English analyzer turns `text` (lowercased) into the one token `text`.
    fn english_is_same(&mut self, text: &str) -> bool {
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        if !text.chars().all(char::is_alphabetic) {
            return false;
        }
        if let Some(same) = self.known.get(text) {
            return *same;
        }
        let mut stream = self.english.token_stream(text);
        let same = stream.advance() && stream.token().text == text && !stream.advance();
        if self.known.len() >= KNOWN_WORDS {
            self.known.clear();
        }
        self.known.insert(text.to_string(), same);
        same
    }
}

impl<T: TokenStream> TokenStream for OnlyAsWrittenStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let text = std::mem::take(&mut self.tail.token_mut().text);
            let same = self.english_is_same(&text);
            self.tail.token_mut().text = text;
            if !same {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The analysed tokens of `text` as `(text, start, end)`, for highlighting and tests.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push((token.text.clone(), token.offset_from, token.offset_to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        tokens(analyzer, text)
            .into_iter()
            .map(|(text, _, _)| text)
            .collect()
    }

    #[test]
    fn numbers_are_normalised_however_written() {
        let mut en = english();
        assert_eq!(
            texts(&mut en, "entered 48,381 times"),
            ["enter", "48381", "time"]
        );
        assert_eq!(texts(&mut en, "48381"), ["48381"]);
        assert_eq!(
            texts(&mut en, "48\u{A0}381 and 3.5 million"),
            ["48381", "and", "3.5", "million"]
        );
        assert_eq!(
            texts(&mut en, "Shanghai Municipality274"),
            ["shanghai", "municip", "274"]
        );
        assert_eq!(texts(&mut en, "1,2345"), ["1", "2345"]);
        assert_eq!(
            texts(&mut en, "in 2023, 71% were"),
            ["in", "2023", "71", "were"]
        );
    }

    #[test]
    fn raw_keeps_numbers_as_written() {
        let mut raw = raw();
        assert_eq!(
            texts(&mut raw, "averaging $20,000 per person, (FY2024)."),
            ["averaging", "$20,000", "fy2024"]
        );
    }

    #[test]
    fn a_query_is_searched_as_written_only_when_every_word_is_kept() {
        let mut query = raw_query();
        assert_eq!(
            texts(&mut query, "Chinese nationals"),
            ["chinese", "nationals"]
        );
        assert!(texts(&mut query, "Chinese border").is_empty());
        assert!(texts(&mut query, "border").is_empty());
        assert_eq!(texts(&mut query, "$20,000"), ["$20,000"]);
    }

    #[test]
    fn raw_leaves_out_what_english_indexes_as_written() {
        let mut raw = raw();
        // "border", "in", "2023" and "Ecuador" are the same in `text`; the others are not
        // (the English stemmer makes "chinese" "chines").
        assert_eq!(
            tokens(
                &mut raw,
                "Border crossings in 2023: 48,381 Chinese nationals, Ecuador"
            ),
            [
                ("crossings".to_string(), 7, 16),
                ("48,381".to_string(), 26, 32),
                ("chinese".to_string(), 33, 40),
                ("nationals".to_string(), 41, 50),
            ]
        );
        // Positions stay those of the whole text, so a phrase of kept tokens still matches.
        let mut stream = raw.token_stream("the nationals entered");
        assert!(stream.advance());
        assert_eq!(
            (stream.token().text.as_str(), stream.token().position),
            ("nationals", 1)
        );
        assert!(stream.advance());
        assert_eq!(
            (stream.token().text.as_str(), stream.token().position),
            ("entered", 2)
        );
        assert!(!stream.advance());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn token_offsets_slice_the_text(text in "\\PC{0,80}") {
            for (_, start, end) in tokens(&mut english(), &text) {
                prop_assert!(text.get(start..end).is_some());
            }
            for (_, start, end) in tokens(&mut raw(), &text) {
                prop_assert!(text.get(start..end).is_some());
            }
        }

        #[test]
        fn grouped_and_plain_numbers_match(n in 1000u64..10_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 { grouped.push(','); }
                grouped.push(c);
            }
            prop_assert_eq!(texts(&mut english(), &grouped), vec![plain]);
        }
    }
}
