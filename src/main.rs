//! Start-up: keep a panic's trace in the console and show a static notice, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // The reactive runtime cannot be trusted after a panic, so the notice is static HTML.
        atlas::bridge::show_crash_notice();
    }));
    leptos::mount::mount_to_body(atlas::ui::App);
}

/// The app runs in the browser; on the host, `cargo test` covers the pure core.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
