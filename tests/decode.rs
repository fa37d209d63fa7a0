//! Decoding: every encoding the loader promises, how each was decided, and mojibake detection
//! that never touches clean text.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use encoding_rs::Encoding;
use stackradar::corpus::decode::{DecodeMethod, decode};
use stackradar::corpus::repair::{Family, repair};

/// Enough text of each language for a detector to have something to go on.
const CHINESE_S: &str = "我们在生产环境中使用 Kubernetes 部署微服务，网络插件选择了 Calico，日志采集使用 EFK。\
    监控方面采用普罗米修斯和 Grafana，持续集成使用 Jenkins 流水线，镜像仓库是 Harbor。";
const CHINESE_T: &str = "我們在正式環境中使用 Kubernetes 部署微服務，網路外掛選擇了 Calico，日誌收集使用 EFK。\
    監控方面採用 Prometheus 和 Grafana，持續整合使用 Jenkins 管線，映像倉庫是 Harbor。";
const JAPANESE: &str = "私たちは本番環境で Kubernetes を使ってマイクロサービスをデプロイしています。\
    ネットワークには Calico を選び、ログ収集には EFK を使っています。監視はプロメテウスです。";
const KOREAN: &str = "우리는 운영 환경에서 쿠버네티스를 사용하여 마이크로서비스를 배포합니다. \
    네트워크 플러그인으로 캘리코를 선택했고 로그 수집에는 플루언트디를 사용합니다.";
const FRENCH: &str = "Nous déployons nos microservices sur Kubernetes en production ; le réseau \
    utilise Calico, les journaux sont collectés par Fluentd et la supervision par Prometheus. Très bien, déjà vérifié.";
const RUSSIAN: &str = "Мы разворачиваем микросервисы в Kubernetes в продакшене; сеть — Calico, \
    логи собирает Fluentd, мониторинг — Prometheus. Всё работает стабильно и быстро.";

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "fixture text must be encodable in {}", encoding.name());
    bytes.into_owned()
}

#[test]
fn legacy_encodings_are_detected_and_decoded_exactly() {
    let cases: &[(&str, &'static Encoding)] = &[
        (CHINESE_S, encoding_rs::GBK),
        (CHINESE_T, encoding_rs::BIG5),
        (JAPANESE, encoding_rs::SHIFT_JIS),
        (JAPANESE, encoding_rs::EUC_JP),
        (KOREAN, encoding_rs::EUC_KR),
        (FRENCH, encoding_rs::WINDOWS_1252),
        (RUSSIAN, encoding_rs::WINDOWS_1251),
    ];
    for (text, encoding) in cases {
        let decoded = decode(&encode(text, encoding));
        assert_eq!(decoded.method, DecodeMethod::Detected, "{}", encoding.name());
        assert_eq!(decoded.encoding, encoding.name(), "detected encoding");
        assert_eq!(decoded.text, *text, "{}", encoding.name());
        assert!(!decoded.replaced_errors);
    }
}

#[test]
fn gb18030_text_decodes_through_the_gbk_family() {
    // GB18030 is a superset of GBK; chardetng names the family GBK and encoding_rs's GBK decoder
    // reads GB18030 four-byte sequences too.
    let text = format!("{CHINESE_S} 𠀀"); // a character outside GBK
    let decoded = decode(&encode(&text, encoding_rs::GB18030));
    assert_eq!(decoded.text, text);
}

#[test]
fn byte_order_marks_decide() {
    let text = "BOM 文本 – with a dash";
    let cases: Vec<(Vec<u8>, &str)> = vec![
        ([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), "UTF-8"),
        ([vec![0xFF, 0xFE], text.encode_utf16().flat_map(u16::to_le_bytes).collect()].concat(), "UTF-16LE"),
        ([vec![0xFE, 0xFF], text.encode_utf16().flat_map(u16::to_be_bytes).collect()].concat(), "UTF-16BE"),
    ];
    for (bytes, name) in cases {
        let decoded = decode(&bytes);
        assert_eq!((decoded.encoding, decoded.method), (name, DecodeMethod::Bom));
        assert_eq!(decoded.text, text, "the BOM is not part of the text");
    }
}

#[test]
fn valid_utf8_is_utf8_and_unchanged() {
    for text in ["", "ascii only", CHINESE_S, CHINESE_T, JAPANESE, KOREAN, FRENCH, RUSSIAN, "emoji 🚀"] {
        let decoded = decode(text.as_bytes());
        assert_eq!((decoded.encoding, decoded.method), ("UTF-8", DecodeMethod::ValidUtf8));
        assert_eq!(decoded.text, text);
    }
}

#[test]
fn utf8_with_a_few_broken_bytes_stays_utf8_with_replacements() {
    let mut bytes = CHINESE_S.as_bytes().to_vec();
    bytes.truncate(bytes.len() - 1); // cut the last character in half
    let decoded = decode(&bytes);
    assert_eq!((decoded.encoding, decoded.method), ("UTF-8", DecodeMethod::MostlyUtf8));
    assert!(decoded.replaced_errors);
    assert!(decoded.text.ends_with('\u{FFFD}'));
}

/// UTF-8 bytes read as Windows-1252 and written back as UTF-8: the seed-004 kind of damage,
/// without lost bytes.
fn as_windows_1252_mojibake(text: &str) -> String {
    text.as_bytes()
        .iter()
        .map(|&b| {
            let byte = [b];
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte).0.into_owned()
        })
        .collect()
}

