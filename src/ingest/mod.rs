//! Ingest: find the files under the paths a user gives and read each into a `RawDocument`.
//!
//! Discovery (`walk`) walks directories recursively (hidden entries skipped, symlink loops
//! reported), keeps the extensions claimdex reads, stats each file, and reports everything it
//! cannot use as a diagnostic.
//! Reading never panics: a file that cannot be used is a `Diagnostic`, not an abort.

mod html;
mod markdown;
pub mod meta;
mod pdf;
pub mod walk;

use crate::diagnostic::Diagnostic;
use crate::model::{FileFormat, RawDocument};
use std::path::{Path, PathBuf};

pub use walk::{Stat, Walk};

pub use meta::CorpusMeta;

/// Files larger than this are refused: claimdex keeps one document's text in memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// All readable files under `paths`, sorted, with a diagnostic for each path or entry that failed.
///
/// A path that does not exist is an error diagnostic; a file with an unknown extension given
/// explicitly is a warning (inside a directory it is silently skipped, like `corpus.toml`).
/// The rules are `walk::walk`'s, which also gives each file's stat.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let walk = walk::walk(paths);
    let files = walk.files.into_iter().map(|(path, _)| path).collect();
    (files, walk.diagnostics)
}

/// Reads one file into a `RawDocument`, with warnings for what was repaired.
///
/// Errors (the file is skipped): unreadable, too large, binary, empty, a PDF with no text.
pub fn read(path: &Path, bytes: Vec<u8>) -> Result<(RawDocument, Vec<Diagnostic>), Diagnostic> {
    let mut diagnostics = Vec::new();
    let format = FileFormat::from_path(path).unwrap_or(FileFormat::Text);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            "empty file (no text); skipped",
        ));
    }
    if format == FileFormat::Pdf {
        let (document, pdf_diagnostics) = pdf::read(path, &bytes)?;
        diagnostics.extend(pdf_diagnostics);
        return Ok((document, diagnostics));
    }
    if looks_binary(&bytes) {
        return Err(Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            "binary file (contains NUL bytes), not text; skipped",
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let line = 1 + err.as_bytes()[..valid_up_to]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            diagnostics.push(Diagnostic::warning(
                Some(path.to_path_buf()),
                Some(line),
                "invalid UTF-8; decoded lossily (bad bytes shown as \u{FFFD}); re-save the file as UTF-8",
            ));
            String::from_utf8_lossy(err.as_bytes()).into_owned()
        }
    };
    let document = match format {
        FileFormat::Markdown => markdown::read(path, text),
        FileFormat::Html => {
            let (document, warning) = html::read(path, &text);
            diagnostics.extend(warning);
            document
        }
        FileFormat::Text | FileFormat::Pdf => {
            RawDocument::new(path.to_path_buf(), FileFormat::Text, text)
        }
    };
    if document.text.trim().is_empty() {
        return Err(Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            "no text left after reading the file; skipped",
        ));
    }
    Ok((document, diagnostics))
}

/// Reads a file's bytes, refusing files over `MAX_FILE_BYTES`.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let size = std::fs::metadata(path)
        .map_err(|err| {
            Diagnostic::warning(
                Some(path.to_path_buf()),
                None,
                format!("{}; skipped", io_reason(&err)),
            )
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            format!(
                "file is {} MB, over the {} MB limit; split it",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
        ));
    }
    std::fs::read(path).map_err(|err| {
        Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            format!("{}; skipped", io_reason(&err)),
        )
    })
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(64 * 1024).any(|b| *b == 0)
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied (cannot read)".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_empty_files_are_refused() {
        let err = read(Path::new("a.txt"), b"abc\0def".to_vec()).unwrap_err();
        assert!(err.message.contains("binary"), "{}", err.message);
        let err = read(Path::new("a.txt"), b"  \n\n".to_vec()).unwrap_err();
        assert!(err.message.contains("empty"), "{}", err.message);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let (document, diagnostics) =
            read(Path::new("a.txt"), b"line one\nbad \xff byte\n".to_vec()).unwrap();
        assert_eq!(document.text, "line one\nbad \u{FFFD} byte\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(2));
    }
}
