//! The guided tour: a short story of Beijing's high-tech industries told in steps, each one a
//! state of the real views. Pure data and lookups; the words live in locales/app.yml
//! (`tour.<step>.title`, `tour.<step>.text`), where `{observation-id}` marks a figure that the
//! page fills in from the dataset, so no number is typed into prose.

use crate::model::{Dataset, Lang};
use crate::state::{Scale, TimeSpan, View, ViewState, TOUR_STEPS};
use crate::format::tr;

/// One step: which view it drives, with which filters, and what it cites.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// A stable slug: the locale keys and the e2e tests use it.
    pub id: &'static str,
    /// The explorer view the step shows (trends, sectors or map).
    pub view: View,
    pub indicator: &'static str,
    pub sectors: &'static [&'static str],
    pub region: Option<&'static str>,
    pub time: Option<(u16, u16)>,
    /// Observations the step cites besides those its text names, listed under the text.
    pub figures: &'static [&'static str],
    /// Zones the map step marks.
    pub zones: &'static [&'static str],
    /// Dated facts shown beside the step.
    pub facts: &'static [&'static str],
}

pub const STEPS: [Step; TOUR_STEPS] = [
    Step {
        id: "ten-industries",
        view: View::Trends,
        indicator: "hpce_share_gdp",
        sectors: &[],
        region: None,
        time: None,
        figures: &["seed-high-tech-share-2021"],
        zones: &[],
        facts: &["fact-2017-12-26-ten-industries", "fact-2018-hpce-catalogue", "fact-2021-08-hpce-plan"],
    },
    Step {
        id: "clusters",
        view: View::Sectors,
        indicator: "cluster_scale_threshold",
        sectors: &[],
        region: None,
        time: Some((2022, 2022)),
        figures: &[
            "seed-cluster-100bn-intelligent_equipment",
            "seed-cluster-100bn-artificial_intelligence",
            "seed-cluster-100bn-energy_saving_env",
            "seed-cluster-100bn-integrated_circuits",
            "seed-trillion-clusters-count-001",
            "seed-hundred-billion-clusters-count-001",
            "seed-cluster-trillion-next_gen_it-001",
            "seed-cluster-trillion-sci_tech_services-001",
            "seed-cluster-100bn-medicine_health-001",
        ],
        zones: &[],
        facts: &["fact-2023-10-13-clusters", "fact-2022-02-28-hpce-report"],
    },
    Step {
        id: "clusters-today",
        view: View::Sectors,
        indicator: "cluster_scale_threshold",
        sectors: &[],
        region: None,
        time: Some((2023, 2023)),
        figures: &["sec-cluster-3tn-next_gen_it-2023", "trillion-clusters-target-2025"],
        zones: &[],
        facts: &["fact-2024-medicine-trillion", "fact-2026-01-25-15th-plan-draft"],
    },
    Step {
        id: "districts",
        view: View::Map,
        indicator: "gdp",
        sectors: &[],
        region: Some("haidian"),
        time: Some((2022, 2022)),
        figures: &["geo-haidian-gdp-2022"],
        zones: &[],
        facts: &["fact-2023-haidian-trillion", "fact-2014-non-capital-functions"],
    },
    Step {
        id: "three-cities",
        view: View::Map,
        indicator: "gdp",
        sectors: &[],
        region: None,
        time: Some((2022, 2022)),
        figures: &["zgc-patents-per-10k-2022"],
        zones: &["zgc_science_city", "huairou_science_city", "future_science_city", "bda"],
        facts: &["fact-2021-12-three-cities-one-zone", "fact-2021-12-zgc-showpiece", "fact-2020-12-xia-haihong-accelerator"],
    },
    Step {
        id: "research",
        view: View::Trends,
        indicator: "rd_intensity",
        sectors: &[],
        region: None,
        time: None,
        figures: &["beijing-rd-intensity-2013", "beijing-rd-intensity-2013-census"],
        zones: &[],
        facts: &["fact-2021-11-24-guideline", "fact-2021-12-linked-strategies"],
    },
    Step {
        id: "ideas-to-market",
        view: View::Trends,
        indicator: "tech_contract_turnover",
        sectors: &[],
        region: None,
        time: None,
        figures: &["beijing-high-tech-enterprises-2023"],
        zones: &[],
        facts: &["fact-2021-03-15-innovation-measures"],
    },
    Step {
        id: "ecosystem",
        view: View::Trends,
        indicator: "innovation_ecosystem_index",
        sectors: &[],
        region: None,
        time: None,
        figures: &[],
        zones: &[],
        facts: &["fact-2023-10-12-ecosystem-index", "fact-2024-04-hitech-index-report", "fact-2021-12-xu-qiang-breakthroughs"],
    },
    Step {
        id: "opening-up",
        view: View::Map,
        indicator: "gdp",
        sectors: &[],
        region: Some("bda"),
        time: Some((2022, 2022)),
        figures: &["seed-fie-new-growth-2021jf", "seed-contractual-fdi-growth-2021jf", "seed-fdi-sci-services-growth-2021jf"],
        zones: &["ftz_sci_tech_area", "ftz_intl_business_area", "ftz_high_end_industry_area", "bda"],
        facts: &["fact-2020-09-24-ftz", "fact-2021-two-zones-projects", "fact-2021-03-two-zones-value-chain", "fact-2021-03-liu-meiying-opening-up"],
    },
    Step {
        id: "digital",
        view: View::Trends,
        indicator: "digital_economy_share_gdp",
        sectors: &[],
        region: None,
        time: None,
        figures: &[],
        zones: &[],
        facts: &["fact-2021-03-pan-feng-digital-economy"],
    },
    Step {
        id: "chips",
        view: View::Trends,
        indicator: "industry_revenue",
        sectors: &["integrated_circuits"],
        region: None,
        time: None,
        figures: &["sec-ic-chain-revenue-national-share-2024"],
        zones: &[],
        facts: &["fact-2023-12-04-chip-list"],
    },
];

