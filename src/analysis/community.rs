//! Communities of technologies that are talked about together, by the Louvain method
//! (Blondel et al., 2008) with a resolution parameter γ (Reichardt & Bornholdt): larger γ gives
//! more, smaller communities.
//!
//! No maintained Rust crate offers weighted Louvain on petgraph graphs, so it lives here; it is
//! short, and tested against an independent modularity computation. The node order of each pass
//! comes from a seeded permutation and ties go to the lowest community, so a given seed always
//! gives the same partition.

// Dense numeric code: node and community indices are below the node count the vectors were sized with.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

/// A partition of the nodes into communities.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Community of each node, numbered 0.. in order of each community's first node.
    pub membership: Vec<usize>,
    /// The partition's modularity at the resolution it was found with.
    pub modularity: f64,
}

/// A weighted undirected graph as adjacency lists, with self-loops kept apart (they appear when
/// communities are merged into single nodes).
#[derive(Debug, Clone)]
struct Graph {
    adjacency: Vec<Vec<(usize, f64)>>,
    self_loops: Vec<f64>,
}

impl Graph {
    fn new(n: usize, edges: &[(usize, usize, f64)]) -> Self {
        let mut graph = Self { adjacency: vec![Vec::new(); n], self_loops: vec![0.0; n] };
        for &(a, b, w) in edges {
            if a >= n || b >= n || w.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
                continue;
            }
            if a == b {
                graph.self_loops[a] += w;
            } else {
                graph.adjacency[a].push((b, w));
                graph.adjacency[b].push((a, w));
            }
        }
        graph
    }

    fn len(&self) -> usize {
        self.adjacency.len()
    }

    /// Weighted degree; a self-loop counts twice, as in the modularity formula.
    fn degree(&self, node: usize) -> f64 {
        self.adjacency[node].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loops[node]
    }
}

/// Modularity of `membership` on the graph of `n` nodes and `edges` at `resolution`:
/// Σ_c [ L_c / m − γ (d_c / 2m)² ], with L_c the weight inside community c and d_c the sum of its
/// degrees.
pub fn modularity(n: usize, edges: &[(usize, usize, f64)], membership: &[usize], resolution: f64) -> f64 {
    let graph = Graph::new(n, edges);
    modularity_of(&graph, membership, resolution)
}

fn modularity_of(graph: &Graph, membership: &[usize], resolution: f64) -> f64 {
    let communities = membership.iter().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; communities];
    let mut degree = vec![0.0; communities];
    let mut two_m = 0.0;
    for node in 0..graph.len() {
        let c = membership[node];
        let k = graph.degree(node);
        degree[c] += k;
        two_m += k;
        inside[c] += graph.self_loops[node];
        for &(other, w) in &graph.adjacency[node] {
            if membership[other] == c && other > node {
                inside[c] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    let m = two_m / 2.0;
    (0..communities).map(|c| inside[c] / m - resolution * (degree[c] / two_m).powi(2)).sum()
}

/// Finds communities in the graph of `n` nodes and weighted `edges` (a, b, weight > 0).
pub fn louvain(n: usize, edges: &[(usize, usize, f64)], resolution: f64, seed: u64) -> Partition {
    let original = Graph::new(n, edges);
    let mut membership: Vec<usize> = (0..n).collect();
    let mut graph = original.clone();
    for level in 0..64u64 {
        let (communities, moved) = one_level(&graph, resolution, seed.wrapping_add(level));
        if !moved {
            break;
        }
        for c in &mut membership {
            *c = communities[*c];
        }
        graph = aggregate(&graph, &communities);
    }
    let membership = renumber(&membership);
    let modularity = modularity_of(&original, &membership, resolution);
    Partition { membership, modularity }
}

/// Moves nodes between communities while that raises modularity. Returns each node's community
/// (renumbered 0..) and whether anything moved.
fn one_level(graph: &Graph, resolution: f64, seed: u64) -> (Vec<usize>, bool) {
    let n = graph.len();
    let degrees: Vec<f64> = (0..n).map(|i| graph.degree(i)).collect();
    let two_m: f64 = degrees.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    let mut total = degrees.clone();
    if two_m == 0.0 {
        return (community, false);
    }
    let order = seeded_order(n, seed);
    let mut weight_to = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut moved_any = false;
    for _pass in 0..1000 {
        let mut moved = false;
        for &node in &order {
            let current = community[node];
            let k = degrees[node];
            for &(other, w) in &graph.adjacency[node] {
                let c = community[other];
                if weight_to[c] == 0.0 {
                    touched.push(c);
                }
                weight_to[c] += w;
            }
            total[current] -= k;
            let gain =
                |c: usize, total: &[f64], weight_to: &[f64]| weight_to[c] - resolution * total[c] * k / two_m;
            let mut best = current;
            let mut best_gain = gain(current, &total, &weight_to);
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, &total, &weight_to);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += k;
            community[node] = best;
            if best != current {
                moved = true;
                moved_any = true;
            }
            for c in touched.drain(..) {
                weight_to[c] = 0.0;
            }
        }
        if !moved {
            break;
        }
    }
    (renumber(&community), moved_any)
}

/// The graph whose nodes are the communities of `graph`.
fn aggregate(graph: &Graph, community: &[usize]) -> Graph {
    let count = community.iter().max().map_or(0, |m| m + 1);
    let mut edges: Vec<(usize, usize, f64)> = Vec::new();
    for node in 0..graph.len() {
        let c = community[node];
        edges.push((c, c, graph.self_loops[node]));
        for &(other, w) in &graph.adjacency[node] {
            if other > node {
                edges.push((c, community[other], w));
            }
        }
    }
    // Merge parallel edges so adjacency stays small and order-independent.
    edges.sort_by_key(|e| (e.0.min(e.1), e.0.max(e.1)));
    let mut merged: Vec<(usize, usize, f64)> = Vec::new();
    for (a, b, w) in edges {
        let key = (a.min(b), a.max(b));
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == key => last.2 += w,
            _ => merged.push((key.0, key.1, w)),
        }
    }
    Graph::new(count, &merged)
}

