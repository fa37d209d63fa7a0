//! Where the time of a load goes: every stage of the pipeline timed on its own over one corpus,
//! so that a change to one stage shows in its own line, and the sum can be set against the end to
//! end `stackradar report` time (which `benches/compare.py` measures). Run by hand:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/c100 --mib 100
//! cargo bench --bench stages -- /tmp/c100
//! ```
//!
//! Each stage runs as the pipeline runs it (in parallel with rayon where the pipeline is) on the
//! output of the stage before; the figures are medians of three rounds, in MB/s of input bytes.

// A benchmark prints its results and stops at the first error.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use rayon::prelude::*;
use stackradar::analysis::graph::GraphOptions;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::{Analyses, Filter};
use stackradar::catalog::Catalog;
use stackradar::corpus::{self, LoadOptions, RawFile, Source, decode, repair};
use stackradar::export::{charts::ChartOptions, review};
use stackradar::extract::Extractor;
use stackradar::index::Postings;
use stackradar::parse;
use std::collections::HashMap;
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;

/// Runs `stage` [`ROUNDS`] times, prints its median and returns the last result.
fn time<T>(name: &str, bytes: usize, mut stage: impl FnMut() -> T) -> T {
    let mut samples = Vec::new();
    let mut result = None;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        result = Some(std::hint::black_box(stage()));
        samples.push(started.elapsed());
    }
    samples.sort();
    let median: Duration = samples[samples.len() / 2];
    let secs = median.as_secs_f64();
    println!("{name:<34} {:>9.1} ms {:>9.0} MB/s", secs * 1e3, bytes as f64 / 1e6 / secs);
    result.expect("at least one round")
}

fn main() {
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).expect("usage: stages CORPUS_DIR");
    let source = Source::Paths(vec![path.into()]);
    let options = LoadOptions::default();
    println!("{} rayon threads; medians of {ROUNDS} rounds", rayon::current_num_threads());

    let (raw, _) = corpus::load::load(&source, &options).unwrap();
    let bytes: usize = raw.iter().map(|f| f.bytes.len()).sum();
    println!("{} files, {:.1} MB\n", raw.len(), bytes as f64 / 1e6);
    time("read (walk + read bytes)", bytes, || corpus::load::load(&source, &options).unwrap().0.len());
    let decoded: Vec<String> = time("decode (detect encoding)", bytes, || {
        raw.par_iter().map(|f: &RawFile| decode::decode(&f.bytes).text).collect()
    });
    let (damaged, clean): (Vec<&String>, Vec<&String>) =
        decoded.par_iter().partition(|t| repair::repair((*t).clone()).report.family.is_some());
    let damaged_bytes = damaged.iter().map(|t| t.len()).sum();
    println!(
        "  ({} of {} files are mojibake, {:.1} MB)",
        damaged.len(),
        decoded.len(),
        damaged_bytes as f64 / 1e6
    );
    // The copy is part of the stage: repair takes its text by value, as the pipeline hands it over.
    time("repair, clean files (detection)", bytes - damaged_bytes, || {
        clean.par_iter().map(|t| repair::repair((*t).clone()).text.len()).sum::<usize>()
    });
    time("repair, mojibake files", damaged_bytes, || {
        damaged.par_iter().map(|t| repair::repair((*t).clone()).text.len()).sum::<usize>()
    });
    let files: Vec<corpus::TextFile> =
        time("load + decode + repair (pipeline)", bytes, || corpus::read_texts(&source, &options).unwrap().0);

    let parsed: Vec<parse::ParsedFile> = time("segment (talks, Q&A)", bytes, || {
        files.par_iter().map(|f| parse::parse_file(&f.path, &f.text)).collect()
    });
    let (catalog, _) = Catalog::embedded();
    let extractor = time("build the matcher", bytes, || Extractor::new(&catalog).unwrap());
    time("matcher alone (no rules)", bytes, || {
        let passages = files.par_iter().zip(&parsed).flat_map_iter(|(file, parsed)| {
            parsed.talks.iter().map(|talk| {
                let ranges: Vec<_> = talk.passages.iter().map(|p| p.range.clone()).collect();
                extractor.matcher.count_raw_matches(&file.text, &ranges)
            })
        });
        passages.sum::<usize>()
    });
    time("extract (mentions, stance, orgs)", bytes, || {
        files
            .par_iter()
            .zip(&parsed)
            .map(|(file, parsed)| {
                let talks = parsed.talks.par_iter().enumerate();
                talks
                    .map(|(i, talk)| extractor.talk(&file.text, talk, i as u32, None).mentions.len())
                    .sum::<usize>()
            })
            .sum::<usize>()
    });

    let corpus = stackradar::Corpus::from_files("bench".into(), files, Vec::new());
    println!("  ({} talks, {} mentions)", corpus.talks.len(), corpus.mentions.len());
    time("index (postings)", bytes, || {
        let orgs = corpus.talks.iter().map(|t| t.orgs.iter().map(|o| (o.org, o.name.as_str())).collect());
        Postings::build(&corpus.catalog, orgs, corpus.talks.len(), &corpus.mentions)
    });
    let analyses = time("analyses (all, no filter)", bytes, || {
        Analyses::run(
            &corpus,
            &Filter::default(),
            Granularity::Year,
            &GraphOptions::default(),
            &HashMap::new(),
        )
    });
    let out = std::env::temp_dir().join(format!("stackradar-stages-{}", std::process::id()));
    let pack = review::PackOptions { charts: true, network: true, chart: ChartOptions::default() };
    let fresh = || {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
    };
    use stackradar::export::{analysis_tables, report, tables};
    time("  summary.json + talks.jsonl", bytes, || {
        let lines: Vec<_> = report::talk_lines(&corpus).collect();
        (
            serde_json::to_vec(&report::summary(&corpus)).unwrap().len(),
            serde_json::to_vec(&lines).unwrap().len(),
        )
    });
    time("  mentions.csv", bytes, || tables::mentions(&corpus).unwrap().len());
    time("  tools.csv", bytes, || tables::tools(&corpus).unwrap().len());
    time("  orgs.csv", bytes, || tables::orgs(&corpus).unwrap().len());
    time("  migrations.csv", bytes, || tables::migrations(&corpus).unwrap().len());
    time("  suggestions.csv", bytes, || tables::suggestions(&corpus).unwrap().len());
    time("  analysis tables", bytes, || {
        fresh();
        analysis_tables::write(&corpus, &analyses, &out).unwrap();
    });
    time("export: tables (summary, talks, mentions)", bytes, || {
        fresh();
        stackradar::export::report::write(&corpus, &analyses, &out).unwrap();
    });
    time("export: review pack (charts, network)", bytes, || {
        fresh();
        review::write_pack(&corpus, &analyses, &Filter::default(), &out, &pack).unwrap().len()
    });
    let _ = std::fs::remove_dir_all(&out);
}
