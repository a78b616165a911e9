//! Saving files and copying text, with the fallbacks older browsers need.

use wasm_bindgen::JsCast;

/// Saves text as a file. The CSV gets a byte-order mark so spreadsheet programs read it as UTF-8.
pub fn download_text(content: &str, file_name: &str, mime: &str) {
    let blob = gloo::file::Blob::new_with_options(content, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    download_url(&url, file_name);
}

pub fn download_url(url: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(anchor) = document.create_element("a") else { return };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else { return };
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_rel("noopener");
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
}

/// Copies text with the Clipboard API, or a hidden textarea where that API is missing or
/// refused (insecure origins, older browsers). Returns whether the text was copied.
pub async fn copy_text(text: &str) -> bool {
    if let Some(window) = web_sys::window() {
        let clipboard = window.navigator().clipboard();
        if !clipboard.is_undefined() {
            if wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.is_ok() {
                return true;
            }
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
