//! What the TUI keeps between sessions: bookmarks (`b`), notes (`N`), saved filter sets (`:save`,
//! `f`; see [`super::saved`]) and the last place in each corpus. The files are [`crate::kept`]'s;
//! this module turns the user's actions into changes of them, and restores the last place when a
//! corpus reopens.

use super::action::{Action, View};
use super::app::{Focus, Mode, State};
use super::saved::{from_saved, to_saved};
use crate::kept::marks::clean_note;
use crate::kept::{FiltersFile, Keys, Marks, MarksFile, Place, Store};
use crate::model::Timeline;
use std::sync::{Arc, OnceLock};

/// The kept state of an open corpus.
pub struct Kept {
    /// Where to write; `None` keeps changes for this session only.
    pub store: Option<Store>,
    /// The corpus's key (see [`crate::kept::key::corpus_key`]).
    pub corpus: String,
    /// Document hashes, made on first use (hashing every text is not free on a big corpus), or
    /// on another thread while the TUI opens (see [`Kept::hash_keys_in_background`]).
    keys: Arc<OnceLock<Keys>>,
    pub file: MarksFile,
    pub marks: Marks,
    pub filters: crate::kept::FiltersFile,
}

impl Kept {
    /// The stable keys of this timeline's items.
    pub fn keys(&self, timeline: &Timeline) -> &Keys {
        self.keys.get_or_init(|| Keys::new(timeline))
    }

    /// Starts hashing `timeline`'s documents on a thread of its own (the TUI needs the keys to
    /// restore the last place, and the catalog leaves a core idle at times). [`Kept::keys`]
    /// waits for that thread if it is still hashing; the keys are the same either way.
    pub fn hash_keys_in_background(&self, timeline: &Arc<Timeline>) {
        let (keys, timeline) = (Arc::clone(&self.keys), Arc::clone(timeline));
        let _ = std::thread::Builder::new()
            .name("attache-keys".into())
            .spawn(move || {
                keys.get_or_init(|| Keys::new(&timeline));
            });
    }

    /// Nothing kept, nothing written (tests, or no home directory).
    pub fn none() -> Kept {
        Kept {
            store: None,
            corpus: "embedded".into(),
            keys: Arc::default(),
            file: MarksFile::default(),
            marks: Marks::default(),
            filters: crate::kept::FiltersFile::default(),
        }
    }
}

/// The one-line note editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEdit {
    /// The event (an index into the timeline's events).
    pub event: usize,
    pub text: String,
}

/// Opens the kept state of a corpus in `store` and goes to the last place there. Returns the
/// warnings about files that had to be moved aside (also shown in the status bar).
pub fn open(state: &mut State, store: Option<Store>, corpus: &str) -> Vec<String> {
    state.kept.corpus = corpus.to_string();
    let Some(store) = store else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    let marks = store.marks();
    warnings.extend(marks.warning);
    state.kept.file = marks.value;
    state.kept.marks = Marks::resolve(
        &state.kept.file,
        &state.timeline,
        state.kept.keys(&state.timeline),
    );
    let filters = store.filters();
    warnings.extend(filters.warning);
    state.kept.filters = filters.value;
    let places = store.places();
    warnings.extend(places.warning);
    if let Some(place) = places.value.corpora.get(corpus) {
        restore_place(state, place);
    }
    state.kept.store = Some(store);
    if let Some(w) = warnings.first() {
        state.message = Some(format!("warning: {w}"));
    }
    warnings
}

/// Writes the current place of this corpus (on quit).
pub fn remember_place(state: &State) -> std::io::Result<()> {
    let Some(store) = &state.kept.store else {
        return Ok(());
    };
    let place = current_place(state);
    store
        .change_places(|p| p.remember(&state.kept.corpus, place))
        .map(|_| ())
}

fn view_name(v: View) -> &'static str {
    match v {
        View::Timeline => "timeline",
        View::Quotes => "quotes",
        View::Sources => "sources",
    }
}

