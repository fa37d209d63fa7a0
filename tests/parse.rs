//! Segmentation: front matter, talks, Q&A pairs and dates, one table of cases per rule.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::ProblemKind;
use stackradar::parse::dates::{self, DateError, DateSource};
use stackradar::parse::{ParsedFile, Role, front_matter, parse_file, qa};

fn date(s: &str) -> Option<jiff::civil::Date> {
    Some(s.parse().unwrap())
}

fn texts<'a>(text: &'a str, parsed: &ParsedFile, talk: usize, role: Role) -> Vec<&'a str> {
    parsed.talks[talk].passages.iter().filter(|p| p.role == role).map(|p| &text[p.range.clone()]).collect()
}

#[test]
fn front_matter_cases() {
    struct Case {
        text: &'static str,
        title: Option<&'static str>,
        date: Option<&'static str>,
        tags: &'static [&'static str],
        error: bool,
    }
    let cases = [
        Case {
            text: "---\ntitle: \"Weekly 08\"\ndate: 2022-04-03T14:31:10+08:00\ntags:\n- kubernetes\n- docker\n---\nbody",
            title: Some("Weekly 08"),
            date: Some("2022-04-03T14:31:10+08:00"),
            tags: &["kubernetes", "docker"],
            error: false,
        },
        Case {
            text: "---\ntitle: k8s 学习杂记\ntag: kubernetes, QA\n---\n",
            title: Some("k8s 学习杂记"),
            date: None,
            tags: &["kubernetes", "QA"],
            error: false,
        },
        Case {
            text: "---\ntitle: (2000+) kubernetes 社群分享 QA 汇总\ndate: 2019-12-04\nslug:\ntag:\n  - kubernetes\n---\n",
            title: Some("(2000+) kubernetes 社群分享 QA 汇总"),
            date: Some("2019-12-04"),
            tags: &["kubernetes"],
            error: false,
        },
        Case {
            // Invalid YAML (unbalanced quote, tab indentation): read line by line instead.
            text: "---\ntitle: \"broken: yes\ndate: 2021-01-02\n\t- x: [\n---\nbody",
            title: Some("\"broken: yes"),
            date: Some("2021-01-02"),
            tags: &[],
            error: true,
        },
        Case {
            text: "---\ntitle: never closed\ndate: 2021-01-02\nbody without end",
            title: Some("never closed"),
            date: Some("2021-01-02"),
            tags: &[],
            error: true,
        },
    ];
    for case in &cases {
        let block =
            front_matter::split(case.text).unwrap_or_else(|| panic!("front matter in {:?}", case.text));
        assert_eq!(block.front_matter.title.as_deref(), case.title, "{:?}", case.text);
        assert_eq!(block.front_matter.date.as_deref(), case.date, "{:?}", case.text);
        assert_eq!(block.front_matter.tags, case.tags, "{:?}", case.text);
        assert_eq!(block.error.is_some(), case.error, "{:?}", case.text);
    }
    for not_front_matter in
        ["no front matter", "---\njust a rule, never closed\n", "text\n---\ntitle: x\n---\n"]
    {
        assert_eq!(front_matter::split(not_front_matter), None, "{not_front_matter:?}");
    }
}

#[test]
fn broken_front_matter_is_a_problem_and_the_file_still_loads() {
    let text = "---\ntitle: \"oops\n  : : [\n---\n# Heading\n\n> Q1：有人用 Cilium 吗？\n\nA：我们用。\n";
    let parsed = parse_file("notes/broken.md", text);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].kind, ProblemKind::FrontMatter);
    assert_eq!(parsed.talks.len(), 1);
    assert_eq!(parsed.talks[0].qa_pairs(), 1);
}

#[test]
fn dated_heading_variants_start_talks() {
    let cases: &[(&str, &str, &str)] = &[
        ("### 2020-06-02：谊品生鲜如何从零开始", "2020-06-02", "谊品生鲜如何从零开始"),
        (
            "### 2019-12-18:：Open Policy Agent 在 Kubernetes 中的应用",
            "2019-12-18",
            "Open Policy Agent 在 Kubernetes 中的应用",
        ),
        ("### 2020-01-02 ：为你写诗", "2020-01-02", "为你写诗"),
        ("### 2020-01-02: half-width colon", "2020-01-02", "half-width colon"),
        ("## 2018/06/11 slashes, no colon", "2018-06-11", "slashes, no colon"),
        ("###2017-3-5：no space, short month", "2017-03-05", "no space, short month"),
        ("# 2016年4月7日：中文日期", "2016-04-07", "中文日期"),
        ("### 2020-06-02 - dash", "2020-06-02", "dash"),
    ];
    for (heading, day, title) in cases {
        let text = format!("preamble\n\n{heading}\n\n> Q1：question?\n\nA：answer.\n");
        let parsed = parse_file("x.md", &text);
        assert_eq!(parsed.talks.len(), 1, "{heading}");
        let talk = &parsed.talks[0];
        assert_eq!((talk.date, talk.date_source), (date(day), DateSource::Heading), "{heading}");
        assert_eq!(talk.title, *title, "{heading}");
        assert_eq!(talk.line, 3);
        assert_eq!(texts(&text, &parsed, 0, Role::Title), [*title]);
    }
}

