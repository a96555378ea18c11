//! The attribution recogniser: for each sentence, the source it rests on, by precedence:
//! in-text cue, footnote, the previous sentence's cue, table `Source:` line, reference-list
//! mention, then an anaphor to the dataset the document analyses.

use super::cues::{CueKind, Cues};
use super::footnotes::{footnotes, Footnote};
use super::references::{references, Reference};
use super::registry::{surface_name, Registry, RegistryMatch, SourceKind};
use super::table::{tables, Table};
use super::tokens::{tokenize, Token};
use super::{Attribution, Via};
use crate::span::Span;

/// The longest noun phrase, in words, read next to a cue.
const MAX_PHRASE_WORDS: usize = 12;
/// How far back (in tokens) a verb looks for "X statistics ... showed" when its subject is long.
const FALLBACK_WINDOW: usize = 8;

/// Attribution with a given registry and cue set.
pub struct Attributor<'a> {
    registry: &'a Registry,
    cues: &'a Cues,
}

/// The source of each sentence (spans into `doc_text`), with the built-in registry and cues.
///
/// Pass sentences after `split_at_footnotes`, so a footnote that starts a segmenter "sentence"
/// is not read as text. One result per sentence, `None` when the text names no source.
pub fn attribute(doc_text: &str, sentences: &[Span]) -> Vec<Option<Attribution>> {
    Attributor::new(Registry::builtin(), Cues::builtin()).attribute(doc_text, sentences)
}

/// What the recogniser knows about the whole document.
struct Context<'t> {
    text: &'t str,
    /// The text with footnotes blanked out (same byte length), so cues never read citations.
    masked: String,
    matches: Vec<RegistryMatch>,
    /// Registry mentions that name a dataset ("Ecuadorian travel data", an agency's statistics).
    datasets: Vec<RegistryMatch>,
    footnotes: Vec<Footnote>,
    tables: Vec<Table>,
    references: Vec<Reference>,
}

