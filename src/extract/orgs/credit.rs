//! Organisations named by a credit line: `分享人 NAME，ORG 职位` — the organisation is what
//! comes before the job title (`网宿科技云计算架构师` → `网宿科技`). A later clause counts only
//! when it names the present employer (`现担任有赞运维平台负责人`, `来自城云科技企业云事业部`)
//! or starts with a known organisation; clauses about former employers and schools
//! (`曾任 VMware…`, `毕业于…`) never do, and anonymous ones (`某传统金融 IT 架构师`) end the search.

use super::rules::{ends_with_any, starts_with_any};
use super::{OrgFinder, OrgSource, TalkOrg};
use memchr::memmem::Finder;

/// `分享人` (speaker), which starts a credit line. Searched for in every talk: a SIMD searcher
/// built once, where `str::find` was a tenth of extraction.
static CREDIT: std::sync::LazyLock<Finder<'static>> = std::sync::LazyLock::new(|| Finder::new("分享人"));

/// How many clauses of a credit line are read.
const MAX_CLAUSES: usize = 4;

impl OrgFinder {
    /// The organisation of the first credit line of `body`, if one names it.
    pub(super) fn in_credit(&self, body: &str) -> Option<TalkOrg> {
        let at = CREDIT.find(body.as_bytes())?;
        let line = body.get(at + CREDIT.needle().len()..).unwrap_or_default().lines().next()?;
        let line = strip_links(line.trim_start_matches(['*', ':', '：', ' ']));
        let (sep, c) = line.char_indices().find(|(_, c)| matches!(c, '，' | ',' | '：' | ':'))?;
        let after_name = line.get(sep + c.len_utf8()..).unwrap_or_default();
        let mut past = false;
        for (k, clause) in after_name.split(['，', ',', '。', '；', '、']).take(MAX_CLAUSES).enumerate() {
            let clause = skip_year(clause.trim().trim_matches('*'));
            if starts_with_any(clause, &self.rules.credit_past_words).is_some() {
                past = true;
                continue;
            }
            let lead = starts_with_any(clause, &self.rules.credit_lead_words);
            let clause = clause.get(lead.map_or(0, str::len)..).unwrap_or_default().trim_start();
            let known = self.known_at_start(clause).is_some();
            if lead.is_none() && (past || (k > 0 && !known)) {
                continue;
            }
            if starts_with_any(clause, &self.rules.anonymous_starts).is_some() {
                return None;
            }
            let Some(name) = self.org_part(clause) else { continue };
            let job_like = starts_with_any(name, &self.rules.job_words).is_some();
            if name.is_empty() || job_like || is_duration(name) {
                continue;
            }
            return Some(TalkOrg {
                name: name.to_owned(),
                org: self.known_exactly(name),
                source: OrgSource::Credit,
            });
        }
        None
    }

    /// The organisation at the start of a credit clause: up to the first job word, or the
    /// known organisation it starts with; then cut after the last organisation suffix
    /// (`城云科技企业云` → `城云科技`) and without trailing technology names
    /// (`PPTV 聚力传媒 DCOS` → `PPTV 聚力传媒`).
    fn org_part<'c>(&self, clause: &'c str) -> Option<&'c str> {
        let cut = self.first_job_word(clause);
        let name = match (cut, self.known_at_start(clause)) {
            (Some(i), _) => clause.get(..i).unwrap_or_default().trim(),
            (None, Some((_, len))) => clause.get(..len).unwrap_or_default(),
            (None, None) => return None,
        };
        let name = self
            .rules
            .strong_suffixes
            .iter()
            .filter_map(|s| name.rfind(s.as_str()).map(|i| i + s.len()))
            .max()
            .filter(|&end| !ends_with_any(name, &self.rules.strong_suffixes) && end < name.len())
            .map_or(name, |end| name.get(..end).unwrap_or_default());
        let mut name = name.trim();
        while let Some((head, last)) = name.rsplit_once(' ') {
            if !self.is_tool(last) {
                break;
            }
            name = head.trim_end();
        }
        Some(name)
    }

    /// Where the first job word of `clause` starts, among the words whose first occurrence is
    /// not at its very start.
    fn first_job_word(&self, clause: &str) -> Option<usize> {
        let mut first = vec![usize::MAX; self.rules.job_words.len()];
        // Not built for overlapping searches: no word to cut at.
        let Ok(found) = self.job_words.try_find_overlapping_iter(clause) else { return None };
        for word in found {
            if let Some(at) = first.get_mut(word.pattern().as_usize()) {
                *at = (*at).min(word.start());
            }
        }
        first.into_iter().filter(|&at| at != usize::MAX && at > 0).min()
    }
}

/// `2014 年加入…` → `加入…`: a leading year says when, not who.
fn skip_year(clause: &str) -> &str {
    let digits = clause.find(|c: char| !c.is_ascii_digit()).unwrap_or(clause.len());
    if digits == 0 {
        return clause;
    }
    clause.get(digits..).unwrap_or_default().trim_start().strip_prefix('年').map_or(clause, str::trim_start)
}

/// `[有容云](http://…)高级顾问` → `有容云高级顾问`: Markdown links keep their text.
fn strip_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest.get(open..).unwrap_or_default().find("](").map(|i| open + i) else { break };
        let Some(end) = rest.get(close..).unwrap_or_default().find(')').map(|i| close + i) else { break };
        out.push_str(rest.get(..open).unwrap_or_default());
        out.push_str(rest.get(open + 1..close).unwrap_or_default());
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `十年运维老兵`, `10 多年…`: a span of years, not a company (`一下科技`, `360` are).
fn is_duration(name: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百千两".contains(c);
    let digits = name.find(|c: char| !numeral(c)).unwrap_or(name.len());
    digits > 0 && name.get(digits..).unwrap_or_default().trim_start().starts_with(['年', '多', '余'])
}
