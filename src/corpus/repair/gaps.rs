//! Characters whose UTF-8 bytes were partly lost in a double-encoding trip.
//!
//! When UTF-8 is read as Windows-1252, the bytes that code page leaves undefined (0x81, 0x8D,
//! 0x8F, 0x90, 0x9D) and soft hyphens (0xAD) are often dropped on the way back. All six are UTF-8
//! continuation bytes, so every damaged character keeps its lead byte and shows up, after the
//! lossless reversal, as a lead byte followed by too few continuation bytes. For each such slot
//! the candidates are the characters obtained by putting lost bytes back in every possible place;
//! [`lattice`](super::lattice) then picks the reading of each window around neighbouring damaged
//! characters that the language model likes best, jointly, and every guess is recorded with its
//! confidence.
//!
//! A file is decided in passes. The same damaged window (the same bytes) recurs many times in a
//! file, so each distinct window is decided once per pass. The first pass uses the built-in model
//! alone; the next ones add a model of the file itself (character and pair counts of its intact
//! text and of the guesses the pass before was sure of, see [`DocModel`]), because a document
//! repeats its own vocabulary.

// Dense numeric code: a line's units and their byte offsets are built together, and windows are ranges of those units.
#![allow(clippy::indexing_slicing, reason = "indices in range by construction")]

use super::joins::{Joins, Reading};
use super::lattice::{self, Decision, Run, Scratch, Words};
use super::line::{Line, Unit, latin_gap, line};
use super::model::{DocModel, MODEL};
use super::ragged::Ragged;
use super::script::{self, Script};
use super::{RepairReport, RepairSpan};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

/// The bytes that can go missing: Windows-1252's undefined bytes and the soft hyphen.
pub const LOST_BYTES: [u8; 6] = [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD];

/// At most this many readings of one damaged character are weighed (the likeliest alone).
const MAX_CANDIDATES: usize = 12;

/// Windows whose every guess the pass before was at least this sure of are not decided again.
const SURE: f32 = 0.999;

/// Rounds of deciding the unsure windows again with a model of the document.
const DOC_ROUNDS: usize = 3;

/// Guesses less sure than this are left out of the document model's counts.
const COUNTED: f32 = 0.9;

/// The reading of a slot with no candidates (never the case: see [`candidates`]).
const UNKNOWN: &[char] = &[char::REPLACEMENT_CHARACTER];

/// Stands, in a window, for a space that sets Chinese apart from the Latin text before it
/// (`在 Pod 中`). The model's running text puts spaces between Chinese phrases, and `不` follows
/// one eighteen times as often as `中` there; after a Latin name a space says nothing of the
/// kind. A character the model does not know makes every pair with it score alike. (A space
/// after Chinese and before Latin keeps its counts: the running text's habit does not skew
/// them, and neutral they cost more readings than they saved.)
const LATIN_GAP: char = '\u{E000}';

/// At least this many windows are decided by one worker in a row (with one [`Scratch`]); lines
/// are counted for the document model in runs of as many.
const BATCH: usize = 1024;

/// The guesses for each window, a row each: at each position, the character and how sure of it.
type Guesses = Ragged<(char, f32)>;

/// The distinct windows to decide, a row each: the candidates of each position, the table of
/// pair scores across the boundary before it (see [`Joins`]), and the script of its line.
#[derive(Default)]
struct Problems<'a> {
    candidates: Ragged<&'a [char]>,
    tables: Ragged<Option<u32>>,
    scripts: Vec<Script>,
}

