//! Analyses on a small corpus where every number is known by hand, and on the embedded corpus
//! against straightforward independent computations.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::Corpus;
use stackradar::analysis::evidence::{Query, evidence};
use stackradar::analysis::graph::GraphOptions;
use stackradar::analysis::period::Granularity;
use stackradar::analysis::timeline::Measure;
use stackradar::analysis::{Analyses, Filter, Selection};
use stackradar::catalog::ToolId;
use stackradar::corpus::{LoadOptions, Source};
use stackradar::extract::Stance;
use stackradar::parse::Role;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

const SMALL: &str = "### 2018-03-01：阿里巴巴的容器实践\n\n> Q1：网络用什么？\n\nA：我们使用 Calico 和 Kubernetes。\n\n\
### 2018-06-01：腾讯的监控实践\n\n> Q1：监控方案？\n\nA：我们使用 Prometheus 和 Kubernetes。\n\n\
### 2019-02-01：京东的网络实践\n\n> Q1：网络插件？\n\nA：我们从 Flannel 迁移到 Calico。\n\n\
### 2019-05-01：美团的网络调研\n\n> Q1：有人用 Cilium 吗？\n\nA：我们在调研 Cilium。\n";

fn small() -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("qa.md"), SMALL).unwrap();
    Corpus::load(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default()).unwrap()
}

fn tool(corpus: &Corpus, id: &str) -> ToolId {
    corpus.catalog.tool_id(id).unwrap()
}

fn run(corpus: &Corpus, filter: &Filter) -> Analyses {
    let options = GraphOptions { min_support: 1, ..GraphOptions::default() };
    Analyses::run(corpus, filter, Granularity::Year, &options, &HashMap::new())
}

#[test]
fn the_small_corpus_extracts_what_the_hand_count_assumes() {
    let corpus = small();
    let found: BTreeSet<(u32, String, Stance)> = corpus
        .mentions
        .iter()
        .map(|m| (m.talk, corpus.catalog.tool(m.tool).unwrap().id.clone(), m.stance))
        .filter(|(_, _, s)| *s != Stance::Asked)
        .collect();
    let expected: BTreeSet<(u32, String, Stance)> = [
        (0, "calico", Stance::Uses),
        (0, "kubernetes", Stance::Uses),
        (1, "prometheus", Stance::Uses),
        (1, "kubernetes", Stance::Uses),
        (2, "flannel", Stance::MovedAway),
        (2, "calico", Stance::Uses),
        (3, "cilium", Stance::Evaluating),
    ]
    .into_iter()
    .map(|(t, id, s)| (t, id.to_owned(), s))
    .collect();
    assert_eq!(found, expected);
    let orgs: Vec<&str> = corpus.postings.talk_orgs.iter().map(|o| corpus.postings.org_name(o[0])).collect();
    assert_eq!(orgs, ["阿里巴巴", "腾讯", "京东", "美团"]);
}

#[test]
fn timeline_numbers_by_hand() {
    let corpus = small();
    let a = run(&corpus, &Filter::default());
    let tl = &a.timeline;
    assert_eq!(tl.periods.iter().map(ToString::to_string).collect::<Vec<_>>(), ["2018", "2019"]);
    assert_eq!(tl.talks, [2, 2]);
    assert_eq!(tl.sparse, [true, true], "fewer than 5 talks a year");
    let calico = tl.series_of(tool(&corpus, "calico")).unwrap();
    assert_eq!(calico.talks, [1, 1]);
    assert_eq!(calico.adopters, [1, 1]);
    assert_eq!(tl.values(calico, Measure::ShareOfTalks), [0.5, 0.5]);
    // Networking talks: 2018 T0; 2019 T2 and T3. Calico is in T0 and T2.
    assert_eq!(tl.values(calico, Measure::ShareInCategory), [1.0, 0.5]);
    let kubernetes = tl.series_of(tool(&corpus, "kubernetes")).unwrap();
    assert_eq!(kubernetes.talks, [2, 0]);
    assert_eq!(kubernetes.first_seen.unwrap().to_string(), "2018-03-01");
    assert_eq!(kubernetes.last_seen.unwrap().to_string(), "2018-06-01");
}

