//! Whose a figure counts: the people its sentence names by nationality.
//!
//! In: a sentence's text, a figure's span in it, the spans of the sentence's statistics and the
//! figure's counted words. Out: the keys of the peoples (`data/populations.toml`) the figure
//! counts, empty when the sentence names none near it. The counted words first ("24 percent of
//! Egyptian workers"), then the words back to the statistic before ("the Pakistani workforce
//! with 70,300"), then further back one statistic at a time to the sentence's start ("The
//! Indian labor came in second place, with a total of 451,300 …, at a rate of 23.7%"). Two
//! statistics of different peoples are never one statistic (`check::comparable`).

use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::span::Span;

#[derive(Debug, Deserialize)]
struct PopulationsFile {
    not_before: Vec<String>,
    people: Vec<People>,
}

#[derive(Debug, Deserialize)]
struct People {
    key: String,
    words: Vec<String>,
}

/// The peoples' words, compiled once.
pub struct Populations {
    /// Every word, longest first, with an optional plural "s"; `None` without rules.
    regex: Option<Regex>,
    key_of: HashMap<String, String>,
    not_before: Vec<String>,
}

impl Populations {
    /// The built-in rules (`data/populations.toml`). The file is part of the build and read by a
    /// test, so a broken one names no people rather than failing a user's run.
    pub fn builtin() -> &'static Populations {
        static RULES: OnceLock<Populations> = OnceLock::new();
        RULES.get_or_init(|| {
            let file: PopulationsFile =
                crate::data_file::builtin::POPULATIONS
                    .parse()
                    .unwrap_or(PopulationsFile {
                        not_before: Vec::new(),
                        people: Vec::new(),
                    });
            Populations::new(file)
        })
    }

    fn new(file: PopulationsFile) -> Populations {
        let mut key_of = HashMap::new();
        for people in file.people {
            for word in people.words {
                key_of.insert(word, people.key.clone());
            }
        }
        let mut words: Vec<&str> = key_of.keys().map(String::as_str).collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let alternatives: Vec<String> = words.iter().map(|word| regex::escape(word)).collect();
        let regex = (!words.is_empty())
            .then(|| Regex::new(&format!(r"\b({})s?\b", alternatives.join("|"))).ok())
            .flatten();
        Populations {
            regex,
            key_of,
            not_before: file.not_before,
        }
    }

    /// The peoples `text` names, each as (byte offset, key) in order. A word followed by an
    /// institution's noun ("the Spanish coast guard") names no people; "non-" before a word
    /// names everyone else ("non-Kuwaitis" is `non-Kuwait`).
    pub fn named(&self, text: &str) -> Vec<(usize, String)> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        regex
            .captures_iter(text)
            .filter_map(|captures| {
                let (whole, word) = (captures.get(0)?, captures.get(1)?);
                let next = text[whole.end()..]
                    .split(|ch: char| !ch.is_alphanumeric())
                    .find(|word| !word.is_empty())
                    .filter(|_| {
                        // Only the word right after, not one past a comma or a bracket.
                        text[whole.end()..].starts_with(' ')
                    })
                    .map(str::to_lowercase);
                if next.is_some_and(|next| self.not_before.contains(&next)) {
                    return None;
                }
                let key = self.key_of.get(word.as_str())?;
                let before = &text[..whole.start()];
                let non = before.ends_with("non-") || before.ends_with("Non-");
                Some((
                    whole.start(),
                    if non {
                        format!("non-{key}")
                    } else {
                        key.clone()
                    },
                ))
            })
            .collect()
    }

    /// The peoples the figure at `local` counts (see the module documentation). `named` is
    /// [`Populations::named`] of the sentence, `places` where it names a place
    /// ([`crate::figures::places_at`]), `statistics` the spans of its statistics, `counts`
    /// the figure's counted words; all relative to the sentence. Sorted, each once. A stretch
    /// that names a place and no people ends the search with none: "followed by Venezuela with
    /// nearly 73,000" counts Venezuela's applicants, not the Syrians named before.
    pub fn of_figure(
        named: &[(usize, String)],
        places: &[usize],
        local: Span,
        statistics: &[Span],
        counts: Option<Span>,
    ) -> Vec<String> {
        // The peoples named in `from..to`, or `None` when it names none and no place either.
        let within = |from: usize, to: usize| -> Option<Vec<String>> {
            let mut keys: Vec<String> = named
                .iter()
                .filter(|(at, _)| (from..to).contains(at))
                .map(|(_, key)| key.clone())
                .collect();
            keys.sort();
            keys.dedup();
            let place = places.iter().any(|at| (from..to).contains(at));
            (!keys.is_empty() || place).then_some(keys)
        };
        if let Some(keys) = counts
            .filter(|counts| counts.start >= local.end)
            .and_then(|counts| within(counts.start, counts.end))
        {
            return keys;
        }
        let mut starts: Vec<usize> = statistics
            .iter()
            .filter(|span| span.end <= local.start)
            .map(|span| span.start)
            .collect();
        starts.sort_unstable_by(|a, b| b.cmp(a));
        starts.push(0);
        starts
            .into_iter()
            .find_map(|from| within(from, local.start))
            .unwrap_or_default()
    }
}

/// Two peoples' lists that name no people in common, when both name one: what differs
/// ("Egypt's people against India's").
pub fn difference(one: &[String], other: &[String]) -> Option<String> {
    if one.is_empty() || other.is_empty() || one.iter().any(|key| other.contains(key)) {
        return None;
    }
    Some(format!(
        "a count of {} against one of {}",
        describe(one),
        describe(other)
    ))
}

