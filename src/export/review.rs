//! The review pack: one folder to take into a design review. `report.md` says what corpus and
//! filter it covers and the key findings in plain sentences with their numbers (most discussed
//! technologies per category, rising and fading ones, pairs used together, migrations, the
//! radar), then shows every chart; beside it each chart as PNG, SVG and CSV, and the network
//! for Gephi.

use super::charts::{self, ChartOptions, Rendered};
use super::{ExportError, network};
use crate::analysis::trend::Trend;
use crate::analysis::{Analyses, Filter};
use crate::chart::category_share::label;
use crate::chart::{self, provenance, tool_name};
use crate::index::Corpus;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// How many items each finding lists at most.
const LIST: usize = 8;

/// What goes into the pack.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    /// Render the charts (off: `report.md` and the network only).
    pub charts: bool,
    /// Write `graph.gexf` and `graph.graphml` (off when the caller writes them already).
    pub network: bool,
    /// Scale and caption of the images.
    pub chart: ChartOptions,
}

/// Writes the review pack of `analyses` into `dir` (which must exist); returns the files written.
pub fn write_pack(
    corpus: &Corpus,
    analyses: &Analyses,
    filter: &Filter,
    dir: &Path,
    options: &PackOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    let rendered = if options.charts {
        charts::render_all(&chart::all(corpus, analyses, &[]), &options.chart)?
    } else {
        Vec::new()
    };
    let markdown = report_md(corpus, analyses, filter, &rendered);
    let gexf = network::gexf(corpus, analyses);
    let graphml = network::graphml(corpus, analyses);
    let mut files: Vec<(String, &[u8])> = vec![("report.md".to_owned(), markdown.as_bytes())];
    if options.network {
        files.push(("graph.gexf".to_owned(), gexf.as_bytes()));
        files.push(("graph.graphml".to_owned(), graphml.as_bytes()));
    }
    for r in &rendered {
        files.extend(r.files());
    }
    charts::write_all(dir, &files)
}

/// The names of the files a pack with `options` writes, to ask before replacing them.
pub fn file_names(options: &PackOptions) -> Vec<String> {
    let mut names = vec!["report.md".to_owned()];
    if options.network {
        names.extend(["graph.gexf".to_owned(), "graph.graphml".to_owned()]);
    }
    if options.charts {
        for kind in chart::ChartKind::ALL {
            names.extend(["png", "svg", "csv"].map(|ext| format!("{}.{ext}", kind.file_stem())));
        }
    }
    names
}

/// `report.md`.
pub fn report_md(corpus: &Corpus, analyses: &Analyses, filter: &Filter, charts: &[Rendered]) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Technology review: {}\n", corpus.name);
    let dated = corpus.talks.iter().filter(|t| t.talk.date.is_some()).count();
    let range = corpus.date_range().map_or_else(String::new, |(a, b)| format!(", dated from {a} to {b}"));
    let _ = writeln!(
        md,
        "- **Corpus:** {} — {} files, {} talks ({dated} dated{range}), {} Q&A pairs.",
        corpus.name,
        corpus.files.len(),
        corpus.talks.len(),
        corpus.qa_pairs()
    );
    let _ = writeln!(
        md,
        "- **Filter:** {} ({} talks selected).",
        provenance::describe(filter),
        analyses.selection.talk_count()
    );
    let _ = writeln!(md, "- **Written:** {} by stackradar.\n", jiff::Zoned::now().date());
    md.push_str("## Key findings\n\n");
    top_by_category(&mut md, corpus, analyses);
    trends(&mut md, corpus, analyses);
    pairs(&mut md, corpus, analyses);
    migrations(&mut md, corpus, analyses);
    radar(&mut md, corpus, analyses);
    if !charts.is_empty() {
        md.push_str("## Charts\n\nEach chart is here as PNG and SVG, with the numbers it plots as CSV.\n\n");
        for r in charts {
            let stem = r.kind.file_stem();
            let _ = writeln!(
                md,
                "### {}\n\n![{}]({stem}.png)\n\n[SVG]({stem}.svg) · [numbers (CSV)]({stem}.csv)\n",
                r.title, r.title
            );
        }
    }
    md
}

