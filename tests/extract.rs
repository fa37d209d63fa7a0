//! Tables of cases for the matching rules, stance and migration cues (Chinese and English),
//! organisation attribution and suggestions.

#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)] // a failed expectation is a failed test

use rayon::prelude::*;
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

/// The bare automaton counts what the rules would reject too, and never panics on a range
/// that is not in the text.
#[test]
fn raw_match_count_ignores_the_rules() {
    let matcher = &extractor().matcher;
    #[rustfmt::skip]
    let cases: &[(&str, std::ops::Range<usize>, usize)] = &[
        ("kafka and redis", 0..15, 2),
        ("kafka and redis", 0..5, 1),
        ("kafka and redis", 6..9, 0),
        // `kafka` inside a word: the rules reject it, the automaton does not.
        ("mykafka", 0..7, 1),
        ("kafka", 0..99, 0),
        #[allow(clippy::reversed_empty_ranges)] // a backwards range is what the case is about
        ("kafka", 4..2, 0),
    ];
    for (text, range, want) in cases {
        assert_eq!(matcher.count_raw_matches(text, std::slice::from_ref(range)), *want, "{text:?} {range:?}");
        let found = tools_in(text).len();
        assert!(
            found <= matcher.count_raw_matches(text, std::slice::from_ref(&(0..text.len()))),
            "{text:?}: {found} mentions"
        );
    }
    // Several passages at once: each counted on its own.
    assert_eq!(matcher.count_raw_matches("kafka and redis", &[0..5, 10..15, 0..15, 99..100]), 4);
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
        ("A：我们从 Flannel 迁移到了 Calico", Some(("flannel", "calico"))),
        ("A：Kubernetes 替换了原来的 Mesos", Some(("mesos", "kubernetes"))),
        ("A：后来用 Consul 来代替 ZooKeeper", Some(("zookeeper", "consul"))),
        ("A：Flannel 替换为 Calico", Some(("flannel", "calico"))),
        ("A：we switched from Docker to containerd", Some(("docker", "containerd"))),
        ("A：we migrated Jenkins to GitLab CI", Some(("jenkins", "gitlab-ci"))),
        // Near misses: the replacement word does not connect the two names.
        ("A：装 Helm 可以用别的来代替，例如 Azure 上的工具", None),
        ("A：Jenkins 迁移到新机房后，GitLab 也要升级", None),
        ("A：Nginx 不能代替 Kong", None),
        ("A：可以用 Consul 替换 ZooKeeper", None),
        ("A：如果将 Flannel 替换成 Calico 会怎样", None),
        ("A：要么将 GitLab 迁移到 Gerrit，要么不用", None),
        ("A：Docker 和很多其他东西后来都慢慢被替换掉了 Kubernetes", None),
        ("A：from Docker to Kubernetes we learned a lot", None),
        ("A：we use Docker with Kubernetes", None),
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
        ("汇通集团基于 OpenShift 的容器化平台", "", &["汇通集团"]),
        // Anonymous on purpose: no organisation is named.
        ("某股份制商业银行定制化 PaaS 介绍", "", &[]),
        ("国内某大型酒店管理集团基于 Kubernetes 的实践", "", &[]),
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
fn suggestions_prefer_product_shapes_over_dictionary_words() {
    let shapes: &[(&str, &[(&str, suggestions::Shape)])] = &[
        (
            "用 k3s 和 log4j",
            &[("k3s", suggestions::Shape::Versioned), ("log4j", suggestions::Shape::Versioned)],
        ),
        ("Docker+Kubernetes 方案", &[]),
    ];
    for (text, expected) in shapes {
        assert_eq!(suggestions::candidates(text), *expected, "{text}");
    }
    let catalog = catalog();
    let passages = [
        (0, "overlay gateway Gateway STATUS NodePort FooMesh zork9 IPs barthing"),
        (1, "overlay gateway Gateway STATUS NodePort FooMesh zork9 IPs barthing"),
    ];
    let ranked = suggestions::suggest(&catalog, &passages, 10);
    let got: Vec<(&str, suggestions::Shape)> = ranked.iter().map(|s| (s.text.as_str(), s.shape)).collect();
    assert_eq!(
        got,
        [
            ("FooMesh", suggestions::Shape::CamelCase),
            ("zork9", suggestions::Shape::Versioned),
            ("NodePort", suggestions::Shape::Compound),
            ("barthing", suggestions::Shape::Latin),
        ]
    );
}

/// Regression: a word seen first as a dictionary word and only later in a product's shape was
/// counted from the later spellings once words' look-ups were kept between passages.
#[test]
fn suggestions_count_a_dictionary_word_only_where_written_as_a_name() {
    let catalog = catalog();
    // Enough passages that the tally is split between threads and merged.
    let texts: Vec<String> = (0..64)
        .map(|talk| match talk {
            0..32 => "gateway GATEWAY Docker1.9 docker".to_owned(),
            32..48 => "GateWay gateway Gatewayy".to_owned(),
            _ => "GATEWAY GateWay".to_owned(),
        })
        .collect();
    let passages: Vec<(u32, &str)> = texts.iter().enumerate().map(|(i, t)| (i as u32, t.as_str())).collect();
    let expected =
        [("GateWay", suggestions::Shape::CamelCase, 32, 32), ("Gatewayy", suggestions::Shape::Latin, 16, 16)];
    let got = |ranked: Vec<suggestions::Suggestion>| -> Vec<(String, suggestions::Shape, usize, usize)> {
        ranked.into_iter().map(|s| (s.text, s.shape, s.talks, s.occurrences)).collect()
    };
    let expected: Vec<_> = expected.iter().map(|&(t, s, a, b)| (t.to_owned(), s, a, b)).collect();
    assert_eq!(got(suggestions::suggest(&catalog, &passages, 10)), expected, "in one tally");
    // Tallied in two batches, as the report does: the first sees the word only as a dictionary
    // word.
    let suggester = suggestions::Suggester::new(&catalog);
    let (first, later) = passages.split_at(32);
    let tally = suggester.tally(first.par_iter().copied()).then(suggester.tally(later.par_iter().copied()));
    assert_eq!(got(suggester.rank(tally, 10)), expected, "in two batches");
}

#[test]
fn organisations_from_title_patterns() {
    let cases: &[(&str, &[&str])] = &[
        // A name followed directly by the talk's subject.
        ("酷家乐服务网格与 Serverless 落地情况", &["酷家乐"]),
        ("荔枝运维平台容器化实践", &["荔枝"]),
        ("聚美优品云平台实践", &["聚美优品"]),
        // A name, then the subject in Latin letters, in a report of practice.
        ("房多多 Service Mesh 实践", &["房多多"]),
        ("华尔街见闻 Istio 生产实践", &["华尔街见闻"]),
        ("猪八戒网 DevOps 容器云与流水线", &["猪八戒网"]),
        ("白话 Kubernetes 网络", &[]),
        ("搭建企业私有 Docker Registry 实战分享", &[]),
        ("小型公司 DevOps 落地实践案例", &[]),
        // `X 的 <technology>` only: `度量驱动的 DevOps` is a phrase.
        ("暴走漫画的 Docker 实践", &["暴走漫画"]),
        ("度量驱动的 DevOps 转型", &[]),
        ("对容器云平台的理解", &[]),
        ("智能工厂的容器云实践", &[]),
        // Known companies (banks, carriers, vendors) at the start, with their other names.
        ("民生银行容器平台建设", &["民生银行"]),
        ("新华三的 SDN 实践", &["新华三"]),
        ("H3C 如何做网络自动化", &["H3C"]),
        // A leading Latin name that is no technology.
        ("PPmoney 基于 Kubernetes 的 DevOps 实践", &["PPmoney"]),
        ("TalkingData 的 Spark On Kubernetes 实践", &["TalkingData"]),
        ("Jenkins X：基于 Kubernetes 的 Serverless Jenkins", &[]),
        ("Docker 的另类用法", &[]),
        ("DBaaS 在金融生产环境的落地实践", &[]),
        // The place of a practice.
        ("Kubernetes 在智联招聘内网的应用场景", &["智联招聘"]),
        ("Kubernetes 在本来生活网的落地实践", &["本来生活网"]),
        ("Kubernetes 在 SHAREit 的落地实战", &["SHAREit"]),
        ("Docker 在沪江落地的实践", &["沪江"]),
        ("Docker 在 B 站的实施之路", &["B 站"]),
        ("Kubernetes 在边缘计算领域的发展", &[]),
        ("Open Policy Agent 在 Kubernetes 中的应用", &[]),
        ("Docker 在测试中的应用", &[]),
        ("基于 OVS 自研容器网络插件在金融类企业的落地实践", &[]),
        ("Volcano 介绍及其在深度学习场景下的应用", &[]),
        ("在项目实践中，如何进行容器化改造", &[]),
    ];
    for (title, expected) in cases {
        let (_, found, _) = run(title, "");
        let names: Vec<&str> = found.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, *expected, "{title}");
    }
}

