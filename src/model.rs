//! The data model every stage shares: documents in, a [`Timeline`] out.
//!
//! Every [`Span`] is a byte range into its document's `text`, so `&doc.text[span.range()]` is always
//! exactly what is shown or exported.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text of this span, or "" when it does not fit `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Decade,
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Time,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Quarter => "quarter",
            Precision::Month => "month",
            Precision::Week => "week",
            Precision::Day => "day",
            Precision::Time => "time",
        }
    }
}

/// A resolved (or partly resolved) time: a point or range at some precision.
///
/// `value` is the TIMEX3 value as TimeML defines it (`2025-08-18`, `2025-W33`, `2025-08`, `202`,
/// `P10D`, `PAST_REF`, `XXXX-08-15`). `start`/`end` (inclusive) are set when the value names a
/// calendar period; `relative` keeps the unresolved form ("last week") when no anchor was known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeValue {
    pub value: String,
    pub precision: Option<Precision>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub approximate: bool,
    pub relative: Option<String>,
}

impl TimeValue {
    /// A calendar period from `start` to `end` (inclusive) with the given TIMEX3 value.
    pub fn period(
        value: impl Into<String>,
        precision: Precision,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Self {
        TimeValue {
            value: value.into(),
            precision: Some(precision),
            start: Some(start),
            end: Some(end),
            approximate: false,
            relative: None,
        }
    }
    /// A single day.
    pub fn day(date: NaiveDate) -> Self {
        Self::period(
            date.format("%Y-%m-%d").to_string(),
            Precision::Day,
            date,
            date,
        )
    }
    /// Whether two values can describe the same time (their periods overlap, or one is unknown).
    pub fn compatible(&self, other: &TimeValue) -> bool {
        match (self.start, self.end, other.start, other.end) {
            (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
            _ => true,
        }
    }
    /// The value as an ISO 8601 date at its precision (`2025-08-18`, `2025-W33`, `2025-08`,
    /// `2025-Q3`, `2025`): a time of day or a part of a week is dropped ("2025-09-10TNI" is the
    /// day), a duration or vague value with a known period becomes the smallest period holding it,
    /// and a value with no period is no date (`None`): raw TIMEX3 values never reach users.
    pub fn normalised(mut self) -> Option<TimeValue> {
        let v = self.value.as_str();
        let b = v.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
        };
        let iso = digits(0..4)
            && match b.len() {
                4 => true,
                7 => b[4] == b'-' && (digits(5..7) || (b[5] == b'Q' && digits(6..7))),
                8 => b[4] == b'-' && b[5] == b'W' && digits(6..8),
                10 => b[4] == b'-' && b[7] == b'-' && digits(5..7) && digits(8..10),
                _ => false,
            };
        if iso {
            return Some(self);
        }
        if digits(0..4) && b.len() > 10 && b[4] == b'-' && b[7] == b'-' && digits(8..10) {
            self.value.truncate(10);
            self.precision = Some(Precision::Day);
            return Some(self);
        }
        if digits(0..4) && b.len() > 8 && b[5] == b'W' && digits(6..8) {
            self.value.truncate(8);
            self.precision = Some(Precision::Week);
            return Some(self);
        }
        let (start, end) = (self.start?, self.end?);
        let (value, precision) = if start == end {
            (start.format("%Y-%m-%d").to_string(), Precision::Day)
        } else if start.iso_week() == end.iso_week() {
            (start.format("%G-W%V").to_string(), Precision::Week)
        } else if (start.year(), start.month()) == (end.year(), end.month()) {
            (start.format("%Y-%m").to_string(), Precision::Month)
        } else if start.year() == end.year() {
            (start.format("%Y").to_string(), Precision::Year)
        } else {
            return None;
        };
        self.value = value;
        self.precision = Some(precision);
        Some(self)
    }

    /// Whether this value names a calendar period (as opposed to a duration or a vague reference).
    pub fn is_calendar(&self) -> bool {
        self.start.is_some() && self.end.is_some()
    }
}

/// JSON leaves out an absent `relative`; compact binary formats (the cache) have no field names to
/// tell what is left out, so they always write every field, and write dates as day numbers
/// (reading a cached 10k-article timeline parses no date text).
impl Serialize for TimeValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(rename = "TimeValue")]
        struct Readable<'a> {
            value: &'a String,
            precision: &'a Option<Precision>,
            start: &'a Option<NaiveDate>,
            end: &'a Option<NaiveDate>,
            approximate: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            relative: &'a Option<String>,
        }
        #[derive(Serialize)]
        #[serde(rename = "TimeValue")]
        struct Compact<'a> {
            value: &'a String,
            precision: &'a Option<Precision>,
            start: Option<i32>,
            end: Option<i32>,
            approximate: bool,
            relative: &'a Option<String>,
        }
        if serializer.is_human_readable() {
            Readable {
                value: &self.value,
                precision: &self.precision,
                start: &self.start,
                end: &self.end,
                approximate: self.approximate,
                relative: &self.relative,
            }
            .serialize(serializer)
        } else {
            Compact {
                value: &self.value,
                precision: &self.precision,
                start: self.start.map(|d| d.num_days_from_ce()),
                end: self.end.map(|d| d.num_days_from_ce()),
                approximate: self.approximate,
                relative: &self.relative,
            }
            .serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for TimeValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "TimeValue")]
        struct Readable {
            value: String,
            precision: Option<Precision>,
            start: Option<NaiveDate>,
            end: Option<NaiveDate>,
            #[serde(default)]
            approximate: bool,
            #[serde(default)]
            relative: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(rename = "TimeValue")]
        struct Compact {
            value: String,
            precision: Option<Precision>,
            start: Option<i32>,
            end: Option<i32>,
            approximate: bool,
            relative: Option<String>,
        }
        if deserializer.is_human_readable() {
            let r = Readable::deserialize(deserializer)?;
            Ok(TimeValue {
                value: r.value,
                precision: r.precision,
                start: r.start,
                end: r.end,
                approximate: r.approximate,
                relative: r.relative,
            })
        } else {
            let c = Compact::deserialize(deserializer)?;
            let day = |n: Option<i32>| -> Result<Option<NaiveDate>, D::Error> {
                n.map(|n| {
                    NaiveDate::from_num_days_from_ce_opt(n)
                        .ok_or_else(|| serde::de::Error::custom("day number out of range"))
                })
                .transpose()
            };
            Ok(TimeValue {
                value: c.value,
                precision: c.precision,
                start: day(c.start)?,
                end: day(c.end)?,
                approximate: c.approximate,
                relative: c.relative,
            })
        }
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// Front matter, HTML metadata or a feed's field.
    Metadata,
    /// The `--dct` command-line flag.
    Flag,
    /// Inferred from clues in the text (see `Published::clues`).
    Inferred,
    #[default]
    Unknown,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Flag => "flag",
            DateSource::Inferred => "inferred",
            DateSource::Unknown => "unknown",
        }
    }
}