#[test]
fn collection_preamble_is_not_a_talk_and_talks_end_at_the_next_one() {
    let text = "---\ntitle: QA 汇总\ndate: 2019-12-04\n---\n\n### README\n\nintro\n\n\
### 2020-06-02：first\n\n> Q1：q one\n\nA：a one\n\n> Q2：q two\n\nA：a two\n\n\
### 2020-05-19：second\n\n> Q：q three\n\nA：a three\n\n## Appendix\n\nnot part of any talk\n";
    let parsed = parse_file("qa.md", text);
    let titles: Vec<_> = parsed.talks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["first", "second"]);
    assert_eq!(parsed.talks.iter().map(|t| t.qa_pairs()).collect::<Vec<_>>(), [2, 1]);
    assert!(
        !text[parsed.talks[1].range.clone()].contains("Appendix"),
        "a higher-level heading ends the talk"
    );
    assert_eq!(parsed.talks[1].index_in_file, 1);
}

#[test]
fn question_and_answer_marker_variants() {
    let questions = [
        "> Q1：x",
        "> Q：x",
        "> Q: x",
        "Q:x",
        "Q1：x",
        "问：x",
        "问题2：x",
        "> - Q：x",
        "> - Q x",
        ">> Q：x",
        "> Q7-0.1  x",
        "Question 3: x",
        "**Q:** x",
    ];
    for line in questions {
        assert!(qa::question_start(line).is_some(), "{line} starts a question");
    }
    let answers = ["A：x", "A:x", "A1：x", "答：x", "Answer: x", "> A：x", "**A:** x"];
    for line in answers {
        assert!(qa::answer_start(line).is_some(), "{line} starts an answer");
    }
    let neither =
        ["Q&A session", "QPS is high", "A quick note", "Answering machines", "问题很多", "AQS 源码"];
    for line in neither {
        assert!(qa::question_start(line).is_none() && qa::answer_start(line).is_none(), "{line}");
    }
}

#[test]
fn answers_keep_their_paragraphs_and_follow_ups() {
    let text = "### 2020-01-01：t\n\n> Q1：first question\n> continues here\n\nA：first answer\n\nsecond paragraph\n\n补充：a follow-up\n\n\
> Q2：no marker answer\n\njust the answer text\n\n```\n> Q3：inside code\n```\n";
    let parsed = parse_file("x.md", text);
    assert_eq!(
        texts(text, &parsed, 0, Role::Question),
        ["first question\n> continues here", "no marker answer"]
    );
    let answers = texts(text, &parsed, 0, Role::Answer);
    assert_eq!(answers.len(), 2);
    assert!(answers[0].starts_with("first answer") && answers[0].ends_with("补充：a follow-up"));
    assert!(answers[1].starts_with("just the answer text") && answers[1].contains("Q3：inside code"));
    let numbers: Vec<_> = parsed.talks[0].passages.iter().filter_map(|p| p.qa_index).collect();
    assert_eq!(numbers, [1, 1, 2, 2]);
}

#[test]
fn body_paragraphs_are_passages() {
    let text = "# Title\n\npara one\nstill one\n\n## Section\n\npara two\n";
    let parsed = parse_file("n.md", text);
    assert_eq!(texts(text, &parsed, 0, Role::Body), ["para one\nstill one", "## Section", "para two"]);
}

