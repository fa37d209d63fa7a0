//! Notes saved from the web arrive as HTML; reduce them to their text before parsing.

/// Whether `path` names an HTML file, by extension.
pub fn is_html_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// The readable text of an HTML document, as plain lines. Falls back to the markup itself when
/// the document cannot be rendered, so nothing of the user's text is lost.
pub fn to_text(html: &str) -> String {
    // A very wide line keeps paragraphs on one line, as the author wrote them.
    html2text::config::plain().string_from_read(html.as_bytes(), 100_000).unwrap_or_else(|_| html.to_owned())
}
