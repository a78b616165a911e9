//! `<EChart>`: one component owns an ECharts instance's whole life. It inits once per container,
//! replaces the whole option on every change (`notMerge`, so no stale series remain; drawn
//! without animation after the first), resizes with its container, lays a map's labels out again
//! once a zoom has rested, refits its credit line to a new width (merged, not redrawn), and on
//! unmount disposes the instance with its click and zoom (roam) handlers and their waiting
//! timeout, takes its touch listener off and disconnects its observer. A chart index.html's shell
//! already drew (a prerendered link, `bridge::shell_chart_drawn`) is drawn at once, unanimated.

use super::{describe, download_url, init, ECharts};
use crate::format::tr;
use crate::model::Lang;
use leptos::html;
use leptos::prelude::*;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a click on a chart item points at; read from the item's own fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartClick {
    pub obs: Option<String>,
    pub sector: Option<String>,
    pub region: Option<String>,
    pub zone: Option<String>,
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_name = dispatchAction)]
    fn dispatch_action(this: &ECharts, action: &JsValue);
    #[wasm_bindgen(js_namespace = echarts, js_name = getInstanceByDom)]
    fn instance_by_dom(el: &web_sys::Element) -> JsValue;
}

struct Live {
    chart: ECharts,
    _on_click: Closure<dyn FnMut(JsValue)>,
    _on_roam: Closure<dyn FnMut(JsValue)>,
    /// Its container keeps the capture listener below until cleanup takes it off: a touch on a
    /// removed chart must not call a dropped closure.
    el: web_sys::HtmlElement,
    on_touch_move: Closure<dyn FnMut(JsValue)>,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn FnMut()>,
}

/// Dropping the chart (unmount, or a failed drawing) ends it whole: the observer and the touch
/// listener go before their closures, and the instance is disposed.
impl Drop for Live {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        let _ = self.el.remove_event_listener_with_callback_and_bool("touchmove", self.on_touch_move.as_ref().unchecked_ref(), true);
        let _ = self.chart.dispose();
    }
}

thread_local! {
    /// One formatter for every chart: it builds the tooltip from the item's `tip` lines as text
    /// nodes. ECharts accepts an element from a formatter and inserts it as is.
    static TOOLTIP: Closure<dyn Fn(JsValue) -> JsValue> = Closure::new(tooltip_element);
}

fn tooltip_element(params: JsValue) -> JsValue {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return JsValue::from_str("") };
    let lines = js_sys::Reflect::get(&params, &"data".into())
        .and_then(|data| js_sys::Reflect::get(&data, &"tip".into()))
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|tip| js_sys::Array::from(&tip).iter().filter_map(|line| line.as_string()).collect::<Vec<_>>())
        .unwrap_or_else(|| {
            js_sys::Reflect::get(&params, &"name".into()).ok().and_then(|n| n.as_string()).into_iter().collect()
        });
    let Ok(container) = document.create_element("div") else { return JsValue::from_str("") };
    container.set_class_name("tip");
    for (i, line) in lines.iter().enumerate() {
        if let Ok(row) = document.create_element("div") {
            row.set_class_name(if i == 0 { "tip-title" } else { "tip-line" });
            row.set_text_content(Some(line));
            let _ = container.append_child(&row);
        }
    }
    container.into()
}

fn to_js(option: &serde_json::Value) -> Result<JsValue, String> {
    let js = option.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| e.to_string())?;
    // The formatter is a function, which JSON cannot carry: attach it after conversion.
    if let Ok(tooltip) = js_sys::Reflect::get(&js, &"tooltip".into()) {
        if tooltip.is_object() {
            TOOLTIP.with(|formatter| js_sys::Reflect::set(&tooltip, &"formatter".into(), formatter.as_ref().unchecked_ref()))
                .map_err(describe)?;
        }
    }
    Ok(js)
}

fn not_merge() -> JsValue {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE);
    opts.into()
}

fn field(data: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(data, &key.into()).ok().and_then(|v| v.as_string())
}

