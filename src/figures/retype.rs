//! Second looks at a sentence's figures once their units are read: identifiers written as one
//! glued code ("14CGJ011"), numbers inside the quoted title of a cited work ("“5 facts about
//! illegal immigration,” accessed …"), and ages told by their context rather than by the word
//! "age" ("Chinese citizens under 40", "get married before 30 (or at least 35)", a range that
//! repeats an age band named just before).

use super::lexicon::Lexicon;
use super::token::{Token, TokenKind};
use super::{Draft, Figure, RangeKind, Unit};
use crate::span::Span;

/// How many tokens a quotation may reach back or ahead of a number inside it. Bounded, so the
/// search stays linear in the sentence.
const QUOTE_REACH: usize = 40;

/// Whether nothing is counted after token `idx`: the text ends, punctuation follows, or a word
/// that opens another phrase ("have", "in", "or"), so the number stands alone.
pub(crate) fn bare_after(tokens: &[Token], idx: usize, lexicon: &Lexicon) -> bool {
    tokens.get(idx).is_none_or(|next| {
        next.kind == TokenKind::Punct || lexicon.counts_stop_words.contains(next.lower.as_ref())
    })
}

/// "$7.37 billion in remittances in 2021, 28.3% more than the 5,741.1 million received in 2020",
/// "rose to $5 billion from 4.2 billion": a scaled amount right after a comparison cue ("than",
/// "from", "compared with", "against"), counting nothing (punctuation, a phrase word or a past
/// participle after it), of the size of an amount of money before it in the sentence (within ten
/// times), is money in that currency: the writer does not repeat the sign.
pub(crate) fn elided_currency(tokens: &[Token], drafts: &mut [Draft], lexicon: &Lexicon) {
    const CUES: &[&str] = &["than", "from", "against", "versus", "vs"];
    for at in 1..drafts.len() {
        let (before, rest) = drafts.split_at_mut(at);
        let draft = &mut rest[0];
        if draft.figure.unit != Unit::Count
            || draft.figure.currency.is_some()
            || draft.scale < 1e6
            || draft.figure.value <= 0.0
        {
            continue;
        }
        let counts_nothing = bare_after(tokens, draft.tail, lexicon)
            || tokens.get(draft.tail).is_some_and(|next| {
                next.kind == TokenKind::Word && next.lower.len() > 4 && next.lower.ends_with("ed")
            });
        if !counts_nothing {
            continue;
        }
        // The cue right before, past "the": "than the 5,741.1 million", "compared with 4.2 billion".
        let mut idx = draft.lead;
        let word = |idx: &mut usize| {
            *idx = idx.checked_sub(1)?;
            let token = &tokens[*idx];
            (token.kind == TokenKind::Word).then(|| token.lower.to_string())
        };
        let mut cue = word(&mut idx);
        if cue.as_deref() == Some("the") {
            cue = word(&mut idx);
        }
        let compared = |cue: &str| {
            matches!(cue, "with" | "to") && word(&mut idx.clone()).as_deref() == Some("compared")
        };
        let cued = cue
            .as_deref()
            .is_some_and(|cue| CUES.contains(&cue) || compared(cue));
        if !cued {
            continue;
        }
        let value = draft.figure.value;
        let money = before.iter().rev().find(|other| {
            other.figure.unit == Unit::Money
                && other.figure.currency.is_some()
                && other.figure.value > value / 10.0
                && other.figure.value < value * 10.0
        });
        if let Some(money) = money {
            draft.figure.unit = Unit::Money;
            draft.figure.currency = money.figure.currency.clone();
        }
    }
}

/// Joins the identifiers of one glued code ("14CGJ011", "H1N1") into one `other` figure: two
/// identifier numbers with only glued letters or digits between them are one code.
pub(crate) fn join_identifiers(text: &str, tokens: &[Token], drafts: &mut Vec<Draft>) {
    let mut joined: Vec<Draft> = Vec::with_capacity(drafts.len());
    for draft in drafts.drain(..) {
        if let Some(previous) = joined.last_mut() {
            let glued = |token: &Token| !token.space_before && token.kind != TokenKind::Punct;
            let one_code = previous.figure.unit == Unit::Other
                && draft.figure.unit == Unit::Other
                && previous.last < draft.first
                && tokens[previous.last..=draft.first].iter().all(glued);
            if one_code {
                previous.last = draft.last;
                previous.tail = draft.tail;
                // The code's leading letters belong to it too: "H1N1".
                while previous.first > 0
                    && !tokens[previous.first].space_before
                    && tokens[previous.first - 1].is_word()
                {
                    previous.first -= 1;
                }
                previous.lead = previous.first;
                let span = Span::new(
                    tokens[previous.first].span.start,
                    tokens[previous.last - 1].span.end,
                );
                if let Some(surface) = span.slice(text) {
                    previous.figure.span = span;
                    previous.figure.text = surface.to_string();
                }
                continue;
            }
        }
        joined.push(draft);
    }
    *drafts = joined;
}

