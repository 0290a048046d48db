// Shared checks: every document a reader returns must be well-formed whatever the input.

use attache::corpus::formats::Parsed;

/// Every chrome span lies inside its text on char boundaries; no document is empty.
pub fn check(parsed: &Parsed) {
    for d in &parsed.documents {
        assert!(!d.text.trim().is_empty(), "empty document {}", d.path);
        for s in &d.chrome {
            assert!(
                s.start <= s.end && s.end <= d.text.len(),
                "chrome span out of text"
            );
            assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        }
    }
    for w in &parsed.warnings {
        assert!(
            !w.message.contains('\n'),
            "multi-line warning: {}",
            w.message
        );
    }
}
