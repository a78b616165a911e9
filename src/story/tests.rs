use super::*;
use crate::charts::{district_map_chart, mark, sectors_chart, trend_chart, Look, MapInput, Palette};
use crate::model::{self, Zone};
use crate::query::{self, district_values, map_year, series::year_axis, Filter};
use crate::state::{encode, parse};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| model::load(model::bundled()).0)
}

fn seed_claims() -> Vec<&'static str> {
    include_str!("../../data/seed_claims.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').next())
        .collect()
}

#[test]
fn every_claim_of_the_source_articles_is_cited_by_a_step() {
    let cited: BTreeSet<String> = STEPS.iter().flat_map(Step::cited).collect();
    let claims = seed_claims();
    assert_eq!(claims.len(), 40);
    let missing: Vec<&str> = claims.iter().copied().filter(|id| !cited.contains(*id)).collect();
    assert!(missing.is_empty(), "seed claims no step cites: {missing:?}");
}

#[test]
fn every_step_names_only_what_the_dataset_has() {
    let dataset = dataset();
    for step in &STEPS {
        for id in step.cited() {
            assert!(dataset.observation(&id).is_some(), "step {} cites unknown observation {id}", step.id);
        }
        for id in step.facts {
            assert!(dataset.facts.iter().any(|f| f.id == *id), "step {} names unknown fact {id}", step.id);
        }
        for id in step.zones {
            assert!(dataset.zone(id).is_some(), "step {} marks unknown zone {id}", step.id);
        }
        assert!(dataset.indicator(step.indicator).is_some(), "step {} shows unknown indicator", step.id);
    }
    let ids: BTreeSet<&str> = STEPS.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), STEPS.len(), "step ids are unique");
    assert!((8..=12).contains(&STEPS.len()));
}

#[test]
fn both_languages_tell_each_step_with_the_same_figures() {
    for step in &STEPS {
        let figures = |lang: Lang| -> Vec<String> {
            let mut ids: Vec<String> = step.text(lang).into_iter().filter_map(|s| if let Segment::Figure(id) = s { Some(id) } else { None }).collect();
            ids.sort();
            ids
        };
        assert_eq!(figures(Lang::En), figures(Lang::Zh), "step {}", step.id);
        assert!(!figures(Lang::En).is_empty(), "step {} names no figure in its text", step.id);
        for lang in [Lang::En, Lang::Zh] {
            let title = step.title(lang);
            assert!(!title.starts_with("tour."), "step {} has no {lang:?} title", step.id);
            let prose: String = step.text(lang).into_iter().filter_map(|s| if let Segment::Text(t) = s { Some(t) } else { None }).collect();
            assert!(prose.len() > 80, "step {} has no {lang:?} text", step.id);
            // Figures come from the dataset: the prose itself holds no decimal figure.
            assert!(!prose.chars().zip(prose.chars().skip(1)).any(|(a, b)| a == '.' && b.is_ascii_digit()), "step {} types a figure: {prose}", step.id);
        }
    }
}

