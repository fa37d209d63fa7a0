//! Every chart kind rendered headless to SVG, PNG and CSV from the embedded corpus: the SVG is
//! XML with its labels as text, the PNG has the size its scale asks for, the CSV holds the very
//! numbers of the analyses, and a folder that cannot be written gets a clear error and keeps
//! nothing of a failed export.

// Helpers outside #[test] functions count as non-test code for clippy; here too a failed
// unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use stackradar::analysis::graph::GraphOptions;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::timeline::Measure;
use stackradar::analysis::{Analyses, Filter};
use stackradar::chart::{self, Chart, ChartKind, Provenance};
use stackradar::corpus::{LoadOptions, Source};
use stackradar::export::charts::{self as chart_files, ChartOptions};
use stackradar::export::{ExportError, png, svg};
use stackradar::index::Corpus;
use std::collections::HashMap;
use std::sync::OnceLock;

fn embedded() -> &'static (Corpus, Analyses) {
    static DATA: OnceLock<(Corpus, Analyses)> = OnceLock::new();
    DATA.get_or_init(|| {
        let corpus = Corpus::load(&Source::Embedded, &LoadOptions::default()).unwrap();
        let analyses = Analyses::run(
            &corpus,
            &Filter::default(),
            Granularity::Year,
            &GraphOptions::default(),
            &HashMap::new(),
        );
        (corpus, analyses)
    })
}

fn charts() -> Vec<Chart> {
    let (corpus, analyses) = embedded();
    chart::all(corpus, analyses, &[])
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let word = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

fn csv_rows(bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect())
        .collect()
}

#[test]
fn every_kind_renders_to_svg_and_png_with_its_labels() {
    let charts = charts();
    assert_eq!(charts.iter().map(|c| c.kind).collect::<Vec<_>>(), ChartKind::ALL);
    for chart in &charts {
        assert!(!chart.table.rows.is_empty(), "{:?} plots something", chart.kind);
        assert!(chart.marks.iter().any(|m| m.query.is_some()), "{:?} has clickable marks", chart.kind);
        let rendered = chart_files::render(chart, &ChartOptions::default()).unwrap();
        let doc =
            roxmltree::Document::parse(&rendered.svg).unwrap_or_else(|e| panic!("{:?}: {e}", chart.kind));
        let labels: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("aria-label")).collect();
        assert!(labels.contains(&chart.title.as_str()), "{:?}: the title is kept as text", chart.kind);
        for label in chart.labels.iter().filter(|l| !l.text.trim().is_empty()) {
            assert!(
                labels.contains(&label.text.as_str()),
                "{:?}: label {:?} missing",
                chart.kind,
                label.text
            );
        }
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "text"),
            "{:?}: text is drawn as outlines, not left to the viewer's fonts",
            chart.kind
        );
        let (w, h) = png_size(&rendered.png);
        assert_eq!((w, h), ((chart.width * 2.0).round() as u32, (chart.height * 2.0).round() as u32));
    }
}

#[test]
fn png_size_follows_the_scale() {
    let chart = &charts()[0];
    let svg = svg::to_svg(chart);
    let cases = [(1.0, 1.0), (1.5, 1.5), (2.0, 2.0), (4.0, 4.0), (0.5, 1.0), (9.0, 4.0)];
    for (asked, used) in cases {
        let (w, h) = png_size(&png::from_svg(&svg, asked).unwrap());
        assert_eq!(
            (w, h),
            ((chart.width * used).round() as u32, (chart.height * used).round() as u32),
            "scale {asked}"
        );
    }
}

#[test]
fn chinese_labels_are_outlined_and_kept_as_text() {
    let (corpus, analyses) = embedded();
    let chart = chart::build(ChartKind::Matrix, corpus, analyses, &[]);
    let chinese: Vec<&str> = chart
        .labels
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .collect();
    assert!(!chinese.is_empty(), "the embedded corpus has organisations written in Chinese");
    let svg = svg::to_svg(&chart);
    for name in chinese {
        let needle = format!("aria-label=\"{name}\"");
        let at = svg.find(&needle).unwrap_or_else(|| panic!("{name} kept as text"));
        let path = &svg[at..svg[at..].find("</path>").map_or(svg.len(), |e| at + e)];
        assert!(path.contains(" d=\"M"), "{name} drawn as an outline");
    }
}

#[test]
fn the_caption_is_there_unless_turned_off() {
    let (corpus, _) = embedded();
    let chart = &charts()[2];
    let provenance = Provenance::new(corpus, &Filter::default());
    let with =
        chart_files::render(chart, &ChartOptions { scale: 1.0, provenance: Some(provenance) }).unwrap();
    let without = chart_files::render(chart, &ChartOptions { scale: 1.0, provenance: None }).unwrap();
    assert!(with.svg.contains("filter: all talks") && with.svg.contains(&corpus.name));
    assert!(!without.svg.contains("filter: all talks"));
    let (_, h_with) = png_size(&with.png);
    let (_, h_without) = png_size(&without.png);
    assert_eq!(h_with - h_without, chart::CAPTION_BAND as u32);
}

