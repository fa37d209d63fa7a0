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

use super::model::{MODEL, Model, Node};
use super::ragged::Ragged;
use super::script::{self, Script};

/// Words longer than this many chars are not looked for (the word list has none).
const MAX_WORD_CHARS: usize = 8;
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
    /// Where the pair scores across the boundary before the edge begin in the items of
    /// [`Run::joins`], one per state before it, in a row, when that boundary has a table: read
    /// for every state before every edge, three times a decision, so they lie side by side.
    join: Option<u32>,
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
/// thousands of runs, and allocating their tables afresh cost a fifth of the repair time).
#[derive(Default)]
pub(super) struct Scratch {
    edges: Vec<Edge>,
    choices: Vec<u8>,
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
}

/// One run to decide: the candidates of its positions, the pair scores across its boundaries,
/// and its line's script.
pub(super) struct Run<'a> {
    /// The candidates of each position: never empty, at most 255.
    pub candidates: &'a [&'a [char]],
    /// Per position, the table of [`Self::joins`] across the boundary before it: none before the
    /// first position, nor where both sides are certain (the score is the same on every path).
    pub tables: &'a [Option<u32>],
    /// Tables of pair scores: the score of (candidate `p` before, candidate `k` after) at
    /// `k * before.len() + p` of its row (see [`Joins`](super::joins::Joins)).
    pub joins: &'a Ragged<f32>,
    pub script: Script,
}

struct Lattice<'a> {
    model: &'a Model,
    candidates: &'a [&'a [char]],
    tables: &'a [Option<u32>],
    joins: &'a Ragged<f32>,
    script: Script,
    s: &'a mut Scratch,
}

impl<'a> Lattice<'a> {
    fn new(run: &Run<'a>, scratch: &'a mut Scratch) -> Self {
        let Run { candidates, tables, joins, script } = *run;
        Self { model: &MODEL, candidates, tables, joins, script, s: scratch }
    }
}

/// Picks the best reading of a run.
pub(super) fn decide<'s>(run: &Run<'_>, scratch: &'s mut Scratch) -> Decision<'s> {
    let mut lattice = Lattice::new(run, scratch);
    lattice.reset();
    let mut stack = Vec::with_capacity(MAX_WORD_CHARS);
    for start in 0..run.candidates.len() {
        lattice.add_edges_from(start, &mut stack);
    }
    lattice.best();
    Decision { chosen: &scratch.chosen, confidence: &scratch.confidence }
}

/// [`decide`] again, with the words that an earlier decision of the same run found (see
/// [`Scratch::words`]): the same decision as [`decide`] would make with the run's pair scores.
pub(super) fn decide_again<'s>(run: &Run<'_>, words: &Words, scratch: &'s mut Scratch) -> Decision<'s> {
    let mut lattice = Lattice::new(run, scratch);
    lattice.reset();
    lattice.s.choices.extend_from_slice(&words.choices);
    for edge in &words.edges {
        let picks = lattice.picks(edge);
        let score = edge.word + lattice.inside(edge.start, picks, edge.script);
        // The tables of pair scores may have been laid out anew since the words were found.
        let join = lattice.join_row(edge.start, picks.first().copied().unwrap_or(0));
        lattice.s.edges.push(Edge { score, join, ..*edge });
    }
    lattice.best();
    Decision { chosen: &scratch.chosen, confidence: &scratch.confidence }
}

impl Scratch {
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
        s.state_at.clear();
        s.state_at.push(0);
        let mut total = 1;
        for c in self.candidates {
            s.state_at.push(total);
            total += c.len();
        }
        s.state_at.push(total);
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

    /// Where, in the items of [`Run::joins`], the row of the scores of the pairs (each candidate
    /// before `start`, candidate `first` of `start`) begins; `None` where no table is kept.
    fn join_row(&self, start: usize, first: u8) -> Option<u32> {
        let before = start.checked_sub(1).map_or(1, |b| self.candidates[b].len());
        let table = self.tables[start]?;
        Some((self.joins.start(table as usize) + usize::from(first) * before) as u32)
    }

