//! From talks to what they say about technologies: mentions (technology, passage, role, byte
//! range, line, stance), migrations between technologies, and the organisations that gave each
//! talk. Everything here is a pure function of the catalog and the repaired text.
//!
//! [`Extractor::talk`] is what [`crate::index`] runs, in parallel over talks.

mod context;
pub mod matcher;
pub mod migrations;
pub mod orgs;
mod sentence;
pub mod stance;
mod streams;
pub mod suggestions;

pub use matcher::{BuildError, Matcher};
pub use orgs::{OrgFinder, OrgSource, TalkOrg};
pub use stance::{Cue, Stance};

use crate::catalog::{Catalog, ToolId};
use crate::parse::{Role, Talk};
use context::TalkMemo;
use matcher::{CueHit, ToolHit};
use sentence::{Around, SentenceEnds};
use std::cell::RefCell;
use std::num::NonZeroU32;
use std::ops::Range;

/// One mention of a technology. Numbers, not strings: the surface is `text[range()]`.
///
/// A large corpus holds millions, so it is kept to 32 bytes: 32-bit byte offsets (the loader
/// caps files at [`crate::corpus::load::MAX_FILE_BYTES_LIMIT`], which keeps every offset of a
/// decoded text below 4 GiB) and a Q&A number with a niche for "none".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the talk in [`crate::Corpus::talks`].
    pub talk: u32,
    /// Index of the passage in that talk's `passages`.
    pub passage: u32,
    /// The technology.
    pub tool: ToolId,
    /// Title, question, answer or body.
    pub role: Role,
    /// The Q&A pair number (1-based), for questions and answers.
    pub qa_index: Option<NonZeroU32>,
    /// Start of the byte range in the file's text.
    pub start: u32,
    /// End of the byte range in the file's text.
    pub end: u32,
    /// 1-based line.
    pub line: u32,
    /// What the sentence says about it.
    pub stance: Stance,
}

impl Mention {
    /// The byte range of the mention in its file's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A change from one technology to another, with the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// Index of the talk in [`crate::Corpus::talks`].
    pub talk: u32,
    /// What was left.
    pub from: ToolId,
    /// What was adopted.
    pub to: ToolId,
    /// Byte range of the evidence sentence in the file's text.
    pub evidence: Range<usize>,
    /// 1-based line of the first technology.
    pub line: u32,
}

/// Everything extracted from one talk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TalkFindings {
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Migrations, in text order.
    pub migrations: Vec<Migration>,
    /// The organisations that gave the talk.
    pub orgs: Vec<TalkOrg>,
}

