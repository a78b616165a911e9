//! The header's search: sectors, districts, zones and indicators found by their English or
//! Chinese name, an English abbreviation (`IC`, from the initials or the brackets), or toneless
//! pinyin (`jicheng`, `haidian`, `yizhuang`). Exact matches rank before prefixes, prefixes before a
//! word inside the name, and those before any other substring.
//!
//! Synonyms (what readers type: "chips", "biotech", "EV", "经开区") come from
//! `data/search_terms.json`, loaded into `Dataset::search_terms`. A query naming a sector or place
//! and a measure, with or without a year ("haidian gdp", "海淀 GDP 2022", "AI revenue"), is
//! answered first by the figure itself (`HitKind::Figure`). Abbreviations match only in full, and a
//! one- or two-letter query only the start of a name, so "AI" does not find "Airport".
//!
//! The pinyin comes from a table that build.rs writes with the `pinyin` crate, holding only the
//! characters the dataset's names use.

use crate::model::{split_aliases, Dataset, Lang, Observation, BEIJING, DISTRICTS};
use crate::state::{ProfileSubject, View, ViewState};
use std::collections::BTreeMap;

include!(concat!(env!("OUT_DIR"), "/pinyin_table.rs"));

/// What a result is; also its order on a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitKind {
    /// One published figure: the answer to "haidian gdp 2022".
    Figure,
    Sector,
    District,
    Zone,
    Indicator,
}

impl HitKind {
    /// The locale key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            HitKind::Figure => "search.kind.figure",
            HitKind::Sector => "search.kind.sector",
            HitKind::District => "search.kind.district",
            HitKind::Zone => "search.kind.zone",
            HitKind::Indicator => "search.kind.indicator",
        }
    }
}

/// How well a query matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Exact,
    Prefix,
    /// A word of the name (or a pinyin syllable) starts with the query.
    Word,
    Substring,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub id: String,
    pub matched: Match,
}

impl Hit {
    /// The result's name in the reader's language.
    pub fn label(&self, dataset: &Dataset, lang: Lang) -> String {
        match self.kind {
            HitKind::Figure => match dataset.observation(&self.id) {
                Some(o) => {
                    let mut whose = Vec::new();
                    if let Some(sector) = o.sector.as_deref() {
                        whose.push(crate::format::sector_name(dataset, Some(sector), lang));
                    }
                    if o.region != BEIJING || o.sector.is_none() {
                        whose.push(dataset.region_name(&o.region, lang));
                    }
                    format!("{} · {}", o.label(lang), whose.join(" · "))
                }
                None => self.id.clone(),
            },
            HitKind::Sector => crate::format::sector_name(dataset, Some(&self.id), lang),
            HitKind::District | HitKind::Zone => dataset.region_name(&self.id, lang),
            HitKind::Indicator => match dataset.indicator(&self.id) {
                Some(indicator) => {
                    let label = indicator.label(lang);
                    // Two measures with one name ("Share of Beijing's GDP" of Haidian, and of the
                    // three cities and one zone) are told apart by the place their figures are for.
                    let shared = dataset.indicators.iter().any(|other| other.id != indicator.id && other.label(lang).to_lowercase() == label.to_lowercase());
                    match shared {
                        true => format!("{label} · {}", dataset.region_name(indicator_place(dataset, &self.id).unwrap_or(BEIJING), lang)),
                        false => label.to_string(),
                    }
                }
                None => self.id.clone(),
            },
        }
    }

    /// A figure's value and period as the answer shows them: "1.02 trillion yuan · 2022", with
    /// its kind when it is not a plain published figure ("… · Target").
    pub fn figure_value(&self, dataset: &Dataset, lang: Lang) -> Option<String> {
        let o = dataset.observation(&self.id).filter(|_| self.kind == HitKind::Figure)?;
        let mut text = format!("{} · {}", crate::format::figure(o, lang), crate::format::period_label(o, lang));
        if o.kind != crate::model::Kind::Actual {
            text.push_str(&format!(" · {}", crate::format::kind(o.kind, lang)));
        }
        Some(text)
    }

