//! Undoing mojibake: text whose UTF-8 bytes were once read with the wrong decoder.
//!
//! The family handled here is the commonest in the wild: UTF-8 read as Windows-1252 (or
//! Latin-1) and written back as UTF-8, so that `谊品` reads `è°Šå“`. Reversing it is exact for
//! every character whose bytes all survived the trip; bytes that Windows-1252 does not define
//! (0x81, 0x8D, 0x8F, 0x90, 0x9D) and soft hyphens (0xAD) are often dropped on the way, and the
//! characters that lost one are handed to [`gaps`], which decides what they most likely were.
//!
//! Detection is conservative: a line is only reversed when it is entirely made of characters
//! that Windows-1252 can encode and its bytes then form UTF-8 multi-byte sequences; clean text in
//! any language or script is returned unchanged, byte for byte.
//!
//! UTF-8 read as an East Asian code page (GBK/GB18030, Big5, Shift_JIS) is reversed losslessly
//! by [`cjk`], line by line, where the wrong decoder met no invalid sequence.

mod cjk;
mod gaps;
mod joins;
mod lattice;
mod line;
mod model;
mod ragged;
mod script;
pub mod simulate;

pub use gaps::LOST_BYTES;

use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;

/// A known way in which text gets double-encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// UTF-8 bytes read as Windows-1252 or Latin-1.
    Utf8AsWindows1252,
    /// UTF-8 bytes read as GBK or GB18030 (Simplified Chinese code pages).
    Utf8AsGbk,
    /// UTF-8 bytes read as Big5 (the Traditional Chinese code page).
    Utf8AsBig5,
    /// UTF-8 bytes read as Shift_JIS (the Japanese code page).
    Utf8AsShiftJis,
}

impl Family {
    /// The wrong decoder that produced the damage, for messages.
    pub fn wrong_decoder(self) -> &'static str {
        match self {
            Self::Utf8AsWindows1252 => "Windows-1252 instead of UTF-8",
            Self::Utf8AsGbk => "GBK instead of UTF-8",
            Self::Utf8AsBig5 => "Big5 instead of UTF-8",
            Self::Utf8AsShiftJis => "Shift_JIS instead of UTF-8",
        }
    }
}

/// One place where repair had to guess, because bytes had been lost.
///
/// A damaged file has a guess for about one character in ten, so a large folder holds millions:
/// 24 bytes each, with no allocation (two strings per guess were a third of the memory of a
/// load with damaged files).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepairSpan {
    /// Byte offset of the guess in the repaired text (see [`Self::range`]).
    pub start: usize,
    /// What the damaged character became.
    pub after: char,
    /// How sure the repair is, from 0 to 1.
    pub confidence: f32,
    /// The damaged character's surviving bytes: the first `surviving_len` (a damaged character
    /// lost at least one of its at most four).
    surviving: [u8; 4],
    surviving_len: u8,
}

impl RepairSpan {
    /// A guess of `after` at byte `start`, for a character of which `surviving` was left.
    pub(crate) fn new(start: usize, surviving: &[u8], after: char, confidence: f32) -> Self {
        let mut kept = [0; 4];
        let len = surviving.len().min(kept.len());
        kept.iter_mut().zip(surviving).for_each(|(to, &from)| *to = from);
        Self { start, after, confidence, surviving: kept, surviving_len: len as u8 }
    }

    /// Byte range of the guess in the repaired text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.after.len_utf8()
    }

    /// The damaged character as it read in the file: the Windows-1252 reading of its surviving
    /// bytes (e.g. `å“` for `品`, which had lost its last byte).
    pub fn before(&self) -> String {
        let surviving = self.surviving.get(..usize::from(self.surviving_len)).unwrap_or_default();
        encoding_rs::WINDOWS_1252.decode_without_bom_handling(surviving).0.into_owned()
    }
}

/// Guesses below this confidence are reported as low-confidence.
pub const LOW_CONFIDENCE: f32 = 0.5;

/// What repair found in one file and what it changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RepairReport {
    /// The double-encoding detected, if any.
    pub family: Option<Family>,
    /// Lines that were reversed.
    pub lines_repaired: usize,
    /// Non-ASCII characters that read correctly after repair.
    pub chars_restored: usize,
    /// Characters that could not be restored and are shown as U+FFFD.
    pub chars_unrestored: usize,
    /// Guesses made for characters that had lost bytes.
    pub spans: Vec<RepairSpan>,
}

impl RepairReport {
    /// How many guesses were below [`LOW_CONFIDENCE`].
    pub fn low_confidence(&self) -> usize {
        self.spans.iter().filter(|s| s.confidence < LOW_CONFIDENCE).count()
    }
}

/// Repaired text and the account of what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    /// The text as it was written (as far as it can be restored).
    pub text: String,
    /// What was found and changed.
    pub report: RepairReport,
}

/// Evidence about one line: its Windows-1252 bytes and how UTF-8-like they are.
struct LineEvidence {
    bytes: Vec<u8>,
    valid_multibyte: usize,
    invalid: usize,
}

/// Loads the language model that lossy repair needs (about a tenth of a second, once), so that a
/// caller can pay that cost ahead, off any latency-sensitive thread. Repair works without it.
pub fn warm_up() {
    std::sync::LazyLock::force(&model::CHARS);
    std::sync::LazyLock::force(&model::MODEL);
}

