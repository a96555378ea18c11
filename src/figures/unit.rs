//! Turns a numeral into a figure by reading the currency before it and the unit after it, and by
//! typing years, ordinals, fractions and identifiers.

use super::lexicon::{Lexicon, UnitEntry};
use super::numeral::{Numeral, NumeralKind};
use super::token::{Token, TokenKind};
use super::{Draft, Figure, Qualifier, Unit};
use crate::span::Span;

/// The figure for `numeral`, or `None` when it is no figure (an empty span, say).
pub(crate) fn build(
    text: &str,
    tokens: &[Token],
    numeral: &Numeral,
    lexicon: &Lexicon,
) -> Option<Draft> {
    let mut typed = Typed::new(tokens, numeral);
    let quantity = matches!(
        numeral.kind,
        NumeralKind::Cardinal | NumeralKind::Vague { .. } | NumeralKind::Fraction
    );
    if quantity {
        if let Some((code, start)) = currency_before(tokens, typed.first, lexicon) {
            typed.currency = Some(code);
            typed.unit = Unit::Money;
            typed.first = start;
        }
        typed.read_unit_after(tokens, numeral, lexicon);
    }
    typed.retype(tokens, numeral, quantity, lexicon);
    typed.into_draft(text, tokens, numeral)
}

/// A numeral's figure as it is being typed: its tokens `first..last`, value, unit (with
/// currency, measure unit or rate base) and precision.
struct Typed {
    first: usize,
    last: usize,
    value: f64,
    unit: Unit,
    currency: Option<String>,
    measure_unit: Option<String>,
    per: Option<f64>,
    step: f64,
    round_step: f64,
}

impl Typed {
    fn new(tokens: &[Token], numeral: &Numeral) -> Typed {
        let unit = match numeral.kind {
            NumeralKind::Cardinal | NumeralKind::Vague { .. } => Unit::Count,
            NumeralKind::Ordinal => Unit::Ordinal,
            NumeralKind::Fraction => Unit::Fraction,
            NumeralKind::Decade => Unit::Year,
            NumeralKind::Multiplier => Unit::Multiplier,
            // "twice as many" multiplies; "twice a year", "at least once" count occasions.
            NumeralKind::Times if compares(tokens, numeral.last) => Unit::Multiplier,
            NumeralKind::Times => Unit::Count,
        };
        Typed {
            first: numeral.first,
            last: numeral.last,
            value: numeral.value,
            unit,
            currency: None,
            measure_unit: None,
            per: None,
            step: numeral.step,
            round_step: numeral.round_step,
        }
    }

    /// The unit written after the number (percent, a currency, a duration, a measure, a rate
    /// base), and a pace ("52 people per day").
    fn read_unit_after(&mut self, tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) {
        // Units follow digit fractions ("1/4 inch", "½ tbsp"), not word ones ("half of").
        let unit_allowed = numeral.kind != NumeralKind::Fraction || !numeral.words;
        if !unit_allowed {
            return;
        }
        if self.currency.is_none() {
            self.read_currency_symbol_after(tokens, lexicon);
        }
        let unit_entry = unit_after(tokens, self.last, lexicon).filter(|(entry, _)| {
            // After a currency only rates and currency words follow: `$ 48 "` is no inches.
            self.currency.is_none()
                || matches!(entry, UnitEntry::Rate(_) | UnitEntry::Currency { .. })
        });
        // "per hundred thousand people": a scale word after a rate's own base multiplies it.
        let unit_entry = unit_entry.map(|(entry, end)| match entry {
            UnitEntry::Rate(base) => {
                let (base, end) = scaled_base(tokens, base, end, lexicon);
                (UnitEntry::Rate(base), end)
            }
            other => (other, end),
        });
        if let Some((entry, end)) = unit_entry {
            let skipped = matches!(entry, UnitEntry::Duration(_))
                && no_duration(tokens, numeral, end, lexicon);
            if !skipped {
                self.take_unit(entry, tokens, end, numeral);
            }
            // A skipped word or a count's "times" ("entered 48,381 times") is not the figure's.
            let times = matches!(self.unit, Unit::Count) && last_is_times(tokens, end);
            if !(skipped || times) {
                self.last = end;
            }
        }
        self.read_rate_after(tokens, lexicon);
    }

    /// A currency symbol after the number: "10 $", "100 ₡" (not one before another number).
    fn read_currency_symbol_after(&mut self, tokens: &[Token], lexicon: &Lexicon) {
        let Some((code, end)) = lexicon.currency_before.match_at(tokens, self.last) else {
            return;
        };
        let symbol = tokens[self.last].kind == TokenKind::Punct;
        if symbol && tokens.get(end).is_none_or(|next| !next.is_number()) {
            self.currency = Some(code);
            self.unit = Unit::Money;
            self.last = end;
        }
    }