fn top_by_category(md: &mut String, corpus: &Corpus, analyses: &Analyses) {
    md.push_str("### Most discussed technologies by category\n\n");
    let tl = &analyses.timeline;
    let dated: u32 = tl.talks.iter().sum();
    let mut categories: Vec<_> = tl.category_talks.iter().map(|(c, v)| (*c, v.iter().sum::<u32>())).collect();
    categories.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    if categories.is_empty() {
        md.push_str("No dated talk mentions a known technology.\n\n");
        return;
    }
    for (category, talks) in categories.iter().take(LIST) {
        let top: Vec<String> = tl
            .series
            .iter()
            .filter(|s| s.category == *category)
            .take(3)
            .map(|s| {
                let n: u32 = s.talks.iter().sum();
                format!("{} ({n} talks, {})", tool_name(corpus, s.tool), percent(n, dated))
            })
            .collect();
        let _ = writeln!(md, "- **{}** ({talks} talks): {}.", label(*category), top.join(", "));
    }
    md.push('\n');
}

fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        "—".to_owned()
    } else {
        format!("{:.0}% of dated talks", f64::from(part) * 100.0 / f64::from(whole))
    }
}

fn trends(md: &mut String, corpus: &Corpus, analyses: &Analyses) {
    md.push_str("### Rising and fading\n\n");
    let tl = &analyses.timeline;
    let (Some(first), Some(last)) = (tl.periods.first(), tl.periods.last()) else {
        md.push_str("No dated talks, so no trends.\n\n");
        return;
    };
    let _ = writeln!(
        md,
        "Share of talks in the most recent periods against the earlier ones ({first} to {last}):\n"
    );
    for (trend, word) in [(Trend::Rising, "Rising"), (Trend::Declining, "Fading")] {
        let mut found: Vec<_> = tl.series.iter().filter(|s| s.trend == trend).collect();
        found.sort_by(|a, b| b.trend_z.abs().total_cmp(&a.trend_z.abs()).then(a.tool.cmp(&b.tool)));
        let items: Vec<String> = found
            .iter()
            .take(LIST)
            .map(|s| {
                let total: u32 = s.talks.iter().sum();
                let recent = s.talks.last().copied().unwrap_or(0);
                format!(
                    "{} ({total} talks, {recent} in {last}; z = {:.1})",
                    tool_name(corpus, s.tool),
                    s.trend_z
                )
            })
            .collect();
        if items.is_empty() {
            let _ = writeln!(md, "- **{word}:** none significantly.");
        } else {
            let _ = writeln!(md, "- **{word}:** {}.", items.join(", "));
        }
    }
    md.push('\n');
}

fn pairs(md: &mut String, corpus: &Corpus, analyses: &Analyses) {
    md.push_str("### Technologies discussed together\n\n");
    let g = &analyses.graph;
    let mut edges: Vec<_> = g.edges.iter().collect();
    edges.sort_by_key(|e| (std::cmp::Reverse(e.talks.together), e.a, e.b));
    if edges.is_empty() {
        md.push_str("No two technologies share enough talks.\n\n");
        return;
    }
    for e in edges.iter().take(LIST) {
        let (Some(a), Some(b)) = (g.nodes.get(e.a).map(|n| n.tool), g.nodes.get(e.b).map(|n| n.tool)) else {
            continue;
        };
        let _ = writeln!(
            md,
            "- {} and {}: {} talks together (Jaccard {:.2}, lift {:.1}).",
            tool_name(corpus, a),
            tool_name(corpus, b),
            e.talks.together,
            e.talks.jaccard,
            e.talks.lift
        );
    }
    md.push('\n');
}

fn migrations(md: &mut String, corpus: &Corpus, analyses: &Analyses) {
    md.push_str("### Migrations\n\n");
    if analyses.migrations.is_empty() {
        md.push_str("No talk says it moved from one technology to another.\n\n");
        return;
    }
    for &(from, to, talks) in analyses.migrations.iter().take(LIST) {
        let s = if talks == 1 { "" } else { "s" };
        let _ =
            writeln!(md, "- From {} to {}: {talks} talk{s}.", tool_name(corpus, from), tool_name(corpus, to));
    }
    md.push('\n');
}

fn radar(md: &mut String, corpus: &Corpus, analyses: &Analyses) {
    md.push_str("### Radar\n\n");
    if analyses.radar.is_empty() {
        md.push_str("No technology is discussed in enough talks for the radar.\n\n");
        return;
    }
    for ring in crate::analysis::radar::Ring::ALL {
        let mut blips: Vec<_> = analyses.radar.iter().filter(|b| b.ring == ring).collect();
        blips.sort_by_key(|b| (std::cmp::Reverse(b.uses), b.tool));
        let names: Vec<String> = blips.iter().take(LIST).map(|b| tool_name(corpus, b.tool)).collect();
        let more = blips.len().saturating_sub(LIST);
        let tail = if more > 0 { format!(" and {more} more") } else { String::new() };
        if !names.is_empty() {
            let _ = writeln!(md, "- **{}** ({}): {}{tail}.", ring.label(), blips.len(), names.join(", "));
        }
    }
    md.push('\n');
}
