//! The analytic views driven through the accessibility tree with egui_kittest, on the embedded
//! corpus: the Timeline, Graph and Evidence tabs show their content; choosing technologies
//! draws their series; clicking a point or a node opens evidence that names the technology;
//! Ctrl+F finds text and Esc goes back.

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

use common::{AppHarness, app, settle, show_tab};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stackradar::analysis::evidence::Query;
use stackradar::corpus::Source;
use stackradar::ui::state::Tab;

fn start() -> AppHarness {
    common::start_sized(Source::Embedded, None, egui::vec2(1500.0, 950.0))
}

/// Texts on screen (widget labels and plain labels' values) containing `text`, ignoring case.
fn labels_containing(harness: &AppHarness, text: &str) -> usize {
    let text = text.to_lowercase();
    harness
        .query_all_by(|n| {
            n.label().is_some_and(|l| l.to_lowercase().contains(&text))
                || n.value().is_some_and(|v| v.to_lowercase().contains(&text))
        })
        .count()
}

/// Every evidence passage on screen has a highlighted mention inside it, and the technology is
/// written as `text` (ignoring case) in at least one of them: aliases and misspellings such as
/// "Flanel" or "k8s" count as mentions too, so not every passage spells the name.
fn assert_evidence_contains(harness: &AppHarness, text: &str) {
    let app = app(harness);
    assert_eq!(app.selection().tab, Tab::Evidence);
    let (_, items) = app.evidence().expect("evidence was computed");
    assert!(!items.is_empty(), "some passage supports it");
    let corpus = &app.snapshot().unwrap().corpus;
    let mut spelled = 0;
    for item in items {
        let entry = &corpus.talks[item.talk as usize];
        let passage = &entry.talk.passages[item.passage as usize];
        let range = passage.range.clone();
        assert!(
            item.highlights.iter().any(|h| range.start <= h.start && h.end <= range.end),
            "a highlighted mention lies in the passage"
        );
        let passage_text = &corpus.file(entry.file).unwrap().text[range];
        spelled += usize::from(passage_text.to_lowercase().contains(&text.to_lowercase()));
    }
    assert!(spelled > 0, "some passage writes {text}");
    // The heading names it, and at least one line of the list shows it.
    assert!(labels_containing(harness, text) >= 2);
}

#[test]
fn the_analytic_tabs_show_their_content() {
    let mut harness = start();
    show_tab(&mut harness, "Timeline");
    assert!(labels_containing(&harness, "talks in all") >= 2, "the default series are summed up");
    harness.get_by_label("Share of each category among mentioned categories");
    show_tab(&mut harness, "Graph");
    let first = {
        let app = app(&harness);
        let node = &app.results().unwrap().graph.nodes[0];
        app.snapshot().unwrap().corpus.catalog.tool(node.tool).unwrap().name.clone()
    };
    harness.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(first.as_str()));
    show_tab(&mut harness, "Evidence");
    harness.get_by_label_contains("search the corpus (Ctrl+F)");
}

#[test]
fn choosing_calico_and_flannel_draws_both_and_a_point_opens_its_evidence() {
    let mut harness = start();
    show_tab(&mut harness, "Timeline");
    for name in ["Calico", "Flannel"] {
        let field = harness.get_by_role(Role::TextInput);
        field.focus();
        harness.run_steps(1);
        harness.get_by_role(Role::TextInput).type_text(name);
        harness.run_steps(1);
        harness.get_by(|n| n.role() == Role::CheckBox && n.label().as_deref() == Some(name)).click();
        settle(&mut harness);
        harness.get_by_role(Role::TextInput).focus();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness.key_press(Key::Backspace);
        settle(&mut harness);
    }
    assert_eq!(app(&harness).settings().timeline.tools, ["calico", "flannel"]);
    harness.get_by_label_contains("Calico — ");
    harness.get_by_label_contains("Flannel — ");
    let point = harness
        .query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Flannel 2")))
        .next()
        .expect("Flannel's points are buttons");
    point.click();
    settle(&mut harness);
    let (request, _) = app(&harness).evidence().unwrap();
    assert!(matches!(request.query, Query::ToolInPeriod(..)));
    assert_evidence_contains(&harness, "flannel");
}

#[test]
fn clicking_a_graph_node_opens_evidence_naming_it() {
    let mut harness = start();
    show_tab(&mut harness, "Graph");
    let (name, tool) = {
        let app = app(&harness);
        let corpus = &app.snapshot().unwrap().corpus;
        let node = app.results().unwrap().graph.nodes.iter().find(|n| {
            // A technology whose name is how the notes write it, so the text can be checked.
            let tech = corpus.catalog.tool(n.tool).unwrap();
            tech.name.eq_ignore_ascii_case(&tech.id)
        });
        let node = node.expect("a node named as written");
        (corpus.catalog.tool(node.tool).unwrap().name.clone(), node.tool)
    };
    harness.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(name.as_str())).click();
    settle(&mut harness);
    assert_eq!(app(&harness).evidence().unwrap().0.query, Query::Tool(tool));
    assert_evidence_contains(&harness, &name);
}

#[test]
fn ctrl_f_finds_text_and_esc_goes_back() {
    let mut harness = start();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    assert_eq!(app(&harness).selection().tab, Tab::Evidence);
    harness.get_by_role(Role::TextInput).type_text("监控");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert_eq!(app(&harness).evidence().unwrap().0.query, Query::Text("监控".into()));
    assert_evidence_contains(&harness, "监控");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(app(&harness).selection().tab, Tab::Overview, "Esc goes back");
}
