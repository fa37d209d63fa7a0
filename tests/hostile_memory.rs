//! Memory stays bounded on hostile folders: the peak resident memory of a load is measured for
//! each case on its own (one after the other in one test, with the kernel's peak counter reset
//! in between, so no other test's memory is counted) and must stay within a bound proportional
//! to what is actually read — never to what a file claims to be.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]
#![cfg(target_os = "linux")]

use stackradar::Corpus;
use stackradar::corpus::{LoadOptions, Source};
use std::fs;
use std::path::Path;

const MIB: u64 = 1024 * 1024;

/// Peak resident memory since the last reset, in bytes (`VmHWM` in /proc/self/status).
fn peak() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

/// Sets the peak counter back to the current resident size (Linux 4.0 and later).
fn reset_peak() {
    fs::write("/proc/self/clear_refs", "5").unwrap();
}

fn sparse_1_gib(dir: &Path) {
    fs::File::create(dir.join("huge.md")).unwrap().set_len(1 << 30).unwrap();
}

fn line_of_10_mb(dir: &Path) {
    fs::write(dir.join("line.md"), "k8s 和 Calico 的网络实践 ".repeat(10 * MIB as usize / 32)).unwrap();
}

fn talks_100_000(dir: &Path) {
    let text: String = (0..100_000)
        .map(|i| format!("### 2019-03-{:02}：talk {i} 用 Kafka\n\n> Q1：q\n\nA：a\n\n", i % 28 + 1))
        .collect();
    fs::write(dir.join("talks.md"), text).unwrap();
}

fn files_20_000(dir: &Path) {
    for i in 0..20_000 {
        let sub = dir.join(format!("{:03}", i % 200));
        fs::create_dir_all(&sub).unwrap();
        fs::write(sub.join(format!("{i}.md")), format!("### 2020-01-01：talk {i}\n\nA：用 Redis\n")).unwrap();
    }
}

/// Size of every file under `dir`, as read (a sparse file over the cap is not read: 0).
fn bytes_read(corpus: &Corpus) -> u64 {
    corpus.files.iter().map(|f| f.bytes).sum()
}

/// A case name, how its fixture is made, and the allowed peak growth (MiB, times bytes read).
type MemoryCase = (&'static str, fn(&Path), u64, u64);

#[test]
fn memory_stays_bounded_on_hostile_inputs() {
    // (case, fixture, allowed peak growth: fixed part in MiB + times the bytes read)
    let cases: &[MemoryCase] = &[
        ("1 GiB sparse file over the cap", sparse_1_gib, 64, 0),
        ("10 MB single line", line_of_10_mb, 64, 40),
        ("100,000 talks in one file", talks_100_000, 64, 60),
        ("20,000 tiny files", files_20_000, 64, 60),
    ];
    let mut report = Vec::new();
    for (name, make, fixed_mib, per_byte) in cases {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path());
        reset_peak();
        let before = peak();
        let corpus =
            Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap();
        let grew = peak().saturating_sub(before);
        let read = bytes_read(&corpus);
        let bound = fixed_mib * MIB + per_byte * read;
        report.push(format!(
            "{name}: read {} MiB, peak grew {} MiB (bound {} MiB)",
            read / MIB,
            grew / MIB,
            bound / MIB
        ));
        assert!(grew <= bound, "{}", report.join("\n"));
        drop(corpus);
    }
    eprintln!("{}", report.join("\n"));
}
