//! The built-in figure lexicons (`data/figures/*.toml`), parsed once and indexed for phrase lookup.

use super::token::{tokenize, Token};
use super::{Direction, Qualifier};
use serde::Deserialize;
// Word lookups run for every token: a fast hash, not SipHash (no untrusted keys here).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::data_file::builtin;

/// A lexicon file that does not parse, with the file and line to fix.
#[derive(Debug, thiserror::Error)]
#[error("{message}; fix the file and rebuild")]
pub struct LexiconError {
    pub file: &'static str,
    pub message: String,
}

/// What a unit phrase written after a number makes of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum UnitEntry {
    Percent,
    PercentagePoints,
    Multiplier,
    Age,
    Duration(String),
    Measure(String),
    Rate(f64),
    Currency { code: String, minor: bool },
}

/// One phrase word: matched on the lower-cased token, or exactly for short symbols such as `M` or `C`.
#[derive(Debug, Clone)]
struct PhraseWord {
    text: String,
    exact: bool,
}

/// Phrases indexed by their first and last word, matched token by token.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<T> {
    by_first: HashMap<String, Vec<(Vec<PhraseWord>, T)>>,
    by_last: HashMap<String, Vec<(Vec<PhraseWord>, T)>>,
}

impl<T: Clone> PhraseSet<T> {
    fn new() -> PhraseSet<T> {
        PhraseSet {
            by_first: HashMap::default(),
            by_last: HashMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, value: T, case_sensitive_symbols: bool) {
        let words: Vec<PhraseWord> = tokenize(phrase)
            .iter()
            .map(|token| PhraseWord {
                text: if case_sensitive_symbols && is_symbol_like(token.text) {
                    token.text.to_string()
                } else {
                    token.lower.to_string()
                },
                exact: case_sensitive_symbols && is_symbol_like(token.text),
            })
            .collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        let first_key = first.text.to_lowercase();
        let last_key = last.text.to_lowercase();
        self.by_first
            .entry(first_key)
            .or_default()
            .push((words.clone(), value.clone()));
        self.by_last
            .entry(last_key)
            .or_default()
            .push((words, value));
    }

    /// The longest phrase starting at token `start`: its value and the index after it.
    pub fn match_at(&self, tokens: &[Token], start: usize) -> Option<(T, usize)> {
        let first = tokens.get(start)?;
        let candidates = self.by_first.get(first.lower.as_ref())?;
        let mut best: Option<(T, usize)> = None;
        for (words, value) in candidates {
            let end = start + words.len();
            if end > tokens.len() || best.as_ref().is_some_and(|(_, best_end)| *best_end >= end) {
                continue;
            }
            if phrase_at(words, tokens, start) {
                best = Some((value.clone(), end));
            }
        }
        best
    }

    /// The longest phrase ending just before token `end`: its value and the index where it starts.
    pub fn match_before(&self, tokens: &[Token], end: usize) -> Option<(T, usize)> {
        let last = tokens.get(end.checked_sub(1)?)?;
        let candidates = self.by_last.get(last.lower.as_ref())?;
        let mut best: Option<(T, usize)> = None;
        for (words, value) in candidates {
            let Some(start) = end.checked_sub(words.len()) else {
                continue;
            };
            if best
                .as_ref()
                .is_some_and(|(_, best_start)| *best_start <= start)
            {
                continue;
            }
            if phrase_at(words, tokens, start) {
                best = Some((value.clone(), start));
            }
        }
        best
    }
}

/// Whether the phrase `words` matches `tokens` from index `start` (false when they run out).
fn phrase_at(words: &[PhraseWord], tokens: &[Token], start: usize) -> bool {
    tokens.get(start..start + words.len()).is_some_and(|slice| {
        words
            .iter()
            .zip(slice)
            .all(|(word, token)| word_matches(word, token))
    })
}

fn word_matches(word: &PhraseWord, token: &Token) -> bool {
    if word.exact {
        word.text == token.text
    } else {
        word.text == token.lower
    }
}

/// Short tokens with an upper-case letter (`M`, `GB`, `°C`'s `C`) are symbols matched exactly.
fn is_symbol_like(text: &str) -> bool {
    text.chars().count() <= 3 && text.chars().any(char::is_uppercase)
}

/// Everything the annotator looks words up in.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub cardinals: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    /// Case-sensitive abbreviations after digits.
    pub suffixes: HashMap<String, f64>,
    pub ordinals: HashMap<String, f64>,
    pub denominators: HashMap<String, f64>,
    pub vague: HashMap<String, f64>,
    pub vague_multipliers: PhraseSet<(f64, f64)>,
    /// "doubled", "tripled", "halved": multipliers written as one word.
    pub multiplier_words: HashMap<String, f64>,
    /// "once", "twice", "thrice".
    pub times_words: HashMap<String, f64>,
    pub qualifiers_before: PhraseSet<Qualifier>,
    pub qualifiers_after: PhraseSet<Qualifier>,
    pub units: PhraseSet<UnitEntry>,
    pub currency_before: PhraseSet<String>,
    pub months: HashSet<String>,
    pub period_cues: PhraseSet<()>,
    pub counts_stop_words: HashSet<String>,
    /// "citizens", "people": nouns a bound ("under 40") gives an age to.
    pub person_nouns: HashSet<String>,
    /// "agosto", "dic": Spanish month names and abbreviations, after a day ("2 de agosto").
    pub spanish_months: HashSet<String>,
    /// "uprooted", "displaced": words after a figure that say it counts people.
    pub people_participles: HashSet<String>,
    /// "high", "long": words after a figure that say it measures a length.
    pub length_words: HashSet<String>,
    /// "married", "retired": events whose time ("before 30") is an age.
    pub life_events: HashSet<String>,
    pub changes: PhraseSet<Direction>,
    pub places: Vec<String>,
    /// Each other name of a place mapped to its first name ("U.S." to "United States").
    pub place_names: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    cardinals: HashMap<String, f64>,
    scales: HashMap<String, f64>,
    suffixes: HashMap<String, f64>,
    ordinals: HashMap<String, f64>,
    denominators: HashMap<String, f64>,
    vague: HashMap<String, f64>,
    vague_multipliers: HashMap<String, (f64, f64)>,
    multiplier_words: HashMap<String, f64>,
    times_words: HashMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifiersFile {
    before: HashMap<Qualifier, Vec<String>>,
    after: HashMap<Qualifier, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SymbolPhrases {
    symbol: String,
    phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    percent: Vec<String>,
    percentage_points: Vec<String>,
    multiplier: Vec<String>,
    age: Vec<String>,
    duration: Vec<SymbolPhrases>,
    measure: Vec<SymbolPhrases>,
    rates: HashMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrencyEntry {
    code: String,
    #[serde(default)]
    minor: bool,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CurrenciesFile {
    currency: Vec<CurrencyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextFile {
    months: Vec<String>,
    period_cues: Vec<String>,
    counts_stop_words: Vec<String>,
    person_nouns: Vec<String>,
    spanish_months: Vec<String>,
    people_participles: Vec<String>,
    length_words: Vec<String>,
    life_events: Vec<String>,
    change_up: Vec<String>,
    change_down: Vec<String>,
    places: Vec<String>,
    same_places: Vec<Vec<String>>,
}

fn parse<T: serde::de::DeserializeOwned>(
    file: crate::data_file::Builtin,
) -> Result<T, LexiconError> {
    file.parse().map_err(|message| LexiconError {
        file: file.path,
        message,
    })
}

impl Lexicon {
    /// Parses the built-in lexicons; an error names the file and line.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let numbers: NumbersFile = parse(builtin::NUMBERS)?;
        let qualifiers: QualifiersFile = parse(builtin::QUALIFIERS)?;
        let units: UnitsFile = parse(builtin::UNITS)?;
        let currencies: CurrenciesFile = parse(builtin::CURRENCIES)?;
        let context: ContextFile = parse(builtin::CONTEXT)?;

        let mut vague_multipliers = PhraseSet::new();
        for (phrase, bounds) in numbers.vague_multipliers {
            vague_multipliers.insert(&phrase, bounds, false);
        }
        let mut period_cues = PhraseSet::new();
        for phrase in &context.period_cues {
            period_cues.insert(phrase, (), false);
        }
        Ok(Lexicon {
            cardinals: numbers.cardinals,
            scales: numbers.scales,
            suffixes: numbers.suffixes,
            ordinals: numbers.ordinals,
            denominators: numbers.denominators,
            vague: numbers.vague,
            vague_multipliers,
            multiplier_words: numbers.multiplier_words,
            times_words: numbers.times_words,
            qualifiers_before: qualifier_phrases(qualifiers.before),
            qualifiers_after: qualifier_phrases(qualifiers.after),
            units: unit_phrases(&units, &currencies),
            currency_before: currency_before_phrases(&currencies),
            months: context.months.into_iter().collect(),
            period_cues,
            counts_stop_words: context.counts_stop_words.into_iter().collect(),
            person_nouns: context.person_nouns.into_iter().collect(),
            spanish_months: context.spanish_months.into_iter().collect(),
            people_participles: context.people_participles.into_iter().collect(),
            length_words: context.length_words.into_iter().collect(),
            life_events: context.life_events.into_iter().collect(),
            changes: change_phrases(&context.change_up, &context.change_down),
            places: context.places,
            place_names: context
                .same_places
                .iter()
                .filter_map(|names| names.split_first())
                .flat_map(|(first, others)| {
                    others
                        .iter()
                        .map(move |other| (other.clone(), first.clone()))
                })
                .collect(),
        })
    }

    fn empty() -> Lexicon {
        Lexicon {
            cardinals: HashMap::default(),
            scales: HashMap::default(),
            suffixes: HashMap::default(),
            ordinals: HashMap::default(),
            denominators: HashMap::default(),
            vague: HashMap::default(),
            vague_multipliers: PhraseSet::new(),
            multiplier_words: HashMap::default(),
            times_words: HashMap::default(),
            qualifiers_before: PhraseSet::new(),
            qualifiers_after: PhraseSet::new(),
            units: PhraseSet::new(),
            currency_before: PhraseSet::new(),
            months: HashSet::default(),
            period_cues: PhraseSet::new(),
            counts_stop_words: HashSet::default(),
            person_nouns: HashSet::default(),
            spanish_months: HashSet::default(),
            people_participles: HashSet::default(),
            length_words: HashSet::default(),
            life_events: HashSet::default(),
            changes: PhraseSet::new(),
            places: Vec::new(),
            place_names: HashMap::default(),
        }
    }

    /// Whether two place names name one place ("U.S." and "United States").
    pub fn same_place(&self, one: &str, other: &str) -> bool {
        let name = |place: &'_ str| -> String {
            self.place_names
                .get(place)
                .cloned()
                .unwrap_or_else(|| place.to_string())
        };
        one == other || name(one) == name(other)
    }
}

/// The qualifier phrases of one side (before or after the number), each naming its qualifier.
fn qualifier_phrases(by_qualifier: HashMap<Qualifier, Vec<String>>) -> PhraseSet<Qualifier> {
    let mut set = PhraseSet::new();
    for (qualifier, phrases) in by_qualifier {
        for phrase in phrases {
            set.insert(&phrase, qualifier, false);
        }
    }
    set
}

/// Every unit phrase written after a number: percent, percentage points, multipliers, ages,
/// durations and measures (their symbols matched case-sensitively: "mW" is no "MW"), rate
/// bases, then the currency words ("dollars", "cents"). Of two phrases as long matching the
/// same words, the one inserted first wins.
fn unit_phrases(units: &UnitsFile, currencies: &CurrenciesFile) -> PhraseSet<UnitEntry> {
    let mut set = PhraseSet::new();
    for phrase in &units.percent {
        set.insert(phrase, UnitEntry::Percent, false);
    }
    for phrase in &units.percentage_points {
        set.insert(phrase, UnitEntry::PercentagePoints, false);
    }
    for phrase in &units.multiplier {
        set.insert(phrase, UnitEntry::Multiplier, false);
    }
    for phrase in &units.age {
        set.insert(phrase, UnitEntry::Age, false);
    }
    for duration in &units.duration {
        for phrase in &duration.phrases {
            set.insert(phrase, UnitEntry::Duration(duration.symbol.clone()), true);
        }
    }
    for measure in &units.measure {
        for phrase in &measure.phrases {
            set.insert(phrase, UnitEntry::Measure(measure.symbol.clone()), true);
        }
    }
    for (phrase, per) in &units.rates {
        set.insert(phrase, UnitEntry::Rate(*per), false);
    }
    for currency in &currencies.currency {
        for phrase in &currency.after {
            let entry = UnitEntry::Currency {
                code: currency.code.clone(),
                minor: currency.minor,
            };
            set.insert(phrase, entry, false);
        }
    }
    set
}

/// The currency phrases written before a number ("$", "US$", "EUR"), each naming its code.
fn currency_before_phrases(currencies: &CurrenciesFile) -> PhraseSet<String> {
    let mut set = PhraseSet::new();
    for currency in &currencies.currency {
        for phrase in &currency.before {
            set.insert(phrase, currency.code.clone(), false);
        }
    }
    set
}

/// The change words ("rose", "fell") with the direction each says.
fn change_phrases(up: &[String], down: &[String]) -> PhraseSet<Direction> {
    let mut set = PhraseSet::new();
    for phrase in up {
        set.insert(phrase, Direction::Up, false);
    }
    for phrase in down {
        set.insert(phrase, Direction::Down, false);
    }
    set
}

/// The built-in lexicon, parsed on first use. A broken built-in file (caught by the
/// `builtin_lexicons_parse` test) degrades to an empty lexicon rather than a panic.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().unwrap_or_else(|_| Lexicon::empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lexicon = Lexicon::builtin().unwrap();
        assert_eq!(lexicon.cardinals["twenty"], 20.0);
        assert_eq!(lexicon.suffixes["bn"], 1e9);
        assert!(lexicon.counts_stop_words.contains("were"));
        assert!(lexicon.places.iter().any(|place| place == "Ecuador"));
    }

    #[test]
    fn lexicon_words_are_lower_case_and_values_positive() {
        let lexicon = Lexicon::builtin().unwrap();
        for map in [
            &lexicon.cardinals,
            &lexicon.scales,
            &lexicon.ordinals,
            &lexicon.denominators,
            &lexicon.vague,
            &lexicon.multiplier_words,
            &lexicon.times_words,
        ] {
            for (word, value) in map {
                assert_eq!(word, &word.to_lowercase(), "{word} must be lower case");
                assert!(*value >= 0.0, "{word} has a negative value");
            }
        }
        for word in lexicon
            .counts_stop_words
            .iter()
            .chain(&lexicon.person_nouns)
            .chain(&lexicon.spanish_months)
            .chain(&lexicon.people_participles)
            .chain(&lexicon.length_words)
            .chain(&lexicon.life_events)
        {
            assert_eq!(word, &word.to_lowercase(), "{word} must be lower case");
        }
    }

    #[test]
    fn phrases_match_longest() {
        let lexicon = Lexicon::builtin().unwrap();
        let tokens = tokenize("more than 5 percentage points");
        assert_eq!(
            lexicon.qualifiers_before.match_before(&tokens, 2),
            Some((Qualifier::MoreThan, 0))
        );
        assert_eq!(
            lexicon.units.match_at(&tokens, 3),
            Some((UnitEntry::PercentagePoints, 5))
        );
    }

    #[test]
    fn a_broken_file_names_itself() {
        let broken = crate::data_file::Builtin {
            path: "data/figures/numbers.toml",
            text: "[cardinals]\none = 'x'\n",
        };
        let Err(error) = parse::<NumbersFile>(broken) else {
            panic!("a string is no number");
        };
        let message = error.to_string();
        assert!(
            message.starts_with("data/figures/numbers.toml:2: "),
            "{message}"
        );
    }
}
