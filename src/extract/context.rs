//! The rule engine behind ambiguous aliases: word boundaries for Latin names (CJK characters
//! count as boundaries, so `用k8s部署` mentions Kubernetes), exact case, and the nearby- and
//! talk-level context words that the catalog attaches to an alias.

use crate::catalog::Alias;
use std::ops::Range;

/// Bytes either side of a match searched for `requires_context` words (about 20 CJK characters).
pub const WINDOW: usize = 60;

/// A byte that continues a Latin word: a match may not start or end next to one.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `start..end` in `hay` stands on word boundaries. Only an alias that begins (ends)
/// with a Latin letter or digit needs a boundary at its start (end); anything that is not an
/// ASCII letter, digit or `_` — CJK characters included — is a boundary.
pub fn on_boundaries(hay: &[u8], start: usize, end: usize) -> bool {
    let first_is_word = hay.get(start).is_some_and(|&b| is_word_byte(b));
    let last_is_word = end > start && hay.get(end - 1).is_some_and(|&b| is_word_byte(b));
    let before_ok = !first_is_word || start == 0 || !hay.get(start - 1).is_some_and(|&b| is_word_byte(b));
    let after_ok = !last_is_word || !hay.get(end).is_some_and(|&b| is_word_byte(b));
    before_ok && after_ok
}

/// ASCII-case-insensitive substring test; `needle` is already lower-case.
pub fn contains_ci(hay: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some((&first, rest)) = needle.split_first() else { return true };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else { return false };
    // Every ambiguous alias asks this of the bytes around it: jumping between the first byte's
    // two cases with memchr, instead of comparing at every offset, was most of its cost.
    let starts = hay.get(..=last_start).unwrap_or_default();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), starts).any(|i| {
        hay.get(i + 1..i + needle.len()).is_some_and(|candidate| candidate.eq_ignore_ascii_case(rest))
    })
}

fn starts_with_ci(hay: &[u8], needle: &str) -> bool {
    hay.get(..needle.len()).is_some_and(|h| h.eq_ignore_ascii_case(needle.as_bytes()))
}

fn ends_with_ci(hay: &[u8], needle: &str) -> bool {
    hay.len() >= needle.len()
        && hay.get(hay.len() - needle.len()..).unwrap_or_default().eq_ignore_ascii_case(needle.as_bytes())
}

/// Remembers, per talk, the answers to talk-level context questions (does this talk name
/// Alibaba Cloud? CQRS?), so a word is looked for once per talk, not once per match — nor once
/// per alias that asks: a dozen Alibaba Cloud products ask after the same few words, and each
/// search runs over the whole talk. A word with ASCII letters is searched in a lower-cased copy
/// of the talk, made on the first such question; other words in the talk as it is, which finds
/// them at the same places.
#[derive(Debug, Default)]
pub struct TalkMemo {
    /// Per alias key, its answer.
    answers: Vec<(usize, bool)>,
    /// Per word asked about, whether the talk holds it.
    words: Vec<(String, bool)>,
    lowered: Option<Vec<u8>>,
}

impl TalkMemo {
    fn any_in_talk(&mut self, key: usize, words: &[String], talk: &[u8]) -> bool {
        if let Some(&(_, answer)) = self.answers.iter().find(|(k, _)| *k == key) {
            return answer;
        }
        let answer = words.iter().any(|word| self.in_talk(word, talk));
        self.answers.push((key, answer));
        answer
    }

    /// Whether `talk` holds `word` (lower-case), ignoring ASCII case.
    fn in_talk(&mut self, word: &str, talk: &[u8]) -> bool {
        if let Some(&(_, answer)) = self.words.iter().find(|(w, _)| w == word) {
            return answer;
        }
        let hay = if word.bytes().any(|b| b.is_ascii_alphabetic()) {
            self.lowered.get_or_insert_with(|| talk.to_ascii_lowercase()).as_slice()
        } else {
            talk
        };
        let answer = memchr::memmem::find(hay, word.as_bytes()).is_some();
        self.words.push((word.to_owned(), answer));
        answer
    }
}

