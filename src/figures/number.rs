//! Finds numerals in a token stream: digits (`48,381`, `1.2bn`, `200k`), words (`one hundred and
//! twenty`, `a dozen`, `tens of thousands`), ordinals (`21st`, `sixth`) and fractions (`one-fifth`,
//! `two thirds`, `one in five`, `2 1/2`).

use super::lexicon::Lexicon;
use super::numeral::{round_step_of, word_numeral, Numeral, NumeralKind};
use super::token::{parse_digits, Token, TokenKind};
use super::words::{continue_words, fraction_in, parse_word_numeral};

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
    if let Some(numeral) = spoken_decimal(tokens, idx, lexicon) {
        return Some(numeral);
    }
    if let Some(numeral) = comma_decimal_percent(tokens, idx) {
        return Some(numeral);
    }
    if let Some(numeral) = comma_decimal_scaled(tokens, idx, lexicon) {
        return Some(numeral);
    }
    let token = &tokens[idx];
    let mut numeral = match token.kind {
        TokenKind::Number => parse_digit_numeral(tokens, idx, lexicon)?,
        TokenKind::Word => {
            let words = parse_word_numeral(tokens, idx, lexicon)?;
            mil_millones(tokens, &words).unwrap_or(words)
        }
        TokenKind::Punct => {
            let value = vulgar_fraction(token.text)?;
            let mut numeral = word_numeral(idx, idx + 1, value, 0.0);
            numeral.kind = NumeralKind::Fraction;
            numeral.words = false;
            numeral
        }
    };
    extend_fraction_of(tokens, &mut numeral, lexicon);
    extend_negative(tokens, &mut numeral);
    Some(numeral)
}

/// A decimal written with a decimal mark (one of `marks`) at `idx`: one to three digits, the
/// mark glued between, and one or two digits glued after it (a thousands group has three). Its
/// value and the step of its last digit.
fn comma_decimal(tokens: &[Token], idx: usize, marks: &[&str]) -> Option<(f64, f64)> {
    let glued = |at: usize| tokens.get(at).filter(|token| !token.space_before);
    let plain = |token: &Token, most: usize| {
        token.kind == TokenKind::Number
            && (1..=most).contains(&token.text.len())
            && token.text.bytes().all(|b| b.is_ascii_digit())
    };
    let whole = tokens.get(idx).filter(|token| plain(token, 3))?;
    glued(idx + 1).filter(|token| marks.iter().any(|mark| token.is(mark)))?;
    let decimals = glued(idx + 2).filter(|token| plain(token, 2))?;
    let value = format!("{}.{}", whole.text, decimals.text)
        .parse::<f64>()
        .ok()?;
    Some((value, 10f64.powi(-(decimals.text.len() as i32))))
}

/// A percent written with a decimal comma or apostrophe, as Spanish and other European outlets
/// do: "un incremento del 49,1%", "182,6 %", "182'6%" ([`comma_decimal`], then a percent sign):
/// "49,1%" is 49.1 percent, never 49 and 1%.
fn comma_decimal_percent(tokens: &[Token], idx: usize) -> Option<Numeral> {
    let (value, step) = comma_decimal(tokens, idx, &[",", "'", "’"])?;
    tokens.get(idx + 3).filter(|token| token.is("%"))?;
    Some(Numeral {
        words: false,
        ..word_numeral(idx, idx + 3, value, step)
    })
}

/// A decimal written with a comma before a spaced scale word, as Spanish and Portuguese outlets
/// do: "1,8 millones de hondureños", "2,5 mil millones" ([`comma_decimal`], then the scale).
fn comma_decimal_scaled(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let (value, step) = comma_decimal(tokens, idx, &[","])?;
    tokens
        .get(idx + 3)
        .filter(|token| token.space_before && token.is_word())?;
    let scaled = |last: usize, scale: f64| Numeral {
        first: idx,
        last,
        value: value * scale,
        step: step * scale,
        round_step: step * scale,
        kind: NumeralKind::Cardinal,
        words: true,
        scaled: true,
        plain_digits: false,
        scale,
    };
    // "2,5 mil millones": thousands of millions.
    let spaced = |at: usize, word: &str| {
        tokens
            .get(at)
            .is_some_and(|token| token.space_before && token.text == word)
    };
    if spaced(idx + 3, "mil") && (spaced(idx + 4, "millones") || spaced(idx + 4, "millón")) {
        return Some(scaled(idx + 5, 1e9));
    }
    // The scale word, and nothing read on after it.
    let words = [idx + 5, idx + 4].into_iter().find_map(|end| {
        let words = continue_words(tokens.get(..end)?, idx + 3, value, true, lexicon);
        (words.last > idx + 3 && words.scaled && words.ends_with_scale && words.groups <= 1)
            .then_some(words)
    })?;
    Some(Numeral {
        value: words.value,
        ..scaled(words.last, words.scale_product)
    })
}

