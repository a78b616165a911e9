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
    // Issue 24: the sectors view draws each sector's own size on `indicator=sizes` (its ladder
    // without one); a view without that choice drops it.
    assert_eq!(parse_indicator(Some("sizes"), dataset()), Field::Valid("sizes".to_string()));
    assert_eq!(encode(&parse("view=sectors&indicator=sizes", dataset()).state), "view=sectors&indicator=sizes");
    assert_eq!(encode(&parse("view=trends&indicator=sizes", dataset()).state), "view=trends");
}

#[test]
fn sector_key() {
    assert_eq!(parse_sectors(None, dataset()), Field::Missing);
    let parsed = parse("view=trends&sector=artificial_intelligence,integrated_circuits", dataset());
    // Canonical order is the dataset's, whatever order the link used.
    assert_eq!(parsed.state.sectors, ["integrated_circuits", "artificial_intelligence"]);
    assert_eq!(encode(&parsed.state), "view=trends&sector=integrated_circuits,artificial_intelligence");
    assert_eq!(parse_sectors(Some("space"), dataset()), invalid("space", NoticeReason::UnknownSector));
    assert_eq!(parse_sectors(Some(""), dataset()), invalid("", NoticeReason::UnknownSector));
    let all: Vec<&str> = dataset().sectors.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(encode(&parse(&format!("view=trends&sector={}", all.join(",")), dataset()).state), "view=trends");
}

/// The places a trends link keeps.
fn regions(query: &str) -> Vec<String> {
    parse(&format!("view=trends&{query}"), dataset()).state.regions
}

#[test]
fn region_key() {
    let one = |raw: &str| parse_regions(Some(raw), dataset());
    assert_eq!(parse_regions(None, dataset()), (Field::Missing, Vec::new()));
    assert_eq!(one("haidian"), (Field::Valid(vec!["haidian".to_string()]), Vec::new()));
    assert_eq!(one("bda"), (Field::Valid(vec!["bda".to_string()]), Vec::new()));
    assert_eq!(one("atlantis"), (invalid("atlantis", NoticeReason::UnknownRegion), Vec::new()));
    assert_eq!(one(""), (invalid("", NoticeReason::UnknownRegion), Vec::new()));
    // Old single-place links are unchanged; Beijing alone is the default.
    assert_eq!(encode(&parse("view=table&region=haidian", dataset()).state), "view=table&region=haidian");
    assert_eq!(encode(&parse("view=table&region=beijing", dataset()).state), "view=table");
    assert_eq!(parse("view=table&region=haidian", dataset()).state.region_id(), "haidian");
    assert_eq!(ViewState::default().region_ids(), ["beijing"]);
}

#[test]
fn a_region_list_is_canonical_in_the_datasets_order() {
    // The dataset lists Beijing, then the districts in the order of their codes, then zones.
    let parsed = parse("view=trends&region=bda,haidian,chaoyang", dataset());
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(parsed.state.regions, ["chaoyang", "haidian", "bda"]);
    assert_eq!(encode(&parsed.state), "view=trends&region=chaoyang,haidian,bda");
    assert_eq!(regions("region=haidian,beijing"), ["beijing", "haidian"], "Beijing compares with its districts");
    assert_eq!(regions("region=haidian,haidian, chaoyang"), ["chaoyang", "haidian"], "a repeat counts once");
    assert!(parse("view=trends&region=haidian,chaoyang", dataset()).state.compares_regions());
}

#[test]
fn an_unknown_place_in_a_list_is_named_and_the_others_kept() {
    let parsed = parse("view=trends&region=haidian,atlantis,chaoyang,mordor", dataset());
    assert_eq!(parsed.state.regions, ["chaoyang", "haidian"]);
    assert_eq!(parsed.notices.iter().map(|n| n.reason).collect::<Vec<_>>(), [NoticeReason::UnknownRegionInList]);
    let message = parsed.notices[0].message(Lang::En);
    assert!(message.contains("“atlantis,mordor”") && message.contains("other regions"), "{message}");
    assert!(parsed.notices[0].message(Lang::Zh).contains("其他地区"));
    // None known: Beijing, as for a single unknown place.
    assert_eq!(reasons("region=atlantis,mordor"), [NoticeReason::UnknownRegion]);
    assert!(regions("region=atlantis,mordor").is_empty());
}

