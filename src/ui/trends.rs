//! The trends and sectors views: a line chart over years and a bar chart across sectors.

use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, EChart};
use crate::charts::{period_label, sectors_chart, trend_chart};
use crate::model::{Dataset, Kind, Lang, Observation, BEIJING};
use crate::query::{self, series::year_axis, Comparison, Filter, Point, Series};
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
    let indicator = query::choice::shown_indicator(atlas.dataset, state).indicator.and_then(|id| atlas.dataset.indicator(&id)).map_or_else(String::new, |i| i.label(lang).to_string());
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

/// What the trends chart shows for a state: title, credits, the lines, their years, and how many
/// figures of the selection it leaves out (targets apart, part-year figures).
#[derive(Clone, PartialEq)]
pub struct TrendData {
    pub title: String,
    pub source: String,
    pub series: Vec<Series>,
    pub years: Vec<u16>,
    pub left_out: usize,
}

impl TrendData {
    pub fn new(atlas: &Atlas, state: &ViewState) -> TrendData {
        let dataset = atlas.dataset;
        let rows = query::filter(dataset, &Filter::from_state(state, dataset));
        let years = year_axis(&rows, state.time_span(dataset));
        let series = query::series(dataset, &rows, &years);
        let drawn: BTreeSet<&str> = drawn_points(&series).flat_map(|p| p.observations.iter().map(String::as_str)).collect();
        let left_out = rows.iter().filter(|o| !drawn.contains(o.id.as_str())).count();
        let credited: Vec<&Observation> = rows.iter().copied().filter(|o| drawn.contains(o.id.as_str())).collect();
        TrendData { title: chart_title(atlas, state), source: source_line(dataset, &credited, state.lang), series, years, left_out }
    }

    pub fn option(&self, atlas: &Atlas) -> serde_json::Value {
        trend_chart(&atlas.look(), &self.title, &self.source, &self.series, &self.years)
    }

    /// The observation behind each drawn point, for the list of figures and sources.
    pub fn points(&self) -> Vec<String> {
        drawn_points(&self.series).map(|p| p.observations[0].clone()).collect()
    }
}

fn drawn_points(series: &[Series]) -> impl Iterator<Item = &Point> {
    series.iter().flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
}

/// The sector bars for a state, with their observations (for credits and the figure list).
pub fn sectors_option(atlas: &Atlas, state: &ViewState, comparison: &Comparison) -> serde_json::Value {
    if !comparison.sizes.is_empty() {
        let rows: Vec<&Observation> = comparison.sizes.iter().filter_map(|s| atlas.dataset.observation(s.latest.first())).collect();
        return crate::charts::sector_sizes_chart(&atlas.look(), &source_line(atlas.dataset, &rows, state.lang), &comparison.sizes);
    }
    let year = comparison.year.map_or_else(String::new, |y| y.to_string());
    let title = format!("{} · {year}", chart_title(atlas, state));
    let rows: Vec<&Observation> = comparison.bars.iter().filter_map(|b| b.point.as_ref()).filter_map(|p| atlas.dataset.observation(&p.observations[0])).collect();
    sectors_chart(&atlas.look(), &title, &source_line(atlas.dataset, &rows, state.lang), comparison)
}

pub fn bar_points(comparison: &Comparison) -> Vec<String> {
    comparison.bars.iter().filter_map(|b| b.point.as_ref().map(|p| p.observations[0].clone())).chain(comparison.sizes.iter().map(|s| s.latest.first().to_string())).collect()
}

#[component]
pub fn TrendsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let data = Memo::new(move |_| TrendData::new(&atlas, &atlas.view_state.get()));
    let option = Signal::derive(move || data.read().option(&atlas));
    let empty = Memo::new(move |_| data.read().series.is_empty());
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.trends")}</h2>
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="trend" on_click=open_source(atlas) download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) />
                <p class="chart-note">
                    {move || tr(lang.get(), "trends.note")}
                    {move || { let n = data.read().left_out; (n > 0).then(|| format!(" {} {}", n, tr(lang.get(), "trends.left_out"))) }}
                </p>
                <SourceButtons points=Signal::derive(move || data.read().points()) />
            </Show>
        </section>
    }
}

#[component]
pub fn SectorsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let comparison = Memo::new(move |_| query::comparison(atlas.dataset, &atlas.view_state.get()));
    let option = Signal::derive(move || sectors_option(&atlas, &atlas.view_state.get(), &comparison.read()));
    let empty = Memo::new(move |_| comparison.read().year.is_none());
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.sectors")}</h2>
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="sectors" on_click=narrow_to_sector(atlas) download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) class="tall" />
                <p class="chart-note">{move || tr(lang.get(), "sectors.note")}</p>
                <SourceButtons points=Signal::derive(move || bar_points(&comparison.read())) />
            </Show>
        </section>
    }
}

/// Clicking a bar narrows the filter to that sector; its source stays one more click away.
pub fn narrow_to_sector(atlas: Atlas) -> Callback<ChartClick> {
    Callback::new(move |click: ChartClick| {
        if let Some(sector) = click.sector {
            atlas.update(History::Push, |s| s.sectors = vec![sector]);
        }
    })
}

/// One button per figure, so every value's source is one click away without a pointer.
/// `summary` is the locale key of the list's heading; `open` shows it unfolded.
#[component]
pub fn SourceButtons(
    #[prop(into)] points: Signal<Vec<String>>,
    #[prop(default = "ui.figures_and_sources")] summary: &'static str,
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <details class="figure-sources" open=open>
            <summary>{move || tr(lang.get(), summary)}</summary>
            <ul>
                {move || points.get().into_iter().filter_map(|id| atlas.dataset.observation(&id)).map(|o| {
                    let lang = lang.get();
                    let id = o.id.clone();
                    let mut label = format!(
                        "{} · {} · {}: {}",
                        o.label(lang),
                        atlas.dataset.sector_name(o.sector.as_deref(), lang),
                        period_label(o, lang),
                        crate::format::value(o.value, o.unit, lang)
                    );
                    if o.region != BEIJING {
                        label = format!("{} · {label}", atlas.dataset.region_name(&o.region, lang));
                    }
                    if o.kind != Kind::Actual {
                        label = format!("{label} ({})", crate::format::kind(o.kind, lang));
                    }
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
