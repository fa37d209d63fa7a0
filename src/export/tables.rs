//! The CSV tables of the report: `mentions.csv`, `tools.csv`, `orgs.csv`, `migrations.csv` and
//! `suggestions.csv`. Written with the `csv` crate, which quotes fields that hold commas,
//! quotes or newlines (evidence sentences do) the way spreadsheet programs expect.

use super::{ExportError, io_error, write_atomic, write_atomic_with};
use crate::catalog::ToolId;
use crate::extract::{Mention, suggestions};
use crate::index::Corpus;
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// How many suggestions the report lists.
pub const SUGGESTION_LIMIT: usize = 200;

pub(crate) fn to_csv(
    what: &'static str,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<Vec<u8>, ExportError> {
    let csv_error = |source| ExportError::Csv { what, source };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer.write_record(&row).map_err(csv_error)?;
    }
    writer.into_inner().map_err(|e| ExportError::Csv { what, source: e.into_error().into() })
}

pub(crate) fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Writes the five tables into `dir`.
pub fn write(corpus: &Corpus, dir: &Path) -> Result<(), ExportError> {
    let path = dir.join("mentions.csv");
    // Independent tables, some with sequential parts: built side by side.
    let (written, tables) = rayon::join(
        || write_atomic_with(&path, |out| write_mentions(corpus, out).map_err(io_error(&path))),
        || {
            let (counts, (migrations, suggestions)) = rayon::join(
                || write_counts(corpus, dir),
                || rayon::join(|| migrations(corpus), || suggestions(corpus)),
            );
            counts?;
            Ok::<_, ExportError>([("migrations.csv", migrations?), ("suggestions.csv", suggestions?)])
        },
    );
    written?;
    for (name, bytes) in tables? {
        write_atomic(&dir.join(name), &bytes)?;
    }
    Ok(())
}

/// Writes `tools.csv` and `orgs.csv` into `dir`: the tables that need no text, only counts, so
/// that a corpus loaded without its texts ([`Corpus::load_batched`]) can write them too.
pub fn write_counts(corpus: &Corpus, dir: &Path) -> Result<(), ExportError> {
    let (tools, orgs) = rayon::join(|| tools(corpus), || orgs(corpus));
    write_atomic(&dir.join("tools.csv"), &tools?)?;
    write_atomic(&dir.join("orgs.csv"), &orgs?)
}

/// A CSV writer's failure while streaming: writing records only fails in the writer underneath.
fn csv_io(error: csv::Error) -> std::io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn tool_names(corpus: &Corpus, tool: ToolId) -> (String, String, String) {
    corpus
        .catalog
        .tool(tool)
        .map_or_else(Default::default, |t| (t.id.clone(), t.name.clone(), t.category.as_str().to_owned()))
}

/// One row per mention, in corpus order.
pub fn mentions(corpus: &Corpus) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    write_mentions(corpus, &mut bytes).map_err(io_error(Path::new("mentions.csv")))?;
    Ok(bytes)
}

/// Streams the rows of [`mentions`] into `out`. A corpus can hold millions of mentions, so rows
/// are written one by one from borrowed fields, with each talk's id formatted once.
fn write_mentions(corpus: &Corpus, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_mention_header(out)?;
    write_mention_rows(corpus, out)
}

/// The columns of `mentions.csv`.
pub const MENTION_COLUMNS: [&str; 10] = [
    "talk_id",
    "qa_index",
    "role",
    "tool",
    "category",
    "surface",
    "stance",
    "line",
    "byte_start",
    "byte_end",
];

/// Writes the header line of `mentions.csv`.
pub fn write_mention_header(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut header = csv::Writer::from_writer(&mut *out);
    header.write_record(MENTION_COLUMNS).map_err(csv_io)?;
    header.flush()
}

/// Mentions formatted per parallel task: a few hundred microseconds of work.
const MENTION_CHUNK: usize = 4_096;

/// Mentions formatted before they are written: a few megabytes, whatever the corpus size.
pub const MENTION_BATCH: usize = MENTION_CHUNK * 16;

