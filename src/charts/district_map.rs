//! The cluster map: Beijing's 16 districts shaded by a figure, and the science cities, parks and
//! zones as points coloured by their main sector. A district without a figure is drawn in the
//! "no data" colour and its tooltip says so; it is never shaded as zero.

use super::{finish, point_tip, AxisUnit, Look};
use crate::format::tr;
use crate::format;
use crate::model::{Lang, Unit, Zone, DISTRICTS};
use crate::query::DistrictValue;
use serde_json::{json, Map, Value};

/// The name the boundary file is registered under (`echarts.registerMap`).
pub const MAP_NAME: &str = "beijing";

/// Sequential blues, light to dark, readable in both themes.
const SHADES: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

pub struct MapInput<'a> {
    pub title: &'a str,
    pub source_line: &'a str,
    pub values: &'a [DistrictValue],
    pub unit: Option<Unit>,
    /// Zones matching the sector filter, drawn as points.
    pub zones: &'a [&'a Zone],
    /// The other zones, drawn faint so the selection stands out without hiding the rest.
    pub other_zones: &'a [&'a Zone],
    /// The places the filter is set to, outlined on the map.
    pub regions: &'a [&'a str],
    /// The smallest and largest figure of every year (axis units), so colours mean the same in
    /// each year; `None`: this year's own range.
    pub range: Option<(f64, f64)>,
}

pub fn district_map_chart(look: &Look<'_>, input: &MapInput<'_>) -> Value {
    let lang = look.lang;
    let palette = look.palette;
    let mut values: Vec<f64> = input.values.iter().filter_map(|v| v.point.as_ref()).map(|p| p.value).collect();
    values.extend(input.range.iter().flat_map(|(lo, hi)| [*lo, *hi]));
    let max_abs = values.iter().map(|v| v.abs()).fold(0.0, f64::max);
    let axis_unit = AxisUnit::for_values(input.unit.unwrap_or(Unit::Count), max_abs, lang);
    let scaled: Vec<f64> = values.iter().map(|v| axis_unit.scale(*v)).collect();
    let (min, max) = scaled.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let district_data: Vec<Value> = input
        .values
        .iter()
        .map(|v| {
            let name = v.district.name(lang).to_string();
            match &v.point {
                Some(point) => {
                    let mut tip = point_tip(look, &name, point);
                    // After the place's name, the first line (`insert` at a fixed index panics on a shorter list).
                    tip.insert(1.min(tip.len()), input.title.to_string());
                    json!({ "name": name, "value": axis_unit.scale(point.value), "tip": tip, "obs": point.obs, "region": v.district.id })
                }
                None => json!({
                    "name": name, "value": null, "region": v.district.id,
                    "tip": [name.clone(), input.title.to_string(), tr(lang, "chart.no_data_district")],
                    "itemStyle": { "areaColor": palette.no_data },
                }),
            }
        })
        .collect();
    let zone_data: Vec<Value> = input.zones.iter().map(|zone| zone_item(look, zone, input.regions)).collect();
    let other_data: Vec<Value> = input.other_zones.iter().map(|zone| zone_item(look, zone, input.regions)).collect();
    let mut name_map = Map::new();
    if lang == Lang::En {
        for d in DISTRICTS.iter() {
            name_map.insert(d.name_zh.to_string(), json!(d.name_en));
        }
    }
    let legend_unit = match input.unit {
        Some(Unit::Count | Unit::Index) | None => String::new(),
        Some(_) => format!(" {}", axis_unit.name),
    };
    let outlined: Vec<Value> = DISTRICTS
        .iter()
        .filter(|d| input.regions.contains(&d.id))
        .map(|d| json!({ "name": d.name(lang), "itemStyle": { "borderColor": palette.text, "borderWidth": 2.5 } }))
        .collect();
    let option = json!({
        "title": [
            { "text": input.title, "left": 8, "top": 4, "textStyle": { "color": palette.text, "fontSize": 14 } },
            { "text": input.source_line, "left": 8, "bottom": 0, "textStyle": { "color": palette.muted, "fontSize": 11 } },
        ],
        "geo": {
            "map": MAP_NAME, "roam": true, "nameMap": name_map.clone(),
            // A centre and a size keep Beijing's shape in any box (top/bottom/left/right stretch it).
            "layoutCenter": ["50%", "50%"], "layoutSize": "88%",
            "scaleLimit": { "min": 0.8, "max": 8 },
            "label": { "show": true, "color": palette.text, "fontSize": 10, "textBorderColor": palette.area_border, "textBorderWidth": 2 },
            "itemStyle": { "areaColor": palette.no_data, "borderColor": palette.area_border, "borderWidth": 1 },
            "emphasis": { "label": { "color": palette.text }, "itemStyle": { "areaColor": "#fdd49e" } },
            "select": { "disabled": true },
            "regions": outlined,
        },
        "visualMap": {
            "type": "continuous", "seriesIndex": 0, "min": if scaled.is_empty() { 0.0 } else { min },
            "max": if scaled.is_empty() { 1.0 } else { max.max(min + 1e-9) },
            "calculable": false, "orient": "horizontal", "left": "center", "bottom": 20, "itemWidth": 12, "itemHeight": 120,
            "text": [
                // The top end names the unit: "1.02 trillion yuan".
                format!("{}{legend_unit}", format::number(format::rounded(if scaled.is_empty() { 1.0 } else { max }, 2))),
                format::number(format::rounded(if scaled.is_empty() { 0.0 } else { min }, 2)),
            ],
            "textStyle": { "color": palette.muted }, "inRange": { "color": SHADES },
        },
        "series": [
            { "type": "map", "name": input.title, "geoIndex": 0, "nameMap": name_map.clone(), "data": district_data },
            // Zone labels that would cover each other (a phone's width) are left out, not piled up.
            { "type": "scatter", "name": tr(lang, "map.zones"), "coordinateSystem": "geo", "data": zone_data, "z": 5,
              "label": { "show": false }, "labelLayout": { "hideOverlap": true }, "emphasis": { "scale": 1.4 } },
            { "type": "scatter", "name": tr(lang, "map.other_zones"), "coordinateSystem": "geo", "data": other_data, "z": 4,
              "itemStyle": { "opacity": 0.25 }, "label": { "show": false }, "silent": false },
        ],
    });
    let with_data: Vec<String> = input
        .values
        .iter()
        .filter_map(|v| v.point.as_ref().map(|p| format!("{} {}", v.district.name(lang), format::number(axis_unit.scale(p.value)))))
        .collect();
    let description = format!(
        "{}. {}: {}. {}: {}. {}.",
        input.title,
        tr(lang, "chart.map_chart"),
        axis_unit.name,
        tr(lang, "chart.with_data"),
        with_data.join(", "),
        format::counted(lang, "map.zones_on_map", input.zones.len()),
    );
    finish(option, look, description)
}

