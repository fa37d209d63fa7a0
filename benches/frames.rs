//! Frame CPU time of the desktop app on the embedded corpus, per tab, under interaction: the
//! pointer sweeping across the view (hover highlights, tooltips), and on the Graph tab a drag
//! that pans the picture. Run by hand: `cargo bench --bench frames`.
//!
//! A frame here is what the app's own thread does for one frame — building the UI
//! (`App::show` inside `Context::run`) and tessellating the shapes into meshes — driven headless
//! by egui_kittest. It leaves out rasterising, which a GPU does in parallel on a laptop; under a
//! software renderer (Xvfb, llvmpipe) that dominates wall time and says nothing about the app.
//! The F12 overlay in the app shows eframe's own figure, which includes handing the frame to the
//! GPU.

// A benchmark prints its figures and stops at the first error.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use egui_kittest::{Harness, HarnessBuilder};
use stackradar::corpus::Source;
use stackradar::ui::App;
use stackradar::ui::command::Command;
use stackradar::ui::dialogs::NoDialogs;
use stackradar::ui::state::Tab;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Frames timed per tab.
const FRAMES: usize = 300;
/// The window: a laptop screen.
const SIZE: egui::Vec2 = egui::vec2(1600.0, 1000.0);

type AppHarness = Harness<'static, Option<App>>;

fn app_mut(harness: &mut AppHarness) -> &mut App {
    harness.state_mut().as_mut().expect("made on the first frame")
}

/// Steps until the app has loaded and computed what it shows.
fn settle(harness: &mut AppHarness) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        harness.step();
        let busy = harness.state().as_ref().is_none_or(|a| a.is_loading() || a.is_computing());
        if !busy || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(3);
}

/// Where the pointer is in frame `i`: a sweep over the central view, back and forth.
fn pointer(i: usize) -> egui::Pos2 {
    let t = (i % 100) as f32 / 100.0;
    let sweep = if (i / 100).is_multiple_of(2) { t } else { 1.0 - t };
    egui::pos2(380.0 + sweep * 1150.0, 180.0 + ((i * 37) % 760) as f32)
}

/// One frame: the app's UI, then tessellation of its shapes, timed together.
fn frame(harness: &mut AppHarness) -> Duration {
    let started = Instant::now();
    harness.step();
    let output = harness.output();
    let meshes = harness.ctx.tessellate(output.shapes.clone(), output.pixels_per_point);
    let took = started.elapsed();
    std::hint::black_box(meshes.len());
    took
}

fn percentile(sorted: &[Duration], q: f64) -> f64 {
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at].as_secs_f64() * 1e3
}

fn main() {
    let mut harness: AppHarness = HarnessBuilder::default()
        .with_size(SIZE)
        .with_max_steps(8)
        .with_context_setup(stackradar::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut Option<App>| {
                let app = app
                    .get_or_insert_with(|| App::new(ui.ctx(), None, Arc::new(NoDialogs), Source::Embedded));
                app.show(ui);
            },
            None,
        );
    settle(&mut harness);
    println!("{FRAMES} frames per tab, {}×{} window; milliseconds per frame", SIZE.x, SIZE.y);
    println!("{:<10} {:>7} {:>7} {:>7}", "tab", "median", "p95", "max");
    for tab in Tab::ALL {
        app_mut(&mut harness).apply(Command::ShowTab(tab));
        settle(&mut harness);
        let mut times = Vec::with_capacity(FRAMES);
        for i in 0..FRAMES {
            let at = pointer(i);
            // On the Graph tab the middle third of the frames drag the picture.
            let dragging = tab == Tab::Graph && (FRAMES / 3..2 * FRAMES / 3).contains(&i);
            match (dragging, i == FRAMES / 3) {
                (true, true) => harness.drag_at(at),
                (false, _) if i == 2 * FRAMES / 3 && tab == Tab::Graph => harness.drop_at(at),
                _ => harness.hover_at(at),
            }
            times.push(frame(&mut harness));
        }
        let slowest = times.iter().enumerate().max_by_key(|(_, t)| **t).map_or(0, |(i, _)| i);
        times.sort();
        let (median, p95, max) = (percentile(&times, 0.5), percentile(&times, 0.95), percentile(&times, 1.0));
        println!(
            "{:<10} {median:>7.2} {p95:>7.2} {max:>7.2}  (slowest: frame {slowest})",
            format!("{tab:?}")
        );
    }
    filter_changes(&mut harness);
}

/// Frames while the filter changes: the analyses are computed off the UI thread, and the frame
/// that takes their result rebuilds the charts. Each year in turn, on the Overview.
fn filter_changes(harness: &mut AppHarness) {
    app_mut(harness).apply(Command::ShowTab(Tab::Overview));
    settle(harness);
    let mut times = Vec::new();
    for year in 2015..=2020 {
        let filter = stackradar::analysis::Filter {
            from: format!("{year}-01-01").parse().ok(),
            to: format!("{year}-12-31").parse().ok(),
            ..Default::default()
        };
        app_mut(harness).apply(Command::SetFilter(filter));
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            times.push(frame(harness));
            let busy = harness.state().as_ref().is_some_and(App::is_computing);
            if !busy || Instant::now() > deadline {
                break;
            }
        }
        for _ in 0..3 {
            times.push(frame(harness));
        }
    }
    times.sort();
    let (median, max) = (percentile(&times, 0.5), percentile(&times, 1.0));
    println!("filter change ({} frames over 6 changes): median {median:.2}, max {max:.2}", times.len());
}
