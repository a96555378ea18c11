//! Dataset manifests: the TOML file beside each dataset CSV that says what every column means.
//!
//! The format is documented in `docs/datasets.md`. Parsing checks the shape (serde, unknown
//! keys rejected) and then the meaning: a dimension has a `kind`, a measure a `unit`, money a
//! `currency`, a rate its `per`, a scale is positive, names are unique.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::span::LineIndex;

/// A dataset's manifest (`NAME.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetManifest {
    /// Identifier, equal to the file stem of the manifest and of its CSV.
    pub id: String,
    pub title: String,
    /// Short title used at the start of row descriptions; `title` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub publisher: String,
    pub url: String,
    pub license: String,
    /// When and from where the original table was copied.
    pub retrieved: String,
    /// The original table this dataset reproduces.
    pub table: String,
    pub scope: String,
    /// Where the rows count: a claim whose sentence names places, none of them one of these nor
    /// one of the table's entities, counts another population ("crossings to the Canary
    /// Islands" against U.S. Border Patrol rows). Empty: the table does not say (a world table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// What the checker must respect before calling a claim contradicted.
    #[serde(default)]
    pub caveats: Vec<String>,
    /// Derived measures the checker may compute from this dataset.
    #[serde(default)]
    pub derived: Vec<Derived>,
    /// The measure to divide by for `per_million` and `per_100k`, when it is in this dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_measure: Option<String>,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Other names of entity values: alias → the value as written in the CSV.
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
}

/// One CSV column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub name: String,
    pub role: Role,
    /// For dimensions: what the values are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DimensionKind>,
    /// For measures: the unit in the figures vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MeasureUnit>,
    /// For `count` measures: the counted noun ("persons", "encounters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<String>,
    /// For `money` measures: the currency ("USD").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// For `rate` measures: the base (100 for "males per 100 females", 1 for "per woman").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<f64>,
    /// CSV values are multiplied by this to give the quantity (1000 for thousands).
    #[serde(default = "one")]
    pub scale: f64,
    /// The source's rounding step, in CSV units (10 when cells are rounded to the nearest 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounded_to: Option<f64>,
    /// What it counts, in the words a claim would use.
    #[serde(default)]
    pub description: String,
}

/// Whether a column identifies a cell, holds a figure, or carries text along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Dimension,
    Measure,
    /// Free text kept with the row (a source sentence, a footnote); never matched or summed.
    Note,
}

/// What a dimension's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DimensionKind {
    /// A calendar year, four digits.
    Year,
    /// A U.S. federal fiscal year (October to September), four digits.
    FiscalYear,
    /// A calendar month, `YYYY-MM`.
    Month,
    /// A month label in fiscal order, as the source writes it.
    FiscalMonth,
    /// A reference date as the source writes it ("end-2017").
    Date,
    Country,
    Province,
    City,
    Region,
    Area,
    Nationality,
    Sex,
    AgeBand,
    EthnicGroup,
    Indicator,
    /// A code (M49, ISO, GB/T 2260): identifies, but is not a name a claim would use.
    Code,
    /// Any other classification (area type, coverage).
    Category,
}

impl DimensionKind {
    /// Periods: the checker matches these against a claim's time, not its entities.
    pub fn is_period(self) -> bool {
        matches!(
            self,
            DimensionKind::Year
                | DimensionKind::FiscalYear
                | DimensionKind::Month
                | DimensionKind::FiscalMonth
                | DimensionKind::Date
        )
    }

    /// Names a claim may mention: resolved through aliases by `Dataset::resolve_entity`.
    pub fn is_entity(self) -> bool {
        !self.is_period() && self != DimensionKind::Code
    }
}

/// A measure's unit, in the figures vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureUnit {
    Count,
    Percent,
    Money,
    Rate,
}

/// A measure the checker may derive from the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Derived {
    /// `b - a` between two periods.
    ChangeAbsolute,
    /// `(b - a) / a × 100` between two periods.
    ChangePercent,
    /// `part / total × 100`.
    ShareOfTotal,
    /// Sum over the members of a named group.
    SumOverGroup,
    /// Sum over a span of months.
    SumOverMonths,
    /// `a - b` of two measures or two entities.
    Difference,
    /// `a / b`.
    Ratio,
    /// `value / population × 1,000,000`.
    PerMillion,
    /// `value / population × 100,000` (crime rates).
    #[serde(rename = "per_100k")]
    Per100k,
}

/// A named group of entity values ("Northeast China" = Heilongjiang + Jilin + Liaoning).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    /// Other names of the group ("rust belt").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The dimension kind the members belong to (`province`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// Members, as written in the CSV.
    pub members: Vec<String>,
}

