//! Finds numerals in a token stream: digits (`48,381`, `1.2bn`, `200k`), words (`one hundred and
//! twenty`, `a dozen`, `tens of thousands`), ordinals (`21st`, `sixth`) and fractions (`one-fifth`,
//! `two thirds`, `one in five`, `2 1/2`).

use super::lexicon::Lexicon;
use super::token::{parse_digits, Token, TokenKind};

/// What kind of number a numeral is, before any unit is attached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumeralKind {
    Cardinal,
    Ordinal,
    Fraction,
    /// A vague plural such as `thousands` or `tens of thousands`: the value is `low`.
    Vague {
        low: f64,
        high: f64,
    },
    /// A decade written `1970s`: the value is its first year.
    Decade,
}

/// One numeral: tokens `first..last`, its value and the precision it was written with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    /// Place value of the last digit written, scale included (`3.5 million` -> 100000).
    pub step: f64,
    /// Place value of the last non-zero digit (`50,000` -> 10000); equals `step` for words.
    pub round_step: f64,
    pub kind: NumeralKind,
    /// Spelled in words (at least partly).
    pub words: bool,
    /// Written with a scale word or suffix (`million`, `bn`, `k`).
    pub scaled: bool,
    /// Plain digits with no separator, decimal point or scale, e.g. `2023` or `274`.
    pub plain_digits: bool,
    /// The product of the scale words applied (`3.5 million` -> 1000000), 1 without.
    pub scale: f64,
}

/// All numerals in `tokens`, left to right, not overlapping. Linear: every attempt looks at a
/// bounded number of tokens beyond the ones it consumes.
pub(crate) fn scan(tokens: &[Token], lexicon: &Lexicon) -> Vec<Numeral> {
    let mut numerals = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        match parse_at(tokens, idx, lexicon) {
            Some(numeral) if numeral.last > idx => {
                idx = numeral.last;
                numerals.push(numeral);
            }
            _ => idx += 1,
        }
    }
    numerals
}

fn parse_at(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    if let Some(numeral) = parse_vague(tokens, idx, lexicon) {
        return Some(numeral);
    }
    let token = &tokens[idx];
    let mut numeral = match token.kind {
        TokenKind::Number => parse_digit_numeral(tokens, idx, lexicon)?,
        TokenKind::Word => parse_word_numeral(tokens, idx, lexicon)?,
        TokenKind::Punct => return None,
    };
    extend_fraction_of(tokens, &mut numeral, lexicon);
    extend_negative(tokens, &mut numeral);
    Some(numeral)
}

/// `thousands`, `tens of thousands`, `several hundred`, `a few thousand`.
fn parse_vague(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let (multiplier, mut next) = match lexicon.vague_multipliers.match_at(tokens, idx) {
        Some((bounds, next)) => (Some(bounds), next),
        None => (None, idx),
    };
    let mut product = 1.0;
    let mut n_plural = 0;
    let mut n_scales = 0;
    while let Some(token) = tokens.get(next) {
        if let Some(value) = lexicon.vague.get(token.lower.as_ref()) {
            product *= value;
            n_plural += 1;
            next += 1;
            // "tens of thousands": continue through "of" only when another plural follows.
            if tokens.get(next).is_some_and(|t| t.is("of"))
                && tokens
                    .get(next + 1)
                    .is_some_and(|t| lexicon.vague.contains_key(t.lower.as_ref()))
            {
                next += 1;
            }
            continue;
        }
        if multiplier.is_some() && n_plural == 0 {
            if let Some(value) = lexicon.scales.get(token.lower.as_ref()) {
                product *= value;
                n_scales += 1;
                next += 1;
                continue;
            }
        }
        break;
    }
    if n_plural == 0 && n_scales == 0 {
        return None;
    }
    let (low_factor, high_factor) = multiplier.unwrap_or((2.0, 10.0));
    let low = low_factor * product;
    let high = high_factor * product;
    Some(Numeral {
        first: idx,
        last: next,
        value: low,
        step: product,
        round_step: product,
        kind: NumeralKind::Vague { low, high },
        words: true,
        scaled: true,
        plain_digits: false,
        scale: product,
    })
}

