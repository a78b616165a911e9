//! The real `data/` loads cleanly and keeps every claim of the source articles.

use atlas::model::{self, Dataset};

fn dataset() -> Dataset {
    let (dataset, issues) = model::load(model::bundled());
    let listed: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    assert!(listed.is_empty(), "data/ has {} issue(s):\n{}", listed.len(), listed.join("\n"));
    dataset
}

#[test]
fn the_bundled_bytes_decode_to_what_the_loader_reads_from_data() {
    let decoded = model::decode(atlas::BUNDLED_DATASET).expect("build.rs wrote bytes that decode");
    assert_eq!(decoded, dataset());
    let id = &decoded.observations[0].id;
    assert_eq!(decoded.observation(id).map(|o| &o.id), Some(id), "the lookup by id is rebuilt after decoding");
    let (_, texts, _) = model::load_with_texts(model::bundled());
    assert_eq!(model::decode_texts(atlas::BUNDLED_TEXTS, &decoded), Ok(texts.clone()));
    assert!(decoded.observations.iter().all(|o| !texts.quote(&decoded, o).is_empty()), "every figure has its quote");
    assert!(atlas::TEXTS_FILE.starts_with("texts-") && atlas::TEXTS_FILE.ends_with(".bin"));
}

#[test]
fn texts_of_another_dataset_are_refused() {
    let mut other = dataset();
    other.observations.pop();
    assert!(model::decode_texts(atlas::BUNDLED_TEXTS, &other).is_err());
}