#[test]
fn organisations_from_credit_lines() {
    let cases: &[(&str, &[&str])] = &[
        ("分享人**崔某：东方国信容器云技术负责人，主要负责平台的架构", &["东方国信"]),
        ("分享人**王某，十年运维老兵，现担任有赞运维平台负责人", &["有赞"]),
        ("分享人**林某，2014 年加入配族研发中心，任运维架构师", &["配族"]),
        ("分享人赵某，来自城云科技企业云事业部，从事咨询", &["城云科技"]),
        ("分享人**高某，就职于海航生态科技技术研究院", &["海航生态科技"]),
        ("分享人**姜某，花名某某，阿里云技术专家", &["阿里云"]),
        ("分享人**蒋某，[有容云](http://example.com/)高级咨询顾问", &["有容云"]),
        ("分享人**李某，PPTV 聚力传媒 DCOS 技术主要负责人", &["PPTV 聚力传媒"]),
        ("分享人**马某，中国移动通信有限公司研究院私有云项目经理", &["中国移动通信有限公司研究院"]),
        ("分享人**林某，GrowingIO 服务端研发工程师", &["GrowingIO"]),
        ("分享人**却某，一下科技运维工程师", &["一下科技"]),
        ("分享人**罗某，某传统金融 IT 架构师，关注 IaaS", &[]),
        ("分享人**陈某，资深开发工程师、全栈工程师", &[]),
        ("分享人**牛某，曾任 VMware 研发中心研发工程师，IBM 实验室高级技术专家", &[]),
        ("分享人**吾某，Kubernetes 社区 Member，毕业于上海交通大学", &[]),
        ("分享人**张某，初出茅庐在阿里巴巴口碑网，参与本地搜索业务研发工作", &[]),
    ];
    for (body, expected) in cases {
        let (_, found, _) = run("Title", body);
        let names: Vec<&str> = found.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, *expected, "{body}");
    }
}

