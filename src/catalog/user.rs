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

/// Where user catalogs may be, most general first: the config folder
/// (`$XDG_CONFIG_HOME/stackradar` or `~/.config/stackradar`), then every opened folder.
pub fn candidate_paths(source: &Source) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if let Some(config) = config_folder() {
        paths.push(config.join(FILE_NAME));
    }
    if let Source::Paths(inputs) = source {
        paths.extend(inputs.iter().filter(|p| p.is_dir()).map(|p| p.join(FILE_NAME)));
    }
    paths
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

/// Merges every user catalog file of `paths` that exists into `catalog`. A file that cannot be
/// read, is too large, is not JSON, or has bad entries becomes a [`ProblemKind::Catalog`] problem.
pub fn apply(catalog: &mut Catalog, paths: &[PathBuf]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for path in paths.iter().filter(|p| p.is_file()) {
        let shown = path.display().to_string();
        match read_capped(path) {
            Ok(json) => problems.extend(catalog.merge_json(&shown, &json)),
            Err(message) => problems.push(Problem::new(shown, ProblemKind::Catalog, message)),
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
