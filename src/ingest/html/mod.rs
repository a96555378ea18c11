//! HTML reader: parses with html5ever (through `scraper`), drops chrome, keeps headings and paragraphs.
//!
//! The raw text of an HTML document is the extracted text: one block per line, blocks separated
//! by a blank line. Spans index that text, which the index stores so it can be sliced again.

mod depth;

use crate::diagnostic::Diagnostic;
use crate::model::{FileFormat, RawDocument};
use crate::span::Span;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::path::Path;

/// Elements whose whole subtree is page chrome or code, never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "svg", "iframe", "select", "head", "menu", "dialog",
];

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "hr",
    "caption",
    "summary",
    "details",
];

/// Reads a page; a warning says when tags nested too deeply were dropped (their text is kept).
pub fn read(path: &Path, source: &str) -> (RawDocument, Option<Diagnostic>) {
    let (source, capped) = depth::bound_depth(source);
    let warning = capped.then(|| {
        Diagnostic::warning(
            Some(path.to_path_buf()),
            None,
            format!(
                "HTML nested more than {} tags deep; the deeper tags were ignored and their text kept",
                depth::MAX_DEPTH
            ),
        )
    });
    let html = Html::parse_document(&source);
    let mut document = RawDocument::new(path.to_path_buf(), FileFormat::Html, String::new());
    document.meta.title = select_text(&html, "title");
    document.meta.publisher = meta_content(&html, &["og:site_name", "publisher", "dc.publisher"]);
    document.meta.author = meta_content(&html, &["author", "article:author", "dc.creator"]);
    document.meta.date = meta_content(
        &html,
        &[
            "article:published_time",
            "date",
            "dc.date",
            "pubdate",
            "publish-date",
        ],
    );
    document.meta.url = meta_content(&html, &["og:url"]);

    let mut extractor = Extractor::default();
    let body = Selector::parse("body")
        .ok()
        .and_then(|selector| html.select(&selector).next());
    extractor.walk(body.unwrap_or_else(|| html.root_element()));
    extractor.flush();
    document.text = extractor.text;
    document.headings = extractor.headings;
    (document, warning)
}

#[derive(Default)]
struct Extractor {
    text: String,
    line: String,
    headings: Vec<Span>,
    heading_depth: usize,
    line_is_heading: bool,
}

impl Extractor {
    /// Walks the subtree in document order without recursion: a page nested a hundred thousand
    /// tags deep must not overflow the stack (html5ever builds such trees happily).
    fn walk(&mut self, root: ElementRef<'_>) {
        // The dropped element whose subtree is being skipped, if any.
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() || node.id() == root.id() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.push_text(text),
                        Node::Element(data) => {
                            let name = data.name();
                            if DROPPED.contains(&name) || data.attr("hidden").is_some() {
                                skipping = Some(node.id());
                                continue;
                            }
                            if BLOCKS.contains(&name) {
                                self.flush();
                            }
                            if is_heading(name) {
                                self.heading_depth += 1;
                                self.line_is_heading = true;
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skipping == Some(node.id()) {
                        skipping = None;
                        continue;
                    }
                    if skipping.is_some() || node.id() == root.id() {
                        continue;
                    }
                    if let Node::Element(data) = node.value() {
                        let name = data.name();
                        if BLOCKS.contains(&name) {
                            self.flush();
                        }
                        if is_heading(name) {
                            self.heading_depth -= 1;
                        }
                    }
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for word in text.split(|c: char| c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}') {
            if word.is_empty() {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
                continue;
            }
            self.line.push_str(word);
            self.line.push(' ');
        }
        if !text.ends_with(char::is_whitespace) && self.line.ends_with(' ') {
            self.line.pop();
        }
    }

    fn flush(&mut self) {
        let line = self.line.trim();
        if !line.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(line);
            if self.line_is_heading {
                self.headings.push(Span::new(start, self.text.len()));
            }
        }
        self.line.clear();
        self.line_is_heading = self.heading_depth > 0;
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn select_text(html: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).ok()?;
    let text: String = html
        .select(&selector)
        .next()?
        .text()
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn meta_content(html: &Html, names: &[&str]) -> Option<String> {
    let selector = Selector::parse("meta").ok()?;
    for name in names {
        for element in html.select(&selector) {
            let value = element.value();
            let key = value.attr("property").or_else(|| value.attr("name"));
            if key.is_some_and(|key| key.eq_ignore_ascii_case(name)) {
                if let Some(content) = value
                    .attr("content")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                {
                    return Some(content.to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_headings_and_paragraphs_and_drops_chrome() {
        let source = r#"<html><head><title>Page title</title><meta property="og:site_name" content="The Outlet">
            <script>var x = "secret";</script></head><body><nav>Home | About</nav>
            <header>Site header</header><article><h1>Big <em>news</em></h1>
            <p>First   paragraph with <a href="x">a link</a>.</p><p>Second.</p>
            <style>p{}</style></article><footer>Copyright</footer></body></html>"#;
        let (document, warning) = read(Path::new("a.html"), source);
        assert!(warning.is_none());
        assert_eq!(
            document.text,
            "Big news\n\nFirst paragraph with a link.\n\nSecond."
        );
        assert_eq!(document.meta.title.as_deref(), Some("Page title"));
        assert_eq!(document.meta.publisher.as_deref(), Some("The Outlet"));
        assert_eq!(document.headings, vec![Span::new(0, 8)]);
    }
}
