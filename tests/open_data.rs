//! Issue 25: the data package `build.rs` writes beside the page holds exactly the loader's figures
//! and sources, and its `datapackage.json` describes every file and column, with keys that hold.

use atlas::model::{self, open_data, Dataset, Texts};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read as _;
use std::path::Path;

fn loaded() -> (Dataset, Texts) {
    let (dataset, texts, issues) = model::load_with_texts(model::bundled());
    assert!(issues.is_empty(), "{issues:?}");
    (dataset, texts)
}

/// A file of the package as the build wrote it.
fn built(name: &str) -> String {
    let path = Path::new(atlas::OPEN_DATA_DIR).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("build.rs wrote no {}: {err}", path.display()))
}

/// A CSV file as a header and rows of named cells.
fn table(text: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark: pandas and R read the header as is");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header row").iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|record| {
            let record = record.expect("an RFC 4180 record");
            assert_eq!(record.len(), header.len());
            header.iter().cloned().zip(record.iter().map(str::to_string)).collect()
        })
        .collect();
    (header, rows)
}

/// What a text cell holds once read back: the text, or `'` and the text where a spreadsheet
/// would have run it as a formula.
fn as_written(text: &str) -> String {
    open_data::safe_cell(text).into_owned()
}

#[test]
fn the_build_wrote_what_the_writer_writes_for_the_loaded_data() {
    let (dataset, texts) = loaded();
    for (name, contents) in open_data::files(&dataset, &texts, atlas::DATASET_BUILT) {
        assert!(built(name) == contents, "{name} differs from the writer's output for the loader's data");
    }
    // The archive holds the same files, in a folder of their own.
    let bytes = std::fs::read(Path::new(atlas::OPEN_DATA_DIR).join(open_data::ZIP)).expect("build.rs wrote the archive");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    assert_eq!(archive.len(), open_data::FILES.len());
    for name in open_data::FILES {
        let mut text = String::new();
        archive.by_name(&format!("atlas-data/{name}")).unwrap_or_else(|_| panic!("{name} in the archive")).read_to_string(&mut text).expect("UTF-8");
        assert!(text == built(name), "{name} in the archive differs");
    }
}

#[test]
fn observations_csv_holds_exactly_the_loaders_figures_with_their_quotes() {
    let (dataset, texts) = loaded();
    let (_, rows) = table(&built("observations.csv"));
    assert_eq!(rows.len(), dataset.observations.len());
    let by_id: BTreeMap<&str, &HashMap<String, String>> = rows.iter().map(|r| (r["id"].as_str(), r)).collect();
    assert_eq!(by_id.len(), rows.len(), "one row per figure");
    for o in &dataset.observations {
        let row = by_id.get(o.id.as_str()).unwrap_or_else(|| panic!("{} is in observations.csv", o.id));
        assert_eq!(row["value"].parse::<f64>().ok(), Some(o.value), "{}", o.id);
        assert_eq!((row["unit"].as_str(), row["kind"].as_str(), row["region"].as_str()), (o.unit.id(), o.kind.id(), o.region.as_str()), "{}", o.id);
        assert_eq!(row["year"], o.year.to_string());
        assert_eq!(row["sector"], o.sector.clone().unwrap_or_default());
        assert_eq!(row["quote"], as_written(texts.quote(&dataset, o)), "{}", o.id);
        assert_eq!(row["note"], as_written(texts.note(&dataset, o).unwrap_or("")), "{}", o.id);
        assert_eq!(row["revision"], o.revision().map_or("", |r| r.id()));
        assert_eq!(row["source_id"], open_data::source_id(dataset.source_of(o)));
    }
    // A sample, Chinese included, as a reader would check it against the page.
    let gdp = by_id["beijing-gdp-2022"];
    assert_eq!((gdp["value"].as_str(), gdp["unit"].as_str(), gdp["base_value"].as_str(), gdp["base_unit"].as_str()), ("41610.9", "100m_yuan", "4161090000000", "yuan"));
    assert_eq!((gdp["indicator_zh"].as_str(), gdp["revision"].as_str()), ("地区生产总值", "preliminary"));
    assert!(gdp["quote"].contains("初步核算") && gdp["quote"].contains("41610.9亿元"), "{}", gdp["quote"]);
    let haidian = by_id["geo-haidian-gdp-2022-table"];
    assert_eq!(haidian["revision"], "", "a note that mentions preliminary data does not make a figure preliminary");
}

