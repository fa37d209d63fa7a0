//! The co-occurrence network as files Gephi and other graph tools open: GEXF 1.3 (with
//! categories, communities, centralities, positions, first/last dates as node time intervals,
//! and migrations as separate directed edges) and GraphML. Labels are written in UTF-8 as they
//! are, Chinese included; XML escaping comes from quick-xml.

use crate::analysis::Analyses;
use crate::catalog::ToolId;
use crate::index::Corpus;
use quick_xml::escape::escape;
use std::fmt::Write;

struct NodeRow {
    id: String,
    label: String,
    /// The first Chinese alias, for readers who know the technology by that name.
    label_zh: String,
    category: &'static str,
    community: usize,
    talks: u32,
    pagerank: f64,
    betweenness: f64,
    x: f64,
    y: f64,
    first: Option<String>,
    last: Option<String>,
}

fn node_rows(corpus: &Corpus, analyses: &Analyses) -> Vec<NodeRow> {
    let graph = &analyses.graph;
    graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let tech = corpus.catalog.tool(node.tool);
            let series = analyses.timeline.series_of(node.tool);
            NodeRow {
                id: tech.map_or_else(|| format!("tool-{}", node.tool.0), |t| t.id.clone()),
                label: tech.map_or_else(String::new, |t| t.name.clone()),
                label_zh: tech.and_then(chinese_name).unwrap_or_default(),
                category: tech.map_or("other", |t| t.category.as_str()),
                community: node.community,
                talks: node.talks,
                pagerank: graph.centrality.pagerank.get(i).copied().unwrap_or(0.0),
                betweenness: graph.centrality.betweenness.get(i).copied().unwrap_or(0.0),
                x: node.position[0] * 1000.0,
                y: node.position[1] * 1000.0,
                first: series.and_then(|s| s.first_seen).map(|d| d.to_string()),
                last: series.and_then(|s| s.last_seen).map(|d| d.to_string()),
            }
        })
        .collect()
}

