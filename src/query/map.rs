//! What the map's side shows for the place chosen on it: a district's card (the figure the map
//! shades it by) and a zone's card (every figure published for the zone, in an order a reader can
//! scan, each saying what kind of figure it is).

use super::choice::map_shown_indicator;
use super::series::{district_values, district_year, Point};
use crate::format::{self, period_label};
use crate::model::{Dataset, District, Kind, Lang, Observation, DISTRICTS};
use crate::state::ViewState;

/// What the map's card shows for the district chosen on the map: the figure the map shades it
/// by, in the map's year, or the gap when it has none (`point` is `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictFigure {
    pub district: &'static District,
    pub indicator: String,
    pub year: u16,
    pub point: Option<Point>,
}

/// The chosen district's figure as the map shows it: the map's indicator and year, the same
/// point (sources folded as on the chart) its colour comes from. `None` when the place chosen is
/// not a district, or the map has no year to show.
pub fn district_figure(dataset: &Dataset, state: &ViewState) -> Option<DistrictFigure> {
    let district = DISTRICTS.iter().find(|d| d.id == state.region_id())?;
    let indicator = map_shown_indicator(dataset, state);
    let year = district_year(dataset, &indicator, state.time_span(dataset))?;
    let point = district_values(dataset, &indicator, year).into_iter().find(|v| v.district.id == district.id).and_then(|v| v.point);
    Some(DistrictFigure { district, indicator, year, point })
}

/// The figures a zone's card lists: every figure published for the zone, grouped by measure (in
/// the dataset's order of indicators), the economy-wide figure before a sector's (in the
/// dataset's order of sectors), then by the end of the period each covers, an outcome before a
/// target for the same period. Several sources of one figure stay apart: each has its own
/// source button.
pub fn zone_figures<'d>(dataset: &'d Dataset, zone: &str) -> Vec<&'d Observation> {
    let indicator_at = |o: &Observation| dataset.indicators.iter().position(|i| i.id == o.indicator).unwrap_or(usize::MAX);
    let sector_at = |o: &Observation| o.sector.as_deref().map_or(0, |s| dataset.sector_index(s).map_or(usize::MAX, |at| at + 1));
    let mut figures: Vec<&Observation> = dataset.observations.iter().filter(|o| o.region == zone).collect();
    // Stable: figures equal in all of this keep the dataset's order.
    crate::model::order::sort_by_key(&mut figures, |o| (indicator_at(o), sector_at(o), o.ends(), !o.kind.is_outcome()));
    figures
}

