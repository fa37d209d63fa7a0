//! Association measures for two technologies mentioned in the same talks: how much more often
//! they appear together than chance would make them.
//!
//! With `n` documents (talks or Q&A pairs), `a` and `b` mentioning each technology and `ab`
//! mentioning both:
//! - **Jaccard** = ab / (a + b − ab), the overlap of the two sets;
//! - **lift** = ab·n / (a·b), how many times more often than if they were independent;
//! - **NPMI** = log(p(ab) / (p(a)p(b))) / −log p(ab), pointwise mutual information scaled to
//!   [−1, 1]: 1 when they only ever appear together, 0 when independent.

use serde::Serialize;

/// The association of one pair of technologies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Association {
    /// Documents mentioning both.
    pub together: u32,
    /// Jaccard index, 0–1.
    pub jaccard: f64,
    /// Normalised pointwise mutual information, −1–1.
    pub npmi: f64,
    /// Lift, ≥ 0 (1 = independent).
    pub lift: f64,
}

/// The association of two sets of `a` and `b` documents out of `n` sharing `ab`.
/// Returns `None` when the pair never co-occurs or the counts are inconsistent.
pub fn association(n: u32, a: u32, b: u32, ab: u32) -> Option<Association> {
    if ab == 0 || n == 0 || ab > a.min(b) || a.max(b) > n {
        return None;
    }
    let (n, a, b, ab_f) = (f64::from(n), f64::from(a), f64::from(b), f64::from(ab));
    let jaccard = ab_f / (a + b - ab_f);
    let lift = ab_f * n / (a * b);
    let p_ab = ab_f / n;
    // When every document mentions both, p(ab) = 1 and NPMI's denominator is 0: the pair is
    // perfectly associated.
    let npmi = if p_ab >= 1.0 { 1.0 } else { lift.ln() / -p_ab.ln() };
    Some(Association { together: ab, jaccard, npmi, lift })
}

/// Which measure weighs an edge: what the user chose to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Number of documents mentioning both.
    #[default]
    Count,
    /// Jaccard index.
    Jaccard,
    /// Normalised pointwise mutual information.
    Npmi,
    /// Lift.
    Lift,
}

impl Measure {
    /// All measures, in menu order.
    pub const ALL: [Self; 4] = [Self::Count, Self::Jaccard, Self::Npmi, Self::Lift];

    /// The measure's value for `association`.
    pub fn of(self, association: &Association) -> f64 {
        match self {
            Self::Count => f64::from(association.together),
            Self::Jaccard => association.jaccard,
            Self::Npmi => association.npmi,
            Self::Lift => association.lift,
        }
    }

    /// The kebab-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Jaccard => "jaccard",
            Self::Npmi => "npmi",
            Self::Lift => "lift",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_cases() {
        // n, a, b, ab → jaccard, lift, npmi
        let cases = [
            (100, 10, 10, 10, 1.0, 10.0, 1.0),
            (100, 20, 10, 5, 5.0 / 25.0, 2.5, (2.5f64).ln() / -(0.05f64).ln()),
            (100, 50, 50, 25, 25.0 / 75.0, 1.0, 0.0),
            (4, 4, 4, 4, 1.0, 1.0, 1.0),
        ];
        for (n, a, b, ab, jaccard, lift, npmi) in cases {
            let got = association(n, a, b, ab).unwrap();
            assert!((got.jaccard - jaccard).abs() < 1e-12, "{n} {a} {b} {ab}");
            assert!((got.lift - lift).abs() < 1e-12);
            assert!((got.npmi - npmi).abs() < 1e-12);
        }
    }

    #[test]
    fn impossible_or_empty_pairs_have_no_association() {
        for (n, a, b, ab) in [(10, 2, 2, 0), (0, 0, 0, 0), (10, 2, 2, 3), (10, 11, 2, 1)] {
            assert_eq!(association(n, a, b, ab), None);
        }
    }
}
