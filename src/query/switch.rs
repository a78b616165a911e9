//! Why the trends chart shows what it shows, when that is not what the reader asked for: a
//! filter change that made the view switch measure ("Showing Industry revenue: GDP has no
//! figures for the nine sectors chosen"), and sectors chosen beside others that have no figure
//! for the measure shown (which sector, and the measures each chosen sector does have).

use super::choice::shown_indicator;
use crate::format::{sector_name, tr, tr_with};
use crate::model::{Dataset, Lang};
use crate::state::{View, ViewState};

/// The trends view chose another measure after a filter change.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureSwitch {
    pub from: String,
    pub to: String,
    /// How many sectors are chosen now (0: all ten, the change was to places or years).
    pub n_sectors: usize,
    /// Whether `from` still has figures for the new selection: the view then switched because
    /// another measure suits it better (a sector's size in yuan, a denser series), not for want
    /// of figures, and the notice must not say "has no figures".
    pub from_still_drawn: bool,
}

impl MeasureSwitch {
    pub fn message(&self, dataset: &Dataset, lang: Lang) -> String {
        let label = |id: &str| dataset.indicator(id).map_or_else(|| id.to_string(), |i| i.label(lang).to_string());
        if self.from_still_drawn {
            return tr_with(lang, "trends.switched_preferred", &[("to", &label(&self.to)), ("from", &label(&self.from))]);
        }
        let (key, n) = match self.n_sectors {
            0 => ("trends.switched_selection", String::new()),
            1 => ("trends.switched_sector", String::new()),
            n => ("trends.switched_sectors", n.to_string()),
        };
        tr_with(lang, key, &[("to", &label(&self.to)), ("from", &label(&self.from)), ("n", &n)])
    }
}

/// When the reader changed the filters of the trends view (not its measure) and the measure the
/// view chose for them changed with it. Never for a link that names its indicator: that one stays,
/// or `choice::shown_indicator`'s notice says it could not.
pub fn measure_switch(dataset: &Dataset, before: &ViewState, after: &ViewState) -> Option<MeasureSwitch> {
    if before.view != View::Trends || after.view != View::Trends || after.indicator.is_some() || before.indicator.is_some() {
        return None;
    }
    let from = shown_indicator(dataset, before).indicator?;
    let to = shown_indicator(dataset, after).indicator?;
    if from == to {
        return None;
    }
    let from_still_drawn = !super::drawable(dataset, after, Some(&from)).is_empty();
    Some(MeasureSwitch { from, to, n_sectors: after.sectors.len(), from_still_drawn })
}

/// Sectors chosen on trends that the measure shown has no figure for.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorGap {
    pub indicator: String,
    /// Chosen sectors without a figure of `indicator` for the places and years chosen.
    pub missing: Vec<String>,
    /// Every chosen sector with the measures it has figures for (in the places chosen), so the
    /// reader can pick one, or compare them side by side in the sectors view.
    pub measures: Vec<(String, Vec<String>)>,
}

impl SectorGap {
    pub fn message(&self, dataset: &Dataset, lang: Lang) -> String {
        let names: Vec<String> = self.missing.iter().map(|s| sector_name(dataset, Some(s), lang)).collect();
        let label = |id: &str| dataset.indicator(id).map_or_else(|| id.to_string(), |i| i.label(lang).to_string());
        let key = if self.missing.len() == 1 { "trends.sector_gap_one" } else { "trends.sector_gap" };
        tr_with(lang, key, &[("sectors", &names.join(&tr(lang, "trends.list_and"))), ("indicator", &label(&self.indicator))])
    }

    /// "Artificial intelligence: Industry output value, Industry scale" for each chosen sector.
    pub fn measure_lines(&self, dataset: &Dataset, lang: Lang) -> Vec<String> {
        let label = |id: &String| dataset.indicator(id).map_or_else(|| id.clone(), |i| i.label(lang).to_string());
        self.measures
            .iter()
            .map(|(sector, measures)| {
                let list = if measures.is_empty() { tr(lang, "trends.no_measure") } else { measures.iter().map(label).collect::<Vec<_>>().join(", ") };
                format!("{}: {list}", sector_name(dataset, Some(sector), lang))
            })
            .collect()
    }
}

