//! The scale corpus: migration-news articles recombined from the bundled documents' sentences
//! (and SciFact abstracts' when given), with numbers, places, names and years varied, written as
//! text, HTML, Markdown and a few PDFs. The same size and seed always give the same files.

use super::{BenchError, Rng};
use claimdex::model::{FileFormat, RawDocument};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The bundled articles, built in so the generator runs from any folder.
const BUNDLED: [&str; 5] = [
    include_str!("../../../../corpus/9dashline-2023-running-from-china.txt"),
    include_str!("../../../../corpus/cis-2019-international-migration-security-challenge.txt"),
    include_str!("../../../../corpus/foreign-policy-2024-chinese-migrants-invading-army.txt"),
    include_str!("../../../../corpus/mpi-cross-border-human-flows-northeast-asia.txt"),
    include_str!("../../../../corpus/niskanen-2024-ecuador-entry-data-chinese-migration.txt"),
];

/// The bundled articles' texts, as the generator reads them.
pub fn bundled_texts() -> &'static [&'static str] {
    &BUNDLED
}

const PLACES: [&str; 24] = [
    "Ecuador",
    "Mexico",
    "Panama",
    "Colombia",
    "Guatemala",
    "Honduras",
    "Texas",
    "Arizona",
    "California",
    "Turkey",
    "Greece",
    "Italy",
    "Libya",
    "Tunisia",
    "Niger",
    "Sudan",
    "Bangladesh",
    "Myanmar",
    "Vietnam",
    "Nepal",
    "Venezuela",
    "Haiti",
    "Peru",
    "Chile",
];

/// Place names in the bundled text that the generator swaps for another place.
const SWAPPED_PLACES: [&str; 8] = [
    "Ecuador",
    "Mexico",
    "Panama",
    "Colombia",
    "Xinjiang",
    "Hong Kong",
    "Russia",
    "North Korea",
];

const FIRST_NAMES: [&str; 16] = [
    "Maria", "James", "Wei", "Fatima", "Carlos", "Aisha", "John", "Li", "Sofia", "Ahmed", "Elena",
    "David", "Mei", "Omar", "Ana", "Peter",
];

const LAST_NAMES: [&str; 16] = [
    "Garcia",
    "Smith",
    "Zhang",
    "Khan",
    "Rodriguez",
    "Nguyen",
    "Brown",
    "Chen",
    "Lopez",
    "Ali",
    "Muller",
    "Rossi",
    "Wang",
    "Silva",
    "Kim",
    "Haddad",
];

const PUBLISHERS: [&str; 8] = [
    "The Border Desk",
    "Migration Monitor",
    "Policy Review",
    "Northeast Asia Watch",
    "The Daily Ledger",
    "Hemisphere Report",
    "Open Data Journal",
    "Regional Times",
];

#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Stop once the files written add up to this many bytes.
    pub size: u64,
    pub seed: u64,
    pub out: PathBuf,
    /// A SciFact folder (see its PROVENANCE.md); its abstracts' sentences are mixed in when
    /// `unzip` can read `original/scifact-hf-csv.zip`.
    pub scifact: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GenReport {
    pub size: u64,
    pub seed: u64,
    pub bytes: u64,
    pub files: usize,
    pub text: usize,
    pub html: usize,
    pub markdown: usize,
    pub pdf: usize,
    /// Sentences the articles were drawn from: bundled, SciFact.
    pub bundled_sentences: usize,
    pub scifact_sentences: usize,
}

/// Name of the stamp file a generated corpus carries (hidden, so `claimdex index` skips it).
pub const STAMP: &str = ".claimdex-bench.json";

