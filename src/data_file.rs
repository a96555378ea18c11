//! Data files, one loader for all of them.
//!
//! Built-in rule files ([`builtin`]): every TOML file under `data/` and the bundled corpus's
//! `sources.toml` and `topics.toml`, compiled into the binary and listed in one place, each read
//! with [`Builtin::parse`] (errors `path:line: message`). To add a rule file: a line in
//! [`builtin`] and a `parse` where it is used; the test here reads every one.
//!
//! User-extendable data files of `[[entry]]` tables (the source registry, the topic taxonomy):
//! parsed entry by entry with `file:line` errors, and merged over the built-in entries.
//! One bad entry is a diagnostic and is left out; the other entries of the file are kept. A file
//! that is not TOML at all is one diagnostic and contributes nothing, so the built-ins still apply.

use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A rule file built into the binary: its path in the repository (for messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub path: &'static str,
    pub text: &'static str,
}

impl Builtin {
    /// The file read as `T`; an error names the file and line (`data/binding.toml:3: ...`).
    /// Built-in files are part of the build and read by a unit test, so an error here is a
    /// broken build, never a user's input.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, String> {
        toml::from_str(self.text).map_err(|error| {
            match error
                .span()
                .map(|span| LineIndex::new(self.text).line(span.start))
            {
                Some(line) => format!("{}:{line}: {}", self.path, error.message()),
                None => format!("{}: {}", self.path, error.message()),
            }
        })
    }
}

macro_rules! builtin_files {
    ($($(#[$doc:meta])* $name:ident = $path:literal;)*) => {
        $($(#[$doc])* pub const $name: Builtin = Builtin {
            path: $path,
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)),
        };)*
        /// Every built-in rule file.
        pub const ALL: &[Builtin] = &[$($name),*];
    };
}

/// The built-in rule files, each once.
pub mod builtin {
    use super::Builtin;

    builtin_files! {
        /// Sentence cleaning and abbreviations (`text`).
        CLEANING = "data/cleaning.toml";
        /// Number words and scales (`figures`).
        NUMBERS = "data/figures/numbers.toml";
        /// Qualifiers: "about", "more than" (`figures`).
        QUALIFIERS = "data/figures/qualifiers.toml";
        /// Units written after a number (`figures`).
        UNITS = "data/figures/units.toml";
        /// Currency symbols and codes (`figures`).
        CURRENCIES = "data/figures/currencies.toml";
        /// Period cues, counted nouns, change verbs and places (`figures`, `sources`).
        CONTEXT = "data/figures/context.toml";
        /// Attribution cues: "according to", "said" (`sources`).
        ATTRIBUTION = "data/attribution.toml";
        /// Check-worthiness features and weights (`claims`).
        CHECKWORTHINESS = "data/checkworthiness.toml";
        /// Period binding: fiscal year start, clause breaks, partial cues, agencies (`bind`).
        BINDING = "data/binding.toml";
        /// The peoples a figure may count, by nationality (`bind`).
        POPULATIONS = "data/populations.toml";
        /// Change, sum and difference cues, definition conflicts (`check`).
        CHECK = "data/check.toml";
        /// The source registry of the bundled corpus, the built-in one (`sources`).
        SOURCES = "corpus/sources.toml";
        /// The topic taxonomy of the bundled corpus, the built-in one (`topics`).
        TOPICS = "corpus/topics.toml";
    }
}

/// What one kind of data file holds, for parsing and for messages.
#[derive(Debug, Clone, Copy)]
pub struct DataFormat {
    /// The table name of an entry: `source` for `[[source]]`.
    pub table: &'static str,
    /// What the file is, in messages: "source registry".
    pub what: &'static str,
    /// The field that identifies an entry ("name", "id"): unique, never empty.
    pub key: &'static str,
    /// How an entry is written, in messages: "name, kind, aliases".
    pub fields: &'static str,
}

/// The valid entries of one file, in file order, and a diagnostic for each one left out.
///
/// `key` reads an entry's identifying field; `check` returns what else is wrong with an entry
/// (a message that says how to fix it), if anything.
pub fn parse_entries<T: DeserializeOwned>(
    text: &str,
    path: Option<&Path>,
    format: &DataFormat,
    key: impl Fn(&T) -> &str,
    check: impl Fn(&T) -> Option<String>,
) -> (Vec<T>, Vec<Diagnostic>) {
    let owned_path: Option<PathBuf> = path.map(Path::to_path_buf);
    let line_index = LineIndex::new(text);
    let error =
        |line: Option<usize>, message: String| Diagnostic::error(owned_path.clone(), line, message);
    let tables: BTreeMap<String, Vec<toml::Spanned<toml::Value>>> = match toml::from_str(text) {
        Ok(tables) => tables,
        Err(err) => {
            let line = err.span().map(|span| line_index.line(span.start));
            let message = format!(
                "invalid {}: {}; each entry is [[{}]] with {}",
                format.what,
                one_line(err.message()),
                format.table,
                format.fields
            );
            return (Vec::new(), vec![error(line, message)]);
        }
    };
    let mut entries: Vec<T> = Vec::new();
    let mut diagnostics = Vec::new();
    for (name, list) in tables {
        if name != format.table {
            let line = list
                .first()
                .map(|entry| line_index.line(entry.span().start));
            diagnostics.push(error(
                line,
                format!(
                    "unknown table [[{name}]] in the {}; entries are [[{}]]",
                    format.what, format.table
                ),
            ));
            continue;
        }
        for spanned in list {
            let line = Some(line_index.line(spanned.span().start));
            let entry: T = match spanned.into_inner().try_into() {
                Ok(entry) => entry,
                Err(err) => {
                    diagnostics.push(error(
                        line,
                        format!(
                            "invalid [[{}]] entry: {}; each entry has {}",
                            format.table,
                            one_line(err.message()),
                            format.fields
                        ),
                    ));
                    continue;
                }
            };
            let id = key(&entry);
            let problem = if id.trim().is_empty() {
                Some(format!(
                    "[[{}]] with an empty {}; give it one or remove it",
                    format.table, format.key
                ))
            } else if entries.iter().any(|known| key(known) == id) {
                Some(format!(
                    "duplicate {} {} '{id}'; rename or merge one of them",
                    format.table, format.key
                ))
            } else {
                check(&entry)
            };
            match problem {
                Some(message) => diagnostics.push(error(line, message)),
                None => entries.push(entry),
            }
        }
    }
    (entries, diagnostics)
}

