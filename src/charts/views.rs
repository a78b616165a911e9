//! What each chart view draws for a view state: title, credits, data and option. Pure functions
//! of the dataset and the state, so the host tests check the very option the browser is given;
//! the components only hand the result to the bridge.

use super::trend::{lines_chart, TrendInput};
use super::{district_map_chart, mark, sectors_chart, Look, MapInput};
use crate::format::{sector_name, tr, tr_with};
use crate::model::{Dataset, Lang, ObsId, Observation, Zone};
use crate::query::compare::{district_range, index_base, IndexBase};
use crate::query::{self, district_values, district_year, series::year_axis, Comparison, Filter, Point, Series};
use crate::state::{Scale, View, ViewState};
use crate::story::Step;
use serde_json::Value;
use std::collections::BTreeSet;

/// How wide a chart's credit line may run, in widths of a Latin letter (a Chinese character counts
/// two): what fits the narrowest chart, a 390 px phone's, at the credit's 11 px type.
pub const CREDIT_BUDGET: usize = 56;

/// "Sources: Beijing Municipal Bureau of Statistics; Xinhua +3 · Beijing High-Tech Atlas",
/// drawn into the chart so a saved PNG keeps its credits. Publishers are named whole, as many as
/// fit `CREDIT_BUDGET` (the first always), the rest counted ("+3"); the chart's source list
/// under it names every one.
pub fn source_line(dataset: &Dataset, rows: &[&Observation], lang: Lang) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for row in rows {
        let publisher = credit_name(&dataset.source_of(row).publisher);
        if !publishers.contains(&publisher) {
            publishers.push(publisher);
        }
    }
    credit_line(&publishers, lang, CREDIT_BUDGET)
}

/// The credit line for these publishers within `budget` (see `CREDIT_BUDGET`).
pub fn credit_line(publishers: &[&str], lang: Lang, budget: usize) -> String {
    let line = |shown: &[&str]| {
        let more = publishers.len() - shown.len();
        let extra = if more > 0 { format!(" +{more}") } else { String::new() };
        format!("{}: {}{extra} · {}", tr(lang, "chart.sources"), shown.join("; "), tr(lang, "app.title"))
    };
    let mut n = publishers.len();
    while n > 1 && text_width(&line(&publishers[..n])) > budget {
        n -= 1;
    }
    line(&publishers[..n])
}

/// A text's width in widths of a Latin letter: a CJK character or full-width sign counts two.
fn text_width(text: &str) -> usize {
    text.chars().map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 }).sum()
}

/// A publisher as a chart's credit names it: the publisher itself, without the page that reposted
/// or mirrored it or carried it ("The Beijing News (新京报), reposted by shijiejingji.cn" → "The
/// Beijing News (新京报)"). Only those markers cut: a name's own brackets and commas stay
/// ("Beijing (English) magazine, 2018-02-01 issue (via PressReader)" keeps its magazine).
pub fn credit_name(publisher: &str) -> &str {
    const MARKERS: [&str; 7] = [" reposted", " repost on", " via ", "(via ", "(reposted", " mirrored", "(mirror"];
    let cut = MARKERS.iter().filter_map(|m| publisher.find(m)).min().unwrap_or(publisher.len());
    publisher[..cut].trim_end_matches([' ', ',', ';', '(', '（'])
}

/// A chart's title: the indicator shown (as the view's query chose it), then where. Trends
/// comparing places names the sector its lines show (one chosen, or all industries: the
/// economy-wide figures), then the places.
pub fn chart_title(dataset: &Dataset, state: &ViewState, indicator: Option<&str>) -> String {
    let lang = state.lang;
    let indicator = indicator.and_then(|id| dataset.indicator(id)).map_or_else(String::new, |i| i.label(lang).to_string());
    // The sectors view compares sectors within the first place chosen.
    let shown = if state.view == View::Sectors { vec![state.region_id()] } else { state.region_ids() };
    let places = shown.iter().map(|r| dataset.region_name(r, lang)).collect::<Vec<_>>().join(", ");
    if state.view == View::Trends && state.compares_regions() {
        return match state.sectors.as_slice() {
            [] => format!("{indicator} · {} · {places}", sector_name(dataset, None, lang)),
            [one] => format!("{indicator} · {} · {places}", sector_name(dataset, Some(one), lang)),
            _ => format!("{indicator} · {places}"),
        };
    }
    format!("{indicator} · {places}")
}

