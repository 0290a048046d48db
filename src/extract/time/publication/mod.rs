//! Publication-date inference for articles that carry no date.
//!
//! Each undated article's expressions become soft constraints on its publication date (DCT):
//! a past-tense weekday must lie a few days before it, a year-less "August 15" somewhat before it,
//! a month-day written with its weekday ("Monday, Sept. 29") only in the years whose calendar fits,
//! "almost four years" of a war that "began in February 2022" puts it in a window, a titled person
//! ("Treasury Secretary ...") within the years of that title (`assets/actors.toml`), a "former"
//! one after the title's first term ended, a known person's age ("the 79-year-old") within the
//! year of that age, "the meeting next Monday" told with the meeting's "July 7" only in the years
//! whose calendar fits both, and so on ([`self::clues`]). The constraints are scored on every day of the article's own window, and
//! the cheapest days win only when they are clearly cheaper than every other day — far cheaper
//! than the same days in other years. Otherwise the article stays undated (or gets only a month).
//!
//! Other articles are weak evidence, used only where the article's own clues leave the choice open:
//! close neighbours' elapsed-time windows may settle the year of a day the article's clues fix; a
//! weekday the article names is dated when a neighbour dates the same happening (a sentence that
//! shares names with the weekday's and names a day of that weekday) and every such happening
//! agrees; a year-less month-day takes its year the same way (the article's own clues must then fix
//! the day within the year after it); an article with no day clue of its own takes a date only when all its close neighbours
//! agree on it. Metadata and `--dct` dates are never overridden.

pub(super) mod chronology;
pub(super) mod clues;
pub(super) mod costs;
pub(super) mod neighbours;
pub(super) mod resolutions;

use self::clues::{Clue, doc_clues, intersect_windows, sentence_around};
use self::neighbours::NameIndex;
use self::resolutions::CostTable;
use super::calendar::{add_days, day_value};
use super::sem::YearRef;
use super::{Expression, Sem, Tense, analyse, resolve};
use crate::model::{Confidence, DateSource, Document, Published};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::collections::HashSet;

/// How much a neighbour's date pulls an article, per day of distance.
const NEIGHBOUR_PULL: f64 = 0.3;
/// How much better the best days must be than any day outside them.
const MARGIN: f64 = 1.0;
/// How much better the best day must be than any day more than two months away.
const YEAR_MARGIN: f64 = 3.0;
/// The widest run of equally good days still given as a day (its middle): at most two days off.
const MAX_SPAN: i64 = 5;
/// How similar (shared capitalised words) an article must be to lend a dated happening.
const LENDER: f64 = 0.28;
/// How similar articles must be for one without any day clue to take their agreed date.
const CLOSE: f64 = 0.3;
/// The most a day clue may cost on a date the neighbours agree on (a weekday two days back).
const AGREED_DAILY_COST: f64 = 2.0;
/// How many names a weekday's sentence must share with the sentence that dates the happening.
const SHARED_NAMES: usize = 2;
/// How many years after its start a window of candidate days reaches at most.
const LATEST_YEARS: i32 = 10;
/// How many years back from today an article with no year of its own is looked for.
const RECENT_YEARS: i64 = 4;

type Window = (NaiveDate, NaiveDate);

/// A chosen day, the clues that explain it and how sure it is.
#[derive(Debug, Clone)]
struct Dated {
    day: NaiveDate,
    notes: Vec<String>,
    confidence: Confidence,
}

/// What an article's own clues give: a day, only a month, or nothing.
enum Outcome {
    Day(Dated),
    Month(String),
    Nothing,
}

/// Fills in `published` for documents that have no date, from clues in their text and their neighbours.
pub fn infer_publication_dates(docs: &mut [Document]) {
    infer_publication_dates_analysed(docs);
}

