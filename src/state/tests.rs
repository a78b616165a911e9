use super::*;
use proptest::prelude::*;
use crate::fixtures::real as dataset;


fn reasons(query: &str) -> Vec<NoticeReason> {
    parse(query, dataset()).notices.iter().map(|n| n.reason).collect()
}

#[test]
fn the_default_view_has_the_empty_link() {
    assert_eq!(encode(&ViewState::default()), "");
    assert_eq!(parse("", dataset()), Parsed::default());
    assert_eq!(parse("?", dataset()), Parsed::default());
}

#[test]
fn view_key() {
    assert_eq!(parse_view(None), Field::Missing);
    assert_eq!(parse_view(Some("map")), Field::Valid(View::Map));
    assert_eq!(parse_view(Some("Map")), invalid("Map", NoticeReason::UnknownView));
    assert_eq!(parse("view=nope", dataset()).state.view, View::Overview);
}

#[test]
fn indicator_key() {
    assert_eq!(parse_indicator(None, dataset()), Field::Missing);
    assert_eq!(parse_indicator(Some("gdp"), dataset()), Field::Valid("gdp".to_string()));
    assert_eq!(parse_indicator(Some("gdpx"), dataset()), invalid("gdpx", NoticeReason::UnknownIndicator));
    // An indicator the link names stays in it, even a view's default: the link shows the same
    // indicator when data is added. A link without one lets the view choose from the data.
    assert_eq!(parse("view=map&indicator=gdp", dataset()).state.indicator.as_deref(), Some("gdp"));
    assert_eq!(encode(&parse("view=map&indicator=gdp", dataset()).state), "view=map&indicator=gdp");
    assert_eq!(encode(&parse("view=map&indicator=rd_intensity", dataset()).state), "view=map&indicator=rd_intensity");
    // Old links keep their indicator (R&D intensity was the trends view's default, still shown).
    let old = parse("view=trends&indicator=rd_intensity", dataset());
    assert!(old.notices.is_empty());
    assert_eq!(old.state.indicator_id(), Some("rd_intensity"));
    assert_eq!(encode(&old.state), "view=trends&indicator=rd_intensity");
    assert_eq!(parse("view=trends", dataset()).state.indicator, None);
}

#[test]
fn sector_key() {
    assert_eq!(parse_sectors(None, dataset()), Field::Missing);
    let parsed = parse("sector=artificial_intelligence,integrated_circuits", dataset());
    // Canonical order is the dataset's, whatever order the link used.
    assert_eq!(parsed.state.sectors, ["integrated_circuits", "artificial_intelligence"]);
    assert_eq!(encode(&parsed.state), "sector=integrated_circuits,artificial_intelligence");
    assert_eq!(parse_sectors(Some("space"), dataset()), invalid("space", NoticeReason::UnknownSector));
    assert_eq!(parse_sectors(Some(""), dataset()), invalid("", NoticeReason::UnknownSector));
    let all: Vec<&str> = dataset().sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(encode(&parse(&format!("sector={}", all.join(",")), dataset()).state), "");
}

#[test]
fn region_key() {
    assert_eq!(parse_region(None, dataset()), Field::Missing);
    assert_eq!(parse_region(Some("haidian"), dataset()), Field::Valid("haidian".to_string()));
    assert_eq!(parse_region(Some("bda"), dataset()), Field::Valid("bda".to_string()));
    assert_eq!(parse_region(Some("atlantis"), dataset()), invalid("atlantis", NoticeReason::UnknownRegion));
    assert_eq!(encode(&parse("region=beijing", dataset()).state), "");
}

#[test]
fn time_key() {
    assert_eq!(parse_time(None, dataset()), Field::Missing);
    assert_eq!(parse_time(Some("2022"), dataset()), Field::Valid(TimeSpan { from: 2022, to: 2022 }));
    assert_eq!(parse_time(Some("2016..2022"), dataset()), Field::Valid(TimeSpan { from: 2016, to: 2022 }));
    assert_eq!(parse_time(Some("1999"), dataset()), invalid("1999", NoticeReason::YearOutOfRange));
    assert_eq!(parse_time(Some("2022..2016"), dataset()), invalid("2022..2016", NoticeReason::YearOutOfRange));
    assert_eq!(parse_time(Some("last year"), dataset()), invalid("last year", NoticeReason::MalformedTime));
    assert_eq!(parse_time(Some("+2022"), dataset()), invalid("+2022", NoticeReason::MalformedTime));
}

