//! Sources: who a sentence's statement rests on, from in-text attribution ("according to X"),
//! inlined footnotes, reference lists and table `Source:` lines, normalised through a registry.
//!
//! Architecture invariant: this module reads text and spans only. It does not find figures
//! (the caller decides which sentences are claims) and it never rewrites the text: footnotes
//! are reported as spans, and `sentence_without_footnotes` builds display text on demand.

mod attribute;
mod cues;
mod endnotes;
mod fold;
mod footnotes;
mod notes;
mod references;
mod registry;
mod table;
mod tokens;

use crate::span::Span;
use serde::{Deserialize, Serialize};

pub use attribute::{attribute, Attributor};
pub use cues::Cues;
pub use footnotes::{parse_citation, split_at_footnotes, without_footnotes, Footnote};
pub use notes::{footnotes, sentence_without_footnotes};
pub use references::{references, Reference};
pub use registry::{
    surface_name, Registry, RegistryMatch, SourceEntry, SourceKind, BUILTIN_SOURCES,
};
pub use table::table_source;

/// How a sentence is tied to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Attributing words in the sentence, the one before it ("according to X"), or the one
    /// after it that opens on its source ("This emerges from a response from X").
    Attribution,
    /// An inlined footnote after (or inside) the sentence.
    Footnote,
    /// An in-text mention of an entry of the document's reference list.
    Reference,
    /// The `Source:` line of the table the sentence is a row of (or points to).
    TableSource,
    /// The dataset the document analyses, reached through an anaphor ("this dataset").
    Document,
    /// The source of an earlier paragraph, carried to a sentence that goes on with its report.
    Carried,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Attribution => "attribution",
            Via::Footnote => "footnote",
            Via::Reference => "reference",
            Via::TableSource => "table_source",
            Via::Document => "document",
            Via::Carried => "carried",
        }
    }
}

/// Bibliographic details of a footnote or reference entry, as far as the text gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The citation as printed (trimmed).
    pub text: String,
    /// Author(s) or publisher as printed ("UN", "Margaret Vice and HanyuChwe").
    pub author: Option<String>,
    pub title: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`, when printed.
    pub published: Option<String>,
    /// Access date, ISO `YYYY-MM-DD`.
    pub accessed: Option<String>,
    pub url: Option<String>,
}

impl Citation {
    /// Who the citation names as its source: the first author or the publisher, else the title.
    pub fn source_mention(&self) -> Option<&str> {
        match &self.author {
            Some(author) => Some(author.as_str()),
            None => self.title.as_deref(),
        }
    }
}

/// The source one sentence rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The registry's canonical name, or the normalised surface form of an unknown source.
    pub name: String,
    /// The words in the text that name the source, as written.
    pub mention: String,
    /// Where `mention` is (in the sentence, the one before, the footnote or the `Source:` line).
    pub mention_span: Span,
    /// The registry kind; `None` for a source not in the registry.
    pub kind: Option<SourceKind>,
    pub via: Via,
    pub citation: Option<Citation>,
}
