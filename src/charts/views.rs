//! What each chart view draws for a view state: title, credits, data and option. Pure functions
//! of the dataset and the state, so the host tests check the very option the browser is given;
//! the components only hand the result to the bridge.

use super::{district_map_chart, mark, sectors_chart, trend_chart, Look, MapInput};
use crate::format::tr;
use crate::model::{Dataset, Lang, ObsId, Observation, Zone};
use crate::query::{self, district_values, map_year, series::year_axis, Comparison, Filter, Point, Series};
use crate::state::{View, ViewState};
use crate::story::Step;
use serde_json::Value;
use std::collections::BTreeSet;

/// "Sources: Beijing Municipal Bureau of Statistics; Xinhua (+3) · Beijing High-Tech Atlas",
/// drawn into the chart so a saved PNG keeps its credits.
pub fn source_line(dataset: &Dataset, rows: &[&Observation], lang: Lang) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for row in rows {
        let publisher = dataset.source_of(row).publisher.as_str();
        if !publishers.contains(&publisher) {
            publishers.push(publisher);
        }
    }
    let shown: Vec<&str> = publishers.iter().take(2).copied().collect();
    let more = publishers.len().saturating_sub(shown.len());
    let extra = if more > 0 { format!(" (+{more})") } else { String::new() };
    format!("{}: {}{extra} · {}", tr(lang, "chart.sources"), shown.join("; "), tr(lang, "app.title"))
}

/// A chart's title: the indicator, then where.
pub fn chart_title(dataset: &Dataset, state: &ViewState) -> String {
    let lang = state.lang;
    let indicator = query::choice::shown_indicator(dataset, state).indicator.and_then(|id| dataset.indicator(&id)).map_or_else(String::new, |i| i.label(lang).to_string());
    format!("{indicator} · {}", dataset.region_name(state.region_id(), lang))
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
}

impl TrendData {
    pub fn new(dataset: &Dataset, state: &ViewState) -> TrendData {
        let rows = query::filter(dataset, &Filter::from_state(state, dataset));
        let years = year_axis(&rows, state.time_span(dataset));
        let series = query::series(dataset, &rows, &years);
        let drawn: BTreeSet<&str> = drawn_points(&series).flat_map(|p| p.observations.iter().map(String::as_str)).collect();
        let left_out = rows.iter().filter(|o| !drawn.contains(o.id.as_str())).count();
        let credited: Vec<&Observation> = rows.iter().copied().filter(|o| drawn.contains(o.id.as_str())).collect();
        TrendData { title: chart_title(dataset, state), source: source_line(dataset, &credited, state.lang), series, years, left_out }
    }

    pub fn option(&self, look: &Look<'_>) -> Value {
        trend_chart(look, &self.title, &self.source, &self.series, &self.years)
    }

    /// The observation drawn at each point, targets included: the list of figures and sources.
    pub fn points(&self) -> Vec<ObsId> {
        drawn_points(&self.series).map(|p| p.obs.clone()).collect()
    }
}

impl TrendData {
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

/// The sectors the sectors view draws, bars or size panels, in the chart's order.
pub fn compared_sectors(comparison: &Comparison) -> Vec<String> {
    let bars = comparison.bars.iter().filter(|b| b.point.is_some()).map(|b| b.sector.clone());
    bars.chain(comparison.sizes.iter().map(|s| s.sector.clone())).collect()
}

fn drawn_points(series: &[Series]) -> impl Iterator<Item = &Point> {
    series.iter().flat_map(|s| s.values.iter().flatten().chain(s.targets.iter()))
}

/// The sector bars for a state: titled with the year compared, credited to the bars' sources.
pub fn sectors_option(look: &Look<'_>, state: &ViewState, comparison: &Comparison) -> Value {
    let dataset = look.dataset;
    // No measure compares the selected sectors: each one's latest size, in its own measure.
    if !comparison.sizes.is_empty() {
        let rows: Vec<&Observation> = comparison.sizes.iter().filter_map(|s| dataset.observation(&s.latest.obs)).collect();
        return super::sector_sizes_chart(look, &source_line(dataset, &rows, state.lang), &comparison.sizes);
    }
    let year = comparison.year.map_or_else(String::new, |y| y.to_string());
    let title = format!("{} · {year}", chart_title(dataset, state));
    let rows: Vec<&Observation> = bar_points(comparison).iter().filter_map(|id| dataset.observation(id)).collect();
    sectors_chart(look, &title, &source_line(dataset, &rows, state.lang), comparison)
}

/// The sectors chart's height in pixels where it is not the stylesheet's: size panels need room
/// for every row.
pub fn sectors_chart_height(comparison: &Comparison) -> Option<usize> {
    (!comparison.sizes.is_empty()).then(|| super::sector_sizes_height(comparison.sizes.len()))
}

/// The locale key of the note under the sectors chart: how to read bars, or size panels.
pub fn sectors_note(comparison: &Comparison) -> &'static str {
    if comparison.sizes.is_empty() { "sectors.note" } else { "sectors.sizes_note" }
}

/// The observation drawn for each bar that has one.
pub fn bar_points(comparison: &Comparison) -> Vec<ObsId> {
    let bars = comparison.bars.iter().filter_map(|b| b.point.as_ref().map(|p| p.obs.clone()));
    bars.chain(comparison.sizes.iter().map(|s| s.latest.obs.clone())).collect()
}

/// Whether a zone belongs on the map as one of the selected sectors' (all zones when none is chosen).
pub fn zone_matches(state: &ViewState, zone: &Zone) -> bool {
    state.sectors.is_empty() || zone.sectors.iter().any(|s| state.has_sector(s))
}

/// The map for a state: districts shaded by the indicator in the year with figures for the most
/// of them, the selected sectors' zones as points, the others faded.
pub fn map_option(look: &Look<'_>, state: &ViewState) -> Value {
    let dataset = look.dataset;
    let lang = state.lang;
    let indicator = state.indicator_id().unwrap_or("gdp").to_string();
    let year = map_year(dataset, &indicator, state.time_span(dataset));
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
        region: state.region_id(),
    };
    district_map_chart(look, &input)
}

/// A tour step's chart, built exactly as its explorer view builds it, with the cited figures marked.
pub fn step_option(look: &Look<'_>, step: &Step, embed: bool) -> Value {
    let dataset = look.dataset;
    let state = step.state(look.lang, embed, dataset);
    let mut option = match step.view {
        View::Sectors => sectors_option(look, &state, &query::comparison(dataset, &state)),
        View::Map => map_option(look, &state),
        _ => TrendData::new(dataset, &state).option(look),
    };
    mark(&mut option, &step.marked(dataset), look.palette);
    option
}
