//! Timing the merge's phases for `ATTACHE_TIMINGS`: the merge is one call, and which of its
//! phases is slow (and whether it runs on one core or both) is what work on it needs to know.

use std::time::{Duration, Instant};

/// Wall and this thread's CPU time of the merge's phases, printed on stderr when
/// `ATTACHE_TIMINGS` is set (run with `RAYON_NUM_THREADS=1` for a clean split: CPU time spent on
/// rayon's other threads is not counted).
pub struct Phase {
    name: &'static str,
    wall: Instant,
    cpu: Duration,
    faults: i64,
}

/// Minor page faults of this thread so far (fresh pages the kernel had to clear); Linux only
/// (`RUSAGE_THREAD`), zero elsewhere.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)] // the SAFETY comment below
fn thread_faults() -> i64 {
    // SAFETY: getrusage writes one rusage we own; a failure leaves it zeroed.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_THREAD, &mut u);
        u.ru_minflt
    }
}

#[cfg(not(target_os = "linux"))]
fn thread_faults() -> i64 {
    0
}

/// This thread's CPU time so far; zero where there is no per-thread clock.
#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    Duration::ZERO
}

#[cfg(unix)]
#[allow(unsafe_code)] // the SAFETY comment below
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec we own; a failure leaves it zero.
    unsafe {
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
    }
    Duration::new(
        t.tv_sec.max(0) as u64,
        t.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

impl Phase {
    pub fn start(name: &'static str) -> Phase {
        Phase {
            name,
            wall: Instant::now(),
            cpu: thread_cpu(),
            faults: thread_faults(),
        }
    }

    /// Prints the phase's times (when wanted) and starts the next phase.
    pub fn next(self, name: &'static str) -> Phase {
        self.end();
        Phase::start(name)
    }

    pub fn end(self) {
        if std::env::var_os("ATTACHE_TIMINGS").is_some() {
            eprintln!(
                "attache: timing: merge: {}: {:.3} s wall, {:.3} s thread CPU, {} page faults",
                self.name,
                self.wall.elapsed().as_secs_f64(),
                (thread_cpu().saturating_sub(self.cpu)).as_secs_f64(),
                thread_faults() - self.faults
            );
        }
    }
}