/// Detects and undoes mojibake in `text`. Text without mojibake comes back unchanged.
pub fn repair(text: String) -> Repaired {
    let all_lines = split_lines(&text);
    // Mostly re-encoding every char of the file: worth spreading over the cores.
    let evidence: Vec<Option<LineEvidence>> = all_lines.par_iter().map(|line| line_evidence(line)).collect();
    let (valid, invalid) =
        evidence.iter().flatten().fold((0, 0), |(v, i), e| (v + e.valid_multibyte, i + e.invalid));
    // Whole-file evidence: enough well-formed sequences, and more of them than broken ones.
    let file_is_mojibake = valid >= 3 && valid >= invalid;
    if !file_is_mojibake
        && evidence.iter().flatten().all(|e| e.valid_multibyte < 4 || e.valid_multibyte < e.invalid * 2)
    {
        return match cjk::detect(&text, &all_lines) {
            Some(reversal) => apply(&text, reversal),
            None => Repaired { text, report: RepairReport::default() },
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut report = RepairReport { family: Some(Family::Utf8AsWindows1252), ..RepairReport::default() };
    let lines: Vec<(&str, Option<LineEvidence>)> = all_lines.into_iter().zip(evidence).collect();
    let reversed = |evidence: &Option<LineEvidence>| {
        evidence.as_ref().is_some_and(|e| {
            file_is_mojibake || (e.valid_multibyte >= 4 && e.valid_multibyte >= e.invalid * 2)
        })
    };
    // All damaged lines are decided together: the same damaged window is decided once per file.
    let chosen: Vec<&[u8]> = lines
        .iter()
        .filter(|(_, evidence)| reversed(evidence))
        .filter_map(|(_, evidence)| evidence.as_ref().map(|e| e.bytes.as_slice()))
        .collect();
    let mut decoded = gaps::decode_lines(&chosen).into_iter();
    let repaired: Vec<Option<(String, RepairReport)>> =
        lines.iter().map(|(_, evidence)| reversed(evidence).then(|| decoded.next()).flatten()).collect();
    for (index, ((line, _), repaired)) in lines.iter().zip(repaired).enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let Some((line, line_report)) = repaired else {
            out.push_str(line);
            continue;
        };
        let offset = out.len();
        out.push_str(&line);
        report.lines_repaired += 1;
        report.chars_restored += line_report.chars_restored;
        report.chars_unrestored += line_report.chars_unrestored;
        report.spans.extend(line_report.spans.into_iter().map(|mut span| {
            span.start += offset;
            span
        }));
    }
    Repaired { text: out, report }
}

/// The lines of `text` as `text.split('\n')` gives them, found with memchr's vector search:
/// every loaded file is cut into lines here, and the standard library's byte search made that
/// a tenth of reading a clean file.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    for at in memchr::memchr_iter(b'\n', text.as_bytes()) {
        // `\n` is one byte, so both ends are character boundaries.
        lines.push(text.get(start..at).unwrap_or_default());
        start = at + 1;
    }
    lines.push(text.get(start..).unwrap_or_default());
    lines
}

/// Replaces the lines that a lossless reversal restored.
fn apply(text: &str, reversal: cjk::Reversal) -> Repaired {
    let mut report = RepairReport { family: Some(reversal.family), ..RepairReport::default() };
    let mut restored = reversal.lines.into_iter().peekable();
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        match restored.next_if(|(at, _)| *at == index) {
            Some((_, original)) => {
                report.lines_repaired += 1;
                report.chars_restored += original.chars().filter(|c| !c.is_ascii()).count();
                out.push_str(&original);
            }
            None => out.push_str(line),
        }
    }
    Repaired { text: out, report }
}

/// The Windows-1252 bytes of `line` and how well they read as UTF-8; `None` when the line is
/// plain ASCII or holds a character Windows-1252 cannot encode (so it cannot be mojibake).
fn line_evidence(line: &str) -> Option<LineEvidence> {
    if line.is_ascii() {
        return None;
    }
    // Sized ahead: collecting into an `Option<Vec>` starts from nothing and grows.
    let mut bytes = Vec::with_capacity(line.len());
    for c in line.chars() {
        bytes.push(windows_1252_byte(c)?);
    }
    let (valid_multibyte, invalid) = utf8_shape(&bytes);
    (valid_multibyte > 0).then_some(LineEvidence { bytes, valid_multibyte, invalid })
}

/// Counts the well-formed multi-byte UTF-8 sequences and the invalid stretches in `bytes`.
fn utf8_shape(bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// The byte that Windows-1252 or Latin-1 decodes to `c`, if any.
pub fn windows_1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    // Latin-1 reads 0x80–0x9F as C1 controls, which no clean text contains: accepting all of them
    // repairs UTF-8 read as Latin-1 as well as UTF-8 read as Windows-1252.
    if code < 0x100 {
        return u8::try_from(code).ok();
    }
    let byte = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_as_str_split_splits_them() {
        for text in ["", "\n", "a", "a\n", "\na", "a\n\nb", "中文\r\n第二行\n", "\n\n\n"] {
            assert_eq!(split_lines(text), text.split('\n').collect::<Vec<_>>(), "{text:?}");
        }
    }

    /// A guess held a range and two strings: 72 bytes and two allocations, millions of times
    /// for a large folder with damaged files.
    #[test]
    fn a_guess_takes_24_bytes() {
        assert_eq!(std::mem::size_of::<RepairSpan>(), 24);
    }

    #[test]
    fn a_guess_tells_its_range_and_how_the_damage_read() {
        let cases = [
            // 品 is E5 93 81 and lost its last byte.
            (RepairSpan::new(7, &[0xE5, 0x93], '品', 0.9), 7..10, "å“"),
            (RepairSpan::new(0, &[0xC3], 'Ð', 0.4), 0..2, "Ã"),
            // More than four bytes never come from a slot; the first four are kept.
            (RepairSpan::new(2, &[0xF0, 0x9F, 0x98, 0x80, 0x80], '😀', 1.0), 2..6, "ðŸ˜€"),
        ];
        for (span, range, before) in cases {
            assert_eq!((span.range(), span.before().as_str()), (range, before));
        }
    }
}
