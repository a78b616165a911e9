//! Loading and validating `data/`: JSON Lines in, a `Dataset` plus a list of `LoadIssue`s out.
//!
//! One bad line is reported with its file and line and skipped; nothing here panics on bad data.

use super::{
    group_thousands,
    Confidence, Dataset, Fact, Indicator, Kind, Observation, Period, Region, RegionLevel, Revision, SearchTerms, Sector,
    Source, Texts, Unit, Zone, BEIJING, DISTRICTS,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Beijing's bounding box, a little generous: zone points must fall inside it.
const LON_RANGE: (f64, f64) = (115.4, 117.6);
const LAT_RANGE: (f64, f64) = (39.4, 41.1);
/// Years a figure may describe: the data's reach plus the plans' horizon.
const YEAR_RANGE: (u16, u16) = (1990, 2035);

/// The dataset's files as text, so the same loader serves the compiled-in copy and test fixtures.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawFiles<'a> {
    pub observations: &'a str,
    pub sectors: &'a str,
    pub zones: &'a str,
    pub facts: &'a str,
    /// `data/search_terms.json`; empty means no synonyms.
    pub search_terms: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoadIssue {
    pub file: &'static str,
    /// 1-based; 0 where the issue concerns the file as a whole.
    pub line: usize,
    pub reason: String,
}

impl fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawObservation {
    id: String,
    indicator: String,
    indicator_en: String,
    indicator_zh: String,
    sector: String,
    region: String,
    year: i64,
    #[serde(default = "default_period")]
    period: String,
    value: f64,
    unit: Unit,
    kind: Kind,
    source_url: String,
    source_title: String,
    publisher: String,
    published: String,
    quote: String,
    confidence: Confidence,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    value_in_quote: Option<String>,
    #[serde(default)]
    revision: Option<Revision>,
}

/// Reads one sector, zone or fact object and takes its quote out (the quote goes to `Texts`).
/// The item is read with `deny_unknown_fields`, so a typo such as `text_zn` is an issue rather
/// than a silent fallback; serde's `flatten` would turn that check off, hence the quote is
/// removed from the object first.
fn quoted<T: DeserializeOwned>(text: &str) -> Result<(T, String), String> {
    let UniqueKeys(mut object) = serde_json::from_str(text).map_err(|err| err.to_string())?;
    let quote = match object.remove("quote") {
        Some(Value::String(quote)) => quote,
        Some(_) => return Err("`quote` is not a string".to_string()),
        None => return Err("missing field `quote`".to_string()),
    };
    let item = T::deserialize(Value::Object(object)).map_err(|err| err.to_string())?;
    Ok((item, quote))
}

/// A JSON object whose keys are each written once. serde_json's `Map` keeps the last of two
/// equal keys without a word, so `"name_zh"` written twice would lose one unseen; derived
/// structs (the observations) refuse it themselves.
struct UniqueKeys(serde_json::Map<String, Value>);

impl<'de> Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = UniqueKeys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<UniqueKeys, A::Error> {
                let mut object = serde_json::Map::new();
                while let Some((key, value)) = entries.next_entry::<String, Value>()? {
                    if object.contains_key(&key) {
                        return Err(serde::de::Error::custom(format!("duplicate key `{key}`")));
                    }
                    object.insert(key, value);
                }
                Ok(UniqueKeys(object))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// Rows with their line numbers, split into the items and their quotes.
fn unquote<T>(rows: Vec<(usize, (T, String))>) -> (Vec<T>, Vec<String>) {
    rows.into_iter().map(|(_, row)| row).unzip()
}

fn default_period() -> String {
    "year".to_string()
}

const OBSERVATIONS: &str = "data/observations.jsonl";
const SECTORS: &str = "data/sectors.json";
const ZONES: &str = "data/zones.jsonl";
const FACTS: &str = "data/facts.jsonl";
const SEARCH_TERMS: &str = "data/search_terms.json";

/// Never fails: every problem becomes a `LoadIssue` and the offending row is left out.
pub fn load(files: RawFiles<'_>) -> (Dataset, Vec<LoadIssue>) {
    let (dataset, _, issues) = load_with_texts(files);
    (dataset, issues)
}

/// `load`, keeping the quotes, notes and source titles as well (`Texts`).
pub fn load_with_texts(files: RawFiles<'_>) -> (Dataset, Texts, Vec<LoadIssue>) {
    let mut issues = Vec::new();
    let (sectors, sector_quotes) = unquote(load_sectors(files.sectors, &mut issues));
    let zones = json_lines(files.zones, ZONES, &mut issues, quoted::<Zone>);
    let (zones, zone_quotes) = unquote(check_zones(zones, &sectors, &mut issues));
    let regions = regions(&zones);
    let raw_observations = json_lines(files.observations, OBSERVATIONS, &mut issues, |line| {
        serde_json::from_str::<RawObservation>(line).map_err(|err| err.to_string())
    });
    let checked = check_observations(raw_observations, &sectors, &regions, &mut issues);
    let facts = json_lines(files.facts, FACTS, &mut issues, quoted::<Fact>);
    let (facts, fact_quotes) = unquote(check_facts(facts, &sectors, &regions, &mut issues));
    let indicators = indicators(&checked.observations);
    let search_terms = load_search_terms(files.search_terms, &sectors, &regions, &mut issues);
    let texts = Texts {
        observation_quotes: checked.quotes,
        observation_notes: checked.notes,
        source_titles: checked.titles,
        sector_quotes,
        zone_quotes,
        fact_quotes,
    };
    let (observations, sources) = (checked.observations, checked.sources);
    let dataset = Dataset { observations, sources, sectors, zones, facts, indicators, regions, search_terms, ..Default::default() };
    (dataset.index(), texts, issues)
}

/// `sectors.json` is one pretty-printed array: each sector is read on its own and its issues
/// name the line its object starts on.
fn load_sectors(text: &str, issues: &mut Vec<LoadIssue>) -> Vec<(usize, (Sector, String))> {
    let objects = match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(objects) => objects,
        Err(err) => {
            issues.push(issue(SECTORS, err.line(), err.to_string()));
            return Vec::new();
        }
    };
    let mut seen = HashSet::new();
    let mut sectors = Vec::new();
    for object in objects {
        // `RawValue` borrows from `text`, so its offset there gives its line.
        let offset = (object.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize).min(text.len());
        let line = text.get(..offset).map_or(0, |before| before.matches('\n').count()) + 1;
        let (sector, quote) = match quoted::<Sector>(object.get()) {
            Ok(row) => row,
            Err(reason) => {
                issues.push(issue(SECTORS, line, reason));
                continue;
            }
        };
        let mut problems = Vec::new();
        if !seen.insert(sector.id.clone()) {
            problems.push(format!("duplicate sector id `{}`", sector.id));
        }
        if !is_hex_colour(&sector.color) {
            problems.push(format!("`{}`: colour `{}` is not #rrggbb", sector.id, sector.color));
        }
        if problems.is_empty() {
            sectors.push((line, (sector, quote)));
        }
        issues.extend(problems.into_iter().map(|p| issue(SECTORS, line, p)));
    }
    sectors
}

