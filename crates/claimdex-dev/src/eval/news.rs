//! The news evaluation: claimdex on real news excerpts it was not written for, scored against
//! gold labels written by people who did not read its rules (`tests/fixtures/news-eval/`).
//!
//! The score comes from the JSON a `claimdex` binary writes (`index`, `check --format json`,
//! `figures --json`, `claims --json`), so any build (today's, or an older one kept for
//! comparison) is measured the same way. A period is read from a check result's `binding` when
//! the binary writes one, else from its figure's `period` words (resolved with today's period
//! parser against the document's date), so older builds are scored on the words they chose.
//!
//! Every metric is printed per split (`tune`, `heldout`) and for all excerpts.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::EvalError;
use claimdex::bind::{period, publication_month, BindRules};
use claimdex::span::{LineIndex, Span};

#[derive(Debug, Deserialize)]
struct GoldDoc {
    doc: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    split: String,
    #[serde(default)]
    figure: Vec<GoldFigure>,
    #[serde(default)]
    relation: Vec<GoldRelation>,
    #[serde(default)]
    sentence: Vec<GoldSentence>,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    id: u32,
    line: usize,
    text: String,
    value: f64,
    unit: String,
    #[serde(default)]
    period_start: Option<String>,
    #[serde(default)]
    period_end: Option<String>,
    #[serde(default)]
    partial: bool,
    #[serde(default)]
    acceptable: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldRelation {
    result: u32,
    #[serde(default)]
    holds: bool,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
struct GoldSentence {
    line: usize,
    text: String,
    #[serde(default)]
    source: String,
    /// Where the gold source is written: "sentence", "previous_sentence", "earlier" (a report
    /// attributed in an earlier paragraph that this sentence goes on with), or "" (none, or
    /// not labelled).
    #[serde(default)]
    source_from: String,
    #[serde(default)]
    check_worthy: bool,
}

#[derive(Debug, Deserialize)]
struct Pairs {
    #[serde(default)]
    pair: Vec<GoldPair>,
}

#[derive(Debug, Deserialize)]
struct GoldPair {
    a: String,
    b: String,
    same_statistic: bool,
    #[serde(default)]
    agree: bool,
}

/// A gold figure found in its document's raw text.
struct Located<'a> {
    doc: &'a GoldDoc,
    figure: &'a GoldFigure,
    span: Span,
}

/// Counters of one split.
#[derive(Debug, Default, Clone)]
struct Score {
    gold_figures: usize,
    found_right: usize,
    predicted: usize,
    predicted_right: usize,
    period_judged: usize,
    period_right: usize,
    /// Right when an end the binding marks approximate (the publication month) is one month off.
    period_near: usize,
    partial_judged: usize,
    partial_right: usize,
    /// Period misses by kind, counted per split so the held-back part can be read without its
    /// texts: see [`PeriodMiss`].
    period_misses: [usize; PeriodMiss::KINDS],
    /// Disjoint period misses by where claimdex's period came from: clause, sentence, passage,
    /// document date, and the gold period earlier / later than claimdex's.
    disjoint_sources: [usize; 4],
    disjoint_gold_earlier: usize,
    /// (right, judged) periods by where claimdex's period came from, as `disjoint_sources`.
    by_source: [(usize, usize); 4],
    /// (right, judged) of the passage periods carried from an earlier paragraph.
    carried_across: (usize, usize),
    disjoint_gold_later: usize,
    attribution_tp: usize,
    attribution_fp: usize,
    attribution_fn: usize,
    /// (right, gold) attributions by where the gold source is written: the sentence, the
    /// sentence before, an earlier paragraph.
    attribution_by_from: [(usize, usize); 3],
    /// (right, given) of claimdex's sources carried from an earlier paragraph.
    attribution_carried: (usize, usize),
    relations: usize,
    relations_found: usize,
    relations_right: usize,
    relations_wrong: usize,
    same_pairs: usize,
    same_pairs_right: usize,
    lookalike_pairs: usize,
    lookalike_pairs_right: usize,
    contradicted: usize,
    false_contradicted: usize,
    supported: usize,
    false_supported: usize,
    /// `supported` on numbers the labeller did not take for figures.
    unlabelled_supported: usize,
    results: usize,
    /// (score, check-worthy) per gold sentence, for P@10 and MAP.
    ranking: Vec<(f64, bool)>,
}

/// Runs the evaluation with the `claimdex` binary `bin` on `dir` (holding `corpus/`, `gold/`,
/// `pairs.toml`), checking against the datasets in `datasets`. Returns the report.
pub fn run(dir: &Path, bin: &Path, datasets: &Path, verbose: bool) -> Result<String, EvalError> {
    let golds = read_gold(dir)?;
    let pairs: Pairs = {
        let path = dir.join("pairs.toml");
        let text = super::read_text(&path)?;
        toml::from_str(&text).map_err(|err| EvalError::Format {
            path: path.clone(),
            message: err.to_string(),
        })?
    };
    let work = tempfile::tempdir().map_err(|source| EvalError::Read {
        path: std::env::temp_dir(),
        source,
    })?;
    let index = work.path().join("index");
    let corpus = dir.join("corpus");
    let run = |args: &[&str]| claimdex_json(bin, &index, datasets, args);
    run(&["index", "--rebuild", &corpus.to_string_lossy()])?;
    let results = run(&["check", "--format", "json"])?;
    let figures = run(&["figures", "--json", "--limit", "1000000"])?;
    let claims = run(&["claims", "--json", "--limit", "1000000"])?;

    let raws: BTreeMap<String, String> = golds
        .iter()
        .filter_map(|gold| {
            let text = std::fs::read_to_string(corpus.join(format!("{}.txt", gold.doc))).ok()?;
            Some((gold.doc.clone(), text))
        })
        .collect();
    let located = locate(&golds, &raws);
    let split_of: BTreeMap<&str, &str> = golds
        .iter()
        .map(|gold| (gold.doc.as_str(), gold.split.as_str()))
        .collect();
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    {
        let mut add = |doc: &str, apply: &mut dyn FnMut(&mut Score)| {
            let split = split_of.get(doc).copied().unwrap_or("other").to_string();
            apply(scores.entry(split).or_default());
            apply(scores.entry("all".into()).or_default());
        };
        score_figures(&located, &figures, &mut add, &mut misses);
        score_periods(&located, &results, &golds, &raws, &mut add, &mut misses);
        score_attribution(&golds, &claims, &raws, &mut add, &mut misses);
        score_relations(&located, &results, &mut add, &mut misses);
        score_pairs(&located, &pairs, &results, &mut add, &mut misses);
        score_verdicts(&located, &results, &mut add, &mut misses);
    }
    Ok(render(&scores, &misses, verbose))
}

fn read_gold(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let gold_dir = dir.join("gold");
    let entries = std::fs::read_dir(&gold_dir).map_err(|source| EvalError::Read {
        path: gold_dir.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = super::read_text(&path)?;
            toml::from_str(&text).map_err(|err| EvalError::Format {
                path: path.clone(),
                message: err.to_string(),
            })
        })
        .collect()
}

/// Runs `claimdex` with a scratch index and returns its stdout as JSON lines.
fn claimdex_json(
    bin: &Path,
    index: &Path,
    datasets: &Path,
    args: &[&str],
) -> Result<Vec<Value>, EvalError> {
    let output = Command::new(bin)
        .arg("--index")
        .arg(index)
        .arg("--datasets")
        .arg(datasets)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .map_err(|source| EvalError::Read {
            path: bin.to_path_buf(),
            source,
        })?;
    // 1 is "nothing found": an empty listing.
    if !matches!(output.status.code(), Some(0 | 1)) {
        return Err(EvalError::Format {
            path: bin.to_path_buf(),
            message: format!(
                "{} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr)
            ),
        });
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect())
}

/// Finds each gold figure's text on its line (the n-th occurrence for the n-th figure with the
/// same text on that line).
fn locate<'a>(golds: &'a [GoldDoc], raws: &BTreeMap<String, String>) -> Vec<Located<'a>> {
    let mut out = Vec::new();
    for gold in golds {
        let Some(raw) = raws.get(&gold.doc) else {
            continue;
        };
        let lines = LineIndex::new(raw);
        let mut used: BTreeSet<usize> = BTreeSet::new();
        for figure in &gold.figure {
            let Some(start) = lines.line_start(figure.line) else {
                continue;
            };
            let end = raw[start..].find('\n').map_or(raw.len(), |at| start + at);
            let line = &raw[start..end];
            // The first unused occurrence that is not inside a longer number ("20" of "20% more"
            // is not the "20" of "2023"), else the first unused one.
            let occurrences: Vec<usize> = line
                .match_indices(figure.text.as_str())
                .map(|(at, _)| start + at)
                .filter(|at| !used.contains(at))
                .collect();
            let whole = |at: &usize| {
                let before = raw[..*at].chars().next_back();
                let after = raw[*at + figure.text.len()..].chars().next();
                !before.is_some_and(|ch| ch.is_ascii_digit())
                    && !after.is_some_and(|ch| ch.is_ascii_digit())
            };
            // A percent's digits are the ones a percent sign or word follows ("a 17-per cent
            // rise" in a line dated "Jan 17"; "11%" after "the first 11 months").
            let says_percent = |at: &usize| {
                let after = raw[*at + figure.text.len()..]
                    .trim_start_matches([' ', '-', '\u{a0}'])
                    .to_lowercase();
                ["%", "per cent", "percent", "pc", "por ciento"]
                    .iter()
                    .any(|sign| after.starts_with(sign))
            };
            let found = occurrences
                .iter()
                .copied()
                .find(|at| figure.unit == "percent" && whole(at) && says_percent(at))
                .or_else(|| occurrences.iter().copied().find(whole))
                .or_else(|| occurrences.first().copied());
            if let Some(at) = found {
                used.insert(at);
                out.push(Located {
                    doc: gold,
                    figure,
                    span: Span::new(at, at + figure.text.len()),
                });
            }
        }
    }
    out
}