    /// Types the figure by the unit `entry` read after it (ending at token `end`): percent,
    /// percentage points, a multiplier, an age, a duration, a measure (pounds after money are
    /// sterling), a rate base or a currency word (a minor one, "cents", divides by 100).
    fn take_unit(&mut self, entry: UnitEntry, tokens: &[Token], end: usize, numeral: &Numeral) {
        let scaled_money = numeral.scaled || self.currency.is_some();
        match entry {
            UnitEntry::Percent => self.unit = Unit::Percent,
            UnitEntry::PercentagePoints => self.unit = Unit::PercentagePoints,
            // "10 times more" is a multiplier; "entered 48,381 times" counts occasions. A
            // "-fold" is always one ("a five-fold increase").
            UnitEntry::Multiplier
                if !is_multiplier(tokens, numeral.first, end, self.value)
                    && tokens[..end]
                        .last()
                        .is_none_or(|token| token.lower.as_ref() != "fold") => {}
            UnitEntry::Multiplier => self.unit = Unit::Multiplier,
            UnitEntry::Age => self.unit = Unit::Age,
            UnitEntry::Duration(symbol) => {
                self.unit = Unit::Duration;
                self.measure_unit = Some(symbol);
            }
            UnitEntry::Measure(symbol) if symbol == "lb" && scaled_money => {
                self.unit = Unit::Money;
                self.currency = Some("GBP".to_string());
            }
            UnitEntry::Measure(symbol) => {
                self.unit = Unit::Measure;
                self.measure_unit = Some(symbol);
            }
            UnitEntry::Rate(base) => {
                if self.unit != Unit::Money {
                    self.unit = Unit::Rate;
                }
                self.per = Some(base);
            }
            UnitEntry::Currency { code, minor } => {
                self.unit = Unit::Money;
                if minor {
                    self.value /= 100.0;
                    self.step /= 100.0;
                    self.round_step /= 100.0;
                }
                self.currency = Some(code);
            }
        }
    }

    /// A rate base after the figure ("per 100,000") makes a count a rate; a count followed by
    /// a short time ("52 people per day", "2,000 a week") is a pace, never a period's count.
    fn read_rate_after(&mut self, tokens: &[Token], lexicon: &Lexicon) {
        if let Some((base, end)) = rate_after(tokens, self.last, lexicon) {
            if self.unit == Unit::Count {
                self.unit = Unit::Rate;
            }
            self.per = Some(base);
            if matches!(self.unit, Unit::Rate | Unit::Money) {
                self.last = end;
            }
        } else if self.unit == Unit::Count
            && (per_short_time_after(tokens, self.first, self.last)
                || daily_around(tokens, self.first, self.last))
        {
            self.unit = Unit::Rate;
        }
    }

    /// A count that is a fertility rate, an age, a year, an identifier or part of a name.
    fn retype(&mut self, tokens: &[Token], numeral: &Numeral, quantity: bool, lexicon: &Lexicon) {
        // "The birth rate for women in Mexico has dropped to 2.2 children", "a fertility rate of
        // 1.7": children per woman, however the sentence words it.
        // The children stay what the figure counts (`counts`); the figure is their rate per woman.
        if self.unit == Unit::Count && self.value < 10.0 && quantity {
            let at = |idx: usize| tokens.get(idx);
            let children = at(self.last).is_some_and(|next| {
                ["children", "child", "births", "babies", "kids"]
                    .iter()
                    .any(|word| next.is(word))
            });
            let per_woman = children
                && at(self.last + 1).is_some_and(|t| t.is("per"))
                && at(self.last + 2).is_some_and(|t| t.is("woman") || t.is("women"));
            let bare = at(self.last).is_none_or(|next| !next.is_word());
            if per_woman || ((children || bare) && fertility_before(tokens, self.first)) {
                self.unit = Unit::Rate;
                self.per = Some(1.0);
            }
        }
        // Ages written before the number: "aged 15", "age 40", "ages 18-39", "median age being 39".
        let age_word = |token: &Token| token.is("aged") || token.is("age") || token.is("ages");
        let age_before = self.first > 0 && age_word(&tokens[self.first - 1])
            || self.first > 1
                && age_word(&tokens[self.first - 2])
                && matches!(
                    tokens[self.first - 1].lower.as_ref(),
                    "being" | "is" | "was" | "of" | "at"
                );
        if self.unit == Unit::Count && age_before {
            self.unit = Unit::Age;
        }
        if self.unit == Unit::Count && numeral.kind == NumeralKind::Cardinal {
            if let Some(year_first) = year_start(tokens, numeral, lexicon) {
                self.unit = Unit::Year;
                self.first = year_first;
                self.step = 0.0;
                self.round_step = 0.0;
            } else if is_identifier(tokens, numeral) || is_name_part(tokens, numeral) {
                self.unit = Unit::Other;
            } else if is_hyphen_adjective(tokens, numeral, self.last)
                && (numeral.words || self.value < LARGE_COMPOUND)
            {
                // "one-child policy": a number inside a compound adjective counts nothing; a
                // large one in digits still counts ("the 41,500-bed limit", "a 20,000-strong
                // workforce").
                self.unit = Unit::Other;
            }
        }
    }

    fn into_draft(self, text: &str, tokens: &[Token], numeral: &Numeral) -> Option<Draft> {
        let span = Span::new(
            tokens[self.first].span.start,
            tokens[self.last - 1].span.end,
        );
        let figure = Figure {
            span,
            text: span.slice(text)?.to_string(),
            value: self.value,
            unit: self.unit,
            per: self.per,
            currency: self.currency,
            measure_unit: self.measure_unit,
            qualifier: Qualifier::Exact,
            low: None,
            high: None,
            range: None,
            counts: None,
            counts_span: None,
            period: None,
            places: Vec::new(),
        };
        let vague = match numeral.kind {
            NumeralKind::Vague { low, high } => Some((low, high)),
            _ => None,
        };
        Some(Draft {
            figure,
            first: self.first,
            last: self.last,
            lead: self.first,
            tail: self.last,
            step: self.step,
            round_step: self.round_step,
            scale: numeral.scale,
            vague,
            change_ends: None,
        })
    }
}

