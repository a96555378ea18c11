//! Claims as the checker reads them: one per sentence with a figure, built from the sentence
//! spans and `figures::annotate`, plus the context a figure needs (its years, carried from an
//! earlier sentence of the passage when its own names none).
//!
//! A `CheckClaim` is the checker's working view of a sentence (its raw text, so figure spans
//! slice it); the claims it reports are the claims annotator's own [`Claim`]s stored in the
//! index, so a check result's claim and its id are exactly those of `claimdex claims`. A figure
//! that lies in no claim (a number inside an inlined footnote or reference, say) is not checked.

use crate::bind::{
    bind_carrying, date_lede_by_first_period, publication_month, read_bare_years_as_fiscal,
    repeat_later_periods, settle_to_date_ends, BindRules, Binding, Carried, SentenceFigures,
};
use crate::claims::Claim;
use crate::figures::{annotate_passage, Figure, Unit};
use crate::model::Sentence;
use crate::span::Span;

use super::CheckDocument;

/// One sentence with at least one figure that lies in a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckClaim {
    pub doc: String,
    pub path: String,
    pub line: usize,
    /// The sentence's span in the document's raw text.
    pub span: Span,
    /// The sentence's raw text (footnotes included): figure spans minus `span.start` slice it.
    pub text: String,
    /// Figures with spans into the document's raw text: years (context), and every other figure
    /// that lies in one of the sentence's claims.
    pub figures: Vec<Figure>,
    /// What each of `figures` is about: its period, places and counting agency (same order).
    pub bindings: Vec<Binding>,
    /// The first claim of the sentence (the claims annotator splits a sentence at footnotes).
    pub claim: Claim,
    /// The sentence's other claims.
    pub others: Vec<Claim>,
    /// The passage number (claims of one passage are checked together).
    pub passage: usize,
    /// The years the sentence's figures are about (see [`Context`]).
    pub context: Context,
}

impl CheckClaim {
    /// The binding of one of this claim's figures.
    pub fn binding_of(&self, figure: &Figure) -> Option<&Binding> {
        self.figures
            .iter()
            .position(|own| own.span == figure.span)
            .and_then(|idx| self.bindings.get(idx))
    }

    /// The claim a figure of this sentence belongs to.
    pub fn claim_for(&self, figure: &Figure) -> &Claim {
        std::iter::once(&self.claim)
            .chain(&self.others)
            .find(|claim| claim.span.contains(figure.span))
            .unwrap_or(&self.claim)
    }
}

/// One sentence of a document with every figure the annotator finds in it (spans in the raw
/// text) and what each figure is bound to.
#[derive(Debug, Clone)]
pub struct BoundSentence<'a> {
    pub passage: usize,
    pub sentence: &'a Sentence,
    pub text: &'a str,
    pub figures: Vec<Figure>,
    pub bindings: Vec<Binding>,
}

