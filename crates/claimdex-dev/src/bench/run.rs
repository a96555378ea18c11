//! `claimdex-bench run`: for each corpus size, generate (or reuse) the corpus and measure, in one
//! run, claimdex's index build against the plain-tantivy baseline, the figure annotator, warm
//! and cold search (against `rg -c`), re-indexing and index size.

use super::corpus::{generate, GenOptions, GenReport};
use super::measure::{disk_usage, median, percentile, run_measured, Measured};
use super::{format_size, BenchError};
use claimdex::index::CorpusIndex;
use claimdex::query::{search, SearchRequest};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The phrase searched cold by `claimdex search` and by `rg -c`.
pub const COLD_PHRASE: &str = "Chinese nationals";

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub sizes: Vec<u64>,
    pub seed: u64,
    /// Where corpora and indexes go (`corpus-10MB-s1/`, `index-10MB-s1/`, `plain-10MB-s1/`).
    pub work: PathBuf,
    /// The folder holding the `claimdex` and `plain-indexer` binaries.
    pub bin_dir: PathBuf,
    pub scifact: Option<PathBuf>,
    /// How many warm queries to time.
    pub queries: usize,
    /// Bytes of documents the single-core annotator measurement reads (at most).
    pub annotate_sample: u64,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SizeResult {
    pub corpus: GenReport,
    pub passages: usize,
    pub claimdex_index_s: f64,
    pub claimdex_rss: u64,
    pub plain_index_s: f64,
    pub plain_rss: u64,
    pub annotate_mb_s: f64,
    pub figures_per_mb: f64,
    pub query_source: String,
    pub queries: usize,
    pub search_p50_ms: f64,
    pub search_p95_ms: f64,
    pub search_p99_ms: f64,
    pub cold_claimdex_ms: f64,
    /// The same search without `--no-update`, as a user's plain `claimdex search` runs: it
    /// first checks the corpus for changes (a stat per folder while the last full check is
    /// younger than a minute, else a stat per file).
    pub cold_checked_ms: f64,
    /// The same with a stat of every file (`CLAIMDEX_FULL_CHECK_EVERY=0`; what every plain
    /// search did before the quick check).
    pub cold_full_check_ms: f64,
    /// `None` when `rg` is not installed.
    pub cold_rg_ms: Option<f64>,
    /// `claimdex index` with nothing changed (median of three).
    pub reindex_noop_s: f64,
    pub reindex_changed_s: f64,
    pub reindex_deleted_s: f64,
    pub index_bytes: u64,
    pub plain_bytes: u64,
}

impl SizeResult {
    fn mb(&self) -> f64 {
        self.corpus.bytes as f64 / 1e6
    }
}

/// Runs every size in turn; progress lines go to `log`.
pub fn run(options: &RunOptions, log: &mut dyn FnMut(&str)) -> Result<Vec<SizeResult>, BenchError> {
    let claimdex = binary(&options.bin_dir, "claimdex")?;
    let plain = binary(&options.bin_dir, "plain-indexer")?;
    std::fs::create_dir_all(&options.work).map_err(|err| BenchError::io(&options.work, err))?;
    let mut results = Vec::new();
    for &size in &options.sizes {
        let name = format!("{}-s{}", format_size(size), options.seed);
        let size_run = SizeRun {
            options,
            claimdex: &claimdex,
            plain: &plain,
            corpus_dir: options.work.join(format!("corpus-{name}")),
            index_dir: options.work.join(format!("index-{name}")),
            plain_dir: options.work.join(format!("plain-{name}")),
            name,
        };
        results.push(size_run.measure(size, log)?);
    }
    Ok(results)
}

/// One corpus size's run: its folders and the binaries it times.
struct SizeRun<'a> {
    options: &'a RunOptions,
    claimdex: &'a Path,
    plain: &'a Path,
    /// `10MB-s1`: the size and seed, naming the folders and the progress lines.
    name: String,
    corpus_dir: PathBuf,
    index_dir: PathBuf,
    plain_dir: PathBuf,
}

