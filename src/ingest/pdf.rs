//! PDF reader: the text layer, page by page, through `pdf-extract`; page starts are kept.
//!
//! A PDF without a text layer (a scan) is skipped with a warning that says to run OCR first.
//! `pdf-extract` can panic on malformed files, so it runs under `catch_unwind`.

use crate::diagnostic::Diagnostic;
use crate::model::{Format, RawDocument};
use std::path::Path;

pub fn read(path: &Path, bytes: &[u8]) -> Result<(RawDocument, Vec<Diagnostic>), Diagnostic> {
    let fail = |message: String| Diagnostic::warning(Some(path.to_path_buf()), None, message);
    if !bytes.starts_with(b"%PDF") {
        return Err(fail("not a PDF file (no %PDF header); skipped".to_string()));
    }
    // pdf-extract looks a page's inherited keys (MediaBox, Resources) up its /Parent chain with
    // no guard: a page that is its own ancestor loops forever (found by `fuzz/`).
    if std::panic::catch_unwind(|| page_tree_loops(bytes)).unwrap_or(false) {
        return Err(fail(
            "cannot read the PDF (a page is its own ancestor in the page tree); skipped"
                .to_string(),
        ));
    }
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes));
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(err)) => return Err(fail(format!("cannot read the PDF ({err}); skipped"))),
        Err(_) => {
            return Err(fail(
                "cannot read the PDF (malformed file); skipped".to_string(),
            ))
        }
    };
    let mut document = RawDocument::new(path.to_path_buf(), Format::Pdf, String::new());
    for (page_idx, page) in pages.iter().enumerate() {
        let page = page.trim_matches(|c: char| c.is_whitespace());
        if page.is_empty() {
            continue;
        }
        if !document.text.is_empty() {
            document.text.push_str("\n\n");
        }
        document
            .pages
            .push((document.text.len(), page_idx as u32 + 1));
        document.text.push_str(page);
    }
    if document.text.trim().is_empty() {
        return Err(fail(format!(
            "PDF has no text layer ({} pages, no extractable text: a scan?); skipped; run OCR on it first",
            pages.len()
        )));
    }
    Ok((document, Vec::new()))
}

/// Whether some page's /Parent chain comes back to a node it passed (only when the file parses;
/// a file that does not is reported by pdf-extract).
fn page_tree_loops(bytes: &[u8]) -> bool {
    let Ok(document) = pdf_extract::Document::load_mem(bytes) else {
        return false;
    };
    document.get_pages().values().any(|&page| {
        let mut seen = std::collections::HashSet::new();
        let mut node = page;
        while seen.insert(node) {
            let parent = document
                .get_dictionary(node)
                .and_then(|dict| dict.get(b"Parent"))
                .and_then(|parent| parent.as_reference());
            match parent {
                Ok(parent) => node = parent,
                Err(_) => return false,
            }
        }
        true
    })
}
