//! The `measeval` suite: SemEval-2021 Task 8 (MeasEval) test paragraphs, each run through
//! `annotate` as one passage, scored the way the task's scorer README describes.
//!
//! Predicted quantities are all figures except years, ordinals and identifiers. Each gold
//! quantity is paired with the unpaired prediction that overlaps it most. Per component, a pair
//! scores Exact Match (0/1) and SQuAD-style token-overlap F1 (whitespace tokens); every gold item
//! without a prediction and every prediction without a gold item adds a zero row (the scorer's
//! penalty rows); a component's score is the mean over rows. Components: Quantity span, Unit
//! (our measure unit, `%` or currency code against the gold `unit`), IsApproximate and IsRange
//! modifiers (from our qualifier and range), and MeasuredEntity (our `counts_span`).
//! A gold quantity "passes" when a prediction overlaps it.

use super::{byte_offset, read_text, EvalError, FileReport, SuiteReport};
use claimdex::figures::{annotate, Figure, Qualifier, RangeKind, Unit};
use claimdex::span::Span;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Default)]
struct GoldSet {
    quantity: Option<Span>,
    unit: Option<String>,
    mods: Vec<String>,
    entity: Option<Span>,
}

/// Sums of scores and row counts for one component.
#[derive(Debug, Clone, Copy, Default)]
struct Score {
    exact: f64,
    overlap: f64,
    rows: usize,
}

impl Score {
    fn add(&mut self, exact: f64, overlap: f64) {
        self.exact += exact;
        self.overlap += overlap;
        self.rows += 1;
    }

    fn line(&self, name: &str) -> String {
        let mean = |sum: f64| {
            if self.rows == 0 {
                0.0
            } else {
                sum / self.rows as f64
            }
        };
        format!(
            "{name}: exact {:.3}, overlap F1 {:.3} over {} rows",
            mean(self.exact),
            mean(self.overlap),
            self.rows
        )
    }
}

