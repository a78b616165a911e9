use super::*;
use crate::query::{self, comparison, district_values, district_year, Filter};
use crate::state::{parse, TimeSpan};
use crate::fixtures::real as dataset;


fn look(lang: Lang) -> Look<'static> {
    Look { dataset: dataset(), lang, palette: Palette::for_theme(false), animate: false }
}

#[test]
fn trend_chart_draws_gaps_as_null_and_targets_apart() {
    let rows = query::filter(dataset(), &Filter { indicator: Some("rd_intensity".into()), regions: Some(vec!["beijing".into()]), ..Filter::default() });
    let years = query::series::year_axis(&rows, TimeSpan::new(2012, 2030));
    let series = query::series(dataset(), &rows, &years);
    let option = trend_chart(&look(Lang::En), "R&D intensity", "Source: …", &series, &years);
    let line = &option["series"][0];
    assert_eq!(line["type"], "line");
    assert_eq!(line["connectNulls"], false);
    let data = line["data"].as_array().unwrap();
    assert_eq!(data.len(), years.len());
    assert!(data.iter().any(Value::is_null), "missing years are null, drawn as gaps");
    assert!(data.iter().filter(|d| !d.is_null()).all(|d| d["obs"].is_string() && d["tip"].is_array()));
    let targets = &option["series"][1];
    assert_eq!(targets["symbol"], "diamond");
    assert_eq!(option["aria"]["enabled"], true);
    assert!(option["aria"]["label"]["description"].as_str().unwrap().contains("2013"));
}

#[test]
fn yuan_axes_read_in_trillions_or_wan_yi() {
    let rows = query::filter(dataset(), &Filter { indicator: Some("gdp".into()), regions: Some(vec!["beijing".into()]), ..Filter::default() });
    let years = query::series::year_axis(&rows, TimeSpan::new(2012, 2030));
    let series = query::series(dataset(), &rows, &years);
    let en = trend_chart(&look(Lang::En), "GDP", "", &series, &years);
    let zh = trend_chart(&look(Lang::Zh), "GDP", "", &series, &years);
    assert_eq!(en["yAxis"]["name"], "trillion yuan");
    assert_eq!(zh["yAxis"]["name"], "万亿元");
}

#[test]
fn sectors_chart_keeps_a_place_for_a_sector_without_a_figure() {
    let state = parse("view=sectors&indicator=companies", dataset()).state;
    let option = sectors_chart(&look(Lang::En), "Companies", "", &comparison(dataset(), &state));
    let data = option["series"][0]["data"].as_array().unwrap();
    assert_eq!(data.len(), 10);
    assert!(data.iter().any(|d| d["value"].is_null()));
    assert!(data.iter().all(|d| d["sector"].is_string()));
    // Bar-end labels are grouped like the axis: AI's 2,400 companies (2024).
    let ai = data.iter().find(|d| d["sector"] == "artificial_intelligence").unwrap();
    assert_eq!(ai["value"], 2400.0);
    assert_eq!(ai["label"]["formatter"], "2,400");
}

#[test]
fn district_map_has_sixteen_districts_and_no_zero_for_missing() {
    let year = district_year(dataset(), "gdp", TimeSpan::new(2012, 2030)).unwrap();
    let values = district_values(dataset(), "gdp", year);
    let zones: Vec<&crate::model::Zone> = dataset().zones.iter().collect();
    let input = MapInput { title: "GDP", source_line: "", values: &values, unit: Some(crate::model::Unit::HundredMillionYuan), zones: &zones, other_zones: &[], regions: &["haidian"], range: None };
    let option = district_map_chart(&look(Lang::En), &input);
    let districts = option["series"][0]["data"].as_array().unwrap();
    assert_eq!(districts.len(), 16);
    for district in districts.iter().filter(|d| d["value"].is_null()) {
        assert!(district["tip"].to_string().contains("No data"));
    }
    assert_eq!(option["series"][1]["data"].as_array().unwrap().len(), zones.len());
    assert_eq!(option["geo"]["nameMap"]["海淀区"], "Haidian");
}

#[test]
fn map_labels_use_short_names_that_fit_beside_their_pins() {
    let zones: Vec<&crate::model::Zone> = dataset().zones.iter().collect();
    for (lang, etown) in [(Lang::En, "E-Town"), (Lang::Zh, "亦庄")] {
        let input = MapInput { title: "GDP", source_line: "", values: &[], unit: None, zones: &zones, other_zones: &[], regions: &["beijing"], range: None };
        let option = district_map_chart(&look(lang), &input);
        let labels: Vec<&str> = option["series"][1]["data"].as_array().unwrap().iter()
            .filter(|z| z["label"]["show"] == true)
            .map(|z| z["label"]["formatter"].as_str().unwrap())
            .collect();
        assert_eq!(labels.len(), 4, "the three science cities and E-Town are labelled");
        assert!(labels.contains(&etown), "{labels:?}");
        assert!(labels.iter().all(|l| l.chars().count() <= 26), "{labels:?}");
    }
}