/// The step a 1-based tour position names; out of range gives the first.
pub fn step(position: u8) -> &'static Step {
    STEPS.get(usize::from(position).wrapping_sub(1)).unwrap_or(&STEPS[0])
}

impl Step {
    pub fn title(&self, lang: Lang) -> String {
        tr(lang, &format!("tour.{}.title", self.id))
    }

    /// The step's paragraph as text and figures, in the page's language.
    pub fn text(&self, lang: Lang) -> Vec<Segment> {
        segments(&tr(lang, &format!("tour.{}.text", self.id)))
    }

    /// The explorer state the step shows; "Explore from here" opens it.
    pub fn state(&self, lang: Lang, embed: bool, dataset: &Dataset) -> ViewState {
        ViewState {
            view: self.view,
            step: None,
            indicator: Some(self.indicator.to_string()),
            sectors: self.sectors.iter().map(|s| s.to_string()).collect(),
            regions: self.region.map(str::to_string).into_iter().collect(),
            time: self.time.map(|(from, to)| TimeSpan::new(from, to)),
            scale: Scale::Values,
            figure: None,
            lang,
            embed,
        }
        .canonical(dataset)
    }

    /// Every observation the step cites: those its text names (in either language), then its list.
    pub fn cited(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let named = [Lang::En, Lang::Zh].into_iter().flat_map(|lang| self.text(lang)).filter_map(|segment| match segment {
            Segment::Figure(id) => Some(id),
            Segment::Text(_) => None,
        });
        for id in named.chain(self.figures.iter().map(|id| id.to_string())) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// The cited observations and every other source of the same points, and the step's zones:
    /// what its chart marks.
    pub fn marked(&self, dataset: &Dataset) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for id in self.cited() {
            if let Some(observation) = dataset.observation(&id) {
                ids.extend(dataset.same_point(observation).into_iter().map(|o| o.id.clone()));
            }
            ids.push(id);
        }
        ids.extend(self.zones.iter().map(|z| z.to_string()));
        ids
    }
}

/// A piece of a step's paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// An observation id: the page shows its value as a button to its source.
    Figure(String),
}

/// Splits `text {an-id} more` into text and figures; an unclosed brace stays text.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            out.push(Segment::Text(rest[..open].to_string()));
        }
        out.push(Segment::Figure(rest[open + 1..close].to_string()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest.to_string()));
    }
    out
}

#[cfg(test)]
mod tests;
