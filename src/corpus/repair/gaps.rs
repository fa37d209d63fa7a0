//! Characters whose UTF-8 bytes were partly lost in a double-encoding trip.
//!
//! When UTF-8 is read as Windows-1252, the bytes that code page leaves undefined (0x81, 0x8D,
//! 0x8F, 0x90, 0x9D) and soft hyphens (0xAD) are often dropped on the way back. All six are UTF-8
//! continuation bytes, so every damaged character keeps its lead byte and shows up, after the
//! lossless reversal, as a lead byte followed by too few continuation bytes. For each such slot
//! the candidates are the characters obtained by putting lost bytes back in every possible place;
//! [`lattice`](super::lattice) then picks the reading of each run of neighbouring characters that
//! the language model likes best, jointly, and every guess is recorded with its confidence.

use super::lattice::{self, Decision};
use super::model::MODEL;
use super::{RepairReport, RepairSpan};

/// The bytes that can go missing: Windows-1252's undefined bytes and the soft hyphen.
pub const LOST_BYTES: [u8; 6] = [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD];

/// At most this many readings of one damaged character are weighed (the likeliest alone).
const MAX_CANDIDATES: usize = 12;

/// One character of a damaged line: intact, or a slot of surviving bytes.
#[derive(Clone, Copy)]
enum Unit<'a> {
    Char(char),
    Slot(&'a [u8]),
}

/// Appends the best reading of `bytes` (one line after lossless reversal) to `out`.
pub(super) fn decode_with_gaps(bytes: &[u8], out: &mut String, report: &mut RepairReport) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        out.push_str(text);
        report.chars_restored += text.chars().filter(|c| !c.is_ascii()).count();
        return;
    }
    let units = units(bytes);
    let mut guesses: Vec<Option<(char, f32)>> = vec![None; units.len()];
    let mut start = 0;
    while start < units.len() {
        let end = run_end(&units, start);
        if units[start..end].iter().any(|u| matches!(u, Unit::Slot(_))) {
            // One intact neighbour on each side (punctuation, a space) still tells something.
            let (from, to) = (start.saturating_sub(1), (end + 1).min(units.len()));
            decide_run(&units[from..to], &mut guesses[from..to]);
        }
        start = end.max(start + 1);
    }
    for (unit, guess) in units.iter().zip(guesses) {
        match (unit, guess) {
            (Unit::Char(c), _) => {
                out.push(*c);
                report.chars_restored += usize::from(!c.is_ascii());
            }
            (Unit::Slot(lost), Some((c, confidence))) if c != char::REPLACEMENT_CHARACTER => {
                let begin = out.len();
                out.push(c);
                report.spans.push(RepairSpan {
                    range: begin..out.len(),
                    before: as_windows_1252(lost),
                    after: c.to_string(),
                    confidence,
                });
            }
            (Unit::Slot(_), _) => {
                out.push(char::REPLACEMENT_CHARACTER);
                report.chars_unrestored += 1;
            }
        }
    }
}

/// Splits a line into intact characters and slots (a lead byte with too few continuation bytes,
/// or a stray byte).
fn units(bytes: &[u8]) -> Vec<Unit<'_>> {
    let mut units = Vec::with_capacity(bytes.len());
    // Invalid stretches of consecutive chunks belong together (`E0 80` splits in two chunks).
    let (mut position, mut broken) = (0, 0..0);
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            push_slots(&bytes[broken.clone()], &mut units);
            units.extend(chunk.valid().chars().map(Unit::Char));
            position += chunk.valid().len();
            broken = position..position;
        }
        position += chunk.invalid().len();
        broken.end = position;
    }
    push_slots(&bytes[broken], &mut units);
    units
}

/// Splits an invalid stretch into slots: each byte that is not a continuation byte starts one.
fn push_slots<'a>(mut rest: &'a [u8], units: &mut Vec<Unit<'a>>) {
    while !rest.is_empty() {
        let continuations = rest[1..].iter().take_while(|&&b| is_continuation(b)).count();
        let (slot, after) = rest.split_at(1 + continuations.min(3));
        units.push(Unit::Slot(slot));
        rest = after;
    }
}

