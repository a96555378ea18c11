//! The cleaning and abbreviation rules from `data/cleaning.toml`, compiled once.

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct File {
    drop: Vec<DropRule>,
    abbreviations: Abbreviations,
}

#[derive(Deserialize)]
struct DropRule {
    reason: String,
    pattern: String,
}

#[derive(Deserialize)]
struct Abbreviations {
    always: Vec<String>,
    ambiguous: Vec<String>,
    openers: Vec<String>,
}

/// The drop rules and abbreviation lists of `data/cleaning.toml`, compiled.
pub struct CleaningRules {
    pub drop: Vec<(Regex, String)>,
    pub always: HashSet<String>,
    pub ambiguous: HashSet<String>,
    pub openers: HashSet<String>,
}

/// The built-in cleaning rules. They are validated by a unit test, so a broken data file fails
/// `cargo test`; at run time a rule that does not compile is left out rather than aborting.
pub fn cleaning_rules() -> &'static CleaningRules {
    static RULES: OnceLock<CleaningRules> = OnceLock::new();
    RULES.get_or_init(|| parse().unwrap_or_else(|_| empty()))
}

fn empty() -> CleaningRules {
    CleaningRules {
        drop: Vec::new(),
        always: HashSet::new(),
        ambiguous: HashSet::new(),
        openers: HashSet::new(),
    }
}

fn parse() -> Result<CleaningRules, String> {
    let file: File = crate::data_file::builtin::CLEANING.parse()?;
    let mut drop = Vec::new();
    for rule in file.drop {
        let regex = RegexBuilder::new(&rule.pattern)
            .case_insensitive(true)
            .build()
            .map_err(|err| format!("data/cleaning.toml: rule '{}': {err}", rule.reason))?;
        drop.push((regex, rule.reason));
    }
    Ok(CleaningRules {
        drop,
        always: file.abbreviations.always.into_iter().collect(),
        ambiguous: file.abbreviations.ambiguous.into_iter().collect(),
        openers: file.abbreviations.openers.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_file_is_valid() {
        let rules = super::parse().unwrap();
        assert!(rules.drop.len() >= 5);
        assert!(rules.always.contains("Sept"));
        assert!(rules.ambiguous.contains("U.S"));
    }
}
