//! Query: parse a user's query (tantivy syntax, falling back to plain words; a query of plain
//! words loses its stop words), apply filters, rank passages with BM25, and compute highlight
//! offsets with the index's own analyzers.
//!
//! Input: an open `CorpusIndex` and a `SearchRequest`. Output: `Hit`s with everything display
//! needs (title, publisher, path, line, score, text, highlight byte ranges into the text).

mod claims;
mod figures;
mod plain;
mod stored;

pub use claims::{
    all_claims, list_claims, list_sources, summarise_sources, topic_counts, topic_filter,
    CitationSummary, ClaimExample, ClaimRequest, ClaimResults, SourceSummary, TopicCount,
    TopicFilter,
};
pub use figures::{list_figures, FigureFilter, FigureHit, FigureRequest};
pub use stored::{load_document, StoredDocument, StoredPassage};

use crate::index::analyzer;
use crate::index::{Anchor, CorpusIndex, Fields, IndexError, PassageData};
use crate::span::Span;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TokenStream;
use tantivy::{DocAddress, TantivyDocument, Term};

/// Characters with a meaning in tantivy's query syntax; removed for the plain-words fallback.
const SYNTAX_CHARS: &[char] = &[
    '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/',
    '<', '>', '=', '\'',
];

#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub doc: Option<String>,
    pub publisher: Option<String>,
    pub year: Option<u32>,
    /// Only passages with a figure matching this filter (`--figure 'percent>50'`).
    pub figure: Option<FigureFilter>,
    /// Treat the query as plain words, never as syntax (for benchmarks and evaluation).
    pub plain: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub doc: String,
    pub title: String,
    pub publisher: Option<String>,
    pub year: Option<u32>,
    pub path: String,
    pub passage: usize,
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub section: Option<String>,
    pub score: f32,
    pub text: String,
    /// Byte ranges `[start, end)` of matching words in `text`.
    pub highlights: Vec<(usize, usize)>,
    /// Byte span of the passage in the document's raw text.
    pub span: Span,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// How many passages matched in all (not only the ones returned).
    pub total: usize,
    /// Things the user should know: a query that fell back to plain words, a filter matching nothing.
    pub notes: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("search failed: {}; if the index is damaged, run `claimdex index --rebuild`", crate::index::short_reason(.0))]
    Tantivy(#[from] tantivy::TantivyError),
}

/// How much a match in each searched field counts, relative to the passage text (1.0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldBoosts {
    /// The passage text with numbers and symbols as written (unstemmed).
    pub text_raw: f32,
    pub title: f32,
    pub section: f32,
}

impl FieldBoosts {
    /// The boost of a searched field (1.0 for the passage text).
    fn of(&self, field: tantivy::schema::Field, fields: &Fields) -> f32 {
        match field {
            field if field == fields.text_raw => self.text_raw,
            field if field == fields.title => self.title,
            field if field == fields.section => self.section,
            _ => 1.0,
        }
    }
}

impl Default for FieldBoosts {
    fn default() -> FieldBoosts {
        FieldBoosts {
            text_raw: 0.3,
            title: 0.4,
            section: 0.4,
        }
    }
}

/// Runs a search over the passages of the index.
pub fn search(corpus: &CorpusIndex, request: &SearchRequest) -> Result<SearchResults, QueryError> {
    search_with(corpus, request, &FieldBoosts::default())
}

/// Joins digit groups separated by a space, a no-break space or a thin space ("48 381",
/// "2 450 000") into one number, so a query finds the figure however the thousands are written.
pub fn join_digit_groups(query: &str) -> String {
    static GROUPS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(regex) = GROUPS
        .get_or_init(|| regex::Regex::new(r"\b\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+\b").ok())
        .as_ref()
    else {
        return query.to_string();
    };
    regex
        .replace_all(query, |caps: &regex::Captures| {
            caps[0]
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        })
        .into_owned()
}

