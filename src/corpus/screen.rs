//! A quick test that rules out most lines before the chrome patterns run on them.
//!
//! Running a set of regexes on a line costs a few hundred nanoseconds whatever the line, and an
//! article has dozens of lines of which one or two are chrome. The screen is the same patterns with
//! every assertion taken out (anchors, word boundaries) and counted repetitions left unbounded,
//! compiled into one lazy DFA that is stepped from the line start byte by byte and stops at the
//! first byte no pattern can go on with: a few bytes for most prose lines.
//!
//! Taking an assertion out or lifting a bound only lets a pattern match more, so a line the screen
//! rejects cannot match any pattern; a line it lets through is checked by the patterns themselves.
//! The screen runs anchored, so it only applies when every pattern is anchored at the start of its
//! haystack; otherwise it lets every line through.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{self, Hir, HirKind, Look};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

pub(super) struct Screen {
    /// `None`: some pattern may match away from the start; every line goes through.
    dfa: Option<DFA>,
    /// Tells this screen's lazy-DFA cache from another screen's in the per-thread slot.
    id: usize,
}

thread_local! {
    /// The lazy DFA's states, built as lines need them; one per thread, so no lock per line.
    static CACHE: RefCell<Option<(usize, Cache)>> = const { RefCell::new(None) };
}

impl Screen {
    /// A screen for regexes each searched from the start of the same haystack. A pattern that does
    /// not parse makes a screen that lets everything through (the caller reports the pattern).
    pub(super) fn new(patterns: &[String]) -> Screen {
        static NEXT_ID: AtomicUsize = AtomicUsize::new(0);
        Screen {
            dfa: build(patterns),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Runs `f` with this screen's test: false only when no pattern can match the haystack at its
    /// start. The lazy DFA's cache is taken once for all the lines `f` tests.
    pub(super) fn with<R>(&self, f: impl FnOnce(&mut dyn FnMut(&str) -> bool) -> R) -> R {
        let Some(dfa) = &self.dfa else {
            return f(&mut |_| true);
        };
        CACHE.with(|slot| {
            let mut slot = slot.borrow_mut();
            if slot.as_ref().is_none_or(|(id, _)| *id != self.id) {
                *slot = Some((self.id, dfa.create_cache()));
            }
            match slot.as_mut() {
                Some((_, cache)) => {
                    f(&mut |haystack| step(dfa, cache, haystack.as_bytes()).unwrap_or(true))
                }
                None => f(&mut |_| true),
            }
        })
    }
}

fn build(patterns: &[String]) -> Option<DFA> {
    let mut loosened = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        let hir = regex_automata::util::syntax::parse(pattern).ok()?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return None;
        }
        loosened.push(loosen(&hir));
    }
    let nfa = thompson::Compiler::new()
        .build_many_from_hir(&loosened)
        .ok()?;
    DFA::builder()
        .configure(DFA::config().match_kind(MatchKind::All))
        .build_from_nfa(nfa)
        .ok()
}

/// The pattern without assertions and with no upper bound on any repetition: it matches
/// everything the pattern matches, and more.
fn loosen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(_) | HirKind::Empty => Hir::empty(),
        HirKind::Literal(_) | HirKind::Class(_) => hir.clone(),
        HirKind::Repetition(rep) => Hir::repetition(hir::Repetition {
            min: rep.min,
            max: None,
            greedy: rep.greedy,
            sub: Box::new(loosen(&rep.sub)),
        }),
        HirKind::Capture(capture) => loosen(&capture.sub),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(loosen).collect()),
        HirKind::Alternation(parts) => Hir::alternation(parts.iter().map(loosen).collect()),
    }
}

/// Steps the DFA through `bytes` from an anchored start: true at the first match, false once no
/// pattern can continue. Errors (a cache that cannot grow) are the caller's "may match".
fn step(dfa: &DFA, cache: &mut Cache, bytes: &[u8]) -> Result<bool, Box<dyn std::error::Error>> {
    let mut state = dfa.start_state_forward(cache, &Input::new(bytes).anchored(Anchored::Yes))?;
    for &byte in bytes {
        state = dfa.next_state(cache, state, byte)?;
        if state.is_tagged() {
            if state.is_match() || state.is_quit() || state.is_unknown() {
                return Ok(true);
            }
            if state.is_dead() {
                return Ok(false);
            }
        }
    }
    Ok(dfa.next_eoi_state(cache, state)?.is_match())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(patterns: &[&str]) -> Screen {
        Screen::new(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    impl Screen {
        pub(in crate::corpus) fn may_match(&self, haystack: &str) -> bool {
            self.with(|may_match| may_match(haystack))
        }
    }

    #[test]
    fn rejects_lines_no_pattern_can_start() {
        let s = screen(&["^(?i)advertisement$", r"^[A-Z]{2,8}\s+Desk$"]);
        assert!(!s.may_match("The minister spoke on Tuesday."));
        assert!(!s.may_match("Ab Desk"));
        assert!(s.may_match("ADVERTISEMENT"));
        assert!(s.may_match("NEWS  Desk"));
    }

    #[test]
    fn lets_through_what_only_an_assertion_or_bound_would_refuse() {
        let s = screen(&[r"^(?i)share this\b", r"^(?i)ad$", r"^(?:x){1,2}$"]);
        assert!(s.may_match("Share thistle seeds"));
        assert!(s.may_match("Admiral Jane Holt"));
        assert!(s.may_match("xxxx"));
    }

    #[test]
    fn an_unanchored_pattern_turns_the_screen_off() {
        let s = screen(&["^(?i)advertisement$", "(?i)sponsored"]);
        assert!(s.dfa.is_none());
        assert!(s.may_match("Anything at all"));
    }

    #[test]
    fn case_folding_is_kept() {
        // `(?i)s` also matches the long s and `(?i)k` the Kelvin sign.
        let s = screen(&["^(?i)sk$"]);
        assert!(s.may_match("\u{17f}\u{212a}"));
        assert!(!s.may_match("sx"));
    }
}