/// A document's publication date and its provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Published {
    pub date: Option<NaiveDate>,
    pub source: DateSource,
    /// Human-readable clues that fixed an inferred date ("'August 15' + 'last week'").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clues: Vec<String>,
    /// How sure an inferred date is (none for given dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// What the evidence fixes when it cannot fix a day: a month ("2025-10"); `date` is then none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<String>,
}

/// How sure an inferred publication date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// The article's own text fixes the day (a dateline, a weekday with its date, …).
    High,
    /// The article's own clues, with a happening dated by another article of the folder.
    Medium,
    /// Only the agreement of closely related articles; or a day picked inside a short span.
    Low,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Stable short id (`d1`, `d2`, … in load order).
    pub id: String,
    /// The path as given by the user (embedded ones: `assets/corpus/NAME`).
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub published: Published,
    /// The document text; every span indexes it.
    pub text: String,
    /// Lines of site chrome (ads, comment boxes, "READ ALSO"), kept in the text but skipped by extraction.
    #[serde(default)]
    pub chrome: Vec<Span>,
}

impl Document {
    /// Whether the byte `offset` lies in a site-chrome line.
    pub fn is_chrome(&self, offset: usize) -> bool {
        self.chrome.iter().any(|s| s.contains(offset))
    }
    /// A short label for lists: the outlet, else the host of the article's URL
    /// (`wire.example`), else the file name.
    pub fn label(&self) -> &str {
        self.outlet
            .as_deref()
            .or_else(|| self.web_url().and_then(url_host))
            .unwrap_or_else(|| {
                self.path
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or(self.path.as_str())
            })
    }

