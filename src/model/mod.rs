//! The dataset: typed observations, sectors, zones, facts and their sources.
//!
//! Owns the shape of `data/` and its honest loading: `load` never fails, a bad line becomes a
//! `LoadIssue` naming file and line and is skipped. Knows nothing of the browser, the URL or charts.

mod load;
pub mod open_data;
pub mod order;
mod period;
mod regions;

pub use load::{load, load_with_texts, validate_quote, LoadIssue, RawFiles};
pub use period::Period;
pub use regions::{District, DISTRICTS};

use serde::{Deserialize, Serialize};

pub type ObsId = String;
pub type IndicatorId = String;
pub type SectorId = String;
pub type RegionId = String;

/// Index of a `Source` in `Dataset::sources`.
pub type SourceIdx = usize;

/// The region every figure falls back to: the city as a whole.
pub const BEIJING: &str = "beijing";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Km2,
    #[serde(rename = "100m_yuan")]
    HundredMillionYuan,
    BnYuan,
    TnYuan,
    Pct,
    PctOfGdp,
    PctPoints,
    Count,
    #[serde(rename = "per_10k_people")]
    Per10kPeople,
    BnUsd,
    #[serde(rename = "usd_100m")]
    HundredMillionUsd,
    Index,
    Times,
    Rank,
}

impl Unit {
    /// The unit's id as the dataset writes it (`100m_yuan`, `pct_of_gdp`): the CSV's unit column.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Km2 => "km2",
            Unit::HundredMillionYuan => "100m_yuan",
            Unit::BnYuan => "bn_yuan",
            Unit::TnYuan => "tn_yuan",
            Unit::Pct => "pct",
            Unit::PctOfGdp => "pct_of_gdp",
            Unit::PctPoints => "pct_points",
            Unit::Count => "count",
            Unit::Per10kPeople => "per_10k_people",
            Unit::BnUsd => "bn_usd",
            Unit::HundredMillionUsd => "usd_100m",
            Unit::Index => "index",
            Unit::Times => "times",
            Unit::Rank => "rank",
        }
    }

    /// Yuan per published unit, for units that are amounts of yuan. Used only to put figures
    /// published in 亿元 and in billion yuan on one axis; the published value is always kept.
    pub fn yuan_scale(self) -> Option<f64> {
        match self {
            Unit::HundredMillionYuan => Some(1e8),
            Unit::BnYuan => Some(1e9),
            Unit::TnYuan => Some(1e12),
            _ => None,
        }
    }

    /// Units that can share one axis: yuan amounts with each other, everything else only with itself.
    pub fn family(self) -> Unit {
        if self.yuan_scale().is_some() {
            Unit::HundredMillionYuan
        } else if matches!(self, Unit::PctOfGdp) {
            Unit::Pct
        } else {
            self
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Actual,
    Target,
    GrowthRate,
    Share,
    Rank,
    Derived,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Actual, Kind::Share, Kind::Derived, Kind::GrowthRate, Kind::Target, Kind::Rank];

    /// A figure about what happened, as opposed to a plan: targets are drawn apart from lines.
    pub fn is_outcome(self) -> bool {
        self != Kind::Target
    }

    pub fn id(self) -> &'static str {
        match self {
            Kind::Actual => "actual",
            Kind::Target => "target",
            Kind::GrowthRate => "growth_rate",
            Kind::Share => "share",
            Kind::Rank => "rank",
            Kind::Derived => "derived",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Official,
    Media,
    ThirdParty,
}

impl Confidence {
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Official => "official",
            Confidence::Media => "media",
            Confidence::ThirdParty => "third_party",
        }
    }
}

/// One published figure, exactly as its source gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub id: ObsId,
    pub indicator: IndicatorId,
    pub label_en: String,
    pub label_zh: String,
    /// `None` for the whole economy (`"all"` in the data).
    pub sector: Option<SectorId>,
    pub region: RegionId,
    pub year: u16,
    /// The year itself, a span like `2021-2025`, months like `2023-01/2023-06`, … (`Period`).
    pub period: Period,
    pub value: f64,
    pub unit: Unit,
    pub kind: Kind,
    pub source: SourceIdx,
    /// Preliminary or final, where the source says which (`revision` in the data). The note
    /// and the quote are in `Texts`, fetched when first needed.
    pub revision: Option<Revision>,
    /// The quote gives the figure in another language than its own (Chinese): a translation
    /// or a foreign report, listed after the sources in the figure's own language.
    pub translated: bool,
}

