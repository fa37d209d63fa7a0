//! One aho-corasick DFA over every alias of every technology and every stance cue word:
//! leftmost-longest, ASCII-case-insensitive. Exact case and context rules are checked after a
//! match, so the automaton runs once over the text however many rules there are; it runs over
//! a talk's passages two at a time (see [`super::streams`]).

use super::context::{self, Site, TalkMemo};
use super::stance::{CUES, Cue};
use super::streams::{self, Found};
use crate::catalog::{Alias, Catalog, ToolId};
use aho_corasick::MatchKind;
use aho_corasick::dfa::DFA;
use std::collections::HashMap;
use std::ops::Range;

/// Why the matcher could not be built (an automaton too large, in practice).
#[derive(Debug, thiserror::Error)]
#[error("cannot build the technology matcher: {0}")]
pub struct BuildError(#[from] aho_corasick::BuildError);

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy)]
enum Pattern {
    /// Aliases whose text is this pattern (ignoring ASCII case): `candidates[first..end]`,
    /// tried in catalog order.
    Tool { first: u32, end: u32 },
    /// A stance or migration cue.
    Cue(Cue),
}

/// One technology behind a pattern, with the rules of that writing.
#[derive(Debug, Clone)]
struct Candidate {
    tool: ToolId,
    alias: Alias,
}

/// A technology found at a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToolHit {
    /// Index of the passage (in the list scanned) it is in.
    pub passage: u32,
    /// Which technology.
    pub tool: ToolId,
    /// Byte range in the file text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// A cue word found at a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    /// Index of the passage (in the list scanned) it is in.
    pub passage: u32,
    /// What kind of cue.
    pub cue: Cue,
    /// Byte offset in the file text.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// The compiled catalog: build once per catalog, share across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    dfa: DFA,
    patterns: Vec<Pattern>,
    candidates: Vec<Candidate>,
}

impl Matcher {
    /// Compiles every alias of `catalog` and every cue word into one DFA.
    pub fn new(catalog: &Catalog) -> Result<Self, BuildError> {
        let mut texts: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut grouped: Vec<Vec<Candidate>> = Vec::new();
        for (index, tech) in catalog.technologies().iter().enumerate() {
            let tool = ToolId(u32::try_from(index).unwrap_or(u32::MAX));
            // One-letter forms (`C`, `R`) would match inside every word; those languages are
            // found by their longer forms (`C 语言`, `C++`).
            for alias in tech.match_forms().into_iter().filter(|a| a.text.len() > 1) {
                let key = alias.text.to_ascii_lowercase();
                let slot = *by_key.entry(key).or_insert_with(|| {
                    texts.push(alias.text.clone());
                    grouped.push(Vec::new());
                    grouped.len() - 1
                });
                if let Some(group) = grouped.get_mut(slot) {
                    group.push(Candidate { tool, alias });
                }
            }
        }
        let mut patterns = Vec::with_capacity(texts.len() + CUES.len());
        let mut candidates = Vec::new();
        for group in grouped {
            let first = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
            candidates.extend(group);
            let end = u32::try_from(candidates.len()).unwrap_or(u32::MAX);
            patterns.push(Pattern::Tool { first, end });
        }
        for (word, cue) in CUES {
            if !by_key.contains_key(&word.to_ascii_lowercase()) {
                texts.push((*word).to_owned());
                patterns.push(Pattern::Cue(*cue));
            }
        }
        // No prefilter: with thousands of patterns none would be used, and without one the
        // search loop needs no start-state check.
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&texts)?;
        Ok(Self { dfa, patterns, candidates })
    }

    /// Number of distinct alias texts compiled (for diagnostics and benchmarks).
    pub fn alias_count(&self) -> usize {
        self.patterns.iter().filter(|p| matches!(p, Pattern::Tool { .. })).count()
    }

    /// Runs the automaton alone over `passages` of `text` — no boundary, case or context rule —
    /// and counts its matches: what extraction would cost if its rules were free, the ceiling
    /// that benchmarks set extraction's speed against.
    pub fn count_raw_matches(&self, text: &str, passages: &[Range<usize>]) -> usize {
        let mut count = 0;
        let searched = streams::search(&self.dfa, text.as_bytes(), passages, |_, _, found| {
            count += 1;
            found.end
        });
        // The automaton is built for unanchored searches, the only kind asked of it.
        searched.map_or(0, |()| count)
    }

    /// Scans `passages` of `text` (which lie in `talk`), appending technologies to `tools` and
    /// cue words to `cues`, both ordered by passage and, within one, by position.
    pub fn scan(
        &self,
        text: &str,
        passages: &[Range<usize>],
        talk: Range<usize>,
        memo: &mut TalkMemo,
        tools: &mut Vec<ToolHit>,
        cues: &mut Vec<CueHit>,
    ) {
        let hay = text.as_bytes();
        let (first_tool, first_cue) = (tools.len(), cues.len());
        // The second lane's hits, merged with the first's (in place at the end of `tools` and
        // `cues`) once both are done.
        let (mut tools_2, mut cues_2) = (Vec::new(), Vec::new());
        let searched = streams::search(&self.dfa, hay, passages, |index, lane, found| {
            let (tools, cues) =
                if lane == 0 { (&mut *tools, &mut *cues) } else { (&mut tools_2, &mut cues_2) };
            let passage = passages.get(index).cloned().unwrap_or_default();
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let Found { pattern, start, end } = found;
            let accepted = context::on_boundaries(hay, start, end)
                && match self.patterns.get(pattern.as_usize()) {
                    Some(&Pattern::Cue(cue)) => {
                        cues.push(CueHit { passage: index, cue, start, end });
                        true
                    }
                    Some(&Pattern::Tool { first, end: last }) => {
                        let site = Site { hay, at: start..end, passage, talk: talk.clone() };
                        let group = self.candidates.get(first as usize..last as usize).unwrap_or_default();
                        let found = (group.iter().enumerate())
                            .find(|(k, c)| context::alias_holds(&c.alias, first as usize + k, &site, memo));
                        if let Some((_, candidate)) = found {
                            tools.push(ToolHit { passage: index, tool: candidate.tool, start, end });
                        }
                        found.is_some()
                    }
                    // Every pattern of the automaton has an entry; nothing to accept otherwise.
                    None => false,
                };
            next_start(hay, start, end, accepted)
        });
        // The automaton is built for unanchored searches, the only kind asked of it: nothing
        // to report otherwise.
        if searched.is_err() {
            tools.truncate(first_tool);
            cues.truncate(first_cue);
            return;
        }
        merge_lanes(tools, first_tool, tools_2, |hit| hit.passage);
        merge_lanes(cues, first_cue, cues_2, |hit| hit.passage);
    }
}

