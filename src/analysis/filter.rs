//! What part of the corpus an analysis looks at. A [`Filter`] is plain data (ids as strings, so
//! it survives a reload and can be saved with the settings); [`Selection`] is that filter
//! resolved against one snapshot, which every analysis then walks.
//!
//! Talk-level conditions (dates, organisations, files, technologies, free text) choose talks; a
//! talk chosen for mentioning Istio keeps all its other mentions, which is what "what is Istio
//! deployed with" needs. Mention-level conditions (categories, roles, stances) choose mentions.

use crate::catalog::Category;
use crate::extract::{Mention, Stance};
use crate::index::postings::summarise;
use crate::index::{Corpus, TalkTool};
use crate::parse::Role;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The user's choice of what to analyse. Empty sets mean "no condition".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Earliest talk date, inclusive.
    pub from: Option<Date>,
    /// Latest talk date, inclusive.
    pub to: Option<Date>,
    /// Keep undated talks even when a date range is set (they have no date to compare).
    pub exclude_undated: bool,
    /// Only mentions of technologies in these categories.
    pub categories: BTreeSet<Category>,
    /// Only talks mentioning at least one of these technologies (catalog ids).
    pub technologies: BTreeSet<String>,
    /// Only talks given by one of these organisations (names as in the postings).
    pub organisations: BTreeSet<String>,
    /// Only mentions in these roles.
    pub roles: BTreeSet<Role>,
    /// Only mentions with these stances.
    pub stances: BTreeSet<Stance>,
    /// Only talks from these files (paths as shown).
    pub files: BTreeSet<String>,
    /// Only talks whose text contains this (case-insensitive); empty means any.
    pub query: String,
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A filter resolved against a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Per talk: whether it is selected.
    pub talks: Vec<bool>,
    /// Per technology: whether its mentions count (category condition).
    tools: Vec<bool>,
    /// Allowed roles; empty = all.
    roles: BTreeSet<Role>,
    /// Allowed stances; empty = all.
    stances: BTreeSet<Stance>,
}

impl Selection {
    /// Resolves `filter` against `corpus`.
    pub fn new(corpus: &Corpus, filter: &Filter) -> Self {
        let tools: Vec<bool> = corpus
            .catalog
            .technologies()
            .iter()
            .map(|t| filter.categories.is_empty() || filter.categories.contains(&t.category))
            .collect();
        let wanted_tools: Vec<u32> =
            filter.technologies.iter().filter_map(|id| corpus.catalog.tool_id(id)).map(|t| t.0).collect();
        let query = filter.query.trim().to_lowercase();
        let talks = corpus
            .talks
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let date_ok = match entry.talk.date {
                    Some(d) => filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t),
                    None => !filter.exclude_undated,
                };
                let file_ok = filter.files.is_empty()
                    || corpus.file(entry.file).is_some_and(|f| filter.files.contains(&f.path));
                let org_ok = filter.organisations.is_empty()
                    || corpus.postings.talk_orgs.get(index).is_some_and(|orgs| {
                        orgs.iter().any(|k| filter.organisations.contains(corpus.postings.org_name(*k)))
                    });
                let tools_ok = wanted_tools.is_empty()
                    || wanted_tools.iter().any(|t| {
                        corpus.postings.tool_talks.get(*t as usize).is_some_and(|talks| {
                            talks.binary_search(&u32::try_from(index).unwrap_or(u32::MAX)).is_ok()
                        })
                    });
                let query_ok = query.is_empty() || talk_contains(corpus, index, &query);
                date_ok && file_ok && org_ok && tools_ok && query_ok
            })
            .collect();
        Self { talks, tools, roles: filter.roles.clone(), stances: filter.stances.clone() }
    }

    /// Whether talk number `talk` is selected.
    pub fn has_talk(&self, talk: u32) -> bool {
        self.talks.get(talk as usize).copied().unwrap_or(false)
    }

    /// Whether `mention` counts under this selection.
    pub fn has_mention(&self, mention: &Mention) -> bool {
        self.has_talk(mention.talk)
            && self.tools.get(mention.tool.0 as usize).copied().unwrap_or(false)
            && (self.roles.is_empty() || self.roles.contains(&mention.role))
            && (self.stances.is_empty() || self.stances.contains(&mention.stance))
    }

    /// The selected mentions of talk number `talk`.
    pub fn talk_mentions<'a>(
        &'a self,
        corpus: &'a Corpus,
        talk: u32,
    ) -> impl Iterator<Item = &'a Mention> + 'a {
        let range = corpus.postings.talk_mentions.get(talk as usize).cloned().unwrap_or(0..0);
        corpus
            .mentions
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
            .iter()
            .filter(|m| self.has_mention(m))
    }

    /// The selected mentions of talk number `talk`, summarised per technology, written into
    /// `out` (cleared first). Without role or stance conditions the snapshot's precomputed
    /// summaries serve; otherwise the talk's mentions are summarised here.
    pub fn talk_tools(&self, corpus: &Corpus, talk: u32, out: &mut Vec<TalkTool>) {
        out.clear();
        if self.roles.is_empty() && self.stances.is_empty() {
            if !self.has_talk(talk) {
                return;
            }
            let range = corpus.postings.talk_tool_ranges.get(talk as usize).cloned().unwrap_or(0..0);
            let summaries = corpus.postings.talk_tools.get(range.start as usize..range.end as usize);
            out.extend(
                summaries
                    .unwrap_or_default()
                    .iter()
                    .filter(|s| self.tools.get(s.tool.0 as usize).copied().unwrap_or(false)),
            );
        } else {
            for mention in self.talk_mentions(corpus, talk) {
                summarise(out, mention);
            }
        }
    }

    /// Indices of the selected talks.
    pub fn talk_indices(&self) -> impl Iterator<Item = u32> + '_ {
        self.talks.iter().enumerate().filter(|(_, s)| **s).map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// The number of selected talks.
    pub fn talk_count(&self) -> usize {
        self.talks.iter().filter(|s| **s).count()
    }
}

/// Whether the text of talk `index` contains `query` (already lower-cased).
fn talk_contains(corpus: &Corpus, index: usize, query: &str) -> bool {
    let Some(entry) = corpus.talks.get(index) else { return false };
    let Some(text) = corpus.file(entry.file).and_then(|f| f.text.get(entry.talk.range.clone())) else {
        return false;
    };
    if query.is_ascii() {
        let needle = query.as_bytes();
        text.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
    } else {
        text.to_lowercase().contains(query)
    }
}
