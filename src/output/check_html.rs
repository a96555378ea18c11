//! The HTML fact-check report: one self-contained file (inline style and script, no external
//! assets), every piece of corpus text escaped, the figure highlighted in its sentence, a verdict
//! badge, the evidence and its provenance, and filters by verdict and by document.

use crate::check::{verdict_counts, CheckResult, DatasetEvidence, Evidence};

use super::check::{evidence_line, expected};

const STYLE: &str =
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}\
.result{border:1px solid #ccc;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0}\
.badge{display:inline-block;padding:.1rem .5rem;border-radius:4px;color:#fff;font-weight:600}\
.supported{background:#2e7d32}.close{background:#689f38}.contradicted{background:#c62828}\
.not_comparable{background:#6d4c41}.unverifiable{background:#757575}\
mark{background:#ffe082}.meta{color:#555;font-size:.9em}.hidden{display:none}";

const SCRIPT: &str = "function applyFilters(){var v=document.getElementById('verdict').value;\
var d=document.getElementById('doc').value;\
document.querySelectorAll('.result').forEach(function(r){\
var show=(v===''||r.dataset.verdict===v)&&(d===''||r.dataset.doc===d);\
r.classList.toggle('hidden',!show);});}\
document.getElementById('verdict').addEventListener('change',applyFilters);\
document.getElementById('doc').addEventListener('change',applyFilters);";

/// The whole report as one HTML document.
pub fn html(results: &[CheckResult]) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<title>claimdex fact-check report</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head><body>\n<h1>Fact-check report</h1>\n");
    push_counts_and_filters(&mut out, results);
    for result in results {
        push_result(&mut out, result);
    }
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body></html>\n");
    out
}

/// The verdict counts as badges, then the verdict and document filters.
fn push_counts_and_filters(out: &mut String, results: &[CheckResult]) {
    out.push_str("<p>");
    let counts: Vec<String> = verdict_counts(results)
        .into_iter()
        .map(|(verdict, count)| {
            format!(
                "<span class=\"badge {0}\">{0}</span> {count}",
                verdict.name()
            )
        })
        .collect();
    out.push_str(&counts.join(" &nbsp; "));
    out.push_str("</p>\n<p><label>Verdict <select id=\"verdict\"><option value=\"\">all</option>");
    for (verdict, _) in verdict_counts(results) {
        out.push_str(&format!(
            "<option value=\"{0}\">{0}</option>",
            verdict.name()
        ));
    }
    out.push_str(
        "</select></label> <label>Document <select id=\"doc\"><option value=\"\">all</option>",
    );
    let mut docs: Vec<&str> = results
        .iter()
        .map(|result| result.claim.doc.as_str())
        .collect();
    docs.sort();
    docs.dedup();
    for doc in docs {
        out.push_str(&format!("<option value=\"{0}\">{0}</option>", escape(doc)));
    }
    out.push_str("</select></label></p>\n");
}

/// One result's card: verdict badge, where the claim is, the claim with its figure marked,
/// expected value, evidence, the dataset's source, the explanation and any human review.
fn push_result(out: &mut String, result: &CheckResult) {
    out.push_str(&format!(
        "<div class=\"result\" data-verdict=\"{}\" data-doc=\"{}\">",
        result.verdict.name(),
        escape(&result.claim.doc)
    ));
    out.push_str(&format!(
        "<span class=\"badge {0}\">{0}</span> <span class=\"meta\">{1}:{2} · {3}</span>",
        result.verdict.name(),
        escape(&result.claim.path),
        result.claim.line,
        result.method.name()
    ));
    out.push_str(&format!("<p>{}</p>", highlighted(result)));
    out.push_str(&format!(
        "<p class=\"meta\">Expected: {} · Evidence: {}</p>",
        escape(&expected(result)),
        escape(&evidence_line(result))
    ));
    if let Evidence::Dataset(evidence) = &result.evidence {
        out.push_str(&dataset_source(evidence));
    }
    out.push_str(&format!("<p>{}</p>", escape(&result.explanation)));
    if let Some(line) = super::check::review_line(result) {
        out.push_str(&format!(
            "<p class=\"review\"><strong>{}</strong></p>",
            escape(&line)
        ));
    }
    out.push_str("</div>\n");
}

/// The dataset's publisher and title, the title a link when the dataset's url is a web address.
fn dataset_source(evidence: &DatasetEvidence) -> String {
    // A manifest is user data: only a web address becomes a link, never `javascript:`.
    let title = if is_web_url(&evidence.url) {
        format!(
            "<a href=\"{}\">{}</a>",
            escape(&evidence.url),
            escape(&evidence.title)
        )
    } else {
        format!("{} ({})", escape(&evidence.title), escape(&evidence.url))
    };
    format!(
        "<p class=\"meta\">Source: {} — {}</p>",
        escape(&evidence.publisher),
        title
    )
}

/// Whether `url` is an http(s) address, the only kind the report turns into a link.
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The claim's text, escaped, with the figure in `<mark>`. The claim text has footnotes removed
/// and whitespace collapsed, so the figure is found by its words: the occurrence nearest to
/// where its span says it is.
fn highlighted(result: &CheckResult) -> String {
    let text = &result.claim.text;
    let needle = result
        .figure
        .text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let near = result
        .figure
        .span
        .start
        .saturating_sub(result.claim.span.start);
    let found = if needle.is_empty() {
        None
    } else {
        text.match_indices(needle.as_str())
            .map(|(start, _)| start)
            .min_by_key(|start| start.abs_diff(near))
    };
    match found {
        Some(start) => {
            let end = start + needle.len();
            format!(
                "{}<mark>{}</mark>{}",
                escape(&text[..start]),
                escape(&text[start..end]),
                escape(&text[end..])
            )
        }
        None => escape(text),
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://www.un.org/development/desa/"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" JavaScript:alert(1)"));
        assert!(!is_web_url("data:text/html,<b>x</b>"));
    }

    #[test]
    fn an_empty_report_is_still_a_page() {
        let page = html(&[]);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("id=\"verdict\""));
        assert_eq!(page.matches("<script>").count(), 1);
    }
}
