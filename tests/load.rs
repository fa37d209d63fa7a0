//! Loading folders: what is read, what is skipped, and that every skip is a reported problem.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::corpus::load::{self, LoadOptions, Source, binary_reason};
use stackradar::{Problem, ProblemKind};
use std::fs;
use std::path::Path;

fn write(dir: &Path, relative: &str, bytes: &[u8]) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn load_dir(dir: &Path, options: &LoadOptions) -> (Vec<String>, Vec<Problem>) {
    let (files, problems) = load::load(&Source::Paths(vec![dir.to_path_buf()]), options).unwrap();
    (files.into_iter().map(|f| f.path).collect(), problems)
}

fn kinds_for<'a>(problems: &'a [Problem], path: &str) -> Vec<&'a ProblemKind> {
    problems.iter().filter(|p| p.path == path).map(|p| &p.kind).collect()
}

#[test]
fn embedded_corpus_has_the_five_seed_files() {
    let (files, problems) = load::load(&Source::Embedded, &LoadOptions::default()).unwrap();
    assert_eq!(files.len(), 5);
    assert!(problems.is_empty());
    assert!(files.windows(2).all(|w| w[0].path < w[1].path), "sorted by path");
    let on_disk = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(&files[4].path)).unwrap();
    assert_eq!(files[4].bytes, on_disk, "embedded bytes are the data/ file byte for byte");
}

#[test]
fn folder_walk_reads_notes_and_reports_every_skip() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", b"# A\n");
    write(root, "sub/b.markdown", b"b");
    write(root, "sub/deeper/c.TXT", b"c");
    write(root, "d.text", b"d");
    write(root, "e.html", b"<p>e</p>");
    write(root, "f.htm", b"<p>f</p>");
    write(root, "image.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(root, ".git/config", b"hidden");
    write(root, ".hidden.md", b"hidden");
    write(root, "binary.md", b"abc\0def");
    write(root, "big.md", &[b'x'; 2048]);
    let options = LoadOptions { max_file_bytes: 1024, ..LoadOptions::default() };
    let (files, problems) = load_dir(root, &options);
    assert_eq!(files, ["a.md", "d.text", "e.html", "f.htm", "sub/b.markdown", "sub/deeper/c.TXT"]);
    let cases: &[(&str, ProblemKind)] = &[
        ("image.png", ProblemKind::UnsupportedType),
        (".git", ProblemKind::Hidden),
        (".hidden.md", ProblemKind::Hidden),
        ("binary.md", ProblemKind::Binary),
        ("big.md", ProblemKind::TooLarge),
    ];
    for (path, kind) in cases {
        assert_eq!(kinds_for(&problems, path), [kind], "{path}: {problems:?}");
    }
    assert_eq!(problems.len(), cases.len(), "{problems:?}");
}

#[test]
fn a_file_named_directly_is_read_whatever_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.log", b"plain text notes");
    let (files, problems) =
        load::load(&Source::Paths(vec![dir.path().join("notes.log")]), &LoadOptions::default()).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, "notes.log");
    assert!(problems.is_empty());
}

#[test]
fn several_roots_are_prefixed_with_their_folder_name() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    write(a.path(), "x.md", b"x");
    write(b.path(), "x.md", b"y");
    let (files, _) = load::load(
        &Source::Paths(vec![a.path().to_path_buf(), b.path().to_path_buf()]),
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(files.len(), 2, "same relative name in two roots stays two files");
}

#[test]
fn missing_input_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let error = load::load(&Source::Paths(vec![missing]), &LoadOptions::default()).unwrap_err();
    assert!(error.to_string().contains("no such file or folder"), "{error}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_dangling_link_are_problems_not_crashes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "sub/a.md", b"a");
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere.md"), root.join("dangling.md")).unwrap();
    let (files, problems) = load_dir(root, &LoadOptions::default());
    assert_eq!(files, ["sub/a.md"]);
    assert_eq!(kinds_for(&problems, "sub/loop"), [&ProblemKind::SymlinkLoop], "{problems:?}");
    assert_eq!(kinds_for(&problems, "dangling.md"), [&ProblemKind::Unreadable], "{problems:?}");
}

#[cfg(unix)]
#[test]
fn fifo_is_skipped_instead_of_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipping");
        return;
    }
    let (files, problems) = load_dir(dir.path(), &LoadOptions::default());
    assert!(files.is_empty());
    assert_eq!(kinds_for(&problems, "pipe.md"), [&ProblemKind::UnsupportedType]);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_a_problem_and_the_rest_loads() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.md", b"ok");
    write(dir.path(), "locked.md", b"secret");
    let locked = dir.path().join("locked.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything: then the file simply loads; otherwise it must be reported.
    let readable = fs::File::open(&locked).is_ok();
    let (files, problems) = load_dir(dir.path(), &LoadOptions::default());
    if readable {
        assert_eq!(files, ["locked.md", "ok.md"]);
    } else {
        assert_eq!(files, ["ok.md"]);
        assert_eq!(kinds_for(&problems, "locked.md"), [&ProblemKind::Unreadable]);
    }
}

#[test]
fn a_file_that_vanished_before_reading_is_reported_as_vanished() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.md");
    let problem = load::read_file(&gone, "gone.md".into(), &LoadOptions::default()).unwrap_err();
    assert_eq!(problem.kind, ProblemKind::Vanished);
}

#[test]
fn binary_detection_cases() {
    let cases: &[(&[u8], bool)] = &[
        (b"plain text\n", false),
        (b"has a \0 nul", true),
        (b"\xFF\xFEh\0i\0", false), // UTF-16LE with BOM is text
        (b"\xFE\xFF\0h\0i", false), // UTF-16BE with BOM is text
        (&[1, 2, 3, 4, 5, 6, 7, 8, b'a', b'b'], true),
        (b"", false),
        ("中文文本".as_bytes(), false),
    ];
    for (bytes, binary) in cases {
        assert_eq!(binary_reason(bytes).is_some(), *binary, "{bytes:?}");
    }
}