/// Why extraction could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The technology automaton could not be built.
    #[error(transparent)]
    Tools(#[from] BuildError),
    /// The organisation finder could not be built.
    #[error(transparent)]
    Orgs(#[from] orgs::OrgBuildError),
}

/// The working vectors of extracting one talk, kept from talk to talk on each thread: a large
/// corpus has hundreds of thousands of talks, and growing these afresh for each one was a
/// twentieth of extraction's instructions.
#[derive(Default)]
struct Scratch {
    tools: Vec<ToolHit>,
    cues: Vec<CueHit>,
    sentences: Vec<Range<usize>>,
    ranges: Vec<Range<usize>>,
    ends: SentenceEnds,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The compiled catalog: technologies, cues and organisations.
#[derive(Debug, Clone)]
pub struct Extractor {
    /// Technologies and cue words.
    pub matcher: Matcher,
    /// Organisations.
    pub orgs: OrgFinder,
}

impl Extractor {
    /// Compiles `catalog`.
    pub fn new(catalog: &Catalog) -> Result<Self, ExtractError> {
        Ok(Self { matcher: Matcher::new(catalog)?, orgs: OrgFinder::new(catalog)? })
    }

    /// Extracts mentions, migrations and organisations from `talk` (number `talk_index`) of a
    /// file whose text is `text` and whose front matter, if any, is `front_matter`.
    pub fn talk(&self, text: &str, talk: &Talk, talk_index: u32, front_matter: Option<&str>) -> TalkFindings {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => self.talk_in(text, talk, talk_index, front_matter, &mut scratch),
            // Not reached (extraction calls no extraction), but a fresh scratch does the same.
            Err(_) => self.talk_in(text, talk, talk_index, front_matter, &mut Scratch::default()),
        })
    }

    /// [`Self::talk`], with the working vectors of `scratch`.
    fn talk_in(
        &self,
        text: &str,
        talk: &Talk,
        talk_index: u32,
        front_matter: Option<&str>,
        scratch: &mut Scratch,
    ) -> TalkFindings {
        let mut findings = TalkFindings::default();
        let mut memo = TalkMemo::default();
        let Scratch { tools, cues, sentences, ranges, ends } = scratch;
        tools.clear();
        cues.clear();
        ranges.clear();
        ranges.extend(talk.passages.iter().map(|p| p.range.clone()));
        self.matcher.scan(text, ranges, talk.range.clone(), &mut memo, tools, cues);
        // One mention per technology found: the vector kept in the snapshot is sized once.
        findings.mentions.reserve_exact(tools.len());
        let (mut tools_left, mut cues_left) = (tools.as_slice(), cues.as_slice());
        for (p_index, (passage, range)) in talk.passages.iter().zip(ranges.iter()).enumerate() {
            let here = |passage: u32| passage as usize == p_index;
            let (tools, rest) = tools_left.split_at(tools_left.partition_point(|hit| here(hit.passage)));
            tools_left = rest;
            let (cues, rest) = cues_left.split_at(cues_left.partition_point(|hit| here(hit.passage)));
            cues_left = rest;
            if tools.is_empty() {
                continue;
            }
            ends.scan(text, range);
            sentences.clear();
            let first = findings.mentions.len();
            for hit in tools {
                let Around { sentence, breaks_before } = ends.around(text, range, hit.start, hit.end);
                let in_sentence = cues_in(cues, &sentence).iter().map(|c| c.cue);
                findings.mentions.push(Mention {
                    talk: talk_index,
                    passage: u32::try_from(p_index).unwrap_or(u32::MAX),
                    tool: hit.tool,
                    role: passage.role,
                    qa_index: passage.qa_index.and_then(NonZeroU32::new),
                    // The loader's size cap keeps offsets in range; a text built some other way
                    // and larger than 4 GiB gets a range past its end, whose surface is empty.
                    start: u32::try_from(hit.start).unwrap_or(u32::MAX),
                    end: u32::try_from(hit.end).unwrap_or(u32::MAX),
                    line: passage.line.saturating_add(breaks_before),
                    stance: stance::decide(passage.role == Role::Question, in_sentence),
                });
                sentences.push(sentence);
            }
            let is_question = passage.role == Role::Question;
            self.migrations(text, tools, sentences, cues, &mut findings, first, is_question);
        }
        let body = text.get(talk.range.clone()).unwrap_or_default();
        findings.orgs = self.orgs.find(&talk.title, body, front_matter);
        findings
    }

    /// Finds migrations among the passage's mentions (`findings.mentions[first..]`, whose
    /// sentences are `sentences`) and sets the stance of their two sides (unless the passage
    /// is a question).
    #[allow(clippy::too_many_arguments)] // one passage's state, passed down from `talk`
    fn migrations(
        &self,
        text: &str,
        tools: &[ToolHit],
        sentences: &[Range<usize>],
        cues: &[CueHit],
        findings: &mut TalkFindings,
        first: usize,
        is_question: bool,
    ) {
        for (pair, (ab, sentence)) in tools.windows(2).zip(sentences).enumerate() {
            let &[a, b] = ab else { continue };
            let sentence = sentence.clone();
            if a.tool == b.tool || b.start >= sentence.end {
                continue;
            }
            if !cues_in(cues, &sentence).iter().any(|c| matches!(c.cue, Cue::Migration | Cue::MovedAway)) {
                continue;
            }
            let before = text.get(sentence.start..a.start).unwrap_or_default();
            let between = text.get(a.end..b.start).unwrap_or_default();
            let after = text.get(b.end..sentence.end).unwrap_or_default();
            let Some(forward) = migrations::direction(before, between, after) else { continue };
            let (from, to) = if forward { (a, b) } else { (b, a) };
            let (from_m, to_m) =
                if forward { (first + pair, first + pair + 1) } else { (first + pair + 1, first + pair) };
            let Some(mention) = findings.mentions.get(first + pair) else { continue };
            findings.migrations.push(Migration {
                talk: mention.talk,
                from: from.tool,
                to: to.tool,
                evidence: sentence,
                line: mention.line,
            });
            if !is_question {
                if let Some(m) = findings.mentions.get_mut(from_m) {
                    m.stance = Stance::MovedAway;
                }
                if let Some(m) = findings.mentions.get_mut(to_m) {
                    m.stance = Stance::Uses;
                }
            }
        }
    }
}

/// The cue hits (sorted by start) that lie in `range`.
fn cues_in<'a>(cues: &'a [CueHit], range: &Range<usize>) -> &'a [CueHit] {
    let lo = cues.partition_point(|c| c.start < range.start);
    let hi = cues.partition_point(|c| c.start < range.end);
    cues.get(lo..hi.max(lo)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions were 48 bytes (a `usize` range, a plain `Option<u32>`): a third of a large
    /// corpus's index was padding and high halves of offsets.
    #[test]
    fn a_mention_takes_32_bytes() {
        assert_eq!(std::mem::size_of::<Mention>(), 32);
    }

    #[test]
    fn a_mention_gives_back_its_range() {
        let mention = Mention {
            talk: 0,
            passage: 0,
            tool: ToolId(0),
            role: Role::Body,
            qa_index: NonZeroU32::new(3),
            start: 7,
            end: 12,
            line: 1,
            stance: Stance::Neutral,
        };
        assert_eq!((mention.range(), mention.qa_index.map(NonZeroU32::get)), (7..12, Some(3)));
    }
}
