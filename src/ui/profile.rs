//! The profile of one sector, district or zone, and the index of all profiles. Renders what
//! `query::profile` decides: headline figures each with a source button, small line charts, a
//! small map, facts, and links into the explorer views.

use super::links::profile_href;
use super::map_chart::MapChart;
use super::timeline::Timeline;
use super::widgets::open_source;
use crate::charts::source_line;
use super::{tr, use_atlas, Atlas, History};
use crate::bridge::{ChartClick, EChart};
use crate::charts::{profile_map_chart, trend_chart, ProfileMapInput};
use crate::format::period_label;
use crate::format;
use crate::model::{Lang, Observation, DISTRICTS};
use crate::query::profile::{all_entities, profile, Entity, Headline, Profile};
use crate::state::ProfileSubject;
use leptos::prelude::*;

/// What the entity is: an industry, a district, or the zone's own kind (science city, park …).
fn kind_key(entity: &Entity<'_>) -> String {
    match entity {
        Entity::Sector(_) => "search.kind.sector".to_string(),
        Entity::District(_) => "search.kind.district".to_string(),
        Entity::Zone(z) => format!("zone_kind.{}", z.kind),
    }
}

fn name(entity: &Entity<'_>, lang: Lang) -> String {
    let (en, zh) = entity.names();
    if lang == Lang::Zh { zh.to_string() } else { en.to_string() }
}

#[component]
pub fn ProfileView() -> impl IntoView {
    let atlas = use_atlas();
    let entity = Memo::new(move |_| {
        let state = atlas.view_state.get();
        state.profile_subject(atlas.dataset).and_then(|s| Entity::resolve(atlas.dataset, s))
    });
    move || match entity.get() {
        Some(entity) => view! { <ProfileBody entity=entity /> }.into_any(),
        None => view! { <ProfileIndex /> }.into_any(),
    }
}

