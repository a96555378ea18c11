//! Joins two figures into a range ("between 15 and 39", "200,000 to 250,000", "2000-2017") or a
//! change ("from 173 million to 258 million", "rose from", with the start's period between the
//! ends: "from a high of 7.8 million in the late 1980s to 6.7 million"), and marks one-ended
//! changes ("fell to 12", "a 13 percent decline").

use super::lexicon::Lexicon;
use super::token::Token;
use super::{ChangeEnds, Direction, Draft, Figure, FigureRange, Qualifier, RangeKind, Unit};
use crate::span::Span;

/// Merges range and change pairs in `drafts` and marks one-ended changes.
pub(crate) fn merge(text: &str, tokens: &[Token], drafts: &mut Vec<Draft>, lexicon: &Lexicon) {
    let mut merged: Vec<Draft> = Vec::with_capacity(drafts.len());
    let mut idx = 0;
    while idx < drafts.len() {
        if let Some((joined, year)) = join_across_period(text, tokens, &drafts[idx..], lexicon) {
            merged.push(joined);
            merged.push(year);
            idx += 3;
            continue;
        }
        if let Some(next) = drafts.get(idx + 1) {
            let joined = join(text, tokens, &drafts[idx], next, lexicon)
                .or_else(|| join_bounds(text, tokens, &drafts[idx], next))
                .or_else(|| super::change::join_reversed(tokens, &drafts[idx], next, lexicon))
                .or_else(|| super::compound::join_minor_units(tokens, &drafts[idx], next, lexicon))
                .or_else(|| super::compound::join_imperial(tokens, &drafts[idx], next));
            if let Some(joined) = joined {
                merged.push(joined);
                idx += 2;
                continue;
            }
        }
        let mut draft = drafts[idx].clone();
        super::change::mark_one_ended_change(tokens, &mut draft, lexicon);
        super::change::inherit_start_unit(tokens, &mut draft, &merged, lexicon);
        merged.push(draft);
        idx += 1;
    }
    *drafts = merged;
}

/// Joins `a` and `b` into a range ("between 15 and 39", "200,000 to 250,000", "2000-2017",
/// "three or four") or a change ("from 173 million to 258 million") when at most two link
/// tokens lie between them, both are quantities and their units agree.
fn join(text: &str, tokens: &[Token], a: &Draft, b: &Draft, lexicon: &Lexicon) -> Option<Draft> {
    let link = Link::between(tokens, a, b)?;
    let quantity = |unit: Unit| !matches!(unit, Unit::Ordinal | Unit::Other | Unit::Fraction);
    if !quantity(a.figure.unit) || !quantity(b.figure.unit) {
        return None;
    }
    let cue = Cue::before(tokens, a);
    if cue.dates_year(a, b) {
        return None;
    }
    let (kind, lead) = kind_of_pair(&link, &cue, a, b)?;
    let ends = Ends::in_one_unit(a, b, &link, &cue)?;
    let b_value = ends.b.value;
    let (kind, direction) = if kind == RangeKind::Change && ends.a.unit != Unit::Year {
        let verb = super::change::change_before(tokens, lead, lexicon);
        let by_value = if b_value >= ends.a_value {
            Direction::Up
        } else {
            Direction::Down
        };
        (RangeKind::Change, Some(verb.unwrap_or(by_value)))
    } else {
        // "between −55 °C and −109 °C" is written high to low; "10 to 5" without a cue is no range.
        let cued = lead < a.first;
        if ends.a_value > b_value && !cued {
            return None;
        }
        (RangeKind::Range, None)
    };
    let span = Span::new(tokens[a.first].span.start, tokens[b.last - 1].span.end);
    let figure = ends.joined(text, span, kind, direction)?;
    Some(Draft {
        figure,
        first: a.first,
        last: b.last,
        lead,
        tail: b.tail,
        step: b.step,
        round_step: b.round_step,
        scale: b.scale,
        vague: None,
        change_ends: (kind == RangeKind::Change).then_some(ChangeEnds {
            start: (a.first, a.tail),
            end: (b.first, b.tail),
        }),
    })
}

/// What lies between two drafts that may join.
struct Link<'t> {
    /// The lower-cased tokens from the first end to the second (or to its qualifier): `to`,
    /// `and`, `-`, `- to`.
    words: Vec<&'t str>,
    /// "20~100": the "~" read as the second end's "about" is the link.
    tilde: bool,
    /// "from 7.9 percent to over 13 percent": the second end carries its own bound.
    b_qualified: bool,
}

