//! Which figures a view opens on: the best-covered indicator for the selection, the map's year,
//! and — where no measure compares the sectors — each sector's latest size in its own measure.
//! Every function is a pure function of the dataset and the view state, so a link that names an
//! indicator always shows it (while it has figures), and a link that leaves it out opens on the
//! best data the dataset holds when the link is read.

use super::series::{district_rows, point, series, year_axis, Point};
use super::{drawable, filter, Filter};
use crate::model::{Dataset, Kind, Observation};
use crate::state::{Notice, NoticeReason, View, ViewState, SECTOR_SIZES};
use std::collections::{BTreeMap, BTreeSet};

/// Fewer sectors with distinct values than this, and the sectors view shows sizes instead.
pub const MIN_COMPARABLE_SECTORS: usize = 3;

/// An indicator the filter bar offers, with how many figures it has for the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorOption {
    pub id: String,
    pub n_figures: usize,
}

/// The indicator a view shows and, when the link's own indicator has no figures for the
/// selection, the notice that says another one is shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shown {
    pub indicator: Option<String>,
    pub notice: Option<Notice>,
}

/// Every indicator with figures the view can draw for the selection, in the dataset's order,
/// with its count. The table and the map list what they always listed.
pub fn indicator_options(dataset: &Dataset, state: &ViewState) -> Vec<IndicatorOption> {
    match state.view {
        View::Trends | View::Sectors => {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for o in drawable(dataset, state, None) {
                *counts.entry(o.indicator.as_str()).or_default() += 1;
            }
            dataset
                .indicators
                .iter()
                .filter_map(|i| counts.get(i.id.as_str()).map(|&n| IndicatorOption { id: i.id.clone(), n_figures: n }))
                .collect()
        }
        // Exactly the figures the map shades (`series::district_rows`), so every option draws.
        View::Map => dataset
            .indicators
            .iter()
            .map(|i| IndicatorOption { id: i.id.clone(), n_figures: district_rows(dataset, &i.id).len() })
            .filter(|o| o.n_figures > 0)
            .collect(),
        _ => dataset.indicators.iter().map(|i| IndicatorOption { id: i.id.clone(), n_figures: i.n_observations }).collect(),
    }
}

/// How well an indicator draws as lines: the most years one line holds, then the points drawn in
/// all, then the latest year drawn. Zero when it draws nothing.
type Density = (usize, usize, u16);

/// How a trends link without an indicator ranks one: a size in yuan first where one sector is
/// chosen, then its `Density`.
type TrendsRank = (bool, Density);

/// The indicator's `Density` for the state.
fn trend_density(dataset: &Dataset, state: &ViewState, indicator: &str) -> Density {
    let rows = drawable(dataset, state, Some(indicator));
    let years = year_axis(&rows, state.time_span(dataset));
    let lines = series(dataset, &rows, &years);
    let counts: Vec<usize> = lines.iter().map(|s| s.values.iter().flatten().count()).collect();
    let latest = lines.iter().flat_map(|s| s.values.iter().flatten().map(|p| p.year)).max().unwrap_or(0);
    (counts.iter().copied().max().unwrap_or(0), counts.iter().sum(), latest)
}

/// (a) Trends with no indicator in the link: the indicator with the densest series for the
/// selection (the most years on one line; then the most points; then the latest figure; then
/// the dataset's order).
/// One sector chosen: its size in yuan first (AI opens on its industry output, not on its count
/// of companies), then the densest.
pub fn trends_indicator(dataset: &Dataset, state: &ViewState) -> Option<String> {
    let trends = ViewState { view: View::Trends, ..state.clone() };
    let one_sector = trends.sectors.len() == 1;
    let mut best: Option<(TrendsRank, String)> = None;
    for option in indicator_options(dataset, &trends) {
        let density = trend_density(dataset, &trends, &option.id);
        let rank = (one_sector && is_size_in_yuan(dataset, &trends, &option.id), density);
        if density.0 > 0 && best.as_ref().is_none_or(|(b, _)| rank > *b) {
            best = Some((rank, option.id));
        }
    }
    best.map(|(_, id)| id)
}

