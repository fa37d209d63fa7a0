//! A load reports its progress and stops when cancelled, through `Corpus::load_with`.

// Helpers outside #[test] functions count as non-test code for clippy; here too a failed
// unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use stackradar::Corpus;
use stackradar::corpus::{LoadControl, LoadError, LoadOptions, LoadStage, Source};

#[test]
fn a_finished_load_counts_every_file() {
    let control = LoadControl::new();
    let corpus = Corpus::load_with(&Source::Embedded, &LoadOptions::default(), &control).unwrap();
    assert_eq!(control.stage(), LoadStage::Done);
    assert_eq!(control.files_total(), corpus.files.len() as u64);
    assert_eq!(control.bytes_done(), corpus.files.iter().map(|f| f.bytes).sum::<u64>());
}

#[test]
fn a_cancelled_load_fails_with_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# 2020-01-02 title\n\ntext\n").unwrap();
    let control = LoadControl::new();
    control.cancel();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    let result = Corpus::load_with(&source, &LoadOptions::default(), &control);
    assert!(matches!(result, Err(LoadError::Cancelled)));
    assert!(matches!(
        Corpus::load_with(&Source::Embedded, &LoadOptions::default(), &control),
        Err(LoadError::Cancelled)
    ));
}
