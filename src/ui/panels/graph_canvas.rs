//! The network drawn with egui's painter from the analysis layout: nodes sized by talks and
//! coloured by community or category, edges as wide as their weight under the chosen measure,
//! labels placed largest first where they do not overlap. Scroll zooms about the pointer,
//! dragging the background pans, dragging a node moves it; hovering a node lights up its
//! neighbours; clicking a node or an edge opens its passages.

// Positions, radii, names and lit flags are built with one entry per node of the graph, and
// edge ends are node indices checked when the graph is built; indexing them cannot fail.
#![allow(clippy::indexing_slicing, reason = "per-node tables are built from graph.nodes")]

use super::Look;
use crate::analysis::Filter;
use crate::analysis::evidence::Query;
use crate::analysis::graph::{CoGraph, Edge};
use crate::catalog::ToolId;
use crate::chart;
use crate::index::Corpus;
use crate::ui::command::Command;
use crate::ui::results::EvidenceRequest;
use crate::ui::view_settings::{GraphSettings, NodeColour};
use egui::{Align2, Color32, FontId, Id, Painter, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo};
use std::collections::HashMap;

/// Pixels within which the pointer picks an edge.
const EDGE_PICK: f32 = 5.0;
/// Zoom limits.
const ZOOM: (f32, f32) = (0.3, 8.0);

/// Where the user has moved the picture and its nodes. Lives as long as the app; node moves
/// are kept by technology so they survive a new layout.
#[derive(Debug, Clone)]
pub struct GraphView {
    /// Magnification; 1 fits the layout to the canvas.
    pub zoom: f32,
    /// Offset of the picture in points.
    pub pan: Vec2,
    /// Nodes the user dragged, at their new layout positions.
    pub moved: HashMap<ToolId, [f32; 2]>,
}

impl Default for GraphView {
    fn default() -> Self {
        Self { zoom: 1.0, pan: Vec2::ZERO, moved: HashMap::new() }
    }
}

impl GraphView {
    /// Back to the fitted picture and the computed positions.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

/// Layout space ↔ screen for one frame.
struct Frame {
    centre: Pos2,
    scale: f32,
}

impl Frame {
    fn to_screen(&self, p: [f32; 2]) -> Pos2 {
        self.centre + Vec2::new(p[0], p[1]) * self.scale
    }

    fn to_layout(&self, p: Pos2) -> [f32; 2] {
        let v = (p - self.centre) / self.scale;
        [v.x, v.y]
    }
}

/// What the pointer is over this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hover {
    Node(usize),
    Edge(usize),
}

/// Draws `graph` and handles zoom, pan, node drags, hover and clicks.
#[allow(clippy::too_many_arguments)] // one call site; a struct would only rename the arguments
pub fn show(
    ui: &mut Ui,
    look: &Look,
    corpus: &Corpus,
    graph: &CoGraph,
    settings: &GraphSettings,
    filter: &Filter,
    view: &mut GraphView,
    out: &mut Vec<Command>,
) {
    let (canvas, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    painter.rect_filled(canvas.rect, 4.0, ui.visuals().extreme_bg_color);
    zoom_and_pan(ui, &canvas, view);
    let frame = Frame {
        centre: canvas.rect.center() + view.pan,
        scale: 0.45 * canvas.rect.width().min(canvas.rect.height()) * view.zoom,
    };
    let names: Vec<&str> =
        graph.nodes.iter().map(|n| corpus.catalog.tool(n.tool).map_or("?", |t| t.name.as_str())).collect();
    let mut positions: Vec<Pos2> = graph
        .nodes
        .iter()
        .map(|n| frame.to_screen(view.moved.get(&n.tool).copied().unwrap_or(pos32(n.position))))
        .collect();
    // Sizes as in the exported chart, grown a little when zoomed in.
    let radius: Vec<f32> = graph
        .nodes
        .iter()
        .map(|n| chart::network::radius(n.talks) * view.zoom.sqrt().clamp(0.8, 1.8))
        .collect();
    let visible = visible_edges(graph, settings.threshold);
    // Nodes are widgets of their own, so each can be hovered, dragged, clicked and found by name.
    let mut hover = None;
    for (i, node) in graph.nodes.iter().enumerate() {
        // The square inside the circle: neighbouring nodes overlap, and a click on a node's
        // centre must not land on the node beside it.
        let rect = Rect::from_center_size(positions[i], Vec2::splat((1.4 * radius[i]).max(10.0)));
        if !canvas.rect.intersects(rect) {
            continue;
        }
        let response = ui.interact(rect, Id::unique(("graph-node", node.tool.0)), Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, names[i]));
        if response.dragged() {
            positions[i] += response.drag_delta();
            view.moved.insert(node.tool, frame.to_layout(positions[i]));
        }
        if response.hovered() || response.dragged() {
            hover = Some(Hover::Node(i));
        }
        let tip = format!("{}\n{} talks · community {}", names[i], node.talks, node.community + 1);
        if response.on_hover_text(tip).clicked() {
            out.push(evidence(Query::Tool(node.tool), filter));
        }
    }
    if hover.is_none()
        && let Some(pointer) = canvas.hover_pos()
    {
        hover = pick_edge(graph, &visible, &positions, pointer).map(Hover::Edge);
    }
    if let Some(Hover::Edge(e)) = hover {
        let edge = &graph.edges[e];
        let (a, b) = (graph.nodes[edge.a].tool, graph.nodes[edge.b].tool);
        if canvas.clicked() {
            out.push(evidence(Query::Pair(a, b), filter));
        }
        let tip = edge_tip(edge, names[edge.a], names[edge.b]);
        canvas.clone().on_hover_text_at_pointer(tip);
    }
    let style = Style::of(ui, look);
    draw_edges(&painter, graph, &visible, &positions, hover, &style);
    let lit = lit_nodes(graph, hover);
    draw_nodes(&painter, graph, settings.colour, corpus, &positions, &radius, &lit, &style);
    draw_labels(&painter, &names, &positions, &radius, &lit, hover.is_some(), &style);
}

