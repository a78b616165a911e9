//! A card's sparkline as SVG geometry: the series' shape only, no axes, drawn by the page itself
//! (no chart library on the overview). A gap breaks the line: nothing is drawn between two
//! published figures that are years apart with none between them.

use crate::format;
use crate::query::Series;

/// The shape in a `width` × `height` box, y pointing down as in SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Sparkline {
    /// One SVG path (`M x y L x y …`) per run of consecutive years with figures.
    pub paths: Vec<String>,
    /// Every published point, so a lone year between gaps still shows.
    pub dots: Vec<(f64, f64)>,
    /// The values in words (`2013: 5.98, 2017: 5.7`), for screen readers.
    pub description: String,
}

/// A card's drawing box (the overview and index.html's shell); CSS stretches it to the card's width.
pub const SPARKLINE_WIDTH: f64 = 120.0;
pub const SPARKLINE_HEIGHT: f64 = 32.0;

/// Leaves room for the dots' radius at the edges.
const PAD: f64 = 3.0;

pub fn sparkline(years: &[u16], series: &Series, width: f64, height: f64) -> Sparkline {
    let (low, high) = series.values.iter().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.value), hi.max(p.value)));
    let x = |index: usize| match years.len() {
        0 | 1 => width / 2.0,
        n => PAD + (width - 2.0 * PAD) * index as f64 / (n - 1) as f64,
    };
    let y = |value: f64| {
        if high > low {
            PAD + (height - 2.0 * PAD) * (high - value) / (high - low)
        } else {
            height / 2.0
        }
    };
    let mut paths = Vec::new();
    let mut dots = Vec::new();
    let mut run: Vec<(f64, f64)> = Vec::new();
    for (index, point) in series.values.iter().enumerate() {
        match point {
            Some(point) => {
                let at = (round(x(index)), round(y(point.value)));
                dots.push(at);
                run.push(at);
            }
            None => paths.extend(path(&std::mem::take(&mut run))),
        }
    }
    paths.extend(path(&run));
    let description = series.values.iter().flatten().map(|p| format!("{}: {}", p.year, format::number(p.value))).collect::<Vec<_>>().join(", ");
    Sparkline { paths, dots, description }
}

fn path(run: &[(f64, f64)]) -> Option<String> {
    (run.len() > 1).then(|| {
        run.iter().enumerate().map(|(i, (x, y))| format!("{}{x} {y}", if i == 0 { "M" } else { " L" })).collect()
    })
}

fn round(value: f64) -> f64 {
    format::rounded(value, 1)
}
