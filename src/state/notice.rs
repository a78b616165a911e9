//! What a link asked for that could not be shown, and what was shown instead, in words a reader
//! understands. The raw text is cut short and only ever rendered as text.

use super::echo;
use crate::model::Lang;
use crate::format::{tr, tr_with};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeReason {
    UnknownKey,
    Duplicate,
    UnknownView,
    UnknownIndicator,
    UnknownSector,
    UnknownRegion,
    /// Some places of a list are unknown; the known ones are shown.
    UnknownRegionInList,
    /// More places than one chart compares.
    TooManyRegions,
    UnknownScale,
    MalformedTime,
    YearOutOfRange,
    UnknownLang,
    MalformedEmbed,
    UnknownStep,
    StepOutsideTour,
    SetByTour,
    /// The link's indicator has no figures for the chosen sectors, region and years.
    IndicatorEmpty,
    /// A profile link naming no entity, several, or one without a profile (the city, an area).
    NotOneProfile,
    /// A key a profile does not read (it shows every year and indicator of its entity).
    NotForProfile,
    /// `figure` names no observation of the dataset.
    UnknownFigure,
    /// The link's indicator has no district figures: the map shades by another.
    IndicatorNotOnMap,
}

impl NoticeReason {
    fn key(self) -> &'static str {
        match self {
            NoticeReason::UnknownKey => "unknown_key",
            NoticeReason::Duplicate => "duplicate",
            NoticeReason::UnknownView => "unknown_view",
            NoticeReason::UnknownIndicator => "unknown_indicator",
            NoticeReason::UnknownSector => "unknown_sector",
            NoticeReason::UnknownRegion => "unknown_region",
            NoticeReason::UnknownRegionInList => "unknown_region_in_list",
            NoticeReason::TooManyRegions => "too_many_regions",
            NoticeReason::UnknownScale => "unknown_scale",
            NoticeReason::MalformedTime => "malformed_time",
            NoticeReason::YearOutOfRange => "year_out_of_range",
            NoticeReason::UnknownLang => "unknown_lang",
            NoticeReason::MalformedEmbed => "malformed_embed",
            NoticeReason::UnknownStep => "unknown_step",
            NoticeReason::StepOutsideTour => "step_outside_tour",
            NoticeReason::SetByTour => "set_by_tour",
            NoticeReason::IndicatorEmpty => "indicator_empty",
            NoticeReason::NotOneProfile => "not_one_profile",
            NoticeReason::NotForProfile => "not_for_profile",
            NoticeReason::UnknownFigure => "unknown_figure",
            NoticeReason::IndicatorNotOnMap => "indicator_not_on_map",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The URL key as it was written (cut short).
    pub key: String,
    /// Its value as it was written (cut short).
    pub raw: String,
    pub reason: NoticeReason,
}

impl Notice {
    pub fn new(key: &str, raw: &str, reason: NoticeReason) -> Self {
        Notice { key: echo(key), raw: echo(raw), reason }
    }

    /// One sentence: what was ignored, why, and what the page shows instead. Where the sentence
    /// names a filter in prose (the tour's and the profile's), it names it in the reader's
    /// language; elsewhere the key is quoted as the link wrote it.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self.reason {
            NoticeReason::SetByTour | NoticeReason::NotForProfile => tr(lang, &format!("url_key.{}", self.key)),
            _ => self.key.clone(),
        };
        tr_with(lang, &format!("notice.{}", self.reason.key()), &[("key", &key), ("raw", &self.raw)])
    }
}

/// The notices left on screen once the reader dismissed `dismissed`: none while the very same
/// notices stand (a control, a tab or Back that keeps them does not bring them back), all of them
/// as soon as they differ (a new notice is never hidden by an old dismissal).
pub fn undismissed(notices: Vec<Notice>, dismissed: Option<&[Notice]>) -> Vec<Notice> {
    if dismissed == Some(notices.as_slice()) { Vec::new() } else { notices }
}

/// The dismissal that still holds once the standing notices are `notices`: the same while they
/// are the very same, none as soon as they differ. Notices that go (another view) and come back
/// from a new action are new to the reader, and show again.
pub fn dismissal_after(dismissed: Option<Vec<Notice>>, notices: &[Notice]) -> Option<Vec<Notice>> {
    dismissed.filter(|dismissed| dismissed.as_slice() == notices)
}
