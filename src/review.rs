//! Human reviews: a fact-checker's own verdict on a claim, kept beside the machine's.
//!
//! Input: a claim id (the stable id `claimdex claims` and `check` report), a verdict, a note, a
//! reviewer's name. Output: `reviews.toml` in the corpus folder, one `[[review]]` table per
//! review, plain and diffable, outside the index so `index --rebuild` never touches it. A
//! review keeps the claim's document and text as they were when it was written, so a review
//! whose claim left the corpus (the text changed, the file went) is listed as orphaned, never
//! dropped. Invariant: the file is only ever rewritten whole, through a temporary file and a
//! rename, and never when it could not be read.

use crate::check::{CheckResult, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The file name of the reviews, in the corpus folder.
pub const FILE_NAME: &str = "reviews.toml";

/// One human verdict on a claim, or on one figure of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The claim's stable id.
    pub claim: String,
    /// The figure reviewed, as written ("almost 26,000"); none reviews every figure of the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The day it was written (YYYY-MM-DD, UTC).
    pub date: String,
    /// The claim's document and text when the review was written.
    pub doc: String,
    pub text: String,
}

impl Review {
    /// "contradicted ("26,000") by A. Editor on 2026-12-04": the verdict, the figure when the
    /// review is of one, the reviewer and the day.
    pub fn summary(&self) -> String {
        let figure = self
            .figure
            .as_ref()
            .map(|figure| format!(" (\"{figure}\")"))
            .unwrap_or_default();
        let by = self
            .by
            .as_ref()
            .map(|name| format!(" by {name}"))
            .unwrap_or_default();
        format!("{}{figure}{by} on {}", self.verdict.name(), self.date)
    }

    /// ": the note", or nothing when there is none.
    pub fn note_suffix(&self) -> String {
        if self.note.is_empty() {
            String::new()
        } else {
            format!(": {}", self.note)
        }
    }
}

#[derive(Debug, Serialize, Deserialize, Default)]
struct File {
    #[serde(default)]
    review: Vec<Review>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("{path}: cannot read the reviews: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a valid reviews file ({message}); fix or move it, nothing was changed")]
    Parse { path: PathBuf, message: String },
    #[error("{path}: cannot write the reviews: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The reviews of one corpus, as read from its file.
#[derive(Debug, Clone, Default)]
pub struct Reviews {
    path: PathBuf,
    list: Vec<Review>,
}

impl Reviews {
    /// The reviews of the corpus whose first indexed root is `root` (a folder, or a file
    /// whose folder holds the reviews).
    pub fn path_for(root: &Path) -> PathBuf {
        let folder = if root.is_file() {
            root.parent().unwrap_or(Path::new("."))
        } else {
            root
        };
        folder.join(FILE_NAME)
    }

    /// The reviews of an indexed corpus: `reviews.toml` in the first folder it indexes
    /// (`corpus/reviews.toml` for the bundled corpus).
    pub fn for_corpus(corpus: &crate::index::CorpusIndex) -> Result<Reviews, ReviewError> {
        let root = corpus.payload.roots.first().map_or_else(
            || PathBuf::from("corpus"),
            |root| corpus.anchor.resolve(root),
        );
        Reviews::load(&Reviews::path_for(&root))
    }

