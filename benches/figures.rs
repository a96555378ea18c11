//! Figure annotator throughput on the bundled corpus (criterion), checking its answer first.
//!
//! `cargo bench --bench figures`. Throughput is reported in bytes of document text per second
//! on one core; `claimdex-bench run` measures the same on the generated corpora.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

/// Figures the annotator finds in the bundled corpus. A change here is a change in behaviour:
/// check `claimdex figures` before updating it.
const EXPECTED_FIGURES: usize = 276;

fn bundled_documents() -> Vec<claimdex::model::Document> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (files, _) = claimdex::ingest::discover(&[corpus]);
    files
        .iter()
        .filter_map(|path| {
            let bytes = claimdex::ingest::read_bytes(path).ok()?;
            let (raw, _) = claimdex::ingest::read(path, bytes).ok()?;
            Some(claimdex::text::build_document(raw, String::new(), None))
        })
        .collect()
}

fn count_figures(documents: &[claimdex::model::Document]) -> usize {
    documents
        .iter()
        .map(|document| {
            claimdex::figures::annotate_document(document)
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        })
        .sum()
}

fn figures(c: &mut Criterion) {
    let documents = bundled_documents();
    assert_eq!(documents.len(), 5, "the bundled corpus has five articles");
    assert_eq!(count_figures(&documents), EXPECTED_FIGURES);
    let bytes: usize = documents.iter().map(|document| document.raw.len()).sum();
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("annotate_document/bundled", |b| {
        b.iter(|| count_figures(std::hint::black_box(&documents)))
    });
    group.finish();
}

criterion_group!(benches, figures);
criterion_main!(benches);
