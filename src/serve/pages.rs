//! The desk's pages: maud templates over a snapshot. Every piece of corpus text goes through
//! maud's escaping; the only raw HTML is this file's own style sheet.

use super::{Params, Snapshot};
use crate::check::select::{ResultFilter, Selection};
use crate::check::{CheckResult, Verdict};
use crate::claims::Claim;
use crate::output::check::{binding_line, evidence_line, expected, review_line};
use crate::query::{self, Hit, SearchRequest, StoredDocument};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::collections::BTreeMap;

/// Results per page on every list.
const PER_PAGE: usize = 20;
/// Hits read for a search's facets (the counts are of these).
const FACET_HITS: usize = 10_000;

/// Verdicts in the order a fact-checker reads them: what accuses a writer first.
const VERDICT_ORDER: [Verdict; 5] = [
    Verdict::Contradicted,
    Verdict::NotComparable,
    Verdict::Close,
    Verdict::Supported,
    Verdict::Unverifiable,
];

const STYLE: &str = "
body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1f3a5f;color:#fff;padding:.6em 1.2em;display:flex;gap:1.4em;align-items:center}
header a{color:#fff;text-decoration:none}header a.on{text-decoration:underline}
header strong{font-size:1.15em}
main{display:flex;gap:1.5em;padding:1em 1.2em}
.content{flex:1;min-width:0}aside{width:16em;font-size:.9em}
aside h3{margin:.8em 0 .2em;font-size:.95em}aside ul{list-style:none;padding:0;margin:0}
aside li a{text-decoration:none}.count{color:#666}
.hit,.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.7em 1em;margin:.6em 0}
.meta{color:#555;font-size:.85em}mark{background:#fff2a8}
.badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.8em;color:#fff}
.supported{background:#2e7d32}.close{background:#00838f}.contradicted{background:#c62828}
.not_comparable{background:#ef6c00}.unverifiable{background:#757575}
mark.fig{border-bottom:3px solid;padding:0 .1em;background:none;color:inherit}
mark.fig.supported{border-color:#2e7d32;background:#e8f5e9}mark.fig.close{border-color:#00838f;background:#e0f7fa}
mark.fig.contradicted{border-color:#c62828;background:#ffebee}mark.fig.not_comparable{border-color:#ef6c00;background:#fff3e0}
mark.fig.unverifiable{border-color:#9e9e9e;background:#f5f5f5}mark.fig.unchecked{border-color:#bbb;background:none}
.passage{display:flex;gap:.8em;margin:.5em 0}.gutter{width:5.5em;color:#888;font-size:.8em;text-align:right;flex:none}
.passage .text{white-space:pre-wrap;flex:1}
ul.figs{font-size:.85em;margin:.2em 0 .8em 6.3em}
form.inline{display:inline}form.review{font-size:.85em;margin-top:.4em}
.filters a{margin-right:.6em}.pages a{margin-right:.5em}
.removable{background:#e3ecf7;border-radius:3px;padding:0 .4em;margin-right:.4em;text-decoration:none}
.review{color:#6a1b9a;font-weight:600}
";

fn layout(title: &str, active: &str, body: Markup) -> Markup {
    let link = |href: &str, name: &str| {
        html! { a href=(href) class=[(active == name).then_some("on")] { (name) } }
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — claimdex" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    strong { "claimdex" }
                    (link("/search", "search"))
                    (link("/claims", "claims"))
                    (link("/sources", "sources"))
                    (link("/check", "check"))
                }
                (body)
            }
        }
    }
}

pub fn not_found(what: &str) -> Markup {
    layout(
        "Not found",
        "",
        html! { main { div.content { h1 { "Not found" } p { (what) } p { a href="/search" { "Search the corpus" } } } } },
    )
}

pub fn error(message: &str) -> Markup {
    layout(
        "Error",
        "",
        html! { main { div.content { h1 { "That did not work" } p { (message) } } } },
    )
}

/// The badge of a verdict.
fn badge(verdict: Verdict) -> Markup {
    html! { span class=(format!("badge {}", verdict.name())) { (verdict.name()) } }
}

/// The filters in force, each a link that removes it.
fn active_filters(params: &Params, path: &str, names: &[&str]) -> Markup {
    html! {
        p.filters {
            @for name in names {
                @if let Some(value) = params.get(name) {
                    a.removable href=(params.with(path, name, None)) title="remove this filter" {
                        (name) ": " (value) " ×"
                    }
                }
            }
        }
    }
}

fn pagination(params: &Params, path: &str, total: usize) -> Markup {
    let pages = total.div_ceil(PER_PAGE).max(1);
    let page = params.page().min(pages);
    html! {
        @if pages > 1 {
            p.pages {
                @if page > 1 { a rel="prev" href=(params.at_page(path, page - 1)) { "← previous" } }
                "page " (page) " of " (pages)
                @if page < pages { " " a rel="next" href=(params.at_page(path, page + 1)) { "next →" } }
            }
        }
    }
}

fn page_of<'a, T>(items: &'a [T], params: &Params) -> &'a [T] {
    let pages = items.len().div_ceil(PER_PAGE).max(1);
    let start = (params.page().min(pages) - 1) * PER_PAGE;
    &items[start.min(items.len())..(start + PER_PAGE).min(items.len())]
}

/// A facet: each value with its count, a link that sets it.
fn facet(
    title: &str,
    name: &str,
    counts: &BTreeMap<String, usize>,
    params: &Params,
    path: &str,
) -> Markup {
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    html! {
        @if !sorted.is_empty() {
            h3 { (title) }
            ul data-facet=(name) {
                @for (value, count) in sorted.iter().take(12) {
                    li { a href=(params.with(path, name, Some(value))) { (value) } " " span.count { "(" (count) ")" } }
                }
            }
        }
    }
}

/// Hits of a search with every filter of the page applied (the index's: document, publisher,
/// year; the claims': topic, source, verdict).
pub struct FilteredHits {
    pub hits: Vec<Hit>,
    pub notes: Vec<String>,
}

pub fn search_hits(snapshot: &Snapshot, params: &Params) -> Result<FilteredHits, String> {
    let Some(text) = params.get("q") else {
        return Ok(FilteredHits {
            hits: Vec::new(),
            notes: Vec::new(),
        });
    };
    let year = match params.get("year") {
        Some(year) => Some(
            year.parse()
                .map_err(|_| format!("'{year}' is not a year"))?,
        ),
        None => None,
    };
    let request = SearchRequest {
        query: text.to_string(),
        limit: FACET_HITS,
        doc: params.get("doc").map(str::to_string),
        publisher: params.get("publisher").map(str::to_string),
        year,
        figure: None,
        plain: false,
    };
    let found = query::search(&snapshot.corpus, &request).map_err(|error| error.to_string())?;
    let hits = found
        .hits
        .into_iter()
        .filter(|hit| passage_passes(snapshot, hit, params))
        .collect();
    Ok(FilteredHits {
        hits,
        notes: found.notes,
    })
}

/// Whether a hit's passage has a claim of the topic, source and verdict asked for.
fn passage_passes(snapshot: &Snapshot, hit: &Hit, params: &Params) -> bool {
    let (topic, source, verdict) = (
        params.get("topic"),
        params.get("source"),
        params.get("verdict"),
    );
    if topic.is_none() && source.is_none() && verdict.is_none() {
        return true;
    }
    snapshot
        .claims_of_passage(&hit.doc, hit.passage)
        .any(|claim| {
            topic.is_none_or(|topic| claim.topics.iter().any(|t| t == topic))
                && source
                    .is_none_or(|source| claim.source.as_ref().is_some_and(|s| s.name == source))
                && verdict.is_none_or(|verdict| {
                    snapshot.verdicts_of(&claim.id).any(|v| v.name() == verdict)
                })
        })
}

/// The search page: the box, the hits with highlights, facets on the result set, pages.
pub fn search(snapshot: &Snapshot, params: &Params) -> Result<Markup, String> {
    let found = search_hits(snapshot, params)?;
    let facets = hit_facets(snapshot, &found.hits);
    let path = "/search";
    let empty = BTreeMap::new();
    let facet_of = |name: &str| facets.get(name).unwrap_or(&empty);
    let shown = page_of(&found.hits, params);
    Ok(layout(
        params.get("q").unwrap_or("Search"),
        "search",
        html! {
            main {
                div.content {
                    form method="get" action="/search" {
                        input type="search" name="q" size="50" value=(params.get("q").unwrap_or(""))
                            placeholder="Chinese nationals entered Ecuador" autofocus;
                        @for name in ["doc", "publisher", "year", "topic", "source", "verdict"] {
                            @if let Some(value) = params.get(name) {
                                input type="hidden" name=(name) value=(value);
                            }
                        }
                        " " button type="submit" { "Search" }
                    }
                    (active_filters(params, path, &["doc", "publisher", "year", "topic", "source", "verdict"]))
                    @for note in &found.notes { p.meta { (note) } }
                    @if params.get("q").is_some() {
                        p.meta id="total" { (found.hits.len()) " passages" }
                    } @else {
                        p { "Words, \"phrases\", AND/OR/NOT, as " code { "claimdex search" } " reads them." }
                    }
                    @for hit in shown {
                        div.hit {
                            a href=(format!("/doc/{}#p{}", super::query_string::encode(&hit.doc), hit.passage)) {
                                strong { (hit.title) }
                            }
                            span.meta { " · " (hit.publisher.as_deref().unwrap_or("")) " · "
                                (hit.year.map(|y| y.to_string()).unwrap_or_default())
                                " · " (hit.doc) ":" (hit.line) " ¶" (hit.passage) }
                            p { (highlighted(&hit.text, &hit.highlights)) }
                        }
                    }
                    (pagination(params, path, found.hits.len()))
                }
                aside {
                    (facet("Document", "doc", facet_of("doc"), params, path))
                    (facet("Publisher", "publisher", facet_of("publisher"), params, path))
                    (facet("Year", "year", facet_of("year"), params, path))
                    (facet("Topic", "topic", facet_of("topic"), params, path))
                    (facet("Source", "source", facet_of("source"), params, path))
                    (facet("Verdict", "verdict", facet_of("verdict"), params, path))
                }
            }
        },
    ))
}

/// Value counts per facet over the hits: each hit's document, publisher and year, and the
/// topics, sources and verdicts of its passage's claims (each counted once per hit).
fn hit_facets(
    snapshot: &Snapshot,
    hits: &[Hit],
) -> BTreeMap<&'static str, BTreeMap<String, usize>> {
    let mut facets: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    for hit in hits {
        let mut add = |name: &'static str, value: String| {
            *facets.entry(name).or_default().entry(value).or_default() += 1;
        };
        add("doc", hit.doc.clone());
        if let Some(publisher) = &hit.publisher {
            add("publisher", publisher.clone());
        }
        if let Some(year) = hit.year {
            add("year", year.to_string());
        }
        let mut topics = std::collections::BTreeSet::new();
        let mut sources = std::collections::BTreeSet::new();
        let mut verdicts = std::collections::BTreeSet::new();
        for claim in snapshot.claims_of_passage(&hit.doc, hit.passage) {
            topics.extend(claim.topics.iter().cloned());
            sources.extend(claim.source.as_ref().map(|source| source.name.clone()));
            for verdict in snapshot.verdicts_of(&claim.id) {
                verdicts.insert(verdict.name().to_string());
            }
        }
        topics.into_iter().for_each(|topic| add("topic", topic));
        sources.into_iter().for_each(|source| add("source", source));
        verdicts
            .into_iter()
            .for_each(|verdict| add("verdict", verdict));
    }
    facets
}

/// `text` with the byte ranges `marks` in `<mark>`, the rest escaped.
fn highlighted(text: &str, marks: &[(usize, usize)]) -> Markup {
    let mut pieces: Vec<(bool, &str)> = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        pieces.push((false, &text[at..start]));
        pieces.push((true, &text[start..end]));
        at = end;
    }
    pieces.push((false, &text[at..]));
    html! { @for (marked, piece) in pieces { @if marked { mark { (piece) } } @else { (piece) } } }
}

/// The most telling verdict of a figure's results (what accuses first).
fn worst(results: &[&CheckResult]) -> Option<Verdict> {
    VERDICT_ORDER
        .into_iter()
        .find(|verdict| results.iter().any(|result| result.verdict == *verdict))
}

/// A document as read: each passage with its number and line, each figure marked in place and
/// coloured by its verdict; hovering a figure shows its value, interval, period, source and
/// verdicts; clicking it goes to the evidence under its passage.
pub fn document(snapshot: &Snapshot, document: &StoredDocument) -> Markup {
    let by_span = results_by_span(snapshot, &document.slug);
    let meta = &document.meta;
    let title = meta.title.clone().unwrap_or_else(|| document.slug.clone());
    let url = meta.url.as_deref().filter(|url| {
        let lower = url.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    });
    layout(
        &title,
        "",
        html! {
            main { div.content {
                h1 { (title) }
                p.meta {
                    (meta.publisher.as_deref().unwrap_or("")) " · " (meta.date.as_deref().unwrap_or(""))
                    " · " (document.path)
                    @if let Some(url) = url { " · " a href=(url) rel="noopener noreferrer" { "original" } }
                    " · " a href=(format!("/check?doc={}", super::query_string::encode(&document.slug))) { "check report" }
                }
                @for passage in &document.passages {
                    @let text = passage.span.slice(&document.raw).unwrap_or("");
                    @let figures = figures_in(passage, &by_span);
                    div.passage id=(format!("p{}", passage.number)) {
                        div.gutter id=(format!("L{}", passage.line)) { "[" (passage.number) "] L" (passage.line) }
                        @let claims: Vec<&Claim> = snapshot.claims_of_passage(&document.slug, passage.number).collect();
                        div.text { (marked_passage(text, passage.span.start, &figures, &claims)) }
                    }
                    (checked_figures(&figures))
                }
            } }
        },
    )
}

/// The check results of a document's figures, by figure span.
fn results_by_span<'s>(
    snapshot: &'s Snapshot,
    slug: &str,
) -> BTreeMap<(usize, usize), Vec<&'s CheckResult>> {
    let mut by_span: BTreeMap<(usize, usize), Vec<&CheckResult>> = BTreeMap::new();
    for result in snapshot.results.iter().filter(|r| r.claim.doc == slug) {
        by_span
            .entry((result.figure.span.start, result.figure.span.end))
            .or_default()
            .push(result);
    }
    by_span
}

