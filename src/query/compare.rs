//! Comparing places over time: which places the region control offers for what the reader types,
//! lines as an index of their first year (derived, exact arithmetic on published figures), and
//! the years the map's player steps through with the colour range that stays fixed across them.

use super::series::{district_rows, district_values, Series};
use crate::model::{Dataset, Region};
use crate::state::ViewState;

/// A place the region control lists.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionOption<'d> {
    pub region: &'d Region,
    pub checked: bool,
    /// As many places are chosen as one chart compares: this one cannot be added.
    pub disabled: bool,
}

/// Whether a place matches what the reader typed: its id or either name contains the text,
/// ignoring case and spaces ("hai dian", "海淀", "HAIDIAN" all find Haidian).
pub fn region_matches(region: &Region, typed: &str) -> bool {
    let fold = |text: &str| text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    let wanted = fold(typed);
    wanted.is_empty() || [region.id.as_str(), &region.name_en, &region.name_zh].iter().any(|name| fold(name).contains(&wanted))
}

/// The places the control lists for the typed text, in the dataset's order (city, districts,
/// zones, wider areas), each checked when chosen and disabled when the limit is reached.
pub fn region_options<'d>(dataset: &'d Dataset, state: &ViewState, typed: &str) -> Vec<RegionOption<'d>> {
    let full = state.at_region_limit();
    dataset
        .regions
        .iter()
        .filter(|r| region_matches(r, typed))
        .map(|region| {
            let checked = state.has_region(&region.id);
            RegionOption { region, checked, disabled: full && !checked }
        })
        .collect()
}

/// What a line is indexed to: its figure in the chart's first year, or, when it has none there,
/// its own first figure (`own_first`, which the chart says).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexBase {
    pub year: u16,
    /// In the axis unit, as drawn.
    pub value: f64,
    pub own_first: bool,
}

impl IndexBase {
    /// A figure as an index of the base (= 100): value / base × 100, nothing else.
    pub fn index(&self, value: f64) -> f64 {
        value / self.value * 100.0
    }
}

/// The base of a line drawn as an index of its first year in `years` (the chart's years). `None`
/// when the line has no figure, or its first figure is zero or negative: no index says anything
/// then, and the chart leaves the line out of the indexed view, saying so.
pub fn index_base(series: &Series, years: &[u16]) -> Option<IndexBase> {
    let first = series.values.iter().flatten().next()?;
    (first.value > 0.0).then(|| IndexBase { year: first.year, value: first.value, own_first: years.first() != Some(&first.year) })
}

/// The years with at least one district figure for an indicator, oldest first: the map's
/// player steps through these.
pub fn map_years(dataset: &Dataset, indicator: &str) -> Vec<u16> {
    let mut years: Vec<u16> = district_rows(dataset, indicator).iter().map(|o| o.year).collect();
    crate::model::order::sort(&mut years);
    years.dedup();
    years
}

/// The year the player shows after `current`; `None` on the last year (the player pauses).
pub fn next_map_year(years: &[u16], current: Option<u16>) -> Option<u16> {
    match current {
        Some(year) => years.iter().copied().find(|y| *y > year),
        None => years.first().copied(),
    }
}

/// Where the player starts: from the first year when it stands on the last one (or on a year
/// without figures), else from where it stands.
pub fn player_start(years: &[u16], current: Option<u16>) -> Option<u16> {
    match current {
        Some(year) if years.contains(&year) && years.last() != Some(&year) => Some(year),
        _ => years.first().copied(),
    }
}

/// The map's year control: the years it steps through and the year the map shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Player {
    /// Years with district figures for the map's indicator, oldest first.
    pub years: Vec<u16>,
    /// The year the map shades (`choice::map_year`); `None` when no district has a figure.
    pub current: Option<u16>,
    /// The year with figures for the most districts (the later on a tie): the map opens on it and
    /// the player stops on it.
    pub best: Option<u16>,
    /// How many districts have a figure in `best`.
    pub best_districts: usize,
}

impl Player {
    /// The player of the map shaded by `indicator` (`choice::shown_indicator`).
    pub fn new(dataset: &Dataset, state: &ViewState, indicator: &str) -> Player {
        let years = map_years(dataset, indicator);
        let best = years.first().and_then(|first| super::series::district_year(dataset, indicator, crate::state::TimeSpan::new(*first, u16::MAX)));
        let best_districts = best.map_or(0, |year| district_values(dataset, indicator, year).iter().filter(|v| v.point.is_some()).count());
        Player { years, current: super::series::district_year(dataset, indicator, state.time_span(dataset)), best, best_districts }
    }

    /// The years play shows, in order: from where it starts to the last year with district
    /// figures, then back to the year with the most districts, where it stops, so the reader is
    /// not left on a nearly grey map. From the map's opening year it plays from the first year.
    pub fn plan(&self) -> Vec<u16> {
        let start = if self.current.is_some() && self.current == self.best { self.years.first().copied() } else { self.start() };
        let Some(start) = start else { return Vec::new() };
        let mut years: Vec<u16> = self.years.iter().copied().filter(|y| *y >= start).collect();
        if let Some(best) = self.best.filter(|best| years.last() != Some(best)) {
            years.push(best);
        }
        years
    }

    /// The slider's position: the current year's, else the last year before it (the first when
    /// none is).
    pub fn position(&self) -> usize {
        let current = self.current.unwrap_or(0);
        self.years.iter().rposition(|y| *y <= current).unwrap_or(0)
    }

    pub fn year_at(&self, position: usize) -> Option<u16> {
        self.years.get(position).copied()
    }

    /// The year play starts on (`player_start`).
    pub fn start(&self) -> Option<u16> {
        player_start(&self.years, self.current)
    }

