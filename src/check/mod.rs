//! The fact-checker: takes every claim with a figure and says whether the number holds up, against
//! what (a dataset row, the passage's own arithmetic, another document) and why.
//!
//! Input is plain data ([`CheckDocument`] → [`CheckClaim`]); output is one [`CheckResult`] per
//! figure and method. The verdict rule lives in one place, [`verdict::decide`]; the words it
//! reads (change cues, definition conflicts) are data in `data/check.toml` ([`rules`]).
//!
//! Architecture invariant: a result is `contradicted` only when its evidence is a dataset row or a
//! computation shown in full, the evidence measures the same thing, and the match is strong
//! (measure, entity and period named by the claim). Anything weaker is `unverifiable`.

pub mod arithmetic;
pub mod claim;
pub mod comparable;
pub mod cross;
pub mod dataset;
mod derive;
mod relations;
mod retrieve;
pub mod rules;
pub mod select;
pub mod verdict;

use serde::Serialize;
use std::collections::BTreeMap;

use crate::bind::{Binding, PeriodSource};
use crate::claims::Claim;
use crate::datasets::Dataset;
use crate::diagnostic::Diagnostic;
use crate::figures::{Figure, Unit};
use crate::model::{Metadata, Sentence};
use crate::span::Span;

pub use claim::{bound_sentences, claims_of, BoundSentence, CheckClaim};
pub use rules::CheckRules;
pub use verdict::Verdict;

/// A document as the checker needs it: raw text, metadata, sentence spans and the claims the
/// claims annotator found (in document order).
#[derive(Debug, Clone)]
pub struct CheckDocument {
    pub slug: String,
    pub path: String,
    pub meta: Metadata,
    pub raw: String,
    pub passages: Vec<CheckPassage>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone)]
pub struct CheckPassage {
    pub number: usize,
    pub span: Span,
    pub sentences: Vec<Sentence>,
}

impl CheckDocument {
    /// A document read back from the index.
    pub fn from_stored(stored: &crate::query::StoredDocument) -> CheckDocument {
        CheckDocument {
            slug: stored.slug.clone(),
            path: stored.path.clone(),
            meta: stored.meta.clone(),
            raw: stored.raw.clone(),
            passages: stored
                .passages
                .iter()
                .map(|passage| CheckPassage {
                    number: passage.number,
                    span: passage.span,
                    sentences: passage.sentences.clone(),
                })
                .collect(),
            claims: stored
                .passages
                .iter()
                .flat_map(|passage| passage.claims.iter().cloned())
                .collect(),
        }
    }
}

/// How a figure was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Dataset,
    Arithmetic,
    CrossDocument,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Dataset => "dataset",
            Method::Arithmetic => "arithmetic",
            Method::CrossDocument => "cross_document",
        }
    }
}