#[test]
fn data_loads_without_issues() {
    let dataset = dataset();
    assert_eq!(dataset.sectors.len(), 10);
    // Every line of the files is one loaded row: none is dropped.
    let lines = |text: &str| text.lines().filter(|l| !l.trim().is_empty()).count();
    let files = model::bundled();
    assert_eq!(dataset.observations.len(), lines(files.observations));
    assert_eq!(dataset.facts.len(), lines(files.facts));
    assert_eq!(dataset.zones.len(), lines(files.zones));
    let sector_objects = serde_json::from_str::<Vec<serde_json::Value>>(files.sectors).map(|objects| objects.len()).ok();
    assert_eq!(sector_objects, Some(10));
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

fn trends_points(dataset: &Dataset, query: &str) -> (Option<String>, Vec<query::Point>) {
    let state = state::parse(query, dataset).state;
    let rows = query::filter(dataset, &query::Filter::from_state(&state, dataset));
    let years = query::series::year_axis(&rows, state.time_span(dataset));
    let lines = query::series(dataset, &rows, &years);
    let shown = query::choice::shown_indicator(dataset, &state).indicator;
    (shown, lines.iter().flat_map(|l| l.values.iter().flatten().cloned()).collect())
}

use atlas::{query, state};

#[test]
fn every_sector_alone_gives_a_trends_chart_with_figures() {
    let dataset = dataset();
    for sector in &dataset.sectors {
        let (shown, points) = trends_points(&dataset, &format!("view=trends&sector={}", sector.id));
        assert!(shown.is_some(), "{}: no indicator chosen", sector.id);
        assert!(!points.is_empty(), "{}: the trends chart draws nothing for {shown:?}", sector.id);
    }
}

#[test]
fn the_long_city_series_draw_ten_years_or_more_between_2012_and_2024() {
    let dataset = dataset();
    for indicator in ["gdp", "rd_intensity", "tech_contract_turnover", "invention_patents_per_10k"] {
        let (_, points) = trends_points(&dataset, &format!("view=trends&indicator={indicator}&time=2012..2024"));
        let years: std::collections::BTreeSet<u16> = points.iter().map(|p| p.year).collect();
        assert!(years.len() >= 10, "{indicator}: {} years ({years:?})", years.len());
    }
    // GDP: every year 2012–2024, each point one figure however many sources give it.
    let (_, points) = trends_points(&dataset, "view=trends&indicator=gdp&time=2012..2024");
    assert_eq!(points.iter().map(|p| p.year).collect::<Vec<_>>(), (2012..=2024).collect::<Vec<_>>());
    let p2016 = points.iter().find(|p| p.year == 2016).unwrap();
    assert!(!p2016.conflict && p2016.n_sources() >= 2, "2.49 tn and 24,899.3 亿元 are one figure");
    assert_eq!(p2016.value, 24899.3);
}

#[test]
fn views_open_on_the_best_data() {
    let dataset = dataset();
    // Trends with no indicator: the densest series (Beijing's GDP, every year 2012–2024).
    let (shown, points) = trends_points(&dataset, "view=trends");
    assert_eq!(shown.as_deref(), Some("gdp"));
    assert!(points.len() >= 13);
    // Sectors: the scale ladder, all ten sectors on one measure (issue 24).
    let comparison = query::comparison(&dataset, &state::parse("view=sectors", &dataset).state);
    assert!(comparison.bars.is_empty(), "no longer ten equal bars");
    assert_eq!(comparison.ladder.as_ref().map(|l| l.sectors.len()), Some(10));
    // Each sector's size in its own measure is the indicator list's other choice.
    let comparison = query::comparison(&dataset, &state::parse("view=sectors&indicator=sizes", &dataset).state);
    assert_eq!(comparison.sizes.len(), 10);
    let measures: std::collections::BTreeSet<&str> = comparison.sizes.iter().map(|s| s.indicator.as_str()).collect();
    assert!(measures.len() >= 3, "sizes in their own measures: {measures:?}");
    // The map: the latest year with figures for the most districts.
    let year = query::choice::map_year(&dataset, &state::parse("view=map", &dataset).state).unwrap();
    let counts = |y: u16| query::district_values(&dataset, "gdp", y).iter().filter(|v| v.point.is_some()).count();
    assert!((2012..=2030).all(|y| counts(y) < counts(year) || (counts(y) == counts(year) && y <= year)));
}

/// Code review C2: the district GDP tables' note ("may mix preliminary and revised data") once
/// labelled all 80 of their figures preliminary. Only lines whose source says so carry a revision.
#[test]
fn only_figures_whose_source_says_so_are_preliminary_or_final() {
    let dataset = dataset();
    let revision = |id: &str| dataset.observation(id).unwrap_or_else(|| panic!("{id} is in the data")).revision();
    assert_eq!(revision("geo-haidian-gdp-2022-table"), None);
    assert_eq!(revision("geo-haidian-gdp-2022"), Some(model::Revision::Preliminary), "据初步统计");
    assert_eq!(revision("beijing-gdp-2024"), Some(model::Revision::Preliminary), "初步核算");
    // Cold review: these were labelled though their quotes say nothing of it, or unlabelled
    // though they say it.
    assert_eq!(revision("beijing-rd-expenditure-2022"), None);
    assert_eq!(revision("beijing-gdp-2018"), None);
    assert_eq!(revision("beijing-gdp-2021-official"), Some(model::Revision::Preliminary), "Based on preliminary accounting");
    assert_eq!(revision("jp-huairou-gdp-2023"), Some(model::Revision::Preliminary), "初歩的計算値");
    assert_eq!(revision("chaoyang-gdp-growth-2024"), None, "'No final de 2024' is Portuguese for 'at the end of 2024'");
    // Every line of the file whose id ends in `-table`, counted from the file itself.
    let table_lines = model::bundled()
        .observations
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|row| row["id"].as_str().is_some_and(|id| id.ends_with("-table")))
        .count();
    let tables: Vec<_> = dataset.observations.iter().filter(|o| o.id.ends_with("-table")).collect();
    assert_eq!(tables.len(), table_lines);
    assert!(table_lines >= 80, "the district GDP tables: {table_lines} lines");
    assert_eq!(tables.iter().filter(|o| o.revision().is_some()).count(), 0);
}