/// A decimal spelled as it is read out, the house style of some broadcasters' scripts:
/// "two-point-46 million", "four-point-eight percent", "51-point-77 million", "16-point-six".
/// The whole part is digits or a number word, the decimals digits or digit words joined by
/// hyphens ("one-point-two-five"); a spaced scale word after it scales it.
fn spoken_decimal(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let glued = |at: usize| tokens.get(at).filter(|token| !token.space_before);
    let whole_token = &tokens[idx];
    let whole = match whole_token.kind {
        TokenKind::Number => parse_digits(whole_token.text).filter(|value| value.fract() == 0.0)?,
        TokenKind::Word => *lexicon.cardinals.get(whole_token.lower.as_ref())?,
        TokenKind::Punct => return None,
    };
    glued(idx + 1).filter(|token| token.is("-"))?;
    glued(idx + 2).filter(|token| token.is("point"))?;
    glued(idx + 3).filter(|token| token.is("-"))?;
    let digit_word = |token: &Token| {
        lexicon
            .cardinals
            .get(token.lower.as_ref())
            .copied()
            .filter(|value| (0.0..=9.0).contains(value) && value.fract() == 0.0)
    };
    let first = glued(idx + 4)?;
    let (decimals, mut end) =
        if first.kind == TokenKind::Number && first.text.bytes().all(|b| b.is_ascii_digit()) {
            (first.text.to_string(), idx + 5)
        } else {
            let mut digits = String::new();
            let mut end = idx + 4;
            while let Some(digit) = glued(end).and_then(digit_word) {
                digits.push(char::from(b'0' + digit as u8));
                end += 1;
                let joined = glued(end).is_some_and(|t| t.is("-"))
                    && glued(end + 1).and_then(digit_word).is_some();
                if !joined {
                    break;
                }
                end += 1;
            }
            (digits, end)
        };
    if decimals.is_empty() {
        return None;
    }
    let value = format!("{whole}.{decimals}").parse::<f64>().ok()?;
    let mut numeral = word_numeral(idx, end, value, 10f64.powi(-(decimals.len() as i32)));
    if let Some(scale) = tokens
        .get(end)
        .filter(|token| token.space_before && token.is_word())
        .and_then(|token| lexicon.scales.get(token.lower.as_ref()).copied())
        .filter(|scale| *scale >= 1000.0)
    {
        apply_scale(&mut numeral, scale);
        end += 1;
        numeral.last = end;
    }
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

/// A numeral written in digits at `idx`, with what is glued to it or follows it. The first
/// reading that applies wins, in this order: a glued suffix (`21st`, `1970s`, `1.2bn`), a power
/// (`1.1^23`, `10^6`), scientific notation (`1.3e6`), a fraction (`2½`, `2 1/2`, `3/4`), then a
/// scale (`2-million`, `3 millions`, `3.5 million`, `10 bn`) and a tolerance (`5 ± 0.2`).
fn parse_digit_numeral(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let mut numeral = bare_digits(&tokens[idx], idx)?;
    if let Some(suffixed) = glued_suffix(tokens, &numeral, lexicon) {
        return Some(suffixed);
    }
    if let Some(powered) = power(tokens, &numeral) {
        return Some(powered);
    }
    // Scientific notation: "1.3e6", "12.32e+14", "1.3x10^6", "6.23 × 10^-4".
    if let Some((exponent, end)) = exponent_after(tokens, idx + 1) {
        return times_ten_to_the(numeral, exponent, end);
    }
    if let Some(fraction) = with_fraction(tokens, &numeral) {
        return Some(fraction);
    }
    if let Some(spanish) = mil_millones(tokens, &numeral) {
        return Some(spanish);
    }
    if let Some(scale) = hyphen_scale(tokens, idx, lexicon) {
        // "16-thousand-932", as a script reads 16,932 out: the hundreds glued on by a hyphen.
        let rest = tokens
            .get(idx + 3)
            .filter(|hyphen| hyphen.is("-") && !hyphen.space_before)
            .and_then(|_| tokens.get(idx + 4))
            .filter(|rest| rest.kind == TokenKind::Number && !rest.space_before)
            .and_then(|rest| parse_digits(rest.text))
            .filter(|rest| rest.fract() == 0.0 && *rest < 1000.0 && scale == 1000.0)
            .filter(|_| numeral.value.fract() == 0.0);
        if let Some(rest) = rest {
            numeral.value = numeral.value * scale + rest;
            numeral.last = idx + 5;
            numeral.scaled = true;
            numeral.plain_digits = false;
            return Some(numeral);
        }
        apply_scale(&mut numeral, scale);
        numeral.last = idx + 3;
        extend_tolerance(tokens, &mut numeral);
        return fraction_in(tokens, numeral, lexicon);
    }
    if let Some(scale) = plural_scale(tokens, idx, numeral.value) {
        apply_scale(&mut numeral, scale);
        numeral.last = idx + 2;
        return fraction_in(tokens, numeral, lexicon);
    }
    extend_spaced_scale(tokens, &mut numeral, lexicon);
    extend_tolerance(tokens, &mut numeral);
    fraction_in(tokens, numeral, lexicon)
}

/// Spanish thousands of millions: "16 mil 645.7 millones" is 16,645.7 million, "3 mil
/// millones" three billion and "tres mil 119 millones" 3,119 million. A number in words before
/// "mil" is thousands ("tres mil personas"); in digits, "mil" alone stays the English
/// abbreviation of million ("$5 mil").
fn mil_millones(tokens: &[Token], numeral: &Numeral) -> Option<Numeral> {
    let (first, mil) = (numeral.first, numeral.last);
    let spaced = |at: usize, word: &str| {
        tokens
            .get(at)
            .is_some_and(|token| token.space_before && token.text == word)
    };
    let millions = |at: usize| spaced(at, "millones") || spaced(at, "millón");
    let whole_number =
        numeral.plain_digits || numeral.words && numeral.kind == NumeralKind::Cardinal;
    if !whole_number || numeral.value >= 1000.0 || !spaced(mil, "mil") {
        return None;
    }
    if millions(mil + 1) {
        let mut whole = numeral.clone();
        apply_scale(&mut whole, 1e9);
        whole.last = mil + 2;
        return Some(whole);
    }
    let rest = tokens
        .get(mil + 1)
        .filter(|token| token.space_before)
        .and_then(|token| bare_digits(token, mil + 1))
        .filter(|rest| rest.value < 1000.0);
    let Some(rest) = rest.clone().filter(|_| millions(mil + 2)) else {
        // "49 mil 079 guatemaltecos": thousands and the hundreds after them, three digits.
        let hundreds = rest.filter(|_| {
            numeral.plain_digits
                && tokens
                    .get(mil + 1)
                    .is_some_and(|token| token.text.len() == 3)
        });
        if let Some(hundreds) = hundreds {
            let mut whole = numeral.clone();
            whole.value = numeral.value * 1000.0 + hundreds.value;
            whole.step = 1.0;
            whole.round_step = hundreds.round_step;
            whole.plain_digits = false;
            whole.scaled = true;
            whole.last = mil + 2;
            return Some(whole);
        }
        // "tres mil personas", and "34 mil deportados" in digits with no currency before it
        // ("$5 mil" is the English abbreviation of million).
        let money = numeral
            .first
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| {
                before.text.contains(['$', '€', '£', '¥', '₹', '₱'])
                    || ["us", "usd", "eur", "gbp"]
                        .iter()
                        .any(|code| before.text.eq_ignore_ascii_case(code))
            });
        if !numeral.words && money {
            return None;
        }
        let mut thousands = numeral.clone();
        apply_scale(&mut thousands, 1e3);
        thousands.last = mil + 1;
        return Some(thousands);
    };
    let mut whole = rest;
    whole.value += numeral.value * 1000.0;
    apply_scale(&mut whole, 1e6);
    whole.first = first;
    whole.last = mil + 3;
    Some(whole)
}

