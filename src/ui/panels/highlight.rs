//! Text with marked stretches — mentions of technologies, search hits — as egui layout jobs,
//! and keyword-in-context windows around them. Shared by the Evidence and Talk views so a
//! mention looks the same wherever it is shown.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, TextStyle, Ui};
use std::ops::Range;

/// Characters of context kept before the first mark of a keyword-in-context line.
pub const CONTEXT_BEFORE: usize = 36;
/// Characters of context kept after the first mark.
pub const CONTEXT_AFTER: usize = 90;

/// How marked and plain text look.
#[derive(Debug, Clone)]
pub struct Marking {
    /// The font of all the text.
    pub font: FontId,
    /// Plain text colour.
    pub text: Color32,
    /// Marked text colour.
    pub mark_text: Color32,
    /// Marked text background.
    pub mark_background: Color32,
}

impl Marking {
    /// Body text in `ui`'s style with marks in `mark`.
    pub fn body(ui: &Ui, mark: Color32) -> Self {
        let visuals = ui.visuals();
        Self {
            font: TextStyle::Body.resolve(ui.style()),
            text: visuals.text_color(),
            mark_text: visuals.strong_text_color(),
            mark_background: mark.gamma_multiply(if visuals.dark_mode { 0.45 } else { 0.3 }),
        }
    }
}

/// `text` with the byte ranges `marks` (relative to `text`, sorted, any overlap tolerated)
/// marked. Ranges outside the text or off character boundaries are ignored.
pub fn marked(text: &str, marks: &[Range<usize>], look: &Marking) -> LayoutJob {
    let plain = TextFormat::simple(look.font.clone(), look.text);
    let mark = TextFormat { color: look.mark_text, background: look.mark_background, ..plain.clone() };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for range in marks {
        let start = range.start.max(at);
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..range.end)) else {
            continue;
        };
        if marked.is_empty() {
            continue;
        }
        job.append(before, 0.0, plain.clone());
        job.append(marked, 0.0, mark.clone());
        at = range.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain);
    job
}

/// A one-line window of `text` around its first mark: the window's text (newlines as spaces,
/// "…" where cut) and the marks moved into it.
pub fn keyword_in_context(text: &str, marks: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let first = marks.first().map_or(0, |r| r.start.min(text.len()));
    let start = char_boundary_back(text, first, CONTEXT_BEFORE);
    let end = char_boundary_forward(text, first, CONTEXT_AFTER);
    let mut line = String::with_capacity(end - start + 8);
    let lead = if start > 0 { "…" } else { "" };
    line.push_str(lead);
    let base = line.len();
    // Same byte length, so the marks keep their offsets.
    line.extend(
        text.get(start..end)
            .unwrap_or_default()
            .chars()
            .map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }),
    );
    if end < text.len() {
        line.push('…');
    }
    let moved = marks
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + base..r.end - start + base)
        .collect();
    (line, moved)
}

/// The byte offset `chars` characters before `at` (or 0).
fn char_boundary_back(text: &str, at: usize, chars: usize) -> usize {
    let head = text.get(..at).unwrap_or_default();
    head.char_indices().rev().nth(chars.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// The byte offset `chars` characters after `at` (or the end).
fn char_boundary_forward(text: &str, at: usize, chars: usize) -> usize {
    let tail = text.get(at..).unwrap_or_default();
    tail.char_indices().nth(chars).map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
#[allow(clippy::string_slice, clippy::unreachable)] // tests slice and stop freely
mod tests {
    use super::*;

    #[test]
    fn keyword_in_context_cases() {
        let long = format!("{}我们用 Calico 做网络{}", "前".repeat(50), "后".repeat(120));
        let at = long.find("Calico").unwrap();
        let cases: [(&str, Vec<Range<usize>>, &str); 3] = [
            ("we run\nCalico", vec![Range { start: 7, end: 13 }], "Calico"),
            ("", vec![], ""),
            (long.as_str(), vec![Range { start: at, end: at + 6 }], "Calico"),
        ];
        for (text, marks, expected) in cases {
            let (line, moved) = keyword_in_context(text, &marks);
            if let Some(r) = moved.first() {
                assert_eq!(&line[r.clone()], expected, "the mark moves with the window");
            } else {
                assert_eq!(line, expected);
            }
        }
        let (line, _) = keyword_in_context("we run\nCalico", &[]);
        assert_eq!(line, "we run Calico", "a newline becomes a space");
        let (line, _) = keyword_in_context(&long, std::slice::from_ref(&(at..at + 6)));
        assert!(line.starts_with('…') && line.ends_with('…'));
        assert!(line.chars().count() <= CONTEXT_BEFORE + CONTEXT_AFTER + 2);
    }

    #[test]
    fn marks_off_character_boundaries_are_ignored() {
        let look = Marking {
            font: FontId::proportional(14.0),
            text: Color32::WHITE,
            mark_text: Color32::RED,
            mark_background: Color32::BLACK,
        };
        let job = marked("用k8s部署", &[1..2, 3..6], &look);
        assert_eq!(job.text, "用k8s部署");
        assert_eq!(job.sections.len(), 3);
    }
}
