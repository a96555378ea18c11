use super::*;

const MPI: &str = include_str!("../../../corpus/mpi-cross-border-human-flows-northeast-asia.txt");

#[test]
fn every_mpi_reference_entry_is_parsed() {
    let found = references(MPI);
    let summary: Vec<(String, Option<u32>, String)> = found
        .iter()
        .map(|r| (r.surname().to_string(), r.year, r.title.clone()))
        .collect();
    let expected = [
        (
            "Akaha",
            Some(2003),
            "The Russian Presence in Japan: Case Studies in Hokkaido and Niigata",
        ),
        (
            "Gelbras",
            Some(2002),
            "Chinese Migration to the Russian Far East: A View from Moscow",
        ),
        ("Larin", Some(2003), "The Chinese and the Russian Far East"),
        (
            "Smith",
            Some(2002),
            "North Koreans in China: Defining the Problems and Offering Some Solutions",
        ),
        (
            "United Nations",
            Some(2001),
            "World Population Prospects: The 2000 Revision, Volume I: Comprehensive Tables",
        ),
        (
            "Van Arsdol",
            None,
            "Population Dynamics and Migration Patterns in Northeast Asia",
        ),
        (
            "Wishnick",
            Some(2003),
            "Explaining Chinese Migration to the Russian Far East",
        ),
        (
            "Zha",
            Some(2003),
            "Chinese Migrants in Niigata: A Research Update",
        ),
    ];
    let expected: Vec<(String, Option<u32>, String)> = expected
        .iter()
        .map(|(s, y, t)| (s.to_string(), *y, t.to_string()))
        .collect();
    assert_eq!(summary, expected);
    for reference in &found {
        assert!(reference
            .span
            .slice(MPI)
            .unwrap()
            .starts_with(reference.surname()));
    }
}

#[test]
fn authors_publishers_and_names() {
    let found = references(MPI);
    assert_eq!(found[0].authors, vec!["Akaha, Tsuneo", "Anna Vassilieva"]);
    assert_eq!(found[0].author_name(), "Tsuneo Akaha");
    assert_eq!(found[0].publisher, None);
    assert_eq!(
        found[2].publisher.as_deref(),
        Some("Unpublished paper available from the Center for East Asian Studies, Monterey Institute of International Studies, Monterey, California")
    );
    assert_eq!(
        found[4].publisher.as_deref(),
        Some("New York, United Nations")
    );
    assert_eq!(
        found[5].authors,
        vec![
            "Van Arsdol, Jr., Maurice D.",
            "Stephen Lum",
            "Brian Ettkin",
            "Glenn Guarin"
        ]
    );
}

#[test]
fn in_text_mentions_need_a_year_or_the_title() {
    let found = references(MPI);
    let smith = &found[3];
    assert_eq!(
        smith.mentioned_in("As Smith (2002) shows, many"),
        Some((3, 5))
    );
    assert_eq!(smith.mentioned_in("Smith 2002 says"), Some((0, 5)));
    assert_eq!(smith.mentioned_in("Smith said so"), None);
    assert!(smith
        .mentioned_in("the report “North Koreans in China: Defining the Problems and Offering Some Solutions” says")
        .is_some());
}

#[test]
fn body_prose_is_not_a_reference_list() {
    let text = "The law (1990). It was passed.\n\nAnother law (1991). It was repealed.\n";
    assert!(references(text).is_empty());
    assert!(references("Smith, Jo (2001). \"One.\" Online.\n").is_empty());
}

#[test]
fn reference_entries_are_not_attributed_to_themselves() {
    let entry = MPI.find("Smith, Hazel (2002).").unwrap();
    let end = entry + MPI[entry..].find('\n').unwrap();
    let attributions = crate::sources::attribute(MPI, &[Span::new(entry, end)]);
    assert_eq!(attributions, vec![None]);
    let text = "As Smith (2002) found, many stayed.\n\nSmith, Hazel (2002). \"North Koreans in China.\" Online.\n\nZha, Daojiong (2003). \"Chinese Migrants.\" Online.\n";
    let attributions = crate::sources::attribute(text, &[Span::new(0, 35)]);
    let found = attributions[0].as_ref().unwrap();
    assert_eq!(found.via, crate::sources::Via::Reference);
    assert_eq!(found.name, "Hazel Smith");
    assert_eq!(found.mention, "Smith");
}
