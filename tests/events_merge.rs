//! Merging mentions of several outlets into one timeline: one real event once, its most precise
//! date, past once reported done, disagreements kept, results independent of file order.

use crate::events_support::{PEOPLE, doc, extraction, timex, timex_from};
/// The merge stage as the pipeline runs it, without a cache store.
fn merge(
    documents: Vec<attache::model::Document>,
    extractions: Vec<attache::extract::Extraction>,
) -> attache::model::Timeline {
    attache::pipeline::merge(documents, extractions, None)
}
use attache::model::{Document, Quote, Span, Status, Timeline};

fn timeline(docs: Vec<(Document, Vec<attache::extract::time::Timex>)>) -> Timeline {
    let extractions = docs
        .iter()
        .map(|(d, t)| extraction(d, PEOPLE, t.clone()))
        .collect();
    merge(docs.into_iter().map(|(d, _)| d).collect(), extractions)
}

/// Two outlets on one summit: one dates it, the other says "last week".
fn summit_corpus() -> Vec<(Document, Vec<attache::extract::time::Timex>)> {
    let a = doc(
        "a",
        "Jane Holt met Omar Vance in Geneva on March 6 for a summit on water rights.",
        "2031-03-07",
    );
    let ta = vec![timex(&a.text, "March 6", "2031-03-06")];
    let b = doc(
        "b",
        "Ada Lind welcomed the news. Vance, whom Holt met last week in Geneva, called the talks useful.",
        "2031-03-12",
    );
    let tb = vec![timex(&b.text, "last week", "2031-W10")];
    vec![(a, ta), (b, tb)]
}

#[test]
fn two_reports_of_one_summit_are_one_event_with_the_precise_date() {
    let t = timeline(summit_corpus());
    let geneva: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.place.as_deref() == Some("Geneva"))
        .collect();
    assert_eq!(geneva.len(), 1, "{:#?}", t.events);
    let e = geneva[0];
    assert_eq!(e.outlets, vec!["Outlet a", "Outlet b"]);
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-06")
    );
    assert!(
        e.date_provenance
            .as_deref()
            .is_some_and(|p| p.contains("March 6"))
    );
    assert!(e.actors.contains(&"Jane Holt".to_string()));
    assert!(e.actors.contains(&"Omar Vance".to_string()));
}

