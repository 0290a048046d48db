//! The `attache` binary: CLI parsing and dispatch only.

use anyhow::Result;
use attache::cache::Cache;
use attache::cli::{
    BookmarkCommand, BriefFormat, Cli, Command, EventsFormat, Input, ListFormat, QuoteForm,
};
use attache::corpus;
use attache::export::{self, Format};
use attache::extract::quotes::reported::Reported;
use attache::model::{Quote, Timeline};
use attache::progress::{Progress, Ticker};
use attache::{extract, sanitize};
use clap::{CommandFactory, Parser};
use std::io::{self, IsTerminal, Write};

use std::mem::ManuallyDrop;
use std::process::ExitCode;
use std::sync::Arc;

mod diagnostics;

/// attache allocates through mimalloc, tuned by [`attache::memory`] (why: see there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    attache::memory::configure();
    attache::progress::mark_start();
    diagnostics::install();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`attache export | head`) is not an error worth a message.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("attache: error: {}", sanitize::plain(&format!("{e:#}")));
            ExitCode::from(1)
        }
    }
}

/// A command line clap refused: its message with attache's one error prefix, exit 2. Help and
/// version requests print as clap prints them.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
    }
    let text = e.render().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    eprint!("attache: error: {text}");
    ExitCode::from(2)
}

/// Whether `e` comes from writing to a closed pipe, however it was wrapped: an `io::Error` (also
/// one wrapping another error), or the error of the JSON or CSV writer that met it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let mut at: Option<&(dyn std::error::Error + 'static)> = Some(cause);
        while let Some(err) = at {
            if let Some(io) = err.downcast_ref::<io::Error>() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return true;
                }
                // `io::Error::other(inner)`: look at the inner error itself, not only its source.
                if let Some(inner) = io.get_ref() {
                    at = Some(inner);
                    continue;
                }
            }
            if err
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(io::ErrorKind::BrokenPipe)
            {
                return true;
            }
            if let Some(csv) = err.downcast_ref::<csv::Error>()
                && let csv::ErrorKind::Io(io) = csv.kind()
                && io.kind() == io::ErrorKind::BrokenPipe
            {
                return true;
            }
            at = err.source();
        }
        false
    })
}

/// Loads the input, printing one warning line per problem; `None` when nothing could be loaded.
/// A load that takes a while shows its progress on stderr; Ctrl-C during it exits with 130.
///
/// The timeline is never dropped: a command ends the process soon after, and freeing a large
/// corpus piece by piece would only delay the exit.
fn load(input: &Input, no_cache: bool) -> Option<ManuallyDrop<Timeline>> {
    load_for(input, no_cache, false).map(ManuallyDrop::new)
}

fn load_for(input: &Input, no_cache: bool, for_tui: bool) -> Option<Timeline> {
    // A timeline store written by `attache merge` opens as it is.
    if let [path] = input.paths.as_slice()
        && path.is_file()
        && attache::shard::is_store(path)
    {
        return match attache::shard::read_store(path) {
            Ok(timeline) => Some(timeline),
            Err(e) => {
                eprintln!("attache: error: {}", sanitize::plain(&format!("{e:#}")));
                None
            }
        };
    }
    let progress = Arc::new(Progress::default());
    let ticker = Ticker::start(Arc::clone(&progress));
    let user_cache = if no_cache { None } else { Cache::user() };
    let opened = attache::pipeline::open(
        &input.paths,
        &input.load_options(),
        user_cache.as_ref(),
        &progress,
    );
    if for_tui {
        ticker.finish_for_tui();
    } else {
        ticker.finish();
    }
    if timings_wanted() {
        for (stage, took) in progress.timings() {
            eprintln!("attache: timing: {stage}: {:.3} s", took.as_secs_f64());
        }
    }
    report_warnings(&opened.loaded, opened.built.is_none());
    if let Some(w) = user_cache.as_ref().and_then(Cache::warning) {
        eprintln!("attache: warning: {}", sanitize::plain(&w));
    }
    opened.built.map(|b| b.timeline)
}

