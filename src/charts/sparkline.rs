//! A card's sparkline: the series' shape only, no axes; gaps stay gaps.

use super::{item, point_tip, Look};
use crate::query::Series;
use serde_json::{json, Value};

pub fn sparkline_chart(look: &Look<'_>, title: &str, years: &[u16], series: &Series) -> Value {
    let data: Vec<Value> = series
        .values
        .iter()
        .map(|p| p.as_ref().map_or(Value::Null, |p| item(p.value, point_tip(look, title, p), p)))
        .collect();
    json!({
        "animation": false,
        "grid": { "left": 2, "right": 2, "top": 4, "bottom": 4 },
        "xAxis": { "type": "category", "show": false, "data": years },
        "yAxis": { "type": "value", "show": false, "scale": true },
        "tooltip": { "trigger": "item", "confine": true },
        "aria": { "enabled": true, "label": { "enabled": true, "description": title } },
        "series": [{ "type": "line", "data": data, "connectNulls": false, "symbolSize": 5, "showSymbol": true,
                     "color": look.palette.economy, "lineStyle": { "width": 1.5 } }],
    })
}
