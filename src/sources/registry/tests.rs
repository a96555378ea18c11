use super::*;

fn builtin() -> &'static Registry {
    Registry::builtin()
}

fn canonical(mention: &str) -> Option<&'static str> {
    builtin()
        .normalize(mention)
        .map(|entry| entry.name.as_str())
}

#[test]
fn builtin_registry_is_valid() {
    let (registry, diagnostics) = Registry::parse(BUILTIN_SOURCES, None);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(registry.entries().len(), 316);
    // Sorted by name in byte order, as the file's header asks.
    let names: Vec<&[u8]> = registry
        .entries()
        .iter()
        .map(|entry| entry.name.as_bytes())
        .collect();
    assert!(
        names.windows(2).all(|pair| pair[0] < pair[1]),
        "entries out of order"
    );
}

#[test]
fn issue_aliases_normalise() {
    let cbp = "U.S. Customs and Border Protection";
    let registry_name = "Ecuadorian Statistical Registry of International Entries and Exits";
    assert_eq!(canonical("CBP"), Some(cbp));
    assert_eq!(canonical("US CBP"), Some(cbp));
    assert_eq!(canonical("INEC"), Some(registry_name));
    assert_eq!(
        canonical("Instituto Nacional de Estadística y Censos"),
        Some(registry_name)
    );
    assert_eq!(
        canonical("the Ecuadorian entries and exit registry"),
        Some(registry_name)
    );
    assert_eq!(
        canonical("UNHCR"),
        Some("Office of the United Nations High Commissioner for Refugees")
    );
    assert_eq!(
        canonical("IOM"),
        Some("International Organization for Migration")
    );
    assert_eq!(
        canonical("the Honduran government"),
        Some("Government of Honduras")
    );
    assert_eq!(
        canonical("Pew Research Center"),
        Some("Pew Research Center")
    );
    // English outlets translate the agency's name.
    assert_eq!(canonical("Migration Colombia"), Some("Migración Colombia"));
    assert_eq!(
        canonical("the FBI"),
        Some("Federal Bureau of Investigation")
    );
}

#[test]
fn normalise_tolerates_articles_possessives_and_trailing_words() {
    assert_eq!(
        canonical("CBP’s data"),
        Some("U.S. Customs and Border Protection")
    );
    assert_eq!(canonical("the UN report"), Some("United Nations"));
    assert_eq!(canonical("UN studies"), Some("United Nations"));
    assert_eq!(
        canonical("IOM's"),
        Some("International Organization for Migration")
    );
    assert_eq!(
        canonical("  UNHCR,  "),
        Some("Office of the United Nations High Commissioner for Refugees")
    );
    // Aliases are case-sensitive: "un" is a word, not the United Nations.
    assert_eq!(canonical("un"), None);
    assert_eq!(
        canonical("Reports from the International Organization for Migration"),
        Some("International Organization for Migration")
    );
}

#[test]
fn unknown_sources_keep_their_surface_form() {
    assert_eq!(builtin().normalize("the Acme Institute"), None);
    assert_eq!(
        surface_name("the Acme Institute’s report"),
        "Acme Institute"
    );
    assert_eq!(surface_name("  Acme   data, "), "Acme");
}

#[test]
fn queries_are_case_insensitive() {
    assert_eq!(
        builtin().query("cbp").map(|e| e.name.as_str()),
        Some("U.S. Customs and Border Protection")
    );
    assert_eq!(
        builtin()
            .query("The Honduran Government")
            .map(|e| e.name.as_str()),
        Some("Government of Honduras")
    );
}

#[test]
fn find_reports_raw_spans_at_word_boundaries() {
    let text = "According to the  UN’s figures, UNITY and UNHCR said (CBP) so.";
    let found = builtin().find(text, Span::new(0, text.len()));
    let names: Vec<&str> = found.iter().map(|m| m.span.slice(text).unwrap()).collect();
    assert_eq!(names, vec!["the  UN", "UNHCR", "CBP"]);
}

#[test]
fn user_file_errors_name_file_and_line() {
    let text = "[[source]]\nname = \"A\"\nkind = \"government\"\n\n[[source]]\nname = \"B\"\nkind = \"planet\"\n";
    let (_, diagnostics) = Registry::parse(text, Some(Path::new("my.toml")));
    assert_eq!(diagnostics.len(), 1);
    let message = diagnostics[0].to_string();
    assert!(message.contains("my.toml:"), "{message}");
    assert!(message.contains("planet"), "{message}");
}

#[test]
fn user_file_extends_and_overrides_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sources.toml");
    std::fs::write(
        &path,
        "[[source]]\nname = \"Acme Institute\"\nkind = \"research_center\"\naliases = [\"ACME\"]\n\n\
         [[source]]\nname = \"Duplicate\"\nkind = \"person\"\n\n[[source]]\nname = \"Duplicate\"\nkind = \"person\"\n",
    )
    .unwrap();
    let (registry, diagnostics) = Registry::load(&[path]);
    assert_eq!(
        registry.normalize("ACME").map(|e| e.name.as_str()),
        Some("Acme Institute")
    );
    assert_eq!(
        registry.normalize("CBP").map(|e| e.kind),
        Some(SourceKind::Government)
    );
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0].line, Some(10));
}

#[test]
fn a_description_after_an_acronym_is_found_in_lower_case_when_it_names_a_body() {
    let text = "The UN refugee agency counted them; the UN migration study did not.";
    // After the parent's name too: "United Nations Refugee Agency" of the United Nations.
    let parent_led = "A United Nations refugee agency associate said so.";
    assert_eq!(
        builtin()
            .find(parent_led, Span::new(0, parent_led.len()))
            .first()
            .and_then(|found| builtin().entry(found.entry))
            .map(|entry| entry.name.as_str()),
        Some("Office of the United Nations High Commissioner for Refugees")
    );
    let found: Vec<(&str, &str)> = builtin()
        .find(text, Span::new(0, text.len()))
        .iter()
        .map(|found| {
            (
                found.span.slice(text).unwrap_or(""),
                builtin()
                    .entry(found.entry)
                    .map_or("", |entry| entry.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "The UN refugee agency",
                "Office of the United Nations High Commissioner for Refugees"
            ),
            ("the UN", "United Nations"),
        ]
    );
}

#[test]
fn national_statistics_offices_and_central_banks_normalise() {
    assert_eq!(canonical("Statistics NZ"), Some("Stats NZ"));
    assert_eq!(canonical("Statistics New Zealand"), Some("Stats NZ"));
    assert_eq!(canonical("SBP"), Some("State Bank of Pakistan"));
    assert_eq!(canonical("Statistik Austria"), Some("Statistics Austria"));
}
