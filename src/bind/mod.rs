//! Binding: which period, places and counting agency each figure is about.
//!
//! In: a passage's sentences (raw text, byte spans) with the figures the annotator found in each,
//! and the document's publication date. Out: one [`Binding`] per figure. The figure's own clause
//! decides first ("310,000 so far this year, against 250,000 in all of 2022" binds the first
//! figure to 2023 so far and the second to all of 2022); the rest of the sentence, an earlier
//! sentence of the passage and the publication date are fallbacks, and each binding records
//! which one it came from ([`PeriodSource`]). Relative phrases ("last year", "so far this fiscal
//! year", "since October") are resolved against the publication date; a part of a period is
//! never the whole of it (`partial`, with what it is part of).
//!
//! Architecture invariant: binding reads text and never fails; a phrase it cannot resolve (a
//! relative period in a document without a date) binds nothing rather than guessing. The rules
//! are data (`data/binding.toml`): fiscal-year start month, clause breaks, partial cues, agencies.

mod clause;
mod month;
pub mod period;
pub mod population;

pub use month::Month;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::figures::{Figure, Unit};
use crate::span::Span;

/// A span of months a figure covers, inclusive at both ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub start: Month,
    pub end: Month,
    pub granularity: Granularity,
    /// Counted in fiscal years (`data/binding.toml`: the year starts in `fiscal_start_month`).
    pub fiscal: bool,
    /// Only a part of a longer named period ("so far this year", "in April alone").
    pub partial: bool,
    /// What it is a part of ("FY2023", "2023"), when partial.
    pub part_of: Option<String>,
    /// The end is the publication date, so the data it quotes may stop a month or so earlier.
    pub approximate_end: bool,
    /// Resolved against the publication date ("last year").
    pub relative: bool,
    /// The words that gave the period.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A moment: "as of June 2023", "by the end of 2017", "today".
    Point,
    Month,
    /// Several months: "October through February", "the first five months of FY2023".
    Months,
    Year,
    FiscalYear,
    /// Several years: "from 2010 to 2020".
    Years,
    Decade,
}

/// Where a figure's period came from: its own clause, another clause of its sentence, an earlier
/// sentence of its passage, or only the document's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodSource {
    Clause,
    Sentence,
    Passage,
    DocumentDate,
}

/// What a figure is about, beyond its number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Binding {
    pub period: Option<Period>,
    pub period_source: Option<PeriodSource>,
    /// Byte span of the period phrase in the document's raw text (for a clause, sentence or
    /// passage source).
    pub period_span: Option<Span>,
    /// The agency the figure's clause (else sentence) says counted it.
    pub counted_by: Option<String>,
    /// Whether the agency was named in the figure's own clause.
    pub counted_by_in_clause: bool,
    /// The figure lies inside a period phrase ("FY07", "the first five months"): it is part of a
    /// date, not a statistic.
    pub in_period_phrase: bool,
    /// For a figure stating a change, the period it is measured against, written in its own
    /// clause ("up 21% from August", "a 7.6% increase compared to 2022"): the change covers
    /// `compared_with.start` to `period.end`. Set by the checker only on changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compared_with: Option<Period>,
    /// The peoples the figure counts, by nationality ("456,600 Egyptian workers"): keys of
    /// `data/populations.toml`, empty when its sentence names none near it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub population: Vec<String>,
    /// The places the figure's own words name ("applied in Greece (1,200)"), read as
    /// `population` is, each under its first name (`same_places`); empty when none is near it.
    /// The sentence's places are the figure's `places`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_places: Vec<String>,
}

impl Binding {
    /// The period came from the figure's own clause.
    pub fn clause_bound(&self) -> bool {
        self.period_source == Some(PeriodSource::Clause)
    }
}

/// The binding rules (`data/binding.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct BindRules {
    pub fiscal_start_month: u32,
    pub clause_breaks: Vec<String>,
    pub partial_before: Vec<String>,
    pub partial_after: Vec<String>,
    /// Phrases of a sentence recalling an earlier record, whose period is not carried on.
    #[serde(default)]
    pub earlier_record: Vec<String>,
    /// Openings of a sentence that go on about the last figure named ("This total has been
    /// revised"): its period, a comparison's base or not, is the sentence's.
    #[serde(default)]
    pub last_figure_openings: Vec<String>,
    /// Openings of a passage that looks back ("Previously, …"): one about years before the
    /// document's first period leaves the period the passages before went on about.
    #[serde(default)]
    pub look_back_openings: Vec<String>,
    /// Words before a "since" that make it a record comparison, not a period of the figure.
    #[serde(default)]
    pub record_words: Vec<String>,
    /// Phrases that make a "since" a record comparison from anywhere before it in its clause
    /// ("This is the first time long-term immigration has fallen below 1 million since …").
    #[serde(default)]
    pub record_phrases: Vec<String>,
    /// Words of an event written between a "since" and its year ("since records began in
    /// 2001"), which date what a figure before it is measured against.
    #[serde(default)]
    pub since_event_words: Vec<String>,
    /// Words of an event dated right after them ("was introduced in 2019"): in a sentence
    /// without a statistic, the date is the event's.
    #[serde(default)]
    pub event_words: Vec<String>,
    /// Nouns naming a release of data ("statistics for 2023"), whose year labels the release.
    #[serde(default)]
    pub release_nouns: Vec<String>,
    /// Words after a release noun opening a sentence that date the data ("These data, relating
    /// to January 1, 2025, …"): see [`data_dated_by_opening`].
    #[serde(default)]
    pub data_dating_cues: Vec<String>,
    /// Words that say a sentence states the present ("currently", "actualmente"): a level it
    /// gives with a span carried from before is the level at the span's end.
    #[serde(default)]
    pub present_words: Vec<String>,
    /// Words of a clause that make its count a stock, and words that make it a flow anyway.
    #[serde(default)]
    pub stock_words: Vec<String>,
    #[serde(default)]
    pub flow_words: Vec<String>,
    #[serde(rename = "agency")]
    pub agencies: Vec<Agency>,
    /// Where a year written across two ("2022-23") starts, by the country a document names.
    #[serde(default, rename = "split_year")]
    pub split_years: Vec<SplitYear>,
}

/// The month a country's financial year starts in, and the words that name the country.
#[derive(Debug, Clone, Deserialize)]
pub struct SplitYear {
    pub start_month: u32,
    pub words: Vec<String>,
    /// The country also names single fiscal years by the year they end in ("FY25", "fiscal
    /// year 2025" is July 2024 to June 2025 in Pakistan): they start in `start_month`, not in
    /// the U.S. `fiscal_start_month`.
    #[serde(default)]
    pub fiscal_years: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Agency {
    pub name: String,
    pub aliases: Vec<String>,
}

impl BindRules {
    /// The month a year written across two ("2022-23") starts in for a document: that of the
    /// `split_year` rule whose country `text` names first (word by word), if any.
    pub fn split_year_start(&self, text: &str) -> Option<u32> {
        let lower = text.to_lowercase();
        self.split_years
            .iter()
            .filter_map(|rule| {
                let first = rule
                    .words
                    .iter()
                    .filter_map(|word| first_word_at(&lower, word))
                    .min()?;
                Some((first, rule.start_month))
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, month)| month)
    }

    /// The month a single fiscal year ("FY25", "fiscal 2025") starts in for a document whose
    /// years written across two start in `split_year_start`: that month when its country names
    /// fiscal years by the year they end in, else `fiscal_start_month`.
    pub fn fiscal_start(&self, split_year_start: Option<u32>) -> u32 {
        split_year_start
            .filter(|start| {
                self.split_years
                    .iter()
                    .any(|rule| rule.start_month == *start && rule.fiscal_years)
            })
            .unwrap_or(self.fiscal_start_month)
    }

    /// Every month a single fiscal year may start in: `fiscal_start_month` and the start month
    /// of each country that names fiscal years ([`BindRules::fiscal_start`]).
    pub fn fiscal_start_months(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(self.fiscal_start_month).chain(
            self.split_years
                .iter()
                .filter(|rule| rule.fiscal_years)
                .map(|rule| rule.start_month),
        )
    }

    /// The built-in rules. The file is part of the build, so a broken one fails the tests, not
    /// a user's run: it then falls back to no rules at all (nothing binds).
    pub fn builtin() -> &'static BindRules {
        static RULES: OnceLock<BindRules> = OnceLock::new();
        RULES.get_or_init(|| {
            crate::data_file::builtin::BINDING
                .parse()
                .unwrap_or(BindRules {
                    fiscal_start_month: 10,
                    clause_breaks: Vec::new(),
                    partial_before: Vec::new(),
                    partial_after: Vec::new(),
                    earlier_record: Vec::new(),
                    last_figure_openings: Vec::new(),
                    look_back_openings: Vec::new(),
                    record_words: Vec::new(),
                    record_phrases: Vec::new(),
                    since_event_words: Vec::new(),
                    event_words: Vec::new(),
                    release_nouns: Vec::new(),
                    data_dating_cues: Vec::new(),
                    present_words: Vec::new(),
                    stock_words: Vec::new(),
                    flow_words: Vec::new(),
                    agencies: Vec::new(),
                    split_years: Vec::new(),
                })
        })
    }
}

/// One sentence of a passage: its span in the raw text and its figures (spans in the raw text).
pub struct SentenceFigures<'a> {
    pub span: Span,
    pub text: &'a str,
    pub figures: &'a [Figure],
}

/// The bindings of every figure of a passage's sentences, sentence by sentence, figure by
/// figure. `carried` is the last period of the passage before these sentences, if any.
pub fn bind_passage(
    sentences: &[SentenceFigures],
    date: Option<Month>,
    rules: &BindRules,
) -> Vec<Vec<Binding>> {
    bind_carrying(sentences, date, rules, &mut Carried::default())
}

/// What a document's earlier passages leave to the next one.
#[derive(Debug, Clone, Default)]
pub struct Carried {
    /// The period they go on about, with the span of the phrase that named it: an article's
    /// second paragraph is usually still about the period its first one set.
    pub period: Option<(Period, Span)>,
    /// The last period they named, a base or not, which "that year" refers back to.
    pub last_named: Option<Period>,
    /// The same, with the span of its phrase, for a sentence that opens on the last figure
    /// named ("This total has been revised", [`BindRules::last_figure_openings`]).
    pub last_phrase: Option<(Period, Span)>,
    /// A part of a year the last sentence compared with the same part of an earlier year
    /// ("During the first 31 days of 2024, 1,335 … a 13 per cent increase over the same period
    /// last year"): the next sentence's bare years are that part of them ("Last year there were
    /// 1,180"), with the largest count of that sentence (see [`PART_SCALE`]).
    pub compared_part: Option<(Period, f64)>,
    /// The first period the document went on about, for the figures written before it (a
    /// headline and a lede that date their figures only further down).
    pub first: Option<(Period, Span)>,
    /// The month a year written across two starts in for this document
    /// ([`BindRules::split_year_start`]).
    pub split_year_start: Option<u32>,
    /// What the change that set `period` was measured against ("3,956,619 … as of the end of
    /// June, up 5.0 per cent … from the end of 2024"): a later change bound to the carried
    /// period ("permanent residents … up 1.5 per cent") is measured against it too.
    pub compared: Option<Period>,
    /// The days the document named with their year ("from December 8, 2024"): the same day
    /// named later without one ("since December 8") is that day again.
    pub dated_days: Vec<(u32, u32, i32)>,
}

/// "a record 75.9 million at the end of 2023 … increased by more than 50 percent in the last
/// five years" (published in May 2024): whole years counted back from the publication, in a
/// document about a calendar year that ended within the half year before them, are the
/// calendar years to that one's end (2019 to 2023), not the months to the publication.
fn trailing_years_to_the_year_about(bindings: &mut [Binding], about: &Period) {
    /// Months into the next year up to which a trailing span is read back to the year before.
    const MONTHS_AFTER: u32 = 6;
    if about.end.month() != 12 {
        return;
    }
    for binding in bindings.iter_mut() {
        if !matches!(
            binding.period_source,
            Some(PeriodSource::Clause | PeriodSource::Sentence)
        ) {
            continue;
        }
        let Some(period) = binding.period.as_mut() else {
            continue;
        };
        let lower = period.text.to_lowercase();
        let trailing = period.relative
            && period.approximate_end
            && !period.partial
            && period.granularity == Granularity::Months
            && period.months() % 12 == 0
            && ["past", "last", "previous"]
                .iter()
                .any(|word| lower.split_whitespace().any(|w| w == *word));
        let just_after =
            period.end.year() == about.end.year() + 1 && period.end.month() <= MONTHS_AFTER;
        if !(trailing && just_after) {
            continue;
        }
        let years = period.months() / 12;
        let text = std::mem::take(&mut period.text);
        let end = about.end.year();
        *period = Period::span(Month::new(end - years + 1, 1), Month::new(end, 12));
        period.relative = true;
        period.text = text;
    }
}

