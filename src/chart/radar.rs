//! The evidence-based radar: four quadrants, four rings (Adopt at the centre, Hold outside),
//! numbered blips with the names listed beside the circle, quadrant by quadrant, as technology
//! radars are usually read. Each blip's tip gives its ring's reason with the counts behind it,
//! and it opens the passages about its technology. New blips get a ring around them.

use super::{Anchor, Chart, ChartKind, LegendEntry, Mark, Shape, Table, font, palette, tool_name};
use crate::analysis::evidence::Query;
use crate::analysis::radar::{Blip, Quadrant, Ring};
use crate::index::Corpus;
use std::f32::consts::PI;

/// Blips drawn per quadrant, the most discussed first (the Radar view lists them all).
pub const PER_QUADRANT: usize = 12;
/// Outer edge of each ring as a share of the radius, Adopt first.
const RING_EDGES: [f32; 4] = [0.38, 0.62, 0.82, 1.0];

/// The blips drawn, in numbering order: per quadrant the most discussed, then by ring.
pub fn drawn(blips: &[Blip]) -> Vec<&Blip> {
    let mut out = Vec::new();
    for quadrant in Quadrant::ALL {
        let mut mine: Vec<&Blip> = blips.iter().filter(|b| b.quadrant == quadrant).collect();
        mine.sort_by_key(|b| (std::cmp::Reverse(b.talks), b.tool));
        mine.truncate(PER_QUADRANT);
        mine.sort_by_key(|b| (b.ring, std::cmp::Reverse(b.uses), b.tool));
        out.extend(mine);
    }
    out
}

/// The radar chart of `blips`.
pub fn radar(corpus: &Corpus, blips: &[Blip], size: [f32; 2]) -> Chart {
    let mut chart = Chart::new(
        ChartKind::Radar,
        "Technology radar from the talks",
        "ring rule over uses, adopters, moves away and trend",
        size,
    );
    let legend = Ring::ALL
        .iter()
        .map(|r| LegendEntry { colour: palette::ring(*r), text: r.label().to_owned() })
        .collect();
    chart.add_legend(legend, 24.0, 56.0);
    let radius = ((chart.height - 130.0) / 2.0).min(chart.width * 0.3);
    let centre = [24.0 + radius + 40.0, 100.0 + radius + 10.0];
    backdrop(&mut chart, centre, radius);
    chart.table = Table::new(&[
        "number",
        "tool",
        "name",
        "quadrant",
        "ring",
        "new",
        "talks",
        "uses",
        "adopters",
        "evaluating",
        "moved_away",
        "trend",
    ]);
    let drawn = drawn(blips);
    for (q, quadrant) in Quadrant::ALL.iter().enumerate() {
        for ring in Ring::ALL {
            let group: Vec<(usize, &&Blip)> =
                drawn.iter().enumerate().filter(|(_, b)| b.quadrant == *quadrant && b.ring == ring).collect();
            for (k, (number, blip)) in group.iter().enumerate() {
                let at = place(centre, radius, q, ring, k, group.len());
                blip_mark(&mut chart, corpus, blip, number + 1, at);
            }
        }
    }
    list(&mut chart, corpus, &drawn, centre[0] + radius + 48.0);
    chart
}

/// Rings and quadrant lines, with their names.
fn backdrop(chart: &mut Chart, centre: [f32; 2], radius: f32) {
    for (i, edge) in RING_EDGES.iter().enumerate().rev() {
        let shade = palette::GRID.faded(0.35 + 0.15 * i as f32);
        let circle = Shape::Circle { centre, radius: radius * edge };
        chart.marks.push(Mark::plain(circle, Some(shade), Some((palette::BACKGROUND, 2.0))));
    }
    for line in [
        [[centre[0] - radius, centre[1]], [centre[0] + radius, centre[1]]],
        [[centre[0], centre[1] - radius], [centre[0], centre[1] + radius]],
    ] {
        chart.marks.push(Mark::plain(Shape::Line(line.to_vec()), None, Some((palette::BACKGROUND, 3.0))));
    }
    let mut inner = 0.0;
    for (ring, edge) in Ring::ALL.iter().zip(RING_EDGES) {
        let y = centre[1] - radius * (inner + edge) / 2.0;
        chart.text(ring.label(), [centre[0] + 4.0, y], 11.0, Anchor::Start, palette::MUTED);
        inner = edge;
    }
    let corners = [
        (1.0, -1.0, Anchor::End),
        (1.0, 1.0, Anchor::End),
        (-1.0, 1.0, Anchor::Start),
        (-1.0, -1.0, Anchor::Start),
    ];
    for (quadrant, (dx, dy, anchor)) in Quadrant::ALL.iter().zip(corners) {
        let at = [centre[0] + dx * (radius + 30.0), centre[1] + dy * (radius + 2.0)];
        chart.text(quadrant.label(), at, 14.0, anchor, palette::INK);
    }
}

