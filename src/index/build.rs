//! Building and updating the index: discover files, skip unchanged ones (size, mtime, then
//! content hash), read, clean and segment changed ones on worker threads, write passages, and
//! commit the passages and the manifest in one atomic tantivy commit (the manifest's new records
//! are written first; the commit's payload names the file and its length).
//!
//! Invariant: a run that fails or is killed leaves the last committed index as it was. A run
//! that finds nothing changed writes nothing and commits nothing.

use super::manifest::{self, Changes, StatDigest, Totals};
use super::merge::{BoundedMergePolicy, MAX_MERGE_DOCS};
use super::schema::{KIND_DOCUMENT, KIND_PASSAGE};
use super::{
    Anchor, CorpusIndex, Fields, FileEntry, IndexError, IndexManifest, Payload, SCHEMA_VERSION,
};
use crate::annotate::{annotate, Annotated};
use crate::claims::{Claim, ClaimRules};
use crate::diagnostic::{Diagnostic, Severity};
use crate::figures::FigureRecord;
use crate::ingest::walk::stat;
use crate::ingest::{self, CorpusMeta};
use crate::model::{Document, Metadata, Passage};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, SystemTime};
use tantivy::indexer::IndexWriterOptions;
use tantivy::{doc, IndexWriter, TantivyDocument, Term};

/// The folder indexed when no path is given and the index has no roots yet.
pub const DEFAULT_CORPUS: &str = "corpus";

#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Files and folders to index; empty means the roots of the last run, or `corpus/`.
    pub paths: Vec<PathBuf>,
    pub rebuild: bool,
    pub threads: usize,
    /// The tantivy writer's memory budget (bounded memory however large the corpus).
    pub heap_bytes: usize,
}

impl Default for IndexOptions {
    fn default() -> IndexOptions {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        IndexOptions {
            paths: Vec::new(),
            rebuild: false,
            threads,
            heap_bytes: 128 * 1024 * 1024,
        }
    }
}

/// Receives progress events; the binary draws a progress bar, tests pass `()`.
pub trait Progress: Sync {
    fn start(&self, _files: usize, _bytes: u64) {}
    fn advance(&self, _bytes: u64, _path: &Path) {}
    fn finish(&self) {}
}

impl Progress for () {}

#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexReport {
    pub documents: usize,
    pub passages: usize,
    pub sentences: usize,
    pub bytes: u64,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub seconds: f64,
    pub diagnostics: Vec<Diagnostic>,
}

impl IndexReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// What the `document` record's `data` field holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentData {
    /// The document's title (its slug when it has none). Stored here rather than in the
    /// `title` field, which only passages index, so a text query never matches a document
    /// record and `search` needs no `kind` filter (which made tantivy score every match).
    pub title: String,
    pub format: crate::model::FileFormat,
    pub byline: Option<String>,
    pub hash: String,
    pub headings: Vec<(crate::span::Span, usize)>,
    pub dropped: Vec<crate::model::Dropped>,
}

/// What a `passage` record's `data` field holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PassageData {
    pub sentences: Vec<crate::model::Sentence>,
    #[serde(default)]
    pub figures: Vec<FigureRecord>,
    /// Topic ids of the passage.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The claims of the passage, with their sources and check-worthiness.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// As stored (see `compact`): per claim, the positions of its figures in `figures`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claim_figures: Vec<Vec<usize>>,
}

