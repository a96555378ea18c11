//! Topics: a taxonomy of recurring subjects (`corpus/topics.toml`) and the phrase rules that
//! tag a passage with them, in one linear pass over the text.

use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The taxonomy shipped with claimdex (a copy of `corpus/topics.toml`).
pub const BUILTIN_TOPICS: &str = include_str!("../../corpus/topics.toml");

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

/// The three rule lists of a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Phrases,
    RequireAny,
    Exclude,
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

    /// The built-in taxonomy extended by the user's file at `path` (when it exists); a user
    /// topic with a built-in topic's id replaces it.
    pub fn load(path: &Path) -> (Taxonomy, Vec<Diagnostic>) {
        let mut topics = Taxonomy::builtin().topics.clone();
        let mut diagnostics = Vec::new();
        if path.exists() {
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    let (user, user_diagnostics) = parse_topics(&text, Some(path));
                    diagnostics.extend(user_diagnostics);
                    for topic in user {
                        match topics.iter_mut().find(|known| known.id == topic.id) {
                            Some(known) => *known = topic,
                            None => topics.push(topic),
                        }
                    }
                }
                Err(err) => diagnostics.push(Diagnostic::error(
                    Some(path.to_path_buf()),
                    None,
                    format!("cannot read the topic file ({err}); using the built-in topics"),
                )),
            }
        }
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
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let haystack = normalize(text);
        let mut hits = vec![[false; 3]; self.topics.len()];
        for found in matcher.find_overlapping_iter(&haystack) {
            let Some(rule) = self.rules.get(found.pattern().as_usize()) else {
                continue;
            };
            if !boundary_before(&haystack, found.start())
                || (!rule.wildcard && !boundary_after(&haystack, found.end()))
            {
                continue;
            }
            let slot = match rule.list {
                List::Phrases => 0,
                List::RequireAny => 1,
                List::Exclude => 2,
            };
            if let Some(topic_hits) = hits.get_mut(rule.topic) {
                topic_hits[slot] = true;
            }
        }
        self.topics
            .iter()
            .zip(&hits)
            .filter(|(topic, [phrase, required, excluded])| {
                *phrase && (*required || topic.require_any.is_empty()) && !*excluded
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

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    topic: Vec<toml::Spanned<Topic>>,
}

fn parse_topics(text: &str, path: Option<&Path>) -> (Vec<Topic>, Vec<Diagnostic>) {
    let owned: Option<PathBuf> = path.map(Path::to_path_buf);
    let line_index = LineIndex::new(text);
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(err) => {
            let line = err.span().map(|span| line_index.line(span.start));
            let message = format!(
                "invalid topic file: {}; each entry is [[topic]] with id, name, phrases",
                err.message()
            );
            return (Vec::new(), vec![Diagnostic::error(owned, line, message)]);
        }
    };
    let mut topics: Vec<Topic> = Vec::new();
    let mut diagnostics = Vec::new();
    for spanned in file.topic {
        let line = Some(line_index.line(spanned.span().start));
        let topic = spanned.into_inner();
        let problem = if topic.id.trim().is_empty() {
            Some("topic with an empty id; give it an id".to_string())
        } else if topics.iter().any(|known| known.id == topic.id) {
            Some(format!(
                "duplicate topic id '{}'; rename or merge one",
                topic.id
            ))
        } else if topic.phrases.iter().all(|phrase| phrase.trim().is_empty()) {
            Some(format!(
                "topic '{}' has no phrases; add at least one",
                topic.id
            ))
        } else {
            let misplaced = topic
                .phrases
                .iter()
                .chain(&topic.require_any)
                .chain(&topic.exclude)
                .find(|phrase| phrase.trim_end_matches('*').contains('*'));
            misplaced.map(|phrase| {
                format!(
                    "topic '{}': '{phrase}' has a '*' inside; '*' is only allowed at the end",
                    topic.id
                )
            })
        };
        match problem {
            Some(message) => diagnostics.push(Diagnostic::error(owned.clone(), line, message)),
            None => topics.push(topic),
        }
    }
    (topics, diagnostics)
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
