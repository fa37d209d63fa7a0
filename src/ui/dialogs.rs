//! Native file dialogs, behind a trait so that tests never open one.
//!
//! A dialog blocks whoever calls it, so it runs on a worker thread and the UI polls for the
//! answer. rfd answers `None` both when the user cancels and, at once, when the system has no
//! dialog to show (no desktop portal, no zenity); a `None` that comes back faster than a person
//! can click is taken as "unavailable", and the app then offers a path field instead.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// What to ask the user for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    /// One folder.
    Folder,
    /// One or more files.
    Files,
}

/// What a dialog came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose these paths.
    Picked(Vec<PathBuf>),
    /// The user closed the dialog without choosing.
    Dismissed,
    /// No dialog can be shown on this system.
    Unavailable,
}

/// Something that can ask the user for paths. Called on a worker thread; may block.
pub trait FileDialogs: Send + Sync {
    /// Asks for `kind`, starting in `start` when given.
    fn pick(&self, kind: DialogKind, start: Option<&Path>) -> DialogOutcome;
}

/// A `None` from rfd faster than this means no dialog was shown at all.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// The system's dialogs, through rfd (xdg desktop portal, or zenity).
#[derive(Debug, Default, Clone, Copy)]
pub struct RfdDialogs;

impl FileDialogs for RfdDialogs {
    fn pick(&self, kind: DialogKind, start: Option<&Path>) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new();
        if let Some(start) = start {
            dialog = dialog.set_directory(start);
        }
        let asked = Instant::now();
        let picked = match kind {
            DialogKind::Folder => dialog.pick_folder().map(|p| vec![p]),
            DialogKind::Files => dialog
                .add_filter("Notes", crate::corpus::load::NOTE_EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_files(),
        };
        match picked {
            Some(paths) if !paths.is_empty() => DialogOutcome::Picked(paths),
            _ if asked.elapsed() < NO_DIALOG_WITHIN => DialogOutcome::Unavailable,
            _ => DialogOutcome::Dismissed,
        }
    }
}

/// Dialogs that are never available: for tests and machines without a desktop.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick(&self, _: DialogKind, _: Option<&Path>) -> DialogOutcome {
        DialogOutcome::Unavailable
    }
}

/// A dialog that is open (on its worker thread).
#[derive(Debug)]
pub struct PendingDialog {
    receiver: Receiver<DialogOutcome>,
}

impl PendingDialog {
    /// Opens a dialog on a worker thread; `wake` is called when it answers.
    pub fn open(
        dialogs: Arc<dyn FileDialogs>,
        kind: DialogKind,
        start: Option<PathBuf>,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("stackradar-dialog".into()).spawn({
            let sender = sender.clone();
            move || {
                let _ = sender.send(dialogs.pick(kind, start.as_deref()));
                wake();
            }
        });
        if spawned.is_err() {
            let _ = sender.send(DialogOutcome::Unavailable);
        }
        Self { receiver }
    }

    /// The answer, once there is one.
    pub fn poll(&self) -> Option<DialogOutcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(DialogOutcome::Unavailable),
        }
    }
}
