//! The default corpus, compiled into the binary so that stackradar shows real data from any
//! directory with no arguments. The files are the ones in `data/`, byte for byte (see
//! `data/README.md` for what each one is).

/// (file name, bytes) of every embedded file, in file-name order.
pub const FILES: &[(&str, &[u8])] = &[
    ("000_05b0fef363d729d7.txt", include_bytes!("../../data/000_05b0fef363d729d7.txt")),
    ("001_3a0f27c65fac2551.txt", include_bytes!("../../data/001_3a0f27c65fac2551.txt")),
    ("002_6066170bd119adb6.txt", include_bytes!("../../data/002_6066170bd119adb6.txt")),
    ("003_d529de65ecbf3fc1.txt", include_bytes!("../../data/003_d529de65ecbf3fc1.txt")),
    ("004_77bb0b753ad145a3.txt", include_bytes!("../../data/004_77bb0b753ad145a3.txt")),
];

/// The name the embedded corpus goes by in reports and window titles.
pub const NAME: &str = "embedded sample corpus";
