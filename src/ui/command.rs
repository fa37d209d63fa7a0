//! Everything the user can ask for, as data.
//!
//! Menus, shortcuts, drag-and-drop and panels do not change the app; they push [`Command`]s,
//! and `App::apply` carries them out in one place. That keeps panels read-only and makes every
//! action testable without a pointer.

use super::dialogs::DialogKind;
use super::exporting::ExportWhat;
use super::i18n::Lang;
use super::results::EvidenceRequest;
use super::snapshot::ProblemGroup;
use super::state::{Tab, Theme};
use super::view_settings::{GraphSettings, TimelineSettings};
use crate::analysis::Filter;
use crate::analysis::evidence::Query;
use crate::catalog::ToolId;
use crate::corpus::Source;
use crate::index::FileId;

/// One user intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Ask for a folder or files with the system dialog.
    OpenDialog(DialogKind),
    /// Show the path field (also shown when no dialog is available).
    ShowPathPrompt,
    /// Close the path field.
    ClosePathPrompt,
    /// Load this source in the background.
    Open(Source),
    /// Stop the running load; the current corpus stays.
    CancelLoad,
    /// Show a tab.
    ShowTab(Tab),
    /// Select a talk (index into `Corpus::talks`) and show it.
    SelectTalk(usize),
    /// Select a file in the tree.
    SelectFile(FileId),
    /// Fold or unfold a file's talks in the tree.
    ToggleFile(FileId),
    /// Fold or unfold a group of the Problems view.
    ToggleProblemGroup(ProblemGroup),
    /// Go back to the previous tab and talk (Esc).
    Back,
    /// Switch light / dark.
    SetTheme(Theme),
    /// Switch the interface language.
    SetLanguage(Lang),
    /// Forget the recent list.
    ClearRecent,
    /// Remove the notice at this position.
    DismissNotice(usize),
    /// Close the window.
    Quit,
    /// Show the passages behind a mark of a chart, a row or a cell. Charts show the whole
    /// corpus, so their evidence is taken under no filter.
    ShowEvidenceFor(Query),
    /// Compare these technologies (2–5).
    SetCompared(Vec<ToolId>),
    /// Open the export window for a chart or the review pack.
    OpenExport(ExportWhat),
    /// Ask for the export folder with the system dialog.
    PickExportFolder,
    /// Export now; `replace` confirms replacing existing files.
    RunExport {
        /// Whether the user confirmed replacing the files listed.
        replace: bool,
    },
    /// Close the export window.
    CloseExport,
    /// Analyse this part of the corpus.
    SetFilter(Filter),
    /// Set up the Timeline view so.
    SetTimeline(TimelineSettings),
    /// Set up the Graph view so.
    SetGraph(GraphSettings),
    /// Show the passages behind something.
    ShowEvidence(EvidenceRequest),
    /// Show talk `talk` (index into `Corpus::talks`) at passage `passage`.
    OpenPassage {
        /// The talk.
        talk: usize,
        /// The passage within it.
        passage: u32,
    },
    /// Show the search field (Ctrl+F).
    StartSearch,
    /// Search the corpus for this text; the results are shown as evidence.
    Search(String),
    /// Show or hide the frame-time overlay.
    ToggleFrameTime,
}
