//! The command line's report loads a batch of files at a time and writes the tables that read
//! text as it goes. Whatever the batch size, it must write the same files as the report of a
//! whole load, and the text-free corpus it keeps must hold the same talks, mentions, migrations,
//! problems and postings. The largest table is staged and committed separately: it must land
//! only when committed.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use stackradar::analysis::graph::GraphOptions;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::{Analyses, Filter};
use stackradar::corpus::{LoadOptions, Source};
use stackradar::export::review::{self, PackOptions};
use stackradar::export::{charts::ChartOptions, report, streamed};
use stackradar::{Corpus, export};
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

fn analyses(corpus: &Corpus) -> Analyses {
    Analyses::run(corpus, &Filter::default(), Granularity::Year, &GraphOptions::default(), &HashMap::new())
}

fn pack(dir: &Path, corpus: &Corpus, analyses: &Analyses) {
    let options = PackOptions { charts: false, network: false, chart: ChartOptions::default() };
    review::write_pack(corpus, analyses, &Filter::default(), dir, &options).unwrap();
}

/// Every file of `dir` by name; the line that dates `report.md` is left out (two runs may
/// straddle midnight).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let kept: String =
                text.split_inclusive('\n').filter(|line| !line.contains("**Written:**")).collect();
            (path.file_name().unwrap().to_string_lossy().into_owned(), kept.into_bytes())
        })
        .collect()
}

/// A folder with a migration, names for suggestions in several talks, a file in a legacy
/// encoding and one that is not a note.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let note = |i: usize| {
        format!(
            "### 2021-0{}-01：网络实践\n\nQ：你们用什么？\nA：我们从 Flannel 迁移到 Calico，也在用 KubeFoo 和 \
             BarMesh{i}。\n",
            i % 9 + 1
        )
    };
    for i in 0..6 {
        fs::write(dir.path().join(format!("{i}.md")), note(i)).unwrap();
    }
    let (gbk, _, _) =
        encoding_rs::GBK.encode("### 2019-05-05：监控\n\nA：我们采用 Prometheus 和 KubeFoo。\n");
    fs::write(dir.path().join("legacy.txt"), gbk).unwrap();
    fs::write(dir.path().join("image.png"), [0x89, b'P', b'N', b'G']).unwrap();
    dir
}

#[test]
fn batched_report_writes_the_same_files_as_a_whole_load() {
    let notes = folder();
    let sources = [Source::Embedded, Source::Paths(vec![notes.path().to_path_buf()])];
    for source in &sources {
        let options = LoadOptions::default();
        let whole_dir = tempfile::tempdir().unwrap();
        let whole = Corpus::load(source, &options).unwrap();
        let whole_analyses = analyses(&whole);
        report::write(&whole, &whole_analyses, whole_dir.path()).unwrap();
        pack(whole_dir.path(), &whole, &whole_analyses);
        let expected = files(whole_dir.path());
        assert!(expected.len() >= 10, "{source:?}: {:?}", expected.keys());
        // One file a batch, a few, and all of them in one.
        for batch_bytes in [1, 150_000, u64::MAX] {
            let dir = tempfile::tempdir().unwrap();
            let streamed::Loaded { corpus, per_file, mentions } =
                streamed::load_writing_text_tables(source, &options, dir.path(), batch_bytes).unwrap();
            mentions.commit().unwrap();
            let analyses = analyses(&corpus);
            report::write_without_text_tables(&corpus, per_file, &analyses, dir.path()).unwrap();
            pack(dir.path(), &corpus, &analyses);
            let written = files(dir.path());
            assert_eq!(written.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
            for (name, bytes) in &expected {
                assert!(
                    written[name] == *bytes,
                    "{source:?}, batches of {batch_bytes} bytes: {name} differs"
                );
            }
        }
    }
}

#[test]
fn a_batched_load_keeps_everything_but_the_texts() {
    let notes = folder();
    let source = Source::Paths(vec![notes.path().to_path_buf()]);
    let whole = Corpus::load(&source, &LoadOptions::default()).unwrap();
    assert!(!whole.migrations.is_empty() && !whole.problems.is_empty());
    let mut seen = Vec::new();
    let batched = Corpus::load_batched(&source, &LoadOptions::default(), 1, |batch, offset| {
        seen.push((batch.files.len(), offset));
        Ok::<_, stackradar::corpus::LoadError>(())
    })
    .unwrap();
    assert_eq!(seen, (0..7).map(|i| (1, i)).collect::<Vec<_>>(), "one file a batch, talks counted before");
    assert_eq!(batched.mentions, whole.mentions);
    assert_eq!(batched.migrations, whole.migrations);
    assert_eq!(batched.problems, whole.problems);
    assert_eq!(batched.postings, whole.postings);
    assert_eq!((batched.qa_pairs(), batched.passages()), (whole.qa_pairs(), whole.passages()));
    let paths = |c: &Corpus| c.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&batched), paths(&whole));
    assert!(batched.files.iter().all(|f| f.text.is_empty()));
    assert!(batched.talks.iter().all(|t| t.talk.passages.is_empty()));
    assert!(batched.files.iter().all(|f| f.repair.spans.is_empty()));
}

#[test]
fn a_batched_load_of_a_missing_folder_fails_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let missing = Source::Paths(vec![out.path().join("nowhere")]);
    let error = streamed::load_writing_text_tables(&missing, &LoadOptions::default(), out.path(), 1 << 20);
    assert!(matches!(error, Err(streamed::ReportError::Load(_))), "{error:?}");
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), 0);
    // Still empty in the report's own sense: a rerun needs no --force.
    export::prepare_output_dir(out.path(), false).unwrap();
}

/// Old content of the target, whether to commit, and the files the folder holds afterwards.
type StagingCase = (Option<&'static str>, bool, &'static [(&'static str, &'static str)]);

#[test]
fn a_staged_file_lands_only_when_committed() {
    let cases: &[StagingCase] = &[
        (None, true, &[("t.csv", "new")]),
        (None, false, &[]),
        (Some("old"), true, &[("t.csv", "new")]),
        (Some("old"), false, &[("t.csv", "old")]),
    ];
    for &(old, commit, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.csv");
        if let Some(old) = old {
            fs::write(&target, old).unwrap();
        }
        let staged = export::write_staged_with(&target, |out| {
            out.write_all(b"new").map_err(|source| export::ExportError::Io { path: target.clone(), source })
        })
        .unwrap();
        // Staged, the target still reads as before.
        assert_eq!(fs::read_to_string(&target).ok().as_deref(), old, "{old:?}");
        if commit {
            staged.commit().unwrap();
        } else {
            drop(staged);
        }
        let mut held: Vec<(String, String)> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
            .collect();
        held.sort();
        let expected: Vec<(String, String)> =
            expected.iter().map(|&(n, c)| (n.to_owned(), c.to_owned())).collect();
        assert_eq!(held, expected, "old {old:?}, commit {commit}");
    }
}
