//! Exports for scripts and people: `attache/1` JSON (the public contract), JSONL, CSV and Markdown.

use crate::kept::Marks;
use crate::kept::export::annotate;
use crate::model::{Document, Event, Mention, Quote, Reported, TimeValue, Timeline};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The schema name written into every JSON export.
pub const SCHEMA: &str = "attache/1";

/// Output formats of `attache export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Md,
}

/// Which table `--format csv` writes: a CSV file holds one table, so events and quotes are two
/// exports (`attache export --format csv --what quotes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Table {
    #[default]
    Events,
    Quotes,
}

/// The whole timeline as `attache/1` JSON with `bookmarked` and `note` on the marked items.
pub fn to_json_with_marks(timeline: &Timeline, marks: &Marks) -> Value {
    let mut v = to_json(timeline);
    annotate(&mut v, marks);
    v
}

/// The export without kept marks (CSV: the events).
pub fn write(timeline: &Timeline, format: Format, out: &mut dyn Write) -> io::Result<()> {
    write_marked(timeline, format, Table::Events, &Marks::default(), out)
}

/// The export with the user's bookmarks and notes, in every format: `bookmarked` and `note`
/// fields on the marked objects (JSON, JSONL), `bookmarked` and `note` columns (CSV), a ★ and a
/// note line (Markdown). `table` picks the CSV table; the other formats hold everything.
pub fn write_marked(
    timeline: &Timeline,
    format: Format,
    table: Table,
    marks: &Marks,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut v = to_json(timeline);
            annotate(&mut v, marks);
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)
        }
        Format::Jsonl => write_jsonl(timeline, marks, out),
        Format::Csv => match table {
            Table::Events => write_events_csv(&timeline.events, marks, out),
            Table::Quotes => {
                let quotes: Vec<&Quote> = timeline.quotes.iter().collect();
                write_quotes_csv(&quotes, timeline, marks, out)
            }
        },
        Format::Md => write_markdown(timeline, marks, out),
    }
}

/// The whole timeline as an `attache/1` JSON value. `quotes` holds direct quotes only; the
/// statements reported without quotation marks are in `reported`.
pub fn to_json(timeline: &Timeline) -> Value {
    json!({
        "schema": SCHEMA,
        "documents": timeline.documents.iter().map(document_json).collect::<Vec<_>>(),
        "events": timeline.events.iter().map(event_json).collect::<Vec<_>>(),
        "quotes": timeline.quotes.iter().map(|q| quote_json(q, timeline)).collect::<Vec<_>>(),
        "actors": timeline.actors.iter().map(|a| json!({
            "name": a.name, "aliases": a.aliases, "roles": a.roles, "country": a.country, "known": a.known,
        })).collect::<Vec<_>>(),
        "reported": timeline.reported.iter().map(|r| reported_json(r, timeline)).collect::<Vec<_>>(),
    })
}

pub fn document_json(d: &Document) -> Value {
    json!({
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "outlet": d.outlet,
        "byline": d.byline,
        "url": d.url,
        "published": {
            "date": d.published.date.map(|x| x.to_string()),
            "source": d.published.source.as_str(),
            "clues": d.published.clues,
            "confidence": d.published.confidence.map(|c| c.as_str()),
            "approx": d.published.approx,
        },
        "bytes": d.text.len(),
    })
}

pub fn date_json(t: &Option<TimeValue>) -> Value {
    match t {
        None => json!({"value": null, "precision": null, "start": null, "end": null}),
        Some(t) => json!({
            "value": t.value,
            "precision": t.precision.map(|p| p.as_str()),
            "start": t.start.map(|d| d.to_string()),
            "end": t.end.map(|d| d.to_string()),
            "approximate": t.approximate,
        }),
    }
}

fn mention_json(m: &Mention) -> Value {
    json!({
        "doc": m.doc,
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "kind": m.kind.as_str(),
        "status": m.status.as_str(),
        "date": date_json(&m.date),
        "date_rule": m.date_rule,
        "actors": m.actors,
        "place": m.place,
        "trigger": m.trigger,
    })
}