#[test]
fn the_timeline_does_not_depend_on_file_order() {
    let forward = timeline(summit_corpus());
    let mut reversed = summit_corpus();
    reversed.reverse();
    let backward = timeline(reversed);
    let view = |t: &Timeline| {
        t.events
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.title.clone(),
                    e.date.clone(),
                    e.mentions
                        .iter()
                        .map(|m| (m.doc.clone(), m.span))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(view(&forward), view(&backward));
}

#[test]
fn a_plan_and_the_report_of_it_are_one_event_that_happened() {
    let a = doc(
        "a",
        "Holt will meet Vance in Geneva on Friday.",
        "2031-03-04",
    );
    let ta = vec![timex(&a.text, "Friday", "2031-03-07")];
    let b = doc("b", "Holt met Vance in Geneva on Friday.", "2031-03-08");
    let tb = vec![timex(&b.text, "Friday", "2031-03-07")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    let e = &t.events[0];
    assert_eq!(e.status, Status::Past);
    let statuses: Vec<Status> = e.mentions.iter().map(|m| m.status).collect();
    assert!(statuses.contains(&Status::Planned) && statuses.contains(&Status::Past));
}

#[test]
fn undated_talks_named_by_their_people_are_an_event() {
    let a = doc(
        "a",
        "The talks between Holt and Vance in Geneva were useful, officials said.",
        "2031-03-04",
    );
    let t = timeline(vec![(a, vec![])]);
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    assert!(t.events[0].actors.contains(&"Omar Vance".to_string()));
    // A bare reference with nobody and nowhere stays a reference.
    let b = doc("b", "The talks were useful, officials said.", "2031-03-04");
    assert!(timeline(vec![(b, vec![])]).events.is_empty());
}

#[test]
fn meetings_in_places_that_do_not_nest_stay_apart() {
    let a = doc("a", "Holt met Vance in Geneva on Monday.", "2031-03-04");
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let b = doc("b", "Holt met Vance in Lisbon on Monday.", "2031-03-04");
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    assert_eq!(t.events.len(), 2);
}

#[test]
fn a_meeting_in_a_venue_joins_the_meeting_in_its_city() {
    let a = doc("a", "Holt met Vance in Geneva on Monday.", "2031-03-04");
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let b = doc(
        "b",
        "Holt hosted Vance at the Palais des Nations on Monday.",
        "2031-03-04",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
}

#[test]
fn a_two_party_plan_and_a_three_party_plan_stay_apart() {
    let a = doc(
        "a",
        "Vance agreed to a bilateral meeting with Holt. Lind then plans a trilateral summit with Holt and Vance.",
        "2031-03-04",
    );
    let t = timeline(vec![(a, vec![])]);
    let planned: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.status == Status::Planned)
        .collect();
    assert_eq!(planned.len(), 2, "{:#?}", t.events);
}

#[test]
fn outlets_that_disagree_on_a_deadline_or_a_title_are_both_kept() {
    let a = doc(
        "a",
        "German Chancellor Jane Holt met Vance in Geneva on Monday. Holt said the guarantees would be finalised within 10 days.",
        "2031-03-04",
    );
    let ta = vec![
        timex(&a.text, "Monday", "2031-03-03"),
        timex(&a.text, "10 days", "P10D"),
    ];
    let b = doc(
        "b",
        "Opposition leader Jane Holt met Vance in Geneva on Monday. Holt noted that the guarantees would be finalised within seven to ten days.",
        "2031-03-04",
    );
    let tb = vec![
        timex(&b.text, "Monday", "2031-03-03"),
        timex(&b.text, "seven to ten days", "P10D"),
    ];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let fields: Vec<(String, Vec<String>)> = t
        .events
        .iter()
        .flat_map(|e| e.disagreements.iter())
        .map(|d| {
            (
                d.field.clone(),
                d.claims
                    .iter()
                    .map(|c| format!("{} {:?}", c.value, c.docs))
                    .collect(),
            )
        })
        .collect();
    let deadline = fields
        .iter()
        .find(|(f, _)| f == "deadline")
        .expect("deadline dispute");
    assert!(
        deadline.1.contains(&"within 10 days [\"a\"]".to_string()),
        "{deadline:?}"
    );
    assert!(
        deadline
            .1
            .contains(&"within seven to ten days [\"b\"]".to_string())
    );
    let title = fields
        .iter()
        .find(|(f, _)| f == "title of Jane Holt")
        .expect("title dispute");
    assert_eq!(title.1.len(), 2);
}

#[test]
fn agreeing_outlets_make_no_disagreement() {
    let a = doc(
        "a",
        "NATO chief Omar Vance met Holt in Geneva on Monday.",
        "2031-03-04",
    );
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let b = doc(
        "b",
        "NATO Secretary General Omar Vance met Holt in Geneva on Monday.",
        "2031-03-04",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    assert_eq!(t.events.len(), 1);
    assert!(
        t.events[0].disagreements.is_empty(),
        "{:?}",
        t.events[0].disagreements
    );
}

#[test]
fn an_undated_reference_joins_the_event_it_names() {
    let a = doc(
        "a",
        "Holt and Vance clashed in a heated confrontation in Lisbon in February.",
        "2031-08-20",
    );
    let ta = vec![timex(&a.text, "February", "2031-02")];
    let b = doc(
        "b",
        "Holt met Vance in Geneva on Monday, their first meeting since the tensions in February.",
        "2031-08-20",
    );
    let tb = vec![
        timex(&b.text, "Monday", "2031-08-18"),
        timex_from(&b.text, "February", 40, "2031-02"),
    ];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let feb = t
        .events
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-02"))
        .expect("the February event");
    assert_eq!(feb.outlets.len(), 2, "{:#?}", t.events);
    assert!(
        t.events
            .iter()
            .any(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-08-18"))
    );
}

#[test]
fn ids_follow_date_order() {
    let a = doc(
        "a",
        "Holt met Vance in Geneva on Monday. Lind met Maro in Lisbon in January.",
        "2031-03-04",
    );
    let ta = vec![
        timex(&a.text, "Monday", "2031-03-03"),
        timex(&a.text, "January", "2031-01"),
    ];
    let t = timeline(vec![(a, ta)]);
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].id, "e1");
    assert_eq!(
        t.events[0].date.as_ref().map(|d| d.value.as_str()),
        Some("2031-01")
    );
    assert_eq!(t.events[1].id, "e2");
}

#[test]
fn a_quote_in_the_sentence_of_an_event_is_linked_to_it() {
    let a = doc(
        "a",
        "Holt met Vance in Geneva on Monday and called it “a fresh start.”",
        "2031-03-04",
    );
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let mut ex = extraction(&a, PEOPLE, ta);
    let start = a.text.find("a fresh start").expect("quote");
    ex.quotes.push(Quote {
        id: "q1".into(),
        doc: "a".into(),
        span: Span::new(start, start + "a fresh start.".len()),
        text: "a fresh start.".into(),
        speaker: Some("Jane Holt".into()),
        attribution: None,
        statement: None,
        event: None,
    });
    let t = merge(vec![a], vec![ex]);
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.quotes[0].event.as_deref(), Some(t.events[0].id.as_str()));
    assert_eq!(t.events[0].quotes, vec!["q1"]);
}

#[test]
fn titles_are_built_from_parts() {
    let a = doc(
        "a",
        "Holt held a phone call with Vance on Monday.",
        "2031-03-04",
    );
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta)]);
    assert_eq!(t.events[0].title, "Holt–Vance phone call");
    let b = doc(
        "b",
        "Holt hosted Vance and Lind in Geneva on Monday.",
        "2031-03-04",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(b, tb)]);
    assert_eq!(t.events[0].title, "Holt hosts Vance and Lind in Geneva");
}