/// Types the numbers inside a cited work's quoted title as `other`: they are written in the
/// title, not claimed by the article ("“Four reasons why illegal immigration … has
/// dropped,”October 26, 2011"). A title is a quotation ending in a comma or full stop and
/// followed by a citation's next part: "accessed", "retrieved", a date or a year. Years keep
/// their type.
pub(crate) fn cited_titles(tokens: &[Token], drafts: &mut [Draft], lexicon: &Lexicon) {
    for draft in drafts.iter_mut() {
        if matches!(draft.figure.unit, Unit::Year | Unit::Other) {
            continue;
        }
        if in_cited_title(tokens, draft.first, draft.last, lexicon) {
            draft.figure.unit = Unit::Other;
            draft.figure.currency = None;
            draft.figure.measure_unit = None;
            draft.figure.per = None;
        }
    }
}

fn in_cited_title(tokens: &[Token], first: usize, last: usize, lexicon: &Lexicon) -> bool {
    let opening = (first.saturating_sub(QUOTE_REACH)..first)
        .rev()
        .find(|idx| is_quote(&tokens[*idx]));
    let Some(opening) = opening else {
        return false;
    };
    let opens = tokens[opening].is("“")
        || tokens[opening].is("\"") && tokens.get(opening + 1).is_some_and(|t| !t.space_before);
    if !opens {
        return false;
    }
    let closing = (last..tokens.len().min(last + QUOTE_REACH)).find(|idx| is_quote(&tokens[*idx]));
    let Some(closing) = closing else {
        return false;
    };
    let closes =
        tokens[closing].is("”") || tokens[closing].is("\"") && !tokens[closing].space_before;
    let title_end = closing
        .checked_sub(1)
        .is_some_and(|idx| matches!(tokens[idx].text, "," | "." | "?" | "!"));
    if !(closes && title_end) {
        return false;
    }
    let mut next = closing + 1;
    while tokens
        .get(next)
        .is_some_and(|t| matches!(t.text, "," | "." | ";" | ":" | "("))
    {
        next += 1;
    }
    tokens.get(next).is_some_and(|cue| {
        matches!(
            cue.lower.as_ref(),
            "accessed" | "retrieved" | "viewed" | "published" | "available"
        ) || cue.is_capitalised() && lexicon.months.contains(cue.lower.as_ref())
            || cue.is_number()
                && cue.text.len() == 4
                && (cue.text.starts_with("19") || cue.text.starts_with("20"))
    })
}

fn is_quote(token: &Token) -> bool {
    matches!(token.text, "“" | "”" | "\"")
}

/// Types bare numbers as ages where the sentence says so without the word "age": after a person
/// noun and a bound ("Chinese citizens under 40", "people over 65"), after a life event and its
/// preposition ("get married before 30", "retired at 62"), and an alternative to an age ("before
/// 30 (or at least 35)"). A bare number is a whole number up to 120 with no counted noun after it.
pub(crate) fn ages(tokens: &[Token], drafts: &mut [Draft], lexicon: &Lexicon) {
    for idx in 0..drafts.len() {
        let draft = &drafts[idx];
        let bare = draft.figure.unit == Unit::Count
            && draft.vague.is_none()
            && draft.scale == 1.0
            && draft.step >= 1.0
            && draft.figure.value.fract() == 0.0
            && (1.0..=120.0).contains(&draft.figure.value)
            && bare_after(tokens, draft.tail, lexicon);
        if !bare {
            continue;
        }
        let word = |offset: usize| {
            draft
                .lead
                .checked_sub(offset)
                .map(|at| tokens[at].lower.as_ref())
        };
        // The bound is the figure's own qualifier ("under"), read into its lead.
        let bound = draft.lead < draft.first
            && matches!(
                tokens[draft.lead].lower.as_ref(),
                "under" | "over" | "above" | "below"
            );
        let person_bound = bound && word(1).is_some_and(|w| lexicon.person_nouns.contains(w));
        let life_event = matches!(word(1), Some("before" | "after" | "by" | "at" | "until"))
            && word(2).is_some_and(|w| lexicon.life_events.contains(w));
        let alternative = idx > 0 && {
            let previous = &drafts[idx - 1];
            let link = &tokens[previous.tail.min(draft.lead)..draft.lead];
            previous.figure.unit == Unit::Age
                && link.iter().any(|t| t.is("or"))
                && link
                    .iter()
                    .all(|t| matches!(t.text, "(" | "or" | "," | "–"))
        };
        if person_bound || life_event || alternative {
            drafts[idx].figure.unit = Unit::Age;
        }
    }
}

