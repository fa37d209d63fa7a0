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
//! rest is the confidence. A guess written in the other script than its line's (see
//! [`script`](super::script)) costs extra.

// Dense numeric code: the lattice's tables have one entry per position and per candidate, and edges only name positions and candidates of the run they were built from.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use super::model::{DocModel, MODEL, Model, Node, PackedKeyHasher, pack_pair, pair_score};
use super::script::{self, Script};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Words longer than this many chars are not looked for (the word list has none).
const MAX_WORD_CHARS: usize = 8;
/// Weight of the character-pair model against the word model.
const PAIR_WEIGHT: f32 = 1.0;
/// Pair scores a [`Scratch`] has room for from the start.
const PAIRS_AHEAD: usize = 1 << 15;
/// Marks a boundary no edge has reached yet in [`Scratch::back`].
const NO_EDGE: (u32, u32) = (u32::MAX, u32::MAX);

/// A word (or lone char) spanning positions `start..end`, with its candidate choices.
#[derive(Clone, Copy)]
struct Edge {
    start: usize,
    end: usize,
    /// The whole score: the word's, with the pairs inside it and its script's.
    score: f32,
    /// The word's log-probability alone.
    word: f32,
    /// What its guesses' script costs.
    script: f32,
    /// Offset into [`Scratch::choices`] of one candidate index per covered position.
    choices: usize,
    /// Where the pair scores across the boundary before the edge begin in [`Scratch::joins`]
    /// (for the first state before it; the next states are `stride` further each), when that
    /// boundary has a table: read for every state before every edge, three times a decision.
    join: Option<(u32, u32)>,
    /// The candidate index the edge reads at its last position.
    last: u8,
    /// Whether the edge covers a position with more than one candidate.
    uncertain: bool,
}

/// The words a run can be cut into, with what of their scores does not depend on a document
/// model: a window decided again in later rounds, with another document model, reuses them
/// instead of asking the word trie again (most of whose look-ups miss the cache).
#[derive(Default)]
pub(super) struct Words {
    edges: Vec<Edge>,
    choices: Vec<u8>,
}

/// The decision for one run, borrowed from the [`Scratch`] it was made in.
pub(super) struct Decision<'a> {
    /// The chosen candidate index at each position.
    pub chosen: &'a [usize],
    /// How sure each choice is, from 0 to 1 (1 for positions with one candidate).
    pub confidence: &'a [f32],
}

/// What one thread reuses from run to run: every table of a decision (a file has tens of
/// thousands of runs, and allocating their tables afresh cost a fifth of the repair time), and
/// the pair scores already computed, which recur from run to run. A scratch must not outlive
/// one document model: the pair scores depend on it.
#[derive(Default)]
pub(super) struct Scratch {
    edges: Vec<Edge>,
    choices: Vec<u8>,
    /// Per boundary `i`, the pair scores of (candidate `p` of `i - 1`, candidate `k` of `i`) at
    /// `join_at[i] + p * candidates[i].len() + k`; an empty table where both sides are certain
    /// (the score is constant there).
    joins: Vec<f32>,
    join_at: Vec<usize>,
    /// Per boundary `i`, where its states (the candidates of the char before it; one at the
    /// start) begin in `forward`, `back` and `backward`; the same offsets, shifted by one, give
    /// each position's candidates in `marginal`.
    state_at: Vec<usize>,
    forward: Vec<f32>,
    back: Vec<(u32, u32)>,
    backward: Vec<f32>,
    marginal: Vec<f32>,
    /// Per edge, the best score of a path up to it, with the pair across its first boundary.
    into: Vec<f32>,
    chosen: Vec<usize>,
    confidence: Vec<f32>,
    pairs: HashMap<u64, f32, BuildHasherDefault<PackedKeyHasher>>,
}

struct Lattice<'a> {
    model: &'a Model,
    doc: Option<&'a DocModel>,
    candidates: &'a [&'a [char]],
    script: Script,
    s: &'a mut Scratch,
}

