//! The TUI's whole state: which view, where the selection is in each list, the filters, the open
//! article and the back/forward stacks. `update` changes it, the views only read it, so both can be
//! tested without a terminal.

use super::action::{Facet, View};
use super::catalog::Catalog;
use super::filter::Filter;
use super::keymap::{Context, Keymap};
use super::theme::{Theme, ThemeName};
use crate::model::{Span, Timeline};
use crate::sanitize::{Sanitized, sanitize};
use crate::tui::persist::Kept;
use crate::tui::search::rows;
use std::collections::HashMap;
use std::sync::Arc;

/// How the TUI was asked to look and behave.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub theme: ThemeName,
    pub mouse: bool,
}

/// A selection and scroll position in a list (positions into the filtered rows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// `c` with its offset moved (as little as possible) so the selection is among `height` rows.
pub fn scrolled(c: Cursor, height: usize) -> Cursor {
    let height = height.max(1);
    let offset = if c.selected < c.offset {
        c.selected
    } else if c.selected >= c.offset + height {
        c.selected + 1 - height
    } else {
        c.offset
    };
    Cursor { offset, ..c }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// One choice in a facet picker; `filter: None` is "any" (removes the facet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    pub label: String,
    pub count: usize,
    pub filter: Option<Filter>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub facet: Facet,
    pub query: String,
    pub options: Vec<PickOption>,
    /// Indices into `options` that match `query`.
    pub shown: Vec<usize>,
    pub selected: usize,
}

/// The `d` prompt and the `:` line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prompt {
    pub text: String,
    pub error: Option<String>,
    /// The text is the current value, offered to keep: typing replaces it, Backspace edits it.
    pub prefilled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing in the `/` line.
    Filter,
    Picker(Picker),
    Date(Prompt),
    Help {
        scroll: usize,
    },
    /// The one-line note editor (`N`).
    Note(crate::tui::persist::NoteEdit),
    /// The `:` command line.
    Command(Prompt),
    /// The saved filter sets (`f`).
    Saved(super::saved::SavedPicker),
}

/// An open article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceView {
    pub doc: usize,
    /// The highlighted span (a quote or an event mention), in the document's own offsets.
    pub highlight: Option<Span>,
    /// The highlighted quote, when the highlight is one.
    pub quote: Option<usize>,
    /// The first visible line, as an offset into the sanitised text (survives resizes).
    pub top: usize,
}

/// A place the back/forward stacks can return to, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    List {
        view: View,
        cursor: Cursor,
        focus: Focus,
        detail: Cursor,
        detail_open: bool,
    },
    Source(SourceView),
}

pub struct State {
    /// Shared with the threads that make what the first frame does not need (see
    /// [`crate::tui::search::background`]).
    pub timeline: Arc<Timeline>,
    pub catalog: Catalog,
    pub theme: Theme,
    pub mouse: bool,
    pub view: View,
    pub cursors: [Cursor; 3],
    /// The filtered rows of each view (indices into events / quotes / documents).
    pub rows: [Vec<usize>; 3],
    stale: [bool; 3],
    /// Each view's rows for recent queries (so typing narrows instead of searching anew).
    memos: [rows::Memo; 3],
    pub filters: Vec<Filter>,
    pub mode: Mode,
    pub focus: Focus,
    /// The selected item of the detail pane and its scroll.
    pub detail: Cursor,
    /// Small screens show the detail instead of the list after Enter.
    pub detail_open: bool,
    pub source: Option<SourceView>,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    /// A one-off message for the status bar ("Copied …").
    pub message: Option<String>,
    pub width: u16,
    pub height: u16,
    /// Sanitised article texts, made when an article is first opened.
    pub articles: HashMap<usize, Sanitized>,
    /// The key bindings in use (defaults plus `config.toml`).
    pub keymap: Keymap,
    /// How day-precise dates are shown (a checked strftime format); `None`: `2025-08-15`.
    pub date_format: Option<String>,
    /// Bookmarks, notes, saved filters and where to write them.
    pub kept: Kept,
    /// The Quotes view lists a `/` search's matches in date order (`r`), not best first.
    pub by_date: bool,
    /// The query the Quotes view's rows were last ranked for (a new one selects the best).
    ranked_for: Option<String>,
    /// File changes `update` asked for, written by the app loop
    /// ([`super::persist::write_pending`]).
    pub saves: Vec<super::persist::Save>,
    /// The open article's web address is written as an OSC 8 hyperlink (see
    /// [`crate::tui::backend::hyperlink`]); off unless the terminal setup asks for it.
    pub hyperlinks: bool,
}

