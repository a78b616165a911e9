//! Words and numbers as a reader of each language expects them: the one way to translate a UI
//! string (`tr`, `tr_with`, from locales/app.yml), figures with their units (亿元 / 万亿元 in
//! Chinese, billion / trillion yuan in English) and periods. Display only: the published value is
//! never changed.

use crate::model::{Confidence, Dataset, Kind, Lang, Observation, Period, Unit};

/// A UI string in the reader's language, from locales/app.yml.
pub fn tr(lang: Lang, key: &str) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// A UI string with its `%{name}` placeholders filled in, in one pass, so a value that itself
/// looks like a placeholder (a hostile link's text) is never expanded.
pub fn tr_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let template = tr(lang, key);
    let mut out = String::with_capacity(template.len());
    let mut rest = template.as_str();
    while let Some(start) = rest.find("%{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        match args.iter().find(|(name, _)| *name == &after[..end]) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A sentence with a count, in the right number: `<key>_one` for exactly one ("1 result"),
/// `<key>` otherwise ("3 results"); `%{count}` is the count, grouped.
pub fn counted(lang: Lang, key: &str, count: usize) -> String {
    let key = if count == 1 { format!("{key}_one") } else { key.to_string() };
    tr_with(lang, &key, &[("count", &number(count as f64))])
}

/// Display name of a sector id, or of the whole economy for `None`.
pub fn sector_name(dataset: &Dataset, sector: Option<&str>, lang: Lang) -> String {
    match sector.and_then(|id| dataset.sector(id)) {
        Some(sector) => sector.name(lang).to_string(),
        None => tr(lang, "sector.all"),
    }
}

/// `2021`, or the stretch a figure covers when it is not one calendar year, in the reader's
/// language: `2021–2025`, `Jan–Jun 2023` / `2023年1–6月`, `as of Oct 2022` / `截至2022年10月`,
/// `over 7 years (not stated which)` / `7年间（未说明起止年份）`.
pub fn period_label(observation: &Observation, lang: Lang) -> String {
    let month = |m: u8| tr(lang, &format!("period.month.{m}"));
    match observation.period {
        Period::Year => observation.year.to_string(),
        Period::Span { from, to } => format!("{from}–{to}"),
        Period::Months { from, to } if from.0 == to.0 => tr_with(
            lang,
            "period.months_in_year",
            &[("from", &month(from.1)), ("to", &month(to.1)), ("year", &to.0.to_string())],
        ),
        Period::Months { from, to } => tr_with(
            lang,
            "period.months",
            &[("from", &month(from.1)), ("from_year", &from.0.to_string()), ("to", &month(to.1)), ("to_year", &to.0.to_string())],
        ),
        Period::AsOf { year, month: m } => tr_with(lang, "period.as_of", &[("month", &month(m)), ("year", &year.to_string())]),
        Period::YearsUnstated(n) => counted(lang, "period.years_unstated", usize::from(n)),
    }
}

/// `1234567.891` → `1,234,567.891`: the shortest decimal that round-trips, grouped by thousands.
pub fn number(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{}", crate::model::group_thousands(&format!("{}", value.abs())))
}

/// Rounds a rescaled value to at most `decimals` places, so 4.16109 trillion reads 4.16.
pub fn rounded(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// A figure in its unit, readable: `4.16 trillion yuan`, `4.16万亿元`, `30.1% of GDP`.
pub fn value(value: f64, unit: Unit, lang: Lang) -> String {
    let (key, shown) = match unit {
        Unit::HundredMillionYuan | Unit::BnYuan | Unit::TnYuan => return yuan(value * unit.yuan_scale().unwrap_or(1e8) / 1e8, lang),
        // Dollar amounts read in each language's own step: billions in English, 亿 in Chinese.
        Unit::BnUsd if lang == Lang::Zh => ("value.usd_100m", rounded(value * 10.0, 4)),
        Unit::HundredMillionUsd if lang == Lang::En => ("value.bn_usd", rounded(value / 10.0, 4)),
        Unit::BnUsd => ("value.bn_usd", value),
        Unit::HundredMillionUsd => ("value.usd_100m", value),
        Unit::Pct => ("value.pct", value),
        Unit::PctOfGdp => ("value.pct_of_gdp", value),
        // "1 percentage point"; "0.5 percentage points", as English writes any other number.
        Unit::PctPoints if value.abs() == 1.0 => ("value.pct_points_one", value),
        Unit::PctPoints => ("value.pct_points", value),
        Unit::Count => return count(value, lang),
        Unit::Index => return number(value),
        Unit::Per10kPeople => ("value.per_10k_people", value),
        Unit::Km2 => ("value.km2", value),
        Unit::Times => ("value.times", value),
        Unit::Rank => ("value.rank", value),
    };
    tr_with(lang, key, &[("n", &number(shown))])
}

/// A figure's note in reader words: an observation id it names ("Same figure as
/// geo-haidian-gdp-2022") becomes that figure's publisher, and "seed 000" (a source article of the
/// dataset) becomes "the source articles". Notes are written in English, so the words put in are too.
pub fn note(dataset: &Dataset, note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    let mut rest = note;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphanumeric()) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let after = &rest[start + word_len..];
        let seed_number = after.strip_prefix(' ').map(|a| a.chars().take_while(char::is_ascii_digit).count()).filter(|n| *n == 3);
        if let Some(figure) = dataset.observation(word) {
            out.push_str(&tr_with(Lang::En, "source.note_figure_from", &[("publisher", &dataset.source_of(figure).publisher)]));
            rest = after;
        } else if word == "seed" && seed_number.is_some() {
            out.push_str(&tr(Lang::En, "source.note_seed"));
            rest = &after[4..];
        } else {
            out.push_str(word);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A count as a person writes it: `9.15 billion`, `2.4 million` / `91.5亿`, `240万`; below a
/// million (English) or ten thousand (Chinese) the number itself, grouped (`1,500`).
pub fn count(value: f64, lang: Lang) -> String {
    let steps: &[(f64, &str)] = match lang {
        Lang::En => &[(1e9, "value.count_bn"), (1e6, "value.count_m")],
        Lang::Zh => &[(1e8, "value.count_100m"), (1e4, "value.count_10k")],
    };
    match steps.iter().find(|(step, _)| value.abs() >= *step) {
        Some((step, key)) => tr_with(lang, key, &[("n", &number(rounded(value / step, 2)))]),
        None => number(value),
    }
}

/// An amount given in 亿元, in the unit that reads best.
pub fn yuan(in_100m: f64, lang: Lang) -> String {
    let (divisor, _) = yuan_scale(in_100m.abs(), lang);
    let (key, shown) = match lang {
        _ if divisor >= 1e4 => ("value.yuan_tn", rounded(in_100m / divisor, 2)),
        Lang::En => ("value.yuan_bn", rounded(in_100m / 10.0, 2)),
        Lang::Zh => ("value.yuan_100m", rounded(in_100m, 2)),
    };
    tr_with(lang, key, &[("n", &number(shown))])
}

/// An amount given in 亿元, short, for a chart's cell: `1 tn`, `976.1 bn`; `1万亿`, `9,761亿`.
pub fn yuan_short(in_100m: f64, lang: Lang) -> String {
    let (key, shown) = match lang {
        _ if in_100m.abs() >= 1e4 => ("value.short_tn", rounded(in_100m / 1e4, 2)),
        Lang::En => ("value.short_bn", rounded(in_100m / 10.0, 2)),
        Lang::Zh => ("value.short_100m", rounded(in_100m, 2)),
    };
    tr_with(lang, key, &[("n", &number(shown))])
}

/// A floor as the page writes it: `≥ 1 tn`, `≥ 1 trillion yuan`.
pub fn at_least(value: &str, lang: Lang) -> String {
    tr_with(lang, "value.at_least", &[("v", value)])
}

/// Below a level: `< 100 bn`.
pub fn below(value: &str, lang: Lang) -> String {
    tr_with(lang, "value.below", &[("v", value)])
}

/// A figure in its unit, marked `≥` when it is a floor ("at least"), so a floor never reads as a size.
pub fn figure(observation: &Observation, lang: Lang) -> String {
    let shown = value(observation.value, observation.unit, lang);
    if crate::model::is_floor(observation) { at_least(&shown, lang) } else { shown }
}

/// Divisor from 亿元 and the unit's name for an axis whose largest value is `max_in_100m`.
pub fn yuan_scale(max_in_100m: f64, lang: Lang) -> (f64, String) {
    match lang {
        _ if max_in_100m >= 1e4 => (1e4, tr(lang, "unit.tn_yuan")),
        Lang::En => (10.0, tr(lang, "unit.bn_yuan")),
        Lang::Zh => (1.0, tr(lang, "unit.100m_yuan")),
    }
}

/// The unit's name for an axis (yuan amounts are named by `yuan_scale`).
pub fn unit_name(unit: Unit, lang: Lang) -> String {
    let key = match unit {
        Unit::Km2 => "unit.km2",
        Unit::HundredMillionYuan | Unit::BnYuan | Unit::TnYuan => "unit.yuan",
        Unit::Pct => "unit.pct",
        Unit::PctOfGdp => "unit.pct_of_gdp",
        Unit::PctPoints => "unit.pct_points",
        Unit::Count => "unit.count",
        Unit::Per10kPeople => "unit.per_10k_people",
        Unit::BnUsd => "unit.bn_usd",
        Unit::HundredMillionUsd => "unit.usd_100m",
        Unit::Index => "unit.index",
        Unit::Times => "unit.times",
        Unit::Rank => "unit.rank",
    };
    tr(lang, key)
}

/// The published value with the unit it was published in, for the source panel and the table.
pub fn published(value: f64, unit: Unit, lang: Lang) -> String {
    let unit_label = match unit {
        // "10,206.9亿元 (1.02 trillion yuan)": the figure as written, then as the reader counts.
        Unit::HundredMillionYuan => {
            let written = tr_with(Lang::Zh, "value.yuan_100m", &[("n", &number(value))]);
            let read = yuan(value, lang);
            return if read == written { written } else { tr_with(lang, "source.published_and_read", &[("written", &written), ("read", &read)]) };
        }
        Unit::BnYuan => tr(lang, "unit.bn_yuan"),
        Unit::TnYuan => tr(lang, "unit.tn_yuan"),
        other => return self::value(value, other, lang),
    };
    format!("{} {}", number(value), unit_label)
}

pub fn kind(kind: Kind, lang: Lang) -> String {
    tr(lang, &format!("kind.{}", kind.id()))
}

pub fn confidence(confidence: Confidence, lang: Lang) -> String {
    tr(lang, &format!("confidence.{}", confidence.id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_name_sources_not_internal_ids() {
        let dataset = crate::fixtures::real();
        let note = note(dataset, "Same figure as geo-haidian-gdp-2022 (10206.9亿元), from a media source.");
        assert!(note.starts_with("Same figure as the figure from Haidian District"), "{note}");
        assert!(!note.contains("geo-haidian"), "{note}");
        assert_eq!(self::note(dataset, "Same figure as seed 000."), "Same figure as the source articles.");
        assert_eq!(self::note(dataset, "Official seed file. 2,000 units"), "Official seed file. 2,000 units");
        // Every note of the real data reads without an internal id.
        let texts = crate::fixtures::real_texts();
        for o in &dataset.observations {
            let shown = self::note(dataset, texts.note(dataset, o).unwrap_or_default());
            assert!(!dataset.observations.iter().any(|other| shown.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).any(|w| w == other.id)), "{}: {shown}", o.id);
            assert!(!shown.contains("seed 0"), "{}: {shown}", o.id);
        }
    }

    #[test]
    fn counted_sentences_agree_with_their_number() {
        assert_eq!(counted(Lang::En, "search.count", 1), "1 result; use the arrow keys and Enter");
        assert_eq!(counted(Lang::En, "search.count", 3), "3 results; use the arrow keys and Enter");
        assert_eq!(counted(Lang::Zh, "search.count", 1), "1个结果，用方向键和回车选择");
        // Issue 27's plural audit: every sentence with a count, beyond search, table, trends and
        // sources, in the singular and the plural.
        for (key, one, two) in [
            ("notice.more", "… and 1 more ignored part of the link.", "… and 2 more ignored parts of the link."),
            ("map.zones_on_map", "1 science city, park or zone shown", "2 science cities, parks and zones shown"),
            ("period.years_unstated", "over 1 year (not stated which)", "over 2 years (not stated which)"),
            ("trends.left_out_count", "1 figure for part of a year or in other units is in the table only.", "2 figures for part of a year or in other units are in the table only."),
            ("sources.n_official", "1 official source", "2 official sources"),
        ] {
            assert_eq!(counted(Lang::En, key, 1), one);
            assert_eq!(counted(Lang::En, key, 2), two);
        }
        assert_eq!(counted(Lang::En, "notice.more", 1234), "… and 1,234 more ignored parts of the link.");
        assert_eq!(counted(Lang::Zh, "map.zones_on_map", 1), "1个科学城、园区与功能区");
        assert_eq!(value(1.0, Unit::PctPoints, Lang::En), "1 percentage point");
        assert_eq!(value(-1.0, Unit::PctPoints, Lang::En), "-1 percentage point", "a fall of one point is singular too");
        assert_eq!(value(5.0, Unit::PctPoints, Lang::En), "5 percentage points");
        assert_eq!(value(0.5, Unit::PctPoints, Lang::En), "0.5 percentage points");
        assert_eq!(value(1.0, Unit::PctPoints, Lang::Zh), "1个百分点");
    }

    /// Every sentence with a singular (`<key>_one`) has its plural, and Chinese, which has no
    /// plural, says both alike.
    #[test]
    fn each_singular_has_its_plural_and_chinese_reads_them_alike() {
        let keys: Vec<&str> = include_str!("../locales/app.yml")
            .lines()
            .filter_map(|line| line.split_once(':').map(|(key, _)| key))
            .filter(|key| !key.starts_with([' ', '#']) && key.ends_with("_one"))
            .collect();
        assert!(keys.len() >= 12, "{keys:?}");
        for one in keys {
            let many = one.trim_end_matches("_one");
            for lang in [Lang::En, Lang::Zh] {
                let (singular, plural) = (tr(lang, one), tr(lang, many));
                assert_ne!(plural, many, "{many} has no text in {lang:?}");
                if lang == Lang::Zh {
                    assert_eq!(singular, plural, "{one}: Chinese has no plural");
                } else {
                    assert_ne!(singular, plural, "{one}: English has a singular");
                }
            }
        }
    }

    #[test]
    fn counts_read_as_a_person_writes_them() {
        assert_eq!(value(9_150_000_000.0, Unit::Count, Lang::En), "9.15 billion");
        assert_eq!(value(16_990_000_000.0, Unit::Count, Lang::En), "16.99 billion");
        assert_eq!(value(16_990_000_000.0, Unit::Count, Lang::Zh), "169.9亿");
        assert_eq!(value(9_150_000_000.0, Unit::Count, Lang::Zh), "91.5亿");
        assert_eq!(value(2_400_000.0, Unit::Count, Lang::En), "2.4 million");
        assert_eq!(value(24_000.0, Unit::Count, Lang::Zh), "2.4万");
        assert_eq!(value(1_500.0, Unit::Count, Lang::En), "1,500");
        assert_eq!(value(1_500.0, Unit::Count, Lang::Zh), "1,500");
    }

    #[test]
    fn as_published_names_the_yuan_as_written_then_as_read() {
        assert_eq!(published(10206.9, Unit::HundredMillionYuan, Lang::En), "10,206.9亿元 (1.02 trillion yuan)");
        assert_eq!(published(10206.9, Unit::HundredMillionYuan, Lang::Zh), "10,206.9亿元（1.02万亿元）");
        assert_eq!(published(550.0, Unit::HundredMillionYuan, Lang::Zh), "550亿元");
        assert_eq!(published(550.0, Unit::HundredMillionYuan, Lang::En), "550亿元 (55 billion yuan)");
    }

    #[test]
    fn numbers_are_grouped_and_keep_their_precision() {
        assert_eq!(number(41610.9), "41,610.9");
        assert_eq!(number(1234567.0), "1,234,567");
        assert_eq!(number(0.8868), "0.8868");
        assert_eq!(number(-3.2), "-3.2");
    }

    #[test]
    fn yuan_reads_in_each_language() {
        assert_eq!(value(41610.9, Unit::HundredMillionYuan, Lang::En), "4.16 trillion yuan");
        assert_eq!(value(41610.9, Unit::HundredMillionYuan, Lang::Zh), "4.16万亿元");
        assert_eq!(value(4376.07, Unit::HundredMillionYuan, Lang::En), "437.61 billion yuan");
        assert_eq!(value(4376.07, Unit::HundredMillionYuan, Lang::Zh), "4,376.07亿元");
        assert_eq!(value(300.0, Unit::BnYuan, Lang::Zh), "3,000亿元");
        assert_eq!(value(2.0, Unit::TnYuan, Lang::En), "2 trillion yuan");
    }

    #[test]
    fn other_units_read_in_each_language() {
        assert_eq!(value(30.1, Unit::PctOfGdp, Lang::En), "30.1% of GDP");
        assert_eq!(value(5.0, Unit::PctPoints, Lang::Zh), "5个百分点");
        assert_eq!(value(2.0, Unit::Rank, Lang::En), "No. 2");
        assert_eq!(published(41610.9, Unit::HundredMillionYuan, Lang::En), "41,610.9亿元 (4.16 trillion yuan)");
        assert_eq!(kind(Kind::Target, Lang::Zh), "目标");
        assert_eq!(value(12.5, Unit::BnUsd, Lang::Zh), "125亿美元");
        assert_eq!(value(125.0, Unit::HundredMillionUsd, Lang::En), "US$12.5 billion");
        assert_eq!(value(111.2, Unit::Per10kPeople, Lang::Zh), "每万人111.2");
    }

    /// Issue 23, C8: each form of period reads in the page's language; none is shown raw.
    #[test]
    fn each_form_of_period_reads_in_each_language() {
        let figure = |year: u16, period: &str| Observation {
            id: "x".into(),
            indicator: "x".into(),
            label_en: String::new(),
            label_zh: String::new(),
            sector: None,
            region: "beijing".into(),
            year,
            period: Period::parse(period).expect("a period the schema allows"),
            value: 1.0,
            unit: Unit::Count,
            kind: Kind::Actual,
            source: 0,
            revision: None,
            translated: false,
        };
        let both = |year, period| (period_label(&figure(year, period), Lang::En), period_label(&figure(year, period), Lang::Zh));
        let pair = |en: &str, zh: &str| (en.to_string(), zh.to_string());
        assert_eq!(both(2022, "year"), pair("2022", "2022"));
        assert_eq!(both(2025, "2021-2025"), pair("2021–2025", "2021–2025"));
        assert_eq!(both(2023, "2023-01/2023-06"), pair("Jan–Jun 2023", "2023年1–6月"));
        assert_eq!(both(2023, "2022-11/2023-02"), pair("Nov 2022 – Feb 2023", "2022年11月至2023年2月"));
        assert_eq!(both(2022, "2022-10"), pair("as of Oct 2022", "截至2022年10月"));
        assert_eq!(both(2023, "7 years"), pair("over 7 years (not stated which)", "7年间（未说明起止年份）"));
    }

    /// Issue 23, C8: no period of the real data reads with a Latin letter on the Chinese page.
    #[test]
    fn no_period_of_the_data_reads_in_english_on_the_chinese_page() {
        let dataset = crate::fixtures::real();
        let latin: Vec<String> = dataset
            .observations
            .iter()
            .map(|o| period_label(o, Lang::Zh))
            .filter(|label| label.chars().any(|c| c.is_ascii_alphabetic()))
            .collect();
        assert_eq!(latin, Vec::<String>::new());
        let multiple = dataset.observations.iter().find(|o| o.id == "seed-hitech-dev-index-multiple").expect("in the data");
        assert_eq!(period_label(multiple, Lang::Zh), "7年间（未说明起止年份）");
    }

    #[test]
    fn placeholders_are_filled_and_periods_read_in_each_language() {
        assert_eq!(tr_with(Lang::En, "value.pct", &[("n", "5")]), "5%");
        let notice = tr_with(Lang::En, "notice.unknown_key", &[("key", "%{raw}"), ("raw", "x")]);
        assert!(notice.contains("“%{raw}=x”"), "{notice}");
        assert_eq!(yuan_scale(5.0, Lang::Zh).1, "亿元");
        assert_eq!(yuan_scale(5e4, Lang::En).1, "trillion yuan");
    }
}
