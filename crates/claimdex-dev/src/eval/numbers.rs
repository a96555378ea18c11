//! The `numbers` suite: Microsoft Recognizers-Text English specs (Number, Ordinal, Percent,
//! NumberRange, Currency, Dimension, Age, Temperature), each case run through `annotate`.
//!
//! A case passes when every expected result is found: a figure of the matching kind with the same
//! span and the same resolved value (and currency where the spec gives an ISO code). Cases with no
//! expected result pass when no figure of that kind is found. Mappings, stated once here:
//! - Spans: ours may start earlier by the figure's qualifier words ("about $ 14 million" for the
//!   spec's "$ 14 million"), since our figures keep their qualifier in their text.
//! - `number`: a figure with the same span, or one that contains it with the same value (the
//!   spec's numeral `20` inside our `$20`), or a range whose end it is.
//! - `numberrange`: our figure lies inside the expected span (we keep "more than" out of the
//!   figure's text) and its interval ends match: a qualifier gives `(v,)`, `[v,)`, `(,v)`, `(,v]`,
//!   a range or change its two ends (a one-ended change counts as its qualifier), a bare figure
//!   `[v,v]`; open and closed ends are compared for one-sided intervals only.
//! - `currency`: cents and pence resolve to hundredths in our figures, so specs in cents are
//!   compared after dividing by 100.
//! - `dimension`, `temperature`: value and span, and our unit must be a measure (unit names are
//!   not compared). `age`: value, span and unit age.
//!
//! Only cases marked `NotSupported` or `NotSupportedByDesign` for dotnet are out of scope.

use super::{byte_offset, read_text, same_value, EvalError, FileReport, SuiteReport};
use claimdex::figures::{annotate, Figure, Qualifier, Unit};
use claimdex::span::Span;
use serde::Deserialize;
use std::path::Path;

