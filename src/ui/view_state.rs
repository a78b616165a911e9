//! The one `Memo<ViewState>`: the router's query string, or a control's next one while its history
//! entry waits to be written (`ahead`: after the next frame, or after a task while the page is
//! hidden); every control builds the next state and navigates.
//! Also owns what follows from the state outside the page body: the canonical URL, the document
//! title and `<html lang>`.

use crate::bridge;
use crate::charts::{Look, Palette};
use crate::model::{Dataset, Lang};
use crate::query;
use crate::query::choice::Shown;
use crate::state::{self, Notice, ViewState};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// Whether a change adds a history entry (a click, a choice) or replaces the current one (a drag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    Push,
    Replace,
}

/// The router's navigate function, kept for handlers created after the component ran.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Everything the components share, cheap to copy.
#[derive(Clone, Copy)]
pub struct Atlas {
    pub dataset: &'static Dataset,
    pub view_state: Memo<ViewState>,
    /// The indicator the view shows and why (`query::choice::shown_indicator`), decided once per
    /// state for every component that needs it.
    pub shown: Memo<Shown>,
    /// What the link in the address bar asked for that could not be shown. Each belongs to the
    /// link that caused it: derived from the query string on screen (`search`: a control's
    /// canonical one ahead of its history entry, else the router's, which stays the hand-typed one
    /// while the address bar is made canonical: `bridge::replace_url` bypasses the router), so any
    /// navigation (a control, a tab or any other link, Back/Forward) leaves them behind.
    pub notices: Memo<Vec<Notice>>,
    /// The notices the reader dismissed: hidden while these same notices stand.
    dismissed: RwSignal<Option<Vec<Notice>>>,
    pub lang: Memo<Lang>,
    /// Whether the page is embedded (`embed=1`): a slice of the state for what depends on it alone.
    pub embed: Memo<bool>,
    /// Every indicator's group, decided once (`query::groups::IndicatorGroups`) when the
    /// indicator list first needs it, not at start: the list is regrouped at every filter change.
    pub indicator_groups: Memo<crate::query::groups::IndicatorGroups>,
    pub dark: RwSignal<bool>,
    /// The observation whose source panel is open.
    pub source: RwSignal<Option<String>>,
    /// The dataset's quotes, notes and source titles, fetched apart (`texts`).
    pub texts: RwSignal<TextsLoad>,
    animate: bool,
    pathname: Memo<String>,
    /// A control's query string, shown before the router writes it to the history: the router's
    /// push costs a few milliseconds that would come before the chart updates. The last one
    /// written clears it (`writes_pending` counts the writes still to come).
    ahead: RwSignal<Option<String>>,
    writes_pending: StoredValue<u32>,
    /// The router's query string the next pending write expects to find: what it was when the
    /// first of them was scheduled, then what each write left. Anything else means the router
    /// moved by itself (Back/Forward, a link) and the pending writes are dropped.
    router_expected: StoredValue<String>,
    /// Bumped when pending writes are dropped, so their callbacks, already scheduled, do nothing.
    generation: StoredValue<u64>,
    /// Each write's number, in the order the controls made them, and the number of the last one
    /// written: a write that comes after a later one was written is dropped (see `navigate_to`).
    writes_made: StoredValue<u64>,
    last_written: StoredValue<u64>,
    router_search: Memo<String>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl Atlas {
    /// Shows `next` (a reader's action: `ViewState::after_action`), adding a history entry or
    /// replacing the current one.
    pub fn set(&self, next: ViewState, history: History) {
        self.navigate_to(next.after_action(), history);
    }

    /// The view follows at once; the history entry (a push, or a replace for a drag) is written
    /// after the next frame is painted, so Back and Forward step through every state. While the
    /// page is hidden it draws no frames: a write made then goes after a task, and may land before
    /// one made just before the page was hidden, still waiting for its frame. That older write is
    /// then dropped rather than written over the newer link: the history never goes back to an
    /// older state by itself. An entry goes missing: the dropped push's own, or, where the newer
    /// write was a replace (the map player's year), the one before it, which that replace took.
    /// If the router moved by itself while writes wait (Back/Forward, a link), that move wins:
    /// the writes are dropped and the view follows the router.
    fn navigate_to(&self, next: ViewState, history: History) {
        let next = next.canonical(self.dataset);
        let url = self.href(&next);
        let replace = history == History::Replace;
        if self.writes_pending.get_value() == 0 {
            self.router_expected.set_value(self.router_search.get_untracked());
        }
        self.ahead.set(Some(state::encode(&next)));
        self.writes_pending.update_value(|n| *n += 1);
        let generation = self.generation.get_value();
        self.writes_made.update_value(|n| *n += 1);
        let number = self.writes_made.get_value();
        let atlas = *self;
        let write = move || {
            if atlas.generation.get_value() != generation || atlas.drop_writes_if_router_moved() {
                return;
            }
            if number < atlas.last_written.get_value() {
                atlas.writes_pending.update_value(|n| *n = n.saturating_sub(1));
                if atlas.writes_pending.get_value() == 0 {
                    atlas.ahead.set(None);
                }
                return;
            }
            atlas.last_written.set_value(number);
            atlas.navigate.with_value(|navigate| navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() }));
            atlas.router_expected.set_value(atlas.router_search.get_untracked());
            atlas.writes_pending.update_value(|n| *n = n.saturating_sub(1));
            if atlas.writes_pending.get_value() == 0 {
                atlas.ahead.set(None);
            }
        };
        // A page in the background draws no frames, and its frame callbacks wait until it is
        // shown: there (the map player goes on playing) the write goes after a task.
        if bridge::page_hidden() {
            set_timeout(write, std::time::Duration::ZERO);
        } else {
            request_animation_frame(move || set_timeout(write, std::time::Duration::ZERO));
        }
    }

    /// Drops the pending writes when the router's query string is not the one they expect, and
    /// says whether it did.
    fn drop_writes_if_router_moved(&self) -> bool {
        let moved = self.writes_pending.get_value() > 0
            && self.router_expected.with_value(|expected| *expected != self.router_search.get_untracked());
        if moved {
            self.drop_writes();
        }
        moved
    }

    /// Drops the pending writes: their callbacks, already scheduled, do nothing, and the view
    /// follows the router.
    fn drop_writes(&self) {
        self.generation.update_value(|g| *g += 1);
        self.writes_pending.set_value(0);
        self.ahead.set(None);
    }

    /// Applies a change to the current state.
    pub fn update(&self, history: History, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view_state.get_untracked();
        change(&mut next);
        self.set(next, history);
    }

    /// The link to a state: the current path plus its canonical query, so it works under any
    /// sub-path a static host serves the page from.
    pub fn href(&self, state: &ViewState) -> String {
        let query = state::encode(state);
        let path = self.pathname.get_untracked();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    }

    /// The absolute link to one figure: the current view with `figure=<id>`, or the table
    /// filtered to it where the view does not show it (`charts::figure_home`).
    pub fn figure_link(&self, id: &str) -> String {
        let state = ViewState { figure: Some(id.to_string()), ..self.view_state.get_untracked() };
        let home = crate::charts::figure_home(self.dataset, &state.canonical(self.dataset));
        format!("{}{}", bridge::origin(), self.href(&home))
    }

    /// The absolute address of a file of the data package (`data/<file>` beside the page).
    pub fn data_url(&self, file: &str) -> String {
        let path = self.pathname.get_untracked();
        let folder = &path[..path.rfind('/').map_or(0, |at| at + 1)];
        let folder = if folder.is_empty() { "/" } else { folder };
        format!("{}{folder}data/{file}", bridge::origin())
    }

    /// Hides the notices on screen while the same notices stand (`state::undismissed`).
    pub fn dismiss_notices(&self) {
        self.dismissed.set(Some(self.notices.get_untracked()));
    }

    /// What chart builders need besides their data; tracks language and theme.
    pub fn look(&self) -> Look<'static> {
        Look { dataset: self.dataset, lang: self.lang.get(), palette: Palette::for_theme(self.dark.get()), animate: self.animate }
    }
}

