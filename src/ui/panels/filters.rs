//! The filters above the corpus tree: dates, categories, technologies, organisations, where
//! mentions stand and their stance. Each change emits the whole new [`Filter`] as one command,
//! so the app has one place where the analysed part of the corpus changes.

use super::{Look, count};
use crate::analysis::Filter;
use crate::catalog::Category;
use crate::extract::Stance;
use crate::parse::Role;
use crate::ui::command::Command;
use crate::ui::i18n::Str;
use crate::ui::names;
use crate::ui::snapshot::Snapshot;
use egui::{CollapsingHeader, ComboBox, RichText, ScrollArea, TextEdit, Ui};
use jiff::civil::Date;
use std::collections::BTreeSet;

/// Height of one row of a picker list.
const ROW_HEIGHT: f32 = 20.0;
/// Height of a picker list.
const LIST_HEIGHT: f32 = 180.0;

/// What is typed in the pickers' search fields.
#[derive(Debug, Clone, Default)]
pub struct FilterSearch {
    /// The technology picker's search.
    pub technologies: String,
    /// The organisation picker's search.
    pub organisations: String,
}

/// Draws the filters; `selected` is how many talks the analyses on screen looked at.
pub fn show(
    ui: &mut Ui,
    look: &Look,
    snapshot: &Snapshot,
    filter: &Filter,
    selected: Option<usize>,
    search: &mut FilterSearch,
    out: &mut Vec<Command>,
) {
    let mut next = filter.clone();
    ui.horizontal(|ui| {
        ui.heading(look.t(Str::Filters));
        if ui.add_enabled(!filter.is_empty(), egui::Button::new(look.t(Str::ClearFilters))).clicked() {
            next = Filter::default();
        }
    });
    if let Some(selected) = selected {
        ui.weak(format!(
            "{} / {} {}",
            count(selected),
            count(snapshot.corpus.talks.len()),
            look.t(Str::TalksSelected)
        ));
    }
    dates(ui, look, snapshot, &mut next);
    let n = next.categories.len();
    CollapsingHeader::new(titled(look.t(Str::Categories), n)).id_salt("filter-categories").show(ui, |ui| {
        for category in Category::ALL {
            toggle(ui, &mut next.categories, category, names::category(category, look.lang));
        }
    });
    technologies(ui, look, snapshot, &mut next, &mut search.technologies);
    organisations(ui, look, snapshot, &mut next, &mut search.organisations);
    let n = next.roles.len();
    CollapsingHeader::new(titled(look.t(Str::Roles), n)).id_salt("filter-roles").show(ui, |ui| {
        for role in [Role::Title, Role::Question, Role::Answer, Role::Body] {
            toggle(ui, &mut next.roles, role, names::role(role, look.lang));
        }
    });
    let n = next.stances.len();
    CollapsingHeader::new(titled(look.t(Str::Stances), n)).id_salt("filter-stances").show(ui, |ui| {
        for stance in [Stance::Uses, Stance::Evaluating, Stance::MovedAway, Stance::Asked, Stance::Neutral] {
            toggle(ui, &mut next.stances, stance, names::stance(stance, look.lang));
        }
    });
    if next != *filter {
        out.push(Command::SetFilter(next));
    }
}

/// "Categories (2)" when two are chosen.
fn titled(name: &str, chosen: usize) -> String {
    if chosen == 0 { name.to_owned() } else { format!("{name} ({chosen})") }
}

fn toggle<T: Ord + Clone>(ui: &mut Ui, set: &mut BTreeSet<T>, value: T, label: &str) {
    let mut on = set.contains(&value);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            set.insert(value);
        } else {
            set.remove(&value);
        }
    }
}

fn dates(ui: &mut Ui, look: &Look, snapshot: &Snapshot, next: &mut Filter) {
    let years: Vec<i16> = snapshot.talks_per_year.iter().map(|(y, _)| *y).collect();
    ui.horizontal(|ui| {
        ui.label(look.t(Str::From));
        let from = next.from.map(|d| d.year());
        if let Some(year) = year_box(ui, look, "filter-from", from, &years) {
            next.from = year.and_then(|y| Date::new(y, 1, 1).ok());
        }
        ui.label(look.t(Str::To));
        let to = next.to.map(|d| d.year());
        if let Some(year) = year_box(ui, look, "filter-to", to, &years) {
            next.to = year.and_then(|y| Date::new(y, 12, 31).ok());
        }
    });
    ui.checkbox(&mut next.exclude_undated, look.t(Str::OnlyDated));
}