impl Observation {
    /// Part-year figures (`2023-01/2023-06`) are never drawn on a line with full years.
    pub fn is_part_year(&self) -> bool {
        self.period.is_part_year()
    }

    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Zh => &self.label_zh,
        }
    }

    /// When the period the figure covers ends, as (year, month): a full year or a span ends in
    /// December of `year`, `2025-01/2025-07` in July, a stock as of `2024-10` in October. The
    /// latest figure is the one ending last.
    pub fn ends(&self) -> (u16, u8) {
        let month = match self.period {
            Period::Months { to: (_, month), .. } | Period::AsOf { month, .. } => month,
            _ => 12,
        };
        (self.year, month)
    }

    /// Decimals the value was published with (`2.49` → 2, `24899.3` → 1, `3` → 0).
    pub fn decimals(&self) -> u32 {
        decimals(self.value)
    }

    /// The smallest step the published value can tell apart, in yuan for yuan amounts, else in
    /// the unit itself: a coarser line has the larger step.
    fn precision_step(&self) -> f64 {
        10f64.powi(-(self.decimals() as i32)) * self.unit.yuan_scale().unwrap_or(1.0)
    }

    pub fn revision(&self) -> Option<Revision> {
        self.revision
    }
}

/// The most decimals a published value is read with: more would be float noise, not a figure.
const MAX_DECIMALS: u32 = 6;

/// Decimal places of a published value as written (`2.49` → 2, `3000` → 0), at most six: the
/// one reading of a value's precision, for matching sources and for derived arithmetic.
pub fn decimals(value: f64) -> u32 {
    let text = format!("{}", value.abs());
    text.split_once('.').map_or(0, |(_, frac)| u32::try_from(frac.len()).unwrap_or(MAX_DECIMALS).min(MAX_DECIMALS))
}

/// `1234567.891` → `1,234,567.891`: digits grouped by thousands before the point, the rest as
/// written (no sign; callers add it). The one grouping, for quotes (`4,376.07`) and display.
pub fn group_thousands(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').map_or((plain, None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(*digit);
    }
    match frac {
        Some(frac) => format!("{grouped}.{frac}"),
        None => grouped,
    }
}

/// `"Name (A, B)"` → `("Name", ["A", "B"])`: a name and the aliases in its brackets, for ASCII
/// and full-width brackets, commas and `、`, quotes trimmed (`("China Pharmaceutical Valley")`).
pub fn split_aliases(name: &str) -> (&str, Vec<&str>) {
    let Some(open) = name.find(['(', '（']) else { return (name.trim(), Vec::new()) };
    let main = name[..open].trim();
    let inner = name[open..].trim_start_matches(['(', '（']);
    let inner = inner.split([')', '）']).next().unwrap_or_default();
    let aliases = inner.split([',', '，', '、']).map(|a| a.trim().trim_matches(['"', '“', '”'])).filter(|a| !a.is_empty()).collect();
    (main, aliases)
}

/// A figure's standing as its source states it: a first estimate (初步核算, "preliminary") or the
/// final (revised) figure. An explicit field of the data, set only where the source says so; never
/// read from a note's free text, where "mix preliminary and revised data" or "revised up from the
/// preliminary 6.1%" would mislabel the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Revision {
    Preliminary,
    Final,
}

impl Revision {
    pub fn id(self) -> &'static str {
        match self {
            Revision::Preliminary => "preliminary",
            Revision::Final => "final",
        }
    }
}

/// Indicators whose figures are floors ("at least"): a cluster's scale passed a level. A floor is
/// marked "≥" wherever it is drawn, and of a year's floors only the highest is drawn.
pub const FLOOR_INDICATORS: [&str; 1] = ["cluster_scale_threshold"];

/// Whether a figure is a floor ("at least": the cluster passed it), not a size.
pub fn is_floor(observation: &Observation) -> bool {
    FLOOR_INDICATORS.contains(&observation.indicator.as_str())
}

