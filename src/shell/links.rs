//! index.html's shell for links to a chart view (issue 26's next lever): which links get their
//! first screen in the served page (`links`), and that first screen, written by
//! `cargo run --bin link_shells` into committed files under `public/`:
//! - the words, both languages, in the app's markup and classes (the phone's filter summary, the
//!   view's heading, what sits above the chart, the text under it): `public/link-shells.html` and
//!   `public/link-shell-summaries.html`, which scripts/post-build.mjs inserts into index.html's
//!   shell, so the first paint of such a link is its real content (its largest text, the note
//!   under the chart, included) before the wasm or ECharts has arrived;
//! - the chart's ECharts option for each language and theme, as the app builds it:
//!   `public/link-shells/<slug>.<lang>.<theme>.json`, which the head's script fetches at once (from
//!   `link-shells-<hash>/`, the name scripts/post-build.mjs gives the directory from its contents;
//!   the service worker precaches it) and draws into the shell's chart block as soon as ECharts has
//!   loaded: the one place outside `bridge` that calls ECharts (README "What is where").
//!
//! Written from the functions the app draws with (`query::filter_summary`, `charts::TrendData`,
//! `charts::sectors_option`, `charts::map_option`, `format::tr`), so the words and the chart are
//! the app's; tests/index_html.rs fails while a committed file differs from what these write now.
//! A picture, as the rest of the shell (aria-hidden, inert): no ids, links or controls; a radio
//! button, a button or a slider is a span of its size (atlas.css). Host only.

use crate::charts::{map_option, player_note, sectors_chart_height, sectors_note, sectors_option, Look, Palette, TrendData};
use crate::format::{tr, tr_with};
use crate::model::{Dataset, Lang};
use crate::query::{self, choice, compare::Player};
use crate::state::{self, View, ViewState};
use html_escape::encode_text as text;
use std::fmt::Write as _;

/// The views' words for every link, inserted by post-build.mjs into index.html's `<main>`.
pub const VIEWS_FILE: &str = "public/link-shells.html";
/// The phone's filter summary line for every link, inserted into the shell's summary row.
pub const SUMMARIES_FILE: &str = "public/link-shell-summaries.html";
/// The charts' options, one file per link, language and theme; copied into the bundle by Trunk.
pub const OPTIONS_DIR: &str = "public/link-shells";
/// Where post-build.mjs puts `VIEWS_FILE` in index.html.
pub const VIEWS_PLACEHOLDER: &str = "<!-- link views: written by scripts/post-build.mjs -->";
/// Where post-build.mjs puts `SUMMARIES_FILE` in index.html.
pub const SUMMARIES_PLACEHOLDER: &str = "<!-- link summaries: written by scripts/post-build.mjs -->";

/// The links whose first screen the served page holds, as their canonical queries without `lang`
/// (the shell shows the link's or the reader's language, as for every other link): each chart
/// view's default link, trends with one sector (each of the ten), and trends comparing Chaoyang
/// and Haidian (the bench's two-place link). index.html's head script lists the same (tests).
pub fn links(dataset: &Dataset) -> Vec<String> {
    let view = |view: View| ViewState { view, ..ViewState::default() };
    let mut states = vec![view(View::Trends), view(View::Sectors), view(View::Map)];
    for sector in &dataset.sectors {
        states.push(ViewState { sectors: vec![sector.id.clone()], ..view(View::Trends) });
    }
    states.push(ViewState { regions: vec!["chaoyang".to_string(), "haidian".to_string()], ..view(View::Trends) });
    states.into_iter().map(|s| state::encode(&s.canonical(dataset))).collect()
}

/// A link's name in file names and in the shell's markup: its query with `=`, `&` and `,` as `_`
/// (index.html's script derives it the same way).
pub fn slug(link: &str) -> String {
    link.replace(['=', '&', ','], "_")
}