/// Whether every figure of the indicator the view draws (its targets aside) is a published
/// amount of yuan: a size, not a count, a rate or an "at least" floor.
fn is_size_in_yuan(dataset: &Dataset, state: &ViewState, indicator: &str) -> bool {
    let rows = drawable(dataset, state, Some(indicator));
    let mut outcomes = rows.iter().filter(|o| o.kind.is_outcome()).peekable();
    outcomes.peek().is_some() && outcomes.all(|o| o.kind == Kind::Actual && o.unit.yuan_scale().is_some() && !crate::model::is_floor(o))
}

/// How many of the selected sectors an indicator tells apart in its best year: the count of
/// distinct values among the sectors' figures in one year (one axis unit, outcomes only).
pub fn distinct_sector_values(dataset: &Dataset, state: &ViewState, indicator: &str) -> usize {
    let sectors_state = ViewState { view: View::Sectors, ..state.clone() };
    let rows = drawable(dataset, &sectors_state, Some(indicator));
    let mut by_year: BTreeMap<(u16, crate::model::Unit), BTreeMap<&str, Vec<&Observation>>> = BTreeMap::new();
    for row in rows {
        by_year.entry((row.year, row.unit.family())).or_default().entry(row.sector.as_deref().unwrap_or_default()).or_default().push(row);
    }
    by_year
        .values()
        .map(|sectors| {
            let values: BTreeSet<i64> = sectors
                .values()
                .filter_map(|rows| point(dataset, rows.iter().copied()))
                // Signed: growth rates fall below zero, and `as u64` would make every fall 0.
                .map(|p: Point| (p.value * 1e6).round() as i64)
                .collect();
            values.len()
        })
        .max()
        .unwrap_or(0)
}

/// What the sectors view leads with.
#[derive(Debug, Clone, PartialEq)]
pub enum SectorsLead {
    /// Bars of one indicator, comparable across sectors.
    Compare(String),
    /// No indicator tells three sectors apart: each sector's latest size in its own measure.
    Sizes,
}

/// (c) Sectors with no indicator in the link: the level (a published amount or share, not a
/// growth rate or rank: a fast-growing small sector says little next to a large one) with
/// distinct values for the most sectors in one year; `Sizes` where none has them for
/// `MIN_COMPARABLE_SECTORS`. A link naming a growth rate still compares it.
pub fn sectors_lead(dataset: &Dataset, state: &ViewState) -> SectorsLead {
    let sectors_state = ViewState { view: View::Sectors, ..state.clone() };
    let mut best: Option<(usize, String)> = None;
    let is_level = |id: &str| drawable(dataset, &sectors_state, Some(id)).iter().all(|o| matches!(o.kind, Kind::Actual | Kind::Share));
    for option in indicator_options(dataset, &sectors_state).into_iter().filter(|o| is_level(&o.id)) {
        let n = distinct_sector_values(dataset, &sectors_state, &option.id);
        if best.as_ref().is_none_or(|(m, _)| n > *m) {
            best = Some((n, option.id));
        }
    }
    match best {
        Some((n, id)) if n >= MIN_COMPARABLE_SECTORS.min(state.selected_sectors(dataset).len().max(1)) && n >= 2 => SectorsLead::Compare(id),
        _ => SectorsLead::Sizes,
    }
}

