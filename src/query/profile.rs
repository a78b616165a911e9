//! What a profile shows: for one sector, district or zone, its headline figures (the latest of
//! every measure, with a target beside it), its series of two or more years, its zones and facts,
//! a district's GDP rank among the sixteen, and the explorer views pre-filtered to it.
//!
//! Every figure is an observation of the dataset, kept whole for its source; the only computed
//! values, a target's distance and a rank, are exact arithmetic on published figures, marked derived.

use super::series::{series, year_axis, Series};
use super::{district_values, preference};
use crate::model::{Dataset, District, Fact, Kind, Lang, Observation, Sector, Unit, Zone, BEIJING, DISTRICTS};
use crate::state::{ProfileSubject, TimeSpan, View, ViewState};
use std::collections::BTreeMap;

/// The entity a profile is about, resolved in the dataset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entity<'d> {
    Sector(&'d Sector),
    District(&'static District),
    Zone(&'d Zone),
}

impl<'d> Entity<'d> {
    pub fn resolve(dataset: &'d Dataset, subject: ProfileSubject<'_>) -> Option<Entity<'d>> {
        match subject {
            ProfileSubject::Sector(id) => dataset.sector(id).map(Entity::Sector),
            ProfileSubject::District(id) => DISTRICTS.iter().find(|d| d.id == id).map(Entity::District),
            ProfileSubject::Zone(id) => dataset.zone(id).map(Entity::Zone),
        }
    }

    pub fn subject(&self) -> ProfileSubject<'_> {
        match self {
            Entity::Sector(s) => ProfileSubject::Sector(&s.id),
            Entity::District(d) => ProfileSubject::District(d.id),
            Entity::Zone(z) => ProfileSubject::Zone(&z.id),
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Entity::Sector(s) => &s.id,
            Entity::District(d) => d.id,
            Entity::Zone(z) => &z.id,
        }
    }

    /// The entity's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match self {
            Entity::Sector(s) => s.name(lang),
            Entity::District(d) => d.name(lang),
            Entity::Zone(z) => z.name(lang),
        }
    }

    /// Whether a figure is about this entity.
    fn owns(&self, observation: &Observation) -> bool {
        match self {
            Entity::Sector(s) => observation.sector.as_deref() == Some(s.id.as_str()),
            Entity::District(d) => observation.region == d.id,
            Entity::Zone(z) => observation.region == z.id,
        }
    }
}

/// Every entity with a profile, grouped: the ten sectors, the 16 districts, the zones.
pub fn all_entities(dataset: &Dataset) -> Vec<Entity<'_>> {
    dataset
        .sectors
        .iter()
        .map(Entity::Sector)
        .chain(DISTRICTS.iter().map(Entity::District))
        .chain(dataset.zones.iter().map(Entity::Zone))
        .collect()
}

/// The latest figure of one measure (indicator, sector, region, unit family) and the plan's target.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline<'d> {
    /// The outcome whose period ends last (a part of a year when it is the most recent); the
    /// target itself when the measure has only targets.
    pub latest: &'d Observation,
    /// The target for the nearest year at or after `latest` (else the latest target), when
    /// `latest` is not itself the target.
    pub target: Option<&'d Observation>,
    /// How far to go: target minus latest, when both are in the same unit and `latest` is an
    /// actual figure. Derived.
    pub to_go: Option<Derived>,
}

/// A value computed from published figures by exact arithmetic (a difference, a rank).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derived {
    pub value: f64,
    pub unit: Unit,
}

/// A line of two or more years of one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSeries {
    pub indicator: String,
    pub years: Vec<u16>,
    pub series: Series,
}

/// A district's GDP rank among all 16 in a year every one of them has a published figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Rank {
    pub year: u16,
    /// 1 = the largest GDP.
    pub rank: usize,
    pub of: usize,
    /// The district's own figure that year (its source).
    pub observation: String,
}