/// Whether two lines state the same figure: same indicator, sector, region, year, period and
/// kind, and the same value as far as the coarser line's published precision goes (2.49 tn yuan
/// and 24,899.3 亿元; 4.38 tn and 4,376.07 bn). The finer value is put in the coarser line's unit
/// and rounded to its decimals, then compared.
pub fn same_figure(a: &Observation, b: &Observation) -> bool {
    let same_place = a.indicator == b.indicator
        && a.sector == b.sector
        && a.region == b.region
        && a.year == b.year
        && a.period == b.period
        && a.kind == b.kind
        && a.unit.family() == b.unit.family();
    if !same_place {
        return false;
    }
    let (coarse, fine) = if a.precision_step() >= b.precision_step() { (a, b) } else { (b, a) };
    let scale = |o: &Observation| o.unit.yuan_scale().unwrap_or(1.0);
    let in_coarse_unit = fine.value * scale(fine) / scale(coarse);
    let factor = 10f64.powi(coarse.decimals() as i32);
    let rounded = (in_coarse_unit * factor).round() / factor;
    (rounded - coarse.value).abs() <= 1e-9 * coarse.value.abs().max(1.0)
}

/// How good a source of a figure is, best first: an official source (in any language), then the
/// figure's own language (Chinese) before a translation, then media before a repost.
pub fn source_rank(dataset: &Dataset, observation: &Observation) -> (bool, bool, Confidence) {
    let confidence = dataset.source_of(observation).confidence;
    (confidence != Confidence::Official, observation.translated, confidence)
}

/// A page that backs figures; observations citing the same URL share one. Its title is in
/// `Texts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub url: String,
    pub publisher: String,
    pub published: String,
    pub confidence: Confidence,
    pub n_figures: usize,
}

impl Source {
    pub fn is_web_link(&self) -> bool {
        is_web_link(&self.url)
    }
}

/// Whether a source URL is a page to open; `seed:<file>` marks a figure or zone known only from
/// a source article's text.
pub fn is_web_link(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// One of the ten industries. The quote of its definition is in `Texts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: SectorId,
    pub name_en: String,
    pub name_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub color: String,
    pub source_url: String,
}

impl Sector {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Zh => &self.name_zh,
        }
    }

    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.description_en,
            Lang::Zh => &self.description_zh,
        }
    }
}

/// What readers type for a sector or place besides its names ("chips" for integrated circuits,
/// "经开区" for E-Town), from `data/search_terms.json`: the search's synonyms, kept as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchTerms {
    /// A sector, district or zone id.
    pub id: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
}

/// A science city, park or zone. Its quote is in `Texts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: RegionId,
    pub name_en: String,
    pub name_zh: String,
    pub kind: String,
    pub district: String,
    pub lon: f64,
    pub lat: f64,
    pub coord_basis: String,
    pub sectors: Vec<SectorId>,
    pub description_en: String,
    pub description_zh: String,
    pub source_url: String,
}

impl Zone {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Zh => &self.name_zh,
        }
    }

    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.description_en,
            Lang::Zh => &self.description_zh,
        }
    }

    /// The name a map label can carry: a long official name's common short form, the first
    /// alias in its brackets ("… (E-Town, Yizhuang)" → "E-Town", "…（亦庄）" → "亦庄").
    pub fn short_name(&self, lang: Lang) -> &str {
        let name = self.name(lang);
        split_aliases(name).1.first().copied().unwrap_or(name)
    }

    pub fn is_approximate(&self) -> bool {
        self.coord_basis.starts_with("approximate")
    }

    /// The "three cities, one zone" at the heart of Beijing's innovation plan.
    pub fn is_three_cities_one_zone(&self) -> bool {
        matches!(self.id.as_str(), "zgc_science_city" | "huairou_science_city" | "future_science_city" | "bda")
    }
}

/// A dated milestone. Its quote is in `Texts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub date: String,
    pub region: RegionId,
    pub sectors: Vec<SectorId>,
    pub text_en: String,
    /// Written for the page from `text_en`; the quote stays in its source's language.
    #[serde(default)]
    pub text_zh: Option<String>,
    pub source_url: String,
    pub publisher: String,
    pub published: String,
}

/// A fact's text as the page shows it: in the reader's language where the dataset has it,
/// else in English, said so.
#[derive(Debug, Clone, PartialEq)]
pub struct FactText<'f> {
    pub text: &'f str,
    /// The `lang` attribute of the text.
    pub html_lang: &'static str,
    /// The text is in English for a Chinese reader (the dataset has no Chinese rendering).
    pub in_english: bool,
}

