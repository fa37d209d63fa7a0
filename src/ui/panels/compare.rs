//! The Compare tab: two to five technologies side by side — their lines over time, then per
//! technology its talks, what it is mentioned with, who talks about it and the strongest
//! passages. Every entry opens its passages.

use super::Look;
use super::companies::header;
use crate::analysis::compare::Column;
use crate::analysis::evidence::{Item, Query};
use crate::analysis::timeline::Timeline;
use crate::catalog::ToolId;
use crate::chart::{Chart, tool_name};
use crate::index::Corpus;
use crate::ui::chart_view;
use crate::ui::charts::MAX_COMPARED;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use egui::{RichText, ScrollArea, Ui};

/// Technologies offered in the chooser, the most discussed first.
const OFFERED: usize = 80;
/// Characters of a passage shown as an example.
const EXAMPLE_CHARS: usize = 90;

/// What the Compare tab draws.
pub struct CompareView<'a> {
    /// The snapshot's corpus.
    pub corpus: &'a Corpus,
    /// Its timeline, for the chooser.
    pub timeline: &'a Timeline,
    /// The technologies compared.
    pub compared: &'a [ToolId],
    /// Their columns.
    pub columns: &'a [Column],
    /// Their chart.
    pub chart: Option<&'a Chart>,
}

/// Draws the comparison.
pub fn show(ui: &mut Ui, look: &Look, view: &CompareView<'_>, out: &mut Vec<Command>) {
    chooser(ui, look, view, out);
    let Some(chart) = view.chart.filter(|_| !view.compared.is_empty()) else {
        ui.weak(look.t(Str::CompareHint));
        return;
    };
    header(ui, look, chart, Str::CompareHint, out);
    ScrollArea::vertical().id_salt("compare").auto_shrink([false, false]).show(ui, |ui| {
        chart_view::show(ui, chart, out);
        ui.add_space(12.0);
        ui.columns(view.columns.len().max(1), |uis| {
            for (ui, column) in uis.iter_mut().zip(view.columns) {
                column_view(ui, look, view.corpus, column, out);
            }
        });
    });
}

fn chooser(ui: &mut Ui, look: &Look, view: &CompareView<'_>, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for &tool in view.compared {
            let chip = egui::Button::new(format!("{}  ×", tool_name(view.corpus, tool)));
            if ui.add(chip).on_hover_text(look.t(Str::Remove)).clicked() {
                let rest = view.compared.iter().copied().filter(|t| *t != tool).collect();
                out.push(Command::SetCompared(rest));
            }
        }
        ui.add_enabled_ui(view.compared.len() < MAX_COMPARED, |ui| {
            egui::ComboBox::from_id_salt("compare-add").selected_text(look.t(Str::AddTechnology)).show_ui(
                ui,
                |ui| {
                    for series in
                        view.timeline.series.iter().take(OFFERED).filter(|s| !view.compared.contains(&s.tool))
                    {
                        let talks: u32 = series.talks.iter().sum();
                        let text = format!("{} ({talks})", tool_name(view.corpus, series.tool));
                        if ui.add(egui::Button::selectable(false, text)).clicked() {
                            let mut more = view.compared.to_vec();
                            more.push(series.tool);
                            out.push(Command::SetCompared(more));
                        }
                    }
                },
            );
        });
    });
}

fn column_view(ui: &mut Ui, look: &Look, corpus: &Corpus, column: &Column, out: &mut Vec<Command>) {
    let name = tool_name(corpus, column.tool);
    if ui.link(RichText::new(&name).heading()).clicked() {
        out.push(Command::ShowEvidenceFor(Query::Tool(column.tool)));
    }
    ui.label(format!("{} {}", column.talks, look.t(Str::TalksCount)));
    ui.add_space(6.0);
    ui.label(RichText::new(look.t(Str::CoMentioned)).strong());
    for &(other, talks) in &column.co_mentioned {
        if ui.link(format!("{} ({talks})", tool_name(corpus, other))).clicked() {
            out.push(Command::ShowEvidenceFor(Query::Pair(column.tool, other)));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(look.t(Str::Organisations)).strong());
    for &(org, talks) in &column.orgs {
        if ui.link(format!("{} ({talks})", corpus.postings.org_name(org))).clicked() {
            out.push(Command::ShowEvidenceFor(Query::Cell(org, column.tool)));
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new(look.t(Str::Examples)).strong());
    for item in &column.examples {
        if ui.link(example(corpus, item)).clicked() {
            out.push(Command::SelectTalk(item.talk as usize));
        }
    }
}

/// The start of an example passage, on one line.
fn example(corpus: &Corpus, item: &Item) -> String {
    let text = corpus
        .talks
        .get(item.talk as usize)
        .and_then(|entry| {
            let passage = entry.talk.passages.get(item.passage as usize)?;
            corpus.file(entry.file)?.text.get(passage.range.clone())
        })
        .unwrap_or_default();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = flat.chars().take(EXAMPLE_CHARS).collect();
    if flat.chars().count() > EXAMPLE_CHARS {
        short.push('…');
    }
    short
}
