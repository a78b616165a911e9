//! How `<EChart>` hands a new option to a chart that already holds one (issue 26's filter click).
//!
//! `setOption(…, {notMerge: true})` builds a new model: ECharts then makes every component's view
//! anew (`replaceAll` marks each model brand new), so a filter click recreated the tooltip's box
//! (reading `offsetLeft`: a forced layout in the click), the axes, the grid and the titles. A merge
//! keeps their views, but a merge is a deep merge: a key the last option had and this one lacks
//! would stay, and a component this option has fewer of would stay. [`merge_plan`] merges only
//! where the result is the chart a fresh draw of `next` gives:
//! - both options have the same top-level keys;
//! - the components merged in place ([`MERGED`]: no user state, so nothing but the option
//!   decides them) come in the same number, with no `id`, and the same `name` at each index
//!   where there are several (ECharts pairs them by id, then name, then index);
//! - in every other key, and in each merged component, `next` has every object key `last` has, at
//!   every depth (arrays are replaced whole by ECharts' merge, so their contents need not match);
//! - every other key is replaced (`replaceMerge`): series, legend (its selection), data zoom,
//!   visual map, geo (a map's zoom) are built anew, as a fresh draw builds them.
//!
//! Anything else (the first draw, another chart kind, a key come or gone) is drawn with `notMerge`.

use serde_json::Value;

/// Components ECharts merges in place: their views stay.
pub const MERGED: [&str; 5] = ["title", "grid", "xAxis", "yAxis", "tooltip"];

/// The `replaceMerge` list for drawing `next` over `last`, or `None` where only a whole new model
/// (`notMerge`) ends as a fresh draw of `next` would.
pub fn merge_plan(last: &Value, next: &Value) -> Option<Vec<String>> {
    let (Value::Object(last), Value::Object(next)) = (last, next) else { return None };
    if last.len() != next.len() || last.keys().any(|key| !next.contains_key(key)) {
        return None;
    }
    let mut replaced = Vec::new();
    for (key, new) in next {
        let old = &last[key];
        if MERGED.contains(&key.as_str()) {
            let (old, new) = (components(old)?, components(new)?);
            let several = old.len() > 1;
            let paired = old.len() == new.len()
                && old.iter().zip(&new).all(|(o, n)| {
                    o.get("id").is_none() && n.get("id").is_none() && (!several || o.get("name") == n.get("name")) && covers(o, n)
                });
            if !paired {
                return None;
            }
        } else {
            if !covers(old, new) {
                return None;
            }
            replaced.push(key.clone());
        }
    }
    Some(replaced)
}

/// A component key's value as its list of component options: one object or an array of objects.
fn components(value: &Value) -> Option<Vec<&Value>> {
    match value {
        Value::Object(_) => Some(vec![value]),
        Value::Array(items) if items.iter().all(Value::is_object) => Some(items.iter().collect()),
        _ => None,
    }
}

/// Whether merging `new` into `old` leaves none of `old`'s object keys behind: every key of an
/// object in `old` is in `new`'s object at the same place (ECharts' merge replaces whatever is not
/// an object on both sides, arrays included).
fn covers(old: &Value, new: &Value) -> bool {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => old.iter().all(|(key, o)| new.get(key).is_some_and(|n| covers(o, n))),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn frame(series: Value) -> Value {
        json!({
            "title": [{ "text": "Output", "top": 0 }, { "text": "Source: X", "bottom": 0, "textStyle": { "width": 300 } }],
            "grid": [{ "left": 8, "top": 80 }],
            "xAxis": [{ "type": "category", "data": ["2020", "2021"] }],
            "yAxis": [{ "type": "value", "name": "bn" }],
            "tooltip": { "trigger": "item" },
            "legend": { "top": 26 },
            "aria": { "enabled": true, "label": { "description": "a" } },
            "series": series,
        })
    }

    #[test]
    fn a_new_set_of_series_in_the_same_frame_merges_and_replaces_the_rest() {
        let last = frame(json!([{ "name": "A", "type": "line", "data": [1, 2] }, { "name": "B", "type": "line", "data": [3, null] }]));
        let next = frame(json!([{ "name": "B", "type": "line", "data": [3, { "value": 4, "floor": true }] }]));
        let plan = merge_plan(&last, &next).expect("mergeable");
        for key in ["series", "legend", "aria"] {
            assert!(plan.contains(&key.to_string()), "{key} is replaced: {plan:?}");
        }
        for key in MERGED {
            assert!(!plan.contains(&key.to_string()), "{key} is merged in place: {plan:?}");
        }
    }

    #[test]
    fn a_key_come_or_gone_draws_anew() {
        let last = frame(json!([]));
        let mut next = frame(json!([]));
        next.as_object_mut().unwrap().remove("legend");
        assert_eq!(merge_plan(&last, &next), None);
        assert_eq!(merge_plan(&next, &last), None);
        let mut zoom = frame(json!([]));
        zoom["dataZoom"] = json!([{ "type": "slider" }]);
        assert_eq!(merge_plan(&last, &zoom), None);
    }

    #[test]
    fn a_key_left_behind_at_any_depth_draws_anew() {
        let last = frame(json!([]));
        // The scale toggle's log axis carries a key the value axis lacks.
        let mut log = frame(json!([]));
        log["yAxis"][0]["logBase"] = json!(10);
        assert_eq!(merge_plan(&log, &last), None, "logBase would stay");
        assert!(merge_plan(&last, &log).is_some(), "a key only added is the new option's");
        let mut narrow = frame(json!([]));
        narrow["title"][1]["textStyle"].as_object_mut().unwrap().remove("width");
        assert_eq!(merge_plan(&last, &narrow), None, "the credit's width would stay");
        let mut words = frame(json!([]));
        words["aria"]["label"].as_object_mut().unwrap().remove("description");
        assert_eq!(merge_plan(&last, &words), None, "a plain key's object merges deep too");
    }

    #[test]
    fn merged_components_pair_by_index_only() {
        let last = frame(json!([]));
        let mut fewer = frame(json!([]));
        fewer["title"].as_array_mut().unwrap().pop();
        assert_eq!(merge_plan(&last, &fewer), None, "a title would stay");
        let mut two = frame(json!([]));
        two["yAxis"] = json!([{ "name": "bn" }, { "name": "%" }]);
        let mut swapped = frame(json!([]));
        swapped["yAxis"] = json!([{ "name": "%" }, { "name": "bn" }]);
        assert_eq!(merge_plan(&two, &swapped), None, "ECharts would pair them by name");
        assert!(merge_plan(&two, &two).is_some());
        let mut ided = frame(json!([]));
        ided["grid"][0]["id"] = json!("g");
        assert_eq!(merge_plan(&ided, &ided), None);
    }

    #[test]
    fn arrays_are_replaced_whole() {
        let last = frame(json!([]));
        let mut next = frame(json!([]));
        next["xAxis"][0]["data"] = json!([{ "value": "2020", "textStyle": {} }]);
        assert!(merge_plan(&last, &next).is_some());
        assert_eq!(merge_plan(&json!([1]), &json!([1])), None, "an option is an object");
    }
}
