//! The source registry: canonical names, kinds and aliases from `corpus/sources.toml`, and the
//! lookups that turn a mention as written ("the UN", "CBP's data") into one registry entry.

use super::fold::{fold, Folded};
use crate::data_file;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The registry shipped with claimdex (a copy of `corpus/sources.toml`).
pub const BUILTIN_SOURCES: &str = crate::data_file::builtin::SOURCES.text;

/// What kind of body a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    StatisticsAgency,
    Government,
    InternationalOrganization,
    ResearchCenter,
    News,
    Person,
    Survey,
    Document,
}

impl SourceKind {
    /// Whether a source of this kind publishes data a "this data" anaphor can point back to.
    pub fn is_dataset(self) -> bool {
        matches!(self, SourceKind::StatisticsAgency | SourceKind::Survey)
    }

    /// An agency, office, organisation or publication whose report a later paragraph can go on
    /// with; not a person or a news outlet, whose words are theirs alone.
    pub fn is_institution(self) -> bool {
        !matches!(self, SourceKind::News | SourceKind::Person)
    }
}

/// One registry entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub name: String,
    pub kind: SourceKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
}

/// Where a registry name or alias occurs in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistryMatch {
    /// The raw span, including a leading "the "/"The " when the text has one.
    pub span: Span,
    /// Index into `Registry::entries`.
    pub entry: usize,
}

/// Canonical sources and their aliases, with exact and in-text lookups.
pub struct Registry {
    entries: Vec<SourceEntry>,
    /// Folded name or alias, without a leading "the", to entry index (case-sensitive).
    exact: HashMap<String, usize>,
    /// The same keys lowercased, for user queries.
    lower: HashMap<String, usize>,
    matcher: Option<AhoCorasick>,
    pattern_entry: Vec<usize>,
}

impl Registry {
    /// The built-in registry, parsed once. Its validity is checked by a unit test.
    pub fn builtin() -> &'static Registry {
        static REGISTRY: OnceLock<Registry> = OnceLock::new();
        REGISTRY.get_or_init(|| Registry::parse(BUILTIN_SOURCES, None).0)
    }

    /// The built-in registry extended by the user's files at `paths` (those that exist), in
    /// order.
    ///
    /// An entry of a user's file replaces a built-in (or earlier) entry of the same name.
    /// Problems in a file are diagnostics with `file:line`; the entries that parse are still used.
    pub fn load(paths: &[PathBuf]) -> (Registry, Vec<Diagnostic>) {
        let (entries, mut diagnostics) = data_file::merge_files(
            Registry::builtin().entries.clone(),
            paths,
            &FORMAT,
            |entry: &SourceEntry| entry.name.as_str(),
            |text, path| parse_entries(text, Some(path)),
        );
        let path = paths.last().map(PathBuf::as_path);
        let (registry, build_diagnostics) = Registry::from_entries(entries, path);
        diagnostics.extend(build_diagnostics);
        (registry, diagnostics)
    }

    /// Parses one registry file (no built-in entries).
    pub fn parse(text: &str, path: Option<&Path>) -> (Registry, Vec<Diagnostic>) {
        let (entries, mut diagnostics) = parse_entries(text, path);
        let (registry, build_diagnostics) = Registry::from_entries(entries, path);
        diagnostics.extend(build_diagnostics);
        (registry, diagnostics)
    }

    pub fn entries(&self) -> &[SourceEntry] {
        &self.entries
    }

    pub fn entry(&self, idx: usize) -> Option<&SourceEntry> {
        self.entries.get(idx)
    }

    /// The entry whose canonical name is `name`.
    pub fn get(&self, name: &str) -> Option<&SourceEntry> {
        self.entries.iter().find(|entry| entry.name == name)
    }

    /// The entry a mention names, tolerant of a leading article, a possessive "'s", trailing
    /// words like "data", "report" or "statistics", quotes and spacing. Case-sensitive, as
    /// aliases are proper nouns and acronyms. Falls back to the longest alias inside the mention.
    pub fn normalize(&self, mention: &str) -> Option<&SourceEntry> {
        let mut candidate = fold(mention);
        for _ in 0..8 {
            if let Some(idx) = self.exact.get(candidate.as_str()) {
                return self.entries.get(*idx);
            }
            let next = strip_once(&candidate);
            if next == candidate {
                break;
            }
            candidate = next;
        }
        let longest = self
            .find(mention, Span::new(0, mention.len()))
            .into_iter()
            .max_by_key(|found| found.span.len())?;
        self.entries.get(longest.entry)
    }

    /// The entry a user query names (`--source S`): names and aliases, case-insensitive.
    pub fn query(&self, query: &str) -> Option<&SourceEntry> {
        let key = strip_article(trim_punctuation(&fold(query))).to_lowercase();
        self.lower.get(&key).and_then(|idx| self.entries.get(*idx))
    }

    /// Every name or alias in `text[span]`, leftmost-longest, at word boundaries, in order.
    pub fn find(&self, text: &str, span: Span) -> Vec<RegistryMatch> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let folded = Folded::new(text, span);
        let haystack = folded.text.as_str();
        let mut candidates: Vec<(usize, usize, usize)> = matcher
            .find_overlapping_iter(haystack)
            .filter(|found| at_word_boundaries(haystack, found.start(), found.end()))
            .filter_map(|found| {
                let entry = *self.pattern_entry.get(found.pattern().as_usize())?;
                Some((found.start(), found.end(), entry))
            })
            .collect();
        // Leftmost first, then longest: the greedy pass below keeps non-overlapping matches.
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut matches = Vec::new();
        let mut covered_to = 0;
        for (start, end, entry) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            let start = with_article(haystack, start);
            matches.push(RegistryMatch {
                span: folded.raw_span(start, end),
                entry,
            });
        }
        matches
    }

    fn from_entries(entries: Vec<SourceEntry>, path: Option<&Path>) -> (Registry, Vec<Diagnostic>) {
        let (aliases, mut diagnostics) = Aliases::index(&entries, path);
        diagnostics.extend(unknown_parents(&entries, path));
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&aliases.patterns)
            .ok();
        let registry = Registry {
            entries,
            exact: aliases.exact,
            lower: aliases.lower,
            matcher,
            pattern_entry: aliases.pattern_entry,
        };
        (registry, diagnostics)
    }
}

