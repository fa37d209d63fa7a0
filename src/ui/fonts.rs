//! Fonts that can draw the notes: egui's defaults for Latin text plus a bundled subset of
//! Noto Sans CJK SC (GB2312, Big5 level 1 and punctuation; see `assets/fonts/make_subset.py`).
//!
//! The CJK face is added after the default fonts, so Latin text keeps egui's look and only
//! characters those lack come from it. eframe's system-font provider stays behind both for the
//! rare characters the subset leaves out.

use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
use egui::{Context, FontFamily};

/// The bundled CJK font (SIL Open Font License 1.1, see `assets/fonts/OFL.txt`).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-subset.otf");

/// The name the CJK font is registered under.
pub const CJK_FONT_NAME: &str = "noto-sans-cjk-sc-subset";

/// Adds the CJK font to the proportional and monospace families of `ctx`.
pub fn install(ctx: &Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
        .collect();
    ctx.add_font(FontInsert::new(CJK_FONT_NAME, FontData::from_static(CJK_FONT), families));
}