impl<'t> Link<'t> {
    /// The link from `a` to `b`, when `b` follows `a` after at most two tokens.
    fn between(tokens: &'t [Token], a: &Draft, b: &Draft) -> Option<Link<'t>> {
        let tilde = b.lead + 1 == b.first && b.lead == a.last && tokens[b.lead].is("~");
        let b_qualified = b.lead != b.first && !tilde;
        let link_end = if b_qualified { b.lead } else { b.first };
        if a.last >= b.first || a.last > link_end || link_end - a.last > 2 {
            return None;
        }
        let words = tokens[a.last..link_end]
            .iter()
            .map(|t| t.lower.as_ref())
            .collect();
        Some(Link {
            words,
            tilde,
            b_qualified,
        })
    }
}

/// The word before the first end that opens the pair ("between", "from", "in").
struct Cue<'t> {
    /// Its index and lower-cased text: the token before the first end, "between" for "between
    /// the ages of 20 and 39", "from" for "from a high of 7.8 million".
    word: Option<(usize, &'t str)>,
    /// "between the ages of": both ends are ages.
    ages: bool,
}

impl<'t> Cue<'t> {
    fn before(tokens: &'t [Token], a: &Draft) -> Cue<'t> {
        let ages = a.lead >= 4
            && tokens[a.lead - 4].is("between")
            && tokens[a.lead - 3].is("the")
            && (tokens[a.lead - 2].is("ages") || tokens[a.lead - 2].is("age"))
            && tokens[a.lead - 1].is("of");
        let word = if ages {
            Some((a.lead - 4, "between"))
        } else {
            // An opening quote between the cue and the first end is no word ("from “1,044,606
            // to 1,293,463").
            let quote = |idx: usize| matches!(tokens[idx].text, "“" | "\"" | "‘" | "'");
            let before = a
                .lead
                .checked_sub(1)
                .map(|idx| if quote(idx) && idx > 0 { idx - 1 } else { idx })
                .map(|idx| (idx, tokens[idx].lower.as_ref()));
            super::change::from_a_level_of(tokens, a.lead).map_or(before, |idx| Some((idx, "from")))
        };
        Cue { word, ages }
    }

    /// "reduced in 2023 to 29,437": a year after a period word is the period of what follows,
    /// never the first end of a range with a count.
    fn dates_year(&self, a: &Draft, b: &Draft) -> bool {
        a.figure.unit == Unit::Year
            && b.figure.unit != Unit::Year
            && self.word.is_some_and(|(_, word)| {
                matches!(
                    word,
                    "in" | "during" | "by" | "for" | "of" | "since" | "until"
                )
            })
    }
}

/// What the cue and the link make of the pair, and the token the joined figure starts at:
/// "between … and" is a range and "from … to" a change, both starting at the cue; "to", a dash,
/// "and up" or "or" between plain ends is a range starting at the first end.
fn kind_of_pair(link: &Link, cue: &Cue, a: &Draft, b: &Draft) -> Option<(RangeKind, usize)> {
    let a_qualified = a.figure.qualifier != Qualifier::Exact;
    let b_qualified = link.b_qualified;
    match (cue.word, link.words.as_slice()) {
        (Some((cue_idx, "between")), ["and"]) if !a_qualified && !b_qualified => {
            Some((RangeKind::Range, cue_idx))
        }
        (Some((cue_idx, "from")), ["to"] | ["until"] | ["through"] | ["till"]) if !a_qualified => {
            Some((RangeKind::Change, cue_idx))
        }
        (
            _,
            ["to"]
            | ["-", "to"]
            | ["through"]
            | ["-"]
            | ["–"]
            | ["—"]
            | ["−"]
            | ["~"]
            | ["and", "up"]
            | ["or"],
        ) if !b_qualified && (!a_qualified || a.figure.qualifier == Qualifier::Approximately) => {
            let glued_dash = matches!(link.words.as_slice(), ["-"] | ["–"] | ["—"] | ["−"] | ["~"]);
            // "three or four": "or" joins only whole neighbours ("5.00 or 5,00" are two figures).
            let neighbours =
                b.figure.value - a.figure.value == 1.0 && a.figure.value.fract() == 0.0;
            if link.words == ["or"] && !neighbours {
                return None;
            }
            let a_plain = matches!(a.figure.unit, Unit::Count | Unit::Year);
            let age_first = a.figure.unit == Unit::Age && b.figure.unit == Unit::Count;
            if glued_dash && !(a.figure.unit == b.figure.unit || a_plain || age_first) {
                return None;
            }
            Some((RangeKind::Range, a.lead))
        }
        _ => None,
    }
}

/// The two ends of a range or change in one unit, the first scaled like the second.
struct Ends {
    a: Figure,
    b: Figure,
    /// The first end's value and low bound, times the second's scale when the first has none
    /// ("2 to 3 million" starts at 2 million).
    a_value: f64,
    a_low: f64,
}

impl Ends {
    /// The ends of `a` and `b` in one unit: a year-like end beside a plain number is a number
    /// ("1000-5000"), a year-like first end takes the second's unit ("1323–1423 K"), the first
    /// end borrows the second's unit and scale ("15 to 20 percent", "2 to 3 million") and an age
    /// cue covers both ends ("ages 18-39"). `None` when the units still differ.
    fn in_one_unit(a: &Draft, b: &Draft, link: &Link, cue: &Cue) -> Option<Ends> {
        let mut a_figure = a.figure.clone();
        let mut b_figure = b.figure.clone();
        if link.tilde {
            b_figure.qualifier = Qualifier::Exact;
        }
        if a_figure.unit == Unit::Year
            && b_figure.unit != Unit::Year
            && !a_figure.text.ends_with('s')
            && b.scale == 1.0
        {
            a_figure.unit = Unit::Count;
        }
        if b_figure.unit == Unit::Year && a_figure.unit == Unit::Count {
            b_figure.unit = Unit::Count;
        }
        if a_figure.unit == Unit::Count && b_figure.unit != Unit::Count {
            a_figure.unit = b_figure.unit;
            a_figure.currency.clone_from(&b_figure.currency);
            a_figure.measure_unit.clone_from(&b_figure.measure_unit);
            a_figure.per = b_figure.per;
        }
        if cue.ages && a_figure.unit == Unit::Count {
            a_figure.unit = Unit::Age;
        }
        let age_first = a_figure.unit == Unit::Age && b_figure.unit == Unit::Count;
        if a_figure.unit != b_figure.unit && !cue.ages && !age_first {
            return None;
        }
        let mut a_value = a_figure.value;
        let mut a_low = a_figure.low.unwrap_or(a_value);
        if b.scale > 1.0 && a.scale == 1.0 && a_value * b.scale <= b_figure.value * 1.0001 {
            a_value *= b.scale;
            a_low *= b.scale;
        }
        Some(Ends {
            a: a_figure,
            b: b_figure,
            a_value,
            a_low,
        })
    }