/// What the claim was compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Evidence {
    Dataset(DatasetEvidence),
    Arithmetic(ArithmeticEvidence),
    CrossDocument(CrossEvidence),
    /// Nothing fitted; the nearest candidate, if any, is named.
    None {
        nearest: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetEvidence {
    pub dataset: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// The first row used, as an object (column → cell).
    pub row: BTreeMap<String, serde_json::Value>,
    /// Every row used, with its CSV line.
    pub rows: Vec<EvidenceRow>,
    pub column: String,
    /// The value the dataset gives (derived when `computation` is set).
    pub value: Option<f64>,
    pub computation: Option<String>,
    /// The manifest caveat that decided a `not_comparable`, if any.
    pub caveat: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceRow {
    pub line: usize,
    pub description: String,
    pub row: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArithmeticEvidence {
    /// The computation in full, e.g. `48,381 − 24,240 = 24,141`.
    pub expression: String,
    pub operands: Vec<Operand>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Operand {
    pub text: String,
    pub value: f64,
    /// Byte span in the document's raw text.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossEvidence {
    pub others: Vec<OtherClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherClaim {
    pub id: String,
    pub doc: String,
    pub line: usize,
    pub text: String,
    pub figure: String,
}

/// One checked figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckResult {
    /// The claim as `claimdex claims` reports it (same id).
    pub claim: Claim,
    pub figure: Figure,
    pub method: Method,
    pub verdict: Verdict,
    /// The value the evidence gives.
    pub expected: Option<f64>,
    /// (claimed − expected) / |expected| on the quantity the claim states (for a change: its
    /// size in the claimed direction; see `Comparison::difference`).
    pub difference: Option<f64>,
    /// For a figure stating a change, its direction (+1 rise, −1 fall); `expected` is then the
    /// signed change the evidence gives.
    #[serde(skip)]
    pub change: Option<f64>,
    pub evidence: Evidence,
    pub explanation: String,
    /// What the figure is about: its period (and where that came from), its counting agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding: Option<Binding>,
    /// A fact-checker's own verdict on the figure (`claimdex review`), beside the machine's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::review::Review>,
}

/// Checks every claim of `documents`: arithmetic inside passages, datasets, other documents.
///
/// Each checkable figure gets at least one result; a figure nothing fits is `unverifiable`
/// with the nearest dataset row named.
pub fn check(
    documents: &[CheckDocument],
    datasets: &[Dataset],
    rules: &CheckRules,
) -> (Vec<CheckResult>, Vec<Diagnostic>) {
    check_with(documents, datasets, rules, &())
}

/// What a long check reports as it goes (the binary draws a progress bar from it).
pub trait Progress {
    /// A stage begins: what it does and how many steps it has.
    fn stage(&self, _what: &str, _steps: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

impl Progress for () {}

/// [`check`], reporting its stages to `progress`: reading each document's claims, the passages'
/// arithmetic and the other documents, then each claim against the datasets.
pub fn check_with(
    documents: &[CheckDocument],
    datasets: &[Dataset],
    rules: &CheckRules,
    progress: &dyn Progress,
) -> (Vec<CheckResult>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    progress.stage("reading claims", documents.len());
    let claims: Vec<CheckClaim> = documents
        .iter()
        .flat_map(|document| {
            let claims = claims_of(document);
            progress.advance();
            claims
        })
        .collect();
    progress.stage("arithmetic and other documents", 1);
    let checker = match dataset::DatasetChecker::new(datasets, rules) {
        Ok(checker) => Some(checker),
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                None,
                None,
                format!("cannot index the datasets for retrieval: {error}; only arithmetic and cross-document checks ran"),
            ));
            None
        }
    };
    let mut results = arithmetic::check_claims(&claims, rules);
    results.extend(cross::check_claims(&claims, rules));
    progress.stage("checking against the datasets", claims.len());
    check_datasets(&claims, checker.as_ref(), &mut results, progress);
    progress.finish();
    for result in &mut results {
        result.binding = result_binding(&claims, result, rules);
    }
    results.sort_by(|a, b| {
        (
            a.claim.doc.as_str(),
            a.claim.span.start,
            a.figure.span.start,
            a.method,
        )
            .cmp(&(
                b.claim.doc.as_str(),
                b.claim.span.start,
                b.figure.span.start,
                b.method,
            ))
    });
    (results, diagnostics)
}

/// The dataset verdict of every checkable figure not already checked: a dataset verdict is
/// kept beside an arithmetic or cross-document one unless it is `unverifiable`; a figure nothing
/// checked is `unverifiable` (naming no evidence) when the datasets could not be indexed.
fn check_datasets(
    claims: &[CheckClaim],
    checker: Option<&dataset::DatasetChecker>,
    results: &mut Vec<CheckResult>,
    progress: &dyn Progress,
) {
    for claim in claims {
        progress.advance();
        for figure in claim
            .figures
            .iter()
            .filter(|figure| claim::is_checkable(figure))
        {
            let already = results
                .iter()
                .any(|result| result.claim.doc == claim.doc && result.figure.span == figure.span);
            let context = &claim.context;
            let found = checker.map(|checker| checker.check(claim, figure, context));
            match found {
                Some(result) if result.verdict != Verdict::Unverifiable || !already => {
                    results.push(result)
                }
                None if !already => results.push(verdict::unverifiable(claim, figure, None)),
                _ => {}
            }
        }
    }
}

/// The binding of a result's figure, from the claim that holds it; a relative change also
/// gets the period it is measured against.
fn result_binding(
    claims: &[CheckClaim],
    result: &CheckResult,
    rules: &CheckRules,
) -> Option<Binding> {
    claims
        .iter()
        .filter(|claim| claim.doc == result.claim.doc && claim.span.contains(result.figure.span))
        .find_map(|claim| {
            let mut binding = claim.binding_of(&result.figure)?.clone();
            // Only a change is measured against another period: the base period written in
            // its sentence, else the period of the level it is measured from ("up 21% from
            // 181,084 in August").
            // A count near a change word is often the level the change ends at ("totaled
            // 218,763 in September, up 21% from 181,084"): only a relative figure or a
            // two-ended change states the change itself.
            let relative = matches!(
                result.figure.unit,
                Unit::Percent | Unit::PercentagePoints | Unit::Multiplier | Unit::Fraction
            ) || result.figure.is_two_ended_change()
                || restates_relative(claim, &result.figure);
            // A multiplier is a ratio of two levels: "a five-fold increase over the same
            // month in 2020" is measured against March 2020 as a change is.
            if relative
                && matches!(
                    comparable::kind_of(claim, &result.figure, rules),
                    comparable::Kind::Change | comparable::Kind::Ratio
                )
            {
                binding.compared_with = binding
                    .compared_with
                    .take()
                    .or_else(|| base_figure_period(claim, &result.figure, &binding))
                    .or_else(|| {
                        // "Seneca College had 45 claims in 2018. That number rose 2,400% in
                        // 2023": a sentence that refers back may have its base before it.
                        // A change with both ends written has its own base, of a period
                        // the text may not say.
                        (!refers_back(&claim.text) && !result.figure.is_two_ended_change())
                            .then(|| implied_base(&binding))
                            .flatten()
                    })
                    .or_else(|| year_on_year_base(&claim.text, &binding))
                    .or_else(|| carried_year_base(&result.figure, &binding))
                    .map(|base| in_fiscal_years(base, binding.period.as_ref()));
            } else {
                binding.compared_with = None;
            }
            Some(binding)
        })
}

/// The period of the level a change is measured from, written after it in its sentence ("up 21%
/// from 181,084 in August"), when that period is the level's own and not the change's.
fn base_figure_period(
    claim: &CheckClaim,
    change: &Figure,
    binding: &Binding,
) -> Option<crate::bind::Period> {
    claim
        .figures
        .iter()
        .zip(&claim.bindings)
        .filter(|(figure, _)| figure.span.start >= change.span.end && figure.unit != Unit::Year)
        .find(|(figure, _)| {
            let before = arithmetic::around(
                &claim.text,
                0,
                figure.span.start.saturating_sub(claim.span.start),
            );
            arithmetic::is_comparison_base(before.trim_end().to_lowercase().as_str())
        })
        .and_then(|(_, base)| {
            base.period
                .as_ref()
                .filter(|_| base.clause_bound())
                .filter(|period| Some(*period) != binding.period.as_ref())
                .cloned()
        })
}

/// Whether a sentence refers back to what one before it stated ("That number rose", "This is
/// 12% higher", "It also represents a 32% drop", "this number rose from 20 to 930").
fn refers_back(sentence: &str) -> bool {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .to_lowercase();
    let lower = sentence.to_lowercase();
    matches!(first.as_str(), "that" | "this" | "these" | "those" | "it")
        || ["this number", "that number", "this figure", "that figure"]
            .iter()
            .any(|phrase| lower.contains(phrase))
}

/// "… up 5.0 per cent, or 187,000, from the end of 2024": an amount written right after ", or"
/// and a percent restates that percent's change in numbers, measured against the same base.
fn restates_relative(claim: &CheckClaim, figure: &crate::figures::Figure) -> bool {
    let Some(start) = figure.span.start.checked_sub(claim.span.start) else {
        return false;
    };
    matches!(figure.unit, Unit::Count | Unit::Money)
        && claim
            .figures
            .iter()
            .filter(|before| before.span.end <= figure.span.start && before.unit != Unit::Year)
            .max_by_key(|before| before.span.end)
            .is_some_and(|before| {
                before.unit == Unit::Percent
                    && before
                        .span
                        .end
                        .checked_sub(claim.span.start)
                        .and_then(|end| claim.text.get(end..start))
                        .is_some_and(|between| {
                            between.trim_matches(|ch: char| ch == ',' || ch.is_whitespace()) == "or"
                        })
            })
}

/// "Japan's foreign population was 3,768,977 as of the end of 2024 …, rising by 357,985, or
/// 10.5%, year on year": a change at a point or in a month of the figure's own clause or
/// sentence, said to be year on year, is measured against the same point a year before.
fn year_on_year_base(text: &str, binding: &Binding) -> Option<crate::bind::Period> {
    use crate::bind::Granularity;
    let period = binding.period.as_ref()?;
    let own = matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    );
    let lower = text.to_lowercase();
    let year_on_year = [
        "year on year",
        "year-on-year",
        "year over year",
        "year-over-year",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase));
    (own && year_on_year && matches!(period.granularity, Granularity::Point | Granularity::Month))
        .then(|| {
            let mut base = period.shifted(-12);
            base.text = String::new();
            base
        })
}

/// "Some 834,977 entry visas were issued in the year to June 2025 … ¶ The figures for
/// work-related visas have nearly halved over this period, falling 48% from 545,855 to 286,071":
/// a change written with both ends and no period of its own, carried a whole twelve months from
/// the passage, runs from the twelve months before.
fn carried_year_base(figure: &Figure, binding: &Binding) -> Option<crate::bind::Period> {
    let period = binding.period.as_ref()?;
    let carried_year = binding.period_source == Some(PeriodSource::Passage)
        && period.months() == 12
        && !period.partial
        && !period.approximate_end;
    (figure.is_two_ended_change() && carried_year).then(|| {
        let mut base = period.shifted(-12);
        base.text = String::new();
        base
    })
}

/// A change whose sentence writes no base: "remittances increased 19.5% last year" is measured
/// from the year before, "up 30% so far this year" from the same months a year earlier (the
/// only readings a yearly or year-to-date change has). A month's change has none: "down 17% in
/// November" may be from October or from November a year before. Only a period the figure's
/// own clause or sentence gives counts.
fn implied_base(binding: &Binding) -> Option<crate::bind::Period> {
    use crate::bind::Granularity;
    let period = binding.period.as_ref()?;
    if !matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    ) {
        return None;
    }
    let whole_year = !period.partial
        && matches!(
            period.granularity,
            Granularity::Year | Granularity::FiscalYear
        );
    // A part of a year from its start: so far this year, the first five months, the first half.
    let year_to_date = period.partial
        && period.months() >= 2
        && period.months() < 12
        && period.part_of.is_some()
        && if period.fiscal {
            crate::bind::BindRules::builtin()
                .fiscal_start_months()
                .any(|month| month == period.start.month())
        } else {
            period.start.month() == 1
        };
    (whole_year || year_to_date).then(|| {
        let mut base = period.shifted(-12);
        base.text = String::new();
        base
    })
}

