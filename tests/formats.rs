//! Saved web pages, news exports and feeds load as documents whose title, outlet and publication
//! date come from the file's own metadata, and whose text is the extracted article (so that every
//! span indexes what the user reads).

use attache::corpus::{self, LoadOptions, Loaded};
use attache::model::{DateSource, Document};
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(rel: &str) -> Loaded {
    corpus::load(&[fixture(rel)], &LoadOptions::default())
}

fn only(loaded: &Loaded) -> &Document {
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.warnings);
    &loaded.documents[0]
}

fn day(d: &Document) -> Option<String> {
    d.published.date.map(|x| x.to_string())
}

#[test]
fn html_page_with_json_ld_gives_metadata_and_only_the_article_body() {
    let loaded = load("html/harbour_post_talks.html");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = only(&loaded);
    assert_eq!(
        d.title.as_deref(),
        Some("Ministers agree to resume port talks on Monday")
    );
    assert_eq!(d.outlet.as_deref(), Some("The Harbour Post"));
    assert_eq!(d.byline.as_deref(), Some("Mara Quint, Tobias Renn"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://www.harbourpost.example/world/2024/03/12/port-talks-resume")
    );
    // JSON-LD's datePublished beats the "updated" <time> and the related story's date.
    assert_eq!(day(d).as_deref(), Some("2024-03-12"));
    assert_eq!(d.published.source, DateSource::Metadata);
    assert!(
        d.text
            .starts_with("The foreign ministers of Veldora and Ostrin agreed on Tuesday")
    );
    assert!(d.text.contains(
        "\n\nVeldoran Foreign Minister Lena Marsh said after a two-hour call with her counterpart: \
         “We will return to the table on Monday"
    ));
    assert!(
        d.text
            .ends_with("who chairs the Saltmere Shippers Association.")
    );
    for chrome in [
        "Subscribe now",
        "cookies",
        "trackPageview",
        "dataLayer",
        "Privacy",
        "Related stories",
    ] {
        assert!(
            !d.text.contains(chrome),
            "page chrome `{chrome}` in the text"
        );
    }
    // An ad label inside the body stays in the text but is marked as chrome.
    let ad = d.text.find("Advertisement").expect("ad label kept");
    assert!(d.is_chrome(ad));
}

#[test]
fn html_page_with_only_meta_tags_gives_metadata() {
    let loaded = load("html/valley_times_vote.htm");
    let d = only(&loaded);
    assert_eq!(
        d.title.as_deref(),
        Some("Valley council delays vote on river dam")
    );
    assert_eq!(d.outlet.as_deref(), Some("Valley Times"));
    assert_eq!(d.byline.as_deref(), Some("Ruth Okafor"));
    assert_eq!(
        d.url.as_deref(),
        Some("https://valleytimes.example/news/dam-vote-delayed")
    );
    assert_eq!(day(d).as_deref(), Some("2023-11-02"));
    assert_eq!(d.published.source, DateSource::Metadata);
    assert!(
        d.text
            .contains("“We owe people the time to read the engineers’ report,” Brandt said.")
    );
    assert!(!d.text.contains("Weather"), "top bar leaked: {}", d.text);
    assert!(!d.text.contains("Mill Road"), "footer leaked: {}", d.text);
}

#[test]
fn jsonl_export_gives_one_document_per_line_and_names_the_line_without_text() {
    let loaded = load("json/wire_export.jsonl");
    let file = fixture("json/wire_export.jsonl")
        .to_string_lossy()
        .into_owned();
    let paths: Vec<&str> = loaded.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            format!("{file}#1"),
            format!("{file}#2"),
            format!("{file}#5")
        ]
    );
    let w: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with(&format!("{file}#3: record has no text")),
        "{w:?}"
    );

    let [a, b, c] = &loaded.documents[..] else {
        unreachable!()
    };
    assert_eq!(a.outlet.as_deref(), Some("North Wire"));
    assert_eq!(a.byline.as_deref(), Some("Kasia Lind"));
    assert_eq!(day(a).as_deref(), Some("2024-06-04"));
    assert_eq!(
        b.title.as_deref(),
        Some("Drought forces water limits in three provinces")
    );
    assert_eq!(b.outlet.as_deref(), Some("Coast Daily"));
    assert_eq!(b.url.as_deref(), Some("https://coastdaily.example/drought"));
    assert_eq!(day(b).as_deref(), Some("2024-06-03"));
    assert_eq!(c.outlet.as_deref(), Some("Harbour Post"));
    assert_eq!(day(c).as_deref(), Some("2024-06-01"));
    // HTML in a record's body is converted to text, paragraph by paragraph.
    assert_eq!(
        c.text,
        "The new container terminal at Saltmere opened on Saturday.\n\n“This doubles our capacity,” port director Lior Bekk said."
    );
}

