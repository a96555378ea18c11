//! Attribution cues from `data/attribution.toml`: the words that say who a statement rests on.

use crate::data_file::builtin;
use serde::Deserialize;
// Word lookups run for every token: a fast hash, not SipHash (no untrusted keys here).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Where a cue stands relative to the source it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "According to X": the source follows.
    Before,
    /// "X estimates that": the source is the subject before it.
    After,
    /// "X detained 1,200": the subject, when it is an agency or officials.
    Counting,
    /// "arrested 54,833 times by the Border Patrol": the source follows, and only an agency of
    /// the registry counts (a passive's agent may be anyone).
    Passive,
}

/// Compiled cue lists. Phrases are stored as lowercase word sequences, indexed by first word.
#[derive(Debug, Default)]
pub struct Cues {
    phrases: HashMap<String, Vec<(Vec<String>, CueKind)>>,
    pub agents: HashSet<String>,
    /// Of the agents, the nouns that head a body, not a person ("ministry", "agency").
    pub bodies: HashSet<String>,
    /// First words of a body's name whose last word is a place ("Statistics Canada", "Stats NZ").
    pub leading_bodies: HashSet<String>,
    /// Nouns of an appositive that make the name before it a body ("Caminando Fronteras, an
    /// NGO specializing in …"), besides `bodies`.
    pub appositive_bodies: HashSet<String>,
    /// Openings of a sentence that names the source of the sentence before ("This emerges from
    /// a response from the Federal Ministry of the Interior"), lower case.
    pub source_of_last: Vec<String>,
    /// Verbs that name a report's source ("according to", "said", "figures show"), lower case.
    pub reporting_verbs: HashSet<String>,
    /// Last words naming who speaks for the body before them ("Interior Ministry spokesman").
    pub voices: HashSet<String>,
    /// Last words of a news outlet's name without a registry entry ("Hala News", "the Korea
    /// Times"): it relays a body's figures, it does not take over the body's report.
    pub outlets: HashSet<String>,
    /// Nouns that head a body's publication ("the report"), read back like `agents`.
    pub publications: HashSet<String>,
    pub data: HashSet<String>,
    /// Words that make a data phrase an official one ("official figures", "government data").
    pub official: HashSet<String>,
    /// Words of a sentence that tells how the statistics moved without a figure ("recorded the
    /// largest decreases", "the third consecutive record high"): it goes on with a report.
    pub trend: HashSet<String>,
    pub definite: HashSet<String>,
    pub stops: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    /// Verbs and the one preposition that name a speaker ("said", "added", "according").
    pub speech: HashSet<String>,
    /// Pronouns that point back to a speaker named before ("he added").
    pub pronouns: HashSet<String>,
    /// Speakers that, made definite, point back to the body whose report is held ("the
    /// spokeswoman", "the same source").
    pub speakers: HashSet<String>,
    /// A job title's subject words that make a person a body's statistician ("population
    /// indicators manager"), and the role nouns that end such a title.
    pub statistical_subjects: HashSet<String>,
    pub roles: HashSet<String>,
    /// Titles of an office that speaks for a body ("Interior Minister Gerhard Karner"): its
    /// report goes on past its paragraph like the body's.
    pub official_titles: HashSet<String>,
    pub document_anaphors: Vec<Vec<String>>,
    pub table_pointers: Vec<Vec<String>>,
    /// Single-word `after` verbs, which end a noun phrase read forwards.
    pub verbs: HashSet<String>,
    /// Place names as written ("Costa Rica", "U.S."), for telling a place from a source: the
    /// gazetteer the figures annotator anchors figures with, so a name that is only a place
    /// ("Ecuador", "China and Venezuela") is never an unregistered source.
    pub places: HashSet<String>,
}

#[derive(Deserialize)]
struct PlacesFile {
    places: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    before: PhraseList,
    after: PhraseList,
    counting: PhraseList,
    #[serde(default)]
    passive: PhraseList,
    words: Words,
}

#[derive(Deserialize, Default)]
struct PhraseList {
    phrases: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    agents: Vec<String>,
    #[serde(default)]
    bodies: Vec<String>,
    #[serde(default)]
    leading_bodies: Vec<String>,
    #[serde(default)]
    appositive_bodies: Vec<String>,
    #[serde(default)]
    source_of_last: Vec<String>,
    #[serde(default)]
    reporting_verbs: Vec<String>,
    #[serde(default)]
    voices: Vec<String>,
    #[serde(default)]
    outlets: Vec<String>,
    publications: Vec<String>,
    data: Vec<String>,
    #[serde(default)]
    official: Vec<String>,
    #[serde(default)]
    trend: Vec<String>,
    definite: Vec<String>,
    document_anaphors: Vec<String>,
    table_pointers: Vec<String>,
    stops: Vec<String>,
    auxiliaries: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    speakers: Vec<String>,
    #[serde(default)]
    statistical_subjects: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    official_titles: Vec<String>,
}