/// Writes the rows of `mentions.csv` for the mentions of `corpus`, without the header.
pub fn write_mention_rows(corpus: &Corpus, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let parts = RowParts::new(corpus).map_err(csv_io)?;
    // Rows are formatted in parallel, a batch at a time, and written in corpus order, so the file
    // is the same as a sequential writer's while memory stays bounded however many mentions.
    for mentions in corpus.mentions.chunks(MENTION_BATCH) {
        let parts: Vec<Result<Vec<u8>, csv::Error>> =
            mentions.par_chunks(MENTION_CHUNK).map(|chunk| mention_rows(corpus, &parts, chunk)).collect();
        for part in parts {
            out.write_all(&part.map_err(csv_io)?)?;
        }
    }
    Ok(())
}

/// The fields of mention rows that repeat from row to row, already written as CSV: each
/// talk's id, and each technology's id and category. Passing every field of every row through
/// the `csv` writer, which looks at each byte for a reason to quote, was most of the table's
/// cost; now the writer sees each repeated field once and only surfaces per row.
struct RowParts {
    /// Per talk: its id field.
    talks: Vec<Vec<u8>>,
    /// Per technology: its id and category fields.
    tools: Vec<Vec<u8>>,
}

impl RowParts {
    fn new(corpus: &Corpus) -> Result<Self, csv::Error> {
        let talk = |entry| {
            let mut field = Vec::new();
            push_field(&mut field, &corpus.talk_id(entry)).map(|()| field)
        };
        let tool = |t: &crate::catalog::Technology| {
            let mut fields = Vec::new();
            push_field(&mut fields, &t.id)?;
            fields.push(b',');
            push_field(&mut fields, t.category.as_str()).map(|()| fields)
        };
        Ok(Self {
            talks: corpus.talks.iter().map(talk).collect::<Result<_, _>>()?,
            tools: corpus.catalog.technologies().iter().map(tool).collect::<Result<_, _>>()?,
        })
    }
}

/// Appends `field` to a row exactly as the `csv` crate writes it inside a record of several
/// fields: as it is, or through the crate when it holds a comma, a quote or a line break.
fn push_field(row: &mut Vec<u8>, field: &str) -> Result<(), csv::Error> {
    if !field.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) {
        row.extend_from_slice(field.as_bytes());
        return Ok(());
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    // A second, empty field keeps the record from being one field, which the crate would write
    // differently; it is cut off below with the terminator.
    writer.write_record([field, ""])?;
    let written = writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    row.extend_from_slice(written.strip_suffix(b",\n").unwrap_or(&written));
    Ok(())
}

/// The CSV rows of `mentions` (no header).
fn mention_rows(corpus: &Corpus, parts: &RowParts, mentions: &[Mention]) -> Result<Vec<u8>, csv::Error> {
    let mut rows = Vec::with_capacity(mentions.len() * 96);
    // Numbers through itoa: `write!` through the formatting machinery was a third of the table.
    let mut number = itoa::Buffer::new();
    for m in mentions {
        let Some(talk) = parts.talks.get(m.talk as usize) else { continue };
        rows.extend_from_slice(talk);
        rows.push(b',');
        if let Some(qa) = m.qa_index {
            rows.extend_from_slice(number.format(qa.get()).as_bytes());
        }
        rows.push(b',');
        // Role and stance names are plain words: nothing in them to quote.
        rows.extend_from_slice(role_name(m.role).as_bytes());
        rows.push(b',');
        rows.extend_from_slice(parts.tools.get(m.tool.0 as usize).map_or(&b","[..], Vec::as_slice));
        rows.push(b',');
        push_field(&mut rows, corpus.surface(m))?;
        rows.push(b',');
        rows.extend_from_slice(m.stance.as_str().as_bytes());
        for n in [m.line, m.start, m.end] {
            rows.push(b',');
            rows.extend_from_slice(number.format(n).as_bytes());
        }
        rows.push(b'\n');
    }
    Ok(rows)
}

