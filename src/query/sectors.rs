//! What the sectors view draws: the scale ladder (`ladder`, the default: the one measure that
//! covers all ten), bars of one measure across the selected sectors, or each sector's latest size
//! in its own measure. Everything comes from `query::drawable`, the view's one filter, so the
//! indicator chosen and the figures drawn are always those of the same place.

use super::choice;
use super::drawable;
use super::ladder::{scale_ladder, Ladder};
use super::series::{main_unit, point, Point};
use crate::model::{Dataset, Kind, Observation, Unit};
use crate::state::{View, ViewState, SECTOR_SIZES};
use std::collections::{BTreeMap, BTreeSet};

/// A bar per selected sector, for one indicator, region and year.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub indicator: String,
    /// `None` when no selected sector has a figure in the chosen years.
    pub year: Option<u16>,
    pub unit: Option<Unit>,
    /// Every selected sector, in the dataset's order; a sector without a figure has no point.
    pub bars: Vec<Bar>,
    /// Set when the view draws each sector's latest size in its own measure (`indicator=sizes`,
    /// or no ladder and no indicator that compares the sectors), drawn by
    /// `charts::sector_sizes_chart`; `bars` is then empty.
    pub sizes: Vec<SectorSize>,
    /// Set when the view draws the scale ladder (a link without an indicator, or one whose
    /// indicator has no figures, where the place has published floors or exact scales); `bars`
    /// and `sizes` are then empty.
    pub ladder: Option<Ladder>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub sector: String,
    pub point: Option<Point>,
}

/// What the sectors view draws for a state: the ladder by default, the sizes on
/// `indicator=sizes`, else bars of the indicator shown (`choice::shown_indicator`) in the year
/// (within the state's years) with figures for the most sectors; a single-year link compares
/// exactly that year.
pub fn comparison(dataset: &Dataset, state: &ViewState) -> Comparison {
    let sectors_state = ViewState { view: View::Sectors, ..state.clone() };
    let sizes_only = |sizes: Vec<SectorSize>| {
        let year = sizes.iter().map(|s| s.latest.year).max();
        Comparison { indicator: String::new(), year, unit: None, bars: Vec::new(), sizes, ladder: None }
    };
    // One decision: what the indicator list reads is what is drawn.
    let indicator = match choice::shown_indicator(dataset, &sectors_state).indicator {
        None => {
            let ladder = scale_ladder(dataset, &sectors_state);
            let year = ladder.years.last().copied();
            return Comparison { indicator: String::new(), year, unit: None, bars: Vec::new(), sizes: Vec::new(), ladder: Some(ladder) };
        }
        Some(id) if id == SECTOR_SIZES => return sizes_only(sector_sizes(dataset, &sectors_state)),
        Some(id) => id,
    };
    let rows = drawable(dataset, &sectors_state, Some(&indicator));
    let unit = main_unit(&rows);
    let rows: Vec<&Observation> = rows.into_iter().filter(|o| Some(o.unit.family()) == unit).collect();
    // The year most of the selected sectors have a figure for (the later on a tie): comparing
    // four sectors in 2025 says less than comparing all ten in 2023.
    let year = if state.time.is_some_and(|t| t.from == t.to) {
        state.time.map(|t| t.from)
    } else {
        let mut coverage: BTreeMap<u16, BTreeSet<&str>> = BTreeMap::new();
        for row in &rows {
            coverage.entry(row.year).or_default().insert(row.sector.as_deref().unwrap_or_default());
        }
        coverage.into_iter().max_by_key(|(year, sectors)| (sectors.len(), *year)).map(|(year, _)| year)
    };
    let bars = state
        .selected_sectors(dataset)
        .iter()
        .map(|sector| Bar {
            sector: sector.to_string(),
            point: year.and_then(|year| point(dataset, rows.iter().copied().filter(|o| o.year == year && o.sector.as_deref() == Some(sector)))),
        })
        .collect();
    Comparison { indicator, year, unit, bars, sizes: Vec::new(), ladder: None }
}

/// A sector's latest published size, in the measure it was published in.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorSize {
    pub sector: String,
    pub indicator: String,
    /// The latest figure (its sources folded in, as on the charts).
    pub latest: Point,
    /// Every full-year figure of the same measure for the sector, oldest first, `latest` last.
    pub history: Vec<Point>,
}

/// Measures of a sector's size, most telling first; a threshold ("at least") comes last.
const SIZE_MEASURES: [&str; 10] = [
    "industry_revenue",
    "industry_output",
    "industry_value",
    "industry_scale",
    "industry_value_added",
    "core_industry_revenue",
    "core_industry_scale",
    "robot_industry_revenue",
    "ic_design_sales",
    "cluster_scale_threshold",
];

fn measure_rank(indicator: &str) -> usize {
    SIZE_MEASURES.iter().position(|m| *m == indicator).unwrap_or(SIZE_MEASURES.len())
}

