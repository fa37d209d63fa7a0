//! Technologies: what an architect can choose (products, projects, languages, clouds and their
//! named services), each with the aliases people write and the rules for aliases that are also
//! ordinary words.

use serde::{Deserialize, Serialize};

/// Index of a technology in [`super::Catalog::technologies`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ToolId(pub u32);

/// The categories of the annotation guidelines, so that results compare with hand annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)] // the names say it; the guidelines define them
pub enum Category {
    Orchestration,
    ContainerRuntime,
    Networking,
    ServiceMesh,
    IngressGateway,
    Logging,
    Monitoring,
    Tracing,
    CiCd,
    Registry,
    Storage,
    Database,
    MessageQueue,
    Cache,
    ConfigDiscovery,
    RpcFramework,
    Language,
    Os,
    Cloud,
    Serverless,
    Security,
    SchedulingBatch,
    BigDataAi,
    PackageDeploy,
    ObservabilityOther,
    Other,
}

impl Category {
    /// Every category, in the guidelines' order.
    pub const ALL: [Self; 26] = [
        Self::Orchestration,
        Self::ContainerRuntime,
        Self::Networking,
        Self::ServiceMesh,
        Self::IngressGateway,
        Self::Logging,
        Self::Monitoring,
        Self::Tracing,
        Self::CiCd,
        Self::Registry,
        Self::Storage,
        Self::Database,
        Self::MessageQueue,
        Self::Cache,
        Self::ConfigDiscovery,
        Self::RpcFramework,
        Self::Language,
        Self::Os,
        Self::Cloud,
        Self::Serverless,
        Self::Security,
        Self::SchedulingBatch,
        Self::BigDataAi,
        Self::PackageDeploy,
        Self::ObservabilityOther,
        Self::Other,
    ];

    /// The kebab-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Orchestration => "orchestration",
            Self::ContainerRuntime => "container-runtime",
            Self::Networking => "networking",
            Self::ServiceMesh => "service-mesh",
            Self::IngressGateway => "ingress-gateway",
            Self::Logging => "logging",
            Self::Monitoring => "monitoring",
            Self::Tracing => "tracing",
            Self::CiCd => "ci-cd",
            Self::Registry => "registry",
            Self::Storage => "storage",
            Self::Database => "database",
            Self::MessageQueue => "message-queue",
            Self::Cache => "cache",
            Self::ConfigDiscovery => "config-discovery",
            Self::RpcFramework => "rpc-framework",
            Self::Language => "language",
            Self::Os => "os",
            Self::Cloud => "cloud",
            Self::Serverless => "serverless",
            Self::Security => "security",
            Self::SchedulingBatch => "scheduling-batch",
            Self::BigDataAi => "big-data-ai",
            Self::PackageDeploy => "package-deploy",
            Self::ObservabilityOther => "observability-other",
            Self::Other => "other",
        }
    }

    /// Parses the kebab-case name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// One way of writing a technology's name, and when that writing really means it.
///
/// Context words are compared ASCII-case-insensitively and are stored lower-cased.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alias {
    /// The text as written in the catalog.
    pub text: String,
    /// Only this exact spelling counts (`ES`, not `es`).
    pub case_sensitive: bool,
    /// At least one of these words must appear near the match (same passage, a few dozen bytes
    /// either side): `go` needs `语言`, `golang`, `写` … nearby.
    pub requires_context: Vec<String>,
    /// At least one of these words must appear somewhere in the talk: `ACK` is Alibaba Cloud's
    /// only in a talk that names Alibaba Cloud.
    pub requires_talk_context: Vec<String>,
    /// None of these words may appear in the talk: `ES` in a talk about CQRS is Event Sourcing.
    pub excluded_by_talk_context: Vec<String>,
    /// The match must not be directly followed by any of these (`node` + `节点`).
    pub not_followed_by: Vec<String>,
    /// The match must not be directly preceded by any of these (`Hong` + `Kong`).
    pub not_preceded_by: Vec<String>,
}

impl Alias {
    /// A plain alias: any ASCII case, no context needed.
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }

    /// Whether any rule beyond the text itself applies.
    pub fn has_rules(&self) -> bool {
        self.case_sensitive
            || !self.requires_context.is_empty()
            || !self.requires_talk_context.is_empty()
            || !self.excluded_by_talk_context.is_empty()
            || !self.not_followed_by.is_empty()
            || !self.not_preceded_by.is_empty()
    }
}

/// A technology of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Technology {
    /// Lower-case kebab-case id: `calico`, `gitlab-ci`, `aliyun`.
    pub id: String,
    /// Display name: `Calico`, `GitLab CI`, `Alibaba Cloud`.
    pub name: String,
    /// What kind of technology it is.
    pub category: Category,
    /// Every writing that means it. The name and the id are aliases too unless an alias with
    /// the same text (ignoring ASCII case) is listed with rules.
    pub aliases: Vec<Alias>,
}

impl Technology {
    /// Every text to search for, with its rules: the listed aliases, then the name and the id
    /// (unless already listed), then for texts with spaces the joined and hyphenated forms
    /// (`Spring Cloud` → `springcloud`, `spring-cloud`).
    pub fn match_forms(&self) -> Vec<Alias> {
        let mut forms: Vec<Alias> = Vec::with_capacity(self.aliases.len() + 4);
        // Listed aliases are all kept (two spellings may carry different case rules); a
        // derived form is added only when no form of that text exists yet.
        let push = |alias: Alias, forms: &mut Vec<Alias>| {
            if !alias.text.is_empty() && !forms.iter().any(|f| f.text.eq_ignore_ascii_case(&alias.text)) {
                forms.push(alias);
            }
        };
        for alias in &self.aliases {
            if !forms.contains(alias) {
                forms.push(alias.clone());
            }
        }
        push(Alias::plain(self.name.clone()), &mut forms);
        push(Alias::plain(self.id.clone()), &mut forms);
        let spaced: Vec<Alias> = forms.iter().filter(|f| f.text.contains(' ')).cloned().collect();
        for alias in spaced {
            for joiner in ["", "-"] {
                push(Alias { text: alias.text.replace(' ', joiner), ..alias.clone() }, &mut forms);
            }
        }
        forms
    }
}
