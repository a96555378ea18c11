//! `claimdex serve`: the fact-checker's desk, a local web server over the same library the
//! command line uses.
//!
//! Input: a way to open the index fresh (the CLI's: it re-indexes changed files first), the
//! datasets, an address. Output: HTML pages (search with facets, a document with its figures
//! marked, claims, sources per topic, the check report) and JSON endpoints under `/api/` that
//! answer with the objects `--json` writes. Every filter lives in the query string, so a page
//! can be sent as a link. A snapshot (the index, every claim, the check results with the human
//! reviews attached) answers requests; it is rebuilt when the index changed (looked at no more
//! often than every `REFRESH`) and its reviews re-read when `reviews.toml` changed. Pages are
//! maud templates: every piece of corpus text is escaped.

mod pages;
mod query_string;

use crate::check::select::{check_index, Selection};
use crate::check::{CheckResult, Verdict};
use crate::claims::{Claim, ClaimRules};
use crate::datasets::Dataset;
use crate::index::CorpusIndex;
use crate::review::{Review, Reviews};
use axum::extract::{Form, Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

pub use query_string::Params;

/// How often, at most, the desk looks whether the corpus changed.
const REFRESH: Duration = Duration::from_secs(2);

/// Opens the index, brought up to date first (the CLI's `open_fresh`).
pub type Opener = Box<dyn Fn() -> Result<CorpusIndex, String> + Send + Sync>;

/// What every request reads: one consistent view of the corpus.
pub struct Snapshot {
    pub corpus: Arc<CorpusIndex>,
    pub rules: Arc<ClaimRules>,
    pub claims: Arc<Vec<Claim>>,
    /// Every check result, reviews attached, in the order `check` gives them.
    pub results: Vec<CheckResult>,
    pub reviews: Reviews,
    /// Claim indices by `(doc, passage)` and by id, and result indices by claim id (results
    /// keep their order when reviews are attached again).
    pub by_passage: Arc<HashMap<(String, usize), Vec<usize>>>,
    pub by_id: Arc<HashMap<String, usize>>,
    pub results_by_claim: Arc<HashMap<String, Vec<usize>>>,
    pub metadata: Arc<BTreeMap<String, crate::model::Metadata>>,
    pub problems: Arc<Vec<String>>,
    reviews_stamp: Option<SystemTime>,
}

impl Snapshot {
    fn build(corpus: CorpusIndex, datasets: &[Dataset]) -> Result<Snapshot, String> {
        let rules = ClaimRules::load(&corpus.root_paths()).0;
        let checked = check_index(
            &corpus,
            datasets,
            &rules.taxonomy,
            &Selection::default(),
            &(),
        )
        .map_err(|error| error.to_string())?;
        let claims = crate::query::all_claims(&corpus).map_err(|error| error.to_string())?;
        let reviews = Reviews::for_corpus(&corpus).unwrap_or_default();
        let reviews_stamp = modified(reviews.path());
        let mut by_passage: HashMap<(String, usize), Vec<usize>> = HashMap::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for (at, claim) in claims.iter().enumerate() {
            by_passage
                .entry((claim.doc.clone(), claim.passage))
                .or_default()
                .push(at);
            by_id.entry(claim.id.clone()).or_insert(at);
        }
        let mut results_by_claim: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, result) in checked.results.iter().enumerate() {
            results_by_claim
                .entry(result.claim.id.clone())
                .or_default()
                .push(at);
        }
        Ok(Snapshot {
            corpus: Arc::new(corpus),
            rules: Arc::new(rules),
            claims: Arc::new(claims),
            results: checked.results,
            reviews,
            by_passage: Arc::new(by_passage),
            by_id: Arc::new(by_id),
            results_by_claim: Arc::new(results_by_claim),
            metadata: Arc::new(checked.metadata),
            problems: Arc::new(checked.problems.iter().map(ToString::to_string).collect()),
            reviews_stamp,
        })
    }

    /// The same snapshot with the reviews read again.
    fn with_reviews(&self, reviews: Reviews) -> Snapshot {
        let mut results = self.results.clone();
        reviews.attach(&mut results);
        Snapshot {
            corpus: Arc::clone(&self.corpus),
            rules: Arc::clone(&self.rules),
            claims: Arc::clone(&self.claims),
            results,
            reviews_stamp: modified(reviews.path()),
            reviews,
            by_passage: Arc::clone(&self.by_passage),
            by_id: Arc::clone(&self.by_id),
            results_by_claim: Arc::clone(&self.results_by_claim),
            metadata: Arc::clone(&self.metadata),
            problems: Arc::clone(&self.problems),
        }
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.by_id.get(id).and_then(|at| self.claims.get(*at))
    }

    /// The check results of a claim, in the order `check` gives them.
    pub fn results_of(&self, id: &str) -> impl Iterator<Item = &CheckResult> {
        self.results_by_claim
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|at| self.results.get(*at))
    }

    /// The machine's verdicts on a claim's figures.
    pub fn verdicts_of(&self, id: &str) -> impl Iterator<Item = Verdict> + '_ {
        self.results_of(id).map(|result| result.verdict)
    }

    /// The claims of a search hit's passage.
    pub fn claims_of_passage(&self, doc: &str, passage: usize) -> impl Iterator<Item = &Claim> {
        self.by_passage
            .get(&(doc.to_string(), passage))
            .into_iter()
            .flatten()
            .filter_map(|at| self.claims.get(*at))
    }
}

