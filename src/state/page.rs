//! Which change of state shows another page (another view, or another profile) rather than the
//! same page with other filters: the page moves focus to the new page's heading then, so a
//! keyboard or screen-reader user hears where they are; a filter change leaves focus on its control.

use super::{View, ViewState};
use crate::model::Dataset;

impl ViewState {
    /// Whether showing `next` after `self` shows another page: another view, or a profile of
    /// another subject. Filters, years, scale, language and the tour's step do not.
    pub fn is_another_page(&self, next: &ViewState, dataset: &Dataset) -> bool {
        self.view != next.view || (next.view == View::Profile && self.profile_subject(dataset) != next.profile_subject(dataset))
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::small;
    use crate::state::parse;

    #[test]
    fn a_view_or_a_profiles_subject_is_another_page_a_filter_is_not() {
        let dataset = small();
        let another = |from: &str, to: &str| parse(from, dataset).state.is_another_page(&parse(to, dataset).state, dataset);
        assert!(another("view=trends", "view=map"));
        assert!(another("view=trends&region=haidian", "view=profile&region=haidian"));
        assert!(another("view=profile&region=haidian", "view=profile&region=chaoyang"));
        assert!(another("view=profile&region=haidian", "view=profile"), "a profile to the index");
        assert!(!another("view=trends", "view=trends&region=haidian"));
        assert!(!another("view=map", "view=map&time=2021"));
        assert!(!another("view=trends", "view=trends&lang=zh"));
        assert!(!another("view=tour", "view=tour&step=2"), "← and → keep focus where the reader is");
        assert!(!another("view=profile&region=haidian", "view=profile&region=haidian&lang=zh"));
    }
}
