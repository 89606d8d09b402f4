//! Phone numbers: parsing to E.164 with libphonenumber's algorithm over
//! metadata compiled at build time, guarded so that the result is always the
//! number that was written.
//!
//! ```
//! use telschema::{phone, Options};
//!
//! let n = phone::normalize("(312) 535-4200", &Options::default()).unwrap();
//! assert_eq!(n.e164, "+13125354200");
//! assert!(n.valid);
//! ```

mod as_you_type;
mod classify;
pub(crate) mod find;
mod format;
mod matcher;
mod parse;
/// The longest input `normalize` reads (the `limit` of a `too_large` issue).
pub(crate) use parse::MAX_INPUT_CHARS;
mod regions;
mod short;
mod tables;
mod text;
mod words;

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use as_you_type::AsYouType;
pub use classify::{kazoo_classifier, telnyx_coverage, CoverageCategory};
pub use find::{find_numbers, Found, MAX_TEXT_CHARS};
pub use format::{format, format_out_of_country, Format};
pub use regions::{example_number, regions, RegionInfo};
pub(crate) use short::field_problem as short_field_problem;
pub use short::{
    connects_to_emergency_number, is_emergency_number, is_valid_short_number, short_number_cost, short_number_info,
    ShortNumberCost, ShortNumberInfo,
};
pub use tables::region_codes;

use crate::Options;
use parse::{Failure, Parsed, Source};
use tables::Territory;

/// The libphonenumber metadata version the tables are compiled from: the
/// `phonenumber` crate's (`9.0.33` of its pin `=0.3.10+9.0.33`), or what a
/// build from other XML files was told (`TELSCHEMA_METADATA_VERSION`, else
/// `custom-` and a hash of the files; README, "Fresh metadata").
pub const METADATA_VERSION: &str = tables::METADATA_VERSION;

/// The type of a number, as libphonenumber's `PhoneNumberType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberType {
    /// Fixed line.
    FixedLine,
    /// Mobile.
    Mobile,
    /// Either: some regions (NANP among them) cannot tell them apart.
    FixedLineOrMobile,
    /// Free for the caller.
    TollFree,
    /// Charged above normal rates.
    PremiumRate,
    /// Cost shared between caller and recipient.
    SharedCost,
    /// Voice over IP.
    Voip,
    /// A personal number routed to other numbers.
    PersonalNumber,
    /// Pager.
    Pager,
    /// Universal access number (a company's single number).
    Uan,
    /// Voicemail access.
    Voicemail,
    /// Does not match any type of its region.
    Unknown,
}

impl NumberType {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FixedLine => "fixed_line",
            Self::Mobile => "mobile",
            Self::FixedLineOrMobile => "fixed_line_or_mobile",
            Self::TollFree => "toll_free",
            Self::PremiumRate => "premium_rate",
            Self::SharedCost => "shared_cost",
            Self::Voip => "voip",
            Self::PersonalNumber => "personal_number",
            Self::Pager => "pager",
            Self::Uan => "uan",
            Self::Voicemail => "voicemail",
            Self::Unknown => "unknown",
        }
    }
}

impl fmt::Display for NumberType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number in E.164 with what is known about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NormalizedNumber {
    /// `+` country calling code and national significant number.
    pub e164: String,
    /// The country calling code (`1`, `44`, `800` …).
    pub country_code: u16,
    /// The ISO 3166-1 region the number belongs to; `None` for non-geographic
    /// numbers (+800, +882 …) and for numbers of a shared country code that no
    /// region's metadata claims.
    pub region: Option<String>,
    /// The national significant number (digits after the country code).
    pub national_number: String,
    /// The number type by the metadata.
    pub number_type: NumberType,
    /// Whether the metadata calls the number valid.
    pub valid: bool,
    /// Whether its length is possible for its country code.
    pub possible: bool,
    /// The extension, ASCII digits; E.164 cannot hold it, so it is returned here.
    pub extension: Option<String>,
    /// Kazoo's number classifier (`did_us`, `tollfree_us`, `international` …).
    #[cfg_attr(feature = "schemars", schemars(extend("tsType" = "KazooClassifier")))]
    pub kazoo_classifier: String,
    /// Telnyx's coverage category.
    pub coverage_category: CoverageCategory,
}

