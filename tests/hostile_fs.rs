//! Hostile folders, file-system side: links that loop, files nobody may read, files that vanish
//! or grow while the folder is read, binary files under note names. For each, the load finishes,
//! the right problem is reported and every other note still loads.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::corpus::{LoadOptions, Source};
use stackradar::{Corpus, ProblemKind};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn load_with(dir: &Path, options: &LoadOptions) -> Corpus {
    Corpus::load(&Source::Paths(vec![dir.to_path_buf()]), options).unwrap()
}

fn load(dir: &Path) -> Corpus {
    load_with(dir, &LoadOptions::default())
}

fn kinds(corpus: &Corpus, path: &str) -> Vec<ProblemKind> {
    corpus.problems.iter().filter(|p| p.path == path).map(|p| p.kind).collect()
}

fn paths(corpus: &Corpus) -> Vec<&str> {
    corpus.files.iter().map(|f| f.path.as_str()).collect()
}

const NOTE: &str = "### 2020-01-01：我们的实践\n\n> Q：用什么网络？\n\nA：我们使用 Calico。\n";

#[test]
fn binary_files_are_skipped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("ok.md"), NOTE).unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0";
    let cases: &[(&str, &[u8], ProblemKind)] = &[
        ("photo.png", png, ProblemKind::UnsupportedType),
        ("photo-named-like-a-note.md", png, ProblemKind::Binary),
        ("archive.zip", zip, ProblemKind::UnsupportedType),
        ("archive.txt", zip, ProblemKind::Binary),
        ("nul-bytes.md", b"text\0\0\0more text", ProblemKind::Binary),
        ("control-bytes.txt", &[1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17], ProblemKind::Binary),
    ];
    for (name, bytes, _) in cases {
        fs::write(root.join(name), bytes).unwrap();
    }
    let corpus = load(root);
    assert_eq!(paths(&corpus), ["ok.md"]);
    for (name, _, kind) in cases {
        assert_eq!(kinds(&corpus, name), [*kind], "{name}");
    }
    assert_eq!(corpus.qa_pairs(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_of_every_shape_are_problems() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("a/b")).unwrap();
    fs::write(root.join("a/b/note.md"), NOTE).unwrap();
    symlink(root, root.join("a/b/to-root")).unwrap(); // back to an ancestor
    symlink(root.join("a"), root.join("a/b/to-parent")).unwrap();
    symlink(root.join("self.md"), root.join("self.md")).unwrap(); // points at itself
    symlink(root.join("pong.md"), root.join("ping.md")).unwrap(); // two links, each at the other
    symlink(root.join("ping.md"), root.join("pong.md")).unwrap();
    symlink(root.join("a/b/note.md"), root.join("alias.md")).unwrap(); // a fine link
    symlink(root.join("gone.md"), root.join("nowhere.md")).unwrap(); // a link to nothing
    let corpus = load(root);
    assert_eq!(paths(&corpus), ["a/b/note.md", "alias.md"]);
    assert_eq!(kinds(&corpus, "a/b/to-root"), [ProblemKind::SymlinkLoop]);
    assert_eq!(kinds(&corpus, "a/b/to-parent"), [ProblemKind::SymlinkLoop]);
    for name in ["self.md", "ping.md", "pong.md"] {
        assert_eq!(kinds(&corpus, name), [ProblemKind::SymlinkLoop], "{name}: {:?}", corpus.problems);
    }
    assert_eq!(kinds(&corpus, "nowhere.md"), [ProblemKind::Unreadable]);
}

/// Runs as root too: the kernel refuses to read a process's memory at address 0 whoever asks,
/// so this is a file that opens but cannot be read, on every Linux machine.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_opens_but_cannot_be_read_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.md"), NOTE).unwrap();
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("memory.md")).unwrap();
    let corpus = load(dir.path());
    assert_eq!(paths(&corpus), ["ok.md"]);
    assert_eq!(kinds(&corpus, "memory.md"), [ProblemKind::Unreadable]);
}

