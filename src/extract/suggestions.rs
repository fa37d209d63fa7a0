//! Names the catalog may be missing: Latin tokens (CamelCase, version-like names and acronyms
//! first), and Chinese terms set in quotes or book-title marks, that occur often, in several
//! talks, and are neither catalog aliases nor common words. Dictionary words (`overlay`,
//! `Gateway`, `STATUS`) are dropped and CamelCase made only of them (`NodePort`) ranks low; the
//! word lists are data in `assets/catalog/`. A list for a person to review, ranked.

use crate::catalog::Catalog;
use foldhash::{HashMap, HashSet};
use memchr::memmem::Finder;
use rayon::prelude::*;

/// What a candidate looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Mixed case inside the word: `KubeSphere`, `gRPC`.
    CamelCase,
    /// All capitals: `TKE`.
    Acronym,
    /// Letters with digits inside: `k3s`, `log4j`.
    Versioned,
    /// CamelCase made only of common words: `NodePort`, `livenessProbe` (field names, mostly).
    Compound,
    /// Any other Latin word: `harbor-ui`.
    Latin,
    /// A Chinese term in quotes or 《》: `“夜莺”`.
    ChineseQuoted,
}

impl Shape {
    /// How strongly the shape suggests a product name, for ranking.
    pub fn weight(self) -> usize {
        match self {
            Self::CamelCase => 4,
            Self::Versioned => 3,
            Self::Acronym | Self::ChineseQuoted => 2,
            Self::Compound | Self::Latin => 1,
        }
    }

    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CamelCase => "camel-case",
            Self::Acronym => "acronym",
            Self::Versioned => "versioned",
            Self::Compound => "compound",
            Self::Latin => "latin",
            Self::ChineseQuoted => "chinese-quoted",
        }
    }
}

/// A name worth adding to the catalog, perhaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The most common spelling seen first.
    pub text: String,
    /// Its shape.
    pub shape: Shape,
    /// Number of talks it occurs in.
    pub talks: usize,
    /// Number of occurrences.
    pub occurrences: usize,
}

/// Words that look like names but are not technologies (one a line, `#` comments).
const NOT_NAMES: &str = include_str!("../../assets/catalog/suggest_not_names.txt");

/// Common English words: ordinary language, not product names (one a line, `#` comments).
const ENGLISH: &str = include_str!("../../assets/catalog/suggest_english.txt");

/// The words of a one-a-line list.
fn word_list(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// File and domain endings: `shimo.im`, `values.yaml` are addresses and files, not names.
const NOT_NAME_ENDINGS: &[&str] = &[
    ".com", ".cn", ".io", ".im", ".org", ".net", ".html", ".md", ".yml", ".yaml", ".json", ".sh", ".py",
    ".go", ".js", ".xml", ".conf", ".log", ".txt",
];

/// Ranks candidate names in `passages` (talk number, text), `limit` at most.
pub fn suggest(catalog: &Catalog, passages: &[(u32, &str)], limit: usize) -> Vec<Suggestion> {
    suggest_from(catalog, passages.par_iter().copied(), limit)
}

/// [`suggest`] over passages produced as they are needed, in talk order: a large corpus has
/// hundreds of thousands, and a list of them all was the report's peak of memory.
pub fn suggest_from<'a>(
    catalog: &Catalog,
    passages: impl ParallelIterator<Item = (u32, &'a str)>,
    limit: usize,
) -> Vec<Suggestion> {
    let suggester = Suggester::new(catalog);
    suggester.rank(suggester.tally(passages), limit)
}

/// What tells a candidate from a known name or an ordinary word: built once per catalog, then
/// used for every batch of passages.
#[derive(Debug, Clone)]
pub struct Suggester {
    known: HashSet<String>,
    english: HashSet<&'static str>,
}

impl Suggester {
    /// The known names of `catalog` (technologies and organisations) and the word lists.
    pub fn new(catalog: &Catalog) -> Self {
        let known = catalog
            .technologies()
            .iter()
            .flat_map(|t| t.match_forms().into_iter().map(|f| f.text.to_lowercase()))
            .chain(
                catalog
                    .organisations()
                    .iter()
                    .flat_map(|o| o.names().map(str::to_lowercase).collect::<Vec<_>>()),
            )
            .chain(word_list(NOT_NAMES).map(str::to_owned))
            .collect();
        let english = word_list(ENGLISH).chain(word_list(NOT_NAMES)).collect();
        Self { known, english }
    }

    /// Counts the candidates of `passages` (talk number, text; in talk order).
    pub fn tally<'a>(&self, passages: impl ParallelIterator<Item = (u32, &'a str)>) -> Tally {
        // Tallied in parallel over contiguous runs of passages and merged left to right, so each
        // candidate keeps the spelling it first appeared with, as a sequential pass would.
        passages
            .fold(Tally::default, |mut tally, (talk, text)| {
                tally_passage(&mut tally.0, talk, text, &self.known, &self.english);
                tally
            })
            .reduce(Tally::default, Tally::then)
    }

    /// The candidates of `tally` worth a look, best first, `limit` at most.
    pub fn rank(&self, tally: Tally, limit: usize) -> Vec<Suggestion> {
        let mut ranked: Vec<Suggestion> = tally
            .0
            .into_values()
            .filter(|word| word.talks.len() >= 2 || word.occurrences >= 3)
            .map(|word| Suggestion {
                text: word.text,
                shape: word.shape,
                talks: word.talks.len(),
                occurrences: word.occurrences,
            })
            .collect();
        // Product names are usually CamelCase, acronyms or quoted; ordinary words are lower-case.
        let score = |x: &Suggestion| x.talks * x.shape.weight();
        ranked.sort_by(|a, b| {
            (score(b), b.occurrences, a.shape, &a.text).cmp(&(score(a), a.occurrences, b.shape, &b.text))
        });
        ranked.truncate(limit);
        ranked
    }
}

