//! Segmentation never panics, and every talk and passage points at text inside the file, on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::parse::parse_file;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let parsed = parse_file("fuzz.md", &text);
    for talk in &parsed.talks {
        assert!(text.get(talk.range.clone()).is_some(), "talk range {:?}", talk.range);
        assert!(talk.title.chars().count() <= 200);
        let mut last_qa = 0;
        for passage in &talk.passages {
            assert!(text.get(passage.range.clone()).is_some(), "passage range {:?}", passage.range);
            if let Some(qa) = passage.qa_index {
                assert!(qa >= last_qa, "Q&A numbers never go back");
                last_qa = qa;
            }
        }
    }
});
