use super::series::{axis_value, year_axis};
use super::*;
use crate::fixtures::{gdp_sources, real, small};
use crate::model::{self, Kind};
use crate::state::{encode, parse, View};
use proptest::prelude::*;

fn beijing(indicator: &str) -> Vec<Series> {
    let rows = filter(small(), &Filter { indicator: Some(indicator.into()), regions: Some(vec!["beijing".into()]), ..Filter::default() });
    let years = year_axis(&rows, TimeSpan::new(2012, 2030));
    series(small(), &rows, &years)
}

#[test]
fn a_missing_year_stays_a_gap() {
    let lines = beijing("gdp");
    assert_eq!(lines.len(), 1);
    let years: Vec<Option<u16>> = lines[0].values.iter().map(|p| p.as_ref().map(|p| p.year)).collect();
    // 2019, 2020, then 2021 has no figure: a gap, not a zero and not an interpolation.
    assert_eq!(years, [Some(2019), Some(2020), None, Some(2022)]);
}

#[test]
fn yuan_amounts_share_an_axis_and_keep_their_published_value() {
    let line = &beijing("gdp")[0];
    let point_2020 = line.values[1].as_ref().expect("2020 has a figure");
    // Published as 3.6 trillion yuan, drawn as 36,000 亿元 beside figures published in 亿元.
    assert_eq!(point_2020.value, 36000.0);
    assert_eq!(small().observation(&point_2020.obs).map(|o| o.value), Some(3.6));
}

#[test]
fn targets_are_kept_apart_from_the_line() {
    let line = &beijing("rd_intensity")[0];
    assert!(line.values.iter().flatten().all(|p| small().observation(&p.obs).is_some_and(|o| o.kind != Kind::Target)));
    assert_eq!(line.targets.iter().map(|t| t.year).collect::<Vec<_>>(), [2025]);
}

#[test]
fn two_sources_for_one_point_are_both_kept_and_flagged() {
    let line = &beijing("rd_intensity")[0];
    let point = line.values[0].as_ref().expect("R&D intensity has a 2020 figure");
    assert!(point.conflict, "6.4 and 6.53 are both published for 2020");
    assert_eq!(point.obs, "rd-2020", "the official figure is drawn");
    assert_eq!(point.observations, ["rd-2020", "rd-2020-media"]);
}

#[test]
fn part_year_figures_stay_off_the_line() {
    let rows = filter(small(), &Filter { indicator: Some("revenue".into()), sectors: Some(vec!["chips".into()]), ..Filter::default() });
    assert_eq!(rows.len(), 3, "the table keeps the half-year figure");
    let years = year_axis(&rows, TimeSpan::new(2012, 2030));
    let drawn: Vec<String> = series(small(), &rows, &years).iter().flat_map(|s| s.values.iter().flatten().map(|p| p.obs.clone())).collect();
    assert_eq!(drawn, ["chips-revenue-2021", "chips-revenue-2022"]);
}

#[test]
fn the_sector_comparison_has_a_bar_per_selected_sector_in_the_best_covered_year() {
    let state = parse("view=sectors&indicator=revenue", small()).state;
    let comparison = comparison(small(), &state);
    assert_eq!(comparison.bars.iter().map(|b| b.sector.as_str()).collect::<Vec<_>>(), ["chips", "drugs"]);
    // 2021 has both sectors, 2022 only one.
    assert_eq!(comparison.year, Some(2021));
    assert!(comparison.bars.iter().all(|b| b.point.is_some()));
}

#[test]
fn the_map_shades_only_districts_with_a_figure() {
    assert_eq!(district_year(small(), "gdp", TimeSpan::new(2012, 2030)), Some(2021), "the year with the most districts");
    let values = district_values(small(), "gdp", 2021);
    assert_eq!(values.len(), 16);
    let shaded: Vec<&str> = values.iter().filter(|v| v.point.is_some()).map(|v| v.district.id).collect();
    assert_eq!(shaded.len(), 2, "{shaded:?}");
    assert!(district_values(small(), "gdp", 2019).iter().all(|v| v.point.is_none()), "no district figure: all 'no data', none zero");
    // A single year is shown as asked, even one without a district figure; a span without one
    // has no year.
    assert_eq!(district_year(small(), "gdp", TimeSpan::new(2019, 2019)), Some(2019));
    assert_eq!(district_year(small(), "gdp", TimeSpan::new(2019, 2020)), None);
}

