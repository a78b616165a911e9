//! The view state and its URL codec: the query string is the one store of what the reader sees.
//!
//! `parse` never fails: each key is valid, invalid (default used, a `Notice` says so) or missing.
//! `encode` writes only what differs from the default, keys in a fixed order, so one view has one
//! link. Knows the dataset's ids, nothing of the browser.

pub mod actions;
mod notice;
mod page;
mod preferred;

pub use notice::{dismissal_after, undismissed, Notice, NoticeReason};
pub use preferred::{preferred_lang, with_preferred_lang};

use crate::model::{Dataset, Lang, BEIJING, DISTRICTS};
use std::fmt;

/// How many steps the guided tour has: `step` accepts 1..=TOUR_STEPS. The state owns the number
/// and `story::STEPS` is declared with it, so the two cannot disagree and `state` needs no `story`.
pub const TOUR_STEPS: usize = 11;

/// The most places one chart compares: `region` keeps this many, and says so when it drops more.
pub const MAX_REGIONS: usize = 8;

/// The longest raw text a notice repeats back to the reader.
const ECHO_LIMIT: usize = 40;

/// The most ids read from one comma list (`sector`, `region`): a hostile link of thousands of
/// ids costs no more than this (there are 10 sectors and at most 8 places shown).
const MAX_IDS_READ: usize = 64;

/// The most notices shown at once; the rest are counted ("… and 3 more"), so a hostile link of
/// thousands of keys cannot flood the page or its live region.
pub const MAX_NOTICES_SHOWN: usize = 5;

/// The lines the notice list shows, in the reader's language: the first `MAX_NOTICES_SHOWN`
/// notices, then one line counting the others.
pub fn notice_lines(notices: &[Notice], lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = notices.iter().take(MAX_NOTICES_SHOWN).map(|n| n.message(lang)).collect();
    if notices.len() > MAX_NOTICES_SHOWN {
        lines.push(crate::format::counted(lang, "notice.more", notices.len() - MAX_NOTICES_SHOWN));
    }
    lines
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Overview,
    /// The guided tour; `step` says where in it.
    Tour,
    Trends,
    Sectors,
    Map,
    Table,
    Sources,
    /// One sector's, district's or zone's page; `sector` or `region` names which.
    Profile,
}

impl View {
    pub const ALL: [View; 8] =
        [View::Overview, View::Tour, View::Trends, View::Sectors, View::Map, View::Table, View::Sources, View::Profile];

    pub fn id(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Tour => "tour",
            View::Trends => "trends",
            View::Sectors => "sectors",
            View::Map => "map",
            View::Table => "table",
            View::Sources => "sources",
            View::Profile => "profile",
        }
    }

    /// The indicator a view shows when the link names none, where it is fixed; `None` where it
    /// shows them all (table) or where the data decides (trends and sectors open on the best
    /// data for the selection: `query::choice::shown_indicator`).
    pub fn default_indicator(self) -> Option<&'static str> {
        match self {
            View::Map => Some("gdp"),
            View::Trends | View::Sectors | View::Overview | View::Tour | View::Table | View::Sources | View::Profile => None,
        }
    }

    /// Whether the view always opens on an ECharts chart. index.html's early script starts
    /// fetching ECharts for links to these views before the wasm runs (tests/index_html.rs
    /// keeps its list equal to this one); profiles draw charts only for some entities.
    pub fn draws_chart(self) -> bool {
        matches!(self, View::Tour | View::Trends | View::Sectors | View::Map)
    }

    /// Which filter controls the view shows: the one place that decides it. The tour's steps set
    /// their own filters and the sources list has none.
    pub fn controls(self) -> Controls {
        let explorer = matches!(self, View::Trends | View::Sectors | View::Map | View::Table);
        Controls {
            sectors: explorer,
            // The map shows one year, chosen by its own year control, not a span.
            years: matches!(self, View::Trends | View::Sectors | View::Table | View::Overview),
            region: matches!(self, View::Trends | View::Sectors | View::Table),
            // Trends draws a line per place and the table lists them; the sectors view compares
            // sectors within one place, so it offers one.
            several_regions: matches!(self, View::Trends | View::Table),
            indicator: explorer,
            scale: self == View::Trends,
        }
    }
}

