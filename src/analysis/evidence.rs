//! The passages behind any number: for a technology, a pair, an organisation, a period, a
//! matrix cell, a migration or a text search, the passages that support it, with the byte
//! ranges to highlight.
//!
//! Order: passages naming everything asked for first (both ends of a pair), then the most
//! recent talks (undated last), then answers, body, titles and questions in that order (an
//! answer is the strongest evidence of a choice), then text order.

use super::filter::Selection;
use super::period::Period;
use crate::catalog::ToolId;
use crate::index::{Corpus, OrgKey};
use crate::parse::Role;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Range;

/// What evidence is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Query {
    /// Passages mentioning a technology.
    Tool(ToolId),
    /// Passages in talks mentioning both, naming either (both first).
    Pair(ToolId, ToolId),
    /// Passages mentioning a technology in talks of a period.
    ToolInPeriod(ToolId, Period),
    /// Passages of an organisation's talks mentioning anything.
    Org(OrgKey),
    /// Passages of an organisation's talks mentioning a technology.
    Cell(OrgKey, ToolId),
    /// The sentences saying a talk moved from one technology to another.
    Migration(ToolId, ToolId),
    /// Passages containing a text (case-insensitive).
    Text(String),
}

/// One supporting passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Talk index in the snapshot.
    pub talk: u32,
    /// Passage index in the talk (for migrations, the passage holding the sentence).
    pub passage: u32,
    /// The passage's role.
    pub role: Role,
    /// The talk's date.
    pub date: Option<Date>,
    /// Byte ranges to highlight in the file's text.
    pub highlights: Vec<Range<usize>>,
    /// Whether the passage names everything the query asked for.
    pub complete: bool,
}

fn role_rank(role: Role) -> u8 {
    match role {
        Role::Answer => 0,
        Role::Body => 1,
        Role::Title => 2,
        Role::Question => 3,
    }
}

/// The evidence for `query` within `selection`, in the documented order, at most `limit` items.
pub fn evidence(corpus: &Corpus, selection: &Selection, query: &Query, limit: usize) -> Vec<Item> {
    let mut items = match query {
        Query::Text(text) => text_items(corpus, selection, text),
        Query::Migration(from, to) => migration_items(corpus, selection, *from, *to),
        _ => mention_items(corpus, selection, query),
    };
    items.sort_by_key(|i| {
        (
            !i.complete,
            std::cmp::Reverse(i.date.is_some()),
            std::cmp::Reverse(i.date),
            role_rank(i.role),
            i.talk,
            i.passage,
        )
    });
    items.truncate(limit);
    items
}

fn wanted_talk(corpus: &Corpus, talk: u32, query: &Query) -> bool {
    let has_org =
        |org: &OrgKey| corpus.postings.talk_orgs.get(talk as usize).is_some_and(|o| o.contains(org));
    let mentions = |tool: &ToolId| {
        corpus.postings.tool_talks.get(tool.0 as usize).is_some_and(|t| t.binary_search(&talk).is_ok())
    };
    match query {
        Query::Tool(t) => mentions(t),
        Query::Pair(a, b) => mentions(a) && mentions(b),
        Query::ToolInPeriod(t, period) => {
            mentions(t)
                && corpus
                    .talks
                    .get(talk as usize)
                    .and_then(|e| e.talk.date)
                    .is_some_and(|d| Period::of(d, period.granularity) == *period)
        }
        Query::Org(o) => has_org(o),
        Query::Cell(o, t) => has_org(o) && mentions(t),
        Query::Migration(..) | Query::Text(_) => false,
    }
}

/// A passage's role, the ranges to highlight in it and the wanted technologies it names.
type PassageHits = (Role, Vec<Range<usize>>, Vec<ToolId>);

