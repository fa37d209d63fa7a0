//! Opening by typing a path: always in the File menu, and offered by itself when the system has
//! no file dialog to show.

use super::Look;
use crate::corpus::Source;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use egui::{Context, Key, Modal, RichText, TextEdit};
use std::path::PathBuf;

/// The path field's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathPrompt {
    /// What the user typed.
    pub text: String,
    /// Whether the prompt is shown because no dialog could be shown.
    pub no_dialog: bool,
}

/// Draws the prompt as a modal window; edits `prompt.text` (the prompt's own state).
pub fn show(ctx: &Context, look: &Look, prompt: &mut PathPrompt, out: &mut Vec<Command>) {
    let modal = Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui| {
        ui.set_width(520.0);
        if prompt.no_dialog {
            ui.label(RichText::new(look.t(Str::NoDialog)).color(look.palette.repaired));
        }
        ui.label(look.t(Str::PathPrompt));
        let field = ui.add(
            TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY).hint_text("/home/…/notes"),
        );
        if !field.has_focus() && prompt.text.is_empty() {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            let path = prompt.text.trim();
            let open = ui.add_enabled(!path.is_empty(), egui::Button::new(look.t(Str::Open)));
            if (open.clicked() || entered) && !path.is_empty() {
                out.push(Command::Open(Source::Paths(vec![PathBuf::from(path)])));
                out.push(Command::ClosePathPrompt);
            }
            if ui.button(look.t(Str::Cancel)).clicked() {
                out.push(Command::ClosePathPrompt);
            }
        });
    });
    if modal.should_close() {
        out.push(Command::ClosePathPrompt);
    }
}
