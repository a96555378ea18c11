//! The baseline: a plain tantivy index of the same passages with the same analyzer, one stored
//! text field and nothing else (no figures, metadata, spans, manifest or second raw field).
//!
//! Reading, cleaning and segmenting run on the same worker threads as `claimdex index`, so the
//! ratio between the two measures what claimdex adds: figure annotation, the extra fields and
//! the per-passage JSON it stores.

use super::BenchError;
use claimdex::index::analyzer;
use claimdex::model::Document;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, IndexWriter, TantivyDocument};

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PlainReport {
    pub files: usize,
    pub passages: usize,
    pub bytes: u64,
    pub seconds: f64,
}

/// Indexes the passages of every file under `paths` into a new tantivy index at `out`
/// (deleted first if it exists).
pub fn plain_index(
    paths: &[PathBuf],
    out: &Path,
    threads: usize,
    heap_bytes: usize,
) -> Result<PlainReport, BenchError> {
    let started = Instant::now();
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|err| BenchError::io(out, err))?;
    }
    std::fs::create_dir_all(out).map_err(|err| BenchError::io(out, err))?;
    let tantivy_error = |source| BenchError::Tantivy {
        path: out.to_path_buf(),
        source,
    };
    let (index, text) = create_index(out).map_err(tantivy_error)?;
    let threads = threads.max(1);
    let writer_threads = threads.min(8);
    // Tantivy needs at least 15 MB of arena per indexing thread.
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(writer_threads, heap_bytes.max(15_000_000 * writer_threads))
        .map_err(tantivy_error)?;

    let (files, _) = claimdex::ingest::discover(paths);
    let mut report = PlainReport::default();
    let next = AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::sync_channel::<(u64, Vec<String>)>(threads * 2);
    std::thread::scope(|scope| -> Result<(), BenchError> {
        for _ in 0..threads {
            let sender = sender.clone();
            let files = &files;
            let next = &next;
            scope.spawn(move || loop {
                let idx = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(idx) else { break };
                let Some((size, passages)) = passage_texts(path) else {
                    continue;
                };
                if sender.send((size, passages)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (size, passages) in receiver {
            report.files += 1;
            report.bytes += size;
            report.passages += passages.len();
            for passage in passages {
                writer
                    .add_document(doc!(text => passage))
                    .map_err(tantivy_error)?;
            }
        }
        Ok(())
    })?;
    writer.commit().map_err(tantivy_error)?;
    writer.wait_merging_threads().map_err(tantivy_error)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// A new index at `out` with one stored text field, analysed as claimdex analyses passages.
fn create_index(out: &Path) -> tantivy::Result<(tantivy::Index, Field)> {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer::EN)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = builder.add_text_field(
        "text",
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored(),
    );
    let index = tantivy::Index::create_in_dir(out, builder.build())?;
    analyzer::register(&index);
    Ok((index, text))
}

/// The file's size and the text of its passages (headings left out, as claimdex does), read,
/// cleaned and segmented by claimdex's own ingest and text stages; `None` for an unreadable file.
fn passage_texts(path: &Path) -> Option<(u64, Vec<String>)> {
    let bytes = claimdex::ingest::read_bytes(path).ok()?;
    let size = bytes.len() as u64;
    let (raw, _) = claimdex::ingest::read(path, bytes).ok()?;
    let document: Document = claimdex::text::build_document(raw, String::new(), None);
    let passages = document
        .passages
        .iter()
        .filter(|passage| !passage.is_heading)
        .filter_map(|passage| passage.span.slice(&document.raw).map(str::to_string))
        .collect();
    Some((size, passages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_the_bundled_passages() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let report = plain_index(&[corpus], &dir.path().join("plain"), 2, 20_000_000).unwrap();
        assert_eq!(report.files, 5);
        assert!(report.passages > 100, "{}", report.passages);
        let index = tantivy::Index::open_in_dir(dir.path().join("plain")).unwrap();
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().num_docs(), report.passages as u64);
    }
}
