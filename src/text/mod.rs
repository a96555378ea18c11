//! Text: clean a raw document (drop page leftovers, find headings, byline and date) and segment
//! it into passages and sentences, every one a span of the raw text.
//!
//! Architecture invariant: nothing here copies or rewrites text. Cleaning decides which byte
//! ranges of the raw text are body, heading or leftover; segmentation cuts body ranges into
//! passages and sentences. So `&raw[span]` is always exactly the text a span claims.

pub mod clean;
mod lexicon;
pub mod segment;

use crate::model::{Document, RawDocument};

pub use clean::{clean, Block, BlockKind, Cleaned};
pub use segment::{passages, sentences, MAX_PASSAGE_CHARS};

/// Cleans and segments one raw document into a `Document`.
///
/// `meta` from the collection file wins over what the file says about itself, which wins over
/// what the cleaner found in the text (first heading as title, byline, dateline).
pub fn build_document(
    raw: RawDocument,
    slug: String,
    meta: Option<&crate::model::Metadata>,
) -> Document {
    let cleaned = clean(&raw);
    let passages = passages(&raw, &cleaned.blocks);
    let found = crate::model::Metadata {
        title: cleaned.title.clone(),
        author: cleaned.byline.clone(),
        date: cleaned.date.clone(),
        ..Default::default()
    };
    let meta = meta.cloned().unwrap_or_default().or(&raw.meta).or(&found);
    Document {
        slug,
        path: raw.path,
        format: raw.format,
        meta,
        raw: raw.text,
        byline: cleaned.byline,
        passages,
        dropped: cleaned.dropped,
    }
}
