//! The plot area of charts with axes: where data goes on the canvas, "nice" tick values
//! (1, 2, 5 × 10ⁿ, after Heckbert's labelling), and the grid, ticks and axis labels drawn as
//! ordinary marks and labels of the chart.

use super::{Anchor, Chart, Mark, Shape, palette};

/// The rectangle data is drawn in, and the value range of its y axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    /// Left edge on the canvas.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// Largest y value shown (the smallest is 0).
    pub y_max: f64,
}

impl Plot {
    /// Canvas y of `value`.
    pub fn y(&self, value: f64) -> f32 {
        let t = if self.y_max > 0.0 { (value / self.y_max) as f32 } else { 0.0 };
        self.bottom - t.clamp(0.0, 1.0) * (self.bottom - self.top)
    }

    /// Canvas x of the centre of slot `index` of `count` equal slots.
    pub fn slot(&self, index: usize, count: usize) -> f32 {
        let width = (self.right - self.left) / count.max(1) as f32;
        self.left + width * (index as f32 + 0.5)
    }

    /// Width of one of `count` equal slots.
    pub fn slot_width(&self, count: usize) -> f32 {
        (self.right - self.left) / count.max(1) as f32
    }
}

/// Tick values from 0 to at least `max`, about `target` of them, at 1, 2 or 5 × 10ⁿ steps.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    // NaN compares false both ways, so test for the good case and negate it.
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let rough = max / target.max(1) as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= rough).unwrap_or(rough);
    let count = (max / step).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// A tick value as text: percentages for shares, whole numbers for counts.
pub fn tick_text(value: f64, percent: bool) -> String {
    if percent {
        let p = value * 100.0;
        if (p - p.round()).abs() < 1e-9 { format!("{p:.0}%") } else { format!("{p:.1}%") }
    } else if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// Draws the y grid and ticks for values up to `max` and returns the plot whose y axis they
/// label. `title` names the y measure above the axis.
pub fn y_axis(chart: &mut Chart, area: [f32; 4], max: f64, percent: bool, title: &str) -> Plot {
    let ticks = nice_ticks(max, 5);
    let y_max = ticks.last().copied().unwrap_or(1.0);
    let [left, top, right, bottom] = area;
    let plot = Plot { left, top, right, bottom, y_max };
    for &tick in &ticks {
        let y = plot.y(tick);
        let line = Shape::Line(vec![[left, y], [right, y]]);
        chart.marks.push(Mark::plain(line, None, Some((palette::GRID, 1.0))));
        chart.text(tick_text(tick, percent), [left - 8.0, y], 12.0, Anchor::End, palette::MUTED);
    }
    chart.text(title, [left, top - 16.0], 12.0, Anchor::Start, palette::MUTED);
    plot
}

/// Draws category labels under the plot, one per slot, skipping some when they would collide.
pub fn x_labels(chart: &mut Chart, plot: &Plot, labels: &[String]) {
    let slot = plot.slot_width(labels.len());
    let widest = labels.iter().map(|l| super::font::width(l, 12.0)).fold(0.0f32, f32::max);
    let every = ((widest + 10.0) / slot.max(1.0)).ceil().max(1.0) as usize;
    for (i, label) in labels.iter().enumerate().filter(|(i, _)| i % every == 0) {
        chart.text(
            label.clone(),
            [plot.slot(i, labels.len()), plot.bottom + 16.0],
            12.0,
            Anchor::Middle,
            palette::MUTED,
        );
    }
    let axis = Shape::Line(vec![[plot.left, plot.bottom], [plot.right, plot.bottom]]);
    chart.marks.push(Mark::plain(axis, None, Some((palette::MUTED, 1.0))));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_tick_cases() {
        let cases: [(f64, &[f64]); 4] = [
            (0.0, &[0.0, 1.0]),
            (9.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            (0.37, &[0.0, 0.1, 0.2, 0.30000000000000004, 0.4]),
            (100.0, &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]),
        ];
        for (max, expected) in cases {
            assert_eq!(nice_ticks(max, 5), expected, "{max}");
        }
    }

    #[test]
    fn tick_text_cases() {
        let cases = [(0.25, true, "25%"), (0.125, true, "12.5%"), (40.0, false, "40"), (2.5, false, "2.5")];
        for (value, percent, expected) in cases {
            assert_eq!(tick_text(value, percent), expected);
        }
    }
}