/// Why no E.164 could be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing but white space.
    Empty,
    /// No phone number in the text.
    NotANumber,
    /// The country calling code is missing or not assigned.
    InvalidCountryCode,
    /// Too few digits for a national number.
    TooShort,
    /// More digits than any national number has (17).
    TooLong,
    /// The input is longer than 250 characters.
    TooLarge,
    /// The digits of the result differ from the digits written.
    NormalizationMismatch {
        /// The digits written (after any international prefix).
        written: String,
        /// The E.164 the parser arrived at.
        e164: String,
    },
    /// The default region is not a region code of the metadata.
    UnknownRegion(String),
    /// Letters that are neither a vanity number, a label nor an extension
    /// word (the word is given), so they cannot be read as digits.
    TextInNumber(String),
    /// Two extensions (`;ext=12;ext=34`, `x12 x34`): which one is meant is
    /// not for us to choose.
    AmbiguousExtension,
    /// Two numbers in one text (`3125550100;3125550101`): one per field.
    TwoNumbers,
    /// A text to search for numbers is longer than this many characters.
    LimitExceeded(usize),
}

impl PhoneError {
    /// Stable snake_case code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NotANumber => "not_a_number",
            Self::InvalidCountryCode => "invalid_country_code",
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::TooLarge => "too_large",
            Self::NormalizationMismatch { .. } => "normalization_mismatch",
            Self::UnknownRegion(_) => "unknown_region",
            Self::TextInNumber(_) => "text_in_number",
            Self::AmbiguousExtension => "ambiguous_extension",
            Self::TwoNumbers => "two_numbers",
            Self::LimitExceeded(_) => "limit_exceeded",
        }
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("The phone number is empty."),
            Self::NotANumber => f.write_str("This does not look like a phone number."),
            Self::InvalidCountryCode => {
                f.write_str("The country calling code is missing or not assigned; write the number with + and its country code.")
            }
            Self::TooShort => f.write_str("The phone number is too short."),
            Self::TooLong => f.write_str("The phone number has too many digits."),
            Self::TooLarge => write!(f, "The input is longer than {} characters.", parse::MAX_INPUT_CHARS),
            Self::NormalizationMismatch { written, e164 } => write!(
                f,
                "Normalizing would change the number: the digits written ({written}) would become {e164}; check the number (a trunk prefix after the country code goes in parentheses, as in +44 (0)20)."
            ),
            Self::UnknownRegion(r) => write!(f, "Unknown region code {r:?}; use an ISO 3166-1 alpha-2 code such as US."),
            Self::TextInNumber(w) => write!(
                f,
                "The text {w:?} cannot be read as part of the number; remove it, write an extension as \"ext. 123\", or write vanity letters in capitals (1-800-FLOWERS)."
            ),
            Self::TwoNumbers => f.write_str("This holds two phone numbers; give one number per field."),
            Self::AmbiguousExtension => {
                f.write_str("The number has two extensions; keep the one that is meant.")
            }
            Self::LimitExceeded(n) => {
                write!(f, "The text is longer than {n} characters, the most one search for numbers reads; split it.")
            }
        }
    }
}

impl std::error::Error for PhoneError {}

impl Serialize for PhoneError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("PhoneError", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// The default region of the options: `ZZ` (libphonenumber's unknown
/// region) means none, so only international forms parse.
fn default_territory(region: &str) -> Result<Option<&'static Territory>, PhoneError> {
    let trimmed = region.trim();
    // Region codes are two ASCII letters: upper-cased on the stack (this runs
    // on every call), anything else as before.
    let found = match *trimmed.as_bytes() {
        [a, b] if a.is_ascii() && b.is_ascii() => {
            let two = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            if two == *b"ZZ" {
                return Ok(None);
            }
            region_of_two(two)
        }
        _ => {
            let upper = trimmed.to_ascii_uppercase();
            if upper == "ZZ" {
                return Ok(None);
            }
            tables::region(&upper)
        }
    };
    found
        .map(Some)
        .ok_or_else(|| PhoneError::UnknownRegion(region.to_string()))
}

