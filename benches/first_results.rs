//! How soon the app has something to show for a large folder, and when it has all of it: the
//! app's own load job (off the UI thread, with the snapshot's first analyses), timed from the
//! start to its preview and to the finished snapshot. Issue targets on 1 GiB: first results
//! within 1 s, everything within 5 s.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/corpus-1g --mib 1024
//! cargo bench --bench first_results -- /tmp/corpus-1g
//! ```
//! Medians of 3 loads, page cache warm (one load is run first and not counted).

// A benchmark prints its results and stops at the first error.
#![allow(clippy::print_stdout, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use stackradar::corpus::{LoadOptions, Source};
use stackradar::ui::jobs::{JobOutcome, LoadJob};
use stackradar::ui::results::AnalysisKey;
use stackradar::ui::settings::Settings;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One load: (time to the preview if there was one, its files; time to the snapshot, its files).
fn load(folder: &Path) -> (Option<(Duration, usize)>, (Duration, usize)) {
    let started = Instant::now();
    let first = AnalysisKey::new(1, &Settings::default());
    let job = LoadJob::start(Source::Paths(vec![folder.to_path_buf()]), LoadOptions::default(), first, || {});
    let mut preview = None;
    loop {
        match job.poll() {
            JobOutcome::Pending => std::thread::sleep(Duration::from_millis(1)),
            JobOutcome::Preview(snapshot) => preview = Some((started.elapsed(), snapshot.corpus.files.len())),
            JobOutcome::Done(snapshot) => return (preview, (started.elapsed(), snapshot.corpus.files.len())),
            JobOutcome::Failed(message) => panic!("{message}"),
        }
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let folder = PathBuf::from(std::env::args().nth(1).expect("usage: first_results FOLDER"));
    let _warm = load(&folder);
    let runs: Vec<_> = (0..3).map(|_| load(&folder)).collect();
    let done = median(runs.iter().map(|(_, (t, _))| *t).collect());
    let files = runs[0].1.1;
    match runs.iter().map(|(p, _)| *p).collect::<Option<Vec<_>>>() {
        Some(previews) => {
            let shown = median(previews.iter().map(|(t, _)| *t).collect());
            let sample = previews[0].1;
            println!("preview ({sample} of {files} files) after {:.2} s (median of 3)", shown.as_secs_f64());
        }
        None => println!("no preview (the folder is not more than twice the preview budget)"),
    }
    println!("whole snapshot ({files} files) after {:.2} s (median of 3)", done.as_secs_f64());
}
