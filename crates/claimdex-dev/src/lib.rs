//! Developer tools for claimdex, kept out of the product: `eval` measures the annotators and
//! the search against other people's test suites (`claimdex-eval`), `bench` measures claimdex
//! at scale against a plain tantivy index and ripgrep (`claimdex-bench`, `plain-indexer`).

pub mod bench;
pub mod eval;
