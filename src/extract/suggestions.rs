//! Names the catalog may be missing: Latin tokens (CamelCase and acronyms first), and Chinese
//! terms set in quotes or book-title marks, that occur often, in several talks, and are neither
//! catalog aliases nor common words. A list for a person to review, ranked.

use crate::catalog::Catalog;
use std::collections::{HashMap, HashSet};

/// What a candidate looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Mixed case inside the word: `KubeSphere`, `gRPC`.
    CamelCase,
    /// All capitals: `TKE`.
    Acronym,
    /// Any other Latin word: `harbor-ui`.
    Latin,
    /// A Chinese term in quotes or 《》: `“夜莺”`.
    ChineseQuoted,
}

impl Shape {
    /// How strongly the shape suggests a product name, for ranking.
    pub fn weight(self) -> usize {
        match self {
            Self::CamelCase => 4,
            Self::Acronym | Self::ChineseQuoted => 2,
            Self::Latin => 1,
        }
    }

    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CamelCase => "camel-case",
            Self::Acronym => "acronym",
            Self::Latin => "latin",
            Self::ChineseQuoted => "chinese-quoted",
        }
    }
}

/// A name worth adding to the catalog, perhaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The most common spelling seen first.
    pub text: String,
    /// Its shape.
    pub shape: Shape,
    /// Number of talks it occurs in.
    pub talks: usize,
    /// Number of occurrences.
    pub occurrences: usize,
}

/// Words that look like names but are not technologies: English, and generic computing terms
/// and Kubernetes object kinds.
const COMMON: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "this",
    "that",
    "are",
    "you",
    "not",
    "can",
    "but",
    "all",
    "use",
    "from",
    "have",
    "has",
    "was",
    "will",
    "one",
    "what",
    "how",
    "why",
    "when",
    "which",
    "there",
    "pod",
    "pods",
    "service",
    "services",
    "node",
    "nodes",
    "api",
    "apis",
    "http",
    "https",
    "tcp",
    "udp",
    "dns",
    "cpu",
    "gpu",
    "ip",
    "io",
    "url",
    "json",
    "xml",
    "yaml",
    "yml",
    "sdk",
    "cli",
    "ui",
    "app",
    "apps",
    "web",
    "devops",
    "paas",
    "iaas",
    "saas",
    "faas",
    "ci",
    "cd",
    "qps",
    "tps",
    "sla",
    "deployment",
    "statefulset",
    "daemonset",
    "configmap",
    "secret",
    "ingress",
    "namespace",
    "job",
    "crd",
    "hpa",
    "pvc",
    "pv",
    "cni",
    "csi",
    "cri",
    "oci",
    "rbac",
    "vm",
    "vms",
    "os",
    "db",
    "mq",
    "master",
    "worker",
    "cluster",
    "server",
    "client",
    "proxy",
    "agent",
    "operator",
    "controller",
    "container",
    "containers",
    "image",
    "images",
    "docker-compose",
    "version",
    "bug",
    "issue",
    "github",
    "com",
    "www",
    "org",
    "etc",
    "demo",
    "test",
    "log",
    "logs",
    "metrics",
    "label",
    "labels",
    "tag",
    "tags",
    "port",
    "host",
    "hosts",
    "ssd",
    "hdd",
    "ram",
    "nat",
    "vip",
    "lb",
    "ssl",
    "tls",
    "rpc",
    "rest",
    "restful",
    "sql",
    "nosql",
    "kv",
    "ops",
    "sre",
    "qa",
    "ok",
    "microservice",
    "microservices",
    "serverless",
    "mesh",
    "cloud",
    "native",
    "token",
    "key",
    "docs",
    "doc",
    "volume",
    "volumes",
    "registry",
    "readme",
    "branch",
    "file",
    "files",
    "data",
];

/// File and domain endings: `shimo.im`, `values.yaml` are addresses and files, not names.
const NOT_NAME_ENDINGS: &[&str] = &[
    ".com", ".cn", ".io", ".im", ".org", ".net", ".html", ".md", ".yml", ".yaml", ".json", ".sh", ".py",
    ".go", ".js", ".xml", ".conf", ".log", ".txt",
];

/// Ranks candidate names in `passages` (talk number, text), `limit` at most.
pub fn suggest<'a>(
    catalog: &Catalog,
    passages: impl Iterator<Item = (u32, &'a str)>,
    limit: usize,
) -> Vec<Suggestion> {
    let known: HashSet<String> = catalog
        .technologies()
        .iter()
        .flat_map(|t| t.match_forms().into_iter().map(|f| f.text.to_lowercase()))
        .chain(
            catalog.organisations().iter().flat_map(|o| o.names().map(str::to_lowercase).collect::<Vec<_>>()),
        )
        .chain(COMMON.iter().map(|w| (*w).to_owned()))
        .collect();
    let mut tally: HashMap<String, (String, Shape, HashSet<u32>, usize)> = HashMap::new();
    for (talk, text) in passages {
        for (word, shape) in candidates(text) {
            let key = word.to_lowercase();
            if known.contains(&key) {
                continue;
            }
            let entry = tally.entry(key).or_insert_with(|| (word.to_owned(), shape, HashSet::new(), 0));
            entry.2.insert(talk);
            entry.3 += 1;
        }
    }
    let mut ranked: Vec<Suggestion> = tally
        .into_values()
        .filter(|(_, _, talks, n)| talks.len() >= 2 || *n >= 3)
        .map(|(text, shape, talks, occurrences)| Suggestion { text, shape, talks: talks.len(), occurrences })
        .collect();
    // Product names are usually CamelCase, acronyms or quoted; ordinary words are lower-case.
    let score = |x: &Suggestion| x.talks * x.shape.weight();
    ranked.sort_by(|a, b| {
        (score(b), b.occurrences, a.shape, &a.text).cmp(&(score(a), a.occurrences, b.shape, &b.text))
    });
    ranked.truncate(limit);
    ranked
}

/// Candidate names in `text`, with their shapes.
pub fn candidates(text: &str) -> Vec<(&str, Shape)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = bytes[i].is_ascii_alphabetic() && (i == 0 || !is_token_byte(bytes[i - 1]));
        if !starts_word {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && is_token_byte(bytes[j]) {
            j += 1;
        }
        let word = text[i..j].trim_end_matches(['.', '-', '_', '+']);
        let in_path = (i > 0 && bytes[i - 1] == b'/') || bytes.get(j) == Some(&b'/');
        let lower = word.to_ascii_lowercase();
        let file_like = NOT_NAME_ENDINGS.iter().any(|e| lower.ends_with(e));
        if word.len() >= 3 && word.len() <= 40 && !in_path && !file_like {
            out.push((word, latin_shape(word)));
        }
        i = j;
    }
    for (open, close) in [('“', '”'), ('《', '》'), ('「', '」')] {
        let mut rest = text;
        while let Some(a) = rest.find(open) {
            let after = &rest[a + open.len_utf8()..];
            let Some(b) = after.find(close) else { break };
            let term = &after[..b];
            let n = term.chars().count();
            if (2..=10).contains(&n) && term.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
                out.push((term, Shape::ChineseQuoted));
            }
            rest = &after[b..];
        }
    }
    out
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-')
}

fn latin_shape(word: &str) -> Shape {
    let letters: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() >= 2 && letters.iter().all(char::is_ascii_uppercase) {
        Shape::Acronym
    } else if word.chars().skip(1).any(|c| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase())
    {
        Shape::CamelCase
    } else {
        Shape::Latin
    }
}
