//! Which script, Simplified or Traditional Chinese, the text around a damaged character is
//! written in, so that a repair keeps to it.
//!
//! Many damaged characters have a reading in each script that forms an equally good word:
//! `地址` (address) and `地區` (the Traditional spelling of region) share their surviving bytes,
//! and the word list holds both scripts. The intact characters of the same line (or of the lines
//! before it) tell which script the writer used; a reading in the other script is then unlikely.
//! A file may mix talks in both scripts, so the script is followed line by line rather than
//! decided once per file.
//!
//! The character lists, `assets/repair/script.txt`, are generated from OpenCC's tables by
//! `examples/build_repair_model.rs`.

use rayon::prelude::*;
use std::sync::LazyLock;

/// Line `S` lists the characters only Simplified text uses, line `T` those only Traditional uses.
const SCRIPT: &str = include_str!("../../../assets/repair/script.txt");

/// Score (natural log) of a reading written in the other script than its line's.
const OTHER_SCRIPT: f32 = -4.0;
/// A line's own characters decide its script when at least this many are marked…
const MIN_MARKED: u32 = 2;
/// …and this share of them belongs to one script.
const MAJORITY: f64 = 0.8;

/// The script of a line of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(super) enum Script {
    /// No evidence (no Chinese nearby, or both scripts alike): no reading is favoured.
    #[default]
    Unknown,
    Simplified,
    Traditional,
}

/// Chars below this code point find their script in a table, the rest (rare) by binary search.
const TABLE_CHARS: usize = 0x1_0000;

/// The characters that belong to one script only: asked for every guess a decision weighs and
/// every char of a damaged line, so the Basic Multilingual Plane's are in a table by code point
/// (two binary searches were a twentieth of the repair time).
struct Marked {
    table: Vec<Script>,
    /// The others, sorted for binary search.
    beyond: Vec<(char, Script)>,
}

static MARKED: LazyLock<Marked> = LazyLock::new(|| {
    let list = |tag: &str| -> Vec<char> {
        SCRIPT
            .lines()
            .find_map(|line| line.strip_prefix(tag))
            .map(|rest| rest.trim().chars().collect())
            .unwrap_or_default()
    };
    let mut marked = Marked { table: vec![Script::Unknown; TABLE_CHARS], beyond: Vec::new() };
    for (tag, script) in [("S ", Script::Simplified), ("T ", Script::Traditional)] {
        for c in list(tag).into_iter().filter(|c| !c.is_ascii()) {
            // A char listed in both lines keeps the first (Simplified), as the searches did.
            match marked.table.get_mut(c as usize) {
                Some(slot) if *slot == Script::Unknown => *slot = script,
                Some(_) => {}
                None => marked.beyond.push((c, script)),
            }
        }
    }
    // Stable, so that a char listed in both keeps its first script.
    marked.beyond.sort_by_key(|&(c, _)| c);
    marked.beyond.dedup_by_key(|&mut (c, _)| c);
    marked
});

/// The script `c` alone shows, if it is written in one script only.
fn script_of(c: char) -> Script {
    let marked = &*MARKED;
    match marked.table.get(c as usize) {
        Some(&script) => script,
        None => marked
            .beyond
            .binary_search_by_key(&c, |&(other, _)| other)
            .map_or(Script::Unknown, |found| marked.beyond.get(found).map_or(Script::Unknown, |&(_, s)| s)),
    }
}

/// The score of reading `c` in a line written in `script`: 0, or [`OTHER_SCRIPT`] when `c`
/// belongs to the other one.
pub(super) fn score(c: char, script: Script) -> f32 {
    match (script, script_of(c)) {
        (Script::Simplified, Script::Traditional) | (Script::Traditional, Script::Simplified) => OTHER_SCRIPT,
        _ => 0.0,
    }
}

/// The script of each line, from its intact characters: a line that shows too few takes the
/// script of the nearest line before it that shows one (or, at the top, after it).
pub(super) fn of_lines(lines: &[&[u8]]) -> Vec<Script> {
    let own: Vec<Script> = lines.par_iter().map(|bytes| of_line(bytes)).collect();
    let mut scripts = Vec::with_capacity(own.len());
    let mut current = own.iter().copied().find(|&s| s != Script::Unknown).unwrap_or_default();
    for script in own {
        if script != Script::Unknown {
            current = script;
        }
        scripts.push(current);
    }
    scripts
}