/// Where a match is: the whole text, the match, its passage and its talk.
pub struct Site<'a> {
    /// The file's text.
    pub hay: &'a [u8],
    /// The match.
    pub at: Range<usize>,
    /// The passage it is in.
    pub passage: Range<usize>,
    /// The talk it is in.
    pub talk: Range<usize>,
}

/// Whether `alias` (candidate number `key`, for the memo) really is meant at `site`.
pub fn alias_holds(alias: &Alias, key: usize, site: &Site<'_>, memo: &mut TalkMemo) -> bool {
    let Site { hay, at, passage, talk } = site;
    if alias.case_sensitive && hay.get(at.clone()) != Some(alias.text.as_bytes()) {
        return false;
    }
    let after = hay.get(at.end..passage.end).unwrap_or_default();
    if alias.not_followed_by.iter().any(|w| starts_with_ci(after, w)) {
        return false;
    }
    let before = hay.get(passage.start..at.start).unwrap_or_default();
    if alias.not_preceded_by.iter().any(|w| ends_with_ci(before, w)) {
        return false;
    }
    if !alias.requires_context.is_empty() {
        let lo = at.start.saturating_sub(WINDOW).max(passage.start);
        let hi = (at.end + WINDOW).min(passage.end);
        let window = hay.get(lo..hi).unwrap_or_default();
        if !alias.requires_context.iter().any(|w| contains_ci(window, w)) {
            return false;
        }
    }
    let talk_text = hay.get(talk.clone()).unwrap_or_default();
    if !alias.requires_talk_context.is_empty()
        && !memo.any_in_talk(key * 2, &alias.requires_talk_context, talk_text)
    {
        return false;
    }
    alias.excluded_by_talk_context.is_empty()
        || !memo.any_in_talk(key * 2 + 1, &alias.excluded_by_talk_context, talk_text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Talk-level answers, asked in turn of one memo: aliases sharing words, words with and
    /// without ASCII letters, in a talk that writes them in other cases.
    #[test]
    fn talk_context_answers_ignore_ascii_case_and_are_shared_between_aliases() {
        let talk = "我们在 AliYun 上跑 ECS，阿里巴巴的同事说 Serverless 很好".as_bytes();
        let words = |list: &[&str]| list.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        #[rustfmt::skip]
        let asks: &[(usize, &[&str], bool)] = &[
            (0, &["阿里云", "aliyun"], true),
            (2, &["阿里云"], false),
            (4, &["阿里巴巴"], true),
            (6, &["aws", "amazon"], false),
            (8, &["serverless"], true),
            (10, &["SERVERLESS"], false), // lists are lower-case: an upper-case word never matches
            (0, &["aws"], true), // a key answers as it first did
            (12, &["aliyun", "aws"], true),
            (14, &[], false),
        ];
        let mut memo = TalkMemo::default();
        for &(key, list, want) in asks {
            assert_eq!(memo.any_in_talk(key, &words(list), talk), want, "{key} {list:?}");
        }
        // Each distinct word was searched once.
        assert_eq!(memo.words.len(), 7);
    }

    #[test]
    fn contains_ci_folds_ascii_case_only() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool)] = &[
            ("we use Golang here", "golang", true),
            ("GOLANG", "golang", true),
            ("golan", "golang", false),
            ("", "go", false),
            ("anything", "", true),
            ("用 Go 语言", "go 语言", true),
            ("用 Go 語言", "go 语言", false),
            ("xxgo", "go", true),
            ("g", "go", false),
            ("gO", "go", true),
        ];
        for &(hay, needle, want) in cases {
            assert_eq!(contains_ci(hay.as_bytes(), needle), want, "{needle:?} in {hay:?}");
        }
    }
}
