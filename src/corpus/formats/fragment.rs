//! HTML fragments (a feed item's content, a JSON record's `content`) to plain text, through the
//! same HTML parser as whole pages: entities decoded, scripts dropped, one paragraph per block.

use super::tidy_text;
use dom_query::Document as Page;

/// Whether a field's text is HTML rather than plain text: it has a closing tag or a line break
/// tag. A lone `<` in prose ("a < b") is not markup.
pub fn looks_like_html(s: &str) -> bool {
    let mut end = s.len().min(64 * 1024);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let lower = s[..end].to_ascii_lowercase();
    [
        "</p>",
        "</div>",
        "<br",
        "</a>",
        "</li>",
        "</span>",
        "</em>",
        "</strong>",
        "<p>",
    ]
    .iter()
    .any(|t| lower.contains(t))
        || has_entity(&lower)
}

/// `&amp;`, `&#8211;`, `&#x2014;`: an HTML character reference.
fn has_entity(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| {
        let rest = &s.as_bytes()[i + 1..];
        let name_len = rest
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
            .count();
        name_len > 0 && rest.get(name_len) == Some(&b';')
    })
}

/// The text of an HTML fragment, paragraphs separated by a blank line.
pub fn html_to_text(html: &str) -> String {
    let page = Page::fragment(html);
    page.select("script, style, noscript, template").remove();
    tidy_text(&page.formatted_text())
}

/// Plain text as it is (tidied); HTML converted.
pub fn field_text(s: &str) -> String {
    if looks_like_html(s) {
        html_to_text(s)
    } else {
        tidy_text(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines_and_entities_are_decoded() {
        let text =
            html_to_text("<p>Talks &amp; deals.</p><p>Second <b>one</b>.</p><script>x()</script>");
        assert_eq!(text, "Talks & deals.\n\nSecond one.");
    }

    #[test]
    fn prose_with_a_less_than_sign_is_not_html() {
        assert!(!looks_like_html("Turnout was < 40% in the north."));
        assert_eq!(field_text("a < b"), "a < b");
        assert!(looks_like_html("One<br/>Two"));
        assert!(looks_like_html("Vote &#8211; delayed"));
        assert!(!looks_like_html("Fish & chips; peas"));
    }
}