/// `search` with other field boosts (for tuning them on an evaluation collection).
pub fn search_with(
    corpus: &CorpusIndex,
    request: &SearchRequest,
    boosts: &FieldBoosts,
) -> Result<SearchResults, QueryError> {
    let fields = corpus.fields;
    let mut notes = Vec::new();
    let parser = query_parser_with(corpus, boosts);
    // "48 381" (digit groups written with spaces) is the number 48,381, as the index has it.
    let joined = join_digit_groups(&request.query);
    let request = &SearchRequest {
        query: joined,
        ..request.clone()
    };
    let Some(parsed) = parse_query_text(&parser, request, &mut notes) else {
        return Ok(SearchResults {
            notes,
            ..SearchResults::default()
        });
    };
    let query = full_query(corpus, request, &parsed, &mut notes);
    let reader = corpus.reader()?;
    let searcher = reader.searcher();
    let limit = request.limit.max(1);
    // One pass scores every match and counts them. Block-max WAND (the top hits alone) was
    // slower on SciFact claims at 100 MB, with or without stop words, even on a flat disjunction
    // of term queries that tantivy does run with WAND (p50 1.3 vs 0.7 ms on the text field
    // alone; see docs/benchmarks.md), so the exact count costs nothing extra.
    let pool = if parsed.stop.is_some() {
        limit.max(plain::RESCORE_POOL)
    } else {
        limit
    };
    let Some((mut top, total)) = search_guarded(&searcher, query.as_ref(), pool)? else {
        return search_words_instead(corpus, request, boosts, notes);
    };
    if let Some(stop_query) = &parsed.stop {
        let field_boost = |field| boosts.of(field, &fields);
        plain::add_scores(&searcher, stop_query.as_ref(), field_boost, &mut top)?;
        top.truncate(limit);
    }
    let mut terms = query_terms(parsed.text.as_ref(), &fields);
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        hits.push(hit(
            &searcher,
            &fields,
            &corpus.anchor,
            address,
            score,
            &mut terms,
        )?);
    }
    Ok(SearchResults { hits, total, notes })
}

/// The text part of a search, parsed.
struct ParsedQuery {
    /// The query on the searched fields.
    text: Box<dyn Query>,
    /// The text it was parsed from (plain words lose their stop words).
    source: String,
    /// The stop words of a plain-words query, which re-rank its best hits.
    stop: Option<Box<dyn Query>>,
}

/// Parses the request's query. Plain words find passages by their content words, and their
/// stop words re-rank the best of them (see `plain`); anything with syntax (phrases, fields,
/// operators) is parsed as written, or searched for as words (with a note) when it is not valid.
fn parse_query_text(
    parser: &QueryParser,
    request: &SearchRequest,
    notes: &mut Vec<String>,
) -> Option<ParsedQuery> {
    if request.plain {
        return parse_plain(parser, &plain_words(&request.query));
    }
    let rewritten = rewrite_not(&request.query);
    let words = tantivy::query_grammar::parse_query(&rewritten)
        .ok()
        .and_then(|ast| plain::words_of(&ast));
    match words {
        Some(words) => parse_plain(parser, &words),
        None => match parser.parse_query(&rewritten) {
            Ok(query) => Some(ParsedQuery {
                text: query,
                source: rewritten,
                stop: None,
            }),
            Err(err) => {
                notes.push(format!("note: the query is not valid search syntax ({err}); searched for its words instead"));
                parse_plain(parser, &plain_words(&request.query))
            }
        },
    }
}

/// Parses plain words: the content words make the query, the stop words the re-ranking one.
fn parse_plain(parser: &QueryParser, words: &str) -> Option<ParsedQuery> {
    let (content, stop) = plain::split(words);
    let stop = if stop.is_empty() {
        None
    } else {
        parser.parse_query(&stop).ok()
    };
    parser.parse_query(&content).ok().map(|query| ParsedQuery {
        text: query,
        source: content,
        stop,
    })
}

