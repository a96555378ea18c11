//! Claim, source and topic listings: read the claims stored with each passage, filter them by
//! search query, topic, source and document, and group them by source or topic.

use super::{search, QueryError, Record, SearchRequest};
use crate::claims::Claim;
use crate::index::CorpusIndex;
use crate::sources::{Registry, SourceKind};
use crate::topics::Taxonomy;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

#[derive(Debug, Clone, Default)]
pub struct ClaimRequest {
    /// Words to search for; claims of matching passages come first, by relevance.
    pub query: Option<String>,
    /// A topic id or name; anything else is used as an ad-hoc search query.
    pub topic: Option<String>,
    /// A source name, alias or part of a name.
    pub source: Option<String>,
    pub doc: Option<String>,
    /// Only claims whose text names no source.
    pub unattributed: bool,
    pub min_score: Option<f64>,
    pub limit: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ClaimResults {
    pub claims: Vec<Claim>,
    /// How many claims matched in all (not only the ones returned).
    pub total: usize,
    pub notes: Vec<String>,
}

/// One source with the claims that rest on it, as `claimdex sources` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    pub name: String,
    pub kind: Option<SourceKind>,
    pub aliases: Vec<String>,
    /// How many claims rest on this source.
    pub claims: usize,
    pub docs: Vec<String>,
    pub topics: Vec<String>,
    pub citations: Vec<CitationSummary>,
    /// The most check-worthy claim resting on the source.
    pub example: Option<ClaimExample>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct CitationSummary {
    pub author: Option<String>,
    pub title: Option<String>,
    pub accessed: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimExample {
    pub id: String,
    pub doc: String,
    pub line: usize,
    pub text: String,
}

/// A topic with how many passages, claims and sources it has.
#[derive(Debug, Clone, Serialize)]
pub struct TopicCount {
    pub id: String,
    pub name: String,
    pub passages: usize,
    pub claims: usize,
    pub sources: usize,
}

/// The stored data of every passage: `(doc, passage number, topics, claims)`.
struct PassageClaims {
    doc: String,
    number: usize,
    topics: Vec<String>,
    claims: Vec<Claim>,
}

/// Claims matching `request`, ranked by relevance (with a query) then check-worthiness.
pub fn list_claims(
    corpus: &CorpusIndex,
    request: &ClaimRequest,
    registry: &Registry,
    taxonomy: &Taxonomy,
) -> Result<ClaimResults, QueryError> {
    let mut notes = Vec::new();
    let passages = all_passages(corpus)?;
    let rank = match &request.query {
        Some(query) => Some(passage_ranks(corpus, query, &mut notes)?),
        None => None,
    };
    let filters = ClaimFilters {
        topic: match &request.topic {
            Some(topic) => Some(topic_filter(corpus, topic, taxonomy, &mut notes)?),
            None => None,
        },
        source: request
            .source
            .as_deref()
            .map(|source| SourceFilter::new(source, registry)),
        request,
    };
    let mut ranked: Vec<(usize, Claim)> = Vec::new();
    for passage in passages {
        if request.doc.as_ref().is_some_and(|doc| *doc != passage.doc) {
            continue;
        }
        let key = (passage.doc.clone(), passage.number);
        let position = match &rank {
            Some(rank) => match rank.get(&key) {
                Some(position) => *position,
                None => continue,
            },
            None => 0,
        };
        for claim in passage.claims {
            if filters.keep(&claim) {
                ranked.push((position, claim));
            }
        }
    }
    let total = ranked.len();
    Ok(ClaimResults {
        claims: best_claims(ranked, request.limit.max(1)),
        total,
        notes,
    })
}

/// The request's filters on single claims.
struct ClaimFilters<'r> {
    topic: Option<TopicFilter>,
    source: Option<SourceFilter>,
    request: &'r ClaimRequest,
}

impl ClaimFilters<'_> {
    /// Whether the claim has the topic and source asked for, no source when only unattributed
    /// claims are asked for, and at least the minimum check-worthiness.
    fn keep(&self, claim: &Claim) -> bool {
        let topic_ok = self
            .topic
            .as_ref()
            .is_none_or(|filter| filter.matches(claim));
        let source_ok = match &self.source {
            Some(filter) => filter.matches(claim),
            None => true,
        };
        topic_ok
            && source_ok
            && (!self.request.unattributed || claim.source.is_none())
            && self
                .request
                .min_score
                .is_none_or(|min| claim.checkworthiness >= min)
    }
}

