//! Questions asked of the dataset: which figures a view shows, as rows, series, cards and map
//! values. Every value keeps the ids of the observations behind it, so its source is one lookup
//! away. Nothing here fills a gap: a missing year stays `None`, never zero or an interpolation.

pub mod choice;
pub mod cite;
pub mod compare;
pub mod ladder;
pub mod map;
pub mod sectors;
pub mod sources;
mod cards;
mod title;
pub mod table;
pub mod series;
pub mod profile;
pub mod search;
mod filter_summary;
mod share;
pub mod switch;
pub mod groups;

pub use choice::way_back;
pub use title::document_title;
pub use filter_summary::{filter_summary, sectors_chosen};
pub use share::{share_target, share_way, ShareTarget, ShareWay};
pub use cards::{card_words, headline_cards, industry_words, Card, CardSpec, CardWords, FigureWords, IndustryWords, CARD_SPECS};
pub use sectors::{comparison, Bar, Comparison};
pub use series::{district_values, district_year, series, DistrictValue, Point, Series};

use crate::model::{Confidence, Dataset, Fact, Kind, Observation};
use crate::state::{TimeSpan, View, ViewState, SECTOR_SIZES};

/// What to keep. `None` fields keep everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub indicator: Option<String>,
    /// Sector ids to keep; `None` keeps every sector and the economy-wide figures.
    pub sectors: Option<Vec<String>>,
    /// Region ids to keep; `None` keeps every place.
    pub regions: Option<Vec<String>>,
    pub time: Option<TimeSpan>,
    pub kinds: Option<Vec<Kind>>,
    /// Keep only economy-wide figures (no sector): trends comparing places with no sector chosen.
    pub economy_wide: bool,
}

impl Filter {
    /// The state's filter for an indicator already chosen, so the choice is not made twice. The
    /// one filter of a view's figures: the indicator choice (`choice`) and what the view draws
    /// (`sectors::comparison`) both start from it, so they never disagree on the places.
    pub fn with_indicator(state: &ViewState, dataset: &Dataset, indicator: Option<String>) -> Filter {
        let sectors_view = state.view == View::Sectors;
        // The sectors view compares sectors within one place (the first chosen): figures of two
        // places in one bar would read as two sources disagreeing. Trends draws every place.
        let regions = if sectors_view { vec![state.region_id().to_string()] } else { state.region_ids().into_iter().map(str::to_string).collect() };
        Filter {
            // `sizes` is a way to draw the sectors, each in its own measure: no one indicator.
            indicator: indicator.filter(|id| id != SECTOR_SIZES),
            sectors: (sectors_view || !state.sectors.is_empty())
                .then(|| state.selected_sectors(dataset).into_iter().map(str::to_string).collect()),
            regions: Some(regions),
            time: Some(state.time_span(dataset)),
            kinds: None,
            economy_wide: economy_wide_lines(state),
        }
    }

    /// The filter for one place.
    pub fn region(id: &str) -> Filter {
        Filter { regions: Some(vec![id.to_string()]), ..Filter::default() }
    }

    pub fn keeps(&self, observation: &Observation) -> bool {
        let sector_ok = match (&self.sectors, &observation.sector) {
            (None, _) => true,
            (Some(sectors), Some(sector)) => sectors.iter().any(|s| s == sector),
            (Some(_), None) => false,
        };
        sector_ok
            && self.indicator.as_ref().is_none_or(|i| *i == observation.indicator)
            && self.regions.as_ref().is_none_or(|r| r.contains(&observation.region))
            && (!self.economy_wide || observation.sector.is_none())
            && self.time.is_none_or(|t| t.contains(observation.year))
            && self.kinds.as_ref().is_none_or(|kinds| kinds.contains(&observation.kind))
    }
}

