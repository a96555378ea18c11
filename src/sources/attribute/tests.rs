use super::*;

/// The source name of each sentence of `text`, one sentence per line.
fn names(text: &str) -> Vec<Option<String>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        sentences.push(Span::new(start, start + trimmed.len()));
        start += line.len();
    }
    attribute(text, &sentences)
        .into_iter()
        .map(|found| found.map(|attribution| attribution.name))
        .collect()
}

// See: issue 4, "Ecuador  unknown  2 claims" listed as a source of its topic.
#[test]
fn a_bare_place_is_never_a_source() {
    let text =
        "When Ecuador announced that it would stop visa-free entry, the response was muted.\n\
                France had shown with its decision that culture matters.\n\
                China and Venezuela reported 300 new flights.\n\
                According to the U.S., 12 routes closed.\n\
                The Western Balkans and the Central Mediterranean recorded the largest decreases, 72 percent.\n";
    assert_eq!(names(text), vec![None, None, None, None, None]);
}

#[test]
fn a_name_far_after_said_is_not_who_said_it() {
    let text = "Migrants sent 20 percent more home, a trend economists said reflected their fear of deportation by President Donald Trump's administration.\n\
                Arrivals rose 12 percent, said the interior ministry.\n";
    assert_eq!(
        names(text),
        vec![None, Some("interior ministry".to_string())]
    );
}

#[test]
fn a_bare_proper_noun_is_not_a_source_but_an_acronym_or_full_name_is() {
    let text = "Smith reported 40 arrivals.\n\
                CEDOC reported 40 arrivals.\n\
                According to Olivia Enos, 40 migrants arrived.\n\
                Peruvian border police detained 1,200 migrants.\n";
    assert_eq!(
        names(text),
        vec![
            None,
            Some("CEDOC".to_string()),
            Some("Olivia Enos".to_string()),
            Some("Peruvian border police".to_string()),
        ]
    );
}

#[test]
fn a_registry_alias_that_is_one_word_still_attributes() {
    let text = "UNHCR reported 15,000 arrivals.\n";
    assert_eq!(
        names(text),
        vec![Some(
            "Office of the United Nations High Commissioner for Refugees".to_string()
        )]
    );
}

#[test]
fn a_definite_agency_phrase_points_back_to_the_agency_named_before_it() {
    let text = "Eurostat said that in 2022, 881,200 people applied.\n\
                The figure excludes 4.3 million Ukrainians.\n\
                The agency said 131,000 Syrians applied.\n\
                In the EU there were 1,973 applicants per million people, according to the agency.\n\
                Data showed a 38% drop in crossings, the Luxembourg-based agency said.\n";
    assert_eq!(
        names(text),
        vec![
            Some("Eurostat".to_string()),
            None,
            Some("Eurostat".to_string()),
            Some("Eurostat".to_string()),
            Some("Eurostat".to_string()),
        ]
    );
    // Nothing named before: a phrase that says which body names it, a bare one nothing.
    let text = "Arrivals rose 50 per cent, the interior ministry said Saturday.\n\
                The agency said 131,000 Syrians applied.\n";
    assert_eq!(
        names(text),
        vec![Some("interior ministry".to_string()), None]
    );
}

#[test]
fn a_definite_report_or_data_phrase_points_back_to_the_agency_named_before_it() {
    let text = "ICE removed 271,484 people in fiscal 2024, according to its annual report.\n\
                Mexico accounted for about 87,000 removals, the report said.\n\
                According to the data, 705 Georgians were deported.\n\
                According to the information, 520 removals were aborted.\n\
                According to the latest population estimate, 2,198,679 people were detained.\n\
                According to the document, 7,181 were apprehended in March.\n";
    let ice = Some("U.S. Immigration and Customs Enforcement".to_string());
    assert_eq!(
        names(text),
        vec![
            ice.clone(),
            ice.clone(),
            ice.clone(),
            ice.clone(),
            ice.clone(),
            ice
        ]
    );
    // Another body's report written in between: "the report" may be that one, so it names
    // nothing (rather than the agency named before it).
    let text = "Eurostat counted 1.1 million applications.\n\
                Attacks used visas, according to a 2004 report from the Nixon Center.\n\
                The report noted that 19 hijackers held visas.\n";
    let got = names(text);
    assert_eq!(got[0], Some("Eurostat".to_string()));
    assert_ne!(got[2], Some("Eurostat".to_string()));
    // A bare "the report" with nothing named before it names nothing.
    assert_eq!(names("The report said 40 people arrived.\n"), vec![None]);
}

#[test]
fn a_source_after_a_dash_or_colon_ends_a_headline() {
    let text = "Forced displacement at record 68.5 million people - UNHCR\n\
                Asylum applicants rose over 60% last year: Eurostat\n\
                Arrivals fell in Greece - and in Italy\n";
    let got = names(text);
    assert_eq!(got[1], Some("Eurostat".to_string()));
    assert!(
        got[0]
            .as_deref()
            .is_some_and(|name| name.contains("Refugee") || name == "UNHCR"),
        "{got:?}"
    );
    assert_eq!(got[2], None);
}

#[test]
fn a_source_before_an_opening_colon_or_after_a_closing_says_is_the_headline_s() {
    let text = "UN: Over 733,000 Afghan refugees returned from Pakistan\n\
                Eurostat: asylum applications rose 20% in 2023\n\
                Over 233,000 Afghans Deported From Iran In One Month, Says IOM\n\
                Analysis: arrivals fell 10% in 2023\n";
    let got = names(text);
    assert!(
        got[0]
            .as_deref()
            .is_some_and(|name| name.contains("United Nations")),
        "{got:?}"
    );
    assert_eq!(got[1], Some("Eurostat".to_string()));
    assert!(
        got[2]
            .as_deref()
            .is_some_and(|name| name.contains("Migration")),
        "{got:?}"
    );
    // A word that names no source before the colon.
    assert_eq!(got[3], None);
}

/// The source name and mention of each non-blank line of `text` (one sentence each, a blank
/// line between paragraphs), every sentence stating a statistic.
fn headline_and_body(text: &str) -> Vec<Option<(String, String)>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            sentences.push(Span::new(start, start + line.trim_end().len()));
        }
        start += line.len();
    }
    let statistic = vec![true; sentences.len()];
    Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, &sentences, &statistic, &[])
        .0
        .into_iter()
        .map(|found| found.map(|found| (found.name, found.mention)))
        .collect()
}

#[test]
fn a_headline_speaker_named_in_short_is_the_source_the_body_names_in_full() {
    let text = "Schreiber says SA spent R300m deporting foreigners\n\n\
                Home Affairs Minister Leon Schreiber reported that R300 million was spent.\n";
    let got = headline_and_body(text);
    assert_eq!(
        got[0],
        Some((
            "Home Affairs Minister Leon Schreiber".to_string(),
            "Schreiber".to_string()
        )),
        "{got:?}"
    );
    let text = "Deportations from Germany up 30% this year, ministry says\n\n\
                Germany deported 9,000 people, the Interior Ministry said on Friday.\n";
    let got = headline_and_body(text);
    assert_eq!(
        got[0].as_ref().map(|(_, mention)| mention.as_str()),
        Some("ministry"),
        "{got:?}"
    );
    // A speaker the body never names, or a first sentence in a paragraph with others, gets
    // nothing from the body.
    let text = "Panama says crossings fell 41% in 2024\n\n\
                Crossings fell to 302,000, President Jose Raul Mulino said.\n";
    assert_eq!(headline_and_body(text)[0], None);
    let text = "Schreiber says SA spent R300m. Home Affairs Minister Leon Schreiber reported it.\n";
    let sentences = [Span::new(0, 30), Span::new(31, text.len() - 1)];
    let got = Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, &sentences, &[true, true], &[])
        .0;
    assert_eq!(got[0], None, "{got:?}");
}

#[test]
fn a_surname_alone_is_a_source_once_the_full_name_was_written() {
    let text = "President Jose Raul Mulino said 302,000 people crossed.\n\
                Mulino said that at least 55 migrants had died.\n\
                Smith said that 40 migrants had died.\n";
    assert_eq!(
        names(text),
        vec![
            Some("President Jose Raul Mulino".to_string()),
            Some("Mulino".to_string()),
            None,
        ]
    );
}