/// The spec files, in the order reported.
const FILES: &[&str] = &[
    "Number/English/NumberModel.json",
    "Number/English/PercentModel.json",
    "Number/English/NumberRangeModel.json",
    "Number/English/OrdinalModel.json",
    "NumberWithUnit/English/CurrencyModel.json",
    "NumberWithUnit/English/DimensionModel.json",
    "NumberWithUnit/English/AgeModel.json",
    "NumberWithUnit/English/TemperatureModel.json",
    "Number/English/NumberModelExperimentalMode.json",
    "Number/English/NumberModelPercentMode.json",
    "Number/English/NumberRangeModelExperimentalMode.json",
    "Number/English/OrdinalModelSuppressExtendedTypes.json",
    "Number/English/PercentModelPercentMode.json",
];

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Case {
    input: String,
    #[serde(default)]
    results: Vec<Expected>,
    #[serde(default)]
    not_supported: Option<String>,
    #[serde(default)]
    not_supported_by_design: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Expected {
    text: String,
    type_name: String,
    #[serde(default)]
    resolution: Option<serde_json::Value>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
}

/// Runs every spec file under `root` (the `recognizers-text-en` folder).
pub fn run(root: &Path, verbose: bool) -> Result<SuiteReport, EvalError> {
    let mut files = Vec::new();
    for relative in FILES {
        let path = root.join(relative);
        let text = read_text(&path)?;
        let cases: Vec<Case> = serde_json::from_str(&text).map_err(|error| EvalError::Format {
            path: path.clone(),
            message: error.to_string(),
        })?;
        let name = relative.rsplit('/').next().unwrap_or(relative);
        files.push(run_file(name, &cases));
    }
    let metrics = targets(&files);
    Ok(SuiteReport {
        suite: "numbers".to_string(),
        files,
        metrics,
        verbose,
    })
}

fn run_file(name: &str, cases: &[Case]) -> FileReport {
    let mut report = FileReport::new(name);
    let kind = name.trim_end_matches(".json");
    for case in cases {
        let dotnet = |flag: &Option<String>| {
            flag.as_deref()
                .is_some_and(|platforms| platforms.to_lowercase().contains("dotnet"))
        };
        if dotnet(&case.not_supported) || dotnet(&case.not_supported_by_design) {
            report.skip("marked NotSupported for dotnet");
            continue;
        }
        let figures = annotate(&case.input);
        let passed = if case.results.is_empty() {
            !figures
                .iter()
                .any(|figure| figure_kind_matches(kind, figure))
        } else {
            case.results
                .iter()
                .all(|expected| found(&case.input, expected, &figures))
        };
        report.record(passed, || {
            let got: Vec<String> = figures
                .iter()
                .map(|f| format!("{}={}:{:?}", f.text, f.value, f.unit))
                .collect();
            let want: Vec<String> = case
                .results
                .iter()
                .map(|e| format!("{}={}", e.text, resolution_value(e).unwrap_or_default()))
                .collect();
            format!("{:?}: want {want:?} got {got:?}", case.input)
        });
    }
    report
}

/// The target lines the issue sets.
fn targets(files: &[FileReport]) -> Vec<String> {
    let sum = |names: &[&str]| -> (usize, usize) {
        files
            .iter()
            .filter(|file| names.contains(&file.name.as_str()))
            .fold((0, 0), |(passed, total), file| {
                (passed + file.passed, total + file.in_scope)
            })
    };
    let line = |label: &str, names: &[&str], target: &str| {
        let (passed, total) = sum(names);
        format!(
            "{label}: {passed} of {total} ({}); target {target}",
            super::percent(passed, total)
        )
    };
    vec![
        line(
            "NumberModel + PercentModel",
            &["NumberModel.json", "PercentModel.json"],
            ">= 90%",
        ),
        line("NumberRangeModel", &["NumberRangeModel.json"], ">= 80%"),
        line("CurrencyModel", &["CurrencyModel.json"], ">= 80%"),
    ]
}

/// Whether a figure is of the kind a spec file is about (for cases that expect nothing).
fn figure_kind_matches(kind: &str, figure: &Figure) -> bool {
    match kind {
        k if k.starts_with("NumberRange") => {
            figure.qualifier != Qualifier::Exact || figure.range.is_some()
        }
        k if k.starts_with("Number") => matches!(
            figure.unit,
            Unit::Count | Unit::Fraction | Unit::Year | Unit::Other
        ),
        k if k.starts_with("Percent") => figure.unit == Unit::Percent,
        k if k.starts_with("Ordinal") => figure.unit == Unit::Ordinal,
        "CurrencyModel" => figure.unit == Unit::Money,
        "DimensionModel" | "TemperatureModel" => figure.unit == Unit::Measure,
        "AgeModel" => figure.unit == Unit::Age,
        _ => false,
    }
}

fn resolution_value(expected: &Expected) -> Option<String> {
    let value = expected.resolution.as_ref()?.get("value")?;
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

fn resolution_field(expected: &Expected, field: &str) -> Option<String> {
    expected
        .resolution
        .as_ref()?
        .get(field)?
        .as_str()
        .map(str::to_string)
}

/// The expected result's byte span in `input` (`End` is inclusive, in chars).
fn expected_span(input: &str, expected: &Expected) -> Option<Span> {
    let start = expected.start?;
    let end = expected.end? + 1;
    Some(Span::new(
        byte_offset(input, start),
        byte_offset(input, end),
    ))
}

fn found(input: &str, expected: &Expected, figures: &[Figure]) -> bool {
    let Some(span) = expected_span(input, expected) else {
        return false;
    };
    let Some(value_text) = resolution_value(expected) else {
        return false;
    };
    let value = value_text.parse::<f64>().ok();
    let of_unit = |unit: Unit| value.is_some_and(|value| found_as(figures, unit, span, value));
    match expected.type_name.as_str() {
        "number" => value.is_some_and(|value| found_number(figures, span, value)),
        "percentage" => value_text
            .trim_end_matches('%')
            .parse::<f64>()
            .is_ok_and(|value| found_as(figures, Unit::Percent, span, value)),
        "ordinal" | "ordinal.relative" => of_unit(Unit::Ordinal),
        "numberrange" => figures.iter().any(|figure| {
            // Ours may start earlier by a qualifier ("about 20~100" for "20~100").
            let same_end = figure.span.end == span.end && figure.span.start <= span.start;
            (span.contains(figure.span) || figure.span.start == span.start || same_end)
                && range_matches(figure, &value_text)
        }),
        "currency" => value.is_some_and(|value| found_money(expected, figures, span, value)),
        "dimension" | "temperature" => of_unit(Unit::Measure),
        "age" => of_unit(Unit::Age),
        _ => false,
    }
}

/// A plain number: a figure at the span with the value, or around it with the value or a range
/// end equal to it.
fn found_number(figures: &[Figure], span: Span, value: f64) -> bool {
    figures.iter().any(|figure| {
        let ends = figure.range.map(|range| [range.low, range.high]);
        (figure.span == span && same_value(figure.value, value))
            || figure.span.contains(span)
                && (same_value(figure.value, value)
                    || ends.is_some_and(|ends| ends.iter().any(|end| same_value(*end, value))))
    })
}

/// A figure of this unit at the span with the value.
fn found_as(figures: &[Figure], unit: Unit, span: Span, value: f64) -> bool {
    figures.iter().any(|figure| {
        figure.unit == unit && same_span(figure, span) && same_value(figure.value, value)
    })
}

/// A money figure at the span with the value (cents, pence and pennies counted as hundredths)
/// and, when the spec names one, its currency.
fn found_money(expected: &Expected, figures: &[Figure], span: Span, mut value: f64) -> bool {
    let unit = resolution_field(expected, "unit").unwrap_or_default();
    if matches!(unit.as_str(), "Cent" | "Pence" | "Penny") {
        value /= 100.0;
    }
    let iso = resolution_field(expected, "isoCurrency");
    figures.iter().any(|figure| {
        figure.unit == Unit::Money
            && same_span(figure, span)
            && same_value(figure.value, value)
            && iso
                .as_ref()
                .is_none_or(|iso| figure.currency.as_ref() == Some(iso))
    })
}

/// The same span, or ours starts earlier by exactly its qualifier ("about $ 14 million" for the
/// spec's "$ 14 million"): our figures keep qualifier words in their text.
fn same_span(figure: &Figure, span: Span) -> bool {
    figure.span == span
        || figure.span.end == span.end
            && figure.span.start < span.start
            && figure.qualifier != Qualifier::Exact
}

/// Compares a figure with an interval such as `[20,30)`, `(,100]` or `(30,)`.
fn range_matches(figure: &Figure, interval: &str) -> bool {
    let Some((open, rest)) = interval.split_at_checked(1) else {
        return false;
    };
    let Some((body, close)) = rest.split_at_checked(rest.len().saturating_sub(1)) else {
        return false;
    };
    let Some((low_text, high_text)) = body.split_once(',') else {
        return false;
    };
    let parse = |text: &str| {
        if text.is_empty() {
            Ok(None)
        } else {
            text.parse::<f64>().map(Some)
        }
    };
    let (Ok(low), Ok(high)) = (parse(low_text), parse(high_text)) else {
        return false;
    };
    let (got_low, got_high, low_closed, high_closed) = match (figure.range, figure.qualifier) {
        (Some(range), _) if range.low != range.high => {
            (Some(range.low), Some(range.high), true, false)
        }
        (_, Qualifier::MoreThan) => (Some(figure.value), None, false, false),
        (_, Qualifier::AtLeast) => (Some(figure.value), None, true, false),
        (_, Qualifier::LessThan) => (None, Some(figure.value), false, false),
        (_, Qualifier::AtMost) => (None, Some(figure.value), false, true),
        _ => (Some(figure.value), Some(figure.value), true, true),
    };
    let end_matches = |got: Option<f64>, want: Option<f64>| match (got, want) {
        (Some(got), Some(want)) => same_value(got, want),
        (None, None) => true,
        _ => false,
    };
    // Brackets are compared for one-sided intervals ("more than 30" is `(30,)`); for two-sided
    // ones the spec's `[20,30)` is a convention, not something the text says.
    let one_sided = low.is_none() || high.is_none();
    let closed_ok = !one_sided
        || (low.is_none() || (open == "[") == low_closed)
            && (high.is_none() || (close == "]") == high_closed);
    end_matches(got_low, low) && end_matches(got_high, high) && closed_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_compare_ends_and_brackets() {
        let figure = &annotate("more than 30")[0];
        assert!(range_matches(figure, "(30,)"));
        assert!(!range_matches(figure, "[30,)"));
        let range = &annotate("between 20 and 30")[0];
        assert!(range_matches(range, "[20,30)"));
    }

    #[test]
    fn a_case_passes_only_with_span_and_value() {
        let case = Case {
            input: "I want 15 apples".to_string(),
            results: vec![Expected {
                text: "15".to_string(),
                type_name: "number".to_string(),
                resolution: Some(serde_json::json!({"value": "15"})),
                start: Some(7),
                end: Some(8),
            }],
            not_supported: None,
            not_supported_by_design: None,
        };
        assert_eq!(run_file("NumberModel.json", &[case]).passed, 1);
        let wrong = Case {
            input: "I want 16 apples".to_string(),
            results: vec![Expected {
                text: "16".to_string(),
                type_name: "number".to_string(),
                resolution: Some(serde_json::json!({"value": "15"})),
                start: Some(7),
                end: Some(8),
            }],
            not_supported: None,
            not_supported_by_design: None,
        };
        assert_eq!(run_file("NumberModel.json", &[wrong]).passed, 0);
    }
}
