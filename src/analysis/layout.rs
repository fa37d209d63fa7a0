//! Positions for drawing the co-occurrence graph, computed once outside the UI so that the screen
//! and the SVG/PNG exports draw the same picture.
//!
//! Fruchterman–Reingold (1991) with their grid variant: nodes repel within a radius of 2k,
//! edges pull with a force growing with their weight, a weak gravity keeps separate components
//! in view, and the temperature cools linearly. Starting positions come from each node's stable
//! key (a hash of the technology's id) or from the previous layout, so the picture is
//! deterministic for a seed and moves little when the filter changes a little.

// Dense numeric code: positions, forces and neighbour lists have one entry per node, indexed by node.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use std::collections::HashMap;

/// How many cooling steps the layout takes.
pub const ITERATIONS: usize = 200;
/// Strength of the pull toward the centre, relative to k.
const GRAVITY: f64 = 0.05;

/// A stable 64-bit key for a node, from its id (FNV-1a): the same id always starts in the same
/// place.
pub fn node_key(id: &str) -> u64 {
    id.bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

fn unit_from(key: u64) -> f64 {
    // 53 random-looking bits → [−0.5, 0.5).
    (key >> 11) as f64 / (1u64 << 53) as f64 - 0.5
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Lays out nodes identified by `keys`, joined by `edges` (a, b, weight > 0). `previous` holds
/// positions from an earlier layout by key, used as the starting point where present. Returns
/// one position per node, scaled into [−1, 1] × [−1, 1].
pub fn layout(
    keys: &[u64],
    edges: &[(usize, usize, f64)],
    previous: &HashMap<u64, [f64; 2]>,
    seed: u64,
) -> Vec<[f64; 2]> {
    let n = keys.len();
    if n == 0 {
        return Vec::new();
    }
    let mut pos: Vec<[f64; 2]> = keys
        .iter()
        .map(|&key| {
            previous.get(&key).copied().unwrap_or_else(|| {
                let h = mix(key ^ seed);
                [unit_from(h), unit_from(mix(h))]
            })
        })
        .collect();
    let k = (1.0 / n as f64).sqrt();
    let max_weight = edges.iter().map(|e| e.2).fold(0.0f64, f64::max);
    let start_temperature = 0.1;
    let mut disp = vec![[0.0f64; 2]; n];
    for iteration in 0..ITERATIONS {
        disp.iter_mut().for_each(|d| *d = [0.0, 0.0]);
        repel(&pos, k, &mut disp);
        for &(a, b, w) in edges {
            if a >= n || b >= n || a == b || max_weight <= 0.0 {
                continue;
            }
            let delta = [pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]];
            let d = (delta[0] * delta[0] + delta[1] * delta[1]).sqrt().max(1e-9);
            // Heavier edges pull harder, sub-linearly so one heavy pair cannot collapse the rest.
            let force = d * d / k * (w / max_weight).sqrt();
            for axis in 0..2 {
                disp[a][axis] -= delta[axis] / d * force;
                disp[b][axis] += delta[axis] / d * force;
            }
        }
        let temperature = start_temperature * (1.0 - iteration as f64 / ITERATIONS as f64);
        for (p, d) in pos.iter_mut().zip(&disp) {
            let d = [d[0] - GRAVITY * p[0] / k, d[1] - GRAVITY * p[1] / k];
            let length = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if length > 0.0 {
                let step = length.min(temperature);
                p[0] += d[0] / length * step;
                p[1] += d[1] / length * step;
            }
        }
    }
    normalise(&mut pos);
    pos
}

/// Repulsion k²/d from every node within 2k, found through a grid of cells of side 2k.
fn repel(pos: &[[f64; 2]], k: f64, disp: &mut [[f64; 2]]) {
    let cell = 2.0 * k;
    let cell_of = |p: &[f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    // Looked up nine times per node per step: a fast hash, not the standard library's SipHash,
    // which was most of a layout's time. Only look-ups: the order of the map never shows.
    let mut grid: foldhash::HashMap<(i64, i64), Vec<usize>> = foldhash::HashMap::default();
    for (i, p) in pos.iter().enumerate() {
        grid.entry(cell_of(p)).or_default().push(i);
    }
    for (i, p) in pos.iter().enumerate() {
        let (cx, cy) = cell_of(p);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(others) = grid.get(&(cx + dx, cy + dy)) else { continue };
                for &j in others {
                    if j == i {
                        continue;
                    }
                    let mut delta = [p[0] - pos[j][0], p[1] - pos[j][1]];
                    let mut d = (delta[0] * delta[0] + delta[1] * delta[1]).sqrt();
                    if d < 1e-9 {
                        // Coincident nodes: push apart in a direction fixed by their indices.
                        let angle = (mix((i as u64) << 32 | j as u64) % 6283) as f64 / 1000.0;
                        delta = [angle.cos() * 1e-6, angle.sin() * 1e-6];
                        d = 1e-6;
                    }
                    if d < cell {
                        let force = k * k / d;
                        disp[i][0] += delta[0] / d * force;
                        disp[i][1] += delta[1] / d * force;
                    }
                }
            }
        }
    }
}

