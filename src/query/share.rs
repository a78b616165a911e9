//! What Share hands to the system's share sheet, or copies: the view's title and the state of its
//! canonical link (never the embedded form, which hides the page's chrome).

use super::document_title;
use crate::model::Dataset;
use crate::state::ViewState;

#[derive(Debug, Clone, PartialEq)]
pub struct ShareTarget {
    /// The view's title, as the document title names it.
    pub title: String,
    /// The state whose link is shared: canonical, not embedded.
    pub state: ViewState,
}

pub fn share_target(dataset: &Dataset, state: &ViewState) -> ShareTarget {
    let state = ViewState { embed: false, ..state.clone() }.canonical(dataset);
    ShareTarget { title: document_title(dataset, &state), state }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::small;
    use crate::state::{encode, parse};

    #[test]
    fn shares_the_views_title_and_its_canonical_full_page_link() {
        let state = parse("lang=zh&sector=chips&view=trends&embed=1", small()).state;
        let target = share_target(small(), &state);
        assert_eq!(encode(&target.state), "view=trends&sector=chips&lang=zh");
        assert_eq!(target.title, document_title(small(), &target.state));
        assert!(target.title.starts_with("集成电路 · "), "{}", target.title);
    }
}