/// Issue 23, C11: a target year stated by two sources is one target, whatever order the rows
/// come in (a profile passes them in the dataset's order).
#[test]
fn a_target_year_stated_twice_is_one_target_whatever_the_rows_order() {
    let line = |id: &str, year: u16, value: f64, confidence: &str| {
        format!(r#"{{"id":"{id}","indicator":"rev","indicator_en":"Revenue","indicator_zh":"营收","sector":"all","region":"beijing","year":{year},"value":{value},"unit":"bn_yuan","kind":"target","source_url":"https://example.org/{id}","source_title":"t","publisher":"p","published":"2024","quote":"{value}","confidence":"{confidence}"}}"#)
    };
    let text = [line("t2025-a", 2025, 300.0, "official"), line("t2030", 2030, 500.0, "official"), line("t2025-b", 2025, 300.0, "media")].join("\n");
    let (dataset, issues) = model::load(model::RawFiles { observations: &text, sectors: "[]", ..Default::default() });
    assert_eq!(issues, []);
    let rows: Vec<&model::Observation> = dataset.observations.iter().collect();
    let lines = series(&dataset, &rows, &[2025, 2026, 2027, 2028, 2029, 2030]);
    let targets: Vec<(u16, f64)> = lines[0].targets.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(targets, [(2025, 3000.0), (2030, 5000.0)], "in 亿元, the axis unit");
}

#[test]
fn latest_as_of_never_looks_past_the_year() {
    let rows = filter(small(), &Filter { indicator: Some("gdp".into()), regions: Some(vec!["beijing".into()]), ..Filter::default() });
    assert_eq!(latest_as_of(small(), &rows, 2021).map(|o| o.id.as_str()), Some("gdp-2020"));
    assert_eq!(latest_as_of(small(), &rows, 2018), None);
    let rd = filter(small(), &Filter { indicator: Some("rd_intensity".into()), ..Filter::default() });
    // A target is a plan, not a value as of its year; of two sources the official one is taken.
    assert_eq!(latest_as_of(small(), &rd, 2030).map(|o| o.id.as_str()), Some("rd-2020"));
}

#[test]
fn the_timeline_runs_oldest_first_and_follows_the_years_chosen() {
    let ids = |span| timeline(small(), span).iter().map(|f| f.id.as_str()).collect::<Vec<_>>();
    assert_eq!(ids(None), ["early", "middle", "late"]);
    assert_eq!(ids(Some(TimeSpan::new(2021, 2022))), ["middle", "late"]);
}

#[test]
fn the_way_back_clears_filters_and_never_leads_to_another_empty_view() {
    let state = parse("view=trends&indicator=gdp&region=chaoyang&time=2019", small()).state;
    assert!(filter(small(), &Filter::from_state(&state, small())).is_empty());
    let back = way_back(small(), &state);
    assert_eq!((back.view, back.indicator.as_deref(), back.regions.is_empty(), back.time), (View::Trends, Some("gdp"), true, None));
}

/// Review 2026-12-02: "Show all" from a link whose indicator has no figures for Beijing either
/// leads to a full view, for the table and map (no notice there) as for trends (a notice).
#[test]
fn the_way_back_drops_an_indicator_beijing_has_no_figures_for() {
    for query in ["view=table&indicator=zgc_total_revenue&region=zgc&time=2012", "view=trends&indicator=zgc_total_revenue&region=zgc&time=2012"] {
        let back = way_back(real(), &parse(query, real()).state);
        assert_eq!(back.indicator, None, "{query}");
        assert!(choice::notices(real(), &back).is_empty(), "{query}: {:?}", choice::notices(real(), &back));
        assert!(!filter(real(), &Filter::from_state(&back, real())).is_empty(), "{query}");
    }
}

/// `indicator=sizes` is a way to draw the sectors, not a measure: the filter keeps every
/// measure, and the way back keeps the sizes.
#[test]
fn the_sizes_choice_filters_on_no_indicator() {
    let state = parse("view=sectors&indicator=sizes&time=2012", real()).state;
    assert_eq!(Filter::from_state(&state, real()).indicator, None);
    assert_eq!(way_back(real(), &state).indicator.as_deref(), Some(crate::state::SECTOR_SIZES));
}

/// Issue 23, C10: an indicator the view cannot draw even for Beijing with no filter (GDP has no
/// sector figures to compare) is dropped too, so the way back shows figures and no notice.
#[test]
fn the_way_back_drops_an_indicator_the_view_cannot_draw_at_all() {
    let state = parse("view=sectors&indicator=gdp&time=2021", small()).state;
    let back = way_back(small(), &state);
    assert_eq!(encode(&back), "view=sectors");
    assert_eq!(choice::shown_indicator(small(), &back).notice, None);
}

#[test]
fn each_view_lists_only_indicators_it_can_draw() {
    let ids = |link| choice::indicator_options(small(), &parse(link, small()).state).into_iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids("view=map"), ["gdp"]);
    assert_eq!(ids("view=sectors"), ["revenue"]);
    assert_eq!(ids("view=table"), ["gdp", "rd_intensity", "revenue"]);
}

