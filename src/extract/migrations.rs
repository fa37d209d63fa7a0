//! Migrations: directed pairs "from X to Y" with the sentence as evidence. Read from the words
//! between two technologies of one sentence: 从 Flannel 迁移到 Calico, 把 ELK 换成 Loki,
//! 用 Calico 替换了 Flannel, replaced X with Y, moved from X to Y, X was replaced by Y.
//!
//! The words must connect the two names: the text between them is short and crosses no clause
//! mark (`helm 来代替，例如 azure` is no migration), and a negation or a mere possibility
//! (`Nginx 不能代替 Kong`, `可以用 Consul 替换 ZooKeeper`) says nothing was changed.

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

/// English verbs before X that, with `to` between, make it X → Y (`moved from X to Y`).
const ENGLISH_TO_VERBS: &[&str] = &["migrat", "moved", "move ", "moving", "switch"];

/// English verbs before X that, with `with`/`for` between, make it X → Y (`replaced X with Y`).
const ENGLISH_WITH_VERBS: &[&str] = &["replac", "swap"];

/// Marks that end a clause: words on either side of one are not connected.
const CLAUSE_MARKS: &[char] = &['，', ',', '、', '：', ':', '（', '(', '）', ')', '“', '”', '"', '—'];

/// Words that, between the names or just before them, make the change a negation.
const NEGATIONS: &[&str] = &["不", "没", "无法", "未", "not ", "n't "];

/// Words that, anywhere near, make the change a mere possibility (`如果将 X 替换成 Y`).
const POSSIBILITIES: &[&str] =
    &["如果", "假如", "要么", "可以", "能否", "是否", "if ", "whether", "could ", "can "];

/// Characters the text between two names may hold beyond its connecting word (`了原来的`).
const MAX_FILLER_CHARS: usize = 6;

/// Which way two technologies named in this order (`first`, `between`, second) migrate, given
/// the sentence text before the first: `Some(true)` first → second, `Some(false)` second →
/// first, `None` no migration.
pub fn direction(before: &str, between: &str, after: &str) -> Option<bool> {
    if between.contains(CLAUSE_MARKS) {
        return None;
    }
    let between_lc = between.to_ascii_lowercase();
    let before_lc = before.to_ascii_lowercase();
    let tail =
        before_lc.get(floor_char(&before_lc, before_lc.len().saturating_sub(24))..).unwrap_or_default();
    let near =
        before_lc.get(floor_char(&before_lc, before_lc.len().saturating_sub(12))..).unwrap_or_default();
    let negated = NEGATIONS.iter().any(|w| between_lc.contains(w) || near.contains(w));
    if negated || POSSIBILITIES.iter().any(|w| between_lc.contains(w) || tail.contains(w)) {
        return None;
    }
    let tight = |connector: &str| {
        let filler = between_lc.chars().filter(|c| !c.is_whitespace()).count();
        filler <= connector.chars().count() + MAX_FILLER_CHARS
    };
    let has = |words: &[&'static str]| words.iter().copied().find(|w| between_lc.contains(w));
    if let Some(w) = has(FORWARD_BETWEEN).or_else(|| has(&["replaced by", "superseded by"])) {
        return tight(w).then_some(true);
    }
    if between.trim() == "被" && BACKWARD_BETWEEN.iter().any(|w| after.trim_start().starts_with(w)) {
        return Some(true);
    }
    let word = between_lc.trim();
    if (word == "to" && ENGLISH_TO_VERBS.iter().any(|w| tail.contains(w)))
        || (matches!(word, "with" | "for") && ENGLISH_WITH_VERBS.iter().any(|w| tail.contains(w)))
    {
        return Some(true);
    }
    if let Some(w) = has(BACKWARD_BETWEEN) {
        return tight(w).then_some(false);
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
