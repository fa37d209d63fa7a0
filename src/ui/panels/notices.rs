//! Messages for the user that are not problems of the corpus: a load that failed or was
//! cancelled, settings that were reset. Shown above the central view until dismissed.

use super::Look;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use egui::{Frame, Margin, RichText, Ui};

/// Draws `notices`, each with a Dismiss button.
pub fn show(ui: &mut Ui, look: &Look, notices: &[String], out: &mut Vec<Command>) {
    for (index, notice) in notices.iter().enumerate() {
        Frame::new()
            .fill(look.palette.repaired.gamma_multiply(0.12))
            .corner_radius(4.0)
            .inner_margin(Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(RichText::new("⚠").color(look.palette.repaired));
                    ui.add(egui::Label::new(notice).wrap());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.small_button(look.t(Str::Dismiss)).clicked() {
                            out.push(Command::DismissNotice(index));
                        }
                    });
                });
            });
    }
}
