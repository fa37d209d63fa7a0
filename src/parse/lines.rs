//! Line iteration that knows where each line is and whether it sits inside a code fence, so
//! that a `# comment` in a shell snippet is never taken for a heading or a `Q:` for a question.

/// One line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line without its line ending.
    pub text: &'a str,
    /// Byte offset of the line's start in the whole text.
    pub start: usize,
    /// 1-based line number in the whole text.
    pub number: u32,
    /// Whether the line is inside (or opens or closes) a fenced code block.
    pub in_code: bool,
}

impl Line<'_> {
    /// Byte offset just past the line's content (before its line ending).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// For a Markdown ATX heading outside code, its level and its text.
    pub fn heading(&self) -> Option<(usize, &str)> {
        if self.in_code {
            return None;
        }
        let trimmed = self.text.trim_start_matches(' ');
        let level = trimmed.bytes().take_while(|&b| b == b'#').count();
        let rest = trimmed.get(level..).unwrap_or_default();
        let is_heading = (1..=6).contains(&level)
            && (rest.is_empty()
                || rest.starts_with(' ')
                || rest.starts_with('\t')
                || starts_with_digit_or_bracket(rest));
        is_heading.then(|| (level, rest.trim().trim_end_matches('#').trim_end()))
    }
}

/// `###2020-06-02` and `##[Talk]` are headings too in the notes we read, even without the space
/// CommonMark asks for.
fn starts_with_digit_or_bracket(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_ascii_digit() || c == '[' || c == '【')
}

/// All lines of `text`, starting at byte `offset` with line number `first_number`.
pub fn lines(text: &str, offset: usize, first_number: u32) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut fence = Fence::default();
    let mut start = 0;
    // Line ends found with memchr's vector search: `split_inclusive('\n')` goes through the
    // standard library's byte search, which was an eighth of segmenting a file.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    let ends = ends.chain((!text.ends_with('\n') && !text.is_empty()).then_some(text.len()));
    for (i, end) in ends.enumerate() {
        // `\n` is one byte, so every end is on a character boundary.
        let raw = text.get(start..end).unwrap_or_default();
        let content = raw.strip_suffix('\n').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let in_code = fence.read(content);
        let number = first_number.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        out.push(Line { text: content, start: offset + start, number, in_code });
        start = end;
    }
    out
}

/// The code fence open at a point of a text, if any: lines are read through it in order.
#[derive(Debug, Default)]
struct Fence(Option<&'static str>);

impl Fence {
    /// Reads the next line's `content`: whether it is inside, opens or closes a fenced block.
    fn read(&mut self, content: &str) -> bool {
        let marker = fence_marker(content);
        let in_code = self.0.is_some() || marker.is_some();
        match (self.0, marker) {
            (None, Some(m)) => self.0 = Some(m),
            (Some(open), Some(m)) if m == open => self.0 = None,
            _ => {}
        }
        in_code
    }
}

fn fence_marker(line: &str) -> Option<&'static str> {
    let trimmed = line.trim_start();
    if trimmed.starts_with("```") {
        Some("```")
    } else if trimmed.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines as `split_inclusive('\n')` cuts them, which `lines` did before it searched with
    /// memchr: same texts, offsets, numbers and fences.
    #[test]
    fn lines_are_cut_as_split_inclusive_cuts_them() {
        #[rustfmt::skip]
        let texts = [
            "", "a", "a\n", "\n", "\n\n", "a\r\nb", "a\n\nb\n", "中文\n第二行", "```\n# code\n```\n# 标题",
            "~~~\nx\n```\ny\n~~~\nz\r\n", "no newline at all", "\r\n\r\n",
        ];
        for text in texts {
            let mut expected = Vec::new();
            let (mut start, mut fence) = (0, Fence::default());
            for (i, raw) in text.split_inclusive('\n').enumerate() {
                let content = raw.strip_suffix('\n').unwrap_or(raw);
                let content = content.strip_suffix('\r').unwrap_or(content);
                let in_code = fence.read(content);
                expected.push(Line { text: content, start: 7 + start, number: 3 + i as u32, in_code });
                start += raw.len();
            }
            assert_eq!(lines(text, 7, 3), expected, "{text:?}");
        }
    }
}
