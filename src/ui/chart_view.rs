//! Paints a [`Chart`] on screen: the very marks and labels the SVG and PNG exports draw,
//! scaled to the space available. Hovering a mark outlines it and shows its values; clicking
//! one that stands for something in the notes asks for its evidence.

use super::command::Command;
use crate::chart::{Anchor, Chart, Colour, Label, Mark, Shape};
use egui::epaint::TextShape;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2, pos2, vec2};

/// Smallest and largest on-screen scale of a chart.
const SCALE_RANGE: (f32, f32) = (0.45, 1.6);

fn colour(c: Colour) -> Color32 {
    super::panels::colours::egui(c)
}

/// Draws `chart` at the width available (within [`SCALE_RANGE`]) and pushes
/// [`Command::ShowEvidence`] when a mark with evidence is clicked. The widget is named after the
/// chart's title for assistive technology (and tests).
pub fn show(ui: &mut Ui, chart: &Chart, out: &mut Vec<Command>) -> egui::Response {
    let scale = (ui.available_width() / chart.width).clamp(SCALE_RANGE.0, SCALE_RANGE.1);
    let (rect, response) = ui.allocate_exact_size(vec2(chart.width, chart.height) * scale, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &chart.title));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let to_screen = |p: [f32; 2]| rect.min + vec2(p[0], p[1]) * scale;
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, colour(chart.background));
    for mark in &chart.marks {
        paint_mark(&painter, mark, &to_screen, scale, None);
    }
    for label in &chart.labels {
        paint_label(&painter, label, &to_screen, scale);
    }
    let pointer = response.hover_pos().map(|p| {
        let local = (p - rect.min) / scale;
        [local.x, local.y]
    });
    let hovered = pointer.and_then(|p| chart.mark_at(p, 3.0 / scale));
    if let Some(mark) = hovered {
        let outline = Stroke::new(2.0, ui.visuals().strong_text_color());
        paint_mark(&painter, mark, &to_screen, scale, Some(outline));
        let tip = mark.tip.clone().unwrap_or_default();
        let more = if mark.query.is_some() { "\n(click for the passages)" } else { "" };
        let response = response.clone().on_hover_text_at_pointer(format!("{tip}{more}"));
        if response.clicked()
            && let Some(query) = &mark.query
        {
            out.push(Command::ShowEvidenceFor(query.clone()));
        }
        return response;
    }
    response
}

fn paint_mark(
    painter: &egui::Painter,
    mark: &Mark,
    to_screen: &impl Fn([f32; 2]) -> Pos2,
    scale: f32,
    outline: Option<Stroke>,
) {
    let fill = mark.fill.map_or(Color32::TRANSPARENT, colour);
    let stroke = outline
        .unwrap_or_else(|| mark.stroke.map_or(Stroke::NONE, |(c, w)| Stroke::new(w * scale, colour(c))));
    let fill = if outline.is_some() { Color32::TRANSPARENT } else { fill };
    match &mark.shape {
        Shape::Rect { x, y, w, h } => {
            let r = Rect::from_min_max(to_screen([*x, *y]), to_screen([x + w, y + h]));
            painter.rect(r, 0.0, fill, stroke, egui::StrokeKind::Middle);
        }
        Shape::Circle { centre, radius } => {
            painter.circle(to_screen(*centre), radius * scale, fill, stroke);
        }
        Shape::Line(points) => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen(*p)).collect();
            painter.line(points, stroke);
        }
        Shape::Polygon(points) => {
            let points: Vec<Pos2> = points.iter().map(|p| to_screen(*p)).collect();
            painter.add(egui::Shape::convex_polygon(points, fill, stroke));
        }
    }
}

fn paint_label(painter: &egui::Painter, label: &Label, to_screen: &impl Fn([f32; 2]) -> Pos2, scale: f32) {
    let at = to_screen(label.at);
    let font = FontId::proportional(label.size * scale);
    if label.vertical {
        let galley = painter.layout_no_wrap(label.text.clone(), font, colour(label.colour));
        // Reading upwards from `at`: the text's left middle sits on `at`.
        let size: Vec2 = galley.size();
        let shape = TextShape::new(at - vec2(size.y / 2.0, 0.0), galley, colour(label.colour))
            .with_angle(-std::f32::consts::FRAC_PI_2);
        painter.add(shape);
        return;
    }
    let align = match label.anchor {
        Anchor::Start => Align2::LEFT_CENTER,
        Anchor::Middle => Align2::CENTER_CENTER,
        Anchor::End => Align2::RIGHT_CENTER,
    };
    painter.text(pos2(at.x, at.y), align, &label.text, font, colour(label.colour));
}
