//! What one `j` writes to a real (crossterm) terminal at 120x40, through the backend `attache tui`
//! uses: only the cells that changed, short unchanged gaps rewritten rather than jumped, so
//! scrolling one row stays small — over ssh every byte is latency.

use attache::tui::compact::Compact;
use attache::tui::{Action, Options, State, View, draw, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A generous bound: the target is 2 KB (see `cargo bench --bench render`).
const MAX_BYTES_PER_J: usize = 3 * 1024;

/// A terminal's output stream that only counts the bytes written to it (shared with the caller).
#[derive(Clone, Default)]
struct Tally(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Tally {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_per_j(view: View) -> Vec<usize> {
    let loaded = attache::corpus::load(&[] as &[&str], &Default::default());
    let mut s = State::new(
        attache::extract::build_timeline(loaded.documents),
        Options::default(),
    );
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Show(view));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
    };
    let tally = Tally::default();
    let backend = Compact::new(CrosstermBackend::new(tally.clone()));
    let mut t = Terminal::with_options(backend, options).unwrap();
    t.draw(|f| draw(f, &s)).unwrap();
    let first = tally.0.get();
    assert!(
        first > 120 * 20,
        "the first frame paints the screen ({first} bytes)"
    );
    (0..8)
        .map(|_| {
            tally.0.set(0);
            update(&mut s, Action::Down);
            t.draw(|f| draw(f, &s)).unwrap();
            tally.0.get()
        })
        .collect()
}

#[test]
fn one_row_of_scrolling_writes_little_to_the_terminal() {
    for view in [View::Timeline, View::Quotes, View::Sources] {
        let sizes = bytes_per_j(view);
        println!("{view:?}: bytes written per j at 120x40: {sizes:?}");
        assert!(sizes.iter().any(|&n| n > 0), "{view:?}: j changed nothing");
        assert!(
            sizes.iter().all(|&n| n <= MAX_BYTES_PER_J),
            "{view:?}: bytes per j {sizes:?}"
        );
    }
}
