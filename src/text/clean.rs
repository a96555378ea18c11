//! Cleaning: decide, line by line, what is body text, a heading, or a page leftover to drop.
//!
//! Input: a `RawDocument`. Output: `Cleaned` — blocks (headings and paragraphs) as spans of the
//! raw text, the dropped lines with a reason, and the title, byline and date found in the text.
//! The rules for leftovers live in `data/cleaning.toml`.

use super::lexicon::cleaning_rules;
use crate::model::{Dropped, RawDocument};
use crate::span::Span;
use crate::util::static_regex;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
}

/// A heading or a paragraph: a span of the raw text (a hard-wrapped paragraph spans several lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// A line in one-paragraph-per-line text is at least this long; hard-wrapped text is shorter.
const LONG_LINE: usize = 200;
/// How many lines from the top the cleaner looks at for a title, byline and dateline.
const HEADER_LINES: usize = 16;

#[derive(Debug, Clone)]
struct Line {
    span: Span,
    number: usize,
    blank: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Body,
    Heading,
    Dropped,
    Skipped,
}

pub fn clean(raw: &RawDocument) -> Cleaned {
    let mut cleaner = Cleaner::new(raw);
    cleaner.drop_leftovers();
    cleaner.read_header();
    cleaner.mark_headings(&raw.headings);
    cleaner.finish(!raw.headings.is_empty())
}

/// A document being cleaned: its lines, what each line is so far, and what was found.
struct Cleaner<'a> {
    text: &'a str,
    lines: Vec<Line>,
    marks: Vec<Mark>,
    cleaned: Cleaned,
}

impl<'a> Cleaner<'a> {
    /// Every line body text, except the ones the reader marked skipped.
    fn new(raw: &'a RawDocument) -> Cleaner<'a> {
        let text = raw.text.as_str();
        let lines = split_lines(text);
        let marks: Vec<Mark> = lines
            .iter()
            .map(|line| {
                if raw.skip.iter().any(|skip| skip.contains(line.span)) {
                    Mark::Skipped
                } else {
                    Mark::Body
                }
            })
            .collect();
        Cleaner {
            text,
            lines,
            marks,
            cleaned: Cleaned::default(),
        }
    }

    /// The text of line `idx`.
    fn surface(&self, idx: usize) -> &'a str {
        let span = self.lines[idx].span;
        &self.text[span.start..span.end]
    }

    /// Drops line `idx` for `reason`.
    fn drop(&mut self, idx: usize, reason: &str) {
        self.marks[idx] = Mark::Dropped;
        self.cleaned.dropped.push(Dropped {
            span: self.lines[idx].span,
            line: self.lines[idx].number,
            reason: reason.to_string(),
        });
    }

    /// Drops leftover lines anywhere in the text, and a line repeating the one before it.
    fn drop_leftovers(&mut self) {
        let mut previous: Option<String> = None;
        for idx in 0..self.lines.len() {
            if self.lines[idx].blank || self.marks[idx] == Mark::Skipped {
                continue;
            }
            let surface = self.surface(idx);
            if let Some((_, reason)) = cleaning_rules()
                .drop
                .iter()
                .find(|(regex, _)| regex.is_match(surface))
            {
                self.drop(idx, reason);
                continue;
            }
            let normalized = normalize(surface);
            if previous.as_deref() == Some(normalized.as_str()) {
                self.drop(idx, "repeated line");
                continue;
            }
            previous = Some(normalized);
        }
    }