/// Each line's legend name: its sector; its place when trends compares places (and the sector
/// too when the lines show several).
pub fn line_names(dataset: &Dataset, state: &ViewState, series: &[Series]) -> Vec<String> {
    let lang = state.lang;
    let several_sectors = series.iter().any(|s| s.sector != series.first().and_then(|f| f.sector.clone()));
    series
        .iter()
        .map(|line| {
            let sector = sector_name(dataset, line.sector.as_deref(), lang);
            if !state.compares_regions() {
                return sector;
            }
            let place = dataset.region_name(&line.region, lang);
            if several_sectors { format!("{place} · {sector}") } else { place }
        })
        .collect()
}

/// What the trends chart shows for a state: title, credits, the lines, their years, and how many
/// figures of the selection it leaves out (part-year figures, a unit the axis cannot share).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendData {
    pub title: String,
    pub source: String,
    pub series: Vec<Series>,
    pub years: Vec<u16>,
    pub left_out: usize,
    /// Each line's legend name (`line_names`).
    pub names: Vec<String>,
    /// Where each line's colour comes from when lines compare places: its place's position
    /// among those chosen. `None` when the lines are coloured by sector.
    pub places: Option<Vec<usize>>,
    pub scale: Scale,
    /// With `Scale::Index`, each line's base (`None`: it cannot be indexed and is left out).
    pub bases: Vec<Option<IndexBase>>,
}

impl TrendData {
    pub fn new(dataset: &Dataset, state: &ViewState) -> TrendData {
        TrendData::with_indicator(dataset, state, query::choice::shown_indicator(dataset, state).indicator)
    }

    /// The lines of `indicator`, already chosen for the state (`query::choice::shown_indicator`).
    pub fn with_indicator(dataset: &Dataset, state: &ViewState, indicator: Option<String>) -> TrendData {
        let filter = Filter::with_indicator(state, dataset, indicator);
        let rows = query::filter(dataset, &filter);
        let years = year_axis(&rows, state.time_span(dataset));
        let mut series = query::series(dataset, &rows, &years);
        // Lines in the order of the places chosen (the dataset's), sectors within each.
        crate::model::order::sort_by_key(&mut series, |s| dataset.regions.iter().position(|r| r.id == s.region));
        let drawn: BTreeSet<&str> = drawn_points(&series).flat_map(|p| p.observations.iter().map(String::as_str)).collect();
        let left_out = rows.iter().filter(|o| !drawn.contains(o.id.as_str())).count();
        let credited: Vec<&Observation> = rows.iter().copied().filter(|o| drawn.contains(o.id.as_str())).collect();
        let chosen = state.region_ids();
        let places = state.compares_regions().then(|| series.iter().map(|s| chosen.iter().position(|r| *r == s.region).unwrap_or(0)).collect());
        let bases = match state.scale {
            Scale::Index => series.iter().map(|s| index_base(s, &years)).collect(),
            Scale::Values => Vec::new(),
        };
        TrendData {
            title: chart_title(dataset, state, filter.indicator.as_deref()),
            source: source_line(dataset, &credited, state.lang),
            names: line_names(dataset, state, &series),
            series,
            years,
            left_out,
            places,
            scale: state.scale,
            bases,
        }
    }

    pub fn option(&self, look: &Look<'_>) -> Value {
        lines_chart(
            look,
            &TrendInput {
                title: &self.title,
                source_line: &self.source,
                series: &self.series,
                years: &self.years,
                names: &self.names,
                places: self.places.as_deref(),
                bases: (self.scale == Scale::Index).then_some(self.bases.as_slice()),
            },
        )
    }

