//! What survives a restart: language, theme, tab, the last folder, the recent list, the filter
//! and how the Timeline and Graph views are set up.
//!
//! Stored as `settings.json` in the config folder, written to a temporary file and renamed over
//! the old one, so that a crash or a full disk mid-save leaves the previous settings whole
//! (eframe's own storage, which keeps the window geometry, rewrites its file in place). Each
//! field is read on its own, so one damaged value resets only itself; a truncated or corrupt file
//! resets everything; either way the user is told. A settings file must never stop the app from
//! starting.

use super::i18n::Lang;
use super::state::{Tab, Theme};
use super::view_settings::{GraphSettings, TimelineSettings};
use crate::analysis::Filter;
use crate::export::{ExportError, write_atomic};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The key under which earlier versions kept the settings in eframe's storage; read once when
/// there is no settings file yet.
pub const STORAGE_KEY: &str = "stackradar.settings";

/// The settings file's name in the config folder.
pub const FILE_NAME: &str = "settings.json";

/// A settings file larger than this is not one we wrote (ours are a few KiB); it is not read.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

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
            filter: read_section(get("filter"), "filter", &mut bad),
            timeline: read_section(get("timeline"), "timeline", &mut bad),
            graph: read_section(get("graph"), "graph", &mut bad),
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

/// Where the settings live: `settings.json` in the config folder, if there is one.
pub fn default_path() -> Option<PathBuf> {
    crate::catalog::user::config_folder().map(|folder| folder.join(FILE_NAME))
}

/// The settings JSON stored at `path`, for [`Settings::from_json`]. `None` when there is no file
/// (a first start: defaults, quietly). A file that cannot be read, is not UTF-8 or is far too
/// large reads as empty text, which resets every setting and says so.
pub fn read_file(path: &Path) -> Option<String> {
    let file = match std::fs::File::open(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return None,
        Err(_) => return Some(String::new()),
        Ok(file) => file,
    };
    let mut json = String::new();
    let read = file.take(MAX_FILE_BYTES + 1).read_to_string(&mut json);
    if read.is_err() || json.len() as u64 > MAX_FILE_BYTES {
        json.clear();
    }
    Some(json)
}

/// Saves `json` to `path` atomically (temporary file, then rename), creating the folder if
/// needed. Does nothing when the file already holds exactly `json`, so that periodic saves of
/// unchanged settings do not touch the disk. Returns whether it wrote.
pub fn write_file(path: &Path, json: &str) -> Result<bool, ExportError> {
    if std::fs::read(path).is_ok_and(|old| old == json.as_bytes()) {
        return Ok(false);
    }
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|source| ExportError::Io { path: folder.to_path_buf(), source })?;
    }
    write_atomic(path, json.as_bytes())?;
    Ok(true)
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

/// A section (an object of fields): field by field, so that one unreadable value (say, a
/// category a newer version wrote) resets that field only, not the whole section.
fn read_section<T: Serialize + DeserializeOwned + Default>(
    value: Option<serde_json::Value>,
    name: &'static str,
    bad: &mut Vec<&'static str>,
) -> T {
    let (Some(serde_json::Value::Object(fields)), Ok(serde_json::Value::Object(mut kept))) =
        (&value, serde_json::to_value(T::default()))
    else {
        return read(value, name, bad);
    };
    let mut damaged = false;
    for (key, field) in fields {
        let previous = kept.insert(key.clone(), field.clone());
        if serde_json::from_value::<T>(serde_json::Value::Object(kept.clone())).is_err() {
            damaged = true;
            match previous {
                Some(previous) => kept.insert(key.clone(), previous),
                None => kept.remove(key),
            };
        }
    }
    if damaged {
        bad.push(name);
    }
    serde_json::from_value(serde_json::Value::Object(kept)).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::string_slice, clippy::unreachable)] // tests slice and stop freely
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
    fn a_bad_value_inside_a_section_resets_only_that_field() {
        let json = r#"{"timeline":{"smoothing":3,"granularity":"Fortnight","stacked":false},
                       "graph":"not an object","filter":{"query":"istio"}}"#;
        let (settings, bad) = Settings::from_json(json);
        assert_eq!(settings.timeline.smoothing, 3);
        assert!(!settings.timeline.stacked);
        assert_eq!(settings.timeline.granularity, TimelineSettings::default().granularity);
        assert_eq!(settings.graph, GraphSettings::default());
        assert_eq!(settings.filter.query, "istio");
        assert_eq!(bad, vec!["timeline", "graph"]);
    }

    #[test]
    fn garbage_means_defaults() {
        assert_eq!(Settings::from_json("{{{"), (Settings::default(), vec!["all"]));
    }

    fn saved() -> Settings {
        Settings {
            theme: Theme::Dark,
            tab: Tab::Problems,
            last_folder: Some(PathBuf::from("/notes")),
            recent: vec![vec![PathBuf::from("/notes/a")], vec![PathBuf::from("/notes/b")]],
            ..Settings::default()
        }
    }

    #[test]
    fn a_damaged_settings_file_gives_defaults_and_says_what_was_reset() {
        let json = saved().to_json();
        let half = &json[..json.len() / 2];
        let too_large = format!("{json}{}", " ".repeat(2 * 1024 * 1024));
        // (what the file holds, what is reset)
        let cases: &[(&[u8], &[&str])] = &[
            (json.as_bytes(), &[]),
            (half.as_bytes(), &["all"]),
            (b"", &["all"]),
            (b"\xFF\xFE\x00garbage", &["all"]),
            (b"[1, 2]", &["all"]),
            (too_large.as_bytes(), &["all"]),
            (br#"{"theme": "Dark", "recent": "not a list"}"#, &["recent"]),
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        for (bytes, reset) in cases {
            std::fs::write(&path, bytes).unwrap();
            let stored = read_file(&path);
            let (settings, bad) = stored.as_deref().map(Settings::from_json).unwrap_or_default();
            assert_eq!(bad, *reset, "{}", String::from_utf8_lossy(bytes));
            if reset.contains(&"all") {
                assert_eq!(settings, Settings::default());
            }
        }
        assert_eq!(read_file(&dir.path().join("absent.json")), None, "a first start is quiet");
    }

    #[test]
    fn settings_are_replaced_whole_by_a_rename_and_only_when_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config").join(FILE_NAME);
        let json = saved().to_json();
        assert!(matches!(write_file(&path, &Settings::default().to_json()), Ok(true)));
        #[cfg(unix)]
        let inode = |p: &Path| -> Option<u64> {
            Some(std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).ok()?))
        };
        #[cfg(not(unix))]
        let inode = |_: &Path| None::<u64>;
        let first = inode(&path);
        assert!(matches!(write_file(&path, &json), Ok(true)));
        assert!(cfg!(not(unix)) || inode(&path) != first, "a new file was renamed over the old one");
        assert!(matches!(write_file(&path, &json), Ok(false)), "unchanged settings are not rewritten");
        let back = read_file(&path).map(|json| Settings::from_json(&json));
        assert_eq!(back, Some((saved(), vec![])));
        let files: Vec<_> = std::fs::read_dir(dir.path().join("config"))
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(files, [FILE_NAME], "no temporary file is left behind");
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
