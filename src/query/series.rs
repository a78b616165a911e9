//! Observations shaped for charts: lines over years, bars across sectors, values per district.

use super::{filter, preference, Filter};
use crate::model::{Dataset, District, Kind, Observation, ObsId, Unit, DISTRICTS};
use crate::state::{TimeSpan, ViewState};
use std::collections::BTreeMap;

/// One value to draw and every observation that gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: u16,
    /// In the axis unit: yuan amounts in 亿元 (whatever unit they were published in), else as published.
    pub value: f64,
    /// The observation drawn: a click opens its source.
    pub obs: ObsId,
    /// Every observation that gives this point, the drawn one first; more than one means the
    /// sources were compared.
    pub observations: Vec<ObsId>,
    /// Two sources give different values for this point.
    pub conflict: bool,
}

/// A line: one indicator for one sector (or the whole economy) in one region.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub indicator: String,
    pub sector: Option<String>,
    pub region: String,
    /// The axis unit family (`HundredMillionYuan` for every yuan amount).
    pub unit: Unit,
    /// Aligned with the years passed to `series`; `None` is a gap.
    pub values: Vec<Option<Point>>,
    /// Targets, drawn apart from the line.
    pub targets: Vec<Point>,
}

/// A figure in the axis unit: yuan amounts become 亿元 so that 亿元, billion and trillion yuan
/// figures share one axis. The published value itself is never changed.
pub fn axis_value(observation: &Observation) -> f64 {
    match observation.unit.yuan_scale() {
        Some(scale) => observation.value * scale / 1e8,
        None => observation.value,
    }
}

/// The years a line chart spans: the filter's years, clipped to those with figures.
pub fn year_axis(rows: &[&Observation], time: TimeSpan) -> Vec<u16> {
    let years = rows.iter().map(|o| o.year).filter(|y| time.contains(*y));
    match (years.clone().min(), years.max()) {
        (Some(first), Some(last)) => (first..=last).collect(),
        _ => Vec::new(),
    }
}

/// Lines for the rows, one per (sector, region), values aligned with `years`. Part-year figures
/// and figures in a unit the main one cannot share an axis with are left to the table.
pub fn series(dataset: &Dataset, rows: &[&Observation], years: &[u16]) -> Vec<Series> {
    let Some(unit) = main_unit(rows) else { return Vec::new() };
    let mut groups: BTreeMap<(Option<usize>, String), Vec<&Observation>> = BTreeMap::new();
    for row in rows.iter().filter(|o| !o.is_part_year() && o.unit.family() == unit) {
        let sector = row.sector.as_deref().and_then(|s| dataset.sector_index(s));
        groups.entry((sector, row.region.clone())).or_default().push(row);
    }
    groups
        .into_values()
        .map(|group| {
            let first = group[0];
            let values = years
                .iter()
                .map(|year| point(dataset, group.iter().copied().filter(|o| o.year == *year && o.kind.is_outcome())))
                .collect();
            let mut target_years: Vec<u16> = group.iter().filter(|o| o.kind == Kind::Target).map(|o| o.year).collect();
            target_years.dedup();
            let targets = target_years
                .into_iter()
                .filter(|year| years.contains(year))
                .filter_map(|year| point(dataset, group.iter().copied().filter(|o| o.year == year && o.kind == Kind::Target)))
                .collect();
            Series {
                indicator: first.indicator.clone(),
                sector: first.sector.clone(),
                region: first.region.clone(),
                unit,
                values,
                targets,
            }
        })
        .filter(|s: &Series| s.values.iter().any(Option::is_some) || !s.targets.is_empty())
        .collect()
}

/// The unit family most rows share; the chart's axis uses it.
fn main_unit(rows: &[&Observation]) -> Option<Unit> {
    let mut counts: BTreeMap<Unit, usize> = BTreeMap::new();
    for row in rows.iter().filter(|o| !o.is_part_year()) {
        *counts.entry(row.unit.family()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(unit, n)| (*n, std::cmp::Reverse(*unit))).map(|(unit, _)| unit)
}

fn point<'d>(dataset: &Dataset, same_point: impl Iterator<Item = &'d Observation>) -> Option<Point> {
    let mut observations: Vec<&Observation> = same_point.collect();
    observations.sort_by(|a, b| preference(dataset, a).cmp(&preference(dataset, b)));
    let drawn = observations.first()?;
    let value = axis_value(drawn);
    let conflict = observations.iter().any(|o| (axis_value(o) - value).abs() > 1e-9 * value.abs().max(1.0));
    Some(Point {
        year: drawn.year,
        value,
        obs: drawn.id.clone(),
        observations: observations.iter().map(|o| o.id.clone()).collect(),
        conflict,
    })
}

