//! Lookup tables over the snapshot, built once with it so that every analysis under every filter
//! is a cheap walk: which mentions belong to each talk, which talks mention each technology, and
//! organisations interned as small numbers, and each talk's mentions summarised per technology
//! (a talk names a technology about three times on average, so analyses that only need "which
//! technologies, how often, with what stance" walk a third of the entries).

use crate::catalog::{Catalog, ToolId};
use crate::extract::{Mention, Stance};
use crate::parse::Role;
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
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
        catalog: &'a Catalog,
        talk_orgs: impl Iterator<Item = Vec<(Option<crate::catalog::OrgId>, &'a str)>>,
        talk_count: usize,
        mentions: &[Mention],
    ) -> Self {
        Self::build_in_pieces(catalog, talk_orgs, talk_count, mentions, PIECE_MENTIONS)
    }

    /// [`Self::build`], summarising about `piece_mentions` mentions at a time in parallel.
    fn build_in_pieces<'a>(
        catalog: &'a Catalog,
        talk_orgs: impl Iterator<Item = Vec<(Option<crate::catalog::OrgId>, &'a str)>>,
        talk_count: usize,
        mentions: &[Mention],
        piece_mentions: usize,
    ) -> Self {
        let (org_names, talk_orgs) = intern_orgs(catalog, talk_orgs);
        // Each piece of the mentions starts at a talk's first: summarised side by side, then
        // laid end to end in order, they are what one pass over all the mentions would give.
        let pieces: Vec<Piece> = pieces_at_talks(mentions, piece_mentions)
            .into_par_iter()
            .map(|r| Piece::summarise(mentions, r))
            .collect();
        let mut talk_mentions = vec![0..0; talk_count];
        let mut tool_talks = vec![Vec::new(); catalog.technologies().len()];
        let mut talk_tools = Vec::with_capacity(pieces.iter().map(|p| p.tools.len()).sum());
        let mut talk_tool_ranges = vec![0..0; talk_count];
        for piece in pieces {
            let mut tools = piece.tools.as_slice();
            for &(talk, ref mentions, tool_count) in &piece.talks {
                let (own, rest) = tools.split_at(tools.len().min(tool_count as usize));
                tools = rest;
                if let Some(slot) = talk_mentions.get_mut(talk as usize) {
                    *slot = mentions.clone();
                }
                if let Some(slot) = talk_tool_ranges.get_mut(talk as usize) {
                    *slot = to_u32(talk_tools.len())..to_u32(talk_tools.len() + own.len());
                }
                for summary in own {
                    if let Some(list) = tool_talks.get_mut(summary.tool.0 as usize) {
                        list.push(talk);
                    }
                }
                talk_tools.extend_from_slice(own);
            }
        }
        Self { org_names, talk_orgs, talk_mentions, tool_talks, talk_tools, talk_tool_ranges }
    }

    /// The name of an organisation key.
    pub fn org_name(&self, key: OrgKey) -> &str {
        self.org_names.get(key.0 as usize).map_or("", String::as_str)
    }
}

/// Mentions summarised at a time by one core in [`Postings::build`]: enough that the pieces
/// cost little to hand out, few enough that both cores get several.
const PIECE_MENTIONS: usize = 1 << 16;

