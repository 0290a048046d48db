//! Reader throughput: how many MB/s of saved pages, exports, feeds and plain text attache turns
//! into documents (decoding, extraction of the body, metadata, chrome marking).

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use attache::corpus::formats::{self, Kind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const PARAGRAPH: &str = "Foreign Minister Lena Marsh said on Tuesday that talks on the shared \
port would resume next Monday, adding: “We will return to the table with a proposal.”";

fn html_page(paragraphs: usize) -> String {
    let body: String = (0..paragraphs)
        .map(|i| format!("<p>{PARAGRAPH} ({i})</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Talks | Harbour Post</title>\
         <meta property=\"og:site_name\" content=\"Harbour Post\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
         \"headline\":\"Talks\",\"datePublished\":\"2024-03-12\"}}</script></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>Talks</h1>{body}</article>\
         <footer>© Harbour Post</footer></body></html>"
    )
}

fn jsonl(records: usize) -> String {
    (0..records)
        .map(|i| {
            serde_json::json!({
                "title": format!("Story {i}"), "url": format!("https://wire.example/{i}"),
                "publishedAt": "2024-06-04T05:30:00Z", "source": {"name": "North Wire"},
                "content": format!("{PARAGRAPH}\n\n{PARAGRAPH}"),
            })
            .to_string()
                + "\n"
        })
        .collect()
}

fn rss(items: usize) -> String {
    let items: String = (0..items)
        .map(|i| {
            format!(
                "<item><title>Story {i}</title><link>https://v.example/{i}</link>\
                 <pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate>\
                 <description><![CDATA[<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>]]></description></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley Times</title>\
         <link>https://v.example/</link>{items}</channel></rss>"
    )
}

/// A short article as folders of saved articles hold them: title, byline, paragraphs, and a few
/// lines of site chrome. Reading many of these is dominated by per-line work (chrome, metadata).
fn article(i: usize) -> String {
    let mut text = format!("Ministers meet on the shared port ({i})\n\nBy Jane Holt\n\n");
    for p in 0..12 {
        text.push_str(PARAGRAPH);
        text.push_str("\n\n");
        if p == 5 {
            text.push_str("Advertisement\n\n");
        }
    }
    text.push_str("Share this article\n\nRelated stories\n");
    text
}

fn bench(c: &mut Criterion) {
    let inputs = [
        ("html_page_20kb", Kind::Html, html_page(100)),
        ("html_page_1mb", Kind::Html, html_page(5_000)),
        ("jsonl_1000_records", Kind::Jsonl, jsonl(1_000)),
        ("rss_500_items", Kind::Feed, rss(500)),
        (
            "text_1mb",
            Kind::Text,
            format!("{PARAGRAPH}\n\n").repeat(6_000),
        ),
    ];
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (name, kind, input) in &inputs {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| formats::parse(*kind, "bench", black_box(input), input.as_bytes()))
        });
    }
    let articles: Vec<String> = (0..200).map(article).collect();
    let bytes: u64 = articles.iter().map(|a| a.len() as u64).sum();
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("text_200_articles", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(formats::parse(
                    Kind::Text,
                    "bench",
                    black_box(a),
                    a.as_bytes(),
                ));
            }
        })
    });
    group.bench_function("decode_200_articles", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(attache::corpus::decode(black_box(a.as_bytes())));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
