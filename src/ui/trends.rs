//! The trends and sectors views: a line chart over years and a bar chart across sectors. What
//! they draw is decided in `charts::views`; these components render it and wire the clicks.

use super::widgets::{open_source, view_chart_csv, EmptyState, SectorProfileLinks, SourceButtons};
use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, EChart};
use crate::charts::{bar_points, compared_sectors, sectors_chart_height, sectors_note, sectors_option, TrendData};
use crate::query;
use crate::state::Scale;
use leptos::prelude::*;

#[component]
pub fn TrendsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let data = Memo::new(move |_| TrendData::with_indicator(atlas.dataset, &atlas.view_state.read(), atlas.shown.read().indicator.clone()));
    let option = Signal::derive(move || data.read().option(&atlas.look()));
    let empty = Memo::new(move |_| data.read().series.is_empty());
    let indexed = Memo::new(move |_| atlas.view_state.read().scale == Scale::Index);
    // A filter change that made the chart switch measure is said, until the next change.
    let switched = RwSignal::new(None::<query::switch::MeasureSwitch>);
    Effect::new(move |before: Option<crate::state::ViewState>| {
        let now = atlas.view_state.get();
        if let Some(before) = before {
            switched.set(query::switch::measure_switch(atlas.dataset, &before, &now));
        }
        now
    });
    let gap = Memo::new(move |_| query::switch::sector_gap(atlas.dataset, &atlas.view_state.read()));
    let side_by_side = move || atlas.href(&crate::state::ViewState { view: crate::state::View::Sectors, indicator: None, ..atlas.view_state.get() });
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.trends")}</h2>
            <div role="status" class="trend-notices" aria-live="polite">
                {move || switched.get().map(|s| view! { <p class="notice measure-switch">{s.message(atlas.dataset, lang.get())}</p> })}
                {move || gap.get().map(|gap| view! {
                    <div class="notice sector-gap">
                        <p>{gap.message(atlas.dataset, lang.get())}</p>
                        <ul>{gap.measure_lines(atlas.dataset, lang.get()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        <p><a href=side_by_side>{tr(lang.get(), "trends.side_by_side")} " →"</a></p>
                    </div>
                })}
            </div>
            <ScaleToggle />
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="trend" on_click=open_source(atlas) download_label=Signal::derive(move || tr(lang.get(), "ui.download_png"))
                    csv=view_chart_csv(atlas, "trend") />
                <Show when=move || indexed.get()>
                    <p class="chart-note index-note">
                        {move || tr(lang.get(), "trends.index_note")}
                        {move || data.read().index_notes(lang.get()).into_iter().map(|note| format!(" {note}.")).collect::<String>()}
                    </p>
                </Show>
                <p class="chart-note">{move || data.read().note(lang.get())}</p>
                <SectorProfileLinks sectors=Signal::derive(move || data.read().sectors()) />
                <SourceButtons points=Signal::derive(move || data.read().points()) />
            </Show>
        </section>
    }
}

/// Published values or indexed growth (`scale`): two radio buttons.
#[component]
fn ScaleToggle() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let scale = Memo::new(move |_| atlas.view_state.read().scale);
    let choice = move |value: Scale, key: &'static str| {
        view! {
            <label class="scale-option">
                <input type="radio" name="scale" value=value.id() prop:checked=move || scale.get() == value
                    on:change=move |_| atlas.update(History::Push, |s| s.scale = value) />
                <span>{move || tr(lang.get(), key)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="scale-toggle">
            <legend>{move || tr(lang.get(), "trends.scale")}</legend>
            {choice(Scale::Values, "trends.values")}
            {choice(Scale::Index, "trends.indexed")}
        </fieldset>
    }
}

#[component]
pub fn SectorsView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let comparison = Memo::new(move |_| query::comparison(atlas.dataset, &atlas.view_state.get()));
    let option = Signal::derive(move || sectors_option(&atlas.look(), &atlas.view_state.get(), &comparison.read()));
    let empty = Memo::new(move |_| comparison.read().year.is_none());
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.sectors")}</h2>
            <Show when=move || !empty.get() fallback=move || view! { <EmptyState /> }>
                <EChart option=option name="sectors" on_click=sectors_click(atlas, comparison) download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) class="tall"
                    csv=view_chart_csv(atlas, "sectors")
                    height=Signal::derive(move || sectors_chart_height(&comparison.read())) />
                <p class="chart-note">{move || tr(lang.get(), sectors_note(&comparison.read()))}</p>
                <SectorProfileLinks sectors=Signal::derive(move || compared_sectors(&comparison.read())) />
                <SourceButtons points=Signal::derive(move || bar_points(&comparison.read())) />
            </Show>
        </section>
    }
}

/// A click on the ladder opens the cell's source, as on every chart; on a bar or a panel it
/// narrows the filter to that sector, whose source stays one more click away.
fn sectors_click(atlas: Atlas, comparison: Memo<query::Comparison>) -> Callback<ChartClick> {
    let (open, narrow) = (open_source(atlas), narrow_to_sector(atlas));
    Callback::new(move |click: ChartClick| {
        if comparison.read_untracked().ladder.is_some() { open.run(click) } else { narrow.run(click) }
    })
}

/// Clicking a bar narrows the filter to that sector; its source stays one more click away.
pub fn narrow_to_sector(atlas: Atlas) -> Callback<ChartClick> {
    Callback::new(move |click: ChartClick| {
        if let Some(sector) = click.sector {
            atlas.update(History::Push, |s| s.sectors = vec![sector]);
        }
    })
}
