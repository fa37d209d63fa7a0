//! The Radar tab: the radar chart and, beside it, every blip with its ring's reason in a
//! sentence, so no placement has to be taken on trust. A blip or a row opens the passages.

use super::Look;
use super::companies::header;
use crate::analysis::evidence::Query;
use crate::analysis::radar::Blip;
use crate::chart::{Chart, palette, tool_name};
use crate::index::Corpus;
use crate::ui::chart_view;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use egui::{Color32, RichText, ScrollArea, Ui};

/// From this width on, the list of blips sits beside the chart instead of below it.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;

/// Draws the radar `chart` and the list of `blips`.
pub fn show(
    ui: &mut Ui,
    look: &Look,
    corpus: &Corpus,
    blips: &[Blip],
    chart: Option<&Chart>,
    out: &mut Vec<Command>,
) {
    let Some(chart) = chart.filter(|_| !blips.is_empty()) else {
        ui.weak(look.t(Str::NothingToShow));
        return;
    };
    header(ui, look, chart, Str::RadarHint, out);
    // Side by side when there is room, so every reason is readable next to its blip.
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                chart_view::show(left, chart, out);
                ScrollArea::vertical().id_salt("radar").auto_shrink([false, false]).show(right, |ui| {
                    explained(ui, corpus, blips, out);
                });
            }
        });
        return;
    }
    ScrollArea::vertical().id_salt("radar").auto_shrink([false, false]).show(ui, |ui| {
        chart_view::show(ui, chart, out);
        ui.add_space(12.0);
        explained(ui, corpus, blips, out);
    });
}

/// One row per blip, by ring: name, ring, whether new, and the reason.
fn explained(ui: &mut Ui, corpus: &Corpus, blips: &[Blip], out: &mut Vec<Command>) {
    let mut sorted: Vec<&Blip> = blips.iter().collect();
    sorted.sort_by_key(|b| (b.ring, b.quadrant, std::cmp::Reverse(b.uses), b.tool));
    egui::Grid::new("radar-blips").striped(true).num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
        for blip in sorted {
            let c = palette::ring(blip.ring);
            let ring = RichText::new(blip.ring.label()).strong().color(Color32::from_rgb(c.r, c.g, c.b));
            ui.label(ring);
            let name = tool_name(corpus, blip.tool);
            let name = if blip.is_new { format!("{name} ★") } else { name };
            if ui.link(name).clicked() {
                out.push(Command::ShowEvidenceFor(Query::Tool(blip.tool)));
            }
            ui.label(format!("{} · {}", blip.quadrant.label(), blip.reason));
            ui.end_row();
        }
    });
}