fn modified(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// The server's state: the opener, the datasets, the current snapshot.
pub struct Desk {
    open: Opener,
    datasets: Vec<Dataset>,
    current: RwLock<Arc<Snapshot>>,
    /// When the corpus was last looked at; held while one request refreshes, so the others
    /// answer from the snapshot they have instead of re-indexing side by side.
    checked_at: Mutex<Instant>,
}

impl Desk {
    /// Opens the index and checks it: the first snapshot.
    pub fn new(open: Opener, datasets: Vec<Dataset>) -> Result<Desk, String> {
        let corpus = open()?;
        let snapshot = Snapshot::build(corpus, &datasets)?;
        Ok(Desk {
            open,
            datasets,
            current: RwLock::new(Arc::new(snapshot)),
            checked_at: Mutex::new(Instant::now()),
        })
    }

    /// The snapshot to answer from: rebuilt first when the corpus or its reviews changed.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        if let Ok(mut checked_at) = self.checked_at.try_lock() {
            if checked_at.elapsed() >= REFRESH {
                self.refresh();
                *checked_at = Instant::now();
            }
        }
        self.read()
    }

    fn read(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(current) => Arc::clone(&current),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, snapshot: Snapshot) {
        match self.current.write() {
            Ok(mut current) => *current = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
    }

    fn refresh(&self) {
        let current = self.read();
        match (self.open)() {
            // The manifest log keeps its name across commits: the whole payload tells.
            Ok(corpus) if corpus.payload != current.corpus.payload => {
                match Snapshot::build(corpus, &self.datasets) {
                    Ok(snapshot) => self.replace(snapshot),
                    Err(error) => eprintln!("warning: {error}; serving the index as it was"),
                }
            }
            Ok(_) => {
                if modified(current.reviews.path()) != current.reviews_stamp {
                    self.reload_reviews(&current);
                }
            }
            Err(error) => eprintln!("warning: {error}; serving the index as it was"),
        }
    }

    fn reload_reviews(&self, current: &Snapshot) {
        match Reviews::for_corpus(&current.corpus) {
            Ok(reviews) => self.replace(current.with_reviews(reviews)),
            Err(error) => eprintln!("warning: {error}"),
        }
    }

    /// Records a review from the web page, as `claimdex review` does.
    fn record(&self, form: &ReviewForm) -> Result<(), String> {
        let current = self.read();
        let verdict = Verdict::parse(&form.verdict)
            .ok_or_else(|| format!("unknown verdict '{}'", form.verdict))?;
        let claim = current
            .claim(&form.claim)
            .ok_or_else(|| format!("no claim '{}' in the index", form.claim))?;
        let mut reviews = Reviews::for_corpus(&current.corpus).map_err(|e| e.to_string())?;
        let figure = form.figure.clone().filter(|figure| !figure.is_empty());
        reviews.record(Review {
            claim: claim.id.clone(),
            figure,
            verdict,
            note: form.note.clone(),
            by: form.by.clone().filter(|by| !by.trim().is_empty()),
            date: crate::review::today(),
            doc: claim.doc.clone(),
            text: claim.text.clone(),
        });
        reviews.save().map_err(|e| e.to_string())?;
        self.replace(current.with_reviews(reviews));
        Ok(())
    }
}

/// The review form of the claims and check pages.
#[derive(Debug, serde::Deserialize)]
pub struct ReviewForm {
    pub claim: String,
    #[serde(default)]
    pub figure: Option<String>,
    pub verdict: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub by: Option<String>,
    /// The page to go back to (a path on this server).
    #[serde(default)]
    pub back: String,
}

/// Every route of the desk.
pub fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/", get(|| async { Redirect::to("/search") }))
        .route("/search", get(search_page))
        .route("/doc/{slug}", get(document_page))
        .route("/claims", get(claims_page))
        .route("/sources", get(sources_page))
        .route("/check", get(check_page))
        .route("/review", post(review))
        .route("/api/search", get(search_api))
        .route("/api/doc/{slug}", get(document_api))
        .route("/api/claims", get(claims_api))
        .route("/api/sources", get(sources_api))
        .route("/api/check", get(check_api))
        .fallback(|| async { not_found("no such page") })
        .with_state(desk)
}

