//! Checking what an index holds, narrowed the way a user asks: one document, one verdict, a
//! topic, or the passages a search finds.
//!
//! Input: an open `CorpusIndex`, the loaded datasets, the corpus's topic taxonomy and a
//! `Selection`. Output: `Checked`, the results that pass every filter (in the order `check`
//! gives them), the problems found while checking, notes for the user (an ad-hoc topic, a
//! query's rewrites), and each document's metadata (for ClaimReview). Every command and front
//! end that shows check results goes through here, so they agree on what a filter keeps.

use super::{check_with, CheckDocument, CheckResult, CheckRules, Progress, Verdict};
use crate::datasets::Dataset;
use crate::diagnostic::Diagnostic;
use crate::index::{CorpusIndex, IndexError};
use crate::model::Metadata;
use crate::query::{self, QueryError, SearchRequest};
use crate::topics::Taxonomy;
use std::collections::BTreeMap;

/// What to keep of the check results. `None` keeps everything.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// A document slug.
    pub doc: Option<String>,
    pub verdict: Option<Verdict>,
    /// A topic id or name from the taxonomy, or words searched as an ad-hoc topic.
    pub topic: Option<String>,
    /// A search query: results whose claim lies in a passage it finds.
    pub query: Option<String>,
}

#[derive(Debug, Default)]
pub struct Checked {
    pub results: Vec<CheckResult>,
    pub problems: Vec<Diagnostic>,
    pub notes: Vec<String>,
    /// Each checked document's metadata, by slug.
    pub metadata: BTreeMap<String, Metadata>,
}

#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    #[error("no document '{0}' in the index; `claimdex docs` lists them")]
    UnknownDocument(String),
    #[error("the built-in check rules do not load: {0}")]
    CheckRules(String),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Checks every document of `corpus` against `datasets` and keeps what `selection` asks for.
pub fn check_index(
    corpus: &CorpusIndex,
    datasets: &[Dataset],
    taxonomy: &Taxonomy,
    selection: &Selection,
    progress: &dyn Progress,
) -> Result<Checked, SelectError> {
    let mut slugs: Vec<String> = corpus
        .manifest()?
        .files
        .values()
        .map(|entry| entry.slug.clone())
        .collect();
    slugs.sort();
    if let Some(doc) = &selection.doc {
        if !slugs.contains(doc) {
            return Err(SelectError::UnknownDocument(doc.clone()));
        }
    }
    progress.stage("loading documents", slugs.len());
    let mut documents = Vec::new();
    for slug in &slugs {
        if let Some(stored) = query::load_document(corpus, slug)? {
            documents.push(CheckDocument::from_stored(&stored));
        }
        progress.advance();
    }
    let rules = CheckRules::builtin().map_err(|err| SelectError::CheckRules(err.to_string()))?;
    let (mut results, mut problems) = check_with(&documents, datasets, &rules, progress);
    // The fact-checkers' own verdicts beside the machine's; a broken file is reported, and
    // the check goes on without it (the file is left as it is).
    match crate::review::Reviews::for_corpus(corpus) {
        Ok(reviews) => reviews.attach(&mut results),
        Err(error) => problems.push(Diagnostic::error(None, None, error.to_string())),
    }
    let mut notes = Vec::new();
    let filter = ResultFilter::new(corpus, taxonomy, selection, &mut notes)?;
    results.retain(|result| filter.keeps(result));
    let metadata = documents
        .into_iter()
        .map(|document| (document.slug, document.meta))
        .collect();
    Ok(Checked {
        results,
        problems,
        notes,
        metadata,
    })
}

/// What a `Selection` keeps, resolved once (the topic to an id or an ad-hoc search, the query
/// to the passages it finds), so `check` and the desk filter results alike.
pub struct ResultFilter<'s> {
    selection: &'s Selection,
    topic: Option<query::TopicFilter>,
    /// The passages the query finds: `(doc, span)`.
    found: Option<Vec<(String, crate::Span)>>,
}

impl<'s> ResultFilter<'s> {
    pub fn new(
        corpus: &CorpusIndex,
        taxonomy: &Taxonomy,
        selection: &'s Selection,
        notes: &mut Vec<String>,
    ) -> Result<ResultFilter<'s>, SelectError> {
        let topic = match &selection.topic {
            Some(topic) => Some(query::topic_filter(corpus, topic, taxonomy, notes)?),
            None => None,
        };
        let found = match &selection.query {
            Some(text) => Some(found_passages(corpus, text, notes)?),
            None => None,
        };
        Ok(ResultFilter {
            selection,
            topic,
            found,
        })
    }

    /// Whether `result` passes every filter of the selection.
    pub fn keeps(&self, result: &CheckResult) -> bool {
        let claim = &result.claim;
        self.selection
            .doc
            .as_ref()
            .is_none_or(|doc| &claim.doc == doc)
            && self
                .selection
                .verdict
                .is_none_or(|verdict| result.verdict == verdict)
            && self.topic.as_ref().is_none_or(|topic| topic.matches(claim))
            && self.found.as_ref().is_none_or(|found| {
                found.iter().any(|(doc, span)| {
                    *doc == claim.doc
                        && span.start <= claim.span.start
                        && claim.span.start < span.end
                })
            })
    }
}

/// The passages a search query finds, as `(doc, span)`.
fn found_passages(
    corpus: &CorpusIndex,
    text: &str,
    notes: &mut Vec<String>,
) -> Result<Vec<(String, crate::Span)>, QueryError> {
    let request = SearchRequest {
        query: text.to_string(),
        limit: 100_000,
        doc: None,
        publisher: None,
        year: None,
        figure: None,
        plain: false,
    };
    let found = query::search(corpus, &request)?;
    notes.extend(found.notes);
    Ok(found
        .hits
        .into_iter()
        .map(|hit| (hit.doc, hit.span))
        .collect())
}
