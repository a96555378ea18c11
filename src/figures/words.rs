//! Numbers written in words: `one hundred and twenty`, `a dozen`, `twenty-one trillion`,
//! `five and a half million`, fractions (`a third`, `two thirds`, `one in five`) and ordinals.

use super::lexicon::Lexicon;
use super::numeral::{
    denominator_of, fraction_numeral, round_step_of, word_numeral, Numeral, NumeralKind,
};
use super::token::{parse_digits, Token, TokenKind};

/// The result of reading number words after an initial value.
pub(super) struct WordsRead {
    pub value: f64,
    pub last: usize,
    pub scale_product: f64,
    pub scaled: bool,
    /// The last word read was a scale (`million`), not a unit (`and twenty`).
    pub ends_with_scale: bool,
    /// How many groups closed by a scale were read ("3 million and 321 thousand": two), the
    /// last such scale, and the place value of the last digit of the number before it (1 for
    /// "321", 0.1 for "218.1"): together the place value of the last digit written.
    pub groups: usize,
    pub last_scale: f64,
    pub group_step: f64,
}

/// Reads number words from `idx` on, starting from `start_value` (which may come from digits).
/// Grammar: units, teens, tens (with `-` or space before a unit), `hundred`, decreasing scales,
/// `and` between number words, `and a half` / `and three quarters`.
pub(super) fn continue_words(
    tokens: &[Token],
    idx: usize,
    start_value: f64,
    from_digits: bool,
    lexicon: &Lexicon,
) -> WordsRead {
    let mut read = WordReader {
        tokens,
        lexicon,
        idx,
        from_digits,
        total: 0.0,
        current: start_value,
        last_scale: f64::INFINITY,
        scale_product: 1.0,
        scaled: false,
        last_small: from_digits.then_some(start_value),
        ends_with_scale: false,
        groups: 0,
        group_step: 1.0,
        consumed: idx,
        pos: idx,
    };
    while let Some(token) = tokens.get(read.pos) {
        let lower = token.lower.as_ref();
        let step = if let Some(small) = lexicon.cardinals.get(lower) {
            read.small_word(*small)
        } else if token.kind == TokenKind::Number
            && from_digits
            && read.last_small.is_none()
            && (read.scaled || read.last_scale.is_finite())
            && token.text.bytes().all(|byte| byte.is_ascii_digit())
            && token.text.len() <= 3
        {
            read.small_digits(token)
        } else if token.kind == TokenKind::Number
            && from_digits
            && read.ends_with_scale
            && read.last_scale >= 1e6
        {
            read.digits_after_a_scale(token)
        } else if lower == "hundred" || lower == "hundreds" && scaled_before(tokens, read.pos) {
            read.hundred()
        } else if let Some(scale) = lexicon.scales.get(lower).filter(|scale| **scale >= 1000.0) {
            read.large_scale(*scale)
        } else if matches!(lower, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs") {
            read.dozen()
        } else if lower == "-" {
            read.hyphen()
        } else if lower == "and" && (read.current > 0.0 || read.total > 0.0) {
            read.and_word()
        } else {
            Step::Stop
        };
        if step == Step::Stop {
            break;
        }
    }
    read.finish()
}

/// Whether [`continue_words`] reads on after a word.
#[derive(PartialEq)]
enum Step {
    Next,
    Stop,
}

/// The state of [`continue_words`]: the value read so far (`total` of the finished scales plus
/// the `current` group), the last scale and small number read, and how far it has read.
struct WordReader<'t, 'l> {
    tokens: &'t [Token<'t>],
    lexicon: &'l Lexicon,
    idx: usize,
    from_digits: bool,
    total: f64,
    current: f64,
    last_scale: f64,
    scale_product: f64,
    scaled: bool,
    last_small: Option<f64>,
    ends_with_scale: bool,
    groups: usize,
    group_step: f64,
    consumed: usize,
    pos: usize,
}

impl WordReader<'_, '_> {
    /// Takes the word at `pos` as read.
    fn take(&mut self) -> Step {
        self.pos += 1;
        self.consumed = self.pos;
        Step::Next
    }

