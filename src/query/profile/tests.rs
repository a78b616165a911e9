use super::*;
use crate::model::Lang;
use crate::state::parse;
use crate::fixtures::profiles as fixture;


fn profile_of(link: &str) -> Profile<'static> {
    let dataset = fixture();
    let state = parse(link, dataset).state;
    let entity = state.profile_subject(dataset).and_then(|s| Entity::resolve(dataset, s)).expect("one entity");
    profile(dataset, entity, &state)
}

fn headline<'p>(profile: &'p Profile<'_>, indicator: &str) -> &'p Headline<'p> {
    profile.headlines.iter().find(|h| h.latest.indicator == indicator).unwrap_or_else(|| panic!("no headline for {indicator}"))
}

#[test]
fn a_sector_lists_the_latest_full_year_of_each_measure_with_its_target() {
    let p = profile_of("view=profile&sector=chips");
    let revenue = headline(&p, "revenue");
    // Latest means latest: the first half of 2024 comes after the full year 2021.
    assert_eq!(revenue.latest.id, "rev-2024h1");
    assert_eq!(revenue.target.map(|t| t.id.as_str()), Some("rev-target"));
    // Half a year is no distance to a yearly target: nothing is subtracted.
    assert_eq!(revenue.to_go, None);
    // Two percentages differ by percentage points, with no float noise (3.1 − 2.7).
    assert_eq!(headline(&p, "share").to_go, Some(Derived { value: 0.4, unit: Unit::PctPoints }));
    // A measure with only a target is listed apart, as a plan, never among the latest figures.
    assert!(p.headlines.iter().all(|h| h.latest.kind.is_outcome()));
    let firms = p.plans.iter().find(|h| h.latest.indicator == "firms").expect("the firms target, as a plan");
    assert_eq!((firms.latest.id.as_str(), firms.target, firms.to_go), ("firms-target", None, None));
    // A measure with only a part-year figure still has its latest value.
    assert_eq!(headline(&p, "exports").latest.id, "halfyear");
    // 亿元 against trillion yuan: both shown, no difference computed across units.
    let output = headline(&p, "output");
    assert_eq!((output.target.map(|t| t.id.as_str()), output.to_go), (Some("out-target"), None));
    // Another sector's figure is not this sector's.
    assert!(p.headlines.iter().all(|h| h.latest.sector.as_deref() == Some("chips")));
    assert_eq!(p.headlines.len(), 4);
    assert_eq!(p.figure_label(fixture(), revenue.latest, Lang::En), "revenue (en)");
    let district = profile_of("view=profile&region=haidian");
    let other = fixture().observation("rev-2021").unwrap();
    assert_eq!(district.figure_label(fixture(), other, Lang::Zh), "revenue（中） · 芯片");
}

#[test]
fn latest_figures_are_the_most_recent_of_each_measure_and_read_as_people_write_them() {
    let dataset = crate::fixtures::real();
    let state = parse("view=profile&sector=integrated_circuits", dataset).state;
    let entity = state.profile_subject(dataset).and_then(|s| Entity::resolve(dataset, s)).expect("the IC sector");
    let p = profile(dataset, entity, &state);
    let produced = p.headlines.iter().find(|h| h.latest.indicator == "ic_production").expect("chips produced");
    assert_eq!(produced.latest.id, "sec-ic-production-2025-jan-jul", "January–July 2025 is later than January–April");
    assert_eq!(crate::format::value(produced.latest.value, produced.latest.unit, Lang::En), "16.99 billion");
    assert_eq!(crate::format::value(produced.latest.value, produced.latest.unit, Lang::Zh), "169.9亿");
    assert!(p.headlines.iter().all(|h| h.latest.kind.is_outcome()), "no target among the latest figures");
    // Every measure's latest figure ends no earlier than any other outcome of the measure.
    for h in &p.headlines {
        let later = p.headlines.iter().map(|o| o.latest).chain(dataset.observations.iter()).find(|o| {
            o.indicator == h.latest.indicator && o.sector == h.latest.sector && o.region == h.latest.region && o.unit.family() == h.latest.unit.family() && o.kind.is_outcome() && o.ends() > h.latest.ends()
        });
        assert!(later.is_none(), "{} is later than {}", later.map_or("", |o| o.id.as_str()), h.latest.id);
    }
}

#[test]
fn a_sector_lists_the_measures_that_tell_its_size() {
    let dataset = crate::fixtures::real();
    let ai = size_measures(dataset, "artificial_intelligence");
    let ids: Vec<&str> = ai.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&"industry_output") && ids.contains(&"core_industry_scale"), "{ids:?}");
    assert!(!ids.contains(&"companies") && !ids.contains(&"cluster_scale_threshold"), "{ids:?}");
    let output = ai.iter().find(|(id, _)| id == "industry_output").map(|(_, years)| years.clone());
    assert_eq!(output.as_ref().and_then(|y| y.first()).copied(), Some(2019));
    assert!(ai.windows(2).all(|w| w[0].1.first() <= w[1].1.first()), "earliest first");
}

#[test]
fn a_sector_draws_lines_only_for_two_years_or_more() {
    let p = profile_of("view=profile&sector=chips");
    assert_eq!(p.series.iter().map(|s| s.indicator.as_str()).collect::<Vec<_>>(), ["revenue"]);
    let line = &p.series[0];
    assert_eq!(line.series.values.iter().flatten().map(|pt| pt.year).collect::<Vec<_>>(), [2020, 2021]);
    assert!(line.series.values.iter().flatten().all(|pt| !pt.observations.contains(&"rev-2024h1".to_string())));
    assert!(profile_of("view=profile&sector=drugs").series.is_empty(), "one year is not a line");
}

