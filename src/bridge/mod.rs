//! The only code that touches JavaScript: ECharts bindings and the `<EChart>` component, the
//! boundary map, file downloads, the clipboard, the system's share sheet, and the crash notice.
//!
//! Options cross as plain JS objects (`json_compatible`): the default serializer makes JS `Map`s,
//! which ECharts ignores. Tooltips are built as DOM text nodes from each item's `tip` lines, so no
//! data or URL text ever reaches `innerHTML`.

mod echart;
mod files;
mod page;
mod share;

pub use echart::{ChartClick, EChart};
pub use files::{copy_text, download_text, download_url};
pub use share::{can_share, coarse_pointer, share_link, Shared};
pub use page::{
    after_first_paint, after_next_paint, browser_languages, next_task, event_inside, first_paint_done, focus_by_id, focus_control, is_typing_target, location_search, origin, remove_shell, scroll_current_into_row, set_inert_except, shell_chart_drawn, shell_chart_settled, shell_painted,
    FocusReturn, Interval, set_theme_attribute, set_title_and_lang, store_lang, store_theme, stored_lang, stored_theme,
};
pub use page::{focus_went_with, page_hidden, watch_focus};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    pub type ECharts;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<ECharts, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setOption)]
    fn set_option(this: &ECharts, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;
    // `catch` on every method: an exception thrown inside ECharts must come back as an error,
    // not unwind through Rust (with `panic = "abort"` it would end the app, and inside
    // `StoredValue::update_value` it would leave the value locked).
    #[wasm_bindgen(method, catch)]
    fn resize(this: &ECharts) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn on(this: &ECharts, event: &str, handler: &js_sys::Function) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn dispose(this: &ECharts) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn clear(this: &ECharts) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getDataURL)]
    fn get_data_url(this: &ECharts, opts: &JsValue) -> Result<String, JsValue>;
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = registerMap)]
    fn register_map(name: &str, geo_json: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = getMap)]
    fn get_map(name: &str) -> Result<JsValue, JsValue>;
}

/// Shows the static crash notice from index.html: after a panic the reactive runtime cannot be
/// trusted to render one. A panic while mounting leaves the static shell in place: it goes, so
/// the notice is not below a page that will never load.
pub fn show_crash_notice() {
    remove_shell();
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("crash")) {
        let _ = el.remove_attribute("hidden");
    }
}

/// Where ECharts (the custom build, copied beside index.html) is loaded from when first needed:
/// views without a chart, the overview first, open without it.
const ECHARTS_URL: &str = "echarts.js";

thread_local! {
    /// The one load of ECharts, shared by every chart that waits for it.
    static ECHARTS_LOAD: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Whether `window.echarts` is there.
pub fn echarts_loaded() -> bool {
    web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"echarts".into()).ok()).is_some_and(|e| e.is_object())
}

/// Loads ECharts once, by a script element (allowed by the CSP's `'self'`), and waits for it.
/// `Err` carries a message for the reader; a later call tries again.
pub async fn echarts_ready() -> Result<(), String> {
    if echarts_loaded() {
        return Ok(());
    }
    let promise = ECHARTS_LOAD.with(|slot| slot.borrow_mut().get_or_insert_with(|| early_load().unwrap_or_else(load_echarts_script)).clone());
    let result = wasm_bindgen_futures::JsFuture::from(promise).await;
    if result.is_err() || !echarts_loaded() {
        ECHARTS_LOAD.with(|slot| slot.borrow_mut().take());
        return Err(result.err().map_or_else(|| "ECharts did not load".to_string(), describe));
    }
    Ok(())
}

/// The load index.html's early script started for a link to a chart view, taken once: if it
/// fails, the next attempt adds a script of its own.
fn early_load() -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("atlasEchartsLoad");
    let promise = js_sys::Reflect::get(&window, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(promise)
}

fn load_echarts_script() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, reject| {
        let added = (|| {
            let document = web_sys::window()?.document()?;
            let script: web_sys::HtmlScriptElement = document.create_element("script").ok()?.dyn_into().ok()?;
            script.set_src(ECHARTS_URL);
            let on_error = reject.clone();
            let on_error = Closure::once_into_js(move || on_error.call1(&JsValue::NULL, &"ECharts could not be loaded".into()));
            script.set_onload(Some(resolve.unchecked_ref()));
            script.set_onerror(Some(on_error.unchecked_ref()));
            document.head()?.append_child(&script).ok()
        })();
        if added.is_none() {
            let _ = reject.call1(&JsValue::NULL, &"no document to load ECharts into".into());
        }
    })
}

/// Whether the boundary map is registered with ECharts.
pub fn map_registered(name: &str) -> bool {
    echarts_loaded() && get_map(name).map(|m| !m.is_undefined() && !m.is_null()).unwrap_or(false)
}