/// Generates the corpus into `options.out`, or reuses it when its stamp says it is the same
/// size and seed. Notes (a SciFact folder that could not be read) go to `log`.
pub fn generate(options: &GenOptions, log: &mut dyn FnMut(&str)) -> Result<GenReport, BenchError> {
    let stamp_path = options.out.join(STAMP);
    if let Some(stamp) = same_stamp(&stamp_path, options) {
        return Ok(stamp);
    }
    empty_out(options, &stamp_path)?;
    let bundled = bundled_sentences();
    let scifact = match &options.scifact {
        Some(dir) => match scifact_sentences(dir) {
            Ok(sentences) => sentences,
            Err(message) => {
                log(&format!(
                    "note: SciFact abstracts not used ({message}); bundled sentences only"
                ));
                Vec::new()
            }
        },
        None => Vec::new(),
    };
    let mut report = GenReport {
        size: options.size,
        seed: options.seed,
        bundled_sentences: bundled.len(),
        scifact_sentences: scifact.len(),
        ..GenReport::default()
    };
    let mut rng = Rng::new(options.seed);
    while report.bytes < options.size {
        let article = Article::generate(&mut rng, &bundled, &scifact);
        let format = match rng.range(0, 1000) {
            0..=549 => FileFormat::Text,
            550..=879 => FileFormat::Html,
            880..=989 => FileFormat::Markdown,
            _ => FileFormat::Pdf,
        };
        write_article(&options.out, &article, format, &mut report)?;
    }
    let stamp = serde_json::to_string_pretty(&report).unwrap_or_default();
    std::fs::write(&stamp_path, stamp).map_err(|err| BenchError::io(&stamp_path, err))?;
    Ok(report)
}

/// The stamp of a corpus already generated at this size and seed.
fn same_stamp(stamp_path: &Path, options: &GenOptions) -> Option<GenReport> {
    let text = std::fs::read_to_string(stamp_path).ok()?;
    let stamp = serde_json::from_str::<GenReport>(&text).ok()?;
    (stamp.size == options.size && stamp.seed == options.seed).then_some(stamp)
}

/// Makes `options.out` an empty folder, deleting an earlier generated corpus there but refusing
/// any other folder that is not empty.
fn empty_out(options: &GenOptions, stamp_path: &Path) -> Result<(), BenchError> {
    if options.out.exists() {
        if !stamp_path.exists() && !is_empty_dir(&options.out) {
            return Err(BenchError::Other(format!(
                "{}: exists, is not empty and is not a generated corpus; choose another --out",
                options.out.display()
            )));
        }
        std::fs::remove_dir_all(&options.out).map_err(|err| BenchError::io(&options.out, err))?;
    }
    std::fs::create_dir_all(&options.out).map_err(|err| BenchError::io(&options.out, err))
}

/// Writes one article in `format` into its batch folder (1,000 files each) and counts it.
fn write_article(
    out: &Path,
    article: &Article,
    format: FileFormat,
    report: &mut GenReport,
) -> Result<(), BenchError> {
    let folder = out.join(format!("batch-{:04}", report.files / 1000));
    if report.files % 1000 == 0 {
        std::fs::create_dir_all(&folder).map_err(|err| BenchError::io(&folder, err))?;
    }
    let stem = format!(
        "{:07}-{}",
        report.files,
        claimdex::index::slugify(&article.slug)
    );
    let (path, bytes) = match format {
        FileFormat::Text => (folder.join(format!("{stem}.txt")), article.to_text()),
        FileFormat::Html => (folder.join(format!("{stem}.html")), article.to_html()),
        FileFormat::Markdown => (folder.join(format!("{stem}.md")), article.to_markdown()),
        FileFormat::Pdf => (folder.join(format!("{stem}.pdf")), article.to_pdf()?),
    };
    std::fs::write(&path, &bytes).map_err(|err| BenchError::io(&path, err))?;
    report.bytes += bytes.len() as u64;
    report.files += 1;
    match format {
        FileFormat::Text => report.text += 1,
        FileFormat::Html => report.html += 1,
        FileFormat::Markdown => report.markdown += 1,
        FileFormat::Pdf => report.pdf += 1,
    }
    Ok(())
}