#[test]
fn the_document_title_names_focus_years_and_site() {
    let state = parse("view=trends&sector=chips&time=2020..2022&lang=zh", small()).state;
    assert_eq!(document_title(small(), &state), "集成电路 · 趋势 · 2020–2022 · 北京高精尖产业图集");
    assert_eq!(document_title(small(), &parse("view=map", small()).state), "Map · Beijing High-Tech Atlas");
    // Places compared are named in the list's canonical order.
    let places = parse("view=trends&region=haidian,chaoyang", small()).state;
    assert_eq!(document_title(small(), &places), "Chaoyang, Haidian · Trends · Beijing High-Tech Atlas");
    // Issue 23, C6.3: the view is named, so the map and the table of one place differ; a filter
    // the view does not read is not named; a profile is named by its entity.
    let title = |link: &str| document_title(small(), &parse(link, small()).state);
    assert_eq!(title("view=map&region=haidian"), "Haidian · Map · Beijing High-Tech Atlas");
    assert_eq!(title("view=table&region=haidian"), "Haidian · Table · Beijing High-Tech Atlas");
    assert_eq!(title("view=sources&sector=chips&region=haidian"), "Sources · Beijing High-Tech Atlas");
    assert_eq!(title("view=profile&region=haidian"), "Haidian · Beijing High-Tech Atlas");
    assert_eq!(title("view=profile"), "Profile · Beijing High-Tech Atlas");
}

/// Issue 18: the table follows the region list, in the dataset's order of places.
#[test]
fn the_table_follows_the_region_list() {
    let state = parse("view=table&indicator=gdp&region=haidian,chaoyang", small()).state;
    let rows = filter(small(), &Filter::from_state(&state, small()));
    let places: Vec<(&str, u16)> = rows.iter().map(|o| (o.region.as_str(), o.year)).collect();
    assert_eq!(places, [("chaoyang", 2021), ("haidian", 2021), ("haidian", 2022)]);
    // Trends comparing places keeps economy-wide figures only; the table keeps every sector.
    let trends = crate::state::ViewState { view: View::Trends, ..state.clone() };
    assert!(Filter::from_state(&trends, small()).economy_wide);
    assert!(!Filter::from_state(&state, small()).economy_wide);
}

#[test]
fn headline_cards_on_the_real_data_carry_a_figure_and_a_target() {
    let cards = headline_cards(real(), TimeSpan::new(2012, 2030));
    assert_eq!(cards.len(), CARD_SPECS.len());
    assert_eq!(CARD_SPECS.len(), 10);
    assert!(cards.iter().all(|c| c.latest.is_some()), "every card has a published figure");
    let rd = cards.iter().find(|c| c.spec.indicator == "rd_intensity").expect("an R&D card");
    assert!(rd.target.is_some() && rd.sparkline.is_some());
}

