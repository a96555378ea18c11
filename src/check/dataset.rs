//! The dataset check: retrieve candidate rows by BM25, pick the measure the figure counts, the
//! entities and periods the claim names, compute what the claim states (a level, both ends of a
//! change, a change in percent or absolute terms, a difference of two measures, a share of a
//! total, a group sum, a rate per 100,000) and compare it with the figure's interval.
//!
//! Each candidate dataset gives at most one comparison; the figure's result is the best of them
//! (supported, close, contradicted, not_comparable, then unverifiable), so one dataset that
//! confirms a figure outweighs another that measures something else.

use std::collections::BTreeSet;

use super::arithmetic::{around, direction_of, signed};
use super::claim::{CheckClaim, Context};
use super::comparable;
use super::derive::{row_object, select, value_at, Selection, Shape};
use super::retrieve::RowIndex;
use super::rules::CheckRules;
use super::verdict::{self, decide, Comparison, Verdict};
use super::{CheckResult, DatasetEvidence, Evidence, EvidenceRow, Method};
use crate::bind::{Binding, Granularity, PeriodSource};
use crate::datasets::text::format_number;
use crate::datasets::{Column, Dataset, Derived, MeasureUnit, Role, Row};
use crate::figures::{Figure, Unit};
use crate::index::analyzer;

/// The datasets with their retrieval index and shapes.
pub struct DatasetChecker<'a> {
    datasets: &'a [Dataset],
    /// The agency each dataset's title, scope or publisher names (its counting agency).
    agencies: Vec<Option<String>>,
    shapes: Vec<Shape>,
    index: RowIndex,
    rules: &'a CheckRules,
}

/// What the figure states, read from its words.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Intent {
    Level,
    Ends,
    ChangePercent(f64),
    ChangeAbsolute(f64),
    Difference,
}

/// One dataset's answer before the best is chosen.
struct Answer<'a> {
    comparison: Comparison,
    dataset: &'a Dataset,
    column: String,
    rows: Vec<&'a Row>,
    computation: String,
    /// Read from the row of the figure's own calendar month, not from whole years.
    monthly: bool,
}

/// The calendar month (`YYYY-MM`) a figure is about, when its own clause or sentence binds it
/// to one whole month ("In September, Border Patrol arrests fell to 53,858").
fn single_month(binding: &Binding) -> Option<String> {
    let period = binding.period.as_ref()?;
    let own = matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    );
    (own && period.granularity == Granularity::Month
        && !period.partial
        && !period.approximate_end
        && period.start == period.end)
        .then(|| period.start.to_string())
}

/// The years a figure is about: its own binding's whole year, fiscal year or span of years when
/// its clause (or sentence) names one ("310,000 so far this year, against 250,000 in all of 2022"
/// gives 250,000 the year 2022 and nothing to 310,000), else the sentence's years.
fn figure_context(binding: &Binding, sentence: &Context) -> Context {
    let Some(period) = &binding.period else {
        return sentence.clone();
    };
    let explicit = binding.period_source == Some(PeriodSource::Clause);
    let own = matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    );
    if !own {
        return sentence.clone();
    }
    let (start, end) = (i64::from(period.start.year()), i64::from(period.end.year()));
    match period.granularity {
        _ if period.partial => sentence.clone(),
        Granularity::Year | Granularity::FiscalYear => Context {
            years: vec![end],
            span_years: None,
            explicit,
        },
        Granularity::Years => Context {
            years: vec![start, end],
            span_years: Some((start, end)),
            explicit,
        },
        _ => sentence.clone(),
    }
}

/// What the figure's binding does to a dataset comparison: a part of a year, a month or a few
/// months are not a dataset's whole-year row (`not_comparable` when the claim's own clause says
/// so, else `unverifiable`), and a period read from anywhere but the figure's own clause can
/// never make a contradiction.
///
/// A dataset counted by one agency (U.S. Border Patrol) is the same statistic only as a figure
/// that agency counted: another agency named in the figure's clause is a difference, and a figure
/// whose clause names no agency can at most be unverifiable, never contradicted.
fn bind_comparison(
    comparison: &mut Comparison,
    binding: &Binding,
    agency: Option<&str>,
    monthly: bool,
) {
    comparison.exact = comparison.exact && binding.clause_bound();
    if let Some(agency) = agency {
        match binding.counted_by.as_deref() {
            Some(named) if named == agency => {}
            Some(named) if binding.counted_by_in_clause => {
                if comparison.conflict.is_none() {
                    comparison.conflict = Some(format!("{named}'s count against {agency}'s"));
                }
            }
            _ => comparison.exact = false,
        }
    }
    let Some(period) = &binding.period else {
        return;
    };
    let own = matches!(
        binding.period_source,
        Some(PeriodSource::Clause | PeriodSource::Sentence)
    );
    let part =
        period.partial || matches!(period.granularity, Granularity::Month | Granularity::Months);
    if own && part && !monthly && comparison.conflict.is_none() {
        comparison.conflict = Some(format!(
            "the claim counts {}; the dataset's rows are whole years",
            comparable::describe(period)
        ));
        comparison.named = comparison.named && binding.clause_bound();
    }
}

