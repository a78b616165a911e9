//! The scale ladder: a heatmap of the selected sectors (rows) by the years with a published
//! floor or exact scale (columns). A cell's colour is its tier, its text the statement ("≥ 1 tn",
//! or an exact "976.1 bn"); a year without a statement has no cell. On a phone the years scroll
//! under a slider while the sector names stay (an ECharts media query, so the option stays a pure
//! value the tests read).

use super::{finish, item, point_tip, Look};
use crate::format::{self, sector_name, tr};
use crate::query::ladder::{Ladder, LadderCell, Tier};
use serde_json::{json, Value};

/// Layout in pixels: the title and legend above, a row per sector, the years, slider and credits
/// below. The container is sized to it so every row reads.
const TOP: usize = 76;
const ROW: usize = 44;
const BOTTOM: usize = 100;
/// Below this width the years scroll and this many (the latest) show at once.
const PHONE_WIDTH: usize = 600;
const PHONE_YEARS: usize = 3;

/// The chart's height for `rows` sectors.
pub fn ladder_height(rows: usize) -> usize {
    TOP + rows.max(1) * ROW + BOTTOM
}

/// A tier's colour: one sequential scale, light to dark, with the text colour that reads on it.
pub fn tier_colors(tier: Tier) -> (&'static str, &'static str) {
    match tier {
        Tier::Below => ("#e3edf7", "#1f2328"),
        Tier::Bn100 => ("#a6cbe6", "#1f2328"),
        Tier::Bn500 => ("#5a9bd0", "#0b1a2a"),
        Tier::Tn1 => ("#2364a8", "#ffffff"),
        Tier::Tn3 => ("#0b2f63", "#ffffff"),
    }
}

/// A tier's name in the legend: "≥ 1 tn" / "≥ 1万亿"; "< 100 bn" for exact scales below every floor.
pub fn tier_label(tier: Tier, lang: crate::model::Lang) -> String {
    match tier.level() {
        Some(level) => format::at_least(&format::yuan_short(level, lang), lang),
        None => format::below(&format::yuan_short(Tier::Bn100.level().unwrap_or(1000.0), lang), lang),
    }
}

/// What a cell says: "≥ 3 tn" for a floor, the value for an exact scale ("976.1 bn", "9,761亿").
pub fn cell_label(cell: &LadderCell, lang: crate::model::Lang) -> String {
    let value = format::yuan_short(cell.value, lang);
    if cell.exact { value } else { format::at_least(&value, lang) }
}