fn parse_digit_numeral(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let token = &tokens[idx];
    let value = parse_digits(token.text)?;
    let (step, round_step) = digit_precision(token.text);
    let mut numeral = Numeral {
        first: idx,
        last: idx + 1,
        value,
        step,
        round_step,
        kind: NumeralKind::Cardinal,
        words: false,
        scaled: false,
        plain_digits: token.text.bytes().all(|byte| byte.is_ascii_digit()),
        scale: 1.0,
    };
    let next = tokens.get(idx + 1);
    // Glued suffixes: ordinals (21st), decades (1970s), scales (1.2bn, 200k).
    if let Some(next) = next.filter(|next| !next.space_before && next.is_word()) {
        if numeral.plain_digits && matches!(next.lower.as_ref(), "st" | "nd" | "rd" | "th") {
            numeral.kind = NumeralKind::Ordinal;
            numeral.last = idx + 2;
            numeral.step = 0.0;
            numeral.round_step = 0.0;
            return Some(numeral);
        }
        if numeral.plain_digits && next.text == "s" && token.text.len() == 4 && value % 10.0 == 0.0
        {
            numeral.kind = NumeralKind::Decade;
            numeral.last = idx + 2;
            return Some(numeral);
        }
        if let Some(scale) = lexicon.suffixes.get(next.text) {
            apply_scale(&mut numeral, *scale);
            numeral.last = idx + 2;
            return Some(numeral);
        }
    }
    // Mixed and slash fractions: "2 1/2", "3/4" (not dates such as 5/17/2018).
    if let Some(fraction) = slash_fraction(tokens, idx + 1) {
        if tokens[idx + 1].space_before && fraction.0 < fraction.1 {
            numeral.value += fraction.0 / fraction.1;
            numeral.last = idx + 4;
            numeral.plain_digits = false;
            numeral.step = 0.0;
            numeral.round_step = 0.0;
            return Some(numeral);
        }
    }
    if let Some(fraction) = slash_fraction(tokens, idx) {
        let before_is_slash = idx >= 1 && tokens[idx - 1].is("/") && !tokens[idx].space_before;
        if !before_is_slash && fraction.1 != 0.0 {
            numeral.value = fraction.0 / fraction.1;
            numeral.kind = NumeralKind::Fraction;
            numeral.last = idx + 3;
            numeral.plain_digits = false;
            numeral.step = 0.0;
            numeral.round_step = 0.0;
            return Some(numeral);
        }
    }
    // Spaced scale words and the rest of a word number: "3.5 million", "3 hundred and 21".
    let words = continue_words(tokens, idx + 1, value, true, lexicon);
    if words.last > idx + 1 && words.scaled {
        numeral.value = words.value;
        numeral.last = words.last;
        if words.ends_with_scale {
            numeral.step *= words.scale_product;
            numeral.round_step *= words.scale_product;
        } else {
            numeral.step = 1.0;
            numeral.round_step = round_step_of(words.value);
        }
        numeral.scaled = true;
        numeral.words = true;
        numeral.plain_digits = false;
        numeral.scale = words.scale_product;
    } else if let Some(next) = tokens.get(idx + 1).filter(|next| next.is_word()) {
        // Spaced abbreviations: "10 bn", "US$ 1 MM".
        if let Some(scale) = lexicon.suffixes.get(next.text) {
            if next.text.len() > 1 {
                apply_scale(&mut numeral, *scale);
                numeral.last = idx + 2;
            }
        }
    }
    fraction_in(tokens, numeral, lexicon)
}

fn apply_scale(numeral: &mut Numeral, scale: f64) {
    numeral.value *= scale;
    numeral.step *= scale;
    numeral.round_step *= scale;
    numeral.scaled = true;
    numeral.plain_digits = false;
    numeral.scale *= scale;
}

/// `a / b` with tokens at `idx` (number), `idx + 1` (`/`), `idx + 2` (number), glued, and no
/// further `/` (which would make it a date or a path).
fn slash_fraction(tokens: &[Token], idx: usize) -> Option<(f64, f64)> {
    let numerator = tokens.get(idx)?;
    let slash = tokens.get(idx + 1)?;
    let denominator = tokens.get(idx + 2)?;
    let glued = !slash.space_before && !denominator.space_before;
    let simple =
        |token: &Token| token.is_number() && token.text.bytes().all(|byte| byte.is_ascii_digit());
    if !(simple(numerator) && slash.text == "/" && simple(denominator) && glued) {
        return None;
    }
    if tokens
        .get(idx + 3)
        .is_some_and(|after| !after.space_before && (after.is("/") || after.is("-")))
    {
        return None;
    }
    Some((
        parse_digits(numerator.text)?,
        parse_digits(denominator.text)?,
    ))
}

