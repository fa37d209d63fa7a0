//! The word lists behind organisation attribution, kept as data in
//! `assets/catalog/org_rules.json` so they can grow without touching the rules.

use serde::Deserialize;

/// The embedded word lists.
const RULES_JSON: &str = include_str!("../../../assets/catalog/org_rules.json");

/// Word lists for titles, credit lines and talk bodies.
#[derive(Debug, Clone, Deserialize)]
pub struct OrgRules {
    /// Words that end the organisation part of a credit line (`网宿科技云计算架构师`).
    pub job_words: Vec<String>,
    /// Words that introduce a current employer later in a credit line (`现任`, `来自`).
    pub credit_lead_words: Vec<String>,
    /// Words that introduce a former employer or a school: such a clause is not the speaker's
    /// organisation now.
    pub credit_past_words: Vec<String>,
    /// Starts of deliberately anonymous names (`某传统金融 IT`): no organisation is named.
    pub anonymous_starts: Vec<String>,
    /// Title starts that are not organisations (`如何…`, `基于…`, `白话…`).
    pub not_org_start: Vec<String>,
    /// Words after a leading name that mark it as the speaker (`X如何…`, `X基于…`).
    pub org_followers: Vec<String>,
    /// Name endings that mark a run of characters as an organisation (`…科技`, `…银行`).
    pub org_suffixes: Vec<String>,
    /// Endings that close an organisation's name inside a longer phrase
    /// (`城云科技企业云事业部` → `城云科技`).
    pub strong_suffixes: Vec<String>,
    /// Subjects that follow a speaker's name directly in a title (`酷家乐服务网格…`).
    pub topic_nouns: Vec<String>,
    /// Title words that make `NAME Latin…` a report of practice (`房多多 Service Mesh 实践`).
    pub practice_words: Vec<String>,
    /// Endings of `在 X 的` phrases that name a setting, not a company (`在边缘计算领域的`).
    pub place_generic_ends: Vec<String>,
    /// Words after an organisation's name that mark it as the speaker's own (`京东自研的`).
    pub ownership_cues: Vec<String>,
    /// How often a body must name an organisation before ownership words attribute the talk.
    pub body_min_mentions: usize,
}

impl OrgRules {
    /// The embedded lists.
    pub fn embedded() -> Result<Self, serde_json::Error> {
        serde_json::from_str(RULES_JSON)
    }
}

/// The first word of `words` that `text` starts with.
pub fn starts_with_any<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words.iter().map(String::as_str).filter(|w| text.starts_with(w)).max_by_key(|w| w.len())
}

/// Whether `text` ends with one of `words`.
pub fn ends_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.ends_with(w.as_str()))
}
