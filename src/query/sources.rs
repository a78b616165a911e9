//! The sources list: every page the Atlas cites, in the order the reader asks for.

use crate::model::{Dataset, Source, SourceIdx};

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

/// Every source once with its index (its title is in `Texts`), sorted; ties fall to the
/// publisher's name, so the order is stable.
pub fn sorted_sources(dataset: &Dataset, sort: SourceSort) -> Vec<(SourceIdx, &Source)> {
    let mut sources: Vec<(SourceIdx, &Source)> = dataset.sources.iter().enumerate().collect();
    sources.sort_by(|(_, a), (_, b)| {
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
    use crate::model::Confidence;

    #[test]
    fn sources_sort_by_confidence_or_by_figures() {
        let dataset = crate::fixtures::real();
        let by_confidence: Vec<&Source> = sorted_sources(dataset, SourceSort::Confidence).into_iter().map(|(_, s)| s).collect();
        assert_eq!(by_confidence.len(), dataset.sources.len());
        assert!(by_confidence.windows(2).all(|w| w[0].confidence <= w[1].confidence), "official, media, third-party");
        assert_eq!(by_confidence[0].confidence, Confidence::Official);
        assert_eq!(by_confidence.last().map(|s| s.confidence), Some(Confidence::ThirdParty));
        let by_figures: Vec<&Source> = sorted_sources(dataset, SourceSort::Figures).into_iter().map(|(_, s)| s).collect();
        assert!(by_figures.windows(2).all(|w| w[0].n_figures >= w[1].n_figures));
        assert_ne!(by_figures[0].confidence, Confidence::Official, "the default order is not by confidence");
        assert_eq!(SourceSort::from_id("confidence"), SourceSort::Confidence);
        assert_eq!(SourceSort::from_id("nonsense"), SourceSort::Figures);
    }
}
