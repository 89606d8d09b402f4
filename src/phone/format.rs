//! Formatting in libphonenumber's styles: `PhoneNumberUtil.format`,
//! `formatNsn`, `chooseFormattingPatternForNumber`, `formatNsnUsingPattern`
//! and `formatOutOfCountryCallingNumber`, over the formats `build.rs`
//! compiles from the metadata.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::matcher::{looking_at, matches};
use super::parse::expand;
use super::tables::{self, NumberFormat, Territory};
use super::{NormalizedNumber, PhoneError};

/// A formatting style, as libphonenumber's `PhoneNumberFormat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Format {
    /// `+13125354200` (never an extension: E.164 cannot hold one).
    E164,
    /// `+1 312-535-4200`.
    International,
    /// `(312) 535-4200`, with the national prefix where the metadata writes it.
    National,
    /// `tel:+1-312-535-4200`, an extension as `;ext=123`.
    Rfc3966,
}

/// libphonenumber's `DEFAULT_EXTN_PREFIX`, for regions without `preferredExtnPrefix`.
const DEFAULT_EXTENSION_PREFIX: &str = " ext. ";
/// libphonenumber's `RFC3966_EXTN_PREFIX`.
const RFC3966_EXTENSION_PREFIX: &str = ";ext=";
const NANPA_COUNTRY_CODE: u16 = 1;

/// Formats a number in one of libphonenumber's styles, extension included
/// (except in E.164). A country code the metadata does not know gives the
/// national number alone, as libphonenumber does.
///
/// ```
/// use telschema::{phone::{self, Format}, Options};
///
/// let n = phone::normalize("(312) 535-4200 x12", &Options::default()).unwrap();
/// assert_eq!(phone::format(&n, Format::International), "+1 312-535-4200 ext. 12");
/// assert_eq!(phone::format(&n, Format::National), "(312) 535-4200 ext. 12");
/// assert_eq!(phone::format(&n, Format::Rfc3966), "tel:+1-312-535-4200;ext=12");
/// ```
pub fn format(number: &NormalizedNumber, style: Format) -> String {
    let cc = number.country_code;
    let nsn = number.national_number.as_str();
    if style == Format::E164 {
        return format!("+{cc}{nsn}");
    }
    // The code's main region formats for every region sharing it (a Canadian
    // number is formatted with the US formats), as `getRegionCodeForCountryCode`.
    let Some(t) = tables::main_territory(u32::from(cc)) else {
        return nsn.to_string();
    };
    let mut out = format_nsn(nsn, t, style);
    append_extension(&mut out, number, t, style);
    match style {
        Format::International => format!("+{cc} {out}"),
        Format::Rfc3966 => format!("tel:+{cc}-{out}"),
        _ => out,
    }
}

/// Formats a number as dialled from `region`: nationally within its own
/// country code (with `1 ` in front between NANP regions), else with the
/// calling region's international dialling prefix (`011 44 20 7946 0958`
/// from the US), or with `+` where that region has several prefixes and
/// prefers none. Unlike libphonenumber, which falls back to the
/// international format, an unknown `region` is an error.
///
/// ```
/// use telschema::{phone, Options};
///
/// let n = phone::normalize("+44 20 7946 0958", &Options::default()).unwrap();
/// assert_eq!(phone::format_out_of_country(&n, "US").unwrap(), "011 44 20 7946 0958");
/// assert_eq!(phone::format_out_of_country(&n, "gb").unwrap(), "020 7946 0958");
/// ```
pub fn format_out_of_country(number: &NormalizedNumber, region: &str) -> Result<String, PhoneError> {
    let from = tables::region(&region.trim().to_ascii_uppercase())
        .ok_or_else(|| PhoneError::UnknownRegion(region.to_string()))?;
    let cc = number.country_code;
    let Some(t) = tables::main_territory(u32::from(cc)) else {
        return Ok(number.national_number.clone());
    };
    if cc == NANPA_COUNTRY_CODE {
        if from.country_code == NANPA_COUNTRY_CODE {
            return Ok(format!("{cc} {}", format(number, Format::National)));
        }
    } else if cc == from.country_code {
        // Regions sharing a code (GB and GG) dial each other nationally.
        return Ok(format(number, Format::National));
    }
    let mut out = format_nsn(&number.national_number, t, Format::International);
    append_extension(&mut out, number, t, Format::International);
    Ok(match from.dialling_prefix() {
        Some(prefix) => format!("{prefix} {cc} {out}"),
        None => format!("+{cc} {out}"),
    })
}

