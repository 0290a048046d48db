//! The search texts the `/` filter reads: every item's fields lower-cased into one text per
//! list, with a character mask per item. They are made beside the first frame (see
//! [`crate::tui::search::background`]), not before it.

use crate::tui::search::query::{mask, push_blob};

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

    /// The search text of item `i` (see [`crate::tui::filter::blob`]).
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
