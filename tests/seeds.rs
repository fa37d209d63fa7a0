//! The embedded corpus read end to end: the talks and dates a careful reader finds in each seed.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::Corpus;
use stackradar::corpus::{LoadOptions, Source};
use stackradar::parse::{DateSource, Role};
use std::collections::BTreeSet;
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> =
    LazyLock::new(|| Corpus::load(&Source::Embedded, &LoadOptions::default()).unwrap());

fn talks_of(prefix: &str) -> Vec<&stackradar::index::TalkEntry> {
    CORPUS.talks.iter().filter(|t| CORPUS.file(t.file).unwrap().path.starts_with(prefix)).collect()
}

/// (title, date, where the date came from) of one talk.
type ExpectedTalk = (&'static str, Option<&'static str>, DateSource);

#[test]
fn notes_give_the_talks_and_dates_a_reader_would() {
    let cases: &[(&str, &[ExpectedTalk])] = &[
        (
            "000_",
            &[
                ("Weekly 08", Some("2022-04-03"), DateSource::FrontMatter),
                ("高併發", Some("2022-04-03"), DateSource::FrontMatter),
            ],
        ),
        ("001_", &[("微服務化的 K8S 修鍊之路", Some("2018-06-11"), DateSource::Inferred)]),
        ("002_", &[("k8s 学习杂记", None, DateSource::None)]),
        ("003_", &[("对容器云平台的理解", Some("2020-07-01"), DateSource::Inferred)]),
    ];
    for (prefix, expected) in cases {
        let got: Vec<_> = talks_of(prefix)
            .iter()
            .map(|t| (t.talk.title.as_str(), t.talk.date.map(|d| d.to_string()), t.talk.date_source))
            .collect();
        let expected: Vec<_> = expected.iter().map(|(t, d, s)| (*t, d.map(str::to_owned), *s)).collect();
        assert_eq!(got, expected, "{prefix}");
    }
}

#[test]
fn seed_004_has_its_225_dated_talks_with_their_heading_dates() {
    let talks = talks_of("004_");
    assert_eq!(talks.len(), 225);
    let file = CORPUS.file(talks[0].file).unwrap();
    // Independently of the parser: the first ten characters of every `### 2…` heading.
    let heading_dates: Vec<String> = file
        .text
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .filter(|h| h.starts_with('2'))
        .map(|h| h.chars().take(10).collect())
        .collect();
    let parsed: Vec<String> = talks.iter().map(|t| t.talk.date.unwrap().to_string()).collect();
    assert_eq!(parsed, heading_dates);
    assert!(talks.iter().all(|t| t.talk.date_source == DateSource::Heading));
    let (first, last) = CORPUS.date_range().unwrap();
    assert_eq!((first.year(), last.year()), (2015, 2022));
}

#[test]
fn every_quoted_question_line_of_seed_004_starts_one_qa_pair() {
    let talks = talks_of("004_");
    let file = CORPUS.file(talks[0].file).unwrap();
    let question_lines: BTreeSet<u32> = talks
        .iter()
        .flat_map(|t| t.talk.passages.iter().filter(|p| p.role == Role::Question).map(|p| p.line))
        .collect();
    let quoted: Vec<u32> = file
        .text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("> Q"))
        .map(|(i, _)| u32::try_from(i + 1).unwrap())
        .collect();
    assert_eq!(quoted.len(), 2382);
    let missing: Vec<_> = quoted.iter().filter(|l| !question_lines.contains(l)).collect();
    assert!(missing.is_empty(), "question lines not starting a pair: {missing:?}");
    let pairs: usize = talks.iter().map(|t| t.talk.qa_pairs()).sum();
    assert_eq!(pairs, question_lines.len(), "one pair per question line");
    // Each question has its answer.
    for talk in &talks {
        let questions = talk.talk.passages.iter().filter(|p| p.role == Role::Question).count();
        let answered: BTreeSet<_> =
            talk.talk.passages.iter().filter(|p| p.role == Role::Answer).filter_map(|p| p.qa_index).collect();
        assert!(
            answered.len() + 2 >= questions,
            "{}: {} of {questions} answered",
            talk.talk.title,
            answered.len()
        );
    }
}

#[test]
fn passages_point_into_their_file_text() {
    for entry in &CORPUS.talks {
        let text = &CORPUS.file(entry.file).unwrap().text;
        for passage in &entry.talk.passages {
            assert!(text.get(passage.range.clone()).is_some(), "{passage:?} is on character boundaries");
            assert!(entry.talk.range.start <= passage.range.start || passage.role == Role::Title);
        }
    }
}
