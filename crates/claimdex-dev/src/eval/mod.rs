//! Evaluation against other people's test suites: each suite feeds its cases through the real
//! annotator and returns a [`SuiteReport`] that the `claimdex-eval` binary prints.
//!
//! One file per suite; a new suite adds a module and a subcommand, nothing else.

pub mod checkworthy;
pub mod claim_retrieval;
pub mod measeval;
pub mod news;
pub mod numbers;
pub mod quantulum;
pub mod retrieval;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A suite that cannot be read, naming the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(
        "{path}: cannot read ({source}); pass the suite's folder, e.g. /work/shared/eval/<suite>"
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not the expected format ({message})")]
    Format { path: PathBuf, message: String },
}

/// Reads a UTF-8 file, dropping a byte-order mark.
pub(crate) fn read_text(path: &Path) -> Result<String, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_string())
}

/// One file's (or part's) results.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    pub name: String,
    pub cases: usize,
    pub in_scope: usize,
    pub passed: usize,
    /// Why cases were left out, with how many.
    pub out_of_scope: Vec<(String, usize)>,
    /// A few failing cases, for the reader.
    pub failures: Vec<String>,
}

impl FileReport {
    pub fn new(name: impl Into<String>) -> FileReport {
        FileReport {
            name: name.into(),
            ..FileReport::default()
        }
    }

    pub fn skip(&mut self, reason: &str) {
        self.cases += 1;
        match self
            .out_of_scope
            .iter_mut()
            .find(|(known, _)| known == reason)
        {
            Some((_, count)) => *count += 1,
            None => self.out_of_scope.push((reason.to_string(), 1)),
        }
    }

    pub fn record(&mut self, passed: bool, failure: impl FnOnce() -> String) {
        self.cases += 1;
        self.in_scope += 1;
        if passed {
            self.passed += 1;
        } else if self.failures.len() < MAX_FAILURES_SHOWN {
            self.failures.push(failure());
        }
    }
}

/// How many failing cases a report shows per file.
const MAX_FAILURES_SHOWN: usize = 1000;

/// A whole suite's results: a table of files, extra metric lines, then the summary line.
#[derive(Debug, Clone, Default)]
pub struct SuiteReport {
    pub suite: String,
    pub files: Vec<FileReport>,
    /// Metrics beyond pass counts (F1 scores, targets), printed before the summary.
    pub metrics: Vec<String>,
    /// Whether to print failing cases.
    pub verbose: bool,
}

impl SuiteReport {
    pub fn passed(&self) -> usize {
        self.files.iter().map(|file| file.passed).sum()
    }

    pub fn in_scope(&self) -> usize {
        self.files.iter().map(|file| file.in_scope).sum()
    }

    /// The human report; its last line is `<suite>: passed P of N in scope (R%)`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.push_file_table(&mut out);
        self.push_out_of_scope(&mut out);
        if self.verbose {
            self.push_failures(&mut out);
        }
        if !self.metrics.is_empty() {
            let _ = writeln!(out);
            for metric in &self.metrics {
                let _ = writeln!(out, "{metric}");
            }
        }
        let _ = write!(
            out,
            "\n{}: passed {} of {} in scope ({})",
            self.suite,
            self.passed(),
            self.in_scope(),
            percent(self.passed(), self.in_scope())
        );
        out
    }

    /// One line per file: cases, in scope, passed, rate.
    fn push_file_table(&self, out: &mut String) {
        let width = self
            .files
            .iter()
            .map(|file| file.name.len())
            .max()
            .unwrap_or(4)
            .max(4);
        let _ = writeln!(
            out,
            "{:width$}  {:>6}  {:>8}  {:>6}  {:>6}",
            "file", "cases", "in scope", "passed", "rate"
        );
        for file in &self.files {
            let _ = writeln!(
                out,
                "{:width$}  {:>6}  {:>8}  {:>6}  {:>6}",
                file.name,
                file.cases,
                file.in_scope,
                file.passed,
                percent(file.passed, file.in_scope)
            );
        }
    }

    /// The cases left out of scope, per file and reason (nothing when none were).
    fn push_out_of_scope(&self, out: &mut String) {
        let mut any_skipped = false;
        for file in &self.files {
            for (reason, count) in &file.out_of_scope {
                if !any_skipped {
                    let _ = writeln!(out, "\nout of scope:");
                    any_skipped = true;
                }
                let _ = writeln!(out, "  {}: {count} ({reason})", file.name);
            }
        }
    }

    /// The failing cases kept of each file.
    fn push_failures(&self, out: &mut String) {
        for file in self.files.iter().filter(|file| !file.failures.is_empty()) {
            let _ = writeln!(
                out,
                "\nfailures in {} ({}):",
                file.name,
                file.failures.len()
            );
            for failure in &file.failures {
                let _ = writeln!(out, "  {failure}");
            }
        }
    }
}

/// `passed / total` as a percentage with one decimal, `-` when there is nothing.
pub fn percent(passed: usize, total: usize) -> String {
    if total == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * passed as f64 / total as f64)
    }
}

/// Whether two values agree to within a millionth (specs print 0.666666666666667).
pub(crate) fn same_value(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-6 * want.abs().max(1.0)
}

/// The byte offset of char index `char_idx` in `text` (the end of `text` past its last char).
pub(crate) fn byte_offset(text: &str, char_idx: usize) -> usize {
    text.char_indices()
        .nth(char_idx)
        .map_or(text.len(), |(byte, _)| byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_ends_with_the_summary_line() {
        let mut file = FileReport::new("a.json");
        file.record(true, String::new);
        file.record(false, || "x".to_string());
        file.skip("NotSupported: dotnet");
        let report = SuiteReport {
            suite: "numbers".to_string(),
            files: vec![file],
            metrics: Vec::new(),
            verbose: false,
        };
        let text = report.render();
        assert_eq!(
            text.lines().last(),
            Some("numbers: passed 1 of 2 in scope (50.0%)")
        );
        assert!(text.contains("a.json: 1 (NotSupported: dotnet)"), "{text}");
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        assert_eq!(byte_offset("£ 8", 1), 2);
        assert_eq!(byte_offset("ab", 5), 2);
    }
}
