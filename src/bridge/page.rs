//! The page around the app: index.html's static shell, document title, `<html>` attributes, the
//! stored theme, the page's origin, and keyboard-target checks. Components call these instead of `web_sys`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const THEME_KEY: &str = "atlas-theme";
/// index.html's shell script reads the same key.
const LANG_KEY: &str = "atlas-lang";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets the document title and `<html lang>` (a BCP 47 tag).
pub fn set_title_and_lang(title: &str, html_lang: &str) {
    if let Some(document) = document() {
        document.set_title(title);
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", html_lang);
        }
    }
}

/// Waits until the browser has shown index.html's static shell: the promise its script sets
/// settles once the overview's lede (its largest text) is reported painted, on a chart link whose
/// first screen the build wrote (src/shell/links.rs) once the note under its chart is, or two
/// frames after the parse on other views and in a browser without Element Timing (at once for a page in the
/// background, which is not painted; at the latest 2 s after the parse); not at the first paint,
/// which may show only the shell's top, now that the overview's content makes it long (issue 26).
/// The wasm usually arrives long after that paint and this returns at once. Where it arrives first (a fast or cached load), starting at once would put the
/// app's start-up before that paint, and Chromium forgets a painted text whose node is removed
/// before the paint is reported: the page's largest paint would be the app's identical text, drawn
/// after the wasm, though the reader saw it before.
pub async fn shell_painted() {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Reflect::get(&window, &JsValue::from_str("atlasShellPainted"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = promise {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Resolves after the browser's next paint: a requestAnimationFrame callback runs just before a
/// frame is drawn, and a task queued from it runs after. Work awaited behind it is a task of its
/// own, so the mount stays short (issue 26: no long task at start) and what it drew is on screen
/// first. A page in the background draws no frames: there it waits until the page is shown.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(move || {
                let _ = resolve.call0(&JsValue::NULL);
            }, std::time::Duration::ZERO);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a task of its own (a zero timeout), after what is queued: work split by it runs
/// as several short tasks, with the browser free to paint or handle a tap between them, instead
/// of one long one (issue 26).
pub async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

thread_local! {
    /// The page has painted once since the app mounted: a page-wide fact, not one component's.
    static FIRST_PAINT_DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the app's first paint has been shown (`after_first_paint` has returned once).
pub fn first_paint_done() -> bool {
    FIRST_PAINT_DONE.with(std::cell::Cell::get)
}

/// Resolves after the app's first paint, then at once for every later caller (a view created
/// again by a tab change or Back renders its deferred part in the same task as the rest).
pub async fn after_first_paint() {
    if first_paint_done() {
        return;
    }
    after_next_paint().await;
    FIRST_PAINT_DONE.with(|done| done.set(true));
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = echarts, js_name = dispose)]
    fn dispose_chart_in(el: &web_sys::Element) -> Result<(), JsValue>;
}

/// Whether index.html's shell has drawn the chart `name` from the served page (its head script
/// sets `atlasShellChart` once it has, issue 26) and still stands: `<EChart>` then draws its first
/// option in the task that replaces the shell, so no grey frame comes between the two charts.
pub fn shell_chart_drawn(name: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let drawn = js_sys::Reflect::get(&window, &JsValue::from_str("atlasShellChart")).ok().and_then(|v| v.as_string());
    drawn.as_deref() == Some(name) && document().and_then(|d| d.get_element_by_id("shell")).is_some()
}

/// Removes index.html's static shell, which stood in for the app until its first render. Called
/// in the same task as the mount, so the browser paints the app in the frame the shell leaves.
/// The chart the shell drew (its block is no longer grey) is disposed with it: ECharts keeps its
/// instances until told.
pub fn remove_shell() {
    if let Some(shell) = document().and_then(|d| d.get_element_by_id("shell")) {
        if super::echarts_loaded() {
            if let Ok(Some(chart)) = shell.query_selector("[data-shell-chart]:not(.skeleton)") {
                let _ = dispose_chart_in(&chart);
            }
        }
        shell.remove();
    }
}

/// Sets `<html data-theme>`, which the stylesheet's colours follow.
pub fn set_theme_attribute(dark: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The theme the reader chose before, if any: `Some(true)` for dark.
pub fn stored_theme() -> Option<bool> {
    match storage()?.get_item(THEME_KEY).ok().flatten().as_deref() {
        Some("dark") => Some(true),
        Some("light") => Some(false),
        _ => None,
    }
}

/// Remembers a theme the reader chose over the system's (private windows may refuse: ignored).
pub fn store_theme(dark: bool) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(THEME_KEY, if dark { "dark" } else { "light" });
    }
}