impl<'a> Attributor<'a> {
    pub fn new(registry: &'a Registry, cues: &'a Cues) -> Attributor<'a> {
        Attributor { registry, cues }
    }

    /// The source of each sentence; see [`attribute`].
    pub fn attribute(&self, doc_text: &str, sentences: &[Span]) -> Vec<Option<Attribution>> {
        let context = self.context(doc_text);
        let own: Vec<Option<Attribution>> = sentences
            .iter()
            .map(|sentence| self.in_text(&context, *sentence))
            .collect();
        let footnote_of = link_footnotes(doc_text, sentences, &context.footnotes);
        let mut result = Vec::with_capacity(sentences.len());
        for (idx, sentence) in sentences.iter().enumerate() {
            let previous = idx
                .checked_sub(1)
                .and_then(|prev| sentences.get(prev))
                .filter(|prev| same_paragraph(doc_text, **prev, *sentence));
            let carried = previous.and_then(|_| own.get(idx - 1).cloned().flatten());
            let attribution = own[idx]
                .clone()
                .or_else(|| {
                    footnote_of[idx]
                        .and_then(|f| context.footnotes.get(f))
                        .map(|footnote| self.footnote_attribution(doc_text, footnote))
                })
                .or(carried)
                .or_else(|| self.table_attribution(&context, *sentence))
                .or_else(|| self.reference_attribution(&context, *sentence))
                .or_else(|| self.document_attribution(&context, *sentence, previous.copied()));
            result.push(attribution);
        }
        result
    }

    fn context<'t>(&self, text: &'t str) -> Context<'t> {
        let footnotes = footnotes(text);
        let mut masked = text.to_string();
        for footnote in &footnotes {
            blank(&mut masked, footnote.span);
        }
        let matches = self.registry.find(&masked, Span::new(0, masked.len()));
        let datasets = matches
            .iter()
            .filter(|found| self.names_dataset(&masked, found))
            .copied()
            .collect();
        Context {
            text,
            tables: tables(self.registry, text),
            references: references(text),
            masked,
            matches,
            datasets,
            footnotes,
        }
    }

    /// A registry mention that is a dataset: a statistics agency or survey, or followed by "data".
    fn names_dataset(&self, text: &str, found: &RegistryMatch) -> bool {
        if self
            .registry
            .entry(found.entry)
            .is_some_and(|entry| entry.kind.is_dataset())
        {
            return true;
        }
        let mention = found.span.slice(text).unwrap_or("");
        let after = text.get(found.span.end..).unwrap_or("");
        mention
            .split_whitespace()
            .last()
            .into_iter()
            .chain(after.split_whitespace().take(2))
            .any(|word| self.is_data_word(word))
    }

    fn is_data_word(&self, word: &str) -> bool {
        let word = word
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase();
        self.cues.data.contains(&word)
    }

    /// The best source named by a cue inside the sentence.
    fn in_text(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        let tokens = tokenize(&context.masked, sentence);
        let mut best: Option<(u8, Attribution)> = None;
        for start in 0..tokens.len() {
            // A capitalised cue inside a sentence is a name ("the United States"), not a verb.
            let inside_name = tokens[start].is_capitalised()
                && start > 0
                && tokens[start - 1].is_word
                && !tokens[start - 1].text.ends_with('.');
            if inside_name {
                continue;
            }
            for (phrase, kind) in self.cues.starting_with(&tokens[start].lower) {
                let end = start + phrase.len();
                let matches = tokens
                    .get(start..end)
                    .is_some_and(|window| window.iter().zip(phrase).all(|(t, w)| &t.lower == w));
                if !matches {
                    continue;
                }
                let candidate = match kind {
                    CueKind::Before => {
                        let chunk = self.forward_phrase(&tokens, end);
                        self.classify(context, &tokens, chunk, *kind)
                    }
                    CueKind::After | CueKind::Counting => {
                        let chunk = self.backward_phrase(&tokens, start);
                        self.classify(context, &tokens, chunk, *kind).or_else(|| {
                            (*kind == CueKind::After)
                                .then(|| self.fallback_window(context, &tokens, start))
                                .flatten()
                        })
                    }
                };
                if let Some((rank, attribution)) = candidate {
                    if best.as_ref().is_none_or(|(best_rank, _)| rank > *best_rank) {
                        best = Some((rank, attribution));
                    }
                }
                break;
            }
        }
        best.map(|(_, attribution)| attribution)
    }

    /// The noun phrase after a cue: words up to punctuation, a clause word or a verb.
    fn forward_phrase(&self, tokens: &[Token], from: usize) -> (usize, usize) {
        let mut end = from;
        let mut n_words = 0;
        while let Some(token) = tokens.get(end) {
            if n_words >= MAX_PHRASE_WORDS {
                break;
            }
            if token.text == "(" {
                match tokens[end..].iter().take(6).position(|t| t.text == ")") {
                    Some(close) => {
                        end += close + 1;
                        continue;
                    }
                    None => break,
                }
            }
            if token.is_word {
                if self.cues.stops.contains(&token.lower) || self.cues.verbs.contains(&token.lower)
                {
                    break;
                }
                n_words += 1;
                end += 1;
                continue;
            }
            if matches!(token.text.as_str(), "-" | "&") {
                end += 1;
                continue;
            }
            break;
        }
        (from, end)
    }

    /// The subject before a cue verb: skips auxiliaries ("has so far", ", which"), then reads
    /// words back to punctuation or a clause word.
    fn backward_phrase(&self, tokens: &[Token], cue_start: usize) -> (usize, usize) {
        let mut end = cue_start;
        let mut relative = false;
        while end > 0 {
            let token = &tokens[end - 1];
            if token.is_word && self.cues.auxiliaries.contains(&token.lower) {
                relative |= token.lower == "which" || token.lower == "who";
                end -= 1;
            } else if relative && token.text == "," {
                relative = false;
                end -= 1;
            } else {
                break;
            }
        }
        let mut start = end;
        let mut n_words = 0;
        while start > 0 && n_words < MAX_PHRASE_WORDS {
            let token = &tokens[start - 1];
            if token.text == ")" {
                let open = tokens[..start - 1]
                    .iter()
                    .rev()
                    .take(5)
                    .position(|t| t.text == "(");
                match open {
                    Some(back) => {
                        start -= back + 2;
                        continue;
                    }
                    None => break,
                }
            }
            if token.is_word && !self.cues.stops.contains(&token.lower) {
                start -= 1;
                n_words += 1;
                continue;
            }
            if matches!(token.text.as_str(), "-" | "&") {
                start -= 1;
                continue;
            }
            break;
        }
        (start, end)
    }

    /// Who a noun phrase names, ranked: registry source 3, a data anaphor 2, a proper name 1.
    fn classify(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<(u8, Attribution)> {
        if start >= end {
            return None;
        }
        let chunk = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        if let Some(found) = self.registry_in(context, chunk, kind) {
            return Some((3, found));
        }
        if kind != CueKind::Counting {
            if let Some(found) = self.data_anaphor(context, tokens, (start, end), kind) {
                return Some((2, found));
            }
        }
        self.proper_name(context, tokens, (start, end), kind)
            .map(|found| (1, found))
    }

    /// The registry source named in `chunk`: the first for a cue before it, else the last.
    fn registry_in(&self, context: &Context, chunk: Span, kind: CueKind) -> Option<Attribution> {
        let inside: Vec<&RegistryMatch> = context
            .matches
            .iter()
            .skip(
                context
                    .matches
                    .partition_point(|m| m.span.end <= chunk.start),
            )
            .take_while(|m| m.span.start < chunk.end)
            .filter(|m| m.span.end <= chunk.end)
            .filter(|m| {
                kind != CueKind::Counting
                    || self.registry.entry(m.entry).is_some_and(|entry| {
                        !matches!(
                            entry.kind,
                            SourceKind::Person | SourceKind::News | SourceKind::Document
                        )
                    })
            })
            .collect();
        let (pick, neighbour) = if kind == CueKind::Before {
            let pick = inside.first()?;
            (**pick, inside.get(1).copied())
        } else {
            let pick = inside.last()?;
            (
                **pick,
                inside
                    .len()
                    .checked_sub(2)
                    .and_then(|i| inside.get(i))
                    .copied(),
            )
        };
        // "the U.S. Department of Homeland Security (DHS)": one mention, both names.
        let mut span = pick.span;
        if let Some(other) = neighbour.filter(|other| other.entry == pick.entry) {
            let merged = Span::new(
                span.start.min(other.span.start),
                span.end.max(other.span.end),
            );
            let between = context.text.get(merged.start..merged.end).unwrap_or("");
            if between.len() <= span.len() + other.span.len() + 3 && between.contains('(') {
                span = merged;
                if context
                    .text
                    .get(span.end..)
                    .is_some_and(|rest| rest.starts_with(')'))
                {
                    span.end += 1;
                }
            }
        }
        self.registry_attribution(context.text, pick.entry, span)
    }

    fn registry_attribution(&self, text: &str, entry: usize, span: Span) -> Option<Attribution> {
        let entry = self.registry.entry(entry)?;
        Some(Attribution {
            name: entry.name.clone(),
            mention: span.slice(text).unwrap_or("").to_string(),
            mention_span: span,
            kind: Some(entry.kind),
            via: Via::Attribution,
            citation: None,
        })
    }

    /// "the net entry/exit data", "This data", "data from entrants to Ecuador": a data phrase
    /// that points back to the last dataset the document named.
    fn data_anaphor(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<Attribution> {
        let positions: Vec<usize> = (start..end)
            .filter(|idx| self.cues.data.contains(&tokens[*idx].lower))
            .collect();
        let ordered: Vec<usize> = if kind == CueKind::Before {
            positions
        } else {
            positions.into_iter().rev().collect()
        };
        for data_idx in ordered {
            let floor = start.max(data_idx.saturating_sub(4));
            let determiner = (floor..data_idx)
                .rev()
                .find(|idx| self.cues.definite.contains(&tokens[*idx].lower));
            let dataset = last_before(&context.datasets, tokens[data_idx].span.start)?;
            let phrase_start = match determiner {
                Some(det) => det,
                None if self.shares_stem(context, tokens, (start, end), dataset) => start,
                None => continue,
            };
            let phrase_end = if determiner.is_some() {
                data_idx + 1
            } else {
                end
            };
            let span = Span::new(
                tokens[phrase_start].span.start,
                tokens[phrase_end - 1].span.end,
            );
            let entry = self.registry.entry(dataset.entry)?;
            return Some(Attribution {
                name: entry.name.clone(),
                mention: span.slice(context.text).unwrap_or("").to_string(),
                mention_span: span,
                kind: Some(entry.kind),
                via: Via::Attribution,
                citation: None,
            });
        }
        None
    }

    /// Whether a capitalised word of the phrase starts like a word of the dataset's mention
    /// ("Ecuador" and "Ecuadorian").
    fn shares_stem(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        dataset: &RegistryMatch,
    ) -> bool {
        let stem = |word: &str| word.to_lowercase().chars().take(5).collect::<String>();
        let mention = dataset.span.slice(context.text).unwrap_or("");
        let named: Vec<String> = mention
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|word| word.chars().count() >= 5 && word.starts_with(char::is_uppercase))
            .map(stem)
            .collect();
        tokens[start..end]
            .iter()
            .filter(|token| token.is_capitalised() && token.text.chars().count() >= 5)
            .any(|token| named.contains(&stem(&token.text)))
    }

    /// A run of capitalised words ("Safeguard Defenders", "Mexican immigration officials").
    fn proper_name(
        &self,
        context: &Context,
        tokens: &[Token],
        (start, end): (usize, usize),
        kind: CueKind,
    ) -> Option<Attribution> {
        let ends_with_agent = self.cues.agents.contains(&tokens[end - 1].lower);
        if kind == CueKind::Counting && !ends_with_agent {
            return None;
        }
        let runs = name_runs(tokens, (start, end));
        let run = if kind == CueKind::Before {
            runs.first()
        } else {
            runs.last()
        }?;
        let run_end = if ends_with_agent { end } else { run.1 };
        let span = Span::new(tokens[run.0].span.start, tokens[run_end - 1].span.end);
        let mention = span.slice(context.text).unwrap_or("").to_string();
        let entry = self.registry.normalize(&mention);
        Some(Attribution {
            name: entry.map_or_else(|| surface_name(&mention), |entry| entry.name.clone()),
            kind: entry.map(|entry| entry.kind),
            mention,
            mention_span: span,
            via: Via::Attribution,
            citation: None,
        })
    }

    /// "FBI crime statistics for that period showed": a registry source followed by a data
    /// word, a few words before the verb, when the subject is too long for the phrase reader.
    fn fallback_window(
        &self,
        context: &Context,
        tokens: &[Token],
        cue_start: usize,
    ) -> Option<(u8, Attribution)> {
        let floor = (0..cue_start)
            .rev()
            .take(FALLBACK_WINDOW)
            .take_while(|idx| !matches!(tokens[*idx].text.as_str(), ";" | ":" | "." | "!" | "?"))
            .last()?;
        let window = Span::new(tokens[floor].span.start, tokens[cue_start].span.start);
        let found = context
            .matches
            .iter()
            .filter(|m| window.contains(m.span))
            .rfind(|m| {
                let after = tokens
                    .iter()
                    .skip_while(|t| t.span.start < m.span.end)
                    .take_while(|t| t.span.start < window.end)
                    .take(2);
                let last_word = m
                    .span
                    .slice(context.text)
                    .and_then(|s| s.split_whitespace().last());
                last_word.is_some_and(|word| self.is_data_word(word))
                    || after.into_iter().any(|t| self.cues.data.contains(&t.lower))
            })?;
        self.registry_attribution(context.text, found.entry, found.span)
            .map(|attribution| (3, attribution))
    }

    /// The footnote's first author or publisher, else its title.
    fn footnote_attribution(&self, text: &str, footnote: &Footnote) -> Attribution {
        let citation = &footnote.citation;
        let printed = citation.source_mention().unwrap_or("");
        let (mention, entry) = match self.registry.normalize(printed) {
            Some(entry) => (printed, Some(entry)),
            None if citation.author.is_some() => {
                let first = first_author(printed);
                (first, self.registry.normalize(first))
            }
            None => (printed, None),
        };
        let mention_span = footnote
            .span
            .slice(text)
            .and_then(|body| body.find(mention))
            .map_or(footnote.span, |offset| {
                Span::new(
                    footnote.span.start + offset,
                    footnote.span.start + offset + mention.len(),
                )
            });
        Attribution {
            name: entry.map_or_else(|| surface_name(mention), |entry| entry.name.clone()),
            mention: mention.to_string(),
            mention_span,
            kind: entry.map(|entry| entry.kind),
            via: Via::Footnote,
            citation: Some(citation.clone()),
        }
    }

    /// A table row takes its table's `Source:` line; so does a sentence pointing to a table.
    fn table_attribution(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        if let Some(table) = context.tables.iter().find(|t| t.rows.contains(sentence)) {
            return table.attribution.clone();
        }
        let tokens = tokenize(context.text, sentence);
        let pointer = self
            .cues
            .table_pointers
            .iter()
            .find_map(|phrase| find_phrase(&tokens, phrase))?;
        let table = context
            .tables
            .iter()
            .find(|t| t.source_line.start >= sentence.end)
            .or_else(|| {
                context
                    .tables
                    .iter()
                    .rev()
                    .find(|t| t.source_line.end <= sentence.start)
            })?;
        let mut attribution = table.attribution.clone()?;
        attribution.mention = pointer.slice(context.text).unwrap_or("").to_string();
        attribution.mention_span = pointer;
        Some(attribution)
    }

    /// A sentence naming a reference-list author with a year ("Smith (2002)") or a title.
    fn reference_attribution(&self, context: &Context, sentence: Span) -> Option<Attribution> {
        let body = sentence.slice(&context.masked)?;
        context.references.iter().find_map(|reference| {
            let (offset, length) = reference.mentioned_in(body)?;
            let span = Span::new(sentence.start + offset, sentence.start + offset + length);
            let mention = span.slice(context.text).unwrap_or("").to_string();
            let printed = reference.authors.first().map_or("", String::as_str);
            let entry = self
                .registry
                .normalize(&reference.author_name())
                .or_else(|| self.registry.normalize(&reference.title));
            Some(Attribution {
                name: entry.map_or_else(|| surface_name(printed), |entry| entry.name.clone()),
                kind: entry.map(|entry| entry.kind),
                mention,
                mention_span: span,
                via: Via::Reference,
                citation: Some(reference.citation()),
            })
        })
    }

    /// "the numbers from this dataset": the dataset the document analyses, named earlier.
    fn document_attribution(
        &self,
        context: &Context,
        sentence: Span,
        previous: Option<Span>,
    ) -> Option<Attribution> {
        let anaphor = [Some(sentence), previous]
            .into_iter()
            .flatten()
            .find_map(|span| {
                let tokens = tokenize(context.text, span);
                self.cues
                    .document_anaphors
                    .iter()
                    .find_map(|phrase| find_phrase(&tokens, phrase))
            })?;
        let dataset = last_before(&context.datasets, anaphor.start)?;
        let entry = self.registry.entry(dataset.entry)?;
        Some(Attribution {
            name: entry.name.clone(),
            mention: anaphor.slice(context.text).unwrap_or("").to_string(),
            mention_span: anaphor,
            kind: Some(entry.kind),
            via: Via::Document,
            citation: None,
        })
    }
}