fn timings_wanted() -> bool {
    std::env::var_os("ATTACHE_TIMINGS").is_some()
}

/// One line per problem; when nothing loaded, a single path's problem is the one error line.
fn report_warnings(loaded: &corpus::Loaded, nothing_loaded: bool) {
    if let Some(reason) = &loaded.refused {
        eprintln!("attache: error: {}", sanitize::plain(reason));
        return;
    }
    if nothing_loaded {
        match loaded.warnings.as_slice() {
            [only] => eprintln!(
                "attache: error: {} (nothing to load)",
                sanitize::plain(&only.to_string())
            ),
            many => {
                for w in many {
                    eprintln!("attache: warning: {}", sanitize::plain(&w.to_string()));
                }
                eprintln!(
                    "attache: error: nothing to load: give article files (.txt, .md, .html, .json, .jsonl, .rss, .atom, .xml) or folders holding them"
                );
            }
        }
        return;
    }
    for w in &loaded.warnings {
        eprintln!("attache: warning: {}", sanitize::plain(&w.to_string()));
    }
}

/// `attache extract`: documents from paths or (`-`) JSON Lines on stdin, one record each.
fn extract_command(input: &Input, to: Option<&std::path::Path>) -> Result<ExitCode> {
    let from_stdin = input.paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin && input.paths.len() > 1 {
        eprintln!("attache: error: `-` (documents on stdin) cannot be mixed with paths");
        return Ok(ExitCode::from(2));
    }
    let loaded = if from_stdin {
        let mut text = String::new();
        io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
            .map_err(|e| anyhow::anyhow!("stdin: {e}"))?;
        corpus::documents_from_json_lines("-", &text, &input.load_options())
    } else if input.paths.is_empty() {
        eprintln!(
            "attache: error: give article files or folders, or `-` to read JSON Lines documents on stdin"
        );
        return Ok(ExitCode::from(2));
    } else {
        corpus::load(&input.paths, &input.load_options())
    };
    report_warnings(&loaded, loaded.documents.is_empty());
    if loaded.documents.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let records = attache::shard::extract_records(loaded.documents);
    match to {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let mut w = io::BufWriter::new(file);
            attache::shard::write_records(&records, &mut w)?;
            w.flush()?;
        }
        None => {
            let mut w = io::BufWriter::new(io::stdout().lock());
            attache::shard::write_records(&records, &mut w)?;
            w.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `attache merge`: record files, folders of them or stdin, into one timeline store.
fn merge_command(sources: &[std::path::PathBuf], to: &std::path::Path) -> Result<ExitCode> {
    let mut records = Vec::new();
    for source in sources {
        if source.as_os_str() == "-" {
            records.extend(attache::shard::read_records(io::stdin().lock(), "stdin")?);
            continue;
        }
        let files: Vec<std::path::PathBuf> = if source.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(source)
                .map_err(|e| anyhow::anyhow!("{}: {e}", source.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Hidden files and markers (`.part-0.crc`, `_SUCCESS` of a Spark job) are not records.
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with('.') || n.starts_with('_'))
                })
                .collect();
            files.sort();
            files
        } else {
            vec![source.clone()]
        };
        for file in files {
            let f = std::fs::File::open(&file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let label = file.display().to_string();
            records.extend(attache::shard::read_records(io::BufReader::new(f), &label)?);
        }
    }
    if records.is_empty() {
        eprintln!(
            "attache: error: no extraction records found (write them with `attache extract`)"
        );
        return Ok(ExitCode::from(2));
    }
    let mut timeline = attache::shard::merge_records(records);
    // Written beside the target and renamed: a reader never sees half a store.
    let tmp = to.with_extension("partial");
    {
        let file =
            std::fs::File::create(&tmp).map_err(|e| anyhow::anyhow!("{}: {e}", tmp.display()))?;
        let mut w = io::BufWriter::new(file);
        attache::shard::write_store(&mut timeline, &mut w)?;
        w.flush()?;
    }
    std::fs::rename(&tmp, to).map_err(|e| anyhow::anyhow!("{}: {e}", to.display()))?;
    eprintln!(
        "attache: merged {} documents into {} events; open it with `attache {}`",
        timeline.documents.len(),
        timeline.events.len(),
        to.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The TUI opens only on a real terminal that can draw it; otherwise the text timeline is printed.
fn wants_tui() -> bool {
    io::stdout().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

fn run(cli: Cli) -> Result<ExitCode> {
    if cli.command.is_none() && wants_tui() {
        let Some(timeline) = load_for(&cli.input, cli.no_cache, true) else {
            return Ok(ExitCode::from(2));
        };
        let flags = attache::tui::setup::Flags {
            theme: cli.theme,
            mouse: (cli.mouse || cli.no_mouse).then_some(cli.mouse),
            paths: cli.input.paths.clone(),
        };
        let code = attache::tui::setup::start(timeline, &flags)?;
        // Printed once the TUI has given the screen back, so it does not draw over the frame.
        if timings_wanted() {
            for (step, at) in attache::progress::marks() {
                eprintln!(
                    "attache: timing: {step} {:.3} s after start",
                    at.as_secs_f64()
                );
            }
        }
        if timings_wanted()
            && let Some(took) = attache::progress::first_frame()
        {
            eprintln!(
                "attache: timing: first frame drawn {:.3} s after start",
                took.as_secs_f64()
            );
        }
        return Ok(ExitCode::from(code));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let Some(command) = cli.command else {
        let Some(timeline) = load(&cli.input, cli.no_cache) else {
            return Ok(ExitCode::from(2));
        };
        print_timeline_text(&timeline, false, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Export {
            input,
            format,
            what,
        } => {
            if what.is_some() && format != Format::Csv {
                eprintln!(
                    "attache: error: --what chooses the table of a CSV export; json, jsonl and md hold events and quotes together"
                );
                return Ok(ExitCode::from(2));
            }
            let Some(timeline) = load(&input, cli.no_cache) else {
                return Ok(ExitCode::from(2));
            };
            let marks = marks(&timeline);
            if format == Format::Json {
                let v = export::to_json_with_marks(&timeline, &marks);
                serde_json::to_writer_pretty(&mut out, &v)?;
                writeln!(out)?;
            } else {
                export::write_marked(
                    &timeline,
                    format,
                    what.unwrap_or_default(),
                    &marks,
                    &mut out,
                )?;
            }
        }
        Command::Extract { input, out: to } => return extract_command(&input, to.as_deref()),
        Command::Merge { records, out: to } => return merge_command(&records, &to),
        Command::Docs { input, format } => {
            let Some(timeline) = load(&input, cli.no_cache) else {
                return Ok(ExitCode::from(2));
            };
            write_docs(&timeline, format, &mut out)?;
        }
        Command::Timex { input, .. } => {
            let loaded = corpus::load(&input.paths, &input.load_options());
            report_warnings(&loaded, loaded.documents.is_empty());
            if loaded.documents.is_empty() {
                return Ok(ExitCode::from(2));
            }
            let mut docs = loaded.documents;
            extract::time::infer_publication_dates(&mut docs);
            for d in &docs {
                let timex = extract::time::tag(&d.text, d.published.date);
                let line = serde_json::json!({
                    "doc": d.path,
                    "dct": d.published.date.map(|x| x.to_string()),
                    "timex": timex.iter().map(|t| serde_json::json!({
                        "start": t.span.start, "end": t.span.end, "text": t.span.slice(&d.text),
                        "type": t.kind, "value": t.value,
                    })).collect::<Vec<_>>(),
                });
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
        }
        Command::Quotes {
            input,
            speaker,
            query,
            form,
            format,
        } => {
            let Some(timeline) = load(&input, cli.no_cache) else {
                return Ok(ExitCode::from(2));
            };
            let quotes = match form {
                QuoteForm::Reported => Vec::new(),
                _ => select_quotes(&timeline, speaker.as_deref(), query.as_deref()),
            };
            let reported = match form {
                QuoteForm::Direct => Vec::new(),
                _ => select_reported(
                    timeline.reported.clone(),
                    speaker.as_deref(),
                    query.as_deref(),
                ),
            };
            if format == ListFormat::Csv && form != QuoteForm::Direct {
                eprintln!(
                    "attache: error: CSV lists direct quotes only; use --format text or json for reported speech"
                );
                return Ok(ExitCode::from(2));
            }
            write_quotes(&timeline, &quotes, &reported, format, &mut out)?;
        }
        Command::Events {
            input,
            from,
            to,
            actor,
            kind,
            explain,
            format,
        } => {
            // Check the filter before loading: a typo should not cost a whole extraction.
            let filter = match attache::export::EventFilter::parse(
                from.as_deref(),
                to.as_deref(),
                actor,
                kind.as_deref(),
            ) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("attache: error: {}", sanitize::plain(&e));
                    return Ok(ExitCode::from(2));
                }
            };
            let Some(mut timeline) = load(&input, cli.no_cache) else {
                return Ok(ExitCode::from(2));
            };
            // The events filtered out are not freed: the process ends soon, and freeing a large
            // corpus's events one by one (a fifth of a second at 10k articles) only delays it.
            let (kept, out_of_range): (Vec<_>, Vec<_>) = std::mem::take(&mut timeline.events)
                .into_iter()
                .partition(|e| filter.keeps(e));
            timeline.events = kept;
            std::mem::forget(out_of_range);
            match format {
                EventsFormat::Text => print_timeline_text(&timeline, explain, &mut out)?,
                EventsFormat::Json => write_json(&timeline, &mut out)?,
                EventsFormat::Csv | EventsFormat::Md => {
                    let format = if format == EventsFormat::Csv {
                        Format::Csv
                    } else {
                        Format::Md
                    };
                    let marks = marks(&timeline);
                    export::write_marked(
                        &timeline,
                        format,
                        export::Table::Events,
                        &marks,
                        &mut out,
                    )?
                }
            }
        }
        Command::Brief {
            input,
            from,
            to,
            actor,
            format,
        } => {
            let filter = match attache::export::EventFilter::parse(
                from.as_deref(),
                to.as_deref(),
                actor,
                None,
            ) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("attache: error: {}", sanitize::plain(&e));
                    return Ok(ExitCode::from(2));
                }
            };
            let Some(timeline) = load(&input, cli.no_cache) else {
                return Ok(ExitCode::from(2));
            };
            let brief = attache::brief::select(&timeline, &filter, &marks(&timeline));
            match format {
                BriefFormat::Md => attache::brief::write_markdown(&brief, &mut out)?,
                BriefFormat::Ics => {
                    attache::brief::write_ics(&brief, chrono::Utc::now(), &mut out)?
                }
            }
        }
        Command::Config {
            path,
            print_default,
            check,
        } => {
            let code = attache::config::command::run(path, print_default, check, &mut out)?;
            out.flush()?;
            return Ok(ExitCode::from(code));
        }
        Command::Bookmark { action } => return bookmark(action, cli.no_cache, &mut out),
        Command::Completions { shell } => {
            // clap_complete panics on a write error (a closed pipe): render first, then write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "attache", &mut script);
            out.write_all(&script)?;
        }
        Command::Man { out_dir: None } => clap_mangen::Man::new(Cli::command()).render(&mut out)?,
        Command::Man { out_dir: Some(dir) } => {
            std::fs::create_dir_all(&dir)?;
            clap_mangen::generate_to(Cli::command(), &dir)?;
            writeln!(
                out,
                "man pages written to {}",
                sanitize::plain(&dir.to_string_lossy())
            )?;
        }
    }
    out.flush()?;
    let _ = io::stdout().is_terminal();
    Ok(ExitCode::SUCCESS)
}

/// The kept bookmarks and notes of a timeline (a warning when their file had to be moved aside).
fn marks(timeline: &Timeline) -> attache::kept::Marks {
    let (marks, warning) = attache::kept::commands::marks_for(timeline);
    if let Some(w) = warning {
        eprintln!("attache: warning: {}", sanitize::plain(&w));
    }
    marks
}

/// The attache/1 JSON, with `bookmarked` and `note` on the items the user marked.
fn write_json(timeline: &Timeline, out: &mut dyn Write) -> Result<()> {
    let v = export::to_json_with_marks(timeline, &marks(timeline));
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)?;
    Ok(())
}

fn bookmark(action: BookmarkCommand, no_cache: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let input = match &action {
        BookmarkCommand::Add { input, .. }
        | BookmarkCommand::Remove { input, .. }
        | BookmarkCommand::List { input } => input,
    };
    let Some(timeline) = load(input, no_cache) else {
        return Ok(ExitCode::from(2));
    };
    use attache::kept::commands::Request;
    let request = match &action {
        BookmarkCommand::Add { id, .. } => Request::Add(id),
        BookmarkCommand::Remove { id, .. } => Request::Remove(id),
        BookmarkCommand::List { .. } => Request::List,
    };
    let code = attache::kept::commands::run(request, &timeline, out)?;
    out.flush()?;
    Ok(ExitCode::from(code))
}

fn select_quotes<'a>(
    timeline: &'a Timeline,
    speaker: Option<&str>,
    query: Option<&str>,
) -> Vec<&'a Quote> {
    let speaker = speaker.map(str::to_lowercase);
    let query = query.map(str::to_lowercase);
    timeline
        .quotes
        .iter()
        .filter(|q| {
            speaker.as_ref().is_none_or(|s| {
                q.speaker
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains(s))
            }) && query
                .as_ref()
                .is_none_or(|t| q.text.to_lowercase().contains(t))
        })
        .collect()
}