fn span_of(value: &Value) -> Option<Span> {
    let start = value.get("start")?.as_u64()?;
    let end = value.get("end")?.as_u64()?;
    Some(Span::new(
        usize::try_from(start).ok()?,
        usize::try_from(end).ok()?,
    ))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The gold figure a predicted figure (doc, span) stands for.
fn gold_at<'a, 'b>(located: &'b [Located<'a>], doc: &str, span: Span) -> Option<&'b Located<'a>> {
    located
        .iter()
        .filter(|gold| gold.doc.doc == doc && overlaps(gold.span, span))
        .min_by_key(|gold| gold.span.start.abs_diff(span.start))
}

fn value_and_unit_right(gold: &GoldFigure, figure: &Value) -> bool {
    let unit = figure.get("unit").and_then(Value::as_str).unwrap_or("");
    let value = figure
        .get("value")
        .and_then(Value::as_f64)
        .unwrap_or(f64::NAN);
    let (value, unit_ok) = match gold.unit.as_str() {
        "count" => (value, unit == "count"),
        "percent" => match unit {
            "fraction" => (value * 100.0, true),
            _ => (value, unit == "percent"),
        },
        "percentage_point" => (value, unit == "percentage_points"),
        "currency" => (value, unit == "money"),
        "rate" => (value, unit == "rate"),
        "multiplier" => (value, unit == "multiplier"),
        "duration" => (value, unit == "duration"),
        _ => (value, true),
    };
    let tolerance = gold.value.abs().max(1.0) * 0.005;
    let near = |value: f64| (value.abs() - gold.value.abs()).abs() <= tolerance;
    // A duration's gold value may be written in another unit than the text's ("three decades"
    // labelled 30 years, "24 hours" one day): the exact conversions are the same figure.
    let converted = || {
        let measure = figure
            .get("measure_unit")
            .and_then(Value::as_str)
            .unwrap_or("");
        DURATION_FACTORS
            .iter()
            .filter(|(from, _)| *from == measure)
            .any(|(_, factor)| near(value * factor))
    };
    unit_ok && (near(value) || (unit == "duration" && converted()))
}

/// Exact conversions of a duration's unit into another (`value * factor`).
const DURATION_FACTORS: &[(&str, f64)] = &[
    ("decade", 10.0),
    ("decade", 120.0),
    ("year", 12.0),
    ("year", 0.1),
    ("month", 1.0 / 12.0),
    ("week", 7.0),
    ("day", 24.0),
    ("day", 1.0 / 7.0),
    ("hour", 1.0 / 24.0),
];

/// The two ends of a change written with both ("from 470,342 to 343,981") or of a range
/// ("between 1.5 million and 2 million"), else none.
fn two_ends(figure: &Value) -> Vec<f64> {
    let Some(range) = figure.get("range") else {
        return Vec::new();
    };
    let end = |key: &str| range.get(key).and_then(Value::as_f64);
    match (
        range.get("kind").and_then(Value::as_str),
        end("low"),
        end("high"),
    ) {
        (Some("change" | "range"), Some(low), Some(high)) if low != high => vec![low, high],
        _ => Vec::new(),
    }
}

/// The predicted figure with another value (one end of its change).
fn with_value(figure: &Value, value: f64) -> Value {
    let mut figure = figure.clone();
    if let Some(object) = figure.as_object_mut() {
        object.insert("value".to_string(), Value::from(value));
    }
    figure
}

type Add<'s> = dyn FnMut(&str, &mut dyn FnMut(&mut Score)) + 's;