    /// "one" to "ninety": after tens only a unit ("twenty one"), else at a hundreds boundary.
    fn small_word(&mut self, small: f64) -> Step {
        // "one hundred thirty fifths": tens before a unit ordinal form the denominator.
        if is_tens(small)
            && unit_ordinal_at(self.tokens, self.pos + 1, self.lexicon).is_some()
            && self.pos > self.idx
        {
            return Step::Stop;
        }
        let fits = match self.last_small {
            // After tens ("twenty") only a unit may follow ("twenty one").
            Some(previous) if (20.0..100.0).contains(&previous) && previous % 10.0 == 0.0 => {
                small < 10.0 && small > 0.0 && self.current % 10.0 == 0.0
            }
            Some(_) => false,
            None => self.current % 100.0 == 0.0 || self.current == 0.0,
        };
        if !fits {
            return Step::Stop;
        }
        self.current += small;
        self.last_small = Some(small);
        self.group_step = 1.0;
        self.ends_with_scale = false;
        self.take()
    }

    /// Digits right after "million" (or a larger scale) with no "and", as translations write a
    /// number out: a decimal before a smaller scale ("1 million 218.1 thousand" is 1,218,100)
    /// or grouped thousands below the scale ("1 million 8,890" is 1,008,890).
    fn digits_after_a_scale(&mut self, token: &Token) -> Step {
        let Some(value) = parse_digits(token.text) else {
            return Step::Stop;
        };
        let (tokens, lexicon, pos) = (self.tokens, self.lexicon, self.pos);
        let next_scale = tokens
            .get(pos + 1)
            .and_then(|next| lexicon.scales.get(next.lower.as_ref()).copied())
            .filter(|scale| *scale >= 1000.0);
        let decimals = token
            .text
            .split_once('.')
            .map_or(0, |(_, fraction)| fraction.len());
        let before_a_smaller_scale = next_scale.is_some_and(|scale| scale < self.last_scale)
            && value > 0.0
            && value < 1000.0
            && !token.text.contains(',');
        let grouped_below = next_scale.is_none()
            && decimals == 0
            && token.text.contains(',')
            && value >= 1000.0
            && value < self.last_scale;
        if !(before_a_smaller_scale || grouped_below) {
            return Step::Stop;
        }
        self.current += value;
        self.last_small = Some(value);
        self.group_step = 10f64.powi(-(decimals as i32));
        self.ends_with_scale = false;
        self.take()
    }

    /// "3 hundred and 21", "4 thousand 3 hundred": small digits between scale words.
    fn small_digits(&mut self, token: &Token) -> Step {
        let Some(small) = parse_digits(token.text) else {
            return Step::Stop;
        };
        let (tokens, lexicon, pos) = (self.tokens, self.lexicon, self.pos);
        // After "and" a small number ends the figure ("3 hundred and 21"); one followed by
        // its own scale starts another ("3 hundred and 2 hundred").
        let after_and = pos > 0
            && tokens[pos - 1].is("and")
            && small > 0.0
            && !tokens
                .get(pos + 1)
                .is_some_and(|next| lexicon.scales.contains_key(next.lower.as_ref()));
        let below_hundred = self.current % 100.0 == 0.0 && small < 100.0
            // "… thousand and 151": the hundreds after the last scale.
            || self.current == 0.0 && small < 1000.0 && self.last_scale == 1000.0;
        let next_scales = tokens
            .get(pos + 1)
            .is_some_and(|next| lexicon.scales.contains_key(next.lower.as_ref()));
        if !(after_and && below_hundred || next_scales && self.current % 1000.0 == 0.0) {
            return Step::Stop;
        }
        self.current += small;
        self.last_small = Some(small);
        self.ends_with_scale = false;
        self.take()
    }

    fn hundred(&mut self) -> Step {
        if self.current == 0.0 {
            self.current = 1.0;
        }
        self.current *= 100.0;
        self.scale_product *= 100.0;
        self.scaled = true;
        self.last_small = None;
        self.ends_with_scale = true;
        self.take()
    }

