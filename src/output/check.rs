//! Fact-check reports: the terminal table grouped by verdict, JSON Lines, a Markdown report for
//! an editor and schema.org ClaimReview JSON-LD. The HTML report is in `check_html.rs`.

use crate::bind::PeriodSource;
use crate::check::{verdict_counts, CheckResult, Evidence, Verdict};
use crate::datasets::text::format_number;
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
    let by = review
        .by
        .as_ref()
        .map(|name| format!(" by {name}"))
        .unwrap_or_default();
    let note = if review.note.is_empty() {
        String::new()
    } else {
        format!(": {}", review.note)
    };
    Some(format!(
        "reviewed: {}{by} on {} (machine: {}){note}",
        review.verdict.name(),
        review.date,
        result.verdict.name()
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

/// schema.org ClaimReview JSON-LD, one object per result, in a JSON array. Ratings: 5 supported,
/// 4 close, 3 not comparable or unverifiable, 1 contradicted (worst 1, best 5). `itemReviewed`
/// carries the claim's document (title, author, publisher, date, url) from `documents`
/// (slug → metadata); a field the metadata lacks is left out. A fact-checker's review
/// (`claimdex review`) is published instead of the machine's verdict: its rating, its note, its
/// reviewer, its date. An `unverifiable` result nobody reviewed publishes nothing.
pub fn claimreview(
    results: &[CheckResult],
    documents: &BTreeMap<String, Metadata>,
) -> Result<String, serde_json::Error> {
    let no_metadata = Metadata::default();
    // An unverifiable result publishes nothing unless a fact-checker reviewed it.
    let reviews: Vec<serde_json::Value> = results
        .iter()
        .filter(|result| result.verdict != Verdict::Unverifiable || result.review.is_some())
        .map(|result| {
            let meta = documents.get(&result.claim.doc).unwrap_or(&no_metadata);
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
                "url": meta.url.clone().unwrap_or_else(|| result.claim.path.clone()),
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
            // A human review is what is published: its verdict, its note, its reviewer.
            let (verdict, body, author) = match &result.review {
                Some(review) => (
                    review.verdict,
                    if review.note.is_empty() {
                        result.explanation.clone()
                    } else {
                        review.note.clone()
                    },
                    match &review.by {
                        Some(name) => json!({"@type": "Person", "name": name}),
                        None => json!({"@type": "Organization", "name": "claimdex"}),
                    },
                ),
                None => (
                    result.verdict,
                    result.explanation.clone(),
                    json!({"@type": "Organization", "name": "claimdex"}),
                ),
            };
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": result.claim.text,
                "reviewBody": body,
                "author": author,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": verdict.rating(),
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": verdict.name(),
                },
                "itemReviewed": item,
                "url": format!("{}#L{}", result.claim.path, result.claim.line),
            });
            if let Some(human) = &result.review {
                review["datePublished"] = json!(human.date);
            }
            review
        })
        .collect();
    serde_json::to_string_pretty(&reviews).map(|text| text + "\n")
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
