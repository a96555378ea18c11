//! Rendering claims, sources and topics: terminal text, JSON Lines and CSV.

use super::Style;
use crate::claims::Claim;
use crate::query::{SourceSummary, TopicCount};
use crate::review::{Review, Reviews};
use crate::sources::Via;

/// The claims as a readable list: id, location, source, score, then the text with figures marked.
pub fn claims_table(claims: &[Claim], reviews: &Reviews, style: Style) -> String {
    let mut out = String::new();
    for (rank, claim) in claims.iter().enumerate() {
        let source = match &claim.source {
            Some(source) => format!(
                "{} ({}, \"{}\")",
                style.green(&source.name),
                match source.via {
                    Via::Carried => "carried from an earlier paragraph",
                    via => via.as_str(),
                },
                source.mention
            ),
            None => style.bold("no source"),
        };
        out.push_str(&format!(
            "{}. {}  {}  check-worthiness {:.2}\n   source: {}\n",
            rank + 1,
            style.cyan(&format!("{}:{}", claim.path, claim.line)),
            style.dim(&claim.id),
            claim.checkworthiness,
            source
        ));
        if !claim.topics.is_empty() {
            out.push_str(&format!("   topics: {}\n", claim.topics.join(", ")));
        }
        for review in reviews_of(reviews, claim) {
            out.push_str(&format!(
                "   {}\n",
                style.bold(&format!(
                    "reviewed: {}{}",
                    review.summary(),
                    review.note_suffix()
                ))
            ));
        }
        out.push_str(&format!("   {}\n\n", mark_figures(claim, style)));
    }
    out
}

/// One JSON object per claim with the fields of the issue: `id`, `doc`, `path`, `line`, `span`,
/// `text`, `figures`, `source` (or null), `topics`, `checkworthiness`.
/// A claim a fact-checker reviewed also has `reviews` (the `reviews.toml` entries of its id).
pub fn claims_json(claims: &[Claim], reviews: &Reviews) -> String {
    let mut out = String::new();
    for claim in claims {
        out.push_str(&claim_with_reviews(claim, reviews).to_string());
        out.push('\n');
    }
    out
}

/// [`claim_object`] with the claim's `reviews` when a fact-checker reviewed it (the object
/// `claims --json` and the desk's `/api/claims` write).
pub fn claim_with_reviews(claim: &Claim, reviews: &Reviews) -> serde_json::Value {
    let mut object = claim_object(claim);
    let own: Vec<&Review> = reviews_of(reviews, claim).collect();
    if !own.is_empty() {
        object["reviews"] = serde_json::to_value(own).unwrap_or_default();
    }
    object
}

/// The human reviews of one claim.
fn reviews_of<'r>(reviews: &'r Reviews, claim: &'r Claim) -> impl Iterator<Item = &'r Review> {
    reviews
        .all()
        .iter()
        .filter(move |review| review.claim == claim.id)
}

/// A claim as a JSON object, the one shape `claims --json` and `check --format json` share.
pub fn claim_object(claim: &Claim) -> serde_json::Value {
    let source = claim.source.as_ref().map(|source| {
        serde_json::json!({
            "name": source.name,
            "mention": source.mention,
            "kind": source.kind,
            "via": source.via,
            "span": source.span,
            "citation": source.citation,
        })
    });
    serde_json::json!({
        "id": claim.id,
        "doc": claim.doc,
        "path": claim.path,
        "line": claim.line,
        "span": claim.span,
        "text": claim.text,
        "figures": claim.figures,
        "source": source,
        "topics": claim.topics,
        "checkworthiness": claim.checkworthiness,
    })
}

