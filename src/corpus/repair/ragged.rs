//! Rows of different lengths laid end to end in one vector.
//!
//! A damaged file has tens of thousands of distinct windows to decide, each with a few
//! positions: a vector per window for its candidates, another for its readings and another for
//! its guesses made and freed a hundred thousand small allocations, and freeing them alone took
//! several milliseconds after the work was done, on one thread.

// Rows are ranges of the items by construction.
#![allow(clippy::indexing_slicing, reason = "rows are ranges of the items by construction")]

/// Rows of `T`, row `i` being `items[starts[i]..starts[i + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ragged<T> {
    items: Vec<T>,
    starts: Vec<usize>,
}

impl<T> Default for Ragged<T> {
    fn default() -> Self {
        Self { items: Vec::new(), starts: vec![0] }
    }
}

impl<T> Ragged<T> {
    /// Adds a row after the last.
    pub(super) fn push_row(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.starts.push(self.items.len());
    }

    /// How many rows there are.
    pub(super) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Row `i`.
    pub(super) fn row(&self, i: usize) -> &[T] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }

    /// Every row's items, laid end to end.
    pub(super) fn items(&self) -> &[T] {
        &self.items
    }

    /// Where row `i` starts in [`Self::items`].
    pub(super) fn start(&self, i: usize) -> usize {
        self.starts[i]
    }

    /// Every row, in order.
    #[cfg(test)]
    pub(super) fn rows(&self) -> impl Iterator<Item = &[T]> {
        self.starts.windows(2).map(|ends| &self.items[ends[0]..ends[1]])
    }

    /// Every row, in order, each to be changed on its own (in parallel, say).
    pub(super) fn rows_mut(&mut self) -> Vec<&mut [T]> {
        let mut rows = Vec::with_capacity(self.len());
        let mut rest = self.items.as_mut_slice();
        for ends in self.starts.windows(2) {
            let (row, after) = rest.split_at_mut(ends[1] - ends[0]);
            rows.push(row);
            rest = after;
        }
        rows
    }

    /// Rows shaped as `shape`'s, every item `value`.
    pub(super) fn filled_like<U>(shape: &Ragged<U>, value: T) -> Self
    where
        T: Clone,
    {
        Self { items: vec![value; shape.items.len()], starts: shape.starts.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_and_change_as_they_were_pushed() {
        let rows: [&[u8]; 5] = [&[1, 2], &[], &[3], &[4, 5, 6], &[]];
        let mut ragged = Ragged::default();
        rows.iter().for_each(|row| ragged.push_row(row.iter().copied()));
        assert_eq!(ragged.len(), rows.len());
        assert!(ragged.rows().eq(rows.iter().copied()));
        assert!((0..rows.len()).all(|i| ragged.row(i) == rows[i]));
        assert!((0..rows.len()).all(|i| ragged.items()[ragged.start(i)..].starts_with(rows[i])));
        assert_eq!(ragged.items(), [1, 2, 3, 4, 5, 6]);
        let mut zeros = Ragged::filled_like(&ragged, 0u8);
        assert!(zeros.rows().map(<[u8]>::len).eq(rows.iter().map(|r| r.len())));
        for (row, from) in zeros.rows_mut().into_iter().zip(ragged.rows()) {
            row.copy_from_slice(from);
        }
        assert_eq!(zeros, ragged);
        assert_eq!(Ragged::<u8>::default().rows_mut().len(), 0);
    }
}
