//! Two to five technologies side by side: what each is mentioned with, who talks about it, and
//! the strongest evidence for each. Their trends come from the timeline of the same selection.

use super::evidence::{self, Item, Query};
use super::filter::Selection;
use crate::catalog::ToolId;
use crate::index::{Corpus, OrgKey};
use std::collections::BTreeMap;

/// How many co-mentioned technologies, organisations and examples each column lists.
pub const TOP: usize = 8;

/// One column of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The technology.
    pub tool: ToolId,
    /// Talks mentioning it.
    pub talks: u32,
    /// Technologies most often mentioned in the same talks, with those talks.
    pub co_mentioned: Vec<(ToolId, u32)>,
    /// Organisations whose talks mention it, with those talks.
    pub orgs: Vec<(OrgKey, u32)>,
    /// The strongest supporting passages.
    pub examples: Vec<Item>,
}

/// Compares `tools` (2–5 expected; any number works) within `selection`.
pub fn compare(corpus: &Corpus, selection: &Selection, tools: &[ToolId]) -> Vec<Column> {
    tools
        .iter()
        .map(|&tool| {
            let mut talks = 0;
            let mut co: BTreeMap<ToolId, u32> = BTreeMap::new();
            let mut orgs: BTreeMap<OrgKey, u32> = BTreeMap::new();
            let mentioned_in = corpus.postings.tool_talks.get(tool.0 as usize).map_or(&[][..], Vec::as_slice);
            for &talk in mentioned_in.iter().filter(|&&t| selection.has_talk(t)) {
                let mut others: Vec<ToolId> = selection.talk_mentions(corpus, talk).map(|m| m.tool).collect();
                if !others.contains(&tool) {
                    continue;
                }
                talks += 1;
                others.sort_unstable();
                others.dedup();
                for other in others.into_iter().filter(|&o| o != tool) {
                    *co.entry(other).or_default() += 1;
                }
                for &org in corpus.postings.talk_orgs.get(talk as usize).map_or(&[][..], Vec::as_slice) {
                    *orgs.entry(org).or_default() += 1;
                }
            }
            Column {
                tool,
                talks,
                co_mentioned: top(co),
                orgs: top(orgs),
                examples: evidence::evidence(corpus, selection, &Query::Tool(tool), 3),
            }
        })
        .collect()
}

fn top<K: Ord + Copy>(counts: BTreeMap<K, u32>) -> Vec<(K, u32)> {
    let mut list: Vec<(K, u32)> = counts.into_iter().collect();
    list.sort_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
    list.truncate(TOP);
    list
}
