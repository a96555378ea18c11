//! Benchmarks at scale: a deterministic corpus generator, a plain-tantivy baseline indexer, and
//! the `claimdex-bench run` driver that measures claimdex against both in one run.
//!
//! Nothing here is used by `claimdex` itself; the `claimdex-bench` and `plain-indexer` binaries
//! are thin wrappers. Timing lives here and in `benches/`, never in tests.

pub mod corpus;
pub mod hostile;
pub mod measure;
pub mod plain;
pub mod run;

pub use corpus::{generate, GenOptions, GenReport};
pub use hostile::{hostile, hostile_table, HostileResult};
pub use plain::{plain_index, PlainReport};
pub use run::{markdown_table, run, warm_search, RunOptions, SizeResult};

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Tantivy {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error(transparent)]
    Index(#[from] claimdex::index::IndexError),
    #[error(transparent)]
    Query(#[from] claimdex::query::QueryError),
    #[error("{program}: {message}")]
    Command { program: String, message: String },
    #[error("{0}")]
    Other(String),
}

impl BenchError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> BenchError {
        BenchError::Io {
            path: path.into(),
            source,
        }
    }
}

/// Parses a size such as `10MB`, `1GB`, `500KB` or `2000000` (decimal units: 1 MB = 10^6 bytes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let (number, unit) = match upper.find(|c: char| c.is_ascii_alphabetic()) {
        Some(idx) => upper.split_at(idx),
        None => (upper.as_str(), ""),
    };
    let scale: f64 = match unit.trim() {
        "" | "B" => 1.0,
        "KB" | "K" => 1e3,
        "MB" | "M" => 1e6,
        "GB" | "G" => 1e9,
        other => {
            return Err(format!(
                "unknown size unit {other:?} in {text:?} (use KB, MB or GB, e.g. 10MB)"
            ))
        }
    };
    let value: f64 = number
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a size (write e.g. 10MB, 100MB, 1GB)"))?;
    if value.is_nan() || value <= 0.0 {
        return Err(format!("{text:?}: a size must be positive"));
    }
    Ok((value * scale).round() as u64)
}

/// A size for humans and for folder names: `10MB`, `1GB`, `1.5MB`.
pub fn format_size(bytes: u64) -> String {
    let (value, unit) = if bytes >= 1_000_000_000 {
        (bytes as f64 / 1e9, "GB")
    } else if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e3, "KB")
    };
    let text = format!("{value:.1}");
    format!("{}{unit}", text.trim_end_matches(".0"))
}

/// Splitmix64: a small, fast, seedable generator, so the corpus is the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..high` (`low` when the range is empty).
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        low + self.next_u64() % (high - low)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            return None;
        }
        items.get(self.range(0, items.len() as u64) as usize)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 100) < percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_format() {
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("1gb"), Ok(1_000_000_000));
        assert_eq!(parse_size("1.5MB"), Ok(1_500_000));
        assert_eq!(parse_size("2000"), Ok(2000));
        assert!(parse_size("10XB").is_err());
        assert!(parse_size("-1MB").is_err());
        assert_eq!(format_size(10_000_000), "10MB");
        assert_eq!(format_size(1_000_000_000), "1GB");
        assert_eq!(format_size(1_500_000), "1.5MB");
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.range(0, 1000)).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.range(0, 1000)).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), Rng::new(7).next_u64());
    }
}
