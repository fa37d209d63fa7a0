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
    read_texts_previewing(source, options, control, None)
}

/// A first look at a large load: a sample of its files, decoded before the others.
pub struct Preview<'a> {
    /// Bytes of files to sample; only sources of more than twice this many are previewed.
    pub budget: u64,
    /// Receives the sample (in path order) and the problems found while reading every file.
    pub show: Box<dyn FnOnce(Vec<TextFile>, Vec<Problem>) + 'a>,
}

/// [`read_texts_with`] that first decodes a sample of the files spread over the whole list and
/// hands it to `preview`, so that a large folder shows something long before it is all decoded.
/// The files and problems returned are the same as without a preview.
pub fn read_texts_previewing(
    source: &Source,
    options: &LoadOptions,
    control: &LoadControl,
    preview: Option<Preview<'_>>,
) -> Result<(Vec<TextFile>, Vec<Problem>), LoadError> {
    let (raw, mut problems) = load::load_with(source, options, control)?;
    control.enter(LoadStage::Decoding);
    let sizes: Vec<u64> = raw.iter().map(|r| r.bytes.len() as u64).collect();
    let mut pending: Vec<Option<RawFile>> = raw.into_iter().map(Some).collect();
    let mut decoded: Vec<Option<(TextFile, Vec<Problem>)>> = Vec::new();
    decoded.resize_with(pending.len(), || None);
    if let Some(preview) = preview {
        let sample = sample(&sizes, preview.budget);
        if !sample.is_empty() {
            let taken: Vec<(usize, RawFile)> =
                sample.iter().filter_map(|&i| pending.get_mut(i)?.take().map(|r| (i, r))).collect();
            for (i, file) in decode_all(taken, control) {
                if let Some(slot) = decoded.get_mut(i) {
                    *slot = Some(file);
                }
            }
            if control.is_cancelled() {
                return Err(LoadError::Cancelled);
            }
            let files = decoded.iter().flatten().map(|(file, _)| file.clone()).collect();
            (preview.show)(files, problems.clone());
        }
    }
    let rest: Vec<(usize, RawFile)> =
        pending.into_iter().enumerate().filter_map(|(i, r)| r.map(|r| (i, r))).collect();
    for (i, file) in decode_all(rest, control) {
        if let Some(slot) = decoded.get_mut(i) {
            *slot = Some(file);
        }
    }
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

/// Decodes and repairs `raw` in parallel, in its order, with the problems of each file after
/// the files (unsorted); files not reached once `control` is cancelled are left out.
pub fn decode_files(raw: Vec<RawFile>, control: &LoadControl) -> (Vec<TextFile>, Vec<Problem>) {
    control.enter(LoadStage::Decoding);
    let mut files = Vec::with_capacity(raw.len());
    let mut problems = Vec::new();
    for (_, (file, file_problems)) in decode_all(raw.into_iter().enumerate().collect(), control) {
        files.push(file);
        problems.extend(file_problems);
    }
    (files, problems)
}

/// Decodes `raw` in parallel, keeping each file's index; stops early once cancelled.
fn decode_all(raw: Vec<(usize, RawFile)>, control: &LoadControl) -> Vec<(usize, (TextFile, Vec<Problem>))> {
    raw.into_par_iter()
        .filter_map(|(i, raw)| {
            (!control.is_cancelled()).then(|| {
                control.file_done(0);
                (i, to_text(raw))
            })
        })
        .collect()
}

/// Indices of files (of the given sizes) to preview: about `budget` bytes taken at an even
/// stride over the list, so that the sample spans every folder and year rather than the first
/// few, leaving out files larger than the budget (they would make the preview as slow as the
/// load); none when the whole is not more than twice the budget (it would load as fast).
fn sample(sizes: &[u64], budget: u64) -> Vec<usize> {
    let total: u64 = sizes.iter().sum();
    if budget == 0 || total / 2 <= budget {
        return Vec::new();
    }
    // Every `stride`-th file from the first, then from the second, and so on, until the budget
    // is met: evenly spread however the sizes are skewed.
    let stride = usize::try_from(total / budget).unwrap_or(usize::MAX).clamp(1, sizes.len().max(1));
    let mut chosen = Vec::new();
    let mut taken = 0;
    'offsets: for offset in 0..stride {
        for (i, &size) in sizes.iter().enumerate().skip(offset).step_by(stride) {
            if taken >= budget {
                break 'offsets;
            }
            if size <= budget {
                chosen.push(i);
                taken += size;
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Decodes and repairs one file, reporting what it had to guess or change.
pub fn to_text(raw: RawFile) -> (TextFile, Vec<Problem>) {
    let mut problems = Vec::new();
    let RawFile { path, bytes } = raw;
    let decoded = decode::decode(&bytes);
    // The text is all that is kept: the bytes go before repair makes its copies.
    let size = bytes.len() as u64;
    drop(bytes);
    if decoded.replaced_errors {
        problems.push(Problem::new(
            &path,
            ProblemKind::Decoding,
            format!("some bytes are not valid {}; they were replaced by \u{FFFD}", decoded.encoding),
        ));
    }
    let text = if html::is_html_path(&path) { html::to_text(&decoded.text) } else { decoded.text };
    let repaired = repair::repair(text);
    if let Some(family) = repaired.report.family {
        problems.push(Problem::new(
            &path,
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
        path,
        bytes: size,
        encoding: decoded.encoding,
        method: decoded.method,
        repair: repaired.report,
        text: repaired.text,
    };
    (file, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_sample_the_whole_list_within_the_budget() {
        // (sizes, budget, expected sample)
        let table: [(&[u64], u64, &[usize]); 5] = [
            (&[10; 8], 20, &[0, 4]),
            (&[10; 8], 40, &[]),
            (&[10, 10, 10], 0, &[]),
            (&[1000, 10, 10, 10, 10, 10, 10], 100, &[1, 2, 3, 4, 5, 6]),
            (&[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 3, &[0, 3, 6]),
        ];
        for (sizes, budget, expected) in table {
            assert_eq!(sample(sizes, budget), expected, "sizes {sizes:?}, budget {budget}");
        }
    }

    #[test]
    fn a_preview_changes_nothing_in_what_is_loaded() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..20 {
            let note = format!("### 2020-01-{:02}：第{i}讲\n\n我们用 Kubernetes 和 Istio。\n", i + 1);
            std::fs::write(dir.path().join(format!("{i:02}.md")), note).unwrap();
        }
        let source = Source::Paths(vec![dir.path().to_path_buf()]);
        let (plain, plain_problems) = read_texts(&source, &LoadOptions::default()).unwrap();
        let mut shown = None;
        let preview = Preview { budget: 200, show: Box::new(|files, _| shown = Some(files)) };
        let control = LoadControl::new();
        let (files, problems) =
            read_texts_previewing(&source, &LoadOptions::default(), &control, Some(preview)).unwrap();
        let paths = |files: &[TextFile]| files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&files), paths(&plain));
        assert_eq!(problems, plain_problems);
        let shown = shown.expect("a folder of more than twice the budget is previewed");
        assert!(shown.len() > 1 && shown.len() < files.len(), "{} of {} files", shown.len(), files.len());
        assert!(shown.iter().all(|s| files.iter().any(|f| f.path == s.path && f.text == s.text)));
        assert_eq!(control.files_done(), 20, "every file decoded once");
    }
}
