//! The app: owns the snapshot, the selection, the settings and the running jobs; lays out the
//! panels; and applies the [`Command`]s they emit, in one place ([`App::apply`]).

use super::charts::ChartBook;
use super::command::Command;
use super::dialogs::{DialogOutcome, FileDialogs, PendingDialog};
use super::exporting::{ExportForm, ExportWhat};
use super::i18n::Str;
use super::jobs::{JobOutcome, LoadJob};
use super::panels::Look;
use super::panels::corpus_tree::TreeRows;
use super::panels::path_prompt::PathPrompt;
use super::panels::problems::ProblemRows;
use super::results::{Computations, EvidenceRequest};
use super::settings::Settings;
use super::snapshot::Snapshot;
use super::state::Selection;
use super::theme::{self, Palette};
use super::view_state::ViewState;
use crate::chart::ChartKind;
use crate::corpus::{LoadOptions, Source};
use egui::{Context, Key, KeyboardShortcut, Modifiers, Ui};
use std::sync::Arc;
use std::time::Duration;

mod commands;
mod draw;

/// Ctrl+O (⌘O on macOS): open a folder.
pub const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Ctrl+F (⌘F on macOS): search the corpus.
pub const SEARCH_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// F12: show or hide the frame-time overlay.
pub const FRAME_TIME_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F12);

/// Ctrl+E (⌘E on macOS): export the chart of the current view.
pub const EXPORT_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);

/// How often the status bar refreshes while a load runs.
const PROGRESS_REFRESH: Duration = Duration::from_millis(100);

/// The stackradar desktop app.
pub struct App {
    settings: Settings,
    snapshot: Option<Arc<Snapshot>>,
    selection: Selection,
    tree: TreeRows,
    problems: ProblemRows,
    job: Option<LoadJob>,
    /// While the running load's preview is on screen: what was shown before it, to go back to
    /// if the load is cancelled or fails.
    before_preview: Option<Option<Arc<Snapshot>>>,
    next_snapshot_id: u64,
    dialogs: Arc<dyn FileDialogs>,
    dialog: Option<PendingDialog>,
    path_prompt: Option<PathPrompt>,
    notices: Vec<String>,
    options: LoadOptions,
    computations: Computations,
    views: ViewState,
    ctx: Context,
    charts: ChartBook,
    export: Option<ExportForm>,
    /// Whether the open dialog picks the export folder (otherwise it opens notes).
    dialog_for_export: bool,
}

impl App {
    /// An app on `ctx` that starts loading `source` at once. `stored` is the settings JSON from
    /// the last run, if any; `dialogs` asks the user for paths.
    pub fn new(ctx: &Context, stored: Option<&str>, dialogs: Arc<dyn FileDialogs>, source: Source) -> Self {
        super::fonts::install(ctx);
        let (settings, reset) = stored.map(Settings::from_json).unwrap_or_default();
        let mut app = Self {
            selection: Selection::on(settings.tab),
            settings,
            snapshot: None,
            tree: TreeRows::default(),
            problems: ProblemRows::default(),
            job: None,
            before_preview: None,
            next_snapshot_id: 1,
            dialogs,
            dialog: None,
            path_prompt: None,
            notices: Vec::new(),
            options: LoadOptions::default(),
            computations: Computations::new({
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            }),
            views: ViewState::default(),
            ctx: ctx.clone(),
            charts: ChartBook::new({
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            }),
            export: None,
            dialog_for_export: false,
        };
        if !reset.is_empty() {
            app.notices.push(format!("{} {}", app.look().t(Str::SettingsReset), reset.join(", ")));
        }
        theme::apply(ctx, app.settings.theme);
        app.apply(Command::Open(source));
        app
    }

