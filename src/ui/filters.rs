//! The filter bar: sectors, years, region and indicator. Each control builds the next state;
//! the URL is updated and every view follows from it.
//!
//! On wide screens the controls sit in one row: the sectors and the places are pickers that open
//! a panel. At 640 px and below one summary row names what is chosen (`query::filter_summary`)
//! and a "Filters" button opens the same controls in a modal sheet; changes apply as they are
//! made. The stylesheet decides which of the two a width shows.

use super::{tr, tr_with, use_atlas, History};
use crate::bridge;
use crate::model::RegionLevel;
use crate::query::compare::region_options;
use crate::state::actions::{Entry, YearDrag, YearEnd};
use crate::state::MAX_REGIONS;
use leptos::ev::{self, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;

/// Where the filters are one summary row and a sheet (the stylesheet's phone layout).
const PHONE: &str = "(max-width: 640px)";
/// The sheet's controls, built in this many steps on a phone (`FilterBar`'s `built`).
const CONTROLS: u8 = 4;

#[component]
pub fn FilterBar() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let controls = Memo::new(move |_| atlas.view_state.read().view.controls());
    let summary = Memo::new(move |_| crate::query::filter_summary(atlas.dataset, &atlas.view_state.read()));
    let sheet_open = RwSignal::new(false);
    let open_button = NodeRef::<html::Button>::new();
    let close_button = NodeRef::<html::Button>::new();
    let done_button = NodeRef::<html::Button>::new();
    // Focus moves into the sheet when it opens, and back to its button when it closes. While it
    // is open the page behind it is inert (and, by the stylesheet, does not scroll).
    Effect::new(move |was_open: Option<bool>| {
        let open = sheet_open.get();
        if open != was_open.unwrap_or(false) {
            bridge::set_inert_except(".app", ".filters", open);
        }
        if open {
            if let Some(button) = close_button.get() {
                let _ = button.focus();
            }
        } else if was_open == Some(true) {
            if let Some(button) = open_button.get() {
                let _ = button.focus();
            }
        }
        open
    });
    on_cleanup(move || {
        if sheet_open.try_get_untracked() == Some(true) {
            bridge::set_inert_except(".app", ".filters", false);
        }
    });
    // On a phone the controls sit in the closed sheet, off screen: they are built after the app's
    // first paint, one control per task, so neither the mount nor any task after it is long
    // (issue 26). The bar is mounted once with the page: where the controls show in the row
    // (wider screens) they are built with it, and the rest at once when the sheet opens or the
    // screen widens past the phone layout.
    let built = RwSignal::new(if bridge::media_matches(PHONE) { 0 } else { CONTROLS });
    if built.get_untracked() < CONTROLS {
        leptos::task::spawn_local(async move {
            bridge::after_first_paint().await;
            while built.try_get_untracked().is_some_and(|n| n < CONTROLS) {
                bridge::next_task().await;
                built.try_update(|n| *n = (*n + 1).min(CONTROLS));
            }
        });
    }
    let stage = move |n: u8| built.get() >= n;
    let close = move || sheet_open.set(false);
    // While the sheet is open the notices behind it are inert and go unheard: the sheet repeats
    // them, with the sentence saying a change in it made the trend switch measure
    // (`query::switch::measure_switch`, as the trends view says it), in a live region of its own.
    let switched = RwSignal::new(None::<crate::query::switch::MeasureSwitch>);
    Effect::new(move |before: Option<crate::state::ViewState>| {
        let now = atlas.view_state.get();
        if let Some(before) = before {
            switched.set(crate::query::switch::measure_switch(atlas.dataset, &before, &now));
        }
        now
    });
    // What the sheet says: only what a change made while it is open caused. The lines standing
    // when it opens were said already; a Memo re-renders on a real change only, and `<For>` adds
    // just the new lines, so a screen reader hears each once.
    let lines_now = move || {
        let lang = lang.get();
        let mut lines = crate::state::notice_lines(&atlas.notices.get(), lang);
        lines.extend(switched.get().map(|s| s.message(atlas.dataset, lang)));
        lines
    };
    // Taken in the click that opens the sheet, before it opens, so the region never renders
    // against an older snapshot. A line standing then that goes and comes back while the sheet
    // is open is not said again (it was heard); a change of language re-says the lines.
    let heard_on_open = RwSignal::new(Vec::<String>::new());
    let open_sheet = move || {
        built.set(CONTROLS);
        switched.set(None);
        heard_on_open.set(untrack(lines_now));
        sheet_open.set(true);
    };
    let sheet_notices = Memo::new(move |_| {
        if !sheet_open.get() {
            return Vec::new();
        }
        let heard = heard_on_open.read();
        let mut lines: Vec<String> = Vec::new();
        for line in lines_now() {
            // One line once: `<For>` keys its rows by the line.
            if !heard.contains(&line) && !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines
    });
    // The sheet belongs to the view it was opened on: a link out of it (a profile's "›"), Back
    // or Forward closes it, so returning does not reopen the modal uninvited.
    let view = Memo::new(move |_| atlas.view_state.read().view);
    Effect::new(move |previous: Option<crate::state::View>| {
        let now = view.get();
        if previous.is_some_and(|previous| previous != now) {
            sheet_open.set(false);
        }
        now
    });
    // Turned to landscape (or widened) past the phone layout, the sheet has no place: close it.
    let phone_width = StoredValue::new_local(Some(bridge::watch_media(PHONE, move |matches| {
        if !matches {
            built.set(CONTROLS);
            sheet_open.set(false);
        }
    })));
    on_cleanup(move || phone_width.update_value(|watch| watch.take().map_or((), bridge::MediaWatch::remove)));
    // Escape closes the sheet wherever the focus is (a panel inside it that is open takes the
    // first Escape and marks it handled).
    let escape = window_event_listener(ev::keydown, move |ev| {
        if sheet_open.get_untracked() && ev.key() == "Escape" && !ev.default_prevented() {
            ev.prevent_default();
            close();
        }
    });
    on_cleanup(move || escape.remove());
    // Tab from the last control wraps to the first and Shift+Tab back: focus stays in the sheet.
    let wrap_to = move |target: NodeRef<html::Button>, shift: bool| {
        move |ev: KeyboardEvent| {
            if sheet_open.get_untracked() && ev.key() == "Tab" && ev.shift_key() == shift {
                if let Some(button) = target.get_untracked() {
                    ev.prevent_default();
                    let _ = button.focus();
                }
            }
        }
    };
    view! {
        <Show when=move || controls.get().any()>
            <section class="filters" class:sheet-open=move || sheet_open.get() aria-label=move || tr(lang.get(), "filter.label")>
                <div class="filter-summary">
                    <p class="filter-summary-text">{move || summary.get()}</p>
                    <button type="button" class="filters-button" node_ref=open_button aria-haspopup="dialog"
                        aria-expanded=move || sheet_open.get().to_string() aria-controls="filter-sheet"
                        on:click=move |_| open_sheet()>
                        <span aria-hidden="true" class="filters-icon">"☰ "</span>{move || tr(lang.get(), "filter.open_sheet")}
                    </button>
                </div>
                <div class="sheet-backdrop" on:click=move |_| close()></div>
                <div id="filter-sheet" class="filter-sheet"
                    role=move || sheet_open.get().then_some("dialog")
                    aria-modal=move || sheet_open.get().then_some("true")
                    aria-labelledby=move || sheet_open.get().then_some("filter-sheet-title")>
                    <div class="sheet-head">
                        <h2 id="filter-sheet-title">{move || tr(lang.get(), "filter.label")}</h2>
                        <button type="button" class="icon-button sheet-close" node_ref=close_button
                            aria-label=move || tr(lang.get(), "ui.close") on:click=move |_| close()
                            on:keydown=wrap_to(done_button, true)>"×"</button>
                    </div>
                    <div role="status" class="sheet-notices visually-hidden" aria-live="polite">
                        <ul>
                            <For each=move || sheet_notices.get() key=|line| line.clone() let:line>
                                <li>{line}</li>
                            </For>
                        </ul>
                    </div>
                    <div class="filter-row">
                        <Show when=move || controls.get().sectors && stage(1)>
                            <SectorPicker />
                        </Show>
                        <Show when=move || controls.get().region && !controls.get().several_regions && stage(2)>
                            <RegionSelect />
                        </Show>
                        <Show when=move || controls.get().several_regions && stage(2)>
                            <RegionPicker />
                        </Show>
                        <Show when=move || controls.get().years && stage(3)>
                            <YearRange />
                        </Show>
                        <Show when=move || controls.get().indicator && stage(4)>
                            <IndicatorSelect />
                        </Show>
                    </div>
                    <button type="button" class="primary sheet-done" node_ref=done_button on:click=move |_| close()
                        on:keydown=wrap_to(close_button, false)>
                        {move || tr(lang.get(), "filter.sheet_done")}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// The ten sectors as checkboxes, each with "Only" (that sector alone, one click) and a link to
/// its profile. On wide screens they are in a panel the button opens, which names the choice;
/// Escape or a click outside closes it. In the phone sheet the list is always shown.
#[component]
fn SectorPicker() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let all_selected = Memo::new(move |_| atlas.view_state.read().sectors.is_empty());
    let chosen = Memo::new(move |_| crate::query::sectors_chosen(dataset, &atlas.view_state.read()));
    let open = RwSignal::new(false);
    let picker = NodeRef::<html::Div>::new();
    let toggle_button = NodeRef::<html::Button>::new();
    let outside = window_event_listener(ev::pointerdown, move |ev| {
        if open.get_untracked() && !picker.get_untracked().is_some_and(|el| bridge::event_inside(&ev, &el)) {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let on_keydown = move |ev: KeyboardEvent| {
        if open.get_untracked() && ev.key() == "Escape" {
            ev.prevent_default();
            open.set(false);
            if let Some(button) = toggle_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <div class="sector-picker" class:open=move || open.get() node_ref=picker on:keydown=on_keydown>
            <button type="button" class="picker-toggle" node_ref=toggle_button aria-expanded=move || open.get().to_string()
                aria-controls="sector-panel" on:click=move |_| open.update(|o| *o = !*o)>
                {move || tr_with(lang.get(), "filter.label_chosen", &[("label", &tr(lang.get(), "filter.sectors")), ("chosen", &chosen.get())])}
            </button>
            <fieldset class="sectors picker-panel" id="sector-panel">
                <legend>{move || tr(lang.get(), "filter.sectors")}</legend>
                <div class="sector-list">
                    {dataset.sectors.iter().map(|sector| {
                        let id = sector.id.clone();
                        let checked = { let id = id.clone(); Memo::new(move |_| atlas.view_state.read().has_sector(&id)) };
                        let toggle = { let id = id.clone(); move |_| atlas.set(atlas.view_state.get_untracked().toggle_sector(dataset, &id), History::Push) };
                        let only = { let id = id.clone(); move |_| atlas.set(atlas.view_state.get_untracked().only_sector(dataset, &id), History::Push) };
                        let name = move || sector.name(lang.get()).to_string();
                        let profile = move || super::links::profile_href(&atlas, crate::state::ProfileSubject::Sector(&sector.id));
                        view! {
                            <span class="sector-chip">
                                <label class="sector-option" title=move || sector.name(lang.get()).to_string()>
                                    <input type="checkbox" name="sector" value=id.clone() prop:checked=move || checked.get() on:change=toggle />
                                    <span class="chip" style=format!("background:{}", sector.color) aria-hidden="true"></span>
                                    <span>{name}</span>
                                </label>
                                <button type="button" class="only-button" on:click=only
                                    aria-label=move || tr_with(lang.get(), "filter.only_sector", &[("name", sector.name(lang.get()))])>
                                    {move || tr(lang.get(), "filter.only")}
                                </button>
                                <a class="profile-link" href=profile title=move || format!("{} {}", tr(lang.get(), "profile.of"), sector.name(lang.get()))>
                                    <span aria-hidden="true">"›"</span>
                                    <span class="visually-hidden">{move || format!("{} {}", tr(lang.get(), "profile.of"), sector.name(lang.get()))}</span>
                                </a>
                            </span>
                        }
                    }).collect_view()}
                </div>
                <button type="button" class="link-button" disabled=move || all_selected.get()
                    on:click=move |_| atlas.update(History::Push, |s| s.sectors.clear())>
                    {move || tr(lang.get(), "filter.all_sectors")}
                </button>
            </fieldset>
        </div>
    }
}

/// Two sliders for the first and last year. A drag adds one history entry, then replaces it as
/// it moves, so Back returns to the years before the drag; keyboard steps each add an entry
/// (`state::actions::YearDrag`); an end moved past the other pushes it along (`TimeSpan::with_end`).
#[component]
fn YearRange() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let (first, last) = atlas.dataset.year_span();
    let span = Memo::new(move |_| atlas.view_state.read().time_span(atlas.dataset));
    let drag = StoredValue::new(YearDrag::default());
    let set_year = move |value: String, end: YearEnd| {
        let Ok(year) = value.parse::<u16>() else { return };
        let history = match drag.try_update_value(YearDrag::step) {
            Some(Entry::Replace) => History::Replace,
            _ => History::Push,
        };
        atlas.set(atlas.view_state.get_untracked().with_year_end(atlas.dataset, end, year), history);
    };
    let end_drag = move |_| drag.update_value(YearDrag::release);
    view! {
        <fieldset class="years">
            <legend>
                {move || tr(lang.get(), "filter.years")} ": "
                <output>{move || { let s = span.get(); if s.from == s.to { s.from.to_string() } else { format!("{}–{}", s.from, s.to) } }}</output>
            </legend>
            <label>
                <span class="visually-hidden">{move || tr(lang.get(), "filter.from_year")}</span>
                <input type="range" name="from-year" min=first max=last step="1"
                    aria-label=move || tr(lang.get(), "filter.from_year")
                    prop:value=move || span.get().from.to_string()
                    on:input=move |ev| set_year(event_target_value(&ev), YearEnd::From) on:change=end_drag />
            </label>
            <label>
                <span class="visually-hidden">{move || tr(lang.get(), "filter.to_year")}</span>
                <input type="range" name="to-year" min=first max=last step="1"
                    aria-label=move || tr(lang.get(), "filter.to_year")
                    prop:value=move || span.get().to.to_string()
                    on:input=move |ev| set_year(event_target_value(&ev), YearEnd::To) on:change=end_drag />
            </label>
            <button type="button" class="link-button" disabled=move || atlas.view_state.read().time.is_none()
                on:click=move |_| atlas.update(History::Push, |s| s.time = None)>
                {move || tr(lang.get(), "filter.all_years")}
            </button>
        </fieldset>
    }
}

#[component]
fn RegionSelect() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let group = move |level: RegionLevel, key: &'static str| {
        view! {
            <optgroup label=move || tr(lang.get(), key)>
                {move || dataset.regions.iter().filter(|r| r.level == level).map(|region| {
                    let id = region.id.clone();
                    let selected = { let id = id.clone(); move || atlas.view_state.read().region_id() == id };
                    view! { <option value=id.clone() selected=selected>{region.name(lang.get()).to_string()}</option> }
                }).collect_view()}
            </optgroup>
        }
    };
    view! {
        <label class="select">
            <span>{move || tr(lang.get(), "filter.region")}</span>
            <select name="region" on:change=move |ev| {
                let id = event_target_value(&ev);
                atlas.set(atlas.view_state.get_untracked().with_region(dataset, &id), History::Push);
            } prop:value=move || atlas.view_state.read().region_id().to_string()>
                {group(RegionLevel::City, "filter.city")}
                {group(RegionLevel::District, "filter.districts")}
                {group(RegionLevel::Zone, "filter.zones")}
                {group(RegionLevel::Aggregate, "filter.areas")}
            </select>
        </label>
    }
}

/// Several places at once: a disclosure naming the places chosen that opens on a text box that
/// narrows the list and a checkbox per place, grouped as the dataset lists them.
/// At `MAX_REGIONS` the others are disabled and a status line says why.
#[component]
fn RegionPicker() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let typed = RwSignal::new(String::new());
    let options = Memo::new(move |_| {
        region_options(dataset, &atlas.view_state.read(), &typed.read())
            .into_iter()
            .map(|o| (o.region.id.clone(), o.region.level, o.checked, o.disabled))
            .collect::<Vec<_>>()
    });
    let chosen = Memo::new(move |_| atlas.view_state.read().region_ids().len());
    let full = Memo::new(move |_| atlas.view_state.read().at_region_limit());
    let group = move |level: RegionLevel, key: &'static str| {
        let id = format!("region-group-{}", key.trim_start_matches("filter."));
        let label_id = id.clone();
        move || {
            let items: Vec<_> = options.get().into_iter().filter(|(_, l, _, _)| *l == level).collect();
            (!items.is_empty()).then(|| view! {
                <div role="group" aria-labelledby=label_id.clone() class="region-group">
                    <p class="region-group-name" id=id.clone()>{tr(lang.get(), key)}</p>
                    {items.into_iter().map(|(id, _, checked, disabled)| {
                        let name = dataset.region(&id).map(|r| r.name(lang.get()).to_string()).unwrap_or_else(|| id.clone());
                        let toggle = { let id = id.clone(); move |_| atlas.set(atlas.view_state.get_untracked().toggle_region(dataset, &id), History::Push) };
                        view! {
                            <label class="region-option">
                                <input type="checkbox" name="region" value=id prop:checked=checked disabled=disabled on:change=toggle />
                                <span>{name}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            })
        }
    };
    // Folded by default, so the chart stays where it was; the summary names the places chosen.
    let open = RwSignal::new(false);
    // Escape folds it and gives focus back to the summary.
    let summary_ref = NodeRef::<html::Summary>::new();
    let close_on_escape = move |ev: KeyboardEvent| {
        if open.get_untracked() && ev.key() == "Escape" {
            ev.prevent_default();
            open.set(false);
            if let Some(summary) = summary_ref.get_untracked() {
                let _ = summary.focus();
            }
        }
    };
    let summary = move || {
        let lang = lang.get();
        let state = atlas.view_state.read();
        let names: Vec<String> = state.region_ids().iter().map(|id| dataset.region_name(id, lang)).collect();
        tr_with(lang, "filter.label_chosen", &[("label", &tr(lang, "filter.regions")), ("chosen", &names.join(", "))])
    };
    view! {
        <details class="regions" prop:open=move || open.get() on:keydown=close_on_escape>
            <summary node_ref=summary_ref on:click=move |ev| { ev.prevent_default(); open.update(|o| *o = !*o) }>{summary}</summary>
            <fieldset class="region-panel">
                <legend>
                    {move || tr(lang.get(), "filter.regions")}
                    <span class="region-count">{move || format!(" ({} {})", chosen.get(), tr_with(lang.get(), "filter.regions_chosen", &[("max", &MAX_REGIONS.to_string())]))}</span>
                </legend>
                <input type="search" name="region-search" class="region-search" autocomplete="off"
                    aria-label=move || tr(lang.get(), "filter.find_region") placeholder=move || tr(lang.get(), "filter.find_region")
                    aria-controls="region-list"
                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                // The 43 places are built when the panel first opens, not at every chart link's start.
                <div class="region-list" id="region-list">
                    <Show when=move || open.get()>
                        {group(RegionLevel::City, "filter.city")}
                        {group(RegionLevel::District, "filter.districts")}
                        {group(RegionLevel::Zone, "filter.zones")}
                        {group(RegionLevel::Aggregate, "filter.areas")}
                        {move || options.read().is_empty().then(|| view! { <p class="hint">{tr(lang.get(), "filter.no_region_match")}</p> })}
                    </Show>
                </div>
                <p class="region-limit" role="status">{move || full.get().then(|| tr_with(lang.get(), "filter.region_limit", &[("max", &MAX_REGIONS.to_string())]))}</p>
                <button type="button" class="link-button" disabled=move || atlas.view_state.read().regions.is_empty()
                    on:click=move |_| atlas.update(History::Push, |s| s.regions.clear())>
                    {move || tr(lang.get(), "filter.only_beijing")}
                </button>
            </fieldset>
        </details>
    }
}

/// Lists the indicators the current view can draw for the selection, with their count of figures
/// (`query::choice::indicator_options`).
#[component]
fn IndicatorSelect() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let view = Memo::new(move |_| atlas.view_state.read().view);
    let options = Memo::new(move |_| crate::query::choice::indicator_options(dataset, &atlas.view_state.get()));
    // What the view draws (`Atlas::shown`), so the select always shows it.
    let current = Memo::new(move |_| atlas.shown.read().indicator.clone().unwrap_or_default());
    let apply = move |id: String| atlas.update(History::Push, |s| s.indicator = (!id.is_empty()).then_some(id));
    let stepping = StoredValue::new(false);
    let pending = StoredValue::new(None::<String>);
    let apply_pending = move || {
        stepping.set_value(false);
        if let Some(id) = pending.try_update_value(Option::take).flatten() {
            apply(id);
        }
    };
    view! {
        <label class="select indicator">
            <span>{move || tr(lang.get(), "filter.indicator")}</span>
            <select name="indicator" prop:value=move || current.get()
                // Arrow keys on the closed list change its value at each step: the view follows
                // on Enter or on leaving the list, not at every step. A pick with the mouse (or
                // from the open list) applies at once.
                on:keydown=move |ev| match ev.key().as_str() {
                    "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End" => stepping.set_value(true),
                    "Enter" => apply_pending(),
                    _ => {}
                }
                on:blur=move |_| apply_pending()
                // A press of the mouse or a finger opens the list: what it picks applies at once,
                // even after an arrow key that changed nothing (ArrowDown on the last option).
                on:pointerdown=move |_| stepping.set_value(false)
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if stepping.get_value() {
                        stepping.set_value(false);
                        pending.set_value(Some(id));
                    } else {
                        // A pick with the mouse after arrow keys: the value stepped to earlier
                        // is stale, and leaving the list must not apply it over this one.
                        pending.set_value(None);
                        apply(id);
                    }
                }>
                {move || crate::query::choice::unset_indicator_label(view.get()).map(|key| view! {
                    <option value="" selected=move || current.get().is_empty()>{move || tr(lang.get(), key)}</option>
                })}
                {move || crate::query::choice::view_choices(view.get()).into_iter().map(|(id, key)| view! {
                    <option value=id selected=move || current.get() == id>{move || tr(lang.get(), key)}</option>
                }).collect_view()}
                {move || {
                    let lang = lang.get();
                    crate::query::groups::grouped_options(&atlas.indicator_groups.read(), dataset, options.get(), lang).into_iter().map(|(group, list)| view! {
                        <optgroup label=tr(lang, group.label_key())>
                            {list.into_iter().map(|option| {
                                let id = option.id;
                                let label = dataset.indicator(&id).map(|i| format!("{} ({})", i.label(lang), option.n_figures)).unwrap_or_else(|| id.clone());
                                let selected = { let id = id.clone(); move || current.get() == id };
                                view! { <option value=id selected=selected>{label}</option> }
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()
                }}
            </select>
        </label>
    }
}
