//! The user's own catalog: `stackradar.catalog.json` in the user's config folder and in each
//! opened folder, applied in that order, so the folder's file wins.

use super::Catalog;
use crate::corpus::Source;
use crate::problem::{Problem, ProblemKind};
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = "stackradar.catalog.json";

/// Where user catalogs may be, most general first: the config folder
/// (`$XDG_CONFIG_HOME/stackradar` or `~/.config/stackradar`), then every opened folder.
pub fn candidate_paths(source: &Source) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")));
    if let Some(config) = config {
        paths.push(config.join("stackradar").join(FILE_NAME));
    }
    if let Source::Paths(inputs) = source {
        paths.extend(inputs.iter().filter(|p| p.is_dir()).map(|p| p.join(FILE_NAME)));
    }
    paths
}

/// Merges every user catalog file of `paths` that exists into `catalog`. A file that cannot be
/// read, is not JSON, or has bad entries becomes a [`ProblemKind::Catalog`] problem.
pub fn apply(catalog: &mut Catalog, paths: &[PathBuf]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for path in paths.iter().filter(|p| p.is_file()) {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(json) => problems.extend(catalog.merge_json(&shown, &json)),
            Err(e) => problems.push(Problem::new(
                shown,
                ProblemKind::Catalog,
                format!("user catalog could not be read: {e}"),
            )),
        }
    }
    problems
}