fn score_figures(located: &[Located], figures: &[Value], add: &mut Add, misses: &mut Vec<String>) {
    let docs: BTreeSet<&str> = located.iter().map(|gold| gold.doc.doc.as_str()).collect();
    let mut right_gold: BTreeSet<(String, u32)> = BTreeSet::new();
    for figure in figures {
        let Some(doc) = figure.get("doc").and_then(Value::as_str) else {
            continue;
        };
        if !docs.contains(doc) || figure.get("unit").and_then(Value::as_str) == Some("year") {
            continue;
        }
        let Some(span) = figure.get("span").and_then(span_of) else {
            continue;
        };
        // A change written with both ends ("from 470,342 for FY2025 to 343,981") or a range
        // ("between $66 billion and $68 billion") is one figure holding two values: each end
        // stands for the gold figure written there.
        let ends = two_ends(figure);
        let golds: Vec<&Located> = if ends.is_empty() {
            gold_at(located, doc, span).into_iter().collect()
        } else {
            located
                .iter()
                .filter(|gold| gold.doc.doc == doc && overlaps(gold.span, span))
                .collect()
        };
        let mut right = false;
        for gold in golds {
            let fits = value_and_unit_right(gold.figure, figure)
                || ends
                    .iter()
                    .any(|end| value_and_unit_right(gold.figure, &with_value(figure, *end)));
            if fits {
                right = true;
                right_gold.insert((doc.to_string(), gold.figure.id));
            }
        }
        add(doc, &mut |score| {
            score.predicted += 1;
            score.predicted_right += usize::from(right);
        });
        if !right {
            let text = figure.get("text").and_then(Value::as_str).unwrap_or("");
            let unit = figure.get("unit").and_then(Value::as_str).unwrap_or("");
            let line = figure.get("line").and_then(Value::as_u64).unwrap_or(0);
            misses.push(format!(
                "figure not in gold: {doc}:{line} {text:?} ({unit})"
            ));
        }
    }
    for gold in located {
        let right = right_gold.contains(&(gold.doc.doc.clone(), gold.figure.id));
        add(&gold.doc.doc, &mut |score| {
            score.gold_figures += 1;
            score.found_right += usize::from(right);
        });
        if !right {
            misses.push(format!(
                "figure missed or wrong: {}:{} {:?} ({} {})",
                gold.doc.doc,
                gold.figure.line,
                gold.figure.text,
                gold.figure.value,
                gold.figure.unit
            ));
        }
    }
}

/// The period a check result binds its figure to: `binding.period` when written, else the
/// figure's `period` words read by today's period parser.
fn predicted_period(result: &Value, date: &str) -> Option<(String, String, bool, bool)> {
    let figure = result.get("figure")?;
    if let Some(binding) = result.get("binding") {
        let period = binding.get("period")?;
        if binding.get("period_source").and_then(Value::as_str) == Some("document_date") {
            return None;
        }
        return Some((
            period.get("start")?.as_str()?.to_string(),
            period.get("end")?.as_str()?.to_string(),
            period.get("partial")?.as_bool()?,
            period.get("approximate_end")?.as_bool()?,
        ));
    }
    let words = figure.get("period")?.as_str()?;
    let found = period::find(words, BindRules::builtin(), publication_month(date), &[]);
    let first = found.first()?;
    Some((
        first.period.start.to_string(),
        first.period.end.to_string(),
        first.period.partial,
        first.period.approximate_end,
    ))
}

