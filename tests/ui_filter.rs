//! The charts follow the filter: once the left panel narrows the corpus, every chart view, the
//! evidence behind a clicked mark and the exported files show the filtered analyses, and the
//! exported caption names the filter.

// A failed unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use common::{
    app, app_mut, click_at, evidence_talks, mark_position, settle, show_tab, start, wait_for_export,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stackradar::analysis::Filter;
use stackradar::analysis::evidence::Query;
use stackradar::analysis::timeline::Measure;
use stackradar::chart::ChartKind;
use stackradar::corpus::Source;
use stackradar::ui::command::Command;
use stackradar::ui::view_settings::TimelineSettings;

/// The talks of 2018 only: the embedded corpus has talks in other years too.
fn year_2018() -> Filter {
    Filter {
        from: "2018-01-01".parse().ok(),
        to: "2018-12-31".parse().ok(),
        exclude_undated: true,
        ..Filter::default()
    }
}

/// The periods a chart's table plots.
fn periods(harness: &common::AppHarness, kind: ChartKind) -> Vec<String> {
    let chart = app(harness).chart(kind).expect("the chart is built");
    let column = chart.table.header.iter().position(|h| h == "period").expect("a period column");
    chart.table.rows.iter().map(|row| row[column].clone()).collect()
}

#[test]
fn charts_evidence_and_exports_follow_the_filter() {
    let mut harness = start(Source::Embedded, None);
    let everything = periods(&harness, ChartKind::Timeline);
    assert!(everything.iter().any(|p| !p.starts_with("2018")), "the corpus spans several years");

    app_mut(&mut harness).apply(Command::SetFilter(year_2018()));
    settle(&mut harness);
    let filtered = periods(&harness, ChartKind::Timeline);
    assert!(!filtered.is_empty(), "2018 has talks");
    assert!(filtered.iter().all(|p| p.starts_with("2018")), "only 2018 is plotted: {filtered:?}");
    let top = app(&harness).chart(ChartKind::TopTools).unwrap().table.rows.len();
    assert!(top > 0, "the bars are drawn for 2018 too");

    // A cell of the matrix opens its evidence under the filter: every talk is from 2018.
    show_tab(&mut harness, "Companies");
    let (pos, query) = mark_position(&harness, ChartKind::Matrix, |q| matches!(q, Query::Cell(..)));
    click_at(&mut harness, pos);
    let talks = evidence_talks(&mut harness, &query);
    let (request, _) = app(&harness).evidence().unwrap();
    assert_eq!(request.filter, year_2018());
    let corpus = &app(&harness).snapshot().unwrap().corpus;
    for talk in talks {
        let date = corpus.talks[talk as usize].talk.date.expect("dated");
        assert_eq!(date.year(), 2018, "talk {talk} is from {date}");
    }

    // The Timeline view exports what it shows — its technologies, measure and smoothing — and
    // the caption names the filter.
    let view = TimelineSettings {
        tools: vec!["kubernetes".into(), "docker".into()],
        measure: Measure::Talks,
        smoothing: 1,
        ..TimelineSettings::default()
    };
    app_mut(&mut harness).apply(Command::SetTimeline(view));
    show_tab(&mut harness, "Timeline");
    let chart = app(&harness).chart(ChartKind::Timeline).unwrap();
    let legend: Vec<&str> = chart.legend.iter().map(|entry| entry.text.as_str()).collect();
    assert_eq!(legend, ["Kubernetes", "Docker"]);
    assert!(chart.title.contains("talks, averaged over 3 periods"), "{}", chart.title);
    for name in legend {
        let line = format!("{name} — ");
        assert_eq!(harness.query_all_by_label_contains(&line).count(), 1, "the view draws {name} too");
    }
    let dir = tempfile::tempdir().unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run_steps(2);
    folder_field(&harness).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    folder_field(&harness).type_text(&dir.path().display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    wait_for_export(&mut harness);
    let csv = std::fs::read_to_string(dir.path().join("chart-timeline.csv")).unwrap();
    let mut rows = csv.lines().skip(1);
    assert!(rows.all(|row| row.starts_with("2018")), "the exported numbers are 2018's:\n{csv}");
    assert!(csv.lines().skip(1).all(|row| row.contains(",kubernetes,") || row.contains(",docker,")));
    let svg = std::fs::read_to_string(dir.path().join("chart-timeline.svg")).unwrap();
    assert!(svg.contains("filter: 2018-01-01 to 2018-12-31"), "the caption names the filter");
}

/// The export window's folder field.
fn folder_field(harness: &common::AppHarness) -> egui_kittest::Node<'_> {
    harness.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some("Folder to write into"))
}