    /// The article's URL when it is an http(s) URL of URL characters only (see [`web_url`]).
    pub fn web_url(&self) -> Option<&str> {
        self.url.as_deref().and_then(web_url)
    }
}

/// `url` trimmed, when it is an http(s) URL made only of the printable ASCII characters a URL may
/// hold (RFC 3986's unreserved and reserved sets and `%`): no controls (C0, DEL, C1), spaces,
/// quotes, angle brackets or non-ASCII. Only such a URL is cited or put into an escape sequence.
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_len = if url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        8
    } else if url
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
    {
        7
    } else {
        return None;
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    (url.len() > scheme_len && url.chars().all(allowed)).then_some(url)
}

/// `https://www.wire.example:443/a` → `wire.example`.
fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// A person, organisation or country that takes part in events or speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actor {
    /// Canonical name ("Volodymyr Zelensky").
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    pub country: Option<String>,
    /// False for actors discovered in the text (a name introduced with a role).
    #[serde(default)]
    pub known: bool,
}

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Summit,
    Call,
    Statement,
    Announcement,
    Agreement,
    Negotiation,
    Attack,
    Deadline,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 10] = [
        EventKind::Meeting,
        EventKind::Summit,
        EventKind::Call,
        EventKind::Statement,
        EventKind::Announcement,
        EventKind::Agreement,
        EventKind::Negotiation,
        EventKind::Attack,
        EventKind::Deadline,
        EventKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Summit => "summit",
            EventKind::Call => "call",
            EventKind::Statement => "statement",
            EventKind::Announcement => "announcement",
            EventKind::Agreement => "agreement",
            EventKind::Negotiation => "negotiation",
            EventKind::Attack => "attack",
            EventKind::Deadline => "deadline",
            EventKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Whether an event already happened or is only planned, as a source tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Past,
    Planned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Past => "past",
            Status::Planned => "planned",
        }
    }
}

/// One report of an event in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub span: Span,
    pub text: String,
    pub kind: EventKind,
    pub status: Status,
    pub actors: Vec<String>,
    pub place: Option<String>,
    pub date: Option<TimeValue>,
    /// How the date was fixed ("timex 'on Monday' (tense: past)").
    pub date_rule: Option<String>,
    /// The trigger word that made this an event.
    pub trigger: String,
    /// What the merge weighs beyond the fields above (not exported).
    #[serde(skip)]
    pub cues: MentionCues,
}

/// How a mention's date was found, weakest first: the merge trusts stronger origins.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    #[default]
    None,
    /// The document's news day (its publication date, or the day most of its events happened).
    Document,
    /// An earlier sentence of the same paragraph.
    Context,
    /// The event this one happened during ("a call during the talks").
    Anchor,
    /// The report that tells of it ("announced Monday that he called").
    Report,
    /// A time expression in the mention's own clause.
    Clause,
}

/// A checkable detail a mention states ("deadline": "within 10 days"), compared across outlets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Detail {
    /// What the detail is about ("deadline", "title of Jane Holt").
    pub field: String,
    /// The words of the source.
    pub value: String,
    /// What is compared: details with the same `norm` agree.
    pub norm: String,
}