/// For a change measured against an earlier period, the start of that period: labellers write
/// a change's period either as its own ("up 18% in 2023") or as the span it covers (2022 to
/// 2023), and either reading of the same words is right.
fn compared_start(result: &Value) -> Option<String> {
    result
        .pointer("/binding/compared_with/start")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// Whether `start` is where a change compared with a period from `compared` begins: that
/// period's start, or for a level at a point ("up 5% from the end of 2024") the month after it.
fn change_starts_at(result: &Value, compared: &str, start: &str) -> bool {
    let point = result
        .pointer("/binding/compared_with/granularity")
        .and_then(Value::as_str)
        == Some("point");
    compared == start || point && months_apart(start, compared) == 1 && start > compared
}

fn score_periods(
    located: &[Located],
    results: &[Value],
    golds: &[GoldDoc],
    raws: &BTreeMap<String, String>,
    add: &mut Add,
    misses: &mut Vec<String>,
) {
    let dates: BTreeMap<&str, &str> = golds
        .iter()
        .map(|gold| (gold.doc.as_str(), gold.date.as_str()))
        .collect();
    let mut judged: BTreeSet<(String, u32)> = BTreeSet::new();
    for result in results {
        let Some(doc) = result.pointer("/claim/doc").and_then(Value::as_str) else {
            continue;
        };
        let Some(span) = result.pointer("/figure/span").and_then(span_of) else {
            continue;
        };
        let date = dates.get(doc).copied().unwrap_or("");
        // A change written with both ends ("from 100,548 in June 2022 to 4,537 in December
        // 2023") holds two figures: the end it starts from has the period it is compared with.
        let from_end = result
            .get("figure")
            .and_then(|figure| {
                let value = figure.get("value").and_then(Value::as_f64)?;
                let change = figure.pointer("/range/kind").and_then(Value::as_str);
                two_ends(figure)
                    .into_iter()
                    .filter(|_| change == Some("change"))
                    .find(|end| (end - value).abs() > f64::EPSILON)
            })
            .zip(compared_as_period(result))
            .and_then(|(from, compared)| {
                located
                    .iter()
                    .filter(|gold| gold.doc.doc == doc && overlaps(gold.span, span))
                    .find(|gold| (gold.figure.value - from).abs() <= from.abs().max(1.0) * 0.005)
                    .map(|gold| (gold, compared))
            });
        // The other end, the figure's own value, is the gold written at it.
        let to_end = from_end.as_ref().and_then(|(from, _)| {
            let value = result.pointer("/figure/value").and_then(Value::as_f64)?;
            located.iter().find(|gold| {
                gold.doc.doc == doc
                    && overlaps(gold.span, span)
                    && gold.figure.id != from.figure.id
                    && (gold.figure.value - value).abs() <= value.abs().max(1.0) * 0.005
            })
        });
        let golds: Vec<(&Located, Value)> = match from_end {
            Some(from) => std::iter::once(from)
                .chain(to_end.map(|gold| (gold, result.clone())))
                .collect(),
            None => gold_at(located, doc, span)
                .map(|gold| (gold, result.clone()))
                .into_iter()
                .collect(),
        };
        for (gold, judged_result) in golds {
            if !judged.insert((doc.to_string(), gold.figure.id)) {
                continue;
            }
            let judgement =
                PeriodJudgement::of(&judged_result, gold.figure, date, raws.get(doc), span);
            add(doc, &mut |score| judgement.count(score));
            judgement.push_misses(doc, gold.figure, misses);
        }
    }
}

/// A check result with the period its change is compared with as its own period: what the
/// first end of a change written with both ends is bound to.
fn compared_as_period(result: &Value) -> Option<Value> {
    let compared = result.pointer("/binding/compared_with")?.clone();
    let mut result = result.clone();
    let binding = result.get_mut("binding")?.as_object_mut()?;
    binding.insert("period".to_string(), compared);
    binding.remove("compared_with");
    Some(result)
}

/// One check result's period against its gold figure's.
struct PeriodJudgement {
    /// The gold period `(start, end)`.
    want: Option<(String, String)>,
    /// claimdex's period `(start, end, partial, approximate end)`.
    predicted: Option<(String, String, bool, bool)>,
    /// The start of the period a change is compared with.
    compared: Option<String>,
    right: bool,
    /// Right, or an approximate end one month off.
    near: bool,
    /// Whether the partial flag is right (when the gold has a period).
    partial: Option<bool>,
    miss: Option<PeriodMiss>,
    /// Where claimdex's period came from: clause, sentence, passage, document date.
    source: usize,
    /// A passage period carried from an earlier paragraph.
    carried_across: bool,
    /// The gold period ends before claimdex's starts.
    gold_earlier: bool,
}

impl PeriodJudgement {
    fn of(
        result: &Value,
        gold: &GoldFigure,
        date: &str,
        raw: Option<&String>,
        span: Span,
    ) -> PeriodJudgement {
        let predicted = predicted_period(result, date);
        let want = match (&gold.period_start, &gold.period_end) {
            (Some(start), Some(end)) => Some((start.clone(), end.clone())),
            _ => None,
        };
        let compared = compared_start(result);
        let right = match (&want, &predicted) {
            (None, None) => true,
            (Some((start, end)), Some((got_start, got_end, _, _))) => {
                end == got_end
                    && (start == got_start
                        || compared
                            .as_ref()
                            .is_some_and(|from| change_starts_at(result, from, start)))
            }
            _ => false,
        };
        let near = right
            || match (&want, &predicted) {
                (Some((start, end)), Some((got_start, got_end, _, true))) => {
                    start == got_start && months_apart(end, got_end) <= 1
                }
                _ => false,
            };
        let partial = want.as_ref().map(|_| {
            predicted
                .as_ref()
                .is_some_and(|(_, _, partial, _)| *partial == gold.partial)
        });
        let miss = (!right).then(|| PeriodMiss::of(&want, &predicted));
        let source = period_source(result);
        let carried_across = source == 2 && carried_across_paragraphs(result, raw, span);
        let gold_earlier = match (&want, &predicted) {
            (Some((_, end)), Some((got_start, _, _, _))) => end < got_start,
            _ => false,
        };
        PeriodJudgement {
            want,
            predicted,
            compared,
            right,
            near,
            partial,
            miss,
            source,
            carried_across,
            gold_earlier,
        }
    }

    /// Adds the judgement to a split's counters.
    fn count(&self, score: &mut Score) {
        let source = self.source;
        score.by_source[source].0 += usize::from(self.right);
        score.by_source[source].1 += 1;
        if self.carried_across {
            score.carried_across.0 += usize::from(self.right);
            score.carried_across.1 += 1;
        }
        if let Some(miss) = self.miss {
            score.period_misses[miss as usize] += 1;
            if matches!(miss, PeriodMiss::Disjoint) {
                score.disjoint_sources[source] += 1;
                if self.gold_earlier {
                    score.disjoint_gold_earlier += 1;
                } else {
                    score.disjoint_gold_later += 1;
                }
            }
        }
        score.period_judged += 1;
        score.period_right += usize::from(self.right);
        score.period_near += usize::from(self.near);
        if let Some(partial) = self.partial {
            score.partial_judged += 1;
            score.partial_right += usize::from(partial);
        }
    }

    /// The miss lines of a wrong period, and of a right span read as the wrong kind.
    fn push_misses(&self, doc: &str, gold: &GoldFigure, misses: &mut Vec<String>) {
        // A right span read as the wrong kind ("to date" read as a whole year, or the reverse).
        if self.right && self.partial == Some(false) {
            misses.push(format!(
                "partial: {}:{} {:?} want partial {} got {}",
                doc, gold.line, gold.text, gold.partial, !gold.partial
            ));
        }
        // Every period carried from an earlier paragraph, right or not, to study the carry.
        if self.right && self.carried_across {
            misses.push(format!(
                "carried right: {}:{} {:?} {:?}",
                doc, gold.line, gold.text, self.want
            ));
        }
        if !self.right {
            misses.push(format!(
                "period: {}:{} {:?} want {:?} got {:?} from {}{}{}",
                doc,
                gold.line,
                gold.text,
                self.want,
                self.predicted,
                ["clause", "sentence", "passage", "document date"][self.source],
                if self.carried_across {
                    " (an earlier paragraph)"
                } else {
                    ""
                },
                self.compared
                    .as_ref()
                    .map(|from| format!(" compared with a period from {from}"))
                    .unwrap_or_default()
            ));
        }
    }
}

/// Where a check result's period came from: 0 clause, 1 sentence, 2 passage, 3 document date.
fn period_source(result: &Value) -> usize {
    match result
        .pointer("/binding/period_source")
        .and_then(Value::as_str)
    {
        Some("clause") => 0,
        Some("sentence") => 1,
        Some("passage") => 2,
        _ => 3,
    }
}

/// Whether a period carried from an earlier sentence comes from an earlier paragraph (a blank
/// line between it and the figure in the raw text) rather than the figure's own.
fn carried_across_paragraphs(result: &Value, raw: Option<&String>, span: Span) -> bool {
    raw.is_some_and(|raw| {
        result
            .pointer("/binding/period_span/end")
            .and_then(Value::as_u64)
            .and_then(|from| raw.get(from as usize..span.start))
            .is_some_and(|between| between.contains("\n\n"))
    })
}

/// How a period miss differs from the gold, by months only (no text is needed to read it).
#[derive(Debug, Clone, Copy)]
enum PeriodMiss {
    /// The gold has a period, claimdex none.
    NoPeriod,
    /// claimdex gives a period, the gold none.
    NotInGold,
    /// The gold's period lies within claimdex's (a stock's end month read as its year).
    GoldWithin,
    /// claimdex's lies within the gold's (a change's current period for its base-to-current span).
    OursWithin,
    /// No month in common (another figure's period, or the wrong year).
    Disjoint,
    /// Some months in common, neither within the other.
    Overlapping,
}

impl PeriodMiss {
    const KINDS: usize = 6;

    fn of(
        want: &Option<(String, String)>,
        got: &Option<(String, String, bool, bool)>,
    ) -> PeriodMiss {
        let (Some((start, end)), Some((got_start, got_end, _, _))) = (want, got) else {
            return if want.is_some() {
                PeriodMiss::NoPeriod
            } else {
                PeriodMiss::NotInGold
            };
        };
        // `YYYY-MM` strings order as the months do.
        if got_start <= start && end <= got_end {
            PeriodMiss::GoldWithin
        } else if start <= got_start && got_end <= end {
            PeriodMiss::OursWithin
        } else if got_end < start || end < got_start {
            PeriodMiss::Disjoint
        } else {
            PeriodMiss::Overlapping
        }
    }
}

/// Months between two `YYYY-MM` strings (a large number when either does not parse).
fn months_apart(one: &str, other: &str) -> i32 {
    let month = |text: &str| -> Option<i32> {
        let (year, month) = text.split_once('-')?;
        Some(year.parse::<i32>().ok()? * 12 + month.parse::<i32>().ok()?)
    };
    match (month(one), month(other)) {
        (Some(a), Some(b)) => (a - b).abs(),
        _ => i32::MAX,
    }
}

/// Lower-case content words of a source name.
fn name_words(name: &str) -> BTreeSet<String> {
    const GENERIC: &[&str] = &[
        "the",
        "of",
        "and",
        "u",
        "s",
        "us",
        "u.s",
        "for",
        "data",
        "department",
        "national",
        "agency",
        "office",
        "ministry",
        "government",
        "officials",
        "official",
    ];
    name.to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty() && !GENERIC.contains(word))
        .map(str::to_string)
        .collect()
}

