//! Categorical colours for series, communities and categories: distinct hues that read on both
//! light and dark backgrounds (Tableau 10, which was designed for exactly this).

use egui::Color32;

const TABLEAU_10: [Color32; 10] = [
    Color32::from_rgb(0x4e, 0x79, 0xa7),
    Color32::from_rgb(0xf2, 0x8e, 0x2b),
    Color32::from_rgb(0xe1, 0x57, 0x59),
    Color32::from_rgb(0x76, 0xb7, 0xb2),
    Color32::from_rgb(0x59, 0xa1, 0x4f),
    Color32::from_rgb(0xed, 0xc9, 0x48),
    Color32::from_rgb(0xb0, 0x7a, 0xa1),
    Color32::from_rgb(0xff, 0x9d, 0xa7),
    Color32::from_rgb(0x9c, 0x75, 0x5f),
    Color32::from_rgb(0xba, 0xb0, 0xac),
];

/// The `index`-th categorical colour; after ten they repeat, a little darker each round.
pub fn categorical(index: usize) -> Color32 {
    let base = TABLEAU_10[index % TABLEAU_10.len()];
    let round = (index / TABLEAU_10.len()).min(3) as f32;
    let darker = |c: u8| (f32::from(c) * (1.0 - 0.2 * round)) as u8;
    Color32::from_rgb(darker(base.r()), darker(base.g()), darker(base.b()))
}