/// Serves `desk` on `address` until the process is stopped; `ready` is told the address bound
/// (with the port the system chose for port 0).
pub fn serve(
    desk: Desk,
    address: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(Arc::new(desk)))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}

type DeskState = State<Arc<Desk>>;

fn not_found(what: &str) -> Response {
    (StatusCode::NOT_FOUND, pages::not_found(what)).into_response()
}

/// A page, or the page saying what in the request was wrong (400).
fn page(built: Result<maud::Markup, String>) -> Response {
    match built {
        Ok(page) => page.into_response(),
        Err(error) => (StatusCode::BAD_REQUEST, pages::error(&error)).into_response(),
    }
}

/// The JSON an endpoint answers, or `{"error": …}` with `status`.
fn json<T: serde::Serialize>(answer: Result<T, (StatusCode, String)>) -> Response {
    match answer {
        Ok(value) => Json(value).into_response(),
        Err((status, error)) => {
            (status, Json(serde_json::json!({ "error": error }))).into_response()
        }
    }
}

fn bad_request(error: String) -> (StatusCode, String) {
    (StatusCode::BAD_REQUEST, error)
}

async fn search_page(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    page(pages::search(&desk.snapshot(), &params))
}

async fn search_api(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    json(
        pages::search_hits(&desk.snapshot(), &params)
            .map(|found| found.hits)
            .map_err(bad_request),
    )
}

/// The document with this slug (not a path), `Ok(None)` when the index has none.
fn document(
    snapshot: &Snapshot,
    slug: &str,
) -> Result<Option<crate::query::StoredDocument>, (StatusCode, String)> {
    crate::query::load_document(&snapshot.corpus, slug)
        .map(|found| found.filter(|document| document.slug == slug))
        .map_err(|error| (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()))
}

async fn document_page(State(desk): DeskState, UrlPath(slug): UrlPath<String>) -> Response {
    let snapshot = desk.snapshot();
    match document(&snapshot, &slug) {
        Ok(Some(found)) => pages::document(&snapshot, &found).into_response(),
        Ok(None) => not_found(&format!("no document '{slug}' in the index")),
        Err((status, error)) => (status, pages::error(&error)).into_response(),
    }
}

async fn document_api(State(desk): DeskState, UrlPath(slug): UrlPath<String>) -> Response {
    let snapshot = desk.snapshot();
    json(document(&snapshot, &slug).and_then(|found| {
        let found = found.ok_or_else(|| {
            (
                StatusCode::NOT_FOUND,
                format!("no document '{slug}' in the index"),
            )
        })?;
        Ok((0..found.passages.len())
            .map(|at| crate::export::passage_json(&found, at))
            .collect::<Vec<_>>())
    }))
}

async fn claims_page(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    page(pages::claims(&desk.snapshot(), &params))
}

async fn claims_api(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    let snapshot = desk.snapshot();
    json(
        pages::claim_list(&snapshot, &params)
            .map(|claims| {
                claims
                    .iter()
                    .map(|claim| crate::output::claim_with_reviews(claim, &snapshot.reviews))
                    .collect::<Vec<_>>()
            })
            .map_err(bad_request),
    )
}

async fn sources_page(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    page(pages::sources(&desk.snapshot(), &params))
}

async fn sources_api(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    let snapshot = desk.snapshot();
    json(
        pages::claim_list(&snapshot, &params)
            .map(|claims| crate::query::summarise_sources(&claims, &snapshot.rules.registry))
            .map_err(bad_request),
    )
}

async fn check_page(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    page(pages::check(&desk.snapshot(), &params))
}

async fn check_api(State(desk): DeskState, Query(params): Query<Params>) -> Response {
    let snapshot = desk.snapshot();
    json(
        pages::check_results(&snapshot, &params)
            .map(|results| {
                results
                    .into_iter()
                    .filter_map(|result| crate::output::check::result_object(result).ok())
                    .collect::<Vec<_>>()
            })
            .map_err(bad_request),
    )
}

async fn review(State(desk): DeskState, Form(form): Form<ReviewForm>) -> Response {
    match desk.record(&form) {
        Ok(()) => {
            // Back to the page the form was on: a path on this server only.
            let back = if form.back.starts_with('/') && !form.back.starts_with("//") {
                form.back.clone()
            } else {
                "/claims".to_string()
            };
            (StatusCode::SEE_OTHER, [(header::LOCATION, back)]).into_response()
        }
        Err(error) => (StatusCode::BAD_REQUEST, pages::error(&error)).into_response(),
    }
}