fn acronym(name: &str) -> String {
    name.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| {
            !word.is_empty() && !["of", "and", "the", "for"].contains(&word.to_lowercase().as_str())
        })
        .filter_map(|word| word.chars().next())
        .collect::<String>()
        .to_lowercase()
}

/// The initials of a name's content words ("uk" for "Government of the United Kingdom").
fn content_acronym(name: &str) -> String {
    name.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty() && !name_words(word).is_empty())
        .filter_map(|word| word.chars().next())
        .collect::<String>()
        .to_lowercase()
}

/// A name as written, in lower case with single spaces.
fn normalized(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a predicted source names the gold one: the same name as written, shared content
/// words, or one is the other's acronym ("CBP", "U.S. Customs and Border Protection"; "UK
/// government", "Government of the United Kingdom").
fn same_source(gold: &str, predicted: &[&str]) -> bool {
    let gold_words = name_words(gold);
    // One registry entry under two of its names ("BAMF", "Federal Office for Migration and
    // Refugees (Germany)"): the registry's aliases are facts about the source, not rules.
    let registry = claimdex::sources::Registry::builtin();
    let entry = |name: &str| registry.normalize(name).map(|entry| entry.name.clone());
    let gold_entry = entry(gold);
    predicted.iter().any(|name| {
        if gold_entry.is_some() && gold_entry == entry(name) {
            return true;
        }
        let words = name_words(name);
        let shared = gold_words.intersection(&words).count();
        let acronyms = [acronym(gold), acronym(name)];
        let initials = [content_acronym(gold), content_acronym(name)];
        let spells = |words: &BTreeSet<String>, initials: &str| {
            initials.len() >= 2 && words.iter().any(|word| word == initials)
        };
        (!gold.trim().is_empty() && normalized(gold) == normalized(name))
            || spells(&words, &initials[0])
            || spells(&gold_words, &initials[1])
            || shared > 0 && (shared * 2 >= gold_words.len().min(words.len()).max(1))
            || words
                .iter()
                .any(|word| acronyms[0].ends_with(word.as_str()) && word.len() >= 3)
            || gold_words
                .iter()
                .any(|word| acronyms[1].ends_with(word.as_str()) && word.len() >= 3)
    })
}

fn claim_for<'v>(
    claims: &'v [Value],
    doc: &str,
    line_start: usize,
    line_end: usize,
    text: &str,
) -> Option<&'v Value> {
    // A list item's marker is no part of the claim ("• Asylum seekers in hotels is up").
    let text = text.trim_start_matches(['•', '·', '*', '-', '–', ' ']);
    let head: String = text
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    claims.iter().find(|claim| {
        claim.get("doc").and_then(Value::as_str) == Some(doc)
            && claim
                .get("span")
                .and_then(span_of)
                .is_some_and(|span| span.start < line_end && line_start < span.end)
            && claim
                .get("text")
                .and_then(Value::as_str)
                .is_some_and(|claim_text| {
                    claim_text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .contains(&head)
                })
    })
}

fn score_attribution(
    golds: &[GoldDoc],
    claims: &[Value],
    raws: &BTreeMap<String, String>,
    add: &mut Add,
    misses: &mut Vec<String>,
) {
    for gold in golds {
        let Some(raw) = raws.get(&gold.doc) else {
            continue;
        };
        let lines = LineIndex::new(raw);
        for sentence in &gold.sentence {
            let Some(start) = lines.line_start(sentence.line) else {
                continue;
            };
            let end = raw[start..].find('\n').map_or(raw.len(), |at| start + at);
            let claim = claim_for(claims, &gold.doc, start, end, &sentence.text);
            let names = source_names(claim);
            let score_value = claim
                .and_then(|claim| claim.get("checkworthiness"))
                .and_then(Value::as_f64)
                .unwrap_or(-1.0);
            let has_gold = !sentence.source.trim().is_empty();
            let right = has_gold && same_source(&sentence.source, &names);
            let carried = claim
                .and_then(|claim| claim.pointer("/source/via"))
                .and_then(Value::as_str)
                == Some("carried");
            let from = ["sentence", "previous_sentence", "earlier"]
                .iter()
                .position(|from| *from == sentence.source_from);
            if !right && (has_gold || !names.is_empty()) {
                misses.push(format!(
                    "attribution: {}:{} want {:?} got {:?}{}",
                    gold.doc,
                    sentence.line,
                    sentence.source,
                    names,
                    if claim.is_none() { " (no claim)" } else { "" }
                ));
            }
            add(&gold.doc, &mut |score| {
                score.ranking.push((score_value, sentence.check_worthy));
                if let Some(from) = from.filter(|_| has_gold) {
                    score.attribution_by_from[from].0 += usize::from(right);
                    score.attribution_by_from[from].1 += 1;
                }
                if carried {
                    score.attribution_carried.0 += usize::from(right);
                    score.attribution_carried.1 += 1;
                }
                if right {
                    score.attribution_tp += 1;
                } else {
                    score.attribution_fp += usize::from(!names.is_empty());
                    score.attribution_fn += usize::from(has_gold);
                }
            });
        }
    }
}