/// Candidates counted so far (see [`Suggester::tally`]).
#[derive(Debug, Clone, Default)]
pub struct Tally(TallyMap);

impl Tally {
    /// This tally followed by `later`, the tally of the passages after these: the spellings
    /// seen first win.
    pub fn then(self, later: Tally) -> Tally {
        Tally(merge(self.0, later.0))
    }
}

/// Per lower-cased candidate: what is known of it and how often it was counted.
type TallyMap = HashMap<String, Word>;

/// A lower-cased candidate seen in the passages tallied.
#[derive(Debug, Clone)]
struct Word {
    /// A catalog name, or one with a version after it (`docker1.9`): never counted.
    known: bool,
    /// A dictionary word: not counted when it is written as one (all lower-case, or all
    /// capitals).
    english: bool,
    /// The first spelling counted (empty while none is).
    text: String,
    /// The shape of that spelling.
    shape: Shape,
    /// The talks it was counted in, ascending, each once. Passages arrive in talk order, so a
    /// talk is new exactly when it is not the last.
    talks: Vec<u32>,
    /// How many times it was counted.
    occurrences: usize,
}

fn tally_passage(
    tally: &mut TallyMap,
    talk: u32,
    text: &str,
    known: &HashSet<String>,
    english: &HashSet<&str>,
) {
    // One buffer for the lower-cased key: most words were seen before and need no String of
    // their own.
    let mut key = String::new();
    each_candidate(text, |word, shape| {
        let (stem, shape) = singular(word, shape);
        key.clear();
        // Candidates are ASCII words or Chinese terms, which have no case.
        key.push_str(stem);
        key.make_ascii_lowercase();
        // Words repeat: what the word lists say of one is looked up the first time only, and
        // kept with its count, so most candidates cost one look-up.
        let entry = match tally.get_mut(key.as_str()) {
            Some(entry) => entry,
            None => tally.entry(key.clone()).or_insert_with(|| {
                // `Docker1.9`, `jdk8`: a known name with its version.
                let unversioned = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
                Word {
                    known: known.contains(key.as_str())
                        || (unversioned.len() < key.len() && known.contains(unversioned)),
                    english: english.contains(key.as_str()),
                    text: String::new(),
                    shape,
                    talks: Vec::new(),
                    occurrences: 0,
                }
            }),
        };
        // A dictionary word is ordinary language however it is cased (overlay, Gateway,
        // STATUS); CamelCase made only of such words is a field name more often than not.
        let ordinary = entry.english && matches!(shape, Shape::Latin | Shape::Acronym);
        if entry.known || ordinary {
            return;
        }
        if entry.occurrences == 0 {
            entry.text = word.to_owned();
            entry.shape =
                if shape == Shape::CamelCase && all_common(word, english) { Shape::Compound } else { shape };
        }
        if entry.talks.last() != Some(&talk) {
            entry.talks.push(talk);
        }
        entry.occurrences += 1;
    });
}

