//! What a saved page says about itself, beyond what the readability crate reads: JSON-LD in any
//! shape publishers use (`@graph`, arrays, nested `publisher`), `<link rel=canonical>`, the usual
//! publication-date meta tags, and `<time datetime>` as the last resort.
//!
//! Publication dates are taken in this order because a page's JSON-LD and meta tags describe the
//! article, while a `<time>` element may belong to a teaser or a "last updated" line.

use dom_query::Document as Page;
use serde_json::Value;

/// The metadata a page states. Empty strings are never stored.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The JSON-LD `headline` (wherever it sits: top level, an array, `@graph`), which names the
    /// article better than the page's `<title>`.
    pub headline: Option<String>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    pub canonical: Option<String>,
    pub published: Option<String>,
}

/// Meta tags (by `property`, `name` or `itemprop`) that carry a publication date, best first.
const DATE_KEYS: [&str; 14] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "original-publish-date",
    "date",
];

pub fn page_meta(page: &Page) -> PageMeta {
    let ld = json_ld(page);
    let meta = |key: &str| meta_content(page, key);
    PageMeta {
        title: ld.title.clone().or_else(|| meta("og:title")),
        headline: ld.title.clone(),
        site_name: meta("og:site_name")
            .or(ld.site_name.clone())
            .or_else(|| meta("application-name")),
        byline: ld.byline.clone().or_else(|| meta("author")),
        canonical: attr(page, r#"link[rel~="canonical"]"#, "href")
            .or_else(|| meta("og:url"))
            .or(ld.canonical.clone()),
        published: ld
            .published
            .clone()
            .or_else(|| DATE_KEYS.iter().find_map(|k| meta(k)))
            .or_else(|| time_element(page)),
    }
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn attr(page: &Page, selector: &str, name: &str) -> Option<String> {
    page.select(selector)
        .iter()
        .find_map(|n| n.attr(name).and_then(|v| clean(&v)))
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is `key` (any case).
fn meta_content(page: &Page, key: &str) -> Option<String> {
    page.select("meta[content]").iter().find_map(|n| {
        let named = ["property", "name", "itemprop"].iter().any(|a| {
            n.attr(a)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
        });
        if named {
            n.attr("content").and_then(|v| clean(&v))
        } else {
            None
        }
    })
}

/// The `datetime` of the `<time>` marked as the publication date, else the first one inside the
/// `<article>`, else the first one on the page.
fn time_element(page: &Page) -> Option<String> {
    [
        r#"time[itemprop="datePublished"][datetime]"#,
        "time[pubdate][datetime]",
        "article time[datetime]",
        "time[datetime]",
    ]
    .iter()
    .find_map(|sel| attr(page, sel, "datetime"))
}

/// JSON-LD facts about the article.
#[derive(Debug, Default)]
struct LinkedData {
    title: Option<String>,
    site_name: Option<String>,
    byline: Option<String>,
    canonical: Option<String>,
    published: Option<String>,
}

fn json_ld(page: &Page) -> LinkedData {
    let mut found = LinkedData::default();
    for script in page.select(r#"script[type="application/ld+json"]"#).iter() {
        let raw = script.text();
        let body = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        // A page with broken JSON-LD is common; the rest of its metadata still counts.
        let Ok(value) = serde_json::from_str::<Value>(body) else {
            continue;
        };
        let mut articles = Vec::new();
        collect_articles(&value, &mut articles, 0);
        for a in articles {
            fill(&mut found, a);
        }
    }
    found
}

fn is_article_type(v: &Value) -> bool {
    let is = |s: &str| s.contains("Article") || s == "BlogPosting" || s == "Report";
    match v {
        Value::String(s) => is(s),
        Value::Array(a) => a.iter().any(|t| t.as_str().is_some_and(is)),
        _ => false,
    }
}

/// Every object typed as an article, wherever it sits (top level, array, `@graph`).
fn collect_articles<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| collect_articles(i, out, depth + 1)),
        Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                out.push(v);
            }
            if let Some(graph) = map.get("@graph") {
                collect_articles(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn fill(found: &mut LinkedData, a: &Value) {
    let text = |key: &str| a.get(key).and_then(Value::as_str).and_then(clean);
    found.title = found.title.take().or_else(|| text("headline"));
    found.published = found.published.take().or_else(|| text("datePublished"));
    found.canonical = found.canonical.take().or_else(|| {
        text("url").or_else(|| {
            let main = a.get("mainEntityOfPage")?;
            main.as_str()
                .or_else(|| main.get("@id").and_then(Value::as_str))
                .and_then(clean)
        })
    });
    found.site_name = found
        .site_name
        .take()
        .or_else(|| a.get("publisher").and_then(names));
    found.byline = found
        .byline
        .take()
        .or_else(|| a.get("author").and_then(names));
}

/// A person or organisation as JSON-LD gives it: a string, `{"name": …}`, or an array of those.
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => clean(s),
            Value::Object(m) => m.get("name").and_then(Value::as_str).and_then(clean),
            _ => None,
        }
    };
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        other => one(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_in_a_graph_gives_date_publisher_and_author() {
        let page = Page::from(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Ignore Me"},
              {"@type":["NewsArticle"],"headline":"Council votes","datePublished":"2024-05-06T08:00:00Z",
               "publisher":{"@type":"Organization","name":"The Harbour Post"},
               "author":[{"name":"Ann Lee"},{"name":"Bo Kim"}]}]}
            </script></head><body></body></html>"#,
        );
        let m = page_meta(&page);
        assert_eq!(m.published.as_deref(), Some("2024-05-06T08:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Harbour Post"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Kim"));
        assert_eq!(m.title.as_deref(), Some("Council votes"));
    }

    #[test]
    fn meta_tags_and_canonical_link_when_there_is_no_json_ld() {
        let page = Page::from(
            r#"<html><head><meta property="og:site_name" content=" Valley  Times ">
            <meta name="pubdate" content="2023-11-02"><link rel="canonical" href="https://v.example/a">
            </head><body><time datetime="2020-01-01">old</time></body></html>"#,
        );
        let m = page_meta(&page);
        assert_eq!(m.site_name.as_deref(), Some("Valley Times"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02"));
        assert_eq!(m.canonical.as_deref(), Some("https://v.example/a"));
    }

    #[test]
    fn time_element_inside_the_article_is_the_last_resort() {
        let page = Page::from(
            r#"<html><body><aside><time datetime="2019-01-01">x</time></aside>
            <article><time datetime="2022-03-04T10:00">4 March</time></article></body></html>"#,
        );
        assert_eq!(
            page_meta(&page).published.as_deref(),
            Some("2022-03-04T10:00")
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let page = Page::from(
            r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>
            <meta property="article:published_time" content="2021-07-08"></head></html>"#,
        );
        assert_eq!(page_meta(&page).published.as_deref(), Some("2021-07-08"));
    }
}
