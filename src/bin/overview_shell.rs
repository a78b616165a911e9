//! Prints the overview's content for index.html's shell (`atlas::shell`): scripts/post-build.mjs
//! runs it on the host and writes its output into the bundle's index.html.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).unwrap_or_else(|err| {
        eprintln!("the bundled dataset cannot be read: {err}");
        std::process::exit(1)
    });
    print!("{}", atlas::shell::overview_content(&dataset));
}

/// A host tool: the wasm build has no use for it.
#[cfg(target_arch = "wasm32")]
fn main() {}