/// `builtin` with each existing file of `paths` merged over it, in order: an entry with the key
/// of a known entry replaces it, any other is added. A missing file is skipped silently; an
/// unreadable one is an error and the entries known so far stay in use.
pub fn merge_files<T>(
    builtin: Vec<T>,
    paths: &[PathBuf],
    format: &DataFormat,
    key: impl Fn(&T) -> &str,
    parse: impl Fn(&str, &Path) -> (Vec<T>, Vec<Diagnostic>),
) -> (Vec<T>, Vec<Diagnostic>) {
    let mut entries = builtin;
    let mut diagnostics = Vec::new();
    for path in paths.iter().filter(|path| path.exists()) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    Some(path.clone()),
                    None,
                    format!(
                        "cannot read the {} ({err}); using the built-in entries",
                        format.what
                    ),
                ));
                continue;
            }
        };
        let (user, user_diagnostics) = parse(&text, path);
        diagnostics.extend(user_diagnostics);
        for entry in user {
            match entries.iter_mut().find(|known| key(known) == key(&entry)) {
                Some(known) => *known = entry,
                None => entries.push(entry),
            }
        }
    }
    (entries, diagnostics)
}

/// A parser message on one line ("invalid table header\nexpected `.`" gives
/// "invalid table header: expected `.`").
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        name: String,
        #[serde(default)]
        size: u32,
    }

    const FORMAT: DataFormat = DataFormat {
        table: "item",
        what: "item list",
        key: "name",
        fields: "name, size",
    };

    fn parse(text: &str) -> (Vec<Item>, Vec<Diagnostic>) {
        parse_entries(
            text,
            Some(Path::new("items.toml")),
            &FORMAT,
            |item: &Item| item.name.as_str(),
            |item| (item.size > 10).then(|| format!("'{}' is too big", item.name)),
        )
    }

    #[test]
    fn one_bad_entry_is_left_out_with_its_line() {
        let text = "[[item]]\nname = \"a\"\n\n[[item]]\nname = \"b\"\nsize = \"large\"\n\n\
                    [[item]]\nname = \"a\"\n\n[[item]]\nname = \"c\"\nsize = 11\n\n[[item]]\nname = \"d\"\n";
        let (items, diagnostics) = parse(text);
        let names: Vec<&str> = items.iter().map(|item| item.name.as_str()).collect();
        assert_eq!(names, vec!["a", "d"]);
        let lines: Vec<Option<usize>> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![Some(4), Some(8), Some(11)]);
        let first = diagnostics[0].to_string();
        assert!(first.starts_with("error: items.toml:4:"), "{first}");
        assert!(diagnostics[1]
            .to_string()
            .contains("duplicate item name 'a'"));
        assert!(diagnostics[2].to_string().contains("too big"));
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_error_and_no_entries() {
        let (items, diagnostics) = parse("[[item]]\nname = \"a\"\nname = = 3\n");
        assert!(items.is_empty());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, Some(3));
        let (_, diagnostics) = parse("[[itme]]\nname = \"a\"\n");
        assert!(diagnostics[0]
            .to_string()
            .contains("unknown table [[itme]]"));
    }

    #[test]
    fn later_files_replace_entries_with_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("items.toml");
        std::fs::write(
            &path,
            "[[item]]\nname = \"a\"\nsize = 2\n[[item]]\nname = \"z\"\n",
        )
        .unwrap();
        let builtin = vec![
            Item {
                name: "a".into(),
                size: 1,
            },
            Item {
                name: "b".into(),
                size: 1,
            },
        ];
        let missing = dir.path().join("absent.toml");
        let (items, diagnostics) = merge_files(
            builtin,
            &[missing, path],
            &FORMAT,
            |item: &Item| item.name.as_str(),
            |text, path| {
                parse_entries(
                    text,
                    Some(path),
                    &FORMAT,
                    |item: &Item| item.name.as_str(),
                    |_| None,
                )
            },
        );
        assert!(diagnostics.is_empty());
        let sizes: Vec<(&str, u32)> = items.iter().map(|i| (i.name.as_str(), i.size)).collect();
        assert_eq!(sizes, vec![("a", 2), ("b", 1), ("z", 0)]);
    }
}

#[cfg(test)]
mod builtin_tests {
    use super::builtin;

    #[test]
    fn every_builtin_file_is_toml_and_an_error_names_file_and_line() {
        for file in builtin::ALL {
            file.parse::<toml::Value>()
                .unwrap_or_else(|error| panic!("{error}"));
        }
        let broken = super::Builtin {
            path: "data/broken.toml",
            text: "a = 1\nb = [\n",
        };
        let error = broken.parse::<toml::Value>().unwrap_err();
        assert!(error.starts_with("data/broken.toml:"), "{error}");
    }
}
