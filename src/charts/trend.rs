//! The trends chart: one line per sector (or the whole economy), or per place when comparing
//! places, over the years; targets as hollow diamonds apart from the lines, gaps left as gaps.
//! Indexed growth draws each line as an index of its first year (= 100), labelled as derived,
//! with the published value beside it in the tooltip.

use super::{category_axis, finish, grid, item, point_tip, value_axis, AxisUnit, Look};
use crate::format::{self, tr, tr_with};
use crate::query::compare::IndexBase;
use crate::query::{Point, Series};
use charming::component::{Legend, Title};
use charming::element::TextStyle;
use charming::Chart;
use serde_json::{json, Value};

/// Colours for places compared on one chart, one per place up to `state::MAX_REGIONS`, told apart
/// in both themes (Tableau 10's first eight).
const PLACE_COLOURS: [&str; 8] = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"];

/// What the line chart draws.
pub struct TrendInput<'a> {
    /// Names the indicator and places; `source_line` credits the figures (drawn into PNGs).
    pub title: &'a str,
    pub source_line: &'a str,
    pub series: &'a [Series],
    pub years: &'a [u16],
    /// Each line's legend name.
    pub names: &'a [String],
    /// Lines compare places: each line's place position picks its colour. `None`: by sector.
    pub places: Option<&'a [usize]>,
    /// Indexed growth: each line's base (`None`: the line is left out).
    pub bases: Option<&'a [Option<IndexBase>]>,
}

/// Lines of published values, named by sector.
pub fn trend_chart(look: &Look<'_>, title: &str, source_line: &str, series: &[Series], years: &[u16]) -> Value {
    let names: Vec<String> = series.iter().map(|s| crate::format::sector_name(look.dataset, s.sector.as_deref(), look.lang)).collect();
    lines_chart(look, &TrendInput { title, source_line, series, years, names: &names, places: None, bases: None })
}

/// Each line's point symbol, so lines differ by shape and not by colour alone (WCAG 1.4.1). The
/// diamond is the targets'; ECharts draws `empty…` symbols as outlines.
const LINE_SYMBOLS: [&str; 8] = ["circle", "rect", "triangle", "emptyCircle", "emptyRect", "emptyTriangle", "roundRect", "arrow"];

fn line_symbol(line: usize) -> &'static str {
    LINE_SYMBOLS[line % LINE_SYMBOLS.len()]
}

