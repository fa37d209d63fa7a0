//! Migrations: directed pairs "from X to Y" with the sentence as evidence. Read from the words
//! between two technologies of one sentence: 从 Flannel 迁移到 Calico, 把 ELK 换成 Loki,
//! 用 Calico 替换了 Flannel, replaced X with Y, moved from X to Y, X was replaced by Y.

/// Chinese words between X and Y that make it X → Y.
const FORWARD_BETWEEN: &[&str] = &[
    "迁移到",
    "迁移至",
    "迁到",
    "迁往",
    "切换到",
    "切换至",
    "切到",
    "换成",
    "换为",
    "替换成",
    "替换为",
    "改成",
    "改为",
    "改用",
    "升级到",
    "转到",
    "转向",
    "过渡到",
    "迁移为",
];

/// Words between X and Y that make it Y → X: 用 Y 替换 X.
const BACKWARD_BETWEEN: &[&str] = &["替换", "替代", "取代", "代替", "replaced", "replaces", "superseded"];

/// English words before X that, with `to`/`with` between, make it X → Y.
const ENGLISH_FROM: &[&str] = &["from", "migrat", "moved", "move", "switch", "replac"];

/// Which way two technologies named in this order (`first`, `between`, second) migrate, given
/// the sentence text before the first: `Some(true)` first → second, `Some(false)` second →
/// first, `None` no migration.
pub fn direction(before: &str, between: &str, after: &str) -> Option<bool> {
    let between_lc = between.to_ascii_lowercase();
    let before_lc = before.to_ascii_lowercase();
    let tail = &before_lc[floor_char(&before_lc, before_lc.len().saturating_sub(24))..];
    if FORWARD_BETWEEN.iter().any(|w| between.contains(w)) {
        return Some(true);
    }
    if between_lc.contains("replaced by") || between_lc.contains("superseded by") {
        return Some(true);
    }
    if between.contains('被') && BACKWARD_BETWEEN.iter().any(|w| after.trim_start().starts_with(w)) {
        return Some(true);
    }
    let english = [" to ", " with ", " for "].iter().any(|w| between_lc.contains(w))
        || between_lc.trim() == "to"
        || between_lc.trim() == "with";
    if english && ENGLISH_FROM.iter().any(|w| tail.contains(w)) {
        return Some(true);
    }
    if BACKWARD_BETWEEN.iter().any(|w| between_lc.contains(w)) {
        return Some(false);
    }
    None
}

/// The largest char boundary of `s` at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