/// The query a search runs: the parsed text with the request's filters, and limited to
/// passages when it could match a document record.
fn full_query(
    corpus: &CorpusIndex,
    request: &SearchRequest,
    parsed: &ParsedQuery,
    notes: &mut Vec<String>,
) -> Box<dyn Query> {
    let fields = corpus.fields;
    let passages_only = tantivy::query_grammar::parse_query(&parsed.source)
        .is_ok_and(|ast| matches_passages_only(&ast, &corpus.index.schema(), &fields));
    let mut clauses = filter_clauses(corpus, request, notes);
    // A query that can only match passages runs as parsed: tantivy then walks the union of its
    // term lists once. Intersecting it with `kind:passage` made tantivy seek through the union
    // for every passage, half of a warm search (seen with `perf`); only a query that could match
    // a document record (a filter, `*`, another field) still needs that clause.
    if clauses.is_empty() && passages_only {
        parsed.text.box_clone()
    } else {
        clauses.insert(0, (Occur::Must, parsed.text.box_clone()));
        if !passages_only {
            clauses.push((
                Occur::Must,
                Box::new(term_query(Term::from_field_text(fields.kind, "passage"))),
            ));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

/// The request's filters (document, year, figure, publisher) as clauses every hit must match.
fn filter_clauses(
    corpus: &CorpusIndex,
    request: &SearchRequest,
    notes: &mut Vec<String>,
) -> Vec<(Occur, Box<dyn Query>)> {
    let fields = corpus.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(doc) = &request.doc {
        clauses.push((
            Occur::Must,
            Box::new(term_query(Term::from_field_text(fields.doc, doc))),
        ));
    }
    if let Some(year) = request.year {
        clauses.push((
            Occur::Must,
            Box::new(term_query(Term::from_field_u64(
                fields.year,
                u64::from(year),
            ))),
        ));
    }
    if let Some(filter) = &request.figure {
        clauses.push((Occur::Must, filter.query(&fields)));
    }
    if let Some(publisher) = &request.publisher {
        let mut publisher_parser = QueryParser::for_index(&corpus.index, vec![fields.publisher]);
        publisher_parser.set_conjunction_by_default();
        match publisher_parser.parse_query(&plain_words(publisher)) {
            Ok(query) => clauses.push((Occur::Must, query)),
            Err(_) => notes.push(format!(
                "note: --publisher {publisher:?} has no words to match; ignored"
            )),
        }
    }
    clauses
}

/// The top hits of a search by score, and how many passages matched.
type TopHits = (Vec<(f32, DocAddress)>, usize);

/// The top `pool` hits of `query` by score, and how many passages matched; `None` when tantivy
/// panicked running it.
fn search_guarded(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    pool: usize,
) -> Result<Option<TopHits>, QueryError> {
    // tantivy 0.27 can panic running a query it parsed: a negated word the analyzer splits in
    // two (`migrants NOT s.s`) is a phrase in the exclusion set, which tantivy seeks backwards once
    // it is exhausted (a debug assertion in its postings seek; a similar report against tantivy 0.19 is
    // trustification/trustification#283; found by `fuzz/`). Such a
    // search is run again as plain words, with a note, instead of aborting the run.
    let searched = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        searcher.search(query, &(TopDocs::with_limit(pool).order_by_score(), Count))
    }));
    match searched {
        Ok(result) => Ok(Some(result?)),
        Err(_) => Ok(None),
    }
}

/// After tantivy failed on a query's syntax: the search again as plain words (nothing when it
/// was plain words already), after a note saying so.
fn search_words_instead(
    corpus: &CorpusIndex,
    request: &SearchRequest,
    boosts: &FieldBoosts,
    mut notes: Vec<String>,
) -> Result<SearchResults, QueryError> {
    notes.push(
        "note: the search engine failed on this query's syntax; searched for its words instead"
            .to_string(),
    );
    let mut results = if request.plain {
        SearchResults::default()
    } else {
        let plain = SearchRequest {
            plain: true,
            ..request.clone()
        };
        search_with(corpus, &plain, boosts)?
    };
    notes.append(&mut results.notes);
    results.notes = notes;
    Ok(results)
}