/// The reported statements whose speaker matches `speaker` and whose clause contains `query`.
fn select_reported(
    all: Vec<Reported>,
    speaker: Option<&str>,
    query: Option<&str>,
) -> Vec<Reported> {
    let speaker = speaker.map(str::to_lowercase);
    let query = query.map(str::to_lowercase);
    all.into_iter()
        .filter(|r| {
            speaker
                .as_ref()
                .is_none_or(|s| r.speaker.to_lowercase().contains(s))
                && query
                    .as_ref()
                    .is_none_or(|t| r.text.to_lowercase().contains(t))
        })
        .collect()
}

fn write_quotes(
    timeline: &Timeline,
    quotes: &[&Quote],
    reported: &[Reported],
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        ListFormat::Text => {
            // The second column cites the article: outlet, date (marked when inferred), URL.
            let cite = |doc: &str| {
                timeline
                    .document(doc)
                    .map_or_else(Vec::new, attache::citation::source_parts)
                    .join(", ")
            };
            for q in quotes {
                writeln!(
                    out,
                    "{}\t{}\t“{}”",
                    sanitize::plain(q.speaker.as_deref().unwrap_or("—")),
                    cite(&q.doc),
                    sanitize::plain(&q.text)
                )?;
            }
            // A paraphrase: marked as reported, never put between quotation marks.
            for r in reported {
                writeln!(
                    out,
                    "{}\t{}\t(reported) {} {}",
                    sanitize::plain(&r.speaker),
                    cite(&r.doc),
                    sanitize::plain(&r.verb),
                    sanitize::plain(&r.text)
                )?;
            }
        }
        ListFormat::Json => {
            let v: Vec<_> = quotes
                .iter()
                .map(|q| export::quote_json(q, timeline))
                .collect();
            let mut doc = serde_json::json!({"schema": export::SCHEMA, "quotes": v});
            if !reported.is_empty() {
                export::add_reported(&mut doc, reported, timeline);
            }
            attache::kept::export::annotate(&mut doc, &marks(timeline));
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        ListFormat::Csv => export::write_quotes_csv(quotes, timeline, &marks(timeline), out)?,
    }
    Ok(())
}

