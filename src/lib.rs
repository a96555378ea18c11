//! claimdex: an annotated text-corpus search tool for fact-checkers.
//!
//! The pipeline is `ingest → text (clean, segment) → figures → index → query → output`, with
//! `datasets` for the fact-checker. Every stage takes and returns plain data; spans are byte
//! offsets into each document's raw text.

pub mod annotate;
pub mod bind;
pub mod check;
pub mod claims;
pub mod data_file;
pub mod datasets;
pub mod diagnostic;
pub mod export;
pub mod figures;
pub mod span;

pub use diagnostic::Diagnostic;
pub use span::{LineIndex, Span};
pub mod index;
pub mod ingest;
pub mod model;
pub mod output;
pub mod query;
pub mod review;
pub mod serve;
pub mod sources;
pub mod text;
pub mod topics;
pub mod util;
