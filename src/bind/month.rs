//! A calendar month as one number, so periods compare and subtract simply.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month: `year * 12 + (month - 1)`. Written and read as `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(i32);

impl Month {
    /// `month` is 1 (January) to 12; out-of-range months are clamped.
    pub fn new(year: i32, month: u32) -> Month {
        let month = i32::try_from(month.clamp(1, 12)).unwrap_or(1);
        Month(year * 12 + month - 1)
    }

    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    /// 1 (January) to 12.
    pub fn month(self) -> u32 {
        u32::try_from(self.0.rem_euclid(12) + 1).unwrap_or(1)
    }

    /// Months since year 0, for differences.
    pub fn index(self) -> i32 {
        self.0
    }

    pub fn plus(self, months: i32) -> Month {
        Month(self.0 + months)
    }

    /// The fiscal year this month falls in, for a year starting in `start_month` (named by the
    /// calendar year it ends in: October 2022 is in FY2023 for a start in October).
    pub fn fiscal_year(self, start_month: u32) -> i32 {
        if start_month <= 1 || self.month() < start_month {
            self.year()
        } else {
            self.year() + 1
        }
    }

    /// The latest `month` (1–12) at or before this one: "since October" written in February 2023
    /// is October 2022.
    pub fn latest(self, month: u32) -> Month {
        let candidate = Month::new(self.year(), month);
        if candidate <= self {
            candidate
        } else {
            Month::new(self.year() - 1, month)
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        let text = String::deserialize(deserializer)?;
        let (year, month) = text
            .split_once('-')
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not YYYY-MM")))?;
        let year: i32 = year.parse().map_err(serde::de::Error::custom)?;
        let month: u32 = month.parse().map_err(serde::de::Error::custom)?;
        if !(1..=12).contains(&month) {
            return Err(serde::de::Error::custom(format!(
                "{text:?}: month out of range"
            )));
        }
        Ok(Month::new(year, month))
    }
}
