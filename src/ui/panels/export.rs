//! The export window: where to write, at what PNG scale, with or without the provenance line;
//! the files that would be replaced, to confirm; and progress while writing.

use super::Look;
use crate::ui::command::Command;
use crate::ui::exporting::{ExportForm, ExportWhat};
use crate::ui::i18n::Str;
use egui::{Context, Modal, RichText, Slider, TextEdit};

/// Draws the export window; edits the form's own fields.
pub fn show(ctx: &Context, look: &Look, form: &mut ExportForm, out: &mut Vec<Command>) {
    let modal = Modal::new(egui::Id::unique("export-window")).show(ctx, |ui| {
        ui.set_width(560.0);
        let heading = match form.what {
            ExportWhat::Chart(_) => Str::ExportChart,
            ExportWhat::ReviewPack => Str::ExportPack,
        };
        ui.heading(look.t(heading).trim_end_matches('…'));
        ui.add_space(6.0);
        let label = ui.label(look.t(Str::ExportFolder));
        ui.horizontal(|ui| {
            let field = TextEdit::singleline(&mut form.folder).desired_width(ui.available_width() - 90.0);
            // Named by its label for assistive technology, which also lets tests find it.
            if ui.add(field).labelled_by(label.id).changed() {
                form.replacing.clear();
            }
            if ui.button(look.t(Str::Choose)).clicked() {
                out.push(Command::PickExportFolder);
            }
        });
        ui.add(Slider::new(&mut form.scale, 1.0..=4.0).step_by(0.5).suffix("×").text(look.t(Str::Scale)));
        ui.checkbox(&mut form.caption, look.t(Str::CaptionOption));
        let names = form.file_names();
        ui.weak(format!("{} {}", look.t(Str::ExportWrites), names.join(", ")));
        ui.add_space(6.0);
        if !form.replacing.is_empty() {
            ui.label(RichText::new(look.t(Str::WillReplace)).color(look.palette.failure));
            for path in &form.replacing {
                ui.monospace(path.display().to_string());
            }
        }
        ui.horizontal(|ui| {
            if form.is_running() {
                ui.spinner();
                ui.label(look.t(Str::Exporting));
                return;
            }
            let ready = !form.folder.trim().is_empty();
            if form.replacing.is_empty() {
                if ui
                    .add_enabled(ready, egui::Button::new(look.t(Str::Export).trim_end_matches('…')))
                    .clicked()
                {
                    out.push(Command::RunExport { replace: false });
                }
            } else if ui.add_enabled(ready, egui::Button::new(look.t(Str::Replace))).clicked() {
                out.push(Command::RunExport { replace: true });
            }
            if ui.button(look.t(Str::Cancel)).clicked() {
                out.push(Command::CloseExport);
            }
        });
    });
    recentre_when_resized(ctx, modal.response.rect.size());
    if modal.should_close() && !form.is_running() {
        out.push(Command::CloseExport);
    }
}

/// egui centres a modal by the size it had in the previous frame, so when the window grows (the
/// list of files to replace appears) it is drawn off-centre, and stays so until the next repaint;
/// the pointer then lands on whatever slid under it. Redoing the pass with the new size draws it
/// where it belongs at once.
fn recentre_when_resized(ctx: &Context, size: egui::Vec2) {
    let id = egui::Id::unique("export-window-size");
    let last = ctx.data(|d| d.get_temp::<egui::Vec2>(id));
    ctx.data_mut(|d| d.insert_temp(id, size));
    if last.is_some_and(|last| last != size) {
        ctx.request_discard("the export window changed size");
    }
}