impl State {
    pub fn new(timeline: Timeline, options: Options) -> State {
        State::open(timeline, options, false)
    }

    /// [`State::new`]; with `keep`, the documents' keys (which the kept state of a corpus is
    /// looked up by) are hashed on another thread while the catalog is built.
    pub fn open(timeline: Timeline, options: Options, keep: bool) -> State {
        let timeline = Arc::new(timeline);
        let kept = Kept::none();
        if keep {
            kept.hash_keys_in_background(&timeline);
        }
        let catalog = Catalog::new(&timeline);
        let mut state = State {
            timeline,
            catalog,
            theme: Theme::new(options.theme),
            mouse: options.mouse,
            view: View::Timeline,
            cursors: [Cursor::default(); 3],
            rows: [Vec::new(), Vec::new(), Vec::new()],
            stale: [true; 3],
            memos: Default::default(),
            filters: Vec::new(),
            mode: Mode::Normal,
            focus: Focus::List,
            detail: Cursor::default(),
            detail_open: false,
            source: None,
            back: Vec::new(),
            forward: Vec::new(),
            message: None,
            width: 80,
            height: 24,
            articles: HashMap::new(),
            keymap: Keymap::default(),
            date_format: None,
            kept,
            by_date: false,
            ranked_for: None,
            hyperlinks: false,
            saves: Vec::new(),
        };
        state.refresh_rows();
        state
    }