/// A link into an explorer view, pre-filtered to the entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplorerLink {
    pub view: View,
    pub state: ViewState,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile<'d> {
    pub entity: Entity<'d>,
    /// The latest published figure of each measure (never a target).
    pub headlines: Vec<Headline<'d>>,
    /// Measures with only plan targets: listed apart from the latest figures.
    pub plans: Vec<Headline<'d>>,
    pub series: Vec<ProfileSeries>,
    /// A sector's zones, a district's zones, or a zone itself.
    pub zones: Vec<&'d Zone>,
    /// Oldest first.
    pub facts: Vec<&'d Fact>,
    /// Districts only: the GDP rank in each year with figures for all 16.
    pub ranks: Vec<Rank>,
    /// Districts only: the years with district GDP figures, but not for all 16 (no rank).
    pub years_without_rank: Vec<u16>,
    /// A zone's district.
    pub district: Option<&'static District>,
    pub links: Vec<ExplorerLink>,
}

impl Profile<'_> {
    /// A figure's name on this profile: its indicator, then its sector and region where they are
    /// not the profile's own (a district's figure for one sector; a sector's figure for a zone).
    pub fn figure_label(&self, dataset: &Dataset, observation: &Observation, lang: Lang) -> String {
        let mut label = observation.label(lang).to_string();
        if let Some(sector) = observation.sector.as_deref().filter(|s| !matches!(self.entity, Entity::Sector(own) if own.id == *s)) {
            label = format!("{label} · {}", crate::format::sector_name(dataset, Some(sector), lang));
        }
        let own_region = matches!(self.entity, Entity::District(d) if d.id == observation.region)
            || matches!(self.entity, Entity::Zone(z) if z.id == observation.region);
        if !own_region && observation.region != BEIJING {
            label = format!("{label} · {}", dataset.region_name(&observation.region, lang));
        }
        label
    }
}

/// Measures shown first on a district's profile: its GDP and GDP growth.
const DISTRICT_LEAD: [&str; 2] = ["gdp", "gdp_growth"];

/// A profile's contents. `state` supplies the language and embedding of its links.
pub fn profile<'d>(dataset: &'d Dataset, entity: Entity<'d>, state: &ViewState) -> Profile<'d> {
    let rows: Vec<&Observation> = dataset.observations.iter().filter(|o| entity.owns(o)).collect();
    let mut headlines = headlines(dataset, &rows);
    let mut series = profile_series(dataset, &rows);
    let (mut ranks, mut years_without_rank, mut district) = (Vec::new(), Vec::new(), None);
    let zones: Vec<&Zone>;
    let facts: Vec<&Fact>;
    match entity {
        Entity::Sector(sector) => {
            zones = dataset.zones.iter().filter(|z| z.sectors.contains(&sector.id)).collect();
            facts = dataset.facts.iter().filter(|f| f.sectors.contains(&sector.id)).collect();
        }
        Entity::District(d) => {
            zones = dataset.zones.iter().filter(|z| z.district == d.id).collect();
            facts = dataset.facts.iter().filter(|f| f.region == d.id || zones.iter().any(|z| z.id == f.region)).collect();
            (ranks, years_without_rank) = gdp_ranks(dataset, d.id);
            let lead = |indicator: &str| DISTRICT_LEAD.iter().position(|l| *l == indicator).unwrap_or(DISTRICT_LEAD.len());
            crate::model::order::sort_by_key(&mut headlines, |h| lead(&h.latest.indicator));
            crate::model::order::sort_by_key(&mut series, |s| lead(&s.indicator));
        }
        Entity::Zone(zone) => {
            zones = vec![zone];
            facts = dataset.facts.iter().filter(|f| f.region == zone.id).collect();
            district = DISTRICTS.iter().find(|d| d.id == zone.district);
        }
    }
    let mut facts = facts;
    crate::model::order::sort_by(&mut facts, |a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let links = explorer_links(entity, &series, state);
    let (headlines, plans) = headlines.into_iter().partition(|h| h.latest.kind.is_outcome());
    Profile { entity, headlines, plans, series, zones, facts, ranks, years_without_rank, district, links }
}

/// The measures that tell a sector's size over the years: its published amounts of yuan for the
/// whole city (not counts, rates or "at least" floors), each with the years it has, the earliest
/// first. Several measures continue one another (AI: industry output to 2021, industry scale in
/// 2024); the profile lists them together so the reader sees the whole run.
pub fn size_measures(dataset: &Dataset, sector: &str) -> Vec<(String, Vec<u16>)> {
    let mut measures: BTreeMap<&str, std::collections::BTreeSet<u16>> = BTreeMap::new();
    for o in dataset.observations.iter().filter(|o| {
        o.sector.as_deref() == Some(sector) && o.region == BEIJING && o.kind == Kind::Actual && o.unit.yuan_scale().is_some() && !o.is_part_year() && !crate::model::is_floor(o)
    }) {
        measures.entry(o.indicator.as_str()).or_default().insert(o.year);
    }
    let mut list: Vec<(String, Vec<u16>)> = measures.into_iter().map(|(id, years)| (id.to_string(), years.into_iter().collect())).collect();
    crate::model::order::sort_by_key(&mut list, |(id, years)| (years.first().copied(), std::cmp::Reverse(years.len()), id.clone()));
    list
}

/// Years as runs of consecutive years, so a list shows its gaps: 2014, 2018, 2022, 2023, 2024
/// → [2014–2014, 2018–2018, 2022–2024]. The years must be sorted (as `size_measures` gives them).
pub fn year_runs(years: &[u16]) -> Vec<(u16, u16)> {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for &year in years {
        match runs.last_mut() {
            Some((_, last)) if year == *last + 1 => *last = year,
            Some((_, last)) if year == *last => {}
            _ => runs.push((year, year)),
        }
    }
    runs
}

/// The runs as the page writes them: "2014, 2018, 2022–2024".
pub fn year_runs_text(years: &[u16]) -> String {
    year_runs(years).iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect::<Vec<_>>().join(", ")
}

/// Groups a profile's figures by measure: indicator, sector, region and unit family, in the
/// dataset's order of indicators.
fn measures<'d>(dataset: &Dataset, rows: &[&'d Observation]) -> Vec<Vec<&'d Observation>> {
    type Measure = (Option<usize>, Option<usize>, String, Unit);
    let mut groups: BTreeMap<Measure, Vec<&Observation>> = BTreeMap::new();
    for row in rows {
        let indicator = dataset.indicators.iter().position(|i| i.id == row.indicator);
        let sector = row.sector.as_deref().and_then(|s| dataset.sector_index(s));
        groups.entry((indicator, sector, row.region.clone(), row.unit.family())).or_default().push(row);
    }
    groups.into_values().collect()
}

