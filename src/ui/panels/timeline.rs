//! The Timeline tab: chosen technologies over time as lines (mentions, talks, share of talks or
//! share within their category; by month, quarter or year; optionally smoothed), a line per
//! technology with its totals, and the stacked share of categories underneath. Every point is a
//! button: hovering shows its value, clicking opens the passages of that technology in that
//! period.

use super::{AnalysisView, Look, colours, count, filters};
use crate::analysis::Filter;
use crate::analysis::evidence::Query;
use crate::analysis::period::Granularity;
use crate::analysis::timeline::{Measure, Series, Timeline};
use crate::catalog::ToolId;
use crate::chart;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::names;
use crate::ui::results::EvidenceRequest;
use crate::ui::snapshot::Snapshot;
use crate::ui::view_settings::{TIMELINE_MEASURES, TimelineSettings};
use egui::{Color32, ComboBox, Id, Rect, RichText, Sense, Ui, Vec2, WidgetInfo};
use egui_plot::{HoverPosition, Legend, Line, Plot, PlotPoint, PlotPoints, Points};
use std::collections::BTreeSet;

/// Width of the technology picker beside the plots.
const PICKER_WIDTH: f32 = 220.0;
/// Side of the square that makes a point clickable.
const POINT_TARGET: f32 = 12.0;

/// One drawn line: the technology, its colour and its values per period.
struct Drawn<'a> {
    series: &'a Series,
    name: &'a str,
    colour: Color32,
    /// `None` where the corpus has no talk at all in the period: a gap in the line.
    values: Vec<Option<f64>>,
}

/// Draws the tab.
pub fn show(
    ui: &mut Ui,
    shown: &AnalysisView<'_>,
    settings: &TimelineSettings,
    search: &mut String,
    out: &mut Vec<Command>,
) {
    let AnalysisView { look, snapshot, results, filter } = *shown;
    egui::Panel::left("timeline-picker").resizable(false).exact_size(PICKER_WIDTH).show(ui, |ui| {
        picker(ui, look, snapshot, settings, search, out);
    });
    controls(ui, look, settings, out);
    let Some(results) = results else {
        ui.spinner();
        return;
    };
    let timeline = &results.analyses.timeline;
    let drawn = chosen(snapshot, timeline, settings);
    if drawn.is_empty() {
        ui.weak(look.t(Str::NoSeries));
        return;
    }
    ui.weak(if settings.tools.is_empty() { look.t(Str::TopShown) } else { look.t(Str::ClickPoint) });
    let lines_height =
        if settings.stacked { ui.available_height() * 0.55 } else { ui.available_height() - 90.0 };
    lines(ui, look, timeline, settings, &drawn, lines_height.max(160.0), filter, out);
    for line in &drawn {
        summary(ui, look, timeline, settings, line);
    }
    if settings.stacked {
        ui.add_space(6.0);
        ui.label(RichText::new(look.t(Str::CategoryShare)).strong());
        super::timeline_stack::show(ui, look, timeline);
    }
}

fn picker(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    settings: &TimelineSettings,
    search: &mut String,
    out: &mut Vec<Command>,
) {
    ui.label(RichText::new(look.t(Str::Technologies)).strong());
    let catalog = &snapshot.corpus.catalog;
    let entries: Vec<(String, String, u32)> = snapshot
        .tools_by_talks
        .iter()
        .filter_map(|&(t, talks)| catalog.tool(t).map(|tech| (tech.id.clone(), tech.name.clone(), talks)))
        .collect();
    let before: BTreeSet<String> = settings.tools.iter().cloned().collect();
    let mut chosen = before.clone();
    filters::checklist(ui, look, "timeline-technology-list", &entries, search, &mut chosen);
    if chosen != before {
        // Keep the order of choice, so colours stay with their technology.
        let mut tools: Vec<String> = settings.tools.iter().filter(|t| chosen.contains(*t)).cloned().collect();
        tools.extend(chosen.into_iter().filter(|t| !before.contains(t)));
        out.push(Command::SetTimeline(TimelineSettings { tools, ..settings.clone() }));
    }
}

fn controls(ui: &mut Ui, look: &Look, settings: &TimelineSettings, out: &mut Vec<Command>) {
    let mut next = settings.clone();
    // Wrapped, so that a narrow window moves controls to a second row instead of clipping them.
    ui.horizontal_wrapped(|ui| {
        ui.label(look.t(Str::Measure));
        ComboBox::from_id_salt("timeline-measure")
            .selected_text(names::timeline_measure(next.measure, look.lang))
            .show_ui(ui, |ui| {
                for measure in TIMELINE_MEASURES {
                    ui.selectable_value(
                        &mut next.measure,
                        measure,
                        names::timeline_measure(measure, look.lang),
                    );
                }
            });
        ui.separator();
        for granularity in Granularity::ALL {
            ui.selectable_value(
                &mut next.granularity,
                granularity,
                names::granularity(granularity, look.lang),
            );
        }
        ui.separator();
        ui.label(look.t(Str::Smoothing));
        ui.add(egui::Slider::new(&mut next.smoothing, 0..=6));
        ui.separator();
        ui.checkbox(&mut next.stacked, look.t(Str::ShowCategoryShare));
    });
    if next != *settings {
        out.push(Command::SetTimeline(next));
    }
}

