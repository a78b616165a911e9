//! Every source the Atlas cites, with how many figures each backs and how far to trust it.

use super::{tr, use_atlas};
use crate::format;
use crate::model::Confidence;
use crate::query::sources::{sorted_sources, SourceSort};
use leptos::prelude::*;

#[component]
pub fn SourcesView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let sort = RwSignal::new(SourceSort::default());
    let counts = move |confidence: Confidence| dataset.sources.iter().filter(|s| s.confidence == confidence).count();
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.sources")}</h2>
            <p class="lede">
                {move || {
                    let lang = lang.get();
                    format!(
                        "{} · {} · {}: {}, {}, {}",
                        format::counted(lang, "sources.n_figures", dataset.observations.len()),
                        format::counted(lang, "sources.n_sources", dataset.sources.len()),
                        tr(lang, "sources.confidence"),
                        format::counted(lang, "sources.n_official", counts(Confidence::Official)),
                        format::counted(lang, "sources.n_media", counts(Confidence::Media)),
                        format::counted(lang, "sources.n_third_party", counts(Confidence::ThirdParty)),
                    )
                }}
            </p>
            <p>{move || tr(lang.get(), "sources.caveat")}</p>
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