    /// Where choosing it leads: the entity's profile; the trends view on an indicator (in the
    /// city if it has figures there, else in the region with the most); for a figure, the trends
    /// view on its measure, sector and place.
    pub fn target(&self, dataset: &Dataset, base: &ViewState) -> ViewState {
        match self.kind {
            HitKind::Figure => match dataset.observation(&self.id) {
                Some(o) => ViewState {
                    view: View::Trends,
                    indicator: Some(o.indicator.clone()),
                    sectors: o.sector.iter().cloned().collect(),
                    regions: (o.region != BEIJING).then(|| o.region.clone()).into_iter().collect(),
                    lang: base.lang,
                    embed: base.embed,
                    ..ViewState::default()
                }
                .canonical(dataset),
                None => base.clone(),
            },
            HitKind::Sector => base.profile(ProfileSubject::Sector(&self.id)),
            HitKind::District => base.profile(ProfileSubject::District(&self.id)),
            HitKind::Zone => base.profile(ProfileSubject::Zone(&self.id)),
            HitKind::Indicator => {
                let region = indicator_place(dataset, &self.id).map(str::to_string);
                ViewState { view: View::Trends, indicator: Some(self.id.clone()), regions: region.into_iter().collect(), lang: base.lang, embed: base.embed, ..ViewState::default() }
                    .canonical(dataset)
            }
        }
    }
}

/// The place an indicator's figures are for: `None` (the city) if it has figures for Beijing,
/// else the region with the most.
fn indicator_place<'d>(dataset: &'d Dataset, indicator: &str) -> Option<&'d str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in dataset.observations.iter().filter(|o| o.indicator == indicator) {
        *counts.entry(o.region.as_str()).or_default() += 1;
    }
    if counts.contains_key(BEIJING) {
        return None;
    }
    counts.into_iter().max_by_key(|(region, n)| (*n, std::cmp::Reverse(*region))).map(|(r, _)| r)
}

/// One way of writing a name, normalised: lower case, letters and digits only.
#[derive(Debug, Clone)]
struct Key {
    joined: String,
    words: Vec<String>,
    /// Initials ("ic", "aitp"): they match only when typed in full.
    abbreviation: bool,
}

impl Key {
    fn new(words: Vec<String>) -> Key {
        let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        Key { joined: words.concat(), words, abbreviation: false }
    }

    /// From any text: words split at anything that is not a letter or digit.
    fn text(text: &str) -> Key {
        Key::new(text.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect())
    }

