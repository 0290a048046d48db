//! What goes into a brief: the events the filter keeps (in date order), the key quotes about them
//! (one per statement, the most widely reported first), the statements reported about them
//! without quotation marks (paraphrases, kept apart from the quotes) and the documents they cite.
//!
//! Both writers (Markdown, iCalendar) read this one selection, so they never disagree.

use crate::export::EventFilter;
use crate::kept::Marks;
use crate::model::{Document, Event, Quote, Reported, Timeline};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The most key quotes a brief shows.
pub const MAX_QUOTES: usize = 12;
/// The most reported statements (paraphrases) a brief shows.
pub const MAX_REPORTED: usize = 8;
/// Quotes shorter than this many words are fragments ("possible, but not certain"): used only
/// when there are not enough longer ones.
const MIN_QUOTE_WORDS: usize = 5;

/// One key quote and where else it was reported.
#[derive(Debug, Clone)]
pub struct KeyQuote<'a> {
    pub quote: &'a Quote,
    pub document: Option<&'a Document>,
    /// Other documents quoting the same statement.
    pub also_in: Vec<&'a Document>,
    /// The event the quote was said at or about, if it is in the brief.
    pub event: Option<&'a Event>,
}

/// A statement reported without quotation marks: cited as a paraphrase, never as a quotation.
#[derive(Debug, Clone)]
pub struct KeyReported<'a> {
    pub reported: &'a Reported,
    pub document: Option<&'a Document>,
    /// The event it was made at or about, if it is in the brief.
    pub event: Option<&'a Event>,
}

/// The selection a brief is written from.
#[derive(Debug, Clone)]
pub struct Brief<'a> {
    pub timeline: &'a Timeline,
    pub events: Vec<&'a Event>,
    pub quotes: Vec<KeyQuote<'a>>,
    /// Reported statements about the kept events (or, without an event, in the filter's window
    /// and by its actor), one per speaker and clause, in the order things happened.
    pub reported: Vec<KeyReported<'a>>,
    /// The documents cited by the events and quotes, in load order (all documents when nothing
    /// is cited).
    pub documents: Vec<&'a Document>,
    pub filter: EventFilter,
    /// The user's bookmarks and notes.
    pub marks: Marks,
}

impl Brief<'_> {
    pub fn is_filtered(&self) -> bool {
        self.filter.from.is_some() || self.filter.to.is_some() || self.filter.actor.is_some()
    }
}

/// The start date of an event, for ordering (undated last).
pub fn event_start(e: &Event) -> Option<NaiveDate> {
    e.date.as_ref().and_then(|d| d.start)
}

