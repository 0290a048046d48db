//! "Does this span overlap any span already taken?" in logarithmic time, so that pages made of
//! thousands of names stay linear: spans sorted by start, plus the running maximum of their ends.

use crate::model::Span;

/// A set of spans that answers overlap queries with one binary search.
pub struct Taken {
    starts: Vec<usize>,
    /// `max_end[i]` is the largest end among the first `i + 1` spans (by start).
    max_end: Vec<usize>,
}

impl Taken {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Taken {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let mut max_end = Vec::with_capacity(spans.len());
        let mut running = 0;
        for s in &spans {
            running = running.max(s.end);
            max_end.push(running);
        }
        Taken {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Whether `span` shares a byte with any span of the set.
    pub fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_linear_scan() {
        let spans = [
            Span::new(0, 4),
            Span::new(2, 30),
            Span::new(10, 12),
            Span::new(40, 45),
            Span::new(44, 46),
        ];
        let taken = Taken::new(spans);
        for a in 0..50 {
            for b in a + 1..52 {
                let q = Span::new(a, b);
                let linear = spans.iter().any(|s| s.overlaps(q));
                assert_eq!(taken.overlaps(q), linear, "{q:?}");
            }
        }
        assert!(!Taken::new([]).overlaps(Span::new(0, 3)));
    }
}