pub fn lines_chart(look: &Look<'_>, input: &TrendInput<'_>) -> Value {
    let lang = look.lang;
    let (series, years, title) = (input.series, input.years, input.title);
    let base_of = |i: usize| -> Option<Option<IndexBase>> { input.bases.map(|bases| bases.get(i).copied().flatten()) };
    let max_abs = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
        .map(|p| p.value.abs())
        .fold(0.0, f64::max);
    let unit = series.first().map(|s| s.unit).unwrap_or(crate::model::Unit::Count);
    let axis_unit = match input.bases {
        Some(_) => AxisUnit { divisor: 1.0, name: tr(lang, "trends.index_axis") },
        None => AxisUnit::for_values(unit, max_abs, lang),
    };
    // A drawn value: the figure in the axis unit, or its index.
    let shown = |i: usize, point: &Point| -> Option<f64> {
        match base_of(i) {
            None => Some(axis_unit.scale(point.value)),
            Some(base) => base.map(|b| axis_unit.scale(b.index(point.value))),
        }
    };
    let tip = |i: usize, name: &str, point: &Point| -> Vec<String> {
        let mut lines = point_tip(look, name, point);
        if let Some(Some(base)) = base_of(i) {
            let mut said = tr_with(
                lang,
                "trends.index_value",
                &[("value", &format::number(format::rounded(base.index(point.value), 1))), ("year", &base.year.to_string())],
            );
            if base.own_first {
                said.push_str(&format!(" · {}", tr_with(lang, "trends.index_own_first", &[("name", name), ("year", &base.year.to_string())])));
            }
            lines.insert(1.min(lines.len()), said);
        }
        lines
    };
    let colour_of = |i: usize, line: &Series| -> String {
        match input.places {
            Some(places) => PLACE_COLOURS[places.get(i).copied().unwrap_or(0) % PLACE_COLOURS.len()].to_string(),
            None => colour(look, line.sector.as_deref()),
        }
    };
    let frame = Chart::new()
        .title(Title::new().text(title).left(8).top(4).text_style(TextStyle::new().color(look.palette.text).font_size(14)))
        .title(Title::new().text(input.source_line).left(8).bottom(0).text_style(TextStyle::new().color(look.palette.muted).font_size(11)))
        .legend(Legend::new().top(26).right(8).text_style(TextStyle::new().color(look.palette.text)))
        .grid(grid().top(80).bottom(28))
        .x_axis(category_axis(years.iter().map(u16::to_string).collect(), look.palette))
        .y_axis(value_axis(&axis_unit, look.palette));
    let mut option = match super::frame_json(&frame) {
        Ok(option) => option,
        Err(undrawable) => return undrawable,
    };
    // The axis's name reads from the axis to the right instead of being cut at the chart's left
    // edge ("trillion yuan", the index's "derived, from published figures").
    super::set_path(&mut option, &["yAxis", "nameTextStyle", "align"], &json!("left"));
    // Lines the index leaves out (no base) are not drawn; `index_notes` names them.
    let drawn: Vec<usize> = (0..series.len()).filter(|i| base_of(*i) != Some(None)).collect();
    let mut all_series: Vec<Value> = drawn
        .iter()
        .filter_map(|&i| Some((i, series.get(i)?, input.names.get(i)?)))
        .map(|(i, line, name)| {
            let data: Vec<Value> = line
                .values
                .iter()
                .map(|point| match point.as_ref().and_then(|p| shown(i, p).map(|v| (p, v))) {
                    Some((point, value)) => {
                        let mut drawn = item(value, tip(i, name, point), point);
                        // A floor ("at least") is marked where it is drawn: a lower point after a
                        // higher one is a weaker statement, not a decline.
                        if look.dataset.observation(&point.drawn).is_some_and(crate::model::is_floor) {
                            let text = format::at_least(&format::number(value), lang);
                            drawn["label"] = json!({ "show": true, "position": "top", "color": look.palette.text, "formatter": text });
                            drawn["floor"] = json!(true);
                        }
                        drawn
                    }
                    None => Value::Null,
                })
                .collect();
            let floors = data.iter().any(|d| d["floor"] == true);
            let mut drawn = json!({
                "type": "line", "name": name, "data": data, "connectNulls": false,
                "showSymbol": true, "symbol": line_symbol(i), "symbolSize": 8,
                "color": colour_of(i, line), "lineStyle": { "width": 2.5 }, "emphasis": { "focus": "series" },
            });
            // Ten sectors' "≥ 100 bn" marks sit on one spot: one shows, the tooltip has the rest.
            if floors {
                drawn["labelLayout"] = json!({ "hideOverlap": true });
            }
            drawn
        })
        .collect();
    let targets: Vec<Value> = drawn
        .iter()
        .filter_map(|&i| Some((i, series.get(i)?, input.names.get(i)?)))
        .flat_map(|(i, line, name)| {
            let color = colour_of(i, line);
            let tip = &tip;
            let shown = &shown;
            line.targets.iter().filter_map(move |target| {
                let index = years.iter().position(|y| *y == target.year)?;
                let tip = tip(i, &format!("{name} · {}", tr(lang, "kind.target")), target);
                Some(json!({
                    "value": [index, shown(i, target)?], "tip": tip, "obs": target.obs,
                    "itemStyle": { "borderColor": color, "color": "transparent", "borderWidth": 2.5 },
                }))
            })
        })
        .collect();
    if !targets.is_empty() {
        all_series.push(json!({
            "type": "scatter", "name": tr(lang, "chart.targets"), "symbol": "diamond", "symbolSize": 14,
            "data": targets, "color": look.palette.muted, "z": 3,
        }));
    }
    option["series"] = Value::Array(all_series);
    let described: Vec<Described> = drawn
        .iter()
        .filter_map(|&i| {
            let line = series.get(i)?;
            let values = line.values.iter().flatten().filter_map(|p| Some((p.year, shown(i, p)?))).collect();
            let targets = line.targets.iter().filter_map(|p| Some((p.year, shown(i, p)?))).collect();
            Some((input.names.get(i)?.clone(), values, targets))
        })
        .collect();
    let description = describe(look, title, &described, years, &axis_unit);
    finish(option, look, description)
}

fn colour(look: &Look<'_>, sector: Option<&str>) -> String {
    sector.and_then(|id| look.dataset.sector(id)).map_or_else(|| look.palette.economy.to_string(), |s| s.color.clone())
}

/// A line as the description reads it: its name, its values and its targets, as drawn.
type Described = (String, Vec<(u16, f64)>, Vec<(u16, f64)>);

/// The chart in words, for screen readers: every drawn value and target, as drawn.
fn describe(look: &Look<'_>, title: &str, lines: &[Described], years: &[u16], axis_unit: &AxisUnit) -> String {
    let lang = look.lang;
    let mut parts = vec![format!("{title}. {}: {}", tr(lang, "chart.line_chart"), axis_unit.name)];
    let said = |points: &[(u16, f64)]| points.iter().map(|(year, value)| format!("{year} {}", format::number(*value))).collect::<Vec<_>>().join(", ");
    for (name, values, targets) in lines {
        let mut text = format!("{name}: {}", said(values));
        if !targets.is_empty() {
            text.push_str(&format!("; {} {}", tr(lang, "kind.target"), said(targets)));
        }
        parts.push(text);
    }
    if years.is_empty() {
        parts.push(tr(lang, "chart.no_data"));
    }
    parts.join(". ")
}

#[cfg(test)]
mod symbol_tests {
    use crate::charts::{Look, Palette, TrendData};
    use crate::model::Lang;

    #[test]
    fn lines_differ_by_symbol_and_none_looks_like_a_target() {
        let small = crate::fixtures::small();
        let state = crate::state::parse("view=trends&indicator=gdp&region=haidian,beijing,chaoyang", small).state;
        let option = TrendData::new(small, &state).option(&Look { dataset: small, lang: Lang::En, palette: Palette::for_theme(false), animate: false });
        let symbols: Vec<&str> = option["series"].as_array().unwrap().iter().filter(|s| s["type"] == "line").filter_map(|s| s["symbol"].as_str()).collect();
        assert_eq!(symbols, ["circle", "rect", "triangle"]);
        assert!(!super::LINE_SYMBOLS.contains(&"diamond"), "the diamond marks targets");
        let distinct: std::collections::BTreeSet<&str> = super::LINE_SYMBOLS.iter().copied().collect();
        assert_eq!(distinct.len(), super::LINE_SYMBOLS.len());
    }
}