#[test]
fn sparkline_breaks_at_gaps_and_stays_in_its_box() {
    let rows = query::filter(dataset(), &Filter { indicator: Some("rd_intensity".into()), regions: Some(vec!["beijing".into()]), kinds: Some(vec![crate::model::Kind::Actual]), ..Filter::default() });
    let years = query::series::year_axis(&rows, TimeSpan::new(2013, 2023));
    let series = &query::series(dataset(), &rows, &years)[0];
    let published = series.values.iter().flatten().count();
    let shape = sparkline(&years, series, 120.0, 32.0);
    // One dot per published figure, none invented for the years between.
    assert_eq!(shape.dots.len(), published);
    assert!(series.values.iter().any(Option::is_none), "the series has gaps");
    // Each gap ends a path: no line is drawn across a missing year.
    let runs = series.values.split(Option::is_none).filter(|run| run.len() > 1).count();
    assert_eq!(shape.paths.len(), runs);
    assert!(shape.dots.iter().all(|(x, y)| (0.0..=120.0).contains(x) && (0.0..=32.0).contains(y)));
    // The highest value is at the top of the box, the lowest at the bottom.
    let top = shape.dots.iter().map(|d| d.1).fold(f64::INFINITY, f64::min);
    let bottom = shape.dots.iter().map(|d| d.1).fold(0.0, f64::max);
    assert_eq!((top, bottom), (3.0, 29.0));
    assert!(shape.description.contains("2023: 6.73"));
}

fn marked_items(option: &serde_json::Value) -> Vec<serde_json::Value> {
    option["series"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .filter(|item| item["marked"] == true)
        .collect()
}

/// The tour on the real data, through the very function the page calls.
#[test]
fn every_tour_step_shows_a_chart_with_its_cited_figures_marked() {
    for step in &crate::story::STEPS {
        let option = step_option(&look(Lang::En), step, false);
        let marked = marked_items(&option);
        assert!(!marked.is_empty(), "step {} marks nothing on its chart", step.id);
        for zone in step.zones {
            assert!(marked.iter().any(|item| item["zone"] == *zone), "step {} does not mark zone {zone}", step.id);
        }
    }
}

#[test]
fn marking_rings_only_the_named_items() {
    let step = &crate::story::STEPS[0];
    let option = step_option(&look(Lang::En), step, false);
    let marked = marked_items(&option);
    let marked_ids: std::collections::BTreeSet<&str> = marked.iter().filter_map(|item| item["obs"].as_str()).collect();
    // The 2021 share is cited; the 2020 one is not.
    assert!(marked_ids.iter().any(|id| dataset().observation(id).is_some_and(|o| o.year == 2021)));
    assert!(!marked_ids.iter().any(|id| dataset().observation(id).is_some_and(|o| o.year == 2020)));
    assert!(marked.iter().all(|item| item["itemStyle"]["borderWidth"] == 3));
}

/// The whole option the browser is given for a small fixture, reviewed as a snapshot
/// (`src/charts/snapshots/`): a change to any chart frame shows up as a diff to read.
#[test]
fn trend_option_snapshot() {
    let small = crate::fixtures::small();
    let state = parse("view=trends&indicator=gdp", small).state;
    let look = Look { dataset: small, lang: Lang::En, palette: Palette::for_theme(false), animate: false };
    insta::assert_json_snapshot!(TrendData::new(small, &state).option(&look));
}

#[test]
fn sector_sizes_never_share_an_axis_and_name_their_measure() {
    use crate::query::sectors::sector_sizes;
    let dataset = dataset();
    let state = crate::state::parse("view=sectors&indicator=sizes", dataset).state;
    let sizes = sector_sizes(dataset, &state);
    assert_eq!(sizes.len(), 10, "every sector has a published size");
    let look = Look { dataset, lang: Lang::En, palette: Palette::for_theme(false), animate: false };
    let option = sector_sizes_chart(&look, "Sources: …", &sizes);
    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), sizes.len(), "one panel per sector");
    for (i, (panel, size)) in series.iter().zip(&sizes).enumerate() {
        assert_eq!(panel["yAxisIndex"], i, "each panel its own value axis");
        assert_eq!(panel["xAxisIndex"], i);
        assert_eq!(panel["sector"], size.sector.as_str());
        assert!(panel["data"].as_array().unwrap().iter().all(|d| d["sector"] == size.sector.as_str() && d["obs"].is_string()));
    }
    assert_eq!(option["yAxis"].as_array().unwrap().len(), sizes.len());
    // Each panel says what it measures, the year and the published value.
    let titles: Vec<String> = option["title"].as_array().unwrap().iter().filter_map(|t| t["subtext"].as_str().map(str::to_string)).collect();
    let first = dataset.observation(&sizes[0].latest.drawn).unwrap();
    assert!(titles.iter().any(|t| t.contains(first.label(Lang::En)) && t.contains(&sizes[0].latest.year.to_string())), "{titles:?}");
    let published = crate::format::figure(first, Lang::En);
    assert!(titles.iter().any(|t| t.contains(&published)), "{published} in {titles:?}");
}