    /// "thousand", "million", "lakh": closes the current group, in decreasing order.
    fn large_scale(&mut self, scale: f64) -> Step {
        // "three lakh crore", "a thousand million": a scale right after a scale multiplies.
        let after_scale = self.current == 0.0
            && self.pos > self.idx
            && self
                .lexicon
                .scales
                .contains_key(self.tokens[self.pos - 1].lower.as_ref());
        if scale >= self.last_scale && after_scale {
            self.total *= scale;
            self.scale_product *= scale;
            self.last_scale = self.total;
            return self.take();
        }
        if scale >= self.last_scale {
            return Step::Stop;
        }
        if self.current == 0.0 {
            self.current = 1.0;
        }
        self.total += self.current * scale;
        self.current = 0.0;
        self.last_scale = scale;
        self.groups += 1;
        self.scale_product *= scale;
        self.scaled = true;
        self.last_small = None;
        self.ends_with_scale = true;
        self.take()
    }

    fn dozen(&mut self) -> Step {
        if self.current == 0.0 {
            self.current = 1.0;
        }
        // "three hundred and two dozens": the dozens are the small part only.
        match self.last_small {
            Some(small) if small > 0.0 && self.current > small => self.current += small * 11.0,
            _ => self.current *= 12.0,
        }
        self.scaled = true;
        self.last_small = None;
        self.ends_with_scale = false;
        self.take()
    }

    /// "twenty-one", "fifty - two": a hyphen joins tens and a unit only.
    fn hyphen(&mut self) -> Step {
        let joins = self
            .last_small
            .is_some_and(|small| small >= 20.0 && small % 10.0 == 0.0)
            && self.tokens.get(self.pos + 1).is_some_and(|next| {
                self.lexicon
                    .cardinals
                    .get(next.lower.as_ref())
                    .is_some_and(|unit| *unit < 10.0)
            });
        if !joins {
            return Step::Stop;
        }
        self.pos += 1;
        Step::Next
    }

    /// "and" before a fraction ("and a half") ends the numeral with it; before a small number
    /// after a scale ("two hundred and six") it reads on.
    fn and_word(&mut self) -> Step {
        let (tokens, lexicon) = (self.tokens, self.lexicon);
        if let Some((fraction, end)) = and_fraction(tokens, self.pos + 1, lexicon) {
            self.and_fraction(fraction, end);
            return Step::Stop;
        }
        let from_digits = self.from_digits;
        let last_scale = self.last_scale;
        let scale_at = |at: usize| {
            tokens
                .get(at)
                .and_then(|after| lexicon.scales.get(after.lower.as_ref()))
        };
        let next_is_small = tokens.get(self.pos + 1).is_some_and(|next| {
            let digits = from_digits && next.is_number() && next.text != "0";
            lexicon.cardinals.contains_key(next.lower.as_ref()) && next.lower != "zero"
                || digits && next.text.len() <= 2 && scale_at(self.pos + 2).is_none()
                // Hundreds spelled in digits between scales, as translations write them: "3
                // million and 321 thousand and 72", "62 thousand and 151".
                || digits
                    && next.text.len() == 3
                    && next.text.bytes().all(|byte| byte.is_ascii_digit())
                    && match scale_at(self.pos + 2) {
                        Some(scale) => *scale >= 1000.0 && *scale < last_scale,
                        None => last_scale == 1000.0,
                    }
        });
        if !next_is_small || !(self.scaled || self.last_scale.is_finite()) {
            return Step::Stop;
        }
        self.last_small = None;
        self.pos += 1;
        Step::Next
    }

    /// The fraction after "and" (tokens up to `end`), with the scale that may follow it.
    fn and_fraction(&mut self, fraction: f64, end: usize) {
        self.pos = end;
        self.consumed = self.pos;
        self.ends_with_scale = false;
        let scale_after = |read: &Self| {
            read.tokens
                .get(read.pos)
                .and_then(|next| read.lexicon.scales.get(next.lower.as_ref()))
                .copied()
                .filter(|scale| *scale >= 100.0 && *scale < read.last_scale)
        };
        // "one billion and a half million": the fraction scales by the word after it.
        if let (Some(scale), true) = (
            scale_after(self),
            self.current == 0.0 && self.last_scale.is_finite(),
        ) {
            self.total += fraction * scale;
            self.scale_product *= scale;
            self.ends_with_scale = true;
            self.take();
            return;
        }
        // "one million and a half" is half of the last scale; "three and a half" is 3.5.
        if self.current == 0.0 && self.last_scale.is_finite() {
            self.total += fraction * self.last_scale;
        } else {
            self.current += fraction;
        }
        // "five and a half million".
        if let Some(scale) = scale_after(self) {
            self.total += self.current * scale;
            self.current = 0.0;
            self.scale_product *= scale;
            self.scaled = true;
            self.ends_with_scale = true;
            self.take();
        }
    }

