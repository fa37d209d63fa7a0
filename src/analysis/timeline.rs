//! Adoption over time: per month, quarter or year, how many mentions and talks each technology
//! has, its share of all talks and within its category, how many organisations use it, and
//! whether it is rising, fading or bursting (see [`super::trend`] for the methods).

use super::filter::Selection;
use super::period::{Granularity, Period};
use super::trend::{self, MIN_TALKS, Trend};
use crate::catalog::{Category, ToolId};
use crate::index::Corpus;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a timeline plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Number of mentions.
    Mentions,
    /// Number of talks mentioning it (document frequency).
    Talks,
    /// Share of the period's talks that mention it.
    #[default]
    ShareOfTalks,
    /// Its talks as a share of the talks mentioning any technology of its category.
    ShareInCategory,
    /// Organisations using it (a `uses` mention outside questions), each counted once.
    Adopters,
}

impl Measure {
    /// All measures, in menu order.
    pub const ALL: [Self; 5] =
        [Self::Mentions, Self::Talks, Self::ShareOfTalks, Self::ShareInCategory, Self::Adopters];

    /// The kebab-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mentions => "mentions",
            Self::Talks => "talks",
            Self::ShareOfTalks => "share-of-talks",
            Self::ShareInCategory => "share-in-category",
            Self::Adopters => "adopters",
        }
    }
}

/// One technology over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The technology.
    pub tool: ToolId,
    /// Its category.
    pub category: Category,
    /// Mentions per period.
    pub mentions: Vec<u32>,
    /// Talks mentioning it per period.
    pub talks: Vec<u32>,
    /// Organisations using it per period.
    pub adopters: Vec<u32>,
    /// Date of the first and last talk mentioning it.
    pub first_seen: Option<Date>,
    /// Date of the last talk mentioning it.
    pub last_seen: Option<Date>,
    /// Direction over the most recent periods.
    pub trend: Trend,
    /// The z statistic behind `trend`.
    pub trend_z: f64,
    /// Periods (indices) that are bursts.
    pub bursts: Vec<usize>,
}

/// Every technology's series over the same periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// How time is cut.
    pub granularity: Granularity,
    /// The periods, oldest first, without gaps.
    pub periods: Vec<Period>,
    /// Selected dated talks per period.
    pub talks: Vec<u32>,
    /// Periods with fewer than [`MIN_TALKS`] talks: shown, but flagged as noisy.
    pub sparse: Vec<bool>,
    /// Per category: talks mentioning any of its technologies, per period.
    pub category_talks: BTreeMap<Category, Vec<u32>>,
    /// One series per technology with a mention, most talks first.
    pub series: Vec<Series>,
}

impl Timeline {
    /// The series of `tool`, if it has mentions.
    pub fn series_of(&self, tool: ToolId) -> Option<&Series> {
        self.series.iter().find(|s| s.tool == tool)
    }

    /// The values of `series` under `measure`, one per period.
    pub fn values(&self, series: &Series, measure: Measure) -> Vec<f64> {
        let ratio = |num: &[u32], den: &[u32]| -> Vec<f64> {
            num.iter()
                .zip(den)
                .map(|(&n, &d)| if d == 0 { 0.0 } else { f64::from(n) / f64::from(d) })
                .collect()
        };
        match measure {
            Measure::Mentions => series.mentions.iter().map(|&v| f64::from(v)).collect(),
            Measure::Talks => series.talks.iter().map(|&v| f64::from(v)).collect(),
            Measure::Adopters => series.adopters.iter().map(|&v| f64::from(v)).collect(),
            Measure::ShareOfTalks => ratio(&series.talks, &self.talks),
            Measure::ShareInCategory => {
                let empty = Vec::new();
                ratio(&series.talks, self.category_talks.get(&series.category).unwrap_or(&empty))
            }
        }
    }
}

/// Adds `by` to period `p`'s count (periods are found among the counters' own periods).
fn bump(counts: &mut [u32], p: usize, by: u32) {
    if let Some(count) = counts.get_mut(p) {
        *count += by;
    }
}

/// Per-technology counters while walking the talks.
struct Counter {
    mentions: Vec<u32>,
    talks: Vec<u32>,
    first: Option<Date>,
    last: Option<Date>,
}

/// Centred moving average over `half` periods on each side (fewer at the ends): what the
/// Timeline view and its export draw when smoothing is on. A period without a value (no talks
/// at all) stays without one and is left out of its neighbours' averages.
pub fn smooth(values: &[Option<f64>], half: usize) -> Vec<Option<f64>> {
    if half == 0 {
        return values.to_vec();
    }
    (0..values.len())
        .map(|i| {
            values.get(i).copied().flatten()?;
            let window =
                values.get(i.saturating_sub(half)..(i + half + 1).min(values.len())).unwrap_or_default();
            let known: Vec<f64> = window.iter().flatten().copied().collect();
            Some(known.iter().sum::<f64>() / known.len().max(1) as f64)
        })
        .collect()
}

