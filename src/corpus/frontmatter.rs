//! The optional `---` … `---` block at the top of a `.md`/`.txt` file: simple `key: value` lines.

/// Metadata a file states about itself: its front matter, an HTML page's meta tags, a JSON
/// record's fields or a feed item's elements. Each format reader fills what it finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// The name this type had when front matter was the only metadata a file could state.
pub type FrontMatter = FileMeta;

/// Splits a front matter block off `text`.
///
/// Returns the metadata (if a block is present), the byte offset where the body starts, and an
/// error message when the block is malformed (then the whole text is the body).
pub fn split_front_matter(text: &str) -> (Option<FileMeta>, usize, Option<String>) {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return (None, 0, None);
    }
    let mut meta = FileMeta::default();
    let mut offset = first_line_end;
    let mut line_no = 1;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..end].trim_end_matches(['\n', '\r']);
        line_no += 1;
        offset = end;
        if line.trim() == "---" {
            return (Some(meta), offset, None);
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return (
                None,
                0,
                Some(format!(
                    "front matter line {line_no} is not `key: value`; the block is read as text"
                )),
            );
        };
        let value = unquote(value.trim());
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = value,
            "outlet" | "source" | "site" | "publisher" => meta.outlet = value,
            "published" | "date" | "published_at" | "pubdate" => meta.published = value,
            "url" | "link" | "canonical" => meta.url = value,
            "byline" | "author" | "by" => meta.byline = value,
            _ => {}
        }
    }
    (
        None,
        0,
        Some("front matter block has no closing `---`; the file is read as text".to_string()),
    )
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_finds_the_body() {
        let text = "---\ntitle: \"Talks resume\"\noutlet: Daily Bugle\npublished: 2024-03-02\n---\nBody here.";
        let (meta, body, err) = split_front_matter(text);
        let meta = meta.expect("front matter");
        assert_eq!(meta.title.as_deref(), Some("Talks resume"));
        assert_eq!(meta.outlet.as_deref(), Some("Daily Bugle"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-02"));
        assert_eq!(&text[body..], "Body here.");
        assert!(err.is_none());
    }

    #[test]
    fn unclosed_block_is_an_error_and_text_is_kept() {
        let (meta, body, err) = split_front_matter("---\ntitle: x\nauthor: y\n");
        assert!(meta.is_none());
        assert_eq!(body, 0);
        assert!(err.unwrap().contains("closing"));
    }

    #[test]
    fn no_block_means_no_metadata() {
        assert_eq!(split_front_matter("Just text"), (None, 0, None));
    }
}
