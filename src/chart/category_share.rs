//! How attention splits between categories over time: one stacked bar per period, each
//! segment a category's share of the period's category-talks (a talk naming a database and a
//! queue counts once for each). The largest categories get their own colour; the rest are
//! stacked together as "other categories". A segment opens the passages about the category's
//! most discussed technology in that period.

use super::axes;
use super::{Chart, ChartKind, LegendEntry, Mark, Shape, Table, palette};
use crate::analysis::evidence::Query;
use crate::analysis::timeline::Timeline;
use crate::catalog::{Category, ToolId};

/// Categories with a colour of their own.
pub const SHOWN: usize = 9;

/// The stacked category-share chart of `timeline`.
pub fn category_share(timeline: &Timeline, size: [f32; 2]) -> Chart {
    let mut chart = Chart::new(
        ChartKind::CategoryShare,
        "Share of talks by category",
        "talks per category / all category-talks of the period",
        size,
    );
    let mut totals: Vec<(Category, u32)> =
        timeline.category_talks.iter().map(|(c, v)| (*c, v.iter().sum())).collect();
    totals.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let shown: Vec<Category> = totals.iter().take(SHOWN).map(|(c, _)| *c).collect();
    let n = timeline.periods.len();
    // Per group (shown categories, then the rest): talks per period.
    let mut groups: Vec<(String, Vec<u32>, Option<Category>)> = shown
        .iter()
        .map(|c| (label(*c), timeline.category_talks.get(c).cloned().unwrap_or_else(|| vec![0; n]), Some(*c)))
        .collect();
    let mut rest = vec![0u32; n];
    for (_, talks) in timeline.category_talks.iter().filter(|(c, _)| !shown.contains(c)) {
        rest.iter_mut().zip(talks).for_each(|(r, t)| *r += t);
    }
    if rest.iter().any(|&r| r > 0) {
        groups.push(("other categories".to_owned(), rest, None));
    }
    let legend = groups
        .iter()
        .enumerate()
        .map(|(i, g)| LegendEntry { colour: palette::series(i), text: g.0.clone() })
        .collect();
    chart.add_legend(legend, 24.0, 56.0);
    let area = [72.0, 120.0, chart.width - 28.0, chart.height - 44.0];
    let plot = axes::y_axis(&mut chart, area, 1.0, true, "share of category-talks");
    let periods: Vec<String> = timeline.periods.iter().map(ToString::to_string).collect();
    axes::x_labels(&mut chart, &plot, &periods);
    chart.table = Table::new(&["period", "category", "talks", "share"]);
    let bar = plot.slot_width(n) * 0.72;
    for (p, period) in timeline.periods.iter().enumerate() {
        let at = |talks: &[u32]| talks.get(p).copied().unwrap_or(0);
        let sum: u32 = groups.iter().map(|g| at(&g.1)).sum();
        let mut below = 0.0f64;
        for (i, (name, talks, category)) in groups.iter().enumerate() {
            let here = at(talks);
            let share = if sum == 0 { 0.0 } else { f64::from(here) / f64::from(sum) };
            chart.table.rows.push(vec![
                period.to_string(),
                name.clone(),
                here.to_string(),
                format!("{share:.6}"),
            ]);
            if here == 0 {
                continue;
            }
            let (top, bottom) = (plot.y(below + share), plot.y(below));
            below += share;
            let rect = Shape::Rect { x: plot.slot(p, n) - bar / 2.0, y: top, w: bar, h: bottom - top };
            let top_tool = category.and_then(|c| top_tool(timeline, c, p));
            let tip = format!("{name} · {period}: {:.1}% ({here} talks)", share * 100.0);
            chart.marks.push(Mark::data(
                rect,
                palette::series(i),
                tip,
                top_tool.map(|t| Query::ToolInPeriod(t, *period)),
            ));
        }
    }
    chart
}

/// A category's name for people: `message-queue` → `message queue`.
pub fn label(category: Category) -> String {
    category.as_str().replace('-', " ")
}

/// The technology of `category` with the most talks in period `p`.
fn top_tool(timeline: &Timeline, category: Category, p: usize) -> Option<ToolId> {
    timeline
        .series
        .iter()
        .filter_map(|s| Some((s, *s.talks.get(p)?)))
        .filter(|&(s, talks)| s.category == category && talks > 0)
        .max_by_key(|&(s, talks)| (talks, std::cmp::Reverse(s.tool)))
        .map(|(s, _)| s)
        .map(|s| s.tool)
}
