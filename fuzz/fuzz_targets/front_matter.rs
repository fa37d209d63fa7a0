//! Front matter reading never panics, and the body starts inside the text on a boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::parse::front_matter::split;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    if let Some(block) = split(&text) {
        assert!(text.is_char_boundary(block.body_start));
    }
});
