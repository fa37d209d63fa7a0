//! What a mention says about the choice: the speaker's company uses it, is evaluating it, moved
//! away from it, someone asked about it, or it is merely named. Decided from cue words in the
//! mention's sentence, in Chinese and English; the cue words are found by the same automaton
//! pass that finds the mentions.

use serde::Serialize;

/// The stance of one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// In production or chosen: 我们用, 采用, 基于, 上线了, we run.
    Uses,
    /// Being looked at: 调研, 评估, 考虑, 测试中.
    Evaluating,
    /// Left behind: 弃用, 替换掉, 迁移出, or the source of a migration.
    MovedAway,
    /// Named in a question: someone asking is not a company choosing.
    Asked,
    /// Named without a cue.
    Neutral,
}

impl Stance {
    /// Every stance, strongest first: the order of per-stance counts everywhere.
    pub const ALL: [Self; 5] = [Self::Uses, Self::Evaluating, Self::MovedAway, Self::Asked, Self::Neutral];

    /// The position of this stance in [`Stance::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Uses => "uses",
            Self::Evaluating => "evaluating",
            Self::MovedAway => "moved-away",
            Self::Asked => "asked",
            Self::Neutral => "neutral",
        }
    }
}

/// A kind of cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// The speaker uses it.
    Uses,
    /// The speaker is evaluating it.
    Evaluating,
    /// The speaker left it.
    MovedAway,
    /// Negates use: 没有用, 不使用, don't use.
    Negation,
    /// A change from one thing to another: 迁移, 替换, replace, migrate (see
    /// [`super::migrations`]).
    Migration,
}

/// Cue words. Latin ones obey word boundaries like aliases do.
pub const CUES: &[(&str, Cue)] = &[
    ("我们用", Cue::Uses),
    ("我们使用", Cue::Uses),
    ("我们采用", Cue::Uses),
    ("我们是用", Cue::Uses),
    ("我们目前用", Cue::Uses),
    ("用的是", Cue::Uses),
    ("使用的是", Cue::Uses),
    ("采用", Cue::Uses),
    ("基于", Cue::Uses),
    ("上线了", Cue::Uses),
    ("已经上线", Cue::Uses),
    ("在用", Cue::Uses),
    ("用了", Cue::Uses),
    ("使用了", Cue::Uses),
    ("部署了", Cue::Uses),
    ("生产环境", Cue::Uses),
    ("线上", Cue::Uses),
    ("落地", Cue::Uses),
    ("we use", Cue::Uses),
    ("we used", Cue::Uses),
    ("we run", Cue::Uses),
    ("we are using", Cue::Uses),
    ("we're using", Cue::Uses),
    ("we chose", Cue::Uses),
    ("we adopted", Cue::Uses),
    ("in production", Cue::Uses),
    ("based on", Cue::Uses),
    ("调研", Cue::Evaluating),
    ("评估", Cue::Evaluating),
    ("考虑", Cue::Evaluating),
    ("测试中", Cue::Evaluating),
    ("在测试", Cue::Evaluating),
    ("试用", Cue::Evaluating),
    ("尝试", Cue::Evaluating),
    ("打算", Cue::Evaluating),
    ("计划", Cue::Evaluating),
    ("预研", Cue::Evaluating),
    ("研究一下", Cue::Evaluating),
    ("evaluating", Cue::Evaluating),
    ("considering", Cue::Evaluating),
    ("trying out", Cue::Evaluating),
    ("poc", Cue::Evaluating),
    ("弃用", Cue::MovedAway),
    ("放弃", Cue::MovedAway),
    ("替换掉", Cue::MovedAway),
    ("迁移出", Cue::MovedAway),
    ("不再使用", Cue::MovedAway),
    ("不再用", Cue::MovedAway),
    ("淘汰", Cue::MovedAway),
    ("去掉了", Cue::MovedAway),
    ("abandoned", Cue::MovedAway),
    ("dropped", Cue::MovedAway),
    ("moved away", Cue::MovedAway),
    ("no longer use", Cue::MovedAway),
    ("没有用", Cue::Negation),
    ("没用", Cue::Negation),
    ("没有使用", Cue::Negation),
    ("不使用", Cue::Negation),
    ("并未使用", Cue::Negation),
    ("不用", Cue::Negation),
    ("don't use", Cue::Negation),
    ("do not use", Cue::Negation),
    ("not using", Cue::Negation),
    ("迁移", Cue::Migration),
    ("迁到", Cue::Migration),
    ("切换", Cue::Migration),
    ("切到", Cue::Migration),
    ("换成", Cue::Migration),
    ("替换", Cue::Migration),
    ("替代", Cue::Migration),
    ("取代", Cue::Migration),
    ("代替", Cue::Migration),
    ("改用", Cue::Migration),
    ("改成", Cue::Migration),
    ("replaced", Cue::Migration),
    ("replace", Cue::Migration),
    ("migrated", Cue::Migration),
    ("migrate", Cue::Migration),
    ("moved from", Cue::Migration),
    ("switched", Cue::Migration),
];

/// The stance of a mention in a passage of `role`, given the cues of its sentence.
/// Questions always ask; otherwise leaving beats negation, which beats evaluating, which beats
/// using. Migration sides are set afterwards by [`super::migrations`].
pub fn decide(is_question: bool, cues: impl Iterator<Item = Cue>) -> Stance {
    if is_question {
        return Stance::Asked;
    }
    let mut best: Option<Cue> = None;
    for cue in cues {
        let rank = |c: Cue| match c {
            Cue::MovedAway => 0,
            Cue::Negation => 1,
            Cue::Evaluating => 2,
            Cue::Uses => 3,
            Cue::Migration => 4,
        };
        if best.is_none_or(|b| rank(cue) < rank(b)) {
            best = Some(cue);
        }
    }
    match best {
        Some(Cue::MovedAway) => Stance::MovedAway,
        Some(Cue::Evaluating) => Stance::Evaluating,
        Some(Cue::Uses) => Stance::Uses,
        Some(Cue::Negation | Cue::Migration) | None => Stance::Neutral,
    }
}
