//! The charts the views draw, built once per snapshot (and per comparison), never per frame.
//!
//! A [`ChartBook`] keeps every [`Chart`] of the current analyses and the columns of the current
//! comparison. The views paint them and the export writes them, so what is exported is exactly
//! what is on screen.

use super::snapshot::Snapshot;
use crate::analysis::compare::{self, Column};
use crate::catalog::ToolId;
use crate::chart::{self, Chart, ChartKind};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Most technologies a comparison holds.
pub const MAX_COMPARED: usize = 5;

/// The charts of one snapshot.
#[derive(Debug, Default)]
pub struct ChartBook {
    snapshot: Option<u64>,
    charts: BTreeMap<ChartKind, Arc<Chart>>,
    compared: Vec<ToolId>,
    columns: Vec<Column>,
}

impl ChartBook {
    /// Builds the charts of `snapshot` unless they are already built.
    pub fn sync(&mut self, snapshot: &Snapshot) {
        if self.snapshot == Some(snapshot.id) {
            return;
        }
        self.snapshot = Some(snapshot.id);
        let analyses = &snapshot.analyses;
        self.compared = chart::timeline::default_compare(&analyses.timeline);
        self.charts = chart::all(&snapshot.corpus, analyses, &self.compared)
            .into_iter()
            .map(|c| (c.kind, Arc::new(c)))
            .collect();
        self.columns = compare::compare(&snapshot.corpus, &analyses.selection, &self.compared);
    }

    /// The chart of `kind`, once built.
    pub fn get(&self, kind: ChartKind) -> Option<&Arc<Chart>> {
        self.charts.get(&kind)
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
        self.sync(snapshot);
        let analyses = &snapshot.analyses;
        let measure = crate::analysis::timeline::Measure::ShareOfTalks;
        let chart = chart::timeline::compare(
            &snapshot.corpus,
            &analyses.timeline,
            &chosen,
            measure,
            chart::DEFAULT_SIZE,
        );
        self.charts.insert(ChartKind::Compare, Arc::new(chart));
        self.columns = compare::compare(&snapshot.corpus, &analyses.selection, &chosen);
        self.compared = chosen;
    }
}
