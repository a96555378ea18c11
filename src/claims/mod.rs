//! Claims: sentences (and table rows) that assert something checkable, each tied to the source
//! it rests on, tagged with topics and scored for check-worthiness.
//!
//! Input: a segmented `Document`, its figures per non-heading passage, a source `Registry` and a
//! topic `Taxonomy`. Output: `Claim`s in document order. Architecture invariant: a claim's `span`
//! slices the raw text; its `text` is that slice with inlined footnotes removed (their spans stay
//! in `source.span`). This module decides *which* sentences are claims; it does not recognise
//! figures or sources itself.

pub mod checkworthy;
pub mod rules;

pub use checkworthy::{Checkworthiness, Model};
pub use rules::ClaimRules;

use crate::figures::{FigureRecord, SentenceUnits, Unit};
use crate::model::{Document, Passage};
use crate::sources::{
    footnotes, sentence_without_footnotes, split_at_footnotes, Attribution, Attributor, Citation,
    Cues, Registry, SourceKind, Via,
};
use crate::span::{LineIndex, Span};
use crate::topics::{Scan, Taxonomy};
use serde::{Deserialize, Serialize};

/// One checkable statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable across re-indexing of an unchanged file: a hash of document slug, span and text.
    pub id: String,
    pub doc: String,
    pub path: String,
    /// The number of the passage the claim sits in.
    pub passage: usize,
    pub line: usize,
    pub span: Span,
    /// The sentence as written, footnote text removed.
    pub text: String,
    /// The cited figures of the sentence (or the table row's figure).
    pub figures: Vec<FigureRecord>,
    /// `None`: the text names no source, which is what a fact-checker looks at first.
    pub source: Option<ClaimSource>,
    /// Topic ids of the sentence: rules matched in the sentence (a required context word may
    /// be in its passage); a sentence naming no topic takes the previous sentence's, a table row
    /// adds its table's.
    pub topics: Vec<String>,
    pub checkworthiness: f64,
    /// The check-worthiness features that fired, with their weights.
    pub features: Vec<(String, f64)>,
}

/// The source a claim rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSource {
    /// Canonical registry name, or the normalised surface form of an unknown source.
    pub name: String,
    /// The words naming the source, as written.
    pub mention: String,
    /// Registry kind; `None` for a source not in the registry.
    pub kind: Option<SourceKind>,
    pub via: Via,
    /// Where `mention` is in the raw text.
    pub span: Span,
    pub citation: Option<Citation>,
}

impl From<Attribution> for ClaimSource {
    fn from(attribution: Attribution) -> ClaimSource {
        ClaimSource {
            name: attribution.name,
            mention: attribution.mention,
            kind: attribution.kind,
            via: attribution.via,
            span: attribution.mention_span,
            citation: attribution.citation,
        }
    }
}

/// Whether a figure makes its sentence checkable (years, ordinals and "other" alone do not).
pub fn is_cited_figure(record: &FigureRecord) -> bool {
    !matches!(record.figure.unit, Unit::Year | Unit::Ordinal | Unit::Other)
}

/// A figure written in digits that a report counts or measures: "45,756", "41 percent",
/// "$1.2 billion", or a share however written ("two out of five", "a third"); not "two
/// theories", not a year.
fn states_statistic(record: &FigureRecord) -> bool {
    is_cited_figure(record)
        && (record.figure.text.contains(|ch: char| ch.is_ascii_digit())
            || matches!(record.figure.unit, Unit::Percent | Unit::Fraction))
}

/// The claims of `document`, in document order.
///
/// `figures_per_passage` is `annotate_document`'s output (one entry per non-heading passage).
/// A sentence is a claim when it carries a cited figure, or names its source itself (in its
/// words or its footnote; a source carried over from the sentence before does not make a
/// figure-less sentence a claim); a table row with a cited figure is a claim sourced by the
/// table's `Source:` line when it has one.
pub fn claims_for_document(
    document: &Document,
    figures_per_passage: &[Vec<FigureRecord>],
    registry: &Registry,
    taxonomy: &Taxonomy,
) -> Vec<Claim> {
    let no_units = SentenceUnits::default();
    claims_and_topics(document, figures_per_passage, &no_units, registry, taxonomy).0
}

