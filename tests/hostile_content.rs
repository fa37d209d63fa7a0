//! Hostile folders, content side: every encoding side by side, front matter that is broken in
//! every way we could think of, and a catalog file that is not a catalog. For each, the load
//! finishes, the right problem is reported and everything else loads.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use stackradar::catalog::user::FILE_NAME as CATALOG_FILE;
use stackradar::corpus::{DecodeMethod, LoadOptions, Source};
use stackradar::{Corpus, ProblemKind};
use std::fs;
use std::path::Path;

fn load(dir: &Path) -> Corpus {
    Corpus::load(&Source::Paths(vec![dir.to_path_buf()]), &LoadOptions::default()).unwrap()
}

fn kinds(corpus: &Corpus, path: &str) -> Vec<ProblemKind> {
    corpus.problems.iter().filter(|p| p.path == path).map(|p| p.kind).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot write {text}", encoding.name());
    bytes.into_owned()
}

#[test]
fn every_encoding_in_one_folder() {
    let simplified = "### 2020-01-01：我们的网络实践\n\n> Q：你们用什么网络插件？为什么选择它？\n\nA：我们使用 Calico 网络插件，已经在生产环境稳定运行两年了，性能很好。\n";
    let traditional = "### 2020-01-01：我們的網路實踐\n\n> Q：你們用什麼網路外掛？為什麼選擇它？\n\nA：我們使用 Calico 網路外掛，已經在生產環境穩定運行兩年了，效能很好。\n";
    let japanese = "### 2020-01-01：私たちのネットワーク\n\n> Q：どのネットワークプラグインを使っていますか？\n\nA：私たちは本番環境で Calico を二年間安定して使っています。\n";
    let korean = "### 2020-01-01：우리의 네트워크 실천\n\n> Q：어떤 네트워크 플러그인을 사용합니까？\n\nA：우리는 프로덕션 환경에서 Calico 를 이 년 동안 안정적으로 사용했습니다.\n";
    let english = "### 2020-01-01: Our café network\n\n> Q: Which network plugin do you use?\n\nA: We use Calico in production; it has been stable for two years.\n";
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), simplified.as_bytes()].concat();
    // (file, bytes, encoding, decided by, title)
    let cases: Vec<(&str, Vec<u8>, &str, DecodeMethod, &str)> = vec![
        ("utf8.md", simplified.into(), "UTF-8", DecodeMethod::ValidUtf8, "我们的网络实践"),
        ("utf8-bom.md", with_bom, "UTF-8", DecodeMethod::Bom, "我们的网络实践"),
        ("utf16le.txt", utf16(simplified, false), "UTF-16LE", DecodeMethod::Bom, "我们的网络实践"),
        ("utf16be.txt", utf16(traditional, true), "UTF-16BE", DecodeMethod::Bom, "我們的網路實踐"),
        ("gbk.md", encoded(encoding_rs::GBK, simplified), "GBK", DecodeMethod::Detected, "我们的网络实践"),
        (
            "big5.md",
            encoded(encoding_rs::BIG5, traditional),
            "Big5",
            DecodeMethod::Detected,
            "我們的網路實踐",
        ),
        (
            "sjis.md",
            encoded(encoding_rs::SHIFT_JIS, japanese),
            "Shift_JIS",
            DecodeMethod::Detected,
            "私たちのネットワーク",
        ),
        (
            "euckr.md",
            encoded(encoding_rs::EUC_KR, korean),
            "EUC-KR",
            DecodeMethod::Detected,
            "우리의 네트워크 실천",
        ),
        (
            "latin.md",
            encoded(encoding_rs::WINDOWS_1252, english),
            "windows-1252",
            DecodeMethod::Detected,
            "Our café network",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, ..) in &cases {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let corpus = load(dir.path());
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    for (name, _, encoding, method, title) in &cases {
        let (index, file) = corpus.files.iter().enumerate().find(|(_, f)| f.path == *name).unwrap();
        assert_eq!((file.encoding, file.method), (*encoding, *method), "{name}");
        let talk = corpus.talks.iter().find(|t| t.file.0 as usize == index).unwrap();
        assert_eq!(talk.talk.title, *title, "{name}");
        assert_eq!(talk.talk.qa_pairs(), 1, "{name}");
    }
    assert!(corpus.mentions.len() >= cases.len(), "Calico is found in every file");
}

#[test]
fn broken_front_matter_is_reported_and_the_note_loads() {
    let nested = format!("---\ntitle: {}\n---\n# Body\n", "[".repeat(100_000));
    let long_key = format!("---\n{}: x\ntitle: t\n", "k".repeat(1_000_000));
    let junk =
        "---\n\u{1}\u{2}\u{3}: \u{FFFD}\u{FFFD}\n---\n# Body\n\n".to_owned() + &"正文内容。".repeat(40);
    // (file, text, problem expected)
    let cases: &[(&str, &str, bool)] = &[
        ("unclosed.md", "---\ntitle: Lost its end\ndate: 2020-01-01\n\n# Body\n", true),
        ("not-yaml.md", "---\ntitle: [unclosed\n  - : : :\n---\n# Body\n", true),
        ("tabs.md", "---\n\ttitle:\t\"x\n---\n# Body\n", true),
        ("nested.md", &nested, true),
        ("long-key.md", &long_key, true),
        // Long enough that three control bytes do not make the whole file look binary; the
        // YAML reader takes the odd key as a key, so there is nothing to report.
        ("binary-junk.md", &junk, false),
        ("empty.md", "---\n---\n# Body\n", false),
        ("rule-not-front-matter.md", "---\n\n# Body after a rule\n", false),
        ("only-dashes.md", "---", false),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text, _) in cases {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let corpus = load(dir.path());
    assert_eq!(corpus.files.len(), cases.len(), "{:?}", corpus.problems);
    for (name, _, problem) in cases {
        let expected: &[ProblemKind] = if *problem { &[ProblemKind::FrontMatter] } else { &[] };
        assert_eq!(kinds(&corpus, name), expected, "{name}");
        let index = corpus.files.iter().position(|f| f.path == *name).unwrap();
        assert!(corpus.talks.iter().any(|t| t.file.0 as usize == index), "{name} has its talk");
    }
}

#[test]
fn a_catalog_file_that_is_not_json_is_reported_and_the_notes_load() {
    let cases: &[(&str, &str)] = &[
        ("not json at all", "not a catalog file"),
        ("{\"technologies\": [", "not a catalog file"),
        ("\u{FEFF}{}", "not a catalog file"),
        ("[1, 2, 3]", "not a catalog file"),
        ("{\"technologies\": [{\"id\": \"Bad Id\", \"name\": \"x\", \"category\": \"os\"}]}", "kebab-case"),
    ];
    for (json, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("talk.md"), "### 2020-01-01：网络\n\nA：我们使用 Calico。\n").unwrap();
        fs::write(dir.path().join(CATALOG_FILE), json).unwrap();
        let corpus = load(dir.path());
        let catalog: Vec<_> = corpus.problems.iter().filter(|p| p.kind == ProblemKind::Catalog).collect();
        assert_eq!(catalog.len(), 1, "{json}: {:?}", corpus.problems);
        // Named relative to the opened folder, as problems with notes are.
        assert_eq!(catalog[0].path, CATALOG_FILE);
        assert!(catalog[0].message.contains(message), "{json}: {}", catalog[0].message);
        assert_eq!(corpus.talks.len(), 1);
        assert_eq!(corpus.mentions.len(), 1, "the embedded catalog still works: {json}");
    }
}

/// Writes one hostile file at the given path.
type MakeFile<'a> = &'a dyn Fn(&Path);

#[test]
fn a_catalog_file_that_is_binary_or_huge_does_not_stop_the_load() {
    let huge = |path: &Path| fs::File::create(path).unwrap().set_len(1 << 30).unwrap();
    let binary = |path: &Path| fs::write(path, b"\x89PNG\r\n\x1a\n\0\0\xFF\xFE").unwrap();
    // (how the file is made, what the problem says)
    let cases: [(MakeFile, &str); 2] =
        [(&huge, "1.0 GiB, over the limit of 16.0 MiB"), (&binary, "could not be read")];
    for (make, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("talk.md"), "### 2020-01-01：网络\n\nA：我们使用 Calico。\n").unwrap();
        make(&dir.path().join(CATALOG_FILE));
        let corpus = load(dir.path());
        let catalog: Vec<_> = corpus.problems.iter().filter(|p| p.kind == ProblemKind::Catalog).collect();
        assert_eq!(catalog.len(), 1, "{message}");
        assert!(catalog[0].message.contains(message), "{}", catalog[0].message);
        assert_eq!(corpus.mentions.len(), 1);
    }
}
