//! Extraction from the expressions publication-date inference analysed equals extraction from
//! scratch: the pipeline analyses each text once without changing what it finds.

use attache::corpus::{self, LoadOptions, document_from_text};
use attache::extract::{self, time};
use attache::model::Document;

/// The embedded corpus followed by articles written here (file name, text).
fn embedded_and(written: &[(&str, &str)]) -> Vec<Document> {
    let none: [&str; 0] = [];
    let mut docs = corpus::load(&none, &LoadOptions::default()).documents;
    docs.extend(
        written
            .iter()
            .map(|(name, text)| document_from_text(name, text, None)),
    );
    docs
}

#[test]
fn reusing_the_inference_analysis_extracts_exactly_what_a_fresh_analysis_does() {
    let mut docs = embedded_and(&[(
        "written.txt",
        "Harbour talks resume\nMinister Jane Holt met union leaders on Thursday, a week after \
         the March 3 walkout. \"We will sign by Friday,\" Holt said.",
    )]);
    let analysed =
        time::infer_publication_dates_analysed(&mut docs).expect("undated documents are analysed");
    assert_eq!(analysed.len(), docs.len());
    for (d, a) in docs.iter().zip(&analysed) {
        let reused = serde_json::to_string(&extract::extract_analysed(d, a)).unwrap();
        let fresh = serde_json::to_string(&extract::extract_document(d)).unwrap();
        assert_eq!(reused, fresh, "{}", d.id);
    }
    assert!(analysed.iter().any(|a| !a.is_empty()));
}

#[test]
fn dated_documents_are_not_analysed_for_inference() {
    let mut docs = vec![document_from_text(
        "dated.txt",
        "Talks end\nMinister Jane Holt left on Monday.",
        None,
    )];
    docs[0].published.date = chrono::NaiveDate::from_ymd_opt(2031, 3, 14);
    docs[0].published.source = attache::model::DateSource::Metadata;
    assert!(time::infer_publication_dates_analysed(&mut docs).is_none());
}

/// The merge extracts the quotes it was left (beside its grouping): the timeline is the one
/// built from complete extractions, quotes, speakers, statements and links included.
#[test]
fn quotes_left_to_the_merge_give_the_timeline_complete_extractions_give() {
    let mut docs = embedded_and(&[
        (
            "written.txt",
            "Harbour talks resume\nMinister Jane Holt met union leaders on Thursday. \"We will \
             sign by Friday,\" Holt said. No quote marks follow.",
        ),
        (
            "plain.txt",
            "Port strike ends\nUnion leaders met Minister Jane Holt on Friday and signed the deal.",
        ),
    ]);
    let analysed =
        time::infer_publication_dates_analysed(&mut docs).expect("undated documents are analysed");
    let complete: Vec<_> = docs
        .iter()
        .zip(&analysed)
        .map(|(d, a)| extract::extract_analysed(d, a))
        .collect();
    let deferred: Vec<_> = docs
        .iter()
        .zip(&analysed)
        .map(|(d, a)| extract::extract_deferring_quotes(d, a))
        .collect();
    assert!(deferred.iter().any(|ex| ex.pending.is_some()));
    assert!(
        deferred.iter().any(|ex| ex.pending.is_none()),
        "a text without quote marks"
    );
    assert!(deferred.iter().all(|ex| ex.quotes.is_empty()));
    let json = |t: &attache::model::Timeline| serde_json::to_string(t).unwrap();
    let from_complete = attache::pipeline::merge(docs.clone(), complete, None);
    let from_deferred = attache::pipeline::merge(docs, deferred, None);
    assert!(from_complete.quotes.len() >= 2);
    assert_eq!(json(&from_deferred), json(&from_complete));
}