/// The claims as CSV with a header row; cells a spreadsheet would run as formulas are neutralised.
pub fn claims_csv(claims: &[Claim], reviews: &Reviews) -> String {
    let mut out = String::from(
        "id,doc,path,line,start,end,text,figures,source,source_kind,via,mention,topics,checkworthiness,review_verdict,review_by,review_note\n",
    );
    for claim in claims {
        let figures: Vec<&str> = claim
            .figures
            .iter()
            .map(|record| record.figure.text.as_str())
            .collect();
        let source = claim.source.as_ref();
        let kind = source
            .and_then(|source| source.kind)
            .and_then(|kind| serde_json::to_value(kind).ok())
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default();
        let cells = [
            claim.id.clone(),
            claim.doc.clone(),
            claim.path.clone(),
            claim.line.to_string(),
            claim.span.start.to_string(),
            claim.span.end.to_string(),
            claim.text.clone(),
            figures.join("; "),
            source.map(|s| s.name.clone()).unwrap_or_default(),
            kind,
            source
                .map(|s| s.via.as_str().to_string())
                .unwrap_or_default(),
            source.map(|s| s.mention.clone()).unwrap_or_default(),
            claim.topics.join("; "),
            format!("{:.3}", claim.checkworthiness),
            joined(reviews, claim, |review| review.verdict.name().to_string()),
            joined(reviews, claim, |review| {
                review.by.clone().unwrap_or_default()
            }),
            joined(reviews, claim, |review| review.note.clone()),
        ];
        let row: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// One field of each review of `claim`, joined with "; " (a claim may have one per figure).
fn joined(reviews: &Reviews, claim: &Claim, field: impl Fn(&Review) -> String) -> String {
    reviews_of(reviews, claim)
        .map(field)
        .collect::<Vec<_>>()
        .join("; ")
}

/// One CSV cell: a leading `=`, `+`, `-` or `@` gets a `'` so spreadsheets show it as text, and
/// the cell is quoted when it holds a comma, quote or line break.
pub fn csv_cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// Sources as a list: name, kind, claims, documents, citations and an example claim.
pub fn sources_table(sources: &[SourceSummary], style: Style) -> String {
    let mut out = String::new();
    for source in sources {
        let kind = source
            .kind
            .and_then(|kind| serde_json::to_value(kind).ok())
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_else(|| "unknown".to_string());
        let plural = if source.claims == 1 { "" } else { "s" };
        out.push_str(&format!(
            "{}  {}  {} claim{plural}  in {}\n",
            style.bold(&source.name),
            style.dim(&kind),
            source.claims,
            source.docs.join(", ")
        ));
        if !source.topics.is_empty() {
            out.push_str(&format!("   topics: {}\n", source.topics.join(", ")));
        }
        for citation in &source.citations {
            let title = citation.title.as_deref().unwrap_or("(untitled)");
            match &citation.accessed {
                Some(accessed) => {
                    out.push_str(&format!("   cites: \"{title}\", accessed {accessed}\n"))
                }
                None => out.push_str(&format!("   cites: \"{title}\"\n")),
            }
        }
        if let Some(example) = &source.example {
            out.push_str(&format!(
                "   e.g. {} {}\n",
                style.cyan(&format!("{}:{}", example.doc, example.line)),
                super::snippet(&example.text, &[], super::SNIPPET_CHARS, style)
            ));
        }
        out.push('\n');
    }
    out
}

/// One JSON object per source.
pub fn sources_json(sources: &[SourceSummary]) -> String {
    super::json_lines(sources).unwrap_or_default()
}

/// Topics with their counts, aligned.
pub fn topics_table(topics: &[TopicCount], style: Style) -> String {
    let mut out = format!(
        "{:<40} {:>8} {:>7} {:>8}\n",
        "topic", "passages", "claims", "sources"
    );
    for topic in topics {
        out.push_str(&format!(
            "{:<40} {:>8} {:>7} {:>8}  {}\n",
            topic.name,
            topic.passages,
            topic.claims,
            topic.sources,
            style.dim(&topic.id)
        ));
    }
    out
}

/// One JSON object per topic.
pub fn topics_json(topics: &[TopicCount]) -> String {
    super::json_lines(topics).unwrap_or_default()
}

/// The claim's text with each figure marked, found by its surface text in order.
fn mark_figures(claim: &Claim, style: Style) -> String {
    let text = claim.text.as_str();
    let mut out = String::new();
    let mut cursor = 0;
    for record in &claim.figures {
        let surface = record.figure.text.as_str();
        if surface.is_empty() {
            continue;
        }
        let Some(found) = text.get(cursor..).and_then(|rest| rest.find(surface)) else {
            continue;
        };
        let start = cursor + found;
        out.push_str(&text[cursor..start]);
        out.push_str(&style.mark(surface));
        cursor = start + surface.len();
    }
    out.push_str(text.get(cursor..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_that_spreadsheets_would_run_are_neutralised() {
        assert_eq!(csv_cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(csv_cell("+1 555"), "'+1 555");
        assert_eq!(csv_cell("-3"), "'-3");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(
            csv_cell("=HYPERLINK(\"x\",1)"),
            "\"'=HYPERLINK(\"\"x\"\",1)\""
        );
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
    }
}
