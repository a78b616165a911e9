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
    assert!(point_2013.observations.len() >= 3);
    // Media sources on both sides: the figure more of them state is drawn, the other differs.
    assert_eq!(point_2013.value, 5.98);
    assert_eq!(point_2013.differing, ["beijing-rd-intensity-2013-census"]);
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
    let state = parse("view=sectors&indicator=cluster_scale_threshold&sector=integrated_circuits,artificial_intelligence", dataset()).state;
    let comparison = comparison(dataset(), &state);
    assert_eq!(comparison.bars.iter().map(|b| b.sector.as_str()).collect::<Vec<_>>(), ["integrated_circuits", "artificial_intelligence"]);
    assert!(comparison.year.is_some());
    // With no indicator in the link, and none telling the two apart, each shows its own size.
    let state = parse("view=sectors&sector=integrated_circuits,artificial_intelligence", dataset()).state;
    let comparison = super::comparison(dataset(), &state);
    assert!(comparison.bars.is_empty());
    assert_eq!(comparison.sizes.iter().map(|s| s.sector.as_str()).collect::<Vec<_>>(), ["integrated_circuits", "artificial_intelligence"]);
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
                    let drawn = dataset.observation(&point.drawn).unwrap();
                    prop_assert!(point.observations.contains(&point.drawn));
                    prop_assert!(rows.iter().any(|r| r.id == drawn.id), "drawn from a filtered row");
                    prop_assert_eq!(axis_value(drawn), point.value);
                }
            }
        }
    }
}

/// A one-indicator fixture: `(id, year, value, unit, confidence, note)` lines for Beijing's GDP.
fn fixture(lines: &[(&str, u16, &str, &str, &str, &str)]) -> Dataset {
    let text: Vec<String> = lines
        .iter()
        .map(|(id, year, value, unit, confidence, note)| {
            format!(
                r#"{{"id":"{id}","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":{year},"value":{value},"unit":"{unit}","kind":"actual","source_url":"https://example.org/{id}","source_title":"t","publisher":"{id} publisher","published":"2024","quote":"GDP {value}","confidence":"{confidence}","note":"{note}"}}"#
            )
        })
        .collect();
    let (dataset, issues) = model::load(model::RawFiles { observations: &text.join("\n"), sectors: "[]", zones: "", facts: "" });
    assert!(issues.is_empty(), "{issues:?}");
    dataset
}

fn the_point(dataset: &Dataset, year: u16) -> Point {
    let rows = filter(dataset, &Filter::default());
    let lines = series(dataset, &rows, &[year]);
    lines[0].values[0].clone().expect("a point")
}

#[test]
fn lines_equal_within_rounding_are_one_point_drawn_at_the_finest_value() {
    let dataset = fixture(&[
        ("repost", 2016, "24899.3", "100m_yuan", "third_party", ""),
        ("paper", 2016, "2.49", "tn_yuan", "media", ""),
        ("bureau", 2023, "4.38", "tn_yuan", "official", ""),
        ("mirror", 2023, "4376.07", "bn_yuan", "third_party", ""),
    ]);
    let point = the_point(&dataset, 2016);
    assert!(!point.conflict, "2.49 tn is 24,899.3 亿元 rounded");
    assert_eq!(point.value, 24899.3, "the most precise value is drawn");
    assert_eq!(point.drawn, "repost");
    assert_eq!(point.observations, ["paper", "repost"], "the better source first");
    assert_eq!(point.agreeing, ["repost"]);
    let point = the_point(&dataset, 2023);
    assert!(!point.conflict);
    assert_eq!(point.value, 43760.7);
    assert_eq!(point.first(), "bureau");
    assert_eq!(point.n_sources(), 2);
}

#[test]
fn lines_that_differ_beyond_rounding_stay_a_conflict() {
    let dataset = fixture(&[
        ("a", 2013, "19500.6", "100m_yuan", "third_party", ""),
        ("b", 2013, "1.96", "tn_yuan", "media", ""),
        ("c", 2013, "1.95", "tn_yuan", "official", ""),
    ]);
    let point = the_point(&dataset, 2013);
    // 1.95 tn agrees with 19,500.6 亿元; 1.96 tn does not.
    assert!(point.conflict);
    assert_eq!(point.observations, ["c", "a", "b"]);
    assert_eq!(point.drawn, "a");
    assert_eq!(point.differing, ["b"]);
    let sources = dataset.point_sources(dataset.observation("c").unwrap());
    assert_eq!(sources.agreeing.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["a"]);
    assert_eq!(sources.differing.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["b"]);
}

#[test]
fn preliminary_and_final_figures_that_differ_are_a_labelled_conflict() {
    let dataset = fixture(&[
        ("first", 2018, "30320", "100m_yuan", "media", "Preliminary figure released in January."),
        ("census", 2018, "33106", "100m_yuan", "official", "Final figure after the economic census revision."),
        ("again", 2019, "35371.3", "100m_yuan", "media", "Preliminary (初步核算)."),
        ("later", 2019, "35371.3", "100m_yuan", "official", "Final figure."),
    ]);
    let point = the_point(&dataset, 2018);
    assert!(point.conflict);
    let label = |id: &str| dataset.observation(id).and_then(|o| o.revision());
    assert_eq!(label("first"), Some(model::Revision::Preliminary));
    assert_eq!(label("census"), Some(model::Revision::Final));
    let look = crate::charts::Look { dataset: &dataset, lang: model::Lang::En, palette: crate::charts::Palette::for_theme(false), animate: false };
    let tip = crate::charts::point_tip(&look, "GDP", &point).join("\n");
    assert!(tip.contains("Sources differ:") && tip.contains("preliminary") && tip.contains("final"), "{tip}");
    // The same figure, preliminary and final, is one point with both sources.
    let point = the_point(&dataset, 2019);
    assert!(!point.conflict);
    let tip = crate::charts::point_tip(&look, "GDP", &point).join("\n");
    assert!(tip.contains("Also reported by: again publisher"), "{tip}");
}