/// Orders figures of one measure for "its latest": the period that ends last first; of a
/// period's floors the highest, which is the statement ("passed 3 tn" over "passed 100 bn");
/// then the preferred source. The search's figure answer picks by the same rule.
pub(crate) fn latest_first(dataset: &Dataset, a: &Observation, b: &Observation) -> std::cmp::Ordering {
    let floor = |o: &Observation| if crate::model::is_floor(o) { super::series::axis_value(o) } else { 0.0 };
    b.ends().cmp(&a.ends()).then_with(|| floor(b).total_cmp(&floor(a))).then_with(|| preference(dataset, a).cmp(&preference(dataset, b)))
}

/// The latest value of every measure the rows hold, with its target.
pub fn headlines<'d>(dataset: &Dataset, rows: &[&'d Observation]) -> Vec<Headline<'d>> {
    measures(dataset, rows)
        .into_iter()
        .filter_map(|group| {
            // The figure whose period ends last: January–July 2025 after January–April 2025 and
            // after 2024; a full year before a part of the same year.
            let best = |keep: &dyn Fn(&Observation) -> bool| group.iter().copied().filter(|o| keep(o)).min_by(|a, b| latest_first(dataset, a, b));
            let outcome = best(&|o| o.kind.is_outcome());
            let Some(latest) = outcome else {
                return best(&|o| o.kind == Kind::Target).map(|latest| Headline { latest, target: None, to_go: None });
            };
            let target = super::nearest_target(dataset, &group, latest.year);
            let to_go = target.and_then(|t| to_go(latest, t));
            Some(Headline { latest, target, to_go })
        })
        .collect()
}

/// Target minus latest, exactly: only for an actual figure and a target in the same unit, and
/// rounded to the decimals the two published figures have, so no float noise is shown. A
/// difference of two percentages is in percentage points.
pub fn to_go(latest: &Observation, target: &Observation) -> Option<Derived> {
    if latest.kind != Kind::Actual && latest.kind != Kind::Share || target.kind != Kind::Target || latest.unit != target.unit || latest.is_part_year() {
        return None;
    }
    let unit = match latest.unit {
        Unit::Pct | Unit::PctOfGdp => Unit::PctPoints,
        Unit::Index | Unit::Rank | Unit::Times => return None,
        unit => unit,
    };
    let places = crate::model::decimals(latest.value).max(crate::model::decimals(target.value));
    let scale = 10f64.powi(places as i32);
    let value = ((target.value - latest.value) * scale).round() / scale;
    Some(Derived { value, unit })
}

