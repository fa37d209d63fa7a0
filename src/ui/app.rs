//! The app: owns the snapshot, the selection, the settings and the running jobs; lays out the
//! panels; and applies the [`Command`]s they emit, in one place ([`App::apply`]).

use super::charts::ChartBook;
use super::command::Command;
use super::dialogs::{DialogOutcome, FileDialogs, PendingDialog};
use super::exporting::{ExportForm, ExportOutcome, ExportWhat, OnScreen};
use super::i18n::Str;
use super::jobs::{JobOutcome, LoadJob};
use super::panels::corpus_tree::{self, TreeRows};
use super::panels::path_prompt::PathPrompt;
use super::panels::problems::{self, ProblemRows};
use super::panels::status::Loading;
use super::panels::{self, Look};
use super::results::{Computations, EvidenceRequest};
use super::settings::Settings;
use super::snapshot::Snapshot;
use super::state::{Selection, Tab};
use super::theme::{self, Palette};
use super::view_state::ViewState;
use crate::analysis::evidence::Query;
use crate::chart::ChartKind;
use crate::corpus::{LoadOptions, Source};
use egui::{Context, Key, KeyboardShortcut, Modifiers, Ui};
use std::sync::Arc;
use std::time::Duration;

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
                JobOutcome::Done(snapshot) => {
                    let source = job.source.clone();
                    self.job = None;
                    self.install(*snapshot, &source);
                }
                JobOutcome::Failed(message) => {
                    self.job = None;
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

    fn draw(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
        let look = self.look();
        egui::Panel::top("menu")
            .show(ui, |ui| panels::menu::show(ui, &look, &self.settings, self.selection.tab, out));
        let loading = self
            .job
            .as_ref()
            .map(|job| Loading { name: job.source.display_name(), progress: job.progress() });
        egui::Panel::bottom("status").show(ui, |ui| {
            panels::status::show(ui, &look, self.snapshot.as_deref(), loading.as_ref(), out);
        });
        if let Some(snapshot) = self.snapshot.as_deref() {
            egui::Panel::left("corpus").resizable(true).default_size(360.0).min_size(220.0).show(ui, |ui| {
                let selected = self.computations.results().map(|r| r.selected_talks);
                let height = ui.available_height() * 0.5;
                egui::ScrollArea::vertical().id_salt("filters").max_height(height).show(ui, |ui| {
                    let search = &mut self.views.filter_search;
                    panels::filters::show(ui, &look, snapshot, &self.settings.filter, selected, search, out);
                });
                ui.separator();
                corpus_tree::show(ui, &look, snapshot, &self.tree, &self.selection, out);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            panels::notices::show(ui, &look, &self.notices, out);
            let Some(snapshot) = self.snapshot.as_deref() else {
                ui.centered_and_justified(|ui| ui.spinner());
                return;
            };
            panels::tabs::show(ui, &look, &self.selection, snapshot.problem_count(), out);
            ui.separator();
            let chart = |kind| self.charts.get(kind).map(|c| c.as_ref());
            let results = self.computations.results().map(AsRef::as_ref);
            let (settings, views) = (&self.settings, &mut self.views);
            match self.selection.tab {
                Tab::Overview => panels::overview::show(ui, &look, snapshot, chart(ChartKind::TopTools), out),
                Tab::Timeline => {
                    let search = &mut views.timeline_search;
                    let timeline = &settings.timeline;
                    panels::timeline::show(
                        ui,
                        &look,
                        snapshot,
                        results,
                        timeline,
                        &settings.filter,
                        search,
                        out,
                    );
                }
                Tab::Graph => {
                    let graph = &settings.graph;
                    panels::graph::show(
                        ui,
                        &look,
                        snapshot,
                        results,
                        graph,
                        &settings.filter,
                        &mut views.graph,
                        out,
                    );
                }
                Tab::Evidence => {
                    let (wanted, shown) = (views.evidence.as_ref(), self.computations.evidence());
                    panels::evidence::show(ui, &look, snapshot, wanted, shown, &mut views.search, out);
                }
                Tab::Talk => {
                    panels::talk::show(ui, &look, snapshot, self.selection.talk, &mut views.talk_target);
                }
                Tab::Problems => problems::show(ui, &look, snapshot, &self.problems, out),
                Tab::Companies => panels::companies::show(ui, &look, chart(ChartKind::Matrix), out),
                Tab::Radar => {
                    let blips = self.charts.analyses().map_or(&[][..], |a| &a.radar);
                    panels::radar::show(ui, &look, &snapshot.corpus, blips, chart(ChartKind::Radar), out);
                }
                Tab::Compare => {
                    let view = panels::compare::CompareView {
                        corpus: &snapshot.corpus,
                        timeline: self.charts.analyses().map_or(&snapshot.analyses.timeline, |a| &a.timeline),
                        compared: self.charts.compared(),
                        columns: self.charts.columns(),
                        chart: chart(ChartKind::Compare),
                    };
                    panels::compare::show(ui, &look, &view, out);
                }
            }
        });
        panels::frame_time::show(ui.ctx(), &look, &self.views.frame_times);
        if let Some(prompt) = &mut self.path_prompt {
            panels::path_prompt::show(ui.ctx(), &look, prompt, out);
        }
        if let Some(form) = &mut self.export {
            panels::export::show(ui.ctx(), &look, form, out);
        }
        drop_hint(ui, &look);
    }

    /// Carries out one command. Everything the user can do goes through here.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenDialog(kind) => {
                if self.dialog.is_none() {
                    let ctx = self.ctx.clone();
                    let start = self.settings.last_folder.clone();
                    let dialogs = Arc::clone(&self.dialogs);
                    self.dialog =
                        Some(PendingDialog::open(dialogs, kind, start, move || ctx.request_repaint()));
                }
            }
            Command::ShowPathPrompt => self.path_prompt = Some(PathPrompt::default()),
            Command::ClosePathPrompt => self.path_prompt = None,
            Command::Open(source) => self.start_load(source),
            Command::CancelLoad => {
                if let Some(job) = self.job.take() {
                    job.cancel();
                    self.notices.push(self.look().t(Str::Cancelled).to_owned());
                }
            }
            Command::ShowTab(tab) => self.selection.show_tab(tab),
            Command::SelectTalk(index) => {
                self.select_talk(index);
                self.views.talk_target = panels::talk::Target::default();
            }
            Command::SelectFile(file) => self.selection.select_file(file),
            Command::ToggleFile(file) => {
                if let Some(snapshot) = &self.snapshot {
                    self.tree.toggle(file, corpus_tree::groups(snapshot));
                }
            }
            Command::ToggleProblemGroup(group) => {
                if let Some(snapshot) = &self.snapshot {
                    self.problems.toggle(group, problems::groups(snapshot));
                }
            }
            Command::Back => {
                self.selection.back();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                theme::apply(&self.ctx, theme);
            }
            Command::SetLanguage(lang) => self.settings.language = lang,
            Command::ClearRecent => self.settings.recent.clear(),
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ShowEvidenceFor(query) => {
                // A mark of a chart stands for the analyses it was drawn from, under their filter.
                let filter = self.charts.filter();
                self.apply(Command::ShowEvidence(EvidenceRequest { query, filter }));
            }
            Command::SetCompared(tools) => self.charts.set_compared(&tools),
            Command::OpenExport(what) => {
                let folder = self.last_export_folder();
                self.export = Some(ExportForm::new(what, folder));
            }
            Command::PickExportFolder => {
                if self.dialog.is_none() {
                    self.dialog_for_export = true;
                    self.apply(Command::OpenDialog(super::dialogs::DialogKind::Folder));
                }
            }
            Command::RunExport { replace } => self.run_export(replace),
            Command::CloseExport => {
                if self.export.as_ref().is_some_and(|f| !f.is_running()) {
                    self.export = None;
                }
            }
            Command::SetFilter(filter) => self.settings.filter = filter,
            Command::SetTimeline(timeline) => self.settings.timeline = timeline,
            Command::SetGraph(graph) => self.settings.graph = graph,
            Command::ShowEvidence(request) => {
                self.views.evidence = Some(request);
                self.selection.show_tab(Tab::Evidence);
            }
            Command::OpenPassage { talk, passage } => {
                self.select_talk(talk);
                self.views.talk_target = panels::talk::Target { passage: Some(passage), scroll: true };
            }
            Command::StartSearch => {
                self.views.search.focus = true;
                self.selection.show_tab(Tab::Evidence);
            }
            Command::Search(text) => {
                self.views.search.text.clone_from(&text);
                let filter = self.settings.filter.clone();
                self.apply(Command::ShowEvidence(EvidenceRequest { query: Query::Text(text), filter }));
            }
            Command::ToggleFrameTime => self.views.frame_times.shown ^= true,
        }
    }

    /// Where the export window starts: the last export's folder, else a folder in the home.
    fn last_export_folder(&self) -> String {
        if let Some(form) = &self.export {
            return form.folder.clone();
        }
        let home = std::env::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
        home.join("stackradar-export").display().to_string()
    }

    fn run_export(&mut self, replace: bool) {
        let (Some(snapshot), Some(form)) = (&self.snapshot, &mut self.export) else { return };
        if form.is_running() {
            return;
        }
        let chart = match form.what {
            ExportWhat::Chart(kind) => self.charts.get(kind).cloned(),
            ExportWhat::ReviewPack => None,
        };
        let ctx = self.ctx.clone();
        let analyses = self.charts.analyses().map_or_else(|| Arc::clone(&snapshot.analyses), Arc::clone);
        let shown = OnScreen { analyses, filter: self.charts.filter(), chart };
        form.start(snapshot, shown, replace, move || ctx.request_repaint());
    }

    fn poll_export(&mut self) {
        let Some(form) = &mut self.export else { return };
        if form.is_running() {
            self.ctx.request_repaint_after(PROGRESS_REFRESH);
        }
        let look = Look { lang: self.settings.language, palette: Palette::of(self.settings.theme) };
        match form.poll() {
            Some(ExportOutcome::Written(paths)) => {
                let folder = form.folder.clone();
                self.notices.push(format!("{} {} → {folder}", look.t(Str::Exported), paths.len()));
                self.export = None;
            }
            Some(ExportOutcome::Failed(message)) => {
                self.notices.push(format!("{}: {message}", look.t(Str::ExportFailed)));
            }
            None => {}
        }
    }

    fn start_load(&mut self, source: Source) {
        if let Some(previous) = self.job.take() {
            // A newer request replaces the running one.
            previous.cancel();
        }
        let id = self.next_snapshot_id;
        self.next_snapshot_id += 1;
        let ctx = self.ctx.clone();
        self.job = Some(LoadJob::start(source, self.options.clone(), id, move || ctx.request_repaint()));
    }

    fn select_talk(&mut self, index: usize) {
        let Some(snapshot) = &self.snapshot else { return };
        let Some(entry) = snapshot.corpus.talks.get(index) else { return };
        self.selection.select_talk(index, entry.file);
        self.tree.unfold(entry.file, corpus_tree::groups(snapshot));
    }

    fn install(&mut self, snapshot: Snapshot, source: &Source) {
        // Results and evidence name technologies and talks of the old snapshot.
        self.computations.clear();
        self.views.evidence = None;
        self.views.talk_target = panels::talk::Target::default();
        corpus_tree::reset(&mut self.tree, &snapshot);
        problems::reset(&mut self.problems, &snapshot);
        self.selection.clear_for_new_snapshot();
        if let Source::Paths(paths) = source {
            self.settings.add_recent(paths);
        }
        let title = format!("stackradar — {}", snapshot.corpus.name);
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        self.charts.clear();
        self.charts.sync(&snapshot, None, &self.settings.timeline);
        self.snapshot = Some(Arc::new(snapshot));
    }
}

/// While files are dragged over the window, say what dropping them does.
fn drop_hint(ui: &Ui, look: &Look) {
    if ui.ctx().input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter =
        ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
    let rect = ui.ctx().content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        look.t(Str::DropHere),
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
