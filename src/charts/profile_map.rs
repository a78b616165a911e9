//! The small map of a profile: the cluster map's districts and points, narrowed to one entity.
//! A district's profile fills its own district; a sector's shows its zones; a zone's shows its
//! point, ringed. No figure is mapped, so no district is shaded. Built on `district_map_chart`.

use super::district_map::MapBands;
use super::{district_map_chart, Look, MapInput};
use crate::model::{Zone, DISTRICTS};
use crate::query::DistrictValue;
use serde_json::{json, Value};

pub struct ProfileMapInput<'a> {
    pub title: &'a str,
    pub source_line: &'a str,
    pub zones: &'a [&'a Zone],
    /// The district or zone outlined; `beijing` for none.
    pub region: &'a str,
}

pub fn profile_map_chart(look: &Look<'_>, input: &ProfileMapInput<'_>) -> Value {
    let values: Vec<DistrictValue> = DISTRICTS.iter().map(|district| DistrictValue { district, point: None }).collect();
    let mut option = district_map_chart(
        look,
        &MapInput {
            title: input.title,
            source_line: input.source_line,
            values: &values,
            unit: None,
            zones: input.zones,
            other_zones: &[],
            regions: &[input.region],
            range: None,
        },
    );
    option["geo"]["roam"] = json!(false);
    // No figure is mapped: no scale (so the map may come down to the credit line), and a
    // district's tooltip is just its name.
    if let Some(map) = option.as_object_mut() {
        map.remove("visualMap");
    }
    option["geo"]["bottom"] = json!(MapBands::bottom(false));
    for item in option.pointer_mut("/series/0/data").and_then(Value::as_array_mut).into_iter().flatten() {
        let name = item["name"].clone();
        item["tip"] = json!([name]);
        // The district the profile is about is filled, so it stands out in either theme.
        if item["region"].as_str() == Some(input.region) {
            item["itemStyle"] = json!({ "areaColor": HIGHLIGHT });
            item["highlighted"] = json!(true);
        }
    }
    for region in option.pointer_mut("/geo/regions").and_then(Value::as_array_mut).into_iter().flatten() {
        region["itemStyle"]["areaColor"] = json!(HIGHLIGHT);
    }
    option
}

/// The fill of the profile's own district: the map's hover colour, readable under dark labels.
const HIGHLIGHT: &str = "#fdae6b";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Palette;
    use crate::model::Lang;

    #[test]
    fn a_plain_map_has_no_scale_and_says_no_false_no_data() {
        let dataset = crate::fixtures::real();
        let look = Look { dataset, lang: Lang::En, palette: Palette::for_theme(false), animate: false };
        let zones: Vec<&Zone> = dataset.zones.iter().filter(|z| z.sectors.iter().any(|s| s == "integrated_circuits")).collect();
        let option = profile_map_chart(&look, &ProfileMapInput { title: "t", source_line: "s", zones: &zones, region: "beijing" });
        assert!(option.get("visualMap").is_none());
        let tips = option.pointer("/series/0/data").and_then(Value::as_array).unwrap();
        assert_eq!(tips.len(), 16);
        assert!(tips.iter().all(|d| d["tip"].as_array().is_some_and(|t| t.len() == 1)));
        assert_eq!(option.pointer("/series/1/data").and_then(Value::as_array).map(Vec::len), Some(zones.len()));
        assert_eq!(option.pointer("/series/2/data").and_then(Value::as_array).map(Vec::len), Some(0));
        assert!(tips.iter().all(|d| d.get("highlighted").is_none()), "a sector's map fills no district");
        let district = profile_map_chart(&look, &ProfileMapInput { title: "t", source_line: "s", zones: &[], region: "haidian" });
        let filled: Vec<&str> = district.pointer("/series/0/data").and_then(Value::as_array).unwrap().iter()
            .filter(|d| d.get("highlighted").is_some()).filter_map(|d| d["region"].as_str()).collect();
        assert_eq!(filled, ["haidian"]);
    }
}