impl Fact {
    /// The year the fact is dated in (`date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4)?.parse().ok()
    }

    pub fn text(&self, lang: Lang) -> FactText<'_> {
        match (lang, self.text_zh.as_deref()) {
            (Lang::Zh, Some(text)) => FactText { text, html_lang: "zh-CN", in_english: false },
            (Lang::Zh, None) => FactText { text: &self.text_en, html_lang: "en", in_english: true },
            (Lang::En, _) => FactText { text: &self.text_en, html_lang: "en", in_english: false },
        }
    }
}

/// The page's language; also the language of dataset labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The page's other language: the one a name is also given in, the one the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// An indicator as the page lists it: the id and its most common label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub label_en: String,
    pub label_zh: String,
    pub n_observations: usize,
}

impl Indicator {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.label_en,
            Lang::Zh => &self.label_zh,
        }
    }
}

/// A place a figure can describe: the city, a district, a zone or an aggregate area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub id: RegionId,
    pub name_en: String,
    pub name_zh: String,
    pub level: RegionLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RegionLevel {
    City,
    District,
    Zone,
    Aggregate,
}

impl Region {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Zh => &self.name_zh,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub observations: Vec<Observation>,
    pub sources: Vec<Source>,
    pub sectors: Vec<Sector>,
    pub zones: Vec<Zone>,
    pub facts: Vec<Fact>,
    pub indicators: Vec<Indicator>,
    pub regions: Vec<Region>,
    /// Synonyms for the search, by sector or place.
    pub search_terms: Vec<SearchTerms>,
    /// Rebuilt from `observations` after loading or decoding, never stored.
    #[serde(skip)]
    by_id: Vec<usize>,
}

impl Dataset {
    pub fn observation(&self, id: &str) -> Option<&Observation> {
        self.observation_index(id).map(|i| &self.observations[i])
    }

    pub fn source_of(&self, observation: &Observation) -> &Source {
        &self.sources[observation.source]
    }

    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    pub fn sector_index(&self, id: &str) -> Option<usize> {
        self.sectors.iter().position(|s| s.id == id)
    }

    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// An observation's place in `observations` (and in `Texts`).
    pub fn observation_index(&self, id: &str) -> Option<usize> {
        let found = self.by_id.binary_search_by(|&i| self.observations[i].id.as_str().cmp(id));
        found.ok().map(|at| self.by_id[at])
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Other observations of the same indicator, sector, region, year, period and kind: sources
    /// that agree or differ with this one.
    pub fn same_point(&self, observation: &Observation) -> Vec<&Observation> {
        self.observations
            .iter()
            .filter(|o| {
                o.id != observation.id
                    && o.indicator == observation.indicator
                    && o.sector == observation.sector
                    && o.region == observation.region
                    && o.year == observation.year
                    && o.period == observation.period
                    && o.kind == observation.kind
            })
            .collect()
    }

    /// `same_point` split: the sources stating the same figure (within rounding), best
    /// confidence first, the sources that give a different one, and, for a floor, the other
    /// floors of the year (stronger or weaker, never a conflict).
    pub fn point_sources(&self, observation: &Observation) -> PointSources<'_> {
        let (mut agreeing, others): (Vec<&Observation>, Vec<&Observation>) =
            self.same_point(observation).into_iter().partition(|o| same_figure(o, observation));
        let (mut floors, mut differing): (Vec<&Observation>, Vec<&Observation>) =
            others.into_iter().partition(|o| is_floor(o) && is_floor(observation));
        let rank = |o: &&Observation| (source_rank(self, o), std::cmp::Reverse(o.decimals()), o.id.clone());
        order::sort_by_key(&mut agreeing, rank);
        order::sort_by_key(&mut differing, rank);
        order::sort_by_key(&mut floors, rank);
        PointSources { agreeing, differing, floors }
    }

    /// The span of years the figures describe, targets included.
    pub fn year_span(&self) -> (u16, u16) {
        let years = self.observations.iter().map(|o| o.year);
        let first = years.clone().min().unwrap_or(2012);
        let last = years.max().unwrap_or(first);
        (first, last)
    }

    pub fn region_name(&self, id: &str, lang: Lang) -> String {
        self.region(id).map_or_else(|| id.to_string(), |r| r.name(lang).to_string())
    }

    fn index(mut self) -> Self {
        // Indices sorted by id: no copy of the 554 ids at start-up, a binary search per lookup.
        self.by_id = order::sorted_positions(self.observations.len(), &|a, b| self.observations[a].id.cmp(&self.observations[b].id));
        self
    }
}

