//! A small overlay with the CPU time of recent frames (F12 or View ▸ Show frame time), so
//! responsiveness can be checked on a real corpus under real interaction, not guessed.

use super::Look;
use crate::ui::i18n::Str;
use egui::{Align2, Area, Context, Frame, Id, RichText};
use std::collections::VecDeque;

/// Frames the statistics look back over.
pub const WINDOW: usize = 300;

/// The CPU time of the last [`WINDOW`] frames, in seconds.
#[derive(Debug, Clone, Default)]
pub struct FrameTimes {
    samples: VecDeque<f32>,
    /// Whether the overlay is shown.
    pub shown: bool,
}

/// Summary of the recorded frames, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// The latest frame.
    pub last: f32,
    /// Median.
    pub median: f32,
    /// 95th percentile.
    pub p95: f32,
    /// Slowest.
    pub max: f32,
    /// Frames counted.
    pub frames: usize,
}

impl FrameTimes {
    /// Records the previous frame's CPU time, when the integration knows it.
    pub fn record(&mut self, seconds: Option<f32>) {
        let Some(seconds) = seconds else { return };
        if self.samples.len() == WINDOW {
            self.samples.pop_front();
        }
        self.samples.push_back(seconds);
    }

    /// The statistics of the recorded frames, if any.
    pub fn stats(&self) -> Option<Stats> {
        let last = *self.samples.back()?;
        let mut sorted: Vec<f32> = self.samples.iter().copied().collect();
        sorted.sort_by(f32::total_cmp);
        let at = |q: f32| {
            let index = ((sorted.len() - 1) as f32 * q).round() as usize;
            sorted.get(index).copied().unwrap_or(last) * 1000.0
        };
        Some(Stats {
            last: last * 1000.0,
            median: at(0.5),
            p95: at(0.95),
            max: at(1.0),
            frames: sorted.len(),
        })
    }
}

/// Draws the overlay in the top-right corner when it is switched on.
pub fn show(ctx: &Context, look: &Look, times: &FrameTimes) {
    if !times.shown {
        return;
    }
    let text = times.stats().map_or_else(
        || format!("{}: —", look.t(Str::FrameTime)),
        |s| {
            format!(
                "{}: {:.1} ms · median {:.1} · p95 {:.1} · max {:.1} ({} {})",
                look.t(Str::FrameTime),
                s.last,
                s.median,
                s.p95,
                s.max,
                s.frames,
                look.t(Str::Frames)
            )
        },
    );
    // Bottom right, over the status bar: at the top it covered the views' buttons.
    Area::new(Id::unique("frame-time"))
        .anchor(Align2::RIGHT_BOTTOM, [-12.0, -28.0])
        .interactable(false)
        .show(ctx, |ui| {
            Frame::popup(ui.style()).show(ui, |ui| ui.label(RichText::new(text).monospace()));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_cover_the_last_window_only() {
        let mut times = FrameTimes::default();
        assert!(times.stats().is_none());
        times.record(Some(1.0));
        for i in 0..WINDOW {
            times.record(Some(i as f32 / 1000.0));
        }
        times.record(None);
        let stats = times.stats().unwrap();
        assert_eq!(stats.frames, WINDOW);
        assert_eq!(stats.max, (WINDOW - 1) as f32, "the old 1 s frame fell out of the window");
        assert_eq!(stats.last, (WINDOW - 1) as f32);
    }
}
