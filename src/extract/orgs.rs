//! Which organisation gave a talk: from its title (a catalog name at the start, or a title
//! pattern such as `谊品生鲜如何…`, `蔚来汽车的 Kubernetes 实践`), from the credit line
//! (`分享人 NAME，ORG 职位`), or from a `company:` line of the front matter. Unknown is a real
//! answer: nothing is guessed from mere mentions.

use crate::catalog::{Catalog, OrgId};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

/// Where an attribution came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgSource {
    /// The talk's title.
    Title,
    /// A credit line naming the speaker and their organisation.
    Credit,
    /// The file's front matter.
    FrontMatter,
}

/// An organisation that gave a talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkOrg {
    /// The name as written in the text.
    pub name: String,
    /// The catalog entry, when the name is known.
    #[serde(skip)]
    pub org: Option<OrgId>,
    /// Where it was found.
    pub source: OrgSource,
}

/// Words that end the organisation part of a credit line (`网宿科技云计算架构师`).
const JOB_WORDS: &[&str] = &[
    "容器",
    "云计算",
    "云平台",
    "架构师",
    "工程师",
    "负责人",
    "布道师",
    "技术",
    "高级",
    "资深",
    "首席",
    "CTO",
    "CEO",
    "VP",
    "总监",
    "经理",
    "专家",
    "研发",
    "运维",
    "开发",
    "平台",
    "团队",
    "部门",
    "事业部",
    "产品",
    "创始人",
    "联合创始人",
    "合伙人",
    "研究员",
    "Java",
    "Go",
    "SRE",
    "DevOps",
    "基础架构",
    "系统",
    "软件",
    "后端",
    "前端",
    "大数据",
    "数据",
    "测试",
    "负责",
    "主要",
    "目前",
    "现任",
    "就职",
];

/// Title starts that are not organisations (`如何…`, `基于…`, `打造…`).
const NOT_ORG_START: &[&str] = &[
    "如何",
    "基于",
    "打造",
    "从",
    "使用",
    "用",
    "在",
    "浅谈",
    "谈谈",
    "聊聊",
    "关于",
    "一",
    "我们",
    "为",
    "容器",
    "微服务",
    "云原生",
    "服务",
    "企业",
    "传统",
    "分布式",
    "混合云",
    "私有云",
    "公有云",
    "深入",
    "玩转",
    "盘点",
    "构建",
    "实现",
    "落地",
    "探索",
    "解读",
    "剖析",
    "大规模",
    "高",
    "多",
    "自动",
    "持续",
    "面向",
    "利用",
    "借助",
    "通过",
    "快速",
    "零",
    "全",
    "新",
    "下一代",
    "这",
    "那",
    "轻松",
    "网络",
];

/// Words after a leading name that mark it as the speaker (`X如何…`, `X基于…`).
const ORG_FOLLOWERS: &[&str] = &["如何", "基于", "是如何", "怎样", "在", "：", ":", "的"];

/// Name endings that make `X的…` an organisation even before Chinese text.
const ORG_SUFFIXES: &[&str] =
    &["集团", "公司", "科技", "汽车", "银行", "证券", "网络", "金融", "保险", "生鲜", "电商", "云"];

/// Finds organisations in titles and credit lines.
#[derive(Debug, Clone)]
pub struct OrgFinder {
    ac: AhoCorasick,
    owners: Vec<OrgId>,
}

