//! The Problems tab: everything that was skipped, guessed or repaired while loading, grouped by
//! kind (failures first), each with its path and message, plus the files whose encoding had to
//! be decided. Virtualised like the tree, since a careless folder can hold 10^5 skipped files.

use super::{Look, count};
use crate::corpus::DecodeMethod;
use crate::ui::command::Command;
use crate::ui::fold::{FoldedRows, Row};
use crate::ui::i18n::{self, Str};
use crate::ui::snapshot::{ProblemEntry, ProblemGroup, Snapshot};
use egui::{Align, Button, Layout, RichText, ScrollArea, Ui, vec2};

/// The view's rows: groups and their entries.
pub type ProblemRows = FoldedRows<ProblemGroup, ProblemEntry>;

/// Height of one row.
const ROW_HEIGHT: f32 = 22.0;

/// The groups of `snapshot`, for building rows.
pub fn groups(
    snapshot: &Snapshot,
) -> impl Iterator<Item = (ProblemGroup, std::iter::Copied<std::slice::Iter<'_, ProblemEntry>>)> + Clone {
    snapshot.problem_groups.iter().map(|(group, entries)| (*group, entries.iter().copied()))
}

/// Groups of notices longer than this start folded, so failures stay in sight.
const FOLD_NOTICES_ABOVE: usize = 20;

/// Rebuilds `rows` for a new snapshot; long groups of notices start folded, failures open.
pub fn reset(rows: &mut ProblemRows, snapshot: &Snapshot) {
    rows.reset(snapshot.id, groups(snapshot), false);
    for (group, entries) in &snapshot.problem_groups {
        if is_notice(*group) && entries.len() > FOLD_NOTICES_ABOVE {
            rows.toggle(*group, groups(snapshot));
        }
    }
}

fn is_notice(group: ProblemGroup) -> bool {
    match group {
        ProblemGroup::Kind(kind) => kind.is_notice(),
        ProblemGroup::Encoding => true,
    }
}

/// Draws the problems of `snapshot`.
pub fn show(ui: &mut Ui, look: &Look, snapshot: &Snapshot, rows: &ProblemRows, out: &mut Vec<Command>) {
    if snapshot.problem_groups.is_empty() {
        ui.add_space(24.0);
        ui.vertical_centered(|ui| ui.weak(look.t(Str::NoProblems)));
        return;
    }
    let visible_rows = rows.rows();
    ScrollArea::vertical().auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        visible_rows.len(),
        |ui, range| {
            for row in visible_rows.get(range).unwrap_or_default() {
                match *row {
                    Row::Group(group) => group_row(ui, look, snapshot, rows, group, out),
                    Row::Entry(entry) => entry_row(ui, look, snapshot, entry),
                }
            }
        },
    );
}

fn group_row(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    rows: &ProblemRows,
    group: ProblemGroup,
    out: &mut Vec<Command>,
) {
    let entries = snapshot.problem_groups.iter().find(|(g, _)| *g == group).map_or(0, |(_, e)| e.len());
    let arrow = if rows.is_collapsed(&group) { "▶" } else { "▼" };
    let name = match group {
        ProblemGroup::Kind(kind) => i18n::problem_kind(kind, look.lang),
        ProblemGroup::Encoding => look.t(Str::EncodingGuessed),
    };
    let colour = if is_notice(group) { look.palette.muted } else { look.palette.failure };
    let text = (RichText::new(arrow).small().color(colour), RichText::new(name).strong().color(colour));
    let button = Button::new(text)
        .frame(false)
        .right_text(RichText::new(count(entries)).color(colour))
        .min_size(vec2(ui.available_width(), ROW_HEIGHT));
    if ui.add(button).clicked() {
        out.push(Command::ToggleProblemGroup(group));
    }
}

fn entry_row(ui: &mut Ui, look: &Look, snapshot: &Snapshot, entry: ProblemEntry) {
    let (path, message) = match entry {
        ProblemEntry::Problem(index) => match snapshot.corpus.problems.get(index) {
            Some(problem) => (problem.path.as_str(), problem.message.clone()),
            None => return,
        },
        ProblemEntry::Encoding(file) => match snapshot.corpus.file(file) {
            Some(file) => {
                let how = match file.method {
                    DecodeMethod::Detected => look.t(Str::GuessedFromBytes),
                    DecodeMethod::Bom => look.t(Str::FromBom),
                    DecodeMethod::MostlyUtf8 => look.t(Str::MostlyUtf8),
                    DecodeMethod::ValidUtf8 => "",
                };
                (file.path.as_str(), format!("{} {how}", file.encoding))
            }
            None => return,
        },
    };
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        ui.add_space(22.0);
        // Paths in one column, as wide as a typical relative path, so messages line up.
        let width = (ui.available_width() * 0.45).clamp(160.0, 520.0);
        ui.allocate_ui_with_layout(vec2(width, ROW_HEIGHT), Layout::left_to_right(Align::Center), |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(RichText::new(path).monospace()).truncate()).on_hover_text(path);
        });
        ui.add(egui::Label::new(RichText::new(message).color(look.palette.muted)).truncate());
    });
}