/// `#rrggbb`: the only form a sector's colour may take, since it goes into a `style` attribute.
fn is_hex_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Each entry names a known sector, district or zone, once; each term is trimmed, not empty, and
/// leads to one entry only (case aside), so a synonym never hides which place it means.
fn load_search_terms(text: &str, sectors: &[Sector], regions: &[Region], issues: &mut Vec<LoadIssue>) -> Vec<SearchTerms> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let entries = match serde_json::from_str::<Vec<SearchTerms>>(text) {
        Ok(entries) => entries,
        Err(err) => {
            issues.push(issue(SEARCH_TERMS, err.line(), err.to_string()));
            return Vec::new();
        }
    };
    let mut ids = HashSet::new();
    let mut terms: HashMap<String, String> = HashMap::new();
    entries
        .into_iter()
        .enumerate()
        .filter(|(i, entry)| {
            let mut problems = Vec::new();
            let known = sectors.iter().any(|s| s.id == entry.id) || regions.iter().any(|r| r.id == entry.id && r.id != BEIJING);
            if !known {
                problems.push(format!("unknown sector or place `{}`", entry.id));
            }
            if !ids.insert(entry.id.clone()) {
                problems.push(format!("`{}` is listed twice", entry.id));
            }
            for term in entry.en.iter().chain(&entry.zh) {
                if term.trim().is_empty() || term.trim() != term {
                    problems.push(format!("`{}`: empty or untrimmed term {term:?}", entry.id));
                } else if let Some(other) = terms.insert(term.to_lowercase(), entry.id.clone()).filter(|other| *other != entry.id) {
                    problems.push(format!("`{}`: the term {term:?} also leads to `{other}`", entry.id));
                }
            }
            let ok = problems.is_empty();
            issues.extend(problems.into_iter().map(|p| issue(SEARCH_TERMS, i + 2, p)));
            ok
        })
        .map(|(_, entry)| entry)
        .collect()
}

