//! The co-occurrence network: technologies as nodes, joined when talks (and, separately, Q&A
//! pairs) mention both; edges carry count, Jaccard, NPMI and lift; nodes carry their community
//! (Louvain), centralities and a layout position. Also the organisation–technology bipartite
//! edges and the directed migration edges, kept apart from co-occurrence.

// Dense numeric code: node indices come from the node table built just before, and edge ends are node indices.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use super::centrality::{Centrality, centrality};
use super::community::louvain;
use super::filter::Selection;
use super::layout::{layout, node_key};
use super::measures::{Association, Measure, association};
use crate::catalog::ToolId;
use crate::index::{Corpus, OrgKey};
use petgraph::graph::UnGraph;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Knobs of the network.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GraphOptions {
    /// Minimum talks for a node and for an edge.
    pub min_support: u32,
    /// At most this many nodes, the most mentioned first.
    pub max_nodes: usize,
    /// What weighs an edge for communities, centrality and layout.
    pub measure: Measure,
    /// Louvain resolution: larger gives more, smaller communities.
    pub resolution: f64,
    /// Seed of community detection and layout.
    pub seed: u64,
}

impl Default for GraphOptions {
    fn default() -> Self {
        Self { min_support: 2, max_nodes: 120, measure: Measure::Count, resolution: 1.0, seed: 1 }
    }
}

/// One technology in the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The technology.
    pub tool: ToolId,
    /// Talks mentioning it.
    pub talks: u32,
    /// Community number (0 is the largest-first ordering of Louvain's output).
    pub community: usize,
    /// Layout position in [−1, 1]².
    pub position: [f64; 2],
}

/// Two technologies mentioned together.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of one end in [`CoGraph::nodes`].
    pub a: usize,
    /// Index of the other end.
    pub b: usize,
    /// Talk-level association (`together` = talks mentioning both).
    pub talks: Association,
    /// Q&A pairs mentioning both (in the question or the answer).
    pub qa_pairs: u32,
    /// The weight under the chosen measure.
    pub weight: f64,
}

/// The network under one selection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoGraph {
    /// Nodes, most talks first.
    pub nodes: Vec<Node>,
    /// Edges with a ≥ b by node index order, sorted by (a, b).
    pub edges: Vec<Edge>,
    /// Centralities, by node index.
    pub centrality: Centrality,
    /// Modularity of the communities found.
    pub modularity: f64,
    /// Selected talks (the N of the association measures).
    pub talk_count: u32,
}

/// Counts of distinct technologies per document.
struct Counts {
    /// Talks per technology.
    df: BTreeMap<ToolId, u32>,
    /// Talks per pair (smaller id first).
    pairs: HashMap<(ToolId, ToolId), u32>,
    /// Q&A pairs per pair.
    qa_pairs: HashMap<(ToolId, ToolId), u32>,
    talk_count: u32,
}