/// Whether `times` (ending at `end`) multiplies: a small number before a comparison or the
/// clause's end ("10 times more", "doubled to 3 times").
fn is_multiplier(tokens: &[Token], first: usize, end: usize, value: f64) -> bool {
    let comparison = tokens.get(end).is_none_or(|next| {
        next.kind == TokenKind::Punct
            || is_comparison_word(next.lower.as_ref())
            || matches!(next.lower.as_ref(), "over" | "compared" | "than")
    });
    // "spiked by nearly three times from 352,305 to 1,040,985", "grew five times": a change
    // verb before the number (its "by" and a qualifier between) multiplies; "entered 48,381
    // times" counts occasions.
    const CHANGE_VERBS: &[&str] = &[
        "rose",
        "increase",
        "rise",
        "growth",
        "jump",
        "surge",
        "risen",
        "increased",
        "grew",
        "grown",
        "jumped",
        "surged",
        "soared",
        "spiked",
        "climbed",
        "multiplied",
        "swelled",
        "expanded",
        "fell",
        "dropped",
        "decreased",
        "declined",
        "shrank",
    ];
    let changed = tokens[first.saturating_sub(4)..first]
        .iter()
        .any(|token| CHANGE_VERBS.contains(&token.lower.as_ref()));
    // "from Poland and Korea by almost two times": a change's "by", a qualifier at most
    // between, shared with a change verb earlier in the list.
    let by = tokens[first.saturating_sub(2)..first]
        .iter()
        .any(|token| token.lower.as_ref() == "by");
    value < 1000.0 && (comparison || changed || by)
}

/// Whether a comparison follows a multiplying adverb: "twice as many", "twice the number",
/// "twice more", "three times their share".
fn compares(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|next| {
        let word = next.lower.as_ref();
        is_comparison_word(word) || matches!(word, "its" | "their" | "his" | "her" | "our")
    })
}

/// A word that carries a comparison on from a multiplier or fraction: a comparative ("more",
/// "likelier", "worse") or the word that opens what is compared ("as", "the", "that", "what").
fn is_comparison_word(word: &str) -> bool {
    matches!(
        word,
        "as" | "the"
            | "that"
            | "what"
            | "more"
            | "less"
            | "fewer"
            | "higher"
            | "lower"
            | "larger"
            | "greater"
            | "bigger"
            | "smaller"
            | "likely"
            | "likelier"
            | "faster"
            | "slower"
            | "longer"
            | "worse"
            | "better"
    )
}

fn last_is_times(tokens: &[Token], end: usize) -> bool {
    end.checked_sub(1)
        .and_then(|idx| tokens.get(idx))
        .is_some_and(|token| token.is("times"))
}

/// The currency written before the number at `first`: `$20`, `US$ 5`, `€ 2 million`, `C$ 1.34`.
/// A one-letter prefix spaced from `$` must be upper case, so "a $48.2 million" is dollars.
fn currency_before(tokens: &[Token], first: usize, lexicon: &Lexicon) -> Option<(String, usize)> {
    let (code, start) = lexicon.currency_before.match_before(tokens, first)?;
    let prefix = &tokens[start];
    if !letter_prefix_is_money(tokens, start, first, lexicon) {
        return None;
    }
    let glued_to_word =
        prefix.is_word() && start > 0 && !prefix.space_before && tokens[start - 1].is_word();
    // "a $5 fee", "music's $ 500 million man": a word or a possessive "s", not "C $".
    let spaced_letter = matches!(prefix.text, "a" | "i" | "s")
        && tokens.get(start + 1).is_some_and(|next| next.space_before);
    if !(glued_to_word || spaced_letter) {
        return Some((code, start));
    }
    // Fall back to the symbol alone.
    let symbol = first.checked_sub(1)?;
    let (code, end) = lexicon.currency_before.match_at(tokens, symbol)?;
    (end == first).then_some((code, symbol))
}

/// A one-letter currency prefix ("R2 670", "R300m" for rand) is money only glued to a number of
/// three digits or more, or to one a scale follows: "Road R2", "Form R 40" are names.
fn letter_prefix_is_money(tokens: &[Token], start: usize, first: usize, lexicon: &Lexicon) -> bool {
    let prefix = &tokens[start];
    let one_letter = start + 1 == first && prefix.is_word() && prefix.text.chars().count() == 1;
    if !one_letter {
        return true;
    }
    let number = &tokens[first];
    let digits = number.text.chars().filter(char::is_ascii_digit).count();
    let scaled = tokens.get(first + 1).is_some_and(|next| {
        lexicon.scales.contains_key(next.lower.as_ref())
            || (!next.space_before && lexicon.suffixes.contains_key(next.text))
    });
    !number.space_before && (digits >= 3 || scaled)
}

/// A duration word after a number that is no duration: "up by 65,000 year on year" (a change
/// over the year), "in the October 2023 year" (a year ending in October).
fn no_duration(tokens: &[Token], numeral: &Numeral, end: usize, lexicon: &Lexicon) -> bool {
    let Some(word) = end.checked_sub(1).and_then(|idx| tokens.get(idx)) else {
        return false;
    };
    let at = |idx: usize| tokens.get(idx).map(|token| token.lower.as_ref());
    let on_the_same = (at(end) == Some("on") && at(end + 1) == Some(word.lower.as_ref()))
        || (at(end) == Some("-")
            && at(end + 1) == Some("on")
            && at(end + 2) == Some("-")
            && at(end + 3) == Some(word.lower.as_ref()));
    let month_year = numeral.plain_digits
        && (1900.0..2100.0).contains(&numeral.value)
        && numeral
            .first
            .checked_sub(1)
            .and_then(|idx| tokens.get(idx))
            .is_some_and(|month| lexicon.months.contains(month.lower.as_ref()));
    on_the_same || month_year
}