fn role_name(role: crate::parse::Role) -> &'static str {
    match role {
        crate::parse::Role::Title => "title",
        crate::parse::Role::Question => "question",
        crate::parse::Role::Answer => "answer",
        crate::parse::Role::Body => "body",
    }
}

/// Per technology: talks, mentions, distinct organisations, first and last talk date.
pub fn tools(corpus: &Corpus) -> Result<Vec<u8>, ExportError> {
    #[derive(Default)]
    struct Acc<'a> {
        talks: usize,
        last_talk: Option<u32>,
        mentions: usize,
        orgs: BTreeSet<&'a str>,
        first: Option<Date>,
        last: Option<Date>,
    }
    // Mentions come in talk order, so a talk is new for a technology when it is not the last
    // one counted for it: no set of talks is needed.
    let mut per_tool: Vec<Acc<'_>> = Vec::new();
    for m in &corpus.mentions {
        let Some(entry) = corpus.talks.get(m.talk as usize) else { continue };
        let slot = m.tool.0 as usize;
        if per_tool.len() <= slot {
            per_tool.resize_with(slot + 1, Acc::default);
        }
        let Some(acc) = per_tool.get_mut(slot) else { continue };
        acc.mentions += 1;
        if acc.last_talk != Some(m.talk) {
            acc.last_talk = Some(m.talk);
            acc.talks += 1;
            acc.orgs.extend(entry.orgs.iter().map(|o| o.name.as_str()));
            if let Some(d) = entry.talk.date {
                acc.first = Some(acc.first.map_or(d, |f| f.min(d)));
                acc.last = Some(acc.last.map_or(d, |l| l.max(d)));
            }
        }
    }
    let mut rows: Vec<(usize, Vec<String>)> = (per_tool.into_iter().enumerate())
        .filter(|(_, acc)| acc.mentions > 0)
        .map(|(slot, acc)| {
            let (id, name, category) = tool_names(corpus, ToolId(u32::try_from(slot).unwrap_or(u32::MAX)));
            let row = vec![
                id,
                name,
                category,
                acc.talks.to_string(),
                acc.mentions.to_string(),
                acc.orgs.len().to_string(),
                date(acc.first),
                date(acc.last),
            ];
            (acc.talks, row)
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.first().cmp(&b.1.first())));
    let header = ["tool", "name", "category", "talks", "mentions", "orgs", "first_date", "last_date"];
    to_csv("tools", &header, rows.into_iter().map(|(_, r)| r).collect())
}