/// Whether every record a query (as the query parser reads it) can match is a passage: its
/// leaves are words or phrases in the default fields or in fields only passages index, and it
/// is not all negative (the parser adds "match everything" to such a query).
fn matches_passages_only(
    ast: &tantivy::query_grammar::UserInputAst,
    schema: &tantivy::schema::Schema,
    fields: &Fields,
) -> bool {
    use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
    let passage_fields = [fields.text, fields.text_raw, fields.title, fields.section];
    match ast {
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => match &literal.field_name {
                None => true,
                Some(name) => schema
                    .get_field(name)
                    .is_ok_and(|field| passage_fields.contains(&field)),
            },
            _ => false,
        },
        UserInputAst::Boost(inner, _) => matches_passages_only(inner, schema, fields),
        UserInputAst::Clause(clauses) => {
            clauses
                .iter()
                .any(|(occur, _)| *occur != Some(Occur::MustNot))
                && clauses
                    .iter()
                    .all(|(_, clause)| matches_passages_only(clause, schema, fields))
        }
    }
}

/// The query parser `search` uses: passage text, the as-written text, title and section heading.
pub fn query_parser(corpus: &CorpusIndex) -> QueryParser {
    query_parser_with(corpus, &FieldBoosts::default())
}

/// `query_parser` with other field boosts.
pub fn query_parser_with(corpus: &CorpusIndex, boosts: &FieldBoosts) -> QueryParser {
    let fields = corpus.fields;
    // Query text goes through `analyzer::for_queries`: a phrase is searched in `text_raw` only
    // when that field kept every word of it.
    let mut parser = QueryParser::new(
        corpus.index.schema(),
        vec![fields.text, fields.text_raw, fields.title, fields.section],
        analyzer::for_queries(),
    );
    parser.set_field_boost(fields.text_raw, boosts.text_raw);
    parser.set_field_boost(fields.title, boosts.title);
    parser.set_field_boost(fields.section, boosts.section);
    parser
}

/// Rewrites `NOT term` (outside quotes) as `-term`, the form tantivy's parser applies reliably
/// (it reads `a AND NOT b` as matching nothing).
pub fn rewrite_not(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_quotes = false;
    let mut negate_next = false;
    for (idx, word) in query.split(' ').enumerate() {
        if !in_quotes && word == "NOT" {
            negate_next = true;
            continue;
        }
        if idx > 0 && !out.is_empty() {
            out.push(' ');
        }
        if negate_next && !word.is_empty() {
            if !word.starts_with('-') {
                out.push('-');
            }
            negate_next = false;
        }
        out.push_str(word);
        in_quotes ^= word.matches('"').count() % 2 == 1;
    }
    out
}

/// The query's words with every syntax character replaced by a space.
pub fn plain_words(query: &str) -> String {
    let cleaned: String = query
        .chars()
        .map(|c| if SYNTAX_CHARS.contains(&c) { ' ' } else { c })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|word| !matches!(*word, "AND" | "OR" | "NOT" | "IN"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn term_query(term: Term) -> TermQuery {
    TermQuery::new(term, IndexRecordOption::Basic)
}

/// Query terms per analysed field, and the two analyzers (built once per search, not per hit),
/// for highlighting.
struct QueryTerms {
    english: BTreeSet<String>,
    raw: BTreeSet<String>,
    english_analyzer: tantivy::tokenizer::TextAnalyzer,
    raw_analyzer: tantivy::tokenizer::TextAnalyzer,
}

fn query_terms(query: &dyn Query, fields: &Fields) -> QueryTerms {
    let mut terms = QueryTerms {
        english: BTreeSet::new(),
        raw: BTreeSet::new(),
        english_analyzer: analyzer::english(),
        raw_analyzer: analyzer::raw(),
    };
    query.query_terms(&mut |term, _| {
        let value = term.value();
        let Some(text) = value.as_str() else { return };
        if term.field() == fields.text {
            terms.english.insert(text.to_string());
        } else if term.field() == fields.text_raw {
            terms.raw.insert(text.to_string());
        }
    });
    terms
}

/// Byte ranges of `text` whose analysed tokens are query terms, merged and sorted.
fn highlights(text: &str, terms: &mut QueryTerms) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (wanted, analyzer) in [
        (&terms.english, &mut terms.english_analyzer),
        (&terms.raw, &mut terms.raw_analyzer),
    ] {
        if wanted.is_empty() {
            continue;
        }
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if wanted.contains(&token.text) {
                ranges.push((token.offset_from, token.offset_to));
            }
        }
    }
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn hit(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    anchor: &Anchor,
    address: DocAddress,
    score: f32,
    terms: &mut QueryTerms,
) -> Result<Hit, QueryError> {
    let stored: TantivyDocument = searcher.doc(address)?;
    let record = Record(&stored);
    let text = record.text(fields.text);
    let highlights = highlights(&text, terms);
    Ok(Hit {
        doc: record.text(fields.doc),
        title: record.text(fields.title),
        publisher: record.opt_text(fields.publisher),
        year: record.u64(fields.year).map(|y| y as u32),
        path: record.path(fields, anchor),
        passage: record.u64(fields.passage).unwrap_or(0) as usize,
        line: record.u64(fields.line).unwrap_or(0) as usize,
        page: record.page(fields),
        section: record.opt_text(fields.section),
        score,
        highlights,
        span: Span::new(
            record.u64(fields.span_start).unwrap_or(0) as usize,
            record.u64(fields.span_end).unwrap_or(0) as usize,
        ),
        text,
    })
}

/// Typed access to a stored tantivy document.
pub(crate) struct Record<'a>(pub &'a TantivyDocument);

