//! Numbers and units as a reader of each language expects them: 亿元 / 万亿元 in Chinese,
//! billion / trillion yuan in English. Display only: the published value is never changed.

use crate::model::{Confidence, Kind, Lang, Unit};
use rust_i18n::t;

/// `1234567.891` → `1,234,567.891`: the shortest decimal that round-trips, grouped by thousands.
pub fn number(value: f64) -> String {
    let plain = format!("{}", value.abs());
    let (int, frac) = plain.split_once('.').map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (i, digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*digit);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Rounds a rescaled value to at most `decimals` places, so 4.16109 trillion reads 4.16.
pub fn rounded(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

/// A figure in its unit, readable: `4.16 trillion yuan`, `4.16万亿元`, `30.1% of GDP`.
pub fn value(value: f64, unit: Unit, lang: Lang) -> String {
    let n = number;
    match (unit, lang) {
        (Unit::HundredMillionYuan | Unit::BnYuan | Unit::TnYuan, _) => {
            let in_100m = value * unit.yuan_scale().unwrap_or(1e8) / 1e8;
            yuan(in_100m, lang)
        }
        (Unit::Pct, _) => format!("{}%", n(value)),
        (Unit::PctOfGdp, Lang::En) => format!("{}% of GDP", n(value)),
        (Unit::PctOfGdp, Lang::Zh) => format!("占GDP的{}%", n(value)),
        (Unit::PctPoints, Lang::En) => format!("{} percentage points", n(value)),
        (Unit::PctPoints, Lang::Zh) => format!("{}个百分点", n(value)),
        (Unit::Count | Unit::Index, _) => n(value),
        (Unit::Per10kPeople, Lang::En) => format!("{} per 10,000 people", n(value)),
        (Unit::Per10kPeople, Lang::Zh) => format!("每万人{}", n(value)),
        (Unit::BnUsd, Lang::En) => format!("US${} billion", n(value)),
        (Unit::BnUsd, Lang::Zh) => format!("{}亿美元", n(rounded(value * 10.0, 4))),
        (Unit::HundredMillionUsd, Lang::En) => format!("US${} billion", n(rounded(value / 10.0, 4))),
        (Unit::HundredMillionUsd, Lang::Zh) => format!("{}亿美元", n(value)),
        (Unit::Km2, Lang::En) => format!("{} km²", n(value)),
        (Unit::Km2, Lang::Zh) => format!("{}平方公里", n(value)),
        (Unit::Times, Lang::En) => format!("{}×", n(value)),
        (Unit::Times, Lang::Zh) => format!("{}倍", n(value)),
        (Unit::Rank, Lang::En) => format!("No. {}", n(value)),
        (Unit::Rank, Lang::Zh) => format!("第{}名", n(value)),
    }
}

/// An amount given in 亿元, in the unit that reads best.
pub fn yuan(in_100m: f64, lang: Lang) -> String {
    let (divisor, _) = yuan_scale(in_100m.abs(), lang);
    let scaled = rounded(in_100m / divisor, if divisor > 1.0 { 2 } else { 1 });
    match lang {
        Lang::En if divisor >= 1e4 => format!("{} trillion yuan", number(scaled)),
        Lang::En => format!("{} billion yuan", number(rounded(in_100m / 10.0, 2))),
        Lang::Zh if divisor >= 1e4 => format!("{}万亿元", number(scaled)),
        Lang::Zh => format!("{}亿元", number(rounded(in_100m, 2))),
    }
}

/// Divisor from 亿元 and the unit's name for an axis whose largest value is `max_in_100m`.
pub fn yuan_scale(max_in_100m: f64, lang: Lang) -> (f64, &'static str) {
    match lang {
        Lang::En if max_in_100m >= 1e4 => (1e4, "trillion yuan"),
        Lang::En => (10.0, "billion yuan"),
        Lang::Zh if max_in_100m >= 1e4 => (1e4, "万亿元"),
        Lang::Zh => (1.0, "亿元"),
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
    t!(key, locale = lang.code()).into_owned()
}

/// The published value with the unit it was published in, for the source panel and the table.
pub fn published(value: f64, unit: Unit, lang: Lang) -> String {
    let unit_label = match unit {
        Unit::HundredMillionYuan => t!("unit.100m_yuan", locale = lang.code()).into_owned(),
        Unit::BnYuan => t!("unit.bn_yuan", locale = lang.code()).into_owned(),
        Unit::TnYuan => t!("unit.tn_yuan", locale = lang.code()).into_owned(),
        other => return self::value(value, other, lang),
    };
    format!("{} {}", number(value), unit_label)
}

pub fn kind(kind: Kind, lang: Lang) -> String {
    let key = format!("kind.{}", kind.id());
    t!(&key, locale = lang.code()).into_owned()
}

pub fn confidence(confidence: Confidence, lang: Lang) -> String {
    let key = format!("confidence.{}", confidence.id());
    t!(&key, locale = lang.code()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(published(41610.9, Unit::HundredMillionYuan, Lang::En), "41,610.9 100 million yuan (亿元)");
        assert_eq!(kind(Kind::Target, Lang::Zh), "目标");
    }
}