pub fn current_place(state: &State) -> Place {
    let tl = &state.timeline;
    let keys = state.kept.keys(&state.timeline);
    let selected = |v: View| state.rows[v.index()].get(state.cursors[v.index()].selected);
    Place {
        view: view_name(state.view).into(),
        event: selected(View::Timeline).map(|&i| keys.event(&tl.events[i])),
        quote: selected(View::Quotes)
            .and_then(|&i| tl.quotes.get(i))
            .map(|q| keys.quote(q)),
        document: selected(View::Sources)
            .map(|&i| crate::kept::key::document_key(&tl.documents[i])),
        filters: to_saved(&state.filters),
        article: state.source.and_then(|src| {
            Some(crate::kept::ArticlePlace {
                document: crate::kept::key::document_key(tl.documents.get(src.doc)?),
                top: src.top,
                highlight: src.highlight.map(|h| (h.start, h.end)),
            })
        }),
        saved: String::new(),
    }
}

/// Puts the user back at a place: its filters, the selection of each list, its view.
pub fn restore_place(state: &mut State, place: &Place) {
    state.filters = from_saved(&place.filters);
    state.filters_changed();
    let want = [&place.event, &place.quote, &place.document];
    for v in View::ALL {
        let Some(key) = want[v.index()] else {
            continue;
        };
        state.view = v;
        state.refresh_rows();
        let tl = &state.timeline;
        let keys = state.kept.keys(&state.timeline);
        let found = state.rows[v.index()].iter().position(|&i| match v {
            View::Timeline => keys.event(&tl.events[i]) == *key,
            View::Quotes => tl.quotes.get(i).is_some_and(|q| keys.quote(q) == *key),
            View::Sources => crate::kept::key::document_key(&tl.documents[i]) == *key,
        });
        if let Some(pos) = found {
            state.cursors[v.index()].selected = pos;
        }
    }
    state.view = View::ALL
        .into_iter()
        .find(|&v| view_name(v) == place.view)
        .unwrap_or(View::Timeline);
    state.refresh_rows();
    if let Some(a) = &place.article {
        restore_article(state, a);
    }
}

/// Reopens the article of a kept place at the line it showed (Esc goes back to the list).
fn restore_article(state: &mut State, a: &crate::kept::ArticlePlace) {
    let tl = &state.timeline;
    let Some(doc) = (0..tl.documents.len())
        .find(|&d| crate::kept::key::document_key(&tl.documents[d]) == a.document)
    else {
        return;
    };
    let text = &tl.documents[doc].text;
    let highlight = a
        .highlight
        .filter(|&(s, e)| s <= e && text.is_char_boundary(s) && text.is_char_boundary(e))
        .map(|(s, e)| crate::model::Span::new(s, e));
    let quote = highlight.and_then(|h| {
        state.catalog.docs[doc]
            .quotes
            .iter()
            .copied()
            .find(|&q| tl.quotes[q].span == h)
    });
    let here = state.place();
    state.back.push(here);
    let Some(art) = state.article(doc) else {
        return;
    };
    // The sanitised text is made the same way each time; an offset off a boundary starts over.
    let top = if art.text.is_char_boundary(a.top) && a.top <= art.text.len() {
        a.top
    } else {
        0
    };
    state.source = Some(super::app::SourceView {
        doc,
        highlight,
        quote,
        top,
    });
}

/// A change to a kept file that `update` asks for and the app loop writes ([`write_pending`]):
/// `update` itself never touches a file.
pub enum Save {
    /// Bookmarks and notes, and the status message once written.
    Marks {
        change: Box<dyn Fn(&mut MarksFile) + Send + Sync>,
        done: String,
    },
    /// Saved filter sets.
    Filters {
        change: Box<dyn Fn(&mut FiltersFile) + Send + Sync>,
        done: String,
    },
}

/// Asks for a change to the bookmarks file (see [`Save`]).
fn change_marks(
    state: &mut State,
    change: impl Fn(&mut MarksFile) + Send + Sync + 'static,
    done: &str,
) {
    state.saves.push(Save::Marks {
        change: Box::new(change),
        done: done.to_string(),
    });
}

/// Writes the changes `update` asked for, in order, and shows what they did.
pub fn write_pending(state: &mut State) {
    for save in std::mem::take(&mut state.saves) {
        match save {
            Save::Marks { change, done } => write_marks(state, &*change, &done),
            Save::Filters { change, done } => super::saved::write_filters(state, &*change, done),
        }
    }
}