/// `(step, round_step)` for digits as written: `71` -> (1, 1); `3.50` -> (0.01, 0.1);
/// `50,000` -> (1, 10000).
pub(crate) fn digit_precision(text: &str) -> (f64, f64) {
    let digits: String = text
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '.')
        .collect();
    let (integer, decimals) = match digits.split_once('.') {
        Some((integer, decimals)) => (integer, decimals),
        None => (digits.as_str(), ""),
    };
    let step = 10f64.powi(-(decimals.len().min(300) as i32));
    let round_step = if let Some(last_nonzero) = decimals.rfind(|ch: char| ch != '0') {
        10f64.powi(-((last_nonzero + 1).min(300) as i32))
    } else {
        let trailing_zeros = integer.len() - integer.trim_end_matches('0').len();
        if integer.trim_end_matches('0').is_empty() {
            1.0
        } else {
            10f64.powi(trailing_zeros.min(300) as i32)
        }
    };
    (step, round_step)
}

/// The result of reading number words after an initial value.
struct WordsRead {
    value: f64,
    last: usize,
    scale_product: f64,
    scaled: bool,
    /// The last word read was a scale (`million`), not a unit (`and twenty`).
    ends_with_scale: bool,
}

/// Reads number words from `idx` on, starting from `start_value` (which may come from digits).
/// Grammar: units, teens, tens (with `-` or space before a unit), `hundred`, decreasing scales,
/// `and` between number words, `and a half` / `and three quarters`.
fn continue_words(
    tokens: &[Token],
    idx: usize,
    start_value: f64,
    from_digits: bool,
    lexicon: &Lexicon,
) -> WordsRead {
    let mut total = 0.0;
    let mut current = start_value;
    let mut last_scale = f64::INFINITY;
    let mut scale_product = 1.0;
    let mut scaled = false;
    let mut last_small: Option<f64> = from_digits.then_some(start_value);
    let mut ends_with_scale = false;
    let mut consumed = idx;
    let mut pos = idx;
    while let Some(token) = tokens.get(pos) {
        let lower = token.lower.as_ref();
        if let Some(small) = lexicon.cardinals.get(lower) {
            let fits = match last_small {
                // After tens ("twenty") only a unit may follow ("twenty one").
                Some(previous) if (20.0..100.0).contains(&previous) && previous % 10.0 == 0.0 => {
                    *small < 10.0 && *small > 0.0 && current % 10.0 == 0.0
                }
                Some(_) => false,
                None => current % 100.0 == 0.0 || current == 0.0,
            };
            if !fits {
                break;
            }
            current += small;
            last_small = Some(*small);
            ends_with_scale = false;
            pos += 1;
            consumed = pos;
        } else if lower == "hundred" || lower == "hundreds" && scaled_before(tokens, pos) {
            if current == 0.0 {
                current = 1.0;
            }
            current *= 100.0;
            scale_product *= 100.0;
            scaled = true;
            last_small = None;
            ends_with_scale = true;
            pos += 1;
            consumed = pos;
        } else if let Some(scale) = lexicon.scales.get(lower).filter(|scale| **scale >= 1000.0) {
            if *scale >= last_scale {
                break;
            }
            if current == 0.0 {
                current = 1.0;
            }
            total += current * scale;
            current = 0.0;
            last_scale = *scale;
            scale_product *= scale;
            scaled = true;
            last_small = None;
            ends_with_scale = true;
            pos += 1;
            consumed = pos;
        } else if lower == "dozen" || lower == "dozens" {
            if current == 0.0 {
                current = 1.0;
            }
            current *= 12.0;
            scaled = true;
            last_small = None;
            ends_with_scale = false;
            pos += 1;
            consumed = pos;
        } else if lower == "-" && !token.space_before {
            // "twenty-one": a hyphen joins tens and a unit only.
            let joins = last_small.is_some_and(|small| small >= 20.0 && small % 10.0 == 0.0)
                && tokens.get(pos + 1).is_some_and(|next| {
                    !next.space_before
                        && lexicon
                            .cardinals
                            .get(next.lower.as_ref())
                            .is_some_and(|unit| *unit < 10.0)
                });
            if !joins {
                break;
            }
            pos += 1;
        } else if lower == "and" && (current > 0.0 || total > 0.0) {
            if let Some((fraction, end)) = and_fraction(tokens, pos + 1, lexicon) {
                current += fraction;
                pos = end;
                consumed = pos;
                ends_with_scale = false;
                // "five and a half million".
                if let Some(scale) = tokens
                    .get(pos)
                    .and_then(|next| lexicon.scales.get(next.lower.as_ref()))
                    .filter(|scale| **scale >= 100.0 && **scale < last_scale)
                {
                    total += current * scale;
                    current = 0.0;
                    scale_product *= scale;
                    scaled = true;
                    ends_with_scale = true;
                    pos += 1;
                    consumed = pos;
                }
                break;
            }
            let next_is_small = tokens.get(pos + 1).is_some_and(|next| {
                lexicon.cardinals.contains_key(next.lower.as_ref()) && next.lower != "zero"
            });
            if !next_is_small || !(scaled || last_scale.is_finite()) {
                break;
            }
            last_small = None;
            pos += 1;
        } else {
            break;
        }
    }
    let value = total + current;
    WordsRead {
        value,
        last: consumed,
        scale_product,
        scaled,
        ends_with_scale,
    }
}

