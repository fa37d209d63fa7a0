//! Writing results: only where the user asked, never inside the input, and atomically
//! (write to a temporary file beside the target, then rename) so that a failure never leaves
//! half a file behind.

pub mod analysis_tables;
pub mod charts;
pub mod network;
pub mod png;
pub mod report;
pub mod review;
pub mod streamed;
pub mod svg;
pub mod tables;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output folder has files in it and overwriting was not allowed.
    #[error("{}: folder is not empty (use --force to write into it anyway)", .0.display())]
    NotEmpty(PathBuf),
    /// Files would be replaced and replacing was not confirmed.
    #[error("{} would be replaced (confirm to replace)", .0.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    WouldReplace(Vec<PathBuf>),
    /// The output path exists and is not a folder.
    #[error("{}: exists and is not a folder", .0.display())]
    NotAFolder(PathBuf),
    /// Creating, writing or renaming failed.
    #[error("{}: cannot write: {}", path.display(), explain(source))]
    Io {
        /// The path being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// Writing a CSV table failed (should not happen: it is written to memory).
    #[error("cannot write {what} table: {source}")]
    Csv {
        /// Which table.
        what: &'static str,
        /// The CSV writer's error.
        source: csv::Error,
    },
    /// Drawing an image failed.
    #[error("cannot render {what}: {message}")]
    Render {
        /// Which format.
        what: &'static str,
        /// The renderer's message.
        message: String,
    },
    /// Serialising the data failed (should not happen for our own types).
    #[error("cannot serialise {what}: {source}")]
    Serialise {
        /// What was being serialised.
        what: &'static str,
        /// The serialiser's error.
        source: serde_json::Error,
    },
}

/// What an I/O failure means for someone exporting, in words, with the system's own message.
fn explain(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let plain = match error.kind() {
        ErrorKind::StorageFull => "the disk is full",
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => "this folder may not be written to",
        ErrorKind::NotFound => "the folder does not exist",
        _ => return error.to_string(),
    };
    format!("{plain} ({error})")
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io { path: path.to_path_buf(), source }
}

/// Makes sure `dir` exists and may be written: creates it if needed; refuses a non-empty folder
/// unless `force`.
pub fn prepare_output_dir(dir: &Path, force: bool) -> Result<(), ExportError> {
    match std::fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(ExportError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir).map_err(io_error(dir))?;
            if !force && entries.next().is_some() {
                return Err(ExportError::NotEmpty(dir.to_path_buf()));
            }
            Ok(())
        }
        Err(_) => std::fs::create_dir_all(dir).map_err(io_error(dir)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
/// `path` either keeps its old content or gets the whole new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, |out| out.write_all(bytes).map_err(io_error(path)))
}

/// [`write_atomic`] for content produced piece by piece: `write` streams into a buffered writer
/// over the temporary file, so a large table never has to be held in memory whole. When `write`
/// fails, the temporary file is removed and `path` is left as it was. `write` may fail with
/// errors of its own (a load that writes as it goes), passed on as they are.
pub fn write_atomic_with<E: From<ExportError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    Ok(write_staged_with(path, write)?.commit()?)
}

/// [`write_atomic_with`] up to the rename: the content is written to a temporary file beside
/// `path`, and [`Staged::commit`] finishes. Flushing a large file to disk takes a while with
/// no work for the cores; a caller with work left can commit on another thread meanwhile.
pub fn write_staged_with<E: From<ExportError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<Staged, E> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // Temporary files are private (0600) by default; the export is an ordinary file for the
    // user to share, so it gets ordinary permissions (the umask still applies).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir).map_err(io_error(path))?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
    write(&mut buffered)?;
    buffered.flush().map_err(io_error(path))?;
    drop(buffered);
    Ok(Staged { temp, path: path.to_path_buf() })
}

/// A file written in full under a temporary name beside its target ([`write_staged_with`]).
/// Dropped without [`Staged::commit`], the temporary file is removed and the target is left
/// as it was.
#[derive(Debug)]
#[must_use = "a staged file is removed unless committed"]
pub struct Staged {
    temp: tempfile::NamedTempFile,
    path: PathBuf,
}

impl Staged {
    /// Flushes the content to disk, then renames it over the target: the target either keeps
    /// its old content or gets the whole new one, even if the machine stops in between.
    pub fn commit(self) -> Result<(), ExportError> {
        self.temp.as_file().sync_all().map_err(io_error(&self.path))?;
        self.temp
            .persist(&self.path)
            .map_err(|e| ExportError::Io { path: self.path.clone(), source: e.error })?;
        Ok(())
    }
}
