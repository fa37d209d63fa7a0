//! The look: light or dark visuals, a slightly larger body text for CJK, and the few colours the
//! views use for badges and roles, chosen per theme so they stay readable on both.

use super::state::Theme;
use egui::{Color32, Context, FontFamily, FontId, TextStyle};

/// Colours of the views that are not part of egui's visuals.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Badges for encodings other than UTF-8.
    pub encoding: Color32,
    /// Badges for repaired text.
    pub repaired: Color32,
    /// Questions of Q&A pairs.
    pub question: Color32,
    /// Answers of Q&A pairs.
    pub answer: Color32,
    /// Failures in the Problems view.
    pub failure: Color32,
    /// Notices in the Problems view and secondary text.
    pub muted: Color32,
    /// The bars of charts.
    pub bars: Color32,
}

impl Palette {
    /// The palette for `theme`.
    pub fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                encoding: Color32::from_rgb(0x1f, 0x6f, 0xb2),
                repaired: Color32::from_rgb(0xb2, 0x5e, 0x00),
                question: Color32::from_rgb(0x1f, 0x6f, 0xb2),
                answer: Color32::from_rgb(0x2e, 0x7d, 0x32),
                failure: Color32::from_rgb(0xc6, 0x28, 0x28),
                muted: Color32::from_gray(110),
                bars: Color32::from_rgb(0x3b, 0x82, 0xc4),
            },
            Theme::Dark => Self {
                encoding: Color32::from_rgb(0x6c, 0xb4, 0xf0),
                repaired: Color32::from_rgb(0xf0, 0xa8, 0x50),
                question: Color32::from_rgb(0x6c, 0xb4, 0xf0),
                answer: Color32::from_rgb(0x81, 0xc7, 0x84),
                failure: Color32::from_rgb(0xef, 0x6c, 0x6c),
                muted: Color32::from_gray(160),
                bars: Color32::from_rgb(0x5d, 0xa2, 0xe0),
            },
        }
    }
}

/// Applies `theme` to `ctx`, with text sizes that keep Chinese legible.
pub fn apply(ctx: &Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    });
    ctx.all_styles_mut(|style| {
        // Chinese characters need a little more size than Latin letters to stay legible.
        style.text_styles = [
            (TextStyle::Small, FontId::new(11.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(14.5, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(21.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}
