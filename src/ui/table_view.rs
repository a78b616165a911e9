//! The table: the filtered figures, sortable by column, with their sources, and the same rows as CSV.

use super::{tr, use_atlas};
use crate::bridge::download_text;
use crate::charts::period_label;
use crate::format;
use crate::model::Observation;
use crate::query::table::{sort_rows, to_csv, Column, Sort};
use crate::query::{self, Filter};
use leptos::prelude::*;

#[component]
pub fn TableView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let sort = RwSignal::new(Sort::default());
    let rows = Memo::new(move |_| {
        let state = atlas.view_state.get();
        let mut rows: Vec<&'static Observation> = query::filter(dataset, &Filter::from_state(&state, dataset));
        if sort.get() != Sort::default() {
            sort_rows(dataset, &mut rows, sort.get(), state.lang);
        }
        rows
    });
    let download = move |_| {
        let csv = to_csv(dataset, &rows.get_untracked(), lang.get_untracked());
        download_text(&csv, "beijing-atlas-figures.csv", "text/csv;charset=utf-8");
    };
    let header = move |column: Column| {
        let label = move || tr(lang.get(), &format!("table.{}", column.id()));
        let aria_sort = move || {
            let s = sort.get();
            if s.column != column { "none" } else if s.descending { "descending" } else { "ascending" }
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|s| {
                    *s = if s.column == column { Sort { column, descending: !s.descending } } else { Sort { column, descending: false } };
                })>{label}</button>
            </th>
        }
    };
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.table")}</h2>
            <div class="table-tools">
                <p class="row-count">{move || format!("{} {}", rows.read().len(), tr(lang.get(), "table.rows"))}</p>
                <button type="button" on:click=download disabled=move || rows.read().is_empty()>{move || tr(lang.get(), "table.download_csv")}</button>
            </div>
            <Show when=move || !rows.read().is_empty() fallback=move || view! { <super::trends::EmptyState /> }>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-caption">
                    <table>
                        <caption id="table-caption">{move || tr(lang.get(), "table.caption")}</caption>
                        <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                        <tbody>
                            {move || {
                                let lang = lang.get();
                                rows.get().into_iter().map(|o| {
                                    let id = o.id.clone();
                                    let source = dataset.source_of(o);
                                    view! {
                                        <tr>
                                            <td>{o.label(lang).to_string()}</td>
                                            <td>{super::profile::profile_cell(atlas, o.sector.as_deref().map(crate::state::ProfileSubject::Sector), dataset.sector_name(o.sector.as_deref(), lang))}</td>
                                            <td>{super::profile::profile_cell(atlas, super::profile::region_subject(dataset, &o.region), dataset.region_name(&o.region, lang))}</td>
                                            <td>{period_label(o, lang)}</td>
                                            <td class="num">{format::value(o.value, o.unit, lang)}</td>
                                            <td>{format::unit_name(o.unit, lang)}</td>
                                            <td>{format::kind(o.kind, lang)}</td>
                                            <td><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{source.publisher.clone()}</button></td>
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
