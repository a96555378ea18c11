//! Streams one dataset CSV, checking each cell against its manifest column.
//!
//! A bad row is reported (`file:line: column X: "abc" is not a number`) and skipped; only a
//! problem with the file as a whole (unreadable, header without a manifest column) skips the
//! dataset.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;

use super::manifest::{Column, DatasetManifest, DimensionKind, Role};
use super::Row;
use crate::diagnostic::Diagnostic;

/// Reads every row of `csv_path`, or `Err` with the diagnostic that skips the whole dataset.
pub(crate) fn read_rows(
    csv_path: &Path,
    manifest: &DatasetManifest,
    manifest_path: &Path,
) -> Result<(Vec<Row>, Vec<Diagnostic>), Diagnostic> {
    let dataset = DatasetFile {
        csv_path,
        manifest,
        manifest_path,
    };
    let file = File::open(csv_path)
        .map_err(|error| dataset.fatal(None, format!("cannot open: {error}")))?;
    // Flexible, so that a short row is our diagnostic with its line, not a reader error.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(file);
    let names = dataset.header_names(&mut reader)?;
    let positions = dataset.column_positions(&names)?;
    let mut diagnostics = dataset.undescribed_columns(&names);
    let rows = dataset.rows(&mut reader, &positions, names.len(), &mut diagnostics);
    Ok((rows, diagnostics))
}

/// One dataset's CSV file with its manifest, being read.
struct DatasetFile<'a> {
    csv_path: &'a Path,
    manifest: &'a DatasetManifest,
    manifest_path: &'a Path,
}

impl DatasetFile<'_> {
    /// The error that skips the whole dataset.
    fn fatal(&self, line: Option<usize>, message: String) -> Diagnostic {
        Diagnostic::error(
            Some(self.csv_path.to_path_buf()),
            line,
            format!("{message}; dataset '{}' skipped", self.manifest.id),
        )
    }

    /// The column names of the header row.
    fn header_names(&self, reader: &mut csv::Reader<File>) -> Result<Vec<String>, Diagnostic> {
        let header = reader
            .byte_headers()
            .map_err(|error| self.fatal(Some(1), format!("cannot read the header: {error}")))?
            .clone();
        let mut names = Vec::with_capacity(header.len());
        for (idx, field) in header.iter().enumerate() {
            let name = std::str::from_utf8(field).map_err(|_| {
                self.fatal(
                    Some(1),
                    format!(
                        "header field {} is not valid UTF-8; re-save the file as UTF-8",
                        idx + 1
                    ),
                )
            })?;
            // A UTF-8 byte order mark before the first name would hide that column.
            names.push(name.trim_start_matches('\u{feff}').to_string());
        }
        Ok(names)
    }

    /// Where each manifest column is in the header; a column the header lacks skips the dataset.
    fn column_positions<'m>(
        &'m self,
        names: &[String],
    ) -> Result<Vec<(usize, &'m Column)>, Diagnostic> {
        let mut positions = Vec::with_capacity(self.manifest.columns.len());
        let mut missing = Vec::new();
        for column in &self.manifest.columns {
            match names.iter().position(|name| *name == column.name) {
                Some(idx) => positions.push((idx, column)),
                None => missing.push(column.name.as_str()),
            }
        }
        if !missing.is_empty() {
            return Err(self.fatal(
                Some(1),
                format!(
                    "no column {} (have: {}); fix the CSV header or the [[columns]] names in {}",
                    quoted_list(&missing),
                    names.join(", "),
                    self.manifest_path.display()
                ),
            ));
        }
        Ok(positions)
    }

    /// A warning for each header column the manifest does not describe (it is ignored).
    fn undescribed_columns(&self, names: &[String]) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for name in names {
            if self.manifest.column(name).is_none() {
                diagnostics.push(Diagnostic::warning(
                    Some(self.csv_path.to_path_buf()),
                    Some(1),
                    format!(
                        "column '{name}' is not described in {} and is ignored; add a [[columns]] entry to use it",
                        self.manifest_path.display()
                    ),
                ));
            }
        }
        diagnostics
    }

    /// The rows after the header; a bad row is reported and skipped, an unreadable record ends
    /// the reading.
    fn rows(
        &self,
        reader: &mut csv::Reader<File>,
        positions: &[(usize, &Column)],
        n_fields: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(error) => {
                    let line = error.position().map(|position| position.line() as usize);
                    diagnostics.push(Diagnostic::error(
                        Some(self.csv_path.to_path_buf()),
                        line,
                        format!("cannot read further: {error}; the rows after this are not loaded"),
                    ));
                    break;
                }
            }
            let line = record
                .position()
                .map(|position| position.line() as usize)
                .unwrap_or(0);
            match parse_record(&record, positions, n_fields) {
                Ok(row) => rows.push(Row { line, ..row }),
                Err(message) => diagnostics.push(Diagnostic::error(
                    Some(self.csv_path.to_path_buf()),
                    Some(line),
                    format!("{message}; row skipped"),
                )),
            }
        }
        rows
    }
}

