//! The command line's report, written while the notes load.
//!
//! Three tables read the notes' text: `mentions.csv` (each mention as written),
//! `migrations.csv` (each migration's sentence) and `suggestions.csv` (names counted over every
//! passage). Here they are written from each batch of a [`Corpus::load_batched`] load, while
//! that batch's texts are in memory; everything else of the report is written afterwards from
//! the text-free corpus the load returns. The files are the same as those
//! [`super::report::write`] writes from a whole corpus.

use super::report::{FileSummary, file_summaries};
use super::tables::{self, SUGGESTION_LIMIT};
use super::{ExportError, Staged, io_error, write_atomic, write_staged_with};
use crate::corpus::{LoadError, LoadOptions, Source};
use crate::extract::suggestions::{Suggester, Tally};
use crate::index::Corpus;
use std::path::Path;

/// Why the report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Nothing could be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// An output could not be written.
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// What the rest of the report is written from.
#[derive(Debug)]
pub struct Loaded {
    /// The corpus, without texts, passages and repair guesses.
    pub corpus: Corpus,
    /// The files' lines of `summary.json`, made while each batch was whole.
    pub per_file: Vec<FileSummary>,
    /// `mentions.csv`, written but not yet in place: the largest output by far, whose flush to
    /// disk can run while the rest of the report is computed.
    pub mentions: Staged,
}

/// Loads `source` `batch_bytes` of files at a time ([`Corpus::load_batched`]), writing
/// `migrations.csv` and `suggestions.csv` into `dir` (which must exist) and staging
/// `mentions.csv` there, and returns what the rest of the report needs.
pub fn load_writing_text_tables(
    source: &Source,
    options: &LoadOptions,
    dir: &Path,
    batch_bytes: u64,
) -> Result<Loaded, ReportError> {
    let path = dir.join("mentions.csv");
    let mut per_file = Vec::new();
    let mut migration_rows = Vec::new();
    let mut suggester: Option<Suggester> = None;
    let mut tally = Tally::default();
    let mut loaded = None;
    let mentions = write_staged_with(&path, |out| {
        tables::write_mention_header(out).map_err(io_error(&path))?;
        let corpus = Corpus::load_batched(source, options, batch_bytes, |batch, talk_offset| {
            tables::write_mention_rows(batch, out).map_err(io_error(&path))?;
            per_file.extend(file_summaries(batch));
            migration_rows.extend(tables::migration_rows(batch));
            // Every batch has the same catalog: the first one's serves for all.
            let suggester = suggester.get_or_insert_with(|| Suggester::new(&batch.catalog));
            let counted = suggester.tally(tables::passages(batch, talk_offset));
            tally = std::mem::take(&mut tally).then(counted);
            Ok::<_, ReportError>(())
        })?;
        loaded = Some(corpus);
        Ok::<_, ReportError>(())
    })?;
    let suggestions = suggester.map(|s| s.rank(tally, SUGGESTION_LIMIT)).unwrap_or_default();
    write_atomic(&dir.join("migrations.csv"), &tables::migrations_csv(migration_rows)?)?;
    write_atomic(&dir.join("suggestions.csv"), &tables::suggestions_csv(suggestions)?)?;
    // The closure above either stored the corpus or failed, and a failure has returned.
    Ok(Loaded { corpus: loaded.unwrap_or_default(), per_file, mentions })
}
