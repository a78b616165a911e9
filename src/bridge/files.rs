//! Saving files and copying text, with the fallbacks older browsers need.

use wasm_bindgen::JsCast;

/// Saves text as a file. `Err` says why it could not be offered (the page shows it): a browser
/// that refuses object URLs must not end the app, as gloo's `ObjectUrl` would by throwing.
pub fn download_text(content: &str, file_name: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(super::describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(super::describe)?;
    let result = download_url(&url, file_name);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers a URL (an object URL, a `data:` URL) as a download named `file_name`.
pub fn download_url(url: &str, file_name: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor = document.create_element("a").map_err(super::describe)?;
    let anchor = anchor.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| "no link element")?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    let body = document.body().ok_or("no page body")?;
    body.append_child(&anchor).map_err(super::describe)?;
    anchor.click();
    let _ = body.remove_child(&anchor);
    Ok(())
}

/// Copies text with the Clipboard API, or a hidden textarea where that API is missing or
/// refused (insecure origins, older browsers). Returns whether the text was copied.
pub async fn copy_text(text: &str) -> bool {
    if let Some(window) = web_sys::window() {
        let clipboard = window.navigator().clipboard();
        if !clipboard.is_undefined() && wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return true;
        }
    }
    copy_with_textarea(text)
}

fn copy_with_textarea(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(body) = document.body() else { return false };
    let Ok(area) = document.create_element("textarea") else { return false };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else { return false };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    let _ = body.append_child(&area);
    area.select();
    let copied = document.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    let _ = body.remove_child(&area);
    copied
}
