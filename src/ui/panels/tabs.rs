//! The row of tabs above the central view, with Back.

use super::Look;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::state::{Selection, Tab};
use egui::{Button, RichText, Ui};

/// The tab's name in the interface language.
pub fn name(tab: Tab) -> Str {
    match tab {
        Tab::Overview => Str::Overview,
        Tab::Timeline => Str::Timeline,
        Tab::Graph => Str::Graph,
        Tab::Evidence => Str::Evidence,
        Tab::Talk => Str::Talk,
        Tab::Problems => Str::Problems,
        Tab::Companies => Str::Companies,
        Tab::Radar => Str::Radar,
        Tab::Compare => Str::Compare,
    }
}

/// Draws the tabs; `problems` is shown as a count beside the Problems tab.
pub fn show(ui: &mut Ui, look: &Look, selection: &Selection, problems: usize, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let back = ui.add_enabled(selection.can_go_back(), Button::new("⬅").frame(false));
        if back.on_hover_text(format!("{} (Esc)", look.t(Str::Back))).clicked() {
            out.push(Command::Back);
        }
        for tab in Tab::ALL {
            let mut text = RichText::new(look.t(name(tab))).size(15.5);
            if selection.tab == tab {
                text = text.strong();
            }
            let button = Button::selectable(selection.tab == tab, text);
            let button = if tab == Tab::Problems && problems > 0 {
                button.right_text(RichText::new(super::count(problems)).small().color(look.palette.muted))
            } else {
                button
            };
            if ui.add(button).clicked() {
                out.push(Command::ShowTab(tab));
            }
        }
    });
}