impl Record<'_> {
    pub fn opt_text(&self, field: tantivy::schema::Field) -> Option<String> {
        self.0
            .get_first(field)
            .and_then(|value| value.as_str())
            .map(str::to_string)
    }

    pub fn text(&self, field: tantivy::schema::Field) -> String {
        self.opt_text(field).unwrap_or_default()
    }

    pub fn u64(&self, field: tantivy::schema::Field) -> Option<u64> {
        self.0.get_first(field).and_then(|value| value.as_u64())
    }

    /// The PDF page the record's text is on; none for other formats (stored as 0).
    pub fn page(&self, fields: &Fields) -> Option<u32> {
        self.u64(fields.page)
            .filter(|page| *page > 0)
            .map(|page| page as u32)
    }

    /// The record's file as this process can open it: stored paths are relative to the index's
    /// base (`Anchor`), which is not the working directory when the index lives elsewhere, and
    /// every path a user is shown must open from where they ran the command.
    pub fn path(&self, fields: &Fields, anchor: &Anchor) -> String {
        let stored = self.text(fields.path);
        anchor
            .resolve(std::path::Path::new(&stored))
            .to_string_lossy()
            .into_owned()
    }

    /// The passage's stored annotations, with what storage left out of its claims put back
    /// (their paths resolved as `path` does).
    pub fn passage_data(&self, fields: &Fields, anchor: &Anchor) -> PassageData {
        let mut data: PassageData = self
            .opt_text(fields.data)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        data.expand(&self.text(fields.doc), &self.path(fields, anchor));
        data
    }
}

/// Per-document counts of passages, for listings.
pub fn passage_counts(corpus: &CorpusIndex) -> Result<HashMap<String, usize>, IndexError> {
    Ok(corpus
        .manifest()?
        .files
        .values()
        .map(|entry| (entry.slug.clone(), entry.passages))
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_queries_on_passage_fields_skip_the_kind_filter() {
        let corpus = crate::index::CorpusIndex::in_memory(std::path::Path::new("memory"));
        let schema = corpus.index.schema();
        let check = |query: &str| {
            let ast = tantivy::query_grammar::parse_query(query).unwrap();
            super::matches_passages_only(&ast, &schema, &corpus.fields)
        };
        assert!(check("border arrivals 2023"));
        assert!(check("\"Chinese nationals\" AND title:report^2 -Xinjiang"));
        assert!(check("(a OR b) AND section:method"));
        // These can match document records, so search keeps the kind filter.
        assert!(!check("publisher:reuters"));
        assert!(!check("*"));
        assert!(!check("-Xinjiang"));
        assert!(!check("year:[2000 TO 2020]"));
        assert!(!check("a OR (publisher:x)"));
    }

    #[test]
    fn not_becomes_minus_outside_quotes() {
        assert_eq!(
            super::rewrite_not("\"Darién Gap\" AND NOT Xinjiang"),
            "\"Darién Gap\" AND -Xinjiang"
        );
        assert_eq!(super::rewrite_not("NOT a b"), "-a b");
        assert_eq!(super::rewrite_not("\"do NOT go\" x"), "\"do NOT go\" x");
    }
}