/// The URL keys a view reads. `canonical` drops the others, so a view has one link whatever
/// the reader did before (a filter set in trends does not follow the reader to the sources
/// list), and the title never names a filter the page does not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reads {
    pub indicator: bool,
    pub sectors: bool,
    pub regions: bool,
    pub time: bool,
    pub scale: bool,
}

impl View {
    pub fn reads(self) -> Reads {
        let explorer = matches!(self, View::Trends | View::Sectors | View::Map | View::Table);
        Reads {
            indicator: explorer,
            // A profile reads `sector` and `region` only to name its one entity.
            sectors: explorer || self == View::Profile,
            // The map reads the first place for its card.
            regions: explorer || self == View::Profile,
            // The overview's cards and milestones follow the years.
            time: explorer || self == View::Overview,
            scale: self == View::Trends,
        }
    }
}

/// The filter controls a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Controls {
    pub sectors: bool,
    pub years: bool,
    pub region: bool,
    /// The region control picks several places (else one).
    pub several_regions: bool,
    pub indicator: bool,
    /// The values / indexed growth toggle.
    pub scale: bool,
}

impl Controls {
    pub fn any(self) -> bool {
        self.sectors || self.years || self.region || self.indicator
    }
}

/// How trends draws its lines: the published values, or each line as an index of its first
/// year (= 100), derived from the published figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scale {
    #[default]
    Values,
    Index,
}

impl Scale {
    pub fn id(self) -> &'static str {
        match self {
            Scale::Values => "values",
            Scale::Index => "index",
        }
    }
}

/// An inclusive span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeSpan {
    pub from: u16,
    pub to: u16,
}

impl TimeSpan {
    pub fn new(from: u16, to: u16) -> Self {
        TimeSpan { from: from.min(to), to: from.max(to) }
    }

    pub fn contains(self, year: u16) -> bool {
        (self.from..=self.to).contains(&year)
    }

