//! Deciding how a file's bytes become text.
//!
//! In order: a byte-order mark (UTF-8, UTF-16LE/BE) decides; otherwise bytes that are valid
//! UTF-8 are UTF-8; otherwise chardetng guesses among the legacy encodings (GB18030/GBK, Big5,
//! Shift_JIS, EUC-KR, windows-125x, …) and encoding_rs decodes. The decision and how it was
//! made are kept, so the user can see why a file reads the way it does.

use encoding_rs::Encoding;
use serde::Serialize;

/// How the encoding of a file was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecodeMethod {
    /// A byte-order mark at the start of the file named the encoding.
    Bom,
    /// The bytes are valid UTF-8 (plain ASCII included).
    ValidUtf8,
    /// Nearly all of it is well-formed UTF-8, with a few broken bytes (a truncated download, a
    /// bad copy): read as UTF-8, broken bytes replaced.
    MostlyUtf8,
    /// No BOM and not UTF-8: the encoding was guessed from the bytes by chardetng.
    Detected,
}

impl DecodeMethod {
    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bom => "bom",
            Self::ValidUtf8 => "valid-utf8",
            Self::MostlyUtf8 => "mostly-utf8",
            Self::Detected => "detected",
        }
    }
}

/// The text of one file and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without any byte-order mark.
    pub text: String,
    /// The WHATWG name of the encoding used (`UTF-8`, `GBK`, `Big5`, `windows-1252`, …).
    pub encoding: &'static str,
    /// How that encoding was decided.
    pub method: DecodeMethod,
    /// Whether some bytes were invalid in that encoding and replaced by U+FFFD.
    pub replaced_errors: bool,
}

/// Decodes `bytes` as described in the module documentation. Never fails: bytes that are
/// invalid in the chosen encoding become U+FFFD and `replaced_errors` says so.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return with_encoding(encoding, bytes.get(bom_len..).unwrap_or_default(), DecodeMethod::Bom);
    }
    // simdutf8 validates Chinese text about ten times as fast as the standard library (21 ms
    // against 225 ms for 105 MB here); validating with it and copying costs less than half of
    // the standard library's validation alone.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8.name(),
            method: DecodeMethod::ValidUtf8,
            replaced_errors: false,
        };
    }
    if is_mostly_utf8(bytes) {
        return with_encoding(encoding_rs::UTF_8, bytes, DecodeMethod::MostlyUtf8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    // Top-level domain unknown. chardetng only answers UTF-8 for flawless UTF-8, which was
    // handled above.
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    with_encoding(encoding, bytes, DecodeMethod::Detected)
}

fn with_encoding(encoding: &'static Encoding, bytes: &[u8], method: DecodeMethod) -> Decoded {
    let (text, replaced_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name(), method, replaced_errors }
}

/// Whether `bytes`, though not valid UTF-8, are UTF-8 with a few broken bytes: at least twenty
/// well-formed multi-byte characters for every invalid byte. Legacy encodings almost never
/// produce well-formed multi-byte UTF-8 sequences by accident, so they fail this test.
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte > 0 && invalid.saturating_mul(20) <= multibyte
}
