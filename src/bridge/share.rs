//! The system's share sheet (Web Share API), where the browser offers one. What is shared (the
//! view's title and canonical link) is decided in `query::share_target`.

use wasm_bindgen::{JsCast, JsValue};

/// How a native share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The sheet opened and the reader picked where to share.
    Done,
    /// The reader closed the sheet: nothing more to do.
    Cancelled,
    /// The browser refused (no user gesture, a policy): the page offers the link instead.
    Refused,
}

fn share_function() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, share))
}

/// Whether `navigator.share` exists (phones, some desktops); elsewhere Share copies the link.
pub fn can_share() -> bool {
    share_function().is_some()
}

/// Whether the primary pointer is a finger (`(pointer: coarse)`): phones and tablets.
pub fn coarse_pointer() -> bool {
    super::media_matches("(pointer: coarse)")
}

/// Opens the system's share sheet with a title and a link.
pub async fn share_link(title: &str, url: &str) -> Shared {
    let Some((navigator, share)) = share_function() else { return Shared::Refused };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let promise = match share.call1(&navigator, &data).map(|p| p.dyn_into::<js_sys::Promise>()) {
        Ok(Ok(promise)) => promise,
        _ => return Shared::Refused,
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(err) if error_name(&err).as_deref() == Some("AbortError") => Shared::Cancelled,
        Err(_) => Shared::Refused,
    }
}

fn error_name(err: &JsValue) -> Option<String> {
    js_sys::Reflect::get(err, &"name".into()).ok()?.as_string()
}