#[test]
fn a_surname_after_a_titled_name_with_an_initial_is_a_source() {
    // The full name was written with an initial and a title, and no speech verb.
    let text = "External Affairs Minister S Jaishankar presented the data in the Rajya Sabha.\n\
                Jaishankar told Parliament that 2,25,620 persons gave up citizenship in 2022.\n\
                Gupta told Parliament that 40 persons gave up citizenship in 2022.\n";
    let got = names(text);
    assert_eq!(got[1].as_deref(), Some("Jaishankar"), "{got:?}");
    assert_eq!(got[2], None, "{got:?}");
}

#[test]
fn the_survey_points_back_to_the_survey_named_and_its_report_goes_on() {
    // One paragraph per line: the survey's report goes on past its paragraph.
    let text = "The Pakistan Economic Survey 2025 has revealed that over 727,000 Pakistanis moved abroad for employment.\n\
                According to the survey, Saudi Arabia absorbed 62 percent of the total migrant workforce.\n\
                This translates to nearly 452,000 workers seeking employment in the Kingdom.\n";
    let survey = "Pakistan Economic Survey".to_string();
    assert_eq!(
        carried(text, &[true, true, true]),
        vec![
            Some((survey.clone(), Via::Attribution)),
            Some((survey.clone(), Via::Attribution)),
            Some((survey, Via::Carried)),
        ]
    );
}

#[test]
fn states_before_a_verb_in_the_past_is_a_noun_not_a_reporting_verb() {
    let text = "Eurostat said 23,255 unaccompanied minors applied for asylum last year.\n\
                EU states granted asylum in 267,360 cases last year.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1],
        Some(("Eurostat".to_string(), Via::Carried)),
        "{got:?}"
    );
    // A reporting "states" still names its subject.
    let text = "Eurostat states that 23,255 unaccompanied minors applied for asylum last year.\n";
    assert_eq!(names(text), vec![Some("Eurostat".to_string())]);
}

#[test]
fn an_agency_after_by_is_the_source_of_a_counted_passive() {
    let text = "Venezuelans were arrested 54,833 times by the Border Patrol in September.\n\
                There were 269,735 encounters, the most ever recorded in a single month by CBP.\n\
                The data was published today (April 22) by the Statistical Office of the European Union.\n\
                Hong Kong saw acute repression by the Chinese Communist Party in 2023.\n\
                He won by encouraging more frequent ICE raids on 40 businesses.\n";
    assert_eq!(
        names(text),
        vec![
            Some("U.S. Border Patrol".to_string()),
            Some("U.S. Customs and Border Protection".to_string()),
            Some("Eurostat".to_string()),
            None,
            None,
        ]
    );
}

#[test]
fn figures_confirm_and_a_named_office_or_organization_said() {
    let text = "More than 25,000 people crossed so far this year, Home Office figures confirm.\n\
                Refugees accounted for 25.4 million, the biggest increase UNHCR has seen, the organization said.\n\
                The crossings fell by 41 percent in 2024, Panama's president said Thursday.\n\
                In the first five months, the INM identified 1,393,683 foreign nationals.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("Home Office"));
    assert_eq!(
        got[1].as_deref(),
        Some("Office of the United Nations High Commissioner for Refugees")
    );
    assert_eq!(got[2].as_deref(), Some("Panama's president"));
    assert_eq!(
        got[3].as_deref(),
        Some("Instituto Nacional de Migración (Mexico)")
    );
}

#[test]
fn an_appositive_between_a_name_and_its_verb_describes_the_name() {
    let text = "Frontex, the European Border and Coast Guard Agency, has reported that 94,000 people crossed.\n\
                Avand Azeez Agha, a spokesperson for the IOM, told AFP that returns passed 691,000.\n\
                Some 26,800 migrants arrived by sea, Federico Fossi, senior public information associate at the UNHCR in Italy, told Anadolu.\n\
                In 2023, the total was 12,000, the agency said.\n\
                As of Sunday, 248,901 migrants had crossed, Maria Isabel Saravia, Panama's deputy director of migration, told a news conference.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("Frontex"));
    assert_eq!(got[1].as_deref(), Some("Avand Azeez Agha"));
    assert_eq!(got[2].as_deref(), Some("Federico Fossi"));
    // A year before a comma is no name an appositive could describe.
    assert_ne!(got[3].as_deref(), Some("In"));
    // A possessive name before the lower-case words leads an appositive too.
    assert_eq!(got[4].as_deref(), Some("Maria Isabel Saravia"));
}

#[test]
fn official_data_of_a_named_country_is_the_source_when_nobody_was_named_before() {
    let text = "The jungle was crossed by 196,370 migrants in the first semester, according to official Panamanian data to which EFE had access.\n\
                At the end of June there were 4,767 migrants in these facilities according to official data.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("official Panamanian data"));
    // "official data" says official, not whose.
    assert_eq!(got[1], None);
    // With an agency named before, official data are no source of their own.
    let text = "The Home Office said 1,180 people crossed in January.\n\
                In February, 1,339 crossed, according to official British data.\n";
    assert_ne!(names(text)[1].as_deref(), Some("official British data"));
}

#[test]
fn government_figures_are_the_government_s_of_the_country_named() {
    // The country of the sentence, else the first the document names.
    let text = "A total of 45,756 people crossed the Channel to the UK in small boats in 2022, government figures show.\n\
                Nearly 46,000 migrants crossed the Channel by small boat in 2022, according to official government figures.\n\
                August saw 8,641 people arrive in Britain.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("Government of the United Kingdom"));
    assert_eq!(got[1].as_deref(), Some("Government of the United Kingdom"));
    // A capitalised "Government" says official, not whose.
    let text = "More people have arrived in the UK this year than over the whole of 2023, according to Government figures.\n";
    assert_eq!(
        names(text)[0].as_deref(),
        Some("Government of the United Kingdom")
    );
    let text = "Asylum applications in Germany rose by 51% in 2023, government figures show.\n\
                The German government said 351,915 applications were lodged.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("Government of Germany"));
    assert_eq!(got[1].as_deref(), Some("Government of Germany"));
    // A document that names no place names the country by its people.
    let text = "More than 2.25 lakh Indians renounced their citizenship in 2022, government data showed on Thursday.\n";
    assert_eq!(names(text)[0].as_deref(), Some("Government of India"));
    // A government the registry does not know is no source; nor is "official data" alone.
    let text = "Asylum claims rose in 2023 in Bhutan, government figures show.\n\
                At the end of June there were 4,767 migrants in the UK according to official data.\n";
    let got = names(text);
    assert_eq!(got[0], None);
    assert_eq!(got[1], None);
}

#[test]
fn a_report_released_by_an_institution_is_the_institution_s() {
    let text = "According to the country’s Current Economic and Financial Situation Report based on the statistics until the 17th of September, 2023, unveiled by Nepal Rastra Bank today, the remittance inflow increased by 22.1 per cent.\n\
                In US dollar terms, the remittance inflow grew by 17.7 per cent.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[0].as_ref().map(|(name, _)| name.as_str()),
        Some("Nepal Rastra Bank")
    );
    // The institution's report goes on.
    assert_eq!(
        got[1].as_ref().map(|(name, _)| name.as_str()),
        Some("Nepal Rastra Bank")
    );
    // Without a publisher the report stays the source.
    let text = "According to the country’s Current Economic and Financial Situation Report, the remittance inflow increased by 22.1 per cent.\n";
    assert_eq!(
        names(text)[0].as_deref(),
        Some("Current Economic and Financial Situation Report")
    );
}

#[test]
fn a_body_without_a_registry_entry_is_the_agent_of_a_passive() {
    let text = "A reported 1,800 migrants landed between June 1 and 15, according to data released on June 17 by the Spanish interior ministry.\n\
                The number who reached the archipelago this year rose to 18,977.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got,
        vec![
            Some(("Spanish interior ministry".to_string(), Via::Attribution)),
            Some(("Spanish interior ministry".to_string(), Via::Carried)),
        ]
    );
    // A person or a place after "by" is no agent this way.
    let text = "The figure was released on Monday by Smith.\n\
                The figure was reported on Monday by Spain.\n";
    assert_eq!(carried(text, &[true, true]), vec![None, None]);
}