/// Picks the best reading of a run; `candidates[i]` must not be empty and hold at most 255 chars.
pub(super) fn decide<'s>(
    candidates: &[&[char]],
    script: Script,
    doc: Option<&DocModel>,
    scratch: &'s mut Scratch,
) -> Decision<'s> {
    let mut lattice = Lattice { model: &MODEL, doc, candidates, script, s: scratch };
    lattice.reset();
    // Pair scores first: the edges inside words read them from the same tables.
    lattice.build_joins();
    let mut stack = Vec::with_capacity(MAX_WORD_CHARS);
    for start in 0..candidates.len() {
        lattice.add_edges_from(start, &mut stack);
    }
    lattice.best();
    Decision { chosen: &scratch.chosen, confidence: &scratch.confidence }
}

/// [`decide`] again, with the words that an earlier decision of the same run found (see
/// [`Scratch::words`]): the same decision as [`decide`] would make with `doc`.
pub(super) fn decide_again<'s>(
    candidates: &[&[char]],
    script: Script,
    doc: Option<&DocModel>,
    words: &Words,
    scratch: &'s mut Scratch,
) -> Decision<'s> {
    let mut lattice = Lattice { model: &MODEL, doc, candidates, script, s: scratch };
    lattice.reset();
    lattice.build_joins();
    lattice.s.choices.extend_from_slice(&words.choices);
    for edge in &words.edges {
        let score = edge.word + lattice.inside(edge.start, lattice.picks(edge), edge.script);
        lattice.s.edges.push(Edge { score, ..*edge });
    }
    lattice.best();
    Decision { chosen: &scratch.chosen, confidence: &scratch.confidence }
}

impl Scratch {
    /// A scratch whose pair scores have room for what a run of windows usually asks (tens of
    /// thousands): growing the table from nothing rehashed it a dozen times.
    pub(super) fn new() -> Self {
        let mut scratch = Self::default();
        scratch.pairs.reserve(PAIRS_AHEAD);
        scratch
    }

    /// The words of the run last decided with this scratch, for [`decide_again`].
    pub(super) fn words(&self) -> Words {
        Words { edges: self.edges.clone(), choices: self.choices.clone() }
    }
}