/// For trends with two to nine sectors chosen: the chosen sectors the shown measure has no figure
/// for. `None` when every chosen sector has one (or one sector, or all ten, are chosen).
pub fn sector_gap(dataset: &Dataset, state: &ViewState) -> Option<SectorGap> {
    if state.view != View::Trends || state.sectors.len() < 2 {
        return None;
    }
    let indicator = shown_indicator(dataset, state).indicator?;
    let span = state.time_span(dataset);
    let regions = state.region_ids();
    let in_view = |o: &&crate::model::Observation| regions.contains(&o.region.as_str()) && span.contains(o.year) && !o.is_part_year();
    let has = |sector: &str, indicator: &str| dataset.observations.iter().filter(in_view).any(|o| o.sector.as_deref() == Some(sector) && o.indicator == indicator);
    let missing: Vec<String> = state.sectors.iter().filter(|s| !has(s, &indicator)).cloned().collect();
    if missing.is_empty() {
        return None;
    }
    let measures = state
        .sectors
        .iter()
        .map(|sector| (sector.clone(), dataset.indicators.iter().filter(|i| has(sector, &i.id)).map(|i| i.id.clone()).collect()))
        .collect();
    Some(SectorGap { indicator, missing, measures })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse;

    #[test]
    fn unticking_a_sector_that_changes_the_measure_says_so() {
        let dataset = crate::fixtures::real();
        let before = parse("view=trends", dataset).state;
        let nine: Vec<&str> = dataset.sectors.iter().map(|s| s.id.as_str()).filter(|s| *s != "artificial_intelligence").collect();
        let after = parse(&format!("view=trends&sector={}", nine.join(",")), dataset).state;
        let switch = measure_switch(dataset, &before, &after).expect("the measure changed");
        assert_ne!(switch.from, switch.to);
        let message = switch.message(dataset, Lang::En);
        let from = dataset.indicator(&switch.from).unwrap().label_en.clone();
        let to = dataset.indicator(&switch.to).unwrap().label_en.clone();
        assert_eq!(message, format!("Showing {to}: {from} has no figures for the 9 sectors chosen."));
        // Nothing to say when the measure stays, or the link names its own.
        assert!(measure_switch(dataset, &before, &before).is_none());
        let named = parse("view=trends&indicator=gdp", dataset).state;
        assert!(measure_switch(dataset, &named, &after).is_none());
    }

    #[test]
    fn a_switch_to_a_better_suited_measure_does_not_claim_the_old_one_has_no_figures() {
        let dataset = crate::fixtures::real();
        // IC with next-gen IT: the cluster floors; IC alone: its design sales in yuan, though
        // the floors still have figures for IC.
        let before = parse("view=trends&sector=integrated_circuits,next_gen_it", dataset).state;
        let after = parse("view=trends&sector=integrated_circuits", dataset).state;
        let switch = measure_switch(dataset, &before, &after).expect("the measure changed");
        assert!(switch.from_still_drawn, "{switch:?}");
        let from = dataset.indicator(&switch.from).unwrap();
        let to = dataset.indicator(&switch.to).unwrap();
        let en = switch.message(dataset, Lang::En);
        assert!(!en.contains("has no figures"), "{en}");
        assert_eq!(en, format!("Showing {}, the measure that suits this choice best; {} still has figures here: pick it under Indicator.", to.label_en, from.label_en));
        let zh = switch.message(dataset, Lang::Zh);
        assert!(!zh.contains("没有") && zh.contains("仍有数字"), "{zh}");
    }

    #[test]
    fn one_sector_opens_trends_on_its_size_in_yuan() {
        let dataset = crate::fixtures::real();
        let state = parse("view=trends&sector=artificial_intelligence", dataset).state;
        let shown = shown_indicator(dataset, &state).indicator.expect("a measure");
        assert!(["industry_output", "industry_scale", "core_industry_scale"].contains(&shown.as_str()), "{shown}");
        let ic = shown_indicator(dataset, &parse("view=trends&sector=integrated_circuits", dataset).state).indicator.expect("a measure");
        let unit = dataset.observations.iter().find(|o| o.indicator == ic && o.sector.as_deref() == Some("integrated_circuits")).map(|o| o.unit);
        assert!(unit.and_then(|u| u.yuan_scale()).is_some(), "{ic}: {unit:?}");
    }

    #[test]
    fn comparing_sectors_without_a_shared_measure_names_the_missing_one_and_each_ones_measures() {
        let dataset = crate::fixtures::real();
        let state = parse("view=trends&indicator=industry_output&sector=integrated_circuits,artificial_intelligence", dataset).state;
        let gap = sector_gap(dataset, &state).expect("IC has no industry output figure");
        assert_eq!(gap.missing, ["integrated_circuits"]);
        let message = gap.message(dataset, Lang::En);
        assert!(message.starts_with("Integrated circuits has no figures for Industry output value"), "{message}");
        let lines = gap.measure_lines(dataset, Lang::En);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().any(|l| l.starts_with("Artificial intelligence: ") && l.contains("Industry output value")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("Integrated circuits: ") && l.contains("Industry revenue")), "{lines:?}");
        assert!(sector_gap(dataset, &parse("view=trends&indicator=industry_output&sector=artificial_intelligence", dataset).state).is_none());
    }
}
