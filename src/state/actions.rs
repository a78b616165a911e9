//! What a reader's action on a control makes of the state, decided here so the host tests it:
//! the years a slider sets and whether its drag adds a history entry, the sectors "Only" leaves,
//! and which of the search box's results the keys highlight or open (the WAI-ARIA combobox
//! pattern). The components only read the event and apply the answer.

use super::{TimeSpan, View, ViewState};
use crate::model::Dataset;

/// Which end of the years range a slider moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearEnd {
    From,
    To,
}

impl TimeSpan {
    /// The span with one end moved to `year`. An end dragged past the other pushes it along, so
    /// the range never turns round: the first year moved after the last makes both that year.
    pub fn with_end(self, end: YearEnd, year: u16) -> TimeSpan {
        match end {
            YearEnd::From => TimeSpan::new(year, self.to.max(year)),
            YearEnd::To => TimeSpan::new(self.from.min(year), year),
        }
    }
}

impl ViewState {
    /// The view with a year slider moved: the other end of the range stays (or is pushed along).
    pub fn with_year_end(&self, dataset: &Dataset, end: YearEnd, year: u16) -> ViewState {
        ViewState { time: Some(self.time_span(dataset).with_end(end, year)), ..self.clone() }.canonical(dataset)
    }

    /// The map's district card's links to the other views: that place and the other filters, the
    /// view's own indicator, every year (the map's one year would leave a line of one point).
    pub fn place_in(&self, view: View) -> ViewState {
        ViewState { time: None, ..self.tab(view) }
    }

    /// "Only": that one sector, everything else in the view kept.
    pub fn only_sector(&self, dataset: &Dataset, id: &str) -> ViewState {
        ViewState { sectors: vec![id.to_string()], ..self.clone() }.canonical(dataset)
    }
}

/// Whether a change adds a history entry or replaces the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Add,
    Replace,
}

/// A year slider between grabbing and letting go. Its first step adds a history entry and the
/// others replace it, so Back returns to the years before the drag, not to each year passed on
/// the way. A key step is a whole drag (the browser lets go after each), so each adds one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearDrag {
    moving: bool,
}

impl YearDrag {
    /// The slider moved (`input`).
    pub fn step(&mut self) -> Entry {
        let entry = if self.moving { Entry::Replace } else { Entry::Add };
        self.moving = true;
        entry
    }

    /// The slider was let go (`change`).
    pub fn release(&mut self) {
        self.moving = false;
    }
}

/// A key that moves through the search box's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Down,
    Up,
}

/// A step of the guided tour next to `position` (1-based), if there is one: the tour's
/// Previous / Next links, and ← / →.
pub fn tour_neighbour(position: usize, forward: bool) -> Option<usize> {
    let next = if forward { position.checked_add(1)? } else { position.checked_sub(1)? };
    (1..=super::TOUR_STEPS).contains(&next).then_some(next)
}

impl ViewState {
    /// The link to step `position` of the tour: only the step, the language and the embedding
    /// travel with it (the step sets its own filters).
    pub fn at_tour_step(&self, position: usize) -> ViewState {
        ViewState { view: View::Tour, step: u8::try_from(position).ok(), lang: self.lang, embed: self.embed, ..ViewState::default() }
    }
}

/// The result highlighted after ↓ or ↑, of `count`: ↓ from none is the first and ↑ the last,
/// and both wrap round. `None` when there is nothing to highlight.
pub fn next_active(current: Option<usize>, key: ListKey, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (key, current) {
        (ListKey::Down, None) => 0,
        (ListKey::Down, Some(i)) => (i + 1) % count,
        (ListKey::Up, None) => count - 1,
        (ListKey::Up, Some(i)) => (i + count - 1) % count,
    })
}

/// The result Enter opens: the highlighted one, or the best (the first) when none is.
pub fn chosen(active: Option<usize>, count: usize) -> Option<usize> {
    Some(active.unwrap_or(0)).filter(|i| *i < count)
}

/// What Escape does in the search box: each press undoes one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// The list is open on a query: close the list, keep the words.
    CloseList,
    /// The list is closed: clear the words.
    ClearQuery,
    /// The box is empty: close the box itself (the phone header hides it again).
    CloseBox,
}