#[test]
fn recurring_calls_of_the_same_leaders_stay_apart() {
    // Two calls between the same two people, reported months apart, the later one undated in
    // its own article: one event each, each with its own article's time.
    let a = doc(
        "a",
        "Jane Holt spoke by phone with Omar Vance on February 3 about the river treaty.",
        "2031-02-04",
    );
    let ta = vec![timex(&a.text, "February 3", "2031-02-03")];
    let b = doc(
        "b",
        "Jane Holt spoke by phone with Omar Vance about the river treaty.\n\nThe conversation lasted an hour.",
        "2031-07-10",
    );
    let t = timeline(vec![(a, ta), (b, vec![])]);
    let calls: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Call)
        .collect();
    assert_eq!(calls.len(), 2, "{:#?}", t.events);
    let dates: Vec<_> = calls
        .iter()
        .map(|e| e.date.as_ref().map(|d| d.value.clone()))
        .collect();
    assert!(
        dates.contains(&Some("2031-02-03".to_string())),
        "{dates:?} {:#?}",
        t.events
    );
    assert!(dates.contains(&Some("2031-07-10".to_string())), "{dates:?}");
    // "The conversation" is the July call of its own article.
    let july = calls
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-07-10"))
        .expect("july call");
    assert!(
        july.mentions
            .iter()
            .any(|m| m.text.contains("conversation"))
    );
}

#[test]
fn statements_of_one_speaker_group_by_day_and_channel() {
    let a = doc(
        "a",
        "Omar Vance told reporters on Monday that talks were close. Vance wrote on Telegram on Monday that he was hopeful.",
        "2031-03-04",
    );
    let ta = vec![
        timex(&a.text, "Monday", "2031-03-03"),
        timex_from(&a.text, "Monday", 40, "2031-03-03"),
    ];
    let b = doc(
        "b",
        "Vance told journalists on Monday the treaty was ready.",
        "2031-03-05",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let st: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Statement)
        .collect();
    // Remarks to reporters in two outlets are one event; the post is another.
    assert_eq!(st.len(), 2, "{:#?}", st);
    let remarks = st
        .iter()
        .find(|e| e.title.contains("remarks"))
        .expect("remarks");
    assert_eq!(remarks.outlets.len(), 2);
    assert_eq!(remarks.title, "Vance remarks to reporters");
    assert!(st.iter().any(|e| e.title == "Vance post on Telegram"));
}

