use super::*;

/// Binds one sentence written on `date` and returns `(figure text, period, source)` for each
/// figure that is not a year, the period as `start..end` with `partial`/`FY` marks.
fn bind(text: &str, date: &str) -> Vec<(String, String, Option<PeriodSource>)> {
    let figures = crate::figures::annotate(text);
    let sentence = SentenceFigures {
        span: Span::new(0, text.len()),
        text,
        figures: &figures,
    };
    let bindings = bind_passage(&[sentence], publication_month(date), BindRules::builtin());
    figures
        .iter()
        .zip(&bindings[0])
        .filter(|(figure, binding)| figure.unit != Unit::Year && !binding.in_period_phrase)
        .map(|(figure, binding)| {
            let period = binding.period.as_ref().map_or("-".to_string(), |period| {
                let mut text = format!("{}..{}", period.start, period.end);
                if period.partial {
                    text.push_str(&format!(
                        " partial of {}",
                        period.part_of.clone().unwrap_or_default()
                    ));
                }
                if period.fiscal {
                    text.push_str(" fiscal");
                }
                text
            });
            (figure.text.clone(), period, binding.period_source)
        })
        .collect()
}

/// Asserts the period [`bind`] gives the first figure of `text` written on `date`.
fn assert_first_period(text: &str, date: &str, want: &str) {
    let got = bind(text, date);
    assert_eq!(
        got.first().map(|(_, period, _)| period.as_str()),
        Some(want),
        "{got:?}"
    );
}

/// The period [`bind`] gave the figure written `figure`.
fn period_of<'a>(got: &'a [(String, String, Option<PeriodSource>)], figure: &str) -> &'a str {
    got.iter()
        .find(|(text, _, _)| text == figure)
        .map_or("no such figure", |(_, period, _)| period.as_str())
}

fn periods_of(text: &str, date: &str) -> Vec<String> {
    period::find(text, BindRules::builtin(), publication_month(date), &[])
        .into_iter()
        .map(|found| {
            format!(
                "{} {}..{}{}",
                found.period.text,
                found.period.start,
                found.period.end,
                if found.period.partial { " partial" } else { "" }
            )
        })
        .collect()
}

/// "start..end" of each binding that has a period, in order.
fn spans<'a>(bindings: impl IntoIterator<Item = &'a Binding>) -> Vec<String> {
    bindings
        .into_iter()
        .filter_map(|binding| binding.period.as_ref())
        .map(|period| format!("{}..{}", period.start, period.end))
        .collect()
}

/// Binds `paragraphs` as one document's passages, in order, written on `date`, each paragraph
/// one sentence, separated by a blank line in the raw text (so spans are the document's): the
/// period carried from passage to passage and the so-far ends settled as `check` does.
fn bind_paragraphs(paragraphs: &[&str], date: &str) -> Vec<Vec<Binding>> {
    let mut out: Vec<Vec<Binding>> = figures_and_bindings(paragraphs, date)
        .into_iter()
        .map(|paragraph| paragraph.into_iter().map(|(_, binding)| binding).collect())
        .collect();
    settle_to_date_ends(out.iter_mut().flatten().collect(), Some(date));
    out
}

/// Each paragraph's figures (spans into the joined document) with their bindings, before any
/// document-wide step.
fn figures_and_bindings(paragraphs: &[&str], date: &str) -> Vec<Vec<(Figure, Binding)>> {
    figures_bindings_and_carried(paragraphs, date).0
}

/// [`figures_and_bindings`] with what the paragraphs leave carried.
fn figures_bindings_and_carried(
    paragraphs: &[&str],
    date: &str,
) -> (Vec<Vec<(Figure, Binding)>>, Carried) {
    // The document's country decides when its years written across two start, as in
    // `check::claim::bound_sentences`.
    let mut carried = Carried {
        split_year_start: BindRules::builtin().split_year_start(&paragraphs.join("\n\n")),
        ..Carried::default()
    };
    let mut offset = 0;
    let mut out = Vec::new();
    for paragraph in paragraphs {
        let figures: Vec<Figure> = crate::figures::annotate(paragraph)
            .into_iter()
            .map(|figure| figure.shifted(offset))
            .collect();
        let sentence = SentenceFigures {
            span: Span::new(offset, offset + paragraph.len()),
            text: paragraph,
            figures: &figures,
        };
        let bindings = bind_carrying(
            &[sentence],
            publication_month(date),
            BindRules::builtin(),
            &mut carried,
        );
        out.push(
            figures
                .into_iter()
                .zip(bindings.into_iter().flatten())
                .collect(),
        );
        offset += paragraph.len() + 2;
    }
    (out, carried)
}

fn span_of(binding: &Binding) -> (String, String) {
    let period = binding.period.as_ref().expect("a period");
    (period.start.to_string(), period.end.to_string())
}

#[test]
fn each_figure_takes_the_period_of_its_own_clause() {
    let got = bind(
        "Panama counted 310,000 people so far this year, against 250,000 in all of 2022.",
        "2023-09-15",
    );
    assert_eq!(got[0].0, "310,000");
    assert_eq!(got[0].1, "2023-01..2023-09 partial of 2023");
    assert_eq!(got[0].2, Some(PeriodSource::Clause));
    assert_eq!(got[1].0, "250,000");
    assert_eq!(got[1].1, "2022-01..2022-12");
    assert_eq!(got[1].2, Some(PeriodSource::Clause));
}

#[test]
fn fiscal_notation_is_a_year_not_a_count() {
    for (text, start, end) in [
        ("Agents made 4,000 arrests in FY23.", "2022-10", "2023-09"),
        ("Agents made 4,000 arrests in FY2023.", "2022-10", "2023-09"),
        (
            "Agents made 4,000 arrests in Fiscal Year 23.",
            "2022-10",
            "2023-09",
        ),
        (
            "Agents made 4,000 arrests in fiscal 2023.",
            "2022-10",
            "2023-09",
        ),
        (
            "The record dates back to FY07, when agents made 4,000 arrests.",
            "2006-10",
            "2007-09",
        ),
    ] {
        let got = bind(text, "2024-01-10");
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, format!("{start}..{end} fiscal"), "{text}");
    }
}

#[test]
fn partial_periods_are_parts() {
    assert_eq!(
        bind("Agents apprehended 4,293 Chinese nationals in the first five months of the fiscal year.", "2023-03-21")[0].1,
        "2022-10..2023-02 partial of FY2023 fiscal"
    );
    assert_eq!(
        bind(
            "Since October, Border Patrol has encountered 2,999 Chinese nationals.",
            "2023-02-14"
        )[0]
        .1,
        "2022-10..2023-02 partial of the period to date"
    );
    assert_eq!(
        bind(
            "In April alone, agents apprehended 3,195 Chinese nationals.",
            "2023-05-18"
        )[0]
        .1,
        "2023-04..2023-04"
    );
    assert_eq!(
        bind("Crossings reached 248,000 last year.", "2023-03-02")[0].1,
        "2022-01..2022-12"
    );
    assert_eq!(
        bind(
            "From October through February agents logged 9,753 encounters this fiscal year.",
            "2023-03-02"
        )[0]
        .1,
        "2022-10..2023-02 partial of FY2023 fiscal"
    );
    assert_eq!(
        bind(
            "There were 2,999 encounters so far in fiscal year 2023.",
            "2023-02-14"
        )[0]
        .1,
        "2022-10..2023-02 partial of FY2023 fiscal"
    );
}

#[test]
fn fallbacks_are_recorded() {
    let got = bind(
        "The increase was 719 percent, and 2,999 in fiscal 2023.",
        "2023-02-14",
    );
    assert_eq!(got[0].2, Some(PeriodSource::Sentence));
    assert_eq!(got[1].2, Some(PeriodSource::Clause));
    let got = bind("The agency counted 12,000 people.", "2023-02-14");
    assert_eq!(got[0].2, Some(PeriodSource::DocumentDate));
    let got = bind("The agency counted 12,000 people.", "2023");
    assert_eq!(got[0].2, None);
}

#[test]
fn a_range_from_a_year_to_a_month_spans_both() {
    // Not the first year alone, nor the month read in that year.
    assert_eq!(
        periods_of("between 2011 and September 2017", ""),
        vec!["between 2011 and September 2017 2011-01..2017-09"]
    );
    assert_eq!(
        periods_of("from 2018 to the end of June 2022", ""),
        vec!["from 2018 to the end of June 2022 2018-01..2022-06"]
    );
    assert_eq!(
        periods_of("between June 2019 and 2022", ""),
        vec!["between June 2019 and 2022 2019-06..2022-12"]
    );
    let got = bind(
        "75,720 refugees were submitted for resettlement between 2011 and September 2017.",
        "2017-10",
    );
    assert_eq!(period_of(&got, "75,720"), "2011-01..2017-09");
}

#[test]
fn a_semester_is_a_half_and_the_same_period_of_a_year_repeats_the_carried_one() {
    let bound = bind_paragraphs(
        &[
            "The jungle was crossed by 196,370 migrants in the first semester of this year.",
            "This almost quadruples the 49,452 for the same period in 2022.",
        ],
        "2023-07-02",
    );
    // (The ordinal "first" is a figure too, after it.)
    assert_eq!(spans(&bound[0][..1]), vec!["2023-01..2023-06"]);
    // Not the months of 2022 up to the publication's (January to July).
    // ("quadruples" is a figure too.)
    let second = spans(&bound[1]);
    assert!(
        !second.is_empty() && second.iter().all(|span| span == "2022-01..2022-06"),
        "{second:?}"
    );
}

#[test]
fn the_same_period_of_a_year_repeats_the_carried_span_beside_a_comparison_base() {
    // "February" is the 14% decrease's base, no period the sentence goes on about.
    let bound = figures_and_bindings(
        &[
            "Border Patrol apprehended a total of 7,181 illegal aliens in March.",
            "This constitutes a 14% decrease from February when Border Patrol apprehended 8,346 aliens, and a 95% decrease from the 137,473 aliens apprehended in the same period in 2024.",
        ],
        "2025-04-15",
    );
    let level = bound[1]
        .iter()
        .find(|(figure, _)| figure.text == "137,473")
        .map(|(_, binding)| span_of(binding));
    assert_eq!(level, Some(("2024-03".to_string(), "2024-03".to_string())));
    // The same-span phrase several words after its base level is still the base's, not the
    // period of the changes: they are March 2025's, February is 2025's.
    let bound = figures_and_bindings(
        &[
            "Border Patrol apprehended a total of 7,181 illegal aliens in March.",
            "This constitutes a 14% decrease from February when Border Patrol apprehended 8,346 aliens, and more dramatically, a 95% decrease from the 137,473 aliens apprehended under the Biden administration in the same period in 2024.",
        ],
        "2025-04-15",
    );
    let period = |text: &str| {
        bound[1]
            .iter()
            .find(|(figure, _)| figure.text == text)
            .map(|(_, binding)| span_of(binding))
    };
    let month = |month: &str| Some((month.to_string(), month.to_string()));
    assert_eq!(period("137,473"), month("2024-03"));
    assert_eq!(period("8,346"), month("2025-02"));
    assert_eq!(period("14%"), month("2025-03"));
    assert_eq!(period("95%"), month("2025-03"));
}

#[test]
fn a_record_year_after_a_compared_part_is_the_whole_year() {
    let bound = figures_and_bindings(
        &[
            "Just over 170,000 migrants crossed the Darien Gap over the first five months of this year.",
            "This is 2% higher than the nearly 167,000 who made the crossing in the same period last year.",
            "Last year marked a record year for migration, during which more than half a million people crossed.",
        ],
        "2024-06-07",
    );
    let whole = bound[2]
        .iter()
        .find(|(figure, _)| figure.text == "more than half a million")
        .map(|(_, binding)| span_of(binding));
    assert_eq!(whole, Some(("2023-01".to_string(), "2023-12".to_string())));
}

#[test]
fn a_month_a_year_earlier_is_that_month_of_the_year_before() {
    let got = bind(
        "A total of 1,180 migrants have arrived so far in 2023, 159 fewer than the 1,330 who made the crossing in January a year earlier.",
        "2023-02-01",
    );
    assert_eq!(period_of(&got, "1,330"), "2022-01..2022-01");
}

#[test]
fn a_qualified_amount_of_change_is_measured_from_the_base_after_it() {
    // "more than" between the change word and the digits hides neither: the previous year is
    // the base, not the amount's own period.
    let bound = figures_and_bindings(
        &[
            "The agency says 13,823 foreign nationals applied for refugee status in 2023.",
            "That marked an increase of more than 10,000 from the previous year.",
        ],
        "2024-03-26",
    );
    let (_, binding) = &bound[1][0];
    assert_eq!(
        span_of(binding),
        ("2023-01".to_string(), "2023-12".to_string())
    );
    let base = binding
        .compared_with
        .as_ref()
        .map(|period| period.start.to_string());
    assert_eq!(base.as_deref(), Some("2022-01"));
}

#[test]
fn a_forecast_to_the_end_of_the_year_is_the_publication_year() {
    let got = bind(
        "The minister warned that the number passing through the Darien Gap could reach 400,000 by the end of the year.",
        "2023-07-31",
    );
    assert_eq!(period_of(&got, "400,000"), "2023-01..2023-12");
    // A stock forecast to the year's end is the point.
    let got = bind(
        "The population will reach 5.2 million by the end of this year.",
        "2023-07-31",
    );
    assert_eq!(period_of(&got, "5.2 million"), "2023-12..2023-12");
    // "by year's end" and "by year-end" say the same, in the figure's own clause before a flow's
    // partial period of the same sentence.
    let got = bind(
        "Since the start of 2025, an average of 600 people per day have arrived, with the refugee population expected to reach 2 million by year's end.",
        "2025-08-05",
    );
    assert_eq!(period_of(&got, "2 million"), "2025-12..2025-12");
    let got = bind(
        "The population will reach 5.2 million by year-end.",
        "2023-07-31",
    );
    assert_eq!(period_of(&got, "5.2 million"), "2023-12..2023-12");
    // Outside a forecast, "the end of the year" may be the year the passage is about.
    let got = bind(
        "By the end of the year, 45,774 people had crossed.",
        "2023-07-31",
    );
    assert_ne!(period_of(&got, "45,774"), "2023-12..2023-12");
}

#[test]
fn relative_phrases_need_a_date() {
    assert!(periods_of("so far this year", "2023").is_empty());
    assert_eq!(
        periods_of("since 2021", "2023-05"),
        vec!["since 2021 2021-01..2023-05 partial"]
    );
    assert_eq!(
        periods_of("between 2015 and 2020", ""),
        vec!["between 2015 and 2020 2015-01..2020-12"]
    );
    assert_eq!(
        periods_of("in the 1970s", ""),
        vec!["the 1970s 1970-01..1979-12"]
    );
}

#[test]
fn numbers_are_not_years() {
    // "2,022" and "$2000" are amounts; a count the annotator found is never a year.
    assert!(periods_of("a rise of 2,022 people and a fee of $2019", "2023-05").is_empty());
    let text = "They found 2000 migrants.";
    let counts = [Span::new(11, 15)];
    assert!(period::find(text, BindRules::builtin(), None, &counts).is_empty());
}

#[test]
fn agencies_bind_by_clause() {
    let text = "Panama's National Migration Service counted 520,000 crossings, while U.S. Border Patrol recorded 2.5 million encounters.";
    let figures = crate::figures::annotate(text);
    let sentence = SentenceFigures {
        span: Span::new(0, text.len()),
        text,
        figures: &figures,
    };
    let bindings = bind_passage(&[sentence], None, BindRules::builtin());
    let agencies: Vec<Option<String>> = bindings[0].iter().map(|b| b.counted_by.clone()).collect();
    assert_eq!(
        agencies,
        vec![
            Some("Panama's National Migration Service".into()),
            Some("U.S. Border Patrol".into())
        ]
    );
}

#[test]
fn rules_file_parses() {
    let rules: BindRules = crate::data_file::builtin::BINDING.parse().unwrap();
    assert_eq!(rules.fiscal_start_month, 10);
    assert!(rules.agencies.len() > 10);
}

#[test]
fn month_ranges_resolve_their_years() {
    assert_eq!(
        periods_of(
            "From October through February agents logged 9,753 encounters.",
            "2023-03-02"
        ),
        vec!["From October through February 2022-10..2023-02"]
    );
    assert_eq!(
        periods_of("between October 1, 2022, and February 28, 2023", ""),
        vec!["between October 1, 2022, and February 28, 2023 2022-10..2023-02"]
    );
    // Day first, as written outside the US.
    assert_eq!(
        periods_of("from 1 January to 30 December 2022", ""),
        vec!["from 1 January to 30 December 2022 2022-01..2022-12"]
    );
}

#[test]
fn a_year_not_over_at_publication_is_a_part_unless_forecast() {
    assert_eq!(
        bind(
            "Border Patrol agents registered 24,296 citizens from China in fiscal year 2024.",
            "2024-04-15"
        )[0]
        .1,
        "2023-10..2024-04 partial of FY2024 fiscal"
    );
    assert_eq!(
        bind("Remittances will reach $66 billion in 2024.", "2024-02-10")[0].1,
        "2024-01..2024-12"
    );
    // A plan (a cap, a target, a quota) is for the whole year too.
    assert_first_period(
        "He set a cap of up to 125,000 refugees for fiscal year 2025.",
        "2024-10-02",
        "2024-10..2025-09 fiscal",
    );
}

#[test]
fn comparison_bases_are_not_the_figures_period() {
    // "the same period last year" is what the 13 per cent is measured against.
    let got = bind(
        "In January 2024, 1,335 migrants crossed - a 13 per cent increase over the same period last year.",
        "2024-02-01",
    );
    assert_eq!(got[1].0, "13 per cent");
    assert_eq!(got[1].1, "2024-01..2024-01");
    assert_eq!(got[1].2, Some(PeriodSource::Sentence));
    // "in the last year" is the twelve months to the publication date, not the previous year.
    assert_eq!(
        bind(
            "Some 155,754 migrants landed in the last year.",
            "2023-12-30"
        )[0]
        .1,
        "2022-12..2023-11"
    );
    // So is "over the last year"; "over last year" is a comparison's base.
    assert_first_period(
        "The U.S. took in 100,000 refugees over the last year.",
        "2024-10-02",
        "2023-10..2024-09",
    );
    let found = period::find(
        "Arrivals rose 10% over last year.",
        BindRules::builtin(),
        publication_month("2024-10-02"),
        &[],
    );
    assert!(
        !found.is_empty() && found.iter().all(|found| found.base),
        "{found:?}"
    );
}

#[test]
fn a_month_named_alone_takes_the_year_of_its_sentence() {
    assert_eq!(
        bind(
            "The last September high was when Border Patrol recorded 207,597 encounters in 2022.",
            "2023-10-19"
        )[0]
        .1,
        "2022-09..2022-09"
    );
}

