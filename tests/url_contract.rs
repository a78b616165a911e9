//! The URL contract (README "The URL contract"), checked with links quoted from the issues that
//! fixed it: each opens the view it names, canonical links stay as they are, and a bad link gives
//! a notice and a valid view. On the real data, as readers' links are.

use atlas::model::{self, Dataset};
use atlas::state::{encode, parse, NoticeReason, Scale, View};
use std::sync::OnceLock;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| model::load(model::bundled()).0)
}

/// A link that is already canonical reads without a notice and writes back unchanged.
fn assert_canonical(link: &str) {
    let parsed = parse(link, dataset());
    assert!(parsed.notices.is_empty(), "{link}: {:?}", parsed.notices);
    assert_eq!(encode(&parsed.state), link, "{link}");
}

#[test]
fn links_quoted_in_the_issues_open_their_view() {
    // Issue 14: profiles; issue 15: a chosen indicator stays in the link; issue 18: places and scale.
    for link in [
        "view=trends&sector=integrated_circuits",
        "view=profile&sector=integrated_circuits",
        "view=profile&region=haidian",
        "view=profile&region=bda",
        "view=trends&indicator=rd_intensity",
        "view=trends&indicator=gdp&region=chaoyang,haidian,bda",
        "view=trends&indicator=gdp&region=chaoyang,haidian,bda&scale=index",
        "view=map&time=2022",
        "view=tour&step=2",
        // Issue 23: the profiles' index, as the app writes it.
        "view=profile",
    ] {
        assert_canonical(link);
    }
    let compare = parse("view=trends&indicator=gdp&region=chaoyang,haidian,bda&scale=index", dataset()).state;
    assert_eq!((compare.view, compare.regions.len(), compare.scale), (View::Trends, 3, Scale::Index));
}

#[test]
fn old_and_hand_written_links_become_canonical() {
    // Issue 18's example, in the order a reader typed it: the dataset's order is the link's.
    let parsed = parse("?view=trends&indicator=gdp&region=haidian,chaoyang,bda", dataset());
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(encode(&parsed.state), "view=trends&indicator=gdp&region=chaoyang,haidian,bda");
    // A single region, as links before issue 18 wrote it, and Beijing spelled out.
    assert_canonical("view=trends&region=haidian");
    assert_eq!(encode(&parse("view=trends&region=beijing", dataset()).state), "view=trends");
    // Issue 23: one view, one link: Beijing beside a district is the district's profile, and a
    // view drops the keys it does not read; neither is a mistake worth a notice.
    for (link, canonical) in [
        ("view=profile&region=beijing,haidian", "view=profile&region=haidian"),
        ("view=sources&sector=integrated_circuits", "view=sources"),
        ("view=map&region=haidian&scale=index", "view=map&region=haidian"),
    ] {
        let parsed = parse(link, dataset());
        assert!(parsed.notices.is_empty(), "{link}: {:?}", parsed.notices);
        assert_eq!(encode(&parsed.state), canonical, "{link}");
    }
}

#[test]
fn bad_links_give_a_notice_and_a_valid_view() {
    let cases: [(&str, NoticeReason, &str); 4] = [
        ("view=trends&scale=log", NoticeReason::UnknownScale, "view=trends"),
        ("view=trends&region=haidian,atlantis", NoticeReason::UnknownRegionInList, "view=trends&region=haidian"),
        ("view=profile&sector=integrated_circuits,new_materials", NoticeReason::NotOneProfile, "view=profile"),
        ("view=nowhere", NoticeReason::UnknownView, ""),
    ];
    for (link, reason, canonical) in cases {
        let parsed = parse(link, dataset());
        assert!(parsed.notices.iter().any(|n| n.reason == reason), "{link}: {:?}", parsed.notices);
        assert_eq!(encode(&parsed.state), canonical, "{link}");
    }
}

/// Issue 24: `?view=sectors` opens on the scale ladder; `indicator=sizes` draws each sector's own
/// size; an old link naming a measure still draws that measure's bars.
#[test]
fn sectors_links_open_the_ladder_the_sizes_or_the_measure_they_name() {
    use atlas::query::comparison;
    for link in ["view=sectors", "view=sectors&indicator=sizes", "view=sectors&indicator=cluster_scale_threshold", "view=sectors&indicator=cluster_scale_threshold&time=2022"] {
        assert_canonical(link);
    }
    let drawn = |link: &str| comparison(dataset(), &parse(link, dataset()).state);
    assert!(drawn("view=sectors").ladder.is_some());
    assert_eq!(drawn("view=sectors&indicator=sizes").sizes.len(), 10);
    let old = drawn("view=sectors&indicator=cluster_scale_threshold&time=2022");
    assert_eq!((old.ladder.is_none(), old.indicator.as_str(), old.year), (true, "cluster_scale_threshold", Some(2022)));
    assert!(old.bars.iter().filter(|b| b.point.is_some()).count() >= 6);
}

/// Review 2026-12-02: a sectors link naming a measure without sector figures (`gdp`) says so,
/// and the indicator list reads what is drawn instead (the ladder), never a label over another
/// chart.
#[test]
fn the_sectors_indicator_list_reads_what_is_drawn() {
    use atlas::query::{choice, comparison};
    for (link, ladder, sizes) in [
        ("view=sectors&indicator=gdp", true, false),
        ("view=sectors", true, false),
        ("view=sectors&indicator=sizes", false, true),
        ("view=sectors&indicator=gdp&region=haidian", false, true),
    ] {
        let state = parse(link, dataset()).state;
        let shown = choice::shown_indicator(dataset(), &state);
        let drawn = comparison(dataset(), &state);
        assert_eq!((drawn.ladder.is_some(), !drawn.sizes.is_empty()), (ladder, sizes), "{link}");
        // The select's value: "" is the ladder's label, "sizes" the sizes' label.
        let expected = if ladder { "" } else if sizes { "sizes" } else { drawn.indicator.as_str() };
        assert_eq!(shown.indicator.unwrap_or_default(), expected, "{link}");
        assert_eq!(shown.notice.is_some(), link.contains("gdp"), "{link}");
    }
}
