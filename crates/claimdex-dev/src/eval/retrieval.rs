//! Evidence retrieval on SciFact (BEIR split): claims as plain queries against 5,183 abstracts,
//! scored with nDCG@10 and Recall@100 beside the published BM25 numbers. Also the pieces the
//! other collections share: the in-memory evaluation index, document ranking and the metrics.

use claimdex::index::{self, CorpusIndex, IndexError};
use claimdex::model::{Document, Metadata};
use claimdex::query::{self, FieldBoosts, QueryError, SearchRequest};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

/// Relevance judgements: query id → (document id → grade; 0 means not relevant).
pub type Qrels = BTreeMap<String, BTreeMap<String, u32>>;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}; is this the evaluation folder (see its PROVENANCE.md)?")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}; the zip should be the unchanged download named in PROVENANCE.md")]
    Zip {
        path: PathBuf,
        source: zip::result::ZipError,
    },
    #[error("{path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Query(#[from] QueryError),
}

impl EvalError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> EvalError {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn format(path: &Path, line: usize, message: impl Into<String>) -> EvalError {
        EvalError::Format {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

/// One document of an evaluation collection, before claimdex reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalDocument {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalQuery {
    pub id: String,
    pub text: String,
}

/// Which SciFact claims to run: `train` for tuning, `test` (BEIR's test = SciFact dev) to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Test,
}

impl FromStr for Split {
    type Err = String;
    fn from_str(text: &str) -> Result<Split, String> {
        match text {
            "train" => Ok(Split::Train),
            "test" => Ok(Split::Test),
            other => Err(format!("unknown split '{other}'; use train or test")),
        }
    }
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Split::Train => "train",
            Split::Test => "test",
        })
    }
}

/// A collection indexed in memory through claimdex's read, clean, segment and index code.
pub struct EvalIndex {
    pub corpus: CorpusIndex,
    pub documents: usize,
    pub passages: usize,
    /// Documents the reader refused (empty text), by id.
    pub skipped: Vec<String>,
    /// Documents left with no searchable passage (all text dropped or taken as a heading), by id.
    pub unsearchable: Vec<String>,
    /// Lines the cleaner dropped as page leftovers, over all documents.
    pub dropped_lines: usize,
}

impl EvalIndex {
    /// Reads each document as a `.txt` file holding its text, with its title as metadata, and
    /// indexes it. `name` names the collection in errors.
    pub fn build(name: &Path, documents: &[EvalDocument]) -> Result<EvalIndex, EvalError> {
        let corpus = CorpusIndex::in_memory(name);
        let mut built: Vec<Document> = Vec::with_capacity(documents.len());
        let mut skipped = Vec::new();
        for document in documents {
            let path = name.join(format!("{}.txt", document.id));
            let Ok((raw, _)) = claimdex::ingest::read(&path, document.text.clone().into_bytes())
            else {
                skipped.push(document.id.clone());
                continue;
            };
            let meta = Metadata {
                title: Some(document.title.clone()),
                ..Metadata::default()
            };
            built.push(claimdex::text::build_document(
                raw,
                document.id.clone(),
                Some(&meta),
            ));
        }
        let unsearchable = built
            .iter()
            .filter(|document| document.passages.iter().all(|passage| passage.is_heading))
            .map(|document| document.slug.clone())
            .collect();
        let dropped_lines = built.iter().map(|document| document.dropped.len()).sum();
        let passages = index::add_documents(&corpus, &built, 256 * 1024 * 1024)?;
        Ok(EvalIndex {
            corpus,
            documents: built.len(),
            passages,
            skipped,
            unsearchable,
            dropped_lines,
        })
    }

    /// The ids of the best `depth` documents for `query`, best first: `search` returns passages,
    /// and a document ranks where its best passage does.
    pub fn rank(
        &self,
        query: &str,
        depth: usize,
        boosts: &FieldBoosts,
    ) -> Result<Vec<String>, EvalError> {
        let mut limit = depth.max(1) * 4;
        loop {
            let request = SearchRequest {
                query: query.to_string(),
                limit,
                plain: true,
                ..SearchRequest::default()
            };
            let results = query::search_with(&self.corpus, &request, boosts)?;
            let mut seen = HashSet::new();
            let ranked: Vec<String> = results
                .hits
                .iter()
                .filter(|hit| seen.insert(hit.doc.as_str()))
                .map(|hit| hit.doc.clone())
                .take(depth)
                .collect();
            if ranked.len() >= depth || results.hits.len() >= results.total {
                return Ok(ranked);
            }
            limit *= 2;
        }
    }
}

