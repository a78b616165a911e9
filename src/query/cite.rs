//! How to cite a figure and the dataset: the original source as a reference, the Atlas as a
//! reference with the figure's link, and a BibTeX entry. The accessed date is the dataset's build
//! date (`crate::DATASET_BUILT`): the day the figures were last checked into the page, not the
//! reader's clock. The reference's words and order come from locales/app.yml (English: author,
//! date, title, URL; Chinese: GB/T 7714's `[EB/OL]` form); BibTeX is the same in both languages.

use crate::format::{self, period_label, tr, tr_with};
use crate::model::{Dataset, Lang, Observation, Texts};

/// The three ways to cite one figure, each ready to copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// The publisher's page the figure comes from, as a reference.
    pub source: String,
    /// The Atlas as where the figure was found, with the link to it.
    pub atlas: String,
    pub bibtex: String,
}

/// The two ways to cite the whole dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetCitation {
    pub reference: String,
    pub bibtex: String,
}

/// What a figure is, in a line: "GDP · Beijing · 2022: 41,610.9 亿元".
fn figure_line(dataset: &Dataset, o: &Observation, lang: Lang) -> String {
    format!(
        "{} · {} · {}: {}",
        o.label(lang),
        dataset.region_name(&o.region, lang),
        period_label(o, lang),
        format::value(o.value, o.unit, lang)
    )
}

/// The year of a `YYYY…` date, for the reference's and BibTeX's year.
fn year_of(date: &str) -> &str {
    date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).unwrap_or("n.d.")
}

/// Text inside a BibTeX field: LaTeX's special characters escaped, so a title with `&` or `%`
/// does not break the entry.
fn bibtex_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

/// A URL inside a BibTeX field: kept as written, braces (which would end the field) encoded.
fn bibtex_url(url: &str) -> String {
    url.replace('{', "%7B").replace('}', "%7D")
}

/// A citation key from an id: letters, digits, `-`, `_` and `:` only.
fn bibtex_key(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':') { c } else { '-' }).collect()
}

/// One figure's citations. `link` is the absolute link to the figure on the page
/// (`?…&figure=<id>`); `accessed` the dataset's build date.
pub fn figure_citation(dataset: &Dataset, texts: &Texts, o: &Observation, link: &str, accessed: &str, lang: Lang) -> Citation {
    let source = dataset.source_of(o);
    let title = texts.source_title(o.source);
    let figure = figure_line(dataset, o, lang);
    let source_reference = tr_with(
        lang,
        "cite.source_reference",
        &[("publisher", &source.publisher), ("published", &source.published), ("title", title), ("url", &source.url), ("accessed", accessed)],
    );
    let atlas_reference = tr_with(
        lang,
        "cite.atlas_reference",
        &[
            ("atlas", &tr(lang, "app.title")),
            ("year", year_of(accessed)),
            ("figure", &figure),
            ("publisher", &source.publisher),
            ("link", link),
            ("accessed", accessed),
        ],
    );
    // BibTeX cites the original source (what a reader should cite) and names the Atlas in the note.
    let figure_en = figure_line(dataset, o, Lang::En);
    let bibtex = format!(
        "@misc{{{key},\n  author       = {{{{{publisher}}}}},\n  title        = {{{{{title}}}}},\n  year         = {{{year}}},\n  url          = {{{url}}},\n  urldate      = {{{accessed}}},\n  note         = {{{figure}. Found in the Beijing High-Tech Atlas: \\url{{{link}}}}},\n}}\n",
        key = bibtex_key(&o.id),
        publisher = bibtex_text(&source.publisher),
        title = bibtex_text(title),
        year = year_of(&source.published),
        url = bibtex_url(&source.url),
        figure = bibtex_text(&figure_en),
        link = bibtex_url(link),
    );
    Citation { source: source_reference, atlas: atlas_reference, bibtex }
}

