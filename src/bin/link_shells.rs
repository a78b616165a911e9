//! Writes the first screen of the links index.html's shell paints from the served page
//! (`atlas::shell::links`): the views' words into the committed `public/link-shells.html` and
//! `public/link-shell-summaries.html` (inserted into index.html by scripts/post-build.mjs), and each
//! link's chart option per language and theme into `public/link-shells/` (copied into the bundle
//! by Trunk). Run it after a change to the dataset, the locales, the charts or those views:
//! `cargo run --bin link_shells` (tests/index_html.rs fails until the committed files are what it
//! writes now).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use atlas::shell::links;
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).unwrap_or_else(|err| {
        eprintln!("the bundled dataset cannot be read: {err}");
        std::process::exit(1)
    });
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // The directory holds what the core writes now and nothing else: a link dropped from the list
    // leaves no file behind.
    let dir = root.join(links::OPTIONS_DIR);
    let _ = std::fs::remove_dir_all(&dir);
    let written = std::fs::create_dir_all(&dir).map_err(|err| (dir.clone(), err)).and_then(|()| {
        let files = links::generated_files(&dataset);
        for (path, content) in &files {
            let path = root.join(path);
            std::fs::write(&path, content).map_err(|err| (path, err))?;
        }
        Ok(files.len())
    });
    match written {
        Ok(n) => println!("wrote {n} files: {}, {} and {}/", links::VIEWS_FILE, links::SUMMARIES_FILE, links::OPTIONS_DIR),
        Err((path, err)) => {
            eprintln!("{} cannot be written: {err}", path.display());
            std::process::exit(1)
        }
    }
}

/// A host tool: the wasm build has no use for it.
#[cfg(target_arch = "wasm32")]
fn main() {}
