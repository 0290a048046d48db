//! Briefs from a small hand-made timeline: what is listed, in which order, how it is cited.

use super::*;
use crate::export::EventFilter;
use crate::model::*;
use chrono::{NaiveDate, TimeZone, Utc};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn doc(id: &str, path: &str, outlet: &str, date: Option<NaiveDate>, text: &str) -> Document {
    Document {
        id: id.into(),
        path: path.into(),
        title: Some(format!("Story {id}")),
        outlet: Some(outlet.into()),
        published: Published {
            date,
            source: if date.is_some() {
                DateSource::Metadata
            } else {
                DateSource::Unknown
            },
            clues: Vec::new(),
            ..Published::default()
        },
        text: text.into(),
        ..Document::default()
    }
}

fn event(
    id: &str,
    title: &str,
    date: Option<TimeValue>,
    status: Status,
    actors: &[&str],
    outlets: &[&str],
    docs: &[&str],
) -> Event {
    Event {
        id: id.into(),
        title: title.into(),
        kind: EventKind::Meeting,
        status,
        date,
        date_provenance: None,
        actors: actors.iter().map(|s| s.to_string()).collect(),
        place: Some("Saltmere, port authority".into()),
        mentions: docs
            .iter()
            .map(|d| Mention {
                doc: (*d).into(),
                span: Span::new(0, 0),
                text: String::new(),
                kind: EventKind::Meeting,
                status,
                actors: Vec::new(),
                place: None,
                date: None,
                date_rule: None,
                trigger: "meet".into(),
                cues: Default::default(),
            })
            .collect(),
        quotes: Vec::new(),
        outlets: outlets.iter().map(|s| s.to_string()).collect(),
        evidence: Vec::new(),
        disagreements: Vec::new(),
    }
}

fn quote(
    id: &str,
    d: &Document,
    text: &str,
    speaker: Option<&str>,
    statement: Option<&str>,
    event: Option<&str>,
) -> Quote {
    let start = d.text.find(text).expect("quote in its document");
    Quote {
        id: id.into(),
        doc: d.id.clone(),
        span: Span::new(start, start + text.len()),
        text: text.into(),
        speaker: speaker.map(Into::into),
        attribution: None,
        statement: statement.map(Into::into),
        event: event.map(Into::into),
    }
}

fn timeline() -> Timeline {
    let d1 = doc(
        "d1",
        "news/a.html",
        "Harbour Post",
        Some(day(2024, 3, 12)),
        "Minister Lena Marsh said: “We will return to the table on Monday with a proposal.” \
         Piet Van Aalst said “Nothing is agreed until everything is agreed” and called a deal “possible, but not certain”.",
    );
    let d2 = doc(
        "d2",
        "wire.jsonl#1",
        "North Wire",
        Some(day(2024, 3, 13)),
        "“We will return to the table on Monday,” Marsh said.",
    );
    let d3 = doc(
        "d3",
        "notes.txt",
        "Valley Times",
        None,
        "“Every week of delay costs our members money, and workers too,” said Hedda Lorn.",
    );
    let quotes = vec![
        quote(
            "q1",
            &d1,
            "We will return to the table on Monday with a proposal.",
            Some("Lena Marsh"),
            Some("s1"),
            Some("e2"),
        ),
        quote(
            "q2",
            &d2,
            "We will return to the table on Monday,",
            Some("Lena Marsh"),
            Some("s1"),
            Some("e2"),
        ),
        quote(
            "q3",
            &d1,
            "Nothing is agreed until everything is agreed",
            Some("Piet Van Aalst"),
            None,
            Some("e1"),
        ),
        quote("q4", &d1, "possible, but not certain", None, None, None),
        quote(
            "q5",
            &d3,
            "Every week of delay costs our members money, and workers too,",
            Some("Hedda Lorn"),
            None,
            None,
        ),
    ];
    let april = TimeValue::period(
        "2024-04",
        Precision::Month,
        day(2024, 4, 1),
        day(2024, 4, 30),
    );
    let events = vec![
        event(
            "e1",
            "Negotiators meet at the port authority",
            Some(TimeValue::day(day(2024, 3, 18))),
            Status::Planned,
            &["Lena Marsh", "Piet Van Aalst"],
            &["Harbour Post", "North Wire"],
            &["d1", "d2"],
        ),
        event(
            "e3",
            "Second round of talks",
            Some(april),
            Status::Planned,
            &["Piet Van Aalst"],
            &["Harbour Post"],
            &["d1"],
        ),
        event(
            "e2",
            "Ministers hold a two-hour call",
            Some(TimeValue::day(day(2024, 3, 12))),
            Status::Past,
            &["Lena Marsh"],
            &["Harbour Post"],
            &["d1"],
        ),
        event(
            "e4",
            "Talks collapse over customs",
            None,
            Status::Past,
            &[],
            &["Valley Times"],
            &["d3"],
        ),
    ];
    Timeline {
        documents: vec![d1, d2, d3],
        events,
        quotes,
        actors: Vec::new(),
        reported: Vec::new(),
    }
}