/// The digits of `token` alone: a cardinal as precise as its last digits.
fn bare_digits(token: &Token, idx: usize) -> Option<Numeral> {
    let value = parse_digits(token.text)?;
    let (step, round_step) = digit_precision(token.text);
    Some(Numeral {
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
    })
}

/// A suffix glued to the digits: an ordinal (`21st`), a decade (`1970s`) or a scale (`1.2bn`,
/// `200k`). A lone `m` or `b` is a scale only after money (`$5m`; `5m` alone is metres).
fn glued_suffix(tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) -> Option<Numeral> {
    let idx = numeral.first;
    let token = &tokens[idx];
    let next = tokens
        .get(idx + 1)
        .filter(|next| !next.space_before && next.is_word())?;
    if numeral.plain_digits && matches!(next.lower.as_ref(), "st" | "nd" | "rd" | "th") {
        return Some(Numeral {
            kind: NumeralKind::Ordinal,
            last: idx + 2,
            step: 0.0,
            round_step: 0.0,
            ..*numeral
        });
    }
    if numeral.plain_digits
        && next.text == "s"
        && token.text.len() == 4
        && numeral.value % 10.0 == 0.0
    {
        return Some(Numeral {
            kind: NumeralKind::Decade,
            last: idx + 2,
            ..*numeral
        });
    }
    let money_before = lexicon.currency_before.match_before(tokens, idx).is_some();
    // "b" after whole digits is a citation's letter ("Smith 2011b") or bits, not billions.
    let ambiguous = next.text == "m" || next.text == "b" && numeral.plain_digits;
    // "1.2m people", "3m migrants", "1.6m Afghans", "the 42.7m uprooted", "3m coming into
    // Afghanistan": before people counted or a people's name (a few words
    // on), "m" is millions, not metres. "pushes State population to almost 5.3m", "Refugees
    // from Myanmar more than doubled last year to 1.2m": people counted a few words before, the
    // figure not written as a thing's size ("a 5m wall", "the 6m fence"), also. A length word
    // after it ("6m high", "5m-long") keeps it metres.
    // A capitalised plural is a people's name ("1.6m Afghans", "3m Syrians", "2m Iraqis"),
    // and so is one in "-ese" ("1.2m Sudanese").
    let demonym = |token: &Token| {
        let text = token.text;
        token.is_capitalised()
            && !text.ends_with("ions")
            && (text.len() > 3 && (text.ends_with("ns") || text.ends_with("ese"))
                || text.len() > 5 && text.ends_with("is"))
    };
    let counts_people = |token: &Token| {
        lexicon.person_nouns.contains(token.lower.as_ref())
            || lexicon.people_participles.contains(token.lower.as_ref())
            || demonym(token)
    };
    let words_after = tokens
        .get(idx + 2..)
        .unwrap_or(&[])
        .iter()
        .take(MILLIONS_WORDS_AFTER)
        .take_while(|after| after.text.chars().all(char::is_alphabetic));
    let sized = tokens
        .get(idx + 2..)
        .unwrap_or(&[])
        .iter()
        .find(|after| !after.is("-"))
        .is_some_and(|after| lexicon.length_words.contains(after.lower.as_ref()));
    let article_before = idx
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|before| matches!(before.lower.as_ref(), "a" | "an" | "the"));
    let people_before = tokens[idx.saturating_sub(MILLIONS_WORDS_BEFORE)..idx]
        .iter()
        .rev()
        .take_while(|before| !before.is(".") && !before.is(";"))
        .any(|before| counts_people(before) || before.is("population"));
    let people_after =
        !sized && (words_after.clone().any(counts_people) || people_before && !article_before);
    let scale = lexicon
        .suffixes
        .get(next.text)
        .filter(|_| money_before || !ambiguous || people_after)?;
    let mut scaled = numeral.clone();
    apply_scale(&mut scaled, *scale);
    scaled.last = idx + 2;
    Some(scaled)
}