/// Centres the positions and scales them to fill [−1, 1] on the longer side.
fn normalise(pos: &mut [[f64; 2]]) {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in pos.iter() {
        for axis in 0..2 {
            lo[axis] = lo[axis].min(p[axis]);
            hi[axis] = hi[axis].max(p[axis]);
        }
    }
    let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    let half = ((hi[0] - lo[0]).max(hi[1] - lo[1]) / 2.0).max(1e-12);
    for p in pos.iter_mut() {
        for axis in 0..2 {
            p[axis] = (p[axis] - centre[axis]) / half;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn deterministic_and_within_bounds() {
        let keys: Vec<u64> = (0..30).map(|i| node_key(&format!("tool-{i}"))).collect();
        let edges: Vec<_> = (0..29).map(|i| (i, i + 1, 1.0)).collect();
        let a = layout(&keys, &edges, &HashMap::new(), 7);
        assert_eq!(a, layout(&keys, &edges, &HashMap::new(), 7));
        assert!(a.iter().all(|p| p.iter().all(|c| c.abs() <= 1.0 + 1e-9)));
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones() {
        // Two cliques of five with no edge between them.
        let keys: Vec<u64> = (0..10).map(|i| node_key(&i.to_string())).collect();
        let mut edges = Vec::new();
        for group in [0, 5] {
            for a in group..group + 5 {
                for b in a + 1..group + 5 {
                    edges.push((a, b, 1.0));
                }
            }
        }
        let pos = layout(&keys, &edges, &HashMap::new(), 1);
        let within = distance(pos[0], pos[1]);
        let across = distance(pos[0], pos[7]);
        assert!(within < across, "{within} < {across}");
    }

    #[test]
    fn a_warm_start_moves_little() {
        let keys: Vec<u64> = (0..20).map(|i| node_key(&i.to_string())).collect();
        let edges: Vec<_> = (0..19).map(|i| (i, i + 1, 1.0 + i as f64)).collect();
        let first = layout(&keys, &edges, &HashMap::new(), 3);
        let previous: HashMap<u64, [f64; 2]> = keys.iter().copied().zip(first.iter().copied()).collect();
        // One more node appears: the others should stay near where they were.
        let mut more_keys = keys.clone();
        more_keys.push(node_key("new"));
        let mut more_edges = edges.clone();
        more_edges.push((19, 20, 1.0));
        let second = layout(&more_keys, &more_edges, &previous, 3);
        let moved: f64 = (0..20).map(|i| distance(first[i], second[i])).sum::<f64>() / 20.0;
        assert!(moved < 0.5, "mean movement {moved}");
    }

    #[test]
    fn single_and_empty() {
        assert!(layout(&[], &[], &HashMap::new(), 0).is_empty());
        let one = layout(&[node_key("x")], &[], &HashMap::new(), 0);
        assert_eq!(one.len(), 1);
        assert!(one[0].iter().all(|c| c.is_finite()));
    }
}
