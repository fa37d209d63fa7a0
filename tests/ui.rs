//! The desktop app driven through its accessibility tree with egui_kittest: no window, no GPU.
//! Each test starts the real `App` on real data and clicks the way a user would.

// Helpers outside #[test] functions count as non-test code for clippy; here too a failed
// unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

mod common;

use common::{app, app_mut, click_at, evidence_talks, mark_position, settle, start, tab};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stackradar::corpus::Source;
use stackradar::ui::command::Command;
use stackradar::ui::settings::Settings;
use stackradar::ui::state::{Tab, Theme};
use std::time::{Duration, Instant};

fn fixture_with_binary_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("2021-05-06-notes.md"),
        "# 2021-05-06：微服务拆分\n\nQ1：为什么选择 Kafka？\n\nA1：吞吐量高，生态成熟。\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("blob.md"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    dir
}

#[test]
fn starts_on_the_embedded_corpus_with_data_visible() {
    let harness = start(Source::Embedded, None);
    let snapshot = app(&harness).snapshot().expect("the embedded corpus loaded");
    assert!(!snapshot.corpus.talks.is_empty());
    assert_eq!(app(&harness).selection().tab, Tab::Overview);
    harness.get_by_label("Talks per year");
    assert!(harness.query_all_by_label_contains("embedded sample corpus").count() >= 1);
}

#[test]
fn every_tab_shows_its_content() {
    let mut harness = start(Source::Embedded, None);
    tab(&harness, "Problems").click();
    harness.run_steps(2);
    assert_eq!(app(&harness).selection().tab, Tab::Problems);
    assert!(
        harness.query_by_label_contains("Invalid bytes replaced").is_some()
            || harness.query_by_label_contains("not read").is_some()
            || harness.query_by_label_contains("Mojibake").is_some()
            || harness.query_by_label_contains("Nothing was skipped").is_some()
    );
    tab(&harness, "Talk").click();
    harness.run_steps(2);
    harness.get_by_label("Select a talk in the list on the left.");
    tab(&harness, "Overview").click();
    harness.run_steps(2);
    harness.get_by_label("Talks per year");
}

#[test]
fn a_talk_selected_in_the_tree_shows_whole_with_its_qa() {
    let mut harness = start(Source::Embedded, None);
    let (index, title, question) = {
        let snapshot = app(&harness).snapshot().unwrap();
        // Among the first rows of the tree (files unfolded), a talk with Q&A pairs.
        let index = (0..20).find(|&i| snapshot.corpus.talks[i].talk.qa_pairs() > 0).expect("a talk with Q&A");
        let entry = &snapshot.corpus.talks[index];
        let file = snapshot.corpus.file(entry.file).unwrap();
        let question =
            entry.talk.passages.iter().find(|p| p.role == stackradar::parse::Role::Question).unwrap();
        (index, entry.talk.title.clone(), file.text[question.range.clone()].trim().to_owned())
    };
    harness.get_all_by_label_contains(&title).next().expect("the talk is in the tree").click();
    harness.run_steps(2);
    assert_eq!(app(&harness).selection().tab, Tab::Talk);
    assert_eq!(app(&harness).selection().talk, Some(index));
    harness.get_by_label(&question);
    assert!(harness.query_by_label("Q1").is_some(), "questions are numbered");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(app(&harness).selection().tab, Tab::Overview, "Esc goes back");
}

#[test]
fn the_problems_tab_lists_a_binary_file_of_a_folder() {
    let dir = fixture_with_binary_file();
    let mut harness = start(Source::Paths(vec![dir.path().to_path_buf()]), None);
    assert_eq!(app(&harness).snapshot().unwrap().corpus.talks.len(), 1);
    app_mut(&mut harness).apply(Command::ShowTab(Tab::Problems));
    harness.run_steps(2);
    harness.get_by_label_contains("Binary, not read");
    harness.get_by_label("blob.md");
    harness.get_by_label_contains("looks binary");
}