/// How the figure's places differ from where the dataset counts ("Canary Islands against United
/// States"): its sentence names places and none is one of the manifest's `places` or the table's
/// own entities. A figure its clause says the dataset's agency counted is exempt (a Border
/// Patrol count of migrants who flew to Ecuador), and so is a dataset that names no places.
fn place_difference(dataset: &Dataset, figure: &Figure) -> Option<String> {
    let places = &dataset.manifest.places;
    let lexicon = crate::figures::lexicon();
    let held = |place: &str| {
        dataset.resolve_entity(place).is_some()
            || places.iter().any(|own| lexicon.same_place(place, own))
    };
    comparable::place_difference(&figure.places, places.get(..1)?, held)
        .map(|difference| format!("{difference} ({})", dataset.id()))
}

impl<'a> DatasetChecker<'a> {
    pub fn new(
        datasets: &'a [Dataset],
        rules: &'a CheckRules,
    ) -> tantivy::Result<DatasetChecker<'a>> {
        Ok(DatasetChecker {
            datasets,
            agencies: datasets
                .iter()
                .map(|dataset| {
                    let manifest = &dataset.manifest;
                    [&manifest.title, &manifest.scope, &manifest.publisher]
                        .into_iter()
                        .find_map(|text| crate::bind::first_agency(text))
                })
                .collect(),
            shapes: datasets.iter().map(Shape::of).collect(),
            index: RowIndex::build(datasets)?,
            rules,
        })
    }

    /// The figure checked against every candidate dataset; `unverifiable` names the nearest row.
    pub fn check(&self, claim: &CheckClaim, figure: &Figure, context: &Context) -> CheckResult {
        let binding = claim.binding_of(figure).cloned().unwrap_or_default();
        let context = &figure_context(&binding, context);
        let month = single_month(&binding);
        let candidates = self.index.search(&claim.text, 200);
        let mut order: Vec<usize> = Vec::new();
        for candidate in &candidates {
            if !order.contains(&candidate.dataset) {
                order.push(candidate.dataset);
            }
        }
        // BM25 ranks the datasets; the structured match below decides, so every dataset is
        // tried (a large table's rows share most words and rank low).
        for dataset_idx in 0..self.datasets.len() {
            if !order.contains(&dataset_idx) {
                order.push(dataset_idx);
            }
        }
        let nearest = candidates.first().and_then(|candidate| {
            let dataset = self.datasets.get(candidate.dataset)?;
            dataset.rows.get(candidate.row).map(|row| {
                format!(
                    "{} ({}:{})",
                    dataset.describe_row(row),
                    dataset.path.display(),
                    row.line
                )
            })
        });
        let mut best: Option<Answer> = None;
        let mut weak_reasons: Vec<String> = Vec::new();
        for dataset_idx in order {
            match self.answer(claim, figure, context, month.as_deref(), dataset_idx) {
                Ok(mut answer) => {
                    let agency = self.agencies[dataset_idx].as_deref();
                    bind_comparison(&mut answer.comparison, &binding, agency, answer.monthly);
                    // A forecast or target is not the count a table gives of what happened.
                    if answer.comparison.conflict.is_none()
                        && super::comparable::forecasts(claim, figure, self.rules).0
                    {
                        answer.comparison.conflict = Some(
                            "the claim is a forecast or target; the dataset counts what happened"
                                .into(),
                        );
                    }
                    let counted_here = agency.is_some() && binding.counted_by.as_deref() == agency;
                    if !counted_here {
                        if let Some(difference) = place_difference(answer.dataset, figure) {
                            answer.comparison.conflict = Some(difference);
                        }
                    }
                    let rank = |answer: &Answer| decide(&answer.comparison);
                    if best
                        .as_ref()
                        .is_none_or(|current| rank(&answer) < rank(current))
                    {
                        best = Some(answer);
                    }
                }
                Err(reason) => {
                    weak_reasons.push(format!("{}: {reason}", self.datasets[dataset_idx].id()))
                }
            }
        }
        match best {
            Some(answer) => result(claim, figure, answer),
            None => {
                let mut result = verdict::unverifiable(claim, figure, nearest);
                if !weak_reasons.is_empty() {
                    result
                        .explanation
                        .push_str(&format!(" ({})", weak_reasons.join("; ")));
                }
                result
            }
        }
    }

    fn answer(
        &self,
        claim: &CheckClaim,
        figure: &Figure,
        context: &Context,
        month: Option<&str>,
        dataset_idx: usize,
    ) -> Result<Answer<'a>, String> {
        let dataset = &self.datasets[dataset_idx];
        let shape = &self.shapes[dataset_idx];
        let intent = self.intent(claim, figure, context);
        let selection = select(dataset, shape, &claim.text)?;
        let (column, measure_strong) = self.measure(dataset, claim, figure, intent, &selection)?;
        let fiscal = CheckRules::says(&claim.text, &self.rules.fiscal);
        let conflict = self.conflict(dataset, shape, claim, column, context, fiscal);
        let revisable = dataset.manifest.caveats.iter().any(|caveat| {
            let lower = caveat.to_lowercase();
            lower.contains("revis") || lower.contains("vintage")
        });
        let lookup = Lookup {
            dataset,
            shape,
            selection: &selection,
            column,
            fiscal,
        };
        let single_period = lookup.selected_years().len() <= 1;
        let change_years = || {
            context
                .change_periods()
                .ok_or_else(|| "the claim names no two periods".to_string())
        };
        // A month's count against the table's row of that month (a table with a month
        // column): monthly figures are revised after they are first published, so a gap
        // beyond rounding never makes a contradiction. Every month has a row, so the claim's
        // own sentence must name the measure and one of the table's entities ("arrests at the
        // southern border"), and a bound on one side only ("below 100,000") fits too many
        // months to confirm anything.
        let monthly = intent == Intent::Level
            && figure.unit == Unit::Count
            && shape.month.is_some()
            && month.is_some();
        if monthly
            && (!measure_strong
                || selection.named.is_empty()
                || figure.low.is_none()
                || figure.high.is_none())
        {
            return Err(format!(
                "{} in one month: the claim does not name the measure and a {} entity",
                column.name,
                dataset.id()
            ));
        }
        let reading = match (intent, month) {
            (Intent::Level, Some(month)) if monthly => lookup.in_month(figure, month)?,
            _ => match intent {
                Intent::Level => lookup.level(figure, lookup.level_year(context)?)?,
                Intent::Ends => lookup.ends(figure, change_years()?)?,
                Intent::ChangePercent(sign) => {
                    lookup.percent_change(figure, sign, change_years()?)?
                }
                Intent::ChangeAbsolute(sign) => {
                    lookup.absolute_change(figure, sign, change_years()?)?
                }
                Intent::Difference => {
                    let year = lookup.level_year(context)?;
                    let other = self
                        .complement(dataset, claim, column)
                        .ok_or("no second measure to subtract")?;
                    lookup.difference(figure, year, other)?
                }
            },
        };
        let mut comparison = Comparison::new(reading.claimed, reading.expected);
        if let Intent::ChangePercent(sign) | Intent::ChangeAbsolute(sign) = intent {
            comparison = comparison.stating_change(sign);
        }
        comparison.strong = measure_strong
            && context.explicit
            && selection.defaulted.is_empty()
            && (!single_period || !context.years.is_empty());
        // Enough to say the evidence measures something else: the measure near the figure, the
        // period and at least one entity in the claim's own sentence (a total may be defaulted).
        comparison.named = measure_strong && context.explicit && !selection.named.is_empty();
        comparison.revisable = revisable || monthly;
        comparison.conflict = conflict;
        comparison.magnitude_guard =
            intent == Intent::Level && matches!(figure.unit, Unit::Count | Unit::Money);
        // "Border Patrol apprehended 1.7 million migrants in 2021": a table counted in U.S.
        // fiscal years, summed over a calendar year's months because the claim does not say
        // "fiscal". Writers often mean the fiscal year (1.66 million in FY2021 against 1.95
        // million in calendar 2021), so the sum may confirm but never contradict.
        if shape.counts_fiscal_years() && shape.month.is_some() && !fiscal && !monthly {
            comparison.exact = false;
        }
        Ok(Answer {
            comparison,
            dataset,
            column: column.name.clone(),
            rows: reading.rows,
            computation: reading.computation,
            monthly,
        })
    }

    /// Why the dataset's definition differs from the claim's, if it plainly does: a conflict
    /// rule of `data/check.toml`, or a fiscal-year table against a calendar year.
    fn conflict(
        &self,
        dataset: &Dataset,
        shape: &Shape,
        claim: &CheckClaim,
        column: &Column,
        context: &Context,
        fiscal: bool,
    ) -> Option<String> {
        let dataset_text = format!(
            "{} {} {}",
            dataset.manifest.title, dataset.manifest.scope, column.description
        );
        if let Some(conflict) = self.rules.conflict(&dataset_text, &claim.text) {
            return Some(conflict.reason.clone());
        }
        let fiscal_table = shape.counts_fiscal_years() && shape.month.is_none();
        (fiscal_table && context.explicit && !context.years.is_empty() && !fiscal).then(|| {
            "the dataset counts U.S. fiscal years (October to September); the claim a calendar year"
                .into()
        })
    }

    fn intent(&self, claim: &CheckClaim, figure: &Figure, context: &Context) -> Intent {
        let direction = direction_of(claim, figure, self.rules);
        let offset = figure.span.start.saturating_sub(claim.span.start);
        let before = claim.text.get(..offset).unwrap_or("");
        let two_ended = figure.is_two_ended_change();
        let has_periods = context.change_periods().is_some();
        if figure.unit == Unit::Percent {
            return match direction {
                Some(sign) if has_periods && !two_ended => Intent::ChangePercent(sign),
                _ if two_ended && has_periods => Intent::Ends,
                _ => Intent::Level,
            };
        }
        if two_ended && has_periods {
            return Intent::Ends;
        }
        if CheckRules::says(before, &self.rules.difference) {
            return Intent::Difference;
        }
        let ends_with_to = before.trim_end().to_lowercase().ends_with(" to");
        match direction {
            Some(sign) if has_periods && !ends_with_to => Intent::ChangeAbsolute(sign),
            _ => Intent::Level,
        }
    }

    /// The measure the figure counts: a compatible unit, the most words shared with the claim;
    /// ties go to the dataset's population measure, then to column order. The bool says whether
    /// the words around the figure itself name it.
    fn measure(
        &self,
        dataset: &'a Dataset,
        claim: &CheckClaim,
        figure: &Figure,
        intent: Intent,
        selection: &Selection,
    ) -> Result<(&'a Column, bool), String> {
        let sentence = self.words(&claim.text);
        let local = self.words(&local_text(claim, figure));
        let mut best: Option<(&Column, usize, bool)> = None;
        for column in dataset
            .manifest
            .columns
            .iter()
            .filter(|c| c.role == Role::Measure)
        {
            if !compatible(dataset, column, figure, intent, selection) {
                continue;
            }
            let words = self.words(&format!(
                "{} {}",
                column.description,
                column.counts.as_deref().unwrap_or("")
            ));
            let near_words = words.intersection(&local).count();
            let score = words.intersection(&sentence).count() + 2 * near_words;
            let near = near_words > 0;
            let preferred = dataset.manifest.population_measure.as_deref() == Some(&column.name);
            let better = match best {
                None => score > 0,
                Some((current, current_score, _)) => {
                    score > current_score
                        || (score == current_score
                            && preferred
                            && dataset.manifest.population_measure.as_deref()
                                != Some(&current.name))
                }
            };
            if better {
                best = Some((column, score, near));
            }
        }
        match best {
            Some((column, _, true)) => Ok((column, true)),
            Some((column, _, false)) => Err(format!(
                "{} shares no word with the words around the figure",
                column.name
            )),
            None => Err("no measure of this unit shares a word with the claim".into()),
        }
    }

    /// The other count measure a difference subtracts: the one sharing fewest words with the claim.
    fn complement(
        &self,
        dataset: &'a Dataset,
        claim: &CheckClaim,
        column: &Column,
    ) -> Option<&'a Column> {
        let sentence = self.words(&claim.text);
        dataset
            .manifest
            .columns
            .iter()
            .filter(|c| c.role == Role::Measure && c.name != column.name && c.unit == column.unit)
            .filter(|c| c.counts == column.counts)
            .min_by_key(|c| self.words(&c.description).intersection(&sentence).count())
    }

    /// Stemmed content words.
    fn words(&self, text: &str) -> BTreeSet<String> {
        let mut english = analyzer::english();
        analyzer::tokens(&mut english, text)
            .into_iter()
            .map(|(word, _, _)| word)
            .filter(|word| word.chars().filter(|ch| ch.is_alphabetic()).count() > 2)
            .filter(|word| !self.rules.stopwords.iter().any(|stop| stop == word))
            .collect()
    }
}

