//! The Markdown brief: a heading, one line per event (date, what happened, its outlets), the key
//! quotes as block quotes with a citation line, and the sources. It is written to read well as
//! plain text too: no tables, no HTML, escapes only where Markdown would misread the text.

use super::select::Brief;
use crate::model::{Event, Precision, Status, TimeValue};
use std::io::{self, Write};

pub fn write_markdown(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Briefing\n")?;
    summary(brief, out)?;

    writeln!(out, "\n## Timeline\n")?;
    let (dated, vague): (Vec<&Event>, Vec<&Event>) = brief
        .events
        .iter()
        .copied()
        .partition(|e| e.date.as_ref().is_some_and(TimeValue::is_calendar));
    if brief.events.is_empty() {
        writeln!(
            out,
            "No events{}.",
            if brief.is_filtered() {
                " match the filter"
            } else {
                ""
            }
        )?;
    }
    for e in &dated {
        event_line(brief, e, out)?;
    }
    if !vague.is_empty() {
        writeln!(out, "\n### Without a calendar date\n")?;
        for e in &vague {
            event_line(brief, e, out)?;
        }
    }

    writeln!(out, "\n## Key quotes\n")?;
    if brief.quotes.is_empty() {
        writeln!(out, "No attributed quotes.\n")?;
    }
    for k in &brief.quotes {
        let star = if brief.marks.quote_bookmarked(&k.quote.id) {
            "★ "
        } else {
            ""
        };
        writeln!(out, "> {star}“{}”\n>", inline(&k.quote.text))?;
        let speaker = k.quote.speaker.as_deref().unwrap_or("unattributed");
        // Outlet, date (marked when inferred), and the URL when known, else the file.
        let (outlet, date, link) = match k.document {
            Some(d) => (
                d.label(),
                crate::citation::date(d).unwrap_or_else(|| "undated".to_string()),
                d.web_url()
                    .map_or_else(|| code(&d.path), |u| format!("<{u}>")),
            ),
            None => ("?", "undated".to_string(), code("?")),
        };
        writeln!(
            out,
            "> — **{}**, *{}*, {date}, {link}",
            inline(speaker),
            inline(outlet),
        )?;
        let mut notes = Vec::new();
        if let Some(e) = k.event {
            notes.push(format!(
                "on {}: {}",
                date_label(e.date.as_ref()),
                inline(&e.title)
            ));
        }
        if !k.also_in.is_empty() {
            let others: Vec<String> = k.also_in.iter().map(|d| inline(d.label())).collect();
            notes.push(format!("also quoted by {}", others.join(", ")));
        }
        if !notes.is_empty() {
            writeln!(out, "> ({})", notes.join("; "))?;
        }
        writeln!(out)?;
    }

    reported(brief, out)?;

    writeln!(out, "## Sources\n")?;
    for (i, d) in brief.documents.iter().enumerate() {
        let date = d
            .published
            .date
            .map_or("undated".to_string(), |x| x.to_string());
        write!(
            out,
            "{}. *{}* — {} — {date} ({}) — {}",
            i + 1,
            inline(d.label()),
            inline(d.title.as_deref().unwrap_or("untitled")),
            d.published.source.as_str(),
            code(&d.path)
        )?;
        match d.web_url() {
            Some(u) => writeln!(out, " — <{u}>")?,
            None => writeln!(out)?,
        }
    }
    Ok(())
}

