//! The formats our schemas assert, judged as the `jsonschema` crate (0.61,
//! MIT) judges them: `date-time` (RFC 3339 with leap-second rules), `uuid`
//! (hyphenated) and `uri` (RFC 3986, absolute). `int32`/`int64` are
//! annotations (the reference does not know them).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    DateTime,
    Uuid,
    Uri,
}

impl Format {
    /// `Some(Some(f))` for an asserted format, `Some(None)` for an
    /// annotation, `None` for a format outside the subset.
    pub(crate) fn from_name(name: &str) -> Option<Option<Format>> {
        match name {
            "date-time" => Some(Some(Format::DateTime)),
            "uuid" => Some(Some(Format::Uuid)),
            "uri" => Some(Some(Format::Uri)),
            "int32" | "int64" => Some(None),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Uuid => "uuid",
            Format::Uri => "uri",
        }
    }

    pub(crate) fn is_valid(self, s: &str) -> bool {
        match self {
            Format::DateTime => is_datetime(s),
            Format::Uuid => is_uuid(s),
            Format::Uri => is_uri(s),
        }
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

fn is_date(b: &[u8]) -> bool {
    is_date_parts(b).unwrap_or(false)
}

fn is_date_parts(b: &[u8]) -> Option<bool> {
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return Some(false);
    }
    let (Some(year), Some(month), Some(day)) = (digits(b.get(0..4)?), digits(b.get(5..7)?), digits(b.get(8..10)?))
    else {
        return Some(false);
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Some(false),
    };
    Some((1..=last).contains(&day))
}

fn is_time(b: &[u8]) -> bool {
    is_time_parts(b).unwrap_or(false)
}

fn is_time_parts(b: &[u8]) -> Option<bool> {
    let len = b.len();
    if len < 9 || b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return Some(false);
    }
    let (Some(hour), Some(minute), Some(second)) = (digits(b.get(0..2)?), digits(b.get(3..5)?), digits(b.get(6..8)?))
    else {
        return Some(false);
    };
    if hour > 23 || minute > 59 || second > 60 {
        return Some(false);
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Some(false);
        }
    }
    Some(match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == len && (second != 60 || (hour == 23 && minute == 59)),
        Some(&sign @ (b'+' | b'-')) => {
            if len - i != 6 || b.get(i + 3) != Some(&b':') {
                return Some(false);
            }
            let (Some(oh), Some(om)) = (digits(b.get(i + 1..i + 3)?), digits(b.get(i + 4..i + 6)?)) else {
                return Some(false);
            };
            if oh > 23 || om > 59 {
                return Some(false);
            }
            if second != 60 {
                return Some(true);
            }
            // A leap second must fall at 23:59 UTC.
            let (mut h, mut m) = (hour as i32, minute as i32);
            if sign == b'+' {
                h -= oh as i32;
                m -= om as i32;
            } else {
                h += oh as i32;
                m += om as i32;
            }
            h += m / 60;
            m %= 60;
            if m < 0 {
                m += 60;
                h -= 1;
            }
            h = (h + 24) % 24;
            h == 23 && m == 59
        }
        _ => false,
    })
}

fn is_datetime(s: &str) -> bool {
    let b = s.as_bytes();
    match b.iter().position(|&c| c == b'T' || c == b't') {
        Some(t) => is_date(b.get(..t).unwrap_or_default()) && is_time(b.get(t + 1..).unwrap_or_default()),
        None => false,
    }
}

fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn unreserved_or_sub_delim(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
        )
}

/// The end of a run of bytes allowed by `ok`, percent-encodings included;
/// `None` on a broken percent-encoding.
fn scan(b: &[u8], mut at: usize, ok: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(&c) = b.get(at) {
        if ok(c) {
            at += 1;
        } else if c == b'%' {
            if !b.get(at + 1..at + 3)?.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            at += 3;
        } else {
            break;
        }
    }
    Some(at)
}

fn pchar(c: u8) -> bool {
    unreserved_or_sub_delim(c) || c == b':' || c == b'@'
}

/// An RFC 3986 URI: `scheme ":" hier-part [ "?" query ] [ "#" fragment ]`.
fn is_uri(s: &str) -> bool {
    is_uri_parts(s.as_bytes()).unwrap_or(false)
}