fn describe(keys: &[String]) -> String {
    let names: Vec<String> = keys
        .iter()
        .map(|key| match key.strip_prefix("non-") {
            Some(rest) => format!("people not of {rest}"),
            None => format!("people of {key}"),
        })
        .collect();
    names.join(" and ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The peoples of the figure written `figure` in `text`.
    fn of(text: &str, figure: &str) -> Vec<String> {
        let populations = Populations::builtin();
        let named = populations.named(text);
        let numbers = Regex::new(r"[0-9][0-9,.]*( percent|%)?").unwrap();
        let statistics: Vec<Span> = numbers
            .find_iter(text)
            .map(|found| Span::new(found.start(), found.end()))
            .collect();
        let at = text.find(figure).unwrap();
        let local = Span::new(at, at + figure.len());
        let places: Vec<usize> = crate::figures::places_at(text)
            .into_iter()
            .map(|(at, _)| at)
            .collect();
        Populations::of_figure(&named, &places, local, &statistics, None)
    }

    #[test]
    fn a_figure_counts_the_people_named_since_the_statistic_before_it() {
        let text = "The Indian workforce of 451,300 (23.7 percent) came second followed by the \
                    Kuwaiti workforce of 424,100 (22.3 percent).";
        assert_eq!(of(text, "451,300"), ["India"]);
        assert_eq!(of(text, "23.7 percent"), ["India"]);
        assert_eq!(of(text, "424,100"), ["Kuwait"]);
        assert_eq!(of(text, "22.3 percent"), ["Kuwait"]);
    }

    #[test]
    fn a_share_after_its_count_counts_the_people_of_the_count() {
        let text = "there were 456,600 Egyptian workers in Kuwait's labor market as of the end \
                    of September 2021; or 24 percent of the total workforce";
        assert_eq!(of(text, "24 percent"), ["Egypt"]);
        // A sentence naming several peoples before its first statistic leaves all of them.
        let text = "the Egyptian labor force ranks first surpassing the Indian and Kuwaiti labor \
                    force, with a total of 456,600 male and female workers, or 24%";
        assert_eq!(of(text, "24%"), ["Egypt", "India", "Kuwait"]);
    }

    #[test]
    fn a_place_named_nearer_than_any_people_ends_the_search() {
        let text = "Last year, Syrians submitted 148,000 first-time applications (16% of the \
                    total), followed by Venezuela with nearly 73,000 applications.";
        assert_eq!(of(text, "148,000"), ["Syria"]);
        assert!(of(text, "73,000").is_empty());
    }

    #[test]
    fn an_institution_s_adjective_and_others_are_not_the_people_counted() {
        assert!(of("The Spanish coast guard rescued 1,200 migrants.", "1,200").is_empty());
        assert!(of("the Indian Ocean route saw 3,000 crossings", "3,000").is_empty());
        assert_eq!(
            of("non-Kuwaitis were 77.7 percent", "77.7 percent"),
            ["non-Kuwait"]
        );
        // The longer word first: "South Sudanese" is not "Sudanese".
        let named = Populations::builtin().named("4,000 South Sudanese and 2,000 Sudanese");
        assert_eq!(
            named,
            [(6, "South Sudan".to_string()), (31, "Sudan".to_string())]
        );
    }

    #[test]
    fn a_figure_s_own_places_stop_at_a_people_named_nearer() {
        // The same search read for places, a people's word ending it (`Binding::own_places`).
        let text = "Syria continues to top the list in Germany, with Syrian nationals accounting \
                    for 27.7% of applications, followed by Afghans at 15.3% and Turkish \
                    applicants at 10%, while Belgium (1 200, or 9%) came fourth.";
        let places = crate::figures::places_at(text);
        let people: Vec<usize> = Populations::builtin()
            .named(text)
            .into_iter()
            .map(|(at, _)| at)
            .collect();
        let numbers = Regex::new(r"[0-9][0-9 ,.]*[0-9](%)?|[0-9]%").unwrap();
        let statistics: Vec<Span> = numbers
            .find_iter(text)
            .map(|found| Span::new(found.start(), found.end()))
            .collect();
        let own = |figure: &str| {
            let at = text.find(figure).unwrap();
            let local = Span::new(at, at + figure.len());
            Populations::of_figure(&places, &people, local, &statistics, None)
        };
        assert!(own("10%").is_empty());
        assert_eq!(own("1 200"), ["Belgium"]);
    }

    #[test]
    fn garbage_text_and_spans_past_the_end_name_nothing_and_never_panic() {
        let populations = Populations::builtin();
        for text in [
            "",
            "non-",
            "Non-Egyptians\u{0}\u{FFFD}é 12",
            "Egyptian’s ‘Indians’ — non-Kuwaiti\n\n%%%",
            "IndianIndianIndian 9,9,9 Syrian",
        ] {
            let named = populations.named(text);
            let far = Span::new(text.len() + 10, text.len() + 20);
            let _ = Populations::of_figure(&named, &[], far, &[far], Some(far));
        }
        assert!(populations.named("IndianIndianIndian").is_empty());
    }

    #[test]
    fn only_two_named_peoples_with_none_in_common_differ() {
        let (egypt, india) = (vec!["Egypt".to_string()], vec!["India".to_string()]);
        assert_eq!(
            difference(&egypt, &india).as_deref(),
            Some("a count of people of Egypt against one of people of India")
        );
        assert_eq!(difference(&egypt, &[]), None);
        let both = vec!["Egypt".to_string(), "India".to_string()];
        assert_eq!(difference(&egypt, &both), None);
    }
}
