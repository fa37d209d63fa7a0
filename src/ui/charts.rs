//! The charts the views draw and the export writes, built from the analyses on screen — the
//! current filter's once the background worker has them, the whole corpus's until then — and
//! rebuilt only when those analyses or a view's choices change, never per frame.
//!
//! A [`ChartBook`] keeps every [`Chart`] with the analyses and the filter it was drawn from, so
//! that an export writes exactly what is on screen (same filter, same technologies, same measure)
//! and a click on a mark asks for evidence under that same filter.

use super::results::{AnalysisKey, Results};
use super::snapshot::Snapshot;
use super::view_settings::TimelineSettings;
use crate::analysis::compare::{self, Column};
use crate::analysis::graph::CoGraph;
use crate::analysis::{Analyses, Filter};
use crate::catalog::ToolId;
use crate::chart::{self, Chart, ChartKind};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Most technologies a comparison holds.
pub const MAX_COMPARED: usize = 5;

/// Which analyses the charts were drawn from: a snapshot's own (unfiltered), or one result of the
/// worker, told apart by the address of its shared allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    Snapshot(u64),
    Results(u64, usize),
}

/// The charts of the analyses on screen.
#[derive(Debug, Default)]
pub struct ChartBook {
    drawn: Option<Drawn>,
    timeline_view: Option<TimelineSettings>,
    analyses: Option<Arc<Analyses>>,
    filter: Filter,
    charts: BTreeMap<ChartKind, Arc<Chart>>,
    /// Chosen by the user; `None` until then (the most discussed are compared).
    chosen: Option<Vec<ToolId>>,
    compared: Vec<ToolId>,
    columns: Vec<Column>,
}

impl ChartBook {
    /// Rebuilds the charts if the analyses on screen or the Timeline view's choices changed:
    /// `current` is the worker's latest result, used when it belongs to `snapshot`.
    pub fn sync(
        &mut self,
        snapshot: &Snapshot,
        current: Option<(&AnalysisKey, &Arc<Results>)>,
        timeline_view: &TimelineSettings,
    ) {
        let current = current.filter(|(key, _)| key.snapshot == snapshot.id);
        let drawn = match current {
            Some((_, results)) => Drawn::Results(snapshot.id, Arc::as_ptr(results) as usize),
            None => Drawn::Snapshot(snapshot.id),
        };
        if self.drawn == Some(drawn) && self.timeline_view.as_ref() == Some(timeline_view) {
            return;
        }
        let (analyses, filter, graph) = match current {
            Some((key, results)) => (Arc::clone(&results.analyses), key.filter.clone(), &results.graph),
            None => (Arc::clone(&snapshot.analyses), Filter::default(), &snapshot.analyses.graph),
        };
        self.charts = build_all(snapshot, &analyses, graph, timeline_view);
        self.drawn = Some(drawn);
        self.timeline_view = Some(timeline_view.clone());
        self.analyses = Some(analyses);
        self.filter = filter;
        self.compare(snapshot);
    }

    /// The chart of `kind`, once built.
    pub fn get(&self, kind: ChartKind) -> Option<&Arc<Chart>> {
        self.charts.get(&kind)
    }

    /// The analyses the charts show, once a snapshot is in.
    pub fn analyses(&self) -> Option<&Arc<Analyses>> {
        self.analyses.as_ref()
    }

    /// The filter the charts show.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The technologies compared.
    pub fn compared(&self) -> &[ToolId] {
        &self.compared
    }

    /// The comparison's columns, one per compared technology.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Compares `tools` (at most [`MAX_COMPARED`], repeats dropped) from now on.
    pub fn set_compared(&mut self, snapshot: &Snapshot, tools: &[ToolId]) {
        let mut chosen: Vec<ToolId> = Vec::new();
        for &tool in tools {
            if !chosen.contains(&tool) && chosen.len() < MAX_COMPARED {
                chosen.push(tool);
            }
        }
        self.chosen = Some(chosen);
        self.compare(snapshot);
    }

    /// Builds the Compare chart and columns for the chosen technologies (or the default ones).
    fn compare(&mut self, snapshot: &Snapshot) {
        let Some(analyses) = &self.analyses else { return };
        self.compared =
            self.chosen.clone().unwrap_or_else(|| chart::timeline::default_compare(&analyses.timeline));
        let measure = crate::analysis::timeline::Measure::ShareOfTalks;
        let chart = chart::timeline::compare(
            &snapshot.corpus,
            &analyses.timeline,
            &self.compared,
            measure,
            chart::DEFAULT_SIZE,
        );
        self.charts.insert(ChartKind::Compare, Arc::new(chart));
        self.columns = compare::compare(&snapshot.corpus, &analyses.selection, &self.compared);
    }
}

/// Every chart but Compare: the Timeline with the view's technologies, measure and smoothing,
/// the network as the Graph view shows it (its year slice included), the rest as the analyses
/// give them.
fn build_all(
    snapshot: &Snapshot,
    analyses: &Analyses,
    graph: &CoGraph,
    view: &TimelineSettings,
) -> BTreeMap<ChartKind, Arc<Chart>> {
    let corpus = &snapshot.corpus;
    let kinds = ChartKind::ALL.iter().filter(|&&kind| kind != ChartKind::Compare);
    kinds
        .map(|&kind| {
            let chart = match kind {
                ChartKind::Timeline => {
                    let tools: Vec<ToolId> =
                        view.tools.iter().filter_map(|id| corpus.catalog.tool_id(id)).collect();
                    let smoothing = usize::from(view.smoothing);
                    let (timeline, size) = (&analyses.timeline, chart::DEFAULT_SIZE);
                    chart::timeline::timeline_smoothed(
                        corpus,
                        timeline,
                        &tools,
                        view.measure,
                        smoothing,
                        size,
                    )
                }
                ChartKind::Graph => chart::network::network(corpus, graph, chart::DEFAULT_SIZE),
                _ => chart::build(kind, corpus, analyses, &[]),
            };
            (kind, Arc::new(chart))
        })
        .collect()
}
