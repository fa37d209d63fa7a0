//! What the program knows about the world: technologies (with their aliases and the rules that
//! tell a product name from an ordinary word) and organisations.
//!
//! The knowledge is data, not code: `assets/catalog/*.json` is embedded in the binary and a
//! user's own `stackradar.catalog.json` (same format) adds or overrides entries. Code here only
//! reads, validates and merges; matching lives in [`crate::extract`].

mod file;
pub mod organisations;
pub mod technologies;
pub mod user;

pub use file::{CatalogData, CatalogError, parse};
pub use organisations::{OrgId, Organisation};
pub use technologies::{Alias, Category, Technology, ToolId};

use crate::problem::{Problem, ProblemKind};
use std::collections::HashMap;

/// The embedded catalog files, split by category group to keep each reviewable.
const EMBEDDED: [(&str, &str); 7] = [
    ("assets/catalog/platform.json", include_str!("../../assets/catalog/platform.json")),
    ("assets/catalog/network.json", include_str!("../../assets/catalog/network.json")),
    ("assets/catalog/observability.json", include_str!("../../assets/catalog/observability.json")),
    ("assets/catalog/delivery.json", include_str!("../../assets/catalog/delivery.json")),
    ("assets/catalog/data.json", include_str!("../../assets/catalog/data.json")),
    ("assets/catalog/dev.json", include_str!("../../assets/catalog/dev.json")),
    ("assets/catalog/cloud.json", include_str!("../../assets/catalog/cloud.json")),
];

/// The organisations file, embedded.
const EMBEDDED_ORGS: (&str, &str) =
    ("assets/catalog/organisations.json", include_str!("../../assets/catalog/organisations.json"));

/// Technologies and organisations, with lookup by id. [`ToolId`] and [`OrgId`] are positions
/// in the two lists and stay valid for the life of the catalog.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    technologies: Vec<Technology>,
    organisations: Vec<Organisation>,
    tool_index: HashMap<String, ToolId>,
    org_index: HashMap<String, OrgId>,
}

impl Catalog {
    /// The catalog compiled into the binary. Its files are checked by tests, so problems here
    /// mean a broken build; they are still reported rather than fatal.
    pub fn embedded() -> (Self, Vec<Problem>) {
        let mut catalog = Self::default();
        let mut problems = Vec::new();
        for (path, json) in EMBEDDED.iter().chain(std::iter::once(&EMBEDDED_ORGS)) {
            problems.extend(catalog.merge_json(path, json));
        }
        (catalog, problems)
    }

    /// Parses `json` (named `path` in problems) and merges it: an entry whose id exists
    /// replaces the old one, a new id is added. Bad entries are skipped and reported.
    pub fn merge_json(&mut self, path: &str, json: &str) -> Vec<Problem> {
        let (data, errors) = parse(json);
        self.merge(data);
        errors.into_iter().map(|e| Problem::new(path, ProblemKind::Catalog, e.to_string())).collect()
    }

    /// Adds or replaces entries.
    pub fn merge(&mut self, data: CatalogData) {
        for tech in data.technologies {
            match self.tool_index.get(&tech.id) {
                Some(id) => {
                    if let Some(slot) = self.technologies.get_mut(id.0 as usize) {
                        *slot = tech;
                    }
                }
                None => {
                    let id = ToolId(u32::try_from(self.technologies.len()).unwrap_or(u32::MAX));
                    self.tool_index.insert(tech.id.clone(), id);
                    self.technologies.push(tech);
                }
            }
        }
        for org in data.organisations {
            match self.org_index.get(&org.id) {
                Some(id) => {
                    if let Some(slot) = self.organisations.get_mut(id.0 as usize) {
                        *slot = org;
                    }
                }
                None => {
                    let id = OrgId(u32::try_from(self.organisations.len()).unwrap_or(u32::MAX));
                    self.org_index.insert(org.id.clone(), id);
                    self.organisations.push(org);
                }
            }
        }
    }

    /// Every technology; the position is its [`ToolId`].
    pub fn technologies(&self) -> &[Technology] {
        &self.technologies
    }

    /// Every organisation; the position is its [`OrgId`].
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The technology with this id.
    pub fn tool(&self, id: ToolId) -> Option<&Technology> {
        self.technologies.get(id.0 as usize)
    }

    /// The organisation with this id.
    pub fn org(&self, id: OrgId) -> Option<&Organisation> {
        self.organisations.get(id.0 as usize)
    }

    /// Looks a technology up by its catalog id (`calico`).
    pub fn tool_id(&self, id: &str) -> Option<ToolId> {
        self.tool_index.get(id).copied()
    }

    /// Looks an organisation up by its catalog id.
    pub fn org_id(&self, id: &str) -> Option<OrgId> {
        self.org_index.get(id).copied()
    }
}
