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