/// Runs every paragraph under `root` (the `measeval` folder).
pub fn run(root: &Path, verbose: bool) -> Result<SuiteReport, EvalError> {
    let text_dir = root.join("data/eval/text");
    let tsv_dir = root.join("data/eval/tsv");
    let entries = std::fs::read_dir(&text_dir).map_err(|source| EvalError::Read {
        path: text_dir.clone(),
        source,
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    let mut tally = Tally::new(verbose);
    for path in paths
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
    {
        let text = read_text(path)?;
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let tsv_path = tsv_dir.join(format!("{stem}.tsv"));
        let gold = if tsv_path.exists() {
            read_gold(&tsv_path, &text)?
        } else {
            Vec::new()
        };
        let predicted: Vec<Figure> = annotate(&text)
            .into_iter()
            .filter(|figure| !matches!(figure.unit, Unit::Year | Unit::Ordinal | Unit::Other))
            .collect();
        tally.paragraph(&Paragraph { stem, text: &text }, &gold, &predicted);
    }
    let metrics = tally.metrics();
    Ok(SuiteReport {
        suite: "measeval".to_string(),
        files: vec![tally.report],
        metrics,
        verbose,
    })
}

/// One paragraph: its file stem (for failure lines) and text.
struct Paragraph<'a> {
    stem: &'a str,
    text: &'a str,
}

/// The scores summed over the paragraphs.
struct Tally {
    report: FileReport,
    quantity: Score,
    unit: Score,
    modifiers: Score,
    entity: Score,
    n_gold: usize,
    n_pred: usize,
    n_exact_pairs: usize,
    n_pairs: usize,
    verbose: bool,
}

impl Tally {
    fn new(verbose: bool) -> Tally {
        Tally {
            report: FileReport::new("data/eval (paragraphs' quantities)"),
            quantity: Score::default(),
            unit: Score::default(),
            modifiers: Score::default(),
            entity: Score::default(),
            n_gold: 0,
            n_pred: 0,
            n_exact_pairs: 0,
            n_pairs: 0,
            verbose,
        }
    }

    /// Scores one paragraph: each gold quantity against its paired prediction (or a miss), then
    /// every prediction left unpaired.
    fn paragraph(&mut self, paragraph: &Paragraph, gold: &[GoldSet], predicted: &[Figure]) {
        self.n_gold += gold.len();
        self.n_pred += predicted.len();
        let pairs = pair(paragraph.text, gold, predicted);
        let mut used = vec![false; predicted.len()];
        for (gold_idx, gold_set) in gold.iter().enumerate() {
            let Some(gold_span) = gold_set.quantity else {
                continue;
            };
            match pairs[gold_idx] {
                Some(pred_idx) => {
                    used[pred_idx] = true;
                    self.paired(paragraph, gold_set, gold_span, &predicted[pred_idx]);
                }
                None => self.missed(paragraph, gold_set, gold_span),
            }
        }
        for (pred_idx, figure) in predicted.iter().enumerate() {
            if !used[pred_idx] {
                self.extra(paragraph, figure);
            }
        }
    }

    /// A gold quantity no prediction overlaps: a zero row for each of its components.
    fn missed(&mut self, paragraph: &Paragraph, gold_set: &GoldSet, gold_span: Span) {
        self.quantity.add(0.0, 0.0);
        self.report.record(false, || {
            format!(
                "{}: missed {:?}",
                paragraph.stem,
                gold_span.slice(paragraph.text).unwrap_or_default()
            )
        });
        if gold_set.unit.is_some() {
            self.unit.add(0.0, 0.0);
        }
        if gold_set.entity.is_some() {
            self.entity.add(0.0, 0.0);
        }
    }

    /// A gold quantity and its prediction: span, unit, modifiers and measured entity.
    fn paired(
        &mut self,
        paragraph: &Paragraph,
        gold_set: &GoldSet,
        gold_span: Span,
        figure: &Figure,
    ) {
        let text = paragraph.text;
        let gold_text = gold_span.slice(text).unwrap_or_default();
        let exact = f64::from(u8::from(figure.span == gold_span));
        self.n_pairs += 1;
        self.n_exact_pairs += usize::from(figure.span == gold_span);
        self.quantity.add(exact, token_f1(&figure.text, gold_text));
        self.report.record(true, String::new);
        if figure.span != gold_span && self.verbose {
            self.report.failures.push(format!(
                "{}: span {:?} for gold {gold_text:?}",
                paragraph.stem, figure.text
            ));
        }
        if let Some(gold_unit) = &gold_set.unit {
            let same = our_unit(figure).is_some_and(|ours| same_unit(&ours, gold_unit));
            let score = f64::from(u8::from(same));
            self.unit.add(score, score);
        }
        let approximate = matches!(
            figure.qualifier,
            Qualifier::Approximately | Qualifier::Almost
        );
        let is_range = figure
            .range
            .is_some_and(|range| range.kind == RangeKind::Range);
        for (name, ours) in [("IsApproximate", approximate), ("IsRange", is_range)] {
            let theirs = gold_set.mods.iter().any(|mod_name| mod_name == name);
            if ours || theirs {
                let score = f64::from(u8::from(ours == theirs));
                self.modifiers.add(score, score);
            }
        }
        match (gold_set.entity, figure.counts_span) {
            (Some(gold_entity), Some(ours)) => {
                let gold_entity_text = gold_entity.slice(text).unwrap_or_default();
                let ours_text = ours.slice(text).unwrap_or_default();
                self.entity.add(
                    f64::from(u8::from(gold_entity == ours)),
                    token_f1(ours_text, gold_entity_text),
                );
            }
            (Some(_), None) | (None, Some(_)) => self.entity.add(0.0, 0.0),
            (None, None) => {}
        }
    }

    /// A prediction no gold quantity is paired with: a zero row for each of its components.
    fn extra(&mut self, paragraph: &Paragraph, figure: &Figure) {
        if self.verbose {
            self.report.failures.push(format!(
                "{}: extra {:?} ({:?})",
                paragraph.stem, figure.text, figure.unit
            ));
        }
        self.quantity.add(0.0, 0.0);
        if our_unit(figure).is_some() {
            self.unit.add(0.0, 0.0);
        }
        if figure.counts_span.is_some() {
            self.entity.add(0.0, 0.0);
        }
    }

    /// The suite's metric lines: counts, span detection P/R/F1, then the scorer-style rows.
    fn metrics(&self) -> Vec<String> {
        let (n_gold, n_pred, n_pairs, n_exact_pairs) =
            (self.n_gold, self.n_pred, self.n_pairs, self.n_exact_pairs);
        let precision = n_pairs as f64 / n_pred.max(1) as f64;
        let recall = n_pairs as f64 / n_gold.max(1) as f64;
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        let strict_precision = n_exact_pairs as f64 / n_pred.max(1) as f64;
        let strict_recall = n_exact_pairs as f64 / n_gold.max(1) as f64;
        vec![
            format!("gold quantities {n_gold}, predicted {n_pred}, paired by overlap {n_pairs}, exact spans {n_exact_pairs}"),
            format!(
                "quantity span detection: overlap P {:.3} R {:.3} F1 {:.3} (target >= 0.70); strict P {:.3} R {:.3} F1 {:.3} (target >= 0.60)",
                precision,
                recall,
                f1(precision, recall),
                strict_precision,
                strict_recall,
                f1(strict_precision, strict_recall)
            ),
            self.quantity.line("scorer-style Quantity (penalty rows)"),
            self.unit.line("scorer-style Unit"),
            self.modifiers.line("scorer-style Modifiers (IsApproximate, IsRange)"),
            self.entity.line("scorer-style MeasuredEntity (our counts)"),
        ]
    }
}

fn read_gold(path: &Path, text: &str) -> Result<Vec<GoldSet>, EvalError> {
    let tsv = read_text(path)?;
    let mut sets: BTreeMap<String, GoldSet> = BTreeMap::new();
    for line in tsv.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [_doc, set, kind, start, end, _id, _text, other, ..] = fields.as_slice() else {
            continue;
        };
        let (Ok(start), Ok(end)) = (start.parse::<usize>(), end.parse::<usize>()) else {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                message: format!("bad offsets in {line:?}"),
            });
        };
        let span = Span::new(byte_offset(text, start), byte_offset(text, end));
        let entry = sets.entry((*set).to_string()).or_default();
        let other: serde_json::Value = serde_json::from_str(other).unwrap_or_default();
        match *kind {
            "Quantity" => {
                entry.quantity = Some(span);
                entry.unit = other
                    .get("unit")
                    .and_then(|unit| unit.as_str())
                    .map(str::to_string);
                entry.mods = other
                    .get("mods")
                    .and_then(|mods| mods.as_array())
                    .map(|mods| {
                        mods.iter()
                            .filter_map(|m| m.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
            }
            "MeasuredEntity" => entry.entity = Some(span),
            _ => {}
        }
    }
    Ok(sets
        .into_values()
        .filter(|set| set.quantity.is_some())
        .collect())
}

/// For each gold set, the index of the prediction overlapping its quantity most (each used once).
fn pair(text: &str, gold: &[GoldSet], predicted: &[Figure]) -> Vec<Option<usize>> {
    let mut taken = vec![false; predicted.len()];
    let mut pairs = vec![None; gold.len()];
    for (gold_idx, gold_set) in gold.iter().enumerate() {
        let Some(gold_span) = gold_set.quantity else {
            continue;
        };
        let gold_text = gold_span.slice(text).unwrap_or_default();
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(idx, figure)| {
                !taken[*idx]
                    && figure.span.start < gold_span.end
                    && gold_span.start < figure.span.end
            })
            .max_by(|(_, a), (_, b)| {
                token_f1(&a.text, gold_text).total_cmp(&token_f1(&b.text, gold_text))
            });
        if let Some((idx, _)) = best {
            taken[idx] = true;
            pairs[gold_idx] = Some(idx);
        }
    }
    pairs
}