/// `right` added into `left`, which holds the earlier passages: its spellings win.
fn merge(mut left: TallyMap, right: TallyMap) -> TallyMap {
    for (key, word) in right {
        // Words never counted only saved look-ups while tallying.
        if word.occurrences == 0 {
            continue;
        }
        let entry = left.entry(key).or_insert_with(|| Word {
            known: word.known,
            english: word.english,
            text: String::new(),
            shape: word.shape,
            talks: Vec::new(),
            occurrences: 0,
        });
        if entry.occurrences == 0 {
            entry.text = word.text;
            entry.shape = word.shape;
        }
        // Rayon merges neighbouring runs of passages, so the right side's talks follow the left's;
        // the sort only runs if that ever stops holding.
        let in_order = entry.talks.last() <= word.talks.first();
        entry.talks.extend(word.talks);
        if !in_order {
            entry.talks.sort_unstable();
        }
        entry.talks.dedup();
        entry.occurrences += word.occurrences;
    }
    left
}

/// Searchers for the marks around Chinese terms, built once. (`str::find` of a CJK mark looks
/// for its last byte, which most CJK characters share.)
static QUOTE_FINDERS: std::sync::LazyLock<[(Finder<'static>, Finder<'static>); 3]> =
    std::sync::LazyLock::new(|| {
        [("“", "”"), ("《", "》"), ("「", "」")].map(|(open, close)| (Finder::new(open), Finder::new(close)))
    });

/// Candidate names in `text`, with their shapes.
pub fn candidates(text: &str) -> Vec<(&str, Shape)> {
    let mut out = Vec::new();
    each_candidate(text, |word, shape| out.push((word, shape)));
    out
}

/// Hands each of [`candidates`] to `on`, in the same order, without collecting them: the
/// report asks this of every passage of the corpus.
fn each_candidate<'t>(text: &'t str, mut on: impl FnMut(&'t str, Shape)) {
    let bytes = text.as_bytes();
    let token_end = |from: usize| {
        from + bytes.get(from..).unwrap_or_default().iter().take_while(|&&b| is_token_byte(b)).count()
    };
    let mut i = 0;
    // Most of a Chinese text is not Latin: jump from letter to letter.
    while let Some(skip) = bytes.get(i..).and_then(first_letter) {
        i += skip;
        // A letter inside a token (`3ks`, `a.b`) starts no word; nor does the rest of that token.
        if i.checked_sub(1).and_then(|k| bytes.get(k)).is_some_and(|&b| is_token_byte(b)) {
            i = token_end(i);
            continue;
        }
        let (start, j) = (i, token_end(i));
        let word = text.get(start..j).unwrap_or_default().trim_end_matches(['.', '-', '_', '+']);
        i = j;
        if word.len() < 3 || word.len() > 40 {
            continue;
        }
        // `Docker+Kubernetes` is two names, each found on its own elsewhere.
        let joined = word.bytes().any(|b| b == b'+');
        let in_path = (start > 0 && bytes.get(start - 1) == Some(&b'/')) || bytes.get(j) == Some(&b'/');
        if !joined && !in_path && !is_file_like(word) {
            on(word, latin_shape(word));
        }
    }
    for (open, close) in QUOTE_FINDERS.iter() {
        let mut rest = text;
        while let Some(a) = open.find(rest.as_bytes()) {
            let after = rest.get(a + open.needle().len()..).unwrap_or_default();
            let Some(b) = close.find(after.as_bytes()) else { break };
            let term = after.get(..b).unwrap_or_default();
            let n = term.chars().count();
            if (2..=10).contains(&n) && term.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
                on(term, Shape::ChineseQuoted);
            }
            rest = after.get(b..).unwrap_or_default();
        }
    }
}

