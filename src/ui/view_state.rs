//! What the analytic views remember between frames that is neither settings nor selection: the
//! evidence asked for, the text typed in search fields, where the graph was zoomed and dragged,
//! the frame times. Kept together so the app holds one value for it.

use super::panels::evidence::SearchBox;
use super::panels::filters::FilterSearch;
use super::panels::frame_time::FrameTimes;
use super::panels::graph_canvas::GraphView;
use super::panels::talk::Target;
use super::results::EvidenceRequest;

/// The views' own state.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    /// The evidence asked for last; the Evidence tab shows it.
    pub evidence: Option<EvidenceRequest>,
    /// The corpus search field.
    pub search: SearchBox,
    /// The filter pickers' search fields.
    pub filter_search: FilterSearch,
    /// The timeline's technology search field.
    pub timeline_search: String,
    /// Zoom, pan and moved nodes of the graph.
    pub graph: GraphView,
    /// The passage the Talk tab should show.
    pub talk_target: Target,
    /// Recent frame times, for the overlay.
    pub frame_times: FrameTimes,
}
