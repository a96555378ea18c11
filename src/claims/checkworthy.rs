//! Check-worthiness: a score in (0, 1) from transparent features whose weights live in
//! `data/checkworthiness.toml` (has a figure, a comparison or change, an attribution, a
//! superlative; not a question, an opinion, a hedge). Every score can be explained by listing
//! the features that fired.

use crate::figures::{units, Unit};
use regex::{RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct File {
    bias: f64,
    computed: Computed,
    feature: Vec<CueFeature>,
}

#[derive(Debug, Deserialize)]
struct Computed {
    has_figure: f64,
    many_entities: f64,
    short: f64,
    question: f64,
}

#[derive(Debug, Deserialize)]
struct CueFeature {
    name: String,
    weight: f64,
    cues: Vec<String>,
}

/// The compiled model: bias, computed-feature weights and one regex per cue feature, all
/// matched in one pass (`cue_set` holds the patterns of `cues`, in order).
pub struct Model {
    bias: f64,
    computed: Computed,
    cues: Vec<(String, f64)>,
    cue_set: RegexSet,
}

/// A score and the features behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checkworthiness {
    pub score: f64,
    /// `(feature, weight)` for every feature that fired.
    pub features: Vec<(String, f64)>,
}

impl Model {
    /// Reads the built-in model; errors name the file, line and what is wrong.
    pub fn parse() -> Result<Model, String> {
        let file: File = crate::data_file::builtin::CHECKWORTHINESS.parse()?;
        let mut cues = Vec::new();
        let mut patterns = Vec::new();
        for feature in file.feature {
            let alternatives: Vec<String> =
                feature.cues.iter().map(|cue| regex::escape(cue)).collect();
            let pattern = format!(r"(?:^|[^\w'’]){}(?:$|[^\w'’])", group(&alternatives));
            // Compiled alone first, so an error names its feature.
            RegexSetBuilder::new([&pattern])
                .case_insensitive(true)
                .build()
                .map_err(|err| {
                    format!("data/checkworthiness.toml: feature {}: {err}", feature.name)
                })?;
            patterns.push(pattern);
            cues.push((feature.name, feature.weight));
        }
        let cue_set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .map_err(|err| format!("data/checkworthiness.toml: {err}"))?;
        Ok(Model {
            bias: file.bias,
            computed: file.computed,
            cues,
            cue_set,
        })
    }

    /// The built-in model (validated by a unit test; an invalid file degrades to a neutral model).
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::parse().unwrap_or(Model {
                bias: 0.0,
                computed: Computed {
                    has_figure: 0.0,
                    many_entities: 0.0,
                    short: 0.0,
                    question: 0.0,
                },
                cues: Vec::new(),
                cue_set: RegexSet::empty(),
            })
        })
    }

    /// Scores one sentence (or tweet).
    pub fn score(&self, text: &str) -> Checkworthiness {
        self.score_with_units(text, &units(text))
    }

    /// [`Model::score`], given the units of the figures `figures::annotate` reads in `text`.
    pub fn score_with_units(&self, text: &str, units: &[Unit]) -> Checkworthiness {
        let mut features = Vec::new();
        let has_figure = units.iter().any(|unit| {
            !matches!(
                unit,
                Unit::Year | Unit::Ordinal | Unit::Other | Unit::Age | Unit::Duration
            )
        });
        if has_figure {
            features.push(("has_figure".to_string(), self.computed.has_figure));
        }
        if count_entities(text) >= 3 {
            features.push(("many_entities".to_string(), self.computed.many_entities));
        }
        if text.split_whitespace().count() < 6 {
            features.push(("short".to_string(), self.computed.short));
        }
        if text
            .trim_end()
            .trim_end_matches(['"', '”', '\'', '’', ')'])
            .ends_with('?')
        {
            features.push(("question".to_string(), self.computed.question));
        }
        let matched = self.cue_set.matches(text);
        for (idx, (name, weight)) in self.cues.iter().enumerate() {
            if matched.matched(idx) {
                features.push((name.clone(), *weight));
            }
        }
        let sum: f64 = self.bias + features.iter().map(|(_, weight)| weight).sum::<f64>();
        Checkworthiness {
            score: 1.0 / (1.0 + (-sum).exp()),
            features,
        }
    }
}

fn group(alternatives: &[String]) -> String {
    format!("(?:{})", alternatives.join("|"))
}

/// Capitalised words not opening a sentence, @handles and acronyms.
fn count_entities(text: &str) -> usize {
    let mut count = 0;
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
        let first = trimmed.chars().next();
        let is_handle = trimmed.starts_with('@') && trimmed.len() > 1;
        let is_acronym = trimmed.len() >= 2
            && trimmed
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let is_name = !sentence_start && first.is_some_and(char::is_uppercase);
        if is_handle || is_acronym || is_name {
            count += 1;
        }
        sentence_start = word.ends_with(['.', '!', '?']);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_is_valid() {
        let model = Model::parse().unwrap();
        assert!(model.cues.len() >= 6);
    }

    #[test]
    fn a_cited_statistic_outranks_an_opinion_and_a_question() {
        let model = Model::builtin();
        let fact = model.score("According to the Ecuadorian registry, 78 percent of Chinese travelers listed a skilled occupation.");
        let opinion = model.score("I think we should be kinder to each other.");
        let question = model.score("Who would you prefer to lead our response?");
        assert!(fact.score > 0.6, "{fact:?}");
        assert!(opinion.score < 0.3, "{opinion:?}");
        assert!(question.score < 0.3, "{question:?}");
        let names: Vec<&str> = fact
            .features
            .iter()
            .map(|(name, _)| name.as_str())
            .collect();
        assert!(
            names.contains(&"has_figure") && names.contains(&"attribution"),
            "{names:?}"
        );
    }

    #[test]
    fn cues_match_whole_words_only() {
        let model = Model::builtin();
        let names = |text: &str| {
            model
                .score(text)
                .features
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert!(
            !names("The mayor spoke.").contains(&"hedge".to_string()),
            "'may' inside 'mayor'"
        );
        assert!(names("It may rain.").contains(&"hedge".to_string()));
    }
}