#[test]
fn at_most_eight_places_with_a_notice_naming_the_rest() {
    let ten: Vec<&str> = dataset().regions.iter().skip(1).take(10).map(|r| r.id.as_str()).collect();
    let parsed = parse(&format!("view=trends&region={}", ten.join(",")), dataset());
    assert_eq!(parsed.state.regions, ten[..MAX_REGIONS]);
    assert_eq!(parsed.notices.iter().map(|n| n.reason).collect::<Vec<_>>(), [NoticeReason::TooManyRegions]);
    assert_eq!(parsed.notices[0].raw, ten[MAX_REGIONS..].join(","));
    assert!(parsed.notices[0].message(Lang::En).contains("at most 8"));
    // A state a control builds keeps to the limit too.
    let built = ViewState { view: View::Trends, regions: ten.iter().map(|r| r.to_string()).collect(), ..ViewState::default() }.canonical(dataset());
    assert_eq!(built.regions.len(), MAX_REGIONS);
    assert!(built.at_region_limit());
    assert_eq!(built.toggle_region(dataset(), ten[9]), built, "a ninth is refused");
}

#[test]
fn toggling_places_never_leaves_none() {
    let state = ViewState { view: View::Trends, ..ViewState::default() };
    let both = state.toggle_region(dataset(), "haidian");
    assert_eq!(both.regions, ["beijing", "haidian"]);
    let haidian = both.toggle_region(dataset(), "beijing");
    assert_eq!(encode(&haidian), "view=trends&region=haidian");
    assert_eq!(haidian.toggle_region(dataset(), "haidian"), state, "the last one removed gives Beijing");
    assert_eq!(state.toggle_region(dataset(), "beijing"), state);
    assert_eq!(state.toggle_region(dataset(), "atlantis"), state);
    assert_eq!(both.with_region(dataset(), "bda").regions, ["bda"]);
}

#[test]
fn scale_key() {
    assert_eq!(parse_scale(None), Field::Missing);
    assert_eq!(parse_scale(Some("index")), Field::Valid(Scale::Index));
    assert_eq!(parse_scale(Some("values")), Field::Valid(Scale::Values));
    assert_eq!(parse_scale(Some("log")), invalid("log", NoticeReason::UnknownScale));
    assert_eq!(encode(&parse("view=trends&scale=values", dataset()).state), "view=trends", "values is the default");
    assert_eq!(encode(&parse("scale=index&view=trends", dataset()).state), "view=trends&scale=index");
    let bad = parse("view=trends&scale=Index", dataset());
    assert_eq!(bad.state.scale, Scale::Values);
    assert!(bad.notices[0].message(Lang::En).starts_with("Ignored scale “Index”"));
    assert!(bad.notices[0].message(Lang::Zh).contains("“Index”"));
    // The tour sets its own.
    assert_eq!(reasons("view=tour&scale=index"), [NoticeReason::SetByTour]);
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
        regions: vec!["haidian".into(), "bda".into()],
        time: Some(TimeSpan { from: 2016, to: 2022 }),
        scale: Scale::Index,
        figure: Some("beijing-gdp-2022".into()),
        lang: Lang::Zh,
        embed: true,
    };
    assert_eq!(
        encode(&state),
        "view=trends&indicator=gdp&sector=integrated_circuits&region=haidian,bda&time=2016..2022&scale=index&figure=beijing-gdp-2022&lang=zh&embed=1"
    );
    let tour = ViewState { view: View::Tour, step: Some(3), lang: Lang::Zh, embed: true, ..ViewState::default() };
    assert_eq!(encode(&tour), "view=tour&step=3&lang=zh&embed=1");
}