/// The whole dataset's citations. `package` is the absolute link to the data package's archive.
pub fn dataset_citation(dataset: &Dataset, package: &str, accessed: &str, lang: Lang) -> DatasetCitation {
    let figures = dataset.observations.len().to_string();
    let sources = dataset.sources.len().to_string();
    let reference = tr_with(
        lang,
        "cite.dataset_reference",
        &[
            ("atlas", &tr(lang, "app.title")),
            ("year", year_of(accessed)),
            ("figures", &figures),
            ("sources", &sources),
            ("version", accessed),
            ("url", package),
            ("accessed", accessed),
        ],
    );
    let bibtex = format!(
        "@misc{{beijing-high-tech-atlas-data,\n  author       = {{{{Beijing High-Tech Atlas}}}},\n  title        = {{{{Beijing High-Tech Atlas dataset: {figures} published figures from {sources} sources}}}},\n  year         = {{{year}}},\n  version      = {{{accessed}}},\n  howpublished = {{Data Package (CSV)}},\n  url          = {{{url}}},\n  urldate      = {{{accessed}}},\n  note         = {{Each figure quotes its original source; cite that source with the figure}},\n}}\n",
        year = year_of(accessed),
        url = bibtex_url(package),
    );
    DatasetCitation { reference, bibtex }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://example.org/atlas/?view=trends&figure=beijing-gdp-2022";

    #[test]
    fn a_figure_is_cited_by_its_source_the_atlas_and_bibtex() {
        let dataset = crate::fixtures::real();
        let texts = crate::fixtures::real_texts();
        let o = dataset.observation("beijing-gdp-2022").expect("in the data");
        let source = dataset.source_of(o);
        let title = texts.source_title(o.source);
        let en = figure_citation(dataset, texts, o, LINK, "2026-12-02", Lang::En);
        for part in [source.publisher.as_str(), source.published.as_str(), title, source.url.as_str(), "accessed 2026-12-02"] {
            assert!(en.source.contains(part), "{part:?} in {}", en.source);
        }
        assert!(en.atlas.starts_with("Beijing High-Tech Atlas (2026)"), "{}", en.atlas);
        let value = crate::format::value(o.value, o.unit, Lang::En);
        assert!(en.atlas.contains(LINK) && en.atlas.contains(&value) && en.atlas.contains(&source.publisher), "{}", en.atlas);
        assert!(en.bibtex.starts_with("@misc{beijing-gdp-2022,\n"), "{}", en.bibtex);
        assert!(en.bibtex.contains(&format!("url          = {{{}}}", source.url)), "{}", en.bibtex);
        assert!(en.bibtex.contains("urldate      = {2026-12-02}") && en.bibtex.contains(&format!("\\url{{{LINK}}}")), "{}", en.bibtex);
        assert_eq!(en.bibtex.matches('{').count(), en.bibtex.matches('}').count() , "balanced braces");
        let zh = figure_citation(dataset, texts, o, LINK, "2026-12-02", Lang::Zh);
        assert!(zh.source.contains("[EB/OL]") && zh.source.contains("[2026-12-02]") && zh.source.contains(title), "{}", zh.source);
        assert!(zh.atlas.starts_with("北京高精尖产业图集") && zh.atlas.contains(LINK), "{}", zh.atlas);
        assert_eq!(zh.bibtex, en.bibtex, "BibTeX is the same in both languages");
    }

    #[test]
    fn bibtex_escapes_what_latex_would_read_as_commands() {
        assert_eq!(bibtex_text("R&D 5% #1 a_b {x} ~^\\"), "R\\&D 5\\% \\#1 a\\_b \\{x\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
        assert_eq!(bibtex_key("a b/c"), "a-b-c");
        assert_eq!(year_of("2023-02-01"), "2023");
        assert_eq!(year_of("unknown"), "n.d.");
    }

    #[test]
    fn the_dataset_is_cited_with_its_counts_version_and_link() {
        let dataset = crate::fixtures::real();
        let package = "https://example.org/atlas/data/atlas-data.zip";
        let citation = dataset_citation(dataset, package, "2026-12-02", Lang::En);
        let figures = dataset.observations.len().to_string();
        assert!(citation.reference.contains(&figures) && citation.reference.contains(package), "{}", citation.reference);
        assert!(citation.bibtex.contains(&format!("url          = {{{package}}}")) && citation.bibtex.contains("version      = {2026-12-02}"));
        let zh = dataset_citation(dataset, package, "2026-12-02", Lang::Zh);
        assert!(zh.reference.contains("[DS/OL]") && zh.reference.contains(&figures), "{}", zh.reference);
    }
}
