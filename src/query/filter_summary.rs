//! The one line that names what a view's filters choose ("10 sectors · 2010–2024 · Beijing ·
//! GDP"): on phones it stands for the filter bar, beside the button that opens the filters.

use super::choice;
use crate::format::{sector_name, tr, tr_with};
use crate::model::{Dataset, Lang};
use crate::state::{View, ViewState};

/// Up to this many places are named; more are counted.
const NAMED_PLACES: usize = 2;

/// The summary of the filters `state.view` shows, in the state's language: the sectors (counted,
/// or the one chosen by name), the years (the map's one year on the map), the places and the
/// indicator shown. Empty for a view without filters.
pub fn filter_summary(dataset: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let controls = state.view.controls();
    let mut parts = Vec::new();
    if controls.sectors {
        parts.push(match state.sectors.as_slice() {
            [one] => sector_name(dataset, Some(one), lang),
            chosen => {
                let n = if chosen.is_empty() { dataset.sectors.len() } else { chosen.len() };
                tr_with(lang, "filter.summary_sectors", &[("n", &n.to_string())])
            }
        });
    }
    if controls.years {
        let span = state.time_span(dataset);
        parts.push(if span.from == span.to { span.from.to_string() } else { format!("{}–{}", span.from, span.to) });
    } else if state.view == View::Map {
        if let Some(year) = choice::map_year(dataset, state) {
            parts.push(year.to_string());
        }
    }
    if controls.region {
        parts.push(places(dataset, state, lang));
    }
    if controls.indicator {
        let shown = choice::shown_indicator(dataset, state).indicator;
        let label = match shown.as_deref().and_then(|id| dataset.indicator(id)) {
            Some(indicator) => Some(indicator.label(lang).to_string()),
            None => choice::unset_indicator_label(state.view).map(|key| tr(lang, key)),
        };
        parts.extend(label);
    }
    parts.join(" · ")
}

/// The sectors chosen, for the sector picker's button: "all 10", the one sector's name, or
/// "3 of 10".
pub fn sectors_chosen(dataset: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let total = dataset.sectors.len().to_string();
    match state.sectors.as_slice() {
        [] => tr_with(lang, "filter.sectors_all", &[("n", &total)]),
        [one] => sector_name(dataset, Some(one), lang),
        chosen => tr_with(lang, "filter.sectors_some", &[("n", &chosen.len().to_string()), ("total", &total)]),
    }
}

fn places(dataset: &Dataset, state: &ViewState, lang: Lang) -> String {
    let ids = state.region_ids();
    if ids.len() > NAMED_PLACES {
        return tr_with(lang, "filter.summary_places", &[("n", &ids.len().to_string())]);
    }
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    ids.iter().map(|id| dataset.region_name(id, lang)).collect::<Vec<_>>().join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::small;
    use crate::state::parse;

    fn summary(query: &str) -> String {
        filter_summary(small(), &parse(query, small()).state)
    }

    #[test]
    fn names_every_filter_the_view_shows_in_the_pages_language() {
        assert_eq!(summary("view=trends&indicator=gdp"), "2 sectors · 2019–2025 · Beijing · gdp (en)");
        assert_eq!(summary("view=trends&indicator=gdp&lang=zh"), "2个产业 · 2019–2025 · 北京市 · gdp（中）");
    }

    #[test]
    fn one_sector_is_named_and_several_places_counted() {
        assert_eq!(summary("view=trends&indicator=revenue&sector=chips&time=2021..2022"), "Integrated circuits · 2021–2022 · Beijing · revenue (en)");
        assert_eq!(summary("view=trends&indicator=gdp&region=haidian,chaoyang"), "2 sectors · 2019–2025 · Chaoyang, Haidian · gdp (en)");
        assert_eq!(summary("view=table&region=beijing,haidian,chaoyang"), "2 sectors · 2019–2025 · 3 places · All indicators");
    }

    #[test]
    fn the_sector_picker_names_all_one_or_a_count() {
        let chosen = |query: &str| sectors_chosen(small(), &parse(query, small()).state);
        assert_eq!(chosen("view=trends"), "all 2");
        assert_eq!(chosen("view=trends&sector=drugs"), "Medicine and health");
        assert_eq!(chosen("view=trends&sector=drugs&lang=zh"), "医药健康");
    }

    #[test]
    fn the_map_names_its_one_year_and_views_without_filters_have_none() {
        assert_eq!(summary("view=map&time=2021"), "2 sectors · 2021 · gdp (en)");
        assert_eq!(summary("view=overview"), "2019–2025");
        assert_eq!(summary("view=sources"), "");
        assert_eq!(summary("view=tour"), "");
    }
}