#[test]
fn a_statistician_titled_before_the_name_speaks_for_the_body_whose_report_is_held() {
    let text = "New Zealand had a record net migration gain of 96,200 in the July 2023 year, according to Stats NZ.\n\
                \u{201c}That equates to a net gain of about 19 people per 1000 population,\u{201d} population indicators manager Tehseen Islam said.\n\
                \u{201c}It is a record,\u{201d} opposition spokesman John Smith said of the 96,200.\n";
    let got = carried(text, &[true, true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, _)| name.as_str()),
        Some("Stats NZ")
    );
    // A title of no statistics speaks for nobody's report.
    assert_eq!(
        got[2].as_ref().map(|(name, _)| name.as_str()),
        Some("John Smith")
    );
    // The statistician's surname alone later speaks for the body too; another surname does not.
    let text = "New Zealand had a record net migration gain of 96,200 in the July 2023 year, according to Stats NZ.\n\
                \u{201c}That equates to about 19 people per 1000 population,\u{201d} population indicators manager Tehseen Islam said.\n\
                \u{201c}The net loss is approaching the record loss of 44,400,\u{201d} Islam said.\n";
    let got = carried(text, &[true, true, true]);
    assert_eq!(
        got[2].as_ref().map(|(name, _)| name.as_str()),
        Some("Stats NZ"),
        "{got:?}"
    );
}

#[test]
fn according_to_words_that_name_nobody_does_not_end_the_report() {
    let text =
        "In the first five months of the year, the INM identified 1,393,683 foreign nationals.\n\
                Among family units, 154,291 people were identified.\n\
                According to immigration processes, 738,270 adult men were traveling alone.\n\
                According to the UNHCR, 300,000 were refugees.\n";
    let got = carried(text, &[true, true, true, true]);
    let name = |at: usize| got[at].as_ref().map(|(name, _)| name.clone());
    assert_eq!(name(2), name(0));
    assert!(name(0).is_some());
    // "According to" a name names its own source.
    assert_ne!(name(3), name(0));
}

#[test]
fn a_person_who_compiled_the_data_keeps_a_report_that_goes_on() {
    let text = "According to data independently compiled by Thomas Cartwright, a member of the immigration advocacy group, there were 209 flights in June.\n\
                The previous monthly record was 193 flights.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some(("Thomas Cartwright", Via::Carried))
    );
    // A person merely quoted keeps no report.
    let text = "Thomas Cartwright said there were 209 flights in June.\n\
                The previous monthly record was 193 flights.\n";
    assert_eq!(carried(text, &[true, true])[1], None);
}

#[test]
fn an_agency_that_shared_data_is_the_source_of_the_list_after_it() {
    let text =
        "USCIS shared historical data comparing registration volumes across the past six years:\n\
                FY2024: 780,884\n\
                FY2025: 479,953\n";
    let got = carried(text, &[false, true, true]);
    assert_eq!(
        got[0].as_ref().map(|(name, _)| name.as_str()),
        Some("U.S. Citizenship and Immigration Services")
    );
    assert_eq!(
        got[2],
        Some((
            "U.S. Citizenship and Immigration Services".to_string(),
            Via::Carried
        ))
    );
}

#[test]
fn a_reporting_verb_before_its_subject_names_it() {
    let text = "A total of 4,791 people had been deported by the end of March, reports New Osnabrück Newspaper.\n\
                The office reports 5,000 cases a month.\n";
    let got = names(text);
    assert_eq!(got[0].as_deref(), Some("New Osnabrück Newspaper"));
    assert_ne!(got[1].as_deref(), Some("5,000 cases"));
}

/// The source name and how it was reached for each line of `text` (one paragraph per line),
/// where `statistic[i]` says line `i` states a statistic.
fn carried(text: &str, statistic: &[bool]) -> Vec<Option<(String, Via)>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        sentences.push(Span::new(start, start + line.trim_end().len()));
        start += line.len();
    }
    attributed(text, &sentences, statistic)
}

/// [`carried`] with each line's sentences split at ". ": one paragraph per line.
fn carried_in_paragraphs(text: &str, statistic: &[bool]) -> Vec<Option<(String, Via)>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut at = start;
        for piece in line.trim_end().split_inclusive(". ") {
            sentences.push(Span::new(at, at + piece.trim_end().len()));
            at += piece.len();
        }
        start += line.len();
    }
    attributed(text, &sentences, statistic)
}

/// Each sentence's source name and how it was found.
fn attributed(text: &str, sentences: &[Span], statistic: &[bool]) -> Vec<Option<(String, Via)>> {
    Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, sentences, statistic, &[])
        .0
        .into_iter()
        .map(|found| found.map(|attribution| (attribution.name, attribution.via)))
        .collect()
}

#[test]
fn statistics_prepared_by_a_body_are_its() {
    let text = "The statistics prepared by the Central Administration of Statistics until September 2021 reveal that 456,600 Egyptians work in Kuwait.\n";
    assert_eq!(
        names(text),
        vec![Some("Central Administration of Statistics".to_string())]
    );
}

#[test]
fn a_spanish_report_goes_on_past_a_comment_on_its_trend() {
    // "reportó" names a report; "Esta disminución marca el décimo cuarto mes consecutivo" tells
    // how the statistic moved, so the next paragraph goes on with the report.
    let text = "El más reciente informe de Migración Colombia reportó que en el país se encontraban 2.845.706 migrantes venezolanos. Esta disminución marca el décimo cuarto mes consecutivo de reducción.\n\
                Bogotá ha visto una reducción de 4.705 personas.\n";
    let got = carried_in_paragraphs(text, &[true, false, true]);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got[2],
        Some(("Migración Colombia".to_string(), Via::Carried)),
        "{got:?}"
    );
}

#[test]
fn a_comment_on_a_statistic_of_its_paragraph_leaves_a_reported_source_going_on() {
    // A report named with a reporting word goes on past a comment after a statistic of the
    // comment's own paragraph.
    let text = "The agency had 172,331 encounters in March, according to Customs and Border Protection figures.\n\
                The March encounters included some 18,000 unaccompanied minors. The influx burdens an already-strained system.\n\
                Single adults make up the bulk of the encounters, nearly 100,000.\n";
    let got = carried_in_paragraphs(text, &[true, true, false, true]);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(
        got[3],
        Some((
            "U.S. Customs and Border Protection".to_string(),
            Via::Carried
        )),
        "{got:?}"
    );
    // An actor's report ends at the comment: its figures are its deed, not a release.
    let text = "In early July, the Department of Homeland Security (DHS) deported 116 Chinese nationals. The move was the latest expression of concern.\n\
                More than 1 million people have left China since the pandemic began.\n";
    let got = carried_in_paragraphs(text, &[true, false, true]);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2], None, "{got:?}");
    // A comment opening its paragraph holds the report only for a statistic of the same thing
    // (see `one_aside_holds_a_report_for_the_next_statistic_that_shares_its_words`).
    let text = "The agency had 172,331 encounters in March, according to Customs and Border Protection figures.\n\
                The influx burdens an already-strained system.\n\
                Officers seized 400 kilograms of fentanyl.\n";
    assert_eq!(carried_in_paragraphs(text, &[true, false, true])[2], None);
}

#[test]
fn a_body_s_spokesman_speaks_for_the_body_and_its_report_goes_on() {
    let text = "Germany deported 30% more people in 2024 than last year, an Interior Ministry spokesman said on Friday.\n\
                He said stricter laws are taking effect.\n\
                There have been 6,316 deportations so far this year.\n";
    let got = carried(text, &[true, false, true]);
    assert_eq!(
        got[2],
        Some(("Interior Ministry spokesman".to_string(), Via::Carried)),
        "{got:?}"
    );
    // A person's comment is not carried on.
    let text = "Germany deported 30% more people in 2024 than last year, opposition politician John Smith said on Friday.\n\
                He said stricter laws are taking effect.\n\
                There have been 6,316 deportations so far this year.\n";
    assert_eq!(carried(text, &[true, false, true])[2], None);
}

#[test]
fn a_report_goes_on_through_later_paragraphs_of_statistics() {
    let text = "Eurostat said 881,200 people applied for asylum in 2022.\n\
                That was 52% more than in 2021.\n\
                Syrians lodged 131,000 of the applications.\n";
    let eurostat = "Eurostat".to_string();
    assert_eq!(
        carried(text, &[true, true, true]),
        vec![
            Some((eurostat.clone(), Via::Attribution)),
            Some((eurostat.clone(), Via::Carried)),
            Some((eurostat, Via::Carried)),
        ]
    );
}

