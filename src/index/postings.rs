//! Lookup tables over the snapshot, built once with it so that every analysis under every filter
//! is a cheap walk: which mentions belong to each talk, which talks mention each technology, and
//! organisations interned as small numbers, and each talk's mentions summarised per technology
//! (a talk names a technology about three times on average, so analyses that only need "which
//! technologies, how often, with what stance" walk a third of the entries).

use crate::catalog::{Catalog, ToolId};
use crate::extract::{Mention, Stance};
use crate::parse::Role;
use std::collections::BTreeMap;
use std::ops::Range;

/// Index of an organisation in [`Postings::org_names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgKey(pub u32);

/// One technology in one talk: that talk's mentions of it, summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TalkTool {
    /// The technology.
    pub tool: ToolId,
    /// How many mentions.
    pub mentions: u32,
    /// Mentions by stance, in the order of [`Stance::ALL`].
    pub stances: [u32; 5],
    /// Whether one of them says the speaker uses it outside a question (an adoption).
    pub used: bool,
}

impl TalkTool {
    /// An empty summary of `tool`.
    pub fn new(tool: ToolId) -> Self {
        Self { tool, mentions: 0, stances: [0; 5], used: false }
    }

    /// Counts `mention` (of the same technology) in.
    pub fn add(&mut self, mention: &Mention) {
        self.mentions += 1;
        if let Some(n) = self.stances.get_mut(mention.stance.index()) {
            *n += 1;
        }
        self.used |= mention.stance == Stance::Uses && mention.role != Role::Question;
    }
}

/// Adds `mention` to the summary of its technology in `summaries` (one talk's, in order of first
/// mention), creating it when it is the first.
pub fn summarise(summaries: &mut Vec<TalkTool>, mention: &Mention) {
    match summaries.iter_mut().find(|s| s.tool == mention.tool) {
        Some(summary) => summary.add(mention),
        None => {
            let mut summary = TalkTool::new(mention.tool);
            summary.add(mention);
            summaries.push(summary);
        }
    }
}

/// Postings of one snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Postings {
    /// Every organisation that gave a talk, by the catalog's name when it knows the
    /// organisation and as written otherwise; sorted.
    pub org_names: Vec<String>,
    /// Per talk: its organisations.
    pub talk_orgs: Vec<Vec<OrgKey>>,
    /// Per talk: the range of its mentions in the snapshot's mention list.
    pub talk_mentions: Vec<Range<u32>>,
    /// Per technology (by `ToolId`): the talks mentioning it, ascending.
    pub tool_talks: Vec<Vec<u32>>,
    /// Per talk: its mentions summarised per technology, in order of first mention; the
    /// talk's entries are `talk_tools[talk_tool_ranges[talk]]`.
    pub talk_tools: Vec<TalkTool>,
    /// Per talk: the range of its entries in `talk_tools`.
    pub talk_tool_ranges: Vec<Range<u32>>,
}

impl Postings {
    /// Builds the postings of `talk_count` talks whose organisations are `talk_orgs` (as
    /// (catalog entry, name as written)) and whose mentions, sorted by talk, are `mentions`.
    pub fn build<'a>(
        catalog: &Catalog,
        talk_orgs: impl Iterator<Item = Vec<(Option<crate::catalog::OrgId>, &'a str)>>,
        talk_count: usize,
        mentions: &[Mention],
    ) -> Self {
        let named: Vec<Vec<String>> = talk_orgs
            .map(|orgs| {
                orgs.into_iter()
                    .map(|(id, name)| {
                        id.and_then(|id| catalog.org(id)).map_or(name, |o| o.name.as_str()).to_owned()
                    })
                    .collect()
            })
            .collect();
        let mut keys: BTreeMap<&str, OrgKey> =
            named.iter().flatten().map(|n| (n.as_str(), OrgKey(0))).collect();
        for (i, key) in keys.values_mut().enumerate() {
            *key = OrgKey(u32::try_from(i).unwrap_or(u32::MAX));
        }
        let talk_orgs: Vec<Vec<OrgKey>> = named
            .iter()
            .map(|names| {
                let mut k: Vec<OrgKey> = names.iter().filter_map(|n| keys.get(n.as_str()).copied()).collect();
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        let org_names = keys.keys().map(|k| (*k).to_owned()).collect();
        let mut talk_mentions = vec![0..0; talk_count];
        let mut tool_talks = vec![Vec::new(); catalog.technologies().len()];
        let mut talk_tools = Vec::new();
        let mut talk_tool_ranges = vec![0..0; talk_count];
        let mut summaries = Vec::new();
        let mut start = 0usize;
        while let Some(first) = mentions.get(start) {
            let talk = first.talk;
            let end = start
                + mentions.get(start..).unwrap_or_default().iter().take_while(|m| m.talk == talk).count();
            if let Some(slot) = talk_mentions.get_mut(talk as usize) {
                *slot = to_u32(start)..to_u32(end);
            }
            summaries.clear();
            for m in mentions.get(start..end).unwrap_or_default() {
                if let Some(list) = tool_talks.get_mut(m.tool.0 as usize)
                    && list.last() != Some(&talk)
                {
                    list.push(talk);
                }
                summarise(&mut summaries, m);
            }
            if let Some(slot) = talk_tool_ranges.get_mut(talk as usize) {
                *slot = to_u32(talk_tools.len())..to_u32(talk_tools.len() + summaries.len());
            }
            talk_tools.extend_from_slice(&summaries);
            start = end;
        }
        Self { org_names, talk_orgs, talk_mentions, tool_talks, talk_tools, talk_tool_ranges }
    }

    /// The name of an organisation key.
    pub fn org_name(&self, key: OrgKey) -> &str {
        self.org_names.get(key.0 as usize).map_or("", String::as_str)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