/// nDCG@k as trec_eval computes it: gain = grade, discount 1/log2(rank+1), ideal from all the
/// query's judgements. 0 when nothing is relevant.
pub fn ndcg_at(ranked: &[String], relevant: &BTreeMap<String, u32>, k: usize) -> f64 {
    let discount = |rank: usize| 1.0 / ((rank + 1) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(idx, doc)| f64::from(*relevant.get(doc).unwrap_or(&0)) * discount(idx + 1))
        .sum();
    let mut grades: Vec<u32> = relevant.values().copied().filter(|g| *g > 0).collect();
    grades.sort_unstable_by(|a, b| b.cmp(a));
    let ideal: f64 = grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(idx, grade)| f64::from(*grade) * discount(idx + 1))
        .sum();
    if ideal > 0.0 {
        dcg / ideal
    } else {
        0.0
    }
}

/// Recall@k: the share of the query's relevant documents found in the first `k`.
pub fn recall_at(ranked: &[String], relevant: &BTreeMap<String, u32>, k: usize) -> f64 {
    let n_relevant = relevant.values().filter(|g| **g > 0).count();
    if n_relevant == 0 {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(k)
        .filter(|doc| relevant.get(*doc).is_some_and(|g| *g > 0))
        .count();
    found as f64 / n_relevant as f64
}

/// Average precision cut at `k`, as trectools' `get_map(depth=k)` (the CheckThat! scorer):
/// the precision at each relevant document in the first `k`, summed, divided by the number of
/// relevant documents the query has (not by `k`, nor by how many were found).
pub fn average_precision_at(ranked: &[String], relevant: &BTreeMap<String, u32>, k: usize) -> f64 {
    let n_relevant = relevant.values().filter(|g| **g > 0).count();
    if n_relevant == 0 {
        return 0.0;
    }
    let mut found = 0;
    let mut sum = 0.0;
    for (idx, doc) in ranked.iter().take(k).enumerate() {
        if relevant.get(doc).is_some_and(|g| *g > 0) {
            found += 1;
            sum += f64::from(found) / (idx + 1) as f64;
        }
    }
    sum / n_relevant as f64
}

/// The mean of `metric` over the judged queries; a judged query with no run scores 0.
pub fn mean_over_judged(
    runs: &BTreeMap<String, Vec<String>>,
    qrels: &Qrels,
    metric: impl Fn(&[String], &BTreeMap<String, u32>) -> f64,
) -> f64 {
    if qrels.is_empty() {
        return 0.0;
    }
    let total: f64 = qrels
        .iter()
        .map(|(query_id, relevant)| {
            runs.get(query_id)
                .map_or(0.0, |ranked| metric(ranked, relevant))
        })
        .sum();
    total / qrels.len() as f64
}

/// Reads BEIR/TREC qrels: `query doc grade` (tab-separated, optional header) or TREC's
/// `query 0 doc grade`.
pub fn read_qrels(path: &Path) -> Result<Qrels, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|err| EvalError::io(path, err))?;
    let mut qrels = Qrels::new();
    for (idx, line) in text.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let (query_id, doc_id, grade) = match columns.as_slice() {
            [] => continue,
            [query_id, doc_id, grade] | [query_id, _, doc_id, grade] => (query_id, doc_id, grade),
            _ => {
                return Err(EvalError::format(
                    path,
                    idx + 1,
                    "expected `query doc grade` or `query 0 doc grade`",
                ))
            }
        };
        let Ok(grade) = grade.parse::<u32>() else {
            if idx == 0 {
                continue;
            }
            return Err(EvalError::format(
                path,
                idx + 1,
                format!("grade '{grade}' is not a whole number"),
            ));
        };
        qrels
            .entry(query_id.to_string())
            .or_default()
            .insert(doc_id.to_string(), grade);
    }
    Ok(qrels)
}

/// SciFact's corpus, the claims of one split and their judgements.
pub struct SciFact {
    pub documents: Vec<EvalDocument>,
    pub queries: Vec<EvalQuery>,
    pub qrels: Qrels,
}

const SCIFACT_ZIP: &str = "original/scifact-hf-csv.zip";
const SCIFACT_CORPUS: &str = "corpus_train.csv";

impl SciFact {
    /// Loads `original/scifact-hf-csv.zip` (the corpus), `beir/queries.jsonl` and
    /// `beir/qrels/{split}.tsv` from `dir`; only the split's judged claims are kept.
    pub fn load(dir: &Path, split: Split) -> Result<SciFact, EvalError> {
        let qrels = read_qrels(&dir.join(format!("beir/qrels/{split}.tsv")))?;
        let queries = read_beir_queries(&dir.join("beir/queries.jsonl"))?
            .into_iter()
            .filter(|query| qrels.contains_key(&query.id))
            .collect();
        let documents = read_scifact_corpus(&dir.join(SCIFACT_ZIP))?;
        Ok(SciFact {
            documents,
            queries,
            qrels,
        })
    }
}

