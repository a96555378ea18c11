//! Claims as the checker reads them: one per sentence with a figure, built from the sentence
//! spans and `figures::annotate`, plus the context a figure needs (its years, carried from an
//! earlier sentence of the passage when its own names none).
//!
//! `CheckClaim` is deliberately small so the claims annotator's `Claim` can replace it.

use crate::figures::{annotate, Figure, Unit};
use crate::span::Span;

use super::CheckDocument;

/// One sentence with at least one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckClaim {
    /// `doc@byte`: the document slug and the sentence's first byte.
    pub id: String,
    pub doc: String,
    pub path: String,
    pub line: usize,
    /// The sentence's span in the document's raw text.
    pub span: Span,
    pub text: String,
    /// Figures with spans into the document's raw text.
    pub figures: Vec<Figure>,
    /// Who the claim cites, once the sources annotator lands.
    pub source: Option<String>,
    /// The passage number (claims of one passage are checked together).
    pub passage: usize,
    /// The document's publication year, if known.
    pub doc_year: Option<u32>,
    /// The document's metadata (for ClaimReview's itemReviewed).
    pub meta: crate::model::Metadata,
}

/// The claims of one document, in text order.
pub fn claims_of(document: &CheckDocument) -> Vec<CheckClaim> {
    let mut claims = Vec::new();
    for passage in &document.passages {
        for sentence in &passage.sentences {
            let Some(text) = sentence.span.slice(&document.raw) else {
                continue;
            };
            let figures: Vec<Figure> = annotate(text)
                .into_iter()
                .map(|mut figure| {
                    figure.span = figure.span.shift(sentence.span.start);
                    figure.counts_span = figure
                        .counts_span
                        .map(|span| span.shift(sentence.span.start));
                    figure
                })
                .collect();
            if figures.is_empty() {
                continue;
            }
            claims.push(CheckClaim {
                id: format!("{}@{}", document.slug, sentence.span.start),
                doc: document.slug.clone(),
                path: document.path.clone(),
                line: sentence.line,
                span: sentence.span,
                text: text.to_string(),
                figures,
                source: None,
                passage: passage.number,
                doc_year: document.meta.year(),
                meta: document.meta.clone(),
            });
        }
    }
    claims
}

/// Whether a figure is a statistic the checker compares: counts of at least ten, percentages,
/// money, rates and multipliers. Years, ages, ordinals, durations, identifiers and the small
/// counts of list words ("two provinces") are not.
pub fn is_checkable(figure: &Figure) -> bool {
    match figure.unit {
        Unit::Count => figure.value >= 10.0,
        Unit::Percent | Unit::PercentagePoints | Unit::Money | Unit::Rate | Unit::Multiplier => {
            true
        }
        _ => false,
    }
}

/// The years a figure is about, and whether its own sentence names them.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// Distinct years in text order.
    pub years: Vec<i64>,
    /// A year range written as one figure ("2000-2017", "from 2010 to 2020"), if any.
    pub span_years: Option<(i64, i64)>,
    /// The years come from the figure's own sentence (not carried from an earlier one).
    pub explicit: bool,
}

/// The years of the claim at `claim_idx`, or of the nearest earlier sentence of its passage
/// that names any. Years inside a citation ("accessed February 18, 2019") and years after the
/// document's publication are left out.
pub fn context(claims: &[CheckClaim], claim_idx: usize, _figure: &Figure) -> Context {
    let own = years_of(&claims[claim_idx]);
    if !own.0.is_empty() {
        return Context {
            years: own.0,
            span_years: own.1,
            explicit: true,
        };
    }
    let claim = &claims[claim_idx];
    for earlier in claims[..claim_idx].iter().rev() {
        // A long paragraph is cut into several passages; its years still carry over.
        let same_paragraph = earlier.passage == claim.passage || earlier.line == claim.line;
        if earlier.doc != claim.doc || !same_paragraph {
            break;
        }
        let (years, span_years) = years_of(earlier);
        if !years.is_empty() {
            return Context {
                years,
                span_years,
                explicit: false,
            };
        }
    }
    Context {
        years: Vec::new(),
        span_years: None,
        explicit: false,
    }
}

fn years_of(claim: &CheckClaim) -> (Vec<i64>, Option<(i64, i64)>) {
    let mut years: Vec<i64> = Vec::new();
    let mut span_years = None;
    for figure in claim
        .figures
        .iter()
        .filter(|figure| figure.unit == Unit::Year)
    {
        let start = figure.span.start.saturating_sub(claim.span.start);
        let before = claim
            .text
            .get(start.saturating_sub(40)..start)
            .unwrap_or("");
        let after = claim
            .text
            .get(start..(start + figure.text.len() + 4).min(claim.text.len()))
            .unwrap_or("");
        if before.to_lowercase().contains("accessed") || after.contains(".pdf") {
            continue;
        }
        let (low, high) = match figure.range {
            Some(range) => (range.low, range.high),
            None => (figure.value, figure.value),
        };
        let (low, high) = (low.round() as i64, high.round() as i64);
        if claim.doc_year.is_some_and(|year| low > i64::from(year)) {
            continue;
        }
        if figure.range.is_some() && low != high && high - low < 100 {
            span_years.get_or_insert((low, high));
        }
        for year in [low, high] {
            if !years.contains(&year) {
                years.push(year);
            }
        }
    }
    (years, span_years)
}

impl Context {
    /// The two periods of a change: a written span, else the first and last of exactly two
    /// years.
    pub fn change_periods(&self) -> Option<(i64, i64)> {
        if let Some(span) = self.span_years {
            return Some(span);
        }
        match self.years.as_slice() {
            [a, b] => Some(((*a).min(*b), (*a).max(*b))),
            _ => None,
        }
    }

    /// The one period of a level: the only year named.
    pub fn level_period(&self) -> Option<i64> {
        match self.years.as_slice() {
            [year] => Some(*year),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, Sentence};

    fn document(text: &str) -> CheckDocument {
        let sentences = crate::text::segment::sentences(text, Span::new(0, text.len()));
        CheckDocument {
            slug: "doc".into(),
            path: "doc.txt".into(),
            meta: Metadata {
                date: Some("2019".into()),
                ..Default::default()
            },
            raw: text.to_string(),
            passages: vec![super::super::CheckPassage {
                number: 1,
                span: Span::new(0, text.len()),
                sentences: sentences
                    .into_iter()
                    .map(|span| Sentence { span, line: 1 })
                    .collect(),
            }],
        }
    }

    #[test]
    fn years_come_from_the_sentence_or_carry_over() {
        let doc = document(
            "The council studied the 1990-2013 data. Violent crime declined 48 percent. Property fell 41 percent.",
        );
        let claims = claims_of(&doc);
        assert_eq!(claims.len(), 3);
        let first = context(&claims, 0, &claims[0].figures[0]);
        assert_eq!(first.change_periods(), Some((1990, 2013)));
        assert!(first.explicit);
        let third = context(&claims, 2, &claims[2].figures[0]);
        assert_eq!(third.change_periods(), Some((1990, 2013)));
        assert!(!third.explicit);
    }

    #[test]
    fn citation_years_are_not_periods() {
        let doc = document(
            "By the end of 2017, there were 25.4 million refugees, accessed December 20, 2018.",
        );
        let claims = claims_of(&doc);
        let context = context(&claims, 0, &claims[0].figures[0]);
        assert_eq!(context.years, vec![2017]);
    }
}
