//! Row selection and derived values for the dataset check: which rows a claim names (entities
//! through aliases and groups, periods through years, calendar years as sums of months), and
//! the value of a measure over them with the interval the source's rounding leaves.

use std::collections::{BTreeMap, BTreeSet};

use crate::datasets::text::normalize_name;
use crate::datasets::{Dataset, DimensionKind, Role, Row};

/// What a dataset's dimensions are, computed once.
#[derive(Debug, Clone)]
pub struct Shape {
    /// Entity dimensions with their distinct values.
    pub entities: Vec<(String, DimensionKind, BTreeSet<String>)>,
    /// The year, fiscal-year or date dimension.
    pub period: Option<(String, DimensionKind)>,
    /// The calendar month dimension (`YYYY-MM`).
    pub month: Option<String>,
}

impl Shape {
    /// Whether the table's period dimension is the U.S. fiscal year.
    pub fn counts_fiscal_years(&self) -> bool {
        self.period
            .as_ref()
            .is_some_and(|(_, kind)| *kind == DimensionKind::FiscalYear)
    }

    pub fn of(dataset: &Dataset) -> Shape {
        let mut entities = Vec::new();
        let mut period = None;
        let mut month = None;
        for column in &dataset.manifest.columns {
            let Some(kind) = column.kind else { continue };
            if column.role != Role::Dimension {
                continue;
            }
            match kind {
                DimensionKind::Year | DimensionKind::FiscalYear | DimensionKind::Date
                    if period.is_none() =>
                {
                    period = Some((column.name.clone(), kind));
                }
                DimensionKind::Month => month = Some(column.name.clone()),
                kind if kind.is_entity() && kind != DimensionKind::Category => {
                    let values: BTreeSet<String> = dataset
                        .rows
                        .iter()
                        .filter_map(|row| row.dims.get(&column.name).cloned())
                        .collect();
                    // A second name column of the same entity ("region_zh") selects nothing new.
                    let alias_column = entities.iter().any(
                        |(_, other_kind, other_values): &(
                            String,
                            DimensionKind,
                            BTreeSet<String>,
                        )| {
                            *other_kind == kind && other_values.len() == values.len()
                        },
                    );
                    if !alias_column {
                        entities.push((column.name.clone(), kind, values));
                    }
                }
                _ => {}
            }
        }
        Shape {
            entities,
            period,
            month,
        }
    }
}

/// The first four-digit number in a period cell ("2017", "end-2017", "2023-05").
pub fn year_of(value: &str) -> Option<i64> {
    let bytes = value.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let window = value.get(i..i + 4)?;
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_digit();
        (before_ok && window.bytes().all(|b| b.is_ascii_digit()))
            .then(|| window.parse().ok())
            .flatten()
    })
}

/// Which entity values the claim selects.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Dimension → allowed values.
    pub fixed: BTreeMap<String, BTreeSet<String>>,
    /// A named group: its dimension, name and members (values are summed over members).
    pub group: Option<(String, String, Vec<String>)>,
    /// Dimensions set by default (a total such as "WORLD" or "both"), not named by the claim.
    pub defaulted: Vec<String>,
    /// Entities the claim names, for the explanation.
    pub named: Vec<String>,
}

impl Selection {
    /// Whether `row` has one of the allowed values in every fixed dimension.
    pub fn admits(&self, row: &Row) -> bool {
        self.fixed.iter().all(|(dim, values)| {
            row.dims
                .get(dim)
                .is_some_and(|value| values.contains(value))
        })
    }
}

/// The entities `sentence` names in `dataset`, longest phrases first; `Err` says which
/// dimension the claim leaves open.
pub fn select(dataset: &Dataset, shape: &Shape, sentence: &str) -> Result<Selection, String> {
    let words: Vec<&str> = sentence
        .split(|ch: char| {
            ch.is_whitespace()
                || matches!(
                    ch,
                    '—' | '–' | ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"'
                )
        })
        .filter(|word| !word.is_empty())
        .collect();
    let mut used = vec![false; words.len()];
    let mut selection = Selection::default();
    let mut named: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for length in (1..=6).rev() {
        for start in 0..words.len().saturating_sub(length - 1) {
            if used[start..start + length].iter().any(|used| *used) {
                continue;
            }
            let phrase = words[start..start + length].join(" ");
            let phrase = phrase.trim_end_matches(['.', '!', '?']);
            if normalize_name(phrase).is_empty() {
                continue;
            }
            if let Some(members) = dataset.group_members(phrase) {
                let dim = shape
                    .entities
                    .iter()
                    .find(|(_, _, values)| members.iter().all(|m| values.contains(m)));
                if let Some((dim, _, _)) = dim {
                    if selection.group.is_none() {
                        selection.group = Some((dim.clone(), phrase.to_string(), members.to_vec()));
                        selection.named.push(phrase.to_string());
                    }
                    used[start..start + length]
                        .iter_mut()
                        .for_each(|u| *u = true);
                    continue;
                }
            }
            if let Some(value) = dataset.resolve_entity(phrase) {
                for (dim, _, values) in &shape.entities {
                    if values.contains(value) {
                        named
                            .entry(dim.clone())
                            .or_default()
                            .insert(value.to_string());
                        selection.named.push(value.to_string());
                        used[start..start + length]
                            .iter_mut()
                            .for_each(|u| *u = true);
                    }
                }
            }
        }
    }
    for (dim, kind, values) in &shape.entities {
        if selection
            .group
            .as_ref()
            .is_some_and(|(group_dim, _, _)| group_dim == dim)
        {
            continue;
        }
        if let Some(chosen) = named.remove(dim) {
            selection.fixed.insert(dim.clone(), chosen);
        } else if values.len() == 1 {
            selection.fixed.insert(dim.clone(), values.clone());
        } else if let Some(total) = values.iter().find(|value| is_total(value)) {
            selection
                .fixed
                .insert(dim.clone(), BTreeSet::from([total.clone()]));
            if is_place(*kind) {
                selection.defaulted.push(dim.clone());
            }
        } else {
            return Err(format!("the claim does not say which {dim}"));
        }
    }
    Ok(selection)
}

