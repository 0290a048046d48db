//! Properties of the input side on arbitrary data: decoding, front matter, every format reader
//! and the sanitizer never panic, and what they return is well-formed (spans on char boundaries
//! inside the text, no empty documents, one-line warnings). The fuzz targets in `fuzz/` push
//! the same code much harder; these run with every `cargo test`.

use attache::corpus::formats::{self, Kind, Parsed};
use attache::corpus::{Decoded, decode, split_front_matter};
use proptest::prelude::*;
use serde_json::{Value, json};

fn well_formed(p: &Parsed) -> Result<(), TestCaseError> {
    for d in &p.documents {
        prop_assert!(!d.text.trim().is_empty(), "empty document {}", d.path);
        for s in &d.chrome {
            prop_assert!(s.start <= s.end && s.end <= d.text.len());
            prop_assert!(d.text.is_char_boundary(s.start) && d.text.is_char_boundary(s.end));
        }
    }
    for w in &p.warnings {
        prop_assert!(
            !w.message.contains('\n'),
            "multi-line warning {}",
            w.message
        );
    }
    Ok(())
}

/// Text with the characters that trip parsers: markup, quotes, separators, controls, multibyte.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<script>".to_string()),
            Just("---\n".to_string()),
            Just("title: x\n".to_string()),
            Just("&amp;".to_string()),
            Just("&#8211;".to_string()),
            Just("“".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just("\u{202e}".to_string()),
            Just("é".to_string()),
            Just("\n\n".to_string()),
            any::<String>(),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        tricky_text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        let key = prop_oneof![
            Just("title".to_string()),
            Just("content".to_string()),
            Just("text".to_string()),
            Just("source".to_string()),
            Just("publishedAt".to_string()),
            Just("author".to_string()),
            Just("articles".to_string()),
            Just("fields".to_string()),
            any::<String>(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn decoding_any_bytes_never_panics_and_keeps_utf8(bytes in any::<Vec<u8>>()) {
        let decoded = decode(&bytes);
        if let (Ok(s), Decoded::Utf8(out)) = (std::str::from_utf8(&bytes), &decoded)
            && !s.starts_with('\u{feff}')
        {
            prop_assert_eq!(s, out.as_str());
        }
        let _ = Kind::sniff(&bytes);
        let _ = formats::decode_for(Kind::Html, &bytes);
    }

    #[test]
    fn front_matter_body_starts_on_a_char_boundary(text in tricky_text()) {
        let (_, body, _) = split_front_matter(&text);
        prop_assert!(text.is_char_boundary(body));
        well_formed(&formats::parse(Kind::Text, "t.txt", &text, text.as_bytes()))?;
    }

    #[test]
    fn json_and_jsonl_readers_take_any_text(text in tricky_text()) {
        well_formed(&formats::parse(Kind::Json, "t.json", &text, text.as_bytes()))?;
        well_formed(&formats::parse(Kind::Jsonl, "t.jsonl", &text, text.as_bytes()))?;
    }

    #[test]
    fn json_reader_takes_any_json_value(v in json_value()) {
        let text = v.to_string();
        well_formed(&formats::parse(Kind::Json, "t.json", &text, text.as_bytes()))?;
    }

    #[test]
    fn every_record_with_text_becomes_one_document(texts in prop::collection::vec("[a-z]{1,12}( [a-z]{1,12}){0,8}", 1..12)) {
        let records: Vec<Value> = texts.iter().map(|t| json!({"title": "T", "content": t})).collect();
        let text = Value::Array(records).to_string();
        let parsed = formats::parse(Kind::Json, "t.json", &text, text.as_bytes());
        prop_assert_eq!(parsed.documents.len(), texts.len());
        for (i, (d, t)) in parsed.documents.iter().zip(&texts).enumerate() {
            prop_assert_eq!(&d.path, &format!("t.json#{}", i + 1));
            prop_assert_eq!(&d.text, t);
        }
    }

    #[test]
    fn sanitizer_takes_any_string(s in any::<String>()) {
        let clean = attache::sanitize::sanitize(&s, true);
        prop_assert!(!clean.text.contains('\x1b'), "ESC left in {:?}", clean.text);
        prop_assert!(clean.map(s.len()) <= clean.text.len());
        prop_assert!(!attache::sanitize::plain(&s).contains('\n'));
    }
}

proptest! {
    // Parsing HTML and XML is slower: fewer cases here; the fuzz targets do the bulk.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn html_reader_takes_any_text(body in tricky_text(), meta in tricky_text()) {
        let page = format!(
            "<html><head><meta property=\"og:site_name\" content=\"{meta}\">\
             <script type=\"application/ld+json\">{meta}</script></head><body><article>{body}</article></body></html>"
        );
        well_formed(&formats::parse(Kind::Html, "t.html", &page, page.as_bytes()))?;
        well_formed(&formats::parse(Kind::Html, "t.html", &body, body.as_bytes()))?;
    }

    #[test]
    fn feed_reader_takes_any_item(title in tricky_text(), content in tricky_text()) {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
        let feed = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{}</title>\
             <item><title>{}</title><description>{}</description></item></channel></rss>",
            esc(&title), esc(&title), esc(&content)
        );
        well_formed(&formats::parse(Kind::Feed, "t.rss", &feed, feed.as_bytes()))?;
        well_formed(&formats::parse(Kind::Feed, "t.rss", &content, content.as_bytes()))?;
    }
}

/// Found by the `loader_feed` fuzz target: feed-rs's error message for this input spans lines.
#[test]
fn regression_feed_error_message_is_one_warning_line() {
    let bytes = include_bytes!("fixtures/regressions/feed_error_spanning_lines.xml");
    let text = String::from_utf8_lossy(bytes);
    let parsed = formats::parse(Kind::Feed, "crash.xml", &text, bytes);
    assert_eq!(parsed.warnings.len(), 1);
    let w = &parsed.warnings[0].message;
    assert!(!w.contains(['\n', '\r', '\0']), "{w:?}");
    assert!(
        w.starts_with("not an RSS, Atom or JSON feed") && w.ends_with("; skipped"),
        "{w}"
    );
    assert!(w.chars().count() < 300, "{w}");
}
