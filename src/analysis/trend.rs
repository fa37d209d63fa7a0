//! Is a technology rising, fading, or having a burst? Stated methods, so the answer can be
//! explained in a design review:
//!
//! - **Rising / declining**: the share of talks mentioning it in the last [`WINDOW`] periods is
//!   compared with the share in the [`WINDOW`] periods before, by a two-proportion z-test; the
//!   trend is rising (declining) when z ≥ [`Z_TREND`] (≤ −[`Z_TREND`]), steady otherwise, and
//!   unknown when either window has fewer than [`MIN_TALKS`] talks. Trailing periods with fewer
//!   than [`MIN_TALKS`] talks are left out, so a late stray note does not decide the trend.
//! - **Bursts**: a period is a burst when its count exceeds what the share over all earlier
//!   periods predicts, by z ≥ [`Z_BURST`] under a binomial model, with at least 3 mentioning
//!   talks and two earlier periods of history.
//! - **Sparse periods**: periods with fewer than [`MIN_TALKS`] talks are flagged, not hidden:
//!   their shares are too noisy to read much into.
//! - **Smoothing**: a trailing moving average over a chosen number of periods.

use serde::Serialize;

/// Periods in each window of the trend test.
pub const WINDOW: usize = 2;
/// |z| needed to call a trend.
pub const Z_TREND: f64 = 1.96;
/// z needed to call a burst.
pub const Z_BURST: f64 = 3.0;
/// Fewer talks than this in a period make it sparse.
pub const MIN_TALKS: u32 = 5;

/// The direction of a technology's share over the most recent periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// Significantly more of the recent talks mention it.
    Rising,
    /// No significant change.
    Steady,
    /// Significantly fewer of the recent talks mention it.
    Declining,
    /// Too few talks to tell.
    Unknown,
}

impl Trend {
    /// The kebab-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rising => "rising",
            Self::Steady => "steady",
            Self::Declining => "declining",
            Self::Unknown => "unknown",
        }
    }
}

/// The trend of a series of (talks mentioning it, all talks) per period, oldest first.
pub fn trend(counts: &[u32], totals: &[u32]) -> (Trend, f64) {
    // Trailing sparse periods (a few notes from after the bulk of the corpus) say nothing about
    // the trend: the windows end at the last period with enough talks.
    let len = counts.len().min(totals.len());
    let len =
        totals.get(..len).unwrap_or_default().iter().rposition(|&t| t >= MIN_TALKS).map_or(0, |i| i + 1);
    if len < 2 * WINDOW {
        return (Trend::Unknown, 0.0);
    }
    let sum = |range: std::ops::Range<usize>, values: &[u32]| -> f64 {
        values.get(range).unwrap_or_default().iter().map(|&v| f64::from(v)).sum()
    };
    let recent = len - WINDOW..len;
    let before = len - 2 * WINDOW..len - WINDOW;
    let (x1, n1) = (sum(before.clone(), counts), sum(before, totals));
    let (x2, n2) = (sum(recent.clone(), counts), sum(recent, totals));
    if n1 < f64::from(MIN_TALKS) || n2 < f64::from(MIN_TALKS) {
        return (Trend::Unknown, 0.0);
    }
    let pooled = (x1 + x2) / (n1 + n2);
    let spread = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if spread == 0.0 {
        return (Trend::Steady, 0.0);
    }
    let z = (x2 / n2 - x1 / n1) / spread;
    let trend = if z >= Z_TREND {
        Trend::Rising
    } else if z <= -Z_TREND {
        Trend::Declining
    } else {
        Trend::Steady
    };
    (trend, z)
}

/// Indices of the burst periods of a series (see the module documentation).
pub fn bursts(counts: &[u32], totals: &[u32]) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut seen_count, mut seen_total, mut history) = (0.0f64, 0.0f64, 0);
    for (i, (&x, &n)) in counts.iter().zip(totals).enumerate() {
        let (x_f, n_f) = (f64::from(x), f64::from(n));
        if history >= 2 && seen_total > 0.0 && x >= 3 {
            // A share never seen before is given half a mention of history, so a first burst
            // still has finite odds.
            let p = (seen_count / seen_total).max(0.5 / seen_total).min(1.0 - 0.5 / seen_total);
            let z = (x_f - n_f * p) / (n_f * p * (1.0 - p)).sqrt();
            if z >= Z_BURST {
                out.push(i);
            }
        }
        if n > 0 {
            history += 1;
        }
        seen_count += x_f;
        seen_total += n_f;
    }
    out
}

/// A trailing moving average over `window` values (1 = no smoothing).
pub fn moving_average(values: &[f64], window: usize) -> Vec<f64> {
    let window = window.max(1);
    (0..values.len())
        .map(|i| {
            let start = (i + 1).saturating_sub(window);
            let slice = values.get(start..=i).unwrap_or_default();
            slice.iter().sum::<f64>() / slice.len() as f64
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_cases() {
        let cases: &[(&[u32], &[u32], Trend)] = &[
            (&[1, 1, 10, 12], &[20, 20, 20, 20], Trend::Rising),
            (&[10, 12, 1, 1], &[20, 20, 20, 20], Trend::Declining),
            (&[5, 5, 5, 6], &[20, 20, 20, 20], Trend::Steady),
            (&[1, 1, 1], &[20, 20, 20], Trend::Unknown),
            (&[1, 0, 1, 1], &[2, 1, 2, 1], Trend::Unknown),
            (&[0, 0, 0, 0], &[20, 20, 20, 20], Trend::Steady),
            (&[1, 1, 10, 12, 0], &[20, 20, 20, 20, 1], Trend::Rising),
        ];
        for (counts, totals, expected) in cases {
            assert_eq!(trend(counts, totals).0, *expected, "{counts:?}");
        }
    }

    #[test]
    fn z_by_hand() {
        // before: 2/40, recent: 22/40; pooled 24/80 = 0.3.
        let (_, z) = trend(&[1, 1, 10, 12], &[20, 20, 20, 20]);
        let expected = (22.0 / 40.0 - 2.0 / 40.0) / (0.3f64 * 0.7 * (2.0 / 40.0)).sqrt();
        assert!((z - expected).abs() < 1e-12);
    }

    #[test]
    fn burst_cases() {
        assert_eq!(bursts(&[1, 1, 1, 15, 1], &[50, 50, 50, 50, 50]), [3]);
        assert!(bursts(&[5, 5, 5, 5], &[50, 50, 50, 50]).is_empty());
        assert!(bursts(&[20, 1], &[20, 20]).is_empty(), "no history, no burst");
    }

    #[test]
    fn moving_average_cases() {
        assert_eq!(moving_average(&[1.0, 2.0, 3.0, 4.0], 2), [1.0, 1.5, 2.5, 3.5]);
        assert_eq!(moving_average(&[1.0, 2.0], 1), [1.0, 2.0]);
        assert!(moving_average(&[], 3).is_empty());
    }
}
