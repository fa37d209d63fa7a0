//! stackradar shows software architects which technologies companies chose, when, and together
//! with what, from folders of tech-talk notes and community Q&A transcripts.
//!
//! # How data flows
//!
//! Everything moves one way, and each stage is a module:
//!
//! ```text
//! corpus   load files (or the embedded default corpus), decode, repair mojibake  → Text
//! parse    front matter, talks (date, title), Q&A pairs and body passages        → Talk
//! index    one immutable `Corpus` snapshot of everything above                    → Corpus
//! analysis timelines, network, matrix, radar, comparisons, evidence               → Analyses
//! chart    every chart as plain data (marks, labels, legend, the numbers plotted)  → Chart
//! export   the report, the charts as SVG/PNG/CSV and the review pack, written atomically
//! cli      the `report` and `repair` commands over the very same code
//! ui       the desktop app (feature `gui`): read-only views of a snapshot, the only GUI code
//! ```
//!
//! No stage knows anything about how its results are shown.
//!
//! # Errors
//!
//! A file that cannot be read, decoded or parsed is not an error of the whole load: it becomes a
//! [`Problem`] (path, kind, message) in the snapshot and everything else still loads. Errors that do
//! stop an operation — an input path that does not exist, an output that may not be written — are
//! typed ([`export::ExportError`], [`corpus::LoadError`]) and handled once, at the edge.
//!
//! # User data is read-only
//!
//! Nothing under an input path is ever written. Only explicit outputs are written, and those by
//! write-to-temp-then-rename, so that a failure never leaves half a file behind.

pub mod analysis;
pub mod catalog;
pub mod chart;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod index;
pub mod parse;
pub mod problem;
#[cfg(feature = "gui")]
pub mod ui;

pub use index::Corpus;
pub use problem::{Problem, ProblemKind};