#[test]
fn settings_round_trip_and_a_damaged_value_is_reported() {
    let stored =
        r#"{"language":"ZhHans","theme":"Dark","tab":"Problems","recent":[["/notes"]],"last_folder":7}"#;
    let harness = start(Source::Embedded, Some(stored));
    let app = app(&harness);
    assert_eq!(app.selection().tab, Tab::Problems);
    let (saved, bad) = Settings::from_json(&app.settings_json());
    assert!(bad.is_empty());
    assert_eq!(saved.theme, Theme::Dark);
    assert_eq!(saved.tab, Tab::Problems);
    assert_eq!(saved.recent, vec![vec![std::path::PathBuf::from("/notes")]]);
    assert!(app.notices().iter().any(|n| n.contains("last_folder")));
    // The interface is in Chinese, drawn with the bundled font (kittest fails on missing glyphs).
    harness.get_by_label("概览");
}

#[test]
fn without_a_dialog_ctrl_o_offers_a_path_field_that_opens_the_folder() {
    let dir = fixture_with_binary_file();
    let mut harness = start(Source::Embedded, None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut harness);
    harness.get_by_label_contains("No file dialog is available");
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    harness.run_steps(1);
    harness.get_by_role(Role::TextInput).type_text(&dir.path().display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    settle(&mut harness);
    let snapshot = app(&harness).snapshot().unwrap();
    assert_eq!(snapshot.corpus.name, dir.path().display().to_string());
    assert_eq!(app(&harness).settings().recent[0], vec![dir.path().to_path_buf()]);
}

#[test]
fn cancelling_a_load_keeps_the_previous_corpus() {
    let dir = fixture_with_binary_file();
    let mut harness = start(Source::Embedded, None);
    let before = app(&harness).snapshot().unwrap().id;
    app_mut(&mut harness).apply(Command::Open(Source::Paths(vec![dir.path().to_path_buf()])));
    assert!(app(&harness).is_loading());
    app_mut(&mut harness).apply(Command::CancelLoad);
    settle(&mut harness);
    assert_eq!(app(&harness).snapshot().unwrap().id, before);
    assert!(app(&harness).notices().iter().any(|n| n.contains("cancelled")));
}

#[test]
fn the_chart_tabs_show_their_content() {
    let mut harness = start(Source::Embedded, None);
    tab(&harness, "Companies").click();
    harness.run_steps(2);
    harness.get_by_label("Organisations × technologies: talks and stance");
    tab(&harness, "Radar").click();
    harness.run_steps(2);
    harness.get_by_label("Technology radar from the talks");
    assert!(
        harness.query_all_by_label_contains("Broadly used and not declining").count()
            + harness.query_all_by_label_contains("Used by some teams").count()
            > 0,
        "blips are explained"
    );
    tab(&harness, "Compare").click();
    harness.run_steps(2);
    assert!(harness.query_all_by_label_contains(" compared: ").count() >= 1);
    assert!(harness.query_all_by_label("Mentioned with").count() >= 2, "one column per technology");
    tab(&harness, "Overview").click();
    harness.run_steps(2);
    harness.get_by_label("Most discussed technologies (talks mentioning each)");
}

#[test]
fn clicking_a_company_cell_opens_its_evidence() {
    use stackradar::analysis::evidence::Query;
    let mut harness = start(Source::Embedded, None);
    tab(&harness, "Companies").click();
    harness.run_steps(2);
    let (pos, query) =
        mark_position(&harness, stackradar::chart::ChartKind::Matrix, |q| matches!(q, Query::Cell(..)));
    click_at(&mut harness, pos);
    let Query::Cell(org, tool) = query.clone() else { panic!("the mark was chosen for this kind of query") };
    let talks = evidence_talks(&mut harness, &query);
    let app = app(&harness);
    let corpus = &app.snapshot().unwrap().corpus;
    for talk in talks {
        assert!(
            corpus.talk_mentions(talk).iter().any(|m| m.tool == tool),
            "the talk mentions the technology"
        );
        assert!(corpus.postings.talk_orgs[talk as usize].contains(&org), "and is the organisation's");
    }
}

#[test]
fn clicking_a_radar_blip_opens_its_evidence() {
    use stackradar::analysis::evidence::Query;
    let mut harness = start(Source::Embedded, None);
    tab(&harness, "Radar").click();
    harness.run_steps(2);
    let (pos, query) =
        mark_position(&harness, stackradar::chart::ChartKind::Radar, |q| matches!(q, Query::Tool(_)));
    click_at(&mut harness, pos);
    let Query::Tool(tool) = query.clone() else { panic!("the mark was chosen for this kind of query") };
    let talks = evidence_talks(&mut harness, &query);
    let corpus = &app(&harness).snapshot().unwrap().corpus;
    assert!(talks.iter().all(|&talk| corpus.talk_mentions(talk).iter().any(|m| m.tool == tool)));
}

#[test]
fn ctrl_e_exports_the_view_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = start(Source::Embedded, None);
    tab(&harness, "Radar").click();
    harness.run_steps(2);
    for attempt in 0..2 {
        if attempt == 1 {
            // The second export must replace the first: a file it writes again proves it did.
            std::fs::remove_file(dir.path().join("chart-radar.csv")).unwrap();
        }
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run_steps(2);
        harness.get_by_label("Export this chart");
        let field = harness.get_by_role(Role::TextInput);
        field.focus();
        harness.run_steps(1);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.get_by_role(Role::TextInput).type_text(&dir.path().display().to_string());
        harness.run_steps(1);
        harness.get_by_label("Export").click();
        harness.run_steps(2);
        if attempt == 1 {
            harness.get_by_label("These files exist and would be replaced:");
            harness.get_by_label("Replace");
            assert!(!dir.path().join("chart-radar.csv").exists(), "nothing is written before confirming");
            harness.get_by_label("Replace").click();
            harness.run_steps(2);
            assert!(app(&harness).is_exporting() || dir.path().join("chart-radar.csv").exists());
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while app(&harness).is_exporting() {
            assert!(Instant::now() < deadline, "export took more than a minute");
            harness.step();
            std::thread::sleep(Duration::from_millis(5));
        }
        harness.run_steps(2);
        for ext in ["png", "svg", "csv"] {
            assert!(dir.path().join(format!("chart-radar.{ext}")).exists(), "{ext} written");
        }
        let notices = app(&harness).notices().to_vec();
        assert!(notices.last().is_some_and(|n| n.starts_with("Exported 3")), "{notices:?}");
    }
}

/// A hostile folder (binary and empty files, a 12 MB line, deep nesting, a name that is not
/// UTF-8, a catalog that is not JSON) loads on a worker: frames keep being drawn while it loads,
/// and then the good notes are there and each bad file is listed with its problem.
#[test]
fn a_hostile_folder_loads_while_frames_keep_coming() {
    let dir = fixture_with_binary_file();
    let root = dir.path();
    std::fs::write(root.join("empty.md"), "").unwrap();
    std::fs::write(root.join("one-line.txt"), "Kubernetes 和 Istio，".repeat(500_000)).unwrap();
    let deep = (0..200).fold(root.to_path_buf(), |path, _| path.join("d"));
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.md"), "# 2019-01-01：深处的笔记\n\n我们用 Calico。\n").unwrap();
    std::fs::write(root.join("stackradar.catalog.json"), "{ not json").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"bad-\xff-name.md");
        std::fs::write(root.join(name), "# 2020-01-01：名字\n\nQ1：用 Cilium 吗？\n\nA1：用。\n").unwrap();
    }
    let mut harness = start(Source::Embedded, None);
    app_mut(&mut harness).apply(Command::Open(Source::Paths(vec![root.to_path_buf()])));
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut frames_while_loading = 0;
    while app(&harness).is_loading() {
        harness.step();
        frames_while_loading += 1;
        assert!(Instant::now() < deadline, "the load took more than a minute");
        std::thread::sleep(Duration::from_millis(1));
    }
    assert!(frames_while_loading > 0, "the UI drew no frame while loading");
    settle(&mut harness);
    let snapshot = app(&harness).snapshot().unwrap();
    assert_eq!(snapshot.corpus.name, root.display().to_string());
    let titles: Vec<&str> = snapshot.corpus.talks.iter().map(|t| t.talk.title.as_str()).collect();
    assert!(titles.iter().any(|t| t.contains("微服务拆分")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("深处的笔记")), "{titles:?}");
    let kinds = |path: &str| -> Vec<stackradar::ProblemKind> {
        snapshot.corpus.problems.iter().filter(|p| p.path.ends_with(path)).map(|p| p.kind).collect()
    };
    assert_eq!(kinds("blob.md"), [stackradar::ProblemKind::Binary]);
    // Once, as a catalog: not also as a file that is not a note.
    assert_eq!(kinds("stackradar.catalog.json"), [stackradar::ProblemKind::Catalog]);
}
