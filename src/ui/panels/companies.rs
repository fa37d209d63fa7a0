//! The Companies tab: which organisation talks about which technology and how, as the
//! organisation × technology heatmap of the chart model (colour = dominant stance, strength =
//! talks). Hovering a cell gives its counts by stance; clicking it opens the passages.

use super::Look;
use crate::chart::Chart;
use crate::ui::chart_view;
use crate::ui::command::Command;
use crate::ui::exporting::ExportWhat;
use crate::ui::i18n::Str;
use egui::{ScrollArea, Ui};

/// Draws the heatmap `chart`, with its Export button.
pub fn show(ui: &mut Ui, look: &Look, chart: Option<&Chart>, out: &mut Vec<Command>) {
    let Some(chart) = chart.filter(|c| !c.table.rows.is_empty()) else {
        ui.weak(look.t(Str::NothingToShow));
        return;
    };
    header(ui, look, chart, Str::CompaniesHint, out);
    ScrollArea::both().id_salt("companies").auto_shrink([false, false]).show(ui, |ui| {
        chart_view::show(ui, chart, out);
    });
}

/// The hint line and the Export button above a chart (shared by the chart tabs).
pub fn header(ui: &mut Ui, look: &Look, chart: &Chart, hint: Str, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.weak(look.t(hint));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let shortcut = ui.ctx().format_shortcut(&crate::ui::app::EXPORT_SHORTCUT);
            let button = egui::Button::new(look.t(Str::Export)).shortcut_text(shortcut);
            if ui.add(button).on_hover_text(look.t(Str::ExportChart)).clicked() {
                out.push(Command::OpenExport(ExportWhat::Chart(chart.kind)));
            }
        });
    });
}
