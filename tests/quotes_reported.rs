//! Reported speech on a table of invented sentences: statements made without quotation marks
//! ("Holt said on Friday that …") must be found with their speaker and the exact clause, and
//! sayings that are not statements ("is said to be", "so-called", hypotheticals, negations) must
//! not. The table's precision and recall are printed and held to a floor.

use attache::extract::actors::Gazetteer;
use attache::extract::quotes::reported::{Reported, reported_statements_with};
use attache::model::{Document, Published};
use std::sync::OnceLock;

const CAST: &str = r#"
[roles]
"president" = ["president"]
"foreign minister" = ["foreign minister"]

[[country]]
name = "Freedonia"
adjectives = ["Freedonian"]
[[country]]
name = "Sylvania"
adjectives = ["Sylvanian"]

[[org]]
name = "Harbor League"

[[person]]
name = "Rufus Firefly"
gender = "m"
country = "Freedonia"
roles = ["President | Freedonia | 2020-"]
[[person]]
name = "Gloria Teasdale"
gender = "f"
country = "Freedonia"
roles = ["Foreign Minister | Freedonia | 2021-"]
[[person]]
name = "Luigi Trentino"
gender = "m"
country = "Sylvania"
roles = ["President | Sylvania | 2019-"]
"#;

fn cast() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::from_toml(CAST, include_str!("../assets/names.toml")).expect("test cast")
    })
}

fn reported(text: &str) -> Vec<Reported> {
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        published: Published {
            date: chrono::NaiveDate::from_ymd_opt(2025, 3, 12),
            ..Published::default()
        },
        ..Document::default()
    };
    let out = reported_statements_with(&doc, cast());
    for r in &out {
        assert_eq!(&text[r.span.range()], r.text, "span and text agree");
    }
    out
}

/// (sentence, expected (speaker, clause) or None for a sentence with no reported statement).
const TABLE: &[(&str, Option<(&str, &str)>)] = &[
    // positives
    (
        "Firefly said on Friday that the border would reopen in May.",
        Some(("Rufus Firefly", "the border would reopen in May")),
    ),
    (
        "Teasdale said the talks had stalled over fishing rights.",
        Some((
            "Gloria Teasdale",
            "the talks had stalled over fishing rights",
        )),
    ),
    (
        "Trentino told reporters the offer was not serious.",
        Some(("Luigi Trentino", "the offer was not serious")),
    ),
    (
        "Trentino told reporters in the capital that the offer was not serious.",
        Some(("Luigi Trentino", "the offer was not serious")),
    ),
    (
        "Firefly warned that Sylvania would pay a heavy price for the blockade.",
        Some((
            "Rufus Firefly",
            "Sylvania would pay a heavy price for the blockade",
        )),
    ),
    (
        "Teasdale insisted that no deal had been signed.",
        Some(("Gloria Teasdale", "no deal had been signed")),
    ),
    (
        "Trentino denied that his troops had crossed the river.",
        Some(("Luigi Trentino", "his troops had crossed the river")),
    ),
    (
        "According to Teasdale, the ferry service will resume next week.",
        Some(("Gloria Teasdale", "the ferry service will resume next week")),
    ),
    (
        "The ferry service will resume next week, according to Teasdale.",
        Some(("Gloria Teasdale", "The ferry service will resume next week")),
    ),
    (
        "The harbour will stay closed until the spring, Firefly said on Monday.",
        Some((
            "Rufus Firefly",
            "The harbour will stay closed until the spring",
        )),
    ),
    (
        "Harbor League said in a statement that its members would strike on Tuesday.",
        Some(("Harbor League", "its members would strike on Tuesday")),
    ),
    (
        "Sylvania announced that it would withdraw its envoy.",
        Some(("Sylvania", "it would withdraw its envoy")),
    ),
    (
        "Firefly met the envoy at noon. He said later that the meeting had been useful.",
        Some(("Rufus Firefly", "the meeting had been useful")),
    ),
    (
        "The Freedonian president said the sanctions would stay in place.",
        Some(("Rufus Firefly", "the sanctions would stay in place")),
    ),
    (
        "Teasdale acknowledged that the timetable had slipped by a month.",
        Some(("Gloria Teasdale", "the timetable had slipped by a month")),
    ),
    (
        "Trentino claimed the ceasefire had been broken twice overnight.",
        Some((
            "Luigi Trentino",
            "the ceasefire had been broken twice overnight",
        )),
    ),
    (
        "Firefly, who returned from Ostia on Sunday, said the talks would continue.",
        Some(("Rufus Firefly", "the talks would continue")),
    ),
    (
        "Teasdale stressed that Freedonia remained open to dialogue.",
        Some(("Gloria Teasdale", "Freedonia remained open to dialogue")),
    ),
    (
        "Trentino told Teasdale the border would stay shut until June.",
        Some(("Luigi Trentino", "the border would stay shut until June")),
    ),
    (
        "Teasdale told the assembly that the budget was balanced.",
        Some(("Gloria Teasdale", "the budget was balanced")),
    ),
    (
        "Firefly said Sylvania's offer was a mistake.",
        Some(("Rufus Firefly", "Sylvania's offer was a mistake")),
    ),
    (
        "Harbor League added that some ports might close, citing the storm.",
        Some(("Harbor League", "some ports might close, citing the storm")),
    ),
    (
        "Trentino told Parliament on Tuesday that the army would withdraw.",
        Some(("Luigi Trentino", "the army would withdraw")),
    ),
    (
        "Teasdale suggested that a deal had been reached but gave no details.",
        Some(("Gloria Teasdale", "a deal had been reached")),
    ),
    (
        "Firefly said the port would reopen, adding that ferries would run again.",
        Some(("Rufus Firefly", "the port would reopen")),
    ),
    (
        "Trentino said that a deal had been reached but declined to give details.",
        Some(("Luigi Trentino", "a deal had been reached")),
    ),
    (
        "Teasdale said the port was full and added that ships would wait.",
        Some(("Gloria Teasdale", "the port was full")),
    ),
    // negatives
    (
        "Trentino said the plan was ``a good start'' for the valley.",
        None,
    ),
    ("Firefly warned of dire consequences for the region.", None),
    ("The said agreement was declared void by the court.", None),
    ("Teasdale has said little about the deal so far.", None),
    ("Trentino said so on Friday.", None),
    ("Firefly confirmed the visit to Ostia.", None),
    ("Teasdale stressed the importance of the ferry line.", None),
    ("Trentino will say tomorrow whether the troops stay.", None),
    ("Firefly is said to be furious about the leak.", None),
    ("Trentino was told that the vote had been postponed.", None),
    ("The so-called peace council met again in Ostia.", None),
    (
        "If Firefly said that the border was closed, markets would fall.",
        None,
    ),
    ("Teasdale did not say whether the ferry would run.", None),
    (
        "Trentino declined to say when the troops would leave.",
        None,
    ),
    ("Firefly would never say that the war was over.", None),
    ("A spokesman said the talks were over.", None),
    ("Teasdale said: “The border is closed.”", None),
    ("Trentino called the plan a trap for the unwary.", None),
    (
        "The report, said to be thirty pages long, was never published.",
        None,
    ),
    ("Firefly could announce that the tariffs will end.", None),
];