/// A zone's figure as its card names it: the measure, its sector where it is about one, the
/// period it covers (a part year or a plan's span, not just a year), the value, and the kind of
/// figure where it is no plain outcome ("target", "growth rate" …).
pub fn zone_figure_text(dataset: &Dataset, observation: &Observation, lang: Lang) -> String {
    let mut parts = vec![observation.label(lang).to_string()];
    if let Some(sector) = observation.sector.as_deref() {
        parts.push(format::sector_name(dataset, Some(sector), lang));
    }
    parts.push(period_label(observation, lang));
    let what = parts.join(&format::tr(lang, "map.zone_figure_sep"));
    let value = format::figure(observation, lang);
    if observation.kind == Kind::Actual {
        format::tr_with(lang, "map.zone_figure", &[("what", &what), ("value", &value)])
    } else {
        let kind = format::kind(observation.kind, lang);
        format::tr_with(lang, "map.zone_figure_of_kind", &[("what", &what), ("value", &value), ("kind", &kind)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_district_chosen_on_the_map_shows_the_figure_it_is_shaded_by() {
        let dataset = crate::fixtures::real();
        let state = crate::state::parse("view=map&time=2021&region=changping", dataset).state;
        let card = district_figure(dataset, &state).expect("Changping's card");
        assert_eq!((card.district.id, card.indicator.as_str(), card.year), ("changping", "gdp", 2021));
        let point = card.point.expect("Changping has a 2021 GDP figure");
        let shown = dataset.observation(&point.obs).expect("its source");
        assert_eq!((shown.region.as_str(), shown.year, shown.indicator.as_str()), ("changping", 2021, "gdp"));
        assert_eq!(crate::format::value(shown.value, shown.unit, crate::model::Lang::En), "128.7 billion yuan");
        // A zone or the city is no district: the card shows the zone, or the hint.
        assert!(district_figure(dataset, &crate::state::parse("view=map&region=bda", dataset).state).is_none());
        // Review C4: a link's indicator without district figures: the card shows what the map shades by.
        let fallback = district_figure(dataset, &crate::state::parse("view=map&indicator=rd_intensity&region=haidian", dataset).state).expect("Haidian's card");
        assert_eq!(fallback.indicator, "gdp");
        assert!(fallback.point.is_some(), "Haidian has a GDP figure in the map's year");
        assert!(district_figure(dataset, &crate::state::parse("view=map", dataset).state).is_none());
    }

    #[test]
    fn a_zones_card_lists_its_figures_by_measure_and_period_and_says_which_are_plans() {
        let dataset = crate::fixtures::real();
        let ids = |zone: &str| zone_figures(dataset, zone).iter().map(|o| o.id.as_str()).collect::<Vec<_>>();
        let bda = zone_figures(dataset, "bda");
        assert_eq!(bda.len(), dataset.observations.iter().filter(|o| o.region == "bda").count(), "every figure of the zone, no other");
        // One measure's lines together, the periods in order, the plan last.
        let gdp: Vec<(u16, Kind)> = bda.iter().filter(|o| o.indicator == "gdp").map(|o| (o.year, o.kind)).collect();
        let (years, kinds): (Vec<u16>, Vec<Kind>) = gdp.iter().copied().unzip();
        assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
        assert_eq!(kinds.last(), Some(&Kind::Target), "{gdp:?}");
        let first_gdp = bda.iter().position(|o| o.indicator == "gdp").unwrap();
        assert!(bda[first_gdp..first_gdp + gdp.len()].iter().all(|o| o.indicator == "gdp"), "GDP's lines are not interleaved with others");
        assert!(ids("atlantis").is_empty());
        // The words: sector, part year and kind are said.
        let lines: Vec<String> = bda.iter().map(|o| zone_figure_text(dataset, o, Lang::En)).collect();
        let target = bda.iter().find(|o| o.indicator == "gdp" && o.kind == Kind::Target).unwrap();
        assert_eq!(zone_figure_text(dataset, target, Lang::En), format!("{} · 2021–2025: 380 billion yuan (Target)", target.label(Lang::En)));
        let chips_h1 = bda.iter().find(|o| o.indicator == "industry_output" && o.sector.as_deref() == Some("integrated_circuits")).unwrap();
        let text = zone_figure_text(dataset, chips_h1, Lang::En);
        assert!(text.contains("Integrated circuits") && text.contains("Jan") && text.contains("2024"), "{text}");
        assert!(lines.iter().filter(|l| l.ends_with("(Growth rate)")).count() >= 3, "{lines:#?}");
        // Review (arch): the line's punctuation is each language's own, not ASCII in Chinese.
        assert_eq!(zone_figure_text(dataset, target, Lang::Zh), format!("{} · 2021–2025：3,800亿元（目标）", target.label(Lang::Zh)));
        let actual = dataset.observation("bda-gdp-2020").unwrap();
        assert_eq!(zone_figure_text(dataset, actual, Lang::Zh), format!("{} · 2020：2,000亿元", actual.label(Lang::Zh)));
        assert_eq!(zone_figure_text(dataset, actual, Lang::En), format!("{} · 2020: 200 billion yuan", actual.label(Lang::En)));
    }

    #[test]
    fn a_zones_outcome_comes_before_its_plan_for_the_same_period() {
        // bda's clusters: the 2021–2025 target is earlier in the file than the 2021–2025 outcome,
        // so only the outcome-first rule puts the outcome first.
        let dataset = crate::fixtures::real();
        let file_order: Vec<&str> = dataset.observations.iter().filter(|o| o.region == "bda" && o.indicator == "hundred_billion_clusters").map(|o| o.id.as_str()).collect();
        assert_eq!(file_order, ["bda-100bn-clusters-target-2025", "sec-bda-hundred-billion-clusters-2022", "sec-bda-hundred-billion-clusters-2025"]);
        let card: Vec<&str> = zone_figures(dataset, "bda").iter().filter(|o| o.indicator == "hundred_billion_clusters").map(|o| o.id.as_str()).collect();
        assert_eq!(card, ["sec-bda-hundred-billion-clusters-2022", "sec-bda-hundred-billion-clusters-2025", "bda-100bn-clusters-target-2025"]);
    }
}