/// Where the run starting at `start` ends: runs are maximal stretches of slots and intact
/// letters outside ASCII (the characters that form words with a damaged neighbour).
fn run_end(units: &[Unit<'_>], start: usize) -> usize {
    let in_run = |u: &Unit<'_>| match u {
        Unit::Slot(_) => true,
        Unit::Char(c) => !c.is_ascii() && c.is_alphabetic(),
    };
    match units.get(start) {
        Some(u) if in_run(u) => {
            start + units[start..].iter().position(|u| !in_run(u)).unwrap_or(units.len() - start)
        }
        _ => start + 1,
    }
}

/// Decides the slots of one run jointly and writes the guesses.
fn decide_run(run: &[Unit<'_>], guesses: &mut [Option<(char, f32)>]) {
    let candidates: Vec<Vec<char>> = run
        .iter()
        .map(|unit| match unit {
            Unit::Char(c) => vec![*c],
            Unit::Slot(bytes) => candidates(bytes),
        })
        .collect();
    let Decision { chosen, confidence } = lattice::decide(&candidates);
    for (index, unit) in run.iter().enumerate() {
        if let (Unit::Slot(_), Some(guess)) = (unit, guesses.get_mut(index)) {
            let c = candidates[index].get(chosen[index]).copied().unwrap_or(char::REPLACEMENT_CHARACTER);
            *guess = Some((c, confidence[index]));
        }
    }
}

/// The characters `surviving` may have been: lost bytes put back in every place (one, two or
/// three of them). Those the model knows come first and alone, if there are any; never empty.
pub(super) fn candidates(surviving: &[u8]) -> Vec<char> {
    let Some(&lead) = surviving.first() else { return vec![char::REPLACEMENT_CHARACTER] };
    let length: usize = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return vec![char::REPLACEMENT_CHARACTER],
    };
    let missing = length.saturating_sub(surviving.len());
    let mut found = Vec::new();
    if missing > 0 {
        let mut buffer = Vec::with_capacity(4);
        fill(&surviving[1..], missing, &mut vec![lead], &mut buffer, &mut found);
    }
    found.sort_unstable();
    found.dedup();
    let mut known: Vec<char> = found.iter().copied().filter(|&c| MODEL.knows(c)).collect();
    // The rarest readings never win against common ones; dropping them keeps decoding fast.
    if known.len() > MAX_CANDIDATES {
        known.sort_by(|a, b| MODEL.char(*b).total_cmp(&MODEL.char(*a)).then(a.cmp(b)));
        known.truncate(MAX_CANDIDATES);
        known.sort_unstable();
    }
    match (known.is_empty(), found.is_empty()) {
        (false, _) => known,
        (true, false) => found,
        (true, true) => vec![char::REPLACEMENT_CHARACTER],
    }
}

/// Completes `prefix` with the `rest` of the surviving bytes and `missing` lost bytes in every
/// order, collecting the sequences that are one valid character.
fn fill(rest: &[u8], missing: usize, prefix: &mut Vec<u8>, scratch: &mut Vec<u8>, found: &mut Vec<char>) {
    if rest.is_empty() && missing == 0 {
        scratch.clear();
        scratch.extend_from_slice(prefix);
        if let Ok(text) = std::str::from_utf8(scratch) {
            found.extend(text.chars().take(1));
        }
        return;
    }
    if let Some((&next, tail)) = rest.split_first() {
        prefix.push(next);
        fill(tail, missing, prefix, scratch, found);
        prefix.pop();
    }
    if missing > 0 {
        for lost in LOST_BYTES {
            prefix.push(lost);
            fill(rest, missing - 1, prefix, scratch, found);
            prefix.pop();
        }
    }
}

fn is_continuation(byte: u8) -> bool {
    (0x80..0xC0).contains(&byte)
}

/// How the surviving bytes read in the damaged file (their Windows-1252 characters).
fn as_windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
}