    /// Reads `path`; a missing file is no reviews yet.
    pub fn load(path: &Path) -> Result<Reviews, ReviewError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(ReviewError::Read {
                    path: path.to_path_buf(),
                    source,
                })
            }
        };
        let file: File = toml::from_str(&text).map_err(|error| ReviewError::Parse {
            path: path.to_path_buf(),
            message: error.message().to_string(),
        })?;
        Ok(Reviews {
            path: path.to_path_buf(),
            list: file.review,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn all(&self) -> &[Review] {
        &self.list
    }

    /// Adds `review`, replacing an earlier one of the same claim and figure.
    pub fn record(&mut self, review: Review) {
        match self
            .list
            .iter_mut()
            .find(|old| old.claim == review.claim && old.figure == review.figure)
        {
            Some(old) => *old = review,
            None => self.list.push(review),
        }
    }

    /// Writes the file whole: a temporary file beside it, then a rename, so a crash leaves the
    /// old file or the new one, never half of one.
    pub fn save(&self) -> Result<(), ReviewError> {
        let write_error = |source| ReviewError::Write {
            path: self.path.clone(),
            source,
        };
        let file = File {
            review: self.list.clone(),
        };
        let body = toml::to_string_pretty(&file)
            .map_err(|error| write_error(std::io::Error::other(error.to_string())))?;
        let text = format!(
            "# Human reviews of claimdex verdicts (`claimdex review`), one [[review]] per claim or\n\
             # figure. Kept beside the corpus: rebuilding the index does not touch them.\n\n{body}"
        );
        let temporary = self.path.with_extension("toml.tmp");
        std::fs::write(&temporary, text).map_err(write_error)?;
        std::fs::rename(&temporary, &self.path).map_err(write_error)
    }

    /// The review of one figure of a claim: the figure's own, else the claim's.
    pub fn of_figure(&self, claim: &str, figure: &str) -> Option<&Review> {
        let of_claim = || {
            self.list
                .iter()
                .find(|r| r.claim == claim && r.figure.is_none())
        };
        self.list
            .iter()
            .find(|r| r.claim == claim && r.figure.as_deref() == Some(figure))
            .or_else(of_claim)
    }

    /// The reviews whose claim is not among `ids` (the corpus's claims now).
    pub fn orphans<'r>(&'r self, ids: &HashSet<&str>) -> Vec<&'r Review> {
        self.list
            .iter()
            .filter(|review| !ids.contains(review.claim.as_str()))
            .collect()
    }

    /// Gives each check result the human review of its figure, if any.
    pub fn attach(&self, results: &mut [CheckResult]) {
        for result in results {
            result.review = self
                .of_figure(&result.claim.id, &result.figure.text)
                .cloned();
        }
    }
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock.
pub fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of `days` since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = u32::try_from(day_of_year - (153 * shifted_month + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    })
    .unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(claim: &str, figure: Option<&str>, verdict: Verdict) -> Review {
        Review {
            claim: claim.into(),
            figure: figure.map(str::to_string),
            verdict,
            note: "checked against the release".into(),
            by: Some("A. Editor".into()),
            date: "2026-12-04".into(),
            doc: "doc".into(),
            text: "Arrivals rose to 26,000.".into(),
        }
    }

    #[test]
    fn dates_from_days_since_the_epoch() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_791), (2026, 12, 4));
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn a_review_replaces_the_earlier_one_of_its_claim_and_figure_and_survives_a_round_trip() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let mut reviews = Reviews::load(&path).expect("no file is no reviews");
        assert!(reviews.all().is_empty());
        reviews.record(review("a1", None, Verdict::Supported));
        reviews.record(review("a1", Some("26,000"), Verdict::Contradicted));
        reviews.record(review("a1", None, Verdict::NotComparable));
        assert_eq!(reviews.all().len(), 2);
        reviews.save().expect("written");
        let again = Reviews::load(&path).expect("read back");
        assert_eq!(again.all(), reviews.all());
        // The figure's own review first, else the claim's.
        let of = |figure| again.of_figure("a1", figure).map(|r| r.verdict);
        assert_eq!(of("26,000"), Some(Verdict::Contradicted));
        assert_eq!(of("3%"), Some(Verdict::NotComparable));
        assert_eq!(again.of_figure("b2", "3%"), None);
        let ids: HashSet<&str> = ["b2"].into_iter().collect();
        assert_eq!(again.orphans(&ids).len(), 2);
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it_and_is_left_alone() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "[[review]]\nclaim = 3\n").expect("written");
        let error = Reviews::load(&path).expect_err("not a reviews file");
        let message = error.to_string();
        assert!(message.contains("reviews.toml"), "{message}");
        assert!(message.contains("nothing was changed"), "{message}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("still there"),
            "[[review]]\nclaim = 3\n"
        );
    }
}
