//! Publication-date inference on articles written for these tests.

use attache::corpus::document_from_text;
use attache::extract::time::{infer_publication_dates, tag};
use attache::model::{DateSource, Document, Published};
use chrono::NaiveDate;
use proptest::prelude::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn doc(name: &str, text: &str) -> Document {
    document_from_text(name, text, None)
}

const STRIKE: &str = "Dockworkers extend strike\n\
    The dockworkers' strike, which began in March 2021, has now lasted almost two years. \
    Union leader Jane Holt met the transport minister on Thursday and said talks would resume.";

const TALKS: &str = "Port talks resume\n\
    Union leader Jane Holt and the transport minister met on Thursday, two days after the \
    January 10 walkout by dockworkers at the port.";

#[test]
fn a_wire_dateline_gives_the_day_of_the_report() {
    let text = "Harbour talks end\n\
        LISBON/MADRID, March 14 (Newswire) - Port officials met on Monday, a week after the \
        March 3, 2031 walkout.";
    let mut docs = vec![doc("wire.txt", text)];
    infer_publication_dates(&mut docs);
    assert_eq!(
        docs[0].published.date,
        Some(day("2031-03-14")),
        "{:?}",
        docs[0].published
    );
    assert_eq!(docs[0].outlet.as_deref(), Some("Newswire"));
}

#[test]
fn the_start_of_a_long_conflict_does_not_date_the_article() {
    // Only the start of the conflict is dated: nothing says how long ago that was.
    let text = "Harbour dispute drags on\n\
        The dispute began on March 3, 2021, when dockworkers walked out. Officials met on Monday.";
    let mut docs = vec![doc("long.txt", text)];
    infer_publication_dates(&mut docs);
    assert_ne!(
        docs[0].published.date,
        Some(day("2021-03-08")),
        "{:?}",
        docs[0].published
    );
    assert_ne!(
        docs[0].published.date,
        Some(day("2021-03-09")),
        "{:?}",
        docs[0].published
    );
}

#[test]
fn a_year_that_names_a_thing_does_not_date_the_article() {
    let text = "Harbour talks resume\n\
        Port officials met on Saturday, seven years after the city left the 2015 harbour treaty.";
    let mut docs = vec![doc("treaty.txt", text)];
    infer_publication_dates(&mut docs);
    assert!(
        docs[0].published.date.is_none_or(|d| d > day("2017-01-01")),
        "{:?}",
        docs[0].published
    );
}

#[test]
fn a_dated_event_and_a_weekday_fix_the_day_and_neighbours_follow() {
    let mut docs = vec![doc("strike.txt", STRIKE), doc("talks.txt", TALKS)];
    infer_publication_dates(&mut docs);
    for d in &docs {
        assert_eq!(d.published.source, DateSource::Inferred, "{}", d.path);
        assert_eq!(
            d.published.date,
            Some(day("2023-01-12")),
            "{}: {:?}",
            d.path,
            d.published
        );
    }
    let strike_clues = docs[0].published.clues.join(" | ");
    assert!(strike_clues.contains("March 2021"), "{strike_clues}");
    assert!(strike_clues.contains("neighbours"), "{strike_clues}");
    // And "Thursday" then resolves to the day of the meeting.
    let thursday = tag(&docs[1].text, docs[1].published.date)
        .into_iter()
        .find(|t| &docs[1].text[t.span.range()] == "Thursday")
        .unwrap();
    assert_eq!(thursday.value, "2023-01-12");
}

#[test]
fn an_article_without_clues_or_neighbours_stays_unknown() {
    let mut docs = vec![doc(
        "plain.txt",
        "The council discussed the budget at length.",
    )];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published, Published::default());
}

#[test]
fn metadata_dates_are_kept_and_serve_as_neighbours() {
    let mut dated = doc("dated.txt", TALKS);
    dated.published = Published {
        date: Some(day("2023-01-13")),
        source: DateSource::Metadata,
        clues: Vec::new(),
        ..Published::default()
    };
    let mut docs = vec![dated, doc("strike.txt", STRIKE)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, Some(day("2023-01-13")));
    assert_eq!(docs[0].published.source, DateSource::Metadata);
    assert_eq!(docs[1].published.date, Some(day("2023-01-12")));
}

proptest! {
    #[test]
    fn tagging_never_panics_and_spans_fit(text in "\\PC{0,200}", y in 1900i32..2100, d in 1u32..28) {
        let dct = NaiveDate::from_ymd_opt(y, 1 + d % 12, d);
        for t in tag(&text, dct) {
            prop_assert!(text.get(t.span.range()).is_some());
            prop_assert!(!t.value.is_empty());
        }
    }

    #[test]
    fn huge_amounts_never_panic(text in "(about )?[0-9]{1,20}(,[0-9]{3})? (days|weeks|years|centuries|millennia)( ago| later| earlier)?") {
        for t in tag(&text, NaiveDate::from_ymd_opt(2025, 8, 19)) {
            prop_assert!(text.get(t.span.range()).is_some());
        }
    }

    #[test]
    fn inference_never_panics(texts in proptest::collection::vec("(\\PC{0,40}|Monday |August 15 |began in March 2021 |almost two years |[0-9]{1,6} )*", 1..4)) {
        let mut docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| doc(&format!("d{i}.txt"), t)).collect();
        infer_publication_dates(&mut docs);
        for d in &docs {
            prop_assert!(d.published.source == DateSource::Inferred || d.published == Published::default());
        }
    }

    #[test]
    fn tagging_date_like_noise_never_panics(text in "([0-9]{1,5}[ ./:-]?){1,6}( (a|p)\\.m\\.| Monday| August| ago| years)?") {
        for t in tag(&text, NaiveDate::from_ymd_opt(2025, 8, 19)) {
            prop_assert!(text.get(t.span.range()).is_some());
        }
    }
}

#[test]
fn a_single_article_with_a_full_date_is_dated_by_it() {
    let text = "Council approves budget\nThe council voted on Aug. 18, 2025 to approve the \
                budget. The previous budget, passed on March 3, 2019, expired last month.";
    let mut docs = vec![doc("budget.txt", text)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, Some(day("2025-08-18")));
    assert!(
        docs[0]
            .published
            .clues
            .iter()
            .any(|c| c.contains("Aug. 18, 2025"))
    );
}

#[test]
fn an_unrelated_article_does_not_borrow_a_date() {
    let unrelated = "Orchard harvest begins\nGrowers in the Vell Valley began picking apples on \
                     Monday, cooperative chair Tomas Brede said.";
    let mut docs = vec![
        doc("strike.txt", STRIKE),
        doc("talks.txt", TALKS),
        doc("apples.txt", unrelated),
    ];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[1].published.date, Some(day("2023-01-12")));
    assert_eq!(docs[2].published, Published::default());
}
