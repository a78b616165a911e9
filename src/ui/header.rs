//! The page chrome: title, language and theme switches, sharing, the view tabs and the footer.

use super::{tr, use_atlas, History};
use crate::bridge;
use crate::model::Lang;
use crate::state::{View, ViewState};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let set_lang = move |next: Lang| atlas.update(History::Push, |s| s.lang = next);
    view! {
        <header class="site-header">
            <div class="brand">
                <h1>{move || tr(lang.get(), "app.title")}</h1>
                <p class="tagline">{move || tr(lang.get(), "app.tagline")}</p>
            </div>
            <div class="header-controls">
                <super::search::SearchBox />
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

/// "Copy link" and "Embed": the exact view as a link or an `<iframe>` snippet.
#[component]
fn Share() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let absolute = move |state: &ViewState| {
        format!("{}{}", bridge::origin(), atlas.href(state))
    };
    let link = move || absolute(&atlas.view_state.get());
    let embed_snippet = move || {
        let state = ViewState { embed: true, ..atlas.view_state.get() };
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
    view! {
        <div class="share">
            <button type="button" aria-expanded=move || open.get().to_string() aria-controls="share-panel"
                on:click=move |_| { open.update(|o| *o = !*o); copied.set(None); }>
                {move || tr(lang.get(), "ui.share")}
            </button>
            <Show when=move || open.get()>
                <div id="share-panel" class="share-panel">
                    <label for="share-link">{move || tr(lang.get(), "ui.link")}</label>
                    <div class="copy-row">
                        <input id="share-link" readonly prop:value=link />
                        <button type="button" on:click=move |_| copy(link(), "ui.link_copied")>{move || tr(lang.get(), "ui.copy_link")}</button>
                    </div>
                    <label for="share-embed">{move || tr(lang.get(), "ui.embed")}</label>
                    <div class="copy-row">
                        <textarea id="share-embed" readonly rows="3" prop:value=embed_snippet></textarea>
                        <button type="button" on:click=move |_| copy(embed_snippet(), "ui.embed_copied")>{move || tr(lang.get(), "ui.copy_embed")}</button>
                    </div>
                    <p role="status" class="confirmation">{move || copied.get().map(|key| tr(lang.get(), key))}</p>
                </div>
            </Show>
        </div>
    }
}

#[component]
pub fn ViewTabs() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <nav class="tabs" aria-label=move || tr(lang.get(), "ui.views")>
            // A profile is reached from its entity (search, links), not from a tab.
            {View::ALL.into_iter().filter(|view| *view != View::Profile).map(|view| {
                let href = move || atlas.href(&ViewState { view, indicator: None, ..atlas.view_state.get() }.canonical(atlas.dataset));
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
    let sources_href = move || atlas.href(&ViewState { view: View::Sources, indicator: None, ..atlas.view_state.get() }.canonical(atlas.dataset));
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