    /// Reads the header: title, repeated title fragments, byline and dateline before the first
    /// body line.
    fn read_header(&mut self) {
        let mut title_norm: Option<String> = None;
        for idx in 0..self.lines.len().min(HEADER_LINES) {
            if self.lines[idx].blank || self.marks[idx] != Mark::Body {
                continue;
            }
            let surface = self.surface(idx);
            if is_body_line(surface) {
                break;
            }
            let normalized = normalize(surface);
            if let Some(title) = &title_norm {
                if normalized.len() >= 3 && title.contains(&normalized) {
                    self.drop(idx, "repeated title");
                    continue;
                }
            }
            if let Some(captures) = byline_regex().captures(surface) {
                if self.cleaned.byline.is_none() {
                    self.cleaned.byline = captures.get(1).map(|m| title_case(m.as_str().trim()));
                    self.drop(idx, "byline");
                    continue;
                }
            }
            if date_regex().is_match(surface) && self.cleaned.date.is_none() {
                self.cleaned.date = Some(surface.trim().to_string());
                self.drop(idx, "dateline");
                continue;
            }
            if title_norm.is_none() && self.standalone(idx) && looks_like_heading(surface) {
                let heading = strip_heading_marks(surface);
                self.cleaned.title = Some(heading.to_string());
                title_norm = Some(normalize(heading));
                self.marks[idx] = Mark::Heading;
                continue;
            }
            if title_norm.is_none() {
                // Running text that is not a standalone title line: the header is over.
                break;
            }
            if self.cleaned.byline.is_none()
                && self.standalone(idx)
                && name_regex().is_match(surface)
            {
                self.cleaned.byline = Some(surface.trim().to_string());
                self.drop(idx, "byline");
            }
        }
    }

    /// Whether line `idx` stands alone: no body line right before it, and none right after it
    /// unless that one reads as body text.
    fn standalone(&self, idx: usize) -> bool {
        let (lines, marks) = (&self.lines, &self.marks);
        let before = idx == 0 || lines[idx - 1].blank || marks[idx - 1] != Mark::Body;
        let after = lines.get(idx + 1).is_none_or(|next| {
            next.blank
                || marks[idx + 1] != Mark::Body
                || is_body_line(&self.text[next.span.start..next.span.end])
        });
        before && after
    }

    /// Marks as headings the body lines inside the reader's headings.
    fn mark_headings(&mut self, headings: &[Span]) {
        for heading in headings {
            for (idx, line) in self.lines.iter().enumerate() {
                if self.marks[idx] == Mark::Body && heading.contains(line.span) {
                    self.marks[idx] = Mark::Heading;
                }
            }
        }
    }

    /// The blocks of the kept lines, and the title from the first heading when the header had
    /// none.
    fn finish(self, structural_headings: bool) -> Cleaned {
        let Cleaner {
            text,
            lines,
            marks,
            mut cleaned,
        } = self;
        cleaned.blocks = blocks(text, &lines, &marks, structural_headings);
        // A text with nothing but heading-like lines (a one-line note, a claim with no full stop)
        // is its own body: as headings, none of it could ever be found by search.
        if cleaned
            .blocks
            .iter()
            .all(|block| block.kind == BlockKind::Heading)
        {
            for block in &mut cleaned.blocks {
                block.kind = BlockKind::Paragraph;
            }
        }
        if cleaned.title.is_none() {
            cleaned.title = cleaned
                .blocks
                .iter()
                .find(|block| block.kind == BlockKind::Heading)
                .and_then(|block| block.span.slice(text))
                .map(|heading| strip_heading_marks(heading).to_string());
        }
        cleaned.dropped.sort_by_key(|dropped| dropped.span);
        cleaned
    }
}

/// Groups kept lines into blocks: blank and dropped lines separate blocks; inside a block, text
/// written one paragraph per line is split per line, hard-wrapped text is one paragraph.
fn blocks(text: &str, lines: &[Line], marks: &[Mark], structural_headings: bool) -> Vec<Block> {
    let grouping = Grouping {
        text,
        lines,
        marks,
        structural_headings,
    };
    let mut blocks = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    for (idx, line) in lines.iter().enumerate() {
        match marks[idx] {
            Mark::Body | Mark::Heading if !line.blank => {
                if marks[idx] == Mark::Heading {
                    grouping.flush(&mut group, &mut blocks);
                    blocks.push(Block {
                        kind: BlockKind::Heading,
                        span: line.span,
                        line: line.number,
                    });
                } else {
                    group.push(idx);
                }
            }
            _ => grouping.flush(&mut group, &mut blocks),
        }
    }
    grouping.flush(&mut group, &mut blocks);
    blocks
}

/// What `blocks` needs to turn a group of consecutive kept lines into blocks.
struct Grouping<'a> {
    text: &'a str,
    lines: &'a [Line],
    marks: &'a [Mark],
    /// Whether the reader found the headings (then no line is guessed to be one).
    structural_headings: bool,
}