#[test]
fn one_title_per_kind_names_who_what_where() {
    let cases = [
        (
            "Holt met Vance in Geneva on Monday.",
            "Holt–Vance meeting in Geneva",
        ),
        (
            "Holt and Vance held a summit in Geneva on Monday.",
            "Holt–Vance summit in Geneva",
        ),
        (
            "Holt spoke by phone with Vance on Monday.",
            "Holt–Vance phone call",
        ),
        (
            "Holt and Vance held negotiations in Geneva on Monday.",
            "Holt–Vance negotiations in Geneva",
        ),
        // Both subjects, the plural verb, the object — not "Holt signs".
        (
            "Holt and Vance signed a water treaty on Monday.",
            "Holt and Vance sign water treaty",
        ),
        (
            "Holt and Vance agreed on Monday to free 40 prisoners.",
            "Holt–Vance agreement",
        ),
        (
            "Vance told reporters on Monday that talks were close.",
            "Vance remarks to reporters",
        ),
        (
            "Vance’s army shelled Geneva on Monday.",
            "Vance attacks Geneva",
        ),
        // The person after "imposed sanctions on", never a dangling "Holt imposes".
        (
            "Holt imposed sanctions on Vance on Monday.",
            "Holt imposes sanctions on Vance",
        ),
        ("Holt resigned on Monday.", "Holt resigns"),
    ];
    for (text, want) in cases {
        let d = doc("a", text, "2031-03-04");
        let t = vec![timex(&d.text, "Monday", "2031-03-03")];
        let tl = timeline(vec![(d, t)]);
        let titles: Vec<_> = tl.events.iter().map(|e| e.title.clone()).collect();
        assert!(titles.iter().any(|t| t == want), "{text:?}: {titles:?}");
        // No time value, weekday or dangling word leaks into a title.
        for t in &titles {
            assert!(
                !t.contains("Monday") && !t.contains("2031"),
                "{text:?}: {t:?}"
            );
        }
    }
}

#[test]
fn different_rounds_of_talks_are_different_events() {
    let a = doc(
        "a",
        "The second round of talks between Holt and Vance took place in Geneva.",
        "2031-03-04",
    );
    let b = doc(
        "b",
        "The third round of talks between Holt and Vance took place in Geneva.",
        "2031-03-06",
    );
    let c = doc(
        "c",
        "Holt and Vance ended their third round of talks in Geneva.",
        "2031-03-06",
    );
    let t = timeline(vec![(a, vec![]), (b, vec![]), (c, vec![])]);
    let geneva: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.place.as_deref() == Some("Geneva"))
        .collect();
    assert_eq!(geneva.len(), 2, "{geneva:#?}");
    // The two reports of the third round are one event.
    assert!(geneva.iter().any(|e| e.outlets.len() == 2), "{geneva:#?}");
}

#[test]
fn a_body_names_its_summit_and_an_attack_names_its_target() {
    let names: &[(&str, &str)] = &[
        ("Jane Holt", "Jane Holt"),
        ("Holt", "Jane Holt"),
        ("NATO", "NATO"),
        ("Ruritania", "Ruritania"),
        ("Borduria", "Borduria"),
    ];
    let cases = [
        (
            "Holt attended the NATO summit in Geneva on Monday.",
            "NATO summit in Geneva",
        ),
        (
            "Prices rose after the invasion of Ruritania on Monday.",
            "Invasion of Ruritania",
        ),
        (
            "Prices rose after Borduria's invasion of Ruritania on Monday.",
            "Borduria’s invasion of Ruritania",
        ),
    ];
    for (text, want) in cases {
        let d = doc("a", text, "2031-03-04");
        let t = vec![timex(&d.text, "Monday", "2031-03-03")];
        let ex = vec![extraction(&d, names, t)];
        let tl = merge(vec![d], ex);
        let titles: Vec<_> = tl.events.iter().map(|e| e.title.clone()).collect();
        assert!(titles.iter().any(|t| t == want), "{text:?}: {titles:?}");
    }
}

