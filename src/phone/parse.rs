//! libphonenumber's `parseHelper` and the validity and type checks, over the
//! compiled tables.

use super::matcher::{looking_at, matches, Captures};
use super::tables::{by_code, main_territory, territory, Desc, Territory};
use super::text;
use super::NumberType;

/// libphonenumber's `MAX_INPUT_STRING_LENGTH`.
pub(crate) const MAX_INPUT_CHARS: usize = 250;
const MIN_LENGTH_FOR_NSN: usize = 2;
const MAX_LENGTH_FOR_NSN: usize = 17;
const MAX_LENGTH_COUNTRY_CODE: usize = 3;

/// Why parsing failed (libphonenumber's `NumberParseException` types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    NotANumber,
    InvalidCountryCode,
    TooShort,
    TooLong,
    TooLarge,
}

/// Where the country calling code came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A leading plus sign.
    Plus,
    /// The default region's international dialling prefix, of this many digits.
    Idd(usize),
    /// National form: the default region's code, possibly written out.
    Default,
}

/// The result of parsing, with what the round-trip guard needs.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub country_code: u32,
    pub national: String,
    pub extension: Option<String>,
    pub source: Source,
    /// In national form, whether the default region's country code was
    /// written before the number (libphonenumber's
    /// `FROM_NUMBER_WITHOUT_PLUS_SIGN` rather than `FROM_DEFAULT_COUNTRY`).
    pub code_in_national: bool,
    /// The number as parsed, extension removed, before normalization.
    pub text: Vec<char>,
}

/// `testNumberLength` outcomes (libphonenumber's `ValidationResult` names).
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Length {
    IsPossible,
    IsPossibleLocalOnly,
    TooShort,
    TooLong,
    InvalidLength,
}

fn has_len(mask: u32, len: usize) -> bool {
    len < 32 && mask & (1 << len) != 0
}

/// `testNumberLength` against the general description.
pub(crate) fn test_number_length(number: &str, t: &Territory) -> Length {
    let possible = t.general.lengths;
    if possible == 0 {
        return Length::InvalidLength;
    }
    let len = number.len();
    if has_len(u32::from(t.general.local), len) {
        return Length::IsPossibleLocalOnly;
    }
    let min = possible.trailing_zeros() as usize;
    let max = 31 - possible.leading_zeros() as usize;
    if min == len {
        Length::IsPossible
    } else if min > len {
        Length::TooShort
    } else if max < len {
        Length::TooLong
    } else if has_len(possible, len) {
        Length::IsPossible
    } else {
        Length::InvalidLength
    }
}

/// `isNumberMatchingDesc`.
fn matches_desc(nsn: &str, desc: Option<Desc>) -> bool {
    match desc {
        None => false,
        Some(d) => (d.lengths == 0 || has_len(d.lengths, nsn.len())) && matches(d.pattern(), nsn.as_bytes()),
    }
}

/// `getNumberTypeHelper`.
pub(crate) fn number_type(nsn: &str, t: &Territory) -> NumberType {
    if !matches_desc(nsn, Some(t.general)) {
        return NumberType::Unknown;
    }
    let [fixed, mobile, toll_free, premium, shared, personal, voip, pager, uan, voicemail] = t.types;
    for (desc, ty) in [
        (premium, NumberType::PremiumRate),
        (toll_free, NumberType::TollFree),
        (shared, NumberType::SharedCost),
        (voip, NumberType::Voip),
        (personal, NumberType::PersonalNumber),
        (pager, NumberType::Pager),
        (uan, NumberType::Uan),
        (voicemail, NumberType::Voicemail),
    ] {
        if matches_desc(nsn, desc) {
            return ty;
        }
    }
    if matches_desc(nsn, fixed) {
        if t.same_mobile_and_fixed_line || matches_desc(nsn, mobile) {
            return NumberType::FixedLineOrMobile;
        }
        return NumberType::FixedLine;
    }
    if !t.same_mobile_and_fixed_line && matches_desc(nsn, mobile) {
        return NumberType::Mobile;
    }
    NumberType::Unknown
}

/// `getRegionCodeForNumber`: the territory a number belongs to, with the
/// number's type there ([`number_type`]), computed once: where the territory
/// was chosen by its type (a shared country code without leading digits, as
/// +1 US), that type is not computed again.
pub(crate) fn territory_and_type(cc: u32, nsn: &str) -> (Option<&'static Territory>, NumberType) {
    let Some(list) = by_code(cc) else {
        return (None, NumberType::Unknown);
    };
    let owner = if let [only] = list {
        territory(*only)
    } else {
        let mut found = None;
        for t in list.iter().filter_map(|&i| territory(i)) {
            match t.leading_digits {
                Some(p) => {
                    if looking_at(p, nsn.as_bytes()).is_some() {
                        found = Some(t);
                        break;
                    }
                }
                None => {
                    let ty = number_type(nsn, t);
                    if ty != NumberType::Unknown {
                        return (Some(t), ty);
                    }
                }
            }
        }
        found
    };
    (owner, owner.map_or(NumberType::Unknown, |t| number_type(nsn, t)))
}

