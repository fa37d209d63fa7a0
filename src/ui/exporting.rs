//! Exporting from the app: one view's chart (SVG, PNG, CSV) or the whole review pack, into a
//! folder the user names. Files that would be replaced are listed and must be confirmed; the
//! writing runs on a background thread so the window keeps drawing.

use super::snapshot::Snapshot;
use crate::analysis::{Analyses, Filter};
use crate::chart::{Chart, ChartKind, Provenance};
use crate::export::charts::{self, ChartOptions};
use crate::export::png::DEFAULT_SCALE;
use crate::export::review::{self, PackOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// One view's chart.
    Chart(ChartKind),
    /// `report.md`, every chart and the network files.
    ReviewPack,
}

/// The export window's state: the user's choices and the export's progress.
#[derive(Debug)]
pub struct ExportForm {
    /// What is exported.
    pub what: ExportWhat,
    /// The folder typed or picked.
    pub folder: String,
    /// PNG scale, 1–4.
    pub scale: f32,
    /// Whether images carry the provenance line.
    pub caption: bool,
    /// Files that would be replaced, awaiting confirmation; empty when none.
    pub replacing: Vec<PathBuf>,
    /// The running export, if any.
    running: Option<Receiver<Result<Vec<PathBuf>, String>>>,
}

/// What the views show, which is what gets exported: the analyses and filter the charts were
/// drawn from, and the chart of the view, if one view is exported.
#[derive(Debug)]
pub struct OnScreen {
    /// The analyses on screen.
    pub analyses: Arc<Analyses>,
    /// Their filter, named in the captions and `report.md`.
    pub filter: Filter,
    /// The view's chart, as drawn.
    pub chart: Option<Arc<Chart>>,
}

/// How a finished export went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    /// These files were written.
    Written(Vec<PathBuf>),
    /// Nothing was written, for this reason.
    Failed(String),
}

impl ExportForm {
    /// A form for `what`, starting in `folder`.
    pub fn new(what: ExportWhat, folder: String) -> Self {
        Self { what, folder, scale: DEFAULT_SCALE, caption: true, replacing: Vec::new(), running: None }
    }

    /// Whether an export is running.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The file names this export writes.
    pub fn file_names(&self) -> Vec<String> {
        match self.what {
            ExportWhat::Chart(kind) => {
                ["png", "svg", "csv"].map(|e| format!("{}.{e}", kind.file_stem())).to_vec()
            }
            ExportWhat::ReviewPack => review::file_names(&self.pack_options(None)),
        }
    }

    fn pack_options(&self, provenance: Option<Provenance>) -> PackOptions {
        PackOptions { charts: true, network: true, chart: ChartOptions { scale: self.scale, provenance } }
    }

    /// Starts the export into the folder, unless files would be replaced and `replace` is not
    /// set: then they are listed in [`Self::replacing`] and nothing is written.
    pub fn start(
        &mut self,
        snapshot: &Snapshot,
        shown: OnScreen,
        replace: bool,
        wake: impl Fn() + Send + 'static,
    ) {
        let dir = PathBuf::from(self.folder.trim());
        let existing = charts::existing(&dir, &self.file_names());
        if !replace && !existing.is_empty() {
            self.replacing = existing;
            return;
        }
        self.replacing.clear();
        let OnScreen { analyses, filter, chart } = shown;
        let provenance = self.caption.then(|| Provenance::new(&snapshot.corpus, &filter));
        let corpus = Arc::clone(&snapshot.corpus);
        let what = self.what;
        let pack = self.pack_options(provenance.clone());
        let chart_options = ChartOptions { scale: self.scale, provenance };
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("stackradar-export".into()).spawn(move || {
            let result = match (what, chart) {
                (ExportWhat::Chart(_), Some(chart)) => {
                    make_dir(&dir).and_then(|()| charts::export_chart(&chart, &dir, &chart_options, true))
                }
                (ExportWhat::Chart(kind), None) => Err(crate::export::ExportError::Render {
                    what: "chart",
                    message: format!("no {kind:?} chart to export"),
                }),
                (ExportWhat::ReviewPack, _) => {
                    make_dir(&dir).and_then(|()| review::write_pack(&corpus, &analyses, &filter, &dir, &pack))
                }
            };
            let _ = sender.send(result.map_err(|e| e.to_string()));
            wake();
        });
        match spawned {
            Ok(_) => self.running = Some(receiver),
            Err(error) => {
                let (sender, receiver) = mpsc::channel();
                let _ = sender.send(Err(format!("could not start exporting: {error}")));
                self.running = Some(receiver);
            }
        }
    }

    /// The outcome of the running export, once it is done.
    pub fn poll(&mut self) -> Option<ExportOutcome> {
        let receiver = self.running.as_ref()?;
        let outcome = match receiver.try_recv() {
            Ok(Ok(paths)) => ExportOutcome::Written(paths),
            Ok(Err(message)) => ExportOutcome::Failed(message),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                ExportOutcome::Failed("the export stopped unexpectedly".to_owned())
            }
        };
        self.running = None;
        Some(outcome)
    }
}

fn make_dir(dir: &Path) -> Result<(), crate::export::ExportError> {
    std::fs::create_dir_all(dir)
        .map_err(|source| crate::export::ExportError::Io { path: dir.to_path_buf(), source })
}