/// The unit written after tokens `..last`: directly, or after a glued hyphen ("90-day"), with
/// compound parts glued on ("km s−1", "kg/cm³", "km^2").
fn unit_after(tokens: &[Token], last: usize, lexicon: &Lexicon) -> Option<(UnitEntry, usize)> {
    let (entry, end) = simple_unit_after(tokens, last, lexicon)?;
    // "12,776 F-1 visas", "85,000 H-1B visas", "3,000 J-1 visas": a capital letter glued to a
    // hyphen and a number is a code (a visa class), not a unit with an exponent.
    let capital_code = end == last + 1
        && tokens[last].text.chars().count() <= 2
        && tokens[last].text.chars().all(|ch| ch.is_ascii_uppercase())
        && tokens
            .get(end)
            .is_some_and(|next| (next.is("-") || next.is("−")) && !next.space_before)
        && tokens
            .get(end + 1)
            .is_some_and(|next| next.is_number() && !next.space_before);
    if capital_code {
        return None;
    }
    if !matches!(entry, UnitEntry::Measure(_) | UnitEntry::Duration(_)) {
        return Some((entry, end));
    }
    let mut end = end;
    // At most a few compound parts, so this stays linear.
    for _ in 0..4 {
        match compound_part_end(tokens, end, lexicon) {
            Some(after) => end = after,
            None => break,
        }
    }
    Some((entry, end))
}

/// Where a compound part of a measure's unit at `end` ends: a glued exponent ("km^2", "m-2"),
/// a glued "/" and unit ("kg/cm³"), or a spaced unit carrying an exponent ("km s−1", "mW m−2").
fn compound_part_end(tokens: &[Token], end: usize, lexicon: &Lexicon) -> Option<usize> {
    let next = tokens.get(end)?;
    if !next.space_before && (next.is("^") || next.is("-") || next.is("−")) {
        return exponent_end(tokens, end)
            .filter(|_| next.is("^") || tokens.get(end + 1).is_some_and(|t| t.is_number()));
    }
    if next.is("/") && !next.space_before {
        return match lexicon.units.match_at(tokens, end + 1) {
            Some((_, after)) if !tokens[end + 1].space_before => Some(after),
            _ => None,
        };
    }
    let Some((UnitEntry::Measure(_) | UnitEntry::Duration(_), after)) =
        lexicon.units.match_at(tokens, end)
    else {
        return None;
    };
    let after_exponent = exponent_end(tokens, after)?;
    (tokens[after].is("-") || tokens[after].is("−")).then_some(after_exponent)
}

/// Where a one-digit exponent glued at `idx` ends: "^2", "-2", "^-1", "−1".
fn exponent_end(tokens: &[Token], idx: usize) -> Option<usize> {
    let mut idx = idx;
    if tokens
        .get(idx)
        .is_some_and(|t| t.is("^") && !t.space_before)
    {
        idx += 1;
    }
    if tokens
        .get(idx)
        .is_some_and(|t| (t.is("-") || t.is("−")) && !t.space_before)
    {
        idx += 1;
    }
    tokens
        .get(idx)
        .filter(|t| t.is_number() && !t.space_before && t.text.len() == 1)
        .map(|_| idx + 1)
}

fn simple_unit_after(
    tokens: &[Token],
    last: usize,
    lexicon: &Lexicon,
) -> Option<(UnitEntry, usize)> {
    if let Some(found) = lexicon.units.match_at(tokens, last) {
        if unit_word_fits(tokens, last, found.1) && !is_closing_quote(tokens, last, found.1) {
            return Some(found);
        }
    }
    let hyphen = tokens.get(last)?;
    if hyphen.is("-")
        && !hyphen.space_before
        && tokens.get(last + 1).is_some_and(|t| !t.space_before)
    {
        let found = lexicon.units.match_at(tokens, last + 1)?;
        if unit_word_fits(tokens, last + 1, found.1) {
            return Some(found);
        }
    }
    None
}

/// A `"` after a number closes a quotation ("English 101\"") when a `"` opened it shortly before.
fn is_closing_quote(tokens: &[Token], start: usize, end: usize) -> bool {
    end == start + 1
        && tokens[start].is("\"")
        && tokens[start.saturating_sub(12)..start]
            .iter()
            .any(|token| token.is("\""))
}

/// A unit phrase must end at a word boundary: "5 m" is metres but "5 men" is not.
fn unit_word_fits(tokens: &[Token], start: usize, end: usize) -> bool {
    let Some(last_token) = end.checked_sub(1).and_then(|idx| tokens.get(idx)) else {
        return false;
    };
    let next_glued_word = tokens
        .get(end)
        .is_some_and(|next| !next.space_before && next.is_word() && last_token.is_word());
    // Some one-letter symbols after a space are ambiguous with words or initials ("3 s", "1 t",
    // "40 C"); accept those only when glued or followed by punctuation or the end.
    let short_spaced = tokens[start].is_word()
        && matches!(
            tokens[start].text,
            "s" | "t" | "h" | "l" | "C" | "F" | "p" | "b"
        )
        && tokens[start].space_before
        && end == start + 1
        && tokens.get(end).is_some_and(|next| next.is_word());
    !next_glued_word && !short_spaced
}

/// `per capita`, `per million`, `per 100,000` after the figure, or after the few words it
/// counts ("1,973 first-time asylum applicants per million people", "5.63 convictions or
/// charges per individual"). The end returned is the figure's own end when words sit between.
fn rate_after(tokens: &[Token], last: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    /// Words the counted noun phrase may take between the figure and "per".
    const MAX_COUNTED_WORDS: usize = 5;
    if let Some(found) = rate_at(tokens, last, lexicon) {
        return Some(found);
    }
    let mut idx = last;
    while idx < tokens.len() && idx - last <= MAX_COUNTED_WORDS {
        let token = &tokens[idx];
        if token.is("per") {
            return rate_at(tokens, idx, lexicon).map(|(base, _)| (base, last));
        }
        // Running text only: lowercase words ("first-time asylum applicants"), not a table's
        // title-case header ("2023 Rate of Travel to Ecuador per Million").
        let joins = token.kind == TokenKind::Punct && token.text == "-";
        let lowercase_word = token.is_word() && token.text.chars().all(|c| !c.is_uppercase());
        if !(lowercase_word || joins) || lexicon.scales.contains_key(token.lower.as_ref()) {
            return None;
        }
        idx += 1;
    }
    None
}