/// Counts documents per technology and per pair. Pairs are counted in dense triangular arrays
/// over the technologies present (a few hundred), which is far cheaper than hashing each of the
/// millions of pair occurrences of a large corpus.
fn count(corpus: &Corpus, selection: &Selection) -> Counts {
    let mut talk_count = 0u32;
    // Distinct tools per talk, flattened, and (qa, tool) per talk for the Q&A-pair counts.
    let mut talk_tools: Vec<(usize, usize)> = Vec::new();
    let mut flat: Vec<ToolId> = Vec::new();
    let mut qa_groups: Vec<ToolId> = Vec::new();
    let mut qa_bounds: Vec<(usize, usize)> = Vec::new();
    let mut by_qa: Vec<(u32, ToolId)> = Vec::new();
    for talk in selection.talk_indices() {
        talk_count += 1;
        let start = flat.len();
        by_qa.clear();
        for m in selection.talk_mentions(corpus, talk) {
            flat.push(m.tool);
            if let Some(qa) = m.qa_index {
                by_qa.push((qa.get(), m.tool));
            }
        }
        flat[start..].sort_unstable();
        let mut unique = start;
        for i in start..flat.len() {
            if i == start || flat[i] != flat[unique - 1] {
                flat[unique] = flat[i];
                unique += 1;
            }
        }
        flat.truncate(unique);
        talk_tools.push((start, unique));
        by_qa.sort_unstable();
        by_qa.dedup();
        for group in by_qa.chunk_by(|x, y| x.0 == y.0).filter(|g| g.len() > 1) {
            let s = qa_groups.len();
            qa_groups.extend(group.iter().map(|(_, t)| *t));
            qa_bounds.push((s, qa_groups.len()));
        }
    }
    let mut present: Vec<ToolId> = flat.clone();
    present.sort_unstable();
    present.dedup();
    let k = present.len();
    let compact = |t: ToolId| present.binary_search(&t).unwrap_or(0);
    let mut df = vec![0u32; k];
    let mut pair_talks = vec![0u32; k * k];
    let mut pair_qa = vec![0u32; k * k];
    let mut ids: Vec<usize> = Vec::new();
    for &(s, e) in &talk_tools {
        ids.clear();
        ids.extend(flat[s..e].iter().map(|&t| compact(t)));
        for (i, &a) in ids.iter().enumerate() {
            df[a] += 1;
            for &b in &ids[i + 1..] {
                pair_talks[a * k + b] += 1;
            }
        }
    }
    for &(s, e) in &qa_bounds {
        ids.clear();
        ids.extend(qa_groups[s..e].iter().map(|&t| compact(t)));
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                pair_qa[a * k + b] += 1;
            }
        }
    }
    let mut pairs = HashMap::new();
    let mut qa_pairs = HashMap::new();
    for a in 0..k {
        for b in a + 1..k {
            if pair_talks[a * k + b] > 0 {
                pairs.insert((present[a], present[b]), pair_talks[a * k + b]);
            }
            if pair_qa[a * k + b] > 0 {
                qa_pairs.insert((present[a], present[b]), pair_qa[a * k + b]);
            }
        }
    }
    let df = present.iter().zip(df).map(|(&t, n)| (t, n)).collect();
    Counts { df, pairs, qa_pairs, talk_count }
}

/// The network of `selection`. `previous` holds positions of an earlier layout by node key, so
/// that a small filter change moves the picture little.
pub fn cooccurrence(
    corpus: &Corpus,
    selection: &Selection,
    options: &GraphOptions,
    previous: &HashMap<u64, [f64; 2]>,
) -> CoGraph {
    let counts = count(corpus, selection);
    let mut chosen: Vec<(ToolId, u32)> = counts
        .df
        .iter()
        .map(|(&t, &df)| (t, df))
        .filter(|&(_, df)| df >= options.min_support.max(1))
        .collect();
    chosen.sort_by_key(|&(tool, df)| (std::cmp::Reverse(df), tool));
    chosen.truncate(options.max_nodes);
    let index: HashMap<ToolId, usize> = chosen.iter().enumerate().map(|(i, (t, _))| (*t, i)).collect();
    let mut edges: Vec<Edge> = Vec::new();
    for (&(x, y), &together) in &counts.pairs {
        let (Some(&ix), Some(&iy)) = (index.get(&x), index.get(&y)) else { continue };
        if together < options.min_support.max(1) {
            continue;
        }
        let (Some(&dx), Some(&dy)) = (counts.df.get(&x), counts.df.get(&y)) else { continue };
        let Some(talks) = association(counts.talk_count, dx, dy, together) else { continue };
        let weight = options.measure.of(&talks);
        let (a, b) = (ix.min(iy), ix.max(iy));
        let qa_pairs = counts.qa_pairs.get(&(x, y)).copied().unwrap_or(0);
        edges.push(Edge { a, b, talks, qa_pairs, weight });
    }
    edges.sort_by_key(|e| (e.a, e.b));
    // Communities, centrality and layout need positive weights; NPMI can be negative.
    let positive: Vec<(usize, usize, f64)> =
        edges.iter().filter(|e| e.weight > 0.0).map(|e| (e.a, e.b, e.weight)).collect();
    let partition = louvain(chosen.len(), &positive, options.resolution, options.seed);
    let mut graph = UnGraph::<ToolId, f64>::with_capacity(chosen.len(), positive.len());
    let node_indices: Vec<_> = chosen.iter().map(|(t, _)| graph.add_node(*t)).collect();
    for &(a, b, w) in &positive {
        graph.add_edge(node_indices[a], node_indices[b], w);
    }
    let keys: Vec<u64> = chosen
        .iter()
        .map(|(t, _)| node_key(corpus.catalog.tool(*t).map_or("", |tech| tech.id.as_str())))
        .collect();
    let positions = layout(&keys, &positive, previous, options.seed);
    let nodes = chosen
        .iter()
        .zip(positions)
        .enumerate()
        .map(|(i, (&(tool, talks), position))| Node {
            tool,
            talks,
            community: partition.membership.get(i).copied().unwrap_or(0),
            position,
        })
        .collect();
    CoGraph {
        nodes,
        edges,
        centrality: centrality(&graph),
        modularity: partition.modularity,
        talk_count: counts.talk_count,
    }
}