#[test]
fn csv_numbers_are_the_analysis_numbers() {
    let (corpus, analyses) = embedded();
    let id = |tool| corpus.catalog.tool(tool).unwrap().id.clone();
    for chart in charts() {
        let rows = csv_rows(&chart_files::render(&chart, &ChartOptions::default()).unwrap().csv);
        assert_eq!(rows.len(), chart.table.rows.len());
        match chart.kind {
            ChartKind::Timeline | ChartKind::Compare => {
                // The embedded corpus has no talk in 2021: its lines have a gap there.
                assert!(rows.iter().any(|r| r["period"] == "2021" && r["value"].is_empty()));
                for row in &rows {
                    let series = analyses.timeline.series.iter().find(|s| id(s.tool) == row["tool"]).unwrap();
                    let p = analyses
                        .timeline
                        .periods
                        .iter()
                        .position(|p| p.to_string() == row["period"])
                        .unwrap();
                    let value = analyses.timeline.values(series, Measure::ShareOfTalks)[p];
                    if analyses.timeline.talks[p] == 0 {
                        // No talk at all that period: a gap, written as an empty cell, not 0.
                        assert_eq!(row["value"], "", "period {}", row["period"]);
                    } else {
                        assert!((row["value"].parse::<f64>().unwrap() - value).abs() < 1e-6);
                    }
                    assert_eq!(row["talks"], series.talks[p].to_string());
                }
            }
            ChartKind::TopTools => {
                for (row, series) in rows.iter().zip(&analyses.timeline.series) {
                    assert_eq!(row["tool"], id(series.tool));
                    assert_eq!(row["talks"], series.talks.iter().sum::<u32>().to_string());
                }
            }
            ChartKind::Matrix => {
                let m = &analyses.matrix;
                for row in &rows {
                    let r = m.orgs.iter().position(|o| corpus.postings.org_name(*o) == row["org"]).unwrap();
                    let c = m.tools.iter().position(|t| id(*t) == row["tool"]).unwrap();
                    let cell = m.cells[r][c].unwrap();
                    assert_eq!(row["talks"], cell.talks.to_string());
                    assert_eq!(row["uses"], cell.stances[0].to_string());
                }
            }
            ChartKind::Radar => {
                for row in &rows {
                    let blip = analyses.radar.iter().find(|b| id(b.tool) == row["tool"]).unwrap();
                    assert_eq!(
                        (row["ring"].as_str(), row["talks"].clone()),
                        (blip.ring.label(), blip.talks.to_string())
                    );
                }
            }
            ChartKind::Graph => {
                let g = &analyses.graph;
                // The edges drawn, and only those, are in the table: the strongest, weakest first.
                let edges: Vec<_> = rows.iter().filter(|r| r["element"] == "edge").collect();
                let drawn = stackradar::chart::network::drawn_edges(g, 0.0);
                assert_eq!(edges.len(), drawn.len().min(stackradar::chart::network::DRAWN_EDGES));
                for (row, &i) in edges.iter().zip(&drawn) {
                    let edge = &g.edges[i];
                    assert_eq!(
                        (row["a"].clone(), row["talks"].clone()),
                        (id(g.nodes[edge.a].tool), edge.talks.together.to_string())
                    );
                }
                let weakest_drawn = drawn.first().map_or(0.0, |&i| g.edges[i].weight);
                let stronger_left_out = (0..g.edges.len())
                    .filter(|i| !drawn.contains(i))
                    .any(|i| g.edges[i].weight > weakest_drawn);
                assert!(!stronger_left_out, "no edge stronger than a drawn one is left out");
                assert_eq!(rows.iter().filter(|r| r["element"] == "node").count(), g.nodes.len());
            }
            ChartKind::CategoryShare => {
                for row in rows.iter().filter(|r| r["category"] != "other categories") {
                    let p = analyses
                        .timeline
                        .periods
                        .iter()
                        .position(|p| p.to_string() == row["period"])
                        .unwrap();
                    let (_, talks) = analyses
                        .timeline
                        .category_talks
                        .iter()
                        .find(|(c, _)| c.as_str().replace('-', " ") == row["category"])
                        .unwrap();
                    assert_eq!(row["talks"], talks[p].to_string());
                }
            }
        }
    }
}

#[test]
fn an_unwritable_target_is_a_clear_error_and_leaves_nothing() {
    let chart = &charts()[2];
    let options = ChartOptions { scale: 1.0, provenance: None };
    // A "folder" that is a file: nobody, root included, can write into it.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let error = chart_files::export_chart(chart, &file, &options, false).unwrap_err();
    assert!(matches!(error, ExportError::Io { .. }), "{error}");
    assert!(error.to_string().contains("cannot write"), "{error}");
    // The last of the three files cannot be written (a folder has its name): the two written
    // before it are removed again.
    let target = tempfile::tempdir().unwrap();
    std::fs::create_dir(target.path().join(format!("{}.csv", chart.kind.file_stem()))).unwrap();
    assert!(chart_files::export_chart(chart, target.path(), &options, true).is_err());
    let left: Vec<_> = std::fs::read_dir(target.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 1, "only the folder that was there: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_a_clear_error_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let chart = &charts()[2];
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let enforced = std::fs::write(dir.path().join("probe"), b"").is_err();
    let result = chart_files::export_chart(chart, dir.path(), &ChartOptions::default(), false);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    if enforced {
        let error = result.unwrap_err();
        assert!(error.to_string().contains("may not be written"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    } else {
        // Running as root: permissions do not bind, so the export must simply succeed whole.
        assert_eq!(result.unwrap().len(), 3);
    }
}

#[test]
fn existing_files_are_not_replaced_without_consent() {
    let chart = &charts()[2];
    let dir = tempfile::tempdir().unwrap();
    let png_path = dir.path().join(format!("{}.png", chart.kind.file_stem()));
    std::fs::write(&png_path, b"mine").unwrap();
    let error = chart_files::export_chart(chart, dir.path(), &ChartOptions::default(), false).unwrap_err();
    assert!(
        matches!(&error, ExportError::WouldReplace(paths) if paths == std::slice::from_ref(&png_path)),
        "{error}"
    );
    assert_eq!(std::fs::read(&png_path).unwrap(), b"mine");
    chart_files::export_chart(chart, dir.path(), &ChartOptions::default(), true).unwrap();
    assert_ne!(std::fs::read(&png_path).unwrap(), b"mine");
}
