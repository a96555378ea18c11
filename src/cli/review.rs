//! `claimdex review`: a fact-checker's own verdict on a claim, recorded in the corpus's
//! `reviews.toml` (the library's `review` module), and the list of reviews with the orphaned
//! ones (whose claim left the corpus) marked.

use anyhow::{bail, Context as _, Result};
use claimdex::check::Verdict;
use claimdex::output;
use claimdex::query;
use claimdex::review::{self, Review, Reviews};
use clap::Args as ClapArgs;
use std::collections::HashSet;
use std::process::ExitCode;

use super::check::parse_verdict;
use super::format::{FormatArgs, OutputFormat, LISTING};
use super::Global;
use crate::print;

#[derive(Debug, Clone, ClapArgs)]
pub struct ReviewArgs {
    /// The claim's id, as `claimdex claims --json` and `claimdex check --json` give it. Without
    /// one, the reviews are listed.
    pub claim: Option<String>,
    /// Your verdict: supported, close, contradicted, not_comparable, unverifiable.
    #[arg(long, value_parser = parse_verdict)]
    pub verdict: Option<Verdict>,
    /// Why: the evidence you used, where the number came from.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Who reviewed it (shown beside the verdict).
    #[arg(long, env = "CLAIMDEX_REVIEWER")]
    pub by: Option<String>,
    /// Only this figure of the claim, as written ("almost 26,000"); by default the review
    /// holds for every figure of the claim.
    #[arg(long)]
    pub figure: Option<String>,
    #[command(flatten)]
    pub output_format: FormatArgs,
}

/// Records a review (exit 0), or lists the reviews (exit 0; 1 when there are none).
pub fn run(global: &Global, args: &ReviewArgs) -> Result<ExitCode> {
    let corpus = global.corpus()?;
    let mut reviews = Reviews::for_corpus(&corpus)?;
    let claims = query::all_claims(&corpus)?;
    let Some(id) = &args.claim else {
        return list(&reviews, &claims, args);
    };
    let Some(verdict) = args.verdict else {
        bail!(
            "give your verdict with --verdict (supported, close, contradicted, not_comparable or unverifiable)"
        );
    };
    let Some(claim) = claims.iter().find(|claim| &claim.id == id) else {
        bail!("no claim '{id}' in the index; `claimdex claims --json` and `claimdex check --json` give each claim's id");
    };
    if let Some(figure) = &args.figure {
        if !claim
            .figures
            .iter()
            .any(|cited| &cited.figure.text == figure)
        {
            let written: Vec<String> = claim
                .figures
                .iter()
                .map(|cited| format!("\"{}\"", cited.figure.text))
                .collect();
            bail!(
                "claim '{id}' has no figure written \"{figure}\"; its figures are {}",
                if written.is_empty() {
                    "none".to_string()
                } else {
                    written.join(", ")
                }
            );
        }
    }
    reviews.record(Review {
        claim: claim.id.clone(),
        figure: args.figure.clone(),
        verdict,
        note: args.note.clone(),
        by: args.by.clone(),
        date: review::today(),
        doc: claim.doc.clone(),
        text: claim.text.clone(),
    });
    reviews.save()?;
    eprintln!(
        "recorded {} for {}:{} ({}) in {}",
        verdict.name(),
        claim.doc,
        claim.line,
        args.figure.as_deref().unwrap_or("every figure"),
        reviews.path().display()
    );
    Ok(ExitCode::SUCCESS)
}

fn list(
    reviews: &Reviews,
    claims: &[claimdex::claims::Claim],
    args: &ReviewArgs,
) -> Result<ExitCode> {
    let format = args.output_format.choose("review", LISTING)?;
    let ids: HashSet<&str> = claims.iter().map(|claim| claim.id.as_str()).collect();
    let orphans: HashSet<&str> = reviews
        .orphans(&ids)
        .into_iter()
        .map(|review| review.claim.as_str())
        .collect();
    let rows: Vec<serde_json::Value> = reviews
        .all()
        .iter()
        .map(|review| {
            let mut row = serde_json::to_value(review).unwrap_or_default();
            row["orphaned"] = serde_json::Value::Bool(orphans.contains(review.claim.as_str()));
            row
        })
        .collect();
    let out = match format {
        OutputFormat::Json => output::json_lines(&rows)?,
        OutputFormat::Csv => output::csv_rows(&rows)?,
        _ => {
            let mut out = String::new();
            for review in reviews.all() {
                let orphaned = orphans.contains(review.claim.as_str());
                out.push_str(&format!(
                    "{} {} {}{}\n    {}\n",
                    review.claim,
                    review.doc,
                    review.summary(),
                    if orphaned {
                        "  ORPHANED: the claim is no longer in the corpus"
                    } else {
                        ""
                    },
                    review.text,
                ));
                if !review.note.is_empty() {
                    out.push_str(&format!("    note: {}\n", review.note));
                }
            }
            out
        }
    };
    if reviews.all().is_empty() {
        eprintln!(
            "no reviews yet in {}; record one with `claimdex review CLAIM_ID --verdict V --note \"...\"`",
            reviews.path().display()
        );
        return Ok(ExitCode::from(1));
    }
    print(&out).context("writing the reviews")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use crate::cli::{Args, Command};
    use clap::Parser;

    #[test]
    fn review_flags_parse() {
        let args = Args::parse_from([
            "claimdex",
            "review",
            "6d0a21104dbab715",
            "--verdict",
            "not-comparable",
            "--note",
            "another vintage",
            "--by",
            "A. Editor",
            "--figure",
            "26,000",
        ]);
        assert!(matches!(
            args.command,
            Command::Review(ref review)
                if review.claim.as_deref() == Some("6d0a21104dbab715")
                    && review.verdict == Some(claimdex::check::Verdict::NotComparable)
                    && review.by.as_deref() == Some("A. Editor")
                    && review.figure.as_deref() == Some("26,000")
        ));
        assert!(Args::try_parse_from(["claimdex", "review", "x", "--verdict", "maybe"]).is_err());
    }
}
