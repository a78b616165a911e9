//! The source of one figure: publisher, date, link, the verbatim quote, the note, and any other
//! source that gives the same point; or of one dated fact. Opened from every chart point, card,
//! table row and timeline entry.

use super::{text_or_ellipsis, tr, use_atlas, with_texts, Atlas};
use crate::model::{Dataset, Fact, Lang, Observation};
use crate::format::period_label;
use crate::format;
use leptos::html;
use leptos::prelude::*;

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
        {move || atlas.source.get().and_then(|id| {
            let lang = lang.get();
            let body = match dataset.observation(&id) {
                Some(o) => observation_body(atlas, o, lang).into_any(),
                None => fact_body(dataset, dataset.facts.iter().find(|f| f.id == id)?, lang).into_any(),
            };
            Some(view! {
                <aside class="source-panel" role="dialog" aria-modal="false" aria-labelledby="source-title"
                    on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                    <div class="source-head">
                        <h2 id="source-title">{tr(lang, "source.title")}</h2>
                        <button type="button" node_ref=close_button class="icon-button" aria-label=tr(lang, "ui.close") on:click=move |_| close()>"×"</button>
                    </div>
                    {body}
                </aside>
            })
        })}
    }
}

/// A figure: what, how much, the quote, the note, the source, and other sources of the same point.
fn observation_body(atlas: Atlas, o: &'static Observation, lang: Lang) -> impl IntoView {
    let dataset = atlas.dataset;
    let source = dataset.source_of(o);
    let others = dataset.point_sources(o);
    let link = source.is_web_link().then(|| source.url.clone());
    view! {
        <p class="source-figure">
            <strong>{o.label(lang).to_string()}</strong>
            {format!(" · {} · {} · {}", crate::format::sector_name(dataset, o.sector.as_deref(), lang), dataset.region_name(&o.region, lang), period_label(o, lang))}
        </p>
        <p class="source-value">{format::figure(o, lang)} <span class="badge">{format::kind(o.kind, lang)}</span>{o.revision().map(|r| view! { " " <span class="badge">{tr(lang, &format!("revision.{}", r.id()))}</span> })}</p>
        <p class="source-published">{tr(lang, "source.as_published")} ": " {format::published(o.value, o.unit, lang)}</p>
        {with_texts(move |texts| view! {
            <blockquote class="quote" lang="">{texts.quote(dataset, o).to_string()}</blockquote>
            {texts.note(dataset, o).map(|note| view! { <p class="source-note"><strong>{tr(lang, "source.note")} ": "</strong>{format::note(dataset, note)}</p> })}
        }.into_any())}
        <dl class="source-meta">
            <dt>{tr(lang, "source.publisher")}</dt><dd>{source.publisher.clone()}</dd>
            <dt>{tr(lang, "source.published")}</dt><dd>{source.published.clone()}</dd>
            <dt>{tr(lang, "source.page")}</dt><dd>{text_or_ellipsis(move |texts| texts.source_title(o.source).to_string())}</dd>
            <dt>{tr(lang, "source.confidence")}</dt><dd>{format::confidence(source.confidence, lang)}</dd>
        </dl>
        {match link {
            Some(url) => view! { <a class="source-link" href=url.clone() target="_blank" rel="noopener noreferrer">{tr(lang, "source.open")} " ↗"</a> }.into_any(),
            None => view! { <p class="source-note">{tr(lang, "source.seed_only")}</p> }.into_any(),
        }}
        {(!others.agreeing.is_empty()).then(|| other_sources(atlas, lang, "source.same_figure", "sources-agree", &others.agreeing))}
        {(!others.differing.is_empty()).then(|| other_sources(atlas, lang, "source.other_sources", "conflict", &others.differing))}
        {(!others.floors.is_empty()).then(|| other_sources(atlas, lang, "source.other_floors", "sources-floors", &others.floors))}
    }
}

/// Every other source of the point, each a button that opens its own panel.
fn other_sources(atlas: Atlas, lang: Lang, heading: &'static str, class: &'static str, others: &[&'static Observation]) -> impl IntoView {
    let dataset = atlas.dataset;
    view! {
        <div class=class>
            <h3>{tr(lang, heading)}</h3>
            <ul>
                {others.iter().map(|other| {
                    let id = other.id.clone();
                    let source = dataset.source_of(other);
                    let mut text = format!("{} — {} ({})", format::figure(other, lang), source.publisher, format::confidence(source.confidence, lang));
                    if let Some(revision) = other.revision() {
                        text.push_str(&format!(" · {}", tr(lang, &format!("revision.{}", revision.id()))));
                    }
                    view! { <li><button type="button" class="link-button" on:click=move |_| atlas.source.set(Some(id.clone()))>{text}</button></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// A dated fact: its date and text, the verbatim quote and where it was published.
fn fact_body(dataset: &'static Dataset, fact: &'static Fact, lang: Lang) -> impl IntoView {
    let text = fact.text(lang);
    let link = crate::model::is_web_link(&fact.source_url).then(|| fact.source_url.clone());
    view! {
        <p class="source-figure"><strong><time datetime=fact.date.clone()>{fact.date.clone()}</time></strong></p>
        <p lang=text.html_lang>{text.text}</p>
        {with_texts(move |texts| view! { <blockquote class="quote" lang="">{texts.fact_quote(dataset, fact).to_string()}</blockquote> }.into_any())}
        <dl class="source-meta">
            <dt>{tr(lang, "source.publisher")}</dt><dd>{fact.publisher.clone()}</dd>
            <dt>{tr(lang, "source.published")}</dt><dd>{fact.published.clone()}</dd>
        </dl>
        {match link {
            Some(url) => view! { <a class="source-link" href=url target="_blank" rel="noopener noreferrer">{tr(lang, "source.open")} " ↗"</a> }.into_any(),
            None => view! { <p class="source-note">{tr(lang, "source.seed_only")}</p> }.into_any(),
        }}
    }
}