/// The territory of a two-letter region code, upper case: the region table
/// searched with the two letters as one number (their order is the table's),
/// the one string compare only on the row found.
fn region_of_two(two: [u8; 2]) -> Option<&'static Territory> {
    let key = |r: &str| match *r.as_bytes() {
        [a, b, ..] => u16::from_be_bytes([a, b]),
        [a] => u16::from_be_bytes([a, 0]),
        [] => 0,
    };
    let want = u16::from_be_bytes(two);
    let i = tables::REGIONS.partition_point(|&(r, _)| key(r) < want);
    match tables::REGIONS.get(i) {
        Some(&(r, t)) if r.as_bytes() == two => tables::territory(t),
        _ => None,
    }
}

/// Normalizes a phone number to E.164.
///
/// Accepts national and international forms with any punctuation, the
/// region's international dialling prefix, `+44 (0)20 …`, `tel:` URIs,
/// extensions, Unicode digits, vanity letters and labels around the number.
/// Returns `Ok` whenever an E.164 can be produced (see `valid` and
/// `possible`), and never a number whose digits differ from those written.
pub fn normalize(input: &str, options: &Options) -> Result<NormalizedNumber, PhoneError> {
    read(input, options).map(|(n, _)| n)
}

/// [`normalize`], with the labels removed from the text as written (`check`
/// warns about them).
pub(crate) fn read(input: &str, options: &Options) -> Result<(NormalizedNumber, Vec<String>), PhoneError> {
    read_detailed(input, options).map(|r| (r.number, r.labels))
}

/// What [`read`] found, with where the country code came from (the
/// matcher's national-prefix rule needs it).
pub(crate) struct Reading {
    pub number: NormalizedNumber,
    pub labels: Vec<String>,
    pub source: Source,
    pub code_in_national: bool,
}

/// [`read`], with the source of the country code.
pub(crate) fn read_detailed(input: &str, options: &Options) -> Result<Reading, PhoneError> {
    let default = default_territory(&options.default_region)?;
    if input.trim().is_empty() {
        return Err(PhoneError::Empty);
    }
    if input.chars().nth(parse::MAX_INPUT_CHARS).is_some() {
        return Err(PhoneError::TooLarge);
    }
    let trimmed = input.trim();
    let mut chars = Vec::with_capacity(trimmed.len());
    chars.extend(trimmed.chars());
    let uri = text::tel_uri(&chars);
    let from_text = uri.is_none();
    let (number, extension, labels): (Cow<[char]>, _, _) = match uri {
        Some(uri) => {
            if uri.extensions > 1 {
                return Err(PhoneError::AmbiguousExtension);
            }
            if let Some(p) = uri.dropped.first() {
                return Err(PhoneError::TextInNumber(p.clone()));
            }
            words::check_uri_number(&uri.number, default)?;
            (Cow::Owned(uri.canonical), None, Vec::new())
        }
        None => match plain_number(&chars) {
            Some(number) => (Cow::Borrowed(number), None, Vec::new()),
            None => {
                let r = words::read(&chars, default)?;
                (Cow::Owned(r.number), r.extension, r.labels)
            }
        },
    };
    let parsed = parse::parse(&number, default).map_err(|f| match f {
        Failure::NotANumber => PhoneError::NotANumber,
        Failure::InvalidCountryCode => PhoneError::InvalidCountryCode,
        Failure::TooShort => PhoneError::TooShort,
        Failure::TooLong => PhoneError::TooLong,
        Failure::TooLarge => PhoneError::TooLarge,
    })?;
    let mut e164 = String::with_capacity(4 + parsed.national.len());
    e164.push('+');
    push_decimal(&mut e164, parsed.country_code);
    e164.push_str(&parsed.national);
    round_trip_guard(&parsed, default, &e164)?;
    let extension = match (extension, parsed.extension) {
        (Some(_), Some(_)) => return Err(PhoneError::AmbiguousExtension),
        (a, b) => a.or(b),
    };
    if from_text
        && extension.as_deref().is_some_and(|e| {
            words::is_second_number(e, parsed.national.len(), tables::main_territory(parsed.country_code))
        })
    {
        return Err(PhoneError::TwoNumbers);
    }
    let (source, code_in_national) = (parsed.source, parsed.code_in_national);
    let mut number = describe(parsed.country_code, parsed.national, extension, e164, default);
    // Kazoo classifies the number as dialled: an emergency number of the
    // region written nationally (`911`), from the short-number metadata.
    if matches!(source, Source::Default)
        && default.is_some_and(|t| may_be_emergency(&chars) && is_emergency_number(input, t.id))
    {
        number.kazoo_classifier = "emergency".to_string();
    }
    Ok(Reading {
        number,
        labels,
        source,
        code_in_national,
    })
}

