//! index.html's scripts and static shell (issue 16: the page paints before the wasm has arrived)
//! agree with the app: the shell's words are locales/app.yml's, its script and tabs know the app's
//! views, and the early script fetches ECharts for exactly the views that open on a chart.

use atlas::format::tr;
use atlas::model::Lang;
use atlas::state::View;

const INDEX: &str = include_str!("../index.html");

/// The ids in a script's array literal that starts with `start` (`var views = [`).
fn js_list(html: &'static str, start: &str) -> Vec<&'static str> {
    let list = html
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .unwrap_or_else(|| panic!("index.html has a script array `{start}...]`"));
    list.split(',').map(|id| id.trim().trim_matches('\'')).filter(|id| !id.is_empty()).collect()
}

/// The shell's part of index.html: from `<div id="shell"` to the `<noscript>` after it.
fn shell() -> &'static str {
    let start = INDEX
        .find("<div id=\"shell\"")
        .expect("index.html has the static shell, <div id=\"shell\">");
    let end = INDEX[start..]
        .find("<noscript>")
        .expect("the <noscript> follows the shell");
    &INDEX[start..start + end]
}

/// Every `<span data-lang="…" data-t="key" …>text</span>`: (language, key, text).
fn translated_words() -> Vec<(String, String, String)> {
    shell()
        .split("data-lang=\"")
        .skip(1)
        .map(|rest| {
            let (lang, rest) = rest.split_once('"').expect("data-lang is quoted");
            let rest = rest
                .trim_start()
                .strip_prefix("data-t=\"")
                .expect("data-lang is followed by data-t");
            let (key, rest) = rest.split_once('"').expect("data-t is quoted");
            let (_, rest) = rest.split_once('>').expect("the span's start tag ends");
            let (text, _) = rest.split_once('<').expect("the span holds text only");
            (lang.to_string(), key.to_string(), text.to_string())
        })
        .collect()
}

#[test]
fn the_shell_words_are_the_apps_in_both_languages() {
    let words = translated_words();
    for key in ["app.title", "app.tagline", "view.overview", "overview.lede"] {
        assert!(
            words.iter().any(|(_, k, _)| k == key),
            "the shell has no {key}: {words:?}"
        );
    }
    for (lang, key, text) in &words {
        let lang = match lang.as_str() {
            "en" => Lang::En,
            "zh" => Lang::Zh,
            other => panic!("data-lang=\"{other}\" is neither en nor zh"),
        };
        assert_eq!(
            text,
            &tr(lang, key),
            "the shell's {key} ({lang:?}) differs from locales/app.yml"
        );
    }
    // Each word in both languages, so the page's language is the one shown.
    let count = |lang: &str| words.iter().filter(|(l, _, _)| l == lang).count();
    assert_eq!(count("en"), count("zh"));
}

#[test]
fn the_shell_script_and_tabs_know_the_apps_views() {
    let listed = js_list(shell(), "var views = [");
    let ids: Vec<&str> = View::ALL.iter().map(|v| v.id()).collect();
    assert_eq!(listed, ids);
    // The tabs are ui::header::ViewTabs': every view but the profile, in order.
    let tabs: Vec<&str> = shell()
        .split("data-tab=\"")
        .skip(1)
        .map(|rest| rest.split_once('"').expect("data-tab is quoted").0)
        .collect();
    let tab_views: Vec<&str> = View::ALL
        .iter()
        .filter(|v| **v != View::Profile)
        .map(|v| v.id())
        .collect();
    assert_eq!(tabs, tab_views);
}

#[test]
fn the_early_script_lists_the_views_that_draw_a_chart() {
    let drawing: Vec<&str> = View::ALL.iter().filter(|v| v.draws_chart()).map(|v| v.id()).collect();
    assert_eq!(js_list(INDEX, "var chartViews = ["), drawing);
}
