//! What the app does with each [`Command`] the panels and shortcuts emit: open, export, load,
//! show, set — the one place where the app's state changes.

use super::{App, PROGRESS_REFRESH};
use crate::analysis::evidence::Query;
use crate::corpus::Source;
use crate::ui::command::Command;
use crate::ui::dialogs::PendingDialog;
use crate::ui::exporting::{ExportForm, ExportOutcome, ExportWhat, OnScreen};
use crate::ui::i18n::Str;
use crate::ui::jobs::LoadJob;
use crate::ui::panels::corpus_tree;
use crate::ui::panels::path_prompt::PathPrompt;
use crate::ui::panels::problems;
use crate::ui::panels::{self, Look};
use crate::ui::results::{AnalysisKey, EvidenceRequest};
use crate::ui::snapshot::Snapshot;
use crate::ui::state::Tab;
use crate::ui::theme::{self, Palette};
use std::sync::Arc;

impl App {
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
                    self.leave_preview();
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
                    self.apply(Command::OpenDialog(crate::ui::dialogs::DialogKind::Folder));
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
    pub(super) fn last_export_folder(&self) -> String {
        if let Some(form) = &self.export {
            return form.folder.clone();
        }
        let home = std::env::home_dir().unwrap_or_else(|| std::path::PathBuf::from("."));
        home.join("stackradar-export").display().to_string()
    }

    pub(super) fn run_export(&mut self, replace: bool) {
        let (Some(snapshot), Some(form)) = (&self.snapshot, &mut self.export) else { return };
        if form.is_running() {
            return;
        }
        let chart = match form.what {
            ExportWhat::Chart(kind) => self.charts.get(kind).cloned(),
            ExportWhat::ReviewPack => None,
        };
        let ctx = self.ctx.clone();
        let analyses =
            self.charts.analyses().map_or_else(|| Arc::clone(&snapshot.first_results.analyses), Arc::clone);
        let shown = OnScreen { analyses, filter: self.charts.filter(), chart };
        form.start(snapshot, shown, replace, move || ctx.request_repaint());
    }

    pub(super) fn poll_export(&mut self) {
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

    pub(super) fn start_load(&mut self, source: Source) {
        if let Some(previous) = self.job.take() {
            // A newer request replaces the running one.
            previous.cancel();
            self.leave_preview();
        }
        // Two ids: the snapshot's and its preview's.
        let id = self.next_snapshot_id;
        self.next_snapshot_id += 2;
        let ctx = self.ctx.clone();
        let first = AnalysisKey::new(id, &self.settings);
        self.job = Some(LoadJob::start(source, self.options.clone(), first, move || ctx.request_repaint()));
    }

    pub(super) fn select_talk(&mut self, index: usize) {
        let Some(snapshot) = &self.snapshot else { return };
        let Some(entry) = snapshot.corpus.talks.get(index) else { return };
        self.selection.select_talk(index, entry.file);
        self.tree.unfold(entry.file, corpus_tree::groups(snapshot));
    }

    /// Puts back what was on screen before the running load's preview, if one is shown: the
    /// load that made it was cancelled or failed, and a sample must not pass for the folder.
    pub(super) fn leave_preview(&mut self) {
        match self.before_preview.take() {
            Some(Some(previous)) => self.install(previous, None),
            Some(None) => {
                self.computations.clear();
                self.charts.clear();
                self.snapshot = None;
            }
            None => {}
        }
    }

    /// Shows `snapshot`; `source` is what was opened to make it, for the Recent menu (none when
    /// an earlier snapshot comes back).
    pub(super) fn install(&mut self, snapshot: Arc<Snapshot>, source: Option<&Source>) {
        // Results and evidence name technologies and talks of the old snapshot.
        self.computations.clear();
        self.views.evidence = None;
        self.views.talk_target = panels::talk::Target::default();
        corpus_tree::reset(&mut self.tree, &snapshot);
        problems::reset(&mut self.problems, &snapshot);
        self.selection.clear_for_new_snapshot();
        if let Some(Source::Paths(paths)) = source {
            self.settings.add_recent(paths);
        }
        let title = format!("stackradar — {}", snapshot.corpus.name);
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        // The load computed the analyses of the view it started with: keep them, so that they
        // are not computed again if the view is still the same.
        self.computations.seed(snapshot.first_key.clone(), Arc::clone(&snapshot.first_results));
        self.charts.clear();
        self.charts.sync(&snapshot, self.computations.current(), &self.settings.timeline);
        self.snapshot = Some(snapshot);
    }
}
