//! The weakest attribution: a talk with no credit line whose speaker keeps naming one known
//! organisation as their own (`京东自研的 JFS`, `我们京东的…`). A talk that only mentions
//! companies, as customers or clouds, names none.

use super::{OrgFinder, OrgSource, TalkOrg};
use aho_corasick::{Anchored, Input};
use memchr::memmem::Finder;
use std::collections::HashMap;

impl OrgFinder {
    /// The known organisation that `body` speaks of as its own, if exactly one stands out.
    pub(super) fn in_body(&self, body: &str) -> Option<TalkOrg> {
        if !self.may_own(body) {
            return None;
        }
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

    /// Whether `body` may speak of a known organisation as its own: it holds an ownership cue,
    /// or `我们` right before a known name. Every body is asked; few say yes, and only those are
    /// scanned for every name, so the answer must never be no when `in_body` could find one.
    fn may_own(&self, body: &str) -> bool {
        let bytes = body.as_bytes();
        if self.ownership_cues.iter().any(|cue| cue.find(bytes).is_some()) {
            return true;
        }
        WE.find_iter(bytes).any(|at| {
            let rest = body.get(at + WE.needle().len()..).unwrap_or_default().trim_start();
            self.ac.find(Input::new(rest).anchored(Anchored::Yes)).is_some()
        })
    }
}

/// `我们` (we), which makes the known name after it the speaker's own.
static WE: std::sync::LazyLock<Finder<'static>> = std::sync::LazyLock::new(|| Finder::new("我们"));
