//! The dated facts as a timeline: policies, zones and rankings, each with its source one click away.

use super::{tr, use_atlas};
use crate::model::{Fact, Lang};
use leptos::prelude::*;

#[component]
pub fn Timeline(#[prop(into)] facts: Signal<Vec<&'static crate::model::Fact>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <Show when=move || !facts.read().is_empty()>
            <section class="timeline" aria-labelledby=move || heading_id(&facts.read())>
                <h3 id=move || heading_id(&facts.read())>{move || tr(lang.get(), "timeline.title")}</h3>
                <ol>
                    {move || facts.get().into_iter().map(|fact| fact_item(atlas, fact, lang.get())).collect_view()}
                </ol>
            </section>
        </Show>
    }
}

/// Unique per list, so the overview's and a step's timelines can share a page.
fn heading_id(facts: &[&Fact]) -> String {
    format!("timeline-{}", facts.first().map_or("none", |f| f.id.as_str()))
}

fn fact_item(atlas: super::Atlas, fact: &'static Fact, lang: Lang) -> impl IntoView {
    let id = fact.id.clone();
    let text = fact.text(lang);
    view! {
        <li>
            <time datetime=fact.date.clone()>{fact.date.clone()}</time>
            <p lang=text.html_lang>{text.text}{text.note.map(|note| view! { <span class="badge">{note}</span> })}</p>
            <button type="button" class="link-button" aria-label=format!("{} — {}", tr(lang, "ui.source_of"), fact.date)
                on:click=move |_| atlas.source.set(Some(id.clone()))>
                {tr(lang, "ui.source")} " ↗"
            </button>
        </li>
    }
}