    /// The next year, `None` on the last.
    pub fn next(&self) -> Option<u16> {
        next_map_year(&self.years, self.current)
    }

    pub fn is_last(&self, year: u16) -> bool {
        self.years.last() == Some(&year)
    }
}

/// The smallest and largest district figure drawn in any year (axis units), so the map's colours
/// mean the same in every year. `None` when no district has a figure.
pub fn district_range(dataset: &Dataset, indicator: &str) -> Option<(f64, f64)> {
    let values: Vec<f64> = map_years(dataset, indicator)
        .into_iter()
        .flat_map(|year| district_values(dataset, indicator, year))
        .filter_map(|v| v.point.map(|p| p.value))
        .collect();
    let min = values.iter().copied().reduce(f64::min)?;
    let max = values.iter().copied().reduce(f64::max)?;
    Some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::small;
    use crate::query::{self, Filter};
    use crate::state::MAX_REGIONS;

    #[test]
    fn a_line_is_indexed_to_its_figure_in_the_charts_first_year() {
        let dataset = small();
        let rows = query::filter(dataset, &Filter { indicator: Some("gdp".into()), ..Filter::region("beijing") });
        let years = query::series::year_axis(&rows, crate::state::TimeSpan::new(2019, 2022));
        let line = &query::series(dataset, &rows, &years)[0];
        let base = index_base(line, &years).unwrap();
        assert_eq!(base, IndexBase { year: 2019, value: 35371.3, own_first: false });
        assert_eq!(base.index(35371.3), 100.0);
        // 2020 was published as 3.6 trillion yuan: 36,000 亿元 on the axis.
        assert_eq!(base.index(36000.0), 36000.0 / 35371.3 * 100.0);
        assert!((base.index(41610.9) - 117.640_290_291_846_77).abs() < 1e-9);
    }

    #[test]
    fn a_line_starting_at_zero_or_below_has_no_index() {
        let mut line = query::series(small(), &query::filter(small(), &Filter { indicator: Some("gdp".into()), ..Filter::region("beijing") }), &[2019])[0].clone();
        if let Some(Some(point)) = line.values.first_mut() {
            point.value = 0.0;
        }
        assert_eq!(index_base(&line, &[2019]), None);
    }

    #[test]
    fn the_control_finds_places_by_name_or_id_and_keeps_to_the_limit() {
        let dataset = small();
        let names = |typed: &str| region_options(dataset, &ViewState::default(), typed).iter().map(|o| o.region.id.clone()).collect::<Vec<_>>();
        assert_eq!(names("hai dian"), ["haidian"]);
        assert_eq!(names("海淀"), ["haidian"]);
        assert_eq!(names("CHAOYANG"), ["chaoyang"]);
        assert_eq!(names("").len(), dataset.regions.len());
        assert!(names("atlantis").is_empty());
        let default = region_options(dataset, &ViewState::default(), "");
        assert!(default.iter().find(|o| o.region.id == "beijing").unwrap().checked, "Beijing is chosen by default");
        // Eight chosen: the others are disabled, the chosen stay free to remove.
        let eight: Vec<String> = dataset.regions.iter().take(MAX_REGIONS).map(|r| r.id.clone()).collect();
        let full = ViewState { view: crate::state::View::Trends, regions: eight, ..ViewState::default() }.canonical(dataset);
        let options = region_options(dataset, &full, "");
        assert!(options.iter().all(|o| o.disabled != o.checked), "{options:?}");
        assert_eq!(full.toggle_region(dataset, &dataset.regions[MAX_REGIONS].id), full, "a ninth place is refused");
    }

    #[test]
    fn the_player_steps_through_the_years_with_district_figures_and_stops_on_the_last() {
        let dataset = small();
        let years = map_years(dataset, "gdp");
        assert_eq!(years, [2021, 2022]);
        assert_eq!(player_start(&years, Some(2022)), Some(2021), "from the last year it starts over");
        assert_eq!(player_start(&years, Some(2021)), Some(2021));
        assert_eq!(player_start(&years, Some(2019)), Some(2021), "a year without district figures");
        assert_eq!(next_map_year(&years, Some(2021)), Some(2022));
        assert_eq!(next_map_year(&years, Some(2022)), None);
        assert!(map_years(dataset, "revenue").is_empty());
        assert_eq!(next_map_year(&[], None), None);
    }

    #[test]
    fn the_players_slider_follows_the_maps_year() {
        let at = |query: &str| Player::new(small(), &crate::state::parse(query, small()).state, "gdp");
        let player = at("view=map&indicator=gdp&time=2022");
        assert_eq!((player.years.as_slice(), player.current, player.position()), (&[2021, 2022][..], Some(2022), 1));
        assert!(player.is_last(2022) && !player.is_last(2021));
        assert_eq!((player.start(), player.next()), (Some(2021), None));
        assert_eq!(player.year_at(0), Some(2021));
        assert_eq!(player.year_at(5), None);
        // A year without district figures: the slider stands on the year before, or the first.
        assert_eq!(at("view=map&indicator=gdp&time=2019").position(), 0);
        assert_eq!(at("view=map&indicator=gdp&time=2019").next(), Some(2021));
        // Without a year, the map shows the year with the most districts: 2021.
        assert_eq!(at("view=map").current, Some(2021));
        assert_eq!(Player::default().position(), 0);
    }

    #[test]
    fn the_map_colours_span_every_year() {
        // Chaoyang 7,617.8 in 2021 is the least; Haidian 10,206.7 in 2022 the most.
        assert_eq!(district_range(small(), "gdp"), Some((7617.8, 10206.7)));
        assert_eq!(district_range(small(), "revenue"), None);
    }
}
