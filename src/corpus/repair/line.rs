//! A damaged line cut into what survived intact and the slots of characters that lost bytes,
//! with the windows of neighbouring characters that are decided together.
//!
//! A damaged file is cut into one unit per character, so a unit is four bytes and a slot's
//! surviving bytes are found through the line rather than copied. Windows keep a little context
//! on each side of their damaged characters and stay short, so that the same window recurs in a
//! file and is decided once (see [`gaps`](super::gaps)).

// Dense numeric code: a line's units and their byte offsets are built together, and windows are ranges of those units.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

/// Characters of context kept on each side of a damaged character when deciding it: enough for
/// the words and pairs that involve it, and it keeps windows short, so that they repeat.
const CONTEXT: usize = 2;

/// One character of a damaged line: intact, or a slot of surviving bytes (found through the
/// line's [`Line::starts`]). Four bytes: a damaged file is cut into one unit per character, and
/// a unit that held its slot's bytes took 24.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Char(char),
    Slot,
}

/// A line cut into units, with the windows that have to be decided.
pub(super) struct Line<'a> {
    bytes: &'a [u8],
    pub units: Vec<Unit>,
    /// Byte offset of each unit in the line, and the line's length last.
    pub starts: Vec<usize>,
    /// Unit ranges decided jointly (each holds at least one slot; no slot is in two).
    pub windows: Vec<std::ops::Range<usize>>,
}

impl<'a> Line<'a> {
    /// The bytes of unit `position` (a slot's surviving bytes).
    pub(super) fn bytes_of(&self, position: usize) -> &'a [u8] {
        &self.bytes[self.starts[position]..self.starts[position + 1]]
    }
}

/// Cuts a line into units and finds the windows to decide: within each run of neighbouring
/// letters, damaged characters closer than [`CONTEXT`] are decided together, with up to
/// [`CONTEXT`] characters on each side (one intact neighbour outside the run, a punctuation mark
/// or a space, still tells something).
pub(super) fn line(bytes: &[u8]) -> Line<'_> {
    let (units, starts) = units(bytes);
    let mut windows = Vec::new();
    // Only the runs that hold a slot have windows: the others are never looked at.
    let mut rest = 0;
    while let Some(offset) = units.get(rest..).and_then(|after| after.iter().position(|u| *u == Unit::Slot)) {
        let slot = rest + offset;
        let start = slot - units[..slot].iter().rev().take_while(|u| in_run(u)).count();
        let end = slot + units[slot..].iter().take_while(|u| in_run(u)).count();
        push_windows(&units, start..end, &mut windows);
        rest = end;
    }
    Line { bytes, units, starts, windows }
}

/// Adds the windows of the run `run` of `units`: its slots closer than [`CONTEXT`] together,
/// with up to [`CONTEXT`] characters on each side, one of them outside the run.
fn push_windows(units: &[Unit], run: std::ops::Range<usize>, windows: &mut Vec<std::ops::Range<usize>>) {
    let (from, to) = (run.start.saturating_sub(1), (run.end + 1).min(units.len()));
    let window =
        |(first, last): (usize, usize)| first.saturating_sub(CONTEXT).max(from)..(last + CONTEXT + 1).min(to);
    let mut cluster: Option<(usize, usize)> = None;
    for position in run.filter(|&position| units[position] == Unit::Slot) {
        cluster = match cluster {
            Some((first, last)) if position - last <= CONTEXT => Some((first, position)),
            Some(done) => {
                windows.push(window(done));
                Some((position, position))
            }
            None => Some((position, position)),
        };
    }
    windows.extend(cluster.map(window));
}

/// Splits a line into intact characters and slots (a lead byte with too few continuation bytes,
/// or a stray byte), with the byte offset of each (and the length last).
fn units(bytes: &[u8]) -> (Vec<Unit>, Vec<usize>) {
    // One unit per byte that is not a continuation byte, give or take a stray one: sized from
    // that count rather than from half the byte count, a Chinese line's tables are a third
    // smaller.
    let estimate = bytes.iter().filter(|&&b| !is_continuation(b)).count() + 1;
    let mut units = Vec::with_capacity(estimate);
    let mut starts = Vec::with_capacity(estimate + 1);
    // Invalid stretches of consecutive chunks belong together (`E0 80` splits in two chunks).
    let (mut position, mut broken) = (0, 0..0);
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            push_slots(&bytes[broken.clone()], broken.start, &mut units, &mut starts);
            for (offset, c) in chunk.valid().char_indices() {
                units.push(Unit::Char(c));
                starts.push(position + offset);
            }
            position += chunk.valid().len();
            broken = position..position;
        }
        position += chunk.invalid().len();
        broken.end = position;
    }
    push_slots(&bytes[broken.clone()], broken.start, &mut units, &mut starts);
    starts.push(bytes.len());
    (units, starts)
}

/// Splits an invalid stretch into slots: each byte that is not a continuation byte starts one.
fn push_slots(mut rest: &[u8], mut at: usize, units: &mut Vec<Unit>, starts: &mut Vec<usize>) {
    while !rest.is_empty() {
        let continuations = rest[1..].iter().take_while(|&&b| is_continuation(b)).count();
        let (slot, after) = rest.split_at(1 + continuations.min(3));
        units.push(Unit::Slot);
        starts.push(at);
        at += slot.len();
        rest = after;
    }
}

