//! YAML front matter (`---` … `---`) as written by static-site generators: title, dates, tags
//! and categories. A front matter that is not valid YAML is reported and read leniently line by
//! line, so that the rest of the file, and usually its title and date, still load.

use yaml_rust2::{Yaml, YamlLoader};

/// What a front matter said about the note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `title:`
    pub title: Option<String>,
    /// `date:` as written (parsed into a date by the caller, which knows how to report it).
    pub date: Option<String>,
    /// `updated:` (or `lastmod:`) as written.
    pub updated: Option<String>,
    /// `tags:` / `tag:`, a list or a single value.
    pub tags: Vec<String>,
    /// `categories:` / `category:`, a list or a single value.
    pub categories: Vec<String>,
}

/// A front matter block found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it said.
    pub front_matter: FrontMatter,
    /// Byte offset where the body (the text after the closing `---`) starts.
    pub body_start: usize,
    /// Number of lines the block takes, closing line included.
    pub lines: usize,
    /// Why the block could not be read as YAML, if it could not.
    pub error: Option<String>,
}

/// Finds and reads the front matter at the start of `text`, if there is one.
///
/// A block must open on the first line with `---` and close with a `---` or `...` line. A
/// first-line `---` that is never closed is a horizontal rule, unless the next line looks like
/// `key: value`: then it is a front matter that lost its end, reported as such, and the whole
/// text stays the body.
pub fn split(text: &str) -> Option<Block> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut offset = first.len();
    let mut count = 1;
    let yaml_start = offset;
    for line in lines {
        count += 1;
        let content = line.trim_end();
        if content == "---" || content == "..." {
            let yaml = text.get(yaml_start..offset).unwrap_or_default();
            return Some(read_block(yaml, offset + line.len(), count));
        }
        offset += line.len();
    }
    let second = text.get(yaml_start..).unwrap_or_default().lines().next().unwrap_or_default();
    looks_like_key(second).then(|| Block {
        front_matter: lenient(text.get(yaml_start..).unwrap_or_default()),
        body_start: 0,
        lines: 0,
        error: Some("front matter opened with --- is never closed".to_owned()),
    })
}

fn looks_like_key(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

fn read_block(yaml: &str, body_start: usize, lines: usize) -> Block {
    match YamlLoader::load_from_str(yaml) {
        Ok(docs) => {
            let front_matter = docs.first().map(from_yaml).unwrap_or_default();
            Block { front_matter, body_start, lines, error: None }
        }
        Err(error) => Block {
            front_matter: lenient(yaml),
            body_start,
            lines,
            error: Some(format!("front matter is not valid YAML ({error}); read line by line instead")),
        },
    }
}

fn from_yaml(doc: &Yaml) -> FrontMatter {
    let get = |keys: &[&str]| keys.iter().map(|k| &doc[*k]).find(|v| !v.is_badvalue() && !v.is_null());
    FrontMatter {
        title: get(&["title"]).and_then(scalar),
        date: get(&["date"]).and_then(scalar),
        updated: get(&["updated", "lastmod"]).and_then(scalar),
        tags: get(&["tags", "tag"]).map(list).unwrap_or_default(),
        categories: get(&["categories", "category"]).map(list).unwrap_or_default(),
    }
}

fn scalar(value: &Yaml) -> Option<String> {
    let text = match value {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => return None,
    };
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn list(value: &Yaml) -> Vec<String> {
    match value {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other)
            .map(|s| s.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect())
            .unwrap_or_default(),
    }
}

/// Reads `key: value` lines and `- item` lists without a YAML parser, for blocks the parser
/// refused.
fn lenient(yaml: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut current_list: Option<&str> = None;
    for line in yaml.lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            let item = unquote(item);
            match current_list {
                Some("tags") => fm.tags.push(item),
                Some("categories") => fm.categories.push(item),
                _ => {}
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let key = match key.trim() {
            "tag" | "tags" => "tags",
            "category" | "categories" => "categories",
            "lastmod" => "updated",
            other => other,
        };
        let value = unquote(value);
        current_list = value.is_empty().then_some(key);
        let value = (!value.is_empty()).then_some(value);
        match key {
            "title" => fm.title = value,
            "date" => fm.date = value,
            "updated" => fm.updated = value,
            "tags" => fm.tags.extend(value),
            "categories" => fm.categories.extend(value),
            _ => {}
        }
    }
    fm
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted { value.get(1..value.len() - 1).unwrap_or_default().to_owned() } else { value.to_owned() }
}