fn mention_items(corpus: &Corpus, selection: &Selection, query: &Query) -> Vec<Item> {
    let wanted: Vec<ToolId> = match query {
        Query::Tool(t) | Query::ToolInPeriod(t, _) | Query::Cell(_, t) => vec![*t],
        Query::Pair(a, b) => vec![*a, *b],
        _ => Vec::new(),
    };
    let mut items = Vec::new();
    for talk in selection.talk_indices().filter(|&t| wanted_talk(corpus, t, query)) {
        let date = corpus.talks.get(talk as usize).and_then(|e| e.talk.date);
        let mut by_passage: BTreeMap<u32, PassageHits> = BTreeMap::new();
        for m in selection.talk_mentions(corpus, talk) {
            if !wanted.is_empty() && !wanted.contains(&m.tool) {
                continue;
            }
            let entry = by_passage.entry(m.passage).or_insert_with(|| (m.role, Vec::new(), Vec::new()));
            entry.1.push(m.range());
            if !entry.2.contains(&m.tool) {
                entry.2.push(m.tool);
            }
        }
        for (passage, (role, highlights, tools)) in by_passage {
            let complete = wanted.iter().all(|w| tools.contains(w));
            items.push(Item { talk, passage, role, date, highlights, complete });
        }
    }
    items
}

fn migration_items(corpus: &Corpus, selection: &Selection, from: ToolId, to: ToolId) -> Vec<Item> {
    corpus
        .migrations
        .iter()
        .filter(|m| m.from == from && m.to == to && selection.has_talk(m.talk))
        .filter_map(|m| {
            let entry = corpus.talks.get(m.talk as usize)?;
            let passage = entry.talk.passages.iter().position(|p| p.range.contains(&m.evidence.start))?;
            let role = entry.talk.passages.get(passage)?.role;
            Some(Item {
                talk: m.talk,
                passage: u32::try_from(passage).unwrap_or(u32::MAX),
                role,
                date: entry.talk.date,
                highlights: vec![m.evidence.clone()],
                complete: true,
            })
        })
        .collect()
}

fn text_items(corpus: &Corpus, selection: &Selection, text: &str) -> Vec<Item> {
    let needle = text.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    for talk in selection.talk_indices() {
        let Some(entry) = corpus.talks.get(talk as usize) else { continue };
        let Some(file) = corpus.file(entry.file) else { continue };
        for (index, passage) in entry.talk.passages.iter().enumerate() {
            let Some(body) = file.text.get(passage.range.clone()) else { continue };
            let highlights = find_all(body, &needle, passage.range.start);
            if !highlights.is_empty() {
                let passage_index = u32::try_from(index).unwrap_or(u32::MAX);
                items.push(Item {
                    talk,
                    passage: passage_index,
                    role: passage.role,
                    date: entry.talk.date,
                    highlights,
                    complete: true,
                });
            }
        }
    }
    items
}

/// Byte ranges (offset by `base`) of every case-insensitive occurrence of `needle` (lower-case)
/// in `haystack`.
fn find_all(haystack: &str, needle: &str, base: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    // Lower-casing can change byte lengths outside ASCII; compare character by character from
    // each character boundary instead of searching a lowered copy.
    let needle_chars: Vec<char> = needle.chars().collect();
    for (start, _) in haystack.char_indices() {
        let mut chars = haystack.get(start..).unwrap_or_default().char_indices();
        let mut end = start;
        let matched = needle_chars.iter().all(|n| match chars.next() {
            Some((offset, c)) if c.to_lowercase().eq(n.to_lowercase()) => {
                end = start + offset + c.len_utf8();
                true
            }
            _ => false,
        });
        if matched && found.last().is_none_or(|r: &Range<usize>| r.end <= base + start) {
            found.push(base + start..base + end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_cases() {
        assert_eq!(find_all("Calico and calico", "calico", 10), [10..16, 21..27]);
        assert_eq!(find_all("用k8s部署", "k8s", 0), vec![Range { start: 3, end: 6 }]);
        assert_eq!(find_all("aaa", "aa", 0), vec![Range { start: 0, end: 2 }]);
        assert!(find_all("none", "x", 0).is_empty());
    }
}
