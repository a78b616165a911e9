//! The table: the filtered figures, sortable by column, with their sources, and the same rows as CSV.

use super::{tr, use_atlas};
use crate::bridge::download_text;
use crate::format::period_label;
use crate::format;
use crate::model::Observation;
use crate::query::table::{aria_sort, sort_rows, table_rows, to_csv, Column, Sort};
use crate::query::{self, Filter};
use leptos::prelude::*;

#[component]
pub fn TableView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let sort = RwSignal::new(None::<Sort>);
    let rows = Memo::new(move |_| {
        let state = atlas.view_state.get();
        let mut rows: Vec<&'static Observation> = query::filter(dataset, &Filter::with_indicator(&state, dataset, atlas.shown.read().indicator.clone()));
        if let Some(sort) = sort.get() {
            sort_rows(dataset, &mut rows, sort, state.lang);
        }
        rows
    });
    // Grouped once per change of rows (an O(n²) grouping), for both the count and the body.
    let grouped = Memo::new(move |_| table_rows(dataset, &rows.read()));
    let download_failed = RwSignal::new(None::<String>);
    // The CSV carries every quote and note: it waits for the texts if they have not arrived.
    // The rows and language are read before that wait: the reader may switch views meanwhile,
    // and a memo of a view that is gone cannot be read (code review P1: the page died).
    let download = move |_| {
        let (rows, lang) = (rows.get_untracked(), lang.get_untracked());
        leptos::task::spawn_local(async move {
            let result = atlas.texts_ready().await.and_then(|texts| {
                let csv = to_csv(dataset, texts, &rows, lang);
                download_text(&csv, "beijing-atlas-figures.csv", "text/csv;charset=utf-8")
            });
            download_failed.set(result.err());
        });
    };
    let header = move |column: Column| {
        let label = move || tr(lang.get(), &format!("table.{}", column.id()));
        let aria_sort = move || aria_sort(sort.get(), column);
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|s| *s = Some(Sort::after_click(*s, column)))>{label}</button>
            </th>
        }
    };
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.table")}</h2>
            <div class="table-tools">
                <p class="row-count">{move || format::counted(lang.get(), "table.figure_count", grouped.read().len())}</p>
                <button type="button" on:click=download disabled=move || rows.read().is_empty()>{move || tr(lang.get(), "table.download_csv")}</button>
            </div>
            // The failure's own words are English: kept in `data-error`, not shown.
            {move || download_failed.get().map(|err| view! { <p role="status" class="notice" data-error=err>{move || tr(lang.get(), "ui.download_failed")}</p> })}
            <Show when=move || !rows.read().is_empty() fallback=move || view! { <super::widgets::EmptyState /> }>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-caption">
                    <table>
                        <caption id="table-caption">{move || tr(lang.get(), "table.caption")}</caption>
                        <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                        <tbody>
                            {move || {
                                let lang = lang.get();
                                grouped.get().into_iter().map(|row| {
                                    let o = row.observation;
                                    let best = row.sources.first().copied().unwrap_or(o);
                                    let id = best.id.clone();
                                    let source = dataset.source_of(best);
                                    let n = row.n_sources();
                                    let count = (n > 1).then(|| view! { " " <span class="source-count">{format!("+{} ({n} {})", n - 1, tr(lang, "table.sources"))}</span> });
                                    view! {
                                        <tr>
                                            // On a phone the value also sits under the name, in view (the Value column is off to the right).
                                            <td>{o.label(lang).to_string()}<span class="row-value" aria-hidden="true">{format::figure(o, lang)}{(o.kind != crate::model::Kind::Actual).then(|| view! { " " <span class="badge">{format::kind(o.kind, lang)}</span> })}</span></td>
                                            <td>{super::links::profile_cell(atlas, o.sector.as_deref().map(crate::state::ProfileSubject::Sector), crate::format::sector_name(dataset, o.sector.as_deref(), lang))}</td>
                                            <td>{super::links::profile_cell(atlas, crate::state::ProfileSubject::of_region(dataset, &o.region), dataset.region_name(&o.region, lang))}</td>
                                            <td>{period_label(o, lang)}</td>
                                            <td class="num">{format::figure(o, lang)}</td>
                                            <td>{format::unit_name(o.unit, lang)}</td>
                                            <td>{format::kind(o.kind, lang)}</td>
                                            <td><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{source.publisher.clone()}</button>{count}</td>
                                        </tr>
                                    }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