/// The cues event detection leaves for the merge: how sure the date is, what the mention may
/// refer to, and the details outlets can disagree on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MentionCues {
    pub date_origin: DateOrigin,
    /// Bounds on when the event can be (a planned event is not before its report).
    pub not_before: Option<NaiveDate>,
    pub not_after: Option<NaiveDate>,
    /// A bare reference ("the talks") that joins an event found elsewhere but is no event alone.
    pub reference: bool,
    /// The kind family ("meeting" for talks and summits; "any" for a generic reference).
    pub family: String,
    /// The noun and third-person verb titles use ("summit", "hosts").
    pub noun: String,
    pub verb: Option<String>,
    /// The trigger is a verb ("signed"), not a noun ("the deal").
    pub is_verb: bool,
    /// The event noun is definite ("the invasion", "Holt's visit"): it points at a known event.
    pub definite: bool,
    /// The actor who hosted the event, when the trigger says so.
    pub host: Option<String>,
    /// How many parties the event has, when a word says so ("bilateral", "trilateral").
    pub arity: Option<u8>,
    /// Which one of a series the mention names ("the second round of talks": 2, "their fifth
    /// meeting": 5): two different ordinals are two events.
    pub ordinal: Option<u8>,
    /// A mention of the same document this one is related to, and how ("during", "after").
    pub anchor: Option<(Span, String)>,
    /// The relation word that opens this mention's clause ("since the invasion": "since").
    pub relation: Option<String>,
    /// Content words of the clause, for matching mentions that name no actor or place.
    pub topic: Vec<String>,
    /// A group of unnamed participants ("European leaders").
    pub group: Option<String>,
    /// A proper adjective before the event noun ("Russian attacks"), for titles.
    pub modifier: Option<String>,
    /// Everyone named in the sentence outside speech clauses: weak evidence for references
    /// ("their first since the tensions in February").
    pub sentence_actors: Vec<String>,
    pub details: Vec<Detail>,
    /// The sentence and paragraph holding the mention (for linking quotes).
    pub sentence: Span,
    pub paragraph: Span,
}

/// Two or more sources disagreeing on a checkable detail of one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disagreement {
    /// What is disputed ("date", "deadline", "title of Friedrich Merz").
    pub field: String,
    /// Each distinct claim with the documents that make it.
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub value: String,
    pub docs: Vec<String>,
}

/// A real-world event, merged from all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub status: Status,
    pub date: Option<TimeValue>,
    /// Which mention and rule fixed the date.
    pub date_provenance: Option<String>,
    pub actors: Vec<String>,
    pub place: Option<String>,
    pub mentions: Vec<Mention>,
    /// Quote ids.
    pub quotes: Vec<String>,
    /// Outlets (document labels) that reported the event.
    pub outlets: Vec<String>,
    pub disagreements: Vec<Disagreement>,
    /// Why each mention joined the event, in the order of `mentions` ("first report of the
    /// event", "the same people, the same stated day"): the merge explaining itself.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A direct quote with its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    pub span: Span,
    /// Exactly `&doc.text[span]`: the words inside the quote marks.
    pub text: String,
    /// Canonical speaker name, or None for scare quotes, titles and unattributable quotes.
    pub speaker: Option<String>,
    /// The rule that attributed the speaker ("trailing-said", "pronoun", …).
    pub attribution: Option<String>,
    /// Shared by variants of the same statement quoted by several outlets.
    pub statement: Option<String>,
    /// The event the quote was said at or about.
    pub event: Option<String>,
}

/// A statement reported without quotation marks ("Holt said on Friday that the border would
/// reopen"): the reported clause is a paraphrase, never the speaker's words, so it is kept apart
/// from [`Quote`] and nothing that shows or copies quotes verbatim can take it for one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    pub id: String,
    pub doc: String,
    /// The reported clause: exactly `&doc.text[span]`.
    pub span: Span,
    pub text: String,
    /// Canonical speaker name (a reported statement without one is not kept).
    pub speaker: String,
    /// The rule that found it ("reported-that", "reported-clause", "reported-final",
    /// "according-to"), with "/pronoun" or "/role" as for quotes.
    pub attribution: String,
    /// The reporting verb as written ("said", "warned"), or "according to".
    pub verb: String,
    /// When it was said, where the sentence dates the saying ("said on Friday").
    pub date: Option<TimeValue>,
    /// The event the statement was made at or about (linked like a quote's).
    pub event: Option<String>,
}