/// [`bind_passage`] for one passage of a document read in order: `state` is what the passages
/// before it left, and is left as this passage leaves it.
pub fn bind_carrying(
    sentences: &[SentenceFigures],
    date: Option<Month>,
    rules: &BindRules,
    state: &mut Carried,
) -> Vec<Vec<Binding>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut fiscal_before = false;
    // The first period this passage went on about: what the next passage inherits.
    let mut lead: Option<((Period, Span), Option<Period>)> = None;
    // What the passages before this one went on about, for a passage that only compares.
    let before = state.period.clone();
    let before_compared = state.compared.clone();
    let mut only_compares = false;
    // Whether the last period passed on is part of a year named by a sentence without a
    // statistic ("And in July, Switzerland changed its asylum policy"): an event's date, not a
    // period the next passage goes on about ("Likewise, in Panama, 2023 broke records" is).
    let mut event_only = false;
    let mut last_named: Option<Period> = state.last_named.take();
    // Whether `state.period` is still what an earlier passage went on about.
    let mut from_before = true;
    for sentence in sentences {
        let previous_phrase = state.last_phrase.take();
        let periods =
            sentence_periods(sentence, date, rules, state, &mut last_named, fiscal_before);
        let lower = sentence.text.to_lowercase();
        fiscal_before = period::counts_in_fiscal_years(&lower);
        // "… down 20 per cent from a record 906,000 in the year to June 2023. This total has been
        // revised upwards by 166,000": the sentence goes on about the last figure named.
        let opens_on_last_figure = rules
            .last_figure_openings
            .iter()
            .any(|opening| lower.trim_start().starts_with(opening.as_str()));
        let carried = previous_phrase
            .as_ref()
            .filter(|_| opens_on_last_figure)
            .or_else(|| {
                state.period.as_ref().filter(|(period, _)| {
                    !(from_before && states_the_present(&lower, period, date))
                })
            });
        let mut bindings = bind_sentence(sentence, &periods, date, carried, rules);
        let about = state.period.as_ref().or(state.first.as_ref());
        if let Some((about, _)) = about {
            trailing_years_to_the_year_about(&mut bindings, about);
        }
        // "Actualmente, 2.284.675 venezolanos … De ellos, 1.927.299 …": once a sentence states
        // the present with a level at the end of the span carried to it, the passage goes on
        // about that moment.
        if let Some(moment) = bindings.iter().find_map(|binding| {
            let period = binding.period.as_ref()?;
            (binding.period_source == Some(PeriodSource::Passage)
                && period.months() == 1
                && says_any(sentence.text, &rules.present_words))
            .then(|| period.clone())
        }) {
            if let Some((carried, _)) = state.period.as_mut() {
                if carried.months() > 1 && carried.end == moment.end {
                    *carried = moment;
                }
            }
        }
        same_period_as_running_total(&mut bindings);
        same_part_of_a_base_year(sentence, &mut bindings);
        inherit_carried_base(sentence, &mut bindings, state);
        state.compared_part = bindings
            .iter()
            .find_map(compared_part)
            .map(|part| (part, largest_count(sentence)));
        let dated_data = data_dated_by_opening(sentence, &periods, &lower, rules);
        if let Some(named) = &dated_data {
            state.first.get_or_insert_with(|| named.clone());
        }
        let leads_before = lead.is_none();
        if let Some(passed) = passed_on(sentence, periods, &bindings, &lower, rules) {
            // "The statistics … until September 2021 reveal the Egyptian labor force … 456,600":
            // a span its sentence's stock was read at the end of passes that moment on.
            let mut passed = passed;
            let at_its_end = bindings.iter().find_map(|binding| {
                let period = binding.period.as_ref()?;
                (binding.period_span == Some(passed.named.1)
                    && period.granularity == Granularity::Point
                    && period.end == passed.named.0.end
                    && passed.named.0.partial
                    && passed.named.0.months() > 1)
                    .then(|| period.clone())
            });
            if let Some(point) = at_its_end {
                passed.named.0 = point;
            }
            state.first.get_or_insert_with(|| passed.named.clone());
            // Only a period a statistic of the passage was bound to leads it, and not one it
            // compares with (the sentences after it in the passage still take it).
            // The base of the change bound to the period passed on, if one was.
            let compared = bindings
                .iter()
                .zip(sentence.figures)
                .find(|(binding, figure)| {
                    binding.period_span == Some(passed.named.1)
                        && changes_by(sentence.text, local_span(sentence, figure))
                })
                .and_then(|(binding, _)| binding.compared_with.clone());
            // "Between 2019 and 2024, an estimated 1.3 million … This year, the record-breaking
            // total includes 185,162 male workers": a span of years that the passage led with
            // yields to a year of it that a later statistic states, ending with it: the next
            // paragraph goes on about that year, not the cumulative span.
            let narrows_lead = lead.as_ref().is_some_and(|((led, _), _)| {
                let named = &passed.named.0;
                led.months() > 12
                    && named.months() <= 12
                    && named.start >= led.start
                    && named.end == led.end
            });
            if passed.states_one && passed.compares {
                only_compares |= lead.is_none();
            } else if passed.states_one && (lead.is_none() || narrows_lead) {
                lead = Some((passed.named.clone(), compared.clone()));
            }
            event_only = !sentence.figures.iter().any(is_statistic) && passed.named.0.months() < 12;
            state.compared = compared;
            state.period = Some(passed.named);
            from_before = false;
        }
        if let Some(named) = dated_data {
            if leads_before {
                lead = Some((named.clone(), None));
            }
            event_only = false;
            state.compared = None;
            state.period = Some(named);
            from_before = false;
        }
        out.push(bindings);
    }
    state.last_named = last_named;
    // "Previously, South Korea saw a record 2.52 million foreign residents in 2019, but that
    // number dropped significantly to 1.96 million in 2021 …": a passage that opens looking back
    // to years before the document's first period is background; the next one goes on with what
    // the passages before it went on about.
    let looks_back = sentences.first().is_some_and(|first| {
        let lower = first.text.trim_start().to_lowercase();
        rules
            .look_back_openings
            .iter()
            .any(|opening| lower.starts_with(opening.as_str()))
    });
    let background = looks_back
        && before.is_some()
        && lead.as_ref().is_some_and(|((period, _), _)| {
            state
                .first
                .as_ref()
                .is_some_and(|(first, _)| period.end < first.start)
        });
    if background {
        state.period = before;
        state.compared = before_compared;
    } else if let Some((lead, compared)) = lead {
        state.period = Some(lead);
        state.compared = compared;
    } else if only_compares || (event_only && before.is_some()) {
        state.period = before;
        state.compared = before_compared;
    }
    out
}

/// "These data, relating to January 1, 2025, point to a notable and sustained growth … since
/// 2017, when the estimated figure amounted to around 107,000": a sentence that opens on a
/// release noun (`release_nouns`, after "these", "the", "this" or "those" and at most two
/// other words) and one of `data_dating_cues` dates the data the document is about with the
/// period written right after the cue, whatever older year it goes on to recall. That period,
/// with its span in the raw text; none when no period phrase follows the cue.
fn data_dated_by_opening(
    sentence: &SentenceFigures,
    periods: &[period::Found],
    lower: &str,
    rules: &BindRules,
) -> Option<(Period, Span)> {
    let lead = lower.len() - lower.trim_start().len();
    let mut words = lower[lead..].split_whitespace();
    if !matches!(words.next(), Some("these" | "the" | "this" | "those")) {
        return None;
    }
    // Where the release noun ends: "these data,", "the latest funcas figures".
    let mut at = lead;
    let mut noun_end = None;
    for word in lower[lead..].split_inclusive(char::is_whitespace).take(4) {
        at += word.len();
        let bare = word.trim().trim_end_matches([',', ';']);
        if rules.release_nouns.iter().any(|noun| noun == bare) {
            noun_end = Some(at);
            break;
        }
    }
    let rest = lower.get(noun_end?..)?;
    let after_comma = rest.trim_start().trim_start_matches(',').trim_start();
    let cue = rules
        .data_dating_cues
        .iter()
        .filter(|cue| after_comma.starts_with(cue.as_str()))
        .max_by_key(|cue| cue.len())?;
    let cue_end = lower.len() - after_comma.len() + cue.len();
    let found = periods.iter().find(|found| {
        found.span.start >= cue_end
            && lower
                .get(cue_end..found.span.start)
                .is_some_and(|between| matches!(between.trim(), "" | "the" | "on"))
    })?;
    Some((found.period.clone(), found.span.shift(sentence.span.start)))
}

/// "… returned from Jordan to Syria from December 8, 2024 … ¶ … since December 8, about 18,000
/// refugees returned": a day named without its year that the document named before with one
/// (the same month and day) is that day again, not its latest one before the publication. The
/// days this sentence names with a year are remembered in `dated`.
fn same_day_as_dated_before(periods: &mut [period::Found], dated: &mut Vec<(u32, u32, i32)>) {
    static DAY: OnceLock<regex::Regex> = OnceLock::new();
    let day = DAY.get_or_init(|| {
        crate::util::static_regex(
            r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\b(?:,?\s+((?:19|20)\d\d))?",
        )
    });
    for found in periods.iter_mut() {
        let Some(caps) = day.captures(&found.period.text) else {
            continue;
        };
        let (month, number, year) = match (caps.get(1), caps.get(4)) {
            (Some(month), _) => (month, caps.get(2), caps.get(3)),
            (None, Some(number)) => (caps.get(5).unwrap_or(number), Some(number), caps.get(6)),
            _ => continue,
        };
        let Some(month) = period::month_number(month.as_str()) else {
            continue;
        };
        let Some(number) = number.and_then(|n| n.as_str().parse::<u32>().ok()) else {
            continue;
        };
        if !(1..=31).contains(&number) {
            continue;
        }
        match year.and_then(|y| y.as_str().parse::<i32>().ok()) {
            Some(year) if !dated.contains(&(month, number, year)) => {
                dated.push((month, number, year));
            }
            Some(_) => {}
            None if found.period.relative && found.period.start.month() == month => {
                let named: Vec<i32> = dated
                    .iter()
                    .filter(|(m, d, _)| *m == month && *d == number)
                    .map(|(_, _, year)| *year)
                    .collect();
                // One year only: two would leave it open which day is meant.
                if let [year] = named[..] {
                    let shift = (year - found.period.start.year()) * 12;
                    if shift < 0 {
                        found.period.start = found.period.start.plus(shift);
                        if found.period.end < found.period.start
                            || found.period.granularity != Granularity::Months
                        {
                            found.period.end = found.period.end.plus(shift);
                        }
                    }
                }
            }
            None => {}
        }
    }
}

/// "As of June 1, 25,937 migrants arrived …, compared to 3,818 arrivals in the same period last
/// year": a cut-off read as a running total for one figure (January to June 2023) makes "the
/// same period last year" of another figure of the sentence that running total a year before
/// (January to June 2022), not the cut-off's month.
fn same_period_as_running_total(bindings: &mut [Binding]) {
    let running: Vec<Period> = bindings
        .iter()
        .filter_map(|binding| binding.period.as_ref())
        .filter(|period| period.partial && period.months() >= 2)
        .cloned()
        .collect();
    for binding in bindings.iter_mut() {
        let Some(period) = binding.period.as_mut() else {
            continue;
        };
        if !period::says_a_repeat(&period.text)
            || !matches!(period.granularity, Granularity::Point | Granularity::Month)
        {
            continue;
        }
        if let Some(total) = running
            .iter()
            .find(|total| total.end.plus(-12) == period.end)
        {
            let text = std::mem::take(&mut period.text);
            *period = total.shifted(-12);
            period.text = text;
        }
    }
}

/// "During the first two months of this year, 1,828 migrants arrived …, an increase of 17.8%
/// compared to 2024, when 1,552 migrants made the journey", "7,138 migrants who arrived so far
/// this year …, nearly 40% less than the 181 recorded in early 2024": in a sentence stating a
/// percent change of a part of a year counted from January, a level written as the comparison's
/// base with a bare earlier year (or "early" in it) counts the same part of that year — a percent
/// change between a part and a whole year would mean nothing. A year said whole ("all of 2024",
/// "the whole of", "the full year") or a total already passed ("already more than", "surpassed")
/// stays whole.
fn same_part_of_a_base_year(sentence: &SentenceFigures, bindings: &mut [Binding]) {
    const CUES: &[&str] = &["than", "compared", "from", "against", "versus", "on"];
    const WHOLE: &[&str] = &[
        "all of",
        "whole",
        "entire",
        "full",
        "total",
        "already",
        "surpassed",
        "surpassing",
        "exceeded",
        "exceeding",
        "record",
        "overall",
        "annual",
        "yearly",
    ];
    let lower = sentence.text.to_lowercase();
    if !sentence
        .figures
        .iter()
        .any(|figure| figure.unit == Unit::Percent)
        || says_any(&lower, WHOLE)
    {
        return;
    }
    let part = bindings.iter().find_map(|binding| {
        let period = binding.period.as_ref()?;
        (binding.clause_bound()
            && period.partial
            && !period.fiscal
            && period.start.month() == 1
            && period.start.year() == period.end.year()
            && period.months() < 12)
            .then(|| period.clone())
    });
    let Some(part) = part else {
        return;
    };
    let cue_before = |at: usize| {
        let before = lower.get(..at).unwrap_or("");
        let words: Vec<&str> = before
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        words.iter().rev().take(6).any(|word| CUES.contains(word))
    };
    for (binding, figure) in bindings.iter_mut().zip(sentence.figures) {
        let Some(period) = binding.period.as_ref() else {
            continue;
        };
        let years = part.start.year() - period.start.year();
        // A year written in digits ("compared to 2024"), not "last year's overall rate".
        let whole_year = period.granularity == Granularity::Year
            && !period.fiscal
            && !period.partial
            && period.months() == 12
            && years > 0
            && period.text.chars().any(|ch| ch.is_ascii_digit());
        let Some(phrase) = binding
            .period_span
            .filter(|_| whole_year && binding.clause_bound())
            .filter(|span| span.start >= sentence.span.start)
        else {
            continue;
        };
        let phrase_at = phrase.start - sentence.span.start;
        let figure_at = figure.span.start.saturating_sub(sentence.span.start);
        let early = lower
            .get(..phrase_at)
            .is_some_and(|before| before.trim_end().ends_with("early"))
            || period.text.to_lowercase().starts_with("early");
        if !(early || cue_before(phrase_at) || cue_before(figure_at)) {
            continue;
        }
        let text = period.text.clone();
        let mut same_part = part.shifted(-12 * years);
        same_part.part_of = Some(period.start.year().to_string());
        same_part.relative = false;
        same_part.text = text;
        binding.period = Some(same_part);
    }
}