#[test]
fn a_report_of_the_week_gives_late_last_week_its_own_day() {
    // One outlet says "late last week" (a guess at the week's last days); the other, written on
    // Thursday of that week, tells the call as its news: Thursday is the call's day.
    let a = doc(
        "a",
        "Jane Holt spoke by phone with Omar Vance, officials said.",
        "2031-03-06",
    );
    let b = doc(
        "b",
        "Ada Lind met Kofi Mensah. Holt and Vance spoke by phone late last week.",
        "2031-03-12",
    );
    let mut late = timex(&b.text, "late last week", "2031-W10");
    if let Some(t) = late.time.as_mut() {
        t.start = Some(crate::events_support::date("2031-03-07"));
        t.approximate = true;
    }
    let tl = timeline(vec![(a, vec![]), (b, vec![late])]);
    let call = tl
        .events
        .iter()
        .find(|e| e.kind == attache::model::EventKind::Call)
        .expect("call");
    assert_eq!(call.mentions.len(), 2, "{:#?}", tl.events);
    assert_eq!(
        call.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-06")
    );
}

#[test]
fn an_undated_report_days_after_an_event_needs_more_than_a_shared_name() {
    // A deal signed on March 1, and a report written five days later of a deal Holt signed with
    // Lind, undated: one shared name and one shared word do not make them one deal.
    let a = doc(
        "a",
        "Jane Holt signed a deal on water on March 1.",
        "2031-03-02",
    );
    let ta = vec![timex(&a.text, "March 1", "2031-03-01")];
    let b = doc(
        "b",
        "Holt signed a deal on water with Ada Lind.",
        "2031-03-06",
    );
    let tl = timeline(vec![(a, ta), (b, vec![])]);
    let deals: Vec<_> = tl
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Agreement)
        .collect();
    assert_eq!(deals.len(), 2, "{:#?}", tl.events);
}

#[test]
fn an_infinitive_after_an_event_keeps_its_time_to_itself() {
    // "on Sunday" dates the talks; "later this week" is when the leaders are to decide.
    let a = doc(
        "a",
        "Officials on Sunday held talks on a framework for Holt and Vance to decide on later this week.",
        "2031-03-02",
    );
    let ta = vec![
        timex(&a.text, "Sunday", "2031-03-02"),
        timex(&a.text, "later this week", "2031-W09"),
    ];
    let tl = timeline(vec![(a, ta)]);
    let talks = tl
        .events
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.trigger.contains("talks")))
        .expect("talks");
    assert_eq!(
        talks.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-02"),
        "{:#?}",
        tl.events
    );
}

#[test]
fn a_post_of_the_day_before_is_another_statement() {
    // One outlet dates Vance's post to March 2; another, written March 4, tells of a post that
    // day without a date: two posts, not one.
    let a = doc(
        "a",
        "Omar Vance wrote on Telegram on March 2 that the treaty was dead.",
        "2031-03-03",
    );
    let ta = vec![timex(&a.text, "March 2", "2031-03-02")];
    let b = doc(
        "b",
        "Ada Lind met Jane Holt in Geneva on Tuesday.\n\nThe talks were useful, officials said.\n\nVance wrote on Telegram that the treaty was dead.",
        "2031-03-04",
    );
    let tb = vec![timex(&b.text, "Tuesday", "2031-03-04")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let posts: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Statement && e.title.contains("Telegram"))
        .collect();
    assert_eq!(posts.len(), 2, "{:#?}", t.events);
}