/// The words around a figure: 60 bytes before it, its counted words and 60 bytes after it.
/// The words around a figure that name its measure: up to 60 bytes each side, within the
/// figure's clause ("Property crime fell 41 percent, including … motor vehicle theft" is about
/// property crime).
fn local_text(claim: &CheckClaim, figure: &Figure) -> String {
    let start = figure.span.start.saturating_sub(claim.span.start);
    let end = figure.span.end.saturating_sub(claim.span.start);
    let (mut clause_start, mut clause_end) = crate::bind::clause_at(&claim.text, start);
    // A figure alone in its clause ("the largest number(50 million) in the United States") is
    // named by the words around it.
    let rest = around(&claim.text, clause_start, start)
        .split_whitespace()
        .count()
        + around(&claim.text, end, clause_end.max(end))
            .split_whitespace()
            .count();
    if rest < 3 {
        (clause_start, clause_end) = (0, claim.text.len());
    }
    format!(
        "{} {} {}",
        around(
            &claim.text,
            start.saturating_sub(60).max(clause_start),
            start
        ),
        figure.counts.as_deref().unwrap_or(""),
        around(&claim.text, end, (end + 60).min(clause_end.max(end)))
    )
}

/// Whether a measure can answer a figure with this intent.
fn compatible(
    dataset: &Dataset,
    column: &Column,
    figure: &Figure,
    intent: Intent,
    selection: &Selection,
) -> bool {
    let allows = |derived: Derived| dataset.manifest.derived.contains(&derived);
    let unit = column.unit;
    let group_ok = selection.group.is_none() || allows(Derived::SumOverGroup);
    group_ok
        && match intent {
            Intent::ChangePercent(_) => {
                allows(Derived::ChangePercent)
                    && matches!(
                        unit,
                        Some(MeasureUnit::Count | MeasureUnit::Money | MeasureUnit::Rate)
                    )
            }
            Intent::ChangeAbsolute(_) => {
                allows(Derived::ChangeAbsolute) && same_unit(column, figure)
            }
            Intent::Difference => allows(Derived::Difference) && unit == Some(MeasureUnit::Count),
            Intent::Ends => same_unit(column, figure),
            Intent::Level if figure.unit == Unit::Percent => {
                unit == Some(MeasureUnit::Percent)
                    || (unit == Some(MeasureUnit::Count)
                        && allows(Derived::ShareOfTotal)
                        && !selection
                            .fixed
                            .values()
                            .all(|values| values.iter().all(|v| super::derive::is_total(v))))
            }
            Intent::Level => same_unit(column, figure),
        }
}

