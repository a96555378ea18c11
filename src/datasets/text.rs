//! Text helpers for datasets: name normalisation for alias lookup, and number formatting for
//! row descriptions.

/// Lower-cases, drops periods and apostrophes, turns other punctuation into spaces, collapses
/// spaces and drops a leading "the": "the U.S." → "us", "China, People's Republic" →
/// "china peoples republic", "Heilongjiang Province" → "heilongjiang province".
pub fn normalize_name(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            cleaned.extend(ch.to_lowercase());
        } else if matches!(ch, '.' | '\'' | '\u{2019}' | '\u{2018}') {
            // "U.S." is "US", "People's" is "Peoples".
        } else {
            cleaned.push(' ');
        }
    }
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let words = match words.split_first() {
        Some((first, rest)) if *first == "the" && !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// A number as a reader writes it: thousands separators, at most three decimals, no trailing
/// zeros ("257,715,425", "3.413", "-0.5").
pub fn format_number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    let text = format!("{:.3}", rounded.abs());
    let (integer, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (idx, digit) in integer.chars().enumerate() {
        if idx > 0 && (integer.len() - idx) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize() {
        assert_eq!(normalize_name("the U.S."), "us");
        assert_eq!(normalize_name("US"), "us");
        assert_eq!(
            normalize_name("China, People's Republic"),
            "china peoples republic"
        );
        assert_eq!(
            normalize_name("  Heilongjiang   Province "),
            "heilongjiang province"
        );
        assert_eq!(normalize_name("U.S.-Mexico border"), "us mexico border");
        assert_eq!(normalize_name("the"), "the");
        assert_eq!(normalize_name("阿克苏地区"), "阿克苏地区");
    }

    #[test]
    fn numbers_format() {
        assert_eq!(format_number(257715425.0), "257,715,425");
        assert_eq!(format_number(3.4133308427248727), "3.413");
        assert_eq!(format_number(25.4 * 1_000_000.0), "25,400,000");
        assert_eq!(format_number(-1500.25), "-1,500.25");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(0.0), "0");
    }
}
