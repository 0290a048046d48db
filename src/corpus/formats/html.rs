//! Saved web pages: the article body through `dom_smoothie` (a port of Mozilla's Readability),
//! the metadata from the page's own tags (see `html_meta`).
//!
//! The document text is the extracted body as plain text, paragraphs separated by a blank line;
//! every span indexes that text, not the HTML. When readability finds no article (a page that is
//! mostly a list, or too big to score), the visible text of `<body>` is used, with a warning.

use super::html_meta::{PageMeta, page_meta};
use super::{Parsed, tidy_text};
use crate::corpus::FileMeta;
use dom_query::Document as Page;
use dom_smoothie::{Config, Readability, TextMode};

/// Pages with more elements than this are not scored by readability (its scoring is slow on
/// huge pages); their whole body text is used instead.
const MAX_ELEMENTS: usize = 100_000;

pub(super) fn parse(path: &str, html: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let page = Page::from(html);
    let stated = page_meta(&page);
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let article = Readability::with_document(page, None, Some(config)).and_then(|mut r| r.parse());
    let (body, meta) = match article {
        Ok(article) if !article.text_content.trim().is_empty() => {
            let meta = merge(stated, &article);
            (tidy_text(&article.text_content), meta)
        }
        _ => {
            let text = body_text(html);
            if !text.is_empty() {
                parsed.warn(
                    path,
                    "no article body found in the page; using all of its visible text",
                );
            }
            (text, to_file_meta(stated))
        }
    };
    if body.trim().is_empty() {
        parsed.warn(path, "no article text in the page; skipped");
        return parsed;
    }
    parsed.push(path, &body, meta);
    parsed
}

/// The page's own metadata first; readability's findings (its title cleaning, byline
/// detection) fill the gaps.
fn merge(stated: PageMeta, article: &dom_smoothie::Article) -> FileMeta {
    let nonempty = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    };
    let headline = stated.headline.clone();
    let mut meta = to_file_meta(stated);
    meta.title = headline.or_else(|| nonempty(&article.title)).or(meta.title);
    meta.outlet = meta
        .outlet
        .or_else(|| article.site_name.as_deref().and_then(nonempty));
    meta.byline = meta
        .byline
        .or_else(|| article.byline.as_deref().and_then(nonempty))
        .map(|b| strip_by(&b));
    meta.published = meta
        .published
        .or_else(|| article.published_time.as_deref().and_then(nonempty));
    meta.url = meta
        .url
        .or_else(|| article.url.as_deref().and_then(nonempty));
    meta
}

fn to_file_meta(m: PageMeta) -> FileMeta {
    FileMeta {
        title: m.title,
        outlet: m.site_name,
        published: m.published,
        url: m.canonical,
        byline: m.byline.map(|b| strip_by(&b)),
    }
}

/// "By Ann Lee" → "Ann Lee".
fn strip_by(byline: &str) -> String {
    let b = byline.trim();
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim().to_string(),
        _ => b.to_string(),
    }
}

/// The visible text of `<body>`: scripts, styles and navigation removed.
fn body_text(html: &str) -> String {
    let page = Page::from(html);
    page.select("script, style, noscript, template, nav, header, footer, aside, form")
        .remove();
    tidy_text(&page.select("body").formatted_text())
}

/// Decodes a page that is not UTF-8 with the charset its `<meta>` declares, if it declares one
/// that `encoding_rs` knows.
pub(super) fn decode_declared(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _, _) = encoding.decode(bytes);
    Some(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_ld_headline_in_a_graph_or_an_array_is_the_title() {
        let body = "<article><p>The council voted on Monday to rebuild the harbour wall, after a \
            long debate that lasted well into the night and ended with a narrow majority.</p>\
            <p>Work starts in spring, the mayor said, and should take two years to finish.</p></article>";
        for ld in [
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},
               {"@type":"NewsArticle","headline":"Council votes to rebuild the harbour wall"}]}"#,
            r#"[{"@type":"NewsArticle","headline":"Council votes to rebuild the harbour wall"}]"#,
        ] {
            let html = format!(
                "<html><head><title>Home | The Harbour Post</title>\
                 <script type=\"application/ld+json\">{ld}</script></head><body>{body}</body></html>"
            );
            let p = parse("page.html", &html);
            assert_eq!(
                p.documents[0].title.as_deref(),
                Some("Council votes to rebuild the harbour wall"),
                "{ld}"
            );
        }
    }

    #[test]
    fn byline_prefix_is_dropped() {
        assert_eq!(strip_by("By Ann Lee"), "Ann Lee");
        assert_eq!(strip_by("Byron Lee"), "Byron Lee");
    }

    #[test]
    fn declared_windows_1252_is_decoded_without_loss() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9 \x93hi\x94</body></html>";
        let text = decode_declared(page).expect("declared charset");
        assert!(text.contains("café “hi”"), "{text}");
    }

    #[test]
    fn the_fallback_body_text_drops_scripts_and_navigation() {
        let html = "<html><body><nav>Home</nav><script>var x = 1;</script><ul><li>One item</li></ul></body></html>";
        assert_eq!(body_text(html), "One item");
    }
}
