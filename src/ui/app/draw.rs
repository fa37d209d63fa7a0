//! Drawing one frame of the app: menu, side panels, the central tab, overlays and windows.
//! Panels only read state and push commands; [`crate::ui::App::apply`] carries them out.

use super::App;
use crate::chart::ChartKind;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::panels::corpus_tree;
use crate::ui::panels::problems;
use crate::ui::panels::status::Loading;
use crate::ui::panels::{self, AnalysisView, Look};
use crate::ui::state::Tab;
use egui::Ui;

impl App {
    pub(super) fn draw(&mut self, ui: &mut Ui, out: &mut Vec<Command>) {
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
            let analysis = AnalysisView { look: &look, snapshot, results, filter: &settings.filter };
            match self.selection.tab {
                Tab::Overview => panels::overview::show(ui, &look, snapshot, chart(ChartKind::TopTools), out),
                Tab::Timeline => {
                    let search = &mut views.timeline_search;
                    panels::timeline::show(ui, &analysis, &settings.timeline, search, out);
                }
                Tab::Graph => panels::graph::show(ui, &analysis, &settings.graph, &mut views.graph, out),
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
                        timeline: self
                            .charts
                            .analyses()
                            .map_or(&snapshot.first_results.analyses.timeline, |a| &a.timeline),
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