    pub fn years(self) -> impl Iterator<Item = u16> {
        self.from..=self.to
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// What a profile is of: one sector, or one district or zone (`region`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileSubject<'s> {
    Sector(&'s str),
    District(&'s str),
    Zone(&'s str),
}

impl<'s> ProfileSubject<'s> {
    /// A district's or zone's profile; `None` for the city, the aggregate areas and an unknown id,
    /// which have none.
    pub fn of_region(dataset: &Dataset, region: &'s str) -> Option<Self> {
        if DISTRICTS.iter().any(|d| d.id == region) {
            Some(ProfileSubject::District(region))
        } else {
            dataset.zone(region).map(|_| ProfileSubject::Zone(region))
        }
    }
}

/// Everything a link says. Fields hold canonical values: `None`/empty means the default, so two
/// states that show the same view compare equal and encode to the same link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ViewState {
    pub view: View,
    /// The tour's step, from 1; `None` is the first step, and outside the tour.
    pub step: Option<u8>,
    /// `None`: the view's choice (the best-covered indicator for trends and sectors, GDP on
    /// the map); `Some` stays in the link.
    pub indicator: Option<String>,
    /// Selected sectors in the dataset's order; empty means all ten.
    pub sectors: Vec<String>,
    /// The places shown, in the dataset's order, at most `MAX_REGIONS`; empty means Beijing as
    /// a whole (`region` absent). Trends draws a line per place.
    pub regions: Vec<String>,
    /// `None`: every year the data covers.
    pub time: Option<TimeSpan>,
    /// Values (the default) or indexed growth, on trends.
    pub scale: Scale,
    /// One figure (an observation id) whose source panel the link opens (`charts::figure_home`
    /// says on which view).
    pub figure: Option<String>,
    pub lang: Lang,
    pub embed: bool,
}

impl ViewState {
    /// The state a reader's own action (a control, a tab) leads to: `figure` says which figure a
    /// link was shared for, so it goes once the reader moves on (else a figure link's `figure=`
    /// sticks to every later link). Only `figure_link` sets it.
    pub fn after_action(self) -> Self {
        ViewState { figure: None, ..self }
    }

    /// The tab link to a view: its own default indicator, the reader's other choices.
    pub fn tab(&self, view: View) -> Self {
        ViewState { view, indicator: None, ..self.clone() }.after_action()
    }

    /// The link's indicator, or the view's fixed default. Trends and sectors choose theirs from
    /// the data: ask `query::choice::shown_indicator` for what they show.
    pub fn indicator_id(&self) -> Option<&str> {
        self.indicator.as_deref().or(self.view.default_indicator())
    }

    /// The first place chosen (Beijing by default): the place views that show one place use.
    pub fn region_id(&self) -> &str {
        self.regions.first().map_or(BEIJING, String::as_str)
    }

    /// Every place chosen, Beijing by default.
    pub fn region_ids(&self) -> Vec<&str> {
        if self.regions.is_empty() { vec![BEIJING] } else { self.regions.iter().map(String::as_str).collect() }
    }

    /// Whether a place is chosen (Beijing is, by default).
    pub fn has_region(&self, id: &str) -> bool {
        self.region_ids().contains(&id)
    }

    /// Two places or more: trends compares places, a line each.
    pub fn compares_regions(&self) -> bool {
        self.regions.len() > 1
    }

    pub fn time_span(&self, dataset: &Dataset) -> TimeSpan {
        self.time.unwrap_or_else(|| {
            let (from, to) = dataset.year_span();
            TimeSpan { from, to }
        })
    }

    /// Whether a sector id is selected (all are, by default).
    pub fn has_sector(&self, id: &str) -> bool {
        self.sectors.is_empty() || self.sectors.iter().any(|s| s == id)
    }

    pub fn selected_sectors<'d>(&self, dataset: &'d Dataset) -> Vec<&'d str> {
        dataset.sectors.iter().map(|s| s.id.as_str()).filter(|id| self.has_sector(id)).collect()
    }

    /// The one entity a profile link names: exactly one sector and no region, or exactly one
    /// district or zone and no sector. `None` for no entity, several, or the city or an aggregate
    /// area (which have no profile); the page then shows the index of profiles.
    pub fn profile_subject(&self, dataset: &Dataset) -> Option<ProfileSubject<'_>> {
        let regions: Vec<&str> = self.regions.iter().map(String::as_str).filter(|r| *r != BEIJING).collect();
        match (self.sectors.as_slice(), regions.as_slice()) {
            ([sector], []) => dataset.sector(sector).map(|_| ProfileSubject::Sector(sector.as_str())),
            ([], [region]) => ProfileSubject::of_region(dataset, region),
            _ => None,
        }
    }

    /// The profile of one entity, in this state's language and embedding.
    pub fn profile(&self, subject: ProfileSubject<'_>) -> ViewState {
        let (sectors, regions) = match subject {
            ProfileSubject::Sector(id) => (vec![id.to_string()], Vec::new()),
            ProfileSubject::District(id) | ProfileSubject::Zone(id) => (Vec::new(), vec![id.to_string()]),
        };
        ViewState { view: View::Profile, sectors, regions, ..ViewState::kept_by_profile(self.lang, self.embed) }
    }

    /// What a profile link keeps of the page it is on: its language and embedding, nothing else
    /// (`profile`). A link built from this alone need not change when a filter does.
    pub fn kept_by_profile(lang: Lang, embed: bool) -> ViewState {
        ViewState { lang, embed, ..ViewState::default() }
    }

    /// The tour's step (from 1); 1 outside the tour.
    pub fn tour_step(&self) -> u8 {
        self.step.unwrap_or(1)
    }

