//! Prints the figures `claimdex::figures::annotate` finds on each non-blank line of a file, for
//! reviewing the annotator by eye: `cargo run --example annotate_lines -- corpus/FILE.txt`.

use std::fmt::Write as _;

fn main() -> anyhow::Result<()> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for (line_idx, line) in text.lines().enumerate() {
            let figures = claimdex::figures::annotate(line);
            if figures.is_empty() {
                continue;
            }
            let mut out = format!("{path}:{}", line_idx + 1);
            for figure in figures {
                let mut detail = format!("{:?}", figure.unit).to_lowercase();
                if let Some(code) = figure.currency.as_ref().or(figure.measure_unit.as_ref()) {
                    write!(detail, " {code}")?;
                }
                if let Some(per) = figure.per {
                    write!(detail, " per {per}")?;
                }
                write!(
                    out,
                    "\n  [{}] = {} {detail} {:?} [{:?}, {:?}]",
                    figure.text, figure.value, figure.qualifier, figure.low, figure.high
                )?;
                if let Some(range) = figure.range {
                    write!(out, " range {:?}", range)?;
                }
                if let Some(counts) = figure.counts {
                    write!(out, " counts=<{counts}>")?;
                }
                if let Some(period) = figure.period {
                    write!(out, " period=<{period}>")?;
                }
            }
            println!("{out}");
        }
        for table in claimdex::figures::find_tables(&text) {
            println!(
                "{path}: table <{}> with {} rows, source {:?}",
                table.header,
                table.rows.len(),
                table.source.map(|s| s.0)
            );
        }
    }
    Ok(())
}
