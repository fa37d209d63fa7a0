//! Tables of cases for the matching rules, stance and migration cues (Chinese and English),
//! organisation attribution and suggestions.

#![allow(clippy::expect_used)] // a failed expectation is a failed test

use stackradar::catalog::Catalog;
use stackradar::extract::{Extractor, Stance, TalkFindings, suggestions};
use stackradar::parse;
use std::sync::OnceLock;

fn catalog() -> Catalog {
    Catalog::embedded().0
}

/// Building the DFA takes a moment in debug builds: once per test binary.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(&catalog()).expect("extractor"))
}

/// Runs extraction over a one-talk text: `### 2020-01-01：{title}` then `body`.
fn run(title: &str, body: &str) -> (String, TalkFindings, Catalog) {
    let text = format!("### 2020-01-01：{title}\n\n{body}\n");
    let catalog = catalog();
    let extractor = extractor();
    let parsed = parse::parse_file("t.md", &text);
    let talk = parsed.talks.first().expect("one talk");
    let found = extractor.talk(&text, talk, 0, None);
    (text, found, catalog)
}

fn tools_in(body: &str) -> Vec<String> {
    let (_, found, catalog) = run("Title", body);
    let mut ids: Vec<String> =
        found.mentions.iter().filter_map(|m| catalog.tool(m.tool)).map(|t| t.id.clone()).collect();
    ids.dedup();
    ids
}

#[test]
fn boundaries_aliases_and_context_rules() {
    let cases: &[(&str, &[&str])] = &[
        ("A：我们用k8s部署服务", &["kubernetes"]),
        ("A：K8S 和 kubectl 都可以", &["kubernetes"]),
        ("A：用 istioctl 注入", &["istio"]),
        ("A：监控用普罗米修斯", &["prometheus"]),
        ("A：备份用 mysqldump 就行", &[]),
        ("A：日志存到 ES 集群里", &["elasticsearch"]),
        ("A：我们用 go 语言开发", &["go"]),
        ("A：let's go home", &[]),
        ("A：Golang 写的", &["go"]),
        ("A：我在 Hong Kong 办公", &[]),
        ("A：网关用 Kong", &["kong"]),
        ("A：这个 node 节点挂了", &[]),
        ("A：java、maven、node 打包", &["java", "maven", "nodejs"]),
        ("A：我们用 Spring Cloud 和 SpringBoot", &["spring-cloud", "spring-boot"]),
        ("A：ELK 还是 EFK", &["elk", "efk"]),
        ("A：阿里云的 ACK 集群", &["aliyun", "aliyun-ack"]),
        ("A：TCP 的 ACK 包", &[]),
        ("A：开发语言是 C\\#", &["csharp"]),
        ("A：grep -C 查找上下文", &[]),
    ];
    for (body, expected) in cases {
        assert_eq!(tools_in(body), *expected, "{body}");
    }
}

#[test]
fn es_in_a_cqrs_talk_is_event_sourcing() {
    let (_, found, catalog) = run("基于 Actor 模型的 CQRS/ES 解决方案", "A：ES 的快照怎么做");
    let es = catalog.tool_id("elasticsearch").expect("id");
    assert!(found.mentions.iter().all(|m| m.tool != es));
}

fn stance_of(body: &str, tool: &str) -> Stance {
    let (_, found, catalog) = run("Title", body);
    let id = catalog.tool_id(tool).expect("tool id");
    found.mentions.iter().find(|m| m.tool == id).map(|m| m.stance).expect("mention")
}

#[test]
fn stance_cues_in_both_languages() {
    let cases: &[(&str, &str, Stance)] = &[
        ("> Q：有人用 Cilium 吗？\n\nA：没有", "cilium", Stance::Asked),
        ("A：我们用 Calico 做网络", "calico", Stance::Uses),
        ("A：目前采用 Istio", "istio", Stance::Uses),
        ("A：基于 Kafka 做的", "kafka", Stance::Uses),
        ("A：Harbor 已经上线了", "harbor", Stance::Uses),
        ("A：we run Kafka in production", "kafka", Stance::Uses),
        ("A：还在调研 Linkerd", "linkerd", Stance::Evaluating),
        ("A：我们在考虑 Cilium", "cilium", Stance::Evaluating),
        ("A：Loki 测试中", "loki", Stance::Evaluating),
        ("A：we are evaluating Linkerd", "linkerd", Stance::Evaluating),
        ("A：我们弃用了 Flannel", "flannel", Stance::MovedAway),
        ("A：we abandoned Mesos", "mesos", Stance::MovedAway),
        ("A：没有用 Helm", "helm", Stance::Neutral),
        ("A：Helm 是一个包管理工具", "helm", Stance::Neutral),
    ];
    for (body, tool, expected) in cases {
        assert_eq!(stance_of(body, tool), *expected, "{body}");
    }
}