    /// Brings a state built by a control into canonical form: defaults as `None`/empty, sectors
    /// in the dataset's order, all ten as empty. The tour's steps set their own filters, so a tour
    /// state keeps none; a step means nothing outside the tour.
    ///
    /// A view keeps only the keys it reads (`View::reads`). An indicator the reader chose stays in
    /// the link, even the view's default, so a link shows the same indicator when data is added
    /// (views without one choose from the data).
    pub fn canonical(mut self, dataset: &Dataset) -> Self {
        if self.view == View::Tour {
            // Each step sets its own filters (`View::reads` reads none for the tour).
            if self.step == Some(1) {
                self.step = None;
            }
        } else {
            self.step = None;
        }
        let reads = self.view.reads();
        if !reads.indicator {
            self.indicator = None;
        }
        if !reads.sectors {
            self.sectors.clear();
        }
        if !reads.regions {
            self.regions.clear();
        }
        if !reads.time {
            self.time = None;
        }
        if !reads.scale {
            self.scale = Scale::Values;
        }
        if self.view == View::Profile {
            // A profile shows every year and every indicator of its one entity, and its link
            // names exactly that entity (`region=beijing,haidian` is Haidian's profile, written
            // `region=haidian`); a link naming none or several is the index of profiles.
            let (sectors, regions) = match self.profile_subject(dataset) {
                Some(ProfileSubject::Sector(id)) => (vec![id.to_string()], Vec::new()),
                Some(ProfileSubject::District(id) | ProfileSubject::Zone(id)) => (Vec::new(), vec![id.to_string()]),
                None => (Vec::new(), Vec::new()),
            };
            self.sectors = sectors;
            self.regions = regions;
        }
        if self.view != View::Sectors && self.indicator.as_deref() == Some(SECTOR_SIZES) {
            self.indicator = None;
        }
        let order: Vec<&str> = dataset.sectors.iter().map(|s| s.id.as_str()).collect();
        let chosen: Vec<String> = order.iter().filter(|id| self.sectors.iter().any(|s| s == *id)).map(|id| id.to_string()).collect();
        self.sectors = if chosen.len() == order.len() { Vec::new() } else { chosen };
        // The sectors view draws the first place only (`Filter::with_indicator`): its link and
        // title keep that one, as with any key a view does not read.
        let limit = if self.view == View::Sectors { 1 } else { MAX_REGIONS };
        let places: Vec<String> =
            dataset.regions.iter().filter(|r| self.regions.contains(&r.id)).map(|r| r.id.clone()).take(limit).collect();
        self.regions = if places == [BEIJING] { Vec::new() } else { places };
        let (first, last) = dataset.year_span();
        if self.time == Some(TimeSpan { from: first, to: last }) {
            self.time = None;
        }
        self
    }

    /// The same view and indicator with every filter cleared: all sectors, years, Beijing.
    pub fn without_filters(&self) -> ViewState {
        ViewState { view: self.view, step: self.step, indicator: self.indicator.clone(), lang: self.lang, embed: self.embed, ..ViewState::default() }
    }

    /// The same view showing one place (a map click, a zone from the list).
    pub fn with_region(&self, dataset: &Dataset, id: &str) -> ViewState {
        ViewState { regions: vec![id.to_string()], ..self.clone() }.canonical(dataset)
    }

    /// Whether as many places are chosen as one chart compares: adding another is refused.
    pub fn at_region_limit(&self) -> bool {
        self.regions.len() >= MAX_REGIONS
    }

    /// The same view with one place added or removed; never leaves none (the last one removed
    /// gives Beijing) and adds none beyond `MAX_REGIONS` (the control says so).
    pub fn toggle_region(&self, dataset: &Dataset, id: &str) -> ViewState {
        let mut chosen: Vec<String> = self.region_ids().into_iter().map(str::to_string).collect();
        if let Some(at) = chosen.iter().position(|r| r == id) {
            chosen.remove(at);
        } else if chosen.len() < MAX_REGIONS && dataset.region(id).is_some() {
            chosen.push(id.to_string());
        }
        ViewState { regions: chosen, ..self.clone() }.canonical(dataset)
    }

    /// The same view with the selection toggled for one sector; never leaves none selected.
    pub fn toggle_sector(&self, dataset: &Dataset, id: &str) -> ViewState {
        let mut selected: Vec<String> = self.selected_sectors(dataset).into_iter().map(str::to_string).collect();
        if let Some(at) = selected.iter().position(|s| s == id) {
            if selected.len() > 1 {
                selected.remove(at);
            }
        } else {
            selected.push(id.to_string());
        }
        ViewState { sectors: selected, ..self.clone() }.canonical(dataset)
    }
}

/// The result of reading a link: a valid state and what was ignored on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub state: ViewState,
    pub notices: Vec<Notice>,
}