pub fn event_json(e: &Event) -> Value {
    json!({
        "id": e.id,
        "title": e.title,
        "kind": e.kind.as_str(),
        "status": e.status.as_str(),
        "date": date_json(&e.date),
        "date_provenance": e.date_provenance,
        "actors": e.actors,
        "place": e.place,
        "outlets": e.outlets,
        "mentions": e
            .mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut v = mention_json(m);
                if let Some(why) = e.evidence.get(i) {
                    v["joined"] = json!(why);
                }
                v
            })
            .collect::<Vec<_>>(),
        "quotes": e.quotes,
        "disagreements": e.disagreements,
    })
}

pub fn quote_json(q: &Quote, timeline: &Timeline) -> Value {
    let doc = timeline.document(&q.doc);
    json!({
        "id": q.id,
        "doc": q.doc,
        "start": q.span.start,
        "end": q.span.end,
        "text": q.text,
        "speaker": q.speaker,
        "attribution": q.attribution,
        "statement": q.statement,
        "event": q.event,
        "outlet": doc.map(|d| d.label()),
        "published": doc.and_then(|d| d.published.date).map(|d| d.to_string()),
        "published_source": doc.map(|d| d.published.source.as_str()),
        "url": doc.and_then(|d| d.web_url()),
        "form": "direct",
    })
}

/// A statement reported without quotation marks: `text` is the reported clause (a paraphrase,
/// never the speaker's words), `date` when the sentence dates the saying, `event` the event it
/// was made at or about (linked as quotes are).
pub fn reported_json(r: &Reported, timeline: &Timeline) -> Value {
    let doc = timeline.document(&r.doc);
    json!({
        "id": r.id,
        "doc": r.doc,
        "start": r.span.start,
        "end": r.span.end,
        "text": r.text,
        "speaker": r.speaker,
        "attribution": r.attribution,
        "verb": r.verb,
        "date": r.date,
        "event": r.event,
        "outlet": doc.map(|d| d.label()),
        "published": doc.and_then(|d| d.published.date).map(|d| d.to_string()),
        "published_source": doc.map(|d| d.published.source.as_str()),
        "url": doc.and_then(|d| d.web_url()),
        "form": "reported",
    })
}

/// Adds the `reported` array (statements without quotation marks) to an `attache/1` JSON object.
/// They are kept apart from `quotes`, which hold only words between quotation marks.
pub fn add_reported(v: &mut Value, reported: &[Reported], timeline: &Timeline) {
    if let Value::Object(map) = v {
        map.insert(
            "reported".into(),
            Value::Array(
                reported
                    .iter()
                    .map(|r| reported_json(r, timeline))
                    .collect(),
            ),
        );
    }
}

fn write_jsonl(timeline: &Timeline, marks: &Marks, out: &mut dyn Write) -> io::Result<()> {
    let mut line = |kind: &str, mut v: Value| -> io::Result<()> {
        if let Value::Object(map) = &mut v {
            map.insert("type".into(), json!(kind));
            map.insert("schema".into(), json!(SCHEMA));
        }
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)
    };
    // The same objects as the JSON export, marks included: annotated one at a time.
    let marked = |key: &str, v: Value| -> Value {
        let mut holder = json!({ key: [v] });
        annotate(&mut holder, marks);
        holder[key][0].take()
    };
    for d in &timeline.documents {
        line("document", document_json(d))?;
    }
    for e in &timeline.events {
        line("event", marked("events", event_json(e)))?;
    }
    for q in &timeline.quotes {
        line("quote", marked("quotes", quote_json(q, timeline)))?;
    }
    for r in &timeline.reported {
        line("reported", reported_json(r, timeline))?;
    }
    Ok(())
}