/// The brief of `timeline` under `filter`. With an actor in the filter, the key quotes are that
/// actor's own words; quotes the user bookmarked (in `marks`) are always among the key quotes
/// when the filter keeps them, whatever the ranking says.
pub fn select<'a>(timeline: &'a Timeline, filter: &EventFilter, marks: &Marks) -> Brief<'a> {
    let mut events: Vec<&Event> = timeline.events.iter().filter(|e| filter.keeps(e)).collect();
    events.sort_by_key(|e| (event_start(e).is_none(), event_start(e)));
    let kept: HashMap<&str, &Event> = events.iter().map(|e| (e.id.as_str(), *e)).collect();
    let order: HashMap<&str, usize> = timeline
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();

    // Only the date window: an actor's quote about an event the filter dropped for its actors.
    let window = EventFilter {
        actor: None,
        kind: None,
        ..filter.clone()
    };
    let published_in_window = |q: &Quote| -> bool {
        (filter.from.is_none() && filter.to.is_none())
            || timeline
                .document(&q.doc)
                .and_then(|d| d.published.date)
                .is_some_and(|d| {
                    filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
                })
    };
    let in_scope = |q: &Quote| -> bool {
        if q.speaker.is_none() && !marks.quote_bookmarked(&q.id) {
            return false;
        }
        if let Some(a) = &filter.actor {
            let by_actor = q
                .speaker
                .as_deref()
                .is_some_and(|s| s.to_lowercase().contains(a.as_str()));
            if !by_actor {
                return false;
            }
        }
        match q.event.as_deref() {
            Some(id) if kept.contains_key(id) => true,
            Some(id) if filter.actor.is_some() => timeline
                .events
                .iter()
                .find(|e| e.id == id)
                .map_or_else(|| published_in_window(q), |e| window.keeps(e)),
            Some(_) => false,
            None => published_in_window(q),
        }
    };

    // One entry per statement: its longest wording, and every document that quoted it.
    let mut groups: Vec<(String, Vec<&Quote>)> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for q in timeline.quotes.iter().filter(|q| in_scope(q)) {
        let key = q
            .statement
            .clone()
            .unwrap_or_else(|| format!("quote:{}", q.id));
        let i = *group_of.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(q);
    }
    let mut candidates: Vec<KeyQuote> = groups
        .into_iter()
        .filter_map(|(_, qs)| {
            // The wording the user bookmarked, else the longest.
            let best = *qs.iter().max_by_key(|q| {
                (
                    marks.quote_bookmarked(&q.id),
                    q.text.len(),
                    std::cmp::Reverse(q.id.as_str()),
                )
            })?;
            let mut seen = HashSet::from([best.doc.as_str()]);
            let also_in = qs
                .iter()
                .filter(|q| seen.insert(q.doc.as_str()))
                .filter_map(|q| timeline.document(&q.doc))
                .collect();
            Some(KeyQuote {
                quote: best,
                document: timeline.document(&best.doc),
                also_in,
                event: best.event.as_deref().and_then(|id| kept.get(id).copied()),
            })
        })
        .collect();

    // Bookmarked first, then the most widely reported, then fuller quotes; fragments only to
    // fill up. Bookmarks are never cut, even past MAX_QUOTES.
    let words = |k: &KeyQuote| k.quote.text.split_whitespace().count();
    let bookmarked = |k: &KeyQuote| marks.quote_bookmarked(&k.quote.id);
    candidates.sort_by_key(|k| {
        (
            !bookmarked(k),
            words(k) < MIN_QUOTE_WORDS,
            std::cmp::Reverse(k.also_in.len()),
            std::cmp::Reverse(words(k).min(40)),
            order.get(k.quote.doc.as_str()).copied(),
            k.quote.span.start,
        )
    });
    let keep = candidates
        .iter()
        .filter(|k| bookmarked(k))
        .count()
        .max(MAX_QUOTES);
    candidates.truncate(keep);
    // Shown in the order things happened: by event date, else publication date, then position.
    candidates.sort_by_key(|k| {
        let date = k
            .event
            .and_then(event_start)
            .or_else(|| k.document.and_then(|d| d.published.date));
        (
            date.is_none(),
            date,
            order.get(k.quote.doc.as_str()).copied(),
            k.quote.span.start,
        )
    });

    // Reported statements: in scope as quotes are, the same clause by the same speaker once.
    let reported_in_scope = |r: &Reported| -> bool {
        match r.event.as_deref() {
            Some(id) => kept.contains_key(id),
            None => {
                let doc = timeline.document(&r.doc);
                let date_ok = (filter.from.is_none() && filter.to.is_none())
                    || doc.and_then(|d| d.published.date).is_some_and(|d| {
                        filter.from.is_none_or(|f| d >= f) && filter.to.is_none_or(|t| d <= t)
                    });
                let actor_ok = filter
                    .actor
                    .as_ref()
                    .is_none_or(|a| r.speaker.to_lowercase().contains(a.as_str()));
                date_ok && actor_ok
            }
        }
    };
    let mut seen_reported: HashSet<(&str, String)> = HashSet::new();
    let mut reported: Vec<KeyReported> = timeline
        .reported
        .iter()
        .filter(|r| reported_in_scope(r))
        .filter(|r| seen_reported.insert((r.speaker.as_str(), r.text.to_lowercase())))
        .map(|r| KeyReported {
            reported: r,
            document: timeline.document(&r.doc),
            event: r.event.as_deref().and_then(|id| kept.get(id).copied()),
        })
        .collect();
    // Those about an event first (what the brief is about), then fuller ones.
    reported.sort_by_key(|k| {
        (
            k.event.is_none(),
            std::cmp::Reverse(k.reported.text.split_whitespace().count().min(30)),
            order.get(k.reported.doc.as_str()).copied(),
            k.reported.span.start,
        )
    });
    reported.truncate(MAX_REPORTED);
    reported.sort_by_key(|k| {
        let date = k
            .event
            .and_then(event_start)
            .or_else(|| k.reported.date.as_ref().and_then(|d| d.start))
            .or_else(|| k.document.and_then(|d| d.published.date));
        (
            date.is_none(),
            date,
            order.get(k.reported.doc.as_str()).copied(),
            k.reported.span.start,
        )
    });

    let mut cited: HashSet<&str> = HashSet::new();
    for e in &events {
        cited.extend(e.mentions.iter().map(|m| m.doc.as_str()));
    }
    for k in &candidates {
        cited.insert(k.quote.doc.as_str());
        cited.extend(k.also_in.iter().map(|d| d.id.as_str()));
    }
    for k in &reported {
        cited.insert(k.reported.doc.as_str());
    }
    let documents = timeline
        .documents
        .iter()
        .filter(|d| cited.is_empty() || cited.contains(d.id.as_str()))
        .collect();

    Brief {
        timeline,
        events,
        quotes: candidates,
        reported,
        documents,
        filter: filter.clone(),
        marks: marks.clone(),
    }
}
