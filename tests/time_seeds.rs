//! The bundled articles carry no dates: their publication dates must be inferred from the text and
//! from each other, and "Monday" must then resolve to the Monday of the White House talks.

use attache::corpus::{LoadOptions, load};
use attache::extract::time::{infer_publication_dates, tag};
use attache::model::DateSource;
use chrono::NaiveDate;

#[test]
fn bundled_articles_get_inferred_dates_in_the_week_of_the_talks() {
    let loaded = load(&[] as &[&str], &LoadOptions::default());
    let mut docs = loaded.documents;
    assert!(docs.len() >= 5);
    assert!(
        docs.iter()
            .all(|d| d.published.source == DateSource::Unknown)
    );
    infer_publication_dates(&mut docs);
    let allowed = [
        NaiveDate::from_ymd_opt(2025, 8, 18).unwrap(),
        NaiveDate::from_ymd_opt(2025, 8, 19).unwrap(),
    ];
    let monday = NaiveDate::from_ymd_opt(2025, 8, 18).unwrap();
    for doc in &docs {
        let date = doc
            .published
            .date
            .unwrap_or_else(|| panic!("{} has no inferred date", doc.path));
        assert_eq!(doc.published.source, DateSource::Inferred, "{}", doc.path);
        assert!(allowed.contains(&date), "{}: inferred {date}", doc.path);
        assert!(
            !doc.published.clues.is_empty(),
            "{}: no clues recorded",
            doc.path
        );
        for t in tag(&doc.text, doc.published.date) {
            let text = t.span.slice(&doc.text);
            if text == "Monday" {
                assert_eq!(
                    t.value, "2025-08-18",
                    "{}: 'Monday' resolved to {}",
                    doc.path, t.value
                );
                assert_eq!(t.time.and_then(|v| v.start), Some(monday));
            }
        }
    }
}

#[test]
fn inference_never_overrides_a_given_date() {
    let dct = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    let loaded = load(
        &[] as &[&str],
        &LoadOptions {
            dct: Some(dct),
            ..LoadOptions::default()
        },
    );
    let mut docs = loaded.documents;
    infer_publication_dates(&mut docs);
    assert!(
        docs.iter()
            .all(|d| d.published.date == Some(dct) && d.published.source == DateSource::Flag)
    );
}
