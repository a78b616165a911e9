//! The dataset's words (quotes, notes, source titles), shipped apart from the figures: fetched
//! once, when a view first shows one or when the page is idle after its first render, and
//! shared by every view. Until they arrive a view says so; if the fetch fails it says that, with
//! a button to try again.

use super::{tr, use_atlas, Atlas, TextsLoad};
use crate::bridge;
use crate::model::{self, Texts};
use leptos::prelude::*;

impl Atlas {
    /// The texts if they have arrived, asking for them otherwise. Tracks their arrival.
    pub fn texts(&self) -> Option<&'static Texts> {
        match self.texts.get() {
            TextsLoad::Ready(texts) => Some(texts),
            TextsLoad::NotAsked => {
                fetch_texts(*self);
                None
            }
            TextsLoad::Loading | TextsLoad::Failed(_) => None,
        }
    }

    /// The texts, waiting for them if need be (a download needs its quotes).
    pub async fn texts_ready(&self) -> Result<&'static Texts, String> {
        if let TextsLoad::Ready(texts) = self.texts.get_untracked() {
            return Ok(texts);
        }
        load(*self).await
    }
}

/// Starts the fetch unless it is under way or done.
pub fn fetch_texts(atlas: Atlas) {
    if matches!(atlas.texts.get_untracked(), TextsLoad::NotAsked | TextsLoad::Failed(_)) {
        atlas.texts.set(TextsLoad::Loading);
        leptos::task::spawn_local(async move {
            let _ = load(atlas).await;
        });
    }
}

/// Whoever asks while the texts are on their way waits for the same fetch (`bridge::fetch_bytes`),
/// and the first to resume decodes them: one fetch, one copy, one outcome. Texts that arrived
/// are never replaced by a failure.
async fn load(atlas: Atlas) -> Result<&'static Texts, String> {
    if !matches!(atlas.texts.get_untracked(), TextsLoad::Loading) {
        atlas.texts.set(TextsLoad::Loading);
    }
    let fetched = bridge::fetch_bytes(crate::TEXTS_FILE).await;
    if let TextsLoad::Ready(texts) = atlas.texts.get_untracked() {
        return Ok(texts);
    }
    let result = fetched.and_then(|bytes| model::decode_texts(&bytes, atlas.dataset));
    let result = result.map(|texts| &*Box::leak(Box::new(texts)));
    atlas.texts.set(match &result {
        Ok(texts) => TextsLoad::Ready(texts),
        Err(err) => TextsLoad::Failed(err.clone()),
    });
    result
}

/// Shows what `show` makes of the texts once they are there; meanwhile a line saying they are on
/// their way, or that they could not be loaded, with a button to try again.
pub fn with_texts(show: impl Fn(&'static Texts) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    move || match atlas.texts() {
        Some(texts) => show(texts),
        None => match atlas.texts.get() {
            TextsLoad::Failed(_) => view! {
                <p class="texts-state" role="status">
                    {tr(lang.get(), "texts.failed")} " "
                    <button type="button" class="link-button" on:click=move |_| fetch_texts(atlas)>{tr(lang.get(), "texts.retry")}</button>
                </p>
            }
            .into_any(),
            _ => view! { <p class="texts-state" role="status">{tr(lang.get(), "texts.loading")}</p> }.into_any(),
        },
    }
}

/// A short text from the texts (a title beside other facts), shown as "…" until they arrive;
/// the view's `with_texts` block says why it is missing.
pub fn text_or_ellipsis(show: impl Fn(&'static Texts) -> String + Send + Sync + 'static) -> impl IntoView {
    let atlas = use_atlas();
    move || atlas.texts().map_or_else(|| "…".to_string(), &show)
}
