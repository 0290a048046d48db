//! Bookmarks and notes in the `attache/1` JSON: optional `bookmarked` and `note` fields on events
//! and quotes, present only on marked items, so readers of older exports see nothing new.

use super::marks::Marks;
use serde_json::Value;

/// Adds `bookmarked: true` and `note` to the marked entries of `events` and `quotes` arrays
/// (found at the top of `v`), matched by their `id`.
pub fn annotate(v: &mut Value, marks: &Marks) {
    if marks.is_empty() {
        return;
    }
    if let Some(events) = v.get_mut("events").and_then(Value::as_array_mut) {
        for e in events {
            let Some(m) = e
                .get("id")
                .and_then(Value::as_str)
                .and_then(|id| marks.events.get(id))
                .cloned()
            else {
                continue;
            };
            if let Some(obj) = e.as_object_mut() {
                if m.bookmarked {
                    obj.insert("bookmarked".into(), Value::Bool(true));
                }
                if let Some(note) = m.note {
                    obj.insert("note".into(), Value::String(note));
                }
            }
        }
    }
    if let Some(quotes) = v.get_mut("quotes").and_then(Value::as_array_mut) {
        for q in quotes {
            let marked = q
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| marks.quote_bookmarked(id));
            if marked && let Some(obj) = q.as_object_mut() {
                obj.insert("bookmarked".into(), Value::Bool(true));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kept::Mark;
    use serde_json::json;

    #[test]
    fn only_marked_items_get_the_fields() {
        let mut marks = Marks::default();
        marks.events.insert(
            "e2".into(),
            Mark {
                bookmarked: false,
                note: Some("ask Holt".into()),
            },
        );
        marks.quotes.insert(
            "q1".into(),
            Mark {
                bookmarked: true,
                note: None,
            },
        );
        let mut v = json!({
            "events": [{"id": "e1"}, {"id": "e2"}],
            "quotes": [{"id": "q1"}, {"id": "q2"}],
        });
        annotate(&mut v, &marks);
        assert_eq!(v["events"][0], json!({"id": "e1"}));
        assert_eq!(v["events"][1], json!({"id": "e2", "note": "ask Holt"}));
        assert_eq!(v["quotes"][0], json!({"id": "q1", "bookmarked": true}));
        assert_eq!(v["quotes"][1], json!({"id": "q2"}));
    }
}
