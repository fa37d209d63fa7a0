//! Writes a realistic synthetic corpus of a given size for benchmarks, from the embedded sample
//! corpus: many files, talks re-dated across years, a share of files mojibake-damaged the way
//! seed 004 was (UTF-8 read as Windows-1252, undefined bytes lost), a few huge files and many tiny
//! ones. Deterministic for a seed.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/corpus-1g --mib 1024 --mojibake 0.1
//! ```

// A development tool: it reports progress on stdout and stops at the first I/O error.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use clap::Parser;
use stackradar::Corpus;
use stackradar::corpus::{LoadOptions, Source};
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Folder to write (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
    /// Total size in MiB.
    #[arg(long, default_value_t = 100)]
    mib: u64,
    /// Share of files (0–1) damaged like seed 004.
    #[arg(long, default_value_t = 0.0)]
    mojibake: f64,
    /// Seed of the pseudo-random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// SplitMix64: small, fast, and enough for shuffling test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// The text of every talk of the embedded corpus, without its heading, and the notes whole.
fn material() -> (Vec<(String, String)>, Vec<String>) {
    let corpus = Corpus::load(&Source::Embedded, &LoadOptions::default()).expect("embedded corpus loads");
    let mut talks = Vec::new();
    let mut notes = Vec::new();
    for entry in &corpus.talks {
        let file = corpus.file(entry.file).expect("talk's file exists");
        let text = &file.text[entry.talk.range.clone()];
        if entry.talk.date_source == stackradar::parse::DateSource::Heading {
            let body = text.split_once('\n').map_or("", |(_, rest)| rest);
            talks.push((entry.talk.title.clone(), body.to_owned()));
        } else if entry.talk.index_in_file == 0 {
            notes.push(file.text.clone());
        }
    }
    (talks, notes)
}

/// UTF-8 read as Windows-1252 with the five undefined bytes and soft hyphens lost, written back.
fn damage(text: &str) -> String {
    text.bytes()
        .filter(|b| !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D | 0xAD))
        .map(|b| {
            let byte = [b];
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte).0.into_owned()
        })
        .collect()
}

fn collection(rng: &mut Rng, talks: &[(String, String)], target_bytes: usize) -> String {
    let mut out = String::from("---\ntitle: community Q&A\n---\n\n### README\n\nA collection of talks.\n\n");
    while out.len() < target_bytes {
        let (title, body) = &talks[rng.below(talks.len() as u64) as usize];
        let (year, month, day) = (2012 + rng.below(13), 1 + rng.below(12), 1 + rng.below(28));
        out.push_str(&format!("### {year}-{month:02}-{day:02}：{title}\n{body}\n"));
    }
    out
}

fn main() {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out).unwrap();
    assert!(std::fs::read_dir(&args.out).unwrap().next().is_none(), "{} is not empty", args.out.display());
    let (talks, notes) = material();
    let mut rng = Rng(args.seed);
    let total = usize::try_from(args.mib * 1024 * 1024).unwrap();
    let (mut written, mut files, mut damaged) = (0usize, 0usize, 0usize);
    while written < total {
        // A mix of sizes: mostly small collections and single notes, a few huge files.
        let roll = rng.below(100);
        let size = match roll {
            0 => 32 * 1024 * 1024,
            1..=9 => 1024 * 1024 + rng.below(4 * 1024 * 1024) as usize,
            10..=59 => 16 * 1024 + rng.below(256 * 1024) as usize,
            _ => 0,
        };
        let mut text = if size == 0 {
            notes[rng.below(notes.len() as u64) as usize].clone()
        } else {
            collection(&mut rng, &talks, size.min(total - written + 1024))
        };
        if rng.chance(args.mojibake) {
            text = damage(&text);
            damaged += 1;
        }
        let dir = args.out.join(format!("{:03}", files % 97));
        std::fs::create_dir_all(&dir).unwrap();
        let extension = if size == 0 { "txt" } else { "md" };
        std::fs::write(dir.join(format!("{files:06}.{extension}")), &text).unwrap();
        written += text.len();
        files += 1;
    }
    println!(
        "{files} files, {:.1} MiB, {damaged} mojibake-damaged, in {}",
        written as f64 / 1048576.0,
        args.out.display()
    );
}