fn arb_state() -> impl Strategy<Value = crate::state::ViewState> {
    let dataset = small();
    let indicators: Vec<String> = dataset.indicators.iter().map(|i| i.id.clone()).collect();
    let sectors: Vec<String> = dataset.sectors.iter().map(|s| s.id.clone()).collect();
    let regions: Vec<String> = dataset.regions.iter().map(|r| r.id.clone()).collect();
    (
        proptest::sample::select(indicators),
        proptest::sample::subsequence(sectors.clone(), 0..=sectors.len()),
        proptest::sample::subsequence(regions.clone(), 0..=3),
        (2012u16..=2030, 2012u16..=2030),
    )
        .prop_map(|(indicator, sectors, regions, (a, b))| {
            crate::state::ViewState {
                view: View::Table,
                indicator: Some(indicator),
                sectors,
                regions,
                time: Some(TimeSpan::new(a, b)),
                ..Default::default()
            }
            .canonical(small())
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn filtering_keeps_a_sorted_subset_within_bounds(state in arb_state()) {
        let dataset = small();
        let rows = filter(dataset, &Filter::from_state(&state, dataset));
        let time = state.time_span(dataset);
        for row in &rows {
            prop_assert!(dataset.observations.iter().any(|o| std::ptr::eq(o, *row)), "a row not in the dataset");
            prop_assert!(time.contains(row.year));
            prop_assert!(state.has_sector(row.sector.as_deref().unwrap_or("")) || (state.sectors.is_empty() && row.sector.is_none()));
            prop_assert!(state.has_region(&row.region), "{} is not among {:?}", row.region, state.region_ids());
        }
        // The reading order: indicator, sector (economy-wide first), region, year, id.
        let key = |o: &&crate::model::Observation| {
            let indicator = dataset.indicators.iter().position(|i| i.id == o.indicator);
            let region = dataset.regions.iter().position(|r| r.id == o.region);
            (indicator, o.sector.as_deref().and_then(|s| dataset.sector_index(s)), region, o.year, o.id.clone())
        };
        prop_assert!(rows.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "rows out of order");
        let kept = dataset.observations.iter().filter(|o| Filter::from_state(&state, dataset).keeps(o)).count();
        prop_assert_eq!(rows.len(), kept, "every row the filter keeps, once");
    }

    #[test]
    fn series_invent_no_points(state in arb_state()) {
        let dataset = small();
        let rows = filter(dataset, &Filter::from_state(&state, dataset));
        let years = year_axis(&rows, state.time_span(dataset));
        for line in series(dataset, &rows, &years) {
            prop_assert_eq!(line.values.len(), years.len());
            for (year, point) in years.iter().zip(&line.values) {
                if let Some(point) = point {
                    prop_assert_eq!(point.year, *year);
                    let drawn = dataset.observation(&point.drawn).expect("a drawn point names a real observation");
                    prop_assert!(point.observations.contains(&point.drawn));
                    prop_assert!(rows.iter().any(|r| r.id == drawn.id), "drawn from a filtered row");
                    prop_assert_eq!(axis_value(drawn), point.value);
                }
            }
        }
    }
}

/// A one-indicator fixture: `(id, year, value, unit, confidence, note)` lines for Beijing's GDP.
fn the_point(dataset: &Dataset, year: u16) -> Point {
    let rows = filter(dataset, &Filter::default());
    let lines = series(dataset, &rows, &[year]);
    lines[0].values[0].clone().expect("a point")
}

#[test]
fn lines_equal_within_rounding_are_one_point_drawn_at_the_finest_value() {
    let dataset = gdp_sources(&[
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
    assert_eq!(point.obs, "bureau");
    assert_eq!(point.n_sources(), 2);
}

#[test]
fn lines_that_differ_beyond_rounding_stay_a_conflict() {
    let dataset = gdp_sources(&[
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
    let dataset = gdp_sources(&[
        ("first", 2018, "30320", "100m_yuan", "media", "preliminary"),
        ("census", 2018, "33106", "100m_yuan", "official", "final"),
        ("again", 2019, "35371.3", "100m_yuan", "media", "preliminary"),
        ("later", 2019, "35371.3", "100m_yuan", "official", "final"),
    ]);
    let point = the_point(&dataset, 2018);
    assert!(point.conflict);
    let label = |id: &str| dataset.observation(id).and_then(|o| o.revision());
    assert_eq!(label("first"), Some(model::Revision::Preliminary));
    assert_eq!(label("census"), Some(model::Revision::Final));
    // The same figure, preliminary and final, is one point with both sources.
    let point = the_point(&dataset, 2019);
    assert!(!point.conflict);
    assert_eq!(point.observations.len(), 2);
}

/// Issue 23, §4: cards and profiles pick the target beside a figure one way: the nearest year at
/// or after it, the better source on a tie; else the latest earlier one.
#[test]
fn the_target_beside_a_figure_is_the_nearest_then_the_better_source() {
    let line = |id: &str, year: u16, confidence: &str| {
        format!(r#"{{"id":"{id}","indicator":"rev","indicator_en":"Revenue","indicator_zh":"营收","sector":"all","region":"beijing","year":{year},"value":{year},"unit":"bn_yuan","kind":"target","source_url":"https://example.org/{id}","source_title":"t","publisher":"p","published":"2024","quote":"{year}","confidence":"{confidence}"}}"#)
    };
    let text = [line("t2030", 2030, "official"), line("t2025-media", 2025, "media"), line("t2025-official", 2025, "official"), line("t2020", 2020, "official")].join("\n");
    let (dataset, issues) = model::load(model::RawFiles { observations: &text, sectors: "[]", ..Default::default() });
    assert_eq!(issues, []);
    let rows: Vec<&model::Observation> = dataset.observations.iter().collect();
    let target = |year| nearest_target(&dataset, &rows, year).map(|o| o.id.as_str());
    assert_eq!(target(2022), Some("t2025-official"));
    assert_eq!(target(2026), Some("t2030"));
    assert_eq!(target(2031), Some("t2030"), "none ahead: the latest earlier one");
}
