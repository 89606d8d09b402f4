//! The codes of validation issues: one enum, written once here, from which
//! the README's code table and the TypeScript union `IssueCode`
//! (`js/codes.d.ts`) are generated (`tests/generated.rs`). Each code
//! serializes as its stable snake_case string (ARCHITECTURE.md, Shapes).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Whether an issue with a code is an error, a warning, or either depending
/// on the kind (README, Codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Always an error: upstream would reject the document.
    Error,
    /// Always a warning: legal but likely wrong.
    Warning,
    /// An error in some kinds or cases, a warning in others.
    ErrorOrWarning,
}

impl Severity {
    /// `error`, `warning` or `error / warning` (the README's wording).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::ErrorOrWarning => "error / warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $s:literal, $sev:ident, $desc:literal;)*) => {
        /// The code of a validation issue ([`crate::Issue::code`]). Codes
        /// order as their strings do (issues sort by path, then code).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case string (what JSON, the CLI and JavaScript show).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $s,)*
                }
            }

            /// When an issue has this code (one line, the README's table).
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $desc,)*
                }
            }

            /// Whether it is reported as an error, a warning, or either.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$sev,)*
                }
            }
        }
    };
}

codes! {
    /// A required field is missing.
    Required = "required", Error, "a required field is missing (path = the field), or, in `sub_request_update` and `draft_sub_request_update`, `new_billing_phone_number` when `remaining_numbers_action` is `keep` (in the draft read kinds that is a completeness need, never an error)";
    /// Wrong JSON type.
    Type = "type", Error, "wrong JSON type (a required field that is `null` included)";
    /// Not one of the allowed values.
    Enum = "enum", Error, "not one of the allowed values (ISO 3166-1 codes for `country_code`)";
    /// Not the one value allowed.
    Const = "const", Error, "not the one value the schema allows there";
    /// A string shorter than its minimum length.
    MinLength = "min_length", Error, "a string shorter than its minimum length";
    /// A string longer than its maximum length.
    MaxLength = "max_length", Error, "a string longer than its maximum length";
    /// A number below its minimum.
    Minimum = "minimum", Error, "a number below its minimum (CM.com `quantity` 1..1000; every `int32` field −2,147,483,648 and `int64` field likewise, the bounds written into the schemas so that every validator enforces them, as ajv-formats does)";
    /// A number above its maximum.
    Maximum = "maximum", Error, "a number above its maximum (CM.com `quantity` 1..1000; `int32` 2,147,483,647, `int64` likewise)";
    /// An empty list where one item is needed.
    MinItems = "min_items", Error, "an empty `numbers` list in `number_collection`";
    /// A string not matching its pattern.
    Pattern = "pattern", Error, "E.164, two-letter area, RFC 3339 date-time, UUID, http(s) URL";
    /// A string not in its format.
    Format = "format", Error, "`date-time` (RFC 3339, real dates, leap seconds only at 23:59 UTC), `uuid` (hyphenated), `uri` (RFC 3986, absolute) asserted. One mistake is one issue: a value failing both a format and the pattern paired with it gets the `format` issue alone, with the pattern's message";
    /// A required field sent as `""` or white space.
    BlankRequired = "blank_required", Warning, "a required field sent as `\"\"` or white space, which upstream accepts where the schema sets no minimum length; completeness counts it as missing";
    /// A number that cannot be normalized or is not in use.
    PhoneInvalid = "phone_invalid", ErrorOrWarning, "the number cannot be normalized, or the metadata says it is not a number in use (warning in Kazoo kinds and for `numbers[]` that are possible)";
    /// A number with the wrong number of digits.
    PhoneNotPossible = "phone_not_possible", ErrorOrWarning, "wrong number of digits for its country (warning in `phone_number`)";
    /// An emergency number where a phone number (DID) is expected.
    PhoneEmergency = "phone_emergency", ErrorOrWarning, "instead of `phone_not_possible` / `phone_invalid` (same severity): the number is an emergency number of its region (`911`, `+44 999`), not a DID (Short and emergency numbers)";
    /// A short code where a phone number (DID) is expected.
    PhoneShortCode = "phone_short_code", ErrorOrWarning, "likewise for a short code of its region (`611`, `+1 23333`)";
    /// The same number twice in a collection.
    DuplicateNumber = "duplicate_number", Error, "the same number twice in `numbers` once normalized";
    /// A CM.com order with neither area code nor city.
    AreaCodeOrCityRequired = "area_code_or_city_required", Error, "CM.com order with neither `areaCode` nor `city` (reported at both)";
    /// A CM.com order in a NANP country without a region.
    RegionRequired = "region_required", Error, "CM.com order in a NANP country without `region`";
    /// A field the kind does not name.
    UnknownField = "unknown_field", Warning, "a field the kind does not name, with \"did you mean\" where one is close";
    /// No state, territory or province code.
    UnknownAdministrativeArea = "unknown_administrative_area", Warning, "a US/CA `administrative_area`, or Kazoo `e911.region`, that is no state, territory or province code";
    /// A postal code that does not fit the country.
    PostalCodeFormat = "postal_code_format", Warning, "a postal code that does not fit the country (US ZIP / ZIP+4, Canadian A1A 1A1)";
    /// A requested FOC date in the past.
    FocDateInPast = "foc_date_in_past", Warning, "requested FOC date in the past (only when `now` is given)";
    /// A requested FOC date on a weekend.
    FocDateOnWeekend = "foc_date_on_weekend", Warning, "requested FOC date on a Saturday or Sunday (only when `now` is given)";
    /// A partial-port attribute sent with a full port.
    FullPortAttribute = "full_port_attribute", Warning, "`remaining_numbers_action` or `new_billing_phone_number` sent with porting-option type `full`";
    /// EU identifiers outside the EU.
    EuIdentifierOutsideEu = "eu_identifier_outside_eu", Warning, "`tax_identifier` / `business_identifier` with a non-EU `country_code`";
    /// The billing number's country differs from the document's.
    BillingCountryMismatch = "billing_country_mismatch", Warning, "the billing number's country differs from `country_code`";
    /// A draft's own `complete` flag disagrees with its completeness.
    CompleteFlagMismatch = "complete_flag_mismatch", Warning, "a draft sub request's own `complete` flag disagrees with our completeness";
    /// `check` removed an extension.
    PhoneExtension = "phone_extension", Warning, "`check` removed an extension E.164 cannot hold; the warning's `value` carries it";
    /// `check` removed a label.
    PhoneLabel = "phone_label", Warning, "`check` removed a label from a number (`(Handy)`, a name after it); the warning's `value` carries the text removed";
    /// A string read as a boolean or number.
    LenientType = "lenient_type", Warning, "with `lenient_types`, a string read as a boolean or number";
    /// A value past a limit.
    InvalidJson = "invalid_json", Error, "the document's text is not JSON (a document given as text: `validate_str`, `check_str`, a string or bytes in JavaScript); at path `\"\"`, with the line and column";
    DuplicateKey = "duplicate_key", Error, "a key twice in one object of the document's text (the last value is judged, as `JSON.parse` keeps it), with the line and column";
    InvalidUtf8 = "invalid_utf8", Error, "the document's bytes are not UTF-8, with the offset of the first bad byte";
    LimitExceeded = "limit_exceeded", Error, "a value past a limit (Limits): nesting, string or key length, array length";
    /// The embedded schema failed to compile.
    InternalError = "internal_error", Error, "the embedded schema failed to compile (never expected; a test compiles them all)";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not an issue code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not an issue code", self.0)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCode(s.to_string()))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> Cow<'static, str> {
        "IssueCode".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        // `tsType`: json-schema-to-typescript names the union generated into
        // js/codes.d.ts instead of writing it out again.
        schemars::json_schema!({
            "description": "Stable snake_case code of an issue (README, Codes).",
            "type": "string",
            "enum": all,
            "tsType": "IssueCode",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_string_and_serde() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert_eq!(c.as_str().parse::<Code>(), Ok(c));
            assert_eq!(c.to_string(), c.as_str());
            let json = serde_json::to_value(c).unwrap();
            assert_eq!(json, serde_json::Value::String(c.as_str().into()));
            assert_eq!(serde_json::from_value::<Code>(json).unwrap(), c);
            assert!(
                c.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{c}"
            );
            assert!(!c.description().is_empty() && !c.description().contains('\n'), "{c}");
        }
        assert!("Required".parse::<Code>().is_err());
        // Alphabetical, as the strings were: issues at one path sort by code.
        let mut sorted = Code::ALL.to_vec();
        sorted.sort();
        let strings: Vec<&str> = sorted.iter().map(|c| c.as_str()).collect();
        let mut expected: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        expected.sort_unstable();
        assert_eq!(strings, expected);
        assert!(Code::Type > Code::Required && Code::Format < Code::Pattern);
        assert!(serde_json::from_str::<Code>("\"no_such_code\"").is_err());
    }
}
