use super::series::{axis_value, year_axis};
use super::*;
use crate::model::{self, Dataset, Kind, Unit};
use crate::state::{parse, View};
use proptest::prelude::*;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| model::load(model::bundled()).0)
}

fn rd_intensity() -> Vec<Series> {
    let rows = filter(dataset(), &Filter { indicator: Some("rd_intensity".into()), region: Some("beijing".into()), ..Filter::default() });
    let years = year_axis(&rows, TimeSpan::new(2012, 2030));
    series(dataset(), &rows, &years)
}

#[test]
fn a_missing_year_stays_a_gap() {
    let lines = rd_intensity();
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    let drawn: Vec<u16> = line.values.iter().flatten().map(|p| p.year).collect();
    assert!(drawn.contains(&2013) && drawn.contains(&2021) && drawn.contains(&2023));
    // 2022 has no figure: a gap, not a zero and not an interpolation.
    let gap_2022 = &line.values[usize::from(2022u16 - 2013)];
    assert_eq!(*gap_2022, None);
}

#[test]
fn targets_are_kept_apart_from_the_line() {
    let line = &rd_intensity()[0];
    assert!(line.values.iter().flatten().all(|p| dataset().observation(&p.observations[0]).unwrap().kind != Kind::Target));
    assert_eq!(line.targets.iter().map(|t| t.year).collect::<Vec<_>>(), [2025]);
}

#[test]
fn two_sources_for_one_point_are_both_kept_and_flagged() {
    let line = &rd_intensity()[0];
    let point_2013 = line.values[0].as_ref().expect("R&D intensity has a 2013 figure");
    assert!(point_2013.conflict, "5.98% and 6.1% are both published for 2013");
    assert!(point_2013.observations.len() >= 2);
}

#[test]
fn yuan_amounts_share_an_axis_and_keep_their_published_value() {
    let gdp_2022 = dataset()
        .observations
        .iter()
        .find(|o| o.indicator == "gdp" && o.region == "beijing" && o.year == 2022)
        .expect("Beijing's 2022 GDP is in the data");
    let published = gdp_2022.value;
    let in_100m = axis_value(gdp_2022);
    match gdp_2022.unit {
        Unit::HundredMillionYuan => assert_eq!(in_100m, published),
        Unit::TnYuan => assert_eq!(in_100m, published * 1e4),
        Unit::BnYuan => assert_eq!(in_100m, published * 10.0),
        other => panic!("GDP published in {other:?}"),
    }
    assert_eq!(dataset().observation(&gdp_2022.id).unwrap().value, published);
}

#[test]
fn the_sector_comparison_has_a_bar_per_selected_sector() {
    let state = parse("view=sectors&sector=integrated_circuits,artificial_intelligence", dataset()).state;
    let comparison = comparison(dataset(), &state);
    assert_eq!(comparison.bars.iter().map(|b| b.sector.as_str()).collect::<Vec<_>>(), ["integrated_circuits", "artificial_intelligence"]);
    assert!(comparison.year.is_some());
}

#[test]
fn the_map_shades_only_districts_with_a_figure() {
    let year = map_year(dataset(), "gdp", TimeSpan::new(2012, 2030)).expect("district GDP exists");
    let values = district_values(dataset(), "gdp", year);
    assert_eq!(values.len(), 16);
    assert!(values.iter().filter(|v| v.point.is_some()).count() >= 12, "the best year covers most districts");
    let empty_year = district_values(dataset(), "gdp", 2012);
    assert!(empty_year.iter().all(|v| v.point.is_none()), "no district GDP for 2012: all 'no data', none zero");
}

#[test]
fn latest_as_of_never_looks_past_the_year() {
    let rows = filter(dataset(), &Filter { indicator: Some("rd_intensity".into()), region: Some("beijing".into()), ..Filter::default() });
    assert_eq!(latest_as_of(dataset(), &rows, 2019).map(|o| o.year), Some(2019));
    assert_eq!(latest_as_of(dataset(), &rows, 2022).map(|o| o.year), Some(2021));
    assert_eq!(latest_as_of(dataset(), &rows, 2012), None);
    // A target is a plan, not a value as of its year.
    assert!(latest_as_of(dataset(), &rows, 2030).is_some_and(|o| o.kind != Kind::Target));
}

#[test]
fn headline_cards_carry_a_figure_and_a_target() {
    let cards = headline_cards(dataset(), TimeSpan::new(2012, 2030));
    assert!(cards.len() >= 8);
    let rd = cards.iter().find(|c| c.spec.indicator == "rd_intensity").unwrap();
    assert!(rd.latest.is_some() && rd.target.is_some() && rd.sparkline.is_some());
}

fn arb_state() -> impl Strategy<Value = crate::state::ViewState> {
    let indicators: Vec<String> = dataset().indicators.iter().map(|i| i.id.clone()).collect();
    let sectors: Vec<String> = dataset().sectors.iter().map(|s| s.id.clone()).collect();
    let regions: Vec<String> = dataset().regions.iter().map(|r| r.id.clone()).collect();
    (
        proptest::sample::select(indicators),
        proptest::sample::subsequence(sectors.clone(), 0..=sectors.len()),
        proptest::sample::select(regions),
        (2012u16..=2030, 2012u16..=2030),
    )
        .prop_map(|(indicator, sectors, region, (a, b))| {
            crate::state::ViewState {
                view: View::Table,
                indicator: Some(indicator),
                sectors,
                region: Some(region),
                time: Some(TimeSpan::new(a, b)),
                ..Default::default()
            }
            .canonical(dataset())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn filtering_keeps_a_sorted_subset_within_bounds(state in arb_state()) {
        let dataset = dataset();
        let rows = filter(dataset, &Filter::from_state(&state, dataset));
        let time = state.time_span(dataset);
        for row in &rows {
            prop_assert!(dataset.observations.iter().any(|o| std::ptr::eq(o, *row)), "a row not in the dataset");
            prop_assert!(time.contains(row.year));
            prop_assert!(state.has_sector(row.sector.as_deref().unwrap_or("")) || (state.sectors.is_empty() && row.sector.is_none()));
            prop_assert_eq!(row.region.as_str(), state.region_id());
        }
        let again = filter(dataset, &Filter::from_state(&state, dataset));
        prop_assert_eq!(rows.len(), again.len());
    }

    #[test]
    fn series_invent_no_points(state in arb_state()) {
        let dataset = dataset();
        let rows = filter(dataset, &Filter::from_state(&state, dataset));
        let years = year_axis(&rows, state.time_span(dataset));
        for line in series(dataset, &rows, &years) {
            prop_assert_eq!(line.values.len(), years.len());
            for (year, point) in years.iter().zip(&line.values) {
                if let Some(point) = point {
                    prop_assert_eq!(point.year, *year);
                    let drawn = dataset.observation(&point.observations[0]).unwrap();
                    prop_assert!(rows.iter().any(|r| r.id == drawn.id), "drawn from a filtered row");
                    prop_assert_eq!(axis_value(drawn), point.value);
                }
            }
        }
    }
}