/// The file (under `OPTIONS_DIR`, and `link-shells-<hash>/` in the bundle) of a link's chart option.
pub fn option_file(link: &str, lang: Lang, dark: bool) -> String {
    format!("{}.{}.{}.json", slug(link), lang.code(), if dark { "dark" } else { "light" })
}

/// A link's state in one language: what the app parses from it (`lang` aside).
pub fn link_state(dataset: &Dataset, link: &str, lang: Lang) -> ViewState {
    ViewState { lang, ..state::parse(link, dataset).state }
}

/// Every file this module writes, as (path from the crate's root, content).
pub fn generated_files(dataset: &Dataset) -> Vec<(String, String)> {
    let links = links(dataset);
    let mut files = vec![
        (VIEWS_FILE.to_string(), views_fragment(dataset, &links)),
        (SUMMARIES_FILE.to_string(), summaries_fragment(dataset, &links)),
    ];
    for link in &links {
        for lang in [Lang::En, Lang::Zh] {
            for dark in [false, true] {
                let option = chart_option(dataset, &link_state(dataset, link, lang), dark);
                let json = serde_json::to_string(&option).expect("a chart option is JSON");
                files.push((format!("{OPTIONS_DIR}/{}", option_file(link, lang, dark)), json + "\n"));
            }
        }
    }
    files
}

/// The chart's option for a state, as the view's component builds it (animated unless the reader
/// prefers reduced motion: index.html's script turns it off then, as `Look::animate` does).
pub fn chart_option(dataset: &Dataset, state: &ViewState, dark: bool) -> serde_json::Value {
    let look = Look { dataset, lang: state.lang, palette: Palette::for_theme(dark), animate: true };
    match state.view {
        View::Sectors => sectors_option(&look, state, &query::comparison(dataset, state)),
        View::Map => map_option(&look, state, &choice::map_indicator_of(&choice::shown_indicator(dataset, state))),
        _ => TrendData::new(dataset, state).option(&look),
    }
}

/// The `data-chart` name of the view's chart (the shell's block says `data-shell-chart`).
pub fn chart_name(view: View) -> &'static str {
    match view {
        View::Sectors => "sectors",
        View::Map => "map",
        _ => "trend",
    }
}

/// Every link's view in both languages, each hidden (atlas.css) until index.html's head script,
/// having found the link in its list, adds the one rule that shows its `data-for` blocks.
fn views_fragment(dataset: &Dataset, links: &[String]) -> String {
    let mut html = String::new();
    for link in links {
        let _ = write!(html, "<div class=\"shell-link\" data-for=\"{}\">", slug(link));
        for lang in [Lang::En, Lang::Zh] {
            view_html(&mut html, dataset, &link_state(dataset, link, lang));
        }
        html.push_str("</div>\n");
    }
    html
}

/// The summary line of every link, both languages (`query::filter_summary`).
fn summaries_fragment(dataset: &Dataset, links: &[String]) -> String {
    let mut html = String::new();
    for link in links {
        let _ = write!(html, "<span class=\"shell-link\" data-for=\"{}\">", slug(link));
        for lang in [Lang::En, Lang::Zh] {
            let summary = query::filter_summary(dataset, &link_state(dataset, link, lang));
            let _ = write!(html, "<span{}>{}</span>", lang_attrs(lang), text(&summary));
        }
        html.push_str("</span>\n");
    }
    html
}

fn lang_attrs(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " data-lang=\"en\"",
        Lang::Zh => " data-lang=\"zh\" lang=\"zh-CN\"",
    }
}

