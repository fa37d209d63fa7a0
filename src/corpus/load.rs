//! Walking folders and reading bytes. This module never writes anything, anywhere.
//!
//! Folders are walked recursively (following symbolic links, with loops detected), hidden
//! folders and files are skipped, and only note formats are read. Every skipped or unreadable
//! entry becomes a [`Problem`]; only a path that does not exist at all is an error.

use super::control::{LoadControl, LoadStage};
use crate::catalog::user::FILE_NAME as CATALOG_FILE;
use crate::problem::{Problem, ProblemKind};
use rayon::prelude::*;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File extensions read when walking a folder (compared case-insensitively).
pub const NOTE_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text", "html", "htm"];

/// The default size cap: larger files are skipped with a problem.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The largest file read whatever the options say. Mentions keep 32-bit byte offsets, and
/// decoding can at most triple a text's size (one byte of a legacy encoding, or one invalid
/// byte, becomes up to three of UTF-8), so every offset of a file this size stays below 4 GiB.
pub const MAX_FILE_BYTES_LIMIT: u64 = 1 << 30;

/// Where the notes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The sample corpus compiled into the binary.
    Embedded,
    /// Folders (read recursively) and files on disk.
    Paths(Vec<PathBuf>),
}

impl Source {
    /// A short human name for the source: for reports, captions and window titles.
    pub fn display_name(&self) -> String {
        match self {
            Self::Embedded => super::embedded::NAME.to_owned(),
            Self::Paths(paths) => {
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            }
        }
    }
}

/// Default of [`LoadOptions::preview_bytes`]: about a fifth of a second of loading, so that a
/// preview comes soon after the files are read.
pub const DEFAULT_PREVIEW_BYTES: u64 = 16 << 20;

/// Knobs of the loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this (or than [`MAX_FILE_BYTES_LIMIT`]) are skipped with a
    /// [`ProblemKind::TooLarge`] problem.
    pub max_file_bytes: u64,
    /// Bytes of a large folder's files that the app loads first, as a preview; 0 for none.
    /// Only loads that show a preview use it (the app's, not the command line's).
    pub preview_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { max_file_bytes: DEFAULT_MAX_FILE_BYTES, preview_bytes: DEFAULT_PREVIEW_BYTES }
    }
}

/// The bytes of one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFile {
    /// Path as shown to the user: relative to the folder it was found in (prefixed by that
    /// folder's name when several inputs were given), or the file name for a file given directly.
    pub path: String,
    /// The file's bytes, exactly as on disk.
    pub bytes: Vec<u8>,
}

/// Why nothing at all could be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// An input path given by the user does not exist.
    #[error("{}: no such file or folder", .0.display())]
    NotFound(PathBuf),
    /// The load was cancelled through its [`LoadControl`].
    #[error("loading was cancelled")]
    Cancelled,
}

/// A file found by the walk, still to be read.
struct Candidate {
    full: PathBuf,
    shown: String,
}

/// A note file found by [`list`], not read yet: loads that hold only part of a corpus at a time
/// read the list a batch at a time.
#[derive(Debug, Clone)]
pub struct Listed {
    origin: Origin,
    /// Path as shown to the user (see [`RawFile::path`]).
    pub shown: String,
    /// Size in bytes when listed (0 when it could not be told): for sizing batches.
    pub size: u64,
}