/// The offset of the first ASCII letter in `bytes`. Every report asks this across the whole
/// corpus, most of which is Chinese: eight bytes are tested at a time as one `u64`, and the
/// first letter among them is found from the bits, with no loop over bytes.
fn first_letter(bytes: &[u8]) -> Option<usize> {
    let (words, tail) = bytes.as_chunks::<8>();
    for (index, word) in words.iter().enumerate() {
        let letters = letter_bits(u64::from_le_bytes(*word));
        if letters != 0 {
            return Some(index * 8 + (letters.trailing_zeros() / 8) as usize);
        }
    }
    let mut last = [0u8; 8];
    last.get_mut(..tail.len())?.copy_from_slice(tail);
    // Zero bytes fill the rest of the word, and zero is not a letter.
    let letters = letter_bits(u64::from_le_bytes(last));
    (letters != 0).then(|| words.len() * 8 + (letters.trailing_zeros() / 8) as usize)
}

/// The top bit of each byte of `word` set where that byte is an ASCII letter, the other bits
/// clear. Each byte is tested by additions that cannot carry into the next byte: its low
/// seven bits, once `| 0x20` has folded capitals onto small letters, are at least `a` when
/// adding 0x1f sets the top bit, and past `z` when adding 0x05 does; bytes from 0x80 up are
/// not ASCII.
fn letter_bits(word: u64) -> u64 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let low = (word | 0x2020_2020_2020_2020) & LOW;
    let at_least_a = low + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = low + 0x0505_0505_0505_0505;
    at_least_a & !past_z & !word & TOP
}

/// Whether `word` ends like a file or an address (`values.yaml`, `shimo.im`). Every ending is
/// a dot and letters, so only the part from the last dot can be one: one comparison per
/// ending for the few words with a dot, none for the rest.
fn is_file_like(word: &str) -> bool {
    let Some(dot) = word.bytes().rposition(|b| b == b'.') else { return false };
    let tail = word.as_bytes().get(dot..).unwrap_or_default();
    NOT_NAME_ENDINGS.iter().any(|ending| tail.eq_ignore_ascii_case(ending.as_bytes()))
}

/// Which bytes continue a Latin token: a table, as every byte of every Latin word is asked.
#[allow(clippy::indexing_slicing)] // `b` runs below the table's length; `get_mut` is not const
static TOKEN_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'+' | b'-');
        b += 1;
    }
    table
};

fn is_token_byte(b: u8) -> bool {
    // Never `None`: a byte indexes a table of 256. The check compiles away.
    TOKEN_BYTES.get(usize::from(b)).copied().unwrap_or(false)
}

fn latin_shape(word: &str) -> Shape {
    // Candidates are made of ASCII token bytes only, so bytes are characters here.
    let bytes = word.as_bytes();
    let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    if letters >= 2 && upper == letters {
        Shape::Acronym
    } else if bytes.iter().skip(1).any(u8::is_ascii_uppercase) && bytes.iter().any(u8::is_ascii_lowercase) {
        Shape::CamelCase
    } else if bytes.iter().any(u8::is_ascii_digit) && letters >= 2 {
        Shape::Versioned
    } else {
        Shape::Latin
    }
}

/// `IPs` → `IP`: the plural of an acronym is the acronym.
fn singular(word: &str, shape: Shape) -> (&str, Shape) {
    let stem = word.strip_suffix('s').unwrap_or(word);
    let acronym_plural =
        shape == Shape::CamelCase && stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase());
    if acronym_plural { (stem, Shape::Acronym) } else { (word, shape) }
}

