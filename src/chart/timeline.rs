//! Technologies over time as lines, one point per period, for the Timeline chart (the most
//! discussed technologies, or those chosen) and the Compare chart (two to five chosen ones).
//! Each point opens the passages of its technology in its period.

use super::axes::{self, Plot};
use super::{Chart, ChartKind, LegendEntry, Mark, Shape, Table, palette, tool_name};
use crate::analysis::evidence::Query;
use crate::analysis::timeline::{Measure, Series, Timeline, smooth};
use crate::catalog::ToolId;
use crate::index::Corpus;

/// Lines drawn when none are chosen.
pub const DEFAULT_LINES: usize = 6;
/// Technologies compared when none are chosen.
pub const DEFAULT_COMPARED: usize = 3;

/// The measure in words, for axes, captions and tips.
pub fn measure_text(measure: Measure) -> &'static str {
    match measure {
        Measure::Mentions => "mentions",
        Measure::Talks => "talks",
        Measure::ShareOfTalks => "share of talks",
        Measure::ShareInCategory => "share of talks in its category",
        Measure::Adopters => "organisations using it",
    }
}

fn is_share(measure: Measure) -> bool {
    matches!(measure, Measure::ShareOfTalks | Measure::ShareInCategory)
}

/// The most discussed technologies, for a comparison nobody chose yet.
pub fn default_compare(timeline: &Timeline) -> Vec<ToolId> {
    timeline.series.iter().take(DEFAULT_COMPARED).map(|s| s.tool).collect()
}

/// The lines of the Timeline view and chart: `tools` that have mentions, in the order given, or
/// the [`DEFAULT_LINES`] most discussed when none are chosen. Line `i` is drawn in
/// [`palette::series`]`(i)` with [`line_values`], on screen and in exports alike.
pub fn chosen_series<'a>(timeline: &'a Timeline, tools: &[ToolId]) -> Vec<&'a Series> {
    if tools.is_empty() {
        timeline.series.iter().take(DEFAULT_LINES).collect()
    } else {
        tools.iter().filter_map(|t| timeline.series_of(*t)).collect()
    }
}

/// The values a line plots: `series` under `measure`, smoothed over `smoothing` periods on each
/// side; `None` for a period in which no talk at all was given (a gap in the line, not a zero).
pub fn line_values(
    timeline: &Timeline,
    series: &Series,
    measure: Measure,
    smoothing: usize,
) -> Vec<Option<f64>> {
    let values = timeline.values(series, measure);
    let known = values.iter().zip(&timeline.talks).map(|(&v, &talks)| (talks > 0).then_some(v));
    smooth(&known.collect::<Vec<_>>(), smoothing)
}

/// The Timeline chart: `tools` (or the most discussed ones when empty) under `measure`.
pub fn timeline(
    corpus: &Corpus,
    timeline: &Timeline,
    tools: &[ToolId],
    measure: Measure,
    size: [f32; 2],
) -> Chart {
    timeline_smoothed(corpus, timeline, tools, measure, 0, size)
}

/// [`timeline`] with each line smoothed over `smoothing` periods on each side, as the Timeline
/// view draws it when smoothing is on; the title says so.
pub fn timeline_smoothed(
    corpus: &Corpus,
    timeline: &Timeline,
    tools: &[ToolId],
    measure: Measure,
    smoothing: usize,
    size: [f32; 2],
) -> Chart {
    let series = chosen_series(timeline, tools);
    let mut title = format!("Technologies over time: {}", measure_text(measure));
    if smoothing > 0 {
        title.push_str(&format!(", averaged over {} periods", 2 * smoothing + 1));
    }
    lines(
        Chart::new(ChartKind::Timeline, title, measure_text(measure), size),
        corpus,
        timeline,
        &series,
        (measure, smoothing),
    )
}

