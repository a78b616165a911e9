//! The trends chart: one line per sector (or the whole economy) over the years, targets as
//! hollow diamonds apart from the lines, gaps left as gaps.

use super::{category_axis, finish, grid, item, point_tip, t, value_axis, AxisUnit, Look};
use crate::format;
use crate::query::Series;
use charming::component::{Legend, Title};
use charming::element::TextStyle;
use charming::Chart;
use serde_json::{json, Value};

/// `title` names the indicator and region; `source_line` credits the figures (drawn into PNGs).
pub fn trend_chart(look: &Look<'_>, title: &str, source_line: &str, series: &[Series], years: &[u16]) -> Value {
    let dataset = look.dataset;
    let lang = look.lang;
    let max_abs = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
        .map(|p| p.value.abs())
        .fold(0.0, f64::max);
    let unit = series.first().map(|s| s.unit).unwrap_or(crate::model::Unit::Count);
    let axis_unit = AxisUnit::for_values(unit, max_abs, lang);
    let names: Vec<String> = series.iter().map(|s| dataset.sector_name(s.sector.as_deref(), lang)).collect();
    let frame = Chart::new()
        .title(Title::new().text(title).left(8).top(4).text_style(TextStyle::new().color(look.palette.text).font_size(14)))
        .title(Title::new().text(source_line).left(8).bottom(0).text_style(TextStyle::new().color(look.palette.muted).font_size(11)))
        .legend(Legend::new().top(26).right(8).text_style(TextStyle::new().color(look.palette.text)))
        .grid(grid().top(80).bottom(28))
        .x_axis(category_axis(years.iter().map(u16::to_string).collect(), look.palette))
        .y_axis(value_axis(&axis_unit, look.palette));
    let mut option = serde_json::to_value(&frame).unwrap_or_else(|_| json!({}));
    let mut all_series: Vec<Value> = series
        .iter()
        .zip(&names)
        .map(|(line, name)| {
            let color = colour(look, line.sector.as_deref());
            let data: Vec<Value> = line
                .values
                .iter()
                .map(|point| match point {
                    Some(point) => item(axis_unit.scale(point.value), point_tip(look, name, point), point),
                    None => Value::Null,
                })
                .collect();
            json!({
                "type": "line", "name": name, "data": data, "connectNulls": false,
                "showSymbol": true, "symbol": "circle", "symbolSize": 8,
                "color": color, "lineStyle": { "width": 2.5 }, "emphasis": { "focus": "series" },
            })
        })
        .collect();
    let axis_unit_ref = &axis_unit;
    let targets: Vec<Value> = series
        .iter()
        .zip(&names)
        .flat_map(|(line, name)| {
            let color = colour(look, line.sector.as_deref());
            line.targets.iter().filter_map(move |target| {
                let index = years.iter().position(|y| *y == target.year)?;
                let tip = point_tip(look, &format!("{name} · {}", t(lang, "kind.target")), target);
                Some(json!({
                    "value": [index, axis_unit_ref.scale(target.value)], "tip": tip, "obs": target.first(),
                    "itemStyle": { "borderColor": color, "color": "transparent", "borderWidth": 2.5 },
                }))
            })
        })
        .collect();
    if !targets.is_empty() {
        all_series.push(json!({
            "type": "scatter", "name": t(lang, "chart.targets"), "symbol": "diamond", "symbolSize": 14,
            "data": targets, "color": look.palette.muted, "z": 3,
        }));
    }
    option["series"] = Value::Array(all_series);
    let description = describe(look, title, series, &names, years, &axis_unit);
    finish(option, look, description)
}

fn colour(look: &Look<'_>, sector: Option<&str>) -> String {
    sector.and_then(|id| look.dataset.sector(id)).map_or_else(|| look.palette.economy.to_string(), |s| s.color.clone())
}

/// The chart in words, for screen readers: every drawn value and target.
fn describe(look: &Look<'_>, title: &str, series: &[Series], names: &[String], years: &[u16], axis_unit: &AxisUnit) -> String {
    let lang = look.lang;
    let mut parts = vec![format!("{title}. {}: {}", t(lang, "chart.line_chart"), axis_unit.name)];
    for (line, name) in series.iter().zip(names) {
        let values: Vec<String> = line
            .values
            .iter()
            .flatten()
            .map(|p| format!("{} {}", p.year, format::number(axis_unit.scale(p.value))))
            .collect();
        let mut text = format!("{name}: {}", values.join(", "));
        if !line.targets.is_empty() {
            let targets: Vec<String> = line.targets.iter().map(|p| format!("{} {}", p.year, format::number(axis_unit.scale(p.value)))).collect();
            text.push_str(&format!("; {} {}", t(lang, "kind.target"), targets.join(", ")));
        }
        parts.push(text);
    }
    if years.is_empty() {
        parts.push(t(lang, "chart.no_data"));
    }
    parts.join(". ")
}