/// How many words after a glued "m" may name the people it counts in millions.
const MILLIONS_WORDS_AFTER: usize = 3;
/// How many tokens before a glued "m" may name the people it counts in millions.
const MILLIONS_WORDS_BEFORE: usize = 12;

/// A power written after the digits: "2.5^-1", "1.1^23" (exact), or after a bare 10 with a true
/// minus or a caret, "10−7 mbar", "10^6" (as precise as its own value).
fn power(tokens: &[Token], numeral: &Numeral) -> Option<Numeral> {
    let idx = numeral.first;
    if tokens[idx].text != "10" {
        let (exponent, end) = caret_power(tokens, idx + 1)?;
        let powered = numeral.value.powf(exponent);
        return powered.is_finite().then_some(Numeral {
            value: powered,
            step: 0.0,
            round_step: 0.0,
            plain_digits: false,
            last: end,
            ..*numeral
        });
    }
    let marker = tokens
        .get(idx + 1)
        .filter(|next| !next.space_before && (next.is("−") || next.is("^")))?;
    let mut exponent_idx = idx + 2;
    let mut sign = if marker.is("−") { -1.0 } else { 1.0 };
    if marker.is("^")
        && tokens
            .get(exponent_idx)
            .is_some_and(|t| t.is("-") || t.is("−"))
    {
        sign = -1.0;
        exponent_idx += 1;
    }
    let exponent = tokens
        .get(exponent_idx)
        .filter(|t| t.is_number() && !t.space_before && t.text.len() <= 2)
        .and_then(|t| parse_digits(t.text))?;
    let value = 10f64.powf(sign * exponent);
    Some(Numeral {
        value,
        step: value,
        round_step: value,
        plain_digits: false,
        last: exponent_idx + 1,
        ..*numeral
    })
}

/// `numeral` times ten to `exponent`, ending at token `end`; `None` when that overflows.
fn times_ten_to_the(mut numeral: Numeral, exponent: f64, end: usize) -> Option<Numeral> {
    let factor = 10f64.powf(exponent);
    numeral.value *= factor;
    numeral.step *= factor;
    numeral.round_step *= factor;
    numeral.plain_digits = false;
    numeral.last = end;
    numeral.value.is_finite().then_some(numeral)
}

