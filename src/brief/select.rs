//! What goes into a brief: the events the filter keeps (in date order), the key quotes about them
//! (one per statement, the most widely reported first) and the documents they cite.
//!
//! Both writers (Markdown, iCalendar) read this one selection, so they never disagree.

use crate::export::EventFilter;
use crate::kept::Marks;
use crate::model::{Document, Event, Quote, Timeline};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// The most key quotes a brief shows.
pub const MAX_QUOTES: usize = 12;
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

/// The selection a brief is written from.
#[derive(Debug, Clone)]
pub struct Brief<'a> {
    pub timeline: &'a Timeline,
    pub events: Vec<&'a Event>,
    pub quotes: Vec<KeyQuote<'a>>,
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

    let mut cited: HashSet<&str> = HashSet::new();
    for e in &events {
        cited.extend(e.mentions.iter().map(|m| m.doc.as_str()));
    }
    for k in &candidates {
        cited.insert(k.quote.doc.as_str());
        cited.extend(k.also_in.iter().map(|d| d.id.as_str()));
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
        documents,
        filter: filter.clone(),
        marks: marks.clone(),
    }
}
