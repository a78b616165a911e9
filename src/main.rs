//! Start-up: keep a panic's trace in the console and show a static notice, then mount the app in
//! place of index.html's static shell.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The reactive runtime cannot be trusted after a panic, so the notice is static HTML.
        atlas::bridge::show_crash_notice();
    }));
    wasm_bindgen_futures::spawn_local(async {
        // Once the shell has been shown and its paint reported: start-up never holds it back
        // (see shell_painted).
        atlas::bridge::shell_painted().await;
        // On a prerendered chart link, and the shell's chart drawn or given up (at most 2 s, not
        // in the background): ECharts is evaluated after the shell's paint there, and the mount
        // must not come in front of the reader's first chart (see shell_chart_settled).
        atlas::bridge::shell_chart_settled().await;
        atlas::ui::start_in_preferred_lang();
        // The mount renders the app synchronously; removing index.html's shell in the same task
        // means the browser's next frame shows the app where the shell was, never both or neither.
        leptos::mount::mount_to_body(atlas::ui::App);
        atlas::bridge::remove_shell();
    });
}

/// The app runs in the browser; on the host, `cargo test` covers the pure core.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
