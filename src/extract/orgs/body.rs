//! The weakest attribution: a talk with no credit line whose speaker keeps naming one known
//! organisation as their own (`京东自研的 JFS`, `我们京东的…`). A talk that only mentions
//! companies, as customers or clouds, names none.

use super::{OrgFinder, OrgSource, TalkOrg};
use aho_corasick::{Anchored, Input};
use std::collections::HashMap;

impl OrgFinder {
    /// The known organisation that `body` speaks of as its own, if exactly one stands out.
    pub(super) fn in_body(&self, body: &str) -> Option<TalkOrg> {
        if !self.may_own(body) {
            return None;
        }
        self.spoken_of_as_own(body)
    }

    /// [`Self::in_body`] without its quick test: every known name in `body` is counted.
    fn spoken_of_as_own(&self, body: &str) -> Option<TalkOrg> {
        // Per organisation: mentions, ownership mentions, first ownership name.
        let mut seen: HashMap<_, (usize, usize, &str)> = HashMap::new();
        for m in self.ac.find_iter(body) {
            let bytes = body.as_bytes();
            let latin_inside = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
            if latin_inside(m.end()) || (m.start() > 0 && latin_inside(m.start() - 1)) {
                continue;
            }
            let after = body.get(m.end()..).unwrap_or_default().trim_start();
            let owned = self.rules.ownership_cues.iter().any(|c| after.starts_with(c.as_str()))
                || body.get(..m.start()).unwrap_or_default().trim_end().ends_with("我们");
            let Some(&owner) = self.owners.get(m.pattern().as_usize()) else { continue };
            let entry = seen.entry(owner).or_insert((0, 0, ""));
            entry.0 += 1;
            if owned {
                entry.1 += 1;
                if entry.2.is_empty() {
                    entry.2 = body.get(m.start()..m.end()).unwrap_or_default();
                }
            }
        }
        let mut owned: Vec<_> = seen
            .into_iter()
            .filter(|(_, (n, own, _))| *own > 0 && *n >= self.rules.body_min_mentions)
            .collect();
        owned.sort_by_key(|(org, (n, _, _))| (std::cmp::Reverse(*n), *org));
        let (org, (n, _, name)) = *owned.first()?;
        // Two organisations spoken of alike: the talk does not say which is the speaker's.
        if owned.get(1).is_some_and(|(_, (m, _, _))| *m == n) {
            return None;
        }
        Some(TalkOrg { name: name.to_owned(), org: Some(org), source: OrgSource::Body })
    }

    /// Whether `body` may speak of a known organisation as its own: a known name stands right
    /// before an ownership cue, or right after `我们`. Every body is asked; few say yes, and only
    /// those are scanned for every name, so the answer must never be no when `in_body` could
    /// find one. (Asking only whether a cue occurs at all said yes to every talk with a `自己的`
    /// in it, and scanning those was half the cost of finding organisations.)
    fn may_own(&self, body: &str) -> bool {
        let we = self.rules.ownership_cues.len();
        // No cue overlaps another (a test checks the rules), so the leftmost matches are all
        // the matches.
        let mut cues = self.ownership_cues.find_iter(body);
        cues.any(|cue| {
            if cue.pattern().as_usize() == we {
                let rest = body.get(cue.end()..).unwrap_or_default().trim_start();
                return self.ac.find(Input::new(rest).anchored(Anchored::Yes)).is_some();
            }
            let at = cue.start();
            let before = body.get(..at).unwrap_or_default();
            // `in_body` skips the spaces between a name and its cue.
            let trimmed = before.trim_end().len();
            (trimmed..=at).any(|end| self.name_ends_at(body, end))
        })
    }

    /// Whether a catalog name of the finder ends at byte `end` of `text`.
    fn name_ends_at(&self, text: &str, end: usize) -> bool {
        if !text.is_char_boundary(end) {
            return false;
        }
        // The longest match that starts at `start` and ends by `end` ends at `end` if any does.
        let starts = end.saturating_sub(self.longest_name)..end;
        starts.filter(|&start| text.is_char_boundary(start)).any(|start| {
            let input = Input::new(text).span(start..end).anchored(Anchored::Yes);
            self.ac.find(input).is_some_and(|m| m.end() == end)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::extract::OrgFinder;

    /// The quick test before counting names must never turn a body away that names its own
    /// organisation: bodies built from catalog names, cues, spaces, Latin neighbours and `我们`
    /// come out the same with it as without.
    #[test]
    fn the_quick_test_turns_away_no_body_that_names_its_own() {
        let (catalog, _) = Catalog::embedded();
        let finder = OrgFinder::new(&catalog).unwrap();
        let names: Vec<&str> =
            catalog.organisations().iter().flat_map(|o| o.names()).step_by(7).take(60).collect();
        let joins = ["", " ", "  ", "\u{3000}", "x", "的"];
        let mut owned = 0;
        for (k, name) in names.iter().enumerate() {
            for cue in finder.rules.ownership_cues.iter().map(String::as_str).chain(["用的", "我们"]) {
                for join in joins {
                    let spoken = if cue == "我们" {
                        format!("{cue}{join}{name}")
                    } else {
                        format!("{name}{join}{cue}")
                    };
                    let other = names.get(k + 1).copied().unwrap_or("京东");
                    let body = format!("A：{spoken}的平台。{name}和{other}都在用，{name}很好，{name}。");
                    let gated = finder.in_body(&body);
                    assert_eq!(gated, finder.spoken_of_as_own(&body), "{body}");
                    owned += usize::from(gated.is_some());
                }
            }
        }
        assert!(owned > 100, "{owned} bodies name their own organisation");
    }

    /// The quick test searches for the ownership cues without overlaps: it would miss a cue
    /// that overlaps another, so the rules must have none.
    #[test]
    fn no_ownership_cue_overlaps_another() {
        let (catalog, _) = Catalog::embedded();
        let finder = OrgFinder::new(&catalog).unwrap();
        let cues: Vec<&str> =
            finder.rules.ownership_cues.iter().map(String::as_str).chain([super::super::WE]).collect();
        for (i, a) in cues.iter().enumerate() {
            for (j, b) in cues.iter().enumerate() {
                let overlaps = (1..a.len()).any(|k| a.get(k..).is_some_and(|tail| b.starts_with(tail)));
                assert!(i == j || !(a.contains(b) || overlaps), "{a} and {b}");
            }
        }
    }
}
