//! Annotation: from a document as read to its annotated passages.
//!
//! Input: a `RawDocument` (the text an ingest reader extracted, with its path and headings),
//! its slug and corpus metadata, and the annotation `ClaimRules` (source registry, topic taxonomy).
//! Output: `Annotated`, the cleaned and segmented `Document` with, per non-heading passage, its
//! figures and topic ids, and the document's claims with their sources. Every annotation keeps
//! byte spans into `Document::raw`. Nothing here touches the index: `index` only stores what
//! this returns and reads it back. The annotator fingerprint (`build.rs`) is derived from this
//! module and everything it reaches.

use crate::claims::{claims_and_topics, Claim, ClaimRules};
use crate::figures::{annotate_document_with_units, FigureRecord, Unit};
use crate::model::{Document, Metadata, RawDocument};

/// A document with everything annotation found in it.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub document: Document,
    /// Figures per non-heading passage, in passage order.
    pub figures: Vec<Vec<FigureRecord>>,
    pub claims: Vec<Claim>,
    /// Topic ids per non-heading passage.
    pub topics: Vec<Vec<String>>,
}

/// Cleans and segments a document as read, then annotates it (see `annotate`).
pub fn read_document(
    raw: RawDocument,
    slug: String,
    meta: Option<&Metadata>,
    rules: &ClaimRules,
) -> Annotated {
    annotate(crate::text::build_document(raw, slug, meta), rules)
}

/// Annotates a cleaned, segmented document: figures per passage, then claims with their
/// sources and topics. Headlines that state a figure are annotated like any passage first (see
/// [`promote_headlines`]).
pub fn annotate(mut document: Document, rules: &ClaimRules) -> Annotated {
    promote_headlines(&mut document);
    let (figures, sentence_units) = annotate_document_with_units(&document);
    // A passage's topics are its whole text's; a claim's are its own sentence's (see `claims`).
    let (claims, topics) = claims_and_topics(
        &document,
        &figures,
        &sentence_units,
        &rules.registry,
        &rules.taxonomy,
    );
    Annotated {
        document,
        figures,
        claims,
        topics,
    }
}

/// Words that open a heading naming a part of the document, not stating a fact ("Table 3:
/// arrivals by month, 2015-2020", "Chapter 4"): its numbers are labels.
const STRUCTURAL_HEADING_WORDS: &[&str] = &[
    "annex", "appendix", "box", "chapter", "chart", "exhibit", "figure", "fig", "graph", "map",
    "part", "section", "table",
];

/// Turns every heading that states a figure into a passage of its own, so its figures, claim and
/// source are annotated like a paragraph's: a news headline or standfirst ("Migrant arrivals up
/// 50% in 2023", "Forced displacement at record 68.5 million people - UNHCR") is the claim a
/// reader sees first. A heading stays a heading when it names a part of the document (a leading
/// section number, or `STRUCTURAL_HEADING_WORDS`), has fewer than three words, or holds no figure
/// other than a year or an ordinal. Passages are renumbered in order; the promoted passage sits
/// in the section of the heading before it.
fn promote_headlines(document: &mut Document) {
    let mut section = None;
    let mut number = 0;
    for passage in &mut document.passages {
        if passage.is_heading {
            let text = passage.span.slice(&document.raw).unwrap_or("");
            if states_a_figure(text) {
                passage.is_heading = false;
                passage.section = section.clone();
            }
            section = Some(text.trim().trim_start_matches('#').trim().to_string());
        }
        if !passage.is_heading {
            number += 1;
            passage.number = number;
        }
    }
}

fn states_a_figure(heading: &str) -> bool {
    let heading = heading.trim().trim_start_matches('#').trim();
    let words: Vec<&str> = heading.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first = first.trim_end_matches([':', '.', ')']).to_lowercase();
    // "2.1", "3", "12": a section number; "233000 Afghan Migrants Deported …" is a count, and
    // so is a number a unit or scale word follows ("23 percent more asylum applications in
    // 2023", "12 million displaced").
    const UNIT_WORDS: &[&str] = &[
        "percent", "per", "pc", "million", "billion", "thousand", "times", "%",
    ];
    let unit_follows = words
        .get(1)
        .is_some_and(|next| UNIT_WORDS.contains(&next.to_lowercase().as_str()));
    // "75 still missing in Djibouti migrant boat tragedy: IOM": a bare number a lowercase word
    // follows is a sentence's subject; a section's title starts with a capital ("3 Methods").
    let bare = !words[0].ends_with(['.', ')', ':']);
    let sentence_follows = bare
        && words
            .get(1)
            .and_then(|next| next.chars().next())
            .is_some_and(char::is_lowercase);
    let section_number = first.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (first.contains('.') || first.len() <= 2)
        && !unit_follows
        && !sentence_follows;
    let enumerator = section_number
        || (first.chars().count() <= 4 && first.chars().all(|c| "ivxlc".contains(c)));
    if words.len() < 3 || enumerator || STRUCTURAL_HEADING_WORDS.contains(&first.as_str()) {
        return false;
    }
    crate::figures::annotate(heading)
        .iter()
        .any(|figure| !matches!(figure.unit, Unit::Year | Unit::Ordinal))
}

#[cfg(test)]
mod tests {
    use super::states_a_figure;

    #[test]
    fn a_headline_with_a_figure_is_annotated_and_a_heading_naming_a_part_is_not() {
        for headline in [
            "Migrant arrivals up 50% in 2023",
            "Forced displacement at record 68.5 million people - UNHCR",
            "155,754 landed up to Dec 29, up from 103,846 in 2022",
            "Nearly 30,000 crossed the Channel last year",
            "Remittances hit record $63B",
            "233000 Afghan Migrants Deported From Iran In One Month, Says IOM",
            "23 percent more asylum applications in 2023",
            "75 still missing in Djibouti migrant boat tragedy: IOM",
        ] {
            assert!(states_a_figure(headline), "{headline}");
        }
        for heading in [
            "Table 3: Arrivals by month, 2015-2020",
            "Figure 2.1 Net migration of 250,000",
            "3.2 Remittances and 40 million households",
            "12 Arrivals of 40,000 people",
            "4. arrivals of 40,000 people",
            "IV. Findings on 12 countries",
            "Migration in 2023",
            "The first decade of the century",
            "Arrivals",
            "## Methods and sources",
        ] {
            assert!(!states_a_figure(heading), "{heading}");
        }
    }
    /// The modules `build.rs` derived the annotator fingerprint from.
    fn fingerprinted() -> Vec<&'static str> {
        env!("CLAIMDEX_ANNOTATOR_MODULES").split(',').collect()
    }

    #[test]
    fn the_fingerprint_covers_what_annotation_reaches_and_nothing_downstream() {
        let modules = fingerprinted();
        for needed in [
            "annotate",
            "ingest",
            "text",
            "figures",
            "claims",
            "sources",
            "topics",
            "model",
            "span",
            "data_file",
        ] {
            assert!(
                modules.contains(&needed),
                "{needed} missing from {modules:?}"
            );
        }
        for downstream in ["index", "query", "check", "output", "export"] {
            assert!(
                !modules.contains(&downstream),
                "{downstream} in {modules:?}"
            );
        }
    }
}