/// The claims of `document` (as [`claims_for_document`]) and the topic ids of each of its
/// non-heading passages (`Taxonomy::topics_for` of the passage text), from the one scan of
/// each passage that the claims' topics need anyway. `sentence_units` are the units read in
/// each sentence (`annotate_document_with_units`; empty is fine): a claim whose text is its
/// sentence as written is scored from them instead of reading it again.
pub fn claims_and_topics(
    document: &Document,
    figures_per_passage: &[Vec<FigureRecord>],
    sentence_units: &SentenceUnits,
    registry: &Registry,
    taxonomy: &Taxonomy,
) -> (Vec<Claim>, Vec<Vec<String>>) {
    let raw = document.raw.as_str();
    let passages: Vec<_> = document
        .passages
        .iter()
        .filter(|passage| !passage.is_heading)
        .collect();
    let attributed = Attributed::read(document, &passages, figures_per_passage, registry);
    let mut walk = ClaimWalk {
        builder: ClaimBuilder {
            document,
            lines: LineIndex::new(raw),
            path: document.path.to_string_lossy().to_string(),
            model: Model::builtin(),
            sentence_units,
        },
        taxonomy,
        attributed,
        next_sentence: 0,
        next_row: 0,
        claims: Vec::new(),
    };
    let no_figures = Vec::new();
    let mut topics_per_passage = Vec::with_capacity(passages.len());
    for (passage_idx, passage) in passages.iter().enumerate() {
        let passage_figures = figures_per_passage.get(passage_idx).unwrap_or(&no_figures);
        topics_per_passage.push(walk.passage(passage, passage_figures));
    }
    let mut claims = walk.claims;
    claims.sort_by_key(|claim| (claim.span.start, claim.span.end));
    (claims, topics_per_passage)
}

/// The document's sentences (split at footnotes) with their attributions, and the sources of
/// its table rows with a cited figure, in document order.
struct Attributed {
    sentences: Vec<Span>,
    attributions: Vec<Option<Attribution>>,
    row_sources: Vec<Option<Attribution>>,
}

impl Attributed {
    /// Attributes the sentences and every table row of the document at once (their context is
    /// whole-document), with the document's footnotes, registry mentions, tables and references
    /// read once.
    fn read(
        document: &Document,
        passages: &[&Passage],
        figures_per_passage: &[Vec<FigureRecord>],
        registry: &Registry,
    ) -> Attributed {
        let raw = document.raw.as_str();
        let segmented: Vec<Span> = passages
            .iter()
            .flat_map(|passage| passage.sentences.iter().map(|sentence| sentence.span))
            .collect();
        let document_footnotes = footnotes(raw);
        let sentences = split_at_footnotes(raw, &segmented, &document_footnotes);
        let attributor = Attributor::new(registry, Cues::builtin());
        let all_rows: Vec<Span> = figures_per_passage
            .iter()
            .flatten()
            .filter(|record| record.table_row.is_some() && is_cited_figure(record))
            .map(|record| record.sentence)
            .collect();
        let statistic = statistic_sentences(&sentences, figures_per_passage);
        // The document's footnotes are read once, for the split above and for attribution.
        let (attributions, row_sources) = attributor.attribute_both_with(
            raw,
            document_footnotes,
            &sentences,
            &statistic,
            &all_rows,
        );
        Attributed {
            sentences,
            attributions,
            row_sources,
        }
    }
}

/// Makes the claims of a document passage by passage, walking its sentences and table rows
/// once (they are in document order, as the passages are).
struct ClaimWalk<'a> {
    builder: ClaimBuilder<'a>,
    taxonomy: &'a Taxonomy,
    attributed: Attributed,
    /// The first sentence not yet walked.
    next_sentence: usize,
    /// The first table row not yet walked.
    next_row: usize,
    claims: Vec<Claim>,
}

/// One passage as its claims see it.
struct PassageContext<'p> {
    passage: &'p Passage,
    figures: &'p [FigureRecord],
    taxonomy: &'p Taxonomy,
    /// The taxonomy's scan of the passage text: the context of its sentences' topics.
    scan: Scan,
    topics: Vec<String>,
    /// The passage's table rows with a cited figure.
    rows: Vec<&'p FigureRecord>,
}