/// The name and mention of a claim's source (none without a claim or a source).
fn source_names(claim: Option<&Value>) -> Vec<&str> {
    claim
        .and_then(|claim| claim.get("source"))
        .filter(|source| !source.is_null())
        .map(|source| {
            ["name", "mention"]
                .iter()
                .filter_map(|key| source.get(*key).and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default()
}

fn score_relations(
    located: &[Located],
    results: &[Value],
    add: &mut Add,
    misses: &mut Vec<String>,
) {
    for gold in located {
        for relation in gold
            .doc
            .relation
            .iter()
            .filter(|relation| relation.result == gold.figure.id)
        {
            let verdicts: Vec<&str> = results
                .iter()
                .filter(|result| {
                    result.get("method").and_then(Value::as_str) == Some("arithmetic")
                        && result.pointer("/claim/doc").and_then(Value::as_str)
                            == Some(gold.doc.doc.as_str())
                        && result
                            .pointer("/figure/span")
                            .and_then(span_of)
                            .is_some_and(|span| overlaps(span, gold.span))
                })
                .filter_map(|result| result.get("verdict").and_then(Value::as_str))
                .collect();
            let found = !verdicts.is_empty();
            // A relation that does not hold is found by `contradicted`, or by `close` when the
            // labeller accepts `close` for the figure (off, but by what a reader forgives).
            let accepts_close = gold.figure.acceptable.iter().any(|v| v == "close");
            let right = verdicts.iter().any(|verdict| {
                if relation.holds {
                    matches!(*verdict, "supported" | "close")
                } else {
                    *verdict == "contradicted" || (*verdict == "close" && accepts_close)
                }
            });
            let wrong = found && !right;
            if !right {
                misses.push(format!(
                    "relation {}: {}:{} {:?} {} ({}), verdicts {verdicts:?}",
                    if found { "wrong" } else { "missed" },
                    gold.doc.doc,
                    gold.figure.line,
                    gold.figure.text,
                    relation.kind,
                    relation.note,
                ));
            }
            add(&gold.doc.doc, &mut |score| {
                score.relations += 1;
                score.relations_found += usize::from(found);
                score.relations_right += usize::from(right);
                score.relations_wrong += usize::from(wrong);
            });
        }
    }
}

fn score_pairs(
    located: &[Located],
    pairs: &Pairs,
    results: &[Value],
    add: &mut Add,
    misses: &mut Vec<String>,
) {
    for pair in &pairs.pair {
        let (Some(a), Some(b)) = (
            find_located(located, &pair.a),
            find_located(located, &pair.b),
        ) else {
            continue;
        };
        let verdicts = verdicts_between(results, a, b);
        let right = pair_right(pair, &verdicts);
        let same = pair.same_statistic;
        if !right {
            misses.push(format!(
                "pair {}: {}:{} {:?} ~ {}:{} {:?}, verdicts {verdicts:?}",
                if same {
                    "same statistic missed"
                } else {
                    "look-alike matched"
                },
                a.doc.doc,
                a.figure.line,
                a.figure.text,
                b.doc.doc,
                b.figure.line,
                b.figure.text,
            ));
        }
        add(&a.doc.doc, &mut |score| {
            if same {
                score.same_pairs += 1;
                score.same_pairs_right += usize::from(right);
            } else {
                score.lookalike_pairs += 1;
                score.lookalike_pairs_right += usize::from(right);
            }
        });
    }
}

/// The located gold figure a pair names as `doc#id`.
fn find_located<'l, 'a>(located: &'l [Located<'a>], key: &str) -> Option<&'l Located<'a>> {
    let (doc, id) = key.split_once('#')?;
    let id: u32 = id.parse().ok()?;
    located
        .iter()
        .find(|gold| gold.doc.doc == doc && gold.figure.id == id)
}

/// Cross-document verdicts between two located figures, either way round.
fn verdicts_between(results: &[Value], a: &Located, b: &Located) -> Vec<String> {
    results
        .iter()
        .filter(|result| result.get("method").and_then(Value::as_str) == Some("cross_document"))
        .filter_map(|result| {
            let doc = result.pointer("/claim/doc")?.as_str()?;
            let span = result.pointer("/figure/span").and_then(span_of)?;
            let others = result.pointer("/evidence/others")?.as_array()?;
            let linked = others.iter().any(|other| {
                let other_doc = other.get("doc").and_then(Value::as_str).unwrap_or("");
                let other_line = other.get("line").and_then(Value::as_u64).unwrap_or(0);
                let other_text = other.get("figure").and_then(Value::as_str).unwrap_or("");
                let is = |one: &Located, two: &Located| {
                    one.doc.doc == doc
                        && overlaps(one.span, span)
                        && two.doc.doc == other_doc
                        && usize::try_from(other_line).is_ok_and(|line| line == two.figure.line)
                        && !other_text.is_empty()
                        && (other_text.contains(two.figure.text.as_str())
                            || two.figure.text.contains(other_text))
                };
                is(a, b) || is(b, a)
            });
            linked.then(|| result.get("verdict")?.as_str().map(str::to_string))?
        })
        .collect()
}

/// Whether the verdicts between a pair's figures are right: an agreeing same statistic is
/// supported or close, a disagreeing one contradicted or close, a look-alike gets none of them.
fn pair_right(pair: &GoldPair, verdicts: &[String]) -> bool {
    if pair.same_statistic && pair.agree {
        verdicts
            .iter()
            .any(|v| matches!(v.as_str(), "supported" | "close"))
    } else if pair.same_statistic {
        verdicts
            .iter()
            .any(|v| matches!(v.as_str(), "contradicted" | "close"))
    } else {
        !verdicts
            .iter()
            .any(|v| matches!(v.as_str(), "supported" | "contradicted" | "close"))
    }
}

fn score_verdicts(located: &[Located], results: &[Value], add: &mut Add, misses: &mut Vec<String>) {
    for result in results {
        let Some(doc) = result.pointer("/claim/doc").and_then(Value::as_str) else {
            continue;
        };
        let Some(span) = result.pointer("/figure/span").and_then(span_of) else {
            continue;
        };
        let verdict = result.get("verdict").and_then(Value::as_str).unwrap_or("");
        let gold = gold_at(located, doc, span);
        let accepts =
            |name: &str| gold.is_some_and(|gold| gold.figure.acceptable.iter().any(|v| v == name));
        // Any `contradicted` the labeller did not accept is false, labelled figure or not; a
        // `supported` on a number the labeller did not take for a figure ("roughly twice") is
        // counted apart: nobody judged it.
        let false_contradicted = verdict == "contradicted" && !accepts("contradicted");
        let unlabelled_supported = verdict == "supported" && gold.is_none();
        let false_supported = verdict == "supported" && gold.is_some() && !accepts("supported");
        add(doc, &mut |score| {
            score.results += 1;
            score.contradicted += usize::from(verdict == "contradicted");
            score.false_contradicted += usize::from(false_contradicted);
            score.supported += usize::from(verdict == "supported");
            score.false_supported += usize::from(false_supported);
            score.unlabelled_supported += usize::from(unlabelled_supported);
        });
        if false_contradicted || false_supported || unlabelled_supported {
            let label = if unlabelled_supported {
                "unlabelled supported".to_string()
            } else {
                format!("false {verdict}")
            };
            misses.push(format!(
                "{label}: {doc} {:?} [{}] {}",
                result
                    .pointer("/figure/text")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
                result.get("method").and_then(Value::as_str).unwrap_or(""),
                result
                    .get("explanation")
                    .and_then(Value::as_str)
                    .unwrap_or("")
            ));
        }
    }
}

fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".into()
    } else {
        format!("{:.3} ({part}/{whole})", part as f64 / whole as f64)
    }
}

