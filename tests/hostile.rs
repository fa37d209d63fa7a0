//! Hostile folders: whatever a user points stackradar at, the load finishes, the right problem
//! is reported and everything else loads. Every fixture is built here; nothing large is committed.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::corpus::{LoadOptions, Source};
use stackradar::{Corpus, ProblemKind};
use std::fs;
use std::path::Path;

fn load(dir: &Path) -> Corpus {
    Corpus::load(&Source::Paths(vec![dir.to_path_buf()]), &LoadOptions::default()).unwrap()
}

fn kinds(corpus: &Corpus, path: &str) -> Vec<ProblemKind> {
    corpus.problems.iter().filter(|p| p.path == path).map(|p| p.kind).collect()
}

#[test]
fn a_1_gib_file_over_the_cap_is_skipped_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.md"), "fine").unwrap();
    // Sparse: takes no disk space, but reports 1 GiB.
    let huge = fs::File::create(dir.path().join("huge.md")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.files.len(), 1);
    assert_eq!(kinds(&corpus, "huge.md"), [ProblemKind::TooLarge]);
    let message = &corpus.problems.iter().find(|p| p.path == "huge.md").unwrap().message;
    assert!(message.contains("1.0 GiB") && message.contains("64.0 MiB"), "{message}");
}

#[test]
fn empty_files_load_as_empty_notes() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.md"), "").unwrap();
    fs::write(dir.path().join("blank.txt"), "\n\n  \n").unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.files.len(), 2);
    assert!(corpus.problems.is_empty());
    assert!(corpus.talks.iter().all(|t| t.talk.qa_pairs() == 0));
}

#[test]
fn a_10_mb_single_line_loads() {
    let dir = tempfile::tempdir().unwrap();
    let line = "k8s 和 Calico 的网络实践 2020-01-01 ".repeat(10 * 1024 * 1024 / 40);
    fs::write(dir.path().join("line.md"), &line).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.talks.len(), 1);
    assert!(corpus.talks[0].talk.title.chars().count() <= 200, "a runaway line is cut as a title");
}

#[test]
fn deeply_nested_folders_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut path = dir.path().to_path_buf();
    for _ in 0..1000 {
        path.push("d");
    }
    // Very deep paths may exceed what the file system allows; go as deep as it lets us.
    let mut deepest = dir.path().to_path_buf();
    for component in path.strip_prefix(dir.path()).unwrap().components() {
        let next = deepest.join(component);
        if fs::create_dir(&next).is_err() {
            break;
        }
        deepest = next;
    }
    fs::write(deepest.join("deep.md"), "deep note").unwrap();
    let depth = deepest.strip_prefix(dir.path()).unwrap().components().count();
    // Linux allows 4,096-byte paths: all 1,000 levels fit. Elsewhere, as deep as it goes.
    let wanted = if cfg!(target_os = "linux") { 1000 } else { 100 };
    assert!(depth >= wanted, "only {depth} levels could be made");
    let corpus = load(dir.path());
    assert_eq!(corpus.files.len(), 1, "{:?}", corpus.problems);
}

/// 100,000 tiny files in 500 folders: every one loads, and the walk, reading and parsing stay
/// quick per file (the whole test, fixture included, runs in seconds in a debug build).
#[test]
fn one_hundred_thousand_tiny_files_load() {
    const FILES: usize = 100_000;
    const FOLDERS: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..FILES {
        let sub = dir.path().join(format!("{:03}", i % FOLDERS));
        if i < FOLDERS {
            fs::create_dir(&sub).unwrap();
        }
        fs::write(sub.join(format!("{i}.md")), format!("### 2020-01-01：talk {i}\n\n> Q：q\n\nA：a\n"))
            .unwrap();
    }
    let started = std::time::Instant::now();
    let corpus = load(dir.path());
    eprintln!("{FILES} tiny files loaded in {:?}", started.elapsed());
    assert_eq!(corpus.files.len(), FILES, "{:?}", corpus.problems.first());
    assert_eq!(corpus.talks.len(), FILES);
    assert_eq!(corpus.qa_pairs(), FILES);
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_load_with_a_readable_path() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9-notes.md");
    fs::write(dir.path().join(name), "# Café\n").unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.files.len(), 1);
    assert_eq!(corpus.files[0].path, "caf\u{FFFD}-notes.md");
    assert_eq!(corpus.talks[0].talk.title, "Café");
}

#[test]
fn a_hundred_thousand_talks_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("# QA\n\n");
    for i in 0..100_000 {
        text.push_str(&format!(
            "### 2019-{:02}-{:02}：talk {i}\n\n> Q1：q\n\nA：a\n\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    fs::write(dir.path().join("big.md"), text).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.talks.len(), 100_000);
    assert_eq!(corpus.qa_pairs(), 100_000);
}

#[test]
fn a_heading_with_a_100_kb_title() {
    let dir = tempfile::tempdir().unwrap();
    let title = "很长的标题".repeat(100 * 1024 / 15);
    fs::write(dir.path().join("t.md"), format!("### 2020-01-01：{title}\n\n> Q：q\n\nA：a\n")).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.talks.len(), 1);
    assert_eq!(corpus.talks[0].talk.title.chars().count(), 200);
}

#[test]
fn absurd_dates_are_reported_and_the_talks_stay() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### 0000-00-00：zero\n\nx\n\n### 2020-02-30：no such day\n\nx\n\n### 9999-12-31：far future\n\nx\n\n### 2020-02-29：leap day\n\nx\n";
    fs::write(dir.path().join("d.md"), text).unwrap();
    fs::write(dir.path().join("fm.md"), "---\ndate: 2021-13-45\n---\nbody\n").unwrap();
    let corpus = load(dir.path());
    let dates: Vec<_> = corpus.talks.iter().map(|t| t.talk.date.map(|d| d.to_string())).collect();
    assert_eq!(dates, [None, None, None, Some("2020-02-29".to_owned()), None]);
    assert_eq!(kinds(&corpus, "d.md"), [ProblemKind::BadDate; 3]);
    assert_eq!(kinds(&corpus, "fm.md"), [ProblemKind::BadDate]);
}

#[test]
fn mixed_encodings_and_broken_bytes_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "### 2020-01-01：我们的实践\n\n> Q：用什么网络？\n\nA：我们使用 Calico 网络插件，稳定运行两年了。\n";
    fs::write(dir.path().join("utf8.md"), text).unwrap();
    fs::write(dir.path().join("gbk.md"), encoding_rs::GBK.encode(text).0).unwrap();
    let traditional =
        "### 2020-01-01：我們的實踐\n\n> Q：用什麼網路？\n\nA：我們使用 Calico 網路外掛，穩定運行兩年了。\n";
    fs::write(dir.path().join("big5.md"), encoding_rs::BIG5.encode(traditional).0).unwrap();
    let mut broken = text.as_bytes().to_vec();
    broken.insert(40, 0xFF);
    fs::write(dir.path().join("broken.md"), broken).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.talks.len(), 4);
    let titles: Vec<_> = corpus.talks.iter().map(|t| t.talk.title.as_str()).collect();
    assert_eq!(titles, ["我們的實踐", "我们的实践", "我们的实践", "我们的实践"]);
    assert_eq!(kinds(&corpus, "broken.md"), [ProblemKind::Decoding]);
}