#[test]
fn a_period_carries_from_one_passage_to_the_next_as_a_fallback() {
    let first = "In fiscal 2023, agents made 4,000 arrests.";
    let second = "Families made up 1,200 of them.";
    let bindings = &bind_paragraphs(&[first, second], "2024-01-05")[1..];
    let binding = &bindings[0][0];
    assert_eq!(binding.period_source, Some(PeriodSource::Passage));
    assert_eq!(span_of(binding), ("2022-10".into(), "2023-09".into()));
    // The carried period's words are in the first passage.
    assert_eq!(binding.period_span, Some(Span::new(3, 14)));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Garbage in: binding never panics, every period span slices its sentence on character
    /// boundaries, and there is one binding per figure.
    #[test]
    fn any_text_binds_without_panicking(text in "(?s).{0,160}", date in "[0-9-]{0,10}") {
        let anchor = publication_month(&date);
        for found in period::find(&text, BindRules::builtin(), anchor, &[]) {
            proptest::prop_assert!(text.get(found.span.start..found.span.end).is_some());
        }
        let figures = crate::figures::annotate(&text);
        let sentence = SentenceFigures { span: Span::new(0, text.len()), text: &text, figures: &figures };
        let bindings = bind_passage(&[sentence], anchor, BindRules::builtin());
        proptest::prop_assert_eq!(bindings[0].len(), figures.len());
        for binding in &bindings[0] {
            if let Some(span) = binding.period_span {
                proptest::prop_assert!(text.get(span.start..span.end).is_some());
            }
        }
    }

    /// Period words with numbers and months in any order never panic either.
    #[test]
    fn period_words_in_any_order(words in proptest::collection::vec(
        "(FY|fiscal|year|since|through|first|months|of|the|so far|this|last|in|alone|October|May|Sept\\.|2023|23|07|five|31|days|-|and|between|to|,)",
        0..12,
    )) {
        let text = words.join(" ");
        for found in period::find(&text, BindRules::builtin(), publication_month("2023-03-15"), &[]) {
            proptest::prop_assert!(found.period.start <= found.period.end, "{}", text);
        }
    }
}

#[test]
fn quarters_are_three_months_and_a_part_of_their_year() {
    // Invented sentences, one per way of writing a quarter.
    assert_eq!(
        periods_of(
            "In the second quarter of 2019, 4,000 people applied.",
            "2019-09-01"
        ),
        ["the second quarter of 2019 2019-04..2019-06 partial"]
    );
    assert_eq!(
        periods_of(
            "Applications rose in Q1 2022 and fell in 2021 Q4.",
            "2022-06-01"
        ),
        [
            "Q1 2022 2022-01..2022-03 partial",
            "2021 Q4 2021-10..2021-12 partial"
        ]
    );
    // Without a year: the latest such quarter begun by the publication date.
    assert_eq!(
        periods_of("Arrests doubled in the year's first quarter.", "2021-05-10"),
        ["the year's first quarter 2021-01..2021-03 partial"]
    );
    assert_eq!(
        periods_of("It was lower in the fourth quarter.", "2021-05-10"),
        ["the fourth quarter 2020-10..2020-12 partial"]
    );
    let got = bind(
        "In the first quarter of fiscal year 2020, agents made 90,000 arrests.",
        "2020-03-01",
    );
    assert_eq!(got[0].1, "2019-10..2019-12 partial of FY2020 fiscal");
    // "a quarter of" is a share, not a period.
    assert!(periods_of(
        "A quarter of the 8,000 applicants were minors.",
        "2020-03-01"
    )
    .is_empty());
}

#[test]
fn a_year_ending_in_a_month_is_the_twelve_months_to_it() {
    let got = bind(
        "Arrests for the government's budget year that ended Sept. 30 topped 1.5 million.",
        "2019-10-20",
    );
    assert_eq!(got[0].1, "2018-10..2019-09 fiscal");
    let got = bind(
        "The agency removed 150,000 people during the 2019 fiscal year that ended Sept. 30.",
        "2019-12-20",
    );
    assert_eq!(got[0].1, "2018-10..2019-09 fiscal");
    assert_eq!(
        periods_of(
            "There were 60,000 claims in the year ending June 2021.",
            "2021-09-01"
        ),
        ["the year ending June 2021 2020-07..2021-06"]
    );
    assert_eq!(
        periods_of("Visas fell in the 12 months to March.", "2022-05-01"),
        ["the 12 months to March 2021-04..2022-03"]
    );
}

#[test]
fn the_first_days_or_month_of_a_written_year_stay_that_long() {
    let got = bind(
        "During the first 31 days of 2020, a total of 900 people crossed.",
        "2020-02-02",
    );
    assert_eq!(got[0].1, "2020-01..2020-01 partial of 2020");
    let got = bind(
        "In all, 5,000 applications were received in the first month of the year.",
        "2020-02-20",
    );
    assert_eq!(got[0].1, "2020-01..2020-01 partial of 2020");
    let got = bind(
        "Some 7,000 requests were filed in the year's first three months.",
        "2020-04-04",
    );
    assert_eq!(got[0].1, "2020-01..2020-03 partial of 2020");
}

#[test]
fn days_of_the_week_date_the_figure_unless_they_date_the_report() {
    let got = bind(
        "Some 300 people made the crossing on Monday, taking the total for 2020 to 9,000.",
        "2020-06-10",
    );
    assert_eq!(got[0].1, "2020-06..2020-06 partial of 2020-06");
    let got = bind(
        "Officials said Monday that 1,200 people applied in fiscal year 2019.",
        "2020-06-10",
    );
    assert_eq!(got[0].1, "2018-10..2019-09 fiscal");
    let got = bind(
        "Agents made 5,000 arrests during the first 27 days of December.",
        "2020-12-29",
    );
    assert_eq!(got[0].1, "2020-12..2020-12 partial of 2020-12");
    let got = bind(
        "Some 1,800 migrants arrived in the first 15 days of this month.",
        "2024-06-18",
    );
    assert_eq!(got[0].1, "2024-06..2024-06 partial of 2024-06");
    assert_eq!(
        periods_of(
            "Between January and May 2020, 4,000 fewer people applied.",
            "2020-06-10"
        ),
        ["Between January and May 2020 2020-01..2020-05 partial"]
    );
}

#[test]
fn more_than_belongs_to_the_figure_not_to_a_comparison() {
    let got = bind(
        "Agents encountered more than 150,000 migrants in March, the highest on record, officials said.",
        "2020-04-02",
    );
    assert_eq!(got[0].1, "2020-03..2020-03");
    assert_eq!(got[0].2, Some(PeriodSource::Clause));
    // A real comparison still cuts the clause: 2016 is the base, not the period.
    let got = bind(
        "In 2017 the total reached 9,000, more than in 2016.",
        "2018-04-02",
    );
    assert_eq!(got[0].1, "2017-01..2017-12");
}

#[test]
fn a_figure_inside_the_comparison_takes_the_base_and_a_change_from_a_year_is_not_carried() {
    let got = bind(
        "Crossings in 2019 were higher than 2017's total of 12,000.",
        "2020-01-10",
    );
    assert_eq!(got[0].1, "2017-01..2017-12");
    let got = bind(
        "Crossings rose 50% from 2018 to 9,000 in 2019.",
        "2020-01-10",
    );
    assert_eq!(got[1].1, "2019-01..2019-12");
    let got = bind(
        "Crossings in 2019 rose 50% from 2018, to 9,000.",
        "2020-01-10",
    );
    assert_eq!(got[1].1, "2019-01..2019-12");
    // "from 2018" starts the change: not the period the next sentence carries.
    let bound = bind_paragraphs(
        &[
            "Removals rose 40% from 2018 in fiscal year 2019.",
            "About 30,000 people were sent to Guatemala.",
        ],
        "2019-12-01",
    );
    assert_eq!(span_of(&bound[1][0]), ("2018-10".into(), "2019-09".into()));
}

#[test]
fn a_change_written_with_both_ends_is_measured_from_the_period_of_its_start() {
    let text = "Claims soared 1,500%, from 1,515 claims in 2018 to 25,465 in 2023.";
    let figures = crate::figures::annotate(text);
    let sentence = SentenceFigures {
        span: Span::new(0, text.len()),
        text,
        figures: &figures,
    };
    let bindings = bind_passage(
        &[sentence],
        publication_month("2024-03-01"),
        BindRules::builtin(),
    );
    let (range, binding) = figures
        .iter()
        .zip(&bindings[0])
        .find(|(figure, _)| figure.range.is_some_and(|range| range.low != range.high))
        .expect("the two-ended change");
    assert!(range.text.contains("in 2018"), "{}", range.text);
    assert_eq!(spans([binding]), vec!["2023-01..2023-12".to_string()]);
    let start = binding.compared_with.as_ref().expect("the start's period");
    assert_eq!(
        format!("{}..{}", start.start, start.end),
        "2018-01..2018-12"
    );
    // The year inside the change is the change's: the percent keeps 2023.
    let percent = bindings[0]
        .iter()
        .zip(&figures)
        .find(|(_, figure)| figure.unit == Unit::Percent)
        .map(|(binding, _)| spans([binding]));
    assert_eq!(percent, Some(vec!["2023-01..2023-12".to_string()]));
}

#[test]
fn the_day_a_statement_was_made_is_not_the_period_of_its_figures() {
    let got = bind(
        "Mulino said on December 19 that at least 55 migrants had died while making the crossing in 2024.",
        "2025-01-10",
    );
    assert_eq!(got[0].1, "2024-01..2024-12");
    // Without a reporting verb, the day is the figure's.
    let got = bind(
        "On December 19, 55 migrants died in the crossing.",
        "2025-01-10",
    );
    assert_eq!(got[0].1, "2024-12..2024-12");
}

#[test]
fn a_release_day_written_after_its_weekday_dates_the_release_not_the_figures() {
    let got = bind(
        "Asylum applications reached 1.14 million, according to data released by the European \
         Union Asylum Agency (EUAA) on Wednesday, the 28th of February.",
        "2024-03-01",
    );
    assert!(
        got.iter()
            .all(|(_, period, _)| !period.starts_with("2024-02")),
        "{got:?}"
    );
    // Without a reporting verb, the day is the figure's.
    assert_first_period(
        "On Wednesday, the 28th of February, 1,140 applications were lodged.",
        "2024-03-01",
        "2024-02..2024-02",
    );
}

#[test]
fn the_fiscal_year_described_by_its_start_is_the_current_one_so_far() {
    let got = bind(
        "Apprehensions for the fiscal year, which began in October, rose to 569,879.",
        "2021-04-10",
    );
    assert_eq!(got[0].1, "2020-10..2021-04 partial of FY2021 fiscal");
}

#[test]
fn the_change_of_a_level_over_a_year_is_the_flow_of_the_year_to_its_moment() {
    let got = bind(
        "The population reached 26.3 million by the end of December 2022, indicating a growth of 496,800 compared to the previous year.",
        "2023-06-15",
    );
    assert_eq!(got[0].1, "2022-12..2022-12", "{got:?}");
    assert_eq!(got[1].1, "2022-01..2022-12", "{got:?}");
    // A level at a year's end is compared with the year's end before, said or not.
    let got = bind_paragraphs(
        &[
            "Japan's foreign population was 3,768,977 as of the end of 2024, rising by 357,985 year on year.",
            "Permanent residents were most common at 918,116 (up 26,547).",
        ],
        "2025-03-20",
    );
    // The level, the year "2024" the figure reader also finds, the change.
    let first = spans(&got[0]);
    assert_eq!(
        (first[0].as_str(), first[2].as_str()),
        ("2024-12..2024-12", "2024-01..2024-12")
    );
    assert_eq!(spans(&got[1]), ["2024-12..2024-12", "2024-01..2024-12"]);
    // A month's flow against the same month a year before stays that month's.
    let got = bind(
        "In January 8,067 migrants entered Spain, an increase of 524% compared to a year ago.",
        "2024-02-05",
    );
    assert_eq!(got[1].1, "2024-01..2024-01", "{got:?}");
}

#[test]
fn a_bare_year_right_after_a_same_part_comparison_is_that_part_of_it() {
    let got = bind_paragraphs(
        &[
            "During the first 31 days of 2024, 1,335 migrants crossed the Channel, a 13 per cent increase over the same period last year.",
            "Last year there were 1,180, compared with 1,339 in 2022.",
            "In 2022 as a whole, 45,774 crossed.",
        ],
        "2024-02-01",
    );
    assert_eq!(
        spans(&got[1])[..2],
        ["2023-01..2023-01", "2022-01..2022-01"]
    );
    // Only the sentence right after; and a whole year said as one stays whole.
    assert_eq!(spans(&got[2])[1..], ["2022-01..2022-12"]);
    // The sentence may also name the part's own year so far beside the earlier one.
    let got = bind_paragraphs(
        &[
            "The National Guard said 21,545 people were intercepted between January 1 and April 30, compared with 17,576 over the same period last year.",
            "It said the interceptions occurred in an equivalent number of operations, 751 this year and 756 in 2023.",
        ],
        "2024-05-06",
    );
    assert_eq!(
        spans(&got[1])[..2],
        ["2024-01..2024-04", "2023-01..2023-04"],
        "{got:?}"
    );
    let got = bind_paragraphs(
        &[
            "During the first 31 days of 2024, 1,335 migrants crossed, a 13 per cent increase over the same period last year.",
            "In all of 2023, 29,437 crossed.",
        ],
        "2024-02-01",
    );
    assert_eq!(spans(&got[1])[1..], ["2023-01..2023-12"]);
    // A count many times those compared is a whole year's, not the same part of it.
    let got = bind_paragraphs(
        &[
            "A total of 7,270 migrants arrived between Jan. 1 and Jan. 31, a nearly 13-fold increase from the 566 in the same month in 2023.",
            "The islands were the entry point for 39,910 migrants last year, an all-time record.",
        ],
        "2024-02-05",
    );
    assert_eq!(spans(&got[1]), ["2023-01..2023-12"]);
}

#[test]
fn a_present_tense_sentence_does_not_take_an_old_period_of_an_earlier_paragraph() {
    let got = bind_paragraphs(
        &[
            "In 2022, 45,774 people crossed the Channel.",
            "The latest figures show there is a backlog of 175,000 people.",
            "Albanians accounted for 12,658 of the crossings.",
        ],
        "2023-10-26",
    );
    assert_ne!(
        got[1][0].period.as_ref().map(|p| (p.start, p.end)),
        got[0][1].period.as_ref().map(|p| (p.start, p.end)),
        "{got:?}"
    );
    assert_eq!(got[1][0].period_source, Some(PeriodSource::DocumentDate));
    // A simple past goes on with the year.
    assert_eq!(spans(&got[2]), ["2022-01..2022-12"]);
}

#[test]
fn the_start_of_the_year_is_its_first_month_and_a_span_from_it_is_a_part_of_it() {
    assert_eq!(
        periods_of(
            "It fell by 4,908 between the beginning of 2023 and July 31.",
            "2023-08-10"
        ),
        ["between the beginning of 2023 and July 31 2023-01..2023-07 partial"]
    );
    assert_eq!(
        periods_of("from the start of the year to March", "2024-05-02"),
        ["from the start of the year to March 2024-01..2024-03 partial"]
    );
    assert_eq!(
        periods_of(
            "14,667 arrived since the beginning of the year",
            "2019-07-19"
        ),
        ["since the beginning of the year 2019-01..2019-07 partial"]
    );
    assert_eq!(
        periods_of(
            "661,670 were registered at the start of the year",
            "2023-08-10"
        ),
        ["at the start of the year 2023-01..2023-01"]
    );
    assert_eq!(
        periods_of("5,123 arrived in the last quarter of 2022", "2023-08-10"),
        ["the last quarter of 2022 2022-10..2022-12 partial"]
    );
    // "last quarter" alone is no part of a named year.
    assert!(!periods_of("5,123 arrived last quarter", "2023-08-10")
        .iter()
        .any(|found| found.starts_with("last quarter")));
    // A level after "from the" is a comparison's base: its period is not the sentence's.
    let got = bind(
        "The total as of the end of July was 656,762, a decrease from the 661,670 refugees registered at the start of the year.",
        "2023-08-10",
    );
    assert_eq!(got[0].1, "2023-07..2023-07", "{got:?}");
    assert_eq!(got[1].1, "2023-01..2023-01", "{got:?}");
}

#[test]
fn a_level_at_a_cut_off_and_a_look_back_are_not_what_the_passage_goes_on_about() {
    let got = bind_paragraphs(
        &[
            "There had been 2,583,626 foreign residents as of Nov. 1, 2024, the ministry said.",
            "This is the highest number since such statistics were first published in 2006. The number stood at 2.46 million a year earlier.",
            "Residents without Korean nationality increased 5.6 percent to about 2.04 million.",
        ],
        "2025-01-10",
    );
    // A level with a perfect tense at a cut-off is the cut-off's, not a running total.
    assert_eq!(spans(&got[0])[0], "2024-11..2024-11");
    // The record's "since" dates no figure; "a year earlier" dates its own.
    assert_eq!(
        spans(&got[1]).last().map(String::as_str),
        Some("2023-11..2023-11")
    );
    // The next paragraph goes on with November 2024, not the look back.
    assert_eq!(spans(&got[2]), ["2024-11..2024-11", "2024-11..2024-11"]);
}

#[test]
fn an_events_date_is_no_period_the_passage_goes_on_with() {
    let got = bind_paragraphs(
        &[
            "According to the agency, 3,588,956 foreign nationals resided in Japan as of the end of June 2024, with the number of specified skilled workers surging 20.8% to 251,747.",
            "The visa for such workers was introduced in 2019, allowing them to take on jobs.",
            "The number of trainees grew by 5.2% to 425,714.",
        ],
        "2024-10-10",
    );
    assert_eq!(
        spans(&got[2]),
        ["2024-06..2024-06", "2024-06..2024-06"],
        "{got:?}"
    );
    // A sentence with a statistic of its year still goes on with it.
    let got = bind_paragraphs(
        &[
            "The visa was introduced in 2019, when 3,000 workers came.",
            "The number of trainees grew by 5.2% to 425,714.",
        ],
        "2024-10-10",
    );
    assert_eq!(
        spans(&got[1]),
        ["2019-01..2019-12", "2019-01..2019-12"],
        "{got:?}"
    );
}

#[test]
fn a_share_at_a_cut_off_is_the_cut_offs() {
    // A share of those granted protection is a level at the cut-off, not a running total.
    let got = bind(
        "They added that as of September 30, 2025, Ukrainian citizens accounted for over 98.4% of those granted temporary protection in the EU.",
        "2025-11-10",
    );
    assert_eq!(got[0].1, "2025-09..2025-09", "{got:?}");
    // The count of those granted it by the cut-off still runs from the year's start.
    let got = bind(
        "As of September 30, 2025, 79,205 people had been granted temporary protection in the EU.",
        "2025-11-10",
    );
    assert_eq!(got[0].1, "2025-01..2025-09 partial of 2025", "{got:?}");
}

#[test]
fn a_day_named_again_without_its_year_is_the_same_day() {
    let got = bind_paragraphs(
        &[
            "Refugees returned from Jordan to Syria from December 8, 2024, until January 31 reached 181,823.",
            "The Commission reported that since December 8, about 18,000 refugees returned to Jordan.",
        ],
        "2026-02-11",
    );
    assert_eq!(spans(&got[1]), ["2024-12..2026-02"], "{got:?}");
    // Without the earlier date, the latest December 8 before the publication.
    let got = bind_paragraphs(
        &["The Commission reported that since December 8, about 18,000 refugees returned to Jordan."],
        "2026-02-11",
    );
    assert_eq!(spans(&got[0]), ["2025-12..2026-02"], "{got:?}");
}

