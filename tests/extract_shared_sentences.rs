//! The pipeline splits each document into sentences once and hands them to quotes and events:
//! what it finds must equal what each stage finds when it splits the text itself.

use attache::corpus::{self, LoadOptions, document_from_text};
use attache::extract::{self, actors, events, quotes, time};

#[test]
fn sharing_one_sentence_split_finds_what_each_stage_finds_alone() {
    let none: [&str; 0] = [];
    let mut docs = corpus::load(&none, &LoadOptions::default()).documents;
    docs.push(document_from_text(
        "lists.txt",
        "Port talks\nMinister Jane Holt met Mr. Ray Dunn in Portvale on Monday. \
         The meeting included:\n• Ana Lind\n• Tom Reyes\n\"We will meet again,\" Holt said. \
         He added that a summit is planned for March.",
        None,
    ));
    time::infer_publication_dates(&mut docs);
    let gaz = actors::Gazetteer::embedded();
    let mut found = 0;
    for d in &docs {
        let whole = extract::extract_document(d);
        let (actor_mentions, _) = actors::find_actors(d, gaz);
        let alone_quotes = quotes::extract_quotes(d, &actor_mentions, gaz);
        let alone_mentions = events::detect_mentions(d, &whole.timexes, &actor_mentions, gaz);
        assert_eq!(
            serde_json::to_string(&whole.quotes).unwrap(),
            serde_json::to_string(&alone_quotes).unwrap(),
            "{}",
            d.id
        );
        assert_eq!(
            serde_json::to_string(&whole.mentions).unwrap(),
            serde_json::to_string(&alone_mentions).unwrap(),
            "{}",
            d.id
        );
        found += whole.mentions.len() + whole.quotes.len();
    }
    assert!(found > 0);
}
