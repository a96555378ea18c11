//! CLEF 2020 CheckThat! Task 1 (English): rank the test tweets by claimdex's check-worthiness
//! score and measure MAP and P@k against the gold `claim_worthiness` labels (the task's official
//! measure), plus average precision of the same ranking against the `claim` labels.
//!
//! "Passed" counts tweets the score classifies right at a 0.5 threshold; the ranking metrics are
//! the metric lines. Baselines: the organisers' dev-set numbers from the task README, and their
//! baselines measured on this test split outside the repository (see `TEST_BASELINES`).

use super::{read_text, EvalError, FileReport, SuiteReport};
use claimdex::claims::Model;
use std::path::Path;

/// The organisers' baselines (dev set, average precision), from the task README.
const BASELINES: &[(&str, f64)] = &[("random", 0.3466), ("n-gram", 0.6927)];

/// The organisers' baselines on this test split, measured outside the repository on 2026-11-26:
/// their n-gram model (`baselines/baselines.py`: TF-IDF unigrams, RBF SVC with C 1 and gamma
/// 0.75, ranked by the decision function) reimplemented with scikit-learn and trained on their v2
/// training split (672 tweets, not stored here); random is the mean over 1,000 shuffles. See
/// README.md, "Search quality and speed".
const TEST_BASELINES: &[(&str, f64)] = &[("random", 0.4476), ("n-gram", 0.5766)];

/// Ranks the test tweets under `suite` (the `checkworthy` folder) and scores the ranking.
pub fn run(suite: &Path, verbose: bool) -> Result<SuiteReport, EvalError> {
    let path = suite.join("test/test-gold.tsv");
    let scored = read_tweets(&path)?;
    // Ties keep file order, so the ranking is deterministic.
    let mut ranked: Vec<usize> = (0..scored.len()).collect();
    ranked.sort_by(|&a, &b| scored[b].score.total_cmp(&scored[a].score).then(a.cmp(&b)));
    let worthy: Vec<bool> = ranked.iter().map(|&i| scored[i].worthy).collect();
    let claim: Vec<bool> = ranked.iter().map(|&i| scored[i].claim).collect();

    let mut file = FileReport::new("test/test-gold.tsv");
    for tweet in &scored {
        let (score, is_worthy) = (tweet.score, tweet.worthy);
        file.record((score >= 0.5) == is_worthy, || {
            format!(
                "score {score:.2}, gold {}: {}",
                u8::from(is_worthy),
                tweet.text
            )
        });
    }
    Ok(SuiteReport {
        suite: "checkworthy".to_string(),
        files: vec![file],
        metrics: metrics(&worthy, &claim),
        verbose,
    })
}

/// One test tweet with its gold labels and claimdex's score.
struct Tweet {
    score: f64,
    /// Gold `claim_worthiness`.
    worthy: bool,
    /// Gold `claim`.
    claim: bool,
    text: String,
}

/// The tweets of the gold file, scored, in file order.
fn read_tweets(path: &Path) -> Result<Vec<Tweet>, EvalError> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| EvalError::Format {
                path: path.to_path_buf(),
                message: format!("no column {name:?} in the header"),
            })
    };
    let (text_col, claim_col, worthy_col) = (
        column("tweet_text")?,
        column("claim")?,
        column("claim_worthiness")?,
    );
    let model = Model::builtin();
    let mut scored = Vec::new();
    for (idx, line) in lines.enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(tweet), Some(claim), Some(worthy)) = (
            cells.get(text_col),
            cells.get(claim_col),
            cells.get(worthy_col),
        ) else {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                message: format!("line {}: too few columns", idx + 2),
            });
        };
        scored.push(Tweet {
            score: model.score(tweet).score,
            worthy: worthy.trim() == "1",
            claim: claim.trim() == "1",
            text: tweet.to_string(),
        });
    }
    Ok(scored)
}

/// The metric lines of the ranking (`worthy` and `claim` labels in ranked order), with the
/// organisers' baselines.
fn metrics(worthy: &[bool], claim: &[bool]) -> Vec<String> {
    let mut metrics = vec![format!(
        "check-worthiness MAP {:.4}  P@5 {:.2}  P@10 {:.2}  P@20 {:.2}  P@30 {:.2}  ({} tweets, {} worth checking)",
        average_precision(worthy),
        precision_at(worthy, 5),
        precision_at(worthy, 10),
        precision_at(worthy, 20),
        precision_at(worthy, 30),
        worthy.len(),
        worthy.iter().filter(|w| **w).count()
    )];
    let baselines: Vec<String> = BASELINES
        .iter()
        .map(|(name, map)| format!("{name} {map:.4}"))
        .collect();
    let test_baselines: Vec<String> = TEST_BASELINES
        .iter()
        .map(|(name, map)| format!("{name} {map:.4}"))
        .collect();
    metrics.push(format!(
        "organisers' baselines on this test split (reimplemented, trained on their training split): {}",
        test_baselines.join(", ")
    ));
    metrics.push(format!(
        "organisers' baselines (dev set, from the task README): {}",
        baselines.join(", ")
    ));
    metrics.push(format!(
        "claim detection (same ranking vs the `claim` labels): AP {:.4}",
        average_precision(claim)
    ));
    metrics
}

/// Average precision of a ranked list of relevance labels (1.0 when every relevant item comes first).
pub fn average_precision(relevant: &[bool]) -> f64 {
    let mut hits = 0.0;
    let mut sum = 0.0;
    for (rank, is_relevant) in relevant.iter().enumerate() {
        if *is_relevant {
            hits += 1.0;
            sum += hits / (rank as f64 + 1.0);
        }
    }
    if hits == 0.0 {
        0.0
    } else {
        sum / hits
    }
}

pub fn precision_at(relevant: &[bool], k: usize) -> f64 {
    let k = k.min(relevant.len()).max(1);
    relevant.iter().take(k).filter(|r| **r).count() as f64 / k as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_by_hand() {
        // Relevant at ranks 1 and 3: AP = (1/1 + 2/3) / 2.
        assert!(
            (average_precision(&[true, false, true, false]) - (1.0 + 2.0 / 3.0) / 2.0).abs()
                < 1e-12
        );
        assert_eq!(average_precision(&[false, false]), 0.0);
        assert_eq!(precision_at(&[true, false, true, false], 2), 0.5);
    }
}