/// The view as its component first draws it, down to the text under the chart.
fn view_html(html: &mut String, dataset: &Dataset, state: &ViewState) {
    let lang = state.lang;
    let class = if state.view == View::Map { "view map-view" } else { "view" };
    let _ = write!(html, "<section class=\"{class}\"{}><h2>{}</h2>", lang_attrs(lang), text(&tr(lang, &format!("view.{}", state.view.id()))));
    match state.view {
        View::Sectors => {
            let comparison = query::comparison(dataset, state);
            let height = sectors_chart_height(&comparison).map(|px| format!(" style=\"height: {px}px;\""));
            chart_html(html, "tall", "sectors", height.as_deref().unwrap_or(""));
            note_html(html, &tr(lang, sectors_note(&comparison)));
        }
        View::Map => map_html(html, dataset, state),
        _ => {
            // ui::trends: its notices' live region (empty for these links), the scale toggle (shown
            // once the chart's figure after it is parsed, atlas.css).
            let _ = write!(
                html,
                "<div class=\"trend-notices\"></div><fieldset class=\"scale-toggle\"><legend>{}</legend>{}{}</fieldset>",
                text(&tr(lang, "trends.scale")),
                radio(true, &tr(lang, "trends.values")),
                radio(false, &tr(lang, "trends.indexed"))
            );
            chart_html(html, "", "trend", "");
            note_html(html, &TrendData::new(dataset, state).note(lang));
        }
    }
    html.push_str("</section>");
}

/// A radio button and its words, as ui::trends' `ScaleToggle` draws one: the button a span of its size.
fn radio(checked: bool, words: &str) -> String {
    let mark = if checked { "radio-mark checked" } else { "radio-mark" };
    format!("<label class=\"scale-option\"><span class=\"{mark}\"></span><span>{}</span></label>", text(words))
}

/// `<EChart>`'s figure: its download buttons (placeholders of their size) and the chart's block,
/// grey until the script has drawn the option into it. The buttons are shown once the block after
/// them is parsed (atlas.css): keep it after them.
fn chart_html(html: &mut String, class: &str, name: &str, style: &str) {
    let _ = write!(
        html,
        "<figure class=\"chart-figure {class}\"><div class=\"chart-downloads\"><span class=\"skeleton button-skeleton chart-download\">PNG</span><span class=\"skeleton button-skeleton chart-download\">CSV</span></div><div class=\"chart skeleton\" data-shell-chart=\"{name}\"{style}></div></figure>"
    );
}

/// The text under the chart: the first screen's largest text, timed (`elementtiming`) so the app
/// starts only once it is reported painted (bridge::shell_painted).
fn note_html(html: &mut String, note: &str) {
    let _ = write!(html, "<p class=\"chart-note\" elementtiming=\"shell-note\">{}</p>", text(note));
}