/// The list under a passage of its checked figures, each with its verdicts and their
/// explanations (open unless all are unverifiable); nothing when no figure was checked.
fn checked_figures(figures: &[(crate::figures::FigureRecord, Vec<&CheckResult>)]) -> Markup {
    let checked: Vec<&(crate::figures::FigureRecord, Vec<&CheckResult>)> = figures
        .iter()
        .filter(|(_, results)| !results.is_empty())
        .collect();
    html! {
        @if !checked.is_empty() {
            ul.figs {
                @for (record, results) in checked {
                    li id=(format!("f{}", record.figure.span.start)) {
                        details open[results.iter().any(|r| r.verdict != Verdict::Unverifiable)] {
                            summary {
                                strong { (record.figure.text) } " "
                                @for result in results { (badge(result.verdict)) " " }
                            }
                            @for result in results {
                                (badge(result.verdict)) " " (result.explanation)
                                @if let Some(line) = binding_line(result) { br; span.meta { (line) } }
                                @if let Some(line) = review_line(result) { br; span.review { (line) } }
                                br;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The figures of a passage, in order, each with its check results.
fn figures_in<'s>(
    passage: &query::StoredPassage,
    by_span: &BTreeMap<(usize, usize), Vec<&'s CheckResult>>,
) -> Vec<(crate::figures::FigureRecord, Vec<&'s CheckResult>)> {
    // Years and ordinals are dates and ranks, not statistics: left unmarked.
    let mut figures: Vec<(crate::figures::FigureRecord, Vec<&CheckResult>)> = passage
        .figures
        .iter()
        .filter(|record| {
            !matches!(
                record.figure.unit,
                crate::figures::Unit::Year | crate::figures::Unit::Ordinal
            )
        })
        .map(|record| {
            let span = record.figure.span;
            (
                record.clone(),
                by_span
                    .get(&(span.start, span.end))
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect();
    figures.sort_by_key(|(record, _)| record.figure.span.start);
    figures
}

/// A passage's text with its figures in `<mark>`: coloured by verdict, the details in the
/// title, a link to the evidence below.
fn marked_passage(
    text: &str,
    offset: usize,
    figures: &[(crate::figures::FigureRecord, Vec<&CheckResult>)],
    claims: &[&Claim],
) -> Markup {
    let mut at = 0;
    let mut pieces: Vec<Markup> = Vec::new();
    for (record, results) in figures {
        let figure = &record.figure;
        let (Some(start), Some(end)) = (
            figure.span.start.checked_sub(offset),
            figure.span.end.checked_sub(offset),
        ) else {
            continue;
        };
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        let class = worst(results).map_or("unchecked", Verdict::name);
        let details = figure_details(record, results, claims);
        let before = &text[at..start];
        let inner = &text[start..end];
        pieces.push(html! {
            (before)
            @if results.is_empty() {
                mark class=(format!("fig {class}")) title=(details) { (inner) }
            } @else {
                a href=(format!("#f{}", figure.span.start)) {
                    mark class=(format!("fig {class}")) title=(details) data-verdict=(class) { (inner) }
                }
            }
        });
        at = end;
    }
    let rest = &text[at..];
    html! { @for piece in pieces { (piece) } (rest) }
}

/// What hovering a figure shows: value, interval, period, source, each verdict.
fn figure_details(
    record: &crate::figures::FigureRecord,
    results: &[&CheckResult],
    claims: &[&Claim],
) -> String {
    let figure = &record.figure;
    let mut lines = vec![format!(
        "{} {}{}",
        crate::datasets::text::format_number(figure.value),
        figure.unit.as_str(),
        match (figure.low, figure.high) {
            (Some(low), Some(high)) => format!(
                " (between {} and {})",
                crate::datasets::text::format_number(low),
                crate::datasets::text::format_number(high)
            ),
            (Some(low), None) =>
                format!(" (at least {})", crate::datasets::text::format_number(low)),
            (None, Some(high)) =>
                format!(" (at most {})", crate::datasets::text::format_number(high)),
            (None, None) => String::new(),
        }
    )];
    if let Some(counts) = &figure.counts {
        lines.push(format!("counts: {counts}"));
    }
    if let Some(line) = results.iter().find_map(|result| binding_line(result)) {
        lines.push(line);
    }
    let source = claims
        .iter()
        .find(|claim| claim.span.contains(figure.span))
        .and_then(|claim| claim.source.as_ref());
    if let Some(source) = source {
        lines.push(format!("source: {}", source.name));
    }
    for result in results {
        lines.push(format!("{}: {}", result.verdict.name(), result.explanation));
        if let Some(review) = review_line(result) {
            lines.push(review);
        }
    }
    lines.join("\n")
}

/// A verdict filter of the page, when it names one.
fn verdict_param(params: &Params) -> Result<Option<Verdict>, String> {
    params
        .get("verdict")
        .map(|name| {
            Verdict::parse(name).ok_or_else(|| {
                format!("unknown verdict '{name}'; use supported, close, contradicted, not_comparable or unverifiable")
            })
        })
        .transpose()
}

/// The claims a claims or sources page lists, as `claimdex claims` lists them (the same
/// request: query, topic, source, document, no source, check-worthiness), then those with a
/// result of the verdict asked for.
pub fn claim_list(snapshot: &Snapshot, params: &Params) -> Result<Vec<Claim>, String> {
    let min_score = match params.get("min_score") {
        Some(score) => Some(
            score
                .parse::<f64>()
                .map_err(|_| format!("'{score}' is not a check-worthiness score (0 to 1)"))?,
        ),
        None => None,
    };
    let verdict = verdict_param(params)?;
    let request = query::ClaimRequest {
        query: params.get("q").map(str::to_string),
        topic: params.get("topic").map(str::to_string),
        source: params.get("source").map(str::to_string),
        doc: params.get("doc").map(str::to_string),
        unattributed: params.get("unattributed").is_some(),
        min_score,
        limit: usize::MAX,
    };
    let mut claims = query::list_claims(
        &snapshot.corpus,
        &request,
        &snapshot.rules.registry,
        &snapshot.rules.taxonomy,
    )
    .map_err(|error| error.to_string())?
    .claims;
    if let Some(verdict) = verdict {
        claims.retain(|claim| snapshot.verdicts_of(&claim.id).any(|v| v == verdict));
    }
    Ok(claims)
}

fn review_form(claim: &Claim, back: &str) -> Markup {
    html! {
        form.review method="post" action="/review" {
            input type="hidden" name="claim" value=(claim.id);
            input type="hidden" name="back" value=(back);
            "Your verdict: "
            select name="verdict" {
                @for verdict in VERDICT_ORDER { option value=(verdict.name()) { (verdict.name()) } }
            }
            " " input type="text" name="note" size="30" placeholder="where your number came from";
            " " input type="text" name="by" size="12" placeholder="your name";
            " " button type="submit" { "Record" }
        }
    }
}

fn claim_card(snapshot: &Snapshot, claim: &Claim, back: &str, only: Option<Verdict>) -> Markup {
    let results: Vec<&CheckResult> = snapshot
        .results_of(&claim.id)
        .filter(|result| only.is_none_or(|verdict| result.verdict == verdict))
        .collect();
    html! {
        div.card data-claim=(claim.id) {
            a href=(format!("/doc/{}#p{}", super::query_string::encode(&claim.doc), claim.passage)) {
                (claim.doc) ":" (claim.line)
            }
            span.meta { " · check-worthiness " (format!("{:.2}", claim.checkworthiness)) " · "
                @match &claim.source {
                    Some(source) => { "source: " (source.name) }
                    None => { strong { "no source" } }
                }
            }
            p { (claim.text) }
            @for result in &results {
                p.meta {
                    (badge(result.verdict)) " " strong { (result.figure.text) } " [" (result.method.name()) "] expected: " (expected(result))
                    br; "evidence: " (evidence_line(result))
                    @if let Some(line) = binding_line(result) { br; (line) }
                    br; (result.explanation)
                    @if let Some(line) = review_line(result) { br; span.review { (line) } }
                }
            }
            @for review in snapshot.reviews.all().iter().filter(|review| review.claim == claim.id && results.is_empty()) {
                p.review { "reviewed: " (review.verdict.name()) " on " (review.date) ": " (review.note) }
            }
            (review_form(claim, back))
        }
    }
}

/// The claims page: filters by topic, source, unattributed, check-worthiness, verdict; sorted
/// by check-worthiness.
pub fn claims(snapshot: &Snapshot, params: &Params) -> Result<Markup, String> {
    let path = "/claims";
    let claims = claim_list(snapshot, params)?;
    let back = params.url(path);
    let mut topics: BTreeMap<String, usize> = BTreeMap::new();
    let mut verdicts: BTreeMap<String, usize> = BTreeMap::new();
    for claim in &claims {
        for topic in &claim.topics {
            *topics.entry(topic.clone()).or_default() += 1;
        }
        let mut seen: Vec<&str> = snapshot
            .verdicts_of(&claim.id)
            .map(|verdict| verdict.name())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for verdict in seen {
            *verdicts.entry(verdict.to_string()).or_default() += 1;
        }
    }
    Ok(layout(
        "Claims",
        "claims",
        html! {
            main {
                div.content {
                    form method="get" action="/claims" {
                        input type="search" name="q" value=(params.get("q").unwrap_or("")) placeholder="words in the claim";
                        " check-worthiness ≥ " input type="number" name="min_score" step="0.05" min="0" max="1" value=(params.get("min_score").unwrap_or(""));
                        " " label { input type="checkbox" name="unattributed" value="1" checked[params.get("unattributed").is_some()]; " no source" }
                        @for name in ["topic", "source", "verdict", "doc"] {
                            @if let Some(value) = params.get(name) { input type="hidden" name=(name) value=(value); }
                        }
                        " " button type="submit" { "Filter" }
                    }
                    (active_filters(params, path, &["q", "topic", "source", "unattributed", "min_score", "verdict", "doc"]))
                    p.meta id="total" { (claims.len()) " claims" }
                    @for claim in page_of(&claims, params) { (claim_card(snapshot, claim, &back, None)) }
                    (pagination(params, path, claims.len()))
                }
                aside {
                    (facet("Topic", "topic", &topics, params, path))
                    (facet("Verdict", "verdict", &verdicts, params, path))
                    h3 { "Source" }
                    ul { li { a href=(params.with(path, "unattributed", Some("1"))) { "claims with no source" } } }
                }
            }
        },
    ))
}

/// Sources per topic: each source with the claims it backs.
pub fn sources(snapshot: &Snapshot, params: &Params) -> Result<Markup, String> {
    let path = "/sources";
    let claims = claim_list(snapshot, params)?;
    let mut by_source: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for claim in &claims {
        if let Some(source) = &claim.source {
            by_source
                .entry(source.name.as_str())
                .or_default()
                .push(claim);
        }
    }
    let mut sources: Vec<(&str, Vec<&Claim>)> = by_source.into_iter().collect();
    sources.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let topics: BTreeMap<String, usize> = snapshot
        .rules
        .taxonomy
        .topics()
        .iter()
        .map(|topic| {
            let count = snapshot
                .claims
                .iter()
                .filter(|claim| claim.topics.contains(&topic.id))
                .count();
            (topic.id.clone(), count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    Ok(layout(
        "Sources",
        "sources",
        html! {
            main {
                div.content {
                    (active_filters(params, path, &["topic", "q"]))
                    p.meta id="total" { (sources.len()) " sources" }
                    @for (name, backed) in page_of(&sources, params) {
                        div.card {
                            h3 { a href=(Params::default().with("/claims", "source", Some(name))) { (name) } " " span.count { "(" (backed.len()) " claims)" } }
                            ul {
                                @for claim in backed.iter().take(10) {
                                    li { a href=(format!("/doc/{}#p{}", super::query_string::encode(&claim.doc), claim.passage)) { (claim.doc) ":" (claim.line) } " " (claim.text) }
                                }
                            }
                        }
                    }
                    (pagination(params, path, sources.len()))
                }
                aside { (facet("Topic", "topic", &topics, params, path)) }
            }
        },
    ))
}

/// The check results a report shows, filtered as `claimdex check` filters them (verdict,
/// document, topic, search query).
pub fn check_results<'s>(
    snapshot: &'s Snapshot,
    params: &Params,
) -> Result<Vec<&'s CheckResult>, String> {
    let selection = Selection {
        doc: params.get("doc").map(str::to_string),
        verdict: verdict_param(params)?,
        topic: params.get("topic").map(str::to_string),
        query: params.get("q").map(str::to_string),
    };
    let filter = ResultFilter::new(
        &snapshot.corpus,
        &snapshot.rules.taxonomy,
        &selection,
        &mut Vec::new(),
    )
    .map_err(|error| error.to_string())?;
    Ok(snapshot
        .results
        .iter()
        .filter(|result| filter.keeps(result))
        .collect())
}

/// The ids of the claims of `results`, each once, in order.
fn claim_ids<'r>(results: &[&&'r CheckResult]) -> Vec<&'r str> {
    let mut seen = std::collections::HashSet::new();
    results
        .iter()
        .map(|result| result.claim.id.as_str())
        .filter(|id| seen.insert(*id))
        .collect()
}

/// The check report: grouped by verdict with `contradicted` first, one card per claim.
pub fn check(snapshot: &Snapshot, params: &Params) -> Result<Markup, String> {
    let path = "/check";
    let results = check_results(snapshot, params)?;
    let back = params.url(path);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for result in &results {
        *counts.entry(result.verdict.name().to_string()).or_default() += 1;
    }
    Ok(layout(
        "Check report",
        "check",
        html! {
            main {
                div.content {
                    (active_filters(params, path, &["verdict", "doc", "topic"]))
                    p.meta id="total" { (results.len()) " results" }
                    @for problem in snapshot.problems.iter() { p.meta { (problem) } }
                    @for verdict in VERDICT_ORDER {
                        @let of_verdict: Vec<&&CheckResult> = results.iter().filter(|result| result.verdict == verdict).collect();
                        @if !of_verdict.is_empty() {
                            @let ids = claim_ids(&of_verdict);
                            section data-verdict=(verdict.name()) {
                                h2 { (badge(verdict)) " " (of_verdict.len()) }
                                @for id in ids.iter().take(if verdict == Verdict::Unverifiable && params.get("verdict").is_none() { 50 } else { usize::MAX }) {
                                    @if let Some(claim) = snapshot.claim(id) { (claim_card(snapshot, claim, &back, Some(verdict))) }
                                }
                                @if verdict == Verdict::Unverifiable && params.get("verdict").is_none() && ids.len() > 50 {
                                    p { a href=(params.with(path, "verdict", Some("unverifiable"))) { "all " (ids.len()) " unverifiable claims" } }
                                }
                            }
                        }
                    }
                }
                aside { (facet("Verdict", "verdict", &counts, params, path)) }
            }
        },
    ))
}
