//! Organisations named by a talk's title: a catalog name at the start (`阿里云如何…`), a leading
//! name followed by a word that marks a speaker (`谊品生鲜如何…`, `蔚来汽车的 Kubernetes 实践`)
//! or by the subject of the talk (`酷家乐服务网格…`, `房多多 Service Mesh 实践`), a leading
//! Latin name that is no technology (`PPmoney 基于…`), or the place of a practice
//! (`Kubernetes 在喜马拉雅的实践`).

use super::rules::{ends_with_any, starts_with_any};
use super::{OrgFinder, OrgSource, TalkOrg, is_cjk};

/// Longest leading name read from a title, in characters; longer runs are phrases.
const MAX_NAME_CHARS: usize = 8;
/// Longest name when it ends with an organisation suffix (`中英人寿保险有限公司`).
const MAX_SUFFIXED_CHARS: usize = 14;

impl OrgFinder {
    /// The organisation the title names, if any.
    pub(super) fn in_title(&self, title: &str) -> Option<TalkOrg> {
        if let Some((org, len)) = self.known_at_start(title) {
            return Some(TalkOrg {
                name: title.get(..len).unwrap_or_default().to_owned(),
                org: Some(org),
                source: OrgSource::Title,
            });
        }
        let name = self
            .leading_cjk_name(title)
            .or_else(|| self.leading_latin_name(title))
            .or_else(|| self.place_name(title))?;
        Some(TalkOrg { name: name.to_owned(), org: self.known_exactly(name), source: OrgSource::Title })
    }

    /// `谊品生鲜如何…` → `谊品生鲜`: a leading run of CJK characters followed by a word that
    /// marks a speaker or by the talk's subject, and not a phrase that merely starts a title.
    fn leading_cjk_name<'t>(&self, title: &'t str) -> Option<&'t str> {
        let r = &self.rules;
        let end = title.char_indices().find(|(_, c)| !is_cjk(*c)).map_or(title.len(), |(i, _)| i);
        let run = title.get(..end).unwrap_or_default();
        if starts_with_any(run, &r.not_org_start).is_some() {
            return None;
        }
        let cuts = run.char_indices().map(|(i, _)| i).chain(std::iter::once(end));
        for (chars, i) in cuts.enumerate().skip(2).take(MAX_SUFFIXED_CHARS - 1) {
            let (name, rest) = (run.get(..i).unwrap_or_default(), title.get(i..).unwrap_or_default());
            let suffix = ends_with_any(name, &r.org_suffixes);
            if (chars > MAX_NAME_CHARS && !suffix)
                || name.ends_with(['上', '中', '下', '里', '内', '外', '与', '和', '的'])
            {
                continue;
            }
            if let Some(follower) = starts_with_any(rest, &r.org_followers) {
                let after = rest.get(follower.len()..).unwrap_or_default().trim_start();
                if follower != "的" || suffix || self.leading_tool(after) {
                    return Some(name);
                }
            }
            if chars <= MAX_NAME_CHARS && starts_with_any(rest, &r.topic_nouns).is_some() {
                return Some(name);
            }
            // `房多多 Service Mesh 实践`: the name, then the subject in Latin letters.
            let latin_next =
                rest.strip_prefix(' ').is_some_and(|s| s.starts_with(|c: char| c.is_ascii_alphabetic()));
            if i == end && latin_next && (suffix || ends_with_any(title, &r.practice_words)) {
                return Some(name);
            }
        }
        None
    }

    /// Whether `text` starts with the name of a technology (`Kubernetes 实践`).
    fn leading_tool(&self, text: &str) -> bool {
        let word = text.split(|c: char| !(c.is_ascii_alphanumeric() || "-._+/".contains(c))).next();
        word.is_some_and(|w| !w.is_empty() && self.is_tool(w))
    }

    /// `PPmoney 基于 Kubernetes…`, `TalkingData 的 Spark…` → the leading Latin word, when it
    /// is no technology and a speaker word or a technology follows.
    fn leading_latin_name<'t>(&self, title: &'t str) -> Option<&'t str> {
        let len =
            title.find(|c: char| !(c.is_ascii_alphanumeric() || "-._+".contains(c))).unwrap_or(title.len());
        let word = title.get(..len).unwrap_or_default();
        let lower_case = word.chars().any(|c| c.is_ascii_lowercase());
        if word.len() < 2 || !lower_case || self.is_tool(word) {
            return None;
        }
        let rest = title.get(len..).unwrap_or_default().trim_start();
        let speaker = ["基于", "如何"].iter().any(|w| rest.starts_with(w))
            || rest.strip_prefix("的").is_some_and(|after| self.leading_tool(after.trim_start()));
        speaker.then_some(word)
    }

    /// `Kubernetes 在喜马拉雅的实践` → `喜马拉雅`: the place of a practice, when it is a known
    /// organisation, a name with no generic setting words, or a Latin name that is no
    /// technology (`在 SHAREit 的`).
    fn place_name<'t>(&self, title: &'t str) -> Option<&'t str> {
        let r = &self.rules;
        let at = title.find('在')?;
        let place = title.get(at + '在'.len_utf8()..).unwrap_or_default().trim_start();
        let closes = |rest: &str| ["的", "落地", "内"].iter().any(|w| rest.trim_start().starts_with(w));
        if let Some((_, len)) = self.known_at_start(place) {
            return closes(place.get(len..).unwrap_or_default())
                .then(|| place.get(..len).unwrap_or_default());
        }
        let cjk_end = place.char_indices().find(|(_, c)| !is_cjk(*c)).map_or(place.len(), |(i, _)| i);
        if cjk_end > 0 {
            let name = place.get(..cjk_end).unwrap_or_default();
            let name = name.find("落地").map_or(name, |i| name.get(..i).unwrap_or_default());
            let name = name.find('的').map_or(name, |i| name.get(..i).unwrap_or_default());
            let chars = name.chars().count();
            let generic = r.place_generic_ends.iter().any(|w| {
                if w.chars().count() == 1 { name.ends_with(w.as_str()) } else { name.contains(w.as_str()) }
            });
            let ok = (2..=6).contains(&chars)
                && !generic
                && starts_with_any(name, &r.not_org_start).is_none()
                && closes(place.get(name.len()..).unwrap_or_default());
            return ok.then_some(name);
        }
        let len =
            place.find(|c: char| !(c.is_ascii_alphanumeric() || "-._".contains(c))).unwrap_or(place.len());
        let word = place.get(..len).unwrap_or_default();
        let named = word.len() >= 2 && word.chars().any(|c| c.is_ascii_lowercase()) && !self.is_tool(word);
        (named && closes(place.get(len..).unwrap_or_default())).then_some(word)
    }
}
