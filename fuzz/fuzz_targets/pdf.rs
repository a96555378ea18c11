//! Fuzz target `pdf`: see `fuzz/harness.rs` and docs/fuzzing.md.
//!
//! claimdex runs `pdf-extract` under `catch_unwind` (it panics on many malformed files) and
//! turns its panic into a diagnostic, so a panic caught there is handled, not a crash. libFuzzer's
//! panic hook would abort on it anyway; this target installs a silent hook instead (pdf-extract
//! panics often enough to flood the log). A panic that escapes claimdex still aborts:
//! `fuzz_target!` catches it and calls `abort`; replay the saved input with the replay test
//! (tests/it/fuzz_replay.rs) to see its message.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(
    init: {
        std::panic::set_hook(Box::new(|_| {}));
    },
    |data: &[u8]| harness::pdf(data)
);