    /// The context the state is in: which key bindings apply.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Help { .. } => Context::Help,
            Mode::Normal if self.source.is_some() => Context::Source,
            Mode::Normal => Context::List,
            _ => Context::Input,
        }
    }

    /// The rows of the current view.
    pub fn current_rows(&self) -> &[usize] {
        &self.rows[self.view.index()]
    }

    pub fn cursor(&self) -> Cursor {
        self.cursors[self.view.index()]
    }

    pub fn cursor_mut(&mut self) -> &mut Cursor {
        &mut self.cursors[self.view.index()]
    }

    /// The selected item of the current view (an index into events, quotes or documents).
    pub fn selected_item(&self) -> Option<usize> {
        self.current_rows().get(self.cursor().selected).copied()
    }

    /// The quote `y` copies: the open article's, the quote row's, or the selected event's
    /// (the one chosen in the detail pane, else its first).
    pub fn selected_quote(&self) -> Option<usize> {
        if let Some(src) = &self.source {
            return src.quote;
        }
        let item = self.selected_item()?;
        match self.view {
            View::Quotes => Some(item),
            View::Timeline => {
                let quotes = &self.catalog.events[item].quotes;
                let pick = if self.focus == Focus::Detail {
                    self.detail.selected
                } else {
                    0
                };
                quotes.get(pick).copied()
            }
            View::Sources => None,
        }
    }

    /// Marks every view's rows for recomputation after the filters changed, recomputes the
    /// current one and keeps the selection on the same item when it is still shown.
    pub fn filters_changed(&mut self) {
        self.stale = [true; 3];
        self.refresh_rows();
    }

    /// Recomputes the current view's rows if the filters changed since they were made.
    pub fn refresh_rows(&mut self) {
        let v = self.view.index();
        if !self.stale[v] {
            return;
        }
        let before = self.selected_item();
        let mut memo = std::mem::take(&mut self.memos[v]);
        let mut rows = memo.rows(self, self.view);
        let ranked = self.ranked().map(str::to_string);
        let ranked = ranked.as_deref();
        if let Some(query) = ranked {
            rows = crate::tui::search::rank::ranked(self, query, &rows, memo.last_reach());
        }
        self.memos[v] = memo;
        // A ranked query being typed selects its best match; otherwise the selection stays on
        // its item.
        let best_first = self.view == View::Quotes
            && self.mode == Mode::Filter
            && ranked.map(str::to_string) != self.ranked_for
            && ranked.is_some();
        if self.view == View::Quotes {
            self.ranked_for = ranked.map(str::to_string);
        }
        let cursor = &mut self.cursors[v];
        cursor.selected = match before {
            _ if best_first => 0,
            Some(item) => rows
                .iter()
                .position(|&r| r == item)
                .unwrap_or(cursor.selected.min(rows.len().saturating_sub(1))),
            None => 0,
        };
        cursor.offset = cursor.offset.min(cursor.selected);
        self.rows[v] = rows;
        self.stale[v] = false;
    }

    /// The query the current view's rows are ranked by: the Quotes view with a `/` query, unless
    /// `r` asked for date order.
    pub fn ranked(&self) -> Option<&str> {
        let q = self.query()?;
        (self.view == View::Quotes && !self.by_date && !q.trim().is_empty()).then_some(q)
    }

    /// `r`: the Quotes view's matches best first, or in date order.
    pub fn toggle_rank(&mut self) {
        self.by_date = !self.by_date;
        self.stale[View::Quotes.index()] = true;
        self.ranked_for = None;
        self.refresh_rows();
    }

    /// The sanitised text of a document (kept once made).
    pub fn article(&mut self, doc: usize) -> Option<&Sanitized> {
        let text = &self.timeline.documents.get(doc)?.text;
        Some(
            self.articles
                .entry(doc)
                .or_insert_with(|| sanitize(text, true)),
        )
    }

    /// Where the user is now, for the back stack.
    pub fn place(&self) -> Place {
        match self.source {
            Some(s) => Place::Source(s),
            None => Place::List {
                view: self.view,
                cursor: self.cursor(),
                focus: self.focus,
                detail: self.detail,
                detail_open: self.detail_open,
            },
        }
    }

    /// Goes to a place taken from the back or forward stack.
    pub fn restore(&mut self, place: Place) {
        match place {
            Place::Source(s) => {
                self.source = Some(s);
                let _ = self.article(s.doc);
            }
            Place::List {
                view,
                cursor,
                focus,
                detail,
                detail_open,
            } => {
                self.source = None;
                self.view = view;
                self.refresh_rows();
                *self.cursor_mut() = cursor;
                self.focus = focus;
                self.detail = detail;
                self.detail_open = detail_open;
            }
        }
    }

    /// The `/` query, if one is active.
    pub fn query(&self) -> Option<&str> {
        self.filters.iter().find_map(|f| match f {
            Filter::Query(q) => Some(q.as_str()),
            _ => None,
        })
    }

    /// Whether the user is typing (filter line, a picker, the date prompt, a note, the `:` line).
    pub fn typing(&self) -> bool {
        !matches!(self.mode, Mode::Normal | Mode::Help { .. })
    }

    /// A day as the user asked dates to look (`date_format`), else `2025-08-15`.
    pub fn day(&self, d: chrono::NaiveDate) -> String {
        match &self.date_format {
            Some(f) => d.format(f).to_string(),
            None => d.to_string(),
        }
    }

    /// A date label (`2025-08-15`, `~2025-08-15`, `2025-08`, `undated`) with its day, if it
    /// names one, in the user's format.
    pub fn date_text<'a>(&self, label: &'a str) -> std::borrow::Cow<'a, str> {
        if self.date_format.is_none() {
            return label.into();
        }
        let (tilde, rest) = match label.strip_prefix('~') {
            Some(r) => ("~", r),
            None => ("", label),
        };
        match chrono::NaiveDate::parse_from_str(rest, "%Y-%m-%d") {
            Ok(d) if rest.len() == 10 => format!("{tilde}{}", self.day(d)).into(),
            _ => label.into(),
        }
    }
}