#[test]
fn note_dates_come_from_front_matter_then_file_name_then_text() {
    let cases: &[(&str, &str, Option<&str>, DateSource)] = &[
        ("a.md", "---\ndate: 2022-04-03\n---\ntext 2019-01-01", Some("2022-04-03"), DateSource::FrontMatter),
        ("2019-12-04-notes.md", "text 2018-01-01", Some("2019-12-04"), DateSource::FileName),
        ("notes.md", "title\n\n2020年07月01日\n\nbody", Some("2020-07-01"), DateSource::Inferred),
        ("notes.md", "slides\n2018/06/11 23:45 ~ 2018/06/15", Some("2018-06-11"), DateSource::Inferred),
        ("notes.md", "talk given June 3, 2021 in Taipei", Some("2021-06-03"), DateSource::Inferred),
        ("notes.md", "on 3 June 2021", Some("2021-06-03"), DateSource::Inferred),
        // Chinese characters are word boundaries for English dates, as for technology names.
        ("notes.md", "分享于June 3, 2021在台北", Some("2021-06-03"), DateSource::Inferred),
        ("notes.md", "时间：3 June 2021。", Some("2021-06-03"), DateSource::Inferred),
        ("notes.md", "codeJune 3, 2021", None, DateSource::None),
        ("notes.md", "no date here, version 1.18.3, since 1842", None, DateSource::None),
    ];
    for (path, text, day, source) in cases {
        let talk = &parse_file(path, text).talks[0];
        assert_eq!((talk.date, talk.date_source), (day.and_then(date), *source), "{path}: {text}");
    }
}

#[test]
fn note_titles_follow_the_documented_order() {
    let cases: &[(&str, &str, &str)] = &[
        ("a.md", "---\ntitle: From Front Matter\n---\n# Heading\n", "From Front Matter"),
        ("a.md", "# Heading Title\n\ntext", "Heading Title"),
        ("a.md", "技术\n\n架构\n\n对容器云平台的理解\n\n2020年07月01日\n\n正文", "对容器云平台的理解"),
        ("a.md", "\n微服務化的 K8S 修鍊之路\n\n91APP\n", "微服務化的 K8S 修鍊之路"),
        ("dir/my-notes.txt", "", "my-notes"),
    ];
    for (path, text, title) in cases {
        assert_eq!(parse_file(path, text).talks[0].title, *title, "{text:?}");
    }
}

#[test]
fn talk_tagged_headings_yield_talks_besides_the_note() {
    let text = "---\ntitle: Weekly 08\ndate: 2022-04-03\n---\n# Link\n\nlink text\n\n# Meeting\n\n## [Talk] 高併發\n\n> 用 淘寶的雙 11 做範例\n\nmonitoring\n\n# After\n\nmore\n";
    let parsed = parse_file("w.md", text);
    let titles: Vec<_> = parsed.talks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Weekly 08", "高併發"]);
    assert_eq!(parsed.talks[1].date, date("2022-04-03"));
    let note_text: Vec<_> = texts(text, &parsed, 0, Role::Body);
    assert!(
        !note_text.iter().any(|t| t.contains("monitoring")),
        "the talk's text is not counted again in the note"
    );
    assert!(note_text.contains(&"more"), "the note resumes after the talk");
}

#[test]
fn impossible_and_implausible_dates_are_problems() {
    let cases: &[(&str, bool)] = &[
        ("0000-00-00", false),
        ("2020-02-30", false),
        ("2019-13-01", false),
        ("9999-01-01", true),
        ("1900-01-01", true),
    ];
    for (written, real) in cases {
        let found = dates::dates_in(written);
        assert_eq!(found.len(), 1, "{written}");
        match &found[0].0 {
            Err(DateError::Impossible(_)) => assert!(!real, "{written}"),
            Err(DateError::Implausible(_)) => assert!(real, "{written}"),
            Ok(d) => panic!("{written} accepted as {d}"),
        }
        let text = format!("### {written}：a talk\n\nbody\n");
        let parsed = parse_file("x.md", &text);
        assert_eq!(parsed.talks.len(), 1, "still a talk, undated");
        assert_eq!(parsed.talks[0].date, None);
        assert_eq!(parsed.problems[0].kind, ProblemKind::BadDate);
    }
}

#[test]
fn dates_inside_longer_numbers_are_not_dates() {
    for text in ["12020-01-01", "2020-01-011", "id 202001010"] {
        assert!(dates::first_date_in(text).is_none(), "{text}");
    }
}

#[test]
fn headings_and_questions_inside_code_fences_are_ignored() {
    let text = "# Note\n\n```bash\n# 2020-01-01: not a talk\nQ: not a question\n```\n";
    let parsed = parse_file("n.md", text);
    assert_eq!(parsed.talks.len(), 1);
    assert_eq!(parsed.talks[0].title, "Note");
    assert_eq!(parsed.talks[0].qa_pairs(), 0);
}
