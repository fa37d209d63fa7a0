//! The analysis tables of the report: `timeline.csv`, `cooccurrence.csv`, `communities.csv`,
//! `matrix.csv` and `radar.csv` (in the Build-Your-Own-Radar format: name, ring, quadrant,
//! isNew, description), plus the network as `graph.gexf` and `graph.graphml`.

use super::tables::{date, to_csv};
use super::{ExportError, network, write_atomic};
use crate::analysis::Analyses;
use crate::analysis::matrix::STANCES;
use crate::analysis::timeline::Measure;
use crate::catalog::ToolId;
use crate::index::Corpus;
use std::path::Path;

fn name(corpus: &Corpus, tool: ToolId) -> (String, String, String) {
    corpus.catalog.tool(tool).map_or_else(
        || (format!("tool-{}", tool.0), String::new(), "other".to_owned()),
        |t| (t.id.clone(), t.name.clone(), t.category.as_str().to_owned()),
    )
}

/// Writes every analysis table and the network files into `dir`.
pub fn write(corpus: &Corpus, analyses: &Analyses, dir: &Path) -> Result<(), ExportError> {
    let files = [
        ("timeline.csv", timeline(corpus, analyses)?),
        ("cooccurrence.csv", cooccurrence(corpus, analyses)?),
        ("communities.csv", communities(corpus, analyses)?),
        ("matrix.csv", matrix(corpus, analyses)?),
        ("radar.csv", radar(corpus, analyses)?),
        ("graph.gexf", network::gexf(corpus, analyses).into_bytes()),
        ("graph.graphml", network::graphml(corpus, analyses).into_bytes()),
    ];
    for (file, bytes) in files {
        write_atomic(&dir.join(file), &bytes)?;
    }
    Ok(())
}

/// One row per technology and period.
pub fn timeline(corpus: &Corpus, analyses: &Analyses) -> Result<Vec<u8>, ExportError> {
    let tl = &analyses.timeline;
    let mut rows = Vec::new();
    for series in &tl.series {
        let (id, display, category) = name(corpus, series.tool);
        let share = tl.values(series, Measure::ShareOfTalks);
        let in_category = tl.values(series, Measure::ShareInCategory);
        for (i, period) in tl.periods.iter().enumerate() {
            rows.push(vec![
                period.to_string(),
                id.clone(),
                display.clone(),
                category.clone(),
                at(&series.mentions, i).to_string(),
                at(&series.talks, i).to_string(),
                at(&tl.talks, i).to_string(),
                format!("{:.6}", at(&share, i)),
                format!("{:.6}", at(&in_category, i)),
                at(&series.adopters, i).to_string(),
                at(&tl.sparse, i).to_string(),
                series.bursts.contains(&i).to_string(),
            ]);
        }
    }
    let header = [
        "period",
        "tool",
        "name",
        "category",
        "mentions",
        "talks",
        "period_talks",
        "share_of_talks",
        "share_in_category",
        "adopters",
        "sparse",
        "burst",
    ];
    to_csv("timeline", &header, rows)
}

/// One row per edge.
pub fn cooccurrence(corpus: &Corpus, analyses: &Analyses) -> Result<Vec<u8>, ExportError> {
    let g = &analyses.graph;
    let rows = g
        .edges
        .iter()
        .map(|e| {
            vec![
                g.nodes.get(e.a).map(|n| name(corpus, n.tool).0).unwrap_or_default(),
                g.nodes.get(e.b).map(|n| name(corpus, n.tool).0).unwrap_or_default(),
                e.talks.together.to_string(),
                e.qa_pairs.to_string(),
                format!("{:.6}", e.talks.jaccard),
                format!("{:.6}", e.talks.npmi),
                format!("{:.6}", e.talks.lift),
            ]
        })
        .collect();
    to_csv("cooccurrence", &["a", "b", "talks", "qa_pairs", "jaccard", "npmi", "lift"], rows)
}

/// One row per node: community, centralities, position, first and last seen.
pub fn communities(corpus: &Corpus, analyses: &Analyses) -> Result<Vec<u8>, ExportError> {
    let g = &analyses.graph;
    let c = &g.centrality;
    let rows = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (id, display, category) = name(corpus, n.tool);
            let series = analyses.timeline.series_of(n.tool);
            vec![
                id,
                display,
                category,
                n.community.to_string(),
                n.talks.to_string(),
                c.degree.get(i).copied().unwrap_or(0).to_string(),
                format!("{:.6}", c.weighted_degree.get(i).copied().unwrap_or(0.0)),
                format!("{:.6}", c.betweenness.get(i).copied().unwrap_or(0.0)),
                format!("{:.8}", c.pagerank.get(i).copied().unwrap_or(0.0)),
                format!("{:.4}", n.position[0]),
                format!("{:.4}", n.position[1]),
                date(series.and_then(|s| s.first_seen)),
                date(series.and_then(|s| s.last_seen)),
            ]
        })
        .collect();
    let header = [
        "tool",
        "name",
        "category",
        "community",
        "talks",
        "degree",
        "weighted_degree",
        "betweenness",
        "pagerank",
        "x",
        "y",
        "first_seen",
        "last_seen",
    ];
    to_csv("communities", &header, rows)
}

/// One row per non-empty organisation × technology cell.
pub fn matrix(corpus: &Corpus, analyses: &Analyses) -> Result<Vec<u8>, ExportError> {
    let m = &analyses.matrix;
    let mut rows = Vec::new();
    for (r, org) in m.orgs.iter().enumerate() {
        for (c, tool) in m.tools.iter().enumerate() {
            let Some(cell) = m.cells.get(r).and_then(|row| row.get(c)).copied().flatten() else { continue };
            let (id, display, _) = name(corpus, *tool);
            let mut row =
                vec![corpus.postings.org_name(*org).to_owned(), id, display, cell.talks.to_string()];
            row.extend(cell.stances.iter().map(ToString::to_string));
            row.push(cell.dominant().as_str().to_owned());
            rows.push(row);
        }
    }
    let mut header = vec!["org", "tool", "name", "talks"];
    header.extend(STANCES.iter().map(|s| s.as_str()));
    header.push("dominant");
    to_csv("matrix", &header, rows)
}

/// The radar in Build-Your-Own-Radar's CSV format.
pub fn radar(corpus: &Corpus, analyses: &Analyses) -> Result<Vec<u8>, ExportError> {
    let rows = analyses
        .radar
        .iter()
        .map(|b| {
            vec![
                name(corpus, b.tool).1,
                b.ring.label().to_owned(),
                b.quadrant.label().to_owned(),
                if b.is_new { "TRUE" } else { "FALSE" }.to_owned(),
                b.reason.clone(),
            ]
        })
        .collect();
    to_csv("radar", &["name", "ring", "quadrant", "isNew", "description"], rows)
}

/// The value of period `i` (every per-period vector has one per period).
fn at<T: Copy + Default>(values: &[T], i: usize) -> T {
    values.get(i).copied().unwrap_or_default()
}
