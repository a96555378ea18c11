//! The integration tests, one binary: each module drives the real `claimdex` binary or the
//! library on the bundled corpus and small fixtures. One binary links tantivy and the crate once
//! instead of once per file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attribution_gold;
mod bad_input;
mod check;
mod check_html_browser;
mod claims_cli;
mod common;
mod corpus_rules;
mod datasets;
mod export;
mod export_sqlite;
mod figures_cli;
mod figures_corpus;
mod figures_properties;
mod formats;
mod fuzz_replay;
mod incremental;
mod review;
mod search;
mod serve;
mod sources_robustness;
mod staleness;