fn scaled_before(tokens: &[Token], pos: usize) -> bool {
    pos > 0 && tokens[pos - 1].is_number()
}

/// `a half`, `one half`, `a quarter`, `three quarters`, `two thirds` after `and`.
fn and_fraction(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    let numerator_token = tokens.get(idx)?;
    let numerator = if numerator_token.is("a") || numerator_token.is("an") {
        1.0
    } else {
        *lexicon.cardinals.get(numerator_token.lower.as_ref())?
    };
    let denominator = denominator_of(tokens.get(idx + 1)?, lexicon)?;
    Some((numerator / denominator, idx + 2))
}

fn denominator_of(token: &Token, lexicon: &Lexicon) -> Option<f64> {
    let lower = token.lower.as_ref();
    if let Some(value) = lexicon.denominators.get(lower) {
        return Some(*value);
    }
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    lexicon
        .ordinals
        .get(singular)
        .copied()
        .filter(|value| *value >= 3.0)
}

fn parse_word_numeral(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let token = &tokens[idx];
    let lower = token.lower.as_ref();
    let next = tokens.get(idx + 1);
    let is_article = lower == "a" || lower == "an";
    // "half a million", "half million".
    if lower == "half" {
        let (skip, scale_token) = match next {
            Some(next) if next.is("a") => (2, tokens.get(idx + 2)),
            other => (1, other),
        };
        if let Some(scale) = scale_token.and_then(|t| lexicon.scales.get(t.lower.as_ref())) {
            if *scale >= 1000.0 {
                return Some(word_numeral(idx, idx + skip + 1, 0.5 * scale, *scale * 0.5));
            }
        }
        let after_ordinal = idx > 0
            && lexicon
                .ordinals
                .contains_key(tokens[idx - 1].lower.as_ref());
        if after_ordinal || idx > 0 && tokens[idx - 1].is("the") {
            return None;
        }
        return Some(fraction_numeral(idx, idx + 1, 0.5, 2.0));
    }
    if lower == "quarter" && next.is_some_and(|next| next.is("million") || next.is("billion")) {
        let scale = lexicon.scales.get(next?.lower.as_ref())?;
        return Some(word_numeral(idx, idx + 2, 0.25 * scale, 0.25 * scale));
    }
    // A cardinal or an article starting a fraction: "a third", "one-fifth", "two thirds".
    let numerator = if is_article {
        Some(1.0)
    } else {
        lexicon.cardinals.get(lower).copied()
    };
    if let Some(numerator) = numerator {
        let mut denominator_idx = idx + 1;
        if next.is_some_and(|next| next.is("-") && !next.space_before) {
            denominator_idx += 1;
        }
        if let Some(denominator) = tokens
            .get(denominator_idx)
            .and_then(|token| denominator_of(token, lexicon))
        {
            return Some(fraction_numeral(
                idx,
                denominator_idx + 1,
                numerator / denominator,
                denominator,
            ));
        }
    }
    if let Some(ordinal) = lexicon.ordinals.get(lower) {
        if lower == "second" && idx > 0 && (tokens[idx - 1].is_number() || tokens[idx - 1].is("a"))
        {
            return None;
        }
        if *ordinal >= 100.0 {
            return None;
        }
        let mut numeral = word_numeral(idx, idx + 1, *ordinal, 0.0);
        numeral.kind = NumeralKind::Ordinal;
        return Some(numeral);
    }
    let starts = is_article
        && next.is_some_and(|next| lexicon.scales.contains_key(next.lower.as_ref()))
        || lexicon.cardinals.contains_key(lower)
        || lower == "hundred" && idx > 0 && !tokens[idx - 1].is_number()
        || lower == "dozen";
    if !starts {
        return None;
    }
    let words_start = if is_article { idx + 1 } else { idx };
    let words = continue_words(tokens, words_start, 0.0, false, lexicon);
    if words.last <= words_start {
        return None;
    }
    // Spelled-out numbers below 100 are exact; larger ones are as precise as their last word.
    let step = if words.value < 100.0 {
        1.0
    } else {
        round_step_of(words.value)
    };
    let mut numeral = word_numeral(idx, words.last, words.value, step);
    // "a" alone is never a number; "a dozen", "a hundred" are.
    if is_article && !words.scaled {
        return None;
    }
    numeral.scaled = words.scaled;
    numeral.scale = words.scale_product;
    numeral.round_step = round_step_of(words.value).max(numeral.step);
    let numeral = fraction_in(tokens, numeral, lexicon)?;
    Some(numeral)
}