/// Appends the best reading of each of `lines` (each one line after lossless reversal), with
/// what was guessed. Lines that are valid UTF-8 come back as they are.
pub(super) fn decode_lines(lines: &[&[u8]]) -> Vec<(String, RepairReport)> {
    let cut: Vec<Option<Line<'_>>> =
        lines.par_iter().map(|bytes| std::str::from_utf8(bytes).is_err().then(|| line(bytes))).collect();
    // The candidates of each distinct slot, computed once, and its reading; windows borrow
    // them (and their intact chars), so that a window costs no allocation per position.
    let mut slots: HashMap<&[u8], (Vec<char>, Reading)> = HashMap::new();
    for line in cut.iter().flatten() {
        // Every slot is in a window, and windows hold a fraction of a line's units.
        for position in line.windows.iter().flat_map(Clone::clone) {
            if line.units[position] == Unit::Slot {
                let surviving = line.bytes_of(position);
                let next = slots.len();
                slots.entry(surviving).or_insert_with(|| {
                    let candidates = candidates(surviving);
                    let reading = match candidates[..] {
                        [one] => Reading::intact(one),
                        _ => Reading::slot(next),
                    };
                    (candidates, reading)
                });
            }
        }
    }
    // Distinct windows (the same bytes in a line of the same script), each with the candidates
    // of its positions.
    let scripts = script::of_lines(lines);
    let mut ids: HashMap<(&[u8], Script, bool), usize> = HashMap::new();
    let mut problems = Problems::default();
    let mut joins = Joins::default();
    // One window's positions, reused from window to window.
    let (mut row, mut readings, mut tables): (Vec<&[char]>, Vec<Reading>, Vec<Option<u32>>) =
        Default::default();
    let mut window_ids: Vec<Vec<usize>> = Vec::with_capacity(lines.len());
    for ((bytes, line), &script) in lines.iter().zip(&cut).zip(&scripts) {
        let Some(line) = line else {
            window_ids.push(Vec::new());
            continue;
        };
        let mut here = Vec::with_capacity(line.windows.len());
        for window in &line.windows {
            let key = &bytes[line.starts[window.start]..line.starts[window.end]];
            // The same bytes are another problem when they start with a space after Latin text.
            let gap = window
                .start
                .checked_sub(1)
                .is_some_and(|before| latin_gap(&line.units, window.start, before));
            let next = problems.scripts.len();
            let id = *ids.entry((key, script, gap)).or_insert(next);
            if id == next {
                row.clear();
                readings.clear();
                let positions =
                    line.units[window.clone()].iter().enumerate().map(|(offset, unit)| match unit {
                        Unit::Char(_) if offset == 0 && gap => {
                            (std::slice::from_ref(&LATIN_GAP), Reading::intact(LATIN_GAP))
                        }
                        Unit::Char(c) => (std::slice::from_ref(c), Reading::intact(*c)),
                        Unit::Slot => match slots.get(line.bytes_of(window.start + offset)) {
                            Some((candidates, reading)) => (candidates.as_slice(), *reading),
                            None => (UNKNOWN, Reading::intact(char::REPLACEMENT_CHARACTER)),
                        },
                    });
                positions.for_each(|(candidates, reading)| {
                    row.push(candidates);
                    readings.push(reading);
                });
                joins.tables_of(&row, &readings, &mut tables);
                problems.candidates.push_row(row.iter().copied());
                problems.tables.push_row(tables.iter().copied());
                problems.scripts.push(script);
            }
            here.push(id);
        }
        window_ids.push(here);
    }
    // Decides window `id` into `guesses` with the pair scores `scores`; its words (from the
    // first pass) are given when it is decided again.
    let decide = |scratch: &mut Scratch,
                  id: usize,
                  scores: &Ragged<f32>,
                  words: Option<&Words>,
                  guesses: &mut [(char, f32)]| {
        let candidates = problems.candidates.row(id);
        let tables = problems.tables.row(id);
        let run = Run { candidates, tables, joins: scores, script: problems.scripts[id] };
        let Decision { chosen, confidence } = match words {
            Some(words) => lattice::decide_again(&run, words, scratch),
            None => lattice::decide(&run, scratch),
        };
        for (guess, (c, (&k, &p))) in
            guesses.iter_mut().zip(candidates.iter().zip(chosen.iter().zip(confidence)))
        {
            *guess = (c.get(k).copied().unwrap_or(char::REPLACEMENT_CHARACTER), p);
        }
    };
    let unsure = |guesses: &[(char, f32)]| guesses.iter().any(|&(_, p)| p < SURE);
    let assemble = |decided: &Guesses| -> Vec<(String, RepairReport)> {
        lines
            .par_iter()
            .zip(&cut)
            .zip(&window_ids)
            .map(|((bytes, line), ids)| {
                let mut out = String::with_capacity(bytes.len());
                let mut report = RepairReport::default();
                match line {
                    Some(line) => write_line(line, ids, decided, &mut out, &mut report),
                    None => {
                        let text = std::str::from_utf8(bytes).unwrap_or_default();
                        out.push_str(text);
                        report.chars_restored += text.chars().filter(|c| !c.is_ascii()).count();
                    }
                }
                (out, report)
            })
            .collect()
    };
    // The first pass keeps the words of the windows it is unsure of: only those are decided
    // again (a window once sure is never decided again, so it stays sure).
    let windows = problems.scripts.len();
    let mut decided = Guesses::filled_like(&problems.candidates, (char::REPLACEMENT_CHARACTER, 0.0));
    joins.score(None, None);
    let scores = joins.scores();
    let words: Vec<Option<Words>> = decided
        .rows_mut()
        .into_par_iter()
        .enumerate()
        .with_min_len(BATCH)
        .map_init(Scratch::default, |scratch, (id, guesses)| {
            decide(scratch, id, scores, None, guesses);
            unsure(guesses).then(|| scratch.words())
        })
        .collect();
    if windows == 0 {
        return assemble(&decided);
    }
    // Then the windows not yet sure are decided again with the document's own counts, in a few
    // rounds. Each round counts the intact characters and only the guesses the
    // round before was fairly sure of, so that wrong guesses do not vote for themselves; the
    // surer guesses of one round make the next round's counts better.
    let intact = count_intact(lines, &cut);
    for _ in 0..DOC_ROUNDS {
        let doc = count_document(&intact, &cut, &window_ids, &decided);
        // Only the tables that the unsure windows read are scored again.
        let mut needed = vec![false; joins.len()];
        for id in (0..windows).filter(|&id| unsure(decided.row(id))) {
            for &table in problems.tables.row(id).iter().flatten() {
                needed[table as usize] = true;
            }
        }
        joins.score(Some(&doc), Some(&needed));
        let scores = joins.scores();
        decided.rows_mut().into_par_iter().enumerate().zip(&words).with_min_len(BATCH).for_each_init(
            Scratch::default,
            |scratch, ((id, guesses), words)| {
                if unsure(guesses) {
                    decide(scratch, id, scores, words.as_ref(), guesses);
                }
            },
        );
    }
    assemble(&decided)
}