fn read_beir_queries(path: &Path) -> Result<Vec<EvalQuery>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|err| EvalError::io(path, err))?;
    let mut queries = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|err| EvalError::format(path, idx + 1, err.to_string()))?;
        match (value["_id"].as_str(), value["text"].as_str()) {
            (Some(id), Some(text)) => queries.push(EvalQuery {
                id: id.to_string(),
                text: text.to_string(),
            }),
            _ => {
                return Err(EvalError::format(
                    path,
                    idx + 1,
                    "expected a JSON object with string fields _id and text",
                ))
            }
        }
    }
    Ok(queries)
}

/// The abstracts in the zipped CSV export: `doc_id,title,abstract,...`, the abstract a Python
/// list of sentences, joined with spaces as BEIR's corpus does.
fn read_scifact_corpus(zip_path: &Path) -> Result<Vec<EvalDocument>, EvalError> {
    let zip_error = |source| EvalError::Zip {
        path: zip_path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(zip_path).map_err(|err| EvalError::io(zip_path, err))?;
    let mut archive = zip::ZipArchive::new(file).map_err(zip_error)?;
    let mut csv_bytes = Vec::new();
    archive
        .by_name(SCIFACT_CORPUS)
        .map_err(zip_error)?
        .read_to_end(&mut csv_bytes)
        .map_err(|err| EvalError::io(zip_path, err))?;
    let csv_path = zip_path.join(SCIFACT_CORPUS);
    let csv_error = |source| EvalError::Csv {
        path: csv_path.clone(),
        source,
    };
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers = reader.headers().map_err(csv_error)?.clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            EvalError::format(
                &csv_path,
                1,
                format!("no column '{name}' (have: {headers:?})"),
            )
        })
    };
    let (id_col, title_col, abstract_col) =
        (column("doc_id")?, column("title")?, column("abstract")?);
    let mut documents = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let field = |col: usize| record.get(col).unwrap_or("");
        documents.push(EvalDocument {
            id: field(id_col).to_string(),
            title: field(title_col).to_string(),
            text: python_strings(field(abstract_col)).join(" "),
        });
    }
    Ok(documents)
}

/// The strings in a Python/numpy list repr such as `['a b.'\n "it's"]`, escapes decoded.
pub fn python_strings(repr: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut chars = repr.chars();
    while let Some(open) = chars.next() {
        if open != '\'' && open != '"' {
            continue;
        }
        let mut string = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => string.push('\n'),
                    Some('t') => string.push('\t'),
                    Some('r') => string.push('\r'),
                    Some(kind @ ('x' | 'u' | 'U')) => {
                        let width = match kind {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String = chars.by_ref().take(width).collect();
                        if let Some(decoded) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            string.push(decoded);
                        }
                    }
                    Some(other) => string.push(other),
                    None => break,
                },
                c if c == open => break,
                c => string.push(c),
            }
        }
        strings.push(string);
    }
    strings
}

/// What `claimdex-eval retrieval` prints.
pub struct RetrievalReport {
    pub split: Split,
    pub queries: usize,
    pub documents: usize,
    pub passages: usize,
    pub unsearchable: usize,
    pub dropped_lines: usize,
    pub ndcg_at_10: f64,
    pub recall_at_100: f64,
    pub seconds: f64,
}

