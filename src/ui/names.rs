//! The names of the analysis's terms — categories, roles, stances, measures, granularities — in
//! the interface languages. Kept apart from the shell's strings because they follow the library's
//! enums one for one, and a new variant there should fail to compile here.

use super::i18n::Lang;
use crate::analysis::measures;
use crate::analysis::period::Granularity;
use crate::analysis::timeline;
use crate::catalog::Category;
use crate::extract::Stance;
use crate::parse::Role;

fn pick(lang: Lang, (en, zh): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::ZhHans => zh,
    }
}

/// A technology category's name.
pub fn category(category: Category, lang: Lang) -> &'static str {
    pick(
        lang,
        match category {
            Category::Orchestration => ("Orchestration", "编排"),
            Category::ContainerRuntime => ("Container runtime", "容器运行时"),
            Category::Networking => ("Networking", "网络"),
            Category::ServiceMesh => ("Service mesh", "服务网格"),
            Category::IngressGateway => ("Ingress & gateway", "入口与网关"),
            Category::Logging => ("Logging", "日志"),
            Category::Monitoring => ("Monitoring", "监控"),
            Category::Tracing => ("Tracing", "链路追踪"),
            Category::CiCd => ("CI/CD", "持续集成与交付"),
            Category::Registry => ("Registry", "镜像仓库"),
            Category::Storage => ("Storage", "存储"),
            Category::Database => ("Database", "数据库"),
            Category::MessageQueue => ("Message queue", "消息队列"),
            Category::Cache => ("Cache", "缓存"),
            Category::ConfigDiscovery => ("Config & discovery", "配置与服务发现"),
            Category::RpcFramework => ("RPC framework", "RPC 框架"),
            Category::Language => ("Language", "编程语言"),
            Category::Os => ("Operating system", "操作系统"),
            Category::Cloud => ("Cloud", "云平台"),
            Category::Serverless => ("Serverless", "无服务器"),
            Category::Security => ("Security", "安全"),
            Category::SchedulingBatch => ("Scheduling & batch", "调度与批处理"),
            Category::BigDataAi => ("Big data & AI", "大数据与 AI"),
            Category::PackageDeploy => ("Packaging & deploy", "打包与部署"),
            Category::ObservabilityOther => ("Other observability", "其他可观测性"),
            Category::Other => ("Other", "其他"),
        },
    )
}

/// A passage role's name.
pub fn role(role: Role, lang: Lang) -> &'static str {
    pick(
        lang,
        match role {
            Role::Title => ("Title", "标题"),
            Role::Question => ("Question", "提问"),
            Role::Answer => ("Answer", "回答"),
            Role::Body => ("Body", "正文"),
        },
    )
}

/// A stance's name.
pub fn stance(stance: Stance, lang: Lang) -> &'static str {
    pick(
        lang,
        match stance {
            Stance::Uses => ("Uses", "使用"),
            Stance::Evaluating => ("Evaluating", "评估中"),
            Stance::MovedAway => ("Moved away", "已弃用"),
            Stance::Asked => ("Asked about", "被提问"),
            Stance::Neutral => ("Mentioned", "提及"),
        },
    )
}

/// A timeline measure's name.
pub fn timeline_measure(measure: timeline::Measure, lang: Lang) -> &'static str {
    pick(
        lang,
        match measure {
            timeline::Measure::Mentions => ("Mentions", "提及次数"),
            timeline::Measure::Talks => ("Talks", "演讲数"),
            timeline::Measure::ShareOfTalks => ("Share of talks", "占演讲比例"),
            timeline::Measure::ShareInCategory => ("Share in category", "类别内占比"),
            timeline::Measure::Adopters => ("Adopting organisations", "采用的组织数"),
        },
    )
}

/// An edge measure's name.
pub fn edge_measure(measure: measures::Measure, lang: Lang) -> &'static str {
    pick(
        lang,
        match measure {
            measures::Measure::Count => ("Talks together", "共同出现的演讲数"),
            measures::Measure::Jaccard => ("Jaccard", "Jaccard 系数"),
            measures::Measure::Npmi => ("NPMI", "NPMI"),
            measures::Measure::Lift => ("Lift", "提升度"),
        },
    )
}

/// A granularity's name.
pub fn granularity(granularity: Granularity, lang: Lang) -> &'static str {
    pick(
        lang,
        match granularity {
            Granularity::Month => ("Month", "月"),
            Granularity::Quarter => ("Quarter", "季度"),
            Granularity::Year => ("Year", "年"),
        },
    )
}