fn same_unit(column: &Column, figure: &Figure) -> bool {
    match (column.unit, figure.unit) {
        (Some(MeasureUnit::Count), Unit::Count) => true,
        (Some(MeasureUnit::Percent), Unit::Percent) => true,
        (Some(MeasureUnit::Money), Unit::Money) => {
            column.currency.as_deref() == figure.currency.as_deref()
        }
        (Some(MeasureUnit::Rate), Unit::Rate) => column.per == figure.per,
        _ => false,
    }
}

/// The dimension whose named, non-total value makes a count measure a share ("86% ethnic
/// Tibetan": ethnic_group = Tibetan of the total), if the measure is a count.
fn share_dimension(
    shape: &Shape,
    selection: &Selection,
    column: &Column,
) -> Option<(String, String)> {
    if column.unit != Some(MeasureUnit::Count) {
        return None;
    }
    shape.entities.iter().find_map(|(dim, _, values)| {
        let chosen = selection.fixed.get(dim)?;
        let part = chosen.iter().next()?;
        (chosen.len() == 1
            && !super::derive::is_total(part)
            && values.iter().any(|value| super::derive::is_total(value)))
        .then(|| (dim.clone(), part.clone()))
    })
}

/// What a dataset says for one claim: the expected interval, the rows read, the computation in
/// words, and the claim's own interval to compare with it (a change signed by its direction).
struct Reading<'a> {
    expected: (f64, f64, f64),
    rows: Vec<&'a Row>,
    computation: String,
    claimed: (f64, Option<f64>, Option<f64>),
}

