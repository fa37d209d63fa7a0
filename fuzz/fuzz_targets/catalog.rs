//! A user's catalog file is whatever they wrote: reading it never panics, what it keeps is valid
//! and findable by id, and the matcher built from it finds mentions inside the text only.
//!
//! The input is a catalog file, then a NUL byte, then a note to run the catalog over (JSON text
//! cannot hold a raw NUL, so the split is unambiguous).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stackradar::catalog::Catalog;
use stackradar::extract::Extractor;
use stackradar::parse::parse_file;

fuzz_target!(|bytes: &[u8]| {
    let split = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let (json, note) = bytes.split_at(split);
    let json = String::from_utf8_lossy(json);
    let mut catalog = Catalog::default();
    let problems = catalog.merge_json("fuzz.json", &json);
    assert!(problems.iter().all(|p| !p.message.is_empty()));
    for tech in catalog.technologies() {
        assert!(!tech.name.trim().is_empty());
        assert!(tech.aliases.iter().all(|a| !a.text.is_empty()));
        let id = catalog.tool_id(&tech.id).expect("every kept technology is found by its id");
        assert_eq!(catalog.tool(id).map(|t| &t.id), Some(&tech.id));
    }
    for org in catalog.organisations() {
        let id = catalog.org_id(&org.id).expect("every kept organisation is found by its id");
        assert_eq!(catalog.org(id).map(|o| &o.id), Some(&org.id));
    }
    let Ok(extractor) = Extractor::new(&catalog) else { return };
    let text = String::from_utf8_lossy(note.get(1..).unwrap_or_default());
    for (index, talk) in parse_file("fuzz.md", &text).talks.iter().enumerate() {
        let findings = extractor.talk(&text, talk, index as u32, None);
        for mention in &findings.mentions {
            assert!(text.get(mention.range()).is_some(), "mention {:?}", mention.range());
            assert!(catalog.tool(mention.tool).is_some());
        }
        for migration in &findings.migrations {
            assert!(text.get(migration.evidence.clone()).is_some());
        }
    }
});
