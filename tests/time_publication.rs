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

/// Three reports of one long-running story, from three different months: each carries its own
/// weekday-dated day, and they share names, so a folder-wide pull would drag them together.
const QUAYS_JAN: &str = "Harbour board votes on quays\n\
    The Velmar harbour board voted on Tuesday, Jan. 14 to close the old quays, chair Ilse Marrow \
    said. Ferry operators in Velmar had warned against the plan since 2024.";
const QUAYS_APR: &str = "Quays close early\n\
    Crews in Velmar began closing the old quays on Thursday, April 10, weeks ahead of the date the \
    harbour board and chair Ilse Marrow had set. Operators said they were surprised.";
const QUAYS_JUL: &str = "Velmar ferries return\n\
    Ferries returned to the Velmar harbour on Saturday, July 19, after the rebuilt quays opened, \
    chair Ilse Marrow said. The board had voted to rebuild them in 2025.";
/// A fourth report of the story that names only a weekday: nothing dates its happening.
const QUAYS_WEEKDAY: &str = "Ferry workers protest\n\
    Ferry workers in Velmar protested on Monday outside the harbour board, where chair Ilse \
    Marrow was meeting operators.";

#[test]
fn a_folder_spanning_months_keeps_its_reports_apart() {
    let mut docs = vec![
        doc("jan.txt", QUAYS_JAN),
        doc("apr.txt", QUAYS_APR),
        doc("jul.txt", QUAYS_JUL),
        doc("weekday.txt", QUAYS_WEEKDAY),
    ];
    infer_publication_dates(&mut docs);
    let want = [day("2025-01-14"), day("2025-04-10"), day("2025-07-19")];
    for (d, want) in docs.iter().zip(want) {
        let got = d
            .published
            .date
            .unwrap_or_else(|| panic!("{} undated: {:?}", d.path, d.published.clues));
        assert!(
            (got - want).num_days().abs() <= 2,
            "{}: inferred {got}, written {want}",
            d.path
        );
        assert_eq!(d.published.source, DateSource::Inferred);
        assert!(d.published.confidence.is_some(), "{}", d.path);
    }
    // The weekday-only report shares names with all three but no dated happening: no loan.
    assert_eq!(
        docs[3].published.date, None,
        "{:?}",
        docs[3].published.clues
    );
}