    /// What the indexed view says about its lines: those indexed to their own first year, and
    /// those it leaves out. Empty when showing values.
    pub fn index_notes(&self, lang: Lang) -> Vec<String> {
        if self.scale != Scale::Index {
            return Vec::new();
        }
        self.names
            .iter()
            .zip(&self.series)
            .enumerate()
            .filter_map(|(i, (name, line))| match self.bases.get(i).copied().flatten() {
                Some(base) if base.own_first => Some(tr_with(lang, "trends.index_own_first", &[("name", name), ("year", &base.year.to_string())])),
                Some(_) => None,
                None if line.values.iter().any(Option::is_some) => Some(tr_with(lang, "trends.not_indexed", &[("name", name)])),
                None => None,
            })
            .collect()
    }

    /// The lines the chart draws: with indexed growth, those with a base (the others are left
    /// out of the chart, so their figures are not its figures either).
    fn drawn_series(&self) -> Vec<Series> {
        let indexed = |i: usize| self.scale != Scale::Index || self.bases.get(i).copied().flatten().is_some();
        self.series.iter().enumerate().filter(|(i, _)| indexed(*i)).map(|(_, s)| s.clone()).collect()
    }

    /// The observation drawn at each point, targets included: the list of figures and sources.
    pub fn points(&self) -> Vec<ObsId> {
        drawn_points(&self.drawn_series()).map(|p| p.obs.clone()).collect()
    }
}

impl TrendData {
    /// The text under the chart: what a gap means, and how many indicators the chart leaves out
    /// (ui::trends and the served shell, src/shell/links.rs, both write it from here).
    pub fn note(&self, lang: Lang) -> String {
        let note = tr(lang, "trends.note");
        if self.left_out == 0 {
            return note;
        }
        format!("{note} {}", crate::format::counted(lang, "trends.left_out_count", self.left_out))
    }

    /// The sectors drawn as lines, in the chart's order: the legend's entries that have a profile.
    pub fn sectors(&self) -> Vec<String> {
        let mut sectors: Vec<String> = Vec::new();
        for sector in self.series.iter().filter_map(|s| s.sector.clone()) {
            if !sectors.contains(&sector) {
                sectors.push(sector);
            }
        }
        sectors
    }
}

/// The map's year player's line: the years it stops at and the year with the most districts
/// (ui::map_view and the served shell, src/shell/links.rs, both write it from here).
pub fn player_note(lang: Lang, player: &crate::query::compare::Player) -> String {
    let years = player.years.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
    let best = player.best.map(|y| y.to_string()).unwrap_or_default();
    tr_with(lang, "map.player_stops", &[("years", &years), ("best", &best), ("n", &player.best_districts.to_string())])
}

/// The sectors the sectors view draws (ladder rows with a cell, bars or size panels), in the
/// chart's order.
pub fn compared_sectors(comparison: &Comparison) -> Vec<String> {
    let bars = comparison.bars.iter().filter(|b| b.point.is_some()).map(|b| b.sector.clone());
    let ladder = comparison.ladder.iter().flat_map(|l| l.sectors.iter().filter(|s| l.cells.iter().any(|c| c.sector == **s)).cloned());
    bars.chain(comparison.sizes.iter().map(|s| s.sector.clone())).chain(ladder).collect()
}

fn drawn_points(series: &[Series]) -> impl Iterator<Item = &Point> {
    series.iter().flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
}

/// The sector bars for a state: titled with the year compared, credited to the bars' sources.
pub fn sectors_option(look: &Look<'_>, state: &ViewState, comparison: &Comparison) -> Value {
    let dataset = look.dataset;
    // The default: every sector's strongest published statement of scale, year by year.
    if let Some(ladder) = &comparison.ladder {
        let rows: Vec<&Observation> = ladder.cells.iter().filter_map(|c| dataset.observation(&c.point.obs)).collect();
        let title = format!("{} · {}", tr(state.lang, "ladder.title"), dataset.region_name(state.region_id(), state.lang));
        return super::ladder_chart(look, &title, &source_line(dataset, &rows, state.lang), ladder);
    }
    // Each sector's latest size, in its own measure.
    if !comparison.sizes.is_empty() {
        let rows: Vec<&Observation> = comparison.sizes.iter().filter_map(|s| dataset.observation(&s.latest.obs)).collect();
        return super::sector_sizes_chart(look, &source_line(dataset, &rows, state.lang), &comparison.sizes);
    }
    let year = comparison.year.map_or_else(String::new, |y| y.to_string());
    let title = format!("{} · {year}", chart_title(dataset, state, Some(&comparison.indicator)));
    let rows: Vec<&Observation> = bar_points(comparison).iter().filter_map(|id| dataset.observation(id)).collect();
    sectors_chart(look, &title, &source_line(dataset, &rows, state.lang), comparison)
}

