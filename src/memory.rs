//! The allocator, and giving freed memory back to the system between the stages of a large load.
//!
//! Extraction allocates many small strings and vectors on every core at once: mimalloc's
//! per-thread heaps serve them without the contention and the free-list walks of glibc's malloc.
//! It is built without transparent huge pages (`no_thp`): with them, each fresh huge page is
//! cleared whole and stays resident however little of it is used. (What each choice measured:
//! PERFORMANCE.md, "Memory".)
//!
//! When the merge, on one thread, replaces the extractions' mentions with the events', the freed
//! pages would stay resident for a while and the peak would hold both copies. Returning free pages
//! between steps keeps the peak to one copy. During dating and extraction, on the other hand,
//! each core frees and allocates the same sizes over and over: there freed pages are kept for
//! reuse ([`Reuse`]) and returned once extraction is done: fewer page faults and less system
//! time, for a slightly higher peak.
//!
//! The allocator itself is declared by the binary (`main.rs`) and by each benchmark, not here: a
//! library does not choose its users' allocator. Under another allocator these calls do nothing
//! useful and no harm.

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (the same in its versions 2 and 3).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Called first thing in `main`: freed pages go back to the system at once instead of a few
/// milliseconds later, so that a stage's garbage is gone before the next stage's peak.
#[allow(unsafe_code)] // the SAFETY comment below
pub fn configure() {
    // SAFETY: sets one allocator option; mimalloc reads options atomically.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

/// Returns the free pages the allocator holds to the system.
#[allow(unsafe_code)] // the SAFETY comment below
pub fn release_free() {
    // SAFETY: mi_collect only walks the allocator's own heaps and frees pages it no longer uses;
    // it touches no memory the program uses.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
}

/// While it lives, freed pages stay with the allocator for reuse instead of going back to the
/// system at once (the extraction stages free and allocate the same sizes over and over on
/// every core: giving the pages back and faulting them in again costs system time). Dropping it
/// restores the immediate return and returns what is free.
pub struct Reuse(());

impl Reuse {
    #[allow(unsafe_code)] // the SAFETY comment below
    pub fn start() -> Reuse {
        // SAFETY: sets one allocator option; mimalloc reads options atomically.
        unsafe {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, -1);
        }
        Reuse(())
    }
}

impl Drop for Reuse {
    #[allow(unsafe_code)] // the SAFETY comment below
    fn drop(&mut self) {
        // SAFETY: as in `configure`.
        unsafe {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
        release_free();
    }
}
