//! An evidence-based technology radar. Every technology mentioned in at least [`MIN_TALKS`]
//! selected talks gets a quadrant (from its category) and a ring by this rule, checked in order:
//!
//! 1. **Hold** — talks saying it was moved away from are at least 2 and at least half the talks
//!    using it; or it is declining and used in fewer than 3 talks.
//! 2. **Adopt** — used (a `uses` mention outside questions) in at least 5 talks by at least 3
//!    organisations, and not declining.
//! 3. **Trial** — used in at least 2 talks.
//! 4. **Assess** — otherwise: discussed, asked about or evaluated, but hardly used yet.
//!
//! A blip is new when the technology was first seen in the last 365 days of the selection.
//! Each blip carries the counts and a sentence giving the reason.

use super::filter::Selection;
use super::timeline::Timeline;
use super::trend::Trend;
use crate::catalog::{Category, ToolId};
use crate::extract::Stance;
use crate::index::Corpus;
use crate::parse::Role;
use serde::Serialize;
use std::collections::BTreeSet;

/// Talks needed for a technology to be on the radar.
pub const MIN_TALKS: u32 = 2;

/// The radar's four quadrants, grouping the catalog's categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Quadrant {
    /// Where things run: orchestration, runtimes, clouds, serverless, operating systems.
    Platforms,
    /// What connects and keeps data: networking, mesh, gateways, storage, databases, queues.
    Infrastructure,
    /// What teams work with: CI/CD, registries, observability, security, packaging.
    Tools,
    /// What code is written in and with.
    LanguagesAndFrameworks,
}

impl Quadrant {
    /// All quadrants in drawing order.
    pub const ALL: [Self; 4] =
        [Self::Platforms, Self::Infrastructure, Self::Tools, Self::LanguagesAndFrameworks];

    /// The quadrant of a category.
    pub fn of(category: Category) -> Self {
        use Category::*;
        match category {
            Orchestration | ContainerRuntime | Cloud | Serverless | Os | SchedulingBatch => Self::Platforms,
            Networking | ServiceMesh | IngressGateway | Storage | Database | MessageQueue | Cache
            | ConfigDiscovery => Self::Infrastructure,
            Language | RpcFramework | BigDataAi => Self::LanguagesAndFrameworks,
            Logging | Monitoring | Tracing | CiCd | Registry | Security | PackageDeploy
            | ObservabilityOther | Other => Self::Tools,
        }
    }

    /// The name shown and exported.
    pub fn label(self) -> &'static str {
        match self {
            Self::Platforms => "Platforms",
            Self::Infrastructure => "Infrastructure",
            Self::Tools => "Tools",
            Self::LanguagesAndFrameworks => "Languages & Frameworks",
        }
    }
}

/// The radar's rings, from "use it" to "stop".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Ring {
    /// Widely used, not declining.
    Adopt,
    /// Used by some.
    Trial,
    /// Talked about, hardly used yet.
    Assess,
    /// Being left.
    Hold,
}

impl Ring {
    /// All rings, innermost first.
    pub const ALL: [Self; 4] = [Self::Adopt, Self::Trial, Self::Assess, Self::Hold];

    /// The name shown and exported.
    pub fn label(self) -> &'static str {
        match self {
            Self::Adopt => "Adopt",
            Self::Trial => "Trial",
            Self::Assess => "Assess",
            Self::Hold => "Hold",
        }
    }
}

/// One technology on the radar.
#[derive(Debug, Clone, PartialEq)]
pub struct Blip {
    /// The technology.
    pub tool: ToolId,
    /// Its quadrant.
    pub quadrant: Quadrant,
    /// Its ring.
    pub ring: Ring,
    /// First seen in the last year of the selection.
    pub is_new: bool,
    /// Talks mentioning it.
    pub talks: u32,
    /// Talks using it.
    pub uses: u32,
    /// Organisations using it.
    pub adopters: u32,
    /// Talks evaluating it.
    pub evaluating: u32,
    /// Talks moving away from it.
    pub moved_away: u32,
    /// Its trend over the timeline.
    pub trend: Trend,
    /// Why it is in its ring, in a sentence.
    pub reason: String,
}

/// Talks counted once each. Talks are visited in ascending order with all their mentions
/// together, so a talk is new exactly when it is not the last one counted: no set is needed.
#[derive(Default)]
struct TalkCount {
    n: u32,
    last: Option<u32>,
}

impl TalkCount {
    /// Counts `talk`; true when it was not counted yet.
    fn add(&mut self, talk: u32) -> bool {
        let new = self.last != Some(talk);
        if new {
            self.n += 1;
            self.last = Some(talk);
        }
        new
    }
}

#[derive(Default)]
struct Evidence {
    talks: TalkCount,
    uses: TalkCount,
    evaluating: TalkCount,
    moved_away: TalkCount,
    adopters: BTreeSet<u32>,
}

