//! Adoption over time: per month, quarter or year, how many mentions and talks each technology
//! has, its share of all talks and within its category, how many organisations use it, and
//! whether it is rising, fading or bursting (see [`super::trend`] for the methods).

use super::filter::Selection;
use super::period::{Granularity, Period};
use super::trend::{self, MIN_TALKS, Trend};
use crate::catalog::{Category, ToolId};
use crate::extract::Stance;
use crate::index::Corpus;
use crate::parse::Role;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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

/// Per-technology counters while walking the talks.
struct Counter {
    mentions: Vec<u32>,
    talks: Vec<u32>,
    adopters: Vec<BTreeSet<u32>>,
    first: Option<Date>,
    last: Option<Date>,
}

/// The timeline of every technology in `selection` at `granularity`.
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
    let index_of = |date: Date| periods.binary_search(&Period::of(date, granularity)).unwrap_or(0);
    let n = periods.len();
    let mut talks = vec![0u32; n];
    let mut category_talks: BTreeMap<Category, Vec<u32>> = BTreeMap::new();
    let mut counters: BTreeMap<ToolId, Counter> = BTreeMap::new();
    let mut in_talk: Vec<(ToolId, bool)> = Vec::new();
    for (talk, date) in dated {
        let p = index_of(date);
        talks[p] += 1;
        in_talk.clear();
        for mention in selection.talk_mentions(corpus, talk) {
            let counter = counters.entry(mention.tool).or_insert_with(|| Counter {
                mentions: vec![0; n],
                talks: vec![0; n],
                adopters: vec![BTreeSet::new(); n],
                first: None,
                last: None,
            });
            counter.mentions[p] += 1;
            let uses = mention.stance == Stance::Uses && mention.role != Role::Question;
            match in_talk.iter_mut().find(|(t, _)| *t == mention.tool) {
                Some(entry) => entry.1 |= uses,
                None => in_talk.push((mention.tool, uses)),
            }
        }
        let mut categories = BTreeSet::new();
        for &(tool, uses) in &in_talk {
            let Some(counter) = counters.get_mut(&tool) else { continue };
            counter.talks[p] += 1;
            counter.first = Some(counter.first.map_or(date, |f| f.min(date)));
            counter.last = Some(counter.last.map_or(date, |l| l.max(date)));
            if uses && let Some(orgs) = corpus.postings.talk_orgs.get(talk as usize) {
                counter.adopters[p].extend(orgs.iter().map(|k| k.0));
            }
            if let Some(tech) = corpus.catalog.tool(tool) {
                categories.insert(tech.category);
            }
        }
        for category in categories {
            category_talks.entry(category).or_insert_with(|| vec![0; n])[p] += 1;
        }
    }
    let mut series: Vec<Series> = counters
        .into_iter()
        .map(|(tool, c)| {
            let (trend, trend_z) = trend::trend(&c.talks, &talks);
            Series {
                tool,
                category: corpus.catalog.tool(tool).map_or(Category::Other, |t| t.category),
                bursts: trend::bursts(&c.talks, &talks),
                mentions: c.mentions,
                adopters: c.adopters.iter().map(|s| u32::try_from(s.len()).unwrap_or(u32::MAX)).collect(),
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
