//! Loading the bundled datasets and the broken fixtures: row counts, real values read from the
//! original tables, aliases, groups, and the diagnostics for each kind of bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use claimdex::datasets::{load_dir, summaries, Dataset, DatasetManifest, Row};
use claimdex::diagnostic::Severity;
use std::path::Path;

fn bundled() -> Vec<Dataset> {
    let (datasets, diagnostics) = load_dir(Path::new("corpus/datasets"));
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        Vec::<String>::new(),
        "the bundled datasets load cleanly"
    );
    datasets
}

fn dataset<'a>(datasets: &'a [Dataset], id: &str) -> &'a Dataset {
    datasets
        .iter()
        .find(|dataset| dataset.id() == id)
        .unwrap_or_else(|| panic!("dataset {id} is loaded"))
}

/// The rows whose dimensions have all the given values.
fn rows<'a>(dataset: &'a Dataset, dims: &[(&str, &str)]) -> Vec<&'a Row> {
    dataset
        .rows
        .iter()
        .filter(|row| {
            dims.iter()
                .all(|(name, value)| row.dims.get(*name).map(String::as_str) == Some(*value))
        })
        .collect()
}

/// The value of `measure` in the one row with these dimensions.
fn value(dataset: &Dataset, dims: &[(&str, &str)], measure: &str) -> f64 {
    let found = rows(dataset, dims);
    assert_eq!(found.len(), 1, "one row of {} has {dims:?}", dataset.id());
    dataset
        .value(found[0], measure)
        .unwrap_or_else(|| panic!("{measure} is filled"))
}

#[test]
fn every_bundled_dataset_loads_with_its_row_count() {
    let datasets = bundled();
    let counts: Vec<(&str, usize)> = datasets
        .iter()
        .map(|dataset| (dataset.id(), dataset.rows.len()))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("china_census_cities", 230),
            ("china_census_ethnic_subnational", 7),
            ("china_census_province_sums", 66),
            ("fbi_ucr_national_estimated_crimes", 41),
            ("nbs_census_2020_provinces", 66),
            ("nbs_census_2020_sex", 1),
            ("ohss_usbp_encounters_annual", 206),
            ("ohss_usbp_encounters_monthly", 1055),
            ("undesa_migrant_stock_2017", 1050),
            ("undesa_migrant_stock_2017_countries", 232),
            ("unhcr_global_trends_2017", 9),
            ("wb_wdi_selected", 990),
        ]
    );
    for dataset in &datasets {
        let manifest = &dataset.manifest;
        assert!(!manifest.publisher.is_empty() && manifest.url.starts_with("http"));
        assert!(
            !manifest.caveats.is_empty(),
            "{} states its caveats",
            manifest.id
        );
    }
}

#[test]
fn un_desa_world_migrant_stock_grew_49_percent_2000_to_2017() {
    let datasets = bundled();
    let undesa = dataset(&datasets, "undesa_migrant_stock_2017");
    let world = |year| {
        value(
            undesa,
            &[("area", "WORLD"), ("year", year), ("sex", "both")],
            "migrant_stock",
        )
    };
    assert_eq!(world("2000"), 172_604_257.0);
    assert_eq!(world("2017"), 257_715_425.0);
    let change = (world("2017") - world("2000")) / world("2000") * 100.0;
    assert!((change - 49.3).abs() < 0.05, "{change}");
    let share = value(
        undesa,
        &[("area", "WORLD"), ("year", "2017"), ("sex", "both")],
        "migrant_share_pct",
    );
    assert!((share - 3.413_330_842_724_872_7).abs() < 1e-12);
    // Table 2 is in thousands; the loader applies the manifest's scale.
    let population = value(
        undesa,
        &[("area", "WORLD"), ("year", "2017"), ("sex", "both")],
        "total_population",
    );
    assert!((population - 7_550_262_101.0).abs() < 1.0, "{population}");
    let high_income = |year| {
        value(
            undesa,
            &[
                ("area", "High-income countries"),
                ("year", year),
                ("sex", "both"),
            ],
            "migrant_stock",
        )
    };
    assert_eq!(high_income("2017") - high_income("2000"), 64_442_076.0);
}

#[test]
fn un_desa_united_states_hosts_the_most_migrants_in_2017() {
    let datasets = bundled();
    let countries = dataset(&datasets, "undesa_migrant_stock_2017_countries");
    let largest = countries
        .rows
        .iter()
        .max_by(|a, b| a.measures["migrant_stock"].total_cmp(&b.measures["migrant_stock"]))
        .expect("rows");
    assert_eq!(largest.dims["area"], "United States of America");
    assert_eq!(largest.measures["migrant_stock"], 49_776_970.0);
    assert_eq!(
        countries.resolve_entity("the U.S."),
        Some("United States of America")
    );
}