/// What the document model counts that no guess changes: the lines read whole, and the intact
/// chars of the damaged ones with the pairs of neighbouring intact chars. Counted once, in
/// parallel; each round adds its guesses to a copy (see [`count_document`]): counting the whole
/// text again each round took a tenth of the repair.
fn count_intact(lines: &[&[u8]], cut: &[Option<Line<'_>>]) -> DocModel {
    lines
        .par_iter()
        .zip(cut)
        .with_min_len(BATCH)
        .fold(DocModel::empty, |mut doc, (bytes, line)| {
            match line {
                Some(line) => doc.add_run(line.units.iter().map(|unit| match *unit {
                    Unit::Char(c) => Some(c),
                    Unit::Slot => None,
                })),
                None => doc.add(std::str::from_utf8(bytes).unwrap_or_default()),
            }
            doc
        })
        .reduce(DocModel::empty, DocModel::merge)
}

/// The document model of the lines read with the guesses `decided`: the `intact` counts, and
/// each guess with the pairs it is part of, counted line by line in parallel. Guesses less
/// than [`COUNTED`] sure read as blanks, so that wrong guesses do not vote for themselves.
fn count_document(
    intact: &DocModel,
    cut: &[Option<Line<'_>>],
    window_ids: &[Vec<usize>],
    decided: &Guesses,
) -> DocModel {
    let guessed = cut
        .par_iter()
        .zip(window_ids)
        .with_min_len(BATCH)
        .fold(
            || (DocModel::empty(), Vec::new()),
            |(mut doc, mut read), (line, ids)| {
                if let Some(line) = line {
                    count_guesses(line, ids, decided, &mut read, &mut doc);
                }
                (doc, read)
            },
        )
        .map(|(doc, _)| doc)
        .reduce(DocModel::empty, DocModel::merge);
    intact.clone().merge(guessed)
}

/// Counts the guesses of one line's slots, with the pairs they are part of (a pair of two
/// guesses once). `read` is scratch space for the line as read.
fn count_guesses(
    line: &Line<'_>,
    ids: &[usize],
    decided: &Guesses,
    read: &mut Vec<char>,
    doc: &mut DocModel,
) {
    read.clear();
    read.extend(line.units.iter().map(|unit| match *unit {
        Unit::Char(c) => c,
        Unit::Slot => char::REPLACEMENT_CHARACTER,
    }));
    for (window, &id) in line.windows.iter().zip(ids) {
        for (position, &(c, p)) in window.clone().zip(decided.row(id)) {
            if line.units[position] == Unit::Slot {
                read[position] = if p < COUNTED { char::REPLACEMENT_CHARACTER } else { c };
            }
        }
    }
    for (position, unit) in line.units.iter().enumerate() {
        if *unit != Unit::Slot {
            continue;
        }
        let c = read[position];
        doc.add_char(c);
        if let Some(&before) = position.checked_sub(1).and_then(|p| read.get(p)) {
            doc.add_pair(before, c);
        }
        if let (Some(&after), Some(Unit::Char(_))) = (read.get(position + 1), line.units.get(position + 1)) {
            doc.add_pair(c, after);
        }
    }
}

/// Writes one line with the decided windows' guesses.
fn write_line(
    line: &Line<'_>,
    ids: &[usize],
    decided: &Guesses,
    out: &mut String,
    report: &mut RepairReport,
) {
    let mut guesses: Vec<Option<(char, f32)>> = vec![None; line.units.len()];
    for (window, &id) in line.windows.iter().zip(ids) {
        for (position, &guess) in window.clone().zip(decided.row(id)) {
            if line.units[position] == Unit::Slot {
                guesses[position] = Some(guess);
            }
        }
    }
    for (position, (unit, guess)) in line.units.iter().zip(guesses).enumerate() {
        match (unit, guess) {
            (Unit::Char(c), _) => {
                out.push(*c);
                report.chars_restored += usize::from(!c.is_ascii());
            }
            (Unit::Slot, Some((c, confidence))) if c != char::REPLACEMENT_CHARACTER => {
                let begin = out.len();
                out.push(c);
                report.spans.push(RepairSpan::new(begin, line.bytes_of(position), c, confidence));
            }
            (Unit::Slot, _) => {
                out.push(char::REPLACEMENT_CHARACTER);
                report.chars_unrestored += 1;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each round counted the whole text as read anew; now the intact text is counted once and
    /// each round adds its guesses, which must come to the same counts.
    #[test]
    fn intact_counts_with_the_guesses_are_the_counts_of_the_text_as_read() {
        #[rustfmt::skip]
        let lines: [&[u8]; 4] = [
            // Two neighbouring slots, a slot between intact chars, a slot at the end.
            b"\xe5\x93\xe4\xb8\xad\xe5\x93\xe5\x93a \xe4\xb8\xe4\xb8\xad",
            "数据中心 is whole".as_bytes(),
            // A slot first, and a stray continuation byte.
            b"\xe4\xb8\xe5\x93\x81\x80",
            b"",
        ];
        let cut: Vec<Option<Line<'_>>> =
            lines.iter().map(|bytes| std::str::from_utf8(bytes).is_err().then(|| line(bytes))).collect();
        // Every window its own problem, guessed with chars that lose bytes and some that do not,
        // and one blank (a guess not counted).
        let guesses = ['品', '中', '的', char::REPLACEMENT_CHARACTER, '不'];
        let (mut window_ids, mut decided): (Vec<Vec<usize>>, Guesses) = (Vec::new(), Guesses::default());
        for line in &cut {
            let mut ids = Vec::new();
            for window in line.iter().flat_map(|line| &line.windows) {
                ids.push(decided.len());
                let n = decided.len();
                let sure = [0.95, COUNTED - 0.01, 1.0];
                decided
                    .push_row(window.clone().map(|p| (guesses[(n + p) % guesses.len()], sure[(n + p) % 3])));
            }
            window_ids.push(ids);
        }
        // Written out, guesses less sure than counted read as blanks.
        let blank =
            |&(c, p): &(char, f32)| if p < COUNTED { (char::REPLACEMENT_CHARACTER, p) } else { (c, p) };
        let mut written = Guesses::default();
        decided.rows().for_each(|g| written.push_row(g.iter().map(blank)));
        assert!(written != decided);
        let mut want = DocModel::empty();
        for ((bytes, line), ids) in lines.iter().zip(&cut).zip(&window_ids) {
            let mut text = String::new();
            match line {
                Some(line) => write_line(line, ids, &written, &mut text, &mut RepairReport::default()),
                None => text.push_str(std::str::from_utf8(bytes).unwrap_or_default()),
            }
            want.add(&text);
        }
        assert!(cut.iter().flatten().count() == 2 && decided.len() >= 3);
        let got = count_document(&count_intact(&lines, &cut), &cut, &window_ids, &decided);
        assert!(got == want);
    }
}
