//! The desktop app (egui via eframe). This is the only part of the crate that knows egui: it
//! draws read-only views of a loaded [`Corpus`](crate::Corpus) snapshot and turns what the user
//! does into [`Command`](command::Command)s, applied in one place (`App::apply`).
//!
//! ```text
//! app.rs       owns snapshot, selection, settings, jobs; lays out panels; applies commands
//! jobs.rs      loading on a background thread, with progress and cancel
//! snapshot.rs  the corpus plus what views derive from it, computed once per load
//! charts.rs    the charts of the snapshot, built once; chart_view.rs paints one
//! exporting.rs a chart or the review pack to files, off the UI thread
//! results.rs   analyses and evidence, computed off the UI thread, cached by what they depend on
//! worker.rs    the background computation with "keep the last answer on screen" behind it
//! panels/      one file per panel or view; each gets only what it draws
//! ```

pub mod app;
pub mod chart_view;
pub mod charts;
pub mod command;
pub mod dialogs;
pub mod exporting;
pub mod fold;
pub mod fonts;
pub mod i18n;
pub mod jobs;
pub mod names;
pub mod panels;
pub mod results;
pub mod settings;
pub mod snapshot;
pub mod state;
pub mod theme;
pub mod view_settings;
pub mod view_state;
pub mod worker;

pub use app::App;

use crate::corpus::Source;
use std::sync::Arc;

/// The window's title before anything is loaded, and the app's name for eframe's storage.
pub const APP_NAME: &str = "stackradar";

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.record_frame_time(frame.info().cpu_usage);
        self.show(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        let Some(path) = settings::default_path() else { return };
        // Saving happens at exit and every half minute; there is no one to tell but the
        // terminal, and the previous settings file is still whole.
        if let Err(error) = settings::write_file(&path, &self.settings_json()) {
            eprintln!("stackradar: settings not saved: {error}");
        }
    }
}

/// Opens the app's window on `source` and runs until it is closed.
pub fn run(source: Source) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_app_id(APP_NAME)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            let stored = match settings::default_path().and_then(|path| settings::read_file(&path)) {
                Some(json) => Some(json),
                // No settings file yet: take what an earlier version kept in eframe's storage.
                None => cc.storage.and_then(|s| s.get_string(settings::STORAGE_KEY)),
            };
            let dialogs = Arc::new(dialogs::RfdDialogs);
            Ok(Box::new(App::new(&cc.egui_ctx, stored.as_deref(), dialogs, source)))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
