//! Organisations that give talks: companies, teams, institutions, with the names they go by.

/// Index of an organisation in [`super::Catalog::organisations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgId(pub u32);

/// An organisation of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Lower-case kebab-case id.
    pub id: String,
    /// The usual name, as the organisation writes it (`阿里云`, `eBay`).
    pub name: String,
    /// Other names; matched ASCII-case-insensitively, with word boundaries for Latin names.
    pub aliases: Vec<String>,
}

impl Organisation {
    /// The name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