fn is_uri_parts(b: &[u8]) -> Option<bool> {
    if !b.first()?.is_ascii_alphabetic() {
        return Some(false);
    }
    let scheme = b
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))?;
    if b.get(scheme) != Some(&b':') {
        return Some(false);
    }
    let mut at = scheme + 1;
    if b.get(at..)?.starts_with(b"//") {
        let start = at + 2;
        let Some(end) = scan(b, start, pchar) else {
            return Some(false);
        };
        if matches!(b.get(end), Some(b'[' | b']')) {
            // A bracketed IP literal: [userinfo@] "[" IPv6 / IPvFuture "]" [":" port]
            let Some(end) = ip_literal_authority(b, start) else {
                return Some(false);
            };
            at = end;
        } else {
            if !authority(b.get(start..end)?) {
                return Some(false);
            }
            at = end;
        }
    }
    let path = |c: u8| pchar(c) || c == b'/';
    let Some(end) = scan(b, at, path) else {
        return Some(false);
    };
    at = end;
    for delimiter in [b'?', b'#'] {
        if b.get(at) == Some(&delimiter) {
            let Some(end) = scan(b, at + 1, |c| path(c) || c == b'?') else {
                return Some(false);
            };
            at = end;
        }
    }
    Some(at == b.len())
}

/// `[ userinfo "@" ] host [ ":" port ]`, from bytes already limited to pchars.
fn authority(b: &[u8]) -> bool {
    let host_port = b
        .iter()
        .position(|&c| c == b'@')
        .and_then(|at| b.get(at + 1..))
        .unwrap_or(b);
    let host_end = host_port
        .iter()
        .position(|&c| c == b':' || c == b'@')
        .unwrap_or(host_port.len());
    match host_port.get(host_end) {
        None => true,
        Some(b':') => host_port
            .get(host_end + 1..)
            .unwrap_or_default()
            .iter()
            .all(u8::is_ascii_digit),
        Some(_) => false,
    }
}

/// The end of an authority whose host is an IP literal, or `None`.
fn ip_literal_authority(b: &[u8], start: usize) -> Option<usize> {
    let userinfo = |c: u8| unreserved_or_sub_delim(c) || c == b':';
    let mut at = scan(b, start, userinfo)?;
    if b.get(at) == Some(&b'@') {
        at += 1;
    } else {
        at = start;
    }
    if b.get(at) != Some(&b'[') {
        return None;
    }
    let close = at + b.get(at..)?.iter().position(|&c| c == b']')?;
    let literal = std::str::from_utf8(b.get(at + 1..close)?).ok()?;
    let ok = if let Some(future) = literal.strip_prefix(['v', 'V']) {
        let (version, rest) = future.split_once('.')?;
        !version.is_empty()
            && version.bytes().all(|c| c.is_ascii_hexdigit())
            && !rest.is_empty()
            && rest.bytes().all(|c| unreserved_or_sub_delim(c) || c == b':')
    } else {
        literal.parse::<std::net::Ipv6Addr>().is_ok()
    };
    if !ok {
        return None;
    }
    at = close + 1;
    if b.get(at) == Some(&b':') {
        at += 1;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
    }
    match b.get(at) {
        None | Some(b'/' | b'?' | b'#') => Some(at),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        for ok in [
            "2026-12-01T09:00:00Z",
            "2024-02-29T23:59:60Z",
            "2026-12-01t09:00:00.5+01:00",
            "2026-12-31T23:59:60-00:00",
            "2026-12-01T00:59:60+01:00",
        ] {
            assert!(is_datetime(ok), "{ok}");
        }
        for bad in [
            "2026-02-29T09:00:00Z",
            "2026-13-01T09:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T09:00:60Z",
            "2026-12-01T09:00:00",
            "2026-12-01T09:00:00.Z",
            "2026-12-01T09:00:00+1:00",
            "2026-12-01 09:00:00Z",
            "next week",
            "",
        ] {
            assert!(!is_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn uuids_and_uris() {
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
        assert!(!is_uuid("{123e4567-e89b-12d3-a456-426614174000}"));
        for ok in [
            "https://example.com/cb?x=1#y",
            "http://user:pw@host:8080/p",
            "urn:isbn:0451450523",
            "http://[::1]:80/x",
            "http://[v1.fe]/",
            "mailto:a@b",
            "http://%41/",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
        for bad in [
            "example.com",
            "/relative",
            "http://exa mple.com",
            "http://host:port/",
            "http://[::g]/",
            "http://%4/",
            "1http://x",
            "",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
    }
}
