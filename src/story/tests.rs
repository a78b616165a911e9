//! The tour on the real data: its steps must name figures, facts and zones that exist.
use super::*;
use crate::fixtures::real as dataset;
use crate::state::{encode, parse};
use std::collections::BTreeSet;

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