/// SQuAD-style token F1 over whitespace tokens.
fn token_f1(predicted: &str, gold: &str) -> f64 {
    let predicted: Vec<&str> = predicted.split_whitespace().collect();
    let gold: Vec<&str> = gold.split_whitespace().collect();
    let mut remaining = gold.clone();
    let mut common = 0usize;
    for token in &predicted {
        if let Some(idx) = remaining.iter().position(|other| other == token) {
            remaining.swap_remove(idx);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let precision = common as f64 / predicted.len() as f64;
    let recall = common as f64 / gold.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

fn our_unit(figure: &Figure) -> Option<String> {
    match figure.unit {
        Unit::Percent => Some("%".to_string()),
        Unit::Money => figure.currency.clone(),
        Unit::Measure | Unit::Duration => figure.measure_unit.clone(),
        _ => None,
    }
}

/// Unit names compared loosely: case, spaces and a plural `s` aside, and `year`/`yr`-style synonyms.
fn same_unit(ours: &str, gold: &str) -> bool {
    let normalise = |unit: &str| {
        let lower: String = unit
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let lower = lower.replace("percent", "%").replace('μ', "µ");
        match lower.as_str() {
            "year" | "years" | "yr" | "yrs" | "a" => "year".to_string(),
            "day" | "days" | "d" => "day".to_string(),
            "hour" | "hours" | "h" | "hr" => "hour".to_string(),
            "minute" | "minutes" | "min" => "minute".to_string(),
            "month" | "months" => "month".to_string(),
            "week" | "weeks" => "week".to_string(),
            "°c" | "ºc" | "degreesc" | "°" => "°c".to_string(),
            other => other.trim_end_matches('s').to_string(),
        }
    };
    normalise(ours) == normalise(gold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_f1_is_squad_style() {
        assert_eq!(token_f1("2617.4 m", "2617.4 m"), 1.0);
        assert!((token_f1("2617.4", "2617.4 m") - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(token_f1("5", "7 m"), 0.0);
    }

    #[test]
    fn units_compare_loosely() {
        assert!(same_unit("year", "yr"));
        assert!(same_unit("km", "km"));
        assert!(!same_unit("km", "m"));
    }
}
