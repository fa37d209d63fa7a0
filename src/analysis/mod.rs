//! Analyses over the snapshot: timelines, the co-occurrence graph, communities, centralities,
//! layout and trends. Every analysis is a pure function of its inputs, so results can be cached
//! by (snapshot, filter) and recomputed only when those change.
//!
//! The modules here hold the general methods; each says which published method it follows.

pub mod centrality;
pub mod community;
pub mod layout;
pub mod measures;
pub mod period;
pub mod trend;