/// [`infer_publication_dates`], also handing back what it analysed: each document's expressions
/// ([`analyse`], site chrome included), for extraction to resolve against the final dates instead
/// of analysing every text again. `None` when every document already had a date.
///
/// Each article is dated by its own evidence first. Another article lends evidence only through a
/// happening both report — a weekday the undated article names, in a sentence sharing names with a
/// sentence of the other that dates the same weekday — and only when every such happening agrees.
/// An article with no day clue at all takes a date only when all its close neighbours agree on it.
pub fn infer_publication_dates_analysed(docs: &mut [Document]) -> Option<Vec<Vec<Expression>>> {
    if docs
        .iter()
        .all(|d| d.published.source != DateSource::Unknown)
    {
        return None;
    }
    let today = chrono::Local::now().date_naive();
    let phase = crate::extract::phase("pub: clues");
    let (all, own): (Vec<Vec<Expression>>, Vec<Own>) = docs
        .par_iter()
        .map(|d| {
            let all = analyse(&d.text);
            let prose: Vec<&Expression> =
                all.iter().filter(|e| !d.is_chrome(e.span.start)).collect();
            let mut clues = doc_clues(&d.text, &prose);
            // The gazetteer's names, found once for the titles and the ages.
            let names = gazetteer_hits(&d.text);
            clues.extend(role_windows(&d.text, &names, today));
            clues.extend(age_windows(&d.text, &names, today));
            let weekdays = weekday_mentions(&d.text, &prose);
            let own = Own {
                clues,
                latest: latest_year(&d.text, &prose),
                names: names_of(&d.text),
                weekdays,
            };
            (all, own)
        })
        .unzip();
    let clues: Vec<&[Clue]> = own.iter().map(|o| o.clues.as_slice()).collect();
    let undated: Vec<bool> = docs
        .iter()
        .map(|d| d.published.source == DateSource::Unknown)
        .collect();

    drop(phase);
    let phase = crate::extract::phase("pub: round 1");
    // Round 1: each article's own evidence, over its own window of candidate days.
    let windows: Vec<Option<Window>> = (0..docs.len())
        .map(|k| match undated[k] {
            true => own_window(clues[k], own[k].latest, today),
            false => None,
        })
        .collect();
    let ahead = costs_ahead(&clues, &windows);
    let outcomes: Vec<Outcome> = (0..docs.len())
        .into_par_iter()
        .map(|k| {
            if !undated[k] {
                return Outcome::Nothing;
            }
            // A date in the article's address is the publisher's own.
            match docs[k].url.as_deref().and_then(url_date) {
                Some(UrlDate::Day(day)) => {
                    return Outcome::Day(Dated {
                        day,
                        notes: vec![format!("its address carries the date {}", day_value(day))],
                        confidence: Confidence::High,
                    });
                }
                Some(UrlDate::Month(lo, hi)) => {
                    let (lo, hi) = match windows[k] {
                        Some((a, b)) if a.max(lo) <= b.min(hi) => (a.max(lo), b.min(hi)),
                        _ => (lo, hi),
                    };
                    let found = best_day(&docs[k].text, clues[k], lo, hi, None, &ahead);
                    return match found {
                        Outcome::Nothing => month_of(lo, 0, 0),
                        found => found,
                    };
                }
                None => {}
            }
            match windows[k] {
                Some((lo, hi)) => best_day(&docs[k].text, clues[k], lo, hi, None, &ahead),
                None => Outcome::Nothing,
            }
        })
        .collect();
    let mut fixed: Vec<Option<Dated>> = docs
        .iter()
        .zip(&outcomes)
        .map(|(d, o)| match (d.published.date, o) {
            (Some(day), _) => Some(Dated {
                day,
                notes: Vec::new(),
                confidence: Confidence::High,
            }),
            (None, Outcome::Day(dated)) => Some(dated.clone()),
            _ => None,
        })
        .collect();

    drop(phase);
    let phase = crate::extract::phase("pub: round 1b");
    // Round 1b: an article whose clues fix a day but not its year may take the years that its
    // close neighbours' elapsed times allow ("almost four years" of a war that began in 2022).
    let names: Vec<&[&str]> = own.iter().map(|o| o.names.as_slice()).collect();
    let index = NameIndex::new(&names);
    let elapsed: Vec<Option<Window>> = clues.iter().map(|c| elapsed_window(c)).collect();
    let wanted: Vec<bool> = (0..docs.len())
        .map(|k| {
            undated[k]
                && fixed[k].is_none()
                && elapsed[k].is_none()
                && clues[k].iter().any(Clue::is_daily)
        })
        .collect();
    // Every later round asks only of articles still undated after round 1, with the same
    // threshold: their neighbours are found once.
    let open: Vec<bool> = (0..docs.len())
        .map(|k| undated[k] && fixed[k].is_none())
        .collect();
    let all_near = index.neighbours(&open, LENDER);
    let pick = |wanted: &[bool]| -> Vec<&[(usize, f64)]> {
        all_near
            .iter()
            .zip(wanted)
            .map(|(n, w)| if *w { n.as_slice() } else { &[][..] })
            .collect()
    };
    let near = pick(&wanted);
    let narrowed: Vec<Option<Dated>> = (0..docs.len())
        .into_par_iter()
        .map(|k| {
            if !wanted[k] {
                return None;
            }
            let theirs: Vec<Window> = near[k].iter().filter_map(|(j, _)| elapsed[*j]).collect();
            let (tlo, thi) = intersect_windows(theirs)?;
            let (lo, hi) = windows[k]?;
            let (lo, hi) = (lo.max(tlo), hi.min(thi));
            let Outcome::Day(mut dated) = best_day(&docs[k].text, clues[k], lo, hi, None, &ahead)
            else {
                return None;
            };
            dated.notes.push(format!(
                "related articles put it between {} and {}",
                day_value(tlo),
                day_value(thi)
            ));
            dated.confidence = Confidence::Medium;
            Some(dated)
        })
        .collect();
    for (k, n) in narrowed.into_iter().enumerate() {
        if n.is_some() {
            fixed[k] = n;
        }
    }
    drop(phase);
    let phase = crate::extract::phase("pub: chronology");
    // Round 1c: a happening of the reference chronology the article reports gives its own clues
    // a week to fall in (an article with no day clue of its own takes the happening's day only
    // when it names the happening clearly).
    let from_chronology: Vec<Option<Dated>> = (0..docs.len())
        .into_par_iter()
        .map(|k| match (undated[k] && fixed[k].is_none(), windows[k]) {
            (true, Some(window)) => by_chronology(
                &docs[k].text,
                &all[k],
                clues[k],
                window,
                own[k].latest,
                &ahead,
            )
            .or_else(|| year_by_chronology(&docs[k].text, clues[k], window, &ahead)),
            _ => None,
        })
        .collect();
    for (k, c) in from_chronology.into_iter().enumerate() {
        if c.is_some() {
            fixed[k] = c;
        }
    }
    drop(phase);
    let phase = crate::extract::phase("pub: round 2");
    // Round 2: happenings dated by other articles, for articles that name weekdays.
    let mut anchors: Vec<Option<Vec<Anchor>>> = (0..docs.len()).map(|_| None).collect();
    for _ in 0..2 {
        let wanted: Vec<bool> = (0..docs.len())
            .map(|k| undated[k] && fixed[k].is_none() && !own[k].weekdays.is_empty())
            .collect();
        if !wanted.iter().any(|w| *w) {
            break;
        }
        let neighbours = pick(&wanted);
        // The dated happenings of every article that lends (resolved against its date).
        let lenders: FxHashSet<usize> = neighbours
            .iter()
            .flat_map(|n| n.iter())
            .map(|(j, _)| *j)
            .filter(|j| fixed[*j].is_some())
            .collect();
        // A lender's dated happenings depend only on its date, fixed once found: kept from the
        // pass before.
        let fresh: Vec<Option<Vec<Anchor>>> = (0..docs.len())
            .into_par_iter()
            .map(|j| match (&fixed[j], lenders.contains(&j), &anchors[j]) {
                (Some(d), true, None) => Some(anchors_of(&docs[j].text, &all[j], d.day)),
                _ => None,
            })
            .collect();
        for (j, a) in fresh.into_iter().enumerate() {
            if a.is_some() {
                anchors[j] = a;
            }
        }
        let anchors: Vec<&[Anchor]> = anchors
            .iter()
            .map(|a| a.as_deref().unwrap_or(&[]))
            .collect();
        let found: Vec<Option<Dated>> = (0..docs.len())
            .into_par_iter()
            .map(|k| {
                if !wanted[k] {
                    return None;
                }
                let Some((day, what)) = shared_happening(&own[k].weekdays, neighbours[k], &anchors)
                else {
                    // A month-day a neighbour dates gives its year: the article's own clues must
                    // then fix the day within the year after it.
                    let (day, what) = shared_month_day(&own[k].weekdays, neighbours[k], &anchors)?;
                    let (lo, hi) = windows[k]?;
                    let (lo, hi) = (lo.max(day), hi.min(add_days(day, 364)?));
                    let Outcome::Day(mut dated) =
                        best_day(&docs[k].text, clues[k], lo, hi, None, &ahead)
                    else {
                        return None;
                    };
                    dated.notes.push(format!(
                        "corpus neighbours date the same happening: '{what}' is {}",
                        day_value(day)
                    ));
                    if dated.confidence == Confidence::High {
                        dated.confidence = Confidence::Medium;
                    }
                    return Some(dated);
                };
                let (lo, hi) = windows[k]?;
                let (lo, hi) = (lo.max(day), hi.min(add_days(day, 6)?));
                let Outcome::Day(mut dated) =
                    best_day(&docs[k].text, clues[k], lo, hi, Some(day), &ahead)
                else {
                    return None;
                };
                dated.notes.push(format!(
                    "corpus neighbours report the same happening: '{what}' is {}",
                    day_value(day)
                ));
                dated.confidence = Confidence::Medium;
                Some(dated)
            })
            .collect();
        let mut more = false;
        for (k, f) in found.into_iter().enumerate() {
            if let Some(f) = f {
                fixed[k] = Some(f);
                more = true;
            }
        }
        if !more {
            break;
        }
    }

    drop(phase);
    let phase = crate::extract::phase("pub: round 3");
    // Round 3: the articles still undated take the date their close neighbours all agree on, when
    // their own clues allow it (a weekday they name must fall on that day or just before).
    let wanted: Vec<bool> = (0..docs.len())
        .map(|k| undated[k] && fixed[k].is_none())
        .collect();
    if wanted.iter().any(|w| *w) {
        let neighbours = pick(&wanted);
        let agreed: Vec<Option<Dated>> = (0..docs.len())
            .map(|k| {
                if !wanted[k] {
                    return None;
                }
                let day = agreement(neighbours[k], &fixed)?;
                let (lo, hi) = windows[k]?;
                let fits = lo <= day
                    && day <= hi
                    && clues[k].iter().all(|c| {
                        let cost = c.cost_on(day, &ahead);
                        match c.is_daily() {
                            true => cost <= AGREED_DAILY_COST,
                            false => cost < c.cost_ceiling(),
                        }
                    });
                let mut notes: Vec<String> = clues[k]
                    .iter()
                    .filter(|c| c.cost_on(day, &ahead) < c.cost_ceiling())
                    .map(|c| c.describe(&docs[k].text))
                    .collect();
                notes.push(format!(
                    "its closest articles all agree on {}",
                    day_value(day)
                ));
                fits.then_some(Dated {
                    day,
                    notes,
                    confidence: Confidence::Low,
                })
            })
            .collect();
        for (k, a) in agreed.into_iter().enumerate() {
            if a.is_some() {
                fixed[k] = a;
            }
        }
    }

    drop(phase);
    for (k, doc) in docs.iter_mut().enumerate() {
        if !undated[k] {
            continue;
        }
        match (&fixed[k], &outcomes[k]) {
            (Some(d), _) => {
                let mut seen = HashSet::new();
                let mut notes = d.notes.clone();
                notes.retain(|n| seen.insert(n.clone()));
                doc.published = Published {
                    date: Some(d.day),
                    source: DateSource::Inferred,
                    clues: notes,
                    confidence: Some(d.confidence),
                    approx: None,
                };
            }
            (None, Outcome::Month(month)) => {
                doc.published = Published {
                    date: None,
                    source: DateSource::Inferred,
                    clues: vec![format!("the clues fix the month ({month}), not the day")],
                    confidence: Some(Confidence::Low),
                    approx: Some(month.clone()),
                };
            }
            _ => {}
        }
    }
    Some(all)
}

