//! Which organisation talks about which technology, and how: the company × technology matrix.
//! Each cell counts the organisation's talks mentioning the technology and its mentions by
//! stance, so "uses" can be told from "asked about".

use super::filter::Selection;
use crate::catalog::ToolId;
use crate::extract::Stance;
use crate::index::{Corpus, OrgKey};
use std::collections::BTreeMap;

/// Stances in the order of [`Cell::stances`].
pub const STANCES: [Stance; 5] = Stance::ALL;

/// One organisation × technology cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    /// Talks by the organisation mentioning the technology.
    pub talks: u32,
    /// Mentions by stance, in the order of [`STANCES`].
    pub stances: [u32; 5],
}

impl Cell {
    /// The stance that best summarises the cell: a use beats an evaluation beats a move away
    /// beats a question beats a plain mention, whenever any mention has it.
    pub fn dominant(&self) -> Stance {
        STANCES.iter().zip(self.stances).find(|(_, n)| *n > 0).map_or(Stance::Neutral, |(s, _)| *s)
    }
}

/// The matrix: organisations (rows) × technologies (columns).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    /// Rows: organisations with the most talks first.
    pub orgs: Vec<OrgKey>,
    /// Columns: technologies used by the most organisations first.
    pub tools: Vec<ToolId>,
    /// `cells[row][column]`; `None` where the organisation never mentions it.
    pub cells: Vec<Vec<Option<Cell>>>,
}

/// The matrix of `selection`, at most `max_orgs` rows and `max_tools` columns.
pub fn matrix(corpus: &Corpus, selection: &Selection, max_orgs: usize, max_tools: usize) -> Matrix {
    // A fast hash: one look-up per mentioned technology of every talk with an organisation.
    // Only counted from, never read in its order.
    let mut cells: foldhash::HashMap<(OrgKey, ToolId), Cell> = foldhash::HashMap::default();
    let mut org_talks: BTreeMap<OrgKey, u32> = BTreeMap::new();
    let mut talk_tools = Vec::new();
    for talk in selection.talk_indices() {
        let Some(orgs) = corpus.postings.talk_orgs.get(talk as usize).filter(|o| !o.is_empty()) else {
            continue;
        };
        selection.talk_tools(corpus, talk, &mut talk_tools);
        for &org in orgs {
            *org_talks.entry(org).or_default() += 1;
            for summary in &talk_tools {
                let cell = cells.entry((org, summary.tool)).or_default();
                cell.talks += 1;
                for (total, n) in cell.stances.iter_mut().zip(summary.stances) {
                    *total += n;
                }
            }
        }
    }
    let mut orgs: Vec<(OrgKey, u32)> = org_talks.into_iter().collect();
    orgs.sort_by_key(|&(o, n)| (std::cmp::Reverse(n), o));
    orgs.truncate(max_orgs);
    let mut tool_orgs: BTreeMap<ToolId, u32> = BTreeMap::new();
    let chosen: std::collections::BTreeSet<OrgKey> = orgs.iter().map(|(o, _)| *o).collect();
    for &(org, tool) in cells.keys() {
        if chosen.contains(&org) {
            *tool_orgs.entry(tool).or_default() += 1;
        }
    }
    let mut tools: Vec<(ToolId, u32)> = tool_orgs.into_iter().collect();
    tools.sort_by_key(|&(t, n)| (std::cmp::Reverse(n), t));
    tools.truncate(max_tools);
    let orgs: Vec<OrgKey> = orgs.into_iter().map(|(o, _)| o).collect();
    let tools: Vec<ToolId> = tools.into_iter().map(|(t, _)| t).collect();
    let cells = orgs.iter().map(|&o| tools.iter().map(|&t| cells.get(&(o, t)).copied()).collect()).collect();
    Matrix { orgs, tools, cells }
}