/// P@10 and mean average precision of the check-worthiness ranking.
fn ranking_scores(ranking: &[(f64, bool)]) -> (String, String) {
    let mut ranked = ranking.to_vec();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let relevant = ranked.iter().filter(|(_, yes)| *yes).count();
    if ranked.is_empty() || relevant == 0 {
        return ("-".into(), "-".into());
    }
    let at10 = ranked.iter().take(10).filter(|(_, yes)| *yes).count();
    let mut hits = 0;
    let mut sum = 0.0;
    for (rank, (_, yes)) in ranked.iter().enumerate() {
        if *yes {
            hits += 1;
            sum += hits as f64 / (rank + 1) as f64;
        }
    }
    (
        format!("{:.3}", at10 as f64 / ranked.len().min(10) as f64),
        format!("{:.3}", sum / relevant as f64),
    )
}

fn render(scores: &BTreeMap<String, Score>, misses: &[String], verbose: bool) -> String {
    let mut table = Table::new(scores);
    figure_and_period_rows(&mut table);
    attribution_rows(&mut table);
    relation_and_pair_rows(&mut table);
    verdict_and_ranking_rows(&mut table);
    let mut out = table.out;
    // Every false verdict is listed; the other misses only with --verbose.
    let shown: Vec<&String> = misses
        .iter()
        .filter(|miss| verbose || miss.starts_with("false "))
        .collect();
    if !shown.is_empty() {
        out.push('\n');
        for miss in shown {
            let _ = writeln!(out, "{miss}");
        }
    }
    out
}

/// The report's Markdown table: one row per measure, one column per split that has excerpts.
struct Table<'s> {
    scores: &'s BTreeMap<String, Score>,
    columns: Vec<&'static str>,
    out: String,
}

impl<'s> Table<'s> {
    /// The table's header.
    fn new(scores: &'s BTreeMap<String, Score>) -> Table<'s> {
        let columns: Vec<&str> = ["tune", "heldout", "all"]
            .into_iter()
            .filter(|split| scores.contains_key(*split))
            .collect();
        let mut out = String::new();
        let _ = writeln!(out, "| measure | {} | target |", columns.join(" | "));
        let _ = writeln!(out, "|---|{}---|", "---|".repeat(columns.len()));
        Table {
            scores,
            columns,
            out,
        }
    }

    /// One measure: its name, its target and `cell` of each split's counters.
    fn row(&mut self, name: &str, target: &str, cell: &dyn Fn(&Score) -> String) {
        let empty = Score::default();
        let cells: Vec<String> = self
            .columns
            .iter()
            .map(|split| cell(self.scores.get(*split).unwrap_or(&empty)))
            .collect();
        let _ = writeln!(self.out, "| {name} | {} | {target} |", cells.join(" | "));
    }
}

/// Figure recall and precision, then the periods: right, near, partial and the misses.
fn figure_and_period_rows(table: &mut Table) {
    table.row("figure value+unit recall", "≥ 0.97", &|s| {
        ratio(s.found_right, s.gold_figures)
    });
    table.row("figure value+unit precision", "", &|s| {
        ratio(s.predicted_right, s.predicted)
    });
    table.row("period right (checked figures)", "≥ 0.90", &|s| {
        ratio(s.period_right, s.period_judged)
    });
    table.row("period right, approximate end ±1 month", "", &|s| {
        ratio(s.period_near, s.period_judged)
    });
    table.row("partial flag right", "", &|s| {
        ratio(s.partial_right, s.partial_judged)
    });
    table.row(
        "period misses: none · not in gold · gold within ours · ours within gold · disjoint · overlapping",
        "",
        &|s| {
            s.period_misses
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" · ")
        },
    );
    table.row(
        "period right by where it came from: clause · sentence · passage · document date",
        "",
        &|s| {
            s.by_source
                .iter()
                .map(|(right, judged)| format!("{right}/{judged}"))
                .collect::<Vec<_>>()
                .join(" · ")
        },
    );
    table.row(
        "of the passage periods, carried from an earlier paragraph: right",
        "",
        &|s| format!("{}/{}", s.carried_across.0, s.carried_across.1),
    );
    table.row(
        "disjoint periods from: clause · sentence · passage · document date (gold earlier · later)",
        "",
        &|s| {
            let sources: Vec<String> = s.disjoint_sources.iter().map(usize::to_string).collect();
            format!(
                "{} ({} · {})",
                sources.join(" · "),
                s.disjoint_gold_earlier,
                s.disjoint_gold_later
            )
        },
    );
}

/// Attribution precision and recall, by where the gold source is, and carried sources.
fn attribution_rows(table: &mut Table) {
    table.row("attribution precision", "≥ 0.9", &|s| {
        ratio(s.attribution_tp, s.attribution_tp + s.attribution_fp)
    });
    table.row("attribution recall", "≥ 0.8", &|s| {
        ratio(s.attribution_tp, s.attribution_tp + s.attribution_fn)
    });
    table.row(
        "attribution recall by where the gold source is: sentence · sentence before · earlier paragraph",
        "",
        &|s| {
            s.attribution_by_from
                .iter()
                .map(|(right, gold)| format!("{right}/{gold}"))
                .collect::<Vec<_>>()
                .join(" · ")
        },
    );
    table.row(
        "of claimdex's sources carried from an earlier paragraph: right",
        "",
        &|s| format!("{}/{}", s.attribution_carried.0, s.attribution_carried.1),
    );
}

/// Arithmetic relations found, right and wrong, and the cross-document pairs.
fn relation_and_pair_rows(table: &mut Table) {
    table.row("arithmetic relations found", "≥ 0.80", &|s| {
        ratio(s.relations_found, s.relations)
    });
    table.row("arithmetic relations right", "", &|s| {
        ratio(s.relations_right, s.relations)
    });
    table.row("arithmetic relations wrong", "0", &|s| {
        s.relations_wrong.to_string()
    });
    table.row("cross-document same-statistic pairs right", "", &|s| {
        ratio(s.same_pairs_right, s.same_pairs)
    });
    table.row("cross-document look-alike pairs right", "", &|s| {
        ratio(s.lookalike_pairs_right, s.lookalike_pairs)
    });
    table.row("cross-document pairs right", "≥ 0.75", &|s| {
        ratio(
            s.same_pairs_right + s.lookalike_pairs_right,
            s.same_pairs + s.lookalike_pairs,
        )
    });
}