impl PassageData {
    /// Drops from each claim what it repeats from its passage, to store it once: figures
    /// (kept as positions in `figures`), topics, document slug and path. `expand` puts them
    /// back. Figures were half of the stored JSON, and each claim stored its own copies.
    pub fn compact(&mut self, doc: &str, path: &str) {
        let figures = &self.figures;
        self.claim_figures = self
            .claims
            .iter_mut()
            .map(|claim| {
                let positions: Option<Vec<usize>> = claim
                    .figures
                    .iter()
                    .map(|figure| figures.iter().position(|candidate| candidate == figure))
                    .collect();
                match positions {
                    Some(positions) if !positions.is_empty() => {
                        claim.figures.clear();
                        positions
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
        if self.claim_figures.iter().all(Vec::is_empty) {
            self.claim_figures.clear();
        }
        for claim in &mut self.claims {
            if claim.topics == self.topics {
                claim.topics.clear();
            }
            if claim.doc == doc {
                claim.doc.clear();
            }
            if claim.path == path {
                claim.path.clear();
            }
        }
    }

    /// Undoes `compact`, given the slug and path of the passage's document.
    pub fn expand(&mut self, doc: &str, path: &str) {
        let positions = std::mem::take(&mut self.claim_figures);
        for (idx, claim) in self.claims.iter_mut().enumerate() {
            if let Some(positions) = positions.get(idx).filter(|p| !p.is_empty()) {
                claim.figures = positions
                    .iter()
                    .filter_map(|position| self.figures.get(*position).cloned())
                    .collect();
            }
            if claim.topics.is_empty() {
                claim.topics.clone_from(&self.topics);
            }
            if claim.doc.is_empty() {
                claim.doc = doc.to_string();
            }
            if claim.path.is_empty() {
                claim.path = path.to_string();
            }
        }
    }
}

struct Job {
    /// The path as stored (relative to the index's base, see `Anchor`).
    path: PathBuf,
    /// The path this process opens.
    opened: PathBuf,
    slug: String,
    meta: Option<Metadata>,
    previous_hash: Option<String>,
    size: u64,
    mtime_ns: u128,
}

enum Outcome {
    /// The file's tantivy records (its document record, then one per passage), built on the
    /// worker thread so the thread feeding the writer only hands them over.
    Indexed(Vec<TantivyDocument>, FileEntry, Vec<Diagnostic>),
    Unchanged(FileEntry),
    Skipped(Vec<Diagnostic>),
}

/// Brings the index at `root` up to date with the files under `options.paths`.
pub fn update(
    root: &Path,
    options: &IndexOptions,
    progress: &dyn Progress,
) -> Result<IndexReport, IndexError> {
    let started = Instant::now();
    let mut corpus = CorpusIndex::open_or_create(root, options.rebuild)?;
    let writer = open_writer(&corpus, options.threads, options.heap_bytes)?;
    // Read again under the writer lock: a run that committed since the index was opened is
    // seen, and the manifest log is appended to at the length its last commit wrote.
    corpus.payload = super::read_payload(root, &corpus.index)?;
    let mut diagnostics = Vec::new();
    let mut inputs = scan(
        &options.paths,
        &corpus.payload.roots,
        &corpus.anchor,
        &mut diagnostics,
    );
    if let Some(mut report) = unchanged_since_commit(&corpus, &inputs, options.rebuild) {
        report.diagnostics = diagnostics;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    inputs.store_paths(&corpus.anchor);
    let mut manifest = super::read_manifest(root, &corpus.payload)?;
    // An old manifest of another version is written whole on the next commit.
    let whole = options.rebuild || manifest.schema_version != SCHEMA_VERSION;
    manifest.schema_version = SCHEMA_VERSION;
    let mut run = Run {
        root,
        corpus: &corpus,
        writer,
        manifest,
        changes: Changes::default(),
        report: IndexReport {
            diagnostics,
            ..IndexReport::default()
        },
    };
    let jobs = run.plan_jobs(&inputs, options.rebuild);
    run.index(&jobs, &inputs.rules, options.threads, progress)?;
    run.report.unchanged += inputs.files.len().saturating_sub(jobs.len());
    let mut report = run.commit(&inputs, whole)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The report of a run that finds every file as the last commit left it, made without reading
/// the manifest (26 MB at 118,512 files): `None` unless that commit recorded its totals, was
/// made by these annotators, covers exactly this run's roots, and the walk's files (no more
/// than it indexed: a skipped file is read again, to report it) and rule files have the stat
/// digest it recorded. Otherwise the manifest decides, file by file.
fn unchanged_since_commit(
    corpus: &CorpusIndex,
    inputs: &Inputs,
    rebuild: bool,
) -> Option<IndexReport> {
    let payload = &corpus.payload;
    let totals = payload.totals.as_ref()?;
    if rebuild || payload.annotator != env!("CLAIMDEX_ANNOTATOR_FINGERPRINT") {
        return None;
    }
    let roots: BTreeSet<&PathBuf> = inputs.roots.iter().collect();
    if !roots.iter().copied().eq(payload.roots.iter()) || inputs.walked.len() != totals.documents {
        return None;
    }
    let mut digest = StatDigest::default();
    let mut file_stats = inputs.walked.iter().map(|(_, stat)| *stat);
    corpus
        .anchor
        .for_each_unresolved(inputs.walked.iter().map(|(path, _)| path), |path| {
            digest.add(path, file_stats.next().flatten())
        });
    add_meta_files(&mut digest, &payload.roots, &corpus.anchor);
    if digest.finish() != payload.stat_digest {
        return None;
    }
    Some(IndexReport {
        documents: totals.documents,
        passages: totals.passages,
        sentences: totals.sentences,
        bytes: totals.bytes,
        unchanged: totals.documents,
        ..IndexReport::default()
    })
}

/// What an update works from: its roots (stored form), the files under them (stored form,
/// sorted) with their stats, the folders walked (as opened) with theirs and when the walk
/// started, their `corpus.toml` metadata and the claim rules.
struct Inputs {
    roots: Vec<PathBuf>,
    /// The walk's files as opened, until `store_paths` turns them into `files`.
    walked: Vec<(PathBuf, ingest::Stat)>,
    files: Vec<PathBuf>,
    file_stats: Vec<ingest::Stat>,
    folders: Vec<(PathBuf, ingest::Stat)>,
    walked_at: SystemTime,
    /// `None` when no `corpus.toml` names a document (most corpora): no lookup per file then.
    corpus_meta: Option<CorpusMeta>,
    rules: ClaimRules,
}

impl Inputs {
    /// Turns the walked paths into stored ones (`files`, `file_stats`), which a run that
    /// updates the index needs and a no-op does not.
    fn store_paths(&mut self, anchor: &Anchor) {
        let walked = std::mem::take(&mut self.walked);
        self.files = anchor.unresolve_each(walked.iter().map(|(path, _)| path));
        self.file_stats = walked.into_iter().map(|(_, stat)| stat).collect();
    }
}

/// Walks the roots of this run and loads their metadata and claim rules, adding what went
/// wrong to `diagnostics`.
fn scan(
    paths: &[PathBuf],
    known_roots: &[PathBuf],
    anchor: &Anchor,
    diagnostics: &mut Vec<Diagnostic>,
) -> Inputs {
    // Roots and files are kept in their stored form (`Anchor`) and opened through the anchor,
    // so an index answers the same from any folder.
    let roots = resolve_roots(paths, known_roots, anchor);
    let opened_roots: Vec<PathBuf> = roots.iter().map(|root| anchor.resolve(root)).collect();
    let walked_at = SystemTime::now();
    let walk = ingest::walk::walk(&opened_roots);
    diagnostics.extend(walk.diagnostics);
    let (corpus_meta, meta_diagnostics) = CorpusMeta::load(&opened_roots);
    // Counted as they are rekeyed: `CorpusMeta::get` builds a normalised copy of every path it
    // is asked about (3% of a one-file re-index at 118,512 files), for nothing when it holds
    // no entry.
    let n_entries = std::cell::Cell::new(0usize);
    let corpus_meta = corpus_meta.rekey(|path| {
        n_entries.set(n_entries.get() + 1);
        anchor.unresolve(path)
    });
    let corpus_meta = (n_entries.get() > 0).then_some(corpus_meta);
    diagnostics.extend(meta_diagnostics);
    // The claim rules come from every root the index knows, as `claims`, `sources` and `topics` read them.
    let rule_roots: Vec<PathBuf> = rule_roots(&roots, known_roots)
        .iter()
        .map(|root| anchor.resolve(root))
        .collect();
    let (rules, rule_diagnostics) = ClaimRules::load(&rule_roots);
    diagnostics.extend(rule_diagnostics);
    Inputs {
        roots,
        walked: walk.files,
        files: Vec::new(),
        file_stats: Vec::new(),
        folders: walk.folders,
        walked_at,
        corpus_meta,
        rules,
    }
}

/// One update in progress: the open writer, the manifest it updates (and which of its entries
/// changed) and the report it fills.
struct Run<'a> {
    root: &'a Path,
    corpus: &'a CorpusIndex,
    writer: IndexWriter<TantivyDocument>,
    manifest: IndexManifest,
    changes: Changes,
    report: IndexReport,
}

impl Run<'_> {
    /// The files to read (new, changed, or all on `rebuild`); files gone from a root that still
    /// exists leave the index and the manifest.
    fn plan_jobs(&mut self, inputs: &Inputs, rebuild: bool) -> Vec<Job> {
        let anchor = &self.corpus.anchor;
        // Files that vanished from a root that still exists are removed; a missing root removes nothing.
        let live_roots: Vec<&PathBuf> = inputs
            .roots
            .iter()
            .filter(|root| anchor.resolve(root).exists())
            .collect();
        let (previous, unmatched) = join(&inputs.files, &self.manifest);
        let removed: Vec<PathBuf> = unmatched
            .into_iter()
            .filter(|path| live_roots.iter().any(|root| path.starts_with(root)))
            .cloned()
            .collect();
        let mut jobs = plan(
            &inputs.files,
            &inputs.file_stats,
            &previous,
            &self.manifest,
            inputs.corpus_meta.as_ref(),
            inputs.rules.fingerprint(),
            rebuild,
        );
        for job in &mut jobs {
            job.opened = anchor.resolve(&job.path);
        }
        self.remove(&removed);
        jobs
    }

    /// Deletes the records and manifest entries of files that are gone.
    fn remove(&mut self, removed: &[PathBuf]) {
        for path in removed {
            self.writer.delete_term(Term::from_field_text(
                self.corpus.fields.path,
                &path.to_string_lossy(),
            ));
            if self.manifest.files.remove(path).is_some() {
                self.changes.paths.insert(path.clone());
            }
        }
        self.report.removed = removed.len();
    }

    /// Reads, annotates and builds the records of `jobs` on `threads` workers, applying each
    /// outcome as it arrives (a bounded channel keeps memory bounded).
    fn index(
        &mut self,
        jobs: &[Job],
        rules: &ClaimRules,
        threads: usize,
        progress: &dyn Progress,
    ) -> Result<(), IndexError> {
        let total_bytes: u64 = jobs.iter().map(|job| job.size).sum();
        progress.start(jobs.len(), total_bytes);
        let next = AtomicUsize::new(0);
        let (sender, receiver) =
            std::sync::mpsc::sync_channel::<(usize, Outcome)>(threads.max(1) * 2);
        let write_result = std::thread::scope(|scope| -> Result<(), IndexError> {
            let fields = self.corpus.fields;
            for _ in 0..threads.max(1) {
                let sender = sender.clone();
                let next = &next;
                scope.spawn(move || loop {
                    let idx = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(idx) else { break };
                    if sender.send((idx, process(job, &fields, rules))).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            for (idx, outcome) in receiver {
                let job = &jobs[idx];
                progress.advance(job.size, &job.path);
                self.apply(job, outcome)?;
            }
            Ok(())
        });
        progress.finish();
        write_result
    }

    /// Records one file's outcome: its new records (replacing its old ones), its unchanged entry
    /// (keeping its counts), or why it was skipped.
    fn apply(&mut self, job: &Job, outcome: Outcome) -> Result<(), IndexError> {
        match outcome {
            Outcome::Unchanged(mut entry) => {
                if let Some(previous) = self.manifest.files.get(&job.path) {
                    entry.passages = previous.passages;
                    entry.sentences = previous.sentences;
                }
                self.report.unchanged += 1;
                self.put(&job.path, entry);
            }
            Outcome::Skipped(diagnostics) => {
                self.report.skipped += 1;
                self.report.diagnostics.extend(diagnostics);
            }
            Outcome::Indexed(records, entry, diagnostics) => {
                self.report.diagnostics.extend(diagnostics);
                let path_term =
                    Term::from_field_text(self.corpus.fields.path, &job.path.to_string_lossy());
                if job.previous_hash.is_some() {
                    self.writer.delete_term(path_term);
                    self.report.updated += 1;
                } else {
                    self.report.added += 1;
                }
                for record in records {
                    self.writer
                        .add_document(record)
                        .map_err(|err| IndexError::tantivy(self.root, err))?;
                }
                self.put(&job.path, entry);
            }
        }
        Ok(())
    }

    /// Sets a file's manifest entry, noting the file as changed when the entry differs.
    fn put(&mut self, path: &Path, entry: FileEntry) {
        if self.manifest.files.get(path) != Some(&entry) {
            self.manifest.files.insert(path.to_path_buf(), entry);
            self.changes.paths.insert(path.to_path_buf());
        }
    }

    /// Adds this run's existing roots to the manifest, counts the totals and commits, unless
    /// nothing changed: a no-op run writes nothing and commits nothing (the writer is dropped
    /// with nothing added). With `whole` (a rebuild, an older manifest version) the manifest is
    /// written whole; otherwise only its changed entries are appended.
    fn commit(mut self, inputs: &Inputs, whole: bool) -> Result<IndexReport, IndexError> {
        let anchor = &self.corpus.anchor;
        let mut all_roots: BTreeSet<PathBuf> = self.manifest.roots.iter().cloned().collect();
        all_roots.extend(
            inputs
                .roots
                .iter()
                .filter(|root| anchor.resolve(root).exists())
                .cloned(),
        );
        let all_roots: Vec<PathBuf> = all_roots.into_iter().collect();
        if all_roots != self.manifest.roots {
            self.manifest.roots = all_roots;
            self.changes.roots = true;
        }
        let stat_digest = commit_digest(&self.manifest, &inputs.files, &inputs.file_stats, anchor);
        self.report.count(&self.manifest);
        let report = &self.report;
        let previous = &self.corpus.payload;
        let nothing_changed = !whole
            && report.added + report.updated + report.removed == 0
            && stat_digest == previous.stat_digest
            && self.changes.is_empty()
            && !previous.manifest.is_empty();
        if nothing_changed {
            return Ok(self.report);
        }
        let written = manifest::write(self.root, previous, &self.manifest, &self.changes, whole)?;
        let totals = Totals {
            documents: self.report.documents,
            passages: self.report.passages,
            sentences: self.report.sentences,
            bytes: self.report.bytes,
        };
        commit_with_manifest(
            self.root,
            self.writer,
            &self.manifest,
            written,
            &stat_digest,
            totals,
        )?;
        // This run's walk was a full check of every root: a search need not repeat it soon.
        let walked_every_root = self
            .manifest
            .roots
            .iter()
            .all(|root| inputs.roots.contains(root));
        if walked_every_root {
            let watched =
                super::fresh::watched(anchor, self.root, &self.manifest.roots, &inputs.folders);
            super::fresh::save(self.root, &stat_digest, inputs.walked_at, watched);
        }
        Ok(self.report)
    }
}

impl IndexReport {
    /// The index's totals after this run, from its manifest.
    fn count(&mut self, manifest: &IndexManifest) {
        self.documents = manifest.files.len();
        self.passages = manifest.files.values().map(|entry| entry.passages).sum();
        self.sentences = manifest.files.values().map(|entry| entry.sentences).sum();
        self.bytes = manifest.files.values().map(|entry| entry.size).sum();
    }
}

/// Commits the writer with a payload naming the manifest just written (`written`), then
/// deletes the older manifests and waits for the merges.
fn commit_with_manifest(
    root: &Path,
    mut writer: IndexWriter<TantivyDocument>,
    manifest: &IndexManifest,
    written: manifest::Written,
    stat_digest: &str,
    totals: Totals,
) -> Result<(), IndexError> {
    let manifest_name = written.name;
    let payload = Payload {
        manifest: manifest_name.clone(),
        manifest_len: written.len,
        manifest_records: written.records,
        roots: manifest.roots.clone(),
        stat_digest: stat_digest.to_string(),
        passages: manifest.files.values().map(|entry| entry.passages).sum(),
        totals: Some(totals),
        annotator: env!("CLAIMDEX_ANNOTATOR_FINGERPRINT").to_string(),
    };
    let mut prepared = writer
        .prepare_commit()
        .map_err(|err| IndexError::tantivy(root, err))?;
    prepared.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
    prepared
        .commit()
        .map_err(|err| IndexError::tantivy(root, err))?;
    // Only now that the commit names the new manifest may the older ones go.
    manifest::remove_others(root, &manifest_name);
    writer
        .wait_merging_threads()
        .map_err(|err| IndexError::tantivy(root, err))?;
    Ok(())
}

/// Writes documents that are already read, cleaned and segmented (an evaluation collection held
/// in memory, say) to `corpus` in one commit, through the same `records` as `update`, so
/// they are indexed exactly as files are. Returns the number of passages written.
pub fn add_documents(
    corpus: &CorpusIndex,
    documents: &[Document],
    heap_bytes: usize,
) -> Result<usize, IndexError> {
    let mut writer = open_writer(corpus, 1, heap_bytes)?;
    let mut n_passages = 0;
    for document in documents {
        let hash = blake3::hash(document.raw.as_bytes()).to_hex().to_string();
        let records = records(
            &corpus.fields,
            annotate(document.clone(), ClaimRules::builtin()),
            &hash,
        );
        // One document record, then one per passage.
        n_passages += records.len().saturating_sub(1);
        for record in records {
            writer
                .add_document(record)
                .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
        }
    }
    writer
        .commit()
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    writer
        .wait_merging_threads()
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    Ok(n_passages)
}

/// The one way claimdex opens a tantivy writer: at most 8 threads, a fixed memory budget, one
/// merge at a time, of bounded size (`merge`).
fn open_writer(
    corpus: &CorpusIndex,
    threads: usize,
    heap_bytes: usize,
) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    let threads = threads.clamp(1, 8);
    // One merge at a time: each maps its segments (resident memory), so concurrent merges
    // would multiply `MAX_MERGE_DOCS`' bound.
    let options = IndexWriterOptions::builder()
        .num_worker_threads(threads)
        .memory_budget_per_thread(heap_bytes.max(15_000_000) / threads)
        .num_merge_threads(1)
        .build();
    let writer = corpus
        .index
        .writer_with_options(options)
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    writer.set_merge_policy(Box::new(BoundedMergePolicy::new(MAX_MERGE_DOCS)));
    Ok(writer)
}

/// The stat digest `is_stale` will compute if nothing changes after this commit: the files
/// walked in this run with the stats they were planned with, the manifest's other files (under
/// roots not walked this time) with the stats they were indexed with, then `corpus.toml` files.
fn commit_digest(
    manifest: &IndexManifest,
    files: &[PathBuf],
    file_stats: &[ingest::Stat],
    anchor: &Anchor,
) -> String {
    // Both lists are sorted by path: merge them, the walk's stat winning.
    let mut digest = StatDigest::default();
    let mut entries = manifest.files.iter().peekable();
    for (path, file_stat) in files.iter().zip(file_stats) {
        while let Some((entry_path, entry)) =
            entries.next_if(|(entry_path, _)| path_order(entry_path, path).is_lt())
        {
            digest.add(entry_path, Some((entry.size, entry.mtime_ns)));
        }
        entries.next_if(|(entry_path, _)| path_order(entry_path, path).is_eq());
        digest.add(path, *file_stat);
    }
    for (entry_path, entry) in entries {
        digest.add(entry_path, Some((entry.size, entry.mtime_ns)));
    }
    add_meta_files(&mut digest, &manifest.roots, anchor);
    digest.finish()
}

/// Adds the stats of every root's `corpus.toml` and rule files (`sources.toml`, `topics.toml`),
/// so editing one of them makes the index stale. `roots` are stored paths; the digest holds
/// stored paths and the stats of the files they open to.
pub(super) fn add_meta_files(digest: &mut StatDigest, roots: &[PathBuf], anchor: &Anchor) {
    for root in roots {
        for meta in meta_file_paths(root) {
            digest.add(&meta, stat(&anchor.resolve(&meta)));
        }
    }
}

/// The per-folder files that change how its documents are annotated: `corpus.toml` and the
/// rule files (`sources.toml`, `topics.toml`).
pub(super) fn meta_file_paths(root: &Path) -> Vec<PathBuf> {
    std::iter::once(ingest::meta::FILE_NAME)
        .chain(ClaimRules::file_names())
        .map(|name| root.join(name))
        .collect()
}

/// The roots whose rule files apply: the index's known roots and the ones given now.
fn rule_roots(roots: &[PathBuf], known_roots: &[PathBuf]) -> Vec<PathBuf> {
    let all: BTreeSet<PathBuf> = known_roots.iter().chain(roots).cloned().collect();
    all.into_iter().collect()
}

/// The roots of this run in stored form: the paths given (relative to the working directory),
/// else the index's own, else `corpus/` beside the index.
fn resolve_roots(paths: &[PathBuf], known_roots: &[PathBuf], anchor: &Anchor) -> Vec<PathBuf> {
    if !paths.is_empty() {
        paths.iter().map(|path| anchor.store(path)).collect()
    } else if !known_roots.is_empty() {
        known_roots.to_vec()
    } else {
        vec![anchor.store(Path::new(DEFAULT_CORPUS))]
    }
}

/// For each of `files` (sorted, no repeats, as `ingest::discover` returns them) its manifest
/// entry, and the manifest's paths not among `files`. Both are sorted by path, so one merge
/// walk does it; looking each file up in the map (and building a set of the files) compared
/// paths component by component `n log n` times, over half of a re-index at 118,000 files.
fn join<'a>(
    files: &[PathBuf],
    manifest: &'a IndexManifest,
) -> (Vec<Option<&'a FileEntry>>, Vec<&'a PathBuf>) {
    let mut previous = Vec::with_capacity(files.len());
    let mut unmatched = Vec::new();
    let mut entries = manifest.files.iter().peekable();
    for path in files {
        let mut matched = None;
        while let Some((entry_path, entry)) = entries.peek() {
            match path_order(entry_path, path) {
                std::cmp::Ordering::Less => unmatched.push(*entry_path),
                std::cmp::Ordering::Equal => matched = Some(*entry),
                std::cmp::Ordering::Greater => break,
            }
            entries.next();
            if matched.is_some() {
                break;
            }
        }
        previous.push(matched);
    }
    unmatched.extend(entries.map(|(entry_path, _)| entry_path));
    (previous, unmatched)
}

/// `Path`'s order, answering "equal" from the bytes first: comparing two paths component by
/// component is the slow part of a merge walk in which nearly every path is matched.
fn path_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    if a.as_os_str() == b.as_os_str() {
        std::cmp::Ordering::Equal
    } else {
        a.cmp(b)
    }
}

fn plan(
    files: &[PathBuf],
    file_stats: &[ingest::Stat],
    previous_entries: &[Option<&FileEntry>],
    manifest: &IndexManifest,
    corpus_meta: Option<&CorpusMeta>,
    rules_fingerprint: &str,
    rebuild: bool,
) -> Vec<Job> {
    // Built only when a new file needs a slug.
    let mut slugs: Option<BTreeMap<String, PathBuf>> = None;
    let mut jobs = Vec::new();
    // The suffix of every file without `corpus.toml` metadata (most files) is the same: one
    // hash, not one per file (a JSON text and a hash each, 118,512 times at 1 GB).
    let no_meta_suffix = meta_suffix(None, rules_fingerprint);
    for ((path, file_stat), previous) in files.iter().zip(file_stats).zip(previous_entries) {
        let meta = corpus_meta.and_then(|corpus_meta| corpus_meta.get(path).cloned());
        let (size, mtime_ns) = file_stat.unwrap_or((0, 0));
        let previous = *previous;
        let meta_hash_unchanged = previous.is_some_and(|entry| match &meta {
            None => entry.hash.ends_with(&no_meta_suffix),
            Some(meta) => entry
                .hash
                .ends_with(&meta_suffix(Some(meta), rules_fingerprint)),
        });
        if let Some(entry) = previous {
            if !rebuild && entry.size == size && entry.mtime_ns == mtime_ns && meta_hash_unchanged {
                continue;
            }
        }
        let slug = match previous {
            Some(entry) => entry.slug.clone(),
            None => unique_slug(
                path,
                slugs.get_or_insert_with(|| {
                    manifest
                        .files
                        .iter()
                        .map(|(path, entry)| (entry.slug.clone(), path.clone()))
                        .collect()
                }),
            ),
        };
        jobs.push(Job {
            path: path.clone(),
            // Resolved by `update`, which knows the anchor.
            opened: path.clone(),
            slug,
            meta,
            previous_hash: if rebuild {
                None
            } else {
                previous.map(|entry| entry.hash.clone())
            },
            size,
            mtime_ns,
        });
    }
    jobs
}

fn process(job: &Job, fields: &Fields, rules: &ClaimRules) -> Outcome {
    let bytes = match ingest::read_bytes(&job.opened) {
        Ok(bytes) => bytes,
        Err(diagnostic) => return Outcome::Skipped(vec![diagnostic]),
    };
    let hash = format!(
        "{}-{}",
        blake3::hash(&bytes).to_hex(),
        meta_suffix(job.meta.as_ref(), rules.fingerprint())
    );
    if job.previous_hash.as_deref() == Some(hash.as_str()) {
        return Outcome::Unchanged(FileEntry {
            slug: job.slug.clone(),
            hash,
            size: job.size,
            mtime_ns: job.mtime_ns,
            passages: 0,
            sentences: 0,
        });
    }
    let (mut raw, diagnostics) = match ingest::read(&job.opened, bytes) {
        Ok(read) => read,
        Err(diagnostic) => return Outcome::Skipped(vec![diagnostic]),
    };
    // Messages name the file as this process opened it; the index stores its anchored path.
    raw.path.clone_from(&job.path);
    let annotated = crate::annotate::read_document(raw, job.slug.clone(), job.meta.as_ref(), rules);
    let document = &annotated.document;
    let entry = FileEntry {
        slug: job.slug.clone(),
        hash,
        size: job.size,
        mtime_ns: job.mtime_ns,
        passages: document
            .passages
            .iter()
            .filter(|passage| !passage.is_heading)
            .count(),
        sentences: document
            .passages
            .iter()
            .filter(|passage| !passage.is_heading)
            .map(|p| p.sentences.len())
            .sum(),
    };
    let records = records(fields, annotated, &entry.hash);
    Outcome::Indexed(records, entry, diagnostics)
}

/// The tantivy records of an annotated document: one document record, then one per passage
/// (headings excepted). Takes the annotations by value so they move into the stored JSON.
fn records(fields: &Fields, annotated: Annotated, hash: &str) -> Vec<TantivyDocument> {
    let Annotated {
        mut document,
        figures,
        claims,
        topics,
    } = annotated;
    let mut passages = std::mem::take(&mut document.passages);
    let builder = RecordBuilder {
        fields,
        path: document.path.to_string_lossy().to_string(),
        document: &document,
    };
    let mut records = vec![builder.document_record(&passages, hash)];
    let mut claims_by_passage: BTreeMap<usize, Vec<Claim>> = BTreeMap::new();
    for claim in claims {
        claims_by_passage
            .entry(claim.passage)
            .or_default()
            .push(claim);
    }
    let mut figures = figures.into_iter();
    let mut passage_topics = topics.into_iter();
    for passage in passages.iter_mut().filter(|passage| !passage.is_heading) {
        let mut data = PassageData {
            sentences: std::mem::take(&mut passage.sentences),
            figures: figures.next().unwrap_or_default(),
            topics: passage_topics.next().unwrap_or_default(),
            claims: claims_by_passage
                .remove(&passage.number)
                .unwrap_or_default(),
            claim_figures: Vec::new(),
        };
        data.compact(&document.slug, &builder.path);
        records.push(builder.passage_record(passage, &data));
    }
    records
}

/// Builds the records of one document (whose passages have been taken out of it).
struct RecordBuilder<'a> {
    fields: &'a Fields,
    document: &'a Document,
    /// The document's path as stored.
    path: String,
}

impl RecordBuilder<'_> {
    /// The document's own record: its stored data (title, format, headings, dropped lines) and,
    /// for formats whose raw text is not the file, the raw text.
    fn document_record(&self, passages: &[Passage], hash: &str) -> TantivyDocument {
        let (fields, document) = (self.fields, self.document);
        let data = DocumentData {
            title: document.title().to_string(),
            format: document.format,
            byline: document.byline.clone(),
            hash: hash.to_string(),
            headings: passages
                .iter()
                .filter(|p| p.is_heading)
                .map(|p| (p.span, p.line))
                .collect(),
            dropped: document.dropped.clone(),
        };
        let mut record = doc!(fields.kind => KIND_DOCUMENT, fields.data => serde_json::to_string(&data).unwrap_or_default());
        self.add_common(&mut record);
        if !document.format.raw_is_file() {
            record.add_text(fields.raw, &document.raw);
        }
        record
    }

    /// A passage's record: its text, place, figure values and stored data (`data`, compacted).
    fn passage_record(&self, passage: &Passage, data: &PassageData) -> TantivyDocument {
        let (fields, document) = (self.fields, self.document);
        let text = passage.span.slice(&document.raw).unwrap_or("");
        let mut record = doc!(
            fields.kind => KIND_PASSAGE,
            fields.text => text,
            fields.text_raw => text,
            fields.passage => passage.number as u64,
            fields.line => passage.line as u64,
            fields.page => u64::from(passage.page.unwrap_or(0)),
            fields.span_start => passage.span.start as u64,
            fields.span_end => passage.span.end as u64,
        );
        record.add_text(fields.title, document.title());
        if let Some(section) = &passage.section {
            record.add_text(fields.section, section);
        }
        for figure in &data.figures {
            record.add_f64(fields.figure_field(figure.figure.unit), figure.figure.value);
        }
        record.add_text(fields.data, serde_json::to_string(data).unwrap_or_default());
        self.add_common(&mut record);
        record
    }

    /// The fields every record of the document carries: slug, path and metadata.
    fn add_common(&self, record: &mut TantivyDocument) {
        let (fields, meta) = (self.fields, &self.document.meta);
        record.add_text(fields.doc, &self.document.slug);
        record.add_text(fields.path, &self.path);
        if let Some(publisher) = &meta.publisher {
            record.add_text(fields.publisher, publisher);
        }
        if let Some(author) = &meta.author {
            record.add_text(fields.author, author);
        }
        if let Some(date) = &meta.date {
            record.add_text(fields.date, date);
        }
        if let Some(url) = &meta.url {
            record.add_text(fields.url, url);
        }
        let year = meta.year().map_or(0, u64::from);
        if year > 0 {
            record.add_u64(fields.year, year);
        }
    }
}

/// A short hash of the metadata entry, the rule files' fingerprint and the annotators' own
/// fingerprint (`build.rs`), so editing `corpus.toml` re-indexes that document, editing
/// `sources.toml` or `topics.toml` re-annotates them all, and so does a claimdex whose
/// annotators changed.
fn meta_suffix(meta: Option<&Metadata>, rules_fingerprint: &str) -> String {
    let mut json = meta
        .map(|meta| serde_json::to_string(meta).unwrap_or_default())
        .unwrap_or_default();
    json.push('\0');
    json.push_str(env!("CLAIMDEX_ANNOTATOR_FINGERPRINT"));
    if !rules_fingerprint.is_empty() {
        json.push('\0');
        json.push_str(rules_fingerprint);
    }
    blake3::hash(json.as_bytes()).to_hex()[..12].to_string()
}

/// A slug from the file name, made unique by the parent folder's name and then a number.
fn unique_slug(path: &Path, taken: &mut BTreeMap<String, PathBuf>) -> String {
    let stem = slugify(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default(),
    );
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| slugify(&s.to_string_lossy()))
        .unwrap_or_default();
    let mut candidates = vec![stem.clone()];
    if !parent.is_empty() {
        candidates.push(format!("{parent}-{stem}"));
    }
    for candidate in candidates {
        if !taken.contains_key(&candidate) {
            taken.insert(candidate.clone(), path.to_path_buf());
            return candidate;
        }
    }
    let mut n = 2;
    loop {
        let candidate = format!("{stem}-{n}");
        if !taken.contains_key(&candidate) {
            taken.insert(candidate.clone(), path.to_path_buf());
            return candidate;
        }
        n += 1;
    }
}

pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "document".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::super::is_stale;
    use super::*;
    use std::time::Duration;

