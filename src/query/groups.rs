//! The indicator list in groups a reader scans: the economy, R&D and patents, the industries,
//! and figures published only for places (districts, zones); each group in alphabetical order of
//! the reader's language.

use super::choice::IndicatorOption;
use crate::model::{Dataset, Lang, BEIJING};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IndicatorGroup {
    Economy,
    Research,
    Industries,
    Places,
}

impl IndicatorGroup {
    pub fn label_key(self) -> &'static str {
        match self {
            IndicatorGroup::Economy => "filter.group_economy",
            IndicatorGroup::Research => "filter.group_research",
            IndicatorGroup::Industries => "filter.group_industries",
            IndicatorGroup::Places => "filter.group_places",
        }
    }
}

/// Words of an indicator id that make it about research, patents and technology markets.
const RESEARCH: [&str; 7] = ["rd_", "patent", "tech_contract", "innovation", "academicians", "institutes", "sci_infrastructure"];
/// Words of an indicator id that make it about industries, where no figure names a sector.
const INDUSTRY: [&str; 14] = [
    "hpce", "high_tech", "hitech", "strategic_emerging", "digital", "new_economy", "clusters", "industrial", "manufactur",
    "new_tech", "specialized", "industries", "info_finance", "enterprises",
];

/// Which group an indicator belongs to: R&D and patents by its name; the industries when a figure
/// names a sector or its name says so; the places when no figure is for the city as a whole;
/// else the economy.
pub fn indicator_group(dataset: &Dataset, id: &str) -> IndicatorGroup {
    let rows = || dataset.observations.iter().filter(|o| o.indicator == id);
    group_of(id, rows().any(|o| o.sector.is_some()), rows().any(|o| o.region == BEIJING))
}

/// `indicator_group` from what its figures say: whether one names a sector, whether one is for
/// the city.
fn group_of(id: &str, names_a_sector: bool, for_the_city: bool) -> IndicatorGroup {
    let has = |words: &[&str]| words.iter().any(|w| id.contains(w));
    if has(&RESEARCH) {
        IndicatorGroup::Research
    } else if names_a_sector || has(&INDUSTRY) {
        IndicatorGroup::Industries
    } else if !for_the_city {
        IndicatorGroup::Places
    } else {
        IndicatorGroup::Economy
    }
}

/// Every indicator's group (`indicator_group`), decided in one pass over the figures: the list is
/// regrouped at every filter change, and deciding each group anew read all the figures per
/// indicator (issue 26's filter click).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorGroups(BTreeMap<String, IndicatorGroup>);

impl IndicatorGroups {
    pub fn new(dataset: &Dataset) -> IndicatorGroups {
        // Per indicator: whether a figure names a sector, whether one is for the city.
        let mut seen: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
        for o in &dataset.observations {
            let entry = seen.entry(o.indicator.as_str()).or_default();
            entry.0 |= o.sector.is_some();
            entry.1 |= o.region == BEIJING;
        }
        let groups = dataset.indicators.iter().map(|i| {
            let (sector, city) = seen.get(i.id.as_str()).copied().unwrap_or_default();
            (i.id.clone(), group_of(&i.id, sector, city))
        });
        IndicatorGroups(groups.collect())
    }

    /// The group of `id`; one the dataset does not list is decided from its figures.
    pub fn of(&self, dataset: &Dataset, id: &str) -> IndicatorGroup {
        self.0.get(id).copied().unwrap_or_else(|| indicator_group(dataset, id))
    }
}

/// The options in their groups (`known`, decided once: `IndicatorGroups`), in the groups' order,
/// each sorted by its name in `lang`; empty groups are left out.
pub fn grouped_options(
    known: &IndicatorGroups,
    dataset: &Dataset,
    options: Vec<IndicatorOption>,
    lang: Lang,
) -> Vec<(IndicatorGroup, Vec<IndicatorOption>)> {
    let name = |id: &str| dataset.indicator(id).map_or_else(|| id.to_string(), |i| i.label(lang).to_lowercase());
    let mut groups: Vec<(IndicatorGroup, Vec<IndicatorOption>)> = Vec::new();
    for option in options {
        let group = known.of(dataset, &option.id);
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, list)) => list.push(option),
            None => groups.push((group, vec![option])),
        }
    }
    crate::model::order::sort_by_key(&mut groups, |(g, _)| *g);
    for (_, list) in &mut groups {
        crate::model::order::sort_by_cached_key(list, |o| name(&o.id));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indicator_list_is_grouped_and_sorted() {
        let dataset = crate::fixtures::real();
        assert_eq!(indicator_group(dataset, "gdp"), IndicatorGroup::Economy);
        assert_eq!(indicator_group(dataset, "rd_intensity"), IndicatorGroup::Research);
        assert_eq!(indicator_group(dataset, "invention_patents_per_10k"), IndicatorGroup::Research);
        assert_eq!(indicator_group(dataset, "industry_revenue"), IndicatorGroup::Industries);
        assert_eq!(indicator_group(dataset, "hpce_share_gdp"), IndicatorGroup::Industries);
        assert_eq!(indicator_group(dataset, "zgc_total_revenue"), IndicatorGroup::Places);
        let options: Vec<IndicatorOption> = dataset.indicators.iter().map(|i| IndicatorOption { id: i.id.clone(), n_figures: i.n_observations }).collect();
        let n = options.len();
        let groups = grouped_options(&IndicatorGroups::default(), dataset, options.clone(), Lang::En);
        assert_eq!(grouped_options(&IndicatorGroups::new(dataset), dataset, options, Lang::En), groups, "decided once, grouped alike");
        let once = IndicatorGroups::new(dataset);
        for indicator in &dataset.indicators {
            assert_eq!(once.of(dataset, &indicator.id), indicator_group(dataset, &indicator.id), "{}", indicator.id);
        }
        assert_eq!(groups.iter().map(|(g, _)| *g).collect::<Vec<_>>(), [IndicatorGroup::Economy, IndicatorGroup::Research, IndicatorGroup::Industries, IndicatorGroup::Places]);
        assert_eq!(groups.iter().map(|(_, l)| l.len()).sum::<usize>(), n, "every indicator once");
        for (_, list) in &groups {
            let names: Vec<String> = list.iter().map(|o| dataset.indicator(&o.id).unwrap().label_en.to_lowercase()).collect();
            assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        }
    }
}
