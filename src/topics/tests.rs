use super::*;

fn ids(text: &str) -> Vec<&'static str> {
    Taxonomy::builtin().topics_for(text)
}

#[test]
fn builtin_taxonomy_is_valid() {
    let (taxonomy, diagnostics) = Taxonomy::parse(BUILTIN_TOPICS, None);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(taxonomy.topics().len(), 22);
}

#[test]
fn phrase_needs_its_required_word() {
    assert!(ids("Chinese nationals entered Ecuador 48,381 times")
        .contains(&"chinese-migration-via-ecuador"));
    assert!(!ids("Ecuador's football team won").contains(&"chinese-migration-via-ecuador"));
}

#[test]
fn wildcard_and_word_boundaries() {
    assert!(ids("Border Patrol apprehensions of migrants rose").contains(&"us-border-encounters"));
    // "ice" must not match inside "police"; "encounter*" needs a border word.
    assert!(!ids("a police encounter in the park").contains(&"us-border-encounters"));
}

#[test]
fn exclude_drops_the_topic() {
    let taxonomy = Taxonomy::builtin();
    let crime = taxonomy.find("migration-and-crime").unwrap();
    let phrase = crime.phrases[0].trim_end_matches('*');
    let required = crime
        .require_any
        .first()
        .map_or("", |w| w.trim_end_matches('*'));
    let text = format!("{phrase} and {required}");
    assert!(
        taxonomy.topics_for(&text).contains(&"migration-and-crime"),
        "{text}"
    );
    let excluded = format!("{text} and {}", crime.exclude[0]);
    assert!(!taxonomy
        .topics_for(&excluded)
        .contains(&"migration-and-crime"));
}

#[test]
fn find_accepts_id_or_name() {
    let taxonomy = Taxonomy::builtin();
    assert_eq!(
        taxonomy
            .find("Chinese migration via Ecuador")
            .map(|t| t.id.as_str()),
        Some("chinese-migration-via-ecuador")
    );
    assert!(taxonomy.find("darien-gap").is_some());
}

#[test]
fn bad_user_file_names_the_line() {
    let text = "[[topic]]\nid = \"a\"\nname = \"A\"\nphrases = [\"x\"]\n\n[[topic]]\nid = \"a\"\nname = \"B\"\nphrases = [\"y*z\"]\n";
    let (taxonomy, diagnostics) = Taxonomy::parse(text, Some(Path::new("t.toml")));
    assert_eq!(taxonomy.topics().len(), 1);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].line, Some(6));
}

#[test]
fn long_input_runs_linearly() {
    let text = "migration ".repeat(100_000);
    // No panic and the right answer on a long input (speed belongs to benchmarks).
    assert!(ids(&text).len() <= 1);
}

#[test]
fn a_sentence_needs_the_phrase_itself_but_may_take_the_required_word_from_its_passage() {
    let taxonomy = Taxonomy::builtin();
    let passage = taxonomy.scan(
        "Chinese nationals are the fastest-growing group. Entries into Ecuador reached 48,381. \
         Border Patrol encounters rose.",
    );
    let in_passage =
        |sentence: &str| taxonomy.topics_in_context(&taxonomy.scan(sentence), &passage);
    // "Ecuador" is in the sentence, "Chinese" only in the passage: the topic holds.
    assert!(in_passage("Entries into Ecuador reached 48,381.")
        .contains(&"chinese-migration-via-ecuador"));
    // A sentence about encounters is not about Ecuador because its passage is.
    let encounters = in_passage("Border Patrol encounters rose.");
    assert!(encounters.contains(&"us-border-encounters"));
    assert!(!encounters.contains(&"chinese-migration-via-ecuador"));
    // Alone, the Ecuador sentence lacks its required word.
    assert!(!ids("Entries into Ecuador reached 48,381.").contains(&"chinese-migration-via-ecuador"));
}

#[test]
fn an_exclusion_counts_only_in_the_sentence() {
    let taxonomy = Taxonomy::builtin();
    let crime = taxonomy.find("migration-and-crime").unwrap();
    let phrase = crime.phrases[0].trim_end_matches('*');
    let required = crime
        .require_any
        .first()
        .map_or("", |w| w.trim_end_matches('*'));
    let sentence = format!("{phrase} and {required}");
    let passage = taxonomy.scan(&format!("{sentence}. Elsewhere, {}.", crime.exclude[0]));
    assert!(taxonomy
        .topics_in_context(&taxonomy.scan(&sentence), &passage)
        .contains(&"migration-and-crime"));
}
