//! The header's search: sectors, districts, zones and indicators found by their English or
//! Chinese name, an English abbreviation (`IC`, from the initials or the brackets), or toneless
//! pinyin (`jicheng`, `haidian`, `yizhuang`). Exact matches rank before prefixes, prefixes before a
//! word inside the name, and those before any other substring.
//!
//! The pinyin comes from a table that build.rs writes with the `pinyin` crate, holding only the
//! characters the dataset's names use.

use crate::model::{split_aliases, Dataset, Lang, BEIJING, DISTRICTS};
use crate::state::{ProfileSubject, View, ViewState};
use std::collections::BTreeMap;

include!(concat!(env!("OUT_DIR"), "/pinyin_table.rs"));

/// What a result is; also its order on a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitKind {
    Sector,
    District,
    Zone,
    Indicator,
}

impl HitKind {
    /// The locale key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
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
            HitKind::Sector => crate::format::sector_name(dataset, Some(&self.id), lang),
            HitKind::District | HitKind::Zone => dataset.region_name(&self.id, lang),
            HitKind::Indicator => dataset.indicator(&self.id).map_or_else(|| self.id.clone(), |i| i.label(lang).to_string()),
        }
    }

    /// Where choosing it leads: the entity's profile, or the trends view on an indicator (in the
    /// city if it has figures there, else in the region with the most).
    pub fn target(&self, dataset: &Dataset, base: &ViewState) -> ViewState {
        match self.kind {
            HitKind::Sector => base.profile(ProfileSubject::Sector(&self.id)),
            HitKind::District => base.profile(ProfileSubject::District(&self.id)),
            HitKind::Zone => base.profile(ProfileSubject::Zone(&self.id)),
            HitKind::Indicator => {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for o in dataset.observations.iter().filter(|o| o.indicator == self.id) {
                    *counts.entry(o.region.as_str()).or_default() += 1;
                }
                let region = if counts.contains_key(BEIJING) {
                    None
                } else {
                    counts.into_iter().max_by_key(|(region, n)| (*n, std::cmp::Reverse(*region))).map(|(r, _)| r.to_string())
                };
                ViewState { view: View::Trends, indicator: Some(self.id.clone()), regions: region.into_iter().collect(), lang: base.lang, embed: base.embed, ..ViewState::default() }
                    .canonical(dataset)
            }
        }
    }
}

/// One way of writing a name, normalised: lower case, letters and digits only.
#[derive(Debug, Clone)]
struct Key {
    joined: String,
    words: Vec<String>,
}

impl Key {
    fn new(words: Vec<String>) -> Key {
        let words: Vec<String> = words.into_iter().filter(|w| !w.is_empty()).collect();
        Key { joined: words.concat(), words }
    }

    /// From any text: words split at anything that is not a letter or digit.
    fn text(text: &str) -> Key {
        Key::new(text.to_lowercase().split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect())
    }

    fn matches(&self, query: &str) -> Option<Match> {
        if self.joined.is_empty() {
            None
        } else if self.joined == query {
            Some(Match::Exact)
        } else if self.joined.starts_with(query) {
            Some(Match::Prefix)
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
    entries: Vec<Entry>,
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
                keys.push(Key::new(vec![initials]));
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
        let mut entries: Vec<Entry> = Vec::new();
        entries.extend(dataset.sectors.iter().map(|s| Entry { kind: HitKind::Sector, id: s.id.clone(), keys: keys(&s.name_en, &s.name_zh) }));
        entries.extend(DISTRICTS.iter().map(|d| Entry { kind: HitKind::District, id: d.id.to_string(), keys: keys(d.name_en, d.name_zh) }));
        entries.extend(dataset.zones.iter().map(|z| Entry { kind: HitKind::Zone, id: z.id.clone(), keys: keys(&z.name_en, &z.name_zh) }));
        entries.extend(dataset.indicators.iter().map(|i| Entry { kind: HitKind::Indicator, id: i.id.clone(), keys: keys(&i.label_en, &i.label_zh) }));
        SearchIndex { entries }
    }

    /// The best `limit` results for what the reader typed; none for an empty query.
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
        hits.sort_by_key(|(matched, kind, length, order, _)| (*matched, *kind, *length, *order));
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
    fn finds_a_sector_by_english_chinese_pinyin_and_abbreviation() {
        for query in ["jicheng", "集成电路", "IC", "ic", "Integrated circuits", "integrated", "jichengdianlu", "ji cheng"] {
            assert_eq!(first(query), Some((HitKind::Sector, "integrated_circuits".into())), "{query}");
        }
        assert_eq!(first("AI"), Some((HitKind::Sector, "artificial_intelligence".into())));
        assert_eq!(first("rengong"), Some((HitKind::Sector, "artificial_intelligence".into())));
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
            let hits = index.search(&raw, 5);
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
