//! Loading a corpus off the UI thread.
//!
//! A [`LoadJob`] runs `Corpus::load_with` and the snapshot's derivations on its own thread and
//! hands back a finished [`Snapshot`]; meanwhile the UI reads progress from the shared
//! [`LoadControl`] and keeps drawing the previous snapshot. Cancelling sets the control's flag and
//! forgets the job at once: the thread stops at its next check and its result goes nowhere.

use super::snapshot::Snapshot;
use crate::corpus::{LoadControl, LoadOptions, LoadStage, Source};
use crate::index::Corpus;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// What a job has come to.
#[derive(Debug)]
pub enum JobOutcome {
    /// Still working.
    Pending,
    /// The new snapshot.
    Done(Box<Snapshot>),
    /// Nothing could be loaded; the message says why.
    Failed(String),
}

/// How far a job got, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The loader's current stage; `Done` while the snapshot is being indexed.
    pub stage: LoadStage,
    /// Files done in this stage.
    pub files_done: u64,
    /// Files found.
    pub files_total: u64,
    /// Bytes read.
    pub bytes_done: u64,
    /// Time since the job started.
    pub elapsed: Duration,
}

/// A load running on a background thread.
#[derive(Debug)]
pub struct LoadJob {
    /// What is being loaded.
    pub source: Source,
    control: Arc<LoadControl>,
    receiver: Receiver<Result<Snapshot, String>>,
    started: Instant,
}

impl LoadJob {
    /// Starts loading `source` into a snapshot numbered `id`; `wake` is called from the thread
    /// when the result is ready, so the UI can repaint without polling.
    pub fn start(source: Source, options: LoadOptions, id: u64, wake: impl Fn() + Send + 'static) -> Self {
        let control = Arc::new(LoadControl::new());
        let (sender, receiver) = mpsc::channel();
        let thread_control = Arc::clone(&control);
        let thread_source = source.clone();
        let spawned = std::thread::Builder::new().name("stackradar-load".into()).spawn(move || {
            let result = Corpus::load_with(&thread_source, &options, &thread_control)
                .map(|corpus| Snapshot::new(id, Arc::new(corpus)))
                .map_err(|error| error.to_string());
            // The receiver is gone when the job was cancelled; then nobody wants the result.
            let _ = sender.send(result);
            wake();
        });
        let job = Self { source, control, receiver, started: Instant::now() };
        if let Err(error) = spawned {
            // No thread, no load: report it through the same channel the thread would use.
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(Err(format!("could not start loading: {error}")));
            return Self { receiver, ..job };
        }
        job
    }

    /// Takes the result if there is one.
    pub fn poll(&self) -> JobOutcome {
        match self.receiver.try_recv() {
            Ok(Ok(snapshot)) => JobOutcome::Done(Box::new(snapshot)),
            Ok(Err(message)) => JobOutcome::Failed(message),
            Err(TryRecvError::Empty) => JobOutcome::Pending,
            Err(TryRecvError::Disconnected) => JobOutcome::Failed("loading stopped unexpectedly".into()),
        }
    }

    /// Asks the thread to stop; the caller drops the job.
    pub fn cancel(&self) {
        self.control.cancel();
    }

    /// Progress so far.
    pub fn progress(&self) -> Progress {
        Progress {
            stage: self.control.stage(),
            files_done: self.control.files_done(),
            files_total: self.control.files_total(),
            bytes_done: self.control.bytes_done(),
            elapsed: self.started.elapsed(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(job: &LoadJob) -> JobOutcome {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            match job.poll() {
                JobOutcome::Pending if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                outcome => return outcome,
            }
        }
    }

    #[test]
    fn loads_the_embedded_corpus_off_thread() {
        let job = LoadJob::start(Source::Embedded, LoadOptions::default(), 7, || {});
        match wait(&job) {
            JobOutcome::Done(snapshot) => {
                assert_eq!(snapshot.id, 7);
                assert!(!snapshot.corpus.talks.is_empty());
            }
            other => panic!("expected a snapshot, got {other:?}"),
        }
    }

    #[test]
    fn a_missing_path_fails_with_a_message() {
        let source = Source::Paths(vec!["/no/such/folder/anywhere".into()]);
        let job = LoadJob::start(source, LoadOptions::default(), 1, || {});
        assert!(matches!(wait(&job), JobOutcome::Failed(m) if m.contains("no such file")));
    }
}