/// "… as of the end of June, up 5.0 per cent … from the end of 2024. ¶ … permanent residents
/// … up 1.5 per cent": a change bound to the carried period, with no base of its own, is
/// measured against the base of the change that set that period (`state.compared`).
fn inherit_carried_base(sentence: &SentenceFigures, bindings: &mut [Binding], state: &Carried) {
    let (Some(base), Some((carried, _))) = (&state.compared, &state.period) else {
        return;
    };
    for (binding, figure) in bindings.iter_mut().zip(sentence.figures) {
        let carried_here = binding.period_source == Some(PeriodSource::Passage)
            && binding.period.as_ref() == Some(carried);
        if carried_here
            && binding.compared_with.is_none()
            && changes_by(sentence.text, local_span(sentence, figure))
        {
            binding.compared_with = Some(base.clone());
        }
    }
}

/// The period phrases of one sentence, read against what the document's earlier sentences left
/// (`state`, the last period named, whether the sentence before counted in fiscal years).
fn sentence_periods(
    sentence: &SentenceFigures,
    date: Option<Month>,
    rules: &BindRules,
    state: &mut Carried,
    last_named: &mut Option<Period>,
    fiscal_before: bool,
) -> Vec<period::Found> {
    let masks = year_masks(sentence);
    let mut periods = period::find_in(
        sentence.text,
        rules,
        date,
        &masks,
        fiscal_before,
        state.split_year_start,
    );
    join_start_dates_to_since(&mut periods, sentence.text);
    same_day_as_dated_before(&mut periods, &mut state.dated_days);
    period::split_years_written_in_full(&mut periods, sentence.text);
    period::same_month_of_listed_years(&mut periods, sentence.text);
    let carried = state.period.as_ref().map(|(period, _)| period);
    // "… compared to 26,216 in the same period of 2021. That year, 133,000 passed": that year
    // is the last one named, a comparison's base or not.
    period::resolve_that_day(&mut periods, last_named.as_ref());
    period::resolve_that_year(
        &mut periods,
        last_named.as_ref(),
        rules.fiscal_start(state.split_year_start),
    );
    period::same_span_in_named_year(&mut periods, carried);
    period::repeat_of_carried_a_year_back(&mut periods, carried);
    // "… 7,270 … a nearly 13-fold increase from the 566 in the same month in 2023. ¶ … 39,910
    // migrants last year, an all-time record": a count many times the compared sentence's
    // largest is a whole year's, not the same part of it.
    if let Some((part, compared)) = state.compared_part.take() {
        if largest_count(sentence) <= compared * PART_SCALE {
            period::same_part_of_bare_years(&mut periods, &part, sentence.text);
        }
    }
    // "So far this year 19,294 have crossed. ¶ This is a 10% increase on the figure recorded
    // last year, which was 17,620": a bare earlier year that a change is measured against, in
    // a sentence naming no period of its own and going on with a part of a year, is the same
    // part of that year.
    if let Some(part) = carried.filter(|period| period.partial) {
        if !periods.is_empty() && periods.iter().all(|found| found.base) {
            period::same_part_of_bare_years(&mut periods, part, sentence.text);
        }
    }
    period::previous_of_the_sentence(&mut periods, carried, sentence.text);
    mark_base_levels(&mut periods, sentence);
    if let Some(last) = periods.iter().max_by_key(|found| found.span.end) {
        *last_named = Some(last.period.clone());
        state.last_phrase = Some((last.period.clone(), last.span.shift(sentence.span.start)));
    }
    if let Some(named) = carried {
        period::repeat_carried(&mut periods, named);
    }
    periods
}

/// "The latest figures show there is a backlog of 175,000 people": a sentence in the present
/// tense (a present verb, no past one) is about the publication date, not about a period an
/// earlier paragraph went on about that ended months before it.
fn states_the_present(lower: &str, carried: &Period, date: Option<Month>) -> bool {
    const PRESENT: &[&str] = &[
        "is",
        "are",
        "has",
        "have",
        "remains",
        "remain",
        "now",
        "currently",
    ];
    const PAST: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "last",
        "ago",
        "previous",
        "previously",
    ];
    // Only a period that ended well before publication is worth reading the tense for.
    if date.is_none_or(|date| carried.end.plus(2) >= date) {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let present = words.iter().any(|word| PRESENT.contains(word));
    // A verb in "-ed" not after an auxiliary is a simple past ("accounted for 25.4 million").
    let simple_past = words.windows(2).any(|pair| {
        pair[1].len() > 4
            && pair[1].ends_with("ed")
            && !matches!(pair[0], "has" | "have" | "is" | "are" | "been" | "be")
    });
    let past = simple_past || words.iter().any(|word| PAST.contains(word));
    present && !past
}

/// What a sentence passes on to the sentences after it: the period it goes on about (with the
/// span of the phrase that named it, in the document), whether a statistic of the sentence was
/// bound to it, and whether the sentence only compares with it.
struct PassedOn {
    named: (Period, Span),
    states_one: bool,
    compares: bool,
}

/// The latest period a statistic of the sentence took (the last statistic's, of periods ending
/// alike), else the last one it names ("rose 18% in 2023 to 1.14 million, the highest level
/// since 2016" goes on about 2023; "dropped by 124,000 people in 2024-25, … since the financial
/// year high of 538,000 people in 2022-23" goes on about 2024-25); none when that
/// period recalls a record, looks back, dates an event or something else than the sentence's
/// statistics.
fn passed_on(
    sentence: &SentenceFigures,
    mut periods: Vec<period::Found>,
    bindings: &[Binding],
    lower: &str,
    rules: &BindRules,
) -> Option<PassedOn> {
    // "The previous high was in September 2023": that month is its own figures', not what the
    // passage goes on about.
    let recalls_record = rules
        .earlier_record
        .iter()
        .any(|phrase| lower.contains(phrase.as_str()));
    // "The report is published ahead of World Refugee Day on June 20th": a day named in a
    // sentence without a statistic dates an event, not the period the passage counts.
    let period_spans: Vec<Span> = periods.iter().map(|found| found.span).collect();
    let no_statistic = sentence
        .figures
        .iter()
        .filter(|figure| !matches!(figure.unit, Unit::Year | Unit::Ordinal))
        .all(|figure| {
            let local = local_span(sentence, figure);
            period_spans.iter().any(|span| span.contains(local))
        });
    let statistics = || {
        bindings
            .iter()
            .zip(sentence.figures)
            .rev()
            .filter(|(binding, figure)| !binding.in_period_phrase && is_statistic(figure))
    };
    // "… far above the government's stated ambition to cut migration to 260,000 in the next
    // financial year": a target's period is no period the passage goes on about.
    let targets = |figure: &Figure| {
        let local = local_span(sentence, figure);
        let start = sentence.text[..local.start.min(sentence.text.len())]
            .rfind([',', ';'])
            .map_or(0, |at| at + 1);
        period::projection(
            &sentence.text[start..local.start.min(sentence.text.len())].to_lowercase(),
        )
    };
    let own_period = |binding: &Binding| {
        matches!(
            binding.period_source,
            Some(PeriodSource::Clause | PeriodSource::Sentence)
        )
    };
    // "including 90 on Christmas Day": a day named by its name is no period the passage goes
    // on about.
    let by_name = |period: &Period| period::names_a_day_by_name(&period.text);
    let bound = statistics()
        .filter(|(binding, figure)| {
            own_period(binding) && !binding.period.as_ref().is_some_and(by_name) && !targets(figure)
        })
        .filter_map(|(binding, figure)| {
            let span = binding.period_span?;
            let change = changes_by(sentence.text, local_span(sentence, figure));
            periods
                .iter()
                .position(|found| !found.base && found.span.shift(sentence.span.start) == span)
                .map(|at| (at, binding.period.as_ref(), change))
        })
        // Statistics come last to first: a later one is passed on only when its period ends
        // later.
        .reduce(|best, next| {
            if periods[next.0].period.end > periods[best.0].period.end {
                next
            } else {
                best
            }
        });
    let states_one = bound.is_some();
    // "237 were from Afghanistan, where the Taliban seized power in 2021": when none of a
    // sentence's statistics took a period it names, that period dates something else.
    let dates_something_else =
        statistics().next().is_some() && !statistics().any(|(binding, _)| own_period(binding));
    let last = match bound {
        Some((at, bound_period, change)) => {
            let mut found = periods.swap_remove(at);
            // "From 2020 to 2023, deployments rose by 323.9%. ¶ … land-based workers
            // (1,752,094)": a change over years goes on about the year it ends in.
            if change {
                found.period = later_end(&found.period);
            }
            // A cut-off read as a running total ("returned ... as of 12 October 2024") goes on
            // as the running total: "These include 16,386 men".
            if let Some(total) = bound_period.filter(|period| {
                period.partial && !found.period.partial && period.end == found.period.end
            }) {
                found.period = total.clone();
            }
            found
        }
        None => {
            // The periods of targets' figures are none of the passage's either.
            let targeted: Vec<Span> = statistics()
                .filter(|(_, figure)| targets(figure))
                .filter_map(|(binding, _)| binding.period_span)
                .collect();
            periods.into_iter().rfind(|found| {
                !found.base
                    && !by_name(&found.period)
                    && !targeted.contains(&found.span.shift(sentence.span.start))
            })?
        }
    };
    if no_statistic
        && (dates_a_day(sentence.text, &last) || dates_an_event(sentence.text, &last, rules))
    {
        return None;
    }
    // "The number stood at 2.46 million a year earlier.": a look back from the period the
    // passage is about is not what it goes on about.
    let looks_back = period::months_before(&last).is_some();
    // "(As of June 6, 2023, there had been 84,613 arrivals from Ukraine, according to the
    // CSO.)": a sentence written wholly in brackets is an aside, not what the passage or the
    // document goes on about.
    let trimmed = sentence.text.trim();
    let aside = trimmed.starts_with('(') && trimmed.trim_end_matches(['.', '"']).ends_with(')');
    if recalls_record || looks_back || dates_something_else || aside {
        return None;
    }
    // "In comparison, … for the same period last year — between January and 19 August 2021 —
    // 10,032 entered": a period named to compare with is not what the passage goes on about.
    let same = last.period.text.to_lowercase();
    let compares = COMPARISON_OPENERS
        .iter()
        .any(|opener| lower.trim_start().starts_with(opener))
        || same.starts_with("the same ")
        || same.starts_with("same ");
    Some(PassedOn {
        named: (last.period, last.span.shift(sentence.span.start)),
        states_one,
        compares,
    })
}

/// The year a span of whole years ends in ("from 2020 to 2023" → 2023); any other period as it is.
fn later_end(period: &Period) -> Period {
    let whole_years = period.start.month() == 1 && period.end.month() == 12;
    if !whole_years || period.end.year() == period.start.year() || period.fiscal {
        return period.clone();
    }
    Period {
        text: period.text.clone(),
        ..Period::calendar_year(period.end.year())
    }
}

/// A figure that states a statistic (not a year, an ordinal, an age or a duration).
fn is_statistic(figure: &Figure) -> bool {
    matches!(
        figure.unit,
        Unit::Count
            | Unit::Percent
            | Unit::PercentagePoints
            | Unit::Money
            | Unit::Rate
            | Unit::Multiplier
            | Unit::Fraction
    )
}

/// The phrase names a day, or a day number follows it ("June 20th" read as "June").
fn dates_a_day(text: &str, found: &period::Found) -> bool {
    let day_after = text.get(found.span.end..).is_some_and(|rest| {
        let digits = rest
            .strip_prefix(' ')
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        (1..=2).contains(&digits) && !rest[1 + digits..].starts_with(|c: char| c.is_ascii_digit())
    });
    day_after || period::names_a_day(&found.period.text)
}