/// Indexes SciFact, runs the split's claims and scores them.
pub fn evaluate_scifact(
    dir: &Path,
    split: Split,
    boosts: &FieldBoosts,
) -> Result<RetrievalReport, EvalError> {
    let started = Instant::now();
    let scifact = SciFact::load(dir, split)?;
    let index = EvalIndex::build(dir, &scifact.documents)?;
    let (ndcg_at_10, recall_at_100) = score_scifact(&index, &scifact, boosts)?;
    Ok(RetrievalReport {
        split,
        queries: scifact.queries.len(),
        documents: index.documents,
        passages: index.passages,
        unsearchable: index.unsearchable.len(),
        dropped_lines: index.dropped_lines,
        ndcg_at_10,
        recall_at_100,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// nDCG@10 and Recall@100 of the claims on an indexed SciFact.
pub fn score_scifact(
    index: &EvalIndex,
    scifact: &SciFact,
    boosts: &FieldBoosts,
) -> Result<(f64, f64), EvalError> {
    let mut runs = BTreeMap::new();
    for query in &scifact.queries {
        runs.insert(query.id.clone(), index.rank(&query.text, 100, boosts)?);
    }
    Ok((
        mean_over_judged(&runs, &scifact.qrels, |ranked, relevant| {
            ndcg_at(ranked, relevant, 10)
        }),
        mean_over_judged(&runs, &scifact.qrels, |ranked, relevant| {
            recall_at(ranked, relevant, 100)
        }),
    ))
}

impl fmt::Display for RetrievalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "SciFact {} ({} claims, {} abstracts): nDCG@10 {:.3}  Recall@100 {:.3}",
            self.split, self.queries, self.documents, self.ndcg_at_10, self.recall_at_100
        )?;
        writeln!(
            f,
            "  published BM25 (test): BEIR 0.665; Anserini flat 0.679 (R@100 0.925); Anserini multifield 0.665 (R@100 0.908); PyTerrier 0.684"
        )?;
        write!(
            f,
            "  {} passages indexed; {} abstracts with no searchable passage; {} lines dropped by cleaning; {:.1} s",
            self.passages, self.unsearchable, self.dropped_lines, self.seconds
        )
    }
}

/// One row of a tuning grid: the boosts tried and what they scored on the train claims.
pub struct TuningRow {
    pub boosts: FieldBoosts,
    pub ndcg_at_10: f64,
    pub recall_at_100: f64,
}

/// The field boosts tried by `tune_scifact`: title and as-written text against stemmed text
/// (SciFact has no section headings, so their boost cannot be tuned here).
pub const TITLE_BOOSTS: [f32; 6] = [0.2, 0.4, 0.6, 0.8, 1.0, 1.5];
pub const RAW_BOOSTS: [f32; 4] = [0.0, 0.15, 0.3, 0.6];

/// Scores every pair of `TITLE_BOOSTS` × `RAW_BOOSTS` on the SciFact **train** claims (never
/// test, so the test number stays honest), best nDCG@10 first.
pub fn tune_scifact(dir: &Path) -> Result<Vec<TuningRow>, EvalError> {
    let scifact = SciFact::load(dir, Split::Train)?;
    let index = EvalIndex::build(dir, &scifact.documents)?;
    let mut rows = Vec::new();
    for title in TITLE_BOOSTS {
        for text_raw in RAW_BOOSTS {
            let boosts = FieldBoosts {
                title,
                text_raw,
                ..FieldBoosts::default()
            };
            let (ndcg_at_10, recall_at_100) = score_scifact(&index, &scifact, &boosts)?;
            rows.push(TuningRow {
                boosts,
                ndcg_at_10,
                recall_at_100,
            });
        }
    }
    rows.sort_by(|a, b| b.ndcg_at_10.total_cmp(&a.ndcg_at_10));
    Ok(rows)
}

