use super::*;
use crate::model::{self, Dataset, Lang};
use crate::state::parse;
use std::sync::OnceLock;

#[allow(clippy::too_many_arguments)]
/// One figure as a JSON line; the quote states the value so the loader accepts it.
fn obs(id: &str, indicator: &str, sector: &str, region: &str, year: u16, period: &str, value: f64, unit: &str, kind: &str) -> String {
    serde_json::json!({
        "id": id, "indicator": indicator, "indicator_en": format!("{indicator} (en)"), "indicator_zh": format!("{indicator}（中）"),
        "sector": sector, "region": region, "year": year, "period": period, "value": value, "unit": unit, "kind": kind,
        "source_url": format!("https://example.org/{id}"), "source_title": "t", "publisher": "Bureau", "published": "2024-01-01",
        "quote": format!("the figure is {value} here"), "confidence": "official",
    })
    .to_string()
}

fn sector(id: &str, zh: &str) -> serde_json::Value {
    serde_json::json!({ "id": id, "name_en": id, "name_zh": zh, "description_en": "d", "description_zh": "描述",
        "color": "#123456", "source_url": "https://example.org/s", "quote": "q" })
}

fn zone(id: &str, district: &str, sectors: &[&str]) -> String {
    serde_json::json!({ "id": id, "name_en": id, "name_zh": "园", "kind": "park", "district": district, "lon": 116.3, "lat": 39.9,
        "coord_basis": "approximate", "sectors": sectors, "description_en": "d", "description_zh": "描述",
        "source_url": "https://example.org/z", "quote": "q" })
    .to_string()
}

fn fact(id: &str, date: &str, region: &str, sectors: &[&str]) -> String {
    serde_json::json!({ "id": id, "date": date, "region": region, "sectors": sectors, "text_en": "t",
        "source_url": "https://example.org/f", "publisher": "p", "published": "2021", "quote": "q" })
    .to_string()
}

fn fixture() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let mut rows = vec![
            obs("rev-2020", "revenue", "chips", "beijing", 2020, "year", 100.0, "bn_yuan", "actual"),
            obs("rev-2021", "revenue", "chips", "beijing", 2021, "year", 120.5, "bn_yuan", "actual"),
            obs("rev-2024h1", "revenue", "chips", "beijing", 2024, "2024-01/2024-06", 70.0, "bn_yuan", "actual"),
            obs("rev-target", "revenue", "chips", "beijing", 2025, "2021-2025", 300.0, "bn_yuan", "target"),
            obs("share-2021", "share", "chips", "beijing", 2021, "year", 2.7, "pct", "share"),
            obs("share-target", "share", "chips", "beijing", 2025, "year", 3.1, "pct", "target"),
            obs("firms-target", "firms", "chips", "beijing", 2025, "year", 500.0, "count", "target"),
            obs("halfyear", "exports", "chips", "beijing", 2023, "2023-01/2023-06", 8.0, "bn_yuan", "actual"),
            obs("out-2022", "output", "chips", "beijing", 2022, "year", 9000.0, "100m_yuan", "actual"),
            obs("out-target", "output", "chips", "beijing", 2025, "year", 1.2, "tn_yuan", "target"),
            obs("drug-2022", "revenue", "drugs", "beijing", 2022, "year", 50.0, "bn_yuan", "actual"),
            obs("park-a-firms", "firms", "all", "park_a", 2022, "year", 40.0, "count", "actual"),
        ];
        // GDP for all 16 districts in 2020 (Haidian tenth: 900 against 1000, 990, … 850), for 15 in 2021.
        for (i, d) in DISTRICTS.iter().enumerate() {
            let value = if d.id == "haidian" { 900.0 } else { 1000.0 - 10.0 * i as f64 };
            rows.push(obs(&format!("gdp-{}-2020", d.id), "gdp", "all", d.id, 2020, "year", value, "100m_yuan", "actual"));
            if d.id != "miyun" {
                rows.push(obs(&format!("gdp-{}-2021", d.id), "gdp", "all", d.id, 2021, "year", value + 1.0, "100m_yuan", "actual"));
            }
        }
        let sectors = serde_json::to_string(&[sector("chips", "芯片"), sector("drugs", "药品")]).unwrap();
        let zones = [zone("park_a", "haidian", &["chips"]), zone("park_b", "daxing", &["drugs"])].join("\n");
        let facts = [fact("f-chips", "2021-05", "beijing", &["chips"]), fact("f-park-a", "2019", "park_a", &[]), fact("f-haidian", "2018-12-01", "haidian", &[])].join("\n");
        let observations = rows.join("\n");
        let (dataset, issues) = model::load(model::RawFiles { observations: &observations, sectors: &sectors, zones: &zones, facts: &facts });
        assert!(issues.is_empty(), "{issues:?}");
        dataset
    })
}