#[test]
fn undated_talks_held_in_a_named_place_are_an_event() {
    let a = doc(
        "a",
        "Officials wrapped up a second day of high-level talks in Geneva on the river treaty.",
        "2031-03-04",
    );
    let t = timeline(vec![(a, vec![])]);
    assert!(
        t.events
            .iter()
            .any(|e| e.place.as_deref() == Some("Geneva")),
        "{:#?}",
        t.events
    );
}

#[test]
fn a_date_of_a_whole_year_does_not_put_a_mention_in_an_earlier_event() {
    // A meeting on February 3, and an article of September telling of a meeting with a foreign
    // leader "this year": a year holds many meetings, so the year alone does not make it the
    // February one.
    let a = doc(
        "a",
        "Jane Holt hosted Omar Vance for talks in Geneva on February 3.",
        "2031-02-04",
    );
    let ta = vec![timex(&a.text, "February 3", "2031-02-03")];
    let b = doc(
        "b",
        "Holt took no questions after a meeting with a foreign leader this year.",
        "2031-09-20",
    );
    let tb = vec![timex(&b.text, "this year", "2031")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let february = t
        .events
        .iter()
        .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-02-03"))
        .expect("the February meeting");
    assert_eq!(february.outlets, vec!["Outlet a"], "{:#?}", t.events);
}

#[test]
fn a_dated_reference_does_not_join_the_news_of_an_article_weeks_later() {
    // An article of March 25 tells of a deal, undated (the news of its week); another tells of
    // the deal Holt and Vance signed on March 2: three weeks apart, two deals.
    let a = doc(
        "a",
        "Jane Holt and Omar Vance reached a deal on the river treaty.",
        "2031-03-25",
    );
    let b = doc(
        "b",
        "The March 2 deal between Holt and Vance on the river treaty holds.",
        "2031-03-26",
    );
    let tb = vec![timex(&b.text, "March 2", "2031-03-02")];
    let t = timeline(vec![(a, vec![]), (b, tb)]);
    let deals: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Agreement)
        .collect();
    assert_eq!(deals.len(), 2, "{:#?}", t.events);
}

#[test]
fn the_first_talks_since_an_event_do_not_take_its_date() {
    // "since" says only that the talks came later: they keep their article's time.
    let a = doc(
        "a",
        "Jane Holt held talks with Omar Vance in Oslo, the first talks since Ada Lind signed the river treaty on March 2.",
        "2031-05-07",
    );
    let ta = vec![timex(&a.text, "March 2", "2031-03-02")];
    let t = timeline(vec![(a, ta)]);
    let talks = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Oslo"))
        .expect("the talks in Oslo");
    assert_ne!(
        talks.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-02"),
        "{:#?}",
        t.events
    );
}

