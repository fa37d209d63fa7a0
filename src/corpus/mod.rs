//! The first stage: from paths (or the embedded default corpus) to decoded, repaired text.
//!
//! [`load`] walks and reads bytes, [`decode`] decides the encoding, [`repair`] undoes mojibake.
//! [`read_texts`] runs all three and is what the rest of the program calls.

pub mod control;
pub mod decode;
pub mod embedded;
mod html;
pub mod load;
pub mod repair;

pub use control::{LoadControl, LoadStage};
pub use decode::{DecodeMethod, Decoded};
pub use load::{LoadError, LoadOptions, RawFile, Source};
pub use repair::{RepairReport, Repaired};

use crate::problem::{Problem, ProblemKind};
use rayon::prelude::*;

/// One input file after decoding and repair: the text every later stage points into.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path as shown to the user, relative to the folder that was opened.
    pub path: String,
    /// Size of the file on disk, in bytes.
    pub bytes: u64,
    /// How the bytes were turned into text.
    pub encoding: &'static str,
    /// How the encoding was decided.
    pub method: DecodeMethod,
    /// What the mojibake repair found and changed.
    pub repair: RepairReport,
    /// The repaired text. Byte ranges in passages and mentions refer to this string.
    pub text: String,
}

/// Reads, decodes and repairs every file of `source`, in parallel, in a stable order (by path).
///
/// Fails only when an input path does not exist; everything else is a [`Problem`].
pub fn read_texts(
    source: &Source,
    options: &LoadOptions,
) -> Result<(Vec<TextFile>, Vec<Problem>), LoadError> {
    read_texts_with(source, options, &LoadControl::new())
}

/// [`read_texts`], counting progress into `control` and stopping with [`LoadError::Cancelled`]
/// when it is cancelled.
pub fn read_texts_with(
    source: &Source,
    options: &LoadOptions,
    control: &LoadControl,
) -> Result<(Vec<TextFile>, Vec<Problem>), LoadError> {
    let (raw, mut problems) = load::load_with(source, options, control)?;
    control.enter(LoadStage::Decoding);
    let decoded: Vec<Option<(TextFile, Vec<Problem>)>> = raw
        .into_par_iter()
        .map(|raw| {
            (!control.is_cancelled()).then(|| {
                control.file_done(0);
                to_text(raw)
            })
        })
        .collect();
    if control.is_cancelled() {
        return Err(LoadError::Cancelled);
    }
    let mut files = Vec::with_capacity(decoded.len());
    for (file, file_problems) in decoded.into_iter().flatten() {
        files.push(file);
        problems.extend(file_problems);
    }
    problems.sort();
    Ok((files, problems))
}

/// Decodes and repairs one file, reporting what it had to guess or change.
pub fn to_text(raw: RawFile) -> (TextFile, Vec<Problem>) {
    let mut problems = Vec::new();
    let bytes = raw.bytes.len() as u64;
    let decoded = decode::decode(&raw.bytes);
    if decoded.replaced_errors {
        problems.push(Problem::new(
            &raw.path,
            ProblemKind::Decoding,
            format!("some bytes are not valid {}; they were replaced by \u{FFFD}", decoded.encoding),
        ));
    }
    let text = if html::is_html_path(&raw.path) { html::to_text(&decoded.text) } else { decoded.text };
    let repaired = repair::repair(text);
    if let Some(family) = repaired.report.family {
        problems.push(Problem::new(
            &raw.path,
            ProblemKind::Mojibake,
            format!(
                "text had been decoded as {} once; {} characters were restored, {} could not be",
                family.wrong_decoder(),
                repaired.report.chars_restored,
                repaired.report.chars_unrestored
            ),
        ));
    }
    let file = TextFile {
        path: raw.path,
        bytes,
        encoding: decoded.encoding,
        method: decoded.method,
        repair: repaired.report,
        text: repaired.text,
    };
    (file, problems)
}
