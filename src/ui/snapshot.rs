//! A loaded corpus together with everything the views derive from it.
//!
//! Counting talks per year, grouping problems or running the analyses is cheap once but not
//! sixty times a second, so it is done once per load, on the loading thread, and kept beside
//! the corpus. The views only
//! read it. A new load makes a new snapshot with a new id; nothing in one is ever changed.

use super::results::{self, AnalysisKey, Results};
use crate::catalog::ToolId;
use crate::corpus::DecodeMethod;
use crate::index::{Corpus, FileId, OrgKey};
use crate::problem::ProblemKind;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// How the Problems view groups its entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemGroup {
    /// Problems of one kind.
    Kind(ProblemKind),
    /// Files whose encoding was guessed or was not UTF-8: not problems, but decisions to check.
    Encoding,
}

/// One entry of the Problems view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemEntry {
    /// An index into `Corpus::problems`.
    Problem(usize),
    /// A file whose encoding decision is worth seeing.
    Encoding(FileId),
}

/// An immutable corpus and its derived numbers.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Distinguishes snapshots, so caches know when to rebuild.
    pub id: u64,
    /// The corpus itself.
    pub corpus: Arc<Corpus>,
    /// For each file, the range of its talks in `Corpus::talks`.
    pub file_talks: Vec<Range<usize>>,
    /// Dated talks per year, in year order.
    pub talks_per_year: Vec<(i16, usize)>,
    /// Talks with no date.
    pub undated: usize,
    /// Total Q&A pairs.
    pub qa_pairs: usize,
    /// Earliest and latest talk dates.
    pub date_range: Option<(Date, Date)>,
    /// Total size of the files read.
    pub bytes: u64,
    /// Problems and encoding decisions grouped for the Problems view, in group order.
    pub problem_groups: Vec<(ProblemGroup, Vec<ProblemEntry>)>,
    /// What the first analyses were computed for: the view the user had when the load started.
    pub first_key: AnalysisKey,
    /// The first analyses, computed with the snapshot so that the views have results as soon
    /// as it arrives (and [`crate::ui::results::Computations`] does not compute them again).
    pub first_results: Arc<Results>,
    /// Technologies with at least one mention and their talks, most talks first, for pickers.
    pub tools_by_talks: Vec<(ToolId, u32)>,
    /// Organisations and their talks, most talks first, for pickers.
    pub orgs_by_talks: Vec<(OrgKey, u32)>,
    /// Whether this is a load's preview (a sample of its files) rather than all of them.
    pub preview: bool,
}

impl Snapshot {
    /// Derives everything the views need from `corpus`, with the analyses of `key` (whose
    /// `snapshot` is the new snapshot's id).
    pub fn new(corpus: Arc<Corpus>, key: AnalysisKey) -> Self {
        let mut file_talks = vec![0..0; corpus.files.len()];
        // Talks are in file order: each file's talks are one run.
        for (start, talk) in corpus.talks.iter().enumerate() {
            if let Some(slot) = file_talks.get_mut(talk.file.0 as usize) {
                if slot.start == slot.end {
                    *slot = start..start;
                }
                slot.end = start + 1;
            }
        }
        let mut years = BTreeMap::new();
        for entry in &corpus.talks {
            if let Some(date) = entry.talk.date {
                *years.entry(date.year()).or_insert(0) += 1;
            }
        }
        let dated: usize = years.values().sum();
        let first_results = Arc::new(results::compute(&corpus, &key, None));
        Self {
            id: key.snapshot,
            file_talks,
            talks_per_year: years.into_iter().collect(),
            undated: corpus.talks.len() - dated,
            qa_pairs: corpus.qa_pairs(),
            date_range: corpus.date_range(),
            bytes: corpus.files.iter().map(|f| f.bytes).sum(),
            problem_groups: group_problems(&corpus),
            first_key: key,
            first_results,
            tools_by_talks: tools_by_talks(&corpus),
            orgs_by_talks: orgs_by_talks(&corpus),
            preview: false,
            corpus,
        }
    }

    /// Number of problems proper (encoding decisions not counted).
    pub fn problem_count(&self) -> usize {
        self.corpus.problems.len()
    }
}

fn tools_by_talks(corpus: &Corpus) -> Vec<(ToolId, u32)> {
    let mut tools: Vec<(ToolId, u32)> = (corpus.postings.tool_talks.iter().enumerate())
        .filter(|(_, talks)| !talks.is_empty())
        .map(|(t, talks)| (ToolId(u32::try_from(t).unwrap_or(u32::MAX)), count_u32(talks.len())))
        .collect();
    tools.sort_by_key(|&(tool, talks)| (std::cmp::Reverse(talks), tool));
    tools
}

fn orgs_by_talks(corpus: &Corpus) -> Vec<(OrgKey, u32)> {
    let mut talks = vec![0u32; corpus.postings.org_names.len()];
    for key in corpus.postings.talk_orgs.iter().flatten() {
        if let Some(n) = talks.get_mut(key.0 as usize) {
            *n += 1;
        }
    }
    let mut orgs: Vec<(OrgKey, u32)> = talks
        .into_iter()
        .enumerate()
        .map(|(k, n)| (OrgKey(count_u32(k)), n))
        .filter(|&(_, n)| n > 0)
        .collect();
    orgs.sort_by_key(|&(org, talks)| (std::cmp::Reverse(talks), org));
    orgs
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn group_problems(corpus: &Corpus) -> Vec<(ProblemGroup, Vec<ProblemEntry>)> {
    let mut groups: BTreeMap<ProblemGroup, Vec<ProblemEntry>> = BTreeMap::new();
    for (index, problem) in corpus.problems.iter().enumerate() {
        groups.entry(ProblemGroup::Kind(problem.kind)).or_default().push(ProblemEntry::Problem(index));
    }
    for (index, file) in corpus.files.iter().enumerate() {
        if file.method == DecodeMethod::Detected || file.encoding != "UTF-8" {
            let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            groups.entry(ProblemGroup::Encoding).or_default().push(ProblemEntry::Encoding(id));
        }
    }
    // Failures first, notices after: what the user must look at comes first.
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|(group, _)| match group {
        ProblemGroup::Kind(kind) => (kind.is_notice(), 0),
        ProblemGroup::Encoding => (true, 1),
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, Source};
    use crate::ui::settings::Settings;

    #[test]
    fn every_talk_belongs_to_its_files_range() {
        let corpus = Corpus::load(&Source::Embedded, &LoadOptions::default()).unwrap();
        let snapshot = Snapshot::new(Arc::new(corpus), AnalysisKey::new(1, &Settings::default()));
        let covered: usize = snapshot.file_talks.iter().map(|r| r.len()).sum();
        assert_eq!(covered, snapshot.corpus.talks.len());
        for (file, range) in snapshot.file_talks.iter().enumerate() {
            assert!(snapshot.corpus.talks[range.clone()].iter().all(|t| t.file.0 as usize == file));
        }
        let dated: usize = snapshot.talks_per_year.iter().map(|(_, n)| n).sum();
        assert_eq!(dated + snapshot.undated, snapshot.corpus.talks.len());
    }
}