fn pos32(p: [f64; 2]) -> [f32; 2] {
    [p[0] as f32, p[1] as f32]
}

fn evidence(query: Query, filter: &Filter) -> Command {
    Command::ShowEvidence(EvidenceRequest { query, filter: filter.clone() })
}

fn zoom_and_pan(ui: &Ui, canvas: &egui::Response, view: &mut GraphView) {
    if canvas.dragged() {
        view.pan += canvas.drag_delta();
    }
    let Some(pointer) = canvas.hover_pos() else { return };
    let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
    let factor = pinch * (scroll * 0.002).exp();
    if (factor - 1.0).abs() < 1e-4 {
        return;
    }
    let zoom = (view.zoom * factor).clamp(ZOOM.0, ZOOM.1);
    // Keep the point under the pointer where it is.
    let centre = canvas.rect.center() + view.pan;
    let ratio = zoom / view.zoom;
    view.pan += (pointer - centre) * (1.0 - ratio);
    view.zoom = zoom;
}

/// The edges drawn ([`chart::network::drawn_edges`] above the threshold share of the weight
/// range), with their width as the exported chart draws them.
fn visible_edges(graph: &CoGraph, threshold: u16) -> Vec<(usize, f32)> {
    let weights = graph.edges.iter().map(|e| e.weight).filter(|w| *w > 0.0);
    let (min, max) = weights.fold((f64::INFINITY, 0.0f64), |(lo, hi), w| (lo.min(w), hi.max(w)));
    let span = (max - min).max(f64::EPSILON);
    let cut = min + span * f64::from(threshold) / 1000.0;
    let width = |i: usize| graph.edges.get(i).map_or(0.0, |e| chart::network::edge_width(e.weight, max));
    chart::network::drawn_edges(graph, cut).into_iter().map(|i| (i, width(i))).collect()
}

fn pick_edge(graph: &CoGraph, visible: &[(usize, f32)], positions: &[Pos2], pointer: Pos2) -> Option<usize> {
    visible
        .iter()
        .map(|&(e, _)| {
            let edge = &graph.edges[e];
            (e, distance_to_segment(pointer, positions[edge.a], positions[edge.b]))
        })
        .filter(|(_, d)| *d <= EDGE_PICK)
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(e, _)| e)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() > 0.0 { ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0) } else { 0.0 };
    (a + ab * t).distance(p)
}

fn edge_tip(edge: &Edge, a: &str, b: &str) -> String {
    let m = &edge.talks;
    format!(
        "{a} — {b}\n{} talks together · {} Q&A pairs\nJaccard {:.2} · NPMI {:.2} · lift {:.1}",
        m.together, edge.qa_pairs, m.jaccard, m.npmi, m.lift
    )
}

/// Colours of the canvas for the current theme.
struct Style {
    edge: Color32,
    edge_lit: Color32,
    node_stroke: Color32,
    label: Color32,
    label_back: Color32,
    faded: f32,
}

