//! The command line: `report` and `repair` run the same library code as the app, headless.
//! Errors are printed once, here, as one line; the exit code is 2 for anything that stopped the
//! command.

use crate::corpus::{self, LoadOptions, Source};
use crate::export;
use crate::index::{BATCH_BYTES, Corpus};
use crate::{analysis, chart};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// stackradar: which technologies companies chose, when, and together with what.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Args {
    /// What to do; with none, open the app on the embedded sample corpus.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the app on folders (read recursively) or files.
    Open {
        /// Folders or files to open.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print a short summary of the embedded sample corpus.
    Summary,
    /// Load notes and write the report, the review pack (report.md, charts) and the tables.
    Report {
        /// Folders (read recursively) or files; none means the embedded sample corpus.
        paths: Vec<PathBuf>,
        /// Folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Write into a folder that is not empty (our files in it are replaced).
        #[arg(long)]
        force: bool,
        /// Skip files larger than this many MiB (at most 1024).
        #[arg(long, default_value_t = corpus::load::DEFAULT_MAX_FILE_BYTES / (1024 * 1024))]
        max_file_mib: u64,
        /// Do not render the charts (report.md and the tables only).
        #[arg(long)]
        no_charts: bool,
        /// PNG pixels per chart unit, 1 to 4.
        #[arg(long, default_value_t = export::png::DEFAULT_SCALE, value_parser = parse_scale)]
        scale: f32,
        /// Leave the provenance line (corpus, filter, measure, date) off the images.
        #[arg(long)]
        no_caption: bool,
    },
    /// Repair mojibake in one file and write the text as UTF-8.
    Repair {
        /// The file to repair (it is only read).
        file: PathBuf,
        /// Where to write the repaired text; standard output when absent.
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
}

/// Runs the command line and turns any error into one line on stderr and exit code 2.
pub fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackradar: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs one parsed command line.
pub fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        None => run_gui(Source::Embedded),
        Some(Command::Open { paths }) => run_gui(Source::Paths(paths)),
        Some(Command::Summary) => summarise_embedded(),
        Some(Command::Report { paths, out, force, max_file_mib, no_charts, scale, no_caption }) => {
            let source = if paths.is_empty() { Source::Embedded } else { Source::Paths(paths) };
            let options = LoadOptions {
                max_file_bytes: max_file_mib.saturating_mul(1024 * 1024),
                ..LoadOptions::default()
            };
            let pack = Pack { charts: !no_charts, scale, caption: !no_caption };
            report(&source, &options, &out, force, &pack)
        }
        Some(Command::Repair { file, out }) => repair(&file, out.as_deref()),
    }
}

/// Opens the desktop app on `source`.
#[cfg(feature = "gui")]
fn run_gui(source: Source) -> anyhow::Result<()> {
    crate::ui::run(source)
}

/// Built without the `gui` feature there is no app to open: say so, and point at what works.
#[cfg(not(feature = "gui"))]
fn run_gui(_source: Source) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no desktop app (the `gui` feature was not compiled in); \
         `report`, `repair` and `summary` work, or rebuild with default features"
    )
}

/// What `report` adds to the tables: the review pack's charts.
struct Pack {
    charts: bool,
    scale: f32,
    caption: bool,
}

fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text.parse().map_err(|_| format!("{text} is not a number"))?;
    if export::png::SCALES.contains(&scale) {
        Ok(scale)
    } else {
        Err(format!("{text} is not between 1 and 4"))
    }
}

fn report(
    source: &Source,
    options: &LoadOptions,
    out: &std::path::Path,
    force: bool,
    pack: &Pack,
) -> anyhow::Result<()> {
    let started = Instant::now();
    export::prepare_output_dir(out, force)?;
    // The tables that read text are written as the notes load, a batch of files at a time, so
    // that the whole corpus's text is never held at once.
    let export::streamed::Loaded { corpus, per_file, mentions } =
        export::streamed::load_writing_text_tables(source, options, out, BATCH_BYTES)?;
    // `mentions.csv` (hundreds of megabytes from a large corpus) goes to disk while the
    // analyses run and the other files are written.
    let (committed, charts_took) = std::thread::scope(|scope| {
        let committing = scope.spawn(|| mentions.commit());
        let rest = write_after_load(&corpus, per_file, out, pack);
        (committing.join(), rest)
    });
    // A panic while committing is a bug: let it go on as one.
    committed.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let charts_took = charts_took?;
    eprintln!(
        "stackradar: {} files, {} talks, {} Q&A pairs, {} problems in {:.2} s (review pack {:.2} s); wrote {}",
        corpus.files.len(),
        corpus.talks.len(),
        corpus.qa_pairs(),
        corpus.problems.len(),
        started.elapsed().as_secs_f64(),
        charts_took,
        out.display()
    );
    Ok(())
}

/// Everything of the report after the load (the analyses, the tables that need no text and
/// the review pack); returns the seconds the review pack took.
fn write_after_load(
    corpus: &Corpus,
    per_file: Vec<export::report::FileSummary>,
    out: &std::path::Path,
    pack: &Pack,
) -> anyhow::Result<f64> {
    let filter = analysis::Filter::default();
    let analyses = analysis::Analyses::run(
        corpus,
        &filter,
        analysis::period::Granularity::Year,
        &analysis::graph::GraphOptions::default(),
        &std::collections::HashMap::new(),
    );
    export::report::write_without_text_tables(corpus, per_file, &analyses, out)?;
    let provenance = pack.caption.then(|| chart::Provenance::new(corpus, &filter));
    let options = export::review::PackOptions {
        charts: pack.charts,
        network: false,
        chart: export::charts::ChartOptions { scale: pack.scale, provenance },
    };
    let charts_started = Instant::now();
    export::review::write_pack(corpus, &analyses, &filter, out, &options)?;
    Ok(charts_started.elapsed().as_secs_f64())
}

fn repair(file: &std::path::Path, out: Option<&std::path::Path>) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let path = file.display().to_string();
    let (text, _) = corpus::to_text(corpus::RawFile { path, bytes });
    let report = &text.repair;
    match out {
        Some(out) => export::write_atomic(out, text.text.as_bytes())?,
        None => std::io::stdout()
            .lock()
            .write_all(text.text.as_bytes())
            .context("cannot write to standard output")?,
    }
    eprintln!(
        "stackradar: {}: {}; {} lines reversed, {} characters restored, {} guessed ({} low-confidence), {} left unrestored",
        file.display(),
        report.family.map_or("no mojibake found", |f| f.wrong_decoder()),
        report.lines_repaired,
        report.chars_restored,
        report.spans.len(),
        report.low_confidence(),
        report.chars_unrestored
    );
    Ok(())
}

fn summarise_embedded() -> anyhow::Result<()> {
    let corpus = Corpus::load(&Source::Embedded, &LoadOptions::default())?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "stackradar — {}", corpus.name)?;
    writeln!(
        out,
        "{} files, {} talks, {} Q&A pairs, {} problems",
        corpus.files.len(),
        corpus.talks.len(),
        corpus.qa_pairs(),
        corpus.problems.len()
    )?;
    if let Some((first, last)) = corpus.date_range() {
        writeln!(out, "talks dated {first} to {last}")?;
    }
    writeln!(out, "\nWrite the full report with:  stackradar report [FOLDER...] --out DIR")?;
    Ok(())
}