/// Whether every part of a CamelCase word (`Node` `Port`, `liveness` `Probe`) is a common word.
fn all_common(word: &str, common: &HashSet<&str>) -> bool {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for pair in chars.windows(2) {
        let &[(_, a), (i, b)] = pair else { continue };
        if a.is_ascii_lowercase() && b.is_ascii_uppercase() {
            parts.push(word.get(start..i).unwrap_or_default());
            start = i;
        }
    }
    parts.push(word.get(start..).unwrap_or_default());
    parts.iter().all(|p| p.len() >= 2 && common.contains(p.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
#[allow(clippy::string_slice, clippy::indexing_slicing)] // tests slice freely
mod tests {
    use super::*;

    #[test]
    fn merged_tallies_keep_the_first_spelling_counted() {
        let word = |text: &str, shape, talks: &[u32]| Word {
            known: false,
            english: true,
            text: text.to_owned(),
            shape,
            talks: talks.to_vec(),
            occurrences: talks.len(),
        };
        let tally =
            |word: &Word| -> TallyMap { [("gateway".to_owned(), word.clone())].into_iter().collect() };
        // (earlier passages, later passages, merged)
        let cases = [
            (
                word("", Shape::Latin, &[]),
                word("GateWay", Shape::CamelCase, &[3]),
                word("GateWay", Shape::CamelCase, &[3]),
            ),
            (
                word("GateWay", Shape::CamelCase, &[1]),
                word("", Shape::Latin, &[]),
                word("GateWay", Shape::CamelCase, &[1]),
            ),
            (
                word("GateWay", Shape::CamelCase, &[1, 2]),
                word("GATEway", Shape::CamelCase, &[2, 5]),
                word("GateWay", Shape::CamelCase, &[1, 2, 5]),
            ),
        ];
        for (earlier, later, expected) in cases {
            let merged = merge(tally(&earlier), tally(&later));
            let got = &merged["gateway"];
            let occurrences = earlier.occurrences + later.occurrences;
            assert_eq!(
                (&got.text, got.shape, &got.talks, got.occurrences),
                (&expected.text, expected.shape, &expected.talks, occurrences),
                "{earlier:?} then {later:?}"
            );
        }
    }

    #[test]
    fn file_like_words_end_in_a_listed_ending() {
        let old_rule = |word: &str| {
            NOT_NAME_ENDINGS
                .iter()
                .any(|e| word.len() >= e.len() && word[word.len() - e.len()..].eq_ignore_ascii_case(e))
        };
        #[rustfmt::skip]
        let cases: &[(&str, bool)] = &[
            ("values.yaml", true), ("VALUES.YAML", true), ("shimo.im", true), ("a.b.com", true),
            ("node.js", true), ("vue.js.org", true), ("Docker", false), ("k8s.io.x", false),
            ("asp.net", true), ("net", false), (".md", true), ("x.mdx", false), ("log4j.conf", true),
        ];
        for &(word, want) in cases {
            assert_eq!((is_file_like(word), old_rule(word)), (want, want), "{word}");
        }
    }

    #[test]
    fn letter_bits_mark_exactly_the_ascii_letters_in_every_lane() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                // The other lanes hold bytes next to the letters' bounds, to catch a carry.
                for filler in [0x00, 0x40, 0x5b, 0x60, 0x7b, 0x7f, 0x80, 0xc1, 0xfa, 0xff] {
                    let mut bytes = [filler; 8];
                    bytes[lane] = byte;
                    let got = letter_bits(u64::from_le_bytes(bytes));
                    let expected = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| b.is_ascii_alphabetic())
                        .fold(0u64, |bits, (i, _)| bits | 0x80 << (8 * i));
                    assert_eq!(got, expected, "{byte:#x} in lane {lane} among {filler:#x}");
                }
            }
        }
    }

    #[test]
    fn first_letter_finds_any_byte_at_any_offset() {
        for byte in 0..=255u8 {
            for at in 0..20 {
                for len in [at + 1, at + 3, 20] {
                    let mut bytes = vec![0xe4; len];
                    bytes[at] = byte;
                    assert_eq!(
                        first_letter(&bytes),
                        bytes.iter().position(u8::is_ascii_alphabetic),
                        "{byte:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn first_letter_agrees_with_a_byte_by_byte_search() {
        let long_chinese = "没有拉丁字母的中文".repeat(9);
        let texts = [
            String::new(),
            "k".to_owned(),
            "用k8s部署".to_owned(),
            format!("{long_chinese}Z"),
            format!("{long_chinese}@[`{{"),
            format!("{long_chinese}{long_chinese}中 Docker"),
            "0123456789!@#$%^&*()_+-=[]{}|;:,.<>?/~`\"x".to_owned(),
            (0u8..=255).map(char::from).collect(),
        ];
        for text in &texts {
            let bytes = text.as_bytes();
            for from in 0..bytes.len() {
                let rest = &bytes[from..];
                assert_eq!(
                    first_letter(rest),
                    rest.iter().position(u8::is_ascii_alphabetic),
                    "{text:?} from {from}"
                );
            }
        }
    }
}