/// Code review C2 (cold review): a figure carries a revision exactly when its quote or its
/// source page's title says so in the source's own words, and the label is the one those words
/// give. No exceptions are needed today; add any here with the reason.
#[test]
fn a_revision_is_set_exactly_where_the_quote_or_title_says_it() {
    const PRELIMINARY: [&str; 5] = ["初步", "初歩", "preliminar", "vorläufig", "快报"];
    const FINAL: [&str; 3] = ["最终核实", "终核", "final revised"];
    const EXCEPTIONS: [&str; 0] = [];
    let (dataset, texts, _) = model::load_with_texts(model::bundled());
    let mut wrong = Vec::new();
    for observation in &dataset.observations {
        if EXCEPTIONS.contains(&observation.id.as_str()) {
            continue;
        }
        let words = format!(
            "{} {}",
            texts.quote(&dataset, observation),
            texts.source_title(observation.source)
        )
        .to_lowercase();
        let says = |list: &[&str]| list.iter().any(|w| words.contains(&w.to_lowercase()));
        let expected = if says(&PRELIMINARY) {
            Some(model::Revision::Preliminary)
        } else if says(&FINAL) {
            Some(model::Revision::Final)
        } else {
            None
        };
        if observation.revision() != expected {
            wrong.push(format!("{}: {:?}, its words say {:?}", observation.id, observation.revision(), expected));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Issue 23, C12: every kind of zone in the data has its name in both languages (a new kind
/// would otherwise show the raw key).
#[test]
fn every_zone_kind_has_a_name_in_both_languages() {
    use atlas::model::Lang;
    for zone in &dataset().zones {
        let key = format!("zone_kind.{}", zone.kind);
        let en = atlas::format::tr(Lang::En, &key);
        let zh = atlas::format::tr(Lang::Zh, &key);
        assert!(!en.is_empty() && !en.contains("zone_kind"), "{}: {en}", zone.kind);
        // rust-i18n falls back to English where the Chinese is missing: the Chinese name must be
        // another text than the English one, and Chinese.
        assert_ne!(zh, en, "{}: no Chinese name (the English shows)", zone.kind);
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {zh}", zone.kind);
    }
}

/// Issue 24: each line of `../shared/data/additions/2026-12-02-upgrades.jsonl` states the same
/// figure as a line already here ("better source for <id>"): one point, the better source first,
/// no conflict.
#[test]
fn the_2026_12_02_upgrades_are_one_point_with_the_better_source_first() {
    use atlas::query::{self, Filter};
    let dataset = dataset();
    let upgrades = [
        ("beijing-gdp-2013-ce", "beijing-gdp-2013"),
        ("beijing-gdp-2015-cri", "beijing-gdp-2015"),
        ("beijing-gdp-2020-japion", "beijing-gdp-2020"),
        ("beijing-gdp-2020-fta", "beijing-gdp-2020"),
        ("beijing-gdp-2021-official", "beijing-gdp-2021"),
        ("beijing-gdp-2024-xinhua-jp", "beijing-gdp-2024"),
        ("beijing-gdp-2024-official-jp", "beijing-gdp-2024"),
        ("beijing-new-tech-enterprises-per-day-2014-people", "beijing-new-tech-enterprises-per-day-2014"),
        ("beijing-new-tech-enterprises-per-day-2023-people", "beijing-new-tech-enterprises-per-day-2023"),
        ("beijing-digital-economy-share-2021-people", "beijing-digital-economy-share-2021"),
    ];
    for (better, old) in upgrades {
        let line = dataset.observation(better).unwrap_or_else(|| panic!("{better} is merged"));
        let rows = query::filter(&dataset, &Filter { indicator: Some(line.indicator.clone()), regions: Some(vec!["beijing".into()]), economy_wide: true, ..Filter::default() });
        let lines = query::series(&dataset, &rows, &[line.year]);
        let point = lines.iter().find_map(|s| s.values[0].clone()).unwrap_or_else(|| panic!("{better}: a point"));
        assert!(point.observations.iter().any(|id| id == better) && point.observations.iter().any(|id| id == old), "{better}: {point:?}");
        assert!(!point.conflict, "{better} and {old} are one figure: {point:?}");
        // Drawn and opened first: a better source than the old line by the page's one rule
        // (`model::source_rank`: official, then the figure's own language, then confidence). One
        // upgrade is a Japanese translation of a figure whose Chinese communiqué text the old line
        // quotes: the old line stays first.
        let rank = |id: &str| model::source_rank(&dataset, dataset.observation(id).unwrap());
        if better == "beijing-digital-economy-share-2021-people" {
            assert_eq!(point.obs, old, "{better}: the communiqué's own words first");
            assert!(rank(old) < rank(better));
        } else {
            assert_ne!(point.obs, old, "{better}: the better source first");
            assert!(rank(&point.obs) < rank(old), "{better}: {} ranks strictly before {old}", point.obs);
        }
    }
}