    fn options(docs: &Path) -> IndexOptions {
        IndexOptions {
            paths: vec![docs.to_path_buf()],
            rebuild: false,
            threads: 1,
            heap_bytes: 20_000_000,
        }
    }

    fn manifest_files(index_dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(index_dir)
            .unwrap()
            .filter_map(|entry| {
                let name = entry.unwrap().file_name().to_string_lossy().to_string();
                manifest::is_manifest_file(&name).then_some(name)
            })
            .collect();
        names.sort();
        names
    }

    /// Points the last commit at `payload` (as an older claimdex would have written it).
    fn set_payload(index_dir: &Path, payload: &Payload) {
        let corpus = CorpusIndex::open(index_dir).unwrap();
        let mut writer: IndexWriter<TantivyDocument> = corpus.index.writer(15_000_000).unwrap();
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(&serde_json::to_string(payload).unwrap());
        prepared.commit().unwrap();
    }

    #[test]
    fn a_commit_appends_to_the_manifest_and_an_older_reader_keeps_its_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (docs, index_dir) = (dir.path().join("docs"), dir.path().join("idx"));
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("a.txt"), "Alpha counted 100 arrivals.\n").unwrap();
        update(&index_dir, &options(&docs), &()).unwrap();
        let opened = CorpusIndex::open(&index_dir).unwrap();
        assert!(!is_stale(&opened, Duration::ZERO));
        // A binary file is skipped, and an unchanged skipped file is not a change.
        std::fs::write(docs.join("b.txt"), [0u8, 159, 146, 150, 0, 0]).unwrap();
        std::fs::write(docs.join("c.txt"), "Gamma counted 300 returns.\n").unwrap();
        assert!(is_stale(&opened, Duration::ZERO));
        let report = update(&index_dir, &options(&docs), &()).unwrap();
        assert_eq!((report.added, report.skipped), (1, 1), "{report:?}");
        let reopened = CorpusIndex::open(&index_dir).unwrap();
        assert!(!is_stale(&reopened, Duration::ZERO));
        // One manifest file, appended to: the index opened before the commit reads the bytes
        // its own commit wrote, a new one the whole log.
        assert_eq!(
            manifest_files(&index_dir),
            vec![opened.payload.manifest.clone()]
        );
        assert_eq!(reopened.payload.manifest, opened.payload.manifest);
        assert!(reopened.payload.manifest_len > opened.payload.manifest_len);
        assert_eq!(
            reopened.payload.manifest_records,
            opened.payload.manifest_records + 1
        );
        assert_eq!(opened.manifest().unwrap().files.len(), 1);
        assert_eq!(reopened.manifest().unwrap().files.len(), 2);
    }

    #[test]
    fn an_old_json_manifest_is_kept_by_a_no_op_and_migrated_by_the_first_write() {
        let dir = tempfile::tempdir().unwrap();
        let (docs, index_dir) = (dir.path().join("docs"), dir.path().join("idx"));
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("a.txt"), "Alpha counted 100 arrivals.\n").unwrap();
        std::fs::write(docs.join("b.txt"), "Beta counted 200 departures.\n").unwrap();
        update(&index_dir, &options(&docs), &()).unwrap();
        let corpus = CorpusIndex::open(&index_dir).unwrap();
        let before = corpus.manifest().unwrap().clone();
        // What claimdex wrote before the log: the whole manifest as JSON, named by the commit.
        let json = "manifest-00112233445566ff.json";
        std::fs::write(index_dir.join(json), serde_json::to_vec(&before).unwrap()).unwrap();
        std::fs::remove_file(index_dir.join(&corpus.payload.manifest)).unwrap();
        let old = Payload {
            manifest: json.to_string(),
            roots: corpus.payload.roots.clone(),
            stat_digest: corpus.payload.stat_digest.clone(),
            passages: corpus.payload.passages,
            ..Payload::default()
        };
        let old_json = serde_json::to_string(&old).unwrap();
        let old_json: serde_json::Value = serde_json::from_str(&old_json).unwrap();
        let mut old_fields = old_json.as_object().unwrap().clone();
        old_fields.remove("manifest_len");
        old_fields.remove("manifest_records");
        let old: Payload = serde_json::from_value(serde_json::Value::Object(old_fields)).unwrap();
        set_payload(&index_dir, &old);
        drop(corpus);
        let report = update(&index_dir, &options(&docs), &()).unwrap();
        assert_eq!(report.unchanged, 2, "{report:?}");
        assert_eq!(manifest_files(&index_dir), vec![json.to_string()]);
        std::fs::write(docs.join("a.txt"), "Alpha counted 150 arrivals.\n").unwrap();
        let report = update(&index_dir, &options(&docs), &()).unwrap();
        assert_eq!((report.updated, report.unchanged), (1, 1), "{report:?}");
        let migrated = CorpusIndex::open(&index_dir).unwrap();
        assert!(migrated.payload.manifest.ends_with(".log"));
        assert_eq!(
            manifest_files(&index_dir),
            vec![migrated.payload.manifest.clone()]
        );
        let after = migrated.manifest().unwrap();
        assert_eq!(after.files.len(), 2);
        let (a, b) = (Path::new("docs/a.txt"), Path::new("docs/b.txt"));
        assert_eq!(after.files[b], before.files[b]);
        assert_ne!(after.files[a].hash, before.files[a].hash);
    }

    #[test]
    fn stored_claims_expand_to_what_was_annotated() {
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let (files, _) = ingest::discover(&[corpus]);
        let mut n_claims = 0;
        let mut n_shared_figures = 0;
        for path in files {
            let bytes = ingest::read_bytes(&path).unwrap();
            let (raw, _) = ingest::read(&path, bytes).unwrap();
            let document = crate::text::build_document(raw, "doc".into(), None);
            let annotated = annotate(document, ClaimRules::builtin());
            let path_text = annotated.document.path.to_string_lossy().to_string();
            let passages = annotated
                .document
                .passages
                .iter()
                .filter(|passage| !passage.is_heading);
            for (idx, passage) in passages.enumerate() {
                let claims: Vec<Claim> = annotated
                    .claims
                    .iter()
                    .filter(|claim| claim.passage == passage.number)
                    .cloned()
                    .collect();
                let Some(first) = claims.first() else {
                    continue;
                };
                let original = PassageData {
                    sentences: passage.sentences.clone(),
                    figures: annotated.figures[idx].clone(),
                    topics: first.topics.clone(),
                    claims,
                    claim_figures: Vec::new(),
                };
                let mut stored = original.clone();
                stored.compact(&annotated.document.slug, &path_text);
                n_shared_figures += stored.claim_figures.iter().flatten().count();
                let json = serde_json::to_string(&stored).unwrap();
                let mut read: PassageData = serde_json::from_str(&json).unwrap();
                read.expand(&annotated.document.slug, &path_text);
                // Compared with the uncompacted data through the same JSON (serde_json may
                // round the last digit of a float either way).
                let plain: PassageData =
                    serde_json::from_str(&serde_json::to_string(&original).unwrap()).unwrap();
                assert_eq!(read.claims, plain.claims, "{}", path.display());
                assert!(read.claim_figures.is_empty());
                n_claims += original.claims.len();
            }
        }
        assert!(n_claims > 50, "{n_claims}");
        assert!(n_shared_figures > 50, "{n_shared_figures}");
    }
}