#[test]
fn two_plans_to_meet_again_of_different_people_stay_apart() {
    // Two outlets on two plans: ministers nobody names "will meet again in October", and Vance
    // and Lind "will meet again in Copenhagen on October 1". Neither "the" of "the two ministers"
    // nor the word "again" says it is one meeting.
    let a = doc(
        "a",
        "The two ministers will meet again in October, Holt said.",
        "2031-09-10",
    );
    let ta = vec![timex(&a.text, "October", "2031-10")];
    let b = doc(
        "b",
        "Vance and Lind will meet again in Copenhagen on October 1.",
        "2031-09-12",
    );
    let tb = vec![timex(&b.text, "October 1", "2031-10-01")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let copenhagen = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Copenhagen"))
        .expect("the Copenhagen meeting");
    assert_eq!(copenhagen.outlets, vec!["Outlet b"], "{:#?}", t.events);
}

#[test]
fn a_bare_reference_takes_the_event_its_article_told_before_it() {
    // "The talks" has its article's day; "talks in Oslo" has none, so "the talks" comes to be
    // grouped first, before the Oslo talks are an event: it waits for them.
    let a = doc(
        "a",
        "Jane Holt and Omar Vance reached consensus on fishing quotas after high-level talks in Oslo.\n\nThe talks lasted two days.",
        "2031-06-11",
    );
    let t = timeline(vec![(a, vec![])]);
    let oslo = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Oslo"))
        .expect("the talks in Oslo");
    assert!(
        oslo.mentions
            .iter()
            .any(|m| m.text.starts_with("The talks")),
        "{:#?}",
        t.events
    );
}

#[test]
fn the_upcoming_talks_of_an_article_are_the_meeting_its_plan_joined() {
    // An article of Monday plans a meeting for Thursday and then speaks of "the upcoming
    // talks"; Thursday's report tells of the meeting done. The plan joins the report by its day,
    // and the awaited talks, told as its article's plan is, join them too.
    let a = doc(
        "a",
        "Jane Holt and Omar Vance are due to meet in Oslo on Thursday. Officials prepared for the upcoming Holt-Vance talks.",
        "2031-03-03",
    );
    let ta = vec![timex(&a.text, "Thursday", "2031-03-06")];
    let b = doc(
        "b",
        "Jane Holt met Omar Vance in Oslo on Thursday.",
        "2031-03-06",
    );
    let tb = vec![timex(&b.text, "Thursday", "2031-03-06")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let oslo = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Oslo"))
        .expect("the Oslo meeting");
    assert_eq!(oslo.status, Status::Past);
    assert!(
        oslo.mentions.iter().any(|m| m.text.contains("upcoming")),
        "{:#?}",
        t.events
    );
}

#[test]
fn a_round_named_after_the_verb_keeps_two_rounds_apart() {
    // "met … for their fifth round" is not the third round of talks, though the same two met.
    let a = doc(
        "a",
        "Jane Holt and Omar Vance held the third round of talks in Oslo on March 1.",
        "2031-03-02",
    );
    let ta = vec![timex(&a.text, "March 1", "2031-03-01")];
    let b = doc(
        "b",
        "Vance spoke to reporters after he met Jane Holt for their fifth round.",
        "2031-06-10",
    );
    let t = timeline(vec![(a, ta), (b, vec![])]);
    let third = t
        .events
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text.contains("third round")))
        .expect("the third round");
    assert!(
        !third.mentions.iter().any(|m| m.doc == "b"),
        "{:#?}",
        t.events
    );
}

#[test]
fn a_meeting_told_just_before_remarks_is_not_a_meeting_months_earlier() {
    // "told reporters after he met Holt": the meeting came right before the remarks of its
    // article's day, so it is not the March meeting of the same two.
    let a = doc(
        "a",
        "Jane Holt and Omar Vance met in Oslo on March 1.",
        "2031-03-02",
    );
    let ta = vec![timex(&a.text, "March 1", "2031-03-01")];
    let b = doc(
        "b",
        "Omar Vance told reporters on Monday after he met Jane Holt.",
        "2031-06-10",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-06-09")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let march = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Oslo"))
        .expect("the Oslo meeting");
    assert!(
        !march.mentions.iter().any(|m| m.doc == "b"),
        "{:#?}",
        t.events
    );
}

#[test]
fn a_ceasefire_told_with_no_time_at_all_is_not_a_dated_one() {
    // An article with no date tells, without a date, that Holt and Vance agreed to a ceasefire;
    // another dates their ceasefire to October 8. The same two may agree twice in a year: with
    // nothing to place the first in time, the two stay apart, whichever is grouped first.
    let mut a = doc(
        "a",
        "Jane Holt and Omar Vance agreed to a ceasefire in Kessel.",
        "2031-01-15",
    );
    a.published.date = None;
    // The dated report told as an event, then as a reference (grouped after the undated one).
    for text in [
        "Jane Holt and Omar Vance agreed to a ceasefire in Kessel on October 8.",
        "The October 8 ceasefire between Holt and Vance in Kessel holds.",
    ] {
        let b = doc("b", text, "2031-10-09");
        let tb = vec![timex(&b.text, "October 8", "2031-10-08")];
        let t = timeline(vec![(a.clone(), vec![]), (b, tb)]);
        let october = t
            .events
            .iter()
            .find(|e| e.date.as_ref().is_some_and(|d| d.value == "2031-10-08"))
            .expect("the October ceasefire");
        assert_eq!(october.outlets, vec!["Outlet b"], "{:#?}", t.events);
    }
}

