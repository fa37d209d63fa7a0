//! How long the analyses take after a filter change on a large corpus (issue target: < 16 ms for
//! timeline + matrix, < 100 ms for graph + communities + layout, on ~1 million mentions).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/corpus-220m --mib 220
//! cargo bench --bench analysis -- /tmp/corpus-220m
//! ```
//! Each measurement is the median of 15 runs, cycling through different date-range filters so
//! that every run is a real change of filter.

// A benchmark prints its results and stops at the first error.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use stackradar::Corpus;
use stackradar::analysis::graph::{GraphOptions, cooccurrence};
use stackradar::analysis::matrix::matrix;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::timeline::timeline;
use stackradar::analysis::{Filter, MATRIX_ORGS, MATRIX_TOOLS, Selection};
use stackradar::corpus::{LoadOptions, Source};
use std::collections::HashMap;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let path = std::env::args().skip(1).find(|a| !a.starts_with('-')).expect("usage: analysis CORPUS_DIR");
    let started = Instant::now();
    let corpus = Corpus::load(&Source::Paths(vec![path.into()]), &LoadOptions::default()).unwrap();
    println!(
        "loaded {} files, {} talks, {} mentions in {:.1} s",
        corpus.files.len(),
        corpus.talks.len(),
        corpus.mentions.len(),
        started.elapsed().as_secs_f64()
    );
    println!(
        "distinct (talk, technology) pairs: {}",
        corpus.postings.tool_talks.iter().map(Vec::len).sum::<usize>()
    );
    let filters: Vec<Filter> = (0..15)
        .map(|i| Filter {
            from: format!("{}-01-01", 2012 + i % 4).parse().ok(),
            to: format!("{}-12-31", 2020 + i % 5).parse().ok(),
            ..Filter::default()
        })
        .collect();
    let (mut select, mut tables, mut graph) = (Vec::new(), Vec::new(), Vec::new());
    let mut timelines = Vec::new();
    let mut previous = HashMap::new();
    for filter in &filters {
        let t0 = Instant::now();
        let selection = Selection::new(&corpus, filter);
        let t1 = Instant::now();
        let tl = timeline(&corpus, &selection, Granularity::Quarter);
        let t_timeline = t1.elapsed();
        let m = matrix(&corpus, &selection, MATRIX_ORGS, MATRIX_TOOLS);
        let t2 = Instant::now();
        let g = cooccurrence(&corpus, &selection, &GraphOptions::default(), &previous);
        let t3 = Instant::now();
        previous = g.positions_by_key(&corpus);
        select.push(t1 - t0);
        tables.push(t2 - t1);
        timelines.push(t_timeline);
        graph.push(t3 - t2);
        std::hint::black_box((tl.series.len(), m.orgs.len(), g.nodes.len()));
    }
    println!("selection (filter resolved)      median {:>8.2} ms", median(select).as_secs_f64() * 1e3);
    println!("timeline + matrix                median {:>8.2} ms", median(tables).as_secs_f64() * 1e3);
    println!("  of which timeline              median {:>8.2} ms", median(timelines).as_secs_f64() * 1e3);
    println!("graph + communities + layout     median {:>8.2} ms", median(graph).as_secs_f64() * 1e3);
}
