//! The layering, checked on every `cargo test` (STYLE.md's invariants): the pure core names no
//! browser crate, no two core modules depend on each other in a cycle, and neither do the files
//! inside `src/query/` or inside `src/ui/`. A plain test, so it cannot drift out of CI.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The pure core: each entry is a module, a directory or a single file under `src/`.
const CORE: &[&str] = &["model", "query", "state", "story", "charts", "format", "shell"];
const BROWSER: &[&str] = &["leptos", "web_sys", "js_sys", "wasm_bindgen", "serde_wasm_bindgen", "gloo", "bridge", "ui"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(path).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The files of a core module: `src/<name>/` or `src/<name>.rs`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let dir = root().join(name);
    if dir.is_dir() { rust_files(&dir) } else { rust_files(&root().join(format!("{name}.rs"))) }
}

/// Code lines, without `//` comments (doc comments may name the browser to say it is not used).
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, without_comment(line).to_string()))
        .filter(|(_, code)| !code.trim().is_empty())
        .collect()
}

/// A line up to its `//` comment: a `//` inside a string literal (`"https://…"`) or a char
/// literal is code, and so is what follows it.
fn without_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let (mut at, mut in_string) = (0, false);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' if in_string => at += 1,
            b'"' => in_string = !in_string,
            // A char literal ('"', '\'', '/'); a lifetime (`'a`) has no closing quote two on.
            b'\'' if !in_string && bytes.get(at + 1) == Some(&b'\\') => at += 3,
            b'\'' if !in_string && bytes.get(at + 2) == Some(&b'\'') => at += 2,
            b'/' if !in_string && bytes.get(at + 1) == Some(&b'/') => return &line[..at],
            _ => {}
        }
        at += 1;
    }
    line
}

