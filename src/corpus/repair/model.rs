//! The language model that lossy repair scores its guesses with: word frequencies for Simplified
//! and Traditional Chinese (and common punctuation), held in a character trie.
//!
//! The word list, `assets/repair/words.txt`, is generated from public data by
//! `examples/build_repair_model.rs` (jieba's dictionary, MIT; OpenCC's tables, Apache-2.0); see
//! `assets/repair/README.md`. It is compiled into the binary and parsed on first use (about a
//! tenth of a second), which happens on whatever thread first repairs a damaged file — the loader
//! runs off the UI thread, so the UI never waits for it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The word list: one `word frequency` per line.
const WORDS: &str = include_str!("../../../assets/repair/words.txt");
/// Character counts (`c count`) and adjacent-pair counts (`ab count`) from running text.
const PAIRS: &str = include_str!("../../../assets/repair/pairs.txt");

/// Penalty (natural log) for reading a character on its own when it is not a word by itself.
const NOT_A_WORD: f32 = -3.0;
/// Score of a character the model has never seen, alone.
const UNKNOWN_CHAR: f32 = -24.0;

/// What detection needs of the model: each character's score on its own. Parsed from the same
/// word list without building the word trie, so a clean corpus whose detection meets a
/// suspicious line never pays for the full model (35 MB and most of its load time).
pub(super) static CHARS: LazyLock<CharScores> = LazyLock::new(|| CharScores::from_words(WORDS));

/// The model, parsed from [`WORDS`] on first use.
pub(super) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let mut model = Model::parse(WORDS);
    model.parse_pairs(PAIRS);
    model
});

/// A node of the trie, by index; the root is 0.
pub(super) type Node = u32;

/// What the trie knows of a node without asking its map of children: read together, since a
/// word found is looked up right after and its children asked for next.
#[derive(Clone, Copy)]
struct NodeInfo {
    /// Log-probability of the word that ends here; `NEG_INFINITY` for a mere prefix.
    word: f32,
    /// The [`child_hint`]s of its children's chars, or-ed: a char whose hint is missing has no
    /// child here. A damaged position has up to a dozen candidates to try after each prefix,
    /// and most continue no word; each look-up in the map of children, tens of megabytes, was
    /// a cache miss.
    children: u32,
}

impl NodeInfo {
    const PREFIX: Self = Self { word: f32::NEG_INFINITY, children: 0 };
}

/// One of 32 bits for `c`, from the top bits of a multiplicative hash.
fn child_hint(c: char) -> u32 {
    1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 27)
}

/// Word log-probabilities in a trie over chars, and running-text counts of chars and pairs.
pub(super) struct Model {
    /// (parent node, char) packed into one key → child node, below the root.
    children: HashMap<u64, Node, BuildHasherDefault<PackedKeyHasher>>,
    /// The root's children, by code point (0 for none; the root is no one's child): every
    /// position of every window asks the root once per candidate, and a table of the Basic
    /// Multilingual Plane answers from cache where the map, tens of megabytes, missed it.
    root: Vec<Node>,
    /// Per node: the log-probability of the word that ends there, and which children it has.
    nodes: Vec<NodeInfo>,
    /// `P(b | a) / P(b)` in running text of each kept pair `a` then `b` whose chars are counted,
    /// keyed by [`pack_pair`]: computed once, so that a pair asked about costs one look-up, not
    /// three (the pairs asked about are mostly common, and each look-up missed the cache).
    pair_ratios: HashMap<u64, f64, BuildHasherDefault<PackedKeyHasher>>,
}

impl Model {
    /// Parses the word list; malformed lines are skipped.
    fn parse(words: &str) -> Self {
        let (entries, total) = word_entries(words);
        let mut model = Self {
            children: HashMap::with_capacity_and_hasher(entries.len() * 2, BuildHasherDefault::default()),
            root: vec![0; TABLE_CHARS],
            nodes: vec![NodeInfo::PREFIX],
            pair_ratios: HashMap::default(),
        };
        for (word, freq) in &entries {
            let mut node = 0;
            for c in word.chars() {
                node = model.child_or_insert(node, c);
            }
            if let Some(info) = model.nodes.get_mut(node as usize) {
                info.word = (freq / total).ln() as f32;
            }
        }
        model
    }