/// A weekday an article names in the past (or without tense), and the names of its sentence.
struct WeekdayMention<'a> {
    weekday: u32,
    /// A year-less month-day instead of a weekday ("on June 4"): its year is what is wanted.
    month_day: Option<(u32, u32)>,
    surface: &'a str,
    names: Vec<&'a str>,
}

/// A day a dated article reports or announces, and the names of its sentence.
struct Anchor {
    day: NaiveDate,
    names: Vec<String>,
}

/// The names of a sentence that can tie it to a sentence of another article: capitalised words,
/// not the calendar's own (weekdays, months).
fn sentence_names(text: &str) -> Vec<&str> {
    let lexicon = super::lexicon::Lexicon::get();
    names_of(text)
        .into_iter()
        .filter(|w| {
            let e = lexicon.lookup(&w.to_lowercase());
            e.weekday == 0 && e.month == 0
        })
        .collect()
}

/// The past or tenseless weekdays of an article ("met on Monday") and its year-less month-days
/// ("on June 4"), with their sentences' names.
fn weekday_mentions<'a>(text: &'a str, exprs: &[&Expression]) -> Vec<WeekdayMention<'a>> {
    exprs
        .iter()
        .filter(|e| e.tense != Tense::Future)
        .filter_map(|e| {
            let (weekday, month_day) = match e.sem {
                Sem::Weekday { day, .. } => (day, None),
                Sem::Date {
                    year: YearRef::Implicit(_),
                    month,
                    day: Some(day),
                    ..
                } => (0, Some((month, day))),
                _ => return None,
            };
            let (s, end) = sentence_around(text, e.span.start, e.span.end);
            let names = sentence_names(text.get(s..end).unwrap_or(""));
            Some(WeekdayMention {
                weekday,
                month_day,
                surface: e.span.slice(text),
                names,
            })
        })
        .filter(|m| !m.names.is_empty())
        .collect()
}

/// The days a dated article's expressions name (resolved against its date), with their sentences.
fn anchors_of(text: &str, exprs: &[Expression], date: NaiveDate) -> Vec<Anchor> {
    resolve(exprs, Some(date))
        .into_iter()
        .filter_map(|t| {
            let v = t.time?;
            let (start, end) = (v.start?, v.end?);
            if start != end {
                return None;
            }
            let (s, e) = sentence_around(text, t.span.start, t.span.end);
            let names = sentence_names(text.get(s..e).unwrap_or(""))
                .into_iter()
                .map(str::to_string)
                .collect();
            Some(Anchor { day: start, names })
        })
        .collect()
}

/// The day of the happening an article names by its weekday, when related articles date it: a
/// sentence of a neighbour sharing names with the weekday's sentence names a day of that weekday.
/// Every such day must agree (within a day), else none is taken.
fn shared_happening<'a>(
    weekdays: &[WeekdayMention<'a>],
    neighbours: &[(usize, f64)],
    anchors: &[&[Anchor]],
) -> Option<(NaiveDate, &'a str)> {
    use chrono::Datelike;
    // The weekday first: it is a number, the names are strings.
    agreeing_day(
        weekdays.iter().filter(|m| m.month_day.is_none()),
        neighbours,
        anchors,
        |m, a| a.day.weekday().number_from_monday() == m.weekday,
    )
}

/// The day of a happening an article names by a year-less month-day ("the June 4 post"), when a
/// related dated article dates it: a sentence of a neighbour sharing names with the month-day's
/// sentence names the same month-day. Its year is the article's evidence: the report lies within
/// a year after it. Every such day must agree (within a day), else none is taken.
fn shared_month_day<'a>(
    mentions: &[WeekdayMention<'a>],
    neighbours: &[(usize, f64)],
    anchors: &[&[Anchor]],
) -> Option<(NaiveDate, &'a str)> {
    use chrono::Datelike;
    agreeing_day(
        mentions.iter().filter(|m| m.month_day.is_some()),
        neighbours,
        anchors,
        |m, a| m.month_day == Some((a.day.month(), a.day.day())),
    )
}

