//! The words of the interface, in English and Simplified Chinese.
//!
//! Every visible string of the shell is a [`Str`] key looked up in one table, so a translation is
//! data in one place, not literals scattered through panels. Text that comes from the notes
//! themselves (titles, paths, messages of problems) is shown as it is.

use crate::problem::ProblemKind;
use serde::{Deserialize, Serialize};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// 简体中文.
    ZhHans,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Self; 2] = [Self::En, Self::ZhHans];

    /// The language's own name, for the menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhHans => "简体中文",
        }
    }
}

/// One string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // each key is documented by its English text in the table below
pub enum Str {
    File,
    OpenFolder,
    OpenFiles,
    OpenPath,
    OpenSample,
    Recent,
    NoRecent,
    ClearRecent,
    Quit,
    View,
    Theme,
    Light,
    Dark,
    Language,
    Overview,
    Talk,
    Problems,
    Corpus,
    Files,
    Talks,
    QaPairs,
    DateRange,
    Undated,
    Size,
    TalksPerYear,
    NoDatedTalks,
    Loading,
    Cancel,
    Cancelled,
    Listing,
    Reading,
    Decoding,
    Parsing,
    Indexing,
    PreviewShown,
    NoTalkSelected,
    DateFrom,
    Line,
    Question,
    Answer,
    RepairInTalk,
    RepairNothing,
    RepairFileNote,
    Confidence,
    NoProblems,
    EncodingGuessed,
    GuessedFromBytes,
    /// How an encoding was decided: UTF-8 with a few broken bytes.
    MostlyUtf8,
    FromBom,
    NoDialog,
    PathPrompt,
    Open,
    DropHere,
    LoadFailed,
    SettingsReset,
    Dismiss,
    Back,
    TalksCount,
    TalkCountOne,
    FilesCount,
    ProblemsCount,
    Repaired,
    PassagesHidden,
    LinesRepaired,
    CharsRestored,
    GuessesHere,
    Companies,
    Radar,
    Compare,
    Export,
    ExportChart,
    ExportPack,
    ExportFolder,
    Choose,
    Scale,
    CaptionOption,
    WillReplace,
    Replace,
    Exporting,
    Exported,
    ExportFailed,
    ExportWrites,
    CompaniesHint,
    RadarHint,
    CompareHint,
    AddTechnology,
    CoMentioned,
    Organisations,
    Examples,
    TopTechnologies,
    NothingToShow,
    Remove,
    ClickForPassages,
    Timeline,
    Graph,
    Evidence,
    Filters,
    ClearFilters,
    From,
    To,
    AnyYear,
    OnlyDated,
    Categories,
    Technologies,
    Roles,
    Stances,
    SearchHint,
    TalksSelected,
    Measure,
    Smoothing,
    CategoryShare,
    ShowCategoryShare,
    TopShown,
    ClickPoint,
    Computing,
    NoSeries,
    Peak,
    InTotal,
    InTotalOne,
    ColourBy,
    Community,
    Category,
    EdgeWeight,
    Threshold,
    MinTalks,
    MaxNodes,
    AllYears,
    ResetView,
    GraphHint,
    Nodes,
    Edges,
    StrongestDrawn,
    EmptyGraph,
    NoEvidence,
    EvidenceHint,
    SearchCorpus,
    Search,
    PassagesCount,
    FirstShown,
    ClickPassage,
    OrgsUnknown,
    MentionsHere,
    FrameTime,
    ShowFrameTime,
    Frames,
}