/// A measure's value and rounding half-width in two periods, with the rows read.
type Ends<'a> = ((f64, f64), (f64, f64), Vec<&'a Row>);

/// One measure of a dataset under the claim's selection of rows.
struct Lookup<'a, 's> {
    dataset: &'a Dataset,
    shape: &'s Shape,
    selection: &'s Selection,
    column: &'a Column,
    fiscal: bool,
}

impl<'a> Lookup<'a, '_> {
    /// The measure's value in `year` (every year when `None`), its rounding half-width and rows.
    fn value(&self, year: Option<i64>) -> Result<(f64, f64, Vec<&'a Row>), String> {
        self.value_of(self.selection, &self.column.name, year)
    }

    fn value_of(
        &self,
        selection: &Selection,
        measure: &str,
        year: Option<i64>,
    ) -> Result<(f64, f64, Vec<&'a Row>), String> {
        value_at(
            self.dataset,
            self.shape,
            selection,
            measure,
            year,
            self.fiscal,
        )
    }

    /// The measure in two periods, with the rows of both.
    fn both_ends(&self, from: i64, to: i64) -> Result<Ends<'a>, String> {
        let (a, a_half, mut rows) = self.value(Some(from))?;
        let (b, b_half, b_rows) = self.value(Some(to))?;
        rows.extend(b_rows);
        Ok(((a, a_half), (b, b_half), rows))
    }

    /// A count in one calendar month (`YYYY-MM`): the one row of that month the claim's
    /// entities select.
    fn in_month(&self, figure: &Figure, month: &str) -> Result<Reading<'a>, String> {
        let month_column = self
            .shape
            .month
            .as_ref()
            .ok_or("the table has no month column")?;
        let rows: Vec<&Row> = self
            .dataset
            .rows
            .iter()
            .filter(|row| self.selection.admits(row))
            .filter(|row| row.dims.get(month_column).map(String::as_str) == Some(month))
            .filter(|row| row.measures.contains_key(&self.column.name))
            .collect();
        let [row] = rows.as_slice() else {
            return Err(format!("{} rows fit {month}", rows.len()));
        };
        let value = row.measures[&self.column.name];
        let half = self.dataset.rounding(&self.column.name).unwrap_or(0.0) / 2.0;
        Ok(Reading {
            expected: (value, value - half, value + half),
            rows: vec![*row],
            computation: format!("{} in {month} = {}", self.column.name, format_number(value)),
            claimed: (figure.value, figure.low, figure.high),
        })
    }

    /// The years of the rows the claim's entities select ("Tibet" has 2020 rows only).
    fn selected_years(&self) -> BTreeSet<i64> {
        let Some((period, _)) = &self.shape.period else {
            return BTreeSet::new();
        };
        self.dataset
            .rows
            .iter()
            .filter(|row| self.selection.admits(row))
            .filter_map(|row| row.dims.get(period).and_then(|v| super::derive::year_of(v)))
            .collect()
    }

    /// The year a level is read at: the selection's only year (which the claim's years must
    /// name, if they name any), or the claim's one period.
    fn level_year(&self, context: &Context) -> Result<Option<i64>, String> {
        let selected = self.selected_years();
        if selected.len() <= 1 {
            let only = selected.iter().next().copied();
            return match (only, context.years.is_empty()) {
                (Some(year), false) if !context.years.contains(&year) => Err(format!(
                    "the claim is about {:?}, the dataset about {year}",
                    context.years
                )),
                _ => Ok(only),
            };
        }
        context
            .level_period()
            .map(Some)
            .ok_or_else(|| "the claim names no single year".to_string())
    }

    /// A level: the measure itself, or a percentage as the selected part over its total.
    fn level(&self, figure: &Figure, year: Option<i64>) -> Result<Reading<'a>, String> {
        let claimed = (figure.value, figure.low, figure.high);
        let share_dim = (figure.unit == Unit::Percent)
            .then(|| share_dimension(self.shape, self.selection, self.column))
            .flatten();
        if let Some((dim, part)) = share_dim {
            return self.share_of_total(figure, year, &dim, &part);
        }
        if figure.unit == Unit::Percent && self.column.unit != Some(MeasureUnit::Percent) {
            // A percentage is never compared with a count: without a part and a total to
            // divide there is nothing to compare it with.
            return Err(format!(
                "{} is no share and the claim names no part of a total",
                self.column.name
            ));
        }
        let (v, half, rows) = self.value(year)?;
        if self.column.unit == Some(MeasureUnit::Percent) && (v - 100.0).abs() < 1e-9 {
            return Err("a share of 100% is the total itself".into());
        }
        Ok(Reading {
            expected: (v, v - half, v + half),
            rows,
            computation: format!("{} = {}", self.column.name, format_number(v)),
            claimed,
        })
    }

    /// A percentage read as the selected `part` of dimension `dim` over that dimension's total.
    fn share_of_total(
        &self,
        figure: &Figure,
        year: Option<i64>,
        dim: &str,
        part: &str,
    ) -> Result<Reading<'a>, String> {
        let (part_value, part_half, mut rows) = self.value(year)?;
        let total_value = self
            .shape
            .entities
            .iter()
            .find(|(name, _, _)| name == dim)
            .and_then(|(_, _, values)| values.iter().find(|v| super::derive::is_total(v)))
            .ok_or("no total to share")?;
        let mut total_selection = self.selection.clone();
        total_selection
            .fixed
            .insert(dim.to_string(), BTreeSet::from([total_value.clone()]));
        let (total, total_half, total_rows) =
            self.value_of(&total_selection, &self.column.name, year)?;
        rows.extend(total_rows);
        let share = part_value / total * 100.0;
        let low = (part_value - part_half) / (total + total_half) * 100.0;
        let high = (part_value + part_half) / (total - total_half).max(1.0) * 100.0;
        Ok(Reading {
            expected: (share, low, high),
            rows,
            computation: format!(
                "{part}: {} / {} × 100 = {share:.1}%",
                format_number(part_value),
                format_number(total)
            ),
            claimed: (figure.value, figure.low, figure.high),
        })
    }

    /// A change written with both ends ("from 1,515 to 25,465"): both must hold, so the end
    /// further from the dataset is the one compared, scaled to the end value.
    fn ends(&self, figure: &Figure, (from, to): (i64, i64)) -> Result<Reading<'a>, String> {
        let range = figure.range.ok_or("no range")?;
        let (start, end) = match range.direction {
            Some(crate::figures::Direction::Down) => (range.high, range.low),
            _ => (range.low, range.high),
        };
        let ((a, a_half), (b, b_half), rows) = self.both_ends(from, to)?;
        let half = figure
            .high
            .zip(figure.low)
            .map_or(0.0, |(h, l)| (h - l) / 2.0);
        let start_gap = (start - a).abs() - half - a_half;
        let end_gap = (end - b).abs() - half - b_half;
        let (claimed, expected, expected_half) = if start_gap > end_gap {
            (start, a, a_half)
        } else {
            (end, b, b_half)
        };
        Ok(Reading {
            expected: (expected, expected - expected_half, expected + expected_half),
            rows,
            computation: format!("{from}: {}, {to}: {}", format_number(a), format_number(b)),
            claimed: (claimed, Some(claimed - half), Some(claimed + half)),
        })
    }

    /// A percent change between two periods; the rate per 100,000's change when that is the
    /// nearer reading, and each member's change for a named group.
    fn percent_change(
        &self,
        figure: &Figure,
        sign: f64,
        (from, to): (i64, i64),
    ) -> Result<Reading<'a>, String> {
        let ((a, a_half), (b, b_half), rows) = self.both_ends(from, to)?;
        if a <= 0.0 {
            return Err("the first period's value is zero".into());
        }
        let change = (b - a) / a * 100.0;
        let low = ((b - b_half) / (a + a_half) - 1.0) * 100.0;
        let high = ((b + b_half) / (a - a_half).max(f64::MIN_POSITIVE) - 1.0) * 100.0;
        let mut text = format!(
            "{from}: {}, {to}: {}, ({} − {}) / {} × 100 = {change:+.1}%",
            format_number(a),
            format_number(b),
            format_number(b),
            format_number(a),
            format_number(a)
        );
        let claimed = signed(figure, sign);
        let mut expected = (change, low, high);
        let name = self.column.name.as_str();
        if let Some((rate_change, rate_text)) = rate_change(
            self.dataset,
            self.shape,
            self.selection,
            name,
            from,
            to,
            self.fiscal,
        ) {
            let distance = |x: f64| (x - claimed.0).abs();
            if distance(rate_change) < distance(change) {
                text = format!("{rate_text} (the count changed {change:+.1}%)");
                expected = (rate_change, rate_change, rate_change);
            } else {
                text.push_str(&format!(
                    " (the rate per 100,000 changed {rate_change:+.1}%)"
                ));
            }
        }
        if let Some((dim, _, members)) = &self.selection.group {
            let parts: Vec<String> = members
                .iter()
                .filter_map(|member| {
                    let mut one = self.selection.clone();
                    one.group = None;
                    one.fixed
                        .insert(dim.clone(), BTreeSet::from([member.clone()]));
                    let (a, _, _) = self.value_of(&one, name, Some(from)).ok()?;
                    let (b, _, _) = self.value_of(&one, name, Some(to)).ok()?;
                    Some(format!("{member} {:+.1}%", (b - a) / a * 100.0))
                })
                .collect();
            text.push_str(&format!("; by member: {}", parts.join(", ")));
        }
        Ok(Reading {
            expected,
            rows,
            computation: text,
            claimed,
        })
    }

    /// An absolute change between two periods.
    fn absolute_change(
        &self,
        figure: &Figure,
        sign: f64,
        (from, to): (i64, i64),
    ) -> Result<Reading<'a>, String> {
        let ((a, a_half), (b, b_half), rows) = self.both_ends(from, to)?;
        let change = b - a;
        Ok(Reading {
            expected: (change, change - a_half - b_half, change + a_half + b_half),
            rows,
            computation: format!(
                "{to}: {} − {from}: {} = {}",
                format_number(b),
                format_number(a),
                format_number(change)
            ),
            claimed: signed(figure, sign),
        })
    }

    /// The measure minus its complement (`other`) in one year.
    fn difference(
        &self,
        figure: &Figure,
        year: Option<i64>,
        other: &Column,
    ) -> Result<Reading<'a>, String> {
        let (a, a_half, mut rows) = self.value(year)?;
        let (b, b_half, b_rows) = self.value_of(self.selection, &other.name, year)?;
        rows.extend(b_rows);
        rows.dedup_by_key(|row| row.line);
        Ok(Reading {
            expected: (a - b, a - b - a_half - b_half, a - b + a_half + b_half),
            rows,
            computation: format!(
                "{} − {} = {} − {} = {}",
                self.column.name,
                other.name,
                format_number(a),
                format_number(b),
                format_number(a - b)
            ),
            claimed: (figure.value, figure.low, figure.high),
        })
    }
}

