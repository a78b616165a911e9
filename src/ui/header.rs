//! The page chrome: title, search, language and theme switches, sharing, the view tabs and the
//! footer. On phones (the stylesheet) the title takes one line, search is behind a button and the
//! tabs scroll sideways.

use super::{tr, use_atlas, History};
use crate::bridge;
use crate::model::Lang;
use crate::state::{View, ViewState};
use leptos::ev::{self, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    // A language chosen here is the reader's choice, remembered for the next link without
    // `lang`; one a link or Back/Forward leads to is not (so it is stored here, not on change).
    let set_lang = move |next: Lang| {
        bridge::store_lang(next.code());
        atlas.update(History::Push, |s| s.lang = next);
    };
    // On phones the search box is behind a button (the stylesheet hides one or the other).
    let search_open = RwSignal::new(false);
    let search_toggle = NodeRef::<html::Button>::new();
    let search_input = NodeRef::<html::Input>::new();
    let open_search = move |_| {
        search_open.set(true);
        // Once the box is shown (the next frame), focus it.
        request_animation_frame(move || {
            if let Some(input) = search_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    let close_search = Callback::new(move |_: ()| {
        if search_open.get_untracked() {
            search_open.set(false);
            if let Some(button) = search_toggle.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    view! {
        <header class="site-header" class:search-open=move || search_open.get()>
            <div class="brand">
                <h1>{move || tr(lang.get(), "app.title")}</h1>
                <p class="tagline">{move || tr(lang.get(), "app.tagline")}</p>
            </div>
            <div class="header-controls">
                <button type="button" class="icon-button search-toggle" node_ref=search_toggle
                    aria-expanded=move || search_open.get().to_string() aria-controls="search-input"
                    aria-label=move || tr(lang.get(), "search.open") on:click=open_search>
                    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20"><circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" /></svg>
                </button>
                <super::search::SearchBox input_ref=search_input on_close=close_search />
                <div class="segmented" role="group" aria-label=move || tr(lang.get(), "ui.language")>
                    <button type="button" lang="en" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| set_lang(Lang::En)>"EN"</button>
                    <button type="button" lang="zh-CN" aria-pressed=move || (lang.get() == Lang::Zh).to_string() on:click=move |_| set_lang(Lang::Zh)>"中文"</button>
                </div>
                <button type="button" class="icon-button" aria-pressed=move || atlas.dark.get().to_string()
                    aria-label=move || tr(lang.get(), "ui.dark_theme")
                    on:click=move |_| { let dark = !atlas.dark.get_untracked(); atlas.dark.set(dark); bridge::store_theme(dark); }>
                    {move || if atlas.dark.get() { "☀" } else { "☾" }}
                </button>
                <Share />
            </div>
        </header>
    }
}

/// Share: the system's share sheet where the browser has one (`navigator.share`), with the
/// view's title and canonical link (`query::share_target`); elsewhere, or if the browser refuses,
/// a panel to copy the link or an `<iframe>` snippet. Escape or a press outside closes the panel.
#[component]
fn Share() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let absolute = move |state: &ViewState| {
        format!("{}{}", bridge::origin(), atlas.href(state))
    };
    let target = Memo::new(move |_| crate::query::share_target(atlas.dataset, &atlas.view_state.read()));
    let link = move || absolute(&target.read().state);
    let embed_snippet = move || {
        let state = ViewState { embed: true, ..target.get().state };
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>",
            absolute(&state).replace('&', "&amp;").replace('"', "&quot;"),
            tr(lang.get(), "app.title")
        )
    };
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            let ok = bridge::copy_text(&text).await;
            copied.set(Some(if ok { what } else { "ui.copy_failed" }));
        });
    };
    let button = NodeRef::<html::Button>::new();
    let panel = NodeRef::<html::Div>::new();
    let copy_button = NodeRef::<html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let show_panel = move || {
        copied.set(None);
        open.set(true);
        request_animation_frame(move || {
            if let Some(copy) = copy_button.get_untracked() {
                let _ = copy.focus();
            }
        });
    };
    let on_click = move |_| {
        if open.get_untracked() {
            return close();
        }
        if crate::query::share_way(bridge::can_share(), bridge::coarse_pointer()) == crate::query::ShareWay::Panel {
            return show_panel();
        }
        let target = target.get_untracked();
        let (title, url) = (target.title.clone(), absolute(&target.state));
        leptos::task::spawn_local(async move {
            if bridge::share_link(&title, &url).await == bridge::Shared::Refused {
                show_panel();
                copied.set(Some("ui.share_failed"));
            }
        });
    };
    let outside = window_event_listener(ev::pointerdown, move |ev| {
        let inside = |node: NodeRef<html::Div>| node.get_untracked().is_some_and(|el| bridge::event_inside(&ev, &el));
        let on_button = button.get_untracked().is_some_and(|el| bridge::event_inside(&ev, &el));
        if open.get_untracked() && !inside(panel) && !on_button {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <div class="share" on:keydown=move |ev: KeyboardEvent| if open.get_untracked() && ev.key() == "Escape" { ev.prevent_default(); close() }>
            <button type="button" node_ref=button aria-expanded=move || open.get().to_string() aria-controls="share-panel" on:click=on_click>
                {move || tr(lang.get(), "ui.share")}
            </button>
            <div id="share-panel" class="share-panel" node_ref=panel hidden=move || !open.get()>
                <Show when=move || open.get()>
                    <label for="share-link">{move || tr(lang.get(), "ui.link")}</label>
                    <div class="copy-row">
                        <input id="share-link" readonly prop:value=link />
                        <button type="button" node_ref=copy_button on:click=move |_| copy(link(), "ui.link_copied")>{move || tr(lang.get(), "ui.copy_link")}</button>
                    </div>
                    <label for="share-embed">{move || tr(lang.get(), "ui.embed")}</label>
                    <div class="copy-row">
                        <textarea id="share-embed" readonly rows="3" prop:value=embed_snippet></textarea>
                        <button type="button" on:click=move |_| copy(embed_snippet(), "ui.embed_copied")>{move || tr(lang.get(), "ui.copy_embed")}</button>
                    </div>
                    <p role="status" class="confirmation">{move || copied.get().map(|key| tr(lang.get(), key))}</p>
                </Show>
            </div>
        </div>
    }
}

/// The views as tabs: one row that scrolls sideways on a phone, the current tab scrolled into view.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let row = NodeRef::<html::Nav>::new();
    // The view and the language (its labels change width): a filter change does not scroll the
    // row, nor read its layout in the frame after the click (issue 26's filter click).
    let view = Memo::new(move |_| atlas.view_state.read().view);
    Effect::new(move |_| {
        view.track();
        lang.track();
        if let Some(row) = row.get() {
            request_animation_frame(move || bridge::scroll_current_into_row(&row));
        }
    });
    view! {
        <nav class="tabs" node_ref=row aria-label=move || tr(lang.get(), "ui.views")>
            // A profile is reached from its entity (search, links), not from a tab.
            {View::ALL.into_iter().filter(|view| *view != View::Profile).map(|view| {
                let href = move || atlas.href(&atlas.view_state.read().tab(view).canonical(atlas.dataset));
                let current = move || (atlas.view_state.read().view == view).then_some("page");
                view! {
                    <a href=href aria-current=current>{move || tr(lang.get(), &format!("view.{}", view.id()))}</a>
                }
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let sources_href = move || atlas.href(&atlas.view_state.read().tab(View::Sources).canonical(atlas.dataset));
    view! {
        <footer class="site-footer">
            <p>{move || tr(lang.get(), "footer.data")} " " <a href=sources_href>{move || tr(lang.get(), "footer.all_sources")}</a></p>
            <p class="footer-download">
                <a href="data/atlas-data.zip" download="">{move || tr(lang.get(), "footer.download_data")}</a>
                " · " <a href="data/datapackage.json" type="application/json">{move || tr(lang.get(), "footer.data_package")}</a>
                " — " {move || super::widgets::text_with_code(tr(lang.get(), "data.how"))}
            </p>
            <p>{move || tr(lang.get(), "footer.caveat")}</p>
            <p>{move || tr(lang.get(), "footer.map_credit")}</p>
        </footer>
    }
}

/// In embed mode the chrome is hidden; a small link leads to the full view.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let full = move || atlas.href(&ViewState { embed: false, ..atlas.view_state.get() });
    view! {
        <footer class="embed-footer">
            <a href=full target="_blank" rel="noopener noreferrer">{move || tr(lang.get(), "ui.open_full")}</a>
        </footer>
    }
}