#[test]
fn reported_speech_table_precision_and_recall() {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for (sentence, want) in TABLE {
        let got = reported(sentence);
        let got = got.first().map(|r| (r.speaker.as_str(), r.text.as_str()));
        match (want, got) {
            (Some(w), Some(g)) if *w == g => tp += 1,
            (Some(_), Some(g)) => {
                fp += 1;
                fn_ += 1;
                wrong.push(format!("{sentence}: got {g:?}"));
            }
            (Some(_), None) => {
                fn_ += 1;
                wrong.push(format!("{sentence}: missed"));
            }
            (None, Some(g)) => {
                fp += 1;
                wrong.push(format!("{sentence}: got {g:?}"));
            }
            (None, None) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "reported speech table: precision {precision:.3} recall {recall:.3} ({tp} found, {fp} wrong, {fn_} missed)"
    );
    for w in &wrong {
        println!("  {w}");
    }
    assert!(precision >= 0.95, "precision {precision:.3}: {wrong:#?}");
    assert!(recall >= 0.85, "recall {recall:.3}: {wrong:#?}");
}

#[test]
fn the_statement_date_is_the_saying_s_date() {
    let r = reported("Firefly said on Monday that the border would reopen in May.");
    let date = r[0].date.as_ref().map(|d| d.value.clone());
    assert_eq!(date.as_deref(), Some("2025-03-10"));
    assert_eq!(r[0].verb, "said");
    assert_eq!(r[0].attribution, "reported-that");
}

#[test]
fn a_sentence_with_a_direct_quote_is_left_to_the_quote() {
    assert!(reported("Firefly said the plan was “dead on arrival” in Ostia.").is_empty());
}

/// Issue 19, item 3: a statement made at a dated event (a briefing, a call readout) is linked
/// to it, reported or direct, by the rules quotes are linked by.
#[test]
fn statements_made_at_a_dated_event_are_linked_to_it() {
    let mut doc = attache::corpus::document_from_text(
        "ostia.txt",
        "Port of Ostia to reopen\n\nMinister Jane Holt held a press conference in Ostia on \
         Friday. Holt told reporters on Friday that the port would reopen \
         within a week. “We have an agreement with the unions,” Holt said at the press \
         conference.\n",
        None,
    );
    doc.id = "d1".into();
    doc.published = Published {
        date: chrono::NaiveDate::from_ymd_opt(2031, 3, 15),
        source: attache::model::DateSource::Metadata,
        ..Published::default()
    };
    let t = attache::pipeline::build_timeline(vec![doc]);
    let r = t
        .reported
        .iter()
        .find(|r| r.text.starts_with("the port would reopen"))
        .unwrap_or_else(|| panic!("{:#?}", t.reported));
    assert_eq!(r.speaker, "Jane Holt");
    let event = r
        .event
        .as_deref()
        .and_then(|id| t.events.iter().find(|e| e.id == id));
    let event = event.unwrap_or_else(|| panic!("linked: {r:#?}\n{:#?}", t.events));
    assert_eq!(
        event.date.as_ref().map(|d| d.value.as_str()),
        Some("2031-03-14"),
        "{event:#?}"
    );
    let q = t.quotes.iter().find(|q| q.text.contains("agreement"));
    let q = q.unwrap_or_else(|| panic!("{:#?}", t.quotes));
    assert_eq!(
        q.event.as_deref(),
        Some(event.id.as_str()),
        "{:#?}",
        t.events
    );
    // A paraphrase is never listed among the event's quotes.
    assert!(!event.quotes.contains(&r.id));
}
