//! The trends and sectors views: a line chart over years and a bar chart across sectors.

use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, EChart};
use crate::charts::{sectors_chart, trend_chart};
use crate::model::{Dataset, Lang, Observation};
use crate::query::{self, series::year_axis, Filter};
use crate::state::ViewState;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// "Sources: Beijing Municipal Bureau of Statistics, Xinhua (+3) · Beijing High-Tech Atlas",
/// drawn into the chart so a saved PNG keeps its credits.
pub fn source_line(dataset: &Dataset, rows: &[&Observation], lang: Lang) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for row in rows {
        let publisher = dataset.source_of(row).publisher.as_str();
        if !publishers.contains(&publisher) {
            publishers.push(publisher);
        }
    }
    let shown: Vec<&str> = publishers.iter().take(2).copied().collect();
    let more = publishers.len().saturating_sub(shown.len());
    let extra = if more > 0 { format!(" (+{more})") } else { String::new() };
    format!("{}: {}{extra} · {}", tr(lang, "chart.sources"), shown.join("; "), tr(lang, "app.title"))
}

/// The chart's title: indicator, then where.
fn chart_title(atlas: &Atlas, state: &ViewState) -> String {
    let lang = state.lang;
    let indicator = state.indicator_id().and_then(|id| atlas.dataset.indicator(id)).map_or_else(String::new, |i| i.label(lang).to_string());
    format!("{indicator} · {}", atlas.dataset.region_name(state.region_id(), lang))
}

/// Opens the source panel for a clicked point.
pub fn open_source(atlas: Atlas) -> Callback<ChartClick> {
    Callback::new(move |click: ChartClick| {
        if let Some(obs) = click.obs {
            atlas.source.set(Some(obs));
        }
    })
}

#[component]
pub fn TrendsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let data = Memo::new(move |_| {
        let state = atlas.view_state.get();
        let dataset = atlas.dataset;
        let rows = query::filter(dataset, &Filter::from_state(&state, dataset));
        let years = year_axis(&rows, state.time_span(dataset));
        let series = query::series(dataset, &rows, &years);
        let drawn: BTreeSet<&str> =
            series.iter().flat_map(|s| s.values.iter().flatten().chain(s.targets.iter())).flat_map(|p| p.observations.iter().map(String::as_str)).collect();
        let left_out = rows.iter().filter(|o| !drawn.contains(o.id.as_str())).count();
        let credited: Vec<&Observation> = rows.iter().copied().filter(|o| drawn.contains(o.id.as_str())).collect();
        (chart_title(&atlas, &state), source_line(dataset, &credited, state.lang), series, years, left_out)
    });
    let option = Signal::derive(move || {
        let (title, source, series, years, _) = data.get();
        trend_chart(&atlas.look(), &title, &source, &series, &years)
    });
    let empty = Memo::new(move |_| data.read().2.is_empty());
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.trends")}</h2>
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="trend" on_click=open_source(atlas) download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) />
                <p class="chart-note">
                    {move || tr(lang.get(), "trends.note")}
                    {move || { let n = data.read().4; (n > 0).then(|| format!(" {} {}", n, tr(lang.get(), "trends.left_out"))) }}
                </p>
                <SourceButtons points=Signal::derive(move || data.read().2.iter()
                    .flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
                    .map(|p| p.observations[0].clone())
                    .collect::<Vec<_>>()) />
            </Show>
        </section>
    }
}

#[component]
pub fn SectorsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let comparison = Memo::new(move |_| query::comparison(atlas.dataset, &atlas.view_state.get()));
    let option = Signal::derive(move || {
        let state = atlas.view_state.get();
        let comparison = comparison.get();
        let year = comparison.year.map_or_else(String::new, |y| y.to_string());
        let title = format!("{} · {year}", chart_title(&atlas, &state));
        let rows: Vec<&Observation> = comparison
            .bars
            .iter()
            .filter_map(|b| b.point.as_ref())
            .filter_map(|p| atlas.dataset.observation(&p.observations[0]))
            .collect();
        sectors_chart(&atlas.look(), &title, &source_line(atlas.dataset, &rows, state.lang), &comparison)
    });
    let empty = Memo::new(move |_| comparison.read().year.is_none());
    // Clicking a bar narrows the filter to that sector; its source stays one more click away.
    let on_click = Callback::new(move |click: ChartClick| {
        if let Some(sector) = click.sector {
            atlas.update(History::Push, |s| s.sectors = vec![sector]);
        }
    });
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.sectors")}</h2>
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="sectors" on_click=on_click download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) class="tall" />
                <p class="chart-note">{move || tr(lang.get(), "sectors.note")}</p>
                <SourceButtons points=Signal::derive(move || comparison.get().bars.iter().filter_map(|b| b.point.as_ref().map(|p| p.observations[0].clone())).collect()) />
            </Show>
        </section>
    }
}

/// One button per drawn figure, so every value's source is one click away without a pointer.
#[component]
pub fn SourceButtons(#[prop(into)] points: Signal<Vec<String>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <details class="figure-sources">
            <summary>{move || tr(lang.get(), "ui.figures_and_sources")}</summary>
            <ul>
                {move || points.get().into_iter().filter_map(|id| atlas.dataset.observation(&id)).map(|o| {
                    let id = o.id.clone();
                    let label = format!(
                        "{} · {} · {}: {}",
                        o.label(lang.get()),
                        atlas.dataset.sector_name(o.sector.as_deref(), lang.get()),
                        o.year,
                        crate::format::value(o.value, o.unit, lang.get())
                    );
                    view! { <li><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{label}</button></li> }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Clears the filters but keeps the indicator; if that indicator has no figures for Beijing in
/// this view either, drops it too, so the button never leads to another empty page.
fn way_back(atlas: &Atlas) -> ViewState {
    let cleared = atlas.view_state.get_untracked().without_filters();
    let dataset = atlas.dataset;
    if query::filter(dataset, &Filter::from_state(&cleared, dataset)).is_empty() {
        ViewState { indicator: None, ..cleared }
    } else {
        cleared
    }
}

/// A filter with no figures: say so, and offer the way back.
#[component]
pub fn EmptyState() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <div class="empty-state" role="status">
            <p>{move || tr(lang.get(), "empty.text")}</p>
            <button type="button" on:click=move |_| atlas.set(way_back(&atlas), History::Push)>
                {move || tr(lang.get(), "empty.reset")}
            </button>
        </div>
    }
}
