//! The user's own catalog: `stackradar.catalog.json` in the user's config folder and in each
//! opened folder, applied in that order, so the folder's file wins.

use super::Catalog;
use crate::corpus::Source;
use crate::corpus::load::human_bytes;
use crate::problem::{Problem, ProblemKind};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "stackradar.catalog.json";

/// A user catalog file that may exist, and how problems name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogFile {
    /// Where it is.
    pub path: PathBuf,
    /// How problems name it: relative to the opened folder, as problems name notes, or the full
    /// path for a file outside every opened folder.
    pub shown: String,
}

impl CatalogFile {
    /// A file shown by its full path.
    pub fn at(path: PathBuf) -> Self {
        let shown = path.display().to_string();
        Self { path, shown }
    }
}

/// Where user catalogs may be, most general first: the config folder
/// (`$XDG_CONFIG_HOME/stackradar` or `~/.config/stackradar`), then every opened folder.
pub fn candidate_paths(source: &Source) -> Vec<CatalogFile> {
    let mut files = Vec::new();
    if let Some(config) = config_folder() {
        files.push(CatalogFile::at(config.join(FILE_NAME)));
    }
    if let Source::Paths(inputs) = source {
        let folders: Vec<&PathBuf> = inputs.iter().filter(|p| p.is_dir()).collect();
        // With several inputs, notes are shown under their folder's name; so is its catalog.
        let prefixed = inputs.len() > 1;
        files.extend(folders.into_iter().map(|folder| {
            let folder_name = folder.file_name().map(|n| n.to_string_lossy().into_owned());
            let shown = match folder_name {
                Some(name) if prefixed => format!("{name}/{FILE_NAME}"),
                _ => FILE_NAME.to_owned(),
            };
            CatalogFile { path: folder.join(FILE_NAME), shown }
        }));
    }
    files
}

/// The largest user catalog file read. The embedded catalog of 700+ technologies is well under
/// 1 MiB; a file far larger is not a catalog someone wrote, and reading it whole would cost
/// memory for nothing.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The user's stackradar config folder: `$XDG_CONFIG_HOME/stackradar`, else
/// `~/.config/stackradar`; `None` when neither variable is set.
pub fn config_folder() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))
        .map(|config| config.join("stackradar"))
}

/// Merges every user catalog file of `files` that exists into `catalog`. A file that cannot be
/// read, is too large, is not JSON, or has bad entries becomes a [`ProblemKind::Catalog`] problem.
pub fn apply(catalog: &mut Catalog, files: &[CatalogFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| f.path.is_file()) {
        match read_capped(&file.path) {
            Ok(json) => problems.extend(catalog.merge_json(&file.shown, &json)),
            Err(message) => problems.push(Problem::new(file.shown.clone(), ProblemKind::Catalog, message)),
        }
    }
    problems
}

/// The file's text, read only up to [`MAX_FILE_BYTES`] (checked again while reading, for a file
/// that grows or whose size lies).
fn read_capped(path: &Path) -> Result<String, String> {
    let unreadable = |e: std::io::Error| format!("user catalog could not be read: {e}");
    let too_large = |size: u64| {
        format!(
            "user catalog is {}, over the limit of {}; not read",
            human_bytes(size),
            human_bytes(MAX_FILE_BYTES)
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let mut json = String::new();
    file.take(MAX_FILE_BYTES + 1).read_to_string(&mut json).map_err(unreadable)?;
    if json.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(json.len() as u64));
    }
    Ok(json)
}