#[test]
fn organisations_from_bodies_that_speak_of_their_own() {
    let cases: &[(&str, &[&str])] = &[
        ("> Q：京东的镜像存在哪里？\n\nA：registry 后端是京东自研的 JFS，京东的业务都用它。", &["京东"]),
        ("A：我们腾讯云的 VPC 打通了。腾讯云的网络用路由。腾讯云容器服务也一样。", &["腾讯云"]),
        // Mentions alone, or ownership said once in passing, name nobody.
        ("A：阿里云和腾讯云都可以，阿里云便宜，阿里云稳定。", &[]),
        ("A：在 Mesosphere 内部没有过时，Mesosphere 和 Mesosphere 社区都在维护。", &[]),
        ("A：京东自研的存储不错。", &[]),
    ];
    for (body, expected) in cases {
        let (_, found, _) = run("Title", body);
        let names: Vec<&str> = found.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, *expected, "{body}");
    }
}

#[test]
fn organisations_from_front_matter() {
    let cases: &[(&str, &[&str])] = &[
        ("company: 蔚来汽车", &["蔚来汽车"]),
        ("Company: \"eBay\"", &["eBay"]),
        ("organisation: 某某科技", &["某某科技"]),
        ("公司：有赞", &["有赞"]),
        ("author: 张三", &[]),
        ("company:", &[]),
    ];
    let extractor = extractor();
    for (front_matter, expected) in cases {
        let text = "### 2020-01-01：容器实践\n\nA：我们用 Docker。\n";
        let parsed = parse::parse_file("t.md", text);
        let talk = parsed.talks.first().expect("one talk");
        let found = extractor.talk(text, talk, 0, Some(front_matter));
        let names: Vec<&str> = found.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, *expected, "{front_matter}");
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
    let ranked = suggestions::suggest(&catalog, &passages, 10);
    let texts: Vec<&str> = ranked.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["FooMesh", "barthing"]);
}