/// One URL key after parsing.
#[derive(Debug, Clone, PartialEq)]
pub enum Field<T> {
    Valid(T),
    Invalid { raw: String, reason: NoticeReason },
    Missing,
}

/// `indicator=sizes`: the sectors view's panels of each sector's latest size in its own measure
/// (a way to draw, not a measure). Other views have no such choice and drop it.
pub const SECTOR_SIZES: &str = "sizes";

const KEYS: [&str; 10] = ["view", "step", "indicator", "sector", "region", "time", "scale", "figure", "lang", "embed"];

/// Reads a query string (a leading `?` is fine). Never panics, whatever the input.
pub fn parse(query: &str, dataset: &Dataset) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut notices = Vec::new();
    let mut raw: [Option<String>; KEYS.len()] = Default::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match KEYS.iter().position(|k| *k == key) {
            Some(slot) if raw[slot].is_none() => raw[slot] = Some(value.into_owned()),
            Some(_) => notices.push(Notice::new(&key, &value, NoticeReason::Duplicate)),
            None => notices.push(Notice::new(&key, &value, NoticeReason::UnknownKey)),
        }
    }
    let [view, step, indicator, sector, region, time, scale, figure, lang, embed] = raw;
    let (regions, dropped) = parse_regions(region.as_deref(), dataset);
    let regions = take("region", regions, &mut notices).unwrap_or_default();
    notices.extend(dropped);
    // A struct literal naming every field: a new field without a parser does not compile.
    let state = ViewState {
        view: take("view", parse_view(view.as_deref()), &mut notices).unwrap_or_default(),
        step: take("step", parse_step(step.as_deref()), &mut notices),
        indicator: take("indicator", parse_indicator(indicator.as_deref(), dataset), &mut notices),
        sectors: take("sector", parse_sectors(sector.as_deref(), dataset), &mut notices).unwrap_or_default(),
        regions,
        time: take("time", parse_time(time.as_deref(), dataset), &mut notices),
        scale: take("scale", parse_scale(scale.as_deref()), &mut notices).unwrap_or_default(),
        figure: take("figure", parse_figure(figure.as_deref(), dataset), &mut notices),
        lang: take("lang", parse_lang(lang.as_deref()), &mut notices).unwrap_or_default(),
        embed: take("embed", parse_embed(embed.as_deref()), &mut notices).unwrap_or_default(),
    };
    notices.extend(out_of_place(&state, dataset));
    Parsed { state: state.canonical(dataset), notices }
}

/// Valid keys that do not apply to the view: a step outside the tour, a filter inside it (each
/// step sets its own). `canonical` drops them; the reader is told.
fn out_of_place(state: &ViewState, dataset: &Dataset) -> Vec<Notice> {
    let mut notices = Vec::new();
    if state.view == View::Profile {
        if let Some(indicator) = &state.indicator {
            notices.push(Notice::new("indicator", indicator, NoticeReason::NotForProfile));
        }
        if let Some(time) = state.time {
            notices.push(Notice::new("time", &time.to_string(), NoticeReason::NotForProfile));
        }
        if state.profile_subject(dataset).is_none() {
            // `?view=profile` alone is the index's own link: only a link that named something
            // without a profile is told so.
            let sectors = (!state.sectors.is_empty()).then(|| state.sectors.join(","));
            let region = (!state.regions.is_empty()).then(|| state.regions.join(","));
            let named = match (sectors, region) {
                (None, None) => None,
                (Some(sectors), None) => Some(("sector".to_string(), sectors)),
                (None, Some(region)) => Some(("region".to_string(), region)),
                (Some(sectors), Some(region)) => Some(("sector".to_string(), format!("{sectors}&region={region}"))),
            };
            if let Some((key, raw)) = named {
                notices.push(Notice::new(&key, &raw, NoticeReason::NotOneProfile));
            }
        }
    }
    if state.view == View::Tour {
        let filters = [
            ("indicator", state.indicator.clone()),
            ("sector", (!state.sectors.is_empty()).then(|| state.sectors.join(","))),
            ("region", (!state.regions.is_empty()).then(|| state.regions.join(","))),
            ("time", state.time.map(|t| t.to_string())),
            ("scale", (state.scale != Scale::Values).then(|| state.scale.id().to_string())),
        ];
        for (key, value) in filters {
            if let Some(value) = value {
                notices.push(Notice::new(key, &value, NoticeReason::SetByTour));
            }
        }
    } else if let Some(step) = state.step {
        notices.push(Notice::new("step", &step.to_string(), NoticeReason::StepOutsideTour));
    }
    notices
}