/// The observations a filter keeps, in a stable reading order: indicator (as the dataset lists
/// them), sector (dataset order, economy-wide first), region, year, id.
pub fn filter<'d>(dataset: &'d Dataset, filter: &Filter) -> Vec<&'d Observation> {
    let mut rows: Vec<&Observation> = dataset.observations.iter().filter(|o| filter.keeps(o)).collect();
    crate::model::order::sort_by_cached_key(&mut rows, |o| {
        let indicator = dataset.indicators.iter().position(|i| i.id == o.indicator);
        let sector = o.sector.as_deref().and_then(|s| dataset.sector_index(s));
        let region = dataset.regions.iter().position(|r| r.id == o.region);
        (indicator, sector, region, o.year, o.id.clone())
    });
    rows
}

/// The figures of one indicator the view can draw for the state's sectors, place(s) and years
/// (`Filter::with_indicator`, the one filter of a view): trends draws full-year figures
/// (economy-wide ones too when all sectors are selected); sectors compares only outcomes of a
/// selected sector in its one place. The indicator choice (`choice`), the ladder and the bars
/// (`sectors`) all read these very rows.
pub(crate) fn drawable<'d>(dataset: &'d Dataset, state: &ViewState, indicator: Option<&str>) -> Vec<&'d Observation> {
    let sectors_view = state.view == View::Sectors;
    filter(dataset, &Filter::with_indicator(state, dataset, indicator.map(str::to_string)))
        .into_iter()
        .filter(|o| !o.is_part_year() && (!sectors_view || (o.kind.is_outcome() && o.sector.is_some())))
        .collect()
}

/// Trends comparing places with no sector chosen draws each place's economy-wide line: ten
/// sector lines a place would bury the comparison. With sectors chosen, it draws theirs.
pub fn economy_wide_lines(state: &ViewState) -> bool {
    state.view == View::Trends && state.compares_regions() && state.sectors.is_empty()
}

/// The dated facts, oldest first: the overview's timeline. With a span, only those dated
/// inside it (the overview follows the reader's year filter).
pub fn timeline(dataset: &Dataset, span: Option<TimeSpan>) -> Vec<&Fact> {
    let in_span = |fact: &&Fact| span.is_none_or(|span| fact.year().is_some_and(|year| span.contains(year)));
    let mut facts: Vec<&Fact> = dataset.facts.iter().filter(in_span).collect();
    crate::model::order::sort_by(&mut facts, |a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    facts
}

/// The latest value of a kind of figure at or before `year`, for cards and maps.
pub fn latest_as_of<'d>(dataset: &Dataset, rows: &[&'d Observation], year: u16) -> Option<&'d Observation> {
    rows.iter()
        .copied()
        .filter(|o| o.year <= year && !o.is_part_year() && o.kind.is_outcome())
        .min_by(|a, b| b.year.cmp(&a.year).then_with(|| preference(dataset, a).cmp(&preference(dataset, b))))
}

/// The plan's target to show beside a figure of `year`: the nearest target at or after it (the
/// better source on a tie), else the latest earlier one (the better source on a tie). Cards and
/// profiles both ask this.
pub fn nearest_target<'d>(dataset: &Dataset, rows: &[&'d Observation], year: u16) -> Option<&'d Observation> {
    let targets = || rows.iter().copied().filter(|o| o.kind == Kind::Target);
    targets()
        .filter(|o| o.year >= year)
        .min_by(|a, b| a.year.cmp(&b.year).then_with(|| preference(dataset, a).cmp(&preference(dataset, b))))
        .or_else(|| targets().min_by(|a, b| b.year.cmp(&a.year).then_with(|| preference(dataset, a).cmp(&preference(dataset, b)))))
}

/// Rank used when two sources give the same point (lower is better): a published figure before a
/// derived one, then `model::source_rank` (official first, the figure's own language before a
/// translation, media before a repost). The best is drawn and opened first; all are shown.
pub(crate) fn preference<'o>(dataset: &Dataset, observation: &'o Observation) -> (u8, (bool, bool, Confidence), &'o str) {
    let kind_rank = match observation.kind {
        Kind::Actual | Kind::Share | Kind::Rank => 0,
        Kind::Derived => 1,
        Kind::GrowthRate => 2,
        Kind::Target => 3,
    };
    (kind_rank, crate::model::source_rank(dataset, observation), observation.id.as_str())
}

#[cfg(test)]
mod tests;