/// The day of the neighbours' happenings that `same` pairs with one of `mentions` and whose
/// sentence shares names with the mention's; every such day must agree (within a day).
fn agreeing_day<'a, 'm>(
    mentions: impl Iterator<Item = &'m WeekdayMention<'a>>,
    neighbours: &[(usize, f64)],
    anchors: &[&[Anchor]],
    same: impl Fn(&WeekdayMention, &Anchor) -> bool,
) -> Option<(NaiveDate, &'a str)>
where
    'a: 'm,
{
    let mut days: Vec<(NaiveDate, &str)> = Vec::new();
    for m in mentions {
        for (j, _) in neighbours {
            for a in anchors[*j].iter().filter(|a| same(m, a)) {
                let shared = a
                    .names
                    .iter()
                    .filter(|n| m.names.contains(&n.as_str()))
                    .count();
                if shared >= SHARED_NAMES {
                    days.push((a.day, m.surface));
                }
            }
        }
    }
    let first = days.iter().map(|(d, _)| *d).min()?;
    let last = days.iter().map(|(d, _)| *d).max()?;
    ((last - first).num_days() <= 1)
        .then(|| days[0])
        .map(|(_, s)| (first, s))
}

/// How many names of a happening an article must hold to take the happening's day when no
/// weekday ties it to the happening.
const CLEAR_REPORT: usize = 3;
/// How many days before a happening a report that announces it is looked for first: a coming
/// weekday ("will meet on Friday") is written within the week before, most often mid-week.
const PREVIEW_LEAD: i64 = 3;
/// How far (bytes) an article's opening quotation may run.
const OPENING_QUOTE: usize = 600;
/// How many years before a happening an article's latest year may lie and the article still
/// report it ("the first meeting since 2019" in a 2025 report).
const STALE_YEARS: i32 = 8;
/// How close (bytes) to a happening's key an expression must be to date that happening.
const NEXT_TO: usize = 60;
/// How far (bytes) after the first happening an article names the others it leads with lie.
const LEAD: usize = 200;
/// How many days around a happening its reports and previews are looked for.
const AROUND_HAPPENING: i64 = 7;

/// The date the reference chronology gives an article.
///
/// Each happening the article reports is a candidate. A weekday written in a sentence that names
/// the happening specifically ([`Chronology::names_specifically`]) is the happening's day
/// ("welcomed X to the White House on Tuesday"): a candidate none of whose days falls on it is
/// refused, one whose day does is anchored. A candidate counts when anchored, or when the opening
/// holds one of its keys and either the first sentence names it (a key and another name) or a
/// day told with two of its names falls on it; the article is about the counting candidates it names first
/// (refused ones included: an article about a happening the chronology refuses is left alone).
/// Around each of those, the article's own clues pick a day, pulled toward the happening's last
/// day (a few days before its first day when the article announces it); anchored ones are preferred, then the
/// most named in the opening, and they must agree within two days. A candidate no weekday ties
/// to its day must be named clearly (three names).
fn by_chronology(
    text: &str,
    exprs: &[Expression],
    clues: &[Clue],
    window: Window,
    latest: Option<i32>,
    ahead: &CostTable,
) -> Option<Dated> {
    use self::chronology::{Chronology, OPENING};
    use chrono::Datelike;
    let chronology = Chronology::embedded();
    let hits = chronology.hits(text);
    let reported = chronology.reported_in(&hits, OPENING.min(text.len()));
    if reported.is_empty() {
        return None;
    }
    let indent = lede_start(text);
    let lead_sentence = indent + first_sentence(&text[indent..]).len();
    // The first two sentences: the headline and the lead, or the lead's two sentences.
    let lead_sentences = {
        let rest = text.get(lead_sentence..).unwrap_or("");
        let skip = rest.len() - rest.trim_start_matches(['.', '!', '?']).trim_start().len();
        lead_sentence + skip + first_sentence(&rest[skip..]).len()
    };
    // The weekdays and year-less month-days, each with its sentence: (sentence, weekday or
    // 0, month-day, coming).
    type DayName = (std::ops::Range<usize>, u32, Option<(u32, u32)>, bool);
    let weekdays: Vec<DayName> = exprs
        .iter()
        .filter_map(|e| {
            let (weekday, month_day) = match e.sem {
                Sem::Weekday { day, .. } => (day, None),
                Sem::Date {
                    year: YearRef::Implicit(_),
                    month,
                    day: Some(day),
                    ..
                } => (0, Some((month, day))),
                _ => return None,
            };
            // A month-day names an older happening as often as the news: it ties a happening
            // to its day only in the article's first sentence.
            if month_day.is_some() && e.span.start >= lead_sentence {
                return None;
            }
            let (s, end) = sentence_around(text, e.span.start, e.span.end);
            Some((s..end, weekday, month_day, e.tense == Tense::Future))
        })
        .collect();
    let announced = announces(text);
    // The latest happening the article recalls by its month in the past tense ("the two men also
    // spoke in June", two of its names in the sentence): a report cannot be older than what it
    // recalls, so a candidate that ended before it is not what the article reports.
    let recalled_after = exprs
        .iter()
        .filter_map(|e| match e.sem {
            Sem::Date {
                year: YearRef::Implicit(_),
                month,
                day: None,
            } if e.tense == Tense::Past => {
                let (s, end) = sentence_around(text, e.span.start, e.span.end);
                Some((s..end, month))
            }
            _ => None,
        })
        .flat_map(|(sentence, month)| {
            chronology
                .happenings
                .iter()
                .enumerate()
                .filter(move |(_, h)| h.first.month() == month && h.last.month() == month)
                .filter(|(k, _)| Chronology::names_twice(&hits, *k, sentence.clone()))
                .map(|(_, h)| h.first)
                .collect::<Vec<_>>()
        })
        .max();
    struct Candidate {
        happening: usize,
        /// The happening's day a weekday names, and whether it is coming.
        anchor: Option<(NaiveDate, bool)>,
        /// The same, from a sentence with any two of its names.
        loose: Option<(NaiveDate, bool)>,
        refused: bool,
        /// Where the article has named it (its second name).
        named_at: usize,
        opening: usize,
        names: usize,
    }
    let candidates: Vec<Candidate> = reported
        .iter()
        .filter_map(|r| {
            let h = &chronology.happenings[r.happening];
            let linked: Vec<&DayName> = weekdays
                .iter()
                .filter(|(sentence, ..)| {
                    chronology.names_specifically(&hits, r.happening, sentence.clone())
                })
                .collect();
            // Only a day told with a key of the happening can refuse it.
            let refusing = linked.iter().any(|(sentence, ..)| {
                chronology.names_strongly(&hits, r.happening, sentence.clone())
            });
            let day_of = |weekday: u32, month_day: Option<(u32, u32)>| {
                h.first
                    .iter_days()
                    .take_while(|d| *d <= h.last)
                    .find(|d| match month_day {
                        Some(md) => (d.month(), d.day()) == md,
                        None => d.weekday().number_from_monday() == weekday,
                    })
            };
            let anchor = linked.iter().find_map(|(_, weekday, month_day, future)| {
                Some((day_of(*weekday, *month_day)?, *future))
            });
            // A day told with any two of its names, for an article already about it.
            let loose = weekdays
                .iter()
                .filter(|(sentence, ..)| {
                    Chronology::names_twice(&hits, r.happening, sentence.clone())
                })
                .find_map(|(_, weekday, month_day, future)| {
                    Some((day_of(*weekday, *month_day)?, *future))
                });
            // Without a day to tie it, the happening must be the article's lead: a key and
            // another name in the first sentence.
            let leads = chronology.names_strongly(&hits, r.happening, 0..lead_sentences)
                && Chronology::names_twice(&hits, r.happening, 0..lead_sentences);
            // In a report (not a preview), a past weekday on which the happening did not fall is
            // the article's own news ("On Thursday, X said …" under a lead that recalls a Friday
            // summit): the happening is background, unless a day ties the article to it.
            let own_news = !announced
                && weekdays.iter().any(|(_, weekday, _, future)| {
                    *weekday != 0 && !future && day_of(*weekday, None).is_none()
                });
            let untied = anchor.is_none() && loose.is_none();
            let before_recalled = recalled_after.is_some_and(|later| h.last < later);
            let refused = (anchor.is_none() && refusing) || (untied && own_news) || before_recalled;
            let counts = anchor.is_some() || (r.strong && (leads || loose.is_some()));
            (refused || counts).then_some(Candidate {
                happening: r.happening,
                anchor,
                loose,
                refused,
                named_at: r.second,
                opening: r.opening,
                names: r.names,
            })
        })
        .collect();
    if tracing::enabled!(target: "attache::debug::pub", tracing::Level::DEBUG) {
        for c in &candidates {
            tracing::debug!(
                target: "attache::debug::pub",
                "candidate {} anchor {:?} refused {} at {} opening {} names {}",
                chronology.happenings[c.happening].what,
                c.anchor,
                c.refused,
                c.named_at,
                c.opening,
                c.names
            );
        }
    }
    let first = candidates.iter().map(|c| c.named_at).min()?;
    let lead: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.named_at <= first + LEAD && !c.refused)
        .collect();
    let anchored = lead.iter().any(|c| c.anchor.is_some());
    let most = lead
        .iter()
        .filter(|c| c.anchor.is_some() == anchored)
        .map(|c| c.opening)
        .max()?;
    let mut results: Vec<(Dated, f64)> = Vec::new();
    for c in lead
        .iter()
        .filter(|c| c.anchor.is_some() == anchored && c.opening == most)
    {
        let h = &chronology.happenings[c.happening];
        // An article whose latest year lies years before the happening writes of another time
        // (a 1998 report of a prime minister's visit is not a 2025 one).
        if latest.is_some_and(|y| y < h.first.year() - STALE_YEARS) {
            return None;
        }
        let anchor = c.anchor.or(c.loose);
        let announces = anchor.map_or(announced, |(_, future)| future);
        // A report lies from the happening's first day to a week after its last; a preview in
        // the week before.
        let (lo, hi, pull) = match announces {
            true => (
                add_days(h.first, -AROUND_HAPPENING)?,
                add_days(h.first, -1)?,
                add_days(h.first, -PREVIEW_LEAD)?,
            ),
            false => (
                h.first,
                add_days(h.last, AROUND_HAPPENING - 1)?,
                anchor.map_or(h.last, |(day, _)| day),
            ),
        };
        let (lo, hi) = (lo.max(window.0), hi.min(window.1));
        if !(lo <= pull && pull <= hi) {
            return None;
        }
        // The day itself: a report on the happening's day (or the day its weekday names), a
        // preview a few days before. The article's own clues may refuse it, not move it: their
        // costs favour a weekday's own day, which a report about it rarely is.
        let day = pull;
        if contradicts(text, exprs, &hits, c.happening, day) {
            return None;
        }
        if clues.iter().any(|c| {
            matches!(
                c,
                Clue::Window { .. } | Clue::Calendar { .. } | Clue::Order { .. }
            ) && c.cost_on(day, ahead) >= c.cost_ceiling()
        }) {
            return None;
        }
        let mut dated = Dated {
            day,
            notes: clues
                .iter()
                .filter(|c| c.cost_on(day, ahead) < c.cost_ceiling())
                .map(|c| c.describe(text))
                .collect(),
            confidence: Confidence::Low,
        };
        let supported = clues
            .iter()
            .any(|c| c.is_daily() && c.cost_on(dated.day, ahead) < c.cost_ceiling());
        if anchor.is_none() && c.names < CLEAR_REPORT {
            return None;
        }
        let cost: f64 = clues.iter().map(|c| c.cost_on(dated.day, ahead)).sum();
        dated.notes.push(format!(
            "it reports a happening of the reference chronology: {}",
            h.describe()
        ));
        dated.confidence = match supported || anchor.is_some() {
            true => Confidence::Medium,
            false => Confidence::Low,
        };
        results.push((dated, cost));
    }
    results.sort_by(|a, b| a.1.total_cmp(&b.1));
    if tracing::enabled!(target: "attache::debug::pub", tracing::Level::DEBUG) {
        for r in &results {
            tracing::debug!(
                target: "attache::debug::pub",
                "chronology: {} cost {:.2} {:?}",
                r.0.day,
                r.1,
                r.0.notes.last()
            );
        }
    }
    let best = results.first()?;
    let agree = results
        .iter()
        .all(|r| (r.0.day - best.0.day).num_days().abs() <= 2);
    agree.then(|| best.0.clone())
}