impl PassageContext<'_> {
    /// The topics of a sentence of the passage (a required context word may be in the passage).
    fn sentence_topics(&self, text: &str) -> Vec<String> {
        owned(
            self.taxonomy
                .topics_in_context(&self.taxonomy.scan(text), &self.scan),
        )
    }
}

impl ClaimWalk<'_> {
    /// The claims of one passage's sentences, then of its table rows; returns the passage's
    /// topics.
    fn passage(&mut self, passage: &Passage, figures: &[FigureRecord]) -> Vec<String> {
        let raw = self.builder.document.raw.as_str();
        let scan = self.taxonomy.scan(passage.span.slice(raw).unwrap_or(""));
        let context = PassageContext {
            passage,
            figures,
            taxonomy: self.taxonomy,
            topics: owned(self.taxonomy.topics_in_context(&scan, &scan)),
            scan,
            rows: figures
                .iter()
                .filter(|record| record.table_row.is_some() && is_cited_figure(record))
                .collect(),
        };
        let sentences = self.sentences_in(passage);
        self.sentence_claims(&context, sentences);
        self.row_claims(&context);
        context.topics
    }

    /// The range of the document's sentences inside the passage.
    fn sentences_in(&mut self, passage: &Passage) -> std::ops::Range<usize> {
        let sentences = &self.attributed.sentences;
        while self.next_sentence < sentences.len()
            && sentences[self.next_sentence].end <= passage.span.start
        {
            self.next_sentence += 1;
        }
        let first = self.next_sentence;
        while self.next_sentence < sentences.len()
            && passage.span.contains(sentences[self.next_sentence])
        {
            self.next_sentence += 1;
        }
        first..self.next_sentence
    }

    /// The claims among the passage's sentences: each sentence with a cited figure, or naming
    /// its own source.
    fn sentence_claims(&mut self, context: &PassageContext, range: std::ops::Range<usize>) {
        let raw = self.builder.document.raw.as_str();
        let sentences = &self.attributed.sentences[range.clone()];
        // The topics each sentence names itself, read only when a claim needs them: its own,
        // or, when it names none, those of the last sentence before it that names some.
        let mut own_topics: Vec<Option<Vec<String>>> = vec![None; sentences.len()];
        for (idx, (sentence, attribution)) in sentences
            .iter()
            .zip(&self.attributed.attributions[range])
            .enumerate()
        {
            // Table rows inside a segmenter "sentence" become claims of their own below.
            if context
                .rows
                .iter()
                .any(|row| sentence.contains(row.sentence))
            {
                continue;
            }
            let figures: Vec<FigureRecord> = context
                .figures
                .iter()
                .filter(|record| {
                    record.table_row.is_none()
                        && sentence.contains(record.figure.span)
                        && is_cited_figure(record)
                })
                .cloned()
                .collect();
            // Without a figure, a sentence is a claim only when it names its own source: a
            // source carried over from the sentence before is a reading aid for figures.
            let names_own_source = attribution.as_ref().is_some_and(|found| {
                found.via == Via::Footnote || sentence.contains(found.mention_span)
            });
            if figures.is_empty() && !names_own_source {
                continue;
            }
            // Already on one line: whitespace runs (wrapped text) come back as single spaces.
            let text = sentence_without_footnotes(raw, *sentence);
            let own = context.sentence_topics(&text);
            // A sentence that names no topic itself ("The resulting deficit was 24,141") is about
            // what the sentence before it was about; the first one of a passage, its passage's.
            let topics = if own.is_empty() {
                (0..idx)
                    .rev()
                    .map(|before| {
                        own_topics[before]
                            .get_or_insert_with(|| {
                                let text = sentence_without_footnotes(raw, sentences[before]);
                                context.sentence_topics(&text)
                            })
                            .clone()
                    })
                    .find(|topics| !topics.is_empty())
                    .unwrap_or_else(|| context.topics.clone())
            } else {
                own.clone()
            };
            own_topics[idx] = Some(own);
            let source = attribution.clone().map(ClaimSource::from);
            let claim = self.builder.claim(
                context.passage.number,
                *sentence,
                text,
                figures,
                source,
                topics,
            );
            self.claims.push(claim);
        }
    }

    /// One claim per table row with a cited figure, sourced by its table's `Source:` line.
    fn row_claims(&mut self, context: &PassageContext) {
        let raw = self.builder.document.raw.as_str();
        for row in &context.rows {
            let source = self
                .attributed
                .row_sources
                .get(self.next_row)
                .cloned()
                .flatten()
                .filter(|found| found.via == Via::TableSource)
                .map(ClaimSource::from);
            self.next_row += 1;
            // A row's subject is in its table's title and header: its own topics and the
            // passage's (the table) together.
            let text = sentence_without_footnotes(raw, row.sentence);
            let own = context.sentence_topics(&text);
            let topics = self
                .taxonomy
                .topics()
                .iter()
                .map(|topic| &topic.id)
                .filter(|id| own.contains(id) || context.topics.contains(id))
                .cloned()
                .collect();
            let figures = vec![(*row).clone()];
            let claim = self.builder.claim(
                context.passage.number,
                row.sentence,
                text,
                figures,
                source,
                topics,
            );
            self.claims.push(claim);
        }
    }
}