/// The organisations' names interned, sorted: the names, and per talk its keys (sorted, each
/// once). A name is the catalog's for an organisation it knows, and as written otherwise.
fn intern_orgs<'a>(
    catalog: &'a Catalog,
    talk_orgs: impl Iterator<Item = Vec<(Option<crate::catalog::OrgId>, &'a str)>>,
) -> (Vec<String>, Vec<Vec<OrgKey>>) {
    let named: Vec<Vec<&str>> = talk_orgs
        .map(|orgs| {
            orgs.into_iter()
                .map(|(id, name)| id.and_then(|id| catalog.org(id)).map_or(name, |o| o.name.as_str()))
                .collect()
        })
        .collect();
    let mut names: Vec<&str> =
        named.iter().flatten().copied().collect::<HashSet<&str>>().into_iter().collect();
    names.sort_unstable();
    let keys: HashMap<&str, OrgKey> =
        names.iter().enumerate().map(|(i, name)| (*name, OrgKey(to_u32(i)))).collect();
    let talk_orgs = named
        .par_iter()
        .map(|names| {
            let mut k: Vec<OrgKey> = names.iter().filter_map(|n| keys.get(n).copied()).collect();
            k.sort_unstable();
            k.dedup();
            k
        })
        .collect();
    (names.into_iter().map(str::to_owned).collect(), talk_orgs)
}

/// `mentions` (sorted by talk) cut into ranges of about `piece_mentions`, each starting at a
/// talk's first mention (a talk with more is a piece alone).
fn pieces_at_talks(mentions: &[Mention], piece_mentions: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start.saturating_add(piece_mentions.max(1)).min(mentions.len());
        // On to the end of the talk the cut falls in.
        if let Some(last) = end.checked_sub(1).and_then(|i| mentions.get(i)) {
            end += mentions.get(end..).unwrap_or_default().iter().take_while(|m| m.talk == last.talk).count();
        }
        pieces.push(start..end);
        start = end;
    }
    pieces
}

/// The talks of a run of mentions, summarised.
struct Piece {
    /// Per run of one talk's mentions, in order: the talk, its mentions' range, and how many
    /// of `tools` are its own.
    talks: Vec<(u32, Range<u32>, u32)>,
    /// The talks' mentions summarised per technology, talk after talk.
    tools: Vec<TalkTool>,
}

impl Piece {
    fn summarise(mentions: &[Mention], range: Range<usize>) -> Self {
        let mut piece = Self { talks: Vec::new(), tools: Vec::new() };
        let mut start = range.start;
        let mut summaries = Vec::new();
        while let Some(first) = mentions.get(start).filter(|_| start < range.end) {
            let talk = first.talk;
            let run = mentions.get(start..range.end).unwrap_or_default();
            let end = start + run.iter().take_while(|m| m.talk == talk).count();
            summaries.clear();
            for m in mentions.get(start..end).unwrap_or_default() {
                summarise(&mut summaries, m);
            }
            piece.talks.push((talk, to_u32(start)..to_u32(end), to_u32(summaries.len())));
            piece.tools.extend_from_slice(&summaries);
            start = end;
        }
        piece
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)] // tests index freely
mod tests {
    use super::*;
    use crate::catalog::OrgId;