#[test]
fn over_right_after_a_level_dates_it() {
    let got = bind(
        "The National Guard said 21,545 people were intercepted between January 1 and April 30, compared with 17,576 over the same period last year.",
        "2024-05-06",
    );
    assert_eq!(
        period_of(&got, "17,576"),
        "2023-01..2023-04 partial of 2023"
    );
    // After a change word, "over" names the change's base.
    let got = bind(
        "Arrivals between January 1 and April 30 were up by 12,000 over the same period last year.",
        "2024-05-06",
    );
    assert_eq!(
        period_of(&got, "12,000"),
        "2024-01..2024-04 partial of 2024"
    );
}

#[test]
fn the_year_so_far_in_its_last_month_is_still_a_part_of_it() {
    let got = bind(
        "Nearly 70,000 migrants have been intercepted this year while attempting to cross.",
        "2023-12-11",
    );
    assert_eq!(got[0].1, "2023-01..2023-12 partial of 2023", "{got:?}");
    let got = bind("Some 500 people died so far this year.", "2023-12-20");
    assert_eq!(got[0].1, "2023-01..2023-12 partial of 2023", "{got:?}");
    // A year a December article counts without a perfect tense or a cue is the whole year.
    let got = bind("Arrivals reached 70,000 this year.", "2023-12-20");
    assert_eq!(got[0].1, "2023-01..2023-12", "{got:?}");
}

#[test]
fn the_year_so_far_is_the_current_year_to_date() {
    let got = bind(
        "The latest figures take the provisional total for the year so far to 19,294.",
        "2024-08-20",
    );
    assert_eq!(got[0].1, "2024-01..2024-08 partial of 2024");
    let got = bind(
        "The total for the fiscal year so far is 19,294.",
        "2024-08-20",
    );
    assert_eq!(got[0].1, "2023-10..2024-08 partial of FY2024 fiscal");
}

#[test]
fn a_change_on_a_year_is_measured_from_it_and_may_before_a_year_is_the_month() {
    // "down on 2022": the British "on" of a change names its base, not the figure's period.
    let got = periods_of("The figure is 10% down on 2022.", "2024-08-13");
    assert_eq!(got, vec!["2022 2022-01..2022-12".to_string()]);
    let found = period::find(
        "The figure is 10% down on 2022.",
        BindRules::builtin(),
        None,
        &[],
    );
    assert!(
        found.iter().all(|found| found.base),
        "the base of the change"
    );
    // "up on Monday" is a day, not a base.
    let found = period::find(
        "Arrivals were up on Monday.",
        BindRules::builtin(),
        None,
        &[],
    );
    assert!(found.iter().all(|found| !found.base));
    let got = periods_of("a 42% decrease from may 2023", "2023-07-19");
    assert_eq!(got, vec!["may 2023 2023-05..2023-05".to_string()]);
}

#[test]
fn a_period_across_a_comma_is_further_than_one_beside_the_figure() {
    assert_first_period("Despite the inrush in 2023, the number is still below the almost 64,300 people who travelled illegally to Spain in 2018.", "2024-01-05", "2018-01..2018-12");
}

#[test]
fn an_event_dated_after_since_starts_the_period_to_date() {
    let got = bind(
        "Since the deal was signed in April by her predecessor, 40,460 people have arrived.",
        "2023-01-01",
    );
    assert_eq!(
        got[0].1, "2022-04..2023-01 partial of the period to date",
        "{got:?}"
    );
    let got = bind(
        "More than 115 000 have arrived since the start of 2024.",
        "2024-06-20",
    );
    assert_eq!(
        got[0].1, "2024-01..2024-06 partial of the period to date",
        "{got:?}"
    );
}

#[test]
fn an_annual_figure_dated_by_a_month_or_quarter_is_the_twelve_months_to_it() {
    let date = "2025-12-11";
    let got = bind(
        "Annual growth in the civilian population bottomed in March 2025 at 415,100.",
        date,
    );
    assert_eq!(period_of(&got, "415,100"), "2024-04..2025-03", "{got:?}");
    let got = bind("Annual NOM slowed to 305,500 in the June quarter.", date);
    assert_eq!(period_of(&got, "305,500"), "2024-07..2025-06", "{got:?}");
    // A stock at a point stays the point, whatever publication is annual.
    let got = bind(
        "Its annual Global Trends survey found 68.5 million people displaced at the end of 2017.",
        "2018-06-19",
    );
    assert_eq!(
        period_of(&got, "68.5 million"),
        "2017-12..2017-12",
        "{got:?}"
    );
    // Without "annual", the month's own count.
    let got = bind("Arrivals reached 4,000 in March 2025.", date);
    assert_eq!(period_of(&got, "4,000"), "2025-03..2025-03", "{got:?}");
}

#[test]
fn two_years_written_in_full_before_financial_year_are_one_year_across_two() {
    let got = figures_and_bindings(
        &["Net overseas migration fell to 305,600 over the 2024-2025 financial year, Australian Bureau of Statistics figures show."],
        "2025-12-10",
    );
    let (figure, binding) = &got[0][0];
    assert_eq!(figure.text, "305,600");
    assert_eq!(span_of(binding), ("2024-07".into(), "2025-06".into()));
}

#[test]
fn a_month_of_the_year_before_this_or_after_is_that_month() {
    let date = "2024-08-20";
    assert_first_period(
        "In July last year, the island saw 18,723 arrivals.",
        date,
        "2023-07..2023-07",
    );
    assert_first_period("In July of last year 300 came.", date, "2023-07..2023-07");
    // A month not yet come this year is not last year's.
    assert_first_period(
        "In October this year 60 may come.",
        date,
        "2024-10..2024-10",
    );
    assert_first_period(
        "In January next year 70 will come.",
        date,
        "2025-01..2025-01",
    );
    // The end of a span of months is the span's.
    assert_first_period(
        "From June to August this year 90 came.",
        date,
        "2024-06..2024-08",
    );
    assert_first_period(
        "104,061 people arrived from 1 January to 30 December last year.",
        "2023-01-02",
        "2022-01..2022-12",
    );
}

#[test]
fn this_year_after_a_month_of_last_year_is_that_month() {
    let got = bind(
        "In July last year, the small island saw 18,723 arrivals, compared to 4,231 this year.",
        "2024-08-20",
    );
    assert_eq!(period_of(&got, "18,723"), "2023-07..2023-07", "{got:?}");
    assert_eq!(period_of(&got, "4,231"), "2024-07..2024-07", "{got:?}");
    // Without a month of last year, this year is the year to date.
    let got = bind(
        "Last year 18,723 came, compared to 4,231 this year.",
        "2024-08-20",
    );
    assert_eq!(
        period_of(&got, "4,231"),
        "2024-01..2024-08 partial of 2024",
        "{got:?}"
    );
}

#[test]
fn a_part_of_last_year_is_that_part_never_the_whole_year() {
    let date = "2024-08-20";
    assert_first_period(
        "In the first half of last year 100 came.",
        date,
        "2023-01..2023-06 partial of 2023",
    );
    assert_first_period(
        "In the first quarter of last year 120 came.",
        date,
        "2023-01..2023-03 partial of 2023",
    );
    let got = bind("Between January and March last year, 160 came.", date);
    assert_eq!(
        got[0].1.split(' ').next(),
        Some("2023-01..2023-03"),
        "{got:?}"
    );
    let got = bind("From January to June of last year 170 came.", date);
    assert_eq!(
        got[0].1.split(' ').next(),
        Some("2023-01..2023-06"),
        "{got:?}"
    );
    // A year written in the part stays the part's.
    assert_first_period(
        "In the first half of 2022 90 came, against last year's total.",
        date,
        "2022-01..2022-06 partial of 2022",
    );
}

#[test]
fn since_early_mid_or_late_in_a_year_runs_from_it_to_the_publication() {
    let date = "2025-07-11";
    assert_first_period(
        "Up to 150,000 Rohingya had arrived since early 2024.",
        date,
        "2024-01..2025-07 partial of the period to date",
    );
    assert_first_period(
        "300 arrived since mid-2024.",
        date,
        "2024-06..2025-07 partial of the period to date",
    );
    assert_first_period(
        "5,000 arrived since late 2023.",
        date,
        "2023-12..2025-07 partial of the period to date",
    );
    // "since 2017, when …": the clause describes that year, whole.
    let got = bind(
        "The movement is the largest since 2017, when some 750,000 fled the violence.",
        date,
    );
    assert_eq!(
        period_of(&got, "some 750,000"),
        "2017-01..2017-12",
        "{got:?}"
    );
}

#[test]
fn a_stock_carried_a_running_total_is_the_level_at_its_end() {
    let got = figures_and_bindings(
        &[
            "Some 1.3 million Sudanese have returned home so far this year, the agencies said.",
            "Sudan has 10 million IDPs, they said.",
            "Over four million have sought refuge in neighbouring countries.",
            "Another 320,000 crossed back from Egypt.",
        ],
        "2025-07-25",
    );
    let period = |paragraph: usize| {
        let (_, binding) = &got[paragraph][0];
        (span_of(binding), binding.period_source)
    };
    // The running total of the first paragraph, carried.
    assert_eq!(
        period(0),
        (
            ("2025-01".into(), "2025-07".into()),
            Some(PeriodSource::Clause)
        )
    );
    // A stock takes its end.
    assert_eq!(
        period(1),
        (
            ("2025-07".into(), "2025-07".into()),
            Some(PeriodSource::Passage)
        )
    );
    assert_eq!(
        period(2),
        (
            ("2025-07".into(), "2025-07".into()),
            Some(PeriodSource::Passage)
        )
    );
    // A flow keeps the running total.
    assert_eq!(
        period(3),
        (
            ("2025-01".into(), "2025-07".into()),
            Some(PeriodSource::Passage)
        )
    );
}

#[test]
fn a_stock_counted_in_a_year_is_the_count_at_its_end() {
    assert_first_period("The number of refugees and internally displaced persons (IDPs) in the world reached 68.5 million in 2017.", "2018-06-19", "2017-12..2017-12");
    assert_first_period(
        "The number of cases pending stood at 883,000 in 2023.",
        "2024-03-01",
        "2023-12..2023-12",
    );
    // "a new high" is no flow.
    assert_first_period("The figure brings the total worldwide population of forcibly displaced people to a new high of 68.5 million in 2017.", "2018-06-19", "2017-12..2017-12");
    // A flow in the same sentence keeps the year whole.
    assert_first_period(
        "A record 16.2 million people were forcibly displaced in 2017.",
        "2018-06-19",
        "2017-01..2017-12",
    );
    // Recognising or naturalising people is an act counted over the year, not a stock.
    assert_first_period(
        "Japan recognized a record 303 refugees in 2023.",
        "2024-03-26",
        "2023-01..2023-12",
    );
    // The figure's own clause decides when it says a stock or a flow: "than its own population
    // of 9,000" is a level, whatever the sentence's "received" counts.
    assert_first_period(
        "El Hierro received more migrants than its own population of 9,000 in 2023.",
        "2024-02-01",
        "2023-12..2023-12",
    );
    let got = bind(
        "In 2023 the asylum backlog was still nearly 100,000 cases, and hotels cost the taxpayer £8m a day.",
        "2024-01-10",
    );
    assert_eq!(
        period_of(&got, "nearly 100,000"),
        "2023-12..2023-12",
        "{got:?}"
    );
    // A stock's change in a year is that year's flow.
    assert_first_period(
        "The temporary population will decline by 445,901 in 2025.",
        "2024-10-25",
        "2025-01..2025-12",
    );
    assert_first_period(
        "The temporary population will start increasing slightly by 17,439 in 2027.",
        "2024-10-25",
        "2027-01..2027-12",
    );
}

