//! Test datasets, shared by every host test: `small()`, a handful of made-up figures whose every
//! value a test may rely on (a data edit cannot break them), and `real()`, the bundled `data/`,
//! for tests that check the real data's rules (every tour step cites figures that exist).

use crate::model::{self, Dataset, RawFiles, Texts, DISTRICTS};
use serde_json::json;
use std::sync::OnceLock;

/// The bundled dataset and its texts, loaded once.
fn real_with_texts() -> &'static (Dataset, Texts) {
    static LOADED: OnceLock<(Dataset, Texts)> = OnceLock::new();
    LOADED.get_or_init(|| {
        let (dataset, texts, _) = model::load_with_texts(model::bundled());
        (dataset, texts)
    })
}

/// The bundled dataset.
/// The state a link parses to, which must parse without a notice: the tests' links are valid.
pub fn state_without_notices(dataset: &Dataset, query: &str) -> crate::state::ViewState {
    let parsed = crate::state::parse(query, dataset);
    assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    parsed.state
}

pub fn real() -> &'static Dataset {
    &real_with_texts().0
}

/// The bundled dataset's quotes, notes and source titles.
pub fn real_texts() -> &'static Texts {
    &real_with_texts().1
}

/// One observation line; `kind` is `actual` unless given, the quote contains the value. One
/// argument per column a test reads reads better here than a builder.
#[allow(clippy::too_many_arguments)]
fn line(id: &str, indicator: &str, sector: &str, region: &str, year: u16, value: f64, unit: &str, extra: serde_json::Value) -> String {
    let mut row = json!({
        "id": id, "indicator": indicator, "indicator_en": format!("{indicator} (en)"), "indicator_zh": format!("{indicator}（中）"),
        "sector": sector, "region": region, "year": year, "period": "year", "value": value, "unit": unit, "kind": "actual",
        "source_url": format!("https://example.org/{indicator}/{year}"), "source_title": "A page", "publisher": "Bureau",
        "published": format!("{}-02", year + 1), "quote": format!("the figure was {value} that year"), "confidence": "official",
    });
    if let (Some(row), Some(extra)) = (row.as_object_mut(), extra.as_object()) {
        row.extend(extra.clone());
    }
    row.to_string()
}

/// A small world: two sectors, two districts with one zone, three dated facts, and these series:
/// - `gdp` for Beijing 2019, 2020, 2022 (2021 is a gap), published in 亿元 and once in trillions;
///   district GDP for Haidian and Chaoyang in 2021, Haidian alone in 2022;
/// - `rd_intensity` 2020 from two sources that disagree (6.4 official, 6.53 media), a 2025 target;
/// - `revenue` for both sectors in 2021 and `chips` in 2022, one part-year figure.
pub fn small() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        let observations = [
            line("gdp-2019", "gdp", "all", "beijing", 2019, 35371.3, "100m_yuan", json!({})),
            line("gdp-2020", "gdp", "all", "beijing", 2020, 3.6, "tn_yuan", json!({})),
            line("gdp-2022", "gdp", "all", "beijing", 2022, 41610.9, "100m_yuan", json!({})),
            line("gdp-haidian-2021", "gdp", "all", "haidian", 2021, 9501.7, "100m_yuan", json!({})),
            line("gdp-chaoyang-2021", "gdp", "all", "chaoyang", 2021, 7617.8, "100m_yuan", json!({})),
            line("gdp-haidian-2022", "gdp", "all", "haidian", 2022, 10206.7, "100m_yuan", json!({})),
            line("rd-2020", "rd_intensity", "all", "beijing", 2020, 6.4, "pct_of_gdp", json!({})),
            line("rd-2020-media", "rd_intensity", "all", "beijing", 2020, 6.53, "pct_of_gdp",
                json!({ "confidence": "media", "publisher": "Daily", "source_url": "https://example.org/daily" })),
            line("rd-2025-target", "rd_intensity", "all", "beijing", 2025, 6.0, "pct_of_gdp", json!({ "kind": "target" })),
            line("chips-revenue-2021", "revenue", "chips", "beijing", 2021, 1500.0, "100m_yuan", json!({})),
            line("chips-revenue-2022", "revenue", "chips", "beijing", 2022, 1800.0, "100m_yuan", json!({})),
            line("drugs-revenue-2021", "revenue", "drugs", "beijing", 2021, 900.0, "100m_yuan", json!({})),
            line("chips-revenue-h1-2023", "revenue", "chips", "beijing", 2023, 950.0, "100m_yuan", json!({ "period": "2023-01/2023-06" })),
        ]
        .join("\n");
        let sector = |id: &str, en: &str, zh: &str, color: &str| {
            json!({ "id": id, "name_en": en, "name_zh": zh, "description_en": format!("{en}."), "description_zh": format!("{zh}。"),
                "color": color, "source_url": "https://example.org/sectors", "quote": en })
        };
        let sectors = json!([sector("chips", "Integrated circuits", "集成电路", "#1f77b4"), sector("drugs", "Medicine and health", "医药健康", "#ff7f0e")]).to_string();
        let zones = json!({ "id": "park", "name_en": "Science Park (Yizhuang)", "name_zh": "科学园（亦庄）", "kind": "park", "district": "haidian",
            "lon": 116.3, "lat": 39.98, "coord_basis": "approximate: by hand", "sectors": ["chips"], "description_en": "A park.",
            "description_zh": "一个园区。", "source_url": "https://example.org/park", "quote": "a park" }).to_string();
        let fact = |id: &str, date: &str| {
            json!({ "id": id, "date": date, "region": "beijing", "sectors": ["chips"], "text_en": format!("Event {id}."),
                "text_zh": format!("事件{id}。"), "source_url": "https://example.org/facts", "publisher": "Bureau", "published": date, "quote": "event" })
            .to_string()
        };
        let facts = [fact("late", "2022-05"), fact("early", "2019"), fact("middle", "2021-03-01")].join("\n");
        let (dataset, issues) = model::load(RawFiles { observations: &observations, sectors: &sectors, zones: &zones, facts: &facts, search_terms: "" });
        assert!(issues.is_empty(), "the small fixture loads cleanly: {issues:?}");
        dataset
    })
}

