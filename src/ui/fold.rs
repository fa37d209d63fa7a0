//! Lists of groups that fold, flattened into rows for virtual scrolling.
//!
//! `ScrollArea::show_rows` draws only the visible rows of a list of equal-height rows, which is
//! what keeps a tree of 10^5 talks smooth. Groups (files, problem kinds) and their entries are
//! flattened into one list here; the list is rebuilt only when the snapshot changes or a group
//! is folded, never per frame.

use std::collections::HashSet;
use std::hash::Hash;

/// One row of a flattened list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<G, E> {
    /// A group's header.
    Group(G),
    /// An entry of the group above.
    Entry(E),
}

/// Rows of a foldable list, for one snapshot.
#[derive(Debug, Clone)]
pub struct FoldedRows<G, E> {
    snapshot: Option<u64>,
    collapsed: HashSet<G>,
    rows: Vec<Row<G, E>>,
}

impl<G, E> Default for FoldedRows<G, E> {
    fn default() -> Self {
        Self { snapshot: None, collapsed: HashSet::new(), rows: Vec::new() }
    }
}

impl<G: Copy + Eq + Hash, E: Copy> FoldedRows<G, E> {
    /// The rows, in display order.
    pub fn rows(&self) -> &[Row<G, E>] {
        &self.rows
    }

    /// Whether `group` is folded.
    pub fn is_collapsed(&self, group: &G) -> bool {
        self.collapsed.contains(group)
    }

    /// Whether the rows were built for `snapshot`.
    pub fn is_for(&self, snapshot: u64) -> bool {
        self.snapshot == Some(snapshot)
    }

    /// Starts over for a new snapshot: every group unfolded unless `fold_all`.
    pub fn reset<I, J>(&mut self, snapshot: u64, groups: I, fold_all: bool)
    where
        I: IntoIterator<Item = (G, J)> + Clone,
        J: IntoIterator<Item = E>,
    {
        self.snapshot = Some(snapshot);
        self.collapsed =
            if fold_all { groups.clone().into_iter().map(|(g, _)| g).collect() } else { HashSet::new() };
        self.rebuild(groups);
    }

    /// Folds or unfolds `group` and rebuilds the rows from `groups`.
    pub fn toggle<I, J>(&mut self, group: G, groups: I)
    where
        I: IntoIterator<Item = (G, J)>,
        J: IntoIterator<Item = E>,
    {
        if !self.collapsed.remove(&group) {
            self.collapsed.insert(group);
        }
        self.rebuild(groups);
    }

    /// Unfolds `group` if it is folded (to reveal a selection).
    pub fn unfold<I, J>(&mut self, group: G, groups: I)
    where
        I: IntoIterator<Item = (G, J)>,
        J: IntoIterator<Item = E>,
    {
        if self.collapsed.remove(&group) {
            self.rebuild(groups);
        }
    }

    /// The position of the first row matching `wanted`.
    pub fn position(&self, wanted: impl Fn(&Row<G, E>) -> bool) -> Option<usize> {
        self.rows.iter().position(wanted)
    }

    fn rebuild<I, J>(&mut self, groups: I)
    where
        I: IntoIterator<Item = (G, J)>,
        J: IntoIterator<Item = E>,
    {
        self.rows.clear();
        for (group, entries) in groups {
            self.rows.push(Row::Group(group));
            if !self.collapsed.contains(&group) {
                self.rows.extend(entries.into_iter().map(Row::Entry));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<(u8, Vec<u32>)> {
        vec![(0, vec![10, 11]), (1, vec![20])]
    }

    #[test]
    fn folding_hides_and_shows_a_groups_entries() {
        let mut rows = FoldedRows::default();
        rows.reset(1, groups(), false);
        assert_eq!(rows.rows().len(), 5);
        rows.toggle(0, groups());
        assert_eq!(rows.rows(), &[Row::Group(0), Row::Group(1), Row::Entry(20)]);
        rows.unfold(0, groups());
        assert_eq!(rows.rows().len(), 5);
        assert!(rows.is_for(1) && !rows.is_for(2));
    }
}