/// Whether the article, published on `day`, dates `happening` elsewhere: a sentence that names it
/// specifically holds expressions of a day or a week told beside one of its keys ("met last week
/// in Alaska") and none of them, read against `day`, meets the happening's days.
fn contradicts(
    text: &str,
    exprs: &[Expression],
    hits: &[self::chronology::Hit],
    happening: usize,
    day: NaiveDate,
) -> bool {
    use self::chronology::Chronology;
    let h = &Chronology::embedded().happenings[happening];
    // Per sentence (its start): whether an expression meets the happening.
    let mut sentences: rustc_hash::FxHashMap<usize, bool> = Default::default();
    for t in resolve(exprs, Some(day)) {
        let Some((start, end)) = t.time.and_then(|v| Some((v.start?, v.end?))) else {
            continue;
        };
        if (end - start).num_days() > 7 {
            continue;
        }
        let (s, e) = sentence_around(text, t.span.start, t.span.end);
        if !Chronology::embedded().names_specifically(hits, happening, s..e) {
            continue;
        }
        // Told beside one of the happening's keys ("met last week in Alaska"): another
        // happening's day in the same sentence says nothing of this one.
        let (from, to) = (t.span.start.saturating_sub(NEXT_TO), t.span.end + NEXT_TO);
        if !chronology::starting_in(hits, from..to)
            .iter()
            .any(|k| k.key && k.happening as usize == happening)
        {
            continue;
        }
        let meets = start <= h.last && end >= h.first;
        if !meets && tracing::enabled!(target: "attache::debug::pub", tracing::Level::DEBUG) {
            tracing::debug!(
                target: "attache::debug::pub",
                "contradicts {}: '{}' is {start}..{end}",
                h.what,
                t.span.slice(text)
            );
        }
        *sentences.entry(s).or_insert(false) |= meets;
    }
    sentences.values().any(|meets| !meets)
}

/// Whether an article's first sentence announces what it reports as coming ("will co-chair the
/// summit on ...", "is set to meet").
fn announces(text: &str) -> bool {
    const COMING: [&str; 9] = [
        " will ",
        " set to ",
        " plans to ",
        " scheduled ",
        " expected to ",
        " ahead of ",
        " due to ",
        " upcoming ",
        " to meet ",
    ];
    let first = first_sentence(&text[lede_start(text)..]);
    COMING.iter().any(|w| first.contains(w))
}

/// Where an article's own first sentence begins: after leading space, and after a quotation it
/// opens with (a lede that quotes someone — "“We have a framework,” X said." — tells the news in
/// the sentences after the quote).
fn lede_start(text: &str) -> usize {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let close = match rest.chars().next() {
        Some('“') => '”',
        Some('"') => '"',
        _ => return start,
    };
    let open = rest.chars().next().map_or(0, char::len_utf8);
    let window = &rest[..rest.len().min(OPENING_QUOTE)];
    match window.get(open..).and_then(|w| w.find(close)) {
        // After the closing mark and the attribution that follows it ("…,” X said.").
        Some(end) => {
            let after = start + open + end + close.len_utf8();
            let tail = &text[after..];
            let said = first_sentence(tail);
            match said.len() < 60 {
                true => after + said.len(),
                false => after,
            }
        }
        None => start,
    }
}

/// The first sentence of `text`: up to a line break, or a full stop, "!" or "?" followed by a
/// space, after a word of three letters or more without inner stops (not "U.S." or "Mr.").
fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            return &text[..i];
        }
        if !matches!(b, b'.' | b'!' | b'?') || bytes.get(i + 1).is_some_and(|n| *n != b' ') {
            continue;
        }
        let word = text[..i].rsplit(' ').next().unwrap_or("");
        if b != b'.' || (word.chars().count() >= 3 && !word.contains('.')) {
            return &text[..i];
        }
    }
    text
}

/// The date every related neighbour with a date agrees on (within two days), when at least two
/// of them are close.
fn agreement(neighbours: &[(usize, f64)], fixed: &[Option<Dated>]) -> Option<NaiveDate> {
    let dated: Vec<(NaiveDate, f64)> = neighbours
        .iter()
        .filter_map(|(j, w)| fixed[*j].as_ref().map(|d| (d.day, *w)))
        .collect();
    if dated.iter().filter(|(_, w)| *w >= CLOSE).count() < 2 {
        return None;
    }
    let mut days: Vec<NaiveDate> = dated.iter().map(|(d, _)| *d).collect();
    days.sort();
    let (first, last) = (*days.first()?, *days.last()?);
    ((last - first).num_days() <= 2).then(|| days[days.len() / 2])
}

/// The windows the titled people an article names allow: "Treasury Secretary Scott Bessent"
/// writes while the person holds that title (the years of `assets/actors.toml`). A title that
/// fits several terms gives the span from the first to the last.
/// Where the gazetteer's names lie in `text`: (start, end, pattern of its matcher).
fn gazetteer_hits(text: &str) -> Vec<(usize, usize, usize)> {
    let gaz = crate::extract::actors::gazetteer::Gazetteer::embedded();
    gaz.matcher()
        .ac
        .find_iter(text)
        .map(|h| (h.start, h.end, h.pattern))
        .collect()
}