/// The words behind the figures, in the dataset's order: each figure's quote and note, each source
/// page's title, and the quotes behind the sectors' definitions, the zones and the facts. Most of
/// the data's bytes, and needed only when a source panel, a profile, the sources list or a
/// download shows them, so the page fetches them apart from the figures (`build.rs` writes both).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub(crate) observation_quotes: Vec<String>,
    /// Empty where the figure has no note.
    pub(crate) observation_notes: Vec<String>,
    pub(crate) source_titles: Vec<String>,
    pub(crate) sector_quotes: Vec<String>,
    pub(crate) zone_quotes: Vec<String>,
    pub(crate) fact_quotes: Vec<String>,
}

impl Texts {
    /// Whether these texts have one entry per figure, source, sector, zone and fact of
    /// `dataset`. Counts only: texts of another build with the same counts would pass; the
    /// content-hashed file name (`texts-<hash>.bin`) is what pairs a build with its texts.
    pub fn fit(&self, dataset: &Dataset) -> bool {
        self.observation_quotes.len() == dataset.observations.len()
            && self.observation_notes.len() == dataset.observations.len()
            && self.source_titles.len() == dataset.sources.len()
            && self.sector_quotes.len() == dataset.sectors.len()
            && self.zone_quotes.len() == dataset.zones.len()
            && self.fact_quotes.len() == dataset.facts.len()
    }

    pub fn quote(&self, dataset: &Dataset, observation: &Observation) -> &str {
        Self::at(&self.observation_quotes, dataset.observation_index(&observation.id))
    }

    pub fn note(&self, dataset: &Dataset, observation: &Observation) -> Option<&str> {
        Some(Self::at(&self.observation_notes, dataset.observation_index(&observation.id))).filter(|note| !note.is_empty())
    }

    pub fn source_title(&self, source: SourceIdx) -> &str {
        Self::at(&self.source_titles, Some(source))
    }

    pub fn sector_quote(&self, dataset: &Dataset, sector: &Sector) -> &str {
        Self::at(&self.sector_quotes, dataset.sector_index(&sector.id))
    }

    pub fn zone_quote(&self, dataset: &Dataset, zone: &Zone) -> &str {
        Self::at(&self.zone_quotes, dataset.zones.iter().position(|z| z.id == zone.id))
    }

    pub fn fact_quote(&self, dataset: &Dataset, fact: &Fact) -> &str {
        Self::at(&self.fact_quotes, dataset.facts.iter().position(|f| f.id == fact.id))
    }

    fn at(list: &[String], index: Option<usize>) -> &str {
        index.and_then(|i| list.get(i)).map_or("", String::as_str)
    }
}

/// The other sources of a figure's point.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PointSources<'d> {
    /// State the same figure (equal within the coarser one's rounding).
    pub agreeing: Vec<&'d Observation>,
    /// Give a different figure for the same point: a conflict.
    pub differing: Vec<&'d Observation>,
    /// Other floors of the same point ("passed 100 bn" beside "passed 3 tn"): one implies the
    /// other, so they are no conflict.
    pub floors: Vec<&'d Observation>,
}

/// The dataset's files as text: what `build.rs` loads, validates and encodes for the bundle, and
/// what the host tests load through the same loader.
pub fn bundled() -> RawFiles<'static> {
    RawFiles {
        observations: include_str!("../../data/observations.jsonl"),
        sectors: include_str!("../../data/sectors.json"),
        zones: include_str!("../../data/zones.jsonl"),
        facts: include_str!("../../data/facts.jsonl"),
        search_terms: include_str!("../../data/search_terms.json"),
    }
}

/// The loaded dataset in postcard's compact binary form: `build.rs` writes it, so the page
/// decodes figures without parsing JSON or validating again at start-up.
pub fn encode(dataset: &Dataset) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(dataset).map_err(|err| err.to_string())
}

/// Reads what `encode` wrote and rebuilds the lookup by id.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    postcard::from_bytes::<Dataset>(bytes).map(Dataset::index).map_err(|err| err.to_string())
}

pub fn encode_texts(texts: &Texts) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(texts).map_err(|err| err.to_string())
}

/// Reads what `encode_texts` wrote, if they are `dataset`'s texts.
pub fn decode_texts(bytes: &[u8], dataset: &Dataset) -> Result<Texts, String> {
    let texts = postcard::from_bytes::<Texts>(bytes).map_err(|err| err.to_string())?;
    if texts.fit(dataset) { Ok(texts) } else { Err("the texts belong to another build of the dataset".to_string()) }
}
