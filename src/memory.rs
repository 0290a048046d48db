//! Giving freed memory back to the system between the stages of a large load.
//!
//! Extraction allocates on every worker thread, and glibc keeps what a thread frees in that
//! thread's own heap, where another thread cannot reuse it: when the merge, on one thread,
//! replaces the extractions' mentions with the events', the freed pages would stay resident and
//! the peak would hold both copies. Returning free pages between steps keeps the peak to one copy.

/// Returns whole free pages of every heap to the system (glibc on Linux; nothing elsewhere).
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists (under its locks) and
    // advises the kernel that free pages are unneeded; it touches no memory the program uses.
    unsafe {
        libc::malloc_trim(0);
    }
}