    /// Reads character and pair counts (the last count of a line repeated wins) into the pairs'
    /// ratios; malformed lines are skipped.
    fn parse_pairs(&mut self, pairs: &str) {
        let mut char_count: HashMap<char, f64, BuildHasherDefault<PackedKeyHasher>> = HashMap::default();
        let mut pair_count: Vec<(char, char, f64)> = Vec::new();
        let mut char_total = 1.0;
        for line in pairs.lines() {
            let Some((key, count)) = line.rsplit_once(' ') else { continue };
            let Ok(count) = count.parse::<f64>() else { continue };
            let mut chars = key.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(a), None, _) => {
                    char_count.insert(a, count);
                    char_total += count;
                }
                (Some(a), Some(b), None) => pair_count.push((a, b, count)),
                _ => {}
            }
        }
        // A pair whose chars are not counted has no ratio (it reads as unseen).
        for (a, b, together) in pair_count {
            if let (Some(&count_a), Some(&count_b)) = (char_count.get(&a), char_count.get(&b)) {
                self.pair_ratios.insert(pack_pair(a, b), (together / count_a) / (count_b / char_total));
            }
        }
    }

    /// How much likelier `b` is after `a` than anywhere in the running text: `P(b | a) / P(b)`,
    /// 0 for an unseen pair or char.
    pub(super) fn pair_ratio(&self, a: char, b: char) -> f64 {
        self.pair_ratios.get(&pack_pair(a, b)).copied().unwrap_or(0.0)
    }

    fn child_or_insert(&mut self, node: Node, c: char) -> Node {
        let next = self.nodes.len() as Node;
        let child = match self.root.get_mut(c as usize).filter(|_| node == 0) {
            Some(slot) => {
                if *slot == 0 {
                    *slot = next;
                }
                *slot
            }
            None => {
                if let Some(info) = self.nodes.get_mut(node as usize) {
                    info.children |= child_hint(c);
                }
                *self.children.entry(pack(node, c)).or_insert(next)
            }
        };
        if child == next {
            self.nodes.push(NodeInfo::PREFIX);
        }
        child
    }

    /// The node reached from `node` by `c`, if any word continues that way.
    pub(super) fn child(&self, node: Node, c: char) -> Option<Node> {
        match self.root.get(c as usize).filter(|_| node == 0) {
            Some(&child) => (child != 0).then_some(child),
            // Most chars asked about continue no word: the hint says so without the map.
            None if self.nodes.get(node as usize).is_some_and(|info| info.children & child_hint(c) == 0) => {
                None
            }
            None => self.children.get(&pack(node, c)).copied(),
        }
    }

    /// Log-probability of the word ending at `node` (`NEG_INFINITY` when none does).
    pub(super) fn word(&self, node: Node) -> f32 {
        self.nodes.get(node as usize).map_or(f32::NEG_INFINITY, |info| info.word)
    }

    /// Score of `c` read on its own (from [`CHARS`], which the model shares with detection).
    pub(super) fn char(&self, c: char) -> f32 {
        CHARS.score(c)
    }

    /// Whether the model knows `c` at all.
    pub(super) fn knows(&self, c: char) -> bool {
        CHARS.knows(c)
    }
}

/// The word list's entries (`word frequency`, malformed lines skipped) and their total.
fn word_entries(words: &str) -> (Vec<(&str, f64)>, f64) {
    let entries: Vec<(&str, f64)> =
        words.lines().filter_map(word_entry).map(|(w, f)| (w, f as f64)).collect();
    let total = entries.iter().map(|(_, f)| f).sum::<f64>().max(1.0);
    (entries, total)
}

/// One line of the word list: a word and its frequency, a whole number above zero.
fn word_entry(line: &str) -> Option<(&str, u64)> {
    let (word, freq) = line.rsplit_once(' ')?;
    let freq: u64 = freq.parse().ok()?;
    (freq > 0 && !word.is_empty()).then_some((word, freq))
}

/// Each known character's score read on its own: as a word by itself, or as part of words
/// with a penalty, whichever is higher.
pub(super) struct CharScores(HashMap<char, f32, BuildHasherDefault<PackedKeyHasher>>);