/// The `bookmarked` and `note` cells of a CSV row.
fn mark_cells(bookmarked: bool, note: Option<&str>) -> [String; 2] {
    [
        if bookmarked { "true" } else { "" }.to_string(),
        note.unwrap_or("").to_string(),
    ]
}

/// Events as CSV, one row per event.
pub fn write_events_csv(events: &[Event], marks: &Marks, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "date",
        "precision",
        "status",
        "kind",
        "title",
        "actors",
        "place",
        "outlets",
        "mentions",
        "quotes",
        "bookmarked",
        "note",
    ])?;
    for e in events {
        let date = e.date.as_ref();
        let [bookmarked, note] = mark_cells(marks.event_bookmarked(&e.id), marks.event_note(&e.id));
        w.write_record([
            e.id.as_str(),
            date.map_or("", |d| d.value.as_str()),
            date.and_then(|d| d.precision).map_or("", |p| p.as_str()),
            e.status.as_str(),
            e.kind.as_str(),
            e.title.as_str(),
            &e.actors.join("; "),
            e.place.as_deref().unwrap_or(""),
            &e.outlets.join("; "),
            &e.mentions.len().to_string(),
            &e.quotes.len().to_string(),
            &bookmarked,
            &note,
        ])?;
    }
    w.flush()
}

/// Quotes as CSV, one row per quote.
pub fn write_quotes_csv(
    quotes: &[&Quote],
    timeline: &Timeline,
    marks: &Marks,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "speaker",
        "text",
        "outlet",
        "published",
        "doc",
        "start",
        "end",
        "attribution",
        "statement",
        "event",
        "published_source",
        "url",
        "bookmarked",
    ])?;
    for q in quotes {
        let doc = timeline.document(&q.doc);
        let [bookmarked, _] = mark_cells(marks.quote_bookmarked(&q.id), None);
        w.write_record([
            q.id.as_str(),
            q.speaker.as_deref().unwrap_or(""),
            q.text.as_str(),
            doc.map_or("", |d| d.label()),
            &doc.and_then(|d| d.published.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            q.doc.as_str(),
            &q.span.start.to_string(),
            &q.span.end.to_string(),
            q.attribution.as_deref().unwrap_or(""),
            q.statement.as_deref().unwrap_or(""),
            q.event.as_deref().unwrap_or(""),
            doc.map_or("", |d| d.published.source.as_str()),
            doc.and_then(|d| d.web_url()).unwrap_or(""),
            &bookmarked,
        ])?;
    }
    w.flush()
}

/// Markdown: the timeline, one line per event with its outlets, then its quotes; ★ marks what
/// the user bookmarked, and an event's note follows it.
pub fn write_markdown(timeline: &Timeline, marks: &Marks, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Timeline\n")?;
    writeln!(
        out,
        "{} events from {} documents, {} quotes.\n",
        timeline.events.len(),
        timeline.documents.len(),
        timeline.quotes.len()
    )?;
    let star = |on: bool| if on { "★ " } else { "" };
    for e in &timeline.events {
        let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
        let planned = if e.status == crate::model::Status::Planned {
            " *(planned)*"
        } else {
            ""
        };
        writeln!(
            out,
            "- {}**{date}** — {}{planned} _({})_",
            star(marks.event_bookmarked(&e.id)),
            md_escape(&e.title),
            e.outlets.join(", ")
        )?;
        if let Some(note) = marks.event_note(&e.id) {
            writeln!(out, "  - Note: {}", md_escape(note))?;
        }
        for qid in &e.quotes {
            if let Some(q) = timeline.quote(qid) {
                writeln!(
                    out,
                    "  - {}“{}” — {}",
                    star(marks.quote_bookmarked(&q.id)),
                    md_escape(&q.text),
                    q.speaker.as_deref().unwrap_or("unattributed")
                )?;
            }
        }
        // Paraphrases: marked as reported, never between quotation marks.
        for r in timeline
            .reported
            .iter()
            .filter(|r| r.event.as_deref() == Some(e.id.as_str()))
        {
            writeln!(
                out,
                "  - ≈ {} ({}, reported speech): {}",
                md_escape(&r.speaker),
                md_escape(&r.verb),
                md_escape(&r.text)
            )?;
        }
    }
    let unattached: Vec<&Quote> = timeline
        .quotes
        .iter()
        .filter(|q| q.event.is_none() && marks.quote_bookmarked(&q.id))
        .collect();
    if !unattached.is_empty() {
        writeln!(out, "\n## Bookmarked quotes\n")?;
        for q in unattached {
            writeln!(
                out,
                "- ★ “{}” — {}",
                md_escape(&q.text),
                q.speaker.as_deref().unwrap_or("unattributed")
            )?;
        }
    }
    writeln!(out, "\n## Sources\n")?;
    for d in &timeline.documents {
        let date = d
            .published
            .date
            .map(|x| x.to_string())
            .unwrap_or_else(|| "undated".into());
        writeln!(
            out,
            "- {} — {} ({date}, {}) `{}`",
            md_escape(d.label()),
            md_escape(d.title.as_deref().unwrap_or("untitled")),
            d.published.source.as_str(),
            d.path
        )?;
    }
    Ok(())
}