/// Every profile, grouped and linked: where a link naming no entity, or several, lands.
#[component]
fn ProfileIndex() -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let group = move |key: &'static str, pick: fn(&Entity<'_>) -> bool| {
        view! {
            <section class="profile-group" aria-labelledby=format!("index-{key}")>
                <h3 id=format!("index-{key}")>{move || tr(lang.get(), key)}</h3>
                <ul class="profile-index-list">
                    {move || all_entities(atlas.dataset).into_iter().filter(|e| pick(e)).map(|entity| {
                        let href = atlas.href(&atlas.view_state.get().profile(entity.subject()));
                        view! { <li><a href=href>{name(&entity, lang.get())}</a></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    };
    view! {
        <section class="view profile-index" aria-labelledby="view-title">
            <h2 id="view-title">{move || tr(lang.get(), "profile.index_title")}</h2>
            <p>{move || tr(lang.get(), "profile.index_intro")}</p>
            {group("profile.sectors", |e| matches!(e, Entity::Sector(_)))}
            {group("profile.districts", |e| matches!(e, Entity::District(_)))}
            {group("profile.zones", |e| matches!(e, Entity::Zone(_)))}
        </section>
    }
}

#[component]
fn ProfileBody(entity: Entity<'static>) -> impl IntoView {
    let atlas = use_atlas();
    let dataset = atlas.dataset;
    let lang = atlas.lang;
    let data = Memo::new(move |_| profile(dataset, entity, &atlas.view_state.get()));
    let other_lang = move || if lang.get() == Lang::Zh { Lang::En } else { Lang::Zh };
    view! {
        <article class="view profile" aria-labelledby="view-title" data-profile=entity.id().to_string()>
            <p class="profile-kind">{move || tr(lang.get(), &kind_key(&entity))}</p>
            <h2 id="view-title">
                {move || name(&entity, lang.get())} " "
                <span class="other-name" lang=move || other_lang().html_tag()>{move || name(&entity, other_lang())}</span>
            </h2>
            <About entity=entity />
            <section aria-labelledby="profile-figures">
                <h3 id="profile-figures">{move || tr(lang.get(), "profile.figures")}</h3>
                {move || match entity {
                    Entity::Sector(sector) => {
                        let lang = lang.get();
                        let measures = crate::query::profile::size_measures(dataset, &sector.id);
                        (!measures.is_empty()).then(|| {
                            let list: Vec<String> = measures.iter().map(|(id, years)| {
                                let label = dataset.indicator(id).map_or_else(|| id.clone(), |i| i.label(lang).to_string());
                                let span = crate::query::profile::year_runs_text(years);
                                format!("{label} ({span})")
                            }).collect();
                            view! { <p class="profile-growth">{tr(lang, "profile.size_measures")} " " {list.join(" · ")}</p> }
                        })
                    }
                    _ => None,
                }}
                {move || {
                    let p = data.get();
                    if p.headlines.is_empty() && p.plans.is_empty() {
                        view! { <NoFigures profile=p /> }.into_any()
                    } else {
                        let plans = (!p.plans.is_empty()).then(|| view! {
                            <h4 class="profile-plans">{tr(lang.get(), "profile.plans")}</h4>
                            <ul class="profile-figures">
                                {p.plans.iter().map(|h| headline_item(atlas, &p, h, lang.get())).collect_view()}
                            </ul>
                        });
                        view! {
                            <ul class="profile-figures">
                                {p.headlines.iter().map(|h| headline_item(atlas, &p, h, lang.get())).collect_view()}
                            </ul>
                            {plans}
                        }.into_any()
                    }
                }}
            </section>
            <Ranks data=data />
            <Show when=move || !data.read().series.is_empty()>
                <section aria-labelledby="profile-years">
                    <h3 id="profile-years">{move || tr(lang.get(), "profile.over_years")}</h3>
                    <div class="profile-charts">
                        {move || data.get().series.into_iter().map(|line| {
                            let name = format!("profile-{}", line.indicator);
                            let figures: Vec<String> = line.series.values.iter().flatten().chain(line.series.targets.iter()).map(|p| p.obs.clone()).collect();
                            let csv = super::widgets::chart_csv(atlas, &name, move || figures.clone());
                            let option = Signal::derive(move || {
                                let lang = lang.get();
                                let rows: Vec<&Observation> = line.series.values.iter().flatten().chain(line.series.targets.iter())
                                    .filter_map(|p| dataset.observation(p.observations.first()?)).collect();
                                let title = rows.first().map_or_else(String::new, |o| data.with_untracked(|p| p.figure_label(dataset, o, lang)));
                                trend_chart(&atlas.look(), &title, &source_line(dataset, &rows, lang), std::slice::from_ref(&line.series), &line.years)
                            });
                            view! {
                                <EChart option=option name=name class="small" on_click=open_source(atlas)
                                    download_label=Signal::derive(move || tr(lang.get(), "ui.download_png")) csv=csv />
                            }
                        }).collect_view()}
                    </div>
                </section>
            </Show>
            <section aria-labelledby="profile-where">
                <h3 id="profile-where">{move || tr(lang.get(), "profile.where")}</h3>
                <ProfileMap data=data />
                <ZoneLinks data=data />
            </section>
            <Timeline facts=Signal::derive(move || data.read().facts.clone()) />
            <nav class="profile-explore" aria-labelledby="profile-explore">
                <h3 id="profile-explore">{move || tr(lang.get(), "profile.explore")}</h3>
                <ul>
                    {move || data.get().links.into_iter().map(|link| {
                        let href = atlas.href(&link.state);
                        view! { <li><a class="button" href=href>{tr(lang.get(), &format!("view.{}", link.view.id()))} " →"</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        </article>
    }
}

/// A source button whose visible word is "Source" and whose name says which figure.
fn source_button(atlas: Atlas, observation: &Observation, what: String, lang: Lang) -> impl IntoView {
    let id = observation.id.clone();
    view! {
        <button type="button" class="link-button figure-source" on:click=move |_| atlas.source.set(Some(id.clone()))>
            {tr(lang, "ui.source")}<span class="visually-hidden">{format!(": {what}")}</span>
        </button>
    }
}

fn headline_item(atlas: Atlas, p: &Profile<'static>, h: &Headline<'static>, lang: Lang) -> impl IntoView {
    let dataset = atlas.dataset;
    let o = h.latest;
    let label = p.figure_label(dataset, o, lang);
    let when = period_label(o, lang);
    let target = h.target.map(|t| {
        let text = format!("{} {}: {}", tr(lang, "kind.target"), period_label(t, lang), format::figure(t, lang));
        view! {
            <p class="profile-target">{text.clone()} " " {source_button(atlas, t, format!("{label}, {text}"), lang)}</p>
        }
    });
    let to_go = h.to_go.map(|d| {
        view! {
            <p class="profile-to-go">
                {format!("{}: {} ", tr(lang, "profile.to_go"), format::value(d.value, d.unit, lang))}
                <span class="badge">{format::kind(crate::model::Kind::Derived, lang)}</span>
                <span class="source-note">{format!(" {}", tr(lang, "profile.to_go_note"))}</span>
            </p>
        }
    });
    view! {
        <li class="profile-figure" data-obs=o.id.clone()>
            <p class="figure-label">{label.clone()}</p>
            <p class="figure-value">
                <strong>{format::figure(o, lang)}</strong>
                " " <span class="badge">{format::kind(o.kind, lang)}</span>
                " " <span class="figure-year">{when.clone()}</span>
                " " {source_button(atlas, o, format!("{label}, {when}"), lang)}
            </p>
            {target}
            {to_go}
        </li>
    }
}

/// A zone without figures of its own says so, and points to its district's profile.
#[component]
fn NoFigures(profile: Profile<'static>) -> impl IntoView {
    let atlas = use_atlas();
    // Read tracked: the words follow a language switch.
    move || {
        let lang = atlas.lang.get();
        let district = profile.district.map(|d| {
            let href = profile_href(&atlas, ProfileSubject::District(d.id));
            view! { <a href=href>{format!("{} {} →", tr(lang, "profile.see_district"), d.name(lang))}</a> }
        });
        view! { <p class="profile-empty" role="status">{tr(lang, "profile.no_figures")} " " {district}</p> }
    }
}

/// What the entity is: a sector's definition, a zone's description, kind, district and sectors,
/// each with its source.
#[component]
fn About(entity: Entity<'static>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let dataset = atlas.dataset;
    move || {
        let lang = lang.get();
        match entity {
            Entity::Sector(s) => {
                let text = if lang == Lang::Zh { s.description_zh.clone() } else { s.description_en.clone() };
                view! {
                    <div class="profile-about">
                        <p>{text}</p>
                        {super::with_texts(move |texts| view! { <blockquote class="quote" lang="zh-CN">{texts.sector_quote(dataset, s).to_string()}</blockquote> }.into_any())}
                        {super::widgets::source_link(&s.source_url, "profile.definition_source", lang)}
                    </div>
                }.into_any()
            }
            Entity::Zone(z) => {
                let text = if lang == Lang::Zh { z.description_zh.clone() } else { z.description_en.clone() };
                let district = DISTRICTS.iter().find(|d| d.id == z.district).map(|d| {
                    let name = if lang == Lang::Zh { d.name_zh } else { d.name_en };
                    view! { <a href=profile_href(&atlas, ProfileSubject::District(d.id))>{name}</a> }
                });
                let sectors = z.sectors.iter().filter_map(|id| dataset.sector(id)).map(|s| {
                    view! { <li><a href=profile_href(&atlas, ProfileSubject::Sector(&s.id))>{s.name(lang).to_string()}</a></li> }
                }).collect_view();
                view! {
                    <div class="profile-about">
                        <p>{text}</p>
                        <dl class="profile-facts">
                            <dt>{tr(lang, "profile.zone_kind")}</dt><dd>{tr(lang, &format!("zone_kind.{}", z.kind))}</dd>
                            <dt>{tr(lang, "profile.district")}</dt><dd>{district}</dd>
                            <dt>{tr(lang, "filter.sectors")}</dt><dd><ul class="inline-list">{sectors}</ul></dd>
                        </dl>
                        {super::with_texts(move |texts| view! { <blockquote class="quote" lang="">{texts.zone_quote(dataset, z).to_string()}</blockquote> }.into_any())}
                        {super::widgets::source_link(&z.source_url, "map.zone_source", lang)}
                    </div>
                }.into_any()
            }
            Entity::District(_) => view! { <p class="profile-about">{tr(lang, "profile.district_intro")}</p> }.into_any(),
        }
    }
}


/// A district's GDP rank in each year all 16 have a figure, or why there is none.
#[component]
fn Ranks(data: Memo<Profile<'static>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    move || {
        let p = data.get();
        if !matches!(p.entity, Entity::District(_)) {
            return None;
        }
        let lang = lang.get();
        let body = if p.ranks.is_empty() {
            let years = p.years_without_rank.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
            view! { <p class="source-note">{super::tr_with(lang, "profile.no_rank", &[("years", &years)])}</p> }.into_any()
        } else {
            view! {
                <ul class="profile-ranks">
                    {p.ranks.iter().map(|r| {
                        let text = super::tr_with(lang, "profile.rank_line", &[("year", &r.year.to_string()), ("rank", &r.rank.to_string()), ("of", &r.of.to_string())]);
                        let source = atlas.dataset.observation(&r.observation).map(|o| source_button(atlas, o, text.clone(), lang));
                        view! { <li>{text.clone()} " " <span class="badge">{format::kind(crate::model::Kind::Derived, lang)}</span> " " {source}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        };
        Some(view! {
            <section aria-labelledby="profile-rank">
                <h3 id="profile-rank">{tr(lang, "profile.rank_title")}</h3>
                {body}
                <p class="source-note">{tr(lang, "profile.rank_note")}</p>
            </section>
        })
    }
}

/// The zones of the profile, each linked to its own profile, with their sectors.
#[component]
fn ZoneLinks(data: Memo<Profile<'static>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    move || {
        let p = data.get();
        if matches!(p.entity, Entity::Zone(_)) || p.zones.is_empty() {
            return None;
        }
        let lang = lang.get();
        Some(view! {
            <ul class="profile-zones">
                {p.zones.iter().map(|z| {
                    let sectors: Vec<String> = z.sectors.iter().filter_map(|s| atlas.dataset.sector(s)).map(|s| s.name(lang).to_string()).collect();
                    view! {
                        <li>
                            <a href=profile_href(&atlas, ProfileSubject::Zone(&z.id))>{z.name(lang).to_string()}</a>
                            <span class="source-note">{format!(" · {}", sectors.join(" · "))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

/// The small map: a district filled among the others, a sector's zones, or a zone's point. A click on a district or zone opens its profile.
#[component]
fn ProfileMap(data: Memo<Profile<'static>>) -> impl IntoView {
    let atlas = use_atlas();
    let lang = atlas.lang;
    let option = Signal::derive(move || {
        let p = data.get();
        let lang = lang.get();
        let (region, title) = match p.entity {
            Entity::District(d) => {
                let name = if lang == Lang::Zh { d.name_zh } else { d.name_en };
                (d.id.to_string(), super::tr_with(lang, "profile.map_district", &[("name", name)]))
            }
            Entity::Sector(s) => ("beijing".to_string(), super::tr_with(lang, "profile.map_sector", &[("name", s.name(lang))])),
            Entity::Zone(z) => (z.id.clone(), z.name(lang).to_string()),
        };
        // No figure is drawn on this map: the credit is the Atlas's own.
        let credits = tr(lang, "app.title");
        profile_map_chart(&atlas.look(), &ProfileMapInput { title: &title, source_line: &credits, zones: &p.zones, region: &region })
    });
    let on_click = Callback::new(move |click: ChartClick| {
        let state = atlas.view_state.get_untracked();
        // A zone's point first (it lies on a district), else the district's shape.
        let Some(subject) = click.zone.as_deref().or(click.region.as_deref()).and_then(|r| ProfileSubject::of_region(atlas.dataset, r)) else { return };
        atlas.set(state.profile(subject), History::Push);
    });
    view! { <MapChart option=option on_click=on_click name="profile-map" class="map small-map" /> }
}
