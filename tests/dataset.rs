//! The real `data/` loads cleanly and keeps every claim of the source articles.

use atlas::model::{self, Dataset};

fn dataset() -> Dataset {
    let (dataset, issues) = model::load(model::bundled());
    let listed: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    assert!(listed.is_empty(), "data/ has {} issue(s):\n{}", listed.len(), listed.join("\n"));
    dataset
}

#[test]
fn data_loads_without_issues() {
    let dataset = dataset();
    assert_eq!(dataset.sectors.len(), 10);
    assert!(dataset.observations.len() >= 455);
    assert!(dataset.zones.len() >= 25);
}

#[test]
fn every_seed_claim_is_present_with_its_value() {
    let dataset = dataset();
    let claims = include_str!("../data/seed_claims.tsv");
    let mut n_claims = 0;
    for line in claims.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (id, value) = (fields[0], fields[1].parse::<f64>().expect("seed_claims.tsv value is a number"));
        let observation = dataset.observation(id).unwrap_or_else(|| panic!("seed claim `{id}` is missing from data/"));
        assert_eq!(observation.value, value, "seed claim `{id}` changed its value");
        n_claims += 1;
    }
    assert_eq!(n_claims, 40, "the five source articles make 40 quantitative claims");
}