#[test]
fn an_unregistered_statistics_office_goes_on_through_later_paragraphs() {
    // The name in full before its acronym in brackets; a name led by "Statistics" or "Stats".
    for (text, name) in [
        (
            "Immigration peaked at 151,100 in 2007, the Regional Statistics Office (RSO) has reported.\n\
             Some 81,000 people arrived from outside Europe.\n",
            "Regional Statistics Office",
        ),
        (
            "Net migration reached 52,300 in the year, Stats Tonga said today.\n\
             Departures of citizens rose to 9,100.\n",
            "Stats Tonga",
        ),
    ] {
        assert_eq!(
            carried(text, &[true, true]),
            vec![
                Some((name.to_string(), Via::Attribution)),
                Some((name.to_string(), Via::Carried)),
            ],
            "{text}"
        );
    }
    // A reporting verb such as "emphasized" names its subject.
    assert_eq!(
        names("The Migration Directorate emphasized that the figure includes 28,534 detentions.\n"),
        vec![Some("Migration Directorate".to_string())]
    );
}

#[test]
fn a_speaker_who_points_back_goes_on_with_the_report() {
    let iom = "International Organization for Migration".to_string();
    // A pronoun and "the same source" point back, quotes and all; a comment they make without
    // a figure does not end the report.
    let text = "The International Organization for Migration said 233,941 people returned in June.\n\
                Since January, \"691,049 people have returned, 70 percent of them forcibly\", he added.\n\
                It said that the pace would not slow.\n\
                Some 154 were women, the same source noted.\n";
    assert_eq!(
        carried(text, &[true, true, false, true]),
        vec![
            Some((iom.clone(), Via::Attribution)),
            Some((iom.clone(), Via::Carried)),
            None,
            Some((iom, Via::Carried)),
        ]
    );
    // A speaker named anew is not the one before, and "added" before an object reports nothing.
    let text =
        "The International Organization for Migration said 233,941 people returned in June.\n\
                Local mayor Ana Ruiz added that 300 came back last week.\n\
                The ministry has added 40 staff.\n";
    let got = carried(text, &[true, true, true]);
    assert_ne!(got[1].as_ref().map(|(_, via)| *via), Some(Via::Carried));
    assert_eq!(got[2], None);
    // ", the ministry added." names the body that a ministry named before points to.
    assert_eq!(
        names("Arrivals rose to 8,067 in January, the interior ministry added.\n"),
        vec![Some("interior ministry".to_string())]
    );
}

#[test]
fn a_body_cited_by_a_news_agency_is_the_source() {
    let text = "Vietnam aims to send 125,000 labourers abroad in 2024, Vietnam News Agency reported Tuesday, citing the Ministry of Labor, Invalids and Social Affairs.\n\
                The country will send about 48,000 workers to Taiwan, according to the ministry.\n";
    let got = carried(text, &[true, true]);
    assert!(
        got.iter().all(|found| found
            .as_ref()
            .is_some_and(|(name, _)| name.contains("Ministry of Labor"))),
        "{got:?}"
    );
}

#[test]
fn a_speaker_named_after_a_quotation_said_all_of_it() {
    let text = "\u{201c}On January 19, 38 people tried to cross the border. At the post a group of 30 foreigners crossed. They were detained,\u{201d} the Polish Border Guard wrote on Twitter. So far in January, there were over 500 attempts.\n";
    let got = carried_in_paragraphs(text, &[true, true, false, true]);
    let guard = Some(("Polish Border Guard".to_string(), Via::Attribution));
    assert_eq!(got[..3], [guard.clone(), guard.clone(), guard]);
    // A speaker named before the quotation's close is not the quotation's.
    let text = "\u{201c}On January 19, 38 people tried to cross. The Polish Border Guard said 30 were detained\u{201d} in a post.\n";
    let got = carried_in_paragraphs(text, &[true, true]);
    assert_eq!(got[0], None);
}

#[test]
fn according_to_the_data_points_back_to_the_report() {
    let trac = "Transactional Records Access Clearinghouse".to_string();
    // "according to the data", "these statistics": a definite data noun points back to the
    // body whose report is held, like "the agency" would.
    let text = "Courts received 1,798,964 new cases, according to the Transactional Records Access Clearinghouse.\n\
                There are 3,716,106 active cases pending, according to the data.\n\
                According to these statistics, removal orders rose by 8.6%.\n";
    assert_eq!(
        carried(text, &[true, true, true]),
        vec![
            Some((trac.clone(), Via::Attribution)),
            Some((trac.clone(), Via::Carried)),
            Some((trac, Via::Carried)),
        ]
    );
    // A body named anew ends the report: BAMF's English name is in the registry, so OFPRA's
    // report does not go on through Germany's figure.
    let text = "France's refugee office OFPRA said 142,500 people requested asylum.\n\
                Recently, the Federal Office for Migration and Refugees in Germany also announced that over 50,000 Afghans applied.\n";
    let got = carried(text, &[true, true]);
    let ofpra = "French Office for the Protection of Refugees and Stateless Persons";
    assert_eq!(got[0], Some((ofpra.to_string(), Via::Attribution)));
    assert_ne!(got[1], Some((ofpra.to_string(), Via::Carried)));
}

#[test]
fn a_described_report_or_agency_names_its_source() {
    let text = "Nearly 100 died in the Mediterranean in January: UN migration agency\n\
                A recent report from the Spanish Ministry of the Interior highlights that 868 arrived.\n\
                A total of 38,258 individuals are currently held in detention by ICE.\n";
    assert_eq!(
        names(text),
        vec![
            Some("International Organization for Migration".to_string()),
            Some("Spanish Ministry of the Interior".to_string()),
            Some("U.S. Immigration and Customs Enforcement".to_string()),
        ]
    );
}

#[test]
fn spanish_reporting_verbs_and_data_phrases_name_their_source() {
    let text = "El Banco de México (Banxico) reportó que las remesas alcanzaron 5 201 millones de dólares.\n\
                Los datos del Instituto Guatemalteco de Migración (IGM) precisan que fueron 55,181 personas.\n\
                Según el Banco de México, las remesas cayeron 16.2 %.\n\
                Caen remesas 16.2 % en junio, informa Banco de México\n";
    assert_eq!(
        names(text),
        vec![
            Some("Banco de México".to_string()),
            Some("Instituto Guatemalteco de Migración".to_string()),
            Some("Banco de México".to_string()),
            Some("Banco de México".to_string()),
        ]
    );
}

#[test]
fn an_agencys_website_is_a_data_source() {
    let text = "In order to obtain this data, it has to be searched for on a separate page on the CBP website. OFO apprehensions last month, for example, were 110,958.\n";
    let first_end = text.find(". ").unwrap() + 1;
    let sentences = [
        Span::new(0, first_end),
        Span::new(first_end + 1, text.trim_end().len()),
    ];
    let got: Vec<Option<String>> = attribute(text, &sentences)
        .into_iter()
        .map(|found| found.map(|found| found.name))
        .collect();
    assert_eq!(
        got,
        vec![
            Some("U.S. Customs and Border Protection".to_string()),
            Some("U.S. Customs and Border Protection".to_string())
        ]
    );
}

#[test]
fn an_agent_of_a_place_is_named_with_its_place() {
    assert_eq!(
        names("Authorities in Melilla said Friday that around 200 migrants tried to climb the fence.\nAuthorities said 300 people arrived.\n"),
        vec![Some("Authorities in Melilla".to_string()), None]
    );
}

#[test]
fn an_agency_that_seized_a_quantity_counted_it() {
    assert_eq!(
        names("In March, CBP seized 760 pounds of fentanyl.\n"),
        vec![Some("U.S. Customs and Border Protection".to_string())]
    );
}

#[test]
fn its_statistics_are_the_agency_the_sentence_before_named() {
    let text = "The International Organization for Migration has reported a surge in deaths.\n\
                According to its statistics, a total of 412 people died at sea last year.\n";
    assert_eq!(
        names(text),
        vec![
            Some("International Organization for Migration".to_string()),
            Some("International Organization for Migration".to_string())
        ]
    );
}