/// Issue 25: a link to one figure opens its source panel; a bad id gives a notice.
#[test]
fn figure_key() {
    assert_eq!(parse_figure(None, dataset()), Field::Missing);
    assert_eq!(parse_figure(Some("beijing-gdp-2022"), dataset()), Field::Valid("beijing-gdp-2022".to_string()));
    assert_eq!(parse_figure(Some("beijing-gdp-2099"), dataset()), invalid("beijing-gdp-2099", NoticeReason::UnknownFigure));
    assert_eq!(parse_figure(Some(""), dataset()), invalid("", NoticeReason::UnknownFigure));
    let parsed = parse("lang=zh&figure=geo-haidian-gdp-2022&view=map", dataset());
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(encode(&parsed.state), "view=map&figure=geo-haidian-gdp-2022&lang=zh");
    let bad = parse("view=trends&figure=nope", dataset());
    assert_eq!((bad.state.figure.as_deref(), encode(&bad.state).as_str()), (None, "view=trends"));
    assert_eq!(reasons("view=trends&figure=nope"), [NoticeReason::UnknownFigure]);
    assert!(bad.notices[0].message(Lang::En).contains("“nope”"), "{}", bad.notices[0].message(Lang::En));
    assert!(bad.notices[0].message(Lang::Zh).contains("“nope”"));
}

/// Cold review: after a figure link, the tabs and the reader's own changes lead to links without
/// `figure=` (it once stuck: "Sources" gave `?view=sources&figure=…`).
#[test]
fn a_figure_link_does_not_stick_to_the_readers_next_links() {
    let opened = parse("view=trends&region=haidian&figure=geo-haidian-gdp-2022&lang=zh", dataset()).state;
    assert_eq!(encode(&opened.tab(View::Sources).canonical(dataset())), "view=sources&lang=zh");
    let map = encode(&opened.tab(View::Map).canonical(dataset()));
    assert!(map.starts_with("view=map") && !map.contains("figure"), "{map}");
    let moved = ViewState { scale: Scale::Index, ..opened.clone() }.after_action();
    assert_eq!(encode(&moved.canonical(dataset())), "view=trends&region=haidian&scale=index&lang=zh");
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
    let built = ViewState { view: View::Tour, step: Some(1), regions: vec!["haidian".into()], scale: Scale::Index, ..ViewState::default() };
    assert_eq!(built.canonical(dataset()), ViewState { view: View::Tour, ..ViewState::default() });
}