/// The Compare chart: `tools` side by side under `measure`.
pub fn compare(
    corpus: &Corpus,
    timeline: &Timeline,
    tools: &[ToolId],
    measure: Measure,
    size: [f32; 2],
) -> Chart {
    let series: Vec<&Series> = tools.iter().filter_map(|t| timeline.series_of(*t)).collect();
    let names: Vec<String> = tools.iter().map(|t| tool_name(corpus, *t)).collect();
    let title = format!("{} compared: {}", names.join(" vs "), measure_text(measure));
    lines(
        Chart::new(ChartKind::Compare, title, measure_text(measure), size),
        corpus,
        timeline,
        &series,
        (measure, 0),
    )
}

fn lines(
    mut chart: Chart,
    corpus: &Corpus,
    timeline: &Timeline,
    series: &[&Series],
    (measure, smoothing): (Measure, usize),
) -> Chart {
    let values: Vec<Vec<Option<f64>>> =
        series.iter().map(|s| line_values(timeline, s, measure, smoothing)).collect();
    let max = values.iter().flatten().flatten().copied().fold(0.0f64, f64::max);
    let legend = series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry { colour: palette::series(i), text: tool_name(corpus, s.tool) })
        .collect();
    chart.add_legend(legend, 24.0, 56.0);
    let area = [72.0, 110.0, chart.width - 28.0, chart.height - 44.0];
    let plot = axes::y_axis(&mut chart, area, max, is_share(measure), measure_text(measure));
    let periods: Vec<String> = timeline.periods.iter().map(ToString::to_string).collect();
    axes::x_labels(&mut chart, &plot, &periods);
    chart.table = Table::new(&["period", "tool", "name", "measure", "value", "talks", "period_talks"]);
    for (i, (s, values)) in series.iter().zip(&values).enumerate() {
        draw_series(&mut chart, &plot, corpus, timeline, s, values, measure, palette::series(i));
    }
    chart
}

#[allow(clippy::too_many_arguments)] // one series needs its place, data, measure and colour
fn draw_series(
    chart: &mut Chart,
    plot: &Plot,
    corpus: &Corpus,
    timeline: &Timeline,
    series: &Series,
    values: &[Option<f64>],
    measure: Measure,
    colour: super::Colour,
) {
    let n = timeline.periods.len();
    let name = tool_name(corpus, series.tool);
    let id = corpus.catalog.tool(series.tool).map_or_else(String::new, |t| t.id.clone());
    let points: Vec<Option<[f32; 2]>> =
        values.iter().enumerate().map(|(p, v)| v.map(|v| [plot.slot(p, n), plot.y(v)])).collect();
    let total: u32 = series.talks.iter().sum();
    // One stroke per run of periods with talks: a period without any is a gap, not a zero.
    for run in points.split(Option::is_none).filter(|run| !run.is_empty()) {
        chart.marks.push(Mark {
            shape: Shape::Line(run.iter().flatten().copied().collect()),
            fill: None,
            stroke: Some((colour, 2.5)),
            tip: Some(format!("{name}: {total} talks in all")),
            query: Some(Query::Tool(series.tool)),
        });
    }
    for (p, (period, value)) in timeline.periods.iter().zip(values).enumerate() {
        let talks = series.talks.get(p).copied().unwrap_or(0);
        let period_talks = timeline.talks.get(p).copied().unwrap_or(0);
        if let (Some(value), Some(Some(point))) = (value, points.get(p)) {
            let shown =
                if is_share(measure) { format!("{:.1}%", value * 100.0) } else { format!("{value:.0}") };
            let tip = format!("{name} · {period}: {shown} ({talks} of {period_talks} talks)");
            let dot = Shape::Circle { centre: *point, radius: 4.0 };
            chart.marks.push(Mark::data(dot, colour, tip, Some(Query::ToolInPeriod(series.tool, *period))));
        }
        chart.table.rows.push(vec![
            period.to_string(),
            id.clone(),
            name.clone(),
            measure.as_str().to_owned(),
            value.map_or_else(String::new, |v| format!("{v:.6}")),
            talks.to_string(),
            period_talks.to_string(),
        ]);
    }
}