impl SizeRun<'_> {
    /// Generates (or reuses) the corpus, then takes every measure of it.
    fn measure(&self, size: u64, log: &mut dyn FnMut(&str)) -> Result<SizeResult, BenchError> {
        let (name, options) = (&self.name, self.options);
        log(&format!("[{name}] corpus {}", self.corpus_dir.display()));
        let corpus = generate(
            &GenOptions {
                size,
                seed: options.seed,
                out: self.corpus_dir.clone(),
                scifact: options.scifact.clone(),
            },
            log,
        )?;
        let mut result = SizeResult {
            corpus,
            ..SizeResult::default()
        };
        self.build_indexes(&mut result, log)?;

        log(&format!("[{name}] figure annotator, one core"));
        let (annotate_mb_s, figures_per_mb) = annotator_throughput(
            &self.corpus_dir,
            options.annotate_sample.min(result.corpus.bytes),
        );
        result.annotate_mb_s = annotate_mb_s;
        result.figures_per_mb = figures_per_mb;

        self.warm_search(&mut result, log)?;
        self.cold_search(&mut result, log)?;

        log(&format!(
            "[{name}] re-index with nothing changed, after one change, one deletion"
        ));
        let (noop, changed, deleted) =
            reindex_times(self.claimdex, &self.index_dir, &self.corpus_dir)?;
        result.reindex_noop_s = noop;
        result.reindex_changed_s = changed;
        result.reindex_deleted_s = deleted;
        Ok(result)
    }

    /// Times claimdex's index build from scratch and the plain-tantivy one: time, peak memory,
    /// size on disk.
    fn build_indexes(
        &self,
        result: &mut SizeResult,
        log: &mut dyn FnMut(&str),
    ) -> Result<(), BenchError> {
        let name = &self.name;
        log(&format!("[{name}] claimdex index"));
        if self.index_dir.exists() {
            std::fs::remove_dir_all(&self.index_dir)
                .map_err(|err| BenchError::io(&self.index_dir, err))?;
        }
        let built = run_measured(
            Command::new(self.claimdex)
                .arg("--index")
                .arg(&self.index_dir)
                .arg("index")
                .arg(&self.corpus_dir),
            &[],
        )?;
        result.claimdex_index_s = built.seconds;
        result.claimdex_rss = built.peak_rss;
        result.index_bytes = disk_usage(&self.index_dir);

        log(&format!("[{name}] plain-indexer"));
        let Measured { seconds, peak_rss } = run_measured(
            Command::new(self.plain)
                .arg("--out")
                .arg(&self.plain_dir)
                .arg(&self.corpus_dir),
            &[],
        )?;
        result.plain_index_s = seconds;
        result.plain_rss = peak_rss;
        result.plain_bytes = disk_usage(&self.plain_dir);
        Ok(())
    }

    /// Warm search latencies (p50, p95, p99) in this process, on the index just built.
    fn warm_search(
        &self,
        result: &mut SizeResult,
        log: &mut dyn FnMut(&str),
    ) -> Result<(), BenchError> {
        log(&format!(
            "[{}] {} warm queries",
            self.name, self.options.queries
        ));
        let corpus_index = CorpusIndex::open(&self.index_dir)?;
        result.passages = corpus_index.payload.passages;
        let (source, queries) = queries(self.options.scifact.as_deref(), self.options.queries);
        result.query_source = source;
        result.queries = queries.len();
        let mut latencies = warm_latencies(&corpus_index, &queries)?;
        latencies.sort_by(f64::total_cmp);
        result.search_p50_ms = percentile(&latencies, 0.50);
        result.search_p95_ms = percentile(&latencies, 0.95);
        result.search_p99_ms = percentile(&latencies, 0.99);
        Ok(())
    }

    /// Cold searches for `COLD_PHRASE` (medians of five runs): `claimdex search --no-update`,
    /// `claimdex search` with its staleness check, and `rg -c` when it is installed.
    fn cold_search(
        &self,
        result: &mut SizeResult,
        log: &mut dyn FnMut(&str),
    ) -> Result<(), BenchError> {
        log(&format!("[{}] cold search vs rg", self.name));
        let phrase = format!("\"{COLD_PHRASE}\"");
        result.cold_claimdex_ms = median_ms(|| {
            let mut command = Command::new(self.claimdex);
            command
                .arg("--index")
                .arg(&self.index_dir)
                .arg("--no-update")
                .arg("search")
                .arg(&phrase);
            command
        })?;
        // A search as a user types it (with its staleness check), the check every `every`
        // seconds at the most ("0": every file statted).
        let checked_search = |every: Option<&str>| {
            let mut command = Command::new(self.claimdex);
            if let Some(every) = every {
                command.env("CLAIMDEX_FULL_CHECK_EVERY", every);
            }
            command
                .arg("--index")
                .arg(&self.index_dir)
                .arg("search")
                .arg(&phrase);
            command
        };
        result.cold_checked_ms = median_ms(|| checked_search(None))?;
        result.cold_full_check_ms = median_ms(|| checked_search(Some("0")))?;
        result.cold_rg_ms = if rg_available() {
            Some(median_ms(|| {
                let mut command = Command::new("rg");
                command
                    .arg("--no-ignore")
                    .arg("-c")
                    .arg("-F")
                    .arg(COLD_PHRASE)
                    .arg(&self.corpus_dir);
                command
            })?)
        } else {
            log("note: rg (ripgrep) is not installed; the cold-search comparison is skipped (apt-get install ripgrep)");
            None
        };
        Ok(())
    }
}