/// Every sentence of a document, its figures annotated passage by passage (so an age band named
/// in one sentence types the next one's) and bound ([`crate::bind`]) against the document's
/// publication date.
pub fn bound_sentences(document: &CheckDocument) -> Vec<BoundSentence<'_>> {
    let date = document.meta.date.as_deref().and_then(publication_month);
    let mut out = Vec::new();
    // The period the passages so far go on about (recorded as `passage`), and the last named.
    let mut carried = Carried {
        split_year_start: BindRules::builtin().split_year_start(&document.raw),
        ..Carried::default()
    };
    for passage in &document.passages {
        let sentences: Vec<(&Sentence, &str)> = passage
            .sentences
            .iter()
            .filter_map(|sentence| Some((sentence, sentence.span.slice(&document.raw)?)))
            .collect();
        let texts: Vec<&str> = sentences.iter().map(|(_, text)| *text).collect();
        let shifted: Vec<Vec<Figure>> = annotate_passage(&texts)
            .into_iter()
            .zip(&sentences)
            .map(|(figures, (sentence, _))| {
                figures
                    .into_iter()
                    .map(|figure| figure.shifted(sentence.span.start))
                    .collect()
            })
            .collect();
        let bound: Vec<SentenceFigures> = sentences
            .iter()
            .zip(&shifted)
            .map(|((sentence, text), figures)| SentenceFigures {
                span: sentence.span,
                text,
                figures,
            })
            .collect();
        let bindings = bind_carrying(&bound, date, BindRules::builtin(), &mut carried);
        for (((sentence, text), figures), bindings) in
            sentences.into_iter().zip(shifted).zip(bindings)
        {
            out.push(BoundSentence {
                passage: passage.number,
                sentence,
                text,
                figures,
                bindings,
            });
        }
    }
    settle_to_date_ends(
        out.iter_mut()
            .flat_map(|bound| bound.bindings.iter_mut())
            .collect(),
        document.meta.date.as_deref(),
    );
    repeat_later_periods(
        out.iter_mut()
            .flat_map(|bound| bound.figures.iter().zip(bound.bindings.iter_mut()))
            .collect(),
    );
    date_lede_by_first_period(
        out.iter_mut()
            .flat_map(|bound| {
                let text = bound.text;
                bound
                    .figures
                    .iter()
                    .zip(bound.bindings.iter_mut())
                    .map(move |(figure, binding)| (figure, text, binding))
            })
            .collect(),
        carried.first.as_ref(),
        BindRules::builtin(),
    );
    read_bare_years_as_fiscal(
        out.iter_mut()
            .flat_map(|bound| bound.bindings.iter_mut())
            .collect(),
        BindRules::builtin(),
    );
    out
}

