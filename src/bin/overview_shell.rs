//! Writes the overview's content for index.html's shell (`atlas::shell`) into the committed
//! `public/overview-shell.html`, which scripts/post-build.mjs inserts into the bundle's index.html.
//! Run it after a change to the dataset, the locales or the cards: `cargo run --bin overview_shell`
//! (tests/index_html.rs fails until the committed file is what it writes now).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).unwrap_or_else(|err| {
        eprintln!("the bundled dataset cannot be read: {err}");
        std::process::exit(1)
    });
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(atlas::shell::GENERATED_FILE);
    if let Err(err) = std::fs::write(&path, atlas::shell::overview_content(&dataset)) {
        eprintln!("{} cannot be written: {err}", path.display());
        std::process::exit(1)
    }
    println!("wrote {}", path.display());
}

/// A host tool: the wasm build has no use for it.
#[cfg(target_arch = "wasm32")]
fn main() {}