// Touch (issue 22). A tap shows an item's tooltip, as a hover does; a second tap on the same item
// does what a click does (opens its source, narrows the filter), and hides the tooltip so it does
// not stay over the source panel. A press anywhere outside a chart hides its tooltip. One finger
// moving on a chart scrolls the page; two fingers pan and zoom the map.
thread_local! {
    /// Whether the last press was a finger's.
    static LAST_PRESS_TOUCH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The item (chart, series, index) whose tooltip the last tap showed.
    static PREVIEWED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    static PRESS_LISTENER: std::cell::OnceCell<Closure<dyn FnMut(web_sys::Event)>> = const { std::cell::OnceCell::new() };
}

fn hide_tip(chart: &ECharts) {
    let action = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&action, &"type".into(), &"hideTip".into());
    chart.dispatch_action(&action);
}

/// Listens, once per page, to every press: notes whether it is a finger's, and hides the tooltip
/// of each chart the press is outside of.
fn listen_to_presses() {
    PRESS_LISTENER.with(|cell| {
        if cell.get().is_some() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let pointer = js_sys::Reflect::get(&event, &"pointerType".into()).ok().and_then(|p| p.as_string());
            LAST_PRESS_TOUCH.with(|touch| touch.set(pointer.as_deref() == Some("touch")));
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let query = js_sys::Reflect::get(&document, &"querySelectorAll".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let Some(charts) = query.and_then(|f| f.call1(&document, &"[data-chart]".into()).ok()) else { return };
            let mut inside_any = false;
            for el in js_sys::Array::from(&charts).iter() {
                let Ok(el) = el.dyn_into::<web_sys::Element>() else { continue };
                if super::event_inside(&event, &el) {
                    inside_any = true;
                    continue;
                }
                let instance = instance_by_dom(&el);
                if instance.is_object() {
                    hide_tip(instance.unchecked_ref());
                }
            }
            if !inside_any {
                PREVIEWED.with(|p| p.borrow_mut().take());
            }
        });
        let _ = document.add_event_listener_with_callback_and_bool("pointerdown", listener.as_ref().unchecked_ref(), true);
        let _ = cell.set(listener);
    });
}

