//! Making mojibake on purpose, the way it happens in the wild, so that tests and benchmarks can
//! measure repair on text whose original is known.

use super::gaps::LOST_BYTES;

/// `text`'s UTF-8 bytes read as Windows-1252 and written back as UTF-8. With `drop_lost`, the
/// bytes that such a trip often loses ([`LOST_BYTES`]) are dropped first; without, they survive as
/// Latin-1 control characters.
pub fn utf8_read_as_windows_1252(text: &str, drop_lost: bool) -> String {
    let bytes: Vec<u8> = text.bytes().filter(|b| !(drop_lost && LOST_BYTES.contains(b))).collect();
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes).0.into_owned()
}

/// Whether `c` loses bytes in that trip (its UTF-8 holds one of [`LOST_BYTES`]).
pub fn loses_bytes(c: char) -> bool {
    let mut buffer = [0u8; 4];
    c.encode_utf8(&mut buffer).bytes().any(|b| LOST_BYTES.contains(&b))
}