/// The sentences of the bundled articles, as claimdex's own cleaner and segmenter cut them.
pub fn bundled_sentences() -> Vec<String> {
    let mut sentences = Vec::new();
    for (idx, text) in BUNDLED.iter().enumerate() {
        let raw = RawDocument::new(
            PathBuf::from(format!("bundled-{idx}.txt")),
            FileFormat::Text,
            (*text).to_string(),
        );
        let document = claimdex::text::build_document(raw, format!("bundled-{idx}"), None);
        for passage in document.passages.iter().filter(|p| !p.is_heading) {
            for sentence in &passage.sentences {
                if let Some(text) = sentence.span.slice(&document.raw) {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if (40..=500).contains(&text.len()) {
                        sentences.push(text);
                    }
                }
            }
        }
    }
    sentences
}

/// The sentences of SciFact's 5,183 abstracts, read with `unzip -p` from the zipped CSV export.
fn scifact_sentences(dir: &Path) -> Result<Vec<String>, String> {
    let zip = dir.join("original/scifact-hf-csv.zip");
    if !zip.is_file() {
        return Err(format!("{}: no such file", zip.display()));
    }
    let output = std::process::Command::new("unzip")
        .arg("-p")
        .arg(&zip)
        .arg("corpus_train.csv")
        .output()
        .map_err(|err| format!("unzip: {err} (install unzip)"))?;
    if !output.status.success() {
        return Err(format!(
            "unzip -p {} corpus_train.csv failed",
            zip.display()
        ));
    }
    let mut reader = csv::ReaderBuilder::new().from_reader(output.stdout.as_slice());
    let headers = reader.headers().map_err(|err| err.to_string())?.clone();
    let column = headers
        .iter()
        .position(|name| name == "abstract")
        .ok_or("corpus_train.csv has no 'abstract' column")?;
    let mut sentences = Vec::new();
    for record in reader.records().flatten() {
        if let Some(field) = record.get(column) {
            sentences.extend(
                numpy_list_items(field)
                    .into_iter()
                    .filter(|s| (40..=500).contains(&s.len())),
            );
        }
    }
    if sentences.is_empty() {
        return Err("no abstract sentences found".into());
    }
    Ok(sentences)
}

