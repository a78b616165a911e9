//! The dated facts as a timeline: policies, zones and rankings, each with its source one click away.

use super::{tr, use_atlas};
use crate::model::{Fact, Lang};
use leptos::prelude::*;

/// With `latest`, a long list opens folded to its newest entries, with a button to show them all.
#[component]
pub fn Timeline(#[prop(into)] facts: Signal<Vec<&'static crate::model::Fact>>, #[prop(optional)] latest: Option<usize>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let expanded = RwSignal::new(false);
    let hidden = move || latest.map_or(0, |n| facts.read().len().saturating_sub(n));
    let list_id = move || format!("{}-list", heading_id(&facts.read()));
    view! {
        <Show when=move || !facts.read().is_empty()>
            <section class="timeline" aria-labelledby=move || heading_id(&facts.read())>
                <h3 id=move || heading_id(&facts.read())>{move || tr(lang.get(), "timeline.title")}</h3>
                <ol id=list_id>
                    {move || {
                        let skip = if expanded.get() { 0 } else { hidden() };
                        facts.get().into_iter().skip(skip).map(|fact| fact_item(atlas, fact, lang.get())).collect_view()
                    }}
                </ol>
                <Show when=move || { hidden() > 0 }>
                    <button type="button" class="link-button timeline-toggle" aria-controls=list_id aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|open| *open = !*open)>
                        {move || if expanded.get() {
                            tr(lang.get(), "timeline.show_latest")
                        } else {
                            super::tr_with(lang.get(), "timeline.show_all", &[("count", &facts.read().len().to_string())])
                        }}
                    </button>
                </Show>
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
            <p lang=text.html_lang>{text.text}{text.in_english.then(|| view! { <span class="badge">{tr(lang, "fact.in_english")}</span> })}</p>
            <button type="button" class="link-button" aria-label=super::tr_with(lang, "ui.source_of_title", &[("title", &fact.date)])
                on:click=move |_| atlas.source.set(Some(id.clone()))>
                {tr(lang, "ui.source")}
            </button>
        </li>
    }
}
