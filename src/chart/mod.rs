//! Charts as plain data: what the screen draws and what SVG, PNG and CSV exports write, from one
//! description so the three cannot drift apart.
//!
//! A [`Chart`] is laid out once, by the builder of its kind, on a canvas of logical units:
//! marks (bars, points, lines, cells, nodes, blips) with their colours, the labels, axes and
//! legend as shapes and text, and the [`Table`] of exactly the numbers plotted. Every mark
//! carries a hover text with its values and, where one exists, the evidence [`Query`] behind
//! it, so a screen can make it clickable and an export can list it. Renderers only scale and
//! paint; none of them decides anything about the chart.
//!
//! ```text
//! Analyses ──build──▶ Chart ──▶ screen painter (src/ui)
//!                          ├──▶ export::svg  (text as glyph outlines, labels kept as text)
//!                          │        └──▶ export::png (the same SVG, rasterised)
//!                          └──▶ Table ──▶ CSV beside the image
//! ```

pub mod axes;
pub mod category_share;
pub mod font;
pub mod matrix;
pub mod network;
pub mod palette;
pub mod provenance;
pub mod radar;
pub mod timeline;
pub mod top_tools;

pub use palette::Colour;
pub use provenance::Provenance;

use crate::analysis::Analyses;
use crate::analysis::evidence::Query;
use crate::catalog::ToolId;
use crate::index::Corpus;
use serde::{Deserialize, Serialize};

/// The kinds of chart, each a view of the analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ChartKind {
    /// Chosen technologies over time.
    Timeline,
    /// Each category's share of the period's talks, stacked.
    CategoryShare,
    /// The most discussed technologies, as bars coloured by category.
    TopTools,
    /// The co-occurrence network, from the analysis layout.
    Graph,
    /// Organisation × technology with stance.
    Matrix,
    /// The evidence-based radar.
    Radar,
    /// Two to five technologies side by side over time.
    Compare,
}

impl ChartKind {
    /// Every kind, in the order of the review pack.
    pub const ALL: [Self; 7] = [
        Self::Timeline,
        Self::CategoryShare,
        Self::TopTools,
        Self::Graph,
        Self::Matrix,
        Self::Radar,
        Self::Compare,
    ];

    /// The file name stem of its exports.
    pub fn file_stem(self) -> &'static str {
        match self {
            Self::Timeline => "chart-timeline",
            Self::CategoryShare => "chart-category-share",
            Self::TopTools => "chart-top-technologies",
            Self::Graph => "chart-graph",
            Self::Matrix => "chart-companies",
            Self::Radar => "chart-radar",
            Self::Compare => "chart-compare",
        }
    }
}

/// Where text sits relative to its anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the left end of the text.
    Start,
    /// The point is the middle of the text.
    Middle,
    /// The point is the right end of the text.
    End,
}

/// A geometric shape in canvas units (origin top left, y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// An axis-aligned rectangle.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A circle.
    Circle {
        /// Centre.
        centre: [f32; 2],
        /// Radius.
        radius: f32,
    },
    /// An open line through the points.
    Line(Vec<[f32; 2]>),
    /// A closed, filled outline through the points.
    Polygon(Vec<[f32; 2]>),
}

impl Shape {
    /// Whether `p` is on the shape, with `slack` units of tolerance (for thin lines and small
    /// points under a pointer).
    pub fn hit(&self, p: [f32; 2], slack: f32) -> bool {
        match self {
            Self::Rect { x, y, w, h } => {
                p[0] >= x - slack && p[0] <= x + w + slack && p[1] >= y - slack && p[1] <= y + h + slack
            }
            Self::Circle { centre, radius } => distance(p, *centre) <= radius + slack,
            Self::Line(points) => points.windows(2).any(|s| match s {
                [a, b] => segment_distance(p, *a, *b) <= slack,
                _ => false,
            }),
            Self::Polygon(points) => contains(points, p),
        }
    }
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

fn segment_distance(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length = dx * dx + dy * dy;
    if length == 0.0 {
        return distance(p, a);
    }
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length).clamp(0.0, 1.0);
    distance(p, [a[0] + t * dx, a[1] + t * dy])
}

/// Even–odd point-in-polygon test.
fn contains(points: &[[f32; 2]], p: [f32; 2]) -> bool {
    let mut inside = false;
    // Each vertex with the one before it, the first with the last.
    let previous = points.last().into_iter().chain(points.iter());
    for (a, b) in points.iter().zip(previous) {
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
    }
    inside
}