/// Tooltips name every source of a point: conflicts labelled preliminary / final by their data,
/// agreeing sources as "also reported by".
#[test]
fn tooltips_list_every_source_of_a_point() {
    let dataset = crate::fixtures::gdp_sources(&[
        ("first", 2018, "30320", "100m_yuan", "media", "preliminary"),
        ("census", 2018, "33106", "100m_yuan", "official", "final"),
        ("again", 2019, "35371.3", "100m_yuan", "media", "preliminary"),
        ("later", 2019, "35371.3", "100m_yuan", "official", "final"),
    ]);
    let look = Look { dataset: &dataset, lang: Lang::En, palette: Palette::for_theme(false), animate: false };
    let tip = |year: u16| {
        let rows = query::filter(&dataset, &Filter::default());
        let point = query::series(&dataset, &rows, &[year])[0].values[0].clone().expect("a point");
        point_tip(&look, "GDP", &point).join("\n")
    };
    let conflict = tip(2018);
    assert!(conflict.contains("Sources differ:") && conflict.contains("preliminary") && conflict.contains("final"), "{conflict}");
    assert!(tip(2019).contains("Also reported by: again publisher"), "{}", tip(2019));
}

#[test]
fn size_panels_get_room_for_every_row_and_their_own_note() {
    let state = parse("view=sectors&indicator=sizes", dataset()).state;
    let comparison = query::comparison(dataset(), &state);
    assert!(!comparison.sizes.is_empty(), "each sector's own size is a choice of the indicator list");
    let height = sectors_chart_height(&comparison).expect("panels set their height");
    assert!(height >= comparison.sizes.len().div_ceil(2) * 150, "{height}px for {} panels", comparison.sizes.len());
    assert_eq!(sectors_note(&comparison), "sectors.sizes_note");
    let bars = query::comparison(dataset(), &parse("view=sectors&indicator=cluster_scale_threshold", dataset()).state);
    assert_eq!((sectors_chart_height(&bars), sectors_note(&bars)), (None, "sectors.note"));
}

fn small_state(query: &str) -> crate::state::ViewState {
    let parsed = parse(query, crate::fixtures::small());
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    parsed.state
}

fn small_look(lang: Lang) -> Look<'static> {
    Look { dataset: crate::fixtures::small(), lang, palette: Palette::for_theme(false), animate: false }
}

/// Issue 18: places on one chart, a line each, named by place, in the dataset's order.
#[test]
fn trends_draws_a_line_per_place_named_by_place() {
    let small = crate::fixtures::small();
    let state = small_state("view=trends&indicator=gdp&region=haidian,beijing,chaoyang");
    let data = TrendData::new(small, &state);
    assert_eq!(data.series.iter().map(|s| s.region.as_str()).collect::<Vec<_>>(), ["beijing", "chaoyang", "haidian"]);
    assert_eq!(data.names, ["Beijing", "Chaoyang", "Haidian"]);
    assert_eq!(data.title, "gdp (en) · All industries · Beijing, Chaoyang, Haidian");
    let option = data.option(&small_look(Lang::En));
    let names: Vec<&str> = option["series"].as_array().unwrap().iter().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(names, ["Beijing", "Chaoyang", "Haidian"]);
    let colours: std::collections::BTreeSet<&str> = option["series"].as_array().unwrap().iter().filter_map(|s| s["color"].as_str()).collect();
    assert_eq!(colours.len(), 3, "each place its own colour");
    // Every drawn figure keeps its source.
    let haidian = &option["series"][2]["data"];
    assert_eq!(haidian[2]["obs"], "gdp-haidian-2021");
    assert_eq!(haidian[3]["obs"], "gdp-haidian-2022");
    assert!(haidian[0].is_null() && haidian[1].is_null(), "no figure before 2021: a gap, not zero");
    // One place: lines by sector, as before.
    let one = TrendData::new(small, &small_state("view=trends&indicator=revenue"));
    assert_eq!(one.names, ["Integrated circuits", "Medicine and health"]);
}

/// Comparing places with one sector chosen draws that sector's line per place; with none, each
/// place's economy-wide line only.
#[test]
fn comparing_places_draws_one_sector_or_the_whole_economy() {
    let small = crate::fixtures::small();
    let sector = TrendData::new(small, &small_state("view=trends&indicator=revenue&sector=chips&region=beijing,haidian"));
    assert_eq!(sector.series.iter().map(|s| (s.sector.as_deref(), s.region.as_str())).collect::<Vec<_>>(), [(Some("chips"), "beijing")]);
    assert_eq!(sector.names, ["Beijing"]);
    assert!(sector.title.contains("Integrated circuits · Beijing, Haidian"), "{}", sector.title);
    // Revenue has sector figures only: nothing economy-wide to compare, so GDP is shown, said so.
    let state = small_state("view=trends&indicator=revenue&region=beijing,haidian");
    let shown = query::choice::shown_indicator(small, &state);
    assert_eq!((shown.indicator.as_deref(), shown.notice.is_some()), (Some("gdp"), true));
    let economy = TrendData::new(small, &state);
    assert!(!economy.series.is_empty() && economy.series.iter().all(|s| s.sector.is_none() && s.indicator == "gdp"));
}

