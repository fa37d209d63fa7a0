//! The pair scores across the boundaries of a file's windows, one table per distinct pair of
//! neighbouring readings, kept once per file.
//!
//! A boundary between two positions of a window, one of them damaged, is scored by a table: the
//! pair score of every candidate before it with every candidate after it. The same two readings
//! (see [`Reading`]) side by side recur all over a file, so each distinct table is registered
//! once while the windows are gathered; the built-in model's part of its scores is looked up
//! once; and its scores are computed once per pass, in parallel, and only for the tables the
//! windows decided in that pass read. (Each worker's scratch once computed the tables it met
//! itself: two in five were computed again elsewhere, and every round asked the built-in model
//! again for the same pairs.)

use super::model::{DocModel, MODEL, global_part, mixed_score};
use super::ragged::Ragged;
use foldhash::HashMap;
use rayon::prelude::*;

/// Weight of the character-pair model against the word model.
const PAIR_WEIGHT: f32 = 1.0;

/// Tables scored by one worker in a row, at least: most tables hold a dozen scores.
const TABLES_IN_A_ROW: usize = 256;

/// What a position of a run may read, as one number: an intact char (or a slot with a single
/// candidate) is that char; a slot with several candidates is its own number, the same for
/// every slot with the same surviving bytes. Two positions with the same reading have the same
/// candidates, so a table of pair scores is known by the readings on its two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Reading(u32);

impl Reading {
    /// The reading of an intact char.
    pub(super) fn intact(c: char) -> Self {
        Self(u32::from(c))
    }

    /// The reading of the `index`th distinct set of candidates of a file (above every char).
    pub(super) fn slot(index: usize) -> Self {
        Self((char::MAX as u32 + 1).saturating_add(u32::try_from(index).unwrap_or(u32::MAX)))
    }
}

/// A file's tables of pair scores. Table `t` is row `t` of [`Self::scores`]: the score of
/// (candidate `p` before, candidate `k` after) at `k * before.len() + p`, a row of the
/// candidates before per candidate after, as the lattice reads them.
#[derive(Default)]
pub(super) struct Joins<'a> {
    /// The table of each pair of readings, by their two numbers packed into one.
    index: HashMap<u64, u32>,
    /// The candidates on each table's two sides.
    sides: Vec<(&'a [char], &'a [char])>,
    /// The built-in model's part of each score (see [`global_part`]), the same in every pass.
    global: Ragged<f64>,
    scores: Ragged<f32>,
}

impl<'a> Joins<'a> {
    /// How many tables there are.
    pub(super) fn len(&self) -> usize {
        self.sides.len()
    }

    /// The tables, to be read by the lattice after [`Self::score`].
    pub(super) fn scores(&self) -> &Ragged<f32> {
        &self.scores
    }

    /// Fills `tables` with the table across the boundary before each position of a run (none
    /// before the first, nor where both sides are certain), registering the tables not seen yet.
    pub(super) fn tables_of(
        &mut self,
        candidates: &[&'a [char]],
        readings: &[Reading],
        tables: &mut Vec<Option<u32>>,
    ) {
        tables.clear();
        tables.push(None);
        let sides = candidates.iter().zip(readings);
        tables.extend(sides.clone().zip(sides.skip(1)).map(|((&left, &before), (&right, &after))| {
            (left.len() > 1 || right.len() > 1).then(|| self.table(before, after, left, right))
        }));
    }

    /// The table of `before` then `after` (whose candidates are `left` and `right`).
    fn table(&mut self, before: Reading, after: Reading, left: &'a [char], right: &'a [char]) -> u32 {
        let next = self.sides.len() as u32;
        let table = *self.index.entry((u64::from(before.0) << 32) | u64::from(after.0)).or_insert(next);
        if table == next {
            self.sides.push((left, right));
            let size = left.len() * right.len();
            self.global.push_row(std::iter::repeat_n(f64::NAN, size));
            self.scores.push_row(std::iter::repeat_n(0.0, size));
        }
        table
    }

    /// Computes the scores of the tables that `needed` marks (all of them for `None`), with the
    /// document model `doc` if there is one. The built-in model is asked once per table.
    pub(super) fn score(&mut self, doc: Option<&DocModel>, needed: Option<&[bool]>) {
        let Self { sides, global, scores, .. } = self;
        sides
            .par_iter()
            .zip(global.rows_mut())
            .zip(scores.rows_mut())
            .enumerate()
            .with_min_len(TABLES_IN_A_ROW)
            .filter(|(table, _)| needed.is_none_or(|needed| needed.get(*table).copied().unwrap_or(true)))
            .for_each(|(_, ((&(left, right), global), scores))| {
                let pairs = right.iter().flat_map(|&b| left.iter().map(move |&a| (a, b)));
                for (((a, b), part), score) in pairs.zip(global.iter_mut()).zip(scores) {
                    // Unset until the first pass that reads the table.
                    if part.is_nan() {
                        *part = global_part(&MODEL, a, b);
                    }
                    *score = PAIR_WEIGHT * mixed_score(*part, doc, a, b);
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::repair::model::pair_score;

    #[test]
    fn each_score_is_the_pair_score_of_its_candidates() {
        let (slot, other): (&[char], &[char]) = (&['中', '不', '丝'], &['台', '小']);
        let (a, b) = (Reading::slot(0), Reading::slot(1));
        let runs: [(&[&[char]], [Reading; 3]); 2] = [
            (&[&['在'], slot, other], [Reading::intact('在'), a, b]),
            (&[other, slot, &['国']], [b, a, Reading::intact('国')]),
        ];
        let mut joins = Joins::default();
        let mut tables = Vec::new();
        let mut seen = Vec::new();
        for (candidates, readings) in runs {
            joins.tables_of(candidates, &readings, &mut tables);
            seen.push(tables.clone());
        }
        // 在|slot, slot|other, other|slot, slot|国: four tables, none before a run's start.
        assert_eq!(seen, [vec![None, Some(0), Some(1)], vec![None, Some(2), Some(3)]]);
        let mut doc = DocModel::empty();
        doc.add("数据中心的网络不一致，在中国的台");
        for doc in [None, Some(&doc)] {
            joins.score(doc, None);
            for (table, &(left, right)) in joins.sides.iter().enumerate() {
                for (k, &after) in right.iter().enumerate() {
                    for (p, &before) in left.iter().enumerate() {
                        let got = joins.scores().row(table)[k * left.len() + p];
                        assert_eq!(got.to_bits(), pair_score(&MODEL, doc, before, after).to_bits());
                    }
                }
            }
        }
    }

    /// A pass scores only the tables its windows read; the others keep their scores.
    #[test]
    fn only_the_needed_tables_are_scored_again() {
        let candidates: [&[char]; 3] = [&['中', '不'], &['国'], &['台', '小']];
        let readings = [Reading::slot(0), Reading::intact('国'), Reading::slot(1)];
        let mut joins = Joins::default();
        joins.tables_of(&candidates, &readings, &mut Vec::new());
        joins.score(None, None);
        let before = joins.scores().clone();
        let mut doc = DocModel::empty();
        doc.add("中国台中国小中国台不国台");
        joins.score(Some(&doc), Some(&[false, true]));
        let mut all = Joins::default();
        all.tables_of(&candidates, &readings, &mut Vec::new());
        all.score(Some(&doc), None);
        assert_eq!(joins.scores().row(0), before.row(0));
        assert_eq!(joins.scores().row(1), all.scores().row(1));
        assert_ne!(joins.scores().row(1), before.row(1));
    }
}