/// The quoted items of a printed numpy array of strings: `['a b' "c'd"]` -> `a b`, `c'd`.
fn numpy_list_items(field: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut chars = field.char_indices();
    while let Some((_, c)) = chars.next() {
        if c != '\'' && c != '"' {
            continue;
        }
        let quote = c;
        let mut item = String::new();
        let mut escaped = false;
        for (_, c) in chars.by_ref() {
            if escaped {
                item.push(c);
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == quote {
                break;
            } else {
                item.push(c);
            }
        }
        items.push(item);
    }
    items
}

/// One generated article, before it is written in a format.
struct Article {
    title: String,
    slug: String,
    author: String,
    publisher: String,
    date: String,
    /// Paragraphs, with an optional subheading before each.
    paragraphs: Vec<(Option<String>, String)>,
}

impl Article {
    fn generate(rng: &mut Rng, bundled: &[String], scifact: &[String]) -> Article {
        let sentence = |rng: &mut Rng| -> String {
            let pool = if !scifact.is_empty() && rng.chance(25) {
                scifact
            } else {
                bundled
            };
            let text = rng.pick(pool).map_or("", String::as_str);
            vary(rng, text)
        };
        let n_paragraphs = rng.range(3, 25) as usize;
        let mut paragraphs = Vec::with_capacity(n_paragraphs);
        for idx in 0..n_paragraphs {
            let heading = if idx > 0 && rng.chance(15) {
                Some(heading_from(&sentence(rng)))
            } else {
                None
            };
            let n_sentences = rng.range(1, 7);
            let body: Vec<String> = (0..n_sentences).map(|_| sentence(rng)).collect();
            paragraphs.push((heading, body.join(" ")));
        }
        let title = heading_from(&sentence(rng));
        let author = format!(
            "{} {}",
            rng.pick(&FIRST_NAMES).copied().unwrap_or("Ana"),
            rng.pick(&LAST_NAMES).copied().unwrap_or("Silva")
        );
        let publisher = rng.pick(&PUBLISHERS).copied().unwrap_or("Regional Times");
        let date = format!(
            "{}-{:02}-{:02}",
            rng.range(2005, 2026),
            rng.range(1, 13),
            rng.range(1, 29)
        );
        Article {
            slug: title.chars().take(40).collect(),
            title,
            author,
            publisher: publisher.to_string(),
            date,
            paragraphs,
        }
    }

    fn to_text(&self) -> Vec<u8> {
        let mut out = format!(
            "{}\n\nBy {}, {}\n{}\n\n",
            self.title, self.author, self.publisher, self.date
        );
        for (heading, paragraph) in &self.paragraphs {
            if let Some(heading) = heading {
                out.push_str(heading);
                out.push_str("\n\n");
            }
            out.push_str(paragraph);
            out.push_str("\n\n");
        }
        out.into_bytes()
    }

    fn to_markdown(&self) -> Vec<u8> {
        let mut out = format!(
            "---\ntitle: \"{}\"\nauthor: {}\ndate: {}\n---\n\n# {}\n\n",
            self.title.replace('"', "'"),
            self.author,
            self.date,
            self.title
        );
        for (heading, paragraph) in &self.paragraphs {
            if let Some(heading) = heading {
                out.push_str(&format!("## {heading}\n\n"));
            }
            out.push_str(paragraph);
            out.push_str("\n\n");
        }
        out.into_bytes()
    }

    fn to_html(&self) -> Vec<u8> {
        let title = escape_html(&self.title);
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\n\
             <meta name=\"author\" content=\"{}\"><meta property=\"article:published_time\" content=\"{}\">\n\
             <style>body{{font-family:serif}} .nav a{{margin:0 4px}}</style></head>\n<body>\n\
             <nav class=\"nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/policy\">Policy</a> <a href=\"/data\">Data</a></nav>\n\
             <article>\n<h1>{title}</h1>\n<p class=\"byline\">By {} | {}</p>\n",
            escape_html(&self.author),
            self.date,
            escape_html(&self.author),
            escape_html(&self.publisher)
        );
        for (heading, paragraph) in &self.paragraphs {
            if let Some(heading) = heading {
                out.push_str(&format!("<h2>{}</h2>\n", escape_html(heading)));
            }
            out.push_str(&format!("<p>{}</p>\n", escape_html(paragraph)));
        }
        out.push_str(
            "</article>\n<footer><p>Subscribe to our newsletter.</p><p>&copy; 2024 All rights reserved.</p></footer>\n\
             <script>window.analytics=[];</script>\n</body></html>\n",
        );
        out.into_bytes()
    }

    fn to_pdf(&self) -> Result<Vec<u8>, BenchError> {
        let mut lines = vec![ascii(&self.title), String::new()];
        lines.push(ascii(&format!("By {}, {}", self.author, self.publisher)));
        lines.push(self.date.clone());
        lines.push(String::new());
        for (heading, paragraph) in &self.paragraphs {
            if let Some(heading) = heading {
                lines.push(ascii(heading));
                lines.push(String::new());
            }
            lines.extend(wrap(&ascii(paragraph), 90));
            lines.push(String::new());
        }
        let pages: Vec<&[String]> = lines.chunks(50).collect();
        pdf_bytes(&pages)
    }
}

