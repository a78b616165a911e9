//! index.html's static shell, the overview's part: its cards with their figures and the ten
//! industries, in both languages, written into the committed `public/overview-shell.html` by
//! `cargo run --bin overview_shell` and inserted into index.html by scripts/post-build.mjs (no cargo
//! call in the build), so the first screen of an overview link is real content before the wasm
//! arrives, and its largest paint is not the app's. tests/index_html.rs fails while the committed
//! file differs from what these functions write now, so it cannot lag the data past CI. Written from the core functions ui::overview
//! draws with (`query::headline_cards`, `query::card_words`, `query::industry_words`,
//! `charts::sparkline`), in its markup
//! and classes, so the app's first render takes the same boxes and says the same words.
//!
//! A picture, as the rest of the shell (aria-hidden, inert): no links or controls, the cards'
//! buttons and the industries' links are spans styled as them (atlas.css). Each figure's source is
//! one click away once the app has mounted, which replaces the shell in the same task.
//! Host only: the wasm never carries it.

pub mod links;

use crate::charts::{sparkline, SPARKLINE_HEIGHT, SPARKLINE_WIDTH};
use crate::model::{Dataset, Lang};
use crate::query::{card_words, headline_cards, industry_words, Card};
use crate::state::ViewState;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::fmt::Write as _;

/// The generated fragment, from the crate's root: committed, read by post-build.mjs.
pub const GENERATED_FILE: &str = "public/overview-shell.html";

/// Where post-build.mjs puts the fragment in index.html, in place of the cards' skeleton.
pub const PLACEHOLDER: &str = "<!-- overview content: written by scripts/post-build.mjs -->";

/// The overview's content as an overview link without `time` opens it, in both languages; the
/// shell's script shows it for such links only (any other shows the skeleton beside it).
pub fn overview_content(dataset: &Dataset) -> String {
    let time = ViewState::default().time_span(dataset);
    let cards = headline_cards(dataset, time);
    let mut html = String::new();
    for lang in [Lang::En, Lang::Zh] {
        let (code, lang_attr) = match lang {
            Lang::En => ("en", ""),
            Lang::Zh => ("zh", " lang=\"zh-CN\""),
        };
        let _ = write!(html, "<div class=\"shell-content\" data-lang=\"{code}\"{lang_attr}><div class=\"cards\">");
        for card in &cards {
            card_html(&mut html, dataset, card, lang);
        }
        // The cards' Source buttons are shown once the heading after the cards is parsed (atlas.css).
        let _ = write!(html, "</div><h3>{}</h3><ul class=\"industries\">", text(&crate::format::tr(lang, "overview.industries")));
        for industry in industry_words(dataset, lang) {
            let _ = write!(
                html,
                "<li><span class=\"chip\" style=\"background:{}\"></span><strong><span class=\"link\">{}</span></strong><p>{}</p></li>",
                attr(industry.color),
                text(industry.name),
                text(industry.description)
            );
        }
        html.push_str("</ul></div>\n");
    }
    html
}

/// One card as ui::overview's `card_view` draws it.
fn card_html(html: &mut String, dataset: &Dataset, card: &Card<'_>, lang: Lang) {
    let words = card_words(dataset, card, lang);
    let _ = write!(html, "<article class=\"card\"><h3>{}</h3>", text(&words.title));
    let Some(figure) = words.figure else {
        let _ = write!(html, "<p class=\"card-gap\">{}</p></article>", text(&words.gap));
        return;
    };
    let _ = write!(html, "<p class=\"card-value\">{}</p><p class=\"card-meta\">{}</p>", text(&figure.value), text(&figure.meta));
    if let Some(target) = &figure.target {
        let _ = write!(html, "<p class=\"card-target\"><span class=\"link-button\">{}</span></p>", text(target));
    }
    if let Some((years, series)) = &card.sparkline {
        let shape = sparkline(years, series, SPARKLINE_WIDTH, SPARKLINE_HEIGHT);
        let _ = write!(html, "<svg class=\"sparkline\" viewBox=\"0 0 {SPARKLINE_WIDTH} {SPARKLINE_HEIGHT}\" preserveAspectRatio=\"none\">");
        for d in &shape.paths {
            let _ = write!(html, "<path d=\"{}\" vector-effect=\"non-scaling-stroke\"></path>", attr(d));
        }
        for (x, y) in &shape.dots {
            let _ = write!(html, "<circle cx=\"{x}\" cy=\"{y}\" r=\"2.5\"></circle>");
        }
        html.push_str("</svg>");
    }
    let _ = write!(html, "<span class=\"source-button\">{}</span></article>", text(&figure.source));
}
