//! Any bytes decode to some text without panicking, and valid UTF-8 comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::corpus::decode::decode;

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.starts_with('\u{FEFF}') {
            assert_eq!(decoded.text, text);
        }
    }
});