/// Applies a change to the bookmarks file (re-read, changed, written atomically) and to the
/// marks shown; a failure is reported in the status bar and the change kept for this session.
fn write_marks(state: &mut State, change: &dyn Fn(&mut MarksFile), done: &str) {
    let result = match &state.kept.store {
        Some(store) => store.change_marks(change).map(Some),
        None => Ok(None),
    };
    match result {
        Ok(Some((file, warning))) => {
            state.kept.file = file;
            state.message = Some(match warning {
                Some(w) => format!("{done}; warning: {w}"),
                None => done.to_string(),
            });
        }
        Ok(None) => {
            change(&mut state.kept.file);
            state.message = Some(done.to_string());
        }
        Err(e) => {
            change(&mut state.kept.file);
            state.message = Some(format!(
                "{done} for this session only: could not save ({e})"
            ));
        }
    }
    state.kept.marks = Marks::resolve(
        &state.kept.file,
        &state.timeline,
        state.kept.keys(&state.timeline),
    );
}

/// `b`: bookmarks the selected quote (in the quotes list, or chosen in an event's detail) or
/// event, or removes its bookmark.
pub fn toggle_bookmark(state: &mut State) {
    let quote = match state.view {
        View::Quotes => state.selected_item(),
        View::Timeline if state.focus == Focus::Detail => state.selected_quote(),
        _ => None,
    };
    if let Some(q) = quote {
        let Some(quote) = state.timeline.quotes.get(q) else {
            state.message = Some("reported statements cannot be bookmarked".into());
            return;
        };
        let on = !state.kept.marks.quote_bookmarked(&quote.id);
        let (key, text) = (
            state.kept.keys(&state.timeline).quote(quote),
            quote.text.clone(),
        );
        let done = if on {
            "quote bookmarked"
        } else {
            "quote bookmark removed"
        };
        change_marks(state, move |f| f.set_quote_bookmark(&key, &text, on), done);
        return;
    }
    match (state.view, state.selected_item()) {
        (View::Timeline, Some(e)) => {
            let event = &state.timeline.events[e];
            let on = !state.kept.marks.event_bookmarked(&event.id);
            let (key, title) = (
                state.kept.keys(&state.timeline).event(event),
                event.title.clone(),
            );
            let done = if on {
                "event bookmarked"
            } else {
                "event bookmark removed"
            };
            change_marks(state, move |f| f.set_event_bookmark(&key, &title, on), done);
        }
        (View::Sources, _) => {
            state.message = Some("bookmarks are for events and quotes".into());
        }
        _ => state.message = Some("nothing selected to bookmark".into()),
    }
}

/// `N`: opens the note editor on the selected event, with its note.
pub fn start_note(state: &mut State) {
    match (state.view, state.selected_item()) {
        (View::Timeline, Some(e)) => {
            let text = state
                .kept
                .marks
                .event_note(&state.timeline.events[e].id)
                .unwrap_or_default()
                .to_string();
            state.mode = Mode::Note(NoteEdit { event: e, text });
        }
        _ => state.message = Some("notes are for events: select one in the timeline".into()),
    }
}

/// Typing in the note editor, the `:` line and the saved-filter picker.
pub fn input(state: &mut State, action: Action) {
    match std::mem::take(&mut state.mode) {
        Mode::Note(mut n) => match action {
            Action::Type(c) => {
                n.text.push(c);
                state.mode = Mode::Note(n);
            }
            Action::DeleteChar => {
                n.text.pop();
                state.mode = Mode::Note(n);
            }
            Action::Submit => save_note(state, n),
            Action::Cancel => {}
            _ => state.mode = Mode::Note(n),
        },
        Mode::Command(p) => super::saved::command_line(state, p, action),
        Mode::Saved(p) => super::saved::picker(state, p, action),
        other => state.mode = other,
    }
}

fn save_note(state: &mut State, n: NoteEdit) {
    let Some(event) = state.timeline.events.get(n.event) else {
        return;
    };
    let note = clean_note(&n.text);
    let (key, title) = (
        state.kept.keys(&state.timeline).event(event),
        event.title.clone(),
    );
    let done = if note.is_some() {
        "note saved"
    } else {
        "note deleted"
    };
    change_marks(
        state,
        move |f| f.set_event_note(&key, &title, note.clone()),
        done,
    );
}
