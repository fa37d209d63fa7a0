//! Text as shapes: the bundled font (Noto Sans CJK SC subset, SIL OFL 1.1) measures every label
//! for layout and turns it into glyph outlines for the SVG. Outlines make an exported chart
//! read the same on a machine with no Chinese font at all, and in every renderer; the label's
//! text stays in the file beside its outline (see `export::svg`).
//!
//! Characters the subset lacks are measured and drawn as the font's missing-glyph box, never
//! silently dropped, so the layout stays honest about them.

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::prelude::{FontRef, MetadataProvider};
use std::fmt::Write;
use std::sync::OnceLock;

/// The bundled font: GB2312, Big5 level 1, ASCII and punctuation (see `assets/fonts/`).
pub const BUNDLED: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-subset.otf");

/// Advance widths per character at size 1, cached: layout measures thousands of labels.
struct Metrics {
    ascii: [f32; 128],
}

fn font() -> Option<FontRef<'static>> {
    FontRef::new(BUNDLED).ok()
}

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let mut ascii = [0.5f32; 128];
        let Some(font) = font() else { return Metrics { ascii } };
        for (code, width) in ascii.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(u32::try_from(code).unwrap_or(0)) {
                *width = advance(&font, c);
            }
        }
        Metrics { ascii }
    })
}

/// Advance of `c` at size 1 (in ems).
fn advance(font: &FontRef<'_>, c: char) -> f32 {
    let glyph = font.charmap().map(c).unwrap_or_default();
    font.glyph_metrics(Size::new(1.0), LocationRef::default()).advance_width(glyph).unwrap_or(1.0)
}

/// The width of `text` set at `size` in the bundled font.
pub fn width(text: &str, size: f32) -> f32 {
    let m = metrics();
    let font = font();
    let ems: f32 = text
        .chars()
        .map(|c| match m.ascii.get(c as usize) {
            Some(w) => *w,
            // Outside ASCII nearly everything in these charts is a full-width CJK character.
            None => font.as_ref().map_or(1.0, |f| advance(f, c)),
        })
        .sum();
    ems * size
}

/// Shortens `text` with an ellipsis so that it fits in `max_width` at `size`.
pub fn fit(text: &str, size: f32, max_width: f32) -> String {
    if width(text, size) <= max_width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if width(&out, size) + width("…", size) > max_width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// Collects outline commands as SVG path data, offset to where the glyph sits.
struct SvgPath<'a> {
    out: &'a mut String,
    dx: f32,
    dy: f32,
}

impl SvgPath<'_> {
    fn point(&mut self, x: f32, y: f32) {
        // Font outlines go up; SVG goes down.
        let _ = write!(self.out, "{:.2} {:.2}", self.dx + x, self.dy - y);
    }
}

impl OutlinePen for SvgPath<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.out.push('M');
        self.point(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.out.push('L');
        self.point(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.out.push('Q');
        self.point(cx0, cy0);
        self.out.push(' ');
        self.point(x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.out.push('C');
        self.point(cx0, cy0);
        self.out.push(' ');
        self.point(cx1, cy1);
        self.out.push(' ');
        self.point(x, y);
    }
    fn close(&mut self) {
        self.out.push('Z');
    }
}

/// SVG path data drawing `text` at `size` with its baseline starting at (`x`, `baseline`).
pub fn outline(text: &str, size: f32, x: f32, baseline: f32) -> String {
    let mut data = String::new();
    let Some(font) = font() else { return data };
    let glyphs = font.outline_glyphs();
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    let mut pen_x = x;
    for c in text.chars() {
        let id = charmap.map(c).unwrap_or_default();
        if let Some(glyph) = glyphs.get(id) {
            let mut pen = SvgPath { out: &mut data, dx: pen_x, dy: baseline };
            // A glyph that fails to draw leaves a gap of its width, nothing worse.
            let _ = glyph.draw(DrawSettings::unhinted(Size::new(size), LocationRef::default()), &mut pen);
        }
        pen_x += metrics.advance_width(id).unwrap_or(size);
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let cases = [("K8s", 10.0), ("蚂蚁集团", 12.0), ("Kubernetes 与 Istio", 14.0)];
        for (text, size) in cases {
            let w = width(text, size);
            assert!(w > 0.0, "{text}");
            assert!((width(text, size * 2.0) - 2.0 * w).abs() < 0.01, "{text} scales linearly");
            assert!(width(&format!("{text}x"), size) > w, "{text} grows");
        }
        // A CJK character is full-width: about one em.
        assert!((width("中", 10.0) - 10.0).abs() < 0.5);
    }

    #[test]
    fn chinese_and_latin_have_outlines() {
        for text in ["阿里巴巴", "Kafka", "42%"] {
            let path = outline(text, 12.0, 0.0, 12.0);
            assert!(path.starts_with('M') && path.contains('Z'), "{text}: {path}");
        }
        assert!(outline(" ", 12.0, 0.0, 0.0).is_empty());
    }

    #[test]
    fn fit_shortens_only_what_is_too_long() {
        assert_eq!(fit("Redis", 10.0, 100.0), "Redis");
        let short = fit("中国工商银行股份有限公司", 10.0, 40.0);
        assert!(short.ends_with('…') && width(&short, 10.0) <= 40.0, "{short}");
    }
}
