//! Widgets every view shares: the list of figures with a button to each source, the empty state
//! with its way back, and the chart click that opens a point's source.

use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, CsvButton};
use crate::format::{self, period_label, sector_name};
use crate::model::{Kind, BEIJING};
use crate::query;
use leptos::prelude::*;

/// Renders its children after the app's first paint, each instance in a task of its own: for what
/// is never in the first screen (the overview's milestones, the footer, the closed source panel),
/// so the mount that replaces index.html's shell stays short, and so do the tasks after it (issue
/// 26: each a few milliseconds, not one long task for all). Once the page has painted (a flag
/// page-wide, in the bridge), every later instance renders at once: the overview shown again by a
/// tab or Back has its milestones and footer in the same frame.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(crate::bridge::first_paint_done());
    if !shown.get_untracked() {
        leptos::task::spawn_local(async move {
            crate::bridge::after_first_paint().await;
            crate::bridge::next_task().await;
            shown.set(true);
        });
    }
    view! { <Show when=move || shown.get()>{children()}</Show> }
}

/// Opens the source panel for a clicked point.
pub fn open_source(atlas: Atlas) -> Callback<ChartClick> {
    Callback::new(move |click: ChartClick| {
        if let Some(obs) = click.obs {
            atlas.source.set(Some(obs));
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
                        sector_name(atlas.dataset, o.sector.as_deref(), lang),
                        period_label(o, lang),
                        format::figure(o, lang)
                    );
                    if o.region != BEIJING {
                        label = format!("{} · {label}", atlas.dataset.region_name(&o.region, lang));
                    }
                    if o.kind != Kind::Actual {
                        label = format!("{label} ({})", format::kind(o.kind, lang));
                    }
                    view! { <li><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{label}</button></li> }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// A filter with no figures: say so, and offer the way back.
#[component]
pub fn EmptyState() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let way_back = move |_| atlas.set(query::way_back(atlas.dataset, &atlas.view_state.get_untracked()), History::Push);
    view! {
        <div class="empty-state" role="status">
            <p>{move || tr(lang.get(), "empty.text")}</p>
            <button type="button" on:click=way_back>{move || tr(lang.get(), "empty.reset")}</button>
        </div>
    }
}

/// The chart's sectors as links to their profiles: the legend and the bars, for every reader.
#[component]
pub fn SectorProfileLinks(#[prop(into)] sectors: Signal<Vec<String>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <Show when=move || !sectors.read().is_empty()>
            <nav class="profile-links" aria-label=move || tr(lang.get(), "profile.chart_sectors")>
                <span>{move || tr(lang.get(), "profile.chart_sectors")} ": "</span>
                {move || sectors.get().into_iter().filter_map(|id| atlas.dataset.sector(&id)).map(|sector| {
                    let href = super::links::profile_href(&atlas, crate::state::ProfileSubject::Sector(&sector.id));
                    view! { <a href=href><span class="chip" style=format!("background:{}", sector.color) aria-hidden="true"></span>{sector.name(lang.get()).to_string()}</a> " " }
                }).collect_view()}
            </nav>
        </Show>
    }
}

/// A chart view's "CSV" button: the figures the chart draws for the current state
/// (`charts::chart_figures`, computed from the URL's state at the click, not from the view's memos).
pub fn view_chart_csv(atlas: Atlas, name: &str) -> CsvButton {
    chart_csv(atlas, name, move || crate::charts::chart_figures(atlas.dataset, &atlas.view_state.get_untracked()))
}

/// A chart's "CSV" button: the accessible name, and the download of the figures `figures` names
/// at the click, in the dataset's columns with each figure's source
/// (`model::open_data::observations_csv`). Everything is read before waiting for the quotes, so
/// switching views meanwhile is safe (code review P1).
pub fn chart_csv(
    atlas: Atlas,
    name: &str,
    figures: impl Fn() -> Vec<crate::model::ObsId> + Send + Sync + 'static,
) -> CsvButton {
    let label = Signal::derive(move || tr(atlas.lang.get(), "chart.download_csv"));
    let file = format!("beijing-atlas-{name}.csv");
    let save = Callback::new(move |failed: RwSignal<Option<String>>| {
        let dataset = atlas.dataset;
        let figures = figures();
        let file = file.clone();
        leptos::task::spawn_local(async move {
            let result = atlas.texts_ready().await.and_then(|texts| {
                let rows: Vec<&crate::model::Observation> = figures.iter().filter_map(|id| dataset.observation(id)).collect();
                // A byte-order mark, as the table's CSV has, so a spreadsheet opened by a
                // double-click shows the Chinese text; the columns are the dataset's.
                let csv = format!("\u{feff}{}", crate::model::open_data::observations_csv(dataset, texts, &rows, true));
                crate::bridge::download_text(&csv, &file, "text/csv;charset=utf-8")
            });
            failed.set(result.err());
        });
    });
    (label, save)
}

/// A sentence whose `backticked` parts are code (file names, a function call): shown as `<code>`,
/// marked as not to translate and, being identifiers, as English.
pub fn text_with_code(text: String) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_string();
            if i % 2 == 1 { view! { <code lang="en" translate="no">{part}</code> }.into_any() } else { part.into_any() }
        })
        .collect_view()
}

/// A link to a source page that opens in a new tab (`key` is its words), or, for a source known
/// only from a source article (`seed:`), a note saying so instead of a dead link.
pub fn source_link(url: &str, key: &str, lang: crate::model::Lang) -> AnyView {
    if crate::model::is_web_link(url) {
        view! { <p><a href=url.to_string() target="_blank" rel="noopener noreferrer">{tr(lang, key)} " ↗"</a></p> }.into_any()
    } else {
        view! { <p class="source-note">{tr(lang, "source.seed_only")}</p> }.into_any()
    }
}
