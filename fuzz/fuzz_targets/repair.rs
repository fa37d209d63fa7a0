//! Repair never panics or loops, and text it finds no damage in comes back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::corpus::repair::repair;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let repaired = repair(text.clone());
    if repaired.report.family.is_none() {
        assert_eq!(repaired.text, text);
    }
});