/// The indicator a view shows: the link's own while it has figures for the selection; else (or
/// with none in the link) the best for the view, with a notice when the link's was replaced.
/// On the sectors view `None` means the scale ladder (only where it has cells) and `SECTOR_SIZES`
/// each sector's size in its own measure: `sectors::comparison` draws what this says, so the
/// indicator list and the chart never disagree. On the table `None` means "every indicator".
pub fn shown_indicator(dataset: &Dataset, state: &ViewState) -> Shown {
    let best = || match state.view {
        View::Trends => trends_indicator(dataset, state),
        // The scale ladder where the place has floors or scales published, else the best measure.
        View::Sectors if !super::ladder::scale_ladder(dataset, state).cells.is_empty() => None,
        View::Sectors => match sectors_lead(dataset, state) {
            SectorsLead::Compare(id) => Some(id),
            SectorsLead::Sizes => Some(SECTOR_SIZES.to_string()),
        },
        View::Map => map_indicator(dataset),
        view => view.default_indicator().map(str::to_string),
    };
    match (&state.indicator, state.view) {
        // The map shades districts: an indicator without one district figure would draw sixteen
        // grey districts under a select that cannot show it.
        (Some(id), View::Map) if district_rows(dataset, id).is_empty() => {
            Shown { indicator: best(), notice: Some(Notice::new("indicator", id, NoticeReason::IndicatorNotOnMap)) }
        }
        // Not a measure but a way to draw the sectors: each one's latest size in its own.
        (Some(id), View::Sectors) if id == SECTOR_SIZES => Shown { indicator: Some(id.clone()), notice: None },
        (Some(id), View::Trends | View::Sectors) => {
            if drawable(dataset, state, Some(id)).is_empty() {
                let notice = Notice::new("indicator", id, NoticeReason::IndicatorEmpty);
                Shown { indicator: best(), notice: Some(notice) }
            } else {
                Shown { indicator: Some(id.clone()), notice: None }
            }
        }
        (Some(id), _) => Shown { indicator: Some(id.clone()), notice: None },
        (None, _) => Shown { indicator: best(), notice: None },
    }
}

/// The map without an indicator in the link: the indicator with the most district figures (the
/// dataset's first on a tie), `gdp` with today's data.
pub fn map_indicator(dataset: &Dataset) -> Option<String> {
    let map = ViewState { view: View::Map, ..ViewState::default() };
    let mut best: Option<IndicatorOption> = None;
    for option in indicator_options(dataset, &map) {
        if best.as_ref().is_none_or(|b| option.n_figures > b.n_figures) {
            best = Some(option);
        }
    }
    best.map(|b| b.id)
}

/// What the indicator list calls "no indicator" in a view where that is a choice (a locale key):
/// every indicator in the table, the scale ladder in the sectors view.
pub fn unset_indicator_label(view: View) -> Option<&'static str> {
    match view {
        View::Table => Some("filter.all_indicators"),
        View::Sectors => Some("filter.scale_ladder"),
        _ => None,
    }
}

/// Choices the indicator list offers besides the measures, as `(indicator value, locale key)`:
/// the sectors view's panels of each sector's latest size in its own measure.
pub fn view_choices(view: View) -> Vec<(&'static str, &'static str)> {
    match view {
        View::Sectors => vec![(SECTOR_SIZES, "filter.sector_sizes")],
        _ => Vec::new(),
    }
}

/// The indicator the map shades by: the link's, or the best-covered one where the link's has no
/// district figures (`shown_indicator` for the map view). The map, its figures, its CSV, its
/// year player and the chosen district's card all read this one.
pub fn map_shown_indicator(dataset: &Dataset, state: &ViewState) -> String {
    map_indicator_of(&shown_indicator(dataset, &ViewState { view: View::Map, ..state.clone() }))
}

/// The indicator the map shades by, from what the map view shows (`shown_indicator` of a map
/// state, which the page decides once per state): only a dataset without any district figure
/// leaves none, and then the map draws sixteen gaps under GDP's name.
pub fn map_indicator_of(shown: &Shown) -> String {
    shown.indicator.clone().unwrap_or_else(|| "gdp".to_string())
}

/// (b) The map's year: a single-year link's year, else the latest year with figures for the
/// most districts (`series::district_year`), for the indicator the map shows.
pub fn map_year(dataset: &Dataset, state: &ViewState) -> Option<u16> {
    super::series::district_year(dataset, &map_shown_indicator(dataset, state), state.time_span(dataset))
}

/// The notices a view's choice adds to the link's own: the link's indicator had no figures.
pub fn notices(dataset: &Dataset, state: &ViewState) -> Vec<Notice> {
    shown_indicator(dataset, state).notice.into_iter().collect()
}