#[test]
fn lang_and_embed_keys() {
    assert_eq!(parse_lang(None), Field::Missing);
    assert_eq!(parse_lang(Some("zh")), Field::Valid(Lang::Zh));
    assert_eq!(parse_lang(Some("fr")), invalid("fr", NoticeReason::UnknownLang));
    assert_eq!(parse_embed(None), Field::Missing);
    assert_eq!(parse_embed(Some("1")), Field::Valid(true));
    assert_eq!(parse_embed(Some("yes")), invalid("yes", NoticeReason::MalformedEmbed));
}

#[test]
fn keys_are_written_in_contract_order() {
    let state = ViewState {
        view: View::Trends,
        step: None,
        indicator: Some("gdp".into()),
        sectors: vec!["integrated_circuits".into()],
        region: Some("haidian".into()),
        time: Some(TimeSpan { from: 2016, to: 2022 }),
        lang: Lang::Zh,
        embed: true,
    };
    assert_eq!(
        encode(&state),
        "view=trends&indicator=gdp&sector=integrated_circuits&region=haidian&time=2016..2022&lang=zh&embed=1"
    );
    let tour = ViewState { view: View::Tour, step: Some(3), lang: Lang::Zh, embed: true, ..ViewState::default() };
    assert_eq!(encode(&tour), "view=tour&step=3&lang=zh&embed=1");
}

#[test]
fn step_key() {
    let last = TOUR_STEPS;
    assert_eq!(parse_step(None), Field::Missing);
    assert_eq!(parse_step(Some("2")), Field::Valid(2));
    assert_eq!(parse_step(Some(&last.to_string())), Field::Valid(last as u8));
    for bad in ["0", &(last + 1).to_string(), "02", "+2", "two", "", "-1", "1.5", "999999"] {
        assert_eq!(parse_step(Some(bad)), invalid(bad, NoticeReason::UnknownStep), "{bad}");
    }
    // The first step is the tour's default: it has the shorter link.
    assert_eq!(encode(&parse("view=tour&step=1", dataset()).state), "view=tour");
    assert_eq!(parse("view=tour&step=4", dataset()).state.tour_step(), 4);
    let bad = parse("view=tour&step=99", dataset());
    assert_eq!(bad.state.tour_step(), 1);
    assert_eq!(reasons("view=tour&step=99"), [NoticeReason::UnknownStep]);
}

#[test]
fn keys_that_do_not_apply_are_dropped_with_a_notice() {
    // A step outside the tour means nothing.
    let parsed = parse("view=map&step=3", dataset());
    assert_eq!(encode(&parsed.state), "view=map");
    assert_eq!(reasons("view=map&step=3"), [NoticeReason::StepOutsideTour]);
    // The tour's steps set their own filters.
    let parsed = parse("view=tour&step=2&sector=integrated_circuits&time=2020&lang=zh", dataset());
    assert_eq!(encode(&parsed.state), "view=tour&step=2&lang=zh");
    assert_eq!(parsed.notices.iter().map(|n| n.reason).collect::<Vec<_>>(), [NoticeReason::SetByTour, NoticeReason::SetByTour]);
    assert!(parsed.notices[0].message(Lang::En).contains("sector “integrated_circuits”"));
    // A state a control builds is made canonical the same way.
    let built = ViewState { view: View::Tour, step: Some(1), region: Some("haidian".into()), ..ViewState::default() };
    assert_eq!(built.canonical(dataset()), ViewState { view: View::Tour, ..ViewState::default() });
}

