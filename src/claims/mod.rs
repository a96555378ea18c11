//! Claims: sentences that assert something checkable, with a check-worthiness score.

pub mod checkworthy;

pub use checkworthy::{Checkworthiness, Model};
