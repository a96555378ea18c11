//! Fact-check reports: the terminal table grouped by verdict, JSON Lines, a Markdown report for
//! an editor and schema.org ClaimReview JSON-LD. The HTML report is in `check_html.rs`.

use crate::bind::PeriodSource;
use crate::check::{verdict_counts, CheckResult, Evidence, Verdict};
use crate::datasets::text::format_number;
use crate::ingest::meta::Publisher;
use crate::model::Metadata;
use serde_json::json;
use std::collections::BTreeMap;

use super::Style;

/// The table: one section per verdict with its count, then each result's claim, figure,
/// expected value and evidence.
pub fn table(results: &[CheckResult], style: Style) -> String {
    let mut out = String::new();
    for (verdict, count) in verdict_counts(results) {
        if count == 0 {
            continue;
        }
        out.push_str(&style.bold(&format!("{} ({count})", verdict.name())));
        out.push('\n');
        for result in results.iter().filter(|result| result.verdict == verdict) {
            out.push_str(&format!(
                "  {}:{}  [{}] {}  {}\n",
                result.claim.path,
                result.claim.line,
                result.method.name(),
                style.bold(&result.figure.text),
                style.dim(&format!("expected: {}", expected(result)))
            ));
            out.push_str(&format!(
                "    claim: {}\n",
                one_line(&result.claim.text, 200)
            ));
            out.push_str(&format!("    evidence: {}\n", evidence_line(result)));
            if let Some(binding) = binding_line(result) {
                out.push_str(&format!("    {}\n", style.dim(&binding)));
            }
            out.push_str(&format!("    {}\n", result.explanation));
            if let Some(line) = review_line(result) {
                out.push_str(&format!("    {}\n", style.bold(&line)));
            }
        }
        out.push('\n');
    }
    out.push_str(&summary(results));
    out.push('\n');
    out
}

/// "12 results: 5 supported, 1 close, ..." in verdict order.
pub fn summary(results: &[CheckResult]) -> String {
    let parts: Vec<String> = verdict_counts(results)
        .into_iter()
        .map(|(verdict, count)| format!("{count} {}", verdict.name()))
        .collect();
    format!("{} results: {}", results.len(), parts.join(", "))
}

/// One JSON object per result, one per line; `claim` is the object `claimdex claims --json`
/// writes for the same claim.
pub fn json_lines(results: &[CheckResult]) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for result in results {
        out.push_str(&result_object(result)?.to_string());
        out.push('\n');
    }
    Ok(out)
}

/// One check result as the JSON object `check --json` writes (and `serve`'s `/api/check`).
pub fn result_object(result: &CheckResult) -> Result<serde_json::Value, serde_json::Error> {
    let mut value = serde_json::to_value(result)?;
    value["claim"] = super::claims::claim_object(&result.claim);
    // The direction the claim states, so a script can read `expected` without guessing.
    value["change"] = match result.change {
        Some(direction) if direction > 0.0 => json!("rise"),
        Some(_) => json!("fall"),
        None => serde_json::Value::Null,
    };
    Ok(value)
}

/// A Markdown report: counts, then one section per verdict with each claim quoted.
pub fn markdown(results: &[CheckResult]) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    out.push_str("| verdict | results |\n|---|---:|\n");
    for (verdict, count) in verdict_counts(results) {
        out.push_str(&format!("| {} | {count} |\n", verdict.name()));
    }
    for (verdict, count) in verdict_counts(results) {
        if count == 0 {
            continue;
        }
        out.push_str(&format!("\n## {} ({count})\n", verdict.name()));
        for result in results.iter().filter(|result| result.verdict == verdict) {
            out.push_str(&format!(
                "\n### {} — `{}:{}` ({})\n\n> {}\n\n- **Figure:** {}\n- **Expected:** {}\n- **Evidence:** {}\n{}- **Why:** {}\n{}",
                md_escape(&result.figure.text),
                result.claim.path,
                result.claim.line,
                result.method.name(),
                md_escape(&one_line(&result.claim.text, 600)),
                md_escape(&result.figure.text),
                expected(result),
                md_escape(&evidence_line(result)),
                binding_line(result)
                    .map(|line| format!("- **Bound to:** {}\n", md_escape(&line)))
                    .unwrap_or_default(),
                md_escape(&result.explanation),
                review_line(result)
                    .map(|line| format!("- **Human review:** {}\n", md_escape(&line)))
                    .unwrap_or_default()
            ));
        }
    }
    out
}