/// The check results and their false verdicts, then the check-worthiness ranking.
fn verdict_and_ranking_rows(table: &mut Table) {
    table.row("check results", "", &|s| s.results.to_string());
    table.row("false contradicted", "0", &|s| {
        format!("{} of {}", s.false_contradicted, s.contradicted)
    });
    table.row("false supported", "", &|s| {
        format!("{} of {}", s.false_supported, s.supported)
    });
    table.row("supported on numbers not labelled as figures", "", &|s| {
        s.unlabelled_supported.to_string()
    });
    table.row("check-worthiness P@10", "", &|s| {
        ranking_scores(&s.ranking).0
    });
    table.row("check-worthiness MAP", "", &|s| {
        ranking_scores(&s.ranking).1
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_gold_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("gold")).unwrap();
        std::fs::write(dir.path().join("gold/broken.toml"), "doc = [not toml").unwrap();
        std::fs::write(dir.path().join("pairs.toml"), "").unwrap();
        let error = run(dir.path(), Path::new("claimdex"), dir.path(), false).unwrap_err();
        assert!(error.to_string().contains("broken.toml"), "{error}");
        let error = run(
            &dir.path().join("missing"),
            Path::new("claimdex"),
            dir.path(),
            false,
        )
        .unwrap_err();
        assert!(error.to_string().contains("missing"), "{error}");
    }

    #[test]
    fn a_change_written_with_both_ends_stands_for_each_end() {
        let change = serde_json::json!({
            "value": 343981.0,
            "unit": "count",
            "range": {"low": 343981.0, "high": 470342.0, "kind": "change", "direction": "down"}
        });
        assert_eq!(two_ends(&change), [343981.0, 470342.0]);
        let level = serde_json::json!({"value": 5.0, "unit": "count", "range": null});
        assert!(two_ends(&level).is_empty());
        let one_ended = serde_json::json!({
            "value": 5.0,
            "range": {"low": 5.0, "high": 5.0, "kind": "change"}
        });
        assert!(two_ends(&one_ended).is_empty());
        assert_eq!(with_value(&change, 470342.0)["value"], 470342.0);
        let range = serde_json::json!({
            "value": 1500000.0,
            "unit": "count",
            "range": {"low": 1500000.0, "high": 2000000.0, "kind": "range", "direction": null}
        });
        assert_eq!(two_ends(&range), [1500000.0, 2000000.0]);
    }

    #[test]
    fn a_change_from_a_point_starts_the_month_after() {
        let with = |granularity: &str| serde_json::json!({"binding": {"compared_with": {"start": "2024-12", "granularity": granularity}}});
        assert!(change_starts_at(&with("point"), "2024-12", "2025-01"));
        assert!(change_starts_at(&with("point"), "2024-12", "2024-12"));
        assert!(!change_starts_at(&with("month"), "2024-12", "2025-01"));
        assert!(!change_starts_at(&with("point"), "2024-12", "2024-11"));
    }

    #[test]
    fn the_first_end_of_a_change_has_the_period_it_is_compared_with() {
        let result = serde_json::json!({"binding": {
            "period": {"start": "2023-12", "end": "2023-12", "partial": false, "approximate_end": false},
            "compared_with": {"start": "2022-06", "end": "2022-06", "partial": false, "approximate_end": false},
        }});
        let from = compared_as_period(&result).unwrap();
        assert_eq!(
            predicted_period(
                &serde_json::json!({"figure": {}, "binding": from["binding"]}),
                ""
            ),
            Some(("2022-06".into(), "2022-06".into(), false, false))
        );
        assert!(from.pointer("/binding/compared_with").is_none());
        assert!(compared_as_period(&serde_json::json!({"binding": {}})).is_none());
    }

    #[test]
    fn a_gold_percent_is_found_where_a_percent_sign_follows() {
        let gold: GoldDoc = toml::from_str(
            r#"
doc = "d"
[[figure]]
id = 1
line = 1
text = "17"
value = 17
unit = "percent"
[[figure]]
id = 2
line = 1
text = "11"
value = 11
unit = "count"
"#,
        )
        .unwrap();
        let raw = "Brussels, Jan 17: 11 countries saw a 17-per cent rise.\n".to_string();
        let golds = [gold];
        let raws = BTreeMap::from([("d".to_string(), raw.clone())]);
        let located = locate(&golds, &raws);
        let texts: Vec<&str> = located
            .iter()
            .map(|located| &raw[located.span.start..located.span.end + 2])
            .collect();
        // The percent's "17" is the one before "-per cent", not the date's; a count keeps the
        // first whole occurrence.
        assert_eq!(texts, ["17-p", "11 c"]);
    }

    #[test]
    fn a_duration_is_right_in_another_unit() {
        let gold = |value: f64| GoldFigure {
            id: 1,
            line: 1,
            text: "three decades".into(),
            value,
            unit: "duration".into(),
            period_start: None,
            period_end: None,
            partial: false,
            acceptable: Vec::new(),
        };
        let figure =
            serde_json::json!({"unit": "duration", "value": 3.0, "measure_unit": "decade"});
        assert!(value_and_unit_right(&gold(3.0), &figure));
        assert!(value_and_unit_right(&gold(30.0), &figure));
        assert!(!value_and_unit_right(&gold(20.0), &figure));
        let count = serde_json::json!({"unit": "count", "value": 3.0, "measure_unit": "decade"});
        assert!(!value_and_unit_right(&gold(30.0), &count));
    }

    #[test]
    fn sources_match_by_words_or_acronym() {
        assert!(same_source("U.S. Customs and Border Protection", &["CBP"]));
        assert!(same_source("UK Home Office", &["the Home Office"]));
        assert!(!same_source("Frontex", &["UNHCR"]));
        assert!(!same_source("Frontex", &[]));
        // A name of generic words only is still itself.
        assert!(same_source("U.S. officials", &["U.S. officials"]));
        assert!(!same_source("U.S. officials", &["state officials"]));
        // A country's initials are its name.
        assert!(same_source(
            "UK government",
            &["Government of the United Kingdom"]
        ));
        assert!(!same_source("UK government", &["Government of Uganda"]));
        // Two names of one registry entry.
        assert!(same_source(
            "BAMF",
            &["Federal Office for Migration and Refugees (Germany)"]
        ));
        assert!(!same_source(
            "BAMF",
            &["Federal Statistical Office of Germany"]
        ));
    }
}
