//! Runs the app's own loader over `data/` at build time and
//! - fails the build on any load issue, naming file and line;
//! - writes the loaded figures as postcard bytes (`dataset.postcard`), which the page decodes at
//!   start-up instead of parsing and validating JSON, and their words (quotes, notes, source
//!   titles) apart, as `texts-<hash>.bin` named by its content (`texts_file.rs` holds the name):
//!   the page fetches it when first needed, and scripts/post-build.mjs copies it into the bundle;
//! - writes a small table from each Chinese character in the dataset's names (sectors, districts,
//!   zones, indicator labels, publishers) and the kinds' and units' labels to its toneless pinyin
//!   readings, for the search box and the table's Chinese sort order. The `pinyin` crate (a
//!   build-dependency) holds the whole dictionary; the wasm carries only the few hundred
//!   characters the names use;
//! - writes the whole dataset as open data (`model::open_data`: CSVs, README, a Frictionless
//!   `datapackage.json`) and `atlas-data.zip` of them all into `open-data/` beside the texts;
//!   scripts/post-build.mjs copies that directory into the bundle as `data/`. The date it was
//!   built (`SOURCE_DATE_EPOCH` where set, for reproducible builds) is the package's version and
//!   the "accessed" date of citations (`dataset_built.rs`).

use pinyin::ToPinyinMulti;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

// `locales/` is read by rust-i18n's macro at expansion time, which Cargo does not track; since
// this script names what it watches, Cargo reruns only for these, so the catalogue is listed too.
const WATCHED: [&str; 12] = [
    "locales",
    "data/sectors.json",
    "data/search_terms.json",
    "data/zones.jsonl",
    "data/observations.jsonl",
    "data/facts.jsonl",
    "src/model/mod.rs",
    "src/model/load.rs",
    "src/model/period.rs",
    "src/model/regions.rs",
    "src/model/open_data.rs",
    "src/model/order.rs",
];

fn main() {
    for file in WATCHED {
        println!("cargo:rerun-if-changed={file}");
    }
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let Ok(out_dir) = std::env::var("OUT_DIR").map(PathBuf::from) else {
        panic!("OUT_DIR is not set: build.rs runs under Cargo, which sets it");
    };
    let (dataset, texts, issues) = model::load_with_texts(model::bundled());
    if !issues.is_empty() {
        let list: Vec<String> = issues.iter().map(ToString::to_string).collect();
        panic!("the dataset has {} load issue(s):\n{}", list.len(), list.join("\n"));
    }
    let bytes = model::encode(&dataset).unwrap_or_else(|err| panic!("cannot encode the dataset: {err}"));
    write(&out_dir.join("dataset.postcard"), &bytes);
    let text_bytes = model::encode_texts(&texts).unwrap_or_else(|err| panic!("cannot encode the texts: {err}"));
    let texts_file = format!("texts-{:016x}.bin", fnv1a(&text_bytes));
    write(&out_dir.join(&texts_file), &text_bytes);
    write(&out_dir.join("texts.postcard"), &text_bytes);
    write(&out_dir.join("texts_file.rs"), format!("{texts_file:?}").as_bytes());

    let built = build_date();
    write(&out_dir.join("dataset_built.rs"), format!("{:?}", built.text).as_bytes());
    let files = model::open_data::files(&dataset, &texts, &built.text);
    let open_data = out_dir.join("open-data");
    if let Err(err) = std::fs::create_dir_all(&open_data) {
        panic!("cannot create {}: {err}", open_data.display());
    }
    for (name, contents) in &files {
        write(&open_data.join(name), contents.as_bytes());
    }
    write(&open_data.join(model::open_data::ZIP), &zip_of(&files, &built));

    write(&out_dir.join("pinyin_table.rs"), pinyin_table(&dataset).as_bytes());
}

/// The pinyin table: each Chinese character of the names the search finds (sectors, districts,
/// zones, indicator labels) and of the words the table sorts by (publishers; the kinds' and
/// units' labels and "all industries" in locales/app.yml) with every toneless reading the `pinyin` crate knows, the
/// most common first: a polyphone such as 朝 (zhao, chao) is indexed under each, since the
/// characters alone cannot say which a name uses.
fn pinyin_table(dataset: &model::Dataset) -> String {
    let mut names: Vec<String> = model::DISTRICTS.iter().map(|d| d.name_zh.to_string()).collect();
    names.extend(dataset.sectors.iter().map(|s| s.name_zh.clone()));
    names.extend(dataset.zones.iter().map(|z| z.name_zh.clone()));
    names.extend(dataset.observations.iter().map(|o| o.label_zh.clone()));
    names.extend(dataset.search_terms.iter().flat_map(|t| t.zh.iter().cloned()));
    names.extend(dataset.sources.iter().map(|s| s.publisher.clone()));
    let locales = std::fs::read_to_string("locales/app.yml").unwrap_or_else(|err| panic!("cannot read locales/app.yml: {err}"));
    let sorted_labels = ["kind.", "unit.", "sector."];
    names.extend(locales.lines().filter(|line| sorted_labels.iter().any(|key| line.starts_with(key))).map(str::to_string));
    let mut table: BTreeMap<char, Vec<&'static str>> = BTreeMap::new();
    for c in names.iter().flat_map(|n| n.chars()) {
        if let Some(readings) = c.to_pinyin_multi() {
            let mut plain: Vec<&'static str> = Vec::new();
            for reading in readings {
                if !plain.contains(&reading.plain()) {
                    plain.push(reading.plain());
                }
            }
            table.insert(c, plain);
        }
    }
    let mut out = String::from(
        "/// Character → its toneless pinyin readings, the most common first, sorted by character (generated by build.rs).\npub(crate) static PINYIN: &[(char, &[&str])] = &[\n",
    );
    for (c, readings) in &table {
        let _ = writeln!(out, "    ({c:?}, &{readings:?}),");
    }
    out.push_str("];\n");
    out
}

/// The dataset's build date, from `SOURCE_DATE_EPOCH` where set, else today (UTC).
struct BuildDate {
    year: u16,
    month: u8,
    day: u8,
    /// `YYYY-MM-DD`.
    text: String,
}

fn build_date() -> BuildDate {
    let seconds = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    });
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as u16;
    BuildDate { year, month, day, text: format!("{year:04}-{month:02}-{day:02}") }
}

/// The data package in one archive, its files in a folder of their own, dated by the build (not
/// by the clock) so one dataset gives the same bytes.
fn zip_of(files: &[(&str, String)], built: &BuildDate) -> Vec<u8> {
    use std::io::Write as _;
    let time = zip::DateTime::from_date_and_time(built.year, built.month, built.day, 0, 0, 0).unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, contents) in files {
        let written = archive.start_file(format!("atlas-data/{name}"), options).and_then(|()| Ok(archive.write_all(contents.as_bytes())?));
        if let Err(err) = written {
            panic!("cannot add {name} to the data archive: {err}");
        }
    }
    archive.finish().unwrap_or_else(|err| panic!("cannot finish the data archive: {err}")).into_inner()
}

/// FNV-1a, 64 bits: a content hash for the texts' file name, so a cached copy never pairs with
/// another build's figures.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(err) = std::fs::write(path, bytes) {
        panic!("cannot write {}: {err}", path.display());
    }
}
