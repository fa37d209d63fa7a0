//! One immutable snapshot of everything loaded: files, talks, passages and problems.
//!
//! Built once per load (off the UI thread in the app), then only read. Later stages add
//! mentions and postings here; nothing downstream ever mutates it.

use crate::corpus::{self, LoadControl, LoadError, LoadOptions, LoadStage, Source, TextFile};
use crate::parse::{self, Talk};
use crate::problem::Problem;
use jiff::civil::Date;
use rayon::prelude::*;

/// Index of a file in [`Corpus::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A talk and the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkEntry {
    /// The file the talk is in.
    pub file: FileId,
    /// The talk itself; its ranges point into that file's text.
    pub talk: Talk,
}

/// The loaded corpus: read-only once built.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// What was loaded, for captions and titles.
    pub name: String,
    /// Every file that was read, sorted by path.
    pub files: Vec<TextFile>,
    /// Every talk, grouped by file in file order, in text order within a file.
    pub talks: Vec<TalkEntry>,
    /// Everything that was skipped, guessed or repaired, sorted by path.
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// Loads, decodes, repairs and parses `source`. Fails only when an input path does not exist.
    pub fn load(source: &Source, options: &LoadOptions) -> Result<Self, LoadError> {
        let (files, problems) = corpus::read_texts(source, options)?;
        Ok(Self::from_files(source.display_name(), files, problems))
    }

    /// [`Self::load`], counting progress into `control` and stopping with
    /// [`LoadError::Cancelled`] when it is cancelled (checked between stages and files).
    pub fn load_with(
        source: &Source,
        options: &LoadOptions,
        control: &LoadControl,
    ) -> Result<Self, LoadError> {
        let (files, problems) = corpus::read_texts_with(source, options, control)?;
        control.enter(LoadStage::Parsing);
        let corpus = Self::from_files(source.display_name(), files, problems);
        if control.is_cancelled() {
            return Err(LoadError::Cancelled);
        }
        control.enter(LoadStage::Done);
        Ok(corpus)
    }

    /// Parses already decoded files into a snapshot.
    pub fn from_files(name: String, files: Vec<TextFile>, mut problems: Vec<Problem>) -> Self {
        let parsed: Vec<parse::ParsedFile> =
            files.par_iter().map(|f| parse::parse_file(&f.path, &f.text)).collect();
        let mut talks = Vec::new();
        for (index, parsed) in parsed.into_iter().enumerate() {
            let file = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            talks.extend(parsed.talks.into_iter().map(|talk| TalkEntry { file, talk }));
            problems.extend(parsed.problems);
        }
        problems.sort();
        Self { name, files, talks, problems }
    }

    /// The file a talk came from.
    pub fn file(&self, id: FileId) -> Option<&TextFile> {
        self.files.get(id.0 as usize)
    }

    /// A stable identifier for a talk: `path#index_in_file`.
    pub fn talk_id(&self, entry: &TalkEntry) -> String {
        let path = self.file(entry.file).map_or("", |f| f.path.as_str());
        format!("{path}#{}", entry.talk.index_in_file)
    }

    /// Total number of Q&A pairs.
    pub fn qa_pairs(&self) -> usize {
        self.talks.iter().map(|t| t.talk.qa_pairs()).sum()
    }

    /// Total number of passages (titles, questions, answers, body paragraphs).
    pub fn passages(&self) -> usize {
        self.talks.iter().map(|t| t.talk.passages.len()).sum()
    }

    /// The earliest and latest talk dates, if any talk is dated.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let mut dates = self.talks.iter().filter_map(|t| t.talk.date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }
}
