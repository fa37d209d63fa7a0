//! The Graph tab: the co-occurrence network of the filtered corpus — or of one year of it — with
//! its knobs (colour, edge measure, threshold, support, size, year) above the canvas and a
//! legend for the colours. The canvas itself is [`super::graph_canvas`].

use super::graph_canvas::{self, GraphView};
use super::{AnalysisView, Look, colours, count};
use crate::analysis::graph::CoGraph;
use crate::analysis::measures;
use crate::catalog::Category;
use crate::chart;
use crate::index::Corpus;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::names;
use crate::ui::snapshot::Snapshot;
use crate::ui::view_settings::{GraphSettings, NodeColour};
use egui::{ComboBox, DragValue, RichText, Slider, Ui, Vec2};

/// Legend entries shown at most.
const LEGEND_ENTRIES: usize = 10;

/// Draws the tab.
pub fn show(
    ui: &mut Ui,
    shown: &AnalysisView<'_>,
    settings: &GraphSettings,
    view: &mut GraphView,
    out: &mut Vec<Command>,
) {
    let AnalysisView { look, snapshot, results, filter } = *shown;
    controls(ui, look, snapshot, settings, view, out);
    let Some(results) = results else {
        ui.spinner();
        return;
    };
    let graph = &results.graph;
    ui.horizontal_wrapped(|ui| {
        let mut edges = format!("{} {}", count(graph.edges.len()), look.t(Str::Edges));
        if graph.edges.len() > chart::network::DRAWN_EDGES {
            let drawn = count(chart::network::DRAWN_EDGES);
            edges.push_str(&format!(" ({drawn} {})", look.t(Str::StrongestDrawn)));
        }
        let nodes = format!("{} {}", count(graph.nodes.len()), look.t(Str::Nodes));
        ui.weak(format!("{nodes} · {edges} · {}", look.t(Str::GraphHint)));
    });
    legend(ui, look, &snapshot.corpus, graph, settings.colour);
    if graph.nodes.is_empty() {
        ui.weak(look.t(Str::EmptyGraph));
        return;
    }
    let filter = match settings.slice {
        Some(year) => crate::ui::results::year_filter(filter, year),
        None => filter.clone(),
    };
    graph_canvas::show(ui, look, &snapshot.corpus, graph, settings, &filter, view, out);
}

fn controls(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    settings: &GraphSettings,
    view: &mut GraphView,
    out: &mut Vec<Command>,
) {
    let mut next = settings.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(look.t(Str::ColourBy));
        ui.selectable_value(&mut next.colour, NodeColour::Community, look.t(Str::Community));
        ui.selectable_value(&mut next.colour, NodeColour::Category, look.t(Str::Category));
        ui.separator();
        ui.label(look.t(Str::EdgeWeight));
        ComboBox::from_id_salt("graph-measure")
            .selected_text(names::edge_measure(next.measure, look.lang))
            .show_ui(ui, |ui| {
                for measure in measures::Measure::ALL {
                    ui.selectable_value(&mut next.measure, measure, names::edge_measure(measure, look.lang));
                }
            });
        ui.label(look.t(Str::Threshold));
        ui.add(
            Slider::new(&mut next.threshold, 0..=900).custom_formatter(|v, _| format!("{:.0}%", v / 10.0)),
        );
        ui.separator();
        ui.label(look.t(Str::MinTalks));
        ui.add(DragValue::new(&mut next.min_support).range(1..=100));
        ui.label(look.t(Str::MaxNodes));
        ui.add(DragValue::new(&mut next.max_nodes).range(5..=400));
        ui.separator();
        let all = look.t(Str::AllYears);
        ComboBox::from_id_salt("graph-slice")
            .selected_text(next.slice.map_or_else(|| all.to_owned(), |y| y.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut next.slice, None, all);
                for &(year, _) in &snapshot.talks_per_year {
                    ui.selectable_value(&mut next.slice, Some(year), year.to_string());
                }
            });
        if ui.button(look.t(Str::ResetView)).clicked() {
            view.reset();
        }
    });
    if next != *settings {
        out.push(Command::SetGraph(next));
    }
}

/// Colour swatches with what they stand for: categories, or each community's largest nodes.
fn legend(ui: &mut Ui, look: &Look, corpus: &Corpus, graph: &CoGraph, colour: NodeColour) {
    let mut entries: Vec<(egui::Color32, String)> = Vec::new();
    match colour {
        NodeColour::Category => {
            let mut seen: Vec<(Category, usize)> = Vec::new();
            for node in &graph.nodes {
                let Some(category) = corpus.catalog.tool(node.tool).map(|t| t.category) else { continue };
                match seen.iter_mut().find(|(c, _)| *c == category) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((category, 1)),
                }
            }
            seen.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
            for (category, _) in seen.into_iter().take(LEGEND_ENTRIES) {
                entries.push((category_colour(category), names::category(category, look.lang).to_owned()));
            }
        }
        NodeColour::Community => {
            let communities = graph.nodes.iter().map(|n| n.community).max().map_or(0, |m| m + 1);
            for community in 0..communities.min(LEGEND_ENTRIES) {
                // Nodes are sorted by talks, so the first of each community are its largest.
                let names: Vec<&str> = (graph.nodes.iter().filter(|n| n.community == community))
                    .filter_map(|n| corpus.catalog.tool(n.tool).map(|t| t.name.as_str()))
                    .take(3)
                    .collect();
                entries.push((colours::categorical(community), names.join(", ")));
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (colour, name) in entries {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(10.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 5.0, colour);
            ui.label(RichText::new(name).small());
            ui.add_space(6.0);
        }
    });
}

/// The colour of a category, stable across filters.
pub fn category_colour(category: Category) -> egui::Color32 {
    colours::categorical(Category::ALL.iter().position(|c| *c == category).unwrap_or(0))
}
