//! The hostile-input benchmark: one file that is a single line of prose, and one HTML page
//! nested deeply, each indexed at n, 2n and 4n. Linear work shows ratios near 2 between
//! neighbouring sizes; a quadratic step shows ratios near 4. Each run is a fresh
//! `claimdex index` of a folder holding only that file, measured by wall time and peak memory.

use super::corpus::bundled_texts;
use super::measure::run_measured;
use super::BenchError;
use std::path::Path;
use std::process::Command;

#[derive(Debug, Clone, serde::Serialize)]
pub struct HostileResult {
    pub case: &'static str,
    /// The case's size: bytes for the one-line file, nesting depth for the HTML page.
    pub size: u64,
    pub seconds: f64,
    pub peak_rss: u64,
}

/// Runs both cases at `one_line_bytes` and `html_depth`, doubled twice, with the `claimdex`
/// binary at `claimdex`, in `work` (files and indexes are written there and removed).
pub fn hostile(
    claimdex: &Path,
    work: &Path,
    one_line_bytes: u64,
    html_depth: u64,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<HostileResult>, BenchError> {
    let prose: String = bundled_texts()
        .iter()
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" ");
    let mut results = Vec::new();
    for factor in [1, 2, 4] {
        let bytes = one_line_bytes * factor;
        let mut line = String::with_capacity(bytes as usize + prose.len());
        while (line.len() as u64) < bytes {
            line.push_str(&prose);
            line.push(' ');
        }
        line.truncate(floor_boundary(&line, bytes as usize));
        log(&format!("one line of {bytes} bytes"));
        results.push(measure(
            claimdex,
            work,
            "one-line.txt",
            &line,
            "one-line prose",
            bytes,
        )?);
    }
    for factor in [1, 2, 4] {
        let depth = html_depth * factor;
        let half = depth as usize / 2;
        let mut page = String::from("<html><body>");
        page.push_str(&"<div><span>".repeat(half));
        page.push_str(&prose[..floor_boundary(&prose, 2000)]);
        page.push_str(&"</span></div>".repeat(half));
        page.push_str("</body></html>");
        log(&format!("HTML nested {depth} deep"));
        results.push(measure(
            claimdex,
            work,
            "deep.html",
            &page,
            "nested HTML",
            depth,
        )?);
    }
    Ok(results)
}

fn measure(
    claimdex: &Path,
    work: &Path,
    name: &str,
    content: &str,
    case: &'static str,
    size: u64,
) -> Result<HostileResult, BenchError> {
    let docs = work.join("hostile-docs");
    let index = work.join("hostile-index");
    for dir in [&docs, &index] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|err| BenchError::io(dir, err))?;
        }
    }
    std::fs::create_dir_all(&docs).map_err(|err| BenchError::io(&docs, err))?;
    let file = docs.join(name);
    std::fs::write(&file, content).map_err(|err| BenchError::io(&file, err))?;
    let measured = run_measured(
        Command::new(claimdex)
            .arg("--index")
            .arg(&index)
            .arg("index")
            .arg(&docs),
        &[],
    )?;
    for dir in [&docs, &index] {
        std::fs::remove_dir_all(dir).map_err(|err| BenchError::io(dir, err))?;
    }
    Ok(HostileResult {
        case,
        size,
        seconds: measured.seconds,
        peak_rss: measured.peak_rss,
    })
}

/// A Markdown table with each size's time and memory and the ratio to the size before it.
pub fn hostile_table(results: &[HostileResult]) -> String {
    let mut out = String::from(
        "| case | size | seconds | ratio | peak RSS MB | ratio |\n|---|---:|---:|---:|---:|---:|\n",
    );
    let mut previous: Option<&HostileResult> = None;
    for result in results {
        let same_case = previous.filter(|p| p.case == result.case);
        let ratio = |now: f64, before: Option<f64>| {
            before.map_or("".to_string(), |before| {
                format!("{:.2}", now / before.max(1e-9))
            })
        };
        out.push_str(&format!(
            "| {} | {} | {:.2} | {} | {:.0} | {} |\n",
            result.case,
            result.size,
            result.seconds,
            ratio(result.seconds, same_case.map(|p| p.seconds)),
            result.peak_rss as f64 / 1e6,
            ratio(result.peak_rss as f64, same_case.map(|p| p.peak_rss as f64)),
        ));
        previous = Some(result);
    }
    out
}

fn floor_boundary(text: &str, mut idx: usize) -> usize {
    idx = idx.min(text.len());
    while idx > 0 && !text.is_char_boundary(idx) {
        idx -= 1;
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_ratios_within_a_case_only() {
        let row = |case, size, seconds| HostileResult {
            case,
            size,
            seconds,
            peak_rss: 100_000_000,
        };
        let table = hostile_table(&[
            row("one-line prose", 1, 1.0),
            row("one-line prose", 2, 2.0),
            row("nested HTML", 1, 0.5),
        ]);
        assert!(
            table.contains("| one-line prose | 2 | 2.00 | 2.00 | 100 | 1.00 |"),
            "{table}"
        );
        assert!(
            table.contains("| nested HTML | 1 | 0.50 |  | 100 |  |"),
            "{table}"
        );
    }
}
