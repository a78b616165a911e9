//! The source of one figure: publisher, date, link, the verbatim quote, the note, and any other
//! source that gives the same point; or of one dated fact. Opened from every chart point, card,
//! table row and timeline entry.

use super::{text_or_ellipsis, tr, use_atlas, with_texts, Atlas};
use crate::model::{Dataset, Fact, Lang, Observation};
use crate::state::ViewState;
use crate::format::period_label;
use crate::format;
use crate::bridge;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// Where the panel (`min(100vw, 440px)` wide) covers the page, so it is modal.
const COVERS_SCREEN: &str = "(max-width: 600px)";

#[component]
pub fn SourcePanel() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let close_button = NodeRef::<html::Button>::new();
    // Where focus was when the panel opened (a chart's source button, a table row): it goes back
    // there when the panel closes, not to <body>.
    let opener = StoredValue::new_local(bridge::FocusReturn::default());
    // Where the panel covers the screen (phones) it is modal: the page behind it is inert.
    let modal = RwSignal::new(false);
    // Whether this panel's entry is on the inert stack: released on close or, should the panel
    // unmount while open, on cleanup.
    let inert_applied = StoredValue::new(false);
    // Focus moves into the panel when it opens, so keyboard and screen-reader users land on it.
    Effect::new(move |was: Option<Option<String>>| {
        let shown = atlas.source.get();
        let open = shown.is_some();
        let was_open = was.as_ref().is_some_and(Option::is_some);
        if open && !was_open {
            opener.set_value(bridge::FocusReturn::capture());
            modal.set(bridge::media_matches(COVERS_SCREEN));
            if modal.get_untracked() {
                bridge::set_inert_except(".app", ".source-panel", true);
                inert_applied.set_value(true);
            }
        } else if open && was.flatten() != shown {
            // Another figure's source, opened from the page while the panel is open (another
            // card, table row or chart point): focus goes back to that one on close. One opened
            // from inside the panel ("other sources", which re-renders it and drops the focus
            // to <body>) keeps the first opener.
            let outside = bridge::FocusReturn::capture_outside(".source-panel");
            if outside.is_some() {
                opener.set_value(outside);
            }
        }
        if open {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        }
        if !open && was_open {
            if inert_applied.get_value() {
                bridge::set_inert_except(".app", ".source-panel", false);
                inert_applied.set_value(false);
            }
            opener.with_value(bridge::FocusReturn::restore);
        }
        shown
    });
    // The panel lives as long as the page today; should it ever unmount while open over the
    // screen, its entry must not leave the page inert for good.
    on_cleanup(move || {
        if inert_applied.try_get_value() == Some(true) {
            bridge::set_inert_except(".app", ".source-panel", false);
        }
    });
    let close = move || atlas.source.set(None);
    // The panel belongs to the page it was opened on: another view, filter or step, and Back or
    // Forward, close it. A change of language keeps it (it is re-worded), and a `figure` link
    // opens its own panel.
    let page = Memo::new(move |_| {
        let state = atlas.view_state.read();
        ViewState { figure: None, lang: Lang::default(), ..state.clone() }
    });
    Effect::new(move |previous: Option<ViewState>| {
        let now = page.get();
        let figure_link = atlas.view_state.with_untracked(|state| state.figure.is_some());
        if previous.is_some_and(|previous| previous != now) && !figure_link {
            close();
        }
        now
    });
    // Escape closes the panel wherever focus is, as long as it is open and no control took the
    // key first (the search box closing its list, a picker folding): those mark it handled.
    let escape = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && atlas.source.get_untracked().is_some() {
            ev.prevent_default();
            close();
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        {move || atlas.source.get().and_then(|id| {
            let lang = lang.get();
            let body = match dataset.observation(&id) {
                Some(o) => observation_body(atlas, o, lang).into_any(),
                None => fact_body(dataset, dataset.facts.iter().find(|f| f.id == id)?, lang).into_any(),
            };
            Some(view! {
                <aside class="source-panel" role="dialog" aria-modal=move || if modal.get() { "true" } else { "false" } aria-labelledby="source-title">
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
        {figure_link_and_cite(atlas, o, lang)}
    }
}

/// "Copy link to this figure", and "Cite": the original source, the Atlas with the figure's link,
/// and BibTeX (`query::cite`), each with a copy button. The accessed date is the dataset's build
/// date.
fn figure_link_and_cite(atlas: Atlas, o: &'static Observation, lang: Lang) -> impl IntoView {
    let link = atlas.figure_link(&o.id);
    let copied = RwSignal::new(None::<&'static str>);
    let copy_link = {
        let link = link.clone();
        move |_| copy(link.clone(), "source.figure_link_copied", copied)
    };
    view! {
        <p class="figure-link">
            <button type="button" on:click=copy_link>{tr(lang, "source.copy_figure_link")}</button>
        </p>
        <details class="cite">
            <summary>{tr(lang, "cite.heading")}</summary>
            {with_texts(move |texts| {
                let citation = crate::query::cite::figure_citation(atlas.dataset, texts, o, &link, crate::DATASET_BUILT, lang);
                view! {
                    {citation_block(lang, "cite.source", citation.source, copied)}
                    {citation_block(lang, "cite.atlas", citation.atlas, copied)}
                    {citation_block(lang, "cite.bibtex", citation.bibtex, copied)}
                    <p class="source-note">{crate::format::tr_with(lang, "cite.accessed_note", &[("date", crate::DATASET_BUILT)])}</p>
                }.into_any()
            })}
        </details>
        <p class="copy-status" role="status">{move || copied.get().map(|key| tr(lang, key))}</p>
    }
}

/// One way to cite, as text to read and a button that copies it; `copied` names what was.
pub(super) fn citation_block(lang: Lang, key: &'static str, text: String, copied: RwSignal<Option<&'static str>>) -> impl IntoView {
    let what = tr(lang, key);
    let label = crate::format::tr_with(lang, "cite.copy_named", &[("what", &what)]);
    let copy_text = text.clone();
    view! {
        <div class="citation">
            <h3>{what}</h3>
            <pre class="citation-text" lang="">{text}</pre>
            <button type="button" aria-label=label on:click=move |_| copy(copy_text.clone(), "cite.copied", copied)>{tr(lang, "cite.copy")}</button>
        </div>
    }
}

/// Copies text and says whether it worked.
pub(super) fn copy(text: String, done: &'static str, copied: RwSignal<Option<&'static str>>) {
    copied.set(None);
    leptos::task::spawn_local(async move {
        let ok = crate::bridge::copy_text(&text).await;
        copied.set(Some(if ok { done } else { "ui.copy_failed" }));
    });
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
