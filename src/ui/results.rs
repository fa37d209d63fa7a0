//! The analyses and the evidence on screen, computed off the UI thread and cached by what they
//! depend on: (snapshot, filter, granularity, network knobs, time slice) for the analyses,
//! (snapshot, request) for the evidence. Views ask every frame; only a change of key starts a
//! computation, and the previous result stays on screen until the new one is ready.

use super::settings::Settings;
use super::snapshot::Snapshot;
use super::worker::Worker;
use crate::analysis::evidence::{self, Item, Query};
use crate::analysis::graph::{self, CoGraph, GraphOptions};
use crate::analysis::period::Granularity;
use crate::analysis::{Analyses, Filter, Selection};
use crate::index::Corpus;
use jiff::civil::Date;
use std::sync::Arc;

/// At most this many evidence passages are listed.
pub const EVIDENCE_LIMIT: usize = 2000;

/// What the analyses depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisKey {
    /// The snapshot's id.
    pub snapshot: u64,
    /// The filter.
    pub filter: Filter,
    /// The timeline's granularity.
    pub granularity: Granularity,
    /// The network's knobs.
    pub graph: GraphOptions,
    /// The network's year, if sliced.
    pub slice: Option<i16>,
}

impl AnalysisKey {
    /// The analyses `settings` call for, on snapshot `snapshot`.
    pub fn new(snapshot: u64, settings: &Settings) -> Self {
        Self {
            snapshot,
            filter: settings.filter.clone(),
            granularity: settings.timeline.granularity,
            graph: settings.graph.options(),
            slice: settings.graph.slice,
        }
    }
}

/// The analyses of one key.
#[derive(Debug)]
pub struct Results {
    /// Everything [`Analyses::run`] computes for the filter (shared with exports).
    pub analyses: Arc<Analyses>,
    /// The network on screen: the slice's when a year is chosen, else the filter's.
    pub graph: CoGraph,
    /// Talks the filter selects.
    pub selected_talks: usize,
}

/// Evidence asked for: what, and under which filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRequest {
    /// What the passages must support.
    pub query: Query,
    /// The filter they are taken under.
    pub filter: Filter,
}

/// What the evidence depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceKey {
    /// The snapshot's id.
    pub snapshot: u64,
    /// The request.
    pub request: EvidenceRequest,
}

/// The background computations of the views.
pub struct Computations {
    analysis: Worker<AnalysisKey, Results>,
    evidence: Worker<EvidenceKey, Vec<Item>>,
}

impl Computations {
    /// Workers that call `wake` when a result is ready.
    pub fn new(wake: impl Fn() + Send + Sync + Clone + 'static) -> Self {
        Self { analysis: Worker::new("analysis", wake.clone()), evidence: Worker::new("evidence", wake) }
    }

    /// Takes finished results.
    pub fn poll(&mut self) {
        self.analysis.poll();
        self.evidence.poll();
    }

    /// Asks for the analyses that `settings` call for and the evidence of `request`.
    pub fn request(&mut self, snapshot: &Snapshot, settings: &Settings, request: Option<&EvidenceRequest>) {
        let key = AnalysisKey::new(snapshot.id, settings);
        let corpus = Arc::clone(&snapshot.corpus);
        // Warm-start the layout from the picture on screen so a small change moves it little.
        let previous =
            self.analysis.current().filter(|(k, _)| k.snapshot == snapshot.id).map(|(_, r)| Arc::clone(r));
        let job_key = key.clone();
        self.analysis.request(&key, move || compute(&corpus, &job_key, previous.as_deref()));
        if let Some(request) = request {
            let key = EvidenceKey { snapshot: snapshot.id, request: request.clone() };
            let corpus = Arc::clone(&snapshot.corpus);
            let job = request.clone();
            self.evidence.request(&key, move || {
                let selection = Selection::new(&corpus, &job.filter);
                evidence::evidence(&corpus, &selection, &job.query, EVIDENCE_LIMIT)
            });
        }
    }

    /// Shows `results`, computed elsewhere for `key`, as if they had been computed here: the
    /// loading thread computes the first analyses of a snapshot, and asking for the same key
    /// afterwards must not compute them again.
    pub fn seed(&mut self, key: AnalysisKey, results: Arc<Results>) {
        self.analysis.seed(key, results);
    }

    /// The latest analyses, if any finished.
    pub fn results(&self) -> Option<&Arc<Results>> {
        self.analysis.current().map(|(_, r)| r)
    }

    /// The latest analyses with what they were computed for.
    pub fn current(&self) -> Option<(&AnalysisKey, &Arc<Results>)> {
        self.analysis.current()
    }

    /// The latest evidence and what it was for.
    pub fn evidence(&self) -> Option<(&EvidenceRequest, &Arc<Vec<Item>>)> {
        self.evidence.current().map(|(k, items)| (&k.request, items))
    }

    /// Whether anything is being computed.
    pub fn is_busy(&self) -> bool {
        self.analysis.is_busy() || self.evidence.is_busy()
    }

    /// Forgets every result (a new snapshot came in).
    pub fn clear(&mut self) {
        self.analysis.clear();
        self.evidence.clear();
    }
}

/// The analyses of `key` (whose snapshot id is not looked at) on `corpus`; the network's layout
/// starts from `previous`, when given.
pub fn compute(corpus: &Corpus, key: &AnalysisKey, previous: Option<&Results>) -> Results {
    let positions = previous.map(|p| p.graph.positions_by_key(corpus)).unwrap_or_default();
    let analyses = Analyses::run(corpus, &key.filter, key.granularity, &key.graph, &positions);
    let graph = match key.slice {
        None => analyses.graph.clone(),
        Some(year) => {
            let sliced = year_filter(&key.filter, year);
            // Start from the whole network's layout, so that slices are drawn alike.
            let whole = analyses.graph.positions_by_key(corpus);
            graph::cooccurrence(corpus, &Selection::new(corpus, &sliced), &key.graph, &whole)
        }
    };
    Results { selected_talks: analyses.selection.talk_count(), analyses: Arc::new(analyses), graph }
}

/// `filter` narrowed to the talks of `year`.
pub fn year_filter(filter: &Filter, year: i16) -> Filter {
    let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
        return filter.clone();
    };
    Filter {
        from: Some(filter.from.map_or(first, |f| f.max(first))),
        to: Some(filter.to.map_or(last, |t| t.min(last))),
        exclude_undated: true,
        ..filter.clone()
    }
}