/// Per organisation (as written): talks, dates, and the technologies its talks name.
pub fn orgs(corpus: &Corpus) -> Result<Vec<u8>, ExportError> {
    let mut per_org: BTreeMap<&str, (Option<&str>, Vec<u32>)> = BTreeMap::new();
    for (index, entry) in corpus.talks.iter().enumerate() {
        for org in &entry.orgs {
            let catalog_id = org.org.and_then(|id| corpus.catalog.org(id)).map(|o| o.id.as_str());
            let slot = per_org.entry(org.name.as_str()).or_insert((catalog_id, Vec::new()));
            slot.1.push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }
    let rows = per_org
        .into_iter()
        .map(|(name, (catalog_id, talks))| {
            let dates: Vec<Date> =
                talks.iter().filter_map(|&t| corpus.talks.get(t as usize)?.talk.date).collect();
            let tools: BTreeSet<&str> = talks
                .iter()
                .flat_map(|&t| corpus.talk_mentions(t))
                .filter_map(|m| corpus.catalog.tool(m.tool).map(|t| t.id.as_str()))
                .collect();
            vec![
                name.to_owned(),
                catalog_id.unwrap_or_default().to_owned(),
                talks.len().to_string(),
                date(dates.iter().min().copied()),
                date(dates.iter().max().copied()),
                tools.into_iter().collect::<Vec<_>>().join(";"),
            ]
        })
        .collect();
    to_csv("orgs", &["org", "org_id", "talks", "first_date", "last_date", "tools"], rows)
}

/// One row per migration, with its evidence sentence.
pub fn migrations(corpus: &Corpus) -> Result<Vec<u8>, ExportError> {
    migrations_csv(migration_rows(corpus))
}

/// `migrations.csv` of `rows` ([`migration_rows`]).
pub fn migrations_csv(rows: Vec<Vec<String>>) -> Result<Vec<u8>, ExportError> {
    to_csv("migrations", &["talk_id", "from", "to", "line", "evidence"], rows)
}

/// The rows of `migrations.csv` for the migrations of `corpus`.
pub fn migration_rows(corpus: &Corpus) -> Vec<Vec<String>> {
    corpus
        .migrations
        .iter()
        .filter_map(|m| {
            let entry = corpus.talks.get(m.talk as usize)?;
            let text = corpus.file(entry.file)?.text.get(m.evidence.clone())?;
            Some(vec![
                corpus.talk_id(entry),
                tool_names(corpus, m.from).0,
                tool_names(corpus, m.to).0,
                m.line.to_string(),
                text.trim().to_owned(),
            ])
        })
        .collect()
}

/// Ranked candidate names missing from the catalog.
pub fn suggestions(corpus: &Corpus) -> Result<Vec<u8>, ExportError> {
    suggestions_csv(suggestions::suggest_from(&corpus.catalog, passages(corpus, 0), SUGGESTION_LIMIT))
}

/// Every passage of `corpus` as (talk number plus `talk_offset`, text), in talk order: what
/// suggestions are counted over.
pub fn passages(corpus: &Corpus, talk_offset: u32) -> impl ParallelIterator<Item = (u32, &str)> {
    corpus.talks.par_iter().enumerate().flat_map_iter(move |(index, entry)| {
        let text = corpus.file(entry.file).map_or("", |f| f.text.as_str());
        let index = u32::try_from(index).unwrap_or(u32::MAX).saturating_add(talk_offset);
        entry.talk.passages.iter().filter_map(move |p| Some((index, text.get(p.range.clone())?)))
    })
}

/// `suggestions.csv` of `ranked`.
pub fn suggestions_csv(ranked: Vec<suggestions::Suggestion>) -> Result<Vec<u8>, ExportError> {
    let rows = ranked
        .into_iter()
        .map(|s| vec![s.text, s.shape.as_str().to_owned(), s.talks.to_string(), s.occurrences.to_string()])
        .collect();
    to_csv("suggestions", &["candidate", "shape", "talks", "occurrences"], rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows are put together from fields written one by one: each must come out as the `csv`
    /// crate writes it in a record, quoted or not.
    #[test]
    fn fields_are_written_as_the_csv_crate_writes_them_in_a_record() {
        #[rustfmt::skip]
        let fields = [
            "", "plain", "中文", "a,b", "say \"hi\"", "\"", "line\nbreak", "carriage\rreturn",
            "逗号，全角", "trailing,", ",", "#comment", " spaced ", "tab\there",
        ];
        for first in fields {
            for second in fields {
                let mut ours = Vec::new();
                push_field(&mut ours, first).unwrap();
                ours.push(b',');
                push_field(&mut ours, second).unwrap();
                ours.push(b'\n');
                let mut theirs = csv::Writer::from_writer(Vec::new());
                theirs.write_record([first, second]).unwrap();
                assert_eq!(ours, theirs.into_inner().unwrap(), "{first:?} {second:?}");
            }
        }
    }

    /// Role and stance names go into rows as they are.
    #[test]
    fn role_and_stance_names_need_no_quotes() {
        use crate::parse::Role;
        let roles = [Role::Title, Role::Question, Role::Answer, Role::Body].map(role_name);
        let stances = crate::extract::Stance::ALL.map(crate::extract::Stance::as_str);
        for name in roles.into_iter().chain(stances) {
            let mut field = Vec::new();
            push_field(&mut field, name).unwrap();
            assert_eq!(field, name.as_bytes());
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{name}");
        }
    }
}
