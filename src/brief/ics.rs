//! The brief as an iCalendar file (RFC 5545) for calendar import: one all-day VEVENT per event
//! whose date is precise to the day. Vaguer events ("in August", "last week") have no place in a
//! calendar and are left out.
//!
//! Written by hand because the format is small: CRLF line ends, TEXT values escaped (§3.3.11),
//! lines folded at 75 octets without splitting a UTF-8 character (§3.1).

use super::markdown::date_label;
use super::select::Brief;
use crate::model::{Event, Precision, Status};
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::io::{self, Write};

/// Writes the calendar; `stamp` is the DTSTAMP of every event (when the file was made).
pub fn write_ics(brief: &Brief, stamp: DateTime<Utc>, out: &mut dyn Write) -> io::Result<()> {
    let mut cal = Calendar { out };
    cal.line("BEGIN:VCALENDAR")?;
    cal.line("VERSION:2.0")?;
    cal.line(&format!(
        "PRODID:-//attache//attache {}//EN",
        env!("CARGO_PKG_VERSION")
    ))?;
    cal.line("CALSCALE:GREGORIAN")?;
    cal.line("METHOD:PUBLISH")?;
    cal.line("X-WR-CALNAME:attache timeline")?;
    for e in &brief.events {
        let Some((start, end)) = day_range(e) else {
            continue;
        };
        cal.line("BEGIN:VEVENT")?;
        cal.line(&format!("UID:{}@attache", uid(e, start)))?;
        cal.line(&format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")))?;
        cal.line(&format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")))?;
        // DTEND of an all-day event is the day after the last one.
        let after = end.checked_add_days(Days::new(1)).unwrap_or(end);
        cal.line(&format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")))?;
        cal.line(&format!("SUMMARY:{}", text(&super::one_line(&e.title))))?;
        if let Some(place) = &e.place {
            cal.line(&format!("LOCATION:{}", text(&super::one_line(place))))?;
        }
        cal.line(&format!("CATEGORIES:{}", text(e.kind.as_str())))?;
        let status = match e.status {
            Status::Planned => "TENTATIVE",
            Status::Past => "CONFIRMED",
        };
        cal.line(&format!("STATUS:{status}"))?;
        cal.line(&format!("DESCRIPTION:{}", text(&description(brief, e))))?;
        cal.line("END:VEVENT")?;
    }
    cal.line("END:VCALENDAR")
}

/// The days an event covers, when it is precise to the day.
fn day_range(e: &Event) -> Option<(NaiveDate, NaiveDate)> {
    let d = e.date.as_ref()?;
    if !matches!(d.precision, Some(Precision::Day | Precision::Time)) || d.approximate {
        return None;
    }
    let start = d.start?;
    Some((start, d.end.unwrap_or(start).max(start)))
}

fn description(brief: &Brief, e: &Event) -> String {
    let mut lines = vec![format!(
        "{} ({}{}), reported by {}",
        date_label(e.date.as_ref()),
        e.kind.as_str(),
        if e.status == Status::Planned {
            ", planned"
        } else {
            ""
        },
        if e.outlets.is_empty() {
            "no outlet".to_string()
        } else {
            e.outlets.join(", ")
        }
    )];
    if !e.actors.is_empty() {
        lines.push(format!("Actors: {}", e.actors.join(", ")));
    }
    for k in brief
        .quotes
        .iter()
        .filter(|k| k.event.is_some_and(|x| x.id == e.id))
    {
        lines.push(format!(
            "“{}” — {}",
            k.quote.text,
            k.quote.speaker.as_deref().unwrap_or("unattributed")
        ));
    }
    let mut sources: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    sources.dedup();
    let paths: Vec<&str> = sources
        .iter()
        .filter_map(|id| brief.timeline.document(id))
        .map(|d| d.path.as_str())
        .collect();
    if !paths.is_empty() {
        lines.push(format!("Sources: {}", paths.join("; ")));
    }
    lines.join("\n")
}

/// A stable id for the event: the same event in the same corpus gets the same UID, so that a
/// re-import updates instead of duplicating. FNV-1a over the date and the title.
fn uid(e: &Event, start: NaiveDate) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in start.to_string().bytes().chain(e.title.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{start}-{h:016x}")
}

/// A TEXT value: controls dropped, `\`, `;`, `,` and newlines escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        if !out.is_empty() {
            out.push_str("\\n");
        }
        for c in crate::sanitize::plain(line).chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                ';' => out.push_str("\\;"),
                ',' => out.push_str("\\,"),
                c => out.push(c),
            }
        }
    }
    out
}

struct Calendar<'w> {
    out: &'w mut dyn Write,
}

impl Calendar<'_> {
    /// Writes one content line, folded so that no physical line passes 75 octets.
    fn line(&mut self, content: &str) -> io::Result<()> {
        self.out.write_all(fold(content).as_bytes())
    }
}

fn fold(content: &str) -> String {
    let mut folded = String::with_capacity(content.len() + content.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        // Continuation lines start with a space, which counts towards their 75 octets.
        if width + n > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += n;
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_char_boundaries() {
        let content = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&content);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{content}\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        // Controls become the sanitizer's visible placeholder, never a raw byte.
        assert_eq!(
            text("bell\u{7}"),
            format!("bell{}", crate::sanitize::PLACEHOLDER)
        );
    }
}
