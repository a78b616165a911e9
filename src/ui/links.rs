//! Links every view makes to a profile: the `href`, and a table cell linked where its entity has
//! a profile. A leaf module (it names only `Atlas`), so the views that link to profiles do not
//! depend on the profile view, nor it on them.

use super::Atlas;
use crate::state::ProfileSubject;
use leptos::prelude::*;

/// The link to an entity's profile, in the current language and embedding. Tracks only those
/// two: a filter change leaves every profile link as it is (issue 26's filter click).
pub fn profile_href(atlas: &Atlas, subject: ProfileSubject<'_>) -> String {
    let page = crate::state::ViewState::kept_by_profile(atlas.lang.get(), atlas.embed.get());
    atlas.href(&page.profile(subject))
}

/// A table cell's text, linked to the profile where the entity has one.
pub fn profile_cell(atlas: Atlas, subject: Option<ProfileSubject<'_>>, text: String) -> AnyView {
    match subject {
        Some(subject) => view! { <a href=profile_href(&atlas, subject)>{text}</a> }.into_any(),
        None => text.into_any(),
    }
}
