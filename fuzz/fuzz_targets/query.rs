//! Fuzz target `query`: see `fuzz/harness.rs` and docs/fuzzing.md.
//!
//! `query::search` runs tantivy's search under `catch_unwind` (tantivy 0.27 can panic on a
//! query it parsed: a debug assertion when an exclusion seeks backwards) and answers such a query as plain words with a
//! note, so a panic caught there is handled, not a crash. libFuzzer's panic hook would abort on
//! it anyway; this target installs a silent hook instead. A panic that escapes claimdex still
//! aborts: `fuzz_target!` catches it and calls `abort`; replay the saved input with the replay
//! test (tests/it/fuzz_replay.rs) to see its message.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(
    init: {
        std::panic::set_hook(Box::new(|_| {}));
    },
    |data: &[u8]| harness::query(data)
);