/// Where the `k`-th of `n` blips of one quadrant and ring goes: spread across the sector's
/// angle, alternating between three depths of the ring so neighbours do not touch.
fn place(centre: [f32; 2], radius: f32, quadrant: usize, ring: Ring, k: usize, n: usize) -> [f32; 2] {
    let r = Ring::ALL.iter().position(|x| *x == ring).unwrap_or(0);
    let inner = r.checked_sub(1).and_then(|i| RING_EDGES.get(i)).copied().unwrap_or(0.12);
    let outer = RING_EDGES.get(r).copied().unwrap_or(1.0);
    let depth = inner + (outer - inner) * [0.5, 0.25, 0.75].get(k % 3).copied().unwrap_or(0.5);
    let start = -PI / 2.0 + quadrant as f32 * PI / 2.0;
    let angle = start + PI / 2.0 * (0.08 + 0.84 * (k as f32 + 0.5) / n.max(1) as f32);
    [centre[0] + radius * depth * angle.cos(), centre[1] + radius * depth * angle.sin()]
}

fn blip_mark(chart: &mut Chart, corpus: &Corpus, blip: &Blip, number: usize, at: [f32; 2]) {
    let name = tool_name(corpus, blip.tool);
    let new = if blip.is_new { " (new)" } else { "" };
    let tip = format!("{number}. {name} — {}{new}. {}", blip.ring.label(), blip.reason);
    let mut mark = Mark::data(
        Shape::Circle { centre: at, radius: 9.0 },
        palette::ring(blip.ring),
        tip,
        Some(Query::Tool(blip.tool)),
    );
    if blip.is_new {
        mark.stroke = Some((palette::INK, 2.0));
    }
    chart.marks.push(mark);
    chart.text(number.to_string(), at, 10.0, Anchor::Middle, palette::BACKGROUND);
    chart.table.rows.push(vec![
        number.to_string(),
        corpus.catalog.tool(blip.tool).map_or_else(String::new, |t| t.id.clone()),
        name,
        blip.quadrant.label().to_owned(),
        blip.ring.label().to_owned(),
        blip.is_new.to_string(),
        blip.talks.to_string(),
        blip.uses.to_string(),
        blip.adopters.to_string(),
        blip.evaluating.to_string(),
        blip.moved_away.to_string(),
        blip.trend.as_str().to_owned(),
    ]);
}

/// The numbered names, quadrant by quadrant, in two columns beside the circle.
fn list(chart: &mut Chart, corpus: &Corpus, drawn: &[&Blip], left: f32) {
    let column = ((chart.width - left - 24.0) / 2.0).max(120.0);
    let block = (chart.height - 110.0) / 2.0;
    for (q, quadrant) in Quadrant::ALL.iter().enumerate() {
        let x = left + column * (q % 2) as f32;
        let mut y = 110.0 + block * (q / 2) as f32;
        chart.text(quadrant.label(), [x, y], 14.0, Anchor::Start, palette::INK);
        for (number, blip) in drawn.iter().enumerate().filter(|(_, b)| b.quadrant == *quadrant) {
            y += 17.0;
            let text =
                font::fit(&format!("{} {}", number + 1, tool_name(corpus, blip.tool)), 12.0, column - 12.0);
            chart.text(text, [x, y], 12.0, Anchor::Start, palette::ring(blip.ring));
        }
    }
}
