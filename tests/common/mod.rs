//! Driving the real app in egui_kittest, shared by the GUI test files: starting it on a
//! source, stepping until it is idle, finding tabs and chart marks, clicking where a user would.

// Helpers outside #[test] functions count as non-test code for clippy; here a failed unwrap is a
// failed test, which is what we want. Not every test file uses every helper.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    dead_code,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use stackradar::analysis::evidence::Query;
use stackradar::chart::{ChartKind, Shape};
use stackradar::corpus::Source;
use stackradar::ui::App;
use stackradar::ui::dialogs::NoDialogs;
use stackradar::ui::state::Tab;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The app in a harness; the app is made on the first frame, on the harness's own context.
pub type AppHarness = Harness<'static, Option<App>>;

/// The app on `source` with stored settings `stored`, in a `size` window, once loaded.
pub fn start_sized(source: Source, stored: Option<&'static str>, size: egui::Vec2) -> AppHarness {
    let mut harness = HarnessBuilder::default()
        .with_size(size)
        .with_max_steps(8)
        .with_context_setup(stackradar::ui::fonts::install)
        .build_ui_state(
            move |ui, app: &mut Option<App>| {
                let app = app
                    .get_or_insert_with(|| App::new(ui.ctx(), stored, Arc::new(NoDialogs), source.clone()));
                app.show(ui);
            },
            None,
        );
    settle(&mut harness);
    harness
}

/// [`start_sized`] in a laptop-sized window.
pub fn start(source: Source, stored: Option<&'static str>) -> AppHarness {
    start_sized(source, stored, egui::vec2(1400.0, 900.0))
}

pub fn app(harness: &AppHarness) -> &App {
    harness.state().as_ref().expect("the app is made on the first frame")
}

pub fn app_mut(harness: &mut AppHarness) -> &mut App {
    harness.state_mut().as_mut().expect("the app is made on the first frame")
}

/// Steps until nothing loads, computes or waits for a dialog, then twice more so the results
/// are drawn.
pub fn settle(harness: &mut AppHarness) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        harness.step();
        let busy =
            harness.state().as_ref().is_none_or(|a| a.is_loading() || a.is_computing() || a.is_dialog_open());
        if !busy {
            break;
        }
        assert!(Instant::now() < deadline, "loading or computing took more than a minute");
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(2);
}

/// The tab button whose label starts with `name`.
pub fn tab<'a>(harness: &'a AppHarness, name: &'a str) -> egui_kittest::Node<'a> {
    harness
        .get_by(move |node| node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(name)))
}

/// Clicks the tab named `name` and waits for what it shows.
pub fn show_tab(harness: &mut AppHarness, name: &str) {
    tab(harness, name).click();
    settle(harness);
}

/// The screen position of the first mark of `kind`'s chart whose evidence `wanted` accepts.
pub fn mark_position(
    harness: &AppHarness,
    kind: ChartKind,
    wanted: impl Fn(&Query) -> bool,
) -> (egui::Pos2, Query) {
    let chart = app(harness).chart(kind).expect("the chart is built");
    let node = harness.get_by(|n| n.role() == Role::Image && n.label().is_some_and(|l| l == chart.title));
    let rect = node.rect();
    let scale = rect.width() / chart.width;
    let mark = chart.marks.iter().find(|m| m.query.as_ref().is_some_and(&wanted)).expect("a clickable mark");
    let centre = match &mark.shape {
        Shape::Rect { x, y, w, h } => [x + w / 2.0, y + h / 2.0],
        Shape::Circle { centre, .. } => *centre,
        other => panic!("unexpected mark {other:?}"),
    };
    (rect.min + egui::vec2(centre[0], centre[1]) * scale, mark.query.clone().unwrap())
}

/// A press and release at `pos`, after hovering it, as a mouse click.
pub fn click_at(harness: &mut AppHarness, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.drag_at(pos);
    harness.drop_at(pos);
    harness.run_steps(2);
}

/// After a click on a mark: the Evidence tab shows the passages of `query`; their talks.
pub fn evidence_talks(harness: &mut AppHarness, query: &Query) -> Vec<u32> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app(harness).evidence().is_none_or(|(request, _)| &request.query != query)
        || app(harness).is_computing()
    {
        assert!(Instant::now() < deadline, "evidence took more than a minute");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(app(harness).selection().tab, Tab::Evidence);
    let (_, items) = app(harness).evidence().unwrap();
    assert!(!items.is_empty(), "the mark has passages");
    items.iter().map(|item| item.talk).collect()
}

/// Steps until the running export, if any, is written.
pub fn wait_for_export(harness: &mut AppHarness) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app(harness).is_exporting() {
        assert!(Instant::now() < deadline, "export took more than a minute");
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(2);
}