/// Whether unit `at` is a space after the Latin letter or digit at `before`.
pub(super) fn latin_gap(units: &[Unit], at: usize, before: usize) -> bool {
    matches!(units.get(at), Some(Unit::Char(' ')))
        && matches!(units.get(before), Some(Unit::Char(c)) if c.is_ascii_alphanumeric())
}

/// Whether `unit` belongs in a run: runs are maximal stretches of slots and intact letters
/// outside ASCII (the characters that form words with a damaged neighbour).
fn in_run(unit: &Unit) -> bool {
    match *unit {
        Unit::Slot => true,
        // Most letters of a damaged line are CJK ideographs, all of them letters: asking the
        // Unicode tables for each cost a third of cutting the line.
        Unit::Char(c) => CJK_IDEOGRAPHS.contains(&c) || (!c.is_ascii() && c.is_alphabetic()),
    }
}

/// The block of CJK Unified Ideographs.
const CJK_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

fn is_continuation(byte: u8) -> bool {
    (0x80..0xC0).contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit held its slot's bytes: 24 bytes for every character of a damaged file.
    #[test]
    fn a_unit_takes_4_bytes() {
        assert_eq!(std::mem::size_of::<Unit>(), 4);
    }

    #[test]
    fn every_cjk_ideograph_is_a_letter() {
        assert!(CJK_IDEOGRAPHS.clone().all(|c| c.is_alphabetic()));
    }

    /// Windows as first found, by walking every unit and cutting every run.
    fn windows_by_walking_every_run(units: &[Unit]) -> Vec<std::ops::Range<usize>> {
        let mut windows = Vec::new();
        let mut start = 0;
        while start < units.len() {
            let end = start + units[start..].iter().take_while(|u| in_run(u)).count();
            push_windows(units, start..end, &mut windows);
            start = end.max(start + 1);
        }
        windows
    }

    /// A window's start and end.
    type Span = (usize, usize);

    #[test]
    fn neighbouring_slots_share_a_window_with_context_on_each_side() {
        #[rustfmt::skip]
        let cases: &[(&[u8], &[Span])] = &[
            // 数据 ? 心: the whole run of four.
            (b"\xe6\x95\xb0\xe6\x8d\xae\xe4\xb8\xe5\xbf\x83", &[(0, 4)]),
            // The run ends at the spaces; one of them is kept on each side.
            (b"ab \xe4\xb8\xe5\xbf\x83 cd", &[(2, 6)]),
            // Two slots five apart in one run: two windows.
            (b"\xe4\xb8\xe5\xbf\x83\xe5\xbf\x83\xe5\xbf\x83\xe5\xbf\x83\xe4\xb8", &[(0, 3), (3, 6)]),
            // Two slots two apart: one window.
            (b"\xe5\xbf\x83\xe4\xb8\xe5\xbf\x83\xe4\xb8\xe5\xbf\x83", &[(0, 5)]),
            (b"no slot here \xe5\xbf\x83", &[]),
        ];
        for (bytes, want) in cases {
            let got: Vec<Span> = line(bytes).windows.iter().map(|w| (w.start, w.end)).collect();
            assert_eq!(got, *want, "{}", String::from_utf8_lossy(bytes));
        }
    }

    /// Runs without a slot are no longer looked at: the windows must be those of walking
    /// every run, on lines mixing slots, ideographs, other letters, ASCII and punctuation.
    #[test]
    fn windows_are_those_of_walking_every_run() {
        let pieces: [&[u8]; 8] = [
            b"\xe4\xb8",
            b"\xe5\xbf\x83",
            "數".as_bytes(),
            "é".as_bytes(),
            b"a",
            b" ",
            "，".as_bytes(),
            b"\x80",
        ];
        let mut state = 7u64;
        for length in 0..400 {
            let mut bytes = Vec::new();
            for _ in 0..length % 40 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                bytes.extend_from_slice(pieces[(state >> 33) as usize % pieces.len()]);
            }
            let cut = line(&bytes);
            assert_eq!(cut.windows, windows_by_walking_every_run(&cut.units), "{bytes:?}");
        }
    }

    #[test]
    fn slots_find_their_bytes_through_the_line() {
        // 品 lost its last byte; 中 is intact; a stray continuation byte is a slot of its own.
        let bytes = b"\xe5\x93\xe4\xb8\xad\x80a";
        let line = line(bytes);
        assert_eq!(line.units, [Unit::Slot, Unit::Char('中'), Unit::Slot, Unit::Char('a')]);
        let slots: Vec<&[u8]> = [0, 2].map(|position| line.bytes_of(position)).to_vec();
        assert_eq!(slots, [&b"\xe5\x93"[..], &b"\x80"[..]]);
    }

    #[test]
    fn a_space_is_a_latin_gap_only_after_a_latin_letter_or_digit() {
        let cases =
            [("Pod 中", true), ("v2 中", true), ("集群 中", false), ("。 中", false), ("Pod中", false)];
        for (text, want) in cases {
            let (units, _) = units(text.as_bytes());
            let space = units.iter().position(|u| matches!(u, Unit::Char(' '))).unwrap_or(1);
            assert_eq!(latin_gap(&units, space, space.wrapping_sub(1)), want, "{text}");
        }
    }
}