#[test]
fn migrations_in_both_languages() {
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        ("A：我们从 Flannel 迁移到 Calico 了", Some(("flannel", "calico"))),
        ("A：后来把 ELK 换成 Loki", Some(("elk", "loki"))),
        ("A：用 Calico 替换了 Flannel", Some(("flannel", "calico"))),
        ("A：Zabbix 被 Prometheus 取代了", Some(("zabbix", "prometheus"))),
        ("A：we replaced Zabbix with Prometheus", Some(("zabbix", "prometheus"))),
        ("A：we moved from Mesos to Kubernetes last year", Some(("mesos", "kubernetes"))),
        ("A：Calico 和 Flannel 都可以", None),
    ];
    for (body, expected) in cases {
        let (_, found, catalog) = run("Title", body);
        let got = found.migrations.first().map(|m| {
            let id = |t| catalog.tool(t).map(|x| x.id.clone()).unwrap_or_default();
            (id(m.from), id(m.to))
        });
        let expected = expected.map(|(a, b)| (a.to_owned(), b.to_owned()));
        assert_eq!(got, expected, "{body}");
        if let Some(m) = found.migrations.first() {
            let from = found.mentions.iter().find(|x| x.tool == m.from).expect("from mention");
            assert_eq!(from.stance, Stance::MovedAway, "{body}");
        }
    }
}

#[test]
fn organisations_from_titles_and_credit_lines() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("谊品生鲜如何从零开始快速打造 CI/CD 流水线", "", &["谊品生鲜"]),
        ("蔚来汽车的 Kubernetes 实践", "", &["蔚来汽车"]),
        ("91APP 的容器化之路", "", &["91APP"]),
        ("eBay Kubernetes 集群的存储实践", "", &["eBay"]),
        ("某某集团基于 OpenShift 的容器化平台", "", &["某某集团"]),
        ("打造百亿级数据处理量的弹性调度容器平台", "", &[]),
        ("树莓派上的 Docker 集群管理", "", &[]),
        ("Kubernetes 在 AI 平台的落地实践", "", &[]),
        (
            "Kubernetes 健康检查策略",
            "以上内容根据微信群分享内容整理。分享人**张三，网宿科技云计算架构师",
            &["网宿科技"],
        ),
        ("任务云框架", "分享人李四，沪江 Java 工程师，开源框架作者", &["沪江"]),
        ("平台实践", "分享人王五，七牛云布道师", &["七牛云"]),
    ];
    for (title, body, expected) in cases {
        let (_, found, _) = run(title, body);
        let names: Vec<&str> = found.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, *expected, "{title} / {body}");
    }
}

#[test]
fn suggestions_find_and_rank_unknown_names() {
    let shapes: &[(&str, &[(&str, suggestions::Shape)])] = &[
        (
            "用 KubeSphere 和 TKE",
            &[("KubeSphere", suggestions::Shape::CamelCase), ("TKE", suggestions::Shape::Acronym)],
        ),
        ("看 https://shimo.im/docs 和 values.yaml", &[("https", suggestions::Shape::Latin)]),
        ("我们的“天穹”平台", &[("天穹", suggestions::Shape::ChineseQuoted)]),
    ];
    for (text, expected) in shapes {
        assert_eq!(suggestions::candidates(text), *expected, "{text}");
    }
    let catalog = catalog();
    let passages =
        [(0, "FooMesh 很好 Calico the"), (1, "FooMesh 和 barthing"), (2, "barthing barthing barthing")];
    let ranked = suggestions::suggest(&catalog, passages.into_iter(), 10);
    let texts: Vec<&str> = ranked.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["FooMesh", "barthing"]);
}
