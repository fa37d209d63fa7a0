//! Computing something off the UI thread and keeping the last answer on screen meanwhile.
//!
//! A [`Worker`] holds the latest finished result with the key it was computed for. Asking for a
//! key that is already shown or already running costs a comparison, so views can ask every
//! frame. At most one computation runs at a time: while it runs, only the newest request waits
//! (dragging a slider through ten values computes the first and the last, not all ten), and a
//! result whose key is no longer wanted still replaces an older one, since it is closer to what
//! the user asked for than nothing new.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// The work of one request: runs on a background thread.
type Job<V> = Box<dyn FnOnce() -> V + Send + 'static>;

/// A computation keyed by `K` producing `V`, run on a background thread.
pub struct Worker<K, V> {
    name: &'static str,
    current: Option<(K, Arc<V>)>,
    running: Option<(K, Receiver<V>)>,
    waiting: Option<(K, Job<V>)>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl<K: PartialEq + Clone, V: Send + Sync + 'static> Worker<K, V> {
    /// A worker whose threads are named `name` and call `wake` when a result is ready, so the UI
    /// can repaint without polling.
    pub fn new(name: &'static str, wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self { name, current: None, running: None, waiting: None, wake: Arc::new(wake) }
    }

    /// Asks for the result of `key`; `job` computes it and is only called when neither the
    /// result on screen nor the running computation is for `key`.
    pub fn request(&mut self, key: &K, job: impl FnOnce() -> V + Send + 'static) {
        let shown = self.current.as_ref().is_some_and(|(k, _)| k == key);
        let running = self.running.as_ref().is_some_and(|(k, _)| k == key);
        if shown || running {
            // Already on screen or on its way: whatever else waited is no longer wanted.
            self.waiting = None;
            return;
        }
        if self.waiting.as_ref().is_some_and(|(k, _)| k == key) {
            return;
        }
        self.waiting = Some((key.clone(), Box::new(job)));
        self.start_waiting();
    }

    /// Takes a finished result, if any, and starts the waiting request. Returns whether the
    /// result on screen changed.
    pub fn poll(&mut self) -> bool {
        let Some((_, receiver)) = &self.running else { return false };
        let finished = match receiver.try_recv() {
            Ok(value) => Some(value),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => None,
        };
        let Some((key, _)) = self.running.take() else { return false };
        let changed = finished.is_some();
        if let Some(value) = finished {
            self.current = Some((key, Arc::new(value)));
        }
        self.start_waiting();
        changed
    }

    /// The latest finished result and its key.
    pub fn current(&self) -> Option<(&K, &Arc<V>)> {
        self.current.as_ref().map(|(k, v)| (k, v))
    }

    /// Shows `value` as the result of `key` without computing it; a computation that runs or
    /// waits still replaces it when it finishes.
    pub fn seed(&mut self, key: K, value: Arc<V>) {
        self.current = Some((key, value));
    }

    /// Whether a computation runs or waits.
    pub fn is_busy(&self) -> bool {
        self.running.is_some() || self.waiting.is_some()
    }

    /// Forgets everything (a new snapshot came in); a running computation's result is dropped.
    pub fn clear(&mut self) {
        self.current = None;
        self.running = None;
        self.waiting = None;
    }

    fn start_waiting(&mut self) {
        if self.running.is_some() {
            return;
        }
        let Some((key, job)) = self.waiting.take() else { return };
        let (sender, receiver) = mpsc::channel();
        let wake = Arc::clone(&self.wake);
        let spawned =
            std::thread::Builder::new().name(format!("stackradar-{}", self.name)).spawn(move || {
                // The receiver is gone when the worker was cleared; then nobody wants the result.
                let _ = sender.send(job());
                wake();
            });
        // Without a thread the request cannot run; `poll` sees the channel closed and moves on.
        if spawned.is_ok() {
            self.running = Some((key, receiver));
        }
    }
}

#[cfg(test)]
#[allow(clippy::string_slice, clippy::unreachable)] // tests slice and stop freely
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn settle(worker: &mut Worker<u32, u32>) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while worker.is_busy() && Instant::now() < deadline {
            worker.poll();
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn keeps_the_last_result_and_computes_only_the_newest_request() {
        let calls = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let mut worker = Worker::new("test", || {});
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let counted = Arc::clone(&calls);
        worker.request(&1, move || {
            let _ = gate_rx.recv_timeout(Duration::from_secs(5));
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            10
        });
        for key in 2..6 {
            let counted = Arc::clone(&calls);
            worker.request(&key, move || {
                counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                key * 10
            });
        }
        assert!(worker.current().is_none(), "nothing finished yet");
        gate_tx.send(()).unwrap();
        settle(&mut worker);
        assert_eq!(worker.current().map(|(k, v)| (*k, **v)), Some((5, 50)));
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 2, "1 ran, 2–4 were superseded");
        worker.request(&5, || unreachable!("already shown"));
        assert!(!worker.is_busy());
    }

    #[test]
    fn a_seeded_result_is_not_computed_again() {
        let mut worker: Worker<u32, u32> = Worker::new("test", || {});
        worker.seed(3, Arc::new(30));
        worker.request(&3, || unreachable!("seeded"));
        assert!(!worker.is_busy());
        assert_eq!(worker.current().map(|(k, v)| (*k, **v)), Some((3, 30)));
        worker.request(&4, || 40);
        settle(&mut worker);
        assert_eq!(worker.current().map(|(k, v)| (*k, **v)), Some((4, 40)), "another key still computes");
    }
}
