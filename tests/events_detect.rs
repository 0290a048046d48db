//! Event detection on sentences written for the test: what is an event, its people, place, date
//! and status, and what is not an event.

use crate::events_support::{PEOPLE, detect, doc, timex, timex_from};
use attache::model::{DateOrigin, EventKind, Precision, Status};

#[test]
fn a_meeting_has_its_people_place_and_date() {
    let d = doc(
        "d1",
        "Jane Holt met Omar Vance in Geneva on Monday to discuss the river treaty.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let all = detect(&d, PEOPLE, &t);
    // "the river treaty" is only a reference: it may join an event found elsewhere.
    let m: Vec<_> = all.iter().filter(|m| !m.cues.reference).collect();
    assert_eq!(m.len(), 1, "{all:#?}");
    let m = m[0];
    assert_eq!(m.text, "Jane Holt met Omar Vance in Geneva on Monday");
    assert_eq!(m.kind, EventKind::Meeting);
    assert_eq!(m.status, Status::Past);
    assert_eq!(m.actors, vec!["Jane Holt", "Omar Vance"]);
    assert_eq!(m.place.as_deref(), Some("Geneva"));
    assert_eq!(
        m.date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
    assert_eq!(m.cues.date_origin, DateOrigin::Clause);
    assert_eq!(&d.text[m.span.range()], m.text);
}

#[test]
fn what_people_said_is_not_an_event_but_telling_reporters_is_a_statement() {
    let d = doc(
        "d1",
        "Holt said the economy was strong. “We met them all in Geneva,” Vance told reporters.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    // Neither the opinion nor the meeting inside the quote is an event; the act of telling
    // reporters is a statement by Vance (Holt's "said" has no date or channel: no statement).
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].kind, EventKind::Statement);
    assert_eq!(m[0].actors, vec!["Omar Vance"]);
    assert_eq!(m[0].cues.noun, "remarks to reporters");
}

#[test]
fn dated_statements_have_their_speaker_date_and_channel() {
    let cases = [
        (
            "Vance said Sunday that the river treaty was close.",
            "Sunday",
            "Omar Vance",
            "statement",
        ),
        (
            "Holt wrote on Telegram on Thursday that talks would resume.",
            "Thursday",
            "Jane Holt",
            "post on Telegram",
        ),
        (
            "On Tuesday, Lind told reporters in Geneva the plan was ready.",
            "Tuesday",
            "Ada Lind",
            "remarks to reporters",
        ),
    ];
    for (text, when, who, noun) in cases {
        let d = doc("d1", text, "2031-03-04");
        let t = vec![timex(&d.text, when, "2031-03-02")];
        let m = detect(&d, PEOPLE, &t);
        let st: Vec<_> = m
            .iter()
            .filter(|m| m.kind == EventKind::Statement)
            .collect();
        assert_eq!(st.len(), 1, "{text:?}: {m:#?}");
        assert_eq!(st[0].actors, vec![who], "{text:?}");
        assert_eq!(st[0].cues.noun, noun, "{text:?}");
        assert_eq!(st[0].cues.date_origin, DateOrigin::Clause, "{text:?}");
        assert_eq!(
            st[0].date.as_ref().map(|v| v.value.as_str()),
            Some("2031-03-02")
        );
    }
    // What is said is not when it was said: a date inside the reported clause does not date it,
    // and a speech verb with neither date nor channel is no statement event.
    for text in [
        "Vance said the treaty would be signed within a week.",
        "The envoy is expected to announce the plan.",
        "Talks with Vance, Holt said, were useful.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        assert!(
            m.iter().all(|m| m.kind != EventKind::Statement),
            "{text:?}: {m:#?}"
        );
    }
}