/// Everything attache knows about a corpus: what the TUI and exporters read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Timeline {
    pub documents: Vec<Document>,
    pub events: Vec<Event>,
    /// Direct quotes only: words between quotation marks.
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    /// Statements reported without quotation marks (paraphrases), in document order.
    #[serde(default)]
    pub reported: Vec<Reported>,
}

impl Timeline {
    /// The document with this id. Loaded documents are numbered "d1", "d2", … in order, so the
    /// number finds it at once (exports look one up per quote); any other id is searched for.
    pub fn document(&self, id: &str) -> Option<&Document> {
        let at = id
            .strip_prefix('d')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.documents.get(i));
        match at {
            Some(d) if d.id == id => Some(d),
            _ => self.documents.iter().find(|d| d.id == id),
        }
    }
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_time_values_become_iso_dates_or_none() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("date");
        let v = |value: &str, start: Option<NaiveDate>, end: Option<NaiveDate>| TimeValue {
            value: value.to_string(),
            precision: None,
            start,
            end,
            approximate: false,
            relative: None,
        };
        let day = Some(d(2031, 9, 10));
        let norm = |t: TimeValue| t.normalised().map(|t| t.value);
        assert_eq!(
            norm(v("2031-09-10TNI", day, day)).as_deref(),
            Some("2031-09-10")
        );
        assert_eq!(
            norm(v("2031-W19-WE", None, None)).as_deref(),
            Some("2031-W19")
        );
        assert_eq!(norm(v("2031-08", None, None)).as_deref(), Some("2031-08"));
        assert_eq!(norm(v("2031-Q3", None, None)).as_deref(), Some("2031-Q3"));
        assert_eq!(
            norm(v("P10D", Some(d(2031, 8, 18)), Some(d(2031, 8, 28)))).as_deref(),
            Some("2031-08")
        );
        assert_eq!(norm(v("PAST_REF", None, None)), None);
        assert_eq!(
            norm(v("P3M", Some(d(2030, 12, 1)), Some(d(2031, 2, 1)))),
            None
        );
    }

    #[test]
    fn time_values_round_trip_as_text_and_as_day_numbers() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let mut later = TimeValue::period(
            "2025-W33",
            Precision::Week,
            day(2025, 8, 11).unwrap_or_default(),
            day(2025, 8, 17).unwrap_or_default(),
        );
        later.relative = Some("next week".into());
        let values = [
            later,
            TimeValue::day(day(-44, 3, 15).unwrap_or_default()),
            TimeValue {
                value: "PAST_REF".into(),
                precision: None,
                start: None,
                end: day(9999, 12, 31),
                approximate: true,
                relative: None,
            },
        ];
        for v in values {
            let json = serde_json::to_string(&v).unwrap_or_default();
            assert!(
                json.contains("\"start\":") && !json.contains("relative\":null"),
                "{json}"
            );
            assert_eq!(
                serde_json::from_str::<TimeValue>(&json).ok(),
                Some(v.clone())
            );
            let bytes = postcard::to_allocvec(&v).unwrap_or_default();
            assert_eq!(postcard::from_bytes::<TimeValue>(&bytes).ok(), Some(v));
        }
        // A day number no calendar date has is an error, not a panic.
        let bad = postcard::to_allocvec(&(
            "x",
            None::<Precision>,
            Some(i32::MAX),
            None::<i32>,
            false,
            None::<String>,
        ))
        .unwrap_or_default();
        assert!(postcard::from_bytes::<TimeValue>(&bad).is_err());
    }

    #[test]
    fn documents_are_found_by_number_and_by_any_other_id() {
        let doc = |id: &str| Document {
            id: id.into(),
            ..Document::default()
        };
        // In load order, out of order, and an id that is not a number.
        let t = Timeline {
            documents: vec![doc("d1"), doc("d3"), doc("d2"), doc("memo")],
            ..Timeline::default()
        };
        for id in ["d1", "d2", "d3", "memo"] {
            assert_eq!(t.document(id).map(|d| d.id.as_str()), Some(id));
        }
        assert!(t.document("d9").is_none() && t.document("d0").is_none());
        assert!(t.document("d").is_none() && t.document("").is_none());
    }
}
