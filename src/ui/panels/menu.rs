//! The menu bar: File (open, recent, export, quit) and View (tabs, theme, language).

use super::Look;
use crate::corpus::Source;
use crate::ui::command::Command;
use crate::ui::dialogs::DialogKind;
use crate::ui::exporting::ExportWhat;
use crate::ui::i18n::{Lang, Str};
use crate::ui::settings::Settings;
use crate::ui::state::{Tab, Theme};
use egui::{Button, MenuBar, Ui};
use std::path::PathBuf;

/// Draws the menu bar.
pub fn show(ui: &mut Ui, look: &Look, settings: &Settings, current: Tab, out: &mut Vec<Command>) {
    MenuBar::new().ui(ui, |ui| {
        ui.menu_button(look.t(Str::File), |ui| file_menu(ui, look, settings, current, out));
        ui.menu_button(look.t(Str::View), |ui| view_menu(ui, look, settings, current, out));
    });
}

fn file_menu(ui: &mut Ui, look: &Look, settings: &Settings, current: Tab, out: &mut Vec<Command>) {
    let shortcut = ui.ctx().format_shortcut(&super::super::app::OPEN_SHORTCUT);
    if ui.add(Button::new(look.t(Str::OpenFolder)).shortcut_text(shortcut)).clicked() {
        out.push(Command::OpenDialog(DialogKind::Folder));
    }
    if ui.button(look.t(Str::OpenFiles)).clicked() {
        out.push(Command::OpenDialog(DialogKind::Files));
    }
    if ui.button(look.t(Str::OpenPath)).clicked() {
        out.push(Command::ShowPathPrompt);
    }
    if ui.button(look.t(Str::OpenSample)).clicked() {
        out.push(Command::Open(Source::Embedded));
    }
    ui.menu_button(look.t(Str::Recent), |ui| recent_menu(ui, look, &settings.recent, out));
    ui.separator();
    if let Some(kind) = current.chart() {
        let shortcut = ui.ctx().format_shortcut(&super::super::app::EXPORT_SHORTCUT);
        if ui.add(Button::new(look.t(Str::ExportChart)).shortcut_text(shortcut)).clicked() {
            out.push(Command::OpenExport(ExportWhat::Chart(kind)));
        }
    }
    if ui.button(look.t(Str::ExportPack)).clicked() {
        out.push(Command::OpenExport(ExportWhat::ReviewPack));
    }
    ui.separator();
    if ui.button(look.t(Str::Quit)).clicked() {
        out.push(Command::Quit);
    }
}

fn recent_menu(ui: &mut Ui, look: &Look, recent: &[Vec<PathBuf>], out: &mut Vec<Command>) {
    if recent.is_empty() {
        ui.weak(look.t(Str::NoRecent));
        return;
    }
    for paths in recent {
        let name = Source::Paths(paths.clone()).display_name();
        if ui.button(name).clicked() {
            out.push(Command::Open(Source::Paths(paths.clone())));
        }
    }
    ui.separator();
    if ui.button(look.t(Str::ClearRecent)).clicked() {
        out.push(Command::ClearRecent);
    }
}

fn view_menu(ui: &mut Ui, look: &Look, settings: &Settings, current: Tab, out: &mut Vec<Command>) {
    for tab in Tab::ALL {
        if ui.radio(current == tab, look.t(super::tabs::name(tab))).clicked() {
            out.push(Command::ShowTab(tab));
        }
    }
    ui.separator();
    ui.label(look.t(Str::Theme));
    for (theme, name) in [(Theme::Light, Str::Light), (Theme::Dark, Str::Dark)] {
        if ui.radio(settings.theme == theme, look.t(name)).clicked() {
            out.push(Command::SetTheme(theme));
        }
    }
    ui.separator();
    ui.label(look.t(Str::Language));
    for lang in Lang::ALL {
        if ui.radio(settings.language == lang, lang.native_name()).clicked() {
            out.push(Command::SetLanguage(lang));
        }
    }
    ui.separator();
    let shortcut = ui.ctx().format_shortcut(&super::super::app::FRAME_TIME_SHORTCUT);
    if ui.add(Button::new(look.t(Str::ShowFrameTime)).shortcut_text(shortcut)).clicked() {
        out.push(Command::ToggleFrameTime);
    }
}
