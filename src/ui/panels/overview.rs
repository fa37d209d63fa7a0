//! The Overview tab: the key numbers of the snapshot and a bar chart of talks per year, so a
//! first look at a corpus answers "how much is here, and from when".

use super::{Look, count};
use crate::chart::Chart;
use crate::corpus::load::human_bytes;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::snapshot::Snapshot;
use crate::ui::state::Tab;
use egui::{Grid, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

/// Draws the overview of `snapshot`, with `top` (the most discussed technologies) under the
/// talks per year.
pub fn show(ui: &mut Ui, look: &Look, snapshot: &Snapshot, top: Option<&Chart>, out: &mut Vec<Command>) {
    egui::ScrollArea::vertical().id_salt("overview").auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(&snapshot.corpus.name);
        ui.add_space(8.0);
        key_numbers(ui, look, snapshot, out);
        ui.add_space(16.0);
        ui.label(RichText::new(look.t(Str::TalksPerYear)).strong());
        if snapshot.talks_per_year.is_empty() {
            ui.weak(look.t(Str::NoDatedTalks));
        } else {
            talks_per_year(ui, look, snapshot);
        }
        if let Some(top) = top.filter(|c| !c.table.rows.is_empty()) {
            ui.add_space(16.0);
            ui.label(RichText::new(look.t(Str::TopTechnologies)).strong());
            super::companies::header(ui, look, top, Str::ClickForPassages, out);
            crate::ui::chart_view::show(ui, top, out);
        }
    });
}

fn key_numbers(ui: &mut Ui, look: &Look, snapshot: &Snapshot, out: &mut Vec<Command>) {
    let dates =
        snapshot.date_range.map_or_else(|| "—".to_owned(), |(first, last)| format!("{first} – {last}"));
    let numbers = [
        (Str::Files, count(snapshot.corpus.files.len())),
        (Str::Size, human_bytes(snapshot.bytes)),
        (Str::Talks, count(snapshot.corpus.talks.len())),
        (Str::QaPairs, count(snapshot.qa_pairs)),
        (Str::DateRange, dates),
        (Str::Undated, count(snapshot.undated)),
    ];
    Grid::new("overview-numbers").num_columns(4).spacing([24.0, 10.0]).show(ui, |ui| {
        for (i, (key, value)) in numbers.iter().enumerate() {
            ui.label(RichText::new(look.t(*key)).color(look.palette.muted));
            ui.label(RichText::new(value).size(20.0).strong());
            if !i.is_multiple_of(2) {
                ui.end_row();
            }
        }
        ui.label(RichText::new(look.t(Str::Problems)).color(look.palette.muted));
        let problems = RichText::new(count(snapshot.problem_count())).size(20.0).strong();
        if ui.link(problems).clicked() {
            out.push(Command::ShowTab(Tab::Problems));
        }
        ui.end_row();
    });
}

fn talks_per_year(ui: &mut Ui, look: &Look, snapshot: &Snapshot) {
    let bars: Vec<Bar> = snapshot
        .talks_per_year
        .iter()
        .map(|&(year, talks)| {
            // egui_plot fills bars very faintly by default; a stronger fill reads at a glance.
            Bar::new(f64::from(year), talks as f64)
                .name(year.to_string())
                .width(0.7)
                .fill(look.palette.bars.gamma_multiply(0.55))
        })
        .collect();
    let chart = BarChart::new(look.t(Str::Talks), bars).color(look.palette.bars);
    Plot::new("talks-per-year")
        .height(260.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| {
            // Years only: no 2019.5 between two bars.
            if mark.value.fract() == 0.0 { format!("{:.0}", mark.value) } else { String::new() }
        })
        .show(ui, |plot| plot.bar_chart(chart));
}