/// Turns one record into a row, or says what is wrong with its first bad cell.
fn parse_record(
    record: &csv::ByteRecord,
    positions: &[(usize, &Column)],
    n_fields: usize,
) -> Result<Row, String> {
    if record.len() != n_fields {
        return Err(format!(
            "has {} fields but the header has {n_fields}",
            record.len()
        ));
    }
    let mut row = Row {
        line: 0,
        dims: BTreeMap::new(),
        measures: BTreeMap::new(),
        notes: BTreeMap::new(),
    };
    for (idx, column) in positions {
        let bytes = record.get(*idx).unwrap_or_default();
        let cell = std::str::from_utf8(bytes).map_err(|error| {
            format!(
                "column {}: not valid UTF-8 (bad byte at offset {} of the cell); re-save the file as UTF-8",
                column.name,
                error.valid_up_to()
            )
        })?;
        match column.role {
            Role::Dimension => {
                let value = cell.trim();
                check_dimension(column, value)?;
                row.dims.insert(column.name.clone(), value.to_string());
            }
            Role::Measure => {
                if let Some(value) = parse_measure(cell)
                    .map_err(|message| format!("column {}: {message}", column.name))?
                {
                    row.measures
                        .insert(column.name.clone(), value * column.scale);
                }
            }
            Role::Note => {
                if !cell.is_empty() {
                    row.notes.insert(column.name.clone(), cell.to_string());
                }
            }
        }
    }
    Ok(row)
}

/// A measure cell: empty means "not published" (`None`), anything else must be a finite number.
fn parse_measure(cell: &str) -> Result<Option<f64>, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // Rust accepts "NaN" and "inf"; a table cell that says so is not a figure.
    let looks_numeric = text
        .chars()
        .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | '-' | '+' | 'e' | 'E'));
    match text.parse::<f64>() {
        Ok(value) if looks_numeric && value.is_finite() => Ok(Some(value)),
        _ => Err(format!("\"{text}\" is not a number")),
    }
}

/// Periods must parse; names must not be empty.
fn check_dimension(column: &Column, value: &str) -> Result<(), String> {
    let name = &column.name;
    if value.is_empty() {
        return Err(format!("column {name}: empty, but it is a dimension"));
    }
    let is_year = |text: &str| text.len() == 4 && text.bytes().all(|byte| byte.is_ascii_digit());
    match column.kind {
        Some(DimensionKind::Year | DimensionKind::FiscalYear) if !is_year(value) => Err(format!(
            "column {name}: \"{value}\" is not a four-digit year"
        )),
        Some(DimensionKind::Month) => {
            let valid = value
                .split_once('-')
                .filter(|(year, _)| is_year(year))
                .and_then(|(_, month)| (month.len() == 2).then(|| month.parse::<u8>().ok())?)
                .is_some_and(|month| (1..=12).contains(&month));
            if valid {
                Ok(())
            } else {
                Err(format!(
                    "column {name}: \"{value}\" is not a month (YYYY-MM)"
                ))
            }
        }
        _ => Ok(()),
    }
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("'{name}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_are_strict_numbers() {
        assert_eq!(parse_measure(" 257715425 "), Ok(Some(257715425.0)));
        assert_eq!(parse_measure("-1.5e3"), Ok(Some(-1500.0)));
        assert_eq!(parse_measure(""), Ok(None));
        assert_eq!(parse_measure("abc"), Err("\"abc\" is not a number".into()));
        assert_eq!(
            parse_measure("1,234"),
            Err("\"1,234\" is not a number".into())
        );
        assert_eq!(parse_measure("NaN"), Err("\"NaN\" is not a number".into()));
        assert_eq!(parse_measure("inf"), Err("\"inf\" is not a number".into()));
    }

    #[test]
    fn periods_are_checked() {
        let column = |kind| Column {
            name: "period".into(),
            role: Role::Dimension,
            kind: Some(kind),
            unit: None,
            counts: None,
            currency: None,
            per: None,
            scale: 1.0,
            rounded_to: None,
            description: String::new(),
        };
        assert!(check_dimension(&column(DimensionKind::Year), "2017").is_ok());
        assert_eq!(
            check_dimension(&column(DimensionKind::Year), "FY17"),
            Err("column period: \"FY17\" is not a four-digit year".into())
        );
        assert!(check_dimension(&column(DimensionKind::Month), "2023-10").is_ok());
        assert!(check_dimension(&column(DimensionKind::Month), "2023-13").is_err());
        assert!(check_dimension(&column(DimensionKind::Month), "2023-1").is_err());
        assert!(check_dimension(&column(DimensionKind::Country), "").is_err());
    }
}