impl Grouping<'_> {
    /// Whether a group is written one paragraph per line: a single line, a long line, or lines
    /// that all end a sentence.
    fn per_line(&self, group: &[usize]) -> bool {
        let lines = self.lines;
        group.len() == 1
            || group.iter().any(|&idx| lines[idx].span.len() > LONG_LINE)
            || group
                .iter()
                .all(|&idx| ends_sentence(&self.text[lines[idx].span.start..lines[idx].span.end]))
    }

    /// Turns the group into blocks (headings, then each line or the joined paragraph) and
    /// empties it.
    fn flush(&self, group: &mut Vec<usize>, blocks: &mut Vec<Block>) {
        if group.is_empty() {
            return;
        }
        let lines = self.lines;
        let per_line = self.per_line(group);
        let mut paragraph: Option<(Span, usize)> = None;
        for (pos, &idx) in group.iter().enumerate() {
            let line = &lines[idx];
            let surface = &self.text[line.span.start..line.span.end];
            let next_is_long = group
                .get(pos + 1)
                .is_some_and(|&next| lines[next].span.len() > LONG_LINE);
            let heading = self.marks[idx] == Mark::Heading
                || (!self.structural_headings
                    && looks_like_heading(surface)
                    && (group.len() == 1 || (per_line && next_is_long)));
            if heading || per_line {
                if let Some((span, line_no)) = paragraph.take() {
                    blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        span,
                        line: line_no,
                    });
                }
                let kind = if heading {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                blocks.push(Block {
                    kind,
                    span: line.span,
                    line: line.number,
                });
            } else {
                paragraph = Some(match paragraph {
                    Some((span, line_no)) => (Span::new(span.start, line.span.end), line_no),
                    None => (line.span, line.number),
                });
            }
        }
        if let Some((span, line_no)) = paragraph {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
                line: line_no,
            });
        }
        group.clear();
    }
}

/// Lines with their trimmed spans; linear in the text length.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut number = 1;
    while start <= text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..end];
        let leading = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        let span = Span::new(start + leading, start + leading + trimmed.len());
        lines.push(Line {
            span,
            number,
            blank: trimmed.is_empty(),
        });
        if end == text.len() {
            break;
        }
        start = end + 1;
        number += 1;
    }
    lines
}

/// A line long enough, or sentence-like enough, to be running text rather than a header line.
fn is_body_line(line: &str) -> bool {
    line.len() > 150 || (line.split_whitespace().count() >= 15 && ends_sentence(line))
}

fn looks_like_heading(line: &str) -> bool {
    let trimmed = strip_heading_marks(line);
    let words = trimmed.split_whitespace().count();
    let first = trimmed.chars().next();
    (1..=14).contains(&words)
        && trimmed.chars().count() <= 120
        && trimmed.chars().any(char::is_alphabetic)
        && !first.is_some_and(|c| c.is_lowercase() || c == '(' || c == '*' || c == '-' || c == '•')
        && !ends_with_any(trimmed, &['.', ',', ';', ':'])
        && !source_line_regex().is_match(trimmed)
}

fn ends_sentence(line: &str) -> bool {
    ends_with_any(line, &['.', '!', '?', '…'])
}

/// Whether the line ends with one of `chars`, looking through closing quotes and brackets.
fn ends_with_any(line: &str, chars: &[char]) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .chars()
        .last()
        .is_some_and(|c| chars.contains(&c))
}

fn strip_heading_marks(line: &str) -> &str {
    line.trim().trim_start_matches('#').trim()
}

/// Lowercased alphanumerics only, for comparing a line with the title or the line before it.
fn normalize(line: &str) -> String {
    line.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn byline_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(r"(?i)^\s*(?:written by|words by|story by|by|author:|authors:)\s+(\p{L}[\p{L}\p{M} .'’-]{1,80}?)\s*$")
    })
}

fn date_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
        let pattern = format!(
            r"(?i)^\s*(?:(?:published|updated|posted|date)(?: on)?\s*:?\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})(?:\s*[,|·-]?\s*\d{{1,2}}:\d{{2}}\s*(?:am|pm)?)?\s*$"
        );
        static_regex(&pattern)
    })
}

