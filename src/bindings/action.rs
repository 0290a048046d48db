//! What the user wants, one variant per intent. Keys (see `keymap`) and mouse events become an
//! [`Action`]; `update` applies it to the state. Nothing here knows about terminals.

/// The three list views, shown as tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Timeline,
    Quotes,
    Sources,
}

impl View {
    pub const ALL: [View; 3] = [View::Timeline, View::Quotes, View::Sources];

    pub fn index(self) -> usize {
        match self {
            View::Timeline => 0,
            View::Quotes => 1,
            View::Sources => 2,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Quotes => "Quotes",
            View::Sources => "Sources",
        }
    }
}

/// A filter dimension with its own picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Actor,
    Outlet,
    Kind,
    Status,
    Date,
    /// Direct quotes, reported statements or both (Quotes view).
    Form,
}

impl Facet {
    pub fn name(self) -> &'static str {
        match self {
            Facet::Actor => "actor",
            Facet::Outlet => "outlet",
            Facet::Kind => "kind",
            Facet::Status => "status",
            Facet::Date => "date",
            Facet::Form => "form",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Show(View),
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// Move the focus between the list and the detail pane.
    ToggleFocus,
    /// Open the selected event's or quote's article (or its detail, when the screen is small).
    Open,
    Back,
    Forward,
    NextQuote,
    PrevQuote,
    /// Copy the selected quote with its citation to the clipboard (OSC 52).
    CopyQuote,
    /// Copy the URL of the article at hand (open, selected, or the selected quote's) (OSC 52).
    CopyUrl,
    StartFilter,
    Pick(Facet),
    /// Quotes view with a `/` query: the best matches first, or in date order.
    ToggleRank,
    /// Quotes view: show both forms, then direct quotes only, then reported statements only.
    CycleForm,
    /// Bookmark (or un-bookmark) the selected event or quote.
    ToggleBookmark,
    /// Open the one-line note editor on the selected event.
    EditNote,
    /// Open the picker of saved filter sets.
    PickSaved,
    /// Open the `:` command line.
    StartCommand,
    RemoveLastFilter,
    ClearFilters,
    ToggleHelp,
    /// Text input in the filter line, a picker or the date prompt.
    Type(char),
    DeleteChar,
    /// Empty the line being typed (filter, picker query, prompt, note).
    ClearLine,
    Submit,
    Cancel,
    Resize(u16, u16),
    ScrollDown,
    ScrollUp,
    Click(u16, u16),
}

impl Action {
    /// Moving the selection or the scroll position: one list shared by every view, so a new
    /// movement key works everywhere at once.
    pub fn is_movement(self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::PageDown
                | Action::PageUp
                | Action::ScrollDown
                | Action::ScrollUp
        )
    }
}