fn word_numeral(first: usize, last: usize, value: f64, step: f64) -> Numeral {
    Numeral {
        first,
        last,
        value,
        step,
        round_step: step,
        kind: NumeralKind::Cardinal,
        words: true,
        scaled: false,
        plain_digits: false,
        scale: 1.0,
    }
}

fn fraction_numeral(first: usize, last: usize, value: f64, denominator: f64) -> Numeral {
    // A fraction in words is read as precise to about half the gap to its neighbouring simple
    // fractions, 1 / (2 d^2); see `interval::bounds`.
    let step = 1.0 / (denominator * denominator);
    Numeral {
        first,
        last,
        value,
        step,
        round_step: step,
        kind: NumeralKind::Fraction,
        words: true,
        scaled: false,
        plain_digits: false,
        scale: 1.0,
    }
}

/// Place value of the last non-zero digit of an integer-valued `value` (`120` -> 10).
fn round_step_of(value: f64) -> f64 {
    if value < 1.0 || value.fract() != 0.0 || value > 1e15 {
        return 1.0;
    }
    let mut step = 1.0;
    while value % (step * 10.0) == 0.0 {
        step *= 10.0;
    }
    step
}

/// `one in five`, `1 in 5`, `two out of three`: a fraction when the numerator is smaller.
fn fraction_in(tokens: &[Token], numeral: Numeral, lexicon: &Lexicon) -> Option<Numeral> {
    if numeral.kind != NumeralKind::Cardinal || numeral.scaled {
        return Some(numeral);
    }
    let mut idx = numeral.last;
    let link = tokens.get(idx);
    if link.is_some_and(|t| t.is("in")) {
        idx += 1;
    } else if link.is_some_and(|t| t.is("out")) && tokens.get(idx + 1).is_some_and(|t| t.is("of")) {
        idx += 2;
    } else {
        return Some(numeral);
    }
    let Some(denominator_token) = tokens.get(idx) else {
        return Some(numeral);
    };
    let denominator = match denominator_token.kind {
        TokenKind::Number if denominator_token.text.bytes().all(|b| b.is_ascii_digit()) => {
            let start = parse_digits(denominator_token.text)?;
            let whole = continue_words(tokens, idx + 1, start, true, lexicon);
            (whole.value, whole.last.max(idx + 1))
        }
        TokenKind::Word
            if lexicon
                .cardinals
                .contains_key(denominator_token.lower.as_ref()) =>
        {
            let whole = continue_words(tokens, idx, 0.0, false, lexicon);
            (whole.value, whole.last)
        }
        _ => return Some(numeral),
    };
    // A year after "in" ("4 in 2019") is not a denominator.
    if denominator.0 <= numeral.value || denominator.0 >= 1000.0 && !tokens[idx].is_word() {
        return Some(numeral);
    }
    let mut fraction = numeral;
    fraction.value /= denominator.0;
    fraction.kind = NumeralKind::Fraction;
    fraction.last = denominator.1;
    fraction.step = 1.0 / (denominator.0 * denominator.0);
    fraction.round_step = fraction.step;
    fraction.plain_digits = false;
    Some(fraction)
}

