//! One immutable snapshot of everything loaded: files, talks, passages and problems.
//!
//! Built once per load (off the UI thread in the app), then only read: the catalog it was
//! built with, every talk with its organisations, every mention and migration. Nothing
//! downstream ever mutates it.

mod batched;
pub mod postings;

pub use batched::BATCH_BYTES;

pub use postings::{OrgKey, Postings, TalkTool};

use crate::catalog::{self, Catalog};
use crate::corpus::{self, LoadControl, LoadError, LoadOptions, LoadStage, Source, TextFile};
use crate::extract::{ExtractError, Extractor, Mention, Migration, TalkFindings, TalkOrg};
use crate::parse::{self, Talk};
use crate::problem::{Problem, ProblemKind};
use jiff::civil::Date;
use rayon::prelude::*;
use std::sync::{Arc, OnceLock};

/// Talks extracted side by side before their findings are merged (see [`Corpus::extract`]).
const EXTRACT_CHUNK: usize = 1_024;

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
    /// The organisations that gave the talk; empty when unknown.
    pub orgs: Vec<TalkOrg>,
    /// Number of Q&A pairs, counted when parsed: kept by a corpus without passages.
    pub qa_pairs: u32,
    /// Number of passages, counted when parsed.
    pub passages: u32,
}

impl TalkEntry {
    /// The entry of `talk`, from file `file`, its organisations still unknown.
    pub fn new(file: FileId, talk: Talk) -> Self {
        let qa_pairs = u32::try_from(talk.qa_pairs()).unwrap_or(u32::MAX);
        let passages = u32::try_from(talk.passages.len()).unwrap_or(u32::MAX);
        Self { file, talk, orgs: Vec::new(), qa_pairs, passages }
    }
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
    /// The catalog (embedded plus user files) the mentions refer to.
    pub catalog: Arc<Catalog>,
    /// Every mention, by talk, in text order.
    pub mentions: Vec<Mention>,
    /// Every migration, by talk, in text order.
    pub migrations: Vec<Migration>,
    /// Lookup tables for the analyses.
    pub postings: Postings,
}

impl Corpus {
    /// Loads, decodes, repairs and parses `source`. Fails only when an input path does not exist.
    pub fn load(source: &Source, options: &LoadOptions) -> Result<Self, LoadError> {
        Self::load_with(source, options, &LoadControl::default())
    }

    /// [`Self::load`], counting progress into `control` and stopping with
    /// [`LoadError::Cancelled`] when it is cancelled (checked between stages and files).
    pub fn load_with(
        source: &Source,
        options: &LoadOptions,
        control: &LoadControl,
    ) -> Result<Self, LoadError> {
        Self::load_previewing(source, options, control, u64::MAX, |_| {})
    }

    /// [`Self::load_with`] that, when `source` holds more than twice `budget` bytes, first
    /// builds a corpus of a sample of about `budget` bytes of its files and hands it to
    /// `preview`, so that a large folder shows first results long before it is all loaded.
    /// The corpus returned is the same as without a preview.
    pub fn load_previewing(
        source: &Source,
        options: &LoadOptions,
        control: &LoadControl,
        budget: u64,
        preview: impl FnOnce(Corpus),
    ) -> Result<Self, LoadError> {
        // The catalog first: the preview needs it too.
        let (catalog, catalog_problems) = Self::catalog_for(source);
        let name = source.display_name();
        // The matcher's automata take a single core tens of milliseconds to build: built beside
        // the reading, which leaves a core idle at times (waiting for the disk, between files),
        // and built once — the preview waits for it rather than building its own.
        let extractor: OnceLock<Result<Extractor, ExtractError>> = OnceLock::new();
        let show = |files: Vec<TextFile>, mut problems: Vec<Problem>| {
            problems.extend(catalog_problems.iter().cloned());
            let built = extractor.get_or_init(|| Extractor::new(&catalog));
            // Its own control: the preview's parsing is not the load's progress, and it is small.
            preview(Self::build_from(
                name.clone(),
                files,
                problems,
                Arc::clone(&catalog),
                &LoadControl::default(),
                built,
            ));
        };
        let sample = corpus::Preview { budget, show: Box::new(show) };
        let read = std::thread::scope(|scope| {
            let building = scope.spawn(|| extractor.get_or_init(|| Extractor::new(&catalog)).is_ok());
            let read = corpus::read_texts_previewing(source, options, control, Some(sample));
            // A panic while building is a bug; joined here, it leaves the cell empty, and
            // `build_with` then builds again and reports the error.
            let _built = building.join().unwrap_or(false);
            read
        });
        let extractor = extractor.into_inner();
        let (files, mut problems) = read?;
        control.enter(LoadStage::Parsing);
        problems.extend(catalog_problems.iter().cloned());
        let corpus = Self::build_with(name, files, problems, catalog, control, extractor);
        // Files and talks are skipped once cancelled, so the corpus built is partial: drop it.
        if control.is_cancelled() {
            return Err(LoadError::Cancelled);
        }
        control.enter(LoadStage::Done);
        Ok(corpus)
    }

