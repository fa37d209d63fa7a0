//! Q&A pairs and body paragraphs inside one talk.
//!
//! A question starts at a line like `> Q1：`, `> Q：`, `Q:`, `问：`, `> - Q` or `Question 3:`;
//! an answer at `A：`, `A:`, `A1：`, `答：` or `Answer:`. A question runs over its quoted
//! continuation lines (or the lines right below it); an answer runs to the next question or
//! heading, so multi-paragraph answers and `补充` follow-ups stay in it. A question followed by
//! text without an answer marker has that text as its answer. Everything else is body, one
//! passage per paragraph.

use super::dates::literal_regex;
use super::lines::Line;
use super::{Passage, Role};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A question marker on a quoted line: `> Q1：`, `> Q:`, `> - Q text`, `> Q7-0.1 text`, `> 问：`.
static QUOTED_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    literal_regex(
        r"^\s*(?:>\s*)+(?:[-*+]\s+)?(?:Q\s*[\d.\-]*(?:\s*[:：.、)）]|\s|$)|(?:问|問)(?:题|題)?\s*\d*\s*[:：])\s*",
    )
});

/// A question marker on a plain line: `Q:`, `Q1：`, `问：`, `Question 2:`, `- Q：`.
static PLAIN_QUESTION: LazyLock<Regex> = LazyLock::new(|| {
    literal_regex(
        r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:Q\s*\d*|Question\s*\d*|(?:问|問)(?:题|題)?\s*\d*)\s*(?:\*\*)?\s*[:：]\s*",
    )
});

/// An answer marker: `A：`, `A:`, `A1：`, `答：`, `Answer:`, possibly quoted or bulleted.
static ANSWER: LazyLock<Regex> = LazyLock::new(|| {
    literal_regex(
        r"^\s*(?:>\s*)*(?:[-*+]\s+)?(?:\*\*)?(?:A\s*\d*|Answer\s*\d*|答|回答)\s*(?:\*\*)?\s*[:：]\s*",
    )
});

/// Where the content of a question line starts, if the line starts a question.
pub fn question_start(line: &str) -> Option<usize> {
    if !matches!(marker_char(line), Some('Q' | '问' | '問')) {
        return None;
    }
    QUOTED_QUESTION.find(line).or_else(|| PLAIN_QUESTION.find(line)).map(|m| m.end())
}

/// Where the content of an answer line starts, if the line starts an answer.
pub fn answer_start(line: &str) -> Option<usize> {
    if !matches!(marker_char(line), Some('A' | '答' | '回')) {
        return None;
    }
    ANSWER.find(line).map(|m| m.end())
}

/// The first character of `line` after what may precede a marker in the patterns above (spaces,
/// quote marks, bullets, bold): the marker's first character if the line has one. Most lines
/// have none, and are turned away here without running a regex (every line of every note is
/// asked, from all threads at once).
fn marker_char(line: &str) -> Option<char> {
    line.chars().find(|&c| !(c.is_whitespace() || matches!(c, '>' | '-' | '*' | '+')))
}

/// What the line being read belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Body,
    /// In a question; `quoted` when it was opened on a `>` line, `gap` after a blank line.
    Question {
        quoted: bool,
        gap: bool,
    },
    Answer,
}

/// Splits the lines of one talk (its heading excluded) into passages. Lines whose start lies in
/// one of `skip` (sub-talks read separately) are left out.
pub fn passages(lines: &[Line<'_>], skip: &[Range<usize>]) -> Vec<Passage> {
    let mut builder = Builder::default();
    let mut state = State::Body;
    for line in lines {
        if skip.iter().any(|r| r.contains(&line.start)) {
            builder.close();
            state = State::Body;
            continue;
        }
        state = builder.step(state, line);
    }
    builder.close();
    builder.passages
}

#[derive(Default)]
struct Builder {
    passages: Vec<Passage>,
    open: Option<Passage>,
    questions: u32,
}

impl Builder {
    fn step(&mut self, state: State, line: &Line<'_>) -> State {
        if !line.in_code {
            if let Some(offset) = question_start(line.text) {
                self.questions += 1;
                self.start(Role::Question, Some(self.questions), line, offset);
                return State::Question { quoted: line.text.trim_start().starts_with('>'), gap: false };
            }
            if let Some(offset) = answer_start(line.text).filter(|_| self.questions > 0) {
                self.start(Role::Answer, Some(self.questions), line, offset);
                return State::Answer;
            }
            if line.heading().is_some() {
                self.start(Role::Body, None, line, 0);
                self.close();
                return State::Body;
            }
        }
        if line.is_blank() {
            return match state {
                State::Question { quoted, .. } => State::Question { quoted, gap: true },
                State::Answer => State::Answer,
                State::Body => {
                    self.close();
                    State::Body
                }
            };
        }
        match state {
            State::Question { quoted, gap } => {
                let continues = if quoted { line.text.trim_start().starts_with('>') && !gap } else { !gap };
                if continues {
                    self.extend(line);
                    state
                } else {
                    // Text after a question without an `A:` marker is its answer.
                    self.start(Role::Answer, Some(self.questions), line, 0);
                    State::Answer
                }
            }
            State::Answer => {
                self.extend(line);
                State::Answer
            }
            State::Body => {
                match &self.open {
                    Some(_) => self.extend(line),
                    None => self.start(Role::Body, None, line, 0),
                }
                State::Body
            }
        }
    }

    fn start(&mut self, role: Role, qa_index: Option<u32>, line: &Line<'_>, offset: usize) {
        self.close();
        let start = line.start + offset;
        self.open = Some(Passage { role, qa_index, range: start..line.end(), line: line.number });
    }

    fn extend(&mut self, line: &Line<'_>) {
        if let Some(open) = &mut self.open {
            open.range.end = line.end();
        }
    }

    fn close(&mut self) {
        if let Some(passage) = self.open.take() {
            self.passages.push(passage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-character test in front of the regexes never turns away a line they accept.
    #[test]
    fn the_marker_test_keeps_every_line_the_patterns_accept() {
        let lines = [
            "> Q1：网络方案？",
            "> > - Q text",
            "  > 问题 2：用什么？",
            "Q: plain",
            "**Q3**：加粗",
            "- Question 4: bullet",
            "\u{3000}問：全角空格",
            "A：我们用 Calico",
            "> - **A2**: quoted answer",
            "答：好",
            "回答：是的",
            "Answer 3: yes",
            "* A:",
            "QA 环节",
            "Quality matters",
            "普通的一行",
            "",
            "> 引用",
        ];
        for line in lines {
            let question = QUOTED_QUESTION.find(line).or_else(|| PLAIN_QUESTION.find(line)).map(|m| m.end());
            assert_eq!(question_start(line), question, "question: {line}");
            assert_eq!(answer_start(line), ANSWER.find(line).map(|m| m.end()), "answer: {line}");
        }
        let accepted =
            lines.iter().filter(|l| question_start(l).is_some() || answer_start(l).is_some()).count();
        assert!(accepted >= 12, "the table holds markers of every kind ({accepted})");
    }
}
