//! The left panel: files and, under each, its talks with their dates, plus badges for
//! encodings other than UTF-8 and repaired text. Virtualised, since a corpus can hold 10^5 talks.

use super::{Look, count};
use crate::corpus::TextFile;
use crate::index::FileId;
use crate::parse::DateSource;
use crate::ui::command::Command;
use crate::ui::fold::{FoldedRows, Row};
use crate::ui::i18n::Str;
use crate::ui::snapshot::Snapshot;
use crate::ui::state::Selection;
use egui::{Atom, AtomExt as _, Button, RichText, ScrollArea, Ui, vec2};
use std::ops::Range;

/// The tree's rows: files (groups) and talks (indices into `Corpus::talks`).
pub type TreeRows = FoldedRows<FileId, usize>;

/// Height of one row of the tree.
const ROW_HEIGHT: f32 = 22.0;

/// Above this many files, a new snapshot starts with every file folded.
const FOLD_ABOVE_FILES: usize = 200;

/// The tree's groups for `snapshot`: each file with the range of its talks.
pub fn groups(snapshot: &Snapshot) -> impl Iterator<Item = (FileId, Range<usize>)> + Clone + '_ {
    snapshot
        .file_talks
        .iter()
        .enumerate()
        .map(|(index, range)| (FileId(u32::try_from(index).unwrap_or(u32::MAX)), range.clone()))
}

/// Rebuilds `rows` for a new snapshot.
pub fn reset(rows: &mut TreeRows, snapshot: &Snapshot) {
    rows.reset(snapshot.id, groups(snapshot), snapshot.file_talks.len() > FOLD_ABOVE_FILES);
}

/// Draws the tree: a caption, then only the rows that are in view.
pub fn show(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    rows: &TreeRows,
    selection: &Selection,
    out: &mut Vec<Command>,
) {
    ui.heading(look.t(Str::Corpus));
    ui.weak(&snapshot.corpus.name);
    ui.separator();
    let rows = rows.rows();
    ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        rows.len(),
        |ui, visible| {
            for row in rows.get(visible).unwrap_or_default() {
                match *row {
                    Row::Group(file) => file_row(ui, look, snapshot, file, selection, out),
                    Row::Entry(talk) => talk_row(ui, look, snapshot, talk, selection, out),
                }
            }
        },
    );
}

fn file_row(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    id: FileId,
    selection: &Selection,
    out: &mut Vec<Command>,
) {
    let Some(file) = snapshot.corpus.file(id) else { return };
    let talks = snapshot.file_talks.get(id.0 as usize).map_or(0, |r| r.len());
    let badges = file_badges(look, file, talks);
    let button = Button::selectable(
        selection.file == Some(id) && selection.talk.is_none(),
        RichText::new(&file.path).strong(),
    )
    .right_text(badges)
    .truncate()
    .min_size(vec2(ui.available_width(), ROW_HEIGHT));
    let response = ui.add(button).on_hover_text(&file.path);
    if response.clicked() {
        out.push(Command::ToggleFile(id));
        out.push(Command::SelectFile(id));
    }
}

fn file_badges(look: &Look, file: &TextFile, talks: usize) -> RichText {
    let noun = if talks == 1 { Str::TalkCountOne } else { Str::TalksCount };
    let mut text = format!("{} {}", count(talks), look.t(noun));
    if file.encoding != "UTF-8" {
        text = format!("{}  {text}", file.encoding);
    }
    if file.repair.family.is_some() {
        text = format!("{}  {text}", look.t(Str::Repaired));
    }
    let colour = if file.repair.family.is_some() {
        look.palette.repaired
    } else if file.encoding != "UTF-8" {
        look.palette.encoding
    } else {
        look.palette.muted
    };
    RichText::new(text).small().color(colour)
}

fn talk_row(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    index: usize,
    selection: &Selection,
    out: &mut Vec<Command>,
) {
    let Some(entry) = snapshot.corpus.talks.get(index) else { return };
    let talk = &entry.talk;
    let date = match talk.date {
        Some(date) => date.to_string(),
        None => "—".repeat(5),
    };
    // A date guessed from running text is shown in italics: it is a guess.
    let mut date = RichText::new(date).monospace().color(look.palette.muted);
    if talk.date_source == DateSource::Inferred {
        date = date.italics();
    }
    ui.horizontal(|ui| {
        ui.add_space(18.0);
        // The title gives way when the panel is narrow (never the date); the trailing grow
        // keeps the row's text at its left edge.
        let title = RichText::new(&talk.title).atom_shrink(true);
        let button = Button::selectable(selection.talk == Some(index), (date, title, Atom::grow()))
            .truncate()
            .min_size(vec2(ui.available_width(), ROW_HEIGHT));
        if ui.add(button).on_hover_text(&talk.title).clicked() {
            out.push(Command::SelectTalk(index));
        }
    });
}
