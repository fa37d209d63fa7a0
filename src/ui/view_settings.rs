//! How the Timeline and Graph views are set up: plain data, saved with the other settings, and
//! part of what keys the cached analyses (granularity, network knobs, time slice).

use crate::analysis::graph::GraphOptions;
use crate::analysis::measures;
use crate::analysis::period::Granularity;
use crate::analysis::timeline;
use serde::{Deserialize, Serialize};

/// The Timeline view's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineSettings {
    /// Technologies drawn, by catalog id, in the order chosen. Empty: the most mentioned ones.
    pub tools: Vec<String>,
    /// What the lines show.
    pub measure: timeline::Measure,
    /// Month, quarter or year.
    pub granularity: Granularity,
    /// Centred moving average over this many periods on each side (0: none).
    pub smoothing: u8,
    /// Whether the stacked category share is shown under the lines.
    pub stacked: bool,
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            tools: Vec::new(),
            measure: timeline::Measure::ShareOfTalks,
            granularity: Granularity::Year,
            smoothing: 0,
            stacked: true,
        }
    }
}

/// The timeline measures offered: counts and the two shares.
pub const TIMELINE_MEASURES: [timeline::Measure; 4] = [
    timeline::Measure::Mentions,
    timeline::Measure::Talks,
    timeline::Measure::ShareOfTalks,
    timeline::Measure::ShareInCategory,
];

/// What colours a node of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum NodeColour {
    /// Its community (Louvain).
    #[default]
    Community,
    /// Its technology category.
    Category,
}

/// The Graph view's choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GraphSettings {
    /// What weighs an edge (and so its width, the layout and the communities).
    pub measure: measures::Measure,
    /// Minimum talks for a node and an edge.
    pub min_support: u32,
    /// At most this many nodes, the most mentioned first.
    pub max_nodes: u32,
    /// Node colours.
    pub colour: NodeColour,
    /// Edges below this share of the weight range are hidden, in thousandths.
    pub threshold: u16,
    /// Only talks of this year; `None` for all.
    pub slice: Option<i16>,
}

impl Default for GraphSettings {
    fn default() -> Self {
        let options = GraphOptions::default();
        Self {
            measure: options.measure,
            min_support: options.min_support,
            max_nodes: u32::try_from(options.max_nodes).unwrap_or(u32::MAX),
            colour: NodeColour::Community,
            threshold: 0,
            slice: None,
        }
    }
}

impl GraphSettings {
    /// The analysis knobs these settings stand for.
    pub fn options(&self) -> GraphOptions {
        GraphOptions {
            measure: self.measure,
            min_support: self.min_support.max(1),
            max_nodes: self.max_nodes.max(2) as usize,
            ..GraphOptions::default()
        }
    }
}