#[test]
fn a_carried_report_ends_at_a_sentence_without_statistics_a_quote_or_a_person() {
    let eurostat = Some(("Eurostat".to_string(), Via::Attribution));
    // A comment in between ends the report.
    let text = "Eurostat said 881,200 people applied for asylum in 2022.\n\
                The debate in Brussels went on.\n\
                Syrians lodged 131,000 of the applications.\n";
    assert_eq!(
        carried(text, &[true, false, true]),
        vec![eurostat.clone(), None, None]
    );
    // A sentence telling where a change came from goes on with it.
    let text = "Eurostat said 881,200 people applied for asylum in 2022.\n\
                Most of the growth comes from an increase in Syrian applications.\n\
                Syrians lodged 131,000 of the applications.\n";
    assert_eq!(
        carried(text, &[true, false, true])[2],
        Some(("Eurostat".to_string(), Via::Carried))
    );
    // Another speaker's words are theirs, and they end the report too.
    let text = "Eurostat said 881,200 people applied for asylum in 2022.\n\
                \"We expect 1,000,000 next year,\" one official warned.\n\
                Syrians lodged 131,000 of the applications.\n";
    assert_eq!(
        carried(text, &[true, true, true]),
        vec![eurostat, None, None]
    );
    // A person's figures are not carried into the next paragraph.
    let text = "According to Olivia Enos, 40 migrants arrived.\n\
                Another 30 came the week after.\n";
    assert_eq!(
        carried(text, &[true, true]),
        vec![Some(("Olivia Enos".to_string(), Via::Attribution)), None]
    );
    // Nothing is carried to a sentence the caller says states no statistic.
    let text = "Eurostat said 881,200 people applied for asylum in 2022.\n\
                That was 52% more than in 2021.\n";
    assert_eq!(
        carried(text, &[true, false]),
        vec![Some(("Eurostat".to_string(), Via::Attribution)), None]
    );
}

#[test]
fn the_ministry_points_back_to_a_ministry_named_without_a_registry_entry() {
    let text =
        "Arrivals rose tenfold in January, data released by Spain's interior ministry showed.\n\
                A total of 7,270 migrants reached the islands, the ministry said.\n\
                The islands were the entry point for 39,910 migrants last year.\n\
                The president said 4,000 more would come.\n";
    let ministry = "Spain's interior ministry".to_string();
    let got = carried(text, &[true, true, true, true]);
    assert_eq!(
        got[1],
        Some((ministry.clone(), Via::Attribution)),
        "{got:?}"
    );
    // An unregistered body's report goes on like an agency's.
    assert_eq!(got[2], Some((ministry, Via::Carried)), "{got:?}");
    // "the president" is no ministry.
    assert_ne!(
        got[3].as_ref().map(|(name, _)| name.as_str()),
        Some("Spain's interior ministry"),
        "{got:?}"
    );
}

#[test]
fn a_news_agency_that_relays_a_report_does_not_take_it_over() {
    let text =
        "Spain recorded 56,852 irregular arrivals in 2023, according to the Interior Ministry.\n\
                Most of them crossed over 100 km of sea, Xinhua news agency reports.\n\
                Of the total, 39,910 reached the Canary Islands.\n";
    let got = carried(text, &[true, true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some(("Xinhua", Via::Attribution)),
        "{got:?}"
    );
    assert_eq!(
        got[2].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some(("Interior Ministry", Via::Carried)),
        "{got:?}"
    );
}

#[test]
fn an_acronym_without_a_registry_entry_is_a_body_whose_report_goes_on() {
    let text = "The CSO said there were 141,600 immigrants in the 12-month period.\n\
                Of those immigrants, 29,600 were returning citizens.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some(("CSO", Via::Carried)),
        "{got:?}"
    );
    // A news agency that relays no body's report is the source its readers are given: its
    // report goes on like a body's ("… the state-run ANSA news agency reported. ¶ Out of this
    // total, 64,764 …").
    let text = "Arrivals rose to 5,000, EFE reported.\n\
                Of those, 1,200 were minors.\n";
    assert_eq!(
        carried(text, &[true, true])[1],
        Some(("EFE".to_string(), Via::Carried))
    );
}

#[test]
fn a_name_after_to_heard_the_report_and_did_not_make_it() {
    assert_eq!(
        names(
            "They face armed groups, as reported by interviewed migrants to EFE.\n\
             Crossings rose to 4,000 in May, as reported by interviewed migrants to Hala News.\n\
             Crossings rose to 5,000 in June, as reported by the Hala News agency."
        ),
        [None, None, Some("Hala News agency".to_string())]
    );
}

#[test]
fn a_trend_without_a_figure_and_a_quoted_term_do_not_end_a_report() {
    let text = "Japan's foreign population was 3,768,977 at the end of 2024, according to the Immigration Services Agency.\n\
                This is the third consecutive record high.\n\
                There were 1,913,516 men, as well as 30 people registered as “other.”\n\
                Top three nationalities on all routes include Syria, Mali, Afghanistan.\n\
                There were 456,595 “trainees” and 402,134 students.\n";
    let got = carried(text, &[true, false, true, false, true]);
    let agency = "Immigration Services Agency of Japan";
    assert_eq!(
        got[2].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some((agency, Via::Carried)),
        "{got:?}"
    );
    assert_eq!(
        got[4].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some((agency, Via::Carried)),
        "{got:?}"
    );
    // A quotation is someone's words, and a comment with an adjective "increased" ends it.
    let text = "Japan's foreign population was 3,768,977 at the end of 2024, according to the Immigration Services Agency.\n\
                The move reflects increased concern over the rapid growth of immigration.\n\
                There were 1,913,516 men.\n";
    assert_eq!(carried(text, &[true, false, true])[2], None);
    let text = "Japan's foreign population was 3,768,977 at the end of 2024, according to the Immigration Services Agency.\n\
                “We expect 4 million residents by next year,” one official said.\n";
    assert_eq!(carried(text, &[true, true])[1], None);
}

#[test]
fn a_central_bank_named_by_its_country_is_a_source() {
    let text = "Guatemala's central bank said it had recorded $5.64 billion in remittances.\n\
                El Salvador received $1.4 billion, according to their central banks.\n\
                Honduras's central bank, for its part, said the country received $2.62 billion.\n";
    assert_eq!(
        names(text),
        vec![
            Some("Guatemala's central bank".to_string()),
            Some("central banks".to_string()),
            Some("Honduras's central bank".to_string()),
        ]
    );
}

#[test]
fn a_bank_named_as_x_of_y_is_a_body_whose_report_goes_on() {
    // (The Bank of Mexico is in the registry now; the Bank of Guatemala is not.)
    let text = "Remittances hit $19 billion in 2023, according to data published by the Bank of Guatemala on Thursday.\n\
                Guatemalans abroad sent $19.8 billion home last year.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some(("Bank of Guatemala", Via::Carried)),
        "{got:?}"
    );
}

#[test]
fn a_body_named_as_x_for_y_is_a_body_whose_report_goes_on() {
    // (BAMF's English name is in the registry now; a spokesperson for it speaks for it.)
    let text = "The number was higher in September, according to a spokesperson for the Federal Office for Migration and Refugees in Nuremberg.\n\
                So far in 2023, 267,384 initial applications for asylum have been received.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, via)| (name.as_str(), *via)),
        Some((
            "Federal Office for Migration and Refugees (Germany)",
            Via::Carried
        )),
        "{got:?}"
    );
}

#[test]
fn one_figure_less_sentence_leading_into_a_statistic_keeps_the_report_two_end_it() {
    let text = "The UNHCR said 68.5 million people were displaced in 2017.\n\
                Turkey remained the leading host. More than two-thirds of refugees came from five countries.\n\
                The system is slow. It has been slow for years. About 40 percent waited a year.\n";
    let got = carried_in_paragraphs(text, &[true, false, true, false, false, true]);
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(
        got[2].as_ref().is_some_and(|(_, via)| *via == Via::Carried),
        "{got:?}"
    );
    // Two comment sentences end the report.
    assert_eq!(got[5], None, "{got:?}");
}

#[test]
fn a_report_goes_on_through_a_sentence_naming_its_own_body_but_not_another() {
    let text = "The UNHCR said the number of Syrian refugees in Jordan fell to 656,762.\n\
                Amman hosted the most, with 195,334 refugees registered with the UNHCR.\n\
                Zarqa hosted 97,310 refugees registered with the IOM.\n";
    let got = carried(text, &[true, true, true]);
    let unhcr = got[0].as_ref().map(|(name, _)| name.clone()).unwrap();
    assert_eq!(got[1], Some((unhcr, Via::Carried)), "{got:?}");
    // Another body named ends the report.
    assert!(
        got[2].as_ref().is_none_or(|(_, via)| *via != Via::Carried),
        "{got:?}"
    );
}