fn zone_item(look: &Look<'_>, zone: &Zone, regions: &[&str]) -> Value {
    let chosen = regions.contains(&zone.id.as_str());
    let lang = look.lang;
    let dataset = look.dataset;
    let color = zone.sectors.first().and_then(|s| dataset.sector(s)).map_or(look.palette.economy, |s| s.color.as_str());
    let sectors: Vec<&str> = zone.sectors.iter().filter_map(|s| dataset.sector(s)).map(|s| s.name(lang)).collect();
    let mut tip = vec![zone.name(lang).to_string(), sectors.join(" · ")];
    if zone.is_approximate() {
        tip.push(tr(lang, "map.approximate"));
    }
    tip.push(tr(lang, "map.click_zone"));
    let big = zone.is_three_cities_one_zone();
    json!({
        "name": zone.name(lang), "value": [zone.lon, zone.lat], "zone": zone.id, "tip": tip,
        "district": DISTRICTS.iter().find(|d| d.id == zone.district).map(|d| d.name(lang)),
        "symbol": if big { "pin" } else { "circle" }, "symbolSize": if big { 26 } else { 11 },
        "itemStyle": {
            "color": color,
            "borderColor": if chosen { look.palette.text } else { look.palette.area_border },
            "borderWidth": if chosen { 3.0 } else { 1.5 },
        },
        "label": { "show": big, "formatter": zone.short_name(lang), "position": "right", "color": look.palette.text, "fontSize": 11, "fontWeight": "bold",
                   "textBorderColor": look.palette.area_border, "textBorderWidth": 2 },
    })
}