/// The timeline of every technology in `selection` at `granularity`.
///
/// One pass over the selected mentions with counters indexed by technology (no maps on the hot
/// path): a filter change on a million mentions must stay within a frame's budget.
pub fn timeline(corpus: &Corpus, selection: &Selection, granularity: Granularity) -> Timeline {
    let dated: Vec<(u32, Date)> = selection
        .talk_indices()
        .filter_map(|t| corpus.talks.get(t as usize)?.talk.date.map(|d| (t, d)))
        .collect();
    let (Some(first), Some(last)) = (dated.iter().map(|d| d.1).min(), dated.iter().map(|d| d.1).max()) else {
        return Timeline {
            granularity,
            periods: Vec::new(),
            talks: Vec::new(),
            sparse: Vec::new(),
            category_talks: BTreeMap::new(),
            series: Vec::new(),
        };
    };
    let periods = Period::range(Period::of(first, granularity), Period::of(last, granularity));
    let n = periods.len();
    let tool_count = corpus.catalog.technologies().len();
    let categories: Vec<Category> = corpus.catalog.technologies().iter().map(|t| t.category).collect();
    let mut talks = vec![0u32; n];
    let mut category_talks: BTreeMap<Category, Vec<u32>> = BTreeMap::new();
    let mut counters: Vec<Option<Counter>> = (0..tool_count).map(|_| None).collect();
    let mut in_talk = Vec::new();
    let mut adopters: Vec<(usize, usize, u32)> = Vec::new();
    let mut talk_categories: Vec<Category> = Vec::new();
    let mut last_period = (Period::of(first, granularity), 0usize);
    for (talk, date) in dated {
        let period = Period::of(date, granularity);
        let p =
            if period == last_period.0 { last_period.1 } else { periods.binary_search(&period).unwrap_or(0) };
        last_period = (period, p);
        bump(&mut talks, p, 1);
        selection.talk_tools(corpus, talk, &mut in_talk);
        talk_categories.clear();
        for summary in &in_talk {
            let tool = summary.tool.0 as usize;
            let Some(slot) = counters.get_mut(tool) else { continue };
            let counter = slot.get_or_insert_with(|| Counter {
                mentions: vec![0; n],
                talks: vec![0; n],
                first: None,
                last: None,
            });
            bump(&mut counter.mentions, p, summary.mentions);
            bump(&mut counter.talks, p, 1);
            counter.first = Some(counter.first.map_or(date, |f| f.min(date)));
            counter.last = Some(counter.last.map_or(date, |l| l.max(date)));
            if summary.used
                && let Some(orgs) = corpus.postings.talk_orgs.get(talk as usize)
            {
                adopters.extend(orgs.iter().map(|k| (tool, p, k.0)));
            }
            if let Some(&category) = categories.get(tool)
                && !talk_categories.contains(&category)
            {
                talk_categories.push(category);
            }
        }
        for &category in &talk_categories {
            bump(category_talks.entry(category).or_insert_with(|| vec![0; n]), p, 1);
        }
    }
    adopters.sort_unstable();
    adopters.dedup();
    let mut adopter_counts: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (tool, p, _) in adopters {
        bump(adopter_counts.entry(tool).or_insert_with(|| vec![0; n]), p, 1);
    }
    let mut series: Vec<Series> = counters
        .into_iter()
        .enumerate()
        .filter_map(|(tool, c)| c.map(|c| (tool, c)))
        .map(|(tool, c)| {
            let (trend, trend_z) = trend::trend(&c.talks, &talks);
            Series {
                tool: ToolId(u32::try_from(tool).unwrap_or(u32::MAX)),
                category: categories.get(tool).copied().unwrap_or(Category::Other),
                bursts: trend::bursts(&c.talks, &talks),
                mentions: c.mentions,
                adopters: adopter_counts.remove(&tool).unwrap_or_else(|| vec![0; n]),
                talks: c.talks,
                first_seen: c.first,
                last_seen: c.last,
                trend,
                trend_z,
            }
        })
        .collect();
    series.sort_by_key(|s| (std::cmp::Reverse(s.talks.iter().sum::<u32>()), s.tool));
    let sparse = talks.iter().map(|&t| t < MIN_TALKS).collect();
    Timeline { granularity, periods, talks, sparse, category_talks, series }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smoothing_averages_a_centred_window() {
        type Values<'a> = &'a [Option<f64>];
        let cases: [(Values, usize, Values); 4] = [
            (&[Some(1.0), Some(2.0), Some(3.0)], 0, &[Some(1.0), Some(2.0), Some(3.0)]),
            (&[Some(0.0), Some(3.0), Some(0.0)], 1, &[Some(1.5), Some(1.0), Some(1.5)]),
            (&[], 2, &[]),
            // A period with no talks is a gap, not a zero: it stays empty and is not averaged in.
            (&[Some(2.0), None, Some(4.0)], 1, &[Some(2.0), None, Some(4.0)]),
        ];
        for (values, half, expected) in cases {
            assert_eq!(smooth(values, half), expected);
        }
    }
}
