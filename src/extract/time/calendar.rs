//! Calendar arithmetic on `NaiveDate`, and the reverse mapping from a TIMEX3 value to the calendar
//! period it names (so every resolved value also gets a start/end range).

use crate::model::Precision;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).and_then(|d| d.pred_opt())
}

/// (year, month) shifted by `n` months.
/// (year, month) shifted by `n` months; years are clamped to what a date can hold, so absurd
/// amounts ("2147483647 years ago") give an out-of-range year that later checks reject.
pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(n);
    let year = idx.div_euclid(12).clamp(-300_000, 300_000) as i32;
    (year, idx.rem_euclid(12) as u32 + 1)
}

/// A date shifted by `n` months, the day clamped to the month's length.
pub fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let (y, m) = add_months(d.year(), d.month(), n);
    let last = last_of_month(y, m)?.day();
    ymd(y, m, d.day().min(last))
}

pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

pub fn weekday_number(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// `YYYY-MM-DD`. Written digit by digit: chrono's formatter interprets its format string on every
/// call, and every resolved date of every article is written so.
pub fn day_value(d: NaiveDate) -> String {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        return d.format("%Y-%m-%d").to_string();
    }
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = year as u32;
    let (m, day) = (d.month(), d.day());
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        '-',
        digit(m / 10),
        digit(m),
        '-',
        digit(day / 10),
        digit(day),
    ]
    .iter()
    .collect()
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// The first and last day, and the precision, of the period a TIMEX3 value names:
/// `2025-08-18`, `2025-08-18TEV`, `2025-W33`, `2025-W33-WE`, `2025-08`, `2025-Q3`, `2025-H1`,
/// `2025-SU`, `2025`, `202` (decade), `20` (century).
pub fn period(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    // The commonest value, a day ("2025-08-18"), read without splitting; what the general reading
    // below gives for it.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *value.as_bytes()
        && [y0, y1, y2, y3, m0, m1, d0, d1]
            .iter()
            .all(u8::is_ascii_digit)
    {
        let digits = |s: &[u8]| s.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        let y = digits(&[y0, y1, y2, y3]) as i32;
        let day = ymd(y, digits(&[m0, m1]), digits(&[d0, d1]))?;
        return Some((day, day, Precision::Day));
    }
    period_split(value)
}

/// [`period`] for every form of value, by splitting it at its dashes.
fn period_split(value: &str) -> Option<(NaiveDate, NaiveDate, Precision)> {
    let (date_part, has_time) = match value.split_once('T') {
        Some((d, _)) => (d, true),
        None => (value, false),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let num = |s: &str| -> Option<i32> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = num(y)?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?, Precision::Year))
        }
        [d] if d.len() == 3 => {
            let d = num(d)?;
            Some((
                ymd(d * 10, 1, 1)?,
                ymd(d * 10 + 9, 12, 31)?,
                Precision::Decade,
            ))
        }
        [c] if c.len() == 2 => {
            let c = num(c)?;
            Some((
                ymd(c * 100, 1, 1)?,
                ymd(c * 100 + 99, 12, 31)?,
                Precision::Decade,
            ))
        }
        [y, rest @ ..] => {
            let y = num(y)?;
            let second = *rest.first()?;
            if let Some(w) = second.strip_prefix('W') {
                let w = num(w)? as u32;
                let mon = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                if rest.get(1) == Some(&"WE") {
                    return Some((add_days(mon, 5)?, add_days(mon, 6)?, Precision::Week));
                }
                if let Some(d) = rest.get(1).and_then(|d| num(d)) {
                    let day = add_days(mon, i64::from(d) - 1)?;
                    return Some((day, day, Precision::Day));
                }
                return Some((mon, add_days(mon, 6)?, Precision::Week));
            }
            if let Some(q) = second.strip_prefix('Q') {
                let q = num(q)? as u32;
                if !(1..=4).contains(&q) {
                    return None;
                }
                let m = (q - 1) * 3 + 1;
                return Some((ymd(y, m, 1)?, last_of_month(y, m + 2)?, Precision::Quarter));
            }
            if let Some(h) = second.strip_prefix('H') {
                let h = num(h)? as u32;
                let m = if h == 1 { 1 } else { 7 };
                return Some((ymd(y, m, 1)?, last_of_month(y, m + 5)?, Precision::Quarter));
            }
            let season = match second {
                "SP" => Some((y, 3, y, 5)),
                "SU" => Some((y, 6, y, 8)),
                "FA" => Some((y, 9, y, 11)),
                "WI" => Some((y, 12, y + 1, 2)),
                _ => None,
            };
            if let Some((y0, m0, y1, m1)) = season {
                return Some((ymd(y0, m0, 1)?, last_of_month(y1, m1)?, Precision::Quarter));
            }
            let m = num(second)? as u32;
            if let Some(d) = rest.get(1) {
                let d = num(d)? as u32;
                let day = ymd(y, m, d)?;
                let p = if has_time {
                    Precision::Time
                } else {
                    Precision::Day
                };
                return Some((day, day, p));
            }
            Some((ymd(y, m, 1)?, last_of_month(y, m)?, Precision::Month))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_values_are_written_as_chrono_writes_them() {
        let mut d = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        while d.year() < 10_100 {
            assert_eq!(day_value(d), d.format("%Y-%m-%d").to_string());
            d += Duration::days(97);
        }
        for (y, m, day) in [
            (0, 1, 1),
            (9999, 12, 31),
            (2025, 8, 18),
            (-44, 3, 15),
            (10_000, 1, 1),
        ] {
            let d = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(day_value(d), d.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn periods_of_timex_values() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            period("2025-W33"),
            Some((d("2025-08-11"), d("2025-08-17"), Precision::Week))
        );
        assert_eq!(
            period("2025-Q3"),
            Some((d("2025-07-01"), d("2025-09-30"), Precision::Quarter))
        );
        assert_eq!(
            period("202"),
            Some((d("2020-01-01"), d("2029-12-31"), Precision::Decade))
        );
        assert_eq!(
            period("2024-02"),
            Some((d("2024-02-01"), d("2024-02-29"), Precision::Month))
        );
        assert_eq!(period("2025-08-18TEV").map(|p| p.2), Some(Precision::Time));
        assert_eq!(period("XXXX-08-15"), None);
        assert_eq!(
            period("2024-02-29"),
            Some((d("2024-02-29"), d("2024-02-29"), Precision::Day))
        );
        assert_eq!(period("2025-02-29"), None);
        assert_eq!(period("2025-13-01"), None);
        assert_eq!(period("0000-01-01").map(|p| p.0), Some(d("0000-01-01")));
        assert_eq!(period("PAST_REF"), None);
    }

    #[test]
    fn days_are_read_as_the_general_reading_reads_them() {
        // Every month and day number 00..=39 in years around leap and century boundaries.
        for y in [0, 1999, 2000, 2023, 2024, 2100, 9999] {
            for m in 0..=13 {
                for d in 0..=39 {
                    let v = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(period(&v), period_split(&v), "{v}");
                }
            }
        }
        for v in [
            "2025-08-1",
            "2025-8-18",
            "2025-08-18T",
            "2025-W3-1",
            "+025-08-18",
        ] {
            assert_eq!(period(v), period_split(v), "{v}");
        }
    }

    #[test]
    fn month_arithmetic_wraps_years() {
        assert_eq!(add_months(2025, 2, -3), (2024, 11));
        assert_eq!(add_months(2025, 12, 1), (2026, 1));
    }
}
