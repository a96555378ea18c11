//! Property and hostile-input tests for `claimdex::figures`: numbers written in common forms parse
//! back to their value, every span slices to its text, and adversarial input stays linear.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use claimdex::figures::{annotate, find_tables, Qualifier, Unit};
use proptest::prelude::*;

/// Writes `value` with comma thousands separators: 48381 -> "48,381".
fn with_separator(value: u64, separator: &str) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(ch);
    }
    out
}

/// Spells 0..1000 in words: 120 -> "one hundred and twenty".
fn in_words(value: u64) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let below_hundred = |n: u64| -> String {
        if n < 20 {
            UNITS[n as usize].to_string()
        } else if n % 10 == 0 {
            TENS[(n / 10) as usize].to_string()
        } else {
            format!("{}-{}", TENS[(n / 10) as usize], UNITS[(n % 10) as usize])
        }
    };
    if value < 100 {
        return below_hundred(value);
    }
    let hundreds = format!("{} hundred", UNITS[(value / 100) as usize]);
    match value % 100 {
        0 => hundreds,
        rest => format!("{hundreds} and {}", below_hundred(rest)),
    }
}

/// The single figure `annotate` finds in `sentence`, checked to slice to its own text.
fn only_figure(sentence: &str) -> claimdex::figures::Figure {
    let figures = annotate(sentence);
    assert_eq!(figures.len(), 1, "{sentence:?}: {figures:?}");
    let Some(figure) = figures.into_iter().next() else {
        panic!("{sentence:?}: no figure");
    };
    assert_eq!(
        figure.span.slice(sentence),
        Some(figure.text.as_str()),
        "{sentence:?}"
    );
    figure
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-9 * want.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn plain_and_separated_digits_parse_back(value in 10_000u64..1_000_000_000) {
        for (written, separator) in [
            (value.to_string(), ""),
            (with_separator(value, ","), ","),
            (with_separator(value, "\u{A0}"), "nbsp"),
            (with_separator(value, "\u{202F}"), "narrow nbsp"),
        ] {
            let sentence = format!("Officials counted {written} migrants at the border.");
            let figure = only_figure(&sentence);
            prop_assert!(close(figure.value, value as f64), "{separator}: {figure:?}");
            prop_assert_eq!(figure.unit, Unit::Count);
            prop_assert_eq!(figure.counts.as_deref(), Some("migrants"));
        }
    }

    #[test]
    fn scaled_numbers_parse_back(whole in 1u32..1000, tenth in 0u32..10) {
        let value = whole as f64 + tenth as f64 / 10.0;
        let written = format!("{whole}.{tenth}");
        for (sentence, want) in [
            (format!("About {written} million people moved."), value * 1e6),
            (format!("The deal was worth {written}bn last year."), value * 1e9),
            (format!("They raised {whole}k in a week."), whole as f64 * 1e3),
        ] {
            let figure = only_figure(&sentence);
            prop_assert!(close(figure.value, want), "{sentence}: {figure:?}");
        }
    }

    #[test]
    fn money_and_percent_parse_back(value in 1u64..10_000_000, percent in 0u32..1000) {
        let dollars = format!("It cost ${} in total.", with_separator(value, ","));
        let figure = only_figure(&dollars);
        prop_assert!(close(figure.value, value as f64));
        prop_assert_eq!(figure.unit, Unit::Money);
        prop_assert_eq!(figure.currency.as_deref(), Some("USD"));

        let written = format!("{}.{}", percent / 10, percent % 10);
        for form in [format!("{written}%"), format!("{written} percent"), format!("{written} per cent")] {
            let sentence = format!("Turnout was {form} this time.");
            let figure = only_figure(&sentence);
            prop_assert!(close(figure.value, percent as f64 / 10.0), "{sentence}: {figure:?}");
            prop_assert_eq!(figure.unit, Unit::Percent);
            prop_assert!(figure.low.unwrap() < figure.value && figure.value < figure.high.unwrap());
        }
    }

    // From two: a bare "one" is a pronoun or determiner, never a figure (`a_bare_one_is_no_figure`).
    #[test]
    fn words_parse_back(value in 2u64..1000) {
        let sentence = format!("We met {} farmers.", in_words(value));
        let figure = only_figure(&sentence);
        prop_assert!(close(figure.value, value as f64), "{sentence}: {figure:?}");
        prop_assert_eq!(figure.unit, Unit::Count);
    }

    #[test]
    fn spans_always_slice_to_their_text(text in "\\PC{0,200}") {
        for figure in annotate(&text) {
            prop_assert_eq!(figure.span.slice(&text), Some(figure.text.as_str()));
            if let (Some(span), Some(counts)) = (figure.counts_span, figure.counts.as_ref()) {
                prop_assert_eq!(span.slice(&text), Some(counts.as_str()));
            }
            if let (Some(low), Some(high)) = (figure.low, figure.high) {
                prop_assert!(low <= high, "{figure:?}");
            }
        }
        for table in find_tables(&text) {
            prop_assert!(table.span.slice(&text).is_some());
        }
    }

    #[test]
    fn number_heavy_text_never_panics(text in "[0-9 ,.$%\\-–/a-z]{0,120}") {
        for figure in annotate(&text) {
            prop_assert_eq!(figure.span.slice(&text), Some(figure.text.as_str()));
            prop_assert!(figure.value.is_finite());
        }
    }
}

#[test]
fn a_hundred_thousand_digit_number() {
    let text = format!("There were {} cases.", "9".repeat(100_000));
    // Too large for an f64: no figure rather than an infinite one.
    let figures = annotate(&text);
    assert!(figures.iter().all(|figure| figure.value.is_finite()));
    let text = format!("There were {} cases.", "1".repeat(300));
    assert_eq!(annotate(&text).len(), 1);
}

#[test]
fn ten_megabytes_of_commas() {
    let text = ",".repeat(10_000_000);
    assert!(annotate(&text).is_empty());
    assert!(find_tables(&text).is_empty());
}

#[test]
fn a_megabyte_of_more_than() {
    let text = "more than ".repeat(100_000);
    assert!(annotate(&text).is_empty());
    let with_number = format!("{text}5 people");
    let figures = annotate(&with_number);
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].qualifier, Qualifier::MoreThan);
    assert_eq!(figures[0].value, 5.0);
}

#[test]
fn many_numbers_and_long_lines() {
    let text = "In 2019, 1,2,3 4.5 6% $7 ".repeat(5_000);
    let figures = annotate(&text);
    assert_eq!(figures.len(), 5_000 * 7, "{}", figures.len());
    assert!(figures
        .iter()
        .all(|figure| figure.unit == Unit::Year || figure.period.as_deref() == Some("In 2019")));
    let table_like = "Region Alpha274\n".repeat(20_000);
    let tables = find_tables(&format!("Header\n{table_like}Source: nowhere\n"));
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 20_000);
}