/// A fraction with the digits, exact: a vulgar fraction glued to them (`2½`), a spaced slash
/// fraction after them (`2 1/2`), or the digits as a numerator (`3/4`; not the parts of a date
/// such as 5/17/2018).
fn with_fraction(tokens: &[Token], numeral: &Numeral) -> Option<Numeral> {
    let idx = numeral.first;
    let exact = |value: f64, last: usize| Numeral {
        value,
        last,
        plain_digits: false,
        step: 0.0,
        round_step: 0.0,
        ..*numeral
    };
    if let Some(fraction) = tokens
        .get(idx + 1)
        .filter(|next| !next.space_before)
        .and_then(|next| vulgar_fraction(next.text))
    {
        return Some(exact(numeral.value + fraction, idx + 2));
    }
    if let Some((numerator, denominator)) = slash_fraction(tokens, idx + 1) {
        if tokens[idx + 1].space_before && numerator < denominator {
            return Some(exact(numeral.value + numerator / denominator, idx + 4));
        }
    }
    let (numerator, denominator) = slash_fraction(tokens, idx)?;
    let before_is_slash = idx >= 1 && tokens[idx - 1].is("/") && !tokens[idx].space_before;
    (!before_is_slash && denominator != 0.0).then(|| Numeral {
        kind: NumeralKind::Fraction,
        ..exact(numerator / denominator, idx + 3)
    })
}

