//! The map chart (`<MapChart>`), shared by the map view, the tour's map step and a profile's small
//! map: it waits for the district boundaries, fetched once the first time a map is shown, then
//! draws its option in an `<EChart>`. A leaf module: it names no view.

use super::{tr, use_atlas};
use crate::bridge::{self, ChartClick, CsvButton, EChart};
use crate::charts::MAP_NAME;
use leptos::prelude::*;

/// Beside index.html in `dist/`, so the page works from any sub-path.
const MAP_URL: &str = "beijing.json";

#[derive(Clone, PartialEq)]
enum MapLoad {
    Loading,
    Ready,
    Failed(String),
}

/// The map chart once the boundary file is in: fetched the first time a map is shown, then kept.
#[component]
pub fn MapChart(
    #[prop(into)] option: Signal<serde_json::Value>,
    on_click: Callback<ChartClick>,
    /// The chart's `data-chart` name and CSS classes: the map view's, unless a profile's small map.
    #[prop(default = "map")]
    name: &'static str,
    #[prop(default = "map")] class: &'static str,
    /// The "CSV" button of the figures the map draws, where it has one (`widgets::chart_csv`).
    #[prop(optional)]
    csv: Option<CsvButton>,
) -> impl IntoView {
    let lang = use_atlas().lang;
    let load = RwSignal::new(if bridge::map_registered(MAP_NAME) { MapLoad::Ready } else { MapLoad::Loading });
    if load.get_untracked() == MapLoad::Loading {
        leptos::task::spawn_local(async move {
            // One load for every map on the page (`bridge::load_map`); boundaries that are in
            // are never reported as failed.
            let result = bridge::load_map(MAP_NAME, MAP_URL).await;
            load.set(match result {
                Err(err) if !bridge::map_registered(MAP_NAME) => MapLoad::Failed(err),
                _ => MapLoad::Ready,
            });
        });
    }
    move || match load.get() {
        MapLoad::Loading => view! { <p class="loading" role="status">{tr(lang.get(), "map.loading")}</p> }.into_any(),
        // The browser's words for the failure are English: kept for a developer, not shown.
        MapLoad::Failed(err) => view! { <p class="notice" role="status" data-error=err>{tr(lang.get(), "map.failed")}</p> }.into_any(),
        MapLoad::Ready => view! {
            {match csv {
                Some(csv) => view! { <EChart option=option name=name on_click=on_click class=class download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) csv=csv /> }.into_any(),
                None => view! { <EChart option=option name=name on_click=on_click class=class download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) /> }.into_any(),
            }}
        }.into_any(),
    }
}
