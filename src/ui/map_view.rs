//! The cluster map: districts shaded by a figure, zones as points, linked both ways with the
//! filters. The chart itself, with the boundary file it waits for, is `map_chart::MapChart`.

use super::map_chart::MapChart;
use super::{tr, tr_with, use_atlas, Atlas, History};
use crate::bridge::{self, ChartClick};
use crate::charts::{map_option, zone_matches};
use crate::model::DISTRICTS;
use crate::query::compare::Player;
use crate::state::{TimeSpan, View, ViewState};
use leptos::prelude::*;

/// A district sets the region filter; a zone sets the region to itself and opens its card.
pub fn select_region(atlas: Atlas) -> Callback<ChartClick> {
    Callback::new(move |click: ChartClick| {
        if let Some(region) = click.zone.or(click.region) {
            atlas.set(atlas.view_state.get_untracked().with_region(atlas.dataset, &region), History::Push);
        }
    })
}

#[component]
pub fn MapView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let option = Signal::derive(move || map_option(&atlas.look(), &atlas.view_state.get(), &map_indicator(atlas)));
    let trends_href = move || atlas.href(&atlas.view_state.read().tab(View::Trends).canonical(atlas.dataset));
    view! {
        <section class="view map-view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.map")}</h2>
            <div class="map-layout">
                <div class="map-main">
                    <MapChart option=option on_click=select_region(atlas) csv=super::widgets::view_chart_csv(atlas, "map") />
                    <YearPlayer />
                    <p class="chart-note">{move || tr(lang.get(), "map.note")} " " <a href=trends_href>{move || tr(lang.get(), "map.see_trend")}</a></p>
                </div>
                <div class="map-side">
                    <ZoneCard />
                    <DistrictList />
                    <ZoneList />
                </div>
            </div>
        </section>
    }
}

/// The indicator the map shades (`Atlas::shown`: a link's indicator without district figures
/// falls back, with a notice), as the chart, its CSV and the district's card read it.
fn map_indicator(atlas: Atlas) -> String {
    crate::query::choice::map_indicator_of(&atlas.shown.read())
}

/// How long the player shows each year: time to read the colours and the year.
const STEP_MILLIS: u32 = 1500;

