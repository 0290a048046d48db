//! The whole pipeline (publication dates → time → actors → quotes → events → merge) on generated
//! news-like corpora: it never panics, every span it reports is the text it claims, it is
//! deterministic, and the timeline does not depend on the order the files were given in.

use attache::corpus::{FileMeta, document_from_text};
use attache::model::{Document, Timeline};
use attache::pipeline::build_timeline;
use proptest::prelude::*;

/// Sentence pieces that trigger every stage: invented names with titles, speech verbs, quote marks,
/// event triggers, places, relative and absolute dates, and multibyte letters.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Minister Jane Holt",
        "Holt",
        "President Omar Vance",
        "Vance",
        "Ada Lind",
        "met",
        "will meet",
        "held talks with",
        "a summit",
        "signed an agreement",
        "spoke by phone with",
        "in Geneva",
        "in Lisbon",
        "on Monday",
        "last week",
        "on March 6",
        "on Aug. 15, 2031",
        "in 2030",
        "within 10 days",
        "two years ago",
        "next month",
        "said",
        "told reporters",
        "according to",
        "she",
        "he",
        "“",
        "”",
        "\"",
        "‘",
        "’",
        ",",
        ".",
        ":",
        "—",
        "\n\n",
        " ",
        " ",
        " ",
        "Ünal",
        "é",
        "…",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// One to four articles; some carry a publication date in their metadata, the rest must have it
/// inferred.
fn corpus() -> impl Strategy<Value = Vec<(String, Option<String>)>> {
    let dct = prop::option::of(prop::sample::select(vec![
        "2031-03-07".to_string(),
        "2031-03-12".to_string(),
        "2030-12-31".to_string(),
    ]));
    prop::collection::vec((newsy_text(), dct), 1..5)
}

fn documents(articles: &[(String, Option<String>)], order: &[usize]) -> Vec<Document> {
    order
        .iter()
        .map(|&k| {
            let (text, dct) = &articles[k];
            let meta = FileMeta {
                published: dct.clone(),
                ..FileMeta::default()
            };
            let mut d = document_from_text(&format!("article-{k}.txt"), text, Some(meta));
            d.id = format!("d{}", k + 1);
            d
        })
        .collect()
}

fn spans_are_true(t: &Timeline) -> Result<(), TestCaseError> {
    for q in &t.quotes {
        let d = t.document(&q.doc).expect("quote names a document");
        prop_assert_eq!(d.text.get(q.span.range()), Some(q.text.as_str()));
    }
    for e in &t.events {
        for m in &e.mentions {
            let d = t.document(&m.doc).expect("mention names a document");
            prop_assert_eq!(d.text.get(m.span.range()), Some(m.text.as_str()));
        }
    }
    Ok(())
}

/// What must not depend on file order: each event's title, kind, date, status and mentions (by
/// document path and span), and each quote's place, speaker and event, in a canonical order.
fn order_free_view(t: &Timeline) -> (Vec<String>, Vec<String>) {
    let path = |id: &str| t.document(id).map(|d| d.path.clone()).unwrap_or_default();
    let mut events: Vec<String> = t
        .events
        .iter()
        .map(|e| {
            let mut mentions: Vec<String> = e
                .mentions
                .iter()
                .map(|m| format!("{}@{:?}", path(&m.doc), m.span))
                .collect();
            mentions.sort();
            format!(
                "{} {:?} {:?} {:?} {:?}",
                e.title, e.kind, e.date, e.status, mentions
            )
        })
        .collect();
    events.sort();
    let event_key = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| t.events.iter().find(|e| e.id == id))
            .map(|e| format!("{} {:?}", e.title, e.date))
    };
    let mut quotes: Vec<String> = t
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{}@{:?} {:?} {:?}",
                path(&q.doc),
                q.span,
                q.speaker,
                event_key(&q.event)
            )
        })
        .collect();
    quotes.sort();
    (events, quotes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn spans_are_true_and_extraction_is_deterministic(articles in corpus()) {
        let order: Vec<usize> = (0..articles.len()).collect();
        let first = build_timeline(documents(&articles, &order));
        spans_are_true(&first)?;
        let again = build_timeline(documents(&articles, &order));
        prop_assert_eq!(
            attache::export::to_json(&first),
            attache::export::to_json(&again)
        );
    }

    #[test]
    fn the_timeline_does_not_depend_on_file_order(articles in corpus()) {
        let forward: Vec<usize> = (0..articles.len()).collect();
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let a = build_timeline(documents(&articles, &forward));
        let b = build_timeline(documents(&articles, &backward));
        spans_are_true(&b)?;
        prop_assert_eq!(order_free_view(&a), order_free_view(&b));
    }

    #[test]
    fn any_string_goes_through_the_whole_pipeline(text in any::<String>()) {
        let t = build_timeline(documents(&[(text, None)], &[0]));
        spans_are_true(&t)?;
    }
}
