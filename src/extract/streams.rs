//! The technology automaton run over two passages at once.
//!
//! A DFA search is one chain of dependent loads: the next state cannot be read before the
//! current one is known, so a single search waits on memory at every byte and leaves most of
//! the core idle. Two searches over different passages, stepped in turn in one loop, are two
//! independent chains the core overlaps: over one long text that nearly doubles the bytes
//! matched per second, and over a talk's short passages (stopping at every match) it makes the
//! matcher about a third faster. The searches are leftmost-longest, as `aho-corasick`'s own,
//! and what to do after each match (accept it, skip a word) is the caller's.
//!
//! Each search runs in one of two lanes and takes its passages in order, so each lane's
//! matches come in text order: a caller that keeps the lanes apart merges them in one pass
//! instead of sorting.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchError, PatternID};
use std::ops::Range;

/// A leftmost-longest match of one pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Which pattern.
    pub pattern: PatternID,
    /// Start of the match in the text.
    pub start: usize,
    /// End of the match.
    pub end: usize,
}

/// One passage's search in progress: the state after `at - 1`, and the longest match yet.
struct Search {
    passage: usize,
    lane: usize,
    at: usize,
    end: usize,
    state: StateID,
    found: Option<Found>,
}

/// What settling a search after a step left.
enum Settled {
    /// The search goes on (or starts again) at `at`, before its passage's end.
    Going,
    /// The passage holds no more matches.
    Done,
}

/// Runs `dfa` (leftmost-longest, unanchored, without a prefilter) over each of `passages` of
/// `hay`. Each match is handed to `on_match` with its passage's index and its lane (0 or 1),
/// which returns where the search of that passage goes on (a position before the match's
/// start + 1 counts as that). A passage is searched in one lane, and each lane's matches come
/// in text order; the two lanes interleave.
// Kept out of line: inlined into its caller, the stepping loop came out with a third more
// instructions (the zipped iteration and the checks were not simplified), depending on what
// else the caller's code unit held.
#[inline(never)]
pub fn search(
    dfa: &DFA,
    hay: &[u8],
    passages: &[Range<usize>],
    mut on_match: impl FnMut(usize, usize, Found) -> usize,
) -> Result<(), MatchError> {
    let start = dfa.start_state(Anchored::No)?;
    let mut queue = passages.iter().enumerate().filter(|(_, r)| r.start < r.end && r.end <= hay.len());
    let mut next = |lane: usize| {
        queue.next().map(|(i, r)| Search {
            passage: i,
            lane,
            at: r.start,
            end: r.end,
            state: start,
            found: None,
        })
    };
    let (mut a, mut b) = (next(0), next(1));
    while let (Some(x), Some(y)) = (&mut a, &mut b) {
        // Both searches stand before their passages' ends here: step them in turn until one
        // meets a state that needs looking at, or its end.
        let steps = x.end.saturating_sub(x.at).min(y.end.saturating_sub(y.at));
        let (Some(xs), Some(ys)) = (hay.get(x.at..x.at + steps), hay.get(y.at..y.at + steps)) else {
            // Not reached: a search in flight stands inside its passage, which lies in `hay`.
            break;
        };
        let mut stepped = 0;
        for (&bx, &by) in xs.iter().zip(ys) {
            x.state = dfa.next_state(Anchored::No, x.state, bx);
            y.state = dfa.next_state(Anchored::No, y.state, by);
            stepped += 1;
            if dfa.is_special(x.state) || dfa.is_special(y.state) {
                break;
            }
        }
        x.at += stepped;
        y.at += stepped;
        // Most stops are for one of the two: the other goes on untouched.
        let looks = |s: &Search| dfa.is_special(s.state) || s.at >= s.end;
        let (look_x, look_y) = (looks(x), looks(y));
        if look_x && matches!(settle(dfa, start, x, &mut on_match), Settled::Done) {
            a = next(0);
        }
        if look_y && matches!(settle(dfa, start, y, &mut on_match), Settled::Done) {
            b = next(1);
        }
    }
    // One passage left in flight (or none): on its own, then the rest one by one in its lane.
    for mut last in [a, b] {
        while let Some(x) = &mut last {
            match hay.get(x.at) {
                Some(&byte) => {
                    x.state = dfa.next_state(Anchored::No, x.state, byte);
                    x.at += 1;
                }
                // Not reached (see above); ending the search keeps the loop finite regardless.
                None => x.at = x.end,
            }
            if let Settled::Done = settle(dfa, start, x, &mut on_match) {
                last = next(x.lane);
            }
        }
    }
    Ok(())
}

