//! The status bar: what is loaded, and while a load runs, its progress and Cancel.

use super::{Look, count};
use crate::corpus::LoadStage;
use crate::corpus::load::human_bytes;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::jobs::Progress;
use crate::ui::snapshot::Snapshot;
use egui::Ui;

/// A load in progress, as the status bar shows it.
#[derive(Debug, Clone)]
pub struct Loading {
    /// What is being loaded.
    pub name: String,
    /// How far it got.
    pub progress: Progress,
}

/// Draws the status bar.
pub fn show(
    ui: &mut Ui,
    look: &Look,
    snapshot: Option<&Snapshot>,
    loading: Option<&Loading>,
    out: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if let Some(snapshot) = snapshot {
            ui.weak(format!(
                "{} · {} {} · {} {} · {} {}",
                snapshot.corpus.name,
                count(snapshot.corpus.files.len()),
                look.t(Str::FilesCount),
                count(snapshot.corpus.talks.len()),
                look.t(Str::TalksCount),
                count(snapshot.problem_count()),
                look.t(Str::ProblemsCount),
            ));
            if snapshot.preview {
                ui.label(egui::RichText::new(look.t(Str::PreviewShown)).italics());
            }
        }
        if let Some(loading) = loading {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(look.t(Str::Cancel)).clicked() {
                    out.push(Command::CancelLoad);
                }
                ui.label(progress_text(look, loading));
                ui.spinner();
            });
        }
    });
}

fn progress_text(look: &Look, loading: &Loading) -> String {
    let p = &loading.progress;
    let stage = match p.stage {
        LoadStage::Listing => look.t(Str::Listing),
        LoadStage::Reading => look.t(Str::Reading),
        LoadStage::Decoding => look.t(Str::Decoding),
        LoadStage::Parsing => look.t(Str::Parsing),
        LoadStage::Done => look.t(Str::Indexing),
    };
    let files = match p.stage {
        LoadStage::Listing => format!("{} {}", count(p.files_total as usize), look.t(Str::FilesCount)),
        LoadStage::Reading | LoadStage::Decoding => {
            format!(
                "{}/{} {}",
                count(p.files_done as usize),
                count(p.files_total as usize),
                look.t(Str::FilesCount)
            )
        }
        LoadStage::Parsing | LoadStage::Done => {
            format!("{} {}", count(p.files_total as usize), look.t(Str::FilesCount))
        }
    };
    format!(
        "{} {} — {stage}: {files}, {} · {:.1} s",
        look.t(Str::Loading),
        loading.name,
        human_bytes(p.bytes_done),
        p.elapsed.as_secs_f64()
    )
}
