//! PDF reader: the text layer, page by page, through `pdf-extract`; page starts are kept.
//!
//! A PDF without a text layer (a scan) is skipped with a warning that says to run OCR first.
//! `pdf-extract` can panic on malformed files, so it runs under `catch_unwind`.

use crate::diagnostic::Diagnostic;
use crate::model::{FileFormat, RawDocument};
use std::path::Path;

pub fn read(path: &Path, bytes: &[u8]) -> Result<(RawDocument, Vec<Diagnostic>), Diagnostic> {
    let fail = |message: String| Diagnostic::warning(Some(path.to_path_buf()), None, message);
    if !bytes.starts_with(b"%PDF") {
        return Err(fail("not a PDF file (no %PDF header); skipped".to_string()));
    }
    // lopdf allocates a buffer of each cross-reference stream field's declared width before
    // reading it: a width of 195,880,666,000 bytes aborts the process (found by `fuzz/`).
    if let Some(width) = widest_xref_field(bytes).filter(|&width| width > MAX_XREF_FIELD_BYTES) {
        return Err(fail(format!(
            "cannot read the PDF (a cross-reference stream declares a {width}-byte field; \
             at most {MAX_XREF_FIELD_BYTES} is meaningful); skipped"
        )));
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
    let mut document = RawDocument::new(path.to_path_buf(), FileFormat::Pdf, String::new());
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

/// A cross-reference stream field holds a byte offset, an object number or a generation: eight
/// bytes already address more than any file.
const MAX_XREF_FIELD_BYTES: u64 = 8;

/// The widest field any `/W [a b c]` array in the file declares (cross-reference streams are
/// never inside object streams, so their dictionaries are in the raw bytes). Only digits are read;
/// a width lopdf would reject anyway (negative, a reference, a real) does not count.
fn widest_xref_field(bytes: &[u8]) -> Option<u64> {
    let mut widest = None;
    let mut rest = bytes;
    while let Some(at) = rest.windows(2).position(|pair| pair == b"/W") {
        rest = &rest[at + 2..];
        let after_name = rest.trim_ascii_start();
        let Some(array) = after_name.strip_prefix(b"[") else {
            continue;
        };
        let end = array.iter().position(|&b| b == b']').unwrap_or(array.len());
        for token in array[..end].split(|b| b.is_ascii_whitespace()) {
            let digits = token.strip_prefix(b"+").unwrap_or(token);
            if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                continue;
            }
            // Too many digits for u64 is wider than any limit.
            let width = std::str::from_utf8(digits)
                .ok()
                .and_then(|digits| digits.parse::<u64>().ok())
                .unwrap_or(u64::MAX);
            widest = widest.max(Some(width));
        }
    }
    widest
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

#[cfg(test)]
mod tests {
    use super::widest_xref_field;

    #[test]
    fn the_widest_declared_xref_field_is_read_and_other_w_names_are_not() {
        assert_eq!(
            widest_xref_field(b"<</Type/XRef/W[1 4 195880666000]>>"),
            Some(195_880_666_000)
        );
        assert_eq!(widest_xref_field(b"<</W [ 1 2 1 ] /Size 9>>"), Some(2));
        assert_eq!(
            widest_xref_field(b"/W [1 99999999999999999999999 1]"),
            Some(u64::MAX)
        );
        assert_eq!(widest_xref_field(b"<</Width 612 /W 3 0 R>>"), None);
        assert_eq!(widest_xref_field(b"<</W [-1 2 1.5]>>"), Some(2));
    }
}