/// Whether this click is a finger's first tap on the item: it only shows the tooltip.
fn first_tap(chart_name: &str, params: &JsValue) -> bool {
    if !LAST_PRESS_TOUCH.with(|touch| touch.get()) {
        return false;
    }
    let index = |key: &str| js_sys::Reflect::get(params, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0);
    let name = js_sys::Reflect::get(params, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    let item = format!("{chart_name}:{}:{}:{name}", index("seriesIndex"), index("dataIndex"));
    PREVIEWED.with(|previewed| {
        let mut previewed = previewed.borrow_mut();
        if previewed.as_deref() == Some(item.as_str()) {
            *previewed = None;
            false
        } else {
            *previewed = Some(item);
            true
        }
    })
}

/// How long a map's zoom rests before its labels are laid out again (`start`).
const RELAYOUT_AFTER_ZOOM_MS: u32 = 150;

fn start(
    el: &web_sys::HtmlElement,
    on_click: Option<Callback<ChartClick>>,
    width: StoredValue<i32>,
    titles: StoredValue<Option<serde_json::Value>>,
) -> Result<Live, String> {
    let chart = init(el, &JsValue::NULL, &JsValue::UNDEFINED).map_err(describe)?;
    listen_to_presses();
    let chart_name = el.get_attribute("data-chart").unwrap_or_default();
    let clicked = chart.clone();
    let on_click = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let Some(callback) = on_click else { return };
        let data = js_sys::Reflect::get(&params, &"data".into()).unwrap_or(JsValue::NULL);
        if data.is_object() {
            if first_tap(&chart_name, &params) {
                return;
            }
            hide_tip(&clicked);
            callback.run(ChartClick {
                obs: field(&data, "obs"),
                sector: field(&data, "sector"),
                region: field(&data, "region"),
                zone: field(&data, "zone"),
            });
        }
    });
    chart.on("click", on_click.as_ref().unchecked_ref()).map_err(describe)?;
    // Zooming a map (wheel, pinch) moves its labels with it but does not lay them out again:
    // ECharts' transform update keeps hidden every label its last layout hid (`hideOverlap`), so
    // the district names hidden at a phone's width stayed hidden however far the reader zoomed
    // in. Once a zoom has rested for `RELAYOUT_AFTER_ZOOM_MS`, the option is set again,
    // unchanged, which lays every label out at the new scale: a whole render (17 ms and more
    // for the map at 390 px on this machine) is too much for every frame of a pinch. Dropping
    // the waiting timeout (a new zoom, or the chart's cleanup) cancels it.
    let relaid = chart.clone();
    let mut waiting = None::<gloo_timers::callback::Timeout>;
    let on_roam = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let zoomed = js_sys::Reflect::get(&params, &"zoom".into()).is_ok_and(|zoom| zoom.as_f64().is_some());
        if zoomed {
            let relaid = relaid.clone();
            let _ = waiting.replace(gloo_timers::callback::Timeout::new(RELAYOUT_AFTER_ZOOM_MS, move || {
                let _ = relaid.set_option(&js_sys::Object::new(), &JsValue::UNDEFINED);
            }));
        }
    });
    chart.on("georoam", on_roam.as_ref().unchecked_ref()).map_err(describe)?;
    let resized = chart.clone();
    let measured = el.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        // Read here, where the layout is fresh, for the credit line (`fit_credit`). Only the
        // credit depends on the width: on a new one its titles are merged in again, fitted to it.
        // The whole option again (`notMerge`) would reset a zoomed map and redraw everything on
        // every step of a window being dragged wider.
        let now = measured.client_width();
        if width.try_get_value().is_some_and(|w| w != now) {
            width.set_value(now);
            if let Some(Some(title)) = titles.try_get_value() {
                let mut refit = serde_json::json!({ "title": title });
                fit_credit(&mut refit, now);
                if let Ok(refit) = to_js(&refit) {
                    let _ = resized.set_option(&refit, &JsValue::UNDEFINED);
                }
            }
        }
        let _ = resized.resize();
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    if let Some(observer) = &observer {
        observer.observe(el);
    }
    // Caught before ECharts sees it: one finger's move is the page's scroll, not the map's pan.
    let on_touch_move = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let fingers = js_sys::Reflect::get(&event, &"touches".into())
            .and_then(|touches| js_sys::Reflect::get(&touches, &"length".into()))
            .ok()
            .and_then(|n| n.as_f64());
        if fingers == Some(1.0) {
            event.unchecked_ref::<web_sys::Event>().stop_propagation();
        }
    });
    let _ = el.add_event_listener_with_callback_and_bool("touchmove", on_touch_move.as_ref().unchecked_ref(), true);
    Ok(Live { chart, _on_click: on_click, _on_roam: on_roam, el: el.clone(), on_touch_move, observer, _on_resize: on_resize })
}

/// `EChart`'s `csv` prop: (the button's accessible name, its action); see the prop.
pub type CsvButton = (Signal<String>, Callback<RwSignal<Option<String>>>);