fn role_windows(text: &str, hits: &[(usize, usize, usize)], today: NaiveDate) -> Vec<Clue> {
    let gaz = crate::extract::actors::gazetteer::Gazetteer::embedded();
    let m = gaz.matcher();
    let mut out: Vec<Clue> = Vec::new();
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    for &(hit_start, hit_end, hit_pattern) in hits {
        let (via, idxs) = &m.targets[hit_pattern];
        if *via == crate::extract::actors::gazetteer::Via::Surname || idxs.len() != 1 {
            continue;
        }
        let actor = idxs[0];
        let floor = hit_start.saturating_sub(60);
        let mut from = floor;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text.get(from..hit_start).unwrap_or("");
        // The words just before the name, on its line.
        let line = before.rsplit('\n').next().unwrap_or("");
        let words: Vec<String> = line
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let words = &words[words.len().saturating_sub(4)..];
        if words.is_empty()
            || words
                .iter()
                .any(|w| matches!(w.as_str(), "late" | "then" | "elect"))
        {
            continue;
        }
        // "Former President X" writes after a term of that title ended: from the year the first
        // such term ended on (no later bound: the title may be held again).
        let former = words.iter().any(|w| matches!(w.as_str(), "former" | "ex"));
        let last = words.last().map(String::as_str).unwrap_or("");
        let terms: Vec<(i32, Option<i32>)> = gaz.entries[actor]
            .roles
            .iter()
            .filter(|r| r.title.rsplit(' ').next() == Some(last))
            .filter_map(|r| Some((r.from?, r.to)))
            .collect();
        let (first, end) = match former {
            true => match terms.iter().filter_map(|(_, t)| *t).min() {
                Some(ended) => (ended, i32::MAX),
                None => continue,
            },
            false => match (
                terms.iter().map(|(f, _)| *f).min(),
                terms.iter().map(|(_, t)| t.unwrap_or(i32::MAX)).max(),
            ) {
                (Some(first), Some(end)) => (first, end),
                _ => continue,
            },
        };
        if !seen.insert(actor) {
            continue;
        }
        let Some(lo) = NaiveDate::from_ymd_opt(first, 1, 1) else {
            continue;
        };
        let hi = match end {
            i32::MAX => today,
            y => NaiveDate::from_ymd_opt(y, 12, 31)
                .unwrap_or(today)
                .min(today),
        };
        if lo <= hi {
            // The title as written: the words before the name that can be part of a title.
            let from = words
                .iter()
                .rposition(|w| !gaz.is_title_word(w))
                .map_or(0, |i| i + 1);
            let mut title = words[from..].join(" ");
            if former && !title.starts_with("former") && !title.starts_with("ex") {
                title = format!("former {title}");
            }
            out.push(Clue::Window {
                from: lo,
                to: hi,
                text: format!("{ROLE}'{title} {}'", hit_text(text, hit_start, hit_end)),
            });
        }
    }
    out
}

/// The windows the ages of known people give: "Jane Holt, 61," or "the 61-year-old" writes while
/// that person is that old (the birth date in `assets/actors.toml`). "The N-year-old" refers back
/// to a person named earlier in its sentence, else to the first person named in the sentence before
/// (the subject, as news writes it); nobody else is guessed at. An age the person has not reached
/// by today is read as someone else's.
fn age_windows(text: &str, hits: &[(usize, usize, usize)], today: NaiveDate) -> Vec<Clue> {
    use crate::extract::actors::gazetteer::{Gazetteer, Kind};
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<[regex::Regex; 2]> = OnceLock::new();
    let [anaphor, apposed] = PATTERNS.get_or_init(|| {
        let re = |p: &str| regex::Regex::new(p).expect("a valid pattern");
        [re(r"\b[Tt]he (\d{2,3})-year-old\b"), re(r"^, (\d{2,3}),")]
    });
    let gaz = Gazetteer::embedded();
    let m = gaz.matcher();
    // Every named person, in order: (start, end, actor).
    let people: Vec<(usize, usize, usize)> = hits
        .iter()
        .filter_map(|&(start, end, pattern)| {
            let (_, idxs) = &m.targets[pattern];
            match idxs.as_slice() {
                [a] if gaz.entries[*a].kind == Kind::Person => Some((start, end, *a)),
                _ => None,
            }
        })
        .collect();
    let mut ages: Vec<(usize, u32, &str)> = Vec::new();
    for (start, end, actor) in &people {
        if let Some(c) = apposed.captures(text.get(*end..).unwrap_or(""))
            && let Some(n) = c.get(1).and_then(|n| n.as_str().parse().ok())
        {
            let to = end + c.get(0).map_or(0, |m| m.end());
            ages.push((*actor, n, text.get(*start..to).unwrap_or("")));
        }
    }
    for c in anaphor.captures_iter(text) {
        let (Some(all), Some(n)) = (c.get(0), c.get(1).and_then(|n| n.as_str().parse().ok()))
        else {
            continue;
        };
        let (s, _) = sentence_around(text, all.start(), all.end());
        let earlier = people
            .iter()
            .rfind(|(start, _, _)| (s..all.start()).contains(start));
        let before = || {
            let (ps, _) = sentence_around(text, s.checked_sub(1)?, s.checked_sub(1)?);
            people.iter().find(|(start, _, _)| (ps..s).contains(start))
        };
        if let Some((_, _, actor)) = earlier.or_else(before) {
            ages.push((*actor, n, all.as_str()));
        }
    }
    let mut out = Vec::new();
    for (actor, n, surface) in ages {
        let Some(born) = gaz.entries[actor].born else {
            continue;
        };
        let (Some(lo), Some(next)) = (
            born.checked_add_months(chrono::Months::new(12 * n)),
            born.checked_add_months(chrono::Months::new(12 * (n + 1))),
        ) else {
            continue;
        };
        let hi = next.pred_opt().unwrap_or(next).min(today);
        if lo <= hi {
            out.push(Clue::Window {
                from: lo,
                to: hi,
                text: format!(
                    "'{}' ({}, born {}): aged {n}",
                    surface.trim_matches(|c: char| c == ',' || c == ' '),
                    gaz.actors[actor].name,
                    day_value(born)
                ),
            });
        }
    }
    out
}