impl Style {
    fn of(ui: &Ui, _look: &Look) -> Self {
        let dark = ui.visuals().dark_mode;
        Self {
            edge: if dark { Color32::from_white_alpha(46) } else { Color32::from_black_alpha(40) },
            edge_lit: if dark { Color32::from_white_alpha(200) } else { Color32::from_black_alpha(170) },
            node_stroke: ui.visuals().extreme_bg_color,
            label: ui.visuals().strong_text_color(),
            label_back: ui.visuals().extreme_bg_color.gamma_multiply(0.8),
            faded: 0.18,
        }
    }
}

/// Whether edge `edge` touches the hovered node, or is the hovered edge.
fn lit_edge(edge: usize, e: &Edge, hover: Option<Hover>) -> bool {
    match hover {
        Some(Hover::Node(n)) => e.a == n || e.b == n,
        Some(Hover::Edge(h)) => h == edge,
        None => false,
    }
}

/// Per node: whether it is hovered, a neighbour of the hovered node, or an end of the hovered
/// edge; every node when nothing is hovered.
fn lit_nodes(graph: &CoGraph, hover: Option<Hover>) -> Vec<bool> {
    let mut lit = vec![hover.is_none(); graph.nodes.len()];
    let mut light = |n: usize| {
        if let Some(slot) = lit.get_mut(n) {
            *slot = true;
        }
    };
    match hover {
        Some(Hover::Node(h)) => {
            light(h);
            for e in graph.edges.iter().filter(|e| e.a == h || e.b == h) {
                light(e.a);
                light(e.b);
            }
        }
        Some(Hover::Edge(e)) => {
            if let Some(e) = graph.edges.get(e) {
                light(e.a);
                light(e.b);
            }
        }
        None => {}
    }
    lit
}

fn draw_edges(
    painter: &Painter,
    graph: &CoGraph,
    visible: &[(usize, f32)],
    positions: &[Pos2],
    hover: Option<Hover>,
    style: &Style,
) {
    for &(i, width) in visible {
        let e = &graph.edges[i];
        let lit = lit_edge(i, e, hover);
        let colour = if lit {
            style.edge_lit
        } else if hover.is_some() {
            style.edge.gamma_multiply(style.faded * 2.0)
        } else {
            style.edge
        };
        painter.line_segment([positions[e.a], positions[e.b]], Stroke::new(width, colour));
    }
}

#[allow(clippy::too_many_arguments)] // drawing helper; the arguments are what it draws
fn draw_nodes(
    painter: &Painter,
    graph: &CoGraph,
    colour_by: NodeColour,
    corpus: &Corpus,
    positions: &[Pos2],
    radius: &[f32],
    lit: &[bool],
    style: &Style,
) {
    // Smallest first, so large nodes are drawn over small ones.
    for i in (0..graph.nodes.len()).rev() {
        let node = &graph.nodes[i];
        let base = match colour_by {
            NodeColour::Community => super::colours::categorical(node.community),
            NodeColour::Category => corpus
                .catalog
                .tool(node.tool)
                .map_or(Color32::GRAY, |t| super::graph::category_colour(t.category)),
        };
        let fill = if lit[i] { base } else { base.gamma_multiply(style.faded) };
        painter.circle(positions[i], radius[i], fill, Stroke::new(1.2, style.node_stroke));
    }
}

fn draw_labels(
    painter: &Painter,
    names: &[&str],
    positions: &[Pos2],
    radius: &[f32],
    lit: &[bool],
    hovering: bool,
    style: &Style,
) {
    let font = FontId::proportional(13.0);
    let mut placed: Vec<Rect> = Vec::new();
    // Lit nodes first, then by talks (the node order): the important labels win the space.
    let mut order: Vec<usize> = (0..names.len()).filter(|&i| lit[i]).collect();
    order.sort_by_key(|&i| !(hovering && lit[i]));
    for i in order {
        let galley = painter.layout_no_wrap(names[i].to_owned(), font.clone(), style.label);
        let anchor = positions[i] + Vec2::new(0.0, radius[i] + 2.0);
        let rect = Align2::CENTER_TOP.anchor_size(anchor, galley.size()).expand(1.5);
        if !painter.clip_rect().contains_rect(rect) || placed.iter().any(|p| p.intersects(rect)) {
            continue;
        }
        placed.push(rect);
        painter.rect_filled(rect, 3.0, style.label_back);
        painter.galley(rect.min + Vec2::splat(1.5), galley, style.label);
    }
}
