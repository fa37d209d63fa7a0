//! The panels and views, one per file. Each draws a read-only view of what it is given and
//! pushes [`Command`](super::command::Command)s for whatever the user asks; none of them sees the
//! whole app.

pub mod colours;
pub mod companies;
pub mod compare;
pub mod corpus_tree;
pub mod evidence;
pub mod export;
pub mod filters;
pub mod frame_time;
pub mod graph;
pub mod graph_canvas;
pub mod highlight;
pub mod menu;
pub mod notices;
pub mod overview;
pub mod path_prompt;
pub mod problems;
pub mod radar;
pub mod status;
pub mod tabs;
pub mod talk;
pub mod timeline;
pub mod timeline_stack;

use super::i18n::{Lang, Str};
use super::theme::Palette;

/// What the analytic tabs (Timeline, Graph) read: the look, the snapshot, the analyses of the
/// filter once computed, and that filter (clicked marks ask for evidence under it).
#[derive(Clone, Copy)]
pub struct AnalysisView<'a> {
    /// Language and colours.
    pub look: &'a Look,
    /// The corpus on screen.
    pub snapshot: &'a super::snapshot::Snapshot,
    /// The filter's analyses, `None` while the first are computed.
    pub results: Option<&'a super::results::Results>,
    /// The filter.
    pub filter: &'a crate::analysis::Filter,
}

/// What every panel needs to know about the look: the language and the colours.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// Interface language.
    pub lang: Lang,
    /// Colours of the current theme.
    pub palette: Palette,
}

impl Look {
    /// `key` in the interface language.
    pub fn t(&self, key: Str) -> &'static str {
        key.get(self.lang)
    }
}

/// Thousands separated by a thin space, so big counts read at a glance in both languages.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(super::count(999), "999");
        assert_eq!(super::count(1234567), "1\u{2009}234\u{2009}567");
    }
}
