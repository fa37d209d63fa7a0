//! The promise that user data is read-only, checked from the outside: a watched input folder is
//! loaded, analysed and exported (in process and through the command line run from inside that
//! folder), and afterwards every file, folder and link in it is exactly as it was — contents,
//! sizes, permissions, modification times, no file added or removed, not even for a moment (a
//! folder's mtime changes when an entry is created in it and removed again). Outputs appear only
//! in the folders that were named, and no temporary file is left anywhere.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::analysis::graph::GraphOptions;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::{Analyses, Filter};
use stackradar::corpus::{LoadOptions, Source};
use stackradar::{Corpus, export};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Everything observable about one entry below a watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    kind: &'static str,
    mode: u32,
    len: u64,
    modified: SystemTime,
    /// File bytes, or a link's target.
    content: Vec<u8>,
}

/// The state of every entry below `root` (links not followed), keyed by relative path.
fn watch(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut state = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        let meta = fs::symlink_metadata(entry.path()).unwrap();
        let (kind, content) = if meta.is_symlink() {
            ("link", fs::read_link(entry.path()).unwrap().into_os_string().into_encoded_bytes())
        } else if meta.is_dir() {
            ("folder", Vec::new())
        } else {
            ("file", fs::read(entry.path()).unwrap())
        };
        #[cfg(unix)]
        let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions());
        #[cfg(not(unix))]
        let mode = u32::from(meta.permissions().readonly());
        let relative = entry.path().strip_prefix(root).unwrap().to_path_buf();
        state.insert(
            relative,
            Entry { kind, mode, len: meta.len(), modified: meta.modified().unwrap(), content },
        );
    }
    state
}

/// An input folder with a bit of everything the loader treats specially.
fn make_input(root: &Path, outside: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    fs::create_dir_all(root.join("seeds")).unwrap();
    for entry in fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, root.join("seeds").join(path.file_name().unwrap())).unwrap();
    }
    let note = "### 2021-03-04：网络实践\n\n> Q：用什么？\n\nA：我们从 Flannel 迁移到了 Calico。\n";
    fs::write(root.join("gbk.md"), encoding_rs::GBK.encode(note).0).unwrap();
    fs::write(root.join("page.html"), format!("<html><body><p>{note}</p></body></html>")).unwrap();
    fs::write(root.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    fs::write(root.join("broken.md"), "---\ntitle: [\n---\nbody\n").unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::write(root.join(stackradar::catalog::user::FILE_NAME), r#"{"technologies": []}"#).unwrap();
    let read_only = root.join("read-only.md");
    fs::write(&read_only, note).unwrap();
    let mut permissions = fs::metadata(&read_only).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&read_only, permissions).unwrap();
    fs::write(outside.join("elsewhere.md"), note).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.join("elsewhere.md"), root.join("linked.md")).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<_> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn loading_analysing_and_exporting_never_touch_the_input() {
    let sandbox = tempfile::tempdir().unwrap();
    let [input, outside, home, tmp, out_lib, out_cli] =
        ["input", "outside", "home", "tmp", "out-lib", "out-cli"].map(|name| sandbox.path().join(name));
    for dir in [&input, &outside, &home, &tmp] {
        fs::create_dir(dir).unwrap();
    }
    make_input(&input, &outside);
    let before = (watch(&input), watch(&outside), watch(&home), watch(&tmp));
    // Modification times have a coarse grain on some file systems: let any write show.
    std::thread::sleep(std::time::Duration::from_millis(20));

    // In process: load, analyse with and without a filter, export.
    let source = Source::Paths(vec![input.clone()]);
    let corpus = Corpus::load(&source, &LoadOptions::default()).unwrap();
    assert!(corpus.talks.len() > 10 && !corpus.mentions.is_empty());
    let filter = Filter { query: "calico".into(), ..Filter::default() };
    let mut last = None;
    for filter in [filter, Filter::default()] {
        let analyses = Analyses::run(
            &corpus,
            &filter,
            Granularity::Month,
            &GraphOptions::default(),
            &Default::default(),
        );
        assert!(!analyses.timeline.series.is_empty());
        last = Some(analyses);
    }
    export::prepare_output_dir(&out_lib, false).unwrap();
    export::report::write(&corpus, &last.unwrap(), &out_lib).unwrap();

    // The command line, started from inside the input folder, with its home and temporary
    // folders watched too.
    let run = |args: &[&std::ffi::OsStr]| {
        let output = Command::new(env!("CARGO_BIN_EXE_stackradar"))
            .args(args)
            .current_dir(&input)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("TMPDIR", &tmp)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    };
    run(&["report".as_ref(), ".".as_ref(), "--out".as_ref(), out_cli.as_os_str()]);
    let repaired = out_cli.join("repaired.md");
    run(&["repair".as_ref(), "seeds/004_77bb0b753ad145a3.txt".as_ref(), "-o".as_ref(), repaired.as_os_str()]);

    let after = (watch(&input), watch(&outside), watch(&home), watch(&tmp));
    assert!(before.0 == after.0, "the input changed:\n{}", diff(&before.0, &after.0));
    assert!(before.1 == after.1, "a linked file outside the input changed");
    assert!(before.2 == after.2, "the home folder changed:\n{}", diff(&before.2, &after.2));
    assert!(before.3 == after.3, "the temporary folder changed:\n{}", diff(&before.3, &after.3));
    assert_eq!(names(sandbox.path()), ["home", "input", "out-cli", "out-lib", "outside", "tmp"]);
    for out in [&out_lib, &out_cli] {
        let written = names(out);
        assert!(written.contains(&"summary.json".to_owned()) && written.contains(&"talks.jsonl".to_owned()));
        for name in &written {
            assert!(!name.starts_with('.'), "a temporary file was left behind: {name}");
            assert!(fs::symlink_metadata(out.join(name)).unwrap().is_file(), "{name}");
        }
    }
    let (cli, lib) = (names(&out_cli), names(&out_lib));
    assert!(lib.iter().all(|name| cli.contains(name)), "the command line writes the library's tables");
    assert!(cli.contains(&"repaired.md".to_owned()) && cli.contains(&"report.md".to_owned()));
}

fn diff(before: &BTreeMap<PathBuf, Entry>, after: &BTreeMap<PathBuf, Entry>) -> String {
    let mut lines = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => lines.push(format!("removed {}", path.display())),
            Some(now) if now != entry => lines.push(format!(
                "changed {}: {:?} -> {:?}",
                path.display(),
                (entry.kind, entry.mode, entry.len, entry.modified),
                (now.kind, now.mode, now.len, now.modified)
            )),
            Some(_) => {}
        }
    }
    lines.extend(after.keys().filter(|p| !before.contains_key(*p)).map(|p| format!("added {}", p.display())));
    lines.join("\n")
}
