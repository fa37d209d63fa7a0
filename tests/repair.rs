//! Mojibake repair from the outside: each double-encoding family made on purpose with
//! encoding_rs, the rule that clean text is never touched, hostile input, and the CLI.

// Tests and tools index freely: a bad index is a failure to see, not to hide.
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use stackradar::corpus::repair::{self, simulate};

const SIMPLIFIED: &str = "我们在生产环境中使用阿里云和华为云的容器服务，部署了很多微服务。\
    这个系统的设计非常简单，团队的工程师都可以快速上手。";
const TRADITIONAL: &str = "我們在生產環境中使用阿里雲和華為雲的容器服務，部署了很多微服務。\
    這個系統的設計非常簡單，團隊的工程師都可以快速上手。";

#[test]
fn lossless_families_come_back_exactly() {
    let latin1 = |text: &str| text.bytes().map(char::from).collect::<String>();
    let cases: [(&str, &str, String); 4] = [
        ("windows-1252, simplified", SIMPLIFIED, simulate::utf8_read_as_windows_1252(SIMPLIFIED, false)),
        ("windows-1252, traditional", TRADITIONAL, simulate::utf8_read_as_windows_1252(TRADITIONAL, false)),
        ("latin-1, simplified", SIMPLIFIED, latin1(SIMPLIFIED)),
        ("latin-1, mixed", "用 Kubernetes 管理集群 — café", latin1("用 Kubernetes 管理集群 — café")),
    ];
    for (name, clean, damaged) in cases {
        assert_ne!(damaged, clean, "{name}: fixture is not damaged");
        let repaired = repair::repair(damaged);
        assert_eq!(repaired.text, clean, "{name}");
        assert!(repaired.report.family.is_some(), "{name}");
        assert_eq!(repaired.report.chars_unrestored, 0, "{name}");
    }
}

#[test]
fn lost_bytes_are_guessed_and_accounted_for() {
    for (name, clean) in [("simplified", SIMPLIFIED), ("traditional", TRADITIONAL)] {
        let damaged = simulate::utf8_read_as_windows_1252(clean, true);
        let lost: Vec<usize> =
            clean.chars().enumerate().filter(|(_, c)| simulate::loses_bytes(*c)).map(|(i, _)| i).collect();
        assert!(lost.len() > 5, "{name}: fixture has too little damage");
        let repaired = repair::repair(damaged);
        let (truth, got): (Vec<char>, Vec<char>) = (clean.chars().collect(), repaired.text.chars().collect());
        assert_eq!(got.len(), truth.len(), "{name}: one character per damaged character");
        assert_eq!(repaired.report.spans.len(), lost.len(), "{name}: one span per guess");
        let right = lost.iter().filter(|&&i| truth[i] == got[i]).count();
        assert!(right * 10 >= lost.len() * 8, "{name}: only {right} of {} restored", lost.len());
        for span in &repaired.report.spans {
            assert_eq!(
                &repaired.text[span.range()],
                span.after.to_string(),
                "{name}: span points at its guess"
            );
            assert!(!span.before().is_empty() && (0.0..=1.0).contains(&span.confidence), "{name}");
        }
    }
}

#[test]
fn clean_text_is_never_touched() {
    let cases = [
        ("simplified", SIMPLIFIED),
        ("traditional", TRADITIONAL),
        ("japanese", "日本語のテキストはそのままにしておくべきです。東京都"),
        ("korean", "한국어 텍스트는 변경되지 않아야 합니다."),
        ("french", "Le café est déjà prêt : où est la crème brûlée ? « Ça va » — œuvre"),
        ("german", "Größere Übungen für Äpfel und Öl, straße"),
        ("russian", "Съешь же ещё этих мягких французских булок, да выпей чаю."),
        ("emoji", "部署成功 🎉🚀 ✅ 👍🏽 ❤️"),
        ("legitimate Ã and â", "Ãgua, âme, Ãœber, â€” these Ã letters are fine: São Tomé"),
        ("windows-1252 punctuation", "“Quotes” ‘single’ – dash … ellipsis € ™ •"),
        ("ascii", "plain ascii text with numbers 123"),
        ("empty", ""),
    ];
    for (name, clean) in cases {
        let repaired = repair::repair(clean.to_string());
        assert_eq!(repaired.text, clean, "{name}");
        assert_eq!(repaired.report, repair::RepairReport::default(), "{name}");
    }
}

#[test]
fn truncated_and_garbage_input_never_panics() {
    let long_damage = simulate::utf8_read_as_windows_1252(&SIMPLIFIED.repeat(50), true);
    let cut = |text: &str, keep: usize| text.chars().take(keep).collect::<String>();
    let cases = [
        ("lone leads", "Ã Ã Ã ä ä ä å å å æ ç è é ê ë ì í î ï ð".to_string()),
        ("leads only", "äåæçèéäåæçèéäåæçèé".repeat(20)),
        ("continuations only", "€‚ƒ„…†‡ˆ‰Š‹ŒŽ''“”•–—˜™š›œžŸ".repeat(5)),
        ("four-byte leads", "ðŸ ðŸ˜ ð ðŸš€ ñ ò ó ô õ ö ÷ ø".repeat(5)),
        ("truncated damage", cut(&long_damage, 37)),
        ("long damage", long_damage.clone()),
        ("mixed lines", format!("{}\nclean line\n{}\n", cut(&long_damage, 100), "ÃƒÂ©".repeat(30))),
    ];
    for (name, text) in cases {
        let repaired = repair::repair(text.clone());
        assert!(repaired.text.len() <= text.len() * 2 + 16, "{name}");
    }
}