/// The chart a step shows, as the page builds it, with the step's figures marked.
fn step_chart(step: &Step, lang: Lang) -> serde_json::Value {
    let dataset = dataset();
    let state = step.state(lang, false, dataset);
    let look = Look { dataset, lang, palette: Palette::for_theme(false), animate: false };
    let mut option = match step.view {
        View::Trends => {
            let rows = query::filter(dataset, &Filter::from_state(&state, dataset));
            let years = year_axis(&rows, state.time_span(dataset));
            let series = query::series(dataset, &rows, &years);
            assert!(!series.is_empty(), "step {} draws no line", step.id);
            trend_chart(&look, "", "", &series, &years)
        }
        View::Sectors => {
            let comparison = query::comparison(dataset, &state);
            assert!(comparison.year.is_some(), "step {} draws no bars", step.id);
            sectors_chart(&look, "", "", &comparison)
        }
        View::Map => {
            let year = map_year(dataset, step.indicator, state.time_span(dataset)).expect("a year with district figures");
            let values = district_values(dataset, step.indicator, year);
            assert!(values.iter().any(|v| v.point.is_some()), "step {} shades no district", step.id);
            let zones: Vec<&Zone> = dataset.zones.iter().collect();
            let input = MapInput { title: "", source_line: "", values: &values, unit: None, zones: &zones, other_zones: &[], region: state.region_id() };
            district_map_chart(&look, &input)
        }
        other => panic!("step {} shows {other:?}, not a chart view", step.id),
    };
    mark(&mut option, &step.marked(dataset), look.palette);
    option
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

#[test]
fn every_step_shows_a_chart_with_its_cited_figures_marked() {
    for step in &STEPS {
        let option = step_chart(step, Lang::En);
        let marked = marked_items(&option);
        assert!(!marked.is_empty(), "step {} marks nothing on its chart", step.id);
        for zone in step.zones {
            assert!(marked.iter().any(|item| item["zone"] == *zone), "step {} does not mark zone {zone}", step.id);
        }
    }
}

#[test]
fn marking_rings_only_the_named_items() {
    let step = &STEPS[0];
    let option = step_chart(step, Lang::En);
    let marked = marked_items(&option);
    let marked_ids: BTreeSet<&str> = marked.iter().filter_map(|item| item["obs"].as_str()).collect();
    // The 2021 share is cited; the 2020 one is not.
    assert!(marked_ids.iter().any(|id| dataset().observation(id).is_some_and(|o| o.year == 2021)));
    assert!(!marked_ids.iter().any(|id| dataset().observation(id).is_some_and(|o| o.year == 2020)));
    assert!(marked.iter().all(|item| item["itemStyle"]["borderWidth"] == 3));
}

#[test]
fn explore_from_here_opens_the_steps_view_with_its_filters() {
    let dataset = dataset();
    for (index, step) in STEPS.iter().enumerate() {
        let state = step.state(Lang::Zh, true, dataset);
        assert_eq!(state.view, step.view);
        assert_eq!(state.indicator_id(), Some(step.indicator));
        assert_eq!(state.lang, Lang::Zh);
        assert!(state.embed);
        // The link survives a round trip unchanged: it is canonical and valid.
        let parsed = parse(&encode(&state), dataset);
        assert!(parsed.notices.is_empty(), "step {} state: {:?}", step.id, parsed.notices);
        assert_eq!(parsed.state, state);
        // And the tour link for the step opens the step.
        let tour = parse(&format!("view=tour&step={}", index + 1), dataset).state;
        assert_eq!(super::step(tour.tour_step()).id, step.id);
    }
}

#[test]
fn positions_outside_the_tour_give_the_first_step() {
    assert_eq!(step(0).id, STEPS[0].id);
    assert_eq!(step(1).id, STEPS[0].id);
    assert_eq!(step(2).id, STEPS[1].id);
    assert_eq!(step(200).id, STEPS[0].id);
}

#[test]
fn segments_split_text_and_figures() {
    assert_eq!(
        segments("a {x-1} b{y}"),
        vec![Segment::Text("a ".into()), Segment::Figure("x-1".into()), Segment::Text(" b".into()), Segment::Figure("y".into())]
    );
    assert_eq!(segments("no figures"), vec![Segment::Text("no figures".into())]);
    assert_eq!(segments("open { only"), vec![Segment::Text("open { only".into())]);
}

#[test]
fn the_timeline_runs_oldest_first_and_holds_every_fact() {
    let facts = timeline(dataset(), None);
    assert_eq!(facts.len(), dataset().facts.len());
    assert!(facts.windows(2).all(|pair| pair[0].date <= pair[1].date));
    assert_eq!(facts.first().map(|f| f.date.as_str()), Some("2014"));
}

#[test]
fn the_timeline_keeps_only_facts_dated_inside_the_years_chosen() {
    let span = crate::state::TimeSpan::new(2021, 2022);
    let facts = timeline(dataset(), Some(span));
    assert!(!facts.is_empty() && facts.len() < dataset().facts.len());
    assert!(facts.iter().all(|f| f.date.starts_with("2021") || f.date.starts_with("2022")), "{:?}", facts.iter().map(|f| &f.date).collect::<Vec<_>>());
    let outside = dataset().facts.iter().filter(|f| !(f.date.starts_with("2021") || f.date.starts_with("2022"))).count();
    assert_eq!(facts.len() + outside, dataset().facts.len());
}