/// The script a line's own intact characters show, if they show one clearly.
fn of_line(bytes: &[u8]) -> Script {
    let (mut simplified, mut traditional) = (0u32, 0u32);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars().filter(|c| !c.is_ascii()) {
            match script_of(c) {
                Script::Simplified => simplified += 1,
                Script::Traditional => traditional += 1,
                Script::Unknown => {}
            }
        }
    }
    let marked = simplified + traditional;
    if marked < MIN_MARKED {
        return Script::Unknown;
    }
    let share = f64::from(simplified) / f64::from(marked);
    if share >= MAJORITY {
        Script::Simplified
    } else if share <= 1.0 - MAJORITY {
        Script::Traditional
    } else {
        Script::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_of_one_script_only_are_marked() {
        let cases = [
            ('区', Script::Simplified),
            ('區', Script::Traditional),
            ('发', Script::Simplified),
            ('發', Script::Traditional),
            ('裡', Script::Traditional),
            // Both scripts write these.
            ('中', Script::Unknown),
            ('址', Script::Unknown),
            ('后', Script::Unknown),
            ('著', Script::Unknown),
            ('a', Script::Unknown),
            ('們', Script::Traditional),
            ('後', Script::Traditional),
        ];
        for (c, want) in cases {
            assert_eq!(script_of(c), want, "{c}");
        }
    }

    /// OpenCC's Simplified-to-Traditional table maps `象` to `象 像` (older Simplified wrote `象`
    /// for both), and `像` was taken for Traditional-only: a Simplified line then read `好像` as
    /// `好吃`, 73 times in seed 004. Simplified text writes all of these.
    #[test]
    fn characters_simplified_text_also_writes_are_not_traditional_only() {
        for c in ['像', '覆', '座', '待', '彷', '藉', '瞭'] {
            assert_eq!(script_of(c), Script::Unknown, "{c}");
        }
    }

    /// The lists were searched for every char; the table by code point must answer the same,
    /// within the Basic Multilingual Plane and beyond it.
    #[test]
    fn the_table_answers_as_searching_the_lists_did() {
        let list = |tag: &str| -> Vec<char> {
            let line = SCRIPT.lines().find_map(|line| line.strip_prefix(tag)).unwrap_or_default();
            let mut chars: Vec<char> = line.trim().chars().collect();
            chars.sort_unstable();
            chars
        };
        let (simplified, traditional) = (list("S "), list("T "));
        let searched = |c: char| match () {
            _ if c.is_ascii() => Script::Unknown,
            _ if simplified.binary_search(&c).is_ok() => Script::Simplified,
            _ if traditional.binary_search(&c).is_ok() => Script::Traditional,
            _ => Script::Unknown,
        };
        assert!(simplified.iter().chain(&traditional).any(|&c| c as usize >= TABLE_CHARS));
        let listed = simplified.iter().chain(&traditional).copied();
        let others = ('\0'..=char::MAX).step_by(101);
        for c in listed.chain(others) {
            assert_eq!(script_of(c), searched(c), "{c:?}");
        }
    }

    #[test]
    fn a_reading_in_the_other_script_scores_lower() {
        assert!(score('區', Script::Simplified) < 0.0);
        assert!(score('区', Script::Traditional) < 0.0);
        assert_eq!(score('區', Script::Traditional), 0.0);
        assert_eq!(score('區', Script::Unknown), 0.0);
        assert_eq!(score('址', Script::Simplified), 0.0);
    }

    #[test]
    fn lines_follow_the_script_of_the_text_around_them() {
        let lines: [&[u8]; 6] = [
            "no Chinese here".as_bytes(),
            "这个集群的网络插件".as_bytes(),
            "Calico 和 Flannel".as_bytes(),
            "這個叢集的網路外掛".as_bytes(),
            b"\xe5\x9c\xb0\xe5 only damaged bytes",
            "这个 這個".as_bytes(),
        ];
        let want = [
            Script::Simplified, // before any evidence: the first script shown
            Script::Simplified,
            Script::Simplified, // too few marked characters: the line before's
            Script::Traditional,
            Script::Traditional,
            Script::Traditional, // both alike: the line before's
        ];
        assert_eq!(of_lines(&lines), want);
        assert_eq!(of_lines(&["plain".as_bytes()]), [Script::Unknown]);
        assert!(of_lines(&[]).is_empty());
    }
}
