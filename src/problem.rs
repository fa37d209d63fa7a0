//! Partial failure is normal when reading other people's folders: every file that cannot be used
//! as it is becomes a [`Problem`] that the user can read, and loading goes on with the rest.

use serde::Serialize;
use std::fmt;

/// Something about one input that the user should know: a skipped file, a guessed encoding, a
/// broken front matter. Never fatal for the load as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Problem {
    /// The path as shown to the user (relative to the folder that was opened).
    pub path: String,
    /// What kind of problem it is, for grouping and filtering.
    pub kind: ProblemKind,
    /// One plain sentence for the user.
    pub message: String,
}

impl Problem {
    /// A problem with `path`, `kind` and a user-facing `message`.
    pub fn new(path: impl Into<String>, kind: ProblemKind, message: impl Into<String>) -> Self {
        Self { path: path.into(), kind, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.message, self.kind.as_str())
    }
}

/// The kinds of problems, from "we skipped this on purpose" to "this could not be read".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A hidden folder or file (name starting with `.`) was not entered.
    Hidden,
    /// A file whose extension is not one of the note formats was not read.
    UnsupportedType,
    /// A file larger than the size cap was not read.
    TooLarge,
    /// A file that looks binary (NUL bytes, mostly control bytes) was not read.
    Binary,
    /// A file or folder could not be opened or read (permissions, I/O error).
    Unreadable,
    /// A file disappeared between listing and reading.
    Vanished,
    /// Following a symbolic link led back to one of its own ancestors.
    SymlinkLoop,
    /// The bytes were not valid in the encoding that was chosen; some characters were replaced.
    Decoding,
    /// The text had been through a wrong decoder once; it was repaired.
    Mojibake,
    /// The front matter could not be read; the rest of the file was loaded.
    FrontMatter,
    /// A date was written but is not a real date (2020-02-30, 0000-00-00).
    BadDate,
    /// A catalog file, or an entry of it, could not be used; the rest of the catalog was.
    Catalog,
}

impl ProblemKind {
    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hidden => "hidden",
            Self::UnsupportedType => "unsupported-type",
            Self::TooLarge => "too-large",
            Self::Binary => "binary",
            Self::Unreadable => "unreadable",
            Self::Vanished => "vanished",
            Self::SymlinkLoop => "symlink-loop",
            Self::Decoding => "decoding",
            Self::Mojibake => "mojibake",
            Self::FrontMatter => "front-matter",
            Self::BadDate => "bad-date",
            Self::Catalog => "catalog",
        }
    }

    /// Whether this is only a notice of something skipped on purpose, not a failure.
    pub fn is_notice(self) -> bool {
        matches!(self, Self::Hidden | Self::UnsupportedType | Self::Mojibake)
    }
}