thread_local! {
    /// Loads under way, by URL: whoever asks for a file while it is on its way waits for the same
    /// response (a promise awaits any number of times), so a file is fetched once and two answers
    /// cannot arrive out of order. Removed when settled: after a failure the next ask tries again.
    static UNDER_WAY: std::cell::RefCell<std::collections::BTreeMap<String, js_sys::Promise>> = const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// `work` run once for `url` however many ask while it runs; each asker gets its outcome.
async fn once_under_way<F>(url: &str, work: impl FnOnce(String) -> F) -> Result<JsValue, String>
where
    F: std::future::Future<Output = Result<JsValue, String>> + 'static,
{
    let promise = UNDER_WAY.with(|loads| {
        loads
            .borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                let url = url.to_string();
                let work = work(url.clone());
                // Runs from the microtask queue, after this borrow ends.
                wasm_bindgen_futures::future_to_promise(async move {
                    let result = work.await;
                    UNDER_WAY.with(|loads| loads.borrow_mut().remove(&url));
                    result.map_err(|err| JsValue::from_str(&err))
                })
            })
            .clone()
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.map_err(describe)
}

/// Fetches the district boundaries (a static file beside the page, loaded only when a map is
/// first shown) and registers them, once however many maps ask. `Err` carries a message for the reader.
pub async fn load_map(name: &'static str, url: &str) -> Result<(), String> {
    echarts_ready().await?;
    if map_registered(name) {
        // The shell registered them from its own response: let that go. (A map that finds them
        // registered before it asks, `ui::map_chart`, never calls this; the response then stays
        // on `window`, the parsed object ECharts keeps anyway.)
        let _ = taken_from_window("atlasMapJson");
        return Ok(());
    }
    once_under_way(url, |url| async move {
        // A map link's shell fetched the file already (index.html's head script, issue 26): its
        // response, not a second fetch; if that failed, a fetch of our own.
        let early = match taken_from_window("atlasMapJson") {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok().filter(JsValue::is_object),
            None => None,
        };
        let json = match early {
            Some(json) => json,
            None => {
                let response = fetch_ok(&url).await?;
                wasm_bindgen_futures::JsFuture::from(response.json().map_err(describe)?).await.map_err(describe)?
            }
        };
        // The shell may have registered the same boundaries meanwhile.
        if !map_registered(name) {
            register_map(name, &json).map_err(describe)?;
        }
        Ok(JsValue::UNDEFINED)
    })
    .await
    .map(|_| ())
}

/// A promise index.html's head script left on `window` under `key`, taken once.
fn taken_from_window(key: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(key);
    let promise = js_sys::Reflect::get(&window, &key).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(promise)
}

/// A successful response for a static file beside the page; `Err` carries a message for the reader.
async fn fetch_ok(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    Ok(response)
}

/// Fetches a static file beside the page as bytes, once however many ask while it is on its way.
/// `Err` carries a message for the reader.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let buffer = once_under_way(url, |url| async move {
        let response = fetch_ok(&url).await?;
        wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(describe)?).await.map_err(describe)
    })
    .await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs `work` once the browser is idle (within two seconds at the latest), after the first
/// render's work; at once where `requestIdleCallback` is missing.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    let Some(window) = web_sys::window() else { return };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = idle.is_some_and(|idle| idle.call2(&window, &callback, &options).is_ok());
    if !scheduled {
        if let Some(callback) = callback.dyn_ref::<js_sys::Function>() {
            let _ = callback.call0(&JsValue::NULL);
        }
    }
}

fn describe(err: JsValue) -> String {
    err.as_string()
        .or_else(|| js_sys::Reflect::get(&err, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Reads a media query (`prefers-color-scheme`, `prefers-reduced-motion`).
pub fn media_matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// A `change` listener on a media query; `remove` takes it off (call it on cleanup).
pub struct MediaWatch {
    list: Option<web_sys::MediaQueryList>,
    on_change: Closure<dyn FnMut(web_sys::MediaQueryListEvent)>,
}

impl MediaWatch {
    pub fn remove(self) {
        if let Some(list) = &self.list {
            let _ = list.remove_event_listener_with_callback("change", self.on_change.as_ref().unchecked_ref());
        }
    }
}

/// Calls `changed` with whether `query` matches each time that changes (a rotation, a resize).
pub fn watch_media(query: &str, mut changed: impl FnMut(bool) + 'static) -> MediaWatch {
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let on_change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| changed(ev.matches()));
    if let Some(list) = &list {
        let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    }
    MediaWatch { list, on_change }
}

/// Runs `work` between two performance marks and records a measure named `name`, which the
/// benchmark reads (`performance.getEntriesByName`).
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}

/// Replaces the current history entry's URL without adding an entry or notifying the router.
pub fn replace_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
}
