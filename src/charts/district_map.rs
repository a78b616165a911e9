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
            "top": MapBands::TOP, "bottom": MapBands::bottom(true), "left": "center",
            "scaleLimit": { "min": 0.8, "max": 8 },
            // The districts' names are the last series, where ECharts can thin them out.
            "label": { "show": false },
            "itemStyle": { "areaColor": palette.no_data, "borderColor": palette.area_border, "borderWidth": 1 },
            "emphasis": { "label": { "show": false }, "itemStyle": { "areaColor": "#fdd49e" } },
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
              "itemStyle": { "opacity": 0.25 }, "label": { "show": false }, "labelLayout": { "hideOverlap": true }, "silent": false },
            district_names(look, input),
        ],
        // A box narrower than Beijing between the bands (an embed in a narrow frame): the map
        // fits the width instead, centred. ECharts re-reads this on every resize; the entry
        // without a query puts the bands back.
        "media": [
            { "query": { "maxAspectRatio": MapBands::NARROW }, "option": { "geo": { "layoutCenter": ["50%", "50%"], "layoutSize": "94%" } } },
            { "option": { "geo": { "layoutCenter": null, "layoutSize": null } } },
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

/// Where the map sits in its box: between a band at the top for the title and one at the foot
/// for the colour scale and the credit line, as large as fits with Beijing's shape kept (ECharts
/// sizes the map to the height between `top` and `bottom` and centres it). A centre and a size
/// in per cent (the map's layout before) ran the map into the scale in a wide box: Daxing's tip
/// sat on the legend at 1280 px.
pub(crate) struct MapBands;

impl MapBands {
    /// Below the title (14 px text from 4 px, with a gap).
    pub const TOP: u32 = 30;
    /// Box width ÷ height under which Beijing (0.97 as wide as tall, as ECharts draws it)
    /// between the bands would be wider than the box: at 380 px high, 290 px wide is needed.
    pub const NARROW: f64 = 0.8;

    /// Above the colour scale (12 px high, 20 px above the foot) and the credit line (11 px
    /// text at the foot), or above the credit line alone.
    pub fn bottom(legend: bool) -> u32 {
        if legend {
            44
        } else {
            24
        }
    }
}

/// Where each district's name is drawn, in DISTRICTS' order: the point inside the district
/// farthest from its borders (its "pole of inaccessibility", found once on a grid over the
/// boundary file's outline; the file's own label points sit at the edge of large districts,
/// Mentougou's and Fangshan's beside their neighbours' names). The names are a series of their
/// own so that ECharts' `labelLayout: { hideOverlap: true }` can drop one that would cover
/// another; the geo component's labels cannot be laid out.
const NAME_AT: [(&str, [f64; 2]); 16] = [
    ("dongcheng", [116.421, 39.89]),
    ("xicheng", [116.368, 39.894]),
    ("chaoyang", [116.54, 39.96]),
    ("fengtai", [116.155, 39.836]),
    ("shijingshan", [116.172, 39.94]),
    ("haidian", [116.275, 39.996]),
    ("mentougou", [115.825, 40.033]),
    ("fangshan", [115.799, 39.741]),
    ("tongzhou", [116.763, 39.773]),
    ("shunyi", [116.786, 40.158]),
    ("changping", [116.325, 40.227]),
    ("daxing", [116.378, 39.647]),
    ("huairou", [116.641, 40.806]),
    ("pinggu", [117.145, 40.221]),
    ("miyun", [116.956, 40.516]),
    ("yanqing", [116.12, 40.489]),
];

/// The districts in the order their names give way when two would overlap, first kept first:
/// the places the filter is set to, then the districts with a figure, largest first, then the
/// others from the outskirts in (their codes run from the centre out), so at a phone's width the
/// small central districts' names give way, not the figures' or the chosen place's.
pub(crate) fn name_order(values: &[DistrictValue], regions: &[&str]) -> Vec<&'static str> {
    let figure = |id: &str| values.iter().find(|v| v.district.id == id).and_then(|v| v.point.as_ref()).map(|p| p.value);
    let mut order: Vec<(usize, &'static str)> = DISTRICTS.iter().enumerate().map(|(at, d)| (at, d.id)).collect();
    crate::model::order::sort_by(&mut order, |(a_at, a), (b_at, b)| {
        let not_chosen = |id: &str| !regions.contains(&id);
        not_chosen(a)
            .cmp(&not_chosen(b))
            .then_with(|| figure(b).partial_cmp(&figure(a)).unwrap_or(std::cmp::Ordering::Equal))
            .then_with(|| b_at.cmp(a_at))
    });
    order.into_iter().map(|(_, id)| id).collect()
}

/// The point size behind a district's name, which decides whose label ECharts keeps when two
/// overlap (the larger point's). The chosen place's name (40 px) wins over everything. On a map
/// shaded by a figure the districts are what it is about: their names (39 px down to 31.5, in
/// `name_order`) win over the zones' labels (pins 26 px); on a map without figures (a profile's)
/// the zones' labels win over the names (17 px down to 9.5), as do the zones a tour step marks
/// (18 px: `yield_names_to_marked_zones`).
fn name_size(chosen: bool, shaded: bool, rank: usize) -> f64 {
    match (chosen, shaded) {
        (true, _) => 40.0,
        (false, true) => 39.0 - 0.5 * rank as f64,
        (false, false) => 17.0 - 0.5 * rank as f64,
    }
}

/// The series id of the districts' names.
const NAMES_ID: &str = "district-names";

/// The districts' names as a silent series of invisible points (sizes: `name_size`).
fn district_names(look: &Look<'_>, input: &MapInput<'_>) -> Value {
    let palette = look.palette;
    let shaded = input.values.iter().any(|v| v.point.is_some());
    let data: Vec<Value> = name_order(input.values, input.regions)
        .into_iter()
        .enumerate()
        .filter_map(|(rank, id)| {
            let district = DISTRICTS.iter().find(|d| d.id == id)?;
            let at = NAME_AT.iter().find(|(name_of, _)| *name_of == id).map(|(_, at)| *at)?;
            let chosen = input.regions.contains(&id);
            Some(json!({ "name": district.name(look.lang), "value": at, "symbolSize": name_size(chosen, shaded, rank), "chosen": chosen }))
        })
        .collect();
    json!({
        // Above the zones' points (z 5), so a name is not cut by a dot; silent, so a tap on the
        // dot under it still reaches the dot.
        "id": NAMES_ID, "type": "scatter", "name": tr(look.lang, "map.districts"), "coordinateSystem": "geo", "data": data, "z": 6,
        "silent": true, "tooltip": { "show": false }, "symbol": "rect",
        "itemStyle": { "color": "transparent", "borderWidth": 0 },
        "label": { "show": true, "position": "inside", "formatter": "{b}", "color": palette.text, "fontSize": 10,
                   "textBorderColor": palette.area_border, "textBorderWidth": 2 },
        // Needs ECharts' LabelLayout feature (scripts/echarts-entry.js).
        "labelLayout": { "hideOverlap": true },
    })
}

/// A tour step's marked zones are what the step is about: the districts' names (but a chosen
/// place's) give way to their labels (`mark`).
pub(crate) fn yield_names_to_marked_zones(option: &mut Value) {
    let names = option.get_mut("series").and_then(Value::as_array_mut).into_iter().flatten().find(|s| s["id"] == NAMES_ID);
    for (rank, item) in names.and_then(|s| s["data"].as_array_mut()).into_iter().flatten().enumerate() {
        let chosen = item["chosen"] == true;
        item["symbolSize"] = json!(name_size(chosen, false, rank));
    }
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