    /// The postings as one pass over the mentions builds them: what the pieces must add up to.
    fn one_pass(catalog: &Catalog, orgs: &[Vec<(Option<OrgId>, &str)>], mentions: &[Mention]) -> Postings {
        let named: Vec<Vec<&str>> = orgs
            .iter()
            .map(|o| {
                o.iter()
                    .map(|&(id, n)| id.and_then(|id| catalog.org(id)).map_or(n, |o| o.name.as_str()))
                    .collect()
            })
            .collect();
        let org_names: Vec<String> = named
            .iter()
            .flatten()
            .map(|n| n.to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let key = |n: &str| OrgKey(org_names.iter().position(|o| o == n).unwrap_or(0) as u32);
        let talk_orgs = named
            .iter()
            .map(|names| {
                let mut k: Vec<OrgKey> = names.iter().map(|n| key(n)).collect();
                k.sort_unstable();
                k.dedup();
                k
            })
            .collect();
        let talks = orgs.len();
        let mut p = Postings {
            org_names: org_names.clone(),
            talk_orgs,
            talk_mentions: vec![0..0; talks],
            tool_talks: vec![Vec::new(); catalog.technologies().len()],
            talk_tools: Vec::new(),
            talk_tool_ranges: vec![0..0; talks],
        };
        let mut i = 0;
        while i < mentions.len() {
            let talk = mentions[i].talk;
            let end = i + mentions[i..].iter().take_while(|m| m.talk == talk).count();
            p.talk_mentions[talk as usize] = i as u32..end as u32;
            let first = p.talk_tools.len();
            let mut summaries = Vec::new();
            for m in &mentions[i..end] {
                summarise(&mut summaries, m);
                if p.tool_talks[m.tool.0 as usize].last() != Some(&talk) {
                    p.tool_talks[m.tool.0 as usize].push(talk);
                }
            }
            p.talk_tools.extend(summaries);
            p.talk_tool_ranges[talk as usize] = first as u32..p.talk_tools.len() as u32;
            i = end;
        }
        p
    }

    #[test]
    fn postings_built_in_pieces_match_one_pass() {
        let (catalog, _) = Catalog::embedded();
        let tools = catalog.technologies().len() as u64;
        let orgs_known = catalog.organisations().len() as u64;
        // A seeded generator: the same mentions on every run.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n.max(1)
        };
        let talks = 300;
        let names = ["甲公司", "Acme", "乙", "Acme"];
        let orgs: Vec<Vec<(Option<OrgId>, &str)>> = (0..talks)
            .map(|_| {
                (0..next(3))
                    .map(|_| match next(3) {
                        0 => (Some(OrgId(next(orgs_known) as u32)), "as written"),
                        _ => (None, names[next(names.len() as u64) as usize]),
                    })
                    .collect()
            })
            .collect();
        let mut mentions = Vec::new();
        for talk in 0..talks as u32 {
            // Some talks mention nothing, some a lot, a few technologies over and over.
            for _ in 0..[0, 1, 4, 40][next(4) as usize] {
                mentions.push(Mention {
                    talk,
                    passage: 0,
                    tool: ToolId(next(tools.min(12)) as u32 * 7 % tools as u32),
                    role: [Role::Title, Role::Question, Role::Answer, Role::Body][next(4) as usize],
                    qa_index: None,
                    start: 0,
                    end: 0,
                    line: 1,
                    stance: Stance::ALL[next(5) as usize],
                });
            }
        }
        let expected = one_pass(&catalog, &orgs, &mentions);
        for piece in [1, 2, 3, 7, 64, 1_000, usize::MAX] {
            let built = Postings::build_in_pieces(&catalog, orgs.iter().cloned(), talks, &mentions, piece);
            assert!(built == expected, "pieces of {piece} mentions");
        }
        let none = Postings::build_in_pieces(&catalog, std::iter::empty(), 0, &[], 5);
        assert_eq!(none, Postings { tool_talks: vec![Vec::new(); tools as usize], ..Postings::default() });
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // a list of pieces that happens to hold one
    fn pieces_start_at_a_talks_first_mention() {
        let at = |talks: &[u32]| -> Vec<Mention> {
            talks
                .iter()
                .map(|&talk| Mention {
                    talk,
                    passage: 0,
                    tool: ToolId(0),
                    role: Role::Body,
                    qa_index: None,
                    start: 0,
                    end: 0,
                    line: 1,
                    stance: Stance::Neutral,
                })
                .collect()
        };
        type Case = (&'static [u32], usize, &'static [Range<usize>]);
        let cases: &[Case] = &[
            (&[], 3, &[]),
            (&[0, 0, 1, 1], 2, &[0..2, 2..4]),
            (&[0, 0, 0, 1], 2, &[0..3, 3..4]),
            (&[0, 1, 2], 0, &[0..1, 1..2, 2..3]),
            (&[5, 5, 5], 1, &[0..3]),
            (&[0, 1, 1, 1, 2], usize::MAX, &[0..5]),
        ];
        for &(talks, size, expected) in cases {
            assert_eq!(pieces_at_talks(&at(talks), size), expected, "{talks:?} by {size}");
        }
    }
}
