//! Verified-claim retrieval, CLEF 2020 CheckThat! Task 2 (English): each test tweet is a plain
//! query against the 10,375 Snopes verified claims (claim text, fact-check title as title),
//! scored with MAP@k as the task's scorer (trectools) computes it.

use super::retrieval::{
    average_precision_at, mean_over_judged, read_qrels, EvalDocument, EvalError, EvalIndex,
    EvalQuery, Qrels,
};
use claimdex::query::FieldBoosts;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

const VCLAIMS: &str = "vclaims/verified_claims.docs.tsv";
const TWEETS: &str = "test/tweets.queries.tsv";
const QRELS: &str = "test/tweet-vclaim-pairs.qrels";
/// The cut-offs the task reports; 5 is the official one.
pub const DEPTHS: [usize; 4] = [1, 3, 5, 10];

/// The verified claims, the test tweets and their judgements.
pub struct CheckThat {
    pub claims: Vec<EvalDocument>,
    pub tweets: Vec<EvalQuery>,
    pub qrels: Qrels,
}

impl CheckThat {
    /// Loads `vclaims/verified_claims.docs.tsv`, `test/tweets.queries.tsv` and
    /// `test/tweet-vclaim-pairs.qrels` from `dir` (TSV with CSV quoting, a header row).
    pub fn load(dir: &Path) -> Result<CheckThat, EvalError> {
        let claims = read_tsv(&dir.join(VCLAIMS), 3)?
            .into_iter()
            .map(|mut row| EvalDocument {
                title: row.pop().unwrap_or_default(),
                text: row.pop().unwrap_or_default(),
                id: row.pop().unwrap_or_default(),
            })
            .collect();
        let tweets = read_tsv(&dir.join(TWEETS), 2)?
            .into_iter()
            .map(|mut row| EvalQuery {
                text: row.pop().unwrap_or_default(),
                id: row.pop().unwrap_or_default(),
            })
            .collect();
        let qrels = read_qrels(&dir.join(QRELS))?;
        Ok(CheckThat {
            claims,
            tweets,
            qrels,
        })
    }
}

/// Rows of a tab-separated file with CSV quoting, header skipped, each with exactly `n_columns`.
fn read_tsv(path: &Path, n_columns: usize) -> Result<Vec<Vec<String>>, EvalError> {
    let csv_error = |source| EvalError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_path(path)
        .map_err(csv_error)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if record.len() != n_columns {
            let line = record
                .position()
                .map_or(0, |position| position.line() as usize);
            return Err(EvalError::format(
                path,
                line,
                format!(
                    "expected {n_columns} tab-separated columns, found {}",
                    record.len()
                ),
            ));
        }
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

/// What `claimdex-eval claim-retrieval` prints.
pub struct ClaimRetrievalReport {
    pub dir: PathBuf,
    pub tweets: usize,
    pub judged: usize,
    pub claims: usize,
    /// Verified claims with no searchable passage, by id.
    pub unsearchable: Vec<String>,
    /// MAP@k for each of `DEPTHS`.
    pub map_at: Vec<(usize, f64)>,
    pub seconds: f64,
}

/// Indexes the verified claims, runs every test tweet and scores MAP@1/3/5/10.
pub fn evaluate_checkthat(
    dir: &Path,
    boosts: &FieldBoosts,
) -> Result<ClaimRetrievalReport, EvalError> {
    let started = Instant::now();
    let checkthat = CheckThat::load(dir)?;
    let index = EvalIndex::build(dir, &checkthat.claims)?;
    let depth = DEPTHS.iter().copied().max().unwrap_or(10);
    let mut runs = BTreeMap::new();
    for tweet in &checkthat.tweets {
        runs.insert(tweet.id.clone(), index.rank(&tweet.text, depth, boosts)?);
    }
    // Like trectools, average over the tweets that are both run and judged.
    let judged: Qrels = checkthat
        .qrels
        .into_iter()
        .filter(|(tweet_id, _)| runs.contains_key(tweet_id))
        .collect();
    let map_at = DEPTHS
        .iter()
        .map(|&k| {
            let map = mean_over_judged(&runs, &judged, |ranked, relevant| {
                average_precision_at(ranked, relevant, k)
            });
            (k, map)
        })
        .collect();
    Ok(ClaimRetrievalReport {
        dir: dir.to_path_buf(),
        tweets: checkthat.tweets.len(),
        judged: judged.len(),
        claims: index.documents,
        unsearchable: index.unsearchable,
        map_at,
        seconds: started.elapsed().as_secs_f64(),
    })
}

impl fmt::Display for ClaimRetrievalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let map = |k: usize| {
            self.map_at
                .iter()
                .find(|(depth, _)| *depth == k)
                .map_or(0.0, |(_, map)| *map)
        };
        writeln!(
            f,
            "CheckThat! 2020 task 2 en test ({} tweets, {} judged; {} verified claims): MAP@5 {:.3}  (MAP@1 {:.3}  MAP@3 {:.3}  MAP@10 {:.3})",
            self.tweets,
            self.judged,
            self.claims,
            map(5),
            map(1),
            map(3),
            map(10)
        )?;
        writeln!(
            f,
            "  organisers' Elasticsearch BM25 baseline: not given in the task README (results sheet only; PROVENANCE.md recalls ≈ 0.61 MAP@5, unverified)"
        )?;
        let mut ids = self
            .unsearchable
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>();
        if self.unsearchable.len() > ids.len() {
            ids.push("…".to_string());
        }
        write!(
            f,
            "  {} verified claims with no searchable passage ({}); {:.1} s",
            self.unsearchable.len(),
            ids.join(", "),
            self.seconds
        )
    }
}