    /// The snapshot on screen, if one has loaded.
    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.snapshot.as_deref()
    }

    /// Whether a load is running.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    /// Whether a dialog is open.
    pub fn is_dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    /// The current selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Whether analyses, evidence or charts are being computed.
    pub fn is_computing(&self) -> bool {
        self.computations.is_busy() || self.charts.is_busy()
    }

    /// The analyses on screen, if any finished.
    pub fn results(&self) -> Option<&super::results::Results> {
        self.computations.results().map(AsRef::as_ref)
    }

    /// The evidence on screen: what it is for and the passages.
    pub fn evidence(&self) -> Option<(&EvidenceRequest, &[crate::analysis::evidence::Item])> {
        self.computations.evidence().map(|(request, items)| (request, items.as_slice()))
    }

    /// Records the previous frame's CPU time for the overlay.
    pub fn record_frame_time(&mut self, seconds: Option<f32>) {
        self.views.frame_times.record(seconds);
    }

    /// The settings as they would be saved now.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The notices shown to the user.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The chart of `kind` as the views draw it, once a snapshot has loaded.
    pub fn chart(&self, kind: ChartKind) -> Option<&crate::chart::Chart> {
        self.charts.get(kind).map(AsRef::as_ref)
    }

    /// Whether an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.export.as_ref().is_some_and(ExportForm::is_running)
    }

    /// The settings as JSON, for eframe's storage.
    pub fn settings_json(&self) -> String {
        Settings { tab: self.selection.tab, ..self.settings.clone() }.to_json()
    }

    fn look(&self) -> Look {
        Look { lang: self.settings.language, palette: Palette::of(self.settings.theme) }
    }

    /// One frame: input, background results, panels, then the commands they emitted.
    pub fn show(&mut self, ui: &mut Ui) {
        let mut out = Vec::new();
        self.poll_background(&mut out);
        self.computations.poll();
        if let Some(snapshot) = &self.snapshot {
            self.charts.sync(snapshot, self.computations.current(), &self.settings.timeline);
        }
        self.read_input(ui.ctx(), &mut out);
        self.draw(ui, &mut out);
        for command in out {
            self.apply(command);
        }
        // After the commands, so what they ask for starts computing in this frame.
        if let Some(snapshot) = &self.snapshot {
            self.computations.request(snapshot, &self.settings, self.views.evidence.as_ref());
        }
    }

    fn poll_background(&mut self, out: &mut Vec<Command>) {
        if let Some(job) = &self.job {
            match job.poll() {
                JobOutcome::Pending => self.ctx.request_repaint_after(PROGRESS_REFRESH),
                JobOutcome::Preview(snapshot) => {
                    let source = job.source.clone();
                    if self.before_preview.is_none() {
                        self.before_preview = Some(self.snapshot.clone());
                    }
                    self.install(Arc::new(*snapshot), Some(&source));
                }
                JobOutcome::Done(snapshot) => {
                    let source = job.source.clone();
                    self.job = None;
                    self.before_preview = None;
                    self.install(Arc::new(*snapshot), Some(&source));
                }
                JobOutcome::Failed(message) => {
                    self.job = None;
                    self.leave_preview();
                    self.notices.push(format!("{}: {message}", self.look().t(Str::LoadFailed)));
                }
            }
        }
        self.poll_export();
        if let Some(outcome) = self.dialog.as_ref().and_then(PendingDialog::poll) {
            self.dialog = None;
            if std::mem::take(&mut self.dialog_for_export) {
                if let (DialogOutcome::Picked(paths), Some(form)) = (&outcome, &mut self.export)
                    && let Some(folder) = paths.first()
                {
                    form.folder = folder.display().to_string();
                    form.replacing.clear();
                }
                return;
            }
            match outcome {
                DialogOutcome::Picked(paths) => out.push(Command::Open(Source::Paths(paths))),
                DialogOutcome::Dismissed => {}
                DialogOutcome::Unavailable => {
                    self.path_prompt = Some(PathPrompt { no_dialog: true, ..PathPrompt::default() });
                }
            }
        }
    }

    fn read_input(&self, ctx: &Context, out: &mut Vec<Command>) {
        ctx.input_mut(|input| {
            if input.consume_shortcut(&OPEN_SHORTCUT) {
                out.push(Command::OpenDialog(super::dialogs::DialogKind::Folder));
            }
            if input.consume_shortcut(&EXPORT_SHORTCUT) {
                let what = self.selection.tab.chart().map_or(ExportWhat::ReviewPack, ExportWhat::Chart);
                out.push(Command::OpenExport(what));
            }
            if input.consume_shortcut(&SEARCH_SHORTCUT) {
                out.push(Command::StartSearch);
            }
            if input.consume_shortcut(&FRAME_TIME_SHORTCUT) {
                out.push(Command::ToggleFrameTime);
            }
            // With the path prompt open, Esc belongs to it (it closes the prompt).
            if self.path_prompt.is_none() && input.consume_key(Modifiers::NONE, Key::Escape) {
                out.push(Command::Back);
            }
            let dropped: Vec<_> = input.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect();
            if !dropped.is_empty() {
                out.push(Command::Open(Source::Paths(dropped)));
            }
        });
    }
}