/// A scale word joined to the digits at `idx` by a hyphen: "2-million", "1.93-million" (a
/// "five-year" plan is no scale: only the scale words of the lexicon, a thousand and up).
fn hyphen_scale(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<f64> {
    tokens
        .get(idx + 1)
        .filter(|hyphen| hyphen.is("-") && !hyphen.space_before)
        .and_then(|_| tokens.get(idx + 2))
        .filter(|word| word.is_word() && !word.space_before)
        .and_then(|word| lexicon.scales.get(word.lower.as_ref()).copied())
        .filter(|scale| *scale >= 1000.0)
}

/// "3 millions Syrians" (translated text): a plural scale right after digits under a thousand
/// scales them.
fn plural_scale(tokens: &[Token], idx: usize, value: f64) -> Option<f64> {
    tokens
        .get(idx + 1)
        .filter(|word| word.is_word() && word.space_before)
        .and_then(|word| match word.lower.as_ref() {
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        })
        .filter(|_| value < 1000.0)
}

/// Extends `numeral` over spaced scale words and the rest of a word number ("3.5 million",
/// "3 hundred and 21"), else over a spaced abbreviation ("10 bn", "US$ 1 MM", and "2.33 k" at
/// a clause's end).
fn extend_spaced_scale(tokens: &[Token], numeral: &mut Numeral, lexicon: &Lexicon) {
    let idx = numeral.first;
    let words = continue_words(tokens, idx + 1, numeral.value, true, lexicon);
    if words.last > idx + 1 && words.scaled {
        numeral.value = words.value;
        numeral.last = words.last;
        if words.ends_with_scale && words.groups > 1 {
            // "3 million and 321 thousand": the last digit written is a thousand's.
            numeral.step = words.group_step * words.last_scale;
            numeral.round_step = round_step_of(words.value).max(numeral.step);
        } else if words.ends_with_scale {
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
        return;
    }
    let Some(next) = tokens.get(idx + 1).filter(|next| next.is_word()) else {
        return;
    };
    if let Some(scale) = lexicon.suffixes.get(next.text) {
        let clause_end = tokens
            .get(idx + 2)
            .is_none_or(|after| after.kind == TokenKind::Punct);
        let spaced_k = next.text == "k" && clause_end;
        if next.text.len() > 1 || spaced_k {
            apply_scale(numeral, *scale);
            numeral.last = idx + 2;
        }
    }
}

/// "5 ± 0.2", "1.6 +/- 0.2": the tolerance becomes the numeral's precision, so its interval is
/// [value - tolerance, value + tolerance].
fn extend_tolerance(tokens: &[Token], numeral: &mut Numeral) {
    let mut idx = numeral.last;
    match tokens.get(idx).map(|t| t.text) {
        Some("±") => idx += 1,
        Some("+")
            if tokens.get(idx + 1).is_some_and(|t| t.is("/"))
                && tokens.get(idx + 2).is_some_and(|t| t.is("-")) =>
        {
            idx += 3
        }
        _ => return,
    }
    let Some(tolerance) = tokens
        .get(idx)
        .filter(|t| t.is_number())
        .and_then(|t| parse_digits(t.text))
    else {
        return;
    };
    numeral.step = 2.0 * tolerance;
    numeral.round_step = 2.0 * tolerance;
    numeral.last = idx + 1;
    numeral.plain_digits = false;
}

/// The exponent written after a mantissa at `pos`: `e6`, `e+14`, `x10^6`, `× 10^-4`, `×10−3`.
fn exponent_after(tokens: &[Token], pos: usize) -> Option<(f64, usize)> {
    let marker = tokens.get(pos)?;
    let mut idx = pos + 1;
    let scientific_e = (marker.text == "e" || marker.text == "E") && !marker.space_before;
    if !scientific_e {
        let times = marker.text == "x" || marker.text == "×" || marker.text == "X";
        let ten = tokens.get(idx)?;
        if !times || !ten.text.starts_with("10") || !ten.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // "× 1019": a superscript exponent flattened into the digits after "10".
        if ten.text.len() > 2 && ten.text.len() <= 4 {
            let exponent: f64 = ten.text[2..].parse().ok()?;
            return Some((exponent, idx + 1));
        }
        if ten.text.len() != 2 {
            return None;
        }
        idx += 1;
        let caret = tokens.get(idx).filter(|t| t.text == "^" && !t.space_before);
        if caret.is_some() {
            idx += 1;
        }
    }
    let mut sign = 1.0;
    let sign_token = tokens.get(idx)?;
    if matches!(sign_token.text, "-" | "−" | "+" | "--") && !sign_token.space_before {
        if sign_token.text != "+" {
            sign = -1.0;
        }
        idx += 1;
    }
    let digits = tokens.get(idx)?;
    if digits.space_before
        || !digits.is_number()
        || !digits.text.bytes().all(|b| b.is_ascii_digit())
        || digits.text.len() > 3
    {
        return None;
    }
    let exponent: f64 = digits.text.parse().ok()?;
    Some((sign * exponent, idx + 1))
}

/// `^23`, `^-1`, `^+23`, `^--23` glued after a number: the exponent and the index after it.
fn caret_power(tokens: &[Token], pos: usize) -> Option<(f64, usize)> {
    let caret = tokens.get(pos).filter(|t| t.is("^") && !t.space_before)?;
    let _ = caret;
    let mut idx = pos + 1;
    let mut sign = 1.0;
    while let Some(sign_token) = tokens
        .get(idx)
        .filter(|t| !t.space_before && matches!(t.text, "-" | "+" | "−" | "--"))
    {
        if sign_token.text == "-" || sign_token.text == "−" {
            sign = -sign;
        }
        idx += 1;
    }
    let digits = tokens
        .get(idx)
        .filter(|t| t.is_number() && !t.space_before)?;
    let exponent = parse_digits(digits.text)?;
    (exponent <= 400.0).then_some((sign * exponent, idx + 1))
}

/// The value of a vulgar fraction character such as `½` or `¾`.
pub(crate) fn vulgar_fraction(text: &str) -> Option<f64> {
    Some(match text {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
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
    // Other pairs ("9/11", "24/7", "5/17") are dates and names more often than fractions.
    let denominator_value = parse_digits(denominator.text)?;
    // "In 2015/16, the department spent …": a year written across two, not a fraction.
    let numerator_value = parse_digits(numerator.text)?;
    if numerator.text.len() == 4
        && denominator.text.len() == 2
        && (1900.0..2100.0).contains(&numerator_value)
        && (numerator_value + 1.0) % 100.0 == denominator_value
    {
        return None;
    }
    let usual = [
        2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 20.0, 25.0, 32.0, 40.0, 50.0, 64.0, 100.0, 1000.0,
    ];
    if !usual.contains(&denominator_value) {
        return None;
    }
    Some((numerator_value, denominator_value))
}

/// `(step, round_step)` for digits as written: `71` -> (1, 1); `3.50` -> (0.01, 0.1);
/// `50,000` -> (1, 10000).
pub(crate) fn digit_precision(text: &str) -> (f64, f64) {
    let digits: String = super::token::english_digits(text)
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
    // The sign opens the text, follows a space or punctuation ("<-30", "(-5)"), and is glued
    // to the digits; after a number or word it is a dash ("2000-2017", "COVID-19").
    let opens = before_idx == 0
        || tokens[before_idx - 1].kind == TokenKind::Punct
        || before.space_before && !tokens[before_idx - 1].is_number();
    let sign_ok = (before.is("-") || before.is("−"))
        && opens
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
    fn every_nth_is_one_in_n() {
        check(
            "every fifth deportee is a child, every third a woman",
            &[("every fifth", 0.2), ("every third", 1.0 / 3.0)],
        );
        // A frequency, or "every first", is no share.
        check("ships sail every second day", &[("second", 2.0)]);
    }

    #[test]
    fn a_percent_with_a_decimal_comma_is_one_number() {
        check(
            "un incremento del 49,1%, del 182,6 % y del 56'7%",
            &[("49,1", 49.1), ("182,6", 182.6), ("56'7", 56.7)],
        );
        // Three digits after a comma are a thousands group; no percent, no decimal.
        check(
            "1,234% and 49,1 people",
            &[("1,234", 1234.0), ("49", 49.0), ("1", 1.0)],
        );
        // Cut short or garbled: no panic, only what is written.
        check("49,", &[("49", 49.0)]);
        check("49,%", &[("49", 49.0)]);
        check(",1%", &[("1", 1.0)]);
        check("4999,1%", &[("4999", 4999.0), ("1", 1.0)]);
    }

    #[test]
    fn thousands_with_two_dots_or_more_are_one_number() {
        check(
            "se encontraban 2.845.706 migrantes y 1.234.567,5 euros",
            &[("2.845.706", 2_845_706.0), ("1.234.567,5", 1_234_567.5)],
        );
        // One dot stays a decimal here; a group of two digits is no thousands group.
        check(
            "604.185 y 1.23.456",
            &[("604.185", 604.185), ("1.23", 1.23), ("456", 456.0)],
        );
        // Garbled: no panic, only what is written.
        check("2.845.7", &[("2.845", 2.845), ("7", 7.0)]);
        check("2.845.706,", &[("2.845.706", 2_845_706.0)]);
    }

    #[test]
    fn decimals_spelled_as_read_out() {
        check(
            "reached two-point-46 million, four-point-eight percent of 51-point-77 million",
            &[
                ("two-point-46 million", 2.46e6),
                ("four-point-eight", 4.8),
                ("51-point-77 million", 51.77e6),
            ],
        );
        check(
            "rose by 16-thousand-932 to one-point-two-five",
            &[("16-thousand-932", 16_932.0), ("one-point-two-five", 1.25)],
        );
        // Cut short or garbled: no panic, only what is written.
        check("two-point-", &[("two", 2.0)]);
        check("16-thousand-", &[("16-thousand", 16_000.0)]);
        check("1 million 8,890,", &[("1 million 8,890", 1_008_890.0)]);
        check("1 million 218.1", &[("1 million", 1e6), ("218.1", 218.1)]);
        // No decimals after "point", or spaces around it: no spoken decimal.
        check("a two-point lead", &[("two", 2.0)]);
        check("two - point - 46", &[("two", 2.0), ("46", 46.0)]);
    }

    #[test]
    fn a_glued_m_after_a_population_is_millions() {
        check(
            "pushes the population to almost 5.3m; the fence is 6m high",
            &[("5.3m", 5.3e6), ("6", 6.0)],
        );
        // A people's name, or people coming, after it: millions too; another capitalised
        // plural is no people.
        check(
            "Over 1.6m Afghans returned; 3m coming into Afghanistan; 1.2m Sudanese; 2m Iraqis",
            &[("1.6m", 1.6e6), ("3m", 3e6), ("1.2m", 1.2e6), ("2m", 2e6)],
        );
        check("a 2m Operations wall", &[("2", 2.0)]);
    }

    #[test]
    fn spanish_thousands_of_millions() {
        check(
            "sumaron 16 mil 645.7 millones de dólares, y 3 mil millones",
            &[
                ("16 mil 645.7 millones", 16_645.7e6),
                ("3 mil millones", 3e9),
            ],
        );
        check(
            "remesas por tres mil 119 millones de dólares; tres mil personas en doce meses",
            &[
                ("tres mil 119 millones", 3_119e6),
                ("tres mil", 3e3),
                ("doce", 12.0),
            ],
        );
    }

    #[test]
    fn spanish_thousands_in_digits_and_decimal_commas_before_a_scale() {
        check(
            "deportaron a 49 mil 079 guatemaltecos; 34 mil deportados; costó $5 mil",
            &[("49 mil 079", 49_079.0), ("34 mil", 34e3), ("5 mil", 5e6)],
        );
        check(
            "viven alrededor de 1,8 millones de hondureños y 2,5 mil millones de dólares",
            &[("1,8 millones", 1.8e6), ("2,5 mil millones", 2.5e9)],
        );
        // Three digits after the comma are a thousands group; garbled input reads what is there.
        check("1,800 million", &[("1,800 million", 1.8e9)]);
        check("1,8", &[("1", 1.0), ("8", 8.0)]);
        check("1,8 mil", &[("1", 1.0), ("8 mil", 8e3)]);
        check("49 mil 07", &[("49 mil", 49e3), ("07", 7.0)]);
    }

    #[test]
    fn spanish_and_scale_chains_cut_short_read_what_is_there() {
        // Garbage and chains cut at the end of the text: no panic, only what is written.
        check("tres mil", &[("tres mil", 3e3)]);
        check("mil mil mil", &[]);
        check("3 million and", &[("3 million", 3e6)]);
        // A scale no smaller than the last starts another figure.
        check(
            "62 thousand and 151 thousand and",
            &[("62 thousand", 62e3), ("151 thousand", 151e3)],
        );
    }

    #[test]
    fn digits_after_a_scale_without_and() {
        check(
            "Germany (1 million 218.1 thousand people) and Poland (1 million 8,890)",
            &[
                ("1 million 218.1 thousand", 1_218_100.0),
                ("1 million 8,890", 1_008_890.0),
            ],
        );
        // A year after a scale, or a number above it, is another number.
        check(
            "1 million 2025 and 1 million 2,500,000",
            &[
                ("1 million", 1e6),
                ("2025", 2025.0),
                ("1 million", 1e6),
                ("2,500,000", 2.5e6),
            ],
        );
        // The last digit written is a thousand's (or a hundred's), not a billion's.
        let tokens = tokenize("3 million and 321 thousand, 1 million 218.1 thousand");
        let steps: Vec<f64> = scan(&tokens, lexicon()).iter().map(|n| n.step).collect();
        assert_eq!(steps, [1000.0, 100.0]);
    }

    #[test]
    fn hundreds_in_digits_between_scales() {
        check(
            "reached 3 million and 321 thousand and 72 individuals, 62 thousand and 151 in camps",
            &[
                ("3 million and 321 thousand and 72", 3_321_072.0),
                ("62 thousand and 151", 62_151.0),
            ],
        );
    }

    #[test]
    fn digits() {
        check(
            "48,381 and 48\u{A0}381",
            &[("48,381", 48381.0), ("48\u{A0}381", 48381.0)],
        );
        check("1.2bn and 200k", &[("1.2bn", 1.2e9), ("200k", 200000.0)]);
        check("3.5 million", &[("3.5 million", 3.5e6)]);
        // A scale word joined by a hyphen, as some outlets write it.
        check("2-million", &[("2-million", 2e6)]);
        check("1.93-million", &[("1.93-million", 1.93e6)]);
        check("2 1/2 in", &[("2 1/2", 2.5)]);
        check(
            "on 5/17/2018",
            &[("5", 5.0), ("17", 17.0), ("2018", 2018.0)],
        );
        check("the 21st century", &[("21st", 21.0)]);
        check("in the 1970s", &[("1970s", 1970.0)]);
        check("a -9.5 change", &[("-9.5", -9.5)]);
        check("2000-2017", &[("2000", 2000.0), ("2017", 2017.0)]);
        // A year written across two is no fraction; "3/16" still is.
        check(
            "in 2015/16 and 3/16",
            &[("2015", 2015.0), ("16", 16.0), ("3/16", 0.1875)],
        );
        // A glued "m" is millions before people counted, metres otherwise.
        check("about 1.2m people", &[("1.2m", 1.2e6)]);
        check("a 5m wall", &[("5", 5.0)]);
        check("the 42.7m uprooted", &[("42.7m", 42.7e6)]);
        check("6.2m internally displaced persons", &[("6.2m", 6.2e6)]);
        check(
            "Refugees from Myanmar more than doubled last year to 1.2m, as",
            &[("doubled", 2.0), ("1.2m", 1.2e6)],
        );
        check("Migrants scaled the 6m fence", &[("6", 6.0)]);
        check("migrants climbed over a 6m-high fence", &[("6", 6.0)]);
        check("migrants found it 6m high", &[("6", 6.0)]);
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
        check("a quarter-million", &[("a quarter-million", 2.5e5)]);
        check("a half-million", &[("a half-million", 5e5)]);
        check("about a quarter million", &[("a quarter million", 2.5e5)]);
        check("a quarter of them", &[("a quarter", 0.25)]);
        check("a pen", &[]);
        check("the twenty-first century", &[("twenty-first", 21.0)]);
        check(
            "one billion and a half million",
            &[("one billion and a half million", 1_000_500_000.0)],
        );
        check(
            "3 hundred and 2 hundred",
            &[("3 hundred", 300.0), ("2 hundred", 200.0)],
        );
        check("three lakh crore", &[("three lakh crore", 3e12)]);
        check("2.5^-1", &[("2.5^-1", 0.4)]);
    }

    #[test]
    fn fractions_and_vague() {
        check("one-fifth of", &[("one-fifth", 0.2)]);
        check("two thirds", &[("two thirds", 2.0 / 3.0)]);
        check("one in five adults", &[("one in five", 0.2)]);
        check(
            "two out of every five migrants",
            &[("two out of every five", 0.4)],
        );
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
