//! The co-occurrence network drawn from the analysis layout (the same positions the screen and
//! Gephi files use): edge width by the chosen measure, node area by talks, colour by community,
//! names on the most discussed nodes. Nodes open their technology's passages, edges the
//! passages naming both ends.

use super::{Anchor, Chart, ChartKind, LegendEntry, Mark, Shape, Table, palette, tool_name};
use crate::analysis::evidence::Query;
use crate::analysis::graph::CoGraph;
use crate::index::Corpus;

/// Nodes named on the chart at most, the most discussed first, each where it does not cover a
/// name already placed (all are named in their tips), as the Graph view places its labels.
pub const NAMED: usize = 45;
/// Size of the nodes' names.
const NAME_SIZE: f32 = 12.0;
/// Communities given a legend entry; the rest share colours with them.
const LEGEND_COMMUNITIES: usize = 8;

/// Edges drawn at most, on screen and in exports: the strongest. A dense network's weakest
/// edges only add a grey haze (and cost a frame's time to draw); they stay in the GEXF and
/// GraphML files and in the tables.
pub const DRAWN_EDGES: usize = 500;

/// The edges of `graph` to draw: weight positive and at least `min_weight`, the [`DRAWN_EDGES`]
/// strongest, weakest first so the strong ones are drawn on top.
pub fn drawn_edges(graph: &CoGraph, min_weight: f64) -> Vec<usize> {
    let mut drawn: Vec<usize> = (graph.edges.iter().enumerate())
        .filter(|(_, e)| e.weight > 0.0 && e.weight >= min_weight)
        .map(|(i, _)| i)
        .collect();
    let weight = |i: &usize| graph.edges.get(*i).map_or(0.0, |e| e.weight);
    // Strongest first (ties by index, for a stable picture), cut, then turned around.
    drawn.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.cmp(b)));
    drawn.truncate(DRAWN_EDGES);
    drawn.reverse();
    drawn
}

/// Width of an edge of `weight` in a network whose strongest edge weighs `max_weight`.
pub fn edge_width(weight: f64, max_weight: f64) -> f32 {
    0.8 + 5.0 * edge_strength(weight, max_weight)
}

/// An edge's weight as a share (0–1) of the strongest edge's.
fn edge_strength(weight: f64, max_weight: f64) -> f32 {
    if max_weight > 0.0 { (weight / max_weight).clamp(0.0, 1.0) as f32 } else { 0.0 }
}

/// Radius of a node with `talks` talks.
pub fn radius(talks: u32) -> f32 {
    (3.0 + (talks as f32).sqrt() * 1.6).min(22.0)
}

/// The network chart of `graph`.
pub fn network(corpus: &Corpus, graph: &CoGraph, size: [f32; 2]) -> Chart {
    let mut chart = Chart::new(
        ChartKind::Graph,
        "Technologies mentioned in the same talks",
        "talks mentioning both",
        size,
    );
    let communities = graph.nodes.iter().map(|n| n.community + 1).max().unwrap_or(0);
    let legend = (0..communities.min(LEGEND_COMMUNITIES))
        .map(|c| {
            let biggest = graph.nodes.iter().find(|n| n.community == c).map(|n| tool_name(corpus, n.tool));
            LegendEntry {
                colour: palette::series(c),
                text: format!("group {} ({})", c + 1, biggest.unwrap_or_default()),
            }
        })
        .collect();
    chart.add_legend(legend, 24.0, 56.0);
    let (top, bottom) = (100.0, chart.height - 24.0);
    let side = (bottom - top).min(chart.width - 48.0);
    let centre = [chart.width / 2.0, (top + bottom) / 2.0];
    let place = |p: [f64; 2]| {
        [centre[0] + p[0] as f32 * (side / 2.0 - 28.0) * 1.5, centre[1] + p[1] as f32 * (side / 2.0 - 24.0)]
    };
    let max_weight = graph.edges.iter().map(|e| e.weight).fold(0.0f64, f64::max);
    chart.table = Table::new(&["element", "a", "b", "talks", "weight", "community", "x", "y"]);
    let id = |i: usize| {
        graph
            .nodes
            .get(i)
            .and_then(|n| corpus.catalog.tool(n.tool))
            .map_or_else(String::new, |t| t.id.clone())
    };
    for edge in drawn_edges(graph, 0.0).into_iter().filter_map(|i| graph.edges.get(i)) {
        let (Some(a), Some(b)) = (graph.nodes.get(edge.a), graph.nodes.get(edge.b)) else { continue };
        let t = edge_strength(edge.weight, max_weight);
        let line = Shape::Line(vec![place(a.position), place(b.position)]);
        let tip = format!(
            "{} – {}: {} talks together (Jaccard {:.2}, lift {:.1})",
            tool_name(corpus, a.tool),
            tool_name(corpus, b.tool),
            edge.talks.together,
            edge.talks.jaccard,
            edge.talks.lift
        );
        chart.marks.push(Mark {
            shape: line,
            fill: None,
            stroke: Some((palette::MUTED.faded(0.25 + 0.45 * t), edge_width(edge.weight, max_weight))),
            tip: Some(tip),
            query: Some(Query::Pair(a.tool, b.tool)),
        });
        chart.table.rows.push(vec![
            "edge".to_owned(),
            id(edge.a),
            id(edge.b),
            edge.talks.together.to_string(),
            format!("{:.6}", edge.weight),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    let mut placed: Vec<[f32; 4]> = Vec::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        let at = place(node.position);
        let r = radius(node.talks);
        let name = tool_name(corpus, node.tool);
        let tip = format!("{name}: {} talks, group {}", node.talks, node.community + 1);
        let dot = Shape::Circle { centre: at, radius: r };
        let mut mark = Mark::data(dot, palette::series(node.community), tip, Some(Query::Tool(node.tool)));
        mark.stroke = Some((palette::BACKGROUND, 1.2));
        chart.marks.push(mark);
        let half = super::font::width(&name, NAME_SIZE) / 2.0 + 2.0;
        let (top, bottom) = (at[1] + r + 1.0, at[1] + r + 3.0 + NAME_SIZE);
        let rect = [at[0] - half, top, at[0] + half, bottom];
        let overlaps = |p: &[f32; 4]| rect[0] < p[2] && p[0] < rect[2] && rect[1] < p[3] && p[1] < rect[3];
        if placed.len() < NAMED && !placed.iter().any(overlaps) {
            placed.push(rect);
            chart.text(name, [at[0], at[1] + r + 9.0], NAME_SIZE, Anchor::Middle, palette::INK);
        }
        chart.table.rows.push(vec![
            "node".to_owned(),
            id(i),
            String::new(),
            node.talks.to_string(),
            String::new(),
            (node.community + 1).to_string(),
            format!("{:.4}", node.position[0]),
            format!("{:.4}", node.position[1]),
        ]);
    }
    chart
}