fn markdown(t: &Timeline, filter: &EventFilter) -> String {
    let mut out = Vec::new();
    write_markdown(&select(t, filter, &Default::default()), &mut out).expect("write to memory");
    String::from_utf8(out).expect("UTF-8")
}

fn filter(from: Option<&str>, to: Option<&str>, actor: Option<&str>) -> EventFilter {
    EventFilter::parse(from, to, actor.map(Into::into), None).expect("valid filter")
}

#[test]
fn timeline_has_one_line_per_event_in_date_order_with_outlets() {
    let md = markdown(&timeline(), &EventFilter::default());
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(lines.len(), 4, "{md}");
    assert!(lines[0].starts_with("- **2024-03-12 (Tue)** — Ministers hold a two-hour call"));
    assert!(
        lines[1].starts_with("- **2024-03-18 (Mon)** — Negotiators meet at the port authority")
    );
    assert!(
        lines[1].contains("planned") && lines[1].ends_with("Harbour Post, North Wire"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("- **April 2024** — Second round of talks"));
    assert!(lines[3].starts_with("- **undated** — Talks collapse over customs"));
    let vague = md
        .find("### Without a calendar date")
        .expect("vague section");
    assert!(md.find("Talks collapse").expect("listed") > vague);
}

#[test]
fn key_quotes_are_cited_once_per_statement_and_scare_quotes_left_out() {
    let md = markdown(&timeline(), &EventFilter::default());
    assert_eq!(md.matches("> “").count(), 3, "{md}");
    assert!(md.contains("> “We will return to the table on Monday with a proposal.”"));
    assert!(
        md.contains("> — **Lena Marsh**, *Harbour Post*, 2024-03-12, `news/a.html`"),
        "{md}"
    );
    assert!(md.contains("also quoted by North Wire"));
    assert!(md.contains("on 2024-03-12 (Tue): Ministers hold a two-hour call"));
    assert!(md.contains("> — **Hedda Lorn**, *Valley Times*, undated, `notes.txt`"));
    assert!(!md.contains("possible, but not certain"));
    // Shown in the order things happened: the call (12 March) before the meeting (18 March).
    assert!(md.find("We will return").expect("q1") < md.find("Nothing is agreed").expect("q3"));
}

#[test]
fn date_window_keeps_its_events_and_their_quotes_only() {
    let md = markdown(
        &timeline(),
        &filter(Some("2024-03-13"), Some("2024-03-31"), None),
    );
    let events: Vec<&str> = md.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(events.len(), 1, "{md}");
    assert!(events[0].contains("Negotiators meet"));
    assert!(md.contains("Filter: from 2024-03-13, to 2024-03-31."));
    assert_eq!(md.matches("> “").count(), 1, "{md}");
    assert!(md.contains("Nothing is agreed"));
    // Sources: only the documents the kept event and quote cite.
    assert!(md.contains("`news/a.html`") && md.contains("`wire.jsonl#1`"));
    assert!(!md.contains("`notes.txt`"));
}

#[test]
fn actor_filter_keeps_their_events_and_their_own_quotes() {
    let md = markdown(&timeline(), &filter(None, None, Some("hedda")));
    assert!(md.contains("No events match the filter."), "{md}");
    assert_eq!(md.matches("> “").count(), 1);
    assert!(md.contains("Hedda Lorn"));
}

fn ics(t: &Timeline) -> String {
    let mut out = Vec::new();
    let stamp = Utc
        .with_ymd_and_hms(2024, 5, 1, 12, 0, 0)
        .single()
        .expect("time");
    write_ics(
        &select(t, &EventFilter::default(), &Default::default()),
        stamp,
        &mut out,
    )
    .expect("write to memory");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn calendar_holds_only_day_precise_events_as_valid_rfc5545() {
    let cal = ics(&timeline());
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(cal.ends_with("END:VCALENDAR\r\n"));
    assert!(!cal.replace("\r\n", "").contains('\n'), "bare LF");
    for line in cal.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
    }
    let unfolded = cal.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2, "{unfolded}");
    assert_eq!(unfolded.matches("END:VEVENT").count(), 2);
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20240318\r\nDTEND;VALUE=DATE:20240319\r\n"));
    assert!(unfolded.contains("SUMMARY:Negotiators meet at the port authority\r\n"));
    assert!(unfolded.contains("LOCATION:Saltmere\\, port authority\r\n"));
    assert!(unfolded.contains("STATUS:TENTATIVE"));
    assert!(unfolded.contains("DTSTAMP:20240501T120000Z"));
    assert!(
        !unfolded.contains("Second round"),
        "month-precise event in the calendar"
    );
    // The same corpus gives the same UIDs, so a re-import updates instead of duplicating.
    let uids = |s: &str| {
        s.replace("\r\n ", "")
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(uids(&cal), uids(&ics(&timeline())));
}

#[test]
fn bookmarked_events_are_starred_and_notes_follow_their_event() {
    let t = timeline();
    let mut brief = select(&t, &EventFilter::default(), &Default::default());
    let call = t
        .events
        .iter()
        .find(|e| e.title.starts_with("Ministers hold"))
        .expect("the call");
    brief.marks.events.insert(
        call.id.clone(),
        crate::kept::Mark {
            bookmarked: true,
            note: Some("confirm *who* called".into()),
        },
    );
    let mut out = Vec::new();
    write_markdown(&brief, &mut out).expect("write to memory");
    let md = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = md.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("- ★ **2024-03-12 (Tue)** — Ministers hold"))
        .unwrap_or_else(|| panic!("{md}"));
    assert_eq!(lines[at + 1], "  - Note: confirm \\*who\\* called");
    assert!(md.contains("★ marks the events you bookmarked (1)."));
    assert_eq!(md.matches('★').count(), 2, "{md}");
}