#[test]
fn an_unmarked_statement_joins_the_medium_its_article_tells_next_to_it() {
    // One article tells of Vance's post and, further on, of his remarks to reporters, both of
    // Monday; "Vance announced Monday" stands next to the post and names no medium: it is the
    // post, not the remarks.
    let a = doc(
        "a",
        "Omar Vance announced Monday that the river treaty would be signed. Vance wrote on Telegram that the signing was near.\n\nThe harvest was late this year in the valley.\n\nVance told reporters that he was tired.",
        "2031-03-04",
    );
    let ta = vec![timex(&a.text, "Monday", "2031-03-03")];
    let b = doc(
        "b",
        "Vance posted on Telegram on Monday that the treaty was ready.",
        "2031-03-05",
    );
    let tb = vec![timex(&b.text, "Monday", "2031-03-03")];
    let t = timeline(vec![(a, ta), (b, tb)]);
    let post = t
        .events
        .iter()
        .find(|e| e.title == "Vance post on Telegram")
        .expect("the post");
    assert!(
        post.mentions.iter().any(|m| m.text.contains("announced")),
        "{:#?}",
        t.events
    );
    assert!(
        post.evidence.iter().any(|w| w.contains("no medium named")),
        "{:?}",
        post.evidence
    );
    let remarks = t
        .events
        .iter()
        .find(|e| e.title == "Vance remarks to reporters")
        .expect("the remarks");
    assert!(
        !remarks
            .mentions
            .iter()
            .any(|m| m.text.contains("announced"))
    );
}

#[test]
fn one_speakers_statement_and_interview_of_one_day_are_one_statement() {
    // One outlet tells what Lind said on Tuesday without a medium, another her interview of the
    // same day: one statement told twice.
    let a = doc(
        "a",
        "Speaking after the harbour talks, Ada Lind called the offer generous.",
        "2031-04-08",
    );
    let b = doc(
        "b",
        "Lind, speaking later on Sky News, said the offer was generous.",
        "2031-04-08",
    );
    let t = timeline(vec![(a, vec![]), (b, vec![])]);
    let lind: Vec<_> = t
        .events
        .iter()
        .filter(|e| e.kind == attache::model::EventKind::Statement)
        .filter(|e| e.actors.iter().any(|x| x == "Ada Lind"))
        .collect();
    assert_eq!(lind.len(), 1, "{:#?}", lind);
    assert_eq!(lind[0].outlets.len(), 2, "{:#?}", lind);
    assert!(
        lind[0]
            .evidence
            .iter()
            .any(|w| w.contains("the same speaker on the same day")),
        "{:?}",
        lind[0].evidence
    );
}

#[test]
fn a_trip_told_beside_its_articles_plan_is_that_plan() {
    // A preview of Monday: the ministry "confirmed" the trip (a past clause, no date of its own)
    // of the two who "will meet in Oslo on Saturday". The trip is that meeting, still a plan.
    let a = doc(
        "a",
        "Jane Holt and Ada Lind will meet in Oslo on Saturday. The ministry confirmed Lind's trip with Holt, citing an invitation from the host.",
        "2031-06-02",
    );
    let ta = vec![timex(&a.text, "Saturday", "2031-06-07")];
    let t = timeline(vec![(a, ta)]);
    let oslo = t
        .events
        .iter()
        .find(|e| e.place.as_deref() == Some("Oslo"))
        .expect("the Oslo meeting");
    let trip = oslo
        .mentions
        .iter()
        .find(|m| m.text.contains("trip"))
        .unwrap_or_else(|| panic!("{:#?}", t.events));
    assert_eq!(trip.status, Status::Planned);
    assert_eq!(oslo.status, Status::Planned);
    assert_eq!(
        oslo.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-06-07")
    );
    assert!(
        oslo.evidence
            .iter()
            .any(|w| w.contains("a plan, as its article")),
        "{:?}",
        oslo.evidence
    );
}