fn profile_of(link: &str) -> Profile<'static> {
    let dataset = fixture();
    let state = parse(link, dataset).state;
    let entity = state.profile_subject(dataset).and_then(|s| Entity::resolve(dataset, s)).expect("one entity");
    profile(dataset, entity, &state)
}

fn headline<'p>(profile: &'p Profile<'_>, indicator: &str) -> &'p Headline<'p> {
    profile.headlines.iter().find(|h| h.latest.indicator == indicator).unwrap_or_else(|| panic!("no headline for {indicator}"))
}

#[test]
fn a_sector_lists_the_latest_full_year_of_each_measure_with_its_target() {
    let p = profile_of("view=profile&sector=chips");
    let revenue = headline(&p, "revenue");
    // The half-year 2024 figure is not the latest full year.
    assert_eq!(revenue.latest.id, "rev-2021");
    assert_eq!(revenue.target.map(|t| t.id.as_str()), Some("rev-target"));
    // 300 − 120.5: exact, in the published unit, derived.
    assert_eq!(revenue.to_go, Some(Derived { value: 179.5, unit: Unit::BnYuan }));
    // Two percentages differ by percentage points, with no float noise (3.1 − 2.7).
    assert_eq!(headline(&p, "share").to_go, Some(Derived { value: 0.4, unit: Unit::PctPoints }));
    // A measure with only a target shows the target, with nothing to subtract.
    let firms = headline(&p, "firms");
    assert_eq!((firms.latest.id.as_str(), firms.target, firms.to_go), ("firms-target", None, None));
    // A measure with only a part-year figure still has its latest value.
    assert_eq!(headline(&p, "exports").latest.id, "halfyear");
    // 亿元 against trillion yuan: both shown, no difference computed across units.
    let output = headline(&p, "output");
    assert_eq!((output.target.map(|t| t.id.as_str()), output.to_go), (Some("out-target"), None));
    // Another sector's figure is not this sector's.
    assert!(p.headlines.iter().all(|h| h.latest.sector.as_deref() == Some("chips")));
    assert_eq!(p.headlines.len(), 5);
    assert_eq!(p.figure_label(fixture(), revenue.latest, Lang::En), "revenue (en)");
    let district = profile_of("view=profile&region=haidian");
    let other = fixture().observation("rev-2021").unwrap();
    assert_eq!(district.figure_label(fixture(), other, Lang::Zh), "revenue（中） · 芯片");
}

#[test]
fn a_sector_draws_lines_only_for_two_years_or_more() {
    let p = profile_of("view=profile&sector=chips");
    assert_eq!(p.series.iter().map(|s| s.indicator.as_str()).collect::<Vec<_>>(), ["revenue"]);
    let line = &p.series[0];
    assert_eq!(line.series.values.iter().flatten().map(|pt| pt.year).collect::<Vec<_>>(), [2020, 2021]);
    assert!(line.series.values.iter().flatten().all(|pt| !pt.observations.contains(&"rev-2024h1".to_string())));
    assert!(profile_of("view=profile&sector=drugs").series.is_empty(), "one year is not a line");
}

