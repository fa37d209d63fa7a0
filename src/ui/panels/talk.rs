//! The Talk tab: one whole talk as it was written — title, date and where the date came from,
//! file and line, organisations, the technologies it names, the Q&A laid out as questions and
//! answers with every mention marked, the body paragraphs, and what the mojibake repair changed
//! inside it. Opened from evidence, it shows the passage asked for, outlined.

use super::Look;
use super::highlight::{self, Marking};
use crate::corpus::TextFile;
use crate::corpus::repair::LOW_CONFIDENCE;
use crate::extract::Mention;
use crate::index::{Corpus, TalkEntry};
use crate::parse::{Passage, Role};
use crate::ui::i18n::Str;
use crate::ui::snapshot::Snapshot;
use egui::{Frame, Margin, RichText, ScrollArea, Stroke, Ui};
use std::collections::BTreeMap;

/// Passages drawn at most; a "talk" that is a whole book stays responsive.
const MAX_PASSAGES: usize = 3000;

/// The passage to show and whether it still has to be scrolled into view.
#[derive(Debug, Clone, Copy, Default)]
pub struct Target {
    /// The passage, by index in the talk.
    pub passage: Option<u32>,
    /// Scroll it into view on this frame (once: afterwards the user scrolls).
    pub scroll: bool,
}

/// Draws talk number `index` of `snapshot`, or a hint when no talk is selected.
pub fn show(ui: &mut Ui, look: &Look, snapshot: &Snapshot, index: Option<usize>, target: &mut Target) {
    let corpus = &snapshot.corpus;
    let entry = index.and_then(|i| corpus.talks.get(i));
    let Some((index, entry, file)) = index.zip(entry).and_then(|(i, e)| Some((i, e, corpus.file(e.file)?)))
    else {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| ui.weak(look.t(Str::NoTalkSelected)));
        return;
    };
    let mentions = corpus.talk_mentions(u32::try_from(index).unwrap_or(u32::MAX));
    ScrollArea::vertical().auto_shrink([false, false]).id_salt(("talk", index)).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        header(ui, look, corpus, index, entry, file);
        mentioned(ui, look, corpus, mentions);
        ui.separator();
        let marking = Marking::body(ui, look.palette.bars);
        passages(ui, look, entry, file, mentions, &marking, target);
        ui.add_space(12.0);
        repairs(ui, look, entry, file);
    });
}

fn header(ui: &mut Ui, look: &Look, corpus: &Corpus, index: usize, entry: &TalkEntry, file: &TextFile) {
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
    let orgs: Vec<&str> = corpus
        .postings
        .talk_orgs
        .get(index)
        .map(|keys| keys.iter().map(|k| corpus.postings.org_name(*k)).collect())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", look.t(Str::Organisations))).color(look.palette.muted));
        if orgs.is_empty() {
            ui.weak(look.t(Str::OrgsUnknown));
        } else {
            ui.label(RichText::new(orgs.join(" · ")).strong());
        }
    });
}

/// The technologies the talk names, most mentioned first, with their counts.
fn mentioned(ui: &mut Ui, look: &Look, corpus: &Corpus, mentions: &[Mention]) {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for m in mentions {
        *counts.entry(m.tool.0).or_default() += 1;
    }
    if counts.is_empty() {
        return;
    }
    let mut counts: Vec<(u32, usize)> = counts.into_iter().collect();
    counts.sort_by_key(|&(tool, n)| (std::cmp::Reverse(n), tool));
    let names: Vec<String> = counts
        .iter()
        .filter_map(|&(tool, n)| {
            let name = &corpus.catalog.tool(crate::catalog::ToolId(tool))?.name;
            Some(if n > 1 { format!("{name} ×{n}") } else { name.clone() })
        })
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}:", look.t(Str::MentionsHere))).color(look.palette.muted));
        ui.label(names.join(" · "));
    });
}

fn passages(
    ui: &mut Ui,
    look: &Look,
    entry: &TalkEntry,
    file: &TextFile,
    mentions: &[Mention],
    marking: &Marking,
    target: &mut Target,
) {
    let all = &entry.talk.passages;
    let numbered = all.iter().enumerate().filter(|(_, p)| p.role != Role::Title).take(MAX_PASSAGES);
    for (index, passage) in numbered {
        let raw = file.text.get(passage.range.clone()).unwrap_or_default();
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        // Mention ranges are in the file; move them into the trimmed passage.
        let start = passage.range.start + (raw.len() - raw.trim_start().len());
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let marks: Vec<_> = mentions
            .iter()
            .filter(|m| m.passage == index && m.start as usize >= start)
            .map(|m| m.start as usize - start..m.end as usize - start)
            .collect();
        let job = highlight::marked(text, &marks, marking);
        let chosen = target.passage == Some(index);
        let response = match passage.role {
            Role::Question => qa(ui, look, passage, job, Str::Question, chosen),
            Role::Answer => qa(ui, look, passage, job, Str::Answer, chosen),
            Role::Body | Role::Title => {
                let stroke = if chosen { Stroke::new(2.0, look.palette.bars) } else { Stroke::NONE };
                let inner = Frame::new().stroke(stroke).inner_margin(Margin::same(2)).show(ui, |ui| {
                    ui.add(egui::Label::new(job).wrap());
                });
                ui.add_space(4.0);
                inner.response
            }
        };
        if chosen && std::mem::take(&mut target.scroll) {
            response.scroll_to_me(Some(egui::Align::TOP));
        }
    }
    if all.len() > MAX_PASSAGES {
        ui.weak(format!("… {} {} {MAX_PASSAGES}", all.len() - MAX_PASSAGES, look.t(Str::PassagesHidden)));
    }
}

/// A question or an answer: a tinted block with its pair number, answers indented under their
/// question so that pairs read as pairs.
fn qa(
    ui: &mut Ui,
    look: &Look,
    passage: &Passage,
    text: egui::text::LayoutJob,
    label: Str,
    chosen: bool,
) -> egui::Response {
    let (colour, indent) =
        if label == Str::Question { (look.palette.question, 0) } else { (look.palette.answer, 24) };
    let number = passage.qa_index.map_or(String::new(), |n| n.to_string());
    let stroke = if chosen {
        Stroke::new(2.0, look.palette.bars)
    } else {
        Stroke::new(1.0, colour.gamma_multiply(0.35))
    };
    Frame::new()
        .fill(colour.gamma_multiply(0.08))
        .stroke(stroke)
        .corner_radius(4.0)
        .inner_margin(Margin::symmetric(10, 6))
        .outer_margin(Margin { left: indent, right: 0, top: 2, bottom: 2 })
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(format!("{}{number}", look.t(label))).strong().color(colour));
                ui.add(egui::Label::new(text).wrap());
            });
        })
        .response
}

fn repairs(ui: &mut Ui, look: &Look, entry: &TalkEntry, file: &TextFile) {
    ui.label(RichText::new(look.t(Str::RepairInTalk)).strong());
    let report = &file.repair;
    let Some(family) = report.family else {
        ui.weak(look.t(Str::RepairNothing));
        return;
    };
    let range = &entry.talk.range;
    let spans: Vec<_> = report.spans.iter().filter(|s| range.contains(&s.start)).collect();
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
            ui.monospace(format!("{:?}", span.before()));
            ui.label("→");
            ui.label(RichText::new(span.after.to_string()).strong());
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
