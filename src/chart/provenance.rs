//! The small print under every exported chart: which corpus, how many files, which filter and
//! measure, and when it was exported, so an image pasted into a design document still says
//! where it came from.

use crate::analysis::Filter;
use crate::index::Corpus;

/// Where a chart's numbers come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The corpus name.
    pub corpus: String,
    /// Files read.
    pub files: usize,
    /// The filter in words.
    pub filter: String,
    /// Export date, `YYYY-MM-DD`.
    pub date: String,
}

impl Provenance {
    /// The provenance of charts of `corpus` under `filter`, exported today.
    pub fn new(corpus: &Corpus, filter: &Filter) -> Self {
        Self {
            corpus: corpus.name.clone(),
            files: corpus.files.len(),
            filter: describe(filter),
            date: jiff::Zoned::now().date().to_string(),
        }
    }

    /// The caption line of a chart showing `measure`.
    pub fn caption(&self, measure: &str) -> String {
        format!(
            "stackradar · {} · {} files · filter: {} · measure: {measure} · exported {}",
            self.corpus, self.files, self.filter, self.date
        )
    }
}

/// The filter in a few words: "all talks" when it lets everything through.
pub fn describe(filter: &Filter) -> String {
    let mut parts = Vec::new();
    match (filter.from, filter.to) {
        (Some(from), Some(to)) => parts.push(format!("{from} to {to}")),
        (Some(from), None) => parts.push(format!("from {from}")),
        (None, Some(to)) => parts.push(format!("until {to}")),
        (None, None) => {}
    }
    if filter.exclude_undated {
        parts.push("dated talks only".to_owned());
    }
    let list = |name: &str, items: Vec<String>| format!("{name} {}", items.join(", "));
    if !filter.categories.is_empty() {
        parts.push(list("categories", filter.categories.iter().map(|c| c.as_str().to_owned()).collect()));
    }
    if !filter.technologies.is_empty() {
        parts.push(list("talks naming", filter.technologies.iter().cloned().collect()));
    }
    if !filter.organisations.is_empty() {
        parts.push(list("by", filter.organisations.iter().cloned().collect()));
    }
    if !filter.roles.is_empty() {
        parts.push(list("roles", filter.roles.iter().map(|r| format!("{r:?}").to_lowercase()).collect()));
    }
    if !filter.stances.is_empty() {
        parts.push(list("stances", filter.stances.iter().map(|s| s.as_str().to_owned()).collect()));
    }
    if !filter.files.is_empty() {
        parts.push(format!("{} files", filter.files.len()));
    }
    if !filter.query.trim().is_empty() {
        parts.push(format!("text \"{}\"", filter.query.trim()));
    }
    if parts.is_empty() { "all talks".to_owned() } else { parts.join("; ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_cases() {
        let dated = Filter {
            from: Some(jiff::civil::date(2020, 1, 1)),
            to: Some(jiff::civil::date(2021, 12, 31)),
            ..Filter::default()
        };
        let mut org = Filter::default();
        org.organisations.insert("蚂蚁集团".to_owned());
        org.query = "k8s".to_owned();
        let cases = [
            (Filter::default(), "all talks"),
            (dated, "2020-01-01 to 2021-12-31"),
            (org, "by 蚂蚁集团; text \"k8s\""),
        ];
        for (filter, expected) in cases {
            assert_eq!(describe(&filter), expected);
        }
    }
}