fn take<T>(key: &'static str, field: Field<T>, notices: &mut Vec<Notice>) -> Option<T> {
    match field {
        Field::Valid(value) => Some(value),
        Field::Invalid { raw, reason } => {
            notices.push(Notice::new(key, &raw, reason));
            None
        }
        Field::Missing => None,
    }
}

fn invalid<T>(raw: &str, reason: NoticeReason) -> Field<T> {
    Field::Invalid { raw: raw.to_string(), reason }
}

/// The canonical query string, without `?`; empty for the default view.
pub fn encode(state: &ViewState) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if state.view != View::default() {
        pairs.push(("view", state.view.id().to_string()));
    }
    if let Some(step) = state.step {
        pairs.push(("step", step.to_string()));
    }
    if let Some(indicator) = &state.indicator {
        pairs.push(("indicator", escape(indicator)));
    }
    if !state.sectors.is_empty() {
        pairs.push(("sector", state.sectors.iter().map(|s| escape(s)).collect::<Vec<_>>().join(",")));
    }
    if !state.regions.is_empty() {
        pairs.push(("region", state.regions.iter().map(|r| escape(r)).collect::<Vec<_>>().join(",")));
    }
    if let Some(time) = state.time {
        pairs.push(("time", time.to_string()));
    }
    if state.scale != Scale::Values {
        pairs.push(("scale", state.scale.id().to_string()));
    }
    if let Some(figure) = &state.figure {
        pairs.push(("figure", escape(figure)));
    }
    if state.lang != Lang::default() {
        pairs.push(("lang", state.lang.code().to_string()));
    }
    if state.embed {
        pairs.push(("embed", "1".to_string()));
    }
    pairs.into_iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("&")
}

