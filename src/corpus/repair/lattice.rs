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

// Dense numeric code: the lattice's tables have one entry per position and per candidate, and edges only name positions and candidates of the run they were built from.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use super::model::{DocModel, MODEL, Model, Node, pair_score};

/// Words longer than this many chars are not looked for (the word list has none).
const MAX_WORD_CHARS: usize = 8;
/// Weight of the character-pair model against the word model.
const PAIR_WEIGHT: f32 = 1.0;

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
    doc: Option<&'a DocModel>,
    candidates: &'a [Vec<char>],
    edges: Vec<Edge>,
    choices: Vec<u8>,
    /// Per boundary `i`, the pair score of (candidate `p` of `i - 1`, candidate `k` of `i`) at
    /// `p * candidates[i].len() + k`; empty where both sides are certain (the score is constant).
    joins: Vec<Vec<f32>>,
}

/// Picks the best reading of a run; `candidates[i]` must not be empty and hold at most 255 chars.
pub(super) fn decide(candidates: &[Vec<char>], doc: Option<&DocModel>) -> Decision {
    let mut lattice =
        Lattice { model: &MODEL, doc, candidates, edges: Vec::new(), choices: Vec::new(), joins: Vec::new() };
    // Pair scores first: the edges inside words read them from the same tables.
    lattice.joins = (0..candidates.len()).map(|i| lattice.join_table(i)).collect();
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
        let inside: f32 = picks
            .windows(2)
            .enumerate()
            .map(|(offset, pair)| {
                let i = start + offset + 1;
                let width = self.candidates[i].len();
                let at = usize::from(pair[0]) * width + usize::from(pair[1]);
                self.joins[i].get(at).copied().unwrap_or(0.0)
            })
            .sum();
        self.edges.push(Edge { start, end: start + picks.len(), score: score + inside, choices });
    }

    fn pair(&self, a: char, b: char) -> f32 {
        PAIR_WEIGHT * pair_score(self.model, self.doc, a, b)
    }

    fn uncertain(&self, position: usize) -> bool {
        self.candidates.get(position).is_some_and(|c| c.len() > 1)
    }

    fn picks(&self, edge: &Edge) -> &[u8] {
        &self.choices[edge.choices..edge.choices + (edge.end - edge.start)]
    }

    fn join_table(&self, i: usize) -> Vec<f32> {
        let Some(before) = i.checked_sub(1) else { return Vec::new() };
        if !self.uncertain(before) && !self.uncertain(i) {
            return Vec::new();
        }
        let (left, right) = (&self.candidates[before], &self.candidates[i]);
        left.iter().flat_map(|&a| right.iter().map(move |&b| self.pair(a, b))).collect()
    }

    /// Score of the pair across the boundary before `edge`, when the char before it is
    /// candidate `previous` of its position.
    fn join(&self, previous: usize, edge: &Edge) -> f32 {
        let Some(&first) = self.picks(edge).first() else { return 0.0 };
        let width = self.candidates[edge.start].len();
        self.joins[edge.start].get(previous * width + usize::from(first)).copied().unwrap_or(0.0)
    }

    /// States at boundary `i`: the candidates of the char before it (one state at the start).
    fn states(&self, i: usize) -> usize {
        i.checked_sub(1).and_then(|p| self.candidates.get(p)).map_or(1, Vec::len)
    }

    fn last_pick(&self, edge: &Edge) -> usize {
        self.picks(edge).last().map_or(0, |&k| usize::from(k))
    }

    /// Viterbi forward and backward over (boundary, char before it), then the best path and
    /// max-marginal confidences.
    fn best(&self) -> Decision {
        let n = self.candidates.len();
        let mut forward: Vec<Vec<f32>> = (0..=n).map(|i| vec![f32::NEG_INFINITY; self.states(i)]).collect();
        let mut back: Vec<Vec<Option<(usize, usize)>>> =
            forward.iter().map(|s| vec![None; s.len()]).collect();
        forward[0][0] = 0.0;
        // Edges were added in order of their start, so every edge into `start` came before.
        for (index, edge) in self.edges.iter().enumerate() {
            let last = self.last_pick(edge);
            for previous in 0..self.states(edge.start) {
                let score = forward[edge.start][previous] + self.join(previous, edge) + edge.score;
                if score > forward[edge.end][last] {
                    forward[edge.end][last] = score;
                    back[edge.end][last] = Some((index, previous));
                }
            }
        }
        let mut backward: Vec<Vec<f32>> = forward.iter().map(|s| vec![f32::NEG_INFINITY; s.len()]).collect();
        backward[n].iter_mut().for_each(|b| *b = 0.0);
        for edge in self.edges.iter().rev() {
            let after = edge.score + backward[edge.end][self.last_pick(edge)];
            for (previous, slot) in backward[edge.start].iter_mut().enumerate() {
                *slot = slot.max(self.join(previous, edge) + after);
            }
        }
        let mut chosen = vec![0; n];
        let mut state = (n, argmax(&forward[n]));
        while let Some((index, previous)) = back[state.0][state.1] {
            let edge = &self.edges[index];
            for (offset, &k) in self.picks(edge).iter().enumerate() {
                chosen[edge.start + offset] = usize::from(k);
            }
            state = (edge.start, previous);
        }
        let confidence = self.confidences(&forward, &backward, &chosen);
        Decision { chosen, confidence }
    }

    /// For each position, the share of the winner among its candidates' best path scores.
    fn confidences(&self, forward: &[Vec<f32>], backward: &[Vec<f32>], chosen: &[usize]) -> Vec<f32> {
        let mut marginal: Vec<Vec<f32>> =
            self.candidates.iter().map(|c| vec![f32::NEG_INFINITY; c.len()]).collect();
        for edge in &self.edges {
            if !(edge.start..edge.end).any(|p| self.uncertain(p)) {
                continue;
            }
            let into = (0..self.states(edge.start))
                .map(|previous| forward[edge.start][previous] + self.join(previous, edge))
                .fold(f32::NEG_INFINITY, f32::max);
            let through = into + edge.score + backward[edge.end][self.last_pick(edge)];
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

fn argmax(scores: &[f32]) -> usize {
    scores
        .iter()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |best, (i, &s)| if s > best.1 { (i, s) } else { best })
        .0
}