#[cfg(unix)]
#[test]
fn files_and_folders_without_permission_are_unreadable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("ok.md"), NOTE).unwrap();
    fs::create_dir(root.join("locked")).unwrap();
    fs::write(root.join("locked/inside.md"), NOTE).unwrap();
    fs::write(root.join("locked.md"), NOTE).unwrap();
    fs::set_permissions(root.join("locked.md"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; then there is nothing to refuse and the case cannot be made here.
    let enforced = fs::File::open(root.join("locked.md")).is_err();
    let corpus = load(root);
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    if enforced {
        assert_eq!(paths(&corpus), ["ok.md"]);
        assert_eq!(kinds(&corpus, "locked.md"), [ProblemKind::Unreadable]);
        assert_eq!(kinds(&corpus, "locked"), [ProblemKind::Unreadable]);
    } else {
        eprintln!("running as root: permissions are not enforced, only the load itself is checked");
        assert_eq!(paths(&corpus), ["locked.md", "locked/inside.md", "ok.md"]);
    }
}

/// Deletes files from another thread while the folder is read: every file either loads whole or
/// is reported as vanished, none is lost without a word, and nothing else goes wrong.
#[test]
fn files_deleted_while_the_folder_is_read_are_reported_as_vanished() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    const FILES: usize = 3_000;
    for i in 0..FILES {
        fs::write(root.join(format!("{i:04}.md")), NOTE).unwrap();
    }
    let deleter = {
        let root = root.clone();
        std::thread::spawn(move || {
            for i in (0..FILES).step_by(2) {
                let _ = fs::remove_file(root.join(format!("{i:04}.md")));
            }
        })
    };
    let corpus = load(&root);
    deleter.join().unwrap();
    let vanished = corpus.problems.iter().filter(|p| p.kind == ProblemKind::Vanished).count();
    assert!(corpus.problems.iter().all(|p| p.kind == ProblemKind::Vanished), "{:?}", corpus.problems);
    assert!(corpus.files.len() >= FILES / 2, "the files never deleted all load");
    assert!(corpus.files.len() + vanished <= FILES, "a file is counted once");
    assert!(corpus.files.iter().all(|f| f.text == NOTE), "a file that loads, loads whole");
    assert_eq!(corpus.talks.len(), corpus.files.len());
}

/// A file that another program keeps appending to: the read stops at the size cap, so the load
/// finishes and its memory stays bounded however fast the file grows.
#[test]
fn a_file_growing_while_it_is_read_is_read_up_to_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    fs::write(root.join("ok.md"), NOTE).unwrap();
    let growing = root.join("growing.md");
    fs::write(&growing, "").unwrap();
    let cap: u64 = 256 * 1024;
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let writer = {
        let stop = std::sync::Arc::clone(&stop);
        let growing = growing.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut file = fs::OpenOptions::new().append(true).open(growing).unwrap();
            let chunk = "日志一行 log line\n".repeat(256);
            let mut written = 0u64;
            // Writes well past the cap, then keeps going until the load is over.
            while !stop.load(Ordering::Relaxed) || written < 4 * cap {
                file.write_all(chunk.as_bytes()).unwrap();
                written += chunk.len() as u64;
                if written > 64 * cap {
                    break;
                }
            }
        })
    };
    let options = LoadOptions { max_file_bytes: cap, ..LoadOptions::default() };
    let started = Instant::now();
    let corpus = load_with(&root, &options);
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(paths(&corpus).contains(&"ok.md"));
    match corpus.files.iter().find(|f| f.path == "growing.md") {
        Some(file) => assert!(file.bytes <= cap, "read {} bytes past a cap of {cap}", file.bytes),
        None => assert_eq!(kinds(&corpus, "growing.md"), [ProblemKind::TooLarge]),
    }
    // Whatever moment the load saw it at, once it is over the cap it is refused.
    let after = load_with(&root, &options);
    assert_eq!(kinds(&after, "growing.md"), [ProblemKind::TooLarge]);
}

/// The deterministic half of the case above: a file whose size on disk says 0 but which yields
/// bytes when read (Linux's /proc files do). The cap holds against what is read, not what the
/// file claims.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_yields_more_than_its_size_is_cut_at_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.md"), "short note").unwrap();
    std::os::unix::fs::symlink("/proc/self/maps", dir.path().join("maps.md")).unwrap();
    assert_eq!(fs::metadata(dir.path().join("maps.md")).unwrap().len(), 0);
    let corpus = load_with(dir.path(), &LoadOptions { max_file_bytes: 64, ..LoadOptions::default() });
    assert_eq!(paths(&corpus), ["ok.md"]);
    assert_eq!(kinds(&corpus, "maps.md"), [ProblemKind::TooLarge]);
}

/// Mentions keep 32-bit offsets, so no option may let in a file whose text could pass 4 GiB.
/// A sparse file: its size is what the loader checks first, nothing is read.
#[test]
fn a_file_over_the_hard_limit_is_skipped_whatever_the_option_says() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.md"), "short note").unwrap();
    let huge = fs::File::create(dir.path().join("huge.md")).unwrap();
    huge.set_len(stackradar::corpus::load::MAX_FILE_BYTES_LIMIT + 1).unwrap();
    drop(huge);
    let corpus = load_with(dir.path(), &LoadOptions { max_file_bytes: u64::MAX, ..LoadOptions::default() });
    assert_eq!(paths(&corpus), ["ok.md"]);
    assert_eq!(kinds(&corpus, "huge.md"), [ProblemKind::TooLarge]);
}