/// Community labels renumbered 0.. in order of first appearance.
fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map = std::collections::BTreeMap::new();
    labels
        .iter()
        .map(|label| {
            let next = map.len();
            *map.entry(*label).or_insert(next)
        })
        .collect()
}

/// A permutation of 0..n fixed by `seed` (Fisher–Yates driven by SplitMix64).
pub(crate) fn seeded_order(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = (z % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles joined by one bridge: the textbook two-community graph.
    fn two_triangles() -> Vec<(usize, usize, f64)> {
        vec![(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)]
    }

    #[test]
    fn finds_the_two_triangles() {
        for seed in 0..10 {
            let p = louvain(6, &two_triangles(), 1.0, seed);
            assert_eq!(p.membership, [0, 0, 0, 1, 1, 1], "seed {seed}");
            // By hand: m = 7; each triangle has L = 3, d = 7: 2 × (3/7 − (7/14)²) = 5/14.
            assert!((p.modularity - 5.0 / 14.0).abs() < 1e-12);
        }
    }

    #[test]
    fn high_resolution_splits_and_zero_resolution_merges() {
        let fine = louvain(6, &two_triangles(), 10.0, 1);
        assert!(fine.membership.iter().max().unwrap() >= &2);
        let coarse = louvain(6, &two_triangles(), 0.0, 1);
        assert!(coarse.membership.iter().all(|&c| c == 0));
    }

    #[test]
    fn empty_and_edgeless_graphs() {
        assert_eq!(louvain(0, &[], 1.0, 0).membership, Vec::<usize>::new());
        let lonely = louvain(3, &[], 1.0, 0);
        assert_eq!(lonely.membership, [0, 1, 2]);
        assert_eq!(lonely.modularity, 0.0);
    }

    #[test]
    fn same_seed_same_partition() {
        let edges: Vec<_> = (0..40)
            .flat_map(|i| [(i, (i * 7 + 3) % 40, 1.0 + (i % 3) as f64), (i, (i + 1) % 40, 0.5)])
            .collect();
        assert_eq!(louvain(40, &edges, 1.0, 42), louvain(40, &edges, 1.0, 42));
    }

    #[test]
    fn seeded_order_is_a_permutation() {
        let mut order = seeded_order(100, 7);
        order.sort_unstable();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
    }
}
