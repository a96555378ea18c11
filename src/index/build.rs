//! Building and updating the index: discover files, skip unchanged ones (size, mtime, then
//! content hash), read, clean and segment changed ones on worker threads, write passages, and
//! commit the passages and the manifest in one atomic tantivy commit.
//!
//! Invariant: a run that fails or is killed leaves the last committed index as it was.

use super::schema::{KIND_DOCUMENT, KIND_PASSAGE};
use super::{CorpusIndex, FileEntry, IndexError, Manifest, SCHEMA_VERSION};
use crate::claims::{claims_for_document, Claim, Rules};
use crate::diagnostic::{Diagnostic, Severity};
use crate::figures::{annotate_document, FigureRecord};
use crate::ingest::{self, CorpusMeta};
use crate::model::{Document, Metadata};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, UNIX_EPOCH};
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
    pub format: crate::model::Format,
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
}

struct Job {
    path: PathBuf,
    slug: String,
    meta: Option<Metadata>,
    previous_hash: Option<String>,
    size: u64,
    mtime_ns: u128,
}

/// A document with everything the workers computed for it.
/// Annotates a cleaned document: figures per passage, then claims with their sources and topics.
fn annotate(document: Document, rules: &Rules) -> Annotated {
    let figures = annotate_document(&document);
    let claims = claims_for_document(&document, &figures, &rules.registry, &rules.taxonomy);
    let topics = document
        .passages
        .iter()
        .filter(|passage| !passage.is_heading)
        .map(|passage| {
            let text = passage.span.slice(&document.raw).unwrap_or("");
            rules
                .taxonomy
                .topics_for(text)
                .into_iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    Annotated {
        document,
        figures,
        claims,
        topics,
    }
}

struct Annotated {
    document: Document,
    figures: Vec<Vec<FigureRecord>>,
    claims: Vec<Claim>,
    /// Topic ids per non-heading passage.
    topics: Vec<Vec<String>>,
}

enum Outcome {
    Indexed(Box<Annotated>, FileEntry, Vec<Diagnostic>),
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
    let corpus = CorpusIndex::open_or_create(root, options.rebuild)?;
    let mut writer = open_writer(&corpus, options.threads, options.heap_bytes)?;
    let mut manifest = corpus.manifest.clone();
    manifest.schema_version = SCHEMA_VERSION;
    let roots = resolve_roots(&options.paths, &manifest);
    let mut report = IndexReport::default();
    let (files, discover_diagnostics) = ingest::discover(&roots);
    report.diagnostics.extend(discover_diagnostics);
    let (corpus_meta, meta_diagnostics) = CorpusMeta::load(&roots);
    report.diagnostics.extend(meta_diagnostics);
    // Rules come from every root the index knows, as `claims`, `sources` and `topics` read them.
    let (rules, rule_diagnostics) = Rules::load(&rule_roots(&roots, &manifest));
    report.diagnostics.extend(rule_diagnostics);
    let rules = &rules;

    // Files that vanished from a root that still exists are removed; a missing root removes nothing.
    let live_roots: Vec<&PathBuf> = roots.iter().filter(|root| root.exists()).collect();
    let found: BTreeSet<&PathBuf> = files.iter().collect();
    let removed: Vec<PathBuf> = manifest
        .files
        .keys()
        .filter(|path| {
            !found.contains(path) && live_roots.iter().any(|root| path.starts_with(root))
        })
        .cloned()
        .collect();
    for path in &removed {
        writer.delete_term(Term::from_field_text(
            corpus.fields.path,
            &path.to_string_lossy(),
        ));
        manifest.files.remove(path);
    }
    report.removed = removed.len();

    let jobs = plan(
        &files,
        &manifest,
        &corpus_meta,
        rules.fingerprint(),
        options.rebuild,
    );
    let total_bytes: u64 = jobs.iter().map(|job| job.size).sum();
    progress.start(jobs.len(), total_bytes);
    let next = AtomicUsize::new(0);
    let (sender, receiver) =
        std::sync::mpsc::sync_channel::<(usize, Outcome)>(options.threads.max(1) * 2);
    let write_result = std::thread::scope(|scope| -> Result<(), IndexError> {
        for _ in 0..options.threads.max(1) {
            let sender = sender.clone();
            let jobs = &jobs;
            let next = &next;
            scope.spawn(move || loop {
                let idx = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(idx) else { break };
                if sender.send((idx, process(job, rules))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (idx, outcome) in receiver {
            let job = &jobs[idx];
            progress.advance(job.size, &job.path);
            match outcome {
                Outcome::Unchanged(mut entry) => {
                    if let Some(previous) = manifest.files.get(&job.path) {
                        entry.passages = previous.passages;
                        entry.sentences = previous.sentences;
                    }
                    report.unchanged += 1;
                    manifest.files.insert(job.path.clone(), entry);
                }
                Outcome::Skipped(diagnostics) => {
                    report.skipped += 1;
                    report.diagnostics.extend(diagnostics);
                }
                Outcome::Indexed(annotated, entry, diagnostics) => {
                    report.diagnostics.extend(diagnostics);
                    let path_term =
                        Term::from_field_text(corpus.fields.path, &job.path.to_string_lossy());
                    if job.previous_hash.is_some() {
                        writer.delete_term(path_term);
                        report.updated += 1;
                    } else {
                        report.added += 1;
                    }
                    add_document(&mut writer, &corpus, &annotated, &entry.hash)?;
                    manifest.files.insert(job.path.clone(), entry);
                }
            }
        }
        Ok(())
    });
    progress.finish();
    write_result?;
    report.unchanged += files.len().saturating_sub(jobs.len());
    manifest.meta_files = roots
        .iter()
        .flat_map(|root| meta_file_paths(root))
        .filter_map(|meta| stat(&meta).map(|stat| (meta, stat)))
        .collect();

    let mut all_roots: BTreeSet<PathBuf> = manifest.roots.iter().cloned().collect();
    all_roots.extend(roots.iter().filter(|root| root.exists()).cloned());
    manifest.roots = all_roots.into_iter().collect();
    let payload = serde_json::to_string(&manifest).unwrap_or_default();
    let mut prepared = writer
        .prepare_commit()
        .map_err(|err| IndexError::tantivy(root, err))?;
    prepared.set_payload(&payload);
    prepared
        .commit()
        .map_err(|err| IndexError::tantivy(root, err))?;
    writer
        .wait_merging_threads()
        .map_err(|err| IndexError::tantivy(root, err))?;

    report.documents = manifest.files.len();
    report.passages = manifest.files.values().map(|entry| entry.passages).sum();
    report.sentences = manifest.files.values().map(|entry| entry.sentences).sum();
    report.bytes = manifest.files.values().map(|entry| entry.size).sum();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Writes documents that are already read, cleaned and segmented (an evaluation collection held
/// in memory, say) to `corpus` in one commit, through the same `add_document` as `update`, so
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
        let annotated = annotate(document.clone(), Rules::builtin());
        n_passages += add_document(&mut writer, corpus, &annotated, &hash)?;
    }
    writer
        .commit()
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    writer
        .wait_merging_threads()
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    Ok(n_passages)
}

/// The one way claimdex opens a tantivy writer: at most 8 threads, a fixed memory budget.
fn open_writer(
    corpus: &CorpusIndex,
    threads: usize,
    heap_bytes: usize,
) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    corpus
        .index
        .writer_with_num_threads(threads.clamp(1, 8), heap_bytes.max(15_000_000))
        .map_err(|err| IndexError::tantivy(&corpus.root, err))
}

/// Whether any file under the index's roots was added, changed or removed since the last commit.
/// Cheap: compares sizes and modification times, reads no file.
pub fn is_stale(corpus: &CorpusIndex) -> bool {
    let roots = resolve_roots(&[], &corpus.manifest);
    let (files, _) = ingest::discover(&roots);
    if files.len() != corpus.manifest.files.len() {
        return true;
    }
    let meta_changed = roots
        .iter()
        .flat_map(|root| meta_file_paths(root))
        .any(|meta| stat(&meta) != corpus.manifest.meta_files.get(&meta).copied());
    meta_changed
        || files
            .iter()
            .any(|path| match (corpus.manifest.files.get(path), stat(path)) {
                (Some(entry), Some((size, mtime))) => entry.size != size || entry.mtime_ns != mtime,
                _ => true,
            })
}

/// The per-folder files that change how its documents are annotated: `corpus.toml` and the
/// rule files (`sources.toml`, `topics.toml`).
fn meta_file_paths(root: &Path) -> Vec<PathBuf> {
    std::iter::once(ingest::meta::FILE_NAME)
        .chain(Rules::file_names())
        .map(|name| root.join(name))
        .collect()
}

/// The roots whose rule files apply: the index's known roots and the ones given now.
fn rule_roots(roots: &[PathBuf], manifest: &Manifest) -> Vec<PathBuf> {
    let all: BTreeSet<PathBuf> = manifest.roots.iter().chain(roots).cloned().collect();
    all.into_iter().collect()
}

fn resolve_roots(paths: &[PathBuf], manifest: &Manifest) -> Vec<PathBuf> {
    if !paths.is_empty() {
        paths.to_vec()
    } else if !manifest.roots.is_empty() {
        manifest.roots.clone()
    } else {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    }
}

fn plan(
    files: &[PathBuf],
    manifest: &Manifest,
    corpus_meta: &CorpusMeta,
    rules_fingerprint: &str,
    rebuild: bool,
) -> Vec<Job> {
    let mut slugs: BTreeMap<String, PathBuf> = manifest
        .files
        .iter()
        .map(|(path, entry)| (entry.slug.clone(), path.clone()))
        .collect();
    let mut jobs = Vec::new();
    for path in files {
        let meta = corpus_meta.get(path).cloned();
        let (size, mtime_ns) = stat(path).unwrap_or((0, 0));
        let previous = manifest.files.get(path);
        let meta_hash_unchanged = previous.is_some_and(|entry| {
            entry
                .hash
                .ends_with(&meta_suffix(meta.as_ref(), rules_fingerprint))
        });
        if let Some(entry) = previous {
            if !rebuild && entry.size == size && entry.mtime_ns == mtime_ns && meta_hash_unchanged {
                continue;
            }
        }
        let slug = match previous {
            Some(entry) => entry.slug.clone(),
            None => unique_slug(path, &mut slugs),
        };
        jobs.push(Job {
            path: path.clone(),
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

fn process(job: &Job, rules: &Rules) -> Outcome {
    let bytes = match ingest::read_bytes(&job.path) {
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
    let (raw, diagnostics) = match ingest::read(&job.path, bytes) {
        Ok(read) => read,
        Err(diagnostic) => return Outcome::Skipped(vec![diagnostic]),
    };
    let document = crate::text::build_document(raw, job.slug.clone(), job.meta.as_ref());
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
    Outcome::Indexed(Box::new(annotate(document, rules)), entry, diagnostics)
}

/// Writes one document record and one record per passage (headings excepted); returns how many
/// passages it wrote.
fn add_document(
    writer: &mut IndexWriter<TantivyDocument>,
    corpus: &CorpusIndex,
    annotated: &Annotated,
    hash: &str,
) -> Result<usize, IndexError> {
    let document = &annotated.document;
    let figures = &annotated.figures;
    let fields = &corpus.fields;
    let path = document.path.to_string_lossy().to_string();
    let meta = &document.meta;
    let year = meta.year().map_or(0, u64::from);
    let common = |tantivy_doc: &mut TantivyDocument| {
        tantivy_doc.add_text(fields.doc, &document.slug);
        tantivy_doc.add_text(fields.path, &path);
        tantivy_doc.add_text(fields.title, document.title());
        if let Some(publisher) = &meta.publisher {
            tantivy_doc.add_text(fields.publisher, publisher);
        }
        if let Some(author) = &meta.author {
            tantivy_doc.add_text(fields.author, author);
        }
        if let Some(date) = &meta.date {
            tantivy_doc.add_text(fields.date, date);
        }
        if let Some(url) = &meta.url {
            tantivy_doc.add_text(fields.url, url);
        }
        if year > 0 {
            tantivy_doc.add_u64(fields.year, year);
        }
    };
    let data = DocumentData {
        format: document.format,
        byline: document.byline.clone(),
        hash: hash.to_string(),
        headings: document
            .passages
            .iter()
            .filter(|p| p.is_heading)
            .map(|p| (p.span, p.line))
            .collect(),
        dropped: document.dropped.clone(),
    };
    let mut record = doc!(fields.kind => KIND_DOCUMENT, fields.data => serde_json::to_string(&data).unwrap_or_default());
    common(&mut record);
    if !document.format.raw_is_file() {
        record.add_text(fields.raw, &document.raw);
    }
    writer
        .add_document(record)
        .map_err(|err| IndexError::tantivy(&corpus.root, err))?;

    let mut n_passages = 0;
    let no_figures = Vec::new();
    let passages = document
        .passages
        .iter()
        .filter(|passage| !passage.is_heading);
    for (idx, passage) in passages.enumerate() {
        n_passages += 1;
        let passage_figures = figures.get(idx).unwrap_or(&no_figures);
        let text = passage.span.slice(&document.raw).unwrap_or("");
        let data = PassageData {
            sentences: passage.sentences.clone(),
            figures: passage_figures.clone(),
            topics: annotated.topics.get(idx).cloned().unwrap_or_default(),
            claims: annotated
                .claims
                .iter()
                .filter(|claim| claim.passage == passage.number)
                .cloned()
                .collect(),
        };
        let mut record = doc!(
            fields.kind => KIND_PASSAGE,
            fields.text => text,
            fields.text_raw => text,
            fields.passage => passage.number as u64,
            fields.line => passage.line as u64,
            fields.page => u64::from(passage.page.unwrap_or(0)),
            fields.span_start => passage.span.start as u64,
            fields.span_end => passage.span.end as u64,
            fields.data => serde_json::to_string(&data).unwrap_or_default(),
        );
        if let Some(section) = &passage.section {
            record.add_text(fields.section, section);
        }
        for figure in passage_figures {
            record.add_f64(fields.figure_field(figure.figure.unit), figure.figure.value);
        }
        common(&mut record);
        writer
            .add_document(record)
            .map_err(|err| IndexError::tantivy(&corpus.root, err))?;
    }
    Ok(n_passages)
}

/// A short hash of the metadata entry and the rule files' fingerprint, so editing `corpus.toml`
/// re-indexes that document and editing `sources.toml` or `topics.toml` re-annotates them all.
fn meta_suffix(meta: Option<&Metadata>, rules_fingerprint: &str) -> String {
    let mut json = meta
        .map(|meta| serde_json::to_string(meta).unwrap_or_default())
        .unwrap_or_default();
    // Without rule files the hash is the metadata's alone, as before they existed.
    if !rules_fingerprint.is_empty() {
        json.push('\0');
        json.push_str(rules_fingerprint);
    }
    blake3::hash(json.as_bytes()).to_hex()[..12].to_string()
}

fn stat(path: &Path) -> Option<(u64, u128)> {
    let metadata = std::fs::metadata(path).ok()?;
    let mtime = metadata
        .modified()
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((metadata.len(), mtime))
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