#[derive(Debug, Clone)]
enum Origin {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// Lists and reads every note file of `source`. The result is sorted by path.
pub fn load(source: &Source, options: &LoadOptions) -> Result<(Vec<RawFile>, Vec<Problem>), LoadError> {
    load_with(source, options, &LoadControl::new())
}

/// [`load`], counting progress into `control` and stopping with [`LoadError::Cancelled`] when
/// it is cancelled.
pub fn load_with(
    source: &Source,
    options: &LoadOptions,
    control: &LoadControl,
) -> Result<(Vec<RawFile>, Vec<Problem>), LoadError> {
    let (listed, mut problems) = list(source, control)?;
    let (files, read_problems) = read_listed(listed, options, control)?;
    problems.extend(read_problems);
    Ok((files, problems))
}

/// Every note file of `source`, sorted by path shown, each path once (the first found), and
/// the entries the walk skipped. Fails only when an input path does not exist.
pub fn list(source: &Source, control: &LoadControl) -> Result<(Vec<Listed>, Vec<Problem>), LoadError> {
    control.enter(LoadStage::Listing);
    let (mut listed, problems) = match source {
        Source::Embedded => (embedded_files(control), Vec::new()),
        Source::Paths(paths) => list_paths(paths, control)?,
    };
    // Stable: of two inputs that show the same path, the first given is kept.
    listed.sort_by(|a, b| a.shown.cmp(&b.shown));
    listed.dedup_by(|a, b| a.shown == b.shown);
    Ok((listed, problems))
}

/// Reads `listed` in parallel, in its order; a file that cannot be read is a problem. Once
/// `control` is cancelled the remaining files are skipped and the result is
/// [`LoadError::Cancelled`].
pub fn read_listed(
    listed: Vec<Listed>,
    options: &LoadOptions,
    control: &LoadControl,
) -> Result<(Vec<RawFile>, Vec<Problem>), LoadError> {
    control.enter(LoadStage::Reading);
    let read: Vec<Option<Result<RawFile, Problem>>> = listed
        .into_par_iter()
        .map(|file| {
            (!control.is_cancelled()).then(|| {
                let result = match file.origin {
                    Origin::Embedded(bytes) => Ok(RawFile { path: file.shown, bytes: bytes.to_vec() }),
                    Origin::Disk(full) => read_file(&full, file.shown, options),
                };
                control.file_done(result.as_ref().map_or(0, |f| f.bytes.len() as u64));
                result
            })
        })
        .collect();
    if control.is_cancelled() {
        return Err(LoadError::Cancelled);
    }
    let mut files = Vec::with_capacity(read.len());
    let mut problems = Vec::new();
    for result in read.into_iter().flatten() {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    Ok((files, problems))
}

fn embedded_files(control: &LoadControl) -> Vec<Listed> {
    let files = super::embedded::FILES;
    control.found(files.len() as u64);
    files
        .iter()
        .map(|(name, bytes)| Listed {
            origin: Origin::Embedded(bytes),
            shown: (*name).to_owned(),
            size: bytes.len() as u64,
        })
        .collect()
}

fn list_paths(paths: &[PathBuf], control: &LoadControl) -> Result<(Vec<Listed>, Vec<Problem>), LoadError> {
    if let Some(missing) =
        paths.iter().find(|p| std::fs::metadata(p).is_err() && std::fs::symlink_metadata(p).is_err())
    {
        return Err(LoadError::NotFound(missing.clone()));
    }
    let prefix_with_root = paths.len() > 1;
    let mut problems = Vec::new();
    let mut candidates = Vec::new();
    for root in paths {
        walk(root, prefix_with_root, &mut candidates, &mut problems, control);
    }
    // A stat per file, for batch sizes: in parallel, as the reading will be.
    let listed = candidates
        .into_par_iter()
        .map(|c| {
            let size = std::fs::metadata(&c.full).map_or(0, |m| m.len());
            Listed { origin: Origin::Disk(c.full), shown: c.shown, size }
        })
        .collect();
    Ok((listed, problems))
}

/// Collects the note files below `root` (or `root` itself), recording what it skips.
fn walk(
    root: &Path,
    prefix_with_root: bool,
    out: &mut Vec<Candidate>,
    problems: &mut Vec<Problem>,
    control: &LoadControl,
) {
    let root_name = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let shown = |path: &Path| -> String {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let relative = relative.to_string_lossy().replace('\\', "/");
        match (relative.is_empty(), prefix_with_root) {
            (true, _) => root_name.clone(),
            (false, true) => format!("{root_name}/{relative}"),
            (false, false) => relative,
        }
    };
    let root_meta = std::fs::metadata(root);
    if root_meta.as_ref().is_ok_and(|m| !m.is_dir() && !m.is_file()) {
        problems.push(Problem::new(
            shown(root),
            ProblemKind::UnsupportedType,
            "not a regular file; not read",
        ));
        return;
    }
    if root_meta.is_ok_and(|m| m.is_file()) {
        // A file named directly is read whatever its extension: the user chose it.
        out.push(Candidate { full: root.to_path_buf(), shown: shown(root) });
        control.found(1);
        return;
    }
    let walker = WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    let mut walker = walker.filter_entry(|entry| {
        // The root itself is entered even when its name starts with a dot: the user chose it.
        entry.depth() == 0 || !is_hidden(entry.file_name())
    });
    loop {
        if control.is_cancelled() {
            return;
        }
        let entry = match walker.next() {
            None => break,
            Some(Ok(entry)) => entry,
            Some(Err(error)) => {
                problems.push(walk_problem(&error, &shown));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            note_hidden_children(entry.path(), &shown, problems);
            continue;
        }
        let path = entry.path();
        if !entry.file_type().is_file() {
            // FIFOs, sockets and devices: reading one could block forever or never end.
            problems.push(Problem::new(
                shown(path),
                ProblemKind::UnsupportedType,
                "not a regular file; not read",
            ));
            continue;
        }
        // The folder's own catalog is read with the catalog, not as a note; not a problem.
        let own_catalog = entry.depth() == 1 && entry.file_name() == CATALOG_FILE;
        if !has_note_extension(path) && !own_catalog {
            problems.push(Problem::new(
                shown(path),
                ProblemKind::UnsupportedType,
                "not a note format (.md, .markdown, .txt, .text, .html, .htm); not read",
            ));
            continue;
        }
        if own_catalog {
            continue;
        }
        out.push(Candidate { full: path.to_path_buf(), shown: shown(path) });
        control.found(1);
    }
}

/// Hidden entries are filtered out of the walk before they are seen; list them here so that the
/// user can tell that they were skipped on purpose.
fn note_hidden_children(dir: &Path, shown: &dyn Fn(&Path) -> String, problems: &mut Vec<Problem>) {
    let Ok(children) = std::fs::read_dir(dir) else { return };
    let mut hidden: Vec<PathBuf> =
        children.flatten().filter(|c| is_hidden(&c.file_name())).map(|c| c.path()).collect();
    hidden.sort();
    for path in hidden {
        problems.push(Problem::new(shown(&path), ProblemKind::Hidden, "hidden; not read"));
    }
}

fn walk_problem(error: &walkdir::Error, shown: &dyn Fn(&Path) -> String) -> Problem {
    let path = error.path().map(shown).unwrap_or_default();
    if error.loop_ancestor().is_some() {
        return Problem::new(
            path,
            ProblemKind::SymlinkLoop,
            "symbolic link loops back to a folder above it; not followed",
        );
    }
    match error.path().map(broken_link) {
        Some(Some(BrokenLink::Dangling)) => {
            return Problem::new(path, ProblemKind::Unreadable, "symbolic link points to nothing; not read");
        }
        Some(Some(BrokenLink::Cycle)) => {
            return Problem::new(
                path,
                ProblemKind::SymlinkLoop,
                "symbolic link leads back to itself through other links; not followed",
            );
        }
        Some(None) | None => {}
    }
    let kind = match error.io_error().map(io::Error::kind) {
        Some(io::ErrorKind::NotFound) => ProblemKind::Vanished,
        _ => ProblemKind::Unreadable,
    };
    let message = match error.io_error() {
        Some(io) => format!("could not be read: {io}"),
        None => format!("could not be read: {error}"),
    };
    Problem::new(path, kind, message)
}

/// Why a symbolic link cannot be followed to a file or folder.
enum BrokenLink {
    /// The chain of links ends at a path where nothing is.
    Dangling,
    /// The chain of links comes back to a link it already went through (`a -> a`, `a -> b -> a`).
    Cycle,
}

/// Follows the chain of links starting at `path`, if it is a link whose target cannot be reached.
fn broken_link(path: &Path) -> Option<BrokenLink> {
    let mut seen = std::collections::HashSet::new();
    let mut current = path.to_path_buf();
    // The kernel gives up after 40 links; a chain that long counts as a cycle too.
    for _ in 0..=40 {
        let meta = std::fs::symlink_metadata(&current).ok()?;
        if !meta.file_type().is_symlink() {
            return None;
        }
        if !seen.insert(current.clone()) {
            return Some(BrokenLink::Cycle);
        }
        let target = std::fs::read_link(&current).ok()?;
        current = current.parent().map_or_else(|| target.clone(), |dir| dir.join(&target));
        if std::fs::symlink_metadata(&current).is_err() {
            return Some(BrokenLink::Dangling);
        }
    }
    Some(BrokenLink::Cycle)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_note_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| NOTE_EXTENSIONS.contains(&e.as_str()))
}

/// Reads the file at `full`, shown to the user as `shown`, applying the size cap and the binary
/// check: at most `max_file_bytes + 1` bytes of it, so that a file that grows while it is read
/// cannot make us read without end. Every failure is a [`Problem`] about that file.
pub fn read_file(full: &Path, shown: String, options: &LoadOptions) -> Result<RawFile, Problem> {
    let io_problem = |error: io::Error| {
        let kind = if error.kind() == io::ErrorKind::NotFound {
            ProblemKind::Vanished
        } else {
            ProblemKind::Unreadable
        };
        let message = if kind == ProblemKind::Vanished {
            "disappeared while the folder was read".to_owned()
        } else {
            format!("could not be read: {error}")
        };
        Problem::new(&shown, kind, message)
    };
    let file = std::fs::File::open(full).map_err(io_problem)?;
    let cap = options.max_file_bytes.min(MAX_FILE_BYTES_LIMIT);
    let too_large = |size: u64| {
        Problem::new(
            &shown,
            ProblemKind::TooLarge,
            format!("{} is over the size limit of {}; not read", human_bytes(size), human_bytes(cap)),
        )
    };
    let size = file.metadata().map_err(io_problem)?.len();
    if size > cap {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes).map_err(io_problem)?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64));
    }
    if let Some(reason) = binary_reason(&bytes) {
        return Err(Problem::new(&shown, ProblemKind::Binary, format!("looks binary ({reason}); not read")));
    }
    Ok(RawFile { path: shown, bytes })
}

/// Why `bytes` look like a binary file rather than text, if they do.
///
/// UTF-16 text is full of NUL bytes, so a UTF-16 byte-order mark clears a file; otherwise a NUL
/// byte, or more than one control byte in ten, in the first 8 KiB means binary.
pub fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or_default();
    if head.contains(&0) {
        return Some("contains NUL bytes");
    }
    let control =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)).count();
    (control * 10 > head.len()).then_some("mostly control bytes")
}

/// `1.5 MiB`-style sizes for messages.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS.get(unit).unwrap_or(&"?"))
    }
}