/// Indexed growth: each line divided by its first figure × 100, the published value beside it.
#[test]
fn indexed_growth_draws_100_at_each_lines_first_year() {
    let small = crate::fixtures::small();
    let data = TrendData::new(small, &small_state("view=trends&indicator=gdp&region=beijing,haidian&scale=index"));
    let option = data.option(&small_look(Lang::En));
    let beijing = &option["series"][0]["data"];
    assert_eq!(beijing[0]["value"], 100.0);
    // 2020: 3.6 trillion yuan = 36,000 亿元, against 35,371.3 亿元 in 2019.
    assert_eq!(beijing[1]["value"], format::rounded(36000.0 / 35371.3 * 100.0, 4));
    assert_eq!(beijing[3]["value"], format::rounded(41610.9 / 35371.3 * 100.0, 4));
    assert!(beijing[2].is_null(), "2021 stays a gap");
    let tip = beijing[3]["tip"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect::<Vec<_>>().join("\n");
    assert!(tip.contains("Index 117.6, derived, from published figures (2019 = 100)"), "{tip}");
    assert!(tip.contains("Index 117.6, derived, from published figures (2019 = 100)\n4.16 trillion yuan (Actual)"), "the published value beside the index: {tip}");
    assert_eq!(beijing[3]["obs"], "gdp-2022");
    // Haidian has no 2019 figure: it starts at 2021 and says so.
    let haidian = &option["series"][1]["data"];
    assert_eq!(haidian[2]["value"], 100.0);
    assert_eq!(haidian[3]["value"], format::rounded(10206.7 / 9501.7 * 100.0, 4));
    assert!(haidian[2]["tip"].to_string().contains("Haidian starts at 2021, its first year with a figure in this span"));
    assert_eq!(data.index_notes(Lang::En), ["Haidian starts at 2021, its first year with a figure in this span"]);
    assert!(data.index_notes(Lang::Zh)[0].contains("2021"));
    // The axis says the figures are derived, in both languages.
    assert_eq!(option["yAxis"]["name"], "Index, first year = 100 (derived, from published figures)");
    let zh = data.option(&small_look(Lang::Zh));
    assert!(zh["yAxis"]["name"].as_str().unwrap().contains("由公布数字推算"));
    // Values mode is unchanged by the toggle's existence.
    let values = TrendData::new(small, &small_state("view=trends&indicator=gdp&region=beijing,haidian"));
    assert!(values.index_notes(Lang::En).is_empty());
    assert_eq!(values.option(&small_look(Lang::En))["series"][0]["data"][0]["value"], 3.5371, "in trillion yuan, as published");
}

/// Issue 18: the map's colour range spans every year of the indicator, so colours compare.
#[test]
fn the_map_keeps_one_colour_scale_across_years() {
    let look = small_look(Lang::En);
    let range = |query: &str| {
        let option = map_option(&look, &small_state(query), "gdp");
        (option["visualMap"]["min"].as_f64().unwrap(), option["visualMap"]["max"].as_f64().unwrap())
    };
    assert_eq!(range("view=map&indicator=gdp&time=2021"), range("view=map&indicator=gdp&time=2022"));
    let (min, max) = range("view=map&indicator=gdp&time=2021");
    assert!(min < max);
    // 2022 has Haidian only: the others are grey, "no figure".
    let option = map_option(&look, &small_state("view=map&indicator=gdp&time=2022"), "gdp");
    let chaoyang = option["series"][0]["data"].as_array().unwrap().iter().find(|d| d["region"] == "chaoyang").unwrap();
    assert!(chaoyang["value"].is_null());
    assert!(chaoyang["tip"].to_string().contains("no figure"), "{}", chaoyang["tip"]);
}

/// Issue 25: a chart's CSV holds the figures its data items name, for each chart view.
#[test]
fn a_charts_figures_are_the_ones_its_data_items_name() {
    let item_ids = |option: &serde_json::Value| -> std::collections::BTreeSet<String> {
        let mut ids = std::collections::BTreeSet::new();
        for series in option["series"].as_array().into_iter().flatten() {
            for item in series["data"].as_array().into_iter().flatten() {
                if let Some(id) = item["obs"].as_str() {
                    ids.insert(id.to_string());
                }
            }
        }
        ids
    };
    // Cold review: indexed growth leaves out lines without a base; their figures are not the chart's.
    let unindexable = "view=trends&indicator=industry_revenue&scale=index";
    assert!(TrendData::new(dataset(), &parse(unindexable, dataset()).state).bases.iter().any(Option::is_none), "a line the index leaves out");
    for link in ["view=trends", "view=trends&indicator=gdp&region=haidian,chaoyang", unindexable, "view=sectors&indicator=cluster_scale_threshold", "view=sectors", "view=map", "view=map&time=2019"] {
        let state = parse(link, dataset()).state;
        let option = match state.view {
            crate::state::View::Trends => TrendData::new(dataset(), &state).option(&look(Lang::En)),
            crate::state::View::Sectors => sectors_option(&look(Lang::En), &state, &comparison(dataset(), &state)),
            _ => map_option(&look(Lang::En), &state, &query::choice::map_shown_indicator(dataset(), &state)),
        };
        let figures = chart_figures(dataset(), &state);
        assert!(!figures.is_empty(), "{link}");
        assert_eq!(figures.iter().cloned().collect::<std::collections::BTreeSet<_>>(), item_ids(&option), "{link}");
    }
    assert!(chart_figures(dataset(), &parse("view=table", dataset()).state).is_empty());
}

/// Issue 25: a figure link opens on its view where that view draws the figure, else on the table
/// filtered to it.
#[test]
fn a_figure_link_opens_where_the_figure_is_shown() {
    let on_trends = parse("view=trends&indicator=gdp&figure=beijing-gdp-2022", dataset()).state;
    assert_eq!(figure_home(dataset(), &on_trends), on_trends);
    let on_map = parse("view=map&time=2022&figure=geo-haidian-gdp-2022-table", dataset()).state;
    assert_eq!(figure_home(dataset(), &on_map), on_map, "the map's Haidian in 2022");
    // The sectors view does not draw Haidian's GDP: the table, filtered to it.
    let elsewhere = parse("view=sectors&lang=zh&figure=geo-haidian-gdp-2022", dataset()).state;
    let home = figure_home(dataset(), &elsewhere);
    assert_eq!(crate::state::encode(&home), "view=table&indicator=gdp&region=haidian&time=2022&figure=geo-haidian-gdp-2022&lang=zh");
    let rows = query::filter(dataset(), &Filter::from_state(&home, dataset()));
    assert!(rows.iter().any(|o| o.id == "geo-haidian-gdp-2022"));
    // A sector's figure keeps its sector.
    let sector_figure = dataset().observations.iter().find(|o| o.sector.is_some() && o.region == "beijing").expect("a sector figure");
    let home = figure_home(dataset(), &parse(&format!("view=table&region=haidian&figure={}", sector_figure.id), dataset()).state);
    assert_eq!(home.sectors, [sector_figure.sector.clone().unwrap()]);
    assert!(query::filter(dataset(), &Filter::from_state(&home, dataset())).iter().any(|o| o.id == sector_figure.id));
    // The sources list shows no figures; the overview shows the panel over itself.
    let sources = parse("view=sources&figure=beijing-gdp-2022", dataset()).state;
    assert_eq!(figure_home(dataset(), &sources).view, crate::state::View::Table);
    let overview = parse("figure=beijing-gdp-2022", dataset()).state;
    assert_eq!(figure_home(dataset(), &overview), overview);
    // No figure, nothing to do.
    let plain = parse("view=sectors", dataset()).state;
    assert_eq!(figure_home(dataset(), &plain), plain);
}

/// Issue 23, §2 P2: an axis written as an array (a second axis) or as something else takes the
/// setting in each of its objects, or is left alone; nothing panics.
#[test]
fn setting_an_axis_option_never_panics_whatever_shape_the_axis_has() {
    let align = json!("left");
    let mut one = json!({ "yAxis": { "name": "yuan" } });
    super::set_path(&mut one, &["yAxis", "nameTextStyle", "align"], &align);
    assert_eq!(one, json!({ "yAxis": { "name": "yuan", "nameTextStyle": { "align": "left" } } }));
    let mut two = json!({ "yAxis": [{ "name": "yuan" }, { "name": "%" }] });
    super::set_path(&mut two, &["yAxis", "nameTextStyle", "align"], &align);
    assert_eq!(two["yAxis"][1], json!({ "name": "%", "nameTextStyle": { "align": "left" } }));
    let mut odd = json!({ "yAxis": "none" });
    super::set_path(&mut odd, &["yAxis", "nameTextStyle", "align"], &align);
    assert_eq!(odd, json!({ "yAxis": "none" }));
    let mut missing = json!({});
    super::set_path(&mut missing, &["xAxis", "nameGap"], &json!(24));
    assert_eq!(missing, json!({ "xAxis": { "nameGap": 24 } }));
}

/// Issue 23, §3: bytes that do not decode leave the page an empty dataset (`ui::dataset`); every
/// view's core still answers, with no panic, on it.
#[test]
fn an_empty_dataset_draws_every_view_without_a_panic() {
    assert!(crate::model::decode(b"not a dataset").is_err());
    let empty = crate::model::Dataset::default();
    let look = Look { dataset: &empty, lang: Lang::Zh, palette: Palette::for_theme(false), animate: false };
    for view in crate::state::View::ALL {
        let state = parse(&format!("view={}&indicator=gdp&region=haidian&time=2020", view.id()), &empty).state;
        let _ = query::document_title(&empty, &state);
        let _ = query::choice::notices(&empty, &state);
        let _ = query::headline_cards(&empty, state.time_span(&empty));
        let _ = TrendData::new(&empty, &state).option(&look);
        let _ = sectors_option(&look, &state, &comparison(&empty, &state));
        let _ = map_option(&look, &state, &query::choice::map_shown_indicator(&empty, &state));
        assert_eq!(query::filter(&empty, &Filter::from_state(&state, &empty)), Vec::<&crate::model::Observation>::new());
    }
}

#[test]
fn chart_credits_name_publishers_not_the_pages_that_reposted_them() {
    use crate::charts::views::credit_name;
    assert_eq!(credit_name("The Beijing News (新京报), reposted by shijiejingji.cn"), "The Beijing News (新京报)");
    assert_eq!(credit_name("Beijing (English) magazine, 2018-02-01 issue (via PressReader)"), "Beijing (English) magazine, 2018-02-01 issue");
    assert_eq!(credit_name("China.org.cn (mirror)"), "China.org.cn");
    assert_eq!(credit_name("Xinhua, via People's Daily Online"), "Xinhua");
    assert_eq!(credit_name("China News Service (中新网), repost on zaobao.cn"), "China News Service (中新网)");
    assert_eq!(credit_name("China Daily, reposted"), "China Daily");
    assert_eq!(credit_name("Xinhua"), "Xinhua");
    let dataset = crate::fixtures::real();
    for source in &dataset.sources {
        let credit = credit_name(&source.publisher);
        assert!(!credit.is_empty() && !credit.contains("reposted") && !credit.contains(" via ") && !credit.ends_with(','), "{} → {credit}", source.publisher);
    }
}

#[test]
fn a_chart_credit_names_whole_publishers_that_fit_and_counts_the_rest() {
    use crate::charts::views::{credit_line, CREDIT_BUDGET};
    let three = ["Xinhua", "China Daily", "Beijing Municipal Bureau of Statistics"];
    assert_eq!(credit_line(&three, Lang::En, 57), "Sources: Xinhua; China Daily +1 · Beijing High-Tech Atlas");
    assert_eq!(credit_line(&three, Lang::En, 56), "Sources: Xinhua +2 · Beijing High-Tech Atlas");
    assert_eq!(credit_line(&three, Lang::En, CREDIT_BUDGET), credit_line(&three, Lang::En, 56), "the phone budget");
    assert_eq!(credit_line(&three, Lang::En, 200), "Sources: Xinhua; China Daily; Beijing Municipal Bureau of Statistics · Beijing High-Tech Atlas");
    // The first publisher is always named whole, however long; never cut mid-word.
    let long = ["Beijing (English) magazine, 2018-02-01 issue", "Xinhua"];
    assert_eq!(credit_line(&long, Lang::En, CREDIT_BUDGET), "Sources: Beijing (English) magazine, 2018-02-01 issue +1 · Beijing High-Tech Atlas");
    // Chinese characters are twice as wide: fewer of them fit.
    let zh = credit_line(&["北京市统计局", "新华社", "北京日报"], Lang::Zh, 30);
    assert!(zh.ends_with(&format!(" · {}", crate::format::tr(Lang::Zh, "app.title"))), "{zh}");
    assert!(zh.contains("北京市统计局") && zh.contains(" +"), "{zh}");
}

/// Issue 24: `?view=sectors` opens on the scale ladder, all ten sectors on one axis.
#[test]
fn the_sectors_view_opens_on_the_scale_ladder() {
    let state = parse("view=sectors", dataset()).state;
    let comparison = query::comparison(dataset(), &state);
    let ladder = comparison.ladder.as_ref().expect("the ladder is the default");
    assert_eq!((sectors_note(&comparison), sectors_chart_height(&comparison)), ("ladder.note", Some(ladder_height(10))));
    for (lang, three_tn, exact) in [(Lang::En, "≥ 3 tn", "976.1 bn"), (Lang::Zh, "≥ 3万亿", "9,761亿")] {
        let option = sectors_option(&look(lang), &state, &comparison);
        assert_eq!(option["yAxis"]["data"].as_array().map(Vec::len), Some(10), "ten sectors on one axis");
        let years: Vec<&str> = option["xAxis"]["data"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let at = |sector: &str, year: &str| -> Option<String> {
            let (x, y) = (years.iter().position(|y| *y == year)?, ladder.sectors.iter().position(|s| s == sector)?);
            let cell = option["series"][0]["data"].as_array()?.iter().find(|d| d["value"][0] == x && d["value"][1] == y)?;
            cell["label"]["formatter"].as_str().map(str::to_string)
        };
        assert_eq!(at("next_gen_it", "2023").as_deref(), Some(three_tn));
        assert_eq!(at("medicine_health", "2023").as_deref(), Some(exact), "an exact scale shows its value");
        assert_eq!(at("new_materials", "2025"), None, "nothing published: an empty cell");
        let cells_2023 = ladder.sectors.iter().filter(|s| at(s, "2023").is_some()).count();
        assert_eq!(cells_2023, 10);
        // Every cell carries its source for the tooltip and the click; the legend names the tiers.
        let data = option["series"][0]["data"].as_array().unwrap();
        assert!(data.iter().all(|d| d["obs"].is_string() && d["tip"].as_array().is_some_and(|t| t.len() >= 4)));
        let legend: Vec<&str> = option["visualMap"]["pieces"].as_array().unwrap().iter().filter_map(|p| p["label"].as_str()).collect();
        assert_eq!(legend.len(), 4, "{legend:?}");
        assert!(legend.contains(&three_tn));
        // On a phone the years scroll under a slider and the names stay.
        assert_eq!(option["media"][0]["option"]["dataZoom"][0]["show"], true);
    }
    assert_eq!(bar_points(&comparison).len(), ladder.cells.iter().map(|c| c.observations().len()).sum::<usize>());
}

/// The tooltip of a cell says what kind of statement it is and names the weaker floors.
#[test]
fn a_ladder_cell_says_it_is_a_floor_and_lists_the_weaker_ones() {
    let state = parse("view=sectors", dataset()).state;
    let option = sectors_option(&look(Lang::En), &state, &query::comparison(dataset(), &state));
    let cell = option["series"][0]["data"].as_array().unwrap().iter().find(|d| d["sector"] == "next_gen_it" && d["year"] == 2023).expect("a cell").clone();
    let tip: Vec<&str> = cell["tip"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(tip.iter().any(|l| l.starts_with("≥ 3 tn · a floor")), "{tip:?}");
    assert!(tip.iter().any(|l| l.starts_with("Also stated, a weaker floor:") && l.contains("≥ 100 billion yuan")), "{tip:?}");
    assert!(!tip.iter().any(|l| l.starts_with("Sources differ")), "{tip:?}");
    assert_eq!(cell["obs"], "sec-cluster-3tn-next_gen_it-2023");
}

/// Issue 24: a floor drawn anywhere is the year's highest for its sector and place, and reads
/// "≥". Walks every item of the trends chart, the bars, the size panels, the ladder and the ten
/// sector profiles' charts.
#[test]
fn no_floor_is_drawn_below_a_stronger_one_of_the_same_sector_and_year() {
    use crate::model::is_floor;
    use crate::query::series::axis_value;
    let d = dataset();
    let strongest = |o: &crate::model::Observation| {
        d.observations
            .iter()
            .filter(|x| is_floor(x) && x.kind == o.kind && x.sector == o.sector && x.region == o.region && x.year == o.year)
            .map(axis_value)
            .fold(f64::MIN, f64::max)
    };
    let mut options: Vec<(String, Value)> = Vec::new();
    for query in ["view=trends&indicator=cluster_scale_threshold", "view=trends&indicator=cluster_scale_threshold&sector=next_gen_it"] {
        options.push((query.into(), TrendData::new(d, &parse(query, d).state).option(&look(Lang::En))));
    }
    for query in ["view=sectors", "view=sectors&indicator=sizes", "view=sectors&indicator=cluster_scale_threshold", "view=sectors&indicator=cluster_scale_threshold&time=2023"] {
        let state = parse(query, d).state;
        options.push((query.into(), sectors_option(&look(Lang::En), &state, &query::comparison(d, &state))));
    }
    for sector in d.sectors.iter() {
        let rows: Vec<&crate::model::Observation> = d.observations.iter().filter(|o| o.sector.as_deref() == Some(&sector.id)).collect();
        for line in query::profile::profile_series(d, &rows) {
            options.push((format!("profile {}", sector.id), trend_chart(&look(Lang::En), "", "", std::slice::from_ref(&line.series), &line.years)));
        }
    }
    let mut floors_seen = 0;
    for (name, option) in &options {
        for item in option["series"].as_array().into_iter().flatten().flat_map(|s| s["data"].as_array().into_iter().flatten()) {
            let Some(o) = item["obs"].as_str().and_then(|id| d.observation(id)) else { continue };
            if !is_floor(o) {
                continue;
            }
            floors_seen += 1;
            assert_eq!(axis_value(o), strongest(o), "{name}: {} drawn below the year's strongest floor", o.id);
            // Targets are diamonds apart from the line; their tooltip marks them.
            let label = item["label"]["formatter"].as_str().unwrap_or_default();
            assert!(o.kind == crate::model::Kind::Target || label.starts_with('≥'), "{name}: {} is marked as a floor, not {label:?}", o.id);
            let tip: Vec<&str> = item["tip"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            assert!(tip.iter().any(|l| l.contains('≥')), "{name}: {} tooltip {tip:?}", o.id);
        }
    }
    assert!(floors_seen > 40, "the walk saw {floors_seen} floors");
}


/// Issue 23 (review L): a frame that could not be written was drawn as `{}`, without axes or
/// titles, and nothing said so. It now gives the option the bridge reports as "Chart
/// unavailable", with the reason.
#[test]
fn a_frame_that_cannot_be_written_makes_the_chart_unavailable() {
    let unwritable = std::collections::BTreeMap::from([((1u8, 2u8), "a key JSON cannot hold")]);
    let option = super::frame_json(&unwritable).expect_err("a tuple key is no JSON key");
    let reason = option[super::UNDRAWABLE].as_str().unwrap_or_default();
    assert!(reason.starts_with("the chart's frame cannot be written: key must be a string"), "{reason}");
    assert!(super::frame_json(&charming::Chart::new()).is_ok_and(|frame| frame.get(super::UNDRAWABLE).is_none()));
}

/// Issue 27: district names that would cover each other at a phone's width give way, the chosen
/// place's and the figures' last; they are a series ECharts' label layout can thin out.
#[test]
fn district_names_give_way_small_central_ones_first_the_chosen_place_never() {
    let values = district_values(dataset(), "gdp", 2019);
    assert!(values.iter().all(|v| v.point.is_some()), "2019 has all 16 districts");
    let order = district_map::name_order(&values, &["fengtai"]);
    assert_eq!(order.len(), 16);
    assert_eq!(order[0], "fengtai", "the chosen place first");
    let figure = |id: &str| values.iter().find(|v| v.district.id == id).and_then(|v| v.point.as_ref()).map(|p| p.value).unwrap();
    assert!(order[1..].windows(2).all(|w| figure(w[0]) >= figure(w[1])), "then by figure, largest first: {order:?}");
    // Without figures: from the outskirts in, Dongcheng (the smallest, at the centre) last.
    let none: Vec<query::DistrictValue> = crate::model::DISTRICTS.iter().map(|district| query::DistrictValue { district, point: None }).collect();
    let order = district_map::name_order(&none, &["beijing"]);
    assert_eq!((order[0], order[14], order[15]), ("yanqing", "xicheng", "dongcheng"));

    let input = MapInput { title: "GDP", source_line: "", values: &values, unit: Some(crate::model::Unit::HundredMillionYuan), zones: &[], other_zones: &[], regions: &["fengtai"], range: None };
    for lang in [Lang::En, Lang::Zh] {
        let option = district_map_chart(&look(lang), &input);
        assert_eq!(option["geo"]["label"]["show"], false, "the names are not the geo's, which cannot be laid out");
        let names = option["series"].as_array().unwrap().last().unwrap();
        assert_eq!(names["labelLayout"]["hideOverlap"], true);
        assert_eq!(names["silent"], true, "clicks reach the district under the name");
        let data = names["data"].as_array().unwrap();
        let shown: Vec<&str> = data.iter().filter_map(|d| d["name"].as_str()).collect();
        let mut expected: Vec<&str> = crate::model::DISTRICTS.iter().map(|d| d.name(lang)).collect();
        let mut sorted = shown.clone();
        sorted.sort();
        expected.sort();
        assert_eq!(sorted, expected);
        // ECharts keeps the label of the larger point. On a map shaded by a figure every name
        // wins over a zone's pin (26 px), the chosen place's first.
        let sizes = |option: &Value| -> Vec<f64> {
            option["series"].as_array().unwrap().last().unwrap()["data"].as_array().unwrap().iter().map(|d| d["symbolSize"].as_f64().unwrap()).collect()
        };
        let shaded = sizes(&option);
        assert!(shaded.iter().all(|s| *s > 26.0), "{shaded:?}");
        assert!(shaded.windows(2).all(|w| w[0] > w[1]), "sizes follow the order: {shaded:?}");
        // A tour step that marks zones (18 px): their labels win over the names but the chosen one.
        let zgc = dataset().zones.iter().find(|z| z.id == "zgc_science_city").unwrap();
        let mut marked = district_map_chart(&look(lang), &MapInput { zones: &[zgc], ..input_like(&input) });
        mark(&mut marked, &["zgc_science_city".to_string()], Palette::for_theme(false));
        let yielded = sizes(&marked);
        assert!(yielded[0] > 26.0, "the chosen place's name still wins");
        assert!(yielded[1..].iter().all(|s| *s < 18.0), "{yielded:?}");
    }
    // A map without figures (a profile's): the zones' labels win over the names.
    let plain = profile_map_chart(&look(Lang::En), &ProfileMapInput { title: "t", source_line: "s", zones: &[], region: "beijing" });
    let names = plain["series"].as_array().unwrap().last().unwrap()["data"].as_array().unwrap().clone();
    assert!(names.iter().all(|d| d["symbolSize"].as_f64().unwrap() < 18.0));
}

/// A copy of a map's input (`MapInput` borrows, and is not `Clone`).
fn input_like<'a>(input: &MapInput<'a>) -> MapInput<'a> {
    MapInput { title: input.title, source_line: input.source_line, values: input.values, unit: input.unit, zones: input.zones, other_zones: input.other_zones, regions: input.regions, range: input.range }
}

/// Reviewer M9: the map sits between the title's band and the scale's, Beijing's shape kept,
/// not at a centre and size in per cent that ran Daxing into the scale in a wide box.
#[test]
fn the_map_keeps_clear_of_its_title_and_its_scale() {
    let values = district_values(dataset(), "gdp", 2019);
    let input = MapInput { title: "GDP", source_line: "", values: &values, unit: Some(crate::model::Unit::HundredMillionYuan), zones: &[], other_zones: &[], regions: &["beijing"], range: None };
    let option = district_map_chart(&look(Lang::En), &input);
    let geo = &option["geo"];
    assert!(geo.get("layoutCenter").is_none() && geo.get("layoutSize").is_none(), "{geo}");
    // Title: 14 px from 4 px. Scale: 12 px high, 20 px above the foot, with its end texts.
    assert!(geo["top"].as_u64().unwrap() >= 4 + 14 + 4);
    assert_eq!(option["visualMap"]["bottom"], 20);
    assert!(geo["bottom"].as_u64().unwrap() >= 20 + 12 + 8);
    assert_eq!(geo["left"], "center", "one side free: ECharts keeps the aspect and centres");
    // A box narrower than the map between the bands fits the width instead.
    let media = option["media"].as_array().unwrap();
    assert!(media[0]["query"]["maxAspectRatio"].as_f64().unwrap() < 0.97);
    assert_eq!(media[1]["option"]["geo"]["layoutCenter"], Value::Null, "the default entry puts the bands back");
    // A profile's small map has no scale: it comes down to the credit line.
    let plain = profile_map_chart(&look(Lang::En), &ProfileMapInput { title: "t", source_line: "s", zones: &[], region: "haidian" });
    assert!(plain["geo"]["bottom"].as_u64().unwrap() < geo["bottom"].as_u64().unwrap());
    assert!(plain["geo"]["bottom"].as_u64().unwrap() >= 11 + 8);
}