    /// The joined figure over `span`: the second end's, in the first end's unit, with the range
    /// of both ends; a range's value is its low end and its interval covers both ends'.
    fn joined(
        self,
        text: &str,
        span: Span,
        kind: RangeKind,
        direction: Option<Direction>,
    ) -> Option<Figure> {
        let Ends {
            a,
            b: mut figure,
            a_value,
            a_low,
        } = self;
        let b_value = figure.value;
        figure.unit = a.unit;
        figure.span = span;
        figure.text = span.slice(text)?.to_string();
        figure.range = Some(FigureRange {
            low: a_value.min(b_value),
            high: a_value.max(b_value),
            kind,
            direction,
        });
        if kind == RangeKind::Range {
            figure.value = a_value.min(b_value);
            let a_high = a.high.map_or(a_value, |high| {
                high * a_value / a.value.max(f64::MIN_POSITIVE)
            });
            figure.low = Some(a_low.min(figure.low.unwrap_or(b_value)));
            figure.high = Some(figure.high.unwrap_or(b_value).max(a_high));
        }
        Some(figure)
    }
}

/// "from a high of 7.8 million in the late 1980s to 6.7 million today": a change whose start
/// is followed (after at most a few words: "from 12,000 workers in 2015 to") by its own period
/// phrase before the "to". `drafts` begins with the start, the
/// period's year and the end; the change is joined as if the period phrase were not there (its
/// span runs from the cue to the end, the period phrase inside) and the year stays a figure of
/// its own, returned second. `context` reads the period phrase as the start's period.
fn join_across_period(
    text: &str,
    tokens: &[Token],
    drafts: &[Draft],
    lexicon: &Lexicon,
) -> Option<(Draft, Draft)> {
    let [a, year, b, ..] = drafts else {
        return None;
    };
    if year.figure.unit != Unit::Year
        || year.figure.range.is_some()
        || year.tail != year.last
        || a.tail != a.last
        || !words_between(
            tokens,
            a.tail,
            super::period::period_start(tokens, year, lexicon),
        )
        || !tokens.get(year.tail).is_some_and(|link| link.is("to"))
    {
        return None;
    }
    let mut start = a.clone();
    start.last = year.last;
    let joined = join(text, tokens, &start, b, lexicon)?;
    let from_to = joined
        .figure
        .range
        .is_some_and(|range| range.kind == RangeKind::Change)
        && tokens[joined.lead].is("from");
    from_to.then(|| (joined, year.clone()))
}

/// Whether tokens `from..to` are at most three words, none a "to" ("12,000 workers in 2015").
fn words_between(tokens: &[Token], from: usize, to: usize) -> bool {
    const MAX_WORDS: usize = 3;
    from <= to
        && to - from <= MAX_WORDS
        && tokens[from..to]
            .iter()
            .all(|token| token.is_word() && !token.is("to"))
}

/// "more than 10 and less than 20", "at most 100 and at least 20": two one-sided bounds joined
/// by "and", "but" or a comma make a range from the lower bound to the upper one.
fn join_bounds(text: &str, tokens: &[Token], a: &Draft, b: &Draft) -> Option<Draft> {
    let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |q: Qualifier| matches!(q, Qualifier::LessThan | Qualifier::AtMost);
    let (qa, qb) = (a.figure.qualifier, b.figure.qualifier);
    if !(lower(qa) && upper(qb) || upper(qa) && lower(qb))
        || a.last > b.lead
        || a.figure.unit != b.figure.unit
    {
        return None;
    }
    let link: Vec<&str> = tokens[a.last..b.lead]
        .iter()
        .map(|t| t.lower.as_ref())
        .collect();
    if !matches!(
        link.as_slice(),
        ["and"] | ["but"] | [","] | [",", "and"] | [",", "but"]
    ) {
        return None;
    }
    let (low, high) = if lower(qa) { (a, b) } else { (b, a) };
    if low.figure.value > high.figure.value {
        return None;
    }
    let span = Span::new(tokens[a.first].span.start, tokens[b.last - 1].span.end);
    let mut figure = low.figure.clone();
    figure.span = span;
    figure.text = span.slice(text)?.to_string();
    figure.qualifier = Qualifier::Exact;
    figure.low = Some(low.figure.value);
    figure.high = Some(high.figure.value);
    figure.range = Some(FigureRange {
        low: low.figure.value,
        high: high.figure.value,
        kind: RangeKind::Range,
        direction: None,
    });
    Some(Draft {
        figure,
        first: a.first,
        last: b.last,
        lead: a.lead,
        tail: b.tail,
        step: low.step,
        round_step: low.round_step,
        scale: low.scale,
        vague: None,
        change_ends: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, Direction, RangeKind, Unit};

    /// Checks the one figure in `text`: its text, unit, range ends, kind and direction.
    fn check(text: &str, expect: (&str, Unit, f64, f64, RangeKind, Option<Direction>)) {
        let figures = annotate(text);
        assert_eq!(figures.len(), 1, "{text}: {figures:?}");
        let figure = &figures[0];
        let range = figure.range.unwrap();
        let got = (
            figure.text.as_str(),
            figure.unit,
            range.low,
            range.high,
            range.kind,
            range.direction,
        );
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn ranges() {
        check(
            "between 15 and 39 years of age",
            (
                "between 15 and 39 years of age",
                Unit::Age,
                15.0,
                39.0,
                RangeKind::Range,
                None,
            ),
        );
        check(
            "200,000 to 250,000",
            (
                "200,000 to 250,000",
                Unit::Count,
                200000.0,
                250000.0,
                RangeKind::Range,
                None,
            ),
        );
        check(
            "2000-2017",
            (
                "2000-2017",
                Unit::Year,
                2000.0,
                2017.0,
                RangeKind::Range,
                None,
            ),
        );
        check(
            "15 to 20 percent",
            (
                "15 to 20 percent",
                Unit::Percent,
                15.0,
                20.0,
                RangeKind::Range,
                None,
            ),
        );
        check(
            "between 2 and 3 million",
            (
                "between 2 and 3 million",
                Unit::Count,
                2e6,
                3e6,
                RangeKind::Range,
                None,
            ),
        );
    }

    #[test]
    fn a_dated_year_before_to_is_no_range() {
        let figures = crate::figures::annotate("This figure fell in 2019 to 12,437 crossings.");
        let texts: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["2019", "12,437"]);
        assert_eq!(figures[0].unit, Unit::Year);
    }

    #[test]
    fn changes() {
        check(
            "from 173 million to 258 million",
            (
                "from 173 million to 258 million",
                Unit::Count,
                173e6,
                258e6,
                RangeKind::Change,
                Some(Direction::Up),
            ),
        );
        check(
            "dropping from a high of 7.8 million",
            (
                "7.8 million",
                Unit::Count,
                7.8e6,
                7.8e6,
                RangeKind::Change,
                Some(Direction::Down),
            ),
        );
        check(
            "fell from a peak of 4,100 to 3,900",
            (
                "from a peak of 4,100 to 3,900",
                Unit::Count,
                3900.0,
                4100.0,
                RangeKind::Change,
                Some(Direction::Down),
            ),
        );
        check(
            "sales fell to 12",
            (
                "12",
                Unit::Count,
                12.0,
                12.0,
                RangeKind::Change,
                Some(Direction::Down),
            ),
        );
        check(
            "a 13 percent decline",
            (
                "13 percent",
                Unit::Percent,
                13.0,
                13.0,
                RangeKind::Change,
                Some(Direction::Down),
            ),
        );
    }
}