/// The period `found` follows an event word and its preposition ("was introduced in 2019", "took
/// effect on 1 July"): it dates the event.
fn dates_an_event(text: &str, found: &period::Found, rules: &BindRules) -> bool {
    let before = text
        .get(..found.span.start)
        .unwrap_or("")
        .trim_end()
        .to_lowercase();
    let before = ["in", "on", "from", "at"]
        .iter()
        .find_map(|preposition| {
            before
                .strip_suffix(preposition)
                .filter(|rest| rest.ends_with(' '))
        })
        .map_or(before.as_str(), str::trim_end);
    rules.event_words.iter().any(|word| {
        before
            .strip_suffix(word.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Where `word` first stands as a whole word (or phrase) in `lower`.
fn first_word_at(lower: &str, word: &str) -> Option<usize> {
    lower.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Openings of a sentence that states the figures another one is compared with.
const COMPARISON_OPENERS: &[&str] = &[
    "in comparison",
    "by comparison",
    "in contrast",
    "by contrast",
    "for comparison",
];

/// "Requests for asylum fall more than 40 percent in Mexico" over "Asylum applications … drop by
/// 41.9% … between January and May 2024": a figure whose only period is the publication date's
/// takes the period of the first later figure of its document that repeats it (the same unit,
/// each value within the other's written interval) and has a period of its own clause or
/// sentence. Recorded as `passage`, with the span of the phrase that dates the repetition.
/// `figures` are one document's, in text order, each with its binding.
pub fn repeat_later_periods(mut figures: Vec<(&Figure, &mut Binding)>) {
    // The figures a repetition may be: dated by their own clause or sentence, in text order.
    let dated: Vec<usize> = (0..figures.len())
        .filter(|at| {
            let (figure, binding) = &figures[*at];
            figure.unit != Unit::Year
                && matches!(
                    binding.period_source,
                    Some(PeriodSource::Clause | PeriodSource::Sentence)
                )
        })
        .collect();
    for at in 0..figures.len() {
        if figures[at].1.period_source != Some(PeriodSource::DocumentDate) {
            continue;
        }
        let figure = figures[at].0;
        // "fallen below 1 million" (0 to 1,000,000) holds every smaller count: only a figure
        // whose interval is at most half its value either way is repeated by a value in it.
        let narrow = |(low, high): (f64, f64), value: f64| high - low <= value.abs() / 2.0;
        let Some((low, high)) = figure
            .written_interval()
            .filter(|interval| narrow(*interval, figure.value))
        else {
            continue;
        };
        let repeats = |later: &Figure| {
            later.unit == figure.unit
                && later.currency == figure.currency
                && later
                    .written_interval()
                    .filter(|interval| narrow(*interval, later.value))
                    .is_some_and(|(later_low, later_high)| {
                        (low..=high).contains(&later.value)
                            || (later_low..=later_high).contains(&figure.value)
                    })
        };
        // A long document with many undated figures reads only the next dated ones.
        let repeated = dated[dated.partition_point(|other| *other <= at)..]
            .iter()
            .take(MAX_REPEAT_LOOKAHEAD)
            .find(|other| repeats(figures[**other].0));
        let Some(&other) = repeated else {
            continue;
        };
        let (period, span) = (
            figures[other].1.period.clone(),
            figures[other].1.period_span,
        );
        let own = &mut figures[at].1;
        own.period = period;
        own.period_span = span;
        own.period_source = Some(PeriodSource::Passage);
    }
}

/// "Net migration to UK hits 672,000, up 65,000 from the previous year ¶ … the latest figures
/// show. ¶ … net migration stood at a provisional 672,000 in the year to June 2023": a figure
/// left with only the publication date (written before the document names any period, or in
/// the present tense after an old one), and not dated by a repetition, takes the first period
/// the document goes on about (`first`, from [`Carried`]). Recorded as
/// `passage`: a period carried from elsewhere, which never makes a contradiction. A stock's
/// whole year is its end, as in its own sentence. `figures`: each figure with its sentence's
/// text and its binding.
pub fn date_lede_by_first_period(
    figures: Vec<(&Figure, &str, &mut Binding)>,
    first: Option<&(Period, Span)>,
    rules: &BindRules,
) {
    let Some((period, span)) = first else {
        return;
    };
    for (figure, sentence, binding) in figures {
        if binding.period_source == Some(PeriodSource::DocumentDate) {
            let mut period = period.clone();
            at_end_if_stock(&mut period, figure, sentence, rules, false, false);
            binding.period = Some(period);
            binding.period_span = Some(*span);
            binding.period_source = Some(PeriodSource::Passage);
        }
    }
}

/// "Fiscal year 2024 ended Monday … The U.S. went from nearly 85,000 refugees in 2016 to fewer
/// than 12,000 in 2020": a document that dates more statistics by fiscal year than by a bare
/// year, in their own clauses or sentences, counts in fiscal years, so a bare year of it ("in
/// 2016", nothing else written) is that fiscal year too (`fiscal_start_month` of the year
/// before to the month before it). A "calendar year" or a month written with the year is left
/// as written. `bindings` are one document's.
pub fn read_bare_years_as_fiscal(mut bindings: Vec<&mut Binding>, rules: &BindRules) {
    let own = |binding: &Binding| {
        matches!(
            binding.period_source,
            Some(PeriodSource::Clause | PeriodSource::Sentence)
        )
    };
    let fiscal = |binding: &Binding| {
        own(binding)
            && binding.period.as_ref().is_some_and(|period| {
                period.fiscal && period.granularity == Granularity::FiscalYear
            })
    };
    let bare = |period: &Period| {
        period.text.len() == 4
            && period.text.chars().all(|ch| ch.is_ascii_digit())
            && period.granularity == Granularity::Year
            && !period.fiscal
            && !period.partial
            && period.start.month() == 1
    };
    // Mostly fiscal: more statistics of fiscal years than of bare years ("in fiscal
    // year 2023, the United States reported 2.48 million …" in an article on Panama's calendar
    // years dates nothing else).
    let fiscal_years = bindings.iter().filter(|binding| fiscal(binding)).count();
    let bare_years = bindings
        .iter()
        .filter(|binding| own(binding) && binding.period.as_ref().is_some_and(bare))
        .count();
    if fiscal_years == 0 || fiscal_years <= bare_years {
        return;
    }
    // The month the document's fiscal years start in, as its first one read.
    let start_month = bindings
        .iter()
        .find(|binding| fiscal(binding))
        .and_then(|binding| binding.period.as_ref())
        .map_or(rules.fiscal_start_month, |period| period.start.month());
    for binding in bindings.iter_mut() {
        let Some(period) = binding.period.as_mut() else {
            continue;
        };
        if !bare(period) {
            continue;
        }
        let year = period.start.year();
        let text = std::mem::take(&mut period.text);
        let relative = period.relative;
        *period = Period::fiscal_year(year, start_month);
        period.text = text;
        period.relative = relative;
    }
}

/// How many dated figures after an undated one [`repeat_later_periods`] reads for its repetition.
const MAX_REPEAT_LOOKAHEAD: usize = 200;

/// How far before the publication date the data of a "so far this year" may stop: the text may
/// say where elsewhere ("between January and May 2024" in an article of June 21).
const MAX_DATA_LAG_MONTHS: i32 = 2;

/// Settles the end of every "so far" period of one document, whose end is only the publication
/// date (`approximate_end`), when the document names the same span with an explicit end: "41.9%
/// so far this year" in an article of June 21, 2024 that also says "between January and May
/// 2024" is January to May. A named span counts when it starts where the "so far" period starts
/// and ends at most `MAX_DATA_LAG_MONTHS` before it; of several, the latest end wins. Nothing
/// changes when the document names none, unless it was published in the first
/// `EARLY_IN_MONTH_DAYS` days of its month (`date`, "2024-06-07"): a running total published
/// then counts to the month before ("so far this year" on June 7 is January to May), still
/// marked approximate; unless a figure of the document is counted within the publication month
/// itself ("472 people made the crossing on Monday, taking the provisional total for 2023 to
/// 25,330"): a count kept day by day runs to the day of writing.
pub fn settle_to_date_ends(mut bindings: Vec<&mut Binding>, date: Option<&str>) {
    let published = date.and_then(publication_month);
    let counted_this_month = bindings.iter().any(|binding| {
        binding.period_source == Some(PeriodSource::Clause)
            && binding.period.as_ref().is_some_and(|period| {
                period.partial
                    && period.granularity == Granularity::Month
                    && Some(period.start) == published
                    && period.end == period.start
            })
    });
    let early = !counted_this_month
        && date
            .and_then(publication_day)
            .is_some_and(|day| day <= EARLY_IN_MONTH_DAYS);
    let named: Vec<(Month, Month)> = bindings
        .iter()
        .filter_map(|binding| binding.period.as_ref())
        // A span of months: one month named alone ("down from 56,530 in October") is that
        // month's count, not the running total's end, even when the total starts with it.
        .filter(|period| !period.approximate_end && period.granularity == Granularity::Months)
        .map(|period| (period.start, period.end))
        .collect();
    // The latest single month the document counts in its own clauses ("reached 31,887 in
    // October" in an article of November): where its data stops.
    let latest_month = bindings
        .iter()
        .filter(|binding| binding.period_source == Some(PeriodSource::Clause))
        .filter_map(|binding| binding.period.as_ref())
        .filter(|period| !period.approximate_end && period.granularity == Granularity::Month)
        .map(|period| period.end)
        .max();
    for binding in &mut bindings {
        // A running total only: "over the last year" stays twelve months long.
        let Some(period) = binding
            .period
            .as_mut()
            .filter(|p| p.approximate_end && p.partial)
        else {
            continue;
        };
        // "so far this year … In the same period last year, 108,606": a repeat of the running
        // total a year or more before ends where it does, that many years before.
        let back = published
            .map(|published| published.index() - period.end.index())
            .filter(|back| *back > 0 && back % 12 == 0 && *back <= MAX_REPEAT_YEARS * 12)
            .unwrap_or(0);
        let (start, to_date) = (period.start.plus(back), period.end.plus(back));
        let end = named
            .iter()
            .filter(|(named_start, end)| {
                *named_start == start
                    && *end < to_date
                    && to_date.index() - end.index() <= MAX_DATA_LAG_MONTHS
            })
            .map(|(_, end)| *end)
            .max();
        // "So far in 2023, 267,384": to that latest month, when it is in the running total's
        // span and the month right before its end, and nothing is counted in the publication's
        // own month.
        let data_end = latest_month.filter(|month| {
            !counted_this_month
                && start < *month
                && *month < to_date
                && to_date.index() - month.index() == 1
        });
        if let Some(end) = end {
            period.end = end.plus(-back);
            period.approximate_end = false;
        } else if let Some(end) = data_end {
            // Still a guess at where the data stops: the end stays approximate.
            period.end = end.plus(-back);
        } else if early && Some(to_date) == published && start < to_date {
            period.end = period.end.plus(-1);
        }
    }
}

/// How many years before the publication a repeated running total ("the same period last year")
/// may end and still be settled like the running total it repeats.
const MAX_REPEAT_YEARS: i32 = 3;

/// A publication's first days of a month, in which the month's own statistics are rarely out.
const EARLY_IN_MONTH_DAYS: u32 = 10;

/// The day of the month a publication date names ("2024-06-07" is 7), if it names one.
pub fn publication_day(date: &str) -> Option<u32> {
    let day: u32 = date.trim().split(['-', '/']).nth(2)?.trim().parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// "from 1,515 claims in 2018 to 25,465 in 2023", "13 percent, down from 20 percent two years
/// prior": the period a change written with both ends is measured from, when its start's period
/// is written inside it or right after it.
fn two_ended_start(
    text: &str,
    periods: &[period::Found],
    figure: &Figure,
    local: Span,
) -> Option<Period> {
    if !figure.is_two_ended_change() {
        return None;
    }
    let right_after = |found: &period::Found| {
        text.get(local.end..found.span.start)
            .is_some_and(|between| between.trim().is_empty())
    };
    periods
        .iter()
        .filter(|found| {
            (local.contains(found.span) && found.span != local)
                || (found.span.start >= local.end
                    && right_after(found)
                    && period::months_before(found).is_some())
        })
        .min_by_key(|found| found.span.start)
        .map(|found| found.period.clone())
}

/// How many times the largest count of a sentence that compared a part of a year with the same
/// part of an earlier one the next sentence's count may be and still be that part.
const PART_SCALE: f64 = 3.0;

/// The largest count of the sentence, 0 without one.
fn largest_count(sentence: &SentenceFigures) -> f64 {
    sentence
        .figures
        .iter()
        .filter(|figure| figure.unit == Unit::Count)
        .map(|figure| figure.value)
        .fold(0.0, f64::max)
}

/// The part of a year a binding compares with the same part of an earlier year: its period is
/// partial, its base as long and a whole number of years before it.
fn compared_part(binding: &Binding) -> Option<Period> {
    let period = binding.period.as_ref()?;
    let base = binding.compared_with.as_ref()?;
    let years = period.start.year() - base.start.year();
    (period.partial
        && !period.fiscal
        && period.months() < 12
        && years > 0
        && base.start == period.start.plus(-12 * years)
        && base.end == period.end.plus(-12 * years))
    .then(|| period.clone())
}

/// A figure whose sentence gives it no period: the passage's (`carried`), else the publication
/// month, marked relative and approximate; with neither, none.
fn fall_back(binding: &mut Binding, carried: Option<&(Period, Span)>, date: Option<Month>) {
    match (carried, date) {
        (Some((period, span)), _) => {
            binding.period = Some(period.clone());
            binding.period_span = Some(*span);
            binding.period_source = Some(PeriodSource::Passage);
        }
        (None, Some(date)) => {
            let mut period = Period::point(date);
            period.relative = true;
            period.approximate_end = true;
            binding.period = Some(period);
            binding.period_source = Some(PeriodSource::DocumentDate);
        }
        (None, None) => {}
    }
}

/// The agency that counted a figure: the nearest its own clause names (and `true`), else the
/// nearest its sentence names.
fn counted_by(
    agencies: &[(Span, String)],
    clauses: &[usize],
    own_clause: usize,
    local: Span,
) -> (Option<String>, bool) {
    let own = agencies
        .iter()
        .filter(|(span, _)| clause::of(clauses, span.start) == own_clause)
        .min_by_key(|(span, _)| distance(*span, local));
    match own {
        Some((_, name)) => (Some(name.clone()), true),
        None => (
            agencies
                .iter()
                .min_by_key(|(span, _)| distance(*span, local))
                .map(|(_, name)| name.clone()),
            false,
        ),
    }
}

/// "Compared with the population of each EU country (on 1 January 2023), the highest rates
/// were recorded in Cyprus (87.1)": a period alone in brackets right after a word, not a figure,
/// dates that word (the population), not the sentence's figures; unless a colon after the bracket
/// makes the word a label of the value that follows.
fn dates_a_word(text: &str, span: Span, quantities: &[Span]) -> bool {
    /// Words between the bracket and the phrase ("(on 1 January 2023)", "(as of June)").
    const MAX_LEAD_WORDS: usize = 3;
    let Some(open) = text[..span.start].rfind('(') else {
        return false;
    };
    let lead = &text[open + 1..span.start];
    let after = text[span.end..].trim_start();
    let closed = after.starts_with(')');
    // "Total repatriations (October 2024 – March 2025): 180,417": a label and its period before
    // the value they introduce date the value.
    let labels_a_value = after
        .strip_prefix(')')
        .is_some_and(|rest| rest.trim_start().starts_with(':'));
    let before = text[..open].trim_end();
    // "2,000 (in 2023)" dates the figure before the bracket.
    let after_figure = quantities
        .iter()
        .any(|quantity| quantity.end == before.len());
    closed
        && !labels_a_value
        && !lead.contains(')')
        && lead.split_whitespace().count() <= MAX_LEAD_WORDS
        && !after_figure
        && before.ends_with(|c: char| c.is_alphabetic())
}

/// Where the last reporting verb of `before` ends ("A report last week by NGO X said"), if
/// `before` has one.
fn reporting_verb_end(before: &str) -> Option<usize> {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "showed",
        "shows",
        "found",
        "finds",
        "reported",
        "reports",
        "revealed",
        "reveals",
        "estimated",
        "estimates",
    ];
    let mut end = None;
    let mut at = 0;
    for word in before.split_inclusive(|ch: char| !ch.is_alphanumeric()) {
        let bare = word.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        if VERBS.iter().any(|verb| bare.eq_ignore_ascii_case(verb)) {
            end = Some(at + bare.len());
        }
        at += word.len();
    }
    end
}

/// "… 939 arrivals from Cyrenaica, reversing last year's trend": a possessive period dates the
/// noun it owns; it is the period of a figure only when that figure is what it owns, written
/// right after it ("last year's annual total of 9,437": a few words, no comma between). A verb
/// that compares its noun with the figure stands between two quantities: "Last year's arrivals
/// surpassed the 39,910 migrants who reached the islands … in 2023" owns no figure.
fn owns_a_word(text: &str, found: &period::Found, local: Span) -> bool {
    /// Words between the possessive and the figure it owns ("annual total of").
    const MAX_OWNED_WORDS: usize = 5;
    const COMPARING_VERBS: &[&str] = &[
        "surpassed",
        "surpasses",
        "exceeded",
        "exceeds",
        "topped",
        "tops",
        "outstripped",
        "eclipsed",
        "overtook",
        "beat",
        "doubled",
        "tripled",
    ];
    if !found.possessive {
        return false;
    }
    let owned = local.start >= found.span.end
        && text
            .get(found.span.end..local.start)
            .is_some_and(|between| {
                let between = between.trim_start_matches("'s").trim_start_matches("’s");
                !between.contains([',', ';', '.'])
                    && between.split_whitespace().count() <= MAX_OWNED_WORDS
                    && !between.split_whitespace().any(|word| {
                        COMPARING_VERBS
                            .iter()
                            .any(|verb| word.eq_ignore_ascii_case(verb))
                    })
            });
    !owned
}

/// "up nearly 16% from 232,963 in August", "compared to 6,400 in 2022": a period written right
/// after a change's base level (a quantity after "from", "than", "compared with", "over",
/// "versus", "against"; at most two words between the level and the phrase, no comma) dates
/// that level, so it is the change's base and no other figure's period.
fn mark_base_levels(periods: &mut Vec<period::Found>, sentence: &SentenceFigures) {
    join_years_to_base_phrases(periods, sentence.text);
    const CUES: &[&str] = &[
        "from",
        "than",
        "compared with",
        "compared to",
        "in comparison with",
        "in comparison to",
        "as against",
        "over",
        "versus",
        "against",
        // Spanish: "en comparación con los 61,680 ciudadanos retornados en 2024".
        "en comparación con",
        "en comparación a",
        "comparado con",
        "frente a",
        "respecto a",
    ];
    let text = sentence.text;
    let quantities = local_counts(sentence);
    for found in periods.iter_mut().filter(|found| !found.base) {
        let Some(level) = quantities
            .iter()
            .filter(|level| level.end <= found.span.start)
            .max_by_key(|level| level.end)
        else {
            continue;
        };
        let between = &text[level.end..found.span.start];
        // "compared to 203,300 at the end of March": the words that lead to a point in time.
        let lower_between = between.to_lowercase();
        let between = [
            "at the end of",
            "by the end of",
            "at the start of",
            "as of",
            "as at",
        ]
        .iter()
        .find_map(|lead| {
            lower_between
                .trim_end()
                .strip_suffix(lead)
                .and_then(|rest| between.get(..rest.len()))
        })
        .unwrap_or(between);
        // Up to three words before a bare year ("the 61,680 citizens returned in 2024"), two
        // before any other phrase.
        let bare_year = found.period.granularity == Granularity::Year
            && found.period.text.trim().chars().all(|c| c.is_ascii_digit());
        // "a 95% decrease from the 137,473 aliens apprehended under the Biden administration in
        // the same period in 2024": a same-span phrase names a comparison's base, so it may
        // stand further from the level it dates.
        let same_span = found.period.text.to_lowercase().contains("same ");
        let most = if same_span {
            MAX_WORDS_TO_SAME_SPAN
        } else if bare_year {
            3
        } else {
            2
        };
        // "the 536,000 migrants who arrived across the 2022-23 year": a relative clause
        // describing the level stands between it and its period.
        let relative = between
            .split_whitespace()
            .take(2)
            .any(|word| matches!(word.to_lowercase().as_str(), "who" | "that" | "which"));
        let most = if relative { most.max(5) } else { most };
        if between.contains([',', ';', '(', ')']) || between.split_whitespace().count() > most {
            continue;
        }
        let before = text[..level.start].trim_end().to_lowercase();
        // "a decrease from the 661,670 refugees registered at the start of the year", "down 20
        // per cent from a record 906,000 in the year to June 2023": an article and a few words
        // describing the level stand between the cue and the level.
        const DESCRIBING: &[&str] = &[
            "the",
            "a",
            "an",
            "los",
            "las",
            "el",
            "la",
            "record",
            "revised",
            "provisional",
            "estimated",
            "peak",
            "high",
            "all-time",
            "total",
            "of",
        ];
        let mut before = before.as_str();
        for _ in 0..4 {
            let Some(rest) = DESCRIBING.iter().find_map(|word| {
                before
                    .strip_suffix(word)
                    .filter(|rest| rest.ends_with(' '))
                    .map(str::trim_end)
            }) else {
                break;
            };
            before = rest;
        }
        // "a 16 per cent decline on the 536,000": "on" after a change word.
        const CHANGES_ON: &[&str] = &[
            "increase", "decrease", "rise", "fall", "drop", "decline", "up", "down", "jump",
            "growth",
        ];
        let on_change = before.strip_suffix(" on").is_some_and(|rest| {
            CHANGES_ON.iter().any(|word| {
                rest.strip_suffix(word)
                    .is_some_and(|head| !head.ends_with(|c: char| c.is_alphanumeric()))
            })
        });
        let cued = on_change
            || CUES.iter().any(|cue| {
                before.strip_suffix(cue).is_some_and(|rest| {
                    rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
                })
            });
        if cued {
            found.base = true;
            found.level = Some(*level);
        } else if text[level.start..level.end]
            .to_lowercase()
            .contains(" from ")
        {
            // "$3.6 billion, up from $2.6 billion the previous year": a figure read with the
            // base it changed from ends in that base, so the phrase after it dates the base,
            // not the figure (which keeps its own period) nor a change after it ("with around
            // 40.7 percent increase").
            found.base = true;
        }
    }
    // A same-span phrase marked a base here takes its year too.
    join_years_to_base_phrases(periods, sentence.text);
}

/// Words a same-span phrase ("in the same period in 2024") may stand after the base level it
/// dates ("from the 137,473 aliens apprehended under the Biden administration").
const MAX_WORDS_TO_SAME_SPAN: usize = 8;

/// "a five-fold increase over the same month in 2020", "73% higher than at this stage in 2023
/// (14,732)": the year written right after a base's "the same month in" is part of that phrase,
/// unless a clause goes on to describe that year ("… of 2023, a year that ended with a record of
/// 140,982").
fn join_years_to_base_phrases(periods: &mut Vec<period::Found>, text: &str) {
    let mut joined: Vec<usize> = Vec::new();
    for at in 1..periods.len() {
        let (before, rest) = periods.split_at_mut(at);
        let (phrase, year) = (&mut before[at - 1], &rest[0]);
        let adjacent = (phrase.span.end..=phrase.span.end + 1).contains(&year.span.start);
        let described = text[year.span.end..]
            .trim_start_matches([',', ' '])
            .to_lowercase();
        let described = ["a year", "which", "when"]
            .iter()
            .any(|cue| described.starts_with(cue));
        if phrase.base
            && !year.base
            && adjacent
            && !described
            && year.period.granularity == Granularity::Year
        {
            phrase.span = Span::new(phrase.span.start, year.span.end);
            phrase.period.text = text[phrase.span.start..phrase.span.end].to_string();
            joined.push(at);
        }
    }
    for at in joined.into_iter().rev() {
        periods.remove(at);
    }
}

/// "Since the start of fiscal year 2024 on October 1, agents have apprehended …": the month a
/// running period starts in, written right after it ("on", "in", a comma), names that start; it
/// is part of the phrase, not a period of its own.
fn join_start_dates_to_since(periods: &mut Vec<period::Found>, text: &str) {
    let mut at = 1;
    while at < periods.len() {
        let (since, date) = (&periods[at - 1], &periods[at]);
        let gap = text
            .get(since.span.end..date.span.start)
            .unwrap_or("x")
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .to_lowercase();
        let names_its_start = since.period.partial
            && since.period.months() > 1
            && matches!(gap.as_str(), "" | "on" | "in")
            && date.period.start == since.period.start
            && date.period.months() == 1;
        if names_its_start {
            let end = date.span.end;
            let since = &mut periods[at - 1];
            since.span = Span::new(since.span.start, end);
            since.period.text = text[since.span.start..end].to_string();
            periods.remove(at);
        } else {
            at += 1;
        }
    }
}

/// A figure's span relative to its sentence.
fn local_span(sentence: &SentenceFigures, figure: &Figure) -> Span {
    Span::new(
        figure.span.start.saturating_sub(sentence.span.start),
        figure.span.end.saturating_sub(sentence.span.start),
    )
}

/// Spans (relative to the sentence) of the figures that are quantities, not years.
fn local_counts(sentence: &SentenceFigures) -> Vec<Span> {
    sentence
        .figures
        .iter()
        .filter(|figure| figure.unit != Unit::Year)
        .map(|figure| local_span(sentence, figure))
        .collect()
}

/// The spans a year may not be read from: every quantity, and of a change written with both
/// ends ("from 1,515 claims in 2018 to 25,465") only its numbers, so that the year written
/// after "in" inside it is still a period.
fn year_masks(sentence: &SentenceFigures) -> Vec<Span> {
    let mut masks = Vec::new();
    for figure in sentence
        .figures
        .iter()
        .filter(|figure| figure.unit != Unit::Year)
    {
        let span = local_span(sentence, figure);
        let Some(text) = sentence
            .text
            .get(span.start..span.end)
            .filter(|_| figure.is_two_ended_change())
        else {
            masks.push(span);
            continue;
        };
        let mut at = 0;
        for word in text.split_inclusive(' ') {
            let numeral = word.trim_end();
            let before = text[..at].trim_end();
            let dated = before.ends_with(" in") || before.ends_with(" of") || before == "in";
            if numeral.starts_with(|ch: char| ch.is_ascii_digit()) && !dated {
                masks.push(Span::new(span.start + at, span.start + at + numeral.len()));
            }
            at += word.len();
        }
    }
    masks
}

/// The bindings of one sentence's figures; `periods` are the sentence's period phrases.
fn bind_sentence(
    sentence: &SentenceFigures,
    periods: &[period::Found],
    date: Option<Month>,
    carried: Option<&(Period, Span)>,
    rules: &BindRules,
) -> Vec<Binding> {
    let text = sentence.text;
    let period_spans: Vec<Span> = periods.iter().map(|found| found.span).collect();
    let clauses = clause::split(text, &period_spans, rules);
    let reading = SentenceReading {
        sentence,
        periods,
        comparisons: clause::comparisons(text, &clauses),
        agencies: clause::agencies(text, rules),
        respective: respectively(sentence, periods),
        // Figures that are statistics, not a part of a period phrase ("first" in "the first
        // quarter").
        quantities: local_counts(sentence)
            .into_iter()
            .filter(|span| !period_spans.iter().any(|p| p.contains(*span)))
            .collect(),
        asides: relative_asides(text),
        clauses,
        period_spans,
    };
    let statistics: Vec<Span> = sentence
        .figures
        .iter()
        .filter(|figure| is_statistic(figure))
        .map(|figure| local_span(sentence, figure))
        .filter(|span| !reading.period_spans.iter().any(|p| p.contains(*span)))
        .collect();
    // Peoples and places named in the sentence, read only where it states a statistic.
    let (named, places_at) = if statistics.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (
            population::Populations::builtin().named(text),
            crate::figures::places_at(text),
        )
    };
    let people_at: Vec<usize> = named.iter().map(|(at, _)| *at).collect();
    let place_offsets: Vec<usize> = places_at.iter().map(|(at, _)| *at).collect();
    sentence
        .figures
        .iter()
        .enumerate()
        .map(|(figure_idx, figure)| {
            let mut binding = reading.bind(figure_idx, figure, date, carried, rules);
            let counts = figure.counts_span.map(|span| {
                Span::new(
                    span.start.saturating_sub(sentence.span.start),
                    span.end.saturating_sub(sentence.span.start),
                )
            });
            let local = local_span(sentence, figure);
            if !named.is_empty() {
                binding.population = population::Populations::of_figure(
                    &named,
                    &place_offsets,
                    local,
                    &statistics,
                    counts,
                );
            }
            // A stretch that names a people and no place ends the search for places, as a place
            // ends the search for peoples ("followed by Afghans at 15.3% and Turkish applicants
            // at 10%" names no place of the 10%).
            if !places_at.is_empty() && is_statistic(figure) {
                binding.own_places = population::Populations::of_figure(
                    &places_at,
                    &people_at,
                    local,
                    &statistics,
                    counts,
                );
            }
            binding
        })
        .collect()
}

/// What [`bind_sentence`] reads once per sentence: its periods and where its clauses start,
/// which clauses compare, the agencies it names, the periods listed "respectively", and the
/// spans of its statistics.
struct SentenceReading<'s, 'p> {
    sentence: &'s SentenceFigures<'s>,
    periods: &'p [period::Found],
    period_spans: Vec<Span>,
    clauses: Vec<usize>,
    comparisons: Vec<bool>,
    agencies: Vec<(Span, String)>,
    respective: std::collections::BTreeMap<usize, period::Found>,
    quantities: Vec<Span>,
    /// "Which" clauses set off by commas (", which recorded the most crossings a year ago,"):
    /// what they date is the thing they describe.
    asides: Vec<Span>,
}

/// The "which" clauses of `text` set off by commas on both sides, from ", which " to the next
/// ", " ("the Central Mediterranean route, which recorded the highest number a year ago, saw a
/// drop of 61 percent"): they describe a thing at another time than the sentence's. (A "who"
/// clause is left alone: "migrants, who landed in the past month," tells when the counted
/// people came.)
fn relative_asides(text: &str) -> Vec<Span> {
    const OPENER: &str = ", which ";
    let mut asides = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(OPENER).map(|at| from + at) {
        let inside = at + OPENER.len();
        if let Some(close) = text[inside..].find(", ") {
            asides.push(Span::new(at + 1, inside + close));
        }
        from = inside;
    }
    asides
}

impl SentenceReading<'_, '_> {
    /// The binding of the sentence's figure `figure_idx`.
    fn bind(
        &self,
        figure_idx: usize,
        figure: &Figure,
        date: Option<Month>,
        carried: Option<&(Period, Span)>,
        rules: &BindRules,
    ) -> Binding {
        let (sentence, text) = (self.sentence, self.sentence.text);
        let local = local_span(sentence, figure);
        let mut binding = Binding {
            in_period_phrase: figure.unit != Unit::Year
                && self.period_spans.iter().any(|p| p.contains(local)),
            ..Binding::default()
        };
        let own_clause = clause::of(&self.clauses, local.start);
        let runs_to_writing = figure
            .period
            .as_deref()
            .is_some_and(|period| period.ends_with("to the time of writing"));
        let in_clause = |span: Span| clause::of(&self.clauses, span.start) == own_clause;
        let kind_text = self.stock_or_flow_text(own_clause, rules);
        let candidates = self.candidates(local);
        let own = self.own_periods(&candidates, local, own_clause);
        let elsewhere = self.elsewhere(&candidates, local);
        let chosen = self
            .respective
            .get(&figure_idx)
            .map(|found| (found.clone(), PeriodSource::Clause))
            .or_else(|| {
                // The annotator read the change as running to the time of writing ("dropped to
                // 2.2 children, from 6.5 in the 1970s"): the clause's period is its start's and no
                // other clause's period is its end's.
                if runs_to_writing {
                    return None;
                }
                self.choose(&own, &elsewhere, local)
            });
        // "the lowest mark since July 2020, when there were 38,536": the "when" clause
        // describes the month the "since" starts at, not the span to now.
        let chosen = chosen.map(|(mut found, source)| {
            let since = found.period.text.to_lowercase().starts_with("since ");
            if since && self.antecedent(own_clause, found.span) {
                let text = std::mem::take(&mut found.period.text);
                // "the largest since 2017, when some 750,000 fled": a year named alone is that
                // whole year.
                let year_alone = text.get("since ".len()..).is_some_and(|rest| {
                    rest.len() == 4 && rest.chars().all(|ch| ch.is_ascii_digit())
                });
                found.period = if year_alone {
                    Period::calendar_year(found.period.start.year())
                } else {
                    Period::month(found.period.start)
                };
                found.period.text = text;
            }
            (found, source)
        });
        // "as of Dec. 20, 513,782 migrants had crossed", "18,646 migrants were intercepted
        // ... as of 12 October 2024": a running total from the start of the year the clause
        // names (else the cut-off's calendar year) to the cut-off.
        let chosen = chosen.map(|(found, source)| {
            // A level at the cut-off ("there had been 2,583,626 foreign residents ... as of
            // Nov. 1, 2024") is the cut-off's.
            // So is a share ("as of September 30, 2025, Ukrainian citizens accounted for over
            // 98.4% of those granted temporary protection").
            let running = (period::counts_to_date(text) || says_flow(kind_text, rules))
                && !says_stock(kind_text, rules)
                && !is_share(figure, text, local);
            if !(period::is_cutoff(text, found.span) && running) {
                return (found, source);
            }
            (running_total(found, &own), source)
        });
        // The base a change in this clause is measured against, when it is not the figure's
        // own period ("218,763 in September, up 21% from 181,084 in August").
        let chosen_span = chosen.as_ref().map(|(found, _)| found.span);
        // Its own clause's base first, else the sentence's nearest ("a 7.6% increase,
        // compared to 2022").
        let inner_start = two_ended_start(text, self.periods, figure, local);
        binding.compared_with = inner_start.or_else(|| {
            candidates
                .iter()
                .filter(|found| found.base && !found.record && Some(found.span) != chosen_span)
                .min_by_key(|found| (!in_clause(found.span), distance(found.span, local)))
                .map(|found| found.period.clone())
        });
        match chosen {
            Some((found, source)) => {
                binding.period_span = Some(found.span.shift(sentence.span.start));
                binding.period = Some(found.period);
                binding.period_source = Some(source);
            }
            None => fall_back(&mut binding, carried.filter(|_| !runs_to_writing), date),
        }
        if binding.period_source != Some(PeriodSource::DocumentDate) {
            let own_source = binding.period_source;
            if let Some(period) = binding.period.as_mut() {
                if !changes_by(text, local) {
                    let carried = own_source == Some(PeriodSource::Passage);
                    let share = is_share(figure, text, local);
                    at_end_if_stock(period, figure, kind_text, rules, carried, share);
                    if carried {
                        at_end_if_present(period, figure, text, kind_text, rules);
                    }
                    // Only the sentence that names the year's end reads it as a flow's.
                    if matches!(
                        own_source,
                        Some(PeriodSource::Clause | PeriodSource::Sentence)
                    ) {
                        whole_year_if_flow(period, figure, kind_text, rules);
                    }
                }
                if annual_at(text, local, period) {
                    let text = std::mem::take(&mut period.text);
                    *period = Period::span(period.end.plus(-11), period.end);
                    period.text = text;
                } else if self.changed_over_a_year(figure, local, period, rules) {
                    // The change of a level between two moments a year apart is the flow of
                    // the twelve months that end at the later one.
                    let text = std::mem::take(&mut period.text);
                    *period = Period::span(period.end.plus(-11), period.end);
                    period.text = text;
                }
            }
        }
        (binding.counted_by, binding.counted_by_in_clause) =
            counted_by(&self.agencies, &self.clauses, own_clause, local);
        binding
    }

    /// "reached 26.3 million by the end of December 2022, indicating a growth of 496,800
    /// compared to the previous year", "3,768,977 as of the end of 2024, ... (up 26,547 year on
    /// year)": an amount of change (a change word right before it) whose period is a moment of a
    /// level (a point, or a month of a stock sentence) measured against a year before (said so,
    /// or the level is at a year's end).
    /// The words that tell a stock from a flow for a figure of clause `own_clause`: the clause's
    /// own when it says either ("received more migrants than its own population of 9,000": the
    /// population is a level whatever the sentence's "received" counts), else the sentence's.
    fn stock_or_flow_text(&self, own_clause: usize, rules: &BindRules) -> &str {
        let text = self.sentence.text;
        let start = self.clauses.get(own_clause).copied().unwrap_or(0);
        let end = self
            .clauses
            .get(own_clause + 1)
            .copied()
            .unwrap_or(text.len());
        let clause = text.get(start..end).unwrap_or(text);
        if says_any(clause, &rules.stock_words) || says_any(clause, &rules.flow_words) {
            clause
        } else {
            text
        }
    }

    fn changed_over_a_year(
        &self,
        figure: &Figure,
        local: Span,
        period: &Period,
        rules: &BindRules,
    ) -> bool {
        let text = self.sentence.text;
        // The cheap tests first: this runs for every bound figure.
        if !matches!(figure.unit, Unit::Count | Unit::Percent)
            || period.months() != 1
            || !changes_by(text, local)
        {
            return false;
        }
        let moment = period.granularity == Granularity::Point
            || (period.granularity == Granularity::Month && says_stock(text, rules));
        // Measured against a year before: said ("the previous year", "year on year"), or a
        // level at a year's end, which annual statistics compare with the year's end before.
        moment
            && (self
                .periods
                .iter()
                .any(|found| found.base && period::months_before(found) == Some(12))
                || says_any(text, YEAR_ON_YEAR)
                || period.end.month() == 12)
    }

    /// The periods that may be the figure's (at `local`): not one written inside another
    /// figure ("from 1,515 claims in 2018 to 25,465" is that figure's), not one that dates a
    /// word.
    fn candidates(&self, local: Span) -> Vec<&period::Found> {
        let own_clause = clause::of(&self.clauses, local.start);
        self.periods
            .iter()
            .filter(|found| !found.span.contains(local) && !local.contains(found.span))
            .filter(|found| {
                !self
                    .quantities
                    .iter()
                    .any(|other| *other != local && other.contains(found.span))
            })
            .filter(|found| !dates_a_word(self.sentence.text, found.span, &self.quantities))
            .filter(|found| !owns_a_word(self.sentence.text, found, local))
            .filter(|found| !self.describes_a_place(local, found.span))
            // A period inside a "which" aside dates only the figures written inside it, or a
            // "when" clause right after it that refers back to it.
            .filter(|found| {
                self.antecedent(own_clause, found.span)
                    || !self
                        .asides
                        .iter()
                        .any(|aside| aside.contains(found.span) && !aside.contains(local))
            })
            .collect()
    }

    /// "237 refugees were from Afghanistan, where the Taliban seized power in 2021": a period
    /// in a "where" clause after the figure, with no other statistic between, dates what
    /// happened in the place, not the figure.
    fn describes_a_place(&self, local: Span, period: Span) -> bool {
        let Some(between) = self.sentence.text.get(local.end..period.start) else {
            return false;
        };
        between.find(", where ").is_some_and(|at| {
            let clause_start = local.end + at;
            !self
                .quantities
                .iter()
                .any(|other| other.start > clause_start && other.end <= period.start)
        })
    }

    /// The candidates of the figure's own clause, a base only where it dates the figure.
    fn own_periods<'f>(
        &self,
        candidates: &[&'f period::Found],
        local: Span,
        own_clause: usize,
    ) -> Vec<&'f period::Found> {
        let text = self.sentence.text;
        // In a comparison clause, a base written just before the figure (no comma between)
        // is the figure's: in "higher than 2021's total of 28,526", 28,526 is the 2021
        // total. Elsewhere a base is never the figure's ("rose 109% from 2022 to 520,085",
        // "Compared with the third quarter of 2024, returns rose 2.7%").
        let comparison_clause = self.comparisons[own_clause];
        let in_clause = |span: Span| clause::of(&self.clauses, span.start) == own_clause;
        candidates
            .iter()
            .copied()
            .filter(|found| {
                // "an increase from November, when they saw 6,159": the clause describes the
                // period it refers back to, a change's base or not.
                self.antecedent(own_clause, found.span)
                    || found.level == Some(local)
                    || (found.base
                        && text
                            .get(found.span.end..local.start)
                            .is_some_and(|between| between.trim() == "("))
                    || (in_clause(found.span)
                        && (!found.base
                            || (found.span.end <= local.start
                                && base_level(
                                    &text[found.span.end..local.start],
                                    comparison_clause
                                        || found.possessive
                                        || names_its_level(&text[found.span.end..local.start]),
                                ))))
            })
            .collect()
    }

    /// Another clause's periods, which stand in for the figure's only when that clause is not a
    /// comparison ("2.9 million more than in 2016": 2016 is the base, not the period), nor a
    /// "when" clause describing another period ("10% down on 2022, when 21,344 were recorded
    /// in the same period": that period is 2022's), nor an "after" or "before" clause dating
    /// its own statistic ("surged to 13,823, the second-highest after 19,629 people sought
    /// asylum in 2017": 2017 is 19,629's).
    fn elsewhere<'f>(
        &self,
        candidates: &[&'f period::Found],
        local: Span,
    ) -> Vec<&'f period::Found> {
        let text = self.sentence.text;
        let projects = text
            .get(..local.start)
            .is_some_and(|before| period::projection(&before.to_lowercase()));
        let describes_another = |idx: usize, period: Span| {
            let start = self.clauses.get(idx).copied().unwrap_or(0);
            let opener = text[start..].trim_start().to_lowercase();
            opener.starts_with("when ")
                || ((opener.starts_with("after ") || opener.starts_with("before "))
                    && self
                        .quantities
                        .iter()
                        .any(|other| other.start >= start && other.end <= period.start))
        };
        candidates
            .iter()
            .copied()
            .filter(|found| {
                let idx = clause::of(&self.clauses, found.span.start);
                let start = self.clauses.get(idx).copied().unwrap_or(0);
                let targets = !projects
                    && text
                        .get(start..found.span.start)
                        .is_some_and(|before| period::projection(&before.to_lowercase()));
                !found.base
                    && !self.comparisons[idx]
                    && !describes_another(idx, found.span)
                    && !targets
            })
            .collect()
    }

    /// The figure's period: its own clause's nearest (the narrowest of those nearer to it than
    /// to another figure, composed with a month or year named apart), else the nearest of
    /// another clause.
    fn choose<'f>(
        &self,
        own: &[&'f period::Found],
        elsewhere: &[&'f period::Found],
        local: Span,
    ) -> Option<(period::Found, PeriodSource)> {
        let text = self.sentence.text;
        // "The 431,000 net migration figure is around half the 860,000 level of net migration
        // seen a year earlier": a look back written after another figure is that figure's.
        let looks_back_past_another = |found: &period::Found| {
            period::months_before(found).is_some()
                && found.span.start >= local.end
                && self.quantities.iter().any(|&other| {
                    // Not a piece glued to the figure ("427,00" read as 427 and 00).
                    other != local && other.start > local.end + 1 && other.end <= found.span.start
                })
        };
        // "A report last week by NGO Caminando Fronteras said at least 10,457 migrants died …
        // from Jan. 1 to Dec. 5, 2024": a period written before a reporting verb that stands
        // before the figure dates the report, when the words the verb introduces date the
        // figure themselves.
        let verb_at = text.get(..local.start).and_then(reporting_verb_end);
        let dated_after_verb = |verb: usize| {
            own.iter()
                .chain(elsewhere)
                .any(|found| found.span.start >= verb)
        };
        let dates_report = |found: &period::Found| {
            verb_at.is_some_and(|verb| found.span.end < verb && dated_after_verb(verb))
        };
        let kept = |list: &[&'f period::Found]| -> Vec<&'f period::Found> {
            list.iter()
                .copied()
                .filter(|found| !looks_back_past_another(found) && !dates_report(found))
                .collect()
        };
        let (own, elsewhere) = (kept(own), kept(elsewhere));
        let (own, elsewhere) = (own.as_slice(), elsewhere.as_slice());
        // A comma between a period and the figure puts it further away: in "Despite the
        // inrush in 2023, the number is below the 64,300 people who travelled to Spain in
        // 2018", 2018 is the figure's.
        let nearest = |list: &[&period::Found]| -> Option<period::Found> {
            list.iter()
                .min_by_key(|found| reach(text, found.span, local))
                .map(|found| (*found).clone())
        };
        // A narrower period nearer to another figure of the clause is that figure's: in
        // "63,436 in the same period of 2023, a year that ended with 140,982", the same period
        // is 63,436's and 140,982 keeps 2023.
        let narrower: Vec<&period::Found> = own
            .iter()
            .copied()
            .filter(|found| {
                let mine = distance(found.span, local);
                !self
                    .quantities
                    .iter()
                    .any(|&other| other != local && distance(found.span, other) < mine)
            })
            .collect();
        narrowest(nearest(own), &narrower)
            .map(|found| (compose(found, own, elsewhere), PeriodSource::Clause))
            .or_else(|| nearest(elsewhere).map(|found| (found, PeriodSource::Sentence)))
    }

    /// "in FY 2023, during which encounters totaled 2,475,669": a relative clause's period is
    /// the one its "which" or "when" refers back to, written just before it (`span`).
    fn antecedent(&self, own_clause: usize, span: Span) -> bool {
        let text = self.sentence.text;
        let clause_start = self.clauses.get(own_clause).copied().unwrap_or(0);
        let opener = text[clause_start..].trim_start().to_lowercase();
        if !(opener.starts_with("which ") || opener.starts_with("when ")) {
            return false;
        }
        let Some(gap) = text.get(span.end..clause_start) else {
            return false;
        };
        let gap = gap
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .to_lowercase();
        matches!(
            gap.as_str(),
            "" | "during" | "in" | "by" | "over" | "throughout"
        )
    }
}

/// "Deaths … jumped … to 3,041 by the end of 2023": a flow counted up to a year's end (a flow
/// word in the sentence or a forecast, no stock word) is the whole year's count, the converse of
/// [`at_end_if_stock`].
fn whole_year_if_flow(period: &mut Period, figure: &Figure, sentence: &str, rules: &BindRules) {
    let year_end = period.granularity == Granularity::Point
        && period.start.month() == 12
        && period.text.to_lowercase().contains("end of");
    // "could reach 400,000 by the end of the year": a forecast of a count with no stock word is
    // the year's count too.
    let forecast = period::projection(&sentence.to_lowercase());
    if !year_end
        || figure.unit != Unit::Count
        || !(says_flow(sentence, rules) || forecast)
        || says_stock(sentence, rules)
    {
        return;
    }
    *period = Period {
        text: std::mem::take(&mut period.text),
        ..Period::calendar_year(period.start.year())
    };
}

/// Whether a figure written `between` bytes after a change's base period, in the same clause, is
/// the base's own level: in a comparison clause or after a possessive (`comparing`), with no
/// comma between and no verb taking the change on to its new level ("higher than 2021's total
/// of 28,526", but not "compared to the previous year reaching 1.14 million"). A level in
/// brackets right after the base is the base's too ("compared with February 2023 (74,295)").
/// "from the revised 2023 estimate of 1,326,000", "from the 2007 peak of 1.5 million": a noun
/// of a level and "of" between a base period and the figure make the figure that base's level.
fn names_its_level(between: &str) -> bool {
    const LEVELS: &[&str] = &[
        "estimate", "figure", "total", "level", "peak", "record", "number", "count", "tally",
    ];
    let words: Vec<String> = between
        .split_whitespace()
        .map(|word| word.to_lowercase())
        .collect();
    matches!(words.as_slice(), [noun, of] if of == "of" && LEVELS.contains(&noun.as_str()))
}

fn base_level(between: &str, comparing: bool) -> bool {
    const ONWARD: &[&str] = &[
        "to", "reached", "hit", "rose", "fell", "totaled", "totalled",
    ];
    let between = between.trim();
    comparing
        && !between.contains(',')
        && !between
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.ends_with("ing") || ONWARD.contains(&word))
}

/// A count of a stock over a whole calendar year ("68.5 million displaced in 2017") is the count
/// at the year's end: a point, December of that year (`stock_words`, `flow_words`, read in the
/// figure's sentence). With `carried` (a period carried from the passage), so is a stock given
/// a running total ("The number of refugees who returned this year reached 1.3 million … ¶
/// Sudan has 10 million IDPs"): the level at its end, still relative and approximate, as the
/// running total's end was. A `share` of a stock counted up to a month ("until September 2021
/// … or 24% of the total workforce") is at that month, as the count is; a share in a whole year
/// ("8.8% of the population in 2024") keeps the year.
fn at_end_if_stock(
    period: &mut Period,
    figure: &Figure,
    sentence: &str,
    rules: &BindRules,
    carried: bool,
    share: bool,
) {
    let whole_year = period.granularity == Granularity::Year && !period.partial && !period.fiscal;
    let running = carried && period.partial && period.approximate_end && period.months() > 1;
    // "The statistics … until September 2021 reveal the Egyptian labor force … a total of
    // 456,600": a stock counted up to a month is the level at that month.
    let lower = period.text.to_lowercase();
    let up_to = period.partial
        && ["until ", "till ", "through ", "up to "]
            .iter()
            .any(|cue| lower.starts_with(cue));
    // "… or 24% of the total workforce": a share of the stock is at its moment too.
    if !(whole_year || running || up_to)
        || !(figure.unit == Unit::Count || share && up_to)
        || figure.is_two_ended_change()
        || !says_stock(sentence, rules)
    {
        return;
    }
    let text = std::mem::take(&mut period.text);
    *period = Period::point(period.end);
    period.approximate_end = running;
    period.relative = running;
    period.text = text;
}

/// "entre enero y febrero … ¶ Actualmente, 2.284.675 venezolanos en Colombia están en proceso
/// de regularización": a count of a sentence that states the present (`present_words`) and no
/// flow, given a span carried from before, is the level at the span's end, a point.
fn at_end_if_present(
    period: &mut Period,
    figure: &Figure,
    sentence: &str,
    kind_text: &str,
    rules: &BindRules,
) {
    if period.months() < 2
        || figure.unit != Unit::Count
        || figure.is_two_ended_change()
        || says_any(kind_text, &rules.flow_words)
        || !says_any(sentence, &rules.present_words)
    {
        return;
    }
    let text = std::mem::take(&mut period.text);
    let (approximate_end, relative) = (period.approximate_end, period.relative);
    *period = Period::point(period.end);
    period.approximate_end = approximate_end;
    period.relative = relative;
    period.text = text;
}

/// "annual growth in the civilian population bottomed in March 2025 at 415,100", "Annual NOM
/// slowed to 305,500 in the June quarter": a figure its sentence calls annual, written before it,
/// dated by a month or a quarter, is the twelve months to that month or quarter's end.
fn annual_at(sentence: &str, local: Span, period: &Period) -> bool {
    let dated_within_year = !period.approximate_end
        && !period.fiscal
        && (period.granularity == Granularity::Month
            || (period.granularity == Granularity::Months && period.months() == 3));
    let before = sentence.get(..local.start).unwrap_or("").to_lowercase();
    dated_within_year
        && before
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|word| word == "annual" || word == "annualised" || word == "annualized")
}

/// The figure at `local` is a share: a percent followed by "of" with no change word before it
/// ("accounted for over 98.4% of those granted protection"; "up 5% of" is no share).
fn is_share(figure: &Figure, sentence: &str, local: Span) -> bool {
    figure.unit == Unit::Percent
        && figure.range.is_none()
        && !changes_by(sentence, local)
        && sentence
            .get(local.end..)
            .is_some_and(|after| after.trim_start().starts_with("of "))
}

/// The figure at `local` is an amount of change: a change word right before it ("a growth of",
/// "up", "will decline by", "increasing slightly by").
fn changes_by(sentence: &str, local: Span) -> bool {
    static CHANGE: OnceLock<regex::Regex> = OnceLock::new();
    let change = CHANGE.get_or_init(|| {
        crate::util::static_regex(
            r"(?i)(?:\b(?:growth|increase|rise|decrease|decline|drop|fall|gain|jump)\s+of|\b(?:up|down|grew|growing|rose|rising|fell|falling|increased|increasing|decreased|decreasing|declined|declining|dropped|dropping|climbed|climbing|increase|decrease|decline|grow|rise|fall|drop)(?:\s+[a-z]+ly)?(?:\s+by)?)\s*$",
        )
    });
    let before = &sentence
        [crate::util::floor_char_boundary(sentence, local.start.saturating_sub(30))..local.start];
    if change.is_match(before) {
        return true;
    }
    // "will decline by 445,901 in 2025 and 445,662 in 2026": a change word shared by the
    // figures of a list.
    static LISTED: OnceLock<regex::Regex> = OnceLock::new();
    let listed = LISTED
        .get_or_init(|| crate::util::static_regex(r"(\d[\d,.]*)(?:\s+[\w-]+){0,3}\s*,?\s+and\s*$"));
    let window = &sentence
        [crate::util::floor_char_boundary(sentence, local.start.saturating_sub(60))..local.start];
    listed
        .captures(window)
        .and_then(|captures| captures.get(1))
        .is_some_and(|previous| {
            let start = local.start - window.len() + previous.start();
            start < local.start && changes_by(sentence, Span::new(start, start + 1))
        })
}

/// Phrases that measure a change against the year before.
const YEAR_ON_YEAR: &[&str] = &["year on year", "year-on-year"];

/// Whether `sentence` has a phrase of `phrases` (lower case) as whole words.
fn says_any(sentence: &str, phrases: &[impl AsRef<str>]) -> bool {
    let lower = sentence.to_lowercase();
    phrases.iter().any(|phrase| {
        let phrase = phrase.as_ref();
        lower.match_indices(phrase).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The sentence states a level (`stock_words`) and no flow (`flow_words`).
fn says_stock(sentence: &str, rules: &BindRules) -> bool {
    says_any(sentence, &rules.stock_words) && !says_any(sentence, &rules.flow_words)
}

/// The sentence states a flow (`flow_words`: "were intercepted", "arrived") and no level.
fn says_flow(sentence: &str, rules: &BindRules) -> bool {
    says_any(sentence, &rules.flow_words) && !says_any(sentence, &rules.stock_words)
}

/// The running total up to a cut-off date: from the start of the (fiscal) year of the clause that
/// holds the cut-off ("as of 6 am Wednesday, 399,606 had entered ... in 2023"), else of the
/// cut-off's calendar year, to the cut-off's month; a part of that year.
fn running_total(cutoff: period::Found, own: &[&period::Found]) -> period::Found {
    let end = cutoff.period.end;
    let year = own.iter().find(|other| {
        !other.base
            && other.span != cutoff.span
            && other.period.start <= end
            && (end <= other.period.end || other.period.approximate_end)
            && other.period.start.year() >= end.year() - 1
            && matches!(
                other.period.granularity,
                Granularity::Year | Granularity::FiscalYear | Granularity::Months
            )
            && other.period.months() >= cutoff.period.months()
    });
    let (start, fiscal, part_of) = match year {
        Some(other) => (
            other.period.start,
            other.period.fiscal,
            other
                .period
                .part_of
                .clone()
                .unwrap_or_else(|| other.period.name()),
        ),
        None => (Month::new(end.year(), 1), false, end.year().to_string()),
    };
    let mut period = Period::span(start, end);
    period.fiscal = fiscal;
    // A total run to the end of the year's last month is the whole year's ("a record 45,774 by
    // the end of December", "as of December 31"); "as of Dec. 20" is not.
    let month_end = cutoff
        .period
        .text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| {
            word.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .ok()
        })
        .filter(|day| (1..=31).contains(day))
        .all(|day| day >= 30);
    if month_end && period.months() == 12 && (fiscal || start.month() == 1) {
        period.granularity = if fiscal {
            Granularity::FiscalYear
        } else {
            Granularity::Year
        };
    } else {
        period.partial = true;
        period.part_of = Some(part_of);
    }
    period.relative = cutoff.period.relative;
    period.text = cutoff.period.text.clone();
    period::Found { period, ..cutoff }
}

/// "232,963 and 183,479 encounters ... in August and July, respectively": the n figures written
/// last before a list of n periods that ends in "respectively" take them in order. Returns
/// figure index → period.
fn respectively(
    sentence: &SentenceFigures,
    periods: &[period::Found],
) -> std::collections::BTreeMap<usize, period::Found> {
    let mut out = std::collections::BTreeMap::new();
    let text = sentence.text;
    let lower = text.to_lowercase();
    let Some(at) = lower
        .find("respectively")
        .or_else(|| lower.find("respectivamente"))
    else {
        return out;
    };
    let joins = |gap: &str| {
        let gap = gap
            .trim_matches(|c: char| c == ',' || c.is_whitespace())
            .to_lowercase();
        matches!(
            gap.as_str(),
            "" | "and" | "or" | "in" | "and in" | "y" | "e" | "o" | "y en"
        )
    };
    // The list of periods that ends right before `end`.
    let list_before = |end: usize| {
        let mut list: Vec<&period::Found> = Vec::new();
        let limit = end;
        let mut end = end;
        for found in periods.iter().rev().filter(|found| found.span.end <= limit) {
            if !joins(text.get(found.span.end..end).unwrap_or("x")) {
                break;
            }
            list.push(found);
            end = found.span.start;
        }
        list.reverse();
        list
    };
    let local = |figure: &Figure| local_span(sentence, figure);
    let counts: Vec<usize> = sentence
        .figures
        .iter()
        .enumerate()
        .filter(|(_, figure)| figure.unit != Unit::Year)
        .map(|(idx, _)| idx)
        .collect();
    // "63,424 and 77,381 in 2023 and 2022, respectively": the periods listed right before
    // "respectively", the figures before them. Else "in 2023 and 2022, 63,424 and 77,381 people
    // were returned, respectively": the figures a few words before "respectively", the periods
    // listed last before the first of them.
    let mut list = list_before(at);
    let chosen: Vec<usize> = if list.len() >= 2 {
        let first_period = list[0].span.start;
        let before: Vec<usize> = counts
            .iter()
            .copied()
            .filter(|idx| local(&sentence.figures[*idx]).end <= first_period)
            .collect();
        if before.len() < list.len() {
            return out;
        }
        before[before.len() - list.len()..].to_vec()
    } else {
        let before: Vec<usize> = counts
            .iter()
            .copied()
            .filter(|idx| local(&sentence.figures[*idx]).end <= at)
            .collect();
        let Some(&last) = before.last() else {
            return out;
        };
        let tail = text
            .get(local(&sentence.figures[last]).end..at)
            .unwrap_or("x");
        if tail.split_whitespace().count() > 4 || tail.contains(['.', ';', ':']) {
            return out;
        }
        // The figures listed before "respectively", each a short gap from the next.
        let mut first = before.len() - 1;
        while first > 0 {
            let gap = text
                .get(
                    local(&sentence.figures[before[first - 1]]).end
                        ..local(&sentence.figures[before[first]]).start,
                )
                .unwrap_or("x");
            if !listed_gap(gap) {
                break;
            }
            first -= 1;
        }
        let listed = &before[first..];
        let opens = local(&sentence.figures[listed[0]]).start;
        let Some(nearest) = periods.iter().rev().find(|found| found.span.end <= opens) else {
            return out;
        };
        list = list_before(nearest.span.end);
        if list.len() < 2 || listed.len() < list.len() {
            return out;
        }
        listed[listed.len() - list.len()..].to_vec()
    };
    let chosen = &chosen[..];
    // The figures are one list too: only "and", commas and a few words between them.
    let listed = chosen.windows(2).all(|pair| {
        let gap = text
            .get(local(&sentence.figures[pair[0]]).end..local(&sentence.figures[pair[1]]).start)
            .unwrap_or("x");
        listed_gap(gap)
    });
    if !listed {
        return out;
    }
    for (figure_idx, found) in chosen.iter().zip(list) {
        let mut found = found.clone();
        found.base = false;
        out.insert(*figure_idx, found);
    }
    out
}

/// Whether `gap` joins two figures of one list: short, with "and" (or "y") or a comma.
fn listed_gap(gap: &str) -> bool {
    gap.len() <= 40
        && (gap.contains("and") || gap.contains(',') || gap.split_whitespace().any(|w| w == "y"))
}

/// A month named alone and a year in the same clause make one month ("the last September high
/// ... in 2022" is September 2022).
/// A month named alone elsewhere in the sentence (not in a comparison) counts too: "The last
/// September high was when Border Patrol recorded 207,597 encounters in 2022".
fn compose(
    chosen: period::Found,
    own: &[&period::Found],
    elsewhere: &[&period::Found],
) -> period::Found {
    let year_of_clause = |found: &period::Found| {
        (found.period.granularity == Granularity::Year && !found.period.relative)
            .then(|| found.period.start.year())
    };
    let month = if chosen.period.granularity == Granularity::Year && !chosen.period.relative {
        own.iter()
            .chain(elsewhere)
            .find(|found| found.bare_month)
            .map(|found| {
                (
                    found.period.start.month(),
                    chosen.period.start.year(),
                    found.span,
                    found.period.text.clone(),
                )
            })
    } else if chosen.bare_month {
        // The clause's own year first, else one another clause of the sentence names ("was
        // 2022, when …, and the total went on to hit a record 45,774 by the end of December").
        own.iter().chain(elsewhere).find_map(|found| {
            year_of_clause(found).map(|year| {
                (
                    chosen.period.start.month(),
                    year,
                    found.span,
                    found.period.text.clone(),
                )
            })
        })
    } else {
        None
    };
    let Some((month, year, other_span, other_text)) = month else {
        return chosen;
    };
    let mut period = Period::month(Month::new(year, month));
    let (first, second) = if chosen.span.start <= other_span.start {
        (chosen.period.text.as_str(), other_text.as_str())
    } else {
        (other_text.as_str(), chosen.period.text.as_str())
    };
    period.text = format!("{first} … {second}");
    // A year borrowed from another clause only dates the month: the figure's phrase (and what
    // comes before it, "by the end of December") stays the month's own.
    let borrowed = chosen.bare_month && !own.iter().any(|found| found.span == other_span);
    period::Found {
        span: if borrowed {
            chosen.span
        } else {
            Span::new(
                chosen.span.start.min(other_span.start),
                chosen.span.end.max(other_span.end),
            )
        },
        period,
        bare_month: false,
        base: false,
        record: false,
        level: None,
        possessive: false,
    }
}

/// Of two periods in one clause, the one inside the other is the more specific: "from October
/// through February ... this fiscal year" is October through February.
fn narrowest(chosen: Option<period::Found>, own: &[&period::Found]) -> Option<period::Found> {
    let mut chosen = chosen?;
    // Only a whole year narrows to months of it; a span of years keeps the years it names
    // ("gaining 64 million in 2000-2017" is not about a citation's "2013").
    if !chosen.period.partial
        && !matches!(
            chosen.period.granularity,
            Granularity::Year | Granularity::FiscalYear
        )
    {
        return Some(chosen);
    }
    for other in own {
        let months = matches!(
            other.period.granularity,
            Granularity::Month | Granularity::Months
        );
        let inside = months
            && other.period.start >= chosen.period.start
            && other.period.end <= chosen.period.end
            && other.period.months() < chosen.period.months();
        if inside {
            chosen = (*other).clone();
        }
    }
    Some(chosen)
}

/// The byte range of the clause of `text` holding byte `at` (clauses as the binding cuts them:
/// at `;`, brackets, dashes and clause-break words such as "including", "compared with").
pub fn clause_at(text: &str, at: usize) -> (usize, usize) {
    let starts = clause::split(text, &[], BindRules::builtin());
    let idx = clause::of(&starts, at);
    let start = starts.get(idx).copied().unwrap_or(0);
    let end = starts.get(idx + 1).copied().unwrap_or(text.len());
    (start, end)
}

/// The first agency `text` names ("U.S. Border Patrol encounters by fiscal year" names U.S.
/// Border Patrol), for a dataset's title, scope or publisher.
pub fn first_agency(text: &str) -> Option<String> {
    clause::agencies(text, BindRules::builtin())
        .into_iter()
        .next()
        .map(|(_, name)| name)
}

/// Bytes between two spans (0 when they overlap); a phrase after the figure counts a little
/// nearer than one the same distance before it, since English puts the period after the count.
/// [`distance`], with each comma between the two counted as `COMMA_REACH` bytes more.
fn reach(text: &str, span: Span, figure: Span) -> usize {
    const COMMA_REACH: usize = 40;
    let (from, to) = if span.end <= figure.start {
        (span.end, figure.start)
    } else {
        (figure.end, span.start.max(figure.end))
    };
    let commas = text.get(from..to).map_or(0, |gap| gap.matches(',').count());
    distance(span, figure) + commas * COMMA_REACH
}

fn distance(span: Span, figure: Span) -> usize {
    if span.end <= figure.start {
        (figure.start - span.end) * 2 + 1
    } else if span.start >= figure.end {
        (span.start - figure.end) * 2
    } else {
        0
    }
}

/// The publication date of a document ("2023-03-15", "2023-03", "2023") as a month; a year
/// alone is taken as its last month only for nothing: it gives no month, so relative phrases
/// stay unresolved.
pub fn publication_month(date: &str) -> Option<Month> {
    let mut parts = date.trim().split(['-', '/']);
    let year: i32 = parts.next()?.trim().parse().ok()?;
    let month: u32 = parts.next()?.trim().parse().ok()?;
    ((1..=12).contains(&month) && (1800..2200).contains(&year)).then(|| Month::new(year, month))
}

impl Period {
    pub fn calendar_year(year: i32) -> Period {
        Period {
            granularity: Granularity::Year,
            ..Period::span(Month::new(year, 1), Month::new(year, 12))
        }
    }

    /// Fiscal year `year`: from `start_month` of `year - 1` (unless the year starts in January).
    pub fn fiscal_year(year: i32, start_month: u32) -> Period {
        let start_month = start_month.clamp(1, 12);
        let start = if start_month == 1 {
            Month::new(year, 1)
        } else {
            Month::new(year - 1, start_month)
        };
        Period {
            granularity: Granularity::FiscalYear,
            fiscal: start_month != 1,
            ..Period::span(start, start.plus(11))
        }
    }

    pub fn month(month: Month) -> Period {
        Period {
            granularity: Granularity::Month,
            ..Period::span(month, month)
        }
    }

    pub fn point(month: Month) -> Period {
        Period {
            granularity: Granularity::Point,
            ..Period::span(month, month)
        }
    }

    pub fn span(start: Month, end: Month) -> Period {
        Period {
            start,
            end,
            granularity: Granularity::Months,
            fiscal: false,
            partial: false,
            part_of: None,
            approximate_end: false,
            relative: false,
            text: String::new(),
        }
    }

    /// The name of a whole year or fiscal year ("2023", "FY2023").
    pub fn name(&self) -> String {
        match self.granularity {
            Granularity::FiscalYear => format!("FY{}", self.end.year()),
            Granularity::Year => self.start.year().to_string(),
            _ if self.start == self.end => self.start.to_string(),
            _ => format!("{} to {}", self.start, self.end),
        }
    }

    /// The first `months` months of this period: a part of it unless that is all of it.
    pub fn first_months(&self, months: u32) -> Period {
        let months = i32::try_from(months.max(1)).unwrap_or(1);
        let end = self.start.plus(months - 1).min(self.end);
        if end == self.end {
            return self.clone();
        }
        Period {
            granularity: Granularity::Months,
            partial: true,
            part_of: Some(self.name()),
            ..Period::span(self.start, end)
        }
        .with_fiscal(self.fiscal)
    }

    /// This period from its start to `anchor` (the publication month): "so far".
    pub fn so_far(&self, anchor: Option<Month>) -> Period {
        let Some(anchor) = anchor.filter(|anchor| *anchor >= self.start && *anchor < self.end)
        else {
            let mut period = self.clone();
            period.partial = true;
            period.part_of.get_or_insert_with(|| self.name());
            return period;
        };
        Period {
            granularity: Granularity::Months,
            partial: true,
            part_of: Some(self.name()),
            approximate_end: true,
            relative: true,
            ..Period::span(self.start, anchor)
        }
        .with_fiscal(self.fiscal)
    }

    /// The same period `months` later (earlier when negative).
    pub fn shifted(&self, months: i32) -> Period {
        let mut period = self.clone();
        period.start = self.start.plus(months);
        period.end = self.end.plus(months);
        if let Some(part_of) = &self.part_of {
            let years = months / 12;
            period.part_of = Some(match part_of.parse::<i32>() {
                // A plain calendar year moves with the period: "2024" three years back is "2021".
                Ok(year) if months % 12 == 0 => (year + years).to_string(),
                _ if months == -12 => format!("{part_of} (a year earlier)"),
                _ if months % 12 == 0 && years < 0 => {
                    format!("{part_of} ({} years earlier)", -years)
                }
                _ if months % 12 == 0 => format!("{part_of} ({years} years later)"),
                _ => format!("{part_of} (shifted {months} months)"),
            });
        }
        period
    }

    fn with_fiscal(mut self, fiscal: bool) -> Period {
        self.fiscal = fiscal;
        self
    }

    /// Months covered.
    pub fn months(&self) -> i32 {
        self.end.index() - self.start.index() + 1
    }

    /// How a reader would name it: "FY2023", "2022", "2022-10 to 2023-02 (part of FY2023)".
    pub fn describe(&self) -> String {
        let mut text = self.name();
        if self.partial {
            if let Some(part_of) = &self.part_of {
                text.push_str(&format!(" (part of {part_of})"));
            }
        }
        text
    }
}

#[cfg(test)]
mod tests;
