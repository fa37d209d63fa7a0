//! Dates as people write them in notes: `2020-06-02`, `2018/06/11`, `2020年07月01日`,
//! `June 3, 2021`, `3 June 2021`. Each date found keeps where it came from, because a date read
//! from a heading is a fact while one found in running text is only a guess.

use jiff::civil::Date;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// Where a talk's date came from, from most to least trustworthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// The talk's own heading (`### 2020-06-02：title`).
    Heading,
    /// The file's front matter (`date:`).
    FrontMatter,
    /// The file name (`2019-12-04-notes.md`).
    FileName,
    /// A date written in the text, taken as the talk's date: a guess, shown as such.
    Inferred,
    /// No date anywhere: the talk is undated.
    None,
}

impl DateSource {
    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Heading => "heading",
            Self::FrontMatter => "front-matter",
            Self::FileName => "file-name",
            Self::Inferred => "inferred",
            Self::None => "none",
        }
    }
}

/// Years outside this range are taken as typos or placeholders, not as dates of a talk.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i16> = 1970..=2099;

/// Why a written date was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Month or day out of range for that month (`2020-02-30`, `0000-00-00`).
    #[error("{0} is not a real date")]
    Impossible(String),
    /// A real date, but not a plausible date of a talk (`9999-01-01`).
    #[error("{0} is outside the years {start}–{end}", start = PLAUSIBLE_YEARS.start(), end = PLAUSIBLE_YEARS.end())]
    Implausible(String),
}

/// Compiles a regular expression written in this crate's source.
///
/// Every pattern passed here is a string literal exercised by the tests of its module, so a
/// failure is a programming error caught before release, never something input can cause.
#[allow(clippy::expect_used)]
pub(crate) fn literal_regex(pattern: &'static str) -> Regex {
    Regex::new(pattern).expect("literal regex compiles (covered by tests)")
}

/// A numeric date `2020-06-02`, `2020/6/2`, `2020.06.02` or `2020年6月2日`, in ASCII or
/// full-width digits (`２０２０年６月２日`; other scripts' digits are not read). Matches inside a
/// longer number are dropped by [`dates_in`] (the regex crate has no look-around).
macro_rules! numeric {
    () => {
        r"([0-9０-９]{4})\s*(?:[-/.]\s*([0-9０-９]{1,2})\s*[-/.]\s*([0-9０-９]{1,2})|年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*[日号號]?)"
    };
}

/// `June 3, 2021`, `Jun. 3 2021`.
macro_rules! month_day_year {
    () => {
        r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?-u:\b)"
    };
}

/// `3 June 2021`.
macro_rules! day_month_year {
    () => {
        r"(?i)(?-u:\b)(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?-u:\b)"
    };
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| literal_regex(numeric!()));
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| literal_regex(month_day_year!()));
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| literal_regex(day_month_year!()));

/// The same three, matched only at the start of a text: a heading is asked whether it starts
/// with a date, and searching all of it three times (with captures) for dates anywhere, to keep
/// the first, was a sixth of segmenting a collection of dated talks.
static NUMERIC_AT_START: LazyLock<Regex> = LazyLock::new(|| literal_regex(concat!("^(?:", numeric!(), ")")));
static MONTH_DAY_YEAR_AT_START: LazyLock<Regex> =
    LazyLock::new(|| literal_regex(concat!("^(?:", month_day_year!(), ")")));
static DAY_MONTH_YEAR_AT_START: LazyLock<Regex> =
    LazyLock::new(|| literal_regex(concat!("^(?:", day_month_year!(), ")")));

/// Builds a date from its parts, checking that it exists and is plausible.
pub fn checked_date(year: i64, month: i64, day: i64) -> Result<Date, DateError> {
    let written = format!("{year:04}-{month:02}-{day:02}");
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(year), i8::try_from(month), i8::try_from(day)) else {
        return Err(DateError::Impossible(written));
    };
    let date = Date::new(y, m, d).map_err(|_| DateError::Impossible(written.clone()))?;
    if PLAUSIBLE_YEARS.contains(&y) { Ok(date) } else { Err(DateError::Implausible(written)) }
}

fn month_number(name: &str) -> i64 {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let prefix: String = name.chars().take(3).collect::<String>().to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == prefix).map_or(0, |i| i as i64 + 1)
}

/// The value of a run of digits, ASCII or full-width (`２０２０`, common in Chinese text).
fn number(m: Option<regex::Match<'_>>) -> i64 {
    m.map_or(0, |m| m.as_str().chars().filter_map(digit_value).fold(0, |n, d| n * 10 + i64::from(d)))
}

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| u32::from(c).checked_sub(u32::from('０')).filter(|&d| d < 10))
}

/// A date found in text: the date (or why it is not one) and its byte range.
pub type Found = (Result<Date, DateError>, std::ops::Range<usize>);

/// Every date written in `text`, in order of position.
pub fn dates_in(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> =
        NUMERIC.captures_iter(text).filter_map(|caps| numeric_date(text, &caps)).collect();
    found.extend(MONTH_DAY_YEAR.captures_iter(text).filter_map(|caps| month_day_year_date(&caps)));
    found.extend(DAY_MONTH_YEAR.captures_iter(text).filter_map(|caps| day_month_year_date(&caps)));
    found.sort_by_key(|(_, range)| range.start);
    found
}