#[test]
fn sources_csv_holds_every_source_once_with_its_title() {
    let (dataset, texts) = loaded();
    let (_, rows) = table(&built("sources.csv"));
    assert_eq!(rows.len(), dataset.sources.len());
    let ids: BTreeSet<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "source ids are unique");
    for (index, source) in dataset.sources.iter().enumerate() {
        let row = rows.iter().find(|r| r["url"] == as_written(&source.url)).unwrap_or_else(|| panic!("{} in sources.csv", source.url));
        assert_eq!(row["title"], as_written(texts.source_title(index)));
        assert_eq!((row["publisher"].as_str(), row["confidence"].as_str()), (as_written(&source.publisher).as_str(), source.confidence.id()));
        assert_eq!(row["n_figures"], source.n_figures.to_string());
    }
    let (_, regions) = table(&built("regions.csv"));
    assert_eq!(regions.len(), dataset.regions.len());
    let bda = regions.iter().find(|r| r["id"] == "bda").expect("E-Town");
    assert!(bda["lon"].parse::<f64>().is_ok() && bda["lat"].parse::<f64>().is_ok() && bda["name_zh"].contains("北京经济技术开发区"), "{bda:?}");
    assert_eq!(table(&built("sectors.csv")).1.len(), dataset.sectors.len());
    assert_eq!(table(&built("facts.csv")).1.len(), dataset.facts.len());
}

#[test]
fn datapackage_names_every_file_and_column_and_its_keys_hold() {
    let package: Value = serde_json::from_str(&built("datapackage.json")).expect("datapackage.json is JSON");
    assert_eq!(package["profile"], "data-package");
    let resources = package["resources"].as_array().expect("resources");
    let paths: BTreeSet<&str> = resources.iter().filter_map(|r| r["path"].as_str()).collect();
    let files: BTreeSet<&str> = open_data::FILES.iter().copied().filter(|f| *f != "datapackage.json").collect();
    assert_eq!(paths, files, "every file but the descriptor itself is a resource");
    let mut tables: HashMap<String, Vec<HashMap<String, String>>> = HashMap::new();
    for resource in resources.iter().filter(|r| r["format"] == "csv") {
        let path = resource["path"].as_str().expect("a path");
        let (header, rows) = table(&built(path));
        let fields = resource["schema"]["fields"].as_array().expect("fields");
        let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
        assert_eq!(names, header, "{path}: the schema names every column, in order");
        for field in fields {
            assert!(field["type"].is_string() && field["description"].as_str().is_some_and(|d| d.len() > 10), "{path}: {field}");
            if field["type"] == "number" || field["type"] == "integer" {
                let name = field["name"].as_str().unwrap_or_default();
                assert!(rows.iter().all(|r| r[name].is_empty() || r[name].parse::<f64>().is_ok()), "{path}.{name} holds numbers");
            }
            if let Some(allowed) = field["constraints"]["enum"].as_array() {
                let name = field["name"].as_str().unwrap_or_default();
                assert!(rows.iter().all(|r| r[name].is_empty() || allowed.iter().any(|a| a == r[name].as_str())), "{path}.{name} keeps to its list");
            }
        }
        let key = resource["schema"]["primaryKey"][0].as_str().expect("a primary key");
        let keys: BTreeSet<&str> = rows.iter().map(|r| r[key].as_str()).collect();
        assert_eq!(keys.len(), rows.len(), "{path}: the primary key is unique");
        tables.insert(resource["name"].as_str().expect("a name").to_string(), rows);
    }
    let mut checked = 0;
    for resource in resources {
        for foreign in resource["schema"]["foreignKeys"].as_array().into_iter().flatten() {
            let field = foreign["fields"][0].as_str().expect("a field");
            let target = foreign["reference"]["resource"].as_str().expect("a resource");
            let target_field = foreign["reference"]["fields"][0].as_str().expect("a field");
            let known: BTreeSet<&str> = tables[target].iter().map(|r| r[target_field].as_str()).collect();
            let name = resource["name"].as_str().unwrap_or_default();
            let broken: Vec<&str> = tables[name].iter().map(|r| r[field].as_str()).filter(|v| !v.is_empty() && !known.contains(v)).collect();
            assert!(broken.is_empty(), "{name}.{field} → {target}.{target_field}: {broken:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "observation → source, sector, region; fact → region");
    let readme = built("README.md");
    assert!(open_data::FILES.iter().all(|f| readme.contains(f)), "the README says what each file holds");
}
