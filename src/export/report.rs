//! The headless report: `summary.json` (what was loaded, how each file was decoded and repaired,
//! and every problem) and `talks.jsonl` (one line per talk).

use super::{ExportError, write_atomic, write_atomic_with};
use crate::corpus::repair::Family;
use crate::extract::TalkOrg;
use crate::index::Corpus;
use crate::problem::Problem;
use serde::Serialize;
use std::path::Path;

/// `summary.json`.
#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    /// What was loaded.
    pub corpus: &'a str,
    /// Number of files read.
    pub files: usize,
    /// Number of talks found.
    pub talks: usize,
    /// Number of talks without a date.
    pub undated_talks: usize,
    /// Number of Q&A pairs.
    pub qa_pairs: usize,
    /// Number of passages (titles, questions, answers, paragraphs).
    pub passages: usize,
    /// Earliest and latest talk date.
    pub date_range: Option<DateRange>,
    /// Per file: encoding, how it was decided, and repair counts.
    pub per_file: Vec<FileSummary>,
    /// Everything skipped, guessed or repaired.
    pub problems: &'a [Problem],
}

/// First and last date, `YYYY-MM-DD`.
#[derive(Debug, Serialize)]
pub struct DateRange {
    /// The earliest talk date.
    pub first: String,
    /// The latest talk date.
    pub last: String,
}

/// One file's line in `summary.json`.
#[derive(Debug, Serialize)]
pub struct FileSummary {
    /// Path relative to the opened folder.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Encoding used.
    pub encoding: &'static str,
    /// How it was decided: `bom`, `valid-utf8` or `detected`.
    pub decided_by: &'static str,
    /// Talks in this file.
    pub talks: usize,
    /// Q&A pairs in this file.
    pub qa_pairs: usize,
    /// What repair did.
    pub repair: RepairSummary,
}

/// Repair counts of one file.
#[derive(Debug, Serialize)]
pub struct RepairSummary {
    /// The double-encoding detected, if any.
    pub damage: Option<Family>,
    /// Lines reversed.
    pub lines_repaired: usize,
    /// Non-ASCII characters restored.
    pub chars_restored: usize,
    /// Characters left unrestored (U+FFFD).
    pub chars_unrestored: usize,
    /// Characters guessed because bytes were lost.
    pub guesses: usize,
    /// Guesses with low confidence.
    pub low_confidence: usize,
}

/// One line of `talks.jsonl`.
#[derive(Debug, Serialize)]
pub struct TalkLine<'a> {
    /// `path#index_in_file`.
    pub id: String,
    /// Path of the file, relative to the opened folder.
    pub file: &'a str,
    /// 0-based position among the talks of the file.
    pub index_in_file: u32,
    /// The title.
    pub title: &'a str,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_source: &'static str,
    /// Number of Q&A pairs.
    pub qa_pairs: usize,
    /// 1-based line where the talk starts.
    pub line: u32,
    /// The organisations that gave the talk (name as written, and where it was found).
    pub orgs: &'a [TalkOrg],
}

/// Builds the summary of `corpus`.
pub fn summary(corpus: &Corpus) -> Summary<'_> {
    summary_of_files(corpus, file_summaries(corpus))
}

/// The lines of `summary.json`'s `per_file` for the files of `corpus`: a batched load
/// ([`Corpus::load_batched`]) keeps no repair guesses, so they are made from each batch.
pub fn file_summaries(corpus: &Corpus) -> Vec<FileSummary> {
    let mut counts = vec![(0, 0); corpus.files.len()];
    for entry in &corpus.talks {
        if let Some((talks, qa_pairs)) = counts.get_mut(entry.file.0 as usize) {
            *talks += 1;
            *qa_pairs += entry.qa_pairs as usize;
        }
    }
    corpus
        .files
        .iter()
        .zip(counts)
        .map(|(file, (talks, qa_pairs))| FileSummary {
            path: file.path.clone(),
            bytes: file.bytes,
            encoding: file.encoding,
            decided_by: file.method.as_str(),
            talks,
            qa_pairs,
            repair: RepairSummary {
                damage: file.repair.family,
                lines_repaired: file.repair.lines_repaired,
                chars_restored: file.repair.chars_restored,
                chars_unrestored: file.repair.chars_unrestored,
                guesses: file.repair.spans.len(),
                low_confidence: file.repair.low_confidence(),
            },
        })
        .collect()
}

