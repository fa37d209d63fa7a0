//! A folder of mixed encodings and formats read end to end into one corpus.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::Corpus;
use stackradar::corpus::{DecodeMethod, LoadOptions, Source};

#[test]
fn mixed_encodings_and_formats_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let gbk = "### 2019-03-01：我们的容器平台实践\n\n> Q1：网络方案是什么？\n\nA：我们使用 Calico 作为网络插件，运行在生产环境。\n";
    write("gbk.md", &encoding_rs::GBK.encode(gbk).0);
    let big5 = "### 2018-05-03：微服務化的修鍊之路\n\n> Q：日誌怎麼收集？\n\nA：我們使用 EFK 收集容器日誌，效果很好。\n";
    write("big5.txt", &encoding_rs::BIG5.encode(big5).0);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("# UTF-16 note\n\nbody".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write("utf16.md", &utf16);
    write(
        "page.html",
        "<html><body><h1>网页笔记</h1><p>2021-02-03 记录：我们用 <b>Kubernetes</b>。</p></body></html>"
            .as_bytes(),
    );

    let corpus =
        Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap();
    let encodings: Vec<_> = corpus.files.iter().map(|f| (f.path.as_str(), f.encoding, f.method)).collect();
    assert_eq!(
        encodings,
        [
            ("big5.txt", "Big5", DecodeMethod::Detected),
            ("gbk.md", "GBK", DecodeMethod::Detected),
            ("page.html", "UTF-8", DecodeMethod::ValidUtf8),
            ("utf16.md", "UTF-16LE", DecodeMethod::Bom),
        ]
    );
    let titles: Vec<_> = corpus.talks.iter().map(|t| t.talk.title.as_str()).collect();
    assert_eq!(titles, ["微服務化的修鍊之路", "我们的容器平台实践", "网页笔记", "UTF-16 note"]);
    assert_eq!(corpus.qa_pairs(), 2);
    let html = &corpus.files[2].text;
    assert!(!html.contains("<b>") && html.contains("Kubernetes"), "HTML reduced to text: {html}");
    assert_eq!(corpus.talks[2].talk.date.map(|d| d.to_string()).as_deref(), Some("2021-02-03"));
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
}

#[test]
fn front_matter_company_attributes_the_talks_of_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "---\ntitle: 容器实践\ncompany: 蔚来汽车\n---\n### 2020-01-01：容器实践\n\nA：我们用 Docker。\n";
    std::fs::write(dir.path().join("talk.md"), text).unwrap();
    let corpus =
        Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap();
    let orgs: Vec<_> =
        corpus.talks.iter().flat_map(|t| t.orgs.iter().map(|o| (o.name.as_str(), o.source))).collect();
    assert_eq!(orgs, [("蔚来汽车", stackradar::extract::OrgSource::FrontMatter)]);
}

/// A note with a front-matter title and a first heading repeating it named its technologies
/// twice: once in the title (found inside the front matter) and again in the heading as body.
#[test]
fn a_heading_repeating_the_front_matter_title_is_not_counted_again() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("repeated.md", "---\ntitle: Kafka 实践\n---\n# Kafka 实践\n\n消息队列的经验。\n", 1),
        ("plain.md", "# Kafka 实践\n\n消息队列的经验。\n", 1),
        ("different.md", "---\ntitle: Kafka 实践\n---\n# 我们的 Kafka\n\n消息队列的经验。\n", 2),
    ];
    for (name, text, _) in cases {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let corpus =
        Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap();
    let kafka = corpus.catalog.tool_id("kafka").unwrap();
    for (name, _, expected) in cases {
        let talk = corpus.talks.iter().position(|t| corpus.files[t.file.0 as usize].path == name).unwrap();
        let mentions = corpus.talk_mentions(talk as u32).iter().filter(|m| m.tool == kafka).count();
        assert_eq!(mentions, expected, "{name}");
    }
}