impl fmt::Display for TuningRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let default = if self.boosts == FieldBoosts::default() {
            "  (current default)"
        } else {
            ""
        };
        write!(
            f,
            "title {:.2}  text_raw {:.2}: nDCG@10 {:.4}  Recall@100 {:.4}{default}",
            self.boosts.title, self.boosts.text_raw, self.ndcg_at_10, self.recall_at_100
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
        pairs
            .iter()
            .map(|(doc, grade)| (doc.to_string(), *grade))
            .collect()
    }

    fn ranking(docs: &[&str]) -> Vec<String> {
        docs.iter().map(|doc| doc.to_string()).collect()
    }

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-6, "{actual} != {expected}");
    }

    #[test]
    fn ndcg_matches_the_hand_computation() {
        // Relevant a and c at ranks 1 and 3: DCG = 1/log2(2) + 1/log2(4) = 1.5;
        // ideal = 1/log2(2) + 1/log2(3) = 1.6309298.
        let relevant = judged(&[("a", 1), ("c", 1)]);
        close(
            ndcg_at(&ranking(&["a", "b", "c", "d"]), &relevant, 3),
            1.5 / 1.630_929_8,
        );
        close(ndcg_at(&ranking(&["a", "b", "c", "d"]), &relevant, 1), 1.0);
        close(ndcg_at(&ranking(&["b", "a"]), &relevant, 1), 0.0);
        // Graded: x (2) at rank 3, y (1) at rank 1: DCG = 1 + 2/2 = 2; ideal = 2 + 1/log2(3).
        let graded = judged(&[("x", 2), ("y", 1)]);
        close(
            ndcg_at(&ranking(&["y", "z", "x"]), &graded, 10),
            2.0 / 2.630_929_8,
        );
        close(ndcg_at(&ranking(&["a"]), &BTreeMap::new(), 10), 0.0);
    }

    #[test]
    fn recall_counts_relevant_documents_found_in_the_cut() {
        let relevant = judged(&[("a", 1), ("c", 1), ("n", 0)]);
        close(recall_at(&ranking(&["a", "b", "c"]), &relevant, 2), 0.5);
        close(recall_at(&ranking(&["a", "b", "c"]), &relevant, 3), 1.0);
        close(recall_at(&ranking(&["n", "b"]), &relevant, 100), 0.0);
    }

    #[test]
    fn average_precision_divides_by_all_relevant_documents() {
        // Relevant at ranks 1 and 3: precisions 1 and 2/3, over 2 relevant documents.
        let relevant = judged(&[("a", 1), ("c", 1)]);
        let run = ranking(&["a", "b", "c"]);
        close(average_precision_at(&run, &relevant, 1), 0.5);
        close(average_precision_at(&run, &relevant, 2), 0.5);
        close(
            average_precision_at(&run, &relevant, 3),
            (1.0 + 2.0 / 3.0) / 2.0,
        );
        // One relevant document of two, at rank 2: (1/2) / 2.
        close(
            average_precision_at(&ranking(&["z", "c", "w"]), &relevant, 3),
            0.25,
        );
    }

    #[test]
    fn the_mean_counts_a_judged_query_without_a_run_as_zero() {
        let qrels: Qrels = [
            ("q1".to_string(), judged(&[("a", 1), ("c", 1)])),
            ("q2".to_string(), judged(&[("c", 1), ("x", 1)])),
            ("q3".to_string(), judged(&[("a", 1)])),
        ]
        .into_iter()
        .collect();
        let runs: BTreeMap<String, Vec<String>> = [
            ("q1".to_string(), ranking(&["a", "b", "c"])),
            ("q2".to_string(), ranking(&["z", "c", "w"])),
            ("unjudged".to_string(), ranking(&["a"])),
        ]
        .into_iter()
        .collect();
        let map3 = mean_over_judged(&runs, &qrels, |run, relevant| {
            average_precision_at(run, relevant, 3)
        });
        close(map3, (5.0 / 6.0 + 0.25 + 0.0) / 3.0);
    }

    #[test]
    fn qrels_read_beir_and_trec_layouts() {
        let dir = tempfile::tempdir().unwrap();
        let beir = dir.path().join("test.tsv");
        std::fs::write(
            &beir,
            "query-id\tcorpus-id\tscore\n1\t31715818\t1\n1\t42\t2\n",
        )
        .unwrap();
        let qrels = read_qrels(&beir).unwrap();
        assert_eq!(qrels["1"], judged(&[("31715818", 1), ("42", 2)]));
        let trec = dir.path().join("pairs.qrels");
        std::fs::write(&trec, "999\t0\t6094\t1\n").unwrap();
        assert_eq!(read_qrels(&trec).unwrap()["999"], judged(&[("6094", 1)]));
        std::fs::write(&trec, "999\t0\t6094\t1\n1000\t0\t6094\tyes\n").unwrap();
        let err = read_qrels(&trec).unwrap_err().to_string();
        assert!(
            err.ends_with("pairs.qrels:2: grade 'yes' is not a whole number"),
            "{err}"
        );
    }

    #[test]
    fn python_list_reprs_become_sentences() {
        let repr = "['Alpha beta.'\n \"it's\" 'say \\'hi\\' \"x\"' 'caf\\xe9']";
        assert_eq!(
            python_strings(repr),
            ["Alpha beta.", "it's", "say 'hi' \"x\"", "café"]
        );
        assert!(python_strings("[]").is_empty());
    }

    #[test]
    fn documents_rank_where_their_best_passage_does() {
        let document = |id: &str, title: &str, text: &str| EvalDocument {
            id: id.into(),
            title: title.into(),
            text: text.into(),
        };
        // A long text becomes several passages; the document must appear once.
        let long = "Vitamin D deficiency raises fracture risk in older adults. ".repeat(40);
        let documents = [
            document("1", "Bone health", &long),
            document(
                "2",
                "Gut flora",
                "Probiotics change the gut microbiome of infants.",
            ),
            document(
                "3",
                "Vitamin D and bones",
                "Supplements of vitamin D were given.",
            ),
        ];
        let index = EvalIndex::build(Path::new("tiny"), &documents).unwrap();
        assert_eq!(index.documents, 3);
        assert!(index.passages > 3, "{}", index.passages);
        let ranked = index
            .rank("vitamin D (fracture) risk?", 10, &FieldBoosts::default())
            .unwrap();
        assert_eq!(ranked, ["1", "3"]);
    }
}
