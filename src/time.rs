//! RFC 3339 timestamps, parsed without a clock (the core never reads one).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An RFC 3339 date-time: its instant and the calendar date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// Year, month, day in the timestamp's own offset.
    pub date: (i64, u32, u32),
    text_len: u8,
    text: [u8; 40],
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The civil date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl Timestamp {
    /// The UTC timestamp of a Unix time (for callers that read a clock; the core never does).
    pub fn from_unix(unix: i64) -> Timestamp {
        let (y, m, d) = civil_from_days(unix.div_euclid(86_400));
        let secs = unix.rem_euclid(86_400);
        let text = format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        text.parse().unwrap_or(Timestamp {
            unix,
            date: (y, m, d),
            text_len: 0,
            text: [0; 40],
        })
    }

    /// 0 = Monday … 6 = Sunday, of the date as written.
    pub fn weekday(&self) -> u32 {
        let (y, m, d) = self.date;
        (days_from_civil(y, m, d) + 3).rem_euclid(7) as u32
    }

    /// Whether the date as written is a Saturday or Sunday.
    pub fn is_weekend(&self) -> bool {
        self.weekday() >= 5
    }

    /// The text it was parsed from.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.text.get(..usize::from(self.text_len)).unwrap_or_default()).unwrap_or_default()
    }
}

/// A string that is not an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTimestamp(pub String);

impl fmt::Display for InvalidTimestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an RFC 3339 date-time such as 2026-12-01T09:00:00Z",
            self.0
        )
    }
}

impl InvalidTimestamp {
    /// Stable code: `invalid_timestamp` (read as the `now` option, it is that
    /// option's `invalid_option`).
    pub fn code(&self) -> &'static str {
        "invalid_timestamp"
    }
}

impl std::error::Error for InvalidTimestamp {}

fn num(s: &str, range: std::ops::Range<usize>) -> Option<i64> {
    let t = s.get(range)?;
    if t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

impl FromStr for Timestamp {
    type Err = InvalidTimestamp;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || InvalidTimestamp(s.to_string());
        let b = s.as_bytes();
        if b.len() < 20
            || b.len() > 40
            || b.get(4) != Some(&b'-')
            || b.get(7) != Some(&b'-')
            || !matches!(b.get(10), Some(b'T' | b't'))
        {
            return Err(bad());
        }
        if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
            return Err(bad());
        }
        let (y, mo, d) = (
            num(s, 0..4).ok_or_else(bad)?,
            num(s, 5..7).ok_or_else(bad)?,
            num(s, 8..10).ok_or_else(bad)?,
        );
        let (h, mi, se) = (
            num(s, 11..13).ok_or_else(bad)?,
            num(s, 14..16).ok_or_else(bad)?,
            num(s, 17..19).ok_or_else(bad)?,
        );
        let mo = u32::try_from(mo).map_err(|_| bad())?;
        let d = u32::try_from(d).map_err(|_| bad())?;
        if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60 {
            return Err(bad());
        }
        let mut rest = s.get(19..).ok_or_else(bad)?;
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return Err(bad());
            }
            rest = frac.get(n..).ok_or_else(bad)?;
        }
        let offset = match rest {
            "Z" | "z" => 0,
            _ if rest.len() == 6
                && matches!(rest.as_bytes().first(), Some(b'+' | b'-'))
                && rest.as_bytes().get(3) == Some(&b':') =>
            {
                let oh = num(rest, 1..3).ok_or_else(bad)?;
                let om = num(rest, 4..6).ok_or_else(bad)?;
                if oh > 23 || om > 59 {
                    return Err(bad());
                }
                let sign = if rest.starts_with('-') { -1 } else { 1 };
                sign * (oh * 3600 + om * 60)
            }
            _ => return Err(bad()),
        };
        let unix = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + se - offset;
        let mut text = [0u8; 40];
        text.get_mut(..b.len()).ok_or_else(bad)?.copy_from_slice(b);
        Ok(Timestamp {
            unix,
            date: (y, mo, d),
            text_len: b.len() as u8,
            text,
        })
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339() {
        let t: Timestamp = "2026-11-28T10:00:00Z".parse().unwrap();
        assert_eq!(t.unix, 1_795_860_000);
        assert_eq!(t.weekday(), 5, "2026-11-28 is a Saturday");
        assert!(t.is_weekend());
        let t: Timestamp = "2026-12-01T09:30:00.5-05:00".parse().unwrap();
        assert_eq!(t.date, (2026, 12, 1));
        assert!(!t.is_weekend());
        assert_eq!(t.as_str(), "2026-12-01T09:30:00.5-05:00");
        assert_eq!(Timestamp::from_unix(1_795_860_000).as_str(), "2026-11-28T10:00:00Z");
        assert_eq!(Timestamp::from_unix(951_782_400).date, (2000, 2, 29));
        for bad in [
            "2026-02-30T10:00:00Z",
            "2026-12-01",
            "2026-12-01T25:00:00Z",
            "2026-12-01T10:00:00",
            "tomorrow",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }
}