    /// The words read, with decimals after "point" ("five point five") for a numeral in words.
    fn finish(self) -> WordsRead {
        let mut value = self.total + self.current;
        let mut consumed = self.consumed;
        let mut ends_with_scale = self.ends_with_scale;
        if !self.from_digits && consumed > self.idx {
            // "two hundred point zero three", "five point five".
            if let Some((decimals, end)) = point_decimals(self.tokens, consumed, self.lexicon) {
                value += decimals;
                consumed = end;
                ends_with_scale = false;
            }
        }
        WordsRead {
            value,
            last: consumed,
            scale_product: self.scale_product,
            scaled: self.scaled,
            ends_with_scale,
            groups: self.groups,
            last_scale: self.last_scale,
            group_step: self.group_step,
        }
    }
}

/// The decimals after `point`: digit words one by one ("point zero three" -> .03) or one
/// number below a hundred ("point seventy-one" -> .71).
fn point_decimals(tokens: &[Token], pos: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    if !tokens.get(pos)?.is("point") {
        return None;
    }
    let digit_of = |token: &Token| {
        lexicon
            .cardinals
            .get(token.lower.as_ref())
            .copied()
            .filter(|value| *value < 10.0)
    };
    let mut digits = String::new();
    let mut end = pos + 1;
    while let Some(digit) = tokens.get(end).and_then(digit_of) {
        digits.push(char::from(b'0' + digit as u8));
        end += 1;
    }
    if digits.is_empty() {
        let words = continue_words(tokens, pos + 1, 0.0, false, lexicon);
        if words.last <= pos + 1 || words.value >= 100.0 {
            return None;
        }
        digits = format!("{}", words.value as u64);
        end = words.last;
    }
    let decimals: f64 = format!("0.{digits}").parse().ok()?;
    Some((decimals, end))
}

/// A denominator at `pos`: `fifths`, `a third`'s `third`, compound `twenty-firsts`.
/// A numerator above one needs a plural ("two thirds"; "two millionth" is no fraction).
fn denominator_after(
    tokens: &[Token],
    pos: usize,
    numerator: f64,
    lexicon: &Lexicon,
) -> Option<(f64, usize)> {
    let token = tokens.get(pos)?;
    let plural_ok = |token: &Token| {
        let plural = token.lower.ends_with('s') || token.is("halves");
        if numerator > 1.0 {
            plural
        } else {
            !plural
        }
    };
    if let Some(tens) = lexicon
        .cardinals
        .get(token.lower.as_ref())
        .filter(|v| (20.0..100.0).contains(*v) && **v % 10.0 == 0.0)
    {
        let mut unit_idx = pos + 1;
        if tokens.get(unit_idx).is_some_and(|t| t.is("-")) {
            unit_idx += 1;
        }
        let unit_token = tokens.get(unit_idx)?;
        let singular = unit_token
            .lower
            .strip_suffix('s')
            .unwrap_or(&unit_token.lower);
        let unit = lexicon.ordinals.get(singular).filter(|v| **v < 10.0)?;
        return plural_ok(unit_token).then_some((tens + unit, unit_idx + 1));
    }
    let denominator = denominator_of(token, lexicon)?;
    plural_ok(token).then_some((denominator, pos + 1))
}

fn scaled_before(tokens: &[Token], pos: usize) -> bool {
    pos > 0 && tokens[pos - 1].is_number()
}

/// `a half`, `one half`, `a quarter`, `three quarters`, `two thirds` after `and`.
fn is_tens(value: f64) -> bool {
    (20.0..100.0).contains(&value) && value % 10.0 == 0.0
}