#[test]
fn one_bad_key_leaves_the_others_applied() {
    let parsed = parse("view=trends&sector=space&region=haidian", dataset());
    assert_eq!(parsed.state.view, View::Trends);
    assert_eq!(parsed.state.region.as_deref(), Some("haidian"));
    assert!(parsed.state.sectors.is_empty());
    assert_eq!(reasons("view=trends&sector=space&region=haidian"), [NoticeReason::UnknownSector]);
}

// The hostile links of the deep-links issue: each gives a notice and a valid view.
#[test]
fn hostile_links_fall_back_with_a_notice() {
    let huge = format!("sector={}", "a".repeat(100_000));
    let parsed = parse(&huge, dataset());
    assert_eq!(parsed.state, ViewState::default());
    assert_eq!(parsed.notices.len(), 1);
    assert!(parsed.notices[0].raw.chars().count() <= ECHO_LIMIT + 1);

    let script = parse("view=%3Cscript%3Ealert(1)%3C/script%3E", dataset());
    assert_eq!(script.state, ViewState::default());
    assert_eq!(script.notices[0].raw, "<script>alert(1)</script>");

    assert_eq!(reasons("garbage"), [NoticeReason::UnknownKey]);
    assert_eq!(reasons("time=2099"), [NoticeReason::YearOutOfRange]);
    assert_eq!(reasons("view=map&view=table"), [NoticeReason::Duplicate]);
    assert_eq!(parse("view=map&view=table", dataset()).state.view, View::Map);
}

#[test]
fn notices_read_as_sentences_in_both_languages() {
    let notice = Notice::new("sector", "space", NoticeReason::UnknownSector);
    assert_eq!(notice.message(Lang::En), "Ignored sector “space”: not one of the ten industries. Showing all ten instead.");
    assert!(notice.message(Lang::Zh).contains("已忽略产业“space”"));
}

#[test]
fn toggling_sectors_keeps_at_least_one() {
    let state = ViewState::default();
    let one_off = state.toggle_sector(dataset(), "integrated_circuits");
    assert_eq!(one_off.sectors.len(), 9);
    let back = one_off.toggle_sector(dataset(), "integrated_circuits");
    assert_eq!(back, state);
    let only = ViewState { sectors: vec!["new_materials".into()], ..ViewState::default() };
    assert_eq!(only.toggle_sector(dataset(), "new_materials"), only);
}