/// The map's year (`time` with one year) and a play button that steps through the years with
/// district figures and stops on the year with the most districts (`Player::plan`). Any other change to the view stops it; each year is
/// announced politely. Which years and in what order is `query::compare::Player`'s.
#[component]
fn YearPlayer() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let player = Memo::new(move |_| Player::new(dataset, &atlas.view_state.read(), &map_indicator(atlas)));
    let timer = StoredValue::new_local(None::<bridge::Interval>);
    let playing = RwSignal::new(false);
    // The state the player last showed: any other state means the reader did something else.
    let shown_by_player = StoredValue::new(None::<ViewState>);
    let stop = move || {
        timer.set_value(None);
        playing.set(false);
    };
    let show_year = move |year: u16, history: History| {
        let next = ViewState { time: Some(TimeSpan::new(year, year)), ..atlas.view_state.get_untracked() }.canonical(dataset);
        shown_by_player.set_value(Some(next.clone()));
        atlas.set(next, history);
    };
    // The years still to show (`Player::plan`): the player stops when it is empty.
    let queue = StoredValue::new(std::collections::VecDeque::<u16>::new());
    let tick = move || {
        let Some(next) = queue.try_update_value(|q| q.pop_front()).flatten() else { return stop() };
        show_year(next, History::Replace);
        if queue.with_value(|q| q.is_empty()) {
            stop();
        }
    };
    let play = move || {
        let mut plan: std::collections::VecDeque<u16> = player.get_untracked().plan().into();
        let Some(start) = plan.pop_front() else { return };
        queue.set_value(plan);
        if player.get_untracked().current != Some(start) {
            show_year(start, History::Push);
        } else {
            shown_by_player.set_value(Some(atlas.view_state.get_untracked()));
        }
        timer.set_value(Some(bridge::Interval::new(STEP_MILLIS, tick)));
        playing.set(true);
    };
    Effect::new(move |_| {
        let state = atlas.view_state.get();
        if playing.get_untracked() && shown_by_player.with_value(|shown| shown.as_ref() != Some(&state)) {
            stop();
        }
    });
    on_cleanup(move || {
        let _ = timer.try_set_value(None);
    });
    let year_text = move || player.read().current.map(|y| tr_with(lang.get(), "map.showing_year", &[("year", &y.to_string())])).unwrap_or_default();
    view! {
        <Show when=move || !player.read().years.is_empty()>
            <div class="year-player" role="group" aria-label=move || tr(lang.get(), "map.year")>
                <button type="button" class="play-button" name="play"
                    on:click=move |_| if playing.get_untracked() { stop() } else { play() }>
                    <span aria-hidden="true">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
                    {move || tr(lang.get(), if playing.get() { "map.pause" } else { "map.play" })}
                </button>
                <label class="year-slider">
                    <span>{move || tr(lang.get(), "map.year")}</span>
                    <input type="range" name="map-year" min="0" step="1"
                        max=move || player.read().years.len().saturating_sub(1)
                        aria-valuetext=move || player.read().current.map(|y| y.to_string()).unwrap_or_default()
                        prop:value=move || player.read().position().to_string()
                        on:input=move |ev| {
                            stop();
                            let position = event_target_value(&ev).parse::<usize>().ok();
                            if let Some(year) = position.and_then(|p| player.get_untracked().year_at(p)) {
                                show_year(year, History::Replace);
                            }
                        } />
                </label>
                <output class="year-now" aria-live="polite">{year_text}</output>
            </div>
            <p class="chart-note player-note">{move || crate::charts::player_note(lang.get(), &player.read())}</p>
        </Show>
    }
}

