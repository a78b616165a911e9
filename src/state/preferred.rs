//! Which language a link opens in when it does not say: `lang` in the link always wins; else the
//! language the reader chose on the page before (remembered by the browser); else the first of
//! the browser's languages the Atlas speaks (`navigator.languages`: `zh-CN`, `zh-TW`, `zh` → 中文);
//! else English. index.html's shell script follows the same rule, so its first paint is already in
//! the language the app then shows.

use crate::model::Lang;

/// A language code as the page stores it (`en`, `zh`), or as a browser names it (`zh-CN`, `en-GB`).
fn lang_of(code: &str) -> Option<Lang> {
    let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    match primary.as_str() {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language for a link without `lang`: the stored choice, else the browser's first known
/// language, else English.
pub fn preferred_lang(stored: Option<&str>, browser: &[String]) -> Lang {
    stored.and_then(lang_of).or_else(|| browser.iter().find_map(|code| lang_of(code))).unwrap_or_default()
}

/// The link to open instead of `query` (a location's search, with or without `?`), when it has no
/// `lang` and the reader prefers Chinese: the same query with `lang=zh` added (`parse` and
/// `canonical` put it in its place). `None` when the link stands as it is.
pub fn with_preferred_lang(query: &str, stored: Option<&str>, browser: &[String]) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let has_lang = form_urlencoded::parse(query.as_bytes()).any(|(key, _)| key == "lang");
    if has_lang || preferred_lang(stored, browser) == Lang::En {
        return None;
    }
    // Appended to the link as written, not re-encoded: a serializer writes `region=a%2Cb`, and
    // links keep their commas literal (README, "The URL contract").
    Some(match query.trim_end_matches('&') {
        "" => "lang=zh".to_string(),
        kept => format!("{kept}&lang=zh"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_browser_language_counts_unless_the_reader_chose_or_the_link_says() {
        assert_eq!(preferred_lang(None, &langs(&["zh-CN", "en"])), Lang::Zh);
        assert_eq!(preferred_lang(None, &langs(&["fr-FR", "zh-TW"])), Lang::Zh);
        assert_eq!(preferred_lang(None, &langs(&["en-GB", "zh-CN"])), Lang::En);
        assert_eq!(preferred_lang(None, &langs(&["de"])), Lang::En);
        assert_eq!(preferred_lang(Some("en"), &langs(&["zh-CN"])), Lang::En, "the reader's choice wins over the browser");
        assert_eq!(preferred_lang(Some("zh"), &langs(&["en-US"])), Lang::Zh);
        assert_eq!(with_preferred_lang("?view=map&time=2021", None, &langs(&["zh-CN"])).as_deref(), Some("view=map&time=2021&lang=zh"));
        assert_eq!(with_preferred_lang("", None, &langs(&["zh"])).as_deref(), Some("lang=zh"));
        assert_eq!(with_preferred_lang("?lang=en", Some("zh"), &langs(&["zh-CN"])), None, "lang in a link always wins");
        assert_eq!(with_preferred_lang("?view=map", None, &langs(&["en-US"])), None);
    }

    /// A link's commas stay literal when the preferred language is added (the URL contract).
    #[test]
    fn the_preferred_language_is_added_without_re_encoding_the_link() {
        let zh = langs(&["zh-CN"]);
        assert_eq!(
            with_preferred_lang("?view=trends&sector=integrated_circuits,artificial_intelligence&region=chaoyang,haidian", None, &zh).as_deref(),
            Some("view=trends&sector=integrated_circuits,artificial_intelligence&region=chaoyang,haidian&lang=zh")
        );
        assert_eq!(with_preferred_lang("?view=map&", None, &zh).as_deref(), Some("view=map&lang=zh"));
        // What the link already encodes stays as it was written.
        assert_eq!(with_preferred_lang("?region=a%2Cb", None, &zh).as_deref(), Some("region=a%2Cb&lang=zh"));
    }
}