/// The claims of one document, in text order.
///
/// Every sentence is read for years, so a sentence that only names a period ("The council
/// studied the 1990-2013 data.") still gives its years to the claims after it in the paragraph.
pub fn claims_of(document: &CheckDocument) -> Vec<CheckClaim> {
    let mut claims = Vec::new();
    let doc_year = document.meta.year();
    // The years of the last sentence that named any, with its passage and line.
    let mut last_years: Option<(Years, usize, usize)> = None;
    for bound in bound_sentences(document) {
        let BoundSentence {
            passage,
            sentence,
            text,
            figures: annotated,
            bindings,
        } = bound;
        let own = years_of(&annotated, sentence.span, text, doc_year);
        let context = if !own.years.is_empty() {
            Context {
                years: own.years.clone(),
                span_years: own.span_years,
                explicit: true,
            }
        } else {
            // A long paragraph is cut into several passages; its years still carry over.
            match &last_years {
                Some((years, number, line)) if *number == passage || *line == sentence.line => {
                    Context {
                        years: years.years.clone(),
                        span_years: years.span_years,
                        explicit: false,
                    }
                }
                _ => Context::default(),
            }
        };
        if !own.years.is_empty() {
            last_years = Some((own, passage, sentence.line));
        }
        let mut real: Vec<Claim> = document
            .claims
            .iter()
            .filter(|claim| sentence.span.contains(claim.span))
            .cloned()
            .collect();
        if real.is_empty() {
            continue;
        }
        // A number inside a period phrase ("FY07", "the first five months") is part of a date,
        // not a statistic.
        let (figures, bindings): (Vec<Figure>, Vec<Binding>) = annotated
            .into_iter()
            .zip(bindings)
            .filter(|(figure, binding)| {
                figure.unit == Unit::Year
                    || (!binding.in_period_phrase
                        && real.iter().any(|claim| claim.span.contains(figure.span)))
            })
            .unzip();
        if !figures.iter().any(|figure| figure.unit != Unit::Year) {
            continue;
        }
        let claim = real.remove(0);
        claims.push(CheckClaim {
            doc: document.slug.clone(),
            path: document.path.clone(),
            line: sentence.line,
            span: sentence.span,
            text: text.to_string(),
            figures,
            bindings,
            claim,
            others: real,
            passage,
            context,
        });
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
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Context {
    /// Distinct years in text order.
    pub years: Vec<i64>,
    /// A year range written as one figure ("2000-2017", "from 2010 to 2020"), if any.
    pub span_years: Option<(i64, i64)>,
    /// The years come from the figure's own sentence (not carried from an earlier one).
    pub explicit: bool,
}

/// The years one sentence names.
#[derive(Debug, Clone, PartialEq)]
struct Years {
    years: Vec<i64>,
    span_years: Option<(i64, i64)>,
}

/// The years a sentence's figures name, in text order. Years inside a citation ("accessed
/// February 18, 2019", a `.pdf` name) and years after the document's publication are left out.
fn years_of(figures: &[Figure], span: Span, text: &str, doc_year: Option<u32>) -> Years {
    let mut years: Vec<i64> = Vec::new();
    let mut span_years = None;
    for figure in figures.iter().filter(|figure| figure.unit == Unit::Year) {
        let start = figure.span.start.saturating_sub(span.start);
        let before = text.get(start.saturating_sub(40)..start).unwrap_or("");
        let after = text
            .get(start..(start + figure.text.len() + 4).min(text.len()))
            .unwrap_or("");
        if before.to_lowercase().contains("accessed")
            || after.contains(".pdf")
            || is_citation_year(before)
        {
            continue;
        }
        let (low, high) = match figure.range {
            Some(range) => (range.low, range.high),
            None => (figure.value, figure.value),
        };
        let (low, high) = (low.round() as i64, high.round() as i64);
        if doc_year.is_some_and(|year| low > i64::from(year)) {
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
    Years { years, span_years }
}

/// Whether the text right before a year makes it a citation's date, not a period: an issue or
/// volume number just before it ("No.20(2013)", "Vol. 41 No. 37 (2019)"), or a year in
/// parentheses right after another number ("20 (2013)").
fn is_citation_year(before: &str) -> bool {
    let near: String = before
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let cites_issue = near
        .split(|ch: char| !ch.is_alphanumeric() && ch != '.')
        .any(|word| {
            matches!(word, "no." | "vol." | "pp." | "nr." | "iss.")
                || ((word.starts_with("no.") || word.starts_with("vol."))
                    && word.chars().any(|ch| ch.is_ascii_digit()))
        });
    let trimmed = before.trim_end();
    let after_number_in_parens = trimmed.strip_suffix('(').is_some_and(|rest| {
        rest.trim_end()
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_ascii_digit())
    });
    cites_issue || after_number_in_parens
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
pub(crate) mod tests {
    use super::*;
    use crate::model::{Metadata, Sentence};

    fn document(text: &str) -> CheckDocument {
        document_dated(text, "2019")
    }

    /// One passage whose every sentence is a claim, published on `date`.
    pub(crate) fn document_dated(text: &str, date: &str) -> CheckDocument {
        let sentences = crate::text::segment::sentences(text, Span::new(0, text.len()));
        CheckDocument {
            slug: "doc".into(),
            path: "doc.txt".into(),
            meta: Metadata {
                date: Some(date.into()),
                ..Default::default()
            },
            raw: text.to_string(),
            claims: sentences
                .iter()
                .enumerate()
                .map(|(n, span)| Claim {
                    id: format!("c{n}"),
                    doc: "doc".into(),
                    path: "doc.txt".into(),
                    passage: 1,
                    line: 1,
                    span: *span,
                    text: span.slice(text).unwrap_or("").to_string(),
                    figures: Vec::new(),
                    source: None,
                    topics: Vec::new(),
                    checkworthiness: 0.5,
                    features: Vec::new(),
                })
                .collect(),
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

    /// [`document_dated`] with one passage per paragraph (paragraphs separated by a blank line).
    pub(crate) fn paragraphs_dated(text: &str, date: &str) -> CheckDocument {
        let mut document = document_dated(text, date);
        let mut passages = Vec::new();
        let mut start = 0;
        for (number, paragraph) in text.split("\n\n").enumerate() {
            let span = Span::new(start, start + paragraph.len());
            passages.push(super::super::CheckPassage {
                number: number + 1,
                span,
                sentences: crate::text::segment::sentences(text, span)
                    .into_iter()
                    .map(|span| Sentence { span, line: 1 })
                    .collect(),
            });
            start += paragraph.len() + 2;
        }
        for claim in &mut document.claims {
            claim.passage = passages
                .iter()
                .find(|passage| passage.span.contains(claim.span))
                .map_or(1, |passage| passage.number);
        }
        document.passages = passages;
        document
    }

    #[test]
    fn a_record_since_an_event_does_not_date_the_lede() {
        let text = "Canada's permit population is 2.2 million people\n\nIt is the highest growth \
                    in permits in Canada since records began being kept in 1971/72.\n\nThe \
                    population was 40,097,761 on July 1, 2023.";
        let document = paragraphs_dated(text, "2023-09-27");
        let bound = bound_sentences(&document);
        let lede = bound[0]
            .bindings
            .first()
            .and_then(|binding| binding.period.as_ref())
            .map(|period| period.start.to_string());
        assert_eq!(lede.as_deref(), Some("2023-07"), "{bound:?}");
    }

    /// The periods of each figure of `text`'s paragraphs, as "figure start..end".
    fn periods(text: &str, date: &str) -> Vec<String> {
        let document = paragraphs_dated(text, date);
        bound_sentences(&document)
            .iter()
            .flat_map(|bound| {
                bound
                    .figures
                    .iter()
                    .zip(&bound.bindings)
                    .filter_map(|(figure, binding)| {
                        let period = binding.period.as_ref()?;
                        Some(format!("{} {}..{}", figure.text, period.start, period.end))
                    })
            })
            .collect()
    }

    #[test]
    fn a_document_counting_in_fiscal_years_reads_a_bare_year_as_one() {
        let text = "He set a cap of up to 125,000 refugees for fiscal year 2025.\n\nFiscal year \
                    2021 was also below 12,000 refugees.\n\nThe U.S. admitted nearly 85,000 \
                    refugees in 2016.";
        let got = periods(text, "2024-10-02");
        assert!(
            got.contains(&"nearly 85,000 2015-10..2016-09".to_string()),
            "{got:?}"
        );
        // One fiscal year among calendar years dates nothing else.
        let text = "In fiscal year 2023, the United States reported 2.48 million encounters.\n\n\
                    Panama counted 520,085 crossings in 2023.\n\nIt counted 302,203 in 2024.";
        let got = periods(text, "2025-01-15");
        assert!(
            got.contains(&"520,085 2023-01..2023-12".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn years_come_from_the_sentence_or_carry_over() {
        let doc = document(
            "The council studied the 1990-2013 data. Violent crime declined 48 percent. Property fell 41 percent.",
        );
        let claims = claims_of(&doc);
        // The first sentence names only years: it is context, not a claim to check.
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0].context.change_periods(), Some((1990, 2013)));
        assert!(!claims[0].context.explicit);
        assert_eq!(claims[1].context.change_periods(), Some((1990, 2013)));
        let doc =
            document("In 1990-2013 violent crime declined 48 percent. Property fell 41 percent.");
        let claims = claims_of(&doc);
        assert!(claims[0].context.explicit);
        assert!(!claims[1].context.explicit);
    }

    #[test]
    fn issue_and_volume_years_are_not_periods() {
        assert!(is_citation_year("European Scientific Journal,No.20("));
        assert!(is_citation_year("Statistics, Vol. 41 No. 37 ("));
        assert!(is_citation_year("page 20 ("));
        assert!(!is_citation_year("rose sharply in "));
        assert!(!is_citation_year("the number of encounters ("));
        let doc = document(
            "In 2018 the rules changed. Officers logged 12,345 encounters, Bulletin No.20(2013).",
        );
        let claims = claims_of(&doc);
        let last = claims.last().unwrap();
        assert_eq!(last.context.years, vec![2018]);
        assert!(!last.context.explicit);
    }

    #[test]
    fn citation_years_are_not_periods() {
        let doc = document(
            "By the end of 2017, there were 25.4 million refugees, accessed December 20, 2018.",
        );
        let claims = claims_of(&doc);
        assert_eq!(claims[0].context.years, vec![2017]);
    }
}