    fn matches(&self, query: &str) -> Option<Match> {
        // One or two Latin letters are an abbreviation or the start of a name, not a fragment.
        let short = query.len() <= 2 && query.is_ascii();
        if self.joined.is_empty() {
            None
        } else if self.joined == query {
            Some(Match::Exact)
        } else if self.abbreviation {
            None
        } else if self.joined.starts_with(query) {
            Some(Match::Prefix)
        } else if short {
            None
        } else if self.words.iter().enumerate().any(|(i, _)| self.words[i..].concat().starts_with(query)) {
            Some(Match::Word)
        } else if self.joined.contains(query) {
            Some(Match::Substring)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    kind: HitKind,
    id: String,
    keys: Vec<Key>,
}

/// The searchable names of every sector, district, zone and indicator, built once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// What a list of results shows: one entry per indicator name.
    entries: Vec<Entry>,
    /// What a figure's query names first: the sectors, the city, its districts and zones.
    subjects: Vec<Entry>,
    /// Every indicator's names, for the measure a figure's query names.
    measures: Vec<Entry>,
}

/// Whether a query asks for nothing (no letter or digit): it finds nothing, so the box can say
/// so without the index, which is built when the reader first reaches the box (issue 26: not
/// in the page's start-up).
pub fn is_blank(query: &str) -> bool {
    Key::text(query).joined.is_empty()
}

/// The synonyms of `data/search_terms.json` for one sector or place: each as typed, and the
/// Chinese ones in pinyin too.
fn synonym_keys(dataset: &Dataset, id: &str) -> Vec<Key> {
    let Some(terms) = dataset.search_terms.iter().find(|t| t.id == id) else { return Vec::new() };
    let mut keys: Vec<Key> = terms.en.iter().chain(&terms.zh).map(|t| Key::text(t)).collect();
    keys.extend(terms.zh.iter().map(|t| Key::new(pinyin(t))));
    keys
}

/// A query's words for reading a figure's question: letters and digits, split where Chinese
/// meets Latin ("海淀gdp" is "海淀", "gdp").
fn question_words(query: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in Key::text(query).words {
        let mut current = String::new();
        let mut was_han = None;
        for c in word.chars() {
            // Three kinds of run: Chinese, Latin letters, digits ("海淀gdp2022").
            let han = if c.is_ascii_digit() { 2 } else { u8::from(!c.is_ascii()) };
            if was_han.is_some_and(|w| w != han) {
                words.push(std::mem::take(&mut current));
            }
            current.push(c);
            was_han = Some(han);
        }
        words.push(current);
    }
    words
}

/// Words an abbreviation skips.
const MINOR_WORDS: [&str; 5] = ["and", "of", "the", "for", "a"];

/// The ways a name can be written: in full; each alias in its brackets ("… (E-Town, Yizhuang)",
/// "…（亦庄）"); the English initials ("Integrated circuits" → `ic`); and the toneless pinyin of
/// the Chinese name and aliases.
fn keys(name_en: &str, name_zh: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    for name in [name_en, name_zh] {
        keys.push(Key::text(name));
        let (main, aliases) = split_aliases(name);
        keys.extend(aliases.iter().map(|a| Key::text(a)));
        if name == name_zh {
            keys.extend(pinyin_readings(name).into_iter().map(Key::new));
            keys.extend(aliases.iter().flat_map(|a| pinyin_readings(a)).map(Key::new));
            // "海淀区" is also "海淀", "haidian".
            if let Some(short) = main.strip_suffix('区').filter(|s| s.chars().count() >= 2) {
                keys.push(Key::text(short));
                keys.extend(pinyin_readings(short).into_iter().map(Key::new));
            }
        } else {
            let words: Vec<String> = main.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
            let initials: String = words.iter().filter(|w| !MINOR_WORDS.contains(&w.as_str())).filter_map(|w| w.chars().next()).collect();
            if initials.chars().count() >= 2 {
                keys.push(Key { abbreviation: true, ..Key::new(vec![initials]) });
            }
        }
    }
    keys
}

/// Toneless pinyin syllables of the Chinese characters in `text`, each character's most common
/// reading; letters and digits are kept as words, other characters dropped.
pub fn pinyin(text: &str) -> Vec<String> {
    words(text).into_iter().map(|readings| readings[0].clone()).collect()
}

/// The words `pinyin` gives, each with every reading (one for a Latin word): never empty.
fn words(text: &str) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut latin = String::new();
    for c in text.chars() {
        let readings = PINYIN.binary_search_by_key(&c, |(k, _)| *k).ok().map(|at| PINYIN[at].1).filter(|r| !r.is_empty());
        if let Some(readings) = readings {
            if !latin.is_empty() {
                words.push(vec![std::mem::take(&mut latin)]);
            }
            words.push(readings.iter().map(|r| r.to_string()).collect());
        } else if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
        } else if !latin.is_empty() {
            words.push(vec![std::mem::take(&mut latin)]);
        }
    }
    if !latin.is_empty() {
        words.push(vec![latin]);
    }
    words
}

/// `pinyin(text)`, then the same with each polyphone read another way, one at a time (朝阳:
/// `zhao yang`, `chao yang`): the characters alone cannot say which reading a name uses, and
/// one change at a time keeps the keys few (every combination would multiply them).
fn pinyin_readings(text: &str) -> Vec<Vec<String>> {
    let words = words(text);
    let first: Vec<String> = words.iter().map(|readings| readings[0].clone()).collect();
    let mut all = vec![first.clone()];
    for (at, readings) in words.iter().enumerate() {
        for other in &readings[1..] {
            let mut variant = first.clone();
            variant[at] = other.clone();
            all.push(variant);
        }
    }
    all
}