fn hit_text(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

/// The cost rows round 1 will read: each day-precision clue of an article that is scored, over
/// its window (computed once per distinct clue, on every core).
fn costs_ahead(clues: &[&[Clue]], windows: &[Option<Window>]) -> CostTable {
    let wanted = clues.iter().zip(windows).flat_map(|(clues, window)| {
        // As in `best_day`: only articles with a day-precision clue are scored.
        let (lo, hi) = window
            .filter(|(_, hi)| *hi != NaiveDate::MAX && clues.iter().any(Clue::is_daily))
            .unwrap_or((NaiveDate::MAX, NaiveDate::MIN));
        clues.iter().filter_map(move |c| {
            let fill = move |from, to, out: &mut Vec<f64>| c.costs(from, to, out);
            Some((c.cost_key()?, lo, hi, fill))
        })
    });
    CostTable::new(wanted)
}

/// Whether a bare year only names a thing, as a modifier after a determiner ("the 2015 nuclear deal",
/// "its 2014 annexation"): such years lie anywhere in the past and say nothing of the present.
fn names_a_thing(text: &str, e: &Expression) -> bool {
    let before = text.get(..e.span.start).unwrap_or("");
    let word_before = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after = text.get(e.span.end..).unwrap_or("");
    let determiner = matches!(
        word_before.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
    );
    determiner
        && after.starts_with(' ')
        && after[1..].chars().next().is_some_and(char::is_lowercase)
}

/// The candidate days for an article from its own text: the windows its elapsed times give; else
/// the latest year it mentions and after; else the last few years; narrowed by the terms of the
/// titled people it names when they agree. Never after today.
fn own_window(clues: &[Clue], latest: Option<i32>, today: NaiveDate) -> Option<Window> {
    let elapsed: Vec<Window> = clues
        .iter()
        .filter_map(|c| match c {
            Clue::Window { from, to, text } if !text.starts_with(ROLE) => Some((*from, *to)),
            _ => None,
        })
        .collect();
    let base = match intersect_windows(elapsed) {
        Some(w) => w,
        None => match latest {
            // A year the text names is its own evidence, even one later than the clock; news
            // names the years of the last few years (and the window stays short to score).
            Some(y) => (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?.max(today),
            ),
            None => (add_days(today, -365 * RECENT_YEARS)?, today),
        },
    };
    let roles: Vec<Window> = clues
        .iter()
        .filter_map(|c| match c {
            Clue::Window { from, to, text } if text.starts_with(ROLE) => Some((*from, *to)),
            _ => None,
        })
        .collect();
    let (mut lo, mut hi) = base;
    if let Some((rlo, rhi)) = intersect_windows(roles)
        && rlo.max(lo) <= rhi.min(hi)
    {
        (lo, hi) = (rlo.max(lo), rhi.min(hi));
    }
    let hi = match latest {
        Some(y) => hi.min(NaiveDate::from_ymd_opt(y, 12, 31)?.max(today)),
        None => hi.min(today),
    };
    // Scored day by day: a window stays a few years long (the years just after its start).
    let hi = hi.min(add_days(lo, 365 * i64::from(LATEST_YEARS))?);
    (lo <= hi).then_some((lo, hi))
}

/// A date an article's address carries: a day ("/2025/03/01/", "2025-03-01-", "/20250301.htm")
/// or only a month ("/2025/03/").
#[derive(Debug, PartialEq)]
enum UrlDate {
    Day(NaiveDate),
    Month(NaiveDate, NaiveDate),
}

fn url_date(url: &str) -> Option<UrlDate> {
    use std::sync::OnceLock;
    static PATTERNS: OnceLock<[regex::Regex; 4]> = OnceLock::new();
    let [slashed, dashed, packed, month] = PATTERNS.get_or_init(|| {
        let re = |p: &str| regex::Regex::new(p).expect("a valid pattern");
        [
            re(r"/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:[/._-]|$)"),
            re(r"[/_-]((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[/._-]|$)"),
            re(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/._-]|$)"),
            re(r"/((?:19|20)\d\d)/(\d\d?)/"),
        ]
    });
    // The path only: a host may hold digits too.
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/').unwrap_or(path.len())..];
    let number = |c: &regex::Captures, i: usize| c.get(i)?.as_str().parse::<u32>().ok();
    for re in [slashed, dashed, packed] {
        for c in re.captures_iter(path) {
            let (Some(y), Some(m), Some(d)) = (number(&c, 1), number(&c, 2), number(&c, 3)) else {
                continue;
            };
            if let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                return Some(UrlDate::Day(day));
            }
        }
    }
    let c = month.captures(path)?;
    let (y, m) = (number(&c, 1)? as i32, number(&c, 2)?);
    let lo = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }?;
    Some(UrlDate::Month(lo, next.pred_opt()?))
}

/// The window an article's own elapsed times give ("almost four years" since "February 2022").
fn elapsed_window(clues: &[Clue]) -> Option<Window> {
    let spans: Vec<Window> = clues
        .iter()
        .filter_map(|c| match c {
            Clue::Window { from, to, text } if !text.starts_with(ROLE) => Some((*from, *to)),
            _ => None,
        })
        .collect();
    intersect_windows(spans)
}

/// How the windows of titled people are described (and told from elapsed-time windows).
const ROLE: &str = "named as ";

/// The day of the window these clues fix: the cheapest days, when they are clearly cheaper than
/// every other day and lie within a few days of each other (their middle is given; a run longer
/// than a day lowers the confidence). When the good days spread further but within one month, the
/// month. With a neighbour's day to lean on, simply the cheapest day.
fn best_day(
    text: &str,
    clues: &[Clue],
    lo: NaiveDate,
    hi: NaiveDate,
    neighbour: Option<NaiveDate>,
    ahead: &CostTable,
) -> Outcome {
    if neighbour.is_none() && !clues.iter().any(Clue::is_daily) {
        return Outcome::Nothing;
    }
    // The last day of the calendar has no successor: such a window was never scored.
    if lo > hi || hi == NaiveDate::MAX {
        return Outcome::Nothing;
    }
    let totals = day_costs(clues, lo, hi, ahead);
    // Days as their index in the window: consecutive days, so index differences are day counts.
    let pull_from = neighbour.map(|n| (n - lo).num_days());
    let scored: Vec<f64> = totals
        .into_iter()
        .enumerate()
        .map(|(day, cost)| match pull_from {
            Some(n) => cost + NEIGHBOUR_PULL * (day as i64 - n).abs() as f64,
            None => cost,
        })
        .collect();
    // The cheapest day, the earliest of equals.
    let Some((best_day, best_cost)) = scored
        .iter()
        .copied()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
    else {
        return Outcome::Nothing;
    };
    // The best day still breaks a strong clue (a window, a weekday's calendar): the clues
    // contradict each other, and no day is given.
    if let Some(day) = add_days(lo, best_day as i64)
        && clues.iter().any(|c| {
            matches!(c, Clue::Window { .. } | Clue::Calendar { .. })
                && c.cost_on(day, ahead) >= c.cost_ceiling()
        })
    {
        return Outcome::Nothing;
    }
    let (mut confidence, chosen) = if neighbour.is_some() {
        (Confidence::Medium, best_day)
    } else {
        // The days nearly as good as the best: one short run, or the evidence cannot fix a day.
        let good: Vec<usize> = (0..scored.len())
            .filter(|d| scored[*d] - best_cost < MARGIN)
            .collect();
        let (Some(&first), Some(&last)) = (good.first(), good.last()) else {
            return Outcome::Nothing;
        };
        // A year-less clue costs nearly the same in every year: a day a year away must be far worse.
        let far_rival = (0..scored.len())
            .filter(|d| d.abs_diff(best_day) > 60)
            .any(|d| scored[d] - best_cost < YEAR_MARGIN);
        if tracing::enabled!(target: "attache::debug::pub", tracing::Level::DEBUG) {
            let at = |i: usize| add_days(lo, i as i64).map_or(String::new(), |d| d.to_string());
            tracing::debug!(
                target: "attache::debug::pub",
                "pub: window {lo}..{hi} best {} ({best_cost:.2}) good {}..{} ({} days) clues {:?}",
                at(best_day),
                at(first),
                at(last),
                good.len(),
                clues.iter().map(|c| c.describe(text)).collect::<Vec<_>>()
            );
        }
        if far_rival {
            return Outcome::Nothing;
        }
        if (last - first) as i64 >= MAX_SPAN {
            return month_of(lo, first, last);
        }
        let confidence = match last - first {
            0..=1 => Confidence::High,
            _ => Confidence::Low,
        };
        (confidence, (first + last) / 2)
    };
    let Some(best) = add_days(lo, chosen as i64) else {
        return Outcome::Nothing;
    };
    let notes: Vec<String> = clues
        .iter()
        .filter(|c| c.cost_on(best, ahead) < c.cost_ceiling())
        .map(|c| c.describe(text))
        .collect();
    // A day that only a window or an order supports is not fixed by anything daily.
    if neighbour.is_none()
        && !clues
            .iter()
            .any(|c| c.is_daily() && c.cost_on(best, ahead) < c.cost_ceiling())
    {
        confidence = Confidence::Low;
    }
    Outcome::Day(Dated {
        day: best,
        notes,
        confidence,
    })
}

/// Each day's total cost over `lo..=hi`, summed clue by clue in the clues' order (each clue's
/// costs over the whole window at once, remembered across articles).
fn day_costs(clues: &[Clue], lo: NaiveDate, hi: NaiveDate, ahead: &CostTable) -> Vec<f64> {
    let days = (hi - lo).num_days() as usize + 1;
    let mut totals = vec![-0.0; days];
    for c in clues {
        c.add_costs(lo, hi, &mut totals, ahead);
    }
    totals
}