/// `leptos::…`, `use leptos`, `crate::ui::…`: a path that starts with `name`.
fn names_crate(code: &str, name: &str) -> bool {
    let direct = format!("{name}::");
    let in_crate = format!("crate::{name}");
    code.match_indices(&direct).any(|(at, _)| at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'))
        || code.match_indices(&in_crate).any(|(at, _)| !code[at + in_crate.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        || code.trim_start().starts_with(&format!("use {name}"))
}

fn browser_offenders() -> Vec<String> {
    let mut offenders = Vec::new();
    for module in CORE {
        for file in module_files(module) {
            for (number, code) in code_lines(&file) {
                if let Some(name) = BROWSER.iter().find(|name| names_crate(&code, name)) {
                    offenders.push(format!("{}:{number}: names `{name}`: {}", file.display(), code.trim()));
                }
            }
        }
    }
    offenders
}

/// Which core modules each core module's code names (`crate::query`, `super::super::model`).
fn dependencies() -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let mut graph = BTreeMap::new();
    for module in CORE {
        let mut uses = BTreeSet::new();
        for file in module_files(module) {
            for (_, code) in code_lines(&file) {
                for other in CORE.iter().filter(|other| *other != module) {
                    let path = format!("crate::{other}");
                    let hit = code.match_indices(&path).any(|(at, _)| !code[at + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'));
                    if hit {
                        uses.insert(*other);
                    }
                }
            }
        }
        graph.insert(*module, uses);
    }
    graph
}

/// A cycle in the graph, as the path around it, if there is one.
fn find_cycle(graph: &BTreeMap<&'static str, BTreeSet<&'static str>>) -> Option<Vec<&'static str>> {
    fn visit(
        node: &'static str,
        graph: &BTreeMap<&'static str, BTreeSet<&'static str>>,
        path: &mut Vec<&'static str>,
        done: &mut BTreeSet<&'static str>,
    ) -> Option<Vec<&'static str>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node);
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_names_no_browser_crate() {
    let offenders = browser_offenders();
    assert!(offenders.is_empty(), "browser code in the pure core:\n{}", offenders.join("\n"));
}

#[test]
fn core_modules_depend_on_each_other_without_cycles() {
    let graph = dependencies();
    assert!(find_cycle(&graph).is_none(), "an import cycle between core modules: {:?}\n{graph:?}", find_cycle(&graph));
}

/// Directories whose files (submodules) must not depend on each other in a cycle either: the
/// core's `query/`, and the components of `ui/` (whose `map_view` → `profile` → `map_view` cycle,
/// code review 2026-12-02 §4, was broken by moving the shared links to `links.rs` and the map
/// chart to `map_chart.rs`).
const ACYCLIC_INSIDE: &[&str] = &["query", "ui"];

/// The parent module (`src/<dir>/mod.rs`) as a node of its directory's graph.
const PARENT: &str = "mod";

/// The items of a `{…}` group at the start of `rest`, split at its top-level commas (nested
/// groups kept whole), or `rest` itself when it is no group.
fn group_items(rest: &str) -> Vec<&str> {
    let Some(group) = rest.strip_prefix('{') else { return vec![rest] };
    let mut items = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..at]);
                return items;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
}

/// A use tree as the flat paths it names: `a::{b, c::{d, e as f}}` → `a::b`, `a::c::d`,
/// `a::c::e as f`.
fn use_paths(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(at) = tree.find('{') else { return vec![tree.to_string()] };
    let prefix = &tree[..at];
    group_items(&tree[at..]).into_iter().filter(|item| !item.trim().is_empty()).flat_map(|item| use_paths(item).into_iter().map(move |path| format!("{prefix}{path}"))).collect()
}

/// What the parent re-exports (`pub use view_state::{use_atlas, Atlas};`): each item's name and
/// the sibling it comes from, or `None` for an item from outside the directory
/// (`pub use crate::format::tr;`). `super::Atlas` then names `view_state`, not the parent. A path
/// may start at the crate (`crate::ui::texts::x`, `crate::{ui::texts::x}`) or be a group of
/// siblings' items (`{texts::x, view_state::y}`).
fn reexports(parent_code: &str, dir: &str, siblings: &BTreeSet<String>) -> BTreeMap<String, Option<String>> {
    let code = parent_code.split_whitespace().collect::<Vec<_>>().join(" ");
    let in_dir = format!("crate::{dir}::");
    let mut items = BTreeMap::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(tree) = ["pub use ", "pub(crate) use "].iter().find_map(|p| statement.strip_prefix(p)) else { continue };
        for path in use_paths(tree) {
            // `x as y` is known by its new name; a path by its last segment.
            let (path, alias) = path.split_once(" as ").map_or((path.as_str(), None), |(p, a)| (p, Some(a.trim())));
            let path = path.replace(' ', "");
            let path = path.strip_prefix("::").unwrap_or(&path);
            let path = path.strip_prefix("self::").or_else(|| path.strip_prefix(in_dir.as_str())).unwrap_or(path);
            let first: String = path.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let from = siblings.contains(&first).then(|| first.clone());
            let name = alias.unwrap_or_else(|| path.rsplit("::").next().unwrap_or(path));
            if !name.is_empty() && name != "*" && name != "self" {
                items.insert(name.to_string(), from);
            }
        }
    }
    items
}

/// The modules a file in `src/<dir>/` names: `super::x`, `crate::<dir>::x`, or the items of
/// `use super::{x, y::z}` (over several lines too); for a file one level deeper,
/// `super::super::x`. A name that is no sibling submodule is an item of the parent (`PARENT`),
/// or of the sibling the parent re-exports it from (`reexported`); an item the parent re-exports
/// from outside the directory names no module.
fn submodules_named(
    code: &str,
    dir: &str,
    depth: usize,
    siblings: &BTreeSet<String>,
    reexported: &BTreeMap<String, Option<String>>,
) -> BTreeSet<String> {
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let up = "super::".repeat(depth);
    let prefixes = [up, format!("crate::{dir}::")];
    let mut named = BTreeSet::new();
    // `crate::{ui::x, format::tr}`: the group's items inside the directory, as `crate::ui::x`.
    let in_dir = format!("{dir}::");
    let from_crate_groups: Vec<String> = code
        .match_indices("crate::{")
        .flat_map(|(at, _)| group_items(&code[at + "crate::".len()..]).into_iter().map(str::trim).filter_map(|item| item.strip_prefix(in_dir.as_str())).map(String::from).collect::<Vec<_>>())
        .collect();
    let found = prefixes.iter().flat_map(|prefix| {
        code.match_indices(prefix.as_str())
            .filter(|(at, _)| !(code[..*at].ends_with("super::") || code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_')))
            .map(|(at, _)| code[at + prefix.len()..].trim_start().to_string())
            .collect::<Vec<_>>()
    });
    for rest in found.chain(from_crate_groups) {
        for item in group_items(&rest) {
            let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '*').collect();
            if name.is_empty() || name == "self" {
                continue;
            }
            if siblings.contains(&name) {
                named.insert(name);
            } else {
                match reexported.get(&name) {
                    Some(Some(sibling)) => named.insert(sibling.clone()),
                    Some(None) => false,
                    None => named.insert(PARENT.to_string()),
                };
            }
        }
    }
    named
}

/// The submodules the parent's own code names (`choice::x`, `self::series::x`, `crate::<dir>::x`).
/// Its table of contents (`mod x;`, `pub use x::…;` re-exports) is no dependence: it runs nothing.
fn submodules_named_by_parent(code: &str, dir: &str, siblings: &BTreeSet<String>) -> BTreeSet<String> {
    let own: Vec<&str> = code
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            !["mod ", "pub mod ", "pub(crate) mod ", "pub use ", "pub(crate) use "].iter().any(|p| line.starts_with(p))
        })
        .collect();
    let code = own.join(" ");
    siblings
        .iter()
        .filter(|name| {
            let path = format!("{name}::");
            code.match_indices(&path).any(|(at, _)| {
                let before = &code[..at];
                before.ends_with("self::") || before.ends_with(&format!("crate::{dir}::")) || !(before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'))
            })
        })
        .cloned()
        .collect()
}

/// Which modules of `src/<dir>/` each one names, its `mod.rs` included: the directory's graph.
///
/// Limit: only paths are read, not types. A method in an `impl Atlas` block outside
/// `view_state.rs` (`texts.rs`'s `Atlas::texts_ready`, called by `widgets.rs` and
/// `table_view.rs` as `atlas.texts_ready()`) is a dependence on that file this graph does not
/// see; keep such blocks to what only leaf files call.
fn inner_dependencies(dir: &str) -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let base = root().join(dir);
    let module_of = |file: &Path| -> Option<String> {
        let relative = file.strip_prefix(&base).ok()?;
        let first = relative.components().next()?.as_os_str().to_str()?.to_string();
        Some(first.trim_end_matches(".rs").to_string())
    };
    let code_of = |file: &Path| code_lines(file).into_iter().map(|(_, line)| line).collect::<Vec<_>>().join("\n");
    let sources: Vec<(String, usize, String)> = rust_files(&base)
        .into_iter()
        .filter_map(|file| {
            let module = module_of(&file)?;
            let depth = file.strip_prefix(&base).map_or(1, |r| r.components().count());
            Some((module, depth, code_of(&file)))
        })
        .collect();
    graph_of(dir, &sources)
}