#[test]
fn a_lone_report_with_only_weekdays_is_not_given_a_day() {
    let mut docs = vec![doc(
        "lone.txt",
        "Council delays vote\nThe Orlen city council met on Tuesday and delayed its vote on the \
         budget; members said on Wednesday that they would meet again on Friday.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    assert_eq!(p.date, None, "{:?}", p.clues);
    // At most a month, never a day.
    assert!(p.approx.as_ref().is_none_or(|m| m.len() == 7), "{p:?}");
}

#[test]
fn a_weekday_with_its_date_fixes_the_year_the_calendar_allows() {
    // 16 October falls on a Thursday in 2025, not in 2024 or 2026.
    let mut docs = vec![doc(
        "thu.txt",
        "Mill reopens\nThe Brannock mill reopened on Thursday, Oct. 16, owner Tess Orwin said; it \
         had been shut since a fire in 2024.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    let got = p.date.unwrap_or_else(|| panic!("undated: {:?}", p.clues));
    assert!((got - day("2025-10-16")).num_days().abs() <= 2, "{got}");
    assert!(
        p.clues.iter().any(|c| c.contains("Oct. 16")),
        "{:?}",
        p.clues
    );
}

#[test]
fn event_dates_resolved_against_an_inferred_date_say_so() {
    let mut docs = vec![doc(
        "mill.txt",
        "Mill reopens\nThe Brannock mill reopened on Thursday, Oct. 16, owner Tess Orwin said. \
         Orwin met the workers' union on Tuesday to agree new shifts.",
    )];
    infer_publication_dates(&mut docs);
    assert!(docs[0].published.date.is_some(), "{:?}", docs[0].published);
    let ex = attache::extract::extract_document(&docs[0]);
    let marked: Vec<&str> = ex
        .mentions
        .iter()
        .filter_map(|m| m.date_rule.as_deref())
        .filter(|r| r.contains("inferred publication date"))
        .collect();
    assert!(!marked.is_empty(), "{:?}", ex.mentions);
}

#[test]
fn a_titled_person_bounds_the_years() {
    // 9 May falls on a Friday in 2014 and 2025; Bessent is Treasury Secretary only from 2025.
    let mut docs = vec![doc(
        "tariffs.txt",
        "Tariff talks\nTreasury Secretary Scott Bessent said on Friday, May 9 that the levies \
         first imposed in 2014 would be reviewed.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    let got = p.date.unwrap_or_else(|| panic!("undated: {:?}", p.clues));
    assert!(
        (got - day("2025-05-09")).num_days().abs() <= 2,
        "{got}: {:?}",
        p.clues
    );
    assert!(
        p.clues.iter().any(|c| c.contains("Bessent")),
        "{:?}",
        p.clues
    );
}

#[test]
fn a_known_persons_age_narrows_the_years() {
    // Donald Trump (born 1946-06-14) is 79 from mid-June 2025 to mid-June 2026: of the year-less
    // "June 20" only the one of 2025 fits.
    for text in [
        "Quays reopen\nPresident Donald Trump, 79, toured the Velmar quays on Monday, three days \
         after the June 20 storm closed them.",
        "Quays reopen\nPresident Donald Trump toured the Velmar quays on Monday, three days after \
         the June 20 storm closed them. The 79-year-old praised the dockworkers.",
    ] {
        let mut docs = vec![doc("age.txt", text)];
        infer_publication_dates(&mut docs);
        let p = &docs[0].published;
        let got = p.date.unwrap_or_else(|| panic!("undated: {p:?}"));
        assert!(
            day("2025-06-20") < got && got <= day("2025-06-30"),
            "{got} {:?}",
            p.clues
        );
        assert!(
            p.clues.iter().any(|c| c.contains("aged 79")),
            "{:?}",
            p.clues
        );
    }
}

#[test]
fn an_age_is_read_only_for_the_person_it_belongs_to() {
    // "The 41-year-old" follows a sentence whose subject has no known birth date: no age clue,
    // even though a known person is named later in that sentence.
    let mut docs = vec![doc(
        "age2.txt",
        "Quays reopen\nHarbour chief Ilse Marrow met President Donald Trump on Monday, three days \
         after the June 20 storm. The 41-year-old said the quays would reopen.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    assert!(!p.clues.iter().any(|c| c.contains("aged")), "{p:?}");
    assert_eq!(p.date, None, "{p:?}");
}

#[test]
fn a_scheduled_date_does_not_say_how_recent_the_report_is() {
    // "starting November 1" is a point of a schedule: only the weekday-dated day counts.
    let mut docs = vec![doc(
        "schedule.txt",
        "Port fees dropped\nPort officials said on Sunday, Oct. 26, 2031, that the fees starting \
         November 1 had been dropped ahead of the Dec. 4 deadline.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    assert_eq!(p.date, Some(day("2031-10-26")), "{p:?}");
    assert!(
        !p.clues
            .iter()
            .any(|c| c.contains("November 1") || c.contains("Dec. 4")),
        "{:?}",
        p.clues
    );
}

#[test]
fn a_coming_weekday_and_month_day_of_one_meeting_fix_the_year() {
    // November 12 is a Wednesday in 2025 only (of the recent years): "the meeting next Wednesday"
    // and "on November 12" name one day, in the week or two before which the report was written.
    let mut docs = vec![doc(
        "coming.txt",
        "Ferry operators invited\nHarbour chair Ilse Marrow will host the Velmar ferry operators \
         at the harbour on November 12, her office said. An aide confirmed the meeting next \
         Wednesday. Operators protested outside the harbour board on Tuesday.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    // Two Tuesdays before it fit "next Wednesday": the month at least, and a day only in it.
    match p.date {
        Some(got) => assert!(
            day("2025-10-30") <= got && got < day("2025-11-12"),
            "{got} {:?}",
            p.clues
        ),
        None => assert_eq!(p.approx.as_deref(), Some("2025-11"), "{p:?}"),
    }
    // Without the weekday, the month-day repeats every year: no day.
    let mut docs = vec![doc(
        "coming2.txt",
        "Ferry operators invited\nHarbour chair Ilse Marrow will host the Velmar ferry operators \
         at the harbour on November 12, her office said. Operators protested outside the harbour \
         board on Tuesday.",
    )];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, None, "{:?}", docs[0].published);
}

const STRIKE_ENDS: &str = "Dockworkers end strike\n\
    Velmar dockworkers ended their strike on Thursday, March 13, 2025, union leader Jane Holt \
    said at the Velmar harbour.";
const STRIKE_AFTER: &str = "Dockworkers back at work\n\
    Velmar dockworkers, who ended their strike on March 13, returned to the quays on Friday, \
    union leader Jane Holt said.";

#[test]
fn a_month_day_a_related_article_dates_gives_the_year() {
    // Alone, "March 13" and "Friday" fit every year.
    let mut docs = vec![doc("after.txt", STRIKE_AFTER)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, None, "{:?}", docs[0].published);
    // With the report that dates the strike's end, the year is that one's.
    let mut docs = vec![doc("ends.txt", STRIKE_ENDS), doc("after.txt", STRIKE_AFTER)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, Some(day("2025-03-13")));
    let p = &docs[1].published;
    let got = p.date.unwrap_or_else(|| panic!("undated: {p:?}"));
    assert!(
        day("2025-03-14") <= got && got <= day("2025-03-20"),
        "{got} {:?}",
        p.clues
    );
    assert!(
        p.clues.iter().any(|c| c.contains("same happening")),
        "{:?}",
        p.clues
    );
}

#[test]
fn a_former_title_dates_the_report_after_the_term() {
    // 9 May falls on a Friday in 2014 and 2025; Joe Biden is a former president only after 2017
    // (his vice presidency) at the earliest: 2014 is ruled out.
    let mut docs = vec![doc(
        "former.txt",
        "Port levies\nFormer President Joe Biden said on Friday, May 9 that the Velmar port \
         levies should be reviewed.",
    )];
    infer_publication_dates(&mut docs);
    let p = &docs[0].published;
    assert_eq!(p.date, Some(day("2025-05-09")), "{p:?}");
    assert!(
        p.clues.iter().any(|c| c.contains("former")),
        "{:?}",
        p.clues
    );
}

/// Talks the reference chronology (`assets/chronology.toml`) dates: a report that ties a weekday
/// to them, in a sentence naming the place, takes that day; one that announces them, a day a few
/// days before. Sentences invented for the test.
#[test]
fn a_happening_of_the_reference_chronology_dates_a_report_of_it() {
    let report = "Negotiators wrap up talks in Stockholm\n\
        Negotiators from Washington and Beijing ended two days of talks in Stockholm on Tuesday, \
        with Bessent saying the truce could be extended. Markets barely moved.";
    let preview = "Talks set for Stockholm\n\
        Bessent will meet He Lifeng in Stockholm on Monday for two days of talks, officials said.";
    for (text, want) in [(report, "2025-07-29"), (preview, "2025-07-25")] {
        let mut docs = vec![doc("one.txt", text)];
        infer_publication_dates(&mut docs);
        assert_eq!(
            docs[0].published.date,
            Some(day(want)),
            "{text}: {:?}",
            docs[0].published
        );
        assert!(
            docs[0]
                .published
                .clues
                .iter()
                .any(|c| c.contains("reference chronology")),
            "the clue is shown: {:?}",
            docs[0].published.clues
        );
    }
}

/// Common names alone ("Trump", "Putin", "call") fit several listed happenings and none of their
/// days: the report of an unlisted call stays undated rather than taking a listed call's day.
#[test]
fn common_names_alone_do_not_date_a_report_by_the_chronology() {
    let text = "Leaders speak again\n\
        Trump and Putin held a phone call on Saturday, their aides said, without giving details.";
    let mut docs = vec![doc("call.txt", text)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, None, "{:?}", docs[0].published);
}

/// Several listed rounds share a place and negotiators: the weekday the report gives picks the
/// round whose day it is (sentences invented for the test).
#[test]
fn the_weekday_picks_which_listed_round_a_report_is_about() {
    let monday = "Delegations meet again\n\
        The two delegations met in Istanbul on Monday for another round of direct talks, led by \
        Medinsky and Umerov, and agreed to swap prisoners.";
    let wednesday = monday.replace("on Monday", "on Wednesday");
    for (text, want) in [
        (monday.to_string(), "2025-06-02"),
        (wednesday, "2025-07-23"),
    ] {
        let mut docs = vec![doc("round.txt", &text)];
        infer_publication_dates(&mut docs);
        assert_eq!(
            docs[0].published.date,
            Some(day(want)),
            "{text}: {:?}",
            docs[0].published
        );
    }
}

/// A lede that opens with a quotation tells its news after the quote: the sentences after it are
/// the lead (sentences invented for the test).
#[test]
fn a_lede_opening_with_a_quote_is_read_after_the_quote() {
    let text = "“We will keep talking, and we will get there,” Bessent said. \
        Two days of talks in Stockholm with He Lifeng ended with an agreement to extend the truce.\n\n\
        Officials gave no further details.";
    let mut docs = vec![doc("quote-led.txt", text)];
    infer_publication_dates(&mut docs);
    assert_eq!(
        docs[0].published.date,
        Some(day("2025-07-29")),
        "{:?}",
        docs[0].published
    );
}

/// A lead that recalls a listed happening, over news of another day ("On Thursday, …" after a
/// Friday summit), is not dated by the happening (sentences invented for the test).
#[test]
fn a_recalled_happening_does_not_date_a_report_of_another_day() {
    let text = "Summit leaves no ceasefire\n\
        The summit in Alaska between Donald Trump and Vladimir Putin produced no ceasefire. On \
        Thursday, Trump said he was disappointed with the Russian leader.";
    let mut docs = vec![doc("later.txt", text)];
    infer_publication_dates(&mut docs);
    assert!(
        docs[0]
            .published
            .clues
            .iter()
            .all(|c| !c.contains("reference chronology")),
        "{:?}",
        docs[0].published
    );
    assert_ne!(docs[0].published.date, Some(day("2025-08-15")));
}

/// Two listed calls between the same leaders fall on a Friday and share a subject; the article
/// recalls, by its month, a third that came between them, so only the later one can be what it
/// reports (sentences invented for the test). Without the recalled month it stays undated.
#[test]
fn a_happening_recalled_by_its_month_refuses_the_rounds_before_it() {
    let lead = "Leaders talk again by phone\n\
        Trump and Xi Jinping held a phone call on Friday and discussed the sale of TikTok, aides \
        said, without giving details.";
    let recalled =
        format!("{lead} The two men also spoke in June about exports of rare earth magnets.");
    let mut docs = vec![doc("call.txt", &recalled)];
    infer_publication_dates(&mut docs);
    assert_eq!(
        docs[0].published.date,
        Some(day("2025-09-19")),
        "{:?}",
        docs[0].published
    );
    let mut docs = vec![doc("call.txt", lead)];
    infer_publication_dates(&mut docs);
    assert_eq!(docs[0].published.date, None, "{:?}", docs[0].published);
}

/// A month-day with no year fixes the day of the year; the listed call the article reports in
/// its opening, a day later, fixes the year (sentences invented for the test).
#[test]
fn a_listed_happening_gives_the_year_a_month_day_leaves_open() {
    let text = "Leaders hold first call of the term\n\
        Trump spoke by phone with Xi Jinping on trade, state media reported, and the call went \
        on for more than an hour.\n\n\
        Trump had written on June 4 that the Chinese leader was hard to deal with.";
    let mut docs = vec![doc("call.txt", text)];
    infer_publication_dates(&mut docs);
    let got = docs[0].published.date.expect("dated");
    assert!(
        (got - day("2025-06-05")).num_days().abs() <= 2,
        "{:?}",
        docs[0].published
    );
    assert!(
        docs[0]
            .published
            .clues
            .iter()
            .any(|c| c.contains("reference chronology")),
        "{:?}",
        docs[0].published.clues
    );
}

#[test]
fn a_date_set_the_day_before_the_news_dates_the_article_the_day_after() {
    // The report's news (the talks) has no date of its own; the earlier post is dated and said to
    // be "the day before". The year comes from the full date of an older walkout.
    let text = "Port talks held\n\
        Union leader Jane Holt spoke with the transport minister by phone, the union said. \
        Holt had written the day before, June 4, that the port would stay shut. \
        The strike began with the March 3, 2031 walkout.";
    let mut docs = vec![doc("talks.txt", text)];
    infer_publication_dates(&mut docs);
    assert_eq!(
        docs[0].published.date,
        Some(day("2031-06-05")),
        "{:?}",
        docs[0].published
    );
    // Without "the day before" the same date leaves the day at the date itself.
    let plain = text.replace("the day before, June 4", "on June 4");
    let mut docs = vec![doc("plain.txt", &plain)];
    infer_publication_dates(&mut docs);
    assert_ne!(docs[0].published.date, Some(day("2031-06-05")));
}
