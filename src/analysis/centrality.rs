//! How central each technology is in the co-occurrence graph.
//!
//! Degree and weighted degree are read off the graph; betweenness comes from rustworkx-core
//! (Brandes' algorithm, unweighted, as Gephi computes it); PageRank is computed here because
//! petgraph's `page_rank` ignores edge weights, and a technology mentioned with many others in
//! many talks should weigh more than one mentioned with them once.

// Dense numeric code: scores and distances have one entry per node, indexed by node.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use petgraph::graph::UnGraph;
use petgraph::visit::EdgeRef;

/// PageRank's damping factor: the probability of following an edge rather than jumping.
pub const DAMPING: f64 = 0.85;

/// Centralities of every node, in node-index order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Centrality {
    /// Number of neighbours.
    pub degree: Vec<usize>,
    /// Sum of the weights of the node's edges.
    pub weighted_degree: Vec<f64>,
    /// Normalised betweenness, 0–1.
    pub betweenness: Vec<f64>,
    /// Weighted PageRank; sums to 1 over the graph.
    pub pagerank: Vec<f64>,
}

/// All centralities of `graph`, whose edge weights are positive.
pub fn centrality<N: Sync>(graph: &UnGraph<N, f64>) -> Centrality {
    let n = graph.node_count();
    let mut degree = vec![0; n];
    let mut weighted_degree = vec![0.0; n];
    for edge in graph.edge_references() {
        for node in [edge.source().index(), edge.target().index()] {
            degree[node] += 1;
            weighted_degree[node] += edge.weight();
        }
    }
    let betweenness = rustworkx_core::centrality::betweenness_centrality(graph, false, true, 200)
        .into_iter()
        .map(|b| b.unwrap_or(0.0))
        .collect();
    Centrality { degree, pagerank: pagerank(graph, &weighted_degree), weighted_degree, betweenness }
}

/// Weighted PageRank by power iteration: PR(i) = (1 − d)/n + d Σ_j PR(j) w_ij / s_j, where s_j is
/// j's weighted degree; nodes without edges spread their rank evenly. Iterates until the L1
/// change is below 1e-13.
pub fn pagerank<N>(graph: &UnGraph<N, f64>, weighted_degree: &[f64]) -> Vec<f64> {
    let n = graph.node_count();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..10_000 {
        let dangling: f64 = (0..n).filter(|&i| weighted_degree[i] == 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - DAMPING) * uniform + DAMPING * dangling * uniform;
        next.iter_mut().for_each(|r| *r = base);
        for edge in graph.edge_references() {
            let (a, b, w) = (edge.source().index(), edge.target().index(), *edge.weight());
            next[b] += DAMPING * rank[a] * w / weighted_degree[a];
            next[a] += DAMPING * rank[b] * w / weighted_degree[b];
        }
        let change: f64 = rank.iter().zip(&next).map(|(x, y)| (x - y).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < 1e-13 {
            break;
        }
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_graph_centralities_by_hand() {
        // Centre 0 with three leaves, weights 1, 2, 3.
        let graph = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 2.0), (0, 3, 3.0)]);
        let c = centrality(&graph);
        assert_eq!(c.degree, [3, 1, 1, 1]);
        assert_eq!(c.weighted_degree, [6.0, 1.0, 2.0, 3.0]);
        // The centre lies on all 3 leaf-to-leaf shortest paths: normalised by (n−1)(n−2)/2 = 3.
        assert_eq!(c.betweenness, [1.0, 0.0, 0.0, 0.0]);
        assert!((c.pagerank.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // Leaves: PR(leaf) = 0.15/4 + 0.85 × PR(0) × w/6; centre gets everything the leaves send.
        let p0 = c.pagerank[0];
        for (leaf, w) in [(1, 1.0), (2, 2.0), (3, 3.0)] {
            assert!((c.pagerank[leaf] - (0.15 / 4.0 + 0.85 * p0 * w / 6.0)).abs() < 1e-12);
        }
        assert!((p0 - (0.15 / 4.0 + 0.85 * (c.pagerank[1] + c.pagerank[2] + c.pagerank[3]))).abs() < 1e-12);
    }

    #[test]
    fn isolated_nodes_share_rank_evenly() {
        let mut graph = UnGraph::<(), f64>::new_undirected();
        for _ in 0..4 {
            graph.add_node(());
        }
        let c = centrality(&graph);
        assert!(c.pagerank.iter().all(|p| (p - 0.25).abs() < 1e-12));
    }
}
