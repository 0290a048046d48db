//! The stages that turn paths into a timeline, in one place:
//!
//! 1. **read** ([`open`]): scan the paths and read the files into documents — or, when the cache's
//!    stat index vouches for every file, read nothing and reuse the stored timeline;
//! 2. **date** ([`build`]): infer the publication dates the documents do not give, over the whole
//!    corpus;
//! 3. **extract**, per document and in parallel: time expressions, actors, event mentions and
//!    quotes' sentences — or the extraction the cache stored for the same text and date;
//! 4. **merge** ([`merge`]): mentions grouped into events across documents; beside the grouping,
//!    on the other core, the **quotes** stage extracts the quotes extraction left pending (the
//!    grouping of the largest kind family leaves that core idle), stores each fresh extraction,
//!    and links the quotes into statements; then the mentions move into their events, which are
//!    dated, titled and ordered, and the quotes are tied to them;
//! 5. **timeline**: stored in the cache under a key of every document, for the next open.
//!
//! The cache is passed in as a store (`None`: nothing is read or written) and changes no output:
//! a timeline built through it equals one built without it.

use crate::cache::{self, Cache};
use crate::corpus::{self, LoadOptions, Loaded};
use crate::extract::{self, Extracted, Extraction, merge::link_quotes};
use crate::model::{Document, Quote, Timeline};
use crate::progress::Progress;
use rayon::prelude::*;
use std::path::Path;
use std::time::SystemTime;

/// How a timeline was built: for the user's warning line, and for tests to observe the cache.
#[derive(Debug)]
pub struct Built {
    pub timeline: Timeline,
    /// Documents whose extraction ran.
    pub extracted: usize,
    /// Documents whose extraction came from the cache.
    pub reused: usize,
    /// The whole timeline came from the cache.
    pub timeline_reused: bool,
    /// The key of the timeline entry (`None` without a cache).
    pub timeline_key: Option<u128>,
    /// The corpus was recognised as unchanged from its files' metadata: no file was read.
    pub files_unread: bool,
}

/// What opening a corpus gives: the load's warnings, and the timeline unless nothing loaded.
#[derive(Debug)]
pub struct Opened {
    pub loaded: Loaded,
    pub built: Option<Built>,
}

/// The timeline of `documents`, without a cache: dates, extraction, merge.
pub fn build_timeline(documents: Vec<Document>) -> Timeline {
    build(documents, None, &Progress::default()).timeline
}

/// Stage 1, then the rest: loads the given paths (none: the bundled articles) and builds their
/// timeline, through the cache when one is given.
pub fn open(
    paths: &[impl AsRef<Path>],
    options: &LoadOptions,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Opened {
    let Some(cache) = cache.filter(|_| !paths.is_empty()) else {
        progress.stage("reading files", 0);
        let mut loaded = corpus::load(paths, options);
        let documents = std::mem::take(&mut loaded.documents);
        let built = (!documents.is_empty()).then(|| build(documents, cache, progress));
        return Opened { loaded, built };
    };
    progress.stage("checking file metadata", 0);
    let read_at_ns = corpus::since_epoch_ns(SystemTime::now());
    let scan = corpus::scan(paths);
    let stat_key = cache::key::stat_key(paths, options);
    if let Some(reused) = cache::stat::reuse(cache, stat_key, &scan.files) {
        progress.stage("reusing the cached timeline", 0);
        let mut warnings = scan.warnings;
        warnings.extend(reused.warnings);
        let loaded = Loaded {
            warnings,
            ..Loaded::default()
        };
        let built = Built {
            timeline: reused.timeline,
            extracted: 0,
            reused: 0,
            timeline_reused: true,
            timeline_key: Some(reused.key),
            files_unread: true,
        };
        return Opened {
            loaded,
            built: Some(built),
        };
    }
    progress.stage("reading files", 0);
    let files = cache::stat::stamps(&scan.files);
    let scan_warnings = scan.warnings.len();
    let label = paths
        .first()
        .map(|p| p.as_ref().to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut loaded = corpus::load_scan(scan, options, &label);
    let documents = std::mem::take(&mut loaded.documents);
    if documents.is_empty() {
        return Opened {
            loaded,
            built: None,
        };
    }
    let built = build(documents, Some(cache), progress);
    if loaded.unread == 0
        && let Some(timeline) = built.timeline_key
    {
        let warnings = loaded.warnings.get(scan_warnings..).unwrap_or_default();
        cache::stat::remember(cache, stat_key, read_at_ns, files, warnings, timeline);
    }
    Opened {
        loaded,
        built: Some(built),
    }
}

/// Stages 2 to 5 on loaded documents, reading and filling `cache` when given.
pub fn build(mut documents: Vec<Document>, cache: Option<&Cache>, progress: &Progress) -> Built {
    // With a cache: the whole timeline, when every document is as it was.
    let keys = cache.map(|cache| {
        progress.stage("checking the cache", documents.len());
        let texts: Vec<u128> = documents
            .par_iter()
            .map(|d| {
                progress.advance(1);
                cache::key::text_hash(d)
            })
            .collect();
        (cache, cache::key::timeline_key(&documents, &texts), texts)
    });
    if let Some((cache, whole, _)) = &keys
        && let Some(timeline) = cache.timeline(*whole, Some(documents.len()))
    {
        progress.stage("reusing the cached timeline", 0);
        return Built {
            timeline,
            extracted: 0,
            reused: 0,
            timeline_reused: true,
            timeline_key: Some(*whole),
            files_unread: false,
        };
    }

    // Date: the corpus's publication dates, then each document's extraction key (which holds
    // its date).
    progress.stage("dating articles", 0);
    let reuse = crate::memory::Reuse::start();
    let analysed = extract::time::infer_publication_dates_analysed(&mut documents);
    let stored = keys.map(|(cache, whole, texts)| {
        let keys: Vec<u128> = documents
            .par_iter()
            .zip(&texts)
            .map(|(d, &text)| cache::key::extraction_key(d, text))
            .collect();
        (cache, whole, keys)
    });

    // Extract, per document: from the cache when it holds this text and date, else afresh
    // (quotes are left to the merge, which extracts them on a core it would not use).
    progress.stage("extracting", documents.len());
    let extractions: Vec<(Extraction, bool)> = documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let cached = stored
                .as_ref()
                .and_then(|(cache, _, keys)| cache.extraction(keys[i], &d.id));
            let (mut ex, hit) = match cached {
                Some(ex) => (ex, true),
                None => (fresh(analysed.as_deref(), i, d), false),
            };
            // The merge reads mentions, quotes and new actors only: a 100k-article corpus need
            // not hold every time expression and name occurrence until it is done.
            ex.timexes = Vec::new();
            ex.actors = Vec::new();
            progress.advance(1);
            (ex, hit)
        })
        .collect();
    // Every article's analysed expressions are not needed by the merge: the free pages go back
    // to the system before the merge's peak.
    drop(analysed);
    drop(reuse);

    // Merge: events across documents; each fresh extraction is stored once its quotes are in.
    progress.stage("merging events", 0);
    let reused = extractions.iter().filter(|(_, hit)| *hit).count();
    let extracted = extractions.len() - reused;
    let fresh: Vec<bool> = extractions.iter().map(|(_, hit)| !hit).collect();
    let extractions = extractions.into_iter().map(|(ex, _)| ex).collect();
    let store = |k: usize, ex: Extracted| {
        if let Some((cache, _, keys)) = &stored
            && fresh.get(k).copied().unwrap_or(false)
        {
            cache.put_extraction(keys[k], ex);
        }
    };
    let store: Option<Store> = stored.as_ref().map(|_| &store as _);
    let mut timeline = merge(documents, extractions, store);

    // Timeline: stored whole for the next open.
    if let Some((cache, whole, _)) = &stored {
        progress.stage("writing the cache", 0);
        cache.put_timeline(*whole, &mut timeline);
    }
    Built {
        timeline,
        extracted,
        reused,
        timeline_reused: false,
        timeline_key: stored.map(|(_, whole, _)| whole),
        files_unread: false,
    }
}

