//! UTF-8 read as a two-byte East Asian code page: GBK/GB18030, Big5 or Shift_JIS.
//!
//! Such mojibake reads as rare ideographs, half-width katakana and stray symbols (`鎴戜滑` for
//! `我们` read as GBK). When the wrong decoder met no invalid sequence, encoding the text back with
//! that code page gives the original UTF-8 bytes exactly, so the reversal is lossless.
//!
//! Detection is conservative. A line is a candidate only when its encoding with the code page
//! is possible (no unmappable character) and yields valid UTF-8 different from the line; and the
//! reversal is kept only when the result is far likelier text, by the repair model's character
//! frequencies, than the line as it stands — per line, and for the file as a whole. Clean text
//! almost never passes the first test (text encoded in GBK, Big5 or Shift_JIS is rarely valid
//! UTF-8 by accident), and never passes the second.

use super::Family;
use super::model::CHARS;
use encoding_rs::{BIG5, Encoding, GB18030, SHIFT_JIS};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Big5 backwards: the two bytes that Big5's decoder reads as each character. encoding_rs's
/// encoder leaves out the Hong Kong extensions (lead bytes below 0xA1) that its decoder reads,
/// and UTF-8's continuation bytes land there all the time. Where several pairs read the same,
/// the first (lowest) is kept.
static BIG5_BYTES: LazyLock<HashMap<char, [u8; 2]>> = LazyLock::new(|| {
    let mut table = HashMap::new();
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0x7Eu8).chain(0xA1..=0xFE) {
            let pair = [lead, trail];
            let (text, had_errors) = BIG5.decode_without_bom_handling(&pair);
            let mut chars = text.chars();
            if let (false, Some(c), None) = (had_errors, chars.next(), chars.next()) {
                table.entry(c).or_insert([lead, trail]);
            }
        }
    }
    table
});

/// `line` encoded with `encoding`, or `None` when a character has no bytes there.
fn encode(line: &str, encoding: &'static Encoding) -> Option<Vec<u8>> {
    if encoding != BIG5 {
        let (bytes, _, unmappable) = encoding.encode(line);
        return (!unmappable).then(|| bytes.into_owned());
    }
    let mut bytes = Vec::with_capacity(line.len());
    for c in line.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(ascii) if ascii.is_ascii() => bytes.push(ascii),
            _ => bytes.extend_from_slice(BIG5_BYTES.get(&c)?),
        }
    }
    Some(bytes)
}

/// The families tried, each with the code page that was wrongly used to read UTF-8. GB18030 is
/// a superset of GBK, so it reverses both.
const FAMILIES: [(Family, &Encoding); 3] =
    [(Family::Utf8AsGbk, GB18030), (Family::Utf8AsBig5, BIG5), (Family::Utf8AsShiftJis, SHIFT_JIS)];

/// Score (natural log) of a character outside ASCII that the model does not know but that
/// commonly occurs in clean text: Latin letters with accents, kana, Hangul, general punctuation.
const KNOWN_SCRIPT: f32 = -12.0;
/// Score of any other character outside ASCII: rare symbols, half-width katakana, private use.
const RARE: f32 = -24.0;
/// Least gain in log-likelihood, per reversed character, for a line or a file to be reversed.
const MIN_GAIN_PER_CHAR: f32 = 3.0;
/// Fewest characters outside ASCII that a file's reversals must restore to count as evidence.
const MIN_CHARS: usize = 4;

/// The reversal of one line: its index and the original text.
pub(super) struct Reversal {
    pub family: Family,
    pub lines: Vec<(usize, String)>,
}

/// The best-supported family for `text`, with the lines it reverses; `None` for clean text.
pub(super) fn detect(text: &str, lines: &[&str]) -> Option<Reversal> {
    // Only text with characters outside Latin-1 and ASCII can be such mojibake.
    if text.chars().all(|c| u32::from(c) < 0x100) {
        return None;
    }
    FAMILIES
        .iter()
        .zip(FIRST_CHAR_CAN_START.iter())
        .filter_map(|(&(family, encoding), first_char)| {
            let (mut gain, mut chars, mut reversed) = (0.0, 0, Vec::new());
            let lines = lines.iter().enumerate().filter(|(_, line)| first_char.allows(line));
            for (index, line) in lines {
                if let Some((original, line_gain, line_chars)) = reverse_line(line, encoding) {
                    gain += line_gain;
                    chars += line_chars;
                    reversed.push((index, original));
                }
            }
            (chars >= MIN_CHARS && gain >= MIN_GAIN_PER_CHAR * chars as f32)
                .then_some((gain, family, reversed))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, family, lines)| Reversal { family, lines })
}

/// The original of `line` if it reads as UTF-8 once encoded with `encoding` and is then far
/// likelier text, with the gain and the count of characters outside ASCII it restores.
fn reverse_line(line: &str, encoding: &'static Encoding) -> Option<(String, f32, usize)> {
    if line.is_ascii() || !starts_like_utf8(line, encoding) {
        return None;
    }
    let bytes = encode(line, encoding)?;
    let original = std::str::from_utf8(&bytes).ok()?;
    if original == line {
        return None;
    }
    let chars = original.chars().filter(|c| !c.is_ascii()).count();
    let gain = likelihood(original) - likelihood(line);
    (chars > 0 && gain >= MIN_GAIN_PER_CHAR * chars as f32).then(|| (original.to_string(), gain, chars))
}

/// Per code page, the characters of the Basic Multilingual Plane whose bytes there can begin
/// UTF-8 text: a lead byte, then a continuation byte (theirs or the next character's). The first
/// character outside ASCII of a reversible line is one (ASCII before it encodes to itself), and
/// most lines of clean Chinese text fail here, for the price of a table look-up instead of an
/// encoding. Built once, in the order of [`FAMILIES`].
static FIRST_CHAR_CAN_START: LazyLock<[CharSet; 3]> =
    LazyLock::new(|| FAMILIES.map(|(_, e)| CharSet::can_start(e)));