/// Each non-blank line read by `read`, numbered from 1 as the file counts lines; a line that
/// cannot be read is an issue naming its line.
fn json_lines<T>(
    text: &str,
    file: &'static str,
    issues: &mut Vec<LoadIssue>,
    read: impl Fn(&str) -> Result<T, String>,
) -> Vec<(usize, T)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .filter_map(|(i, line)| match read(line) {
            Ok(row) => Some((i + 1, row)),
            Err(reason) => {
                issues.push(issue(file, i + 1, reason));
                None
            }
        })
        .collect()
}

fn issue(file: &'static str, line: usize, reason: String) -> LoadIssue {
    LoadIssue { file, line, reason }
}

fn check_zones(zones: Vec<(usize, (Zone, String))>, sectors: &[Sector], issues: &mut Vec<LoadIssue>) -> Vec<(usize, (Zone, String))> {
    let mut seen = HashSet::new();
    zones
        .into_iter()
        .filter(|(line, (zone, _))| {
            let line = *line;
            let mut problems = Vec::new();
            if !seen.insert(zone.id.clone()) {
                problems.push(format!("duplicate zone id `{}`", zone.id));
            }
            if !(LON_RANGE.0..=LON_RANGE.1).contains(&zone.lon) || !(LAT_RANGE.0..=LAT_RANGE.1).contains(&zone.lat) {
                problems.push(format!("`{}` lies outside Beijing ({}, {})", zone.id, zone.lon, zone.lat));
            }
            if !DISTRICTS.iter().any(|d| d.id == zone.district) {
                problems.push(format!("`{}`: unknown district `{}`", zone.id, zone.district));
            }
            for sector in zone.sectors.iter().filter(|s| !sectors.iter().any(|known| &known.id == *s)) {
                problems.push(format!("`{}`: unknown sector `{sector}`", zone.id));
            }
            let ok = problems.is_empty();
            issues.extend(problems.into_iter().map(|p| issue(ZONES, line, p)));
            ok
        })
        .collect()
}

/// The city, its districts, the zones of `zones.jsonl`, and the two aggregates the data uses.
fn regions(zones: &[Zone]) -> Vec<Region> {
    let region = |id: &str, en: &str, zh: &str, level| Region {
        id: id.to_string(),
        name_en: en.to_string(),
        name_zh: zh.to_string(),
        level,
    };
    let mut regions = vec![region(BEIJING, "Beijing", "北京市", RegionLevel::City)];
    regions.extend(DISTRICTS.iter().map(|d| region(d.id, d.name_en, d.name_zh, RegionLevel::District)));
    regions.extend(zones.iter().map(|z| region(&z.id, &z.name_en, &z.name_zh, RegionLevel::Zone)));
    regions.push(region("three_cities_one_zone", "Three cities, one zone", "三城一区", RegionLevel::Aggregate));
    regions.push(region("china", "China", "中国", RegionLevel::Aggregate));
    regions
}

/// The observations that passed their checks, their sources, and the words of both.
#[derive(Default)]
struct CheckedObservations {
    observations: Vec<Observation>,
    quotes: Vec<String>,
    notes: Vec<String>,
    sources: Vec<Source>,
    titles: Vec<String>,
}

