//! Observations shaped for charts: lines over years, bars across sectors, values per district.

use super::preference;
use crate::model::{is_floor, same_figure, Dataset, District, Kind, Observation, ObsId, Unit, DISTRICTS};
use crate::state::TimeSpan;
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
    /// Floors lower than the drawn one for the same point (a "≥ 100 bn" beside a "≥ 3 tn"):
    /// implied by it, so listed with its sources, never drawn and never a disagreement.
    pub weaker: Vec<ObsId>,
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
            crate::model::order::sort(&mut target_years);
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
pub(crate) fn main_unit(rows: &[&Observation]) -> Option<Unit> {
    let mut counts: BTreeMap<Unit, usize> = BTreeMap::new();
    for row in rows.iter().filter(|o| !o.is_part_year()) {
        *counts.entry(row.unit.family()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(unit, n)| (*n, std::cmp::Reverse(*unit))).map(|(unit, _)| unit)
}

pub(crate) fn point<'d>(dataset: &Dataset, same_point: impl Iterator<Item = &'d Observation>) -> Option<Point> {
    let mut observations: Vec<&Observation> = same_point.collect();
    crate::model::order::sort_by(&mut observations, |a, b| preference(dataset, a).cmp(&preference(dataset, b)));
    // "Passed 3 trillion" implies "passed 100 billion": of a point's floors only the highest is
    // a statement to draw; the lower ones are weaker, kept as its sources, not a conflict.
    let top_floor = observations.iter().copied().filter(|o| is_floor(o)).max_by(|a, b| axis_value(a).total_cmp(&axis_value(b)));
    let (weaker, observations): (Vec<&Observation>, Vec<&Observation>) = observations
        .into_iter()
        .partition(|o| top_floor.is_some_and(|top| is_floor(o) && axis_value(o) < axis_value(top) && !same_figure(top, o)));
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
    crate::model::order::sort_by(&mut agreeing, |a, b| preference(dataset, a).cmp(&preference(dataset, b)));
    let ids = |list: &[&Observation]| list.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
    let all: Vec<ObsId> = ids(&agreeing).into_iter().chain(ids(&differing)).chain(ids(&weaker)).collect();
    Some(Point {
        year: drawn.year,
        obs: agreeing.first().map_or_else(|| drawn.id.clone(), |o| o.id.clone()),
        value: axis_value(drawn),
        drawn: drawn.id.clone(),
        agreeing: agreeing.iter().skip(1).map(|o| o.id.clone()).collect(),
        conflict: !differing.is_empty(),
        differing: ids(&differing),
        weaker: ids(&weaker),
        observations: all,
    })
}

/// The step a published value can tell apart, in axis units: smaller is more precise.
fn axis_step(observation: &Observation) -> f64 {
    10f64.powi(-(observation.decimals() as i32)) * observation.unit.yuan_scale().map_or(1.0, |s| s / 1e8)
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
