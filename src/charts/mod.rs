//! ECharts options built from query results: one file per chart kind, pure functions of their
//! inputs, so the host tests read the same option the browser draws.
//!
//! charming builds the frame (axes, legend, grid, tooltip) with typed builders; the series are
//! `serde_json::Value` because each data item carries fields ECharts passes through but charming's
//! `DataPointItem` cannot hold: `tip` (the tooltip lines, rendered as text by the bridge, never as
//! HTML) and `obs` (the observation id a click opens the source of).

mod district_map;
mod ladder;
mod sector_sizes;
mod profile_map;
mod sectors;
mod sparkline;
mod trend;
mod views;

pub use district_map::{district_map_chart, MapInput, MAP_NAME};
pub use views::{bar_points, chart_figures, chart_title, figure_home, compared_sectors, line_names, sectors_chart_height, sectors_note, map_option, player_note, sectors_option, source_line, step_option, zone_matches, TrendData};
pub use ladder::{cell_label, ladder_chart, ladder_height, tier_colors, tier_label};
pub use sector_sizes::{sector_sizes_chart, sector_sizes_height};
pub use profile_map::{profile_map_chart, ProfileMapInput};
pub use sectors::sectors_chart;
pub use sparkline::{sparkline, Sparkline, SPARKLINE_HEIGHT, SPARKLINE_WIDTH};
pub use trend::{lines_chart, trend_chart, TrendInput};

use crate::format::{self, period_label, tr};
use crate::model::{Dataset, Lang, Unit};
use crate::query::Point;
use charming::component::{Axis, Grid};
use charming::element::{AxisLabel, LineStyle, SplitLine, TextStyle};
use serde_json::{json, Value};

/// Colours that change with the page's theme; sector colours come from the dataset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    pub no_data: &'static str,
    pub economy: &'static str,
    pub area_border: &'static str,
}

impl Palette {
    pub fn for_theme(dark: bool) -> Palette {
        if dark {
            Palette { text: "#e6e6e6", muted: "#a8adb5", grid: "#3a3f47", no_data: "#2b2f36", economy: "#d0d4da", area_border: "#111418" }
        } else {
            Palette { text: "#1f2328", muted: "#57606a", grid: "#e1e4e8", no_data: "#eceef1", economy: "#3b4048", area_border: "#ffffff" }
        }
    }
}

/// What every chart needs to know besides its data.
#[derive(Debug, Clone, Copy)]
pub struct Look<'d> {
    pub dataset: &'d Dataset,
    pub lang: Lang,
    pub palette: Palette,
    /// Off when the reader prefers reduced motion.
    pub animate: bool,
}

/// How values on a value axis are shown: a divisor from the axis unit and its name.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisUnit {
    pub divisor: f64,
    pub name: String,
}

impl AxisUnit {
    /// Yuan amounts (held in 亿元) get billion / trillion / 亿元 / 万亿元 by their size.
    pub fn for_values(unit: Unit, max_abs: f64, lang: Lang) -> AxisUnit {
        if unit.yuan_scale().is_some() {
            let (divisor, name) = format::yuan_scale(max_abs, lang);
            AxisUnit { divisor, name }
        } else {
            AxisUnit { divisor: 1.0, name: format::unit_name(unit, lang) }
        }
    }

    pub fn scale(&self, value: f64) -> f64 {
        format::rounded(value / self.divisor, 4)
    }
}

pub(crate) fn value_axis(unit: &AxisUnit, palette: Palette) -> Axis {
    Axis::new()
        .type_(charming::element::AxisType::Value)
        .name(unit.name.as_str())
        .name_text_style(TextStyle::new().color(palette.muted))
        .axis_label(AxisLabel::new().color(palette.muted))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(palette.grid)))
}

pub(crate) fn category_axis(labels: Vec<String>, palette: Palette) -> Axis {
    Axis::new()
        .type_(charming::element::AxisType::Category)
        .data(labels)
        .axis_label(AxisLabel::new().color(palette.muted))
}

/// Sets `value` at `path` in a chart option, creating objects on the way; where the way holds an
/// array (several axes), in each of its objects. Unlike `option["yAxis"]["name"] = …`, which
/// panics when charming writes the axis as an array, this never panics.
pub(crate) fn set_path(target: &mut Value, path: &[&str], value: &Value) {
    match (target, path) {
        (Value::Array(items), _) => items.iter_mut().for_each(|item| set_path(item, path, value)),
        (Value::Object(map), [last]) => {
            map.insert((*last).to_string(), value.clone());
        }
        (Value::Object(map), [first, rest @ ..]) => set_path(map.entry(*first).or_insert_with(|| json!({})), rest, value),
        _ => {}
    }
}

/// The key of an option the core could not build, its value saying why: `bridge::EChart` shows
/// "Chart unavailable" (the reason kept for a developer) instead of drawing it.
pub const UNDRAWABLE: &str = "undrawable";

/// charming's frame as JSON. Plain structs with string keys serialise without fail today; were
/// that to break (a charming update), the chart is reported unavailable rather than drawn
/// without its axes and titles unseen: `Err` holds the option that says so (`UNDRAWABLE`).
pub(crate) fn frame_json(frame: &impl serde::Serialize) -> Result<Value, Value> {
    serde_json::to_value(frame).map_err(|err| json!({ UNDRAWABLE: format!("the chart's frame cannot be written: {err}") }))
}