/// Looks at `search` after a step: records a match, ends a search at a dead state or at the
/// passage's end (handing its match to `on_match` and starting again where that says).
// Kept out of line: inlined, its match handling crowded the stepping loop's registers.
#[inline(never)]
fn settle(
    dfa: &DFA,
    start: StateID,
    search: &mut Search,
    on_match: &mut impl FnMut(usize, usize, Found) -> usize,
) -> Settled {
    let mut over = search.at >= search.end;
    if dfa.is_special(search.state) {
        if dfa.is_dead(search.state) {
            over = true;
        } else if dfa.is_match(search.state) {
            let pattern = dfa.match_pattern(search.state, 0);
            let start = search.at.saturating_sub(dfa.pattern_len(pattern));
            search.found = Some(Found { pattern, start, end: search.at });
        }
    }
    if !over {
        return Settled::Going;
    }
    let Some(found) = search.found.take() else { return Settled::Done };
    search.at = on_match(search.passage, search.lane, found).max(found.start + 1);
    search.state = start;
    if search.at < search.end { Settled::Going } else { Settled::Done }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Input, MatchKind};

    const PATTERNS: &[&str] = &[
        "k8s",
        "kubernetes",
        "kube",
        "go",
        "golang",
        "spring cloud",
        "spring",
        "阿里云",
        "阿里",
        "云原生",
        "ES",
    ];

    fn dfa() -> DFA {
        DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(PATTERNS)
            .unwrap()
    }

    /// Texts of pattern pieces, CJK and Latin filler, from a seeded generator.
    fn texts() -> Vec<String> {
        let pieces = [
            "k8", "s", "Kube", "rnetes", "go", "lang", " ", "，", "阿里", "云", "原生", "spring", " cloud",
            "Es", "x", "\n", "的",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        (0..200)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..(seed % 40) {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                }
                text
            })
            .collect()
    }

    /// What `search` must agree with: `aho-corasick`'s own leftmost-longest search, passage by
    /// passage, going on where `next` says.
    fn one_by_one(
        hay: &str,
        passages: &[Range<usize>],
        next: impl Fn(Found) -> usize,
    ) -> Vec<(usize, Found)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(PATTERNS)
            .unwrap();
        let mut all = Vec::new();
        for (i, range) in passages.iter().enumerate() {
            let mut at = range.start;
            while at < range.end {
                let Some(m) = ac.find(Input::new(hay).span(at..range.end)) else { break };
                let found = Found { pattern: m.pattern(), start: m.start(), end: m.end() };
                all.push((i, found));
                at = next(found).max(found.start + 1);
            }
        }
        all
    }

    #[test]
    fn two_passages_at_once_match_as_one_search_per_passage_does() {
        let dfa = dfa();
        let nexts: [fn(Found) -> usize; 2] = [|f| f.end, |f| f.start + 1];
        for text in texts() {
            // Passages cut at char boundaries: whole text, halves, thirds, one empty, lines.
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let cut = |k: usize| bounds[bounds.len() * k / 6];
            let splits = vec![
                vec![0..text.len()],
                vec![0..cut(3), cut(3)..text.len()],
                vec![0..cut(2), cut(2)..cut(2), cut(2)..cut(4), cut(4)..text.len(), 0..text.len()],
                vec![cut(1)..cut(5), cut(5)..cut(1)],
            ];
            for passages in &splits {
                for next in nexts {
                    let mut got = Vec::new();
                    let mut lanes: [Vec<usize>; 2] = Default::default();
                    search(&dfa, text.as_bytes(), passages, |i, lane, found| {
                        got.push((i, found));
                        lanes[lane].push(i);
                        next(found)
                    })
                    .unwrap();
                    for lane in &lanes {
                        assert!(lane.is_sorted(), "each lane takes passages in order: {lanes:?}");
                    }
                    got.sort_by_key(|&(i, _)| i);
                    assert_eq!(got, one_by_one(&text, passages, next), "{text:?} {passages:?}");
                }
            }
        }
    }

    /// A passage past the text's end, or backwards, holds nothing (and does not panic).
    #[test]
    #[allow(clippy::reversed_empty_ranges)] // a backwards range is what the case is about
    fn passages_outside_the_text_hold_nothing() {
        let mut got = 0;
        search(&dfa(), b"k8s go", &[0..99, 4..2, 0..3], |_, _, found| {
            got += 1;
            found.end
        })
        .unwrap();
        assert_eq!(got, 1);
    }
}