/// A rate base multiplied by the scale words from token `end` on ("per hundred thousand"), and
/// the token after them.
fn scaled_base(tokens: &[Token], mut base: f64, mut end: usize, lexicon: &Lexicon) -> (f64, usize) {
    while let Some(scale) = tokens
        .get(end)
        .and_then(|t| lexicon.scales.get(t.lower.as_ref()))
    {
        base *= scale;
        end += 1;
    }
    (base, end)
}

/// The rate base of a `per …` phrase starting at token `at`, and the token after it.
pub(super) fn rate_at(tokens: &[Token], at: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    // "per hundred thousand people": a scale word after the unit's own base multiplies it.
    if let Some((UnitEntry::Rate(base), end)) = lexicon.units.match_at(tokens, at) {
        return Some(scaled_base(tokens, base, end, lexicon));
    }
    if !tokens.get(at)?.is("per") {
        return None;
    }
    let last = at;
    let base_token = tokens.get(last + 1)?;
    // "per one hundred thousand people".
    let word_base = match base_token.lower.as_ref() {
        "one" | "a" => Some(1.0),
        "ten" => Some(10.0),
        _ => None,
    };
    if base_token.kind != TokenKind::Number && word_base.is_none() {
        return None;
    }
    let base = match word_base {
        Some(base) => base,
        None => super::token::parse_digits(base_token.text)?,
    };
    let (base, end) = scaled_base(tokens, base, last + 2, lexicon);
    // "per one" alone is no base.
    if word_base.is_some() && end == last + 2 {
        return None;
    }
    Some((base, end))
}

/// "fertility" or "birth rate" among the words of the sentence before the figure (both ends of
/// "dropped to 2.2 children, from 6.5 children" must read alike).
fn fertility_before(tokens: &[Token], first: usize) -> bool {
    const WINDOW_TOKENS: usize = 30;
    let window = &tokens[first.saturating_sub(WINDOW_TOKENS)..first];
    window.iter().enumerate().any(|(idx, token)| {
        token.is("fertility")
            || token.is("birthrate")
            || (token.is("birth") && window.get(idx + 1).is_some_and(|next| next.is("rate")))
    })
}

/// "people per day", "a week", "migrants each day", "migrants arrive each day", "daily
/// apprehensions" after a number: a count per day or week ("a week ago" dates the count). A
/// month or a year is a pace after "per", "each" or "every" ("nearly 38,000 returning each
/// month"), and after "a" when an average comes right before the figure ("averaged about 30,000
/// a year from 2004 to 2013"); else "50,000 a year" is left a count of that span.
fn per_short_time_after(tokens: &[Token], first: usize, last: usize) -> bool {
    /// Words before the figure its "average" may be ("This averaged about 30,000").
    const AVERAGE_BEFORE: usize = 3;
    let link = |token: Option<&Token>| {
        token.is_some_and(|t| t.is("per") || t.is("a") || t.is("each") || t.is("every"))
    };
    let averaged = tokens[first.saturating_sub(AVERAGE_BEFORE)..first]
        .iter()
        .any(|t| t.lower.starts_with("averag"));
    let short = |t: &Token| t.is("day") || t.is("week") || t.is("hour") || t.is("night");
    let long = |t: &Token| t.is("month") || t.is("year");
    let time = |link: Option<&Token>, token: Option<&Token>| {
        token.is_some_and(|t| {
            short(t) || long(t) && (averaged || link.is_some_and(|link| !link.is("a")))
        })
    };
    let at = |idx: usize| tokens.get(idx);
    // "5,000 people a week ago" dates the count; it is no pace.
    let dated = |idx: usize| {
        at(idx).is_some_and(|t| {
            t.is("ago") || t.is("earlier") || t.is("later") || t.is("before") || t.is("prior")
        })
    };
    // "averaged 9,773 daily apprehensions".
    let daily = at(last).is_some_and(|t| t.is("daily") || t.is("weekly") || t.is("nightly"))
        && at(last + 1).is_some_and(Token::is_word);
    /// Words between the number and its "each day" ("630 people crossing the Adre border each
    /// day", "600 people are still coming in every day").
    const MAX_WORDS: usize = 6;
    // "1,295 arriving in a day" counts one day; it is no pace ("coming in every day" is).
    let one_span = |idx: usize| {
        idx > last
            && at(idx).is_some_and(|t| t.is("a"))
            && at(idx - 1).is_some_and(|t| {
                t.is("in") || t.is("on") || t.is("within") || t.is("for") || t.is("during")
            })
    };
    let pace_at = |idx: usize| {
        link(at(idx)) && time(at(idx), at(idx + 1)) && !dated(idx + 2) && !one_span(idx)
    };
    // The link after at most `MAX_WORDS` plain words ("migrants arrive each day").
    daily
        || pace_at(last)
        || (last..tokens.len().min(last + MAX_WORDS + 1))
            .take_while(|idx| at(*idx).is_some_and(|t| t.is_word()))
            .any(|idx| pace_at(idx + 1) && !link(at(idx)))
}

