//! `claimdex show`: a stored document printed cleaned, with passage and line numbers.

use super::Style;
use crate::query::StoredDocument;

/// The document as a reader sees it: header, then headings and numbered passages in order.
/// With `dropped`, the lines the cleaner removed are listed at the end with the reason.
pub fn render_document(document: &StoredDocument, style: Style, dropped: bool) -> String {
    let mut out = String::new();
    let title = document.meta.title.as_deref().unwrap_or(&document.slug);
    out.push_str(&format!("{}\n", style.bold(title)));
    let mut about = Vec::new();
    for value in [
        &document.meta.publisher,
        &document.meta.author,
        &document.meta.date,
    ]
    .into_iter()
    .flatten()
    {
        about.push(value.clone());
    }
    if !about.is_empty() {
        out.push_str(&format!("{}\n", about.join(" · ")));
    }
    out.push_str(&format!(
        "{} ({})\n",
        style.cyan(&document.path),
        document.slug
    ));
    if let Some(url) = &document.meta.url {
        out.push_str(&format!("{url}\n"));
    }
    out.push('\n');
    let mut headings = document.data.headings.iter().peekable();
    for passage in &document.passages {
        while let Some((span, line)) = headings.next_if(|(span, _)| span.start < passage.span.start)
        {
            out.push_str(&heading(&document.raw, *span, *line, style));
        }
        let text = mark_figures(&document.raw, passage, style);
        let page = passage
            .page
            .map(|page| format!(" p.{page}"))
            .unwrap_or_default();
        let label = format!("{:>5} [{}{}]", passage.line, passage.number, page);
        out.push_str(&format!("{}  {}\n\n", style.dim(&label), text));
    }
    for (span, line) in headings {
        out.push_str(&heading(&document.raw, *span, *line, style));
    }
    if dropped && !document.data.dropped.is_empty() {
        out.push_str(&format!("{}\n", style.bold("Dropped lines")));
        for line in &document.data.dropped {
            let text = line.span.slice(&document.raw).unwrap_or("");
            out.push_str(&format!(
                "{}  {} — {}\n",
                style.dim(&format!("{:>5}", line.line)),
                text,
                line.reason
            ));
        }
    }
    out
}

/// The passage text on one line with each figure marked: `⟨48,381⟩` (underlined in colour).
fn mark_figures(raw: &str, passage: &crate::query::StoredPassage, style: Style) -> String {
    let mut out = String::new();
    let mut pos = passage.span.start;
    for record in &passage.figures {
        let span = record.figure.span;
        if span.start < pos || span.end > passage.span.end {
            continue;
        }
        out.push_str(raw.get(pos..span.start).unwrap_or(""));
        let surface = raw.get(span.start..span.end).unwrap_or("");
        if style.color {
            out.push_str(&format!("\x1b[4;32m{surface}\x1b[0m"));
        } else {
            out.push_str(&format!("⟨{surface}⟩"));
        }
        pos = span.end;
    }
    out.push_str(raw.get(pos..passage.span.end).unwrap_or(""));
    out.replace('\n', " ")
}

/// One heading line of `show`: its line number, then `## text`.
fn heading(raw: &str, span: crate::span::Span, line: usize, style: Style) -> String {
    let text = span.slice(raw).unwrap_or("").trim_start_matches('#').trim();
    format!(
        "{}  {}\n\n",
        style.dim(&format!("{line:>5}")),
        style.bold(&format!("## {text}"))
    )
}
