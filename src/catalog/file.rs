//! The catalog file format (`assets/catalog/*.json`, `stackradar.catalog.json`), read entry by
//! entry so that one bad entry costs that entry, not the file.
//!
//! ```json
//! { "technologies": [
//!     { "id": "calico", "name": "Calico", "category": "networking", "aliases": ["calicoctl"] },
//!     { "id": "go", "name": "Go", "category": "language",
//!       "aliases": ["golang", { "text": "go", "requires_context": ["语言", "golang"] }] } ],
//!   "organisations": [ { "id": "nio", "name": "蔚来汽车", "aliases": ["蔚来"] } ] }
//! ```

use super::{Alias, Category, Organisation, Technology};
use serde::Deserialize;
use serde_json::Value;

/// What one catalog file holds, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogData {
    /// Technologies, in file order.
    pub technologies: Vec<Technology>,
    /// Organisations, in file order.
    pub organisations: Vec<Organisation>,
}

/// Why a catalog file or one of its entries was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The file is not JSON, or not an object with the expected lists.
    #[error("not a catalog file: {0}")]
    File(String),
    /// One entry is malformed; it was skipped.
    #[error("{list} entry {index} ({id}) skipped: {reason}")]
    Entry {
        /// `technologies` or `organisations`.
        list: &'static str,
        /// 0-based position in the list.
        index: usize,
        /// The entry's id, or `?` when it has none.
        id: String,
        /// What is wrong with it.
        reason: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    technologies: Vec<Value>,
    #[serde(default)]
    organisations: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTech {
    id: String,
    name: String,
    category: String,
    #[serde(default)]
    aliases: Vec<RawAlias>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAlias {
    Plain(String),
    Ruled(RawRules),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    text: String,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    requires_context: Vec<String>,
    #[serde(default)]
    requires_talk_context: Vec<String>,
    #[serde(default)]
    excluded_by_talk_context: Vec<String>,
    #[serde(default)]
    not_followed_by: Vec<String>,
    #[serde(default)]
    not_preceded_by: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Parses a catalog file. A file that is not a catalog yields one [`CatalogError::File`] and
/// no data; a bad entry yields a [`CatalogError::Entry`] and the rest is kept.
pub fn parse(json: &str) -> (CatalogData, Vec<CatalogError>) {
    let raw: RawFile = match serde_json::from_str(json) {
        Ok(raw) => raw,
        Err(e) => return (CatalogData::default(), vec![CatalogError::File(e.to_string())]),
    };
    let mut data = CatalogData::default();
    let mut errors = Vec::new();
    for (index, value) in raw.technologies.into_iter().enumerate() {
        match tech(value.clone()) {
            Ok(t) => data.technologies.push(t),
            Err(reason) => errors.push(entry_error("technologies", index, &value, reason)),
        }
    }
    for (index, value) in raw.organisations.into_iter().enumerate() {
        match org(value.clone()) {
            Ok(o) => data.organisations.push(o),
            Err(reason) => errors.push(entry_error("organisations", index, &value, reason)),
        }
    }
    (data, errors)
}

fn entry_error(list: &'static str, index: usize, value: &Value, reason: String) -> CatalogError {
    let id = value.get("id").and_then(Value::as_str).unwrap_or("?").to_owned();
    CatalogError::Entry { list, index, id, reason }
}

fn tech(value: Value) -> Result<Technology, String> {
    let raw: RawTech = serde_json::from_value(value).map_err(|e| e.to_string())?;
    check_id(&raw.id)?;
    if raw.name.trim().is_empty() {
        return Err("empty name".into());
    }
    let category = Category::parse(&raw.category).ok_or_else(|| {
        format!("unknown category {:?} (use one of the guideline categories, e.g. networking)", raw.category)
    })?;
    let aliases = raw.aliases.into_iter().map(alias).collect::<Result<Vec<_>, _>>()?;
    Ok(Technology { id: raw.id, name: raw.name, category, aliases })
}

fn alias(raw: RawAlias) -> Result<Alias, String> {
    let rules = match raw {
        RawAlias::Plain(text) => RawRules {
            text,
            case_sensitive: false,
            requires_context: Vec::new(),
            requires_talk_context: Vec::new(),
            excluded_by_talk_context: Vec::new(),
            not_followed_by: Vec::new(),
            not_preceded_by: Vec::new(),
        },
        RawAlias::Ruled(rules) => rules,
    };
    if rules.text.trim().is_empty() {
        return Err("empty alias".into());
    }
    let words = |list: Vec<String>| -> Result<Vec<String>, String> {
        if list.iter().any(|w| w.is_empty()) {
            return Err(format!("alias {:?}: empty context word", rules.text));
        }
        Ok(list.into_iter().map(|w| w.to_ascii_lowercase()).collect())
    };
    Ok(Alias {
        case_sensitive: rules.case_sensitive,
        requires_context: words(rules.requires_context)?,
        requires_talk_context: words(rules.requires_talk_context)?,
        excluded_by_talk_context: words(rules.excluded_by_talk_context)?,
        not_followed_by: words(rules.not_followed_by)?,
        not_preceded_by: words(rules.not_preceded_by)?,
        text: rules.text.trim().to_owned(),
    })
}

fn org(value: Value) -> Result<Organisation, String> {
    let raw: RawOrg = serde_json::from_value(value).map_err(|e| e.to_string())?;
    check_id(&raw.id)?;
    if raw.name.trim().is_empty() || raw.aliases.iter().any(|a| a.trim().is_empty()) {
        return Err("empty name or alias".into());
    }
    Ok(Organisation { id: raw.id, name: raw.name, aliases: raw.aliases })
}

/// Ids are lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok { Ok(()) } else { Err(format!("id {id:?} is not lower-case kebab-case")) }
}