/// The districts as a list: the same choices as the map's shapes, for keyboards and screen readers.
#[component]
fn DistrictList() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <nav class="zone-list district-list" aria-label=move || tr(lang.get(), "map.district_list")>
            <h3>{move || tr(lang.get(), "map.districts")}</h3>
            <ul>
                {DISTRICTS.iter().map(|district| {
                    let id = district.id;
                    let current = move || (atlas.view_state.read().region_id() == id).then_some("true");
                    view! {
                        <li>
                            <button type="button" class="zone-button" aria-current=current
                                on:click=move |_| atlas.set(atlas.view_state.get_untracked().with_region(atlas.dataset, id), History::Push)>
                                {move || district.name(lang.get())}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The zones as a list: the same choices as the map's points, for keyboards and screen readers.
#[component]
fn ZoneList() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <nav class="zone-list" aria-label=move || tr(lang.get(), "map.zone_list")>
            <h3>{move || tr(lang.get(), "map.zones")}</h3>
            <ul>
                {move || atlas.dataset.zones.iter().filter(|z| zone_matches(&atlas.view_state.read(), z)).map(|zone| {
                    let id = zone.id.clone();
                    let current = { let id = id.clone(); move || (atlas.view_state.read().region_id() == id).then_some("true") };
                    let color = zone.sectors.first().and_then(|s| atlas.dataset.sector(s)).map_or("#888".to_string(), |s| s.color.clone());
                    view! {
                        <li>
                            <button type="button" class="zone-button" aria-current=current
                                on:click=move |_| atlas.set(atlas.view_state.get_untracked().with_region(atlas.dataset, &id), History::Push)>
                                <span class="chip" style=format!("background:{color}") aria-hidden="true"></span>
                                {zone.name(lang.get()).to_string()}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The card of the zone the region filter is set to: names, description, sectors, figures, sources.
#[component]
fn ZoneCard() -> impl IntoView {
    let atlas = use_atlas();
    let dataset = atlas.dataset;
    move || {
        let state = atlas.view_state.get();
        let lang = state.lang;
        let region = state.region_id().to_string();
        if let Some(district) = DISTRICTS.iter().find(|d| d.id == region) {
            let name = district.name(lang);
            let profile = super::links::profile_href(&atlas, crate::state::ProfileSubject::District(district.id));
            // The second, named action: the other views, filtered to this district.
            let as_filter = |view: View| atlas.href(&state.place_in(view).canonical(dataset));
            let figure = crate::query::map::district_figure(dataset, &state);
            let figure_view = figure.map(|card| {
                let measure = dataset.indicator(&card.indicator).map_or_else(|| card.indicator.clone(), |i| i.label(lang).to_string());
                // The value as the map draws it (the most precise source), the best source on the button.
                match card.point.and_then(|p| Some((dataset.observation(&p.drawn)?, p.obs))) {
                    Some((o, id)) => {
                        view! {
                            <p class="district-measure">{format!("{measure} · {}", crate::format::period_label(o, lang))}</p>
                            <p class="district-value"><strong>{crate::format::figure(o, lang)}</strong> " " <span class="badge">{crate::format::kind(o.kind, lang)}</span></p>
                            <p><button type="button" class="source-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{tr(lang, "map.district_source")}</button></p>
                        }.into_any()
                    }
                    None => view! { <p class="district-measure">{tr_with(lang, "map.district_no_figure", &[("indicator", &measure), ("year", &card.year.to_string())])}</p> }.into_any(),
                }
            });
            return view! {
                <div class="zone-card district-card" role="region" aria-labelledby="district-title">
                    <h3 id="district-title">{name}</h3>
                    {figure_view}
                    <p class="district-actions">{tr(lang, "map.district_as_filter")} " "
                        <a href=as_filter(View::Trends)>{tr(lang, "view.trends")}</a> " · "
                        <a href=as_filter(View::Table)>{tr(lang, "view.table")}</a> " · "
                        <a href=profile>{tr(lang, "profile.link")} " →"</a></p>
                </div>
            }.into_any();
        }
        let Some(zone) = dataset.zone(&region) else { return view! { <p class="hint">{tr(lang, "map.hint")}</p> }.into_any() };
        let figures = crate::query::map::zone_figures(dataset, &zone.id);
        let sectors: Vec<String> = zone.sectors.iter().filter_map(|s| dataset.sector(s)).map(|s| s.name(lang).to_string()).collect();
        let description = zone.description(lang).to_string();
        // The name in the page's language first; the other, marked with its own language.
        let (other_name, other_lang) = (zone.name(lang.other()).to_string(), lang.other().html_tag());
        view! {
            <article class="zone-card" aria-labelledby="zone-title">
                <h3 id="zone-title">{zone.name(lang).to_string()} <span lang=other_lang>{format!(" {other_name}")}</span></h3>
                <p>{description}</p>
                <p><strong>{tr(lang, "filter.sectors")} ": "</strong>{sectors.join(" · ")}</p>
                {zone.is_approximate().then(|| view! { <p class="source-note">{tr(lang, "map.approximate")}</p> })}
                <ul class="zone-figures">
                    {figures.into_iter().map(|o| {
                        let id = o.id.clone();
                        let text = crate::query::map::zone_figure_text(dataset, o, lang);
                        view! { <li><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{text}</button></li> }
                    }).collect_view()}
                </ul>
                <p><a href=super::links::profile_href(&atlas, crate::state::ProfileSubject::Zone(&zone.id))>{tr(lang, "profile.link")} " →"</a></p>
                <div class="zone-source">{super::widgets::source_link(&zone.source_url, "map.zone_source", lang)}</div>
                {super::with_texts(move |texts| view! { <blockquote class="quote">{texts.zone_quote(dataset, zone).to_string()}</blockquote> }.into_any())}
            </article>
        }
        .into_any()
    }
}