/// A bar per selected sector, for one indicator, region and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub indicator: String,
    /// `None` when no selected sector has a figure in the chosen years.
    pub year: Option<u16>,
    pub unit: Option<Unit>,
    /// Every selected sector, in the dataset's order; a sector without a figure has no point.
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub sector: String,
    pub point: Option<Point>,
}

/// Compares the selected sectors in the year (within the state's years) with figures for the
/// most of them; a single-year link compares exactly that year.
pub fn comparison(dataset: &Dataset, state: &ViewState) -> Comparison {
    let indicator = state.indicator_id().unwrap_or_default().to_string();
    let sectors = state.selected_sectors(dataset);
    let rows: Vec<&Observation> = filter(dataset, &Filter { sectors: Some(sectors.iter().map(|s| s.to_string()).collect()), ..Filter::from_state(state, dataset) })
        .into_iter()
        .filter(|o| !o.is_part_year() && o.kind.is_outcome())
        .collect();
    let unit = main_unit(&rows);
    let rows: Vec<&Observation> = rows.into_iter().filter(|o| Some(o.unit.family()) == unit).collect();
    // The year most of the selected sectors have a figure for (the later on a tie): comparing
    // four sectors in 2025 says less than comparing all ten in 2023.
    let year = if state.time.is_some_and(|t| t.from == t.to) {
        state.time.map(|t| t.from)
    } else {
        let mut coverage: BTreeMap<u16, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for row in &rows {
            coverage.entry(row.year).or_default().insert(row.sector.as_deref().unwrap_or_default());
        }
        coverage.into_iter().max_by_key(|(year, sectors)| (sectors.len(), *year)).map(|(year, _)| year)
    };
    let bars = sectors
        .iter()
        .map(|sector| Bar {
            sector: sector.to_string(),
            point: year.and_then(|year| {
                point(dataset, rows.iter().copied().filter(|o| o.year == year && o.sector.as_deref() == Some(sector)))
            }),
        })
        .collect();
    Comparison { indicator, year, unit, bars }
}

/// A district and its figure, if it has one, for the map.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictValue {
    pub district: &'static District,
    pub point: Option<Point>,
}

fn district_rows<'d>(dataset: &'d Dataset, indicator: &str) -> Vec<&'d Observation> {
    dataset
        .observations
        .iter()
        .filter(|o| o.indicator == indicator && o.sector.is_none() && o.kind.is_outcome() && !o.is_part_year())
        .filter(|o| DISTRICTS.iter().any(|d| d.id == o.region))
        .collect()
}

/// The year the map shades: a single-year link's year, else the year in the span with figures
/// for the most districts (the later one on a tie). `None` when no district has a figure.
pub fn map_year(dataset: &Dataset, indicator: &str, time: TimeSpan) -> Option<u16> {
    let rows = district_rows(dataset, indicator);
    if time.from == time.to {
        return Some(time.from);
    }
    let mut coverage: BTreeMap<u16, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for row in rows.iter().filter(|o| time.contains(o.year)) {
        coverage.entry(row.year).or_default().insert(&row.region);
    }
    coverage.into_iter().max_by_key(|(year, districts)| (districts.len(), *year)).map(|(year, _)| year)
}

/// All 16 districts with their figure for `year`; a district without one keeps `None`.
pub fn district_values(dataset: &Dataset, indicator: &str, year: u16) -> Vec<DistrictValue> {
    let rows = district_rows(dataset, indicator);
    DISTRICTS
        .iter()
        .map(|district| DistrictValue {
            district,
            point: point(dataset, rows.iter().copied().filter(|o| o.year == year && o.region == district.id)),
        })
        .collect()
}
