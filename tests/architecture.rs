//! The core knows nothing of the GUI: outside `src/ui/` and the binary, no source file names
//! egui or eframe. This keeps the CLI, the tests and the benchmarks on the same code as the app.

// Helpers outside #[test] functions count as non-test code for clippy; here too a failed
// unwrap is a failed test, which is what we want.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_the_ui_module_names_egui_or_eframe() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let offenders: Vec<_> = files
        .iter()
        .filter(|f| !f.starts_with(src.join("ui")) && *f != &src.join("main.rs"))
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap().to_lowercase();
            text.contains("egui") || text.contains("eframe")
        })
        .collect();
    assert!(offenders.is_empty(), "GUI names outside src/ui/: {offenders:?}");
}
