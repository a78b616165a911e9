//! What stretch of time a figure describes, as `data/SCHEMA.md` allows it to be written. The
//! loader parses every `period` into one of these forms, and a line whose period is none of them
//! (or does not end in the line's `year`) is a load issue; `format::period_label` words each form
//! in the reader's language.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Period {
    /// `year` (the default): the calendar year of the line's `year`.
    Year,
    /// `2021-2025`: several whole years, a plan's or a growth's span.
    Span { from: u16, to: u16 },
    /// `2023-01/2023-06`: months from … to, both included (a part of a year, or across years).
    Months { from: (u16, u8), to: (u16, u8) },
    /// `2022-10`: a stock counted as of the end of one month.
    AsOf { year: u16, month: u8 },
    /// `7 years`: growth over so many years whose first and last years the source does not
    /// state; the line's `year` only marks "before publication".
    YearsUnstated(u8),
}

impl Period {
    /// Reads a period as the data writes it; `None` for anything else.
    pub fn parse(text: &str) -> Option<Period> {
        let year = |t: &str| (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u16>().ok()).flatten();
        let month = |t: &str| {
            let (y, m) = t.split_once('-')?;
            let m = (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit())).then(|| m.parse::<u8>().ok()).flatten()?;
            Some((year(y)?, m)).filter(|_| (1..=12).contains(&m))
        };
        if text == "year" {
            return Some(Period::Year);
        }
        if let Some(n) = text.strip_suffix(" years") {
            let n = (!n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())).then(|| n.parse::<u8>().ok()).flatten()?;
            return (n >= 2).then_some(Period::YearsUnstated(n));
        }
        if let Some((from, to)) = text.split_once('/') {
            let (from, to) = (month(from)?, month(to)?);
            return (from < to).then_some(Period::Months { from, to });
        }
        if let Some(as_of) = month(text) {
            return Some(Period::AsOf { year: as_of.0, month: as_of.1 });
        }
        let (from, to) = text.split_once('-')?;
        let (from, to) = (year(from)?, year(to)?);
        (from < to).then_some(Period::Span { from, to })
    }

    /// The last year the period covers, which the line's `year` must equal; `None` where the
    /// source does not say.
    pub fn last_year(self) -> Option<u16> {
        match self {
            Period::Year | Period::YearsUnstated(_) => None,
            Period::Span { to, .. } => Some(to),
            Period::Months { to, .. } => Some(to.0),
            Period::AsOf { year, .. } => Some(year),
        }
    }

    /// Figures for part of a year, which a line of full years never draws. (A stock as of a
    /// month stands for its year, as the source reports it; a growth over unnamed years is drawn
    /// at its line's `year`, as before the periods were typed.)
    pub fn is_part_year(self) -> bool {
        matches!(self, Period::Months { .. })
    }
}

/// The form the data writes (`year`, `2021-2025`, `2023-01/2023-06`, `2022-10`, `7 years`): the
/// CSV's machine-readable column and `Period::parse`'s inverse.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year => write!(f, "year"),
            Period::Span { from, to } => write!(f, "{from}-{to}"),
            Period::Months { from, to } => write!(f, "{}-{:02}/{}-{:02}", from.0, from.1, to.0, to.1),
            Period::AsOf { year, month } => write!(f, "{year}-{month:02}"),
            Period::YearsUnstated(n) => write!(f, "{n} years"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Period;

    #[test]
    fn every_form_the_schema_allows_is_read_and_written_back() {
        for (text, period) in [
            ("year", Period::Year),
            ("2021-2025", Period::Span { from: 2021, to: 2025 }),
            ("2023-01/2023-06", Period::Months { from: (2023, 1), to: (2023, 6) }),
            ("2022-11/2023-02", Period::Months { from: (2022, 11), to: (2023, 2) }),
            ("2022-10", Period::AsOf { year: 2022, month: 10 }),
            ("7 years", Period::YearsUnstated(7)),
        ] {
            assert_eq!(Period::parse(text), Some(period), "{text}");
            assert_eq!(period.to_string(), text);
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "Year", "2025-2021", "2021-2021", "2023-13", "2023-00", "2023-6", "2023-06/2023-01", "+2021-2025", "1 years", "07 years", "seven years", "2021–2025", " 2021-2025"] {
            assert_eq!(Period::parse(text), None, "{text:?}");
        }
    }
}