#[test]
fn unhcr_counts_25_4_million_refugees_at_end_2017() {
    let datasets = bundled();
    let unhcr = dataset(&datasets, "unhcr_global_trends_2017");
    let refugees = value(unhcr, &[("indicator", "refugees_total")], "persons_million");
    assert!((refugees - 25_400_000.0).abs() < 1e-6, "{refugees}");
    assert_eq!(unhcr.rounding("persons_million"), Some(100_000.0));
    let row = rows(unhcr, &[("indicator", "refugees_total")])[0];
    assert_eq!(
        unhcr.describe_row(row),
        "UNHCR Global Trends 2017: refugees_total, end-2017, worldwide: people 25,400,000 persons"
    );
    assert_eq!(row.notes["quote_from_report"], "25.4 million refugees");
}

#[test]
fn census_excess_of_men_is_nearly_35_million() {
    let datasets = bundled();
    let sex = dataset(&datasets, "nbs_census_2020_sex");
    let men = value(sex, &[("area", "China")], "male_population");
    let women = value(sex, &[("area", "China")], "female_population");
    assert_eq!(men - women, 34_901_188.0);
}

#[test]
fn northeast_provinces_lost_about_ten_percent_not_thirty() {
    let datasets = bundled();
    let sums = dataset(&datasets, "china_census_province_sums");
    let members = sums.group_members("the rust belt").expect("group");
    assert_eq!(members, ["Heilongjiang", "Jilin", "Liaoning"]);
    let total = |year| -> f64 {
        members
            .iter()
            .map(|member| value(sums, &[("province", member), ("year", year)], "population"))
            .sum()
    };
    assert_eq!(total("2010"), 109_465_576.0);
    assert_eq!(total("2020"), 98_453_802.0);
    let heilongjiang = sums.resolve_entity("Heilongjiang Province").expect("alias");
    let h2010 = value(
        sums,
        &[("province", heilongjiang), ("year", "2010")],
        "population",
    );
    let h2020 = value(
        sums,
        &[("province", heilongjiang), ("year", "2020")],
        "population",
    );
    assert_eq!((h2010, h2020), (38_313_991.0, 31_850_088.0));
    // Jilin's panel sum misses units directly under the province, and the row says so.
    let jilin = rows(sums, &[("province", "Jilin"), ("year", "2020")]);
    assert_eq!(jilin[0].dims["coverage"], "partial");
    let official = dataset(&datasets, "nbs_census_2020_provinces");
    assert_eq!(
        value(
            official,
            &[("region", "Jilin"), ("year", "2020")],
            "population"
        ),
        24_073_453.0
    );
    assert_eq!(
        official.resolve_entity("Tibetan Autonomous Region"),
        Some("Tibet")
    );
}

#[test]
fn tibet_is_86_percent_tibetan() {
    let datasets = bundled();
    let ethnic = dataset(&datasets, "china_census_ethnic_subnational");
    let tibet = ethnic
        .resolve_entity("Tibetan Autonomous Region")
        .expect("alias");
    let tibetans = value(
        ethnic,
        &[("area", tibet), ("ethnic_group", "Tibetan")],
        "population",
    );
    let total = value(
        ethnic,
        &[("area", tibet), ("ethnic_group", "total")],
        "population",
    );
    assert_eq!(format!("{:.1}", tibetans / total * 100.0), "86.0");
}

#[test]
fn ohss_chinese_encounters_at_the_southwest_border() {
    let datasets = bundled();
    let annual = dataset(&datasets, "ohss_usbp_encounters_annual");
    let china = annual.resolve_entity("Chinese nationals").expect("alias");
    let border = annual.resolve_entity("U.S.-Mexico border").expect("alias");
    assert_eq!(
        (china, border),
        ("China, People's Republic", "Southwest Land Border")
    );
    let fiscal = |year| {
        value(
            annual,
            &[
                ("fiscal_year", year),
                ("region", border),
                ("citizenship", china),
            ],
            "encounters",
        )
    };
    assert_eq!((fiscal("2023"), fiscal("2024")), (24_050.0, 37_830.0));
    assert_eq!(annual.rounding("encounters"), Some(10.0));

    let monthly = dataset(&datasets, "ohss_usbp_encounters_monthly");
    let sum_months = |from: &str, to: &str| -> f64 {
        rows(monthly, &[("region", border), ("citizenship", china)])
            .iter()
            .filter(|row| (from..=to).contains(&row.dims["month"].as_str()))
            .map(|row| row.measures["encounters"])
            .sum()
    };
    assert_eq!(sum_months("2023-10", "2024-03"), 24_220.0);
    assert_eq!(sum_months("2023-01", "2024-04"), 49_690.0);
    assert_eq!(sum_months("2021-01", "2022-12"), 4_140.0);
}

#[test]
fn fbi_and_world_bank_values() {
    let datasets = bundled();
    let fbi = dataset(&datasets, "fbi_ucr_national_estimated_crimes");
    assert_eq!(
        value(fbi, &[("year", "1990")], "violent_crime"),
        1_820_127.0
    );
    assert_eq!(
        value(fbi, &[("year", "2013")], "property_crime"),
        8_651_892.0
    );
    let wdi = dataset(&datasets, "wb_wdi_selected");
    let mexico = |year, measure| value(wdi, &[("country", "Mexico"), ("year", year)], measure);
    assert_eq!(mexico("1970", "fertility_rate"), 6.529);
    assert_eq!(mexico("2011", "gni_per_capita_ppp_intl_usd"), 17_010.0);
    assert_eq!(wdi.resolve_entity("USA"), Some("United States"));
}

