//! The checker's rules as data: change cues, difference and sum cues, fiscal-year cues, stop
//! words and definition conflicts, from `data/check.toml` (built in).

use serde::Deserialize;

/// The parsed `data/check.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRules {
    pub up: Vec<String>,
    pub down: Vec<String>,
    /// Phrases holding an `up` or `down` word that state no change ("lives lost"): read as
    /// blanks before a figure's direction is read.
    #[serde(default)]
    pub no_change: Vec<String>,
    pub difference: Vec<String>,
    /// Of the `difference` words, those that say what is left of a total ("the remaining
    /// 81,100"): in a breakdown that is its last part.
    pub remainder: Vec<String>,
    pub sum: Vec<String>,
    pub breakdown: Vec<String>,
    /// Words right before a total that say parts of it follow ("out of the total 13,530
    /// detainees, 3,375 were Indonesians").
    #[serde(default)]
    pub breakdown_before: Vec<String>,
    /// Openings of a sentence that goes on about the last figure of the sentence before ("This
    /// is 2% higher than …").
    pub anaphor_openings: Vec<String>,
    pub fiscal: Vec<String>,
    /// Words of a count's clause saying it counts people arriving.
    pub inflow: Vec<String>,
    /// Words of a count's clause saying it counts people leaving.
    pub outflow: Vec<String>,
    /// Words before a count in its clause saying it is arrivals minus departures, besides the
    /// `difference` words.
    pub balance: Vec<String>,
    /// Words before a figure, in its clause, saying it is a forecast, a target or a plan ("had
    /// projected annual remittances would approach $38 billion"): not what was counted.
    pub forecast: Vec<String>,
    /// Words that, anywhere in a figure's sentence, may make it a forecast or a plan.
    pub forecast_context: Vec<String>,
    pub stopwords: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// Two statistics that look alike but measure different things.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub name: String,
    /// Phrases of the dataset's title, scope or measure description.
    pub evidence: Vec<String>,
    /// Phrases of the claim's sentence.
    pub claim: Vec<String>,
    /// Phrases of the claim that lift the conflict.
    pub unless: Vec<String>,
    pub reason: String,
}

#[derive(Debug, thiserror::Error)]
#[error("data/check.toml: {0}")]
pub struct RulesError(String);

impl CheckRules {
    /// The built-in rules.
    pub fn builtin() -> Result<CheckRules, RulesError> {
        crate::data_file::builtin::CHECK.parse().map_err(RulesError)
    }

    /// Whether `text` (any case) says one of `phrases` on word boundaries.
    pub fn says(text: &str, phrases: &[String]) -> bool {
        let lower = text.to_lowercase();
        phrases.iter().any(|phrase| has_phrase(&lower, phrase))
    }

    /// The first conflict between a dataset text and a claim sentence, if any.
    pub fn conflict(&self, dataset_text: &str, claim_text: &str) -> Option<&Conflict> {
        self.conflicts.iter().find(|conflict| {
            CheckRules::says(dataset_text, &conflict.evidence)
                && CheckRules::says(claim_text, &conflict.claim)
                && !CheckRules::says(claim_text, &conflict.unless)
        })
    }
}

/// Whether `phrase` occurs in `lower` with no letter or digit right before or after it.
pub fn has_phrase(lower: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = lower.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + pos;
        let end = start + phrase.len();
        let before = lower[..start].chars().next_back();
        let after = lower[end..].chars().next();
        let boundary = |ch: Option<char>| ch.is_none_or(|ch| !ch.is_alphanumeric());
        let phrase_ends_open = phrase.ends_with(|ch: char| !ch.is_alphanumeric());
        if boundary(before) && (phrase_ends_open || boundary(after)) {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse_and_are_lower_case() {
        let rules = CheckRules::builtin().unwrap();
        for list in [&rules.up, &rules.down, &rules.difference, &rules.stopwords] {
            assert!(list.iter().all(|word| word == &word.to_lowercase()));
        }
        assert!(rules.conflicts.len() >= 2);
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert!(has_phrase("recorded by us cbp in fy 2024", "cbp"));
        assert!(!has_phrase("cbpx", "cbp"));
        assert!(has_phrase("by the end-2017", "end-"));
        assert!(!has_phrase("upward", "up"));
    }

    #[test]
    fn border_patrol_against_cbp_is_a_conflict() {
        let rules = CheckRules::builtin().unwrap();
        let dataset = "U.S. Border Patrol encounters";
        assert!(rules
            .conflict(dataset, "24,376 encounters recorded by US CBP")
            .is_some());
        assert!(rules
            .conflict(dataset, "CBP's Border Patrol recorded 24,376")
            .is_none());
    }
}