#[test]
fn a_sector_has_its_zones_facts_and_explorer_links() {
    let p = profile_of("view=profile&sector=chips&lang=zh");
    assert_eq!(p.zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(), ["park_a"]);
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-chips"]);
    let links: Vec<String> = p.links.iter().map(|l| crate::state::encode(&l.state)).collect();
    assert_eq!(
        links,
        [
            "view=trends&indicator=revenue&sector=chips&lang=zh",
            "view=sectors&sector=chips&lang=zh",
            "view=map&sector=chips&lang=zh",
            "view=table&sector=chips&lang=zh",
        ]
    );
}

#[test]
fn a_district_ranks_only_in_years_with_all_sixteen() {
    let p = profile_of("view=profile&region=haidian");
    assert_eq!(p.ranks, [Rank { year: 2020, rank: 10, of: 16, observation: "gdp-haidian-2020".into() }]);
    assert_eq!(p.years_without_rank, [2021]);
    assert_eq!(p.headlines[0].latest.id, "gdp-haidian-2021", "GDP leads a district's profile");
    assert_eq!(p.series[0].indicator, "gdp");
    assert_eq!(p.zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(), ["park_a"]);
    // Its own facts and its zones' facts, oldest first.
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-haidian", "f-park-a"]);
    let first = profile_of("view=profile&region=dongcheng");
    assert_eq!(first.ranks.first().map(|r| r.rank), Some(1));
    assert!(profile_of("view=profile&region=miyun").ranks.iter().all(|r| r.year == 2020));
}

#[test]
fn a_zone_lists_its_own_figures_district_and_facts() {
    let p = profile_of("view=profile&region=park_a");
    assert_eq!(p.headlines.iter().map(|h| h.latest.id.as_str()).collect::<Vec<_>>(), ["park-a-firms"]);
    assert_eq!(p.district.map(|d| d.id), Some("haidian"));
    assert_eq!(p.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f-park-a"]);
    let empty = profile_of("view=profile&region=park_b");
    assert!(empty.headlines.is_empty(), "a zone without figures shows none: a gap is a gap");
    assert!(!empty.links.iter().any(|l| l.view == View::Trends), "no trends link to an empty chart");
}

#[test]
fn the_index_has_every_entity_once() {
    let entities = all_entities(fixture());
    assert_eq!(entities.len(), 2 + 16 + 2);
    let real = crate::fixtures::real();
    let all = all_entities(real);
    assert_eq!(
        (
            all.iter().filter(|e| matches!(e, Entity::Sector(_))).count(),
            all.iter().filter(|e| matches!(e, Entity::District(_))).count(),
            all.iter().filter(|e| matches!(e, Entity::Zone(_))).count()
        ),
        (10, 16, 25)
    );
    // Each entity's link leads back to it.
    for entity in &all {
        let link = crate::state::encode(&ViewState::default().profile(entity.subject()));
        let state = parse(&link, real).state;
        assert_eq!(state.profile_subject(real), Some(entity.subject()), "{link}");
        assert_eq!(Lang::En, state.lang);
    }
}

/// The real data: every sector and district profile has figures; the zones without any are few
/// and known, and their profiles say so rather than borrow someone else's.
#[test]
fn real_profiles_have_figures() {
    let real = crate::fixtures::real();
    let state = ViewState::default();
    let mut empty_zones = Vec::new();
    for entity in all_entities(real) {
        let p = profile(real, entity, &state);
        match entity {
            Entity::Zone(z) if p.headlines.is_empty() => empty_zones.push(z.id.clone()),
            _ => assert!(!p.headlines.is_empty(), "{} has no figure", entity.id()),
        }
        for h in &p.headlines {
            assert!(real.observation(&h.latest.id).is_some());
        }
    }
    assert_eq!(empty_zones.len(), 13, "{empty_zones:?}");
    // 2019 is the one year with published GDP for all 16 districts: Haidian's rank is given for
    // it alone, and the other years with its GDP are listed as without a rank.
    let haidian = profile(real, Entity::District(&DISTRICTS[5]), &state);
    assert_eq!(haidian.ranks.iter().map(|r| (r.year, r.rank, r.of)).collect::<Vec<_>>(), [(2019, 1, 16)]);
    assert!(!haidian.years_without_rank.contains(&2019), "{:?}", haidian.years_without_rank);
}

#[test]
fn a_measures_years_are_written_as_runs_that_show_the_gaps() {
    assert_eq!(year_runs_text(&[2014, 2018, 2022, 2023, 2024]), "2014, 2018, 2022–2024");
    assert_eq!(year_runs(&[2014, 2018, 2022, 2023, 2024]), [(2014, 2014), (2018, 2018), (2022, 2024)]);
    assert_eq!(year_runs_text(&[2019, 2020, 2021]), "2019–2021");
    assert_eq!(year_runs_text(&[2024]), "2024");
    assert_eq!(year_runs_text(&[]), "");
    // In the real data, every gap in a sector's size measure shows as a comma, not inside a dash.
    let dataset = crate::fixtures::real();
    for sector in &dataset.sectors {
        for (id, years) in size_measures(dataset, &sector.id) {
            let text = year_runs_text(&years);
            let gaps = years.windows(2).filter(|w| w[1] > w[0] + 1).count();
            assert_eq!(text.matches(", ").count(), gaps, "{} {id}: {years:?} → {text}", sector.id);
        }
    }
}