/// `of a million` after a fraction: "two thirds of a million".
fn extend_fraction_of(tokens: &[Token], numeral: &mut Numeral, lexicon: &Lexicon) {
    if numeral.kind != NumeralKind::Fraction || !numeral.words {
        return;
    }
    let idx = numeral.last;
    let is = |offset: usize, word: &str| tokens.get(idx + offset).is_some_and(|t| t.is(word));
    if is(0, "of") && is(1, "a") {
        if let Some(scale) = tokens
            .get(idx + 2)
            .and_then(|t| lexicon.scales.get(t.lower.as_ref()))
            .filter(|scale| **scale >= 1000.0)
        {
            numeral.value *= scale;
            numeral.step *= scale;
            numeral.round_step *= scale;
            numeral.kind = NumeralKind::Cardinal;
            numeral.scaled = true;
            numeral.scale = *scale;
            numeral.last = idx + 3;
        }
    }
}

/// A minus sign glued to the digits (`-9.5`, not `2000-2017`), or `minus` / `negative`.
fn extend_negative(tokens: &[Token], numeral: &mut Numeral) {
    let Some(before_idx) = numeral.first.checked_sub(1) else {
        return;
    };
    let before = &tokens[before_idx];
    let sign_ok = (before.is("-") || before.is("−"))
        && (before_idx == 0 || before.space_before && !tokens[before_idx - 1].is_number())
        && (!tokens[numeral.first].space_before || before_idx == 0);
    let word_ok = before.is("minus") || before.is("negative");
    if sign_ok || word_ok {
        numeral.value = -numeral.value;
        numeral.first = before_idx;
        numeral.plain_digits = false;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::super::token::tokenize;
    use super::*;

    /// Checks the numerals found in `text` as `surface=value` pairs.
    fn check(text: &str, expect: &[(&str, f64)]) {
        let tokens = tokenize(text);
        let numerals = scan(&tokens, lexicon());
        let got: Vec<(&str, f64)> = numerals
            .iter()
            .map(|numeral| {
                let start = tokens[numeral.first].span.start;
                let end = tokens[numeral.last - 1].span.end;
                (&text[start..end], numeral.value)
            })
            .collect();
        assert_eq!(got.len(), expect.len(), "{text}: got {got:?}");
        for ((got_text, got_value), (want_text, want_value)) in got.iter().zip(expect) {
            assert_eq!(got_text, want_text, "{text}");
            assert!(
                (got_value - want_value).abs() <= 1e-9 * want_value.abs().max(1.0),
                "{text}: {got_text} = {got_value}, want {want_value}"
            );
        }
    }

    #[test]
    fn digits() {
        check(
            "48,381 and 48\u{A0}381",
            &[("48,381", 48381.0), ("48\u{A0}381", 48381.0)],
        );
        check("1.2bn and 200k", &[("1.2bn", 1.2e9), ("200k", 200000.0)]);
        check("3.5 million", &[("3.5 million", 3.5e6)]);
        check("2 1/2 in", &[("2 1/2", 2.5)]);
        check(
            "on 5/17/2018",
            &[("5", 5.0), ("17", 17.0), ("2018", 2018.0)],
        );
        check("the 21st century", &[("21st", 21.0)]);
        check("in the 1970s", &[("1970s", 1970.0)]);
        check("a -9.5 change", &[("-9.5", -9.5)]);
        check("2000-2017", &[("2000", 2000.0), ("2017", 2017.0)]);
    }

    #[test]
    fn words() {
        check(
            "one hundred and twenty people",
            &[("one hundred and twenty", 120.0)],
        );
        check("a dozen", &[("a dozen", 12.0)]);
        check("twenty-one trillion", &[("twenty-one trillion", 21e12)]);
        check("two in total", &[("two", 2.0)]);
        check(
            "five and a half million",
            &[("five and a half million", 5.5e6)],
        );
        check("half a million", &[("half a million", 5e5)]);
        check("a pen", &[]);
    }

    #[test]
    fn fractions_and_vague() {
        check("one-fifth of", &[("one-fifth", 0.2)]);
        check("two thirds", &[("two thirds", 2.0 / 3.0)]);
        check("one in five adults", &[("one in five", 0.2)]);
        check(
            "tens of thousands of people",
            &[("tens of thousands", 20000.0)],
        );
        check("several hundred", &[("several hundred", 300.0)]);
        check("the sixth", &[("sixth", 6.0)]);
    }

    #[test]
    fn precision_follows_the_last_digit() {
        assert_eq!(digit_precision("71"), (1.0, 1.0));
        assert_eq!(digit_precision("50,000"), (1.0, 10000.0));
        assert_eq!(digit_precision("3.50"), (0.01, 0.1));
    }
}