/// The sources of `opening`, "Here are the key points:" after it, and a statistic in the next
/// paragraph, as `(name, via)`.
fn before_a_list(opening: &str) -> Vec<Option<(String, Via)>> {
    let text = format!("{opening} Here are the key points:\n\nApplications rose to 881,200.\n");
    let second = text.find("Here").unwrap();
    let third = text.find("Applications").unwrap();
    let sentences = [
        Span::new(0, opening.len()),
        Span::new(second, text.find(":\n").unwrap() + 1),
        Span::new(third, text.len() - 1),
    ];
    Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(&text, &sentences, &[false, false, true], &[])
        .0
        .into_iter()
        .map(|found| found.map(|attribution| (attribution.name, attribution.via)))
        .collect()
}

#[test]
fn a_sentence_ending_in_a_colon_leads_into_the_list_after_it() {
    let got = before_a_list("Eurostat said the figures were final.");
    assert_eq!(got[2], Some(("Eurostat".to_string(), Via::Carried)));
}

#[test]
fn a_body_that_revised_a_figure_is_its_source() {
    let got = carried(
        "Meanwhile the ONS has revised their figure for 2022 up to 745,000.\n",
        &[true],
    );
    assert_eq!(
        got[0],
        Some((
            "Office for National Statistics".to_string(),
            Via::Attribution
        ))
    );
}

#[test]
fn a_sentence_naming_a_body_s_data_without_a_cue_is_that_body_s() {
    let got = before_a_list("We've seen a range of insights from the latest Eurostat data.");
    assert_eq!(got[0], Some(("Eurostat".to_string(), Via::Attribution)));
    assert_eq!(got[2], Some(("Eurostat".to_string(), Via::Carried)));
    // A body named without its data is no source of the sentence.
    let text = "We've seen a range of insights about Eurostat.";
    let got = Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, &[Span::new(0, text.len())], &[false], &[])
        .0;
    assert!(got[0].is_none(), "{got:?}");
}

#[test]
fn an_unregistered_outlet_relays_the_report_of_the_body_before_it() {
    let text = "The UNHCR said the number of Syrian refugees in Jordan fell to 656,762.\n\
                The total was down from 661,670 in January, Hala News reported.\n\
                Amman hosted the most, with 195,334 refugees.\n";
    let got = carried(text, &[true, true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, _)| name.as_str()),
        Some("Hala News")
    );
    let unhcr = got[0].as_ref().map(|(name, _)| name.clone()).unwrap();
    assert_eq!(got[2], Some((unhcr, Via::Carried)), "{got:?}");
}

#[test]
fn what_a_number_counts_before_a_reporting_verb_is_not_its_source() {
    assert_eq!(
        names(
            "The camp faces a crisis, with over 2 400 cases of Cholera Morbus reported in May.\n\
             About 310 deaths of Rohingya refugees were recorded by aid groups.\n\
             A response from the Federal Office for Migration put the number at 41,300."
        ),
        [None, None, Some("Federal Office for Migration".to_string())]
    );
}

#[test]
fn more_reporting_verbs_name_their_subject() {
    assert_eq!(
        names(
            "In May, the Turkish Interior Ministry disclosed that 3,382,429 Syrians held protection.\n\
             The Federal Statistical Office acknowledged that 41,200 applications were pending."
        ),
        [
            Some("Turkish Interior Ministry".to_string()),
            Some("Federal Statistical Office".to_string())
        ]
    );
}

#[test]
fn a_statement_tally_or_obtained_data_names_its_source() {
    assert_eq!(
        names(
            "A statement from the Hellenic Coast Guard put arrivals at 41,200.\n\
             Deaths in custody reached 3,120, as per the Marshall Project."
        ),
        [
            Some("Hellenic Coast Guard".to_string()),
            Some("Marshall Project".to_string())
        ]
    );
}

#[test]
fn an_agent_noun_alone_at_the_start_of_a_sentence_names_nobody() {
    assert_eq!(
        names(
            "Authorities also reported that 18,890 children were taken into custody.\n\
             Officials said 4,100 people crossed.\n\
             Mexican immigration officials said 1,200 people were detained."
        ),
        [
            None,
            None,
            Some("Instituto Nacional de Migración (Mexico)".to_string())
        ]
    );
}

#[test]
fn a_name_after_says_that_a_verb_follows_is_what_was_said_not_who_said_it() {
    assert_eq!(
        names(
            "The minister says SA spent R300m deporting foreigners.\n\
             Arrivals rose to 4,200 in March, said the UN refugee agency (UNHCR) on Tuesday.\n\
             An average of 630 people cross each day, said UNHCR representative Laura Lo Castro."
        ),
        [
            None,
            Some("Office of the United Nations High Commissioner for Refugees".to_string()),
            Some("Office of the United Nations High Commissioner for Refugees".to_string())
        ]
    );
}

#[test]
fn per_cent_and_per_capita_are_units_not_per_the_agency() {
    assert_eq!(
        names(
            "Remittances are about 20 per cent of the Central American country's output.\n\
             Crossings fell to 4,200 in March, per CBP data."
        ),
        [None, Some("U.S. Customs and Border Protection".to_string())]
    );
}

#[test]
fn a_name_in_quotes_before_its_verb_is_the_source() {
    let text = "The IOM’s “Missing Migrants Project” recorded a total of 8,565 deaths in 2023.\n\
                The IOM's \"Missing Migrants Project\" recorded 8,565 deaths in 2023.\n\
                He called it \"a record\" and 8,565 deaths were recorded in 2023.\n\
                Some groups such as “United States DIY” also shared 12 routes.\n";
    assert_eq!(
        names(text),
        vec![
            Some("Missing Migrants Project".to_string()),
            Some("Missing Migrants Project".to_string()),
            None,
            None
        ]
    );
}

#[test]
fn member_states_and_broken_records_are_nouns_not_cues() {
    let text = "Applications across EU member states reached 912,000, reflecting a 13% decline.\n\
                UN member states unanimously adopted the New York Declaration.\n\
                Eurostat states that 912,000 people applied.\n\
                Border apprehensions in FY 2022 break records at 2.4 million.\n\
                The Border Patrol records 2.4 million apprehensions in FY 2022.\n";
    assert_eq!(
        names(text),
        vec![
            None,
            None,
            Some("Eurostat".to_string()),
            None,
            Some("U.S. Border Patrol".to_string())
        ]
    );
}

#[test]
fn a_quotation_over_paragraphs_goes_on_with_its_speaker_s_institution() {
    // The appositive after the name names the institution whose report is held; the quotation
    // left open in one paragraph goes on in the next, which opens with a quote mark.
    let text = "Overseas migration added 446,000 people in 2023-24, according to the Australian Bureau of Statistics (ABS).\n\n\
                Jenny Dobak, ABS head of migration statistics, said: “This fall is the first annual drop since 2021-22.\n\n\
                “Migrant arrivals fell by 10 per cent, while departures rose by 8 per cent.\n\n\
                In 2023-24, there were 667,000 migrant arrivals.\n";
    let got = headline_and_body(text);
    let abs = "Australian Bureau of Statistics";
    assert!(
        got.iter()
            .all(|found| found.as_ref().is_some_and(|(name, _)| name == abs)),
        "{got:?}"
    );
    assert_eq!(
        got[1].as_ref().map(|(_, mention)| mention.as_str()),
        Some("Jenny Dobak")
    );
    // A quotation closed in its paragraph does not go on.
    let text = "Overseas migration added 446,000 people in 2023-24, according to the Australian Bureau of Statistics (ABS).\n\n\
                Jenny Dobak, ABS head of migration statistics, said: “This fall is the first drop.”\n\n\
                “Arrivals fell by 10 per cent,” one critic wrote.\n";
    let got = headline_and_body(text);
    assert_ne!(
        got[2].as_ref().map(|(name, _)| name.as_str()),
        Some(abs),
        "{got:?}"
    );
}

#[test]
fn a_sentence_telling_a_tripling_goes_on_with_the_report() {
    let text = "However, Frontex noted an increase on certain other routes.\n\
                A tripling of irregular entries along the borders with Ukraine and Belarus was recorded.\n\
                The Canary Islands saw an 18 percent increase, reaching nearly 47,000.\n";
    let got = carried(text, &[false, false, true]);
    assert_eq!(
        got[2],
        Some(("Frontex".to_string(), Via::Carried)),
        "{got:?}"
    );
    // "increased" as a modifier tells no trend: the report ends.
    let text = "In early July, DHS deported 116 Chinese nationals.\n\
                The move was the latest expression of increased U.S. concern.\n\
                Since the pandemic began, more than 1 million people have left China.\n";
    assert_eq!(carried(text, &[true, false, true])[2], None);
}

