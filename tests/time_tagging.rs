//! The time tagger on sentences written for these tests, one family of expressions at a time.

use attache::extract::time::{Timex, TimexType, tag};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The DCT used throughout: Tuesday 19 August 2025.
fn dct() -> Option<NaiveDate> {
    Some(day("2025-08-19"))
}

/// The timex whose text is exactly `surface` (panics with the whole tagging when absent).
fn find(text: &str, dct: Option<NaiveDate>, surface: &str) -> Timex {
    let all = tag(text, dct);
    all.iter()
        .find(|t| &text[t.span.range()] == surface)
        .cloned()
        .unwrap_or_else(|| {
            let seen: Vec<_> = all
                .iter()
                .map(|t| (&text[t.span.range()], &t.value))
                .collect();
            panic!("no timex {surface:?} in {text:?}; found {seen:?}")
        })
}

fn value(text: &str, surface: &str) -> String {
    find(text, dct(), surface).value
}

#[test]
fn absolute_dates_in_news_forms() {
    let text = "The accord was signed on Aug. 15, 2024, ratified on 3 March 2025 and filed on \
                2025-06-30; a review followed in September 2022 and another in 2019.";
    assert_eq!(value(text, "Aug. 15, 2024"), "2024-08-15");
    assert_eq!(value(text, "3 March 2025"), "2025-03-03");
    assert_eq!(value(text, "2025-06-30"), "2025-06-30");
    assert_eq!(value(text, "September 2022"), "2022-09");
    assert_eq!(value(text, "2019"), "2019");
    let t = find(text, dct(), "September 2022").time.unwrap();
    assert_eq!(
        (t.start, t.end),
        (Some(day("2022-09-01")), Some(day("2022-09-30")))
    );
}

#[test]
fn year_less_dates_take_the_nearest_year_or_stay_unresolved() {
    let text = "Minister Jane Holt arrived on August 15 and will leave on Dec. 2.";
    assert_eq!(value(text, "August 15"), "2025-08-15");
    assert_eq!(value(text, "Dec. 2"), "2025-12-02");
    let without_dct = find(text, None, "August 15");
    assert_eq!(without_dct.value, "XXXX-08-15");
    assert!(without_dct.time.is_none());
}

#[test]
fn decades_quarters_seasons_and_halves() {
    let text = "Prices soared in the 1990s, fell in the third quarter, rose in Q1 2024, \
                recovered last summer and will peak in the first half of 2026.";
    assert_eq!(value(text, "the 1990s"), "199");
    assert_eq!(value(text, "the third quarter"), "2025-Q3");
    assert_eq!(value(text, "Q1 2024"), "2024-Q1");
    assert_eq!(value(text, "last summer"), "2024-SU");
    assert_eq!(value(text, "the first half of 2026"), "2026-H1");
}

#[test]
fn weekdays_follow_the_tense_of_their_clause() {
    let past = "The envoy met the mayor on Monday.";
    let future = "The envoy will meet the mayor on Monday.";
    assert_eq!(value(past, "Monday"), "2025-08-18");
    assert_eq!(value(future, "Monday"), "2025-08-25");
    assert_eq!(
        value("Talks collapsed last Friday.", "last Friday"),
        "2025-08-15"
    );
    assert_eq!(
        value("The vote is due next Thursday.", "next Thursday"),
        "2025-08-21"
    );
}

#[test]
fn weekday_with_part_of_day_is_dated_to_the_day_and_tonight_is_a_time() {
    let t = find(
        "Protesters gathered on Sunday evening.",
        dct(),
        "Sunday evening",
    );
    assert_eq!(t.kind, TimexType::Date);
    assert_eq!(t.value, "2025-08-17");
    let t = find("The minister speaks tonight.", dct(), "tonight");
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(t.value, "2025-08-19TNI");
}

#[test]
fn deictic_expressions_count_from_the_publication_date() {
    let text = "Yesterday the council met; today it votes; last week it argued, and this year \
                it has met often. Last year it met twice, and next month it breaks up.";
    assert_eq!(value(text, "Yesterday"), "2025-08-18");
    assert_eq!(value(text, "today"), "2025-08-19");
    assert_eq!(value(text, "last week"), "2025-W33");
    assert_eq!(value(text, "this year"), "2025");
    assert_eq!(value(text, "Last year"), "2024");
    assert_eq!(value(text, "next month"), "2025-09");
}

#[test]
fn vague_references_use_timeml_tokens() {
    let text = "Rates are now stable; they recently fell, and the future is unclear.";
    assert_eq!(value(text, "now"), "PRESENT_REF");
    assert_eq!(value(text, "recently"), "PAST_REF");
    assert_eq!(value(text, "the future"), "FUTURE_REF");
}

#[test]
fn offsets_ago_and_elapsed_time() {
    let text = "The plant closed two days ago; the mine shut nearly three and a half years ago.";
    assert_eq!(value(text, "two days ago"), "2025-08-17");
    let t = find(text, dct(), "nearly three and a half years ago");
    assert_eq!(t.value, "2022-02");
    assert!(t.time.unwrap().approximate);
}