pub fn use_atlas() -> Atlas {
    use_context::<Atlas>().expect("Atlas context is provided by <Page> before any view renders")
}

/// Called once inside `<Router>`.
pub fn provide_atlas(dataset: &'static Dataset) -> Atlas {
    let location = use_location();
    let navigate = use_navigate();
    let ahead = RwSignal::new(None::<String>);
    let search = Memo::new(move |_| ahead.get().unwrap_or_else(|| location.search.get()));
    let parsed = Memo::new(move |_| state::parse(&search.read(), dataset));
    let view_state = Memo::new(move |_| parsed.read().state.clone());
    let shown = Memo::new(move |_| query::choice::shown_indicator(dataset, &view_state.read()));
    let dismissed = RwSignal::new(None::<Vec<Notice>>);
    let standing = Memo::new(move |_| parsed.read().notices.iter().cloned().chain(shown.read().notice.clone()).collect::<Vec<_>>());
    let notices = Memo::new(move |_| state::undismissed(standing.get(), dismissed.read().as_deref()));
    // A dismissal lasts while the same notices stand (`state::dismissal_after`).
    Effect::new(move |_| {
        let now = standing.get();
        let kept = state::dismissal_after(dismissed.get_untracked(), &now);
        if kept.is_none() && dismissed.with_untracked(Option::is_some) {
            dismissed.set(None);
        }
    });
    let lang = Memo::new(move |_| view_state.read().lang);
    let embed = Memo::new(move |_| view_state.read().embed);
    let atlas = Atlas {
        dataset,
        view_state,
        shown,
        notices,
        dismissed,
        lang,
        embed,
        indicator_groups: Memo::new(move |_| crate::query::groups::IndicatorGroups::new(dataset)),
        dark: RwSignal::new(initial_theme_is_dark()),
        source: RwSignal::new(None),
        texts: RwSignal::new(TextsLoad::NotAsked),
        animate: !bridge::media_matches("(prefers-reduced-motion: reduce)"),
        pathname: location.pathname,
        ahead,
        writes_pending: StoredValue::new(0),
        router_expected: StoredValue::new(String::new()),
        generation: StoredValue::new(0),
        writes_made: StoredValue::new(0),
        last_written: StoredValue::new(0),
        router_search: location.search,
        navigate: StoredValue::new_local(Box::new(navigate)),
    };
    provide_context(atlas);
    // The bridge's chart component words its notices in the reader's language.
    provide_context(lang);

    // A stale or hand-edited link is replaced by the canonical one, without a history entry;
    // what it asked for that could not be shown stays on screen (`notices`).
    Effect::new(move |_| {
        let parsed = parsed.read();
        if state::encode(&parsed.state) != search.get() {
            // Straight to the History API: the router's replace still added an entry on first load.
            bridge::replace_url(&atlas.href(&parsed.state));
        }
    });
    // Back/Forward or a link while a control's writes wait: the view follows at once (the
    // writes' own check, in their callbacks, comes a frame later).
    Effect::new(move |_| {
        location.search.track();
        atlas.drop_writes_if_router_moved();
    });
    // Back or Forward to an entry with the very same link moves the router without changing the
    // query string it reports, which the check above cannot see. Every popstate is the reader
    // moving through the history (the writes push and replace, which fire none): the writes
    // still waiting are dropped.
    let history_moved = window_event_listener(leptos::ev::popstate, move |_| {
        if atlas.writes_pending.get_value() > 0 {
            atlas.drop_writes();
        }
    });
    on_cleanup(move || history_moved.remove());
    // The title follows the router, not `ahead`: set before the history push, it would name the
    // entry being left in the history list. `<html lang>` follows the words on screen.
    let router_state = Memo::new(move |_| state::parse(&location.search.read(), dataset).state);
    Effect::new(move |_| {
        let title = query::document_title(dataset, &router_state.read());
        bridge::set_title_and_lang(&title, lang.get().html_tag());
    });
    Effect::new(move |_| bridge::set_theme_attribute(atlas.dark.get()));
    // A link to one figure (`figure=<id>`) opens its source panel, on the view it names where that
    // view shows the figure, else on the table filtered to it.
    let figure = Memo::new(move |_| view_state.read().figure.clone());
    Effect::new(move |_| {
        let Some(id) = figure.get() else { return };
        let state = view_state.get_untracked();
        let home = crate::charts::figure_home(dataset, &state);
        if home != state {
            atlas.navigate_to(home, History::Replace);
        }
        atlas.source.set(Some(id));
    });
    // Closing that panel, or opening another figure's, takes `figure` out of the link, so the
    // link (and a reload) says what is on screen.
    Effect::new(move |previous: Option<Option<String>>| {
        let shown = atlas.source.get();
        let linked = view_state.with_untracked(|s| s.figure.clone());
        if previous.is_some_and(|p| p.is_some()) && linked.is_some() && shown != linked {
            atlas.navigate_to(ViewState { figure: None, ..view_state.get_untracked() }, History::Replace);
        }
        shown
    });
    // A language chosen on the page is remembered by the switch itself (ui::header): a change
    // of language by Back/Forward or a link is not a choice.
    atlas
}

fn initial_theme_is_dark() -> bool {
    bridge::stored_theme().unwrap_or_else(|| bridge::media_matches("(prefers-color-scheme: dark)"))
}

/// Where the dataset's words are (`texts` fetches them): a field of `Atlas`, so defined here,
/// beside it, and `texts` depends on this module, not the other way round.
#[derive(Debug, Clone, PartialEq)]
pub enum TextsLoad {
    NotAsked,
    Loading,
    Ready(&'static crate::model::Texts),
    Failed(String),
}