/// UNHCR as [`carried`] names it, tied to its sentence by `via`.
fn unhcr(via: Via) -> Option<(String, Via)> {
    Some((
        "Office of the United Nations High Commissioner for Refugees".to_string(),
        via,
    ))
}

#[test]
fn the_institution_a_lede_opens_on_issues_the_figures_after_it() {
    let text = "Escalating needs of Sudanese refugees at Chad border\n\
                The United Nations High Commissioner for Refugees (UNHCR) is stepping up its response in eastern Chad.\n\
                Over 1 200 cases of Hepatitis E were reported in Adre.\n\
                More than 115 000 have arrived since the start of 2024.\n";
    let got = carried(text, &[false, false, true, true]);
    assert_eq!(
        got[2..],
        [unhcr(Via::Carried), unhcr(Via::Carried)],
        "{got:?}"
    );
    // Deep in the text, a sentence opening on a body is no lede.
    let text = "Escalating needs of Sudanese refugees at Chad border\n\
                Aid is short.\n\
                Rains are coming.\n\
                The United Nations High Commissioner for Refugees (UNHCR) runs camps in the east.\n\
                Over 1 200 cases of Hepatitis E were reported in Adre.\n";
    let got = carried(text, &[false, false, false, false, true]);
    assert_eq!(got[4], None, "{got:?}");
}

#[test]
fn a_title_before_a_study_word_is_the_held_institution_s_publication() {
    let text = "The UN Refugee Agency (UNHCR) has announced that 68.5 million people were displaced in 2017.\n\
                Nearly half of those, 31 million, are children, the annual Global Trends study has found.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(got[1], unhcr(Via::Attribution), "{got:?}");
    // Without a report held, the title is its own source.
    let text = "Nearly half of those, 31 million, are children, the annual Global Trends study has found.\n";
    let got = carried(text, &[true]);
    assert_eq!(
        got[0],
        Some(("Global Trends".to_string(), Via::Attribution)),
        "{got:?}"
    );
}

#[test]
fn the_parent_of_a_held_agency_named_after_it_is_that_agency() {
    let text = "The number of Syrian refugees in Lebanon has dropped below one million, said the UN refugee agency (UNHCR) on Tuesday.\n\
                The UN documented 997,905 registered refugees at the end of November.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(got[1], unhcr(Via::Attribution), "{got:?}");
    // Named first, the parent is itself.
    let text = "The UN documented 997,905 registered refugees at the end of November.\n";
    let got = carried(text, &[true]);
    assert_eq!(
        got[0],
        Some(("United Nations".to_string(), Via::Attribution)),
        "{got:?}"
    );
}

#[test]
fn what_the_writer_says_a_figure_comes_from_outranks_the_body_that_counted() {
    let text = "Agents took more than 225,000 migrants into custody, according to preliminary Department of Homeland Security statistics.\n\
                On Wednesday, Border Patrol processed 7,759 migrants, the statistics show.\n\
                On Thursday, Border Patrol processed 7,100 migrants.\n";
    let got = carried(text, &[true, true, true]);
    let dhs = "U.S. Department of Homeland Security".to_string();
    assert_eq!(got[1], Some((dhs, Via::Attribution)), "{got:?}");
    // The body that counted is the source when the writer names no other.
    assert_eq!(
        got[2],
        Some(("U.S. Border Patrol".to_string(), Via::Attribution)),
        "{got:?}"
    );
}

#[test]
fn a_name_an_appositive_calls_a_body_is_the_agent_of_a_passive() {
    let text = "According to figures published last week by Caminando Fronteras, an NGO specializing in rescue operations, 5,054 people died.\n\
                According to figures published last week by Maria Lopez, a teacher in Madrid, 5,054 people died.\n";
    assert_eq!(
        names(text),
        vec![Some("Caminando Fronteras".to_string()), None]
    );
}

#[test]
fn a_sentence_opening_on_this_emerges_from_names_the_source_of_the_one_before() {
    let text = "In the first ten months of the year, 13,512 people were deported. This emerges from a response from the Federal Ministry of the Interior to a request from an MP.\n";
    let sentences = [Span::new(0, 65), Span::new(66, text.trim_end().len())];
    let got: Vec<Option<String>> = Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, &sentences, &[true, false], &[])
        .0
        .into_iter()
        .map(|found| found.map(|attribution| attribution.name))
        .collect();
    assert_eq!(got[0], got[1], "{got:?}");
    assert!(got[0].is_some(), "{got:?}");
    // A sentence that opens otherwise names only its own source.
    let text = "In the first ten months of the year, 13,512 people were deported. Critics cite a response from the Federal Ministry of the Interior to a request from an MP.\n";
    let sentences = [Span::new(0, 65), Span::new(66, text.trim_end().len())];
    let got = Attributor::new(Registry::builtin(), Cues::builtin())
        .attribute_both(text, &sentences, &[true, false], &[])
        .0;
    assert!(got[0].is_none(), "{got:?}");
}

#[test]
fn a_data_word_after_a_determiner_is_a_noun_though_it_is_a_verb_elsewhere() {
    let text =
        "The United Nations High Commissioner for Refugees (UNHCR) published data on Tuesday.\n\
                According to the estimates, 569 Rohingyas were dead or missing.\n";
    let got = carried(text, &[false, true]);
    assert_eq!(got[1], unhcr(Via::Attribution), "{got:?}");
}

#[test]
fn a_name_joined_by_a_lowercase_word_of_another_language_is_one_name() {
    let got = names("Data from the Bangko Sentral ng Pilipinas released on Monday showed remittances of $38.34 billion in 2024.\n");
    assert_eq!(got, [Some("Bangko Sentral ng Pilipinas".to_string())]);
}

#[test]
fn stated_added_or_noted_before_a_name_names_it() {
    let got = names("The record monthly inflow of $3.73 billion in December 2024 boosted the total, stated the BSP.\n\
                     Arrivals reached 4,000 in May, added the Interior Ministry.\n");
    assert_eq!(
        got,
        [
            Some("BSP".to_string()),
            Some("Interior Ministry".to_string())
        ]
    );
}

#[test]
fn a_body_that_requests_or_appeals_for_a_figure_is_its_source() {
    let got = names("The United Nations High Commissioner for Refugees (UNHCR) has appealed to the government to provide shelter to more than 113,000 Rohingya refugees.\n\
                     The IOM is calling for $168 million to expand its response.\n");
    assert_eq!(
        got,
        [
            Some("Office of the United Nations High Commissioner for Refugees".to_string()),
            Some("International Organization for Migration".to_string())
        ]
    );
}

#[test]
fn one_word_right_before_a_speech_verb_is_a_speaker() {
    let got = names(
        "In a written response, Schreiber said they have sent 19,750 illegal foreigners home.\n\
                     On Monday, Germany said 5,000 people arrived.\n\
                     Schreiber added the move cost R52 million.\n",
    );
    // A place that speaks is no speaker; a lone first word of its sentence still needs its
    // full name written before.
    assert_eq!(got, [Some("Schreiber".to_string()), None, None], "{got:?}");
}

#[test]
fn a_registry_name_holding_a_comma_names_its_body() {
    // The name's comma cuts the cue's chunk inside it: the match starts before the chunk.
    let got = names("Bangladesh sent 617,000 workers abroad, according to the Bureau of Manpower, Employment and Training (BMET), up from 217,669.\n\
                     The BMET data show 55,000 went to Oman.\n");
    assert_eq!(
        got,
        [
            Some("Bureau of Manpower, Employment and Training".to_string()),
            Some("Bureau of Manpower, Employment and Training".to_string())
        ]
    );
}

#[test]
fn a_body_that_warns_or_raises_the_alarm_over_a_figure_is_its_source() {
    let got = names("The United Nations this week raised the alarm over the pace of arrivals, noting that more than 20,000 Sudanese refugees have crossed into eastern Chad.\n\
                     UNHCR, the UN Refugee Agency, is gravely concerned by the rapidly increasing number of Sudanese refugees crossing into eastern Chad, with nearly 20,000 people arriving in the past two weeks alone.\n\
                     The IOM warns that 10,000 people are still en route.\n");
    assert_eq!(
        got,
        [
            Some("United Nations".to_string()),
            Some("Office of the United Nations High Commissioner for Refugees".to_string()),
            Some("International Organization for Migration".to_string())
        ]
    );
}

