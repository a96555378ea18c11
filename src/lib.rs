//! claimdex: an annotated text-corpus search tool for fact-checkers.
//!
//! The pipeline is `ingest → text (clean, segment) → annotate (figures) → index → query → output`.
//! Every stage takes and returns plain data; spans are byte offsets into each document's raw text.

pub mod datasets;
pub mod diagnostic;
pub mod eval;
pub mod span;

pub use diagnostic::Diagnostic;
pub use span::{LineIndex, Span};
pub mod index;
pub mod ingest;
pub mod model;
pub mod output;
pub mod query;
pub mod text;
pub mod util;