/// For each sentence, the first footnote that supports it: one inside it, or one right after it.
/// A footnote at the very start of a sentence supports the sentence before.
fn link_footnotes(text: &str, sentences: &[Span], footnotes: &[Footnote]) -> Vec<Option<usize>> {
    let mut linked = vec![None; sentences.len()];
    for (footnote_idx, footnote) in footnotes.iter().enumerate() {
        let at = footnote.span.start;
        let containing = sentences.partition_point(|s| s.start <= at);
        let mut target = containing.checked_sub(1);
        if let Some(idx) = target {
            let sentence = sentences[idx];
            let inside = at < sentence.end
                && text
                    .get(sentence.start..at)
                    .is_some_and(|head| !head.trim().is_empty());
            if !inside {
                let before = if at < sentence.end {
                    idx.checked_sub(1)
                } else {
                    Some(idx)
                };
                target = before.filter(|prev| {
                    text.get(sentences[*prev].end..at)
                        .is_some_and(|gap| !gap.contains('\n'))
                });
            }
        }
        if let Some(idx) = target {
            if linked[idx].is_none() {
                linked[idx] = Some(footnote_idx);
            }
        }
    }
    linked
}

/// Runs of capitalised words, joined by "of", "for", "and", "the", "&", that can name a source.
fn name_runs(tokens: &[Token], (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    const JOINERS: &[&str] = &["of", "for", "and", "the", "&", "de", "del", "y", "on", "'s"];
    const NOT_NAMES: &[&str] = &[
        "this",
        "these",
        "that",
        "those",
        "the",
        "it",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "for",
        "a",
        "an",
        "according",
        "since",
        "as",
        "while",
        "but",
        "and",
        "statistics",
        "data",
        "reports",
        "report",
        "studies",
        "study",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut runs = Vec::new();
    let mut idx = start;
    while idx < end {
        let token = &tokens[idx];
        let nameable = token.is_capitalised() && !NOT_NAMES.contains(&token.lower.as_str());
        if !nameable {
            idx += 1;
            continue;
        }
        let run_start = idx;
        let mut run_end = idx + 1;
        let mut probe = run_end;
        while probe < end {
            let next = &tokens[probe];
            if next.is_capitalised() {
                probe += 1;
                run_end = probe;
            } else if JOINERS.contains(&next.lower.as_str()) {
                probe += 1;
            } else {
                break;
            }
        }
        // A lone capitalised first word of the sentence is not a name ("Statistics show").
        let lone_first = run_start == 0 && run_end == 1 && !token.is_acronym();
        if !lone_first {
            runs.push((run_start, run_end));
        }
        idx = run_end.max(idx + 1);
    }
    runs
}

fn find_phrase(tokens: &[Token], phrase: &[String]) -> Option<Span> {
    if phrase.is_empty() {
        return None;
    }
    tokens.windows(phrase.len()).find_map(|window| {
        window
            .iter()
            .zip(phrase)
            .all(|(token, word)| &token.lower == word)
            .then(|| Span::new(window[0].span.start, window[phrase.len() - 1].span.end))
    })
}

fn last_before(matches: &[RegistryMatch], offset: usize) -> Option<&RegistryMatch> {
    let idx = matches.partition_point(|m| m.span.end <= offset);
    idx.checked_sub(1).and_then(|i| matches.get(i))
}

fn same_paragraph(text: &str, previous: Span, sentence: Span) -> bool {
    previous.end <= sentence.start
        && text
            .get(previous.end..sentence.start)
            .is_some_and(|gap| !gap.contains('\n'))
}

/// "Jens Manuel Krogstad, Jeffrey Passel and D’Vera Cohn" gives "Jens Manuel Krogstad".
fn first_author(authors: &str) -> &str {
    let comma = authors.find(',').unwrap_or(authors.len());
    let and = authors.find(" and ").unwrap_or(authors.len());
    authors[..comma.min(and)].trim()
}

/// Replaces `text[span]` by spaces of the same byte length.
fn blank(text: &mut String, span: Span) {
    let Some(piece) = text.get(span.start..span.end) else {
        return;
    };
    let spaces = " ".repeat(piece.len());
    text.replace_range(span.start..span.end, &spaces);
}
