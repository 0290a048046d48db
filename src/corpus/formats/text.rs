//! Plain text and Markdown articles, with an optional `---` front matter block. The document text
//! is the body after the block, byte for byte, so spans index what is in the file.

use super::Parsed;
use crate::corpus::split_front_matter;

pub(super) fn parse(path: &str, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let (front, body_start, front_error) = split_front_matter(text);
    if let Some(message) = front_error {
        parsed.warn(path, message);
    }
    let body = text.get(body_start..).unwrap_or(text);
    if body.trim().is_empty() {
        parsed.warn(path, "front matter but no article text; skipped");
        return parsed;
    }
    parsed.push(path, body, front.unwrap_or_default());
    parsed
}
