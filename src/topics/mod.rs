//! Topics: a taxonomy of recurring subjects (`corpus/topics.toml`) and the phrase rules that
//! tag a passage with them, in one linear pass over the text.

use crate::data_file;
use crate::diagnostic::Diagnostic;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The taxonomy shipped with claimdex (a copy of `corpus/topics.toml`).
pub const BUILTIN_TOPICS: &str = crate::data_file::builtin::TOPICS.text;

/// One topic and its phrase rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub require_any: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The three rule lists of a topic (the discriminant indexes `Scan`'s hit triples).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Phrases = 0,
    RequireAny = 1,
    Exclude = 2,
}

/// Which rule lists of each topic one text matched (from `Taxonomy::scan`).
#[derive(Debug, Clone)]
pub struct Scan {
    hits: Vec<[bool; 3]>,
}

/// One compiled phrase: which topic and list it belongs to, and whether it ends in `*`.
#[derive(Debug, Clone, Copy)]
struct Rule {
    topic: usize,
    list: List,
    wildcard: bool,
}

/// Topics with their phrases compiled into one automaton.
pub struct Taxonomy {
    topics: Vec<Topic>,
    matcher: Option<AhoCorasick>,
    rules: Vec<Rule>,
}

impl Taxonomy {
    /// The built-in taxonomy, parsed once; a unit test keeps the data file valid.
    pub fn builtin() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        TAXONOMY.get_or_init(|| Taxonomy::parse(BUILTIN_TOPICS, None).0)
    }

    /// The built-in taxonomy extended by the user's files at `paths` (those that exist), in
    /// order; a user topic with a known topic's id replaces it. Problems are diagnostics with
    /// `file:line`; the topics that parse are still used.
    pub fn load(paths: &[PathBuf]) -> (Taxonomy, Vec<Diagnostic>) {
        let (topics, diagnostics) = data_file::merge_files(
            Taxonomy::builtin().topics.clone(),
            paths,
            &FORMAT,
            |topic: &Topic| topic.id.as_str(),
            |text, path| parse_topics(text, Some(path)),
        );
        (Taxonomy::from_topics(topics), diagnostics)
    }

    /// Parses one topic file (no built-in topics).
    pub fn parse(text: &str, path: Option<&Path>) -> (Taxonomy, Vec<Diagnostic>) {
        let (topics, diagnostics) = parse_topics(text, path);
        (Taxonomy::from_topics(topics), diagnostics)
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The topic with this id or name (case-insensitive).
    pub fn find(&self, id_or_name: &str) -> Option<&Topic> {
        let wanted = id_or_name.trim().to_lowercase();
        self.topics
            .iter()
            .find(|topic| topic.id.to_lowercase() == wanted || topic.name.to_lowercase() == wanted)
    }

    /// The ids of the topics `text` has, in taxonomy order. Linear in the text length.
    pub fn topics_for(&self, text: &str) -> Vec<&str> {
        let scan = self.scan(text);
        self.topics_in_context(&scan, &scan)
    }

    /// Which rule lists of each topic `text` matches, for `topics_in_context`. Linear in the
    /// text length.
    pub fn scan(&self, text: &str) -> Scan {
        let mut hits = vec![[false; 3]; self.topics.len()];
        let Some(matcher) = &self.matcher else {
            return Scan { hits };
        };
        let haystack = normalize(text);
        for found in matcher.find_overlapping_iter(&haystack) {
            let Some(rule) = self.rules.get(found.pattern().as_usize()) else {
                continue;
            };
            if !boundary_before(&haystack, found.start())
                || (!rule.wildcard && !boundary_after(&haystack, found.end()))
            {
                continue;
            }
            if let Some(topic_hits) = hits.get_mut(rule.topic) {
                topic_hits[rule.list as usize] = true;
            }
        }
        Scan { hits }
    }

    /// The topics of a sentence read in its context (its passage): one of the topic's
    /// `phrases` and none of its `exclude` phrases in the sentence itself, and one of its
    /// `require_any` words in the sentence or the context ("entries into Ecuador" in a passage
    /// about Chinese nationals). Both scans must come from this taxonomy.
    pub fn topics_in_context(&self, sentence: &Scan, context: &Scan) -> Vec<&str> {
        let phrase = List::Phrases as usize;
        let required = List::RequireAny as usize;
        let excluded = List::Exclude as usize;
        self.topics
            .iter()
            .zip(sentence.hits.iter().zip(&context.hits))
            .filter(|(topic, (own, around))| {
                own[phrase]
                    && (topic.require_any.is_empty() || own[required] || around[required])
                    && !own[excluded]
            })
            .map(|(topic, _)| topic.id.as_str())
            .collect()
    }

    fn from_topics(topics: Vec<Topic>) -> Taxonomy {
        let mut patterns = Vec::new();
        let mut rules = Vec::new();
        for (idx, topic) in topics.iter().enumerate() {
            for (list, phrases) in [
                (List::Phrases, &topic.phrases),
                (List::RequireAny, &topic.require_any),
                (List::Exclude, &topic.exclude),
            ] {
                for phrase in phrases {
                    let normalized = normalize(phrase);
                    let wildcard = normalized.ends_with('*');
                    let pattern = normalized.trim_end_matches('*').to_string();
                    if pattern.is_empty() {
                        continue;
                    }
                    patterns.push(pattern);
                    rules.push(Rule {
                        topic: idx,
                        list,
                        wildcard,
                    });
                }
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Taxonomy {
            topics,
            matcher,
            rules,
        }
    }
}

/// How a topic file is written, for the shared loader and its messages.
const FORMAT: data_file::DataFormat = data_file::DataFormat {
    table: "topic",
    what: "topic file",
    key: "id",
    fields: "id, name, phrases",
};

fn parse_topics(text: &str, path: Option<&Path>) -> (Vec<Topic>, Vec<Diagnostic>) {
    data_file::parse_entries(
        text,
        path,
        &FORMAT,
        |topic: &Topic| topic.id.as_str(),
        check,
    )
}

/// What is wrong with a topic besides its id, if anything.
fn check(topic: &Topic) -> Option<String> {
    if topic.phrases.iter().all(|phrase| phrase.trim().is_empty()) {
        return Some(format!(
            "topic '{}' has no phrases; add at least one",
            topic.id
        ));
    }
    let misplaced = topic
        .phrases
        .iter()
        .chain(&topic.require_any)
        .chain(&topic.exclude)
        .find(|phrase| phrase.trim_end_matches('*').contains('*'))?;
    Some(format!(
        "topic '{}': '{misplaced}' has a '*' inside; '*' is only allowed at the end",
        topic.id
    ))
}

/// Lowercase, straight quotes, one space for each whitespace run.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match ch {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201C}' | '\u{201D}' => out.push('"'),
            other if other.is_ascii() => out.push(other.to_ascii_lowercase()),
            other => out.extend(other.to_lowercase()),
        }
    }
    out
}

/// Word boundaries apply to letters and digits of alphabetic scripts; CJK phrases match as
/// written, since those scripts do not put spaces between words.
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() && (ch as u32) < 0x2E80
}

fn boundary_before(text: &str, start: usize) -> bool {
    let before = text.get(..start).and_then(|head| head.chars().next_back());
    let first = text.get(start..).and_then(|tail| tail.chars().next());
    !(before.is_some_and(is_word_char) && first.is_some_and(is_word_char))
}

fn boundary_after(text: &str, end: usize) -> bool {
    let after = text.get(end..).and_then(|tail| tail.chars().next());
    let last = text.get(..end).and_then(|head| head.chars().next_back());
    !(after.is_some_and(is_word_char) && last.is_some_and(is_word_char))
}

#[cfg(test)]
mod tests;