    /// The embedded catalog with the user's catalog files for `source` applied, and the
    /// problems those files have.
    fn catalog_for(source: &Source) -> (Arc<Catalog>, Vec<Problem>) {
        let (mut catalog, mut problems) = Catalog::embedded();
        problems.extend(catalog::user::apply(&mut catalog, &catalog::user::candidate_paths(source)));
        (Arc::new(catalog), problems)
    }

    /// Parses already decoded files into a snapshot, with the embedded catalog.
    pub fn from_files(name: String, files: Vec<TextFile>, mut problems: Vec<Problem>) -> Self {
        let (catalog, catalog_problems) = Catalog::embedded();
        problems.extend(catalog_problems);
        Self::from_files_with(name, files, problems, Arc::new(catalog))
    }

    /// Parses already decoded files into a snapshot and extracts mentions with `catalog`.
    pub fn from_files_with(
        name: String,
        files: Vec<TextFile>,
        problems: Vec<Problem>,
        catalog: Arc<Catalog>,
    ) -> Self {
        Self::build(name, files, problems, catalog, &LoadControl::default())
    }

    /// [`Self::from_files_with`], counting parsed files into `control` and skipping the files
    /// and talks not yet done once it is cancelled (the caller must then drop the result).
    fn build(
        name: String,
        files: Vec<TextFile>,
        problems: Vec<Problem>,
        catalog: Arc<Catalog>,
        control: &LoadControl,
    ) -> Self {
        Self::build_with(name, files, problems, catalog, control, None)
    }

    /// [`Self::build`] with the extractor of `catalog` already built, or being built here when
    /// `extractor` is `None`.
    fn build_with(
        name: String,
        files: Vec<TextFile>,
        problems: Vec<Problem>,
        catalog: Arc<Catalog>,
        control: &LoadControl,
        extractor: Option<Result<Extractor, ExtractError>>,
    ) -> Self {
        let extractor = extractor.unwrap_or_else(|| Extractor::new(&catalog));
        Self::build_from(name, files, problems, catalog, control, &extractor)
    }

    /// [`Self::build_with`] with the extractor built (or not, a problem then reported).
    fn build_from(
        name: String,
        files: Vec<TextFile>,
        mut problems: Vec<Problem>,
        catalog: Arc<Catalog>,
        control: &LoadControl,
        extractor: &Result<Extractor, ExtractError>,
    ) -> Self {
        if let Err(e) = extractor {
            problems.push(extractor_problem(e));
        }
        Self::build_using(name, files, problems, catalog, control, extractor.as_ref().ok())
    }

    /// [`Self::build_with`] with the extractor built, or none (the catalog could not be
    /// compiled, a problem already reported): then talks are found but no mentions.
    fn build_using(
        name: String,
        files: Vec<TextFile>,
        mut problems: Vec<Problem>,
        catalog: Arc<Catalog>,
        control: &LoadControl,
        extractor: Option<&Extractor>,
    ) -> Self {
        let parsed: Vec<parse::ParsedFile> = files
            .par_iter()
            .map(|f| {
                if control.is_cancelled() {
                    return parse::ParsedFile::default();
                }
                let parsed = parse::parse_file(&f.path, &f.text);
                control.file_done(0);
                parsed
            })
            .collect();
        let mut talks = Vec::new();
        for (index, parsed) in parsed.into_iter().enumerate() {
            let file = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            talks.extend(parsed.talks.into_iter().map(|talk| TalkEntry::new(file, talk)));
            problems.extend(parsed.problems);
        }
        let mut corpus = Self {
            name,
            files,
            talks,
            problems,
            catalog,
            mentions: Vec::new(),
            migrations: Vec::new(),
            postings: Postings::default(),
        };
        corpus.extract(control, extractor);
        if control.is_cancelled() {
            return corpus;
        }
        corpus.finish();
        corpus
    }

    /// Completes a corpus whose talks and mentions are all in: builds its postings and sorts
    /// its problems.
    fn finish(&mut self) {
        self.postings = Postings::build(
            &self.catalog,
            self.talks.iter().map(|t| t.orgs.iter().map(|o| (o.org, o.name.as_str())).collect()),
            self.talks.len(),
            &self.mentions,
        );
        self.problems.sort();
    }