/// A registry's lookups of names and aliases, as they are built from its entries.
struct Aliases {
    exact: HashMap<String, usize>,
    lower: HashMap<String, usize>,
    /// What the in-text matcher looks for, and the entry of each.
    patterns: Vec<String>,
    pattern_entry: Vec<usize>,
}

impl Aliases {
    /// Every entry's name and aliases, folded and without a leading "the". An alias that is
    /// already another entry's is kept for the first and warned about (with `path`).
    fn index(entries: &[SourceEntry], path: Option<&Path>) -> (Aliases, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut aliases = Aliases {
            exact: HashMap::new(),
            lower: HashMap::new(),
            patterns: Vec::new(),
            pattern_entry: Vec::new(),
        };
        for (idx, entry) in entries.iter().enumerate() {
            for alias in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                let key = strip_article(&fold(alias)).to_string();
                if key.is_empty() {
                    continue;
                }
                match aliases.exact.get(&key) {
                    Some(other) if *other != idx => {
                        let other_name = entries.get(*other).map_or("", |e| e.name.as_str());
                        diagnostics.push(Diagnostic::warning(
                            path.map(Path::to_path_buf),
                            None,
                            format!(
                                "alias '{alias}' of '{}' is already an alias of '{other_name}'; \
                                 keeping the first, remove one of them",
                                entry.name
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => aliases.add(key, idx, entry.parent.as_deref()),
                }
            }
        }
        (aliases, diagnostics)
    }

    /// Adds the folded alias `key` of entry `idx`, whose parent is named `parent`.
    fn add(&mut self, key: String, idx: usize, parent: Option<&str>) {
        self.exact.insert(key.clone(), idx);
        self.lower.entry(key.to_lowercase()).or_insert(idx);
        // "the UN refugee agency" for "UN Refugee Agency", "the United Nations refugee agency"
        // for "United Nations Refugee Agency": after an acronym or the parent's name, a
        // description is as often written in lower case.
        if let Some(variant) = lowercase_description(&key, parent) {
            self.patterns.push(variant);
            self.pattern_entry.push(idx);
        }
        self.patterns.push(key);
        self.pattern_entry.push(idx);
    }
}

/// A warning (with `path`) for each entry whose parent names no entry.
fn unknown_parents(entries: &[SourceEntry], path: Option<&Path>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for entry in entries {
        if let Some(parent) = &entry.parent {
            if !entries.iter().any(|other| &other.name == parent) {
                diagnostics.push(Diagnostic::warning(
                    path.map(Path::to_path_buf),
                    None,
                    format!(
                        "'{}' has parent '{parent}', which is not a source name; add it or fix 'parent'",
                        entry.name
                    ),
                ));
            }
        }
    }
    diagnostics
}

/// An alias led by an acronym or by its entry's `parent` name and followed by capitalised words
/// ending in a body noun (`bodies` in `data/attribution.toml`: "UN Refugee Agency", "EU Border
/// Agency", "United Nations Refugee Agency" of the United Nations) written with those words in
/// lower case; none for any other alias ("UN Migration" lower-cased would read every "UN
/// migration study").
fn lowercase_description(alias: &str, parent: Option<&str>) -> Option<String> {
    let parent_led = parent
        .and_then(|parent| Some((parent, alias.strip_prefix(parent)?.strip_prefix(' ')?)))
        .filter(|(_, rest)| !rest.is_empty());
    let (first, rest) = match parent_led {
        Some(led) => led,
        None => alias.split_once(' ')?,
    };
    let body = rest
        .rsplit(' ')
        .next()
        .is_some_and(|last| super::Cues::builtin().bodies.contains(&last.to_lowercase()));
    if !body {
        return None;
    }
    let acronym = parent_led.is_some()
        || first.len() >= 2 && first.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.');
    let capitalised = rest
        .split(' ')
        .all(|word| word.starts_with(|ch: char| ch.is_uppercase()));
    (acronym && capitalised).then(|| format!("{first} {}", rest.to_lowercase()))
}

/// The form a source not in the registry is listed under: folded, without a leading article,
/// possessive or trailing "data"/"report"-like words.
pub fn surface_name(mention: &str) -> String {
    let mut candidate = trim_punctuation(&fold(mention)).to_string();
    // A person is listed under their name, not their honorific ("Father Tomás Beltrán").
    for title in HONORIFICS {
        if let Some(rest) = candidate.strip_prefix(title) {
            if rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase) {
                candidate = rest.trim_start().to_string();
                break;
            }
        }
    }
    for _ in 0..6 {
        let next = strip_once(&candidate);
        if next == candidate || next.is_empty() {
            break;
        }
        candidate = next;
    }
    candidate
}

/// Titles before a person's name that are not part of it.
const HONORIFICS: &[&str] = &[
    "Father",
    "Fr.",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Rev.",
    "Reverend",
    "Sister",
    "Brother",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
];

/// Words that follow a source's name without changing which source it is.
const TRAILING_WORDS: &[&str] = &[
    "data",
    "dataset",
    "database",
    "report",
    "reports",
    "statistics",
    "figures",
    "numbers",
    "study",
    "studies",
    "records",
    "estimates",
    "analysis",
    "survey",
    "surveys",
    "count",
    "counts",
    "tally",
    "release",
    "press release",
    "findings",
    "research",
];

const ARTICLES: &[&str] = &["the ", "The ", "a ", "A ", "an ", "An "];

/// How a registry file is written, for the shared loader and its messages.
const FORMAT: data_file::DataFormat = data_file::DataFormat {
    table: "source",
    what: "source registry",
    key: "name",
    fields: "name, kind, aliases",
};

fn parse_entries(text: &str, path: Option<&Path>) -> (Vec<SourceEntry>, Vec<Diagnostic>) {
    data_file::parse_entries(
        text,
        path,
        &FORMAT,
        |entry: &SourceEntry| entry.name.as_str(),
        |_| None,
    )
}

fn strip_once(candidate: &str) -> String {
    let trimmed = trim_punctuation(candidate);
    if trimmed.len() != candidate.len() {
        return trimmed.to_string();
    }
    let without_article = strip_article(candidate);
    if without_article.len() != candidate.len() {
        return without_article.to_string();
    }
    for possessive in ["'s", "'"] {
        if let Some(stem) = candidate.strip_suffix(possessive) {
            return stem.trim_end().to_string();
        }
    }
    for word in TRAILING_WORDS {
        if let Some(stem) = candidate.strip_suffix(word) {
            if stem.ends_with(' ') && stem.trim_end().len() > 1 {
                return trim_punctuation(stem.trim_end()).to_string();
            }
        }
    }
    candidate.to_string()
}

fn strip_article(text: &str) -> &str {
    ARTICLES
        .iter()
        .find_map(|article| text.strip_prefix(article))
        .unwrap_or(text)
}

/// Surrounding spaces and punctuation off; a closing bracket stays when it closes one inside
/// ("National Statistics Office (Nepal)").
fn trim_punctuation(text: &str) -> &str {
    let trimmed = text.trim_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, ',' | ';' | ':' | '"' | '(' | ')' | '[' | ']')
    });
    let trimmed = trimmed.trim_end_matches(['.', ',']);
    let opens = trimmed.matches('(').count();
    let closes = trimmed.matches(')').count();
    if opens > closes && text.contains(&format!("{trimmed})")) {
        let end = trimmed.len() + 1;
        return text
            .find(trimmed)
            .and_then(|start| text.get(start..start + end))
            .unwrap_or(trimmed);
    }
    trimmed
}

/// Whether `text[start..end]` has no letter or digit just before or just after it.
pub(crate) fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|head| head.chars().next_back());
    let after = text.get(end..).and_then(|tail| tail.chars().next());
    let first = text.get(start..).and_then(|tail| tail.chars().next());
    let last = text.get(..end).and_then(|head| head.chars().next_back());
    let joins = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric());
    !joins(before, first) && !joins(after, last)
}

/// Moves a match start back over a preceding "the "/"The ".
fn with_article(text: &str, start: usize) -> usize {
    let head = text.get(..start).unwrap_or("");
    for article in ["the ", "The "] {
        if let Some(rest) = head.strip_suffix(article) {
            if rest.is_empty() || rest.ends_with(|ch: char| !ch.is_alphanumeric()) {
                return rest.len();
            }
        }
    }
    start
}

#[cfg(test)]
mod tests;
