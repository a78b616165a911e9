//! Every source the Atlas cites, with how many figures each backs and how far to trust it.

use super::{tr, use_atlas};
use crate::format;
use super::source_panel::citation_block;
use crate::model;
use crate::query::cite::dataset_citation;
use crate::query::sources::{sorted_sources, sources_summary, SourceSort};
use leptos::prelude::*;

#[component]
pub fn SourcesView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let sort = RwSignal::new(SourceSort::default());
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.sources")}</h2>
            <p class="lede">
                {move || sources_summary(dataset, lang.get())}
            </p>
            <p>{move || tr(lang.get(), "sources.caveat")}</p>
            <TakeTheData />
            <label class="select">
                <span>{move || tr(lang.get(), "sources.sort")}</span>
                <select name="source-sort" on:change=move |ev| sort.set(SourceSort::from_id(&event_target_value(&ev)))>
                    {SourceSort::ALL.into_iter().map(|option| view! {
                        <option value=option.id() selected=move || sort.get() == option>{move || tr(lang.get(), &format!("sources.sort_{}", option.id()))}</option>
                    }).collect_view()}
                </select>
            </label>
            // One line says the titles are on their way, not one per source.
            {super::with_texts(move |texts| view! {
                <ol class="source-list">
                    {
                        let lang = lang.get();
                        sorted_sources(dataset, sort.get()).into_iter().map(|(index, source)| {
                            let title = texts.source_title(index).to_string();
                            view! {
                                <li>
                                    <span class="source-publisher">{source.publisher.clone()}</span>
                                    " · " {source.published.clone()} " · "
                                    <span class=format!("badge {}", source.confidence.id())>{format::confidence(source.confidence, lang)}</span>
                                    <br />
                                    {if source.is_web_link() {
                                        view! { <a href=source.url.clone() target="_blank" rel="noopener noreferrer">{title}</a> }.into_any()
                                    } else {
                                        view! { <span>{title}</span> }.into_any()
                                    }}
                                    <span class="source-count">{format!(" — {}", format::counted(lang, "sources.n_figures", source.n_figures))}</span>
                                </li>
                            }
                        }).collect_view()
                    }
                </ol>
            }.into_any())}
        </section>
    }
}

/// The whole dataset to download (the zip and the data package beside the page, `data/`), how to
/// open it, and how to cite it.
#[component]
fn TakeTheData() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let copied = RwSignal::new(None::<&'static str>);
    view! {
        <section class="take-data" aria-labelledby="take-data-title">
            <h3 id="take-data-title">{move || tr(lang.get(), "data.heading")}</h3>
            <ul>
                <li><a href=format!("data/{}", model::open_data::ZIP) download="">{move || tr(lang.get(), "data.zip")}</a></li>
                <li><a href="data/datapackage.json" type="application/json">{move || tr(lang.get(), "data.package")}</a></li>
            </ul>
            <p>{move || super::widgets::text_with_code(tr(lang.get(), "data.how"))}</p>
            <details class="cite">
                <summary>{move || tr(lang.get(), "cite.heading")}</summary>
                {move || {
                    let lang = lang.get();
                    let citation = dataset_citation(atlas.dataset, &atlas.data_url(model::open_data::ZIP), crate::DATASET_BUILT, lang);
                    view! {
                        {citation_block(lang, "cite.dataset", citation.reference, copied)}
                        {citation_block(lang, "cite.bibtex", citation.bibtex, copied)}
                        <p class="source-note">{crate::format::tr_with(lang, "cite.accessed_note", &[("date", crate::DATASET_BUILT)])}</p>
                    }
                }}
            </details>
            <p class="copy-status" role="status">{move || copied.get().map(|key| tr(lang.get(), key))}</p>
        </section>
    }
}
