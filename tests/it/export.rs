//! `claimdex export`: every NDJSON line has exactly the fields, and the types, that the Quickwit
//! config declares.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// `(name, type)` of each entry under `field_mappings:` in the config YAML, read line by line.
fn declared_fields(yaml: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    let mut name: Option<String> = None;
    for line in yaml.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("- name: ") {
            name = Some(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("type: ") {
            let name = name.take().expect("a type before its name");
            fields.insert(name, rest.trim().to_string());
        }
    }
    fields
}

fn has_type(value: &Value, declared: &str) -> bool {
    match (declared, value) {
        (_, Value::Null) => true,
        ("text", Value::String(_)) => true,
        ("u64", Value::Number(number)) => number.is_u64(),
        ("array<f64>", Value::Array(items)) => items.iter().all(Value::is_number),
        ("array<json>", Value::Array(items)) => items.iter().all(Value::is_object),
        _ => false,
    }
}

#[test]
fn every_exported_line_has_exactly_the_declared_fields_and_types() {
    let index = tempfile::tempdir().unwrap();
    let config = claimdex_bundled(index.path())
        .args(["export", "--format", "quickwit-config"])
        .output()
        .unwrap();
    assert!(config.status.success(), "{}", stderr(&config));
    let yaml = stdout(&config);
    assert!(yaml.contains("mode: strict"), "{yaml}");
    let declared = declared_fields(&yaml);
    assert_eq!(declared.len(), 17 + 13, "{declared:?}");
    assert_eq!(declared["text"], "text");
    assert_eq!(declared["figures"], "array<json>");
    assert_eq!(declared["fig_percent"], "array<f64>");

    let export = claimdex_bundled(index.path())
        .args(["export", "--format", "ndjson"])
        .output()
        .unwrap();
    assert!(export.status.success(), "{}", stderr(&export));
    let out = stdout(&export);
    let mut n_lines = 0;
    let mut n_figures = 0;
    let mut n_null_fields = 0;
    for line in out.lines() {
        let object: BTreeMap<String, Value> = serde_json::from_str(line).unwrap();
        let keys: Vec<&String> = object.keys().collect();
        let expected: Vec<&String> = declared.keys().collect();
        assert_eq!(keys, expected, "{line}");
        for (name, value) in &object {
            assert!(
                has_type(value, &declared[name]),
                "{name}: {value} is not {}",
                declared[name]
            );
            n_null_fields += usize::from(value.is_null());
        }
        n_figures += object["figures"].as_array().unwrap().len();
        n_lines += 1;
    }
    // The bundled corpus: passages and figures as `claimdex docs` and `claimdex figures` count them.
    let docs = claimdex_bundled(index.path())
        .args(["docs", "--json"])
        .output()
        .unwrap();
    let passages: u64 = stdout(&docs)
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["passages"]
                .as_u64()
                .unwrap()
        })
        .sum();
    assert_eq!(n_lines as u64, passages);
    // Every figure `claimdex figures` lists is nested in the export, no more, no fewer.
    let figures = claimdex_bundled(index.path())
        .args(["figures", "--json", "--limit", "1000000"])
        .output()
        .unwrap();
    assert_eq!(n_figures, stdout(&figures).lines().count());
    // Optional fields are null when a document does not say (no author, no page in text files).
    assert!(n_null_fields > 0);

    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "9dashline-2023-running-from-china#1");
    assert_eq!(first["doc"], "9dashline-2023-running-from-china");
}

#[test]
fn export_writes_to_a_file() {
    let index = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("passages.ndjson");
    let output = claimdex_bundled(index.path())
        .args(["export", "--format", "ndjson", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(stderr(&output).contains(&format!("{} passages written", written.lines().count())));
}