/// A set of characters of the Basic Multilingual Plane, as bits.
struct CharSet(Vec<u64>);

impl CharSet {
    fn can_start(encoding: &'static Encoding) -> Self {
        let mut bits = vec![0u64; 0x1_0000 / 64];
        let mut buffer = [0u8; 4];
        for c in (0x80..0x1_0000).filter_map(char::from_u32) {
            let can =
                encode(c.encode_utf8(&mut buffer), encoding).is_some_and(|bytes| match bytes.as_slice() {
                    [lead] => (0xC2..=0xF4).contains(lead),
                    [lead, next, ..] => (0xC2..=0xF4).contains(lead) && (0x80..=0xBF).contains(next),
                    [] => false,
                });
            if let Some(word) = bits.get_mut(u32::from(c) as usize / 64) {
                *word |= u64::from(can) << (u32::from(c) % 64);
            }
        }
        Self(bits)
    }

    /// Whether the first character of `line` outside ASCII may begin a reversible line. A line
    /// of ASCII, or whose character lies beyond the table, is let through to the full test.
    fn allows(&self, line: &str) -> bool {
        let first = line.bytes().position(|b| !b.is_ascii());
        let Some(c) = first.and_then(|at| line.get(at..)).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        self.0.get(u32::from(c) as usize / 64).is_none_or(|word| word >> (u32::from(c) % 64) & 1 == 1)
    }
}

/// How many characters [`starts_like_utf8`] encodes.
const PREFIX_CHARS: usize = 12;

/// Whether the first characters of `line`, encoded with `encoding`, can start valid UTF-8. The
/// three code pages are stateless, so those bytes begin the line's bytes: when they cannot, the
/// line cannot be reversed, and clean text is turned away without encoding all of it (which
/// dominated loading time: most lines of a clean Chinese note fail at their first character).
fn starts_like_utf8(line: &str, encoding: &'static Encoding) -> bool {
    let Some((end, _)) = line.char_indices().nth(PREFIX_CHARS) else { return true };
    let Some(head) = line.get(..end).and_then(|head| encode(head, encoding)) else { return false };
    // An error with no length is a sequence cut short at the end of the prefix: still possible.
    std::str::from_utf8(&head).map_or_else(|e| e.error_len().is_none(), |_| true)
}

/// Log-likelihood of the characters of `text` outside ASCII.
fn likelihood(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_ascii()).map(char_score).sum()
}

fn char_score(c: char) -> f32 {
    if CHARS.knows(c) {
        return CHARS.score(c);
    }
    match u32::from(c) {
        0xC0..=0x24F
        | 0x370..=0x52F
        | 0x2010..=0x206F
        | 0x3000..=0x30FF
        | 0xAC00..=0xD7A3
        | 0xFF01..=0xFF5E => KNOWN_SCRIPT,
        _ => RARE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clean lines in each script the code pages meet, short and long.
    const CLEAN: [&str; 6] = [
        "我们在生产环境使用 Kubernetes 和 Calico，网络插件从 Flannel 迁移过来。",
        "我們在生產環境使用 Kubernetes 和 Calico，網路插件從 Flannel 遷移過來。",
        "私たちは本番環境で Kubernetes を使っています。ネットワークは Calico です。",
        "Ünïcödé façade — naïve café, 24×7 support ±5%",
        "用 Docker 部署",
        "ｶﾀｶﾅ and 😀 emoji",
    ];

    /// [`CLEAN`], and each of its lines read with every code page, alone and after ASCII.
    fn clean_and_mojibake() -> Vec<String> {
        let mut lines: Vec<String> = CLEAN.iter().map(|s| (*s).to_owned()).collect();
        for text in CLEAN {
            for (_, encoding) in FAMILIES {
                let mojibake = encoding.decode_without_bom_handling(text.as_bytes()).0.into_owned();
                lines.push(format!("Q: {mojibake}"));
                lines.push(mojibake);
            }
        }
        lines
    }

    /// The cheap prefix test never turns away a line that the full test would keep.
    #[test]
    fn the_prefix_test_only_rejects_lines_that_cannot_be_reversed() {
        for line in &clean_and_mojibake() {
            for (_, encoding) in FAMILIES {
                let full = encode(line, encoding).is_some_and(|b| std::str::from_utf8(&b).is_ok());
                assert!(!full || starts_like_utf8(line, encoding), "{line} with {}", encoding.name());
            }
        }
        let rejected = CLEAN.iter().filter(|line| !starts_like_utf8(line, GB18030)).count();
        assert!(rejected >= 3, "clean text is turned away early");
    }

    /// The first-character table never turns away a line that the full test would keep, and
    /// turns away most clean Chinese lines.
    #[test]
    fn the_first_character_test_only_rejects_lines_that_cannot_be_reversed() {
        let lines = clean_and_mojibake();
        let mut kept = 0;
        for line in &lines {
            for ((_, encoding), table) in FAMILIES.iter().zip(FIRST_CHAR_CAN_START.iter()) {
                let full = encode(line, encoding).is_some_and(|b| std::str::from_utf8(&b).is_ok());
                assert!(!full || table.allows(line), "{line} with {}", encoding.name());
                kept += usize::from(full);
            }
        }
        assert!(kept >= 4, "some of the mojibake lines are reversible ({kept})");
        let gbk = &FIRST_CHAR_CAN_START[0];
        let rejected = CLEAN.iter().take(3).filter(|line| !gbk.allows(line)).count();
        assert!(rejected >= 2, "clean text is turned away at its first character");
    }
}