#[test]
fn an_acronym_the_document_defined_names_its_body() {
    // Each paragraph is cut off from the one before by a sentence without a statistic, so every
    // source is the sentence's own.
    let text =
        "Figures from the National Refugee Directorate (NRD) put arrivals at 8,100 in May.\n\
                Officials blamed the weather.\n\
                The NRD dealt with 7,200 claims in the first instance.\n\
                Officials blamed the weather.\n\
                The NRD numbers fell to 650 in June.\n\
                Officials blamed the weather.\n\
                The General Directorate of Asylum processed 540 appeals.\n\
                Officials blamed the weather.\n\
                The Swiss Refugee Council (SRC) expects 30,000 applications next year.\n";
    let got = carried(
        text,
        &[true, false, true, false, true, false, true, false, true],
    );
    let name = |idx: usize| got[idx].as_ref().map(|(name, _)| name.as_str());
    assert_eq!(name(0), Some("National Refugee Directorate"), "{got:?}");
    assert_eq!(name(2), Some("National Refugee Directorate"), "{got:?}");
    assert_eq!(name(4), Some("National Refugee Directorate"), "{got:?}");
    assert_eq!(name(6), Some("General Directorate of Asylum"), "{got:?}");
    assert_eq!(name(8), Some("Swiss Refugee Council"), "{got:?}");
}

#[test]
fn an_acronym_names_nobody_unless_defined_before_for_a_body() {
    let text = "Temporary protection status (TPS) was granted to 4,000 people.\n\
                Officials blamed the weather.\n\
                The TPS holders numbered 3,100 in June.\n\
                Officials blamed the weather.\n\
                The NRD dealt with 7,200 claims, the National Refugee Directorate (NRD) said later.\n";
    let got = carried(text, &[true, false, true, false, true]);
    assert_eq!(got[2], None, "{got:?}");
    assert_eq!(
        got[4].as_ref().map(|(name, _)| name.as_str()),
        Some("National Refugee Directorate"),
        "{got:?}"
    );
}

#[test]
fn one_aside_holds_a_report_for_the_next_statistic_that_shares_its_words() {
    let carried_to_last = |text: &str, statistic: &[bool]| {
        let got = carried_in_paragraphs(text, statistic);
        got.last().cloned().flatten()
    };
    let report =
        "Remittances reached US$30.32 billion in the year, according to Bangladesh Bank data.\n";
    // One aside, then a statistic of the same thing: the report goes on.
    let text = format!(
        "{report}The growth was bolstered by the use of official banking channels.\n\
         In June alone, remittances reached US$2.81 billion.\n"
    );
    assert_eq!(
        carried_to_last(&text, &[true, false, true]),
        Some(("Bangladesh Bank".to_string(), Via::Carried))
    );
    // A statistic of something else ends it.
    let text = format!(
        "{report}The growth was bolstered by the use of official banking channels.\n\
         In June alone, 4,000 workers left for Malaysia.\n"
    );
    assert_eq!(carried_to_last(&text, &[true, false, true]), None);
    // So do two asides in a row, and a heading between.
    let text = format!(
        "{report}The growth was bolstered by the use of official banking channels. Economists expect more.\n\
         In June alone, remittances reached US$2.81 billion.\n"
    );
    assert_eq!(carried_to_last(&text, &[true, false, false, true]), None);
    let text = format!(
        "{report}The growth was bolstered by the use of official banking channels.\n\
         Monthly flows\n\
         In June alone, remittances reached US$2.81 billion.\n"
    );
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, line) in text.split_inclusive('\n').enumerate() {
        if at != 2 {
            sentences.push(Span::new(start, start + line.trim_end().len()));
        }
        start += line.len();
    }
    let got = attributed(&text, &sentences, &[true, false, true]);
    assert_eq!(got.last().cloned().flatten(), None, "{got:?}");
}

#[test]
fn a_titled_official_s_report_goes_on_like_the_body_s() {
    let text = "Interior Minister Gerhard Karner said asylum applications fell 37% in the first half.\n\
                Karner announced that just 8,637 people applied.\n\
                He highlighted enhanced surveillance at the borders, where smuggling costs rose from €1,000 to €9,000.\n";
    let got = carried(text, &[true, true, true]);
    assert_eq!(
        got[2],
        Some(("Karner".to_string(), Via::Carried)),
        "{got:?}"
    );
    // A person without such a title speaks for nobody's report.
    let text = "Opposition politician John Smith said asylum applications fell 37% in the first half.\n\
                Smith announced that just 8,637 people applied.\n\
                He highlighted enhanced surveillance at the borders, where smuggling costs rose from €1,000 to €9,000.\n";
    assert_eq!(carried(text, &[true, true, true])[2], None);
    // The title may stand in an appositive after the name.
    let text = "The population was 9,748,532, according to Juan Carlos Alfonso Faga, deputy head of the National Office of Statistics and Information (ONEI).\n\
                He also indicated that 24.4% of the population is 60 or older.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1],
        Some(("Juan Carlos Alfonso Faga".to_string(), Via::Carried)),
        "{got:?}"
    );
}

#[test]
fn a_speaker_who_will_tell_or_present_figures_is_their_source() {
    let text =
        "Justice Minister Jim Smith will tell colleagues that applications fell 43 per cent.\n\
                The Home Office will present 926 new cases to the committee.\n";
    let got = names(text);
    assert_eq!(
        got[0].as_deref(),
        Some("Justice Minister Jim Smith"),
        "{got:?}"
    );
    assert_eq!(got[1].as_deref(), Some("Home Office"), "{got:?}");
}

#[test]
fn another_country_s_body_is_not_the_us_one_of_the_same_name() {
    let text = "Asylum claims rose, according to Ireland's Department of Justice, to 1,164.\n\
                The U.S. Department of Justice said 500 cases were filed.\n\
                America's Department of Justice said 600 cases were filed.\n";
    let got = names(text);
    assert_eq!(
        got[0].as_deref(),
        Some("Ireland's Department of Justice"),
        "{got:?}"
    );
    assert_eq!(
        got[1].as_deref(),
        Some("U.S. Department of Justice"),
        "{got:?}"
    );
    assert_eq!(
        got[2].as_deref(),
        Some("U.S. Department of Justice"),
        "{got:?}"
    );
}

#[test]
fn a_short_name_in_brackets_is_the_body_s_and_names_it_later() {
    let text = "Cuba had 5,152 asylum requests, the Mexican Commission for Refugee Assistance (Comar) reported.\n\
                Comar reported 6,000 requests in May.\n";
    let got = names(text);
    assert_eq!(
        got[0].as_deref(),
        Some("Mexican Commission for Refugee Assistance"),
        "{got:?}"
    );
    assert_eq!(
        got[1].as_deref(),
        Some("Mexican Commission for Refugee Assistance"),
        "{got:?}"
    );
}

#[test]
fn that_entity_points_back_to_the_body_whose_report_is_held() {
    let text = "Cuba had 5,152 asylum requests, the Mexican Commission for Refugee Assistance (Comar) reported.\n\
                In Tapachula, the entity said, 15,092 applications were received.\n";
    let got = carried(text, &[true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, _)| name.as_str()),
        Some("Mexican Commission for Refugee Assistance"),
        "{got:?}"
    );
}

#[test]
fn data_a_country_s_adjective_qualifies_point_back_to_that_country_s_agency() {
    let text = "Migration decreased for the first time, as reported this Wednesday by Migración Colombia.\n\
                In December 2023, according to Colombian migration data, there were 2,864,796 Venezuelans in Colombia.\n\
                According to Peruvian migration data, 1.5 million Venezuelans live in Peru.\n";
    let got = carried(text, &[false, true, true]);
    assert_eq!(
        got[1].as_ref().map(|(name, _)| name.as_str()),
        Some("Migración Colombia"),
        "{got:?}"
    );
    // Another country's data is not the agency's.
    assert_ne!(
        got[2].as_ref().map(|(name, _)| name.as_str()),
        Some("Migración Colombia"),
        "{got:?}"
    );
}