/// The most digits an emergency number of the short-number metadata has:
/// the longest match of any region's emergency pattern. Written here rather
/// than computed on the first call (that compiled some 240 patterns, a
/// cold-start cost); `longest_emergency_number_is_the_metadata_s` computes
/// it from the patterns and fails when the metadata changes it.
const LONGEST_EMERGENCY_NUMBER: usize = 6;

/// [`LONGEST_EMERGENCY_NUMBER`] as the patterns give it (`usize::MAX` when one
/// has no bound).
#[cfg(test)]
fn longest_emergency_number() -> usize {
    tables::SHORT_TERRITORIES
        .iter()
        .filter_map(|t| t.descs.get(short::EMERGENCY).copied().flatten())
        .map(|d| matcher::longest(d.pattern()).unwrap_or(usize::MAX))
        .max()
        .unwrap_or(usize::MAX)
}

/// Whether the text `chars` (trimmed) can be an emergency number at all, as
/// `is_emergency_number` reads it: its possible number (libphonenumber's
/// `extractPossibleNumber`) has no plus and no more decimal digits than
/// [`LONGEST_EMERGENCY_NUMBER`]. When it cannot, that check is false and is
/// not run (it allocates three times).
fn may_be_emergency(chars: &[char]) -> bool {
    let possible = text::extract_possible_number(chars);
    if possible.first().is_some_and(|&c| text::is_plus(c)) {
        return false;
    }
    let digits = possible.iter().filter(|&&c| tables::decimal_digit(c).is_some()).count();
    digits <= LONGEST_EMERGENCY_NUMBER
}

/// What `words::read` reads from a text made only of digits (any decimal
/// digits), blanks, hyphens, dots, slashes, brackets and plus signs, when
/// the text starts with its number (a plus or a digit first, and no list
/// marker, `.` or `)`, among its first three characters unless it starts
/// with a plus): there is no letter to read, no label, no extension and no
/// leading group, so the reading is the possible number itself (README,
/// "Letters, words and extensions"). `None` for every other text, which
/// `words::read` reads. A test checks the two agree.
fn plain_number(chars: &[char]) -> Option<&[char]> {
    let plain = chars.iter().all(|&c| {
        matches!(
            c,
            '0'..='9' | ' ' | '\u{00A0}' | '-' | '.' | '(' | ')' | '/' | '+' | '\u{FF0B}'
        ) || (!c.is_ascii() && tables::decimal_digit(c).is_some())
    });
    if !plain {
        return None;
    }
    let start = chars
        .iter()
        .position(|&c| text::is_plus(c) || tables::decimal_digit(c).is_some())
        .unwrap_or(0);
    let t = text::extract_possible_number(chars);
    let leading = t.first().is_some_and(|&c| text::is_plus(c))
        || (chars.get(..start)?.iter().all(|c| c.is_whitespace())
            && !t
                .iter()
                .take(3)
                .any(|&c| matches!(c, '.' | ')' | '\u{FF09}' | '\u{FF0E}' | ']')));
    leading.then_some(t)
}

/// Appends `n` in decimal (no `core::fmt` on the hot path).
pub(crate) fn push_decimal(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    out.extend(digits.get(at..).unwrap_or(&[]).iter().map(|&b| char::from(b)));
}