/// The first `limit` claims by passage rank, then check-worthiness, then place in the corpus.
fn best_claims(mut ranked: Vec<(usize, Claim)>, limit: usize) -> Vec<Claim> {
    ranked.sort_by(|(rank_a, a), (rank_b, b)| {
        rank_a
            .cmp(rank_b)
            .then(b.checkworthiness.total_cmp(&a.checkworthiness))
            .then_with(|| a.doc.cmp(&b.doc))
            .then(a.span.start.cmp(&b.span.start))
    });
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, claim)| claim)
        .collect()
}

/// Every claim of the index, by document and position.
pub fn all_claims(corpus: &CorpusIndex) -> Result<Vec<Claim>, QueryError> {
    Ok(all_passages(corpus)?
        .into_iter()
        .flat_map(|passage| passage.claims)
        .collect())
}

/// Sources of the claims matching `query` and `topic`, most claims first.
pub fn list_sources(
    corpus: &CorpusIndex,
    query: Option<&str>,
    topic: Option<&str>,
    registry: &Registry,
    taxonomy: &Taxonomy,
) -> Result<(Vec<SourceSummary>, Vec<String>), QueryError> {
    let request = ClaimRequest {
        query: query.map(str::to_string),
        topic: topic.map(str::to_string),
        limit: usize::MAX,
        ..ClaimRequest::default()
    };
    let results = list_claims(corpus, &request, registry, taxonomy)?;
    Ok((summarise_sources(&results.claims, registry), results.notes))
}

/// Groups claims by source name.
pub fn summarise_sources(claims: &[Claim], registry: &Registry) -> Vec<SourceSummary> {
    let mut by_name: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for claim in claims {
        if let Some(source) = &claim.source {
            by_name.entry(source.name.clone()).or_default().push(claim);
        }
    }
    let mut summaries: Vec<SourceSummary> = by_name
        .into_iter()
        .map(|(name, claims)| {
            let entry = registry.get(&name);
            let kind = entry
                .map(|entry| entry.kind)
                .or_else(|| claims.iter().find_map(|c| c.source.as_ref()?.kind));
            let docs: BTreeSet<String> = claims.iter().map(|claim| claim.doc.clone()).collect();
            let topics: BTreeSet<String> = claims
                .iter()
                .flat_map(|claim| claim.topics.iter().cloned())
                .collect();
            let citations: BTreeSet<CitationSummary> = claims
                .iter()
                .filter_map(|claim| claim.source.as_ref()?.citation.as_ref())
                .map(|citation| CitationSummary {
                    author: citation.author.clone(),
                    title: citation.title.clone(),
                    accessed: citation.accessed.clone(),
                    url: citation.url.clone(),
                })
                .collect();
            let example = claims
                .iter()
                .max_by(|a, b| a.checkworthiness.total_cmp(&b.checkworthiness))
                .map(|claim| ClaimExample {
                    id: claim.id.clone(),
                    doc: claim.doc.clone(),
                    line: claim.line,
                    text: claim.text.clone(),
                });
            SourceSummary {
                aliases: entry.map(|entry| entry.aliases.clone()).unwrap_or_default(),
                name,
                kind,
                claims: claims.len(),
                docs: docs.into_iter().collect(),
                topics: topics.into_iter().collect(),
                citations: citations.into_iter().collect(),
                example,
            }
        })
        .collect();
    summaries.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
    summaries
}

/// Every topic of the taxonomy with its counts of passages, claims and distinct sources.
pub fn topic_counts(
    corpus: &CorpusIndex,
    taxonomy: &Taxonomy,
) -> Result<Vec<TopicCount>, QueryError> {
    let passages = all_passages(corpus)?;
    let counts = taxonomy
        .topics()
        .iter()
        .map(|topic| {
            let mut count = TopicCount {
                id: topic.id.clone(),
                name: topic.name.clone(),
                passages: 0,
                claims: 0,
                sources: 0,
            };
            let mut sources = BTreeSet::new();
            for passage in &passages {
                if passage.topics.contains(&topic.id) {
                    count.passages += 1;
                }
                for claim in passage
                    .claims
                    .iter()
                    .filter(|c| c.topics.contains(&topic.id))
                {
                    count.claims += 1;
                    if let Some(source) = &claim.source {
                        sources.insert(source.name.as_str());
                    }
                }
            }
            count.sources = sources.len();
            count
        })
        .collect();
    Ok(counts)
}