fn escape(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn parse_view(raw: Option<&str>) -> Field<View> {
    let Some(raw) = raw else { return Field::Missing };
    match View::ALL.iter().find(|v| v.id() == raw) {
        Some(view) => Field::Valid(*view),
        None => invalid(raw, NoticeReason::UnknownView),
    }
}

fn parse_step(raw: Option<&str>) -> Field<u8> {
    let Some(raw) = raw else { return Field::Missing };
    match raw.parse::<u8>() {
        Ok(step) if (1..=TOUR_STEPS).contains(&usize::from(step)) && !raw.starts_with(['+', '0']) => Field::Valid(step),
        _ => invalid(raw, NoticeReason::UnknownStep),
    }
}

fn parse_indicator(raw: Option<&str>, dataset: &Dataset) -> Field<String> {
    let Some(raw) = raw else { return Field::Missing };
    if raw == SECTOR_SIZES {
        return Field::Valid(raw.to_string());
    }
    match dataset.indicator(raw) {
        Some(indicator) => Field::Valid(indicator.id.clone()),
        None => invalid(raw, NoticeReason::UnknownIndicator),
    }
}

fn parse_sectors(raw: Option<&str>, dataset: &Dataset) -> Field<Vec<String>> {
    let Some(raw) = raw else { return Field::Missing };
    let ids: Vec<&str> = raw.split(',').map(str::trim).filter(|s| !s.is_empty()).take(MAX_IDS_READ).collect();
    let unknown: Vec<&str> = ids.iter().copied().filter(|id| dataset.sector(id).is_none()).collect();
    if ids.is_empty() || !unknown.is_empty() {
        let shown = if unknown.is_empty() { raw } else { &unknown.join(",") };
        return invalid(shown, NoticeReason::UnknownSector);
    }
    Field::Valid(ids.into_iter().map(str::to_string).collect())
}

/// A comma list of places. Unknown ones are dropped with a notice naming them and the known ones
/// kept; none known is invalid (Beijing is shown). Places beyond `MAX_REGIONS` (in the dataset's
/// order) are dropped with a notice naming them. Repeats count once; ids beyond the first
/// `MAX_IDS_READ` are not read.
fn parse_regions(raw: Option<&str>, dataset: &Dataset) -> (Field<Vec<String>>, Vec<Notice>) {
    let Some(raw) = raw else { return (Field::Missing, Vec::new()) };
    let ids: Vec<&str> = raw.split(',').map(str::trim).filter(|s| !s.is_empty()).take(MAX_IDS_READ).collect();
    let unknown: Vec<&str> = ids.iter().copied().filter(|id| dataset.region(id).is_none()).collect();
    let known: Vec<&str> = dataset.regions.iter().map(|r| r.id.as_str()).filter(|id| ids.contains(id)).collect();
    if known.is_empty() {
        let shown = if unknown.is_empty() { raw.to_string() } else { unknown.join(",") };
        return (invalid(&shown, NoticeReason::UnknownRegion), Vec::new());
    }
    let mut notices = Vec::new();
    if !unknown.is_empty() {
        notices.push(Notice::new("region", &unknown.join(","), NoticeReason::UnknownRegionInList));
    }
    if known.len() > MAX_REGIONS {
        notices.push(Notice::new("region", &known.iter().skip(MAX_REGIONS).copied().collect::<Vec<_>>().join(","), NoticeReason::TooManyRegions));
    }
    (Field::Valid(known.into_iter().take(MAX_REGIONS).map(str::to_string).collect()), notices)
}

/// An observation id: the figure whose source panel the link opens.
fn parse_figure(raw: Option<&str>, dataset: &Dataset) -> Field<String> {
    let Some(raw) = raw else { return Field::Missing };
    match dataset.observation(raw) {
        Some(observation) => Field::Valid(observation.id.clone()),
        None => invalid(raw, NoticeReason::UnknownFigure),
    }
}

fn parse_scale(raw: Option<&str>) -> Field<Scale> {
    match raw {
        None => Field::Missing,
        Some("values") => Field::Valid(Scale::Values),
        Some("index") => Field::Valid(Scale::Index),
        Some(raw) => invalid(raw, NoticeReason::UnknownScale),
    }
}

fn parse_time(raw: Option<&str>, dataset: &Dataset) -> Field<TimeSpan> {
    let Some(raw) = raw else { return Field::Missing };
    // Four ASCII digits exactly: `time=+2022` reaches here as " 2022" (a `+` is a space in a
    // query string), and is as malformed as the unit test says `+2022` is.
    let year = |text: &str| (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse::<u16>().ok()).flatten();
    let span = match raw.split_once("..") {
        Some((from, to)) => year(from).zip(year(to)).map(|(from, to)| TimeSpan { from, to }),
        None => year(raw).map(|y| TimeSpan { from: y, to: y }),
    };
    let Some(span) = span else { return invalid(raw, NoticeReason::MalformedTime) };
    let (first, last) = dataset.year_span();
    if span.from > span.to || span.from < first || span.to > last {
        return invalid(raw, NoticeReason::YearOutOfRange);
    }
    Field::Valid(span)
}

fn parse_lang(raw: Option<&str>) -> Field<Lang> {
    match raw {
        None => Field::Missing,
        Some("en") => Field::Valid(Lang::En),
        Some("zh") => Field::Valid(Lang::Zh),
        Some(raw) => invalid(raw, NoticeReason::UnknownLang),
    }
}

fn parse_embed(raw: Option<&str>) -> Field<bool> {
    match raw {
        None => Field::Missing,
        Some("1") => Field::Valid(true),
        Some("0") => Field::Valid(false),
        Some(raw) => invalid(raw, NoticeReason::MalformedEmbed),
    }
}

/// Cuts text a reader typed or pasted to a length a notice can repeat, on a char boundary.
pub(crate) fn echo(raw: &str) -> String {
    let mut cut: String = raw.chars().filter(|c| !c.is_control()).take(ECHO_LIMIT).collect();
    if raw.chars().count() > ECHO_LIMIT {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests;
