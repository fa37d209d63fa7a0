//! Choosing, jointly over a run of neighbouring characters, the reading the language model likes
//! best.
//!
//! A run is a list of positions, each with its possible characters (one for an intact character,
//! several for a damaged one). Every way to cut the run into dictionary words, with every choice of
//! characters those words allow, is a path through a lattice; the best path maximises the sum of
//! word log-probabilities (a unigram word model, as in jieba's segmenter). Because the words of a
//! path never overlap, each damaged position is decided by exactly one word, so this is exact
//! joint decoding of all damaged characters of the run at once. Forward and backward best scores
//! give, for every candidate, the best path that uses it: the margin between the winner and the
//! rest is the confidence.

use super::model::{MODEL, Model, Node};

/// Words longer than this many chars are not looked for (the word list has none).
const MAX_WORD_CHARS: usize = 8;

/// A word (or lone char) spanning positions `start..end`, with its candidate choices.
struct Edge {
    start: usize,
    end: usize,
    score: f32,
    /// Offset into [`Lattice::choices`] of one candidate index per covered position.
    choices: usize,
}

/// The decision for one run.
pub(super) struct Decision {
    /// The chosen candidate index at each position.
    pub chosen: Vec<usize>,
    /// How sure each choice is, from 0 to 1 (1 for positions with one candidate).
    pub confidence: Vec<f32>,
}

struct Lattice<'a> {
    model: &'a Model,
    candidates: &'a [Vec<char>],
    edges: Vec<Edge>,
    choices: Vec<u8>,
}

/// Picks the best reading of a run; `candidates[i]` must not be empty and hold at most 255 chars.
pub(super) fn decide(candidates: &[Vec<char>]) -> Decision {
    let mut lattice = Lattice { model: &MODEL, candidates, edges: Vec::new(), choices: Vec::new() };
    for start in 0..candidates.len() {
        lattice.add_edges_from(start);
    }
    lattice.best()
}

impl Lattice<'_> {
    fn add_edges_from(&mut self, start: usize) {
        let Some(here) = self.candidates.get(start) else { return };
        let mut stack = Vec::with_capacity(MAX_WORD_CHARS);
        for (k, &c) in here.iter().enumerate() {
            self.push_edge(start, &[k as u8], self.model.char(c));
            if let Some(node) = self.model.child(0, c) {
                stack.clear();
                stack.push(k as u8);
                self.extend(start, node, &mut stack);
            }
        }
    }

    /// Adds every dictionary word that continues the prefix `stack` (ending at `node`).
    fn extend(&mut self, start: usize, node: Node, stack: &mut Vec<u8>) {
        let at = start + stack.len();
        if stack.len() >= MAX_WORD_CHARS {
            return;
        }
        let Some(next) = self.candidates.get(at) else { return };
        for (k, &c) in next.iter().enumerate() {
            let Some(child) = self.model.child(node, c) else { continue };
            stack.push(k as u8);
            let score = self.model.word(child);
            if score.is_finite() {
                self.push_edge(start, stack, score);
            }
            self.extend(start, child, stack);
            stack.pop();
        }
    }

    fn push_edge(&mut self, start: usize, picks: &[u8], score: f32) {
        let choices = self.choices.len();
        self.choices.extend_from_slice(picks);
        self.edges.push(Edge { start, end: start + picks.len(), score, choices });
    }

    fn picks(&self, edge: &Edge) -> &[u8] {
        &self.choices[edge.choices..edge.choices + (edge.end - edge.start)]
    }

    /// Viterbi forward and backward, then the best path and max-marginal confidences.
    fn best(&self) -> Decision {
        let n = self.candidates.len();
        let mut forward = vec![f32::NEG_INFINITY; n + 1];
        let mut back: Vec<Option<usize>> = vec![None; n + 1];
        forward[0] = 0.0;
        // Edges were added in order of their start, so every edge into `start` came before.
        for (index, edge) in self.edges.iter().enumerate() {
            let score = forward[edge.start] + edge.score;
            if score > forward[edge.end] {
                forward[edge.end] = score;
                back[edge.end] = Some(index);
            }
        }
        let mut backward = vec![f32::NEG_INFINITY; n + 1];
        backward[n] = 0.0;
        for edge in self.edges.iter().rev() {
            backward[edge.start] = backward[edge.start].max(edge.score + backward[edge.end]);
        }
        let mut chosen = vec![0; n];
        let mut end = n;
        while let Some(index) = back[end] {
            let edge = &self.edges[index];
            for (offset, &k) in self.picks(edge).iter().enumerate() {
                chosen[edge.start + offset] = usize::from(k);
            }
            end = edge.start;
        }
        let confidence = self.confidences(&forward, &backward, &chosen);
        Decision { chosen, confidence }
    }

    /// For each position, the share of the winner among its candidates' best path scores.
    fn confidences(&self, forward: &[f32], backward: &[f32], chosen: &[usize]) -> Vec<f32> {
        let mut marginal: Vec<Vec<f32>> =
            self.candidates.iter().map(|c| vec![f32::NEG_INFINITY; c.len()]).collect();
        for edge in &self.edges {
            let through = forward[edge.start] + edge.score + backward[edge.end];
            for (offset, &k) in self.picks(edge).iter().enumerate() {
                if let Some(best) = marginal[edge.start + offset].get_mut(usize::from(k)) {
                    *best = best.max(through);
                }
            }
        }
        marginal
            .iter()
            .zip(chosen)
            .map(|(scores, &k)| {
                let winner = scores.get(k).copied().unwrap_or(0.0);
                let sum: f32 = scores.iter().map(|s| (s - winner).exp()).sum();
                if sum > 0.0 { 1.0 / sum } else { 1.0 }
            })
            .collect()
    }
}