/// When the clues fix a day of the year but not the year ("June 4" and a weekday that fits
/// several years): the middle of each year's short run of good days, two or more of them.
fn yearly_days(clues: &[Clue], lo: NaiveDate, hi: NaiveDate, ahead: &CostTable) -> Vec<NaiveDate> {
    if lo > hi || hi == NaiveDate::MAX || !clues.iter().any(Clue::is_daily) {
        return Vec::new();
    }
    let totals = day_costs(clues, lo, hi, ahead);
    let Some(best) = totals.iter().copied().min_by(f64::total_cmp) else {
        return Vec::new();
    };
    let good: Vec<usize> = (0..totals.len())
        .filter(|d| totals[*d] - best < MARGIN)
        .collect();
    let runs: Vec<&[usize]> = good.chunk_by(|a, b| b - a <= 60).collect();
    if runs.len() < 2
        || runs
            .iter()
            .any(|r| (r[r.len() - 1] - r[0]) as i64 >= MAX_SPAN)
    {
        return Vec::new();
    }
    runs.iter()
        .filter_map(|r| add_days(lo, ((r[0] + r[r.len() - 1]) / 2) as i64))
        .collect()
}

/// The year of an article whose clues fix the day but not the year, from the reference
/// chronology: exactly one of the candidate days lies within a week of a happening the article
/// names clearly in its opening (its own "June 4" and the leaders' listed call of 5 June 2025).
fn year_by_chronology(
    text: &str,
    clues: &[Clue],
    window: Window,
    ahead: &CostTable,
) -> Option<Dated> {
    use self::chronology::{Chronology, OPENING};
    let days = yearly_days(clues, window.0, window.1, ahead);
    if days.is_empty() {
        return None;
    }
    let chronology = Chronology::embedded();
    let hits = chronology.hits(text);
    let reported: Vec<&self::chronology::Happening> = chronology
        .reported_in(&hits, OPENING.min(text.len()))
        .iter()
        .filter(|r| r.opening >= CLEAR_REPORT)
        .map(|r| &chronology.happenings[r.happening])
        .collect();
    let near = |day: NaiveDate, h: &self::chronology::Happening| {
        add_days(h.first, -AROUND_HAPPENING).is_some_and(|lo| lo <= day)
            && add_days(h.last, AROUND_HAPPENING).is_some_and(|hi| day <= hi)
    };
    let matched: Vec<(NaiveDate, &self::chronology::Happening)> = days
        .iter()
        .filter_map(|d| Some((*d, *reported.iter().find(|h| near(*d, h))?)))
        .collect();
    let [(day, h)] = matched.as_slice() else {
        return None;
    };
    let lo = add_days(*day, -20)?.max(window.0);
    let hi = add_days(*day, 20)?.min(window.1);
    let Outcome::Day(mut dated) = best_day(text, clues, lo, hi, None, ahead) else {
        return None;
    };
    dated.notes.push(format!(
        "its year is that of a happening of the reference chronology it reports: {}",
        h.describe()
    ));
    dated.confidence = Confidence::Low;
    Some(dated)
}

/// The month the good days `first..=last` (indices from `lo`) lie in, when it is one month.
fn month_of(lo: NaiveDate, first: usize, last: usize) -> Outcome {
    use chrono::Datelike;
    match (add_days(lo, first as i64), add_days(lo, last as i64)) {
        (Some(a), Some(b)) if (a.year(), a.month()) == (b.year(), b.month()) => {
            Outcome::Month(format!("{:04}-{:02}", a.year(), a.month()))
        }
        _ => Outcome::Nothing,
    }
}

/// What an article's own text says, read once: its clues, the latest year it mentions (outside the
/// future and the years that only name a thing) and its names.
struct Own<'a> {
    clues: Vec<Clue>,
    latest: Option<i32>,
    names: Vec<&'a str>,
    weekdays: Vec<WeekdayMention<'a>>,
}

/// The latest year the expressions mention as a present or past year, for [`window`].
fn latest_year(text: &str, exprs: &[&Expression]) -> Option<i32> {
    exprs
        .iter()
        .filter(|e| {
            e.tense != Tense::Future && !(matches!(e.sem, Sem::Year(_)) && names_a_thing(text, e))
        })
        .filter_map(|e| match e.sem {
            Sem::Year(y)
            | Sem::Date {
                year: YearRef::Abs(y),
                ..
            } => Some(y),
            _ => None,
        })
        .max()
}

/// Capitalised words of four letters or more: a cheap fingerprint of who and where a story is about.
/// Each once, in the order of their first use (the order the corpus vocabulary is numbered in).
/// Words are the runs of letters and digits; ASCII bytes are classified without decoding.
fn names_of(text: &str) -> Vec<&str> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // The start of the word being read, when one is.
    let mut start: Option<usize> = None;
    let mut at = 0;
    let mut end_word = |from: usize, to: usize| {
        let w = &text[from..to];
        let upper = match bytes[from] {
            b if b < 0x80 => b.is_ascii_uppercase(),
            _ => w.chars().next().is_some_and(char::is_uppercase),
        };
        if w.len() > 3 && upper && seen.insert(w) {
            out.push(w);
        }
    };
    while at < bytes.len() {
        let b = bytes[at];
        let (word, len) = if b < 0x80 {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            // `at` is on a character boundary: every step moves by a whole character.
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                end_word(from, at);
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(from) = start {
        end_word(from, bytes.len());
    }
    out
}

#[cfg(test)]
mod url_tests {
    use super::{UrlDate, url_date};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn addresses_give_their_day_or_month() {
        let cases = [
            (
                "https://example.org/news/2025/03/01/harbour-vote",
                Some(UrlDate::Day(day(2025, 3, 1))),
            ),
            (
                "https://example.org/opinion/2025-10-26-quays-reopen/",
                Some(UrlDate::Day(day(2025, 10, 26))),
            ),
            (
                "https://example.org/report/quays/20250115.htm",
                Some(UrlDate::Day(day(2025, 1, 15))),
            ),
            (
                "https://example.org/2025/03/quays-close/",
                Some(UrlDate::Month(day(2025, 3, 1), day(2025, 3, 31))),
            ),
            ("https://example.org/news/quays-101751320378735.html", None),
            ("https://2025.example.org/item/4d132be25220", None),
            ("https://example.org/2025/13/45/nonsense", None),
        ];
        for (url, want) in cases {
            assert_eq!(url_date(url), want, "{url}");
        }
    }
}

#[cfg(test)]
mod names_tests {
    use super::names_of;
    use proptest::prelude::*;

    /// The plain definition the scan must agree with.
    fn by_split(text: &str) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase))
            .filter(|w| seen.insert(*w))
            .collect()
    }

    #[test]
    fn names_are_capitalised_words_once_each_in_first_use_order() {
        let text = "Minister Jane Holt met Holt's rival, Émile Ångström, in Zürich; HOLT \
                    and Ωmega2 left. Jane Holt";
        assert_eq!(
            names_of(text),
            [
                "Minister",
                "Jane",
                "Holt",
                "Émile",
                "Ångström",
                "Zürich",
                "HOLT",
                "Ωmega2"
            ]
        );
        assert_eq!(names_of(text), by_split(text));
    }

    proptest! {
        #[test]
        fn the_scan_splits_as_the_definition_does(
            text in "([A-Za-z0-9 ,.'-]|É|é|ß|Ω|ω|İ|ǅ|٣|中|\u{00a0}|\u{2019}){0,60}"
        ) {
            prop_assert_eq!(names_of(&text), by_split(&text));
        }
    }
}