/// The language the reader chose on the page before (`en` or `zh`), if the browser kept it.
pub fn stored_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the language the reader chose on the page (private windows may refuse: ignored).
pub fn store_lang(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, code);
    }
}

/// The browser's languages, most preferred first (`navigator.languages`, else `navigator.language`).
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { navigator.language().into_iter().collect() } else { list }
}

/// The page's query string, with its `?` (empty when there is none).
pub fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// `https://host:port` of the page, for absolute share links.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Whether a key event comes from a place where keys mean text or belong to a dialog: page-wide
/// shortcuts leave those alone.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") || el.closest("[role=dialog]").ok().flatten().is_some())
}

/// A repeating timer (`setInterval`) that stops when dropped: gloo-timers' (see README,
/// Performance, for what it costs).
pub use gloo_timers::callback::Interval;

/// Moves focus to the element with `id`, making it focusable by script (`tabindex="-1"`) if it
/// is not: a view's heading after the view changed, `<main>` after the notices went.
pub fn focus_by_id(id: &str) {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Moves focus to the control with `id` (a link or a button: focusable as it is, and left in
/// the Tab order, unlike `focus_by_id`'s headings).
pub fn focus_control(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The element that had focus when a dialog opened, to give focus back to when it closes.
#[derive(Default)]
pub struct FocusReturn(Option<web_sys::HtmlElement>);

impl FocusReturn {
    /// Remembers the focused element (nothing when it is the page's body).
    pub fn capture() -> FocusReturn {
        let active = document().and_then(|d| d.active_element()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        FocusReturn(active.filter(|e| e.tag_name() != "BODY"))
    }

    /// Remembers the focused element if it is outside the element matching `selector` (nothing
    /// when focus is inside it, or on the page's body).
    pub fn capture_outside(selector: &str) -> FocusReturn {
        let FocusReturn(active) = FocusReturn::capture();
        FocusReturn(active.filter(|e| e.closest(selector).ok().flatten().is_none()))
    }

    /// Whether an element was remembered.
    pub fn is_some(&self) -> bool {
        self.0.is_some()
    }

    /// Gives focus back, if the element is still in the page.
    pub fn restore(&self) {
        if let Some(element) = self.0.as_ref().filter(|e| e.is_connected()) {
            let _ = element.focus();
        }
    }
}

/// The focus listeners `watch_focus` installs once: `focusin` and `focusout`.
type FocusListeners = [Closure<dyn FnMut(web_sys::Event)>; 2];

thread_local! {
    /// The element that last took the focus, and whether it then let the focus go while staying
    /// in the page (a click on nothing, `blur()`), rather than by being removed.
    static FOCUS_TRAIL: std::cell::RefCell<(Option<web_sys::Element>, bool)> = const { std::cell::RefCell::new((None, false)) };
    static FOCUS_LISTENERS: std::cell::OnceCell<FocusListeners> = const { std::cell::OnceCell::new() };
}

/// Starts following the focus for `focus_went_with`, once per page (later calls do nothing).
pub fn watch_focus() {
    FOCUS_LISTENERS.with(|cell| {
        if cell.get().is_some() {
            return;
        }
        let Some(document) = document() else { return };
        let focus_in = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            FOCUS_TRAIL.with_borrow_mut(|trail| *trail = (target, false));
        });
        // Chromium fires focusout on an element being removed too, before it goes: whether it
        // went is known once the removal is done, in a microtask.
        let focus_out = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            // Focus moving to another element is that element's focusin.
            if js_sys::Reflect::get(&event, &JsValue::from_str("relatedTarget")).is_ok_and(|to| to.is_object()) {
                return;
            }
            let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            wasm_bindgen_futures::spawn_local(async move {
                if target.is_connected() {
                    FOCUS_TRAIL.with_borrow_mut(|trail| {
                        if trail.0.as_ref() == Some(&target) {
                            trail.1 = true;
                        }
                    });
                }
            });
        });
        let _ = document.add_event_listener_with_callback_and_bool("focusin", focus_in.as_ref().unchecked_ref(), true);
        let _ = document.add_event_listener_with_callback_and_bool("focusout", focus_out.as_ref().unchecked_ref(), true);
        let _ = cell.set([focus_in, focus_out]);
    });
}

