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