/// A blank query counts as empty: the list never shows for spaces, so Escape closes the box
/// rather than "closing" a list that is not there.
pub fn escape(list_open: bool, query: &str) -> Escape {
    match (list_open, query.trim().is_empty()) {
        (_, true) => Escape::CloseBox,
        (true, false) => Escape::CloseList,
        (false, false) => Escape::ClearQuery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::small;
    use crate::state::{encode, parse};

    #[test]
    fn the_tours_previous_and_next_stop_at_its_ends_and_its_links_keep_only_language_and_embedding() {
        use crate::state::TOUR_STEPS;
        assert_eq!(tour_neighbour(1, false), None);
        assert_eq!(tour_neighbour(1, true), Some(2));
        assert_eq!(tour_neighbour(TOUR_STEPS, true), None);
        assert_eq!(tour_neighbour(TOUR_STEPS, false), Some(TOUR_STEPS - 1));
        assert_eq!(tour_neighbour(0, false), None);
        let d = small();
        let here = parse("view=trends&sector=integrated_circuits&time=2022&lang=zh&embed=1", d).state;
        assert_eq!(encode(&here.at_tour_step(3).canonical(d)), "view=tour&step=3&lang=zh&embed=1");
        assert_eq!(encode(&parse("view=tour&step=2", d).state.at_tour_step(1).canonical(d)), "view=tour");
    }

    #[test]
    fn a_year_slider_moves_its_end_and_pushes_the_other_rather_than_crossing_it() {
        let d = small();
        let link = |query: &str, end: YearEnd, year: u16| encode(&parse(query, d).state.with_year_end(d, end, year));
        assert_eq!(link("view=trends&time=2019..2022", YearEnd::From, 2020), "view=trends&time=2020..2022");
        assert_eq!(link("view=trends&time=2019..2021", YearEnd::To, 2022), "view=trends&time=2019..2022");
        // Past the other end: one year, both ends on it.
        assert_eq!(link("view=trends&time=2019..2020", YearEnd::From, 2022), "view=trends&time=2022");
        assert_eq!(link("view=trends&time=2021..2022", YearEnd::To, 2019), "view=trends&time=2019");
        // From every year (no `time`): the other end is the data's.
        let (first, last) = d.year_span();
        assert_eq!(link("view=trends&sector=chips", YearEnd::To, 2021), format!("view=trends&sector=chips&time={first}..2021"));
        // Back to the whole range: no `time` in the link.
        assert_eq!(link(&format!("view=trends&time={}..{last}", first + 1), YearEnd::From, first), "view=trends");
    }

    #[test]
    fn dragging_a_year_adds_one_history_entry_and_each_key_step_one() {
        let mut drag = YearDrag::default();
        // A drag over three years, let go, then two arrow-key steps (each let go by the browser).
        let mut entries = vec![drag.step(), drag.step(), drag.step()];
        drag.release();
        for _ in 0..2 {
            entries.push(drag.step());
            drag.release();
        }
        assert_eq!(entries, [Entry::Add, Entry::Replace, Entry::Replace, Entry::Add, Entry::Add]);
    }

    #[test]
    fn only_keeps_one_sector_and_the_rest_of_the_view() {
        let d = small();
        let state = parse("view=trends&indicator=revenue&region=haidian&time=2020..2022&lang=zh", d).state;
        assert_eq!(encode(&state.only_sector(d, "drugs")), "view=trends&indicator=revenue&sector=drugs&region=haidian&time=2020..2022&lang=zh");
        let chips = parse("view=sectors&sector=chips", d).state;
        assert_eq!(chips.only_sector(d, "chips"), chips, "Only on the one sector shown changes nothing");
    }

    /// A district chosen on a map opened from a figure link: its card's links and "see the trend"
    /// keep the place, not the figure (which once stuck to them, as to the tabs).
    #[test]
    fn the_maps_links_to_other_views_keep_the_place_and_drop_the_figure() {
        let d = crate::fixtures::real();
        let map = parse("view=map&indicator=gdp&region=haidian&time=2022&figure=geo-haidian-gdp-2022&lang=zh", d).state;
        assert_eq!(map.figure.as_deref(), Some("geo-haidian-gdp-2022"), "the link's figure is read");
        assert_eq!(encode(&map.place_in(View::Trends).canonical(d)), "view=trends&region=haidian&lang=zh");
        assert_eq!(encode(&map.place_in(View::Table).canonical(d)), "view=table&region=haidian&lang=zh");
        assert_eq!(encode(&map.tab(View::Trends).canonical(d)), "view=trends&region=haidian&time=2022&lang=zh", "see the trend: the map's year kept");
    }

    #[test]
    fn the_arrow_keys_walk_the_results_and_wrap_round() {
        let walk = |start: Option<usize>, keys: &[ListKey], count: usize| keys.iter().fold(start, |at, key| next_active(at, *key, count));
        use ListKey::{Down, Up};
        assert_eq!(walk(None, &[Down], 3), Some(0), "↓ highlights the first result");
        assert_eq!(walk(None, &[Down, Down, Down], 3), Some(2));
        assert_eq!(walk(None, &[Down, Down, Down, Down], 3), Some(0), "past the last, back to the first");
        assert_eq!(walk(None, &[Up], 3), Some(2), "↑ from the box highlights the last");
        assert_eq!(walk(Some(0), &[Up], 3), Some(2));
        assert_eq!(walk(None, &[Down, Up], 1), Some(0));
        assert_eq!(walk(None, &[Down, Up], 0), None, "no results, nothing highlighted");
    }

    #[test]
    fn enter_opens_the_highlighted_result_or_else_the_best() {
        assert_eq!(chosen(None, 4), Some(0));
        assert_eq!(chosen(Some(2), 4), Some(2));
        assert_eq!(chosen(None, 0), None, "no match: Enter opens nothing");
    }

    #[test]
    fn each_escape_undoes_one_thing_the_list_then_the_words_then_the_box() {
        assert_eq!(escape(true, "haidian"), Escape::CloseList);
        assert_eq!(escape(false, "haidian"), Escape::ClearQuery);
        assert_eq!(escape(false, ""), Escape::CloseBox);
        assert_eq!(escape(true, ""), Escape::CloseBox);
        assert_eq!(escape(true, "   "), Escape::CloseBox, "the list shows only for words");
        assert_eq!(escape(false, " \t"), Escape::CloseBox);
    }
}