fn check_observations(
    rows: Vec<(usize, RawObservation)>,
    sectors: &[Sector],
    regions: &[Region],
    issues: &mut Vec<LoadIssue>,
) -> CheckedObservations {
    let mut seen = HashSet::new();
    let mut checked = CheckedObservations::default();
    let mut source_by_url: HashMap<String, usize> = HashMap::new();
    for (line, mut row) in rows {
        // An empty `value_in_quote` says nothing: the quote must then state the number itself.
        row.value_in_quote = row.value_in_quote.filter(|words| !words.trim().is_empty());
        let mut problems = Vec::new();
        if !seen.insert(row.id.clone()) {
            problems.push(format!("duplicate id `{}`", row.id));
        }
        let sector = (row.sector != "all").then(|| row.sector.clone());
        if let Some(sector) = &sector {
            if !sectors.iter().any(|s| &s.id == sector) {
                problems.push(format!("`{}`: unknown sector `{sector}`", row.id));
            }
        }
        if !regions.iter().any(|r| r.id == row.region) {
            problems.push(format!("`{}`: unknown region `{}`", row.id, row.region));
        }
        let year = u16::try_from(row.year).ok().filter(|y| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(y));
        if year.is_none() {
            problems.push(format!("`{}`: year {} is outside {}–{}", row.id, row.year, YEAR_RANGE.0, YEAR_RANGE.1));
        }
        let period = Period::parse(&row.period);
        match period {
            None => problems.push(format!(
                "`{}`: period `{}` is none of `year`, `YYYY-YYYY`, `YYYY-MM/YYYY-MM`, `YYYY-MM`, `N years`",
                row.id, row.period
            )),
            Some(period) if period.last_year().is_some_and(|last| i64::from(last) != row.year) => {
                problems.push(format!("`{}`: period `{}` does not end in the year {}", row.id, row.period, row.year));
            }
            Some(_) => {}
        }
        if !row.value.is_finite() {
            problems.push(format!("`{}`: value is not a number", row.id));
        }
        // A derived value is arithmetic on the quote's figures, so the quote need not state it.
        if row.kind != Kind::Derived && !validate_quote(row.value, &row.quote, row.value_in_quote.as_deref()) {
            problems.push(format!("`{}`: the quote does not contain the value {}", row.id, row.value));
        }
        if row.kind == Kind::Derived && row.note.as_deref().is_none_or(str::is_empty) {
            problems.push(format!("`{}`: a derived value needs a note saying how", row.id));
        }
        if row.source_url.trim().is_empty() {
            problems.push(format!("`{}`: no source URL", row.id));
        }
        if !problems.is_empty() {
            issues.extend(problems.into_iter().map(|p| issue(OBSERVATIONS, line, p)));
            continue;
        }
        let source = *source_by_url.entry(row.source_url.clone()).or_insert_with(|| {
            checked.sources.push(Source {
                url: row.source_url.clone(),
                publisher: row.publisher.clone(),
                published: row.published.clone(),
                confidence: row.confidence,
                n_figures: 0,
            });
            checked.titles.push(row.source_title.clone());
            checked.sources.len() - 1
        });
        checked.sources[source].n_figures += 1;
        let note = row.note.filter(|n| !n.trim().is_empty());
        let translated = is_translation(&row.quote);
        checked.quotes.push(row.quote);
        checked.notes.push(note.unwrap_or_default());
        checked.observations.push(Observation {
            id: row.id,
            indicator: row.indicator,
            label_en: row.indicator_en,
            label_zh: row.indicator_zh,
            sector,
            region: row.region,
            year: year.unwrap_or_default(),
            period: period.unwrap_or(Period::Year),
            value: row.value,
            unit: row.unit,
            kind: row.kind,
            source,
            revision: row.revision,
            translated,
        });
    }
    checked
}

fn check_facts(
    facts: Vec<(usize, (Fact, String))>,
    sectors: &[Sector],
    regions: &[Region],
    issues: &mut Vec<LoadIssue>,
) -> Vec<(usize, (Fact, String))> {
    let mut seen = HashSet::new();
    facts
        .into_iter()
        .filter(|(line, (fact, _))| {
            let mut problems = Vec::new();
            if !seen.insert(fact.id.clone()) {
                problems.push(format!("duplicate fact id `{}`", fact.id));
            }
            if !regions.iter().any(|r| r.id == fact.region) {
                problems.push(format!("`{}`: unknown region `{}`", fact.id, fact.region));
            }
            for sector in fact.sectors.iter().filter(|s| !sectors.iter().any(|known| &known.id == *s)) {
                problems.push(format!("`{}`: unknown sector `{sector}`", fact.id));
            }
            let year_ok = fact.date.get(..4).and_then(|y| y.parse::<u16>().ok()).is_some_and(|y| (YEAR_RANGE.0..=YEAR_RANGE.1).contains(&y));
            if !year_ok {
                problems.push(format!("`{}`: date `{}` has no sane year", fact.id, fact.date));
            }
            let ok = problems.is_empty();
            issues.extend(problems.into_iter().map(|p| issue(FACTS, *line, p)));
            ok
        })
        .collect()
}

/// Each indicator id once, labelled with its most common label, in order of first appearance.
fn indicators(observations: &[Observation]) -> Vec<Indicator> {
    let mut order: Vec<&str> = Vec::new();
    let mut labels: HashMap<&str, HashMap<(&str, &str), usize>> = HashMap::new();
    for observation in observations {
        let id = observation.indicator.as_str();
        let counts = labels.entry(id).or_insert_with(|| {
            order.push(id);
            HashMap::new()
        });
        *counts.entry((&observation.label_en, &observation.label_zh)).or_default() += 1;
    }
    order
        .into_iter()
        .filter_map(|id| Some((id, labels.get(id)?)))
        .map(|(id, counts)| {
            // Ties go to the shorter label, so the pick does not depend on hash order.
            let (en, zh) = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0 .0.len().cmp(&a.0 .0.len())).then_with(|| b.0.cmp(a.0)))
                .map(|(labels, _)| *labels)
                .unwrap_or((id, id));
            Indicator {
                id: id.to_string(),
                label_en: en.to_string(),
                label_zh: zh.to_string(),
                n_observations: counts.values().sum(),
            }
        })
        .collect()
}

