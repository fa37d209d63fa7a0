//! Extraction throughput over clean text: the embedded corpus repeated to a few hundred MB,
//! parsed once (not timed), then mentions, stance, migrations and organisations extracted over
//! every talk with rayon (timed). Run by hand: `cargo bench --bench extract`.

#![allow(clippy::print_stdout, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)] // a benchmark reports on stdout and may stop

use rayon::prelude::*;
use stackradar::catalog::Catalog;
use stackradar::corpus::{LoadOptions, Source, read_texts};
use stackradar::extract::Extractor;
use stackradar::parse;
use std::time::Instant;

fn main() {
    let target_mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(256);
    let (files, _) = read_texts(&Source::Embedded, &LoadOptions::default()).expect("embedded");
    let one: String = files.iter().map(|f| f.text.as_str()).collect::<Vec<_>>().join("\n");
    let copies = (target_mb * 1024 * 1024).div_ceil(one.len().max(1));
    // Many medium files, as a folder of notes would be: each copy is one "file".
    let texts: Vec<&str> = std::iter::repeat_n(one.as_str(), copies).collect();
    let parsed: Vec<parse::ParsedFile> = texts.par_iter().map(|t| parse::parse_file("x.md", t)).collect();
    let (catalog, _) = Catalog::embedded();
    let extractor = Extractor::new(&catalog).expect("extractor");
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    for round in 0..3 {
        let start = Instant::now();
        let mentions: usize = texts
            .par_iter()
            .zip(parsed.par_iter())
            .map(|(text, file)| {
                file.talks
                    .par_iter()
                    .enumerate()
                    .map(|(i, talk)| extractor.talk(text, talk, i as u32, None).mentions.len())
                    .sum::<usize>()
            })
            .sum();
        let secs = start.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        println!(
            "round {round}: {mb:.0} MB, {mentions} mentions, {secs:.2} s, {:.0} MB/s on {} threads ({} alias texts)",
            mb / secs,
            rayon::current_num_threads(),
            extractor.matcher.alias_count()
        );
    }
}
