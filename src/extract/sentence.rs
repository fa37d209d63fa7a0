//! Sentences around mentions: a mention's stance and migrations are read within its sentence.
//! The sentence ends of a passage are found once, in one pass over its bytes, and each
//! mention's sentence is then two binary searches — not a character-by-character search of
//! the text either side of every mention.

use std::ops::Range;

/// How far a sentence may reach on either side of a mention. Cue words that matter sit close to
/// the name; the bound keeps a sentence short when a text has no sentence ends at all.
pub const MAX_SIDE: usize = 300;

/// The sentence ends of one passage: `(offset, byte length)` of each end character, and how
/// many of the ends up to and including each are line breaks — so a mention's line comes with
/// its sentence, not from counting the bytes before it again.
#[derive(Debug, Default)]
pub struct SentenceEnds {
    ends: Vec<(usize, usize)>,
    breaks_through: Vec<u32>,
}

/// A mention's sentence, and the line breaks of its passage before the mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Around {
    /// The sentence's byte range in the text.
    pub sentence: Range<usize>,
    /// Line breaks between the passage's start and the mention's.
    pub breaks_before: u32,
}

impl SentenceEnds {
    /// Finds the sentence ends (`\n 。！？；!?;`) of `passage` in `text`, replacing any before.
    pub fn scan(&mut self, text: &str, passage: &Range<usize>) {
        self.ends.clear();
        let bytes = text.as_bytes();
        let hay = bytes.get(passage.clone()).unwrap_or_default();
        // ASCII ends are themselves; the full-width ones are E3 80 82 (。) and EF BC 81 / 9F /
        // 9B (！？；). Lead bytes E3 and EF are rare in Chinese text (ideographs start with
        // E4–E9), so searching for them finds little else.
        for at in
            memchr::memchr3_iter(b'\n', 0xE3, 0xEF, hay).chain(memchr::memchr3_iter(b'!', b'?', b';', hay))
        {
            let tail = hay.get(at + 1..at + 3).unwrap_or_default();
            let Some(&byte) = hay.get(at) else { continue };
            let full_width = match byte {
                0xE3 => tail == [0x80, 0x82],
                0xEF => matches!(tail, [0xBC, 0x81 | 0x9F | 0x9B]),
                _ => false,
            };
            if full_width {
                self.ends.push((passage.start + at, 3));
            } else if byte < 0x80 {
                self.ends.push((passage.start + at, 1));
            }
        }
        self.ends.sort_unstable();
        self.breaks_through.clear();
        let mut breaks = 0u32;
        for &(at, _) in &self.ends {
            breaks += u32::from(bytes.get(at) == Some(&b'\n'));
            self.breaks_through.push(breaks);
        }
    }

    /// The sentence of `passage` around `start..end` — from after the previous sentence end to
    /// the next one (exclusive), at most [`MAX_SIDE`] bytes either side — and the line breaks
    /// of the passage before `start`. `start` must lie on a character boundary.
    pub fn around(&self, text: &str, passage: &Range<usize>, start: usize, end: usize) -> Around {
        let lo = floor_boundary(text, start.saturating_sub(MAX_SIDE).max(passage.start));
        let hi = floor_boundary(text, end.saturating_add(MAX_SIDE).min(passage.end)).max(end);
        // Every end before a character boundary ends before it, as no end straddles one.
        let before = self.ends.partition_point(|&(i, len)| i + len <= start);
        let previous = before.checked_sub(1).and_then(|k| self.ends.get(k));
        let s = previous.map_or(lo, |&(i, len)| lo.max(i + len));
        let after = self.ends.partition_point(|&(i, _)| i < end);
        let e = self.ends.get(after).map_or(hi, |&(i, _)| i.min(hi));
        let breaks_before =
            before.checked_sub(1).and_then(|k| self.breaks_through.get(k)).copied().unwrap_or(0);
        Around { sentence: s..e, breaks_before }
    }
}

/// The largest character boundary of `text` at or before `index`.
fn floor_boundary(text: &str, index: usize) -> usize {
    let index = index.min(text.len());
    (index.saturating_sub(3)..=index).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::string_slice, clippy::unreachable)] // tests slice and stop freely
mod tests {
    use super::*;

    /// The plain definition: search the characters either side.
    fn reference(text: &str, passage: &Range<usize>, start: usize, end: usize) -> Range<usize> {
        const ENDS: [char; 8] = ['\n', '。', '！', '？', '；', '!', '?', ';'];
        let lo = floor_boundary(text, start.saturating_sub(MAX_SIDE).max(passage.start));
        let hi = floor_boundary(text, end.saturating_add(MAX_SIDE).min(passage.end));
        let before = &text[lo..start];
        let s =
            before.rfind(ENDS).map_or(lo, |i| lo + i + before[i..].chars().next().map_or(1, char::len_utf8));
        let after = &text[end..hi.max(end)];
        let e = after.find(ENDS).map_or(hi.max(end), |i| end + i);
        s..e
    }

    #[test]
    fn same_sentences_and_lines_as_the_character_search() {
        let long = "很长".repeat(200);
        let texts = [
            "我们用 Docker。后来换成 containerd！为什么？因为；快\n下一行 etcd!",
            "no ends at all here docker and kubernetes",
            "「結果」ＯＫ？是的；好。",
            "\n\n第三行 Istio\n第四行!\n\nEnvoy;",
            long.as_str(),
        ];
        for text in texts {
            let passage = 0..text.len();
            let mut ends = SentenceEnds::default();
            ends.scan(text, &passage);
            for (start, c) in text.char_indices() {
                let end = start + c.len_utf8();
                let breaks = text[..start].matches('\n').count() as u32;
                assert_eq!(
                    ends.around(text, &passage, start, end),
                    Around { sentence: reference(text, &passage, start, end), breaks_before: breaks },
                    "{text} at {start}"
                );
            }
        }
    }
}