/// The fact-checker's verdict beside the machine's: "reviewed: contradicted by A. Editor on
/// 2026-12-04 (machine: supported): the release says 25,900".
pub fn review_line(result: &CheckResult) -> Option<String> {
    let review = result.review.as_ref()?;
    Some(format!(
        "reviewed: {} (machine: {}){}",
        review.summary(),
        result.verdict.name(),
        review.note_suffix()
    ))
}

/// Where the figure's period and agency came from: "period: 5 months (2022-10 to 2023-02, part of
/// FY2023), from its own clause ("in the first five months of the fiscal year"); counted by U.S.
/// Border Patrol".
pub fn binding_line(result: &CheckResult) -> Option<String> {
    let binding = result.binding.as_ref()?;
    let mut parts = Vec::new();
    if let (Some(period), Some(source)) = (&binding.period, binding.period_source) {
        let from = match source {
            PeriodSource::Clause => "from its own clause",
            PeriodSource::Sentence => "from another clause of its sentence",
            PeriodSource::Passage => "carried from an earlier sentence",
            PeriodSource::DocumentDate => "only the publication date",
        };
        let words = if period.text.is_empty() {
            String::new()
        } else {
            format!(" (\"{}\")", period.text)
        };
        parts.push(format!(
            "period: {}, {from}{words}",
            crate::check::comparable::describe(period)
        ));
    }
    if let Some(agency) = &binding.counted_by {
        parts.push(format!("counted by {agency}"));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// What `claimreview` published and what it left out.
pub struct ClaimReviews {
    /// The JSON array, pretty-printed.
    pub json: String,
    /// Results left out because their document has no public URL in its metadata.
    pub without_url: usize,
}

/// schema.org ClaimReview JSON-LD, one object per result, in a JSON array. Ratings: 5 supported,
/// 4 close, 3 not comparable or unverifiable, 1 contradicted (worst 1, best 5). `url` is the
/// article's public URL from its metadata: a result whose document has none is left out (and
/// counted, so the command can say so). `itemReviewed` carries the claim's document (title,
/// author, publisher, date, url) from `documents` (slug → metadata); a field the metadata lacks
/// is left out. `claimReviewed` is the figure's clause, under 75 characters. The author is the
/// `[publisher]` of `corpus.toml` (else "claimdex"), the reviewer its `reviewer` or the human
/// reviewer's name. A fact-checker's review (`claimdex review`) is published instead of the
/// machine's verdict: its rating, its note, its reviewer, its date. An `unverifiable` result
/// nobody reviewed publishes nothing.
pub fn claimreview(
    results: &[CheckResult],
    documents: &BTreeMap<String, Metadata>,
    publisher: Option<&Publisher>,
    today: &str,
) -> Result<ClaimReviews, serde_json::Error> {
    let no_metadata = Metadata::default();
    // An unverifiable result publishes nothing unless a fact-checker reviewed it.
    let publishable: Vec<&CheckResult> = results
        .iter()
        .filter(|result| result.verdict != Verdict::Unverifiable || result.review.is_some())
        .collect();
    let mut without_url = 0;
    let mut reviews: Vec<serde_json::Value> = Vec::new();
    for result in publishable {
        let meta = documents.get(&result.claim.doc).unwrap_or(&no_metadata);
        let Some(url) = public_url(meta) else {
            without_url += 1;
            continue;
        };
        reviews.push(claim_review(result, meta, &url, publisher, today));
    }
    Ok(ClaimReviews {
        json: serde_json::to_string_pretty(&reviews)? + "\n",
        without_url,
    })
}

/// The document's url when it is a public web address (http or https).
fn public_url(meta: &Metadata) -> Option<String> {
    meta.url.clone().filter(|url| {
        let lower = url.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    })
}

/// One result's ClaimReview object, its document at `url`.
fn claim_review(
    result: &CheckResult,
    meta: &Metadata,
    url: &str,
    publisher: Option<&Publisher>,
    today: &str,
) -> serde_json::Value {
    let item = item_reviewed(result, meta, url);
    let mut author = json!({
        "@type": "Organization",
        "name": publisher.map_or("claimdex", |publisher| publisher.name.as_str()),
    });
    if let Some(site) = publisher.and_then(|publisher| publisher.url.clone()) {
        author["url"] = json!(site);
    }
    let published = Published::of(result, publisher, today);
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": clause_of(&result.claim.text, &result.figure.text, CLAIM_REVIEWED_CHARS),
        "reviewBody": published.body,
        "author": author,
        "datePublished": published.date,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": published.verdict.rating(),
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": published.verdict.name(),
        },
        "itemReviewed": item,
    });
    if let Some(name) = published.reviewer {
        review["creator"] = json!({"@type": "Person", "name": name});
    }
    review
}