/// Whether `quote` states `value`: as `value_in_quote` when given, else as the number written
/// plainly (`1234.5`), with thousands separators (`1,234.5`) or, for negative values, unsigned
/// (sources say "fell 3.2%"), with trailing zeros (`239.30`), or with the decimal point written
/// `。` (Chinese reposts) or `,` (the German portal). A match must not sit inside a longer number.
pub fn validate_quote(value: f64, quote: &str, value_in_quote: Option<&str>) -> bool {
    if let Some(words) = value_in_quote {
        return !words.trim().is_empty() && quote.contains(words);
    }
    let plain = format!("{}", value.abs());
    let grouped = group_thousands(&plain);
    let other_points = ["。", ","].map(|point| plain.replace('.', point));
    [plain.clone(), grouped].iter().chain(other_points.iter()).any(|written| contains_number(quote, written))
}

/// Whether a quote gives a Beijing figure in another language than Chinese (an English, Japanese
/// or Russian report): no Han character, or Japanese kana among them.
pub(crate) fn is_translation(quote: &str) -> bool {
    let han = quote.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let kana = quote.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    !han || kana
}

fn contains_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let rest = &text[start + number.len()..];
        // `239.3` stands in `239.30`: skip zeros that only pad the decimals.
        // And a whole number stands in `132.0`: a point followed only by zeros pads it too.
        let rest = if number.contains(['.', '。', ',']) {
            rest.trim_start_matches('0')
        } else {
            match rest.strip_prefix('.') {
                Some(decimals) if decimals.starts_with('0') => decimals.trim_start_matches('0'),
                _ => rest,
            }
        };
        let after: Vec<char> = rest.chars().take(2).collect();
        let digit_before = before.is_some_and(|c| c.is_ascii_digit() || c == '.');
        let digit_after = match after.as_slice() {
            [c, ..] if c.is_ascii_digit() => true,
            ['.' | ',', c, ..] if c.is_ascii_digit() => true,
            _ => false,
        };
        !digit_before && !digit_after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_in_chinese_is_the_figures_own_language() {
        assert!(!is_translation("2022年,海淀区实现地区生产总值10206.9亿元"));
        assert!(is_translation("海淀区の昨年のGDPは前年比3.5%増の1兆206億9000万元だった。"));
        assert!(is_translation("Haidian's GDP surpassed 1 trillion yuan"));
    }

    #[test]
    fn search_terms_must_name_a_known_place_once_and_lead_to_one_entry() {
        let sectors = r##"[{"id": "ic", "name_en": "IC", "name_zh": "集成电路", "description_en": "", "description_zh": "", "color": "#000000", "source_url": "https://example.org", "quote": ""}]"##;
        let terms = "[\n{\"id\": \"ic\", \"en\": [\"chips\"], \"zh\": [\"芯片\"]},\n{\"id\": \"atlantis\", \"en\": [\"x\"]},\n{\"id\": \"haidian\", \"en\": [\"Chips\", \" pad\"]}\n]";
        let (dataset, issues) = load(RawFiles { observations: "", sectors, zones: "", facts: "", search_terms: terms });
        assert_eq!(dataset.search_terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["ic"]);
        let reasons: Vec<String> = issues.iter().map(ToString::to_string).collect();
        assert!(reasons.iter().any(|r| r.starts_with("data/search_terms.json:3:") && r.contains("unknown sector or place `atlantis`")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.starts_with("data/search_terms.json:4:") && r.contains("\"Chips\" also leads to `ic`")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("untrimmed term \" pad\"")), "{reasons:?}");
        let (_, issues) = load(RawFiles { search_terms: "{", ..RawFiles::default() });
        assert!(issues.iter().any(|i| i.file == "data/search_terms.json"), "{issues:?}");
    }

    #[test]
    fn quote_check_accepts_the_ways_figures_are_written() {
        assert!(validate_quote(30.1, "accounted for 30.1 percent", None));
        assert!(validate_quote(4376.07, "达到4,376.07亿元", None));
        assert!(validate_quote(1234.0, "1234 firms", None));
        assert!(validate_quote(-3.2, "下降3.2%", None));
        assert!(validate_quote(239.3, "hit 239.30 billion yuan", None));
        assert!(validate_quote(30.1, "GDP比重的30。1,比2018年", None));
        assert!(validate_quote(301.1, "lag mit 301,1 an erster Stelle", None));
        assert!(validate_quote(0.5, "half of it", Some("half")));
        assert!(validate_quote(132.0, "每万人发明专利拥有量132.0件", None));
    }

    #[test]
    fn quote_check_rejects_numbers_inside_longer_numbers() {
        assert!(!validate_quote(30.1, "130.1 percent", None));
        assert!(!validate_quote(6.0, "6.1%", None));
        assert!(!validate_quote(6.0, "16%", None));
        assert!(!validate_quote(132.0, "132.05件", None));
        assert!(!validate_quote(0.5, "half of it", Some("a third")));
    }

    /// A stock counted "as of 2024-10" ended in October, not December: a figure for January to
    /// November 2024 is later, and a full year 2024 later still.
    #[test]
    fn a_stock_as_of_a_month_ends_in_that_month() {
        let line = |id: &str, period: &str, value: f64| format!(
            r#"{{"id":"{id}","indicator":"firms","indicator_en":"Firms","indicator_zh":"企业数","sector":"all","region":"beijing","year":2024,"period":"{period}","value":{value},"unit":"count","kind":"actual","source_url":"https://example.org/{id}","source_title":"t","publisher":"p","published":"2024-12","quote":"{value} firms","confidence":"official"}}"#
        );
        let text = [line("as-of", "2024-10", 120.0), line("months", "2024-01/2024-11", 130.0), line("year", "year", 140.0)].join("\n");
        let (dataset, issues) = load(RawFiles { observations: &text, sectors: "[]", ..RawFiles::default() });
        assert!(issues.is_empty(), "{issues:?}");
        let ends = |id: &str| dataset.observations.iter().find(|o| o.id == id).map(|o| o.ends());
        assert_eq!(ends("as-of"), Some((2024, 10)));
        assert_eq!(ends("months"), Some((2024, 11)));
        assert_eq!(ends("year"), Some((2024, 12)));
        let latest = dataset.observations.iter().filter(|o| o.id != "year").max_by_key(|o| o.ends()).map(|o| o.id.as_str());
        assert_eq!(latest, Some("months"));
    }

    #[test]
    fn a_bad_line_is_reported_with_file_and_line_and_skipped() {
        let sectors = r##"[{"id":"integrated_circuits","name_en":"Integrated circuits","name_zh":"集成电路","description_en":"","description_zh":"","color":"#000000","source_url":"https://example.org","quote":""}]"##;
        let good = r#"{"id":"a","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":2022,"value":41610.9,"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/a","source_title":"t","publisher":"p","published":"2023","quote":"41610.9亿元","confidence":"official"}"#;
        let unknown_sector = good.replace(r#""id":"a""#, r#""id":"b""#).replace(r#""sector":"all""#, r#""sector":"space""#);
        let text = format!("{good}\nnot json\n{unknown_sector}\n");
        let (dataset, issues) = load(RawFiles { observations: &text, sectors, zones: "", facts: "", search_terms: "" });
        assert_eq!(dataset.observations.len(), 1);
        let lines: Vec<String> = issues.iter().map(|i| format!("{}:{}", i.file, i.line)).collect();
        assert_eq!(lines, ["data/observations.jsonl:2", "data/observations.jsonl:3"]);
        assert!(issues[1].reason.contains("unknown sector `space`"));
    }

    /// Code review C2: 80 district figures whose note says the table "may mix preliminary and
    /// revised data" were labelled preliminary. The standing is the data's `revision` field only.
    #[test]
    fn revision_comes_from_its_field_never_from_the_note() {
        let sectors = "[]";
        let line = |id: &str, extra: &str| format!(
            r#"{{"id":"{id}","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":2022,"value":41610.9,"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/{id}","source_title":"t","publisher":"p","published":"2023","quote":"初步核算，41610.9亿元","confidence":"official"{extra}}}"#
        );
        let text = [
            line("noted", r#","note":"Figures may mix preliminary and revised data; final figures differ.""#),
            line("said", r#","revision":"preliminary""#),
            line("final", r#","revision":"final""#),
            line("bad", r#","revision":"provisional""#),
        ]
        .join("\n");
        let (dataset, issues) = load(RawFiles { observations: &text, sectors, ..Default::default() });
        let revision = |id: &str| dataset.observation(id).and_then(Observation::revision);
        assert_eq!(revision("noted"), None, "a note's words say nothing of the standing");
        assert_eq!(revision("said"), Some(Revision::Preliminary));
        assert_eq!(revision("final"), Some(Revision::Final));
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!((issues[0].line, dataset.observation("bad")), (4, None));
    }

    const SECTOR: &str = r##"{"id":"integrated_circuits","name_en":"Integrated circuits","name_zh":"集成电路","description_en":"","description_zh":"","color":"#4e79a7","source_url":"https://example.org","quote":""}"##;

    fn lines_and_reasons(issues: &[LoadIssue]) -> Vec<(String, String)> {
        issues.iter().map(|i| (format!("{}:{}", i.file, i.line), i.reason.clone())).collect()
    }

    /// Issue 23, C7: a zone's issue names its line in the file, after blank and bad lines.
    #[test]
    fn a_zones_issue_names_its_line_in_the_file() {
        let sectors = format!("[{SECTOR}]");
        let zone = r#"{"id":"bda","name_en":"BDA","name_zh":"亦庄","kind":"zone","district":"daxing","lon":116.5,"lat":39.8,"coord_basis":"approximate","sectors":["integrated_circuits"],"description_en":"d","description_zh":"d","source_url":"https://example.org","quote":"q"}"#;
        let far = zone.replace(r#""id":"bda""#, r#""id":"far""#).replace("116.5", "120.5");
        let text = format!("{zone}\n\nnot json\n{far}\n");
        let (dataset, issues) = load(RawFiles { sectors: &sectors, zones: &text, ..RawFiles::default() });
        assert_eq!(dataset.zones.len(), 1);
        let lines: Vec<String> = issues.iter().map(|i| format!("{}:{}", i.file, i.line)).collect();
        assert_eq!(lines, ["data/zones.jsonl:3", "data/zones.jsonl:4"]);
        assert_eq!(issues[1].reason, "`far` lies outside Beijing (120.5, 39.8)");
    }

    /// Issue 23, C7: a fact's issue names its line, and a misspelt field is an issue, not a
    /// silent fallback to English.
    #[test]
    fn a_facts_typo_is_an_issue_on_its_line() {
        let sectors = format!("[{SECTOR}]");
        let fact = r#"{"id":"f1","date":"2021-03-01","region":"beijing","sectors":[],"text_en":"E","text_zh":"中","source_url":"https://example.org","publisher":"p","published":"2021","quote":"q"}"#;
        let typo = fact.replace(r#""id":"f1""#, r#""id":"f2""#).replace("text_zh", "text_zn");
        let unknown_region = fact.replace(r#""id":"f1""#, r#""id":"f3""#).replace(r#""region":"beijing""#, r#""region":"mars""#);
        let text = format!("\n{fact}\n\n{typo}\n{unknown_region}");
        let (dataset, issues) = load(RawFiles { sectors: &sectors, facts: &text, ..RawFiles::default() });
        assert_eq!(dataset.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f1"]);
        assert_eq!(lines_and_reasons(&issues)[0].0, "data/facts.jsonl:4");
        assert!(issues[0].reason.starts_with("unknown field `text_zn`"), "{}", issues[0].reason);
        assert_eq!(lines_and_reasons(&issues)[1], ("data/facts.jsonl:5".to_string(), "`f3`: unknown region `mars`".to_string()));
    }

    /// Issue 23, C7 and §6 S1: `sectors.json` is pretty-printed; an issue names the line its
    /// sector starts on; an unknown field and a colour that is not #rrggbb are issues.
    #[test]
    fn a_sectors_issue_names_the_line_its_object_starts_on() {
        let pretty = |json: &str| serde_json::to_string_pretty(&serde_json::from_str::<Value>(json).unwrap()).unwrap();
        let ai = SECTOR.replace("integrated_circuits", "ai");
        let typo = SECTOR.replace("integrated_circuits", "typo").replace("name_zh", "name_zn");
        let red = SECTOR.replace("integrated_circuits", "red").replace("#4e79a7", "red;background:url(x)");
        let short = SECTOR.replace("integrated_circuits", "short").replace("#4e79a7", "#fff");
        let text = pretty(&format!("[{SECTOR},{ai},{typo},{red},{short},{SECTOR}]"));
        let (dataset, issues) = load(RawFiles { sectors: &text, ..RawFiles::default() });
        assert_eq!(dataset.sectors.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["integrated_circuits", "ai"]);
        // Each pretty-printed sector takes 10 lines after the opening `[`: they start on 2, 12, 22 …
        let got = lines_and_reasons(&issues);
        assert_eq!(got.iter().map(|(line, _)| line.as_str()).collect::<Vec<_>>(), ["data/sectors.json:22", "data/sectors.json:32", "data/sectors.json:42", "data/sectors.json:52"]);
        assert!(got[0].1.starts_with("unknown field `name_zn`"), "{}", got[0].1);
        assert_eq!(got[1].1, "`red`: colour `red;background:url(x)` is not #rrggbb");
        assert_eq!(got[2].1, "`short`: colour `#fff` is not #rrggbb");
        assert_eq!(got[3].1, "duplicate sector id `integrated_circuits`");
    }

    /// Issue 23 (review L): a key written twice in one object was kept silently (the last one
    /// won); now the line is an issue naming the key, in every file.
    #[test]
    fn a_key_written_twice_is_an_issue_on_its_line() {
        let ai = SECTOR.replace("integrated_circuits", "ai").replace(r##""color":"#4e79a7""##, r##""color":"#4e79a7","color":"#e15759""##);
        let sectors = format!("[\n{SECTOR},\n{ai}\n]");
        let zone = r#"{"id":"bda","name_en":"BDA","name_zh":"亦庄","kind":"zone","district":"daxing","lon":116.5,"lat":39.8,"coord_basis":"approximate","sectors":["integrated_circuits"],"description_en":"d","description_zh":"d","source_url":"https://example.org","quote":"q"}"#;
        let twice = zone.replace(r#""id":"bda""#, r#""id":"bda2""#).replace(r#""name_zh":"亦庄""#, r#""name_zh":"亦庄","name_zh":"大兴""#);
        let fact = r#"{"id":"f1","date":"2021-03-01","region":"beijing","sectors":[],"text_en":"E","text_zh":"中","source_url":"https://example.org","publisher":"p","published":"2021","quote":"q"}"#;
        let fact_twice = fact.replace(r#""id":"f1""#, r#""id":"f2""#).replace(r#""quote":"q""#, r#""quote":"q","quote":"r""#);
        let observation = r#"{"id":"a","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":2022,"value":41610.9,"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/a","source_title":"t","publisher":"p","published":"2023","quote":"41610.9亿元","confidence":"official"}"#;
        let observation_twice = observation.replace(r#""id":"a""#, r#""id":"b""#).replace(r#""year":2022"#, r#""year":2022,"year":2021"#);
        let (dataset, issues) = load(RawFiles {
            sectors: &sectors,
            zones: &format!("{zone}\n{twice}"),
            facts: &format!("{fact}\n\n{fact_twice}"),
            observations: &format!("{observation}\n{observation_twice}"),
            ..RawFiles::default()
        });
        assert_eq!(dataset.sectors.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["integrated_circuits"]);
        assert_eq!(dataset.zones.iter().map(|z| z.id.as_str()).collect::<Vec<_>>(), ["bda"]);
        assert_eq!(dataset.facts.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["f1"]);
        assert_eq!(dataset.observations.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["a"]);
        let got = lines_and_reasons(&issues);
        assert_eq!(got.iter().map(|(line, _)| line.as_str()).collect::<Vec<_>>(), ["data/sectors.json:3", "data/zones.jsonl:2", "data/observations.jsonl:2", "data/facts.jsonl:3"]);
        for ((line, reason), key) in got.iter().zip(["color", "name_zh", "year", "quote"]) {
            assert!(reason.starts_with(&format!("duplicate key `{key}`")) || reason.starts_with(&format!("duplicate field `{key}`")), "{line}: {reason}");
        }
    }

    /// Issue 23, C8: a period outside the schema's forms, or one that does not end in the line's
    /// year, is an issue on its line.
    #[test]
    fn a_period_is_one_of_the_schemas_forms_and_ends_in_the_year() {
        let sectors = format!("[{SECTOR}]");
        let good = r#"{"id":"a","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":2022,"period":"2022-01/2022-06","value":41610.9,"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/a","source_title":"t","publisher":"p","published":"2023","quote":"41610.9亿元","confidence":"official"}"#;
        let words = good.replace(r#""id":"a""#, r#""id":"b""#).replace("2022-01/2022-06", "first half");
        let late = good.replace(r#""id":"a""#, r#""id":"c""#).replace("2022-01/2022-06", "2021-2025");
        let text = format!("{good}\n{words}\n{late}");
        let (dataset, issues) = load(RawFiles { observations: &text, sectors: &sectors, ..RawFiles::default() });
        assert_eq!(dataset.observations[0].period, Period::Months { from: (2022, 1), to: (2022, 6) });
        assert_eq!(lines_and_reasons(&issues), [
            ("data/observations.jsonl:2".to_string(), "`b`: period `first half` is none of `year`, `YYYY-YYYY`, `YYYY-MM/YYYY-MM`, `YYYY-MM`, `N years`".to_string()),
            ("data/observations.jsonl:3".to_string(), "`c`: period `2021-2025` does not end in the year 2022".to_string()),
        ]);
    }
}