/// The radar of `selection`; `timeline` (of the same selection) gives trends and first dates.
pub fn radar(corpus: &Corpus, selection: &Selection, timeline: &Timeline) -> Vec<Blip> {
    // By technology id: every mention of every selected talk finds its technology's entry, and
    // a search tree's look-ups were most of the radar's time on large corpora.
    let mut evidence: Vec<Evidence> = Vec::new();
    evidence.resize_with(corpus.catalog.technologies().len(), Evidence::default);
    for talk in selection.talk_indices() {
        for m in selection.talk_mentions(corpus, talk) {
            let index = m.tool.0 as usize;
            if index >= evidence.len() {
                evidence.resize_with(index + 1, Evidence::default);
            }
            let Some(e) = evidence.get_mut(index) else { continue };
            e.talks.add(talk);
            let answered = m.role != Role::Question;
            match m.stance {
                Stance::Uses if answered => {
                    if e.uses.add(talk)
                        && let Some(orgs) = corpus.postings.talk_orgs.get(talk as usize)
                    {
                        e.adopters.extend(orgs.iter().map(|k| k.0));
                    }
                }
                Stance::Evaluating => {
                    e.evaluating.add(talk);
                }
                Stance::MovedAway => {
                    e.moved_away.add(talk);
                }
                _ => {}
            }
        }
    }
    let last_date = timeline.series.iter().filter_map(|s| s.last_seen).max();
    let mut blips: Vec<Blip> = evidence
        .into_iter()
        .enumerate()
        .filter(|(_, e)| e.talks.n >= MIN_TALKS)
        .map(|(index, e)| {
            let tool = ToolId(u32::try_from(index).unwrap_or(u32::MAX));
            let series = timeline.series_of(tool);
            let trend = series.map_or(Trend::Unknown, |s| s.trend);
            let is_new = match (series.and_then(|s| s.first_seen), last_date) {
                (Some(first), Some(last)) => last.since(first).is_ok_and(|span| span.get_days() <= 365),
                _ => false,
            };
            let category = corpus.catalog.tool(tool).map_or(Category::Other, |t| t.category);
            let (uses, adopters, moved_away) = (e.uses.n, count(&e.adopters), e.moved_away.n);
            let ring = ring(uses, adopters, moved_away, trend);
            Blip {
                tool,
                quadrant: Quadrant::of(category),
                ring,
                is_new,
                talks: e.talks.n,
                uses,
                adopters,
                evaluating: e.evaluating.n,
                moved_away,
                trend,
                reason: reason(ring, uses, adopters, e.evaluating.n, moved_away, trend),
            }
        })
        .collect();
    blips.sort_by_key(|b| (b.quadrant, b.ring, std::cmp::Reverse(b.uses), b.tool));
    blips
}

fn count<T>(set: &BTreeSet<T>) -> u32 {
    u32::try_from(set.len()).unwrap_or(u32::MAX)
}

/// The ring rule of the module documentation.
pub fn ring(uses: u32, adopters: u32, moved_away: u32, trend: Trend) -> Ring {
    if (moved_away >= 2 && moved_away * 2 >= uses) || (trend == Trend::Declining && uses < 3) {
        Ring::Hold
    } else if uses >= 5 && adopters >= 3 && trend != Trend::Declining {
        Ring::Adopt
    } else if uses >= 2 {
        Ring::Trial
    } else {
        Ring::Assess
    }
}

fn reason(ring: Ring, uses: u32, adopters: u32, evaluating: u32, moved_away: u32, trend: Trend) -> String {
    let trend_text = match trend {
        Trend::Rising => ", rising",
        Trend::Declining => ", declining",
        Trend::Steady => ", steady",
        Trend::Unknown => "",
    };
    let base = format!(
        "used in {} by {}, evaluated in {evaluating}, moved away from in {moved_away}{trend_text}",
        plural(uses, "talk"),
        plural(adopters, "organisation")
    );
    let why = match ring {
        Ring::Hold => "more teams are leaving it than adopting it",
        Ring::Adopt => "broadly used and not declining",
        Ring::Trial => "used by some teams",
        Ring::Assess => "discussed, but hardly used yet",
    };
    format!("{}: {base}", capitalise(why))
}

fn plural(n: u32, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_rule_cases() {
        let cases = [
            (10, 5, 0, Trend::Rising, Ring::Adopt),
            (10, 5, 0, Trend::Declining, Ring::Trial),
            (10, 2, 0, Trend::Steady, Ring::Trial),
            (4, 4, 0, Trend::Steady, Ring::Trial),
            (1, 1, 0, Trend::Steady, Ring::Assess),
            (0, 0, 0, Trend::Unknown, Ring::Assess),
            (4, 3, 2, Trend::Steady, Ring::Hold),
            (1, 1, 0, Trend::Declining, Ring::Hold),
            (10, 5, 2, Trend::Steady, Ring::Adopt),
        ];
        for (uses, adopters, moved, trend, expected) in cases {
            assert_eq!(ring(uses, adopters, moved, trend), expected, "{uses} {adopters} {moved} {trend:?}");
        }
    }
}
