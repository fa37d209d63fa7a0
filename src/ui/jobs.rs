//! Loading a corpus off the UI thread.
//!
//! A [`LoadJob`] runs `Corpus::load_with` and the snapshot's derivations on its own thread and
//! hands back a finished [`Snapshot`]; meanwhile the UI reads progress from the shared
//! [`LoadControl`] and keeps drawing the previous snapshot. A large folder first sends a preview:
//! a snapshot of a sample of its files (`LoadOptions::preview_bytes`), so that the views have something to
//! show within a second. Cancelling sets the control's flag and forgets the job at once: the
//! thread stops at its next check and its result goes nowhere.

use super::results::AnalysisKey;
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
    /// A snapshot of a sample of the files; the job goes on.
    Preview(Box<Snapshot>),
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
    receiver: Receiver<Message>,
    started: Instant,
}

/// What the loading thread sends.
enum Message {
    Preview(Snapshot),
    Finished(Result<Snapshot, String>),
}

impl LoadJob {
    /// Starts loading `source` into a snapshot numbered `first.snapshot`, with the analyses of
    /// `first` computed on the same thread; a preview, if any, is numbered `first.snapshot + 1`.
    /// `wake` is called from the thread when a snapshot is ready, so the UI can repaint without
    /// polling.
    pub fn start(
        source: Source,
        options: LoadOptions,
        first: AnalysisKey,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let control = Arc::new(LoadControl::new());
        let (sender, receiver) = mpsc::channel();
        let thread_control = Arc::clone(&control);
        let thread_source = source.clone();
        let spawned = std::thread::Builder::new().name("stackradar-load".into()).spawn(move || {
            let preview_key = AnalysisKey { snapshot: first.snapshot + 1, ..first.clone() };
            let preview = |corpus: Corpus| {
                let mut snapshot = Snapshot::new(Arc::new(corpus), preview_key);
                snapshot.preview = true;
                // The receiver is gone when the job was cancelled; then nobody wants it.
                let _ = sender.send(Message::Preview(snapshot));
                wake();
            };
            let result = Corpus::load_previewing(
                &thread_source,
                &options,
                &thread_control,
                options.preview_bytes,
                preview,
            )
            .map(|corpus| Snapshot::new(Arc::new(corpus), first))
            .map_err(|error| error.to_string());
            let _ = sender.send(Message::Finished(result));
            wake();
        });
        let job = Self { source, control, receiver, started: Instant::now() };
        if let Err(error) = spawned {
            // No thread, no load: report it through the same channel the thread would use.
            let (sender, receiver) = mpsc::channel();
            let _ = sender.send(Message::Finished(Err(format!("could not start loading: {error}"))));
            return Self { receiver, ..job };
        }
        job
    }

