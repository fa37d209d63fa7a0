//! Splitting a file into talks, and finding each talk's title and date.
//!
//! - **Q&A collections**: when headings carry dates (`### 2020-06-02：title`, `2019-12-18:：`,
//!   `2020-01-02 ：`, full- or half-width colons), each such heading starts a talk that runs to
//!   the next dated heading or the next heading above its level. Text before the first one is the
//!   file's preamble, not a talk.
//! - **Notes**: otherwise the whole file is one talk. Its title comes from the front matter, the
//!   first `#` heading, the line above a date standing alone near the top (a blog's title and
//!   byline), the first line, or the file name, in that order. Its date comes from the front
//!   matter, the file name, or the first date written in the text (marked inferred), or is none.
//! - **Talks inside notes**: a heading tagged `[Talk]` (or `[分享]`, `【演讲】`, …) is a talk of
//!   its own, with the note's date; its text is not counted again in the note.

use super::dates::{self, DateError, DateSource, literal_regex};
use super::front_matter;
use super::lines::{Line, lines};
use super::{ParsedFile, Passage, Role, Talk, qa};
use crate::problem::{Problem, ProblemKind};
use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A heading tag that marks a talk inside a note: `[Talk] 高併發`, `【分享】…`.
static TALK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    literal_regex(
        r"(?i)^(?:\[\s*(?:talk|分享|演讲|演講|讲座|講座)\s*\]|【\s*(?:talk|分享|演讲|演講|讲座|講座)\s*】)\s*[:：]?\s*",
    )
});

/// How far from the top a date standing alone on its line is taken as the note's byline.
const BYLINE_WINDOW_LINES: usize = 40;
/// A line longer than this is running text, not a byline holding a date.
const MAX_BYLINE_BYTES: usize = 120;
/// How many non-blank lines from the top a level-1 heading may be to be the note's title.
const TITLE_HEADING_WINDOW_LINES: usize = 3;
/// Titles longer than this (in characters) are cut, so a runaway line cannot be a title.
const MAX_TITLE_CHARS: usize = 200;

/// A dated heading: where it is and what it says.
struct DatedHeading<'a> {
    /// Index of the heading in the file's lines.
    index: usize,
    line: Line<'a>,
    level: usize,
    date: Result<Date, DateError>,
    title: Range<usize>,
}

/// Parses a whole file. See the module documentation for the rules.
pub fn parse(path: &str, text: &str) -> ParsedFile {
    let mut problems = Vec::new();
    let block = front_matter::split(text);
    if let Some(error) = block.as_ref().and_then(|b| b.error.clone()) {
        problems.push(Problem::new(path, ProblemKind::FrontMatter, error));
    }
    let (body_start, first_line) = block.as_ref().map_or((0, 1), |b| (b.body_start, b.lines + 1));
    let first_line = u32::try_from(first_line).unwrap_or(u32::MAX);
    let all = lines(text.get(body_start..).unwrap_or_default(), body_start, first_line);
    let front_matter = block.map(|b| b.front_matter);

    let dated = dated_headings(&all);
    let talks = if dated.is_empty() {
        note_talks(path, text, &all, front_matter.as_ref(), &mut problems)
    } else {
        collection_talks(path, text, &all, &dated, &mut problems)
    };
    ParsedFile { front_matter, talks, problems }
}

fn dated_headings<'a>(all: &[Line<'a>]) -> Vec<DatedHeading<'a>> {
    all.iter()
        .enumerate()
        .filter_map(|(index, line)| {
            let (level, heading) = line.heading()?;
            let (date, len) = dates::leading_date(heading)?;
            let heading_offset = line.start + (heading.as_ptr() as usize - line.text.as_ptr() as usize);
            let rest = heading.get(len..).unwrap_or_default();
            let title_text = rest
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '-' | '—' | '|'));
            let title_start = heading_offset + heading.len() - title_text.len();
            Some(DatedHeading {
                index,
                line: *line,
                level,
                date,
                title: title_start..heading_offset + heading.len(),
            })
        })
        .collect()
}

