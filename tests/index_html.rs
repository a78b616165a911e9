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

/// The texts of every `<tag class="class">…</tag>` in `html`, entities decoded, in order.
fn texts_of(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .map(|rest| html_escape::decode_html_entities(rest.split_once(close).expect("the element closes").0).into_owned())
        .collect()
}

/// Issue 26: the overview's content for the shell (src/shell.rs, committed as
/// public/overview-shell.html, inserted by scripts/post-build.mjs) says what the app's overview
/// says, card by card, in both languages.
#[test]
fn the_shells_overview_content_is_the_apps_cards_and_industries() {
    use atlas::query::{card_words, headline_cards};
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).expect("the bundled dataset decodes");
    let content = atlas::shell::overview_content(&dataset);
    assert!(INDEX.contains(atlas::shell::PLACEHOLDER), "index.html has the placeholder post-build.mjs fills");
    // A picture: nothing to click or focus before the app has mounted.
    for control in ["<a ", "<button", "<input", "tabindex", "<script"] {
        assert!(!content.contains(control), "the shell's content has {control}");
    }
    let cards = headline_cards(&dataset, atlas::state::ViewState::default().time_span(&dataset));
    assert_eq!(cards.len(), 10, "the overview shows ten headline cards");
    let blocks: Vec<&str> = content.split("<div class=\"shell-content\"").skip(1).collect();
    assert_eq!(blocks.len(), 2, "one block per language");
    for (block, lang) in blocks.iter().zip([Lang::En, Lang::Zh]) {
        assert!(block.starts_with(if lang == Lang::En { " data-lang=\"en\">" } else { " data-lang=\"zh\" lang=\"zh-CN\">" }));
        let words: Vec<_> = cards.iter().map(|card| card_words(&dataset, card, lang)).collect();
        let titles: Vec<String> = words.iter().map(|w| w.title.clone()).collect();
        assert_eq!(texts_of(block, "<article class=\"card\"><h3>", "</h3>"), titles);
        let figures: Vec<_> = words.iter().filter_map(|w| w.figure.clone()).collect();
        assert_eq!(texts_of(block, "<p class=\"card-value\">", "</p>"), figures.iter().map(|f| f.value.clone()).collect::<Vec<_>>());
        assert_eq!(texts_of(block, "<p class=\"card-meta\">", "</p>"), figures.iter().map(|f| f.meta.clone()).collect::<Vec<_>>());
        assert_eq!(
            texts_of(block, "<p class=\"card-target\"><span class=\"link-button\">", "</span>"),
            figures.iter().filter_map(|f| f.target.clone()).collect::<Vec<_>>()
        );
        assert_eq!(
            texts_of(block, "<span class=\"source-button\">", "</span>"),
            figures.iter().map(|f| f.source.clone()).collect::<Vec<_>>()
        );
        assert_eq!(
            texts_of(block, "<span class=\"link\">", "</span>"),
            dataset.sectors.iter().map(|s| s.name(lang).to_string()).collect::<Vec<_>>()
        );
        assert_eq!(
            texts_of(block, "</strong><p>", "</p>"),
            dataset.sectors.iter().map(|s| s.description(lang).to_string()).collect::<Vec<_>>()
        );
        assert_eq!(texts_of(block, "</div><h3>", "</h3>"), vec![tr(lang, "overview.industries")]);
    }
    // The figures a reader checks first, as published (data/observations.jsonl).
    assert!(blocks[0].contains("<p class=\"card-value\">6.58% of GDP</p>"));
}

/// The fragment post-build.mjs inserts is committed (no host build inside Trunk): it must be what
/// the core functions write now, or the served first screen would lag the data and the app.
#[test]
fn the_committed_overview_fragment_is_what_the_core_writes_now() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).expect("the bundled dataset decodes");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(atlas::shell::GENERATED_FILE);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed,
        atlas::shell::overview_content(&dataset),
        "{} is missing or stale: regenerate it with `cargo run --bin overview_shell` and commit it",
        path.display()
    );
}