/// Kinds that name a place (a default total such as "WORLD" for them is only a guess).
pub fn is_place(kind: DimensionKind) -> bool {
    matches!(
        kind,
        DimensionKind::Country
            | DimensionKind::Province
            | DimensionKind::City
            | DimensionKind::Region
            | DimensionKind::Area
    )
}

/// A value that stands for everything in its dimension: "WORLD", "both", "total", "All regions".
pub fn is_total(value: &str) -> bool {
    let name = normalize_name(value);
    matches!(
        name.as_str(),
        "world" | "worldwide" | "both" | "total" | "both sexes"
    ) || name.starts_with("all ")
}

/// A measure's value at one period for the selection: one row, or the sum over a group's
/// members or over the months of a calendar year. Returns the value, its rounding half-width
/// and the rows used.
pub fn value_at<'a>(
    dataset: &'a Dataset,
    shape: &Shape,
    selection: &Selection,
    measure: &str,
    year: Option<i64>,
    fiscal: bool,
) -> Result<(f64, f64, Vec<&'a Row>), String> {
    let by_month = shape.month.is_some() && !fiscal && year.is_some();
    let rows: Vec<&Row> = dataset
        .rows
        .iter()
        .filter(|row| selection.admits(row))
        .filter(|row| match (&selection.group, year) {
            (Some((dim, _, members)), _) => row.dims.get(dim).is_some_and(|v| members.contains(v)),
            _ => true,
        })
        .filter(|row| match (year, by_month) {
            (None, _) => true,
            (Some(year), true) => shape
                .month
                .as_ref()
                .and_then(|month| row.dims.get(month))
                .is_some_and(|value| value.starts_with(&format!("{year}-"))),
            (Some(year), false) => {
                shape
                    .period
                    .as_ref()
                    .and_then(|(name, _)| row.dims.get(name))
                    .and_then(|value| year_of(value))
                    == Some(year)
            }
        })
        .filter(|row| row.measures.contains_key(measure))
        .collect();
    let period_text = year.map_or(String::new(), |year| format!(" in {year}"));
    if rows.is_empty() {
        return Err(format!("no row has {measure}{period_text}"));
    }
    let summed = selection.group.is_some() || by_month || (shape.month.is_some() && fiscal);
    if let Some((dim, name, members)) = &selection.group {
        for member in members {
            let n = rows
                .iter()
                .filter(|row| row.dims.get(dim) == Some(member))
                .count();
            if n != 1 && !(by_month || fiscal) {
                return Err(format!("{name}: {member} has {n} rows{period_text}"));
            }
        }
    } else if by_month && rows.len() != 12 {
        return Err(format!("{} of 12 months{period_text}", rows.len()));
    } else if !summed && rows.len() != 1 {
        return Err(format!(
            "{} rows fit{period_text}; the claim is ambiguous",
            rows.len()
        ));
    }
    let step = dataset.rounding(measure).unwrap_or(0.0);
    let total: f64 = rows
        .iter()
        .filter_map(|row| row.measures.get(measure))
        .sum();
    Ok((total, step / 2.0 * rows.len() as f64, rows))
}

/// The rows a value came from, as evidence objects.
pub fn row_object(dataset: &Dataset, row: &Row) -> BTreeMap<String, serde_json::Value> {
    let mut object = BTreeMap::new();
    for (dim, value) in &row.dims {
        object.insert(dim.clone(), serde_json::Value::String(value.clone()));
    }
    for (measure, value) in &row.measures {
        object.insert(measure.clone(), serde_json::json!(value));
    }
    object.insert("line".into(), serde_json::json!(row.line));
    let _ = dataset;
    object
}
