//! What survives a restart: language, theme, tab, the last folder, the recent list, the filter
//! and how the Timeline and Graph views are set up.
//!
//! Stored as one JSON value in eframe's storage (eframe itself keeps the window geometry). Each
//! field is read on its own, so one damaged value resets only itself; the user is told which.
//! A settings file must never stop the app from starting.

use super::i18n::Lang;
use super::state::{Tab, Theme};
use super::view_settings::{GraphSettings, TimelineSettings};
use crate::analysis::Filter;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The key under which the settings live in eframe's storage.
pub const STORAGE_KEY: &str = "stackradar.settings";

/// How many entries the Recent menu keeps.
pub const RECENT_LIMIT: usize = 10;

/// The persisted settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language.
    pub language: Lang,
    /// Light or dark.
    pub theme: Theme,
    /// The tab shown at the last exit.
    pub tab: Tab,
    /// The folder the last dialog was in; dialogs start there.
    pub last_folder: Option<PathBuf>,
    /// Recently opened sources, newest first; each is the list of paths opened together.
    pub recent: Vec<Vec<PathBuf>>,
    /// What part of the corpus the analyses look at.
    pub filter: Filter,
    /// The Timeline view's choices.
    pub timeline: TimelineSettings,
    /// The Graph view's choices.
    pub graph: GraphSettings,
}

impl Settings {
    /// Reads settings from JSON. Unreadable fields take their defaults and are named in the
    /// second value, so that the app can say what it reset.
    pub fn from_json(json: &str) -> (Self, Vec<&'static str>) {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(json) else {
            return (Self::default(), vec!["all"]);
        };
        Self::from_map(&map)
    }

    fn from_map(map: &serde_json::Map<String, serde_json::Value>) -> (Self, Vec<&'static str>) {
        let mut bad = Vec::new();
        let get = |name: &str| map.get(name).cloned();
        let mut settings = Self {
            language: read(get("language"), "language", &mut bad),
            theme: read(get("theme"), "theme", &mut bad),
            tab: read(get("tab"), "tab", &mut bad),
            last_folder: read(get("last_folder"), "last_folder", &mut bad),
            recent: read(get("recent"), "recent", &mut bad),
            filter: read(get("filter"), "filter", &mut bad),
            timeline: read(get("timeline"), "timeline", &mut bad),
            graph: read(get("graph"), "graph", &mut bad),
        };
        settings.recent.truncate(RECENT_LIMIT);
        (settings, bad)
    }

    /// The settings as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Puts `paths` first in the recent list (once) and remembers their folder.
    pub fn add_recent(&mut self, paths: &[PathBuf]) {
        if paths.is_empty() {
            return;
        }
        self.recent.retain(|entry| entry != paths);
        self.recent.insert(0, paths.to_vec());
        self.recent.truncate(RECENT_LIMIT);
        let folder = paths.first().map(|p| if p.is_dir() { p.clone() } else { p.with_file_name("") });
        if let Some(folder) = folder.filter(|f| !f.as_os_str().is_empty()) {
            self.last_folder = Some(folder);
        }
    }
}

/// One field: absent means default quietly; present but unreadable means default and a note.
fn read<T: DeserializeOwned + Default>(
    value: Option<serde_json::Value>,
    name: &'static str,
    bad: &mut Vec<&'static str>,
) -> T {
    match value.map(serde_json::from_value::<T>) {
        None => T::default(),
        Some(Ok(value)) => value,
        Some(Err(_)) => {
            bad.push(name);
            T::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_value_resets_only_itself() {
        let (settings, bad) = Settings::from_json(r#"{"theme":"Dark","tab":42,"recent":[["/a"]]}"#);
        assert_eq!(settings.theme, Theme::Dark);
        assert_eq!(settings.tab, Tab::Overview);
        assert_eq!(settings.recent, vec![vec![PathBuf::from("/a")]]);
        assert_eq!(bad, vec!["tab"]);
    }

    #[test]
    fn garbage_means_defaults() {
        assert_eq!(Settings::from_json("{{{"), (Settings::default(), vec!["all"]));
    }

    #[test]
    fn recent_keeps_one_entry_per_source_newest_first() {
        let mut settings = Settings::default();
        let a = vec![PathBuf::from("/notes/a")];
        let b = vec![PathBuf::from("/notes/b")];
        settings.add_recent(&a);
        settings.add_recent(&b);
        settings.add_recent(&a);
        assert_eq!(settings.recent, vec![a, b]);
    }
}
