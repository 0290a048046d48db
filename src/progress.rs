//! Progress of a long load: counters the pipeline advances, and a one-line indicator on stderr.
//!
//! The pipeline only bumps atomics ([`Progress`]); a [`Ticker`] thread reads them and redraws one
//! line in place, and only when the load has already taken ~300 ms and stderr is a terminal that
//! can redraw (not TERM=dumb), so scripts and small corpora see nothing. The ticker also owns Ctrl-C during loading: the line is
//! cleared and the process exits with 130, before the TUI has touched the terminal.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

static STARTED: OnceLock<Instant> = OnceLock::new();
static FIRST_FRAME: OnceLock<Duration> = OnceLock::new();

/// Notes when the process started (the binary calls it first thing), for [`first_frame`].
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Notes that the TUI has drawn its first frame (later calls change nothing).
pub fn mark_first_frame() {
    if let Some(start) = STARTED.get() {
        FIRST_FRAME.get_or_init(|| start.elapsed());
    }
}

/// How long after [`mark_start`] the TUI drew its first frame, if it did.
pub fn first_frame() -> Option<Duration> {
    FIRST_FRAME.get().copied()
}

static MOMENTS: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

/// Notes that the TUI has reached a step on its way to the first frame (for `ATTACHE_TIMINGS`,
/// printed when the TUI has closed).
pub fn mark(step: &'static str) {
    if let Some(start) = STARTED.get() {
        let took = start.elapsed();
        MOMENTS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((step, took));
    }
}

/// The steps [`mark`] noted, with how long after [`mark_start`] each was reached.
pub fn marks() -> Vec<(&'static str, Duration)> {
    MOMENTS.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// Shown only after the load has taken this long.
const QUIET_FOR: Duration = Duration::from_millis(300);
const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// What the pipeline is doing: a stage name, and how many of its units are done out of how many
/// (a total of 0: a stage without counts).
#[derive(Debug)]
pub struct Progress {
    stage: Mutex<(&'static str, Instant)>,
    /// Each finished stage and how long it took (for `ATTACHE_TIMINGS`).
    finished: Mutex<Vec<(&'static str, Duration)>>,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            stage: Mutex::new(("loading", Instant::now())),
            finished: Mutex::new(Vec::new()),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }
}

impl Progress {
    /// Starts a stage of `total` units (0 when it cannot be counted).
    pub fn stage(&self, name: &'static str, total: usize) {
        let (before, since) = std::mem::replace(
            &mut *self.stage.lock().unwrap_or_else(|p| p.into_inner()),
            (name, Instant::now()),
        );
        self.finished
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((before, since.elapsed()));
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// The stages so far with their durations, the current one included.
    pub fn timings(&self) -> Vec<(&'static str, Duration)> {
        let mut all = self
            .finished
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let (name, since) = *self.stage.lock().unwrap_or_else(|p| p.into_inner());
        all.push((name, since.elapsed()));
        all
    }

    pub fn advance(&self, units: usize) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// The line to show: "extracting 4,210/10,000 articles, 42%, about 3 s left".
    pub fn line(&self) -> String {
        let (name, since) = *self.stage.lock().unwrap_or_else(|p| p.into_inner());
        let done = self.done.load(Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return format!("attache: {name}…");
        }
        let mut line = format!("attache: {name} {done}/{total} articles");
        if done > 0 && done < total {
            let per = since.elapsed().as_secs_f64() / done as f64;
            let left = per * (total - done) as f64;
            line.push_str(&format!(
                ", {}%, about {} s left",
                done * 100 / total,
                left.ceil() as u64
            ));
        }
        line
    }
}

/// The stderr indicator and Ctrl-C watcher for the duration of a load.
pub struct Ticker {
    stop: Arc<AtomicBool>,
    drawn: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    signal: Option<signal_hook::SigId>,
}

impl Ticker {
    /// Starts watching `progress` (drawing only when stderr is a terminal).
    pub fn start(progress: Arc<Progress>) -> Ticker {
        let interrupted = Arc::new(AtomicBool::new(false));
        let signal =
            signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&interrupted)).ok();
        let stop = Arc::new(AtomicBool::new(false));
        let drawn = Arc::new(AtomicBool::new(false));
        // A dumb terminal cannot redraw a line in place: it gets no indicator.
        let tty =
            std::io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        let started = Instant::now();
        let thread = {
            let (stop, drawn) = (Arc::clone(&stop), Arc::clone(&drawn));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if interrupted.load(Ordering::Relaxed) {
                        if drawn.load(Ordering::Relaxed) {
                            clear_line();
                        }
                        std::process::exit(130);
                    }
                    if tty && started.elapsed() >= QUIET_FOR {
                        let mut err = std::io::stderr().lock();
                        let _ = write!(err, "\r\x1b[2K{}", progress.line());
                        let _ = err.flush();
                        drawn.store(true, Ordering::Relaxed);
                    }
                    // Parked rather than asleep, so that finishing does not wait out the interval.
                    std::thread::park_timeout(REDRAW_EVERY);
                }
            })
        };
        Ticker {
            stop,
            drawn,
            thread: Some(thread),
            signal,
        }
    }

    /// Stops the indicator, clears its line, and lets Ctrl-C end the process as usual again.
    pub fn finish(mut self) {
        self.shutdown();
        let always = Arc::new(AtomicBool::new(true));
        let _ =
            signal_hook::flag::register_conditional_default(signal_hook::consts::SIGINT, always);
    }

    /// Stops the indicator and clears its line; Ctrl-C is left to the TUI, which handles it.
    pub fn finish_for_tui(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
        if self.drawn.swap(false, Ordering::Relaxed) {
            clear_line();
        }
        if let Some(id) = self.signal.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn clear_line() {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[2K");
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_counts_and_estimates_only_when_it_can() {
        let p = Progress::default();
        p.stage("dating articles", 0);
        assert_eq!(p.line(), "attache: dating articles…");
        p.stage("extracting", 10);
        assert_eq!(p.line(), "attache: extracting 0/10 articles");
        p.advance(4);
        let line = p.line();
        assert!(
            line.starts_with("attache: extracting 4/10 articles, 40%, about "),
            "{line}"
        );
        assert!(line.ends_with(" s left"), "{line}");
    }
}
