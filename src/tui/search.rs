//! The search texts the `/` filter reads, built beside the first frame instead of before it.
//!
//! Lower-casing every field of a large archive into one text per list takes a good part of a
//! second on a 10k-article folder, and the first frame shows no filter. So the catalog hands its
//! lists to a thread that builds these texts while the TUI draws; the filter asks for them
//! ([`SearchTexts::blobs`]) and waits if they are still being built, or builds them itself if
//! the thread could not be started. Either way the texts are the same: the thread only moves the
//! work, so a filter gives the same rows whenever it is typed.

use super::action::View;
use super::catalog::{DocEntry, EventEntry, QuoteEntry};
use super::query::{mask, push_blob};
use std::sync::{Arc, OnceLock};

/// The lower-cased search text of every item of a list in one string, laid out in display order
/// so that filtering walks memory front to back instead of hopping between allocations, with each
/// item's character mask (see [`mask`]) beside its range.
#[derive(Default)]
pub struct Blobs {
    text: String,
    ranges: Vec<(usize, usize, u64)>,
}

impl Blobs {
    /// The blobs of `n` items, laid out in `order`; `fields(i)` gives item `i`'s fields.
    pub fn new<'a, I>(
        n: usize,
        order: impl Iterator<Item = usize>,
        fields: impl Fn(usize) -> I,
    ) -> Blobs
    where
        I: Iterator<Item = &'a str>,
    {
        let mut b = Blobs {
            text: String::new(),
            ranges: vec![(0, 0, 0); n],
        };
        for i in order {
            let start = b.text.len();
            push_blob(&mut b.text, fields(i));
            let end = b.text.len();
            b.ranges[i] = (start, end, mask(&b.text[start..end]));
        }
        b
    }

    /// The search text of item `i` (see [`super::filter::blob`]).
    pub fn get(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(a, b, _)| self.text.get(a..b))
            .unwrap_or("")
    }

    /// The character mask and search text (as bytes: slicing them reads no memory, so an item
    /// the mask rejects costs no cache miss for its text) of item `i`.
    pub fn item(&self, i: usize) -> (u64, &[u8]) {
        let (mask, _, blob) = self.item_at(i);
        (mask, blob)
    }

    /// [`Blobs::item`], and where the item's text starts in [`Blobs::all`].
    pub fn item_at(&self, i: usize) -> (u64, usize, &[u8]) {
        self.ranges
            .get(i)
            .and_then(|&(a, b, m)| Some((m, a, self.text.as_bytes().get(a..b)?)))
            .unwrap_or((0, 0, &[]))
    }

    /// The search texts of all items, one after the other.
    pub fn all(&self) -> &[u8] {
        self.text.as_bytes()
    }
}

/// The lists the texts are made from (shared with the catalog, which draws from them).
pub struct Lists {
    pub events: Arc<Vec<EventEntry>>,
    pub quotes: Arc<Vec<QuoteEntry>>,
    pub docs: Arc<Vec<DocEntry>>,
    /// Event indices in display order (the order of the events' texts).
    pub event_order: Vec<usize>,
}

/// Each view's [`Blobs`], made once, by whichever thread asks first.
pub struct SearchTexts {
    lists: Lists,
    /// By [`View::index`].
    blobs: [OnceLock<Blobs>; 3],
}

impl SearchTexts {
    /// The texts of `lists`, not made yet.
    pub fn new(lists: Lists) -> SearchTexts {
        SearchTexts {
            lists,
            blobs: Default::default(),
        }
    }

    /// Starts making every view's texts on threads of their own (the quotes' on one, the
    /// smaller events' and documents' on another), so that they are ready or nearly so when
    /// the user first filters. Nothing is lost if no thread can be started.
    pub fn build_in_background(texts: &Arc<SearchTexts>) {
        for views in [&[View::Quotes][..], &[View::Timeline, View::Sources]] {
            let texts = Arc::clone(texts);
            let _ = std::thread::Builder::new()
                .name("attache-search-texts".into())
                .spawn(move || {
                    for &v in views {
                        texts.blobs(v);
                    }
                });
        }
    }

    /// The search texts of `view`'s items: made now if no thread has started them, waited for
    /// if one is making them.
    pub fn blobs(&self, view: View) -> &Blobs {
        self.blobs[view.index()].get_or_init(|| self.make(view))
    }

    /// Whether `view`'s texts are made (for tests: waiting for them is [`SearchTexts::blobs`]).
    pub fn ready(&self, view: View) -> bool {
        self.blobs[view.index()].get().is_some()
    }

    fn make(&self, view: View) -> Blobs {
        let l = &self.lists;
        match view {
            View::Timeline => Blobs::new(l.events.len(), l.event_order.iter().copied(), |i| {
                l.events[i].fields(&l.quotes)
            }),
            View::Quotes => Blobs::new(l.quotes.len(), 0..l.quotes.len(), |i| {
                l.quotes[i].fields().into_iter()
            }),
            View::Sources => Blobs::new(l.docs.len(), 0..l.docs.len(), |i| {
                l.docs[i].fields().into_iter()
            }),
        }
    }
}