/// Statements reported without quotation marks: each marked "≈ … (paraphrase)", never put
/// between quotation marks nor in a block quote, so no reader takes one for the speaker's words.
/// The part is left out when there are none.
fn reported(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    if brief.reported.is_empty() {
        return Ok(());
    }
    writeln!(out, "## Reported statements\n")?;
    writeln!(
        out,
        "Paraphrases: what the sources report was said, in their words, not the speakers'.\n"
    )?;
    for k in &brief.reported {
        let r = k.reported;
        // The clause as the source reports it, with any quotation mark taken out.
        let clause: String = r
            .text
            .chars()
            .filter(|c| !matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
            .collect();
        let (outlet, date, file) = match k.document {
            Some(d) => (
                d.label(),
                d.published
                    .date
                    .map_or("undated".to_string(), |x| x.to_string()),
                d.path.as_str(),
            ),
            None => ("?", "undated".to_string(), "?"),
        };
        let verb = if r.verb.eq_ignore_ascii_case("according to") {
            "according to the source".to_string()
        } else {
            inline(&r.verb)
        };
        write!(
            out,
            "- ≈ **{}** ({verb}, paraphrase): {} — *{}*, {date}, {}",
            inline(&r.speaker),
            inline(&clause),
            inline(outlet),
            code(file)
        )?;
        if let Some(e) = k.event {
            write!(
                out,
                " (on {}: {})",
                date_label(e.date.as_ref()),
                inline(&e.title)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out)
}

fn summary(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    let outlets: std::collections::BTreeSet<&str> =
        brief.documents.iter().map(|d| d.label()).collect();
    let mut dates = brief
        .events
        .iter()
        .filter_map(|e| e.date.as_ref())
        .filter_map(|d| Some((d.start?, d.end?)));
    let span = dates
        .next()
        .map(|first| dates.fold(first, |(a, b), (s, t)| (a.min(s), b.max(t))));
    write!(
        out,
        "{} events from {} sources ({} outlets)",
        brief.events.len(),
        brief.documents.len(),
        outlets.len()
    )?;
    if let Some((a, b)) = span {
        write!(out, ", {a} to {b}")?;
    }
    writeln!(out, "; {} key quotes.", brief.quotes.len())?;
    let starred = brief
        .events
        .iter()
        .filter(|e| brief.marks.event_bookmarked(&e.id))
        .count();
    if starred > 0 {
        writeln!(out, "★ marks the events you bookmarked ({starred}).")?;
    }
    if brief.is_filtered() {
        let f = &brief.filter;
        let mut parts = Vec::new();
        if let Some(d) = f.from {
            parts.push(format!("from {d}"));
        }
        if let Some(d) = f.to {
            parts.push(format!("to {d}"));
        }
        if let Some(a) = &f.actor {
            parts.push(format!("actor “{}”", inline(a)));
        }
        writeln!(out, "Filter: {}.", parts.join(", "))?;
    }
    Ok(())
}

/// One event: `- ★ **date** — title _(kind)_ — outlets`, the star when the user bookmarked it,
/// and the user's note on the next line.
fn event_line(brief: &Brief, e: &Event, out: &mut dyn Write) -> io::Result<()> {
    let star = if brief.marks.event_bookmarked(&e.id) {
        "★ "
    } else {
        ""
    };
    let planned = if e.status == Status::Planned {
        ", planned"
    } else {
        ""
    };
    let outlets: Vec<String> = e.outlets.iter().map(|o| inline(o)).collect();
    writeln!(
        out,
        "- {star}**{}** — {} _({}{planned})_ — {}",
        date_label(e.date.as_ref()),
        inline(&e.title),
        e.kind.as_str(),
        if outlets.is_empty() {
            "no outlet".to_string()
        } else {
            outlets.join(", ")
        }
    )?;
    if let Some(note) = brief.marks.event_note(&e.id) {
        writeln!(out, "  - Note: {}", inline(note))?;
    }
    Ok(())
}

/// A date as people read it: `2025-08-15 (Fri)`, `week of 2025-08-11`, `August 2025`,
/// `c. 2025`; the TIMEX value when it names no calendar period; `undated` without a date.
pub fn date_label(t: Option<&TimeValue>) -> String {
    let Some(t) = t else {
        return "undated".to_string();
    };
    let label = match (t.precision, t.start) {
        (Some(Precision::Day | Precision::Time), Some(d)) if t.end.is_none_or(|e| e == d) => {
            d.format("%Y-%m-%d (%a)").to_string()
        }
        (Some(Precision::Day | Precision::Time), Some(d)) => {
            format!("{} to {}", d, t.end.unwrap_or(d))
        }
        (Some(Precision::Week), Some(d)) => format!("week of {d}"),
        (Some(Precision::Month), Some(d)) => d.format("%B %Y").to_string(),
        _ => t.value.clone(),
    };
    if t.approximate {
        format!("c. {label}")
    } else {
        label
    }
}

/// Text for one Markdown line: controls removed, and the characters that would start emphasis,
/// links, code or HTML escaped. (`>` and `#` matter only at the start of a line, and no line of a
/// brief starts with article text.)
pub fn inline(s: &str) -> String {
    let clean = super::one_line(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span that holds any text, backticks included.
fn code(s: &str) -> String {
    let clean = super::one_line(s);
    let longest_run = clean.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if clean.starts_with('`') || clean.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{clean}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn markdown_specials_are_escaped_and_controls_removed() {
        assert_eq!(
            inline("a*b_c [x](y) <b>\u{1b}[31m"),
            format!("a\\*b\\_c \\[x\\](y) \\<b>{}", crate::sanitize::PLACEHOLDER)
        );
    }

    #[test]
    fn line_breaks_inside_a_quote_become_spaces() {
        assert_eq!(inline("one\n  two\r\nthree"), "one two three");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("a.txt"), "`a.txt`");
        assert_eq!(code("we`ird.txt"), "``we`ird.txt``");
    }

    #[test]
    fn dates_read_by_precision() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 18).expect("date");
        assert_eq!(date_label(Some(&TimeValue::day(d))), "2024-03-18 (Mon)");
        let month = TimeValue::period(
            "2024-03",
            Precision::Month,
            NaiveDate::from_ymd_opt(2024, 3, 1).expect("date"),
            NaiveDate::from_ymd_opt(2024, 3, 31).expect("date"),
        );
        assert_eq!(date_label(Some(&month)), "March 2024");
        assert_eq!(date_label(None), "undated");
    }
}