#[test]
fn lossless_windows_1252_mojibake_is_undone_exactly() {
    for text in [CHINESE_S, CHINESE_T, JAPANESE, KOREAN, RUSSIAN, "mixed: ü, 中文 and 🚀"] {
        let broken = as_windows_1252_mojibake(text);
        assert_ne!(broken, text);
        let repaired = repair(broken);
        assert_eq!(repaired.text, text);
        assert_eq!(repaired.report.family, Some(Family::Utf8AsWindows1252));
        assert_eq!(repaired.report.chars_unrestored, 0);
    }
}

#[test]
fn mojibake_lines_in_an_otherwise_clean_file_are_repaired_alone() {
    let text = format!("{CHINESE_S}\n{}\n{FRENCH}\n", as_windows_1252_mojibake(CHINESE_T));
    let repaired = repair(text);
    assert_eq!(repaired.text, format!("{CHINESE_S}\n{CHINESE_T}\n{FRENCH}\n"));
    assert_eq!(repaired.report.lines_repaired, 1);
}

#[test]
fn clean_text_is_never_changed() {
    let cases = [
        "",
        "plain ASCII\nwith lines\n",
        CHINESE_S,
        CHINESE_T,
        JAPANESE,
        KOREAN,
        FRENCH,
        RUSSIAN,
        "Deutsch: Grüße aus Köln, Straße, Äpfel",
        "Português: ação, não, coração — «aspas»",
        "emoji 🚀🔥 and ™ © ® symbols",
        // Characters that look like mojibake but form no UTF-8 sequence when re-encoded.
        "Ã la carte, â la mode, Â±5%",
        "naïve café résumé",
    ];
    for text in cases {
        let repaired = repair(text.to_owned());
        assert_eq!(repaired.text, text);
        assert_eq!(repaired.report.family, None, "{text}");
    }
}

#[test]
fn seed_004_damage_is_detected_and_counted() {
    let bytes = include_bytes!("../data/004_77bb0b753ad145a3.txt");
    let repaired = repair(String::from_utf8(bytes.to_vec()).unwrap());
    assert_eq!(repaired.report.family, Some(Family::Utf8AsWindows1252));
    assert!(repaired.text.contains("谊") && repaired.text.contains("生鲜"));
    assert!(!repaired.text.contains("è°Š"), "no mojibake left after the reversal");
}