/// `formatNsn`: the national number grouped by the first format that fits,
/// or as it is when none does.
fn format_nsn(nsn: &str, t: &Territory, style: Format) -> String {
    let list = if t.intl_formats().is_empty() || style == Format::National {
        t.formats()
    } else {
        t.intl_formats()
    };
    match choose_format(list, nsn) {
        Some(f) => format_with(nsn, f, style),
        None => nsn.to_string(),
    }
}

/// `chooseFormattingPatternForNumber`.
pub(crate) fn choose_format(list: &[u16], nsn: &str) -> Option<&'static NumberFormat> {
    let digits = nsn.as_bytes();
    list.iter()
        .filter_map(|&i| tables::number_format(i))
        .find(|f| f.leading().last().map_or(true, |&p| looking_at(p, digits).is_some()) && matches(f.pattern, digits))
}

/// `formatNsnUsingPattern` (without carrier codes).
fn format_with(nsn: &str, f: &NumberFormat, style: Format) -> String {
    let rule: Cow<'_, str> = match f.national_prefix_rule() {
        Some(np) if style == Format::National => Cow::Owned(with_national_prefix(f.format(), np)),
        _ => Cow::Borrowed(f.format()),
    };
    let out = replace_all(nsn, f.pattern, &rule);
    if style == Format::Rfc3966 {
        rfc3966_separators(&out)
    } else {
        out
    }
}

/// `FIRST_GROUP_PATTERN.matcher(format).replaceFirst(rule)`: the first `$n`
/// of the format becomes the national prefix rule, in which `$1` stands for
/// that `$n`.
fn with_national_prefix(format: &str, rule: &str) -> String {
    let bytes = format.as_bytes();
    let Some(at) = bytes
        .windows(2)
        .position(|w| w.first() == Some(&b'$') && w.get(1).is_some_and(u8::is_ascii_digit))
    else {
        return format.to_string();
    };
    let (head, first, tail) = (
        format.get(..at).unwrap_or(""),
        format.get(at..at + 2).unwrap_or(""),
        format.get(at + 2..).unwrap_or(""),
    );
    let mut out = String::from(head);
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            // The only group of FIRST_GROUP_PATTERN; the metadata's rules use no other.
            '$' if chars.peek() == Some(&'1') => {
                chars.next();
                out.push_str(first);
            }
            c => out.push(c),
        }
    }
    out.push_str(tail);
    out
}

/// `Matcher.replaceAll`: every match, left to right, replaced. The pattern
/// matched the whole number, so in practice there is one match, from 0.
pub(crate) fn replace_all(nsn: &str, pattern: u16, rule: &str) -> String {
    let input = nsn.as_bytes();
    let mut out = String::with_capacity(nsn.len() + 8);
    let (mut at, mut copied) = (0usize, 0usize);
    while at < input.len() {
        let rest = input.get(at..).unwrap_or(&[]);
        match looking_at(pattern, rest) {
            // Metadata formats never match the empty string; skipping one
            // would only loop.
            Some(caps) if caps.end > 0 => {
                out.push_str(nsn.get(copied..at).unwrap_or(""));
                expand(&mut out, rest, &caps, rule);
                at += caps.end;
                copied = at;
            }
            _ => at += 1,
        }
    }
    out.push_str(nsn.get(copied..).unwrap_or(""));
    out
}

/// libphonenumber's `SEPARATOR_PATTERN` (`VALID_PUNCTUATION`, case-sensitive).
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c,
        '-' | 'x' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'..='\u{FF0F}'
        | ' ' | '\u{00A0}' | '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' | '(' | ')'
        | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~'
        | '\u{2053}' | '\u{223C}' | '\u{FF5E}')
}

/// RFC 3966 writes the groups with `-`: leading separators go, every run of
/// them becomes one `-`.
fn rfc3966_separators(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.trim_start_matches(is_separator).chars() {
        if is_separator(c) {
            pending = true;
        } else {
            if pending {
                out.push('-');
                pending = false;
            }
            out.push(c);
        }
    }
    if pending {
        out.push('-');
    }
    out
}

/// `maybeAppendFormattedExtension`.
fn append_extension(out: &mut String, number: &NormalizedNumber, t: &Territory, style: Format) {
    let Some(ext) = number.extension.as_deref().filter(|e| !e.is_empty()) else {
        return;
    };
    out.push_str(if style == Format::Rfc3966 {
        RFC3966_EXTENSION_PREFIX
    } else {
        t.extension_prefix().unwrap_or(DEFAULT_EXTENSION_PREFIX)
    });
    out.push_str(ext);
}
