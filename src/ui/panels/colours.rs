//! The chart model's palette ([`crate::chart::palette`]) as egui colours, so that a series, a
//! community or a category has the same colour in every view and in every export.

use crate::chart::{Colour, palette};
use egui::Color32;

/// A chart-model colour as egui's.
pub fn egui(colour: Colour) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r, colour.g, colour.b, colour.a)
}

/// The `index`-th categorical colour: [`palette::series`].
pub fn categorical(index: usize) -> Color32 {
    egui(palette::series(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Screen and export once had palettes of their own; a series must look the same in both.
    #[test]
    fn screen_colours_are_the_chart_palette() {
        for index in [0, 1, 9, 10, 13, 14, 40] {
            let ours = categorical(index);
            let model = palette::series(index);
            assert_eq!((ours.r(), ours.g(), ours.b(), ours.a()), (model.r, model.g, model.b, 255), "{index}");
        }
    }
}