#[test]
fn one_bad_key_leaves_the_others_applied() {
    let parsed = parse("view=trends&sector=space&region=haidian", dataset());
    assert_eq!(parsed.state.view, View::Trends);
    assert_eq!(parsed.state.regions, ["haidian"]);
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
    let state = ViewState { view: View::Trends, ..ViewState::default() };
    let one_off = state.toggle_sector(dataset(), "integrated_circuits");
    assert_eq!(one_off.sectors.len(), 9);
    let back = one_off.toggle_sector(dataset(), "integrated_circuits");
    assert_eq!(back, state);
    let only = ViewState { view: View::Trends, sectors: vec!["new_materials".into()], ..ViewState::default() };
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

/// A profile link built from the language and embedding alone (the page's links, which a filter
/// change leaves as they are) is the one built from the whole state.
#[test]
fn a_profile_link_needs_only_the_language_and_embedding() {
    for link in ["view=trends&indicator=gdp&time=2020&lang=zh&embed=1", "view=map&sector=integrated_circuits&region=haidian", "lang=zh", ""] {
        let state = parse(link, dataset()).state;
        let kept = ViewState::kept_by_profile(state.lang, state.embed);
        for subject in [ProfileSubject::Sector("integrated_circuits"), ProfileSubject::District("haidian"), ProfileSubject::Zone("bda")] {
            assert_eq!(kept.profile(subject), state.profile(subject), "{link}");
        }
    }
}

/// A table row's place and a click on a small map link to a profile only where one exists.
#[test]
fn a_district_or_zone_has_a_profile_and_the_city_or_an_area_has_none() {
    assert_eq!(ProfileSubject::of_region(dataset(), "haidian"), Some(ProfileSubject::District("haidian")));
    assert_eq!(ProfileSubject::of_region(dataset(), "bda"), Some(ProfileSubject::Zone("bda")));
    let area = dataset().regions.iter().find(|r| r.level == crate::model::RegionLevel::Aggregate).expect("an aggregate area");
    for place in [BEIJING, area.id.as_str(), "atlantis"] {
        assert_eq!(ProfileSubject::of_region(dataset(), place), None, "{place}");
    }
}

#[test]
fn a_profile_link_naming_none_or_several_is_the_index_with_a_notice() {
    for (link, key, raw) in [
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
    let figures: Vec<String> = dataset.observations.iter().map(|o| o.id.clone()).collect();
    let (first, last) = dataset.year_span();
    // A profile link names one entity, as the index's links do; or none (the index itself); or
    // Beijing beside a district or zone, which is that place's profile (issue 23, C6).
    let subjects: Vec<(Vec<String>, Vec<String>)> = sectors
        .iter()
        .map(|s| (vec![s.clone()], Vec::new()))
        .chain(crate::model::DISTRICTS.iter().map(|d| (Vec::new(), vec![d.id.to_string()])))
        .chain(crate::model::DISTRICTS.iter().map(|d| (Vec::new(), vec![BEIJING.to_string(), d.id.to_string()])))
        .chain(dataset.zones.iter().map(|z| (Vec::new(), vec![z.id.clone()])))
        .chain(dataset.zones.iter().map(|z| (Vec::new(), vec![z.id.clone(), BEIJING.to_string()])))
        .chain([(Vec::new(), Vec::new())])
        .collect();
    (
        (proptest::sample::select(View::ALL.to_vec()), proptest::option::of(1..=TOUR_STEPS as u8), proptest::sample::select(subjects)),
        proptest::option::of(proptest::sample::select(indicators)),
        proptest::sample::subsequence(sectors.clone(), 0..=sectors.len()),
        proptest::sample::subsequence(regions.clone(), 0..=MAX_REGIONS + 2),
        proptest::option::of((first..=last, first..=last)),
        (any::<bool>(), any::<bool>()),
        any::<bool>(),
        (any::<bool>(), proptest::option::of(proptest::sample::select(figures))),
    )
        .prop_map(move |((view, step, subject), indicator, sectors, regions, time, (shuffled, index), zh, (embed, figure))| {
            // A control may build the list in any order: canonical() sorts it.
            let regions = if shuffled { regions.into_iter().rev().collect() } else { regions };
            let (sectors, regions) = if view == View::Profile { subject } else { (sectors, regions) };
            ViewState {
                view,
                step,
                indicator,
                sectors,
                regions,
                time: time.map(|(a, b)| TimeSpan::new(a, b)),
                scale: if index { Scale::Index } else { Scale::Values },
                figure,
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
    fn a_region_list_in_any_order_reads_as_one_canonical_list(
        picked in proptest::sample::subsequence(dataset().regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), 1..=MAX_REGIONS + 3),
        seed in any::<u64>(),
    ) {
        let mut shuffled = picked.clone();
        // A cheap deterministic shuffle from the seed.
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, (seed as usize).wrapping_mul(i + 7) % (i + 1));
        }
        let state = parse(&format!("view=trends&region={}", shuffled.join(",")), dataset()).state;
        let ordered = parse(&format!("view=trends&region={}", picked.join(",")), dataset()).state;
        prop_assert_eq!(&state, &ordered);
        prop_assert!(state.regions.len() <= MAX_REGIONS);
        let positions: Vec<usize> = state.regions.iter().filter_map(|r| dataset().regions.iter().position(|d| d.id == *r)).collect();
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "not in the dataset's order: {:?}", state.regions);
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
        value in "[a-z0-9_.,%<>&=+]{0,40}",
    ) {
        let parsed = parse(&format!("{key}={value}&{key}"), dataset());
        prop_assert_eq!(parse(&encode(&parsed.state), dataset()).state, parsed.state);
    }
}

/// Issue 23, C6.1: Beijing beside a district is that district's profile, and has its one link.
#[test]
fn a_profile_of_beijing_and_a_district_is_the_districts_profile_with_its_link() {
    let both = parse("view=profile&region=beijing,haidian", dataset());
    assert!(both.notices.is_empty(), "{:?}", both.notices);
    assert_eq!(encode(&both.state), "view=profile&region=haidian");
    assert_eq!(both.state, parse("view=profile&region=haidian", dataset()).state);
    assert_eq!(encode(&parse("view=profile&sector=new_materials&region=beijing", dataset()).state), "view=profile&sector=new_materials");
}

/// Issue 23, C6.2: the index's own link, which the app writes, shows no notice.
#[test]
fn the_profile_index_link_shows_no_notice() {
    let index = parse("view=profile", dataset());
    assert_eq!(index.notices, []);
    assert_eq!(encode(&index.state), "view=profile");
    assert_eq!(index.state.profile_subject(dataset()), None);
}

/// Issue 23, C6.3: a view's link keeps only the keys the view reads.
#[test]
fn a_view_keeps_only_the_keys_it_reads() {
    for (link, canonical) in [
        ("view=sources&sector=integrated_circuits&region=haidian&time=2020&indicator=gdp&scale=index", "view=sources"),
        ("sector=integrated_circuits&region=haidian&time=2020..2022&indicator=gdp&scale=index&lang=zh", "time=2020..2022&lang=zh"),
        ("view=map&indicator=gdp&sector=new_materials&region=haidian&time=2021&scale=index", "view=map&indicator=gdp&sector=new_materials&region=haidian&time=2021"),
        ("view=table&region=haidian&scale=index", "view=table&region=haidian"),
        ("view=sectors&region=haidian&scale=index", "view=sectors&region=haidian"),
        ("view=trends&indicator=gdp&sector=new_materials&region=haidian&time=2021&scale=index", "view=trends&indicator=gdp&sector=new_materials&region=haidian&time=2021&scale=index"),
    ] {
        let parsed = parse(link, dataset());
        assert_eq!(parsed.notices, [], "{link}");
        assert_eq!(encode(&parsed.state), canonical, "{link}");
    }
}

/// Issue 23, C11: a `+` in a query string is a space, so `time=+2022` is malformed, as
/// `parse_time` says of `+2022`.
#[test]
fn a_year_with_a_plus_sign_is_malformed_through_the_url_too() {
    assert_eq!(reasons("view=trends&time=+2022"), [NoticeReason::MalformedTime]);
    assert_eq!(reasons("view=trends&time=2022..+2023"), [NoticeReason::MalformedTime]);
    assert_eq!(reasons("view=trends&time=%202022"), [NoticeReason::MalformedTime]);
    assert_eq!(parse("view=trends&time=+2022", dataset()).state.time, None);
}

/// Issue 23, §6 S2: a link of thousands of keys shows five notices and counts the rest.
#[test]
fn a_hostile_link_shows_five_notices_and_counts_the_rest() {
    let link: Vec<String> = (0..3000).map(|i| format!("k{i}=v")).collect();
    let parsed = parse(&link.join("&"), dataset());
    assert_eq!(parsed.notices.len(), 3000);
    let lines = notice_lines(&parsed.notices, Lang::En);
    assert_eq!(lines.len(), MAX_NOTICES_SHOWN + 1);
    assert_eq!(lines[0], "Ignored “k0=v”: it is not part of an Atlas link.");
    assert_eq!(lines[5], "… and 2,995 more ignored parts of the link.");
    assert_eq!(notice_lines(&parsed.notices, Lang::Zh)[5], "……以及链接中另外2,995处被忽略的内容。");
    // One more than five: the singular (issue 27's plural audit).
    assert_eq!(notice_lines(&parsed.notices[..6], Lang::En)[5], "… and 1 more ignored part of the link.");
    assert_eq!(notice_lines(&parsed.notices[..6], Lang::Zh)[5], "……以及链接中另外1处被忽略的内容。");
    // Five or fewer: each is shown, with no count.
    assert_eq!(notice_lines(&parsed.notices[..5], Lang::En).len(), 5);
    // A list of thousands of ids is read only so far.
    let ids = vec!["atlantis"; 5000].join(",");
    let places = parse(&format!("view=trends&region=haidian,{ids}"), dataset());
    assert_eq!(places.state.regions, ["haidian"]);
    assert_eq!(places.notices.len(), 1);
}

/// Issue 23, C12: the tour's and the profile's notices name the filter in the reader's language.
#[test]
fn notices_name_a_filter_in_the_readers_language() {
    let tour = parse("view=tour&sector=integrated_circuits&lang=zh", dataset());
    assert_eq!(tour.notices[0].message(Lang::Zh), "已忽略产业“integrated_circuits”：导览的每一步自带筛选条件。请用“从这里开始探索”来更改。");
    assert_eq!(tour.notices[0].message(Lang::En), "Ignored sector “integrated_circuits”: each step of the tour sets its own filters. Use “Explore from here” to change them.");
    let profile = parse("view=profile&sector=new_materials&indicator=gdp", dataset());
    assert_eq!(profile.notices[0].message(Lang::Zh), "已忽略指标“gdp”：概况页显示该产业、区或园区的全部年份和全部指标。");
}

#[test]
fn the_map_shows_its_one_year_control_not_the_years_range() {
    // Issue 22 / usability: the map's year player is its one year control.
    assert!(!View::Map.controls().years);
    assert!(View::Map.controls().sectors && View::Map.controls().indicator);
    for view in [View::Trends, View::Sectors, View::Table, View::Overview] {
        assert!(view.controls().years, "{view:?} keeps the years range");
    }
}

/// Cold review: the sectors view draws one place, so two links naming different lists behind the
/// same first place are one page, with one link and a title naming that place only.
#[test]
fn the_sectors_view_keeps_only_the_place_it_draws() {
    let two = parse("view=sectors&region=haidian,chaoyang", dataset());
    assert_eq!(encode(&two.state), "view=sectors&region=chaoyang");
    assert_eq!(two.state, parse("view=sectors&region=chaoyang", dataset()).state);
    // Trends and the table still compare them.
    assert_eq!(encode(&parse("view=trends&region=haidian,chaoyang", dataset()).state), "view=trends&region=chaoyang,haidian");
}

/// Issue 23 (review-page): a dismissal was keyed to the query string, so the map's notice came
/// back with the next district. It is keyed to the notices themselves.
#[test]
fn a_dismissal_hides_the_same_notices_only() {
    let map = parse("view=map&indicator=nope", dataset()).notices;
    let other = parse("view=trends&scale=log", dataset()).notices;
    assert_eq!(map.len(), 1);
    assert_eq!(super::undismissed(map.clone(), None), map, "nothing dismissed: all shown");
    assert_eq!(super::undismissed(map.clone(), Some(&map)), [], "the same notices: hidden");
    assert_eq!(super::undismissed(other.clone(), Some(&map)), other, "a new notice shows");
    let more: Vec<_> = map.iter().chain(&other).cloned().collect();
    assert_eq!(super::undismissed(more.clone(), Some(&map)), more, "one more notice: all of them show again");
    assert_eq!(super::undismissed(Vec::new(), Some(&map)), []);
}

/// Review of `review`: the dismissal outlived its notices, so the map's notice stayed hidden
/// when it went (Trends) and came back from a new choice of the same indicator.
#[test]
fn a_dismissal_ends_when_the_notices_change() {
    let map = parse("view=map&indicator=nope", dataset()).notices;
    let other = parse("view=trends&scale=log", dataset()).notices;
    assert_eq!(super::dismissal_after(Some(map.clone()), &map), Some(map.clone()), "the same notices: still dismissed");
    assert_eq!(super::dismissal_after(Some(map.clone()), &[]), None, "the notices went: the dismissal ends");
    assert_eq!(super::dismissal_after(Some(map.clone()), &other), None, "other notices: the dismissal ends");
    assert_eq!(super::dismissal_after(None, &map), None);
    // Dismissed, gone with another view, back from a new action: shown.
    let after_trends = super::dismissal_after(Some(map.clone()), &[]);
    assert_eq!(super::undismissed(map.clone(), after_trends.as_deref()), map);
}