/// Each selected sector's latest size: its latest full-year yuan amount (an outcome, not a plan)
/// for the state's place and years, in the best-ranked measure of that year. A sector without
/// one is left out (the chart says which sectors have none).
pub fn sector_sizes(dataset: &Dataset, state: &ViewState) -> Vec<SectorSize> {
    let sectors_state = ViewState { view: View::Sectors, ..state.clone() };
    let rows: Vec<&Observation> = drawable(dataset, &sectors_state, None)
        .into_iter()
        .filter(|o| o.kind == Kind::Actual && o.unit.yuan_scale().is_some())
        .collect();
    state
        .selected_sectors(dataset)
        .into_iter()
        .filter_map(|sector| {
            let mine: Vec<&Observation> = rows.iter().copied().filter(|o| o.sector.as_deref() == Some(sector)).collect();
            let chosen = mine.iter().min_by_key(|o| (std::cmp::Reverse(o.year), measure_rank(&o.indicator), o.indicator.clone()))?;
            let measure: Vec<&Observation> = mine.iter().copied().filter(|o| o.indicator == chosen.indicator).collect();
            let mut years: Vec<u16> = measure.iter().map(|o| o.year).collect();
            years.sort_unstable();
            years.dedup();
            let history: Vec<Point> = years.iter().filter_map(|y| point(dataset, measure.iter().copied().filter(|o| o.year == *y))).collect();
            let latest = history.last()?.clone();
            Some(SectorSize { sector: sector.to_string(), indicator: chosen.indicator.clone(), latest, history })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::three_sectors;
    use crate::state::parse;

    use crate::fixtures::state_without_notices as state;

    #[test]
    fn each_sector_shows_its_latest_size_in_its_own_measure() {
        let d = three_sectors(&crate::fixtures::SECTOR_SIZE_LINES);
        let sizes = sector_sizes(&d, &state(&d, "view=sectors"));
        let shown: Vec<(&str, &str, u16)> = sizes.iter().map(|s| (s.sector.as_str(), s.indicator.as_str(), s.latest.year)).collect();
        // ic: revenue 2024 beats the 2023 threshold; ai: only the threshold; bio: its latest scale.
        assert_eq!(shown, [("ic", "industry_revenue", 2024), ("ai", "cluster_scale_threshold", 2023), ("bio", "industry_scale", 2024)]);
        let bio = &sizes[2];
        assert_eq!(bio.history.iter().map(|p| p.year).collect::<Vec<_>>(), [2022, 2024], "earlier years of the same measure, no target");
        assert_eq!(bio.latest.value, 10600.0);
        // The sizes are a choice in the indicator list; without one the view draws the ladder.
        let chosen = comparison(&d, &state(&d, "view=sectors&indicator=sizes"));
        assert_eq!((chosen.sizes.len(), chosen.ladder.is_none()), (3, true));
        let default = comparison(&d, &state(&d, "view=sectors"));
        assert!(default.sizes.is_empty() && default.bars.is_empty());
        assert_eq!(default.ladder.map(|l| l.years), Some(vec![2022, 2023, 2024]));
    }

    // See: ../shared/reviews/2026-12-02-code-review.md §C1. With two places chosen the bars
    // mixed both places' figures, and the bar drew whichever ranked best, flagged "Sources differ".
    #[test]
    fn the_sectors_view_compares_the_first_place_only() {
        let d = three_sectors(&[
            ("c1", "revenue", "ic", "chaoyang", 2023, "10", "bn_yuan", "actual"),
            ("c2", "revenue", "ai", "chaoyang", 2023, "20", "bn_yuan", "actual"),
            ("c3", "revenue", "bio", "chaoyang", 2023, "30", "bn_yuan", "actual"),
            ("h1", "revenue", "ic", "haidian", 2023, "40", "bn_yuan", "actual"),
            ("h2", "revenue", "ai", "haidian", 2023, "50", "bn_yuan", "actual"),
            ("h3", "revenue", "bio", "haidian", 2023, "60", "bn_yuan", "actual"),
        ]);
        // A link carried over from trends keeps both places; the comparison is Chaoyang's.
        let parsed = parse("view=sectors&indicator=revenue&region=chaoyang,haidian", &d);
        let comparison = comparison(&d, &parsed.state);
        let drawn: Vec<(&str, bool, usize)> =
            comparison.bars.iter().filter_map(|b| b.point.as_ref()).map(|p| (p.obs.as_str(), p.conflict, p.n_sources())).collect();
        assert_eq!(drawn, [("c1", false, 1), ("c2", false, 1), ("c3", false, 1)]);
        // The indicator list counts the same figures the bars draw.
        let options = choice::indicator_options(&d, &parsed.state);
        assert_eq!(options.iter().map(|o| (o.id.as_str(), o.n_figures)).collect::<Vec<_>>(), [("revenue", 3)]);
    }
}