/// "daily arrests reach 2,500", "an average of 600 people to cross the border daily": "daily"
/// or "weekly" a few words before the number, or closing its clause a few words after it, with
/// no punctuation or other number between, makes the count a pace.
fn daily_around(tokens: &[Token], first: usize, last: usize) -> bool {
    /// Words between "daily" and the number before it ("daily arrests reach 2,500").
    const BEFORE: usize = 3;
    /// Words between the number and a "daily" closing its clause.
    const AFTER: usize = 7;
    let pace = |token: &Token| token.is("daily") || token.is("weekly");
    let before = tokens[first.saturating_sub(BEFORE + 1)..first]
        .iter()
        .rev()
        .take_while(|token| token.is_word())
        .any(pace);
    let after = tokens[last..tokens.len().min(last + AFTER + 1)]
        .iter()
        .take_while(|token| token.is_word())
        .position(pace)
        .is_some_and(|at| {
            // An adverb, not "the daily newspaper": punctuation, the sentence's end or a
            // preposition right after it.
            const PREPOSITIONS: &[&str] = &[
                "in", "on", "at", "from", "to", "into", "across", "through", "for", "since",
                "until", "during", "over",
            ];
            tokens.get(last + at + 1).is_none_or(|next| {
                next.kind == TokenKind::Punct || PREPOSITIONS.contains(&next.lower.as_ref())
            })
        });
    before || after
}

/// Whether a four-digit number is a year, and where its text starts (`FY2024` includes `FY`).
fn year_start(tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) -> Option<usize> {
    let token = &tokens[numeral.first];
    if !numeral.plain_digits || token.text.len() != 4 || !(1000.0..=2100.0).contains(&numeral.value)
    {
        return None;
    }
    let glued_before = numeral
        .first
        .checked_sub(1)
        .map(|idx| &tokens[idx])
        .filter(|_| !token.space_before);
    if let Some(before) = glued_before {
        if before.is("fy") || before.is("cy") {
            return Some(numeral.first - 1);
        }
        // "Region2023": a year glued to a long word (a flattened table header) is still a year.
        if before.is_word() && (before.text.chars().count() < 4 || numeral.value < 1900.0) {
            return None;
        }
    }
    if is_possessive_year(tokens, numeral) {
        return Some(numeral.first);
    }
    if is_bound(tokens, numeral, lexicon) || counts_a_plural(tokens, numeral, lexicon) {
        return None;
    }
    Some(numeral.first)
}

/// "2021's total", "2022’s record": a possessive is a year's (above 1900, so "1000's" of people
/// stays a quantity).
fn is_possessive_year(tokens: &[Token], numeral: &Numeral) -> bool {
    let possessive = tokens.get(numeral.last).is_some_and(|next| {
        !next.space_before
            && (next.text == "'s"
                || next.text == "’s"
                || ((next.text == "'" || next.text == "’")
                    && tokens
                        .get(numeral.last + 1)
                        .is_some_and(|s| !s.space_before && s.lower.as_ref() == "s")))
    });
    possessive && numeral.value >= 1900.0
}

/// "more than 2000", "above 1000": a bound is a quantity, not a year; but "a 25% increase over
/// 2022" compares with a year (a change word right before "over", nothing counted after), and so
/// does "the highest level since at least 2000" (a bound of time after "since" or "until").
fn is_bound(tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) -> bool {
    let Some((_, qualifier_at)) = lexicon
        .qualifiers_before
        .match_before(tokens, numeral.first)
    else {
        return false;
    };
    let nothing_counted_after = || {
        !tokens
            .get(numeral.last)
            .is_some_and(|next| next.is_word() && next.space_before)
    };
    let bound_of_time = qualifier_at
        .checked_sub(1)
        .is_some_and(|at| tokens[at].is("since") || tokens[at].is("until"))
        && numeral.value >= 1900.0
        && nothing_counted_after();
    if bound_of_time {
        return false;
    }
    let over_a_change = tokens[qualifier_at].is("over")
        && qualifier_at + 1 == numeral.first
        && numeral.value >= 1900.0
        && lexicon.changes.match_before(tokens, qualifier_at).is_some()
        && nothing_counted_after();
    !over_a_change
}

/// "2000 migrants": a round or early number before a plural noun is a count, unless a period
/// word comes before ("in 2000 migrants ...").
fn counts_a_plural(tokens: &[Token], numeral: &Numeral, lexicon: &Lexicon) -> bool {
    let plural_noun_follows = tokens.get(numeral.last).is_some_and(|next| {
        next.is_word()
            && next.space_before
            && !next.is_capitalised()
            && next.lower.len() > 3
            && next.lower.ends_with('s')
            && !lexicon.counts_stop_words.contains(next.lower.as_ref())
    });
    let before = numeral.first.checked_sub(1).map(|idx| &tokens[idx]);
    let period_before = before.is_some_and(|before| {
        lexicon
            .period_cues
            .match_before(tokens, numeral.first)
            .is_some()
            || lexicon.months.contains(before.lower.as_ref())
            || before.is("-")
            || before.is("the")
            || before.is("and")
            || before.is(",")
    });
    plural_noun_follows
        && !period_before
        && (numeral.value % 100.0 == 0.0 || numeral.value < 1900.0)
}

/// Codes and names with digits: `COVID-19`, `H1N1`, `F-35`, `G7`, `3D`, `5G`.
fn is_identifier(tokens: &[Token], numeral: &Numeral) -> bool {
    let first = &tokens[numeral.first];
    let after = tokens.get(numeral.last);
    let glued_letters_after = after.is_some_and(|after| after.is_word() && !after.space_before);
    let before = numeral.first.checked_sub(1).map(|idx| &tokens[idx]);
    let glued_code_before = before.is_some_and(|before| {
        !first.space_before
            && (before.is_word()
                && (before.text.len() <= 3 || before.text.chars().all(|ch| ch.is_uppercase()))
                || before.is("-")
                    && numeral.first >= 2
                    && !before.space_before
                    && tokens[numeral.first - 2].is_word()
                    && tokens[numeral.first - 2].is_capitalised())
    });
    glued_letters_after || glued_code_before
}