/// The `itemReviewed` claim: where it appeared (the document's title and url) and the
/// document's author, publisher and date where the metadata has them.
fn item_reviewed(result: &CheckResult, meta: &Metadata, url: &str) -> serde_json::Value {
    let organization = |name: &Option<String>| {
        name.as_ref()
            .map(|name| json!({"@type": "Organization", "name": name}))
    };
    let person = |name: &Option<String>| {
        name.as_ref()
            .map(|name| json!({"@type": "Person", "name": name}))
    };
    let mut appearance = json!({
        "@type": "CreativeWork",
        "name": meta.title.clone().unwrap_or_else(|| result.claim.doc.clone()),
        "url": url,
    });
    let mut item = json!({"@type": "Claim", "appearance": null});
    for (key, value) in [
        (
            "author",
            person(&meta.author).or_else(|| organization(&meta.publisher)),
        ),
        ("publisher", organization(&meta.publisher)),
        (
            "datePublished",
            meta.date.clone().map(serde_json::Value::from),
        ),
    ] {
        if let Some(value) = value {
            appearance[key] = value.clone();
            if key != "publisher" {
                item[key] = value;
            }
        }
    }
    item["appearance"] = appearance;
    item
}

/// What a ClaimReview publishes: a human review when there is one (its verdict, its note, its
/// reviewer, its day), else the machine's verdict and explanation today.
struct Published {
    verdict: Verdict,
    body: String,
    reviewer: Option<String>,
    date: String,
}

impl Published {
    fn of(result: &CheckResult, publisher: Option<&Publisher>, today: &str) -> Published {
        let corpus_reviewer = || publisher.and_then(|publisher| publisher.reviewer.clone());
        match &result.review {
            Some(review) => Published {
                verdict: review.verdict,
                body: if review.note.is_empty() {
                    result.explanation.clone()
                } else {
                    review.note.clone()
                },
                reviewer: review.by.clone().or_else(corpus_reviewer),
                date: review.date.clone(),
            },
            None => Published {
                verdict: result.verdict,
                body: result.explanation.clone(),
                reviewer: corpus_reviewer(),
                date: today.to_string(),
            },
        }
    }
}

/// Google asks for a `claimReviewed` under 75 characters.
const CLAIM_REVIEWED_CHARS: usize = 74;

/// The clause of `text` holding `figure` (cut at "; ", ", ", " — ", ": " and brackets), at most
/// `max` characters: whole words around the figure, an ellipsis where words were cut.
pub fn clause_of(text: &str, figure: &str, max: usize) -> String {
    let text = one_line(text, usize::MAX);
    let at = text.find(figure).unwrap_or(0);
    let end_of_figure = (at + figure.len()).min(text.len());
    const BREAKS: [&str; 6] = ["; ", ", ", " — ", " – ", ": ", " ("];
    let start = BREAKS
        .iter()
        .filter_map(|mark| text[..at].rfind(mark).map(|found| found + mark.len()))
        .max()
        .unwrap_or(0);
    let end = BREAKS
        .iter()
        .chain(&[") ", ". "])
        .filter_map(|mark| {
            text[end_of_figure..]
                .find(mark)
                .map(|found| end_of_figure + found)
        })
        .min()
        .unwrap_or(text.len());
    let clause = text[start..end].trim().trim_end_matches('.');
    if clause.chars().count() <= max {
        return clause.to_string();
    }
    // Too long: words around the figure, taken alternately after and before it.
    let words: Vec<&str> = clause.split_whitespace().collect();
    let figure_words = figure.split_whitespace().count().max(1);
    let first = {
        let before = &clause[..clause.find(figure).unwrap_or(0)];
        before.split_whitespace().count()
    };
    let (mut low, mut high) = (first, (first + figure_words).min(words.len()));
    let length = |low: usize, high: usize| words[low..high].join(" ").chars().count() + 2;
    loop {
        let mut grew = false;
        if high < words.len() && length(low, high + 1) <= max {
            high += 1;
            grew = true;
        }
        if low > 0 && length(low - 1, high) <= max {
            low -= 1;
            grew = true;
        }
        if !grew {
            break;
        }
    }
    let mut out = words[low..high].join(" ");
    if out.chars().count() > max {
        out = out.chars().take(max.saturating_sub(1)).collect();
    }
    format!(
        "{}{out}{}",
        if low > 0 { "…" } else { "" },
        if high < words.len() { "…" } else { "" }
    )
}