/// "The highest rates of first-time applicants per hundred thousand people were in Cyprus
/// (106.0) and Greece (58.7)", "… per 1,000 people … in the Czech Republic (34.6)": a bare
/// number in brackets right after a name, in a sentence that states a rate per some base, is a
/// rate of that base too. A bracketed number that counts something of its own, or has a
/// unit, stays what it is.
pub(crate) fn bracketed_rates(tokens: &[Token], drafts: &mut [Draft], lexicon: &Lexicon) {
    let base = drafts
        .iter()
        .find_map(|draft| (draft.figure.unit == Unit::Rate).then_some(draft.figure.per)?)
        .or_else(|| {
            (0..tokens.len())
                .filter(|idx| tokens[*idx].is("per"))
                .find_map(|idx| super::unit::rate_at(tokens, idx, lexicon))
                .map(|(base, _)| base)
        });
    let Some(base) = base else {
        return;
    };
    for draft in drafts.iter_mut() {
        let figure = &draft.figure;
        let bare = figure.unit == Unit::Count
            && figure.counts.is_none()
            && figure.range.is_none()
            && draft.scale == 1.0
            && draft.lead == draft.first
            && draft.tail == draft.last;
        let bracketed = draft.first >= 2
            && tokens[draft.first - 1].is("(")
            && tokens.get(draft.last).is_some_and(|next| next.is(")"))
            && tokens[draft.first - 2].is_capitalised();
        if bare && (bracketed || is_short_decimal(&figure.text)) {
            draft.figure.unit = Unit::Rate;
            draft.figure.per = Some(base);
        }
    }
}

/// A number written with a decimal point and one or two digits after it ("9.3", "1.06"): a
/// rate's or an average's way of writing, never a count's. Three digits after the point are a
/// thousands group ("8.641"), not decimals.
fn is_short_decimal(text: &str) -> bool {
    let Some((whole, fraction)) = text.split_once('.') else {
        return false;
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && (1..=2).contains(&fraction.len())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// "The EU total was 16.8 per hundred thousand people. … the highest rates were recorded in
/// Cyprus (87.1) and Greece (52.5)", "… 4.9 flights per day. In June 2024 it had been 4.8.":
/// when the sentence before states a rate and this sentence states none, a bare number in
/// brackets right after a name, or a bare number with one or two decimals, is a rate of the
/// same base. A rate per some base is below that base, so a bracketed 250,000 after "per 1,000"
/// stays a count; without a base ("per day"), only decimals carry.
pub fn carry_rates(previous: &[Figure], sentence: &str, figures: &mut [Figure]) {
    if figures.iter().any(|figure| figure.unit == Unit::Rate) {
        return;
    }
    let Some(per) = previous
        .iter()
        .find(|figure| figure.unit == Unit::Rate)
        .map(|figure| figure.per)
    else {
        return;
    };
    for figure in figures.iter_mut() {
        let bare = figure.unit == Unit::Count
            && figure.counts.is_none()
            && figure.range.is_none()
            && figure.qualifier == super::Qualifier::Exact
            && figure
                .text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        if !bare || per.is_some_and(|base| figure.value >= base) {
            continue;
        }
        let before = sentence.get(..figure.span.start).unwrap_or("");
        let after = sentence.get(figure.span.end..).unwrap_or("");
        let bracketed = per.is_some()
            && after.starts_with(')')
            && before.strip_suffix('(').is_some_and(|head| {
                head.trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .and_then(|word| word.chars().next())
                    .is_some_and(char::is_uppercase)
            });
        if bracketed || is_short_decimal(&figure.text) {
            figure.unit = Unit::Rate;
            figure.per = per;
        }
    }
}

/// "August saw 8.641 people arrive": a count of things, written with one or more dots each
/// followed by exactly three digits, is a whole number with dots between its thousands (a
/// count of people has no decimals). Exact counts only, with a counted noun (or a decimal comma
/// elsewhere in the sentence) and no scale.
pub(crate) fn dotted_thousands(drafts: &mut [Draft]) {
    // "un año después lo han hecho 37.970, lo que supone un incremento del 49,1%": a sentence
    // that writes a decimal comma writes its thousands with dots, so a dotted count needs no
    // counted noun there.
    // A percent with decimals, written with a comma or apostrophe and no dot, is one that
    // `number::comma_decimal_percent` read.
    let decimal_comma = drafts
        .iter()
        .any(|draft| is_comma_decimal_percent(&draft.figure));
    for draft in drafts.iter_mut() {
        let figure = &draft.figure;
        let text = figure.text.as_str();
        let mut groups = text.split('.');
        let dotted = groups.next().is_some_and(|head| {
            (1..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_digit())
        }) && text.contains('.')
            && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()));
        let whole = figure.unit == Unit::Count
            && (figure.counts.is_some() || decimal_comma)
            && figure.qualifier == super::Qualifier::Exact
            && figure.range.is_none()
            && draft.scale == 1.0;
        if !(dotted && whole) {
            continue;
        }
        let Ok(value) = text.replace('.', "").parse::<f64>() else {
            continue;
        };
        draft.figure.value = value;
        draft.figure.low = Some(value - 0.5);
        draft.figure.high = Some(value + 0.5);
    }
}