#[test]
fn cli_repairs_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("damaged.txt");
    let output = dir.path().join("repaired.txt");
    std::fs::write(&input, simulate::utf8_read_as_windows_1252(&SIMPLIFIED.repeat(3), false)).unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_stackradar"))
        .args(["repair", input.to_str().unwrap(), "-o", output.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), SIMPLIFIED.repeat(3));
    assert!(String::from_utf8_lossy(&run.stderr).contains("characters restored"));

    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_stackradar"))
        .args(["repair", dir.path().join("absent.txt").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// `clean`'s UTF-8 bytes read with `encoding`, if that reading met no invalid sequence (so that
/// the reversal can be exact).
fn read_as(clean: &str, encoding: &'static encoding_rs::Encoding) -> Option<String> {
    let (text, had_errors) = encoding.decode_without_bom_handling(clean.as_bytes());
    (!had_errors).then(|| text.into_owned())
}

#[test]
fn east_asian_code_pages_are_reversed_exactly() {
    use encoding_rs::{BIG5, GB18030, GBK, SHIFT_JIS};
    use repair::Family;
    // Sentences of the corpus's kind; each family is tried on those its decoder reads without
    // error (the others would be lossy: a reader replaces the bytes it cannot read).
    let sentences = [
        SIMPLIFIED,
        TRADITIONAL,
        "我们用 Kubernetes 管理集群，镜像放在私有仓库里。",
        "監控告警用 Prometheus，日誌收集用 EFK。",
        "服务网格的流量管理和灰度发布都很方便。",
        "大家好，今天分享容器云平台的建设经验。",
        "容器平台",
        "日本語のテキストを表示します。",
    ];
    let families = [
        (Family::Utf8AsGbk, GBK),
        (Family::Utf8AsGbk, GB18030),
        (Family::Utf8AsBig5, BIG5),
        (Family::Utf8AsShiftJis, SHIFT_JIS),
    ];
    for (family, encoding) in families {
        let fixtures: Vec<(&str, String)> =
            sentences.iter().filter_map(|clean| Some((*clean, read_as(clean, encoding)?))).collect();
        assert!(!fixtures.is_empty(), "{}: no lossless fixture", encoding.name());
        for (clean, damaged) in fixtures {
            assert_ne!(damaged, clean);
            // A file: the damaged line between clean ASCII lines.
            let file = format!("# notes\n{damaged}\nend\n");
            let repaired = repair::repair(file);
            assert_eq!(repaired.text, format!("# notes\n{clean}\nend\n"), "{}: {damaged}", encoding.name());
            assert_eq!(repaired.report.family, Some(family), "{}", encoding.name());
            assert_eq!(repaired.report.lines_repaired, 1);
        }
    }
}

#[test]
fn clean_east_asian_text_is_not_mistaken_for_mojibake() {
    use encoding_rs::{BIG5, GBK, SHIFT_JIS};
    // Clean text, and clean text that a code page reads the other way round (GBK bytes decoded
    // as GBK): nothing to undo.
    let cases = [
        "我们在生产环境中使用阿里云。",
        "我們在生產環境中使用阿里雲。",
        "日本語のテキストはそのままにしておくべきです。",
        "한국어 텍스트는 변경되지 않아야 합니다.",
        "中文",
        "镜像",
        "é",
        "ｱｲｳ half-width katakana",
        "☃ ★ ♥ ← → ↑ ↓ ① ② ③",
    ];
    for clean in cases {
        let repaired = repair::repair(clean.to_string());
        assert_eq!(repaired.text, clean);
        assert_eq!(repaired.report, repair::RepairReport::default(), "{clean}");
    }
    // Round trips through each code page are clean text too.
    for encoding in [GBK, BIG5, SHIFT_JIS] {
        for clean in [SIMPLIFIED, TRADITIONAL, "日本語のテキスト"] {
            let (bytes, _, unmappable) = encoding.encode(clean);
            if unmappable {
                continue;
            }
            let text = encoding.decode_without_bom_handling(&bytes).0.into_owned();
            assert_eq!(repair::repair(text.clone()).text, text, "{}", encoding.name());
        }
    }
}

/// Each `(name, clean)` text, damaged with lost bytes, is repaired back to exactly itself.
fn comes_back_whole(cases: &[(&str, &str)]) {
    for &(name, clean) in cases {
        let damaged = simulate::utf8_read_as_windows_1252(clean, true);
        assert_ne!(damaged, clean, "{name}: fixture is not damaged");
        assert_eq!(repair::repair(damaged).text, clean, "{name}");
    }
}

/// A damaged character often has a reading in each script that forms an equally good word
/// (`地址`, address, against `地區`, the Traditional spelling of region): the line's intact
/// characters tell which script the writer used.
#[test]
fn guesses_keep_to_the_script_of_their_line() {
    let cases = [
        ("simplified", "请把镜像仓库的地址改为你自己的私有仓库地址，然后重新部署这个服务。"),
        ("traditional", "這是一家專業的軟體企業，業務遍及亞太區，團隊的工程師負責這個專案。"),
    ];
    comes_back_whole(&cases);
}

/// Damaged characters right after a Latin name and a space: the model's running text puts
/// spaces between Chinese phrases, before `不` far more often than before `中`, so `在 Pod 中`
/// used to come back as `在 Pod 不`; and `像` was taken for a Traditional-only character, so a
/// Simplified `好像` came back as `好吃`.
#[test]
fn chinese_after_latin_names_and_common_simplified_characters_come_back() {
    let cases = [
        ("after a Latin name", "在 Kubernetes 中使用 Calico 网络，在集群中配置一个或多个节点。"),
        ("像 in Simplified", "我们的服务好像 ELK 不太行，就像我说的那样。"),
    ];
    comes_back_whole(&cases);
}