/// The change of the rate per 100,000 (measure / population), when the dataset allows it.
fn rate_change(
    dataset: &Dataset,
    shape: &Shape,
    selection: &Selection,
    measure: &str,
    from: i64,
    to: i64,
    fiscal: bool,
) -> Option<(f64, String)> {
    let population = dataset.manifest.population_measure.as_deref()?;
    if !dataset.manifest.derived.contains(&Derived::Per100k) || population == measure {
        return None;
    }
    let (a, _, _) = value_at(dataset, shape, selection, measure, Some(from), fiscal).ok()?;
    let (b, _, _) = value_at(dataset, shape, selection, measure, Some(to), fiscal).ok()?;
    let (pa, _, _) = value_at(dataset, shape, selection, population, Some(from), fiscal).ok()?;
    let (pb, _, _) = value_at(dataset, shape, selection, population, Some(to), fiscal).ok()?;
    let (rate_a, rate_b) = (a / pa * 1e5, b / pb * 1e5);
    let change = (rate_b - rate_a) / rate_a * 100.0;
    Some((
        change,
        format!(
            "rate per 100,000: {from}: {} / {} × 100,000 = {rate_a:.1}, {to}: {} / {} × 100,000 = {rate_b:.1}, change {change:+.1}%",
            format_number(a),
            format_number(pa),
            format_number(b),
            format_number(pb)
        ),
    ))
}