/// A line that is only a person's name: two to four capitalised words.
fn name_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| {
        static_regex(r"^\s*\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3}\s*$")
    })
}

fn source_line_regex() -> &'static Regex {
    static REGEX: OnceLock<Regex> = OnceLock::new();
    REGEX.get_or_init(|| static_regex(r"(?i)^(sources?|notes?|data)\s*:"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FileFormat, RawDocument};
    use std::path::PathBuf;

    fn check(text: &str) -> (Cleaned, Vec<String>) {
        let raw = RawDocument::new(PathBuf::from("t.txt"), FileFormat::Text, text.to_string());
        let cleaned = clean(&raw);
        let rendered = cleaned
            .blocks
            .iter()
            .map(|block| {
                format!(
                    "{:?}@{}: {}",
                    block.kind,
                    block.line,
                    block.span.slice(text).unwrap()
                )
            })
            .collect();
        (cleaned, rendered)
    }

    #[test]
    fn a_text_of_heading_like_lines_is_its_own_body() {
        // Found by `claimdex-eval claim-retrieval`: 85 of CheckThat's verified claims were one
        // short line without a full stop, taken for a heading, and so never searchable.
        let (cleaned, blocks) = check("Joe Biden Owns the Largest Mansion in His State\n");
        assert_eq!(
            blocks,
            ["Paragraph@1: Joe Biden Owns the Largest Mansion in His State"]
        );
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Joe Biden Owns the Largest Mansion in His State")
        );
        let (_, blocks) = check("Title\n\nBody text of the note.\n");
        assert_eq!(
            blocks,
            ["Heading@1: Title", "Paragraph@3: Body text of the note."]
        );
    }

    #[test]
    fn header_leftovers_are_dropped() {
        let text = "E.g., 06/25/2024\nE.g., 06/25/2024\nRunning from China: youth dream of leaving\n\nRunning from China: youth dream\n\nof leaving\n\nWRITTEN BY DR JANE DOE\n\n5 September 2023\n\nIn recent months, reports about refugees from China have made headlines across many outlets and many countries of the world.\n\nGovernment responses\n\nThe government is anything but thrilled.\n\nThe post Something appeared first on Some Outlet.\n标签:;  ;\n";
        let (cleaned, blocks) = check(text);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Running from China: youth dream of leaving")
        );
        assert_eq!(cleaned.byline.as_deref(), Some("Dr Jane Doe"));
        assert_eq!(cleaned.date.as_deref(), Some("5 September 2023"));
        assert_eq!(
            blocks,
            vec![
                "Heading@3: Running from China: youth dream of leaving",
                "Paragraph@13: In recent months, reports about refugees from China have made headlines across many outlets and many countries of the world.",
                "Heading@15: Government responses",
                "Paragraph@17: The government is anything but thrilled.",
            ]
        );
        let reasons: Vec<&str> = cleaned.dropped.iter().map(|d| d.reason.as_str()).collect();
        assert_eq!(
            reasons,
            vec![
                "date-picker leftover",
                "date-picker leftover",
                "repeated title",
                "repeated title",
                "byline",
                "dateline",
                "syndication trailer",
                "tag line"
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_and_long_lines_split() {
        let (_, blocks) = check("A short wrapped line\nthat goes on here\nand ends here.\n\n");
        assert_eq!(
            blocks,
            vec!["Paragraph@1: A short wrapped line\nthat goes on here\nand ends here."]
        );
        let long = "x ".repeat(120);
        let text = format!("{long}one.\n{long}two.\n");
        let (cleaned, _) = check(&text);
        assert_eq!(cleaned.blocks.len(), 2);
    }

    #[test]
    fn flattened_table_stays_one_paragraph() {
        let text = "Body sentence one that is long enough to count as running text for sure, yes it is.\n\nRegion2023 Rate per Million\nShanghai Municipality274\nBeijing Municipality161\nSource: Author’s tabulation\n";
        let (_, blocks) = check(text);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[1].starts_with("Paragraph@3: Region2023"));
    }
}