/// Whether the focus went away with the element that had the id `id`: the page itself has the
/// focus (<body>, or nothing), and the element that had it last was that one and is no longer in
/// the page, without having let the focus go first. Needs `watch_focus` called before.
pub fn focus_went_with(id: &str) -> bool {
    let on_page = document().and_then(|d| d.active_element()).is_none_or(|e| e.tag_name() == "BODY");
    on_page
        && FOCUS_TRAIL.with_borrow(|(last, let_go)| {
            !let_go && last.as_ref().is_some_and(|element| element.id() == id && !element.is_connected())
        })
}

/// Whether the page is in the background (another tab, a minimised window): it draws no frames,
/// and a requestAnimationFrame callback waits until it is shown.
pub fn page_hidden() -> bool {
    document()
        .and_then(|d| js_sys::Reflect::get(&d, &JsValue::from_str("visibilityState")).ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "hidden")
}

thread_local! {
    /// The dialogs that cover the screen, in the order they opened: (container, kept child).
    static MODALS: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes every child of the element matching `container` except those matching `keep` inert
/// (unfocusable, hidden from assistive technology), or lets them go again: the background of a
/// dialog that covers the screen. Dialogs stack: closing one leaves the background inert while
/// another is still open (the source panel over the filter sheet), and the last one to close
/// frees it.
pub fn set_inert_except(container: &str, keep: &str, inert: bool) {
    let top = MODALS.with_borrow_mut(|modals| {
        if inert {
            modals.push((container.to_string(), keep.to_string()));
        } else if let Some(at) = modals.iter().rposition(|(c, k)| c == container && k == keep) {
            modals.remove(at);
        }
        modals.iter().rev().find(|(c, _)| c == container).map(|(_, k)| k.clone())
    });
    let Some(parent) = document().and_then(|d| d.query_selector(container).ok().flatten()) else { return };
    let children = parent.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        let _ = match &top {
            Some(keep) if !child.matches(keep).unwrap_or(false) => child.set_attribute("inert", ""),
            _ => child.remove_attribute("inert"),
        };
    }
}

/// Whether an event happened inside `element`: a press outside a popup closes it.
pub fn event_inside(event: &web_sys::Event, element: &web_sys::Element) -> bool {
    event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_some_and(|node| element.contains(Some(&node)))
}

/// Scrolls a row that scrolls sideways (the view tabs) so that its current item
/// (`[aria-current]`) is in view, without scrolling the page.
pub fn scroll_current_into_row(row: &web_sys::Element) {
    let Ok(Some(current)) = row.query_selector("[aria-current]") else { return };
    let Ok(current) = current.dyn_into::<web_sys::HtmlElement>() else { return };
    let (left, width) = (current.offset_left(), current.offset_width());
    let (scrolled, visible) = (row.scroll_left(), row.client_width());
    if left < scrolled {
        row.set_scroll_left(left);
    } else if left + width > scrolled + visible {
        row.set_scroll_left(left + width - visible);
    }
}
