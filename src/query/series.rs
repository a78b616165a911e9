//! Observations shaped for charts: lines over years, bars across sectors, values per district.

use super::{filter, preference, Filter};
use crate::model::{same_figure, Dataset, District, Kind, Observation, ObsId, Unit, DISTRICTS};
use crate::state::{TimeSpan, ViewState};
use std::collections::BTreeMap;

/// One value to draw and every observation that gives it.
///
/// Lines stating the same figure (equal within the coarser one's rounding, `model::same_figure`)
/// are one point: the most precise of them is drawn, and the best source among them comes first.
/// Lines that give a different figure for the same year stay a conflict, listed after them.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: u16,
    /// In the axis unit: yuan amounts in 亿元 (whatever unit they were published in), else as published.
    pub value: f64,
    /// The source a click opens: the best-confidence observation stating the drawn figure.
    pub obs: ObsId,
    /// Every observation of the point: the agreeing ones first (best confidence first, so the
    /// first is `obs`), then the differing ones.
    pub observations: Vec<ObsId>,
    /// The observation whose published value is drawn: the most precise agreeing one.
    pub drawn: ObsId,
    /// The other observations stating the same figure ("also reported by").
    pub agreeing: Vec<ObsId>,
    /// Observations giving a different figure for the point.
    pub differing: Vec<ObsId>,
    /// Two sources give different values for this point.
    pub conflict: bool,
}

impl Point {
    /// How many sources state or dispute this point.
    pub fn n_sources(&self) -> usize {
        self.observations.len()
    }
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
            // Rows may come in any order (a profile passes the dataset's): sort, then dedup.
            target_years.sort_unstable();
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

pub(crate) fn point<'d>(dataset: &Dataset, same_point: impl Iterator<Item = &'d Observation>) -> Option<Point> {
    let mut observations: Vec<&Observation> = same_point.collect();
    observations.sort_by(|a, b| preference(dataset, a).cmp(&preference(dataset, b)));
    // Lines stating the same figure form a group; the group drawn is the one with the best
    // source (a published figure before a derived one, official before media before a repost),
    // then the one more sources agree on.
    let mut groups: Vec<Vec<&Observation>> = Vec::new();
    for o in &observations {
        match groups.iter_mut().find(|g| g.first().is_some_and(|first| same_figure(first, o))) {
            Some(group) => group.push(o),
            None => groups.push(vec![o]),
        }
    }
    let best = groups.iter().min_by_key(|g| {
        let first = g.first().map(|o| preference(dataset, o));
        (first.map(|p| (p.0, p.1)), std::cmp::Reverse(g.len()), first.map(|p| p.2.to_string()))
    })?;
    let anchor = *best.first()?;
    let (mut agreeing, differing): (Vec<&Observation>, Vec<&Observation>) =
        observations.iter().copied().partition(|o| best.iter().any(|b| b.id == o.id));
    // The most precise published value is drawn (finest step; the better source on a tie).
    let drawn = agreeing
        .iter()
        .copied()
        .min_by(|a, b| {
            let step = |o: &Observation| axis_step(o);
            step(a).partial_cmp(&step(b)).unwrap_or(std::cmp::Ordering::Equal).then_with(|| preference(dataset, a).cmp(&preference(dataset, b)))
        })
        .unwrap_or(anchor);
    agreeing.sort_by(|a, b| preference(dataset, a).cmp(&preference(dataset, b)));
    let ids = |list: &[&Observation]| list.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    let all: Vec<ObsId> = ids(&agreeing).into_iter().chain(ids(&differing)).collect();
    Some(Point {
        year: drawn.year,
        obs: agreeing.first().map_or_else(|| drawn.id.clone(), |o| o.id.clone()),
        value: axis_value(drawn),
        drawn: drawn.id.clone(),
        agreeing: agreeing.iter().skip(1).map(|o| o.id.clone()).collect(),
        conflict: !differing.is_empty(),
        differing: ids(&differing),
        observations: all,
    })
}

/// The step a published value can tell apart, in axis units: smaller is more precise.
fn axis_step(observation: &Observation) -> f64 {
    10f64.powi(-(observation.decimals() as i32)) * observation.unit.yuan_scale().map_or(1.0, |s| s / 1e8)
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
    /// Set when no indicator compares the selected sectors (`choice::SectorsLead::Sizes`): each
    /// sector's latest size in its own measure, drawn by `charts::sector_sizes_chart`; `bars`
    /// is then empty.
    pub sizes: Vec<super::choice::SectorSize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub sector: String,
    pub point: Option<Point>,
}

/// Compares the selected sectors in the year (within the state's years) with figures for the
/// most of them; a single-year link compares exactly that year.
pub fn comparison(dataset: &Dataset, state: &ViewState) -> Comparison {
    let sectors_state = ViewState { view: crate::state::View::Sectors, ..state.clone() };
    let Some(indicator) = super::choice::shown_indicator(dataset, &sectors_state).indicator else {
        let sizes = super::choice::sector_sizes(dataset, state);
        let year = sizes.iter().map(|s| s.latest.year).max();
        return Comparison { indicator: String::new(), year, unit: None, bars: Vec::new(), sizes };
    };
    let sectors = state.selected_sectors(dataset);
    let rows: Vec<&Observation> = filter(dataset, &Filter { sectors: Some(sectors.iter().map(|s| s.to_string()).collect()), ..Filter::with_indicator(&sectors_state, dataset, Some(indicator.clone())) })
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
    Comparison { indicator, year, unit, bars, sizes: Vec::new() }
}

/// A district and its figure, if it has one, for the map.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictValue {
    pub district: &'static District,
    pub point: Option<Point>,
}

pub(crate) fn district_rows<'d>(dataset: &'d Dataset, indicator: &str) -> Vec<&'d Observation> {
    dataset
        .observations
        .iter()
        .filter(|o| o.indicator == indicator && o.sector.is_none() && o.kind.is_outcome() && !o.is_part_year())
        .filter(|o| DISTRICTS.iter().any(|d| d.id == o.region))
        .collect()
}

/// The year the map shades for one indicator: a single-year span's year (whether or not a
/// district has a figure then: the map shows that year, grey where there is none), else the year
/// in the span with figures for the most districts (the later one on a tie); `None` when no
/// district has a figure in the span. `choice::map_year` asks this for the indicator a state shows.
pub fn district_year(dataset: &Dataset, indicator: &str, time: TimeSpan) -> Option<u16> {
    if time.from == time.to {
        return Some(time.from);
    }
    let rows = district_rows(dataset, indicator);
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
