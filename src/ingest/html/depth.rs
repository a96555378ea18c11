//! Bounds how deeply a page's tags nest before html5ever sees it.
//!
//! html5ever's tree builder scans the stack of open elements for many start tags, so a page
//! nested tens of thousands of tags deep parses in quadratic time. Browsers cap the tree depth
//! (Chromium at 512); claimdex does the same before parsing: tags that would open deeper than
//! `MAX_DEPTH` (and their end tags) are removed, their text is kept. A normal page is returned
//! untouched, without a copy.

use std::borrow::Cow;

/// The deepest nesting kept, as in Chromium's HTML parser.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements html5ever closes when a sibling of the same kind opens (`<li>a<li>b`), so a page
/// that never writes their end tags does not really nest them; they are not counted.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp",
];

/// Elements whose content is raw text up to their end tag (a `<` inside is not a tag).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The source with tags nested deeper than `MAX_DEPTH` removed, and whether any were.
pub fn bound_depth(source: &str) -> (Cow<'_, str>, bool) {
    bound_depth_to(source, MAX_DEPTH)
}

fn bound_depth_to(source: &str, max_depth: usize) -> (Cow<'_, str>, bool) {
    let mut scanner = Scanner { source, at: 0 };
    let mut depth = 0usize;
    // Byte ranges of the tags to remove, in order.
    let mut removed: Vec<(usize, usize)> = Vec::new();
    while let Some(tag) = scanner.next_tag() {
        if !tag.counted() {
            continue;
        }
        if tag.closing {
            if depth > max_depth {
                removed.push((tag.start, tag.end));
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max_depth {
                removed.push((tag.start, tag.end));
            }
        }
    }
    if removed.is_empty() {
        return (Cow::Borrowed(source), false);
    }
    let mut kept = String::with_capacity(source.len());
    let mut from = 0;
    for (start, end) in removed {
        kept.push_str(&source[from..start]);
        from = end;
    }
    kept.push_str(&source[from..]);
    (Cow::Owned(kept), true)
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closed: bool,
    start: usize,
    end: usize,
}

impl Tag<'_> {
    /// Whether the tag opens or closes a level of nesting.
    fn counted(&self) -> bool {
        !self.self_closed
            && !VOID.iter().any(|v| self.name.eq_ignore_ascii_case(v))
            && !SELF_CLOSING_SIBLINGS
                .iter()
                .any(|v| self.name.eq_ignore_ascii_case(v))
    }
}

struct Scanner<'a> {
    source: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    /// The next start or end tag, skipping comments, doctypes and raw-text content.
    fn next_tag(&mut self) -> Option<Tag<'a>> {
        let bytes = self.source.as_bytes();
        loop {
            let start = self.at + memchr(b'<', &bytes[self.at..])?;
            let rest = &self.source[start..];
            if rest.starts_with("<!--") {
                self.at = match rest.find("-->") {
                    Some(end) => start + end + 3,
                    None => bytes.len(),
                };
                continue;
            }
            let closing = rest.as_bytes().get(1) == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                // `<!DOCTYPE`, `<?xml`, a bare `<` in text: not a tag that nests.
                self.at = start + 1;
                continue;
            }
            let name = &self.source[name_start..name_start + name_len];
            let end = tag_end(bytes, name_start + name_len);
            let self_closed = end >= 2 && bytes[end - 2] == b'/' && bytes[end - 1] == b'>';
            self.at = end;
            if !closing && RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
                self.skip_raw_text(name);
            }
            return Some(Tag {
                name,
                closing,
                self_closed,
                start,
                end,
            });
        }
    }

    /// Moves past the content of a raw-text element, to just before its end tag.
    fn skip_raw_text(&mut self, name: &str) {
        let bytes = self.source.as_bytes();
        let mut at = self.at;
        while let Some(offset) = memchr(b'<', &bytes[at..]) {
            let candidate = at + offset;
            let after = &bytes[candidate..];
            if after.len() >= 2 + name.len()
                && after[1] == b'/'
                && after[2..2 + name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                self.at = candidate;
                return;
            }
            at = candidate + 1;
        }
        self.at = bytes.len();
    }
}

/// The byte just after the `>` that ends a tag whose attributes start at `from`; quoted
/// attribute values may hold a `>`.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (offset, byte) in bytes[from..].iter().enumerate() {
        match (quote, *byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*byte),
            (None, b'>') => return from + offset + 1,
            (None, _) => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normal_page_is_not_copied() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src='>'>\
                    <script>if (a < b) { x = '<div>'; }</script></div></body></html>";
        let (kept, capped) = bound_depth_to(page, 4);
        assert!(!capped);
        assert!(matches!(kept, Cow::Borrowed(_)));
    }

    #[test]
    fn tags_deeper_than_the_cap_are_removed_and_their_text_kept() {
        let page = "<div><div><div><div>deep 1,234</div></div></div></div><p>after";
        let (kept, capped) = bound_depth_to(page, 2);
        assert!(capped);
        assert_eq!(kept, "<div><div>deep 1,234</div></div><p>after");
    }

    #[test]
    fn comments_and_raw_text_do_not_count() {
        let page = "<!-- <div><div><div> --><script><div><div><div></script><div>x</div>";
        assert!(!bound_depth_to(page, 1).1);
    }

    #[test]
    fn unclosed_tags_and_stray_brackets_end_cleanly() {
        for page in [
            "<div",
            "<div a=\">",
            "a < b",
            "</",
            "<",
            "<script>never closed",
            "<!--",
        ] {
            let _ = bound_depth_to(page, 0);
        }
    }
}