/// The expected value as text with the difference, or "—". For a change claim: the change the
/// evidence gives in words ("a fall of 10.06%") and the difference on the claimed size of the
/// change, so "losing 30%" against a 10.06% fall reads `a fall of 10.06% (+198.2%)`.
pub fn expected(result: &CheckResult) -> String {
    let Some(value) = result.expected else {
        return "—".into();
    };
    let difference = result
        .difference
        .map(|difference| format!(" ({:+.1}%)", difference * 100.0))
        .unwrap_or_default();
    let Some(sign) = result.change else {
        return format!("{}{difference}", format_number(value));
    };
    let unit = if result.figure.unit == crate::figures::Unit::Percent {
        "%"
    } else {
        ""
    };
    let size = format!("{}{unit}", format_number(value.abs()));
    let (stated, other) = if sign < 0.0 {
        ("fall", "rise")
    } else {
        ("rise", "fall")
    };
    if value == 0.0 {
        format!("no change (the claim states a {stated})")
    } else if value * sign > 0.0 {
        format!("a {stated} of {size}{difference}")
    } else {
        format!("a {other} of {size}, not a {stated}{difference}")
    }
}

/// The evidence in one line: dataset id, row lines and computation; the expression; the other
/// claims; or the nearest candidate.
pub fn evidence_line(result: &CheckResult) -> String {
    match &result.evidence {
        Evidence::Dataset(evidence) => {
            let lines: Vec<String> = evidence
                .rows
                .iter()
                .map(|row| row.line.to_string())
                .collect();
            format!(
                "{} ({}), {} rows {}: {}",
                evidence.dataset,
                evidence.publisher,
                evidence.column,
                lines.join(","),
                evidence.computation.as_deref().unwrap_or("")
            )
        }
        Evidence::Arithmetic(evidence) => evidence.expression.clone(),
        Evidence::CrossDocument(evidence) => evidence
            .others
            .iter()
            .map(|other| format!("{}:{} \"{}\"", other.doc, other.line, other.figure))
            .collect::<Vec<_>>()
            .join("; "),
        Evidence::None { nearest } => match nearest {
            Some(nearest) => format!("nearest: {nearest}"),
            None => "none".into(),
        },
    }
}

/// Text on one line, cut at `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    }
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '*' | '_' | '`' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Whether a verdict name from the command line is known.
pub fn parse_verdict(name: &str) -> Option<Verdict> {
    Verdict::parse(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_reviewed_is_the_figures_clause_under_75_characters() {
        let text = "The provinces in China’s “rust belt” in the northeast have experienced a significant population decline in recent years, losing 30% of their population from 2010 to 2020.";
        let clause = clause_of(text, "30%", CLAIM_REVIEWED_CHARS);
        assert_eq!(clause, "losing 30% of their population from 2010 to 2020");
        // A clause too long keeps whole words around the figure, cut ends marked.
        let long = "Statistics for 2000-2017 show international migrant numbers increased 49 percent from 173 million to 258 million people across every region of the world";
        let clause = clause_of(long, "49 percent", CLAIM_REVIEWED_CHARS);
        assert!(
            clause.chars().count() <= CLAIM_REVIEWED_CHARS + 2,
            "{clause}"
        );
        assert!(clause.contains("49 percent"), "{clause}");
        assert!(clause.starts_with('…') || clause.ends_with('…'), "{clause}");
        // A short sentence is itself.
        assert_eq!(
            clause_of("Arrivals rose to 26,000.", "26,000", 74),
            "Arrivals rose to 26,000"
        );
    }
}