/// The summary of `corpus` with `per_file` (one line per file of it, in order).
pub fn summary_of_files(corpus: &Corpus, per_file: Vec<FileSummary>) -> Summary<'_> {
    Summary {
        corpus: &corpus.name,
        files: corpus.files.len(),
        talks: corpus.talks.len(),
        undated_talks: corpus.talks.iter().filter(|t| t.talk.date.is_none()).count(),
        qa_pairs: corpus.qa_pairs(),
        passages: corpus.passages(),
        date_range: corpus
            .date_range()
            .map(|(first, last)| DateRange { first: first.to_string(), last: last.to_string() }),
        per_file,
        problems: &corpus.problems,
    }
}

/// The lines of `talks.jsonl`, in corpus order, made as they are written.
pub fn talk_lines(corpus: &Corpus) -> impl ExactSizeIterator<Item = TalkLine<'_>> {
    corpus.talks.iter().map(|entry| TalkLine {
        id: corpus.talk_id(entry),
        file: corpus.file(entry.file).map_or("", |f| f.path.as_str()),
        index_in_file: entry.talk.index_in_file,
        title: &entry.talk.title,
        date: entry.talk.date.map(|d| d.to_string()),
        date_source: entry.talk.date_source.as_str(),
        qa_pairs: entry.qa_pairs as usize,
        line: entry.talk.line,
        orgs: &entry.orgs,
    })
}

/// Writes `summary.json`, `talks.jsonl`, the CSV tables of [`super::tables`] and the tables of
/// `analyses` ([`super::analysis_tables`]) into `dir` (which must exist).
pub fn write(corpus: &Corpus, analyses: &crate::analysis::Analyses, dir: &Path) -> Result<(), ExportError> {
    // The tables keep both cores busy only part of the time: the rest is written beside them.
    let (tables, rest) = rayon::join(
        || super::tables::write(corpus, dir),
        || {
            write_summary_and_talks(&summary(corpus), corpus, dir)?;
            super::analysis_tables::write(corpus, analyses, dir)
        },
    );
    tables.and(rest)
}

/// [`write`] for a corpus loaded without its texts ([`Corpus::load_batched`]): everything but
/// the tables that read text, which [`super::streamed`] wrote during the load, with `per_file`
/// (made from each batch, [`file_summaries`]) as the files' lines of `summary.json`.
pub fn write_without_text_tables(
    corpus: &Corpus,
    per_file: Vec<FileSummary>,
    analyses: &crate::analysis::Analyses,
    dir: &Path,
) -> Result<(), ExportError> {
    let (tables, rest) = rayon::join(
        || super::tables::write_counts(corpus, dir),
        || {
            write_summary_and_talks(&summary_of_files(corpus, per_file), corpus, dir)?;
            super::analysis_tables::write(corpus, analyses, dir)
        },
    );
    tables.and(rest)
}

fn write_summary_and_talks(summary: &Summary<'_>, corpus: &Corpus, dir: &Path) -> Result<(), ExportError> {
    let summary = serde_json::to_vec_pretty(summary)
        .map_err(|source| ExportError::Serialise { what: "summary", source })?;
    write_atomic(&dir.join("summary.json"), &summary)?;
    // Streamed: a line per talk, hundreds of thousands for a large corpus.
    let path = dir.join("talks.jsonl");
    write_atomic_with(&path, |out| {
        for line in talk_lines(corpus) {
            serde_json::to_writer(&mut *out, &line).map_err(|source| match source.is_io() {
                true => ExportError::Io { path: path.clone(), source: source.into() },
                false => ExportError::Serialise { what: "talks", source },
            })?;
            out.write_all(b"\n").map_err(|source| ExportError::Io { path: path.clone(), source })?;
        }
        Ok(())
    })
}
