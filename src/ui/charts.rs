//! The charts the views draw and the export writes, built from the analyses on screen — the
//! current filter's once the background worker has them, the whole corpus's until then — on a
//! background thread, and only when those analyses or a view's choices change.
//!
//! A [`ChartBook`] keeps every [`Chart`] with the analyses and the filter it was drawn from, so
//! that an export writes exactly what is on screen (same filter, same technologies, same measure)
//! and a click on a mark asks for evidence under that same filter.

use super::results::{AnalysisKey, Results};
use super::snapshot::Snapshot;
use super::view_settings::TimelineSettings;
use super::worker::Worker;
use crate::analysis::compare::{self, Column};
use crate::analysis::graph::CoGraph;
use crate::analysis::{Analyses, Filter};
use crate::catalog::ToolId;
use crate::chart::{self, Chart, ChartKind};
use crate::index::Corpus;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Most technologies a comparison holds.
pub const MAX_COMPARED: usize = 5;

/// Which analyses the charts are drawn from: a snapshot's own (unfiltered), or one result of the
/// worker, told apart by the address of its shared allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Snapshot(u64),
    Results(u64, usize),
}

/// What the charts depend on.
#[derive(Debug, Clone, PartialEq)]
struct ChartKey {
    source: Source,
    timeline_view: TimelineSettings,
    chosen: Option<Vec<ToolId>>,
}

/// The charts of one key, with the analyses and filter they show.
#[derive(Debug)]
pub struct Drawing {
    /// The analyses drawn.
    pub analyses: Arc<Analyses>,
    /// Their filter.
    pub filter: Filter,
    charts: BTreeMap<ChartKind, Arc<Chart>>,
    compared: Vec<ToolId>,
    columns: Vec<Column>,
}

/// The charts of the analyses on screen, drawn on a background thread: the previous drawing
/// stays on screen until the new one is ready, so a filter change never costs a frame.
pub struct ChartBook {
    worker: Worker<ChartKey, Drawing>,
    /// Chosen by the user; `None` until then (the most discussed are compared).
    chosen: Option<Vec<ToolId>>,
}

impl ChartBook {
    /// A chart book whose drawings call `wake` when they are ready.
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self { worker: Worker::new("charts", wake), chosen: None }
    }

    /// Asks for the charts of the analyses on screen — `current`, the worker's latest result, when
    /// it belongs to `snapshot`, else the snapshot's own — with the Timeline view's choices; and
    /// takes a finished drawing. Cheap when nothing changed.
    pub fn sync(
        &mut self,
        snapshot: &Snapshot,
        current: Option<(&AnalysisKey, &Arc<Results>)>,
        timeline_view: &TimelineSettings,
    ) {
        self.worker.poll();
        let current =
            current.filter(|(key, _)| key.snapshot == snapshot.id).map(|(k, r)| (k.clone(), Arc::clone(r)));
        let source = match &current {
            Some((_, results)) => Source::Results(snapshot.id, Arc::as_ptr(results) as usize),
            None => Source::Snapshot(snapshot.id),
        };
        let key = ChartKey { source, timeline_view: timeline_view.clone(), chosen: self.chosen.clone() };
        let corpus = Arc::clone(&snapshot.corpus);
        let (first_filter, first) = (snapshot.first_key.filter.clone(), Arc::clone(&snapshot.first_results));
        let job_key = key.clone();
        self.worker.request(&key, move || {
            let (analyses, filter, graph) = match &current {
                Some((key, results)) => (Arc::clone(&results.analyses), key.filter.clone(), &results.graph),
                None => (Arc::clone(&first.analyses), first_filter, &first.graph),
            };
            draw(&corpus, analyses, filter, graph, &job_key)
        });
    }

    fn drawing(&self) -> Option<&Drawing> {
        self.worker.current().map(|(_, drawing)| drawing.as_ref())
    }

    /// The chart of `kind`, once drawn.
    pub fn get(&self, kind: ChartKind) -> Option<&Arc<Chart>> {
        self.drawing()?.charts.get(&kind)
    }

    /// The analyses the charts show, once drawn.
    pub fn analyses(&self) -> Option<&Arc<Analyses>> {
        self.drawing().map(|d| &d.analyses)
    }

    /// The filter the charts show (none before the first drawing).
    pub fn filter(&self) -> Filter {
        self.drawing().map(|d| d.filter.clone()).unwrap_or_default()
    }

    /// The technologies compared.
    pub fn compared(&self) -> &[ToolId] {
        self.drawing().map_or(&[], |d| &d.compared)
    }

    /// The comparison's columns, one per compared technology.
    pub fn columns(&self) -> &[Column] {
        self.drawing().map_or(&[], |d| &d.columns)
    }

    /// Compares `tools` (at most [`MAX_COMPARED`], repeats dropped) from the next drawing on.
    pub fn set_compared(&mut self, tools: &[ToolId]) {
        let mut chosen: Vec<ToolId> = Vec::new();
        for &tool in tools {
            if !chosen.contains(&tool) && chosen.len() < MAX_COMPARED {
                chosen.push(tool);
            }
        }
        self.chosen = Some(chosen);
    }

    /// Whether a drawing is being made.
    pub fn is_busy(&self) -> bool {
        self.worker.is_busy()
    }

    /// Forgets every drawing (a new snapshot came in).
    pub fn clear(&mut self) {
        self.worker.clear();
    }
}

/// Every chart of `analyses`: the Timeline with the view's technologies, measure and smoothing,
/// the network as the Graph view shows it (its year slice included), the comparison of the
/// chosen technologies (or the most discussed), the rest as the analyses give them.
fn draw(
    corpus: &Corpus,
    analyses: Arc<Analyses>,
    filter: Filter,
    graph: &CoGraph,
    key: &ChartKey,
) -> Drawing {
    let view = &key.timeline_view;
    let size = chart::DEFAULT_SIZE;
    let compared = key.chosen.clone().unwrap_or_else(|| chart::timeline::default_compare(&analyses.timeline));
    let charts = ChartKind::ALL
        .iter()
        .map(|&kind| {
            let chart = match kind {
                ChartKind::Timeline => {
                    let tools: Vec<ToolId> =
                        view.tools.iter().filter_map(|id| corpus.catalog.tool_id(id)).collect();
                    let smoothing = usize::from(view.smoothing);
                    chart::timeline::timeline_smoothed(
                        corpus,
                        &analyses.timeline,
                        &tools,
                        view.measure,
                        smoothing,
                        size,
                    )
                }
                ChartKind::Graph => chart::network::network(corpus, graph, size),
                ChartKind::Compare => {
                    let measure = crate::analysis::timeline::Measure::ShareOfTalks;
                    chart::timeline::compare(corpus, &analyses.timeline, &compared, measure, size)
                }
                _ => chart::build(kind, corpus, &analyses, &[]),
            };
            (kind, Arc::new(chart))
        })
        .collect();
    let columns = compare::compare(corpus, &analyses.selection, &compared);
    Drawing { analyses, filter, charts, compared, columns }
}
