//! Leptos components: they render and wire, nothing more. Filtering, shaping and formatting live
//! in `query`, `charts` and `format`; the URL is the one store of view state (`view_state`).

mod filters;
mod header;
mod links;
mod map_chart;
mod map_view;
mod overview;
mod profile;
mod search;
mod source_panel;
mod sources_view;
mod table_view;
mod texts;
mod timeline;
mod tour;
mod trends;
mod view_state;
mod widgets;

pub use texts::{text_or_ellipsis, with_texts};
pub use view_state::{use_atlas, Atlas, History, TextsLoad};

use crate::model::{self, Dataset};
use crate::state::View;
use leptos::prelude::*;
use leptos_router::components::Router;

pub use crate::format::{tr, tr_with};

/// Before the first render: a link without `lang` opens in the language the reader chose on the
/// page before, else the browser's (`state::with_preferred_lang`), so the app's first render is
/// already in it, as index.html's shell was.
pub fn start_in_preferred_lang() {
    let search = crate::bridge::location_search();
    let stored = crate::bridge::stored_lang();
    if let Some(query) = crate::state::with_preferred_lang(&search, stored.as_deref(), &crate::bridge::browser_languages()) {
        crate::bridge::replace_url(&format!("?{query}"));
    }
}

/// The dataset, decoded once at start-up and kept for the page's life, and whether it could be
/// read. `build.rs` validated it; bytes that cannot be read (a damaged or mismatched build) leave
/// an empty dataset, a console error for a developer and a notice for the reader, not a dead page.
fn dataset() -> (&'static Dataset, bool) {
    let decoded = crate::bridge::measured("atlas-dataset-decoded", || model::decode(crate::BUNDLED_DATASET));
    let readable = decoded.is_ok();
    let dataset = decoded.unwrap_or_else(|err| {
        leptos::logging::error!("the bundled dataset cannot be read: {err}");
        Dataset::default()
    });
    (Box::leak(Box::new(dataset)), readable)
}

#[component]
pub fn App() -> impl IntoView {
    let (dataset, readable) = dataset();
    view! {
        <Router>
            <Page dataset=dataset readable=readable />
        </Router>
    }
}

#[component]
fn Page(dataset: &'static Dataset, readable: bool) -> impl IntoView {
    let atlas = view_state::provide_atlas(dataset);
    // The words behind the figures arrive while the reader looks at the first view, so a source
    // panel opens with its quote.
    crate::bridge::when_idle(move || texts::fetch_texts(atlas));
    let lang = atlas.lang;
    let embed = atlas.embed;
    let view = Memo::new(move |_| atlas.view_state.read().view);
    // Another view or profile moves focus to its heading, so keyboard and screen-reader users
    // hear where they are; a filter change leaves focus on its control. Runs after the new view
    // rendered; not on the first render, where the reader has not asked for anything yet.
    Effect::new(move |previous: Option<crate::state::ViewState>| {
        let state = atlas.view_state.get();
        if previous.is_some_and(|previous| previous.is_another_page(&state, dataset)) {
            crate::bridge::focus_by_id("view-title");
        }
        state
    });
    // The router would take the skip link's `#main` for a navigation: move focus by hand.
    let main = NodeRef::<leptos::html::Main>::new();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main.get_untracked() {
            let _ = main.focus();
        }
    };
    view! {
        // `data-view`: the stylesheet lays out the phone header by view (the lede on the overview
        // only), as index.html's shell does from the link.
        <div class="app" class:embed=move || embed.get() data-view=move || view.get().id()>
            <a class="skip-link" href="#main" on:click=skip>{move || tr(lang.get(), "ui.skip")}</a>
            <Show when=move || !embed.get()>
                <header::Header />
            </Show>
            // Figures that could not be read: every view would be empty without saying why.
            {(!readable).then(|| view! { <p role="alert" class="notice dataset-unreadable">{move || tr(lang.get(), "ui.dataset_unreadable")}</p> })}
            <Notices />
            <Show when=move || !embed.get()>
                <header::ViewTabs />
            </Show>
            <filters::FilterBar />
            <main id="main" tabindex="-1" node_ref=main>
                {move || match view.get() {
                    View::Overview => overview::OverviewView().into_any(),
                    View::Tour => tour::TourView().into_any(),
                    View::Trends => trends::TrendsView().into_any(),
                    View::Sectors => trends::SectorsView().into_any(),
                    View::Map => map_view::MapView().into_any(),
                    View::Table => table_view::TableView().into_any(),
                    View::Sources => sources_view::SourcesView().into_any(),
                    View::Profile => profile::ProfileView().into_any(),
                }}
            </main>
            // Below the view, and closed until a source is asked for: drawn after the first paint.
            <widgets::AfterFirstPaint>
                <Show when=move || embed.get() fallback=|| view! { <header::Footer /> }>
                    <header::EmbedFooter />
                </Show>
                <source_panel::SourcePanel />
            </widgets::AfterFirstPaint>
        </div>
    }
}

/// What a link asked for that could not be shown. Always present and in the accessibility tree
/// (visually hidden while empty, never `display: none`), so screen readers hear notices as they
/// appear.
#[component]
fn Notices() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    view! {
        <div role="status" class="notices" aria-live="polite">
            {move || {
                let notices = atlas.notices.get();
                (!notices.is_empty()).then(|| view! {
                    <div class="notice">
                        <ul>
                            {crate::state::notice_lines(&notices, lang.get()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                        <button type="button" class="link-button" on:click=move |_| {
                            atlas.dismiss_notices();
                            // The button goes with the notices: focus goes on to the page, not to <body>.
                            crate::bridge::focus_by_id("main");
                        }>
                            {move || tr(lang.get(), "ui.dismiss")}
                        </button>
                    </div>
                })
            }}
        </div>
    }
}
