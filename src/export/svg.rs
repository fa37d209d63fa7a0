//! A [`Chart`] as SVG. Text is drawn as glyph outlines from the bundled font, so the file shows
//! Chinese correctly in any viewer on any machine, fonts installed or not, and renders to PNG
//! with no font lookup at all. The words are not lost: each outline carries its text as
//! `aria-label` and `<title>` (read by screen readers, shown on hover, found by search tools),
//! and data marks carry their hover text as `<title>` too.

use crate::chart::{Anchor, CAPTION_BAND, Chart, Colour, Label, Mark, Shape, font, palette};
use quick_xml::escape::escape;
use std::fmt::Write;

/// Where the baseline sits below a label's vertical middle, in ems (about half the height of
/// a capital or a CJK character).
const BASELINE_DROP: f32 = 0.36;

/// The chart as an SVG document.
pub fn to_svg(chart: &Chart) -> String {
    let (w, h) = (chart.width, chart.drawn_height());
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}">"#,
        escape(chart.title.as_str())
    );
    let _ = writeln!(out, "<title>{}</title>", escape(chart.title.as_str()));
    let _ = writeln!(out, r#"<rect x="0" y="0" width="{w}" height="{h}" fill="{}"/>"#, chart.background);
    for mark in &chart.marks {
        mark_svg(&mut out, mark);
    }
    for label in &chart.labels {
        label_svg(&mut out, label);
    }
    if let Some(caption) = &chart.caption {
        let line = Label {
            text: font::fit(caption, 11.0, chart.width - 32.0),
            at: [16.0, chart.height + CAPTION_BAND / 2.0],
            size: 11.0,
            anchor: Anchor::Start,
            colour: palette::MUTED,
            vertical: false,
        };
        label_svg(&mut out, &line);
    }
    out.push_str("</svg>\n");
    out
}

fn paint(out: &mut String, fill: Option<Colour>, stroke: Option<(Colour, f32)>) {
    match fill {
        Some(c) => {
            let _ = write!(out, r#" fill="{c}""#);
            if c.a < 255 {
                let _ = write!(out, r#" fill-opacity="{:.3}""#, c.opacity());
            }
        }
        None => out.push_str(r#" fill="none""#),
    }
    if let Some((c, width)) = stroke {
        let _ = write!(out, r#" stroke="{c}" stroke-width="{width:.2}""#);
        if c.a < 255 {
            let _ = write!(out, r#" stroke-opacity="{:.3}""#, c.opacity());
        }
    }
}

fn points(list: &[[f32; 2]]) -> String {
    let mut s = String::with_capacity(list.len() * 14);
    for p in list {
        let _ = write!(s, "{:.2},{:.2} ", p[0], p[1]);
    }
    s.trim_end().to_owned()
}

fn mark_svg(out: &mut String, mark: &Mark) {
    let open = match &mark.shape {
        Shape::Rect { x, y, w, h } => {
            format!(r#"<rect x="{x:.2}" y="{y:.2}" width="{:.2}" height="{:.2}""#, w.max(0.0), h.max(0.0))
        }
        Shape::Circle { centre, radius } => {
            format!(r#"<circle cx="{:.2}" cy="{:.2}" r="{radius:.2}""#, centre[0], centre[1])
        }
        Shape::Line(list) => {
            format!(r#"<polyline stroke-linejoin="round" stroke-linecap="round" points="{}""#, points(list))
        }
        Shape::Polygon(list) => format!(r#"<polygon points="{}""#, points(list)),
    };
    out.push_str(&open);
    paint(out, mark.fill, mark.stroke);
    match &mark.tip {
        Some(tip) => {
            let name = open.trim_start_matches('<').split(' ').next().unwrap_or("g");
            let _ = writeln!(out, "><title>{}</title></{name}>", escape(tip.as_str()));
        }
        None => out.push_str("/>\n"),
    }
}

fn label_svg(out: &mut String, label: &Label) {
    let width = font::width(&label.text, label.size);
    let x = match label.anchor {
        Anchor::Start => label.at[0],
        Anchor::Middle => label.at[0] - width / 2.0,
        Anchor::End => label.at[0] - width,
    };
    let data = font::outline(&label.text, label.size, x, label.at[1] + label.size * BASELINE_DROP);
    if data.is_empty() {
        return;
    }
    let text = escape(label.text.as_str());
    let _ = write!(out, r#"<path aria-label="{text}" fill="{}""#, label.colour);
    if label.colour.a < 255 {
        let _ = write!(out, r#" fill-opacity="{:.3}""#, label.colour.opacity());
    }
    if label.vertical {
        let _ = write!(out, r#" transform="rotate(-90 {:.2} {:.2})""#, label.at[0], label.at[1]);
    }
    let _ = writeln!(out, r#" d="{data}"><title>{text}</title></path>"#);
}
