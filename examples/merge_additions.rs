//! Merges a file of new observations into `data/observations.jsonl` through the loader's own
//! validation: a line is appended only if the loader accepts it together with the existing data
//! (and the lines accepted before it). Refused lines are printed with the loader's reasons, and
//! lines that differ from their series' convention (kind, unit family) are named.
//!
//! `cargo run --example merge_additions -- <additions.jsonl> [--dry-run]`

use atlas::model::{self, RawFiles};
use std::collections::HashMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: merge_additions <additions.jsonl> [--dry-run]");
        return ExitCode::FAILURE;
    };
    let dry_run = args.iter().any(|a| a == "--dry-run");
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let files = (|| -> Result<_, String> {
        Ok((read("data/observations.jsonl")?, read("data/sectors.json")?, read("data/zones.jsonl")?, read("data/facts.jsonl")?, read(path)?))
    })();
    let (mut observations, sectors, zones, facts, additions) = match files {
        Ok(files) => files,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let raw = |observations: &str| -> (model::Dataset, Vec<model::LoadIssue>) {
        model::load(RawFiles { observations, sectors: &sectors, zones: &zones, facts: &facts, search_terms: "" })
    };
    let (before, issues) = raw(&observations);
    if !issues.is_empty() {
        for issue in &issues {
            eprintln!("existing data: {issue}");
        }
        eprintln!("the existing data has load issues: fix them first");
        return ExitCode::FAILURE;
    }
    // The dataset's convention per indicator: its kinds and unit families.
    let mut conventions: HashMap<String, Vec<(model::Kind, model::Unit)>> = HashMap::new();
    for o in &before.observations {
        let entry = conventions.entry(o.indicator.clone()).or_default();
        if !entry.contains(&(o.kind, o.unit.family())) {
            entry.push((o.kind, o.unit.family()));
        }
    }
    if !observations.ends_with('\n') && !observations.is_empty() {
        observations.push('\n');
    }
    let (mut accepted, mut refused) = (0, 0);
    for (n, line) in additions.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line = &relabel(line, &before, path, n + 1);
        let candidate = format!("{observations}{line}\n");
        let (dataset, issues) = raw(&candidate);
        let at = candidate.lines().count();
        let mine: Vec<String> = issues.iter().filter(|i| i.line == at).map(|i| i.reason.clone()).collect();
        if !issues.is_empty() {
            refused += 1;
            let reasons = if mine.is_empty() { issues.iter().map(|i| i.to_string()).collect() } else { mine };
            println!("REFUSED {path}:{}: {}", n + 1, reasons.join("; "));
            continue;
        }
        if let Some(new) = dataset.observations.last() {
            match conventions.get(&new.indicator) {
                None => println!("NEW INDICATOR {path}:{}: `{}` ({})", n + 1, new.indicator, new.id),
                Some(known) if !known.contains(&(new.kind, new.unit.family())) => println!(
                    "CONVENTION {path}:{}: `{}` is {:?} in {:?}; the dataset has {known:?}",
                    n + 1,
                    new.id,
                    new.kind,
                    new.unit,
                ),
                Some(_) => {}
            }
        }
        observations = candidate;
        accepted += 1;
    }
    println!("accepted {accepted}, refused {refused}");
    if !dry_run {
        if let Err(err) = std::fs::write("data/observations.jsonl", &observations) {
            eprintln!("data/observations.jsonl: {err}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// An indicator the dataset already has keeps the dataset's label (the loader shows the most
/// common one, so new wording would otherwise rename a series). Only the label changes; the
/// line's text is otherwise kept byte for byte.
fn relabel(line: &str, dataset: &model::Dataset, path: &str, n: usize) -> String {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else { return line.to_string() };
    let field = |key: &str| value.get(key).and_then(serde_json::Value::as_str).unwrap_or_default().to_string();
    let Some(indicator) = dataset.indicator(&field("indicator")) else { return line.to_string() };
    let mut line = line.to_string();
    for (key, theirs, ours) in [("indicator_en", field("indicator_en"), &indicator.label_en), ("indicator_zh", field("indicator_zh"), &indicator.label_zh)] {
        if theirs == *ours {
            continue;
        }
        let quoted = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let (from, to) = (format!("\"{key}\": {}", quoted(&theirs)), format!("\"{key}\": {}", quoted(ours)));
        if line.contains(&from) {
            println!("RELABEL {path}:{n}: `{}` {key} {theirs:?} -> {ours:?}", field("id"));
            line = line.replacen(&from, &to, 1);
        }
    }
    line
}