/// A year chooser; returns the new choice when the user made one (`Some(None)` is "any").
fn year_box(ui: &mut Ui, look: &Look, id: &str, current: Option<i16>, years: &[i16]) -> Option<Option<i16>> {
    let mut chosen = None;
    let text = current.map_or_else(|| look.t(Str::AnyYear).to_owned(), |y| y.to_string());
    ComboBox::from_id_salt(id).selected_text(text).width(70.0).show_ui(ui, |ui| {
        if ui.selectable_label(current.is_none(), look.t(Str::AnyYear)).clicked() {
            chosen = Some(None);
        }
        for &year in years {
            if ui.selectable_label(current == Some(year), year.to_string()).clicked() {
                chosen = Some(Some(year));
            }
        }
    });
    chosen
}

fn technologies(ui: &mut Ui, look: &Look, snapshot: &Snapshot, next: &mut Filter, search: &mut String) {
    let n = next.technologies.len();
    CollapsingHeader::new(titled(look.t(Str::Technologies), n)).id_salt("filter-technologies").show(
        ui,
        |ui| {
            let catalog = &snapshot.corpus.catalog;
            let entries: Vec<(String, String, u32)> = snapshot
                .tools_by_talks
                .iter()
                .filter_map(|&(t, talks)| {
                    catalog.tool(t).map(|tech| (tech.id.clone(), tech.name.clone(), talks))
                })
                .collect();
            checklist(ui, look, "filter-technology-list", &entries, search, &mut next.technologies);
        },
    );
}

fn organisations(ui: &mut Ui, look: &Look, snapshot: &Snapshot, next: &mut Filter, search: &mut String) {
    let n = next.organisations.len();
    CollapsingHeader::new(titled(look.t(Str::Organisations), n)).id_salt("filter-organisations").show(
        ui,
        |ui| {
            let postings = &snapshot.corpus.postings;
            let entries: Vec<(String, String, u32)> = snapshot
                .orgs_by_talks
                .iter()
                .map(|&(o, talks)| (postings.org_name(o).to_owned(), postings.org_name(o).to_owned(), talks))
                .collect();
            checklist(ui, look, "filter-organisation-list", &entries, search, &mut next.organisations);
        },
    );
}

/// A searchable, virtualised list of (key, name, talks) checkboxes over `chosen` keys; chosen
/// entries come first so they stay in reach.
pub fn checklist(
    ui: &mut Ui,
    look: &Look,
    id: &str,
    entries: &[(String, String, u32)],
    search: &mut String,
    chosen: &mut BTreeSet<String>,
) {
    ui.add(TextEdit::singleline(search).hint_text(look.t(Str::SearchHint)).desired_width(f32::INFINITY));
    let needle = search.trim().to_lowercase();
    let mut shown: Vec<&(String, String, u32)> = entries
        .iter()
        .filter(|(key, name, _)| {
            needle.is_empty() || name.to_lowercase().contains(&needle) || key.contains(&needle)
        })
        .collect();
    shown.sort_by_key(|(key, _, _)| !chosen.contains(key));
    ScrollArea::vertical().id_salt(id).max_height(LIST_HEIGHT).auto_shrink([false, true]).show_rows(
        ui,
        ROW_HEIGHT,
        shown.len(),
        |ui, rows| {
            for (key, name, talks) in shown.get(rows).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let mut on = chosen.contains(key);
                    if ui.checkbox(&mut on, name.as_str()).changed() {
                        if on {
                            chosen.insert(key.clone());
                        } else {
                            chosen.remove(key);
                        }
                    }
                    ui.label(RichText::new(count(*talks as usize)).small().color(look.palette.muted));
                });
            }
        },
    );
}
