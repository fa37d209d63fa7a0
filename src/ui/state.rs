//! What the user is looking at: the current tab, the selected talk or file, and the way back.
//!
//! Kept apart from the snapshot (what was loaded) so that switching corpora and switching views
//! are independent, and so that panels can read it without seeing the rest of the app.

use crate::index::FileId;
use serde::{Deserialize, Serialize};

/// The views of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Tab {
    /// Key numbers and talks per year.
    #[default]
    Overview,
    /// Technologies over time.
    Timeline,
    /// The co-occurrence network.
    Graph,
    /// The passages behind a click or a search.
    Evidence,
    /// The selected talk, whole.
    Talk,
    /// Skipped files, encoding decisions and repairs.
    Problems,
    /// Organisation × technology heatmap with stance.
    Companies,
    /// The evidence-based radar, each blip explained.
    Radar,
    /// Two to five technologies side by side.
    Compare,
}

impl Tab {
    /// Every tab, in the order of the tab bar.
    pub const ALL: [Self; 9] = [
        Self::Overview,
        Self::Timeline,
        Self::Graph,
        Self::Companies,
        Self::Radar,
        Self::Compare,
        Self::Evidence,
        Self::Talk,
        Self::Problems,
    ];

    /// The chart this tab shows, which Ctrl+E and its Export button write.
    pub fn chart(self) -> Option<crate::chart::ChartKind> {
        use crate::chart::ChartKind;
        match self {
            Self::Overview => Some(ChartKind::TopTools),
            Self::Timeline => Some(ChartKind::Timeline),
            Self::Graph => Some(ChartKind::Graph),
            Self::Companies => Some(ChartKind::Matrix),
            Self::Radar => Some(ChartKind::Radar),
            Self::Compare => Some(ChartKind::Compare),
            Self::Evidence | Self::Talk | Self::Problems => None,
        }
    }
}

/// Light or dark look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on light background.
    #[default]
    Light,
    /// Light text on dark background.
    Dark,
}

/// The selection and where "back" leads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The tab shown in the central area.
    pub tab: Tab,
    /// The selected talk, as an index into `Corpus::talks`.
    pub talk: Option<usize>,
    /// The selected file (the talk's file when a talk is selected).
    pub file: Option<FileId>,
    /// Earlier (tab, talk) pairs, for Esc / Back.
    history: Vec<(Tab, Option<usize>)>,
}

/// How many steps Back can go; older ones are forgotten.
const HISTORY_LIMIT: usize = 64;

impl Selection {
    /// A selection showing `tab`, with nothing selected.
    pub fn on(tab: Tab) -> Self {
        Self { tab, ..Self::default() }
    }

    /// Shows `tab`, remembering where we were.
    pub fn show_tab(&mut self, tab: Tab) {
        if tab != self.tab {
            self.remember();
            self.tab = tab;
        }
    }

    /// Selects talk `talk` of `file` and shows it.
    pub fn select_talk(&mut self, talk: usize, file: FileId) {
        if self.talk != Some(talk) || self.tab != Tab::Talk {
            self.remember();
        }
        self.talk = Some(talk);
        self.file = Some(file);
        self.tab = Tab::Talk;
    }

    /// Selects a file (without changing the tab).
    pub fn select_file(&mut self, file: FileId) {
        self.file = Some(file);
    }

    /// Goes back one step; returns whether there was a step to go back to.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some((tab, talk)) => {
                self.tab = tab;
                self.talk = talk;
                true
            }
            None => false,
        }
    }

    /// Whether [`Self::back`] would do anything.
    pub fn can_go_back(&self) -> bool {
        !self.history.is_empty()
    }

    /// Forgets the talk and file (a new snapshot came in) but keeps the tab.
    pub fn clear_for_new_snapshot(&mut self) {
        let tab = if self.tab == Tab::Talk { Tab::Overview } else { self.tab };
        *self = Self { tab, ..Self::default() };
    }

    fn remember(&mut self) {
        if self.history.len() >= HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push((self.tab, self.talk));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_returns_to_the_previous_tab_and_talk() {
        let mut selection = Selection::default();
        selection.select_talk(3, FileId(0));
        selection.show_tab(Tab::Problems);
        assert!(selection.back());
        assert_eq!((selection.tab, selection.talk), (Tab::Talk, Some(3)));
        assert!(selection.back());
        assert_eq!((selection.tab, selection.talk), (Tab::Overview, None));
        assert!(!selection.back());
    }
}