/// One drawn element. Marks that stand for data have a `tip`; those are what a pointer finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Its geometry.
    pub shape: Shape,
    /// Fill colour, if filled.
    pub fill: Option<Colour>,
    /// Outline colour and width, if stroked.
    pub stroke: Option<(Colour, f32)>,
    /// What it stands for, with its values, in a sentence; `None` for axes and decoration.
    pub tip: Option<String>,
    /// The evidence behind it, when it stands for something in the notes.
    pub query: Option<Query>,
}

impl Mark {
    /// A decoration: no tip, no evidence.
    pub fn plain(shape: Shape, fill: Option<Colour>, stroke: Option<(Colour, f32)>) -> Self {
        Self { shape, fill, stroke, tip: None, query: None }
    }

    /// A data mark: hover text and, when given, the evidence behind it.
    pub fn data(shape: Shape, fill: Colour, tip: String, query: Option<Query>) -> Self {
        Self { shape, fill: Some(fill), stroke: None, tip: Some(tip), query }
    }
}

/// A line of text. `at` is the anchor point on the text's vertical middle.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// What it says.
    pub text: String,
    /// Anchor point.
    pub at: [f32; 2],
    /// Font size in canvas units.
    pub size: f32,
    /// Horizontal alignment on `at`.
    pub anchor: Anchor,
    /// Colour.
    pub colour: Colour,
    /// Turned a quarter to the left (reading upwards), rotated about `at`.
    pub vertical: bool,
}

/// One entry of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The swatch colour.
    pub colour: Colour,
    /// What the colour means.
    pub text: String,
}

/// The numbers plotted, one row per mark that stands for data, as written to CSV.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows of cells, numbers formatted as plotted.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names and no rows.
    pub fn new(header: &[&str]) -> Self {
        Self { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }
}

/// A chart, laid out on a `width` × `height` canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// What kind it is.
    pub kind: ChartKind,
    /// The heading drawn above it.
    pub title: String,
    /// What its numbers measure, in words (for the caption).
    pub measure: String,
    /// Canvas width in logical units.
    pub width: f32,
    /// Canvas height in logical units (the caption, when shown, is drawn below).
    pub height: f32,
    /// Background colour.
    pub background: Colour,
    /// Shapes, in drawing order.
    pub marks: Vec<Mark>,
    /// Text, drawn over the shapes.
    pub labels: Vec<Label>,
    /// What the colours mean (also drawn, as marks and labels).
    pub legend: Vec<LegendEntry>,
    /// The provenance line drawn under the chart, if any.
    pub caption: Option<String>,
    /// The numbers plotted.
    pub table: Table,
}

/// Height of the caption band under the canvas.
pub const CAPTION_BAND: f32 = 26.0;

impl Chart {
    /// An empty chart of `kind` titled `title`, measuring `measure`, on a `size` canvas.
    pub fn new(
        kind: ChartKind,
        title: impl Into<String>,
        measure: impl Into<String>,
        size: [f32; 2],
    ) -> Self {
        let mut chart = Self {
            kind,
            title: title.into(),
            measure: measure.into(),
            width: size[0],
            height: size[1],
            background: palette::BACKGROUND,
            marks: Vec::new(),
            labels: Vec::new(),
            legend: Vec::new(),
            caption: None,
            table: Table::default(),
        };
        let title = chart.title.clone();
        chart.text(title, [24.0, 26.0], 20.0, Anchor::Start, palette::INK);
        chart
    }

    /// Adds a label.
    pub fn text(&mut self, text: impl Into<String>, at: [f32; 2], size: f32, anchor: Anchor, colour: Colour) {
        self.labels.push(Label { text: text.into(), at, size, anchor, colour, vertical: false });
    }

    /// Adds a label reading upwards from `at` (column headings).
    pub fn vertical_text(&mut self, text: impl Into<String>, at: [f32; 2], size: f32, colour: Colour) {
        self.labels.push(Label {
            text: text.into(),
            at,
            size,
            anchor: Anchor::Start,
            colour,
            vertical: true,
        });
    }

    /// The full height drawn, caption included.
    pub fn drawn_height(&self) -> f32 {
        self.height + if self.caption.is_some() { CAPTION_BAND } else { 0.0 }
    }

