//! Markdown reader: optional `---` front matter (title, author, date, publisher, url) and `#` headings.
//!
//! The raw text stays the file itself, so spans slice the file; front matter is marked as skipped.

use crate::model::{FileFormat, Metadata, RawDocument};
use crate::span::Span;
use std::path::Path;

pub fn read(path: &Path, text: String) -> RawDocument {
    let mut document = RawDocument::new(path.to_path_buf(), FileFormat::Markdown, String::new());
    let mut offset = 0;
    let mut in_fence = false;
    let mut front_matter_end = None;
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        let mut pos = text.find('\n').map_or(text.len(), |i| i + 1);
        while pos < text.len() {
            let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
            let line = text[pos..end].trim_end();
            if line == "---" || line == "..." {
                front_matter_end = Some(end);
                break;
            }
            parse_front_matter_line(line, &mut document.meta);
            pos = end;
        }
        if front_matter_end.is_none() {
            document.meta = Metadata::default();
        }
    }
    if let Some(end) = front_matter_end {
        document.skip.push(Span::new(0, end));
        offset = end;
    }
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end();
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence && is_atx_heading(line) {
            document
                .headings
                .push(Span::new(offset, offset + line.len()));
        }
        offset = end;
    }
    document.text = text;
    document
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
}

fn parse_front_matter_line(line: &str, meta: &mut Metadata) {
    let Some((key, value)) = line.split_once(':') else {
        return;
    };
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if value.is_empty() {
        return;
    }
    let value = Some(value.to_string());
    match key.trim().to_ascii_lowercase().as_str() {
        "title" => meta.title = value,
        "author" | "authors" | "byline" => meta.author = value,
        "date" | "published" | "pubdate" => meta.date = value,
        "publisher" | "source" | "site" | "outlet" => meta.publisher = value,
        "url" | "link" | "canonical" => meta.url = value,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_headings() {
        let text = "---\ntitle: \"A title\"\ndate: 2024-01-02\n---\n# Heading\n\nBody text.\n```\n# not a heading\n```\n";
        let document = read(Path::new("a.md"), text.to_string());
        assert_eq!(document.meta.title.as_deref(), Some("A title"));
        assert_eq!(document.meta.date.as_deref(), Some("2024-01-02"));
        assert_eq!(document.skip, vec![Span::new(0, 42)]);
        assert_eq!(document.headings.len(), 1);
        assert_eq!(
            document.headings[0].slice(&document.text),
            Some("# Heading")
        );
    }

    #[test]
    fn unterminated_front_matter_is_body_text() {
        let document = read(Path::new("a.md"), "---\ntitle: x\nno end\n".to_string());
        assert!(document.skip.is_empty());
        assert_eq!(document.meta.title, None);
    }
}