/// ui::map_view's first screen: the chart, the year player (its button and slider as placeholders),
/// the notes under it and the hint beside it. The lists of districts and zones, below the first
/// screen on a phone, are the app's.
fn map_html(html: &mut String, dataset: &Dataset, state: &ViewState) {
    let lang = state.lang;
    let indicator = choice::map_indicator_of(&choice::shown_indicator(dataset, state));
    let player = Player::new(dataset, state, &indicator);
    html.push_str("<div class=\"map-layout\"><div class=\"map-main\">");
    chart_html(html, "map", "map", "");
    if !player.years.is_empty() {
        let now = player.current.map(|y| tr_with(lang, "map.showing_year", &[("year", &y.to_string())])).unwrap_or_default();
        let stops = player_note(lang, &player);
        let _ = write!(
            html,
            "<div class=\"year-player\"><span class=\"skeleton button-skeleton play-button\"><span>▶ </span>{}</span><span class=\"year-slider\"><span>{}</span><span class=\"skeleton range-skeleton\"></span></span><span class=\"year-now\">{}</span></div><p class=\"chart-note player-note\">{}</p>",
            text(&tr(lang, "map.play")),
            text(&tr(lang, "map.year")),
            text(&now),
            text(&stops)
        );
    }
    let _ = write!(
        html,
        "<p class=\"chart-note\" elementtiming=\"shell-note\">{} <span class=\"link\">{}</span></p></div><div class=\"map-side\"><p class=\"hint\">{}</p></div></div>",
        text(&tr(lang, "map.note")),
        text(&tr(lang, "map.see_trend")),
        text(&tr(lang, "map.hint"))
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        crate::model::decode(crate::BUNDLED_DATASET).expect("the bundled dataset decodes")
    }

    /// Each chart view's default link, trends with each one sector, and the bench's two places.
    #[test]
    fn the_links_are_each_chart_views_default_one_sector_trends_and_two_places() {
        let dataset = dataset();
        let links = links(&dataset);
        for link in ["view=trends", "view=sectors", "view=map", "view=trends&sector=integrated_circuits", "view=trends&region=chaoyang,haidian"] {
            assert!(links.contains(&link.to_string()), "{link} is not prerendered: {links:?}");
        }
        let one_sector = links.iter().filter(|l| l.starts_with("view=trends&sector=") && !l.contains(',')).count();
        assert_eq!(one_sector, dataset.sectors.len(), "trends with each one sector");
        assert_eq!(links.len(), 3 + dataset.sectors.len() + 1);
    }

    /// The shell compares the link's query with these exactly: each must be what the app writes
    /// for it (else a link the app keeps would never match) and show no notice (which would sit
    /// above the view in the app, not in the shell), with a chart to draw.
    #[test]
    fn each_link_is_canonical_without_notices_and_draws_a_chart() {
        let dataset = dataset();
        let mut slugs = std::collections::BTreeSet::new();
        for link in links(&dataset) {
            for lang in [Lang::En, Lang::Zh] {
                let parsed = state::parse(&link, &dataset);
                assert!(parsed.notices.is_empty(), "{link}: {:?}", parsed.notices);
                assert_eq!(state::encode(&parsed.state), link, "{link} is not canonical");
                let state = link_state(&dataset, &link, lang);
                assert!(state.view.draws_chart(), "{link}");
                assert_eq!(choice::shown_indicator(&dataset, &state).notice, None, "{link} falls back with a notice");
                assert_eq!(query::switch::sector_gap(&dataset, &state), None, "{link} says a sector gap above its chart");
                let option = chart_option(&dataset, &state, false);
                assert!(option.get(crate::charts::UNDRAWABLE).is_none(), "{link}: {option}");
                assert!(option["series"].as_array().is_some_and(|s| !s.is_empty()), "{link} draws no series");
            }
            assert!(slugs.insert(slug(&link)), "two links share the file name {}", slug(&link));
        }
    }

    #[test]
    fn a_links_file_name_is_its_query_with_separators_replaced() {
        assert_eq!(slug("view=trends&region=chaoyang,haidian"), "view_trends_region_chaoyang_haidian");
        assert_eq!(option_file("view=map", Lang::Zh, true), "view_map.zh.dark.json");
    }

    /// A picture: nothing to click or focus, and no id a test or the app could meet twice.
    #[test]
    fn the_words_are_a_picture_in_both_languages() {
        let dataset = dataset();
        let views = views_fragment(&dataset, &links(&dataset));
        for control in ["<a ", "<button", "<input", "<select", "tabindex", "<script", " id=", "role="] {
            assert!(!views.contains(control), "the links' shell has {control}");
        }
        // Every link's block holds the view in English and in Chinese, each with its timed note.
        for link in links(&dataset) {
            let block = views.split(&format!("data-for=\"{}\">", slug(&link))).nth(1).expect("a block per link");
            let block = block.split("</div>\n").next().unwrap_or_default();
            assert_eq!(block.matches("<section").count(), 2, "{link}");
            assert_eq!(block.matches("elementtiming=\"shell-note\"").count(), 2, "{link}");
            assert_eq!(block.matches("data-shell-chart=").count(), 2, "{link}");
            assert!(!block.contains("data-chart="), "the shell's chart must not be found as the app's");
        }
        assert!(views.contains(&format!("<p class=\"chart-note\" elementtiming=\"shell-note\">{}</p>", tr(Lang::Zh, "ladder.note"))));
    }
}
