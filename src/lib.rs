//! Beijing High-Tech Atlas: a pure core (`model`, `query`, `state`, `story`, `charts`) that plain
//! `cargo test` covers on the host, and a thin browser shell (`ui`, `bridge`) built for wasm32.

// Every UI string in English and Chinese, compiled in from locales/app.yml.
rust_i18n::i18n!("locales", fallback = "en");

/// The dataset as `build.rs` loaded, validated and encoded it: postcard bytes for `model::decode`.
pub static BUNDLED_DATASET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.postcard"));

/// The file beside index.html that holds the dataset's texts (`model::decode_texts`), named by
/// its content; the page fetches it when a quote is first needed.
pub const TEXTS_FILE: &str = include!(concat!(env!("OUT_DIR"), "/texts_file.rs"));

/// The date `build.rs` built the dataset (YYYY-MM-DD): the data package's version and the date
/// a citation gives as accessed.
pub const DATASET_BUILT: &str = include!(concat!(env!("OUT_DIR"), "/dataset_built.rs"));

/// Where `build.rs` wrote the data package (CSVs, README, datapackage.json, atlas-data.zip), for
/// host tests; scripts/post-build.mjs copies it into the bundle as `data/`.
#[cfg(not(target_arch = "wasm32"))]
pub const OPEN_DATA_DIR: &str = concat!(env!("OUT_DIR"), "/open-data");

/// The same texts, for host tests; the wasm fetches them instead of carrying them.
#[cfg(not(target_arch = "wasm32"))]
pub static BUNDLED_TEXTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/texts.postcard"));

pub mod charts;
pub mod format;
pub mod model;
pub mod query;
pub mod state;
pub mod story;

/// index.html's shell, written at build time (host only): the overview's content, and each
/// prerendered chart link's words and chart options (`shell::links`).
#[cfg(not(target_arch = "wasm32"))]
pub mod shell;

#[cfg(test)]
pub mod fixtures;

#[cfg(target_arch = "wasm32")]
pub mod bridge;
#[cfg(target_arch = "wasm32")]
pub mod ui;