/// The graph of a directory from its files' code: (module, depth below the directory, code).
/// The parent is the module `PARENT` at depth 1.
fn graph_of(dir: &str, sources: &[(String, usize, String)]) -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let siblings: BTreeSet<String> = sources.iter().map(|(m, _, _)| m.clone()).filter(|m| m != PARENT).collect();
    let leak = |name: String| -> &'static str { Box::leak(name.into_boxed_str()) };
    let parent_code = sources.iter().filter(|(m, depth, _)| m == PARENT && *depth == 1).map(|(_, _, c)| c.as_str()).collect::<Vec<_>>().join("\n");
    let reexported = reexports(&parent_code, dir, &siblings);
    let mut graph: BTreeMap<&'static str, BTreeSet<&'static str>> =
        siblings.iter().chain([&PARENT.to_string()]).map(|m| (leak(m.clone()), BTreeSet::new())).collect();
    for (module, depth, code) in sources {
        let named = if module == PARENT {
            submodules_named_by_parent(code, dir, &siblings)
        } else {
            submodules_named(code, dir, *depth, &siblings, &reexported)
        };
        let entry = graph.entry(leak(module.clone())).or_default();
        for other in named.into_iter().filter(|o| o != module) {
            entry.insert(leak(other));
        }
    }
    graph
}

#[test]
fn modules_inside_the_core_depend_on_each_other_without_cycles() {
    for dir in ACYCLIC_INSIDE {
        let graph = inner_dependencies(dir);
        assert!(graph.len() > 3, "src/{dir}/ has its submodules: {graph:?}");
        assert!(find_cycle(&graph).is_none(), "an import cycle inside src/{dir}/: {:?}\n{graph:?}", find_cycle(&graph));
    }
}

