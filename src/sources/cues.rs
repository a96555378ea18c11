//! Attribution cues from `data/attribution.toml`: the words that say who a statement rests on.

use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

/// The built-in cue file.
pub const BUILTIN_CUES: &str = crate::data_file::builtin::ATTRIBUTION.text;

/// The gazetteer the figures annotator anchors figures with (its `places` list): a name that
/// is only a place ("Ecuador", "China and Venezuela") is never an unregistered source.
pub const BUILTIN_PLACES: &str = crate::data_file::builtin::CONTEXT.text;

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
    /// Nouns that head a body's publication ("the report"), read back like `agents`.
    pub publications: HashSet<String>,
    pub data: HashSet<String>,
    pub definite: HashSet<String>,
    pub stops: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub document_anaphors: Vec<Vec<String>>,
    pub table_pointers: Vec<Vec<String>>,
    /// Single-word `after` verbs, which end a noun phrase read forwards.
    pub verbs: HashSet<String>,
    /// Place names as written ("Costa Rica", "U.S."), for telling a place from a source.
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
    publications: Vec<String>,
    data: Vec<String>,
    definite: Vec<String>,
    document_anaphors: Vec<String>,
    table_pointers: Vec<String>,
    stops: Vec<String>,
    auxiliaries: Vec<String>,
}

impl Cues {
    /// The built-in cues, parsed once; a unit test keeps the data file valid.
    pub fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| {
            let mut cues = Cues::parse(BUILTIN_CUES, None).0;
            cues.places = places(BUILTIN_PLACES);
            cues
        })
    }

    /// Parses a cue file; errors carry `file:line`.
    pub fn parse(text: &str, path: Option<&Path>) -> (Cues, Vec<Diagnostic>) {
        let file: File = match toml::from_str(text) {
            Ok(file) => file,
            Err(err) => {
                let line = err.span().map(|span| LineIndex::new(text).line(span.start));
                let diagnostic = Diagnostic::error(
                    path.map(Path::to_path_buf),
                    line,
                    format!(
                        "invalid attribution cues: {}; see data/attribution.toml for the format",
                        err.message()
                    ),
                );
                return (Cues::default(), vec![diagnostic]);
            }
        };
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
        cues.publications = set(file.words.publications);
        cues.data = set(file.words.data);
        cues.definite = set(file.words.definite);
        cues.stops = set(file.words.stops);
        cues.auxiliaries = set(file.words.auxiliaries);
        cues.document_anaphors = file
            .words
            .document_anaphors
            .iter()
            .map(|p| words(p))
            .collect();
        cues.table_pointers = file.words.table_pointers.iter().map(|p| words(p)).collect();
        (cues, Vec::new())
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

/// The `places` list of a gazetteer file; empty when the file has none (a unit test keeps the
/// built-in one readable).
fn places(text: &str) -> HashSet<String> {
    toml::from_str::<PlacesFile>(text)
        .map(|file| file.places.into_iter().collect())
        .unwrap_or_default()
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
        let (cues, diagnostics) = Cues::parse(BUILTIN_CUES, None);
        assert!(diagnostics.is_empty());
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
        let (_, diagnostics) =
            Cues::parse("[before]\nphrases = [1, 2]\n", Some(Path::new("c.toml")));
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(2));
    }
}
