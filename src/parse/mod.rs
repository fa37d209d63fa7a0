//! The second stage: from a file's text to talks, each with a date, a title, its Q&A pairs and
//! its body passages.
//!
//! A file holds one talk, or many when its headings carry dates (`### 2020-06-02：title`); text
//! before the first dated heading is the file's preamble. A note with `[Talk]` headings yields
//! those talks as well as the note. See [`talks`] for the rules and [`qa`] for Q&A pairs.

pub mod dates;
pub mod front_matter;
mod lines;
pub mod qa;
pub mod talks;

pub use dates::DateSource;
pub use front_matter::FrontMatter;

use crate::problem::Problem;
use jiff::civil::Date;
use serde::Serialize;
use std::ops::Range;

/// What part of a talk a passage is; mentions inherit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The talk's title.
    Title,
    /// A question of a Q&A pair.
    Question,
    /// An answer of a Q&A pair.
    Answer,
    /// Anything else: paragraphs, lists, headings inside the talk.
    Body,
}

/// A stretch of a talk's text with one role: a title, a question, an answer or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// What part of the talk this is.
    pub role: Role,
    /// For questions and answers, the 1-based number of their Q&A pair within the talk, in
    /// order of appearance (whatever the text numbered them).
    pub qa_index: Option<u32>,
    /// Byte range in the file's (repaired) text.
    pub range: Range<usize>,
    /// 1-based line where the passage starts.
    pub line: u32,
}

/// One talk: a dated section of a Q&A collection, a slide deck, a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// 0-based position among the talks of its file.
    pub index_in_file: u32,
    /// The title as written (mojibake repaired).
    pub title: String,
    /// The talk's date, if one is known.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// 1-based line where the talk starts (its heading, or the first line of the note).
    pub line: u32,
    /// Byte range of the whole talk in the file's text.
    pub range: Range<usize>,
    /// Title, questions, answers and body paragraphs, in text order.
    pub passages: Vec<Passage>,
}

impl Talk {
    /// The number of Q&A pairs: one per question.
    pub fn qa_pairs(&self) -> usize {
        self.passages.iter().filter(|p| p.role == Role::Question).count()
    }
}

/// Everything parsing learned from one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    /// The front matter, when the file had one.
    pub front_matter: Option<FrontMatter>,
    /// The talks, in text order.
    pub talks: Vec<Talk>,
    /// What could not be read as intended (front matter, impossible dates).
    pub problems: Vec<Problem>,
}

/// Parses one file's text; `path` names it in problems and provides a date or title of last
/// resort.
pub fn parse_file(path: &str, text: &str) -> ParsedFile {
    talks::parse(path, text)
}
