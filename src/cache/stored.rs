//! What the timeline entry stores differently from the model: documents with every field written
//! out, and quote and mention texts left out (each is its span's slice of its document, so it is
//! sliced back when the entry is read).

use crate::model::{Confidence, DateSource, Document, Published, Span, Timeline};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A document as stored: `Published` leaves out empty clues in its serde form, which a format
/// without field names cannot tell, so its fields are written out here, every one always.
#[derive(Serialize)]
pub(super) struct DocumentOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a Option<String>,
    outlet: &'a Option<String>,
    byline: &'a Option<String>,
    url: &'a Option<String>,
    published: (
        Option<NaiveDate>,
        DateSource,
        &'a [String],
        Option<Confidence>,
        &'a Option<String>,
    ),
    text: &'a str,
    chrome: &'a [Span],
}

impl<'a> DocumentOut<'a> {
    pub(super) fn of(d: &'a Document) -> Self {
        // Spelled out in full, so that a field added to `Document` cannot be forgotten here.
        let Document {
            id,
            path,
            title,
            outlet,
            byline,
            url,
            published,
            text,
            chrome,
        } = d;
        DocumentOut {
            id,
            path,
            title,
            outlet,
            byline,
            url,
            published: (
                published.date,
                published.source,
                &published.clues,
                published.confidence,
                &published.approx,
            ),
            text,
            chrome,
        }
    }
}

#[derive(Deserialize)]
pub(super) struct DocumentIn {
    id: String,
    path: String,
    title: Option<String>,
    outlet: Option<String>,
    byline: Option<String>,
    url: Option<String>,
    published: (
        Option<NaiveDate>,
        DateSource,
        Vec<String>,
        Option<Confidence>,
        Option<String>,
    ),
    text: String,
    chrome: Vec<Span>,
}

impl DocumentIn {
    pub(super) fn into_document(self) -> Document {
        let (date, source, clues, confidence, approx) = self.published;
        Document {
            id: self.id,
            path: self.path,
            title: self.title,
            outlet: self.outlet,
            byline: self.byline,
            url: self.url,
            published: Published {
                date,
                source,
                clues,
                confidence,
                approx,
            },
            text: self.text,
            chrome: self.chrome,
        }
    }
}

/// An empty text whose span is not empty is the span's slice of its document.
pub(super) fn fill(text: &mut String, doc: Option<&&str>, span: Span) {
    if text.is_empty()
        && !span.is_empty()
        && let Some(doc) = doc
    {
        *text = span.slice(doc).to_string();
    }
}

/// Takes out every quote and mention text (mentions first, in order), or `None` (and nothing
/// changed) when some item's text is not its span's slice, which [`fill`] relies on.
pub(super) fn elide(t: &mut Timeline) -> Option<Vec<String>> {
    let by_id: HashMap<&str, &str> = t
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    let exact = |text: &str, doc: &str, span: Span| {
        let slice = span.slice(by_id.get(doc).copied().unwrap_or(""));
        text == slice && text.is_empty() == span.is_empty()
    };
    let all_exact = t
        .events
        .iter()
        .flat_map(|e| &e.mentions)
        .all(|m| exact(&m.text, &m.doc, m.span))
        && t.quotes.iter().all(|q| exact(&q.text, &q.doc, q.span));
    if !all_exact {
        return None;
    }
    let mentions = t.events.iter_mut().flat_map(|e| e.mentions.iter_mut());
    let mut taken: Vec<String> = mentions.map(|m| std::mem::take(&mut m.text)).collect();
    taken.extend(t.quotes.iter_mut().map(|q| std::mem::take(&mut q.text)));
    Some(taken)
}

/// Puts back what [`elide`] took, in the same order.
pub(super) fn put_back(t: &mut Timeline, taken: Vec<String>) {
    let mentions = t.events.iter_mut().flat_map(|e| e.mentions.iter_mut());
    let texts = mentions
        .map(|m| &mut m.text)
        .chain(t.quotes.iter_mut().map(|q| &mut q.text));
    for (text, old) in texts.zip(taken) {
        *text = old;
    }
}