/// A percent with decimals written with a comma or apostrophe and no dot ("49,1%"), one that
/// `number::comma_decimal_percent` read: its writer puts dots between thousands.
fn is_comma_decimal_percent(figure: &Figure) -> bool {
    figure.unit == Unit::Percent
        && figure.value.fract() != 0.0
        && figure.text.contains([',', '\'', '’'])
        && !figure.text.contains('.')
}

/// "Desde diciembre de 2022 … ha disminuido en un 1,76%. Bogotá … pasando de 604.185 a
/// 599.480": a passage that writes a decimal comma ("1,76%"), thousands with two dots
/// ("2.845.706") or a one-dot count of a noun ("42.878 llegaron … octubre (6.161)") in one place
/// writes its thousands with dots in the others too, so an exact
/// count of one to three digits, a dot and three digits, with nothing else written, is whole.
pub(crate) fn dotted_thousands_in_passage(sentences: &mut [Vec<Figure>]) {
    let european = sentences.iter().flatten().any(|figure| {
        let text = figure.text.as_str();
        let comma_percent = is_comma_decimal_percent(figure);
        // "42.878 llegaron …": a one-dot count read as thousands for its noun.
        let dotted_whole = text.matches('.').count() == 1
            && figure.value >= 1000.0
            && figure.value.fract() == 0.0
            && text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        comma_percent || text.matches('.').count() >= 2 && figure.value >= 1000.0 || dotted_whole
    });
    if !european {
        return;
    }
    for figure in sentences.iter_mut().flatten() {
        let text = figure.text.as_str();
        let one_dot = text.split_once('.').is_some_and(|(head, tail)| {
            (1..=3).contains(&head.len())
                && head.bytes().all(|b| b.is_ascii_digit())
                && tail.len() == 3
                && tail.bytes().all(|b| b.is_ascii_digit())
        });
        if !(one_dot
            && figure.unit == Unit::Count
            && figure.qualifier == super::Qualifier::Exact
            && figure.range.is_none()
            && figure.value.fract() != 0.0)
        {
            continue;
        }
        let Ok(value) = text.replace('.', "").parse::<f64>() else {
            continue;
        };
        figure.value = value;
        figure.low = Some(value - 0.5);
        figure.high = Some(value + 0.5);
    }
}

