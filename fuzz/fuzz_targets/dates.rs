//! Date finding never panics; every date found is real and plausible, and its range is in the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::parse::dates::{PLAUSIBLE_YEARS, dates_in, first_date_in, leading_date};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    for (date, range) in dates_in(&text) {
        assert!(text.get(range).is_some());
        if let Ok(date) = date {
            assert!(PLAUSIBLE_YEARS.contains(&date.year()));
        }
    }
    if let Some((_, offset)) = first_date_in(&text) {
        assert!(text.is_char_boundary(offset));
    }
    if let Some((_, len)) = leading_date(&text) {
        assert!(text.get(..len).is_some());
    }
});
