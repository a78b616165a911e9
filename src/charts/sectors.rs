//! The sectors chart: one bar per selected sector for one indicator and year; a sector without a
//! figure keeps its place on the axis with no bar, so a gap is seen as a gap.

use super::{category_axis, finish, grid, item, point_tip, value_axis, AxisUnit, Look};
use crate::format::{self, tr};
use crate::query::Comparison;
use charming::component::Title;
use charming::element::{AxisLabel, TextStyle};
use charming::Chart;
use serde_json::{json, Value};

pub fn sectors_chart(look: &Look<'_>, title: &str, source_line: &str, comparison: &Comparison) -> Value {
    let dataset = look.dataset;
    let lang = look.lang;
    let max_abs = comparison.bars.iter().filter_map(|b| b.point.as_ref()).map(|p| p.value.abs()).fold(0.0, f64::max);
    let axis_unit = AxisUnit::for_values(comparison.unit.unwrap_or(crate::model::Unit::Count), max_abs, lang);
    let names: Vec<String> = comparison.bars.iter().map(|b| crate::format::sector_name(dataset, Some(&b.sector), lang)).collect();
    let frame = Chart::new()
        .title(Title::new().text(title).left(8).top(4).text_style(TextStyle::new().color(look.palette.text).font_size(14)))
        .title(Title::new().text(source_line).left(8).bottom(0).text_style(TextStyle::new().color(look.palette.muted).font_size(11)))
        // Room on the right for the value printed at each bar's end.
        .grid(grid().top(40).bottom(48).right(72))
        .x_axis(value_axis(&axis_unit, look.palette))
        .y_axis(category_axis(names.clone(), look.palette).inverse(true).axis_label(AxisLabel::new().color(look.palette.text)));
    let mut option = match super::frame_json(&frame) {
        Ok(option) => option,
        Err(undrawable) => return undrawable,
    };
    // Long sector names wrap instead of running off the left edge; the unit sits under the axis.
    super::set_path(&mut option, &["yAxis", "axisLabel", "width"], &json!(150));
    super::set_path(&mut option, &["yAxis", "axisLabel", "overflow"], &json!("break"));
    super::set_path(&mut option, &["xAxis", "nameLocation"], &json!("middle"));
    super::set_path(&mut option, &["xAxis", "nameGap"], &json!(24));
    let data: Vec<Value> = comparison
        .bars
        .iter()
        .zip(&names)
        .map(|(bar, name)| {
            let color = dataset.sector(&bar.sector).map_or("#888", |s| s.color.as_str());
            match &bar.point {
                Some(point) => {
                    let shown = axis_unit.scale(point.value);
                    let mut value = item(shown, point_tip(look, name, point), point);
                    value["sector"] = json!(bar.sector);
                    // The bar's end reads like the axis ("1,000", not "1000"); a floor says "≥".
                    let floor = dataset.observation(&point.drawn).is_some_and(crate::model::is_floor);
                    let text = if floor { format::at_least(&format::number(shown), lang) } else { format::number(shown) };
                    value["label"] = json!({ "formatter": text });
                    value["itemStyle"] = json!({ "color": color });
                    value
                }
                None => json!({ "value": null, "sector": bar.sector, "tip": [format!("{name}: {}", tr(lang, "chart.no_figure"))] }),
            }
        })
        .collect();
    option["series"] = json!([{
        "type": "bar", "name": title, "data": data, "barMaxWidth": 28,
        "label": { "show": true, "position": "right", "color": look.palette.muted },
    }]);
    let values: Vec<String> = comparison
        .bars
        .iter()
        .zip(&names)
        .map(|(bar, name)| match &bar.point {
            Some(p) if dataset.observation(&p.drawn).is_some_and(crate::model::is_floor) => {
                format!("{name} {}", format::at_least(&format::number(axis_unit.scale(p.value)), lang))
            }
            Some(p) => format!("{name} {}", format::number(axis_unit.scale(p.value))),
            None => format!("{name} {}", tr(lang, "chart.no_figure")),
        })
        .collect();
    let description = format!("{title}. {}: {}. {}", tr(lang, "chart.bar_chart"), axis_unit.name, values.join(", "));
    finish(option, look, description)
}