/// The sectors chart's height in pixels where it is not the stylesheet's: size panels need room
/// for every row.
pub fn sectors_chart_height(comparison: &Comparison) -> Option<usize> {
    if let Some(ladder) = &comparison.ladder {
        return Some(super::ladder_height(ladder.sectors.len()));
    }
    (!comparison.sizes.is_empty()).then(|| super::sector_sizes_height(comparison.sizes.len()))
}

/// The locale key of the note under the sectors chart: how to read the ladder, bars, or size panels.
pub fn sectors_note(comparison: &Comparison) -> &'static str {
    match (&comparison.ladder, comparison.sizes.is_empty()) {
        (Some(_), _) => "ladder.note",
        (None, true) => "sectors.note",
        (None, false) => "sectors.sizes_note",
    }
}

/// The figures the sectors chart draws, each with a source button: the observation drawn for
/// each bar or panel; for the ladder, every statement behind every cell (the weaker floors too).
pub fn bar_points(comparison: &Comparison) -> Vec<ObsId> {
    let bars = comparison.bars.iter().filter_map(|b| b.point.as_ref().map(|p| p.obs.clone()));
    let ladder = comparison.ladder.iter().flat_map(|l| l.cells.iter().flat_map(|c| c.observations()));
    bars.chain(comparison.sizes.iter().map(|s| s.latest.obs.clone())).chain(ladder).collect()
}

/// Whether a zone belongs on the map as one of the selected sectors' (all zones when none is chosen).
pub fn zone_matches(state: &ViewState, zone: &Zone) -> bool {
    state.sectors.is_empty() || zone.sectors.iter().any(|s| state.has_sector(s))
}

/// The map for a state: districts shaded by `indicator` (the one the map shows,
/// `query::choice::shown_indicator`) in the year with figures for the most of them, the selected
/// sectors' zones as points, the others faded.
pub fn map_option(look: &Look<'_>, state: &ViewState, indicator: &str) -> Value {
    let dataset = look.dataset;
    let lang = state.lang;
    let indicator = indicator.to_string();
    let year = district_year(dataset, &indicator, state.time_span(dataset));
    // One colour range for every year of the indicator, so the player's years compare.
    let range = district_range(dataset, &indicator);
    let values = year.map(|y| district_values(dataset, &indicator, y)).unwrap_or_default();
    let rows: Vec<&Observation> = values.iter().filter_map(|v| v.point.as_ref()).filter_map(|p| dataset.observation(&p.obs)).collect();
    let unit = rows.first().map(|o| o.unit);
    let label = dataset.indicator(&indicator).map_or(indicator.clone(), |i| i.label(lang).to_string());
    let title = match year {
        Some(year) => format!("{label} · {year}"),
        None => format!("{label} · {}", tr(lang, "chart.no_data")),
    };
    let (zones, other_zones): (Vec<&Zone>, Vec<&Zone>) = dataset.zones.iter().partition(|z| zone_matches(state, z));
    let input = MapInput {
        title: &title,
        source_line: &source_line(dataset, &rows, lang),
        values: &values,
        unit,
        zones: &zones,
        other_zones: &other_zones,
        regions: &state.region_ids(),
        range,
    };
    let mut option = district_map_chart(look, &input);
    if state.view == View::Map {
        // On the map view a click shows the district's figure and its Source button in the card.
        for item in option["series"].as_array_mut().into_iter().flatten().flat_map(|s| s["data"].as_array_mut().into_iter().flatten()) {
            if item.get("obs").is_some() && item.get("region").is_some() {
                if let Some(last) = item["tip"].as_array_mut().and_then(|tip| tip.last_mut()) {
                    *last = Value::String(tr(lang, "map.click_for_card"));
                }
            }
        }
    }
    option
}

