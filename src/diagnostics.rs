//! The binary's `tracing` subscriber: what the library's spans and debugging events print, chosen
//! by environment variables.
//!
//! - `ATTACHE_TIMINGS`: each phase span (target `attache::timing`, see `attache::extract::phase`)
//!   prints its wall time and the CPU time of the thread that ran it when it closes (a phase
//!   whose CPU time is far below its wall time ran on other cores, or waited);
//! - `ATTACHE_DEBUG_EVENTS`, `ATTACHE_DEBUG_MERGE`, `ATTACHE_DEBUG_PUB`: the debugging events of
//!   targets `attache::debug::events`, `::merge` and `::pub`, one line each, as written.
//!
//! With none set no subscriber is installed, and the library's spans and events cost a check of
//! a static each.

use std::fmt::Write as _;
use std::time::{Duration, Instant};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

const TIMING: &str = "attache::timing";

/// Which outputs the environment asks for.
#[derive(Debug, Default, Clone, Copy)]
struct Wanted {
    timings: bool,
    events: bool,
    merge: bool,
    publication: bool,
}

impl Wanted {
    fn from_env() -> Wanted {
        let set = |name: &str| std::env::var_os(name).is_some();
        Wanted {
            timings: set("ATTACHE_TIMINGS"),
            events: set("ATTACHE_DEBUG_EVENTS"),
            merge: set("ATTACHE_DEBUG_MERGE"),
            publication: set("ATTACHE_DEBUG_PUB"),
        }
    }

    fn any(self) -> bool {
        self.timings || self.events || self.merge || self.publication
    }

    fn wants(self, target: &str) -> bool {
        match target {
            TIMING => self.timings,
            "attache::debug::events" => self.events,
            "attache::debug::merge" => self.merge,
            "attache::debug::pub" => self.publication,
            _ => false,
        }
    }
}

/// Installs the subscriber when the environment asks for any output.
pub fn install() {
    let wanted = Wanted::from_env();
    if !wanted.any() {
        return;
    }
    let subscriber = tracing_subscriber::registry().with(Diagnostics { wanted });
    // Only fails when a subscriber is already set: then that one prints.
    let _ = tracing::subscriber::set_global_default(subscriber);
}

struct Diagnostics {
    wanted: Wanted,
}

/// When a phase span opened.
struct Started {
    name: String,
    wall: Instant,
    /// The thread's CPU time then (none where the platform has no per-thread clock).
    cpu: Option<Duration>,
}

/// Collects an event's message (and a phase span's `name`) as text.
#[derive(Default)]
struct Text {
    message: String,
    name: String,
}

impl Visit for Text {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "name" => self.name = value.to_string(),
            "message" => self.message.push_str(value),
            other => {
                let _ = write!(self.message, " {other}={value}");
            }
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        match field.name() {
            "name" => self.name = format!("{value:?}"),
            "message" => {
                let _ = write!(self.message, "{value:?}");
            }
            other => {
                let _ = write!(self.message, " {other}={value:?}");
            }
        }
    }
}

impl<S> Layer<S> for Diagnostics
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if self.wanted.wants(metadata.target()) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        self.wanted.wants(metadata.target())
    }

    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        if attrs.metadata().target() != TIMING {
            return;
        }
        let mut text = Text::default();
        attrs.record(&mut text);
        if let Some(span) = ctx.span(id) {
            span.extensions_mut().insert(Started {
                name: text.name,
                wall: Instant::now(),
                cpu: thread_cpu(),
            });
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let extensions = span.extensions();
        let Some(started) = extensions.get::<Started>() else {
            return;
        };
        // A span closes on the thread that entered it (an entered span cannot move).
        let cpu = match (started.cpu, thread_cpu()) {
            (Some(then), Some(now)) => now.saturating_sub(then),
            _ => Duration::ZERO,
        };
        eprintln!(
            "attache: timing: merge: {}: {:.3} s wall, {:.3} s thread CPU",
            started.name,
            started.wall.elapsed().as_secs_f64(),
            cpu.as_secs_f64()
        );
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut text = Text::default();
        event.record(&mut text);
        eprintln!("{}", text.message);
    }
}

/// This thread's CPU time so far.
fn thread_cpu() -> Option<Duration> {
    cpu_time::ThreadTime::try_now()
        .ok()
        .map(|t| t.as_duration())
}
