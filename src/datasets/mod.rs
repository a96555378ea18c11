//! Datasets: load the curated statistical tables (`NAME.csv` + `NAME.toml`) that claims are
//! checked against, and answer the checker's questions about them (which entity is this name,
//! which provinces are "the rust belt", how would a reader describe this row).
//!
//! Loading never fails as a whole: `load_dir` returns what it could load plus diagnostics. A
//! bad row is skipped; a dataset with a broken manifest or header is skipped; nothing panics.

mod load;
pub mod manifest;
pub mod text;

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
pub use manifest::{
    Column, DatasetManifest, Derived, DimensionKind, Group, ManifestError, MeasureUnit, Role,
};
use text::{format_number, normalize_name};

/// One loaded dataset.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub manifest: DatasetManifest,
    pub rows: Vec<Row>,
    /// The CSV file.
    pub path: PathBuf,
    pub manifest_path: PathBuf,
    /// Normalised name → entity value as written in the CSV (values and aliases).
    #[serde(skip)]
    entities: HashMap<String, String>,
    /// Normalised group name or alias → index in `manifest.groups`.
    #[serde(skip)]
    groups: HashMap<String, usize>,
}

/// One CSV row that passed validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// 1-based line of the row in the CSV (the header is line 1).
    pub line: usize,
    /// Dimension column → value, trimmed.
    pub dims: BTreeMap<String, String>,
    /// Measure column → quantity, already multiplied by the column's `scale` (a value stored
    /// in thousands is here in units). Empty cells are absent.
    pub measures: BTreeMap<String, f64>,
    /// Note column → text (empty cells absent).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
}

/// What `claimdex datasets` lists for one dataset.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetSummary {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub path: PathBuf,
    pub rows: usize,
    pub problems: Vec<Diagnostic>,
}

/// Loads every dataset in `dir`: each `NAME.toml` manifest with its `NAME.csv`.
///
/// Datasets come back sorted by id. Problems are diagnostics, never a failure: a bad row is
/// reported and skipped, a dataset whose manifest or header is broken is reported and skipped.
///
/// ```
/// use claimdex::datasets::load_dir;
/// let (datasets, diagnostics) = load_dir(std::path::Path::new("corpus/datasets"));
/// assert!(diagnostics.is_empty());
/// let unhcr = datasets.iter().find(|d| d.id() == "unhcr_global_trends_2017").unwrap();
/// assert_eq!(unhcr.resolve_entity("refugees worldwide"), Some("refugees_total"));
/// ```
pub fn load_dir(dir: &Path) -> (Vec<Dataset>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                Some(dir.to_path_buf()),
                None,
                format!("cannot read the datasets folder: {error}; point --datasets at a folder of NAME.csv + NAME.toml files"),
            ));
            return (Vec::new(), diagnostics);
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    paths.sort();

    let mut datasets = Vec::new();
    for path in &paths {
        match path.extension().and_then(|ext| ext.to_str()) {
            Some("toml") => match load_one(path) {
                Ok((dataset, problems)) => {
                    diagnostics.extend(problems);
                    datasets.push(dataset);
                }
                Err(problem) => diagnostics.push(problem),
            },
            Some("csv") if !path.with_extension("toml").is_file() => {
                diagnostics.push(Diagnostic::warning(
                    Some(path.clone()),
                    None,
                    format!(
                        "no manifest {} beside it, so it is not loaded; write one (see docs/datasets.md)",
                        path.with_extension("toml").display()
                    ),
                ));
            }
            _ => {}
        }
    }
    datasets.sort_by(|a, b| a.manifest.id.cmp(&b.manifest.id));
    (datasets, diagnostics)
}

/// Loads one dataset from its manifest path; `Err` is the diagnostic that skipped it.
pub fn load_one(manifest_path: &Path) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let manifest = DatasetManifest::read(manifest_path).map_err(|error| {
        Diagnostic::error(
            Some(error.path().to_path_buf()),
            error.line(),
            format!("{}; dataset skipped", error.detail()),
        )
    })?;
    let stem = manifest_path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default();
    if manifest.id != stem {
        return Err(Diagnostic::error(
            Some(manifest_path.to_path_buf()),
            None,
            format!(
                "id '{}' differs from the file name '{stem}'; set id = \"{stem}\" or rename the files; dataset skipped",
                manifest.id
            ),
        ));
    }
    let csv_path = manifest_path.with_extension("csv");
    if !csv_path.is_file() {
        return Err(Diagnostic::error(
            Some(manifest_path.to_path_buf()),
            None,
            format!(
                "no data file {} beside the manifest; add it or remove the manifest; dataset skipped",
                csv_path.display()
            ),
        ));
    }
    let (rows, mut diagnostics) = load::read_rows(&csv_path, &manifest, manifest_path)?;
    let mut dataset = Dataset {
        manifest,
        rows,
        path: csv_path,
        manifest_path: manifest_path.to_path_buf(),
        entities: HashMap::new(),
        groups: HashMap::new(),
    };
    diagnostics.extend(dataset.build_lookups());
    if dataset.rows.is_empty() {
        diagnostics.push(Diagnostic::warning(
            Some(dataset.path.clone()),
            None,
            "no rows loaded; nothing can be checked against this dataset",
        ));
    }
    Ok((dataset, diagnostics))
}