    /// The topmost data mark under `p` (canvas units), if any.
    pub fn mark_at(&self, p: [f32; 2], slack: f32) -> Option<&Mark> {
        self.marks.iter().rev().filter(|m| m.tip.is_some()).find(|m| m.shape.hit(p, slack))
    }

    /// Draws the legend as a row of swatches and names starting at (`x`, `y`), wrapping at the
    /// canvas edge, and records it in [`Self::legend`].
    pub fn add_legend(&mut self, entries: Vec<LegendEntry>, x: f32, y: f32) {
        let (mut cx, mut cy) = (x, y);
        for entry in &entries {
            let w = 16.0 + font::width(&entry.text, 12.0) + 18.0;
            if cx + w > self.width - 16.0 && cx > x {
                cx = x;
                cy += 20.0;
            }
            let swatch = Shape::Rect { x: cx, y: cy - 5.0, w: 10.0, h: 10.0 };
            self.marks.push(Mark::plain(swatch, Some(entry.colour), None));
            self.text(entry.text.clone(), [cx + 15.0, cy], 12.0, Anchor::Start, palette::INK);
            cx += w;
        }
        self.legend.extend(entries);
    }
}

/// How large charts are drawn by default (logical units; PNG multiplies by its scale).
pub const DEFAULT_SIZE: [f32; 2] = [1200.0, 720.0];

/// The display name of a technology.
pub fn tool_name(corpus: &Corpus, tool: ToolId) -> String {
    corpus.catalog.tool(tool).map_or_else(|| format!("#{}", tool.0), |t| t.name.clone())
}

/// Every chart of the review pack for `analyses`; `compare` lists the technologies of the
/// comparison (the most discussed ones when empty).
pub fn all(corpus: &Corpus, analyses: &Analyses, compare: &[ToolId]) -> Vec<Chart> {
    ChartKind::ALL.iter().map(|&kind| build(kind, corpus, analyses, compare)).collect()
}

/// One chart of `kind`, with its default choices.
pub fn build(kind: ChartKind, corpus: &Corpus, analyses: &Analyses, compare: &[ToolId]) -> Chart {
    use crate::analysis::timeline::Measure;
    let measure = Measure::ShareOfTalks;
    match kind {
        ChartKind::Timeline => timeline::timeline(corpus, &analyses.timeline, &[], measure, DEFAULT_SIZE),
        ChartKind::CategoryShare => category_share::category_share(&analyses.timeline, DEFAULT_SIZE),
        ChartKind::TopTools => top_tools::top_tools(corpus, &analyses.timeline, top_tools::TOP, DEFAULT_SIZE),
        ChartKind::Graph => network::network(corpus, &analyses.graph, DEFAULT_SIZE),
        ChartKind::Matrix => matrix::matrix(corpus, &analyses.matrix, matrix::ROWS, matrix::COLUMNS),
        ChartKind::Radar => radar::radar(corpus, &analyses.radar, DEFAULT_SIZE),
        ChartKind::Compare => {
            let tools = if compare.is_empty() {
                timeline::default_compare(&analyses.timeline)
            } else {
                compare.to_vec()
            };
            timeline::compare(corpus, &analyses.timeline, &tools, measure, DEFAULT_SIZE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_testing_cases() {
        let cases = [
            (Shape::Rect { x: 0.0, y: 0.0, w: 10.0, h: 5.0 }, [5.0, 2.0], true),
            (Shape::Rect { x: 0.0, y: 0.0, w: 10.0, h: 5.0 }, [12.0, 2.0], false),
            (Shape::Circle { centre: [0.0, 0.0], radius: 3.0 }, [2.0, 2.0], true),
            (Shape::Circle { centre: [0.0, 0.0], radius: 3.0 }, [4.0, 4.0], false),
            (Shape::Line(vec![[0.0, 0.0], [10.0, 0.0]]), [5.0, 0.5], true),
            (Shape::Line(vec![[0.0, 0.0], [10.0, 0.0]]), [5.0, 3.0], false),
            (Shape::Polygon(vec![[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]]), [2.0, 2.0], true),
            (Shape::Polygon(vec![[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]]), [8.0, 8.0], false),
        ];
        for (shape, p, expected) in cases {
            assert_eq!(shape.hit(p, 1.0), expected, "{shape:?} {p:?}");
        }
    }
}