fn result(claim: &CheckClaim, figure: &Figure, answer: Answer) -> CheckResult {
    let verdict = decide(&answer.comparison);
    let dataset = answer.dataset;
    let against = format!(
        "{} ({}; {})",
        dataset.manifest.short_title(),
        dataset.id(),
        answer.computation
    );
    let explanation = verdict::sentence(verdict, &figure.text, &answer.comparison, &against);
    let rows: Vec<EvidenceRow> = answer
        .rows
        .iter()
        .map(|row| EvidenceRow {
            line: row.line,
            description: dataset.describe_row(row),
            row: row_object(dataset, row),
        })
        .collect();
    let caveat = answer.comparison.conflict.clone().or_else(|| {
        (verdict == Verdict::NotComparable)
            .then(|| {
                dataset
                    .manifest
                    .caveats
                    .iter()
                    .find(|c| c.to_lowercase().contains("revis"))
                    .cloned()
            })
            .flatten()
    });
    CheckResult {
        claim: claim.claim_for(figure).clone(),
        figure: figure.clone(),
        method: Method::Dataset,
        verdict,
        expected: Some(answer.comparison.expected),
        difference: answer.comparison.difference(),
        change: answer.comparison.change,
        evidence: Evidence::Dataset(DatasetEvidence {
            dataset: dataset.id().to_string(),
            title: dataset.manifest.title.clone(),
            publisher: dataset.manifest.publisher.clone(),
            url: dataset.manifest.url.clone(),
            row: rows.first().map(|row| row.row.clone()).unwrap_or_default(),
            rows,
            column: answer.column,
            value: Some(answer.comparison.expected),
            computation: Some(answer.computation),
            caveat,
        }),
        binding: None,
        explanation,
        review: None,
    }
}