/// The checks themselves can fail: a browser path and a cycle are caught.
#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(names_crate("use leptos::prelude::*;", "leptos"));
    assert!(names_crate("let w = web_sys::window();", "web_sys"));
    assert!(names_crate("crate::ui::tr(lang, key)", "ui"));
    assert!(!names_crate("let guide = build_ui();", "ui"));
    assert!(!names_crate("crate::uikit::x", "ui"));
    let graph: BTreeMap<&str, BTreeSet<&str>> =
        [("state", BTreeSet::from(["story"])), ("story", BTreeSet::from(["state"])), ("model", BTreeSet::new())].into_iter().collect();
    assert_eq!(find_cycle(&graph), Some(vec!["state", "story", "state"]));
    let acyclic: BTreeMap<&str, BTreeSet<&str>> = [("charts", BTreeSet::from(["query"])), ("query", BTreeSet::new())].into_iter().collect();
    assert_eq!(find_cycle(&acyclic), None);
    // Inside a directory: the review's `choice` ↔ `series` cycle would be read from these lines.
    let siblings: BTreeSet<String> = ["choice", "series", "sectors"].map(String::from).into();
    let none = BTreeMap::new();
    let named = |code: &str, depth: usize| submodules_named(code, "query", depth, &siblings, &none).into_iter().collect::<Vec<_>>();
    assert_eq!(named("use super::series::{point, series, year_axis, Point};", 1), ["series"]);
    assert_eq!(named("let shown = super::choice::shown_indicator(dataset, &s);", 1), ["choice"]);
    assert_eq!(named("use super::{choice, drawable, series::Point};", 1), ["choice", "mod", "series"]);
    assert_eq!(named("crate::query::sectors::comparison(d, &s)", 1), ["sectors"]);
    assert_eq!(named("use super::{filter, Filter};", 1), ["mod"], "items of the parent");
    assert_eq!(named("use super::*;", 2), Vec::<String>::new(), "a nested file's parent is its own module");
    assert_eq!(named("use super::{\n    choice,\n    series::{point, Point},\n    drawable,\n};", 1), ["choice", "mod", "series"], "a group over lines");
    // The parent's own code counts; its table of contents does not.
    let by_parent = |code: &str| submodules_named_by_parent(code, "query", &siblings).into_iter().collect::<Vec<_>>();
    assert_eq!(by_parent("pub mod choice;\npub use sectors::{comparison, Bar};\nlet s = choice::shown_indicator(d, &s);"), ["choice"]);
    assert_eq!(by_parent("let p = crate::query::series::point(d, rows);"), ["series"]);
    // A cycle through the parent is caught.
    let through_parent: BTreeMap<&str, BTreeSet<&str>> = [("mod", BTreeSet::from(["choice"])), ("choice", BTreeSet::from(["mod"]))].into_iter().collect();
    assert!(find_cycle(&through_parent).is_some());
    assert_eq!(named("use super::super::series::Point;", 2), ["series"]);
    // An item the parent re-exports names the sibling it comes from, or nothing when it comes
    // from outside: ui's `profile` → `super::MapChart` → `map_view` is a dependence on `map_view`.
    let ui_siblings: BTreeSet<String> = ["map_view", "profile", "view_state"].map(String::from).into();
    let reexported = reexports("mod map_view;\npub use view_state::{use_atlas, Atlas as App};\npub use crate::format::{tr, tr_with};\npub(crate) use map_view::MapChart;", "ui", &ui_siblings);
    assert_eq!(reexported.get("App"), Some(&Some("view_state".to_string())));
    assert_eq!(reexported.get("use_atlas"), Some(&Some("view_state".to_string())));
    assert_eq!(reexported.get("tr_with"), Some(&None));
    let in_ui = |code: &str| submodules_named(code, "ui", 1, &ui_siblings, &reexported).into_iter().collect::<Vec<_>>();
    assert_eq!(in_ui("use super::{tr, use_atlas, App, MapChart};"), ["map_view", "view_state"]);
    assert_eq!(in_ui("let x = super::tr(lang, key);"), Vec::<String>::new());
    assert_eq!(in_ui("super::start_in_preferred_lang();"), ["mod"], "an item the parent defines");
    // The known ui cycle, as its lines read before the move, is caught by the real reading.
    let source = |module: &str, code: &str| (module.to_string(), 1, code.to_string());
    let before = graph_of(
        "ui",
        &[
            source("mod", "mod map_view;\nmod profile;\nmod widgets;\npub use view_state::{use_atlas, Atlas};"),
            source("view_state", "pub struct Atlas;"),
            source("profile", "use super::map_view::MapChart;\nuse super::{tr, use_atlas};"),
            source("map_view", "let href = super::profile::profile_href(&place, lang);"),
            source("widgets", "<a href=super::profile::profile_href(&place, lang)>"),
        ],
    );
    assert_eq!(before.get("profile"), Some(&BTreeSet::from(["map_view", "mod", "view_state"])), "{before:?}");
    assert_eq!(find_cycle(&before), Some(vec!["map_view", "profile", "map_view"]));
    // The re-export forms a parent may use: from the crate's root, a group of siblings, a
    // group at the crate's root; a `//` inside a string is no comment.
    let reexported = reexports(
        "pub use crate::ui::texts::with_texts;\npub use {profile::profile_href, view_state::Atlas as App};\npub use crate::{ui::map_view::MapChart, format::tr};",
        "ui",
        &ui_siblings.iter().cloned().chain(["texts".to_string()]).collect(),
    );
    let from = |name: &str| reexported.get(name).cloned().flatten();
    assert_eq!(
        [from("with_texts"), from("profile_href"), from("App"), from("MapChart")],
        [Some("texts".into()), Some("profile".into()), Some("view_state".into()), Some("map_view".into())]
    );
    assert_eq!(reexported.get("tr"), Some(&None), "an item from outside the directory");
    assert_eq!(in_ui("use crate::{ui::{profile::x, map_view}, format::tr};"), ["map_view", "profile"]);
    assert_eq!(without_comment(r#"let url = "https://example.org"; // a link"#), r#"let url = "https://example.org"; "#);
    assert_eq!(without_comment(r#"let q = '"'; let s = "a\"//b"; // c"#), r#"let q = '"'; let s = "a\"//b"; "#);
}