#[test]
fn durations_are_timex3_periods() {
    let text = "After a three-year delay and 40 minutes of debate, the almost four years of \
                work and a few days of rest ended.";
    assert_eq!(value(text, "three-year"), "P3Y");
    assert_eq!(value(text, "40 minutes"), "PT40M");
    assert_eq!(value(text, "almost four years"), "P4Y");
    assert_eq!(value(text, "a few days"), "PXD");
    assert_eq!(find(text, dct(), "40 minutes").kind, TimexType::Duration);
}

#[test]
fn deadlines_become_windows_from_the_publication_date() {
    let text = "Allies will answer within 10 days, or within seven to ten days at most, \
                and talks follow within the next two weeks and before month's end.";
    let t = find(text, dct(), "10 days");
    assert_eq!(t.value, "P10D");
    let window = t.time.expect("a deadline window");
    assert_eq!((window.start, window.end), (dct(), Some(day("2025-08-29"))));
    assert_eq!(window.relative.as_deref(), Some("within 10 days"));
    assert_eq!(value(text, "seven to ten days"), "P10D");
    let next = find(text, dct(), "the next two weeks").time.unwrap();
    assert_eq!(next.end, Some(day("2025-09-02")));
    let end = find(text, dct(), "month’s end".replace('’', "'").as_str());
    assert_eq!(end.value, "2025-08");
    assert!(end.time.unwrap().start > Some(day("2025-08-15")));
}

#[test]
fn clock_times_attach_to_their_day() {
    let text = "The vote will open at 3:30 p.m. Wednesday and close at noon.";
    let t = find(text, dct(), "3:30 p.m. Wednesday");
    assert_eq!(t.kind, TimexType::Time);
    assert_eq!(t.value, "2025-08-20T15:30");
    assert_eq!(value(text, "noon"), "2025-08-19T12:00");
}

#[test]
fn sets_repeat() {
    let text = "The board meets every week, publishes quarterly, and the ferry sails daily and \
                every Monday.";
    assert_eq!(value(text, "every week"), "P1W");
    assert_eq!(value(text, "quarterly"), "P1Q");
    assert_eq!(value(text, "daily"), "P1D");
    assert_eq!(value(text, "every Monday"), "XXXX-WXX-1");
    assert_eq!(find(text, dct(), "daily").kind, TimexType::Set);
}

#[test]
fn anaphora_count_from_the_last_date_in_the_text() {
    let text = "The treaty was signed on March 3, 2021. The previous week, envoys had met, \
                and the next day the parliament voted. That month, prices rose.";
    assert_eq!(value(text, "The previous week"), "2021-W08");
    assert_eq!(value(text, "the next day"), "2021-03-04");
    assert_eq!(value(text, "That month"), "2021-03");
}

#[test]
fn spans_are_byte_ranges_of_the_text() {
    let text = "Él llegó el lunes — on Monday, 18 August 2025 — à 15 h; “Friday” too.";
    for t in tag(text, dct()) {
        assert!(
            text.get(t.span.range()).is_some(),
            "{:?} off a char boundary",
            t.span
        );
    }
    assert_eq!(value(text, "Monday, 18 August 2025"), "2025-08-18");
}

#[test]
fn words_that_only_look_like_dates_are_left_alone() {
    let text = "You may march on; the second group of 2,000 people saw a 52-year-old man fall.";
    let found: Vec<_> = tag(text, dct())
        .iter()
        .map(|t| text[t.span.range()].to_string())
        .collect();
    assert!(found.is_empty(), "found {found:?}");
}

#[test]
fn holidays_fixed_and_floating() {
    let text = "Stores will close on Christmas Day and reopen after Thanksgiving; last \
                Thanksgiving was quieter.";
    assert_eq!(value(text, "Christmas Day"), "2025-12-25");
    assert_eq!(value(text, "last Thanksgiving"), "2024-11-28");
}

#[test]
fn absurd_amounts_neither_panic_nor_become_dates() {
    let text = "It happened 2147483647 years ago and 99999999999999 days ago, or 9999 \
                centuries ago, in 99999 millennia, at 25:99 or 0 a.m. on Feb. 30.";
    for t in tag(text, dct()) {
        assert!(text.get(t.span.range()).is_some());
        if let Some(v) = t.time {
            assert!(v.start <= v.end);
        }
    }
}

#[test]
fn numeric_dates_day_first_where_the_month_cannot_come_first_and_with_dots() {
    assert_eq!(
        value("Filed 19/08/2031 by the clerk.", "19/08/2031"),
        "2031-08-19"
    );
    assert_eq!(
        value("Filed 19.08.2031 by the clerk.", "19.08.2031"),
        "2031-08-19"
    );
    // Month first where both can be the month, as before.
    assert_eq!(
        value("Filed 05/06/2031 by the clerk.", "05/06/2031"),
        "2031-05-06"
    );
    // A decimal figure is no date.
    let text = "Turnout rose to 19.08 percent.";
    assert!(
        tag(text, dct()).iter().all(|t| t.kind != TimexType::Date),
        "{:?}",
        tag(text, dct())
    );
}
