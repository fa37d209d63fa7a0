//! A load that holds a batch of files' texts at a time (two while one is written and the next
//! read), for the headless report.
//!
//! The report needs every mention (its analyses count them) but each text only once: for the
//! rows of `mentions.csv`, the evidence of migrations and the suggestions. Held whole, the texts
//! and their passages were most of a large load's memory. So the files are read, decoded,
//! parsed and extracted a batch at a time, each batch handed to the caller as a corpus of its
//! own, and only what the analyses need is kept: every file's record, talk, mention and
//! migration, numbered as in a whole load — without texts, passages and repair guesses.

use super::{Corpus, FileId, extractor_problem};
use crate::corpus::{self, LoadControl, LoadError, LoadOptions, Source, TextFile, load::Listed};
use crate::extract::Extractor;
use crate::problem::Problem;
use std::sync::Arc;

/// Bytes of files in a batch of a batched load: large enough that each batch keeps both cores
/// busy, small beside the corpora that need batches. (16 MiB saved little memory and was slower.)
pub const BATCH_BYTES: u64 = 32 << 20;

impl Corpus {
    /// Loads `source` about `batch_bytes` of files at a time. `each` sees every batch, in path
    /// order, as a corpus of its own (texts, passages and mentions, talks numbered from 0) with
    /// the number of talks before it; an error from it stops the load and is returned.
    ///
    /// The corpus returned holds the same files, talks, mentions, migrations, problems and
    /// postings as [`Corpus::load`] would, but no texts (each file's `text` is empty), no
    /// passages (each talk keeps their counts) and no repair guesses (each file's
    /// `repair.spans` is empty; the other repair counts stay): whatever reads those must read
    /// them in `each`.
    pub fn load_batched<E: From<LoadError>>(
        source: &Source,
        options: &LoadOptions,
        batch_bytes: u64,
        mut each: impl FnMut(&Corpus, u32) -> Result<(), E>,
    ) -> Result<Self, E> {
        let control = LoadControl::new();
        let (catalog, mut problems) = Self::catalog_for(source);
        let (listed, listing_problems) = corpus::load::list(source, &control)?;
        problems.extend(listing_problems);
        let name = source.display_name();
        // Reading, decoding and repairing (one file per core, so a large damaged file keeps a
        // core to itself for a while) run a batch ahead, beside the parsing, extraction and
        // writing of the batch before, which are parallel within files and fill the other core.
        let decode = |batch: Vec<Listed>| -> Result<(Vec<TextFile>, Vec<Problem>), LoadError> {
            let (raw, mut problems) = corpus::load::read_listed(batch, options, &control)?;
            let (files, decode_problems) = corpus::decode_files(raw, &control);
            problems.extend(decode_problems);
            Ok((files, problems))
        };
        let mut upcoming = batches(listed, |file: &Listed| file.size, batch_bytes).into_iter();
        // The matcher's automata take a single core tens of milliseconds to build: built beside
        // the first batch's reading and decoding, which would otherwise be all there is to do.
        let (extractor, first) = std::thread::scope(|scope| {
            let building = scope.spawn(|| Extractor::new(&catalog));
            let first = upcoming.next().map(decode).transpose();
            (building.join(), first)
        });
        // A panic while building is a bug: let it go on as one.
        let extractor = extractor.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if let Err(e) = &extractor {
            problems.push(extractor_problem(e));
        }
        let mut whole =
            Self { name: name.clone(), problems, catalog: Arc::clone(&catalog), ..Self::default() };
        let mut next = first?;
        while let Some((files, batch_problems)) = next {
            let (decoded, done) = std::thread::scope(|scope| {
                let decoding = upcoming.next().map(|batch| scope.spawn(|| decode(batch)));
                let extractor = extractor.as_ref().ok();
                let part = Self::build_using(
                    name.clone(),
                    files,
                    batch_problems,
                    Arc::clone(&catalog),
                    &control,
                    extractor,
                );
                let done = each(&part, u32::try_from(whole.talks.len()).unwrap_or(u32::MAX));
                whole.absorb(part);
                (decoding.map(|d| d.join()), done)
            });
            done?;
            next = match decoded {
                None => None,
                Some(Ok(result)) => Some(result?),
                // A panic while decoding is a bug: let it go on as one.
                Some(Err(panic)) => std::panic::resume_unwind(panic),
            };
        }
        whole.finish();
        whole.mentions.shrink_to_fit();
        Ok(whole)
    }

    /// Appends `part` (the next files in path order), renumbered, without its texts, passages
    /// and repair guesses.
    fn absorb(&mut self, part: Corpus) {
        let file_offset = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
        let talk_offset = u32::try_from(self.talks.len()).unwrap_or(u32::MAX);
        self.files.extend(part.files.into_iter().map(|mut file| {
            file.text = String::new();
            file.repair.spans = Vec::new();
            file
        }));
        self.talks.extend(part.talks.into_iter().map(|mut entry| {
            entry.file = FileId(entry.file.0.saturating_add(file_offset));
            entry.talk.passages = Vec::new();
            entry
        }));
        self.mentions.extend(part.mentions.into_iter().map(|mut m| {
            m.talk = m.talk.saturating_add(talk_offset);
            m
        }));
        self.migrations.extend(part.migrations.into_iter().map(|mut m| {
            m.talk = m.talk.saturating_add(talk_offset);
            m
        }));
        self.problems.extend(part.problems);
    }
}

/// `items` cut, in order, into runs of about `batch_bytes` by `size` (a larger item is a batch
/// alone).
fn batches<T>(items: Vec<T>, size: impl Fn(&T) -> u64, batch_bytes: u64) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut current = Vec::new();
    let mut bytes = 0u64;
    for item in items {
        let item_bytes = size(&item);
        if !current.is_empty() && bytes.saturating_add(item_bytes) > batch_bytes {
            out.push(std::mem::take(&mut current));
            bytes = 0;
        }
        bytes = bytes.saturating_add(item_bytes);
        current.push(item);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::batches;

    /// Item sizes, budget, and the batches expected.
    type Case = (&'static [u64], u64, &'static [&'static [u64]]);

    #[test]
    fn batches_cut_in_order_at_the_budget() {
        let cases: &[Case] = &[
            (&[], 10, &[]),
            (&[3, 3, 3, 3], 6, &[&[3, 3], &[3, 3]]),
            (&[3, 3, 3, 3], 7, &[&[3, 3], &[3, 3]]),
            (&[20, 1, 1], 10, &[&[20], &[1, 1]]),
            (&[1, 20, 1], 10, &[&[1], &[20], &[1]]),
            (&[0, 0, 5], 1, &[&[0, 0], &[5]]),
            (&[5, 5], u64::MAX, &[&[5, 5]]),
        ];
        for &(sizes, budget, expected) in cases {
            let got = batches(sizes.to_vec(), |&s| s, budget);
            assert_eq!(got, expected.iter().map(|b| b.to_vec()).collect::<Vec<_>>(), "{sizes:?} in {budget}");
        }
    }
}
