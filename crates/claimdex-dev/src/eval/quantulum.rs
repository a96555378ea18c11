//! The `quantulum` suite: quantulum3's English test cases, each run through `annotate`.
//!
//! A case passes when every expected quantity is found: a figure whose text is the expected
//! `surface` (located in order in the input; ours may start earlier by its qualifier words), whose value equals the expected value (for a range,
//! quantulum's midpoint), and whose unit agrees: `dimensionless` is a count, fraction or year;
//! `percentage` is a percent; currencies by ISO code; durations and measures by unit symbol
//! through the small table in `unit_symbol` (a unit outside it only needs to be a measure).
//! `errors.json` cases pass when `annotate` returns; `expand.json` tests quantulum's
//! number-to-words writer, which claimdex does not have, so it is out of scope.

use super::{read_text, same_value, EvalError, FileReport, SuiteReport};
use claimdex::figures::{annotate, Figure, Unit};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Case {
    req: String,
    res: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    value: serde_json::Value,
    unit: String,
    surface: String,
}

/// Runs the four files under `root` (the `quantulum3-en` folder).
pub fn run(root: &Path, verbose: bool) -> Result<SuiteReport, EvalError> {
    let mut files = Vec::new();
    for name in ["quantities.json", "quantities.ambiguity.json"] {
        let path = root.join(name);
        let cases: Vec<Case> = parse(&path)?;
        let mut report = FileReport::new(name);
        for case in &cases {
            let figures = annotate(&case.req);
            let passed = expected_all_found(&case.req, &case.res, &figures);
            report.record(passed, || {
                let got: Vec<String> = figures
                    .iter()
                    .map(|f| {
                        format!(
                            "{}={}:{:?}{}",
                            f.text,
                            f.value,
                            f.unit,
                            f.measure_unit
                                .as_deref()
                                .or(f.currency.as_deref())
                                .unwrap_or("")
                        )
                    })
                    .collect();
                let want: Vec<String> = case
                    .res
                    .iter()
                    .map(|e| format!("{}={}:{}", e.surface, e.value, e.unit))
                    .collect();
                format!("{:?}: want {want:?} got {got:?}", case.req)
            });
        }
        files.push(report);
    }
    let errors: Vec<String> = parse(&root.join("errors.json"))?;
    let mut report = FileReport::new("errors.json");
    for input in &errors {
        let returned = std::panic::catch_unwind(|| annotate(input)).is_ok();
        report.record(returned, || format!("{input:?} panicked"));
    }
    files.push(report);
    let expand: Vec<serde_json::Value> = parse(&root.join("expand.json"))?;
    let mut report = FileReport::new("expand.json");
    for _ in &expand {
        report.skip("tests writing numbers as words, which claimdex does not do");
    }
    files.push(report);
    Ok(SuiteReport {
        suite: "quantulum".to_string(),
        files,
        metrics: Vec::new(),
        verbose,
    })
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, EvalError> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|error| EvalError::Format {
        path: path.to_path_buf(),
        message: error.to_string(),
    })
}

fn expected_all_found(input: &str, expected: &[Expected], figures: &[Figure]) -> bool {
    let mut search_from = 0;
    for want in expected {
        let Some(relative) = input
            .get(search_from..)
            .and_then(|rest| rest.find(&want.surface))
        else {
            return false;
        };
        let start = search_from + relative;
        let end = start + want.surface.len();
        search_from = end;
        let value = match &want.value {
            serde_json::Value::Number(number) => number.as_f64(),
            _ => None,
        };
        let Some(value) = value else { return false };
        let found = figures.iter().any(|figure| {
            let our_value = match figure.range {
                // quantulum reads "from 44 mg to 50 mg" as a range: compare midpoints.
                Some(range) => (range.low + range.high) / 2.0,
                _ => figure.value,
            };
            (figure.span.start == start
                || figure.span.start < start
                    && figure.qualifier != claimdex::figures::Qualifier::Exact)
                && figure.span.end == end
                && same_value(our_value, value)
                && unit_agrees(figure, &want.unit)
        });
        if !found {
            return false;
        }
    }
    true
}

fn unit_agrees(figure: &Figure, unit: &str) -> bool {
    match unit {
        "dimensionless" => matches!(
            figure.unit,
            Unit::Count | Unit::Fraction | Unit::Year | Unit::Other
        ),
        "percentage" => figure.unit == Unit::Percent,
        _ => {
            if let Some(code) = currency_code(unit) {
                return figure.unit == Unit::Money && figure.currency.as_deref() == Some(code);
            }
            match unit_symbol(unit) {
                Some(symbol) => figure.measure_unit.as_deref() == Some(symbol),
                None => matches!(figure.unit, Unit::Measure | Unit::Duration),
            }
        }
    }
}

fn currency_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "pound sterling" => "GBP",
        "dollar" | "United States dollar" => "USD",
        "euro" => "EUR",
        "yen" | "Japanese yen" => "JPY",
        "cent" => "USD",
        _ => return None,
    })
}

/// quantulum3's unit names mapped to claimdex's symbols.
fn unit_symbol(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "metre" => "m",
        "kilometre" => "km",
        "centimetre" => "cm",
        "millimetre" => "mm",
        "nanometre" => "nm",
        "mile" => "mi",
        "inch" => "in",
        "foot" => "ft",
        "yard" => "yd",
        "kilogram" => "kg",
        "gram" => "g",
        "pound-mass" => "lb",
        "litre" => "l",
        "degree Celsius" => "°C",
        "degree fahrenheit" | "degree Fahrenheit" => "°F",
        "second" => "second",
        "minute" => "minute",
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "acre" => "acre",
        "hectare" => "ha",
        "kilometre per hour" => "km/h",
        "mile per hour" => "mph",
        "watt" => "W",
        "kilowatt" => "kW",
        "gigawatt" => "GW",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surface_value_and_unit_must_all_agree() {
        let expected = vec![Expected {
            value: serde_json::json!(2000),
            unit: "pound sterling".to_string(),
            surface: "£2,000".to_string(),
        }];
        let input = "I want two meters of cotton for £2,000";
        assert!(expected_all_found(input, &expected, &annotate(input)));
        let wrong = vec![Expected {
            value: serde_json::json!(2000),
            unit: "dollar".to_string(),
            surface: "£2,000".to_string(),
        }];
        assert!(!expected_all_found(input, &wrong, &annotate(input)));
    }
}
