//! The overview: the headline figures as cards, each with its year, a sparkline, the plan's
//! target beside it and its source one click away; then the ten industries.

use super::{tr, use_atlas, Atlas};
use crate::charts::{sparkline, SPARKLINE_HEIGHT, SPARKLINE_WIDTH};
use crate::model::Lang;
use crate::query::{card_words, headline_cards, industry_words, Card};
use crate::state::{View, ViewState};
use crate::query::timeline;
use super::timeline::Timeline;
use super::widgets::AfterFirstPaint;
use leptos::prelude::*;

/// Milestones shown before "Show all": the newest, so the overview stays a summary.
const OVERVIEW_MILESTONES: usize = 6;

#[component]
pub fn OverviewView() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let time = Memo::new(move |_| atlas.view_state.read().time_span(atlas.dataset));
    view! {
        <section class="view overview" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "view.overview")}</h2>
            <p class="lede">{move || tr(lang.get(), "overview.lede")}</p>
            <p class="tour-start">
                <a class="button primary" href=move || atlas.href(&ViewState { view: View::Tour, lang: lang.get(), embed: atlas.view_state.read().embed, ..ViewState::default() })>
                    {move || tr(lang.get(), "tour.start")}
                </a>
            </p>
            <div class="cards">
                {move || { let lang = lang.get(); headline_cards(atlas.dataset, time.get()).into_iter().map(|card| card_view(atlas, card, lang)).collect_view() }}
            </div>
            <h3>{move || tr(lang.get(), "overview.industries")}</h3>
            <ul class="industries">
                // Their words are `query::industry_words`', which index.html's shell repeats.
                {move || industry_words(atlas.dataset, lang.get()).into_iter().map(|industry| {
                    view! {
                        <li>
                            <span class="chip" style=format!("background:{}", industry.color) aria-hidden="true"></span>
                            <strong><a href=super::links::profile_href(&atlas, crate::state::ProfileSubject::Sector(industry.id))>{industry.name.to_string()}</a></strong>
                            <p>{industry.description}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            // Below the industries, never in the first screen: drawn after the first paint.
            <AfterFirstPaint>
                <p class="hint">{move || tr(lang.get(), "timeline.lede")}</p>
                <Timeline facts=Signal::derive(move || timeline(atlas.dataset, Some(time.get()))) latest=OVERVIEW_MILESTONES />
            </AfterFirstPaint>
        </section>
    }
}

/// One card, drawn in `lang`: the caller reads the language tracked, so a switch redraws it.
/// Its words are `query::card_words`', which index.html's shell repeats (`crate::shell`).
fn card_view(atlas: Atlas, card: Card<'static>, lang: Lang) -> impl IntoView {
    let words = card_words(atlas.dataset, &card, lang);
    let title = words.title;
    let (Some(figure), Some(latest)) = (words.figure, card.latest) else {
        return view! {
            <article class="card">
                <h3>{title}</h3>
                <p class="card-gap">{words.gap}</p>
            </article>
        }
        .into_any();
    };
    let target_id = card.target.map(|t| t.id.clone());
    // Drawn as SVG by the page, so the overview needs no chart library to open.
    let spark = card.sparkline.map(|(years, series)| {
        let shape = sparkline(&years, &series, SPARKLINE_WIDTH, SPARKLINE_HEIGHT);
        let label = format!("{title}: {}", shape.description);
        view! {
            <svg class="sparkline" viewBox=format!("0 0 {SPARKLINE_WIDTH} {SPARKLINE_HEIGHT}") preserveAspectRatio="none"
                role="img" aria-label=label data-sparkline=card.spec.indicator>
                {shape.paths.into_iter().map(|d| view! { <path d=d vector-effect="non-scaling-stroke" /> }).collect_view()}
                {shape.dots.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="2.5" /> }).collect_view()}
            </svg>
        }
    });
    let latest_id = latest.id.clone();
    view! {
        <article class="card">
            <h3>{title.clone()}</h3>
            <p class="card-value">{figure.value}</p>
            <p class="card-meta">{figure.meta}</p>
            {figure.target.map(|t| view! {
                <p class="card-target">
                    <button type="button" class="link-button" on:click=move |_| atlas.source.set(target_id.clone())>{t}</button>
                </p>
            })}
            {spark}
            <button type="button" class="source-button" aria-label=figure.source_label on:click=move |_| atlas.source.set(Some(latest_id.clone()))>
                {figure.source}
            </button>
        </article>
    }
    .into_any()
}