/// Beijing's GDP as several sources state it: `(id, year, value, unit, confidence, revision)` per
/// line (`revision` empty where the source does not say), for the rules that make one point of
/// many sources.
pub fn gdp_sources(lines: &[(&str, u16, &str, &str, &str, &str)]) -> Dataset {
    let text: Vec<String> = lines
        .iter()
        .map(|(id, year, value, unit, confidence, revision)| {
            let revision = if revision.is_empty() { String::new() } else { format!(r#","revision":"{revision}""#) };
            format!(
                r#"{{"id":"{id}","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":{year},"value":{value},"unit":"{unit}","kind":"actual","source_url":"https://example.org/{id}","source_title":"t","publisher":"{id} publisher","published":"2024","quote":"GDP {value}","confidence":"{confidence}"{revision}}}"#
            )
        })
        .collect();
    let (dataset, issues) = model::load(RawFiles { observations: &text.join("\n"), sectors: "[]", zones: "", facts: "", search_terms: "" });
    assert!(issues.is_empty(), "{issues:?}");
    dataset
}

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

/// The profiles' world: two sectors (`chips`, `drugs`), two parks, all 16 districts' GDP in
/// some years, facts, targets and part-year figures; see `query::profile`'s tests.
pub fn profiles() -> &'static Dataset {
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
        let (dataset, issues) = model::load(RawFiles { observations: &observations, sectors: &sectors, zones: &zones, facts: &facts, search_terms: "" });
        assert!(issues.is_empty(), "{issues:?}");
        dataset
    })
}

/// `(id, indicator, sector, region, year, value, unit, kind)`: one line of `three_sectors`.
pub type Line<'a> = (&'a str, &'a str, &'a str, &'a str, u16, &'a str, &'a str, &'a str);

/// `three_sectors`' lines for the sizes of the sectors, which the sectors view compares when no
/// measure does: a cluster floor (100 bn) all three reached, IC's revenue, and bio's scale over
/// three years with a later target.
pub const SECTOR_SIZE_LINES: [Line<'static>; 7] = [
    // A floor all three sectors reached: equal values, nothing to compare.
    ("t1", "cluster_scale_threshold", "ic", "beijing", 2023, "100", "bn_yuan", "actual"),
    ("t2", "cluster_scale_threshold", "ai", "beijing", 2023, "100", "bn_yuan", "actual"),
    ("t3", "cluster_scale_threshold", "bio", "beijing", 2023, "100", "bn_yuan", "actual"),
    // Each sector's size in its own measure.
    ("s1", "industry_revenue", "ic", "beijing", 2024, "2480", "100m_yuan", "actual"),
    ("s2", "industry_scale", "bio", "beijing", 2022, "8916", "100m_yuan", "actual"),
    ("s3", "industry_scale", "bio", "beijing", 2024, "1.06", "tn_yuan", "actual"),
    ("s4", "industry_scale", "bio", "beijing", 2026, "1.25", "tn_yuan", "target"),
];

/// A dataset of three sectors (`ic`, `ai`, `bio`) and exactly the lines given, each from its own
/// media source (`p <id>`): for the rules that choose and shape what the sectors view draws.
pub fn three_sectors(lines: &[Line<'_>]) -> Dataset {
    const SECTORS: &str = r##"[
        {"id":"ic","name_en":"IC","name_zh":"集成电路","description_en":"","description_zh":"","color":"#111111","source_url":"https://example.org","quote":""},
        {"id":"ai","name_en":"AI","name_zh":"人工智能","description_en":"","description_zh":"","color":"#222222","source_url":"https://example.org","quote":""},
        {"id":"bio","name_en":"Bio","name_zh":"医药","description_en":"","description_zh":"","color":"#333333","source_url":"https://example.org","quote":""}
    ]"##;
    let text: Vec<String> = lines
        .iter()
        .map(|(id, indicator, sector, region, year, value, unit, kind)| {
            format!(
                r#"{{"id":"{id}","indicator":"{indicator}","indicator_en":"{indicator}","indicator_zh":"{indicator}","sector":"{sector}","region":"{region}","year":{year},"value":{value},"unit":"{unit}","kind":"{kind}","source_url":"https://example.org/{id}","source_title":"t","publisher":"p {id}","published":"2024","quote":"{value}","confidence":"media"}}"#
            )
        })
        .collect();
    let (dataset, issues) = model::load(RawFiles { observations: &text.join("\n"), sectors: SECTORS, zones: "", facts: "", search_terms: "" });
    assert!(issues.is_empty(), "{issues:?}");
    dataset
}