fn md_escape(s: &str) -> String {
    crate::sanitize::plain(s)
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// The `attache events` filter: a date window, an actor, a kind.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub actor: Option<String>,
    pub kind: Option<crate::model::EventKind>,
}

impl EventFilter {
    /// Parses the command-line form; the error says what was expected.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        actor: Option<String>,
        kind: Option<&str>,
    ) -> Result<Self, String> {
        let from_text = from;
        let from = from.map(|s| parse_period(s).map(|(a, _)| a)).transpose()?;
        let to_text = to;
        let to = to.map(|s| parse_period(s).map(|(_, b)| b)).transpose()?;
        if let (Some(f), Some(t), Some(ft), Some(tt)) = (from, to, from_text, to_text)
            && f > t
        {
            return Err(format!(
                "--from {} is after --to {}: nothing can match; swap them",
                ft.trim(),
                tt.trim()
            ));
        }
        let kind = kind
            .map(|k| {
                crate::model::EventKind::parse(k).ok_or_else(|| {
                    let all: Vec<&str> = crate::model::EventKind::ALL
                        .iter()
                        .map(|k| k.as_str())
                        .collect();
                    format!("unknown kind `{k}`; use one of: {}", all.join(", "))
                })
            })
            .transpose()?;
        Ok(EventFilter {
            from,
            to,
            actor: actor.map(|a| a.to_lowercase()),
            kind,
        })
    }

    pub fn keeps(&self, e: &Event) -> bool {
        let (start, end) = match &e.date {
            Some(TimeValue {
                start: Some(s),
                end: Some(t),
                ..
            }) => (Some(*s), Some(*t)),
            _ => (None, None),
        };
        if self.from.is_some() || self.to.is_some() {
            let (Some(s), Some(t)) = (start, end) else {
                return false;
            };
            if self.from.is_some_and(|f| t < f) || self.to.is_some_and(|to| s > to) {
                return false;
            }
        }
        if let Some(a) = &self.actor
            && !e.actors.iter().any(|x| x.to_lowercase().contains(a))
        {
            return false;
        }
        self.kind.is_none_or(|k| e.kind == k)
    }
}

/// `2025`, `2025-08` or `2025-08-18` as an inclusive day range.
pub fn parse_period(s: &str) -> Result<(chrono::NaiveDate, chrono::NaiveDate), String> {
    use chrono::NaiveDate;
    let bad = || format!("`{s}` is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [y] => {
            let y = num(y)? as i32;
            Ok((
                NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?,
                NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?,
            ))
        }
        [y, m] => {
            let (y, m) = (num(y)? as i32, num(m)?);
            let start = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            Ok((start, next.ok_or_else(bad)?.pred_opt().ok_or_else(bad)?))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).ok_or_else(bad)?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}