#[test]
fn summaries_list_rows_and_problems() {
    let (datasets, diagnostics) = load_dir(Path::new("tests/fixtures/datasets"));
    let listed: Vec<(String, usize, usize)> = summaries(&datasets, &diagnostics)
        .into_iter()
        .map(|summary| (summary.id, summary.rows, summary.problems.len()))
        .collect();
    assert_eq!(
        listed,
        vec![("bad_cell".into(), 3, 4), ("non_utf8".into(), 2, 1)]
    );
    let json = serde_json::to_string(&summaries(&datasets, &diagnostics)[1]).expect("json");
    assert!(json.contains(r#""rows":2"#), "{json}");
}

#[test]
fn broken_inputs_give_diagnostics_not_panics() {
    let (datasets, diagnostics) = load_dir(Path::new("tests/fixtures/datasets"));
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let expected = [
        r#"error: tests/fixtures/datasets/bad_cell.csv:3: column population: "abc" is not a number; row skipped"#,
        "error: tests/fixtures/datasets/bad_cell.csv:5: has 2 fields but the header has 3; row skipped",
        r#"error: tests/fixtures/datasets/bad_cell.csv:6: column year: "20x0" is not a four-digit year; row skipped"#,
        "warning: tests/fixtures/datasets/bad_cell.toml: alias 'Atlantis' points to 'Lost Province', which no row has; fix [aliases]",
        "error: tests/fixtures/datasets/broken_manifest.toml:3: not a valid manifest: invalid basic string; see docs/datasets.md for the format; dataset skipped",
        "error: tests/fixtures/datasets/missing_column.csv:1: no column 'province' (have: year, region, population); fix the CSV header or the [[columns]] names in tests/fixtures/datasets/missing_column.toml; dataset 'missing_column' skipped",
        r#"error: tests/fixtures/datasets/money_without_currency.toml: column 'gni': unit = "money" needs a currency ("USD"); dataset skipped"#,
        "error: tests/fixtures/datasets/non_utf8.csv:3: column province: not valid UTF-8 (bad byte at offset 2 of the cell); re-save the file as UTF-8; row skipped",
        "warning: tests/fixtures/datasets/orphan.csv: no manifest tests/fixtures/datasets/orphan.toml beside it, so it is not loaded; write one (see docs/datasets.md)",
    ];
    assert_eq!(messages, expected);
    assert_eq!(
        diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .count(),
        7
    );

    let ids: Vec<&str> = datasets.iter().map(Dataset::id).collect();
    assert_eq!(ids, ["bad_cell", "non_utf8"]);
    let bad_cell = &datasets[0];
    let lines: Vec<usize> = bad_cell.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, [2, 4, 7]);
    // The manifest's scale (thousands) is applied to the loaded value.
    assert_eq!(bad_cell.rows[0].measures["population"], 38_313_000.0);
    assert_eq!(
        bad_cell.describe_row(&bad_cell.rows[0]),
        "Fixture: 2010, Heilongjiang: resident population 38,313,000 persons"
    );
    assert_eq!(
        bad_cell.resolve_entity("HEILONGJIANG province"),
        Some("Heilongjiang")
    );
    assert_eq!(bad_cell.resolve_entity("Atlantis"), None);
    assert_eq!(
        bad_cell.group_members("Rust Belt"),
        Some(&["Heilongjiang".to_string(), "Jilin".to_string()][..])
    );
    assert_eq!(bad_cell.group_members("Sun Belt"), None);
}

#[test]
fn a_missing_folder_is_one_diagnostic() {
    let (datasets, diagnostics) = load_dir(Path::new("tests/fixtures/no-such-folder"));
    assert!(datasets.is_empty());
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0]
        .message
        .starts_with("cannot read the datasets folder"));
}

/// `places` in a manifest: a list of place names. A string, a number or a blank name is a clear
/// error naming the file (and the line for a type error), never a panic.
#[test]
fn a_bad_places_list_is_a_manifest_error() {
    let path = Path::new("corpus/datasets/ohss_usbp_encounters_annual.toml");
    let text = std::fs::read_to_string(path).expect("bundled manifest");
    let start = text.find("places = [").expect("a places list");
    let end = start + text[start..].find("]\n").expect("its end") + 2;
    let with = |places: &str| format!("{}{places}\n{}", &text[..start], &text[end..]);
    let line = text[..start].lines().count() + 1;
    for places in [r#"places = "United States""#, "places = [1]"] {
        let error = DatasetManifest::parse(path, &with(places)).expect_err(places);
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("{}:{line}: not a valid manifest", path.display())),
            "{message}"
        );
    }
    let error = DatasetManifest::parse(path, &with(r#"places = ["United States", " "]"#))
        .expect_err("blank place");
    assert!(
        error.to_string().contains("'places' holds an empty name"),
        "{error}"
    );
    // The list as written parses.
    assert!(DatasetManifest::parse(path, &text).is_ok());
}