/// A unit ordinal (first..ninth, singular or plural) at `pos`, after an optional hyphen: its
/// value, the index after it, and whether it was plural.
fn unit_ordinal_at(tokens: &[Token], pos: usize, lexicon: &Lexicon) -> Option<(f64, usize, bool)> {
    let mut idx = pos;
    if tokens.get(idx).is_some_and(|t| t.is("-")) {
        idx += 1;
    }
    let token = tokens.get(idx)?;
    let lower = token.lower.as_ref();
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    let value = lexicon
        .ordinals
        .get(singular)
        .copied()
        .filter(|v| *v < 10.0)?;
    Some((value, idx + 1, singular.len() < lower.len()))
}

fn and_fraction(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    let numerator_token = tokens.get(idx)?;
    let numerator = if numerator_token.is("a") || numerator_token.is("an") {
        1.0
    } else {
        *lexicon.cardinals.get(numerator_token.lower.as_ref())?
    };
    // "and thirty fifths" continues the whole number (130 fifths), it adds no fraction.
    if numerator >= 10.0 {
        return None;
    }
    let denominator = denominator_of(tokens.get(idx + 1)?, lexicon)?;
    Some((numerator / denominator, idx + 2))
}

pub(super) fn parse_word_numeral(
    tokens: &[Token],
    idx: usize,
    lexicon: &Lexicon,
) -> Option<Numeral> {
    if let Some(numeral) = super::word_forms::parse(tokens, idx, lexicon) {
        return Some(numeral);
    }
    let lower = tokens[idx].lower.as_ref();
    if let Some(numeral) = part_of_a_scale(tokens, idx, lexicon) {
        return Some(numeral);
    }
    if lower == "half" {
        return half(tokens, idx, lexicon);
    }
    if lower == "every" {
        return every_nth(tokens, idx, lexicon);
    }
    let is_article = lower == "a" || lower == "an";
    // A cardinal or an article starting a fraction: "a third", "one-fifth", "two thirds".
    let numerator = if is_article {
        Some(1.0)
    } else {
        lexicon.cardinals.get(lower).copied()
    };
    if let Some(numeral) =
        numerator.and_then(|numerator| word_fraction(tokens, idx, numerator, is_article, lexicon))
    {
        return Some(numeral);
    }
    if numerator == Some(1.0) {
        if let Some(numeral) = one_over_spelled(tokens, idx, lexicon) {
            return Some(numeral);
        }
    }
    if lower == "one" && one_is_a_pronoun(tokens, idx, lexicon) {
        return None;
    }
    if let Some(numeral) = compound_ordinal(tokens, idx, lexicon) {
        return Some(numeral);
    }
    if let Some(ordinal) = lexicon.ordinals.get(lower) {
        return simple_ordinal(tokens, idx, *ordinal);
    }
    cardinal_words(tokens, idx, is_article, lexicon)
}

