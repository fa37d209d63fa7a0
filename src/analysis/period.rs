//! Calendar periods (month, quarter, year) that timelines count in.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How finely time is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Granularity {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    #[default]
    Year,
}

impl Granularity {
    /// All granularities, finest first.
    pub const ALL: [Self; 3] = [Self::Month, Self::Quarter, Self::Year];

    /// The kebab-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }

    fn months(self) -> i32 {
        match self {
            Self::Month => 1,
            Self::Quarter => 3,
            Self::Year => 12,
        }
    }
}

/// One period: a month, a quarter or a year. Ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    /// Months since year 0 of the period's first month (year × 12 + month − 1).
    index: i32,
    /// The period's length.
    pub granularity: Granularity,
}

impl Period {
    /// The period of `granularity` that contains `date`.
    pub fn of(date: Date, granularity: Granularity) -> Self {
        let month_index = i32::from(date.year()) * 12 + i32::from(date.month()) - 1;
        let step = granularity.months();
        Self { index: month_index - month_index.rem_euclid(step), granularity }
    }

    /// The period right after this one.
    pub fn next(self) -> Self {
        Self { index: self.index + self.granularity.months(), ..self }
    }

    /// The year the period starts in.
    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// The period's first month, 1–12.
    pub fn month(self) -> i32 {
        self.index.rem_euclid(12) + 1
    }

    /// The period as a fractional year (2019.0, 2019.25…), for plotting on a time axis.
    pub fn as_year_fraction(self) -> f64 {
        f64::from(self.index) / 12.0
    }

    /// Every period from `first` to `last`, both included, without gaps.
    pub fn range(first: Self, last: Self) -> Vec<Self> {
        let mut out = Vec::new();
        let mut current = first;
        while current <= last {
            out.push(current);
            current = current.next();
        }
        out
    }
}

impl fmt::Display for Period {
    /// `2019`, `2019-Q3`, `2019-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Year => write!(f, "{}", self.year()),
            Granularity::Quarter => write!(f, "{}-Q{}", self.year(), (self.month() - 1) / 3 + 1),
            Granularity::Month => write!(f, "{}-{:02}", self.year(), self.month()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_contain_their_dates_and_print_as_expected() {
        let cases = [
            ("2019-07-15", Granularity::Year, "2019"),
            ("2019-07-15", Granularity::Quarter, "2019-Q3"),
            ("2019-01-01", Granularity::Quarter, "2019-Q1"),
            ("2019-12-31", Granularity::Quarter, "2019-Q4"),
            ("2019-07-15", Granularity::Month, "2019-07"),
        ];
        for (date, granularity, label) in cases {
            assert_eq!(Period::of(date.parse().unwrap(), granularity).to_string(), label);
        }
    }

    #[test]
    fn range_has_no_gaps() {
        let first = Period::of("2019-11-01".parse().unwrap(), Granularity::Month);
        let last = Period::of("2020-02-01".parse().unwrap(), Granularity::Month);
        let labels: Vec<_> = Period::range(first, last).iter().map(ToString::to_string).collect();
        assert_eq!(labels, ["2019-11", "2019-12", "2020-01", "2020-02"]);
    }
}
