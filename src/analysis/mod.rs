//! Analyses over the snapshot: timelines, the co-occurrence graph (communities, centralities,
//! layout), the company × technology matrix, the radar, comparisons and evidence. Every
//! analysis is a pure function of (snapshot, [`Filter`]), so results can be cached by that pair
//! and recomputed only when it changes — never per frame.
//!
//! The general methods (periods, association measures, Louvain, centrality, layout, trends)
//! each say which published method they follow. [`Analyses::run`] computes the usual set at once.

pub mod centrality;
pub mod community;
pub mod compare;
pub mod evidence;
pub mod filter;
pub mod graph;
pub mod layout;
pub mod matrix;
pub mod measures;
pub mod period;
pub mod radar;
pub mod timeline;
pub mod trend;

pub use filter::{Filter, Selection};

use crate::catalog::ToolId;
use crate::index::{Corpus, OrgKey};
use std::collections::HashMap;

/// Rows and columns of the matrix computed by [`Analyses::run`].
pub const MATRIX_ORGS: usize = 60;
/// Columns of the matrix computed by [`Analyses::run`].
pub const MATRIX_TOOLS: usize = 60;

/// The usual analyses of one (snapshot, filter) pair.
#[derive(Debug, Clone)]
pub struct Analyses {
    /// The filter resolved against the snapshot.
    pub selection: Selection,
    /// Timeline at the chosen granularity.
    pub timeline: timeline::Timeline,
    /// The co-occurrence network.
    pub graph: graph::CoGraph,
    /// Company × technology.
    pub matrix: matrix::Matrix,
    /// The radar.
    pub radar: Vec<radar::Blip>,
    /// Directed migrations (from, to, talks).
    pub migrations: Vec<(ToolId, ToolId, u32)>,
    /// Organisation–technology edges (org, tool, talks).
    pub org_tools: Vec<(OrgKey, ToolId, u32)>,
}

impl Analyses {
    /// Computes every analysis of `filter` on `corpus`; `previous` warm-starts the layout.
    pub fn run(
        corpus: &Corpus,
        filter: &Filter,
        granularity: period::Granularity,
        graph_options: &graph::GraphOptions,
        previous: &HashMap<u64, [f64; 2]>,
    ) -> Self {
        let selection = Selection::new(corpus, filter);
        let sel = &selection;
        // Independent pure functions of the same selection: run side by side.
        let ((timeline, radar), (graph, (matrix, (migrations, org_tools)))) = rayon::join(
            || {
                let timeline = timeline::timeline(corpus, sel, granularity);
                // The radar judges trends by year whatever granularity is on screen: months are
                // too noisy.
                let radar = if granularity == period::Granularity::Year {
                    radar::radar(corpus, sel, &timeline)
                } else {
                    radar::radar(corpus, sel, &timeline::timeline(corpus, sel, period::Granularity::Year))
                };
                (timeline, radar)
            },
            || {
                rayon::join(
                    || graph::cooccurrence(corpus, sel, graph_options, previous),
                    || {
                        rayon::join(
                            || matrix::matrix(corpus, sel, MATRIX_ORGS, MATRIX_TOOLS),
                            || {
                                rayon::join(
                                    || graph::migration_edges(corpus, sel),
                                    || graph::org_tool_edges(corpus, sel),
                                )
                            },
                        )
                    },
                )
            },
        );
        Self { selection, timeline, graph, matrix, radar, migrations, org_tools }
    }
}
