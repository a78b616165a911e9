//! The sources list: every page the Atlas cites, in the order the reader asks for.

use crate::format::{counted, tr, tr_with};
use crate::model::{Confidence, Dataset, Lang, Source, SourceIdx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceSort {
    /// Most figures backed first (the default).
    #[default]
    Figures,
    /// Official first, then media, then third-party reposts; most figures first within each.
    Confidence,
}

impl SourceSort {
    pub const ALL: [SourceSort; 2] = [SourceSort::Figures, SourceSort::Confidence];

    pub fn id(self) -> &'static str {
        match self {
            SourceSort::Figures => "figures",
            SourceSort::Confidence => "confidence",
        }
    }

    pub fn from_id(id: &str) -> SourceSort {
        SourceSort::ALL.into_iter().find(|s| s.id() == id).unwrap_or_default()
    }
}

/// The list's first line: how many figures and sources, and how many sources of each kind
/// ("342 figures · 120 sources · sources by kind: 40 official sources, 70 news media, …").
pub fn sources_summary(dataset: &Dataset, lang: Lang) -> String {
    let of_kind = |confidence: Confidence| dataset.sources.iter().filter(|s| s.confidence == confidence).count();
    let figures = counted(lang, "sources.n_figures", dataset.observations.len());
    let sources = counted(lang, "sources.n_sources", dataset.sources.len());
    let official = counted(lang, "sources.n_official", of_kind(Confidence::Official));
    let media = counted(lang, "sources.n_media", of_kind(Confidence::Media));
    let third_party = counted(lang, "sources.n_third_party", of_kind(Confidence::ThirdParty));
    let by_kind = tr(lang, "sources.confidence");
    tr_with(
        lang,
        "sources.summary",
        &[("figures", &figures), ("sources", &sources), ("by_kind", &by_kind), ("official", &official), ("media", &media), ("third_party", &third_party)],
    )
}

/// Every source once with its index (its title is in `Texts`), sorted; ties fall to the
/// publisher's name, so the order is stable.
pub fn sorted_sources(dataset: &Dataset, sort: SourceSort) -> Vec<(SourceIdx, &Source)> {
    let mut sources: Vec<(SourceIdx, &Source)> = dataset.sources.iter().enumerate().collect();
    crate::model::order::sort_by(&mut sources, |(_, a), (_, b)| {
        let by_figures = b.n_figures.cmp(&a.n_figures);
        let first = match sort {
            SourceSort::Figures => by_figures,
            SourceSort::Confidence => a.confidence.cmp(&b.confidence).then(by_figures),
        };
        first.then_with(|| a.publisher.cmp(&b.publisher)).then_with(|| a.url.cmp(&b.url))
    });
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A news site backing three figures, a bureau and a repost one each.
    fn sources() -> crate::model::Dataset {
        let line = |id: &str, year: u16, publisher: &str, confidence: &str| {
            format!(r#"{{"id":"{id}","indicator":"gdp","indicator_en":"GDP","indicator_zh":"地区生产总值","sector":"all","region":"beijing","year":{year},"value":{year},"unit":"100m_yuan","kind":"actual","source_url":"https://example.org/{publisher}","source_title":"t","publisher":"{publisher}","published":"2024","quote":"{year}","confidence":"{confidence}"}}"#)
        };
        let text = [
            line("m1", 2019, "Daily", "media"),
            line("o1", 2020, "Bureau", "official"),
            line("m2", 2021, "Daily", "media"),
            line("r1", 2022, "Repost", "third_party"),
            line("m3", 2023, "Daily", "media"),
        ]
        .join("\n");
        let (dataset, issues) = crate::model::load(crate::model::RawFiles { observations: &text, sectors: "[]", ..Default::default() });
        assert_eq!(issues, []);
        dataset
    }

    #[test]
    fn sources_sort_by_confidence_or_by_figures() {
        let dataset = &sources();
        let publishers = |sort| sorted_sources(dataset, sort).into_iter().map(|(_, s)| (s.publisher.as_str(), s.confidence, s.n_figures)).collect::<Vec<_>>();
        assert_eq!(
            publishers(SourceSort::Confidence),
            [("Bureau", Confidence::Official, 1), ("Daily", Confidence::Media, 3), ("Repost", Confidence::ThirdParty, 1)]
        );
        // By figures, the news site first; the tie of one figure each falls to the name.
        assert_eq!(
            publishers(SourceSort::Figures),
            [("Daily", Confidence::Media, 3), ("Bureau", Confidence::Official, 1), ("Repost", Confidence::ThirdParty, 1)]
        );
        assert_eq!(SourceSort::from_id("confidence"), SourceSort::Confidence);
        assert_eq!(SourceSort::from_id("nonsense"), SourceSort::Figures);
    }

    #[test]
    fn the_list_opens_with_its_counts_of_figures_and_of_sources_by_kind() {
        let dataset = &sources();
        assert_eq!(
            sources_summary(dataset, Lang::En),
            "5 figures · 3 sources · sources by kind: 1 official source, 1 news medium, 1 third-party repost"
        );
        assert_eq!(sources_summary(dataset, Lang::Zh), "5个数字 · 3个来源 · 来源类型：官方来源1个、新闻媒体1个、第三方转载1个");
    }
}
