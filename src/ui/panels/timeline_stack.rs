//! The stacked category share under the timeline: per period, how the mentioned categories
//! divide among themselves (each category's talks over the sum for all categories), so shifts
//! such as "more observability, less messaging" show at a glance.

use super::{Look, colours};
use crate::analysis::period::Granularity;
use crate::analysis::timeline::Timeline;
use crate::catalog::Category;
use crate::ui::names;
use egui::{Id, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

/// Categories drawn on their own; the rest are summed as "other".
const SHOWN: usize = 8;

/// Draws the stacked shares of `timeline`'s categories.
pub fn show(ui: &mut Ui, look: &Look, timeline: &Timeline) {
    let groups = groups(timeline);
    let totals: Vec<f64> = (0..timeline.periods.len())
        .map(|p| groups.iter().map(|(_, talks)| f64::from(talks.get(p).copied().unwrap_or(0))).sum())
        .collect();
    let width = match timeline.granularity {
        Granularity::Year => 0.8,
        Granularity::Quarter => 0.2,
        Granularity::Month => 0.07,
    };
    let mut charts: Vec<BarChart> = Vec::with_capacity(groups.len());
    for (i, (category, talks)) in groups.iter().enumerate() {
        let name =
            category.map_or(names::category(Category::Other, look.lang), |c| names::category(c, look.lang));
        let colour = colours::categorical(i);
        let bars = timeline
            .periods
            .iter()
            .zip(talks)
            .zip(&totals)
            .map(|((period, &n), &total)| {
                let share = if total > 0.0 { f64::from(n) / total } else { 0.0 };
                Bar::new(period.as_year_fraction(), share).width(width).name(format!("{name} {period}"))
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars).color(colour).stack_on(&below);
        charts.push(chart);
    }
    Plot::new("timeline-categories")
        .height(ui.available_height().max(120.0))
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .link_axis(Id::unique("timeline-x"), [true, false])
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value * 100.0))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// The largest categories by talks, then everything else summed under `None`.
fn groups(timeline: &Timeline) -> Vec<(Option<Category>, Vec<u32>)> {
    let mut ranked: Vec<(&Category, &Vec<u32>)> = timeline.category_talks.iter().collect();
    ranked.sort_by_key(|(category, talks)| (std::cmp::Reverse(talks.iter().sum::<u32>()), **category));
    let mut groups: Vec<(Option<Category>, Vec<u32>)> =
        ranked.iter().take(SHOWN).map(|(c, talks)| (Some(**c), (*talks).clone())).collect();
    if ranked.len() > SHOWN {
        let mut rest = vec![0u32; timeline.periods.len()];
        for (_, talks) in ranked.iter().skip(SHOWN) {
            for (sum, n) in rest.iter_mut().zip(talks.iter()) {
                *sum += n;
            }
        }
        groups.push((None, rest));
    }
    groups
}
