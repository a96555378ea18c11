//! The sources a sentence gets when it names none itself: its footnote, its table's
//! `Source:` line, a reference-list entry it mentions, or the dataset the document analyses.

use super::{last_before, Attributor, Context};
use crate::sources::footnotes::Footnote;
use crate::sources::registry::surface_name;
use crate::sources::tokens::Token;
use crate::sources::{Attribution, Via};
use crate::span::Span;

impl Attributor<'_> {
    /// The footnote's first author or publisher, else its title.
    pub(super) fn footnote_attribution(&self, text: &str, footnote: &Footnote) -> Attribution {
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
    pub(super) fn table_attribution(
        &self,
        context: &Context,
        sentence: Span,
        tokens: &[Token],
    ) -> Option<Attribution> {
        if let Some(table) = context.tables.iter().find(|t| t.rows.contains(sentence)) {
            return table.attribution.clone();
        }
        // Without a table, a pointer to one has nothing to name.
        if context.tables.is_empty() {
            return None;
        }
        let pointer = self
            .cues
            .table_pointers
            .iter()
            .find_map(|phrase| find_phrase(tokens, phrase))?;
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
    /// An in-text source not in the registry that names a reference-list author ("Smith
    /// found") becomes that entry, with its citation.
    pub(super) fn link_reference(&self, context: &Context, found: Attribution) -> Attribution {
        if found.kind.is_some() {
            return found;
        }
        let entry = context.references.iter().find(|reference| {
            let surname = reference.surname();
            surname.len() >= 2 && found.mention.split_whitespace().any(|word| word == surname)
        });
        match entry {
            Some(reference) => {
                let known = self.registry.normalize(&reference.author_name());
                Attribution {
                    name: known.map_or_else(|| reference.author_name(), |e| e.name.clone()),
                    kind: known.map(|e| e.kind),
                    via: Via::Reference,
                    citation: Some(reference.citation()),
                    ..found
                }
            }
            None => found,
        }
    }

    pub(super) fn reference_attribution(
        &self,
        context: &Context,
        sentence: Span,
    ) -> Option<Attribution> {
        // An entry of the list names its own title; it is not a sentence citing it.
        let in_list = context.references.iter().any(|reference| {
            reference.span.start < sentence.end && sentence.start < reference.span.end
        });
        if in_list {
            return None;
        }
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
    pub(super) fn document_attribution(
        &self,
        context: &Context,
        sentence: &[Token],
        previous: Option<&[Token]>,
    ) -> Option<Attribution> {
        // Without a dataset named in the document, an anaphor has nothing to point back to.
        if context.datasets.is_empty() {
            return None;
        }
        let anaphor = [Some(sentence), previous]
            .into_iter()
            .flatten()
            .find_map(|tokens| {
                self.cues
                    .document_anaphors
                    .iter()
                    .find_map(|phrase| find_phrase(tokens, phrase))
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
pub(super) fn link_footnotes(
    text: &str,
    sentences: &[Span],
    footnotes: &[Footnote],
) -> Vec<Option<usize>> {
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

/// "Jens Manuel Krogstad, Jeffrey Passel and D’Vera Cohn" gives "Jens Manuel Krogstad".
fn first_author(authors: &str) -> &str {
    let comma = authors.find(',').unwrap_or(authors.len());
    let and = authors.find(" and ").unwrap_or(authors.len());
    authors[..comma.min(and)].trim()
}