/// Why a manifest could not be used. Each names the file and what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{path}: cannot read the manifest: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}{}: not a valid manifest: {message}; see docs/datasets.md for the format", path.display(), line.map(|line| format!(":{line}")).unwrap_or_default())]
    Syntax {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

impl ManifestError {
    pub fn path(&self) -> &Path {
        match self {
            ManifestError::Read { path, .. }
            | ManifestError::Syntax { path, .. }
            | ManifestError::Invalid { path, .. } => path,
        }
    }

    pub fn line(&self) -> Option<usize> {
        match self {
            ManifestError::Syntax { line, .. } => *line,
            _ => None,
        }
    }

    /// The message without the path and line, for a `Diagnostic` that carries them itself.
    pub fn detail(&self) -> String {
        match self {
            ManifestError::Read { source, .. } => format!("cannot read the manifest: {source}"),
            ManifestError::Syntax { message, .. } => {
                format!("not a valid manifest: {message}; see docs/datasets.md for the format")
            }
            ManifestError::Invalid { message, .. } => message.clone(),
        }
    }
}

impl DatasetManifest {
    /// Parses and validates a manifest's text; `path` is only used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<DatasetManifest, ManifestError> {
        let manifest: DatasetManifest =
            toml::from_str(text).map_err(|error| ManifestError::Syntax {
                path: path.to_path_buf(),
                line: error
                    .span()
                    .map(|span| LineIndex::new(text).line(span.start)),
                message: error.message().trim().to_string(),
            })?;
        manifest.validate(path)?;
        Ok(manifest)
    }

    /// Reads, parses and validates a manifest file.
    pub fn read(path: &Path) -> Result<DatasetManifest, ManifestError> {
        let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        DatasetManifest::parse(path, &text)
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }

    /// The title used in row descriptions.
    pub fn short_title(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.title)
    }

    fn validate(&self, path: &Path) -> Result<(), ManifestError> {
        let invalid = |message: String| ManifestError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        if self.id.trim().is_empty() {
            return Err(invalid(
                "'id' is empty; set it to the file name without .toml".into(),
            ));
        }
        if self.columns.is_empty() {
            return Err(invalid(
                "no [[columns]]; describe each CSV column with name, role and kind or unit".into(),
            ));
        }
        // A blank place matches no claim's place, so every claim naming one would be refused.
        if self.places.iter().any(|place| place.trim().is_empty()) {
            return Err(invalid(
                "'places' holds an empty name; write each place as a claim names it (\"United States\") or leave 'places' out".into(),
            ));
        }
        let mut seen = BTreeSet::new();
        for column in &self.columns {
            if !seen.insert(column.name.as_str()) {
                return Err(invalid(format!(
                    "column '{}' is described twice; keep one [[columns]] entry per CSV column",
                    column.name
                )));
            }
            validate_column(column)
                .map_err(|message| invalid(format!("column '{}': {message}", column.name)))?;
        }
        if !self
            .columns
            .iter()
            .any(|column| column.role == Role::Measure)
        {
            return Err(invalid(
                "no column has role = \"measure\"; a dataset needs at least one figure column"
                    .into(),
            ));
        }
        if let Some(population) = &self.population_measure {
            let is_measure = self
                .column(population)
                .is_some_and(|column| column.role == Role::Measure);
            if !is_measure {
                return Err(invalid(format!(
                    "population_measure '{population}' is not a measure column; name one of [[columns]] with role = \"measure\""
                )));
            }
        }
        for group in &self.groups {
            if group.members.is_empty() {
                return Err(invalid(format!(
                    "group '{}' has no members; list them as written in the CSV",
                    group.name
                )));
            }
        }
        Ok(())
    }
}

fn one() -> f64 {
    1.0
}

/// Checks that a column carries exactly the keys its role needs.
fn validate_column(column: &Column) -> Result<(), String> {
    if column.name.trim().is_empty() {
        return Err("'name' is empty".into());
    }
    if !(column.scale.is_finite() && column.scale > 0.0) {
        return Err(format!("scale {} must be a positive number", column.scale));
    }
    if let Some(step) = column.rounded_to {
        if !(step.is_finite() && step > 0.0) {
            return Err(format!("rounded_to {step} must be a positive number"));
        }
    }
    match column.role {
        Role::Dimension => {
            if column.kind.is_none() {
                return Err(
                    "a dimension needs a kind (year, fiscal_year, month, country, province, ...)"
                        .into(),
                );
            }
            if column.unit.is_some() {
                return Err("a dimension has no unit; use role = \"measure\" for figures".into());
            }
        }
        Role::Measure => {
            let Some(unit) = column.unit else {
                return Err("a measure needs a unit (count, percent, money, rate)".into());
            };
            if column.kind.is_some() {
                return Err("a measure has no kind; use role = \"dimension\" for labels".into());
            }
            if unit == MeasureUnit::Money && column.currency.is_none() {
                return Err("unit = \"money\" needs a currency (\"USD\")".into());
            }
            if unit == MeasureUnit::Rate {
                match column.per {
                    Some(per) if per.is_finite() && per > 0.0 => {}
                    _ => {
                        return Err("unit = \"rate\" needs per = N (100 for per 100 females)".into())
                    }
                }
            }
        }
        Role::Note => {
            if column.kind.is_some() || column.unit.is_some() {
                return Err("a note has neither kind nor unit".into());
            }
        }
    }
    Ok(())
}
