//! The overview's headline figures: the latest value of a few key series, with the plan's target.

use super::series::{series, year_axis, Series};
use super::{filter, latest_as_of, Filter};
use crate::format::{self, period_label, tr, tr_with};
use crate::model::{Dataset, Lang, Observation};
use crate::state::TimeSpan;

/// Which series a card shows. Economy-wide figures for the city unless it says otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardSpec {
    pub indicator: &'static str,
    pub sector: Option<&'static str>,
    pub region: &'static str,
}

const fn city(indicator: &'static str) -> CardSpec {
    CardSpec { indicator, sector: None, region: "beijing" }
}

/// The headline figures, in reading order: the industries' weight, the innovation behind them,
/// the clusters, and the wider economy.
pub const CARD_SPECS: [CardSpec; 10] = [
    city("hpce_share_gdp"),
    city("rd_intensity"),
    city("trillion_yuan_clusters"),
    city("hundred_billion_clusters"),
    city("innovation_ecosystem_index"),
    city("tech_contract_turnover"),
    city("unicorns"),
    city("digital_economy_share_gdp"),
    city("new_tech_enterprises_per_day"),
    city("gdp"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct Card<'d> {
    pub spec: CardSpec,
    /// The latest figure at or before the chosen year; `None` if the data has none yet.
    pub latest: Option<&'d Observation>,
    /// The years and values behind the sparkline (gaps kept).
    pub sparkline: Option<(Vec<u16>, Series)>,
    /// The plan's target for the nearest year at or after the latest figure.
    pub target: Option<&'d Observation>,
}

/// What a card says in one language: the words ui::overview draws, and the build writes into
/// index.html's shell (`crate::shell`), so the two cannot differ.
#[derive(Debug, Clone, PartialEq)]
pub struct CardWords {
    /// The indicator's label.
    pub title: String,
    /// The latest figure's words, or `None`: the card says there is no figure yet.
    pub figure: Option<FigureWords>,
    /// "No figure yet", for a card without one.
    pub gap: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FigureWords {
    /// The value with its unit ("6.58% of GDP").
    pub value: String,
    /// Its period and kind ("2024 · Reported").
    pub meta: String,
    /// The plan's target beside it ("Target 2025: …"), if there is one.
    pub target: Option<String>,
    /// The source button's words and its accessible name.
    pub source: String,
    pub source_label: String,
}

pub fn card_words(dataset: &Dataset, card: &Card<'_>, lang: Lang) -> CardWords {
    let title = dataset.indicator(card.spec.indicator).map_or_else(String::new, |i| i.label(lang).to_string());
    let figure = card.latest.map(|latest| FigureWords {
        value: format::figure(latest, lang),
        meta: format!("{} · {}", period_label(latest, lang), format::kind(latest.kind, lang)),
        target: card.target.map(|t| format!("{} {}: {}", tr(lang, "kind.target"), period_label(t, lang), format::figure(t, lang))),
        source: tr(lang, "ui.source"),
        source_label: tr_with(lang, "ui.source_of_title", &[("title", &title)]),
    });
    CardWords { gap: tr(lang, "overview.no_figure_yet"), title, figure }
}

/// One of the overview's industries, as the app and index.html's shell (`crate::shell`) list it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryWords<'d> {
    pub id: &'d str,
    /// The chip's colour.
    pub color: &'d str,
    pub name: &'d str,
    pub description: &'d str,
}

/// The overview's list of industries in `lang`, in the dataset's order.
pub fn industry_words(dataset: &Dataset, lang: Lang) -> Vec<IndustryWords<'_>> {
    dataset
        .sectors
        .iter()
        .map(|sector| IndustryWords { id: &sector.id, color: &sector.color, name: sector.name(lang), description: sector.description(lang) })
        .collect()
}

/// Cards as of the end of `time`: a reader who narrows the years sees the figures of that time.
pub fn headline_cards(dataset: &Dataset, time: TimeSpan) -> Vec<Card<'_>> {
    CARD_SPECS
        .iter()
        .filter(|spec| dataset.indicator(spec.indicator).is_some())
        .map(|spec| {
            let rows = filter(
                dataset,
                &Filter {
                    indicator: Some(spec.indicator.to_string()),
                    sectors: spec.sector.map(|s| vec![s.to_string()]),
                    regions: Some(vec![spec.region.to_string()]),
                    ..Filter::default()
                },
            );
            let rows: Vec<&Observation> = rows.into_iter().filter(|o| o.sector.as_deref() == spec.sector).collect();
            let latest = latest_as_of(dataset, &rows, time.to);
            let outcomes: Vec<&Observation> =
                rows.iter().copied().filter(|o| o.kind.is_outcome() && time.contains(o.year)).collect();
            let years = year_axis(&outcomes, time);
            let sparkline = series(dataset, &outcomes, &years)
                .into_iter()
                .next()
                .filter(|s| s.values.iter().flatten().count() >= 2)
                .map(|s| (years.clone(), s));
            let target = super::nearest_target(dataset, &rows, latest.map_or(0, |o| o.year));
            Card { spec: *spec, latest, sparkline, target }
        })
        .collect()
}