/// The median wall time, in milliseconds, of five runs of the command `make` builds (exit
/// status 1, nothing found, allowed).
fn median_ms(make: impl Fn() -> Command) -> Result<f64, BenchError> {
    let mut times = Vec::new();
    for _ in 0..5 {
        times.push(run_measured(&mut make(), &[1])?.seconds);
    }
    Ok(median(times) * 1e3)
}

/// The results as a markdown table: one row per measure, one column per size, and the target.
pub fn markdown_table(results: &[SizeResult]) -> String {
    let mut table = SizeTable::new(results);
    corpus_and_index_rows(&mut table);
    search_rows(&mut table);
    reindex_and_size_rows(&mut table);
    table.out
}

/// The benchmark's Markdown table being written.
struct SizeTable<'r> {
    results: &'r [SizeResult],
    out: String,
}

impl<'r> SizeTable<'r> {
    /// The header: one column per size, then the target.
    fn new(results: &'r [SizeResult]) -> SizeTable<'r> {
        let mut out = String::from("| measure |");
        for result in results {
            out.push_str(&format!(" {} |", format_size(result.corpus.size)));
        }
        out.push_str(" target |\n|---|");
        out.push_str(&"---:|".repeat(results.len()));
        out.push_str("---|\n");
        SizeTable { results, out }
    }

    /// One measure: its name, `cell` of each size's result, its target.
    fn row(&mut self, name: &str, target: &str, cell: &dyn Fn(&SizeResult) -> String) {
        self.out.push_str(&format!("| {name} |"));
        for result in self.results {
            self.out.push_str(&format!(" {} |", cell(result)));
        }
        self.out.push_str(&format!(" {target} |\n"));
    }
}

/// Megabytes, rounded.
fn mib(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

/// The corpus, then claimdex's and plain tantivy's index builds and the figure annotator.
fn corpus_and_index_rows(table: &mut SizeTable) {
    table.row("corpus: files (txt/html/md/pdf)", "", &|r| {
        format!(
            "{} ({}/{}/{}/{})",
            r.corpus.files, r.corpus.text, r.corpus.html, r.corpus.markdown, r.corpus.pdf
        )
    });
    table.row("corpus: bytes, passages", "", &|r| {
        format!("{:.1} MB, {}", r.mb(), r.passages)
    });
    table.row("claimdex index: time", "", &|r| {
        format!("{:.2} s", r.claimdex_index_s)
    });
    table.row("claimdex index: throughput", "", &|r| {
        format!("{:.2} MB/s", r.mb() / r.claimdex_index_s)
    });
    table.row("claimdex index: peak RSS", "≤ 1 GB", &|r| {
        mib(r.claimdex_rss)
    });
    table.row("plain tantivy: time", "", &|r| {
        format!("{:.2} s", r.plain_index_s)
    });
    table.row("plain tantivy: throughput", "", &|r| {
        format!("{:.2} MB/s", r.mb() / r.plain_index_s)
    });
    table.row("plain tantivy: peak RSS", "", &|r| mib(r.plain_rss));
    table.row("**claimdex / plain throughput**", "≥ 0.5×", &|r| {
        format!("**{:.2}×**", r.plain_index_s / r.claimdex_index_s)
    });
    table.row("figure annotator, one core", "", &|r| {
        format!(
            "{:.2} MB/s ({:.0} figures/MB)",
            r.annotate_mb_s, r.figures_per_mb
        )
    });
}

/// Warm search latencies, then cold search against `rg`.
fn search_rows(table: &mut SizeTable) {
    table.row("search p50 / p95 / p99, warm", "p95 ≤ 10 ms", &|r| {
        format!(
            "{:.2} / {:.2} / {:.2} ms",
            r.search_p50_ms, r.search_p95_ms, r.search_p99_ms
        )
    });
    table.row(
        &format!("cold `claimdex search` / `rg -c` \"{COLD_PHRASE}\""),
        "",
        &|r| match r.cold_rg_ms {
            Some(rg) => format!("{:.0} ms / {:.0} ms", r.cold_claimdex_ms, rg),
            None => format!("{:.0} ms / rg not installed", r.cold_claimdex_ms),
        },
    );
    table.row(
        "cold `claimdex search` with its staleness check (no `--no-update`: folders, every file each minute)",
        "≥ 10×",
        &|r| against_rg(r.cold_checked_ms, r.cold_rg_ms),
    );
    table.row(
        "cold `claimdex search`, every file statted (`CLAIMDEX_FULL_CHECK_EVERY=0`)",
        "",
        &|r| against_rg(r.cold_full_check_ms, r.cold_rg_ms),
    );
    table.row(
        "**rg time / claimdex time**",
        "≥ 10×",
        &|r| match r.cold_rg_ms {
            Some(rg) => format!("**{:.1}×**", rg / r.cold_claimdex_ms),
            None => "n/a".into(),
        },
    );
}

/// Re-indexing after a change and a deletion, and the index's size.
fn reindex_and_size_rows(table: &mut SizeTable) {
    table.row("re-index, nothing changed", "≤ 0.3 s", &|r| {
        format!("{:.2} s", r.reindex_noop_s)
    });
    table.row("re-index, one file changed", "≤ 0.5 s", &|r| {
        format!("{:.2} s", r.reindex_changed_s)
    });
    table.row("re-index, one file deleted", "", &|r| {
        format!("{:.2} s", r.reindex_deleted_s)
    });
    table.row("index size / corpus size", "", &|r| {
        format!(
            "{:.2} (plain {:.2})",
            r.index_bytes as f64 / r.corpus.bytes as f64,
            r.plain_bytes as f64 / r.corpus.bytes as f64
        )
    });
}

fn binary(bin_dir: &Path, name: &str) -> Result<PathBuf, BenchError> {
    let path = bin_dir.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(BenchError::Other(format!(
            "{}: not found; build the binaries first (cargo build --release --workspace --bins) or pass --bin-dir",
            path.display()
        )))
    }
}

fn rg_available() -> bool {
    Command::new("rg")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Single-core figure annotation speed over the first `sample` bytes of the corpus: MB of
/// document text per second, and figures found per MB. Reading and segmenting are not timed.
fn annotator_throughput(corpus_dir: &Path, sample: u64) -> (f64, f64) {
    let (files, _) = claimdex::ingest::discover(&[corpus_dir.to_path_buf()]);
    let mut documents = Vec::new();
    let mut bytes = 0u64;
    for path in files {
        if bytes >= sample {
            break;
        }
        let Ok(raw_bytes) = claimdex::ingest::read_bytes(&path) else {
            continue;
        };
        let Ok((raw, _)) = claimdex::ingest::read(&path, raw_bytes) else {
            continue;
        };
        let document = claimdex::text::build_document(raw, String::new(), None);
        bytes += document.raw.len() as u64;
        documents.push(document);
    }
    let started = Instant::now();
    let n_figures: usize = documents
        .iter()
        .map(|document| {
            claimdex::figures::annotate_document(document)
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        })
        .sum();
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    (mb / seconds, n_figures as f64 / mb.max(1e-9))
}

/// The warm-search measure alone, on an existing index (for profiling): `(query source,
/// latencies in ms sorted ascending)`.
pub fn warm_search(
    index_dir: &Path,
    scifact: Option<&Path>,
    n: usize,
) -> Result<(String, Vec<f64>), BenchError> {
    let corpus_index = CorpusIndex::open(index_dir)?;
    let (source, queries) = queries(scifact, n);
    let mut latencies = warm_latencies(&corpus_index, &queries)?;
    latencies.sort_by(f64::total_cmp);
    Ok((source, latencies))
}

/// The warm queries: SciFact claims when the folder has them, else sentences of the corpus.
fn queries(scifact: Option<&Path>, n: usize) -> (String, Vec<String>) {
    if let Some(dir) = scifact {
        let path = dir.join("beir/queries.jsonl");
        if let Ok(text) = std::fs::read_to_string(&path) {
            let claims: Vec<String> = text
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|value| value.get("text")?.as_str().map(str::to_string))
                .collect();
            if !claims.is_empty() {
                let queries = claims.iter().cycle().take(n).cloned().collect();
                return (format!("SciFact claims ({})", claims.len()), queries);
            }
        }
    }
    let sentences = super::corpus::bundled_sentences();
    let queries = sentences
        .iter()
        .cycle()
        .take(n)
        .map(|sentence| {
            sentence
                .split_whitespace()
                .take(10)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    ("bundled sentences (10 words)".into(), queries)
}

/// Latency in milliseconds of each query through `claimdex::query::search` (plain words, top
/// 10), after a warm-up pass over the first 100.
fn warm_latencies(corpus: &CorpusIndex, queries: &[String]) -> Result<Vec<f64>, BenchError> {
    let request = |query: &str| SearchRequest {
        query: query.to_string(),
        limit: 10,
        plain: true,
        ..SearchRequest::default()
    };
    for query in queries.iter().take(100) {
        search(corpus, &request(query))?;
    }
    let mut latencies = Vec::with_capacity(queries.len());
    for query in queries {
        let request = request(query);
        let started = Instant::now();
        search(corpus, &request)?;
        latencies.push(started.elapsed().as_secs_f64() * 1e3);
    }
    Ok(latencies)
}

/// Seconds `claimdex index` takes with nothing changed (median of three), after one file
/// changed, then after another was deleted. Both files are put back afterwards (the index is
/// then stale, which the next run's rebuild fixes).
fn reindex_times(
    claimdex: &Path,
    index_dir: &Path,
    corpus_dir: &Path,
) -> Result<(f64, f64, f64), BenchError> {
    let (files, _) = claimdex::ingest::discover(&[corpus_dir.to_path_buf()]);
    let mut texts = files
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"));
    let (Some(changed), Some(deleted)) = (texts.next().cloned(), texts.next().cloned()) else {
        return Err(BenchError::Other(format!(
            "{}: needs two .txt files for the re-index measure",
            corpus_dir.display()
        )));
    };
    let changed_text = std::fs::read(&changed).map_err(|err| BenchError::io(&changed, err))?;
    let deleted_text = std::fs::read(&deleted).map_err(|err| BenchError::io(&deleted, err))?;
    let reindex = || {
        run_measured(
            Command::new(claimdex)
                .arg("--index")
                .arg(index_dir)
                .arg("index")
                .arg(corpus_dir),
            &[],
        )
    };
    let mut noop = Vec::new();
    for _ in 0..3 {
        noop.push(reindex()?.seconds);
    }
    let mut edited = changed_text.clone();
    edited.extend_from_slice(b"\n\nAn added paragraph: 1,234 people crossed in 2024.\n");
    std::fs::write(&changed, &edited).map_err(|err| BenchError::io(&changed, err))?;
    let changed_result = reindex();
    std::fs::remove_file(&deleted).map_err(|err| BenchError::io(&deleted, err))?;
    let deleted_result = reindex();
    std::fs::write(&changed, &changed_text).map_err(|err| BenchError::io(&changed, err))?;
    std::fs::write(&deleted, &deleted_text).map_err(|err| BenchError::io(&deleted, err))?;
    Ok((
        median(noop),
        changed_result?.seconds,
        deleted_result?.seconds,
    ))
}

/// A search time with how many times faster than `rg` it is, when rg was measured.
fn against_rg(ms: f64, rg_ms: Option<f64>) -> String {
    match rg_ms {
        Some(rg) => format!("{ms:.0} ms ({:.1}× faster than rg)", rg / ms),
        None => format!("{ms:.0} ms"),
    }
}