impl OrgFinder {
    /// Compiles the names of every organisation of `catalog`.
    pub fn new(catalog: &Catalog) -> Result<Self, aho_corasick::BuildError> {
        let mut names = Vec::new();
        let mut owners = Vec::new();
        for (index, org) in catalog.organisations().iter().enumerate() {
            for name in org.names() {
                names.push(name.to_owned());
                owners.push(OrgId(u32::try_from(index).unwrap_or(u32::MAX)));
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&names)?;
        Ok(Self { ac, owners })
    }

    /// A catalog organisation written at the very start of `text`, with its length.
    fn known_at_start(&self, text: &str) -> Option<(OrgId, usize)> {
        let m = self.ac.find(text)?;
        let bytes = text.as_bytes();
        let boundary = bytes.get(m.end()).is_none_or(|b| !b.is_ascii_alphanumeric());
        (m.start() == 0 && boundary).then(|| (self.owners[m.pattern().as_usize()], m.end()))
    }

    /// Organisations that gave the talk with `title`, `body` (the talk's text) and the file's
    /// `front_matter` text, deduplicated, title first.
    pub fn find(&self, title: &str, body: &str, front_matter: Option<&str>) -> Vec<TalkOrg> {
        let mut found = Vec::new();
        found.extend(self.in_title(title.trim()));
        found.extend(self.in_credit(body));
        found.extend(front_matter.and_then(|fm| self.in_front_matter(fm)));
        let mut unique: Vec<TalkOrg> = Vec::new();
        for org in found {
            let same = |u: &TalkOrg| {
                (u.org.is_some() && u.org == org.org)
                    || u.name.contains(&org.name)
                    || org.name.contains(&u.name)
            };
            if !unique.iter().any(same) {
                unique.push(org);
            }
        }
        unique
    }

    fn in_title(&self, title: &str) -> Option<TalkOrg> {
        if let Some((org, len)) = self.known_at_start(title) {
            return Some(TalkOrg { name: title[..len].to_owned(), org: Some(org), source: OrgSource::Title });
        }
        let name = leading_cjk_name(title)?;
        Some(TalkOrg { name: name.to_owned(), org: None, source: OrgSource::Title })
    }

    fn in_credit(&self, body: &str) -> Option<TalkOrg> {
        let at = body.find("分享人")?;
        let line = body[at + "分享人".len()..].lines().next()?;
        let line = line.trim_start_matches(['*', ':', '：', ' ']);
        let (comma, c) = line.char_indices().find(|(_, c)| matches!(c, '，' | ','))?;
        let after_name = line[comma + c.len_utf8()..].trim_start();
        let clause = after_name.split(['，', ',', '。', '；']).next()?.trim();
        let cut = JOB_WORDS.iter().filter_map(|w| clause.find(w)).filter(|&i| i > 0).min();
        let known = self.known_at_start(clause);
        let name = match (cut, known) {
            (Some(i), _) => clause[..i].trim(),
            (None, Some((_, len))) => &clause[..len],
            (None, None) => return None,
        };
        if name.is_empty() {
            return None;
        }
        let org = self.known_at_start(name).filter(|&(_, len)| len == name.len()).map(|(o, _)| o);
        Some(TalkOrg { name: name.to_owned(), org, source: OrgSource::Credit })
    }

    fn in_front_matter(&self, front_matter: &str) -> Option<TalkOrg> {
        let keys = ["company:", "organization:", "organisation:", "org:", "公司：", "公司:"];
        let value = front_matter.lines().find_map(|line| {
            let line = line.trim();
            keys.iter().find_map(|k| line.strip_prefix(k)).map(|v| v.trim().trim_matches(['"', '\'']))
        })?;
        if value.is_empty() {
            return None;
        }
        let org = self.known_at_start(value).filter(|&(_, len)| len == value.len()).map(|(o, _)| o);
        Some(TalkOrg { name: value.to_owned(), org, source: OrgSource::FrontMatter })
    }
}

/// `谊品生鲜如何…` → `谊品生鲜`: a leading run of 2–8 CJK characters followed by a word that
/// marks a speaker, and not a phrase that merely starts a title.
fn leading_cjk_name(title: &str) -> Option<&str> {
    let end = title.char_indices().find(|(_, c)| !is_cjk(*c)).map_or(title.len(), |(i, _)| i);
    let run = &title[..end];
    if NOT_ORG_START.iter().any(|w| run.starts_with(w)) {
        return None;
    }
    let rest_after = |i: usize| &title[i..];
    for (i, _) in run.char_indices().skip(2).take(7) {
        let rest = rest_after(i);
        let Some(follower) = ORG_FOLLOWERS.iter().find(|f| rest.starts_with(**f)) else { continue };
        let name = &run[..i];
        let after = &rest[follower.len()..];
        let latin_next = after.trim_start().starts_with(|c: char| c.is_ascii_alphanumeric());
        let suffix = ORG_SUFFIXES.iter().any(|s| name.ends_with(s));
        if name.ends_with(['上', '中', '下', '里', '内', '外', '与', '和']) {
            continue;
        }
        if *follower != "的" || latin_next || suffix {
            return Some(name);
        }
    }
    None
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}
