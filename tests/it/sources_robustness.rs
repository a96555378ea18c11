//! The sources and topics library on hostile input: random bytes, a megabyte of cue words,
//! arbitrary strings. Nothing panics, every span slices the text, time grows linearly.

use claimdex::sources::{
    attribute, footnotes, references, sentence_without_footnotes, split_at_footnotes, table_source,
};
use claimdex::span::Span;
use claimdex::topics::Taxonomy;
use proptest::prelude::*;

/// Segmenter sentences, footnote split, attribution: the pipeline a claim goes through.
fn run_all(text: &str) -> usize {
    let sentences = claimdex::text::sentences(text, Span::new(0, text.len()));
    let found = footnotes(text);
    for footnote in &found {
        assert!(footnote.span.slice(text).is_some());
        assert!(footnote.supports.slice(text).is_some());
    }
    let split = split_at_footnotes(text, &sentences, &found);
    for span in &split {
        assert!(span.slice(text).is_some());
        let _ = sentence_without_footnotes(text, *span);
    }
    let attributions = attribute(text, &split);
    assert_eq!(attributions.len(), split.len());
    for attribution in attributions.iter().flatten() {
        assert!(attribution.mention_span.slice(text).is_some());
    }
    for reference in references(text) {
        assert!(reference.span.slice(text).is_some());
    }
    for line in text.lines().take(1000) {
        let _ = table_source(line);
    }
    let _ = Taxonomy::builtin().topics_for(text);
    attributions.iter().flatten().count()
}

#[test]
fn random_bytes_do_not_panic() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..20 {
        let bytes: Vec<u8> = (0..20_000 + round * 1000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Bias towards ASCII punctuation, digits and spaces so the parsers get exercised.
                match state % 4 {
                    0 => {
                        let pool: &[u8] = b" .,1\xE2\x80\x9C\xE2\x80\x9D(ACCESSED)Source:\n";
                        pool[(state >> 8) as usize % pool.len()]
                    }
                    _ => (state >> 16) as u8,
                }
            })
            .collect();
        run_all(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn a_megabyte_of_cue_words_runs_in_linear_time() {
    let small = "according to according to ".repeat(4_000);
    let large = "according to according to ".repeat(40_000);
    assert!(large.len() > 1_000_000);
    // Speed is measured by benchmarks, not timed tests: here, no panic and the right answer.
    run_all(&small);
    run_all(&large);
    // One sentence of a megabyte (no full stops) as well: the phrase readers are bounded.
    let attributions = attribute(&large, &[Span::new(0, large.len())]);
    assert_eq!(attributions, vec![None]);
}

#[test]
fn a_megabyte_of_footnote_lookalikes_runs_in_linear_time() {
    let unit = "migrants,1 UN, Report, accessed February 18, 2019, and ";
    let small = unit.repeat(2_000);
    let large = unit.repeat(20_000);
    run_all(&large);
    assert_eq!(footnotes(&small).len(), 2_000);
    assert_eq!(footnotes(&large).len(), 20_000);
}

#[test]
fn endnote_lookalikes_do_not_panic_and_resolve_only_listed_numbers() {
    // Markers glued to multi-byte letters, out-of-range and empty brackets, superscripts with no
    // entry, a notes list with broken entries and an Ibid. with nothing before it.
    let body = "é[1] ü² x[999] y[] z[1, ] ¹²³⁴ “q”[2] 5%[3]\n".repeat(50_000);
    let text = format!(
        "{body}\nNotes\n\n3. Ibid.\n1. (Geneva: UNHCR, 2024)\n2.\n[2] UNHCR, Global Trends.\n1) \u{201C}\n\nReferences\n\n"
    );
    assert!(text.len() > 1_000_000);
    run_all(&text);
    let found = footnotes(&text);
    assert!(found
        .iter()
        .all(|footnote| [1, 2, 3].contains(&footnote.marker)));
    assert!(!found.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_always_slice_the_text(text in "\\PC{0,400}") {
        run_all(&text);
    }

    #[test]
    fn spans_slice_text_built_from_cue_words(
        words in proptest::collection::vec(
            prop_oneof![
                Just("according to"), Just("the"), Just("UN"), Just("data"), Just("shows"),
                Just(","), Just("."), Just("1"), Just("“Title,”"), Just("accessed"),
                Just("May 3, 2019"), Just("CBP"), Just("’s"), Just("("), Just(")"),
                Just("Source:"), Just("\n"), Just("Smith, Jo (2001)."), Just("é"),
                Just("[1]"), Just("²"), Just("\nNotes\n"), Just("\n1. IOM, Report."),
            ],
            0..80,
        )
    ) {
        let text = words.join(" ");
        run_all(&text);
    }
}