#[test]
fn reported_statements_are_cited_as_paraphrases_never_as_quotations() {
    let mut t = timeline();
    let clause = "the customs checks would end in May";
    t.documents[0]
        .text
        .push_str(" Marsh told reporters on Tuesday that the customs checks would end in May.");
    let start = t.documents[0].text.find(clause).expect("in the text");
    t.reported.push(Reported {
        id: "d1-r1".into(),
        doc: "d1".into(),
        span: Span::new(start, start + clause.len()),
        text: clause.into(),
        speaker: "Lena Marsh".into(),
        attribution: "reported-that".into(),
        verb: "told".into(),
        date: None,
        event: Some("e2".into()),
    });
    let md = markdown(&t, &EventFilter::default());
    let part = md
        .split("\n## Reported statements\n")
        .nth(1)
        .and_then(|p| p.split("\n## Sources\n").next())
        .expect("a part of its own, before the sources");
    assert!(
        part.contains(
            "- ≈ **Lena Marsh** (told, paraphrase): the customs checks would end in May — \
             *Harbour Post*, 2024-03-12, `news/a.html` (on 2024-03-12 (Tue): Ministers hold a \
             two-hour call)"
        ),
        "{md}"
    );
    // Never a quotation: no quotation marks around it, no block quote, not among the key quotes.
    for quoted in [
        "“the customs",
        "\"the customs",
        "> the customs",
        "> “the customs",
    ] {
        assert!(!md.contains(quoted), "{quoted}: {md}");
    }
    let key_quotes = md
        .split("\n## Key quotes\n")
        .nth(1)
        .and_then(|p| p.split("\n## Reported statements\n").next())
        .expect("key quotes");
    assert!(!key_quotes.contains("customs checks"));
    assert_eq!(md.matches("> “").count(), 3, "the key quotes are unchanged");
    // In scope as quotes are: a window without its event leaves it out, and the part with it.
    let md = markdown(&t, &filter(Some("2024-03-13"), Some("2024-03-31"), None));
    assert!(!md.contains("customs checks") && !md.contains("## Reported statements"));
    // Without any, no part.
    assert!(!markdown(&timeline(), &EventFilter::default()).contains("## Reported statements"));
}

