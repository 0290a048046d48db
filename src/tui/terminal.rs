//! The only module that touches the real terminal: entering and leaving the alternate screen,
//! restoring it on quit, error, panic and SIGTERM/SIGHUP/SIGINT, and the event loop.
//!
//! The loop blocks on one channel fed by a key-reading thread and a signal thread, so it redraws
//! only after something happened (never on a timer), and every frame is wrapped in
//! synchronized-update sequences so slow links never show a torn frame.

use super::action::Action;
use super::app::{Options, State};
use super::update::{Effect, update};
use super::views;
use crate::model::Timeline;
use crate::tui::backend::Compact;
use base64::Engine;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};
use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

/// Whether the terminal is in TUI mode (so restoring twice is harmless).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Leaves the alternate screen, shows the cursor and turns raw mode and mouse capture off.
/// Safe to call from anywhere, any number of times.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = execute!(out, EndSynchronizedUpdate);
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped: on return, on `?` errors and while unwinding.
struct Session;

impl Session {
    fn enter(mouse: bool) -> io::Result<Session> {
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let session = Session;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, Hide)?;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

enum Msg {
    Event(Event),
    ReadFailed(io::Error),
    Signal(i32),
}

#[cfg(unix)]
fn watch_signals(tx: mpsc::Sender<Msg>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = tx.send(Msg::Signal(sig));
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_tx: mpsc::Sender<Msg>) -> io::Result<()> {
    Ok(())
}

fn read_events(tx: mpsc::Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Event(ev),
                Err(e) => Msg::ReadFailed(e),
            };
            let failed = matches!(msg, Msg::ReadFailed(_));
            if tx.send(msg).is_err() || failed {
                break;
            }
        }
    });
}

/// The mouse, when `--mouse` turned it on: the wheel scrolls, a left click selects.
fn mouse_action(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
        _ => None,
    }
}

/// The OSC 52 sequence that asks the terminal (even over SSH) to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

/// Draws one frame between synchronized-update sequences.
pub fn draw_frame<B: Backend<Error = io::Error> + Write>(
    terminal: &mut Terminal<B>,
    state: &State,
) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let frame = terminal.draw(|f| views::draw(f, state))?;
    let link = match crate::tui::backend::hyperlink::shown_url(state) {
        Some(url) if state.hyperlinks => crate::tui::backend::hyperlink::bytes(frame.buffer, url),
        _ => None,
    };
    if let Some(link) = link {
        terminal.backend_mut().write_all(&link)?;
    }
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// What a message did.
enum Outcome {
    /// Nothing to redraw (a key release, an unbound key).
    Ignored,
    Changed,
    Quit,
    Signal(i32),
}

fn handle<B: Backend<Error = io::Error> + Write>(
    msg: Msg,
    state: &mut State,
    terminal: &mut Terminal<B>,
) -> io::Result<Outcome> {
    let action = match msg {
        Msg::Signal(sig) => return Ok(Outcome::Signal(sig)),
        Msg::ReadFailed(e) => return Err(e),
        Msg::Event(Event::Key(k)) => state.keymap.action_for(state.context(), &k),
        Msg::Event(Event::Resize(w, h)) => Some(Action::Resize(w, h)),
        Msg::Event(Event::Mouse(m)) if state.mouse => mouse_action(&m),
        Msg::Event(_) => None,
    };
    let Some(action) = action else {
        return Ok(Outcome::Ignored);
    };
    let effect = update(state, action);
    // Kept files are written here, never by `update`.
    if !state.saves.is_empty() {
        super::persist::write_pending(state);
    }
    match effect {
        Some(Effect::Quit) => Ok(Outcome::Quit),
        Some(Effect::Save) => Ok(Outcome::Changed),
        Some(Effect::Copy(text)) => {
            let w = terminal.backend_mut();
            w.write_all(osc52(&text).as_bytes())?;
            Write::flush(w)?;
            Ok(Outcome::Changed)
        }
        None => Ok(Outcome::Changed),
    }
}

/// Runs the TUI until the user quits. Returns the process exit code (128 + signal number when a
/// signal ended it).
pub fn run(timeline: Timeline, options: Options) -> io::Result<u8> {
    run_state(State::new(timeline, options))
}

/// Runs the TUI on a prepared state (settings applied, kept state opened). When it ends, by the
/// user or by a signal, the place in the corpus is written for next time.
pub fn run_state(mut state: State) -> io::Result<u8> {
    let result = event_loop(&mut state);
    restore();
    if let Err(e) = crate::tui::persist::remember_place(&state) {
        eprintln!("attache: warning: could not save where you were: {e}");
    }
    result
}

fn event_loop(state: &mut State) -> io::Result<u8> {
    let options = Options {
        theme: state.theme.name,
        mouse: state.mouse,
    };
    // The theme already honours NO_COLOR (mono uses no colour). crossterm's own NO_COLOR handling
    // would also turn colour resets into `ESC[;m`, which wipes bold and reverse, and would ignore
    // an explicit `--theme dark|light`.
    ratatui::crossterm::style::force_color_output(true);
    let (tx, rx) = mpsc::channel();
    watch_signals(tx.clone())?;
    let _session = Session::enter(options.mouse)?;
    let mut terminal = Terminal::new(Compact::new(CrosstermBackend::new(io::stdout())))?;
    let size = terminal.size()?;
    crate::progress::mark("terminal ready");
    update(state, Action::Resize(size.width, size.height));
    read_events(tx);
    draw_frame(&mut terminal, state)?;
    crate::progress::mark_first_frame();
    // Test hook (documented in SECURITY.md): a key press panics, to prove the terminal is
    // restored on a panic in the real binary.
    let panic_on_key = std::env::var_os("ATTACHE_TEST_PANIC_ON_KEY").is_some();
    // The place (view, selections, filters) is written once the user pauses after a change, so
    // a kill or a lost connection loses nothing; quitting and signals write it too.
    let mut written_place = crate::tui::persist::current_place(state);
    let mut place_changed = false;
    loop {
        let first = if place_changed {
            match rx.recv_timeout(SAVE_PLACE_AFTER) {
                Ok(msg) => msg,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    place_changed = false;
                    written_place = crate::tui::persist::current_place(state);
                    if let Err(e) = crate::tui::persist::remember_place(state) {
                        state.message = Some(format!("could not save where you were: {e}"));
                        draw_frame(&mut terminal, state)?;
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(0),
            }
        } else {
            let Ok(msg) = rx.recv() else { return Ok(0) };
            msg
        };
        if panic_on_key && matches!(first, Msg::Event(Event::Key(_))) {
            panic!("injected panic (ATTACHE_TEST_PANIC_ON_KEY)");
        }
        // Handle everything already waiting (a burst of keys over SSH) before drawing once.
        let mut pending = Some(first);
        let mut changed = false;
        while let Some(msg) = pending.take().or_else(|| rx.try_recv().ok()) {
            match handle(msg, state, &mut terminal)? {
                Outcome::Ignored => {}
                Outcome::Changed => changed = true,
                Outcome::Quit => return Ok(0),
                Outcome::Signal(sig) => return Ok((128 + sig).clamp(0, 255) as u8),
            }
        }
        if changed {
            draw_frame(&mut terminal, state)?;
            place_changed = crate::tui::persist::current_place(state) != written_place;
        }
    }
}

/// How long after the last change the place is written (a burst of `j` writes once).
const SAVE_PLACE_AFTER: std::time::Duration = std::time::Duration::from_millis(300);