    /// Takes the result if there is one.
    pub fn poll(&self) -> JobOutcome {
        match self.receiver.try_recv() {
            Ok(Message::Preview(snapshot)) => JobOutcome::Preview(Box::new(snapshot)),
            Ok(Message::Finished(Ok(snapshot))) => JobOutcome::Done(Box::new(snapshot)),
            Ok(Message::Finished(Err(message))) => JobOutcome::Failed(message),
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
    use crate::ui::settings::Settings;
    use std::ops::Range;

    /// The analyses a load with the default view computes for snapshot `id`.
    fn key(id: u64) -> AnalysisKey {
        AnalysisKey::new(id, &Settings::default())
    }

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
        let job = LoadJob::start(Source::Embedded, LoadOptions::default(), key(7), || {});
        match wait(&job) {
            JobOutcome::Done(snapshot) => {
                assert_eq!(snapshot.id, 7);
                assert!(!snapshot.corpus.talks.is_empty());
            }
            other => panic!("expected a snapshot, got {other:?}"),
        }
    }

    #[test]
    fn computes_the_first_analyses_for_the_view_it_was_started_with() {
        let mut settings = Settings::default();
        settings.filter.technologies.insert("istio".into());
        let table = [(key(3), false), (AnalysisKey::new(4, &settings), true)];
        for (first, filtered) in table {
            let JobOutcome::Done(snapshot) =
                wait(&LoadJob::start(Source::Embedded, LoadOptions::default(), first.clone(), || {}))
            else {
                panic!("the embedded corpus loads");
            };
            assert_eq!(snapshot.first_key, first);
            let (selected, all) = (snapshot.first_results.selected_talks, snapshot.corpus.talks.len());
            assert!(selected > 0);
            assert_eq!(selected < all, filtered, "{selected} of {all} talks selected");
        }
    }

    const NOTE: &str = "### 2020-01-01：网络实践\n\n> Q：用什么？\n\nA：我们从 Flannel 迁移到了 Calico。\n";

    fn folder_of(files: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..files {
            let sub = dir.path().join(format!("{:02}", i % 50));
            std::fs::create_dir_all(&sub).unwrap();
            std::fs::write(sub.join(format!("{i:05}.md")), NOTE).unwrap();
        }
        dir
    }

    #[test]
    fn a_large_folder_shows_a_preview_of_a_sample_first() {
        let dir = folder_of(40);
        let total: usize = 40 * NOTE.len();
        let table = [(0, false), (total as u64 / 8, true), (total as u64, false)];
        for (preview_bytes, previewed) in table {
            let options = LoadOptions { preview_bytes, ..LoadOptions::default() };
            let job = LoadJob::start(Source::Paths(vec![dir.path().to_path_buf()]), options, key(5), || {});
            let deadline = Instant::now() + Duration::from_secs(60);
            let (mut previews, mut done) = (Vec::new(), None);
            while done.is_none() && Instant::now() < deadline {
                match job.poll() {
                    JobOutcome::Pending => std::thread::sleep(Duration::from_millis(5)),
                    JobOutcome::Preview(snapshot) => previews.push(snapshot),
                    JobOutcome::Done(snapshot) => done = Some(snapshot),
                    JobOutcome::Failed(message) => panic!("{message}"),
                }
            }
            let done = done.expect("the load finishes");
            assert_eq!((done.id, done.preview, done.corpus.files.len()), (5, false, 40));
            assert_eq!(previews.len(), usize::from(previewed), "budget {preview_bytes}");
            if let Some(preview) = previews.first() {
                assert_eq!((preview.id, preview.preview), (6, true));
                let files = preview.corpus.files.len();
                assert!(files > 1 && files < 40, "a sample, not all: {files} files");
                // The preview extracts with the load's matcher, built once for both.
                assert!(!preview.corpus.mentions.is_empty());
                assert!(preview.corpus.mentions.len() < done.corpus.mentions.len());
            }
        }
    }

    /// What a snapshot holds, to tell whether it changed.
    fn fingerprint(snapshot: &Snapshot) -> (u64, usize, usize, usize, usize) {
        let corpus = &snapshot.corpus;
        (snapshot.id, corpus.files.len(), corpus.talks.len(), corpus.mentions.len(), corpus.problems.len())
    }

    /// A snapshot is whole: every reference in it points at something that exists in it.
    fn assert_whole(snapshot: &Snapshot) {
        let corpus = &snapshot.corpus;
        assert!(corpus.files.windows(2).all(|w| w[0].path < w[1].path), "files sorted and unique");
        assert!(corpus.talks.windows(2).all(|w| w[0].file <= w[1].file), "talks grouped by file");
        for entry in &corpus.talks {
            let text = &corpus.files[entry.file.0 as usize].text;
            assert!(text.get(entry.talk.range.clone()).is_some());
            assert!(entry.talk.passages.iter().all(|p| text.get(p.range.clone()).is_some()));
        }
        for mention in &corpus.mentions {
            let entry = &corpus.talks[mention.talk as usize];
            assert!(corpus.files[entry.file.0 as usize].text.get(mention.range()).is_some());
        }
        assert_eq!(snapshot.file_talks.len(), corpus.files.len());
        assert_eq!(snapshot.file_talks.iter().map(Range::len).sum::<usize>(), corpus.talks.len());
    }

    #[test]
    fn cancelling_mid_way_delivers_nothing_and_leaves_the_previous_snapshot_alone() {
        let JobOutcome::Done(previous) =
            wait(&LoadJob::start(Source::Embedded, LoadOptions::default(), key(1), || {}))
        else {
            panic!("the embedded corpus loads");
        };
        let before = fingerprint(&previous);
        // Enough files that the load is surely still reading when it is cancelled.
        let dir = folder_of(20_000);
        let job = LoadJob::start(
            Source::Paths(vec![dir.path().to_path_buf()]),
            LoadOptions::default(),
            key(2),
            || {},
        );
        let deadline = Instant::now() + Duration::from_secs(60);
        while job.progress().files_done == 0 || job.progress().stage < LoadStage::Reading {
            assert!(Instant::now() < deadline, "the load never started reading");
            std::thread::sleep(Duration::from_millis(1));
        }
        let progress = job.progress();
        assert!(progress.files_done < progress.files_total, "cancelled mid-way: {progress:?}");
        let cancelled_at = Instant::now();
        job.cancel();
        match wait(&job) {
            JobOutcome::Failed(message) => assert!(message.contains("cancelled"), "{message}"),
            other => panic!("a cancelled load delivered {other:?}"),
        }
        // The thread stops at its next file, not at the end of the folder.
        assert!(cancelled_at.elapsed() < Duration::from_secs(10), "{:?}", cancelled_at.elapsed());
        assert_eq!(fingerprint(&previous), before);
        assert_whole(&previous);
    }

    #[test]
    fn reloading_a_folder_that_changes_on_disk_delivers_only_whole_snapshots() {
        let dir = folder_of(1_000);
        let root = dir.path().to_path_buf();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        // Rewrites, deletes and adds files while the folder is loaded again and again: some loads
        // see a file half-written or gone, none may deliver a half-built snapshot. Only the first
        // 200 files are touched, so at least 800 are whole whatever the pace of the two threads
        // (the writer once touched all 1,000 and, on a busy machine, had removed most of them).
        let writer = {
            let (stop, root) = (Arc::clone(&stop), root.clone());
            std::thread::spawn(move || {
                let mut round = 0usize;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let i = round % 200;
                    let path = root.join(format!("{:02}", i % 50)).join(format!("{i:05}.md"));
                    let _ = match round % 3 {
                        0 => std::fs::write(&path, NOTE.repeat(1 + round % 7)),
                        1 => std::fs::remove_file(&path),
                        _ => std::fs::write(root.join(format!("new-{i}.md")), NOTE),
                    };
                    round += 1;
                }
            })
        };
        for id in 1..=4 {
            let job =
                LoadJob::start(Source::Paths(vec![root.clone()]), LoadOptions::default(), key(id), || {});
            match wait(&job) {
                JobOutcome::Done(snapshot) => {
                    assert_eq!(snapshot.id, id);
                    assert!(snapshot.corpus.files.len() >= 800, "{} files", snapshot.corpus.files.len());
                    assert_whole(&snapshot);
                }
                other => panic!("load {id}: {other:?}"),
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        writer.join().unwrap();
    }

    #[test]
    fn a_missing_path_fails_with_a_message() {
        let source = Source::Paths(vec!["/no/such/folder/anywhere".into()]);
        let job = LoadJob::start(source, LoadOptions::default(), key(1), || {});
        assert!(matches!(wait(&job), JobOutcome::Failed(m) if m.contains("no such file")));
    }
}