impl CoGraph {
    /// The node of `tool`, if it is in the network.
    pub fn node_of(&self, tool: ToolId) -> Option<usize> {
        self.nodes.iter().position(|n| n.tool == tool)
    }

    /// The edges as (tool, tool) pairs, smaller id first.
    pub fn pairs(&self) -> Vec<(ToolId, ToolId)> {
        let mut pairs: Vec<_> = self
            .edges
            .iter()
            .map(|e| {
                let (x, y) = (self.nodes[e.a].tool, self.nodes[e.b].tool);
                (x.min(y), x.max(y))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    }

    /// Node positions by stable key, to warm-start the next layout.
    pub fn positions_by_key(&self, corpus: &Corpus) -> HashMap<u64, [f64; 2]> {
        self.nodes
            .iter()
            .map(|n| (node_key(corpus.catalog.tool(n.tool).map_or("", |t| t.id.as_str())), n.position))
            .collect()
    }
}

/// Two technologies, smaller id first.
pub type ToolPair = (ToolId, ToolId);

/// Edges present in `later` but not `earlier` (appeared) and the reverse (vanished).
pub fn edge_changes(earlier: &CoGraph, later: &CoGraph) -> (Vec<ToolPair>, Vec<ToolPair>) {
    let (before, after) = (earlier.pairs(), later.pairs());
    let appeared = after.iter().filter(|p| before.binary_search(p).is_err()).copied().collect();
    let vanished = before.iter().filter(|p| after.binary_search(p).is_err()).copied().collect();
    (appeared, vanished)
}

/// Organisation–technology edges: talks by the organisation mentioning the technology.
pub fn org_tool_edges(corpus: &Corpus, selection: &Selection) -> Vec<(OrgKey, ToolId, u32)> {
    let mut counts: BTreeMap<(OrgKey, ToolId), u32> = BTreeMap::new();
    let mut tools = Vec::new();
    for talk in selection.talk_indices() {
        let Some(orgs) = corpus.postings.talk_orgs.get(talk as usize) else { continue };
        if orgs.is_empty() {
            continue;
        }
        tools.clear();
        tools.extend(selection.talk_mentions(corpus, talk).map(|m| m.tool));
        tools.sort_unstable();
        tools.dedup();
        for &org in orgs {
            for &tool in &tools {
                *counts.entry((org, tool)).or_default() += 1;
            }
        }
    }
    counts.into_iter().map(|((o, t), n)| (o, t, n)).collect()
}

/// Directed migration edges (from, to, talks saying so), most frequent first.
pub fn migration_edges(corpus: &Corpus, selection: &Selection) -> Vec<(ToolId, ToolId, u32)> {
    let mut counts: BTreeMap<(ToolId, ToolId), u32> = BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    for m in corpus.migrations.iter().filter(|m| selection.has_talk(m.talk)) {
        if seen.insert((m.talk, m.from, m.to)) {
            *counts.entry((m.from, m.to)).or_default() += 1;
        }
    }
    let mut edges: Vec<_> = counts.into_iter().map(|((f, t), n)| (f, t, n)).collect();
    edges.sort_by_key(|&(f, t, n)| (std::cmp::Reverse(n), f, t));
    edges
}