/// "half a million", "half million", "half" (a fraction, not after "the" or an ordinal).
fn half(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let next = tokens.get(idx + 1);
    let (skip, scale_token) = match next {
        Some(next) if next.is("a") => (2, tokens.get(idx + 2)),
        other => (1, other),
    };
    if let Some(scale) = scale_token.and_then(|t| lexicon.scales.get(t.lower.as_ref())) {
        if *scale >= 1000.0 || *scale == 12.0 {
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
    Some(fraction_numeral(idx, idx + 1, 0.5, 2.0))
}

/// "quarter million", "a quarter-million", "a half-million", "one quarter billion": a half or a
/// quarter of a scale of a thousand or more, an article or "one" before it and a hyphen inside
/// it read with it.
fn part_of_a_scale(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let mut at = idx;
    if matches!(tokens[at].lower.as_ref(), "a" | "an" | "one") {
        at += 1;
    }
    let part = match tokens.get(at)?.lower.as_ref() {
        "quarter" => 0.25,
        "half" => 0.5,
        _ => return None,
    };
    at += 1;
    if tokens.get(at).is_some_and(|token| token.is("-")) {
        at += 1;
    }
    let scale = *lexicon.scales.get(tokens.get(at)?.lower.as_ref())?;
    (scale >= 1000.0).then(|| word_numeral(idx, at + 1, part * scale, part * scale))
}

/// "a third of", "one-fifth", "two thirds", "fell by a third in 2023": a numerator and the
/// denominator after it; after an article only where a fraction reads ("a third country" is an
/// ordinal).
fn word_fraction(
    tokens: &[Token],
    idx: usize,
    numerator: f64,
    is_article: bool,
    lexicon: &Lexicon,
) -> Option<Numeral> {
    let mut denominator_idx = idx + 1;
    if tokens.get(idx + 1).is_some_and(|next| next.is("-")) {
        denominator_idx += 1;
    }
    let (denominator, end) = denominator_after(tokens, denominator_idx, numerator, lexicon)?;
    // "a third country" is an ordinal; "a third of", "a third.", "fell by a third",
    // "a third come from Syria" are fractions.
    const VERBS: &[&str] = &[
        "are", "were", "was", "is", "come", "came", "live", "lived", "have", "had",
    ];
    // After "by", a word that starts a phrase rather than a noun ("fell by a third in
    // 2023", not "by a third party").
    const AFTER_BY: &[&str] = &[
        "in", "on", "from", "since", "to", "compared", "last", "this", "over", "between", "during",
        "after", "and", "but", "while", "year",
    ];
    let after = tokens.get(end);
    let by_before = idx > 0
        && tokens[idx - 1].is("by")
        && after.is_some_and(|after| AFTER_BY.iter().any(|word| after.is(word)));
    // "nearly a quarter", "more than a third", "almost a fifth": a qualifier before the
    // article makes it a share ("nearly a third country" is not written).
    const QUALIFIERS: &[&str] = &[
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "than",
        "over",
    ];
    let qualified = idx > 0 && QUALIFIERS.iter().any(|word| tokens[idx - 1].is(word));
    let fraction_context = !is_article
        || by_before
        || qualified
        || after.is_none_or(|after| {
            after.is("of")
                || after.kind == TokenKind::Punct && !after.is("-")
                || VERBS.iter().any(|verb| after.is(verb))
        });
    fraction_context.then(|| fraction_numeral(idx, end, numerator / denominator, denominator))
}

/// "every fifth deportee is a child": one in that many, a share (1/5). Not "every second day",
/// a frequency, nor "every first".
fn every_nth(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let ordinal = tokens
        .get(idx + 1)
        .and_then(|t| lexicon.ordinals.get(t.lower.as_ref()))
        .copied()
        .filter(|ordinal| (2.0..=100.0).contains(ordinal))?;
    let time = tokens.get(idx + 2).is_some_and(|t| {
        matches!(
            t.lower.as_ref(),
            "day" | "week" | "month" | "year" | "hour" | "minute" | "night" | "time"
        )
    });
    (!time).then(|| fraction_numeral(idx, idx + 2, 1.0 / ordinal, ordinal))
}

/// "one one hundred fifth" (1/105): one over a spelled number ending in a singular ordinal.
fn one_over_spelled(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let next = tokens.get(idx + 1)?;
    if !lexicon.cardinals.contains_key(next.lower.as_ref()) {
        return None;
    }
    let words = continue_words(tokens, idx + 1, 0.0, false, lexicon);
    let mut ordinal_idx = words.last;
    if tokens.get(ordinal_idx).is_some_and(|t| t.is("and")) {
        ordinal_idx += 1;
    }
    let ordinal = tokens
        .get(ordinal_idx)
        .and_then(|t| lexicon.ordinals.get(t.lower.as_ref()))
        .filter(|ordinal| **ordinal < 100.0)?;
    if !(words.value >= 100.0 && words.value % 100.0 == 0.0) {
        return None;
    }
    let denominator = words.value + ordinal;
    Some(fraction_numeral(
        idx,
        ordinal_idx + 1,
        1.0 / denominator,
        denominator,
    ))
}

/// "one" as a pronoun: "the one you mentioned", "which one", "one another".
fn one_is_a_pronoun(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> bool {
    let next = tokens.get(idx + 1);
    let determiner_before = idx > 0
        && matches!(
            tokens[idx - 1].lower.as_ref(),
            "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "any"
                | "another"
                | "no"
                | "only"
                | "last"
                | "next"
        );
    let number_after =
        next.is_some_and(|next| lexicon.scales.contains_key(next.lower.as_ref()) || next.is("-"));
    determiner_before && !number_after || next.is_some_and(|next| next.is("another"))
}

/// Compound ordinals: "twenty-first", "thirty third".
fn compound_ordinal(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> Option<Numeral> {
    let tens = lexicon
        .cardinals
        .get(tokens[idx].lower.as_ref())
        .copied()
        .filter(|v| is_tens(*v))?;
    let Some((unit, end, false)) = unit_ordinal_at(tokens, idx + 1, lexicon) else {
        return None;
    };
    let mut numeral = word_numeral(idx, end, tens + unit, 0.0);
    numeral.kind = NumeralKind::Ordinal;
    Some(numeral)
}

/// An ordinal word below 100 ("sixth"); "second" after a number or "a" is time ("a second").
fn simple_ordinal(tokens: &[Token], idx: usize, ordinal: f64) -> Option<Numeral> {
    if tokens[idx].is("second")
        && idx > 0
        && (tokens[idx - 1].is_number() || tokens[idx - 1].is("a"))
    {
        return None;
    }
    if ordinal >= 100.0 {
        return None;
    }
    let mut numeral = word_numeral(idx, idx + 1, ordinal, 0.0);
    numeral.kind = NumeralKind::Ordinal;
    Some(numeral)
}

/// A cardinal in words ("one hundred and twenty", "a dozen", "a hundred"), with a denominator
/// after it ("twenty-three fifths") or an "in"-fraction ("one in five").
fn cardinal_words(
    tokens: &[Token],
    idx: usize,
    is_article: bool,
    lexicon: &Lexicon,
) -> Option<Numeral> {
    let lower = tokens[idx].lower.as_ref();
    let next = tokens.get(idx + 1);
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
    // "twenty-three fifths", "a hundred trillionths".
    if let Some((denominator, end)) = denominator_after(tokens, words.last, words.value, lexicon) {
        if denominator >= 3.0
            && !tokens
                .get(end)
                .is_some_and(|t| t.is("-") && !t.space_before)
        {
            return Some(fraction_numeral(
                idx,
                end,
                words.value / denominator,
                denominator,
            ));
        }
    }
    fraction_in(tokens, numeral, lexicon)
}

/// `one in five`, `1 in 5`, `two out of three`, `one out of every three`: a fraction when the
/// numerator is smaller.
pub(super) fn fraction_in(
    tokens: &[Token],
    numeral: Numeral,
    lexicon: &Lexicon,
) -> Option<Numeral> {
    if numeral.kind != NumeralKind::Cardinal || numeral.scaled {
        return Some(numeral);
    }
    let Some((idx, over)) = fraction_link(tokens, numeral.last) else {
        return Some(numeral);
    };
    let Some(denominator_token) = tokens.get(idx) else {
        return Some(numeral);
    };
    let (denominator, end) = match denominator_token.kind {
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
    let fits = if over {
        // "one over three" only at a clause's end: "2000 over 3 years" is no fraction.
        let clause_end = tokens
            .get(end)
            .is_none_or(|after| after.kind == TokenKind::Punct);
        clause_end && denominator != 0.0
    } else {
        // A year after "in" ("4 in 2019") is not a denominator.
        !(denominator <= numeral.value || denominator >= 1000.0 && !tokens[idx].is_word())
    };
    if !fits {
        return Some(numeral);
    }
    let mut fraction = numeral;
    fraction.value /= denominator;
    fraction.kind = NumeralKind::Fraction;
    fraction.last = end;
    fraction.step = 1.0 / (denominator * denominator);
    fraction.round_step = fraction.step;
    fraction.plain_digits = false;
    Some(fraction)
}

/// The link after a numerator ending at `last` ("in", "out of", "out of every", "over"): where
/// the denominator starts, and whether the link was "over".
fn fraction_link(tokens: &[Token], last: usize) -> Option<(usize, bool)> {
    let link = tokens.get(last)?;
    if link.is("in") {
        return Some((last + 1, false));
    }
    if link.is("out") && tokens.get(last + 1).is_some_and(|t| t.is("of")) {
        // "two out of every five"
        let every = tokens.get(last + 2).is_some_and(|t| t.is("every"));
        return Some((last + 2 + usize::from(every), false));
    }
    link.is("over").then_some((last + 1, true))
}