/// The date of a match of [`NUMERIC`] in `text`, unless it lies inside a longer number.
fn numeric_date(text: &str, caps: &regex::Captures<'_>) -> Option<Found> {
    let year = caps.get(1)?;
    let (month, day) = match caps.get(2) {
        Some(_) => (number(caps.get(2)), number(caps.get(3))),
        None => (number(caps.get(4)), number(caps.get(5))),
    };
    let end = caps.get(0).map_or(year.end(), |m| m.end());
    let digit_before =
        text.get(..year.start()).unwrap_or_default().chars().next_back().and_then(digit_value).is_some();
    let digit_after = text.get(end..).unwrap_or_default().chars().next().and_then(digit_value).is_some();
    (!digit_before && !digit_after).then(|| (checked_date(number(Some(year)), month, day), year.start()..end))
}

/// The date of a match of [`MONTH_DAY_YEAR`].
fn month_day_year_date(caps: &regex::Captures<'_>) -> Option<Found> {
    let (all, month) = (caps.get(0)?, caps.get(1)?);
    Some((checked_date(number(caps.get(3)), month_number(month.as_str()), number(caps.get(2))), all.range()))
}

/// The date of a match of [`DAY_MONTH_YEAR`].
fn day_month_year_date(caps: &regex::Captures<'_>) -> Option<Found> {
    let (all, month) = (caps.get(0)?, caps.get(2)?);
    Some((checked_date(number(caps.get(3)), month_number(month.as_str()), number(caps.get(1))), all.range()))
}

/// The first real, plausible date written in `text`, with its byte offset.
///
/// Looks at growing prefixes of the text, so that a long note whose date is near the top costs
/// little however long it is.
pub fn first_date_in(text: &str) -> Option<(Date, usize)> {
    let mut window = 4096;
    loop {
        let end = floor_char_boundary(text, window);
        // A date cut by the window edge is found again in the next, larger window.
        let safe_end =
            if end == text.len() { end } else { floor_char_boundary(text, end.saturating_sub(64)) };
        let found = dates_in(text.get(..end).unwrap_or_default())
            .into_iter()
            .filter(|(_, range)| range.end <= safe_end)
            .find_map(|(date, range)| date.ok().map(|d| (d, range.start)));
        if found.is_some() || end == text.len() {
            return found;
        }
        window = window.saturating_mul(4);
    }
}

/// The largest index ≤ `index` that is a character boundary of `text`.
fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    (0..=index).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// A date at the very start of `text` (after spaces), as in a heading `2020-06-02：title`;
/// returns the date (or why it is not one) and the byte length it spans.
pub fn leading_date(text: &str) -> Option<(Result<Date, DateError>, usize)> {
    let trimmed = text.trim_start();
    let offset = text.len() - trimmed.len();
    // What [`dates_in`] would list first, if it starts the text: a numeric date before the
    // others (it is listed first), and no two kinds can both start a text (a numeric date
    // starts with four digits, a day with at most two, a month with a letter).
    let (date, range) = (NUMERIC_AT_START.captures(trimmed).and_then(|caps| numeric_date(trimmed, &caps)))
        .or_else(|| MONTH_DAY_YEAR_AT_START.captures(trimmed).and_then(|caps| month_day_year_date(&caps)))
        .or_else(|| DAY_MONTH_YEAR_AT_START.captures(trimmed).and_then(|caps| day_month_year_date(&caps)))?;
    Some((date, offset + range.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width digits were matched (`\d` is any Unicode digit) but read as zero, so
    /// `２０２０-06-02` became the implausible `0000-06-02` and its talk lost its date.
    #[test]
    fn full_width_digits_are_read_as_digits() {
        let date = |y, m, d| Ok(Date::new(y, m, d).unwrap());
        #[rustfmt::skip]
        let cases: &[(&str, Option<Result<Date, DateError>>)] = &[
            ("２０２０-０６-０２ 分享", Some(date(2020, 6, 2))),
            ("２０２０年６月２日", Some(date(2020, 6, 2))),
            ("2020-０６-02", Some(date(2020, 6, 2))),
            ("June 3, 2021", Some(date(2021, 6, 3))),
            ("2019-12-04", Some(date(2019, 12, 4))),
            ("１２０２０-01-01", None),
            ("2020-01-01１", None),
            ("٢٠٢٠-06-02", None),
            ("２０２０-０２-３０", Some(Err(DateError::Impossible("2020-02-30".to_owned())))),
        ];
        for (text, want) in cases {
            assert_eq!(dates_in(text).into_iter().next().map(|(d, _)| d), *want, "{text}");
        }
    }

    /// `leading_date` matches at the start only; it must answer as its definition does: the
    /// first date `dates_in` lists, if that starts the text (after spaces).
    #[test]
    fn a_leading_date_is_the_first_date_listed_when_it_starts_the_text() {
        let reference = |text: &str| {
            let trimmed = text.trim_start();
            let offset = text.len() - trimmed.len();
            let (date, range) = dates_in(trimmed).into_iter().next()?;
            (range.start == 0).then_some((date, offset + range.end))
        };
        #[rustfmt::skip]
        let headings = [
            "2020-06-02 某公司的 Kubernetes 实践", "  2020/6/2：标题", "２０２０年６月２日 标题",
            "2020年6月2日号外", "2020-06-021 not a date", "12020-06-02 inside a number",
            "2020-13-02 impossible", "1899-01-01 implausible", "June 3, 2021 talk", "Jun. 3 2021",
            "3 June 2021 talk", "3rd Sept, 2021", "Talk on June 3, 2021", "标题 2020-06-02",
            "", "   ", "2020", "20200602", "3 June 20211", "junk 3 June 2021", "Q&A 2020-06-02",
            "2020-06-02 and 2021-01-01", "12 2020-06-02", "ſept 3 2021", "٣ June 2021",
        ];
        for heading in headings {
            assert_eq!(leading_date(heading), reference(heading), "{heading:?}");
        }
    }
}