fn write_docs(timeline: &Timeline, format: ListFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        ListFormat::Text => {
            writeln!(
                out,
                "{:<4} {:<10} {:<9} {:<14} TITLE",
                "ID", "PUBLISHED", "SOURCE", "OUTLET"
            )?;
            for d in &timeline.documents {
                let date = d.published.date.map_or("?".to_string(), |x| x.to_string());
                writeln!(
                    out,
                    "{:<4} {:<10} {:<9} {:<14} {}\n     {}",
                    d.id,
                    date,
                    d.published.source.as_str(),
                    sanitize::plain(d.outlet.as_deref().unwrap_or("?")),
                    sanitize::plain(d.title.as_deref().unwrap_or("(untitled)")),
                    sanitize::plain(&d.path),
                )?;
                if let Some(c) = d.published.confidence {
                    match &d.published.approx {
                        Some(month) => writeln!(out, "     confidence: {} ({month})", c.as_str())?,
                        None => writeln!(out, "     confidence: {}", c.as_str())?,
                    }
                }
                for clue in &d.published.clues {
                    writeln!(out, "     clue: {}", sanitize::plain(clue))?;
                }
            }
        }
        ListFormat::Json => {
            let v: Vec<_> = timeline
                .documents
                .iter()
                .map(export::document_json)
                .collect();
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({"schema": export::SCHEMA, "documents": v}),
            )?;
            writeln!(out)?;
        }
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "id",
                "path",
                "title",
                "outlet",
                "byline",
                "published",
                "source",
            ])?;
            for d in &timeline.documents {
                w.write_record([
                    d.id.as_str(),
                    d.path.as_str(),
                    d.title.as_deref().unwrap_or(""),
                    d.outlet.as_deref().unwrap_or(""),
                    d.byline.as_deref().unwrap_or(""),
                    &d.published.date.map(|x| x.to_string()).unwrap_or_default(),
                    d.published.source.as_str(),
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

fn print_timeline_text(timeline: &Timeline, explain: bool, out: &mut dyn Write) -> Result<()> {
    for e in &timeline.events {
        let date = e.date.as_ref().map_or("undated", |d| d.value.as_str());
        writeln!(
            out,
            "{:<10}  {:<8} {:<12} {}  [{}]",
            date,
            e.status.as_str(),
            e.kind.as_str(),
            sanitize::plain(&e.title),
            sanitize::plain(&e.outlets.join(", "))
        )?;
        if explain {
            if let Some(p) = &e.date_provenance {
                writeln!(out, "            date: {}", sanitize::plain(p))?;
            }
            for (i, m) in e.mentions.iter().enumerate() {
                let outlet = timeline
                    .document(&m.doc)
                    .map_or(m.doc.as_str(), |d| d.label());
                let why = e.evidence.get(i).map_or("", String::as_str);
                writeln!(
                    out,
                    "            - {}: “{}” — {}",
                    sanitize::plain(outlet),
                    sanitize::plain(&m.text),
                    sanitize::plain(why)
                )?;
            }
        }
    }
    writeln!(
        out,
        "{} events, {} quotes, {} documents",
        timeline.events.len(),
        timeline.quotes.len(),
        timeline.documents.len()
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe whose reader has gone.
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_is_recognised_from_every_writer() {
        let json = serde_json::to_writer(Closed, &serde_json::json!({"a": 1}))
            .map_err(anyhow::Error::from);
        assert!(is_broken_pipe(&json.expect_err("JSON fails")));
        let mut w = csv::Writer::from_writer(Closed);
        let csv = w
            .write_record(["a"])
            .and_then(|()| w.flush().map_err(csv::Error::from))
            .map_err(anyhow::Error::from);
        assert!(is_broken_pipe(&csv.expect_err("CSV fails")));
        // The export functions turn CSV errors into io::Error.
        let via_io = export::write(&Timeline::default(), Format::Csv, &mut Closed)
            .map_err(anyhow::Error::from);
        assert!(is_broken_pipe(&via_io.expect_err("CSV export fails")));
        let other = anyhow::Error::from(io::Error::other("disk full"));
        assert!(!is_broken_pipe(&other));
    }
}