/// A capitalised number word inside a name: after a capitalised word ("Priority Two", "Apollo
/// Eleven"), or mid-sentence before one ("Italy's Five Star Movement").
fn is_name_part(tokens: &[Token], numeral: &Numeral) -> bool {
    let first = &tokens[numeral.first];
    if !numeral.words || !first.is_capitalised() {
        return false;
    }
    let after_name = numeral.first.checked_sub(1).is_some_and(|idx| {
        tokens[idx].is_word()
            && tokens[idx].is_capitalised()
            && idx > 0
            && tokens[idx - 1].is_word()
    });
    // Mid-sentence: after a word, or the "s" of a possessive; not after an opening quote.
    let mid_sentence = numeral
        .first
        .checked_sub(1)
        .is_some_and(|idx| tokens[idx].is_word());
    let name_after = tokens
        .get(numeral.last)
        .is_some_and(|next| next.space_before && next.is_word() && next.is_capitalised());
    after_name || mid_sentence && name_after
}

/// `one-child`, `two-state`: a number glued by a hyphen to a following word that is no unit.
/// The smallest number in digits a compound adjective still counts with ("a 1,000-bed camp").
const LARGE_COMPOUND: f64 = 1000.0;

fn is_hyphen_adjective(tokens: &[Token], numeral: &Numeral, last: usize) -> bool {
    last == numeral.last
        && tokens
            .get(last)
            .is_some_and(|t| t.is("-") && !t.space_before)
        && tokens
            .get(last + 1)
            .is_some_and(|t| t.is_word() && !t.space_before)
}

#[cfg(test)]
mod tests {
    use super::super::annotate;
    use super::super::Unit;

