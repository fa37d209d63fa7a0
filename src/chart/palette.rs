//! The one palette every chart draws with, on screen and in exports: a categorical set for
//! series, categories and communities, and fixed colours for stances and rings so the same
//! meaning always has the same colour. Colours are sRGB and keep their contrast on the white
//! background charts are drawn on.

use crate::analysis::radar::Ring;
use crate::extract::Stance;
use std::fmt;

/// An sRGB colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity, 255 = opaque.
    pub a: u8,
}

impl Colour {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b, a: 255 }
    }

    /// The same colour at `alpha` (0–1) of its opacity.
    pub fn faded(self, alpha: f32) -> Self {
        Self { a: (f32::from(self.a) * alpha.clamp(0.0, 1.0)).round() as u8, ..self }
    }

    /// The opacity as 0–1.
    pub fn opacity(self) -> f32 {
        f32::from(self.a) / 255.0
    }
}

impl fmt::Display for Colour {
    /// `#rrggbb` (opacity is written separately in SVG).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Chart background.
pub const BACKGROUND: Colour = Colour::rgb(0xff, 0xff, 0xff);
/// Titles, labels and axes.
pub const INK: Colour = Colour::rgb(0x22, 0x26, 0x2e);
/// Secondary text: ticks, captions.
pub const MUTED: Colour = Colour::rgb(0x6b, 0x72, 0x80);
/// Grid lines and empty cells.
pub const GRID: Colour = Colour::rgb(0xe3, 0xe6, 0xea);

/// Categorical colours (Tableau 10 and four more), distinguishable side by side.
pub const SERIES: [Colour; 14] = [
    Colour::rgb(0x4e, 0x79, 0xa7),
    Colour::rgb(0xf2, 0x8e, 0x2b),
    Colour::rgb(0xe1, 0x57, 0x59),
    Colour::rgb(0x76, 0xb7, 0xb2),
    Colour::rgb(0x59, 0xa1, 0x4f),
    Colour::rgb(0xed, 0xc9, 0x48),
    Colour::rgb(0xb0, 0x7a, 0xa1),
    Colour::rgb(0xff, 0x9d, 0xa7),
    Colour::rgb(0x9c, 0x75, 0x5f),
    Colour::rgb(0xba, 0xb0, 0xac),
    Colour::rgb(0x2f, 0x4b, 0x7c),
    Colour::rgb(0x8c, 0xd1, 0x7d),
    Colour::rgb(0xd3, 0x72, 0x95),
    Colour::rgb(0x49, 0x98, 0x94),
];

/// The `index`-th categorical colour (repeating after the last).
pub fn series(index: usize) -> Colour {
    // The modulo keeps the index in range; the fallback is never taken.
    SERIES.get(index % SERIES.len()).copied().unwrap_or(INK)
}

/// The colour of a stance.
pub fn stance(stance: Stance) -> Colour {
    match stance {
        Stance::Uses => Colour::rgb(0x2e, 0x7d, 0x32),
        Stance::Evaluating => Colour::rgb(0x1f, 0x6f, 0xb2),
        Stance::MovedAway => Colour::rgb(0xc6, 0x28, 0x28),
        Stance::Asked => Colour::rgb(0x8e, 0x5b, 0xb5),
        Stance::Neutral => Colour::rgb(0x90, 0x96, 0xa0),
    }
}

/// The colour of a radar ring's blips.
pub fn ring(ring: Ring) -> Colour {
    match ring {
        Ring::Adopt => Colour::rgb(0x2e, 0x7d, 0x32),
        Ring::Trial => Colour::rgb(0x1f, 0x6f, 0xb2),
        Ring::Assess => Colour::rgb(0xe0, 0x8e, 0x0b),
        Ring::Hold => Colour::rgb(0xc6, 0x28, 0x28),
    }
}
