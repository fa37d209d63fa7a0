//! Charts to files: for each chart an SVG, a PNG at the chosen scale and the CSV of exactly the
//! numbers plotted, with the provenance caption unless it is turned off.
//!
//! Everything is rendered in memory first and only then written, each file through a temporary
//! file and a rename. If any write fails (full disk, unwritable folder), the files this export
//! had already created are removed again, so a failed export leaves nothing of itself behind.

use super::png::{self, DEFAULT_SCALE};
use super::{ExportError, svg, tables::to_csv, write_atomic};
use crate::chart::{Chart, ChartKind, Provenance};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// How charts are exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// PNG pixels per canvas unit, 1–4.
    pub scale: f32,
    /// The provenance line under each image; `None` turns it off.
    pub provenance: Option<Provenance>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self { scale: DEFAULT_SCALE, provenance: None }
    }
}

/// The three files of one chart, rendered and not yet written.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Which chart.
    pub kind: ChartKind,
    /// Its title.
    pub title: String,
    /// The SVG document.
    pub svg: String,
    /// The PNG image.
    pub png: Vec<u8>,
    /// The plotted numbers.
    pub csv: Vec<u8>,
}

impl Rendered {
    /// (file name, bytes) of the three files.
    pub fn files(&self) -> [(String, &[u8]); 3] {
        let stem = self.kind.file_stem();
        [
            (format!("{stem}.png"), self.png.as_slice()),
            (format!("{stem}.svg"), self.svg.as_bytes()),
            (format!("{stem}.csv"), self.csv.as_slice()),
        ]
    }
}

/// Renders `chart` to SVG, PNG and CSV.
pub fn render(chart: &Chart, options: &ChartOptions) -> Result<Rendered, ExportError> {
    let mut chart = chart.clone();
    chart.caption = options.provenance.as_ref().map(|p| p.caption(&chart.measure));
    let svg = svg::to_svg(&chart);
    let png = png::from_svg(&svg, options.scale)?;
    let header: Vec<&str> = chart.table.header.iter().map(String::as_str).collect();
    let csv = to_csv("chart", &header, chart.table.rows.clone())?;
    Ok(Rendered { kind: chart.kind, title: chart.title, svg, png, csv })
}

/// Renders several charts at once (in parallel: each PNG is independent work).
pub fn render_all(charts: &[Chart], options: &ChartOptions) -> Result<Vec<Rendered>, ExportError> {
    charts.par_iter().map(|c| render(c, options)).collect()
}

/// The files of `names` that already exist in `dir`: what an export would replace.
pub fn existing(dir: &Path, names: &[String]) -> Vec<PathBuf> {
    names.iter().map(|n| dir.join(n)).filter(|p| p.exists()).collect()
}

/// Writes `files` into `dir` (which must exist) all or nothing: when one fails, those this call
/// created are removed and the error is returned. Returns the paths written.
pub fn write_all(dir: &Path, files: &[(String, &[u8])]) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        let existed = path.exists();
        if let Err(error) = write_atomic(&path, bytes) {
            for created in &written {
                // Best effort: the original error is what the user needs to see.
                let _ = std::fs::remove_file(created);
            }
            return Err(error);
        }
        if !existed {
            written.push(path.clone());
        }
    }
    Ok(files.iter().map(|(name, _)| dir.join(name)).collect())
}

/// Exports one chart into `dir` as SVG, PNG and CSV; refuses to replace existing files unless
/// `overwrite` (the caller asked the user first).
pub fn export_chart(
    chart: &Chart,
    dir: &Path,
    options: &ChartOptions,
    overwrite: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let rendered = render(chart, options)?;
    let files = rendered.files();
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let replaced = existing(dir, &names);
    if !overwrite && !replaced.is_empty() {
        return Err(ExportError::WouldReplace(replaced));
    }
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io { path: dir.to_path_buf(), source })?;
    write_all(dir, &files)
}
