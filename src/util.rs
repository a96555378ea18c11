//! Small helpers shared by several stages.

use regex::Regex;

/// Compiles a regex written in the source code (not user input).
///
/// Every call site passes a constant pattern exercised by unit tests, so a failure here is a
/// programming error caught by `cargo test`, never a user-input panic.
#[allow(clippy::expect_used)]
pub fn static_regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in regex pattern is valid")
}

/// The largest char boundary of `text` at or before byte `idx` (clamped to the text).
pub fn floor_char_boundary(text: &str, idx: usize) -> usize {
    let mut idx = idx.min(text.len());
    while idx > 0 && !text.is_char_boundary(idx) {
        idx -= 1;
    }
    idx
}

/// The smallest char boundary of `text` at or after byte `idx` (clamped to the text).
pub fn ceil_char_boundary(text: &str, idx: usize) -> usize {
    let mut idx = idx.min(text.len());
    while idx < text.len() && !text.is_char_boundary(idx) {
        idx += 1;
    }
    idx
}