/// How many cases each codec property runs.
fn fuzz_cases() -> u32 {
    std::env::var("ATLAS_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
}

#[test]
fn a_profile_names_one_sector_district_or_zone() {
    for link in ["view=profile&sector=integrated_circuits", "view=profile&region=haidian", "view=profile&region=bda"] {
        let parsed = parse(link, dataset());
        assert!(parsed.notices.is_empty(), "{link}: {:?}", parsed.notices);
        assert_eq!(encode(&parsed.state), link);
    }
    let ic = parse("view=profile&sector=integrated_circuits&lang=zh", dataset()).state;
    assert_eq!(ic.profile_subject(dataset()), Some(ProfileSubject::Sector("integrated_circuits")));
    assert_eq!(parse("view=profile&region=haidian", dataset()).state.profile_subject(dataset()), Some(ProfileSubject::District("haidian")));
    assert_eq!(parse("view=profile&region=bda", dataset()).state.profile_subject(dataset()), Some(ProfileSubject::Zone("bda")));
    // A control builds a profile link from any state, keeping only language and embedding.
    let trends = parse("view=trends&indicator=gdp&time=2020&lang=zh&embed=1", dataset()).state;
    assert_eq!(encode(&trends.profile(ProfileSubject::Zone("bda"))), "view=profile&region=bda&lang=zh&embed=1");
}

#[test]
fn a_profile_link_naming_none_or_several_is_the_index_with_a_notice() {
    for (link, key, raw) in [
        ("view=profile", "view", "profile"),
        ("view=profile&sector=integrated_circuits,new_materials", "sector", "integrated_circuits,new_materials"),
        ("view=profile&sector=integrated_circuits&region=haidian", "sector", "integrated_circuits&region=haidian"),
        ("view=profile&region=beijing", "region", "beijing"),
        ("view=profile&region=three_cities_one_zone", "region", "three_cities_one_zone"),
        ("view=profile&region=china&lang=zh", "region", "china"),
    ] {
        let parsed = parse(link, dataset());
        assert_eq!(parsed.state.profile_subject(dataset()), None, "{link}");
        assert_eq!(parsed.notices.len(), 1, "{link}: {:?}", parsed.notices);
        let notice = &parsed.notices[0];
        assert_eq!((notice.reason, notice.key.as_str(), notice.raw.as_str()), (NoticeReason::NotOneProfile, key, raw), "{link}");
        // The index has one link: the entity keys are dropped.
        assert!(encode(&parsed.state).starts_with("view=profile") && !encode(&parsed.state).contains("sector=") && !encode(&parsed.state).contains("region="), "{link}");
    }
    let message = Notice::new("region", "beijing", NoticeReason::NotOneProfile);
    assert!(message.message(Lang::En).contains("index of all profiles"));
    assert!(message.message(Lang::Zh).contains("索引"));
}

#[test]
fn a_profile_ignores_indicator_and_years_and_says_so() {
    let parsed = parse("view=profile&indicator=gdp&sector=new_materials&time=2020", dataset());
    assert_eq!(encode(&parsed.state), "view=profile&sector=new_materials");
    assert_eq!(parsed.notices.iter().map(|n| n.reason).collect::<Vec<_>>(), [NoticeReason::NotForProfile, NoticeReason::NotForProfile]);
}

fn arb_view_state() -> impl Strategy<Value = ViewState> {
    let dataset = dataset();
    let indicators: Vec<String> = dataset.indicators.iter().map(|i| i.id.clone()).collect();
    let sectors: Vec<String> = dataset.sectors.iter().map(|s| s.id.clone()).collect();
    let regions: Vec<String> = dataset.regions.iter().map(|r| r.id.clone()).collect();
    let (first, last) = dataset.year_span();
    // A profile link names exactly one entity: pick one, as the index's links do.
    let subjects: Vec<(Vec<String>, Option<String>)> = sectors
        .iter()
        .map(|s| (vec![s.clone()], None))
        .chain(crate::model::DISTRICTS.iter().map(|d| (Vec::new(), Some(d.id.to_string()))))
        .chain(dataset.zones.iter().map(|z| (Vec::new(), Some(z.id.clone()))))
        .collect();
    (
        (proptest::sample::select(View::ALL.to_vec()), proptest::option::of(1..=TOUR_STEPS as u8), proptest::sample::select(subjects)),
        proptest::option::of(proptest::sample::select(indicators)),
        proptest::sample::subsequence(sectors.clone(), 0..=sectors.len()),
        proptest::option::of(proptest::sample::select(regions)),
        proptest::option::of((first..=last, first..=last)),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |((view, step, subject), indicator, sectors, region, time, zh, embed)| {
            let (sectors, region) = if view == View::Profile { subject } else { (sectors, region) };
            ViewState {
                view,
                step,
                indicator,
                sectors,
                region,
                time: time.map(|(a, b)| TimeSpan::new(a, b)),
                lang: if zh { Lang::Zh } else { Lang::En },
                embed,
            }
            .canonical(dataset)
        })
}

proptest! {
    // 2,000 cases in the test command; `scripts/fuzz` runs ATLAS_FUZZ_CASES (100,000) of each.
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn encode_then_parse_round_trips(state in arb_view_state()) {
        let parsed = parse(&encode(&state), dataset());
        prop_assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        prop_assert_eq!(parsed.state, state);
    }

    #[test]
    fn parse_never_panics(raw in "\\PC{0,300}") {
        let parsed = parse(&raw, dataset());
        // Whatever came in, what goes out is canonical.
        prop_assert_eq!(parse(&encode(&parsed.state), dataset()).state, parsed.state);
    }

    #[test]
    fn parse_never_panics_on_near_misses(
        key in proptest::sample::select(KEYS.to_vec()),
        value in "[a-z0-9_.,%<>&=]{0,40}",
    ) {
        let _ = parse(&format!("{key}={value}&{key}"), dataset());
    }
}