/// Ranges that repeat an age band named earlier in the sentence or in `previous` (the sentence
/// before, same passage) are ages too: "53 percent are between the ages of 20 and 39. … 56
/// percent are between 21 and 40". Only a bare range of whole numbers up to 120, counting nothing.
pub fn carry_age_bands(previous: &[Figure], figures: &mut [Figure]) {
    let is_band = |figure: &Figure| {
        figure.unit == Unit::Age && figure.range.is_some_and(|r| r.kind == RangeKind::Range)
    };
    let mut seen = previous.iter().any(is_band);
    for figure in figures.iter_mut() {
        if is_band(figure) {
            seen = true;
            continue;
        }
        let bare_range = figure.unit == Unit::Count
            && figure.counts.is_none()
            && figure.range.is_some_and(|range| {
                range.kind == RangeKind::Range
                    && range.low.fract() == 0.0
                    && range.high.fract() == 0.0
                    && range.low >= 0.0
                    && range.high <= 120.0
            });
        if seen && bare_range {
            figure.unit = Unit::Age;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{annotate, annotate_passage, Unit};

    fn units(text: &str) -> Vec<(String, Unit)> {
        annotate(text)
            .into_iter()
            .map(|figure| (figure.text, figure.unit))
            .collect()
    }

    #[test]
    fn ages_without_the_word_age() {
        assert_eq!(
            units("Chinese citizens under 40 have experienced many frustrations."),
            [("under 40".to_string(), Unit::Age)]
        );
        assert_eq!(
            units("more than a million of them under 18"),
            [
                ("more than a million".to_string(), Unit::Count),
                ("under 18".to_string(), Unit::Age)
            ]
        );
        assert_eq!(
            units("to get married before 30 (or at least 35), and to bear children"),
            [
                ("30".to_string(), Unit::Age),
                ("at least 35".to_string(), Unit::Age)
            ]
        );
        assert_eq!(
            units("people over 65 are exempt"),
            [("over 65".to_string(), Unit::Age)]
        );
        // A counted noun after the number, or no person before it, keeps it a count.
        assert_eq!(
            units("citizens under 40 companies"),
            [("under 40".to_string(), Unit::Count)]
        );
        assert_eq!(
            units("a budget under 40, and more"),
            [("under 40".to_string(), Unit::Count)]
        );
        assert_eq!(
            units("they were married before 2010."),
            [("2010".to_string(), Unit::Year)]
        );
    }

    #[test]
    fn an_age_band_carries_to_the_next_sentence() {
        let figures = annotate_passage(&[
            "53 percent are between the ages of 20 and 39.",
            "The other source says 56 percent are between 21 and 40.",
        ]);
        assert_eq!(figures[1][1].text, "between 21 and 40");
        assert_eq!(figures[1][1].unit, Unit::Age);
        let alone = annotate_passage(&["Between 21 and 40 boats sank."]);
        assert_eq!(alone[0][0].unit, Unit::Count);
    }

    #[test]
    fn a_passage_with_a_decimal_comma_writes_thousands_with_dots() {
        let figures = annotate_passage(&[
            "Desde diciembre de 2022 la cifra ha disminuido en un 1,76%.",
            "Bogotá ha visto una reducción entre noviembre y febrero, pasando de 604.185 a 599.480.",
        ]);
        let values: Vec<f64> = figures[1].iter().map(|figure| figure.value).collect();
        assert_eq!(values, [604_185.0, 599_480.0]);
        // Without one, a dot is a decimal point.
        let alone = annotate_passage(&["The index was 604.185 then."]);
        assert_eq!(alone[0][0].value, 604.185);
    }

    #[test]
    fn numbers_in_a_cited_title_are_no_claims() {
        let text = "Krogstad,“5 facts about illegal immigration in the U.S.,”accessed December 19,2018, as";
        let found = annotate(text);
        assert_eq!(found[0].text, "5");
        assert_eq!(found[0].unit, Unit::Other);
        let title = "Llana,“Four reasons why illegal immigration has dropped,”October 26,2011,";
        assert_eq!(annotate(title)[0].unit, Unit::Other);
        // Quoted speech is a claim.
        let speech = "“We saw 5,000 people at the border,” he said.";
        assert_eq!(annotate(speech)[0].unit, Unit::Count);
    }

    #[test]
    fn a_glued_code_is_one_identifier() {
        assert_eq!(
            units("funded by Youth Project 14CGJ011."),
            [("14CGJ011".to_string(), Unit::Other)]
        );
        assert_eq!(units("COVID-19 spread"), [("19".to_string(), Unit::Other)]);
    }

    #[test]
    fn dotted_thousands_glued_and_plural_scales() {
        let values = |text: &str| -> Vec<f64> {
            annotate(text)
                .into_iter()
                .filter(|figure| figure.unit == Unit::Count)
                .map(|figure| figure.value)
                .collect()
        };
        assert_eq!(values("August saw 8.641 people arrive."), [8641.0]);
        assert_eq!(values("Arrivals reached 12.500 people."), [12500.0]);
        // With a decimal comma in the sentence, a dotted count needs no counted noun.
        assert_eq!(
            values("Un año después lo han hecho 37.970, un incremento del 49,1%."),
            [37970.0]
        );
        assert_eq!(values("Un año después lo han hecho 37.970."), [37.97]);
        // Not three digits after the dot, not a count, or a scale: as written.
        assert_eq!(values("Some 1.5 people per household."), Vec::<f64>::new());
        assert_eq!(values("Arrivals reached 1.25 people."), [1.25]);
        assert_eq!(values("Refugees dip below 1Mln for the first time."), [1e6]);
        assert_eq!(values("Turkey hosts 3 millions Syrians."), [3e6]);
    }

    #[test]
    fn bracketed_numbers_after_names_share_their_sentences_rate() {
        let rates = |text: &str| -> Vec<(String, Unit, Option<f64>)> {
            annotate(text)
                .into_iter()
                .filter(|figure| figure.unit != Unit::Year)
                .map(|figure| (figure.text, figure.unit, figure.per))
                .collect()
        };
        assert_eq!(
            rates("Rates were highest in Cyprus (106.0), above the EU average of 19.1 applicants per hundred thousand people."),
            [
                ("106.0".to_string(), Unit::Rate, Some(100_000.0)),
                ("19.1".to_string(), Unit::Rate, Some(100_000.0))
            ]
        );
        assert_eq!(
            rates("The EU total was 16.8 per hundred thousand people."),
            [(
                "16.8 per hundred thousand".to_string(),
                Unit::Rate,
                Some(100_000.0)
            )]
        );
        assert_eq!(
            rates("Beneficiaries per 1,000 people were most in the Czech Republic (34.6)."),
            [("34.6".to_string(), Unit::Rate, Some(1000.0))]
        );
        // No rate in the sentence, or a count of its own: counts.
        assert_eq!(
            rates("Mexico (30,159) and Haiti (19,019) led."),
            [
                ("30,159".to_string(), Unit::Count, None),
                ("19,019".to_string(), Unit::Count, None)
            ]
        );
        assert_eq!(
            rates("At 5 arrivals per 1,000 people, Cyprus (1,200 applicants) led.")[1].1,
            Unit::Count
        );
        // A bare number with one or two decimals in a rate's sentence is a rate too; a
        // thousands group after a dot is not a decimal.
        assert_eq!(
            rates("Greece had 6.6 applicants per 1,000 people, while Spain recorded 3.4.")[1],
            ("3.4".to_string(), Unit::Rate, Some(1000.0))
        );
    }

    #[test]
    fn a_rate_carries_to_the_next_sentences_bare_numbers() {
        let units = |sentences: &[&str]| -> Vec<Vec<(String, Unit, Option<f64>)>> {
            annotate_passage(sentences)
                .into_iter()
                .map(|figures| {
                    figures
                        .into_iter()
                        .map(|figure| (figure.text, figure.unit, figure.per))
                        .collect()
                })
                .collect()
        };
        let found = units(&[
            "The EU average stands at 9.5 per thousand inhabitants.",
            "By this indicator, Czechia (36), Poland (26.4) and Estonia (25.5) lead.",
        ]);
        assert_eq!(
            found[1],
            [
                ("36".to_string(), Unit::Rate, Some(1000.0)),
                ("26.4".to_string(), Unit::Rate, Some(1000.0)),
                ("25.5".to_string(), Unit::Rate, Some(1000.0))
            ]
        );
        // Without a base only decimals carry; a bracketed number above the base is a count.
        let found = units(&[
            "The average was 4.9 flights per day.",
            "In June 2024 it had been 4.8, and 12 planes flew.",
        ]);
        assert_eq!(found[1][1], ("4.8".to_string(), Unit::Rate, None));
        assert_eq!(found[1][2].1, Unit::Count);
        let found = units(&[
            "The EU average stands at 9.5 per thousand inhabitants.",
            "Germany (250,000) hosted most.",
        ]);
        assert_eq!(found[1][0].1, Unit::Count);
        // No rate in the sentence before: counts stay counts.
        let found = units(&["Arrivals rose.", "Czechia (36) and Poland (26.4) lead."]);
        assert!(found[1].iter().all(|figure| figure.1 == Unit::Count));
    }
}