impl Lattice<'_> {
    fn reset(&mut self) {
        let s = &mut *self.s;
        s.edges.clear();
        s.choices.clear();
        s.joins.clear();
        s.join_at.clear();
        s.state_at.clear();
        s.state_at.push(0);
        let mut total = 1;
        for c in self.candidates {
            s.state_at.push(total);
            total += c.len();
        }
        s.state_at.push(total);
    }

    fn build_joins(&mut self) {
        let candidates = self.candidates;
        self.s.join_at.push(0);
        for (i, right) in candidates.iter().enumerate() {
            if let Some(before) = i.checked_sub(1)
                && (self.uncertain(before) || self.uncertain(i))
            {
                for &a in candidates[before] {
                    for &b in *right {
                        let score = self.pair(a, b);
                        self.s.joins.push(score);
                    }
                }
            }
            self.s.join_at.push(self.s.joins.len());
        }
    }

    fn add_edges_from(&mut self, start: usize, stack: &mut Vec<u8>) {
        let candidates = self.candidates;
        let Some(here) = candidates.get(start) else { return };
        for (k, &c) in here.iter().enumerate() {
            self.push_edge(start, &[k as u8], self.model.char(c));
            if let Some(node) = self.model.child(0, c) {
                stack.clear();
                stack.push(k as u8);
                self.extend(start, node, stack);
            }
        }
    }

    /// Adds every dictionary word that continues the prefix `stack` (ending at `node`).
    fn extend(&mut self, start: usize, node: Node, stack: &mut Vec<u8>) {
        let at = start + stack.len();
        if stack.len() >= MAX_WORD_CHARS {
            return;
        }
        let candidates = self.candidates;
        let Some(next) = candidates.get(at) else { return };
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

    fn push_edge(&mut self, start: usize, picks: &[u8], word: f32) {
        let choices = self.s.choices.len();
        self.s.choices.extend_from_slice(picks);
        let script = self.script_score(start, picks);
        let score = word + self.inside(start, picks, script);
        let end = start + picks.len();
        let join = self.join_row(start, picks.first().copied().unwrap_or(0));
        let last = picks.last().copied().unwrap_or(0);
        let uncertain = (start..end).any(|p| self.uncertain(p));
        self.s.edges.push(Edge { start, end, score, word, script, choices, join, last, uncertain });
    }

    /// Where, in [`Scratch::joins`], the scores of the pairs (each candidate before `start`,
    /// candidate `first` of `start`) lie, and how far apart; `None` where no table is kept.
    fn join_row(&self, start: usize, first: u8) -> Option<(u32, u32)> {
        let table = self.s.join_at[start]..self.s.join_at[start + 1];
        let width = self.candidates[start].len();
        (!table.is_empty()).then(|| ((table.start + usize::from(first)) as u32, width as u32))
    }

    /// The pair scores inside a word that reads `picks` from `start`, plus its `script` score.
    fn inside(&self, start: usize, picks: &[u8], script: f32) -> f32 {
        picks
            .windows(2)
            .enumerate()
            .map(|(offset, pair)| {
                let i = start + offset + 1;
                let width = self.candidates[i].len();
                self.join_table(i)
                    .get(usize::from(pair[0]) * width + usize::from(pair[1]))
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum::<f32>()
            + script
    }

    /// How well the readings `picks` of the positions from `start` keep to the line's script
    /// (intact characters are in every path alike, so only guesses count).
    fn script_score(&self, start: usize, picks: &[u8]) -> f32 {
        if self.script == Script::Unknown {
            return 0.0;
        }
        let candidates = self.candidates.get(start..).unwrap_or_default();
        picks
            .iter()
            .zip(candidates)
            .filter(|(_, here)| here.len() > 1)
            .filter_map(|(&k, here)| here.get(usize::from(k)))
            .map(|&c| script::score(c, self.script))
            .sum()
    }

    /// The pair score of `a` then `b`, computed once per scratch.
    fn pair(&mut self, a: char, b: char) -> f32 {
        let (model, doc) = (self.model, self.doc);
        *self.s.pairs.entry(pack_pair(a, b)).or_insert_with(|| PAIR_WEIGHT * pair_score(model, doc, a, b))
    }

    fn uncertain(&self, position: usize) -> bool {
        self.candidates.get(position).is_some_and(|c| c.len() > 1)
    }

    fn picks(&self, edge: &Edge) -> &[u8] {
        &self.s.choices[edge.choices..edge.choices + (edge.end - edge.start)]
    }

    fn join_table(&self, i: usize) -> &[f32] {
        &self.s.joins[self.s.join_at[i]..self.s.join_at[i + 1]]
    }

    /// States at boundary `i`: the candidates of the char before it (one at the start).
    fn states(&self, i: usize) -> std::ops::Range<usize> {
        self.s.state_at[i]..self.s.state_at[i + 1]
    }

    /// Viterbi forward and backward over (boundary, char before it), then the best path and
    /// max-marginal confidences.
    fn best(&mut self) {
        let n = self.candidates.len();
        let Scratch { edges, joins, state_at, forward, back, backward, into, .. } = &mut *self.s;
        let total = state_at[n + 1];
        forward.clear();
        forward.resize(total, f32::NEG_INFINITY);
        back.clear();
        back.resize(total, NO_EDGE);
        forward[0] = 0.0;
        into.clear();
        // Edges were added in order of their start, so every edge into `start` came before.
        for (index, edge) in edges.iter().enumerate() {
            let reaching = &forward[state_at[edge.start]..state_at[edge.start + 1]];
            // The best score of reaching the edge, kept for the confidences, and the best path
            // through it (the first state that gives it, as updating state by state did).
            let (mut best_into, mut best, mut from) = (f32::NEG_INFINITY, f32::NEG_INFINITY, 0);
            for (previous, &reached) in reaching.iter().enumerate() {
                let reach = reached + join(joins, edge, previous);
                best_into = best_into.max(reach);
                let score = reach + edge.score;
                if score > best {
                    (best, from) = (score, previous);
                }
            }
            let out = state_at[edge.end] + usize::from(edge.last);
            if best > forward[out] {
                forward[out] = best;
                back[out] = (index as u32, from as u32);
            }
            into.push(best_into);
        }
        backward.clear();
        backward.resize(total, f32::NEG_INFINITY);
        backward[state_at[n]..state_at[n + 1]].iter_mut().for_each(|b| *b = 0.0);
        for edge in edges.iter().rev() {
            let after = edge.score + backward[state_at[edge.end] + usize::from(edge.last)];
            let before = &mut backward[state_at[edge.start]..state_at[edge.start + 1]];
            for (previous, best) in before.iter_mut().enumerate() {
                let score = join(joins, edge, previous) + after;
                if score > *best {
                    *best = score;
                }
            }
        }
        self.s.chosen.clear();
        self.s.chosen.resize(n, 0);
        let last = self.states(n);
        let mut at = (n, argmax(&self.s.forward[last]));
        while let Some(&(index, previous)) = self.s.back.get(self.s.state_at[at.0] + at.1)
            && (index, previous) != NO_EDGE
        {
            let edge = self.s.edges[index as usize];
            for offset in 0..edge.end - edge.start {
                self.s.chosen[edge.start + offset] = usize::from(self.s.choices[edge.choices + offset]);
            }
            at = (edge.start, previous as usize);
        }
        self.confidences();
    }

    /// For each position, the share of the winner among its candidates' best path scores.
    fn confidences(&mut self) {
        let Scratch { edges, choices, state_at, backward, into, marginal, .. } = &mut *self.s;
        marginal.clear();
        marginal.resize(state_at[self.candidates.len() + 1], f32::NEG_INFINITY);
        for (edge, &into) in edges.iter().zip(into.iter()).filter(|(edge, _)| edge.uncertain) {
            let through = into + edge.score + backward[state_at[edge.end] + usize::from(edge.last)];
            for offset in 0..edge.end - edge.start {
                // Position `p`'s candidates are the states of boundary `p + 1`.
                let k = usize::from(choices[edge.choices + offset]);
                let at = state_at[edge.start + offset + 1] + k;
                if let Some(best) = marginal.get_mut(at) {
                    *best = best.max(through);
                }
            }
        }
        self.s.confidence.clear();
        for position in 0..self.candidates.len() {
            let scores = &self.s.marginal[self.states(position + 1)];
            // Most positions are intact, with nothing to weigh.
            if scores.len() == 1 {
                self.s.confidence.push(1.0);
                continue;
            }
            let winner = scores.get(self.s.chosen[position]).copied().unwrap_or(0.0);
            let sum: f32 = scores.iter().map(|s| (s - winner).exp()).sum();
            self.s.confidence.push(if sum > 0.0 { 1.0 / sum } else { 1.0 });
        }
    }
}

/// Score of the pair across the boundary before `edge`, when the char before it is candidate
/// `previous` of its position.
fn join(joins: &[f32], edge: &Edge, previous: usize) -> f32 {
    match edge.join {
        Some((row, stride)) => joins[row as usize + previous * stride as usize],
        None => 0.0,
    }
}

fn argmax(scores: &[f32]) -> usize {
    scores
        .iter()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |best, (i, &s)| if s > best.1 { (i, s) } else { best })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A window decided again from its first decision's words must come out as a decision made
    /// from scratch with the same document model: only the trie's look-ups are saved.
    #[test]
    fn deciding_again_from_the_words_decides_as_from_scratch() {
        let mut doc = DocModel::empty();
        doc.add("数据中心的网络不一致，我们在生产环境中部署了服务");
        #[rustfmt::skip]
        let cases: &[(&[&[char]], Script)] = &[
            (&[&['环'], &['境'], &['中', '不', '丝'], &['部'], &['署']], Script::Unknown),
            (&[&['数'], &['据'], &['不', '中'], &['一'], &['致']], Script::Simplified),
            (&[&['台', '小', '封', '對'], &['灣']], Script::Traditional),
            (&[&['中', '不'], &['中', '不']], Script::Unknown),
        ];
        for &(candidates, script) in cases {
            let mut scratch = Scratch::default();
            decide(candidates, script, None, &mut scratch);
            let words = scratch.words();
            for doc in [None, Some(&doc)] {
                let mut fresh = Scratch::default();
                let want = decide(candidates, script, doc, &mut fresh);
                let want = (want.chosen.to_vec(), want.confidence.to_vec());
                let mut reused = Scratch::default();
                let got = decide_again(candidates, script, doc, &words, &mut reused);
                assert_eq!((got.chosen.to_vec(), got.confidence.to_vec()), want, "{candidates:?}");
            }
        }
    }
}