/// Extracts document `i` but for its quotes (left to the merge), from the time expressions
/// dating already analysed when there are some (the text is not tagged twice).
fn fresh(
    analysed: Option<&[Vec<extract::time::Expression>]>,
    i: usize,
    d: &Document,
) -> Extraction {
    match analysed.and_then(|a| a.get(i)) {
        Some(expressions) => extract::extract_deferring_quotes(d, expressions),
        None => extract::extract_deferring_quotes(d, &extract::time::analyse(&d.text)),
    }
}

/// Takes each extraction (by its place) once its quotes are extracted.
pub type Store<'a> = &'a (dyn Fn(usize, Extracted) + Sync);

/// Stage 4: the timeline of `documents` from their extractions, handing `store` each extraction
/// once its quotes are in (`None`: nothing is stored; tests and benchmarks call it so).
pub fn merge(
    documents: Vec<Document>,
    extractions: Vec<Extraction>,
    store: Option<Store>,
) -> Timeline {
    let parts = extract::Parts::split(&documents, extractions);
    let actors = parts.distinct_actors();
    let extract::Parts {
        ids,
        mentions,
        quotes,
        new_actors,
        reported,
    } = parts;
    let (grouped, quotes) = rayon::join(
        || extract::merge::group(&documents, &mentions),
        || {
            // Small jobs: the grouping's thread may take one while it waits on its own.
            let quotes: Vec<Vec<Quote>> = quotes
                .into_par_iter()
                .with_max_len(4)
                .map(|q| q.into_quotes(&documents))
                .collect();
            if let Some(store) = store {
                quotes
                    .par_iter()
                    .enumerate()
                    .with_max_len(4)
                    .for_each(|(k, q)| {
                        store(
                            k,
                            Extracted {
                                doc: &ids[k],
                                new_actors: &new_actors[k],
                                quotes: q,
                                mentions: &mentions[k],
                                reported: &reported[k],
                            },
                        );
                    });
            }
            let mut all: Vec<Quote> = Vec::with_capacity(quotes.iter().map(Vec::len).sum());
            all.extend(quotes.into_iter().flatten());
            let _phase = extract::phase("statements");
            extract::quotes::link_statements(&mut all);
            all
        },
    );
    drop((ids, new_actors));
    let events = extract::merge::place_mentions(grouped, mentions);
    // The mentions' old vectors are gone: their pages go back before the events grow.
    crate::memory::release_free();
    let events = extract::merge::finish(events);
    let mut timeline = Timeline {
        documents,
        events,
        quotes,
        actors,
        reported: reported.into_iter().flatten().collect(),
    };
    link_quotes(&mut timeline);
    timeline
}