/// Java's `Matcher.replaceFirst` for a match at the start: the replacement
/// with `$n` group references and `\` escapes, then the rest of the input.
fn replace_first(number: &str, caps: &Captures, rule: &str) -> String {
    let mut out = String::new();
    expand(&mut out, number.as_bytes(), caps, rule);
    out.push_str(number.get(caps.end..).unwrap_or(""));
    out
}

/// Java's `Matcher.appendReplacement` for one match: `$n` is group `n` (the
/// longest group number that exists), `\` escapes the next character.
pub(crate) fn expand(out: &mut String, input: &[u8], caps: &Captures, rule: &str) {
    let mut chars = rule.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '$' => {
                let mut group = 0usize;
                let mut any = false;
                while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                    let next = group * 10 + d as usize;
                    if any && next > caps.groups {
                        break;
                    }
                    group = next;
                    any = true;
                    chars.next();
                }
                if let Some(g) = caps.group(input, group) {
                    out.extend(g.iter().map(|&b| char::from(b)));
                }
            }
            c => out.push(c),
        }
    }
}

/// The national-prefix rewrite of a territory applied to `number`, without
/// libphonenumber's viability conditions: `None` when the prefix does not
/// match. Used by the parser and by the round-trip guard.
pub(crate) fn national_prefix_rewrite(number: &str, t: &Territory) -> Option<(String, Captures)> {
    let npp = t.national_prefix_for_parsing?;
    if number.is_empty() {
        return None;
    }
    let caps = looking_at(npp, number.as_bytes())?;
    let last = if caps.groups == 0 {
        Some(&b""[..]) // group(0), the whole match, is never null
    } else {
        caps.group(number.as_bytes(), caps.groups)
    };
    let rewritten = match t.national_prefix_transform_rule() {
        Some(rule) if last.is_some() => replace_first(number, &caps, rule),
        _ => number.get(caps.end..).unwrap_or("").to_string(),
    };
    Some((rewritten, caps))
}

/// `maybeStripNationalPrefixAndCarrierCode` (without the carrier code).
pub(crate) fn strip_national_prefix(number: &mut String, t: &Territory) -> bool {
    match national_prefix_stripped(number, t) {
        Some(rewritten) => {
            *number = rewritten;
            true
        }
        None => false,
    }
}

/// [`strip_national_prefix`] without changing `number`: the number without
/// its national prefix, or `None` where it keeps it.
fn national_prefix_stripped(number: &str, t: &Territory) -> Option<String> {
    let (rewritten, _) = national_prefix_rewrite(number, t)?;
    let general = t.general.pattern();
    if matches(general, number.as_bytes()) && !matches(general, rewritten.as_bytes()) {
        return None;
    }
    Some(rewritten)
}

/// A country calling code in decimal, on the stack (no allocation and no
/// `core::fmt` where every parse needs it).
pub(crate) struct Decimal {
    digits: [u8; 5],
    start: usize,
}