#[test]
fn a_bare_same_period_is_the_passage_span_in_the_year_its_sentence_names() {
    let bound = bind_paragraphs(
        &[
            "So far this year 19,294 people have crossed the Channel.",
            "This is a 10% increase on the figure recorded last year.",
            "The figure is 10% down on 2022, when 21,344 crossings were recorded in the same period.",
        ],
        "2024-08-13",
    );
    // "last year" after "an increase on the figure recorded" is the change's base: the passage
    // stays on this year so far, and "the same period" is that span in 2022.
    let crossings = bound[2].last().expect("21,344");
    assert_eq!(span_of(crossings), ("2022-01".into(), "2022-08".into()));
    // The "when" clause's period is 2022's, not the 10%'s: that one goes on with this year.
    let change = bound[2].first().expect("10%");
    assert_eq!(span_of(change), ("2024-01".into(), "2024-08".into()));
    // With no span before it, a bare "in the same period" names no period.
    let found = period::find(
        "21,344 crossings were recorded in the same period.",
        BindRules::builtin(),
        publication_month("2024-08-13"),
        &[],
    );
    let mut found = found;
    period::same_span_in_named_year(&mut found, None);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_day_named_in_a_sentence_without_a_statistic_is_not_carried() {
    let bound = bind_paragraphs(
        &[
            "The survey found 68.5 million people had been driven from their homes at the end of 2017.",
            "The report is published each year ahead of World Refugee Day on June 20th.",
            "Refugees accounted for 25.4 million.",
        ],
        "2018-06-19",
    );
    let refugees = bound[2].last().expect("25.4 million");
    assert_eq!(span_of(refugees), ("2017-12".into(), "2017-12".into()));
    // A month without a day is the passage's period still.
    let bound = bind_paragraphs(
        &[
            "Crossings fell sharply in May 2018.",
            "About 25,000 people crossed.",
        ],
        "2018-06-19",
    );
    assert_eq!(span_of(&bound[1][0]), ("2018-05".into(), "2018-05".into()));
}

#[test]
fn a_forecast_for_this_year_is_the_whole_year() {
    let got = bind(
        "Officials said crossings this year could reach half a million.",
        "2020-09-27",
    );
    assert_eq!(got[0].1, "2020-01..2020-12");
}

#[test]
fn the_same_period_a_year_earlier_is_the_sentence_period_shifted() {
    let got = bind(
        "Arrests for the budget year that ended Sept. 30 fell 7% from more than 1.9 million arrests in the same period a year earlier.",
        "2019-10-20",
    );
    let last = got.last().unwrap();
    assert_eq!(last.1, "2017-10..2018-09 fiscal");
    let got = bind(
        "Compared with the third quarter of 2018, the number of returns went up by 2.7%.",
        "2019-12-10",
    );
    assert_ne!(
        got[0].1, "2018-07..2018-09 partial of 2018",
        "the base is not the figure's"
    );
}

#[test]
fn a_possessive_period_owns_the_figure_after_it() {
    let got = bind(
        "Some 9,578 migrants have crossed since January, up on last year's annual total of 9,437.",
        "2020-10-20",
    );
    assert_eq!(got[0].1, "2020-01..2020-10 partial of the period to date");
    assert_eq!(got[1].1, "2019-01..2019-12");
    // A possessive owning another noun dates that noun, not the clause's figure.
    let got = bind(
        "Most left from Tripoli, with only 939 arrivals from the east, reversing last year's trend.",
        "2024-10-20",
    );
    assert_ne!(got[0].1, "2023-01..2023-12", "{got:?}");
}

#[test]
fn a_relative_clause_takes_the_period_it_refers_back_to() {
    let got = bind(
        "September marked the end of FY 2019, during which encounters totaled 977,509.",
        "2019-10-20",
    );
    assert_eq!(got[0].1, "2018-10..2019-09 fiscal");
    assert_eq!(got[0].2, Some(PeriodSource::Clause));
}

#[test]
fn respectively_pairs_figures_and_periods_in_order() {
    let got = bind(
        "The total far exceeded the 132,963 and 103,479 encounters reported in August and July, respectively.",
        "2019-10-02",
    );
    assert_eq!(got[0].1, "2019-08..2019-08");
    assert_eq!(got[1].1, "2019-07..2019-07");
    let got = bind(
        "Encounters totaled 977,509, as opposed to 396,579 and 310,531 in 2018 and 2017, respectively.",
        "2019-10-02",
    );
    assert_eq!(got[1].1, "2018-01..2018-12");
    assert_eq!(got[2].1, "2017-01..2017-12");
    // "August and July" without "between" is two months, not a range.
    assert_eq!(
        periods_of("Crossings rose in August and July.", "2019-10-02"),
        ["in August 2019-08..2019-08", "July 2019-07..2019-07"]
    );
    // Two months that follow each other are the two together, unless days are named.
    assert_eq!(
        periods_of(
            "In January and February, remittances increased by 14.2 percent.",
            "2025-04-20"
        ),
        ["January and February 2025-01..2025-02 partial"]
    );
    assert_eq!(
        periods_of(
            "Crossings peaked on August 11 and September 2.",
            "2019-10-02"
        )
        .len(),
        2
    );
}

#[test]
fn the_same_period_of_a_named_year_is_the_sentence_period_moved_to_that_year() {
    let got = bind(
        "Between January and May 2021, 9,100 people applied, fewer than the 11,250 registered in the same period of 2019.",
        "2021-06-21",
    );
    assert_eq!(got[0].1, "2021-01..2021-05 partial of 2021");
    assert_eq!(got[1].1, "2019-01..2019-05 partial of 2019");
    // With no other period in the sentence: the part of that year the publication has reached.
    let got = bind(
        "Applications fell to 4,000, against 6,000 in the same months of 2020.",
        "2022-04-02",
    );
    assert_eq!(got[1].1, "2020-01..2020-04 partial of 2020");
}

#[test]
fn a_so_far_period_ends_where_the_document_says_its_data_end() {
    let bound = bind_paragraphs(
        &[
            "Applications fell 41.9% so far this year, to 36,860.",
            "Between January and May 2024, there were 26,576 fewer than a year before.",
        ],
        "2024-06-21",
    );
    assert_eq!(span_of(&bound[0][0]), ("2024-01".into(), "2024-05".into()));
    assert!(!bound[0][0].period.as_ref().unwrap().approximate_end);
    // Named nowhere else: the end stays the publication date, approximate.
    let bound = bind_paragraphs(
        &["Applications fell 41.9% so far this year, to 36,860."],
        "2024-06-21",
    );
    assert_eq!(span_of(&bound[0][0]), ("2024-01".into(), "2024-06".into()));
    assert!(bound[0][0].period.as_ref().unwrap().approximate_end);
    // A span ending long before is another period, not where the so-far data end.
    let bound = bind_paragraphs(
        &[
            "Applications fell 41.9% so far this year, to 36,860.",
            "Between January and February 2024, 9,000 applied.",
        ],
        "2024-06-21",
    );
    assert_eq!(span_of(&bound[0][0]), ("2024-01".into(), "2024-06".into()));
}

#[test]
fn a_so_far_period_ends_at_the_month_before_publication_the_document_counts() {
    let of = |paragraphs: &[&str], date: &str, figure: &str| {
        let mut all: Vec<(Figure, Binding)> = figures_and_bindings(paragraphs, date)
            .into_iter()
            .flatten()
            .collect();
        settle_to_date_ends(
            all.iter_mut().map(|(_, binding)| binding).collect(),
            Some(date),
        );
        all.into_iter()
            .find(|(found, _)| found.text == figure)
            .map(|(_, binding)| binding)
            .unwrap()
    };
    let total = of(
        &[
            "New asylum seekers reached 31,887 in October this year.",
            "So far in 2023, 267,384 initial applications have been received.",
        ],
        "2023-11-14",
        "267,384",
    );
    assert_eq!(span_of(&total), ("2023-01".into(), "2023-10".into()));
    // Still an inference: the end stays approximate.
    assert!(total.period.as_ref().unwrap().approximate_end);
    // A month two before publication is an example, not where the data stop.
    let total = of(
        &[
            "In August of this year, the authorities registered 4,000 migrants.",
            "So far in 2023, 27,500 migrants have arrived.",
        ],
        "2023-10-20",
        "27,500",
    );
    assert_eq!(span_of(&total), ("2023-01".into(), "2023-10".into()));
}

#[test]
fn the_same_period_last_year_ends_where_the_running_total_it_repeats_ends() {
    let got = bind_paragraphs(
        &[
            "In the period January to May, 103,467 applications were received.",
            "The authorities have processed 131,750 applications so far this year. In the same period last year, 108,606 applications were processed.",
        ],
        "2024-06-20",
    );
    let last = got[1].last().unwrap();
    assert_eq!(
        span_of(last),
        ("2023-01".into(), "2023-05".into()),
        "{got:?}"
    );
}

#[test]
fn the_same_period_under_a_predecessor_last_year_is_a_year_before() {
    let got = bind(
        "During the first six months of the year, 56,000 Mexican nationals were repatriated, \
         compared to 82,000 deported during the same period under predecessor Joe Biden last year.",
        "2025-08-25",
    );
    assert_eq!(
        period_of(&got, "56,000"),
        "2025-01..2025-06 partial of 2025",
        "{got:?}"
    );
    assert_eq!(
        period_of(&got, "82,000"),
        "2024-01..2024-06 partial of 2024",
        "{got:?}"
    );
}

#[test]
fn this_time_last_year_repeats_only_a_period_named_before_it() {
    let got = bind(
        "This is 12% higher than the 26,501 recorded this time last year but 22% lower than the 38,129 people making the journey at this stage in 2022.",
        "2024-10-26",
    );
    let of = |text: &str| {
        got.iter()
            .find(|(figure, ..)| figure == text)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(of("26,501"), "2023-01..2023-10 partial of 2023");
    assert_eq!(of("38,129"), "2022-01..2022-10 partial of 2022");
}

#[test]
fn a_running_total_as_of_a_date_counts_from_the_start_of_its_year() {
    let got = bind(
        "According to the authorities, as of Dec. 20, 513,782 migrants had crossed the Darien.",
        "2023-12-22",
    );
    assert_eq!(got[0].1, "2023-01..2023-12 partial of 2023");
    let got = bind(
        "As of 6 am Wednesday, 399,606 migrants had entered the country through the jungle in 2023.",
        "2023-09-27",
    );
    assert_eq!(got[0].1, "2023-01..2023-09 partial of 2023");
    // A counted act with a day-first cut-off, and the breakdown that goes on with it.
    let got = bind(
        "The IOM reported that 18,646 migrants were intercepted at sea and returned to Libya as of 12 October 2024. These include 16,386 men.",
        "2024-10-20",
    );
    assert_eq!(got[0].1, "2024-01..2024-10 partial of 2024", "{got:?}");
    assert_eq!(got[1].1, "2024-01..2024-10 partial of 2024", "{got:?}");
    // A level at a date is the date's: no perfect tense, no running total.
    let got = bind(
        "As of June 2023, 110 million people were displaced worldwide.",
        "2023-10-01",
    );
    assert_eq!(got[0].1, "2023-06..2023-06");
    // Run to the end of the year's last month, the total is the whole year's.
    let got = bind(
        "As of December 31, 2023, some 29,437 migrants had crossed the Channel.",
        "2024-01-05",
    );
    assert_eq!(got[0].1, "2023-01..2023-12", "{got:?}");
}

#[test]
fn a_month_named_alone_takes_the_year_another_clause_of_its_sentence_names() {
    // "by the end of December" is a cut-off of a running total, and the year is 2022's, not the
    // publication's last December.
    let got = bind(
        "The first year in which at least 25,000 arrivals were recorded was 2022, when the milestone was passed on August 27, and the total went on to hit a record 45,774 by the end of December.",
        "2025-01-02",
    );
    assert_eq!(got[2].1, "2022-01..2022-12", "{got:?}");
    // A year that is a comparison's base lends nothing: "In December, crossings rose 20% from
    // 2022" keeps the latest December.
    let got = bind(
        "In December, 12,000 migrants crossed, up 20% compared with 2022.",
        "2024-01-10",
    );
    assert_eq!(got[0].1, "2023-12..2023-12", "{got:?}");
}

#[test]
fn a_date_of_a_citation_glued_into_the_sentence_is_no_period() {
    let got = periods_of(
        "Fertility has dropped to 2.2 children,1 “Population Growth in Mexico,”August 7, 2018, accessed December 19, 2018, and more.",
        "2019-02-01",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_change_running_to_the_time_of_writing_takes_no_other_clause_period() {
    let got = bind(
        "The birth rate for women in Mexico has dropped to 2.2 children, from 6.5 children in the 1970s, and income per capita reached US$13,245 in 2011.",
        "2019-02-01",
    );
    let rate = got
        .iter()
        .find(|(figure, ..)| figure.starts_with("2.2"))
        .unwrap();
    assert_eq!(rate.2, Some(PeriodSource::DocumentDate), "{got:?}");
    let income = got
        .iter()
        .find(|(figure, ..)| figure == "US$13,245")
        .unwrap();
    assert_eq!(income.1, "2011-01..2011-12");
}
#[test]
fn a_footnote_marker_after_a_period_phrase_does_not_hide_it() {
    let got = periods_of(
        "48 percent said they experienced discrimination in the past 12 months.2 “U.S. Muslims Concerned,”July 26,2017.",
        "2019-02-01",
    );
    assert_eq!(got, ["the past 12 months 2018-02..2019-01"]);
}

#[test]
fn a_cut_off_date_after_multibyte_text_never_splits_a_character() {
    for pad in ["", "x", "xx"] {
        let text = format!("{pad}——————————— the count on 20 March 2023 was 5,000 and had risen.");
        bind(&text, "2023-03-21");
        let text = format!("{pad}ééééééééééééééé as of March 20, 5,000 migrants had crossed.");
        let got = bind(&text, "2023-03-21");
        assert_eq!(got[0].1, "2023-01..2023-03 partial of 2023", "{text}");
    }
}

#[test]
fn bare_years_in_a_sentence_that_counts_in_fiscal_years_are_fiscal() {
    let got = bind(
        "Apprehensions reached 1,900,000 in fiscal 2022, against 1,650,000 and 400,000 in 2021 and 2020, respectively.",
        "2023-01-10",
    );
    assert_eq!(
        got.iter()
            .map(|(_, period, _)| period.as_str())
            .collect::<Vec<_>>(),
        [
            "2021-10..2022-09 fiscal",
            "2020-10..2021-09 fiscal",
            "2019-10..2020-09 fiscal"
        ],
        "{got:?}"
    );
    // Without a fiscal cue the same years are calendar years.
    let got = bind(
        "Arrivals reached 1,900,000 in 2022, against 1,650,000 in 2021.",
        "2023-01-10",
    );
    assert_eq!(got[1].1, "2021-01..2021-12", "{got:?}");
}

#[test]
fn last_year_after_a_sentence_in_fiscal_years_is_the_previous_fiscal_year() {
    let first = "Agents stopped 9,100 travellers from Peru in fiscal year 2024.";
    let second = "That already tops the 8,700 stopped in all of last year.";
    let text = format!("{first} {second}");
    let figures = crate::figures::annotate(&text);
    let split = first.len() + 1;
    let (before, after): (Vec<Figure>, Vec<Figure>) = figures
        .into_iter()
        .partition(|figure| figure.span.start < split);
    let sentences = [
        SentenceFigures {
            span: Span::new(0, first.len()),
            text: first,
            figures: &before,
        },
        SentenceFigures {
            span: Span::new(split, text.len()),
            text: second,
            figures: &after,
        },
    ];
    let bindings = bind_passage(
        &sentences,
        publication_month("2024-04-15"),
        BindRules::builtin(),
    );
    let last_year = bindings[1]
        .iter()
        .zip(&after)
        .find(|(_, figure)| figure.text == "8,700")
        .and_then(|(binding, _)| binding.period.clone())
        .expect("8,700 has a period");
    assert_eq!(
        (
            last_year.start.to_string(),
            last_year.end.to_string(),
            last_year.fiscal
        ),
        ("2022-10".to_string(), "2023-09".to_string(), true)
    );
    // A sentence that says "calendar" keeps calendar years.
    let second = "That already tops the 8,700 stopped in calendar year 2023.";
    let found = period::find_in(
        second,
        BindRules::builtin(),
        publication_month("2024-04-15"),
        &[],
        true,
        None,
    );
    assert!(
        !found.is_empty() && found.iter().all(|found| !found.period.fiscal),
        "{found:?}"
    );
}

#[test]
fn a_when_clause_after_a_changes_base_is_about_that_base_period() {
    // The base of "an increase from March" is March, and the clause "when ... 4,210" says what
    // March counted: 4,210 is March's, not the article's month.
    let got = bind(
        "This is a sharp increase from March when officers recorded 4,210 arrivals.",
        "2024-05-02",
    );
    assert_eq!(got[0].0, "4,210");
    assert_eq!(got[0].1, "2024-03..2024-03", "{got:?}");
    assert_eq!(got[0].2, Some(PeriodSource::Clause));
}

#[test]
fn the_same_period_last_year_repeats_the_period_the_sentence_before_named() {
    let got = bind_paragraphs(
        &[
            "In February 2025, 61,200 people applied for asylum.",
            "In the same period last year, there were 58,900 applications.",
        ],
        "2025-05-20",
    );
    let periods: Vec<String> = got
        .iter()
        .map(|bindings| spans(bindings).join(" "))
        .collect();
    // 58,900 is the second paragraph's only figure that is not a year.
    assert!(periods[1].contains("2024-02..2024-02"), "{periods:?}");
    assert!(!periods[1].contains("2024-01..2024-05"), "{periods:?}");
}

#[test]
fn a_perfect_tense_count_by_a_day_is_a_running_total() {
    assert_first_period(
        "Nearly 12,400 people had made the journey by March 9 2024.",
        "2024-03-12",
        "2024-01..2024-03 partial of 2024",
    );
    // A month alone after "by" is no cut-off.
    let got = bind(
        "Nearly 12,400 people had made the journey by March.",
        "2024-06-12",
    );
    assert_ne!(got[0].1, "2024-01..2024-03 partial of 2024", "{got:?}");
}

#[test]
fn a_sentence_recalling_an_earlier_record_does_not_set_the_period_that_follows() {
    let got = bind_paragraphs(
        &[
            "Agents stopped more than 190,000 people in March.",
            "The previous record was in June 2021, when they stopped 180,034.",
            "About 61,000 of them were single adults.",
        ],
        "2025-04-10",
    );
    let last = spans(&got[2]);
    assert_eq!(last, ["2025-03..2025-03"], "{got:?}");
    // The recalled record keeps its own month.
    let record = spans(&got[1]);
    assert!(record.contains(&"2021-06..2021-06".to_string()), "{got:?}");
    // A rank below an earlier record recalls it too.
    let got = bind_paragraphs(
        &[
            "Japan granted refugee status to 303 people in 2023.",
            "Applicants surged to 13,823, the second-highest figure on record after 19,629 people sought asylum in 2017.",
            "The highest number of applicants came from Sri Lanka at 3,778.",
        ],
        "2024-03-26",
    );
    assert_eq!(spans(&got[2]), ["2023-01..2023-12"], "{got:?}");
}

#[test]
fn a_change_records_the_base_period_its_sentence_names() {
    let text =
        "Mexicans abroad sent $63.31 billion home last year, a 7.6% increase compared to 2022.";
    let figures = crate::figures::annotate(text);
    let sentence = SentenceFigures {
        span: Span::new(0, text.len()),
        text,
        figures: &figures,
    };
    let bindings = bind_passage(
        &[sentence],
        publication_month("2024-02-10"),
        BindRules::builtin(),
    );
    let percent = figures
        .iter()
        .position(|figure| figure.text == "7.6%")
        .unwrap();
    let binding = &bindings[0][percent];
    let period = binding.period.as_ref().unwrap();
    assert_eq!(
        format!("{}..{}", period.start, period.end),
        "2023-01..2023-12"
    );
    let base = binding.compared_with.as_ref().unwrap();
    assert_eq!(format!("{}..{}", base.start, base.end), "2022-01..2022-12");
}

#[test]
fn a_half_year_is_six_months_of_its_year() {
    assert_first_period(
        "Deportations rose to 7,861 in the first half of this year.",
        "2023-08-20",
        "2023-01..2023-06 partial of 2023",
    );
    assert_first_period(
        "Arrivals reached 12,400 in the second half of 2022.",
        "2023-08-20",
        "2022-07..2022-12 partial of 2022",
    );
}

#[test]
fn a_day_after_reported_by_an_outlet_dates_the_report_not_the_figures() {
    let got = bind_paragraphs(
        &[
            "This amounts to 7,861 deportations in the first half, first reported by the Neue Osnabrücker Zeitung on Saturday.",
            "Of those deported, 1,664 were women.",
        ],
        "2023-08-20",
    );
    let periods = spans(
        got.iter()
            .flatten()
            .filter(|binding| !binding.in_period_phrase),
    );
    assert!(
        !periods.is_empty() && periods.iter().all(|period| period == "2023-01..2023-06"),
        "{periods:?}"
    );
}

#[test]
fn a_span_of_years_a_passage_led_with_yields_to_the_year_a_later_statistic_states() {
    let got = bind_paragraphs(
        &[
            "Between 2019 and 2024, an estimated 1.3 million workers went abroad. This year, the record total includes 185,162 men.",
            "Kuwait was the top destination, welcoming 77,546 workers.",
        ],
        "2024-12-31",
    );
    assert_eq!(spans(&got[1]), ["2024-01..2024-12"], "{got:?}");
    // A later year that is not the span's end leaves the span leading.
    let got = bind_paragraphs(
        &[
            "Between 2019 and 2024, an estimated 1.3 million workers went abroad. In 2021, 120,000 went.",
            "Kuwait was the top destination, welcoming 77,546 workers.",
        ],
        "2024-12-31",
    );
    assert_eq!(spans(&got[1]), ["2019-01..2024-12"], "{got:?}");
}

#[test]
fn a_day_after_an_inverted_reporting_clause_dates_the_report() {
    let got = bind(
        "In 2024, 185,162 were male workers, while 127,674 were female workers, said the report on Wednesday.",
        "2025-01-02",
    );
    assert_eq!(period_of(&got, "185,162"), "2024-01..2024-12", "{got:?}");
    assert_eq!(period_of(&got, "127,674"), "2024-01..2024-12", "{got:?}");
    // A day after a release noun and its source dates the release, and a weekday's comma
    // followed by a whole clause joins no date to the weekday.
    let got = bind(
        "According to data from Statistics Korea on Thursday, there were 46 million foreigners as of November 1, 2023.",
        "2024-10-24",
    );
    assert_eq!(period_of(&got, "46 million"), "2023-11..2023-11", "{got:?}");
    let got = bind(
        "According to data from Statistics Korea on Thursday, there were 46 million foreigners.",
        "2024-10-24",
    );
    assert_ne!(
        period_of(&got, "46 million"),
        "2024-10..2024-10 partial of 2024-10",
        "{got:?}"
    );
    // "as disclosed by the Italian Interior Ministry on December 29": the disclosure's day.
    let got = bind(
        "In 2023, a total of 155,754 people landed in Italy, a significant increase from the 103,846 reported in 2022, as disclosed by the Italian Interior Ministry on December 29.",
        "2024-01-02",
    );
    assert_eq!(period_of(&got, "155,754"), "2023-01..2023-12", "{got:?}");
    assert_eq!(period_of(&got, "103,846"), "2022-01..2022-12", "{got:?}");
    // A day after a figure's own verb and object is the figure's ("reported 1,200 arrests on
    // Monday").
    let got = bind("The agency reported 1,200 arrests on Monday.", "2025-01-08");
    assert_eq!(
        period_of(&got, "1,200"),
        "2025-01..2025-01 partial of 2025-01",
        "{got:?}"
    );
}

#[test]
fn a_day_after_a_release_and_an_appositive_dates_the_release() {
    let got = bind(
        "The annual report released by the European Union Agency for Asylum, or EUAA, on Monday showed 1,014,420 requests were filed last year.",
        "2025-03-05",
    );
    assert_eq!(period_of(&got, "1,014,420"), "2024-01..2024-12");
    // A day that counts the figure stays its period.
    let got = bind(
        "On Monday, 408 people crossed the Channel on nine boats.",
        "2024-08-20",
    );
    assert_ne!(period_of(&got, "408"), "2024-01..2024-12");
    // Put "to" or "in" a register on a day: the day dates the publication, not the cap.
    let got = bind(
        "The administration reduced the refugee cap for fiscal year 2026 to just 7,500 in a \
         policy change that was formally added to the Federal Register on Friday.",
        "2025-10-31",
    );
    assert_eq!(
        period_of(&got, "7,500"),
        "2025-10..2026-09 fiscal",
        "{got:?}"
    );
}

#[test]
fn financial_years_in_full_reopened_borders_and_targets() {
    // Two years in full beside a financial year written across two are one financial year;
    // a borders' reopening after "the first … since" is a record's base, passed on to nothing.
    let got = figures_and_bindings(
        &[
            "Overseas migration added 446,000 people to Australia's population in the 2023-24 financial year, compared to 536,000 people in 2022-2023.",
            "This fall represents the first annual drop since Australia's borders re-opened in 2021-22.",
            "Migrant arrivals fell by 10 per cent compared to 2022-23.",
        ],
        "2024-12-13",
    );
    let period = |paragraph: usize, text: &str| {
        got[paragraph]
            .iter()
            .find(|(figure, _)| figure.text == text)
            .map(|(_, binding)| span_of(binding))
    };
    let year = |start: &str, end: &str| Some((start.to_string(), end.to_string()));
    assert_eq!(period(0, "536,000"), year("2022-07", "2023-06"));
    assert_eq!(period(2, "10 per cent"), year("2023-07", "2024-06"));
    // A target's year is no period the next paragraphs go on about.
    let got = figures_and_bindings(
        &[
            "Australia took in 446,000 net overseas migrants in the 2023-24 financial year.",
            "The number is far above the government's stated ambition to cut migration to 260,000 in the next financial year.",
            "The largest cohort were temporary students, numbering 207,000 people.",
        ],
        "2024-12-13",
    );
    let students = got[2]
        .iter()
        .find(|(figure, _)| figure.text == "207,000")
        .map(|(_, binding)| span_of(binding));
    assert_eq!(students, year("2023-07", "2024-06"));
}

#[test]
fn that_year_is_the_year_named_before() {
    let got = bind_paragraphs(
        &[
            "So far this year, 46,415 migrants have been registered, compared to 26,216 detected in the same period of 2021.",
            "That year, a total of 133,000 migrants passed through Panama, suggesting that this year's total will be even higher.",
        ],
        "2022-06-22",
    );
    let periods = spans(got[1].iter().filter(|binding| !binding.in_period_phrase));
    assert_eq!(periods, vec!["2021-01..2021-12"], "{got:?}");
}

#[test]
fn that_day_is_a_day_of_the_month_named_before_else_of_the_publication() {
    let got = bind_paragraphs(
        &[
            "So far this year 19,000 migrants have crossed; nearly 500 crossed on Saturday.",
            "492 migrants crossed in nine boats that day, taking the total for the year so far to 19,066.",
        ],
        "2024-08-19",
    );
    // A day of August (the publication's month), not the running total of the year so far.
    assert_eq!(span_of(&got[1][0]), ("2024-08".into(), "2024-08".into()));
    assert!(got[1][0].period.as_ref().unwrap().partial, "{got:?}");
    let got = bind_paragraphs(
        &[
            "On July 3, 703 people crossed.",
            "The same day, 12 boats were stopped.",
        ],
        "2024-08-19",
    );
    assert_eq!(span_of(&got[1][0]), ("2024-07".into(), "2024-07".into()));
}

#[test]
fn a_holiday_is_a_day_of_its_month_and_not_what_the_passage_goes_on_about() {
    let got = bind_paragraphs(
        &[
            "Nearly 46,000 migrants crossed the Channel in 2022, including 90 on Christmas Day.",
            "Officials had estimated that 60,000 people could make the journey.",
        ],
        "2023-01-02",
    );
    let of = |paragraph: usize, at: usize| span_of(&got[paragraph][at]);
    assert_eq!(of(0, 2), ("2022-12".into(), "2022-12".into()), "{got:?}");
    assert!(got[0][2].period.as_ref().unwrap().partial);
    // The next paragraph goes on about 2022, not Christmas Day.
    assert_eq!(of(1, 0), ("2022-01".into(), "2022-12".into()), "{got:?}");
}

#[test]
fn bare_years_listed_after_a_month_of_a_year_are_that_month() {
    let got = bind(
        "Seven people were recorded making the journey in January 2018; 45 in 2019; 94 in 2020 and 224 in 2021.",
        "2023-02-01",
    );
    assert_eq!(period_of(&got, "45"), "2019-01..2019-01", "{got:?}");
    assert_eq!(period_of(&got, "224"), "2021-01..2021-01", "{got:?}");
    // A year that is not one of the list's items stays a year.
    let got = bind(
        "In January 2018, 7 people crossed, against 300 in all of 2019.",
        "2023-02-01",
    );
    assert_eq!(period_of(&got, "300"), "2019-01..2019-12", "{got:?}");
}

#[test]
fn a_figure_set_against_a_population_is_no_comparison() {
    assert_first_period(
        "Compared to the population of each EU member state, the highest number of beneficiaries per 1,000 people in August 2024 was observed in the Czech Republic (34.6).",
        "2024-10-10",
        "2024-08..2024-08",
    );
}

#[test]
fn a_base_level_at_the_end_of_a_month_is_not_passed_on() {
    let got = bind_paragraphs(
        &[
            "In August statistics, Spain ranks fourth with 215,130 people, compared to 203,300 at the end of March.",
            "It was 34.6 per 1,000 people.",
        ],
        "2024-10-10",
    );
    assert_eq!(spans(&got[1]), ["2024-08..2024-08"], "{got:?}");
}

#[test]
fn a_change_bound_to_a_carried_period_takes_the_base_of_the_change_that_set_it() {
    let got = figures_and_bindings(
        &[
            "3,956,619 foreign nationals resided in Japan as of the end of June, up 5.0 per cent from the end of 2024.",
            "Permanent residents comprised the largest group at 932,090, up 1.5 per cent.",
        ],
        "2025-10-10",
    );
    let (_, binding) = got[1]
        .iter()
        .find(|(figure, _)| figure.text == "1.5 per cent")
        .unwrap();
    assert_eq!(binding.period_source, Some(PeriodSource::Passage));
    let base = binding.compared_with.as_ref().map(|p| p.start.to_string());
    assert_eq!(base.as_deref(), Some("2024-12"), "{got:?}");
    // A level bound to the carried period is no change: no base.
    let (_, level) = got[1]
        .iter()
        .find(|(figure, _)| figure.text == "932,090")
        .unwrap();
    assert!(level.compared_with.is_none(), "{got:?}");
}

#[test]
fn a_base_level_a_few_words_before_its_year_is_not_passed_on() {
    for paragraphs in [
        [
            "Estados Unidos cerró el año 2025 con la deportación de 48,405 guatemaltecos, una disminución del 22 % en comparación con los 61,680 ciudadanos retornados en 2024.",
            "El proceso se realizó a través de 532 vuelos.",
        ],
        [
            "The United States deported 48,405 Guatemalans in 2025, down 22% compared with the 61,680 citizens returned in 2024.",
            "The deportations took 532 flights.",
        ],
    ] {
        let got = bind_paragraphs(&paragraphs, "2025-12-31");
        assert_eq!(spans(&got[1]), ["2025-01..2025-12"], "{got:?}");
    }
}

#[test]
fn may_after_a_comparison_cue_is_the_month() {
    let got = figures_and_bindings(
        &["This represents a fourfold increase compared to May, when only about a thousand migrants were registered."],
        "2023-10-20",
    );
    let (_, binding) = got[0]
        .iter()
        .find(|(figure, _)| figure.text == "about a thousand")
        .unwrap();
    let period = binding
        .period
        .as_ref()
        .map(|p| format!("{}..{}", p.start, p.end));
    assert_eq!(period.as_deref(), Some("2023-05..2023-05"), "{got:?}");
    // Elsewhere a capitalised "May" may be a name.
    let got = figures_and_bindings(
        &["Theresa May said 3,000 people had arrived."],
        "2018-10-20",
    );
    assert!(
        got[0].iter().all(|(_, binding)| binding
            .period
            .as_ref()
            .is_none_or(|period| period.start.to_string() != "2018-05")),
        "{got:?}"
    );
}

#[test]
fn years_later_count_from_the_year_named_before() {
    let got = figures_and_bindings(
        &[
            "Conestoga College saw 25 asylum claims in 2018.",
            "Five years later, the number of claims surged to 665.",
            "A year later it was 700.",
        ],
        "2024-03-01",
    );
    let period_of = |text: &str| {
        got.iter()
            .flatten()
            .find(|(figure, _)| figure.text == text)
            .and_then(|(_, binding)| binding.period.as_ref())
            .map(|period| format!("{}..{}", period.start, period.end))
    };
    assert_eq!(period_of("25").as_deref(), Some("2018-01..2018-12"));
    assert_eq!(period_of("665").as_deref(), Some("2023-01..2023-12"));
    assert_eq!(period_of("700").as_deref(), Some("2024-01..2024-12"));
}

#[test]
fn a_when_clause_after_since_a_month_describes_that_month() {
    assert_first_period(
        "The tally was the lowest since July 2020, when there were 38,536 arrests.",
        "2024-12-10",
        "2020-07..2020-07",
    );
}

#[test]
fn this_point_last_year_repeats_the_period_before_it_a_year_earlier() {
    let got = bind_paragraphs(
        &[
            "So far this year 25,436 people have crossed.",
            "This is up 51% on this point last year (16,842).",
        ],
        "2025-07-31",
    );
    let periods = spans(got[1].iter().filter(|binding| !binding.in_period_phrase));
    assert!(
        periods.contains(&"2024-01..2024-07".to_string()),
        "{periods:?}"
    );
}

#[test]
fn a_passage_goes_on_about_the_period_its_figures_took_not_a_record_it_recalls() {
    let got = bind_paragraphs(
        &[
            "Applications in 2023 increased by 18% to 1.14 million, the highest level since the 2015/2016 migration crisis.",
            "Syrian nationals submitted 181,000 applications.",
        ],
        "2024-02-29",
    );
    assert_eq!(spans(&got[1]), ["2023-01..2023-12"], "{got:?}");
}

/// The base period (`compared_with`) of the figure written `figure` in a one-sentence passage.
fn base_of(text: &str, date: &str, figure: &str) -> Option<String> {
    let figures = crate::figures::annotate(text);
    let sentence = SentenceFigures {
        span: Span::new(0, text.len()),
        text,
        figures: &figures,
    };
    let bindings = bind_passage(&[sentence], publication_month(date), BindRules::builtin());
    let at = figures.iter().position(|found| found.text == figure)?;
    let base = bindings[0][at].compared_with.as_ref()?;
    Some(format!("{}..{}", base.start, base.end))
}

#[test]
fn the_year_before_a_change_is_the_year_before_the_one_its_sentence_names() {
    // Published in 2024: "the previous year" is 2022, the year before 2023, not 2023.
    let base = base_of(
        "Applications in 2023 increased by 18% compared to the previous year.",
        "2024-02-29",
        "18%",
    );
    assert_eq!(base.as_deref(), Some("2022-01..2022-12"));
    let base = base_of(
        "Spain recorded 56,852 arrivals in 2023, an 82.1 per cent surge from a year earlier.",
        "2024-01-05",
        "82.1 per cent",
    );
    assert_eq!(base.as_deref(), Some("2022-01..2022-12"));
    let base = base_of(
        "In January 8,067 migrants entered Spain, a 524% increase compared to a year ago.",
        "2024-02-05",
        "524%",
    );
    assert_eq!(base.as_deref(), Some("2023-01..2023-01"));
}

#[test]
fn a_month_earlier_counts_back_from_the_sentence_period_not_an_event_day() {
    let got = bind(
        "On August 31, 2024, nearly 4.2 million people, who fled Ukraine after the invasion on February 24, 2022, had temporary protection, compared to 4.1 million a month earlier.",
        "2024-10-10",
    );
    assert_eq!(period_of(&got, "4.1 million"), "2024-07..2024-07");
    // Without an event day in between, the nearest period named before is the reference.
    let base = base_of(
        "Between January and May 2024, 26,576 fewer people applied than the 63,436 registered in the same period of 2023, a year that ended with a record of 140,982 applications, an 18.2% increase from the previous year.",
        "2024-06-10",
        "18.2%",
    );
    assert_eq!(base.as_deref(), Some("2022-01..2022-12"));
}

#[test]
fn the_same_period_in_a_year_repeats_no_whole_year_written_after_it() {
    // The bare years after the phrase are the listed figures' own, not the span it repeats.
    let paragraphs = [
        "Between January and September, 17,651 migrants were expelled.",
        "According to statistics, 14,706 deportations were carried out in the same period in 2024, and 12,042 and 9,567 in 2023 and 2022, respectively.",
    ];
    let figures = figures_and_bindings(&paragraphs, "2025-10-25");
    let settled = bind_paragraphs(&paragraphs, "2025-10-25");
    let counts: Vec<(String, String)> = figures[1]
        .iter()
        .zip(spans(&settled[1]))
        .filter(|((figure, _), _)| figure.unit == crate::figures::Unit::Count)
        .map(|((figure, _), span)| (figure.text.clone(), span))
        .collect();
    assert_eq!(
        counts,
        [
            ("14,706".to_string(), "2024-01..2024-09".to_string()),
            ("12,042".to_string(), "2023-01..2023-12".to_string()),
            ("9,567".to_string(), "2022-01..2022-12".to_string())
        ]
    );
}

#[test]
fn a_pace_record_since_a_year_is_not_the_figures_period() {
    let got = bind_paragraphs(
        &[
            "Canada posted its highest annual population growth rate in six decades last year.",
            "The population grew 3.2 per cent, its fastest pace since 1957.",
        ],
        "2024-03-27",
    );
    assert_eq!(spans(&got[1])[0], "2023-01..2023-12", "{got:?}");
}

#[test]
fn a_record_since_is_neither_the_period_nor_the_base_of_a_change() {
    let got = bind_paragraphs(
        &[
            "The November tally was down 16% from 56,530 in October and the lowest mark since July 2020.",
            "Agents made 1,200 arrests a day.",
        ],
        "2024-12-17",
    );
    let text = "The November tally was down 16% from 56,530 in October and the lowest mark since July 2020.";
    // Measured from October's level, not from the record's July 2020.
    assert_eq!(
        base_of(text, "2024-12-17", "16%").as_deref(),
        Some("2024-10..2024-10")
    );
    // The passage goes on about the month its figures took, not the record's.
    assert!(
        !spans(&got[1]).contains(&"2020-07..2024-11".to_string()),
        "{got:?}"
    );
    assert_ne!(spans(&got[1]), ["2020-07..2020-07"], "{got:?}");
}

#[test]
fn a_base_level_in_brackets_takes_the_base_period() {
    let got = bind(
        "In February 2024 there were 75,445 applicants, an increase of less than 2% compared with February 2023 (74,295).",
        "2024-05-10",
    );
    assert_eq!(period_of(&got, "74,295"), "2023-02..2023-02", "{got:?}");
    // A level the change reaches is not the base's.
    let got = bind(
        "Applications in 2023 increased by 18% compared to the previous year reaching 1.14 million.",
        "2024-02-29",
    );
    assert_eq!(
        period_of(&got, "1.14 million"),
        "2023-01..2023-12",
        "{got:?}"
    );
}

#[test]
fn a_period_after_a_change_base_level_dates_that_level_not_the_change() {
    let got = bind_paragraphs(
        &[
            "There were 269,735 migrants encountered in September.",
            "That's up nearly 16% from 232,963 in August.",
        ],
        "2023-10-21",
    );
    // The change is September's, measured from August; 232,963 is August's.
    assert_eq!(
        spans(&got[1]),
        ["2023-09..2023-09", "2023-08..2023-08"],
        "{got:?}"
    );
    assert_eq!(
        got[1][0]
            .compared_with
            .as_ref()
            .map(|base| base.start.to_string()),
        Some("2023-08".to_string())
    );
    // "That year" still refers back to the last year named, a base's or not.
    let got = bind_paragraphs(
        &[
            "So far this year, 46,415 migrants have been registered, compared to 26,216 detected in the same period of 2021.",
            "That year, a total of 133,000 migrants passed through Panama.",
        ],
        "2022-06-20",
    );
    assert_eq!(spans(&got[1]), ["2021-01..2021-12"], "{got:?}");
}

#[test]
fn the_same_months_repeat_the_span_the_sentence_names_and_a_range_may_run_to_a_months_end() {
    let got = bind(
        "In January-March this year, around 26,800 migrants arrived in Italy by sea, compared to 6,400 in 2022 during the same months.",
        "2023-04-10",
    );
    assert_eq!(
        period_of(&got, "6,400"),
        "2022-01..2022-03 partial of 2022",
        "{got:?}"
    );
    let got = bind_paragraphs(
        &[
            "From January to the end of October, 13,512 people were deported.",
            "In 2020 there were 10,800.",
            "The Federal Police registered 23,872 voluntary departures in the same period from January to the end of October this year.",
        ],
        "2023-12-21",
    );
    assert_eq!(spans(&got[0]), ["2023-01..2023-10"], "{got:?}");
    // The first months of a year are a part of it.
    assert!(got[0][0].period.as_ref().unwrap().partial, "{got:?}");
    // "in the same period" followed by the period it means is that period.
    assert_eq!(spans(&got[2]), ["2023-01..2023-10"], "{got:?}");
}

#[test]
fn a_named_month_or_year_after_a_change_nouns_over_is_its_base() {
    let text = "The agency said it had 172,331 encounters in March, a roughly 70% spike over February and a five-fold increase over the same month in 2020.";
    let got = bind(text, "2021-04-09");
    // Both changes are March's, not February's or 2020's.
    for (figure, period, _) in &got {
        assert_eq!(period, "2021-03..2021-03", "{figure}: {got:?}");
    }
    assert_eq!(
        base_of(text, "2021-04-09", "roughly 70%").as_deref(),
        Some("2021-02..2021-02")
    );
    assert_eq!(
        base_of(text, "2021-04-09", "five-fold").as_deref(),
        Some("2020-03..2020-03")
    );
    // "over 2022" after a change noun is a year, not a figure "over 2022".
    let figures = crate::figures::annotate("which had already seen a 25% increase over 2022.");
    assert!(
        figures
            .iter()
            .all(|figure| figure.unit == Unit::Year || figure.value != 2022.0),
        "{figures:?}"
    );
}

#[test]
fn a_phrase_followed_by_a_comparison_keeps_its_whole_words() {
    // The half pattern's optional year once took the space before "compared", and the phrase
    // was dropped for ending glued to a word: the figure fell back to "this year".
    let text = "Deportations rose by nearly 27% in the first half of this year compared to the same time period in 2022.";
    let got = bind(text, "2023-08-20");
    assert_eq!(got[0].1, "2023-01..2023-06 partial of 2023", "{got:?}");
    // "the same time period in 2022" is the first half of 2022.
    assert_eq!(
        base_of(text, "2023-08-20", "nearly 27%").as_deref(),
        Some("2022-01..2022-06")
    );
}

/// The figures and bindings of `paragraphs` after [`repeat_later_periods`], with the first
/// figure's binding before it.
fn repeated_later(paragraphs: &[&str], date: &str) -> (Binding, Vec<(Figure, Binding)>) {
    let mut all: Vec<(Figure, Binding)> = figures_and_bindings(paragraphs, date)
        .into_iter()
        .flatten()
        .collect();
    let before = all[0].1.clone();
    repeat_later_periods(
        all.iter_mut()
            .map(|(figure, binding)| (&*figure, binding))
            .collect(),
    );
    (before, all)
}

#[test]
fn a_headline_figure_takes_the_period_of_the_later_figure_that_repeats_it() {
    let (before, all) = repeated_later(
        &[
            "Requests for asylum fall more than 40 percent in Mexico",
            "Between January and May 2024, asylum applications dropped by 41.9%, and 2,000 were refused.",
        ],
        "2024-06-21",
    );
    assert_eq!(before.period_source, Some(PeriodSource::DocumentDate));
    let headline = &all[0].1;
    assert_eq!(headline.period_source, Some(PeriodSource::Passage));
    assert_eq!(spans([headline]), ["2024-01..2024-05"]);
}

#[test]
fn a_look_back_after_another_figure_is_that_figure_s() {
    let got = bind(
        "The 431,000 net migration figure is around half the 860,000 level of net migration \
         seen a year earlier, in the year up to June 2024.",
        "2025-05-22",
    );
    assert_eq!(period_of(&got, "431,000"), "2023-07..2024-06", "{got:?}");
    assert_eq!(period_of(&got, "860,000"), "2022-07..2023-06", "{got:?}");
}

#[test]
fn an_open_bound_is_repeated_by_no_later_figure() {
    // "below 1 million" holds every smaller count: the later 466,000 does not repeat it.
    let (before, all) = repeated_later(
        &[
            "This is the first time immigration has fallen below 1 million.",
            "Emigration rose to 517,000, up from 466,000 in 2023.",
        ],
        "2025-05-22",
    );
    assert_eq!(before.period_source, Some(PeriodSource::DocumentDate));
    assert_eq!(all[0].1.period_source, Some(PeriodSource::DocumentDate));
}

#[test]
fn the_first_time_since_a_period_measures_a_record_from_it() {
    // "first time" however far before the "since": the year ending March 2022 is what the
    // record is measured against, not the figure's period.
    let got = bind(
        "This is the first time long-term immigration has fallen below 1 million since the year \
         ending March 2022.",
        "2025-05-22",
    );
    let figure = got.iter().find(|(text, _, _)| text == "below 1 million");
    assert_eq!(
        figure.map(|(_, _, source)| *source),
        Some(Some(PeriodSource::DocumentDate)),
        "{got:?}"
    );
}

#[test]
fn a_level_named_after_a_changes_base_year_is_that_year_s() {
    // "from the revised 2023 estimate of 1,326,000": 2023 is the change's base and the
    // estimate's own year; a fraction in words is the change's amount.
    let got = bind(
        "Immigration for the year ending December 2024 was 948,000, a decrease of almost a \
         third from the revised 2023 estimate of 1,326,000.",
        "2025-05-22",
    );
    assert_eq!(period_of(&got, "948,000"), "2024-01..2024-12", "{got:?}");
    assert_eq!(period_of(&got, "1,326,000"), "2023-01..2023-12", "{got:?}");
}

#[test]
fn the_next_paragraph_goes_on_with_the_period_its_paragraph_led_with() {
    // The breakdown by month ends the first paragraph; the next one is about the whole span.
    let paragraphs: [&[&str]; 2] = [
        &[
            "Honduras received $1,192.1 million between January and February in remittances.",
            "In January, Honduras received $583.4 million, a figure that increased to $608.7 million in February.",
        ],
        &["Of the total remittances, more than 80% come from the United States."],
    ];
    // Each sentence's span in the joined text, one space apart.
    let mut starts = Vec::new();
    let mut at = 0;
    for sentences in paragraphs {
        starts.push(
            sentences
                .iter()
                .map(|text| {
                    let start = at;
                    at += text.len() + 1;
                    start
                })
                .collect::<Vec<usize>>(),
        );
    }
    let mut carried = Carried::default();
    let mut last = Vec::new();
    for (sentences, starts) in paragraphs.iter().zip(&starts) {
        let figures: Vec<Vec<Figure>> = sentences
            .iter()
            .zip(starts)
            .map(|(text, start)| {
                crate::figures::annotate(text)
                    .into_iter()
                    .map(|figure| figure.shifted(*start))
                    .collect()
            })
            .collect();
        let bound: Vec<SentenceFigures> = sentences
            .iter()
            .zip(starts)
            .zip(&figures)
            .map(|((text, start), figures)| SentenceFigures {
                span: Span::new(*start, start + text.len()),
                text,
                figures,
            })
            .collect();
        last = bind_carrying(
            &bound,
            publication_month("2022-03-22"),
            BindRules::builtin(),
            &mut carried,
        );
    }
    assert_eq!(spans(&last[0]), ["2022-01..2022-02"], "{last:?}");
}

#[test]
fn statistics_for_a_year_not_over_yet_label_a_release_not_a_period() {
    let got = bind_paragraphs(
        &[
            "The latest immigration statistics for 2023 have just been released, with net migration estimated at 672,000.",
            "Most people arriving in the year ending in June 2023 were non-EU nationals (968,000).",
        ],
        "2023-11-23",
    );
    // Not 2023 so far: the release's label dates nothing.
    assert!(
        !spans(&got[0]).contains(&"2023-01..2023-11".to_string()),
        "{got:?}"
    );
    // A year that is over is a period ("the figures for 2022").
    let got = bind("The figures for 2022 show 745,000 arrived.", "2023-11-23");
    assert_eq!(period_of(&got, "745,000"), "2022-01..2022-12", "{got:?}");
}

#[test]
fn a_lede_figure_takes_the_first_period_its_document_goes_on_about() {
    let paragraphs = [
        "Net migration hits 672,000, up 65,000 from the previous year",
        "Net migration to the UK is estimated to be up by 65,000 year on year, the latest figures show.",
        "The ONS said net migration stood at a provisional 672,000 in the year to June 2023.",
        "It was below a record of 745,000 in the year to December 2022.",
    ];
    let (paragraphs, carried) = figures_bindings_and_carried(&paragraphs, "2023-11-23");
    let mut all: Vec<(Figure, Binding)> = paragraphs.into_iter().flatten().collect();
    assert_eq!(all[2].1.period_source, Some(PeriodSource::DocumentDate));
    date_lede_by_first_period(
        all.iter_mut()
            .map(|(figure, binding)| (&*figure, "", binding))
            .collect(),
        carried.first.as_ref(),
        BindRules::builtin(),
    );
    // The second paragraph's 65,000 is the year to June 2023, not to December 2022 (the last
    // period named) nor the publication month.
    let lede = &all[2].1;
    assert_eq!(lede.period_source, Some(PeriodSource::Passage));
    assert_eq!(spans([lede]), ["2022-07..2023-06"]);
    // A stock's whole year is its end, as in its own sentence.
    let (paragraphs, carried) = figures_bindings_and_carried(
        &[
            "A record 68.5 million people are now forcibly displaced.",
            "The number of refugees and displaced persons reached 68.5 million in 2017.",
        ],
        "2018-06-19",
    );
    let mut all: Vec<(Figure, Binding)> = paragraphs.into_iter().flatten().collect();
    let text = "A record 68.5 million people are now forcibly displaced.";
    date_lede_by_first_period(
        all.iter_mut()
            .take(1)
            .map(|(figure, binding)| (&*figure, text, binding))
            .collect(),
        carried.first.as_ref(),
        BindRules::builtin(),
    );
    assert_eq!(spans([&all[0].1]), ["2017-12..2017-12"]);
}

#[test]
fn data_dated_at_a_sentence_opening_date_the_lede_and_the_next_passage() {
    let (paragraphs, carried) = figures_bindings_and_carried(
        &[
            "The number of irregular migrants in Spain now stands at 840,000 people, according to a think tank.",
            "These data, relating to January 1, 2025, point to a sustained growth since 2017, when the estimated figure amounted to around 107,000.",
            "By origin, Colombians stand out (about 290,000).",
        ],
        "2026-01-20",
    );
    // The recalled 2017 is its own figure's, not what the document goes on about.
    assert_eq!(
        carried
            .first
            .as_ref()
            .map(|(period, _)| period.text.as_str()),
        Some("January 1, 2025")
    );
    let mut all: Vec<(Figure, Binding)> = paragraphs.into_iter().flatten().collect();
    date_lede_by_first_period(
        all.iter_mut()
            .map(|(figure, binding)| (&*figure, "", binding))
            .collect(),
        carried.first.as_ref(),
        BindRules::builtin(),
    );
    let period = |text: &str| {
        let (_, binding) = all
            .iter()
            .find(|(figure, _)| figure.text == text)
            .unwrap_or_else(|| panic!("no figure {text}"));
        spans([binding])
    };
    assert_eq!(period("840,000"), ["2025-01..2025-01"]);
    assert_eq!(period("around 107,000"), ["2017-01..2017-12"]);
    assert_eq!(period("about 290,000"), ["2025-01..2025-01"]);
    // A sentence that does not open on the data dates nothing but its own figures.
    let (_, carried) = figures_bindings_and_carried(
        &[
            "The number of irregular migrants now stands at 840,000 people.",
            "Growth relating to January 1, 2025 was strong since 2017, when the figure was around 107,000.",
        ],
        "2026-01-20",
    );
    assert_ne!(
        carried
            .first
            .as_ref()
            .map(|(period, _)| period.text.as_str()),
        Some("January 1, 2025")
    );
}

#[test]
fn a_sentence_in_brackets_is_an_aside_the_document_does_not_go_on_about() {
    let (_, carried) = figures_bindings_and_carried(
        &[
            "The CSO said there were 141,600 immigrants to Ireland in the 12-month period.",
            "(As of June 6, 2023, there had been 84,613 arrivals from Ukraine, according to the CSO.)",
            "Over 64,000 people departed the State in the 12 months to April 2023.",
        ],
        "2023-09-26",
    );
    let first = carried.first.map(|(period, _)| {
        spans([&Binding {
            period: Some(period),
            ..Binding::default()
        }])
    });
    assert_eq!(first, Some(vec!["2022-05..2023-04".to_string()]));
}

#[test]
fn a_date_in_brackets_after_a_word_dates_that_word_not_the_figures() {
    let got = bind_paragraphs(
        &[
            "In February 2024, the EU total was 16.8 per hundred thousand people.",
            "Compared with the population of each EU country (on 1 January 2023), the highest rates were recorded in Cyprus (87.1) and Greece (52.5).",
        ],
        "2024-05-10",
    );
    let rates = spans(&got[1]);
    assert!(
        !rates.is_empty() && rates.iter().all(|span| span == "2024-02..2024-02"),
        "{got:?}"
    );
    // A date in brackets after a figure is the figure's.
    assert_first_period(
        "Arrivals reached 2,000 (in 2023) and then fell.",
        "2024-05-10",
        "2023-01..2023-12",
    );
    // A label and its period before a colon date the value after it.
    assert_first_period(
        "Total removals (November 2023 – April 30, 2024): 61,208",
        "2024-05-10",
        "2023-11..2024-04",
    );
}

/// The periods [`bind`] gave, in order.
fn periods(got: &[(String, String, Option<PeriodSource>)]) -> Vec<&str> {
    got.iter().map(|(_, period, _)| period.as_str()).collect()
}

#[test]
fn rolling_years_are_the_twelve_months_to_their_last_month() {
    // New Zealand and Australian usage: "the October 2023 year".
    let got = bind(
        "A net gain of 61,200 in the March 2024 year compares with 18,400 in the March 2023 year.",
        "2024-05-10",
    );
    assert_eq!(periods(&got), ["2023-04..2024-03", "2022-04..2023-03"]);
    // Not "year-on-year".
    let got = bind("Arrivals rose 4% year-on-year in March 2024.", "2024-05-10");
    assert_eq!(periods(&got), ["2024-03..2024-03"]);
    let got = bind(
        "The average was 12,300 in the June years 2005–2012.",
        "2024-05-10",
    );
    assert_eq!(periods(&got), ["2004-07..2012-06"]);
    // A year written by its two ends.
    for text in [
        "Some 88,000 people arrived in the year between May 2022 and May 2023.",
        "Some 88,000 people arrived between May 2022 and May 2023.",
        "Some 88,000 people arrived in the 12 months from June 2022 to May 2023.",
    ] {
        assert_eq!(
            periods(&bind(text, "2024-05-10")),
            ["2022-06..2023-05"],
            "{text}"
        );
    }
    // "the previous 12 months" counts back from the sentence's own period.
    let got = bind(
        "Net migration was 410,000 in the year to March 2024, down from 520,000 in the previous 12 months.",
        "2024-05-10",
    );
    assert_eq!(periods(&got), ["2023-04..2024-03", "2022-04..2023-03"]);
}

#[test]
fn a_period_a_few_words_after_than_is_a_base_the_passage_does_not_go_on_with() {
    let got = bind_paragraphs(
        &[
            "Apprehensions in May 2025 were lower than those recorded during the first two days of May 2024.",
            "Agents apprehended 8,305 migrants.",
        ],
        "2025-06-20",
    );
    assert_eq!(spans(&got[1]), ["2025-05..2025-05"], "{got:?}");
    // So does a sentence that opens on the comparison: its change is the passage's month's.
    let got = bind_paragraphs(
        &[
            "In September 2025, EU countries issued 79,205 new temporary protection decisions.",
            "Compared to the end of August, the number of Ukrainians with this status increased by 49,555 people, or 1.2%.",
        ],
        "2025-10-10",
    );
    assert_eq!(
        spans(&got[1]),
        ["2025-09..2025-09", "2025-09..2025-09"],
        "{got:?}"
    );
}

#[test]
fn a_changes_base_after_on_names_its_year() {
    let paragraphs = figures_and_bindings(
        &[
            "The central bank recorded $5.64 billion in remittances in the first quarter.",
            "Honduras received $2.62 billion, a 24 percent increase on the first quarter of 2024.",
        ],
        "2025-04-10",
    );
    let of = |text: &str| {
        paragraphs[1]
            .iter()
            .find(|(figure, _)| figure.text == text)
            .map(|(_, binding)| binding.clone())
            .unwrap_or_else(|| panic!("no figure {text}"))
    };
    assert_eq!(
        spans([&of("$2.62 billion"), &of("24 percent")]),
        ["2025-01..2025-03", "2025-01..2025-03"]
    );
    let compared = of("24 percent")
        .compared_with
        .map(|period| period.start.to_string());
    assert_eq!(compared.as_deref(), Some("2024-01"));
}

#[test]
fn a_multiples_comparand_keeps_its_period() {
    let bindings = bind_paragraphs(
        &[
            "Italy recorded 89,158 arrivals from January to July.",
            "Out of this total, 64,764 were rescued, which is more than three times the number rescued from January to July 2022.",
            "Asylum applications increased by 70.59 per cent to 72,460.",
        ],
        "2023-08-16",
    );
    assert_eq!(spans(&bindings[1])[0], "2023-01..2023-07");
    assert!(spans(&bindings[2])
        .iter()
        .all(|span| span == "2023-01..2023-07"));
    // "twice as high as the figure for …": the same period of 2023 is the comparand's.
    let bindings = bind_paragraphs(
        &[
            "In January 2024, 100 migrants died at sea.",
            "The toll is over twice as high as the figure for the same period of 2023.",
        ],
        "2024-02-01",
    );
    assert_eq!(spans(&bindings[1])[0], "2024-01..2024-01");
}

#[test]
fn a_comparison_paragraph_does_not_lead_the_next() {
    let bindings = bind_paragraphs(
        &[
            "About 80,000 migrants have arrived in Honduras so far this year.",
            "In comparison, for the same period last year a total of 10,032 migrants entered Honduras, 4,294 of them from Haiti.",
            "Men comprise 55% of the immigrants.",
        ],
        "2022-08-27",
    );
    assert_eq!(
        spans(&bindings[1]),
        ["2021-01..2021-08", "2021-01..2021-08"]
    );
    assert_eq!(spans(&bindings[2]), ["2022-01..2022-08"]);
}

#[test]
fn a_where_clause_dates_the_place() {
    let bindings = bind_paragraphs(
        &[
            "Japan recognized 303 people as refugees last year.",
            "By country, 237 refugees were from Afghanistan, where the Taliban seized power in 2021.",
            "Twenty-seven were from Myanmar.",
        ],
        "2024-03-26",
    );
    let periods: Vec<String> = bindings[1..]
        .iter()
        .flat_map(|paragraph| paragraph.iter().filter(|binding| !binding.in_period_phrase))
        .filter_map(|binding| binding.period.as_ref())
        .map(|period| format!("{}..{}", period.start, period.end))
        .collect();
    assert!(
        !periods.is_empty() && periods.iter().all(|span| span.starts_with("2023")),
        "{periods:?}"
    );
    // The place's period still dates a figure written in the "where" clause itself.
    let got = bind(
        "The second route in the first half of the year was the Eastern Mediterranean, where arrivals increased by 75 percent to almost 25,000.",
        "2024-07-13",
    );
    assert_eq!(
        period_of(&got, "75 percent"),
        "2024-01..2024-06 partial of 2024"
    );
    assert_eq!(
        period_of(&got, "almost 25,000"),
        "2024-01..2024-06 partial of 2024"
    );
}

#[test]
fn months_to_a_day_and_month_quarters() {
    let got = bind(
        "Net overseas migration fell to 63,200 in the three months to June 30, against 133,500 in the March quarter and 120,500 in the June quarter last year.",
        "2024-12-12",
    );
    assert_eq!(
        period_of(&got, "63,200"),
        "2024-04..2024-06 partial of 2024"
    );
    assert_eq!(
        period_of(&got, "133,500"),
        "2024-01..2024-03 partial of 2024"
    );
    assert_eq!(
        period_of(&got, "120,500"),
        "2023-04..2023-06 partial of 2023"
    );
    // A day before the month, and spans that cross a year's end.
    assert_first_period(
        "Arrivals were 7,000 in the year to 30 June 2023.",
        "2023-09-01",
        "2022-07..2023-06",
    );
    assert_first_period(
        "Arrivals were 5,000 in the six months to 31 March 2024.",
        "2024-05-01",
        "2023-10..2024-03",
    );
    // "the May quarter" names no quarter.
    assert!(periods_of("in the May quarter", "2024-12-12").is_empty());
}

#[test]
fn a_running_total_published_early_in_a_month_counts_to_the_month_before() {
    let paragraphs = ["So far this year 4,800 migrants have been returned to Libya."];
    let early = bind_paragraphs(&paragraphs, "2023-05-08");
    assert_eq!(spans(&early[0]), ["2023-01..2023-04"]);
    assert!(early[0][0]
        .period
        .as_ref()
        .is_some_and(|p| p.approximate_end));
    assert_eq!(
        spans(&bind_paragraphs(&paragraphs, "2023-05-21")[0]),
        ["2023-01..2023-05"]
    );
    // Without a day, the publication month stays the end; "so far this month" is no span.
    assert_eq!(
        spans(&bind_paragraphs(&paragraphs, "2023-05")[0]),
        ["2023-01..2023-05"]
    );
    // A count kept day by day (a figure of this very month) runs to the day of writing.
    let daily = bind_paragraphs(
        &[
            "More than 25,000 people have crossed the Channel in small boats so far this year.",
            "Some 472 people made the crossing on Monday.",
        ],
        "2023-10-03",
    );
    assert_eq!(spans(&daily[0]), ["2023-01..2023-10"]);
    assert_eq!(publication_day("2023-05-08"), Some(8));
    assert_eq!(publication_day("2023-05"), None);
}

#[test]
fn a_year_written_across_two_starts_where_its_country_starts_it() {
    let rules = BindRules::builtin();
    let australian = "Net overseas migration to Australia hit a record in 2022-23.";
    assert_eq!(rules.split_year_start(australian), Some(7));
    assert_eq!(
        rules.split_year_start("The Home Office said in 2023/24"),
        Some(4)
    );
    // The country named first decides; a word inside another word names none.
    assert_eq!(
        rules.split_year_start("Britain and Australia, in 2023-24"),
        Some(4)
    );
    assert_eq!(
        rules.split_year_start("Ukraine's refugees in 2022-23"),
        None
    );
    let read = |text: &str, start: Option<u32>| {
        let found = period::find_in(
            text,
            rules,
            publication_month("2024-12-12"),
            &[],
            false,
            start,
        );
        found
            .iter()
            .map(|found| {
                format!(
                    "{} {}..{}",
                    found.period.text, found.period.start, found.period.end
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read(
            "a record 737,000 arrived in 2022-23, up from 427,000 in 2021-22",
            Some(7)
        ),
        ["2022-23 2022-07..2023-06", "2021-22 2021-07..2022-06"]
    );
    assert_eq!(
        read("260,000 for the current financial year", Some(7)),
        ["the current financial year 2024-07..2025-06"]
    );
    // With no country, a split year reads only as a fiscal year; "financial" names none.
    assert_eq!(
        read("in the 2022-23 fiscal year", None),
        ["the 2022-23 fiscal year 2022-10..2023-09"]
    );
    assert!(read("the current financial year", None).is_empty());
    // Nor is any part of it a calendar year.
    assert!(read("R28 million in 2016/17", None).is_empty());
    assert!(read("during the 2023/24 financial year", None).is_empty());
    // Not consecutive years: no split year.
    assert!(!read("from 2022-25", Some(7))
        .iter()
        .any(|p| p.starts_with("2022-25")));
    // The second year is no figure.
    let figures = crate::figures::annotate("Some 737,000 arrived in 2022-23 and in 2023/24.");
    assert!(
        figures
            .iter()
            .all(|figure| figure.value != 23.0 && figure.value != 24.0),
        "{figures:?}"
    );
}

#[test]
fn an_after_clause_dates_its_own_statistic_only() {
    let bindings = bind_paragraphs(
        &[
            "Asylum claims reached 8,100 in 2024.",
            "Claims from Syrians rose to 2,340, the most since records began, after 3,120 people applied in 2016.",
        ],
        "2025-02-10",
    );
    // 2016 is 3,120's; 2,340 keeps the year the passage is about.
    assert_eq!(
        spans(&bindings[1])[..2],
        ["2024-01..2024-12", "2016-01..2016-12"]
    );
}

#[test]
fn an_event_after_since_dates_the_comparison_not_the_figure() {
    // The year of "since records began in 2016" is what 12,400 is measured against.
    let got = bind(
        "Deaths at sea reached 12,400, a level not passed so early in the year since the agency began keeping records in 2016.",
        "2025-05-20",
    );
    assert_ne!(period_of(&got, "12,400"), "2016-01..2016-12");
    // A "since" clause opening the sentence still dates a span to now.
    let got = bind(
        "Since records began in 2016, 150,000 people have crossed.",
        "2025-05-20",
    );
    assert_eq!(
        period_of(&got, "150,000"),
        "2016-01..2025-05 partial of the period to date"
    );
}

#[test]
fn a_which_aside_dates_the_thing_it_describes() {
    let bindings = bind_paragraphs(
        &[
            "Crossings fell by a quarter in the first half of 2024.",
            "The eastern route, which saw the most crossings a year ago, recorded a drop of 48 percent.",
        ],
        "2024-07-15",
    );
    // "a year ago" describes the route, not the 48 percent drop.
    assert_eq!(spans(&bindings[1]), ["2024-01..2024-06"]);
}

#[test]
fn a_first_months_part_that_would_end_after_the_publication_is_last_year_s() {
    let got = bind(
        "Through the first 11 months of the fiscal year, 21% of the refugees came from Congo.",
        "2024-10-01",
    );
    assert_eq!(
        period_of(&got, "21%"),
        "2023-10..2024-08 partial of FY2024 fiscal"
    );
    // Written later in the year, the year is the publication's.
    let got = bind(
        "In the first five months of the year, 4,100 people crossed.",
        "2024-06-20",
    );
    assert_eq!(period_of(&got, "4,100"), "2024-01..2024-05 partial of 2024");
}

#[test]
fn the_last_twelve_months_are_not_settled_to_a_named_part() {
    let bindings = bind_paragraphs(
        &[
            "The U.S. took in 100,000 refugees over the last year.",
            "Through the first 11 months of the fiscal year, 21% came from Congo.",
        ],
        "2024-10-01",
    );
    assert_eq!(spans(&bindings[0]), ["2023-10..2024-09"]);
}

#[test]
fn a_change_in_a_stock_counted_in_december_is_the_year_s() {
    let bindings = bind_paragraphs(
        &[
            "The foreign population stood at 5.2 million in December 2023.",
            "The foreign population increased by 61,000 people.",
        ],
        "2024-06-20",
    );
    assert_eq!(spans(&bindings[1]), ["2023-01..2023-12"]);
}

#[test]
fn a_change_over_years_passes_on_the_year_it_ends_in() {
    let got = bind_paragraphs(
        &[
            "From 2020 to 2023, deployments rose by 323.9%.",
            "Land-based workers numbered 1,752,094 and seafarers 578,626.",
        ],
        "2024-04-10",
    );
    assert!(spans(&got[0]).contains(&"2020-01..2023-12".to_string()));
    assert_eq!(spans(&got[1]), vec!["2023-01..2023-12", "2023-01..2023-12"]);
}

#[test]
fn a_sentence_opening_with_from_names_a_source_or_span_not_a_base() {
    // "From the 2023 data," dates the figures of both clauses; a "from" after a figure still
    // compares ("…, from 10,000 in 2022").
    let got = bind(
        "From the 2023 data, some 1,244,005 workers are rehires and 508,089 others are new hires.",
        "2024-04-10",
    );
    assert_eq!(period_of(&got, "508,089"), "2023-01..2023-12");
    let got = bind(
        "Arrivals reached 12,000 in 2023, up from 10,000 in 2022.",
        "2024-04-10",
    );
    assert_eq!(period_of(&got, "12,000"), "2023-01..2023-12");
    assert_eq!(period_of(&got, "10,000"), "2022-01..2022-12");
}

#[test]
fn last_week_is_days_of_the_publication_month_and_a_start_date_joins_its_since() {
    let got = bind(
        "The Del Rio Sector reported 1,234 apprehensions last week, down from 2,100 the week before.",
        "2024-01-20",
    );
    assert_eq!(
        period_of(&got, "1,234"),
        "2024-01..2024-01 partial of 2024-01"
    );
    // "on October 1" is the day the running fiscal year starts, not the figure's month.
    let got = bind(
        "Since the start of fiscal year 2024 on October 1, agents have apprehended more than 785,000 migrants.",
        "2024-01-20",
    );
    assert_eq!(
        period_of(&got, "more than 785,000"),
        "2023-10..2024-01 partial of FY2024 fiscal"
    );
}

#[test]
fn one_month_named_alone_does_not_end_a_running_total() {
    // October is the fiscal year's first month and a count of its own, not where "so far in
    // fiscal year 2025" ends (published December 10: October and November).
    let got = bind_paragraphs(
        &[
            "In November, the Border Patrol recorded 46,612 apprehensions, down from 56,530 in October.",
            "So far in fiscal year 2025, agents have apprehended 103,000 migrants.",
        ],
        "2024-12-10",
    );
    assert_eq!(
        spans(&got[1]).last().map(String::as_str),
        Some("2024-10..2024-11")
    );
}

#[test]
fn a_day_written_before_its_month_starts_a_span() {
    let got = bind(
        "Deportations since 1 January 2022 were 83,731.",
        "2024-12-20",
    );
    assert_eq!(
        period_of(&got, "83,731"),
        "2022-01..2024-12 partial of the period to date"
    );
    let got = bind(
        "A total of 868 people arrived between the 1st of January and October 15 this year.",
        "2023-10-18",
    );
    assert_eq!(period_of(&got, "868"), "2023-01..2023-10 partial of 2023");
    // South Africa's financial year starts in April.
    assert_eq!(
        BindRules::builtin().split_year_start("The South African department of home affairs"),
        Some(4)
    );
}

#[test]
fn a_flow_counted_to_a_year_s_end_is_the_whole_year_and_a_stock_its_end() {
    let got = bind(
        "Migrant deaths in the Mediterranean jumped to 3,041 by the end of 2023.",
        "2024-01-29",
    );
    assert_eq!(period_of(&got, "3,041"), "2023-01..2023-12");
    let got = bind(
        "The number of refugees living in the country reached 3,041 by the end of 2023.",
        "2024-01-29",
    );
    assert_eq!(period_of(&got, "3,041"), "2023-12..2023-12");
}

#[test]
fn a_level_after_in_comparison_with_is_a_base() {
    let got = bind(
        "By the end of June there were 10,604 applicants in comparison with 5,470 by the end of June last year, a 93.9 per cent increase.",
        "2024-07-12",
    );
    assert_eq!(
        period_of(&got, "93.9 per cent"),
        "2024-06..2024-06",
        "{got:?}"
    );
    assert_eq!(period_of(&got, "5,470"), "2023-06..2023-06", "{got:?}");
}

#[test]
fn until_the_end_of_last_september_ends_a_span_in_that_month() {
    let got = bind(
        "18 thousand expatriates were deported since the beginning of this year 2019 until the end of last September.",
        "2019-11-05",
    );
    assert_eq!(
        period_of(&got, "18 thousand"),
        "2019-01..2019-09 partial of 2019",
        "{got:?}"
    );
    let got = bind(
        "Some 5,000 were deported from January until the end of last September.",
        "2019-11-05",
    );
    assert_eq!(
        period_of(&got, "Some 5,000"),
        "2019-01..2019-09 partial of 2019",
        "{got:?}"
    );
}

#[test]
fn a_stock_counted_up_to_a_month_is_the_level_then_and_the_passage_goes_on_with_it() {
    let got = figures_and_bindings(
        &[
            "The statistics prepared by the Central Administration of Statistics until September 2021 reveal the Egyptian labor force ranks first, with a total of 456,600 workers.",
            "The Bangladeshi labor ranked fourth, with a total of 161,100 workers.",
        ],
        "2022-02-07",
    );
    let period_of = |written: &str| {
        got.iter()
            .flatten()
            .find(|(figure, _)| figure.text == written)
            .and_then(|(_, binding)| binding.period.as_ref())
            .map(|period| format!("{}..{}", period.start, period.end))
    };
    assert_eq!(period_of("456,600").as_deref(), Some("2021-09..2021-09"));
    assert_eq!(period_of("161,100").as_deref(), Some("2021-09..2021-09"));
    // A flow counted up to a month stays the months to it.
    let got = bind(
        "Until September 2021, 15,000 migrants arrived.",
        "2022-02-07",
    );
    assert_eq!(
        super::tests::period_of(&got, "15,000"),
        "2021-01..2021-09 partial of 2021"
    );
}

#[test]
fn an_academic_year_runs_from_september_whatever_the_country_s_financial_year() {
    let got = bind(
        "India sent 331,602 students to the US in the academic year 2023-24, up from 268,923 in the 2022–23 academic year.",
        "2024-11-19",
    );
    assert_eq!(period_of(&got, "331,602"), "2023-09..2024-08", "{got:?}");
    assert_eq!(period_of(&got, "268,923"), "2022-09..2023-08", "{got:?}");
    // Years not consecutive are no school year.
    let found = periods_of("in the academic year 2023-26", "2024-11-19");
    assert!(
        found.iter().all(|found| !found.contains("-09..")),
        "{found:?}"
    );
}

#[test]
fn trailing_years_in_a_report_about_last_year_are_its_calendar_years() {
    let got = figures_and_bindings(
        &[
            "Conflict pushed the number of internally displaced people worldwide to a record 75.9 million at the end of 2023, an NGO monitor said.",
            "Over the past five years, the number of IDPs resulting from conflict has increased by 22.6 million.",
        ],
        "2024-05-14",
    );
    let change = |got: &[Vec<(Figure, Binding)>]| {
        got.iter()
            .flatten()
            .find(|(figure, _)| figure.text == "22.6 million")
            .and_then(|(_, binding)| binding.period.clone())
    };
    let period = change(&got).map(|period| format!("{}..{}", period.start, period.end));
    assert_eq!(period.as_deref(), Some("2019-01..2023-12"));
    // Published late in the year after, the span stays counted back from the publication.
    let got = figures_and_bindings(
        &[
            "The number reached a record 75.9 million at the end of 2023.",
            "Over the past five years, the number has increased by 22.6 million.",
        ],
        "2024-11-14",
    );
    let period = change(&got).map(|period| period.end.to_string());
    assert_eq!(period.as_deref(), Some("2024-10"));
}

#[test]
fn a_part_of_a_year_after_the_sentence_s_year_is_that_part_of_it() {
    let got = bind(
        "Last year 764 Nigerians tried to claim asylum in the first six months; this year the figure is 2,999.",
        "2024-07-12",
    );
    assert_eq!(
        period_of(&got, "764"),
        "2023-01..2023-06 partial of 2023",
        "{got:?}"
    );
    assert_eq!(
        period_of(&got, "2,999"),
        "2024-01..2024-07 partial of 2024",
        "{got:?}"
    );
    let got = bind(
        "In 2022, 500 Nigerians applied in the first six months.",
        "2024-07-12",
    );
    assert_eq!(
        period_of(&got, "500"),
        "2022-01..2022-06 partial of 2022",
        "{got:?}"
    );
    // Another clause after a comma is this year's.
    let got = bind(
        "In 2023, 5,000 crossed, while in the first six months 3,000 did.",
        "2024-07-12",
    );
    assert!(
        period_of(&got, "3,000").starts_with("2024-01..2024-06"),
        "{got:?}"
    );
}

#[test]
fn a_sentence_stating_the_present_gives_the_level_at_the_carried_span_s_end() {
    let got = figures_and_bindings(
        &[
            "San Andrés tuvo un decrecimiento de 25 personas entre enero y febrero.",
            "Actualmente, 2.284.675 venezolanos en Colombia están en proceso de regularización.",
            "De ellos, 1.927.299 ya tienen un permiso.",
        ],
        "2024-06-10",
    );
    let period_of = |written: &str| {
        got.iter()
            .flatten()
            .find(|(figure, _)| figure.text == written)
            .and_then(|(_, binding)| binding.period.as_ref())
            .map(|period| format!("{}..{}", period.start, period.end))
    };
    assert_eq!(period_of("2.284.675").as_deref(), Some("2024-02..2024-02"));
    assert_eq!(period_of("1.927.299").as_deref(), Some("2024-02..2024-02"));
    // Without "Actualmente", the span carries.
    let got = figures_and_bindings(
        &[
            "San Andrés tuvo un decrecimiento de 25 personas entre enero y febrero.",
            "En Colombia, 2.284.675 venezolanos están en proceso de regularización.",
        ],
        "2024-06-10",
    );
    let carried = got[1][0].1.period.as_ref().map(|period| period.months());
    assert_eq!(carried, Some(2), "{got:?}");
}

#[test]
fn an_event_dated_relative_to_the_publication_starts_a_span_to_date() {
    let got = bind(
        "Since fighting broke out in mid-April last year, more than 10 million people have been forced from their homes.",
        "2024-08-21",
    );
    assert_eq!(
        period_of(&got, "more than 10 million"),
        "2023-04..2024-08 partial of the period to date",
        "{got:?}"
    );
    let got = bind(
        "The number has risen by 5,000 since last year.",
        "2024-08-21",
    );
    assert_eq!(period_of(&got, "5,000"), "2023-01..2023-12", "{got:?}");
}

#[test]
fn a_month_of_the_previous_year_is_that_month_before_the_sentence_s_year() {
    let got = bind(
        "In February 2025, BAMF accepted 11,189 initial applications, representing a 43 percent decline from February of the previous year.",
        "2025-03-10",
    );
    assert_eq!(period_of(&got, "43 percent"), "2025-02..2025-02", "{got:?}");
    let got = bind(
        "In February 2023, BAMF accepted 11,189 initial applications, against 9,000 in February of the previous year.",
        "2025-03-10",
    );
    assert_eq!(period_of(&got, "9,000"), "2022-02..2022-02", "{got:?}");
}

#[test]
fn a_flow_word_keeps_a_year_whole_beside_a_stock_word_in_a_name() {
    // "Refugees" in the office's name is no stock; "requests" are a flow.
    let got = bind(
        "The Office for the Protection of Refugees and Stateless Persons said Afghans, with 17,500 requests, were the largest group of asylum seekers in the country in 2023.",
        "2024-01-20",
    );
    assert_eq!(period_of(&got, "17,500"), "2023-01..2023-12", "{got:?}");
    let got = bind(
        "Approximately 18,800 refugees travelled through Serbia in 2024.",
        "2025-01-20",
    );
    assert_eq!(
        period_of(&got, "Approximately 18,800"),
        "2024-01..2024-12",
        "{got:?}"
    );
}

#[test]
fn fytd_and_ytd_are_the_year_to_date() {
    let got = bind("FYTD encounters reached 1.1 million.", "2024-03-20");
    assert_eq!(
        period_of(&got, "1.1 million"),
        "2023-10..2024-03 partial of FY2024 fiscal"
    );
    let got = bind("YTD encounters total 1.1 million.", "2024-03-20");
    assert_eq!(
        period_of(&got, "1.1 million"),
        "2024-01..2024-03 partial of 2024"
    );
}

#[test]
fn spanish_dates_are_periods() {
    let periods = |text: &str| periods_of(text, "2024-09-10");
    assert_eq!(
        periods("Entre febrero y abril de 2023 llegaron menos personas."),
        ["Entre febrero y abril de 2023 2023-02..2023-04"]
    );
    assert_eq!(
        periods("De enero a julio de este año se registraron más cruces."),
        ["De enero a julio de este año 2024-01..2024-07 partial"]
    );
    assert_eq!(
        periods("Durante el segundo semestre de 2022 hubo menos."),
        ["Durante el segundo semestre de 2022 2022-07..2022-12 partial"]
    );
    assert_eq!(
        periods("En agosto de 2023 hubo menos."),
        ["En agosto de 2023 2023-08..2023-08"]
    );
    assert_eq!(
        periods("En lo que va del año hubo menos."),
        ["En lo que va del año 2024-01..2024-09 partial"]
    );
    assert_eq!(
        periods("El año pasado hubo menos que en setiembre pasado."),
        [
            "El año pasado 2023-01..2023-12",
            "en setiembre pasado 2023-09..2023-09"
        ]
    );
    assert_eq!(
        periods("En los últimos doce meses hubo menos."),
        ["los últimos doce meses 2023-09..2024-08"]
    );
    // A Spanish month alone is written in lower case: "Mayo" is the Irish county.
    assert_eq!(
        periods("Arrivals in Mayo rose in 2023, as in marzo."),
        ["2023 2023-01..2023-12", "marzo 2024-03..2024-03"]
    );
}

#[test]
fn spanish_comparison_bases_and_lists_bind_like_english_ones() {
    // The base after "respecto a" is the sentence's period a year earlier, not the figure's.
    let got = bind(
        "De enero a mayo de 2024 llegaron 41,200 personas, un aumento de 12.5% respecto a igual periodo de 2023.",
        "2024-06-15",
    );
    assert_eq!(
        period_of(&got, "41,200"),
        "2024-01..2024-05 partial of 2024"
    );
    assert_eq!(period_of(&got, "12.5%"), "2024-01..2024-05 partial of 2024");
    // "desde" after a record word is what the record is measured against.
    let got = bind(
        "En mayo se registraron 7,340 retornos, la cifra más alta desde marzo de 2019.",
        "2024-06-15",
    );
    assert_eq!(period_of(&got, "7,340"), "2024-05..2024-05");
    // The periods listed first and the figures "respectivamente" after them.
    let got = bind(
        "En 2021 y 2020 fueron retornadas 18,250 y 12,904 personas respectivamente.",
        "2022-02-01",
    );
    assert_eq!(period_of(&got, "18,250"), "2021-01..2021-12");
    assert_eq!(period_of(&got, "12,904"), "2020-01..2020-12");
    let got = bind(
        "In 2021 and 2020, some 18,250 and 12,904 people were returned, respectively.",
        "2022-02-01",
    );
    assert_eq!(period_of(&got, "some 18,250"), "2021-01..2021-12");
    assert_eq!(period_of(&got, "12,904"), "2020-01..2020-12");
}

#[test]
fn last_may_is_the_latest_may_and_a_bracketed_year_is_its_own() {
    assert_eq!(
        periods_of(
            "Last May (2022), the minister said there were more.",
            "2023-07-30"
        ),
        ["Last May (2022) 2022-05..2022-05"]
    );
    assert_eq!(
        periods_of(
            "Crossings fell last March and rose this June.",
            "2023-07-30"
        ),
        ["last March 2023-03..2023-03", "this June 2023-06..2023-06"]
    );
    // "The last September high" is no period of its own: its month is composed with the year.
    let got = bind(
        "The last September high was when Border Patrol recorded 207,597 encounters in 2022.",
        "2023-10-21",
    );
    assert_eq!(period_of(&got, "207,597"), "2022-09..2022-09");
}

#[test]
fn a_bare_last_year_a_running_total_is_measured_against_is_the_same_part_of_it() {
    let got = figures_and_bindings(
        &[
            "Arrivals so far this year reached 31,480.",
            "That is an increase on the figure recorded last year, which was 27,905.",
            "In all of last year, 52,100 people arrived, compared with 36,000 in 2022.",
        ],
        "2024-06-12",
    );
    let period = |paragraph: usize, text: &str| {
        got[paragraph]
            .iter()
            .find(|(figure, _)| figure.text == text)
            .and_then(|(_, binding)| binding.period.as_ref())
            .map(|period| format!("{}..{}", period.start, period.end))
    };
    assert_eq!(period(0, "31,480").as_deref(), Some("2024-01..2024-06"));
    assert_eq!(period(1, "27,905").as_deref(), Some("2023-01..2023-06"));
    // "all of last year" is the whole year.
    assert_eq!(period(2, "52,100").as_deref(), Some("2023-01..2023-12"));
}

#[test]
fn a_spanish_weekday_after_a_reporting_verb_dates_the_report() {
    assert_eq!(
        bind(
            "El instituto informó este martes que 4,210 personas fueron deportadas en junio.",
            "2025-07-02"
        )[0]
        .1,
        "2025-06..2025-06"
    );
    assert!(periods_of(
        "El instituto informó este martes que hubo 4,210.",
        "2025-07-02"
    )
    .is_empty());
}

#[test]
fn since_the_end_of_a_month_or_year_starts_there() {
    assert_eq!(
        periods_of(
            "The backlog has decreased by just 2,827 in the 18 months since the end of June 2022.",
            "2024-01-03"
        ),
        ["since the end of June 2022 2022-06..2024-01 partial"]
    );
    assert_eq!(
        periods_of("Arrivals have doubled since the end of 2023.", "2024-06-03"),
        ["since the end of 2023 2023-12..2024-06 partial"]
    );
}

#[test]
fn the_first_months_of_a_year_written_across_two_start_in_the_country_s_month() {
    let text = "Nepal has received a remittance of Rs 228 billion in the first two months of the current Fiscal Year 2023/24.";
    let rules = BindRules::builtin();
    let start = rules.split_year_start(text);
    assert_eq!(start, Some(7));
    let found = period::find_in(
        text,
        rules,
        publication_month("2023-10-17"),
        &[],
        false,
        start,
    );
    let spans: Vec<String> = found
        .iter()
        .map(|found| format!("{}..{}", found.period.start, found.period.end))
        .collect();
    assert_eq!(spans, ["2023-07..2023-08"]);
    // Unknown country: the fiscal year's own start month, and the year as written.
    let found = period::find_in(
        text,
        rules,
        publication_month("2023-10-17"),
        &[],
        false,
        None,
    );
    assert_eq!(
        found.first().map(|found| found.period.start.to_string()),
        Some("2022-10".to_string())
    );
}

#[test]
fn a_level_described_after_the_cue_is_a_change_s_base() {
    // "from a record 906,000 in the year to June 2023": the year dates 906,000, not the fall.
    let got = bind_paragraphs(
        &[
            "Net migration to the United Kingdom was an estimated 728,000 in the year to June 2024, according to the Office for National Statistics.",
            "That is down 20 per cent from a record 906,000 in the year to June 2023.",
            "This total has been revised upwards by 166,000 from the initial estimate of 740,000.",
        ],
        "2024-11-28",
    );
    let second = spans(&got[1]);
    assert_ne!(second[0], "2022-07..2023-06", "{got:?}");
    assert_eq!(second[1], "2022-07..2023-06", "{got:?}");
    // A sentence opening on "This total" goes on about the last figure named, a base or not.
    assert_eq!(
        spans(&got[2]),
        ["2022-07..2023-06", "2022-07..2023-06"],
        "{got:?}"
    );
}

#[test]
fn may_after_month_of_is_the_month() {
    assert_first_period(
        "There were 792 Nigerian applicants during the month of May.",
        "2024-10-12",
        "2024-05..2024-05",
    );
}

#[test]
fn the_same_period_last_year_of_a_running_total_is_that_total_a_year_before() {
    let got = bind(
        "As of June 1, 25,937 migrants arrived in Italy from the Tunisian coast, an increase \
         of 580% compared to 3,818 arrivals in the same period last year.",
        "2023-06-05",
    );
    let running = period_of(&got, "25,937").to_string();
    assert!(running.starts_with("2023-01..2023-06"), "{got:?}");
    assert!(
        period_of(&got, "3,818").starts_with("2022-01..2022-06"),
        "{got:?}"
    );
    // A cut-off of a stock stays a point, and so does the same time a year before.
    let got = bind(
        "As of June 1, 25,937 refugees lived in the camp, against 3,818 at the same time last year.",
        "2023-06-05",
    );
    assert_eq!(period_of(&got, "3,818"), "2022-06..2022-06", "{got:?}");
}

#[test]
fn a_change_word_shared_by_a_list_keeps_each_year_whole() {
    let got = bind(
        "Miller said the temporary population will decline by 445,901 in 2025 and 445,662 in 2026.",
        "2024-10-24",
    );
    assert_eq!(period_of(&got, "445,901"), "2025-01..2025-12", "{got:?}");
    assert_eq!(period_of(&got, "445,662"), "2026-01..2026-12", "{got:?}");
    // A level of a stock listed after a level is the year's end.
    let got = bind(
        "The temporary population was 2,500,000 in 2025 and 2,100,000 in 2026.",
        "2024-10-24",
    );
    assert_eq!(period_of(&got, "2,100,000"), "2026-12..2026-12", "{got:?}");
}

#[test]
fn a_sentence_passes_on_the_latest_period_its_statistics_took() {
    // The sentence's last statistic recalls an earlier year's peak; the paragraph after goes on
    // about the year the first one counts.
    let bound = bind_paragraphs(
        &[
            "Asylum claims fell by 21,400 in 2024, the lowest since the peak of 96,900 in 2021.",
            "Claims from Syrians made up 8,200.",
        ],
        "2025-03-10",
    );
    // (The years are figures too, after their statistics.)
    assert_eq!(
        spans(&bound[0][..2]),
        vec!["2024-01..2024-12", "2021-01..2021-12"]
    );
    assert_eq!(spans(&bound[1]), vec!["2024-01..2024-12"]);
}

#[test]
fn a_target_in_another_clause_dates_no_figure_outside_it() {
    // The change takes the period the passage goes on about, not the target's year; a figure
    // whose own sentence projects keeps it.
    let bound = bind_paragraphs(
        &[
            "Net arrivals reached 81,300 in 2024, the statistics office said.",
            "That is a 9 per cent rise, but the government has a target of 60,000 arrivals in 2026.",
            "Officials expect 70,000 arrivals, as well as 5,000 returns, by the end of 2026.",
        ],
        "2025-02-20",
    );
    assert_eq!(spans(&bound[1][..1]), vec!["2024-01..2024-12"]);
    assert_eq!(spans(&bound[2][..1]), vec!["2026-01..2026-12"]);
}

#[test]
fn a_level_after_a_change_on_it_or_described_by_a_relative_clause_is_its_base() {
    for sentence in [
        "The intake was a 16 per cent decline on the 93,000 migrants in 2019-20.",
        "The intake was a 16 per cent decline from the 93,000 migrants who arrived across the 2019-20 year.",
    ] {
        let bound = bind_paragraphs(
            &[
                "Canberra: net overseas migration was 78,100 in 2020-21, the Australian Bureau of Statistics said.",
                sentence,
            ],
            "2021-12-14",
        );
        assert_eq!(
            spans(&bound[1][..2]),
            vec!["2020-07..2021-06", "2019-07..2020-06"],
            "{sentence}"
        );
    }
}

#[test]
fn a_country_that_names_fiscal_years_by_their_end_starts_them_in_its_own_month() {
    // Pakistan's fiscal year starts in July; the U.S. federal one in October.
    let pakistan = bind_paragraphs(
        &["Pakistan received remittances of $38.3 billion in FY25, up 26% from FY24."],
        "2025-07-10",
    );
    assert_eq!(spans(&pakistan[0][..1]), vec!["2024-07..2025-06"]);
    let us = bind_paragraphs(
        &["The Border Patrol reported 1.5 million encounters in FY24, its officials said."],
        "2024-11-10",
    );
    assert_eq!(spans(&us[0][..1]), vec!["2023-10..2024-09"]);
    let rules = BindRules::builtin();
    assert_eq!(rules.fiscal_start(rules.split_year_start("Pakistan")), 7);
    assert_eq!(rules.fiscal_start(None), 10);
}

#[test]
fn a_fiscal_year_written_across_two_is_one_year() {
    assert_eq!(
        periods_of(
            "Remittances reached $30.32 billion in FY2024-25.",
            "2026-01-10"
        ),
        vec!["FY2024-25 2024-10..2025-09"]
    );
    assert_eq!(
        periods_of(
            "Arrivals fell in fiscal year 2023/24 and FY22-23.",
            "2026-01-10"
        ),
        vec![
            "fiscal year 2023/24 2023-10..2024-09",
            "FY22-23 2022-10..2023-09"
        ]
    );
    // Not consecutive: no fiscal year written across two.
    assert!(!periods_of("FY2021-25 plan", "2026-01-10")
        .iter()
        .any(|found| found.starts_with("FY2021-25")));
}

#[test]
fn a_passage_looking_back_before_the_first_period_is_background() {
    let bound = bind_paragraphs(
        &[
            "As of the end of June 2025, there were 1.56 million registered foreigners.",
            "Previously, the country saw a record 1.2 million in 2019, but that number dropped to 0.9 million in 2021.",
            "Chinese made up the largest group at 35.6%, or 555,000.",
        ],
        "2025-07-28",
    );
    assert_eq!(
        spans(&bound[2]),
        vec!["2025-06..2025-06", "2025-06..2025-06"]
    );
    // Without the look-back opening, the passage goes on about its own years.
    let bound = bind_paragraphs(
        &[
            "As of the end of June 2025, there were 1.56 million registered foreigners.",
            "The country saw a record 1.2 million in 2019, but that number dropped to 0.9 million in 2021.",
            "Chinese made up the largest group at 35.6%, or 555,000.",
        ],
        "2025-07-28",
    );
    assert_ne!(
        spans(&bound[2]),
        vec!["2025-06..2025-06", "2025-06..2025-06"]
    );
}

#[test]
fn a_month_named_by_a_sentence_without_a_statistic_dates_an_event_not_the_next_passage() {
    let paragraphs = |event: &'static str| {
        bind_paragraphs(
            &[
                "In 2023, 30,223 people applied for asylum in the country.",
                event,
                "The office dealt with 26,667 applications in the first instance.",
            ],
            "2024-02-15",
        )
    };
    let bound = paragraphs("And in July, the country changed its asylum policy.");
    assert_eq!(spans(&bound[2][..1]), vec!["2023-01..2023-12"]);
    // A year named so is what the next passage goes on about.
    let bound = paragraphs("Likewise, in the region, 2022 broke records.");
    assert_eq!(spans(&bound[2][..1]), vec!["2022-01..2022-12"]);
}

#[test]
fn a_projection_may_be_written_in_several_words() {
    for sentence in [
        "The government aims to cut arrivals to 60,000 in 2026.",
        "The ministry is on track to settle 60,000 in 2026.",
        "The party pledged to admit 60,000 in 2026.",
    ] {
        assert!(period::projection(&sentence.to_lowercase()), "{sentence}");
    }
    assert!(!period::projection("the aim of the plan was clear"));
}

#[test]
fn weeks_and_days_ago_are_parts_of_the_publication_month() {
    assert_eq!(
        periods_of(
            "Two weeks ago, only 86 migrants were detained.",
            "2025-07-20"
        ),
        vec!["Two weeks ago 2025-07..2025-07 partial"]
    );
    assert_eq!(
        periods_of("A few days ago, 40 were detained.", "2025-07-20"),
        vec!["A few days ago 2025-07..2025-07 partial"]
    );
}

#[test]
fn the_same_timeframe_of_a_year_is_the_same_period() {
    let got = bind(
        "In the first half, 8,637 applied, compared to 13,634 during the same time frame last year.",
        "2025-07-20",
    );
    assert_eq!(
        period_of(&got, "13,634"),
        "2024-01..2024-06 partial of 2024"
    );
}

#[test]
fn a_possessive_period_owns_no_figure_its_noun_is_compared_with() {
    let got = bind(
        "Last year's arrivals surpassed the 39,910 migrants who reached the islands by sea in 2023.",
        "2025-01-10",
    );
    assert_eq!(period_of(&got, "39,910"), "2023-01..2023-12");
    // The noun the possessive owns, written right before the figure, still takes it.
    let got = bind(
        "Last year's annual total of 29,437 was a record.",
        "2025-01-10",
    );
    assert_eq!(period_of(&got, "29,437"), "2024-01..2024-12");
}

#[test]
fn a_period_before_a_reporting_verb_dates_the_report_when_the_figure_has_its_own() {
    let got = bind(
        "A report last week by an NGO said at least 10,457 migrants died trying to reach Spain from Jan. 1 to Dec. 5, 2024.",
        "2025-01-10",
    );
    assert!(
        period_of(&got, "at least 10,457").starts_with("2024-01.."),
        "{got:?}"
    );
    // With nothing after the verb, the period before it is the figure's.
    let got = bind(
        "In 2024, officials said 10,000 migrants crossed.",
        "2025-01-10",
    );
    assert_eq!(period_of(&got, "10,000"), "2024-01..2024-12");
}

#[test]
fn a_january_recap_s_this_year_is_the_year_it_recaps() {
    let got = bind(
        "In 2024, Mexico saw a decline in asylum applications, totaling 78,975 applicants this year compared to 140,720 in 2023.",
        "2025-01-14",
    );
    assert_eq!(period_of(&got, "78,975"), "2024-01..2024-12");
    let got = bind(
        "COMAR reports 78,975 asylum seekers this year, compared to a peak of 140,720 in 2023.",
        "2025-01-14",
    );
    assert_eq!(period_of(&got, "78,975"), "2024-01..2024-12");
    // The year before as the base: this year is this year.
    let got = bind(
        "This year, 500 crossed the Channel, compared with 36,816 in 2024.",
        "2025-01-14",
    );
    assert_eq!(period_of(&got, "500"), "2025-01..2025-01 partial of 2025");
    // Outside January, nothing changes.
    let got = bind(
        "COMAR reports 78,975 asylum seekers this year, compared to a peak of 140,720 in 2023.",
        "2024-11-14",
    );
    assert!(period_of(&got, "78,975").starts_with("2024-01..2024-11 partial"));
}

#[test]
fn a_base_year_of_a_part_year_percent_change_is_the_same_part_of_that_year() {
    let got = bind(
        "During the first two months of this year, 1,828 migrants arrived, an increase of 17.8% compared to 2024, when 1,552 migrants made the journey.",
        "2025-03-05",
    );
    assert_eq!(period_of(&got, "1,552"), "2024-01..2024-02 partial of 2024");
    let got = bind(
        "The 7,138 migrants who arrived so far this year came on 109 boats, nearly 40% less than the 181 recorded in early 2024.",
        "2025-03-05",
    );
    // "so far this year" on 5 March runs to March.
    assert_eq!(period_of(&got, "181"), "2024-01..2024-03 partial of 2024");
    // A year said whole, or passed, stays whole.
    let got = bind(
        "So far this year, 50,000 arrived, up 20% and already more than the 46,843 who arrived in 2024.",
        "2025-03-05",
    );
    assert_eq!(period_of(&got, "46,843"), "2024-01..2024-12");
    let got = bind(
        "Only 19.1 percent of applications decided in January and February were granted, a drop from last year's overall protection rate of 45 percent.",
        "2025-03-05",
    );
    assert_eq!(period_of(&got, "45 percent"), "2024-01..2024-12");
}

#[test]
fn a_period_after_a_figure_read_with_its_base_dates_the_base() {
    let got = bind(
        "In June, remittances hit a new monthly record of $3.6 billion, up from $2.6 billion the previous year, with around 40.7 percent increase.",
        "2025-08-20",
    );
    assert_eq!(period_of(&got, "around 40.7 percent"), "2025-06..2025-06");
}

#[test]
fn a_repeat_a_year_back_with_nothing_named_before_it_repeats_the_passage_s_span() {
    let bound = bind_paragraphs(
        &[
            "The figures show there were 32,059 asylum seekers in UK hotels by the end of June.",
            "This was up from 29,585 at the same point a year earlier, but down on the 32,345 figure at the end of March.",
        ],
        "2025-08-21",
    );
    assert_eq!(spans(&bound[1][..1]), vec!["2024-06..2024-06"]);
}

#[test]
fn as_many_months_as_the_year_has_had_are_its_first_months() {
    // Written in December: eleven months are January to November, and "the same period in
    // 2022" after them is January to November 2022.
    let got = bind(
        "Over eleven months, the number intercepted stood at 69,963, compared with 31,297 over the same period in 2022.",
        "2023-12-11",
    );
    assert_eq!(
        period_of(&got, "69,963"),
        "2023-01..2023-11 partial of 2023",
        "{got:?}"
    );
    assert_eq!(
        period_of(&got, "31,297"),
        "2022-01..2022-11 partial of 2022",
        "{got:?}"
    );
    // Garbage counts give no period and no panic.
    for text in ["Over 0 months, 5,000 came.", "Over 99 months, 5,000 came."] {
        let got = bind(text, "2023-01-11");
        assert!(
            !period_of(&got, "5,000").starts_with("2023-01..2023-01 partial"),
            "{got:?}"
        );
    }
    // Any other count of months is a span anywhere, no period.
    let got = bind("Over three months, 5,000 were intercepted.", "2023-12-11");
    assert_ne!(
        period_of(&got, "5,000"),
        "2023-01..2023-03 partial of 2023",
        "{got:?}"
    );
}

#[test]
fn till_a_month_and_the_current_calendar_year_are_this_year_so_far() {
    let got = bind(
        "450,110 Pakistanis were registered for overseas employment in the first seven months of the current calendar year i.e. till July.",
        "2023-08-20",
    );
    assert_eq!(
        period_of(&got, "450,110"),
        "2023-01..2023-07 partial of 2023",
        "{got:?}"
    );
    let got = bind(
        "450,110 Pakistanis were registered for overseas employment till July.",
        "2023-08-20",
    );
    assert_eq!(
        period_of(&got, "450,110"),
        "2023-01..2023-07 partial of 2023",
        "{got:?}"
    );
}
