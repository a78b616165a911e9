//! The source of one figure: publisher, date, link, the verbatim quote, the note, and any other
//! source that gives the same point. Opened from every chart point, card and table row.

use super::{tr, use_atlas};
use crate::charts::period_label;
use crate::format;
use crate::model::{Dataset, Observation};
use leptos::html;
use leptos::prelude::*;

/// Other observations of the same indicator, sector, region and year: sources that agree or differ.
fn same_point<'d>(dataset: &'d Dataset, observation: &Observation) -> Vec<&'d Observation> {
    dataset
        .observations
        .iter()
        .filter(|o| {
            o.id != observation.id
                && o.indicator == observation.indicator
                && o.sector == observation.sector
                && o.region == observation.region
                && o.year == observation.year
                && o.kind == observation.kind
        })
        .collect()
}

#[component]
pub fn SourcePanel() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let close_button = NodeRef::<html::Button>::new();
    // Focus moves into the panel when it opens, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        if atlas.source.get().is_some() {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
    });
    let close = move || atlas.source.set(None);
    view! {
        {move || atlas.source.get().and_then(|id| dataset.observation(&id)).map(|o| {
            let lang = lang.get();
            let source = dataset.source_of(o);
            let others = same_point(dataset, o);
            let link = source.is_web_link().then(|| source.url.clone());
            view! {
                <aside class="source-panel" role="dialog" aria-modal="false" aria-labelledby="source-title"
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                    <div class="source-head">
                        <h2 id="source-title">{tr(lang, "source.title")}</h2>
                        <button type="button" node_ref=close_button class="icon-button" aria-label=tr(lang, "ui.close") on:click=move |_| close()>"×"</button>
                    </div>
                    <p class="source-figure">
                        <strong>{o.label(lang).to_string()}</strong>
                        {format!(" · {} · {} · {}", dataset.sector_name(o.sector.as_deref(), lang), dataset.region_name(&o.region, lang), period_label(o, lang))}
                    </p>
                    <p class="source-value">{format::value(o.value, o.unit, lang)} <span class="badge">{format::kind(o.kind, lang)}</span></p>
                    <p class="source-published">{tr(lang, "source.as_published")} ": " {format::published(o.value, o.unit, lang)}</p>
                    <blockquote class="quote" lang="">{o.quote.clone()}</blockquote>
                    {o.note.clone().map(|note| view! { <p class="source-note"><strong>{tr(lang, "source.note")} ": "</strong>{note}</p> })}
                    <dl class="source-meta">
                        <dt>{tr(lang, "source.publisher")}</dt><dd>{source.publisher.clone()}</dd>
                        <dt>{tr(lang, "source.published")}</dt><dd>{source.published.clone()}</dd>
                        <dt>{tr(lang, "source.page")}</dt><dd>{source.title.clone()}</dd>
                        <dt>{tr(lang, "source.confidence")}</dt><dd>{format::confidence(source.confidence, lang)}</dd>
                    </dl>
                    {match link {
                        Some(url) => view! { <a class="source-link" href=url.clone() target="_blank" rel="noopener noreferrer">{tr(lang, "source.open")} " ↗"</a> }.into_any(),
                        None => view! { <p class="source-note">{tr(lang, "source.seed_only")}</p> }.into_any(),
                    }}
                    {(!others.is_empty()).then(|| view! {
                        <div class="conflict">
                            <h3>{tr(lang, "source.other_sources")}</h3>
                            <ul>
                                {others.iter().map(|other| {
                                    let id = other.id.clone();
                                    let text = format!("{} — {}", format::value(other.value, other.unit, lang), dataset.source_of(other).publisher);
                                    view! { <li><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{text}</button></li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                </aside>
            }
        })}
    }
}