pub(crate) fn grid() -> Grid {
    Grid::new().left(8).right(24).top(48).bottom(8).contain_label(true)
}

/// The option keys every chart shares: text colour, transparent background, animation, and a
/// tooltip whose content the bridge builds from each item's `tip` lines.
pub(crate) fn finish(mut option: Value, look: &Look<'_>, description: String) -> Value {
    option["backgroundColor"] = json!("transparent");
    option["textStyle"] = json!({ "color": look.palette.text, "fontFamily": "system-ui, 'Noto Sans CJK SC', sans-serif" });
    option["animation"] = json!(look.animate);
    option["tooltip"] = json!({ "trigger": "item", "confine": true, "appendToBody": false });
    option["aria"] = json!({ "enabled": true, "label": { "enabled": true, "description": description } });
    option
}

/// The lines a tooltip shows for a point: what, when, how much, what kind, from whom, who else
/// reports the same figure, and whether sources differ. Plain text; the bridge renders each line
/// as a text node.
pub fn point_tip(look: &Look<'_>, title: &str, point: &Point) -> Vec<String> {
    let dataset = look.dataset;
    let lang = look.lang;
    let Some(first) = dataset.observation(&point.obs) else { return vec![title.to_string()] };
    let drawn = dataset.observation(&point.drawn).unwrap_or(first);
    let source = dataset.source_of(first);
    let mut lines = vec![
        format!("{title} · {}", period_label(drawn, lang)),
        format!("{} ({})", format::figure(drawn, lang), format::kind(drawn.kind, lang)),
        format!("{}: {}, {} ({})", tr(lang, "chart.source"), source.publisher, source.published, format::confidence(source.confidence, lang)),
    ];
    let others = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| dataset.observation(id))
            .map(|o| {
                let mut said = format!("{} ({}", dataset.source_of(o).publisher, format::figure(o, lang));
                if let Some(revision) = o.revision() {
                    said.push_str(&format!(", {}", tr(lang, &format!("revision.{}", revision.id()))));
                }
                said.push(')');
                said
            })
            .collect()
    };
    if !point.agreeing.is_empty() {
        lines.push(format!("{} {}", tr(lang, "chart.also_reported_by"), others(&point.agreeing).join("; ")));
    }
    if point.conflict {
        let mut line = format!("{} {}", tr(lang, "chart.sources_differ"), others(&point.differing).join("; "));
        if let Some(revision) = first.revision() {
            line.push_str(&format!(" ({}: {})", tr(lang, "chart.drawn_figure"), tr(lang, &format!("revision.{}", revision.id()))));
        }
        lines.push(line);
    }
    if !point.weaker.is_empty() {
        lines.push(format!("{} {}", tr(lang, "chart.weaker_floors"), others(&point.weaker).join("; ")));
    }
    lines.push(tr(lang, "chart.click_for_source"));
    lines
}

/// Marks the data items whose observation or zone is in `ids`, so the figures a tour step cites
/// stand out (a ring, a label; districts outlined); `marked: true` lets tests find them.
pub fn mark(option: &mut Value, ids: &[String], palette: Palette) {
    let is_marked = |item: &Value| item.get("obs").or_else(|| item.get("zone")).and_then(Value::as_str).is_some_and(|id| ids.iter().any(|m| m == id));
    let mut districts: Vec<Value> = Vec::new();
    let mut zones_marked = false;
    for series in option.get_mut("series").and_then(Value::as_array_mut).into_iter().flatten() {
        let kind = series["type"].as_str().unwrap_or_default().to_string();
        for item in series.get_mut("data").and_then(Value::as_array_mut).into_iter().flatten().filter(|item| is_marked(item)) {
            item["marked"] = json!(true);
            let ring = json!({ "borderColor": palette.text, "borderWidth": 3 });
            match item.get_mut("itemStyle").and_then(Value::as_object_mut) {
                Some(style) => style.extend(ring.as_object().cloned().unwrap_or_default()),
                None => item["itemStyle"] = ring,
            }
            match kind.as_str() {
                "map" => districts.push(json!({ "name": item["name"], "itemStyle": { "borderColor": palette.text, "borderWidth": 3 } })),
                "scatter" if item.get("zone").is_some() => {
                    zones_marked = true;
                    let size = item["symbolSize"].as_f64().unwrap_or(0.0).max(18.0);
                    item["symbolSize"] = json!(size);
                    item["label"] = json!({ "show": true, "formatter": "{b}", "position": "right", "color": palette.text });
                }
                "line" => {
                    item["symbolSize"] = json!(14);
                    item["label"] = json!({ "show": true, "position": "top", "color": palette.text, "fontWeight": "bold" });
                }
                "bar" => item["label"] = json!({ "show": true, "position": "right", "color": palette.text, "fontWeight": "bold" }),
                _ => {}
            }
        }
    }
    if let Some(regions) = option.pointer_mut("/geo/regions").and_then(Value::as_array_mut) {
        regions.extend(districts);
    }
    if zones_marked {
        district_map::yield_names_to_marked_zones(option);
    }
}

/// A chart's data item: the value, its tooltip lines and the observation a click opens.
pub(crate) fn item(value: f64, tip: Vec<String>, point: &Point) -> Value {
    json!({ "value": value, "tip": tip, "obs": point.obs, "sources": point.n_sources() })
}

#[cfg(test)]
mod tests;
