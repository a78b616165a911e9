//! The sectors view where no measure compares the sectors: each sector's latest published size
//! in its own measure (revenue, output, value added, a threshold…), as small multiples. Each
//! panel has its own axis and names what it measures, so no two measures ever share an axis;
//! earlier years of the same measure stand beside the latest one, muted.

use super::{finish, item, point_tip, AxisUnit, Look};
use crate::format::tr;
use crate::format;
use crate::model::Unit;
use crate::query::sectors::SectorSize;
use serde_json::{json, Value};

/// Panels per row.
const COLUMNS: usize = 2;
/// The layout in pixels, so panels keep their height whatever the chart's width: the heading,
/// each row (sector name, a two-line caption, the bars), and the credits line.
const HEADING: usize = 64;
const ROW: usize = 176;
const CAPTION: usize = 58;
const CREDITS: usize = 28;

/// The chart's height for `n` panels: the container is sized to it, so every panel reads.
pub fn sector_sizes_height(n: usize) -> usize {
    HEADING + n.div_ceil(COLUMNS).max(1) * ROW + CREDITS
}

pub fn sector_sizes_chart(look: &Look<'_>, source_line: &str, sizes: &[SectorSize]) -> Value {
    let dataset = look.dataset;
    let lang = look.lang;
    let palette = look.palette;
    let columns = COLUMNS.min(sizes.len().max(1));
    let width = 100.0 / columns as f64;
    let mut titles = vec![
        json!({ "text": tr(lang, "sectors.sizes_title"), "subtext": tr(lang, "sectors.sizes_subtitle"), "left": 8, "top": 4,
                "textStyle": { "color": palette.text, "fontSize": 14 }, "subtextStyle": { "color": palette.muted, "fontSize": 11 } }),
        json!({ "text": source_line, "left": 8, "bottom": 0, "textStyle": { "color": palette.muted, "fontSize": 11, "fontWeight": "normal" } }),
    ];
    let (mut grids, mut x_axes, mut y_axes, mut series, mut described) = (vec![], vec![], vec![], vec![], vec![]);
    for (i, size) in sizes.iter().enumerate() {
        let (row, column) = (i / columns, i % columns);
        let (left, panel_top) = (column as f64 * width, HEADING + row * ROW);
        let sector = crate::format::sector_name(dataset, Some(&size.sector), lang);
        let color = dataset.sector(&size.sector).map_or(palette.economy, |s| s.color.as_str());
        let latest = dataset.observation(&size.latest.drawn);
        let measure = latest.map_or_else(|| size.indicator.clone(), |o| o.label(lang).to_string());
        let max_abs = size.history.iter().map(|p| p.value.abs()).fold(0.0, f64::max);
        let axis_unit = AxisUnit::for_values(Unit::HundredMillionYuan, max_abs, lang);
        // A floor reads "≥ 1 trillion yuan", never as a size.
        let published = latest.map(|o| format::figure(o, lang)).unwrap_or_default();
        let floor = latest.is_some_and(crate::model::is_floor);
        let publisher = latest.map(|o| dataset.source_of(o).publisher.clone()).unwrap_or_default();
        titles.push(json!({
            "text": sector, "subtext": format!("{measure}\n{} · {published}", size.latest.year),
            "left": format!("{}%", left + 1.0), "top": panel_top, "itemGap": 4,
            "textStyle": { "color": palette.text, "fontSize": 12 },
            "subtextStyle": { "color": palette.muted, "fontSize": 11, "lineHeight": 14, "width": 230, "overflow": "truncate" },
        }));
        grids.push(json!({
            "left": format!("{}%", left + 2.0), "width": format!("{}%", width - 6.0),
            "top": panel_top + CAPTION, "height": ROW - CAPTION - 40, "containLabel": true,
        }));
        x_axes.push(json!({
            "type": "category", "gridIndex": i, "data": size.history.iter().map(|p| p.year.to_string()).collect::<Vec<_>>(),
            "axisLabel": { "color": palette.muted },
        }));
        y_axes.push(json!({
            // The unit is in the panel's caption: an axis name here would collide with it.
            "type": "value", "gridIndex": i,
            "axisLabel": { "color": palette.muted, "fontSize": 10 }, "splitNumber": 2,
            "splitLine": { "lineStyle": { "color": palette.grid } },
        }));
        let last = size.history.len().saturating_sub(1);
        let data: Vec<Value> = size
            .history
            .iter()
            .enumerate()
            .map(|(j, point)| {
                let shown = axis_unit.scale(point.value);
                let mut value = item(shown, point_tip(look, &format!("{sector} · {measure}"), point), point);
                value["sector"] = json!(size.sector);
                value["itemStyle"] = json!({ "color": color, "opacity": if j == last { 1.0 } else { 0.45 } });
                let text = if floor { format::at_least(&format::number(shown), lang) } else { format::number(shown) };
                if j == last {
                    value["label"] = json!({ "show": true, "position": "top", "color": palette.text, "formatter": text });
                } else if floor {
                    // Earlier floors are marked too: a lower bar after a higher one is a weaker
                    // statement, not a decline.
                    value["label"] = json!({ "show": true, "position": "top", "color": palette.muted, "fontSize": 10, "formatter": text });
                }
                value
            })
            .collect();
        series.push(json!({
            "type": "bar", "name": format!("{sector} · {measure}"), "xAxisIndex": i, "yAxisIndex": i,
            "data": data, "barMaxWidth": 28, "measure": size.indicator, "sector": size.sector,
        }));
        described.push(format!("{sector}: {measure}, {} {published} ({publisher})", size.latest.year));
    }
    let option = json!({ "title": titles, "grid": grids, "xAxis": x_axes, "yAxis": y_axes, "series": series });
    let description = format!("{}. {}", tr(lang, "sectors.sizes_title"), described.join(". "));
    finish(option, look, description)
}
