//! The document title a view state gives: what the view focuses on, its years, and the site.

use crate::format::{sector_name, tr};
use crate::model::Dataset;
use crate::state::{View, ViewState, TOUR_STEPS};
use crate::story;

/// "Integrated circuits · Trends · 2022 · Beijing High-Tech Atlas", in the page's language: what
/// the view focuses on, the view (so the map and the table of one place differ), its years. A
/// tour step gives its title and position; a profile is named by its entity alone. The state is
/// canonical, so it holds only the keys the view reads.
pub fn document_title(dataset: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let mut parts = Vec::new();
    if state.view == View::Tour {
        let position = state.tour_step();
        parts.push(story::step(position).title(lang));
        parts.push(format!("{} {position}/{TOUR_STEPS}", tr(lang, "view.tour")));
    }
    if let [sector] = state.sectors.as_slice() {
        parts.push(sector_name(dataset, Some(sector), lang));
    }
    if !state.regions.is_empty() {
        parts.push(state.regions.iter().map(|r| dataset.region_name(r, lang)).collect::<Vec<_>>().join(", "));
    }
    let entity_profile = state.view == View::Profile && !parts.is_empty();
    if state.view != View::Tour && !entity_profile {
        parts.push(tr(lang, &format!("view.{}", state.view.id())));
    }
    if let Some(time) = state.time {
        parts.push(time.to_string().replace("..", "–"));
    }
    parts.push(tr(lang, "app.title"));
    parts.join(" · ")
}