fn describe(
    cc: u32,
    national: String,
    extension: Option<String>,
    e164: String,
    default: Option<&Territory>,
) -> NormalizedNumber {
    let (owner, number_type) = parse::territory_and_type(cc, &national);
    let valid = number_type != NumberType::Unknown;
    let possible = tables::main_territory(cc).is_some_and(|t| {
        matches!(
            parse::test_number_length(&national, t),
            parse::Length::IsPossible | parse::Length::IsPossibleLocalOnly
        )
    });
    // A number no region claims keeps the region it was read in, else the
    // main region of its code; non-geographic codes have none.
    let region = owner
        .or_else(|| default.filter(|t| u32::from(t.country_code) == cc))
        .or_else(|| tables::main_territory(cc))
        .map(|t| t.id)
        .filter(|&id| id != "001")
        .map(str::to_string);
    let kazoo = kazoo_classifier(&e164).to_string();
    let coverage = telnyx_coverage(cc, number_type, valid);
    NormalizedNumber {
        country_code: u16::try_from(cc).unwrap_or(0),
        region,
        national_number: national,
        number_type,
        valid,
        possible,
        extension,
        kazoo_classifier: kazoo,
        coverage_category: coverage,
        e164,
    }
}

/// Removes the digits of a parenthesised national prefix written after the
/// country code (`+44 (0)20 …`), if there is one.
fn without_parenthesised_trunk(text: &[char], cc: u32) -> Option<String> {
    let prefixes: Vec<&str> = tables::by_code(cc)?
        .iter()
        .filter_map(|&i| tables::territory(i)?.national_prefix())
        .collect();
    let open = text.iter().position(|&c| c == '(' || c == '\u{FF08}')?;
    let close = open + text.get(open..)?.iter().position(|&c| c == ')' || c == '\u{FF09}')?;
    let inner = text::written_digits(text.get(open + 1..close)?);
    if inner.is_empty() || !prefixes.contains(&inner.as_str()) {
        return None;
    }
    let mut rest: Vec<char> = text.get(..open)?.to_vec();
    rest.extend_from_slice(text.get(close + 1..)?);
    let before = text::written_digits(text.get(..open)?);
    // The trunk prefix sits right after the country code, nowhere else.
    let cc = cc.to_string();
    (before.ends_with(&cc)).then(|| text::written_digits(&rest))
}

/// The round-trip rule (ARCHITECTURE.md, Phone numbers): the E.164 digits must be the digits
/// written, up to the international prefix, a parenthesised trunk prefix,
/// and, in national form, exactly the metadata's own rewrites.
fn round_trip_guard(p: &Parsed, default: Option<&Territory>, e164: &str) -> Result<(), PhoneError> {
    let written_all = text::written_digits(&p.text);
    let target = e164.trim_start_matches('+');
    let mismatch = |written: &str| PhoneError::NormalizationMismatch {
        written: written.to_string(),
        e164: e164.to_string(),
    };
    match p.source {
        Source::Plus | Source::Idd(_) => {
            let skip = if let Source::Idd(n) = p.source { n } else { 0 };
            let (idd, written) = (
                written_all.get(..skip).unwrap_or(""),
                written_all.get(skip..).unwrap_or(""),
            );
            let idd_ok = skip == 0
                || default
                    .and_then(|t| t.international_prefix)
                    .and_then(|pat| matcher::looking_at(pat, idd.as_bytes()))
                    .is_some_and(|c| c.end == skip);
            let plain = written == target;
            let trunk =
                || without_parenthesised_trunk(&p.text, p.country_code).is_some_and(|w| w.get(skip..) == Some(target));
            if idd_ok && (plain || trunk()) {
                Ok(())
            } else {
                Err(mismatch(written))
            }
        }
        Source::Default => {
            let t = default.ok_or_else(|| mismatch(&written_all))?;
            let code = parse::Decimal::of(t.country_code);
            let Some(nsn) = target.strip_prefix(code.as_str()) else {
                return Err(mismatch(&written_all));
            };
            let candidates = [Some(written_all.as_str()), written_all.strip_prefix(code.as_str())];
            let ok = candidates
                .iter()
                .flatten()
                .any(|&x| x == nsn || parse::national_prefix_rewrite(x, t).is_some_and(|(r, _)| r == nsn));
            if ok {
                Ok(())
            } else {
                Err(mismatch(&written_all))
            }
        }
    }
}

#[cfg(test)]
mod tests;
