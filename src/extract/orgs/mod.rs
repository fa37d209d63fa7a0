//! Which organisation gave a talk: from its title (a catalog name at the start, or a title
//! pattern such as `谊品生鲜如何…`, `蔚来汽车的 Kubernetes 实践`, `Kubernetes 在喜马拉雅的实践`),
//! from the credit line (`分享人 NAME，ORG 职位`), from a `company:` line of the front matter,
//! or, when none of those names one, from a body that speaks of a known organisation as its
//! own (`京东自研的 JFS`). Unknown is a real answer: nothing is guessed from mere mentions.

mod body;
mod credit;
mod rules;
mod title;

use crate::catalog::{Catalog, OrgId};
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind, packed,
};
pub use rules::OrgRules;
use serde::Serialize;
use std::collections::HashSet;

/// Where an attribution came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgSource {
    /// The talk's title.
    Title,
    /// A credit line naming the speaker and their organisation.
    Credit,
    /// The file's front matter.
    FrontMatter,
    /// The talk's text speaks of a known organisation as its own.
    Body,
}

/// An organisation that gave a talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkOrg {
    /// The name as written in the text.
    pub name: String,
    /// The catalog entry, when the name is known.
    #[serde(skip)]
    pub org: Option<OrgId>,
    /// Where it was found.
    pub source: OrgSource,
}

/// Why the organisation finder could not be built.
#[derive(Debug, thiserror::Error)]
pub enum OrgBuildError {
    /// The name automaton could not be built.
    #[error("cannot build the organisation matcher: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    /// The embedded word lists do not parse.
    #[error("cannot read the organisation rules: {0}")]
    Rules(#[from] serde_json::Error),
    /// The ownership cues cannot be searched for together (too many, or empty ones).
    #[error("cannot build the search for the organisation rules' ownership cues")]
    Cues,
}

/// Finds organisations in titles, credit lines, front matter and bodies.
#[derive(Debug, Clone)]
pub struct OrgFinder {
    ac: AhoCorasick,
    owners: Vec<OrgId>,
    rules: OrgRules,
    /// Lower-cased technology names: a title's Latin word that is one is not a company.
    tools: HashSet<String>,
    /// The rules' ownership cues, then `我们`, in one vectorised searcher: most bodies are
    /// searched for them.
    ownership_cues: packed::Searcher,
    /// The job words of a credit line, searched for at once.
    job_words: AhoCorasick,
    /// Bytes in the longest name.
    longest_name: usize,
}

impl OrgFinder {
    /// Compiles the names of every organisation of `catalog`.
    pub fn new(catalog: &Catalog) -> Result<Self, OrgBuildError> {
        let mut names = Vec::new();
        let mut owners = Vec::new();
        for (index, org) in catalog.organisations().iter().enumerate() {
            for name in org.names() {
                names.push(name.to_owned());
                owners.push(OrgId(u32::try_from(index).unwrap_or(u32::MAX)));
            }
        }
        // A DFA: `in_body` runs it over the whole text of most talks, where the default
        // (an NFA for this many names) was as slow as the technology matcher itself. Anchored
        // searches too, so a name at the start of a title or clause is looked for there only.
        let ac = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Both)
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&names)?;
        let tools = catalog
            .technologies()
            .iter()
            .flat_map(|t| t.match_forms())
            .map(|a| a.text.to_lowercase())
            .collect();
        let rules = OrgRules::embedded()?;
        // One search for every cue, `我们` last: a body was searched once per cue.
        // A packed (vectorised) searcher: the automaton's own search stopped at every lead byte
        // the cues share with most Chinese characters.
        let ownership_cues = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(rules.ownership_cues.iter().map(String::as_str).chain([WE]))
            .build()
            .ok_or(OrgBuildError::Cues)?;
        let job_words = AhoCorasick::new(&rules.job_words)?;
        let longest_name = names.iter().map(String::len).max().unwrap_or(0);
        Ok(Self { ac, owners, rules, tools, ownership_cues, job_words, longest_name })
    }

    /// A catalog organisation written at the very start of `text`, with its length.
    fn known_at_start(&self, text: &str) -> Option<(OrgId, usize)> {
        let m = self.ac.find(Input::new(text).anchored(Anchored::Yes))?;
        let bytes = text.as_bytes();
        let boundary = bytes.get(m.end()).is_none_or(|b| !b.is_ascii_alphanumeric());
        let owner = self.owners.get(m.pattern().as_usize())?;
        boundary.then(|| (*owner, m.end()))
    }

    /// The catalog organisation that is exactly `name`.
    fn known_exactly(&self, name: &str) -> Option<OrgId> {
        self.known_at_start(name).filter(|&(_, len)| len == name.len()).map(|(o, _)| o)
    }

    /// Whether `word` names a technology of the catalog.
    fn is_tool(&self, word: &str) -> bool {
        self.tools.contains(&word.to_lowercase())
    }

    /// Organisations that gave the talk with `title`, `body` (the talk's text) and the file's
    /// `front_matter` text, deduplicated, title first.
    pub fn find(&self, title: &str, body: &str, front_matter: Option<&str>) -> Vec<TalkOrg> {
        let mut found = Vec::new();
        found.extend(self.in_title(title.trim()));
        found.extend(self.in_credit(body));
        found.extend(front_matter.and_then(|fm| self.in_front_matter(fm)));
        if found.is_empty() {
            // Weakest evidence: used only when nothing names the speaker's organisation.
            found.extend(self.in_body(body));
        }
        let mut unique: Vec<TalkOrg> = Vec::new();
        for org in found {
            let same = |u: &TalkOrg| {
                (u.org.is_some() && u.org == org.org)
                    || u.name.contains(&org.name)
                    || org.name.contains(&u.name)
            };
            if !unique.iter().any(same) {
                unique.push(org);
            }
        }
        unique
    }

    fn in_front_matter(&self, front_matter: &str) -> Option<TalkOrg> {
        let keys =
            ["company:", "organization:", "organisation:", "org:", "公司：", "公司:", "单位：", "单位:"];
        let value = front_matter.lines().find_map(|line| {
            let line = line.trim();
            let lower = line.to_ascii_lowercase();
            keys.iter()
                .find(|k| lower.starts_with(*k))
                .and_then(|k| line.get(k.len()..))
                .map(|v| v.trim().trim_matches(['"', '\'']))
        })?;
        if value.is_empty() {
            return None;
        }
        Some(TalkOrg {
            name: value.to_owned(),
            org: self.known_exactly(value),
            source: OrgSource::FrontMatter,
        })
    }
}

/// `我们` (we), which makes the known name after it the speaker's own.
const WE: &str = "我们";

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