    /// The pair scores inside a word that reads `picks` from `start`, plus its `script` score.
    fn inside(&self, start: usize, picks: &[u8], script: f32) -> f32 {
        picks
            .windows(2)
            .enumerate()
            .map(|(offset, pair)| {
                let i = start + offset + 1;
                let before = self.candidates[i - 1].len();
                self.join_table(i)
                    .get(usize::from(pair[1]) * before + usize::from(pair[0]))
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

    fn uncertain(&self, position: usize) -> bool {
        self.candidates.get(position).is_some_and(|c| c.len() > 1)
    }

    fn picks(&self, edge: &Edge) -> &[u8] {
        &self.s.choices[edge.choices..edge.choices + (edge.end - edge.start)]
    }

    /// The table of pair scores of positions `i - 1` and `i` (empty where none is kept).
    fn join_table(&self, i: usize) -> &[f32] {
        match self.tables[i] {
            Some(table) => self.joins.row(table as usize),
            None => &[],
        }
    }

    /// States at boundary `i`: the candidates of the char before it (one at the start).
    fn states(&self, i: usize) -> std::ops::Range<usize> {
        self.s.state_at[i]..self.s.state_at[i + 1]
    }

    /// Viterbi forward and backward over (boundary, char before it), then the best path and
    /// max-marginal confidences.
    fn best(&mut self) {
        let n = self.candidates.len();
        let joins = self.joins.items();
        let Scratch { edges, state_at, forward, back, backward, into, .. } = &mut *self.s;
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
            // The best score of reaching the edge, kept for the confidences, and the first
            // state that gives it. The edge's own score is the same whichever state it leaves,
            // so the best path through the edge leaves that state too.
            let (mut best_into, mut from) = (f32::NEG_INFINITY, 0);
            let row = join_row(joins, edge, reaching.len());
            for (previous, (&reached, &join)) in reaching.iter().zip(row).enumerate() {
                let reach = reached + join;
                if reach > best_into {
                    (best_into, from) = (reach, previous);
                }
            }
            let best = best_into + edge.score;
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
            let row = join_row(joins, edge, before.len());
            for (best, &join) in before.iter_mut().zip(row) {
                let score = join + after;
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

/// Scores of the pair across the boundary before `edge`, one per state before it (`states` of
/// them): zero where the boundary keeps no table, its sides being certain.
fn join_row<'a>(joins: &'a [f32], edge: &Edge, states: usize) -> &'a [f32] {
    match edge.join {
        Some(row) => &joins[row as usize..row as usize + states],
        None => &NO_JOIN[..states],
    }
}

/// The pair scores across a boundary without a table: one state before it, and no score.
const NO_JOIN: [f32; 1] = [0.0];

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
    use crate::corpus::repair::joins::{Joins, Reading};
    use crate::corpus::repair::model::DocModel;

    /// A window decided again from its first decision's words must come out as a decision made
    /// from scratch with the same pair scores: only the trie's look-ups are saved.
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
            let (mut joins, mut tables) = (Joins::default(), Vec::new());
            joins.tables_of(candidates, &readings_of(candidates), &mut tables);
            joins.score(None, None);
            let mut scratch = Scratch::default();
            decide(&Run { candidates, tables: &tables, joins: joins.scores(), script }, &mut scratch);
            let words = scratch.words();
            for doc in [None, Some(&doc)] {
                joins.score(doc, None);
                let run = Run { candidates, tables: &tables, joins: joins.scores(), script };
                let mut fresh = Scratch::default();
                let want = decide(&run, &mut fresh);
                let want = (want.chosen.to_vec(), want.confidence.to_vec());
                let mut reused = Scratch::default();
                let got = decide_again(&run, &words, &mut reused);
                assert_eq!((got.chosen.to_vec(), got.confidence.to_vec()), want, "{candidates:?}");
            }
        }
    }

    /// The readings of a file's positions: each distinct set of several candidates its own.
    fn readings_of<'a>(candidates: &[&'a [char]]) -> Vec<Reading> {
        let mut sets: Vec<&'a [char]> = Vec::new();
        let mut readings = Vec::new();
        for &c in candidates {
            readings.push(match *c {
                [one] => Reading::intact(one),
                _ => Reading::slot(sets.iter().position(|&s| s == c).unwrap_or_else(|| {
                    sets.push(c);
                    sets.len() - 1
                })),
            });
        }
        readings
    }

    /// A file's runs share one scratch and one set of tables of pair scores, each table kept
    /// once by the readings on its two sides: every run must come out as decided alone, with a
    /// fresh scratch and tables of its own, whichever tables it shares.
    #[test]
    fn runs_decided_with_shared_tables_and_scratch_decide_as_alone() {
        let (slot, other): (&[char], &[char]) = (&['中', '不', '丝'], &['台', '小', '封']);
        #[rustfmt::skip]
        let file: [&[&[char]]; 5] = [
            &[&['在'], slot, &['国']],
            &[&['一'], other, &['机'], slot],
            &[slot, &['国'], &['在'], slot],
            &[&['国'], slot, slot, &['国']],
            &[other, slot],
        ];
        // The readings of the whole file: the same slot is the same reading in every run.
        let flat: Vec<&[char]> = file.iter().flat_map(|run| run.iter().copied()).collect();
        let mut readings = readings_of(&flat).into_iter();
        let mut joins = Joins::default();
        let mut runs = Vec::new();
        for candidates in file {
            let run_readings: Vec<Reading> = readings.by_ref().take(candidates.len()).collect();
            let mut tables = Vec::new();
            joins.tables_of(candidates, &run_readings, &mut tables);
            let (mut own, mut own_tables) = (Joins::default(), Vec::new());
            own.tables_of(candidates, &run_readings, &mut own_tables);
            own.score(None, None);
            runs.push((candidates, tables, own, own_tables));
        }
        joins.score(None, None);
        // Eleven boundaries have a damaged side; eight distinct pairs of readings among them.
        assert_eq!(joins.len(), 8);
        let mut shared = Scratch::default();
        for (candidates, tables, own, own_tables) in &runs {
            let script = Script::Unknown;
            let mut fresh = Scratch::default();
            let alone = Run { candidates, tables: own_tables, joins: own.scores(), script };
            let want = decide(&alone, &mut fresh);
            let want = (want.chosen.to_vec(), want.confidence.to_vec());
            let got = decide(&Run { candidates, tables, joins: joins.scores(), script }, &mut shared);
            assert_eq!((got.chosen.to_vec(), got.confidence.to_vec()), want, "{candidates:?}");
        }
    }
}