/// A line for every measure with outcome figures for two or more full years.
pub fn profile_series(dataset: &Dataset, rows: &[&Observation]) -> Vec<ProfileSeries> {
    measures(dataset, rows)
        .into_iter()
        .filter_map(|group| {
            let mut years: Vec<u16> = group.iter().filter(|o| o.kind.is_outcome() && !o.is_part_year()).map(|o| o.year).collect();
            crate::model::order::sort(&mut years);
            years.dedup();
            let (first, last) = (*years.first()?, *years.last()?);
            if years.len() < 2 {
                return None;
            }
            let axis = year_axis(&group, TimeSpan::new(first, last));
            let line = series(dataset, &group, &axis).into_iter().next()?;
            (line.values.iter().flatten().count() >= 2).then(|| ProfileSeries { indicator: line.indicator.clone(), years: axis, series: line })
        })
        .collect()
}

/// A district's GDP rank in each year every district has a figure; the other years with district
/// GDP figures are returned apart (a rank among some districts would mislead).
pub fn gdp_ranks(dataset: &Dataset, district: &str) -> (Vec<Rank>, Vec<u16>) {
    let mut years: Vec<u16> = dataset
        .observations
        .iter()
        .filter(|o| o.indicator == "gdp" && o.sector.is_none() && DISTRICTS.iter().any(|d| d.id == o.region))
        .map(|o| o.year)
        .collect();
    crate::model::order::sort(&mut years);
    years.dedup();
    let mut ranks = Vec::new();
    let mut without = Vec::new();
    for year in years {
        let values = district_values(dataset, "gdp", year);
        let all: Option<Vec<(&str, f64, &str)>> = values
            .iter()
            .map(|v| v.point.as_ref().and_then(|p| Some((v.district.id, p.value, p.observations.first()?.as_str()))))
            .collect();
        let Some(all) = all else {
            without.push(year);
            continue;
        };
        if let Some(&(_, own, observation)) = all.iter().find(|(id, _, _)| *id == district) {
            let rank = 1 + all.iter().filter(|(_, value, _)| *value > own).count();
            ranks.push(Rank { year, rank, of: all.len(), observation: observation.to_string() });
        }
    }
    (ranks, without)
}

/// The explorer views filtered to the entity. For a sector, the trends link names the indicator
/// of its longest line, so it opens on figures.
fn explorer_links(entity: Entity<'_>, series: &[ProfileSeries], state: &ViewState) -> Vec<ExplorerLink> {
    let base = ViewState { lang: state.lang, embed: state.embed, ..ViewState::default() };
    let (sectors, region) = match entity {
        Entity::Sector(s) => (vec![s.id.clone()], None),
        Entity::District(d) => (Vec::new(), Some(d.id.to_string())),
        Entity::Zone(z) => (Vec::new(), Some(z.id.clone())),
    };
    let longest = series.iter().max_by_key(|s| s.series.values.iter().flatten().count()).map(|s| s.indicator.clone());
    let views: &[View] = match entity {
        Entity::Sector(_) => &[View::Trends, View::Sectors, View::Map, View::Table],
        Entity::District(_) | Entity::Zone(_) => &[View::Trends, View::Map, View::Table],
    };
    views
        .iter()
        // Trends only where a line exists, so the link never opens on an empty chart.
        .filter(|view| **view != View::Trends || longest.is_some())
        .map(|&view| {
            let indicator = if view == View::Trends { longest.clone() } else { None };
            // The map shades districts and outlines the region; it has no region filter to set for a
            // zone beyond the outline, which is what a reader wants to see.
            let regions = region.clone().filter(|r| r != BEIJING).into_iter().collect();
            ExplorerLink { view, state: ViewState { view, indicator, sectors: sectors.clone(), regions, ..base.clone() } }
        })
        .collect()
}

#[cfg(test)]
mod tests;
