//! Characters whose UTF-8 bytes were partly lost in a double-encoding trip.
//!
//! This is where a lost-byte repair plugs in: it receives the reversed bytes of one line, with
//! holes where bytes were dropped, and appends its best reading to the output. For now each
//! broken sequence becomes one U+FFFD, so the damage stays visible and countable.

use super::RepairReport;

/// Appends the UTF-8 reading of `bytes` to `out`; every maximal invalid stretch becomes U+FFFD.
pub(super) fn decode_with_gaps(bytes: &[u8], out: &mut String, report: &mut RepairReport) {
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        report.chars_restored += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            out.push(char::REPLACEMENT_CHARACTER);
            report.chars_unrestored += 1;
        }
    }
}