/// Merges `second` into `all[from..]`, both ordered by passage and holding no passage in
/// common (a passage is searched in one lane), keeping each passage's hits in their order.
fn merge_lanes<T>(all: &mut Vec<T>, from: usize, second: Vec<T>, passage: impl Fn(&T) -> u32) {
    if second.is_empty() {
        return;
    }
    let first = all.split_off(from.min(all.len()));
    let (mut first, mut second) = (first.into_iter().peekable(), second.into_iter().peekable());
    loop {
        let from_first = match (first.peek(), second.peek()) {
            (Some(a), Some(b)) => passage(a) <= passage(b),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        all.extend(if from_first { first.next() } else { second.next() });
    }
}

/// Where the search goes on after a match at `start..end` of `hay`, `accepted` or not.
fn next_start(hay: &[u8], start: usize, end: usize, accepted: bool) -> usize {
    let word_byte = |i: usize| hay.get(i).is_some_and(|&b| context::is_word_byte(b));
    if accepted {
        end
    } else if start > 0 && word_byte(start - 1) && word_byte(start) {
        // Inside a Latin word no match can start on a boundary: go to its end.
        start + hay.get(start..).unwrap_or_default().iter().take_while(|&&b| context::is_word_byte(b)).count()
    } else {
        start + hay.get(start).map_or(1, |&b| utf8_len(b))
    }
}

/// Length of the UTF-8 sequence that starts with `first`, so a retry starts on a character.
fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::merge_lanes;

    /// Hits as (passage, position): each lane ordered by passage, no passage in both lanes,
    /// and hits already in `all` before `from` left where they are.
    #[test]
    fn lanes_merge_by_passage_keeping_each_passages_order() {
        type Hits = Vec<(u32, u32)>;
        #[rustfmt::skip]
        let cases: &[(Hits, usize, Hits, Hits)] = &[
            (vec![], 0, vec![], vec![]),
            (vec![(0, 1), (2, 5)], 0, vec![], vec![(0, 1), (2, 5)]),
            (vec![], 0, vec![(1, 3), (1, 4)], vec![(1, 3), (1, 4)]),
            (vec![(0, 1), (0, 2), (3, 9)], 0, vec![(1, 5), (2, 7), (2, 8)],
             vec![(0, 1), (0, 2), (1, 5), (2, 7), (2, 8), (3, 9)]),
            (vec![(9, 9), (0, 1)], 1, vec![(1, 2)], vec![(9, 9), (0, 1), (1, 2)]),
            (vec![(4, 1)], 5, vec![(0, 2)], vec![(4, 1), (0, 2)]),
        ];
        for (all, from, second, want) in cases {
            let mut got = all.clone();
            merge_lanes(&mut got, *from, second.clone(), |&(passage, _)| passage);
            assert_eq!(&got, want, "{all:?} from {from} with {second:?}");
        }
    }
}
