//! Figure annotator throughput on the bundled corpus (criterion), checking its answer first, and
//! the annotator's time on hostile inputs at three sizes, to show it grows linearly.
//!
//! `cargo bench --manifest-path benches/Cargo.toml --bench figures`. Throughput is reported in
//! bytes of document text per second on one core; `claimdex-bench run` measures the same on the
//! generated corpora. Appending `-- hostile` runs only the hostile inputs and prints, per input,
//! the time ratios between sizes n, 2n and 4n (linear is about 2.0 per doubling).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::cell::RefCell;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Figures the annotator finds in the bundled corpus. A change here is a change in behaviour:
/// check `claimdex figures` before updating it.
const EXPECTED_FIGURES: usize = 273;

fn bundled_documents() -> Vec<claimdex::model::Document> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus");
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

/// A hostile input of `n` units: its name, the size unit, the base size and the text builder.
struct Hostile {
    name: &'static str,
    unit: &'static str,
    base: usize,
    build: fn(usize) -> String,
}

const HOSTILE: [Hostile; 3] = [
    Hostile {
        name: "digits",
        unit: "digits",
        base: 100_000,
        build: |n| format!("There were {} cases.", "9".repeat(n)),
    },
    Hostile {
        name: "commas",
        unit: "bytes",
        base: 10_000_000,
        build: |n| ",".repeat(n),
    },
    Hostile {
        name: "more_than",
        unit: "bytes",
        base: 1_000_000,
        build: |n| "more than ".repeat(n / 10),
    },
];

/// Annotates each hostile input at sizes n, 2n and 4n, then prints the median time per size and
/// the ratio of each size's time to the one before (about 2.0 when the time is linear).
fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for input in &HOSTILE {
        let times: RefCell<Vec<Vec<Duration>>> = RefCell::new(vec![Vec::new(); 3]);
        for (idx, factor) in [1, 2, 4].into_iter().enumerate() {
            let size = input.base * factor;
            let text = (input.build)(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(input.name, size), &text, |b, text| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        std::hint::black_box(claimdex::figures::annotate(std::hint::black_box(
                            text,
                        )));
                    }
                    let elapsed = start.elapsed();
                    times.borrow_mut()[idx].push(elapsed / iters.max(1) as u32);
                    elapsed
                })
            });
        }
        let medians: Vec<Option<Duration>> = times
            .into_inner()
            .into_iter()
            .map(|mut samples| {
                samples.sort();
                samples.get(samples.len() / 2).copied()
            })
            .collect();
        // Criterion skips benchmarks its filter does not match: then there is nothing to print.
        if let [Some(t1), Some(t2), Some(t4)] = medians[..] {
            println!(
                "hostile/{}: n = {} {}: {:.2?}, 2n: {:.2?}, 4n: {:.2?}; ratio 2n/n = {:.2}, 4n/2n = {:.2}",
                input.name,
                input.base,
                input.unit,
                t1,
                t2,
                t4,
                t2.as_secs_f64() / t1.as_secs_f64(),
                t4.as_secs_f64() / t2.as_secs_f64(),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, figures, hostile);
criterion_main!(benches);
