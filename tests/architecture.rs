//! The layering, checked on every `cargo test` (STYLE.md's invariants): the pure core names no
//! browser crate, and no two core modules depend on each other in a cycle. A plain test, so it
//! cannot drift out of CI.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The pure core: each entry is a module, a directory or a single file under `src/`.
const CORE: &[&str] = &["model", "query", "state", "story", "charts", "format"];
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
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("").to_string()))
        .filter(|(_, code)| !code.trim().is_empty())
        .collect()
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
}