/// The series to draw, as the Timeline chart draws them (same choice, colours and values).
fn chosen<'a>(snapshot: &'a Snapshot, timeline: &'a Timeline, settings: &TimelineSettings) -> Vec<Drawn<'a>> {
    let catalog = &snapshot.corpus.catalog;
    let tools: Vec<ToolId> = settings.tools.iter().filter_map(|id| catalog.tool_id(id)).collect();
    let smoothing = usize::from(settings.smoothing);
    chart::timeline::chosen_series(timeline, &tools)
        .into_iter()
        .enumerate()
        .map(|(i, series)| Drawn {
            series,
            name: catalog.tool(series.tool).map_or("?", |t| t.name.as_str()),
            colour: colours::categorical(i),
            values: chart::timeline::line_values(timeline, series, settings.measure, smoothing),
        })
        .collect()
}

/// A value as the measure reads: shares in per cent, counts as counts.
pub fn format_value(measure: Measure, value: f64) -> String {
    match measure {
        Measure::ShareOfTalks | Measure::ShareInCategory => format!("{:.1}%", value * 100.0),
        _ if value.fract().abs() < 1e-9 => format!("{value:.0}"),
        _ => format!("{value:.1}"),
    }
}

#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename the arguments
fn lines(
    ui: &mut Ui,
    look: &Look,
    timeline: &Timeline,
    settings: &TimelineSettings,
    drawn: &[Drawn<'_>],
    height: f32,
    filter: &Filter,
    out: &mut Vec<Command>,
) {
    let measure = settings.measure;
    let xs: Vec<f64> = timeline.periods.iter().map(|p| p.as_year_fraction()).collect();
    let response = Plot::new("timeline-lines")
        .height(height)
        .legend(Legend::default())
        .include_y(0.0)
        .allow_scroll(false)
        .link_axis(Id::unique("timeline-x"), [true, false])
        .y_axis_formatter(move |mark, _| format_value(measure, mark.value))
        .label_formatter(move |hover| match hover {
            HoverPosition::NearDataPoint { plot_name, position, .. } => {
                // Lines are cut at gaps, so a point's index is within its piece: go by its x.
                let period = timeline
                    .periods
                    .iter()
                    .min_by(|a, b| {
                        (a.as_year_fraction() - position.x)
                            .abs()
                            .total_cmp(&(b.as_year_fraction() - position.x).abs())
                    })
                    .map_or_else(String::new, ToString::to_string);
                Some(format!("{plot_name}\n{period}: {}", format_value(measure, position.y)))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for line in drawn {
                let points: Vec<Option<[f64; 2]>> =
                    xs.iter().zip(&line.values).map(|(&x, y)| y.map(|y| [x, y])).collect();
                // One piece per run of periods with talks (same name: one legend entry).
                for run in points.split(Option::is_none).filter(|run| !run.is_empty()) {
                    let run: Vec<[f64; 2]> = run.iter().flatten().copied().collect();
                    plot.line(Line::new(line.name, PlotPoints::from(run)).color(line.colour).width(2.0));
                }
                let dots: Vec<[f64; 2]> = points.into_iter().flatten().collect();
                plot.points(Points::new(line.name, PlotPoints::from(dots)).color(line.colour).radius(2.5));
            }
        });
    let frame = *response.transform.frame();
    for (i, line) in drawn.iter().enumerate() {
        for (p, (&x, y)) in xs.iter().zip(&line.values).enumerate() {
            let Some(y) = *y else { continue };
            let at = response.transform.position_from_point(&PlotPoint::new(x, y));
            if !frame.contains(at) || line.series.talks.get(p).copied().unwrap_or(0) == 0 {
                continue;
            }
            let Some(period) = timeline.periods.get(p).copied() else { continue };
            let label = format!("{} {period}: {}", line.name, format_value(measure, y));
            let rect = Rect::from_center_size(at, Vec2::splat(POINT_TARGET));
            let point = ui.interact(rect, Id::unique(("timeline-point", i, p)), Sense::click());
            point.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            if point.hovered() {
                ui.painter().circle_stroke(at, 5.0, egui::Stroke::new(2.0, line.colour));
            }
            let talks = line.series.talks.get(p).copied().unwrap_or(0);
            let point =
                point.on_hover_text(format!("{label}\n{} {}", count(talks as usize), look.t(Str::Talks)));
            if point.clicked() {
                let query = Query::ToolInPeriod(line.series.tool, period);
                out.push(Command::ShowEvidence(EvidenceRequest { query, filter: filter.clone() }));
            }
        }
    }
}

/// One line of totals under the plot: "Calico — 12 talks in all · peak 2021: 35%".
fn summary(ui: &mut Ui, look: &Look, timeline: &Timeline, settings: &TimelineSettings, line: &Drawn<'_>) {
    let total: u32 = line.series.talks.iter().sum();
    let peak = (line.values.iter().enumerate())
        .filter_map(|(p, v)| Some((p, (*v)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let in_total = if total == 1 { Str::InTotalOne } else { Str::InTotal };
    let mut text = format!("{} — {} {}", line.name, count(total as usize), look.t(in_total));
    if let Some((p, value)) = peak.filter(|(_, v)| *v > 0.0)
        && let Some(period) = timeline.periods.get(p)
    {
        text.push_str(&format!(
            " · {} {period}: {}",
            look.t(Str::Peak),
            format_value(settings.measure, value)
        ));
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(14.0, 4.0), Sense::hover());
        ui.painter().rect_filled(rect, 1.0, line.colour);
        ui.label(text);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_their_measure() {
        assert_eq!(format_value(Measure::ShareOfTalks, 0.3512), "35.1%");
        assert_eq!(format_value(Measure::Talks, 12.0), "12");
        assert_eq!(format_value(Measure::Mentions, 2.5), "2.5");
    }
}