/// "a 90% increase from 2023" said of a fiscal year: the base year is a fiscal year too, the
/// one ending in 2023.
fn in_fiscal_years(
    base: crate::bind::Period,
    own: Option<&crate::bind::Period>,
) -> crate::bind::Period {
    use crate::bind::Granularity;
    match own {
        Some(own)
            if own.fiscal
                && own.granularity == Granularity::FiscalYear
                && !base.fiscal
                && base.granularity == Granularity::Year =>
        {
            let mut fiscal = own.shifted(-12 * (own.end.year() - base.end.year()));
            fiscal.text = base.text;
            fiscal
        }
        _ => base,
    }
}

/// Counts of results per verdict, in the order of [`Verdict::ALL`].
pub fn verdict_counts(results: &[CheckResult]) -> Vec<(Verdict, usize)> {
    Verdict::ALL
        .iter()
        .map(|verdict| {
            (
                *verdict,
                results
                    .iter()
                    .filter(|result| result.verdict == *verdict)
                    .count(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{check_with, CheckRules, Progress};
    use crate::check::claim::tests::document_dated;
    use std::cell::RefCell;

    /// Every stage a check reports, with its step count and the steps advanced in it.
    #[derive(Default)]
    struct Recorder(RefCell<Vec<(String, usize, usize)>>);

    impl Progress for Recorder {
        fn stage(&self, what: &str, steps: usize) {
            self.0.borrow_mut().push((what.to_string(), steps, 0));
        }
        fn advance(&self) {
            if let Some(last) = self.0.borrow_mut().last_mut() {
                last.2 += 1;
            }
        }
    }

    /// What `claimdex check` draws its progress bar from (issue 13: a long check showed
    /// nothing): each stage is announced with its size and advanced step by step.
    #[test]
    fn a_check_reports_each_stage_and_its_steps() {
        let documents = [
            document_dated("Arrests rose to 2,000 in 2023.", "2024-01-10"),
            document_dated(
                "In 2023, 1,500 people applied. Another 700 were refused.",
                "2024-01-10",
            ),
        ];
        let recorder = Recorder::default();
        check_with(&documents, &[], &CheckRules::builtin().unwrap(), &recorder);
        let stages = recorder.0.into_inner();
        let names: Vec<&str> = stages.iter().map(|(name, ..)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "reading claims",
                "arithmetic and other documents",
                "checking against the datasets"
            ]
        );
        assert_eq!((stages[0].1, stages[0].2), (2, 2), "one step per document");
        assert_eq!(stages[2].1, stages[2].2, "every claim advanced: {stages:?}");
        assert!(stages[2].1 >= 2, "{stages:?}");
    }

    /// The period the figure written `figure` of a one-passage document is compared with.
    fn compared_with(text: &str, date: &str, figure: &str) -> Option<String> {
        let rules = CheckRules::builtin().unwrap();
        let (results, _) = super::check(&[document_dated(text, date)], &[], &rules);
        results
            .into_iter()
            .find(|result| result.figure.text == figure)
            .and_then(|result| result.binding)
            .and_then(|binding| binding.compared_with)
            .map(|period| format!("{}..{}", period.start, period.end))
    }

    #[test]
    fn a_change_with_both_ends_carried_twelve_months_runs_from_the_twelve_before() {
        let text = "Some 834,977 entry visas were issued in the year to June 2025, according to new Home Office data.\n\n\
                    The figures for work-related visas have nearly halved over this period, falling 48% from 545,855 to 286,071.";
        let rules = CheckRules::builtin().unwrap();
        let document = crate::check::claim::tests::paragraphs_dated(text, "2025-08-21");
        let (results, _) = super::check(&[document], &[], &rules);
        let binding = results
            .iter()
            .find(|result| result.figure.is_two_ended_change())
            .and_then(|result| result.binding.clone())
            .expect("a bound two-ended change");
        let span = |period: &crate::bind::Period| format!("{}..{}", period.start, period.end);
        assert_eq!(
            binding.period.as_ref().map(span).as_deref(),
            Some("2024-07..2025-06")
        );
        assert_eq!(
            binding.compared_with.as_ref().map(span).as_deref(),
            Some("2023-07..2024-06")
        );
    }

    /// A change records the period it is measured against; a level never does.
    #[test]
    fn a_change_is_compared_with_the_period_of_the_level_it_is_measured_from() {
        let text = "Arrests totaled 218,763 in September, up 21% from 181,084 in August.";
        let compared = |figure: &str| compared_with(text, "2023-10-21", figure);
        assert_eq!(compared("21%").as_deref(), Some("2023-08..2023-08"));
        assert_eq!(compared("218,763"), None);
        assert_eq!(compared("181,084"), None);
        // "20% more than a year before" is a rise measured from the year before 2023; "more than
        // 8,000" before a count stays a bound.
        let text = "The project recorded 8,565 deaths in 2023, which is 20% more than a year before, and more than 8,000 in 2022.";
        let compared = |figure: &str| compared_with(text, "2024-03-05", figure);
        assert_eq!(compared("20%").as_deref(), Some("2022-01..2022-12"));
        assert_eq!(compared("more than 8,000"), None);
    }

    /// A change at a point said to be year on year is measured from the point a year before;
    /// an amount right after ", or" and a percent restates the percent's change.
    #[test]
    fn a_year_on_year_change_and_its_amount_share_one_base() {
        let text = "Japan's foreign population was 3,768,977 as of the end of 2024, rising by \
                    357,985, or 10.5%, year on year.";
        assert_eq!(
            compared_with(text, "2025-03-14", "10.5%").as_deref(),
            Some("2023-12..2023-12")
        );
        let text = "3,956,619 foreign nationals resided in Japan as of the end of June, up 5.0 \
                    per cent, or 187,000, from the end of 2024.";
        assert_eq!(
            compared_with(text, "2025-10-10", "187,000").as_deref(),
            Some("2024-12..2024-12")
        );
        // A level right after a percent is no amount of change.
        assert_eq!(compared_with(text, "2025-10-10", "3,956,619"), None);
        assert_eq!(
            compared_with(
                "Arrivals reached 5,000 in June, 12% of the total.",
                "2025-10-10",
                "12%"
            ),
            None
        );
    }

    /// A yearly or year-to-date change with no base written is measured from the year before;
    /// a month's change, a change with both ends and a sentence referring back get none.
    #[test]
    fn a_change_with_no_base_written_is_measured_from_the_year_before_only_when_yearly() {
        let compared = compared_with;
        assert_eq!(
            compared(
                "Remittances increased 19.5% last year.",
                "2024-02-05",
                "19.5%"
            )
            .as_deref(),
            Some("2022-01..2022-12")
        );
        assert_eq!(
            compared(
                "Deportations rose 30% in the first half of this year.",
                "2024-08-20",
                "30%"
            )
            .as_deref(),
            Some("2023-01..2023-06")
        );
        assert_eq!(
            compared("Arrests fell 17% in November.", "2024-12-17", "17%"),
            None
        );
        assert_eq!(
            compared(
                "Seneca College had 45 claims in 2018. That number rose 2,400% in 2023.",
                "2024-03-01",
                "2,400%"
            ),
            None
        );
        // "from the 2007 peak" is the base, not the change's own year.
        assert_eq!(
            compared(
                "The 2016 statistic of 10.7 million indicated a 13 percent decline from the 2007 peak.",
                "2019-01-10",
                "13 percent"
            )
            .as_deref(),
            Some("2007-01..2007-12")
        );
    }
}