impl Cues {
    /// The built-in cues (`data/attribution.toml`, the places of `data/figures/context.toml`),
    /// read once through the one data-file loader; a unit test keeps the files valid.
    pub fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            let mut cues = builtin::ATTRIBUTION
                .parse::<File>()
                .map(Cues::from_file)
                .unwrap_or_default();
            cues.places = builtin::CONTEXT
                .parse::<PlacesFile>()
                .map(|file| file.places.into_iter().collect())
                .unwrap_or_default();
            cues
        })
    }

    /// The cues of a parsed cue file.
    fn from_file(file: File) -> Cues {
        let mut cues = Cues::default();
        for (list, kind) in [
            (&file.before.phrases, CueKind::Before),
            (&file.after.phrases, CueKind::After),
            (&file.counting.phrases, CueKind::Counting),
            (&file.passive.phrases, CueKind::Passive),
        ] {
            for phrase in list {
                let words = words(phrase);
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                if kind == CueKind::After && words.len() == 1 {
                    cues.verbs.insert(first.clone());
                }
                cues.phrases.entry(first).or_default().push((words, kind));
            }
        }
        for list in cues.phrases.values_mut() {
            // Longest phrase first, so "has shown" wins over "shown".
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let set = |list: Vec<String>| list.iter().map(|word| word.to_lowercase()).collect();
        cues.agents = set(file.words.agents);
        cues.bodies = set(file.words.bodies);
        cues.leading_bodies = set(file.words.leading_bodies);
        cues.appositive_bodies = set(file.words.appositive_bodies);
        cues.source_of_last = file
            .words
            .source_of_last
            .iter()
            .map(|phrase| phrase.to_lowercase())
            .collect();
        cues.reporting_verbs = set(file.words.reporting_verbs);
        cues.voices = set(file.words.voices);
        cues.outlets = set(file.words.outlets);
        cues.publications = set(file.words.publications);
        cues.data = set(file.words.data);
        cues.official = set(file.words.official);
        cues.trend = set(file.words.trend);
        cues.definite = set(file.words.definite);
        cues.stops = set(file.words.stops);
        cues.auxiliaries = set(file.words.auxiliaries);
        cues.speech = set(file.words.speech);
        cues.pronouns = set(file.words.pronouns);
        cues.speakers = set(file.words.speakers);
        cues.statistical_subjects = set(file.words.statistical_subjects);
        cues.roles = set(file.words.roles);
        cues.official_titles = set(file.words.official_titles);
        cues.document_anaphors = file
            .words
            .document_anaphors
            .iter()
            .map(|p| words(p))
            .collect();
        cues.table_pointers = file.words.table_pointers.iter().map(|p| words(p)).collect();
        cues
    }

    /// A one-word counting or reporting cue ("arrested", "recorded", "reported").
    pub fn is_counting_or_reporting_verb(&self, word: &str) -> bool {
        self.starting_with(word).iter().any(|(words, kind)| {
            words.len() == 1 && matches!(kind, CueKind::Counting | CueKind::After)
        })
    }

    /// The cue phrases that start with `word` (lowercase), longest first.
    pub fn starting_with(&self, word: &str) -> &[(Vec<String>, CueKind)] {
        self.phrases.get(word).map_or(&[], Vec::as_slice)
    }
}

/// A phrase as lowercase words; "'s" is its own word, as the tokenizer makes it.
pub fn words(phrase: &str) -> Vec<String> {
    phrase
        .to_lowercase()
        .replace('’', "'")
        .replace("'s", " 's")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_is_valid() {
        let cues = Cues::from_file(builtin::ATTRIBUTION.parse::<File>().unwrap());
        assert!(cues
            .starting_with("according")
            .iter()
            .any(|(words, kind)| words == &["according", "to"] && *kind == CueKind::Before));
        assert!(cues
            .starting_with("'s")
            .iter()
            .any(|(w, _)| w == &["'s", "report"]));
        assert!(cues.data.contains("data"));
        assert!(Cues::builtin().places.contains("Ecuador"));
    }

    #[test]
    fn broken_file_names_the_line() {
        let broken = crate::data_file::Builtin {
            path: "c.toml",
            text: "[before]\nphrases = [1, 2]\n",
        };
        let Err(error) = broken.parse::<File>() else {
            panic!("a list of numbers is no list of phrases");
        };
        assert!(error.starts_with("c.toml:2: "), "{error}");
    }
}
