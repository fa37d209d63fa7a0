//! How well lossy mojibake repair restores text, and how fast: run by hand with
//! `cargo bench --bench repair_accuracy` (release build).
//!
//! 1. Self-made damage: every clean seed in `data/` is damaged the way seed 004 was (UTF-8 read as
//!    Windows-1252 with the six lost bytes dropped), repaired, and compared with the original;
//!    each clean seed must also come back byte-identical when fed in undamaged.
//! 2. Seed 004 against its original text, when that is available: pass its path as the first
//!    `--truth PATH` or in `STACKRADAR_GROUND_TRUTH` (default `../shared/ground-truth/004-K8s-QA.clean.md`
//!    relative to the repository root); it is only read to measure, and skipped when absent.
//!    More clean UTF-8 text can be measured the same way with `--clean PATH` (repeatable);
//!    `--errors` prints every wrong guess of the self-made damage with its context.
//! 3. Throughput of repair on seed 004, with the model already loaded, and the model's load time.
//!
//! Character accuracy is 1 − Levenshtein distance / length of the original, in chars (computed
//! line by line, as repair never adds or removes lines). Damaged characters restored is the share
//! of the characters that lost bytes which came back exactly.
#![allow(clippy::print_stdout, clippy::indexing_slicing, clippy::string_slice)] // A benchmark's job is to print its figures.

use stackradar::corpus::repair::{self, simulate};
use std::path::{Path, PathBuf};
use std::time::Instant;

const SEED_004: &str = "004_77bb0b753ad145a3.txt";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    repair::warm_up();
    println!("model load: {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);

    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("data"))
        .map(|dir| dir.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    seeds.sort();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let after = |flag: &str| {
        args.windows(2).filter(|w| w[0] == flag).map(|w| PathBuf::from(&w[1])).collect::<Vec<_>>()
    };
    let show_errors = args.iter().any(|a| a == "--errors");
    seeds.retain(|p| !p.ends_with(SEED_004) && p.extension().is_some_and(|e| e == "txt"));
    for path in seeds.iter().chain(&after("--clean")) {
        self_damage(path, show_errors);
    }
    let truth = after("--truth")
        .pop()
        .or_else(|| std::env::var("STACKRADAR_GROUND_TRUTH").ok().map(PathBuf::from))
        .unwrap_or_else(|| root.join("../shared/ground-truth/004-K8s-QA.clean.md"));
    let seed = root.join("data").join(SEED_004);
    match (std::fs::read_to_string(&truth), std::fs::read_to_string(&seed)) {
        (Ok(truth), Ok(damaged)) => {
            let repaired = repair::repair(damaged.clone());
            let score = compare(&truth, &repaired.text, false);
            println!(
                "seed 004 vs original: {score}; {} guesses, {} low-confidence, {} unrestored",
                repaired.report.spans.len(),
                repaired.report.low_confidence(),
                repaired.report.chars_unrestored
            );
        }
        (Err(_), _) => println!("seed 004: no original text at {} — skipped", truth.display()),
        (_, Err(error)) => println!("seed 004: cannot read {}: {error}", seed.display()),
    }
    if let Ok(damaged) = std::fs::read_to_string(&seed) {
        throughput(&damaged);
    }
}

fn self_damage(path: &Path, show_errors: bool) {
    let Ok(clean) = std::fs::read_to_string(path) else { return };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let untouched = repair::repair(clean.clone()).text == clean;
    let damaged = simulate::utf8_read_as_windows_1252(&clean, true);
    let repaired = repair::repair(damaged);
    let score = compare(&clean, &repaired.text, show_errors);
    println!("{name}: clean input unchanged: {untouched}; self-damaged: {score}");
}

struct Score {
    accuracy: f64,
    damaged: usize,
    restored: usize,
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "character accuracy {:.3}%, damaged characters restored {}/{} = {:.2}%",
            self.accuracy * 100.0,
            self.restored,
            self.damaged,
            self.restored as f64 * 100.0 / self.damaged.max(1) as f64
        )
    }
}

fn compare(truth: &str, repaired: &str, show_errors: bool) -> Score {
    let (mut distance, mut length, mut damaged, mut restored) = (0, 0, 0, 0);
    let mut repaired_lines = repaired.split('\n');
    for truth_line in truth.split('\n') {
        let line = repaired_lines.next().unwrap_or("");
        let (t, r): (Vec<char>, Vec<char>) = (truth_line.chars().collect(), line.chars().collect());
        length += t.len();
        let lost: Vec<usize> =
            t.iter().enumerate().filter(|(_, c)| simulate::loses_bytes(**c)).map(|(i, _)| i).collect();
        damaged += lost.len();
        if t == r {
            restored += lost.len();
            continue;
        }
        distance += levenshtein(&t, &r);
        if t.len() == r.len() {
            restored += lost.iter().filter(|&&i| t[i] == r[i]).count();
            if show_errors {
                print_errors(&t, &r, &lost);
            }
        }
    }
    distance += repaired_lines.map(|l| l.chars().count() + 1).sum::<usize>();
    Score { accuracy: 1.0 - distance as f64 / length.max(1) as f64, damaged, restored }
}

fn print_errors(truth: &[char], repaired: &[char], lost: &[usize]) {
    for &i in lost.iter().filter(|&&i| truth[i] != repaired[i]) {
        let context =
            |text: &[char]| text[i.saturating_sub(6)..(i + 7).min(text.len())].iter().collect::<String>();
        println!("  {} → {}   {}   |   {}", truth[i], repaired[i], context(truth), context(repaired));
    }
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn throughput(damaged: &str) {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let started = Instant::now();
        let repaired = repair::repair(damaged.to_string());
        best = best.min(started.elapsed().as_secs_f64());
        std::hint::black_box(repaired);
    }
    let mb = damaged.len() as f64 / 1e6;
    println!(
        "throughput on seed 004: {mb:.2} MB in {:.1} ms = {:.1} MB/s (best of 5)",
        best * 1000.0,
        mb / best
    );
}