impl Str {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, zh) = self.texts();
        match lang {
            Lang::En => en,
            Lang::ZhHans => zh,
        }
    }

    /// (English, 简体中文) for every key: the table itself.
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            Self::File => ("File", "文件"),
            Self::OpenFolder => ("Open folder…", "打开文件夹…"),
            Self::OpenFiles => ("Open files…", "打开文件…"),
            Self::OpenPath => ("Open path…", "按路径打开…"),
            Self::OpenSample => ("Open the sample corpus", "打开内置示例语料"),
            Self::Recent => ("Recent", "最近打开"),
            Self::NoRecent => ("Nothing opened yet", "尚无记录"),
            Self::ClearRecent => ("Clear recent", "清除最近记录"),
            Self::Quit => ("Quit", "退出"),
            Self::View => ("View", "视图"),
            Self::Theme => ("Theme", "主题"),
            Self::Light => ("Light", "浅色"),
            Self::Dark => ("Dark", "深色"),
            Self::Language => ("Language", "语言"),
            Self::Overview => ("Overview", "概览"),
            Self::Talk => ("Talk", "演讲"),
            Self::Problems => ("Problems", "问题"),
            Self::Corpus => ("Corpus", "语料"),
            Self::Files => ("Files", "文件"),
            Self::Talks => ("Talks", "演讲"),
            Self::QaPairs => ("Q&A pairs", "问答对"),
            Self::DateRange => ("Dates", "日期范围"),
            Self::Undated => ("Undated talks", "无日期演讲"),
            Self::Size => ("Size", "大小"),
            Self::TalksPerYear => ("Talks per year", "每年演讲数"),
            Self::NoDatedTalks => ("No talk has a date.", "没有带日期的演讲。"),
            Self::Loading => ("Loading", "正在加载"),
            Self::Cancel => ("Cancel", "取消"),
            Self::Cancelled => {
                ("Loading cancelled; the previous corpus is still shown.", "已取消加载；仍显示之前的语料。")
            }
            Self::Listing => ("listing files", "列出文件"),
            Self::Reading => ("reading", "读取"),
            Self::Decoding => ("decoding and repairing", "解码与修复"),
            Self::Parsing => ("finding talks", "识别演讲"),
            Self::Indexing => ("indexing", "建立索引"),
            Self::PreviewShown => ("preview of a sample of the files", "部分文件的预览"),
            Self::NoTalkSelected => {
                ("Select a talk in the list on the left.", "请在左侧列表中选择一个演讲。")
            }
            Self::DateFrom => ("date from", "日期来源"),
            Self::Line => ("line", "行"),
            Self::Question => ("Q", "问"),
            Self::Answer => ("A", "答"),
            Self::RepairInTalk => ("What repair changed in this talk", "此演讲中的修复"),
            Self::RepairNothing => ("Nothing was repaired in this talk.", "此演讲没有经过修复。"),
            Self::RepairFileNote => ("This file had been decoded as", "此文件曾被错误解码为"),
            Self::Confidence => ("confidence", "置信度"),
            Self::NoProblems => {
                ("Nothing was skipped, guessed or repaired.", "没有跳过、猜测或修复任何内容。")
            }
            Self::EncodingGuessed => ("Encodings other than UTF-8", "非 UTF-8 编码"),
            Self::GuessedFromBytes => ("guessed from the bytes", "根据字节推测"),
            Self::MostlyUtf8 => ("with a few broken bytes replaced", "少量损坏字节已替换"),
            Self::FromBom => ("named by a byte-order mark", "由字节顺序标记指定"),
            Self::NoDialog => (
                "No file dialog is available here (no desktop portal or zenity). Type a path instead:",
                "此系统没有可用的文件对话框（无桌面门户或 zenity）。请输入路径：",
            ),
            Self::PathPrompt => ("Folder or file to open", "要打开的文件夹或文件"),
            Self::Open => ("Open", "打开"),
            Self::DropHere => ("Drop folders or files to open them", "拖放文件夹或文件以打开"),
            Self::LoadFailed => ("Could not open", "无法打开"),
            Self::SettingsReset => (
                "Some saved settings could not be read and were reset:",
                "部分已保存的设置无法读取，已恢复默认：",
            ),
            Self::Dismiss => ("Dismiss", "关闭"),
            Self::Back => ("Back", "返回"),
            Self::TalksCount => ("talks", "个演讲"),
            Self::TalkCountOne => ("talk", "个演讲"),
            Self::FilesCount => ("files", "个文件"),
            Self::ProblemsCount => ("problems", "个问题"),
            Self::Repaired => ("repaired", "已修复"),
            Self::LinesRepaired => ("lines reversed in the file", "文件中还原的行"),
            Self::CharsRestored => ("characters restored", "恢复的字符"),
            Self::GuessesHere => ("guesses in this talk", "此演讲中的推测"),
            Self::PassagesHidden => ("more passages; showing the first", "更多段落；仅显示前"),
            Self::Companies => ("Companies", "公司"),
            Self::Radar => ("Radar", "雷达"),
            Self::Compare => ("Compare", "对比"),
            Self::Export => ("Export…", "导出…"),
            Self::ExportChart => ("Export this chart", "导出此图表"),
            Self::ExportPack => ("Export review pack…", "导出评审资料包…"),
            Self::ExportFolder => ("Folder to write into", "写入的文件夹"),
            Self::Choose => ("Choose…", "选择…"),
            Self::Scale => ("PNG scale", "PNG 缩放"),
            Self::CaptionOption => (
                "Provenance line under each image (corpus, filter, measure, date)",
                "图片下方的来源说明（语料、筛选、度量、日期）",
            ),
            Self::WillReplace => ("These files exist and would be replaced:", "以下文件已存在，将被替换："),
            Self::Replace => ("Replace", "替换"),
            Self::Exporting => ("Exporting…", "正在导出…"),
            Self::Exported => ("Exported", "已导出"),
            Self::ExportFailed => ("Export failed", "导出失败"),
            Self::ExportWrites => ("Writes", "将写入"),
            Self::CompaniesHint => (
                "Which organisation talks about which technology: colour is the dominant stance, strength the number of talks. Click a cell for the passages.",
                "哪个组织谈到哪项技术：颜色表示主要态度，深浅表示演讲数。点击单元格查看原文段落。",
            ),
            Self::RadarHint => (
                "Rings follow a stated rule over uses, adopters, moves away and trend. Click a blip or a row for the passages.",
                "环按明确规则划分（使用、采用组织、迁出、趋势）。点击圆点或行查看原文段落。",
            ),
            Self::CompareHint => ("Choose two to five technologies.", "选择二到五项技术。"),
            Self::AddTechnology => ("Add a technology", "添加技术"),
            Self::CoMentioned => ("Mentioned with", "常一同提及"),
            Self::Organisations => ("Organisations", "组织"),
            Self::Examples => ("Strongest passages", "最有力的段落"),
            Self::TopTechnologies => ("Most discussed technologies", "讨论最多的技术"),
            Self::NothingToShow => ("Nothing to show for this corpus.", "此语料没有可显示的内容。"),
            Self::Remove => ("Remove", "移除"),
            Self::ClickForPassages => ("Click a bar for the passages.", "点击条形查看原文段落。"),
            Self::Timeline => ("Timeline", "时间线"),
            Self::Graph => ("Graph", "关系图"),
            Self::Evidence => ("Evidence", "证据"),
            Self::Filters => ("Filters", "筛选"),
            Self::ClearFilters => ("Clear filters", "清除筛选"),
            Self::From => ("From", "起"),
            Self::To => ("To", "止"),
            Self::AnyYear => ("any", "不限"),
            Self::OnlyDated => ("Only dated talks", "仅含有日期的演讲"),
            Self::Categories => ("Categories", "类别"),
            Self::Technologies => ("Technologies", "技术"),
            Self::Roles => ("Where mentioned", "提及位置"),
            Self::Stances => ("Stances", "态度"),
            Self::SearchHint => ("Search…", "搜索…"),
            Self::TalksSelected => ("talks selected", "个演讲被选中"),
            Self::Measure => ("Measure", "指标"),
            Self::Smoothing => ("Smoothing", "平滑"),
            Self::CategoryShare => {
                ("Share of each category among mentioned categories", "各类别在被提及类别中的占比")
            }
            Self::ShowCategoryShare => ("Category share", "类别占比"),
            Self::TopShown => (
                "Showing the most talked-about; tick technologies on the left to choose.",
                "显示讨论最多的技术；在左侧勾选以自行选择。",
            ),
            Self::ClickPoint => ("Click a point to read the passages behind it.", "点击数据点查看对应原文。"),
            Self::Computing => ("Computing…", "计算中…"),
            Self::NoSeries => {
                ("No technology is mentioned under this filter.", "当前筛选下没有提及任何技术。")
            }
            Self::Peak => ("peak", "峰值"),
            Self::InTotal => ("talks in all", "个演讲合计"),
            Self::InTotalOne => ("talk in all", "个演讲合计"),
            Self::ColourBy => ("Colour", "颜色"),
            Self::Community => ("Community", "社区"),
            Self::Category => ("Category", "类别"),
            Self::EdgeWeight => ("Edge weight", "边权重"),
            Self::Threshold => ("Hide weaker edges", "隐藏较弱的边"),
            Self::MinTalks => ("Min talks", "最少演讲数"),
            Self::MaxNodes => ("Max nodes", "最多节点"),
            Self::AllYears => ("All years", "全部年份"),
            Self::ResetView => ("Reset view", "重置视图"),
            Self::GraphHint => (
                "Scroll to zoom, drag to pan or to move a node; click a node or an edge to read its passages.",
                "滚轮缩放，拖动平移或移动节点；点击节点或边查看原文。",
            ),
            Self::Nodes => ("nodes", "个节点"),
            Self::Edges => ("edges", "条边"),
            Self::StrongestDrawn => ("strongest drawn", "条最强的边已绘出"),
            Self::EmptyGraph => (
                "No two technologies are mentioned together often enough under this filter.",
                "当前筛选下没有足够多共同出现的技术。",
            ),
            Self::NoEvidence => ("No passage matches.", "没有匹配的段落。"),
            Self::EvidenceHint => (
                "Click a point of the timeline, a node or an edge of the graph, or search the corpus (Ctrl+F).",
                "点击时间线上的点、关系图中的节点或边，或搜索语料（Ctrl+F）。",
            ),
            Self::SearchCorpus => ("Search the corpus", "搜索语料"),
            Self::Search => ("Search", "搜索"),
            Self::PassagesCount => ("passages", "个段落"),
            Self::FirstShown => ("only the first are listed", "仅列出前面部分"),
            Self::ClickPassage => ("Click a line to read it in its talk.", "点击一行以在演讲中阅读。"),
            Self::OrgsUnknown => ("organisation unknown", "组织未知"),
            Self::MentionsHere => ("technologies mentioned", "提及的技术"),
            Self::FrameTime => ("Frame time", "帧耗时"),
            Self::ShowFrameTime => ("Show frame time", "显示帧耗时"),
            Self::Frames => ("frames", "帧"),
        }
    }
}