/// Which sentences state a statistic: each figure looked up once among the sorted sentences.
fn statistic_sentences(sentences: &[Span], figures_per_passage: &[Vec<FigureRecord>]) -> Vec<bool> {
    let mut statistic = vec![false; sentences.len()];
    for record in figures_per_passage.iter().flatten() {
        if record.table_row.is_some() || !states_statistic(record) {
            continue;
        }
        let at = sentences.partition_point(|sentence| sentence.end < record.figure.span.end);
        if sentences
            .get(at)
            .is_some_and(|sentence| sentence.contains(record.figure.span))
        {
            statistic[at] = true;
        }
    }
    statistic
}

/// What every claim of one document shares: the document, its line index and path, and the
/// check-worthiness model that scores each claim's text.
struct ClaimBuilder<'d> {
    document: &'d Document,
    lines: LineIndex,
    path: String,
    model: &'static Model,
    /// The units read in each sentence of the document.
    sentence_units: &'d SentenceUnits,
}

impl ClaimBuilder<'_> {
    fn claim(
        &self,
        passage: usize,
        span: Span,
        text: String,
        figures: Vec<FigureRecord>,
        source: Option<ClaimSource>,
        topics: Vec<String>,
    ) -> Claim {
        // A claim that reads exactly as its sentence is written has the units read there.
        let read = self
            .sentence_units
            .get(span)
            .filter(|_| span.slice(&self.document.raw) == Some(text.as_str()));
        let scored = match read {
            Some(units) => self.model.score_with_units(&text, units),
            None => self.model.score(&text),
        };
        Claim {
            id: claim_id(&self.document.slug, span, &text),
            doc: self.document.slug.clone(),
            path: self.path.clone(),
            passage,
            line: self.lines.line(span.start),
            span,
            text,
            figures,
            source,
            topics,
            checkworthiness: scored.score,
            features: scored.features,
        }
    }
}

fn owned(ids: Vec<&str>) -> Vec<String> {
    ids.into_iter().map(str::to_string).collect()
}

/// A short hex id from the document slug, the span and the text.
fn claim_id(slug: &str, span: Span, text: &str) -> String {
    let key = format!("{slug}\u{0}{}\u{0}{}\u{0}{text}", span.start, span.end);
    blake3::hash(key.as_bytes()).to_hex()[..16].to_string()
}

#[cfg(test)]
mod statistic_tests {
    use super::*;

    fn record(sentence: &str, text: &str) -> FigureRecord {
        let figure = crate::figures::annotate(sentence)
            .into_iter()
            .find(|figure| figure.text.contains(text))
            .expect("the figure");
        FigureRecord {
            figure,
            line: 1,
            sentence: Span::new(0, sentence.len()),
            table_row: None,
        }
    }

    #[test]
    fn a_share_in_words_states_a_statistic_but_a_small_count_in_words_does_not() {
        assert!(states_statistic(&record(
            "More than two out of five such crossings took place across the central route.",
            "two out of five"
        )));
        assert!(states_statistic(&record(
            "Some 45,756 people crossed.",
            "45,756"
        )));
        assert!(!states_statistic(&record(
            "Two theories explain the rise.",
            "Two"
        )));
    }
}
