//! What the TUI makes on other threads while it draws its first frame (the documents' facets,
//! the documents' keys) is, when asked for at once (so possibly waited for), what making it in
//! the plainest way gives. The search texts' test is in `tui_filter.rs`.

use attache::corpus::{self, LoadOptions};
use attache::model::{EventKind, Status};
use attache::pipeline::build_timeline;
use attache::sanitize::plain;
use attache::tui::{Options, State};

/// Each document's actors, kinds and statuses, gathered from the timeline in the plainest way.
fn gathered(s: &State) -> Vec<(Vec<String>, Vec<EventKind>, Vec<Status>)> {
    let tl = &s.timeline;
    let mut out = vec![(Vec::new(), Vec::new(), Vec::new()); tl.documents.len()];
    for q in &tl.quotes {
        let d = tl.documents.iter().position(|d| d.id == q.doc).unwrap();
        if let Some(speaker) = &q.speaker {
            out[d].0.push(plain(speaker));
        }
    }
    for m in tl.events.iter().flat_map(|e| &e.mentions) {
        let d = tl.documents.iter().position(|d| d.id == m.doc).unwrap();
        out[d].0.extend(m.actors.iter().map(|a| plain(a)));
        out[d].1.push(m.kind);
        out[d].2.push(m.status);
    }
    for (actors, kinds, statuses) in &mut out {
        actors.retain(|a| !a.is_empty());
        actors.sort();
        actors.dedup();
        kinds.sort();
        kinds.dedup();
        statuses.dedup();
    }
    out
}

#[test]
fn document_facets_made_beside_the_first_frame_are_each_documents_own() {
    let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
    let s = State::new(build_timeline(loaded.documents), Options::default());
    let expected = gathered(&s);
    let facets = s.catalog.doc_facets();
    assert_eq!(facets.len(), expected.len());
    assert!(
        facets
            .iter()
            .any(|f| !f.actors.is_empty() && !f.kinds.is_empty())
    );
    for (i, (f, (actors, kinds, statuses))) in facets.iter().zip(&expected).enumerate() {
        assert_eq!(&f.actors, actors, "document {i}");
        assert_eq!(&f.kinds, kinds, "document {i}");
        assert_eq!(&f.statuses, statuses, "document {i}");
    }
}

#[test]
fn document_keys_hashed_beside_the_catalog_are_the_keys_hashed_at_once() {
    use attache::kept::Keys;
    let loaded = corpus::load(&[] as &[&str], &LoadOptions::default());
    let timeline = build_timeline(loaded.documents);
    let at_once = Keys::new(&timeline);
    let s = State::open(timeline.clone(), Options::default(), true);
    let beside = s.kept.keys(&s.timeline);
    assert!(!timeline.events.is_empty() && !timeline.quotes.is_empty());
    for e in &timeline.events {
        assert_eq!(beside.event(e), at_once.event(e));
    }
    for q in &timeline.quotes {
        assert_eq!(beside.quote(q), at_once.quote(q));
    }
}