#[component]
pub fn EChart(
    /// The whole option; each change replaces the last.
    #[prop(into)]
    option: Signal<serde_json::Value>,
    /// Stable name, rendered as `data-chart`; tests find the chart by it.
    #[prop(into)]
    name: String,
    #[prop(optional)] on_click: Option<Callback<ChartClick>>,
    /// The accessible name of the PNG download button; no button when absent.
    #[prop(optional, into)]
    download_label: Option<Signal<String>>,
    /// The figures the chart draws as CSV: the accessible name of its "CSV" button and what the
    /// button does (the app builds and saves the file, and sets the signal to say why it could
    /// not); no button when absent.
    #[prop(optional)]
    csv: Option<CsvButton>,
    #[prop(optional, into)] class: String,
    /// The chart's height in pixels where the stylesheet's does not fit its content.
    #[prop(optional, into)]
    height: Option<Signal<Option<usize>>>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let instance = StoredValue::new_local(None::<Live>);
    // The chart index.html's shell drew from the served page (issue 26): the first draw here
    // comes at once, in the task that mounts the app and removes the shell (ECharts' setOption
    // draws synchronously), without animation, so the next frame shows this chart where the
    // shell's was: no grey block between them, and no entry animation of a chart already shown.
    let adopted = super::shell_chart_drawn(&name) && super::echarts_loaded();
    let drawn = StoredValue::new(adopted);
    // Until ECharts has drawn, the container wears the skeleton's grey (atlas.css `.chart-pending`),
    // as index.html's shell drew it: no empty frame between the shell, or the view's render, and
    // the chart's first draw a frame later.
    let pending = RwSignal::new(true);
    let failed = RwSignal::new(None::<String>);
    // ECharts is loaded when the first chart needs it. It draws after the next paint, in a task
    // of its own, not in the one that renders the view: the page's mount stays short and shows
    // its text first (issue 26: no long task at start). A chart adopted from the shell (above)
    // is the exception: it is on screen already, and a grey frame would be worse than the draw.
    let ready = RwSignal::new(adopted);
    if !adopted {
        leptos::task::spawn_local(async move {
            match super::echarts_ready().await {
                Ok(()) => {
                    super::after_next_paint().await;
                    ready.set(true);
                }
                Err(err) => failed.set(Some(err)),
            }
        });
    }
    // The reader's language, provided by the app beside its view state.
    let lang = use_context::<Memo<Lang>>();
    let lang_now = move || lang.map_or(Lang::En, |l| l.get());
    // The container's width: read once, by the first draw (negative until then; the observer,
    // made in `start` after that read, keeps it from there). Read in the effect at every draw, it
    // made the browser lay out the page in the middle of a filter click. A measured 0 counts as
    // measured: only the observer measures again, so a chart drawn while hidden would not force a
    // layout per click. No app chart is drawn in a hidden container today (README "The filter
    // click (issue 26, third round)"): that part is a safeguard, not a measured saving. A new width
    // refits the credit in the observer (`start`), from the last option's titles.
    let width = StoredValue::new(-1);
    let titles = StoredValue::new(None::<serde_json::Value>);
    Effect::new(move |_| {
        let mut option = option.get();
        let Some(el) = container.get() else { return };
        // An option the core could not build says why instead of being drawn half.
        if let Some(reason) = option.get(crate::charts::UNDRAWABLE).and_then(serde_json::Value::as_str) {
            // The last drawing goes with the failure (the effect below).
            failed.set(Some(reason.to_string()));
            return;
        }
        if !ready.get() {
            // Until ECharts draws and writes its own description, the container's name is ours,
            // in the language of the moment (it follows a switch while ECharts loads or failed).
            let key = if failed.get().is_some() { "chart.unavailable" } else { "chart.loading" };
            let _ = el.set_attribute("aria-label", &tr(lang_now(), key));
            return;
        }
        if width.get_value() < 0 {
            width.set_value(el.client_width());
        }
        titles.set_value(option.get("title").cloned());
        fit_credit(&mut option, width.get_value());
        let option = to_js(&option);
        instance.update_value(|slot| {
            if slot.is_none() {
                match start(&el, on_click, width, titles) {
                    Ok(live) => *slot = Some(live),
                    Err(err) => failed.set(Some(err)),
                }
            }
            match (slot.as_ref(), option) {
                // A redraw that works clears an earlier failure.
                (Some(live), Ok(option)) => {
                    // Only the first draw animates. With `notMerge` every later option's items
                    // enter anew, and their entry animation repainted the chart on every frame
                    // for a second after each filter click (issue 26).
                    if drawn.get_value() {
                        let _ = js_sys::Reflect::set(&option, &"animation".into(), &JsValue::FALSE);
                    }
                    let result = live.chart.set_option(&option, &not_merge()).err().map(describe);
                    drawn.set_value(result.is_none() || drawn.get_value());
                    if result.is_none() && pending.get_untracked() {
                        pending.set(false);
                    }
                    if result.is_some() || failed.get_untracked().is_some() {
                        failed.set(result);
                    }
                }
                (_, Err(err)) => failed.set(Some(err)),
                _ => {}
            }
        });
    });
    // A chart that could not be drawn shows no figures. The last drawing goes (it is not these
    // figures), and the container's name says the chart is unavailable, in the page's language,
    // not ECharts' description of what it drew before; its downloads are off below.
    Effect::new(move |_| {
        let unavailable = failed.with(Option::is_some);
        let Some(el) = container.get() else { return };
        if unavailable {
            // Disposed, not cleared: an ECharts instance whose option threw while being parsed
            // can stay mid-update, ignoring `clear` and drawing nothing after; the next drawing
            // starts a new one.
            instance.update_value(|slot| drop(slot.take()));
            let _ = el.set_attribute("aria-label", &tr(lang_now(), "chart.unavailable"));
        }
    });
    on_cleanup(move || instance.update_value(|slot| drop(slot.take())));
    let file_name = format!("beijing-atlas-{name}.png");
    let download_failed = RwSignal::new(None::<String>);
    // While the chart is unavailable there is nothing to save: no blank PNG, no figures it does
    // not show. Its buttons stay where they are, say they are off (aria-disabled: still
    // focusable) and are described by the notice that says why.
    let unavailable = move || failed.with(Option::is_some);
    let unavailable_id = format!("{name}-unavailable");
    let described_by = {
        let id = unavailable_id.clone();
        move || unavailable().then(|| id.clone())
    };
    let download = move |_| {
        if unavailable() {
            return;
        }
        instance.with_value(|slot| {
            let Some(live) = slot else { return };
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
            let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &JsValue::from_f64(2.0));
            let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &page_background().into());
            let result = live.chart.get_data_url(&opts).map_err(describe).and_then(|url| download_url(&url, &file_name));
            download_failed.set(result.err());
        })
    };
    let loading_label = tr(lang.map_or(Lang::En, |l| l.get_untracked()), "chart.loading");
    // The failure's own words (the browser's, ECharts') are English: kept in `data-error` for a
    // developer; the reader gets the sentence in the page's language.
    let notice = move |key: &'static str, err: String, id: Option<String>| view! { <p role="status" class="notice" id=id data-error=err>{move || tr(lang_now(), key)}</p> };
    view! {
        <figure class=format!("chart-figure {class}")>
            <div class="chart-downloads">
                {download_label.map(|text| view! {
                    <button type="button" class="chart-download" on:click=download aria-label=move || text.get()
                        aria-disabled=move || unavailable().then_some("true") aria-describedby=described_by.clone()>"PNG"</button>
                })}
                {csv.map(|(text, save)| view! {
                    <button type="button" class="chart-download" on:click=move |_| { if !unavailable() { save.run(download_failed) } } aria-label=move || text.get()
                        aria-disabled=move || unavailable().then_some("true") aria-describedby=described_by.clone()>"CSV"</button>
                })}
            </div>
            // ECharts' `aria` option writes the container's aria-label from the chart's data.
            // Named from the first render: ECharts writes its own description once it has drawn.
            <div node_ref=container class="chart" class:chart-pending=move || pending.get() && failed.get().is_none()
                data-chart=name role="img" aria-label=loading_label
                style:height=move || height.and_then(|h| h.get()).map(|px| format!("{px}px"))></div>
            {move || failed.get().map(|err| notice("chart.unavailable", err, Some(unavailable_id.clone())))}
            {move || download_failed.get().map(|err| notice("ui.download_failed", err, None))}
        </figure>
    }
}

/// The credit line (the title at the chart's foot) is written by the core to fit the narrowest
/// chart (`charts::views::CREDIT_BUDGET`: whole publisher names, "+n"). Only on a chart narrower
/// still does ECharts cut it, with "…", rather than let it run off the edge. index.html's head
/// script has a JS copy for the shell's chart; keep both in step (link-shell.spec's `titles()`
/// compares the two drawings).
fn fit_credit(option: &mut serde_json::Value, width: i32) {
    if width <= 0 {
        return;
    }
    let titles = option.get_mut("title").and_then(serde_json::Value::as_array_mut);
    for title in titles.into_iter().flatten().filter(|t| t.get("bottom").and_then(serde_json::Value::as_f64) == Some(0.0)) {
        title["textStyle"]["width"] = serde_json::json!((width - 24).max(80));
        title["textStyle"]["overflow"] = serde_json::json!("truncate");
        title["textStyle"]["ellipsis"] = serde_json::json!("…");
    }
}

fn page_background() -> String {
    web_sys::window()
        .and_then(|w| {
            let body = w.document()?.body()?;
            w.get_computed_style(&body).ok().flatten()?.get_property_value("background-color").ok()
        })
        .unwrap_or_else(|| "#ffffff".to_string())
}