    /// Checks `text`'s figures as `(text, value, unit, currency or measure unit)`.
    fn check(text: &str, expect: &[(&str, f64, Unit, Option<&str>)]) {
        let figures = annotate(text);
        let got: Vec<(&str, f64, Unit, Option<&str>)> = figures
            .iter()
            .map(|figure| {
                let detail = figure
                    .currency
                    .as_deref()
                    .or(figure.measure_unit.as_deref());
                (figure.text.as_str(), figure.value, figure.unit, detail)
            })
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn a_bound_of_time_after_since_or_until_is_a_year() {
        check(
            "the highest level since at least 2000.",
            &[("2000", 2000.0, Unit::Year, None)],
        );
        check(
            "a ban until at least 2030, officials said",
            &[("2030", 2030.0, Unit::Year, None)],
        );
        // A bound with something counted after it is still a quantity.
        check(
            "more than 2000 migrants",
            &[("more than 2000", 2000.0, Unit::Count, None)],
        );
    }

    #[test]
    fn money() {
        check(
            "US$13,245",
            &[("US$13,245", 13245.0, Unit::Money, Some("USD"))],
        );
        check(
            "US$5 billion",
            &[("US$5 billion", 5e9, Unit::Money, Some("USD"))],
        );
        check("$20,000", &[("$20,000", 20000.0, Unit::Money, Some("USD"))]);
        check(
            "20 million pounds",
            &[("20 million pounds", 2e7, Unit::Money, Some("GBP"))],
        );
        check("50 cents", &[("50 cents", 0.5, Unit::Money, Some("USD"))]);
        check("€2m", &[("€2m", 2e6, Unit::Money, Some("EUR"))]);
    }

    #[test]
    fn rand_spaced_thousands_and_spanish_scales() {
        check(
            "R2 670 per deportation",
            &[("R2 670", 2670.0, Unit::Money, Some("ZAR"))],
        );
        check("R300m", &[("R300m", 3e8, Unit::Money, Some("ZAR"))]);
        check(
            "5 201 millones de dólares",
            &[(
                "5 201 millones de dólares",
                5.201e9,
                Unit::Money,
                Some("USD"),
            )],
        );
        check("250pc growth", &[("250pc", 250.0, Unit::Percent, None)]);
        check(
            "2.0 por ciento",
            &[("2.0 por ciento", 2.0, Unit::Percent, None)],
        );
        // A capital R spaced from the number, or glued to a small one, is a name.
        for text in ["Road R2 is closed", "Form R 40 is due"] {
            let figures = annotate(text);
            assert!(
                figures.iter().all(|figure| figure.unit != Unit::Money),
                "{text}: {figures:?}"
            );
        }
    }

    #[test]
    fn units() {
        check("71 percent", &[("71 percent", 71.0, Unit::Percent, None)]);
        check("12 per cent", &[("12 per cent", 12.0, Unit::Percent, None)]);
        check(
            "a 90-day visa",
            &[("90-day", 90.0, Unit::Duration, Some("day"))],
        );
        check(
            "a 30-mile-wide strip",
            &[("30-mile", 30.0, Unit::Measure, Some("mi"))],
        );
        check("the one-child policy", &[("one", 1.0, Unit::Other, None)]);
        check(
            "far above the 41,500-bed limit",
            &[("41,500", 41500.0, Unit::Count, None)],
        );
        check("a 3-point plan", &[("3", 3.0, Unit::Other, None)]);
        check("ages 18-39", &[("18-39", 18.0, Unit::Age, None)]);
        check(
            "their median age being 39",
            &[("39", 39.0, Unit::Age, None)],
        );
        check(
            "Italy’s Five Star Movement",
            &[("Five", 5.0, Unit::Other, None)],
        );
        check("“Four reasons why", &[("Four", 4.0, Unit::Count, None)]);
        check(
            "10 times more",
            &[("10 times", 10.0, Unit::Multiplier, None)],
        );
        // After a change verb "times" multiplies; after another verb it counts occasions.
        check(
            "permits spiked by nearly three times from 352,305",
            &[
                ("nearly three times", 3.0, Unit::Multiplier, None),
                ("352,305", 352_305.0, Unit::Count, None),
            ],
        );
        // A minus sign between two numbers joins a range; before one alone it is a sign.
        check(
            "an increase of 11−12% and −5 degrees",
            &[
                ("11−12%", 11.0, Unit::Percent, None),
                ("−5 degrees", -5.0, Unit::Measure, Some("°")),
            ],
        );
        // A change's "by" shared along a list multiplies too.
        check(
            "from Germany by 64%, and from Poland by almost two times compared to 2023",
            &[
                ("64%", 64.0, Unit::Percent, None),
                ("almost two times", 2.0, Unit::Multiplier, None),
                ("2023", 2023.0, Unit::Year, None),
            ],
        );
        check(
            "an increase of 2.65 times in eight months",
            &[
                ("2.65 times", 2.65, Unit::Multiplier, None),
                ("eight months", 8.0, Unit::Duration, Some("month")),
            ],
        );
        check(
            "He entered 12 times in May",
            &[("12", 12.0, Unit::Count, None)],
        );
        check(
            "123 per million",
            &[("123 per million", 123.0, Unit::Rate, None)],
        );
        check("5 men", &[("5", 5.0, Unit::Count, None)]);
        check("52 people per day", &[("52", 52.0, Unit::Rate, None)]);
        check(
            "About 1,000 migrants arrive each day",
            &[("About 1,000", 1000.0, Unit::Rate, None)],
        );
        check(
            "5,000 people a week ago",
            &[("5,000", 5000.0, Unit::Count, None)],
        );
        // A month or a year is a pace after "each", "every" or "per", or after "a" with an
        // average before the figure; "50,000 a year" alone stays that span's count.
        check(
            "nearly 38,000 returning each month",
            &[("nearly 38,000", 38000.0, Unit::Rate, None)],
        );
        check(
            "This averaged about 30,000 a year",
            &[("about 30,000", 30000.0, Unit::Rate, None)],
        );
        check(
            "About 50,000 a year arrive",
            &[("About 50,000", 50000.0, Unit::Count, None)],
        );
        // "daily" before the number or closing its clause after it: a pace; an adjective of
        // another noun is none.
        check(
            "daily arrests reach 2,500.",
            &[("2,500", 2500.0, Unit::Rate, None)],
        );
        check(
            "600 people cross the border daily in search of safety",
            &[("600", 600.0, Unit::Rate, None)],
        );
        check(
            "600 people crossed, the daily newspaper said",
            &[("600", 600.0, Unit::Count, None)],
        );
        check(
            "nearly 69 people per boat",
            &[("nearly 69", 69.0, Unit::Rate, None)],
        );
        // A "-fold" always multiplies; "times" only before a comparison.
        check(
            "a five-fold increase",
            &[("five-fold", 5.0, Unit::Multiplier, None)],
        );
        // The counted words between the figure and its base.
        check(
            "there were 1,973 first-time asylum applicants per million people",
            &[
                ("1,973", 1973.0, Unit::Rate, None),
                ("first", 1.0, Unit::Ordinal, None),
            ],
        );
        check(
            "the EU average of 19.1 applications per one hundred thousand people",
            &[("19.1", 19.1, Unit::Rate, None)],
        );
        check(
            "an average of 5.63 convictions or charges per individual",
            &[("5.63", 5.63, Unit::Rate, None)],
        );
        check(
            "Border Patrol averaged 9,773 daily apprehensions",
            &[("9,773", 9773.0, Unit::Rate, None)],
        );
        // A number among the words ends the search: "per" belongs to the other figure.
        check(
            "12 migrants in 3 boats per crossing",
            &[
                ("12", 12.0, Unit::Count, None),
                ("3", 3.0, Unit::Count, None),
            ],
        );
        // Children per woman, with or without the words.
        check(
            "the birth rate for women in Mexico has dropped to 2.2 children",
            &[("2.2", 2.2, Unit::Rate, None)],
        );
        check(
            "a fertility rate of 1.7, below replacement",
            &[("1.7", 1.7, Unit::Rate, None)],
        );
        check("1.6 children per woman", &[("1.6", 1.6, Unit::Rate, None)]);
        check(
            "fertility clinics treated 12,000 women",
            &[("12,000", 12000.0, Unit::Count, None)],
        );
        check(
            "about 2,000 a week",
            &[("about 2,000", 2000.0, Unit::Rate, None)],
        );
        check(
            "2 million people a year",
            &[("2 million", 2e6, Unit::Count, None)],
        );
    }

    #[test]
    fn years_and_identifiers() {
        check(
            "In 2023, FY2024",
            &[
                ("2023", 2023.0, Unit::Year, None),
                ("FY2024", 2024.0, Unit::Year, None),
            ],
        );
        check("2000 migrants", &[("2000", 2000.0, Unit::Count, None)]);
        check("COVID-19 spread", &[("19", 19.0, Unit::Other, None)]);
        // A capital letter glued to "-1" is a visa class, no unit with an exponent.
        check(
            "12,776 F-1 visas",
            &[
                ("12,776", 12776.0, Unit::Count, None),
                ("1", 1.0, Unit::Other, None),
            ],
        );
        check("the 1970s", &[("1970s", 1970.0, Unit::Year, None)]);
    }
}