/// Issue 26's next lever: the head's script paints from the served page exactly the links the
/// build wrote a first screen for (src/shell/links.rs), and index.html has the places post-build.mjs
/// fills with their words.
#[test]
fn the_early_script_lists_the_links_the_build_writes() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).expect("the bundled dataset decodes");
    let links = atlas::shell::links::links(&dataset);
    // Quoted items (a link may hold a comma): every second piece between quotes.
    let listed = INDEX
        .split_once("var links = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list.split('\'').skip(1).step_by(2).collect::<Vec<_>>())
        .expect("index.html's head script has `var links = [...]`");
    assert_eq!(listed, links.iter().map(String::as_str).collect::<Vec<_>>());
    for placeholder in [atlas::shell::links::VIEWS_PLACEHOLDER, atlas::shell::links::SUMMARIES_PLACEHOLDER] {
        assert!(shell().contains(placeholder), "index.html's shell has {placeholder}");
    }
    // The script names a link's files as shell::links::slug does.
    assert!(INDEX.contains("link.replace(/[=&,]/g, '_')"));
}

/// The head script's name for a link's chart option, read from its expression and worked out here
/// for every link, language and theme, is a file the build writes: a drifted scheme (another
/// order, another separator) would leave every such link's chart grey.
#[test]
fn the_early_script_names_the_option_files_the_build_writes() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).expect("the bundled dataset decodes");
    let dir = format!("{}/", atlas::shell::links::OPTIONS_DIR);
    let written: Vec<String> = atlas::shell::links::generated_files(&dataset)
        .into_iter()
        .filter_map(|(path, _)| path.strip_prefix(&dir).map(str::to_string))
        .collect();
    let expression = INDEX
        .split_once("json('__LINK_SHELLS_DIR__' + ")
        .and_then(|(_, rest)| rest.split_once("),"))
        .map(|(expression, _)| expression)
        .expect("the head script fetches json('__LINK_SHELLS_DIR__' + <file name>)");
    let links = atlas::shell::links::links(&dataset);
    let mut named = 0;
    for link in &links {
        for lang in ["en", "zh"] {
            for dark in [false, true] {
                let name: String = expression
                    .split(" + ")
                    .map(|token| match token.trim() {
                        // As the script's `link.replace(/[=&,]/g, '_')`.
                        "slug" => link.chars().map(|c| if "=&,".contains(c) { '_' } else { c }).collect(),
                        "lang" => lang.to_string(),
                        "(dark ? 'dark' : 'light')" => (if dark { "dark" } else { "light" }).to_string(),
                        quoted if quoted.len() >= 2 && quoted.starts_with('\'') && quoted.ends_with('\'') => quoted[1..quoted.len() - 1].to_string(),
                        other => panic!("the head script's file name has a part this test does not know: {other}"),
                    })
                    .collect();
                assert!(written.contains(&name), "the head script fetches {name} for {link} ({lang}), which the build does not write");
                named += 1;
            }
        }
    }
    assert_eq!(named, written.len(), "one file per link, language and theme");
}

/// The links' words and options are committed (no host build inside Trunk): they must be what the
/// core writes now, or a link's first screen would lag the data and the app. A file the core no
/// longer writes (a link dropped from the list) must go too.
#[test]
fn the_committed_link_shells_are_what_the_core_writes_now() {
    let dataset = atlas::model::decode(atlas::BUNDLED_DATASET).expect("the bundled dataset decodes");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = atlas::shell::links::generated_files(&dataset);
    let fix = "regenerate them with `cargo run --bin link_shells` and commit them";
    for (path, content) in &files {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(committed == *content, "{path} is missing or stale: {fix}");
    }
    let dir = root.join(atlas::shell::links::OPTIONS_DIR);
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| format!("{}/{}", atlas::shell::links::OPTIONS_DIR, e.file_name().to_string_lossy())).collect())
        .unwrap_or_default();
    on_disk.sort();
    let mut written: Vec<String> = files.iter().map(|(path, _)| path.clone()).filter(|p| p.starts_with(&format!("{}/", atlas::shell::links::OPTIONS_DIR))).collect();
    written.sort();
    assert_eq!(on_disk, written, "{} holds other files than the core writes: {fix}", dir.display());
}
