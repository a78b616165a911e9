//! The header's search box: one combobox (WAI-ARIA combobox pattern with a listbox popup). Typing
//! lists the matches `query::search` finds, each with its kind; ↓ and ↑ move through them, Enter
//! opens the chosen one (a profile, or the trends view on an indicator or on the figure a query
//! such as "haidian gdp" asks for, listed first with its value and year), Escape closes the list.
//! "No match" is announced.

use super::{tr, use_atlas, History};
use crate::model::Dataset;
use crate::query::search::{is_blank, Hit, SearchIndex};
use crate::state::actions::{chosen, escape, next_active, Escape, ListKey};
use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use std::sync::OnceLock;

const LIMIT: usize = 8;
const LIST_ID: &str = "search-results";

fn index(dataset: &'static Dataset) -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(dataset))
}

fn option_id(i: usize) -> String {
    format!("search-option-{i}")
}

/// `input_ref` lets the header's search button focus the box; `on_close` runs on Escape in an
/// empty box (the phone header hides the box again).
#[component]
pub fn SearchBox(
    #[prop(optional)] input_ref: NodeRef<html::Input>,
    #[prop(optional)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // A blank box finds nothing (`search::is_blank`) and so needs no index: the index is built
    // when the reader reaches the box (focus), not while the page starts (issue 26).
    let hits = Memo::new(move |_| {
        let query = query.read();
        if is_blank(&query) { Vec::new() } else { index(dataset).search_with_figure(dataset, &query, LIMIT) }
    });
    let expanded = move || open.get() && !query.read().trim().is_empty();
    let choose = move |hit: &Hit| {
        let next = hit.target(dataset, &atlas.view_state.get_untracked());
        query.set(String::new());
        open.set(false);
        active.set(None);
        atlas.set(next, History::Push);
    };
    // Which result a key highlights or opens is `state::actions`' (host-tested); here, the event.
    let on_keydown = move |ev: KeyboardEvent| {
        let n = hits.read_untracked().len();
        let key = ev.key();
        match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                let key = if key == "ArrowDown" { ListKey::Down } else { ListKey::Up };
                active.set(next_active(active.get_untracked(), key, n));
            }
            "Enter" => {
                let hit = chosen(active.get_untracked(), n).and_then(|i| hits.read_untracked().get(i).cloned());
                if let Some(hit) = hit {
                    ev.prevent_default();
                    choose(&hit);
                }
            }
            // Each use of Escape here marks it handled, so page-wide Escape (the source panel)
            // waits for the next one.
            "Escape" => match escape(open.get_untracked(), &query.read_untracked()) {
                Escape::CloseList => {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                }
                Escape::ClearQuery => {
                    ev.prevent_default();
                    query.set(String::new());
                }
                Escape::CloseBox => {
                    if let Some(on_close) = on_close {
                        ev.prevent_default();
                        on_close.run(());
                    }
                }
            },
            _ => {}
        }
    };
    let status = move || {
        let lang = lang.get();
        if query.read().trim().is_empty() {
            String::new()
        } else if hits.read().is_empty() {
            tr(lang, "search.no_match")
        } else {
            crate::format::counted(lang, "search.count", hits.read().len())
        }
    };
    view! {
        <div class="search" role="search">
            <label for="search-input" class="visually-hidden">{move || tr(lang.get(), "search.label")}</label>
            <input id="search-input" node_ref=input_ref type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=LIST_ID aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || if expanded() { active.get().map(option_id) } else { None }
                placeholder=move || tr(lang.get(), "search.placeholder")
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); open.set(true); active.set(None); }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
                on:focus=move |_| { index(dataset); open.set(true); } />
            <ul id=LIST_ID role="listbox" class="search-results" aria-label=move || tr(lang.get(), "search.results") hidden=move || !expanded() || hits.read().is_empty()>
                {move || hits.get().into_iter().enumerate().map(|(i, hit)| {
                    let lang = lang.get();
                    let label = hit.label(dataset, lang);
                    let kind = tr(lang, hit.kind.label_key());
                    // A figure's answer: its value and year, the figure itself before any name.
                    let value = hit.figure_value(dataset, lang);
                    let figure_class = if value.is_some() { "search-option search-figure" } else { "search-option" };
                    let selected = move || (active.get() == Some(i)).to_string();
                    let chosen = hit.clone();
                    view! {
                        <li id=option_id(i) role="option" aria-selected=selected class=figure_class
                            // mousedown, not click: the input's blur would close the list first.
                            on:mousedown=move |ev| { ev.prevent_default(); choose(&chosen); }>
                            <span class="search-name">{label}{value.map(|v| view! { <strong class="search-value">{v}</strong> })}</span>
                            <span class="search-kind">{kind}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="search-none" hidden=move || !expanded() || !hits.read().is_empty()>{move || tr(lang.get(), "search.no_match")}</p>
            <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
        </div>
    }
}