impl Decimal {
    pub(crate) fn of(n: u16) -> Decimal {
        let mut digits = [b'0'; 5];
        let mut start = digits.len();
        let mut n = n;
        while let Some(d) = start.checked_sub(1).and_then(|i| digits.get_mut(i)) {
            *d = b'0' + (n % 10) as u8;
            start -= 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    pub(crate) fn as_str(&self) -> &str {
        self.digits
            .get(self.start..)
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or("")
    }
}

/// What [`extract_country_code_from`] found.
enum Extracted {
    /// A country code, the national number after it, and where it came from.
    Code(u32, String, Source),
    /// No country code: the number's digits (`normalize_digits`), which the
    /// parser goes on with.
    National(String),
}

/// `extractCountryCode`.
fn extract_country_code(full: &str) -> Option<(u32, &str)> {
    if full.is_empty() || full.starts_with('0') {
        return None;
    }
    (1..=MAX_LENGTH_COUNTRY_CODE.min(full.len())).find_map(|i| {
        let cc: u32 = full.get(..i)?.parse().ok()?;
        by_code(cc).map(|_| (cc, full.get(i..).unwrap_or("")))
    })
}

/// `maybeExtractCountryCode`: `Extracted::National` when the number has no
/// country code.
fn extract_country_code_from(number: &[char], default: Option<&Territory>) -> Result<Extracted, Failure> {
    if number.is_empty() {
        return Ok(Extracted::National(String::new()));
    }
    // maybeStripInternationalPrefixAndNormalize
    let plus = number.iter().take_while(|&&c| text::is_plus(c)).count();
    let (source, full) = if plus > 0 {
        (Source::Plus, text::normalize_digits(number.get(plus..).unwrap_or(&[])))
    } else {
        let full = text::normalize_digits(number);
        let idd = default
            .and_then(|t| t.international_prefix)
            .and_then(|p| looking_at(p, full.as_bytes()))
            .map(|c| c.end)
            .filter(|&end| !full.get(end..).unwrap_or("").starts_with('0'));
        match idd {
            Some(end) => (Source::Idd(end), full.get(end..).unwrap_or("").to_string()),
            None => (Source::Default, full),
        }
    };
    if source != Source::Default {
        if full.len() <= MIN_LENGTH_FOR_NSN {
            return Err(Failure::TooShort);
        }
        return match extract_country_code(&full) {
            Some((cc, rest)) => Ok(Extracted::Code(cc, rest.to_string(), source)),
            None => Err(Failure::InvalidCountryCode),
        };
    }
    if let Some(t) = default {
        let code = Decimal::of(t.country_code);
        if let Some(rest) = full.strip_prefix(code.as_str()) {
            let mut potential = rest.to_string();
            strip_national_prefix(&mut potential, t);
            let general = t.general.pattern();
            if (!matches(general, full.as_bytes()) && matches(general, potential.as_bytes()))
                || test_number_length(&full, t) == Length::TooLong
            {
                return Ok(Extracted::Code(u32::from(t.country_code), potential, Source::Default));
            }
        }
    }
    Ok(Extracted::National(full))
}

/// `parseHelper`, after our pre-steps (`tel:` parameters, trailing labels).
pub(crate) fn parse(input: &[char], default: Option<&Territory>) -> Result<Parsed, Failure> {
    if input.len() > MAX_INPUT_CHARS {
        return Err(Failure::TooLarge);
    }
    let mut national = text::national_number_for_parsing(input).ok_or(Failure::NotANumber)?;
    if !text::is_viable(&national) {
        return Err(Failure::NotANumber);
    }
    let starts_with_plus = national.first().is_some_and(|&c| text::is_plus(c));
    if default.is_none() && !starts_with_plus {
        return Err(Failure::InvalidCountryCode);
    }
    let extension = text::strip_extension(&mut national);
    let extracted = match extract_country_code_from(&national, default) {
        Err(Failure::InvalidCountryCode) if starts_with_plus => {
            let plus = national.iter().take_while(|&&c| text::is_plus(c)).count();
            match extract_country_code_from(national.get(plus..).unwrap_or(&[]), default)? {
                // Digits after a plus that only parse without it are not the number written.
                Extracted::Code(cc, rest, _) => Extracted::Code(cc, rest, Source::Plus),
                Extracted::National(_) => return Err(Failure::InvalidCountryCode),
            }
        }
        other => other?,
    };
    let code_in_national = matches!(extracted, Extracted::Code(_, _, Source::Default));
    let (country_code, mut normalized, source, region) = match extracted {
        Extracted::Code(cc, rest, source) => (cc, rest, source, main_territory(cc)),
        // The digits of `national`, as extraction normalized them.
        Extracted::National(digits) => {
            let t = default.ok_or(Failure::InvalidCountryCode)?;
            (u32::from(t.country_code), digits, Source::Default, Some(t))
        }
    };
    if normalized.len() < MIN_LENGTH_FOR_NSN {
        return Err(Failure::TooShort);
    }
    // Where the prefix stays, the number is unchanged whatever its length.
    if let Some(t) = region {
        if let Some(potential) = national_prefix_stripped(&normalized, t) {
            if !matches!(
                test_number_length(&potential, t),
                Length::TooShort | Length::IsPossibleLocalOnly | Length::InvalidLength
            ) {
                normalized = potential;
            }
        }
    }
    if normalized.len() < MIN_LENGTH_FOR_NSN {
        return Err(Failure::TooShort);
    }
    if normalized.len() > MAX_LENGTH_FOR_NSN {
        return Err(Failure::TooLong);
    }
    Ok(Parsed {
        country_code,
        national: normalized,
        extension,
        source,
        code_in_national,
        text: national,
    })
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn decimals_as_to_string_writes_them() {
        for n in [0u16, 1, 7, 9, 10, 44, 99, 100, 800, 998, 999, 1000, 12345, u16::MAX] {
            assert_eq!(Decimal::of(n).as_str(), n.to_string());
        }
    }
}
