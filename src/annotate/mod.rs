//! Annotation: from a document as read to its annotated passages.
//!
//! Input: a `RawDocument` (the text an ingest reader extracted, with its path and headings),
//! its slug and corpus metadata, and the annotation `Rules` (source registry, topic taxonomy).
//! Output: `Annotated`, the cleaned and segmented `Document` with, per non-heading passage, its
//! figures and topic ids, and the document's claims with their sources. Every annotation keeps
//! byte spans into `Document::raw`. Nothing here touches the index: `index` only stores what
//! this returns and reads it back. The annotator fingerprint (`build.rs`) is derived from this
//! module and everything it reaches.

use crate::claims::{claims_and_topics, Claim, Rules};
use crate::figures::{annotate_document, FigureRecord};
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
    rules: &Rules,
) -> Annotated {
    annotate(crate::text::build_document(raw, slug, meta), rules)
}

/// Annotates a cleaned, segmented document: figures per passage, then claims with their
/// sources and topics.
pub fn annotate(document: Document, rules: &Rules) -> Annotated {
    let figures = annotate_document(&document);
    // A passage's topics are its whole text's; a claim's are its own sentence's (see `claims`).
    let (claims, topics) = claims_and_topics(&document, &figures, &rules.registry, &rules.taxonomy);
    Annotated {
        document,
        figures,
        claims,
        topics,
    }
}

#[cfg(test)]
mod tests {
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