/// The name of a kind of problem, as a heading of the Problems view.
pub fn problem_kind(kind: ProblemKind, lang: Lang) -> &'static str {
    let (en, zh) = match kind {
        ProblemKind::Hidden => ("Hidden, not read", "隐藏，未读取"),
        ProblemKind::UnsupportedType => ("Not a note format, not read", "非笔记格式，未读取"),
        ProblemKind::TooLarge => ("Too large, not read", "过大，未读取"),
        ProblemKind::Binary => ("Binary, not read", "二进制，未读取"),
        ProblemKind::Unreadable => ("Unreadable", "无法读取"),
        ProblemKind::Vanished => ("Disappeared while reading", "读取时消失"),
        ProblemKind::SymlinkLoop => ("Symbolic link loops", "符号链接循环"),
        ProblemKind::Decoding => ("Invalid bytes replaced", "无效字节已替换"),
        ProblemKind::Mojibake => ("Mojibake repaired", "乱码已修复"),
        ProblemKind::FrontMatter => ("Front matter unreadable", "前置元数据无法读取"),
        ProblemKind::BadDate => ("Impossible dates", "无效日期"),
        ProblemKind::Catalog => ("Catalog entries skipped", "目录条目已跳过"),
    };
    match lang {
        Lang::En => en,
        Lang::ZhHans => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_text_for_a_key() {
        for lang in Lang::ALL {
            assert!(!Str::Overview.get(lang).is_empty());
        }
        assert_eq!(Str::Overview.get(Lang::ZhHans), "概览");
    }
}