/// One summary per loaded dataset, with the diagnostics about its files.
pub fn summaries(datasets: &[Dataset], diagnostics: &[Diagnostic]) -> Vec<DatasetSummary> {
    datasets
        .iter()
        .map(|dataset| DatasetSummary {
            id: dataset.manifest.id.clone(),
            title: dataset.manifest.title.clone(),
            publisher: dataset.manifest.publisher.clone(),
            url: dataset.manifest.url.clone(),
            path: dataset.path.clone(),
            rows: dataset.rows.len(),
            problems: diagnostics
                .iter()
                .filter(|diagnostic| {
                    diagnostic.path.as_deref() == Some(dataset.path.as_path())
                        || diagnostic.path.as_deref() == Some(dataset.manifest_path.as_path())
                })
                .cloned()
                .collect(),
        })
        .collect()
}

impl Dataset {
    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    /// The entity value as written in the CSV for `name`, through the manifest's aliases;
    /// case, punctuation and a leading "the" do not matter ("the U.S." → "United States").
    pub fn resolve_entity(&self, name: &str) -> Option<&str> {
        self.entities.get(&normalize_name(name)).map(String::as_str)
    }

    /// The members of the group called `name` (or one of its aliases), as written in the CSV.
    pub fn group_members(&self, name: &str) -> Option<&[String]> {
        let idx = *self.groups.get(&normalize_name(name))?;
        self.manifest
            .groups
            .get(idx)
            .map(|group| group.members.as_slice())
    }

    /// The value of `measure` in `row` (scaled), if the cell was not empty.
    pub fn value(&self, row: &Row, measure: &str) -> Option<f64> {
        row.measures.get(measure).copied()
    }

    /// The rounding step of `measure` in its scaled unit (10 for OHSS encounters, 100,000 for
    /// UNHCR millions printed to one decimal), if the source rounds.
    pub fn rounding(&self, measure: &str) -> Option<f64> {
        let column = self.manifest.column(measure)?;
        column.rounded_to.map(|step| step * column.scale)
    }

    /// A short text for a row, for BM25 retrieval and for evidence lines: "UN DESA ...: WORLD,
    /// world, 2017, both: international migrants 257,715,425 persons; ...".
    pub fn describe_row(&self, row: &Row) -> String {
        let dims: Vec<&str> = self
            .manifest
            .columns
            .iter()
            .filter(|column| column.role == Role::Dimension)
            .filter(|column| column.kind != Some(DimensionKind::Code))
            .filter_map(|column| row.dims.get(&column.name).map(String::as_str))
            .collect();
        let measures: Vec<String> = self
            .manifest
            .columns
            .iter()
            .filter(|column| column.role == Role::Measure)
            .filter_map(|column| {
                let value = row.measures.get(&column.name)?;
                Some(format!(
                    "{} {}",
                    label(column),
                    format_value(column, *value)
                ))
            })
            .collect();
        format!(
            "{}: {}: {}",
            self.manifest.short_title(),
            dims.join(", "),
            measures.join("; ")
        )
    }

    /// Fills the alias and group lookups; warns about aliases and members not in the data.
    fn build_lookups(&mut self) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let entity_columns: Vec<&str> = self
            .manifest
            .columns
            .iter()
            .filter(|column| column.kind.is_some_and(DimensionKind::is_entity))
            .map(|column| column.name.as_str())
            .collect();
        for row in &self.rows {
            for column in &entity_columns {
                if let Some(value) = row.dims.get(*column) {
                    self.entities
                        .entry(normalize_name(value))
                        .or_insert_with(|| value.clone());
                }
            }
        }
        for (alias, canonical) in &self.manifest.aliases {
            let Some(target) = self.entities.get(&normalize_name(canonical)).cloned() else {
                diagnostics.push(self.manifest_warning(format!(
                    "alias '{alias}' points to '{canonical}', which no row has; fix [aliases]"
                )));
                continue;
            };
            self.entities.entry(normalize_name(alias)).or_insert(target);
        }
        for (idx, group) in self.manifest.groups.iter().enumerate() {
            for member in &group.members {
                if !self.entities.contains_key(&normalize_name(member)) {
                    diagnostics.push(self.manifest_warning(format!(
                        "group '{}': member '{member}' is in no row; fix [[groups]] members",
                        group.name
                    )));
                }
            }
            for name in std::iter::once(&group.name).chain(&group.aliases) {
                self.groups.entry(normalize_name(name)).or_insert(idx);
            }
        }
        diagnostics
    }

    fn manifest_warning(&self, message: String) -> Diagnostic {
        Diagnostic::warning(Some(self.manifest_path.clone()), None, message)
    }
}

/// The first clause of a measure's description ("international migrants"), or its name.
fn label(column: &Column) -> &str {
    let clause = column
        .description
        .split([',', '('])
        .next()
        .unwrap_or_default()
        .trim();
    if clause.is_empty() {
        &column.name
    } else {
        clause
    }
}

fn format_value(column: &Column, value: f64) -> String {
    let number = format_number(value);
    match column.unit {
        Some(MeasureUnit::Count) => match &column.counts {
            Some(noun) => format!("{number} {noun}"),
            None => number,
        },
        Some(MeasureUnit::Percent) => format!("{number}%"),
        Some(MeasureUnit::Money) => {
            format!("{number} {}", column.currency.as_deref().unwrap_or(""))
        }
        Some(MeasureUnit::Rate) => match column.per {
            Some(per) if per != 1.0 => format!("{number} per {}", format_number(per)),
            _ => number,
        },
        None => number,
    }
}
