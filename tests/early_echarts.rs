//! index.html's early script fetches ECharts for links to exactly the views that open on a chart.

use atlas::state::View;

#[test]
fn the_early_script_lists_the_views_that_draw_a_chart() {
    let index = include_str!("../index.html");
    let list = index
        .split_once("var chartViews = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .expect("index.html's early script names its chart views in `var chartViews = [...]`");
    let listed: Vec<&str> = list
        .split(',')
        .map(|id| id.trim().trim_matches('\''))
        .filter(|id| !id.is_empty())
        .collect();
    let drawing: Vec<&str> = View::ALL
        .iter()
        .filter(|v| v.draws_chart())
        .map(|v| v.id())
        .collect();
    assert_eq!(listed, drawing);
}
