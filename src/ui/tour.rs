//! The guided tour: each step drives a real chart with its figures marked, tells its story with
//! every figure a button to its source, and can be left with "Explore from here".

use super::map_chart::MapChart;
use super::timeline::Timeline;
use super::widgets::{open_source, SourceButtons};
use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, EChart};
use crate::charts::step_option;
use crate::format;
use crate::state::actions::tour_neighbour;
use crate::state::View;
use crate::story::{self, Segment, Step, STEPS};
use leptos::ev;
use leptos::prelude::*;

/// The link to a step, keeping language and embedding.
fn step_href(atlas: &Atlas, position: usize) -> String {
    atlas.href(&atlas.view_state.get().at_tour_step(position).canonical(atlas.dataset))
}

fn go_to(atlas: Atlas, position: usize) {
    atlas.update(History::Push, |s| s.step = u8::try_from(position).ok());
}

#[component]
pub fn TourView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    let position = Memo::new(move |_| usize::from(atlas.view_state.read().tour_step()));
    let step = Memo::new(move |_| *story::step(position.get() as u8));
    let chart_kind = Memo::new(move |_| step.get().view);
    let option = Signal::derive(move || step_option(&atlas.look(), &step.get(), atlas.view_state.read().embed));
    let explore = move |_| {
        let current = atlas.view_state.get_untracked();
        atlas.set(step.get_untracked().state(current.lang, current.embed, dataset), History::Push);
    };
    // A marked zone on the map leaves the tour for that zone's card.
    let map_click = Callback::new(move |click: ChartClick| {
        let current = atlas.view_state.get_untracked();
        if let Some(zone) = click.zone {
            let state = step.get_untracked().state(current.lang, current.embed, dataset).with_region(dataset, &zone);
            atlas.set(state, History::Push);
        } else if let Some(obs) = click.obs {
            atlas.source.set(Some(obs));
        }
    });
    // At an end the link the reader used becomes a disabled button, which cannot hold focus: when
    // the focus went with it (to <body>), the other end's control takes it, so a keyboard reader
    // keeps their place. Focus anywhere else stays where it is, and so does none: Back to the first
    // step with nothing focused focuses nothing. Checked after the next paint, once the link has
    // been swapped.
    crate::bridge::watch_focus();
    Effect::new(move |previous: Option<usize>| {
        let now = position.get();
        if previous.is_some_and(|p| p != now) && (now == 1 || now == STEPS.len()) {
            let (this_end, other_end) = if now == 1 { ("tour-previous", "tour-next") } else { ("tour-next", "tour-previous") };
            leptos::task::spawn_local(async move {
                crate::bridge::after_next_paint().await;
                if crate::bridge::focus_went_with(this_end) && position.try_get_untracked() == Some(now) {
                    crate::bridge::focus_control(other_end);
                }
            });
        }
        now
    });
    // ← and → move through the steps, unless the reader is typing or using a modifier.
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.default_prevented() {
            return;
        }
        if crate::bridge::is_typing_target(&ev) {
            return;
        }
        let here = position.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" => tour_neighbour(here, true),
            "ArrowLeft" => tour_neighbour(here, false),
            _ => return,
        };
        let Some(next) = next else { return };
        go_to(atlas, next);
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="view tour" aria-labelledby="view-title">
            <h2 id="view-title" class="visually-hidden">{move || tr(lang.get(), "view.tour")}</h2>
            <div class="tour-progress">
                <span class="tour-count">{move || tr_step(lang.get(), position.get())}</span>
                <progress max=STEPS.len() value=move || position.get() aria-label=move || tr_step(lang.get(), position.get())></progress>
            </div>
            <div class="tour-layout">
                <article class="tour-step" aria-labelledby="step-title">
                    <h3 id="step-title">{move || step.get().title(lang.get())}</h3>
                    <p class="tour-text">{move || step_text(atlas, &step.get())}</p>
                    <div class="tour-nav">
                        {step_link(atlas, move || tour_neighbour(position.get(), false), "tour.previous", "tour-previous")}
                        <button type="button" class="primary" on:click=explore>{move || tr(lang.get(), "tour.explore")}</button>
                        {step_link(atlas, move || tour_neighbour(position.get(), true), "tour.next", "tour-next")}
                    </div>
                    <p class="hint">{move || tr(lang.get(), "tour.keys")}</p>
                </article>
                <div class="tour-more">
                    <SourceButtons points=Signal::derive(move || step.get().cited()) summary="tour.figures" open=true />
                    <Timeline facts=Signal::derive(move || step.get().facts.iter().filter_map(|id| dataset.facts.iter().find(|f| f.id == *id)).collect()) />
                </div>
                <div class="tour-chart">
                    {move || match chart_kind.get() {
                        View::Map => view! { <MapChart option=option on_click=map_click /> }.into_any(),
                        View::Sectors => view! { <EChart option=option name="sectors" on_click=open_source(atlas) class="tall" /> }.into_any(),
                        _ => view! { <EChart option=option name="trend" on_click=open_source(atlas) /> }.into_any(),
                    }}
                    <p class="chart-note">{move || tr(lang.get(), "tour.marked")}</p>
                </div>
            </div>
            <nav class="tour-steps" aria-label=move || tr(lang.get(), "tour.steps")>
                <ol>
                    {STEPS.iter().enumerate().map(|(index, s)| {
                        let n = index + 1;
                        view! {
                            <li>
                                <a href=move || step_href(&atlas, n) aria-current=move || (position.get() == n).then_some("step")>
                                    {move || s.title(lang.get())}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
        </section>
    }
}

/// Previous or Next: a link to the step, or at the tour's ends a disabled button (not a link
/// that goes nowhere: it cannot be focused or followed).
/// The link stays one element while it has a step to go to, so focus stays on it.
/// `id` names either, so the other end's control can take the focus.
fn step_link(atlas: Atlas, to: impl Fn() -> Option<usize> + Copy + Send + Sync + 'static, key: &'static str, id: &'static str) -> impl IntoView {
    let lang = atlas.lang;
    view! {
        <Show when=move || to().is_some()
            fallback=move || view! { <button type="button" id=id class="button" disabled>{move || tr(lang.get(), key)}</button> }>
            <a id=id class="button" href=move || to().map(|position| step_href(&atlas, position)).unwrap_or_default()>{move || tr(lang.get(), key)}</a>
        </Show>
    }
}

fn tr_step(lang: crate::model::Lang, position: usize) -> String {
    super::tr_with(lang, "tour.progress", &[("n", &position.to_string()), ("total", &STEPS.len().to_string())])
}

/// The step's paragraph: prose as text, each figure as a button with its value that opens its source.
fn step_text(atlas: Atlas, step: &Step) -> impl IntoView {
    let lang = atlas.lang.get();
    step.text(lang)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.into_any(),
            Segment::Figure(id) => match atlas.dataset.observation(&id) {
                Some(o) => {
                    let label = super::tr_with(lang, "ui.source_of_title", &[("title", o.label(lang))]);
                    view! {
                        <button type="button" class="figure" data-obs=id.clone() title=label.clone() aria-label=format!("{} ({label})", format::value(o.value, o.unit, lang))
                            on:click=move |_| atlas.source.set(Some(id.clone()))>
                            {format::value(o.value, o.unit, lang)}
                        </button>
                    }
                    .into_any()
                }
                None => "—".into_any(),
            },
        })
        .collect_view()
}