#[test]
fn with_an_actor_the_key_quotes_are_that_actors_own() {
    // e1 involves Lena Marsh, but its quote q3 is Piet Van Aalst's: not a quote "by Marsh".
    let md = markdown(&timeline(), &filter(None, None, Some("marsh")));
    let quotes = md
        .split("## Key quotes")
        .nth(1)
        .and_then(|s| s.split("## Sources").next())
        .expect("a key quotes part");
    assert!(quotes.contains("**Lena Marsh**"), "{md}");
    assert!(!quotes.contains("Van Aalst"), "{md}");
    assert!(!quotes.contains("Hedda Lorn"), "{md}");
}

#[test]
fn an_actors_quote_about_an_event_without_that_actor_is_kept() {
    let mut t = timeline();
    // Hedda Lorn's quote attached to an event whose actors do not name her.
    t.quotes[4].event = Some("e2".into());
    let md = markdown(&t, &filter(None, None, Some("lorn")));
    assert!(md.contains("**Hedda Lorn**"), "{md}");
}

#[test]
fn a_bookmarked_quote_is_a_key_quote_even_when_the_ranking_would_leave_it_out() {
    let t = timeline();
    let mut marks = crate::kept::Marks::default();
    // q2 is the shorter wording of s1 (q1 is shown), q4 an unattributed fragment.
    for id in ["q2", "q4"] {
        marks.quotes.insert(
            id.into(),
            crate::kept::Mark {
                bookmarked: true,
                note: None,
            },
        );
    }
    let mut out = Vec::new();
    write_markdown(&select(&t, &EventFilter::default(), &marks), &mut out).expect("write");
    let md = String::from_utf8(out).expect("UTF-8");
    assert!(
        md.contains("> ★ “We will return to the table on Monday,”"),
        "{md}"
    );
    assert!(md.contains("> ★ “possible, but not certain”"), "{md}");
}

#[test]
fn citations_carry_the_url_and_mark_an_inferred_date() {
    let mut t = timeline();
    t.documents[0].url = Some("https://harbour.example/talks".into());
    t.documents[0].published.source = DateSource::Inferred;
    // A URL with escape bytes is never cited: the file is.
    t.documents[1].url = Some("https://wire.example/\u{1b}]8;;x\u{7}".into());
    let md = markdown(&t, &EventFilter::default());
    assert!(
        md.contains(
            "> — **Lena Marsh**, *Harbour Post*, 2024-03-12 (inferred), <https://harbour.example/talks>"
        ),
        "{md}"
    );
    assert!(
        md.contains("— `news/a.html` — <https://harbour.example/talks>"),
        "{md}"
    );
    assert!(!md.contains("wire.example"), "{md}");
    assert!(!md.contains('\u{1b}') && !md.contains('\u{7}'));
}
