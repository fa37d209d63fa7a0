//! Watching and stopping a load from another thread.
//!
//! Loading a large folder takes seconds; whoever started it (the app's background job) wants to
//! show how far it got and to stop it. A [`LoadControl`] is shared between the two: the loader
//! counts into it and looks at its cancel flag between files; the watcher reads the counters and
//! sets the flag. Plain atomics, so that watching never slows the loader down.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

/// What a load is doing right now, in the order the stages run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LoadStage {
    /// Walking folders to find note files.
    Listing,
    /// Reading files' bytes.
    Reading,
    /// Deciding encodings and repairing mojibake.
    Decoding,
    /// Finding talks, dates and Q&A pairs.
    Parsing,
    /// Everything is loaded.
    Done,
}

impl LoadStage {
    const ALL: [Self; 5] = [Self::Listing, Self::Reading, Self::Decoding, Self::Parsing, Self::Done];
}

/// Shared progress counters and a cancel flag for one load.
#[derive(Debug, Default)]
pub struct LoadControl {
    cancel: AtomicBool,
    stage: AtomicU8,
    files_total: AtomicU64,
    files_done: AtomicU64,
    bytes_done: AtomicU64,
}

impl LoadControl {
    /// A control for a load that has not started.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the load to stop at the next file; it then fails with `LoadError::Cancelled`.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Self::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The stage the load is in.
    pub fn stage(&self) -> LoadStage {
        let index = usize::from(self.stage.load(Ordering::Relaxed));
        LoadStage::ALL.get(index).copied().unwrap_or(LoadStage::Done)
    }

    /// Files found so far (final once the stage is past [`LoadStage::Listing`]).
    pub fn files_total(&self) -> u64 {
        self.files_total.load(Ordering::Relaxed)
    }

    /// Files done in the current stage.
    pub fn files_done(&self) -> u64 {
        self.files_done.load(Ordering::Relaxed)
    }

    /// Bytes read so far.
    pub fn bytes_done(&self) -> u64 {
        self.bytes_done.load(Ordering::Relaxed)
    }

    /// Enters `stage`; the per-stage file counter starts again from zero.
    pub fn enter(&self, stage: LoadStage) {
        let index = LoadStage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(u8::try_from(index).unwrap_or(u8::MAX), Ordering::Relaxed);
        self.files_done.store(0, Ordering::Relaxed);
    }

    /// Counts files found by the walk.
    pub(crate) fn found(&self, files: u64) {
        self.files_total.fetch_add(files, Ordering::Relaxed);
    }

    /// Counts one file done in the current stage, of `bytes` bytes when the stage reads them.
    pub(crate) fn file_done(&self, bytes: u64) {
        self.files_done.fetch_add(1, Ordering::Relaxed);
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_round_trip_and_reset_the_file_counter() {
        let control = LoadControl::new();
        assert_eq!(control.stage(), LoadStage::Listing);
        control.found(3);
        control.enter(LoadStage::Reading);
        control.file_done(10);
        control.file_done(5);
        assert_eq!((control.files_total(), control.files_done(), control.bytes_done()), (3, 2, 15));
        control.enter(LoadStage::Decoding);
        assert_eq!((control.stage(), control.files_done()), (LoadStage::Decoding, 0));
        assert!(!control.is_cancelled());
        control.cancel();
        assert!(control.is_cancelled());
    }
}
