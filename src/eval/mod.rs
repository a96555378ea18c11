//! Evaluation against public test collections: index a collection through claimdex's own read,
//! clean, segment and index code, query it through `query::search`, and score the rankings.
//!
//! Architecture invariant: nothing here ranks documents itself. A collection's documents become
//! `Document`s exactly as files do (`ingest::read` and `text::build_document`), and every query is
//! a plain-words `SearchRequest`; this module only loads the data and does the arithmetic.

pub mod claim_retrieval;
pub mod retrieval;