/// A tour step's chart, built exactly as its explorer view builds it, with the cited figures marked.
pub fn step_option(look: &Look<'_>, step: &Step, embed: bool) -> Value {
    let dataset = look.dataset;
    let state = step.state(look.lang, embed, dataset);
    let mut option = match step.view {
        View::Sectors => sectors_option(look, &state, &query::comparison(dataset, &state)),
        View::Map => map_option(look, &state, &query::choice::map_shown_indicator(dataset, &state)),
        _ => TrendData::new(dataset, &state).option(look),
    };
    mark(&mut option, &step.marked(dataset), look.palette);
    option
}

/// The figures a chart view draws for a state, as its data items name them (each point's `obs`,
/// the source a click opens; targets included): what the chart's CSV download holds. Empty for
/// views without a chart of their own.
pub fn chart_figures(dataset: &Dataset, state: &ViewState) -> Vec<ObsId> {
    match state.view {
        View::Trends => TrendData::new(dataset, state).points(),
        View::Sectors => {
            // Size panels draw each sector's whole history, its latest figure last.
            let comparison = query::comparison(dataset, state);
            let bars = comparison.bars.iter().filter_map(|b| b.point.as_ref());
            let ladder = comparison.ladder.iter().flat_map(|l| l.cells.iter().map(|c| &c.point));
            bars.chain(comparison.sizes.iter().flat_map(|s| s.history.iter())).chain(ladder).map(|p| p.obs.clone()).collect()
        }
        View::Map => map_points(dataset, state).iter().map(|p| p.obs.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The districts' points the map shades for a state (as `map_option` draws them).
fn map_points(dataset: &Dataset, state: &ViewState) -> Vec<Point> {
    let indicator = query::choice::map_shown_indicator(dataset, state);
    let year = district_year(dataset, &indicator, state.time_span(dataset));
    let values = year.map(|y| district_values(dataset, &indicator, y)).unwrap_or_default();
    values.into_iter().filter_map(|v| v.point).collect()
}

/// Whether a figure is on a view for a state: one of the sources of a point the chart draws
/// (agreeing or differing), or a row of the table.
fn shows_figure(dataset: &Dataset, state: &ViewState, id: &str) -> bool {
    fn among<'p>(mut points: impl Iterator<Item = &'p Point>, id: &str) -> bool {
        points.any(|p| p.observations.iter().any(|o| o == id))
    }
    match state.view {
        View::Trends => among(drawn_points(&TrendData::new(dataset, state).drawn_series()), id),
        View::Sectors => {
            let comparison = query::comparison(dataset, state);
            let in_ladder = comparison.ladder.iter().flat_map(|l| l.cells.iter()).any(|c| c.observations().iter().any(|o| o == id));
            in_ladder || among(comparison.bars.iter().filter_map(|b| b.point.as_ref()).chain(comparison.sizes.iter().flat_map(|s| s.history.iter().chain([&s.latest]))), id)
        }
        View::Map => among(map_points(dataset, state).iter(), id),
        View::Table => query::filter(dataset, &Filter::from_state(state, dataset)).iter().any(|o| o.id == id),
        // The sources list shows no figures.
        View::Sources => false,
        // The overview's cards, the tour's cited figures and a profile's measures: the panel
        // opens over the view as it is.
        View::Overview | View::Tour | View::Profile => true,
    }
}

/// Where a link to one figure (`figure=<id>`) opens: the view it names when that view shows the
/// figure, else the table filtered to the figure's indicator, sector, place and year. The
/// figure's source panel opens over it; "Copy link to this figure" copies this state's link.
pub fn figure_home(dataset: &Dataset, state: &ViewState) -> ViewState {
    let Some(observation) = state.figure.as_deref().and_then(|id| dataset.observation(id)) else { return state.clone() };
    if shows_figure(dataset, state, &observation.id) {
        return state.clone();
    }
    ViewState {
        view: View::Table,
        indicator: Some(observation.indicator.clone()),
        sectors: observation.sector.iter().cloned().collect(),
        regions: vec![observation.region.clone()],
        time: Some(crate::state::TimeSpan::new(observation.year, observation.year)),
        figure: Some(observation.id.clone()),
        lang: state.lang,
        embed: state.embed,
        ..ViewState::default()
    }
    .canonical(dataset)
}
