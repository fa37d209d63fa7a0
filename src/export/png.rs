//! A chart as PNG: the very SVG of [`super::svg`], rasterised offscreen by resvg (pure Rust, no
//! display, no GPU, no system fonts needed since text is already outlines), so the PNG and the
//! SVG cannot differ.

use super::ExportError;
use resvg::{tiny_skia, usvg};

/// Smallest and largest scale offered.
pub const SCALES: std::ops::RangeInclusive<f32> = 1.0..=4.0;
/// The scale used unless another is chosen: sharp on high-density screens and slides.
pub const DEFAULT_SCALE: f32 = 2.0;

/// Rasterises `svg` at `scale` (clamped to 1–4) device pixels per unit and encodes it as PNG.
pub fn from_svg(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let render = |message: String| ExportError::Render { what: "PNG", message };
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).map_err(|e| render(e.to_string()))?;
    let scale = scale.clamp(*SCALES.start(), *SCALES.end());
    let size = tree.size();
    let (width, height) = ((size.width() * scale).round() as u32, (size.height() * scale).round() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| render(format!("cannot make a {width}×{height} image")))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| render(e.to_string()))
}
