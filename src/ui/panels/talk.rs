//! The Talk tab: one whole talk as it was written — title, date and where the date came from,
//! file and line, the Q&A laid out as questions and answers, the body paragraphs, and what the
//! mojibake repair changed inside it.

use super::Look;
use crate::corpus::TextFile;
use crate::corpus::repair::LOW_CONFIDENCE;
use crate::index::TalkEntry;
use crate::parse::{Passage, Role};
use crate::ui::i18n::Str;
use crate::ui::snapshot::Snapshot;
use egui::{Frame, Margin, RichText, ScrollArea, Ui};

/// Passages drawn at most; a "talk" that is a whole book stays responsive.
const MAX_PASSAGES: usize = 3000;

/// Draws talk number `index` of `snapshot`, or a hint when no talk is selected.
pub fn show(ui: &mut Ui, look: &Look, snapshot: &Snapshot, index: Option<usize>) {
    let entry = index.and_then(|i| snapshot.corpus.talks.get(i));
    let Some((entry, file)) = entry.and_then(|e| Some((e, snapshot.corpus.file(e.file)?))) else {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| ui.weak(look.t(Str::NoTalkSelected)));
        return;
    };
    ScrollArea::vertical().auto_shrink([false, false]).id_salt(("talk", index)).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        header(ui, look, entry, file);
        ui.separator();
        passages(ui, look, entry, file);
        ui.add_space(12.0);
        repairs(ui, look, entry, file);
    });
}

fn header(ui: &mut Ui, look: &Look, entry: &TalkEntry, file: &TextFile) {
    let talk = &entry.talk;
    ui.add(egui::Label::new(RichText::new(&talk.title).heading()).wrap());
    ui.horizontal_wrapped(|ui| {
        let date = talk.date.map_or_else(|| look.t(Str::Undated).to_owned(), |d| d.to_string());
        ui.label(RichText::new(date).strong());
        ui.weak(format!("({} {})", look.t(Str::DateFrom), talk.date_source.as_str()));
        ui.weak("·");
        ui.monospace(format!("{}:{}", file.path, talk.line));
        ui.weak(format!("· {} · {} {}", file.encoding, talk.qa_pairs(), look.t(Str::QaPairs)));
    });
}

fn passages(ui: &mut Ui, look: &Look, entry: &TalkEntry, file: &TextFile) {
    let all = &entry.talk.passages;
    for passage in all.iter().filter(|p| p.role != Role::Title).take(MAX_PASSAGES) {
        let text = file.text.get(passage.range.clone()).unwrap_or_default().trim();
        if text.is_empty() {
            continue;
        }
        match passage.role {
            Role::Question => qa(ui, look, passage, text, Str::Question),
            Role::Answer => qa(ui, look, passage, text, Str::Answer),
            Role::Body | Role::Title => {
                ui.add(egui::Label::new(text).wrap());
                ui.add_space(4.0);
            }
        }
    }
    if all.len() > MAX_PASSAGES {
        ui.weak(format!("… {} {} {MAX_PASSAGES}", all.len() - MAX_PASSAGES, look.t(Str::PassagesHidden)));
    }
}

/// A question or an answer: a tinted block with its pair number, answers indented under their
/// question so that pairs read as pairs.
fn qa(ui: &mut Ui, look: &Look, passage: &Passage, text: &str, label: Str) {
    let (colour, indent) =
        if label == Str::Question { (look.palette.question, 0) } else { (look.palette.answer, 24) };
    let number = passage.qa_index.map_or(String::new(), |n| n.to_string());
    Frame::new()
        .fill(colour.gamma_multiply(0.08))
        .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.35)))
        .corner_radius(4.0)
        .inner_margin(Margin::symmetric(10, 6))
        .outer_margin(Margin { left: indent, right: 0, top: 2, bottom: 2 })
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(format!("{}{number}", look.t(label))).strong().color(colour));
                ui.add(egui::Label::new(text).wrap());
            });
        });
}

fn repairs(ui: &mut Ui, look: &Look, entry: &TalkEntry, file: &TextFile) {
    ui.label(RichText::new(look.t(Str::RepairInTalk)).strong());
    let report = &file.repair;
    let Some(family) = report.family else {
        ui.weak(look.t(Str::RepairNothing));
        return;
    };
    let range = &entry.talk.range;
    let spans: Vec<_> = report.spans.iter().filter(|s| range.contains(&s.range.start)).collect();
    let note = format!("{} {}.", look.t(Str::RepairFileNote), family.wrong_decoder());
    ui.label(RichText::new(note).color(look.palette.repaired));
    ui.weak(format!(
        "{}: {} · {}: {} · {}: {}",
        look.t(Str::LinesRepaired),
        report.lines_repaired,
        look.t(Str::CharsRestored),
        report.chars_restored,
        look.t(Str::GuessesHere),
        spans.len()
    ));
    for span in spans {
        ui.horizontal(|ui| {
            ui.monospace(format!("{:?}", span.before));
            ui.label("→");
            ui.label(RichText::new(&span.after).strong());
            let confidence = RichText::new(format!("{} {:.2}", look.t(Str::Confidence), span.confidence));
            let confidence = if span.confidence < LOW_CONFIDENCE {
                confidence.color(look.palette.failure)
            } else {
                confidence.weak()
            };
            ui.label(confidence);
        });
    }
}
