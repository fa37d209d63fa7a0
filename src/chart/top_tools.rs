//! The most discussed technologies as horizontal bars (talks mentioning each), coloured by
//! category: the first answer to "what does this corpus talk about". A bar opens the passages
//! about its technology.

use super::category_share::label;
use super::{Anchor, Chart, ChartKind, LegendEntry, Mark, Shape, Table, font, palette, tool_name};
use crate::analysis::evidence::Query;
use crate::analysis::timeline::Timeline;
use crate::catalog::Category;
use crate::index::Corpus;

/// Bars drawn by default.
pub const TOP: usize = 20;

/// The top-`top` technologies of `timeline` by talks.
pub fn top_tools(corpus: &Corpus, timeline: &Timeline, top: usize, size: [f32; 2]) -> Chart {
    let mut chart = Chart::new(
        ChartKind::TopTools,
        "Most discussed technologies (talks mentioning each)",
        "dated talks mentioning it",
        size,
    );
    let series: Vec<_> = timeline.series.iter().take(top).collect();
    let all_talks: u32 = timeline.talks.iter().sum();
    let mut categories: Vec<Category> = series.iter().map(|s| s.category).collect();
    categories.sort_unstable();
    categories.dedup();
    let colour = |c: Category| palette::series(categories.iter().position(|x| *x == c).unwrap_or(0));
    let legend = categories.iter().map(|c| LegendEntry { colour: colour(*c), text: label(*c) }).collect();
    chart.add_legend(legend, 24.0, 56.0);
    let names: Vec<String> =
        series.iter().map(|s| font::fit(&tool_name(corpus, s.tool), 13.0, 180.0)).collect();
    let left = 40.0 + names.iter().map(|n| font::width(n, 13.0)).fold(0.0f32, f32::max);
    let (top_y, bottom_y, right) = (112.0, chart.height - 24.0, chart.width - 80.0);
    let row = (bottom_y - top_y) / series.len().max(1) as f32;
    let max = series.iter().map(|s| s.talks.iter().sum::<u32>()).max().unwrap_or(1).max(1);
    chart.table = Table::new(&["rank", "tool", "name", "category", "talks", "share_of_dated_talks"]);
    for (i, (s, name)) in series.iter().zip(&names).enumerate() {
        let talks: u32 = s.talks.iter().sum();
        let y = top_y + row * i as f32;
        let w = (right - left) * talks as f32 / max as f32;
        let bar = Shape::Rect { x: left, y: y + row * 0.15, w, h: row * 0.7 };
        let share = if all_talks == 0 { 0.0 } else { f64::from(talks) / f64::from(all_talks) };
        let tip = format!(
            "{}: {talks} talks ({:.1}% of dated talks), {}",
            tool_name(corpus, s.tool),
            share * 100.0,
            label(s.category)
        );
        chart.marks.push(Mark::data(bar, colour(s.category), tip, Some(Query::Tool(s.tool))));
        let middle = y + row / 2.0;
        chart.text(name.clone(), [left - 8.0, middle], 13.0, Anchor::End, palette::INK);
        chart.text(talks.to_string(), [left + w + 6.0, middle], 12.0, Anchor::Start, palette::MUTED);
        let id = corpus.catalog.tool(s.tool).map_or_else(String::new, |t| t.id.clone());
        chart.table.rows.push(vec![
            (i + 1).to_string(),
            id,
            tool_name(corpus, s.tool),
            s.category.as_str().to_owned(),
            talks.to_string(),
            format!("{share:.6}"),
        ]);
    }
    chart
}