/// A sentence with its numbers, years and some place names changed, so that no two articles
/// repeat the same figure and the vocabulary of numbers grows with the corpus.
fn vary(rng: &mut Rng, sentence: &str) -> String {
    let mut text = sentence.to_string();
    for place in SWAPPED_PLACES {
        if text.contains(place) && rng.chance(50) {
            let other = rng.pick(&PLACES).copied().unwrap_or("Peru");
            text = text.replace(place, other);
        }
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 8);
    let mut idx = 0;
    while idx < bytes.len() {
        if !bytes[idx].is_ascii_digit() {
            let next = text[idx..]
                .find(|c: char| c.is_ascii_digit())
                .map_or(text.len(), |offset| idx + offset);
            out.push_str(&text[idx..next]);
            idx = next;
            continue;
        }
        let end = idx
            + bytes[idx..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let digits = &text[idx..end];
        let is_year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        if is_year {
            out.push_str(&rng.range(1990, 2026).to_string());
        } else {
            for (position, _) in digits.char_indices() {
                let low = u64::from(position == 0 && digits.len() > 1);
                out.push(char::from(b'0' + rng.range(low, 10) as u8));
            }
        }
        idx = end;
    }
    out
}

/// A heading made of a sentence's first words.
fn heading_from(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split_whitespace().take(8).collect();
    words
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text a Type 1 font's standard encoding can draw: typographic punctuation made ASCII.
fn ascii(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{2018}' | '\u{2019}' => Some('\''),
            '\u{201C}' | '\u{201D}' => Some('"'),
            '\u{2013}' | '\u{2014}' => Some('-'),
            '\u{A0}' => Some(' '),
            c if c.is_ascii() && !c.is_ascii_control() => Some(c),
            _ => None,
        })
        .collect()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A PDF with a text layer in Helvetica, one page per entry of `pages` (its lines). The
/// generated corpus and the tests' PDF fixtures are both written with it.
pub fn pdf_bytes<S: AsRef<str>>(pages: &[&[S]]) -> Result<Vec<u8>, BenchError> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for page_lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![50.into(), 750.into()]),
        ];
        for line in page_lines.iter() {
            operations.push(Operation::new(
                "Tj",
                vec![Object::string_literal(line.as_ref())],
            ));
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations }
            .encode()
            .map_err(|err| BenchError::Other(format!("writing a PDF page: {err}")))?;
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(Object::from(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|err| BenchError::Other(format!("writing a PDF: {err}")))?;
    Ok(bytes)
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_items_are_read() {
        assert_eq!(
            numpy_list_items("['Alpha beta.'\n \"It's gamma.\"]"),
            ["Alpha beta.", "It's gamma."]
        );
    }

    #[test]
    fn vary_changes_numbers_but_keeps_shape() {
        let mut rng = Rng::new(1);
        let varied = vary(&mut rng, "In 2023, 48,381 entered; 80% were men.");
        assert_ne!(varied, "In 2023, 48,381 entered; 80% were men.");
        let shape: String = varied
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        assert_eq!(shape, "In 9999, 99,999 entered; 99% were men.");
    }

    #[test]
    fn bundled_sentences_are_found() {
        let sentences = bundled_sentences();
        assert!(sentences.len() > 200, "{}", sentences.len());
        assert!(sentences
            .iter()
            .any(|s| s.contains("Chinese nationals entered Ecuador")));
    }

    #[test]
    fn same_seed_same_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let mut options = GenOptions {
            size: 60_000,
            seed: 3,
            out: dir.path().join("a"),
            scifact: None,
        };
        let a = generate(&options, &mut |_| {}).unwrap();
        options.out = dir.path().join("b");
        let b = generate(&options, &mut |_| {}).unwrap();
        assert_eq!(a, b);
        assert!(a.bytes >= 60_000);
        let (files_a, _) = claimdex::ingest::discover(&[dir.path().join("a")]);
        let (files_b, _) = claimdex::ingest::discover(&[dir.path().join("b")]);
        assert_eq!(files_a.len(), a.files);
        for (file_a, file_b) in files_a.iter().zip(&files_b) {
            assert_eq!(
                std::fs::read(file_a).unwrap(),
                std::fs::read(file_b).unwrap()
            );
        }
    }
}