#[test]
fn a_sector_has_its_zones_facts_and_explorer_links() {
    let p = profile_of("view=profile&sector=chips&lang=zh");
    assert_eq!(p.zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(), ["park_a"]);
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-chips"]);
    let links: Vec<String> = p.links.iter().map(|l| crate::state::encode(&l.state)).collect();
    assert_eq!(
        links,
        [
            "view=trends&indicator=revenue&sector=chips&lang=zh",
            "view=sectors&sector=chips&lang=zh",
            "view=map&sector=chips&lang=zh",
            "view=table&sector=chips&lang=zh",
        ]
    );
}

#[test]
fn a_district_ranks_only_in_years_with_all_sixteen() {
    let p = profile_of("view=profile&region=haidian");
    assert_eq!(p.ranks, [Rank { year: 2020, rank: 10, of: 16, observation: "gdp-haidian-2020".into() }]);
    assert_eq!(p.years_without_rank, [2021]);
    assert_eq!(p.headlines[0].latest.id, "gdp-haidian-2021", "GDP leads a district's profile");
    assert_eq!(p.series[0].indicator, "gdp");
    assert_eq!(p.zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(), ["park_a"]);
    // Its own facts and its zones' facts, oldest first.
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-haidian", "f-park-a"]);
    let first = profile_of("view=profile&region=dongcheng");
    assert_eq!(first.ranks.first().map(|r| r.rank), Some(1));
    assert!(profile_of("view=profile&region=miyun").ranks.iter().all(|r| r.year == 2020));
}

#[test]
fn a_zone_lists_its_own_figures_district_and_facts() {
    let p = profile_of("view=profile&region=park_a");
    assert_eq!(p.headlines.iter().map(|h| h.latest.id.as_str()).collect::<Vec<_>>(), ["park-a-firms"]);
    assert_eq!(p.district.map(|d| d.id), Some("haidian"));
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-park-a"]);
    let empty = profile_of("view=profile&region=park_b");
    assert!(empty.headlines.is_empty(), "a zone without figures shows none: a gap is a gap");
    assert!(!empty.links.iter().any(|l| l.view == View::Trends), "no trends link to an empty chart");
}

#[test]
fn the_index_has_every_entity_once() {
    let entities = all_entities(fixture());
    assert_eq!(entities.len(), 2 + 16 + 2);
    let real = model::load(model::bundled()).0;
    let all = all_entities(&real);
    assert_eq!(
        (
            all.iter().filter(|e| matches!(e, Entity::Sector(_))).count(),
            all.iter().filter(|e| matches!(e, Entity::District(_))).count(),
            all.iter().filter(|e| matches!(e, Entity::Zone(_))).count()
        ),
        (10, 16, 25)
    );
    // Each entity's link leads back to it.
    for entity in &all {
        let link = crate::state::encode(&ViewState::default().profile(entity.subject()));
        let state = parse(&link, &real).state;
        assert_eq!(state.profile_subject(&real), Some(entity.subject()), "{link}");
        assert_eq!(Lang::En, state.lang);
    }
}

/// The real data: every sector and district profile has figures; the zones without any are few
/// and known, and their profiles say so rather than borrow someone else's.
#[test]
fn real_profiles_have_figures() {
    let real = model::load(model::bundled()).0;
    let state = ViewState::default();
    let mut empty_zones = Vec::new();
    for entity in all_entities(&real) {
        let p = profile(&real, entity, &state);
        match entity {
            Entity::Zone(z) if p.headlines.is_empty() => empty_zones.push(z.id.clone()),
            _ => assert!(!p.headlines.is_empty(), "{} has no figure", entity.id()),
        }
        for h in &p.headlines {
            assert!(real.observation(&h.latest.id).is_some());
        }
    }
    assert!(empty_zones.len() <= 13, "{empty_zones:?}");
    // No year has published GDP for all 16 districts: no rank is given, and the years are listed.
    let haidian = profile(&real, Entity::District(&DISTRICTS[5]), &state);
    assert!(haidian.ranks.is_empty() || haidian.ranks.iter().all(|r| r.of == 16));
    assert!(!haidian.years_without_rank.is_empty() || !haidian.ranks.is_empty());
}