#[test]
fn cooccurrence_numbers_by_hand() {
    let corpus = small();
    let a = run(&corpus, &Filter::default());
    let g = &a.graph;
    assert_eq!(g.talk_count, 4);
    let edge = |x: &str, y: &str| {
        let (i, j) = (g.node_of(tool(&corpus, x)).unwrap(), g.node_of(tool(&corpus, y)).unwrap());
        g.edges.iter().find(|e| (e.a, e.b) == (i.min(j), i.max(j))).unwrap()
    };
    let ck = edge("calico", "kubernetes");
    assert_eq!((ck.talks.together, ck.qa_pairs), (1, 1));
    assert!((ck.talks.jaccard - 1.0 / 3.0).abs() < 1e-12);
    assert!((ck.talks.lift - 1.0).abs() < 1e-12);
    assert!(ck.talks.npmi.abs() < 1e-12);
    let cf = edge("calico", "flannel");
    // df 2 and 1, together 1 of 4: Jaccard 1/2, lift 2, NPMI ln 2 / ln 4 = 1/2.
    assert!((cf.talks.jaccard - 0.5).abs() < 1e-12);
    assert!((cf.talks.lift - 2.0).abs() < 1e-12);
    assert!((cf.talks.npmi - 0.5).abs() < 1e-12);
    assert_eq!(g.edges.len(), 3);
    assert_eq!(a.migrations, [(tool(&corpus, "flannel"), tool(&corpus, "calico"), 1)]);
}

#[test]
fn matrix_radar_and_evidence_by_hand() {
    let corpus = small();
    let a = run(&corpus, &Filter::default());
    let row = a.matrix.orgs.iter().position(|o| corpus.postings.org_name(*o) == "京东").unwrap();
    let col = |id| a.matrix.tools.iter().position(|t| *t == tool(&corpus, id)).unwrap();
    let flannel = a.matrix.cells[row][col("flannel")].unwrap();
    assert_eq!((flannel.talks, flannel.dominant()), (1, Stance::MovedAway));
    assert_eq!(a.matrix.cells[row][col("prometheus")], None);
    // Calico: used in 2 talks by 2 organisations: Trial.
    let calico = a.radar.iter().find(|b| b.tool == tool(&corpus, "calico")).unwrap();
    assert_eq!((calico.uses, calico.adopters, calico.ring), (2, 2, stackradar::analysis::radar::Ring::Trial));
    assert!(
        a.radar.iter().all(|b| b.tool != tool(&corpus, "cilium")),
        "one talk is below the radar's minimum"
    );
    let items = evidence(&corpus, &a.selection, &Query::Tool(tool(&corpus, "calico")), 10);
    let talks: Vec<u32> = items.iter().map(|i| i.talk).collect();
    assert_eq!(talks, [2, 0], "most recent first");
    let text = &corpus.files[0].text;
    assert!(items.iter().all(|i| i.highlights.iter().all(|h| &text[h.clone()] == "Calico")));
}

#[test]
fn filters_choose_talks_and_mentions() {
    let corpus = small();
    let cases: Vec<(Filter, usize, usize)> = vec![
        (Filter::default(), 4, 7),
        (Filter { from: "2019-01-01".parse().ok(), ..Filter::default() }, 2, 3),
        (Filter { technologies: ["kubernetes".to_owned()].into(), ..Filter::default() }, 2, 4),
        (Filter { organisations: ["京东".to_owned()].into(), ..Filter::default() }, 1, 2),
        (Filter { stances: [Stance::Uses].into(), ..Filter::default() }, 4, 5),
        (Filter { query: "监控".to_owned(), ..Filter::default() }, 1, 2),
    ];
    for (filter, talks, mentions) in cases {
        let selection = Selection::new(&corpus, &filter);
        let counted =
            corpus.mentions.iter().filter(|m| selection.has_mention(m) && m.stance != Stance::Asked).count();
        assert_eq!((selection.talk_count(), counted), (talks, mentions), "{filter:?}");
    }
}

static EMBEDDED: LazyLock<(Corpus, Analyses)> = LazyLock::new(|| {
    let corpus = Corpus::load(&Source::Embedded, &LoadOptions::default()).unwrap();
    let analyses = Analyses::run(
        &corpus,
        &Filter::default(),
        Granularity::Year,
        &GraphOptions::default(),
        &HashMap::new(),
    );
    (corpus, analyses)
});

#[test]
fn jaccard_and_npmi_agree_with_a_recount_from_the_mentions() {
    let (corpus, a) = &*EMBEDDED;
    let mut talks_of: BTreeMap<ToolId, BTreeSet<u32>> = BTreeMap::new();
    for m in &corpus.mentions {
        talks_of.entry(m.tool).or_default().insert(m.talk);
    }
    let n = corpus.talks.len() as f64;
    for e in &a.graph.edges {
        let (x, y) = (&talks_of[&a.graph.nodes[e.a].tool], &talks_of[&a.graph.nodes[e.b].tool]);
        let both = x.intersection(y).count() as f64;
        let jaccard = both / x.union(y).count() as f64;
        let p = |k: f64| k / n;
        let npmi = (p(both) / (p(x.len() as f64) * p(y.len() as f64))).ln() / -p(both).ln();
        assert!((e.talks.jaccard - jaccard).abs() < 1e-9);
        assert!((e.talks.npmi - npmi).abs() < 1e-9);
    }
    assert!(a.graph.edges.len() > 100);
}