impl SearchIndex {
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let with_synonyms = |kind: HitKind, id: &str, name_en: &str, name_zh: &str| {
            let mut keys = keys(name_en, name_zh);
            keys.extend(synonym_keys(dataset, id));
            Entry { kind, id: id.to_string(), keys }
        };
        let mut subjects: Vec<Entry> = Vec::new();
        subjects.extend(dataset.sectors.iter().map(|s| with_synonyms(HitKind::Sector, &s.id, &s.name_en, &s.name_zh)));
        subjects.extend(DISTRICTS.iter().map(|d| with_synonyms(HitKind::District, d.id, d.name_en, d.name_zh)));
        subjects.extend(dataset.zones.iter().map(|z| with_synonyms(HitKind::Zone, &z.id, &z.name_en, &z.name_zh)));
        // One entry per indicator: two with one English name (`gdp_share`, `gdp_share_of_beijing`)
        // are two measures, each findable, told apart by `Hit::label`.
        let measures: Vec<Entry> = dataset.indicators.iter().map(|i| Entry { kind: HitKind::Indicator, id: i.id.clone(), keys: keys(&i.label_en, &i.label_zh) }).collect();
        let mut entries = subjects.clone();
        entries.extend(measures.iter().cloned());
        let beijing = Entry { kind: HitKind::District, id: BEIJING.to_string(), keys: keys("Beijing", "北京市") };
        subjects.push(beijing);
        SearchIndex { entries, subjects, measures }
    }

    /// The figure a query asks for, if it names a sector or place and a measure (and perhaps a
    /// year): "haidian gdp" → Haidian's latest GDP figure; "海淀 GDP 2022" → that year's; "AI
    /// revenue" → the latest revenue figure of the AI industry in Beijing. Targets only where no
    /// published outcome answers.
    pub fn figure(&self, dataset: &Dataset, query: &str) -> Option<Hit> {
        let mut words = question_words(query);
        let year = words.iter().position(|w| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1990..=2035).contains(&y)));
        let year = year.map(|at| words.remove(at).parse::<u16>().unwrap_or_default());
        // The subject: a run of words that is a name, or a Chinese name a word starts with. Every
        // reading is tried, the longest name first: "haidian software revenue" reads "software"
        // as the subject, finds no "haidian revenue", and then answers for Haidian.
        let mut readings: Vec<(usize, (usize, usize), &Entry, String)> = Vec::new();
        for i in 0..words.len() {
            for j in i + 1..=words.len() {
                let joined = words[i..j].concat();
                for entry in &self.subjects {
                    let rest = if entry.keys.iter().any(|k| k.joined == joined) {
                        Some(String::new())
                    } else if j == i + 1 && !joined.is_ascii() {
                        entry.keys.iter().filter(|k| !k.joined.is_empty() && joined.starts_with(&k.joined)).max_by_key(|k| k.joined.len()).map(|k| joined[k.joined.len()..].to_string())
                    } else {
                        None
                    };
                    let Some(rest) = rest else { continue };
                    readings.push((joined.len() - rest.len(), (i, j), entry, rest));
                }
            }
        }
        // Stable: of equally long names, the first found (the dataset's order) first.
        crate::model::order::sort_by_key(&mut readings, |(length, ..)| std::cmp::Reverse(*length));
        let outside = |spans: &[(usize, usize, &str)]| -> Vec<String> {
            let mut measure = Vec::new();
            for (at, word) in words.iter().enumerate() {
                match spans.iter().find(|(i, j, _)| (*i..*j).contains(&at)) {
                    Some((i, _, rest)) if *i == at => measure.push(rest.to_string()),
                    Some(_) => {}
                    None => measure.push(word.clone()),
                }
            }
            measure
        };
        // A place and a sector named together ("haidian software revenue"): the sector's figure
        // in that place.
        for (_, (i, j), place, rest) in readings.iter().filter(|r| r.2.kind != HitKind::Sector) {
            for (_, (k, l), sector, sector_rest) in readings.iter().filter(|r| r.2.kind == HitKind::Sector && r.3.is_empty()) {
                if l <= i || j <= k {
                    let measure = outside(&[(*i, *j, rest.as_str()), (*k, *l, sector_rest.as_str())]);
                    if let Some(hit) = self.answer(dataset, place, Some(&sector.id), &measure, year) {
                        return Some(hit);
                    }
                }
            }
        }
        readings.iter().find_map(|(_, (i, j), subject, rest)| self.answer(dataset, subject, None, &outside(&[(*i, *j, rest.as_str())]), year))
    }

    /// The figure of `subject` (of `sector` in it, if named) whose measure's name is `measure`,
    /// in `year`, else the latest.
    fn answer(&self, dataset: &Dataset, subject: &Entry, sector: Option<&str>, measure: &[String], year: Option<u16>) -> Option<Hit> {
        // "GDP in 2022", "value of": the small words say nothing of the measure.
        let measure: String = measure.iter().filter(|w| !MINOR_WORDS.contains(&w.as_str()) && !["in", "年", "的", "年的"].contains(&w.as_str())).map(String::as_str).collect();
        if measure.is_empty() {
            return None;
        }
        // Chinese has no word breaks: "生产总值" is part of "地区生产总值" as a word is of a name.
        let in_chinese = !measure.is_ascii() && measure.chars().count() >= 2;
        let of_subject = |o: &&Observation| match subject.kind {
            HitKind::Sector => o.sector.as_deref() == Some(subject.id.as_str()),
            _ => o.region == subject.id && sector.is_none_or(|s| o.sector.as_deref() == Some(s)),
        };
        let rows: Vec<&Observation> = dataset.observations.iter().filter(of_subject).filter(|o| year.is_none_or(|y| o.year == y)).collect();
        // The measure: the best name match among the subject's indicators, then the one with the
        // most figures for the subject.
        let indicator = self
            .measures
            .iter()
            .filter_map(|m| {
                let matched = m.keys.iter().filter_map(|k| k.matches(&measure)).filter(|m| *m != Match::Substring || in_chinese).min()?;
                let n = rows.iter().filter(|o| o.indicator == m.id).count();
                (n > 0).then_some((matched, std::cmp::Reverse(n), m.id.as_str()))
            })
            .min()?
            .2;
        let scope = |o: &Observation| match subject.kind {
            // A sector's figure for the city first; a place's figure for its whole economy first.
            HitKind::Sector => o.region != BEIJING,
            _ => o.sector.is_some(),
        };
        let figure = rows
            .iter()
            .filter(|o| o.indicator == indicator)
            .min_by(|a, b| {
                let rank = |o: &Observation| (scope(o), !o.kind.is_outcome(), std::cmp::Reverse(if year.is_some() { (u16::from(!o.is_part_year()), 0) } else { o.ends() }));
                rank(a).cmp(&rank(b)).then_with(|| super::profile::latest_first(dataset, a, b))
            })?;
        Some(Hit { kind: HitKind::Figure, id: figure.id.clone(), matched: Match::Exact })
    }

    /// The best `limit` results for what the reader typed, the figure it asks for first; none for
    /// an empty query.
    pub fn search_with_figure(&self, dataset: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        let figure = self.figure(dataset, query);
        let rest = self.search(query, limit.saturating_sub(usize::from(figure.is_some())));
        figure.into_iter().chain(rest).take(limit).collect()
    }

    /// The best `limit` names for what the reader typed; none for an empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = Key::text(query).joined;
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(Match, HitKind, usize, usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(order, entry)| {
                let (matched, length) = entry
                    .keys
                    .iter()
                    .filter_map(|k| k.matches(&query).map(|m| (m, k.joined.len())))
                    .min()?;
                Some((matched, entry.kind, length, order, entry))
            })
            .collect();
        crate::model::order::sort_by_key(&mut hits, |(matched, kind, length, order, _)| (*matched, *kind, *length, *order));
        hits.into_iter().take(limit).map(|(matched, kind, _, _, entry)| Hit { kind, id: entry.id.clone(), matched }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn index() -> (&'static Dataset, &'static SearchIndex) {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        let dataset = crate::fixtures::real();
        (dataset, INDEX.get_or_init(|| SearchIndex::new(dataset)))
    }

    fn first(query: &str) -> Option<(HitKind, String)> {
        index().1.search(query, 8).into_iter().next().map(|h| (h.kind, h.id))
    }

    #[test]
    fn a_blank_query_finds_nothing_and_says_so_without_the_index() {
        let (dataset, index) = index();
        for query in ["", "   ", " · ", "\t", "—"] {
            assert!(is_blank(query), "{query:?}");
            assert_eq!(index.search_with_figure(dataset, query, 8), Vec::new(), "{query:?}");
        }
        for query in ["ic", "海淀", "2023"] {
            assert!(!is_blank(query), "{query:?}");
        }
    }

    #[test]
    fn finds_a_sector_by_english_chinese_pinyin_and_abbreviation() {
        for query in ["jicheng", "集成电路", "IC", "ic", "Integrated circuits", "integrated", "jichengdianlu", "ji cheng"] {
            assert_eq!(first(query), Some((HitKind::Sector, "integrated_circuits".into())), "{query}");
        }
        assert_eq!(first("AI"), Some((HitKind::Sector, "artificial_intelligence".into())));
        assert_eq!(first("rengong"), Some((HitKind::Sector, "artificial_intelligence".into())));
    }

    #[test]
    fn finds_sectors_and_places_by_what_readers_type() {
        for (query, sector) in [
            ("chips", "integrated_circuits"),
            ("semiconductor", "integrated_circuits"),
            ("芯片", "integrated_circuits"),
            ("xinpian", "integrated_circuits"),
            ("biotech", "medicine_health"),
            ("pharma", "medicine_health"),
            ("生物医药", "medicine_health"),
            ("EV", "new_energy_vehicles"),
            ("电动汽车", "new_energy_vehicles"),
        ] {
            assert_eq!(first(query), Some((HitKind::Sector, sector.into())), "{query}");
        }
        assert_eq!(first("经开区"), Some((HitKind::Zone, "bda".into())));
    }

    #[test]
    fn a_short_query_finds_names_that_start_with_it_not_fragments() {
        let (dataset, index) = index();
        let hits = index.search("AI", 8);
        assert_eq!(hits[0].id, "artificial_intelligence");
        let labels: Vec<String> = hits.iter().map(|h| h.label(dataset, Lang::En)).collect();
        assert!(!labels.iter().any(|l| l.contains("Airport") || l.starts_with("Annual investment")), "{labels:?}");
    }

    #[test]
    fn one_entry_per_indicator_and_two_with_one_name_are_told_apart() {
        let (dataset, index) = index();
        let hits = index.search("GDP", 60);
        let mut ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "one entry per indicator: {ids:?}");
        // Two indicators share the English name "Share of Beijing's GDP": both are found, by id,
        // each named with the place its figures are for.
        for lang in [Lang::En, Lang::Zh] {
            let labels: Vec<String> = hits.iter().map(|h| h.label(dataset, lang)).collect();
            let mut unique = labels.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(labels.len(), unique.len(), "{labels:?}");
        }
        let shares = index.search("share of beijing's gdp", 8);
        for (id, label) in [("gdp_share", "Share of Beijing's GDP · Three cities, one zone"), ("gdp_share_of_beijing", "Share of Beijing's GDP · Haidian")] {
            let hit = shares.iter().find(|h| h.id == id).unwrap_or_else(|| panic!("{id} not found: {shares:?}"));
            assert_eq!(hit.label(dataset, Lang::En), label);
        }
    }

    #[test]
    fn a_place_and_a_measure_answer_with_the_figure_first() {
        let (dataset, index) = index();
        let answer = |query: &str| {
            let hits = index.search_with_figure(dataset, query, 8);
            let hit = hits.first().filter(|h| h.kind == HitKind::Figure).unwrap_or_else(|| panic!("{query}: {hits:?}")).clone();
            (hit.clone(), dataset.observation(&hit.id).expect("an observation"))
        };
        let (hit, haidian) = answer("haidian gdp");
        assert_eq!((haidian.indicator.as_str(), haidian.region.as_str(), haidian.sector.as_deref()), ("gdp", "haidian", None));
        let latest = dataset.observations.iter().filter(|o| o.indicator == "gdp" && o.region == "haidian" && o.kind.is_outcome()).map(|o| o.year).max();
        assert_eq!(Some(haidian.year), latest);
        let state = hit.target(dataset, &ViewState::default());
        assert_eq!((state.view, state.indicator.as_deref(), state.regions.as_slice()), (View::Trends, Some("gdp"), &["haidian".to_string()][..]));
        let (hit, in_2022) = answer("海淀 GDP 2022");
        assert_eq!((in_2022.region.as_str(), in_2022.year, in_2022.indicator.as_str()), ("haidian", 2022, "gdp"));
        assert_eq!(hit.figure_value(dataset, Lang::En).as_deref(), Some("1.02 trillion yuan · 2022"));
        assert_eq!(answer("海淀GDP2022").1.id, in_2022.id);
        assert_eq!(answer("海淀2022年GDP").1.id, in_2022.id);
        assert_eq!(answer("Haidian District GDP in 2022").1.id, in_2022.id);
        let (_, ai) = answer("AI revenue");
        assert_eq!(ai.sector.as_deref(), Some("artificial_intelligence"));
        assert!(ai.label_en.to_lowercase().contains("revenue"), "{}", ai.label_en);
        assert!(ai.kind.is_outcome());
        // A name alone, or a measure alone, is not a question about one figure.
        assert!(index.figure(dataset, "haidian").is_none());
        assert!(index.figure(dataset, "gdp").is_none());
        assert!(index.figure(dataset, "xyzzy gdp").is_none());
    }

    #[test]
    fn a_figure_answer_of_floors_gives_the_years_highest_floor_marked_at_least() {
        let (dataset, index) = index();
        let hits = index.search_with_figure(dataset, "IT cluster scale 2023", 8);
        let hit = hits.first().filter(|h| h.kind == HitKind::Figure).unwrap_or_else(|| panic!("{hits:?}"));
        let o = dataset.observation(&hit.id).unwrap();
        assert_eq!((o.sector.as_deref(), o.year), (Some("next_gen_it"), 2023), "{}", o.id);
        assert!(crate::model::is_floor(o), "{}", o.id);
        // The highest floor published for that measure and year, not the first by id.
        let highest = dataset
            .observations
            .iter()
            .filter(|p| p.indicator == o.indicator && p.sector == o.sector && p.region == o.region && p.year == 2023 && crate::model::is_floor(p))
            .map(crate::query::series::axis_value)
            .fold(f64::MIN, f64::max);
        assert_eq!(crate::query::series::axis_value(o), highest, "{}", o.id);
        assert_eq!(hit.figure_value(dataset, Lang::En).as_deref(), Some("≥ 3 trillion yuan · 2023"));
    }

    #[test]
    fn chinese_measures_without_word_breaks_and_a_place_with_a_sector_find_their_figure() {
        let (dataset, index) = index();
        let answer = |query: &str| index.figure(dataset, query).and_then(|h| dataset.observation(&h.id)).unwrap_or_else(|| panic!("{query}: no figure"));
        // "生产总值" is part of "地区生产总值", as Chinese writes it, with or without a space.
        for query in ["海淀 生产总值", "海淀生产总值"] {
            let o = answer(query);
            assert_eq!((o.region.as_str(), o.indicator.as_str(), o.sector.as_deref()), ("haidian", "gdp", None), "{query}");
        }
        // "software" is a longer name than "haidian", but the question is about Haidian's software.
        let o = answer("haidian software revenue");
        assert_eq!((o.region.as_str(), o.sector.as_deref()), ("haidian", Some("software_info_services")), "{}", o.id);
        assert!(o.label_en.to_lowercase().contains("revenue"), "{}", o.label_en);
    }

    #[test]
    fn finds_a_district_by_name_with_or_without_qu() {
        for query in ["haidian", "Haidian", "海淀", "海淀区", "haidianqu", "haid"] {
            assert_eq!(first(query), Some((HitKind::District, "haidian".into())), "{query}");
        }
    }

    #[test]
    fn finds_the_development_area_by_its_aliases() {
        for query in ["E-Town", "etown", "e town", "亦庄", "Yizhuang", "yizhuang", "北京经济技术开发区"] {
            assert_eq!(first(query), Some((HitKind::Zone, "bda".into())), "{query}");
        }
    }

    #[test]
    fn finds_indicators_and_leads_to_a_chart_with_figures() {
        let (dataset, index) = index();
        let hits = index.search("R&D", 20);
        let hit = hits.iter().find(|h| h.kind == HitKind::Indicator).expect("an R&D indicator");
        let state = hit.target(dataset, &ViewState::default());
        assert_eq!(state.view, View::Trends);
        let rows = crate::query::filter(dataset, &crate::query::Filter::from_state(&state, dataset));
        assert!(!rows.is_empty(), "{state:?}");
        // Every indicator found leads to figures, even one only published for a district.
        for indicator in &dataset.indicators {
            let hit = Hit { kind: HitKind::Indicator, id: indicator.id.clone(), matched: Match::Exact };
            let state = hit.target(dataset, &ViewState::default());
            let rows = crate::query::filter(dataset, &crate::query::Filter { time: None, ..crate::query::Filter::from_state(&state, dataset) });
            assert!(!rows.is_empty(), "{}", indicator.id);
        }
    }

    #[test]
    fn results_carry_their_kind_and_rank_exact_before_prefix_before_substring() {
        let (_, index) = index();
        let hits = index.search("haidian", 8);
        assert!(hits.windows(2).all(|w| (w[0].matched, w[0].kind) <= (w[1].matched, w[1].kind)), "{hits:?}");
        assert_eq!(hits[0].matched, Match::Exact);
        // Yizhuang the alias (exact) before Yizhuang New Town (prefix).
        let yizhuang = index.search("yizhuang", 8);
        assert_eq!(yizhuang.iter().map(|h| h.id.as_str()).take(2).collect::<Vec<_>>(), ["bda", "yizhuang_majuqiao_base"]);
        assert_eq!((yizhuang[0].matched, yizhuang[1].matched), (Match::Exact, Match::Prefix));
    }

    #[test]
    fn says_nothing_matches_when_nothing_does() {
        let (_, index) = index();
        assert!(index.search("xyzzy", 8).is_empty());
        assert!(index.search("", 8).is_empty());
        assert!(index.search("  -- ", 8).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_at_most_the_limit_and_never_panics(raw in "\\PC{0,80}") {
            let (dataset, index) = index();
            let hits = index.search_with_figure(dataset, &raw, 5);
            proptest::prop_assert!(hits.len() <= 5);
            // Ranked as the README says: exact, then prefix, then word, then substring.
            proptest::prop_assert!(hits.windows(2).all(|w| w[0].matched <= w[1].matched), "{:?}", hits);
            // The same text gives the same results.
            proptest::prop_assert_eq!(&index.search(&raw, 5), &hits);
            for hit in hits {
                proptest::prop_assert!(!hit.label(dataset, Lang::Zh).is_empty());
            }
        }
    }

    #[test]
    fn pinyin_table_covers_every_chinese_name() {
        let (dataset, _) = index();
        assert_eq!(pinyin("集成电路"), ["ji", "cheng", "dian", "lu"]);
        assert_eq!(pinyin("北京商务中心区（CBD）"), ["bei", "jing", "shang", "wu", "zhong", "xin", "qu", "cbd"]);
        let names = dataset.sectors.iter().map(|s| s.name_zh.as_str()).chain(dataset.zones.iter().map(|z| z.name_zh.as_str())).chain(DISTRICTS.iter().map(|d| d.name_zh));
        for name in names {
            let han = name.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            let syllables = pinyin(name).iter().filter(|w| PINYIN.iter().any(|(_, p)| p.contains(&w.as_str()))).count();
            assert!(syllables >= han, "{name}");
        }
        assert!(PINYIN.len() < 1000, "only the names' characters: {}", PINYIN.len());
    }

    /// Issue 23, C11: a polyphone is indexed under each reading: 朝阳 is found as chaoyang (and
    /// zhaoyang), whatever the crate's first reading of 朝.
    #[test]
    fn a_polyphone_is_indexed_under_every_reading() {
        let zhao = PINYIN.iter().find(|(c, _)| *c == '朝').map(|(_, r)| r.to_vec()).unwrap_or_default();
        assert!(zhao.contains(&"zhao") && zhao.contains(&"chao"), "{zhao:?}");
        let readings = pinyin_readings("朝阳区");
        // One key per other reading of each polyphone, one at a time (朝 and 区 here), not
        // every combination.
        let qu = PINYIN.iter().find(|(c, _)| *c == '区').map_or(0, |(_, r)| r.len());
        assert_eq!(readings.len(), 1 + (zhao.len() - 1) + (qu - 1), "{readings:?}");
        assert!(readings.contains(&vec!["chao".to_string(), "yang".to_string(), "qu".to_string()]), "{readings:?}");
        assert!(readings.contains(&vec!["zhao".to_string(), "yang".to_string(), "qu".to_string()]), "{readings:?}");
        // The Chinese name alone (no English name to help) matches either reading exactly.
        let chinese_only = keys("", "朝阳区");
        for query in ["chaoyangqu", "zhaoyangqu", "chaoyang"] {
            assert!(chinese_only.iter().any(|k| k.matches(query) == Some(Match::Exact)), "{query}");
        }
    }
}