fn collection_talks(
    path: &str,
    text: &str,
    all: &[Line<'_>],
    dated: &[DatedHeading<'_>],
    problems: &mut Vec<Problem>,
) -> Vec<Talk> {
    let mut talks = Vec::with_capacity(dated.len());
    for (index, heading) in dated.iter().enumerate() {
        let next_talk = dated.get(index + 1).map_or(all.len(), |h| h.index);
        let body = all.get(heading.index + 1..next_talk).unwrap_or_default();
        let end_index = body
            .iter()
            .position(|l| l.heading().is_some_and(|(level, _)| level < heading.level))
            .unwrap_or(body.len());
        let body = body.get(..end_index).unwrap_or_default();
        let end = body.last().map_or(heading.line.end(), Line::end);
        let (date, date_source) = match &heading.date {
            Ok(date) => (Some(*date), DateSource::Heading),
            Err(error) => {
                problems.push(bad_date(path, heading.line.number, error));
                (None, DateSource::None)
            }
        };
        let title = clean_title(text.get(heading.title.clone()).unwrap_or_default());
        let mut passages = vec![title_passage(heading.title.clone(), heading.line.number)];
        passages.extend(qa::passages(body, &[]));
        talks.push(Talk {
            index_in_file: u32::try_from(index).unwrap_or(u32::MAX),
            title,
            date,
            date_source,
            line: heading.line.number,
            range: heading.line.start..end,
            passages,
        });
    }
    talks
}

fn note_talks(
    path: &str,
    text: &str,
    all: &[Line<'_>],
    front_matter: Option<&front_matter::FrontMatter>,
    problems: &mut Vec<Problem>,
) -> Vec<Talk> {
    let (date, date_source, date_line) = note_date(path, text, all, front_matter, problems);
    let (title, title_range) = note_title(path, text, all, front_matter, date_line);
    let tagged = tagged_talks(all);
    let mut skip: Vec<Range<usize>> = tagged.iter().map(|t| t.range.clone()).collect();
    // A title taken from a body line is the title passage, not body text as well.
    if let Some(title_line) =
        title_range.as_ref().and_then(|r| all.iter().find(|l| l.start <= r.start && r.end <= l.end()))
    {
        skip.push(title_line.start..title_line.end() + 1);
    }
    let start = all.first().map_or(0, |l| l.start);
    let end = all.last().map_or(start, Line::end);
    let first_number = all.first().map_or(1, |l| l.number);
    let mut passages: Vec<Passage> =
        title_range.map(|r| title_passage(r.clone(), line_number_at(text, r.start))).into_iter().collect();
    passages.extend(qa::passages(all, &skip));
    let mut talks = vec![Talk {
        index_in_file: 0,
        title,
        date,
        date_source,
        line: first_number,
        range: start..end,
        passages,
    }];
    for (i, mut talk) in tagged.into_iter().enumerate() {
        talk.index_in_file = u32::try_from(i + 1).unwrap_or(u32::MAX);
        talk.date = date;
        talk.date_source = date_source;
        talks.push(talk);
    }
    talks
}

/// The 1-based line number of byte `offset` in `text`.
fn line_number_at(text: &str, offset: usize) -> u32 {
    let head = text.as_bytes().get(..offset.min(text.len())).unwrap_or_default();
    let newlines = head.iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

fn note_date(
    path: &str,
    text: &str,
    all: &[Line<'_>],
    front_matter: Option<&front_matter::FrontMatter>,
    problems: &mut Vec<Problem>,
) -> (Option<Date>, DateSource, Option<usize>) {
    if let Some(written) = front_matter.and_then(|fm| fm.date.as_deref()) {
        match dates::leading_date(written) {
            Some((Ok(date), _)) => return (Some(date), DateSource::FrontMatter, None),
            Some((Err(error), _)) => problems.push(bad_date(path, 1, &error)),
            None => problems.push(Problem::new(
                path,
                ProblemKind::BadDate,
                format!("front matter date {written:?} is not a date"),
            )),
        }
    }
    let file_name = path.rsplit('/').next().unwrap_or(path);
    if let Some((date, _)) = dates::first_date_in(file_name) {
        return (Some(date), DateSource::FileName, None);
    }
    let body_start = all.first().map_or(0, |l| l.start);
    match dates::first_date_in(text.get(body_start..).unwrap_or_default()) {
        Some((date, offset)) => (Some(date), DateSource::Inferred, Some(body_start + offset)),
        None => (None, DateSource::None, None),
    }
}

fn note_title(
    path: &str,
    text: &str,
    all: &[Line<'_>],
    front_matter: Option<&front_matter::FrontMatter>,
    date_offset: Option<usize>,
) -> (String, Option<Range<usize>>) {
    let content = |l: &&Line<'_>| !l.is_blank() && !l.in_code;
    // A `#` heading is the title only near the top: deep in a slide deck it is a slide's.
    let first_h1 = all
        .iter()
        .filter(content)
        .take(TITLE_HEADING_WINDOW_LINES)
        .find_map(|l| l.heading().filter(|(level, _)| *level == 1).map(|(_, t)| (l, t)));
    if let Some(title) = front_matter.and_then(|fm| fm.title.as_deref()) {
        // A heading that repeats the front matter's title is the title line, not body text: its
        // names would otherwise be counted twice, once as title and once as body.
        let repeated = first_h1.filter(|(_, heading)| heading.trim_start_matches('#').trim() == title.trim());
        let range = match repeated {
            Some((line, heading)) => {
                let heading = heading.trim_start_matches('#').trim();
                let start = line.start + line.text.find(heading).unwrap_or(0);
                Some(start..start + heading.len())
            }
            None => text.find(title).map(|start| start..start + title.len()),
        };
        return (clean_title(title), range);
    }
    let byline_title = date_offset.and_then(|offset| {
        let pos =
            all.iter().take(BYLINE_WINDOW_LINES).position(|l| l.start <= offset && offset <= l.end())?;
        let date_line = all.get(pos)?;
        if date_line.text.len() > MAX_BYLINE_BYTES {
            return None;
        }
        let standalone = dates::dates_in(date_line.text.trim())
            .first()
            .is_some_and(|(_, r)| r.start == 0 && date_line.text.trim().len() - r.end <= 8);
        if !standalone {
            return None;
        }
        all.get(..pos).unwrap_or_default().iter().rev().find(content).map(|l| (l, l.text.trim()))
    });
    let first_line = all.iter().find(content).map(|l| (l, l.text.trim()));
    if let Some((line, title)) = first_h1.or(byline_title).or(first_line) {
        let title = title.trim_start_matches('#').trim();
        let start = line.start + line.text.find(title).unwrap_or(0);
        return (clean_title(title), Some(start..start + title.len()));
    }
    let stem = path.rsplit('/').next().unwrap_or(path);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    (clean_title(stem), None)
}

/// Talks under `[Talk]`-tagged headings, each running to the next heading at its level or above.
fn tagged_talks(all: &[Line<'_>]) -> Vec<Talk> {
    let mut talks = Vec::new();
    for (i, line) in all.iter().enumerate() {
        let Some((level, heading)) = line.heading() else { continue };
        let Some(tag) = TALK_TAG.find(heading) else { continue };
        let title_text = heading.get(tag.end()..).unwrap_or_default().trim();
        let title_text = if title_text.is_empty() { heading } else { title_text };
        let title_start = line.start + line.text.find(title_text).unwrap_or(0);
        let rest = all.get(i + 1..).unwrap_or_default();
        let end_index =
            rest.iter().position(|l| l.heading().is_some_and(|(l2, _)| l2 <= level)).unwrap_or(rest.len());
        let body = rest.get(..end_index).unwrap_or_default();
        let end = body.last().map_or(line.end(), Line::end);
        let mut passages = vec![title_passage(title_start..title_start + title_text.len(), line.number)];
        passages.extend(qa::passages(body, &[]));
        talks.push(Talk {
            index_in_file: 0,
            title: clean_title(title_text),
            date: None,
            date_source: DateSource::None,
            line: line.number,
            range: line.start..end,
            passages,
        });
    }
    talks
}

fn title_passage(range: Range<usize>, line: u32) -> Passage {
    Passage { role: Role::Title, qa_index: None, range, line }
}

fn clean_title(title: &str) -> String {
    let title = title.trim().trim_matches(|c: char| c == '*' || c == '_' || c == '`').trim();
    let title = if title.is_empty() { "(untitled)" } else { title };
    // Cut at the character boundary, then copied at once: collecting the chars one by one cost
    // several times as much, for every talk of a collection.
    let end = title.char_indices().nth(MAX_TITLE_CHARS).map_or(title.len(), |(at, _)| at);
    title.get(..end).unwrap_or(title).to_owned()
}

fn bad_date(path: &str, line: u32, error: &DateError) -> Problem {
    Problem::new(path, ProblemKind::BadDate, format!("line {line}: {error}; the talk is undated"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Titles are trimmed of spaces and emphasis marks and cut to [`MAX_TITLE_CHARS`]
    /// characters, never inside one.
    #[test]
    fn titles_are_trimmed_and_cut_at_a_character() {
        let long_chinese = "云".repeat(MAX_TITLE_CHARS + 1);
        let exact = "k".repeat(MAX_TITLE_CHARS);
        #[rustfmt::skip]
        let cases: Vec<(&str, String)> = vec![
            ("  **蔚来汽车的 Kubernetes 实践**  ", "蔚来汽车的 Kubernetes 实践".into()),
            ("`kubectl` 技巧", "kubectl` 技巧".into()),
            ("  __  ", "(untitled)".into()),
            ("", "(untitled)".into()),
            (&long_chinese, "云".repeat(MAX_TITLE_CHARS)),
            (&exact, exact.clone()),
        ];
        for (title, want) in cases {
            assert_eq!(clean_title(title), want, "{title:?}");
        }
    }
}