#[test]
fn pagerank_and_modularity_agree_with_dense_recomputation() {
    let (_, a) = &*EMBEDDED;
    let g = &a.graph;
    let n = g.nodes.len();
    let mut w = vec![vec![0.0f64; n]; n];
    for e in g.edges.iter().filter(|e| e.weight > 0.0) {
        w[e.a][e.b] += e.weight;
        w[e.b][e.a] += e.weight;
    }
    let strength: Vec<f64> = w.iter().map(|row| row.iter().sum()).collect();
    // PageRank by the textbook dense iteration.
    let mut pr = vec![1.0 / n as f64; n];
    for _ in 0..5000 {
        let dangling: f64 = (0..n).filter(|&j| strength[j] == 0.0).map(|j| pr[j]).sum();
        let next: Vec<f64> = (0..n)
            .map(|i| {
                let inflow: f64 =
                    (0..n).filter(|&j| strength[j] > 0.0).map(|j| pr[j] * w[j][i] / strength[j]).sum();
                0.15 / n as f64 + 0.85 * (inflow + dangling / n as f64)
            })
            .collect();
        let change: f64 = pr.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        pr = next;
        if change < 1e-15 {
            break;
        }
    }
    for (i, (ours, theirs)) in g.centrality.pagerank.iter().zip(&pr).enumerate() {
        assert!((ours - theirs).abs() < 1e-9, "node {i}: {ours} vs {theirs}");
    }
    // Modularity: (1/2m) Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j).
    let two_m: f64 = strength.iter().sum();
    let mut q = 0.0;
    for i in 0..n {
        for j in 0..n {
            if g.nodes[i].community == g.nodes[j].community {
                q += w[i][j] - strength[i] * strength[j] / two_m;
            }
        }
    }
    q /= two_m;
    assert!((g.modularity - q).abs() < 1e-9, "{} vs {q}", g.modularity);
    assert!(q > 0.0);
}

#[test]
fn network_files_parse_and_keep_chinese_labels() {
    let (corpus, a) = &*EMBEDDED;
    let gexf = stackradar::export::network::gexf(corpus, a);
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    let nodes: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("node")).collect();
    assert_eq!(nodes.len(), a.graph.nodes.len());
    let aliyun = nodes.iter().find(|n| n.attribute("id") == Some("aliyun")).expect("aliyun in the network");
    let zh = aliyun
        .descendants()
        .find(|n| n.attribute("for") == Some("label_zh"))
        .and_then(|n| n.attribute("value"));
    assert_eq!(zh, Some("阿里云"));
    let graphml = stackradar::export::network::graphml(corpus, a);
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("edge")).count(), a.graph.edges.len());
    assert!(graphml.contains(">阿里云<"));
}

#[test]
fn layout_and_communities_are_deterministic() {
    let (corpus, a) = &*EMBEDDED;
    let again = Analyses::run(
        corpus,
        &Filter::default(),
        Granularity::Year,
        &GraphOptions::default(),
        &HashMap::new(),
    );
    assert_eq!(a.graph, again.graph);
}

#[test]
fn precomputed_talk_summaries_agree_with_summaries_of_the_mentions() {
    // Naming every role and every stance selects the same mentions as no condition, but takes
    // the path that summarises mentions one by one instead of reading the snapshot's summaries.
    let (corpus, fast) = &*EMBEDDED;
    let every = Filter {
        roles: [Role::Title, Role::Question, Role::Answer, Role::Body].into(),
        stances: Stance::ALL.into(),
        ..Filter::default()
    };
    let slow = run(corpus, &every);
    assert_eq!(fast.timeline.series, slow.timeline.series);
    assert_eq!(fast.timeline.category_talks, slow.timeline.category_talks);
    assert_eq!(fast.matrix, slow.matrix);
    assert!(fast.timeline.series.iter().any(|s| s.adopters.iter().sum::<u32>() > 0));
    assert!(fast.matrix.cells.iter().flatten().flatten().any(|c| c.stances[0] > 0 && c.stances[4] > 0));
}

#[test]
fn stance_index_follows_the_order_of_all() {
    for (i, stance) in Stance::ALL.into_iter().enumerate() {
        assert_eq!(stance.index(), i, "{stance:?}");
    }
}
