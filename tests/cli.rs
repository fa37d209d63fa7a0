//! The `report` and `repair` commands as a user runs them: outputs, exit codes, refusals.

// Test helpers unwrap freely: a failure there is a failing test, which is what we want.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::string_slice)]

use std::path::Path;
use std::process::{Command, Output};

fn stackradar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stackradar")).args(args).output().unwrap()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn report_on_the_embedded_corpus_writes_summary_and_talks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = stackradar(&["report", "--out", path_str(&out)]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["files"], 5);
    assert_eq!(summary["per_file"][4]["talks"], 225);
    assert_eq!(summary["per_file"][4]["repair"]["damage"], "utf8-as-windows1252");
    assert_eq!(summary["date_range"]["first"], "2015-05-12");
    let talks = std::fs::read_to_string(out.join("talks.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = talks.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), summary["talks"].as_u64().unwrap() as usize);
    let keys = ["id", "file", "index_in_file", "title", "date", "date_source", "qa_pairs", "line"];
    for key in keys {
        assert!(lines.iter().all(|l| l.get(key).is_some()), "every talk has {key}");
    }
    assert_eq!(lines[0]["title"], "Weekly 08");
}

#[test]
fn report_writes_the_review_pack_and_no_charts_skips_them() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [(vec![], true), (vec!["--no-charts"], false)];
    for (i, (flags, charts)) in cases.into_iter().enumerate() {
        let out = dir.path().join(format!("out{i}"));
        let mut args = vec!["report", "--out", path_str(&out)];
        args.extend(flags);
        let output = stackradar(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let report = std::fs::read_to_string(out.join("report.md")).unwrap();
        for section in ["## Key findings", "### Most discussed technologies by category", "### Migrations"] {
            assert!(report.contains(section), "{section}");
        }
        assert!(out.join("graph.gexf").exists() && out.join("graph.graphml").exists());
        for stem in ["chart-timeline", "chart-companies", "chart-radar", "chart-graph"] {
            for ext in ["png", "svg", "csv"] {
                assert_eq!(out.join(format!("{stem}.{ext}")).exists(), charts, "{stem}.{ext}");
            }
            assert_eq!(report.contains(&format!("]({stem}.png)")), charts, "report.md shows {stem}");
        }
    }
}

#[test]
fn report_refuses_a_non_empty_folder_without_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), b"user data").unwrap();
    let output = stackradar(&["report", "--out", path_str(dir.path())]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not empty") && stderr.lines().count() == 1, "{stderr}");
    assert!(!dir.path().join("summary.json").exists());
    let forced = stackradar(&["report", "--out", path_str(dir.path()), "--force"]);
    assert!(forced.status.success());
    assert_eq!(
        std::fs::read(dir.path().join("keep.txt")).unwrap(),
        b"user data",
        "other files are left alone"
    );
}

#[test]
fn report_on_a_missing_path_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = stackradar(&[
        "report",
        path_str(&dir.path().join("missing")),
        "--out",
        path_str(&dir.path().join("o")),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no such file or folder") && stderr.lines().count() == 1, "{stderr}");
}

#[cfg(unix)]
#[test]
fn report_into_an_unwritable_place_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let output = stackradar(&["report", "--out", path_str(&file.join("sub"))]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
}

#[test]
fn report_on_a_folder_lists_problems_and_exits_zero() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("talk.md"), "### 2020-01-01：t\n\n> Q：q\n\nA：a\n").unwrap();
    std::fs::write(input.path().join("blob.md"), b"\0\x01\x02binary").unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = stackradar(&["report", path_str(input.path()), "--out", path_str(out.path()), "--force"]);
    assert!(output.status.success());
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!((summary["talks"].as_u64(), summary["qa_pairs"].as_u64()), (Some(1), Some(1)));
    assert_eq!(summary["problems"][0]["kind"], "binary");
    assert_eq!(summary["problems"][0]["path"], "blob.md");
}

#[test]
fn repair_writes_utf8_to_stdout_or_a_file_and_leaves_the_input_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("broken.txt");
    let clean = "阿里云 and 华为云: clean ASCII too\n";
    // The UTF-8 bytes read as Windows-1252, written back as UTF-8.
    let mojibake: String = clean
        .bytes()
        .map(|b| encoding_rs::WINDOWS_1252.decode_without_bom_handling(&[b]).0.into_owned())
        .collect();
    std::fs::write(&input, &mojibake).unwrap();
    let output = stackradar(&["repair", path_str(&input)]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), clean);
    assert!(String::from_utf8_lossy(&output.stderr).contains("Windows-1252"));
    let out = dir.path().join("fixed.txt");
    assert!(stackradar(&["repair", path_str(&input), "-o", path_str(&out)]).status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), clean);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), mojibake, "input untouched");
}
