//! Test datasets, shared by every host test: `small()`, a handful of made-up figures whose every
//! value a test may rely on (a data edit cannot break them), and `real()`, the bundled `data/`,
//! for tests that check the real data's rules (every tour step cites figures that exist).

use crate::model::{self, Dataset, RawFiles};
use serde_json::json;
use std::sync::OnceLock;

/// The bundled dataset, loaded once.
pub fn real() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| model::load(model::bundled()).0)
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
        let (dataset, issues) = model::load(RawFiles { observations: &observations, sectors: &sectors, zones: &zones, facts: &facts });
        assert!(issues.is_empty(), "the small fixture loads cleanly: {issues:?}");
        dataset
    })
}

/// Beijing's GDP as several sources state it: `(id, year, value, unit, confidence, note)` per
/// line, for the rules that make one point of many sources.
pub fn gdp_sources(lines: &[(&str, u16, &str, &str, &str, &str)]) -> Dataset {
    let text: Vec<String> = lines
        .iter()
        .map(|(id, year, value, unit, confidence, note)| {
            format!(
                r#"{{"id":"{id}","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":{year},"value":{value},"unit":"{unit}","kind":"actual","source_url":"https://example.org/{id}","source_title":"t","publisher":"{id} publisher","published":"2024","quote":"GDP {value}","confidence":"{confidence}","note":"{note}"}}"#
            )
        })
        .collect();
    let (dataset, issues) = model::load(RawFiles { observations: &text.join("\n"), sectors: "[]", zones: "", facts: "" });
    assert!(issues.is_empty(), "{issues:?}");
    dataset
}
