use super::*;
use crate::sources::notes::{footnotes, sentence_without_footnotes};

const CIS: &str =
    include_str!("../../../corpus/cis-2019-international-migration-security-challenge.txt");

/// Counted by hand in the CIS file: 38 markers, of which one (`serious crime.1`, end of a
/// paragraph) has no citation text; 27 of the 37 citations print an access date.
#[test]
fn every_cis_footnote_is_parsed_with_its_access_date() {
    let found = footnotes(CIS);
    assert_eq!(found.len(), 37);
    let accessed: Vec<&Footnote> = found
        .iter()
        .filter(|f| f.citation.accessed.is_some())
        .collect();
    assert_eq!(accessed.len(), 27);
    assert_eq!(accessed.len(), CIS.matches("accessed").count());
    for footnote in &found {
        let body = footnote.span.slice(CIS).unwrap();
        assert!(body.starts_with(&footnote.marker.to_string()), "{body}");
        if body.contains("accessed") {
            assert!(footnote.citation.accessed.is_some(), "{body}");
        }
    }
}

fn find<'a>(found: &'a [Footnote], needle: &str) -> &'a Footnote {
    found
        .iter()
        .find(|f| f.span.slice(CIS).unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no footnote with {needle}"))
}

#[test]
fn cis_citations_have_author_title_and_dates() {
    let found = footnotes(CIS);
    let iom = find(&found, "World Migration Report 2003");
    assert_eq!(iom.marker, 1);
    assert_eq!(iom.citation.author.as_deref(), Some("IOM"));
    assert_eq!(
        iom.citation.title.as_deref(),
        Some("World Migration Report 2003")
    );
    assert_eq!(iom.citation.accessed.as_deref(), Some("2019-02-18"));

    let un = find(&found, "Report 2015: Highlights");
    assert_eq!(
        un.citation.accessed.as_deref(),
        Some("2019-02-18"),
        "February18, 2019"
    );

    let pew = find(&found, "Krogstad");
    assert_eq!(
        pew.citation.author.as_deref(),
        Some("Jens Manuel Krogstad, Jeffrey Passel and D’Vera Cohn")
    );
    assert_eq!(
        pew.citation.title.as_deref(),
        Some("5 facts about illegal immigration in the U.S.")
    );
    assert_eq!(pew.citation.accessed.as_deref(), Some("2018-12-19"));

    let mexico = find(&found, "Population Growth in Mexico");
    assert_eq!(mexico.citation.author, None);
    assert_eq!(
        mexico.citation.title.as_deref(),
        Some("Population Growth in Mexico")
    );
    assert_eq!(mexico.citation.published.as_deref(), Some("2018-08-07"));

    let wintour = find(&found, "Wintour");
    assert_eq!(wintour.citation.author.as_deref(), Some("Patrick Wintour"));
    assert_eq!(
        wintour.citation.title.as_deref(),
        Some("Donald Trump pulls US out of UN global compact on migration")
    );

    let trends = find(&found, "in 2017,”accessed");
    assert_eq!(trends.citation.url.as_deref(), Some("2017.pdf"));
    assert!(trends.span.slice(CIS).unwrap().ends_with("2017.pdf."));

    let adamson = find(&found, "Adamson");
    assert_eq!(adamson.citation.accessed, None);
    assert!(adamson.span.slice(CIS).unwrap().ends_with(":195."));
}

#[test]
fn ibid_repeats_the_previous_citation() {
    let found = footnotes(CIS);
    let ibid = found.iter().find(|f| f.ibid).unwrap();
    assert_eq!(ibid.span.slice(CIS), Some("4 Ibid.,103."));
    assert_eq!(
        ibid.citation.author.as_deref(),
        Some("Huseyin Cinoglu and Nurullah Altun")
    );
}

#[test]
fn footnote_supports_the_sentence_before_it() {
    let found = footnotes(CIS);
    let refugees = find(&found, "Global Trends: Forced Displacement in 2017,");
    assert_eq!(
        refugees.supports.slice(CIS),
        Some("By the end of 2017, there were 25.4 million refugees worldwide—the highest ever.")
    );
}

#[test]
fn sentence_without_footnotes_removes_citation_text() {
    let start = CIS.find("UN studies found").unwrap();
    let end = CIS.find("South-South.").unwrap() + "South-South.".len();
    let shown = sentence_without_footnotes(CIS, Span::new(start, end));
    assert_eq!(
        shown,
        "UN studies found that 3.4 percent of humans in 2017 were international migrants, most of them having moved away from their homes in the South, moving South-North or South-South."
    );
}

#[test]
fn split_moves_sentence_starts_past_footnotes() {
    let text =
        "Growth was fast.2 UN,Report 2013,accessed February 18,2019, Another pattern is clear.";
    let found = footnotes(text);
    assert_eq!(found.len(), 1);
    let split = split_at_footnotes(text, &[Span::new(0, text.len())], &found);
    let pieces: Vec<&str> = split.iter().map(|s| s.slice(text).unwrap()).collect();
    assert_eq!(
        pieces,
        vec!["Growth was fast.", "Another pattern is clear."]
    );
}

#[test]
fn ordinary_numbers_are_not_footnotes() {
    let text =
        "In 2023, 71% were male. The G7 Summit met. Region2023 Rate\nItem 4 Apples cost 3 dollars.";
    assert!(footnotes(text).is_empty());
}