impl CharScores {
    /// The scores of the characters of a word list (`word frequency` a line; malformed lines
    /// are skipped). Detection pays for this on the first suspicious line of a run, so it is
    /// one pass that adds whole numbers into tables by code point — exact in any order, and
    /// several times faster than hashing every character of 600,000 words.
    fn from_words(words: &str) -> Self {
        // Per character: total frequency of the words holding it, and its frequency as a word
        // by itself (0 when it is none; a word listed twice keeps its last frequency).
        let mut in_words = vec![0u64; TABLE_CHARS];
        let mut alone = vec![0u64; TABLE_CHARS];
        let mut beyond: HashMap<char, (u64, u64), BuildHasherDefault<PackedKeyHasher>> = HashMap::default();
        let mut total = 0u64;
        for (word, freq) in words.lines().filter_map(word_entry) {
            total += freq;
            let mut chars = word.chars();
            let single = match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            };
            for c in word.chars() {
                match in_words.get_mut(c as usize) {
                    Some(sum) => *sum += freq,
                    None => beyond.entry(c).or_default().0 += freq,
                }
            }
            if let Some(c) = single {
                match alone.get_mut(c as usize) {
                    Some(last) => *last = freq,
                    None => beyond.entry(c).or_default().1 = freq,
                }
            }
        }
        let total = (total as f64).max(1.0);
        let score = |in_words: u64, alone: u64| {
            let as_part = (in_words as f64 / total).ln() as f32 + NOT_A_WORD;
            let by_itself = if alone > 0 { (alone as f64 / total).ln() as f32 } else { f32::NEG_INFINITY };
            by_itself.max(as_part)
        };
        let bmp = in_words.iter().zip(&alone).enumerate().filter(|(_, (sum, _))| **sum > 0);
        let bmp = bmp.filter_map(|(code, (&sum, &last))| {
            Some((char::from_u32(u32::try_from(code).ok()?)?, score(sum, last)))
        });
        let others = beyond.into_iter().map(|(c, (sum, last))| (c, score(sum, last)));
        Self(bmp.chain(others).collect())
    }

    /// Score of `c` read on its own.
    pub(super) fn score(&self, c: char) -> f32 {
        self.0.get(&c).copied().unwrap_or(UNKNOWN_CHAR)
    }

    /// Whether any word of the list holds `c`.
    pub(super) fn knows(&self, c: char) -> bool {
        self.0.contains_key(&c)
    }
}