/// Which claims a `--topic` keeps: those tagged with a taxonomy topic, or, for anything that is
/// not a taxonomy id or name, those in the passages an ad-hoc search for it finds.
#[derive(Debug, Clone)]
pub enum TopicFilter {
    Id(String),
    Passages(BTreeSet<(String, usize)>),
}

impl TopicFilter {
    pub fn matches(&self, claim: &Claim) -> bool {
        match self {
            TopicFilter::Id(id) => claim.topics.contains(id),
            TopicFilter::Passages(set) => set.contains(&(claim.doc.clone(), claim.passage)),
        }
    }
}

/// Resolves what the user typed after `--topic` (a note says when it is an ad-hoc search).
pub fn topic_filter(
    corpus: &CorpusIndex,
    topic: &str,
    taxonomy: &Taxonomy,
    notes: &mut Vec<String>,
) -> Result<TopicFilter, QueryError> {
    if let Some(known) = taxonomy.find(topic) {
        return Ok(TopicFilter::Id(known.id.clone()));
    }
    notes.push(format!(
        "note: {topic:?} is not a topic of the taxonomy (`claimdex topics` lists them); used as a search query"
    ));
    let ranks = passage_ranks(corpus, topic, notes)?;
    Ok(TopicFilter::Passages(ranks.into_keys().collect()))
}

/// The rank of every passage matching `query`, best first.
fn passage_ranks(
    corpus: &CorpusIndex,
    query: &str,
    notes: &mut Vec<String>,
) -> Result<HashMap<(String, usize), usize>, QueryError> {
    let limit = corpus.passage_limit()?;
    let results = search(
        corpus,
        &SearchRequest {
            query: query.to_string(),
            limit,
            ..SearchRequest::default()
        },
    )?;
    notes.extend(results.notes);
    Ok(results
        .hits
        .into_iter()
        .enumerate()
        .map(|(rank, hit)| ((hit.doc, hit.passage), rank))
        .collect())
}

/// Matches a claim's source against what the user typed: the registry entry it names, else a
/// case-insensitive part of the source's name or mention.
struct SourceFilter {
    canonical: Option<String>,
    lower: String,
}

impl SourceFilter {
    fn new(source: &str, registry: &Registry) -> SourceFilter {
        SourceFilter {
            canonical: registry.query(source).map(|entry| entry.name.clone()),
            lower: source.trim().to_lowercase(),
        }
    }

    fn matches(&self, claim: &Claim) -> bool {
        let Some(source) = &claim.source else {
            return false;
        };
        match &self.canonical {
            Some(canonical) => source.name == *canonical,
            None => {
                source.name.to_lowercase().contains(&self.lower)
                    || source.mention.to_lowercase().contains(&self.lower)
            }
        }
    }
}

fn all_passages(corpus: &CorpusIndex) -> Result<Vec<PassageClaims>, QueryError> {
    let fields = corpus.fields;
    let reader = corpus.reader()?;
    let searcher = reader.searcher();
    let limit = corpus.passage_limit()?;
    let query = TermQuery::new(
        Term::from_field_text(fields.kind, "passage"),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
    let mut passages = Vec::with_capacity(top.len());
    for (_, address) in top {
        let stored: TantivyDocument = searcher.doc(address)?;
        let record = Record(&stored);
        let data = record.passage_data(&fields, &corpus.anchor);
        passages.push(PassageClaims {
            doc: record.text(fields.doc),
            number: record.u64(fields.passage).unwrap_or(0) as usize,
            topics: data.topics,
            claims: data.claims,
        });
    }
    passages.sort_by(|a, b| a.doc.cmp(&b.doc).then(a.number.cmp(&b.number)));
    Ok(passages)
}