impl Filter {
    /// The filter a view's state asks for, with the indicator the view shows. Here, beside the
    /// choice, so the parent module does not depend on its child (tests/architecture.rs).
    pub fn from_state(state: &ViewState, dataset: &Dataset) -> Filter {
        Filter::with_indicator(state, dataset, shown_indicator(dataset, state).indicator)
    }
}

/// The way out of an empty view: the same view and indicator with every filter cleared; if that
/// indicator has no figures for Beijing in this view either (trends and sectors say so in a
/// notice and draw another; the table and map would stay empty), the view's default indicator
/// too, so the button never leads to another empty page or notice.
pub fn way_back(dataset: &Dataset, state: &ViewState) -> ViewState {
    let cleared = state.without_filters();
    if shown_indicator(dataset, &cleared).notice.is_some() || filter(dataset, &Filter::from_state(&cleared, dataset)).is_empty() {
        ViewState { indicator: None, ..cleared }
    } else {
        cleared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::three_sectors as fixture;

    use crate::fixtures::state_without_notices as state;

    fn data() -> Dataset {
        let lines = [
            // `gdp`: three years for the city; `rd`: five years for the city, one for a district.
            ("g1", "gdp", "all", "beijing", 2018, "1", "tn_yuan", "actual"),
            ("g2", "gdp", "all", "beijing", 2019, "1.1", "tn_yuan", "actual"),
            ("g3", "gdp", "all", "beijing", 2020, "1.2", "tn_yuan", "actual"),
            ("g4", "gdp", "all", "haidian", 2020, "0.3", "tn_yuan", "actual"),
            ("g5", "gdp", "all", "chaoyang", 2020, "0.4", "tn_yuan", "actual"),
            ("g6", "gdp", "all", "haidian", 2021, "0.35", "tn_yuan", "actual"),
            ("r1", "rd", "all", "beijing", 2016, "5.9", "pct_of_gdp", "actual"),
            ("r2", "rd", "all", "beijing", 2017, "5.7", "pct_of_gdp", "actual"),
            ("r3", "rd", "all", "beijing", 2018, "6.1", "pct_of_gdp", "actual"),
            ("r4", "rd", "all", "beijing", 2019, "6.3", "pct_of_gdp", "actual"),
            ("r5", "rd", "all", "beijing", 2020, "6.4", "pct_of_gdp", "actual"),
            ("rt", "rd", "all", "beijing", 2025, "6", "pct_of_gdp", "target"),
        ];
        // And the sectors' sizes: a floor all three reached, each one's size in its own measure.
        fixture(&[&lines[..], &crate::fixtures::SECTOR_SIZE_LINES].concat())
    }

    #[test]
    fn trends_open_on_the_densest_series_for_the_selection() {
        let d = data();
        assert_eq!(trends_indicator(&d, &state(&d, "view=trends")).as_deref(), Some("rd"), "five years beat three");
        assert_eq!(trends_indicator(&d, &state(&d, "view=trends&time=2018..2020")).as_deref(), Some("gdp"), "3 years each: gdp has 3 points, rd 3; dataset order");
        assert_eq!(trends_indicator(&d, &state(&d, "view=trends&region=haidian")).as_deref(), Some("gdp"));
        assert_eq!(trends_indicator(&d, &state(&d, "view=trends&sector=ic")).as_deref(), Some("industry_revenue"), "the latest, most telling of ic's figures wins the tie");
        assert_eq!(trends_indicator(&d, &state(&d, "view=trends&region=daxing")), None, "nothing for Daxing");
        assert_eq!(shown_indicator(&d, &state(&d, "view=trends")).indicator.as_deref(), Some("rd"));
    }

    #[test]
    fn the_indicator_list_holds_only_indicators_with_figures_and_counts_them() {
        let d = data();
        let options = indicator_options(&d, &state(&d, "view=trends&region=haidian"));
        assert_eq!(options, [IndicatorOption { id: "gdp".into(), n_figures: 2 }]);
        let options = indicator_options(&d, &state(&d, "view=trends&sector=bio"));
        let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["cluster_scale_threshold", "industry_scale"]);
        assert_eq!(options[1].n_figures, 3, "targets count as figures of the trend");
        let options = indicator_options(&d, &state(&d, "view=sectors&sector=bio"));
        assert_eq!(options[1].n_figures, 2, "the comparison draws outcomes only");
    }

    #[test]
    fn an_explicit_indicator_is_kept_while_it_has_figures_and_replaced_with_a_notice_when_not() {
        let d = data();
        let kept = shown_indicator(&d, &state(&d, "view=trends&indicator=gdp"));
        assert_eq!((kept.indicator.as_deref(), kept.notice), (Some("gdp"), None));
        let replaced = shown_indicator(&d, &state(&d, "view=trends&indicator=rd&region=haidian"));
        assert_eq!(replaced.indicator.as_deref(), Some("gdp"));
        let notice = replaced.notice.expect("the reader is told");
        assert_eq!(notice.reason, NoticeReason::IndicatorEmpty);
        assert!(notice.message(crate::model::Lang::En).contains("“rd”"));
        assert!(notice.message(crate::model::Lang::Zh).contains("“rd”"));
        assert_eq!(notices(&d, &state(&d, "view=trends&indicator=rd&region=haidian")).len(), 1);
        // The table keeps the link's indicator as it always did.
        assert_eq!(shown_indicator(&d, &state(&d, "view=table&indicator=rd&region=haidian")).notice, None);
    }

    #[test]
    fn the_map_shades_only_by_an_indicator_with_district_figures_and_says_when_it_replaced_one() {
        let d = data();
        // `rd` has city figures only: the map shades by gdp, the best-covered, and says so.
        let replaced = shown_indicator(&d, &state(&d, "view=map&indicator=rd"));
        assert_eq!(replaced.indicator.as_deref(), Some("gdp"));
        let notice = replaced.notice.expect("the reader is told");
        assert_eq!((notice.key.as_str(), notice.raw.as_str(), notice.reason), ("indicator", "rd", NoticeReason::IndicatorNotOnMap));
        assert!(notice.message(crate::model::Lang::En).contains("“rd”"));
        assert!(notice.message(crate::model::Lang::Zh).contains("“rd”"));
        assert_eq!(notices(&d, &state(&d, "view=map&indicator=rd")), [notice]);
        // The select lists what the map can shade, so what is drawn is always one of its options.
        let options: Vec<String> = indicator_options(&d, &state(&d, "view=map&indicator=rd")).into_iter().map(|o| o.id).collect();
        assert_eq!(options, ["gdp"]);
        assert_eq!(map_year(&d, &state(&d, "view=map&indicator=rd")), Some(2020), "the year of the indicator drawn");
        // The page's one `shown_indicator` per state gives the map view (its player, its card)
        // the indicator the chart shades by, not a name of its own.
        let two = fixture(&[
            ("g1", "gdp", "all", "haidian", 2020, "1", "tn_yuan", "actual"),
            ("g2", "gdp", "all", "chaoyang", 2020, "1", "tn_yuan", "actual"),
            ("f1", "firms", "all", "haidian", 2020, "10", "count", "actual"),
            ("r1", "rd", "all", "beijing", 2020, "5", "pct", "actual"),
        ]);
        for (link, shaded_by) in [
            ("view=map&indicator=firms", "firms"),
            ("view=map&indicator=gdp", "gdp"),
            ("view=map", "gdp"),
            ("view=map&indicator=rd", "gdp"),
            ("view=map&indicator=nothing", "gdp"),
            ("view=trends&indicator=firms", "firms"),
        ] {
            let s = crate::state::parse(link, &two).state;
            assert_eq!(map_shown_indicator(&two, &s), shaded_by, "{link}");
            if s.view == crate::state::View::Map {
                assert_eq!(map_indicator_of(&shown_indicator(&two, &s)), shaded_by, "{link}");
            }
        }
        let city_only = fixture(&[("r1", "rd", "all", "beijing", 2020, "5", "pct", "actual")]);
        assert_eq!(map_shown_indicator(&city_only, &state(&city_only, "view=map&indicator=rd")), "gdp", "sixteen gaps under GDP's name");
        // An indicator with district figures is kept; none in the link is the best-covered.
        assert_eq!(shown_indicator(&d, &state(&d, "view=map&indicator=gdp")), Shown { indicator: Some("gdp".into()), notice: None });
        assert_eq!(shown_indicator(&d, &state(&d, "view=map")), Shown { indicator: Some("gdp".into()), notice: None });
        // A district target is not a figure the map shades.
        let targets = fixture(&[
            ("a", "gdp", "all", "haidian", 2020, "1", "tn_yuan", "actual"),
            ("t", "plan", "all", "haidian", 2025, "2", "tn_yuan", "target"),
        ]);
        assert_eq!(shown_indicator(&targets, &state(&targets, "view=map&indicator=plan")).indicator.as_deref(), Some("gdp"));
    }

    #[test]
    fn sectors_compare_only_a_measure_that_tells_three_apart_else_show_sizes() {
        let d = data();
        assert_eq!(sectors_lead(&d, &state(&d, "view=sectors")), SectorsLead::Sizes, "one threshold, all equal");

        let lines = [
            ("a", "revenue", "ic", "beijing", 2023, "10", "bn_yuan", "actual"),
            ("b", "revenue", "ai", "beijing", 2023, "20", "bn_yuan", "actual"),
            ("c", "revenue", "bio", "beijing", 2023, "30", "bn_yuan", "actual"),
            ("g1", "growth", "ic", "beijing", 2023, "1", "pct", "growth_rate"),
            ("g2", "growth", "ai", "beijing", 2023, "2", "pct", "growth_rate"),
            ("g3", "growth", "bio", "beijing", 2023, "3", "pct", "growth_rate"),
            ("g4", "growth", "bio", "beijing", 2022, "4", "pct", "growth_rate"),
        ];
        // With the floor all three reached (the sizes' first three lines).
        let distinct = fixture(&[&lines[..], &crate::fixtures::SECTOR_SIZE_LINES[..3]].concat());
        assert_eq!(distinct_sector_values(&distinct, &state(&distinct, "view=sectors"), "revenue"), 3);
        assert_eq!(distinct_sector_values(&distinct, &state(&distinct, "view=sectors"), "growth"), 3, "but growth rates do not lead");
        assert_eq!(sectors_lead(&distinct, &state(&distinct, "view=sectors")), SectorsLead::Compare("revenue".into()));
        // Where floors are published the view opens on the scale ladder (issue 24); the lead
        // measure is the choice where the place has none.
        assert_eq!(shown_indicator(&distinct, &state(&distinct, "view=sectors")).indicator, None);
        let no_floors = fixture(&lines);
        assert_eq!(shown_indicator(&no_floors, &state(&no_floors, "view=sectors")).indicator.as_deref(), Some("revenue"));
        // Two sectors chosen: two distinct values compare them.
        assert_eq!(sectors_lead(&distinct, &state(&distinct, "view=sectors&sector=ic,ai")), SectorsLead::Compare("revenue".into()));
    }

    #[test]
    fn the_map_opens_on_the_latest_year_with_the_most_districts() {
        let d = data();
        assert_eq!(map_year(&d, &state(&d, "view=map")), Some(2020), "two districts in 2020, one in 2021");
        assert_eq!(map_year(&d, &state(&d, "view=map&time=2021")), Some(2021));
    }

    /// Issue 23, C11: falls are told apart like rises (the data has negative growth rates).
    #[test]
    fn negative_values_count_as_distinct() {
        let falls = fixture(&[
            ("g1", "growth", "ic", "beijing", 2023, "-1.5", "pct", "growth_rate"),
            ("g2", "growth", "ai", "beijing", 2023, "-2.5", "pct", "growth_rate"),
            ("g3", "growth", "bio", "beijing", 2023, "-3.5", "pct", "growth_rate"),
        ]);
        assert_eq!(distinct_sector_values(&falls, &state(&falls, "view=sectors"), "growth"), 3);
    }
}
