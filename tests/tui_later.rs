//! The documents' facets are made on another thread while the first frame is drawn: what the
//! facets see (asked for at once, so possibly waiting) is what gathering each document's quotes
//! and event mentions one by one gives.

use attache::corpus::{self, LoadOptions};
use attache::extract::build_timeline;
use attache::model::{EventKind, Status};
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