/// One key for the pair `a` then `b`.
pub(super) fn pack_pair(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

fn pack(node: Node, c: char) -> u64 {
    (u64::from(node) << 21) | u64::from(c)
}

/// A fast hasher for keys that are already well spread integers (packed trie edges, chars):
/// one multiplication instead of SipHash, which matters at millions of look-ups per file.
#[derive(Default)]
pub(super) struct PackedKeyHasher(u64);

impl Hasher for PackedKeyHasher {
    fn finish(&self) -> u64 {
        // The table indexes by the low bits, which a multiplication leaves poorly mixed.
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

/// Weight of the built-in model's `P(b | a)` against `P(b)` in the interpolated pair probability.
/// The pair counts are sparse (and pruned), so an unseen pair must cost the same whatever `a` is.
const PAIR_LAMBDA: f64 = 0.5;
/// Weight of the document's own `P(b | a)`, when a document model is at hand.
const DOC_LAMBDA: f64 = 0.3;
/// Discount taken off every pair count of the document: a pair seen once, maybe only because
/// the first pass guessed it, must not weigh much.
const DOC_DISCOUNT: f64 = 0.5;

/// Chars below this code point are counted in a table, the rest (rare) in a map.
const TABLE_CHARS: usize = 0x1_0000;

/// Character and pair counts of the document being repaired (after a first pass): a cache model
/// that adapts the pair scores to the document's own vocabulary.
#[derive(Clone)]
#[cfg_attr(test, derive(PartialEq))]
pub(super) struct DocModel {
    /// Count of each char of the Basic Multilingual Plane, by code point: counting is a pass over
    /// the whole document, and a table is several times faster than hashing every char.
    table: Vec<u32>,
    others: HashMap<char, u32, BuildHasherDefault<PackedKeyHasher>>,
    pairs: HashMap<u64, u32, BuildHasherDefault<PackedKeyHasher>>,
    total: f64,
}

impl DocModel {
    /// A model of no text yet: texts are added with [`Self::add`], and models of parts of a
    /// document merged with [`Self::merge`], so that a document can be counted in parallel.
    pub(super) fn empty() -> Self {
        Self {
            table: vec![0; TABLE_CHARS],
            others: HashMap::default(),
            pairs: HashMap::default(),
            total: 0.0,
        }
    }

    /// Counts the characters of `text`, and their adjacent pairs that hold a character outside
    /// ASCII which could have lost bytes (the only pairs a decision asks about).
    pub(super) fn add(&mut self, text: &str) {
        self.add_run(text.chars().map(Some));
    }

    /// Counts a run of text as [`Self::add`] does, where `None` stands for a character not
    /// known (not counted, nor any pair with it): a damaged line's intact characters.
    pub(super) fn add_run(&mut self, run: impl Iterator<Item = Option<char>>) {
        let mut previous: Option<(char, bool)> = None;
        let mut total: u64 = 0;
        for here in run {
            let Some(c) = here else {
                previous = None;
                continue;
            };
            match self.table.get_mut(c as usize) {
                Some(count) => *count += 1,
                None => *self.others.entry(c).or_default() += 1,
            }
            total += 1;
            // Each char's test is made once, for the pairs on both of its sides.
            let lossy = loses_bytes(c);
            if let Some((p, p_lossy)) = previous
                && (p_lossy || lossy)
            {
                *self.pairs.entry(pack_pair(p, c)).or_default() += 1;
            }
            previous = Some((c, lossy));
        }
        // Whole counts: exact in an f64 far beyond any document's length.
        self.total += total as f64;
    }

    /// Counts one char of text that [`Self::add`] is not given whole (see
    /// [`Self::add_pair`]).
    pub(super) fn add_char(&mut self, c: char) {
        match self.table.get_mut(c as usize) {
            Some(count) => *count += 1,
            None => *self.others.entry(c).or_default() += 1,
        }
        self.total += 1.0;
    }

    /// Counts the pair `a` then `b` of text counted char by char, as [`Self::add`] would.
    pub(super) fn add_pair(&mut self, a: char, b: char) {
        if loses_bytes(a) || loses_bytes(b) {
            *self.pairs.entry(pack_pair(a, b)).or_default() += 1;
        }
    }

    /// The counts of `self`'s texts and `other`'s together.
    pub(super) fn merge(mut self, other: Self) -> Self {
        self.table.iter_mut().zip(&other.table).for_each(|(count, more)| *count += more);
        for (c, more) in other.others {
            *self.others.entry(c).or_default() += more;
        }
        for (pair, more) in other.pairs {
            *self.pairs.entry(pair).or_default() += more;
        }
        self.total += other.total;
        self
    }

    /// How often `c` occurs in the document.
    fn char_count(&self, c: char) -> u32 {
        match self.table.get(c as usize) {
            Some(&count) => count,
            None => self.others.get(&c).copied().unwrap_or(0),
        }
    }

    /// `P(b | a) / P(b)` in the document, with discounted pair counts; 0 when unseen.
    fn pair_ratio(&self, a: char, b: char) -> f64 {
        let Some(&together) = self.pairs.get(&pack_pair(a, b)) else { return 0.0 };
        let (count_a, count_b) = (self.char_count(a), self.char_count(b));
        if count_a == 0 || count_b == 0 {
            return 0.0;
        }
        ((f64::from(together) - DOC_DISCOUNT) / f64::from(count_a)) / (f64::from(count_b) / self.total)
    }
}

/// The pair score of `a` then `b`: `ln` of the interpolated `P(b | a) / P(b)`, from the built-in
/// model and, when given, the document's.
#[cfg(test)]
pub(super) fn pair_score(model: &Model, doc: Option<&DocModel>, a: char, b: char) -> f32 {
    mixed_score(global_part(model, a, b), doc, a, b)
}

/// The built-in model's part of the pair score of `a` then `b` (see [`mixed_score`]), which no
/// document model changes.
pub(super) fn global_part(model: &Model, a: char, b: char) -> f64 {
    PAIR_LAMBDA * model.pair_ratio(a, b)
}

/// The pair score of `a` then `b`, `ln` of the interpolated `P(b | a) / P(b)`, from the built-in
/// model's part `global` (see [`global_part`]) and, when given, the document's.
pub(super) fn mixed_score(global: f64, doc: Option<&DocModel>, a: char, b: char) -> f32 {
    let mixed = match doc {
        Some(doc) => 1.0 - PAIR_LAMBDA - DOC_LAMBDA + global + DOC_LAMBDA * doc.pair_ratio(a, b),
        None => 1.0 - PAIR_LAMBDA + global,
    };
    // Most pairs asked about were never seen, and score one of two constants: `ln` was the
    // dearest step of scoring them.
    let &(unseen, unseen_with_doc) = &*UNSEEN_SCORES;
    if mixed == unseen.0 {
        return unseen.1;
    }
    if mixed == unseen_with_doc.0 {
        return unseen_with_doc.1;
    }
    mixed.ln() as f32
}

/// The interpolated probability of a pair neither model has seen, without and with a document
/// model, and its score.
static UNSEEN_SCORES: LazyLock<((f64, f32), (f64, f32))> = LazyLock::new(|| {
    let score = |p: f64| (p, p.ln() as f32);
    (score(1.0 - PAIR_LAMBDA), score(1.0 - PAIR_LAMBDA - DOC_LAMBDA))
});

/// Whether `c`'s UTF-8 holds a byte that can be lost: every lost byte is a continuation byte,
/// so this asks whether one of `c`'s 6-bit continuation groups is one of theirs (called for
/// every char of a damaged document, so without encoding it).
fn loses_bytes(c: char) -> bool {
    let code = u32::from(c);
    let continuations = match code {
        0..0x80 => 0,
        0x80..0x800 => 1,
        0x800..0x1_0000 => 2,
        _ => 3,
    };
    (0..continuations).any(|i| {
        let group = 0x80 | ((code >> (6 * i)) & 0x3F);
        super::gaps::LOST_BYTES.iter().any(|&lost| u32::from(lost) == group)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Character scores as first defined: every word's frequency as a float, summed in hash
    /// maps.
    fn char_scores_by_maps(words: &str) -> HashMap<char, f32> {
        let (entries, total) = word_entries(words);
        let mut in_words: HashMap<char, f64> = HashMap::new();
        let mut alone: HashMap<char, f32> = HashMap::new();
        for &(word, freq) in &entries {
            for c in word.chars() {
                *in_words.entry(c).or_default() += freq;
            }
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                alone.insert(c, (freq / total).ln() as f32);
            }
        }
        in_words
            .into_iter()
            .map(|(c, freq)| {
                let as_part = (freq / total).ln() as f32 + NOT_A_WORD;
                (c, alone.get(&c).copied().unwrap_or(f32::NEG_INFINITY).max(as_part))
            })
            .collect()
    }

    #[test]
    fn char_scores_from_tables_equal_the_scores_from_maps() {
        // A seventh of the shipped list (debug builds are slow), and a list with what breaks.
        let sample: String = WORDS.lines().step_by(7).flat_map(|l| [l, "\n"]).collect();
        let odd = "中 5\n中 3\n中国 2\n𠀋𠀋 4\n𠀋 1\nbad\nx 0\ny -2\nz 1.5\n 7\n和平 9";
        for words in [sample.as_str(), odd] {
            let expected = char_scores_by_maps(words);
            let CharScores(got) = CharScores::from_words(words);
            assert_eq!(got.len(), expected.len());
            for (c, score) in &expected {
                assert_eq!(got.get(c).map(|s| s.to_bits()), Some(score.to_bits()), "{c:?}");
            }
        }
    }

    /// Unseen pairs skip `ln` and some look-ups: every pair must still score as the formula says.
    #[test]
    fn pair_scores_are_the_interpolated_ratios_whether_seen_or_not() {
        let model = &*MODEL;
        let mut doc = DocModel::empty();
        doc.add("数据中心的网络不一致，数据中心");
        let by_formula = |doc: Option<&DocModel>, a: char, b: char| -> f32 {
            let global = PAIR_LAMBDA * model.pair_ratio(a, b);
            let mixed = match doc {
                Some(doc) => 1.0 - PAIR_LAMBDA - DOC_LAMBDA + global + DOC_LAMBDA * doc.pair_ratio(a, b),
                None => 1.0 - PAIR_LAMBDA + global,
            };
            mixed.ln() as f32
        };
        // Seen by both, by the built-in model only, by the document only, by neither.
        let pairs =
            [('数', '据'), ('网', '络'), ('心', '的'), ('𠀋', '𠀋'), ('据', '中'), ('\u{E000}', '中')];
        for (a, b) in pairs {
            for doc in [None, Some(&doc)] {
                let (got, want) = (pair_score(model, doc, a, b), by_formula(doc, a, b));
                assert_eq!(got.to_bits(), want.to_bits(), "{a}{b}");
            }
        }
        assert!(model.pair_ratio('数', '据') > 0.0 && model.pair_ratio('𠀋', '𠀋') == 0.0);
    }

    /// The root's children moved from the map into a table by code point; words starting
    /// beyond the table, and a first char that is also a later one, must still be found.
    #[test]
    fn every_prefix_of_every_word_is_in_the_trie_and_nothing_else() {
        let words =
            [("中", 10), ("中国", 40), ("国中", 5), ("𠀀字", 3), ("字𠀀", 2), ("ab", 1), ("中国人", 7)];
        let list: String = words.iter().map(|(w, f)| format!("{w} {f}\n")).collect();
        let model = Model::parse(&list);
        let walk = |text: &str| text.chars().try_fold(0, |node, c| model.child(node, c));
        for (word, _) in words {
            let chars: Vec<char> = word.chars().collect();
            for end in 1..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                let node = walk(&prefix).unwrap_or_else(|| panic!("{prefix} not in the trie"));
                let is_word = words.iter().any(|(w, _)| *w == prefix);
                assert_eq!(model.word(node).is_finite(), is_word, "{prefix}");
            }
        }
        for absent in ["b", "中人", "国中国", "字字", "\u{0}", "人", "𠀁"] {
            assert!(walk(absent).is_none(), "{absent}");
        }
    }

    /// The ratios are computed once from the counts, as they were at each look-up before.
    #[test]
    fn pair_ratios_are_computed_from_the_last_counts_of_the_chars_and_pairs() {
        let pairs = "数 30\n据 20\n数据 6\n中 50\n据中 1\n据中 4\n数 40\n数外 3\n bad\n据据 x\n";
        let mut model = Model::parse("");
        model.parse_pairs(pairs);
        // Every char line counts towards the total (1 to start, as no count is zero).
        let total = 1.0 + 30.0 + 20.0 + 50.0 + 40.0;
        let ratio = |together: f64, a: f64, b: f64| (together / a) / (b / total);
        #[rustfmt::skip]
        let cases = [
            (('数', '据'), ratio(6.0, 40.0, 20.0)),
            (('据', '中'), ratio(4.0, 20.0, 50.0)),
            (('数', '外'), 0.0), // 外 has no count
            (('据', '数'), 0.0), // never seen
            (('据', '据'), 0.0), // malformed
        ];
        for ((a, b), want) in cases {
            assert_eq!(model.pair_ratio(a, b).to_bits(), want.to_bits(), "{a}{b}");
        }
    }

    #[test]
    fn loses_bytes_agrees_with_the_utf8_encoding() {
        for c in ('\0'..=char::MAX).step_by(7) {
            let mut buffer = [0u8; 4];
            let encoded =
                c.encode_utf8(&mut buffer).bytes().any(|b| super::super::gaps::LOST_BYTES.contains(&b));
            assert_eq!(loses_bytes(c), encoded, "{c:?}");
        }
        assert!(loses_bytes('中') && loses_bytes('不') && !loses_bytes('的') && !loses_bytes('a'));
    }

    /// Lines are counted in parallel and the counts merged: the merge must count as one pass.
    #[test]
    fn merged_counts_of_parts_are_the_counts_of_the_whole() {
        let lines = ["数据中心的网络", "不一致，数据中心", "𠀀字 and ASCII", ""];
        let mut whole = DocModel::empty();
        lines.iter().for_each(|line| whole.add(line));
        let (mut left, mut right) = (DocModel::empty(), DocModel::empty());
        lines[..2].iter().for_each(|line| left.add(line));
        lines[2..].iter().for_each(|line| right.add(line));
        let merged = left.merge(right);
        assert_eq!(merged.total, whole.total);
        for (a, b) in [('数', '据'), ('中', '心'), ('网', '络'), ('不', '一'), ('𠀀', '字'), ('络', '不')]
        {
            assert_eq!(merged.pair_ratio(a, b), whole.pair_ratio(a, b), "{a}{b}");
            assert_eq!(merged.char_count(a), whole.char_count(a), "{a}");
        }
        // Lines are counted apart: no pair spans two of them.
        assert_eq!(merged.pair_ratio('络', '不'), 0.0);
    }

    #[test]
    fn a_char_scores_as_a_word_or_as_part_of_words_whichever_is_higher() {
        // Total 100: 中 is a word (10) and part of 中国 (40); 国 is only part of words.
        let scores = CharScores::from_words("中 10\n中国 40\n国家 40\n家 2\n家 8");
        #[rustfmt::skip]
        let cases: &[(char, f32)] = &[
            ('中', 0.1f32.ln()),                       // alone 0.1 beats (0.5 · e⁻³)
            ('国', 0.8f32.ln() + NOT_A_WORD),          // in 中国 and 国家
            ('家', 0.08f32.ln()),                      // listed twice: the last frequency counts
            ('x', UNKNOWN_CHAR),
        ];
        for &(c, want) in cases {
            assert!((scores.score(c) - want).abs() < 1e-4, "{c}: {} against {want}", scores.score(c));
        }
        assert!(scores.knows('国') && !scores.knows('x'));
    }
}