    /// Runs extraction over every talk, in parallel, and stores the results in talk order.
    fn extract(&mut self, control: &LoadControl, extractor: Option<&Extractor>) {
        let Some(extractor) = extractor else { return };
        let front_matters: Vec<Option<&str>> = self
            .files
            .iter()
            .map(|f| parse::front_matter::split(&f.text).and_then(|b| f.text.get(..b.body_start)))
            .collect();
        let files = &self.files;
        let mut orgs = Vec::with_capacity(self.talks.len());
        // A chunk of talks at a time: every talk's findings alive at once, beside the merged
        // vectors they are copied into, were the load's peak of memory (as much again as the
        // mentions themselves). Between chunks the cores wait for the chunk's slowest talk, a
        // few milliseconds.
        for (chunk_index, chunk) in self.talks.chunks(EXTRACT_CHUNK).enumerate() {
            let first = chunk_index * EXTRACT_CHUNK;
            let findings: Vec<TalkFindings> = chunk
                .par_iter()
                .enumerate()
                .map(|(offset, entry)| {
                    if control.is_cancelled() {
                        return TalkFindings::default();
                    }
                    let text = files.get(entry.file.0 as usize).map_or("", |f| f.text.as_str());
                    let front_matter = front_matters.get(entry.file.0 as usize).copied().flatten();
                    let index = u32::try_from(first + offset).unwrap_or(u32::MAX);
                    extractor.talk(text, &entry.talk, index, front_matter)
                })
                .collect();
            for found in findings {
                orgs.push(found.orgs);
                self.mentions.extend(found.mentions);
                self.migrations.extend(found.migrations);
            }
        }
        for (entry, orgs) in self.talks.iter_mut().zip(orgs) {
            entry.orgs = orgs;
        }
        self.mentions.shrink_to_fit();
        self.migrations.shrink_to_fit();
    }

    /// The mentions of talk number `talk` (an index into [`Self::talks`]).
    pub fn talk_mentions(&self, talk: u32) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.talk < talk);
        let hi = self.mentions.partition_point(|m| m.talk <= talk);
        self.mentions.get(lo..hi).unwrap_or_default()
    }

    /// The text a mention points at.
    pub fn surface(&self, mention: &Mention) -> &str {
        self.talks
            .get(mention.talk as usize)
            .and_then(|t| self.file(t.file))
            .and_then(|f| f.text.get(mention.range()))
            .unwrap_or("")
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
        self.talks.iter().map(|t| t.qa_pairs as usize).sum()
    }

    /// Total number of passages (titles, questions, answers, body paragraphs).
    pub fn passages(&self) -> usize {
        self.talks.iter().map(|t| t.passages as usize).sum()
    }

    /// The earliest and latest talk dates, if any talk is dated.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let mut dates = self.talks.iter().filter_map(|t| t.talk.date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }
}

/// The problem of a catalog that cannot be compiled into a matcher.
fn extractor_problem(error: &ExtractError) -> Problem {
    Problem::new("catalog", ProblemKind::Catalog, error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DecodeMethod;

    fn note(path: &str, text: &str) -> TextFile {
        TextFile {
            path: path.to_owned(),
            bytes: text.len() as u64,
            encoding: "UTF-8",
            method: DecodeMethod::ValidUtf8,
            repair: corpus::repair::RepairReport::default(),
            text: text.to_owned(),
        }
    }

    fn notes() -> Vec<TextFile> {
        (0..8).map(|i| note(&format!("{i}.md"), "### 2020-01-01：网络\n\nA：我们使用 Calico。\n")).collect()
    }

    #[test]
    fn parsing_and_extraction_count_files_and_find_the_talks() {
        let control = LoadControl::new();
        let corpus =
            Corpus::build("t".into(), notes(), Vec::new(), Arc::new(Catalog::embedded().0), &control);
        assert_eq!((corpus.talks.len(), corpus.mentions.len(), control.files_done()), (8, 8, 8));
    }

    /// Cancelling used to take effect only after every file was parsed and every talk extracted.
    #[test]
    fn a_cancelled_build_skips_parsing_and_extraction() {
        let control = LoadControl::new();
        control.cancel();
        let corpus =
            Corpus::build("t".into(), notes(), Vec::new(), Arc::new(Catalog::embedded().0), &control);
        assert_eq!((corpus.talks.len(), corpus.mentions.len(), control.files_done()), (0, 0, 0));
    }
}
