//! The Evidence tab: the passages behind a click on a chart or the graph, or behind a search,
//! one keyword-in-context line each with the mentions marked. A line opens its talk at that
//! passage. The search field (Ctrl+F) lives here too, since its results are evidence.

use super::highlight::{self, Marking};
use super::{Look, count};
use crate::analysis::evidence::{Item, Query};
use crate::index::Corpus;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::names;
use crate::ui::results::{EVIDENCE_LIMIT, EvidenceRequest};
use crate::ui::snapshot::Snapshot;
use egui::{Key, Label, RichText, ScrollArea, Sense, TextEdit, Ui};
use std::sync::Arc;

/// Height of one line of the list.
const ROW_HEIGHT: f32 = 24.0;

/// The search field's text and whether it should take the keyboard focus.
#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    /// What is typed.
    pub text: String,
    /// Focus the field on the next frame (Ctrl+F).
    pub focus: bool,
}

/// Draws the search field, then the evidence of `wanted` — or, while it is computed, the last
/// evidence shown (`shown`), marked as such.
pub fn show(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    wanted: Option<&EvidenceRequest>,
    shown: Option<(&EvidenceRequest, &Arc<Vec<Item>>)>,
    search: &mut SearchBox,
    out: &mut Vec<Command>,
) {
    search_field(ui, look, search, out);
    ui.add_space(6.0);
    let Some(wanted) = wanted else {
        ui.weak(look.t(Str::EvidenceHint));
        return;
    };
    let corpus = &snapshot.corpus;
    ui.horizontal(|ui| {
        ui.label(RichText::new(describe(corpus, &wanted.query)).heading());
        match shown {
            Some((request, items)) if request == wanted => {
                let mut note = format!("{} {}", count(items.len()), look.t(Str::PassagesCount));
                if items.len() >= EVIDENCE_LIMIT {
                    note.push_str(&format!(" ({})", look.t(Str::FirstShown)));
                }
                ui.weak(note);
            }
            _ => {
                ui.spinner();
                ui.weak(look.t(Str::Computing));
            }
        }
    });
    let Some((_, items)) = shown else { return };
    if items.is_empty() {
        ui.weak(look.t(Str::NoEvidence));
        return;
    }
    ui.weak(look.t(Str::ClickPassage));
    ui.separator();
    let marking = Marking::body(ui, look.palette.bars);
    ScrollArea::vertical().auto_shrink([false, false]).show_rows(ui, ROW_HEIGHT, items.len(), |ui, rows| {
        for item in items.get(rows).unwrap_or_default() {
            row(ui, look, corpus, item, &marking, out);
        }
    });
}

fn search_field(ui: &mut Ui, look: &Look, search: &mut SearchBox, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let field = ui.add(
            TextEdit::singleline(&mut search.text)
                .hint_text(format!("{} (Ctrl+F)", look.t(Str::SearchCorpus)))
                .desired_width(360.0),
        );
        if std::mem::take(&mut search.focus) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if (ui.button(look.t(Str::Search)).clicked() || entered) && !search.text.trim().is_empty() {
            out.push(Command::Search(search.text.trim().to_owned()));
        }
    });
}

fn row(ui: &mut Ui, look: &Look, corpus: &Corpus, item: &Item, marking: &Marking, out: &mut Vec<Command>) {
    let Some(entry) = corpus.talks.get(item.talk as usize) else { return };
    let Some(file) = corpus.file(entry.file) else { return };
    let Some(passage) = entry.talk.passages.get(item.passage as usize) else { return };
    let text = file.text.get(passage.range.clone()).unwrap_or_default();
    let base = passage.range.start;
    let marks: Vec<_> = item
        .highlights
        .iter()
        .filter(|r| r.start >= base)
        .map(|r| r.start - base..r.end.saturating_sub(base))
        .collect();
    let (line, marks) = highlight::keyword_in_context(text, &marks);
    ui.horizontal(|ui| {
        let date = item.date.map_or_else(|| "—".to_owned(), |d| d.to_string());
        ui.add_sized([84.0, ROW_HEIGHT - 4.0], Label::new(RichText::new(date).monospace().weak()));
        let role = RichText::new(names::role(item.role, look.lang)).small().color(look.palette.muted);
        ui.add_sized([56.0, ROW_HEIGHT - 4.0], Label::new(role));
        let response = ui
            .add(Label::new(highlight::marked(&line, &marks, marking)).truncate().sense(Sense::click()))
            .on_hover_text(format!("{}\n{}:{}", entry.talk.title, file.path, passage.line));
        if response.clicked() {
            out.push(Command::OpenPassage { talk: item.talk as usize, passage: item.passage });
        }
    });
}

/// What the evidence is for, in words: "Calico", "Calico + Flannel", "Calico · 2021-Q3"…
pub fn describe(corpus: &Corpus, query: &Query) -> String {
    let tool = |t| corpus.catalog.tool(t).map_or("?", |tech| tech.name.as_str());
    let org = |o| corpus.postings.org_name(o);
    match query {
        Query::Tool(t) => tool(*t).to_owned(),
        Query::Pair(a, b) => format!("{} + {}", tool(*a), tool(*b)),
        Query::ToolInPeriod(t, period) => format!("{} · {period}", tool(*t)),
        Query::Org(o) => org(*o).to_owned(),
        Query::Cell(o, t) => format!("{} · {}", org(*o), tool(*t)),
        Query::Migration(a, b) => format!("{} → {}", tool(*a), tool(*b)),
        Query::Text(text) => format!("“{text}”"),
    }
}
