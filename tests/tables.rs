//! The report's CSV tables read back and checked against the corpus they describe: every
//! mention once and in order, and per-technology counts that count a talk once.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::Corpus;
use stackradar::corpus::{LoadOptions, Source};
use stackradar::export::tables;

fn load(files: &[(&str, String)]) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap()
}

fn records(csv: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(csv);
    let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

/// mentions.csv is formatted in parallel batches; rows must still come out once each, in
/// corpus order, across batch boundaries (the corpus holds several batches' worth).
#[test]
fn mentions_csv_keeps_corpus_order_across_parallel_batches() {
    let talk = |i: usize| {
        format!("### 2020-01-{:02}：第{i}讲\n\nA：我们使用 Calico 和 Flannel，还有 Kafka。\n\n", 1 + i % 28)
    };
    let files: Vec<(String, String)> =
        (0..12).map(|f| (format!("{f}.md"), (0..2_500).map(|i| talk(f * 10_000 + i)).collect())).collect();
    let files: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let corpus = load(&files);
    assert!(corpus.mentions.len() > tables::MENTION_BATCH, "{} mentions", corpus.mentions.len());

    let (header, rows) = records(&tables::mentions(&corpus).unwrap());
    assert_eq!(
        header.join(","),
        "talk_id,qa_index,role,tool,category,surface,stance,line,byte_start,byte_end"
    );
    assert_eq!(rows.len(), corpus.mentions.len());
    for (row, m) in rows.iter().zip(&corpus.mentions) {
        let entry = &corpus.talks[m.talk as usize];
        assert_eq!(row[0], corpus.talk_id(entry));
        assert_eq!(row[3], corpus.catalog.tool(m.tool).unwrap().id);
        assert_eq!(row[5], corpus.surface(m));
        assert_eq!(
            (row[8].parse::<usize>().unwrap(), row[9].parse::<usize>().unwrap()),
            (m.start as usize, m.end as usize)
        );
    }
}

/// mentions.csv is put together from fields written once per talk and technology; it must be
/// what the `csv` crate writes record by record, quotes and all (a file name with a comma and a
/// quote makes talk ids that need them).
#[test]
fn mentions_csv_is_what_the_csv_crate_writes() {
    let notes = "### 2019-03-01：蔚来汽车的容器实践\n\nQ：有人用 Cilium 吗？\nA：我们使用 Calico，后来换成 Cilium。\n\n\
                 ### 2020-05-02：网络\n\nA：我们用 Kafka, \"k8s\" 和 Istio。\n";
    let files = [
        ("\"quoted\" notes.md", notes.to_owned()),
        ("a,b.md", notes.to_owned()),
        ("plain.md", notes.to_owned()),
    ];
    let corpus = load(&files);
    assert!(corpus.mentions.len() >= 10, "{} mentions", corpus.mentions.len());
    let mut expected = csv::Writer::from_writer(Vec::new());
    expected.write_record(tables::MENTION_COLUMNS).unwrap();
    for m in &corpus.mentions {
        let tool = corpus.catalog.tool(m.tool).unwrap();
        let role = format!("{:?}", m.role).to_lowercase();
        expected
            .write_record([
                corpus.talk_id(&corpus.talks[m.talk as usize]),
                m.qa_index.map(|q| q.to_string()).unwrap_or_default(),
                role,
                tool.id.clone(),
                tool.category.as_str().to_owned(),
                corpus.surface(m).to_owned(),
                m.stance.as_str().to_owned(),
                m.line.to_string(),
                m.start.to_string(),
                m.end.to_string(),
            ])
            .unwrap();
    }
    let ours = tables::mentions(&corpus).unwrap();
    let text = String::from_utf8_lossy(&ours);
    assert!(text.contains("\"\"\"quoted\"\" notes.md#0\",") && text.contains("\"a,b.md#1\","), "{text}");
    assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(expected.into_inner().unwrap()).unwrap());
}

/// tools.csv counts a talk once however often it names a technology, and talks that name a
/// technology need not be neighbours.
#[test]
fn tools_csv_counts_talks_once_with_their_orgs_and_dates() {
    let notes = "### 2019-03-01：蔚来汽车的容器实践\n\nA：我们使用 Calico，Calico 很稳定。\n\n\
                 ### 2020-05-02：网络\n\nA：我们用 Kafka。\n\n\
                 ### 2021-07-03：谊品生鲜的 Calico 之路\n\nA：Calico 和 Kafka 都在用。\n";
    let corpus = load(&[("qa.md", notes.to_owned())]);
    let (header, rows) = records(&tables::tools(&corpus).unwrap());
    assert_eq!(header.join(","), "tool,name,category,talks,mentions,orgs,first_date,last_date");
    let row =
        |id: &str| rows.iter().find(|r| r[0] == id).unwrap_or_else(|| panic!("{id} in {rows:?}")).clone();
    let calico = row("calico");
    assert_eq!(&calico[3..], ["2", "4", "2", "2019-03-01", "2021-07-03"]);
    let kafka = row("kafka");
    assert_eq!(&kafka[3..], ["2", "2", "1", "2020-05-02", "2021-07-03"]);
    // Most talks first.
    assert!(rows.windows(2).all(|w| w[0][3].parse::<usize>().unwrap() >= w[1][3].parse::<usize>().unwrap()));
}
