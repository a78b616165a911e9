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

/// How Share offers the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareWay {
    /// The system's share sheet: on touch screens that have one.
    NativeSheet,
    /// The page's panel with the link and the embed snippet: everywhere else, so desktop
    /// browsers that also have `navigator.share` still reach the embed snippet.
    Panel,
}

/// The system sheet only where the browser has one and the pointer is coarse (a finger).
pub fn share_way(has_native_sheet: bool, coarse_pointer: bool) -> ShareWay {
    if has_native_sheet && coarse_pointer {
        ShareWay::NativeSheet
    } else {
        ShareWay::Panel
    }
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
    fn the_system_sheet_only_on_touch_screens_that_have_one() {
        assert_eq!(share_way(true, true), ShareWay::NativeSheet);
        // Desktop Chrome, Edge and Safari have navigator.share: the panel keeps the embed snippet.
        assert_eq!(share_way(true, false), ShareWay::Panel);
        assert_eq!(share_way(false, true), ShareWay::Panel);
        assert_eq!(share_way(false, false), ShareWay::Panel);
    }

    #[test]
    fn shares_the_views_title_and_its_canonical_full_page_link() {
        let state = parse("lang=zh&sector=chips&view=trends&embed=1", small()).state;
        let target = share_target(small(), &state);
        assert_eq!(encode(&target.state), "view=trends&sector=chips&lang=zh");
        assert_eq!(target.title, document_title(small(), &target.state));
        assert!(target.title.starts_with("集成电路 · "), "{}", target.title);
    }
}