#[test]
fn news_api_json_falls_back_to_the_description_and_says_so() {
    let loaded = load("json/newsapi_top.json");
    assert_eq!(loaded.documents.len(), 2);
    let storm = &loaded.documents[1];
    assert_eq!(
        storm.title.as_deref(),
        Some("Storm warning for the weekend")
    );
    assert_eq!(
        storm.text,
        "Forecasters expect heavy rain and hail on Saturday."
    );
    assert_eq!(storm.outlet.as_deref(), Some("Plains Herald"));
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].message.contains("only a summary"));
    assert!(loaded.warnings[0].message.ends_with("#2"));
}

#[test]
fn rss_feed_items_become_documents_with_the_site_as_outlet() {
    let loaded = load("feeds/valley_times.rss");
    assert_eq!(loaded.documents.len(), 2);
    let (dam, school) = (&loaded.documents[0], &loaded.documents[1]);
    assert_eq!(dam.title.as_deref(), Some("Council delays dam vote"));
    assert_eq!(dam.outlet.as_deref(), Some("Valley Times"));
    assert_eq!(dam.byline.as_deref(), Some("Ruth Okafor"));
    assert_eq!(day(dam).as_deref(), Some("2023-11-02"));
    assert!(
        dam.text
            .contains("“We owe people the time to read the report,” Brandt said.")
    );
    assert!(!dam.text.contains('<'), "markup left: {}", dam.text);
    // HTML in the title and in a summary-only item is converted too.
    assert_eq!(
        school.title.as_deref(),
        Some("School reopens after flood repairs")
    );
    assert_eq!(
        school.text,
        "Fenn Primary reopened on Wednesday after six weeks of repairs."
    );
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .contains("1 of 2 items carry only a summary")
    );
}

#[test]
fn atom_feed_entries_use_content_else_summary_and_published_else_updated() {
    let loaded = load("feeds/northwire.atom");
    assert_eq!(loaded.documents.len(), 2);
    let (strike, ministers) = (&loaded.documents[0], &loaded.documents[1]);
    assert_eq!(
        strike.title.as_deref(),
        Some("Rail strike called off & trains run")
    );
    assert_eq!(strike.outlet.as_deref(), Some("North Wire"));
    assert_eq!(day(strike).as_deref(), Some("2024-06-04"));
    assert_eq!(
        strike.text,
        "A national rail strike planned for Wednesday was called off early on Tuesday.\n\n“We have a deal,” union leader Arvid Sol said."
    );
    assert_eq!(day(ministers).as_deref(), Some("2024-06-03"));
    assert!(
        ministers
            .text
            .starts_with("Trade ministers from six countries")
    );
    assert_eq!(
        ministers.url.as_deref(),
        Some("https://wire.example/a/1002")
    );
}

#[test]
fn a_folder_of_mixed_formats_loads_every_kind_in_path_order() {
    let loaded = corpus::load(&[fixture("")], &LoadOptions::default());
    assert_eq!(loaded.documents.len(), 11, "{:?}", loaded.warnings);
    let paths: Vec<&str> = loaded.documents.iter().map(|d| d.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "documents in path order");
    let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"d1"));
    assert_eq!(ids.last(), Some(&"d11"));
    assert!(
        loaded
            .documents
            .iter()
            .all(|d| d.published.source == DateSource::Metadata
                && d.title.is_some()
                && d.outlet.is_some())
    );
}

#[test]
fn spans_of_the_extracted_text_hold_after_extraction() {
    let loaded = corpus::load(&[fixture("")], &LoadOptions::default());
    let timeline = attache::pipeline::build_timeline(loaded.documents);
    for q in &timeline.quotes {
        let d = timeline.document(&q.doc).expect("quote's document");
        assert_eq!(d.text.get(q.span.range()), Some(q.text.as_str()), "{q:?}");
    }
    for e in &timeline.events {
        for m in &e.mentions {
            let d = timeline.document(&m.doc).expect("mention's document");
            assert_eq!(d.text.get(m.span.range()), Some(m.text.as_str()), "{m:?}");
        }
    }
    // Metadata dates are kept as given, never replaced by inference.
    assert!(
        timeline
            .documents
            .iter()
            .all(|d| d.published.source == DateSource::Metadata)
    );
}