pub fn ladder_chart(look: &Look<'_>, title: &str, source_line: &str, ladder: &Ladder) -> Value {
    let dataset = look.dataset;
    let lang = look.lang;
    let palette = look.palette;
    let names: Vec<String> = ladder.sectors.iter().map(|s| sector_name(dataset, Some(s), lang)).collect();
    let years: Vec<String> = ladder.years.iter().map(u16::to_string).collect();
    let tiers: Vec<Tier> = Tier::ALL.into_iter().filter(|t| *t != Tier::Below || ladder.cells.iter().any(|c| c.tier == Tier::Below)).collect();
    let data: Vec<Value> = ladder
        .cells
        .iter()
        .filter_map(|cell| {
            let x = ladder.years.iter().position(|y| *y == cell.year)?;
            let y = ladder.sectors.iter().position(|s| *s == cell.sector)?;
            let name = names.get(y).cloned().unwrap_or_default();
            let text = cell_label(cell, lang);
            let mut tip = point_tip(look, &name, &cell.point);
            let kind = tr(lang, if cell.exact { "ladder.tip_exact" } else { "ladder.tip_floor" });
            tip.insert(1, format!("{text} · {kind}"));
            let said = |ids: &[String]| -> String {
                ids.iter()
                    .filter_map(|id| dataset.observation(id))
                    .map(|o| format!("{} ({})", format::figure(o, lang), dataset.source_of(o).publisher))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let at = tip.len().saturating_sub(1);
            if !cell.contradicting.is_empty() {
                tip.insert(at, format!("{} {}", tr(lang, "chart.sources_differ"), said(&cell.contradicting)));
            }
            if !cell.implied.is_empty() {
                tip.insert(at, format!("{} {}", tr(lang, "ladder.tip_implied"), said(&cell.implied)));
            }
            let (color, text_color) = tier_colors(cell.tier);
            let mut value = item(0.0, tip, &cell.point);
            value["value"] = json!([x, y, cell.tier.index()]);
            value["sector"] = json!(cell.sector);
            value["year"] = json!(cell.year);
            value["tier"] = json!(tier_label(cell.tier, lang));
            value["exact"] = json!(cell.exact);
            value["sources"] = json!(cell.observations().len());
            value["label"] = json!({ "formatter": text, "color": text_color });
            value["itemStyle"] = json!({ "color": color });
            Some(value)
        })
        .collect();
    let pieces: Vec<Value> = tiers
        .iter()
        .map(|tier| json!({ "value": tier.index(), "label": tier_label(*tier, lang), "color": tier_colors(*tier).0 }))
        .collect();
    let last = ladder.years.len().saturating_sub(1);
    let phone_first = ladder.years.len().saturating_sub(PHONE_YEARS);
    let axis_line = json!({ "show": true, "interval": 0, "lineStyle": { "color": palette.grid } });
    let option = json!({
        "title": [
            { "text": title, "left": 8, "top": 4, "textStyle": { "color": palette.text, "fontSize": 14 } },
            { "text": source_line, "left": 8, "bottom": 0, "textStyle": { "color": palette.muted, "fontSize": 11, "fontWeight": "normal" } },
        ],
        "grid": { "left": 8, "right": 16, "top": TOP, "bottom": 56, "containLabel": true },
        "xAxis": {
            "type": "category", "data": years, "position": "top", "splitLine": axis_line,
            "axisLabel": { "color": palette.text, "fontWeight": "bold" }, "axisTick": { "show": false },
        },
        "yAxis": {
            "type": "category", "data": names, "inverse": true, "splitLine": axis_line, "axisTick": { "show": false },
            // Long sector names wrap rather than push the cells off a phone's screen.
            // `interval: 0`: every sector is named, none dropped as overlapping.
            "axisLabel": { "color": palette.text, "width": 120, "overflow": "break", "lineHeight": 13, "fontSize": 11, "interval": 0 },
        },
        "visualMap": {
            "type": "piecewise", "dimension": 2, "pieces": pieces, "orient": "horizontal", "left": 8, "top": 28,
            "itemWidth": 14, "itemHeight": 14, "itemGap": 12,
            // The legend names the tiers; hiding one would make its cells look like gaps.
            "selectedMode": false, "textStyle": { "color": palette.text }, "seriesIndex": 0,
        },
        // Hidden on a wide screen (every year shows); the phone's media rule below shows it.
        "dataZoom": [{
            "type": "slider", "show": false, "xAxisIndex": 0, "startValue": 0, "endValue": last, "zoomLock": true,
            "brushSelect": false, "height": 24, "bottom": 28, "showDetail": false, "filterMode": "none",
        }],
        "series": [{
            "type": "heatmap", "name": title, "data": data,
            "label": { "show": true, "fontSize": 12 },
            "itemStyle": { "borderColor": palette.area_border, "borderWidth": 2 },
            "emphasis": { "itemStyle": { "borderColor": palette.text, "borderWidth": 2 } },
        }],
        "media": [{
            "query": { "maxWidth": PHONE_WIDTH },
            "option": {
                // A smaller title, clear of the PNG button.
                "title": [{ "textStyle": { "fontSize": 12 }, "right": 56 }],
                "grid": { "bottom": BOTTOM },
                "dataZoom": [{ "show": true, "startValue": phone_first, "endValue": last }],
            },
        }],
    });
    let described: Vec<String> = ladder
        .sectors
        .iter()
        .zip(&names)
        .map(|(sector, name)| {
            let cells: Vec<String> = ladder.years.iter().filter_map(|y| ladder.cell(sector, *y)).map(|c| format!("{} {}", c.year, cell_label(c, lang))).collect();
            if cells.is_empty() { format!("{name}: {}", tr(lang, "chart.no_figure")) } else { format!("{name}: {}", cells.join(", ")) }
        })
        .collect();
    let description = format!("{title}. {}", described.join(". "));
    finish(option, look, description)
}