#[test]
fn future_and_modal_events_are_planned() {
    for text in [
        "Holt will meet Vance in Geneva next week.",
        "Holt would meet Vance in Geneva.",
        "Vance had agreed to a bilateral meeting with Holt.",
        "Holt plans a trilateral meeting with Vance and Lind.",
        "Holt is expected to host Vance in Geneva.",
        "Vance proposed a summit with Holt.",
        "Lind said a potential Holt-Vance meeting was possible.",
        "The meeting between Holt and Vance would begin with a dinner.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        assert!(!m.is_empty(), "no mention in {text:?}");
        assert!(
            m.iter().all(|m| m.status == Status::Planned),
            "{text:?}: {:?}",
            m.iter().map(|m| (&m.trigger, m.status)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn narrated_events_are_past_even_with_an_indefinite_noun() {
    for text in [
        "Holt met Vance in Geneva.",
        "Holt held a one-on-one meeting with Vance in Geneva.",
        "Vance had already spoken with Holt by phone.",
        "Holt conducted a phone call with Vance.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        assert!(!m.is_empty(), "no mention in {text:?}");
        assert!(m.iter().all(|m| m.status == Status::Past), "{text:?}");
    }
}

#[test]
fn a_date_after_publication_makes_an_event_planned() {
    let d = doc(
        "d1",
        "Holt and Vance meet in Geneva on Friday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Friday", "2031-03-07")];
    let m = detect(&d, PEOPLE, &t);
    assert_eq!(m[0].status, Status::Planned);
}

#[test]
fn parties_words_set_the_arity_of_a_plan() {
    let d = doc(
        "d1",
        "Holt plans a trilateral summit with Vance and Lind.",
        "2031-03-04",
    );
    assert_eq!(detect(&d, PEOPLE, &[])[0].cues.arity, Some(3));
    let d = doc(
        "d1",
        "Vance agreed to a bilateral meeting with Holt.",
        "2031-03-04",
    );
    assert_eq!(detect(&d, PEOPLE, &[])[0].cues.arity, Some(2));
}

#[test]
fn a_relation_word_separates_two_events_and_their_dates() {
    let d = doc(
        "d1",
        "The talks followed Holt’s summit with Vance in Geneva on March 1.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "March 1", "2031-03-01")];
    let m = detect(&d, PEOPLE, &t);
    assert_eq!(m.len(), 2, "{m:#?}");
    let talks = m.iter().find(|m| m.trigger == "talks").expect("talks");
    let summit = m.iter().find(|m| m.trigger == "summit").expect("summit");
    assert_eq!(
        summit.date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-01")
    );
    assert_eq!(summit.place.as_deref(), Some("Geneva"));
    assert_ne!(talks.cues.date_origin, DateOrigin::Clause);
    assert!(
        talks.cues.anchor.is_some(),
        "the talks are related to the summit"
    );
}

#[test]
fn an_event_told_in_a_report_takes_the_date_of_the_report() {
    let d = doc(
        "d1",
        "Holt announced Monday that she had called Vance.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let all = detect(&d, PEOPLE, &t);
    // The announcement is a statement of its own; the call it tells of takes its date.
    assert!(all.iter().any(|m| m.kind == EventKind::Statement));
    let m: Vec<_> = all
        .into_iter()
        .filter(|m| m.kind != EventKind::Statement)
        .collect();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, EventKind::Call);
    assert_eq!(m[0].cues.date_origin, DateOrigin::Report);
    assert_eq!(
        m[0].date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
    assert!(m[0].actors.contains(&"Omar Vance".to_string()));
}

#[test]
fn an_event_during_another_takes_its_date() {
    let d = doc(
        "d1",
        "Holt held a phone call with Vance during the talks in Geneva on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let call = m.iter().find(|m| m.kind == EventKind::Call).expect("call");
    assert_eq!(call.cues.date_origin, DateOrigin::Anchor);
    assert_eq!(
        call.date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
}

#[test]
fn calling_someone_a_name_is_not_a_call() {
    let d = doc(
        "d1",
        "Lind called Vance a reliable partner and praised the deal.",
        "2031-03-04",
    );
    assert!(
        detect(&d, PEOPLE, &[])
            .iter()
            .all(|m| m.kind != EventKind::Call)
    );
    let d = doc("d1", "Lind called Vance on Sunday.", "2031-03-04");
    let t = vec![timex(&d.text, "Sunday", "2031-03-02")];
    assert_eq!(detect(&d, PEOPLE, &t)[0].kind, EventKind::Call);
}

#[test]
fn people_who_spoke_by_phone_took_part_in_the_call() {
    for text in [
        "Jane Holt and Omar Vance spoke by phone on Sunday.",
        "Holt talked by telephone with Vance on Sunday.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let t = vec![timex(&d.text, "Sunday", "2031-03-02")];
        let calls: Vec<_> = detect(&d, PEOPLE, &t)
            .into_iter()
            .filter(|m| m.kind == EventKind::Call)
            .collect();
        assert_eq!(calls.len(), 1, "{text}: {calls:#?}");
        assert_eq!(calls[0].actors, vec!["Jane Holt", "Omar Vance"], "{text}");
        assert_eq!(calls[0].status, Status::Past);
    }
}

#[test]
fn a_planned_trip_is_a_visit_with_its_traveller_and_place() {
    let d = doc(
        "d1",
        "Jane Holt will travel to Geneva on Friday to meet Omar Vance.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Friday", "2031-03-07")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter().any(|m| m.status == Status::Planned
            && m.actors.contains(&"Jane Holt".to_string())
            && m.date.as_ref().is_some_and(|v| v.value == "2031-03-07")),
        "{m:#?}"
    );
}

#[test]
fn receiving_a_person_is_a_meeting_receiving_a_thing_is_not() {
    let d = doc(
        "d1",
        "Holt will receive Vance in Geneva on Friday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Friday", "2031-03-07")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter().any(|m| m.kind == EventKind::Meeting
            && m.status == Status::Planned
            && m.actors == vec!["Jane Holt", "Omar Vance"]),
        "{m:#?}"
    );
    let d = doc("d1", "Holt received a letter on Friday.", "2031-03-08");
    let t = vec![timex(&d.text, "Friday", "2031-03-07")];
    assert!(
        detect(&d, PEOPLE, &t)
            .iter()
            .all(|m| m.kind != EventKind::Meeting)
    );
}

#[test]
fn a_town_an_attack_verb_takes_as_object_is_the_place() {
    for text in [
        "Drones struck the city of Geneva overnight, killing two people.",
        "Artillery shelled Geneva on Monday.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let attacks: Vec<_> = detect(&d, PEOPLE, &[])
            .into_iter()
            .filter(|m| m.kind == EventKind::Attack)
            .collect();
        assert!(!attacks.is_empty(), "{text}");
        assert_eq!(attacks[0].place.as_deref(), Some("Geneva"), "{text}");
    }
}

#[test]
fn a_year_naming_a_thing_does_not_date_another_event() {
    let d = doc(
        "d1",
        "Holt met Vance in Geneva to discuss the 2029 harbour treaty.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "2029", "2029")];
    let m = detect(&d, PEOPLE, &t);
    let meeting = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("a meeting");
    assert!(
        meeting
            .date
            .as_ref()
            .is_none_or(|d| !d.value.starts_with("2029")),
        "{meeting:#?}"
    );
}

#[test]
fn deadlines_are_details_not_dates() {
    let d = doc(
        "d1",
        "Holt said the guarantees would be finalised within seven to ten days.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "seven to ten days", "P10D")];
    let m = detect(&d, PEOPLE, &t);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert_eq!(m[0].kind, EventKind::Deadline);
    assert_eq!(m[0].status, Status::Planned);
    assert!(m[0].date.is_none());
    let deadline = m[0]
        .cues
        .details
        .iter()
        .find(|d| d.field == "deadline")
        .expect("deadline detail");
    assert_eq!(deadline.value, "within seven to ten days");
    assert_eq!(deadline.norm, "7-10 days");
}

#[test]
fn a_persons_title_is_a_detail_grouped_by_meaning() {
    let d = doc(
        "d1",
        "German Chancellor Jane Holt met NATO chief Omar Vance in Geneva.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let title = |who: &str| {
        m[0].cues
            .details
            .iter()
            .find(|d| d.field == format!("title of {who}"))
            .map(|d| (d.value.clone(), d.norm.clone()))
    };
    assert_eq!(
        title("Jane Holt"),
        Some(("German Chancellor".into(), "chancellor".into()))
    );
    assert_eq!(
        title("Omar Vance"),
        Some(("NATO chief".into(), "head".into()))
    );
}

#[test]
fn the_subject_of_another_verb_is_no_participant() {
    let d = doc(
        "d1",
        "Lind said she could not imagine a Holt-Vance meeting without a truce.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let meeting = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    assert!(!meeting.actors.contains(&"Ada Lind".to_string()));
    assert!(meeting.actors.contains(&"Jane Holt".to_string()));
    assert_eq!(meeting.status, Status::Planned);
}

#[test]
fn pronouns_stand_for_the_subject_of_the_sentence() {
    let d = doc(
        "d1",
        "Lind praised Vance and said she had met him in Geneva.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(m[0].actors.contains(&"Ada Lind".to_string()), "{m:#?}");
}

#[test]
fn a_list_after_a_colon_adds_its_people() {
    let d = doc(
        "d1",
        "Holt hosted a meeting on Monday. The meeting included:\n• Omar Vance\n• Foreign Minister Ada Lind\nLater news.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let included = m
        .iter()
        .find(|m| m.text.contains("included"))
        .expect("list head");
    assert!(included.actors.contains(&"Omar Vance".to_string()));
    assert!(included.actors.contains(&"Ada Lind".to_string()));
}

#[test]
fn undated_past_events_take_the_news_day_weakly() {
    let d = doc(
        "d1",
        "Holt met Vance in Geneva on Monday.\n\nLater, Lind joined talks with Vance in Geneva.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let later = m.iter().find(|m| m.trigger == "talks").expect("talks");
    assert_eq!(later.cues.date_origin, DateOrigin::Document);
    assert_eq!(
        later.date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
}

#[test]
fn an_earlier_year_dates_a_past_attack() {
    let d = doc(
        "d1",
        "Lind’s forces seized part of the Kursk region last year.",
        "2031-03-04",
    );
    let t = vec![timex_from(&d.text, "last year", 0, "2030")];
    let m = detect(&d, PEOPLE, &t);
    assert_eq!(m[0].kind, EventKind::Attack);
    assert_eq!(
        m[0].date.as_ref().and_then(|v| v.precision),
        Some(Precision::Year)
    );
    assert_eq!(m[0].status, Status::Past);
}

#[test]
fn detection_never_panics_on_odd_text() {
    for text in [
        "",
        "—",
        "met",
        "“",
        "Holt met\u{0}Vance ☃ in Geneva…",
        "ÉÉÉ met ÉÉÉ. ✓✓ — “talks” ( ) ; : .",
        "called",
        "a a a a a a summit summit summit",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        for x in m {
            assert_eq!(&d.text[x.span.range()], x.text);
        }
    }
}

#[test]
fn a_statement_dated_after_a_comma_keeps_its_date() {
    let d = doc(
        "d1",
        "Vance wrote the day before, March 2, on Telegram that the treaty was dead.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "March 2", "2031-03-02")];
    let m = detect(&d, PEOPLE, &t);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(
        st[0].date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-02")
    );
    assert_eq!(st[0].cues.noun, "post on Telegram");
}

#[test]
fn an_infinitive_is_a_plan_unless_it_is_the_purpose_of_a_past_act() {
    let d = doc(
        "d1",
        "Holt expects Vance to delay the vote. If Lind also approves it, the plan holds.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    for trig in ["delay", "approves"] {
        let x = m.iter().find(|m| m.trigger == trig).expect(trig);
        assert_eq!(x.status, Status::Planned, "{trig}: {m:#?}");
    }
    let d = doc(
        "d1",
        "Holt left the summit in Geneva, breaking away from the talks to speak with Vance by phone.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let call = m
        .iter()
        .find(|m| m.kind == EventKind::Call)
        .expect("the call");
    assert_eq!(call.status, Status::Past, "{m:#?}");
}

#[test]
fn a_participle_speaks_for_the_sentence_subject_and_a_hearer_is_no_speaker() {
    let d = doc(
        "d1",
        "Vance ruled out any concession on the river, telling reporters the talks were over.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(st[0].actors, vec!["Omar Vance"]);
    // "telling Holt": Holt heard it, she did not say it.
    let d = doc(
        "d1",
        "The envoy left early, telling Holt on Monday that the talks were over.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter()
            .filter(|m| m.kind == EventKind::Statement)
            .all(|m| !m.actors.contains(&"Jane Holt".to_string())),
        "{m:#?}"
    );
}

#[test]
fn the_news_day_is_the_lede_events_day_not_a_recalled_day_before() {
    // The lede's call states no day: it is the publication day's news, although a later
    // sentence recalls a post of the day before.
    let d = doc(
        "d1",
        "Jane Holt spoke by phone with Omar Vance for the first time, officials said.\n\nLater, the two sides held talks on trade.\n\nVance wrote the day before, March 3, on Telegram that the treaty was dead.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "March 3", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let talks = m.iter().find(|m| m.trigger == "held talks").expect("talks");
    assert_eq!(talks.cues.date_origin, DateOrigin::Document, "{m:#?}");
    assert_eq!(
        talks.date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-04")
    );
}

#[test]
fn a_statement_in_the_lede_is_the_news_even_undated() {
    let d = doc(
        "d1",
        "Jane Holt said the river treaty was within reach.\n\nLater in the day, Vance said the treaty was dead.\n\nLind said nothing had changed.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    // Holt's words open the report; Lind's, further down, are not dated and not the news.
    assert!(st.iter().any(|m| m.actors == vec!["Jane Holt"]), "{m:#?}");
    assert!(!st.iter().any(|m| m.actors == vec!["Ada Lind"]), "{m:#?}");
}

#[test]
fn calls_named_with_a_light_verb_or_an_ordinal_are_calls() {
    for text in [
        "Holt and Vance held an hour-long conversation on Monday.",
        "Holt and Vance had a call on Monday about the treaty.",
        "Holt described their second call on Monday as useful.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let t = vec![timex(&d.text, "Monday", "2031-03-03")];
        let m = detect(&d, PEOPLE, &t);
        assert!(
            m.iter().any(|m| m.kind == EventKind::Call
                && m.date.as_ref().map(|v| v.value.as_str()) == Some("2031-03-03")),
            "{text}: {m:#?}"
        );
    }
}

#[test]
fn more_speech_verbs_make_dated_statements() {
    for verb in ["reiterated", "cautioned", "tweeted", "remarked"] {
        let text = format!("Vance {verb} on Sunday that the treaty was dead.");
        let d = doc("d1", &text, "2031-03-04");
        let t = vec![timex(&d.text, "Sunday", "2031-03-02")];
        let m = detect(&d, PEOPLE, &t);
        assert!(
            m.iter()
                .any(|m| m.kind == EventKind::Statement && m.actors == vec!["Omar Vance"]),
            "{verb}: {m:#?}"
        );
    }
}

#[test]
fn an_unnamed_attack_takes_its_target_as_place() {
    let d = doc(
        "d1",
        "A drone strike on Kyiv wounded three people on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let attack = m
        .iter()
        .find(|m| m.kind == EventKind::Attack)
        .expect("attack");
    assert_eq!(attack.place.as_deref(), Some("Kyiv"), "{m:#?}");
    assert_eq!(attack.status, Status::Past);
}

#[test]
fn speech_verbs_glued_by_curly_apostrophes_never_panic() {
    for text in [
        "Holt met’said on Monday that the treaty was dead.",
        "“Peace,” met’said Vance.",
        "Vance’said’met Holt’s envoy’told reporters.",
        "’said",
        "Lind met’wrote on Telegram on Monday.",
        "Minister Jane Holt’said“",
        "Holt last week’said“",
    ] {
        let d = doc("d1", text, "2031-03-04");
        for m in detect(&d, PEOPLE, &[]) {
            assert_eq!(&d.text[m.span.range()], m.text);
        }
    }
}

#[test]
fn a_pair_that_spoke_with_no_audience_had_a_call() {
    let d = doc(
        "d1",
        "Holt and Vance met in Geneva on Monday. The two leaders also spoke in January.",
        "2031-03-04",
    );
    let t = vec![
        timex(&d.text, "Monday", "2031-03-03"),
        timex(&d.text, "January", "2031-01"),
    ];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter().any(|m| m.kind == EventKind::Call
            && m.date.as_ref().map(|v| v.value.as_str()) == Some("2031-01")),
        "{m:#?}"
    );
    // Speaking to an audience is no call.
    let d = doc(
        "d1",
        "The two leaders spoke at a rally in Geneva on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.kind != EventKind::Call), "{m:#?}");
}

#[test]
fn an_event_noun_told_by_its_own_verb_is_an_event_not_a_reference() {
    let cases = [
        (
            "Witnesses in the valley said that a drone strike killed a farmer near the mill.",
            EventKind::Attack,
        ),
        (
            "Officials in the valley confirmed that an agreement had been reached after midnight.",
            EventKind::Agreement,
        ),
    ];
    for (text, kind) in cases {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        let told: Vec<_> = m
            .iter()
            .filter(|m| m.kind == kind && !m.cues.reference)
            .collect();
        assert_eq!(told.len(), 1, "{text}: {m:#?}");
        assert!(told[0].cues.is_verb, "{text}: {m:#?}");
    }
    // Denied, it tells of no agreement.
    let d = doc(
        "d1",
        "Officials in the valley said an agreement has not been reached.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter()
            .all(|m| m.kind != EventKind::Agreement || m.cues.reference),
        "{m:#?}"
    );
}

#[test]
fn an_attack_with_its_toll_stands_without_named_attackers() {
    let d = doc(
        "d1",
        "At least 19 people were killed overnight, the rescue service said.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let attacks: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Attack && !m.cues.reference)
        .collect();
    assert_eq!(attacks.len(), 1, "{m:#?}");
}

#[test]
fn a_relation_clause_relates_the_event_its_word_governs() {
    // "before the summit": the call came before the summit, two events.
    let d = doc(
        "d1",
        "Holt phoned Vance before the summit in Geneva.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let call = m.iter().find(|m| m.kind == EventKind::Call).expect("call");
    assert_eq!(
        call.cues.anchor.as_ref().map(|(_, r)| r.as_str()),
        Some("before"),
        "{m:#?}"
    );
    // "before returning to brief … on their conversation": the conversation is the call itself.
    let d = doc(
        "d1",
        "Holt phoned Vance before returning to brief her cabinet on their conversation.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(m.iter().all(|m| m.cues.anchor.is_none()), "{m:#?}");
}

#[test]
fn a_partial_quote_that_continues_the_clause_still_tells_its_event() {
    // The quote takes up the narrator's clause: the agreement is told by the article.
    let d = doc(
        "d1",
        "Holt had “agreed to a truce” with Vance on the river, officials in the valley said.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Agreement && !m.cues.reference),
        "{m:#?}"
    );
    // Words someone is reported to have said are no event of the article's.
    for text in [
        "Holt said: “We agreed to a truce with Vance.”",
        "Holt said “agreed to a truce with Vance” was the wrong phrase.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        assert!(m.iter().all(|m| m.kind != EventKind::Agreement), "{m:#?}");
    }
}

#[test]
fn passive_announcements_channels_in_the_possessive_and_convening_are_found() {
    let d = doc(
        "d1",
        "The river plan was announced on Monday in the capital.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement && !m.cues.reference)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(
        st[0].date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
    // Not yet announced: no statement.
    let d = doc(
        "d1",
        "The river plan was not announced on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.kind != EventKind::Statement), "{m:#?}");

    let d = doc(
        "d1",
        "Holt, speaking later on Fox News’s evening show, called the plan a failure.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(st[0].cues.noun, "interview");

    let d = doc(
        "d1",
        "Holt and Vance will convene in Geneva before the vote.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let meet = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    assert_eq!(meet.status, Status::Planned);
    assert_eq!(meet.actors, vec!["Jane Holt", "Omar Vance"]);
}

#[test]
fn a_country_adjective_before_an_attack_or_its_force_names_the_attacker() {
    for text in [
        "Canadian artillery shelled the radar site in the hills.",
        "Witnesses said Canadian airstrikes hit the radar site in the hills.",
    ] {
        let d = doc("d1", text, "2031-03-04");
        let m = detect(&d, PEOPLE, &[]);
        let a = m
            .iter()
            .find(|m| m.kind == EventKind::Attack)
            .expect("attack");
        assert_eq!(a.actors, vec!["Canada"], "{text}: {m:#?}");
    }
    // The adjective of the target is no attacker.
    let d = doc(
        "d1",
        "Drones struck Canadian positions in the hills.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter().all(|m| !m.actors.iter().any(|a| a == "Canada")),
        "{m:#?}"
    );
}

#[test]
fn a_statement_tied_to_an_event_of_the_article_is_an_event() {
    // "Speaking after the summit, …": the summit dates the act of speaking; the speaker is the
    // subject after the comma.
    let d = doc(
        "d1",
        "Speaking after the Geneva summit, Holt called the accord a turning point.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(st[0].actors, vec!["Jane Holt"]);
    // Undated, with no channel and no occasion, an opinion is no statement event.
    let d = doc(
        "d1",
        "In the hall, Holt called the accord a turning point, Vance noted.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(m.iter().all(|m| m.kind != EventKind::Statement), "{m:#?}");
}

#[test]
fn dated_praise_and_blame_are_statements_and_a_delegation_names_its_country() {
    let d = doc(
        "d1",
        "Holt on Monday thanked Vance for reopening the river crossing.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(st[0].actors, vec!["Jane Holt"]);

    let d = doc(
        "d1",
        "The Canadian delegation held a news conference in the hall.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement && !m.cues.reference)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(st[0].actors, vec!["Canada"]);
}

#[test]
fn the_body_of_a_title_and_the_venue_a_guest_is_welcomed_to_take_no_part() {
    const NAMED: &[(&str, &str)] = &[
        ("Jane Holt", "Jane Holt"),
        ("Holt", "Jane Holt"),
        ("Omar Vance", "Omar Vance"),
        ("Vance", "Omar Vance"),
        ("Canadian", "Canada"),
        ("United Nations", "United Nations"),
        ("White House", "White House"),
    ];
    let d = doc(
        "d1",
        "Canadian Prime Minister Jane Holt met Omar Vance in Geneva on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, NAMED, &t);
    let meet = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    assert_eq!(meet.actors, vec!["Jane Holt", "Omar Vance"], "{m:#?}");

    let d = doc(
        "d1",
        "Holt met the ambassador to the United Nations in Geneva on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, NAMED, &t);
    let meet = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    assert_eq!(meet.actors, vec!["Jane Holt"], "{m:#?}");

    let d = doc(
        "d1",
        "Holt welcomed Vance to the White House on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, NAMED, &t);
    let meet = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    assert_eq!(meet.actors, vec!["Jane Holt", "Omar Vance"], "{m:#?}");
}

#[test]
fn handshakes_briefings_apologies_and_coming_to_a_place_are_found() {
    let kind_of = |text: &str| {
        let d = doc("d1", text, "2031-03-04");
        let t = vec![timex(&d.text, "Monday", "2031-03-03")];
        detect(&d, PEOPLE, &t)
    };
    let m = kind_of("Holt and Vance shook hands in Geneva on Monday.");
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Meeting && m.actors.len() == 2),
        "{m:#?}"
    );
    let m = kind_of("Officials of the port said more would follow at a briefing Monday.");
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Statement && !m.cues.reference),
        "{m:#?}"
    );
    let m = kind_of("Holt’s apology to Vance came on Monday.");
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Statement && m.actors.contains(&"Jane Holt".into())),
        "{m:#?}"
    );
    let m = kind_of("Holt said Vance would come to Geneva on Monday.");
    let visit = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("visit");
    assert_eq!(visit.place.as_deref(), Some("Geneva"), "{m:#?}");
    // Coming to power is no visit.
    let m = kind_of("Holt came to power on Monday.");
    assert!(m.iter().all(|m| m.kind != EventKind::Meeting), "{m:#?}");
}

#[test]
fn a_readout_of_a_ministry_named_by_its_country_is_a_statement() {
    let d = doc(
        "d1",
        "Holt raised the river tolls, according to a readout issued by the Canadian foreign ministry on Monday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let st: Vec<_> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement && !m.cues.reference)
        .collect();
    assert_eq!(st.len(), 1, "{m:#?}");
    assert_eq!(
        st[0].date.as_ref().map(|v| v.value.as_str()),
        Some("2031-03-03")
    );
}

#[test]
fn a_public_act_in_a_relative_clause_keeps_its_own_date() {
    let d = doc(
        "d1",
        "Holt, who announced new river tolls last month, told reporters on Monday that talks would resume.",
        "2031-03-04",
    );
    let t = vec![
        timex(&d.text, "last month", "2031-02"),
        timex(&d.text, "Monday", "2031-03-03"),
    ];
    let m = detect(&d, PEOPLE, &t);
    let mut dates: Vec<&str> = m
        .iter()
        .filter(|m| m.kind == EventKind::Statement && m.actors == vec!["Jane Holt"])
        .filter_map(|m| m.date.as_ref().map(|v| v.value.as_str()))
        .collect();
    dates.sort_unstable();
    assert_eq!(dates, vec!["2031-02", "2031-03-03"], "{m:#?}");
}

#[test]
fn a_fronted_occasion_makes_an_earlier_statement_and_a_party_count_names_a_gathering() {
    let d = doc(
        "d1",
        "Before the Geneva summit, Holt warned that tolls would rise.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st = m
        .iter()
        .find(|m| m.kind == EventKind::Statement)
        .expect("statement");
    assert_eq!(st.actors, vec!["Jane Holt"]);
    assert_eq!(st.cues.relation.as_deref(), Some("before"), "{m:#?}");

    let d = doc(
        "d1",
        "Holt said talks would open with a trilateral session including Vance.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter().any(|m| m.kind == EventKind::Meeting
            && !m.cues.reference
            && m.status == Status::Planned
            && m.cues.arity == Some(3)),
        "{m:#?}"
    );

    // "ability to": not done yet.
    let d = doc(
        "d1",
        "Much depends on Holt's ability to secure the summit with Vance in Oslo.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let s = m
        .iter()
        .find(|m| m.kind == EventKind::Summit)
        .expect("summit");
    assert_eq!(s.status, Status::Planned, "{m:#?}");
}

#[test]
fn a_report_reaches_its_that_clause_past_a_long_channel() {
    let d = doc(
        "d1",
        "Holt wrote on her official social media page on Monday that she had met Vance.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let meet = m
        .iter()
        .find(|m| m.kind == EventKind::Meeting)
        .expect("meeting");
    // The meeting is told in the reported clause: it takes the report's date, not its own.
    assert_eq!(meet.text, "she had met Vance", "{m:#?}");
    assert_eq!(meet.cues.date_origin, DateOrigin::Report);
}

#[test]
fn the_object_of_a_preposition_the_passive_and_travel_as_a_noun_make_no_event() {
    // Canada is what one backs out of, not an attacker.
    let d = doc(
        "d1",
        "The choice was between backing out of Canada or launching new attacks.",
        "2031-03-04",
    );
    let m = detect(&d, &[("Canada", "Canada")], &[]);
    assert!(
        m.iter().all(|m| !m.actors.iter().any(|a| a == "Canada")),
        "{m:#?}"
    );
    // Vance was praised: no statement of Vance's.
    let d = doc(
        "d1",
        "Vance was praised on Monday for the river accord.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.kind != EventKind::Statement), "{m:#?}");
    // "accused" before a bare noun is an adjective.
    let d = doc(
        "d1",
        "Officials put Jane Holt and accused smuggler Vance on the list. The list is long. \
         It grows every year. Few are ever caught.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(m.iter().all(|m| m.kind != EventKind::Statement), "{m:#?}");
    // An advisory against all travel to a country is no visit.
    let d = doc(
        "d1",
        "Holt warned on Monday against all travel to Geneva.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.kind != EventKind::Meeting), "{m:#?}");
}

#[test]
fn the_announcer_of_an_event_named_as_the_object_takes_part_in_it() {
    let d = doc(
        "d1",
        "Calling it a fine day, Jane Holt on Tuesday announced a broad set of fishing \
         understandings with Omar Vance, including new quotas.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Tuesday", "2031-03-04")];
    let m = detect(&d, PEOPLE, &t);
    let deal = m
        .iter()
        .find(|m| m.kind == EventKind::Agreement)
        .expect("the understandings");
    assert_eq!(deal.actors, vec!["Jane Holt", "Omar Vance"], "{m:#?}");
    // "announced that …" reports words: the speaker is no party of what they tell.
    let d = doc(
        "d1",
        "Holt on Tuesday announced that the understandings with Vance were near.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Tuesday", "2031-03-04")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter()
            .filter(|m| m.kind == EventKind::Agreement)
            .all(|m| !m.actors.iter().any(|a| a == "Jane Holt")),
        "{m:#?}"
    );
}

#[test]
fn a_subheading_in_capitals_keeps_its_topic_words() {
    let d = doc(
        "d1",
        "Holt met Vance in Geneva on Monday.\n\nRIVER TREATY DEAL ENDS DECADE OF FEUDING\n\n\
         The river treaty deal was welcomed by farmers.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let head = m
        .iter()
        .find(|m| m.text.starts_with("RIVER"))
        .expect("the subheading's deal");
    assert!(
        head.cues.topic.iter().any(|w| w == "river")
            && head.cues.topic.iter().any(|w| w == "decade"),
        "{head:#?}"
    );
    // A name stays a name.
    let d = doc("d1", "HOLT SEALS RIVER DEAL WITH VANCE", "2031-03-04");
    let m = detect(&d, &[("HOLT", "Jane Holt"), ("VANCE", "Omar Vance")], &[]);
    assert!(
        m.iter()
            .all(|m| !m.cues.topic.iter().any(|w| w == "holt" || w == "vance")),
        "{m:#?}"
    );
}

#[test]
fn talks_told_as_happened_by_a_verb_of_their_course_stand_on_their_own() {
    let d = doc(
        "d1",
        "The fishery negotiators wrapped up two days of talks on Sunday.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Sunday", "2031-03-02")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter().any(
            |m| matches!(m.kind, EventKind::Meeting | EventKind::Negotiation)
                && !m.cues.reference
                && m.status == Status::Past
        ),
        "{m:#?}"
    );
    // A month points back at an event told elsewhere: still a bare reference.
    let d = doc(
        "d1",
        "Raiders broke a river truce that began in January.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "January", "2031-01")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter()
            .filter(|m| m.kind == EventKind::Agreement)
            .all(|m| m.cues.reference),
        "{m:#?}"
    );
    // With no verb of its course, bare talks on a day stay a reference.
    let d = doc("d1", "Farmers watched the talks on Sunday.", "2031-03-04");
    let t = vec![timex(&d.text, "Sunday", "2031-03-02")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.cues.reference), "{m:#?}");
}

#[test]
fn a_group_of_leaders_as_speaker_stands_for_the_pair_named_before() {
    let d = doc(
        "d1",
        "Jane Holt hosted Omar Vance in Geneva on Monday. The two leaders announced a fishing \
         plan on Tuesday.",
        "2031-03-04",
    );
    let t = vec![
        timex(&d.text, "Monday", "2031-03-03"),
        timex(&d.text, "Tuesday", "2031-03-04"),
    ];
    let m = detect(&d, PEOPLE, &t);
    let st = m
        .iter()
        .find(|m| m.kind == EventKind::Statement)
        .expect("the leaders' announcement");
    assert_eq!(st.actors, vec!["Jane Holt", "Omar Vance"], "{m:#?}");
    assert!(st.text.starts_with("The two leaders announced"), "{st:#?}");
    // With no pair named before, the group still made the statement.
    let d = doc(
        "d1",
        "The leaders announced the river plan on Tuesday at the palace.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Tuesday", "2031-03-04")];
    let m = detect(&d, PEOPLE, &t);
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Statement && m.actors.is_empty()),
        "{m:#?}"
    );
    // Leaders in general are no speaker.
    let d = doc(
        "d1",
        "Many European leaders announced on Tuesday that they would attend.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Tuesday", "2031-03-04")];
    let m = detect(&d, PEOPLE, &t);
    assert!(m.iter().all(|m| m.kind != EventKind::Statement), "{m:#?}");
}

#[test]
fn leaders_discussing_something_refer_to_a_gathering() {
    let d = doc(
        "d1",
        "Holt and Vance discuss a framework for the river accord.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter()
            .any(|m| m.kind == EventKind::Meeting && m.trigger == "discuss"),
        "{m:#?}"
    );
    // What is widely discussed, or was discussed, is a topic, not a gathering.
    let d = doc(
        "d1",
        "The river accord is widely discussed. The plan was discussed in cafés.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(m.iter().all(|m| !m.trigger.contains("discuss")), "{m:#?}");
}

#[test]
fn a_party_named_by_its_adjective_holds_the_event_its_light_verb_names() {
    let d = doc(
        "d1",
        "The Chinese delegation held a subsequent news conference on the river accord.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    let st = m
        .iter()
        .find(|m| m.kind == EventKind::Statement)
        .expect("the news conference");
    assert_eq!(st.actors, vec!["China"], "{st:#?}");
    assert!(!st.cues.reference, "{st:#?}");
}

#[test]
fn a_pair_of_leaders_as_subject_stands_for_the_pair_of_the_event_before() {
    let d = doc(
        "d1",
        "Jane Holt plans to host Omar Vance in Geneva next week. Farmers are hopeful. \
         The two leaders are expected to discuss Lisbon and fishing quotas.",
        "2031-03-04",
    );
    let m = detect(&d, &[PEOPLE, &[("Lisbon", "Lisbon")]].concat(), &[]);
    let talk = m
        .iter()
        .find(|m| m.trigger == "discuss")
        .expect("the discussion");
    assert_eq!(talk.actors[..2], ["Jane Holt", "Omar Vance"], "{talk:#?}");
    // Leaders in general stand for no one.
    let d = doc(
        "d1",
        "Jane Holt hosted Omar Vance in Geneva on Monday. Many leaders are expected to discuss \
         fishing quotas.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter()
            .filter(|m| m.trigger == "discuss")
            .all(|m| m.actors.is_empty()),
        "{m:#?}"
    );
}

#[test]
fn a_trigger_form_that_holds_its_determiner_is_definite() {
    let d = doc(
        "d1",
        "Holt spoke by phone with Vance on Monday. Lind has not yet commented on the call.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let call = m
        .iter()
        .find(|m| m.trigger == "the call")
        .expect("the call");
    assert!(call.cues.definite, "{call:#?}");
    // "a call" is not.
    let d = doc("d1", "Lind asked for a call.", "2031-03-04");
    let m = detect(&d, PEOPLE, &[]);
    assert!(m.iter().all(|m| !m.cues.definite), "{m:#?}");
}

#[test]
fn meeting_as_a_gerund_before_a_name_takes_the_subject_of_its_clause() {
    let d = doc(
        "d1",
        "Jane Holt posted a photo on Monday, minutes before meeting Omar Vance.",
        "2031-03-04",
    );
    let t = vec![timex(&d.text, "Monday", "2031-03-03")];
    let m = detect(&d, PEOPLE, &t);
    let meet = m
        .iter()
        .find(|m| m.trigger == "meeting")
        .expect("the meeting");
    assert_eq!(meet.actors, vec!["Jane Holt", "Omar Vance"], "{meet:#?}");
    assert!(meet.cues.is_verb, "{meet:#?}");
    // A meeting noun after a determiner stays a noun.
    let d = doc(
        "d1",
        "Jane Holt posted a photo before the meeting Omar Vance chaired.",
        "2031-03-04",
    );
    let m = detect(&d, PEOPLE, &[]);
    assert!(
        m.iter().all(|m| !m.cues.is_verb || m.trigger != "meeting"),
        "{m:#?}"
    );
}
