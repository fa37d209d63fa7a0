//! Which organisation talks about which technology, and how: a heatmap whose cell colour is
//! the dominant stance (uses, evaluating, moved away, asked, mentioned) and whose strength is
//! the number of the organisation's talks. A cell opens the organisation's passages about the
//! technology.

use super::{Chart, ChartKind, LegendEntry, Mark, Shape, Table, font, palette, tool_name};
use crate::analysis::evidence::Query;
use crate::analysis::matrix::{Matrix, STANCES};
use crate::extract::Stance;
use crate::index::Corpus;

/// Organisations drawn by default.
pub const ROWS: usize = 30;
/// Technologies drawn by default.
pub const COLUMNS: usize = 36;
/// Side of a cell.
const CELL: f32 = 22.0;

/// A stance in words.
pub fn stance_text(stance: Stance) -> &'static str {
    match stance {
        Stance::Uses => "uses",
        Stance::Evaluating => "evaluating",
        Stance::MovedAway => "moved away",
        Stance::Asked => "asked about",
        Stance::Neutral => "mentioned",
    }
}

/// The first `rows` × `columns` of `matrix` as a heatmap; the canvas grows to fit.
pub fn matrix(corpus: &Corpus, matrix: &Matrix, rows: usize, columns: usize) -> Chart {
    let orgs: Vec<String> =
        matrix.orgs.iter().take(rows).map(|o| font::fit(corpus.postings.org_name(*o), 13.0, 220.0)).collect();
    let tools: Vec<String> =
        matrix.tools.iter().take(columns).map(|t| font::fit(&tool_name(corpus, *t), 12.0, 150.0)).collect();
    let left = 32.0 + orgs.iter().map(|o| font::width(o, 13.0)).fold(60.0f32, f32::max);
    let top = 100.0 + tools.iter().map(|t| font::width(t, 12.0)).fold(40.0f32, f32::max);
    let width = (left + CELL * tools.len() as f32 + 40.0).max(720.0);
    let height = top + CELL * orgs.len() as f32 + 30.0;
    let mut chart = Chart::new(
        ChartKind::Matrix,
        "Organisations × technologies: talks and stance",
        "talks by the organisation; colour = dominant stance",
        [width, height],
    );
    let legend = STANCES
        .iter()
        .map(|s| LegendEntry { colour: palette::stance(*s), text: stance_text(*s).to_owned() })
        .collect();
    chart.add_legend(legend, 24.0, 56.0);
    let max = matrix.cells.iter().flatten().flatten().map(|c| c.talks).max().unwrap_or(1).max(1);
    chart.table = Table::new(&[
        "org",
        "tool",
        "name",
        "talks",
        "uses",
        "evaluating",
        "moved_away",
        "asked",
        "neutral",
        "dominant",
    ]);
    for (c, name) in tools.iter().enumerate() {
        let x = left + CELL * (c as f32 + 0.5);
        chart.vertical_text(name.clone(), [x, top - 8.0], 12.0, palette::INK);
    }
    for (r, org) in orgs.iter().enumerate() {
        let y = top + CELL * r as f32;
        chart.text(org.clone(), [left - 8.0, y + CELL / 2.0], 13.0, super::Anchor::End, palette::INK);
        for c in 0..tools.len() {
            let rect =
                Shape::Rect { x: left + CELL * c as f32 + 1.0, y: y + 1.0, w: CELL - 2.0, h: CELL - 2.0 };
            let cell = matrix.cells.get(r).and_then(|row| row.get(c)).copied().flatten();
            let (Some(cell), Some(&org_key), Some(&tool)) = (cell, matrix.orgs.get(r), matrix.tools.get(c))
            else {
                chart.marks.push(Mark::plain(rect, Some(palette::GRID.faded(0.5)), None));
                continue;
            };
            let strength = 0.3 + 0.7 * (cell.talks as f32 / max as f32).sqrt();
            let stances: Vec<String> =
                STANCES.iter().zip(cell.stances).map(|(s, n)| format!("{} {n}", stance_text(*s))).collect();
            let org_name = corpus.postings.org_name(org_key);
            let tip = format!(
                "{org_name} × {}: {} talks — {}",
                tool_name(corpus, tool),
                cell.talks,
                stances.join(", ")
            );
            let colour = palette::stance(cell.dominant()).faded(strength);
            chart.marks.push(Mark::data(rect, colour, tip, Some(Query::Cell(org_key, tool))));
            let mut row = vec![
                org_name.to_owned(),
                corpus.catalog.tool(tool).map_or_else(String::new, |t| t.id.clone()),
                tool_name(corpus, tool),
                cell.talks.to_string(),
            ];
            row.extend(cell.stances.iter().map(ToString::to_string));
            row.push(cell.dominant().as_str().to_owned());
            chart.table.rows.push(row);
        }
    }
    chart
}