/// The first alias written in Chinese characters, if any.
fn chinese_name(tech: &crate::catalog::Technology) -> Option<String> {
    tech.aliases
        .iter()
        .map(|a| a.text.as_str())
        .find(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .map(str::to_owned)
}

fn tool_id(corpus: &Corpus, tool: ToolId) -> String {
    corpus.catalog.tool(tool).map_or_else(|| format!("tool-{}", tool.0), |t| t.id.clone())
}

/// The network as GEXF 1.3.
pub fn gexf(corpus: &Corpus, analyses: &Analyses) -> String {
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">"#
    );
    let _ = writeln!(
        out,
        "  <meta><creator>stackradar</creator><description>Technologies mentioned together in {}</description></meta>",
        escape(corpus.name.as_str())
    );
    let _ = writeln!(out, r#"  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">"#);
    out.push_str(concat!(
        "    <attributes class=\"node\" mode=\"static\">\n",
        "      <attribute id=\"label_zh\" title=\"label_zh\" type=\"string\"/>\n",
        "      <attribute id=\"category\" title=\"category\" type=\"string\"/>\n",
        "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n",
        "      <attribute id=\"talks\" title=\"talks\" type=\"integer\"/>\n",
        "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n",
        "      <attribute id=\"betweenness\" title=\"betweenness\" type=\"double\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\" mode=\"static\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"talks\" title=\"talks\" type=\"integer\"/>\n",
        "      <attribute id=\"qa_pairs\" title=\"qa_pairs\" type=\"integer\"/>\n",
        "      <attribute id=\"jaccard\" title=\"jaccard\" type=\"double\"/>\n",
        "      <attribute id=\"npmi\" title=\"npmi\" type=\"double\"/>\n",
        "      <attribute id=\"lift\" title=\"lift\" type=\"double\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    let rows = node_rows(corpus, analyses);
    for row in &rows {
        let mut interval = String::new();
        if let (Some(first), Some(last)) = (&row.first, &row.last) {
            let _ = write!(interval, r#" start="{first}" end="{last}""#);
        }
        let _ = writeln!(
            out,
            r#"      <node id="{}" label="{}"{interval}>"#,
            escape(row.id.as_str()),
            escape(row.label.as_str())
        );
        let _ = writeln!(
            out,
            r#"        <attvalues><attvalue for="label_zh" value="{}"/><attvalue for="category" value="{}"/><attvalue for="community" value="{}"/><attvalue for="talks" value="{}"/><attvalue for="pagerank" value="{}"/><attvalue for="betweenness" value="{}"/></attvalues>"#,
            escape(row.label_zh.as_str()),
            row.category,
            row.community,
            row.talks,
            row.pagerank,
            row.betweenness
        );
        let _ = writeln!(
            out,
            r#"        <viz:position x="{:.3}" y="{:.3}" z="0"/><viz:size value="{:.2}"/>"#,
            row.x,
            row.y,
            4.0 + f64::from(row.talks).sqrt() * 2.0
        );
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, edge) in analyses.graph.edges.iter().enumerate() {
        let (Some(a), Some(b)) = (rows.get(edge.a), rows.get(edge.b)) else { continue };
        let _ = writeln!(
            out,
            r#"      <edge id="c{i}" source="{}" target="{}" weight="{}"><attvalues><attvalue for="kind" value="co-occurrence"/><attvalue for="talks" value="{}"/><attvalue for="qa_pairs" value="{}"/><attvalue for="jaccard" value="{}"/><attvalue for="npmi" value="{}"/><attvalue for="lift" value="{}"/></attvalues></edge>"#,
            escape(a.id.as_str()),
            escape(b.id.as_str()),
            edge.weight,
            edge.talks.together,
            edge.qa_pairs,
            edge.talks.jaccard,
            edge.talks.npmi,
            edge.talks.lift
        );
    }
    let in_graph: std::collections::BTreeSet<ToolId> = analyses.graph.nodes.iter().map(|n| n.tool).collect();
    for (i, &(from, to, talks)) in analyses.migrations.iter().enumerate() {
        if !in_graph.contains(&from) || !in_graph.contains(&to) {
            continue;
        }
        let _ = writeln!(
            out,
            r#"      <edge id="m{i}" source="{}" target="{}" type="directed" weight="{talks}"><attvalues><attvalue for="kind" value="migration"/><attvalue for="talks" value="{talks}"/></attvalues></edge>"#,
            escape(tool_id(corpus, from).as_str()),
            escape(tool_id(corpus, to).as_str())
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The network as GraphML (co-occurrence edges only; GraphML has one edge direction per graph).
pub fn graphml(corpus: &Corpus, analyses: &Analyses) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"label_zh\" for=\"node\" attr.name=\"label_zh\" attr.type=\"string\"/>\n",
        "  <key id=\"category\" for=\"node\" attr.name=\"category\" attr.type=\"string\"/>\n",
        "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"int\"/>\n",
        "  <key id=\"talks\" for=\"node\" attr.name=\"talks\" attr.type=\"int\"/>\n",
        "  <key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n",
        "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n",
        "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        "  <key id=\"etalks\" for=\"edge\" attr.name=\"talks\" attr.type=\"int\"/>\n",
        "  <key id=\"npmi\" for=\"edge\" attr.name=\"npmi\" attr.type=\"double\"/>\n",
        "  <graph id=\"cooccurrence\" edgedefault=\"undirected\">\n",
    ));
    let rows = node_rows(corpus, analyses);
    for row in &rows {
        let _ = writeln!(
            out,
            r#"    <node id="{}"><data key="label">{}</data><data key="label_zh">{}</data><data key="category">{}</data><data key="community">{}</data><data key="talks">{}</data><data key="pagerank">{}</data><data key="x">{:.3}</data><data key="y">{:.3}</data></node>"#,
            escape(row.id.as_str()),
            escape(row.label.as_str()),
            escape(row.label_zh.as_str()),
            row.category,
            row.community,
            row.talks,
            row.pagerank,
            row.x,
            row.y
        );
    }
    for edge in &analyses.graph.edges {
        let (Some(a), Some(b)) = (rows.get(edge.a), rows.get(edge.b)) else { continue };
        let _ = writeln!(
            out,
            r#"    <edge source="{}" target="{}"><data key="weight">{}</data><data key="etalks">{}</data><data key="npmi">{}</data></edge>"#,
            escape(a.id.as_str()),
            escape(b.id.as_str()),
            edge.weight,
            edge.talks.together,
            edge.talks.npmi
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
